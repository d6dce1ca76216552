//! Key bindings: parsing `keymap.toml`, layering the user's file over the
//! built-in defaults, and looking keys up per context.
//!
//! Loading collects every problem (TOML syntax, unknown context or action,
//! an action used where it does not work, a key that cannot be read, the
//! same key twice, a chord that a shorter binding hides) with the file,
//! line and column, and refuses the whole keymap if there is any.

use std::collections::HashMap;
use std::fmt;
use std::ops::Range;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use toml::de::{DeTable, DeValue};

use super::action::{ACTIONS, Action, Context, spec_by_name};

/// The default bindings, generated from the registry (a test keeps the
/// file and the registry equal).
pub const DEFAULT_KEYMAP: &str = include_str!("../../keymap.toml");
pub const DEFAULT_KEYMAP_NAME: &str = "keymap.toml (built in)";

/// One key press, normalised: a character carries its own case, so SHIFT
/// is dropped from characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeyPress {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl KeyPress {
    pub fn new(code: KeyCode, modifiers: KeyModifiers) -> KeyPress {
        let mut modifiers =
            modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match code {
            KeyCode::Char(c) => {
                modifiers.remove(KeyModifiers::SHIFT);
                // Terminals send ctrl-D for ctrl-shift-d; keep letters lower
                // case under ctrl so "ctrl-d" matches either way.
                if modifiers.contains(KeyModifiers::CONTROL) {
                    KeyCode::Char(c.to_ascii_lowercase())
                } else {
                    KeyCode::Char(c)
                }
            }
            // Some terminals report shift-tab as tab with shift held.
            KeyCode::BackTab => {
                modifiers.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            KeyCode::Tab if modifiers.contains(KeyModifiers::SHIFT) => {
                modifiers.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            other => other,
        };
        KeyPress { code, modifiers }
    }

    pub fn from_event(event: &KeyEvent) -> KeyPress {
        KeyPress::new(event.code, event.modifiers)
    }

    /// A character to type into a text field, when the key is one.
    pub fn printable(&self) -> Option<char> {
        match self.code {
            KeyCode::Char(c)
                if !self
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                Some(c)
            }
            _ => None,
        }
    }

    pub fn is_ctrl_c(&self) -> bool {
        self.code == KeyCode::Char('c') && self.modifiers.contains(KeyModifiers::CONTROL)
    }
}

const NAMED_KEYS: &[(&str, KeyCode)] = &[
    ("enter", KeyCode::Enter),
    ("ret", KeyCode::Enter),
    ("return", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("escape", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("del", KeyCode::Delete),
    ("insert", KeyCode::Insert),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pageup", KeyCode::PageUp),
    ("pgup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
    ("pgdn", KeyCode::PageDown),
    ("space", KeyCode::Char(' ')),
];

impl fmt::Display for KeyPress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            f.write_str("ctrl-")?;
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            f.write_str("alt-")?;
        }
        if self.modifiers.contains(KeyModifiers::SHIFT) {
            f.write_str("shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::F(n) => write!(f, "f{n}"),
            code => {
                let name = NAMED_KEYS
                    .iter()
                    .find(|(_, k)| *k == code)
                    .map_or("?", |(n, _)| n);
                f.write_str(name)
            }
        }
    }
}

/// Reads one key: `j`, `G`, `?`, `ctrl-d`, `alt-enter`, `pagedown`, `f5`.
pub fn parse_key(text: &str) -> Result<KeyPress, String> {
    let mut rest = text;
    let mut modifiers = KeyModifiers::NONE;
    loop {
        let lower = rest.to_ascii_lowercase();
        let (prefix, flag) = if lower.starts_with("ctrl-") && rest.len() > 5 {
            ("ctrl-", KeyModifiers::CONTROL)
        } else if lower.starts_with("alt-") && rest.len() > 4 {
            ("alt-", KeyModifiers::ALT)
        } else if lower.starts_with("shift-") && rest.len() > 6 {
            ("shift-", KeyModifiers::SHIFT)
        } else {
            break;
        };
        modifiers |= flag;
        rest = &rest[prefix.len()..];
    }
    let mut chars = rest.chars();
    let code = match (chars.next(), chars.next()) {
        (None, _) => return Err("an empty key".to_string()),
        (Some(c), None) if modifiers.contains(KeyModifiers::SHIFT) && c.is_alphabetic() => {
            KeyCode::Char(c.to_uppercase().next().unwrap_or(c))
        }
        (Some(c), None) if !c.is_control() && c != ' ' => KeyCode::Char(c),
        _ => {
            let lower = rest.to_ascii_lowercase();
            if let Some((_, code)) = NAMED_KEYS.iter().find(|(n, _)| *n == lower) {
                *code
            } else if let Some(n) = lower
                .strip_prefix('f')
                .and_then(|n| n.parse::<u8>().ok())
                .filter(|n| (1..=12).contains(n))
            {
                KeyCode::F(n)
            } else {
                return Err(format!(
                    "unknown key name {rest:?}; expected one character or one of {}, f1…f12, with optional ctrl-, alt-, shift-",
                    key_names()
                ));
            }
        }
    };
    let code = if code == KeyCode::Tab && modifiers.contains(KeyModifiers::SHIFT) {
        KeyCode::BackTab
    } else {
        code
    };
    Ok(KeyPress::new(code, modifiers))
}

fn key_names() -> &'static str {
    "enter, esc, tab, backtab, backspace, delete, insert, up, down, left, right, home, end, pageup, pagedown, space"
}

