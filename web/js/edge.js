// edge.js - the wasm edge: every call into wasm goes through wasm(); string arguments are checked (no
// NUL, bounded by the limits C++ gives at start) and copied into memory from _malloc, freed after the
// call. If wasm ever traps, the app stops for good and says so. Also the app's lifecycle (loaded,
// started, stopped) and C++'s start-up report (config). Depends only on page.js; nothing here throws
// to a caller but wasm() itself.
import { failWith, rejectReady, errorText } from './page.js';

// The limits on what enters wasm come from C++ at start (settings.hpp, config.settings.limits); until
// then no text is passed in but the start-up texts, which C++ cuts to its own limits (web_bridge.cpp).
export let LIMITS = { json_bytes: 0, stored_bytes: 0, name_chars: 0, inputs_per_call: 0, subscribers: 0, min_hz: 0, max_hz: 0 };
// C++'s start-up report (nd_config_json): the URL's settings it read, the message policy, persistence.
export let config = { url: { ignored: [], resize: false, xapi: false, xapi_base: null, lti_token: null }, policy: { kind: 'none', origins: [] },
  persist: { active: false, origin_off: false, name: '', stored: 'off', ignored: [], record: '' } };
export const encoder = new TextEncoder();
export const byteLength = (s) => (s.length > LIMITS.json_bytes * 4 ? Infinity : encoder.encode(s).length);

export let module = null;
let resolveModule;
export const moduleReady = new Promise((resolve) => { resolveModule = resolve; });  // resolves with the module
export let started = false;    // the first frames are shown and window.neurodrive is ready
export let stopped = '';       // why NeuroDrive stopped ('' = running)
export const timers = [];      // intervals that end when it stops
class ArgumentError extends Error {}

// The module loaded: calls may start.
export function attach(m) { module = m; resolveModule(m); }
// C++'s start-up report and limits; false while they cannot be read.
export function configure() {
  const c = view('nd_config_json');
  if (!c) return false;
  config = c;
  LIMITS = Object.freeze({ ...c.settings.limits });
  return true;
}
export const markStarted = () => { started = true; };

// Host subscribers' timers see `stopped` and end themselves (messages.js).
export function stop(reason) {
  if (stopped) return;
  stopped = String(reason && reason.message || reason || 'unknown error').slice(0, 200);
  for (const t of timers) clearInterval(t);
  failWith(['stopped.title', 'stopped.detail', 'stopped.hint'], stopped);
  rejectReady(new Error('NeuroDrive stopped: ' + stopped));
}
// No WebGL 2 context can be made (main.js asks the browser; C++'s main() reports its own context failing):
// the page says so in plain words, not a black canvas.
export function noWebGL() {
  if (stopped) return;
  stopped = 'WebGL 2 is not available';
  failWith(['webgl.title', 'webgl.detail', 'webgl.hint']);
  rejectReady(new Error(stopped));
}
// The wasm could not be fetched or compiled: a failure to load, not a simulation that stopped.
export function loadFailed(err) {
  if (stopped) return;
  stopped = 'the WebAssembly program did not load';
  failWith(['load.title', 'load.wasm', 'load.wasm_hint'], errorText(err));
  rejectReady(err instanceof Error ? err : new Error(String(err)));
}

export function wasm(name, ...args) {
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
export function wasmText(name, ...args) {
  try { return module.UTF8ToString(wasm(name, ...args)); } catch (e) { return e instanceof ArgumentError ? { argumentError: e.message } : null; }
}
export function wasmJson(name, ...args) {
  const text = wasmText(name, ...args);
  if (text === null || typeof text !== 'string') return text;
  try { return JSON.parse(text); } catch (e) { stop(e); return null; }
}

export const notReady = () => ({ ok: false, error: stopped ? `NeuroDrive stopped (${stopped}); reload the page` : 'NeuroDrive is not ready yet (await neurodrive.ready)' });
// A command: {ok: true} or {ok: false, error}.
export function command(name, ...args) {
  if (!module || stopped) return notReady();
  const r = wasmJson(name, ...args);
  if (r === null) return notReady();
  if (r.argumentError) return { ok: false, error: r.argumentError };
  return r;
}
export const view = (name, ...args) => (module && !stopped ? wasmJson(name, ...args) : null);

// A trap in wasm while it draws a frame (outside any call of ours) stops the app with a clear page.
window.addEventListener('error', (ev) => { if (module && ev.error instanceof WebAssembly.RuntimeError) stop(ev.error); });
