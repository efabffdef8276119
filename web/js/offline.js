// offline.js - the service worker's registration (web/sw.js; docs/EMBEDDING.md, "Offline"). The
// multi-file page over http(s) keeps its own files in the browser, so a class can reload it with the
// network down - where the page may keep things: at top level unless persist=0, in a frame only when the
// host allows it with persist=1 or persist=<name> (config.url.persist: C++ reads persist= as the settings
// table says). Never the single file (it fetches nothing). A refusal is said once, in the console.
// Depends on page.js and the wasm edge's config.
import { inFrame, fetchesWasm, errorText } from './page.js';
import { config } from './edge.js';

export function workOffline() {
  const allowed = config.url.persist ?? !inFrame;
  if (!allowed || !fetchesWasm || !/^https?:$/.test(location.protocol)) return;
  let container = null;
  try { container = window.isSecureContext ? navigator.serviceWorker : null; } catch (e) { container = null; }
  if (!container) return;  // http on a host that is not localhost: no workers
  container.register('sw.js').catch((e) => console.warn(`NeuroDrive will not work offline here: ${errorText(e)}`));
}
