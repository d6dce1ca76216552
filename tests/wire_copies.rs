//! Wire copies count once: articles that are one agency story with small
//! edits are found, marked in the export, and a claim's support is counted
//! by independent sources.

use std::path::Path;
use std::process::Command;

use newsdigest::Corpus;
use newsdigest::copies::{Fingerprint, WireCopies};
use newsdigest::corpus::Article;

fn export(format: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_newsdigest"))
        .args(["export", "tests/data/wire-copies", "--format", format])
        .output()
        .expect("the binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn five_articles_with_three_copies_of_one_wire_story_read_three_sources() {
    let json: serde_json::Value = serde_json::from_str(&export("json")).unwrap();
    let copy_of: Vec<(&str, Option<&str>)> = json["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["id"].as_str().unwrap(), a["copy_of"].as_str()))
        .collect();
    assert_eq!(
        copy_of,
        vec![
            ("a-wire", None),
            ("b-coast-herald", Some("a-wire")),
            ("c-valley-times", Some("a-wire")),
            ("d-harbour-gazette", None),
            ("e-daily-courier", None),
        ]
    );
    let lead = &json["claims"][0];
    assert_eq!(lead["articles"].as_array().unwrap().len(), 5);
    assert_eq!(lead["sources"], 3);
    // A claim only the copies make has one source behind it.
    let copied_only = json["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| {
            c["text"]
                .as_str()
                .unwrap()
                .starts_with("Rescue teams worked")
        })
        .unwrap();
    assert_eq!(copied_only["articles"].as_array().unwrap().len(), 3);
    assert_eq!(copied_only["sources"], 1);

    let markdown = export("markdown");
    assert!(markdown.contains("3 sources · "), "{markdown}");
    assert!(!markdown.contains("5 articles"), "{markdown}");
    assert!(markdown.contains("copy of `a-wire`"), "{markdown}");
}

/// A site's edit of a story: its own headline, a new opening paragraph,
/// the closing paragraph cut, a credit line and furniture (as in
/// `examples/wire_copies.rs`, which measures the threshold).
fn site_copy(text: &str) -> String {
    let mut paragraphs: Vec<String> = text
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect();
    paragraphs[0] = format!("UPDATE 2: {}", paragraphs[0]);
    paragraphs[1] =
        "Here is what we know so far about the story, which our newsroom is following.".to_string();
    paragraphs.pop();
    paragraphs.push("Reporting by the agency; editing by the news desk.".to_string());
    paragraphs.insert(2, "Advertisement".to_string());
    paragraphs.insert(4, "Sign up for our morning newsletter.".to_string());
    paragraphs.join("\n\n") + "\n"
}

#[test]
fn no_two_articles_of_the_labelled_stories_are_copies_but_their_edited_copies_are() {
    let root = Path::new("tests/data/stories");
    let mut stories = 0;
    for entry in std::fs::read_dir(root).unwrap() {
        let folder = entry.unwrap().path();
        if !folder.is_dir() {
            continue;
        }
        stories += 1;
        let corpus = Corpus::load_dir(&folder).unwrap();
        let copies = WireCopies::find(&corpus);
        assert!(!copies.any(), "{}: {:?}", folder.display(), copies.copy_of);
        for article in &corpus.articles {
            if article
                .text
                .split("\n\n")
                .filter(|p| !p.trim().is_empty())
                .count()
                < 5
            {
                continue;
            }
            let copy = Article::parse("copy", "copy.txt", site_copy(&article.text));
            assert!(
                Fingerprint::of_article(article).is_copy_of(&Fingerprint::of_article(&copy)),
                "{}: {} and its edited copy",
                folder.display(),
                article.id
            );
        }
    }
    assert!(stories >= 10, "only {stories} stories found");
}
