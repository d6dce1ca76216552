//! Named actors: the people, companies and institutions a passage names.
//!
//! Which words are names is learnt from the story itself: a word written
//! with a capital inside sentences and never in lower case is a name, so the
//! first word of a sentence counts when the story names it elsewhere.

use std::collections::{HashMap, HashSet};

use crate::text;

#[derive(Debug, Clone, Default)]
pub struct ProperNouns {
    names: HashSet<String>,
    /// Other words the story gives a name by: "the utility" after
    /// "Ridgeway Power, the regional electric utility,"; "tiramepril" after
    /// "Dorvalex (tiramepril)". Each maps to the name's words.
    aliases: HashMap<String, Alias>,
}

#[derive(Debug, Clone, PartialEq)]
struct Alias {
    names: Vec<String>,
    /// A description ("the utility") names the actor only after "the".
    after_the: bool,
}

/// Longest description, in words after "the", read as another name.
const MAX_DESCRIPTION_WORDS: usize = 4;

/// Words written with a capital that still name no one.
fn is_calendar_word(word: &str) -> bool {
    text::month_number(word).is_some() || text::weekday_number(word).is_some()
}

/// What joins the parts of one written word that may each be a name.
const NAME_PART_SEPARATORS: [char; 3] = ['-', '/', '\u{2013}'];

/// One word of a passage as the name rules read it.
struct Word {
    /// Folded to lower case, a possessive "'s" taken off.
    folded: String,
    capital: bool,
    /// Opens a sentence or a quotation.
    opening: bool,
    /// "Oduya's"
    possessive: bool,
    /// Written with a comma after it.
    comma_after: bool,
}

/// The words of a passage, each part of a hyphenated word on its own.
fn words_with_position(passage: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut opening = true;
    for raw in passage.split(text::is_space) {
        // "DVD-CCA" and "DVD CCA", "English/Turkish" and "English-Turkish"
        // name the same actors.
        for part in raw.split(NAME_PART_SEPARATORS) {
            let trimmed = part.trim_matches(|c: char| !c.is_alphanumeric());
            if trimmed.is_empty() {
                continue;
            }
            let folded = text::fold_for_match(trimmed);
            out.push(Word {
                capital: trimmed.chars().next().is_some_and(char::is_uppercase),
                opening,
                possessive: folded.ends_with("'s"),
                comma_after: part.ends_with(','),
                folded: folded.strip_suffix("'s").unwrap_or(&folded).to_string(),
            });
        }
        opening = raw.ends_with(['.', ':', '!', '?', '"', '\u{201C}'])
            || raw.starts_with(['"', '\u{201C}', '(']);
    }
    out
}

/// The names of a passage by role, each folded to lower case and sorted.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Names {
    /// Who acts.
    pub actors: Vec<String>,
    /// Where it happened.
    pub places: Vec<String>,
    /// Who tells it: a source, the outlet told, an assertion's speaker.
    pub sources: Vec<String>,
}

