//! Measures the wire-copy threshold (`newsdigest::copies::COPY_THRESHOLD`):
//! the highest shingle containment between two articles of one story in
//! `tests/data/stories` (none of them is a copy), and the lowest between an
//! article and a copy of it made by editing its opening, closing and
//! furniture, as sites do with agency stories.
//!
//! Then the time `WireCopies::find` takes on synthetic news of 1,000 and
//! 10,000 articles (MinHash proposes the pairs; the exact test decides).
//!
//! cargo run --release --example wire_copies

use std::path::Path;

use newsdigest::Corpus;
use newsdigest::copies::{COPY_THRESHOLD, Fingerprint, WireCopies};
use newsdigest::corpus::Article;
use newsdigest::synthetic::generate;

/// A site's edit of an agency story: its own headline, a new opening
/// paragraph, the closing paragraph cut, a credit line and furniture between
/// paragraphs. Paragraphs are the blank-line separated blocks.
pub fn site_copy(text: &str, site: usize) -> String {
    let mut paragraphs: Vec<String> = text
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect();
    if paragraphs.len() < 4 {
        return text.to_string();
    }
    paragraphs[0] = format!("UPDATE {site}: {}", paragraphs[0]);
    paragraphs[1] =
        "Here is what we know so far about the story, which our newsroom is following through the day."
            .to_string();
    paragraphs.pop();
    paragraphs
        .push("Reporting by the agency's correspondents; editing by the news desk.".to_string());
    let furniture = [
        "Advertisement",
        "Share this article on Facebook, X or by e-mail",
        "Sign up for our morning newsletter to get the day's top stories.",
        "Read more: the week's other top stories",
    ];
    for (k, line) in furniture.iter().enumerate() {
        let at = (2 + 2 * k).min(paragraphs.len());
        paragraphs.insert(at, (*line).to_string());
    }
    paragraphs.join("\n\n") + "\n"
}

fn main() {
    let root = Path::new("tests/data/stories");
    let mut folders: Vec<_> = std::fs::read_dir(root)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .collect()
        })
        .unwrap_or_default();
    folders.sort();
    let mut highest_between = (0.0f32, String::new());
    let mut lowest_copy = (1.0f32, String::new());
    let mut pairs = 0;
    let mut copies = 0;
    let mut all: Vec<(String, Fingerprint)> = Vec::new();
    for folder in &folders {
        let Ok(corpus) = Corpus::load_dir(folder) else {
            continue;
        };
        let story = folder
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let prints: Vec<Fingerprint> = corpus
            .articles
            .iter()
            .map(Fingerprint::of_article)
            .collect();
        for i in 0..prints.len() {
            for j in i + 1..prints.len() {
                pairs += 1;
                let c = prints[i].containment(&prints[j]);
                if c > highest_between.0 {
                    highest_between = (
                        c,
                        format!(
                            "{story}: {} / {}",
                            corpus.articles[i].id, corpus.articles[j].id
                        ),
                    );
                }
            }
            let copy = Article::parse(
                "copy",
                "copy.txt",
                site_copy(&corpus.articles[i].text, i + 1),
            );
            let c = prints[i].containment(&Fingerprint::of_article(&copy));
            copies += 1;
            if c < lowest_copy.0 {
                lowest_copy = (c, format!("{story}: {}", corpus.articles[i].id));
            }
            all.push((story.clone(), prints[i].clone()));
        }
    }
    let mut highest_across = 0.0f32;
    for i in 0..all.len() {
        for j in i + 1..all.len() {
            if all[i].0 != all[j].0 {
                highest_across = highest_across.max(all[i].1.containment(&all[j].1));
            }
        }
    }
    println!(
        "stories: {}, pairs of articles within a story: {pairs}, edited copies: {copies}",
        folders.len()
    );
    println!(
        "highest containment between articles of one story: {:.3} ({})",
        highest_between.0, highest_between.1
    );
    println!("highest containment between articles of different stories: {highest_across:.3}");
    println!(
        "lowest containment between an article and its edited copy: {:.3} ({})",
        lowest_copy.0, lowest_copy.1
    );
    println!("threshold: {COPY_THRESHOLD}");

    for n in [1_000, 10_000] {
        let synthetic = generate(n, 42);
        let corpus = Corpus::from_texts(
            synthetic
                .articles
                .iter()
                .map(|(id, text)| (id.as_str(), text.clone())),
        );
        let started = std::time::Instant::now();
        let copies = WireCopies::find(&corpus);
        let found = copies.copy_of.iter().filter(|c| c.is_some()).count();
        println!(
            "{n} synthetic articles: copies found in {:.3} s ({found} articles called copies)",
            started.elapsed().as_secs_f64()
        );
    }
}
