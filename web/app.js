// app.js - the small JS glue: starts the wasm module, shows loading and failure states, and exposes
// window.neurodrive (see docs/API.md). Text from outside is only ever set with textContent.
(function () {
  'use strict';
  const canvas = document.getElementById('canvas');
  const loading = document.getElementById('loading');

  function fail(title, detail, hint) {
    loading.hidden = true;
    document.getElementById('failure-title').textContent = title;
    document.getElementById('failure-detail').textContent = detail;
    document.getElementById('failure-hint').textContent = hint || '';
    document.getElementById('failure').hidden = false;
    canvas.hidden = true;
  }

  let module = null;
  let resolveReady, rejectReady;
  const ready = new Promise((resolve, reject) => { resolveReady = resolve; rejectReady = reject; });
  ready.catch(() => {});  // callers that never await ready must not see an unhandled rejection

  function call(name, ...args) {
    if (!module) return { ok: false, error: 'NeuroDrive is not ready yet (await neurodrive.ready)' };
    const types = args.map((a) => (typeof a === 'number' ? 'number' : 'string'));
    const text = module.ccall(name, 'string', types, args);
    return JSON.parse(text);
  }

  function isPlainObject(v) {
    return v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;
  }

  const api = {
    ready,
    get() {
      if (!module) return null;
      return JSON.parse(module.ccall('nd_state_json', 'string', [], []));
    },
    set(values) {
      if (!isPlainObject(values)) return { ok: false, error: 'set() takes an object such as {thyroid: 0.3}' };
      for (const [k, v] of Object.entries(values)) {
        if (typeof v !== 'number' || !Number.isFinite(v)) return { ok: false, error: `${k} must be a finite number` };
      }
      return call('nd_set_inputs', JSON.stringify(values));
    },
    event(name) {
      if (typeof name !== 'string') return { ok: false, error: 'event() takes "cue", "reward" or "omit"' };
      return call('nd_event', name);
    },
    preset(name) {
      if (typeof name !== 'string') return { ok: false, error: 'preset() takes a preset id such as "hypothyroid"' };
      return call('nd_preset', name);
    },
    speed(x) {
      if (typeof x !== 'number') return { ok: false, error: 'speed() takes a number from 0.25 to 4' };
      return call('nd_set_speed', x);
    },
    autoTrials(on) { return call('nd_set_auto_trials', on ? 1 : 0); },
    reset() { if (!module) return { ok: false, error: 'not ready' }; module.ccall('nd_reset', null, [], []); return { ok: true }; },
    pause() { if (!module) return { ok: false, error: 'not ready' }; module.ccall('nd_pause', null, [], []); return { ok: true }; },
    play() { if (!module) return { ok: false, error: 'not ready' }; module.ccall('nd_play', null, [], []); return { ok: true }; },
    presets() { return module ? JSON.parse(module.ccall('nd_presets_json', 'string', [], [])) : null; },
    layout() { return module ? JSON.parse(module.ccall('nd_layout_json', 'string', [], [])) : null; },
    stats() { return module ? JSON.parse(module.ccall('nd_stats_json', 'string', [], [])) : null; },
  };
  Object.freeze(api);
  Object.defineProperty(window, 'neurodrive', { value: api, writable: false, configurable: false });

  // WebGL 2 is required: say so plainly instead of showing a black canvas.
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

  window.createNeuroDrive({
    canvas,
    onFirstFrames() { loading.hidden = true; resolveReady(api); },
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
