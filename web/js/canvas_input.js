// canvas_input.js - what the page does with presses, keys and touches on the canvas before SDL sees
// them: focus on a press, no keyboard trap, no doubled touch input. Depends on page.js; imports
// sound.js first, so that its key listener is registered before the one here that stops Tab.
import './sound.js';
import { canvas } from './page.js';

// A press on the canvas gives it keyboard focus, so shortcuts work after a click (SDL stops the
// browser's own focus change on mousedown); Tab still leaves it.
canvas.addEventListener('pointerdown', () => { if (document.activeElement !== canvas) canvas.focus({ preventScroll: true }); }, true);

// No keyboard trap (WCAG 2.1.2): Tab and Shift+Tab always move focus in the page. SDL would take
// them for the canvas; this capturing listener runs first and keeps them away from it. Inside the
// canvas the arrow keys, Space and Enter navigate and operate the controls.
window.addEventListener('keydown', (ev) => { if (ev.key === 'Tab' && ev.target === canvas) ev.stopImmediatePropagation(); }, true);
window.addEventListener('keyup', (ev) => { if (ev.key === 'Tab' && ev.target === canvas) ev.stopImmediatePropagation(); }, true);

// Touch: SDL turns touches into pointer input itself; the browser's extra "compatibility" mouse
// events after a tap would reach SDL a second time and leave the button state stuck, so only the
// touch events are kept (this also stops page scroll and zoom while dragging on the canvas).
for (const type of ['touchstart', 'touchend']) canvas.addEventListener(type, (ev) => { if (ev.cancelable) ev.preventDefault(); }, { passive: false });