impl ProperNouns {
    /// Learns the names of a story from its sentences.
    pub fn learn<'a>(passages: impl IntoIterator<Item = &'a str>) -> ProperNouns {
        let mut capital_inside: HashMap<String, usize> = HashMap::new();
        let mut lower: HashSet<String> = HashSet::new();
        let mut kept: Vec<&str> = Vec::new();
        for passage in passages {
            // Title Case headings capitalise every word: they teach nothing.
            if text::title_case_ratio(passage) > 0.7 {
                continue;
            }
            kept.push(passage);
            for word in words_with_position(passage) {
                if !word.folded.chars().any(char::is_alphabetic) {
                    continue;
                }
                if !word.capital {
                    lower.insert(word.folded);
                } else if !word.opening {
                    *capital_inside.entry(word.folded).or_default() += 1;
                }
            }
        }
        let names: HashSet<String> = capital_inside
            .into_keys()
            .filter(|w| {
                !lower.contains(w)
                    && !text::is_stop_word(w)
                    && !is_calendar_word(w)
                    && w.chars().count() > 1
            })
            .collect();
        let aliases = learn_aliases(&kept, &names);
        ProperNouns { names, aliases }
    }

    /// The passage with its names left out. The embedding judges what is
    /// said; who says it is the actor guard's business, and rare names would
    /// otherwise dominate a static embedding's average.
    pub fn without_names(&self, passage: &str) -> String {
        passage
            .split(text::is_space)
            .filter(|raw| {
                // A word goes when each of its parts is a name, as
                // `words_with_position` splits them ("DVD-CCA" goes,
                // "Meta-owned" stays).
                let is_name = |part: &str| {
                    let trimmed = part.trim_matches(|c: char| !c.is_alphanumeric());
                    let capital = trimmed.chars().next().is_some_and(char::is_uppercase);
                    let folded = text::fold_for_match(trimmed);
                    let word = folded.strip_suffix("'s").unwrap_or(&folded);
                    capital && self.names.contains(word)
                };
                !raw.split(NAME_PART_SEPARATORS).all(is_name)
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The names a passage mentions, folded to lower case, sorted, by role:
    /// who acts, where it happened ("trading in New York", "the Austin,
    /// Texas-based company"), and who tells it: a source ("according to
    /// LSEG data", "according to villagers who spoke to Saldovia Today"),
    /// the outlet told ("told MailOnline"), the speaker of an assertion
    /// ("Oduya said", "in CEO Maren Oduya's words"). Two outlets tell one
    /// fact with different such details, which must not make them name
    /// different actors. A denial's speaker is who denies ("Meta's director
    /// denied …") and stays an actor.
    pub fn names_by_role(&self, passage: &str, denies: bool) -> Names {
        let words = words_with_position(passage);
        let role = roles(&words, denies);
        let mut named: Vec<(Role, String)> = (0..words.len())
            .filter(|&k| words[k].capital && self.names.contains(&words[k].folded))
            .map(|k| (role[k], words[k].folded.clone()))
            .collect();
        for (start, initials) in initials(&words) {
            if self.names.contains(&initials) {
                named.push((role[start], initials));
            }
        }
        for (k, word) in words.iter().enumerate() {
            let Some(alias) = self.aliases.get(&word.folded) else {
                continue;
            };
            let after_the = k > 0 && words[k - 1].folded == "the";
            if after_the || !alias.after_the {
                named.extend(alias.names.iter().map(|n| (role[k], n.clone())));
            }
        }
        let collect = |wanted: Role| {
            let mut out: Vec<String> = named
                .iter()
                .filter(|(r, _)| *r == wanted)
                .map(|(_, w)| w.clone())
                .collect();
            out.sort_unstable();
            out.dedup();
            out
        };
        Names {
            actors: collect(Role::Actor),
            places: collect(Role::Place),
            sources: collect(Role::Source),
        }
    }
}

/// The other words a story gives its names by, from appositions ("Ridgeway
/// Power, the regional electric utility, …": "utility") and brackets
/// ("Dorvalex (tiramepril)": "tiramepril"). A word given to two different
/// names names neither.
fn learn_aliases(passages: &[&str], names: &HashSet<String>) -> HashMap<String, Alias> {
    let mut found: HashMap<String, Option<Alias>> = HashMap::new();
    let mut add = |word: &str, alias: Alias| {
        if names.contains(word) || text::is_stop_word(word) || word.chars().count() < 3 {
            return;
        }
        found
            .entry(word.to_string())
            .and_modify(|seen| {
                if seen.as_ref() != Some(&alias) {
                    *seen = None;
                }
            })
            .or_insert(Some(alias));
    };
    for passage in passages {
        let words = words_with_position(passage);
        // The run of name words ending at k, if any.
        let name_run = |end: usize| -> Vec<String> {
            let mut start = end + 1;
            while start > 0 && words[start - 1].capital && names.contains(&words[start - 1].folded)
            {
                start -= 1;
            }
            words[start..=end]
                .iter()
                .map(|w| w.folded.clone())
                .collect()
        };
        for k in 0..words.len() {
            // "Name, the [words] head,"
            if words[k].comma_after
                && words[k].capital
                && names.contains(&words[k].folded)
                && words.get(k + 1).is_some_and(|w| w.folded == "the")
            {
                let description = (k + 2..words.len().min(k + 2 + MAX_DESCRIPTION_WORDS))
                    .take_while(|&d| !words[d].capital)
                    .find(|&d| words[d].comma_after);
                if let Some(head) = description {
                    add(
                        &words[head].folded,
                        Alias {
                            names: name_run(k),
                            after_the: true,
                        },
                    );
                }
            }
        }
        // "Name (alias)": one word in brackets after a name.
        let mut rest = *passage;
        while let Some(open) = rest.find(" (") {
            let before = &rest[..open];
            let after = &rest[open + 2..];
            let Some(close) = after.find(')') else { break };
            let inside = after[..close].trim();
            let last = before
                .rsplit(text::is_space)
                .next()
                .unwrap_or("")
                .trim_matches(|c: char| !c.is_alphanumeric());
            let folded_last = text::fold_for_match(last);
            let one_word = !inside.is_empty() && inside.chars().all(char::is_alphabetic);
            let capital = last.chars().next().is_some_and(char::is_uppercase);
            if one_word && capital && names.contains(&folded_last) {
                let alias = text::fold_for_match(inside);
                // An acronym in brackets is read by `initials`.
                if !inside.chars().all(|c| c.is_uppercase()) {
                    add(
                        &alias,
                        Alias {
                            names: vec![folded_last],
                            after_the: false,
                        },
                    );
                }
            }
            rest = &after[close..];
        }
    }
    found
        .into_iter()
        .filter_map(|(word, alias)| Some((word, alias?)))
        .collect()
}

/// What a name does in its passage.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Role {
    Actor,
    Place,
    Source,
}

/// Written with a capital and no stop word: a word of a name.
fn capitalised(word: &Word) -> bool {
    word.capital && !text::is_stop_word(&word.folded)
}

/// The role of each word's name. A run of capitalised words up to a comma
/// is one name ("New York", "CEO Maren Oduya"); what stands around the run
/// says its role.
fn roles(words: &[Word], denies: bool) -> Vec<Role> {
    let mut role = vec![Role::Actor; words.len()];
    let mut k = 0;
    while k < words.len() {
        if !capitalised(&words[k]) {
            k += 1;
            continue;
        }
        let start = k;
        while k < words.len() && capitalised(&words[k]) {
            k += 1;
            if words[k - 1].comma_after {
                break;
            }
        }
        let before = |n: usize| start.checked_sub(n).map(|i| words[i].folded.as_str());
        let last = &words[k - 1];
        let after = words.get(k).map(|w| w.folded.as_str());
        // Inside "according to …" up to the clause's end.
        let in_according = (0..start)
            .rev()
            .take_while(|&i| !words[i].comma_after)
            .any(|i| words[i].folded == "to" && i > 0 && words[i - 1].folded == "according");
        let speaker = !denies
            && (matches!(after, Some("said" | "says" | "told" | "wrote"))
                || (last.possessive && after == Some("words")));
        // "in Austin, Texas, the company …": a place set off by commas
        // after a place goes with it.
        let appositive = start > 0
            && role[start - 1] == Role::Place
            && words[start - 1].comma_after
            && (last.comma_after || k == words.len());
        role[start..k].fill(if in_according || before(1) == Some("told") || speaker {
            Role::Source
        } else if last.possessive {
            // "in CEO Maren Oduya's words": whose, not where.
            Role::Actor
        } else if appositive
            || matches!(before(1), Some(w) if SCENE_PREPOSITIONS.contains(&w))
            || after == Some("based")
        {
            Role::Place
        } else {
            Role::Actor
        });
    }
    // "the Austin, Texas-based company": the place before the one joined to
    // "based" goes with it.
    for k in (1..words.len()).rev() {
        if role[k] == Role::Place
            && words[k - 1].comma_after
            && words[k - 1].capital
            && words.get(k + 1).is_some_and(|w| w.folded == "based")
        {
            role[k - 1] = Role::Place;
        }
    }
    role
}

/// The initials of each run of capitalised words joined by "of", "the",
/// "and", "for" or "on", with the index of its first word: "the Office of
/// the Data Protection Commissioner" gives "odpc", which meets the "ODPC"
/// a story names elsewhere.
fn initials(words: &[Word]) -> Vec<(usize, String)> {
    let joining = |w: &Word| matches!(w.folded.as_str(), "of" | "the" | "and" | "for" | "on");
    let mut out = Vec::new();
    let mut k = 0;
    while k < words.len() {
        if !capitalised(&words[k]) {
            k += 1;
            continue;
        }
        let start = k;
        let mut letters = String::new();
        while k < words.len() {
            if capitalised(&words[k]) {
                letters.extend(words[k].folded.chars().next());
                k += 1;
                continue;
            }
            // "Office of the Data …": up to two joining words before a capital.
            let gap = (k..words.len().min(k + 2))
                .take_while(|&g| joining(&words[g]))
                .last()
                .filter(|&g| words.get(g + 1).is_some_and(|w| w.capital));
            match gap {
                Some(g) => k = g + 1,
                None => break,
            }
        }
        if letters.chars().count() >= 2 {
            out.push((start, letters));
        }
    }
    out
}

/// Prepositions after which a name is where something happened.
const SCENE_PREPOSITIONS: &[&str] = &["in", "near", "outside", "across", "throughout"];

/// Places whose people and adjective are not the place's name plus an
/// ending. Word pairs of English, not of any story: "Spanish" names Spain
/// as surely as "Spain" does.
const IRREGULAR_DEMONYMS: &[(&str, &str)] = &[
    ("spanish", "spain"),
    ("spaniard", "spain"),
    ("spaniards", "spain"),
    ("british", "britain"),
    ("briton", "britain"),
    ("britons", "britain"),
    ("uk", "britain"),
    ("u.k", "britain"),
    ("english", "england"),
    ("welsh", "wales"),
    ("scottish", "scotland"),
    ("scots", "scotland"),
    ("irish", "ireland"),
    ("french", "france"),
    ("dutch", "netherlands"),
    ("swiss", "switzerland"),
    ("turkish", "turkey"),
    ("turks", "turkey"),
    ("polish", "poland"),
    ("poles", "poland"),
    ("swedish", "sweden"),
    ("swedes", "sweden"),
    ("danish", "denmark"),
    ("danes", "denmark"),
    ("finnish", "finland"),
    ("finns", "finland"),
    ("norwegian", "norway"),
    ("norwegians", "norway"),
    ("icelandic", "iceland"),
    ("greek", "greece"),
    ("greeks", "greece"),
    ("belgian", "belgium"),
    ("belgians", "belgium"),
    ("thai", "thailand"),
    ("filipino", "philippines"),
    ("filipinos", "philippines"),
    ("philippine", "philippines"),
    ("afghan", "afghanistan"),
    ("afghans", "afghanistan"),
    ("peruvian", "peru"),
    ("argentine", "argentina"),
    ("us", "america"),
    ("u.s", "america"),
    ("usa", "america"),
    ("u.s.a", "america"),
];

/// Endings that turn a place into its people or adjective: Egypt-ian,
/// Syria-n, Israel-i, Japan-ese, Chin(a)-ese, Europ(e)-ean, Mexic(o)-an.
const DEMONYM_ENDINGS: &[&str] = &[
    "ians", "ian", "ans", "an", "ns", "n", "ese", "ean", "eans", "is", "i",
];

fn place_of(word: &str) -> &str {
    IRREGULAR_DEMONYMS
        .iter()
        .find(|(demonym, _)| *demonym == word)
        .map_or(word, |(_, place)| place)
}

/// Whether two actor words (folded) name the same actor: the same word, a
/// place and its people ("China" and "Chinese", "Spain" and "Spanish"), or
/// one name spelt two ways ("Morsi" and "Mursi").
pub fn same_actor(a: &str, b: &str) -> bool {
    let (a, b) = (place_of(a), place_of(b));
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.chars().count() < 4 {
        return false;
    }
    // The place may drop its last vowel or "y" before the ending.
    let stems = [
        Some(short),
        short
            .strip_suffix(['a', 'e', 'o', 'y'])
            .filter(|s| s.len() >= 3),
    ];
    let demonym = stems.into_iter().flatten().any(|stem| {
        long.strip_prefix(stem)
            .is_some_and(|ending| DEMONYM_ENDINGS.contains(&ending))
    }) || long.strip_suffix('y') == Some(short);
    demonym || same_name_transliterated(short, long)
}

/// Whether two actor lists name someone in common.
pub fn share_an_actor<'a, 'b>(
    a: impl IntoIterator<Item = &'a String>,
    b: impl IntoIterator<Item = &'b String> + Clone,
) -> bool {
    a.into_iter()
        .any(|x| b.clone().into_iter().any(|y| same_actor(x, y)))
}

/// Names spelt two ways, as transliterations are ("Morsi" and "Mursi",
/// "Taliban" and "Taleban", "Hizbullah" and "Hezbollah"): same first letter,
/// one vowel apart, two edits in long names; a changed consonant counts
/// twice ("Obama", "Osama"). Short names stay exact ("Iran", "Iraq"), as do
/// names whose lengths differ by more than a letter ("Austria", "Australia").
fn same_name_transliterated(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let shorter = a.len().min(b.len());
    if shorter < 5 || a[0] != b[0] || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let allowed = if shorter >= 8 { 2 } else { 1 };
    edit_distance(&a, &b) <= allowed
}

/// Levenshtein distance between two short words, a vowel for a vowel
/// costing 1 and any other substitution 2.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let is_vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = match (ca == cb, is_vowel(*ca) && is_vowel(*cb)) {
                (true, _) => 0,
                (false, true) => 1,
                (false, false) => 2,
            };
            let substitution = diagonal + cost;
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_names_from_inside_sentences() {
        let nouns = ProperNouns::learn([
            "The court said Acme paid Reed Hastings.",
            "Acme denied it on Monday.",
            "Critics said the court was slow.",
        ]);
        let actors = |passage| nouns.names_by_role(passage, false).actors;
        assert_eq!(actors("Acme denied it."), vec!["acme"]);
        assert_eq!(
            actors("Hastings, Acme and the Court met in March."),
            vec!["acme", "hastings"]
        );
        assert!(actors("Critics agreed.").is_empty());
        assert_eq!(
            nouns.without_names("Acme-Hastings deal, an Acme-owned firm."),
            "deal, an Acme-owned firm."
        );
    }

    #[test]
    fn places_and_sources_are_not_actors() {
        let nouns = ProperNouns::learn([
            "the shares of the company Acme fell sharply on the day in New York, according to the figures of Lseg Data.",
            "the Austin, Texas-based company said that its head of sales, Dana Reed, would leave at the end of the year.",
        ]);
        let names = |passage| {
            let n = nouns.names_by_role(passage, false);
            (n.actors, n.places, n.sources)
        };
        let strings = |words: &[&str]| words.iter().map(|w| w.to_string()).collect::<Vec<_>>();
        assert_eq!(
            names("Shares of Acme fell in New York, according to Lseg Data."),
            (
                strings(&["acme"]),
                strings(&["new", "york"]),
                strings(&["data", "lseg"])
            )
        );
        assert_eq!(
            names("The Austin, Texas-based Acme said Dana Reed would leave."),
            (
                strings(&["dana", "reed"]),
                strings(&["austin", "texas"]),
                strings(&["acme"])
            )
        );
    }

    #[test]
    fn a_story_gives_its_names_other_words() {
        let story = [
            "On Friday Ridgeway Power, the regional electric utility, denied that its line started the fire.",
            "Veltrane recalled Dorvalex (tiramepril) on Monday.",
            "Ridgeway Power said crews were on site.",
            "Doctors said Dorvalex was widely used.",
        ];
        let names = ProperNouns::learn(story);
        let actors = |p: &str| names.names_by_role(p, false).actors;
        assert!(
            actors("The utility has maintained that the line carried no power.")
                .contains(&"ridgeway".to_string())
        );
        // A description names the actor only after "the".
        assert!(!actors("Any utility can fail.").contains(&"ridgeway".to_string()));
        assert!(actors("Tiramepril lowered blood pressure.").contains(&"dorvalex".to_string()));
    }

    #[test]
    fn a_name_meets_its_initials() {
        let nouns = ProperNouns::learn([
            "the regulator, the Office of the Data Protection Commissioner, opened an inquiry.",
            "a spokesperson for the ODPC said on the day that it was looking into the breach.",
        ]);
        let long = nouns.names_by_role(
            "The Office of the Data Protection Commissioner is looking into it.",
            false,
        );
        assert!(long.actors.contains(&"odpc".to_string()), "{long:?}");
    }

    #[test]
    fn places_meet_their_people() {
        for (a, b) in [
            ("china", "chinese"),
            ("egypt", "egyptians"),
            ("syria", "syrian"),
            ("israel", "israeli"),
            ("germany", "german"),
            ("europe", "european"),
            ("spain", "spanish"),
            ("uk", "british"),
            ("u.s", "us"),
            ("kerry", "kerry"),
            ("mexico", "mexican"),
            ("morsi", "mursi"),
            ("taliban", "taleban"),
            ("hizbullah", "hezbollah"),
        ] {
            assert!(same_actor(a, b), "{a} / {b}");
            assert!(same_actor(b, a), "{b} / {a}");
        }
        for (a, b) in [
            ("austria", "australia"),
            ("iran", "iraq"),
            ("iran", "iraqi"),
            ("india", "indiana"),
            ("greece", "turkey"),
            ("smith", "smithson"),
            ("jones", "james"),
            ("obama", "osama"),
        ] {
            assert!(!same_actor(a, b), "{a} / {b}");
        }
    }
}
