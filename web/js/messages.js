// messages.js - messages from host pages (docs/EMBEDDING.md): who sent one comes first (trust.js); a
// message of ours is measured against the limits before it goes anywhere near wasm, where C++ validates
// it (messages.cpp) and answers; subscribers get the state at their rate. Messages that arrive while
// NeuroDrive starts wait, with a quota per kind of sender. H5P's resizer messages go to lms.js.
// Depends on page.js, the wasm edge, trust.js and lms.js.
import { inFrame, isPlainObject } from './page.js';
import { LIMITS, module, started, stopped, byteLength, wasmJson, wasmText, notReady } from './edge.js';
import { policy, learnParent, post, allowed, refuse } from './trust.js';
import { readySent, sendReady, onH5P } from './lms.js';

// Host messages held while NeuroDrive starts (checked and measured once the policy and limits are
// known), per kind of sender: the parent (when embedded) and the opener 32 each, all other windows 8
// together, so no stranger can crowd out the parent.
const QUEUE = Object.freeze({ parent: 32, opener: 32, other: 8 });
const pending = [];
const queued = { parent: 0, opener: 0, other: 0 };  // messages held per kind of sender
const subscribers = new Map();     // window -> {origin, timer}
// The types NeuroDrive sends are never answered (two copies of it, say a course page and its Share
// preview, would answer each other forever): like other tools' messages, they are not for us.
const OWN_TYPES = ['neurodrive:error', 'neurodrive:ack', 'neurodrive:state', 'neurodrive:ready', 'neurodrive:xapi'];
const isOurs = (data) => (isPlainObject(data) && typeof data.type === 'string' && data.type.startsWith('neurodrive:') && !OWN_TYPES.includes(data.type))
  || (typeof data === 'string' && data.startsWith('neurodrive'));
// The message's JSON text, measured before it goes anywhere near wasm.
function messageText(data) {
  const tooLarge = { error: `message larger than ${LIMITS.json_bytes / 1024} KB` };
  if (typeof data === 'string' && data.length > LIMITS.json_bytes) return tooLarge;
  let text;
  try { text = JSON.stringify(data); } catch (e) { return { error: 'message could not be read (cyclic or too deep)' }; }
  if (typeof text !== 'string' || text.length > LIMITS.json_bytes || byteLength(text) > LIMITS.json_bytes) return tooLarge;
  return { text };
}

function onMessage(ev) {
  let data;
  try { data = ev.data; } catch (e) { return; }
  if (isPlainObject(data) && data.context === 'h5p') { onH5P(ev); return; }  // H5P's resizer (LMS messages)
  if (!isOurs(data)) return;  // other tools' messages are not for us
  if (!policy || !module) {   // not started: nothing is processed before the policy (and the limits) are known
    // Each kind of sender has its own quota (QUEUE). Messages wait as they came; they are checked and
    // measured later.
    const kind = inFrame && ev.source === window.parent ? 'parent' : ev.source && ev.source === window.opener ? 'opener' : 'other';
    const quota = QUEUE[kind];
    const n = queued[kind]++;
    if (n < quota) pending.push({ source: ev.source, origin: ev.origin, data });
    else if (n === quota) pending.push({ source: ev.source, origin: ev.origin, overflow: quota });
    return;
  }
  handleMessage(ev.source, ev.origin, data);
}

// Who sent it comes first: a message from a window the policy refuses is never read or measured.
function handleMessage(source, origin, data, overflow = 0) {
  if (!allowed(source, origin)) { refuse(origin); return; }
  if (inFrame && source === window.parent) {
    learnParent(origin);  // now known for certain
    if (!readySent && started) sendReady();
  }
  const m = overflow ? { error: `more than ${overflow} messages arrived while NeuroDrive was starting` } : messageText(data);
  if (m.error) { post(source, origin, { type: 'neurodrive:error', error: m.error }); return; }
  if (stopped) { post(source, origin, { type: 'neurodrive:error', error: notReady().error }); return; }
  const mayAdd = subscribers.has(source) || subscribers.size < LIMITS.subscribers;
  const r = wasmJson('nd_message', m.text, mayAdd ? 1 : 0);
  if (!r || r.argumentError) return;
  if (r.reply) post(source, origin, r.reply);
  if (r.subscribe_hz >= 0) subscribe(source, origin, r.subscribe_hz);
}

// A subscriber's timer ends itself when its window is gone or NeuroDrive stopped.
function subscribe(source, origin, hz) {
  const old = subscribers.get(source);
  if (old) clearInterval(old.timer);
  subscribers.delete(source);
  if (!(hz > 0)) return;
  const rate = Math.min(LIMITS.max_hz, Math.max(LIMITS.min_hz, hz));
  const timer = setInterval(() => {
    let gone = true;
    try { gone = source.closed; } catch (e) { gone = true; }
    if (gone || stopped) { clearInterval(timer); subscribers.delete(source); return; }
    const state = wasmText('nd_state_message');
    if (typeof state === 'string') post(source, origin, JSON.parse(state));
  }, 1000 / rate);
  subscribers.set(source, { origin, timer });
}
window.addEventListener('message', onMessage);

// The policy is known (C++ read the URL): the messages that waited are handled, in the order they came.
export function handlePending() {
  for (const p of pending.splice(0)) handleMessage(p.source, p.origin, p.data, p.overflow);
}
