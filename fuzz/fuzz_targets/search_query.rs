//! Arbitrary text as a search query over the built-in articles' claims:
//! never a panic, every hit in range, and every highlight a range of the
//! claim's text on character boundaries, sorted and apart.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use newsdigest::search::SearchIndex;
use newsdigest::{Corpus, Digest};

fn story() -> &'static (Digest, SearchIndex) {
    static STORY: OnceLock<(Digest, SearchIndex)> = OnceLock::new();
    STORY.get_or_init(|| {
        let digest = Digest::build(&Corpus::embedded());
        let index = SearchIndex::of_claims(&digest);
        (digest, index)
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(query) = std::str::from_utf8(data) else { return };
    let (digest, index) = story();
    let hits = index.search(query);
    assert!(hits.len() <= digest.claims.len());
    for hit in hits.iter().take(20) {
        let text = &digest.claims[hit.item].text;
        let mut end = 0;
        for range in index.highlights(hit.item, query) {
            assert!(range.start >= end && range.start < range.end && range.end <= text.len());
            assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
            end = range.end;
        }
    }
    // Out of range: nothing, not a panic.
    assert!(index.highlights(usize::MAX, query).is_empty());
});