/// Reads a chord: key presses separated by spaces, `g g`.
pub fn parse_keys(text: &str) -> Result<Vec<KeyPress>, String> {
    let keys: Result<Vec<KeyPress>, String> = text
        .split(' ')
        .filter(|k| !k.is_empty())
        .map(parse_key)
        .collect();
    let keys = keys?;
    if keys.is_empty() {
        return Err("an empty key".to_string());
    }
    Ok(keys)
}

pub fn keys_to_string(keys: &[KeyPress]) -> String {
    keys.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Where a binding was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub file: String,
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

/// One thing wrong with a keymap file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeymapProblem {
    pub origin: Origin,
    pub message: String,
}

impl fmt::Display for KeymapProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.origin, self.message)
    }
}

/// Lines and columns of byte offsets in one text: the line by a binary
/// search over the line starts, the column counted on from the last offset
/// asked for when it lies on the same line before this one (offsets come
/// in file order), so a file of many bindings is read in linear time.
struct LinePositions {
    /// Byte offset of the start of each line.
    starts: Vec<usize>,
    /// The last offset asked for and its column, to count on from.
    last: Option<(usize, usize)>,
}

impl LinePositions {
    fn new(text: &str) -> LinePositions {
        let starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
            .collect();
        LinePositions { starts, last: None }
    }

    /// 1-based line and column (in characters) of a byte offset.
    fn line_column(&mut self, text: &str, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&start| start <= offset);
        let line_start = self.starts.get(line.wrapping_sub(1)).copied().unwrap_or(0);
        let (from, column_there) = match self.last {
            Some((at, column)) if line_start <= at && at <= offset => (at, column),
            _ => (line_start, 1),
        };
        let column = column_there + text[from..offset].chars().count();
        self.last = Some((offset, column));
        (line.max(1), column)
    }
}

#[derive(Debug, Clone)]
struct Binding {
    keys: Vec<KeyPress>,
    action: Action,
    origin: Origin,
}

/// The bindings of every context, after layering.
#[derive(Debug, Clone)]
pub struct Keymap {
    tables: Vec<(Context, Vec<Binding>)>,
    /// The action of each bound key sequence, per context.
    index: HashMap<(Context, Vec<KeyPress>), Action>,
    /// Every proper prefix of a bound chord, per context: keys to wait on.
    prefixes: std::collections::HashSet<(Context, Vec<KeyPress>)>,
}

