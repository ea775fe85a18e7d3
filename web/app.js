// Starts the game in the page and keeps the accessible mirror of it (#mirror) up to date.
// Everything here talks only to this site: the game's files and nothing else.

const $ = (id) => document.getElementById(id);

// The page's words, written into index.html from the strings file by the web build.
const page = JSON.parse($("page-strings").textContent);
// The build's file names (each carries a hash of its contents) and the wasm's size.
const build = JSON.parse($("build").textContent);
// Whether this browser lets the game keep anything (private windows and school policies can
// refuse, and a full disk does): if not, no message may say the answers are saved.
function storageWorks() {
  try {
    const key = "find-your-fit.probe";
    window.localStorage.setItem(key, "1");
    window.localStorage.removeItem(key);
    return true;
  } catch {
    return false;
  }
}

const texts = {
  noWebgl: [page.no_webgl, page.no_webgl_next],
  download: [page.download_failed, page.download_failed_next],
  get crash() { return [page.crash, storageWorks() ? page.crash_next : page.crash_next_unsaved]; },
};

function showProblem([text, next], details = "") {
  $("loader").hidden = true;
  $("problem").hidden = false;
  $("problem-text").textContent = text;
  $("problem-next").textContent = next;
  $("problem-details").textContent = details;
}

let wasm = null;
let ready = false;

// ---- The mirror: real headings, text and buttons for screen readers and keyboards. ----

function element(node) {
  let el;
  switch (node.kind) {
    case "heading":
      el = document.createElement(`h${Math.min(6, Math.max(1, node.level || 2))}`);
      el.textContent = node.label;
      break;
    case "text":
      el = document.createElement("p");
      el.textContent = node.label;
      break;
    case "button":
      el = document.createElement("button");
      el.type = "button";
      el.textContent = node.label;
      if (node.pressed !== null && node.pressed !== undefined) el.setAttribute("aria-pressed", String(node.pressed));
      el.addEventListener("click", () => wasm && wasm.fyf_activate(node.id));
      el.addEventListener("focus", () => wasm && wasm.fyf_focus(node.id));
      break;
    case "link":
      el = document.createElement("a");
      el.href = node.url;
      el.target = "_blank";
      el.rel = "noopener noreferrer";
      el.textContent = node.label;
      el.addEventListener("focus", () => wasm && wasm.fyf_focus(node.id));
      break;
    case "progress":
      el = document.createElement("div");
      el.setAttribute("role", "progressbar");
      el.setAttribute("aria-valuemin", "0");
      el.setAttribute("aria-valuemax", String(node.max));
      el.setAttribute("aria-valuenow", String(node.value));
      el.setAttribute("aria-label", node.label);
      break;
    case "image":
      el = document.createElement("div");
      el.setAttribute("role", "img");
      el.setAttribute("aria-label", node.label);
      break;
    case "qr":
      el = qrImage(node.modules, node.size, node.label);
      break;
    case "list":
      el = document.createElement("ul");
      break;
    case "list_item":
      el = document.createElement("li");
      break;
    default:
      el = document.createElement("div");
      if (node.label) {
        el.setAttribute("role", "group");
        el.setAttribute("aria-label", node.label);
      }
  }
  el.dataset.id = node.id;
  el.dataset.rect = node.rect.map((v) => Math.round(v)).join(",");
  el.dataset.shown = node.shown.map((v) => Math.round(v)).join(",");
  for (const child of node.children) el.appendChild(element(child));
  return el;
}

