#!/usr/bin/env node
// make_dist.mjs - assembles dist/ from web/ and the wasm build: the multi-file page (index.html,
// style.css, audio.js, languages.js, app.js (web/js/ bundled), favicon.svg, neurodrive.js, neurodrive.wasm,
// embed-example.html), references.json (fetched when About > References opens), every language but
// English as strings/<code>.json and
// a language's own font as fonts/<code>.ttf (fetched only when the language is chosen), the service
// worker sw.js (its build name and file lists written in) and manifest.webmanifest (the page offline and
// installable; docs/EMBEDDING.md, "Offline"), the worksheets
// (make_worksheets.mjs) and the single file neurodrive.html (CSS, JS, wasm, every language and font
// inlined) with its Content-Security-Policy: the page's strict policy, with the SHA-256 hashes of
// exactly the inline script and style it carries in place of 'self' (also written to
// neurodrive-csp.txt for hosts that send the policy as a header). The QR code library of the scenario builder (npm qrcode-generator,
// pinned in package-lock.json, installed by make setup) is copied from node_modules to dist/qrcode.js,
// which the page loads only when the Share dialog first opens; the single file inlines it.
// app.js is the page's ES modules (web/js/, entry main.js) joined into one script by bundle_js.mjs.
// Every script is minified with terser on the way (web/ keeps the readable source; measured gzip -9):
// app.js 14.0 to 8.9 KB, audio.js 1.9 to 1.0 KB, Emscripten's neurodrive.js 35.2 to 22.9 KB,
// qrcode.js 11.7 to 7.4 KB.
// With BASE_URL=https://host/path/ in the environment (make dist BASE_URL=...), index.html also gets
// Open Graph / Twitter card tags and an oEmbed discovery link, and oembed.json and preview.png are
// written; without it none of them (no empty tags).
// usage: [BASE_URL=https://...] node scripts/make_dist.mjs BUILD_DIR OUT_DIR
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { minify } from 'terser';
import { writeWorksheets } from './make_worksheets.mjs';
import { scriptData } from './inline_script.mjs';
import { bundleModules, BundleError } from './bundle_js.mjs';
import { pageFiles, ON_DEMAND } from './page_size.mjs';

const [buildDir, outDir] = process.argv.slice(2);
if (!buildDir || !outDir) { console.error('usage: make_dist.mjs BUILD_DIR OUT_DIR'); process.exit(2); }
const web = 'web';
const need = (f) => { if (!fs.existsSync(f)) { console.error(`make_dist: ${f} is missing - build first`); process.exit(1); } return f; };

