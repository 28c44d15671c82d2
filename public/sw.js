// Trio's service worker: the app shell and the last-seen pages offline, and
// Web Push. Hand-written, not Serwist: @serwist/next hooks into webpack, and
// Trio builds with Next 16's Turbopack (server/build.ts), which it can't
// follow; what Trio needs fits in this one file.
//
// - /_next/static/* (content-hashed), icons and the offline page: cache first.
// - Pages a signed-in person opened (/tech, /dispatch, /jobs/<id>): network
//   first, the last copy when the network fails, so a reload in a basement
//   shows the job list and the thread; any other page offline: /offline.html.
// - Never cached: /api/*, /socket.io/*, /j/* (token links), sign-in/out, POSTs.
// - Privacy: the pages' cache is emptied whenever a session starts or ends
//   (sign-in page, sign-in/out posts, a page that lands on sign-in) and when a
//   page says so (components/app-shell/forget-device.ts), so one person's
//   pages never show in another's session on a shared phone.
const VERSION = "v1";
const STATIC_CACHE = `trio-static-${VERSION}`;
const PAGES_CACHE = `trio-pages-${VERSION}`;
const OFFLINE_URL = "/offline.html";
const PRECACHE = [OFFLINE_URL, "/offline.css", "/icons/icon-192.png", "/icons/icon-512.png"];
const MAX_PAGES = 40;
const MAX_STATIC = 400;

const PAGE_PATHS = [/^\/tech$/, /^\/dispatch$/, /^\/jobs\/[0-9a-f-]{36}$/];
const STATIC_PATHS = [
  /^\/_next\/static\//,
  /^\/icons\//,
  /^\/offline\.(html|css)$/,
  /^\/favicon\.ico$/,
  /^\/icon\.svg$/,
  /^\/apple-icon/,
];
const NEVER = /^\/(api|socket\.io|j)\//;
const SESSION_CHANGE = /^\/(signin|api\/sign-in|api\/sign-out|api\/auth\/|reset\/)/;

const isPage = (path) => PAGE_PATHS.some((pattern) => pattern.test(path));
const isStatic = (path) => STATIC_PATHS.some((pattern) => pattern.test(path));

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(STATIC_CACHE)
      .then((cache) => cache.addAll(PRECACHE))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const keep = new Set([STATIC_CACHE, PAGES_CACHE]);
      for (const name of await caches.keys())
        if (name.startsWith("trio-") && !keep.has(name)) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

function clearPages() {
  return caches.delete(PAGES_CACHE);
}

/** Keeps a cache to its newest `max` entries (keys come back oldest first). */
async function trim(cache, max) {
  const keys = await cache.keys();
  for (const key of keys.slice(0, Math.max(0, keys.length - max))) await cache.delete(key);
}

async function cachePage(path, response) {
  if (!response.ok || response.redirected || response.type !== "basic") return;
  const cache = await caches.open(PAGES_CACHE);
  await cache.put(path, response);
  await trim(cache, MAX_PAGES);
}

async function offlinePage() {
  return (await caches.match(OFFLINE_URL)) ?? new Response("You're offline.", { status: 503 });
}

async function pageNetworkFirst(event, path) {
  const cache = await caches.open(PAGES_CACHE);
  let response;
  try {
    response = await fetch(event.request);
  } catch {
    return (await cache.match(path)) ?? offlinePage();
  }
  if (response.status >= 500) {
    // A proxy's "bad gateway" while the server restarts: the last copy reads better.
    return (await cache.match(path)) ?? response;
  }
  if (response.ok && response.type === "basic" && !response.redirected) {
    await cachePage(path, response.clone());
  } else {
    // Sent elsewhere (signed out, the link turned off) or refused (the job is no longer theirs): its copy goes too.
    await cache.delete(path);
  }
  return response;
}

async function homeOffline(event) {
  try {
    return await fetch(event.request);
  } catch {
    const cache = await caches.open(PAGES_CACHE);
    return (await cache.match("/tech")) ?? (await cache.match("/dispatch")) ?? offlinePage();
  }
}

