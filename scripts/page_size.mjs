#!/usr/bin/env node
// page_size.mjs - the download of the multi-file page: every file that DIR/index.html loads, found by
// reading the files rather than from a list, each compressed with gzip -9, against the 450 KB goal
// (issues 13 and 22), which the tests enforce. `make dist` prints it; `make bench` reports it
// (scripts/bench.mjs); tests/e2e/size.test.mjs checks it. A benchmark-style report: it exits non-zero
// only when it cannot read the page.
//
// Which files count: index.html itself; every local file its <script src>, <link href> and <img src>
// name; then, in every script found so far (followed transitively), every quoted string naming a file
// of DIR with a file type a page loads at run time (.js .mjs .wasm .css .json .svg .png .webp .woff2
// .woff .data) - that is how neurodrive.js names neurodrive.wasm, and how a script loaded lazily by
// app.js gets found as soon as it lands in dist/. A file found that way is in the page's download
// unless ON_DEMAND names it with what fetches it: those are fetched only when the user asks (like each
// language's strings and font, issue 22) and are listed apart; size.test.mjs checks that starting the
// page fetches none of them, and that each is fetched when its action happens.
// A service worker (a script a page script passes to register(): web/sw.js) counts for its own bytes, but
// what it names is not followed: its install fetches again only files the page loads anyway (revalidated
// with the server, so headers when the server sends validators), and the rest only once the page asks.
//   node scripts/page_size.mjs [DIR]     (DIR defaults to dist)
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const GOAL_BYTES = 450 * 1024;
// Files the page fetches only on the user's action: file -> the action.
export const ON_DEMAND = Object.freeze({
  'qrcode.js': 'the Share dialog first shows a QR code',
  'references.json': 'About > References first opens',
});
const SCRIPT_TYPES = /\.m?js$/i;

export const gzipBytes = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;

// A reference written in a page or script, as a path inside dir, or null when it is not a local file.
function local(dir, from, ref) {
  if (!ref || /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(ref)) return null;   // data:, https:, //host, #id
  const clean = ref.split(/[?#]/)[0];
  const rel = path.normalize(path.join(path.dirname(from), decodeURIComponent(clean))).replace(/^\.\//, '');
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return fs.existsSync(path.join(dir, rel)) && fs.statSync(path.join(dir, rel)).isFile() ? rel : null;
}

// The files DIR/index.html loads, in the order found: [{ file, via }] (via: what named it).
export function pageFiles(dir, entry = 'index.html') {
  const html = fs.readFileSync(path.join(dir, entry), 'utf8');
  const found = new Map([[entry, 'the page']]);
  const add = (rel, via) => { if (rel && !found.has(rel)) found.set(rel, via); };
  for (const m of html.matchAll(/<(script|link|img)\b[^>]*?\b(src|href)\s*=\s*(["'])(.*?)\3/gis))
    add(local(dir, entry, m[4]), `<${m[1].toLowerCase()}> in ${entry}`);
  // Scripts name the files they load lazily (fetch, import(), a created <script>): follow every script
  // but a service worker.
  const scanned = new Set();
  for (let more = true; more;) {
    more = false;
    for (const file of [...found.keys()].filter((f) => SCRIPT_TYPES.test(f) && !scanned.has(f))) {
      scanned.add(file);
      more = true;
      const code = fs.readFileSync(path.join(dir, file), 'utf8');
      for (const m of code.matchAll(/\.register\(\s*["'`]([^"'`\s<>]{1,200}?\.m?js)["'`]/g)) {
        const worker = local(dir, file, m[1]);
        if (worker) { add(worker, `service worker registered in ${file}`); scanned.add(worker); }
      }
      // Only strings that end in a file type can match, so a quote that closes one string is never
      // taken for the opening quote of the next.
      for (const m of code.matchAll(/["'`]([^"'`\s<>]{1,200}?\.(?:m?js|wasm|css|json|svg|png|webp|woff2?|data))(?:[?#][^"'`\s]*)?["'`]/gi))
        add(local(dir, file, m[1]), `named in ${file}`);
    }
  }
  return [...found].map(([file, via]) => ({ file, via }));
}

// { files: [{ file, via, bytes, gzip_bytes }] (fetched at start), gzip_bytes (their sum), on_demand: [{
// file, via, when, bytes, gzip_bytes }], goal_bytes }
export function pageSize(dir) {
  const all = pageFiles(dir).map((f) => ({ ...f, bytes: fs.statSync(path.join(dir, f.file)).size, gzip_bytes: gzipBytes(path.join(dir, f.file)) }));
  const files = all.filter((f) => !(f.file in ON_DEMAND));
  const on_demand = all.filter((f) => f.file in ON_DEMAND).map((f) => ({ ...f, when: ON_DEMAND[f.file] }));
  return { files, gzip_bytes: files.reduce((a, f) => a + f.gzip_bytes, 0), on_demand, goal_bytes: GOAL_BYTES };
}

export function formatPageSize(r) {
  const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
  const lines = r.files.map((f) => `  ${f.file.padEnd(22)} ${String(f.gzip_bytes).padStart(8)} bytes gzip -9  (${kb(f.bytes)} raw; ${f.via})`);
  const verdict = r.gzip_bytes <= r.goal_bytes ? `within the ${kb(r.goal_bytes)} goal` : `OVER the ${kb(r.goal_bytes)} goal`;
  lines.push(`  ${'total'.padEnd(22)} ${String(r.gzip_bytes).padStart(8)} bytes = ${kb(r.gzip_bytes)}: ${verdict}`);
  if (r.on_demand.length) lines.push('Fetched only on demand (not in the total; so are each language\'s strings/ and fonts/ files):');
  for (const f of r.on_demand) lines.push(`  ${f.file.padEnd(22)} ${String(f.gzip_bytes).padStart(8)} bytes gzip -9  (when ${f.when})`);
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const dir = process.argv[2] || 'dist';
  if (!fs.existsSync(path.join(dir, 'index.html'))) { console.error(`page_size: ${dir}/index.html not found (run make dist first)`); process.exit(1); }
  console.log(`The page's download (${dir}/index.html and every file it loads):\n${formatPageSize(pageSize(dir))}`);
}
