// Service worker: keeps the app working with no network, on a ward or a
// train, once it has been opened online.
//
// The files to keep come from precache-manifest.js, which the build writes
// (tools/post-build.mjs) because only the build knows the hashed file names.
// Importing it also makes every new build a new service worker: the browser
// compares imported scripts byte for byte when it checks for an update.
/* global PRECACHE */
importScripts('precache-manifest.js');

// Cache Storage is shared by the whole origin, and a host such as GitHub
// Pages can serve other apps from the same origin. The scope in the name
// keeps this app's caches apart, so cleaning up never touches theirs.
const SCOPE = new URL(self.registration.scope).pathname;
const PREFIX = `maps-capability-checker:${SCOPE}:`;
const CACHE = PREFIX + PRECACHE.version;
const SHELL = '404.html';

self.addEventListener('install', (event) => {
  // 'no-cache' makes the browser check with the server, so a stale copy of
  // index.html in the HTTP cache cannot end up in a new version's cache.
  // The new worker then waits: the page offers a reload (register-sw.js)
  // rather than swapping files under someone who is typing.
  const requests = PRECACHE.files.map((file) => new Request(new URL(file, self.location), { cache: 'no-cache' }));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(requests)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name)));
    // On the very first visit this lets the open page work offline at once,
    // without waiting for a reload.
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  // Sent by register-sw.js only when the user chooses "Reload to update".
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  // The app never talks to another origin; if anything ever does, it is
  // left to the browser and never stored here.
  if (new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(page(request));
  } else {
    event.respondWith(asset(request));
  }
});

/**
 * An address of the app is its prerendered page if the build made one
 * (PRECACHE.pages: "roles/pa" is roles/pa.html, the start page index.html),
 * and otherwise the app's shell, 404.html, whose router draws the page.
 * The kept copy answers at once, so opening the app again never waits for
 * the network, which on a phone's slow or failing connection can take
 * seconds or hang. It belongs to the same build as every kept file it
 * loads. A new release is still found on the visit: the browser checks
 * sw.js (and the list it imports) on every navigation, a changed one keeps
 * the new build, and register-sw.js offers to reload to it.
 * A kept file opened in a tab (a sample pack) is that file. The network is
 * asked for any other address with a file extension, and for everything
 * if nothing is kept (storage cleared behind the worker's back).
 */
async function page(request) {
  const cache = await caches.open(CACHE);
  const file = await cache.match(request, { ignoreVary: true, ignoreSearch: true });
  if (file) return file;
  const path = new URL(request.url).pathname;
  const address = path.startsWith(SCOPE) ? path.slice(SCOPE.length).replace(/\/+$/, '') : path;
  const prerendered = Object.hasOwn(PRECACHE.pages, address) ? PRECACHE.pages[address] : SHELL;
  const kept = address.split('/').pop().includes('.') ? undefined : await cache.match(new URL(prerendered, self.location).href);
  return kept || fetch(request);
}

/**
 * Kept files belong to this very build (most have their content's hash in
 * their names, and the cache's name changes with any file), so a kept copy
 * is never out of date and needs no trip to the network. Vary is ignored
 * because hosts vary on Accept-Encoding, which the browser has decoded.
 */
async function asset(request) {
  const cache = await caches.open(CACHE);
  return (await cache.match(request, { ignoreVary: true })) || fetch(request);
}
