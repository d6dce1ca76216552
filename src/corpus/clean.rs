//! Telling news text from the rest of a scraped page, line by line.
//!
//! Scraped articles carry comment forms, newsletter prompts, author bios,
//! photo credits and headlines of other stories. Each rule here looks at the
//! shape and wording of a line, never at particular articles, and a line it
//! rejects stays in the article (dimmed in the reader), marked with why.

use std::collections::{HashMap, HashSet};

use super::{Line, Span, markup};
use crate::text;

/// How the cleaner classified a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "reason")]
pub enum LineKind {
    /// Empty or only white space.
    Blank,
    /// News text: title, headings and sentences.
    Text,
    /// Not news; kept to be shown dimmed, never a claim.
    Noise(NoiseReason),
}

impl LineKind {
    pub fn is_noise(self) -> bool {
        matches!(self, LineKind::Noise(_))
    }
}

/// Why a line is not news.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NoiseReason {
    /// A section label such as "Tech" above the title.
    Category,
    /// A line that only gives the date.
    Dateline,
    /// "By …" or "Source: …" naming the author or outlet.
    Byline,
    /// A photo caption or credit.
    PhotoCredit,
    /// Comment and reply forms.
    CommentForm,
    /// Newsletter, sign-up, sharing and other calls to action.
    Promotion,
    /// Page controls: "Show more", "Back to top", copy protection.
    PageControl,
    /// The author's biography, or an "About the author" block.
    AuthorBio,
    /// A contact e-mail address.
    Contact,
    /// The headline of an unrelated story pasted into the page.
    UnrelatedHeadline,
    /// A correction or editor's note about the article itself.
    EditorsNote,
}

impl NoiseReason {
    pub fn describe(self) -> &'static str {
        match self {
            NoiseReason::Category => "section label",
            NoiseReason::Dateline => "date line",
            NoiseReason::Byline => "byline or source",
            NoiseReason::PhotoCredit => "photo caption or credit",
            NoiseReason::CommentForm => "comment form",
            NoiseReason::Promotion => "newsletter or promotion",
            NoiseReason::PageControl => "page control",
            NoiseReason::AuthorBio => "author biography",
            NoiseReason::Contact => "contact address",
            NoiseReason::UnrelatedHeadline => "unrelated headline",
            NoiseReason::EditorsNote => "editor's note",
        }
    }
}

/// Splits text into lines (LF, CRLF or lone CR) and classifies each one.
pub(crate) fn classify_lines(text: &str) -> Vec<Line> {
    let spans = line_spans(text);
    let mut lines: Vec<Line> = spans
        .iter()
        .map(|&span| {
            let kind = if text::is_blank(&text[span.range()]) {
                LineKind::Blank
            } else {
                LineKind::Text
            };
            Line { span, kind }
        })
        .collect();

    for i in 0..lines.len() {
        if lines[i].kind == LineKind::Blank || is_wrapped(text, &lines, i) {
            continue;
        }
        let line = text[lines[i].span.range()].trim_matches(text::is_space);
        if let Some(reason) = classify_line(line) {
            lines[i].kind = LineKind::Noise(reason);
        }
    }
    mark_captions(text, &mut lines);
    mark_author_block(text, &mut lines);
    mark_bio_continuations(text, &mut lines);
    mark_link_lists(text, &mut lines);
    mark_top_labels(text, &mut lines);
    mark_unrelated_headlines(text, &mut lines);
    lines
}

/// Whether line `i` is part of a paragraph wrapped over several lines: the
/// sentence runs on into a next line that opens in lower case. Such a line
/// is a piece of a sentence, whatever words it holds ("… 260 million
/// subscribers worldwide at the end of" / "March, up from …" is news).
fn is_wrapped(text: &str, lines: &[Line], i: usize) -> bool {
    let content = |k: usize| {
        lines
            .get(k)
            .filter(|l| l.kind != LineKind::Blank)
            .map(|l| text[l.span.range()].trim_matches(text::is_space))
    };
    // A wrapped line is a long piece of prose; the next goes on with a
    // plain lower-case word ("error: Content is protected" is no prose).
    let runs_on = |upper: &str, lower: &str| {
        let first = lower.split_whitespace().next().unwrap_or("");
        let first = first.trim_end_matches([',', ';']);
        text::word_count(upper) >= 6
            && !text::ends_sentence(upper)
            && !first.is_empty()
            && first
                .chars()
                .all(|c| c.is_lowercase() || c == '\'' || c == '-')
    };
    let this = content(i).unwrap_or("");
    let into_next = content(i + 1).is_some_and(|next| runs_on(this, next));
    let from_previous = i
        .checked_sub(1)
        .and_then(content)
        .is_some_and(|previous| runs_on(previous, this));
    into_next || from_previous
}