async function staticCacheFirst(request) {
  const cache = await caches.open(STATIC_CACHE);
  const cached = await cache.match(request, { ignoreSearch: false });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && response.type === "basic") {
    await cache.put(request, response.clone());
    await trim(cache, MAX_STATIC);
  }
  return response;
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const path = url.pathname.replace(/\/$/, "") || "/";
  if (SESSION_CHANGE.test(url.pathname)) {
    // A session starts or ends: nothing of the last person's pages stays. The request itself goes on untouched.
    event.waitUntil(clearPages());
    return;
  }
  if (request.method !== "GET") return;
  if (NEVER.test(url.pathname)) {
    if (request.mode === "navigate" && url.pathname.startsWith("/j/")) {
      // A token link is never stored, but offline it still says so instead of the browser's error page.
      event.respondWith(fetch(request).catch(offlinePage));
    }
    return;
  }
  if (request.mode === "navigate") {
    if (isPage(path)) event.respondWith(pageNetworkFirst(event, path));
    else if (path === "/") event.respondWith(homeOffline(event));
    else event.respondWith(fetch(request).catch(offlinePage));
    return;
  }
  if (isStatic(url.pathname)) event.respondWith(staticCacheFirst(request));
});

self.addEventListener("message", (event) => {
  if (event.origin && event.origin !== self.location.origin) return;
  const message = event.data ?? {};
  if (message.type === "forget") {
    event.waitUntil(clearPages());
  } else if (message.type === "page-seen") {
    // A page reached without a full load (client-side navigation), and the
    // scripts it loaded before this worker took control: fetched once more
    // so a reload offline finds them.
    event.waitUntil(rememberPage(message));
  }
});

async function rememberPage({ url, assets }) {
  const static_ = await caches.open(STATIC_CACHE);
  for (const asset of Array.isArray(assets) ? assets.slice(0, 200) : []) {
    const assetUrl = new URL(asset, self.location.origin);
    if (assetUrl.origin !== self.location.origin || !isStatic(assetUrl.pathname)) continue;
    if (await static_.match(assetUrl.href)) continue;
    const response = await fetch(assetUrl.href).catch(() => null);
    if (response?.ok) await static_.put(assetUrl.href, response);
  }
  const pageUrl = new URL(url, self.location.origin);
  const path = pageUrl.pathname.replace(/\/$/, "") || "/";
  if (pageUrl.origin !== self.location.origin || !isPage(path)) return;
  const response = await fetch(pageUrl.pathname, { credentials: "same-origin", redirect: "manual" }).catch(() => null);
  if (response) await cachePage(path, response);
}

// Web Push (lib/push/): { title, body, url, tag }.
self.addEventListener("push", (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = { body: event.data ? event.data.text() : "" };
  }
  const target = sameOriginPath(data.url);
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      // They are looking at that job right now: the thread shows the news itself.
      const watching = windows.some(
        (client) => client.focused && client.visibilityState === "visible" && new URL(client.url).pathname === target,
      );
      if (watching) return;
      await self.registration.showNotification(typeof data.title === "string" ? data.title : "Trio", {
        body: typeof data.body === "string" ? data.body : "",
        tag: typeof data.tag === "string" ? data.tag : target,
        renotify: true,
        icon: "/icons/icon-192.png",
        badge: "/icons/icon-192.png",
        data: { url: target },
      });
    })(),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const target = sameOriginPath(event.notification.data?.url);
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      const showing = windows.find((client) => new URL(client.url).pathname === target);
      if (showing) return showing.focus();
      const open = windows[0];
      if (open) {
        const moved = await open.navigate(target).catch(() => null);
        return (moved ?? open).focus();
      }
      return self.clients.openWindow(target);
    })(),
  );
});

/** Only a path on this site: a push can't send anyone elsewhere. */
function sameOriginPath(value) {
  try {
    const url = new URL(typeof value === "string" ? value : "/", self.location.origin);
    return url.origin === self.location.origin ? url.pathname : "/";
  } catch {
    return "/";
  }
}
