// screens.test.mjs - screenshots at the three target viewports, baseline and a changed state, saved
// under build/screenshots/ for a developer to look at; each also checks the page drew without errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openApp, screenshot, get, waitSim } from './harness.mjs';
import { until, frames } from './wait.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

const viewports = [
  { name: '1366x768', width: 1366, height: 768, dpr: 1 },
  { name: '1920x1080', width: 1920, height: 1080, dpr: 1 },
  { name: '390x844', width: 390, height: 844, dpr: 2, touch: true },
];

for (const vp of viewports) {
  test(`screenshots at ${vp.name}: baseline and low thyroid with a cue`, async () => {
    const { page, context, errors } = await openApp(browser, srv.url, vp);
    await waitSim(page, 1.5);
    await screenshot(page, `baseline-${vp.name}`);
    assert.equal(page.viewportSize().width, vp.width);
    await page.evaluate(() => { window.neurodrive.set({ thyroid: 0.3, dopamine: 0.6 }); });
    await waitSim(page, 15);
    await page.evaluate(() => window.neurodrive.event('reward'));
    await frames(page, 3);   // the reward is drawn
    await screenshot(page, `changed-${vp.name}`);
    const s = await get(page);
    assert.ok(s.outputs.motivation < 70);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('phone tabs: drive meter, signals, learning and lab open by touch at 390x844', async () => {
  const { page, context, errors } = await openApp(browser, srv.url, { width: 390, height: 844, dpr: 2, touch: true });
  await page.evaluate(() => { window.neurodrive.set({ thyroid: 0.4 }); window.neurodrive.autoTrials(true); });
  await waitSim(page, 12);
  for (const tab of ['tab.short.drive', 'tab.short.signals', 'tab.short.learning', 'tab.short.lab']) {
    const r = (await page.evaluate(() => window.neurodrive.layout()))['tab:' + tab];
    assert.ok(r, `${tab} is on screen`);
    await page.touchscreen.tap(r.x + r.w / 2, r.y + r.h / 2);
    await frames(page, 6);   // the tap is handled and the tab drawn
    await screenshot(page, `phone-${tab.replace('tab.short.', '')}-390x844`);
    assert.ok((await page.evaluate(() => window.neurodrive.layout()))['tab:' + tab], `${tab} still on screen after the tap`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});
