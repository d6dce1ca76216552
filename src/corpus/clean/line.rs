//! Rules that need only the line itself.

use super::NoiseReason;
use super::phrases::{
    call_to_action_verbs, caption_credits, caption_openings, comment_form, credit_labels,
    furniture_any_length, journalist_roles, link_list_headings, page_control, photo_agencies,
    promotion, promotion_openings, promotion_to_reader, request_verbs,
};
use crate::corpus::markup;
use crate::text;

fn contains_any(haystack: &str, needles: &[&str]) -> bool {
    needles.iter().any(|n| haystack.contains(n))
}

fn starts_with_any(haystack: &str, openings: &[&str]) -> bool {
    openings.iter().any(|o| haystack.starts_with(o))
}

/// Why a line is not news, by its own shape and words, if it is not.
pub(super) fn classify_line(line: &str) -> Option<NoiseReason> {
    if markup::is_image_line(line) {
        return Some(NoiseReason::PhotoCredit);
    }
    if markup::is_url_line(line) || markup::is_tag_line(line) {
        return Some(NoiseReason::PageControl);
    }
    // The words, not the Markdown or HTML around them: "**Read more:**
    // [headline](url)" is a "Read more:" line.
    // "Required fields are marked *": the star is the form's, not emphasis.
    let marked_required = line.trim_end().ends_with('*');
    let plain = markup::plain_text(line);
    let line = plain.trim_matches(|c: char| text::is_space(c) || c == '_');
    let lower = text::fold_quotes(&line.to_lowercase());
    let spaced = spaced_words(&lower);
    let words = text::word_count(line);
    let short = words <= 12;

    if is_first_person_bio(&lower) || is_third_person_bio(line, &lower) {
        return Some(NoiseReason::AuthorBio);
    }
    if text::contains_email(line) {
        return Some(NoiseReason::Contact);
    }
    // A sentence of five words or more that does not speak to the reader
    // is news whatever button label it holds: "Polls show more voters back
    // the plan." is no "Show more" button.
    let opening = lower.split_whitespace().next().unwrap_or("");
    let bids_the_reader = opening == "please" || call_to_action_verbs().contains(&opening);
    let news_sentence = words >= 5
        && text::ends_sentence(line)
        && !bids_the_reader
        && !addresses_reader(line, &spaced);
    if lower.starts_with("error:")
        || (short && !news_sentence && contains_any(&lower, page_control()))
    {
        return Some(NoiseReason::PageControl);
    }
    if (words <= 30 || marked_required) && contains_any(&lower, comment_form()) {
        return Some(NoiseReason::CommentForm);
    }
    if short && contains_any_words(&spaced, promotion()) {
        return Some(NoiseReason::Promotion);
    }
    if words <= 60
        && (contains_any(&lower, furniture_any_length()) || is_cookie_notice(&lower, &spaced))
    {
        return Some(NoiseReason::PageControl);
    }
    if words <= 40
        && (is_promotion_to_reader(line, &spaced) || is_request_to_us(line, &lower, &spaced))
    {
        return Some(NoiseReason::Promotion);
    }
    if is_editors_note(&lower) {
        return Some(NoiseReason::EditorsNote);
    }
    if words <= 60
        && (contains_any(&lower, caption_credits())
            || starts_with_any(&lower, caption_openings())
            || ends_with_credit(&lower))
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
    // "About the author: Jane Doe has covered …" heads its own bio.
    let about_label = lower
        .split_once(':')
        .is_some_and(|(label, _)| is_about_author_heading(label));
    if is_about_author_heading(&lower) || about_label {
        return Some(NoiseReason::AuthorBio);
    }
    if let Some(reason) = label_line(&lower) {
        return Some(reason);
    }
    let first = lower.split_whitespace().next().unwrap_or("");
    if words <= 6 && !text::ends_sentence(line) && call_to_action_verbs().contains(&first) {
        return Some(NoiseReason::Promotion);
    }
    if words <= 30 && starts_with_any(&lower, promotion_openings()) {
        return Some(NoiseReason::Promotion);
    }
    // "… download the free KRVX 7 app and turn on push alerts": the site's
    // app, offered in its own voice ("users who download the app can …"
    // is news about an app).
    let offers_app = contains_any_words(&spaced, &["download"])
        && contains_any_words(&spaced, &["app"])
        && (addresses_reader(line, &spaced) || contains_any_words(&spaced, &["free"]));
    let alerts = contains_any_words(&spaced, &["push alerts", "push notifications"]);
    if words <= 40 && (offers_app || alerts) && !contains_any_words(&spaced, REPORTING_WORDS) {
        return Some(NoiseReason::Promotion);
    }
    // "Copyright The City Journal Ltd 2025. Please don't copy …"
    if words <= 60 && (lower.starts_with("copyright ") || lower.starts_with('\u{a9}')) {
        return Some(NoiseReason::PageControl);
    }
    if text::parse_date_line(line).is_some() {
        return Some(NoiseReason::Dateline);
    }
    if is_byline(line) {
        return Some(NoiseReason::Byline);
    }
    None
}

