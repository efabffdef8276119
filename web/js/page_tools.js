// page_tools.js - the page's buttons over the canvas's top right corner (Start fresh, Export, Share,
// Fullscreen; the first three belong to persist.js, exports.js and share.js): the fullscreen button,
// and the corner C++ keeps free of its own drawing (its width and height from the canvas's corner, CSS
// px), told at start and whenever it changes. Depends on page.js and the wasm edge.
import { canvas, notice, labels } from './page.js';
import { module, stopped, wasm } from './edge.js';

export const fsButton = document.getElementById('fullscreen');
if (!document.fullscreenEnabled) fsButton.hidden = true;
fsButton.addEventListener('click', () => {
  if (document.fullscreenElement) document.exitFullscreen();
  else document.documentElement.requestFullscreen().catch(() => notice(labels['page.fullscreen_denied']));
});
const pageTools = document.getElementById('page-tools');
let pageToolsSent = '';
export function pageToolsSize() {
  const t = pageTools.getBoundingClientRect(), c = canvas.getBoundingClientRect();
  return pageTools.hidden || !t.width ? { w: 0, h: 0 } : { w: Math.ceil(c.right - t.left), h: Math.ceil(t.bottom - c.top) };
}
export function sendPageTools() {
  const size = pageToolsSize(), key = size.w + 'x' + size.h;
  if (key !== pageToolsSent && module && !stopped) { pageToolsSent = key; wasm('nd_page_tools', size.w, size.h); }
}
window.addEventListener('resize', sendPageTools);