/// Byte spans of the lines of `text`, without their terminators.
pub(crate) fn line_spans(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                spans.push(Span::new(start, i));
                i += 1;
                start = i;
            }
            b'\r' => {
                spans.push(Span::new(start, i));
                i += if bytes.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                start = i;
            }
            _ => i += 1,
        }
    }
    if start < bytes.len() {
        spans.push(Span::new(start, bytes.len()));
    }
    spans
}

/// Phrases that mark a line as page furniture wherever they appear in it.
const COMMENT_FORM: &[&str] = &[
    "enter your comment",
    "enter your name",
    "enter your email",
    "leave a reply",
    "leave a comment",
    "post a comment",
    "post comment",
    "cancel reply",
    "will not be published",
    "required fields are marked",
    "save my name, email",
    "log in to comment",
    "comments are closed",
    "add a comment",
    "join the conversation",
    "let us know in the comments",
    "in the comments below",
    "what do you think?",
];
/// Matched as whole words: "subscribe", not "subscribers".
const PROMOTION: &[&str] = &[
    "newsletter",
    "newsletters",
    "subscribe",
    "sign up for",
    "sign up to",
    "follow us on",
    "share this article",
    "share on facebook",
    "share on twitter",
    "download our app",
    "download the app",
    "get the latest",
    "click here",
    "advertisement",
    "sponsored content",
    "recommended for you",
    "ad feedback",
    "you may also like",
    "related articles",
    "related stories",
    "more stories",
    "trending now",
];
const PAGE_CONTROL: &[&str] = &[
    "content is protected",
    "all rights reserved",
    "back to top",
    "show more",
    "show less",
    "load more",
    "read more",
    "see more",
    "continue reading",
    "skip to content",
    "like this:",
    "loading...",
    "skip to main",
    "skip navigation",
    "min read",
    "copyright ©",
    "javascript is disabled",
    "enable javascript",
    "cookie policy",
    "accept cookies",
    "privacy policy",
    "terms of use",
];
/// Phrases that mark page furniture in a line of any length: cookie notices
/// and rights statements run to sentences.
const FURNITURE_ANY_LENGTH: &[&str] = &[
    "we use cookies",
    "our use of cookies",
    "this site uses cookies",
    "this website uses cookies",
    "accept all cookies",
    "reject all cookies",
    "cookie settings",
    "cookie preferences",
    "manage cookies",
    "all rights reserved",
    "may not be published, broadcast",
    "may not be reproduced",
    "copyright ©",
    "trust principles",
];
/// Credits set in or after a caption: "(AP Photo/Jeff Chiu, File)", "Photo
/// by John Doe on Unsplash".
const CAPTION_CREDITS: &[&str] = &[
    "(ap photo",
    "ap photo/",
    "(photo by",
    "(photo:",
    "(getty images",
    "/getty images)",
    "(reuters/",
    "/reuters)",
    "/afp)",
    "(afp",
    "(epa",
];
/// Openings of a photo caption or credit line.
const CAPTION_OPENINGS: &[&str] = &[
    "file -",
    "file \u{2013}",
    "file \u{2014}",
    "file photo",
    "photo by ",
    "photograph by ",
    "image by ",
    "illustration by ",
];
/// Phrases of a call to action when the line also speaks to the reader
/// ("Sign up for our morning newsletter to get … in your inbox").
const PROMOTION_TO_READER: &[&str] = &[
    "newsletter",
    "newsletters",
    "subscribe",
    "subscription",
    "sign up",
    "your inbox",
    "support our journalism",
    "support our work",
    "become a member",
    "unlimited access",
    "download our app",
    "follow us",
    "have a tip",
    "send us a tip",
    "donate",
];
/// Verbs that open a call to action when they begin a short line ("Check more IT Jobs").
const CALL_TO_ACTION_VERBS: &[&str] = &[
    "check",
    "click",
    "tap",
    "subscribe",
    "follow",
    "join",
    "download",
    "watch",
    "listen",
    "share",
    "explore",
    "discover",
    "browse",
    "visit",
];
/// Labels that introduce a photo credit or caption source.
const CREDIT_LABELS: &[&str] = &[
    "photo",
    "photos",
    "image",
    "images",
    "picture",
    "credit",
    "credits",
    "photograph",
    "illustration",
    "video",
];
/// Photo agencies whose name after "Source:" marks an image credit, not an outlet.
const PHOTO_AGENCIES: &[&str] = &[
    "unsplash",
    "getty images",
    "shutterstock",
    "pexels",
    "pixabay",
    "istock",
    "alamy",
    "ap photo",
    "afp via getty",
    "reuters/",
    "wikimedia commons",
    "flickr",
];
/// Words that name a journalist's job, for spotting author bios.
const JOURNALIST_ROLES: &[&str] = &[
    "writer",
    "journalist",
    "reporter",
    "editor",
    "producer",
    "correspondent",
    "columnist",
    "contributor",
    "blogger",
    "author",
    "freelancer",
    "content creator",
    "engineer",
];

