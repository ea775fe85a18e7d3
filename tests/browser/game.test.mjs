// Plays a whole game in real Chromium as a student would: through the accessible mirror (as a
// screen reader does), by keyboard alone, and by clicking on the canvas. Each run checks what
// appears, saves a screenshot of every screen (target/screenshots/) and fails on any console
// error, panic or request to another origin.

import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync, mkdirSync } from "node:fs";
import {
  launch, open, assertClean, waitForScreen, screenName, buttons, mirrorText, heading,
  afterChange, domPress, SHOTS,
} from "./harness.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const FORMAT_SHOTS = new Set();

/** Answers the quiz until the strengths screen: each card with `choose(options, guard)`
 *  (by default a different answer each time), or skips it when that returns "Skip". */
async function playQuiz(page, shot, press, choose = (options, guard) => options[guard % options.length].label) {
  for (let guard = 0; guard < 40; guard += 1) {
    if ((await screenName(page)) !== "Quiz") break;
    const text = await mirrorText(page);
    assert.match(text, /Question \d+ of \d+/, "progress is always visible");
    // What a screen reader gets: the progress as a named progress bar, the answers as toggle
    // buttons in a named group, and the question announced.
    const progress = await page.$eval('#mirror [role="progressbar"]', (el) => [el.getAttribute("aria-label"), el.getAttribute("aria-valuenow")]);
    const number = progress[0].match(/^Question (\d+) of \d+$/);
    assert.ok(number, `progress bar name: ${progress[0]}`);
    assert.equal(Number(progress[1]), Number(number[1]) - 1, "progress bar value: questions done so far");
    assert.ok(await page.$eval("#mirror", (m) => [...m.querySelectorAll("[aria-pressed]")]
      .every((b) => b.tagName === "BUTTON" && b.closest('[role="group"][aria-label]'))), "answers are buttons in a named group");
    await page.waitForFunction((q) => document.getElementById("announcer").textContent.includes(q), progress[0]);
    const all = await buttons(page);
    assert.ok(all.some((b) => b.label === "Back"), "Back is always there");
    const options = all.filter((b) => b.pressed !== null);
    const isSubjects = all.some((b) => b.label === "Next");
    const kind = isSubjects ? "subjects" : `${options.length}-options`;
    if (!FORMAT_SHOTS.has(kind) || guard === 0) {
      FORMAT_SHOTS.add(kind);
      await shot(`quiz-${kind}`);
    }
    const choice = isSubjects ? null : choose(options, guard);
    if (choice === "Skip") {
      await press("Skip");
      await page.waitForFunction((n) => !document.getElementById("announcer").textContent.includes(n), progress[0]);
    } else if (isSubjects) {
      await press(options[2].label);
      await press(options[0].label);
      await shot("quiz-subjects-chosen");
      await press("Next");
    } else {
      await press(choice);
      // The choice is confirmed to a screen reader, once, with the next question (or, after
      // the last answer, with the strengths screen it leads to).
      await page.waitForFunction((c) => document.getElementById("announcer").textContent.startsWith(`You chose ${c}.`), choice);
    }
  }
  await waitForScreen(page, "Strengths");
}