/// The words of a lower-cased line, each with a space either side, so that
/// phrases match whole words: "subscribe" is not in "subscribers".
fn spaced_words(lower: &str) -> String {
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .collect();
    format!(" {} ", words.join(" "))
}

fn contains_any_words(spaced: &str, phrases: &[&str]) -> bool {
    phrases.iter().any(|p| spaced.contains(&format!(" {p} ")))
}

/// Words of a reported statement: a line with one is news, whatever else
/// it says.
const REPORTING_WORDS: &[&str] = &["said", "says", "according to", "told"];

/// Whether a line speaks to the reader ("you", "your", "our", "us") in the
/// site's own voice: not a quotation, not a reported statement, and not
/// "the US". `spaced` is [`spaced_words`] of the line.
fn addresses_reader(line: &str, spaced: &str) -> bool {
    let quoted = line.contains(['"', '\u{201C}', '\u{201D}']);
    let reported = contains_any_words(spaced, REPORTING_WORDS);
    let lower_us = format!(" {line} ").contains(" us ");
    let reader = contains_any_words(spaced, &["you", "you're", "your", "our"])
        || (lower_us && spaced.contains(" us "));
    reader && !quoted && !reported
}

/// A sign-up, subscription or donation prompt, of any length.
fn is_promotion_to_reader(line: &str, spaced: &str) -> bool {
    contains_any_words(spaced, promotion_to_reader()) && addresses_reader(line, spaced)
}

fn is_request_to_us(line: &str, lower: &str, spaced: &str) -> bool {
    let first = lower
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphabetic());
    request_verbs().contains(&first) && addresses_reader(line, spaced)
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
    ) || contains_any(
        lower,
        &[
            "an earlier version of this",
            "will update this story",
            "will update this article",
            "this story will be updated",
            "this story has been updated",
            "this article has been updated",
            "this is a developing story",
        ],
    ) || is_views_disclaimer(lower)
}

/// "The views expressed are her own.", "Opinions expressed here do not
/// necessarily reflect …": a contributor's disclaimer, not the views of
/// someone in the news.
fn is_views_disclaimer(lower: &str) -> bool {
    contains_any(lower, &["views expressed", "opinions expressed"])
        && contains_any(
            lower,
            &[" own", "not necessarily", "do not reflect", "don't reflect"],
        )
}

/// A caption whose last sentence credits the picture: "Rescue workers in
/// the ruins. Photograph: Jane Doe/AFP/Getty Images", "… Image Credits:
/// Acme".
fn ends_with_credit(lower: &str) -> bool {
    let Some((before, value)) = lower.rsplit_once(':') else {
        return false;
    };
    let label_start = before
        .rfind(['.', '!', '?', '|', '(', '['])
        .map_or(0, |k| k + 1);
    let label = before[label_start..].trim();
    let label_words: Vec<&str> = label.split_whitespace().collect();
    !before[..label_start].trim().is_empty()
        && (1..=2).contains(&label_words.len())
        && label_words
            .last()
            .is_some_and(|w| credit_labels().contains(w))
        && (1..=8).contains(&text::word_count(value))
        && !value.trim().ends_with('.')
}

