// share.js - the share link and the scenario builder (the Share dialog; docs/TEACHERS.md): the current
// state plus chosen locks, hidden panels, lesson, language, theme, text size and simple view make a link
// (C++ validates the choices and writes it: scenario.cpp), an iframe snippet and a QR code drawn by the
// qrcode-generator library (qrcode.js, loaded the first time it is needed). Depends on page.js and the
// wasm edge.
import { LANG, el, isPlainObject, baseUrl, fetchesWasm } from './page.js';
import { LIMITS, module, stopped, byteLength, wasmText, command, notReady, view } from './edge.js';

// The link to this scenario as it is now (window.neurodrive.shareLink()).
export function shareUrl() {
  const q = wasmText('nd_share_query');
  return baseUrl() + (typeof q === 'string' && q ? '?' + q : '');
}
const EMBED_SIZE = { width: 900, height: 560 };
let qrLoading = null;
function loadQr() {
  if (typeof window.qrcode === 'function') return Promise.resolve(window.qrcode);
  if (!qrLoading) {
    qrLoading = new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = 'qrcode.js';
      s.onload = () => (typeof window.qrcode === 'function' ? resolve(window.qrcode) : reject(new Error('qrcode.js defined no qrcode()')));
      s.onerror = () => reject(new Error('qrcode.js did not load'));
      document.head.append(s);
    });
    qrLoading.catch(() => { qrLoading = null; });  // a later attempt may succeed
  }
  return qrLoading;
}
// The link as an SVG QR code (error correction M, a 4-module quiet zone, 8 px a module: sharp when
// printed or projected; its viewBox lets CSS scale it), or an error.
async function qrSvgOf(link) {
  let qrcode;
  try { qrcode = await loadQr(); } catch (e) { return { error: e.message }; }
  try {
    qrcode.stringToBytes = qrcode.stringToBytesFuncs['UTF-8'];
    const qr = qrcode(0, 'M');
    qr.addData(link, 'Byte');
    qr.make();
    return { svg: qr.createSvgTag({ cellSize: 8, margin: 32 }), modules: qr.getModuleCount() };
  } catch (e) {
    return { error: 'the link is too long for a QR code' };
  }
}
const attr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
function iframeSnippet(link, title) {
  return `<iframe src="${attr(link)}" title="${attr(title)}" width="${EMBED_SIZE.width}" height="${EMBED_SIZE.height}" allow="fullscreen" loading="lazy"></iframe>`;
}
// {ok, link, query} for options (an object; missing options keep the current view), or {ok: false, error}.
function scenarioLink(options) {
  if (!module || stopped) return notReady();
  if (options === undefined) options = {};
  if (!isPlainObject(options)) return { ok: false, error: 'scenario() takes an object such as {lock: ["thyroid"], hide: ["plots"]}' };
  let text;
  try { text = JSON.stringify(options); } catch (e) { return { ok: false, error: 'scenario() options could not be read' }; }
  if (typeof text !== 'string' || byteLength(text) > LIMITS.json_bytes) return { ok: false, error: `scenario() options larger than ${LIMITS.json_bytes / 1024} KB` };
  const r = command('nd_scenario_query', text);
  if (!r.ok) return r;
  return { ok: true, query: r.query, link: baseUrl() + (r.query ? '?' + r.query : '') };
}
// The iframe title in the language a link opens in: from C++ when that language's strings are here,
// else from its strings file (fetched now), else English.
async function embedTitle(lang) {
  const b = view('nd_builder_json');
  const code = lang || LANG.list[0].code;
  if (b && b.embed_titles[code]) return b.embed_titles[code];
  try {
    await LANG.load(code);
    const t = JSON.parse(LANG.data(code).text)['builder.embed_title'];
    if (typeof t === 'string' && t) return t;
  } catch (e) { /* not fetched: English below */ }
  return (b && b.labels['builder.embed_title']) || 'NeuroDrive';
}
export async function scenario(options) {
  const r = scenarioLink(options);
  if (!r.ok) return r;
  const title = await embedTitle(new URL(r.link).searchParams.get('lang'));
  const qr = await qrSvgOf(r.link);
  return { ok: true, link: r.link, iframe: iframeSnippet(r.link, title), qrSvg: qr.svg || null, ...(qr.error ? { qrError: qr.error } : {}) };
}

