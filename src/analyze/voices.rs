//! Who speaks in each passage, read in its article: a sentence inside a
//! quotation keeps the quotation's speaker ("According to him, “Shockingly
//! untrue. Meta didn't share …”"), a pronoun speaker is the source named
//! before it, and every source has one name across the story.

use super::attribution::{Attribution, Stance, Subject, read};
use super::sources::Sources;
use crate::corpus::{Article, Corpus, PassageKind};
use crate::digest::PassageRef;

/// How far back, in passages, a pronoun may point for its source.
const POINTER_REACH: usize = 5;

/// Pronouns for people: one that points at nothing the article named is
/// still someone speaking ("…,” he said.), so it stays the source.
const PERSONAL: &[&str] = &["he", "him", "she", "her", "they", "them", "we", "us"];

/// The voice of one passage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Voice {
    /// The source, an id into the story's [`Sources`]; `None` for the
    /// article's own voice.
    pub source: Option<u32>,
    pub stance: Stance,
}

/// Every passage's voice.
#[derive(Debug, Clone, Default)]
pub struct Voices {
    pub sources: Sources,
    by_article: Vec<Vec<Voice>>,
}

/// A quotation that runs over more than one passage.
struct Quotation {
    opener: usize,
    closer: Option<usize>,
}

/// Where each passage stands towards quotations: the quotation it opens
/// inside, if any, and the quotation it begins that a later passage ends.
struct Quoting {
    inside: Vec<Option<usize>>,
    begun: Vec<Option<usize>>,
    quotes: Vec<Quotation>,
}

fn quotations(article: &Article) -> Quoting {
    let mut inside = Vec::with_capacity(article.passages.len());
    let mut quotes: Vec<Quotation> = Vec::new();
    let mut open: Option<usize> = None;
    let mut pos = 0;
    for (i, p) in article.passages.iter().enumerate() {
        let start = p.span.start.max(pos);
        // A quotation left open ends with its paragraph.
        if article
            .text
            .get(pos..start)
            .is_some_and(|gap| gap.contains("\n\n"))
        {
            open = None;
        }
        inside.push(open);
        for c in article.text.get(p.span.range()).unwrap_or("").chars() {
            match (c, open) {
                ('“', None) | ('"', None) => {
                    open = Some(quotes.len());
                    quotes.push(Quotation {
                        opener: i,
                        closer: None,
                    });
                }
                ('”', Some(q)) | ('"', Some(q)) => {
                    if quotes[q].opener != i {
                        quotes[q].closer = Some(i);
                    }
                    open = None;
                }
                _ => {}
            }
        }
        pos = p.span.end.max(pos);
    }
    let mut begun = vec![None; inside.len()];
    for (q, quote) in quotes.iter().enumerate() {
        if quote.closer.is_some() {
            begun[quote.opener] = Some(q);
        }
    }
    Quoting {
        inside,
        begun,
        quotes,
    }
}

impl Voices {
    /// Reads the voice of every passage of the corpus.
    pub fn of(corpus: &Corpus) -> Voices {
        let readings: Vec<Vec<(Subject, Stance)>> = corpus
            .articles
            .iter()
            .map(|a| {
                a.passages
                    .iter()
                    .map(|p| {
                        let (subject, stance) = read(a.passage_text(p));
                        // Title case makes every word of a heading look
                        // like a name ("What The Report Uncovered").
                        if p.kind == PassageKind::Heading {
                            (Subject::Unnamed, stance)
                        } else {
                            (subject, stance)
                        }
                    })
                    .collect()
            })
            .collect();
        let sources = Sources::of(readings.iter().flatten().filter_map(|(s, _)| match s {
            Subject::Named(name) => Some(name.as_str()),
            Subject::Pronoun(p) if PERSONAL.contains(&p.as_str()) => Some(p.as_str()),
            _ => None,
        }));
        let by_article = corpus
            .articles
            .iter()
            .zip(&readings)
            .map(|(article, readings)| voices_of(article, readings, &sources))
            .collect();
        Voices {
            sources,
            by_article,
        }
    }

    pub fn voice(&self, r: PassageRef) -> Option<Voice> {
        self.by_article.get(r.article)?.get(r.passage).copied()
    }

    /// The passage's source (by its one name) and stance.
    pub fn attribution(&self, r: PassageRef) -> Option<Attribution> {
        let voice = self.voice(r)?;
        Some(Attribution {
            source: voice.source.map(|id| self.sources.name(id).to_string()),
            stance: voice.stance,
        })
    }
}

