// app.test.mjs - the page loads, draws, answers through window.neurodrive and responds to real input.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openApp, screenshot, get, waitSim } from './harness.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

test('loads, reports ready and has no console errors', async () => {
  const { page, context, errors } = await openApp(browser, srv.url);
  const s = await get(page);
  assert.equal(typeof s.outputs.motivation, 'number');
  assert.ok(s.outputs.motivation > 50 && s.outputs.motivation < 100);
  assert.equal(await page.locator('#loading').isHidden(), true);
  await screenshot(page, 'baseline-1366x768');
  assert.deepEqual(errors, []);
  await context.close();
});

test('set() validates: unknown names, strings, NaN and out-of-range values are refused', async () => {
  const { page, context, errors } = await openApp(browser, srv.url);
  const r = await page.evaluate(() => [
    window.neurodrive.set({ thyroid: 3 }), window.neurodrive.set({ happiness: 1 }),
    window.neurodrive.set({ thyroid: '0.5' }), window.neurodrive.set({ thyroid: NaN }), window.neurodrive.set(null),
    window.neurodrive.event('party'), window.neurodrive.preset('nope'),
  ]);
  for (const x of r) { assert.equal(x.ok, false); assert.ok(x.error.length > 5); }
  assert.equal((await get(page)).inputs.thyroid, 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('dragging the dopamine slider to its minimum lowers motivation and mesolimbic activity', async () => {
  const { page, context, errors } = await openApp(browser, srv.url);
  await waitSim(page, 2);
  const before = await get(page);
  const box = await page.evaluate(() => window.neurodrive.layout?.() ?? null);
  // Find the slider by its known place: the first slider of the Neurotransmitters group.
  const pos = box?.dopamine ?? null;
  assert.ok(pos, 'layout() reports the dopamine slider rectangle');
  await page.mouse.move(pos.x + pos.w * 0.5, pos.y + pos.h * 0.5);
  await page.mouse.down();
  await page.mouse.move(pos.x - 40, pos.y + pos.h * 0.5, { steps: 12 });
  await page.mouse.up();
  const afterDrag = await get(page);
  assert.equal(afterDrag.inputs.dopamine, 0);
  await waitSim(page, 3);
  const after = await get(page);
  assert.ok(after.outputs.motivation < before.outputs.motivation - 10, `${after.outputs.motivation} < ${before.outputs.motivation}`);
  assert.ok(after.outputs.mesolimbic < before.outputs.mesolimbic * 0.5);
  assert.deepEqual(errors, []);
  await context.close();
});

test('without WebGL 2 the page says so in plain words instead of showing a black canvas', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (type, ...rest) { return type === 'webgl2' ? null : original.call(this, type, ...rest); };
  });
  await page.goto(srv.url);
  await page.waitForSelector('#failure:not([hidden])');
  assert.match(await page.locator('#failure-title').textContent(), /cannot show NeuroDrive/);
  assert.match(await page.locator('#failure-detail').textContent(), /WebGL 2/);
  assert.equal(await page.locator('#loading').isHidden(), true);
  await screenshot(page, 'no-webgl2');
  await context.close();
});

test('if the WebAssembly program cannot load, the page explains what to try', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route('**/neurodrive.wasm', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto(srv.url);
  await page.waitForSelector('#failure:not([hidden])', { timeout: 20000 });
  assert.equal(await page.locator('#failure-title').textContent(), 'NeuroDrive could not load');
  assert.match(await page.locator('#failure-detail').textContent(), /^The WebAssembly program failed to load \(.+\)\.$/);
  assert.match(await page.locator('#failure-hint').textContent(), /reload the page/i);
  await context.close();
});
