// From the workshop to home: keep, drop and compare jobs, share the results by link and QR
// code, open them in a fresh browser, print the careers profile, and run a workshop to the end
// with nothing left behind. Played through the accessible page and by keyboard.

import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { PNG } from "pngjs";
import jsQR from "jsqr";
import {
  launch, open, assertClean, screenName, buttons, domPress, waitForScreen, afterChange,
  mirrorText, heading, violations, answerCards, BASE, SHOTS,
} from "./harness.mjs";


let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

/** Plays the whole quiz through the accessible page, a varied answer on each card. */
async function playToResults(page) {
  await domPress(page, "Start");
  await domPress(page, "Let’s go");
  await answerCards(page, (options, n) => options[n % options.length]);
  await domPress(page, "See my job matches");
  await waitForScreen(page, "Results", 20000);
}

/** The match cards' job titles, in order: each card has "Keep <title>". */
async function matchTitles(page) {
  return (await buttons(page)).filter((b) => b.label.startsWith("Keep ")).map((b) => b.label.slice(5));
}

async function savedAnswers(page) {
  return page.evaluate(() => localStorage.getItem("find-your-fit.save"));
}

/** Reads the QR code drawn on the canvas, from a screenshot of where the mirror says it is. */
async function readQrOffCanvas(page) {
  const rect = await page.$eval("#mirror img.qr", (el) => el.dataset.shown.split(",").map(Number));
  assert.ok(rect[2] > 100 && rect[3] > 100, `the QR code is in view: ${rect}`);
  const box = await (await page.$("#game")).boundingBox();
  const png = PNG.sync.read(await page.screenshot({
    clip: { x: box.x + rect[0] - 8, y: box.y + rect[1] - 8, width: rect[2] + 16, height: rect[3] + 16 },
  }));
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  assert.ok(code, "jsQR found a QR code in the screenshot");
  return code.data;
}

test("share: the link and its QR code open the same results in a fresh browser, and print has the top match", async () => {
  const { page, problems, shot, context } = await open(browser, "share", { width: 640, height: 720 });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(BASE).origin });
  await playToResults(page);
  const first = await matchTitles(page);
  await domPress(page, `Keep ${first[0]}`);
  await domPress(page, `Not for me: ${first[1]}`);
  const expected = await matchTitles(page);
  assert.ok(!expected.includes(first[1]), "the dropped job is gone");
  await page.waitForTimeout(1500);
  await shot("results-kept-and-dropped");

  await domPress(page, "Share or print");
  await waitForScreen(page, "Share", 20000);
  const link = await page.$$eval("#mirror p", (ps, base) => ps.map((p) => p.textContent).find((t) => t.startsWith(base)), BASE);
  assert.ok(link && link.includes("#r="), `the link is shown as text: ${link}`);
  const alt = await page.$eval("#mirror img.qr", (el) => el.alt);
  assert.equal(alt, "QR code with the link to your results");
  await page.waitForTimeout(1500);
  await shot("share-screen");
  assert.equal(await readQrOffCanvas(page), link, "the QR code on screen holds the same link");
  console.log(`share link: ${link.length} characters`);

  // Copy: the browser's clipboard gets the link, and the screen says so.
  await domPress(page, "Copy link");
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  assert.match(await mirrorText(page), /The link is copied/);

  // Print: the page lays out the profile and opens the browser's print; save it as a PDF.
  await page.evaluate(() => { window.printed = 0; window.print = () => { window.printed += 1; }; });
  // Printing changes nothing on screen, so press it and wait for the print dialog alone.
  const print = (await buttons(page)).find((b) => b.label === "Print my profile");
  await page.$eval(`#mirror [data-id="${print.id}"]`, (el) => el.click());
  await page.waitForFunction(() => window.printed === 1, null, { polling: 100, timeout: 20000 });
  const pdf = await page.pdf({ format: "A4", printBackground: true, path: `${SHOTS}share/profile-a4.pdf` });
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: true }).promise;
  assert.ok(doc.numPages >= 1 && doc.numPages <= 2, `one or two A4 pages, not ${doc.numPages}`);
  let printed = "";
  for (let p = 1; p <= doc.numPages; p += 1) {
    printed += (await (await doc.getPage(p)).getTextContent()).items.map((i) => i.str).join(" ");
  }
  assert.ok(printed.replace(/\s+/g, " ").includes(expected[0]), `the top match ${expected[0]} is printed`);
  assert.match(printed, /Something that surprised me/);
  const letter = await page.pdf({ format: "Letter", printBackground: true });
  const letterDoc = await getDocument({ data: new Uint8Array(letter), useSystemFonts: true }).promise;
  assert.ok(letterDoc.numPages <= 2, `US Letter: ${letterDoc.numPages} pages`);
  console.log(`printed profile: ${doc.numPages} A4 page(s), ${letterDoc.numPages} Letter page(s)`);

  // A fresh browser (a phone at home): the same results, marked as shared, saved nowhere.
  const other = await open(browser, "share-opened", { width: 360, height: 640 }, {}, link, "Strengths");
  assert.match(await mirrorText(other.page), /These results came from a link/);
  await other.shot("shared-strengths");
  await domPress(other.page, "See my job matches");
  await waitForScreen(other.page, "Results", 20000);
  assert.deepEqual(await matchTitles(other.page), expected, "the same matches, in the same order");
  const kept = (await buttons(other.page)).find((b) => b.label === `Keep ${first[0]}`);
  assert.equal(kept && kept.pressed, "true", "the kept job is kept");
  assert.equal(await savedAnswers(other.page), null, "shared results are not saved on the device");
  await other.page.waitForTimeout(1500);
  await other.shot("shared-results-phone");
  await domPress(other.page, "Take the quiz yourself");
  await waitForScreen(other.page, "Title", 20000);
  assertClean(other.problems);
  await other.context.close();

  // A mangled link: a friendly message on the title screen, never a blank page.
  const broken = await open(browser, "share-broken", undefined, {}, `${link.slice(0, -12)}`, "Title");
  assert.match(await mirrorText(broken.page), /broken or cut short/);
  await broken.shot("broken-link");
  assertClean(broken.problems);
  await broken.context.close();
  assertClean(problems);
});

