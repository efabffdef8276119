// on_demand.js - text the wasm asks for and the page fetches: a language's strings (web/languages.js
// fetches them and the font; only English is built in) and the references (references.json, when About >
// References first opens; the single file carries both). main.js hands C++ the hooks (Module.
// ndWantLanguage, ndLanguageData (a language's font), ndWantReferences, ndFetchedText (a fetched text:
// a language's strings by its code, or "references"): all four together there); what
// arrives goes to C++ once the module is there, and a failure is told to it with the reason. Depends on
// page.js, the wasm edge and mirror.js.
import { LANG, labels, notice, errorText } from './page.js';
import { moduleReady, started, command } from './edge.js';
import { updateMirror } from './mirror.js';

// ---- Languages on demand: C++ asks for a language whose strings are not built in ----------------------
// A failure keeps the language shown and says why. The start waits for the start language, so the first
// thing shown is in it.
let languageWait = null;   // the start language, while it is on its way
// The notice "<language> could not be loaded (<why>). NeuroDrive stays in <the language shown>." (page.language_failed)
const languageFailed = (code, why) => { if (labels) notice(labels['page.language_failed'].replace('%1$s', LANG.name(code)).replace('%2$s', why).replace('%3$s', LANG.name(document.documentElement.lang))); };
// Module.ndWantLanguage: C++ wants a language's strings.
export function wantLanguage(code) {
  const done = LANG.load(code).then(() => moduleReady).then(() => {
    const r = command('nd_language_arrived', code);
    if (!r.ok) languageFailed(code, r.error);
  }, (e) => moduleReady.then(() => {
    command('nd_language_failed', code, errorText(e));
    languageFailed(code, errorText(e));
  })).then(() => { if (started) updateMirror(); });
  if (!started) languageWait = done;
}
// The start language's arrival (or failure), if the start has to wait for it; null once taken.
export function takeLanguageWait() { const w = languageWait; languageWait = null; return w; }

// ---- The references on demand: C++ asks when About > References first opens --------------------------
const REFERENCES_FILE = 'references.json';
export let referencesText = null;  // Module.ndFetchedText('references') while C++ reads it
// Module.ndWantReferences: C++ wants the references.
export function wantReferences() {
  const bundled = window.NeuroDriveBundle && window.NeuroDriveBundle.references;
  const text = typeof bundled === 'string' ? Promise.resolve(bundled)
    : fetch(REFERENCES_FILE, { credentials: 'same-origin' }).then((r) => { if (!r.ok) throw new Error(`${REFERENCES_FILE}: HTTP ${r.status}`); return r.text(); },
      () => { throw new Error(navigator.onLine === false ? 'offline' : 'network error'); });
  text.then((t) => { referencesText = t; command('nd_references_arrived'); },
    (e) => command('nd_references_failed', errorText(e)))
    .finally(() => { referencesText = null; });
}