fn voices_of(article: &Article, readings: &[(Subject, Stance)], sources: &Sources) -> Vec<Voice> {
    let Quoting {
        inside,
        begun,
        quotes,
    } = quotations(article);
    let named = |i: usize| match &readings[i].0 {
        Subject::Named(name) => sources.id(name),
        _ => None,
    };
    // A source each passage speaks with or mentions: what a pronoun
    // after it may point to.
    let mut named_here: Vec<Option<u32>> = Vec::with_capacity(readings.len());
    let mut voices: Vec<Voice> = Vec::with_capacity(readings.len());
    for (i, (subject, stance)) in readings.iter().enumerate() {
        let pointed = |pronoun: &str, named_here: &[Option<u32>]| {
            let personal = matches!(pronoun, "he" | "him" | "she" | "her");
            let recent = named_here
                .iter()
                .rev()
                .take(POINTER_REACH)
                .flatten()
                .copied();
            let mut recent = recent.peekable();
            let first = recent.peek().copied();
            let fitting = recent.find(|&id| sources.is_person(id) == personal);
            // "It" or "they" may point at people too, when nothing else was named.
            fitting.or(if personal { None } else { first })
        };
        let source = match subject {
            Subject::Named(name) => sources.id(name),
            Subject::Pronoun(p) => pointed(p, &named_here),
            Subject::Unnamed => match (inside[i], begun[i]) {
                (Some(q), _) => {
                    let quote = &quotes[q];
                    voices[quote.opener]
                        .source
                        .or_else(|| quote.closer.and_then(named))
                }
                // A quotation that begins here and ends with its speaker.
                (None, Some(q)) => quotes[q].closer.and_then(named),
                (None, None) => None,
            },
        };
        let passage = &article.passages[i];
        named_here.push(source.or_else(|| sources.mentioned_in(article.passage_text(passage))));
        // A pronoun that points at nothing stays the source, never pointed at.
        let unresolved = match subject {
            Subject::Pronoun(p) if source.is_none() => sources.id(p),
            _ => None,
        };
        voices.push(Voice {
            source: source.or(unresolved),
            stance: *stance,
        });
    }
    voices
}

#[cfg(test)]
mod tests {
    use super::*;

    fn voices(text: &str) -> (Corpus, Voices) {
        let corpus = Corpus::from_texts([("story", text.to_string())]);
        let voices = Voices::of(&corpus);
        (corpus, voices)
    }

    fn label(corpus: &Corpus, voices: &Voices, needle: &str) -> String {
        let article = &corpus.articles[0];
        let p = article
            .passages
            .iter()
            .find(|p| article.passage_text(p).contains(needle))
            .unwrap_or_else(|| panic!("no passage holds {needle:?}"));
        let a = voices
            .attribution(PassageRef {
                article: 0,
                passage: p.index,
            })
            .expect("a voice for every passage");
        format!("{} · {}", a.source_label(), a.stance.name())
    }

    #[test]
    fn a_sentence_inside_a_quotation_keeps_its_speaker() {
        let (c, v) = voices(
            "Headline about the deal\n\n\
             Andy Stone, the company's director, denied the claims on Monday.\n\n\
             According to him, “Shockingly untrue. The firm didn't share private messages with the \
             streamer. Such agreements are common in the industry.”\n\n\
             The board met in 2011.\n",
        );
        assert_eq!(
            label(&c, &v, "didn't share"),
            "Andy Stone · denies",
            "{:?}",
            c.articles[0].passage_texts().collect::<Vec<_>>()
        );
        assert_eq!(label(&c, &v, "Such agreements"), "Andy Stone · asserts");
        assert_eq!(label(&c, &v, "board met"), "the article · asserts");
    }

    #[test]
    fn a_quotation_closed_by_its_speaker_is_theirs() {
        let (c, v) = voices(
            "Headline about the deal\n\n\
             “We never sold any data. Our users trust us with their messages,” said Maria Lopez.\n",
        );
        assert_eq!(label(&c, &v, "Our users"), "Maria Lopez · reports");
        assert_eq!(label(&c, &v, "never sold"), "Maria Lopez · denies");
    }

    #[test]
    fn pronouns_point_back_at_a_fitting_source() {
        let (c, v) = voices(
            "Headline about the deal\n\n\
             The lawsuit alleges that the firm shared messages for a decade.\n\n\
             Andy Stone rejected the claims on Monday.\n\n\
             It also alleges that the two firms had a special relationship.\n\n\
             “We will fight this,” he said.\n",
        );
        assert_eq!(
            label(&c, &v, "special relationship"),
            "the lawsuit · alleges"
        );
        assert_eq!(label(&c, &v, "fight this"), "Andy Stone · reports");
    }

    #[test]
    fn it_points_back_at_a_source_mentioned_before() {
        let (c, v) = voices(
            "Headline about the deal\n\n\
             Court documents claim that the firm shared messages.\n\n\
             Maria Lopez reported the figures last year.\n\n\
             The lawsuit was brought by two users in April.\n\n\
             It alleges that the two firms had a special relationship.\n",
        );
        assert_eq!(
            label(&c, &v, "special relationship"),
            "Court documents · alleges"
        );
    }

    #[test]
    fn a_quotation_left_open_ends_with_its_paragraph() {
        let (c, v) = voices(
            "Headline about the deal\n\n\
             Andy Stone said: “The access was limited.\n\n\
             Prices rose in March.\n",
        );
        assert_eq!(label(&c, &v, "Prices rose"), "the article · asserts");
    }
}
