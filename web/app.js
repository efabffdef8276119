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
      notice('Link copied: it opens this same scenario.');
    } catch (e) {
      notice('Copy this link: ' + url);
    }
  });
  const fsButton = document.getElementById('fullscreen');
  if (!document.fullscreenEnabled) fsButton.hidden = true;
  fsButton.addEventListener('click', () => {
    if (document.fullscreenElement) document.exitFullscreen();
    else document.documentElement.requestFullscreen().catch(() => notice('Fullscreen is not allowed here.'));
  });

  // ---- Start the module ------------------------------------------------------------------------------
  window.createNeuroDrive({
    canvas,
    arguments: [stored, urlQuery],
    onFirstFrames() {
      loading.hidden = true;
      config = JSON.parse(module.ccall('nd_config_json', 'string', [], [])) || config;
      const ignored = config.url.ignored;
      if (ignored.length > 0) {
        for (const i of ignored) console.warn(`NeuroDrive ignored the URL parameter ${i.name}: ${i.reason}`);
        notice('Ignored in the link: ' + ignored.map((i) => `${i.name} (${i.reason})`).join('; '));
      }
      if (config.stored && config.stored.ignored.length > 0) {
        console.warn('NeuroDrive: the saved state was damaged and was partly ignored');
        notice('The saved state could not be fully restored and was partly ignored.');
      }
      resolveReady(api);
      if (inFrame) post(window.parent, '*', { type: 'neurodrive:ready' });
      sendResize();
      window.addEventListener('resize', sendResize);
      setInterval(watchInteractions, 500);
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
