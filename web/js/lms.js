// lms.js - LMS integration: the ready message, resize messages (Canvas's lti.frameResize, H5P's
// resizer) and xAPI statements (only when the URL asks: xapi=1), all to the embedding page only as the
// trust model allows (trust.js). The SCORM package's adapter (web/scorm/scorm12.js) needs nothing here:
// it reads window.neurodrive (lessonRecord, restoreLesson, lessonEvents). Depends on page.js, the wasm
// edge, trust.js and api.js.
import { inFrame } from './page.js';
import { config, started } from './edge.js';
import { policy, parentOrigin, learnParent, parentTarget, postToParent, allowed } from './trust.js';
import { api } from './api.js';

export let readySent = false;
// neurodrive:ready to the embedding page, once, when it may hear it (then the first resize messages).
export function sendReady() {
  if (readySent || !parentTarget()) return;
  readySent = true;
  postToParent({ type: 'neurodrive:ready' });
  sendResize();
  if (config.url.resize || h5p.readySeen) h5pSend('hello');  // H5P: ask whether the host runs the resizer
}
// The height NeuroDrive asks for: the frame's current height, at least 480 px (it fills any frame).
const wantedHeight = () => Math.max(480, Math.round(document.documentElement.getBoundingClientRect().height));
// Canvas (resize=1): lti.frameResize, with the launch token when the URL gave a valid lti_token=.
function sendResize() {
  if (!config.url.resize || !parentTarget()) return;
  const frame = { subject: 'lti.frameResize', height: wantedHeight() };
  if (config.url.lti_token) frame.token = config.url.lti_token;
  postToParent(JSON.stringify(frame));
}
// H5P's resizer handshake (h5p-php-library js/h5p-resizer.js and h5p.js): content 'hello' -> host
// 'hello'; content 'prepareResize' {scrollHeight, clientHeight} -> host 'resizePrepared' (it shrinks
// the frame to 1 px); content 'resize' {height, scrollHeight, clientHeight}. The host's 'ready' is
// answered with 'hello', its 'resize' (its window changed) starts a new exchange. Only the embedding
// page is heard, only at its allowed origin; the height measured before the exchange is the one sent.
export const h5p = { friendly: false, height: 0, busy: false, readySeen: false, earlyOrigin: '' };
function h5pSend(action, data = {}) { postToParent({ ...data, context: 'h5p', action }); }
function h5pPrepare() {
  if (h5p.busy) return;
  h5p.busy = true;
  h5p.height = wantedHeight();
  h5pSend('prepareResize', { scrollHeight: h5p.height, clientHeight: h5p.height });
}
export function onH5P(ev) {
  if (!inFrame || ev.source !== window.parent) return;
  let action;
  try { action = ev.data.action; } catch (e) { return; }
  if (typeof action !== 'string') return;
  if (!started || !policy) {  // answered once started; its origin may be the only way to learn the parent's
    if (action === 'ready' || action === 'hello') { h5p.readySeen = true; h5p.earlyOrigin = typeof ev.origin === 'string' ? ev.origin : ''; }
    return;
  }
  if (!allowed(ev.source, ev.origin)) return;   // the trust model: opaque origins and unlisted ones are not heard
  if (!parentOrigin) { learnParent(ev.origin); if (!readySent) sendReady(); }  // no ancestorOrigins or referrer
  if (ev.origin !== parentTarget()) return;
  if (action === 'ready') h5pSend('hello');
  else if (action === 'hello') { h5p.friendly = true; h5p.busy = false; h5pPrepare(); }
  else if (action === 'resize' && h5p.friendly) h5pPrepare();
  else if (action === 'resizePrepared' && h5p.busy) {
    h5pSend('resize', { height: h5p.height, scrollHeight: h5p.height, clientHeight: h5p.height });
    h5p.busy = false;
  }
}

