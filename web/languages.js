// languages.js - the page's side of NeuroDrive's languages (assets/languages.json and English's boot.*
// texts, written in by scripts/make_dist.mjs): the language the page starts in (?lang=, else the
// browser's languages with fallbacks), the loading and failure pages in it before wasm runs, and each
// language's strings file (and font) fetched only when that language is chosen - or taken from the single
// file, which carries them all (window.NeuroDriveBundle). Talks to no wasm: app.js hands what it loads to
// C++ (web_bridge.cpp), which checks it. Exposes window.NeuroDriveLanguages.
(function () {
  'use strict';
  const LANGUAGES = __LANGUAGES__;  // [{code, name, loading, font}], the first (the default) also with boot: {"stopped.title": .., ...}
  const PSEUDO = 'en-XA';           // the pseudo-locale (made from English in C++): never fetched
  const bundle = window.NeuroDriveBundle || null;

  // A code as a URL or a browser writes it -> the language NeuroDrive has: the same (any case, - or _),
  // else one that shares its first part (fr-CA -> fr, pt-PT -> pt-BR), else ''. C++ matches the same way
  // (match_language in assets.cpp); this copy only picks the loading message and what to fetch early.
  function match(code) {
    const c = String(code || '').slice(0, 35).toLowerCase().replace(/_/g, '-');
    if (!c) return '';
    if (c === PSEUDO.toLowerCase()) return PSEUDO;
    const exact = LANGUAGES.find((l) => l.code.toLowerCase() === c);
    if (exact) return exact.code;
    const first = c.split('-')[0];
    const near = LANGUAGES.find((l) => l.code.toLowerCase().split('-')[0] === first);
    return near ? near.code : '';
  }
  // The first of the browser's preferred languages NeuroDrive has, or ''.
  const browser = (() => {
    const wanted = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ''];
    for (const w of wanted) { const m = match(w); if (m && m !== PSEUDO) return m; }
    return '';
  })();
  // The language the page most likely starts in (C++ decides: the URL, the stored choice, the browser):
  // its loading message is shown and its strings are fetched while wasm loads.
  function guess(query, stored) {
    let asked = '';
    try { asked = new URLSearchParams(String(query).slice(0, 4096)).get('lang') || ''; } catch (e) { asked = ''; }
    return match(asked) || match(stored) || browser || LANGUAGES[0].code;
  }
  const info = (code) => LANGUAGES.find((l) => l.code === code) || LANGUAGES[0];

  // Fetched (or bundled) strings and fonts: code -> Promise of {text, font}; code -> the settled data.
  const loads = new Map();
  const ready = new Map();
  // A failure page's text (boot.<key> of the language's strings) in `code` once its strings are there,
  // else in English (the only language whose boot texts the page carries).
  const bootTexts = new Map();
  function boot(code, key) {
    const d = ready.get(code);
    if (d && !bootTexts.has(code)) { try { bootTexts.set(code, JSON.parse(d.text)); } catch (e) { bootTexts.set(code, {}); } }
    const t = d ? bootTexts.get(code)[`boot.${key}`] : null;
    return typeof t === 'string' && t ? t : LANGUAGES[0].boot[key] || '';
  }
  const base64Bytes = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  async function fetchData(code) {
    const l = info(code);
    if (bundle) {
      if (typeof bundle.strings[code] !== 'string') throw new Error(`${code} is not in this file`);
      return { text: bundle.strings[code], font: l.font && bundle.fonts[code] ? base64Bytes(bundle.fonts[code]) : null };
    }
    const get = async (url, kind) => {
      let r;
      try { r = await fetch(url, { credentials: 'same-origin' }); } catch (e) { throw new Error(navigator.onLine === false ? 'offline' : 'network error'); }
      if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
      return kind === 'text' ? r.text() : new Uint8Array(await r.arrayBuffer());
    };
    const [text, font] = await Promise.all([get(`strings/${code}.json`, 'text'), l.font ? get(`fonts/${code}.ttf`, 'bytes') : null]);
    return { text, font };
  }
  // The language's data, fetched once (a failed fetch may be tried again).
  function load(code) {
    if (!LANGUAGES.some((l) => l.code === code)) return Promise.reject(new Error(`unknown language ${String(code).slice(0, 35)}`));
    if (!loads.has(code)) {
      const p = fetchData(code).then((d) => { ready.set(code, d); return d; }, (e) => { loads.delete(code); throw e; });
      loads.set(code, p);
    }
    return loads.get(code);
  }

  window.NeuroDriveLanguages = Object.freeze({
    list: LANGUAGES.map(({ code, name, loading, font }) => ({ code, name, loading, font: !!font })),
    pseudo: PSEUDO,
    browser,
    match,
    guess,
    name: (code) => info(code).name,
    loading: (code) => info(code === PSEUDO ? LANGUAGES[0].code : code).loading,
    boot,
    load,
    data: (code) => ready.get(code) || null,  // what load() gave, for C++ to read (Module.ndLanguageData)
    builtIn: (code) => code === LANGUAGES[0].code || code === PSEUDO,  // never fetched
  });
})();