/// What a key sequence means in a context.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lookup {
    Action(Action),
    /// The start of a chord: wait for the next key.
    Pending,
    Unbound,
}

/// One `key = action` line of a file; `action` is `None` for "none".
struct Entry {
    context: Context,
    keys: Vec<KeyPress>,
    action: Option<Action>,
    origin: Origin,
}

struct FileReader<'a> {
    file: &'a str,
    text: &'a str,
    positions: LinePositions,
    problems: Vec<KeymapProblem>,
}

impl FileReader<'_> {
    fn origin(&mut self, span: Range<usize>) -> Origin {
        let (line, column) = self.positions.line_column(self.text, span.start);
        Origin {
            file: self.file.to_string(),
            line,
            column,
        }
    }

    fn problem(&mut self, span: Range<usize>, message: String) {
        let origin = self.origin(span);
        self.problems.push(KeymapProblem { origin, message });
    }
}

/// "an integer", "a string".
fn with_article(noun: &str) -> String {
    if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
        format!("an {noun}")
    } else {
        format!("a {noun}")
    }
}

/// Reads one file's entries, collecting its problems.
fn read_file(file: &str, text: &str) -> (Vec<Entry>, Vec<KeymapProblem>) {
    let mut reader = FileReader {
        file,
        text,
        positions: LinePositions::new(text),
        problems: Vec::new(),
    };
    let (document, errors) = DeTable::parse_recoverable(text);
    for error in errors {
        let span = error.span().unwrap_or(0..0);
        let message = format!("TOML syntax: {}", error.message().trim());
        reader.problem(span, message);
    }
    let context_names = Context::ALL.map(Context::name).join("], [");
    let action_names: Vec<&str> = ACTIONS.iter().map(|s| s.name).collect();
    let mut entries: Vec<Entry> = Vec::new();
    // The line of each (context, keys) already read, to find a key twice.
    let mut seen: HashMap<(Context, Vec<KeyPress>), usize> = HashMap::new();
    let mut tables: Vec<(
        &toml::Spanned<std::borrow::Cow<'_, str>>,
        &toml::Spanned<DeValue<'_>>,
    )> = document.get_ref().iter().collect();
    tables.sort_by_key(|(k, _)| k.span().start);
    for (name, value) in tables {
        let Some(context) = Context::from_name(name.get_ref()) else {
            reader.problem(
                name.span(),
                format!(
                    "unknown context [{}]; expected one of [{context_names}]",
                    name.get_ref()
                ),
            );
            continue;
        };
        let Some(table) = value.get_ref().as_table() else {
            reader.problem(
                value.span(),
                format!("[{}] must be a table of key = \"action\"", context.name()),
            );
            continue;
        };
        let mut bindings: Vec<_> = table.iter().collect();
        bindings.sort_by_key(|(k, _)| k.span().start);
        for (key, value) in bindings {
            let keys = match parse_keys(key.get_ref()) {
                Ok(keys) => keys,
                Err(message) => {
                    reader.problem(
                        key.span(),
                        format!("cannot read key {:?}: {message}", key.get_ref()),
                    );
                    continue;
                }
            };
            if keys.iter().any(KeyPress::is_ctrl_c) {
                reader.problem(
                    key.span(),
                    "ctrl-c always quits and cannot be bound".to_string(),
                );
                continue;
            }
            let Some(name) = value.get_ref().as_str() else {
                reader.problem(
                    value.span(),
                    format!(
                        "expected an action name in quotes, found {}; expected one of: none, {}",
                        with_article(value.get_ref().type_str()),
                        action_names.join(", ")
                    ),
                );
                continue;
            };
            let action = if name == "none" {
                None
            } else {
                match spec_by_name(name) {
                    // Global actions work everywhere, so any context may bind them.
                    Some(spec) if spec.applies_in(context) || spec.applies_in(Context::Global) => {
                        Some(spec.action)
                    }
                    Some(spec) => {
                        let works_in: Vec<String> = spec
                            .defaults
                            .iter()
                            .map(|(c, _)| format!("[{}]", c.name()))
                            .collect();
                        reader.problem(
                            value.span(),
                            format!(
                                "action {name:?} does not work in [{}]; it works in {}",
                                context.name(),
                                works_in.join(", ")
                            ),
                        );
                        continue;
                    }
                    None => {
                        reader.problem(
                            value.span(),
                            format!(
                                "unknown action {name:?}; expected one of: none, {}",
                                action_names.join(", ")
                            ),
                        );
                        continue;
                    }
                }
            };
            let origin = reader.origin(key.span());
            if let Some(earlier_line) = seen.get(&(context, keys.clone())) {
                let message = format!(
                    "{:?} is the same key as the binding on line {earlier_line}; keep one",
                    key.get_ref(),
                );
                reader.problems.push(KeymapProblem { origin, message });
                continue;
            }
            seen.insert((context, keys.clone()), origin.line);
            entries.push(Entry {
                context,
                keys,
                action,
                origin,
            });
        }
    }
    (entries, reader.problems)
}

