// main.js - the page's entry (make_dist.mjs bundles it and every module it imports into dist/app.js,
// one script: scripts/bundle_js.mjs): the failure modes that need no wasm, the start-up texts handed to
// C++, and starting the module: the first frames shown, then persistence, messages, LMS and the offline
// worker begin. The modules are imported in the order the page sets itself up.
//
// Modules (web/js/): page (elements, loading and failure pages, notice, labels, helpers) | edge (the wasm
// edge, limits, lifecycle, C++'s start-up report) | api (window.neurodrive) | exports (CSV, PNG, the
// Export menu) | share (share link, the Share dialog) | persist (stored state, Start fresh) | sound |
// page_tools (fullscreen, the corner kept free) | mirror (the accessible mirror, announcements) |
// canvas_input (focus, Tab, touch) | trust (the postMessage trust model) | lms (ready, resize, H5P,
// xAPI) | messages (host messages) | on_demand (languages and references fetched when C++ asks) |
// offline (the service worker) | main.
import { LANG, canvas, loading, inFrame, labels, fetchesWasm, notice, failWith, resolveReady, rejectReady, baseUrl } from './page.js';
import { config, module, started, stopped, timers, attach, configure, markStarted, stop, loadFailed, noWebGL } from './edge.js';
import { api } from './api.js';
import { readStored, startPersisting } from './persist.js';
import { pageToolsSize } from './page_tools.js';
import { updateMirror } from './mirror.js';
import './canvas_input.js';
import { policy, setPolicy, parentOrigin, learnParent, allowed } from './trust.js';
import { h5p, watchInteractions, startLms } from './lms.js';
import { handlePending } from './messages.js';
import { wantLanguage, wantReferences, referencesText, takeLanguageWait } from './on_demand.js';
import { workOffline } from './offline.js';

// ---- Start-up texts -----------------------------------------------------------------------------------
// web_bridge.cpp reads these through the heap while main() runs, cut to the limits it gives: the URL
// query, the browser environment, and - only when C++ decides persistence applies - the stored state
// (persist.js readStored).
function environment() {
  const env = new URLSearchParams();
  if (LANG.browser) env.set('lang', LANG.browser);  // the browser's preferred language NeuroDrive has (pt-PT -> pt-BR, fr-CA -> fr)
  if (window.matchMedia && matchMedia('(prefers-color-scheme: light)').matches) env.set('scheme', 'light');
  if (window.matchMedia && matchMedia('(prefers-reduced-motion: reduce)').matches) env.set('motion', 'reduce');
  return env.toString();
}

// ---- Start the module -----------------------------------------------------------------------------------
let firstFrames = false;
function start() {
  if (!configure()) return;
  setPolicy(config.policy);
  // No ancestorOrigins or referrer told the parent's origin: its early H5P message did, if allowed.
  if (inFrame && !parentOrigin && h5p.earlyOrigin && allowed(window.parent, h5p.earlyOrigin)) learnParent(h5p.earlyOrigin);
  handlePending();
  if (firstFrames) onFirstFrames();
}
function onFirstFrames() {
  firstFrames = true;
  if (!policy || started || stopped) return;
  const w = takeLanguageWait();
  if (w) { w.then(onFirstFrames, onFirstFrames); return; }
  markStarted();
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
  startPersisting(config.persist);
  watchInteractions();  // the starting inputs: changes from now on are reported (xapi=1)
  workOffline();
  resolveReady(api);
  startLms();
  timers.push(setInterval(watchInteractions, 500), setInterval(updateMirror, 500));
}

// ---- Failure modes that need no wasm, else start --------------------------------------------------------
// A sandboxed iframe without allow-same-origin gives the page an opaque origin: the program file
// neurodrive.wasm cannot be fetched from it (the single file needs no fetch and still runs).
const cannot = fetchesWasm && window.origin === 'null' && location.protocol !== 'file:' ? [['sandbox.title', 'sandbox.detail', 'sandbox.hint'], 'sandboxed without allow-same-origin']
  : typeof window.createNeuroDrive !== 'function' ? [['load.title', 'load.script', 'load.script_hint'], 'neurodrive.js missing']
  // No WebGL 2 at all (an old browser). One that has it but cannot make a context (a blocklisted GPU,
  // WebGL turned off) is found when main() makes the app's context (onNoWebGL): a throwaway context made
  // here to ask would cost the start-up about 100 ms.
  : typeof window.WebGL2RenderingContext !== 'function' ? [['webgl.title', 'webgl.detail', 'webgl.hint'], 'WebGL 2 is not available'] : null;
if (cannot) {
  failWith(cannot[0]);
  rejectReady(new Error(cannot[1]));
} else {
  const loading = window.createNeuroDrive({
    canvas,
    arguments: [],
    // build: the deployment's name, written in by make_dist.mjs (About shows it; the offline cache has it).
    ndStart: { env: environment(), url: location.search, inFrame, readStored, pageTools: pageToolsSize(), build: '__BUILD__' },
    onFirstFrames,
    onNoWebGL: noWebGL,
    // Text C++ asks for and the page fetches (on_demand.js): a language's strings, the references.
    ndWantLanguage: wantLanguage,
    ndLanguageData: (code) => LANG.data(code),  // its font
    ndWantReferences: wantReferences,
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
  });
  loading.then((m) => { if (!stopped) { attach(m); start(); } }, loadFailed);
}
