//! The words and phrases of page furniture, by the rule that reads them.
//! Each list is a file in `src/lexicon/` (`noise-*.tsv`) with, for every
//! entry, a line it marks as noise and a look-alike line of article text;
//! the tests below run the cleaner on both.

use std::sync::OnceLock;

use crate::lexicon;

/// Declares, for each list, a function returning its words as a slice, read
/// from the lexicon once.
macro_rules! phrases {
    ($($(#[$doc:meta])* $name:ident = $list:ident;)*) => {$(
        $(#[$doc])*
        pub(super) fn $name() -> &'static [&'static str] {
            static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
            lexicon::words_in(lexicon::$list(), &WORDS)
        }
    )*};
}

phrases! {
    /// Phrases that mark a line as a comment form wherever they appear in it.
    comment_form = noise_comment_form;
    /// Matched as whole words: "subscribe", not "subscribers".
    promotion = noise_promotion;
    page_control = noise_page_control;
    /// Phrases that mark page furniture in a line of any length: cookie
    /// notices and rights statements run to sentences.
    furniture_any_length = noise_furniture_any_length;
    /// Credits set in or after a caption: "(AP Photo/Jeff Chiu, File)".
    caption_credits = noise_caption_credits;
    /// Openings of a photo caption or credit line.
    caption_openings = noise_caption_openings;
    /// Phrases of a call to action when the line also speaks to the reader
    /// ("Sign up for our morning newsletter to get … in your inbox").
    promotion_to_reader = noise_promotion_to_reader;
    /// Openings of an order to the reader, which news never opens with:
    /// "Subscribe to the Gazette's weekly digest …", "Support nonprofit news."
    promotion_openings = noise_promotion_openings;
    /// Verbs that open a call to action when they begin a short line ("Check
    /// more IT Jobs").
    call_to_action_verbs = noise_call_to_action_verbs;
    /// Labels that introduce a photo credit or caption source.
    credit_labels = noise_credit_labels;
    /// Photo agencies whose name after "Source:" marks an image credit, not
    /// an outlet.
    photo_agencies = noise_photo_agencies;
    /// Words that name a journalist's job, for spotting author bios.
    journalist_roles = noise_journalist_roles;
    /// Verbs that open a request to the reader addressed to the outlet
    /// ("Send it to our newsroom", "Tell us what you think").
    request_verbs = noise_request_verbs;
    /// Headings of the lists of links to other stories that pages carry.
    link_list_headings = noise_link_list_headings;
    /// Words that name sections of a news site.
    section_words = noise_section_words;
}

#[cfg(test)]
mod tests {
    use super::super::NoiseReason::{self, *};
    use super::super::context::{is_link_list_heading, is_section_label};
    use super::super::line::classify_line;
    use super::*;
    use crate::lexicon::WordList;

    /// Each entry's line must read `fired`, its look-alike `spared`, and
    /// the line again with the entry left out must read otherwise. Returns
    /// every failure, not the first.
    fn check<T: PartialEq + std::fmt::Debug>(
        list: &'static WordList,
        read: impl Fn(&str) -> T,
        fired: T,
        spared: T,
    ) -> Vec<String> {
        let mut failures = Vec::new();
        for e in &list.entries {
            let got = read(e.fires_on);
            if got != fired {
                failures.push(format!(
                    "{} {:?}: {:?} reads {got:?}",
                    list.file, e.words, e.fires_on
                ));
            }
            let got = read(e.spares);
            if got != spared {
                failures.push(format!(
                    "{} {:?}: spare {:?} reads {got:?}",
                    list.file, e.words, e.spares
                ));
            }
            if lexicon::without(list.file, e.words, || read(e.fires_on)) == fired {
                failures.push(format!(
                    "{} {:?}: {:?} reads the same without it",
                    list.file, e.words, e.fires_on
                ));
            }
        }
        failures
    }

    fn line_lists() -> Vec<(&'static WordList, NoiseReason, Option<NoiseReason>)> {
        vec![
            (lexicon::noise_comment_form(), CommentForm, None),
            (lexicon::noise_promotion(), Promotion, None),
            (lexicon::noise_page_control(), PageControl, None),
            (lexicon::noise_furniture_any_length(), PageControl, None),
            (lexicon::noise_caption_credits(), PhotoCredit, None),
            (lexicon::noise_caption_openings(), PhotoCredit, None),
            (lexicon::noise_promotion_to_reader(), Promotion, None),
            (lexicon::noise_promotion_openings(), Promotion, None),
            (lexicon::noise_call_to_action_verbs(), Promotion, None),
            (lexicon::noise_credit_labels(), PhotoCredit, None),
            // The look-alike of an agency credit names an outlet: a byline.
            (lexicon::noise_photo_agencies(), PhotoCredit, Some(Byline)),
            (lexicon::noise_journalist_roles(), AuthorBio, None),
            (lexicon::noise_request_verbs(), Promotion, None),
            (lexicon::noise_link_list_headings(), PageControl, None),
        ]
    }

    #[test]
    fn every_noise_phrase_marks_its_line_and_spares_its_look_alike() {
        let mut failures = Vec::new();
        for (list, reason, spared) in line_lists() {
            failures.extend(check(list, classify_line, Some(reason), spared));
        }
        failures.extend(check(
            lexicon::noise_section_words(),
            is_section_label,
            true,
            false,
        ));
        // Entries that do not decide their line alone: another list or rule
        // marks it the same way. Kept so that moving the lists changed
        // nothing; each is listed so that a change to the rules shows here.
        let known = [
            // "follow us" in promotion-to-reader: the line says "us".
            "noise-promotion.tsv \"follow us on\": \"Please follow us on Twitter and Facebook\" reads the same without it",
            // "download our app" in promotion-to-reader: the line says "our".
            "noise-promotion.tsv \"download our app\": \"Please download our app\" reads the same without it",
            // Also a phrase of page furniture of any length.
            "noise-page-control.tsv \"all rights reserved\": \"(c) 2024 Acme Media. All rights reserved.\" reads the same without it",
            "noise-page-control.tsv \"copyright ©\": \"Acme Media copyright © 2024\" reads the same without it",
            // A cookie notice in the site's voice ("we", "our", "this site").
            "noise-furniture-any-length.tsv \"we use cookies\": \"We use cookies to improve your experience on our site.\" reads the same without it",
            "noise-furniture-any-length.tsv \"our use of cookies\": \"By continuing you agree to our use of cookies.\" reads the same without it",
            "noise-furniture-any-length.tsv \"this site uses cookies\": \"This site uses cookies.\" reads the same without it",
            "noise-furniture-any-length.tsv \"this website uses cookies\": \"This website uses cookies.\" reads the same without it",
            // A caption that ends "Photo: name" is a credit by its label.
            "noise-caption-credits.tsv \"(photo:\": \"Smoke rises over the city (Photo: Jane Roe)\" reads the same without it",
            // The line is folded before it is matched, en and em dashes to
            // "-": these two never match, "file -" does.
            "noise-caption-openings.tsv \"file –\": \"FILE – Firefighters battle a blaze in 2019.\" reads the same without it",
            "noise-caption-openings.tsv \"file —\": \"FILE — Firefighters battle a blaze in 2019.\" reads the same without it",
            // The app offered in the site's voice.
            "noise-promotion-to-reader.tsv \"download our app\": \"You can download our app to read every story from the whole region for free.\" reads the same without it",
            // "tip us" is in the same list.
            "noise-promotion-to-reader.tsv \"tip us off\": \"You can tip us off about any story in the region at any time of the day.\" reads the same without it",
            // A request verb followed by "our" or "us" speaks to the reader.
            "noise-promotion-openings.tsv \"support our \": \"Support our newsroom with a one-off gift of any size to keep the region informed.\" reads the same without it",
            "noise-promotion-openings.tsv \"download our \": \"Download our latest edition of the weekly print paper.\" reads the same without it",
            "noise-promotion-openings.tsv \"follow us \": \"Follow us for the latest stories from the region.\" reads the same without it",
            "noise-promotion-openings.tsv \"get our \": \"Get our weekly edition of the print paper each Friday.\" reads the same without it",
            // "subscribe" is a promotion word in a short line.
            "noise-call-to-action-verbs.tsv \"subscribe\": \"Subscribe\" reads the same without it",
            // "subscribe" and "donate" are in promotion-to-reader.
            "noise-request-verbs.tsv \"subscribe\": \"Subscribe today to our weekly digest of the very best stories from the whole region.\" reads the same without it",
            "noise-request-verbs.tsv \"donate\": \"Donate to our newsroom today.\" reads the same without it",
            // "more on" starts every line "more on this" starts.
            "noise-link-list-headings.tsv \"more on this\": \"More on this story: Storm hits the coast overnight | Bridge reopens after long repairs | Council approves budget\" reads the same without it",
        ];
        assert_eq!(failures, known, "{failures:#?}");
    }

    /// The same headings stand alone above a list of links: the label of
    /// each fires-on line, by itself, is such a heading; the look-alike
    /// line is not.
    #[test]
    fn every_link_list_heading_also_heads_a_list_by_itself() {
        let list = lexicon::noise_link_list_headings();
        let mut failures = Vec::new();
        for e in &list.entries {
            let heading = e.fires_on.split(':').next().unwrap_or_default();
            if !is_link_list_heading(heading) {
                failures.push(format!("{:?} is not a heading", heading));
            }
            if is_link_list_heading(e.spares) {
                failures.push(format!("spare {:?} is a heading", e.spares));
            }
            if lexicon::without(list.file, e.words, || is_link_list_heading(heading)) {
                failures.push(format!("{heading:?} is a heading without {:?}", e.words));
            }
        }
        // "more on" starts every heading "more on this" starts.
        let known = ["\"More on this story\" is a heading without \"more on this\""];
        assert_eq!(failures, known, "{failures:#?}");
    }

    /// Sentences of news that hold a button's label are still news; the
    /// buttons themselves still are not.
    #[test]
    fn a_news_sentence_is_no_button() {
        for news in [
            "Polls show more voters back the plan.",
            "Forecasters foresee more rain this week.",
            "Children read more books in 2023, the survey found.",
            "The regulator fined the firm over its privacy policy.",
        ] {
            assert_eq!(classify_line(news), None, "{news}");
        }
        for furniture in [
            "Show more",
            "Read more",
            "Please enable JavaScript to view this page.",
            "Privacy policy",
        ] {
            assert!(classify_line(furniture).is_some(), "{furniture}");
        }
    }
}