impl Keymap {
    /// The built-in bindings alone.
    pub fn defaults() -> Result<Keymap, Vec<KeymapProblem>> {
        Keymap::load(None)
    }

    /// The defaults with a user file (name, text) layered over them.
    pub fn load(user: Option<(&str, &str)>) -> Result<Keymap, Vec<KeymapProblem>> {
        let mut keymap = Keymap {
            tables: Context::ALL.iter().map(|c| (*c, Vec::new())).collect(),
            index: HashMap::new(),
            prefixes: std::collections::HashSet::new(),
        };
        let (defaults, mut problems) = read_file(DEFAULT_KEYMAP_NAME, DEFAULT_KEYMAP);
        keymap.apply(defaults);
        if let Some((file, text)) = user {
            let (entries, user_problems) = read_file(file, text);
            problems.extend(user_problems);
            keymap.apply(entries);
        }
        problems.extend(keymap.hidden_chords(user.map(|(file, _)| file)));
        // In file order, the built-in file (a bug if it has any) first.
        problems.sort_by_key(|p| {
            (
                p.origin.file != DEFAULT_KEYMAP_NAME,
                p.origin.line,
                p.origin.column,
            )
        });
        if problems.is_empty() {
            Ok(keymap)
        } else {
            Err(problems)
        }
    }

    /// Layers entries over the tables: a key bound again takes the new
    /// action in place, "none" removes it. Keys are found through an index,
    /// so a long file layers in linear time.
    fn apply(&mut self, entries: Vec<Entry>) {
        for (context, table) in &mut self.tables {
            let mine = entries.iter().filter(|e| e.context == *context);
            let mut slots: Vec<Option<Binding>> = table.drain(..).map(Some).collect();
            let mut index: HashMap<Vec<KeyPress>, usize> = slots
                .iter()
                .enumerate()
                .filter_map(|(i, b)| Some((b.as_ref()?.keys.clone(), i)))
                .collect();
            for entry in mine {
                match (entry.action, index.get(&entry.keys).copied()) {
                    (Some(action), Some(i)) => {
                        slots[i] = Some(Binding {
                            keys: entry.keys.clone(),
                            action,
                            origin: entry.origin.clone(),
                        });
                    }
                    (Some(action), None) => {
                        index.insert(entry.keys.clone(), slots.len());
                        slots.push(Some(Binding {
                            keys: entry.keys.clone(),
                            action,
                            origin: entry.origin.clone(),
                        }));
                    }
                    (None, Some(i)) => {
                        slots[i] = None;
                        index.remove(&entry.keys);
                    }
                    (None, None) => {}
                }
            }
            *table = slots.into_iter().flatten().collect();
        }
        self.reindex();
    }

