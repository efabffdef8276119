// schematic.test.mjs - the model drives what a student sees: steady states, learning, presets and
// the pixels of the mesolimbic pathway.
import { test, before, after } from 'node:test';
import fs from 'node:fs';
import assert from 'node:assert/strict';
import { PNG } from 'pngjs';
import { startServer, launch, openApp, screenshot, get, waitSim } from './harness.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

test('set({thyroid: 0.3}) lowers motivation at steady state on the hormone clock', async () => {
  const { page, context, errors } = await openApp(browser, srv.url);
  await waitSim(page, 2);
  const before = (await get(page)).outputs;
  assert.deepEqual(await page.evaluate(() => window.neurodrive.set({ thyroid: 0.3 })), { ok: true });
  await waitSim(page, 30);
  const after = await get(page);
  assert.ok(after.sim_day > 60);
  assert.ok(after.outputs.motivation < before.motivation - 3, `${after.outputs.motivation} vs ${before.motivation}`);
  assert.ok(after.outputs.response_latency_s > before.response_latency_s * 1.2);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Auto trials for 60 s: the cue response comes to exceed the reward response', async () => {
  const { page, context, errors } = await openApp(browser, srv.url);
  await page.evaluate(() => window.neurodrive.autoTrials(true));
  await waitSim(page, 60);
  const s = await get(page);
  assert.ok(s.trials >= 10, `trials ${s.trials}`);
  assert.ok(s.last_trial.cue_response_hz > s.last_trial.reward_response_hz,
    `cue ${s.last_trial.cue_response_hz} > reward ${s.last_trial.reward_response_hz}`);
  await screenshot(page, 'learning-after-60s');
  assert.deepEqual(errors, []);
  await context.close();
});

test('every preset loads without errors and changes the inputs as documented', async () => {
  const { page, context, errors } = await openApp(browser, srv.url);
  const presets = await page.evaluate(() => window.neurodrive.presets());
  assert.ok(presets.length >= 10);
  const documented = Object.fromEntries(JSON.parse(fs.readFileSync('assets/presets.json', 'utf8')).presets.map((p) => [p.id, p.inputs]));
  for (const p of presets) {
    const r = await page.evaluate((id) => window.neurodrive.preset(id), p.id);
    assert.deepEqual(r, { ok: true }, p.id);
    await page.waitForTimeout(120);
    const s = await get(page);
    assert.equal(s.preset, p.id);
    for (const v of Object.values(s.outputs)) assert.ok(Number.isFinite(v), `${p.id}: finite outputs`);
    assert.ok(documented[p.id], `${p.id} is in assets/presets.json`);
    for (const [name, value] of Object.entries(documented[p.id])) assert.equal(s.inputs[name], value, `${p.id}: ${name}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

function meanLuminance(png) {
  let sum = 0;
  for (let i = 0; i < png.data.length; i += 4) sum += 0.2126 * png.data[i] + 0.7152 * png.data[i + 1] + 0.0722 * png.data[i + 2];
  return sum / (png.data.length / 4);
}

test('the mesolimbic pathway visibly dims when dopamine drops to 20%', async () => {
  const { page, context, errors } = await openApp(browser, srv.url);
  await waitSim(page, 2);
  const rect = (await page.evaluate(() => window.neurodrive.layout()))['pathway:mesolimbic'];
  assert.ok(rect && rect.w > 50, 'mesolimbic pathway is on screen');
  const clip = { x: rect.x, y: rect.y, width: rect.w, height: rect.h };
  const shot = async () => meanLuminance(PNG.sync.read(await page.screenshot({ clip })));
  let baseline = 0;
  for (let i = 0; i < 5; i++) { baseline += await shot() / 5; await page.waitForTimeout(60); }
  await page.evaluate(() => window.neurodrive.set({ dopamine: 0.2 }));
  await waitSim(page, 3);
  let low = 0;
  for (let i = 0; i < 5; i++) { low += await shot() / 5; await page.waitForTimeout(60); }
  assert.ok(low < baseline - 2, `mean luminance ${low.toFixed(1)} < ${baseline.toFixed(1)}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('hovering the nucleus accumbens draws its tooltip, and moving off the brain removes it', async () => {
  const { page, context, errors } = await openApp(browser, srv.url);
  const r = (await page.evaluate(() => window.neurodrive.layout()))['region:nac'];
  await page.mouse.move(r.x + r.w / 2, r.y + r.h / 2);
  await page.waitForFunction(() => !!window.neurodrive.layout()['tooltip:region:nac'], null, { timeout: 10000 });
  await screenshot(page, 'tooltip-nac');
  await page.mouse.move(2, 2);
  await page.waitForFunction(() => !Object.keys(window.neurodrive.layout()).some((k) => k.startsWith('tooltip:')), null, { timeout: 10000 });
  assert.deepEqual(errors, []);
  await context.close();
});