fn contains_any(haystack: &str, needles: &[&str]) -> bool {
    needles.iter().any(|n| haystack.contains(n))
}

fn starts_with_any(haystack: &str, openings: &[&str]) -> bool {
    openings.iter().any(|o| haystack.starts_with(o))
}

/// Rules that need only the line itself.
fn classify_line(line: &str) -> Option<NoiseReason> {
    if markup::is_image_line(line) {
        return Some(NoiseReason::PhotoCredit);
    }
    if markup::is_url_line(line) || markup::is_tag_line(line) {
        return Some(NoiseReason::PageControl);
    }
    let lower = text::fold_quotes(&line.to_lowercase());
    let words = text::word_count(line);
    let short = words <= 12;

    if is_first_person_bio(&lower) || is_third_person_bio(line, &lower) {
        return Some(NoiseReason::AuthorBio);
    }
    if text::contains_email(line) {
        return Some(NoiseReason::Contact);
    }
    if lower.starts_with("error:") || (short && contains_any(&lower, PAGE_CONTROL)) {
        return Some(NoiseReason::PageControl);
    }
    if (short || lower.ends_with('*')) && contains_any(&lower, COMMENT_FORM) {
        return Some(NoiseReason::CommentForm);
    }
    if short && contains_any_words(&spaced_words(line), PROMOTION) {
        return Some(NoiseReason::Promotion);
    }
    if words <= 60 && contains_any(&lower, FURNITURE_ANY_LENGTH) {
        return Some(NoiseReason::PageControl);
    }
    if words <= 40 && (is_promotion_to_reader(line) || is_request_to_us(line)) {
        return Some(NoiseReason::Promotion);
    }
    if is_editors_note(&lower) {
        return Some(NoiseReason::EditorsNote);
    }
    if words <= 60
        && (contains_any(&lower, CAPTION_CREDITS) || starts_with_any(&lower, CAPTION_OPENINGS))
    {
        return Some(NoiseReason::PhotoCredit);
    }
    if short && (lower.starts_with("posted in ") || lower.contains("| tagged")) {
        return Some(NoiseReason::Category);
    }
    if is_site_counter(&lower) {
        return Some(NoiseReason::PageControl);
    }
    if is_relative_time(&lower) {
        return Some(NoiseReason::Dateline);
    }
    if is_reporting_credit(&lower) {
        return Some(NoiseReason::Byline);
    }
    if is_about_author_heading(&lower) {
        return Some(NoiseReason::AuthorBio);
    }
    if let Some(reason) = label_line(&lower) {
        return Some(reason);
    }
    if words <= 6 && !text::ends_sentence(line) {
        let first = lower.split_whitespace().next().unwrap_or("");
        if CALL_TO_ACTION_VERBS.contains(&first) {
            return Some(NoiseReason::Promotion);
        }
    }
    if text::parse_date_line(line).is_some() {
        return Some(NoiseReason::Dateline);
    }
    if is_byline(line) {
        return Some(NoiseReason::Byline);
    }
    None
}

