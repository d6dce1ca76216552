//! The digest as JSON or Markdown, for other tools and for reading.

use std::path::Path;

use serde::Serialize;

use crate::corpus::Corpus;
use crate::digest::{Digest, PassageRef};
use crate::disputes::Disagreements;
use crate::text::{collapse_spaces, escape_controls};

#[derive(Debug, Serialize)]
pub struct ExportArticle<'a> {
    pub id: &'a str,
    pub path: String,
    pub title: Option<&'a str>,
    pub date: Option<&'a str>,
    pub byline: Option<&'a str>,
    /// The id of the earlier article this one is a wire copy of, or null.
    pub copy_of: Option<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct ExportPassage<'a> {
    pub article: &'a str,
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    /// asserts, alleges, reports or denies.
    pub stance: &'static str,
    /// Who makes the assertion, under its one name in the story, or null
    /// for the article's own voice.
    pub source: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct ExportDispute<'a> {
    /// The asserting claim's id.
    pub claim: &'a str,
    /// The id of the claim that denies it.
    pub denied_by: &'a str,
    pub asserting_articles: usize,
    pub denying_articles: usize,
    pub passages: [ExportPassage<'a>; 2],
}

#[derive(Debug, Serialize)]
pub struct ExportDiscrepancySide<'a> {
    pub claim: Option<&'a str>,
    pub values: &'a [String],
    /// The first passage that gives these values, in full.
    pub passage: ExportPassage<'a>,
    /// Every passage that gives them (copies, outlets telling it alike),
    /// `passage` among them, as spans.
    pub passages: Vec<ExportSpan<'a>>,
}

/// Where a passage stands: its article's id and its byte span.
#[derive(Debug, Serialize)]
pub struct ExportSpan<'a> {
    pub article: &'a str,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Serialize)]
pub struct ExportDiscrepancy<'a> {
    /// amount, year, date, duration, percentage, count or source.
    pub kind: &'static str,
    pub sides: [ExportDiscrepancySide<'a>; 2],
}

#[derive(Debug, Serialize)]
pub struct ExportClaim<'a> {
    pub id: &'a str,
    pub text: &'a str,
    pub articles: Vec<&'a str>,
    /// Independent sources behind the claim: wire copies of one story count once.
    pub sources: usize,
    pub passages: Vec<ExportPassage<'a>>,
}

#[derive(Debug, Serialize)]
pub struct Export<'a> {
    pub articles: Vec<ExportArticle<'a>>,
    pub claims: Vec<ExportClaim<'a>>,
    pub disputes: Vec<ExportDispute<'a>>,
    pub discrepancies: Vec<ExportDiscrepancy<'a>>,
}

fn export_passage<'a>(corpus: &'a Corpus, digest: &Digest, r: PassageRef) -> ExportPassage<'a> {
    let article = &corpus.articles[r.article];
    let passage = &article.passages[r.passage];
    let text = article.passage_text(passage);
    let attribution = digest.voices().attribution(r).unwrap_or_default();
    ExportPassage {
        article: &article.id,
        start: passage.span.start,
        end: passage.span.end,
        text,
        stance: attribution.stance.name(),
        source: attribution.source,
    }
}

/// `path` is the folder as given joined with the file name, as stored in
/// the corpus; paths are written with `/`.
fn path_string(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

pub fn export<'a>(
    corpus: &'a Corpus,
    digest: &'a Digest,
    disagreements: &'a Disagreements,
) -> Export<'a> {
    let articles = corpus
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| ExportArticle {
            id: &a.id,
            path: path_string(&a.path),
            title: a.title.as_deref(),
            date: a.date.as_deref(),
            byline: a.byline.as_deref(),
            copy_of: digest
                .copies
                .source_of_copy(i)
                .map(|o| corpus.articles[o].id.as_str()),
        })
        .collect();
    let claims = digest
        .claims
        .iter()
        .map(|c| ExportClaim {
            id: &c.id,
            text: &c.text,
            articles: c
                .articles
                .iter()
                .map(|&a| corpus.articles[a].id.as_str())
                .collect(),
            sources: c.source_count(),
            passages: c
                .support
                .iter()
                .map(|r| export_passage(corpus, digest, *r))
                .collect(),
        })
        .collect();
    let disputes = disagreements
        .disputes
        .iter()
        .map(|d| ExportDispute {
            claim: &digest.claims[d.asserting].id,
            denied_by: &digest.claims[d.denying].id,
            asserting_articles: digest.claims[d.asserting].article_count(),
            denying_articles: digest.claims[d.denying].article_count(),
            passages: [
                export_passage(corpus, digest, d.passages.0),
                export_passage(corpus, digest, d.passages.1),
            ],
        })
        .collect();
    let discrepancies = disagreements
        .discrepancies
        .iter()
        .map(|d| ExportDiscrepancy {
            kind: d.kind.name(),
            sides: d.sides.each_ref().map(|side| ExportDiscrepancySide {
                claim: side.claim.map(|c| digest.claims[c].id.as_str()),
                values: &side.values,
                passage: export_passage(corpus, digest, side.passage),
                passages: side
                    .passages
                    .iter()
                    .map(|r| {
                        let article = &corpus.articles[r.article];
                        let span = article.passages[r.passage].span;
                        ExportSpan {
                            article: &article.id,
                            start: span.start,
                            end: span.end,
                        }
                    })
                    .collect(),
            }),
        })
        .collect();
    Export {
        articles,
        claims,
        disputes,
        discrepancies,
    }
}