    /// Rebuilds the lookup tables from the bindings.
    fn reindex(&mut self) {
        self.index.clear();
        self.prefixes.clear();
        for (context, table) in &self.tables {
            for b in table {
                self.index.insert((*context, b.keys.clone()), b.action);
                for len in 1..b.keys.len() {
                    self.prefixes.insert((*context, b.keys[..len].to_vec()));
                }
            }
        }
    }

    /// Chords that can never fire because a binding of one of their
    /// prefixes fires first. Reported at the binding from the user's file.
    fn hidden_chords(&self, user_file: Option<&str>) -> Vec<KeymapProblem> {
        let mut problems = Vec::new();
        for (context, table) in &self.tables {
            // Each chord's prefixes are looked up, not compared with every
            // other binding: linear in the bindings for chords of a few keys.
            let by_keys: HashMap<&[KeyPress], &Binding> =
                table.iter().map(|b| (b.keys.as_slice(), b)).collect();
            for chord in table.iter().filter(|b| b.keys.len() > 1) {
                for short in (1..chord.keys.len()).filter_map(|len| by_keys.get(&chord.keys[..len]))
                {
                    // Reported where the user wrote it, naming the other one.
                    let (at, other, other_keys) = if user_file == Some(short.origin.file.as_str()) {
                        (&short.origin, &chord.origin, &chord.keys)
                    } else {
                        (&chord.origin, &short.origin, &short.keys)
                    };
                    problems.push(KeymapProblem {
                        origin: at.clone(),
                        message: format!(
                            "in [{}], {:?} hides the chord {:?}: the shorter key fires first; {:?} is bound at {}; unbind one of them with = \"none\"",
                            context.name(),
                            keys_to_string(&short.keys),
                            keys_to_string(&chord.keys),
                            keys_to_string(other_keys),
                            other,
                        ),
                    });
                }
            }
        }
        problems
    }

    fn table(&self, context: Context) -> &[Binding] {
        self.tables
            .iter()
            .find(|(c, _)| *c == context)
            .map_or(&[], |(_, t)| t.as_slice())
    }

    /// What the keys mean in this context's own table.
    pub fn lookup_in(&self, context: Context, keys: &[KeyPress]) -> Lookup {
        let key = (context, keys.to_vec());
        if let Some(action) = self.index.get(&key) {
            return Lookup::Action(*action);
        }
        if self.prefixes.contains(&key) {
            return Lookup::Pending;
        }
        Lookup::Unbound
    }

    /// The keys bound to an action in a context, as written in help.
    pub fn keys_of(&self, context: Context, action: Action) -> Vec<String> {
        self.table(context)
            .iter()
            .filter(|b| b.action == action)
            .map(|b| keys_to_string(&b.keys))
            .collect()
    }
}

/// The text of `keymap.toml`, generated from the registry.
pub fn default_keymap_toml() -> String {
    let mut out = String::from(
        "# newsdigest key bindings. These are the defaults, compiled into the binary.\n\
         # Your own file ($XDG_CONFIG_HOME/newsdigest/keymap.toml, or --keymap PATH)\n\
         # is layered over them: bind a key to an action, or to \"none\" to unbind it.\n\
         # A key is one character (\"j\", \"G\", \"?\") or a name (enter, esc, tab,\n\
         # backtab, backspace, delete, insert, up, down, left, right, home, end,\n\
         # pageup, pagedown, space, f1 to f12), with optional ctrl-, alt-, shift-;\n\
         # \"g g\" is a chord of two keys. ctrl-c always quits.\n\
         # Generated from the action registry: `newsdigest keys --toml`.\n",
    );
    for context in Context::ALL {
        out.push_str(&format!("\n[{}]\n", context.name()));
        for spec in ACTIONS {
            for (c, keys) in spec.defaults {
                if *c != context {
                    continue;
                }
                for key in *keys {
                    out.push_str(&format!(
                        "{:<14} = {:<20} # {}\n",
                        format!("{key:?}"),
                        format!("{:?}", spec.name),
                        spec.description
                    ));
                }
            }
        }
    }
    out
}

