#!/usr/bin/env node
// make_worksheets.mjs - writes the printable worksheets (docs/TEACHERS.md, Worksheets): one page per
// lesson of assets/lessons.json plus index.html, and copies web/worksheets/worksheet.css beside them.
// Every text comes from its one home: lesson order, steps and right answers from assets/lessons.json,
// titles, step texts and glossary from assets/strings/en.json, what only a worksheet has (goal, words
// to know, times, reflection, answer-key notes) from assets/worksheets.json. A missing text, a lesson
// without a worksheet entry or an entry without a lesson is an error naming it. Plain Node, no
// dependencies; called by make_dist.mjs.
// usage: node scripts/make_worksheets.mjs OUT_DIR
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const CSS = 'web/worksheets/worksheet.css';
const ENTRY_FIELDS = ['minutes', 'app_minutes', 'goal', 'words', 'misconception', 'reflection', 'model_answer', 'projector'];

// Text into HTML: safe both as element content and inside a double-quoted attribute.
const esc = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const fail = (message) => { throw new Error(`worksheets: ${message}`); };
const stringOf = (strings, key) => {
  const value = strings[key];
  if (typeof value !== 'string' || value.trim() === '') fail(`assets/strings/en.json has no text for ${key}`);
  return value;
};

// Ruled writing space: the lines are drawn for print, the textarea is for typing on screen.
const writeBox = (id, lines) =>
  `<div class="write lines-${lines}"><div class="rules" aria-hidden="true">${'<hr>'.repeat(lines)}</div><textarea id="${id}" rows="${lines}"></textarea></div>`;

const NOTE = '<p class="note">NeuroDrive is a simplified teaching model of this simulated brain, built from published animal and human studies. It is not medical advice and must not be used for diagnosis or for changing medication, hormones or supplements.</p>';

const head = (title) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<link rel="icon" href="../favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="worksheet.css">
</head>
`;

// Checks the three sources against each other and returns, per lesson in the app's order, everything
// a page shows as plain text. Throws an Error naming the first lesson or key that is missing.
function collect({ lessons, strings, worksheets }) {
  const text = (key) => stringOf(strings, key);
  if (!Array.isArray(lessons)) fail('assets/lessons.json has no "lessons" list');
  if (!worksheets || typeof worksheets !== 'object') fail('assets/worksheets.json has no "lessons" object');
  const ids = lessons.map((l) => l.id);
  for (const id of Object.keys(worksheets)) {
    if (!ids.includes(id)) fail(`assets/worksheets.json has an entry for ${id}, which is not a lesson in assets/lessons.json`);
  }
  return lessons.map((lesson, index) => {
    const { id } = lesson;
    const sheet = worksheets[id];
    if (!sheet) fail(`lesson ${id} (assets/lessons.json) has no worksheet: add it to assets/worksheets.json`);
    for (const field of ENTRY_FIELDS) {
      if (sheet[field] === undefined || sheet[field] === '') fail(`assets/worksheets.json: ${id} has no ${field}`);
    }
    for (const field of Object.keys(sheet)) {
      if (!ENTRY_FIELDS.includes(field)) fail(`assets/worksheets.json: ${id} has an unknown field ${field}`);
    }
    if (typeof sheet.reflection.question !== 'string' || !(sheet.reflection.lines >= 2)) fail(`assets/worksheets.json: ${id}.reflection needs a question and lines (2 or more)`);
    const { sketch } = sheet.reflection;
    if (sketch && !['x', 'y', 'label'].every((k) => typeof sketch[k] === 'string' && sketch[k])) fail(`assets/worksheets.json: ${id}.reflection.sketch needs x, y and label`);
    if (!Array.isArray(sheet.words) || sheet.words.length === 0) fail(`assets/worksheets.json: ${id}.words needs at least one glossary id`);
    if (!Array.isArray(lesson.steps) || lesson.steps.length === 0) fail(`lesson ${id} has no steps in assets/lessons.json`);
    const steps = lesson.steps.map((step) => {
      const key = `lesson.${id}.${step.id}`;
      if (![1, 2, 3].includes(step.correct)) fail(`assets/lessons.json: ${key} has no correct option (1-3)`);
      const t = Object.fromEntries(['explain', 'question', 'option1', 'option2', 'option3', 'do', 'observe', 'why'].map((part) => [part, text(`${key}.${part}`)]));
      return { id: step.id, correct: step.correct, options: [t.option1, t.option2, t.option3], ...t };
    });
    return {
      id, number: index + 1, title: text(`lesson.${id}.title`), steps, ...sheet,
      words: sheet.words.map((w) => ({ term: text(`glossary.${w}.term`), text: text(`glossary.${w}.text`) })),
    };
  });
}

function worksheetPage(w, count, ui) {
  const link = `../index.html?lesson=${w.id}`;
  const n = w.steps.length;
  // Three-task sheets get one line less per box, so that each task still fits on its own page.
  const lines = n > 2 ? { predict: 2, observe: 3 } : { predict: 3, observe: 4 };
  const axes = w.reflection.sketch;
  const sketch = axes && `<div class="sketch" role="img" aria-label="${esc(axes.label)}"><span class="axis-y">${esc(axes.y)}</span><span class="axis-x">${esc(axes.x)}</span></div>`;
  const task = (s, i) => `<section class="task" data-step="${s.id}" aria-labelledby="${s.id}-h">