test("keep, drop, undo and compare by keyboard alone", async () => {
  const { page, problems, shot } = await open(browser, "compare-keyboard");
  const press = async (label, key = "Enter") => {
    for (let i = 0; i < 200; i += 1) {
      const focused = await page.evaluate(() => document.activeElement && document.activeElement.textContent);
      if (focused === label) {
        await afterChange(page, () => page.keyboard.press(key));
        return;
      }
      await page.keyboard.press("Tab");
    }
    assert.fail(`could not reach "${label}" with Tab`);
  };
  await playToResults(page);
  const titles = await matchTitles(page);
  await press(`Keep ${titles[0]}`, "Space");
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute("aria-pressed")), "true",
    "focus stays on the Keep button, now pressed");
  await press(`Keep ${titles[1]}`, "Space");
  await press(`Not for me: ${titles[2]}`);
  assert.ok(!(await matchTitles(page)).includes(titles[2]));
  await press("Undo");
  assert.deepEqual(await matchTitles(page), titles, "undo puts it back");
  await press("Compare jobs");
  await waitForScreen(page, "Compare", 20000);
  const text = await mirrorText(page);
  for (const t of titles.slice(0, 2)) assert.ok(text.includes(t), `${t} compared`);
  assert.equal((text.match(/Patient contact/g) || []).length, 2);
  await page.waitForTimeout(1200);
  await shot("compare");
  await afterChange(page, () => page.keyboard.press("Escape"));
  await waitForScreen(page, "Results", 20000);
  assertClean(problems);
});

test("a workshop from start to clear leaves no answers on the computer", async () => {
  const { page, problems, shot } = await open(browser, "workshop", undefined, {}, `${BASE}?workshop&idle=10`);
  await playToResults(page);
  assert.ok(await savedAnswers(page), "saved while playing, in case the tab is closed");
  await domPress(page, "Finish and clear my answers");
  await waitForScreen(page, "Share", 20000);
  assert.equal(await heading(page), "Before you go");
  await page.waitForTimeout(1200);
  await shot("before-you-go");
  await domPress(page, "Finish and clear my answers");
  await waitForScreen(page, "Title", 20000);
  assert.equal(await savedAnswers(page), null, "nothing left");
  assert.ok(!(await buttons(page)).some((b) => b.label === "Carry on"));

  // The next student wanders off mid-quiz: after the idle time the game asks, then clears.
  await domPress(page, "Start");
  await domPress(page, "Let’s go");
  await domPress(page, (await buttons(page)).find((b) => b.pressed !== null).label);
  await page.waitForFunction(() => document.getElementById("mirror").textContent.includes("Still there?"), null, { timeout: 40000 });
  await shot("still-there");
  // Answering it is covered by the headless tests; here nobody does, and it clears.
  await waitForScreen(page, "Title", 40000);
  assert.equal(await savedAnswers(page), null, "cleared for the next student");
  assertClean(problems);
});

test("axe-core finds no WCAG 2.2 AA problems on the new screens", async () => {
  const { page, problems } = await open(browser, "axe-share", undefined, { bypassCSP: true }, `${BASE}?workshop`);
  await playToResults(page);
  const titles = await matchTitles(page);
  await domPress(page, `Keep ${titles[0]}`);
  await domPress(page, `Keep ${titles[1]}`);
  await domPress(page, `Not for me: ${titles[2]}`);
  const seen = { Results: await violations(page) };
  await domPress(page, "Compare jobs");
  await waitForScreen(page, "Compare", 20000);
  seen.Compare = await violations(page);
  await domPress(page, "Back");
  await waitForScreen(page, "Results", 20000);
  await domPress(page, "Share or print");
  await waitForScreen(page, "Share", 20000);
  seen.Share = await violations(page);
  await domPress(page, "Back");
  await waitForScreen(page, "Results", 20000);
  await domPress(page, "Finish and clear my answers");
  await waitForScreen(page, "Share", 20000);
  seen.BeforeYouGo = await violations(page);
  for (const [screen, found] of Object.entries(seen)) assert.deepEqual(found, [], `${screen}: axe-core violations`);
  assertClean(problems);
});
