//! The bridge to the web page: sends the DOM mirror (with what to announce and read aloud) to
//! `web/app.js`, takes presses and focus from its real HTML buttons, opens links, asks for
//! sounds, copies the share link and prints the profile, reads the page's address (a share
//! link's `#r=…`, `?workshop`), and turns a panic into a message in the page. JavaScript
//! calls in through the exported `fyf_*` functions; each call wakes the (otherwise idle) game
//! loop.

use std::cell::RefCell;

use bevy::prelude::*;
use bevy::window::RequestRedraw;
use bevy::winit::{EventLoopProxyWrapper, WinitUserEvent};
use wasm_bindgen::prelude::*;

use super::a11y::DomSnapshot;
use super::content::{GameContent, PageFiles};
use super::model::{
    Act, Action, Activate, AppSystems, DeviceMotion, DeviceVoice, Dirty, FocusOwner, Focused,
    IncomingLink, Settings, ShareBase, WorkshopQuery,
};
use super::session::{OpenUrl, Session};
use super::sharing::{ShareRequest, tell};

// Every page function is called with `catch`: one that throws (a bug in the page, a browser
// that refuses) must not unwind through the game's frame and stop it responding. `guard`
// logs each failing function once and the game carries on.
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = fyf, js_name = render)]
    fn js_render(json: &str) -> Result<(), JsValue>;
    #[wasm_bindgen(catch, js_namespace = fyf, js_name = focus)]
    fn js_focus(id: &str) -> Result<(), JsValue>;
    #[wasm_bindgen(catch, js_namespace = fyf, js_name = openUrl)]
    fn js_open_url(url: &str) -> Result<(), JsValue>;
    #[wasm_bindgen(catch, js_namespace = fyf, js_name = fatal)]
    fn js_fatal(message: &str) -> Result<(), JsValue>;
    #[wasm_bindgen(catch, js_namespace = fyf, js_name = reducedMotion)]
    fn js_reduced_motion() -> Result<bool, JsValue>;
    #[wasm_bindgen(catch, js_namespace = fyf, js_name = sound)]
    fn js_sound(kind: &str) -> Result<(), JsValue>;
    #[wasm_bindgen(catch, js_namespace = fyf, js_name = copyLink)]
    fn js_copy_link(link: &str) -> Result<(), JsValue>;
    #[wasm_bindgen(catch, js_namespace = fyf, js_name = print)]
    fn js_print(summary_json: &str) -> Result<(), JsValue>;
    #[wasm_bindgen(catch, js_namespace = fyf, js_name = assetRoot)]
    fn js_asset_root() -> Result<String, JsValue>;
    #[wasm_bindgen(catch, js_namespace = fyf, js_name = mark)]
    fn js_mark(name: &str) -> Result<(), JsValue>;
    #[wasm_bindgen(catch, js_namespace = fyf, js_name = contentFile)]
    fn js_content_file(path: &str) -> Result<Option<String>, JsValue>;
}

thread_local! {
    /// The page functions that have thrown, each logged the first time only.
    static FAILED: RefCell<Vec<&'static str>> = const { RefCell::new(Vec::new()) };
}

/// The answer of a page function, or (if it threw) its default, after logging the failure
/// the first time that function fails.
fn guard<T: Default>(what: &'static str, result: Result<T, JsValue>) -> T {
    result.unwrap_or_else(|error| {
        let first = FAILED.with(|f| {
            let mut failed = f.borrow_mut();
            let first = !failed.contains(&what);
            if first {
                failed.push(what);
            }
            first
        });
        if first {
            let said = format!("the page's {what} failed; the game carries on");
            web_sys::console::error_2(&said.into(), &error);
        }
        T::default()
    })
}

/// A content file the page fetched before the game started, if it has it.
fn page_content_file(path: &str) -> Option<String> {
    js_content_file(path).ok().flatten()
}

/// Frames drawn since the game started, for the benchmark's idle check.
static FRAMES: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);

/// The folder the page serves the content from (its name carries a hash of the content, so
/// browsers may keep it for ever); `assets` when the page does not say.
pub(super) fn asset_root() -> String {
    js_asset_root().unwrap_or_else(|_| "assets".into())
}

/// How many frames the game has drawn (the benchmark checks an idle question draws few).
#[wasm_bindgen]
pub fn fyf_frames() -> u32 {
    FRAMES.load(std::sync::atomic::Ordering::Relaxed)
}

