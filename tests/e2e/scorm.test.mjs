// scorm.test.mjs - the SCORM 1.2 package (dist/neurodrive-scorm12.zip) run by scorm-again (npm), a
// maintained SCORM runtime, as the LMS: the zip is unpacked as an LMS would, a host page provides
// window.API, a student completes the lesson by real key presses on the accessible lesson controls,
// and the test reads what the package committed (status, score, suspend_data, session time), relaunches
// with the stored values and checks that the student resumes at the same step.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { startServer, launch, screenshot, lessonStepByKeyboard } from './harness.mjs';

const ROOT = path.resolve('build/scorm-lms');
const ZIP = path.resolve('dist/neurodrive-scorm12.zip');
let srv, browser;
before(async () => {
  fs.rmSync(ROOT, { recursive: true, force: true });
  fs.mkdirSync(path.join(ROOT, 'sco'), { recursive: true });
  execFileSync('unzip', ['-q', ZIP, '-d', path.join(ROOT, 'sco')]);
  for (const f of ['lms.html', 'lms.js']) fs.copyFileSync(path.join('tests/e2e/fixtures/lms', f), path.join(ROOT, f));
  fs.copyFileSync('node_modules/scorm-again/dist/scorm12.min.js', path.join(ROOT, 'scorm-again.js'));
  srv = await startServer({ root: ROOT });
  browser = await launch();
});
after(async () => { await browser?.close(); await srv?.close(); });

async function openLms(query = '') {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const errors = [], warnings = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.goto(srv.url + 'lms.html' + query);
  const launchFrame = await (await page.waitForSelector('#sco')).contentFrame();
  const app = await (await launchFrame.waitForSelector('#neurodrive')).contentFrame();
  await app.waitForFunction(() => window.neurodrive && window.neurodrive.ready, null, { timeout: 30000 });
  await app.evaluate(() => window.neurodrive.ready.then(() => true));
  return { context, page, app, launchFrame, errors, warnings };
}
const lessonState = (app) => app.evaluate(() => JSON.parse(JSON.stringify(window.neurodrive.get())));
const committed = (page) => page.evaluate(() => window.committed());
async function waitCommitted(page, pred, what) {
  const end = Date.now() + 15000;
  for (;;) {
    const c = await committed(page);
    if (c && pred(c)) return c;
    if (Date.now() > end) throw new Error(`no commit with ${what}; last: ${JSON.stringify(c)}`);
    await page.waitForTimeout(200);
  }
}
const doStep = lessonStepByKeyboard;

test('the package: a valid zip (unzip -t) with a SCORM 1.2 manifest, one SCO, the launch page and the app', () => {
  const t = execFileSync('unzip', ['-t', ZIP]).toString();
  assert.match(t, /No errors detected/);
  const files = execFileSync('zipinfo', ['-1', ZIP]).toString().trim().split('\n').sort();
  assert.deepEqual(files, ['imsmanifest.xml', 'index.html', 'neurodrive.html', 'scorm12.css', 'scorm12.js']);
  const manifest = fs.readFileSync(path.join(ROOT, 'sco/imsmanifest.xml'), 'utf8');
  assert.match(manifest, /^<\?xml version="1.0" encoding="UTF-8"\?>/);
  assert.match(manifest, /<schema>ADL SCORM<\/schema>\s*<schemaversion>1.2<\/schemaversion>/);
  assert.match(manifest, /xmlns:adlcp="http:\/\/www.adlnet.org\/xsd\/adlcp_rootv1p2"/);
  assert.equal((manifest.match(/adlcp:scormtype="sco"/g) || []).length, 1, 'exactly one SCO');
  assert.match(manifest, /<resource identifier="sco_lesson" type="webcontent" adlcp:scormtype="sco" href="index.html">/);
  assert.match(manifest, /<item identifier="item_lesson" identifierref="sco_lesson"/);
  for (const f of files.filter((f) => f !== 'imsmanifest.xml')) assert.ok(manifest.includes(`<file href="${f}"/>`), f);
  const launchPage = fs.readFileSync(path.join(ROOT, 'sco/index.html'), 'utf8');
  assert.match(launchPage, /src="neurodrive.html\?lesson=wanting_vs_liking&amp;persist=0"/, 'the default package fixes the first lesson');
  assert.ok(!/<script>/.test(launchPage), 'no inline script under the launch page CSP');
});