/// The default keys as `newsdigest --help` lists them, generated from the
/// registry: one block per context, one line per action.
pub fn keys_help() -> String {
    let mut out = String::from(
        "Keys (the defaults; `?` in the interface shows the live ones, with your keymap):\n",
    );
    for context in Context::ALL {
        out.push_str(&format!("\n  {}:\n", context.title()));
        if context == Context::Global {
            out.push_str(&format!("    {:<18} {}\n", "ctrl-c", "Quit, always"));
        }
        for spec in ACTIONS {
            for (c, keys) in spec.defaults {
                if *c == context {
                    out.push_str(&format!(
                        "    {:<18} {}\n",
                        keys.join(", "),
                        spec.description
                    ));
                }
            }
        }
    }
    out
}

/// The README's key table, generated from the registry.
pub fn keys_markdown() -> String {
    let mut out = String::from("| Context | Keys | Action | What it does |\n|---|---|---|---|\n");
    out.push_str("| global | `ctrl-c` | | Quit, always |\n");
    for context in Context::ALL {
        for spec in ACTIONS {
            for (c, keys) in spec.defaults {
                if *c == context {
                    let keys: Vec<String> = keys.iter().map(|k| format!("`{k}`")).collect();
                    out.push_str(&format!(
                        "| {} | {} | {} | {} |\n",
                        context.name(),
                        keys.join(", "),
                        spec.name,
                        spec.description
                    ));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(text: &str) -> Vec<String> {
        match Keymap::load(Some(("user.toml", text))) {
            Ok(_) => Vec::new(),
            Err(problems) => problems.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn columns_on_one_line_and_many_bindings_are_exact() {
        // Three problems on one line: each column counted on from the last.
        let got = problems("claims = { \"é\" = \"nope\", \"x\" = 1, \"ctrl-\" = \"up\" }\n");
        assert!(
            got[0].starts_with("user.toml:1:18: unknown action"),
            "{got:#?}"
        );
        assert!(
            got[1].starts_with("user.toml:1:32: expected an action"),
            "{got:#?}"
        );
        assert!(
            got[2].starts_with("user.toml:1:35: cannot read key"),
            "{got:#?}"
        );
        // Many chords, one key twice and one chord hidden by its prefix.
        let mut text = String::from("[claims]\n");
        for a in 'a'..='z' {
            for b in 'a'..='z' {
                text.push_str(&format!("\"f12 {a} {b}\" = \"down\"\n"));
            }
        }
        text.push_str("\"F12 a a\" = \"up\"\n\"f12 q\" = \"up\"\n");
        let got = problems(&text);
        assert_eq!(got.len(), 1 + 26, "{got:#?}");
        assert!(
            got[0].starts_with(
                "user.toml:678:1: \"F12 a a\" is the same key as the binding on line 2"
            ),
            "{got:#?}"
        );
        let hidden = got
            .iter()
            .filter(|g| {
                g.starts_with("user.toml:679:1: in [claims], \"f12 q\" hides the chord \"f12 q ")
            })
            .count();
        assert_eq!(hidden, 26, "{got:#?}");
    }

    #[test]
    fn keymap_toml_is_generated_from_the_registry() {
        assert_eq!(
            DEFAULT_KEYMAP,
            default_keymap_toml(),
            "run `newsdigest keys --toml > keymap.toml`"
        );
    }

    #[test]
    fn readme_key_table_is_generated_from_the_registry() {
        let readme = include_str!("../../README.md");
        let table = keys_markdown();
        assert!(
            readme.contains(&table),
            "README.md must contain the table of `newsdigest keys --markdown`:\n{table}"
        );
    }

    #[test]
    fn defaults_load_without_problems() {
        let keymap = Keymap::defaults().expect("built-in keymap loads");
        let gg = parse_keys("g g").expect("chord");
        assert_eq!(keymap.lookup_in(Context::Reader, &gg[..1]), Lookup::Pending);
        assert_eq!(
            keymap.lookup_in(Context::Reader, &gg),
            Lookup::Action(Action::First)
        );
        assert_eq!(
            keymap.keys_of(Context::Claims, Action::Down),
            vec!["j", "down"]
        );
    }

    #[test]
    fn parses_and_prints_keys() {
        for (text, shown) in [
            ("j", "j"),
            ("G", "G"),
            ("shift-g", "G"),
            ("ctrl-d", "ctrl-d"),
            ("Ctrl-D", "ctrl-d"),
            ("alt-enter", "alt-enter"),
            ("ret", "enter"),
            ("pgdn", "pagedown"),
            ("space", "space"),
            ("f5", "f5"),
            ("shift-tab", "backtab"),
            ("?", "?"),
        ] {
            let key = parse_key(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(key.to_string(), shown, "{text}");
        }
        assert!(parse_key("ctrl-").is_err());
        assert!(parse_key("f13").is_err());
        assert!(parse_key("hyper-x").is_err());
    }

    #[test]
    fn user_file_layers_over_defaults_and_none_unbinds() {
        let keymap = Keymap::load(Some((
            "user.toml",
            "[reader]\n\"x\" = \"down\"\n\"j\" = \"none\"\n",
        )))
        .expect("valid file");
        let x = parse_keys("x").expect("key");
        let j = parse_keys("j").expect("key");
        assert_eq!(
            keymap.lookup_in(Context::Reader, &x),
            Lookup::Action(Action::Down)
        );
        assert_eq!(keymap.lookup_in(Context::Reader, &j), Lookup::Unbound);
        assert_eq!(
            keymap.lookup_in(Context::Claims, &j),
            Lookup::Action(Action::Down)
        );
    }

    #[test]
    fn reports_every_problem_with_line_and_column() {
        let text = "[reader]\n\"x\" = \"frist\"\n\"ctrl-\" = \"down\"\n\"g\" = \"last\"\n\"d\" = \"delete-char\"\n[nowhere]\n\"a\" = \"up\"\n[claims]\n\"ctrl-c\" = \"up\"\n\"q\" = 3\n\"C-x\" = \"up\"\n";
        let got = problems(text);
        let expected = [
            "user.toml:2:7: unknown action \"frist\"",
            "user.toml:3:1: cannot read key \"ctrl-\"",
            "user.toml:4:1: in [reader], \"g\" hides the chord \"g g\": the shorter key fires first; \"g g\" is bound at keymap.toml (built in):",
            "user.toml:5:7: action \"delete-char\" does not work in [reader]; it works in [search]",
            "user.toml:6:2: unknown context [nowhere]",
            "user.toml:9:1: ctrl-c always quits",
            "user.toml:10:7: expected an action name in quotes, found an integer",
            "user.toml:11:1: cannot read key \"C-x\"",
        ];
        for e in expected {
            assert!(
                got.iter().any(|g| g.starts_with(e)),
                "missing {e:?} in {got:#?}"
            );
        }
        assert_eq!(got.len(), expected.len(), "{got:#?}");
        let lines: Vec<usize> = got
            .iter()
            .filter_map(|g| g.split(':').nth(1)?.parse().ok())
            .collect();
        assert!(lines.is_sorted(), "problems in file order: {got:#?}");
    }

    #[test]
    fn reports_toml_syntax_and_duplicate_spellings() {
        let got = problems("[reader]\n\"x\" = \"down\n");
        assert!(
            got.iter()
                .any(|g| g.starts_with("user.toml:2:") && g.contains("TOML syntax")),
            "{got:#?}"
        );
        // Global actions may be bound in any context.
        assert!(problems("[reader]\n\"s\" = \"search\"\n").is_empty());
        let got = problems("[claims]\n\"ctrl-x\" = \"up\"\n\"Ctrl-X\" = \"down\"\n");
        assert_eq!(got.len(), 1, "{got:#?}");
        assert!(
            got[0]
                .starts_with("user.toml:3:1: \"Ctrl-X\" is the same key as the binding on line 2"),
            "{got:#?}"
        );
    }
}
