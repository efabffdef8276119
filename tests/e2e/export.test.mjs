// export.test.mjs - what a class takes away for a lab report: the Export menu (real clicks) and the
// accessible controls (keyboard) save CSV files whose columns are the CLI's `run --csv` columns and
// whose '#' lines name the scenario; the lab export needs a run; the picture is the view plus a caption.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { PNG } from 'pngjs';
import { startServer, launch, openApp, screenshot, get, clickAt } from './harness.mjs';
import { simSeconds } from './wait.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

const rows = (text) => text.split('\n').filter((l) => l && !l.startsWith('#'));

async function pick(page, kind) {
  const button = await page.locator('#export').boundingBox();
  await clickAt(page, { x: button.x, y: button.y, w: button.width, h: button.height });
  assert.equal(await page.locator('#export-menu').isVisible(), true, 'the menu opened');
  const item = await page.locator(`#export-menu button[data-kind="${kind}"]`).boundingBox();
  const download = page.waitForEvent('download', { timeout: 5000 }).catch(() => null);
  await clickAt(page, { x: item.x, y: item.y, w: item.width, h: item.height });
  return download;
}

test('Export > Signals saves every output at 10 rows per simulated second, with the CLI columns and the scenario named', async () => {
  const { page, context, errors } = await openApp(browser, srv.url, { query: '?persist=0&preset=hypothyroid' });
  await page.evaluate(() => window.neurodrive.speed(4));
  await simSeconds(page, 10);
  const d = await pick(page, 'signals');
  assert.ok(d, 'a file was downloaded');
  assert.match(d.suggestedFilename(), /^neurodrive-hypothyroid-signals-\d+s\.csv$/);
  const text = fs.readFileSync(await d.path(), 'utf8');
  assert.match(text, /^# NeuroDrive .* not medical advice/m);
  const title = (await page.evaluate(() => window.neurodrive.presets())).find((p) => p.id === 'hypothyroid').title;
  assert.ok(text.includes(`# scenario: ${title};`), `the scenario is named: ${title}`);
  const lines = rows(text);
  const s = await get(page);
  assert.deepEqual(lines[0].split(','), ['time_s', ...Object.keys(s.outputs)], 'columns: time_s and every output, as neurodrive-cli run --csv');
  const times = lines.slice(1).map((l) => Number(l.split(',')[0]));
  assert.ok(times.length >= 20, `${times.length} rows`);
  for (let i = 1; i < times.length; i++) assert.ok(Math.abs(times[i] - times[i - 1] - 0.1) < 0.02, `rows 0.1 s apart (${times[i - 1]} -> ${times[i]})`);
  assert.equal(await page.locator('#export-menu').isVisible(), false, 'the menu closed');
  assert.deepEqual(errors, []);
  await context.close();
});

test('keyboard: the Export menu opens with Enter, moves with arrows, closes with Escape; the accessible controls export the trial table', async () => {
  const { page, context, errors } = await openApp(browser, srv.url, { query: '?persist=0' });
  await page.evaluate(() => { window.neurodrive.speed(4); window.neurodrive.autoTrials(true); });
  await simSeconds(page, 24);   // trials for the trial table
  await page.focus('#export');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.kind), 'signals');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.kind), 'trials');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#export-menu').isVisible(), false);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'export', 'focus back on the button');
  await page.focus('#a11y-export-trials');
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const d = await download;
  const lines = rows(fs.readFileSync(await d.path(), 'utf8'));
  assert.equal(lines[0], 'trial,end_time_s,cue_response_hz,reward_response_hz,peak_da_nac_nM');
  const trials = (await get(page)).trials;
  assert.ok(lines.length - 1 >= 1 && lines.length - 1 <= trials, `${lines.length - 1} rows for ${trials} trials`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the lab export says to run an experiment first, then saves the run; the picture is the view with a caption', async () => {
  const { page, context, errors } = await openApp(browser, srv.url, { query: '?persist=0' });
  const none = await pick(page, 'lab');
  assert.equal(none, null, 'nothing saved before a run');
  assert.match(await page.locator('#notice-text').textContent(), /run an experiment/);
  const api = await page.evaluate(() => window.neurodrive.exportCsv('lab'));
  assert.equal(api.ok, false);
  assert.equal((await page.evaluate(() => window.neurodrive.exportCsv('everything'))).ok, false);
  const r = await page.evaluate(() => window.neurodrive.exportCsv('signals'));
  assert.equal(typeof r, 'string');
  const png = await page.evaluate(() => window.neurodrive.exportPng());
  assert.match(png, /^data:image\/png;base64,/);
  const image = PNG.sync.read(Buffer.from(png.split(',')[1], 'base64'));
  const size = await page.evaluate(() => [document.getElementById('canvas').width, document.getElementById('canvas').height]);
  assert.equal(image.width, size[0]);
  assert.ok(image.height > size[1], 'a caption band below the view');
  let lit = 0;
  for (let i = 0; i < image.width * size[1] * 4; i += 4 * 97) if (image.data[i] + image.data[i + 1] + image.data[i + 2] > 150) lit++;
  assert.ok(lit > 50, `the view is drawn, not blank (${lit} bright samples)`);
  fs.writeFileSync('build/screenshots/export-picture.png', PNG.sync.write(image));
  await screenshot(page, 'export-menu-closed');
  assert.deepEqual(errors, []);
  await context.close();
});
