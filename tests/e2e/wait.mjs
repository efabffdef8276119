// wait.mjs - condition waits for the browser tests: a number of display frames, a state of the page or
// frame, the model's own clock. Never a fixed sleep. Depends only on Playwright's Page/Frame API and on
// window.neurodrive (docs/API.md); not on harness.mjs.

// Generous: conditions on a loaded, shared machine can take long.
export const LONG = { timeout: 30000 };

// Waits until `fn(arg)` is truthy in the page or frame `target`; returns its value. `fn` must answer at
// once: Playwright's waitForFunction takes a returned promise as truthy and would not wait at all, so an
// async condition is refused here (use untilResolved).
export async function until(target, fn, arg = null, ms = LONG.timeout) {
  if (fn.constructor.name === 'AsyncFunction') throw new Error('until: an async condition never waits; use untilResolved');
  return (await target.waitForFunction(fn, arg, { timeout: ms })).jsonValue();
}

// Waits until the async condition `fn(arg)` resolves truthy in `target`, asking it again every `everyMs`
// after each answer; returns its value, or fails after `ms` naming the condition.
export async function untilResolved(target, fn, arg = null, ms = LONG.timeout, everyMs = 100) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await target.evaluate(fn, arg);
    if (value) return value;
    if (Date.now() > end) throw new Error(`not met within ${ms} ms: ${fn.toString().slice(0, 160)}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

// Waits for `n` display frames of `target` (requestAnimationFrame callbacks). The app runs its main loop
// on requestAnimationFrame, so after n of them it has handled the input sent before and drawn what changed.
export function frames(target, n = 3) {
  return target.evaluate((k) => new Promise((resolve) => {
    let left = k;
    const tick = () => (--left <= 0 ? resolve(true) : requestAnimationFrame(tick));
    requestAnimationFrame(tick);
  }), n);
}

// Waits until the model's own clock (get().time_s) has advanced `seconds` of simulated time from now.
export async function simSeconds(target, seconds, ms = LONG.timeout) {
  const t0 = await target.evaluate(() => window.neurodrive.get().time_s);
  await target.waitForFunction(([t, s]) => window.neurodrive.get().time_s >= t + s, [t0, seconds], { timeout: ms });
}

// Waits until the drawn item `name` (a window.neurodrive.layout() key) is on screen and has kept the same
// rectangle for `n` frames (windows settle their size over their first frames); returns the rectangle.
export function steadyRect(target, name, n = 3, ms = LONG.timeout) {
  return target.evaluate(([key, k, limit]) => new Promise((resolve, reject) => {
    const end = performance.now() + limit;
    let last = '', same = 0;
    const tick = () => {
      const r = window.neurodrive.layout()[key];
      const now = r ? JSON.stringify(r) : '';
      same = now && now === last ? same + 1 : 0;
      last = now;
      if (same >= k) return resolve(r);
      if (performance.now() > end) return reject(new Error(`${key} did not settle on screen`));
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }), [name, n, ms]);
}

// Waits until the drawn items whose layout() names match `pattern` (a RegExp source; default: the sliders)
// have kept the same rectangles for `n` frames: a scroll has come to rest.
export function steadyLayout(target, pattern = '^[a-z0-9_]+$', n = 3, ms = LONG.timeout) {
  return target.evaluate(([src, k, limit]) => new Promise((resolve, reject) => {
    const re = new RegExp(src), end = performance.now() + limit;
    let last = null, same = 0;
    const tick = () => {
      const now = JSON.stringify(Object.entries(window.neurodrive.layout()).filter(([key]) => re.test(key)));
      same = now === last ? same + 1 : 0;
      last = now;
      if (same >= k) return resolve(true);
      if (performance.now() > end) return reject(new Error(`${src} did not come to rest`));
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }), [pattern, n, ms]);
}

// Counts the messages that reach the window of `target` from now on (window.__heard). The app's own
// listener was added first, so once __heard reaches n the app has handled those n messages (in order).
export const countMessages = (target) => target.evaluate(() => { window.__heard = 0; window.addEventListener('message', () => { window.__heard++; }); return true; });
export const heard = (target, n, ms = LONG.timeout) => target.waitForFunction((k) => window.__heard >= k, n, { timeout: ms });

// The app saves when its page hides (pagehide): ask for that save now. A check that nothing is stored
// then waits for no timer: a save that should not happen would have happened here.
export const saveNow = (target) => target.evaluate(() => { window.dispatchEvent(new Event('pagehide')); return true; });
