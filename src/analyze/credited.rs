//! Who a passage credits a report to, inside its sentence: "The Guardian
//! reported", "one by The New York Times", "according to Reuters". Two
//! outlets crediting one report to different papers disagree.

use super::sources::source_key;
use crate::text;

/// Adverbs that may stand between a source and "reported".
const REPORTING_ADVERBS: &[&str] = &[
    "first",
    "also",
    "originally",
    "initially",
    "previously",
    "later",
    "exclusively",
];

/// Names a passage credits a report to: "The Guardian reported", "one by
/// The New York Times", "according to Reuters".
pub fn credited_sources(passage: &str) -> Vec<String> {
    let folded = text::fold_quotes(passage);
    let words: Vec<&str> = folded.split_whitespace().collect();
    let bare = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    let is_name = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let lower = bare(w).to_lowercase();
        // "… by The New York Times", "according to Reuters"
        let after = (lower == "by"
            && i > 0
            && words[..i].iter().rev().take(3).any(|p| {
                let p = bare(p).to_lowercase();
                matches!(
                    p.as_str(),
                    "one"
                        | "report"
                        | "reports"
                        | "story"
                        | "article"
                        | "investigation"
                        | "reported"
                )
            }))
            || (lower == "to" && i > 0 && bare(words[i - 1]).eq_ignore_ascii_case("according"));
        if after {
            let name: Vec<String> = words[i + 1..]
                .iter()
                .take_while(|x| is_name(x))
                .take(5)
                .map(|x| bare(x))
                .collect();
            if !name.is_empty() {
                out.push(name.join(" "));
            }
        }
        // "The Guardian reported"
        if matches!(lower.as_str(), "reported" | "reports") && i > 0 {
            // "Bloomberg first reported": step over an adverb to the name.
            let mut end = i;
            while end > 0
                && REPORTING_ADVERBS.contains(&bare(words[end - 1]).to_lowercase().as_str())
            {
                end -= 1;
            }
            let mut start = end;
            while start > 0 && is_name(words[start - 1]) && end - start < 5 {
                start -= 1;
            }
            if start < end {
                out.push(
                    words[start..end]
                        .iter()
                        .map(|x| bare(x))
                        .collect::<Vec<_>>()
                        .join(" "),
                );
            }
        }
    }
    // One entry per source, as first written, whatever its case or article.
    let mut seen = Vec::new();
    out.retain(|name| {
        let key = source_key(name);
        let fresh = !seen.contains(&key);
        seen.push(key);
        fresh
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credits_reports_to_named_sources() {
        assert_eq!(
            credited_sources("In December 2018, The Guardian reported that X."),
            vec!["The Guardian"]
        );
        assert_eq!(
            credited_sources(
                "This contrasts with previous reports, including one by The New York Times in 2018."
            ),
            vec!["The New York Times"]
        );
        assert_eq!(
            credited_sources("According to Reuters, the deal closed."),
            vec!["Reuters"]
        );
        assert_eq!(
            credited_sources("Bloomberg first reported the breach in 2022."),
            vec!["Bloomberg"]
        );
        assert!(credited_sources("The court document alleges a relationship.").is_empty());
    }
}
