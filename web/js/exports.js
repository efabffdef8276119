// exports.js - exports: CSV of signals, trials and lab results, and a PNG of the view with a caption;
// the page's Export menu. The kinds come from C++ with the mirror (export.hpp export_kinds): tables as
// CSV, and the picture, drawn here from the canvas. Depends on page.js and the wasm edge.
import { canvas, notice, announcer, labels, el, setTextOf } from './page.js';
import { module, stopped, wasm, command, notReady } from './edge.js';

let exportKinds = [];
export function exportCsv(kind) {
  const tables = exportKinds.filter((k) => !k.picture).map((k) => k.kind);
  if (!tables.includes(kind)) return { ok: false, error: `exportCsv() takes ${tables.map((k) => `"${k}"`).join(', ').replace(/, ([^,]*)$/, ' or $1')}` };
  const r = command('nd_export', kind);
  return r.ok ? { ok: true, name: r.name, text: r.text } : r;
}
export function exportPicture() {
  const kind = exportKinds.find((k) => k.picture);
  const caption = kind ? command('nd_export', kind.kind) : notReady();
  if (!caption.ok) return caption;
  wasm('nd_draw_now');  // a fresh frame: the WebGL canvas is readable until this task ends
  const band = Math.max(28, Math.round(canvas.height * 0.045));
  const out = document.createElement('canvas');
  out.width = canvas.width;
  out.height = canvas.height + band;
  const g = out.getContext('2d');
  g.fillStyle = caption.background;  // the caption band in the theme's colours
  g.fillRect(0, 0, out.width, out.height);
  g.drawImage(canvas, 0, 0);
  g.fillStyle = caption.color;
  g.font = `${Math.round(band * 0.5)}px sans-serif`;
  g.textBaseline = 'middle';
  g.fillText(caption.text, Math.round(band * 0.4), canvas.height + band / 2, out.width - band);
  return { ok: true, name: caption.name, url: out.toDataURL('image/png') };
}
function download(name, href) {
  const a = el('a', { href, download: name });
  document.body.append(a);
  a.click();
  a.remove();
}
export function saveExport(kind) {
  const picture = exportKinds.some((k) => k.kind === kind && k.picture);
  const r = picture ? exportPicture() : exportCsv(kind);
  if (!r.ok) { notice(r.error); announcer.textContent = r.error; return r; }
  if (picture) download(r.name, r.url);
  else {
    const url = URL.createObjectURL(new Blob([r.text], { type: 'text/csv;charset=utf-8' }));
    download(r.name, url);
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }
  return r;
}

// Export menu: a button that opens four actions; Escape or a click elsewhere closes it.
const exportButton = document.getElementById('export');
const exportMenu = document.getElementById('export-menu');
function closeExportMenu(focusButton) {
  if (exportMenu.hidden) return;
  exportMenu.hidden = true;
  exportButton.setAttribute('aria-expanded', 'false');
  if (focusButton) exportButton.focus();
}
exportButton.addEventListener('click', () => {
  if (!exportMenu.hidden) { closeExportMenu(false); return; }
  if (!exportMenu.children.length) return;  // not started yet
  exportMenu.hidden = false;
  exportButton.setAttribute('aria-expanded', 'true');
  exportMenu.querySelector('button').focus();
});
// One item per export kind (their labels follow the language in showExports).
function buildExportMenu() {
  for (const k of exportKinds) {
    const b = el('button', { type: 'button', role: 'menuitem' }, k.label);
    b.dataset.kind = k.kind;
    b.addEventListener('click', () => {
      closeExportMenu(true);
      if (!module || stopped) return;
      const r = saveExport(k.kind);
      if (r.ok && labels) notice(labels['page.exported'].replace('%s', r.name));
    });
    exportMenu.append(b);
  }
}
exportMenu.addEventListener('keydown', (ev) => {
  const items = [...exportMenu.querySelectorAll('button')];
  const i = items.indexOf(document.activeElement);
  if (ev.key === 'Escape') { ev.preventDefault(); closeExportMenu(true); }
  else if (ev.key === 'ArrowDown') { ev.preventDefault(); items[(i + 1) % items.length].focus(); }
  else if (ev.key === 'ArrowUp') { ev.preventDefault(); items[(i + items.length - 1) % items.length].focus(); }
});
document.addEventListener('pointerdown', (ev) => { if (!exportMenu.contains(ev.target) && ev.target !== exportButton && !exportButton.contains(ev.target)) closeExportMenu(false); }, true);

// The kinds and their labels in the UI language, from the mirror (m: nd_mirror_json): the menu is built
// the first time; every button of a kind (menu and mirror) follows the language.
export function showExports(m) {
  exportButton.title = m.labels['page.export.tip'];
  exportButton.setAttribute('aria-label', m.labels['page.export']);
  exportKinds = m.exports;
  if (!exportMenu.children.length) buildExportMenu();
  for (const k of m.exports) for (const b of document.querySelectorAll(`[data-kind="${k.kind}"]`)) setTextOf(b, k.label);
}
