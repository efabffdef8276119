// lab.test.mjs - the virtual lab and the glossary/references, driven by real clicks.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openApp, screenshot, clickAt, rectOf, waitForRect } from './harness.mjs';
import { until, frames } from './wait.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

const rect = rectOf;
const click = async (page, name) => { const r = await rect(page, name); assert.ok(r, `${name} is on screen`); await clickAt(page, r); };

test('the lab runs the conditioning experiment on the current scenario and shows the published finding', async () => {
  const { page, context, errors } = await openApp(browser, srv.url, { width: 1920, height: 1080, query: '?persist=0' });
  await page.evaluate(() => window.neurodrive.set({ dopamine: 0.5 }));
  await click(page, 'tab:tab.lab');
  await click(page, 'button:lab.run');
  await until(page, () => window.neurodrive.layout()['chart:lab']).catch(() => {});   // the run has finished and its chart is drawn
  await frames(page, 3);
  await screenshot(page, 'lab-conditioning-1920x1080');
  // The chart is drawn (the "choose and run" hint is gone) and names the published finding.
  const layout = await page.evaluate(() => window.neurodrive.layout());
  assert.ok(layout['text:lab.finding'], 'the published finding is shown');
  assert.ok(!layout['text:lab.none'], 'the experiment ran: no "press Run" hint');
  assert.ok(layout['chart:lab'] && layout['chart:lab'].h > 100, 'the chart has room');
  assert.deepEqual(errors, []);
  await context.close();
});

test('About shows the model note; its References tab fetches references.json when first opened, says so when it cannot, and tries again', async () => {
  const { page, context, errors } = await openApp(browser, srv.url, { query: '?persist=0' });
  const fetched = [];
  page.on('request', (r) => { if (r.url().endsWith('/references.json')) fetched.push(r.url()); });
  await click(page, 'button:about');
  const dialog = await rect(page, 'dialog:about');
  assert.ok(dialog && dialog.w > 300);
  assert.ok(await rect(page, 'text:about.version'), 'About names the build (the offline copy has the same name)');
  await screenshot(page, 'about-dialog');
  assert.deepEqual(fetched, [], 'nothing is fetched before the References tab opens');
  // The first try fails (the network is down for that file): the tab says why and offers to try again.
  await page.route('**/references.json', (route) => route.abort('internetdisconnected'));
  await click(page, 'tab:references.tab');
  assert.ok(await waitForRect(page, 'text:references.failed'), 'the tab says the references could not be loaded');
  assert.ok(!(await rect(page, 'list:references')), 'no list without the file');
  await screenshot(page, 'about-references-failed');
  await page.unroute('**/references.json');
  await click(page, 'button:references.retry');
  const list = await waitForRect(page, 'list:references');
  assert.ok(list && list.h > 200, `the list has the references (${list.h} px tall)`);
  assert.ok(!(await rect(page, 'text:references.failed')) && !(await rect(page, 'button:references.retry')), 'the failure notice is gone');
  assert.equal(fetched.length, 2, 'fetched once per try');
  await screenshot(page, 'about-references');
  assert.deepEqual(errors.filter((e) => !e.includes('ERR_INTERNET_DISCONNECTED')), []);
  await context.close();
});
