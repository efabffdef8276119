// app.js - the small JS glue: starts the wasm module, shows loading and failure states, and exposes
// window.neurodrive (docs/API.md), the host-page postMessage protocol, share links, persistence and
// LMS messages (docs/EMBEDDING.md). Every value from outside is validated in C++ (url_params.cpp,
// messages.cpp); text from outside is only ever shown with textContent, never as HTML.
(function () {
  'use strict';
  const canvas = document.getElementById('canvas');
  const loading = document.getElementById('loading');
  const inFrame = window.parent !== window;
  const STORE_KEY = 'neurodrive:state';

  function fail(title, detail, hint) {
    loading.hidden = true;
    document.getElementById('failure-title').textContent = title;
    document.getElementById('failure-detail').textContent = detail;
    document.getElementById('failure-hint').textContent = hint || '';
    document.getElementById('failure').hidden = false;
    canvas.hidden = true;
  }

  // A short visible notice (role=status), e.g. for ignored URL parameters.
  function notice(text) {
    const box = document.getElementById('notice');
    document.getElementById('notice-text').textContent = text;
    box.hidden = false;
  }
  document.getElementById('notice-close').addEventListener('click', () => { document.getElementById('notice').hidden = true; });

  let module = null;
  let resolveReady, rejectReady;
  const ready = new Promise((resolve, reject) => { resolveReady = resolve; rejectReady = reject; });
  ready.catch(() => {});  // callers that never await ready must not see an unhandled rejection

  function callJson(name, types, args) {
    if (!module) return { ok: false, error: 'NeuroDrive is not ready yet (await neurodrive.ready)' };
    return JSON.parse(module.ccall(name, 'string', types, args));
  }
  const isPlainObject = (v) => v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;
  const notReady = { ok: false, error: 'NeuroDrive is not ready yet (await neurodrive.ready)' };

  const api = {
    ready,
    get() { return module ? callJson('nd_state_json', [], []) : null; },
    set(values) {
      if (!isPlainObject(values)) return { ok: false, error: 'set() takes an object such as {thyroid: 0.3}' };
      for (const [k, v] of Object.entries(values)) {
        if (typeof v !== 'number' || !Number.isFinite(v)) return { ok: false, error: `${k} must be a finite number` };
      }
      return callJson('nd_set_inputs', ['string'], [JSON.stringify(values)]);
    },
    event(name) {
      if (typeof name !== 'string') return { ok: false, error: 'event() takes "cue", "reward" or "omit"' };
      return callJson('nd_event', ['string'], [name]);
    },
    preset(name) {
      if (typeof name !== 'string') return { ok: false, error: 'preset() takes a preset id such as "hypothyroid"' };
      return callJson('nd_preset', ['string'], [name]);
    },
    presets() { return module ? callJson('nd_presets_json', [], []) : null; },
    speed(x) {
      if (typeof x !== 'number') return { ok: false, error: 'speed() takes a number from 0.25 to 4' };
      return callJson('nd_set_speed', ['number'], [x]);
    },
    autoTrials(on) { return callJson('nd_set_auto_trials', ['number'], [on ? 1 : 0]); },
    reset() { if (!module) return notReady; module.ccall('nd_reset', null, [], []); return { ok: true }; },
    pause() { if (!module) return notReady; module.ccall('nd_pause', null, [], []); return { ok: true }; },
    play() { if (!module) return notReady; module.ccall('nd_play', null, [], []); return { ok: true }; },
    shareLink() { return module ? shareUrl() : null; },
    layout() { return module ? callJson('nd_layout_json', [], []) : null; },
    stats() { return module ? callJson('nd_stats_json', [], []) : null; },
  };
  Object.freeze(api);
  Object.defineProperty(window, 'neurodrive', { value: api, writable: false, configurable: false });

  // ---- Start-up: what to restore -----------------------------------------------------------------
  const urlQuery = location.search.slice(0, 8192);
  const params = new URLSearchParams(urlQuery);
  // Persistence: on by default at top level, off inside an iframe unless persist=1; persist=0 turns it off.
  const persistParam = params.get('persist');
  const persist = persistParam === '1' || (!inFrame && persistParam !== '0');
  let stored = '';
  if (persist) {
    try { stored = localStorage.getItem(STORE_KEY) || ''; } catch (e) { stored = ''; }
    if (typeof stored !== 'string' || stored.length > 4096) stored = '';
  }

  // The browser environment: language, colour scheme, motion preference, remembered text size.
  function environment() {
    const env = new URLSearchParams();
    if ((navigator.language || '').toLowerCase().startsWith('es')) env.set('lang', 'es');
    if (window.matchMedia && matchMedia('(prefers-color-scheme: light)').matches) env.set('scheme', 'light');
    if (window.matchMedia && matchMedia('(prefers-reduced-motion: reduce)').matches) env.set('motion', 'reduce');
    try { const scale = localStorage.getItem('neurodrive:scale'); if (scale) env.set('scale', scale.slice(0, 8)); } catch (e) { /* blocked */ }
    return env.toString();
  }

  // ---- The accessible mirror: native controls beside the canvas, kept in sync both ways -------------
  const mirror = document.getElementById('a11y-mirror');
  const announcer = document.getElementById('announcer');
  const mirrorInputs = new Map();
  let mirrorBuilt = false, lastAnnouncement = 0;
  const el = (tag, props = {}, text) => { const e = document.createElement(tag); Object.assign(e, props); if (text !== undefined) e.textContent = text; return e; };

  function buildMirror(m) {
    mirror.replaceChildren();
    mirror.append(el('h2', { id: 'a11y-title' }, m.title), el('p', { id: 'a11y-summary' }, m.summary));
    const events = el('div', { role: 'group', id: 'a11y-events' });
    events.setAttribute('aria-label', m.labels.events);
    for (const e of m.events) {
      const b = el('button', { type: 'button' }, e.label);
      b.addEventListener('click', () => api.event(e.name));
      events.append(b);
    }
    const play = el('button', { type: 'button', id: 'a11y-play' }, m.paused ? m.labels.play : m.labels.pause);
    play.addEventListener('click', () => { const s = api.get(); if (s.paused) api.play(); else api.pause(); });
    const reset = el('button', { type: 'button', id: 'a11y-reset' }, m.labels.reset);
    reset.addEventListener('click', () => api.reset());
    events.append(play, reset);
    const presetLabel = el('label', { htmlFor: 'a11y-preset', id: 'a11y-preset-label' }, m.labels.presets);
    const select = el('select', { id: 'a11y-preset' });
    select.append(el('option', { value: 'custom' }, m.labels.custom));
    for (const p of m.presets) select.append(el('option', { value: p.id }, p.title));
    select.addEventListener('change', () => { if (select.value !== 'custom') api.preset(select.value); });
    mirror.append(events, presetLabel, select);
    mirrorInputs.clear();
    for (const i of m.inputs) {
      const id = 'a11y-in-' + i.name;
      const label = el('label', { htmlFor: id }, i.label);
      const input = el('input', { type: 'range', id, min: '0', max: String(i.max * 100), step: '1' });
      input.addEventListener('input', () => api.set({ [i.name]: Number(input.value) / 100 }));
      mirrorInputs.set(i.name, { input, label });
      mirror.append(label, input);
    }
    mirror.append(el('ul', { id: 'a11y-narration' }));
    mirrorBuilt = true;
  }

  let labels = null;  // page texts in the UI language, from the strings table (via the mirror)
  function updateMirror() {
    const m = callJson('nd_mirror_json', [], []);
    labels = m.labels;
    document.documentElement.lang = m.lang;
    copyButton.textContent = m.labels['page.copy_link'];
    copyButton.title = m.labels['page.copy_link.tip'];
    fsButton.title = m.labels['page.fullscreen'];
    fsButton.setAttribute('aria-label', m.labels['page.fullscreen']);
    if (!mirrorBuilt) buildMirror(m);
    document.getElementById('a11y-title').textContent = m.title;
    document.getElementById('a11y-summary').textContent = m.summary;
    document.getElementById('a11y-play').textContent = m.paused ? m.labels.play : m.labels.pause;
    const select = document.getElementById('a11y-preset');
    if (document.activeElement !== select) select.value = m.presets.some((p) => p.id === m.preset) ? m.preset : 'custom';
    for (const i of m.inputs) {
      const { input, label } = mirrorInputs.get(i.name);
      label.textContent = i.label;
      input.disabled = i.locked;
      input.setAttribute('aria-valuetext', i.valuetext);
      if (document.activeElement !== input) input.value = String(Math.round(i.value * 100));
    }
    updateLessonMirror();
    const list = document.getElementById('a11y-narration');
    list.replaceChildren(...m.narration.map((t) => el('li', {}, t)));
    // Announce meaningful changes, at most every 4 s, so a screen reader is never flooded.
    if (Date.now() - lastAnnouncement >= 4000) {
      const text = module.ccall('nd_announcement', 'string', [], []);
      if (text) { announcer.textContent = text; lastAnnouncement = Date.now(); }
    }
  }

  // Guided lessons in the mirror: a keyboard or screen-reader user can run a whole lesson here.
  let lessonSignature = '';
  function lessonAction(action, option = 0) { callJson('nd_lesson', ['string', 'number'], [action, option]); updateLessonMirror(); }
  function updateLessonMirror() {
    const text = module.ccall('nd_lessons_json', 'string', [], []);
    if (text === lessonSignature) return;
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
        fs.append(r, el('label', { htmlFor: id, style: 'display:inline' }, o), el('br'));
      });
      box.append(fs);
      if (a.phase === 'predict') {
        const b = el('button', { type: 'button', id: 'a11y-lesson-lock', disabled: a.choice === 0 }, L['lessons.lock']);
        b.addEventListener('click', () => lessonAction('lock'));
        box.append(b);
      } else if (a.phase === 'act') {
        box.append(el('p', { id: 'a11y-lesson-do' }, a.do), el('p', {}, L['lessons.waiting']));
      } else {
        box.append(el('p', { id: 'a11y-lesson-verdict' }, a.right ? L['lessons.right'] : L['lessons.wrong']), el('p', {}, a.why));
        const b = el('button', { type: 'button', id: 'a11y-lesson-next' }, a.step === a.steps ? L['lessons.finish'] : L['lessons.next']);
        b.addEventListener('click', () => lessonAction('next'));
        box.append(b);
        announcer.textContent = (a.right ? L['lessons.right'] : L['lessons.wrong']) + ' ' + a.why;
      }
      const back = el('button', { type: 'button', id: 'a11y-lesson-back' }, L['lessons.back']);
      back.addEventListener('click', () => lessonAction('back'));
      box.append(back);
    }
    const again = focusedId && document.getElementById(focusedId);
    if (again && mirror.contains(again)) again.focus();
    else if (focusedId && focusedId.startsWith('a11y-lesson')) (box.querySelector('button:not([disabled]), input:not([disabled])') || box).focus();
  }

  // No keyboard trap (WCAG 2.1.2): Tab and Shift+Tab always move focus in the page. SDL would take
  // them for the canvas; this capturing listener runs first and keeps them away from it. Inside the
  // canvas the arrow keys, Space and Enter navigate and operate the controls.
  window.addEventListener('keydown', (ev) => { if (ev.key === 'Tab' && ev.target === canvas) ev.stopImmediatePropagation(); }, true);
  window.addEventListener('keyup', (ev) => { if (ev.key === 'Tab' && ev.target === canvas) ev.stopImmediatePropagation(); }, true);

  // Touch: SDL turns touches into pointer input itself; the browser's extra "compatibility" mouse
  // events after a tap would reach SDL a second time and leave the button state stuck, so only the
  // touch events are kept (this also stops page scroll and zoom while dragging on the canvas).
  for (const type of ['touchstart', 'touchend']) canvas.addEventListener(type, (ev) => { if (ev.cancelable) ev.preventDefault(); }, { passive: false });

  // ---- Failure modes that need no wasm -------------------------------------------------------------
  const probe = document.createElement('canvas');
  if (!probe.getContext('webgl2')) {
    fail('This browser cannot show NeuroDrive',
      'NeuroDrive draws with WebGL 2, which this browser or device does not provide (or has turned off).',
      'Try a current Chrome, Edge, Firefox or Safari, or turn on hardware acceleration in the browser settings.');
    rejectReady(new Error('WebGL 2 is not available'));
    return;
  }
  if (typeof window.createNeuroDrive !== 'function') {
    fail('NeuroDrive could not load', 'The program file neurodrive.js did not load.',
      'Check the network connection and reload the page. If you host NeuroDrive, copy every file of dist/.');
    rejectReady(new Error('neurodrive.js missing'));
    return;
  }

  // ---- Host page messages --------------------------------------------------------------------------
  let config = { url: { ignored: [], resize: false, xapi: false, origins: [] }, stored: null };
  const subscriptions = new Map();  // source window -> {origin, timer}

  function post(target, origin, message) {
    try { target.postMessage(message, origin === 'null' ? '*' : origin); } catch (e) { /* the sender went away */ }
  }

  function onMessage(ev) {
    const data = ev.data;
    const ours = (isPlainObject(data) && typeof data.type === 'string' && data.type.startsWith('neurodrive:'))
      || (typeof data === 'string' && data.startsWith('neurodrive'));
    if (!ours || !ev.source) return;  // other libraries' messages are not for us
    const allowed = config.url.origins;
    if (allowed.length > 0 && !allowed.includes(ev.origin)) {
      post(ev.source, ev.origin, { type: 'neurodrive:error', error: 'this origin may not control NeuroDrive' });
      return;
    }
    if (!module) { post(ev.source, ev.origin, { type: 'neurodrive:error', error: 'not ready' }); return; }
    let text;
    try { text = JSON.stringify(data); } catch (e) { text = '"unserialisable"'; }
    const result = callJson('nd_message', ['string'], [text]);
    if (result.reply) post(ev.source, ev.origin, result.reply);
    if (result.subscribe_hz >= 0) {
      const old = subscriptions.get(ev.source);
      if (old) clearInterval(old.timer);
      subscriptions.delete(ev.source);
      if (result.subscribe_hz > 0) {
        const source = ev.source, origin = ev.origin;
        const timer = setInterval(() => {
          const s = callJson('nd_message', ['string'], ['{"type":"neurodrive:get"}']);
          if (s.reply) post(source, origin, s.reply);
        }, 1000 / result.subscribe_hz);
        subscriptions.set(ev.source, { origin, timer });
      }
    }
  }
  window.addEventListener('message', onMessage);

  // ---- LMS integration: resize messages and xAPI-shaped statements (only when asked) -----------------
  function sendResize() {
    if (!inFrame || !config.url.resize) return;
    const height = Math.max(480, Math.round(document.documentElement.getBoundingClientRect().height));
    post(window.parent, '*', JSON.stringify({ subject: 'lti.frameResize', height }));
    post(window.parent, '*', { context: 'h5p', action: 'resize', scrollHeight: height });
  }

  let lastInputs = null;
  let lastCompleted = 0;
  let xapiTimer = null;
  function watchInteractions() {
    const s = api.get();
    if (!s) return;
    if (lastInputs && config.url.xapi && inFrame) {
      for (const [name, value] of Object.entries(s.inputs)) {
        if (lastInputs[name] === value) continue;
        post(window.parent, '*', {
          type: 'neurodrive:xapi',
          statement: {
            verb: { id: 'http://adlnet.gov/expapi/verbs/interacted', display: { 'en-US': 'interacted' } },
            object: { id: `urn:neurodrive:control:${name}`, definition: { name: { 'en-US': name } }, objectType: 'Activity' },
            result: { extensions: { 'urn:neurodrive:value': value } },
            timestamp: new Date().toISOString(),
          },
        });
      }
    }
    lastInputs = s.inputs;
    if (config.url.xapi && inFrame && s.lesson_steps_completed > lastCompleted) {
      post(window.parent, '*', {
        type: 'neurodrive:xapi',
        statement: {
          verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } },
          object: { id: `urn:neurodrive:lesson:${s.lesson || 'none'}:step:${s.lesson_step}`, objectType: 'Activity',
            definition: { name: { 'en-US': `${s.lesson} step ${s.lesson_step}` } } },
          timestamp: new Date().toISOString(),
        },
      });
    }
    lastCompleted = s.lesson_steps_completed;
    try { localStorage.setItem('neurodrive:scale', String(s.ui_scale)); } catch (e) { /* blocked */ }
    if (persist) {
      const q = module.ccall('nd_share_query', 'string', [], []);
      try { if (q) localStorage.setItem(STORE_KEY, q); else localStorage.removeItem(STORE_KEY); } catch (e) { /* storage full or blocked */ }
    }
  }

  // ---- Share link and fullscreen ---------------------------------------------------------------------
  function shareUrl() {
    const q = module.ccall('nd_share_query', 'string', [], []);
    return location.origin + location.pathname + (q ? '?' + q : '');
  }
  const copyButton = document.getElementById('copy-link');
  copyButton.addEventListener('click', async () => {
    if (!module) return;
    const url = shareUrl();
    try {
      await navigator.clipboard.writeText(url);
      notice(labels['page.link_copied']);
    } catch (e) {
      notice(labels['page.copy_this_link'] + ' ' + url);
    }
  });
  const fsButton = document.getElementById('fullscreen');
  if (!document.fullscreenEnabled) fsButton.hidden = true;
  fsButton.addEventListener('click', () => {
    if (document.fullscreenElement) document.exitFullscreen();
    else document.documentElement.requestFullscreen().catch(() => notice(labels['page.fullscreen_denied']));
  });

  // ---- Start the module ------------------------------------------------------------------------------
  window.createNeuroDrive({
    canvas,
    arguments: [stored, urlQuery, environment()],
    onFirstFrames() {
      loading.hidden = true;
      config = JSON.parse(module.ccall('nd_config_json', 'string', [], [])) || config;
      updateMirror();
      const ignored = config.url.ignored;
      if (ignored.length > 0) {
        for (const i of ignored) console.warn(`NeuroDrive ignored the URL parameter ${i.name}: ${i.reason}`);
        notice(labels['page.ignored'] + ' ' + ignored.map((i) => `${i.name} (${i.reason})`).join('; '));
      }
      if (config.stored && config.stored.ignored.length > 0) {
        console.warn('NeuroDrive: the saved state was damaged and was partly ignored');
        notice(labels['page.stored_damaged']);
      }
      resolveReady(api);
      if (inFrame) post(window.parent, '*', { type: 'neurodrive:ready' });
      sendResize();
      window.addEventListener('resize', sendResize);
      setInterval(watchInteractions, 500);
      setInterval(updateMirror, 500);
    },
    onAbort(what) {
      fail('NeuroDrive stopped', 'The simulation could not start or stopped unexpectedly (' + String(what).slice(0, 200) + ').',
        'Reload the page. If it happens again, try another browser.');
      rejectReady(new Error('aborted'));
    },
    print(text) { console.log(text); },
    printErr(text) { console.warn(text); },
  }).then((m) => { module = m; }, (err) => {
    fail('NeuroDrive could not load', 'The WebAssembly program failed to load (' + String(err && err.message || err).slice(0, 200) + ').',
      'Check the network connection and reload the page. If you host NeuroDrive, serve .wasm files as application/wasm.');
    rejectReady(err instanceof Error ? err : new Error(String(err)));
  });
})();
