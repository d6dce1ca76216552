//! Property tests: whatever the text, loading and splitting never panic and
//! every span is in bounds, on character boundaries, ordered and disjoint.

use newsdigest::corpus::Article;
use newsdigest::{Corpus, Digest};
use proptest::prelude::*;

fn check_spans(article: &Article) {
    let text = &article.text;
    let mut last_end = 0;
    for p in &article.passages {
        assert!(p.span.start < p.span.end, "empty passage {:?}", p.span);
        assert!(p.span.end <= text.len());
        assert!(text.is_char_boundary(p.span.start) && text.is_char_boundary(p.span.end));
        assert!(p.span.start >= last_end, "passages overlap or go backwards");
        last_end = p.span.end;
    }
    let mut last_line_end = 0;
    for l in &article.lines {
        assert!(l.span.start >= last_line_end && l.span.end <= text.len());
        assert!(text.is_char_boundary(l.span.start) && text.is_char_boundary(l.span.end));
        last_line_end = l.span.end;
    }
}

/// Text made of the pieces that trouble splitters: stops, quotes, bullets,
/// abbreviations, numbers, odd spaces and line endings.
fn newsy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("The U.S. court".to_string()),
        Just("said $1.3 billion".to_string()),
        Just("€1.2bn.".to_string()),
        Just(". ".to_string()),
        Just("?\" ".to_string()),
        Just("“Quote.” ".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\r".to_string()),
        Just("\n\n  • ".to_string()),
        Just("- ".to_string()),
        Just("\u{a0}".to_string()),
        Just("\u{200b}".to_string()),
        Just("\u{feff}".to_string()),
        Just("e\u{301}".to_string()),
        Just("👍🏽".to_string()),
        Just("Dr. ".to_string()),
        Just("a.m. ".to_string()),
        Just("2011-2019 ".to_string()),
        "[a-zA-Z ]{0,12}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_strings_split_into_valid_spans(text in any::<String>()) {
        let article = Article::parse("p", "p.txt", text);
        check_spans(&article);
    }

    #[test]
    fn newsy_strings_split_into_valid_spans(text in newsy_text()) {
        let article = Article::parse("p", "p.txt", text);
        check_spans(&article);
    }

    #[test]
    fn arbitrary_bytes_load_or_are_refused_without_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let dir = std::env::temp_dir().join(format!("newsdigest-prop-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("a.txt"), &bytes).unwrap();
        match Corpus::load_dir(&dir) {
            Ok(corpus) => {
                for a in &corpus.articles {
                    check_spans(a);
                }
                let _ = Digest::build(&corpus);
            }
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }

    #[test]
    fn digest_of_arbitrary_articles_never_panics(texts in prop::collection::vec(newsy_text(), 1..4)) {
        let corpus = Corpus::from_texts(texts.into_iter().enumerate().map(|(i, t)| (format!("a{i}"), t)));
        let digest = Digest::build(&corpus);
        for claim in &digest.claims {
            prop_assert!(!claim.support.is_empty());
            prop_assert!(!claim.articles.is_empty());
        }
    }
}