/// The size of the game's memory in bytes (the benchmark checks it stops growing).
#[wasm_bindgen]
pub fn fyf_memory_bytes() -> f64 {
    (core::arch::wasm32::memory_size::<0>() * 65536) as f64
}

/// Something the page asked for.
enum FromPage {
    Activate(Entity),
    Focus(Option<Entity>),
    Back,
    /// The page tried to copy the share link: did it work?
    Copied(bool),
    /// Whether the device has a voice of its own to read aloud with.
    Voice(bool),
}

thread_local! {
    static QUEUE: RefCell<Vec<FromPage>> = const { RefCell::new(Vec::new()) };
    static WAKE: RefCell<Option<Box<dyn Fn()>>> = RefCell::new(None);
}

fn entity(id: &str) -> Option<Entity> {
    id.parse::<u64>().ok().and_then(Entity::try_from_bits)
}

fn push(event: FromPage) {
    QUEUE.with(|q| q.borrow_mut().push(event));
    WAKE.with(|w| {
        if let Some(wake) = &*w.borrow() {
            wake();
        }
    });
}

/// The page's button for this entity was clicked (or activated by a screen reader or key).
#[wasm_bindgen]
pub fn fyf_activate(id: &str) {
    if let Some(e) = entity(id) {
        push(FromPage::Activate(e));
    }
}

/// The page's focus moved to this entity's button (or left the mirror: empty id).
#[wasm_bindgen]
pub fn fyf_focus(id: &str) {
    push(FromPage::Focus(entity(id)));
}

/// Escape in the page: go back, or close the menu.
#[wasm_bindgen]
pub fn fyf_back() {
    push(FromPage::Back);
}

/// The page finished copying the share link (`false`: the browser would not let it).
#[wasm_bindgen]
pub fn fyf_copied(ok: bool) {
    push(FromPage::Copied(ok));
}

/// Whether the device has a voice of its own for read aloud (the page asks again when the
/// browser's list of voices changes).
#[wasm_bindgen]
pub fn fyf_voice(available: bool) {
    push(FromPage::Voice(available));
}

/// What the page's address says: where share links point, a share code to open, and the
/// workshop options.
fn read_address(app: &mut App) {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return;
    };
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    let search = location.search().unwrap_or_default();
    // The workshop options stay in the link, so a reload keeps workshop mode.
    app.insert_resource(ShareBase(format!("{origin}{path}")))
        .insert_resource(IncomingLink::from_fragment(
            &location.hash().unwrap_or_default(),
        ))
        .insert_resource(WorkshopQuery::parse(&search));
}

/// Warnings and errors in the browser console. The web build has no Bevy log plugin, so
/// this is the logger: our own warnings, and errors from anything.
struct Console;

impl log::Log for Console {
    fn enabled(&self, meta: &log::Metadata) -> bool {
        meta.level() <= log::Level::Error
            || (meta.level() <= log::Level::Warn && meta.target().starts_with("find_your_fit"))
    }

    fn log(&self, record: &log::Record) {
        if self.enabled(record.metadata()) {
            let text = JsValue::from(record.args().to_string());
            if record.level() == log::Level::Error {
                web_sys::console::error_1(&text);
            } else {
                web_sys::console::warn_1(&text);
            }
        }
    }

    fn flush(&self) {}
}

static CONSOLE: Console = Console;

pub(super) fn plugin(app: &mut App) {
    guard("mark", js_mark("instantiated"));
    if log::set_logger(&CONSOLE).is_ok() {
        log::set_max_level(log::LevelFilter::Warn);
    }
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&message.clone().into());
        guard("fatal", js_fatal(&message));
    }));
    read_address(app);
    app.insert_resource(DeviceMotion {
        reduced: guard("reducedMotion", js_reduced_motion()),
    })
    .insert_resource(FocusOwner::Page)
    .insert_resource(PageFiles(page_content_file))
    .add_systems(Startup, keep_waker)
    .add_systems(First, mark_early_frame)
    .add_systems(Last, (wake_for_input_during_frame, count_frame))
    .add_systems(
        Update,
        mark_content_ready.run_if(resource_added::<GameContent>),
    )
    .add_systems(
        Update,
        take_page_input
            .in_set(AppSystems::RecordInput)
            .before(super::model::InputSystems),
    )
    .add_systems(
        Update,
        (open_urls, play_sounds, copy_and_print).in_set(AppSystems::Present),
    )
    .add_systems(
        PostUpdate,
        (send_snapshot, send_focus).after(super::a11y::A11ySystems),
    );
}