test('scorm-again as the LMS: incomplete -> a step by keys -> commit (score 50, suspend_data) -> relaunch resumes at step 2 -> completed', async () => {
  const first = await openLms();
  const { page, app } = first;
  // LMSInitialize, then incomplete with score range 0-100 committed as soon as the app runs.
  let c = await waitCommitted(page, (x) => x.lesson_status === 'incomplete', 'incomplete');
  assert.equal(c.score_min, '0');
  assert.equal(c.score_max, '100');
  assert.equal((await lessonState(app)).lesson, 'wanting_vs_liking');
  // Step 1, predicted right: "Wanting falls while Liking stays"; act: deplete NAc dopamine.
  assert.match(await doStep(app, 2, [['a11y-in-nac_depletion', 'End']]), /right\./);
  await app.locator('#a11y-lesson-next').press('Enter');
  await app.waitForSelector('#a11y-lesson-option-1', { state: 'attached' });
  c = await waitCommitted(page, (x) => x.score_raw === '50' && x.suspend_data.includes('"step":1'), 'score 50 at step 2');
  assert.equal(c.lesson_status, 'incomplete');
  assert.deepEqual(JSON.parse(c.suspend_data), { v: 1, lesson: 'wanting_vs_liking', step: 1, done: 1, answers: [[2, 1], null] });
  assert.equal(c.lesson_location, 'wanting_vs_liking:2');
  assert.equal(c.exit, 'suspend');
  // The student leaves (the launch page goes away): LMSFinish with a session time.
  await page.evaluate(() => { document.getElementById('sco').src = 'about:blank'; });
  await page.waitForFunction(() => window.calls.some((x) => x.what === 'LMSFinish'), null, { timeout: 10000 });
  const fin = await page.evaluate(() => window.calls.find((x) => x.what === 'LMSFinish'));
  assert.match(fin.session_time, /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/, 'a CMITimespan');
  assert.ok(!/^0+:00:00(\.0+)?$/.test(fin.session_time), `a real session time (${fin.session_time})`);
  assert.deepEqual(first.errors, []);
  await first.context.close();

  // Relaunch as an LMS does: the stored values of the attempt, entry=resume.
  const stored = { core: { lesson_status: fin.lesson_status, entry: 'resume', lesson_location: fin.lesson_location, score: { raw: fin.score_raw } }, suspend_data: fin.suspend_data };
  const second = await openLms('?stored=' + encodeURIComponent(JSON.stringify(stored)));
  await second.app.waitForSelector('#a11y-lesson h3', { state: 'attached' });
  await second.app.waitForFunction(() => /2\/2/.test(document.querySelector('#a11y-lesson h3').textContent), null, { timeout: 10000 });
  assert.equal((await lessonState(second.app)).lesson_step, 2, 'the student resumes at step 2');
  await screenshot(second.page, 'scorm-resumed-step2');
  // Step 2, predicted wrong ("Liking rises"); act: undo the depletion, block the transporter.
  assert.match(await doStep(second.app, 1, [['a11y-in-nac_depletion', 'Home'], ['a11y-in-dat_block', 'End']]), /not right/);
  c = await waitCommitted(second.page, (x) => x.lesson_status === 'completed', 'completed');
  assert.equal(c.score_raw, '50', 'one prediction of two right');
  assert.deepEqual(JSON.parse(c.suspend_data).answers, [[2, 1], [1, 0]]);
  assert.equal(c.exit, '');
  await second.app.locator('#a11y-lesson-next').press('Enter');   // Finish: back to the lesson list, still completed
  await second.page.waitForTimeout(1200);
  assert.equal((await committed(second.page)).lesson_status, 'completed');
  assert.deepEqual(second.errors, []);
  assert.deepEqual(second.warnings.filter((w) => w.includes('SCORM')), []);
  await second.context.close();
});

test('damaged suspend_data: a console warning and a visible notice, the lesson starts at step 1, the next commit replaces it', async () => {
  for (const bad of ['{"v":1,"lesson":"wanting_vs_liking","step":1,"done":1,"answers":[[1,1],null]}', 'garbage{', '{"v":1,"lesson":"ssri_weeks","step":0,"done":0,"answers":[null,null,null]}']) {
    const stored = { core: { lesson_status: 'incomplete', entry: 'resume' }, suspend_data: bad };
    const run = await openLms('?stored=' + encodeURIComponent(JSON.stringify(stored)));
    await run.launchFrame.waitForSelector('#scorm-status:not([hidden])', { timeout: 10000 });
    assert.match(await run.launchFrame.locator('#scorm-status').textContent(), /could not be read|No se pudo leer/);
    assert.ok(run.warnings.some((w) => w.includes('cmi.suspend_data could not be used')), JSON.stringify(run.warnings));
    assert.equal((await lessonState(run.app)).lesson_step, 1);
    // The first commit replaces the damaged value with the real progress (step 1, nothing answered).
    const c = await waitCommitted(run.page, (x) => x.suspend_data !== bad, 'a new suspend_data');
    assert.deepEqual(JSON.parse(c.suspend_data), { v: 1, lesson: 'wanting_vs_liking', step: 0, done: 0, answers: [null, null] });
    assert.deepEqual(run.errors, []);
    await run.context.close();
  }
});