// BASE_URL: an absolute https URL of the folder dist/ is served from (validated; no query, fragment or
// user info); normalised to end in "/".
function baseUrl(text) {
  if (!text) return '';
  const bad = (why) => { console.error(`make_dist: BASE_URL=${JSON.stringify(text.slice(0, 80))} ${why}; example: make dist BASE_URL=https://your.host/neurodrive/`); process.exit(2); };
  if (text.length > 400) bad('is longer than 400 characters');
  let u;
  try { u = new URL(text); } catch (e) { bad('is not a URL'); }
  if (u.protocol !== 'https:') bad('must start with https:// (link previews need an absolute https address)');
  if (u.username || u.password) bad('must not contain a user name or password');
  if (u.search || u.hash || text.includes('?') || text.includes('#')) bad('must not have a query or fragment');
  if (!/^[A-Za-z0-9.:\[\]-]+$/.test(u.host)) bad('has a host that is not plain letters, digits, dots and dashes');
  if (/[\s"'<>`]/.test(text)) bad('contains spaces, quotes or angle brackets');
  return u.href.endsWith('/') ? u.href : u.href + '/';
}
const base = baseUrl(process.env.BASE_URL || '');

// The page's stylesheet: the colour table (assets/colors.json) gives every variable style.css uses (the
// default theme's roles, the shared ones and the page's own), written into :root; comments and spaces go.
function pageCss() {
  const css = fs.readFileSync(need(path.join(web, 'style.css')), 'utf8');
  const table = JSON.parse(fs.readFileSync(need('assets/colors.json'), 'utf8'));
  const colours = { ...table.shared, ...table.themes[0].colors, ...table.page };
  const used = [...new Set([...css.matchAll(/var\(--([a-z0-9_]+)\)/g)].map((m) => m[1]))];
  const missing = used.filter((name) => !(name in colours));
  if (missing.length) { console.error(`make_dist: style.css uses colours the colour table (assets/colors.json) lacks: ${missing.join(', ')}`); process.exit(1); }
  const root = `:root{${used.map((name) => `--${name}:${colours[name]}`).join(';')}}`;
  return root + css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ').replace(/\s*([{};,])\s*/g, '$1').trim() + '\n';
}
// The language table (assets/languages.json) for languages.js, with English's boot.* texts (the failure
// pages, shown before wasm and its strings are there; another language's come with its strings file).
const languages = JSON.parse(fs.readFileSync(need('assets/languages.json'), 'utf8')).languages;
const stringsOf = (code) => JSON.parse(fs.readFileSync(need(`assets/strings/${code}.json`), 'utf8'));
const languageTable = languages.map(({ code, name, loading, font }, i) => ({
  code, name, loading, font: !!font,
  ...(i === 0 ? { boot: Object.fromEntries(Object.entries(stringsOf(code)).filter(([k]) => k.startsWith('boot.')).map(([k, v]) => [k.slice(5), v])) } : {}),
}));
// A strings file as the page fetches it: no notes for translators (@ keys), no spaces.
const shippedStrings = (code) => JSON.stringify(Object.fromEntries(Object.entries(stringsOf(code)).filter(([k]) => !k.startsWith('@'))));
const fontOf = (code) => need(path.join(buildDir, 'fonts', `${code}.ttf`));

// The web app manifest (installing the page): its colours name roles of the colour table ("--background").
function manifest() {
  const table = JSON.parse(fs.readFileSync(need('assets/colors.json'), 'utf8'));
  const colours = { ...table.shared, ...table.themes[0].colors, ...table.page };
  const m = JSON.parse(fs.readFileSync(need(path.join(web, 'manifest.webmanifest')), 'utf8'));
  for (const key of ['background_color', 'theme_color']) {
    const role = String(m[key]).replace(/^--/, '');
    if (!(role in colours)) { console.error(`make_dist: manifest.webmanifest's ${key} names a colour the colour table (assets/colors.json) lacks: ${m[key]}`); process.exit(1); }
    m[key] = colours[role];
  }
  return JSON.stringify(m);
}

fs.rmSync(outDir, { recursive: true, force: true });
fs.mkdirSync(outDir, { recursive: true });
for (const f of ['index.html', 'favicon.svg', 'embed-example.html', 'embed-example.css', 'embed-example.js']) fs.copyFileSync(need(path.join(web, f)), path.join(outDir, f));
// Every language but the first (built into the wasm) as a file fetched when chosen, and its font if it has one.
fs.mkdirSync(path.join(outDir, 'strings'));
for (const { code, font } of languages.slice(1)) {
  fs.writeFileSync(path.join(outDir, 'strings', `${code}.json`), shippedStrings(code));
  if (font) { fs.mkdirSync(path.join(outDir, 'fonts'), { recursive: true }); fs.copyFileSync(fontOf(code), path.join(outDir, 'fonts', `${code}.ttf`)); }
}
const css = pageCss();
fs.writeFileSync(path.join(outDir, 'style.css'), css);
fs.writeFileSync(path.join(outDir, 'manifest.webmanifest'), manifest());
// Minified scripts: local names are shortened and dead code dropped; property names (Module["..."],
// window.neurodrive) and top-level names (createNeuroDrive) are kept. A syntax error fails the build.
// Data a script needs before wasm runs is written in at build time: languages.js's __LANGUAGES__.
const withData = (code) => code.replace('__LANGUAGES__', () => JSON.stringify(languageTable));
const minifyCode = async (code, name) => {
  try {
    const out = await minify(withData(code), { ecma: 2020, compress: { passes: 2 }, mangle: true, format: { comments: false } });
    return out.code;
  } catch (e) { console.error(`make_dist: terser could not minify ${name}: ${e.message} (line ${e.line})`); process.exit(1); }
};
const minifyFile = (file) => minifyCode(fs.readFileSync(need(file), 'utf8'), file);
// app.js: the modules in one scope (bundle_js.mjs), so terser shortens names across them.
const appEntry = path.join(web, 'js', 'main.js');
let appBundle;
try { appBundle = bundleModules(need(appEntry)).code; } catch (e) {
  if (!(e instanceof BundleError)) throw e;
  console.error(`make_dist: the page's modules cannot be bundled: ${e.message}`); process.exit(1);
}
const minified = {};
for (const f of ['audio.js', 'languages.js']) minified[f] = await minifyFile(path.join(web, f));
minified['app.js'] = await minifyCode(appBundle, `${appEntry} (bundled; node scripts/bundle_js.mjs ${appEntry} shows its lines)`);
minified['neurodrive.js'] = await minifyFile(path.join(buildDir, 'src/app', 'neurodrive.js'));
for (const f of ['audio.js', 'languages.js', 'app.js', 'neurodrive.js']) fs.writeFileSync(path.join(outDir, f), minified[f]);
fs.copyFileSync(need(path.join(buildDir, 'src/app', 'neurodrive.wasm')), path.join(outDir, 'neurodrive.wasm'));
// The references (About > References), fetched when that tab first opens: not built into the wasm.
const referencesText = JSON.stringify(JSON.parse(fs.readFileSync(need('assets/references.json'), 'utf8')));
fs.writeFileSync(path.join(outDir, 'references.json'), referencesText + '\n');
// The printable worksheets (docs/TEACHERS.md): static pages generated from the lessons, the strings and
// assets/worksheets.json, with their stylesheet, in dist/worksheets/, where their links to
// ../index.html?lesson=... open the lessons.
try {
  writeWorksheets(path.join(outDir, 'worksheets'));
} catch (e) {
  console.error(`make_dist: ${e.message}`);
  process.exit(1);
}

// Link previews (BASE_URL only): Open Graph and Twitter card tags, the oEmbed discovery link, the
// oEmbed 1.0 "rich" document, and the preview picture (docs/screenshot.png, the app at 1366x768).
if (base) {
  const attr = (v) => String(v).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const page = fs.readFileSync(path.join(outDir, 'index.html'), 'utf8');
  const title = page.match(/<title>([^<]*)<\/title>/)[1];
  const description = page.match(/<meta name="description" content="([^"]*)">/)[1];
  const png = fs.readFileSync(need('docs/screenshot.png'));
  const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  fs.writeFileSync(path.join(outDir, 'preview.png'), png);
  const tags = [
    ['og:type', 'website'], ['og:site_name', 'NeuroDrive'], ['og:title', title], ['og:description', description],
    ['og:url', base + 'index.html'], ['og:image', base + 'preview.png'], ['og:image:width', w], ['og:image:height', h],
    ['og:image:alt', 'NeuroDrive: an animated brain schematic with controls, plots and a drive meter'],
  ].map(([k, v]) => `<meta property="${k}" content="${attr(v)}">`);
  tags.push('<meta name="twitter:card" content="summary_large_image">',
    `<link rel="alternate" type="application/json+oembed" href="${attr(base + 'oembed.json')}" title="${attr(title)}">`);
  const anchor = '<link rel="icon" href="favicon.svg" type="image/svg+xml">';
  if (!page.includes(anchor)) { console.error('make_dist: index.html no longer contains the favicon link'); process.exit(1); }
  fs.writeFileSync(path.join(outDir, 'index.html'), page.replace(anchor, () => `${tags.join('\n')}\n${anchor}`));
  const [fw, fh] = [900, 560];
  const oembed = {
    version: '1.0', type: 'rich', title, provider_name: 'NeuroDrive', provider_url: base,
    html: `<iframe src="${attr(base + 'index.html')}" title="NeuroDrive: the neurochemistry of drive" width="${fw}" height="${fh}" allow="fullscreen" loading="lazy"></iframe>`,
    width: fw, height: fh, thumbnail_url: base + 'preview.png', thumbnail_width: w, thumbnail_height: h,
  };
  fs.writeFileSync(path.join(outDir, 'oembed.json'), JSON.stringify(oembed, null, 2) + '\n');
}
// Third-party code is never committed: the QR library comes from node_modules at build time.
const QR_LIBRARY = 'node_modules/qrcode-generator/dist/qrcode.js';
if (!fs.existsSync(QR_LIBRARY)) { console.error(`make_dist: ${QR_LIBRARY} is missing - run make setup (npm ci)`); process.exit(1); }
// Minified by terser (npm, pinned; 11.7 -> 7.4 KB gzip) under a banner that keeps its copyright and licence.
const qrPackage = JSON.parse(fs.readFileSync('node_modules/qrcode-generator/package.json', 'utf8'));
const qrMin = await minify(fs.readFileSync(QR_LIBRARY, 'utf8'), { compress: true, mangle: true, format: { comments: false } });
if (!qrMin.code || !qrMin.code.includes('qrcode')) { console.error('make_dist: terser could not minify qrcode.js'); process.exit(1); }
const qrLibrary = `/*! qrcode-generator ${qrPackage.version} (npm) | QR Code Generator for JavaScript | Copyright (c) 2009 Kazuhiko Arase | Licensed under the MIT license */\n${qrMin.code}\n`;
fs.writeFileSync(path.join(outDir, 'qrcode.js'), qrLibrary);

// The service worker (web/sw.js): the files the page loads to start (found as page_size.mjs finds them),
// kept on install; the other languages, their fonts and the QR library, kept when first fetched. Its
// cache is named by the version (CMakeLists.txt's project VERSION, the About box's) and a hash of its own
// code and of every file it may keep, so any change to any of them is a new deployment with a new cache.
{
  const version = (fs.readFileSync('CMakeLists.txt', 'utf8').match(/project\(neurodrive VERSION ([0-9.]+)/) || [])[1];
  if (!version) { console.error('make_dist: CMakeLists.txt has no project(neurodrive VERSION x.y.z)'); process.exit(1); }
  const code = await minifyFile(path.join(web, 'sw.js'));
  const onDemand = [...languages.slice(1).flatMap(({ code: c, font }) => [`strings/${c}.json`, ...(font ? [`fonts/${c}.ttf`] : [])]), ...Object.keys(ON_DEMAND)];
  // sw.js is named in app.js (it registers it) but is no file the worker keeps.
  const precache = pageFiles(outDir).map((f) => f.file).filter((f) => f !== 'sw.js' && !onDemand.includes(f));
  for (const f of ['index.html', 'neurodrive.js', 'neurodrive.wasm', 'app.js', 'manifest.webmanifest'])
    if (!precache.includes(f)) { console.error(`make_dist: the page no longer loads ${f}: the service worker's list would miss it`); process.exit(1); }
  const hash = crypto.createHash('sha256').update(code);
  for (const f of [...precache, ...onDemand].sort()) hash.update(`\0${f}\0`).update(fs.readFileSync(path.join(outDir, f)));
  const build = `${version}-${hash.digest('hex').slice(0, 12)}`;
  const filled = code.replace('__BUILD__', () => JSON.stringify(build)).replace('__PRECACHE__', () => JSON.stringify(precache))
    .replace('__ON_DEMAND__', () => JSON.stringify(onDemand));
  if (/__[A-Z_]+__/.test(filled)) { console.error('make_dist: sw.js has a placeholder make_dist does not fill'); process.exit(1); }
  fs.writeFileSync(path.join(outDir, 'sw.js'), filled);
  // The same name in app.js, for About (hashed above with the placeholder in).
  for (const file of ['app.js']) {
    const text = fs.readFileSync(path.join(outDir, file), 'utf8');
    if (!text.includes('__BUILD__')) { console.error(`make_dist: ${file} has no __BUILD__ for the build name`); process.exit(1); }
    fs.writeFileSync(path.join(outDir, file), text.replace('__BUILD__', () => build));
  }
  minified['app.js'] = minified['app.js'].replace('__BUILD__', () => build);
}

// Single file: inline what index.html links to. "</script" and "<!--" inside inlined code would end
// or derail the script element, so they are escaped (inline_script.mjs); the favicon becomes a data: URL.
const hashes = { script: [], style: [] };
const sha256 = (text) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const inlineScript = (code) => {
  const body = `\n${scriptData(code)}\n`;
  hashes.script.push(sha256(body));
  return `<script>${body}</script>`;
};
const inlineStyle = (css) => {
  const body = `\n${css}\n`;
  hashes.style.push(sha256(body));
  return `<style>${body}</style>`;
};
let html = fs.readFileSync(path.join(web, 'index.html'), 'utf8');
const single = await minifyFile(path.join(buildDir, 'src/app', 'neurodrive-single.js'));
const icon = Buffer.from(fs.readFileSync(path.join(web, 'favicon.svg'))).toString('base64');
const replace = (from, to) => {
  if (!html.includes(from)) { console.error(`make_dist: index.html no longer contains ${from}`); process.exit(1); }
  html = html.replace(from, () => to);
};
replace('<link rel="stylesheet" href="style.css">', inlineStyle(css));
replace('<link rel="icon" href="favicon.svg" type="image/svg+xml">', `<link rel="icon" href="data:image/svg+xml;base64,${icon}">`);
// Not installable and no worker: the single file has no folder of files to keep (app.js registers none).
replace('<link rel="manifest" href="manifest.webmanifest">\n', '');
replace('<script src="neurodrive.js"></script>', inlineScript(single));
replace('<script src="audio.js"></script>', inlineScript(minified['audio.js']));
// Every language and font in the file (it works offline and in an LMS, where nothing can be fetched).
const bundle = { strings: {}, fonts: {}, references: referencesText };
for (const { code, font } of languages.slice(1)) {
  bundle.strings[code] = shippedStrings(code);
  if (font) bundle.fonts[code] = fs.readFileSync(fontOf(code)).toString('base64');
}
replace('<script src="languages.js"></script>', inlineScript(`window.NeuroDriveBundle=${JSON.stringify(bundle)};`) + '\n' + inlineScript(minified['languages.js']));
replace('<script src="app.js"></script>', inlineScript(qrLibrary) + '\n' + inlineScript(minified['app.js']));
// The single file's policy: nothing from anywhere but its own inline code (by hash), the wasm it
// compiles, its data: favicon, and the data: URL Emscripten fetches the inlined wasm from.
const metaCsp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/);
if (!metaCsp || !metaCsp[1].includes("'wasm-unsafe-eval'")) { console.error('make_dist: index.html has no strict Content-Security-Policy meta'); process.exit(1); }
const singlePolicy = [`default-src 'none'`, `script-src ${hashes.script.join(' ')} 'wasm-unsafe-eval'`, `style-src ${hashes.style.join(' ')}`,
  `img-src data:`, `connect-src data:`, `object-src 'none'`, `base-uri 'none'`, `form-action 'none'`].join('; ');
html = html.replace(metaCsp[0], () => `<meta http-equiv="Content-Security-Policy" content="${singlePolicy}">`);
fs.writeFileSync(path.join(outDir, 'neurodrive.html'), html);
fs.writeFileSync(path.join(outDir, 'neurodrive-csp.txt'), `# The Content-Security-Policy of neurodrive.html (the single-file build), also declared in its <meta>.
# Its inline scripts and style are allowed by these SHA-256 hashes, which change with every build:
# send this exact line as a header if you serve neurodrive.html over http(s). docs/EMBEDDING.md
Content-Security-Policy: ${singlePolicy}
`);
console.log(`dist: ${fs.readdirSync(outDir).length} files in ${outDir}/ (single file: neurodrive.html, ${(html.length / 1024).toFixed(0)} KB)`);
