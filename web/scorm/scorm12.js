// scorm12.js - the SCORM 1.2 runtime adapter of the NeuroDrive SCORM package (only in
// dist/neurodrive-scorm12*.zip, never in the web page). It finds the LMS's API object as the SCORM 1.2
// RTE says (window.parent up to 7 levels, then the opener's chain), reports the package's lesson from
// the app beside it (same origin: iframe#neurodrive, window.neurodrive, docs/API.md) and keeps the
// student's progress in cmi.suspend_data so a reload resumes at the same step. docs/EMBEDDING.md "SCORM".
(function () {
  'use strict';
  const frame = document.getElementById('neurodrive');
  const LESSON = frame.dataset.lesson;
  const status = document.getElementById('scorm-status');
  const MAX_SUSPEND = 4096;   // SCORM 1.2: cmi.suspend_data is CMIString4096
  const strings = (() => { try { return JSON.parse(document.getElementById('lms-strings').textContent); } catch (e) { return {}; } })();
  function say(key) {
    let lang = 'en';
    try { lang = frame.contentDocument.documentElement.lang; } catch (e) { /* not loaded */ }
    const text = (strings[lang] && strings[lang][key]) || (strings.en && strings.en[key]) || key;
    status.textContent = text;
    status.hidden = false;
  }

  // SCORM 1.2 RTE, "API discovery": the nearest window.API up the parent chain (at most 7 steps), then
  // from the opener. A cross-origin window on the way throws; that path ends there.
  function search(win) {
    for (let tries = 0; win && tries <= 7; tries++) {
      try { if (win.API) return win.API; } catch (e) { return null; }
      let up = null;
      try { up = win.parent; } catch (e) { return null; }
      if (!up || up === win) return null;
      win = up;
    }
    return null;
  }
  const lms = search(window) || (() => { try { return window.opener ? search(window.opener) : null; } catch (e) { return null; } })();
  const call = (name, ...args) => { try { return String(lms[name](...args)); } catch (e) { return ''; } };
  const get = (element) => call('LMSGetValue', element);
  function set(element, value) {
    if (call('LMSSetValue', element, String(value)) !== 'true') console.warn(`NeuroDrive SCORM: the LMS refused ${element} (error ${call('LMSGetLastError')}: ${call('LMSGetErrorString', call('LMSGetLastError'))})`);
  }

  let open = false;
  if (!lms) {
    console.warn('NeuroDrive SCORM: no SCORM 1.2 API (window.API) in the parent or opener windows: progress is not recorded');
    say('lms.no_lms');
  } else if (call('LMSInitialize', '') !== 'true') {
    console.warn(`NeuroDrive SCORM: LMSInitialize failed (error ${call('LMSGetLastError')}): progress is not recorded`);
    say('lms.no_lms');
  } else {
    open = true;
  }
  const startMs = Date.now();
  let completed = false, lastRecord = '', finished = false;
  if (open) {
    const st = get('cmi.core.lesson_status');
    completed = st === 'completed' || st === 'passed';
    if (!completed) set('cmi.core.lesson_status', 'incomplete');
    set('cmi.core.score.min', 0);
    set('cmi.core.score.max', 100);
  }

  // cmi.core.session_time is a CMITimespan: HHHH:MM:SS.SS.
  function timespan(ms) {
    const s = Math.max(0, ms) / 1000;
    const h = Math.min(9999, Math.floor(s / 3600)), m = Math.floor((s % 3600) / 60), sec = s % 60;
    return `${String(h).padStart(4, '0')}:${String(m).padStart(2, '0')}:${sec.toFixed(2).padStart(5, '0')}`;
  }

  let nd = null;
  // Reports what changed in the lesson: suspend_data, bookmark, score (share of the lesson's steps
  // predicted right, 0-100) and completion (never taken back); then commits.
  function report(force) {
    if (!open || !nd || finished) return;
    const record = nd.lessonRecord(LESSON);
    if (typeof record !== 'string' || (record === lastRecord && !force)) return;
    lastRecord = record;
    const r = JSON.parse(record);
    const steps = r.answers.length;
    const right = r.answers.filter((a) => a && a[1] === 1).length;
    if (record.length <= MAX_SUSPEND) set('cmi.suspend_data', record);
    set('cmi.core.lesson_location', `${LESSON}:${r.step + 1}`);
    if (r.answers.some((a) => a)) set('cmi.core.score.raw', Math.round((100 * right) / steps));
    if (r.done === steps && !completed) { completed = true; set('cmi.core.lesson_status', 'completed'); }
    set('cmi.core.exit', completed ? '' : 'suspend');
    call('LMSCommit', '');
  }
  // Resumes from cmi.suspend_data: a record of this package's lesson, validated strictly by the app;
  // anything else is ignored with a warning (the lesson starts from the beginning).
  function resume() {
    const saved = get('cmi.suspend_data');
    if (!saved) return;
    let lesson = null;
    try { lesson = JSON.parse(saved).lesson; } catch (e) { /* reported below */ }
    const r = lesson === LESSON ? nd.restoreLesson(saved) : { ok: false, error: lesson ? `it is for lesson "${String(lesson).slice(0, 40)}", not ${LESSON}` : 'it is not a NeuroDrive progress record' };
    if (r.ok) { lastRecord = nd.lessonRecord(LESSON); return; }
    console.warn(`NeuroDrive SCORM: cmi.suspend_data could not be used and was ignored (${r.error})`);
    say('lms.resume_failed');
  }
  // pagehide: the page goes away, or into the browser's back/forward cache (event.persisted), from
  // which Back may bring it back as it was. Either way everything is reported and committed with the
  // session time so far; LMSFinish only when it really goes away, so a page restored from the cache
  // goes on reporting (a cached page the browser later drops has committed everything but LMSFinish).
  let hiddenAt = 0, awayMs = 0;
  function leave(ev) {
    if (!open || finished) return;
    report(true);
    set('cmi.core.session_time', timespan(Date.now() - startMs - awayMs));
    call('LMSCommit', '');
    if (ev && ev.persisted) { hiddenAt = Date.now(); return; }
    finished = true;
    call('LMSFinish', '');
  }
  window.addEventListener('pagehide', leave);
  window.addEventListener('pageshow', (ev) => {   // back from the cache: the time away is not session time
    if (ev.persisted && hiddenAt) { awayMs += Date.now() - hiddenAt; hiddenAt = 0; }
  });

  function attach() {
    let w;
    try { w = frame.contentWindow; } catch (e) { return; }
    let api = null;
    try { api = w && w.neurodrive; } catch (e) { return; }  // not the same origin: nothing to report
    if (!api) { setTimeout(attach, 100); return; }
    api.ready.then(() => {
      nd = api;
      if (open) resume();
      report(false);
      setInterval(() => report(false), 500);
    }, (err) => console.warn('NeuroDrive SCORM: the app did not start: ' + (err && err.message)));
  }
  attach();   // polls until the app in the frame has defined window.neurodrive
})();