/// The words of a line, lower case, each with a space either side, so that
/// phrases match whole words: "subscribe" is not in "subscribers".
fn spaced_words(line: &str) -> String {
    let lower = text::fold_quotes(&line.to_lowercase());
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .collect();
    format!(" {} ", words.join(" "))
}

fn contains_any_words(spaced: &str, phrases: &[&str]) -> bool {
    phrases.iter().any(|p| spaced.contains(&format!(" {p} ")))
}

/// Whether a line speaks to the reader ("you", "your", "our", "us") in the
/// site's own voice: not a quotation, not a reported statement, and not
/// "the US".
fn addresses_reader(line: &str) -> bool {
    let quoted = line.contains(['"', '\u{201C}', '\u{201D}']);
    let spaced = spaced_words(line);
    let reported = contains_any_words(&spaced, &["said", "says", "according to", "told"]);
    let lower_us = format!(" {line} ").contains(" us ");
    let reader = contains_any_words(&spaced, &["you", "you're", "your", "our"])
        || (lower_us && spaced.contains(" us "));
    reader && !quoted && !reported
}

/// A sign-up, subscription or donation prompt, of any length.
fn is_promotion_to_reader(line: &str) -> bool {
    contains_any_words(&spaced_words(line), PROMOTION_TO_READER) && addresses_reader(line)
}

/// Verbs that open a request to the reader addressed to the outlet ("Send
/// it to our newsroom", "Tell us what you think").
const REQUEST_VERBS: &[&str] = &[
    "send",
    "contact",
    "email",
    "tell",
    "support",
    "become",
    "sign",
    "subscribe",
    "join",
    "donate",
    "download",
    "follow",
    "share",
    "read",
    "listen",
    "watch",
    "get",
];

fn is_request_to_us(line: &str) -> bool {
    let lower = line.to_lowercase();
    let first = lower
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphabetic());
    REQUEST_VERBS.contains(&first) && addresses_reader(line)
}

/// "Correction: …", "Editor's note: …", "Disclosure: …", "An earlier
/// version of this article …". An "Update:" is left as text: it often
/// brings a new statement.
fn is_editors_note(lower: &str) -> bool {
    starts_with_any(
        lower,
        &[
            "correction:",
            "clarification:",
            "editor's note",
            "editors' note",
            "disclosure:",
            "disclaimer:",
        ],
    ) || lower.contains("an earlier version of this")
}

/// "1.2K shares", "3 Comments", "12,345 views": a page's counters.
fn is_site_counter(lower: &str) -> bool {
    let words: Vec<&str> = lower.split_whitespace().collect();
    let [count, what] = words[..] else {
        return false;
    };
    count
        .trim_end_matches(['k', 'm'])
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        && count.starts_with(|c: char| c.is_ascii_digit())
        && matches!(
            what,
            "shares" | "share" | "comments" | "comment" | "views" | "likes" | "reactions"
        )
}

/// "2 hours ago", "an hour ago", "5 mins ago".
fn is_relative_time(lower: &str) -> bool {
    let words: Vec<&str> = lower.split_whitespace().collect();
    let [count, unit, "ago"] = words[..] else {
        return false;
    };
    (count.chars().all(|c| c.is_ascii_digit()) || matches!(count, "a" | "an" | "one"))
        && matches!(
            unit.trim_end_matches('s'),
            "sec" | "second" | "min" | "minute" | "hr" | "hour" | "day" | "week" | "month"
        )
}

