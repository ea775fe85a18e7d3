// Privacy and hostile conditions in the page: read aloud never uses a voice in the cloud, a
// browser that keeps nothing still plays to the end without claiming to save, a page function
// that throws does not stop the game, and nothing goes to another site on the share, print
// and offline paths (the service worker's requests included).

import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import {
  launch, open, assertClean, waitForScreen, buttons, mirrorText, domPress, answerCards,
} from "./harness.mjs";

const STRINGS = JSON.parse(readFileSync(new URL("../../assets/strings/en-GB.json", import.meta.url), "utf8"));
const UI = STRINGS.ui;

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

/** Before the page's scripts: the browser's voices are `voices`, and what would be spoken is
 * recorded in `window.spoken` ({ text, voice }) instead. */
function stubVoices(voices) {
  window.spoken = [];
  window.SpeechSynthesisUtterance = class {
    constructor(text) { this.text = text; }
  };
  window.speechSynthesis.getVoices = () => voices;
  window.speechSynthesis.speak = (u) => window.spoken.push({ text: u.text, voice: u.voice ? u.voice.name : null });
}

const CLOUD = { name: "Google UK English Female", lang: "en-GB", localService: false, default: true, voiceURI: "Google UK English Female" };
const DEVICE = { name: "Device voice", lang: "en-GB", localService: true, default: false, voiceURI: "device" };

/** Turns read aloud on in the menu, on the first question. */
async function readAloudOnFirstQuestion(page) {
  await domPress(page, "Start");
  await domPress(page, "Let’s go");
  await domPress(page, UI.menu);
  await domPress(page, UI.settings_read_aloud);
}

async function readAgain(page) {
  await domPress(page, UI.close);
  const again = (await buttons(page)).find((b) => b.label === UI.read_again);
  assert.ok(again, "Read it again is offered once read aloud is on");
  await page.$eval(`#mirror [data-id="${again.id}"]`, (el) => el.click());
}

test("read aloud speaks only with a voice on the device, never with one in the cloud", async () => {
  const { page, problems } = await open(browser, "voice-device", undefined,
    { initScript: { content: `(${stubVoices})(${JSON.stringify([CLOUD, DEVICE])})` } });
  await readAloudOnFirstQuestion(page);
  assert.ok(!(await mirrorText(page)).includes(UI.read_aloud_no_voice), "no warning when the device has a voice");
  await readAgain(page);
  await page.waitForFunction(() => window.spoken.length > 0, null, { timeout: 30000 });
  const spoken = await page.evaluate(() => window.spoken);
  assert.match(spoken[spoken.length - 1].text, /Question 1 of \d+/);
  assert.deepEqual([...new Set(spoken.map((s) => s.voice))], [DEVICE.name], "every word through the device's own voice");
  assertClean(problems);
});

test("with only voices in the cloud, read aloud stays silent and the setting says why", async () => {
  const { page, problems, shot } = await open(browser, "voice-cloud", undefined,
    { initScript: { content: `(${stubVoices})(${JSON.stringify([CLOUD])})` } });
  await readAloudOnFirstQuestion(page);
  assert.ok((await mirrorText(page)).includes(UI.read_aloud_no_voice), "the setting says there is no device voice");
  // The note sits under the setting, further down the panel: scroll to it to see it.
  await page.mouse.move(320, 250);
  await page.mouse.wheel(0, 400);
  await page.waitForTimeout(800);
  await shot("settings-no-device-voice");
  await readAgain(page);
  // An answer too: "You chose …" would be said with the next question.
  const options = (await buttons(page)).filter((b) => b.pressed !== null);
  await domPress(page, options[0].label);
  await page.waitForTimeout(1500);
  assert.deepEqual(await page.evaluate(() => window.spoken), [], "nothing was handed to a cloud voice");
  assertClean(problems);
});

/** Storage that throws on every use, as a private window or a school policy can. */
function blockStorage() {
  Object.defineProperty(window, "localStorage", {
    get() { throw new DOMException("The operation is insecure.", "SecurityError"); },
  });
}

/** Storage that reads but will not keep anything new, as a full disk does. */
function fillStorage() {
  Storage.prototype.setItem = function setItem() {
    throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
  };
}

/** Words that would claim something is kept on this device. */
const CLAIMS = [UI.settings_intro, STRINGS.page.crash_next, "saved on this device", "stay on this device"];

function assertNoClaim(text, where) {
  for (const claim of CLAIMS) assert.ok(!text.includes(claim), `${where} claims "${claim}"`);
}

test("with storage blocked the game plays to the results and says saving is off", async () => {
  const { page, problems, shot } = await open(browser, "storage-blocked", undefined,
    { initScript: { content: `(${blockStorage})()` } });
  assert.ok((await mirrorText(page)).includes(UI.saving_off), "the title says saving is off");
  await shot("title-saving-off");
  assertNoClaim(await mirrorText(page), "the title");
  await domPress(page, "Start");
  await domPress(page, "Let’s go");
  await answerCards(page, (options, n) => options[n % options.length]);
  await waitForScreen(page, "Strengths");
  assertNoClaim(await mirrorText(page), "the strengths");
  await domPress(page, "See my job matches");
  await waitForScreen(page, "Results");
  assert.match(await mirrorText(page), /Strong match|Good match|Worth a look/);
  await domPress(page, UI.menu);
  const settings = await mirrorText(page);
  await shot("settings-saving-off");
  assert.ok(settings.includes(UI.settings_intro_unsaved), "the settings say they last until the game closes");
  assertNoClaim(settings, "the settings");
  // If the game stopped now, the page would not promise the answers are saved either.
  await page.evaluate(() => window.fyf.fatal("a stop, for the test"));
  assert.equal(await page.textContent("#problem-next"), STRINGS.page.crash_next_unsaved);
  assertClean(problems);
});

