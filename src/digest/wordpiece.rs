//! BERT's uncased WordPiece tokenizer, written out here and shared by the
//! static embedder and the transformer: clean the text, put spaces around
//! CJK ideographs, strip accents, lowercase, split on white space and
//! punctuation, then cut each word greedily into the longest pieces found in
//! the vocabulary ("##" marks a piece inside a word).

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;

use super::embedding::ModelError;

/// A vocabulary and the settings that cut text into its tokens.
pub struct WordPiece {
    token_ids: HashMap<String, u32>,
    unk_id: u32,
    prefix: String,
    max_chars_per_word: usize,
    lowercase: bool,
    strip_accents: bool,
}

impl WordPiece {
    /// `vocab` holds one token per line; line *n* is token id *n*.
    pub fn new(
        vocab: &str,
        unk_token: &str,
        prefix: &str,
        max_chars_per_word: usize,
        lowercase: bool,
        strip_accents: bool,
    ) -> Result<WordPiece, ModelError> {
        let mut token_ids = HashMap::new();
        for (id, token) in (0u32..).zip(vocab.lines()) {
            if token_ids.insert(token.to_string(), id).is_some() {
                return Err(ModelError::DuplicateToken {
                    token: token.to_string(),
                });
            }
        }
        let unk_id = *token_ids
            .get(unk_token)
            .ok_or_else(|| ModelError::MissingUnknownToken(unk_token.to_string()))?;
        Ok(WordPiece {
            token_ids,
            unk_id,
            prefix: prefix.to_string(),
            max_chars_per_word,
            lowercase,
            strip_accents,
        })
    }

    /// How many tokens the vocabulary holds.
    pub fn vocab_size(&self) -> usize {
        self.token_ids.len()
    }

    pub fn unk_id(&self) -> u32 {
        self.unk_id
    }

    /// The id of a token of the vocabulary (`[CLS]`, `[SEP]`).
    pub fn id_of(&self, token: &str) -> Option<u32> {
        self.token_ids.get(token).copied()
    }

    /// The vocabulary ids of a text's tokens, unknown words included as the
    /// unknown token's id.
    pub fn ids(&self, text: &str) -> Vec<u32> {
        let mut ids = Vec::new();
        for word in bert_words(text, self.lowercase, self.strip_accents) {
            self.push_word_pieces(&word, &mut ids);
        }
        ids
    }

    /// Greedy longest-match-first WordPiece, as BERT cuts a word.
    fn push_word_pieces(&self, word: &str, ids: &mut Vec<u32>) {
        if word.chars().count() > self.max_chars_per_word {
            ids.push(self.unk_id);
            return;
        }
        let first_len = ids.len();
        let mut start = 0;
        let mut piece = String::new();
        while start < word.len() {
            let mut end = word.len();
            let mut found = None;
            while end > start {
                piece.clear();
                if start > 0 {
                    piece.push_str(&self.prefix);
                }
                piece.push_str(&word[start..end]);
                if let Some(&id) = self.token_ids.get(piece.as_str()) {
                    found = Some(id);
                    break;
                }
                end = floor_char_boundary(word, end - 1);
            }
            match found {
                Some(id) => {
                    ids.push(id);
                    start = end;
                }
                None => {
                    ids.truncate(first_len);
                    ids.push(self.unk_id);
                    return;
                }
            }
        }
    }
}

fn floor_char_boundary(s: &str, mut index: usize) -> usize {
    while index > 0 && !s.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// BERT's basic tokenizer: the words and punctuation marks of a text,
/// normalised as the uncased vocabulary expects.
fn bert_words(text: &str, lowercase: bool, strip_accents: bool) -> Vec<String> {
    let mut cleaned = String::with_capacity(text.len());
    for c in text.chars() {
        if c == '\0' || c == '\u{FFFD}' || is_control(c) {
            continue;
        }
        if is_cjk_ideograph(c) {
            cleaned.push(' ');
            cleaned.push(c);
            cleaned.push(' ');
        } else if c.is_whitespace() {
            cleaned.push(' ');
        } else {
            cleaned.push(c);
        }
    }
    let normalised: String = if strip_accents {
        cleaned
            .nfd()
            .filter(|&c| !unicode_normalization::char::is_combining_mark(c))
            .collect()
    } else {
        cleaned
    };
    let normalised = if lowercase {
        normalised.to_lowercase()
    } else {
        normalised
    };
    let mut words = Vec::new();
    for chunk in normalised.split(' ').filter(|w| !w.is_empty()) {
        let mut word = String::new();
        for c in chunk.chars() {
            if is_punctuation(c) {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
                words.push(c.to_string());
            } else {
                word.push(c);
            }
        }
        if !word.is_empty() {
            words.push(word);
        }
    }
    words
}

/// Control characters BERT drops (tab, newline and return count as space).
fn is_control(c: char) -> bool {
    if matches!(c, '\t' | '\n' | '\r') {
        return false;
    }
    c.is_control()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{AD}')
}

fn is_cjk_ideograph(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{20000}'..='\u{2A6DF}'
        | '\u{2A700}'..='\u{2B73F}'
        | '\u{2B740}'..='\u{2B81F}'
        | '\u{2B820}'..='\u{2CEAF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{2F800}'..='\u{2FA1F}')
}

