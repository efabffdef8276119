// harness.mjs - shared helpers for the browser end-to-end tests: serves dist/ on a free local port,
// launches Debian's Chromium (WebGL2 on SwiftShader) through playwright-core, opens the app, waits
// for its first drawn frames and records every page error and console error.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { createServer } from '../../scripts/serve.mjs';

export const SCREENSHOTS = path.resolve('build/screenshots');
fs.mkdirSync(SCREENSHOTS, { recursive: true });

export async function startServer(options = {}) {
  const server = createServer({ root: options.root || 'dist', csp: !!options.csp, headers: options.headers || {} });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { server, url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(r)) };
}

// bfcache: keep the browser's back/forward cache, which Playwright turns off by default.
export async function launch({ bfcache = false } = {}) {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    ignoreDefaultArgs: bfcache ? ['--disable-back-forward-cache'] : [],
    args: ['--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--no-sandbox', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--ignore-gpu-blocklist'],
  });
}

// Opens the app and waits until window.neurodrive.ready resolves. Returns {page, errors}.
export async function openApp(browser, url, { width = 1366, height = 768, dpr = 1, touch = false, query = '', colorScheme = 'dark' } = {}) {
  // Dark is the designed default; the light preference (and the projector theme it selects) is tested on its own.
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: dpr, hasTouch: touch, isMobile: touch, colorScheme });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console.error: ${m.text()}`); });
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`); });
  await page.goto(url + query);
  await page.evaluate(() => window.neurodrive.ready.then(() => true));
  return { page, context, errors };
}

export async function screenshot(page, name) {
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.waitForTimeout(100);
  await page.screenshot({ path: file });
  return file;
}

export const get = (page) => page.evaluate(() => window.neurodrive.get());

// Advance simulated time quickly: raise speed and wait real time.
export async function waitSim(page, seconds, speed = 4) {
  await page.evaluate((s) => window.neurodrive.speed(s), speed);
  const start = (await get(page)).time_s;
  const deadline = Date.now() + 120000;
  while ((await get(page)).time_s < start + seconds) {
    if (Date.now() > deadline) throw new Error('simulation did not advance');
    await page.waitForTimeout(100);
  }
  await page.evaluate(() => window.neurodrive.speed(1));
}

// A click as a person makes it: move onto the target, press, release (not all in one instant).
export async function clickAt(page, r) {
  const x = r.x + r.w / 2, y = r.y + r.h / 2;
  await page.mouse.move(x, y, { steps: 2 });
  await page.waitForTimeout(60);
  await page.mouse.down();
  await page.waitForTimeout(60);
  await page.mouse.up();
  await page.waitForTimeout(150);
}

// The rectangle of a named item of the last frame (window.neurodrive.layout()), or undefined.
export const rectOf = async (page, name) => (await page.evaluate(() => window.neurodrive.layout()))[name];

// Waits up to 3 s for a drawn item (layout() name) and clicks its centre with the mouse.
export async function clickItem(page, name) {
  let r;
  for (let i = 0; i < 30 && !(r = await rectOf(page, name)); i++) await page.waitForTimeout(100);
  if (!r) throw new Error(`${name} is not on screen`);
  await clickAt(page, r);
}

// Waits (up to `ms`) until the named item is drawn, or - with gone - until it is not; returns its rectangle.
export async function waitForRect(page, name, { ms = 5000, gone = false } = {}) {
  const end = Date.now() + ms;
  for (;;) {
    const r = await rectOf(page, name);
    if (gone ? !r : r) return r;
    if (Date.now() > end) return gone ? r : undefined;
    await page.waitForTimeout(100);
  }
}

// Every pair of text rectangles that overlap by more than a pixel, and every clipped one.
export function textProblems(layout) {
  const items = Object.entries(layout).filter(([k]) => k.startsWith('label:') || k.startsWith('text:'));
  const problems = [];
  for (const [k, r] of items) if (r.clipped) problems.push(`${k} is cut off`);
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const [ka, a] = items[i], [kb, b] = items[j];
      const dx = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x), dy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
      // The "start here" card floats over the schematic on a first visit (dismissable): its texts may
      // cover what is beneath, never each other.
      const overlay = (k) => /^(text|label):start\./.test(k);
      if (overlay(ka) !== overlay(kb)) continue;
      if (dx > 1 && dy > 1) problems.push(`${ka} overlaps ${kb}`);
    }
  }
  return problems;
}

// One lesson step by keyboard on the accessible lesson controls (a page or a frame): pick an option,
// lock it in, act with native controls (key presses on [id, key] pairs), wait for the verdict and
// return its text.
export async function lessonStepByKeyboard(app, option, actions) {
  await app.waitForSelector(`#a11y-lesson-option-${option}`, { state: 'attached' });
  await app.locator(`#a11y-lesson-option-${option}`).press('Space');
  await app.waitForFunction(() => { const b = document.getElementById('a11y-lesson-lock'); return b && !b.disabled; });
  await app.locator('#a11y-lesson-lock').press('Enter');
  await app.waitForSelector('#a11y-lesson-do', { state: 'attached' });
  for (const [id, key] of actions) await app.locator(`#${id}`).press(key);
  await app.waitForSelector('#a11y-lesson-verdict', { state: 'attached', timeout: 30000 });
  return app.locator('#a11y-lesson-verdict').textContent();
}