<h2 id="${s.id}-h">Task ${i + 1} of ${n}</h2>
<p class="explain">${esc(s.explain)}</p>
<fieldset class="box predict">
<legend><span class="tag">Predict</span> <span class="question">${esc(s.question)}</span></legend>
<div class="options">
${s.options.map((o, k) => `<p class="option"><input type="radio" name="${s.id}-prediction" id="${s.id}-option${k + 1}" value="${k + 1}"> <label for="${s.id}-option${k + 1}"><span class="letter">${'ABC'[k]}</span> ${esc(o)}</label></p>`).join('\n')}
</div>
<p class="write-label"><label for="${s.id}-why">Why do you think so? (Tick one and write this before you move anything.)</label></p>
${writeBox(`${s.id}-why`, lines.predict)}
</fieldset>
<div class="box do"><p><span class="tag">Do</span> <span class="do-text">${esc(s.do)}</span></p></div>
<div class="box observe">
<p class="write-label"><label for="${s.id}-observe"><span class="tag">Observe</span> ${esc(s.observe)} Write what you saw (numbers if you can). Was your prediction right?</label></p>
${writeBox(`${s.id}-observe`, lines.observe)}
</div>
</section>`;
  const answer = (s, i) => `<div class="answer" data-step="${s.id}" data-correct="${s.correct}">
<h3>Task ${i + 1}</h3>
<p class="correct"><strong>Answer: ${'ABC'[s.correct - 1]}</strong> &ndash; ${esc(s.options[s.correct - 1])}</p>
<p class="why">${esc(s.why)}</p>
</div>`;
  return `${head(`${w.title} - NeuroDrive worksheet`)}
<body class="worksheet">
<nav class="screen-only" aria-label="Worksheets"><a href="index.html">All worksheets</a> <a class="button" href="${link}">Open this lesson in NeuroDrive</a></nav>
<main data-lesson="${w.id}">
<header class="sheet-head">
<p class="kicker">NeuroDrive worksheet &middot; lesson ${w.number} of ${count} &middot; about ${w.minutes} minutes</p>
<h1>${esc(w.title)}</h1>
<div class="student">
<p><label for="student-name">Name</label> <input type="text" id="student-name" autocomplete="off"></p>
<p><label for="student-class">Class</label> <input type="text" id="student-class" autocomplete="off"></p>
<p><label for="student-date">Date</label> <input type="text" id="student-date" autocomplete="off"></p>
</div>
</header>
<section class="goal" aria-labelledby="goal-h">
<h2 id="goal-h">What you will find out</h2>
<p>${esc(w.goal)}</p>
<p class="how"><span class="screen-only">Open the lesson: <a class="lesson-link" href="${link}">NeuroDrive lesson &ldquo;${esc(w.title)}&rdquo;</a>.</span><span class="print-only">Open the lesson in NeuroDrive: the ${esc(ui.tab)} tab, then ${esc(ui.start)} beside &ldquo;${esc(w.title)}&rdquo;.</span> For each task: read the question, <strong>write your prediction here and pick it in the app before you move anything</strong>, press <em>${esc(ui.lock)}</em>, then do the task and watch.</p>
<h3 class="words-h">Words to know</h3>
<dl class="words">
${w.words.map((d) => `<dt>${esc(d.term)}</dt><dd>${esc(d.text)}</dd>`).join('\n')}
</dl>
</section>
${w.steps.map(task).join('\n')}
<section class="reflection" aria-labelledby="reflect-h">
<h2 id="reflect-h">Think it over</h2>
<p class="write-label"><label for="reflection">${esc(w.reflection.question)}</label></p>
${sketch ? `${sketch}\n` : ''}${writeBox('reflection', w.reflection.lines)}
</section>
${NOTE}
<section class="answer-key" aria-labelledby="key-h">
<h2 id="key-h">Teacher answer key: ${esc(w.title)}</h2>
<p class="key-note">This page starts on a new sheet: leave it out when you copy the worksheet for students.</p>
<p><strong>Learning goal.</strong> ${esc(w.goal)}</p>
<p><strong>Misconception it targets.</strong> ${esc(w.misconception)}</p>
${w.steps.map(answer).join('\n')}
<div class="answer">
<h3>Think it over: a model answer</h3>
<p>${esc(w.model_answer)}</p>
</div>
<div class="answer">
<h3>On the projector</h3>
<p>${esc(w.projector)}</p>
<p>Time: about ${w.app_minutes} minutes in the app, about ${w.minutes} minutes with this worksheet and a discussion (estimates). Link: <span class="url">index.html?lesson=${w.id}</span></p>
</div>
${NOTE}
</section>
</main>
</body>
</html>
`;
}

function indexPage(all) {
  const item = (w) => `<li data-lesson="${w.id}"><h2><a href="${w.id}.html">${esc(w.title)}</a></h2>
