// trust.js - who may talk to NeuroDrive by postMessage and where its own messages may go (docs/
// EMBEDDING.md, "Trust model"). Policy (from the URL, parsed in C++): "parent" - embedded, no origin=:
// only window.parent; "list" - origin=...: only windows of those origins; "deny" - origin= present but
// invalid: no one; "none" - top level without origin=: no one. An opaque origin ("null") never controls
// or receives. Used by messages.js and lms.js; depends only on page.js.
import { inFrame } from './page.js';

export let policy = null;          // null until C++ has read the URL: messages wait (messages.js)
export const setPolicy = (p) => { policy = { kind: p.kind, origins: p.origins }; };
export let parentOrigin = (() => { // the embedding page's origin, for messages we start (ready, resize, xAPI)
  if (!inFrame) return '';
  // "null" (an opaque parent, or one masked by its referrer policy) says nothing: it is learnt from
  // the parent's first allowed message instead.
  try { if (location.ancestorOrigins && location.ancestorOrigins.length && location.ancestorOrigins[0] !== 'null') return location.ancestorOrigins[0]; } catch (e) { /* not supported */ }
  try { if (document.referrer) return new URL(document.referrer).origin; } catch (e) { /* no referrer */ }
  return '';
})();
// The parent's origin as its own allowed message tells it.
export const learnParent = (origin) => { parentOrigin = origin; };
let refusedWarned = false;

// Only ever to a named origin: never '*', never an opaque origin.
export function post(target, origin, message) {
  if (!origin || origin === '*' || origin === 'null') return;
  try { target.postMessage(message, origin); } catch (e) { /* the window went away */ }
}
// The origin messages we start may go to: the parent's, if the policy lets it control us.
export function parentTarget() {
  if (!inFrame || !policy || !parentOrigin || parentOrigin === 'null') return '';
  if (policy.kind === 'parent') return parentOrigin;
  if (policy.kind === 'list' && policy.origins.includes(parentOrigin)) return parentOrigin;
  return '';
}
export const postToParent = (message) => { const o = parentTarget(); if (o) post(window.parent, o, message); };

export function allowed(source, origin) {
  if (!source || origin === 'null' || typeof origin !== 'string') return false;
  if (policy.kind === 'parent') return inFrame && source === window.parent;
  if (policy.kind === 'list') return policy.origins.includes(origin);
  return false;
}
// A refused window hears nothing at all, the embedding page included (with origin= it is not trusted);
// whoever set the page up reads why in the console.
export function refuse(origin) {
  const why = policy.kind === 'deny' ? 'origin= in the URL is not valid, so no page may control NeuroDrive'
    : policy.kind === 'list' ? 'this origin is not in the origin= list of the URL'
      : policy.kind === 'none' ? 'NeuroDrive is not embedded and the URL names no origin= that may control it'
        : 'only the page that embeds NeuroDrive may control it';
  if (!refusedWarned) { console.warn(`NeuroDrive ignored a message from ${String(origin).slice(0, 100)}: ${why} (docs/EMBEDDING.md)`); refusedWarned = true; }
}
