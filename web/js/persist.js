// persist.js - persistence (one key per embedding; only the user's choices; docs/EMBEDDING.md): the
// stored state C++ reads at start (readStored, only when C++ decides persistence applies), the record
// it hands back to save, two embeds with one key, and Start fresh. C++ decides what is kept
// (persist.cpp); this module only reads and writes localStorage. Depends on page.js and the wasm edge.
import { STORE_PREFIX, LEGACY_KEYS, notice, labels } from './page.js';
import { config, encoder, timers, view } from './edge.js';

let storeKey = '';            // this embedding's key: page path plus the persist= name
let migrated = false;         // the text size came from an older NeuroDrive's key
let persistYielded = false;   // another NeuroDrive on this page already saves under the same key
export let hasSaved = false;  // something is stored for this embedding (Start fresh is shown)
let persistStopped = false;   // start fresh: nothing more is written
export const persistActive = () => config.persist.active && !persistYielded && !persistStopped;

// web_bridge.cpp reads the stored state through the heap while main() runs, cut to the limit it gives.
export function readStored(name, maxBytes) {
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

// The app is shown: what C++ said of the stored state (p: config.persist) is told, and where the page
// keeps things it saves every half second and when the page is hidden or left.
export function startPersisting(p) {
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
}

// Start fresh: forget what this embedding saved and reload as on a first visit.
export const freshButton = document.getElementById('start-fresh');
export function startFresh() {
  persistStopped = true;
  try { localStorage.removeItem(storeKey); for (const k of LEGACY_KEYS) localStorage.removeItem(k); } catch (e) { /* blocked */ }
  try { sessionStorage.setItem('neurodrive:fresh', storeKey); } catch (e) { /* blocked */ }
  location.reload();
}
freshButton.addEventListener('click', startFresh);