/// "Reporting by Jane Doe; Editing by John Roe", "The Associated Press
/// contributed to this report."
fn is_reporting_credit(lower: &str) -> bool {
    let lower = lower.trim_start_matches('(');
    let origin = starts_with_any(
        lower,
        &["this article", "this story", "this post", "this report"],
    ) && (lower.contains("originally appeared")
        || lower.contains("originally published"));
    starts_with_any(
        lower,
        &[
            "reporting by",
            "additional reporting by",
            "writing by",
            "editing by",
            "compiled by",
        ],
    ) || lower.contains("contributed to this report")
        || lower.contains("contributed reporting")
        || origin
}

/// "Photo: …", "Credit: …", "Source: Unsplash", "Image source, Getty
/// Images", "Tags: …" and the like.
fn label_line(lower: &str) -> Option<NoiseReason> {
    // "Image source, Reuters" and "Image caption, …" label with a comma.
    for label in [
        "image source,",
        "image caption,",
        "media caption,",
        "photo source,",
    ] {
        if lower.starts_with(label) {
            return Some(NoiseReason::PhotoCredit);
        }
    }
    let (label, value) = lower.split_once(':')?;
    // "(Photo: Getty Images)"
    let label = label.trim().trim_start_matches(['(', '[']);
    if label.split_whitespace().count() > 2 || value.split_whitespace().count() > 8 {
        return None;
    }
    let last = label.split_whitespace().last().unwrap_or("");
    if CREDIT_LABELS.contains(&last) {
        return Some(NoiseReason::PhotoCredit);
    }
    if matches!(
        label,
        "tags" | "tag" | "topics" | "topic" | "filed under" | "categories" | "keywords"
    ) {
        return Some(NoiseReason::Category);
    }
    if matches!(
        label,
        "author" | "authors" | "written by" | "posted by" | "words" | "reporter" | "reporters"
    ) {
        return Some(NoiseReason::Byline);
    }
    if matches!(
        label,
        "previous article"
            | "next article"
            | "previous post"
            | "next post"
            | "previous story"
            | "next story"
            | "previous"
            | "next"
            | "up next"
    ) {
        return Some(NoiseReason::PageControl);
    }
    if matches!(label, "watch" | "listen" | "watch live" | "podcast") {
        return Some(NoiseReason::Promotion);
    }
    if label == "source" || label == "sources" || label == "via" {
        return Some(if contains_any(value, PHOTO_AGENCIES) {
            NoiseReason::PhotoCredit
        } else {
            NoiseReason::Byline
        });
    }
    None
}

fn is_about_author_heading(lower: &str) -> bool {
    let t = lower.trim_end_matches([':', '.']).trim();
    matches!(
        t,
        "about the author"
            | "about the authors"
            | "about author"
            | "author bio"
            | "about me"
            | "about the writer"
    ) || (t.starts_with("about ") && t.ends_with(" author"))
}

/// "I am Jane Doe, a software engineer …", "My name is …".
fn is_first_person_bio(lower: &str) -> bool {
    let opens =
        lower.starts_with("i am ") || lower.starts_with("i'm ") || lower.starts_with("my name is ");
    opens && contains_any(lower, JOURNALIST_ROLES)
}

/// "Jane Doe is a reporter who covers …": a name, then a role.
fn is_third_person_bio(line: &str, lower: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.len() < 4 || words.len() > 80 {
        return false;
    }
    let name_words = words
        .iter()
        .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    if !(2..=3).contains(&name_words) {
        return false;
    }
    let verb = words[name_words].to_lowercase();
    if !matches!(
        verb.as_str(),
        "is" | "was" | "has" | "covers" | "writes" | "joined" | "reports"
    ) {
        return false;
    }
    let rest = words[name_words + 1..].join(" ").to_lowercase();
    let first_clause: String = rest.chars().take(80).collect();
    let role = contains_any(&first_clause, JOURNALIST_ROLES)
        && (lower.contains("cover") || lower.contains("writ") || lower.contains("years"));
    // "Jane Doe covers city hall for the Herald", "John Roe reports on
    // aviation for Example News": a beat, then the outlet.
    let beat = matches!(verb.as_str(), "covers" | "reports")
        && words[name_words + 1..]
            .windows(2)
            .any(|w| w[0] == "for" && w[1].chars().next().is_some_and(char::is_uppercase))
        || matches!(verb.as_str(), "covers" | "reports")
            && words[name_words + 1..]
                .windows(3)
                .any(|w| w[0] == "for" && w[1] == "the" && w[2].starts_with(char::is_uppercase));
    role || beat
}

