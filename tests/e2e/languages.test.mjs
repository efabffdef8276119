// languages.test.mjs - every language of assets/languages.json in the real page: chosen by ?lang=, by the
// browser's languages with fallbacks, in the Settings and kept in the share link and the stored state;
// its strings (and the Chinese font) fetched only when chosen; numbers in the language's own way; the
// failure page in the start language; a language that cannot be fetched leaves a notice and the page as it
// was; the single file carries them all; the pseudo-locale en-XA. Screenshots of each language at 1366x768.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launch, openApp, screenshot, waitSim } from './harness.mjs';

const LANGUAGES = JSON.parse(fs.readFileSync('assets/languages.json', 'utf8')).languages;
const STRINGS = Object.fromEntries(LANGUAGES.map(({ code }) => [code, JSON.parse(fs.readFileSync(`assets/strings/${code}.json`, 'utf8'))]));
const fetched = (requests) => requests.filter((u) => /\/(strings|fonts)\//.test(u)).map((u) => new URL(u).pathname.replace(/^\//, '')).sort();

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

// Opens the page and records every request it makes.
async function open(query, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, colorScheme: 'dark', ...options });
  const page = await context.newPage();
  const requests = [], errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(srv.url + query);
  await page.evaluate(() => window.neurodrive.ready.then(() => true));
  return { context, page, requests, errors };
}
const mirrorLabel = (page, input) => page.locator(`label[for=a11y-in-${input}]`).textContent();

