// Starts the game in the page and keeps the accessible mirror of it (#mirror) up to date.
// Everything here talks only to this site: the game's files and nothing else.

const texts = {
  noWebgl: ["This browser or computer can’t draw the game.",
    "The game needs WebGL 2. Try another browser (Chrome, Edge, Firefox or Safari), or ask your IT team whether WebGL is turned off."],
  download: ["The game didn’t finish downloading.",
    "Check your internet connection and reload the page."],
  crash: ["Sorry, the game stopped working.",
    "Reload the page to try again. Your answers are saved on this device."],
};

const $ = (id) => document.getElementById(id);

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
    case "list":
      el = document.createElement("ul");
      break;
    case "list_item":
      el = document.createElement("li");
      break;
    default:
      el = document.createElement("section");
      if (node.label) el.setAttribute("aria-label", node.label);
  }
  el.dataset.id = node.id;
  el.dataset.rect = node.rect.map((v) => Math.round(v)).join(",");
  for (const child of node.children) el.appendChild(element(child));
  return el;
}

function render(json) {
  const snapshot = JSON.parse(json);
  const mirror = $("mirror");
  const focusedId = document.activeElement && mirror.contains(document.activeElement)
    ? document.activeElement.dataset.id : null;
  mirror.replaceChildren(...snapshot.nodes.map(element));
  mirror.dataset.screen = snapshot.screen;
  mirror.dataset.modal = String(snapshot.modal);
  if (focusedId) {
    const again = mirror.querySelector(`[data-id="${focusedId}"]`);
    if (again) again.focus({ preventScroll: true });
  }
  if (!ready) {
    ready = true;
    $("loader").hidden = true;
  }
}

function focus(id) {
  if (!id) return;
  const el = $("mirror").querySelector(`[data-id="${id}"]`);
  if (el && document.activeElement !== el) el.focus({ preventScroll: true });
}

window.fyf = {
  render,
  focus,
  openUrl: (url) => window.open(url, "_blank", "noopener,noreferrer"),
  fatal: (message) => showProblem(texts.crash, message),
  reducedMotion: () => window.matchMedia("(prefers-reduced-motion: reduce)").matches,
};

// Escape goes back, as it does inside the game.
$("mirror").addEventListener("keydown", (e) => {
  if (e.key === "Escape" && wasm) wasm.fyf_back();
});

// ---- Start: check WebGL 2, download the game with a progress bar, run it. ----

async function download(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  const total = Number(response.headers.get("content-length")) || 0;
  if (!response.body || !total) return response.arrayBuffer();
  const reader = response.body.getReader();
  const chunks = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    $("loader-bar").value = Math.min(100, (100 * received) / total);
  }
  const bytes = new Uint8Array(received);
  let at = 0;
  for (const c of chunks) { bytes.set(c, at); at += c.length; }
  return bytes.buffer;
}

async function start() {
  const probe = document.createElement("canvas");
  if (!probe.getContext("webgl2")) {
    showProblem(texts.noWebgl);
    return;
  }
  let bytes;
  try {
    bytes = await download("find_your_fit_bg.wasm");
  } catch (e) {
    showProblem(texts.download, String(e));
    return;
  }
  $("loader-text").textContent = "Starting…";
  try {
    const module = await import("./find_your_fit.js");
    await module.default({ module_or_path: bytes });
    wasm = module;
  } catch (e) {
    // Bevy's loop on the web unwinds with a harmless "not an error" exception to give control
    // back to the browser; anything else is a real failure.
    if (!String(e).includes("Using exceptions for control flow")) {
      showProblem(texts.crash, String(e && e.stack || e));
      return;
    }
    wasm = await import("./find_your_fit.js");
  }
}

start();