test("a whole game through the accessible mirror, with screenshots of every screen", async () => {
  const { page, problems, shot, timings, started } = await open(browser, "mirror");
  const press = (label) => domPress(page, label);
  await shot("title");
  assert.equal(await heading(page), "Find Your Fit");
  await press("Start");
  assert.equal(await screenName(page), "Intro");
  assert.match(await mirrorText(page), /no right or wrong answers/);
  await shot("intro");
  await press("Let’s go");
  timings.firstQuestionMs = Date.now() - started;
  await playQuiz(page, shot, press);
  await page.waitForTimeout(1200);
  await shot("strengths");
  assert.match(await mirrorText(page), /What your answers say about you/);
  assert.ok(await page.$('#mirror [role="img"]'), "the chart is described for screen readers");
  await press("See my job matches");
  assert.equal(await screenName(page), "Results");
  await page.waitForTimeout(2000);
  await shot("results");
  const text = await mirrorText(page);
  assert.match(text, /Strong match|Good match|Worth a look/, "how well each job fits, in words");
  assert.doesNotMatch(text, /\d+ ?% fit/, "no falsely precise percentages");
  assert.match(text, /Wildcard/);
  const more = (await buttons(page)).filter((b) => b.label.startsWith("More about "));
  assert.ok(more.length >= 8, `expected at least 8 matches, got ${more.length}`);
  // The matches are a list a screen reader can walk, one item per match, and their arrival
  // is announced.
  const items = await page.$$eval("#mirror ul > li", (lis) => lis.map((li) => li.textContent));
  assert.ok(items.length >= more.length, `one list item per match: ${items.length} items`);
  assert.match(await page.textContent("#announcer"), /Jobs that could fit you/);
  const role = more[0].label.replace("More about ", "");
  await press(more[0].label);
  assert.equal(await screenName(page), "RoleDetail");
  assert.equal(await heading(page), role);
  assert.match(await mirrorText(page), /Myth buster/);
  assert.ok(await page.$('#mirror a[href^="https://"]'), "a link to the official careers page");
  await page.waitForTimeout(800);
  await shot("role-detail");
  await press("Back");
  assert.equal(await screenName(page), "Results");
  await press("Explore all jobs");
  assert.equal(await screenName(page), "Explore");
  const countBefore = (await mirrorText(page)).match(/(\d+) jobs/)[1];
  await press("Patient contact: Any");
  const countAfter = (await mirrorText(page)).match(/(\d+) jobs/)[1];
  assert.ok(Number(countAfter) < Number(countBefore), `filter should narrow ${countBefore} → ${countAfter}`);
  assert.ok((await buttons(page)).some((b) => b.label === "Patient contact: Lots of patient contact"));
  await shot("explore-filtered");
  await press("Menu");
  await page.waitForSelector(`#mirror[data-modal="true"]`, { state: "attached" });
  await shot("settings");
  await press("Close");
  assertClean(problems);
  mkdirSync(SHOTS, { recursive: true });
  writeFileSync(`${SHOTS}timings.json`, JSON.stringify(timings, null, 2));
  console.log(`timings: title after ${timings.titleMs} ms, first question after ${timings.firstQuestionMs} ms`);
});

test("a student who is not sure of anything is told so kindly, and shown no confident match", async () => {
  const { page, problems, shot } = await open(browser, "unsure");
  const press = (label) => domPress(page, label);
  await press("Start");
  await press("Let’s go");
  const unsure = (options) => (options.some((o) => o.label === "Not sure") ? "Not sure" : "Skip");
  await playQuiz(page, async () => {}, press, unsure);
  assert.match(await mirrorText(page), /don’t point one way yet.*answer a few more cards/);
  await page.waitForTimeout(800);
  await shot("strengths-unsure");
  await press("See my job matches");
  await page.waitForTimeout(2000);
  await shot("results-unsure");
  const text = await mirrorText(page);
  assert.match(text, /Answer a few more cards for sharper matches/);
  assert.doesNotMatch(text, /Strong match|Good match/);
  assert.match(text, /Worth a look/);
  assertClean(problems);
});

test("a whole game by keyboard alone", async () => {
  const { page, problems, shot } = await open(browser, "keyboard");
  const press = async (label) => {
    for (let i = 0; i < 300; i += 1) {
      const focused = await page.evaluate(() => document.activeElement && document.activeElement.textContent);
      if (focused === label) {
        await afterChange(page, () => page.keyboard.press("Enter"));
        return;
      }
      await page.keyboard.press("Tab");
    }
    assert.fail(`could not reach "${label}" with Tab`);
  };
  await press("Start");
  await press("Let’s go");
  await shot("first-question-focused");
  await playQuiz(page, shot, press);
  await press("See my job matches");
  const more = (await buttons(page)).find((b) => b.label.startsWith("More about "));
  await press(more.label);
  assert.equal(await screenName(page), "RoleDetail");
  await afterChange(page, () => page.keyboard.press("Escape"));
  assert.equal(await screenName(page), "Results");
  await press("Explore all jobs");
  await press("Family: Any");
  assert.match(await mirrorText(page), /Family: Allied health professions/);
  await page.waitForTimeout(500);
  await shot("explore-keyboard");
  assertClean(problems);
});