/// "Acme uses cookies to personalise content and ads. Read our Cookie
/// Policy. [OK, got it]": the site's notice in its own voice, not news
/// about cookies ("Acme uses cookies to track users, the regulator said";
/// "cookies let websites remember you").
fn is_cookie_notice(lower: &str, spaced: &str) -> bool {
    // The site speaks as "we", not in a quotation or a reported statement.
    let site_voice = contains_any_words(spaced, &["our", "we"])
        && !lower.contains('"')
        && !contains_any_words(spaced, REPORTING_WORDS);
    // "We and our 214 partners use tracking so we can show you ads"
    let consent = site_voice
        && contains_any_words(spaced, &["partners"])
        && contains_any_words(spaced, &["tracking", "ads", "advertising"]);
    consent
        || lower.contains("cookies")
            && (site_voice
                || contains_any_words(spaced, &["got it"])
                || contains_any(
                    lower,
                    &[
                        "[ok",
                        "[accept",
                        "[agree",
                        "privacy settings",
                        "personalise content",
                        "personalize content",
                        "this site",
                        "this website",
                    ],
                ))
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
    // "Photo: Smoke billows behind a barn on Wednesday. (Jane Roe / Courier)":
    // a caption under its label, however long.
    if matches!(
        label.trim(),
        "photo" | "photograph" | "picture" | "image" | "caption" | "pictured" | "above" | "top"
    ) && text::word_count(value) <= 40
    {
        return Some(NoiseReason::PhotoCredit);
    }
    // "Read more: …", "ALSO IN THE HERALD: … | … | …": links to other
    // stories, however many.
    // The links read as headlines: set apart by bars or bullets, or one
    // without a full stop ("Also in the report: the overlay was …" is news).
    let label_words = label.trim().trim_start_matches(['(', '[']);
    let headlines = value.contains(['|', '\u{2022}'])
        || (text::word_count(value) <= 15 && !value.trim_end().ends_with('.'));
    if starts_with_any(label_words, link_list_headings()) && headlines {
        return Some(NoiseReason::PageControl);
    }
    // "(Photo: Getty Images)"
    let label = label.trim().trim_start_matches(['(', '[']);
    // "Acme Alerts: follow this case to be notified of new filings."
    if label.split_whitespace().count() <= 3
        && label.ends_with("alerts")
        && text::word_count(value) <= 30
    {
        return Some(NoiseReason::Promotion);
    }
    if label.split_whitespace().count() > 2 || value.split_whitespace().count() > 8 {
        return None;
    }
    let last = label.split_whitespace().last().unwrap_or("");
    if credit_labels().contains(&last) {
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
        return Some(if contains_any(value, photo_agencies()) {
            NoiseReason::PhotoCredit
        } else {
            NoiseReason::Byline
        });
    }
    None
}

pub(super) fn is_about_author_heading(lower: &str) -> bool {
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
    opens && contains_any(lower, journalist_roles())
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
    // "Jane Doe is the Herald's Europe correspondent": a role held at an
    // outlet, named by its possessive.
    let outlet_role = first_clause
        .split(',')
        .next()
        .is_some_and(|clause| clause.contains("'s ") && contains_any(clause, journalist_roles()));
    let role = contains_any(&first_clause, journalist_roles())
        && (lower.contains("cover")
            || lower.contains("writ")
            || lower.contains("years")
            || outlet_role);
    // "Jane Doe covers city hall for the Herald", "John Roe reports on
    // aviation for Example News": a beat, then the outlet.
    // "… has covered Northbridge United for the Post since 2009"
    let next = words
        .get(name_words + 1)
        .map(|w| w.to_lowercase())
        .unwrap_or_default();
    let verb = if verb == "has" && matches!(next.as_str(), "covered" | "reported") {
        "covers".to_string()
    } else {
        verb
    };
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
