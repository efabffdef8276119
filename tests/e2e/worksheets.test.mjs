// worksheets.test.mjs - the printable worksheets (web/worksheets/, copied to dist/worksheets/ by
// make_dist.mjs; docs/TEACHERS.md): one per lesson of assets/lessons.json, each linking to its lesson,
// with every lesson step as a task that quotes the app's own texts (assets/strings/en.json), the right
// answers of lessons.json in a teacher answer key, accessible HTML (axe-core, labels, heading order),
// and a print layout that headless Chromium renders to PDF on A4 and Letter with the answer key on a
// sheet of its own. The PDFs and a print-media PNG of each worksheet are saved under
// build/screenshots/worksheets/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { startServer, launch, SCREENSHOTS } from './harness.mjs';

const require = createRequire(import.meta.url);
const lessons = JSON.parse(fs.readFileSync('assets/lessons.json', 'utf8')).lessons;
const en = JSON.parse(fs.readFileSync('assets/strings/en.json', 'utf8'));
const SRC = 'web/worksheets';
const OUT = path.join(SCREENSHOTS, 'worksheets');
fs.mkdirSync(OUT, { recursive: true });
// Served from dist/ when make_dist.mjs has copied the current sources there, else from web/ (the
// copy is checked on its own). The lesson link is followed in dist/, where the built app is.
const sameFiles = (a, b) => fs.existsSync(b) && fs.readdirSync(a).sort().join() === fs.readdirSync(b).sort().join()
  && fs.readdirSync(a).every((f) => fs.readFileSync(path.join(a, f)).equals(fs.readFileSync(path.join(b, f))));
const DIST_HAS_WORKSHEETS = fs.existsSync('dist/worksheets/index.html');
const DIST_HAS_APP = fs.existsSync('dist/index.html') && fs.existsSync('dist/neurodrive.wasm');
const ROOT = sameFiles(SRC, 'dist/worksheets') ? 'dist' : 'web';