// A QR code as an image the page owns (for screen readers, printing and tests), drawn from
// the game's squares as SVG: one path, made only of numbers, so no text from anywhere else
// goes into it.
function qrImage(modules, size, label) {
  const quiet = 4;
  const side = size + 2 * quiet;
  let path = "";
  for (let i = 0; i < modules.length; i++) {
    if (modules[i] === "1") path += `M${(i % size) + quiet} ${Math.floor(i / size) + quiet}h1v1h-1z`;
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges">`
    + `<rect width="${side}" height="${side}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
  const img = document.createElement("img");
  img.src = `data:image/svg+xml,${encodeURIComponent(svg)}`;
  img.alt = label;
  img.className = "qr";
  return img;
}

// ---- Copying the share link and printing the careers profile. ----

async function copyLink(link) {
  let ok = false;
  try {
    await navigator.clipboard.writeText(link);
    ok = true;
  } catch (e) {
    console.warn("copy failed", e);
  }
  // A task of its own: the game may still be finishing the frame that asked (a clipboard that
  // answers at once resolves before it ends), and a wake-up sent then would be lost.
  setTimeout(() => wasm && wasm.fyf_copied(ok), 0);
}

function add(parent, tag, text, className) {
  const el = document.createElement(tag);
  if (text !== undefined) el.textContent = text;
  if (className) el.className = className;
  parent.appendChild(el);
  return el;
}

function printRoles(section, heading, roles, labels, reasonsEach) {
  if (!roles.length) return;
  add(section, "h2", heading);
  const list = add(section, "ul", undefined, "roles");
  for (const role of roles) {
    const item = add(list, "li");
    add(item, "h3", role.fit ? `${role.title} (${role.fit})` : role.title);
    if (role.reasons.length) {
      const reasons = add(item, "ul");
      for (const r of role.reasons.slice(0, reasonsEach)) add(reasons, "li", r);
    }
    add(item, "p", `${labels.subjects}: ${role.subjects}. ${labels.routes}: ${role.routes}.`);
  }
}

// The profile is laid out in #print (shown only when printing), then the browser's own print
// dialog opens: "Save as PDF" keeps it for a careers portfolio.
function print(json) {
  const { summary, qr, qr_size } = JSON.parse(json);
  const l = summary.labels;
  const section = $("print");
  section.replaceChildren();
  add(section, "h1", l.title);
  add(section, "p", l.intro, "intro");
  const top = add(section, "div", undefined, "top");
  const strengths = add(top, "div");
  add(strengths, "h2", l.strengths);
  const list = add(strengths, "ul");
  for (const s of summary.strengths) add(list, "li", s);
  const chart = add(top, "div", undefined, "chart");
  add(chart, "h2", l.chart);
  for (const bar of summary.chart) {
    const row = add(chart, "div", undefined, "bar");
    add(row, "span", bar.label);
    const track = add(row, "span", undefined, "track");
    const fill = add(track, "span", undefined, "fill");
    fill.style.width = `${bar.percent ?? 0}%`;
    add(row, "span", bar.percent === null ? "–" : `${bar.percent}%`);
  }
  // One A4 page: the jobs the student kept first (their own choice), then the best matches
  // not already there, five jobs in all, each with its best reason.
  const kept = summary.shortlist.slice(0, 4);
  const others = summary.matches.filter((m) => !kept.some((k) => k.title === m.title));
  printRoles(section, l.shortlist, kept, l, 1);
  printRoles(section, l.matches, others.slice(0, Math.max(1, 5 - kept.length)), l, 1);
  const end = add(section, "div", undefined, "end");
  const reflect = add(end, "div", undefined, "reflect");
  add(reflect, "h2", l.reflection);
  summary.prompts.forEach((prompt, i) => {
    add(reflect, "h3", prompt);
    // "Three jobs…" gets a line for each job.
    for (let n = 0; n < (i === 0 ? 3 : 1); n += 1) add(reflect, "div", undefined, "write");
  });
  if (qr) {
    const code = add(end, "figure", undefined, "code");
    code.appendChild(qrImage(qr, qr_size, l.scan));
    add(code, "figcaption", l.scan);
  }
  add(section, "p", summary.link, "link");
  window.print();
}

// ---- Announcements, read aloud and sounds. ----

let lastSeq = 0;
let speaking = false;

// Read aloud speaks only with a voice that runs on this device. A voice in the cloud (in
// Chrome, the "Google …" voices) would send the question and the student's answer away, so
// it is never used, and with no voice of the device's own the game says so in its settings.
function deviceVoice() {
  if (!("speechSynthesis" in window)) return null;
  const tag = (v) => String(v.lang || "").toLowerCase().replace("_", "-");
  const lang = document.documentElement.lang.toLowerCase();
  const local = window.speechSynthesis.getVoices().filter((v) => v.localService === true);
  return local.find((v) => tag(v) === lang)
    || local.find((v) => tag(v).split("-")[0] === lang.split("-")[0])
    || null;
}

// Browsers find their voices a little after the page opens, and again when one is installed.
function tellVoice() {
  if (wasm) wasm.fyf_voice(Boolean(deviceVoice()));
}
if ("speechSynthesis" in window) window.speechSynthesis.addEventListener("voiceschanged", tellVoice);

function announce(snapshot) {
  const { seq, text, speech } = snapshot.announcement;
  if (!snapshot.read_aloud && speaking) {
    window.speechSynthesis.cancel();
    speaking = false;
  }
  if (seq === lastSeq) return;
  lastSeq = seq;
  // Clearing first makes screen readers say it even when the words are the same as before.
  const announcer = $("announcer");
  announcer.textContent = "";
  setTimeout(() => { announcer.textContent = text; }, 50);
  const voice = snapshot.read_aloud && speech ? deviceVoice() : null;
  if (voice) {
    window.speechSynthesis.cancel();
    const utterance = new SpeechSynthesisUtterance(speech);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.rate = 0.95;
    utterance.onend = () => { speaking = false; };
    speaking = true;
    window.speechSynthesis.speak(utterance);
  }
}

let audio = null;

// Made here from plain tones, so there is nothing to download: a soft blip for an answer, a
// rising three-note chime for the results.
function sound(kind) {
  const Context = window.AudioContext || window.webkitAudioContext;
  if (!Context) return;
  audio = audio || new Context();
  const notes = kind === "reveal" ? [523, 659, 784] : [660];
  notes.forEach((hz, i) => {
    const start = audio.currentTime + i * 0.11;
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.type = "sine";
    osc.frequency.value = hz;
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.15, start + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.18);
    osc.connect(gain).connect(audio.destination);
    osc.start(start);
    osc.stop(start + 0.2);
  });
}

function render(json) {
  const snapshot = JSON.parse(json);
  announce(snapshot);
  const mirror = $("mirror");
  const focusedId = document.activeElement && mirror.contains(document.activeElement)
    ? document.activeElement.dataset.id : null;
  mirror.replaceChildren(...snapshot.nodes.map(element));
  mirror.dataset.screen = snapshot.screen;
  mirror.dataset.modal = String(snapshot.modal);
  if (focusedId) {
    // Keep focus where it was; if that control has gone (a new screen or question), start
    // the keyboard and screen reader at the top of what replaced it, not at the page's top.
    const again = mirror.querySelector(`[data-id="${focusedId}"]`) || mirror.querySelector("h1, h2, h3");
    if (again) {
      if (!again.matches("button, a")) again.tabIndex = -1;
      again.focus({ preventScroll: true });
    }
  }
  mark("first-frame");
  mark(`screen:${snapshot.screen}`);
  if (snapshot.screen === "Title") mark("title-ready");
  if (snapshot.screen === "Quiz" && mirror.querySelector("[aria-pressed]")) mark("first-question");
  if (!ready) {
    ready = true;
    $("loader").hidden = true;
    setTimeout(keepOfflineCopy, 0);
  }
}

function focus(id) {
  if (!id) return;
  const el = $("mirror").querySelector(`[data-id="${id}"]`);
  if (el && document.activeElement !== el) el.focus({ preventScroll: true });
}

window.fyf = {
  render,
  // Where the content is: a folder whose name carries a hash of what is in it.
  assetRoot: () => build.assets,
  contentFile: (path) => contentFiles.get(path),
  mark,
  // For the benchmark: frames the game has drawn, and the size of its memory.
  frames: () => wasm && wasm.fyf_frames(),
  memoryBytes: () => wasm && wasm.fyf_memory_bytes(),
  focus,
  openUrl: (url) => window.open(url, "_blank", "noopener,noreferrer"),
  fatal: (message) => showProblem(texts.crash, message),
  sound,
  copyLink,
  print,
  reducedMotion: () => window.matchMedia("(prefers-reduced-motion: reduce)").matches,
};

// Keys in the page (the canvas hears its own): Escape goes back, as it does inside the game;
// arrow keys move between the buttons of one group (a question's answers, the text sizes);
// number keys choose a question's answer by its place.
document.addEventListener("keydown", (e) => {
  if (!wasm || e.target === $("game") || e.altKey || e.ctrlKey || e.metaKey) return;
  const mirror = $("mirror");
  if (e.key === "Escape") {
    wasm.fyf_back();
    return;
  }
  // Space presses a button as it goes down, as Enter does, not as it comes up: the mirror is
  // rebuilt while cards move, and a button rebuilt between the two would lose the press.
  if (e.key === " " && mirror.contains(e.target) && e.target.matches("button")) {
    e.preventDefault();
    if (!e.repeat) e.target.click();
    return;
  }
  const arrows = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 };
  if (e.key in arrows && mirror.contains(e.target) && e.target.matches("[aria-pressed]")) {
    const group = [...e.target.parentElement.querySelectorAll(":scope > [aria-pressed]")];
    const at = group.indexOf(e.target);
    const next = group[(at + arrows[e.key] + group.length) % group.length];
    if (next && next !== e.target) {
      e.preventDefault();
      next.focus();
    }
    return;
  }
  if (/^[1-9]$/.test(e.key) && mirror.dataset.screen === "Quiz" && mirror.dataset.modal !== "true") {
    const options = mirror.querySelectorAll("[aria-pressed]");
    const option = options[Number(e.key) - 1];
    if (option) {
      e.preventDefault();
      option.click();
    }
  }
});

// ---- Start: check WebGL 2, download the game with a progress bar, run it. ----

// Time points for the benchmark (`cargo xtask bench-web`) and the browser's own tools.
const marked = new Set();
function mark(name) {
  if (marked.has(name)) return;
  marked.add(name);
  performance.mark(`fyf:${name}`);
}

// The content files download now, beside the game, rather than one after another once it
// runs. The game takes them from here in its first frame (`fyf.contentFile`); any file that
// has not arrived it fetches itself.
const contentFiles = new Map();
const contentArrived = Promise.all(build.preload.map((file) =>
  fetch(`${build.assets}/${file}`)
    .then((response) => (response.ok ? response.text() : null))
    .then((text) => { if (text !== null) contentFiles.set(file, text); })
    .catch(() => {})));

// The progress bar reads a copy of the download as it arrives, while the browser compiles
// the original as it streams in (compileStreaming). Bytes are counted after
// decompression, so the total is the wasm's own size, not the compressed Content-Length.
async function watchProgress(response) {
  const reader = response.body && response.body.getReader();
  if (!reader) return;
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.length;
    $("loader-bar").value = Math.min(100, (100 * received) / build.wasm_bytes);
  }
  mark("bytes-done");
  $("loader-text").textContent = page.starting;
}

async function start() {
  // The download and the glue start first (the page's preloads already asked for them); the
  // WebGL check, which can take a while on a weak GPU, runs while they arrive.
  mark("fetch-start");
  const download = fetch(build.wasm);
  const glue = import(`./${build.glue}`);
  download.catch(() => {});
  glue.catch(() => {});
  const probe = document.createElement("canvas");
  if (!probe.getContext("webgl2")) {
    showProblem(texts.noWebgl);
    return;
  }
  let response;
  try {
    response = await download;
    if (!response.ok) throw new Error(`${build.wasm}: ${response.status}`);
  } catch (e) {
    showProblem(texts.download, String(e));
    return;
  }
  const progress = watchProgress(response.clone()).catch(() => {});
  try {
    // Compiled while it streams in. The game starts as soon as it is compiled and the content
    // files are here (small, and started first; a slow one is not waited for long).
    const wasmType = response.headers.get("content-type") || "";
    const compiled = wasmType.startsWith("application/wasm")
      ? WebAssembly.compileStreaming(response)
      : response.arrayBuffer().then((bytes) => WebAssembly.compile(bytes));
    const [module, compiledModule] = await Promise.all([glue, compiled,
      Promise.race([contentArrived, new Promise((done) => setTimeout(done, 2000))])]);
    await module.default({ module_or_path: compiledModule });
    wasm = module;
  } catch (e) {
    // Bevy's loop on the web unwinds with a harmless "not an error" exception to give control
    // back to the browser; anything else is a real failure.
    if (!String(e).includes("Using exceptions for control flow")) {
      await progress;
      const failed = e instanceof TypeError || String(e).includes("fetch");
      showProblem(failed ? texts.download : texts.crash, String(e && e.stack || e));
      return;
    }
    wasm = await glue;
  }
  tellVoice();
}

// ---- Offline: the service worker keeps this version on the device. ----

// Says "A new version is ready" when a newer version than this page has been stored; it
// starts the next time the game is opened, never in the middle of a game.
function watchForUpdates(registration) {
  navigator.serviceWorker.addEventListener("message", (event) => {
    if (event.data && event.data.build && event.data.build !== build.id) {
      $("update").hidden = false;
      setTimeout(() => { $("update").hidden = true; }, 10000);
    }
  });
  registration.addEventListener("updatefound", () => {
    const worker = registration.installing;
    if (!worker) return;
    worker.addEventListener("statechange", () => {
      // Asks the new version which build it holds; the answer arrives as a message.
      if (worker.state === "installed" && navigator.serviceWorker.controller) worker.postMessage("build");
    });
  });
  // A game opened offline hears of a new version once the connection is back.
  window.addEventListener("online", () => registration.update().catch(() => {}));
}

// Registered once the game shows its first screen, so storing the offline copy does not
// compete with the first start.
let offlineRegistered = false;
function keepOfflineCopy() {
  if (offlineRegistered || !("serviceWorker" in navigator)) return;
  offlineRegistered = true;
  navigator.serviceWorker.register("sw.js").then(watchForUpdates, (e) => console.warn("no offline copy", e));
}

start();
