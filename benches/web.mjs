// The web benchmark (`cargo xtask bench-web`): how big the game is, how fast it starts cold
// and warm, how idle it keeps a laptop, and whether memory grows over many games, measured
// in headless Chromium (SwiftShader, 640×400) against the served `dist/`. Prints the figures
// and writes them as JSON to the path in FYF_BENCH_OUT; `xtask` writes them into
// docs/benchmarks.md. Figures, never pass/fail: the machines are shared and noisy.
//
// Time points are the page's and game's own `performance.mark`s (web/app.js): fetch-start,
// bytes-done, instantiated, first-frame, title-ready, first-question.

import { writeFileSync } from "node:fs";
import {
  launch, waitForScreen, buttons, screenName, domPress, answerCards,
} from "../tests/browser/harness.mjs";

const BASE = process.env.FYF_URL;
const RUNS = Number(process.env.FYF_BENCH_RUNS || 5);
const GAMES = Number(process.env.FYF_BENCH_GAMES || 20);
const VIEWPORT = { width: 640, height: 400 };
// Service workers' own requests (precaching) are reported to Playwright only with this set.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = "1";

// Runs in every page before its own scripts: keeps the wasm's memory where the benchmark can
// read it, counts animation frames, and sets the screen marks from the mirror for a build
// whose page does not set them itself (so an older build can be measured the same way).
function observe() {
  for (const name of ["instantiateStreaming", "instantiate"]) {
    const real = WebAssembly[name];
    WebAssembly[name] = async (...args) => {
      const result = await real.apply(WebAssembly, args);
      const instance = result.instance || result;
      if (instance.exports && instance.exports.memory) window.__benchMemory = instance.exports.memory;
      return result;
    };
  }
  window.__benchFrames = 0;
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) => raf((t) => { window.__benchFrames += 1; cb(t); });
  const mark = (name) => {
    if (!performance.getEntriesByName(`fyf:${name}`).length) performance.mark(`fyf:${name}`);
  };
  new MutationObserver(() => {
    const mirror = document.getElementById("mirror");
    if (!mirror || !mirror.dataset.screen) return;
    mark("first-frame");
    mark(`screen:${mirror.dataset.screen}`);
    if (mirror.dataset.screen === "Title") mark("title-ready");
    if (mirror.dataset.screen === "Quiz" && mirror.querySelector("[aria-pressed]")) mark("first-question");
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-screen"] });
}

async function newContext(browser) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  await context.addInitScript(observe);
  return context;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** The page's marks, in ms since navigation started. */
async function marks(page) {
  return page.evaluate(() => Object.fromEntries(performance.getEntriesByType("mark")
    .filter((m) => m.name.startsWith("fyf:")).map((m) => [m.name.slice(4), Math.round(m.startTime)])));
}

async function waitForMark(page, name) {
  await page.waitForFunction((n) => performance.getEntriesByName(`fyf:${n}`).length > 0, name, { timeout: 60000 });
}

const press = domPress;

/** From the title screen to the first question: how long the game takes to answer each
 * press (Start → the intro shown, "Let's go" → the first question shown), without the time
 * a student spends reading the intro. */
async function toFirstQuestion(page) {
  const click = async (label, next) => {
    const b = (await buttons(page)).find((x) => x.label === label);
    const t = await page.evaluate(({ id, next }) => {
      performance.clearMarks(`fyf:${next}`);
      const now = performance.now();
      document.querySelector(`#mirror [data-id="${id}"]`).click();
      return now;
    }, { id: b.id, next });
    await waitForMark(page, next);
    return (await page.evaluate((n) => performance.getEntriesByName(`fyf:${n}`)[0].startTime, next)) - t;
  };
  const toIntro = await click("Start", "screen:Intro");
  await page.waitForTimeout(500);
  const toQuestion = await click("Let’s go", "first-question");
  await page.waitForTimeout(500);
  return { startToQuestion: Math.round(toIntro + toQuestion), startToIntro: Math.round(toIntro), letsGoToQuestion: Math.round(toQuestion) };
}

/** Bytes the browser received for a page load, as sent (compressed), service worker included. */
function countTransfer(context) {
  const counted = { bytes: 0, requests: 0 };
  context.on("requestfinished", async (request) => {
    try {
      const sizes = await request.sizes();
      counted.bytes += sizes.responseBodySize + sizes.responseHeadersSize;
      counted.requests += 1;
    } catch { /* the page went away first */ }
  });
  return counted;
}

async function coldAndWarm(browser) {
  const cold = [];
  const warm = [];
  const question = [];
  const transfer = [];
  const baseline = [];
  for (let run = 0; run < RUNS; run += 1) {
    const context = await newContext(browser);
    const counted = countTransfer(context);
    const page = await context.newPage();
    // A plain static file from the same server, in the same run: the ratio to it takes out
    // how busy the machine is.
    await page.goto(`${BASE}favicon.svg`);
    baseline.push(await page.evaluate(() => Math.round(performance.getEntriesByType("navigation")[0].loadEventEnd)));
    await page.goto(BASE);
    await waitForMark(page, "title-ready");
    cold.push(await marks(page));
    question.push(await toFirstQuestion(page));
    // Let the service worker (if the build has one) store this version before the second
    // visit.
    await page.evaluate(() => navigator.serviceWorker.getRegistration()
      .then((r) => r && navigator.serviceWorker.ready));
    await page.waitForTimeout(1500);
    transfer.push({ ...counted });
    counted.bytes = 0;
    counted.requests = 0;
    await page.goto(BASE);
    await waitForMark(page, "title-ready");
    warm.push({ ...(await marks(page)), bytes: counted.bytes, requests: counted.requests });
    await context.close();
  }
  return { cold, warm, question, transfer, baseline };
}

async function idleFrames(browser) {
  const counts = [];
  for (let run = 0; run < RUNS; run += 1) {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(BASE);
    await waitForScreen(page, "Title");
    await toFirstQuestion(page);
    await page.waitForTimeout(2000); // the card's arrival animation ends
    // The game's own count where it has one; the page's animation frames either way.
    const count = () => page.evaluate(() => [window.fyf.frames ? window.fyf.frames() : null, window.__benchFrames]);
    const [game0, raf0] = await count();
    await page.waitForTimeout(10000);
    const [game1, raf1] = await count();
    counts.push({ game: game0 === null ? null : game1 - game0, animationFrames: raf1 - raf0 });
    await context.close();
  }
  return counts;
}

/** Plays `GAMES` whole games in one page, answering each card with its first answer. */
async function memoryOverGames(browser) {
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto(BASE);
  await waitForScreen(page, "Title");
  const memory = () => page.evaluate(() => window.__benchMemory.buffer.byteLength);
  const after = [];
  for (let game = 0; game < GAMES; game += 1) {
    // "Start again" on the results leads back into the quiz, by the intro or straight in.
    if ((await screenName(page)) === "Title") await press(page, "Start");
    if ((await screenName(page)) === "Intro") await press(page, "Let’s go");
    await answerCards(page, (options) => options[game % options.length]);
    await waitForScreen(page, "Strengths");
    await press(page, "See my job matches");
    await press(page, "Start again");
    after.push(await memory());
  }
  await context.close();
  return after;
}

const browser = await launch();
const times = await coldAndWarm(browser);
const frames = await idleFrames(browser);
const memory = await memoryOverGames(browser);
await browser.close();

const pick = (rows, key) => median(rows.map((r) => r[key]).filter((v) => v !== undefined));
const POINTS = ["fetch-start", "bytes-done", "instantiated", "first-frame", "content-ready", "title-ready"];

/** The game's frames that started before the title was ready, each as its length in ms
 * (the game marks the start of each of its first frames as `frame:N`). */
function framesBeforeTitle(run) {
  const starts = Object.keys(run).filter((k) => k.startsWith("frame:"))
    .map((k) => [Number(k.slice(6)), run[k]]).sort((a, b) => a[0] - b[0]).map(([, t]) => t);
  const lengths = [];
  for (let i = 0; i + 1 < starts.length && starts[i] < run["title-ready"]; i += 1) {
    lengths.push(starts[i + 1] - starts[i]);
  }
  return lengths;
}

/** The loading frames of the median run by title time: how many, and how long each was. */
function loadingFrames(runs) {
  const sorted = [...runs].filter((r) => r["frame:0"] !== undefined)
    .sort((a, b) => a["title-ready"] - b["title-ready"]);
  if (!sorted.length) return null;
  const run = sorted[Math.floor(sorted.length / 2)];
  return { firstFrameStart: run["frame:0"], lengths: framesBeforeTitle(run) };
}
const result = {
  runs: RUNS,
  cold: Object.fromEntries(POINTS.map((k) => [k, pick(times.cold, k)])),
  warm: Object.fromEntries(POINTS.map((k) => [k, pick(times.warm, k)])),
  coldLoadingFrames: loadingFrames(times.cold),
  warmLoadingFrames: loadingFrames(times.warm),
  startToQuestion: pick(times.question, "startToQuestion"),
  startToIntro: pick(times.question, "startToIntro"),
  letsGoToQuestion: pick(times.question, "letsGoToQuestion"),
  coldTransferBytes: pick(times.transfer, "bytes"),
  coldRequests: pick(times.transfer, "requests"),
  warmTransferBytes: pick(times.warm, "bytes"),
  warmRequests: pick(times.warm, "requests"),
  baselineMs: median(times.baseline),
  idleFrames10s: frames.every((f) => f.game !== null) ? median(frames.map((f) => f.game)) : null,
  idleAnimationFrames10s: median(frames.map((f) => f.animationFrames)),
  idleFramesAll: frames,
  memoryAfterGames: memory,
};
result.titleColdRatio = result.baselineMs ? Math.round((10 * result.cold["title-ready"]) / result.baselineMs) / 10 : null;
console.log(JSON.stringify(result, null, 2));
if (process.env.FYF_BENCH_OUT) writeFileSync(process.env.FYF_BENCH_OUT, JSON.stringify(result, null, 2));