<p>${esc(w.goal)}</p>
<p class="meta">${w.steps.length} tasks &middot; about ${w.minutes} minutes<span class="screen-only"> &middot; <a href="../index.html?lesson=${w.id}">open the lesson in NeuroDrive</a></span></p></li>`;
  return `${head('NeuroDrive worksheets')}
<body class="index">
<nav class="screen-only" aria-label="NeuroDrive"><a href="../index.html">Open NeuroDrive</a></nav>
<main>
<h1>NeuroDrive worksheets</h1>
<p>One printable worksheet for each guided lesson of NeuroDrive. Students predict before they act, observe what this simulated brain does, and answer one question aimed at a common misconception. The last page of each worksheet is a teacher answer key, on a sheet of its own.</p>
<p><strong>Printing:</strong> use the browser&rsquo;s Print command (A4 or Letter). Leave out the last page (the answer key) when you copy for students. Students can also type into the boxes on screen and print the result, but on screen the answer key is at the bottom of the same page: hand out paper copies when students should not see it.</p>
<ol class="lessons">
${all.map(item).join('\n')}
</ol>
${NOTE}
</main>
</body>
</html>
`;
}

// The pages as { file name: HTML }, from the parsed sources. Throws on anything missing.
export function renderWorksheets(sources) {
  const all = collect(sources);
  // The app's own names for the Lesson tab and its buttons, as the "how" paragraph quotes them.
  const ui = Object.fromEntries(Object.entries({ tab: 'tab.lesson', start: 'lessons.start', lock: 'lessons.lock' }).map(([k, key]) => [k, stringOf(sources.strings, key)]));
  const pages = { 'index.html': indexPage(all) };
  for (const w of all) pages[`${w.id}.html`] = worksheetPage(w, all.length, ui);
  return pages;
}

const readJson = (file) => {
  try { return JSON.parse(fs.readFileSync(file, 'utf8')); } catch (e) { fail(`cannot read ${file}: ${e.message}`); }
};

// Reads the sources from the repository (the current directory) and writes the pages and the
// stylesheet into outDir (created if needed; a page left from a lesson that is gone is removed).
// Writes nothing when a source is incomplete. Returns the file names written.
export function writeWorksheets(outDir) {
  const pages = renderWorksheets({
    lessons: readJson('assets/lessons.json').lessons,
    strings: readJson('assets/strings/en.json'),
    worksheets: readJson('assets/worksheets.json').lessons,
  });
  fs.mkdirSync(outDir, { recursive: true });
  for (const f of fs.readdirSync(outDir)) if (f.endsWith('.html') && !(f in pages)) fs.rmSync(path.join(outDir, f));
  for (const [file, html] of Object.entries(pages)) fs.writeFileSync(path.join(outDir, file), html);
  fs.copyFileSync(CSS, path.join(outDir, 'worksheet.css'));
  return [...Object.keys(pages), 'worksheet.css'];
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const [outDir] = process.argv.slice(2);
  if (!outDir) { console.error('usage: make_worksheets.mjs OUT_DIR'); process.exit(2); }
  try {
    console.log(`worksheets: ${writeWorksheets(outDir).length} files in ${outDir}/`);
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