test("a whole game by clicking on the canvas", async () => {
  const { page, problems, shot } = await open(browser, "canvas", { width: 800, height: 600 });
  const canvas = await page.$("#game");
  const click = async (label) => {
    for (let attempt = 0; attempt < 30; attempt += 1) {
      const box = await canvas.boundingBox();
      const b = (await buttons(page)).find((x) => x.label === label);
      assert.ok(b, `no "${label}" on ${await screenName(page)}`);
      // `shown` is the part of the button that can be seen; scroll until most of it can.
      const [x, y, w, h] = b.shown;
      if (h >= Math.min(30, b.rect[3])) {
        await afterChange(page, async () => {
          await page.mouse.move(box.x + x + w / 2, box.y + y + h / 2);
          await page.mouse.down();
          await page.waitForTimeout(300);
          await page.mouse.up();
        });
        return;
      }
      // Out of view: scroll the column under the middle of the canvas towards it.
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.wheel(0, b.rect[1] < box.height / 2 ? -120 : 120);
      await page.waitForTimeout(250);
    }
    assert.fail(`could not bring "${label}" into view`);
  };
  await click("Start");
  await click("Let’s go");
  await playQuiz(page, shot, click);
  await click("See my job matches");
  await page.waitForTimeout(2000);
  await shot("results-canvas");
  const more = (await buttons(page)).find((b) => b.label.startsWith("More about "));
  // SwiftShader draws a few frames a second: a press while a screen is still being built or
  // its cards are moving into place can be missed or land beside the button, so a press
  // that should change the screen is tried again (a student would tap again too).
  const go = async (label, screen) => {
    const reached = async () => {
      // A press can take a few slow frames to show: wait for it before pressing again, or a
      // second Back would go one screen too far.
      for (let waited = 0; waited < 4000; waited += 250) {
        if ((await screenName(page)) === screen) return true;
        await page.waitForTimeout(250);
      }
      return false;
    };
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await click(label).catch(() => {});
      if (await reached()) return;
    }
    assert.equal(await screenName(page), screen, `"${label}" did not open ${screen}`);
  };
  await go(more.label, "RoleDetail");
  await go("Back", "Results");
  await go("Explore all jobs", "Explore");
  await click("Subjects: Any");
  const filtered = await mirrorText(page);
  assert.match(filtered, /Subjects: Science/);
  // Science stands for biology, chemistry and physics: the jobs that list them are shown.
  assert.ok(Number(filtered.match(/(\d+) jobs/)[1]) > 10, filtered);
  assertClean(problems);
});

test("phone size, portrait: every screen fits and works", async () => {
  const { page, problems, shot } = await open(browser, "phone", { width: 390, height: 844 }, { isMobile: true, hasTouch: true });
  const press = (label) => domPress(page, label);
  await shot("title");
  await press("Start");
  await press("Let’s go");
  await shot("question");
  await playQuiz(page, shot, press);
  await page.waitForTimeout(1200);
  await shot("strengths");
  await press("See my job matches");
  await page.waitForTimeout(2000);
  await shot("results");
  const more = (await buttons(page)).find((b) => b.label.startsWith("More about "));
  await press(more.label);
  await page.waitForTimeout(800);
  await shot("role-detail");
  await press("Back");
  await press("Explore all jobs");
  await shot("explore");
  // Every control stays inside the phone's width.
  for (const b of await buttons(page)) {
    const [x, , w] = b.rect;
    if (w > 0) assert.ok(x >= -1 && x + w <= 391, `"${b.label}" spills off the screen: x=${x} w=${w}`);
  }
  assertClean(problems);
});

test("no WebGL2: a clear message instead of a blank canvas", async () => {
  const context = await browser.newContext({ viewport: { width: 640, height: 400 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const real = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
      return kind === "webgl2" ? null : real.call(this, kind, ...rest);
    };
  });
  await page.goto((await import("./harness.mjs")).BASE);
  await page.waitForSelector("#problem:not([hidden])");
  assert.match(await page.textContent("#problem"), /needs WebGL 2/);
  mkdirSync(`${SHOTS}errors/`, { recursive: true });
  await page.screenshot({ path: `${SHOTS}errors/no-webgl.png` });
  await context.close();
});
