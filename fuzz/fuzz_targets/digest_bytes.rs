//! Loading, cleaning, splitting and digesting arbitrary bytes: never a
//! panic, and every span in bounds, on character boundaries, in order.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsdigest::corpus::Article;
use newsdigest::digest::DigestOptions;
use newsdigest::{Corpus, Digest};

fn check(article: &Article) {
    let mut last = 0;
    for p in &article.passages {
        assert!(p.span.start < p.span.end && p.span.end <= article.text.len());
        assert!(article.text.is_char_boundary(p.span.start) && article.text.is_char_boundary(p.span.end));
        assert!(p.span.start >= last);
        last = p.span.end;
    }
}

fuzz_target!(|data: &[u8]| {
    // Bytes that are not text are refused by the loader; the rest, split in
    // two articles at the first NUL-free half, goes through the whole digest.
    let Ok(text) = std::str::from_utf8(data) else { return };
    let middle = (0..=text.len() / 2).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
    let corpus = Corpus::from_texts([("a", text[..middle].to_string()), ("b", text[middle..].to_string())]);
    for article in &corpus.articles {
        check(article);
    }
    let digest = Digest::build_with(&corpus, &DigestOptions::lexical());
    for claim in &digest.claims {
        assert!(!claim.support.is_empty());
    }
});
