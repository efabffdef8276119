#!/usr/bin/env node
// make_dist.mjs - assembles dist/ from web/ and the wasm build: the multi-file page (index.html,
// style.css, audio.js, app.js, favicon.svg, neurodrive.js, neurodrive.wasm, embed-example.html) and the
// single-file build neurodrive.html (CSS, JS and the base64 wasm inlined: opens from file://) with
// its Content-Security-Policy: the page's strict policy, with the SHA-256 hashes of exactly the inline
// script and style it carries in place of 'self' (also written to neurodrive-csp.txt for hosts that
// send the policy as a header). The QR code library of the scenario builder (npm qrcode-generator,
// pinned in package-lock.json, installed by make setup) is copied from node_modules to dist/qrcode.js,
// minified (npm terser), which the page loads only when the Share dialog first opens; the single file
// inlines it.
// usage: node scripts/make_dist.mjs BUILD_DIR OUT_DIR
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const [buildDir, outDir] = process.argv.slice(2);
if (!buildDir || !outDir) { console.error('usage: make_dist.mjs BUILD_DIR OUT_DIR'); process.exit(2); }
const web = 'web';
const need = (f) => { if (!fs.existsSync(f)) { console.error(`make_dist: ${f} is missing - build first`); process.exit(1); } return f; };

fs.rmSync(outDir, { recursive: true, force: true });
fs.mkdirSync(outDir, { recursive: true });
for (const f of ['index.html', 'style.css', 'audio.js', 'app.js', 'favicon.svg', 'embed-example.html', 'embed-example.css', 'embed-example.js']) fs.copyFileSync(need(path.join(web, f)), path.join(outDir, f));
for (const f of ['neurodrive.js', 'neurodrive.wasm']) fs.copyFileSync(need(path.join(buildDir, 'src/app', f)), path.join(outDir, f));
// Third-party code is never committed: the QR library comes from node_modules at build time.
const QR_LIBRARY = 'node_modules/qrcode-generator/dist/qrcode.js';
if (!fs.existsSync(QR_LIBRARY)) { console.error(`make_dist: ${QR_LIBRARY} is missing - run make setup (npm ci)`); process.exit(1); }
// Minified by terser (npm, pinned; 11.7 -> 7.4 KB gzip) under a banner that keeps its copyright and licence.
const qrPackage = JSON.parse(fs.readFileSync('node_modules/qrcode-generator/package.json', 'utf8'));
const { minify } = await import('terser');
const qrMin = await minify(fs.readFileSync(QR_LIBRARY, 'utf8'), { compress: true, mangle: true, format: { comments: false } });
if (!qrMin.code || !qrMin.code.includes('qrcode')) { console.error('make_dist: terser could not minify qrcode.js'); process.exit(1); }
const qrLibrary = `/*! qrcode-generator ${qrPackage.version} (npm) | QR Code Generator for JavaScript | Copyright (c) 2009 Kazuhiko Arase | Licensed under the MIT license */\n${qrMin.code}\n`;
fs.writeFileSync(path.join(outDir, 'qrcode.js'), qrLibrary);
// The printable worksheets (docs/TEACHERS.md): static pages and one stylesheet, copied as they are to
// dist/worksheets/, where their links to ../index.html?lesson=... open the lessons.
fs.mkdirSync(path.join(outDir, 'worksheets'));
for (const f of fs.readdirSync(need(path.join(web, 'worksheets')))) fs.copyFileSync(path.join(web, 'worksheets', f), path.join(outDir, 'worksheets', f));

// Single file: inline what index.html links to. "</script" inside inlined code would end the
// script element early, so it is escaped; the favicon becomes a data: URL.
const hashes = { script: [], style: [] };
const sha256 = (text) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const inlineScript = (code) => {
  const body = `\n${code.replace(/<\/script/gi, '<\\/script')}\n`;
  hashes.script.push(sha256(body));
  return `<script>${body}</script>`;
};
const inlineStyle = (css) => {
  const body = `\n${css}\n`;
  hashes.style.push(sha256(body));
  return `<style>${body}</style>`;
};
let html = fs.readFileSync(path.join(web, 'index.html'), 'utf8');
const css = fs.readFileSync(path.join(web, 'style.css'), 'utf8');
const single = fs.readFileSync(need(path.join(buildDir, 'src/app', 'neurodrive-single.js')), 'utf8');
const app = fs.readFileSync(path.join(web, 'app.js'), 'utf8');
const icon = Buffer.from(fs.readFileSync(path.join(web, 'favicon.svg'))).toString('base64');
const replace = (from, to) => {
  if (!html.includes(from)) { console.error(`make_dist: index.html no longer contains ${from}`); process.exit(1); }
  html = html.replace(from, () => to);
};
replace('<link rel="stylesheet" href="style.css">', inlineStyle(css));
replace('<link rel="icon" href="favicon.svg" type="image/svg+xml">', `<link rel="icon" href="data:image/svg+xml;base64,${icon}">`);
replace('<script src="neurodrive.js"></script>', inlineScript(single));
replace('<script src="audio.js"></script>', inlineScript(fs.readFileSync(path.join(web, 'audio.js'), 'utf8')));
replace('<script src="app.js"></script>', inlineScript(qrLibrary) + '\n' + inlineScript(app));
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