const MM = 96 / 25.4;                  // CSS px per millimetre
const A4_TEXT_WIDTH = Math.floor((210 - 30) * MM);  // the printable width with the stylesheet's 15 mm side margins
const norm = (t) => t.replace(/\s+/g, ' ').trim();
const lessonLink = (id) => `../index.html?lesson=${id}`;
// Pages of a PDF written by Chromium: one "/Type /Page" dictionary per page.
const pdfPages = (buf) => (buf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;

let srv, browser;
before(async () => { srv = await startServer({ root: ROOT, csp: true }); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

// A page that records console errors, page errors, failed requests and CSP reports.
async function open(url, viewport = { width: 1000, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error' || /Content.Security.Policy/i.test(m.text())) errors.push(`console: ${m.text()}`); });
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`); });
  page.on('requestfailed', (r) => errors.push(`failed: ${r.url()}`));
  await page.goto(url);
  return { page, context, errors };
}

async function axeViolations(page) {
  await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('every lesson has a worksheet, the index lists them all in lesson order, and no worksheet is left over', () => {
  const files = fs.readdirSync(SRC).filter((f) => f.endsWith('.html') && f !== 'index.html').map((f) => f.replace(/\.html$/, ''));
  assert.deepEqual(files.sort(), lessons.map((l) => l.id).sort());
  assert.ok(fs.existsSync(path.join(SRC, 'worksheet.css')));
  const index = fs.readFileSync(path.join(SRC, 'index.html'), 'utf8');
  const listed = [...index.matchAll(/<li data-lesson="([a-z_]+)">/g)].map((m) => m[1]);
  assert.deepEqual(listed, lessons.map((l) => l.id), 'the index lists the lessons in the app\'s order');
  for (const { id } of lessons) {
    assert.ok(index.includes(`href="${id}.html"`), `index links to ${id}.html`);
    assert.ok(index.includes(`href="${lessonLink(id)}"`), `index opens lesson ${id}`);
  }
  // Static pages: no scripts (the app's CSP forbids inline ones; none are needed), no inline styles.
  for (const f of fs.readdirSync(SRC).filter((x) => x.endsWith('.html'))) {
    const html = fs.readFileSync(path.join(SRC, f), 'utf8');
    assert.doesNotMatch(html, /<script|\son[a-z]+=|\sstyle=|<style/i, `${f} has no script, event handler or inline style`);
    assert.match(html, /^<!doctype html>\n<html lang="en">/, `${f} starts with a doctype and lang="en"`);
  }
});

test('dist/worksheets/ is an exact copy of web/worksheets/ (make_dist.mjs)', (t) => {
  if (!DIST_HAS_WORKSHEETS) { t.skip('dist/ has no worksheets yet: make dist copies them'); return; }
  const src = fs.readdirSync(SRC).sort(), dist = fs.readdirSync('dist/worksheets').sort();
  assert.deepEqual(dist, src);
  for (const f of src) assert.ok(fs.readFileSync(path.join(SRC, f)).equals(fs.readFileSync(path.join('dist/worksheets', f))), `${f} differs in dist/`);
});

for (const [index, lesson] of lessons.entries()) {
  const { id, steps } = lesson;
  test(`worksheet ${id}: every step as a task, the answer key, accessible, and a PDF with the key on its own sheet`, async (t) => {
    const { page, context, errors } = await open(`${srv.url}worksheets/${id}.html`);
    const title = en[`lesson.${id}.title`];
    const dom = await page.evaluate(() => {
      const n = (t) => t.replace(/\s+/g, ' ').trim();
      const key = document.querySelector('.answer-key');
      return {
        lang: document.documentElement.lang,
        title: document.title,
        h1: [...document.querySelectorAll('h1')].map((h) => n(h.textContent)),
        levels: [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName[1])),
        lessonLinks: [...document.querySelectorAll('a[href*="lesson="]')].map((a) => a.getAttribute('href')),
        tasks: [...document.querySelectorAll('section.task')].map((s) => ({
          step: s.dataset.step, text: n(s.textContent), radios: s.querySelectorAll('.predict input[type=radio]').length,
          predictBox: !!s.querySelector('.predict textarea'), observeBox: !!s.querySelector('.observe textarea'),
          beforeKey: !!key && !!(s.compareDocumentPosition(key) & Node.DOCUMENT_POSITION_FOLLOWING),
        })),
        answers: [...document.querySelectorAll('.answer-key .answer[data-step]')].map((a) => ({ step: a.dataset.step, correct: Number(a.dataset.correct), text: n(a.textContent) })),
        reflection: !!document.querySelector('.reflection textarea'),
        unlabelled: [...document.querySelectorAll('input, textarea, select')].filter((e) => e.labels.length === 0).map((e) => e.id || e.outerHTML),
        scripts: document.scripts.length,
        body: n(document.body.textContent),
        studentText: n([...document.querySelectorAll('main > :not(.answer-key)')].map((e) => e.textContent).join(' ')),
      };
    });
    assert.equal(dom.lang, 'en');
    assert.ok(dom.title.includes(title), `<title> names the lesson: ${dom.title}`);
    assert.deepEqual(dom.h1, [title]);
    assert.equal(dom.levels[0], 1);
    for (let i = 1; i < dom.levels.length; i++) assert.ok(dom.levels[i] <= dom.levels[i - 1] + 1, `heading levels in order: ${dom.levels.join(' ')}`);
    assert.ok(dom.lessonLinks.length >= 1);
    for (const href of dom.lessonLinks) assert.equal(href, lessonLink(id));
    assert.equal(dom.scripts, 0);
    assert.deepEqual(dom.unlabelled, [], 'every input and writing box has a label');
    assert.ok(dom.reflection, 'a reflection question with space to write');

    // Every lesson step appears, in order, as a task quoting the app's own texts.
    assert.equal(dom.tasks.length, steps.length, `${steps.length} steps in lessons.json, ${dom.tasks.length} tasks`);
    steps.forEach((step, i) => {
      const task = dom.tasks[i], k = `lesson.${id}.${step.id}`;
      assert.equal(task.step, step.id);
      assert.match(task.text, new RegExp(`Task ${i + 1} of ${steps.length}`));
      for (const part of ['question', 'do', 'observe', 'option1', 'option2', 'option3']) assert.ok(task.text.includes(norm(en[`${k}.${part}`])), `task ${i + 1} quotes ${k}.${part}`);
      assert.equal(task.radios, 3);
      assert.ok(task.predictBox && task.observeBox, `task ${i + 1} has a predict and an observe box`);
      assert.ok(task.beforeKey, 'the answer key comes after every task');
      const answer = dom.answers.find((a) => a.step === step.id);
      assert.ok(answer, `the key answers step ${step.id}`);
      assert.equal(answer.correct, step.correct);
      assert.ok(answer.text.includes(`Answer: ${'ABC'[step.correct - 1]}`) && answer.text.includes(norm(en[`${k}.option${step.correct}`])), `key names option ${step.correct}`);
      assert.ok(answer.text.includes(norm(en[`${k}.why`])), `key gives the reason (${k}.why)`);
    });
    // The simulated-brain wording and the note; the right answers only in the key.
    assert.match(dom.body, /this simulated brain/);
    assert.match(dom.body, /not medical advice/);
    assert.doesNotMatch(dom.body, /\byour (dopamine|brain|serotonin|hormones?)\b|\byours\b/i);
    assert.doesNotMatch(dom.studentText, /Answer: [ABC]/);
    assert.deepEqual(await axeViolations(page), [], 'axe-core finds no violations');

    // Print: no navigation, the key starts a new sheet, boxes keep together, room to write, nothing cut off.
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: A4_TEXT_WIDTH, height: 1100 });
    const print = await page.evaluate(() => {
      const px = (e) => e.getBoundingClientRect().height;
      const style = (sel) => getComputedStyle(document.querySelector(sel));
      const overflow = [...document.querySelectorAll('main *')]
        .filter((e) => getComputedStyle(e).display !== 'none' && e.getBoundingClientRect().right > window.innerWidth + 1)
        .map((e) => e.className || e.tagName);
      const clipped = [...document.querySelectorAll('.box, .answer, .goal')].filter((e) => e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1).map((e) => e.className);
      return {
        nav: [...document.querySelectorAll('nav')].every((e) => getComputedStyle(e).display === 'none'),
        keyBreak: style('.answer-key').breakBefore,
        avoid: [...document.querySelectorAll('section.task, fieldset.predict, .observe, .reflection')].map((e) => getComputedStyle(e).breakInside),
        colour: style('body').color,
        background: style('body').backgroundColor,
        predict: [...document.querySelectorAll('.predict .write')].map(px),
        observe: [...document.querySelectorAll('.observe .write')].map(px),
        reflection: px(document.querySelector('.reflection .write')),
        scrollWidth: document.documentElement.scrollWidth,
        overflow, clipped,
      };
    });
    assert.ok(print.nav, 'navigation is hidden in print');
    assert.equal(print.keyBreak, 'page', 'the answer key starts on a new page');
    assert.ok(print.avoid.every((v) => v === 'avoid'), `no page break inside a task, a box or the reflection: ${print.avoid}`);
    assert.equal(print.colour, 'rgb(0, 0, 0)');
    assert.equal(print.background, 'rgb(255, 255, 255)');
    for (const h of print.predict) assert.ok(h >= 14 * MM, `predict box ${(h / MM).toFixed(1)} mm tall: at least two handwriting lines`);
    for (const h of print.observe) assert.ok(h >= 21 * MM, `observe box ${(h / MM).toFixed(1)} mm tall: at least three handwriting lines`);
    assert.ok(print.reflection >= 35 * MM, `reflection box ${(print.reflection / MM).toFixed(1)} mm tall`);
    assert.ok(print.scrollWidth <= A4_TEXT_WIDTH, `fits the A4 text width (${print.scrollWidth} > ${A4_TEXT_WIDTH} px)`);
    assert.deepEqual(print.overflow, [], 'nothing sticks out to the right');
    assert.deepEqual(print.clipped, [], 'no box cuts off its content');
    await page.screenshot({ path: path.join(OUT, `${id}-print.png`), fullPage: true });

    // PDFs: A4 (saved) and Letter. The key is exactly the last sheet, so a teacher can leave it out,
    // and the student part needs at most one sheet per task.
    const pages = {};
    for (const format of ['A4', 'Letter']) pages[format] = { full: pdfPages(await page.pdf({ format, path: format === 'A4' ? path.join(OUT, `${id}.pdf`) : undefined })) };
    await page.evaluate(() => document.querySelector('.answer-key').remove());
    for (const format of ['A4', 'Letter']) pages[format].student = pdfPages(await page.pdf({ format }));
    for (const [format, p] of Object.entries(pages)) {
      assert.ok(p.full >= 2, `${format}: ${p.full} pages`);
      assert.equal(p.full - p.student, 1, `${format}: the answer key fills exactly the last page (${p.student} + ${p.full - p.student})`);
      assert.ok(p.student <= steps.length, `${format}: ${p.student} student pages for ${steps.length} tasks`);
    }
    assert.deepEqual(errors, []);
    await context.close();
    if (index === 0) t.diagnostic(`worksheets served from ${ROOT}/; PDFs and PNGs in ${OUT}`);
  });
}

test('the index page: accessible, every link resolves, prints without navigation', async () => {
  const { page, context, errors } = await open(`${srv.url}worksheets/index.html`);
  assert.deepEqual(await axeViolations(page), []);
  const hrefs = await page.evaluate(() => [...document.querySelectorAll('a[href]')].map((a) => a.href));
  for (const href of hrefs.filter((h) => h.includes('/worksheets/'))) {
    const r = await page.request.get(href);
    assert.equal(r.status(), 200, href);
  }
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('nav')).display), 'none');
  const pdf = await page.pdf({ format: 'A4', path: path.join(OUT, 'index.pdf') });
  assert.ok(pdfPages(pdf) >= 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a worksheet\'s lesson link opens that lesson in the app', async (t) => {
  if (!DIST_HAS_APP || !DIST_HAS_WORKSHEETS) { t.skip('needs the built app and the worksheets in dist/ (make dist)'); return; }
  const dist = await startServer({ root: 'dist', csp: true });
  t.after(() => dist.close());
  const { id } = lessons[lessons.length - 1];
  const { page, context, errors } = await open(`${dist.url}worksheets/${id}.html`, { width: 1366, height: 768 });
  await Promise.all([page.waitForURL(`**/index.html?lesson=${id}`), page.click('a.lesson-link')]);
  await page.evaluate(() => window.neurodrive.ready.then(() => true));
  assert.equal((await page.evaluate(() => window.neurodrive.get())).lesson, id);
  assert.deepEqual(errors, []);
  await context.close();
});
