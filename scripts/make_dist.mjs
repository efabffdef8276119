#!/usr/bin/env node
// make_dist.mjs - assembles dist/ from web/ and the wasm build: the multi-file page (index.html,
// style.css, audio.js, app.js, favicon.svg, neurodrive.js, neurodrive.wasm, embed-example.html) and the
// single-file build neurodrive.html (CSS, JS and the base64 wasm inlined: opens from file://) with
// its Content-Security-Policy: the page's strict policy, with the SHA-256 hashes of exactly the inline
// script and style it carries in place of 'self' (also written to neurodrive-csp.txt for hosts that
// send the policy as a header).
// Every script is minified with terser on the way (web/ keeps the readable source; measured gzip -9):
// app.js 14.0 to 8.9 KB, audio.js 1.9 to 1.0 KB, Emscripten's neurodrive.js 35.2 to 22.9 KB.
// usage: node scripts/make_dist.mjs BUILD_DIR OUT_DIR
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { minify } from 'terser';

const [buildDir, outDir] = process.argv.slice(2);
if (!buildDir || !outDir) { console.error('usage: make_dist.mjs BUILD_DIR OUT_DIR'); process.exit(2); }
const web = 'web';
const need = (f) => { if (!fs.existsSync(f)) { console.error(`make_dist: ${f} is missing - build first`); process.exit(1); } return f; };

fs.rmSync(outDir, { recursive: true, force: true });
fs.mkdirSync(outDir, { recursive: true });
for (const f of ['index.html', 'style.css', 'favicon.svg', 'embed-example.html', 'embed-example.css', 'embed-example.js']) fs.copyFileSync(need(path.join(web, f)), path.join(outDir, f));
// Minified scripts: local names are shortened and dead code dropped; property names (Module["..."],
// window.neurodrive) and top-level names (createNeuroDrive) are kept. A syntax error fails the build.
const minifyFile = async (file) => {
  try {
    const out = await minify(fs.readFileSync(need(file), 'utf8'), { ecma: 2020, compress: { passes: 2 }, mangle: true, format: { comments: false } });
    return out.code;
  } catch (e) { console.error(`make_dist: terser could not minify ${file}: ${e.message} (line ${e.line})`); process.exit(1); }
};
const minified = {};
for (const f of ['audio.js', 'app.js']) minified[f] = await minifyFile(path.join(web, f));
minified['neurodrive.js'] = await minifyFile(path.join(buildDir, 'src/app', 'neurodrive.js'));
for (const f of ['audio.js', 'app.js', 'neurodrive.js']) fs.writeFileSync(path.join(outDir, f), minified[f]);
fs.copyFileSync(need(path.join(buildDir, 'src/app', 'neurodrive.wasm')), path.join(outDir, 'neurodrive.wasm'));
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
const single = await minifyFile(path.join(buildDir, 'src/app', 'neurodrive-single.js'));
const icon = Buffer.from(fs.readFileSync(path.join(web, 'favicon.svg'))).toString('base64');
const replace = (from, to) => {
  if (!html.includes(from)) { console.error(`make_dist: index.html no longer contains ${from}`); process.exit(1); }
  html = html.replace(from, () => to);
};
replace('<link rel="stylesheet" href="style.css">', inlineStyle(css));
replace('<link rel="icon" href="favicon.svg" type="image/svg+xml">', `<link rel="icon" href="data:image/svg+xml;base64,${icon}">`);
replace('<script src="neurodrive.js"></script>', inlineScript(single));
replace('<script src="audio.js"></script>', inlineScript(minified['audio.js']));
replace('<script src="app.js"></script>', inlineScript(minified['app.js']));
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
