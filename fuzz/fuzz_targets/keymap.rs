//! The keymap parser on arbitrary text: every input is either a keymap or a
//! list of problems, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[allow(dead_code, unused_imports)]
mod tui {
    #[path = "../../../src/tui/action.rs"]
    pub mod action;
    #[path = "../../../src/tui/keymap.rs"]
    pub mod keymap;
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match tui::keymap::Keymap::load(Some(("fuzz.toml", text))) {
        Ok(_) => {}
        Err(problems) => assert!(!problems.is_empty()),
    }
    for line in text.lines().take(8) {
        let _ = tui::keymap::parse_keys(line);
    }
});
