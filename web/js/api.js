// api.js - window.neurodrive (docs/API.md): read-only and frozen, defined as soon as the page runs.
// Every argument is checked here (shape, count, name length, numbers) before it reaches wasm; no call
// throws, whatever it is given (getters that throw, proxies, huge strings). Depends on the wasm edge and
// on the modules whose actions it offers (exports.js, share.js); nothing depends on it but callers.
import { ready, isPlainObject, errorText } from './page.js';
import { LIMITS, module, stopped, command, view } from './edge.js';
import { exportCsv, exportPicture } from './exports.js';
import { shareUrl, scenario } from './share.js';

const isName = (v) => typeof v === 'string' && v.length <= LIMITS.name_chars;
const safe = (fn) => (...args) => {
  try { return fn(...args); } catch (e) { return { ok: false, error: 'invalid argument: ' + errorText(e, 120) }; }
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

export const api = {
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
  scenario: (options) => { try { return scenario(options).catch((e) => ({ ok: false, error: errorText(e, 120) })); } catch (e) { return Promise.resolve({ ok: false, error: 'invalid argument: ' + errorText(e, 120) }); } },
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
