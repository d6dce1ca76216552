//! Saved web pages and Markdown with front matter, read by the real binary:
//! `extract` prints the article, and a folder given to `export` reads
//! `.html` files through the same extraction, with spans into its text.

use std::fs;
use std::path::PathBuf;
use std::process::{Command, Output};

const PAGE: &str = "tests/data/pages/storm-daily.html";

fn newsdigest(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsdigest"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "newsdigest-saved-pages-{}-{name}",
        std::process::id()
    ));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("create scratch folder");
    dir
}

#[test]
fn extract_prints_front_matter_and_the_article_without_furniture() {
    let out = newsdigest(&["extract", PAGE]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with(
            "---\ntitle: Storm floods coastal towns\noutlet: The Daily Example\nauthor: Jane Doe\n\
             date: 2024-03-05\nurl: https://daily.example/2024/03/05/storm-floods-coastal-towns\n---\n"
        ),
        "{text}"
    );
    for kept in [
        "on Tuesday & cut power to 40,000 homes",
        "cut off by the water.  \nSchools stayed closed",
        "## What comes next",
        "- Roads along the coast remain closed.\n- Trains are running a reduced service.",
        "> “We have not seen water like this in fifty years,” the mayor said.",
    ] {
        assert!(text.contains(kept), "missing {kept:?} in\n{text}");
    }
    for gone in [
        "Home",
        "Share on",
        "Related stories",
        "Heatwave",
        "Log in to comment",
        "All rights reserved",
        "font-family",
    ] {
        assert!(!text.contains(gone), "{gone:?} left in\n{text}");
    }
}

#[test]
fn a_file_that_is_not_a_page_is_one_line_naming_it() {
    let dir = scratch("not-a-page");
    let binary = dir.join("photo.html");
    fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let empty = dir.join("empty.html");
    fs::write(&empty, "  \n").unwrap();
    for (path, why) in [
        (binary, "binary data"),
        (empty.clone(), "empty file"),
        (dir.join("missing.html"), "No such file"),
    ] {
        let out = newsdigest(&["extract", path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1));
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.contains(path.file_name().unwrap().to_str().unwrap()) && err.contains(why),
            "{err}"
        );
    }
}

#[test]
fn a_folder_reads_saved_pages_and_front_matter_as_metadata() {
    let dir = scratch("folder");
    fs::copy(PAGE, dir.join("daily.html")).unwrap();
    fs::write(
        dir.join("wire.md"),
        "---\ntitle: \"Coast: towns flooded\"\noutlet: Big Wire\nauthor:\ndate: 2024-03-06\n\
         url: https://wire.example/storm\n---\n\nA storm flooded three coastal towns on Tuesday, officials said.\n\n\
         Power was cut to 40,000 homes.\n",
    )
    .unwrap();
    let out = newsdigest(&["export", dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let articles = json["articles"].as_array().unwrap();
    assert_eq!(articles[0]["id"], "daily");
    assert_eq!(articles[0]["title"], "Storm floods coastal towns");
    assert_eq!(articles[0]["byline"], "The Daily Example");
    assert_eq!(articles[0]["date"], "2024-03-05");
    assert_eq!(articles[1]["title"], "Coast: towns flooded");
    assert_eq!(articles[1]["byline"], "Big Wire");
    assert_eq!(articles[1]["date"], "2024-03-06");

    // Every passage of the page is a span of the extracted text, and none
    // comes from the front matter.
    let extracted = stdout(&newsdigest(&["extract", PAGE]));
    let mut passages_of_page = 0;
    for claim in json["claims"].as_array().unwrap() {
        for passage in claim["passages"].as_array().unwrap() {
            let text = passage["text"].as_str().unwrap();
            assert!(!text.contains("title:") && !text.contains("url:"), "{text}");
            if passage["article"] == "daily" {
                let (start, end) = (
                    passage["start"].as_u64().unwrap() as usize,
                    passage["end"].as_u64().unwrap() as usize,
                );
                assert_eq!(&extracted[start..end], text);
                passages_of_page += 1;
            }
        }
    }
    assert!(passages_of_page >= 5, "{passages_of_page} passages");

    let out = newsdigest(&["passages", dir.to_str().unwrap()]);
    let listing = stdout(&out);
    assert!(
        listing.contains("noise (front matter): title: Storm floods coastal towns"),
        "{listing}"
    );
}
