//! One name per source. A story writes one voice many ways — "The
//! lawsuit", "Court documents", "the paperwork"; "Andy Stone" and "Stone";
//! "A Meta spokesperson" for Meta — and a reader comparing who says what
//! needs them as one. Read from the lists in `lexicon/` and from the names
//! the story itself writes in full, never from particular names.

use std::collections::HashMap;

use super::attribution::is_personal_name;
use crate::lexicon::{Qualifiers, SpeaksFor, source_kinds, speaker_roles};
use crate::text;

const DETERMINERS: &[&str] = &["the", "a", "an", "this", "these", "that", "those"];

/// The words of a source, without the punctuation around each.
fn words(source: &str) -> Vec<&str> {
    source
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’')))
        .filter(|w| !w.is_empty())
        .collect()
}

fn without_determiner<'a>(words: &'a [&'a str]) -> &'a [&'a str] {
    match words.first() {
        Some(first) if DETERMINERS.contains(&first.to_lowercase().as_str()) => &words[1..],
        _ => words,
    }
}

fn lower(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| w.to_lowercase()).collect()
}

/// The kind of voice a source is ("court case" for "Court documents"), when
/// `lexicon/source-kinds.tsv` names its head.
pub fn kind_of(source: &str) -> Option<&'static str> {
    let all = words(source);
    let rest = without_determiner(&all);
    let folded = lower(rest);
    source_kinds().iter().find_map(|entry| {
        let head: Vec<&str> = entry.head.split(' ').collect();
        if folded.len() < head.len() || folded[folded.len() - head.len()..] != head[..] {
            return None;
        }
        let qualifiers = &rest[..rest.len() - head.len()];
        let allowed = match entry.qualifiers {
            Qualifiers::None => qualifiers.is_empty(),
            // A capital past the source's first word is a name ("Google's
            // filing"), and a possessive names whose it is.
            Qualifiers::Adjectives => qualifiers.iter().enumerate().all(|(i, w)| {
                let first_written = i == 0 && rest.len() == all.len();
                let capital = w.chars().next().is_some_and(char::is_uppercase);
                (first_written || !capital) && !w.ends_with("'s") && !w.ends_with("’s")
            }),
        };
        allowed.then_some(entry.kind.as_str())
    })
}

/// Whom a source with a role speaks for: the organisation of "A Meta
/// spokesperson", "Acme's spokeswoman" or "a spokesman for Acme", or
/// `Person` for a person's role ("the finance minister").
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    Organisation(String),
    Person,
}

pub fn role_of(source: &str) -> Option<Role> {
    let all = words(source);
    let folded = lower(&all);
    for entry in speaker_roles() {
        let role: Vec<&str> = entry.role.split(' ').collect();
        // The role is the head, or is followed by "for <organisation>".
        let at = (0..=folded.len().saturating_sub(role.len())).find(|&i| {
            folded.len() >= role.len()
                && folded[i..i + role.len()] == role[..]
                && (i + role.len() == folded.len()
                    || folded.get(i + role.len()).is_some_and(|w| w == "for"))
        });
        let Some(at) = at else { continue };
        return Some(match entry.speaks_for {
            SpeaksFor::Person => Role::Person,
            SpeaksFor::Organisation => {
                let after = &all[(at + role.len() + 1).min(all.len())..];
                let before = without_determiner(&all[..at]);
                let named = if !after.is_empty() { after } else { before };
                let name = named
                    .iter()
                    .map(|w| w.trim_end_matches("'s").trim_end_matches("’s"))
                    .collect::<Vec<_>>()
                    .join(" ");
                let is_name = named
                    .iter()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase));
                if name.is_empty() || !is_name {
                    Role::Person
                } else {
                    Role::Organisation(name)
                }
            }
        });
    }
    None
}

/// The sources of a story, each written form mapped to one source with one
/// name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sources {
    /// Each source's name as shown.
    names: Vec<String>,
    /// Whether a source is a person ("he" and "she" can point at it).
    person: Vec<bool>,
    by_written: HashMap<String, u32>,
    by_kind: HashMap<String, u32>,
}

/// A source folded for comparison: lower case, no leading article.
pub fn source_key(source: &str) -> String {
    let folded = text::fold_for_match(source);
    let mut words: Vec<&str> = folded.split_whitespace().collect();
    if matches!(words.first(), Some(&("the" | "a" | "an"))) {
        words.remove(0);
    }
    words.join(" ")
}