test('the back/forward cache: leaving the LMS page commits without LMSFinish, and back from the cache the package goes on reporting to completion', async () => {
  fs.writeFileSync(path.join(ROOT, 'away.html'), '<!doctype html><meta charset="utf-8"><title>Elsewhere</title><p>Another page of the LMS</p>');
  const cached = await launch({ bfcache: true });
  after(() => cached.close());
  const context = await cached.newContext({ viewport: { width: 1366, height: 768 } });
  await context.addInitScript(() => { window.addEventListener('pageshow', (e) => { if (e.persisted && window.top === window) window.restored = (window.restored || 0) + 1; }); });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(srv.url + 'lms.html');
  const app = await (await (await (await page.waitForSelector('#sco')).contentFrame()).waitForSelector('#neurodrive')).contentFrame();
  await app.waitForFunction(() => window.neurodrive && window.neurodrive.ready, null, { timeout: 30000 });
  await app.evaluate(() => window.neurodrive.ready.then(() => true));
  await waitCommitted(page, (x) => x.lesson_status === 'incomplete', 'incomplete');
  assert.match(await doStep(app, 2, [['a11y-in-nac_depletion', 'End']]), /right\./);
  await app.locator('#a11y-lesson-next').press('Enter');
  await waitCommitted(page, (x) => x.score_raw === '50' && x.suspend_data.includes('"step":1'), 'score 50 at step 2');
  // The student follows a link of the LMS, then presses Back: the page comes back from the cache.
  await page.goto(srv.url + 'away.html');
  await page.goBack({ waitUntil: 'commit' });   // a page restored from the cache fires no load event
  await page.waitForFunction(() => window.restored === 1, null, { timeout: 10000 });   // pageshow with persisted
  const calls = await page.evaluate(() => window.calls.map((c) => c.what));
  assert.ok(!calls.includes('LMSFinish'), `no LMSFinish while the page may come back: ${calls.join(',')}`);
  const left = await committed(page);
  assert.match(left.session_time, /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/, 'leaving committed a session time');
  // Step 2 by keys, as before. (Playwright does not track frames restored from the cache: the app's
  // controls are reached through the same-origin frames, and the keys still go to the browser.)
  await page.evaluate(() => { window.appDoc = () => document.getElementById('sco').contentDocument.getElementById('neurodrive').contentDocument; });
  const has = (sel) => page.waitForFunction((x) => { const e = window.appDoc().querySelector(x); return e && !e.disabled; }, sel, { timeout: 30000 });
  const press = async (id, key) => { await has('#' + id); await page.evaluate((x) => window.appDoc().getElementById(x).focus(), id); await page.keyboard.press(key); };
  await press('a11y-lesson-option-1', 'Space');
  await press('a11y-lesson-lock', 'Enter');
  await has('#a11y-lesson-do');
  await press('a11y-in-nac_depletion', 'Home');
  await press('a11y-in-dat_block', 'End');
  await has('#a11y-lesson-verdict');
  assert.match(await page.evaluate(() => window.appDoc().getElementById('a11y-lesson-verdict').textContent), /not right/);
  const c = await waitCommitted(page, (x) => x.lesson_status === 'completed', 'completed after the restore');
  assert.deepEqual(JSON.parse(c.suspend_data).answers, [[2, 1], [1, 0]]);
  // Leaving for good still ends the session with LMSFinish.
  await page.evaluate(() => { document.getElementById('sco').src = 'about:blank'; });
  await page.waitForFunction(() => window.calls.some((x) => x.what === 'LMSFinish'), null, { timeout: 10000 });
  assert.deepEqual(errors, []);
});

test('without an LMS the launch page says progress is not recorded, and the lesson still runs', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  const page = await context.newPage();
  const warnings = [], errors = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(srv.url + 'sco/index.html');
  await page.waitForSelector('#scorm-status:not([hidden])', { timeout: 10000 });
  assert.match(await page.locator('#scorm-status').textContent(), /not recorded|no se registra/);
  assert.ok(warnings.some((w) => w.includes('no SCORM 1.2 API')));
  const app = await (await page.waitForSelector('#neurodrive')).contentFrame();
  await app.waitForFunction(() => window.neurodrive && window.neurodrive.get() && window.neurodrive.get().lesson === 'wanting_vs_liking', null, { timeout: 30000 });
  assert.deepEqual(errors, []);
  await context.close();
});