export const shareButton = document.getElementById('share');
const builder = document.getElementById('builder');
let builderOpener = null, builderData = null, previewTimer = 0, builderSerial = 0;
const B = (key) => (builderData && builderData.labels[key]) || key;
function check(id, name, label, checked) {
  const box = el('input', { type: 'checkbox', id, value: name, checked });
  const row = el('div', { className: 'builder-check' });
  row.append(box, el('label', { htmlFor: id }, label));
  return row;
}
function field(id, label, control) {
  const row = el('div', { className: 'builder-field' });
  row.append(el('label', { htmlFor: id }, label), control);
  return row;
}
function choices() {
  const checked = (sel) => [...builder.querySelectorAll(sel)].filter((b) => b.checked).map((b) => b.value);
  return {
    lock: checked('.builder-lock input'),
    hide: checked('#builder-hide input'),
    lesson: builder.querySelector('#builder-lesson').value,
    lang: builder.querySelector('#builder-lang').value,
    theme: builder.querySelector('#builder-theme').value,
    scale: Number(builder.querySelector('#builder-scale').value),
    minimal: builder.querySelector('#builder-minimal').checked,
  };
}
function say(text) { builder.querySelector('#builder-status').textContent = text; }
async function copyText(text, field) {
  try { await navigator.clipboard.writeText(text); say(B('builder.copied')); }
  catch (e) { field.focus(); field.select(); say(B('builder.copy_failed')); }
}
function buildBuilder() {
  const d = builderData, c = d.current;
  builder.replaceChildren();
  const head = el('div', { className: 'builder-head' });
  const close = el('button', { type: 'button', id: 'builder-close', className: 'builder-x' }, '\u00d7');
  close.setAttribute('aria-label', B('builder.close'));
  close.title = B('builder.close');
  close.addEventListener('click', () => closeBuilder());
  head.append(el('h2', { id: 'builder-title' }, B('builder.title')), close);
  const body = el('div', { className: 'builder-body' });
  const opts = el('div', { className: 'builder-options' });
  // Locks: each slider by its group, then the whole groups.
  const locks = el('fieldset', { id: 'builder-locks' });
  locks.append(el('legend', {}, B('builder.locks')));
  for (const g of d.input_groups) {
    const fs = el('fieldset', { className: 'builder-lock', id: 'builder-lock-' + g.name });
    fs.append(el('legend', {}, g.label));
    for (const i of d.inputs.filter((x) => x.group === g.name)) fs.append(check('builder-lock-' + i.name, i.name, i.label, c.lock.includes(i.name)));
    locks.append(fs);
  }
  const whole = el('fieldset', { className: 'builder-lock', id: 'builder-lock-groups' });
  whole.append(el('legend', {}, B('builder.locks.groups')));
  for (const g of d.groups) whole.append(check('builder-lock-' + g.name, g.name, g.label, c.lock.includes(g.name)));
  locks.append(whole);
  const hide = el('fieldset', { id: 'builder-hide' });
  hide.append(el('legend', {}, B('builder.hide')));
  for (const p of d.panels) hide.append(check('builder-hide-' + p.name, p.name, p.label, c.hide.includes(p.name)));
  const viewSet = el('fieldset', { id: 'builder-view' });
  viewSet.append(el('legend', {}, B('builder.view')));
  const lesson = el('select', { id: 'builder-lesson' });
  lesson.append(el('option', { value: '' }, B('builder.lesson.none')), ...d.lessons.map((l) => el('option', { value: l.id }, l.title)));
  lesson.value = c.lesson;
  const options = (list) => list.map((o) => el('option', { value: o.value }, o.label));
  const lang = el('select', { id: 'builder-lang' });
  lang.append(...options(d.languages));
  lang.value = c.lang;
  const theme = el('select', { id: 'builder-theme' });
  theme.append(...options(d.themes));
  theme.value = c.theme;
  const scale = el('select', { id: 'builder-scale' });
  const scales = d.scales.includes(c.scale) ? d.scales : [...d.scales, c.scale].sort((a, b) => a - b);
  scale.append(...scales.map((s) => el('option', { value: String(s) }, `${Math.round(s * 100)} %`)));
  scale.value = String(c.scale);
  viewSet.append(field('builder-lesson', B('builder.lesson'), lesson), field('builder-lang', B('settings.language'), lang),
    field('builder-theme', B('settings.theme'), theme), field('builder-scale', B('settings.scale'), scale),
    check('builder-minimal', 'minimal', B('settings.minimal'), c.minimal));
  opts.append(viewSet, hide, locks);
  // What it gives: the link, the embed code, the QR code and a live preview.
  const out = el('div', { className: 'builder-output' });
  const link = el('textarea', { id: 'builder-link', readOnly: true, rows: 3, spellcheck: false });
  const copyLink = el('button', { type: 'button', id: 'builder-copy-link' }, B('builder.copy_link'));
  copyLink.addEventListener('click', () => copyText(link.value, link));
  const embed = el('textarea', { id: 'builder-embed', readOnly: true, rows: 5, spellcheck: false });
  const copyEmbed = el('button', { type: 'button', id: 'builder-copy-embed' }, B('builder.copy_embed'));
  copyEmbed.addEventListener('click', () => copyText(embed.value, embed));
  const qrBox = el('div', { className: 'builder-qr-box', id: 'builder-qr-box' });
  const qr = el('div', { id: 'builder-qr', role: 'img' });
  qr.setAttribute('aria-label', B('builder.qr.alt'));
  const caption = el('p', { id: 'builder-qr-caption' });
  const large = el('button', { type: 'button', id: 'builder-qr-large', ariaPressed: 'false' }, B('builder.qr.large'));
  large.addEventListener('click', () => setLarge(!builder.classList.contains('qr-large')));
  const print = el('button', { type: 'button', id: 'builder-qr-print' }, B('builder.qr.print'));
  print.addEventListener('click', () => {
    document.body.classList.add('print-qr');
    window.addEventListener('afterprint', () => document.body.classList.remove('print-qr'), { once: true });
    window.print();
  });
  const qrTools = el('div', { className: 'builder-row' });
  qrTools.append(large, print);
  qrBox.append(el('h3', { id: 'builder-qr-heading' }, B('builder.qr')), qr, caption, qrTools);
  const linkRow = el('div', { className: 'builder-row' }), embedRow = el('div', { className: 'builder-row' });
  linkRow.append(copyLink);
  embedRow.append(copyEmbed);
  out.append(el('p', { id: 'builder-intro' }, B('builder.intro')),
    el('label', { htmlFor: 'builder-link' }, B('builder.link')), link, linkRow,
    el('label', { htmlFor: 'builder-embed' }, B('builder.embed')), embed, embedRow, qrBox);
  // A live preview (an iframe of the link) on request: it runs a second copy of the app.
  if (fetchesWasm) {
    const previewButton = el('button', { type: 'button', id: 'builder-preview-toggle', ariaExpanded: 'false' }, B('builder.preview.show'));
    previewButton.setAttribute('aria-controls', 'builder-preview');
    const frame = el('iframe', { id: 'builder-preview', title: B('builder.preview.title'), hidden: true });
    previewButton.addEventListener('click', () => {
      frame.hidden = !frame.hidden;
      previewButton.setAttribute('aria-expanded', String(!frame.hidden));
      previewButton.textContent = B(frame.hidden ? 'builder.preview.show' : 'builder.preview.hide');
      if (frame.hidden) frame.removeAttribute('src');
      else { frame.src = link.value; frame.scrollIntoView({ block: 'nearest' }); }
    });
    const row = el('div', { className: 'builder-row' });
    row.append(previewButton);
    out.append(row, frame);
  }
  out.append(el('p', { id: 'builder-status', role: 'status' }));
  body.append(opts, out);
  builder.append(head, body);
  body.addEventListener('change', (ev) => { if (ev.target.matches('input, select')) refreshBuilder(); });
}
function setLarge(on) {
  builder.classList.toggle('qr-large', on);
  const b = builder.querySelector('#builder-qr-large');
  b.setAttribute('aria-pressed', String(on));
  b.textContent = B(on ? 'builder.qr.small' : 'builder.qr.large');
  b.focus();
}
// Link, embed code and QR code follow every change at once; the preview reloads a moment later.
async function refreshBuilder() {
  const serial = ++builderSerial;
  const r = scenarioLink(choices());
  const link = builder.querySelector('#builder-link'), embed = builder.querySelector('#builder-embed');
  const qr = builder.querySelector('#builder-qr'), caption = builder.querySelector('#builder-qr-caption');
  if (!r.ok) { say(`${B('builder.error')} ${r.error}`); return; }
  say('');
  link.value = r.link;
  const lang = choices().lang;
  embed.value = iframeSnippet(r.link, builderData.embed_titles[lang] || B('builder.embed_title'));
  if (!builderData.embed_titles[lang]) embedTitle(lang).then((t) => { if (serial === builderSerial) embed.value = iframeSnippet(r.link, t); });
  caption.textContent = r.link;
  const frame = builder.querySelector('#builder-preview');
  if (frame && !frame.hidden) {
    clearTimeout(previewTimer);
    previewTimer = setTimeout(() => { if (!frame.hidden && frame.src !== link.value) frame.src = link.value; }, 600);
  }
  if (typeof window.qrcode !== 'function') qr.replaceChildren(el('p', { className: 'builder-qr-wait' }, B('builder.qr.loading')));
  const made = await qrSvgOf(r.link);
  if (serial !== builderSerial) return;  // a newer choice is being drawn
  if (made.error) { qr.replaceChildren(el('p', { className: 'builder-qr-wait' }, made.error.includes('load') ? B('builder.qr.failed') : made.error)); return; }
  const svg = new DOMParser().parseFromString(made.svg, 'image/svg+xml').documentElement;
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  qr.replaceChildren(document.importNode(svg, true));
  qr.dataset.link = r.link;
  qr.dataset.modules = String(made.modules);
}
export function openBuilder(opener) {
  if (!module || stopped || builder.open) return;
  builderData = view('nd_builder_json');
  if (!builderData || builderData.ok === false) return;
  builderOpener = opener || document.activeElement;
  builder.lang = document.documentElement.lang;
  buildBuilder();
  builder.showModal();
  shareButton.setAttribute('aria-expanded', 'true');
  builder.querySelector('#builder-lesson').focus();
  builder.scrollTop = 0;
  refreshBuilder();
}
function closeBuilder() {
  if (!builder.open) return;
  builder.close();
}
builder.addEventListener('close', () => {
  builder.classList.remove('qr-large');
  const frame = builder.querySelector('#builder-preview');
  if (frame) frame.removeAttribute('src');
  shareButton.setAttribute('aria-expanded', 'false');
  if (builderOpener && document.contains(builderOpener)) builderOpener.focus();
});
// Escape leaves the large QR code first, then the dialog (the browser's cancel closes it).
builder.addEventListener('cancel', (ev) => { if (builder.classList.contains('qr-large')) { ev.preventDefault(); setLarge(false); } });
builder.addEventListener('keydown', (ev) => {
  if (ev.key === 'Escape' && builder.classList.contains('qr-large')) { ev.preventDefault(); setLarge(false); return; }
  if (ev.key !== 'Tab') return;
  // Focus stays in the dialog: Tab from the last control goes to the first, Shift+Tab the other way.
  const items = [...builder.querySelectorAll('button, input, select, textarea, iframe')]
    .filter((e) => !e.disabled && !e.hidden && e.getClientRects().length > 0);
  if (!items.length) return;
  const first = items[0], last = items[items.length - 1];
  if (ev.shiftKey && (document.activeElement === first || !builder.contains(document.activeElement))) { ev.preventDefault(); last.focus(); }
  else if (!ev.shiftKey && (document.activeElement === last || !builder.contains(document.activeElement))) { ev.preventDefault(); first.focus(); }
});
builder.addEventListener('click', (ev) => {  // a click on the backdrop, outside the dialog's box
  const r = builder.getBoundingClientRect();
  if (ev.target === builder && (ev.clientX < r.left || ev.clientX > r.right || ev.clientY < r.top || ev.clientY > r.bottom)) closeBuilder();
});
shareButton.addEventListener('click', () => openBuilder(shareButton));
