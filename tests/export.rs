//! `newsdigest export`: the documented JSON shape, exact spans, Markdown.

use std::path::Path;
use std::process::Command;

fn newsdigest(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_newsdigest"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs")
}

#[test]
fn json_export_has_the_documented_shape_and_exact_spans() {
    let out = newsdigest(&["export", "articles", "--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let articles = json["articles"].as_array().expect("articles array");
    assert_eq!(articles.len(), 5);
    for a in articles {
        let path = a["path"].as_str().expect("path");
        assert!(
            path.starts_with("articles/"),
            "path joins the folder as given: {path}"
        );
        assert!(a["id"].is_string() && a.get("title").is_some() && a.get("date").is_some());
    }
    let claims = json["claims"].as_array().expect("claims array");
    assert!(claims.len() > 20);
    let mut previous_articles = usize::MAX;
    for (i, c) in claims.iter().enumerate() {
        assert_eq!(c["id"], format!("c{}", i + 1));
        let n = c["articles"].as_array().expect("articles").len();
        assert!(n <= previous_articles, "most corroborated first");
        previous_articles = n;
        for p in c["passages"].as_array().expect("passages") {
            let article = p["article"].as_str().expect("article id");
            let file =
                std::fs::read(Path::new("articles").join(format!("{article}.txt"))).expect("file");
            let (start, end) = (
                p["start"].as_u64().unwrap() as usize,
                p["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&file[start..end], p["text"].as_str().unwrap().as_bytes());
        }
    }
}

#[test]
fn markdown_export_quotes_passages_under_claims() {
    let out = newsdigest(&["export", "--format", "markdown"]);
    assert!(out.status.success());
    let md = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(md.starts_with("# Digest"));
    assert!(md.contains("### c1. "));
    assert!(md.contains("articles · ") && md.contains("\n> "));
}

/// Who says each passage, read in its article: a sentence inside Andy
/// Stone's quotation is his, "him" is him, and the lawsuit has one name
/// however the outlets write it.
#[test]
fn passages_are_credited_to_their_speaker_under_one_name() {
    let out = newsdigest(&["export", "articles", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let mut credited: Vec<(String, String, String)> = Vec::new();
    for c in json["claims"].as_array().expect("claims") {
        for p in c["passages"].as_array().expect("passages") {
            credited.push((
                p["text"].as_str().unwrap_or("").to_string(),
                p["source"].as_str().unwrap_or("the article").to_string(),
                p["stance"].as_str().unwrap_or("").to_string(),
            ));
        }
    }
    let of = |needle: &str| {
        credited
            .iter()
            .find(|(text, _, _)| text.contains(needle))
            .map(|(_, source, stance)| format!("{source} · {stance}"))
            .unwrap_or_else(|| panic!("no passage holds {needle:?}"))
    };
    assert_eq!(
        of("Meta didn’t share people’s private messages with Netflix."),
        "Andy Stone · denies"
    );
    assert_eq!(
        of("According to him, “Shockingly untrue."),
        "Andy Stone · denies"
    );
    assert_eq!(of("Stone clarified"), "Andy Stone · reports");
    for needle in [
        "Court documents, filed on March 23",
        "As per the paperwork",
        "Lawyers claim Netflix",
        "The lawsuit alleges that Meta",
    ] {
        assert!(
            of(needle).starts_with("the lawsuit · "),
            "{needle}: {}",
            of(needle)
        );
    }
}

#[test]
fn a_missing_folder_is_one_clear_line_and_exit_1() {
    let out = newsdigest(&["export", "no/such/folder"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("no/such/folder") && err.contains("no such folder"),
        "{err}"
    );
}

/// Found by `fuzz/fuzz_targets/file_names.rs`: an article whose file is
/// named "\n.txt" has the id "\n", which Markdown printed as an empty
/// ``, its newline collapsed like article text. Ids are shown whole,
/// control characters escaped, so each stays visible and distinct.
#[test]
fn markdown_shows_ids_of_white_space_escaped_not_collapsed() {
    use newsdigest::digest::DigestOptions;
    use newsdigest::{Corpus, Digest, disputes, export};
    let text = "Council Approves Budget\n\nThe council approved a $2 billion budget on Monday.\n";
    let corpus = Corpus::from_texts([
        ("\n", text.to_string()),
        ("two  spaces", text.to_string()),
        ("two spaces", text.to_string()),
    ]);
    let options = DigestOptions::lexical();
    let digest = Digest::build_with(&corpus, &options);
    let disagreements = disputes::find(&corpus, &digest, &options);
    let markdown = export::to_markdown(&corpus, &digest, &disagreements);
    assert!(markdown.contains("(`\\u{a}`)"), "{markdown}");
    assert!(
        !markdown.contains("``"),
        "no id is printed empty: {markdown}"
    );
    assert!(markdown.contains("`two  spaces`"), "{markdown}");
    assert!(markdown.contains("`two spaces`"), "{markdown}");
}