for (const { code } of LANGUAGES) {
  test(`${code}: ?lang=${code} shows it from the first frame, fetching only its own strings`, async () => {
    const { context, page, requests, errors } = await open(`?persist=0&lang=${code}&preset=hypothyroid`);
    assert.equal(await page.evaluate(() => document.documentElement.lang), code);
    await page.waitForSelector('#a11y-in-thyroid', { state: 'attached' });
    assert.equal(await mirrorLabel(page, 'thyroid'), STRINGS[code]['input.thyroid']);
    const want = code === LANGUAGES[0].code ? [] : [`strings/${code}.json`, ...(LANGUAGES.find((l) => l.code === code).font ? [`fonts/${code}.ttf`] : [])];
    assert.deepEqual(fetched(requests), want.sort());
    await waitSim(page, 3);
    await screenshot(page, `language-${code}-1366x768`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('numbers are written as each language writes them (4,5 in fr, de, es, pt-BR, it; 4.5 in en and zh-CN)', async () => {
  for (const { code } of LANGUAGES) {
    const { context, page } = await open(`?persist=0&lang=${code}`);
    await page.waitForSelector('#a11y-summary', { state: 'attached' });
    const summary = await page.locator('#a11y-summary').textContent();
    const comma = STRINGS[code]['locale.decimal'] === ',';
    assert.match(summary, comma ? /\d,\d/ : /\d\.\d/, `${code}: ${summary}`);
    assert.doesNotMatch(summary, comma ? /\d\.\d/ : /\d,\d/, `${code}: ${summary}`);
    await context.close();
  }
});

test("the browser's languages choose, with fallbacks: pt-PT gets pt-BR, fr-CA French, Swahili English", async () => {
  for (const [locale, want] of [['pt-PT', 'pt-BR'], ['fr-CA', 'fr'], ['de-AT', 'de'], ['zh-TW', 'zh-CN'], ['sw-KE', 'en']]) {
    const { context, page } = await open('?persist=0', { locale });
    assert.equal((await page.evaluate(() => window.neurodrive.get())).lang, want, locale);
    assert.equal(await page.evaluate(() => document.documentElement.lang), want, locale);
    await context.close();
  }
  // The same fallbacks for ?lang=; an unknown language gets the usual notice and English.
  const { context, page } = await open('?persist=0&lang=fr-CA');
  assert.equal((await page.evaluate(() => window.neurodrive.get())).lang, 'fr');
  await context.close();
  const context2 = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page2 = await context2.newPage();
  const warnings = [];
  page2.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page2.goto(srv.url + '?persist=0&lang=xx');
  await page2.evaluate(() => window.neurodrive.ready.then(() => true));
  assert.equal((await page2.evaluate(() => window.neurodrive.get())).lang, 'en');
  await page2.waitForFunction(() => !document.getElementById('notice').hidden);
  assert.match(await page2.locator('#notice-text').textContent(), /ignored 1 parameter of this link \(lang\)/);
  assert.ok(warnings.some((w) => /lang: must be en, es, fr, de, pt-BR, it or zh-CN/.test(w)), warnings.join('\n'));
  await context2.close();
});

test('the Settings choice fetches the language, and the share link and the stored choice keep it', async () => {
  const { context, page, requests, errors } = await open('');
  assert.deepEqual(fetched(requests), []);
  await page.waitForSelector('#a11y-lang', { state: 'attached' });
  await page.selectOption('#a11y-lang', 'de');
  await page.waitForFunction(() => document.documentElement.lang === 'de');
  assert.deepEqual(fetched(requests), ['strings/de.json']);
  await page.waitForFunction(() => document.querySelector('label[for=a11y-in-thyroid]').textContent === 'Schilddrüsenhormon');
  assert.match(await page.evaluate(() => window.neurodrive.shareLink()), /[?&]lang=de(&|$)/);
  // The stored state (written every half second) holds the choice.
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('neurodrive:v1:') && (localStorage.getItem(k) || '').includes('"lang":"de"')));
  await page.goto(srv.url);
  await page.evaluate(() => window.neurodrive.ready.then(() => true));
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
  assert.equal((await page.evaluate(() => window.neurodrive.get())).lang, 'de');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a language that cannot be fetched leaves the page in its language, with a notice saying why', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  await context.route('**/strings/it.json', (route) => route.abort('internetdisconnected'));
  const page = await context.newPage();
  await page.goto(srv.url + '?persist=0');
  await page.evaluate(() => window.neurodrive.ready.then(() => true));
  await page.waitForSelector('#a11y-lang', { state: 'attached' });
  await page.selectOption('#a11y-lang', 'it');
  await page.waitForFunction(() => !document.getElementById('notice').hidden);
  assert.match(await page.locator('#notice-text').textContent(), /^Italiano could not be loaded \(.+\)\. NeuroDrive stays in English\.$/);
  assert.equal((await page.evaluate(() => window.neurodrive.get())).lang, 'en');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await context.close();
});

test('the failure page speaks the start language', async () => {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  await context.route('**/neurodrive.wasm', (route) => route.abort('failed'));
  const page = await context.newPage();
  await page.goto(srv.url + '?lang=fr');
  await page.waitForSelector('#failure:not([hidden])');
  // English at once, then French when fr.json (fetched from the start) is there.
  await page.waitForFunction((t) => document.getElementById('failure-title').textContent === t, STRINGS.fr['boot.load.title']);
  assert.match(await page.locator('#failure-hint').textContent(), /application\/wasm/);
  await screenshot(page, 'failure-fr');
  await context.close();
});

test('the single file carries every language and the Chinese font (no fetch)', async () => {
  const file = path.resolve('dist/neurodrive.html');
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`file://${file}?lang=zh-CN`);
  await page.evaluate(() => window.neurodrive.ready.then(() => true));
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  await page.waitForSelector('#a11y-in-thyroid', { state: 'attached' });
  assert.equal(await mirrorLabel(page, 'thyroid'), STRINGS['zh-CN']['input.thyroid']);
  assert.deepEqual(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:')), []);
  await waitSim(page, 1);
  await screenshot(page, 'single-file-zh-CN');
  await context.close();
});

test('the pseudo-locale en-XA: every text accented, longer and bracketed, never offered in the menus', async () => {
  const { context, page, requests } = await open('?persist=0&lang=en-XA');
  await page.waitForSelector('#a11y-in-thyroid', { state: 'attached' });
  const label = await mirrorLabel(page, 'thyroid');
  assert.match(label, /^\[.*\]$/);
  assert.ok(label.length >= STRINGS.en['input.thyroid'].length * 1.35, label);
  assert.deepEqual(fetched(requests), []);
  const offered = await page.$$eval('#a11y-lang option', (os) => os.map((o) => o.value));
  assert.deepEqual(offered, LANGUAGES.map((l) => l.code));
  await waitSim(page, 2);
  await screenshot(page, 'language-en-XA-1366x768');
  await context.close();
});
