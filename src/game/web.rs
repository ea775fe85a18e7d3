//! The bridge to the web page: sends the DOM mirror (with what to announce and read aloud) to
//! `web/app.js`, takes presses and focus from its real HTML buttons, opens links, asks for
//! sounds, and turns a panic into a message in the page. JavaScript calls in through the
//! exported `fyf_*` functions; each call wakes the (otherwise idle) game loop.

use std::cell::RefCell;

use bevy::prelude::*;
use bevy::window::RequestRedraw;
use bevy::winit::{EventLoopProxyWrapper, WinitUserEvent};
use wasm_bindgen::prelude::*;

use super::a11y::DomSnapshot;
use super::model::{
    Act, Action, Activate, AppSystems, DeviceMotion, FocusOwner, Focused, Settings,
};
use super::session::OpenUrl;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = fyf, js_name = render)]
    fn js_render(json: &str);
    #[wasm_bindgen(js_namespace = fyf, js_name = focus)]
    fn js_focus(id: &str);
    #[wasm_bindgen(js_namespace = fyf, js_name = openUrl)]
    fn js_open_url(url: &str);
    #[wasm_bindgen(js_namespace = fyf, js_name = fatal)]
    fn js_fatal(message: &str);
    #[wasm_bindgen(js_namespace = fyf, js_name = reducedMotion)]
    fn js_reduced_motion() -> bool;
    #[wasm_bindgen(js_namespace = fyf, js_name = sound)]
    fn js_sound(kind: &str);
}

/// Something the page asked for.
enum FromPage {
    Activate(Entity),
    Focus(Option<Entity>),
    Back,
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

pub(super) fn plugin(app: &mut App) {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&message.clone().into());
        js_fatal(&message);
    }));
    app.insert_resource(DeviceMotion {
        reduced: js_reduced_motion(),
    })
    .insert_resource(FocusOwner::Page)
    .add_systems(Startup, keep_waker)
    .add_systems(Last, wake_for_input_during_frame)
    .add_systems(
        Update,
        take_page_input
            .in_set(AppSystems::RecordInput)
            .before(super::model::InputSystems),
    )
    .add_systems(Update, (open_urls, play_sounds).in_set(AppSystems::Present))
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

fn take_page_input(
    mut activate: MessageWriter<Activate>,
    mut act: MessageWriter<Act>,
    mut focused: ResMut<Focused>,
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
        }
    }
}

fn send_snapshot(snapshot: Res<DomSnapshot>) {
    if snapshot.is_changed() {
        if let Ok(json) = serde_json::to_string(&*snapshot) {
            js_render(&json);
        }
    }
}

/// Focus moved inside the game (keyboard on the canvas, a click): move the page's too.
fn send_focus(focused: Res<Focused>) {
    if focused.is_changed() {
        js_focus(
            &focused
                .0
                .map(|e| e.to_bits().to_string())
                .unwrap_or_default(),
        );
    }
}

/// A short sound for an answer and for the results, when the student turned sounds on.
fn play_sounds(mut acts: MessageReader<Act>, settings: Res<Settings>) {
    for Act(action) in acts.read() {
        if !settings.sound {
            continue;
        }
        match action {
            Action::Choose { .. } => js_sound("choose"),
            Action::ShowMatches => js_sound("reveal"),
            _ => {}
        }
    }
}

fn open_urls(mut urls: MessageReader<OpenUrl>) {
    for OpenUrl(url) in urls.read() {
        js_open_url(url);
    }
}