// xAPI 1.0.3 statements (xapi=1), posted as {type: 'neurodrive:xapi', statement}; the host adds the
// actor and forwards them to its LRS. Activity ids live under xapi_base= (an https IRI base) or else
// the page's own folder when it is served over https, else the documented placeholder below.
const XAPI_DEFAULT_BASE = 'https://example.org/neurodrive/';
const VERB = (name) => ({ id: `http://adlnet.gov/expapi/verbs/${name}`, display: { 'en-US': name } });
const ACTIVITY_TYPE = (name) => `http://adlnet.gov/expapi/activities/${name}`;
function xapiBase() {
  if (config.url.xapi_base) return config.url.xapi_base;
  if (location.protocol === 'https:') return location.origin + location.pathname.replace(/[^/]*$/, '');
  return XAPI_DEFAULT_BASE;
}
function uuid() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
const xapiApp = () => ({ objectType: 'Activity', id: xapiBase(), definition: { type: ACTIVITY_TYPE('simulation'), name: { 'en-US': 'NeuroDrive' } } });
const xapiLesson = (id, title, lang) => ({ objectType: 'Activity', id: `${xapiBase()}lessons/${encodeURIComponent(id)}`,
  definition: { type: ACTIVITY_TYPE('lesson'), name: { [lang]: title } } });
function xapiSend(verb, object, extra = {}) {
  if (!config.url.xapi) return;
  const statement = { id: uuid(), verb: VERB(verb), object, ...extra, timestamp: new Date().toISOString() };
  if (!statement.context) statement.context = { contextActivities: { grouping: [xapiApp()] } };
  postToParent({ type: 'neurodrive:xapi', statement });
}
function xapiInteracted(name, value) {
  xapiSend('interacted', { objectType: 'Activity', id: `${xapiBase()}controls/${encodeURIComponent(name)}`,
    definition: { type: ACTIVITY_TYPE('interaction'), name: { 'en-US': name } } },
  { result: { extensions: { 'urn:neurodrive:value': value } }, context: { contextActivities: { parent: [xapiApp()] } } });
}
function xapiLessonEvent(e, lang) {
  const lesson = xapiLesson(e.lesson, e.title, lang);
  if (e.kind === 'answered') {
    const options = e.options.map((text, i) => ({ id: `option${i + 1}`, description: { [lang]: text } }));
    xapiSend('answered', { objectType: 'Activity', id: `${lesson.id}/steps/${encodeURIComponent(e.step_id)}`,
      definition: { type: ACTIVITY_TYPE('cmi.interaction'), name: { [lang]: e.question }, interactionType: 'choice',
        correctResponsesPattern: [`option${e.correct}`], choices: options } },
    { result: { success: e.right, response: `option${e.choice}` }, context: { language: lang, contextActivities: { parent: [lesson], grouping: [xapiApp()] } } });
  } else {
    xapiSend('completed', lesson, { result: { completion: true, score: { scaled: e.steps ? e.right / e.steps : 0, raw: e.right, min: 0, max: e.steps } },
      context: { language: lang, contextActivities: { parent: [xapiApp()] } } });
  }
}

let lastInputs = null;
let lessonEventsSeen = 0;
// The inputs and lesson events since the last look: each change and answer is a statement (xapi=1).
export function watchInteractions() {
  const s = api.get();
  if (!s) return;
  if (lastInputs && config.url.xapi) {
    for (const [name, value] of Object.entries(s.inputs)) if (lastInputs[name] !== value) xapiInteracted(name, value);
  }
  lastInputs = s.inputs;
  const ev = api.lessonEvents(lessonEventsSeen);
  if (!ev || !Array.isArray(ev.events)) return;
  // xAPI language maps: English as en-US, as the verbs' display names; every other language by its code.
  if (config.url.xapi) for (const e of ev.events) xapiLessonEvent(e, ev.lang === 'en' ? 'en-US' : ev.lang);
  lessonEventsSeen = ev.total;
}
function xapiTerminate() {
  if (!started || xapiTerminated) return;
  watchInteractions();   // the last answers first
  xapiTerminated = true;
  xapiSend('terminated', xapiApp());
}
let xapiTerminated = false;

// The app is shown: ready and the first resize to the host, xAPI's initialized, terminated when the page
// is left, and resize messages when the window changes.
export function startLms() {
  sendReady();
  xapiSend('initialized', xapiApp());
  window.addEventListener('pagehide', xapiTerminate);
  window.addEventListener('resize', sendResize);
}
