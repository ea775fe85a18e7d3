//! Find Your Fit: opens the game in a desktop window, or in the page's canvas on the web.

fn main() {
    find_your_fit::game::run();
}