/// "By Jane Doe", "By Jane Doe and John Roe | Reuters", "Written by Jane Doe".
fn is_byline(line: &str) -> bool {
    let Some(rest) = ["By ", "by ", "Written by ", "Posted by ", "Words by "]
        .iter()
        .find_map(|p| line.strip_prefix(p))
    else {
        return false;
    };
    let words: Vec<&str> = rest.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 8
        && !text::ends_sentence(line)
        && words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
                || *w == "and"
        })
}

/// A caption is the short line directly above a photo credit, unless that
/// line is the first of the article: its title.
fn mark_captions(text: &str, lines: &mut [Line]) {
    let first_text = lines.iter().position(|l| l.kind == LineKind::Text);
    for i in 1..lines.len() {
        if lines[i].kind == LineKind::Noise(NoiseReason::PhotoCredit)
            && lines[i - 1].kind == LineKind::Text
            && Some(i - 1) != first_text
        {
            let above = &text[lines[i - 1].span.range()];
            if text::word_count(above) <= 15 && !text::ends_sentence(above.trim_end()) {
                lines[i - 1].kind = LineKind::Noise(NoiseReason::PhotoCredit);
            }
        }
    }
}

/// Everything after an "About the author" heading is the author's block.
fn mark_author_block(text: &str, lines: &mut [Line]) {
    let Some(start) = lines.iter().position(|l| {
        l.kind == LineKind::Noise(NoiseReason::AuthorBio)
            && is_about_author_heading(&text[l.span.range()].trim().to_lowercase())
    }) else {
        return;
    };
    for line in &mut lines[start + 1..] {
        if line.kind == LineKind::Text {
            line.kind = LineKind::Noise(NoiseReason::AuthorBio);
        }
    }
}

/// The sentence after an author's biography that goes on about the author
/// ("She previously reported for the Tribune.").
fn mark_bio_continuations(text: &str, lines: &mut [Line]) {
    let mut after_bio = false;
    for line in lines.iter_mut() {
        match line.kind {
            LineKind::Blank => {}
            LineKind::Noise(NoiseReason::AuthorBio) => after_bio = true,
            LineKind::Text if after_bio => {
                let first = text[line.span.range()]
                    .split_whitespace()
                    .next()
                    .unwrap_or("");
                if matches!(
                    first,
                    "He" | "She" | "They" | "Previously," | "Before" | "Prior"
                ) {
                    line.kind = LineKind::Noise(NoiseReason::AuthorBio);
                } else {
                    after_bio = false;
                }
            }
            _ => after_bio = false,
        }
    }
}

/// Headings of the lists of links to other stories that pages carry.
const LINK_LIST_HEADINGS: &[&str] = &[
    "more from",
    "more on",
    "more news",
    "more stories",
    "most popular",
    "most read",
    "most viewed",
    "popular now",
    "related",
    "trending",
    "recommended",
    "you may also like",
    "you might also like",
    "editor's picks",
    "editors' picks",
    "top stories",
    "latest news",
    "latest stories",
    "also read",
    "read next",
    "what to read next",
    "further reading",
    "don't miss",
    "see also",
    "in other news",
];

fn is_link_list_heading(line: &str) -> bool {
    let lower = text::fold_quotes(&line.to_lowercase());
    let lower = lower.trim().trim_end_matches(':');
    text::word_count(line) <= 6
        && !text::ends_sentence(line)
        && LINK_LIST_HEADINGS.iter().any(|h| lower.starts_with(h))
}

