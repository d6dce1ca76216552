//! Arbitrary bytes as a file name in a folder of articles: the folder still
//! loads, every id is unique, and nothing printed for people (warnings,
//! paths, ids in Markdown) carries a control character.
#![no_main]

use std::os::unix::ffi::OsStrExt;
use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use newsdigest::digest::DigestOptions;
use newsdigest::text::printable_path;
use newsdigest::{Corpus, Digest, disputes, export};

const ARTICLE: &str = "Council Approves Budget\n\nThe council approved a $2 billion budget on Monday. Members voted 7 to 2.\n";

/// One scratch folder per fuzzing process.
fn folder() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("newsdigest-fuzz-names-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        dir
    })
}

fn printable(text: &str) -> bool {
    !text.chars().any(|c| c.is_control() && c != '\n')
}

fuzz_target!(|data: &[u8]| {
    // A file name is any bytes but '/' and NUL, up to the system's limit.
    if data.is_empty() || data.len() > 200 || data.contains(&b'/') || data.contains(&0) {
        return;
    }
    let dir = folder();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let _ = std::fs::remove_file(entry.path());
    }
    let name = std::ffi::OsStr::from_bytes(data);
    let mut with_extension = name.to_os_string();
    with_extension.push(".txt");
    for file in [name.to_os_string(), with_extension] {
        if std::fs::write(dir.join(&file), ARTICLE).is_err() {
            return;
        }
    }
    let _ = std::fs::write(dir.join("other.txt"), ARTICLE);
    let _ = std::fs::write(dir.join("other.md"), "");
    let corpus = match Corpus::load_dir(dir) {
        Ok(corpus) => corpus,
        Err(e) => {
            assert!(printable(&e.to_string()), "{e}");
            return;
        }
    };
    for warning in &corpus.warnings {
        assert!(printable(&warning.to_string()), "{warning}");
    }
    let mut ids: Vec<&str> = corpus.articles.iter().map(|a| a.id.as_str()).collect();
    ids.sort_unstable();
    let count = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), count, "ids are unique");
    for article in &corpus.articles {
        assert!(printable(&printable_path(&article.path)));
    }
    let options = DigestOptions::lexical();
    let digest = Digest::build_with(&corpus, &options);
    let disagreements = disputes::find(&corpus, &digest, &options);
    let markdown = export::to_markdown(&corpus, &digest, &disagreements);
    for article in &corpus.articles {
        let id = newsdigest::text::escape_controls(&article.id);
        assert!(markdown.contains(id.as_ref()));
        assert!(printable(&id));
    }
});
