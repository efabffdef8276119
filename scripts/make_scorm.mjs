#!/usr/bin/env node
// make_scorm.mjs - writes a SCORM 1.2 package (one SCO) from dist/: imsmanifest.xml, the launch page
// index.html (web/scorm/launch.html: the single-file app neurodrive.html in a frame, fixed to one lesson
// and optionally a preset), the runtime adapter scorm12.js and its stylesheet. Zipped with fflate.
// usage: node scripts/make_scorm.mjs DIST_DIR [--lesson ID] [--preset ID] [--out FILE] [--check: only validate the ids]
//   without --lesson: the first lesson of assets/lessons.json, written to DIST_DIR/neurodrive-scorm12.zip;
//   with it: DIST_DIR/neurodrive-scorm12-<lesson>[-<preset>].zip. Unknown ids stop with the allowed list.
import fs from 'node:fs';
import path from 'node:path';
import { zipSync, strToU8 } from 'fflate';

const argv = process.argv.slice(2);
const distDir = argv[0];
const opt = (name) => { const i = argv.indexOf(name); return i > 0 ? argv[i + 1] ?? '' : undefined; };
const die = (msg) => { console.error(`make_scorm: ${msg}`); process.exit(2); };
if (!distDir || distDir.startsWith('--')) die('usage: make_scorm.mjs DIST_DIR [--lesson ID] [--preset ID] [--check]');

const lessons = JSON.parse(fs.readFileSync('assets/lessons.json', 'utf8')).lessons.map((l) => l.id);
const presets = JSON.parse(fs.readFileSync('assets/presets.json', 'utf8')).presets.map((p) => p.id);
// Every language of assets/languages.json (the first is the default: the manifest's title is in it).
const strings = JSON.parse(fs.readFileSync('assets/languages.json', 'utf8')).languages
  .map(({ code }) => [code, JSON.parse(fs.readFileSync(`assets/strings/${code}.json`, 'utf8'))]);
const en = strings[0][1];

const lessonArg = opt('--lesson'), presetArg = opt('--preset');
const fixed = lessonArg !== undefined && lessonArg !== '';
const lesson = fixed ? lessonArg : lessons[0];
if (!lessons.includes(lesson)) die(`LESSON=${JSON.stringify(lesson).slice(0, 60)} is not a lesson; allowed: ${lessons.join(', ')}`);
const preset = presetArg || '';
if (preset && !presets.includes(preset)) die(`PRESET=${JSON.stringify(preset).slice(0, 60)} is not a preset; allowed: ${presets.join(', ')}`);
if (argv.includes('--check')) process.exit(0);   // make scorm checks LESSON and PRESET before it builds
const single = path.join(distDir, 'neurodrive.html');
if (!fs.existsSync(single)) { console.error(`make_scorm: ${single} is missing - run make dist first`); process.exit(1); }
const out = opt('--out') || path.join(distDir, fixed || preset ? `neurodrive-scorm12-${lesson}${preset ? '-' + preset : ''}.zip` : 'neurodrive-scorm12.zip');

const xml = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const title = en[`lesson.${lesson}.title`] || lesson;
const presetTitle = preset ? ` (${JSON.parse(fs.readFileSync('assets/presets.json', 'utf8')).presets.find((p) => p.id === preset).title})` : '';
const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="neurodrive-${xml(lesson)}${preset ? '-' + xml(preset) : ''}" version="1.0"
          xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
          xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
          xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="neurodrive_org">
    <organization identifier="neurodrive_org">
      <title>NeuroDrive: ${xml(title)}${xml(presetTitle)}</title>
      <item identifier="item_lesson" identifierref="sco_lesson" isvisible="true">
        <title>${xml(title)}${xml(presetTitle)}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="sco_lesson" type="webcontent" adlcp:scormtype="sco" href="index.html">
      <file href="index.html"/>
      <file href="scorm12.js"/>
      <file href="scorm12.css"/>
      <file href="neurodrive.html"/>
    </resource>
  </resources>
</manifest>
`;
const lmsStrings = {};
for (const [lang, table] of strings) {
  lmsStrings[lang] = Object.fromEntries(Object.entries(table).filter(([k]) => k.startsWith('lms.')));
  if (!lmsStrings[lang]['lms.no_lms']) { console.error(`make_scorm: assets/strings/${lang}.json has no lms.* texts`); process.exit(1); }
}
const query = new URLSearchParams({ lesson, persist: '0' });
if (preset) query.set('preset', preset);
let launch = fs.readFileSync('web/scorm/launch.html', 'utf8');
// JSON in a data block: "<" escaped so the text can never end the element.
launch = launch.replace('@QUERY@', () => xml(query.toString())).replace('@LESSON@', () => xml(lesson))
  .replace('@STRINGS@', () => JSON.stringify(lmsStrings).replace(/</g, '\\u003c'));
const files = {
  'imsmanifest.xml': strToU8(manifest),
  'index.html': strToU8(launch),
  'scorm12.js': fs.readFileSync('web/scorm/scorm12.js'),
  'scorm12.css': fs.readFileSync('web/scorm/scorm12.css'),
  'neurodrive.html': fs.readFileSync(single),
};
const zip = zipSync(Object.fromEntries(Object.entries(files).map(([n, d]) => [n, [new Uint8Array(d), { level: 9, mtime: new Date('2026-01-01T00:00:00Z') }]])));
fs.writeFileSync(out, zip);
console.log(`scorm: ${out} (SCORM 1.2, lesson ${lesson}${preset ? ', preset ' + preset : ''}, ${(zip.length / 1024).toFixed(0)} KB)`);
