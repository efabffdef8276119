// page.js - the baseline page's glue: starts the module and exposes window.baseline =
// {ready, stats()} shaped like window.neurodrive's (ready resolves after the third drawn frame).
(function () {
  'use strict';
  let module = null, firstFrames = false, resolveReady, rejectReady;
  const ready = new Promise((resolve, reject) => { resolveReady = resolve; rejectReady = reject; });
  const maybeReady = () => { if (module && firstFrames) resolveReady(api); };
  const api = Object.freeze({
    ready,
    stats: () => (module ? JSON.parse(module.UTF8ToString(module._bl_stats_json())) : null),
  });
  window.baseline = api;
  window.createBaseline({
    canvas: document.getElementById('canvas'),
    arguments: [],
    onFirstFrames() { firstFrames = true; maybeReady(); },
    onAbort(what) { rejectReady(new Error('aborted: ' + what)); },
    print(text) { console.log(text); },
    printErr(text) { console.warn(text); },
  }).then((m) => { module = m; maybeReady(); }, rejectReady);
})();
