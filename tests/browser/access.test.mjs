// Every student can play: an automated WCAG 2.2 AA check (axe-core) on every screen, what a
// screen reader hears (roles, names, pressed state, announcements), read aloud, large targets,
// and each setting applied and kept, with screenshots at desktop and phone sizes.

import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import {
  launch, open, assertClean, violations, screenName, buttons, domPress, waitForScreen, afterChange,
  answerCards,
} from "./harness.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

test("axe-core finds no WCAG 2.2 AA problems on any screen", async () => {
  // axe is added to the page by the test, so this one context lets it past the page's CSP.
  const { page, problems } = await open(browser, "axe", undefined, { bypassCSP: true });
  const seen = {};
  const check = async () => { seen[await screenName(page)] = await violations(page); };
  await check();
  await domPress(page, "Start");
  await check();
  await domPress(page, "Let’s go");
  await check();
  await answerCards(page);
  await check();
  await domPress(page, "See my job matches");
  await check();
  const more = (await buttons(page)).find((b) => b.label.startsWith("More about "));
  await domPress(page, more.label);
  await check();
  await domPress(page, "Back");
  await domPress(page, "Explore all jobs");
  await check();
  await domPress(page, "Menu");
  await waitForScreen(page, "Explore");
  seen.Settings = await violations(page);
  for (const screen of ["Title", "Intro", "Quiz", "Strengths", "Results", "RoleDetail", "Explore", "Settings"]) {
    assert.ok(seen[screen], `${screen} was checked`);
    assert.deepEqual(seen[screen], [], `${screen}: axe-core violations`);
  }
  assertClean(problems);
});

test("a screen reader hears the question, its answers as toggle buttons, and the news", async () => {
  const { page, problems } = await open(browser, "screen-reader");
  await page.evaluate(() => {
    // Record what read aloud would say: headless Chromium has no voices, so it is given one
    // of the device's own (read aloud uses no other).
    window.spoken = [];
    const voice = { name: "Device voice", lang: "en-GB", localService: true };
    window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
    window.speechSynthesis.getVoices = () => [voice];
    window.speechSynthesis.speak = (u) => window.spoken.push(u.text);
    window.speechSynthesis.dispatchEvent(new Event("voiceschanged"));
  });
  await domPress(page, "Start");
  await domPress(page, "Let’s go");
  // The question: progress as a progress bar with its name, the answers in a named group.
  const progress = await page.$eval('#mirror [role="progressbar"]', (el) => ({
    name: el.getAttribute("aria-label"), now: el.getAttribute("aria-valuenow"), max: el.getAttribute("aria-valuemax"),
  }));
  assert.match(progress.name, /^Question 1 of \d+$/);
  const group = await page.$eval('#mirror [role="group"]', (g) => ({
    name: g.getAttribute("aria-label"),
    answers: [...g.querySelectorAll("button")].map((b) => [b.textContent, b.getAttribute("aria-pressed")]),
  }));
  assert.equal(group.name, "Answers");
  assert.ok(group.answers.length >= 2 && group.answers.every(([, p]) => p === "false"), JSON.stringify(group));
  const announced = await page.textContent("#announcer");
  assert.match(announced, /^Question 1 of \d+\./);

  // Choosing is announced once, with the next question. A screen reader moves focus to the
  // answer it activates, so the test does too.
  const choice = group.answers[1][0];
  await afterChange(page, () => page.$$eval('#mirror [role="group"] button', (bs) => {
    bs[1].focus();
    bs[1].click();
  }));
  await page.waitForFunction(() => document.getElementById("announcer").textContent.startsWith("You chose"));
  const news = await page.textContent("#announcer");
  assert.ok(news.startsWith(`You chose ${choice}.`), news);
  assert.match(news, /Question 2 of \d+/);
  // Focus went to the new question's heading, not to the top of the page.
  assert.match(await page.evaluate(() => document.activeElement.tagName), /^H[1-6]$/);

  const answers = await page.$$eval('#mirror [role="group"] button', (bs) => bs.map((b) => b.textContent));

  // Read aloud: turned on in the menu (with focus in the mirror, as a screen reader leaves
  // it), the menu closes at once, and "Read it again" reads the question and every answer.
  await domPress(page, "Menu");
  assert.equal(await page.$eval("#mirror", (m) => m.dataset.modal), "true");
  await domPress(page, "Read aloud");
  const readAloud = (await buttons(page)).find((b) => b.label === "Read aloud");
  assert.equal(readAloud.pressed, "true");
  // The mirror has the rebuilt button's real box at once, not an empty one until the next input.
  assert.ok(readAloud.rect[2] >= 44 && readAloud.rect[3] >= 44, `Read aloud at ${readAloud.rect}`);
  await domPress(page, "Close");
  assert.equal(await page.$eval("#mirror", (m) => m.dataset.modal), "false", "the menu closed");
  const before = await page.evaluate(() => window.spoken.length);
  const again = (await buttons(page)).find((b) => b.label === "Read it again");
  assert.ok(again, "Read it again is offered once read aloud is on");
  await page.$eval(`#mirror [data-id="${again.id}"]`, (el) => el.click());
  await page.waitForFunction((n) => window.spoken.length > n, before, { timeout: 30000 });
  const said = await page.evaluate(() => window.spoken[window.spoken.length - 1]);
  assert.match(said, /Question 2 of \d+/);
  let at = 0;
  for (const answer of answers) {
    const found = said.indexOf(answer, at);
    assert.ok(found >= at, `"${answer}" read in order in: ${said}`);
    at = found + answer.length;
  }

  // Number keys choose by place; every control is at least 44 × 44 CSS pixels.
  const third = answers[2] || answers[0];
  await page.keyboard.press(answers[2] ? "3" : "1");
  await page.waitForFunction((t) => document.getElementById("announcer").textContent.startsWith(`You chose ${t}.`), third);
  for (const b of await buttons(page)) {
    const [, , w, h] = b.rect;
    assert.ok(w >= 44 && h >= 44, `"${b.label}" is ${w}×${h}`);
  }
  assertClean(problems);
});