test("with storage full the game says saving is off and still answers", async () => {
  const { page, problems } = await open(browser, "storage-full", undefined,
    { initScript: { content: `(${fillStorage})()` } });
  assert.ok((await mirrorText(page)).includes(UI.saving_off), "the title says saving is off");
  await domPress(page, "Start");
  await domPress(page, "Let’s go");
  const options = (await buttons(page)).filter((b) => b.pressed !== null);
  await domPress(page, options[0].label);
  assert.match(await mirrorText(page), /Question 2 of \d+/);
  await domPress(page, UI.menu);
  assertNoClaim(await mirrorText(page), "the settings");
  assertClean(problems);
});

test("a page function that throws once does not stop the game, and is logged once", async () => {
  const { page, problems } = await open(browser, "glue-throws");
  await page.evaluate(() => {
    const real = window.fyf.render;
    window.renderThrew = 0;
    window.fyf.render = (json) => {
      if (window.renderThrew === 0) {
        window.renderThrew = 1;
        throw new Error("the mirror broke once");
      }
      return real(json);
    };
    const realSound = window.fyf.sound;
    window.fyf.sound = () => { throw new Error("no sound here"); };
    window.realSound = realSound;
  });
  // Start's snapshot is the one that throws; the game goes on to the intro all the same.
  const start = (await buttons(page)).find((b) => b.label === "Start");
  await page.$eval(`#mirror [data-id="${start.id}"]`, (el) => el.click());
  await waitForScreen(page, "Intro", 30000);
  assert.equal(await page.evaluate(() => window.renderThrew), 1);
  await domPress(page, "Let’s go");
  // Sounds on, with a sound function that always throws: answers still go through.
  await domPress(page, UI.menu);
  await domPress(page, UI.settings_sound);
  await domPress(page, UI.close);
  for (let n = 1; n <= 3; n += 1) {
    assert.match(await mirrorText(page), new RegExp(`Question ${n} of \\d+`));
    const options = (await buttons(page)).filter((b) => b.pressed !== null);
    await domPress(page, options[0].label);
  }
  assert.match(await mirrorText(page), /Question 4 of \d+/);
  // Each failing function is logged once, however often it fails.
  const logged = problems.filter((p) => p.startsWith("console error:"));
  assert.equal(logged.filter((p) => p.includes("render failed")).length, 1, logged.join("\n"));
  assert.equal(logged.filter((p) => p.includes("sound failed")).length, 1, logged.join("\n"));
  assertClean(problems.filter((p) => !/the page's (render|sound) failed; the game carries on/.test(p)));
});

test("nothing goes to another site on the share, print and offline paths", async () => {
  // The harness records every request to another origin, the page's and the service
  // worker's, as a problem.
  const { page, context, problems } = await open(browser, "no-leaks");
  await domPress(page, "Start");
  await domPress(page, "Let’s go");
  await answerCards(page, (options, n) => options[n % options.length]);
  await domPress(page, "See my job matches");
  await waitForScreen(page, "Results");
  await domPress(page, "Share or print");
  await page.evaluate(() => { window.printed = 0; window.print = () => { window.printed += 1; }; });
  const print = (await buttons(page)).find((b) => b.label === "Print my profile");
  await page.$eval(`#mirror [data-id="${print.id}"]`, (el) => el.click());
  await page.waitForFunction(() => window.printed === 1, null, { polling: 100, timeout: 20000 });
  // The QR code and the printed profile are drawn here, from data: addresses only.
  assert.ok(await page.$$eval("img", (imgs) => imgs.every((i) => i.src.startsWith("data:"))));
  // The offline copy is stored, then the game opens from it with the network off.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(async () => (await caches.keys()).some((n) => n.startsWith("find-your-fit-")));
  await context.setOffline(true);
  await page.reload();
  await waitForScreen(page, "Title");
  await context.setOffline(false);
  await context.close();
  assertClean(problems);
});

test("a Space press is not lost when the accessible page is rebuilt while the key is down", async () => {
  const { page, problems } = await open(browser, "space-during-rebuild");
  const start = (await buttons(page)).find((b) => b.label === "Start");
  await page.$eval(`#mirror [data-id="${start.id}"]`, (el) => el.focus());
  await page.keyboard.down("Space");
  // The mirror rebuilds its buttons whenever what it shows moves (cards sliding in, a fit
  // counting up); a button rebuilt before the key comes up gets the key-up, not the press.
  await page.evaluate(() => {
    const old = document.activeElement;
    const rebuilt = old.cloneNode(true);
    old.replaceWith(rebuilt);
    rebuilt.focus();
  });
  await page.keyboard.up("Space");
  await waitForScreen(page, "Intro", 20000);
  assertClean(problems);
});
