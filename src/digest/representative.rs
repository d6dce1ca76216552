//! Which passage speaks for a claim: the clearest complete passage that
//! stands alone. A passage that needs its page to be read (a bullet's label
//! before a colon, a quotation mark closed or opened and never matched, an
//! opening that leans on the sentence before) speaks for a claim only when
//! none of its passages stands alone.

/// The member most like the others, among those with the fewest faults;
/// among near ties, a complete sentence of moderate length reads best.
pub(super) fn choose(
    members: &[usize],
    texts: &[&str],
    similarity: &dyn Fn(usize, usize) -> f32,
) -> usize {
    if members.len() == 1 {
        return members[0];
    }
    let quality = |m: usize| -> (usize, f32) {
        let centrality: f32 = members
            .iter()
            .filter(|&&o| o != m)
            .map(|&o| similarity(m, o))
            .sum::<f32>()
            / (members.len() - 1) as f32;
        let t = texts[m].trim();
        let words = crate::text::word_count(t) as f32;
        let complete = if crate::text::ends_sentence(t) {
            0.05
        } else {
            0.0
        };
        let length = if (8.0..=35.0).contains(&words) {
            0.05
        } else {
            0.0
        };
        (faults(t), centrality + complete + length)
    };
    members
        .iter()
        .copied()
        .max_by(|&a, &b| {
            let (qa, qb) = (quality(a), quality(b));
            qb.0.cmp(&qa.0)
                .then_with(|| qa.1.total_cmp(&qb.1))
                .then_with(|| b.cmp(&a))
        })
        .unwrap_or(members[0])
}

/// A claim's text from its representative: without a bullet's label when
/// no passage of the claim stood alone ("Sharing private messages: Lawyers
/// claim …" reads "Lawyers claim …").
pub(super) fn claim_text(text: &str) -> String {
    let text = crate::text::collapse_spaces(text);
    match bullet_label(&text) {
        Some(rest) => rest.to_string(),
        None => text,
    }
}

/// How many reasons a passage cannot be read on its own.
pub(super) fn faults(text: &str) -> usize {
    usize::from(bullet_label(text).is_some())
        + usize::from(has_unmatched_quotation_mark(text))
        + usize::from(crate::lexicon::needs_context(text))
}

/// "Sharing private messages: Lawyers claim …": a short label of a few
/// words, then a colon and a new sentence (not a quotation). Returns the
/// sentence after the label.
fn bullet_label(text: &str) -> Option<&str> {
    // Scraped pages often put a no-break space after the colon.
    let (label, rest) = text
        .split_once(':')
        .and_then(|(label, rest)| Some((label, rest.strip_prefix(char::is_whitespace)?)))?;
    let words = label.split_whitespace().count();
    let label_like = label
        .chars()
        .all(|c| c.is_alphabetic() || c == ' ' || c == '-' || c == '&' || c == '\'' || c == '’');
    let starts_upper = |s: &str| s.chars().next().is_some_and(char::is_uppercase);
    // A quotation after the colon is speech ("The bank said: “…”"), not a
    // label's sentence.
    let sentence_follows = rest.chars().next().is_some_and(char::is_uppercase);
    ((1..=5).contains(&words) && label_like && starts_upper(label) && sentence_follows)
        .then(|| rest.trim_start())
}

/// A curly quotation mark opened and not closed, or closed and not opened,
/// or an odd number of straight double quotes: the passage was cut out of a
/// longer quotation.
fn has_unmatched_quotation_mark(text: &str) -> bool {
    let count = |c: char| text.chars().filter(|&x| x == c).count();
    count('“') != count('”') || count('"') % 2 == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn faults_of_passages_that_need_their_page() {
        assert_eq!(
            faults("Sharing private messages: Lawyers claim Netflix could read inboxes."),
            1
        );
        assert_eq!(
            faults("Such agreements are commonplace in the industry.”"),
            2
        );
        assert_eq!(
            faults("He said: “We are confident the facts will show this.”"),
            1
        );
        assert_eq!(faults("However, Meta denies the allegations."), 1);
        assert_eq!(faults("Meta denies the allegations."), 0);
        assert_eq!(faults("At 10:30 the court resumed."), 0);
        assert_eq!(
            faults("Data exchange:\u{a0}Facebook and Netflix swapped data."),
            1
        );
        assert_eq!(faults("The bank said: “Rates stay at 4.5%.”"), 0);
    }

    #[test]
    fn a_claims_text_leaves_a_bullets_label_out() {
        assert_eq!(
            claim_text("Sharing private messages:\u{a0}Lawyers claim  Netflix read inboxes."),
            "Lawyers claim Netflix read inboxes."
        );
        assert_eq!(
            claim_text("The bank said: “Rates stay.”"),
            "The bank said: “Rates stay.”"
        );
    }

    #[test]
    fn a_passage_that_stands_alone_speaks_for_the_claim() {
        let texts = [
            "However, Meta denies that it shared private messages with Netflix.",
            "Meta denies it shared private messages with Netflix.",
            "Meta denies sharing private messages with Netflix.”",
        ];
        // The first is the most central, yet leans on the sentence before.
        let similarity = |a: usize, b: usize| if a == 0 || b == 0 { 0.9 } else { 0.5 };
        assert_eq!(choose(&[0, 1, 2], &texts, &similarity), 1);
        // With no passage standing alone, the most central still speaks.
        let leaning = ["However, Meta denies it.", "But Meta denies it."];
        let similarity = |a: usize, _b: usize| if a == 1 { 0.9 } else { 0.5 };
        assert_eq!(choose(&[0, 1], &leaning, &similarity), 1);
    }
}
