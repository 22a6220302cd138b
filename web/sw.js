// The service worker: after one visit, the app opens with no network.
//   - the app's files are cached at install, as one version (VERSION changes with any of them);
//   - pages and files are answered from that cache; the API always goes to the network (the
//     app's own store and outbox handle being offline, not this cache);
//   - a new version installs in the background and WAITS: the page offers "新版本可用" and
//     the person chooses when to switch, so nothing is swapped in under an open form.
'use strict';

const VERSION = '@NUANXIN_SW_VERSION@';
const CACHE = 'nuanxin-' + VERSION;
const FILES = ['./', 'index.html', 'app.css', 'shell.js', 'nuanxin.js', 'nuanxin.wasm',
  'manifest.webmanifest', 'icon.svg', 'config.json', 'glyphs-common.otf'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('nuanxin-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('message', (event) => {
  if (event.data === 'activate-update') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.includes('/api/')) return;
  event.respondWith(caches.open(CACHE).then((cache) =>
    cache.match(request.mode === 'navigate' ? './' : request, { ignoreSearch: true })
      .then((hit) => hit || fetch(request))));
});
