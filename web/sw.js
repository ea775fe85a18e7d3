// The service worker: keeps a copy of this version of the game on the device, so it starts
// again with no connection and a second visit downloads nothing it already has.
// `cargo xtask build-web` fills in the build's name and its files (their names carry a hash of
// their contents, so a file never changes under a name). Nothing here talks to another site.

const BUILD = "{{build.id}}";
const FILES = {{json:build.files}};
const CACHE = `find-your-fit-${BUILD}`;

// On the first visit: store every file of this version before taking over.
self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
});

// A new version takes over only once no page runs the old one (the next start), so a game
// in progress never has files swapped under it; then older copies are removed.
self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys().then((names) =>
      Promise.all(names.filter((n) => n.startsWith("find-your-fit-") && n !== CACHE).map((n) => caches.delete(n))),
    ),
  );
});

// The page asks which version this worker holds, to say "A new version is ready" only when
// it is newer than the page.
self.addEventListener("message", (event) => {
  if (event.data === "build" && event.source) event.source.postMessage({ build: BUILD });
});

// A school network can be slow rather than down: after a few seconds with no answer, the
// stored page is used, as when there is no network at all.
function newestPage(request) {
  const stored = caches.open(CACHE).then((cache) => cache.match("./"));
  const network = fetch(request);
  return new Promise((resolve, reject) => {
    const fallBack = (error) => stored.then((page) => (page ? resolve(page) : reject(error)));
    // With nothing stored, keep waiting for the network.
    const timer = setTimeout(() => stored.then((page) => page && resolve(page)), 4000);
    network.then((response) => { clearTimeout(timer); resolve(response); }, (error) => { clearTimeout(timer); fallBack(error); });
  });
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    // The page itself: the newest from the network when there is one (so an edit shows on
    // reload), else this version's copy. It is not stored here, so the stored page always
    // matches the stored files.
    event.respondWith(newestPage(request));
    return;
  }
  // Everything else has its contents in its name: a stored copy is always right. The stored
  // response is returned as it is, so the browser keeps its compiled copy of the game.
  event.respondWith(
    caches.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request).then((response) => {
      if (response.ok) {
        const copy = response.clone();
        caches.open(CACHE).then((cache) => cache.put(request, copy));
      }
      return response;
    })),
  );
});