pub fn to_json(corpus: &Corpus, digest: &Digest, disagreements: &Disagreements) -> String {
    // Serialising plain structs of strings and numbers cannot fail.
    let json =
        serde_json::to_string_pretty(&export(corpus, digest, disagreements)).unwrap_or_default();
    escape_beyond_json(&json)
}

/// serde_json escapes only U+0000–U+001F; DEL, the C1 controls (U+009B is
/// a control sequence introducer) and bidi overrides would still reach a
/// terminal that prints the JSON. They can only stand inside strings, where
/// `\uXXXX` decodes to the same character, so a program reads the exact
/// text while a person's terminal sees inert escapes. The layout's own
/// newlines stay.
fn escape_beyond_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        let mut buffer = [0; 4];
        let single: &str = c.encode_utf8(&mut buffer);
        // escape_controls is the one judge of what a terminal acts on.
        if c != '\n' && escape_controls(single).len() != single.len() {
            // Every such character is in the Basic Multilingual Plane.
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// Article text as Markdown shows it to people: white space runs become one
/// space and control characters (escape sequences, bidi overrides) become
/// visible `\u{1b}` escapes, so printing the digest cannot recolour a
/// terminal, set its title or write its clipboard. JSON, which is read by
/// programs, keeps the exact bytes.
fn shown(text: &str) -> String {
    escape_controls(&collapse_spaces(text)).into_owned()
}

/// An article's id as Markdown shows it: every character kept, control
/// characters as visible escapes. An id is a file name, which may be a
/// newline or a run of spaces: collapsing white space as [`shown`] does
/// for text would print it empty or make two ids look alike.
fn shown_id(id: &str) -> String {
    escape_controls(id).into_owned()
}

pub fn to_markdown(corpus: &Corpus, digest: &Digest, disagreements: &Disagreements) -> String {
    let mut out = String::from("# Digest\n\n## Articles\n\n");
    for (i, a) in corpus.articles.iter().enumerate() {
        out.push_str(&format!(
            "- **{}** (`{}`)",
            shown(&a.display_title()),
            shown_id(&a.id)
        ));
        if let Some(b) = &a.byline {
            out.push_str(&format!(" · {}", shown(b)));
        }
        if let Some(d) = &a.date {
            out.push_str(&format!(" · {}", shown(d)));
        }
        if let Some(original) = digest.copies.source_of_copy(i) {
            out.push_str(&format!(
                " · copy of `{}`",
                shown_id(&corpus.articles[original].id)
            ));
        }
        out.push('\n');
    }
    if !disagreements.disputes.is_empty() || !disagreements.discrepancies.is_empty() {
        out.push_str("\n## Where the sources disagree\n");
    }
    for d in &disagreements.disputes {
        let (a, b) = (&digest.claims[d.asserting], &digest.claims[d.denying]);
        out.push_str(&format!(
            "\n- **Disputed**: {} ({}) — denied by {} ({}): “{}” ⟷ “{}”\n",
            a.id,
            plural(a.article_count(), "article"),
            b.id,
            plural(b.article_count(), "article"),
            shown(&a.text),
            shown(&b.text)
        ));
    }
    for d in &disagreements.discrepancies {
        out.push_str(&format!("\n- **Discrepancy ({})**:\n", d.kind.name()));
        for side in &d.sides {
            let article = &corpus.articles[side.passage.article];
            let text = article.passage_text(&article.passages[side.passage.passage]);
            // Copies and outlets that tell the side alike are counted, not repeated.
            let others = side.passages.len().saturating_sub(1);
            let also = match others {
                0 => String::new(),
                n => format!(" and {}", plural(n, "other passage")),
            };
            out.push_str(&format!(
                "  - {} in *{}*{}{also}: “{}”\n",
                shown(&side.values.join(", ")),
                shown(&article.display_title()),
                side.claim
                    .map(|c| format!(" ({})", digest.claims[c].id))
                    .unwrap_or_default(),
                shown(text)
            ));
        }
    }
    out.push_str("\n## Claims\n");
    for (claim_index, c) in digest.claims.iter().enumerate() {
        let mut marks = String::new();
        if disagreements.disputes_of(claim_index).next().is_some() {
            marks.push_str(" · disputed");
        }
        if disagreements.discrepancies_of(claim_index).next().is_some() {
            marks.push_str(" · discrepancy");
        }
        out.push_str(&format!(
            "\n### {}. {}\n\n{} · {}{marks}\n\n",
            c.id,
            shown(&c.text),
            crate::copies::support_label(c.source_count(), c.article_count()),
            plural(c.passage_count(), "passage")
        ));
        for r in &c.support {
            let article = &corpus.articles[r.article];
            let passage = &article.passages[r.passage];
            let text = article.passage_text(passage);
            let attribution = digest.voices().attribution(*r).unwrap_or_default();
            // "source · stance", as the interface labels it: a source is
            // written as the text gives it ("Lawyers", "him"), so gluing a
            // verb to it ("Lawyers alleges") would not be English.
            out.push_str(&format!(
                "> {}\n> — *{}* (`{}`, bytes {}–{}) · {} · {}\n\n",
                shown(text),
                shown(&article.display_title()),
                shown_id(&article.id),
                passage.span.start,
                passage.span.end,
                shown(attribution.source_label()),
                attribution.stance.name()
            ));
        }
    }
    out
}

pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
