//! What the interface asks of the world outside its state: copying text to
//! the terminal's clipboard and opening an article in the user's pager or
//! editor. `update` only records an [`Effect`]; the loop hands it to the
//! terminal it owns, so the state stays testable without one.

use std::path::PathBuf;

/// Something the loop does for the app, outside the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put this text on the clipboard (OSC 52).
    Copy(String),
    /// Open a file at a line in `$PAGER` (else `$EDITOR`, else `less`) and
    /// come back when it exits.
    Open { path: PathBuf, line: usize },
}

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with padding (RFC 4648), as OSC 52 expects.
pub fn base64(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(char::from(BASE64[((n >> shift) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The OSC 52 sequence that sets the clipboard to `text`. The text travels
/// base64-encoded, so nothing in it can end the sequence early or start
/// another; the sequence is built here and nowhere else.
pub fn osc52(text: &str) -> String {
    format!("\u{1b}]52;c;{}\u{7}", base64(text.as_bytes()))
}

/// The program to open files with: `$PAGER`, else `$EDITOR`, else `less`;
/// split into the program and its arguments ("less -R").
pub fn viewer() -> Vec<String> {
    let from_env = |name: &str| {
        std::env::var(name)
            .ok()
            .filter(|v| !v.trim().is_empty())
            .map(|v| v.split_whitespace().map(str::to_string).collect::<Vec<_>>())
    };
    from_env("PAGER")
        .or_else(|| from_env("EDITOR"))
        .unwrap_or_else(|| vec!["less".to_string()])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc_4648_vectors() {
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), encoded);
        }
    }

    #[test]
    fn osc52_carries_any_text_inert() {
        let sequence = osc52("a\u{7}\u{1b}]0;x\u{7}“é”");
        assert!(sequence.starts_with("\u{1b}]52;c;"));
        assert!(sequence.ends_with('\u{7}'));
        let body = &sequence["\u{1b}]52;c;".len()..sequence.len() - 1];
        assert!(
            body.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b))
        );
    }
}
