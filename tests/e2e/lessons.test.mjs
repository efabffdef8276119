// lessons.test.mjs - guided lessons: reachable by ?lesson=NAME, and a keyboard-only user completes a
// whole lesson through the accessible controls (predict, lock in, act, see the verdict, go on).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openApp, screenshot, get } from './harness.mjs';
import { until, frames } from './wait.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

// Keyboard only: press Tab until the element with this id has focus.
async function tabTo(page, id) {
  for (let i = 0; i < 120; i++) {
    if (await page.evaluate((x) => document.activeElement && document.activeElement.id === x, id)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach #${id} with Tab`);
}

test('keyboard only: the wanting-vs-liking lesson from start to finish', async () => {
  const { page, context, errors } = await openApp(browser, srv.url, { query: '?lesson=wanting_vs_liking&persist=0' });
  assert.equal((await get(page)).lesson, 'wanting_vs_liking');
  await page.waitForSelector('#a11y-lesson-option-2', { state: 'attached' });
  // Step 1: predict "Wanting falls while Liking stays", lock it in, act with the native slider, watch
  // the observation phase, then read the verdict.
  await tabTo(page, 'a11y-lesson-option-1');
  await page.keyboard.press('ArrowDown');  // radio group: arrow keys choose
  await until(page, () => { const b = document.getElementById('a11y-lesson-lock'); return b && !b.disabled; });   // a choice enables Lock in
  await tabTo(page, 'a11y-lesson-lock');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#a11y-lesson-do', { state: 'attached' });
  await tabTo(page, 'a11y-in-nac_depletion');
  await page.keyboard.press('End');
  await page.waitForSelector('#a11y-lesson-observe', { state: 'attached', timeout: 5000 });
  await page.waitForSelector('#a11y-lesson-verdict', { state: 'attached', timeout: 20000 });
  assert.match(await page.locator('#a11y-lesson-verdict').textContent(), /right\./);
  assert.match(await page.locator('#a11y-lesson-answer').textContent(), /Wanting falls while Liking stays/);
  await tabTo(page, 'a11y-lesson-next');
  await page.keyboard.press('Enter');
  // Step 2: predict (wrongly, on purpose) that Liking rises; the verdict then names the right answer.
  await page.waitForSelector('#a11y-lesson-option-1', { state: 'attached' });
  await tabTo(page, 'a11y-lesson-option-1');
  await page.keyboard.press('Space');
  await until(page, () => { const b = document.getElementById('a11y-lesson-lock'); return b && !b.disabled; });
  await tabTo(page, 'a11y-lesson-lock');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#a11y-lesson-do', { state: 'attached' });
  await tabTo(page, 'a11y-in-nac_depletion');
  await page.keyboard.press('Home');
  await tabTo(page, 'a11y-in-dat_block');
  await page.keyboard.press('End');
  await page.waitForSelector('#a11y-lesson-verdict', { state: 'attached', timeout: 20000 });
  assert.match(await page.locator('#a11y-lesson-verdict').textContent(), /not right/);
  assert.match(await page.locator('#a11y-lesson-answer').textContent(), /It stays the same/);
  await screenshot(page, 'lesson-result-1366x768');
  await tabTo(page, 'a11y-lesson-next');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#a11y-lesson-start-wanting_vs_liking', { state: 'attached' });
  assert.match(await page.locator('#a11y-lesson-start-wanting_vs_liking').textContent(), /\(2\/2\)/);
  assert.equal((await get(page)).lesson_steps_completed, 2);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a lesson step on a phone, and an unknown lesson is reported', async () => {
  const { page, context, errors } = await openApp(browser, srv.url, { width: 390, height: 844, dpr: 2, touch: true, query: '?lesson=learning_to_predict' });
  await frames(page, 6);
  await screenshot(page, 'lesson-step-390x844');
  assert.equal((await get(page)).lesson, 'learning_to_predict');
  await context.close();
  const other = await openApp(browser, srv.url, { query: '?lesson=nope' });
  assert.match(await other.page.locator('#notice-text').textContent(), /lesson/);
  assert.equal((await get(other.page)).lesson, null);
  await other.context.close();
  assert.deepEqual(errors, []);
});
