// faults.test.mjs - the app survives what a classroom does to it: WebGL context loss, resize storms,
// any devicePixelRatio, and a minute of random clicks, drags, keys, wheel and touches (like PhET's ?fuzz).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PNG } from 'pngjs';
import { startServer, launch, openApp, screenshot, get } from './harness.mjs';
import { until, frames } from './wait.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

const luminance = (buf) => {
  const png = PNG.sync.read(buf);
  let sum = 0;
  for (let i = 0; i < png.data.length; i += 4) sum += png.data[i] + png.data[i + 1] + png.data[i + 2];
  return sum / (png.data.length / 4) / 3;
};

function assertSane(s) {
  for (const [k, v] of Object.entries(s.outputs)) assert.ok(Number.isFinite(v), `output ${k} finite`);
  for (const [k, v] of Object.entries(s.inputs)) assert.ok(v >= 0 && v <= 2, `input ${k} in range`);
  assert.ok(s.outputs.motivation >= 0 && s.outputs.motivation <= 100);
  assert.ok(Number.isFinite(s.time_s));
}

test('WebGL context lost and restored: the app recovers and keeps its state', async () => {
  const { page, context, errors } = await openApp(browser, srv.url);
  await page.evaluate(() => window.neurodrive.set({ thyroid: 0.5, dopamine: 0.7 }));
  const before = await get(page);
  await page.evaluate(() => {
    const ext = document.getElementById('canvas').getContext('webgl2').getExtension('WEBGL_lose_context');
    ext.loseContext();
    setTimeout(() => ext.restoreContext(), 400);
  });
  await until(page, () => !document.getElementById('canvas').getContext('webgl2').isContextLost());   // restored
  const f1 = (await page.evaluate(() => window.neurodrive.stats())).frames;
  await until(page, (n) => window.neurodrive.stats().frames > n, f1).catch(() => {});
  const f2 = (await page.evaluate(() => window.neurodrive.stats())).frames;
  assert.ok(f2 > f1, 'frames are drawn again after the restore');
  const after = await get(page);
  assert.equal(after.inputs.thyroid, 0.5);
  assert.equal(after.inputs.dopamine, 0.7);
  assert.ok(after.time_s > before.time_s);
  const rect = (await page.evaluate(() => window.neurodrive.layout()))['panel:schematic'];
  const lum = luminance(await page.screenshot({ clip: { x: rect.x, y: rect.y, width: rect.w, height: rect.h } }));
  assert.ok(lum > 25, `the schematic is drawn again (mean luminance ${lum.toFixed(1)})`);
  await screenshot(page, 'after-context-restore');
  assertSane(after);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a storm of resizes leaves a sane, correctly sized app', async () => {
  const { page, context, errors } = await openApp(browser, srv.url);
  const sizes = [[320, 480], [1920, 1080], [700, 300], [390, 844], [1366, 768], [1000, 1000], [900, 600], [2560, 1440]];
  for (let i = 0; i < 40; i++) {
    const [w, h] = sizes[i % sizes.length];
    await page.setViewportSize({ width: w, height: h });
    if (i % 5 === 0) await frames(page, 2);   // most sizes land within one frame, every fifth is drawn
  }
  await page.setViewportSize({ width: 1366, height: 768 });
  await until(page, () => { const c = document.getElementById('canvas'); return c.width === 1366 && c.height === 768; }).catch(() => {});
  const dims = await page.evaluate(() => { const c = document.getElementById('canvas'); return [c.width, c.height, c.clientWidth, c.clientHeight]; });
  assert.deepEqual(dims, [1366, 768, 1366, 768]);
  assertSane(await get(page));
  await screenshot(page, 'after-resize-storm');
  assert.deepEqual(errors, []);
  await context.close();
});

for (const dpr of [1, 2, 3]) {
  test(`devicePixelRatio ${dpr}: the canvas renders at device resolution`, async () => {
    const { page, context, errors } = await openApp(browser, srv.url, { width: 1000, height: 700, dpr });
    await until(page, (d) => document.getElementById('canvas').width === 1000 * d, dpr).catch(() => {});
    const dims = await page.evaluate(() => { const c = document.getElementById('canvas'); return [c.width, c.height]; });
    assert.deepEqual(dims, [1000 * dpr, 700 * dpr]);
    await screenshot(page, `dpr-${dpr}`);
    assertSane(await get(page));
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('monkey: 60 s of random clicks, drags, keys, wheel and touches', async () => {
  const { page, context, errors } = await openApp(browser, srv.url, { width: 1366, height: 768 });
  let seed = 2024;
  const rand = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  const keys = ['Space', 'Tab', 'Enter', 'Escape', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'r', 'c', 'w', 'o', '1', '5', '?', 'Home', 'End'];
  const end = Date.now() + 60000;
  let actions = 0;
  while (Date.now() < end) {
    const x = rand() * 1366, y = rand() * 768, kind = rand();
    if (kind < 0.35) await page.mouse.click(x, y);
    else if (kind < 0.55) {
      await page.mouse.move(x, y); await page.mouse.down();
      await page.mouse.move(x + (rand() - 0.5) * 400, y + (rand() - 0.5) * 100, { steps: 4 }); await page.mouse.up();
    } else if (kind < 0.75) await page.keyboard.press(keys[Math.floor(rand() * keys.length)]);
    else if (kind < 0.85) { await page.mouse.move(x, y); await page.mouse.wheel(0, (rand() - 0.5) * 600); }
    else await page.touchscreen.tap(x, y).catch(() => page.mouse.click(x, y));
    actions++;
    if (actions % 50 === 0) assertSane(await get(page));
  }
  const s = await get(page);
  assertSane(s);
  await screenshot(page, 'after-monkey');
  assert.ok(actions > 100, `${actions} actions`);  // the page kept answering (about 3-4 a second here; the machine's load varies)
  assert.deepEqual(errors, []);
  await context.close();
});
