// Offline and updates: after one visit the game starts and plays to the end with the network
// off, and a new version is stored while a game is open, announced, and started the next
// time the game is opened, without touching the game in progress.

import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join, extname, normalize } from "node:path";
import {
  launch, open, assertClean, waitForScreen, screenName, buttons, mirrorText, domPress, answerCards,
} from "./harness.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

/** Waits until this version's service worker is active, with every file stored. */
async function stored(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(async () => {
    const names = await caches.keys();
    return names.some((n) => n.startsWith("find-your-fit-"));
  });
}

test("after one visit the game starts and plays to the results with no network", async () => {
  const { page, context, problems, shot } = await open(browser, "offline");
  await stored(page);
  await context.setOffline(true);
  await page.reload();
  await waitForScreen(page, "Title");
  assert.ok(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)), "the stored copy answered");
  await shot("title-offline");
  await domPress(page, "Start");
  await domPress(page, "Let’s go");
  await answerCards(page, (options, n) => options[n % options.length]);
  await waitForScreen(page, "Strengths");
  await domPress(page, "See my job matches");
  assert.equal(await screenName(page), "Results");
  assert.match(await mirrorText(page), /Strong match|Good match|Worth a look/);
  // The dyslexia font is stored too, though the page fetches it only when it is chosen.
  await domPress(page, "Menu");
  await domPress(page, "Dyslexia-friendly font");
  await page.waitForTimeout(1500);
  await shot("results-offline-dyslexia-font");
  await context.close();
  assertClean(problems);
});

// A copy of dist/ served from here, so the test can publish a "new version" of it.
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".json": "application/json",
  ".wasm": "application/wasm", ".svg": "image/svg+xml", ".png": "image/png", ".webmanifest": "application/manifest+json",
  ".ttf": "font/ttf", ".otf": "font/otf", ".txt": "text/plain" };

function serveCopy(dir) {
  const server = createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (path.endsWith("/")) path += "index.html";
    const file = normalize(join(dir, path));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    const br = `${file}.br`;
    const useBr = /\bbr\b/.test(req.headers["accept-encoding"] || "") && existsSync(br);
    const hashed = /-[0-9a-f]{8}(\.|\/)/.test(path);
    res.writeHead(200, {
      "Content-Type": TYPES[extname(file)] || "application/octet-stream",
      "Cache-Control": hashed ? "public, max-age=31536000, immutable" : "no-cache",
      ...(useBr ? { "Content-Encoding": "br" } : {}),
    });
    res.end(readFileSync(useBr ? br : file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** Publishes a new version in `dir`: a new build name in the page and the service worker. */
function publishNewVersion(dir) {
  const html = readFileSync(join(dir, "index.html"), "utf8");
  const old = JSON.parse(html.match(/<script type="application\/json" id="build">(.*?)<\/script>/s)[1]).id;
  const next = `${old.slice(0, -4)}beef`;
  for (const name of ["index.html", "sw.js"]) {
    const text = readFileSync(join(dir, name), "utf8").replaceAll(old, next);
    writeFileSync(join(dir, name), text);
    rmSync(join(dir, `${name}.br`), { force: true });
    rmSync(join(dir, `${name}.gz`), { force: true });
  }
  return { old, next };
}

test("a new version is announced during a game and starts the next time, the game going on", async () => {
  const dir = mkdtempSync(join(tmpdir(), "fyf-dist-"));
  cpSync(new URL("../../dist/", import.meta.url).pathname, dir, { recursive: true });
  const server = await serveCopy(dir);
  const address = `http://127.0.0.1:${server.address().port}/`;
  try {
    const { page, context, problems, shot } = await open(browser, "update", undefined, {}, address);
    await stored(page);
    // A second visit, so the stored version runs the page (as it does for every visit after
    // the first).
    await page.reload();
    await waitForScreen(page, "Title");
    await domPress(page, "Start");
    await domPress(page, "Let’s go");
    await answerCards(page, undefined, 2);
    const before = await page.$eval('#mirror [role="progressbar"]', (el) => el.getAttribute("aria-label"));
    const { old, next } = publishNewVersion(dir);
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    await page.waitForSelector("#update:not([hidden])", { timeout: 30000 });
    assert.match(await page.textContent("#update"), /A new version of Find Your Fit is ready/);
    await shot("new-version-ready");
    // Nothing was swapped under the game: same question, same version, and it still answers.
    assert.equal(await page.$eval('#mirror [role="progressbar"]', (el) => el.getAttribute("aria-label")), before);
    assert.equal(await page.evaluate(() => JSON.parse(document.getElementById("build").textContent).id), old);
    await answerCards(page, undefined, 1);
    assert.notEqual(await page.$eval('#mirror [role="progressbar"]', (el) => el.getAttribute("aria-label")), before);
    await page.close();
    // The next start: the new version, and the answers so far are still there to carry on.
    const again = await context.newPage();
    await again.goto(address);
    await waitForScreen(again, "Title");
    assert.equal(await again.evaluate(() => JSON.parse(document.getElementById("build").textContent).id), next);
    assert.ok((await buttons(again)).some((b) => /Carry on/.test(b.label)), "the game in progress can be carried on");
    await again.waitForFunction(async (n) => (await caches.keys()).includes(`find-your-fit-${n}`), next);
    await context.close();
    assertClean(problems);
  } finally {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