fn keep_waker(proxy: Option<Res<EventLoopProxyWrapper>>) {
    if let Some(proxy) = proxy {
        let proxy = (**proxy).clone();
        WAKE.with(|w| {
            *w.borrow_mut() = Some(Box::new(move || {
                let _ = proxy.send_event(WinitUserEvent::WakeUp);
            }))
        });
    }
}

/// The page can call in while a frame runs (moving focus fires its focus event at once); the
/// wake-up that call sends is swallowed by the running frame, so ask for the next one here.
fn wake_for_input_during_frame(mut redraw: MessageWriter<RequestRedraw>) {
    if QUEUE.with(|q| !q.borrow().is_empty()) {
        redraw.write(RequestRedraw);
    }
}

/// How many of the first frames the benchmark sees, each marked as it starts (the time
/// between two marks is one whole frame, drawing included): where a slow start goes.
const MARKED_FRAMES: u32 = 40;

fn mark_early_frame() {
    let frame = FRAMES.load(std::sync::atomic::Ordering::Relaxed);
    if frame < MARKED_FRAMES {
        guard("mark", js_mark(&format!("frame:{frame}")));
    }
}

fn mark_content_ready() {
    guard("mark", js_mark("content-ready"));
}

fn count_frame() {
    FRAMES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
}

fn take_page_input(
    mut activate: MessageWriter<Activate>,
    mut act: MessageWriter<Act>,
    mut focused: ResMut<Focused>,
    mut session: ResMut<Session>,
    mut dirty: ResMut<Dirty>,
    mut voice: ResMut<DeviceVoice>,
    game: Option<Res<GameContent>>,
) {
    let events = QUEUE.with(|q| std::mem::take(&mut *q.borrow_mut()));
    for event in events {
        match event {
            FromPage::Activate(e) => {
                activate.write(Activate(e));
            }
            // The page ignores being asked to focus what is already focused, so this can't echo.
            FromPage::Focus(e) => {
                focused.set_if_neq(Focused(e));
            }
            FromPage::Back => {
                act.write(Act(Action::Back));
            }
            FromPage::Voice(available) => {
                voice.set_if_neq(DeviceVoice(Some(available)));
            }
            FromPage::Copied(ok) => {
                if let Some(game) = &game {
                    let ui = &game.content.strings.ui;
                    let news = if ok { &ui.link_copied } else { &ui.copy_failed };
                    tell(&mut session, &mut dirty, news.clone());
                }
            }
        }
    }
}

fn send_snapshot(snapshot: Res<DomSnapshot>) {
    if snapshot.is_changed() {
        if let Ok(json) = serde_json::to_string(&*snapshot) {
            guard("render", js_render(&json));
        }
    }
}

/// Focus moved inside the game (keyboard on the canvas, a click): move the page's too.
fn send_focus(focused: Res<Focused>) {
    if focused.is_changed() {
        let id = focused
            .0
            .map(|e| e.to_bits().to_string())
            .unwrap_or_default();
        guard("focus", js_focus(&id));
    }
}

/// A short sound for an answer and for the results, when the student turned sounds on.
fn play_sounds(mut acts: MessageReader<Act>, settings: Res<Settings>) {
    for Act(action) in acts.read() {
        if !settings.sound {
            continue;
        }
        match action {
            Action::Choose { .. } => guard("sound", js_sound("choose")),
            Action::ShowMatches => guard("sound", js_sound("reveal")),
            _ => {}
        }
    }
}

/// Copying and printing happen in the page: the browser's clipboard and its own print (where
/// "Save as PDF" works).
fn copy_and_print(mut requests: MessageReader<ShareRequest>) {
    for request in requests.read() {
        match request {
            ShareRequest::Copy(link) => guard("copyLink", js_copy_link(link)),
            ShareRequest::Print(summary) => {
                let qr = crate::share::qr(&summary.link);
                let page = serde_json::json!({
                    "summary": summary,
                    "qr": qr.as_ref().map(|q| q.bits()),
                    "qr_size": qr.as_ref().map(|q| q.size),
                });
                guard("print", js_print(&page.to_string()));
            }
        }
    }
}

fn open_urls(mut urls: MessageReader<OpenUrl>) {
    for OpenUrl(url) in urls.read() {
        guard("openUrl", js_open_url(url));
    }
}
