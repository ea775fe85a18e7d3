// Shared set-up for the browser tests: Debian's Chromium through playwright-core, a page that
// fails the test on any console error, page error or request to another origin, and helpers
// that read the game's accessible mirror (#mirror) and act on it.

import { chromium } from "playwright-core";
import { mkdirSync, rmSync } from "node:fs";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

export const BASE = process.env.FYF_URL || "http://127.0.0.1:8080/";
export const SHOTS = new URL("../../target/screenshots/", import.meta.url).pathname;

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: [
      "--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--no-first-run", "--disable-quic",
    ],
  });
}

/** Opens the game in a fresh context (at `address`, the game's own address unless given, and
 * waiting for `screen`); returns { page, problems, shot, timings }. `options` are the
 * context's, plus `initScript`: a function run in the page before any of its own scripts.
 * Every request the context makes (the service worker's included) to another origin is a
 * problem. */
export async function open(browser, name, viewport = { width: 640, height: 400 }, options = {},
  address = BASE, screen = "Title") {
  const { initScript, ...contextOptions } = options;
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, ...contextOptions });
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  const problems = [];
  const origin = new URL(address).origin;
  context.on("request", (r) => {
    const url = r.url();
    if (r.serviceWorker() && !url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:")) {
      problems.push(`request to another origin from the service worker: ${url}`);
    }
  });
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console error: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  // The console only says "404"; name the file so a missing asset is found at once.
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()} for ${r.url()}`);
  });
  page.on("request", (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:")) {
      problems.push(`request to another origin: ${url}`);
    }
  });
  const dir = `${SHOTS}${name}/`;
  // Each run starts its folder afresh, so the screenshots are all from this run.
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let n = 0;
  const shot = async (label) => {
    n += 1;
    await page.screenshot({ path: `${dir}${String(n).padStart(2, "0")}-${label}.png` });
  };
  const started = Date.now();
  await page.goto(address);
  await waitForScreen(page, screen);
  const timings = { titleMs: Date.now() - started };
  return { page, context, problems, shot, timings, started };
}

export function assertClean(problems) {
  assert.deepEqual(problems, [], `problems in the page:\n${problems.join("\n")}`);
}

export async function waitForScreen(page, screen, timeout = 60000) {
  await page.waitForSelector(`#mirror[data-screen="${screen}"]`, { state: "attached", timeout });
}

export async function screenName(page) {
  return page.$eval("#mirror", (m) => m.dataset.screen);
}

/** The mirror's buttons: [{ id, label, pressed, rect, shown }] (drawn and visible boxes). */
export async function buttons(page) {
  return page.$$eval("#mirror button, #mirror a", (els) => els.map((el) => ({
    id: el.dataset.id,
    label: el.textContent,
    pressed: el.getAttribute("aria-pressed"),
    rect: el.dataset.rect.split(",").map(Number),
    shown: el.dataset.shown.split(",").map(Number),
  })));
}

export async function mirrorText(page) {
  return page.$eval("#mirror", (m) => m.innerText || m.textContent);
}

export async function heading(page) {
  return page.$eval("#mirror", (m) => (m.querySelector("h1, h2") || {}).textContent || "");
}

/** What the mirror says, without where things are drawn (that moves while cards animate). */
function structure() {
  return document.getElementById("mirror").innerHTML.replace(/ data-(rect|shown)="[^"]*"/g, "");
}

/** Waits until what the mirror says changes after an action (new screen, new question…). */
export async function afterChange(page, action) {
  const before = await page.evaluate(structure);
  await action();
  await page.waitForFunction(
    (b) => document.getElementById("mirror").innerHTML.replace(/ data-(rect|shown)="[^"]*"/g, "") !== b,
    before,
    { timeout: 30000 },
  );
  // Let it settle: a press can change more than one thing over a few frames (a card's fit
  // counting up, the next screen arriving), so wait until it holds still for a moment.
  let last = await page.evaluate(structure);
  for (let i = 0; i < 20; i += 1) {
    await page.waitForTimeout(250);
    const now = await page.evaluate(structure);
    if (now === last) break;
    last = now;
  }
}

/** Clicks a mirror button as a screen reader activates it. */
export async function domPress(page, label) {
  const list = await buttons(page);
  const b = list.find((x) => x.label === label);
  assert.ok(b, `no button "${label}" on ${await screenName(page)}; have: ${list.map((x) => x.label).join(" | ")}`);
  await afterChange(page, () => page.$eval(`#mirror [data-id="${b.id}"]`, (el) => el.click()));
}

/** Answers cards through the mirror until the quiz ends (or after `limit` cards), each with
 * the answer `pick(options, n)` chooses for the n-th card (the first answer unless told); on
 * the subjects card that one subject, then Next. */
export async function answerCards(page, pick = (options) => options[0], limit = 40) {
  for (let n = 0; n < limit && (await screenName(page)) === "Quiz"; n += 1) {
    const all = await buttons(page);
    const options = all.filter((b) => b.pressed !== null);
    await domPress(page, pick(options, n).label);
    if (all.some((b) => b.label === "Next")) await domPress(page, "Next");
  }
}

/** Runs axe-core on the page and returns its WCAG 2.2 A/AA violations, described. The page
 * must be opened with `bypassCSP: true`, since axe is a script the page's CSP would refuse. */
export async function violations(page) {
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
  }));
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}
