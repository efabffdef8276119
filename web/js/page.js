// page.js - the page before and around wasm: its elements, the start language's loading and failure
// pages, the visible notice, the ready promise, the page texts (labels) and small DOM helpers.
// Depends on no other module and never calls wasm. Text from outside is only ever shown with
// textContent, never as HTML.

// The languages (web/languages.js): the loading and failure pages speak the language the app will
// start in before its strings table is read; a language's strings are fetched when it is chosen.
export const LANG = window.NeuroDriveLanguages;
export const STORE_PREFIX = 'neurodrive:v1:';
export const LEGACY_KEYS = ['neurodrive:state', 'neurodrive:scale'];
export const canvas = document.getElementById('canvas');
export const loading = document.getElementById('loading');
export const inFrame = (() => { try { return window.parent !== window; } catch (e) { return true; } })();
// The language the app will most likely start in (C++ decides; the stored choice is only a hint here):
// the loading message is in it, and its strings are fetched while wasm loads.
const storedLang = (() => { try { return JSON.parse(localStorage.getItem(STORE_PREFIX + location.pathname.slice(0, 512)) || '{}').lang || ''; } catch (e) { return ''; } })();
const startLang = LANG.guess(location.search, storedLang);
if (startLang !== LANG.list[0].code) {
  document.documentElement.lang = startLang;
  loading.querySelector('p').textContent = LANG.loading(startLang);
}
if (!LANG.builtIn(startLang)) LANG.load(startLang).catch(() => { /* C++ asks again and hears why */ });
// A failure page in the start language (its boot.* texts): in English at once, then in the start
// language when its strings are there (they are fetched from the start; built in for English).
export function failWith(keys, value = '') {
  const show = () => fail(...keys.map((k) => LANG.boot(startLang, k).replace('%s', () => value)));
  show();
  if (!LANG.builtIn(startLang)) LANG.load(startLang).then(show, () => { /* stays in English */ });
}

function fail(title, detail, hint) {
  loading.hidden = true;
  document.getElementById('failure-title').textContent = title;
  document.getElementById('failure-detail').textContent = detail;
  document.getElementById('failure-hint').textContent = hint || '';
  document.getElementById('failure').hidden = false;
  document.getElementById('page-tools').hidden = true;
  canvas.hidden = true;
}

// A short visible notice (role=status), e.g. for ignored URL parameters. Several join into one.
const notices = [];
export function notice(text) {
  if (!notices.includes(text)) notices.push(text);
  document.getElementById('notice-text').textContent = notices.join(' ');
  document.getElementById('notice').hidden = false;
}
document.getElementById('notice-close').addEventListener('click', () => { document.getElementById('notice').hidden = true; notices.length = 0; });

// window.neurodrive.ready: resolved with the API once the app is shown, rejected when it cannot start.
export let resolveReady, rejectReady;
export const ready = new Promise((resolve, reject) => { resolveReady = resolve; rejectReady = reject; });
ready.catch(() => {});  // callers that never await ready must not see an unhandled rejection

// Page texts in the UI language, from the strings table (the mirror brings them: mirror.js).
export let labels = null;
export const setLabels = (l) => { labels = l; };
// The live region: what a screen reader says (refusals, exports, key events, lesson verdicts).
export const announcer = document.getElementById('announcer');
// The multi-file page fetches neurodrive.wasm; the single file carries it (and fetches nothing).
export const fetchesWasm = !!document.querySelector('script[src$="neurodrive.js"]');

export const el = (tag, props = {}, text) => { const e = document.createElement(tag); Object.assign(e, props); if (text !== undefined) e.textContent = text; return e; };
export const setTextOf = (e, text) => { if (e && text && e.textContent !== text) e.textContent = text; };
export const setText = (id, text) => { const e = document.getElementById(id); if (e && e.textContent !== text) e.textContent = text; };
// An error's message (or the thing thrown) as text of at most n characters, for a reply or the console.
export const errorText = (e, n = 200) => String(e && e.message || e).slice(0, n);
export const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v)
  && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);
// The page's own address without query or fragment: also file:// (the single file), whose origin is "null".
export const baseUrl = () => location.href.split(/[?#]/)[0];
