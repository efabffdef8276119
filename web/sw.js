// sw.js - the service worker that lets the multi-file page reload with the network down (docs/EMBEDDING.md,
// "Offline"): on install it keeps the files the page starts from in one cache per deployment, the others
// on its list (languages, their fonts, the QR library, the references) when first fetched. scripts/make_dist.mjs writes in
// the build and the lists; web/ keeps this readable source. Registered only by app.js; depends on nothing.
// It must not: answer anything but a GET of a file on its lists (every other request - other pages, the
// single file, worksheets, other origins, outside its scope - goes to the network untouched); keep an
// error, a redirect, a partial or an opaque response; keep user data (the user's choices stay in
// localStorage); touch the caches of another NeuroDrive folder on the same site (their names carry the scope).
'use strict';
const BUILD = __BUILD__;          // "<version>-<12 hex digits of a SHA-256 of this script and every file on the lists>"
const PRECACHE = __PRECACHE__;    // what the page loads to start: fetched on install
const ON_DEMAND = __ON_DEMAND__;  // fetched when chosen: kept the first time
const SCOPE = new URL(self.registration.scope);
const PREFIX = `neurodrive:${SCOPE.href}:`;
const CACHE = PREFIX + BUILD;

// The file a request asks for, as named on the lists ('index.html' for the folder itself), or ''.
function fileOf(request) {
  if (request.method !== 'GET') return '';
  const url = new URL(request.url);
  if (url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return '';
  let name = '';
  try { name = decodeURIComponent(url.pathname.slice(SCOPE.pathname.length)) || 'index.html'; } catch (e) { return ''; }
  return PRECACHE.includes(name) || ON_DEMAND.includes(name) ? name : '';
}
const keepable = (response) => response.status === 200 && response.type === 'basic' && !response.redirected;

// A new deployment has a new BUILD: its files are fetched afresh (revalidated, never an old copy from the
// HTTP cache), then it takes over at once; a page already open keeps what it loaded.
self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    try {
      await Promise.all(PRECACHE.map(async (name) => {
        const response = await fetch(new Request(new URL(name, SCOPE).href, { cache: 'no-cache' }));
        if (!keepable(response)) throw new Error(`${name}: HTTP ${response.status}`);
        await cache.put(new URL(name, SCOPE).href, response);
      }));
    } catch (e) {
      await caches.delete(CACHE);  // no half deployment: the next visit tries again
      throw e;
    }
    await self.skipWaiting();
  })());
});

// Older deployments of this folder are deleted; open pages of it are served from here on.
self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    await self.clients.claim();
  })());
});

// Cache first: within one deployment a file never changes (its bytes are in BUILD's hash).
self.addEventListener('fetch', (event) => {
  const name = fileOf(event.request);
  if (!name) return;
  const key = new URL(name, SCOPE).href;
  event.respondWith((async () => {
    // A newer deployment deleted this one's cache (its worker took over while this one still answers
    // a request): answer from the network and keep nothing - caches.open() would make the cache again.
    if (!(await caches.has(CACHE))) return fetch(event.request);
    const cache = await caches.open(CACHE);
    const hit = await cache.match(key);
    if (hit) return hit;
    const response = await fetch(event.request);
    if (keepable(response)) event.waitUntil(cache.put(key, response.clone()));
    return response;
  })());
});
