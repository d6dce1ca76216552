//! Reading a page's bytes as text in the encoding it declares.
//!
//! Old news pages are often in Latin-1 or Windows-1252 and say so in a
//! `<meta charset>` tag, or in the server's `Content-Type`. Reading them as
//! UTF-8 would garble every accented letter, so the declared encoding wins,
//! in the order browsers use: a byte order mark, the HTTP header, the page's
//! own declaration, then UTF-8 when the bytes are valid UTF-8, else
//! Windows-1252 (what browsers assume for undeclared Western pages).

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How far into the page a `<meta charset>` is looked for: browsers stop at
/// 1024 bytes; saved pages often put a few scripts or comments first.
const PRESCAN_BYTES: usize = 1024 * 4;

/// The page's text, decoded; malformed sequences become U+FFFD.
pub fn decode_html(bytes: &[u8], content_type: Option<&str>) -> String {
    if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        return encoding.decode(bytes).0.into_owned();
    }
    let valid_utf8 = std::str::from_utf8(bytes).is_ok();
    let declared = content_type
        .and_then(charset_in_content_type)
        .or_else(|| declared_in_page(bytes));
    let encoding = match declared {
        // Pages re-saved as UTF-8 often keep their old `charset=gb2312`
        // or `iso-8859-1`. Legacy text that is not plain ASCII is almost
        // never valid UTF-8 by accident, so valid multi-byte UTF-8 wins.
        Some(_) if valid_utf8 && !bytes.is_ascii() => UTF_8,
        Some(encoding) => encoding,
        None if valid_utf8 => UTF_8,
        None => WINDOWS_1252,
    };
    let (text, _, _) = encoding.decode(bytes);
    text.into_owned()
}

/// `text/html; charset=ISO-8859-1` gives the Latin-1 decoder.
fn charset_in_content_type(content_type: &str) -> Option<&'static Encoding> {
    content_type.split(';').skip(1).find_map(|param| {
        let (key, value) = param.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| Encoding::for_label(value.trim().trim_matches(['"', '\'']).as_bytes()))
            .flatten()
    })
}

/// `<meta charset="…">` or `<meta http-equiv="Content-Type" content="…;
/// charset=…">` near the start of the page.
fn declared_in_page(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let mut rest = head.as_str();
    while let Some(at) = rest.find("<meta") {
        rest = &rest[at + 5..];
        let tag = &rest[..rest.find('>').unwrap_or(rest.len())];
        if let Some(at) = tag.find("charset") {
            let value = tag[at + "charset".len()..].trim_start();
            let Some(value) = value.strip_prefix('=') else {
                continue;
            };
            let value = value.trim_start().trim_start_matches(['"', '\'']);
            let end = value
                .find(|c: char| c == '"' || c == '\'' || c == ';' || c.is_whitespace() || c == '/')
                .unwrap_or(value.len());
            if let Some(encoding) = Encoding::for_label(&value.as_bytes()[..end]) {
                // A declaration read from ASCII bytes cannot be UTF-16; like
                // browsers, take it as UTF-8 (`output_encoding` does that).
                return Some(encoding.output_encoding());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_declared_in_a_meta_tag_is_decoded() {
        let page = b"<html><head><meta charset=\"ISO-8859-1\"></head><body>Z\xfcrich caf\xe9</body></html>";
        assert!(decode_html(page, None).contains("Zürich café"));
    }

    #[test]
    fn http_equiv_and_header_declarations_are_read() {
        let page = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">\x93hi\x94";
        assert!(decode_html(page, None).contains("\u{201c}hi\u{201d}"));
        assert!(decode_html(b"caf\xe9", Some("text/html; charset=latin1")).contains("café"));
    }

    #[test]
    fn a_page_resaved_as_utf8_is_read_as_utf8_whatever_it_declares() {
        let page = "<meta charset=\"gb2312\"><title>新电脑</title>";
        assert!(decode_html(page.as_bytes(), None).contains("新电脑"));
    }

    #[test]
    fn undeclared_pages_are_utf8_when_valid_else_windows_1252() {
        assert_eq!(decode_html("café".as_bytes(), None), "café");
        assert_eq!(decode_html(b"caf\xe9", None), "café");
    }
}