/// ASCII symbols and the Unicode punctuation marks (general category P)
/// found in news text: BERT splits on both.
fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(c,
            '\u{A1}' | '\u{A7}' | '\u{AB}' | '\u{B6}' | '\u{B7}' | '\u{BB}' | '\u{BF}'
            | '\u{37E}' | '\u{387}'
            | '\u{55A}'..='\u{55F}' | '\u{589}' | '\u{58A}'
            | '\u{5BE}' | '\u{5C0}' | '\u{5C3}' | '\u{5C6}' | '\u{5F3}' | '\u{5F4}'
            | '\u{609}' | '\u{60A}' | '\u{60C}' | '\u{60D}' | '\u{61B}' | '\u{61E}' | '\u{61F}'
            | '\u{66A}'..='\u{66D}' | '\u{6D4}'
            | '\u{964}' | '\u{965}' | '\u{970}'
            | '\u{2010}'..='\u{2027}'
            | '\u{2030}'..='\u{2043}'
            | '\u{2045}'..='\u{2051}'
            | '\u{2053}'..='\u{205E}'
            | '\u{207D}' | '\u{207E}' | '\u{208D}' | '\u{208E}'
            | '\u{2308}'..='\u{230B}' | '\u{2329}' | '\u{232A}'
            | '\u{2768}'..='\u{2775}'
            | '\u{27C5}' | '\u{27C6}' | '\u{27E6}'..='\u{27EF}'
            | '\u{2983}'..='\u{2998}' | '\u{29D8}'..='\u{29DB}' | '\u{29FC}' | '\u{29FD}'
            | '\u{2CF9}'..='\u{2CFC}' | '\u{2CFE}' | '\u{2CFF}'
            | '\u{2E00}'..='\u{2E2E}' | '\u{2E30}'..='\u{2E4F}'
            | '\u{3001}'..='\u{3003}' | '\u{3008}'..='\u{3011}' | '\u{3014}'..='\u{301F}'
            | '\u{3030}' | '\u{303D}' | '\u{30A0}' | '\u{30FB}'
            | '\u{FE10}'..='\u{FE19}' | '\u{FE30}'..='\u{FE52}' | '\u{FE54}'..='\u{FE61}'
            | '\u{FE63}' | '\u{FE68}' | '\u{FE6A}' | '\u{FE6B}'
            | '\u{FF01}'..='\u{FF03}' | '\u{FF05}'..='\u{FF0A}' | '\u{FF0C}'..='\u{FF0F}'
            | '\u{FF1A}' | '\u{FF1B}' | '\u{FF1F}' | '\u{FF20}' | '\u{FF3B}'..='\u{FF3D}'
            | '\u{FF3F}' | '\u{FF5B}' | '\u{FF5D}' | '\u{FF5F}'..='\u{FF65}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_punctuation_accents_and_words() {
        let words = bert_words("Café “DMs”—Netflix's 10-year deal!", true, true);
        assert_eq!(
            words,
            [
                "cafe", "“", "dms", "”", "—", "netflix", "'", "s", "10", "-", "year", "deal", "!"
            ]
        );
    }

    #[test]
    fn cuts_words_into_the_longest_pieces() {
        let vocab = "[UNK]\nun\n##aff\n##able\nnews\n";
        let tokenizer = WordPiece::new(vocab, "[UNK]", "##", 100, true, true).expect("vocab");
        assert_eq!(tokenizer.ids("Unaffable NEWS"), [1, 2, 3, 4]);
        assert_eq!(tokenizer.ids("unx news"), [0, 4]);
        assert!(WordPiece::new("a\na\n", "a", "##", 100, true, true).is_err());
        assert!(WordPiece::new("a\nb\n", "[UNK]", "##", 100, true, true).is_err());
    }
}
