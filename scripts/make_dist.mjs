#!/usr/bin/env node
// make_dist.mjs - assembles dist/ from web/ and the wasm build: the multi-file page (index.html,
// style.css, app.js, favicon.svg, neurodrive.js, neurodrive.wasm, embed-example.html) and the
// single-file build neurodrive.html (CSS, JS and the base64 wasm inlined: opens from file://).
// usage: node scripts/make_dist.mjs BUILD_DIR OUT_DIR
import fs from 'node:fs';
import path from 'node:path';

const [buildDir, outDir] = process.argv.slice(2);
if (!buildDir || !outDir) { console.error('usage: make_dist.mjs BUILD_DIR OUT_DIR'); process.exit(2); }
const web = 'web';
const need = (f) => { if (!fs.existsSync(f)) { console.error(`make_dist: ${f} is missing - build first`); process.exit(1); } return f; };

fs.rmSync(outDir, { recursive: true, force: true });
fs.mkdirSync(outDir, { recursive: true });
for (const f of ['index.html', 'style.css', 'app.js', 'favicon.svg', 'embed-example.html', 'embed-example.css', 'embed-example.js']) fs.copyFileSync(need(path.join(web, f)), path.join(outDir, f));
for (const f of ['neurodrive.js', 'neurodrive.wasm']) fs.copyFileSync(need(path.join(buildDir, 'src/app', f)), path.join(outDir, f));

// Single file: inline what index.html links to. "</script" inside inlined code would end the
// script element early, so it is escaped; the favicon becomes a data: URL.
const inlineScript = (code) => `<script>\n${code.replace(/<\/script/gi, '<\\/script')}\n</script>`;
let html = fs.readFileSync(path.join(web, 'index.html'), 'utf8');
const css = fs.readFileSync(path.join(web, 'style.css'), 'utf8');
const single = fs.readFileSync(need(path.join(buildDir, 'src/app', 'neurodrive-single.js')), 'utf8');
const app = fs.readFileSync(path.join(web, 'app.js'), 'utf8');
const icon = Buffer.from(fs.readFileSync(path.join(web, 'favicon.svg'))).toString('base64');
const replace = (from, to) => {
  if (!html.includes(from)) { console.error(`make_dist: index.html no longer contains ${from}`); process.exit(1); }
  html = html.replace(from, () => to);
};
replace('<link rel="stylesheet" href="style.css">', `<style>\n${css}\n</style>`);
replace('<link rel="icon" href="favicon.svg" type="image/svg+xml">', `<link rel="icon" href="data:image/svg+xml;base64,${icon}">`);
replace('<script src="neurodrive.js"></script>', inlineScript(single));
replace('<script src="app.js"></script>', inlineScript(app));
fs.writeFileSync(path.join(outDir, 'neurodrive.html'), html);
console.log(`dist: ${fs.readdirSync(outDir).length} files in ${outDir}/ (single file: neurodrive.html, ${(html.length / 1024).toFixed(0)} KB)`);