impl Sources {
    /// Groups the written forms of a story's sources, in the order read.
    pub fn of<'a>(written: impl IntoIterator<Item = &'a str>) -> Sources {
        let mut forms: Vec<&str> = Vec::new();
        let mut count: HashMap<&str, usize> = HashMap::new();
        for w in written {
            let n = count.entry(w).or_default();
            if *n == 0 {
                forms.push(w);
            }
            *n += 1;
        }
        // The group each form belongs to, by a key: its kind, the
        // organisation it speaks for, or the form itself folded.
        let key_of = |w: &str| -> String {
            if let Some(name) = name_after_role(w) {
                return source_key(&name);
            }
            if let Some(kind) = kind_of(w) {
                return format!("kind:{kind}");
            }
            if let Some(Role::Organisation(org)) = role_of(w) {
                return source_key(&org);
            }
            source_key(w)
        };
        let mut keys: Vec<String> = forms.iter().map(|w| key_of(w)).collect();
        // A surname alone is the person the story names in full, when only
        // one full name ends with it ("Stone" for "Andy Stone").
        let mut full_names: HashMap<String, Vec<String>> = HashMap::new();
        for (_, key) in forms
            .iter()
            .zip(&keys)
            .filter(|(w, _)| person_named(w).is_some())
        {
            let last = key.rsplit(' ').next().unwrap_or("").to_string();
            let names = full_names.entry(last).or_default();
            if !names.contains(key) {
                names.push(key.clone());
            }
        }
        for key in keys.iter_mut() {
            if key.contains(' ') {
                continue;
            }
            if let Some([full]) = full_names.get(key.as_str()).map(Vec::as_slice) {
                *key = full.clone();
            }
        }
        let mut sources = Sources::default();
        let mut id_of_key: HashMap<&str, u32> = HashMap::new();
        let mut members: Vec<Vec<&str>> = Vec::new();
        for (form, key) in forms.iter().zip(&keys) {
            let next = members.len() as u32;
            let id = *id_of_key.entry(key.as_str()).or_insert(next);
            if id == next {
                members.push(Vec::new());
            }
            members[id as usize].push(form);
            sources.by_written.insert(form.to_string(), id);
        }
        for (key, &id) in &id_of_key {
            if let Some(kind) = key.strip_prefix("kind:") {
                sources.by_kind.insert(kind.to_string(), id);
            }
        }
        for group in &members {
            sources.person.push(
                group
                    .iter()
                    .any(|f| person_named(f).is_some() || role_of(f) == Some(Role::Person)),
            );
            sources
                .names
                .push(lower_article(&shown_name(group, &count)));
        }
        sources
    }

    /// The source a written form belongs to.
    pub fn id(&self, written: &str) -> Option<u32> {
        self.by_written.get(written).copied()
    }

    /// The source of a kind ("court case"), when the story names one.
    pub fn of_kind(&self, kind: &str) -> Option<u32> {
        self.by_kind.get(kind).copied()
    }

    /// The source a passage mentions by a kind's head without making it
    /// the speaker ("The lawsuit was brought by …"), when the story has it:
    /// what "it" or "they" may point back to.
    pub fn mentioned_in(&self, passage: &str) -> Option<u32> {
        if self.by_kind.is_empty() {
            return None;
        }
        let folded: Vec<String> = words(passage).iter().map(|w| w.to_lowercase()).collect();
        source_kinds().iter().find_map(|entry| {
            let head: Vec<&str> = entry.head.split(' ').collect();
            let mentioned = folded.windows(head.len()).any(|w| w == head.as_slice());
            mentioned.then(|| self.of_kind(&entry.kind)).flatten()
        })
    }

    pub fn name(&self, id: u32) -> &str {
        &self.names[id as usize]
    }

    pub fn is_person(&self, id: u32) -> bool {
        self.person[id as usize]
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

/// A person's name, not a title-cased kind ("Unsealed Court Documents").
fn is_person_name(form: &str) -> bool {
    is_personal_name(form) && kind_of(form).is_none() && role_of(form).is_none()
}

/// A person's name written after their role: "Ravi Sandhu" in "The
/// council's finance chief Ravi Sandhu" (not "the state Public Utilities
/// Commission": "state" is no role).
fn name_after_role(form: &str) -> Option<String> {
    let all = words(form);
    let run = all
        .iter()
        .rev()
        .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    let start = all.len() - run;
    if !(2..=4).contains(&run) || start == 0 {
        return None;
    }
    let name = all[start..].join(" ");
    (role_of(&all[..start].join(" ")) == Some(Role::Person) && is_personal_name(&name))
        .then_some(name)
}

/// The person a form names, in full as written.
fn person_named(form: &str) -> Option<String> {
    if is_person_name(form) {
        Some(form.to_string())
    } else {
        name_after_role(form)
    }
}

/// The name a source is shown under: a person's full name; the
/// organisation a spokesperson speaks for; else the form written most often
/// (the first among equals).
fn shown_name(group: &[&str], count: &HashMap<&str, usize>) -> String {
    if let Some(full) = group
        .iter()
        .filter_map(|f| person_named(f))
        .max_by_key(|f| f.len())
    {
        return full;
    }
    let plain: Vec<&str> = group
        .iter()
        .copied()
        .filter(|f| !matches!(role_of(f), Some(Role::Organisation(_))))
        .collect();
    if let (true, Some(Role::Organisation(org))) = (plain.is_empty(), role_of(group[0])) {
        return org;
    }
    let candidates = if plain.is_empty() { group } else { &plain[..] };
    let mut best = candidates[0];
    for &f in candidates {
        if count[f] > count[best] {
            best = f;
        }
    }
    best.to_string()
}

/// "The lawsuit" → "the lawsuit": a name shown after other words.
fn lower_article(name: &str) -> String {
    for article in ["The ", "A ", "An "] {
        if let Some(rest) = name.strip_prefix(article) {
            // "The Guardian", "The New York Times": a title keeps its capital.
            if rest.chars().next().is_some_and(char::is_lowercase) {
                return format!("{}{rest}", article.to_lowercase());
            }
        }
    }
    name.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_source_kind_fires_on_its_example_and_spares_its_counter_example() {
        for entry in source_kinds() {
            assert_eq!(
                kind_of(&entry.fires_on),
                Some(entry.kind.as_str()),
                "{:?} should fire on {:?}",
                entry.head,
                entry.fires_on
            );
            assert_eq!(
                kind_of(&entry.spares),
                None,
                "{:?} should spare {:?}",
                entry.head,
                entry.spares
            );
        }
    }

    #[test]
    fn every_speaker_role_fires_on_its_example_and_spares_its_counter_example() {
        for entry in speaker_roles() {
            let read = role_of(&entry.fires_on);
            match entry.speaks_for {
                SpeaksFor::Person => assert_eq!(read, Some(Role::Person), "{}", entry.fires_on),
                SpeaksFor::Organisation => assert!(
                    matches!(read, Some(Role::Organisation(_))),
                    "{:?} should fire on {:?}: {read:?}",
                    entry.role,
                    entry.fires_on
                ),
            }
            assert_eq!(role_of(&entry.spares), None, "{:?}", entry.spares);
        }
    }

    #[test]
    fn a_spokesperson_speaks_for_the_organisation() {
        assert_eq!(
            role_of("A Meta spokesperson"),
            Some(Role::Organisation("Meta".into()))
        );
        assert_eq!(
            role_of("a spokesman for Acme Corp"),
            Some(Role::Organisation("Acme Corp".into()))
        );
        assert_eq!(role_of("a spokesman"), Some(Role::Person));
    }

    #[test]
    fn one_voice_under_several_names_is_one_source() {
        let written = [
            "The lawsuit",
            "Court documents",
            "the paperwork",
            "explosive court docs",
            "Lawyers",
            "The lawsuit",
            "Andy Stone",
            "Stone",
            "A Meta spokesperson",
            "Meta",
            "The Guardian",
            "Meta's lawyers",
        ];
        let s = Sources::of(written);
        let id = |w: &str| s.id(w).expect(w);
        for w in [
            "Court documents",
            "the paperwork",
            "explosive court docs",
            "Lawyers",
        ] {
            assert_eq!(id(w), id("The lawsuit"), "{w}");
        }
        assert_eq!(s.name(id("Court documents")), "the lawsuit");
        assert_eq!(id("Stone"), id("Andy Stone"));
        assert_eq!(s.name(id("Stone")), "Andy Stone");
        assert!(s.is_person(id("Stone")));
        assert_eq!(id("A Meta spokesperson"), id("Meta"));
        assert_eq!(s.name(id("A Meta spokesperson")), "Meta");
        assert_ne!(id("Meta's lawyers"), id("The lawsuit"));
        assert_eq!(s.name(id("The Guardian")), "The Guardian");
        assert!(!s.is_person(id("The Guardian")));
        assert_eq!(s.len(), 5);
    }

    #[test]
    fn a_name_after_a_role_is_the_person() {
        let s = Sources::of([
            "The council's finance chief Ravi Sandhu",
            "Sandhu",
            "the state Public Utilities Commission",
        ]);
        assert_eq!(
            s.id("Sandhu"),
            s.id("The council's finance chief Ravi Sandhu")
        );
        assert_eq!(s.name(s.id("Sandhu").expect("read")), "Ravi Sandhu");
        let commission = s.id("the state Public Utilities Commission").expect("read");
        assert!(!s.is_person(commission));
    }

    #[test]
    fn one_person_written_two_ways_still_owns_the_surname() {
        let s = Sources::of(["Andy Stone", "communications director Andy Stone", "Stone"]);
        assert_eq!(s.id("Stone"), s.id("Andy Stone"));
        assert_eq!(
            s.id("communications director Andy Stone"),
            s.id("Andy Stone")
        );
    }

    #[test]
    fn a_surname_two_people_share_stays_apart() {
        let s = Sources::of(["Andy Stone", "Emma Stone", "Stone"]);
        assert_ne!(s.id("Stone"), s.id("Andy Stone"));
        assert_ne!(s.id("Stone"), s.id("Emma Stone"));
    }
}