/// Under a heading such as "Most Popular" or "More from …", the short lines
/// that do not end a sentence are the headlines of other stories.
fn mark_link_lists(text: &str, lines: &mut [Line]) {
    let mut in_list = false;
    for line in lines.iter_mut() {
        if line.kind == LineKind::Blank {
            continue;
        }
        let content = text[line.span.range()].trim_matches(text::is_space);
        if is_link_list_heading(content) {
            line.kind = LineKind::Noise(NoiseReason::PageControl);
            in_list = true;
            continue;
        }
        if !in_list {
            continue;
        }
        // Headlines end without a full stop; a question mark may end one.
        let headline =
            text::word_count(content) <= 20 && !content.ends_with(['.', '!', ':', '"', '\u{201D}']);
        if !headline {
            in_list = false;
            continue;
        }
        if line.kind == LineKind::Text {
            line.kind = LineKind::Noise(NoiseReason::UnrelatedHeadline);
        }
    }
}

/// Short section labels ("Tech", "News Tech and Science") above the first
/// real line of text.
fn mark_top_labels(text: &str, lines: &mut [Line]) {
    let text_lines: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.kind == LineKind::Text)
        .map(|(i, _)| i)
        .take(4)
        .collect();
    for (n, &i) in text_lines.iter().enumerate() {
        let line = text[lines[i].span.range()].trim();
        let is_last = n + 1 == text_lines.len();
        if is_last || !is_section_label(line) {
            break;
        }
        lines[i].kind = LineKind::Noise(NoiseReason::Category);
    }
}

/// Words that name sections of a news site.
const SECTION_WORDS: &[&str] = &[
    "news",
    "tech",
    "technology",
    "science",
    "business",
    "world",
    "politics",
    "sport",
    "sports",
    "entertainment",
    "health",
    "opinion",
    "lifestyle",
    "culture",
    "markets",
    "finance",
    "economy",
    "local",
    "national",
    "international",
    "breaking",
    "latest",
    "home",
    "travel",
    "media",
    "us",
    "uk",
    "europe",
    "asia",
    "africa",
    "climate",
    "environment",
    "education",
    "law",
    "crime",
    "arts",
    "music",
    "film",
    "tv",
    "games",
    "gaming",
    "security",
    "privacy",
    "ai",
    "social",
    "internet",
    "and",
    "&",
    "|",
    ">",
    "/",
    "»",
    "›",
    "-",
];

fn is_section_label(line: &str) -> bool {
    let words: Vec<String> = line.split_whitespace().map(str::to_lowercase).collect();
    !words.is_empty()
        && words.len() <= 6
        && !text::ends_sentence(line)
        && words.iter().all(|w| SECTION_WORDS.contains(&w.as_str()))
}

/// A headline-like line that shares no content word with the rest of the
/// article belongs to another story.
fn mark_unrelated_headlines(text: &str, lines: &mut [Line]) {
    let text_lines: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.kind == LineKind::Text)
        .map(|(i, _)| i)
        .collect();
    if text_lines.len() < 4 {
        return;
    }
    let stems: Vec<HashSet<String>> = text_lines
        .iter()
        .map(|&i| {
            text::content_stems(&text[lines[i].span.range()])
                .into_iter()
                .collect()
        })
        .collect();
    // In how many lines each stem stands: a stem in two or more lines is
    // shared by the line with some other line.
    let mut lines_with: HashMap<&str, usize> = HashMap::new();
    for line_stems in &stems {
        for s in line_stems {
            *lines_with.entry(s.as_str()).or_default() += 1;
        }
    }
    for (n, &i) in text_lines.iter().enumerate() {
        let line = text[lines[i].span.range()].trim();
        // Headlines come in Title Case or in sentence case without a full
        // stop ("Celebrity chef opens new restaurant downtown"); the first
        // line, the article's own title, may say it in other words.
        let sentence_case_headline = n > 0
            && !text::ends_sentence(line)
            && !line.ends_with(':')
            && text::word_count(line) <= 20;
        if stems[n].len() < 3
            || !(text::is_headline_like(line) || sentence_case_headline)
            || is_wrapped(text, lines, i)
        {
            continue;
        }
        let shared = stems[n]
            .iter()
            .any(|s| lines_with.get(s.as_str()).is_some_and(|&c| c > 1));
        if !shared {
            lines[i].kind = LineKind::Noise(NoiseReason::UnrelatedHeadline);
        }
    }
}
