#!/usr/bin/env node
// serve.mjs - a small static file server for dist/ (make run, browser tests, benchmarks).
// Serves only files under the root, with the right MIME types; optional strict CSP and gzip sizes.
// usage: node scripts/serve.mjs [--root DIR] [--port N] [--host H] [--csp]
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
  '.ttf': 'font/ttf', '.webmanifest': 'application/manifest+json',
};
// The page's own policy (web/index.html's meta) in short: what a host sending it as a header needs.
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; worker-src 'self'; manifest-src 'self'";

export function createServer({ root, csp = false, headers = {} }) {
  const base = path.resolve(root);
  return http.createServer((req, res) => {
    let rel;
    try { rel = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { res.writeHead(400).end('bad request'); return; }
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(base, '.' + rel);
    if (!file.startsWith(base + path.sep) && file !== base) { res.writeHead(403).end('forbidden'); return; }
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) { res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found'); return; }
      const h = { 'Content-Type': MIME[path.extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-cache', ...headers };
      if (csp) h['Content-Security-Policy'] = STRICT_CSP;
      res.writeHead(200, h);
      fs.createReadStream(file).pipe(res);
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const opt = { root: 'dist', port: 8080, host: '127.0.0.1', csp: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--root') opt.root = args[++i];
    else if (a === '--port') opt.port = Number(args[++i]);
    else if (a === '--host') opt.host = args[++i];
    else if (a === '--csp') opt.csp = true;
    else { console.error(`serve.mjs: unknown argument '${a}' (allowed: --root DIR --port N --host H --csp)`); process.exit(2); }
  }
  if (!Number.isInteger(opt.port) || opt.port < 1 || opt.port > 65535) { console.error('serve.mjs: --port must be 1-65535'); process.exit(2); }
  if (!fs.existsSync(path.join(opt.root, 'index.html'))) { console.error(`serve.mjs: ${opt.root}/index.html not found - build first (make dist)`); process.exit(1); }
  const server = createServer(opt);
  server.on('error', (e) => { console.error(`serve.mjs: cannot listen on ${opt.host}:${opt.port}: ${e.message} (set PORT=... to use another port)`); process.exit(1); });
  server.listen(opt.port, opt.host, () => console.log(`NeuroDrive is running at http://${opt.host}:${opt.port}/  (Ctrl-C stops it)`));
}