const SETTINGS = [
  { name: "large-text", press: ["200%"] },
  { name: "high-contrast", press: ["High contrast colours"] },
  { name: "dyslexia-font", press: ["Dyslexia-friendly font"] },
];
const SIZES = [
  { name: "desktop", viewport: { width: 800, height: 600 } },
  { name: "phone", viewport: { width: 390, height: 844 }, options: { isMobile: true, hasTouch: true } },
];

for (const size of SIZES) {
  test(`each setting applied and kept (${size.name})`, async () => {
    for (const setting of SETTINGS) {
      const { page, problems, shot } = await open(browser, `settings-${size.name}-${setting.name}`, size.viewport, size.options || {});
      // The dyslexia-friendly font is downloaded only by those who choose it.
      const fontRequests = [];
      page.on("request", (r) => { if (r.url().includes("OpenDyslexic")) fontRequests.push(r.url()); });
      await domPress(page, "Settings");
      assert.deepEqual(fontRequests, [], "the dyslexia font is not downloaded before it is chosen");
      for (const label of setting.press) {
        await domPress(page, label);
        const pressed = (await buttons(page)).find((b) => b.label === label).pressed;
        assert.equal(pressed, "true", `${label} shows as on`);
      }
      if (setting.name === "dyslexia-font") {
        assert.ok(fontRequests.length > 0, "choosing the dyslexia font downloads it");
      }
      await page.waitForTimeout(600);
      await shot("settings");
      await domPress(page, "Close");
      await domPress(page, "Start");
      await domPress(page, "Let’s go");
      await page.waitForTimeout(800);
      await shot("question");
      // Nothing is cut off: every control fits across the screen, at any text size.
      for (const b of await buttons(page)) {
        const [x, , w] = b.rect;
        assert.ok(x >= -1 && x + w <= size.viewport.width + 1, `"${b.label}" spills off: x=${x} w=${w}`);
      }
      // Kept on this device: after a reload the setting is still on.
      await page.reload();
      await waitForScreen(page, "Title");
      await domPress(page, "Settings");
      for (const label of setting.press) {
        assert.equal((await buttons(page)).find((b) => b.label === label).pressed, "true", `${label} kept after reload`);
      }
      assertClean(problems);
      await page.context().close();
    }
  });
}
