//! The keymap parser on arbitrary text: every input is either a keymap or a
//! list of problems, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

// The binary's modules, compiled here as they are: `keymap` reaches
// `action` as `super::action`, so both sit at the crate root.
#[allow(dead_code, unused_imports)]
#[path = "../../src/tui/action.rs"]
mod action;
#[allow(dead_code, unused_imports)]
#[path = "../../src/tui/keymap.rs"]
mod keymap;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match keymap::Keymap::load(Some(("fuzz.toml", text))) {
        Ok(_) => {}
        Err(problems) => assert!(!problems.is_empty()),
    }
    for line in text.lines().take(8) {
        let _ = keymap::parse_keys(line);
    }
});
