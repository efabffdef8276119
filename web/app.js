// app.js - the small JS glue: starts the wasm module, shows loading and failure states, and exposes
// window.neurodrive (docs/API.md), the host-page postMessage protocol with its trust model, share
// links, persistence and LMS messages (docs/EMBEDDING.md). Every text from outside is measured here
// before it enters wasm and is copied to the wasm heap (never the stack); C++ validates its content
// (url_params.cpp, messages.cpp, commands.cpp, persist.cpp). Text from outside is only ever shown with
// textContent, never as HTML. Nothing here throws to a caller.
//
// Index: limits and page helpers | the wasm edge | window.neurodrive | start-up texts and storage |
//        the accessible mirror | failure modes | host messages (trust model) | LMS messages |
//        persistence | share link, scenario builder, export menu, fullscreen, start fresh | offline |
//        start the module
(function () {
  'use strict';
  // ---- Limits and page helpers ----------------------------------------------------------------------
  // The limits on what enters wasm come from C++ at start (settings.hpp, config.settings.limits); until
  // then no text is passed in but the start-up texts, which C++ cuts to its own limits (web_bridge.cpp).
  let LIMITS = { json_bytes: 0, stored_bytes: 0, name_chars: 0, inputs_per_call: 0, subscribers: 0, min_hz: 0, max_hz: 0 };
  // Host messages held while NeuroDrive starts (checked and measured once the policy and limits are
  // known), per kind of sender: the parent (when embedded) and the opener 32 each, all other windows 8
  // together, so no stranger can crowd out the parent.
  const QUEUE = Object.freeze({ parent: 32, opener: 32, other: 8 });
  // The languages (web/languages.js): the loading and failure pages speak the language the app will
  // start in before its strings table is read; a language's strings are fetched when it is chosen.
  const LANG = window.NeuroDriveLanguages;
  const STORE_PREFIX = 'neurodrive:v1:';
  const LEGACY_KEYS = ['neurodrive:state', 'neurodrive:scale'];
  const canvas = document.getElementById('canvas');
  const loading = document.getElementById('loading');
  const inFrame = (() => { try { return window.parent !== window; } catch (e) { return true; } })();
  // The browser's preferred language that NeuroDrive has (pt-PT -> pt-BR, fr-CA -> fr), or ''.
  const browserLang = LANG.browser;
  // The language the app will most likely start in (C++ decides; the stored choice is only a hint here):
  // the loading message is in it, and its strings are fetched while wasm loads.
  const storedLang = (() => { try { return JSON.parse(localStorage.getItem(STORE_PREFIX + location.pathname.slice(0, 512)) || '{}').lang || ''; } catch (e) { return ''; } })();
  const startLang = LANG.guess(location.search, storedLang);
  if (startLang !== LANG.list[0].code) {
    document.documentElement.lang = startLang;
    loading.querySelector('p').textContent = LANG.loading(startLang);
  }
  if (!LANG.builtIn(startLang)) LANG.load(startLang).catch(() => { /* C++ asks again and hears why */ });
  // A failure page in the start language (its boot.* texts): in English at once, then in the start
  // language when its strings are there (they are fetched from the start; built in for English).
  function failWith(keys, value = '') {
    const show = () => fail(...keys.map((k) => LANG.boot(startLang, k).replace('%s', () => value)));
    show();
    if (!LANG.builtIn(startLang)) LANG.load(startLang).then(show, () => { /* stays in English */ });
  }
  const encoder = new TextEncoder();
  const byteLength = (s) => (s.length > LIMITS.json_bytes * 4 ? Infinity : encoder.encode(s).length);

  function fail(title, detail, hint) {
    loading.hidden = true;
    document.getElementById('failure-title').textContent = title;
    document.getElementById('failure-detail').textContent = detail;
    document.getElementById('failure-hint').textContent = hint || '';
    document.getElementById('failure').hidden = false;
    document.getElementById('page-tools').hidden = true;
    canvas.hidden = true;
  }

  // A short visible notice (role=status), e.g. for ignored URL parameters. Several join into one.
  const notices = [];
  function notice(text) {
    if (!notices.includes(text)) notices.push(text);
    document.getElementById('notice-text').textContent = notices.join(' ');
    document.getElementById('notice').hidden = false;
  }
  document.getElementById('notice-close').addEventListener('click', () => { document.getElementById('notice').hidden = true; notices.length = 0; });

  let resolveReady, rejectReady;
  const ready = new Promise((resolve, reject) => { resolveReady = resolve; rejectReady = reject; });
  ready.catch(() => {});  // callers that never await ready must not see an unhandled rejection

  // ---- The wasm edge ----------------------------------------------------------------------------------
  // Every call into wasm goes through wasm(): string arguments are checked (no NUL, bounded) and copied
  // into memory from _malloc, freed after the call. If wasm ever traps, the app stops for good and says so.
  let module = null;
  let stopped = '';            // why NeuroDrive stopped ('' = running)
  const timers = [];
  class ArgumentError extends Error {}

  function stop(reason) {
    if (stopped) return;
    stopped = String(reason && reason.message || reason || 'unknown error').slice(0, 200);
    for (const t of timers) clearInterval(t);
    for (const s of subscribers.values()) clearInterval(s.timer);
    subscribers.clear();
    failWith(['stopped.title', 'stopped.detail', 'stopped.hint'], stopped);
    rejectReady(new Error('NeuroDrive stopped: ' + stopped));
  }

  function wasm(name, ...args) {
    if (stopped) throw new Error('stopped');
    const ptrs = [];
    try {
      const converted = args.map((a) => {
        if (typeof a !== 'string') return a;
        if (a.includes('\u0000')) throw new ArgumentError('text must not contain NUL characters');
        const n = byteLength(a) + 1;
        if (n > LIMITS.json_bytes + 1) throw new ArgumentError(`text longer than ${LIMITS.json_bytes} bytes`);
        const p = module._malloc(n);
        if (!p) throw new ArgumentError('out of memory');
        ptrs.push(p);
        module.stringToUTF8(a, p, n);
        return p;
      });
      return module['_' + name](...converted);
    } catch (e) {
      if (!(e instanceof ArgumentError)) stop(e);
      throw e;
    } finally {
      if (!stopped) for (const p of ptrs) module._free(p);
    }
  }
  // Text and JSON results; null when the app is stopped or the call failed (never throws).
  function wasmText(name, ...args) {
    try { return module.UTF8ToString(wasm(name, ...args)); } catch (e) { return e instanceof ArgumentError ? { argumentError: e.message } : null; }
  }
  function wasmJson(name, ...args) {
    const text = wasmText(name, ...args);
    if (text === null || typeof text !== 'string') return text;
    try { return JSON.parse(text); } catch (e) { stop(e); return null; }
  }

  const notReady = () => ({ ok: false, error: stopped ? `NeuroDrive stopped (${stopped}); reload the page` : 'NeuroDrive is not ready yet (await neurodrive.ready)' });
  // A command: {ok: true} or {ok: false, error}.
  function command(name, ...args) {
    if (!module || stopped) return notReady();
    const r = wasmJson(name, ...args);
    if (r === null) return notReady();
    if (r.argumentError) return { ok: false, error: r.argumentError };
    return r;
  }
  const view = (name, ...args) => (module && !stopped ? wasmJson(name, ...args) : null);

  // ---- window.neurodrive (docs/API.md) ------------------------------------------------------------------
  const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v)
    && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);
  const isName = (v) => typeof v === 'string' && v.length <= LIMITS.name_chars;
  // No API call throws, whatever it is given (getters that throw, proxies, huge strings).
  const safe = (fn) => (...args) => {
    try { return fn(...args); } catch (e) { return { ok: false, error: 'invalid argument: ' + String(e && e.message || e).slice(0, 120) }; }
  };

  // Validates set()'s argument in JS (shape, count, name length, numbers) and returns its JSON text.
  function inputsText(values) {
    if (!isPlainObject(values)) return { error: 'set() takes an object such as {thyroid: 0.3}' };
    const keys = Object.keys(values);
    if (keys.length > LIMITS.inputs_per_call) return { error: `set() takes at most ${LIMITS.inputs_per_call} inputs` };
    const clean = {};
    for (const k of keys) {
      if (k.length > LIMITS.name_chars) return { error: `input names are at most ${LIMITS.name_chars} characters` };
      const v = values[k];
      if (typeof v !== 'number' || !Number.isFinite(v)) return { error: `${k.slice(0, 40)} must be a finite number` };
      Object.defineProperty(clean, k, { value: v, enumerable: true });
    }
    return { text: JSON.stringify(clean) };
  }

  // ---- Exports: CSV of signals, trials and lab results; a PNG of the view with a caption ------------
  // The kinds come from C++ with the mirror (export.hpp export_kinds): tables as CSV, and the picture.
  let exportKinds = [];
  function exportCsv(kind) {
    const tables = exportKinds.filter((k) => !k.picture).map((k) => k.kind);
    if (!tables.includes(kind)) return { ok: false, error: `exportCsv() takes ${tables.map((k) => `"${k}"`).join(', ').replace(/, ([^,]*)$/, ' or $1')}` };
    const r = command('nd_export', kind);
    return r.ok ? { ok: true, name: r.name, text: r.text } : r;
  }
  function exportPicture() {
    const kind = exportKinds.find((k) => k.picture);
    const caption = kind ? command('nd_export', kind.kind) : notReady();
    if (!caption.ok) return caption;
    wasm('nd_draw_now');  // a fresh frame: the WebGL canvas is readable until this task ends
    const band = Math.max(28, Math.round(canvas.height * 0.045));
    const out = document.createElement('canvas');
    out.width = canvas.width;
    out.height = canvas.height + band;
    const g = out.getContext('2d');
    g.fillStyle = caption.background;  // the caption band in the theme's colours
    g.fillRect(0, 0, out.width, out.height);
    g.drawImage(canvas, 0, 0);
    g.fillStyle = caption.color;
    g.font = `${Math.round(band * 0.5)}px sans-serif`;
    g.textBaseline = 'middle';
    g.fillText(caption.text, Math.round(band * 0.4), canvas.height + band / 2, out.width - band);
    return { ok: true, name: caption.name, url: out.toDataURL('image/png') };
  }
  function download(name, href) {
    const a = el('a', { href, download: name });
    document.body.append(a);
    a.click();
    a.remove();
  }
  function saveExport(kind) {
    const picture = exportKinds.some((k) => k.kind === kind && k.picture);
    const r = picture ? exportPicture() : exportCsv(kind);
    if (!r.ok) { notice(r.error); announcer.textContent = r.error; return r; }
    if (picture) download(r.name, r.url);
    else {
      const url = URL.createObjectURL(new Blob([r.text], { type: 'text/csv;charset=utf-8' }));
      download(r.name, url);
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    }
    return r;
  }

  const api = {
    ready,
    exportCsv: safe((kind) => { const r = exportCsv(kind); return r.ok ? r.text : r; }),
    exportPng: safe(() => { const r = exportPicture(); return r.ok ? r.url : r; }),
    get: safe(() => view('nd_state_json')),
    set: safe((values) => {
      const t = inputsText(values);
      return t.error ? { ok: false, error: t.error } : command('nd_set_inputs', t.text, 0);
    }),
    event: safe((name) => (isName(name) ? command('nd_event', name, 0) : { ok: false, error: 'event() takes "cue", "reward" or "omit"' })),
    preset: safe((id) => (isName(id) ? command('nd_preset', id, 0) : { ok: false, error: 'preset() takes a preset id such as "hypothyroid"' })),
    compare: safe((spec) => (typeof spec === 'string' && spec.length <= 512 ? command('nd_compare', spec, 0)
      : { ok: false, error: 'compare() takes "off" or a scenario such as "hypothyroid" or "thyroid:0.4,dopamine:1.2"' })),
    presets: safe(() => view('nd_presets_json')),
    speed: safe((x) => (typeof x === 'number' ? command('nd_set_speed', x, 0) : { ok: false, error: 'speed() takes a number from 0.25 to 4' })),
    autoTrials: safe((on) => (typeof on === 'boolean' ? command('nd_set_auto_trials', on ? 1 : 0, 0) : { ok: false, error: 'autoTrials() takes true or false' })),
    reset: safe(() => command('nd_reset', 0)),
    pause: safe(() => command('nd_pause', 0)),
    play: safe(() => command('nd_play', 0)),
    shareLink: safe(() => (module && !stopped ? shareUrl() : null)),
    scenario: (options) => { try { return scenario(options).catch((e) => ({ ok: false, error: String(e && e.message || e).slice(0, 120) })); } catch (e) { return Promise.resolve({ ok: false, error: 'invalid argument: ' + String(e && e.message || e).slice(0, 120) }); } },
    layout: safe(() => view('nd_layout_json')),
    stats: safe(() => view('nd_stats_json')),
    // Lesson progress for an LMS (the SCORM package's adapter): a compact record, its strict restore,
    // and the answers and completions since number `from` (docs/API.md).
    lessonRecord: safe((id) => { if (!isName(id)) return { ok: false, error: 'lessonRecord() takes a lesson id' }; const r = command('nd_lesson_record', id); return r.ok ? r.record : r; }),
    restoreLesson: safe((text) => (typeof text === 'string' && text.length <= LIMITS.stored_bytes ? command('nd_lesson_restore', text) : { ok: false, error: `restoreLesson() takes a record of at most ${LIMITS.stored_bytes} characters` })),
    lessonEvents: safe((from) => (Number.isSafeInteger(from) && from >= 0 ? view('nd_lesson_events', from) : { ok: false, error: 'lessonEvents() takes a whole number from 0' })),
  };
  Object.freeze(api);
  Object.defineProperty(window, 'neurodrive', { value: api, writable: false, configurable: false });

  // ---- Start-up texts and storage ------------------------------------------------------------------------
  // web_bridge.cpp reads these through the heap while main() runs, cut to the limits it gives: the URL
  // query, the browser environment, and - only when C++ decides persistence applies - the stored state.
  function environment() {
    const env = new URLSearchParams();
    if (browserLang) env.set('lang', browserLang);
    if (window.matchMedia && matchMedia('(prefers-color-scheme: light)').matches) env.set('scheme', 'light');
    if (window.matchMedia && matchMedia('(prefers-reduced-motion: reduce)').matches) env.set('motion', 'reduce');
    return env.toString();
  }
  let storeKey = '';          // this embedding's key: page path plus the persist= name
  let migrated = false;       // the text size came from an older NeuroDrive's key
  function readStored(name, maxBytes) {
    storeKey = STORE_PREFIX + location.pathname.slice(0, 512) + (name ? '#' + name : '');
    try {
      const text = localStorage.getItem(storeKey);
      if (text === null) {
        const legacy = Number(localStorage.getItem('neurodrive:scale'));  // an older NeuroDrive's text size: C++ checks it
        if (legacy > 0) { migrated = true; return { status: 1, text: JSON.stringify({ v: 1, scale: legacy }) }; }
        return { status: 0, text: '' };
      }
      if (text.length > maxBytes || encoder.encode(text).length > maxBytes) return { status: 2, text: '' };
      return { status: 1, text };
    } catch (e) {
      return { status: 3, text: '' };  // storage blocked (privacy settings, sandbox)
    }
  }

  // ---- The accessible mirror: native controls beside the canvas, kept in sync both ways -------------
  // Its controls are the user's own (from_user = 1): what they choose may be kept; locked ones are disabled.
  const mirror = document.getElementById('a11y-mirror');
  const announcer = document.getElementById('announcer');
  const mirrorInputs = new Map();
  let mirrorBuilt = false, lastAnnouncement = 0;
  const el = (tag, props = {}, text) => { const e = document.createElement(tag); Object.assign(e, props); if (text !== undefined) e.textContent = text; return e; };
  const user = {
    set: (name, value) => command('nd_set_inputs', JSON.stringify({ [name]: value }), 1),
    event: (name) => command('nd_event', name, 1),
    preset: (id) => command('nd_preset', id, 1),
    compare: (spec) => command('nd_compare', spec, 1),
    reset: () => command('nd_reset', 1),
    togglePause: () => { const s = api.get(); return s && command(s.paused ? 'nd_play' : 'nd_pause', 1); },
    setting: (key, value) => command('nd_setting', key, value),
  };
  // A refused change is said aloud (the reason names the lock).
  const said = (r) => { if (r && r.ok === false) announcer.textContent = r.error; };

  function buildMirror(m) {
    mirror.replaceChildren();
    mirror.append(el('h2', { id: 'a11y-title' }, m.title), el('p', { id: 'a11y-summary' }, m.summary));
    const events = el('div', { role: 'group', id: 'a11y-events' });
    events.setAttribute('aria-label', m.labels.events);
    for (const e of m.events) {
      const b = el('button', { type: 'button', id: 'a11y-event-' + e.name, className: 'a11y-event' }, e.label);
      b.addEventListener('click', () => said(user.event(e.name)));
      events.append(b);
    }
    const play = el('button', { type: 'button', id: 'a11y-play' }, m.paused ? m.labels.play : m.labels.pause);
    play.addEventListener('click', () => said(user.togglePause()));
    const reset = el('button', { type: 'button', id: 'a11y-reset' }, m.labels.reset);
    reset.addEventListener('click', () => said(user.reset()));
    events.append(play, reset);
    const presetLabel = el('label', { htmlFor: 'a11y-preset', id: 'a11y-preset-label' }, m.labels.presets);
    const select = el('select', { id: 'a11y-preset' });
    select.append(el('option', { value: 'custom' }, m.labels.custom));
    for (const p of m.presets) select.append(el('option', { value: p.id }, p.title));
    select.addEventListener('change', () => { if (select.value !== 'custom') said(user.preset(select.value)); });
    // Compare mode: a second brain with the same events beside this one (off, or a preset).
    const compareLabel = el('label', { htmlFor: 'a11y-compare', id: 'a11y-compare-label' }, m.labels['compare.label']);
    const compare = el('select', { id: 'a11y-compare' });
    compare.append(el('option', { value: 'off' }, m.labels['compare.off']));
    for (const p of m.presets) compare.append(el('option', { value: p.id }, p.title));
    compare.addEventListener('change', () => said(user.compare(compare.value)));
    mirror.append(events, presetLabel, select, compareLabel, compare);
    mirrorInputs.clear();
    for (const i of m.inputs) {
      const id = 'a11y-in-' + i.name;
      const label = el('label', { htmlFor: id }, i.label);
      const input = el('input', { type: 'range', id, min: String(i.min * 100), max: String(i.max * 100), step: '1' });
      input.addEventListener('input', () => said(user.set(i.name, Number(input.value) / 100)));
      mirrorInputs.set(i.name, { input, label });
      mirror.append(label, input);
    }
    mirror.append(el('ul', { id: 'a11y-narration' }));
    // The spoken scene: the whole brain in words, on request (a screen reader reads it at once).
    const describe = el('button', { type: 'button', id: 'a11y-describe' }, m.labels['scene.button']);
    const scene = el('div', { id: 'a11y-scene' });
    scene.setAttribute('role', 'region');
    scene.setAttribute('aria-live', 'polite');
    scene.setAttribute('aria-labelledby', 'a11y-describe');
    describe.addEventListener('click', () => {
      const text = wasmText('nd_describe_scene');
      if (typeof text === 'string') scene.replaceChildren(...text.split('\n').filter(Boolean).map((t) => el('p', {}, t)));
    });
    mirror.append(describe, scene);
    // Exports, as on the page's Export menu (both from the registry of export kinds).
    const exports = el('div', { role: 'group', id: 'a11y-exports' });
    exports.setAttribute('aria-label', m.labels['page.export']);
    for (const k of m.exports) {
      const b = el('button', { type: 'button', id: 'a11y-export-' + k.kind, className: 'a11y-export' }, k.label);
      b.dataset.kind = k.kind;
      b.addEventListener('click', () => { const r = saveExport(k.kind); if (r.ok) announcer.textContent = labels['page.exported'].replace('%s', r.name); });
      exports.append(b);
    }
    // The scenario builder (the page's Share button): a link, an embed code and a QR code.
    const share = el('button', { type: 'button', id: 'a11y-share' }, m.labels['builder.button']);
    share.setAttribute('aria-haspopup', 'dialog');
    share.addEventListener('click', () => openBuilder(share));
    mirror.append(exports, share);
    // Page settings (the same as View settings on the canvas; C++ lists the table's user settings):
    // kept across visits where the page saves.
    const settings = el('fieldset', { id: 'a11y-settings' });
    settings.append(el('legend', { id: 'a11y-settings-legend' }));
    for (const item of m.settings) {
      const id = 'a11y-' + item.name, label = el('label', { htmlFor: id, id: id + '-label' });
      if (item.type === 'flag') {
        const box = el('input', { type: 'checkbox', id });
        box.addEventListener('change', () => { said(user.setting(item.name, box.checked ? 'on' : 'off')); syncAudio(); });
        label.className = 'inline';
        settings.append(box, label);
      } else {
        const select = el('select', { id });
        select.append(...item.options.map((o) => el('option', { value: o.value })));
        select.addEventListener('change', () => said(user.setting(item.name, select.value)));
        settings.append(label, select);
      }
    }
    const fresh = el('button', { type: 'button', id: 'a11y-start-fresh', hidden: true });
    fresh.addEventListener('click', startFresh);
    settings.append(fresh);
    mirror.append(settings);
    mirrorBuilt = true;
  }

  let labels = null;  // page texts in the UI language, from the strings table (via the mirror)
  const setTextOf = (e, text) => { if (e && text && e.textContent !== text) e.textContent = text; };
  const setText = (id, text) => { const e = document.getElementById(id); if (e && e.textContent !== text) e.textContent = text; };
  function lockedControl(e, reason) {
    e.disabled = !!reason;
    if (reason) e.title = reason; else e.removeAttribute('title');
  }
  function updateMirror() {
    const m = view('nd_mirror_json');
    if (!m) return;
    labels = m.labels;
    document.documentElement.lang = m.lang;
    setTextOf(shareButton, m.labels['builder.button']);
    shareButton.title = m.labels['builder.button.tip'];
    exportButton.title = m.labels['page.export.tip'];
    exportButton.setAttribute('aria-label', m.labels['page.export']);
    exportKinds = m.exports;
    if (!exportMenu.children.length) buildExportMenu();
    for (const k of m.exports) for (const b of document.querySelectorAll(`[data-kind="${k.kind}"]`)) setTextOf(b, k.label);
    document.getElementById('notice-close').setAttribute('aria-label', m.labels['page.dismiss']);
    fsButton.title = m.labels['page.fullscreen'];
    fsButton.setAttribute('aria-label', m.labels['page.fullscreen']);
    freshButton.title = `${m.labels['page.start_fresh']}: ${m.labels['page.start_fresh.tip']}`;
    freshButton.setAttribute('aria-label', m.labels['page.start_fresh']);
    freshButton.hidden = !persistActive() || !hasSaved;
    if (!mirrorBuilt) buildMirror(m);
    setText('a11y-title', m.title);
    setText('a11y-summary', m.summary);
    setText('a11y-play', m.paused ? m.labels.play : m.labels.pause);
    lockedControl(document.getElementById('a11y-play'), m.locked_reason.time);
    lockedControl(document.getElementById('a11y-reset'), m.locked_reason.reset);
    for (const b of mirror.querySelectorAll('.a11y-event')) lockedControl(b, m.locked_reason.events);
    const select = document.getElementById('a11y-preset');
    lockedControl(select, m.locked_reason.presets);
    if (document.activeElement !== select) select.value = m.presets.some((p) => p.id === m.preset) ? m.preset : 'custom';
    const compare = document.getElementById('a11y-compare');
    lockedControl(compare, m.locked_reason.reset);  // compare mode has the locks of Reset all (time, presets)
    setText('a11y-compare-label', m.labels['compare.label']);
    setTextOf(compare.options[0], m.labels['compare.off']);
    if (document.activeElement !== compare) compare.value = m.compare;
    for (const i of m.inputs) {
      const { input, label } = mirrorInputs.get(i.name);
      if (label.textContent !== i.label) label.textContent = i.label;
      input.disabled = i.locked;
      input.setAttribute('aria-valuetext', i.valuetext);
      if (document.activeElement !== input) input.value = String(Math.round(i.value * 100));
    }
    setText('a11y-settings-legend', m.labels['page.settings']);
    for (const item of m.settings) {
      const control = document.getElementById('a11y-' + item.name);
      setText('a11y-' + item.name + '-label', item.label);
      if (item.type === 'flag') control.checked = item.value;
      else {
        item.options.forEach((o, i) => setTextOf(control.options[i], o.label));
        if (document.activeElement !== control) control.value = item.value;
      }
    }
    setText('a11y-describe', m.labels['scene.button']);
    setText('a11y-share', m.labels['builder.button']);
    if (m.audio !== audioOn) syncAudio();
    sendPageTools();
    const fresh = document.getElementById('a11y-start-fresh');
    fresh.hidden = !persistActive();
    setText('a11y-start-fresh', m.labels['page.start_fresh']);
    updateLessonMirror();
    const list = document.getElementById('a11y-narration');
    list.replaceChildren(...m.narration.map((t) => el('li', {}, t)));
    // Key events (a burst at the cue, an omission dip) first: C++ throttles them in simulated time.
    const key = wasmText('nd_key_announcement');
    if (typeof key === 'string' && key) { announcer.textContent = key; lastAnnouncement = Date.now(); }
    // Announce meaningful changes, at most every 4 s, so a screen reader is never flooded.
    if (Date.now() - lastAnnouncement >= 4000) {
      const text = wasmText('nd_announcement');
      if (typeof text === 'string' && text) { announcer.textContent = text; lastAnnouncement = Date.now(); }
    }
  }

  // Guided lessons in the mirror: a keyboard or screen-reader user can run a whole lesson here.
  let lessonSignature = '';
  function lessonAction(action, option = 0) { command('nd_lesson', action, option); updateLessonMirror(); }
  function updateLessonMirror() {
    const text = wasmText('nd_lessons_json');
    if (typeof text !== 'string' || text === lessonSignature) return;
    lessonSignature = text;
    const data = JSON.parse(text);
    const focusedId = document.activeElement && document.activeElement.id;
    let box = document.getElementById('a11y-lesson');
    if (!box) { box = el('section', { id: 'a11y-lesson' }); mirror.append(box); }
    box.replaceChildren();
    const L = data.labels;
    const a = data.active;
    if (!a) {
      box.append(el('h3', {}, L['lessons.title']));
      for (const l of data.list) {
        const b = el('button', { type: 'button', id: 'a11y-lesson-start-' + l.id }, `${L['lessons.start']}: ${l.title} (${l.done}/${l.steps})`);
        b.addEventListener('click', () => lessonAction('start:' + l.id));
        box.append(b);
      }
    } else {
      box.append(el('h3', {}, `${a.title} - ${a.step}/${a.steps}`), el('p', {}, a.explain));
      const fs = el('fieldset', { id: 'a11y-lesson-question' });
      fs.append(el('legend', {}, a.question));
      a.options.forEach((o, i) => {
        const id = `a11y-lesson-option-${i + 1}`;
        const r = el('input', { type: 'radio', name: 'a11y-lesson-option', id, checked: a.choice === i + 1, disabled: a.phase !== 'predict' });
        r.addEventListener('change', () => lessonAction('choose', i + 1));
        fs.append(r, el('label', { htmlFor: id, className: 'inline' }, o), el('br'));
      });
      box.append(fs);
      if (a.phase === 'predict') {
        const b = el('button', { type: 'button', id: 'a11y-lesson-lock', disabled: a.choice === 0 }, L['lessons.lock']);
        b.addEventListener('click', () => lessonAction('lock'));
        box.append(b);
      } else if (a.phase === 'act') {
        box.append(el('p', { id: 'a11y-lesson-do' }, a.do), el('p', {}, L['lessons.waiting']));
      } else if (a.phase === 'observe') {
        box.append(el('p', { id: 'a11y-lesson-observe' }, a.observe), el('p', {}, L['lessons.observing']));
      } else {
        box.append(el('p', { id: 'a11y-lesson-verdict' }, a.right ? L['lessons.right'] : L['lessons.wrong']));
        if (a.correct > 0) box.append(el('p', { id: 'a11y-lesson-answer' }, `${L['lessons.answer_is']} ${a.options[a.correct - 1]}`));
        box.append(el('p', {}, a.why));
        const b = el('button', { type: 'button', id: 'a11y-lesson-next' }, a.step === a.steps ? L['lessons.finish'] : L['lessons.next']);
        b.addEventListener('click', () => lessonAction('next'));
        box.append(b);
        announcer.textContent = (a.right ? L['lessons.right'] : `${L['lessons.wrong']} ${L['lessons.answer_is']} ${a.options[a.correct - 1] || ''}`) + ' ' + a.why;
      }
      const back = el('button', { type: 'button', id: 'a11y-lesson-back' }, L['lessons.back']);
      back.addEventListener('click', () => lessonAction('back'));
      box.append(back);
    }
    const again = focusedId && document.getElementById(focusedId);
    if (again && mirror.contains(again)) again.focus();
    else if (focusedId && focusedId.startsWith('a11y-lesson')) (box.querySelector('button:not([disabled]), input:not([disabled])') || box).focus();
  }

  // ---- Sound: the audio monitor (web/audio.js) plays the model's VTA spikes and cue/reward tones -------
  // Polled every 100 ms while on; off, nothing runs. Browsers start audio only after a user gesture,
  // so every press also tries to resume it.
  const monitor = window.NeuroDriveAudio ? window.NeuroDriveAudio.create() : null;
  let audioOn = false, audioTimer = 0;
  function audioTick() {
    const f = view('nd_audio_json');
    if (!f || !monitor) return;
    if (f.silence) monitor.silence();
    if (f.on !== audioOn) { syncAudio(); return; }
    monitor.feed(f);
  }
  function syncAudio() {
    const m = view('nd_audio_json');
    if (!m || !monitor) return;
    audioOn = !!m.on;
    if (audioOn && !monitor.enabled) monitor.enable();
    if (!audioOn && monitor.enabled) monitor.disable();
    if (audioOn && !audioTimer) audioTimer = setInterval(audioTick, 100);
    if (!audioOn && audioTimer) { clearInterval(audioTimer); audioTimer = 0; }
  }
  const gesture = () => { if (monitor) { monitor.unlock(); setTimeout(syncAudio, 120); } };
  for (const type of ['pointerup', 'keyup']) window.addEventListener(type, gesture, true);
  document.addEventListener('visibilitychange', () => { if (monitor) monitor.visibility(document.hidden); });

  // A press on the canvas gives it keyboard focus, so shortcuts work after a click (SDL stops the
  // browser's own focus change on mousedown); Tab still leaves it.
  canvas.addEventListener('pointerdown', () => { if (document.activeElement !== canvas) canvas.focus({ preventScroll: true }); }, true);

  // No keyboard trap (WCAG 2.1.2): Tab and Shift+Tab always move focus in the page. SDL would take
  // them for the canvas; this capturing listener runs first and keeps them away from it. Inside the
  // canvas the arrow keys, Space and Enter navigate and operate the controls.
  window.addEventListener('keydown', (ev) => { if (ev.key === 'Tab' && ev.target === canvas) ev.stopImmediatePropagation(); }, true);
  window.addEventListener('keyup', (ev) => { if (ev.key === 'Tab' && ev.target === canvas) ev.stopImmediatePropagation(); }, true);

  // Touch: SDL turns touches into pointer input itself; the browser's extra "compatibility" mouse
  // events after a tap would reach SDL a second time and leave the button state stuck, so only the
  // touch events are kept (this also stops page scroll and zoom while dragging on the canvas).
  for (const type of ['touchstart', 'touchend']) canvas.addEventListener(type, (ev) => { if (ev.cancelable) ev.preventDefault(); }, { passive: false });

  // A trap in wasm while it draws a frame (outside any call of ours) stops the app with a clear page.
  window.addEventListener('error', (ev) => { if (module && ev.error instanceof WebAssembly.RuntimeError) stop(ev.error); });

  // ---- Host page messages (docs/EMBEDDING.md, "Trust model") ------------------------------------------
  // Policy (from the URL, parsed in C++): "parent" - embedded, no origin=: only window.parent;
  // "list" - origin=...: only windows of those origins; "deny" - origin= present but invalid: no one;
  // "none" - top level without origin=: no one. An opaque origin ("null") never controls or receives.
  let policy = null;                 // null until C++ has read the URL: messages wait in `pending`
  const pending = [];
  const queued = { parent: 0, opener: 0, other: 0 };  // messages held per kind of sender
  const subscribers = new Map();     // window -> {origin, timer}
  let parentOrigin = (() => {        // the embedding page's origin, for messages we start (ready, resize, xAPI)
    if (!inFrame) return '';
    // "null" (an opaque parent, or one masked by its referrer policy) says nothing: it is learnt from
    // the parent's first allowed message instead.
    try { if (location.ancestorOrigins && location.ancestorOrigins.length && location.ancestorOrigins[0] !== 'null') return location.ancestorOrigins[0]; } catch (e) { /* not supported */ }
    try { if (document.referrer) return new URL(document.referrer).origin; } catch (e) { /* no referrer */ }
    return '';
  })();
  let readySent = false, refusedWarned = false;

  // Only ever to a named origin: never '*', never an opaque origin.
  function post(target, origin, message) {
    if (!origin || origin === '*' || origin === 'null') return;
    try { target.postMessage(message, origin); } catch (e) { /* the window went away */ }
  }
  // The origin messages we start may go to: the parent's, if the policy lets it control us.
  function parentTarget() {
    if (!inFrame || !policy || !parentOrigin || parentOrigin === 'null') return '';
    if (policy.kind === 'parent') return parentOrigin;
    if (policy.kind === 'list' && policy.origins.includes(parentOrigin)) return parentOrigin;
    return '';
  }
  const postToParent = (message) => { const o = parentTarget(); if (o) post(window.parent, o, message); };

  function allowed(source, origin) {
    if (!source || origin === 'null' || typeof origin !== 'string') return false;
    if (policy.kind === 'parent') return inFrame && source === window.parent;
    if (policy.kind === 'list') return policy.origins.includes(origin);
    return false;
  }
  // A refused window hears nothing at all, the embedding page included (with origin= it is not trusted);
  // whoever set the page up reads why in the console.
  function refuse(origin) {
    const why = policy.kind === 'deny' ? 'origin= in the URL is not valid, so no page may control NeuroDrive'
      : policy.kind === 'list' ? 'this origin is not in the origin= list of the URL'
        : policy.kind === 'none' ? 'NeuroDrive is not embedded and the URL names no origin= that may control it'
          : 'only the page that embeds NeuroDrive may control it';
    if (!refusedWarned) { console.warn(`NeuroDrive ignored a message from ${String(origin).slice(0, 100)}: ${why} (docs/EMBEDDING.md)`); refusedWarned = true; }
  }

  // The types NeuroDrive sends are never answered (two copies of it, say a course page and its Share
  // preview, would answer each other forever): like other tools' messages, they are not for us.
  const OWN_TYPES = ['neurodrive:error', 'neurodrive:ack', 'neurodrive:state', 'neurodrive:ready', 'neurodrive:xapi'];
  const isOurs = (data) => (isPlainObject(data) && typeof data.type === 'string' && data.type.startsWith('neurodrive:') && !OWN_TYPES.includes(data.type))
    || (typeof data === 'string' && data.startsWith('neurodrive'));
  // The message's JSON text, measured before it goes anywhere near wasm.
  function messageText(data) {
    const tooLarge = { error: `message larger than ${LIMITS.json_bytes / 1024} KB` };
    if (typeof data === 'string' && data.length > LIMITS.json_bytes) return tooLarge;
    let text;
    try { text = JSON.stringify(data); } catch (e) { return { error: 'message could not be read (cyclic or too deep)' }; }
    if (typeof text !== 'string' || text.length > LIMITS.json_bytes || byteLength(text) > LIMITS.json_bytes) return tooLarge;
    return { text };
  }

  function onMessage(ev) {
    let data;
    try { data = ev.data; } catch (e) { return; }
    if (isPlainObject(data) && data.context === 'h5p') { onH5P(ev); return; }  // H5P's resizer (LMS messages)
    if (!isOurs(data)) return;  // other tools' messages are not for us
    if (!policy || !module) {   // not started: nothing is processed before the policy (and the limits) are known
      // Each kind of sender has its own quota (QUEUE). Messages wait as they came; they are checked and
      // measured later.
      const kind = inFrame && ev.source === window.parent ? 'parent' : ev.source && ev.source === window.opener ? 'opener' : 'other';
      const quota = QUEUE[kind];
      const n = queued[kind]++;
      if (n < quota) pending.push({ source: ev.source, origin: ev.origin, data });
      else if (n === quota) pending.push({ source: ev.source, origin: ev.origin, overflow: quota });
      return;
    }
    handleMessage(ev.source, ev.origin, data);
  }

  // Who sent it comes first: a message from a window the policy refuses is never read or measured.
  function handleMessage(source, origin, data, overflow = 0) {
    if (!allowed(source, origin)) { refuse(origin); return; }
    if (inFrame && source === window.parent) {
      parentOrigin = origin;  // now known for certain
      if (!readySent && started) sendReady();
    }
    const m = overflow ? { error: `more than ${overflow} messages arrived while NeuroDrive was starting` } : messageText(data);
    if (m.error) { post(source, origin, { type: 'neurodrive:error', error: m.error }); return; }
    if (stopped) { post(source, origin, { type: 'neurodrive:error', error: notReady().error }); return; }
    const mayAdd = subscribers.has(source) || subscribers.size < LIMITS.subscribers;
    const r = wasmJson('nd_message', m.text, mayAdd ? 1 : 0);
    if (!r || r.argumentError) return;
    if (r.reply) post(source, origin, r.reply);
    if (r.subscribe_hz >= 0) subscribe(source, origin, r.subscribe_hz);
  }

  function subscribe(source, origin, hz) {
    const old = subscribers.get(source);
    if (old) clearInterval(old.timer);
    subscribers.delete(source);
    if (!(hz > 0)) return;
    const rate = Math.min(LIMITS.max_hz, Math.max(LIMITS.min_hz, hz));
    const timer = setInterval(() => {
      let gone = true;
      try { gone = source.closed; } catch (e) { gone = true; }
      if (gone || stopped) { clearInterval(timer); subscribers.delete(source); return; }
      const state = wasmText('nd_state_message');
      if (typeof state === 'string') post(source, origin, JSON.parse(state));
    }, 1000 / rate);
    subscribers.set(source, { origin, timer });
  }
  window.addEventListener('message', onMessage);

  // ---- LMS integration: ready, resize messages (Canvas, H5P) and xAPI statements (only when asked) -------
  let started = false;
  function sendReady() {
    if (readySent || !parentTarget()) return;
    readySent = true;
    postToParent({ type: 'neurodrive:ready' });
    sendResize();
    if (config.url.resize || h5p.readySeen) h5pSend('hello');  // H5P: ask whether the host runs the resizer
  }
  // The height NeuroDrive asks for: the frame's current height, at least 480 px (it fills any frame).
  const wantedHeight = () => Math.max(480, Math.round(document.documentElement.getBoundingClientRect().height));
  // Canvas (resize=1): lti.frameResize, with the launch token when the URL gave a valid lti_token=.
  function sendResize() {
    if (!config.url.resize || !parentTarget()) return;
    const frame = { subject: 'lti.frameResize', height: wantedHeight() };
    if (config.url.lti_token) frame.token = config.url.lti_token;
    postToParent(JSON.stringify(frame));
  }
  // H5P's resizer handshake (h5p-php-library js/h5p-resizer.js and h5p.js): content 'hello' -> host
  // 'hello'; content 'prepareResize' {scrollHeight, clientHeight} -> host 'resizePrepared' (it shrinks
  // the frame to 1 px); content 'resize' {height, scrollHeight, clientHeight}. The host's 'ready' is
  // answered with 'hello', its 'resize' (its window changed) starts a new exchange. Only the embedding
  // page is heard, only at its allowed origin; the height measured before the exchange is the one sent.
  const h5p = { friendly: false, height: 0, busy: false, readySeen: false, earlyOrigin: '' };
  function h5pSend(action, data = {}) { postToParent({ ...data, context: 'h5p', action }); }
  function h5pPrepare() {
    if (h5p.busy) return;
    h5p.busy = true;
    h5p.height = wantedHeight();
    h5pSend('prepareResize', { scrollHeight: h5p.height, clientHeight: h5p.height });
  }
  function onH5P(ev) {
    if (!inFrame || ev.source !== window.parent) return;
    let action;
    try { action = ev.data.action; } catch (e) { return; }
    if (typeof action !== 'string') return;
    if (!started || !policy) {  // answered once started; its origin may be the only way to learn the parent's
      if (action === 'ready' || action === 'hello') { h5p.readySeen = true; h5p.earlyOrigin = typeof ev.origin === 'string' ? ev.origin : ''; }
      return;
    }
    if (!allowed(ev.source, ev.origin)) return;   // the trust model: opaque origins and unlisted ones are not heard
    if (!parentOrigin) { parentOrigin = ev.origin; if (!readySent) sendReady(); }  // no ancestorOrigins or referrer
    if (ev.origin !== parentTarget()) return;
    if (action === 'ready') h5pSend('hello');
    else if (action === 'hello') { h5p.friendly = true; h5p.busy = false; h5pPrepare(); }
    else if (action === 'resize' && h5p.friendly) h5pPrepare();
    else if (action === 'resizePrepared' && h5p.busy) {
      h5pSend('resize', { height: h5p.height, scrollHeight: h5p.height, clientHeight: h5p.height });
      h5p.busy = false;
    }
  }

  // xAPI 1.0.3 statements (xapi=1), posted as {type: 'neurodrive:xapi', statement}; the host adds the
  // actor and forwards them to its LRS. Activity ids live under xapi_base= (an https IRI base) or else
  // the page's own folder when it is served over https, else the documented placeholder below.
  const XAPI_DEFAULT_BASE = 'https://example.org/neurodrive/';
  const VERB = (name) => ({ id: `http://adlnet.gov/expapi/verbs/${name}`, display: { 'en-US': name } });
  const ACTIVITY_TYPE = (name) => `http://adlnet.gov/expapi/activities/${name}`;
  function xapiBase() {
    if (config.url.xapi_base) return config.url.xapi_base;
    if (location.protocol === 'https:') return location.origin + location.pathname.replace(/[^/]*$/, '');
    return XAPI_DEFAULT_BASE;
  }
  function uuid() {
    if (crypto.randomUUID) return crypto.randomUUID();
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
  const xapiApp = () => ({ objectType: 'Activity', id: xapiBase(), definition: { type: ACTIVITY_TYPE('simulation'), name: { 'en-US': 'NeuroDrive' } } });
  const xapiLesson = (id, title, lang) => ({ objectType: 'Activity', id: `${xapiBase()}lessons/${encodeURIComponent(id)}`,
    definition: { type: ACTIVITY_TYPE('lesson'), name: { [lang]: title } } });
  function xapiSend(verb, object, extra = {}) {
    if (!config.url.xapi) return;
    const statement = { id: uuid(), verb: VERB(verb), object, ...extra, timestamp: new Date().toISOString() };
    if (!statement.context) statement.context = { contextActivities: { grouping: [xapiApp()] } };
    postToParent({ type: 'neurodrive:xapi', statement });
  }
  function xapiInteracted(name, value) {
    xapiSend('interacted', { objectType: 'Activity', id: `${xapiBase()}controls/${encodeURIComponent(name)}`,
      definition: { type: ACTIVITY_TYPE('interaction'), name: { 'en-US': name } } },
    { result: { extensions: { 'urn:neurodrive:value': value } }, context: { contextActivities: { parent: [xapiApp()] } } });
  }
  function xapiLessonEvent(e, lang) {
    const lesson = xapiLesson(e.lesson, e.title, lang);
    if (e.kind === 'answered') {
      const options = e.options.map((text, i) => ({ id: `option${i + 1}`, description: { [lang]: text } }));
      xapiSend('answered', { objectType: 'Activity', id: `${lesson.id}/steps/${encodeURIComponent(e.step_id)}`,
        definition: { type: ACTIVITY_TYPE('cmi.interaction'), name: { [lang]: e.question }, interactionType: 'choice',
          correctResponsesPattern: [`option${e.correct}`], choices: options } },
      { result: { success: e.right, response: `option${e.choice}` }, context: { language: lang, contextActivities: { parent: [lesson], grouping: [xapiApp()] } } });
    } else {
      xapiSend('completed', lesson, { result: { completion: true, score: { scaled: e.steps ? e.right / e.steps : 0, raw: e.right, min: 0, max: e.steps } },
        context: { language: lang, contextActivities: { parent: [xapiApp()] } } });
    }
  }

  let lastInputs = null;
  let lessonEventsSeen = 0;
  function watchInteractions() {
    const s = api.get();
    if (!s) return;
    if (lastInputs && config.url.xapi) {
      for (const [name, value] of Object.entries(s.inputs)) if (lastInputs[name] !== value) xapiInteracted(name, value);
    }
    lastInputs = s.inputs;
    const ev = api.lessonEvents(lessonEventsSeen);
    if (!ev || !Array.isArray(ev.events)) return;
    // xAPI language maps: English as en-US, as the verbs' display names; every other language by its code.
    if (config.url.xapi) for (const e of ev.events) xapiLessonEvent(e, ev.lang === 'en' ? 'en-US' : ev.lang);
    lessonEventsSeen = ev.total;
  }
  function xapiTerminate() {
    if (!started || xapiTerminated) return;
    watchInteractions();   // the last answers first
    xapiTerminated = true;
    xapiSend('terminated', xapiApp());
  }
  let xapiTerminated = false;

  // ---- Persistence (one key per embedding; only the user's choices; docs/EMBEDDING.md) -------------------
  let config = { url: { ignored: [], resize: false, xapi: false, xapi_base: null, lti_token: null }, policy: { kind: 'none', origins: [] },
    persist: { active: false, origin_off: false, name: '', stored: 'off', ignored: [], record: '' } };
  let persistYielded = false;   // another NeuroDrive on this page already saves under the same key
  let hasSaved = false;         // something is stored for this embedding (Start fresh is shown)
  let persistStopped = false;   // start fresh: nothing more is written
  const persistActive = () => config.persist.active && !persistYielded && !persistStopped;
  function writeRecord(record) {
    try { if (record) localStorage.setItem(storeKey, record); else localStorage.removeItem(storeKey); } catch (e) { /* full or blocked */ }
  }
  function persistTick() {
    if (!persistActive()) return;
    const t = view('nd_persist_tick');
    if (t && t.changed) { writeRecord(t.record); hasSaved = !!t.record; freshButton.hidden = !hasSaved; }
  }
  // Two embeds (or tabs) with the same key: the one that started first keeps saving, the other says so.
  function claimStoreKey() {
    let channel;
    try { channel = new BroadcastChannel('neurodrive:persist'); } catch (e) { return; }
    const rank = [performance.timeOrigin, Math.random()];
    const earlier = (a, b) => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
    channel.onmessage = (ev) => {
      const m = ev.data;
      if (!m || m.key !== storeKey || !Array.isArray(m.rank) || persistYielded || persistStopped) return;
      if (m.kind === 'hello') channel.postMessage({ kind: 'here', key: storeKey, rank });
      if (earlier(m.rank, rank)) {
        persistYielded = true;
        console.warn('NeuroDrive: another NeuroDrive on this page saves under the same key; this one will not save (give each embed its own persist= name)');
        if (labels) notice(labels['page.persist_shared']);
      }
    };
    channel.postMessage({ kind: 'hello', key: storeKey, rank });
  }

  // ---- Share link, fullscreen, start fresh ------------------------------------------------------------------
  const baseUrl = () => location.href.split(/[?#]/)[0];  // also file:// (the single file), whose origin is "null"
  function shareUrl() {
    const q = wasmText('nd_share_query');
    return baseUrl() + (typeof q === 'string' && q ? '?' + q : '');
  }
  // ---- Scenario builder: the Share dialog (docs/TEACHERS.md) -------------------------------------------
  // The current state plus chosen locks, hidden panels, lesson, language, theme, text size and simple
  // view make a link (C++ validates the choices and writes it: scenario.cpp), an iframe snippet and a QR
  // code drawn by the qrcode-generator library (qrcode.js, loaded the first time it is needed).
  const EMBED_SIZE = { width: 900, height: 560 };
  let qrLoading = null;
  function loadQr() {
    if (typeof window.qrcode === 'function') return Promise.resolve(window.qrcode);
    if (!qrLoading) {
      qrLoading = new Promise((resolve, reject) => {
        const s = document.createElement('script');
        s.src = 'qrcode.js';
        s.onload = () => (typeof window.qrcode === 'function' ? resolve(window.qrcode) : reject(new Error('qrcode.js defined no qrcode()')));
        s.onerror = () => reject(new Error('qrcode.js did not load'));
        document.head.append(s);
      });
      qrLoading.catch(() => { qrLoading = null; });  // a later attempt may succeed
    }
    return qrLoading;
  }
  // The link as an SVG QR code (error correction M, a 4-module quiet zone, 8 px a module: sharp when
  // printed or projected; its viewBox lets CSS scale it), or an error.
  async function qrSvgOf(link) {
    let qrcode;
    try { qrcode = await loadQr(); } catch (e) { return { error: e.message }; }
    try {
      qrcode.stringToBytes = qrcode.stringToBytesFuncs['UTF-8'];
      const qr = qrcode(0, 'M');
      qr.addData(link, 'Byte');
      qr.make();
      return { svg: qr.createSvgTag({ cellSize: 8, margin: 32 }), modules: qr.getModuleCount() };
    } catch (e) {
      return { error: 'the link is too long for a QR code' };
    }
  }
  const attr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  function iframeSnippet(link, title) {
    return `<iframe src="${attr(link)}" title="${attr(title)}" width="${EMBED_SIZE.width}" height="${EMBED_SIZE.height}" allow="fullscreen" loading="lazy"></iframe>`;
  }
  // {ok, link, query} for options (an object; missing options keep the current view), or {ok: false, error}.
  function scenarioLink(options) {
    if (!module || stopped) return notReady();
    if (options === undefined) options = {};
    if (!isPlainObject(options)) return { ok: false, error: 'scenario() takes an object such as {lock: ["thyroid"], hide: ["plots"]}' };
    let text;
    try { text = JSON.stringify(options); } catch (e) { return { ok: false, error: 'scenario() options could not be read' }; }
    if (typeof text !== 'string' || byteLength(text) > LIMITS.json_bytes) return { ok: false, error: `scenario() options larger than ${LIMITS.json_bytes / 1024} KB` };
    const r = command('nd_scenario_query', text);
    if (!r.ok) return r;
    return { ok: true, query: r.query, link: baseUrl() + (r.query ? '?' + r.query : '') };
  }
  // The iframe title in the language a link opens in: from C++ when that language's strings are here,
  // else from its strings file (fetched now), else English.
  async function embedTitle(lang) {
    const b = view('nd_builder_json');
    const code = lang || LANG.list[0].code;
    if (b && b.embed_titles[code]) return b.embed_titles[code];
    try {
      await LANG.load(code);
      const t = JSON.parse(LANG.data(code).text)['builder.embed_title'];
      if (typeof t === 'string' && t) return t;
    } catch (e) { /* not fetched: English below */ }
    return (b && b.labels['builder.embed_title']) || 'NeuroDrive';
  }
  async function scenario(options) {
    const r = scenarioLink(options);
    if (!r.ok) return r;
    const title = await embedTitle(new URL(r.link).searchParams.get('lang'));
    const qr = await qrSvgOf(r.link);
    return { ok: true, link: r.link, iframe: iframeSnippet(r.link, title), qrSvg: qr.svg || null, ...(qr.error ? { qrError: qr.error } : {}) };
  }

  const shareButton = document.getElementById('share');
  const builder = document.getElementById('builder');
  let builderOpener = null, builderData = null, previewTimer = 0, builderSerial = 0;
  const B = (key) => (builderData && builderData.labels[key]) || key;
  function check(id, name, label, checked) {
    const box = el('input', { type: 'checkbox', id, value: name, checked });
    const row = el('div', { className: 'builder-check' });
    row.append(box, el('label', { htmlFor: id }, label));
    return row;
  }
  function field(id, label, control) {
    const row = el('div', { className: 'builder-field' });
    row.append(el('label', { htmlFor: id }, label), control);
    return row;
  }
  function choices() {
    const checked = (sel) => [...builder.querySelectorAll(sel)].filter((b) => b.checked).map((b) => b.value);
    return {
      lock: checked('.builder-lock input'),
      hide: checked('#builder-hide input'),
      lesson: builder.querySelector('#builder-lesson').value,
      lang: builder.querySelector('#builder-lang').value,
      theme: builder.querySelector('#builder-theme').value,
      scale: Number(builder.querySelector('#builder-scale').value),
      minimal: builder.querySelector('#builder-minimal').checked,
    };
  }
  function say(text) { builder.querySelector('#builder-status').textContent = text; }
  async function copyText(text, field) {
    try { await navigator.clipboard.writeText(text); say(B('builder.copied')); }
    catch (e) { field.focus(); field.select(); say(B('builder.copy_failed')); }
  }
  function buildBuilder() {
    const d = builderData, c = d.current;
    builder.replaceChildren();
    const head = el('div', { className: 'builder-head' });
    const close = el('button', { type: 'button', id: 'builder-close', className: 'builder-x' }, '\u00d7');
    close.setAttribute('aria-label', B('builder.close'));
    close.title = B('builder.close');
    close.addEventListener('click', () => closeBuilder());
    head.append(el('h2', { id: 'builder-title' }, B('builder.title')), close);
    const body = el('div', { className: 'builder-body' });
    const opts = el('div', { className: 'builder-options' });
    // Locks: each slider by its group, then the whole groups.
    const locks = el('fieldset', { id: 'builder-locks' });
    locks.append(el('legend', {}, B('builder.locks')));
    for (const g of d.input_groups) {
      const fs = el('fieldset', { className: 'builder-lock', id: 'builder-lock-' + g.name });
      fs.append(el('legend', {}, g.label));
      for (const i of d.inputs.filter((x) => x.group === g.name)) fs.append(check('builder-lock-' + i.name, i.name, i.label, c.lock.includes(i.name)));
      locks.append(fs);
    }
    const whole = el('fieldset', { className: 'builder-lock', id: 'builder-lock-groups' });
    whole.append(el('legend', {}, B('builder.locks.groups')));
    for (const g of d.groups) whole.append(check('builder-lock-' + g.name, g.name, g.label, c.lock.includes(g.name)));
    locks.append(whole);
    const hide = el('fieldset', { id: 'builder-hide' });
    hide.append(el('legend', {}, B('builder.hide')));
    for (const p of d.panels) hide.append(check('builder-hide-' + p.name, p.name, p.label, c.hide.includes(p.name)));
    const viewSet = el('fieldset', { id: 'builder-view' });
    viewSet.append(el('legend', {}, B('builder.view')));
    const lesson = el('select', { id: 'builder-lesson' });
    lesson.append(el('option', { value: '' }, B('builder.lesson.none')), ...d.lessons.map((l) => el('option', { value: l.id }, l.title)));
    lesson.value = c.lesson;
    const options = (list) => list.map((o) => el('option', { value: o.value }, o.label));
    const lang = el('select', { id: 'builder-lang' });
    lang.append(...options(d.languages));
    lang.value = c.lang;
    const theme = el('select', { id: 'builder-theme' });
    theme.append(...options(d.themes));
    theme.value = c.theme;
    const scale = el('select', { id: 'builder-scale' });
    const scales = d.scales.includes(c.scale) ? d.scales : [...d.scales, c.scale].sort((a, b) => a - b);
    scale.append(...scales.map((s) => el('option', { value: String(s) }, `${Math.round(s * 100)} %`)));
    scale.value = String(c.scale);
    viewSet.append(field('builder-lesson', B('builder.lesson'), lesson), field('builder-lang', B('settings.language'), lang),
      field('builder-theme', B('settings.theme'), theme), field('builder-scale', B('settings.scale'), scale),
      check('builder-minimal', 'minimal', B('settings.minimal'), c.minimal));
    opts.append(viewSet, hide, locks);
    // What it gives: the link, the embed code, the QR code and a live preview.
    const out = el('div', { className: 'builder-output' });
    const link = el('textarea', { id: 'builder-link', readOnly: true, rows: 3, spellcheck: false });
    const copyLink = el('button', { type: 'button', id: 'builder-copy-link' }, B('builder.copy_link'));
    copyLink.addEventListener('click', () => copyText(link.value, link));
    const embed = el('textarea', { id: 'builder-embed', readOnly: true, rows: 5, spellcheck: false });
    const copyEmbed = el('button', { type: 'button', id: 'builder-copy-embed' }, B('builder.copy_embed'));
    copyEmbed.addEventListener('click', () => copyText(embed.value, embed));
    const qrBox = el('div', { className: 'builder-qr-box', id: 'builder-qr-box' });
    const qr = el('div', { id: 'builder-qr', role: 'img' });
    qr.setAttribute('aria-label', B('builder.qr.alt'));
    const caption = el('p', { id: 'builder-qr-caption' });
    const large = el('button', { type: 'button', id: 'builder-qr-large', ariaPressed: 'false' }, B('builder.qr.large'));
    large.addEventListener('click', () => setLarge(!builder.classList.contains('qr-large')));
    const print = el('button', { type: 'button', id: 'builder-qr-print' }, B('builder.qr.print'));
    print.addEventListener('click', () => {
      document.body.classList.add('print-qr');
      window.addEventListener('afterprint', () => document.body.classList.remove('print-qr'), { once: true });
      window.print();
    });
    const qrTools = el('div', { className: 'builder-row' });
    qrTools.append(large, print);
    qrBox.append(el('h3', { id: 'builder-qr-heading' }, B('builder.qr')), qr, caption, qrTools);
    const linkRow = el('div', { className: 'builder-row' }), embedRow = el('div', { className: 'builder-row' });
    linkRow.append(copyLink);
    embedRow.append(copyEmbed);
    out.append(el('p', { id: 'builder-intro' }, B('builder.intro')),
      el('label', { htmlFor: 'builder-link' }, B('builder.link')), link, linkRow,
      el('label', { htmlFor: 'builder-embed' }, B('builder.embed')), embed, embedRow, qrBox);
    // A live preview (an iframe of the link) on request: it runs a second copy of the app.
    if (fetchesWasm) {
      const previewButton = el('button', { type: 'button', id: 'builder-preview-toggle', ariaExpanded: 'false' }, B('builder.preview.show'));
      previewButton.setAttribute('aria-controls', 'builder-preview');
      const frame = el('iframe', { id: 'builder-preview', title: B('builder.preview.title'), hidden: true });
      previewButton.addEventListener('click', () => {
        frame.hidden = !frame.hidden;
        previewButton.setAttribute('aria-expanded', String(!frame.hidden));
        previewButton.textContent = B(frame.hidden ? 'builder.preview.show' : 'builder.preview.hide');
        if (frame.hidden) frame.removeAttribute('src');
        else { frame.src = link.value; frame.scrollIntoView({ block: 'nearest' }); }
      });
      const row = el('div', { className: 'builder-row' });
      row.append(previewButton);
      out.append(row, frame);
    }
    out.append(el('p', { id: 'builder-status', role: 'status' }));
    body.append(opts, out);
    builder.append(head, body);
    body.addEventListener('change', (ev) => { if (ev.target.matches('input, select')) refreshBuilder(); });
  }
  function setLarge(on) {
    builder.classList.toggle('qr-large', on);
    const b = builder.querySelector('#builder-qr-large');
    b.setAttribute('aria-pressed', String(on));
    b.textContent = B(on ? 'builder.qr.small' : 'builder.qr.large');
    b.focus();
  }
  // Link, embed code and QR code follow every change at once; the preview reloads a moment later.
  async function refreshBuilder() {
    const serial = ++builderSerial;
    const r = scenarioLink(choices());
    const link = builder.querySelector('#builder-link'), embed = builder.querySelector('#builder-embed');
    const qr = builder.querySelector('#builder-qr'), caption = builder.querySelector('#builder-qr-caption');
    if (!r.ok) { say(`${B('builder.error')} ${r.error}`); return; }
    say('');
    link.value = r.link;
    const lang = choices().lang;
    embed.value = iframeSnippet(r.link, builderData.embed_titles[lang] || B('builder.embed_title'));
    if (!builderData.embed_titles[lang]) embedTitle(lang).then((t) => { if (serial === builderSerial) embed.value = iframeSnippet(r.link, t); });
    caption.textContent = r.link;
    const frame = builder.querySelector('#builder-preview');
    if (frame && !frame.hidden) {
      clearTimeout(previewTimer);
      previewTimer = setTimeout(() => { if (!frame.hidden && frame.src !== link.value) frame.src = link.value; }, 600);
    }
    if (typeof window.qrcode !== 'function') qr.replaceChildren(el('p', { className: 'builder-qr-wait' }, B('builder.qr.loading')));
    const made = await qrSvgOf(r.link);
    if (serial !== builderSerial) return;  // a newer choice is being drawn
    if (made.error) { qr.replaceChildren(el('p', { className: 'builder-qr-wait' }, made.error.includes('load') ? B('builder.qr.failed') : made.error)); return; }
    const svg = new DOMParser().parseFromString(made.svg, 'image/svg+xml').documentElement;
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    qr.replaceChildren(document.importNode(svg, true));
    qr.dataset.link = r.link;
    qr.dataset.modules = String(made.modules);
  }
  function openBuilder(opener) {
    if (!module || stopped || builder.open) return;
    builderData = view('nd_builder_json');
    if (!builderData || builderData.ok === false) return;
    builderOpener = opener || document.activeElement;
    builder.lang = document.documentElement.lang;
    buildBuilder();
    builder.showModal();
    shareButton.setAttribute('aria-expanded', 'true');
    builder.querySelector('#builder-lesson').focus();
    builder.scrollTop = 0;
    refreshBuilder();
  }
  function closeBuilder() {
    if (!builder.open) return;
    builder.close();
  }
  builder.addEventListener('close', () => {
    builder.classList.remove('qr-large');
    const frame = builder.querySelector('#builder-preview');
    if (frame) frame.removeAttribute('src');
    shareButton.setAttribute('aria-expanded', 'false');
    if (builderOpener && document.contains(builderOpener)) builderOpener.focus();
  });
  // Escape leaves the large QR code first, then the dialog (the browser's cancel closes it).
  builder.addEventListener('cancel', (ev) => { if (builder.classList.contains('qr-large')) { ev.preventDefault(); setLarge(false); } });
  builder.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape' && builder.classList.contains('qr-large')) { ev.preventDefault(); setLarge(false); return; }
    if (ev.key !== 'Tab') return;
    // Focus stays in the dialog: Tab from the last control goes to the first, Shift+Tab the other way.
    const items = [...builder.querySelectorAll('button, input, select, textarea, iframe')]
      .filter((e) => !e.disabled && !e.hidden && e.getClientRects().length > 0);
    if (!items.length) return;
    const first = items[0], last = items[items.length - 1];
    if (ev.shiftKey && (document.activeElement === first || !builder.contains(document.activeElement))) { ev.preventDefault(); last.focus(); }
    else if (!ev.shiftKey && (document.activeElement === last || !builder.contains(document.activeElement))) { ev.preventDefault(); first.focus(); }
  });
  builder.addEventListener('click', (ev) => {  // a click on the backdrop, outside the dialog's box
    const r = builder.getBoundingClientRect();
    if (ev.target === builder && (ev.clientX < r.left || ev.clientX > r.right || ev.clientY < r.top || ev.clientY > r.bottom)) closeBuilder();
  });
  shareButton.addEventListener('click', () => openBuilder(shareButton));
  // Export menu: a button that opens four actions; Escape or a click elsewhere closes it.
  const exportButton = document.getElementById('export');
  const exportMenu = document.getElementById('export-menu');
  function closeExportMenu(focusButton) {
    if (exportMenu.hidden) return;
    exportMenu.hidden = true;
    exportButton.setAttribute('aria-expanded', 'false');
    if (focusButton) exportButton.focus();
  }
  exportButton.addEventListener('click', () => {
    if (!exportMenu.hidden) { closeExportMenu(false); return; }
    if (!exportMenu.children.length) return;  // not started yet
    exportMenu.hidden = false;
    exportButton.setAttribute('aria-expanded', 'true');
    exportMenu.querySelector('button').focus();
  });
  // One item per export kind (their labels follow the language in updateMirror).
  function buildExportMenu() {
    for (const k of exportKinds) {
      const b = el('button', { type: 'button', role: 'menuitem' }, k.label);
      b.dataset.kind = k.kind;
      b.addEventListener('click', () => {
        closeExportMenu(true);
        if (!module || stopped) return;
        const r = saveExport(k.kind);
        if (r.ok && labels) notice(labels['page.exported'].replace('%s', r.name));
      });
      exportMenu.append(b);
    }
  }
  exportMenu.addEventListener('keydown', (ev) => {
    const items = [...exportMenu.querySelectorAll('button')];
    const i = items.indexOf(document.activeElement);
    if (ev.key === 'Escape') { ev.preventDefault(); closeExportMenu(true); }
    else if (ev.key === 'ArrowDown') { ev.preventDefault(); items[(i + 1) % items.length].focus(); }
    else if (ev.key === 'ArrowUp') { ev.preventDefault(); items[(i + items.length - 1) % items.length].focus(); }
  });
  document.addEventListener('pointerdown', (ev) => { if (!exportMenu.contains(ev.target) && ev.target !== exportButton && !exportButton.contains(ev.target)) closeExportMenu(false); }, true);
  const fsButton = document.getElementById('fullscreen');
  if (!document.fullscreenEnabled) fsButton.hidden = true;
  fsButton.addEventListener('click', () => {
    if (document.fullscreenElement) document.exitFullscreen();
    else document.documentElement.requestFullscreen().catch(() => notice(labels['page.fullscreen_denied']));
  });
  // The page's buttons cover the canvas's top right corner: C++ keeps that much of it free (its width
  // and height from the canvas's corner, CSS px), told at start and whenever it changes.
  const pageTools = document.getElementById('page-tools');
  let pageToolsSent = '';
  function pageToolsSize() {
    const t = pageTools.getBoundingClientRect(), c = canvas.getBoundingClientRect();
    return pageTools.hidden || !t.width ? { w: 0, h: 0 } : { w: Math.ceil(c.right - t.left), h: Math.ceil(t.bottom - c.top) };
  }
  function sendPageTools() {
    const size = pageToolsSize(), key = size.w + 'x' + size.h;
    if (key !== pageToolsSent && module && !stopped) { pageToolsSent = key; wasm('nd_page_tools', size.w, size.h); }
  }
  window.addEventListener('resize', sendPageTools);
  // Start fresh: forget what this embedding saved and reload as on a first visit.
  const freshButton = document.getElementById('start-fresh');
  function startFresh() {
    persistStopped = true;
    try { localStorage.removeItem(storeKey); for (const k of LEGACY_KEYS) localStorage.removeItem(k); } catch (e) { /* blocked */ }
    try { sessionStorage.setItem('neurodrive:fresh', storeKey); } catch (e) { /* blocked */ }
    location.reload();
  }
  freshButton.addEventListener('click', startFresh);

  // ---- Failure modes that need no wasm -----------------------------------------------------------------
  const probe = document.createElement('canvas');
  if (!probe.getContext('webgl2')) {
    failWith(['webgl.title', 'webgl.detail', 'webgl.hint']);
    rejectReady(new Error('WebGL 2 is not available'));
    return;
  }
  // A sandboxed iframe without allow-same-origin gives the page an opaque origin: the program file
  // neurodrive.wasm cannot be fetched from it (the single file needs no fetch and still runs).
  const fetchesWasm = !!document.querySelector('script[src$="neurodrive.js"]');
  if (fetchesWasm && window.origin === 'null' && location.protocol !== 'file:') {
    failWith(['sandbox.title', 'sandbox.detail', 'sandbox.hint']);
    rejectReady(new Error('sandboxed without allow-same-origin'));
    return;
  }
  if (typeof window.createNeuroDrive !== 'function') {
    failWith(['load.title', 'load.script', 'load.script_hint']);
    rejectReady(new Error('neurodrive.js missing'));
    return;
  }

  // ---- Languages on demand (web/languages.js): C++ asks for a language whose strings are not built in ----
  // The data goes to C++ once the module is there; a failure keeps the language shown and says why.
  // The start waits for the start language, so the first thing shown is in it.
  let moduleReady = null;    // resolves with the module
  let languageWait = null;   // the start language, while it is on its way
  function wantLanguage(code) {
    const done = LANG.load(code).then(() => moduleReady).then(() => {
      const r = command('nd_language_arrived', code);
      if (!r.ok && labels) notice(labels['page.language_failed'].replace('%1$s', LANG.name(code)).replace('%2$s', r.error).replace('%3$s', LANG.name(document.documentElement.lang)));
    }, (e) => moduleReady.then(() => {
      command('nd_language_failed', code, String(e && e.message || e).slice(0, 200));
      if (labels) notice(labels['page.language_failed'].replace('%1$s', LANG.name(code)).replace('%2$s', String(e && e.message || e).slice(0, 200)).replace('%3$s', LANG.name(document.documentElement.lang)));
    })).then(() => { if (started) updateMirror(); });
    if (!started) languageWait = done;
  }

  // ---- The references on demand: C++ asks when About > References first opens (references.json; the
  // single file carries it) --------------------------------------------------------------------------------
  const REFERENCES_FILE = 'references.json';
  let referencesText = null;
  function wantReferences() {
    const bundled = window.NeuroDriveBundle && window.NeuroDriveBundle.references;
    const text = typeof bundled === 'string' ? Promise.resolve(bundled)
      : fetch(REFERENCES_FILE, { credentials: 'same-origin' }).then((r) => { if (!r.ok) throw new Error(`${REFERENCES_FILE}: HTTP ${r.status}`); return r.text(); },
        () => { throw new Error(navigator.onLine === false ? 'offline' : 'network error'); });
    text.then((t) => { referencesText = t; command('nd_references_arrived'); },
      (e) => command('nd_references_failed', String(e && e.message || e).slice(0, 200)))
      .finally(() => { referencesText = null; });
  }

  // ---- Offline: the service worker (web/sw.js; docs/EMBEDDING.md, "Offline") ---------------------------
  // The multi-file page over http(s) keeps its own files in the browser, so a class can reload it with the
  // network down - where the page may keep things: at top level unless persist=0, in a frame only when the
  // host allows it with persist=1 or persist=<name> (config.url.persist: C++ reads persist= as the settings
  // table says). Never the single file (it fetches nothing). A refusal is said once, in the console.
  function workOffline() {
    const allowed = config.url.persist ?? !inFrame;
    if (!allowed || !fetchesWasm || !/^https?:$/.test(location.protocol)) return;
    let container = null;
    try { container = window.isSecureContext ? navigator.serviceWorker : null; } catch (e) { container = null; }
    if (!container) return;  // http on a host that is not localhost: no workers
    container.register('sw.js').catch((e) => console.warn(`NeuroDrive will not work offline here: ${String(e && e.message || e).slice(0, 200)}`));
  }

  // ---- Start the module ----------------------------------------------------------------------------------
  let firstFrames = false;
  function start() {
    const c = view('nd_config_json');
    if (!c) return;
    config = c;
    LIMITS = Object.freeze({ ...c.settings.limits });
    policy = { kind: c.policy.kind, origins: c.policy.origins };
    // No ancestorOrigins or referrer told the parent's origin: its early H5P message did, if allowed.
    if (inFrame && !parentOrigin && h5p.earlyOrigin && allowed(window.parent, h5p.earlyOrigin)) parentOrigin = h5p.earlyOrigin;
    for (const p of pending.splice(0)) handleMessage(p.source, p.origin, p.data, p.overflow);
    if (firstFrames) onFirstFrames();
  }
  function onFirstFrames() {
    firstFrames = true;
    if (!policy || started || stopped) return;
    if (languageWait) { const w = languageWait; languageWait = null; w.then(onFirstFrames, onFirstFrames); return; }
    started = true;
    loading.hidden = true;
    updateMirror();
    const ignored = config.url.ignored;
    if (ignored.length > 0) {
      for (const i of ignored) console.warn(`NeuroDrive ignored the URL parameter ${i.name}: ${i.reason}`);
      // The notice counts them and names only parameters NeuroDrive knows (i.param, from C++'s fixed
      // vocabulary): a link's author cannot write in it. Names and reasons as given go to the console.
      const words = [...new Set(ignored.map((i) => i.param).filter((p) => p))].map((p) => (p === '(rest)' ? labels['page.ignored.rest'] : p));
      const unknown = ignored.filter((i) => !i.param).length;
      if (unknown) words.push(labels['page.ignored.unknown'].replace('%d', unknown));
      notice(labels[ignored.length === 1 ? 'page.ignored.one' : 'page.ignored.many'].replace('%d', ignored.length).replace('%s', words.join(', ')));
    }
    const p = config.persist;
    if (p.stored === 'damaged') {
      console.warn('NeuroDrive: the saved state was damaged and was ignored in part or whole: ' + p.ignored.map((i) => `${i.name} (${i.reason})`).join('; '));
      notice(labels['page.stored_damaged']);
    }
    if (p.origin_off) notice(labels['page.origin_off']);
    hasSaved = p.stored === 'restored' || p.stored === 'damaged';
    freshButton.hidden = !p.active || !hasSaved;
    if (p.active) {
      try {
        if (sessionStorage.getItem('neurodrive:fresh') === storeKey) { sessionStorage.removeItem('neurodrive:fresh'); notice(labels['page.started_fresh']); }
      } catch (e) { /* blocked */ }
      try { for (const k of LEGACY_KEYS) localStorage.removeItem(k); } catch (e) { /* blocked */ }
      if (migrated) writeRecord(p.record);
      claimStoreKey();
      timers.push(setInterval(persistTick, 500));
      const flush = () => { if (document.visibilityState === 'hidden') persistTick(); };
      document.addEventListener('visibilitychange', flush);
      window.addEventListener('pagehide', persistTick);
    }
    watchInteractions();  // the starting inputs: changes from now on are reported (xapi=1)
    workOffline();
    resolveReady(api);
    sendReady();
    xapiSend('initialized', xapiApp());
    window.addEventListener('pagehide', xapiTerminate);
    window.addEventListener('resize', sendResize);
    timers.push(setInterval(watchInteractions, 500), setInterval(updateMirror, 500));
  }

  let resolveModule;
  moduleReady = new Promise((resolve) => { resolveModule = resolve; });
  window.createNeuroDrive({
    canvas,
    arguments: [],
    // build: the deployment's name, written in by make_dist.mjs (About shows it; the offline cache has it).
    ndStart: { env: environment(), url: location.search, inFrame, readStored, pageTools: pageToolsSize(), build: '__BUILD__' },
    onFirstFrames,
    ndWantLanguage: wantLanguage,
    ndLanguageData: (code) => LANG.data(code),
    ndWantReferences: wantReferences,
    // A fetched text for C++: references.json, or a language's strings (its code).
    ndFetchedText: (what) => (what === 'references' ? referencesText : (LANG.data(what) || {}).text),
    // Compact mode's "Full view": this same scenario in a new tab (the share link's query). The page's
    // own address, not location.origin (the single file under file:// has the origin "null"). The
    // tab is cut off from this one at once (opener = null: what noopener does, but open() then
    // returns the tab, so the link is shown only when the tab was really blocked).
    onOpenFullView(query) {
      const url = baseUrl() + (query ? '?' + query : '');
      let tab = null;
      try { tab = window.open(url, '_blank'); } catch (e) { tab = null; }
      if (tab) { try { tab.opener = null; } catch (e) { /* already cut off */ } } else notice(`${labels ? labels['page.copy_this_link'] : ''} ${url}`.trim());
    },
    // Emscripten aborts when the wasm cannot be fetched or compiled, before the module exists: that is a
    // failure to load, not a simulation that stopped.
    onAbort(what) { if (module) stop('aborted: ' + String(what).slice(0, 160)); else loadFailed(what); },
    print(text) { console.log(text); },
    printErr(text) { console.warn(text); },
  }).then((m) => { module = m; resolveModule(m); start(); }, loadFailed);
  function loadFailed(err) {
    if (stopped) return;
    stopped = 'the WebAssembly program did not load';
    failWith(['load.title', 'load.wasm', 'load.wasm_hint'], String(err && err.message || err).slice(0, 200));
    rejectReady(err instanceof Error ? err : new Error(String(err)));
  }
})();
