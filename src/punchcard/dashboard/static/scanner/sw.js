// Punchcard scanner's service worker: the app shell for installing and an "offline" page.
// It never answers a form: stamps and redemptions go to the server or fail visibly, never
// queued to be sent later.
"use strict";
const SHELL = "punchcard-scanner-v1";
const FILES = [
  "/scan/offline",
  "/dashboard/static/dashboard.css",
  "/dashboard/static/dashboard.js",
  "/dashboard/static/scanner/scanner.css",
  "/dashboard/static/scanner/scanner.js",
  "/dashboard/static/scanner/vendor/zxing/zxing.min.js",
  "/dashboard/static/scanner/icon-192.png",
];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((name) => name !== SHELL).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") { return; } // actions: straight to the network, never queued
  if (request.mode === "navigate") {
    event.respondWith(fetch(request).catch(() => caches.match("/scan/offline")));
    return;
  }
  const url = new URL(request.url);
  if (FILES.includes(url.pathname)) {
    event.respondWith(fetch(request).catch(() => caches.match(request)));
  }
});
