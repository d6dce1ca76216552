//! In-process interface tests: key sequences written like helix's
//! (`"<esc>gg/board<ret>"`) run through the real event loop on a
//! `TestBackend`; the screen is checked with its styles.

use std::collections::VecDeque;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use anyhow::Result;
use newsdigest::digest::DigestOptions;
use newsdigest::{Corpus, Digest, disputes};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};

use super::action::{ACTIONS, Context};
use super::app::{App, Pane, Screen};
use super::keymap::Keymap;
use super::theme::Theme;
use super::{EventSource, run_loop, view};

/// Turns `"<esc>gg/board<ret>"` into key events. Names in angle brackets:
/// esc, ret/enter, tab, backtab, bs, del, up, down, left, right, home, end,
/// pgup, pgdn, space, lt, gt; `C-`, `A-`, `S-` prefixes for modifiers.
fn parse_sequence(keys: &str) -> Vec<Event> {
    let mut events = Vec::new();
    let mut chars = keys.chars();
    while let Some(c) = chars.next() {
        let key = if c == '<' {
            let name: String = chars.by_ref().take_while(|&c| c != '>').collect();
            let mut modifiers = KeyModifiers::NONE;
            let mut rest = name.as_str();
            loop {
                if let Some(r) = rest.strip_prefix("C-") {
                    modifiers |= KeyModifiers::CONTROL;
                    rest = r;
                } else if let Some(r) = rest.strip_prefix("A-") {
                    modifiers |= KeyModifiers::ALT;
                    rest = r;
                } else if let Some(r) = rest.strip_prefix("S-") {
                    modifiers |= KeyModifiers::SHIFT;
                    rest = r;
                } else {
                    break;
                }
            }
            let code = match rest {
                "esc" => KeyCode::Esc,
                "ret" | "enter" => KeyCode::Enter,
                "tab" => KeyCode::Tab,
                "backtab" => KeyCode::BackTab,
                "bs" => KeyCode::Backspace,
                "del" => KeyCode::Delete,
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "pgup" => KeyCode::PageUp,
                "pgdn" => KeyCode::PageDown,
                "space" => KeyCode::Char(' '),
                "lt" => KeyCode::Char('<'),
                "gt" => KeyCode::Char('>'),
                one if one.chars().count() == 1 => KeyCode::Char(one.chars().next().unwrap_or(' ')),
                other => panic!("unknown key <{other}> in {keys:?}"),
            };
            KeyEvent::new(code, modifiers)
        } else {
            KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
        };
        events.push(Event::Key(key));
    }
    events
}

struct ScriptedEvents(VecDeque<Event>);

impl EventSource for ScriptedEvents {
    fn next_event(&mut self, _timeout: Duration) -> Result<Option<Event>> {
        Ok(self.0.pop_front())
    }
    fn finished(&self) -> bool {
        self.0.is_empty()
    }
}

struct Harness {
    terminal: Terminal<TestBackend>,
    app: App,
    /// The effects the loop carried out, in order.
    performed: Vec<super::effect::Effect>,
}

const TINY_A: &str = "Board approves plan\n\nThe Hastings board approved the plan on Monday. Critics objected loudly.\n\nShare this article on Facebook\n";
const TINY_B: &str = "Plan approved by board\n\nOn Monday the Hastings board approved the plan. The vote was close.\n";

fn tiny_corpus() -> Corpus {
    Corpus::from_texts([("a", TINY_A.to_string()), ("b", TINY_B.to_string())])
}

impl Harness {
    fn with(corpus: Corpus, keymap: Keymap, theme: Theme, width: u16, height: u16) -> Harness {
        let options = DigestOptions::default();
        let digest = Digest::build_with(&corpus, &options);
        let disagreements = disputes::find(&corpus, &digest, &options);
        let app = App::new(
            corpus,
            digest,
            disagreements,
            keymap,
            theme,
            Rect::new(0, 0, width, height),
        );
        let terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
        let mut harness = Harness {
            terminal,
            app,
            performed: Vec::new(),
        };
        harness.events(Vec::new());
        harness
    }

    fn new(width: u16, height: u16) -> Harness {
        let keymap = Keymap::defaults().expect("default keymap");
        Harness::with(Corpus::embedded(), keymap, Theme::color(), width, height)
    }

    fn tiny(width: u16, height: u16) -> Harness {
        let keymap = Keymap::defaults().expect("default keymap");
        Harness::with(tiny_corpus(), keymap, Theme::color(), width, height)
    }

    fn events(&mut self, events: Vec<Event>) {
        let stop = AtomicBool::new(false);
        let mut source = ScriptedEvents(events.into());
        let mut performed = Vec::new();
        run_loop(
            &mut self.terminal,
            &mut self.app,
            &mut source,
            &stop,
            &mut |_, effect| {
                performed.push(effect);
                Ok(None)
            },
        )
        .expect("loop runs");
        self.performed.extend(performed);
    }

    fn keys(&mut self, keys: &str) -> &mut Harness {
        self.events(parse_sequence(keys));
        self
    }

    fn resize(&mut self, width: u16, height: u16) {
        self.terminal.backend_mut().resize(width, height);
        self.events(vec![Event::Resize(width, height)]);
    }

    fn mouse(&mut self, kind: MouseEventKind, column: u16, row: u16) {
        self.events(vec![Event::Mouse(MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })]);
    }

    fn buffer(&self) -> &Buffer {
        self.terminal.backend().buffer()
    }

    fn row(&self, y: u16) -> String {
        let buf = self.buffer();
        (0..buf.area.width)
            .map(|x| buf[(x, y)].symbol())
            .collect::<String>()
    }

    fn screen(&self) -> String {
        (0..self.buffer().area.height)
            .map(|y| self.row(y))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The cell position of the first occurrence of `text` on screen.
    fn find(&self, text: &str) -> Option<(u16, u16)> {
        let buf = self.buffer();
        for y in 0..buf.area.height {
            let cells: Vec<&str> = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
            let wanted: Vec<String> = text.chars().map(String::from).collect();
            for x in 0..cells.len().saturating_sub(wanted.len() - 1) {
                if wanted.iter().enumerate().all(|(i, w)| cells[x + i] == w) {
                    return Some((x as u16, y));
                }
            }
        }
        None
    }

    fn style_at(&self, x: u16, y: u16) -> Style {
        self.buffer()[(x, y)].style()
    }

    fn status(&self) -> String {
        self.row(self.buffer().area.height - 1)
    }

    /// Fails, showing the header row, unless it contains each of `expected`.
    #[track_caller]
    fn assert_header(&self, expected: &[&str]) {
        let header = self.row(0);
        for e in expected {
            assert!(header.contains(e), "{e:?} not in {header:?}");
        }
    }

    /// Fails, showing the status line, unless it contains `expected`.
    #[track_caller]
    fn assert_status(&self, expected: &str) {
        let status = self.status();
        assert!(status.contains(expected), "{expected:?} not in {status:?}");
    }
}

fn contains(h: &Harness, text: &str) -> bool {
    h.screen().contains(text)
}

#[test]
fn key_sequences_parse_like_helix() {
    let events = parse_sequence("<esc>gg/b<ret><C-d><S-tab><lt>");
    let codes: Vec<(KeyCode, KeyModifiers)> = events
        .iter()
        .filter_map(|e| match e {
            Event::Key(k) => Some((k.code, k.modifiers)),
            _ => None,
        })
        .collect();
    assert_eq!(
        codes,
        vec![
            (KeyCode::Esc, KeyModifiers::NONE),
            (KeyCode::Char('g'), KeyModifiers::NONE),
            (KeyCode::Char('g'), KeyModifiers::NONE),
            (KeyCode::Char('/'), KeyModifiers::NONE),
            (KeyCode::Char('b'), KeyModifiers::NONE),
            (KeyCode::Enter, KeyModifiers::NONE),
            (KeyCode::Char('d'), KeyModifiers::CONTROL),
            (KeyCode::Tab, KeyModifiers::SHIFT),
            (KeyCode::Char('<'), KeyModifiers::NONE),
        ]
    );
}

#[test]
fn main_screen_shows_articles_claims_and_passages() {
    let h = Harness::new(120, 40);
    let claim = &h.app.story.digest.claims[0];
    assert!(
        contains(
            &h,
            &format!("Articles 1/{}", h.app.story.corpus.articles.len())
        ),
        "{}",
        h.screen()
    );
    assert!(contains(
        &h,
        &format!("Claims 1/{}", h.app.story.digest.claims.len())
    ));
    let badge = format!(
        "{} · {} articles · {} passages",
        claim.id,
        claim.article_count(),
        claim.passage_count()
    );
    assert!(contains(&h, &badge), "{}", h.screen());
    assert!(contains(
        &h,
        &format!("Supporting passages of {}", claim.id)
    ));
    // The supporting passage is highlighted in its context.
    let first = claim.support[0];
    let text = h.app.story.corpus.articles[first.article]
        .passage_text(&h.app.story.corpus.articles[first.article].passages[first.passage]);
    // Long enough not to be the attribution in the passage's label.
    let start: String = text.chars().take(30).collect();
    let (x, y) = h.find(&start).expect("passage shown");
    assert_eq!(h.style_at(x, y).bg, Some(Color::Yellow));
    assert_eq!(h.style_at(x, y).fg, Some(Color::Black));
}

/// The whole reader screen, text and styles, after a search and Enter.
#[test]
fn reader_screen_matches_exactly_with_styles() {
    let mut h = Harness::tiny(60, 15);
    // Enter opens the claim at the passage that matched "hastings".
    h.keys("/hastings<ret>");
    let t = Theme::color();
    let lines = [
        " Board approves plan    following c1 · passage 2 of 4 · all ",
        "  Board approves plan                                       ",
        "                                                            ",
        "▌ The Hastings board approved the plan on Monday. Critics   ",
        "  objected loudly.                                          ",
        "                                                            ",
        "  Share this article on Facebook                            ",
        "                                                            ",
        "                                                            ",
        "                                                            ",
        "                                                            ",
        "                                                            ",
        "                                                            ",
        "                                                            ",
        " c1: The Hastings bo…   esc back · n next · ? help · q quit ",
    ];
    let mut expected = Buffer::with_lines(lines);
    expected.set_style(Rect::new(0, 0, 60, 1), t.status);
    expected.set_style(Rect::new(1, 0, 19, 1), t.status.patch(t.title));
    expected.set_style(Rect::new(20, 0, 40, 1), t.status);
    // The title passage supports a claim made by both articles.
    expected.set_style(Rect::new(2, 1, 19, 1), t.claim);
    expected.set_style(Rect::new(0, 3, 1, 1), t.marker);
    // The passage jumped to.
    expected.set_style(Rect::new(2, 3, 47, 1), t.current);
    // Boilerplate is dimmed.
    expected.set_style(Rect::new(2, 6, 30, 1), t.noise);
    expected.set_style(Rect::new(0, 14, 60, 1), t.status);
    h.terminal.backend().assert_buffer(&expected);
}

#[test]
fn search_highlights_matched_characters_and_counts() {
    let mut h = Harness::tiny(80, 24);
    h.keys("/hstngs");
    let screen = h.screen();
    assert!(screen.contains("/ hstngs"), "{screen}");
    let total = h.app.story.digest.claims.len();
    let matching = h.app.search_index.search("hstngs").len();
    assert!(matching > 0);
    assert!(
        screen.contains(&format!("{matching} of {total} claims")),
        "{screen}"
    );
    let (x, y) = h.find("The Hastings board").expect("result shown");
    let t = Theme::color();
    // "H" matched, "a" not, "s" matched.
    assert_eq!(h.style_at(x + 4, y).fg, t.matched.fg);
    assert!(h.style_at(x + 4, y).add_modifier.contains(Modifier::BOLD));
    assert_ne!(h.style_at(x + 5, y).fg, t.matched.fg);
    assert_eq!(h.style_at(x + 6, y).fg, t.matched.fg);
    // Folded: accents and case do not matter.
    h.keys("<C-u>HÄSTÍNGS");
    assert_eq!(h.app.search.as_ref().map(|s| s.hits.len()), Some(matching));
    h.keys("<C-u>zzzz");
    assert!(contains(&h, "No claim matches “zzzz”"), "{}", h.screen());
    assert!(contains(&h, &format!("0 of {total} claims")));
}

#[test]
fn a_paste_is_one_edit_capped_at_the_query_limit() {
    use super::app::MAX_QUERY_CHARS;
    let mut h = Harness::tiny(80, 24);
    h.keys("/");
    let pasted = "board\nvote\t\u{1b}[31m".repeat(1000);
    h.events(vec![Event::Paste(pasted)]);
    let query = h
        .app
        .search
        .as_ref()
        .map(|s| s.query.clone())
        .unwrap_or_default();
    assert_eq!(query.chars().count(), MAX_QUERY_CHARS);
    assert!(query.starts_with("board vote [31mboard"), "{query:?}");
    assert!(!query.chars().any(char::is_control), "{query:?}");
    h.assert_status("The query is limited to 200 characters");
    // Typed keys past the limit say so too, and change nothing.
    h.keys("x");
    assert_eq!(
        h.app.search.as_ref().map(|s| s.query.chars().count()),
        Some(MAX_QUERY_CHARS)
    );
    h.assert_status("limited to 200");
    // Outside the search box a paste changes nothing but says where it goes.
    h.keys("<esc>");
    h.events(vec![Event::Paste("board".to_string())]);
    assert!(h.app.search.is_none());
    h.assert_status("Pasted text goes into the search box");
}

#[test]
fn ctrl_c_acts_within_a_frame_behind_a_flood_of_keys() {
    let Harness {
        mut terminal,
        mut app,
        ..
    } = Harness::tiny(80, 24);
    // A paste delivered as keys by a terminal without bracketed paste,
    // then ctrl-c, then more keys that must never be read.
    let mut events: VecDeque<Event> = parse_sequence("/").into();
    events.extend((0..50_000).map(|i| {
        let c = char::from(b'a' + (i % 26) as u8);
        Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
    }));
    events.push_back(Event::Key(KeyEvent::new(
        KeyCode::Char('c'),
        KeyModifiers::CONTROL,
    )));
    events.extend(parse_sequence("<esc>j"));
    let (done, result) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let stop = AtomicBool::new(false);
        let mut source = ScriptedEvents(events);
        let outcome = run_loop(&mut terminal, &mut app, &mut source, &stop, &mut |_, _| {
            Ok(None)
        })
        .map(|()| {
            (
                app.quit,
                source.0.len(),
                app.search.map(|s| s.query.chars().count()),
            )
        });
        let _ = done.send(outcome.map_err(|e| e.to_string()));
    });
    // Only a hang reaches this deadline.
    let (quit, unread, query) = result
        .recv_timeout(Duration::from_secs(60))
        .expect("the loop ends instead of hanging")
        .expect("the loop runs");
    assert!(quit);
    assert_eq!(unread, 2, "nothing after ctrl-c is read");
    assert_eq!(query, Some(super::app::MAX_QUERY_CHARS));
}

#[test]
fn rows_are_not_highlighted_for_a_query_they_do_not_answer() {
    let mut h = Harness::tiny(80, 24);
    h.keys("/hstngs");
    let matched_cells = |h: &Harness| {
        let t = Theme::color();
        let buf = h.buffer();
        buf.content
            .iter()
            .filter(|c| c.style().fg == t.matched.fg && c.modifier.contains(Modifier::BOLD))
            .count()
    };
    assert!(matched_cells(&h) > 0, "{}", h.screen());
    // A newer query typed on: the rows still show the old query's ranking,
    // and no highlighting runs until the new ranking arrives.
    if let Some(search) = h.app.search.as_mut() {
        search.query.push_str("zz");
        search.stale = true;
    }
    h.terminal
        .draw(|frame| view::render(&h.app, frame))
        .expect("draw");
    assert_eq!(matched_cells(&h), 0, "{}", h.screen());
}

#[test]
fn help_overlay_lists_the_live_keymap_by_context() {
    let user = "[reader]\n\"x\" = \"down\"\n\"s\" = \"search\"\n[global]\n\"?\" = \"none\"\n\"f1\" = \"help\"\n";
    let keymap = Keymap::load(Some(("user.toml", user))).expect("valid user keymap");
    let mut h = Harness::with(tiny_corpus(), keymap, Theme::color(), 100, 60);
    h.keys("?");
    assert!(h.app.help.is_none(), "? was unbound");
    h.keys("<tab>");
    h.events(vec![Event::Key(KeyEvent::new(
        KeyCode::F(1),
        KeyModifiers::NONE,
    ))]);
    assert!(h.app.help.is_some());
    let lines: Vec<String> = super::rows::help::lines(&h.app.rows(), 96)
        .iter()
        .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
        .collect();
    for context in Context::ALL {
        assert!(
            lines
                .iter()
                .any(|l| l.contains(&format!("[{}]", context.name())))
        );
    }
    for spec in ACTIONS {
        assert!(
            lines.iter().any(|l| l.contains(spec.name)),
            "help lacks {}",
            spec.name
        );
    }
    assert!(lines.iter().any(|l| l.contains("j, down, x")), "{lines:#?}");
    // A global action bound in a context is listed under that context.
    let reader = lines
        .iter()
        .position(|l| l.contains("[reader]"))
        .unwrap_or(0);
    let search = lines
        .iter()
        .position(|l| l.contains("[search]"))
        .unwrap_or(0);
    assert!(
        lines[reader..search]
            .iter()
            .any(|l| l.starts_with(" s ") && l.contains("search")),
        "{lines:#?}"
    );
    assert!(lines.iter().any(|l| l.contains("f1") && l.contains("help")));
    assert!(contains(&h, "f1 closes · j scrolls"), "{}", h.screen());
    // On screen: the heading styled as a heading, keys styled as keys.
    let t = Theme::color();
    let (x, y) = h.find("Everywhere [global]").expect("help shown");
    assert_eq!(h.style_at(x, y).fg, t.heading.fg);
    let (x, y) = h.find("ctrl-c").expect("ctrl-c listed");
    assert_eq!(h.style_at(x, y).fg, t.key.fg);
    h.keys("<esc>");
    assert!(h.app.help.is_none());
}

/// Every action of the registry, in every context where it works, does
/// what it says. A new action without a scenario here fails the test.
#[test]
fn every_registry_action_works() {
    for spec in ACTIONS {
        match spec.name {
            "quit" => {
                let mut h = Harness::tiny(80, 24);
                h.keys("q");
                assert!(h.app.quit);
                let mut h = Harness::tiny(80, 24);
                h.keys("/q");
                assert!(!h.app.quit, "q types in the search field");
                h.keys("<C-c>");
                assert!(h.app.quit, "ctrl-c quits anywhere");
            }
            "help" => {
                let mut h = Harness::tiny(80, 24);
                h.keys("?");
                assert!(h.app.help.is_some() && contains(&h, "Keys"));
                h.keys("?");
                assert!(h.app.help.is_none());
            }
            "search" => {
                let mut h = Harness::tiny(80, 24);
                h.keys("/");
                assert!(h.app.search.is_some() && contains(&h, "Search claims"));
            }
            "back" => {
                let mut h = Harness::tiny(80, 24);
                h.keys("<ret>");
                assert!(matches!(h.app.screen, Screen::Reader(_)));
                h.keys("<esc>");
                assert_eq!(h.app.screen, Screen::Main);
                h.keys("/abc<esc>");
                assert!(h.app.search.is_none());
                h.keys("<esc>");
                h.assert_status("Nothing to go back to");
            }
            "up" | "down" | "first" | "last" | "half-page-down" | "half-page-up" | "page-down"
            | "page-up" => movement_scenario(spec.name),
            "switch-pane" => {
                let mut h = Harness::tiny(80, 24);
                assert_eq!(h.app.focus, Pane::Claims);
                h.keys("<tab>");
                assert_eq!(h.app.focus, Pane::Passages);
                h.keys("<tab>");
                assert_eq!(h.app.focus, Pane::Articles);
                h.keys("<tab>");
                assert_eq!(h.app.focus, Pane::Claims);
            }
            "previous-pane" => {
                let mut h = Harness::tiny(80, 24);
                // Terminals send shift-tab as backtab, or as tab with shift.
                h.keys("<backtab>");
                assert_eq!(h.app.focus, Pane::Articles);
                h.keys("<S-tab>");
                assert_eq!(h.app.focus, Pane::Passages);
                h.keys("<backtab>");
                assert_eq!(h.app.focus, Pane::Claims);
            }
            "open" => open_scenario(),
            "next-passage" | "previous-passage" => passage_scenario(),
            "claims-here" => {
                let mut h = Harness::tiny(80, 24);
                h.keys("<ret>c");
                let picker = h.app.picker.clone().expect("claims of the line");
                assert_eq!(picker.claims, vec![0]);
                assert!(contains(&h, "Claims of this line"));
                h.keys("<esc>G");
                h.keys("c");
                assert!(h.app.picker.is_none());
                h.assert_status("No claim on this line");
            }
            "delete-char" | "clear-query" => {
                let mut h = Harness::tiny(80, 24);
                h.keys("/board<bs>");
                assert_eq!(
                    h.app.search.as_ref().map(|s| s.query.as_str()),
                    Some("boar")
                );
                h.keys("<C-u>");
                assert_eq!(h.app.search.as_ref().map(|s| s.query.as_str()), Some(""));
                assert!(contains(&h, "/ █"), "{}", h.screen());
            }
            "delete-word" | "cursor-left" | "cursor-right" => search_editing_scenario(),
            "find" => find_scenario(),
            "copy" => copy_scenario(),
            "open-in-pager" => open_in_pager_scenario(),
            "compare" => compare_scenario(),
            "filter-article" | "filter-source" | "filter-stance" | "filter-disputed"
            | "clear-filters" => filter_scenario(),
            "denial" => denial_scenario(),
            "disagreements" => disagreements_scenario(),
            other => panic!("no scenario for action {other}"),
        }
    }
}

fn movement_scenario(name: &str) {
    // Lists: the embedded corpus has enough claims to page.
    let mut h = Harness::new(80, 24);
    let claims = h.app.story.digest.claims.len();
    match name {
        "down" => {
            h.keys("j<down>");
            assert_eq!(h.app.claims.selected, 2);
            assert_eq!(h.app.passages.selected, 0);
        }
        "up" => {
            h.keys("jjjk<up>");
            assert_eq!(h.app.claims.selected, 1);
        }
        "last" => {
            h.keys("G");
            assert_eq!(h.app.claims.selected, claims - 1);
            // The last claim is in view.
            let last = &h.app.story.digest.claims[claims - 1];
            assert!(contains(&h, &format!("{} · ", last.id)), "{}", h.screen());
            h.keys("<home><end>");
            assert_eq!(h.app.claims.selected, claims - 1);
        }
        "first" => {
            h.keys("Ggg");
            assert_eq!(h.app.claims.selected, 0);
            h.keys("G<home>");
            assert_eq!(h.app.claims.selected, 0);
            assert_eq!(h.app.claims.offset, 0);
        }
        "half-page-down" | "half-page-up" => {
            h.keys("<C-d><C-d>");
            let twice = h.app.claims.selected;
            assert!(twice >= 2);
            h.keys("<C-u>");
            assert!((1..twice).contains(&h.app.claims.selected));
        }
        _ => {
            h.keys("<pgdn><pgdn>");
            let twice = h.app.claims.selected;
            assert!(twice >= 4, "a page moves several claims");
            h.keys("<pgup>");
            assert!((1..twice - 1).contains(&h.app.claims.selected));
        }
    }
    // Articles pane too.
    let mut h = Harness::new(80, 24);
    h.keys("<tab><tab>");
    let articles = h.app.story.corpus.articles.len();
    match name {
        "down" | "half-page-down" | "page-down" => {
            let key = match name {
                "down" => "j",
                "half-page-down" => "<C-d>",
                _ => "<pgdn>",
            };
            h.keys(key);
            assert!(h.app.articles.selected >= 1, "{name}");
        }
        "last" => {
            h.keys("G");
            assert_eq!(h.app.articles.selected, articles - 1);
        }
        _ => {
            let key = match name {
                "up" => "k",
                "first" => "gg",
                "half-page-up" => "<C-u>",
                _ => "<pgup>",
            };
            h.keys("G");
            h.keys(key);
            assert!(h.app.articles.selected < articles - 1, "{name}");
        }
    }
    // Reader, on the longest article: the cursor line and the view move.
    let mut h = Harness::new(80, 24);
    let longest = (0..articles)
        .max_by_key(|&a| h.app.story.corpus.articles[a].text.len())
        .unwrap_or(0);
    h.keys(&format!("<tab><tab>{}<ret>", "j".repeat(longest)));
    let Screen::Reader(start) = h.app.screen else {
        panic!("reader open");
    };
    let key = match name {
        "down" => "jj",
        "up" => "jjjk",
        "first" => "<C-d>gg",
        "last" => "G",
        "half-page-down" => "<C-d>",
        "half-page-up" => "<C-d><C-d><C-u>",
        "page-down" => "<pgdn>",
        _ => "<pgdn><pgdn><pgup>",
    };
    h.keys(key);
    let Screen::Reader(state) = h.app.screen else {
        panic!("still in the reader");
    };
    let lines = h.app.reader_text.as_ref().map_or(0, |t| t.lines.len());
    let height = 22;
    let max_top = lines.saturating_sub(height);
    let down = |top: usize, by: usize| (top + by).min(max_top);
    match name {
        "down" => assert_eq!(state.cursor, start.cursor + 2),
        "up" => assert_eq!(state.cursor, 2),
        "first" => assert_eq!((state.cursor, state.top), (0, 0)),
        "last" => {
            assert_eq!(state.cursor, lines - 1);
            assert_eq!(state.top, lines.saturating_sub(height));
        }
        "half-page-down" => assert_eq!(state.top, down(0, height / 2)),
        "half-page-up" => assert_eq!(
            state.top,
            down(down(0, height / 2), height / 2).saturating_sub(height / 2)
        ),
        "page-down" => assert_eq!(state.top, down(0, height)),
        _ => assert_eq!(
            state.top,
            down(down(0, height), height).saturating_sub(height)
        ),
    }
    // The disagreements view: one side of a dispute or discrepancy per step.
    let mut h = Harness::new(100, 30);
    h.keys("D");
    let sides = h.app.story.disagreement_sides.len();
    assert!(sides > 6, "the default articles disagree in several places");
    let key = match name {
        "down" => "jj",
        "up" => "jjjk",
        "first" => "Ggg",
        "last" => "G",
        "half-page-down" => "<C-d>",
        "half-page-up" => "<C-d><C-d><C-u>",
        "page-down" => "<pgdn>",
        _ => "<pgdn><pgdn><pgup>",
    };
    h.keys(key);
    let Screen::Disagreements(cursor) = h.app.screen else {
        panic!("disagreements view open");
    };
    match name {
        "down" | "up" => assert_eq!(cursor.selected, 2, "{name}"),
        "first" => assert_eq!((cursor.selected, cursor.offset), (0, 0)),
        "last" => assert_eq!(cursor.selected, sides - 1),
        "half-page-down" | "page-down" => assert!(cursor.selected >= 1, "{name}"),
        _ => assert!(
            cursor.selected >= 1 && cursor.selected < sides - 1,
            "{name}"
        ),
    }
    // Search results; half pages do not work there (ctrl-u clears the
    // query), which the registry says.
    let spec = ACTIONS.iter().find(|s| s.name == name).expect("registered");
    if name.starts_with("half-page") {
        assert!(!spec.applies_in(Context::Search));
        return;
    }
    assert!(spec.applies_in(Context::Search), "{name}");
    let mut h = Harness::new(80, 24);
    h.keys("/e");
    let hits = h.app.search.as_ref().map_or(0, |s| s.hits.len());
    assert!(hits > 3);
    let (key, expected) = match name {
        "down" => ("<down><C-n>", 2),
        "up" => ("<down><down><down><up><C-p>", 1),
        "first" => ("<end><home>", 0),
        "last" => ("<end>", hits - 1),
        "page-down" => ("<pgdn>", 0),
        _ => ("<pgdn><pgup>", 0),
    };
    h.keys(key);
    let selected = h.app.search.as_ref().map_or(0, |s| s.results.selected);
    if name == "page-down" {
        assert!(selected > 1);
    } else {
        assert_eq!(selected, expected, "{name} in search");
    }
}

fn open_scenario() {
    // A claim opens the reader at its first passage.
    let mut h = Harness::tiny(80, 24);
    h.keys("<ret>");
    let Screen::Reader(state) = h.app.screen else {
        panic!("reader open");
    };
    assert_eq!(state.trail.map(|t| (t.claim, t.position)), Some((0, 0)));
    h.assert_header(&["following c1 · passage 1 of 4", "Board approves plan"]);
    // A supporting passage opens the reader at that passage.
    let mut h = Harness::tiny(80, 24);
    h.keys("<tab>jjj<ret>");
    h.assert_header(&["following c1 · passage 4 of 4", "Plan approved by board"]);
    // An article opens at its top.
    let mut h = Harness::tiny(80, 24);
    h.keys("<tab><tab>j<ret>");
    let Screen::Reader(state) = h.app.screen else {
        panic!("reader open");
    };
    assert_eq!(
        (state.article, state.top, state.cursor, state.trail),
        (1, 0, 0, None)
    );
    // In the reader, Enter lists the line's claims; Enter on one goes to it.
    h.keys("jj<ret>");
    assert!(h.app.picker.is_some());
    h.keys("<ret>");
    assert_eq!(h.app.screen, Screen::Main);
    assert_eq!(h.app.claims.selected, 0);
    assert_eq!(h.app.focus, Pane::Claims);
    // Back returns to the reader where it was.
    h.keys("<esc>");
    assert!(matches!(h.app.screen, Screen::Reader(s) if s.article == 1 && s.cursor == 2));
    // A search result opens its claim.
    let mut h = Harness::tiny(80, 24);
    h.keys("/vote close<ret>");
    let Screen::Reader(state) = h.app.screen else {
        panic!("reader open");
    };
    let claim = &h.app.story.digest.claims[state.trail.map_or(0, |t| t.claim)];
    assert_eq!(claim.text, "The vote was close.");
    assert!(h.app.search.is_none());
}

fn passage_scenario() {
    let mut h = Harness::tiny(80, 24);
    h.keys("<ret>");
    h.assert_header(&["following c1 · passage 1 of 4"]);
    h.keys("nn");
    h.assert_header(&["following c1 · passage 3 of 4", "Plan approved by board"]);
    let Screen::Reader(state) = h.app.screen else {
        panic!("reader open");
    };
    assert_eq!(state.article, 1, "n crosses into the other article");
    h.keys("nn");
    h.assert_status("That was the last of 4 passages");
    h.keys("NNN");
    h.assert_header(&["following c1 · passage 1 of 4", "Board approves plan"]);
    h.keys("N");
    h.assert_status("That was the first passage");
    // Esc goes back to where the jump came from, not passage by passage.
    h.keys("<esc>");
    assert_eq!(h.app.screen, Screen::Main);
    // In the claim list, n and N move through the passages pane.
    h.keys("nn");
    assert_eq!(h.app.passages.selected, 2);
    h.keys("N");
    assert_eq!(h.app.passages.selected, 1);
    // Without a claim, n explains itself.
    let mut h = Harness::tiny(80, 24);
    h.keys("<tab><tab><ret>n");
    h.assert_status("open a claim first");
}

#[test]
fn chords_wait_for_their_second_key_and_unbound_keys_say_so() {
    let mut h = Harness::new(80, 24);
    h.keys("G");
    h.keys("g");
    assert_eq!(h.app.pending_keys().len(), 1);
    assert_ne!(h.app.claims.selected, 0);
    h.keys("g");
    assert!(h.app.pending_keys().is_empty());
    assert_eq!(h.app.claims.selected, 0);
    // A broken chord falls back to its last key.
    h.keys("gj");
    assert_eq!(h.app.claims.selected, 1);
    h.keys("z");
    h.assert_status("z does nothing here");
    // Esc quickly followed by a key arrives as alt-key: taken as both.
    h.keys("<ret>");
    assert!(matches!(h.app.screen, Screen::Reader(_)));
    h.keys("<A-?>");
    assert_eq!(h.app.screen, Screen::Main);
    assert!(h.app.help.is_some());
}

#[test]
fn mouse_wheel_scrolls_and_click_selects() {
    // Wide enough for the articles pane to show two articles unfocused.
    let mut h = Harness::new(120, 40);
    let areas =
        super::layout::main_areas(h.app.area, h.app.story.corpus.articles.len(), h.app.focus);
    h.mouse(
        MouseEventKind::ScrollDown,
        areas.claims.x + 5,
        areas.claims.y + 2,
    );
    h.mouse(
        MouseEventKind::ScrollDown,
        areas.claims.x + 5,
        areas.claims.y + 2,
    );
    assert_eq!(h.app.claims.selected, 2);
    // Click the second article (two rows each, inside the border).
    h.mouse(
        MouseEventKind::Down(MouseButton::Left),
        areas.articles.x + 5,
        areas.articles.y + 3,
    );
    assert_eq!(h.app.focus, Pane::Articles);
    assert_eq!(h.app.articles.selected, 1);
    h.keys("<ret>");
    h.mouse(MouseEventKind::ScrollDown, 10, 10);
    let Screen::Reader(state) = h.app.screen else {
        panic!("reader open");
    };
    assert_eq!(state.top, 3);
    h.mouse(MouseEventKind::Down(MouseButton::Left), 10, 6);
    let Screen::Reader(state) = h.app.screen else {
        panic!("reader open");
    };
    assert_eq!(state.cursor, 3 + 5);
    // In the disagreements view the wheel moves side by side, and a click
    // selects the side under it.
    let mut h = Harness::new(100, 30);
    h.keys("D");
    h.mouse(MouseEventKind::ScrollDown, 10, 10);
    h.mouse(MouseEventKind::ScrollDown, 10, 10);
    assert!(matches!(h.app.screen, Screen::Disagreements(c) if c.selected == 2));
    let m = main_dispute(&h);
    let (_, y) = h
        .find(&format!(
            "{} denies · {} articles",
            m.denial, m.denial_articles
        ))
        .expect("second side shown");
    h.mouse(MouseEventKind::Down(MouseButton::Left), 10, y);
    assert!(
        matches!(h.app.screen, Screen::Disagreements(c) if c.selected == 1),
        "{}",
        h.screen()
    );
}

#[test]
fn resize_reflows_and_small_terminals_get_a_message() {
    let mut h = Harness::new(100, 30);
    h.keys("<ret>");
    let Screen::Reader(before) = h.app.screen else {
        panic!("reader open");
    };
    let text = h.app.reader_text.clone().expect("wrapped");
    let anchor = text.lines[before.cursor].bytes.start;
    h.resize(70, 20);
    let Screen::Reader(after) = h.app.screen else {
        panic!("reader open");
    };
    let rewrapped = h.app.reader_text.clone().expect("wrapped");
    assert_eq!(rewrapped.width, 70 - 3);
    let line = &rewrapped.lines[after.cursor];
    assert!(
        line.bytes.start <= anchor && anchor <= line.bytes.end,
        "cursor stays on its text"
    );
    assert!(after.cursor >= after.top && after.cursor < after.top + 18);
    for y in 1..19 {
        let row = h.row(y);
        assert!(unicode_width::UnicodeWidthStr::width(row.trim_end()) <= 70);
    }
    h.resize(50, 10);
    assert!(contains(&h, "needs at least 60×15"), "{}", h.screen());
    h.keys("q");
    assert!(h.app.quit);
}

#[test]
fn no_color_uses_no_colours() {
    let keymap = Keymap::defaults().expect("keymap");
    let mut h = Harness::with(tiny_corpus(), keymap, Theme::no_color(), 80, 24);
    h.keys("/hastings");
    h.keys("<ret>");
    let buf = h.buffer();
    for cell in buf.content() {
        assert_eq!(cell.fg, Color::Reset);
        assert_eq!(cell.bg, Color::Reset);
    }
    // The passage jumped to (the sentence that matched) is still marked,
    // by reversing it; the header uses reverse too, the title under it
    // does not.
    assert!(
        h.row(3).starts_with("▌ The Hastings board approved"),
        "{}",
        h.screen()
    );
    assert!(h.style_at(2, 3).add_modifier.contains(Modifier::REVERSED));
    assert!(!h.style_at(2, 1).add_modifier.contains(Modifier::REVERSED));
}

#[test]
fn wide_characters_keep_columns_and_controls_never_reach_the_screen() {
    let corpus = Corpus::from_texts([
        (
            "wide",
            "東京の会議 🚀 Board approves plan\n\nThe 東京 board approved the 🚀 plan on Monday. Critics objected.\n".to_string(),
        ),
        (
            "evil",
            "Evil \u{1b}[2J title\n\nThe board \u{1b}]0;pwned\u{7} approved \u{202e}the plan on Monday.\u{9b}31m\n".to_string(),
        ),
    ]);
    let keymap = Keymap::defaults().expect("keymap");
    let mut h = Harness::with(corpus, keymap, Theme::color(), 80, 24);
    for keys in ["", "<tab><tab><ret>", "<esc>j<ret>"] {
        h.keys(keys);
        let buf = h.buffer();
        for cell in buf.content() {
            assert!(
                !cell
                    .symbol()
                    .chars()
                    .any(|c| c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c)),
                "control character on screen: {:?}\n{}",
                cell.symbol(),
                h.screen()
            );
        }
        // Rows of the main screen keep their right border in the last column.
        if h.app.screen == Screen::Main {
            for y in 1..22 {
                let right = buf[(79, y)].symbol();
                assert!(
                    ["│", "┃", "┐", "┘", "┤", "┌", "└"].contains(&right) || y >= 22,
                    "row {y}: {}",
                    h.row(y)
                );
            }
        }
    }
    assert!(contains(&h, "␛"), "{}", h.screen());
}

#[test]
fn an_empty_corpus_is_shown_not_crashed_on() {
    let keymap = Keymap::defaults().expect("keymap");
    let empty: Vec<(String, String)> = Vec::new();
    let mut h = Harness::with(Corpus::from_texts(empty), keymap, Theme::color(), 80, 24);
    h.keys("jkG<C-d><pgdn>gg<ret>nNc<tab><ret><tab><ret>/x<ret><esc>?<esc>");
    assert_eq!(h.app.screen, Screen::Main);
    assert!(
        contains(&h, "Articles 0") && contains(&h, "(none)"),
        "{}",
        h.screen()
    );
    // An article with nothing but a title still opens.
    let keymap = Keymap::defaults().expect("keymap");
    let mut h = Harness::with(
        Corpus::from_texts([("t", "Title only".to_string())]),
        keymap,
        Theme::color(),
        80,
        24,
    );
    h.keys("<tab><tab><ret>jGc");
    assert!(matches!(h.app.screen, Screen::Reader(_)));
}

/// The index of the claim with this id.
fn claim_index(h: &Harness, id: &str) -> usize {
    h.app
        .story
        .digest
        .claims
        .iter()
        .position(|c| c.id == id)
        .unwrap_or_else(|| panic!("no claim {id}"))
}

/// Selects a claim in the claim list by moving down to it.
fn select_claim(h: &mut Harness, id: &str) {
    let index = claim_index(h, id);
    h.keys(&format!("gg{}", "j".repeat(index)));
    assert_eq!(h.app.claims.selected, index);
}

/// The first dispute of the default articles (the claim their denial
/// answers first), read from the digest so that the tests follow the digest
/// rather than pin its claim numbers.
struct MainDispute {
    asserting: usize,
    denying: usize,
    /// Ids of the two claims.
    claim: String,
    denial: String,
    /// Articles behind each.
    claim_articles: usize,
    denial_articles: usize,
    /// Passages behind the denial, and how many claims it denies.
    denial_passages: usize,
    denied_claims: usize,
}

fn main_dispute(h: &Harness) -> MainDispute {
    let disputes = &h.app.story.disagreements.disputes;
    let first = disputes
        .first()
        .expect("the default articles hold a dispute");
    let claims = &h.app.story.digest.claims;
    let (asserting, denying) = (first.asserting, first.denying);
    MainDispute {
        asserting,
        denying,
        claim: claims[asserting].id.clone(),
        denial: claims[denying].id.clone(),
        claim_articles: claims[asserting].article_count(),
        denial_articles: claims[denying].article_count(),
        denial_passages: claims[denying].support.len(),
        denied_claims: disputes.iter().filter(|d| d.denying == denying).count(),
    }
}

/// The id of the first claim that neither disputes nor is disputed, and
/// tells no value differently from another.
fn undisputed_claim(h: &Harness) -> String {
    let d = &h.app.story.disagreements;
    let quiet = |c: usize| {
        !d.disputes
            .iter()
            .any(|x| x.asserting == c || x.denying == c)
            && !d
                .discrepancies
                .iter()
                .any(|x| x.sides.iter().any(|side| side.claim == Some(c)))
    };
    let index = (0..h.app.story.digest.claims.len())
        .find(|&c| quiet(c))
        .expect("an undisputed claim");
    h.app.story.digest.claims[index].id.clone()
}

/// The id of a claim with a discrepancy of this kind.
fn claim_with_discrepancy(h: &Harness, kind: disputes::DiscrepancyKind) -> String {
    let discrepancy = h
        .app
        .story
        .disagreements
        .discrepancies
        .iter()
        .find(|d| d.kind == kind)
        .unwrap_or_else(|| panic!("no {kind:?} discrepancy"));
    let claim = discrepancy.sides[0].claim.expect("a side's claim");
    h.app.story.digest.claims[claim].id.clone()
}

#[test]
fn claim_list_marks_disputed_claims_and_discrepancies() {
    let mut h = Harness::new(100, 30);
    let t = Theme::color();
    let m = main_dispute(&h);
    // The first claim is alleged by several articles and denied by fewer.
    let vs = format!("{} vs {} articles", m.claim_articles, m.denial_articles);
    let claim_badge = format!(
        "{} articles · {} passages",
        m.claim_articles,
        h.app.story.digest.claims[m.asserting].support.len()
    );
    assert!(
        contains(
            &h,
            &format!("{} · {claim_badge} · disputed · {vs}", m.claim)
        ),
        "{}",
        h.screen()
    );
    let (x, y) = h.find(&format!("disputed · {vs}")).expect("mark shown");
    assert_eq!(h.style_at(x, y).fg, t.disputed.fg);
    assert!(h.style_at(x, y).add_modifier.contains(Modifier::BOLD));
    // The badge before it keeps its own style.
    let (x, y) = h.find(&claim_badge).expect("badge shown");
    assert_eq!(h.style_at(x, y).fg, t.badge.fg);
    // The denial names how many claims it denies.
    select_claim(&mut h, &m.denial);
    assert!(contains(
        &h,
        &format!(
            "{} · {} articles · {} passages · denies {} claims",
            m.denial, m.denial_articles, m.denial_passages, m.denied_claims
        )
    ));
    // A claim with a year told differently elsewhere, and one with a
    // report credited to another paper.
    let year = claim_with_discrepancy(&h, disputes::DiscrepancyKind::Year);
    select_claim(&mut h, &year);
    let (x, y) = h.find("≠ year").expect("year mark shown");
    assert_eq!(h.style_at(x, y).fg, t.discrepancy.fg);
    let source = claim_with_discrepancy(&h, disputes::DiscrepancyKind::Source);
    select_claim(&mut h, &source);
    assert!(contains(&h, "≠ source"), "{}", h.screen());
    // A claim nobody disputes carries no mark.
    let quiet = undisputed_claim(&h);
    select_claim(&mut h, &quiet);
    let row = h.row(h.find(&format!("{quiet} · ")).expect("claim shown").1);
    assert!(!row.contains("disputed") && !row.contains('≠'), "{row}");

    // Without colour the marks are words, set apart by a modifier.
    let keymap = Keymap::defaults().expect("keymap");
    let h = Harness::with(Corpus::embedded(), keymap, Theme::no_color(), 100, 30);
    let (x, y) = h.find(&format!("disputed · {vs}")).expect("mark shown");
    let style = h.style_at(x, y);
    assert!(matches!(style.fg, None | Some(Color::Reset)), "{style:?}");
    assert!(style.add_modifier.contains(Modifier::UNDERLINED));
}

fn denial_scenario() {
    let mut h = Harness::new(100, 30);
    let m = main_dispute(&h);
    let (claim, denial) = (m.asserting, m.denying);
    let (c, d) = (m.claim.as_str(), m.denial.as_str());
    let vs = format!("{} vs {} articles", m.denial_articles, m.claim_articles);
    // From the claim list: to the denial, and back with the same key.
    select_claim(&mut h, c);
    h.keys("d");
    assert_eq!(h.app.claims.selected, denial);
    h.assert_status(&format!("{d} denies {c} · {vs}"));
    h.keys("d");
    assert_eq!(h.app.claims.selected, claim);
    h.assert_status(&format!("Back at {c}"));
    // … or back with Esc.
    h.keys("d<esc>");
    assert_eq!(h.app.claims.selected, claim);
    assert_eq!(h.app.screen, Screen::Main);
    // A denial of several claims cycles through them: there, back, the next.
    let denied: Vec<usize> = h
        .app
        .story
        .disagreements
        .disputes
        .iter()
        .filter(|x| x.denying == denial)
        .map(|x| x.asserting)
        .collect();
    assert!(denied.len() > 1, "the denial answers several claims");
    select_claim(&mut h, d);
    h.keys("d");
    assert_eq!(h.app.claims.selected, denied[0]);
    h.assert_status(&format!("1 of {}", denied.len()));
    h.keys("d");
    assert_eq!(h.app.claims.selected, denial);
    h.keys("d");
    assert_eq!(h.app.claims.selected, denied[1]);
    let second = &h.app.story.digest.claims[denied[1]];
    h.assert_status(&format!(
        "{d} denies {} · {} vs {} articles · 2 of {}",
        second.id,
        m.denial_articles,
        second.article_count(),
        denied.len()
    ));
    // A claim without a dispute says so.
    let quiet = undisputed_claim(&h);
    select_claim(&mut h, &quiet);
    h.keys("d");
    assert_eq!(h.app.claims.selected, claim_index(&h, &quiet));
    h.assert_status(&format!("{quiet} is not disputed and denies no claim"));

    // In the reader: from the claim's passage to the passage that denies it.
    let mut h = Harness::new(100, 30);
    let dispute = h.app.story.disagreements.disputes[0].clone();
    select_claim(&mut h, c);
    h.keys("<ret>");
    let Screen::Reader(before) = h.app.screen else {
        panic!("reader open");
    };
    h.keys("d");
    let Screen::Reader(state) = h.app.screen else {
        panic!("still in the reader");
    };
    assert_eq!(state.trail.map(|t| t.claim), Some(denial));
    assert_eq!(
        (state.article, state.target),
        (dispute.passages.1.article, Some(dispute.passages.1.passage))
    );
    h.assert_status(&format!("{d} denies {c}"));
    h.keys("d");
    assert_eq!(h.app.screen, Screen::Reader(before));
    h.keys("d<esc>");
    assert_eq!(h.app.screen, Screen::Reader(before));
}

fn disagreements_scenario() {
    let mut h = Harness::new(100, 30);
    h.keys("D");
    assert!(matches!(h.app.screen, Screen::Disagreements(_)));
    let (disputes, discrepancies) = (
        h.app.story.disagreements.disputes.len(),
        h.app.story.disagreements.discrepancies.len(),
    );
    assert!(
        contains(
            &h,
            &format!(
                "Where the sources disagree · {disputes} disputes · {discrepancies} discrepancies"
            )
        ),
        "{}",
        h.screen()
    );
    // The first dispute: both claims' text and article counts.
    let m = main_dispute(&h);
    assert!(
        contains(
            &h,
            &format!(
                "Dispute 1 of {disputes} · {} denies {} · {} vs {} articles",
                m.denial, m.claim, m.denial_articles, m.claim_articles
            )
        ),
        "{}",
        h.screen()
    );
    assert!(contains(
        &h,
        &format!("{} claims · {} articles", m.claim, m.claim_articles)
    ));
    assert!(contains(
        &h,
        &format!("{} denies · {} articles", m.denial, m.denial_articles)
    ));
    let denying_passage = h.app.story.disagreements.disputes[0].passages.1;
    let article = &h.app.story.corpus.articles[denying_passage.article];
    let text = article.passage_text(&article.passages[denying_passage.passage]);
    let opening: String = text.chars().take(40).collect();
    assert!(contains(&h, &opening), "{text}\n{}", h.screen());
    // At the end: the discrepancies of the default articles, kind, values
    // and articles.
    h.keys("G");
    for shown in [
        "≠ year",
        "2019 in Facebook let Netflix peek into user Private Messages",
        "2015, 2017 in Meta Denies Netflix Had Access",
        "“As per the report, ad spending on Facebook amounted to about $150 million yearly",
        "≠ date",
        "April, April 2023 in Facebook let Netflix peek into user Private Messages",
        "March 23 in According to a lawsuit",
    ] {
        assert!(contains(&h, shown), "{shown} missing:\n{}", h.screen());
    }
    h.keys("kkkkk");
    for shown in [
        "≠ source",
        "The Guardian in Meta Disproves Sharing Data of Users with Netflix",
        "The New York Times in Meta Denies Netflix Had Access",
    ] {
        assert!(contains(&h, shown), "{shown} missing:\n{}", h.screen());
    }
    // Enter on the 2019 side opens the reader at that passage.
    let index = h
        .app
        .story
        .disagreement_sides
        .iter()
        .position(|side| {
            matches!(side.of, super::story::Disagreement::Discrepancy(i)
                if h.app.story.disagreements.discrepancies[i].sides[side.side].values == ["2019"])
        })
        .expect("the 2019 side");
    let side = h.app.story.disagreement_sides[index];
    h.keys(&format!("gg{}<ret>", "j".repeat(index)));
    let Screen::Reader(state) = h.app.screen else {
        panic!("reader open");
    };
    assert_eq!(
        (state.article, state.target),
        (side.passage.article, Some(side.passage.passage))
    );
    let (x, y) = h
        .find("As per the report, ad spending")
        .expect("passage in view");
    assert_eq!(h.style_at(x, y).bg, Theme::color().current.bg);
    // Esc goes back to the view as it was, again to the claim list; the
    // key itself closes the view too.
    h.keys("<esc>");
    assert!(matches!(h.app.screen, Screen::Disagreements(c) if c.selected == index));
    h.keys("<esc>");
    assert_eq!(h.app.screen, Screen::Main);
    h.keys("DD");
    assert_eq!(h.app.screen, Screen::Main);
    // From the reader too.
    h.keys("<ret>D");
    assert!(matches!(h.app.screen, Screen::Disagreements(_)));
    h.keys("<esc>");
    assert!(matches!(h.app.screen, Screen::Reader(_)));

    // A story whose sources agree says so.
    let mut h = Harness::tiny(80, 24);
    h.keys("D");
    assert!(h.app.story.disagreement_sides.is_empty());
    h.assert_status("The sources agree");
}

#[test]
fn wire_copies_read_as_one_source_in_the_articles_and_claims() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/wire-copies");
    let corpus = Corpus::load_dir(&dir).expect("the wire-copies story loads");
    let keymap = Keymap::defaults().expect("default keymap");
    let h = Harness::with(corpus, keymap, Theme::color(), 120, 40);
    let lead = &h.app.story.digest.claims[0];
    assert_eq!((lead.article_count(), lead.source_count()), (5, 3));
    assert!(
        contains(&h, &format!("{} · 3 sources · ", lead.id)),
        "{}",
        h.screen()
    );
    assert!(contains(&h, "Big Wire · 3 copies"), "{}", h.screen());
    assert!(contains(&h, "copy of Big Wire"), "{}", h.screen());
}

#[test]
fn keys_do_nothing_while_the_window_is_too_small_but_quit() {
    let mut h = Harness::new(100, 30);
    h.resize(50, 12);
    assert!(contains(&h, "needs at least 60×15"), "{}", h.screen());
    h.keys("<tab><ret>jD/x?");
    h.mouse(MouseEventKind::Down(MouseButton::Left), 10, 5);
    h.resize(100, 30);
    assert_eq!(h.app.screen, Screen::Main, "nothing opened unseen");
    assert_eq!(h.app.focus, Pane::Claims);
    assert_eq!(h.app.claims.selected, 0);
    assert!(h.app.search.is_none() && h.app.help.is_none());
    h.resize(50, 12);
    h.keys("q");
    assert!(h.app.quit, "q quits, as the message says");
}

#[test]
fn a_double_click_opens_what_it_selects() {
    let mut h = Harness::new(100, 30);
    let claims = super::layout::inner(
        super::layout::main_areas(h.app.area, h.app.story.corpus.articles.len(), h.app.focus)
            .claims,
    );
    h.mouse(
        MouseEventKind::Down(MouseButton::Left),
        claims.x + 5,
        claims.y,
    );
    assert_eq!(h.app.screen, Screen::Main, "one click selects");
    h.mouse(
        MouseEventKind::Down(MouseButton::Left),
        claims.x + 5,
        claims.y,
    );
    let Screen::Reader(state) = h.app.screen else {
        panic!("double click opens the claim:\n{}", h.screen());
    };
    assert_eq!(state.trail.map(|t| t.claim), Some(0));
}

#[test]
fn each_dispute_side_shows_the_passage_its_label_names() {
    let mut h = Harness::new(120, 40);
    h.keys("D");
    for (index, side) in h
        .app
        .story
        .disagreement_sides
        .clone()
        .into_iter()
        .enumerate()
    {
        let super::story::Disagreement::Dispute(_) = side.of else {
            continue;
        };
        let lines: Vec<String> = super::rows::disagreements::side_lines(&h.app.rows(), index, 400)
            .iter()
            .map(|(l, _)| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect();
        let article = &h.app.story.corpus.articles[side.passage.article];
        let text = article.passage_text(&article.passages[side.passage.passage]);
        let opening: String = text.trim().chars().take(30).collect();
        assert!(
            lines.iter().any(|l| l.starts_with(&opening)),
            "side {index} shows its own passage {opening:?}: {lines:#?}"
        );
        let title: String = article.display_title().chars().take(20).collect();
        assert!(
            lines.iter().any(|l| l.contains(&format!("in {title}"))),
            "{lines:#?}"
        );
    }
}

#[test]
fn overlays_leave_no_fragments_beside_them_at_80_columns() {
    for keys in ["?", "/"] {
        let mut h = Harness::new(80, 24);
        h.keys(keys);
        for y in 1..23 {
            let row = h.row(y);
            let first = row.chars().next().unwrap_or(' ');
            assert!(
                matches!(first, '│' | '┌' | '└'),
                "{keys}: row {y} starts with the popup's border: {row:?}"
            );
        }
    }
}

#[test]
fn the_reader_shows_one_blank_line_for_many_and_none_first() {
    let text = "\n\n\nBoard approves plan\n\n\n\n\nThe board approved the plan on Monday.\n";
    let corpus = Corpus::from_texts([("a", text.to_string())]);
    let keymap = Keymap::defaults().expect("default keymap");
    let mut h = Harness::with(corpus, keymap, Theme::color(), 60, 15);
    h.keys("<backtab><ret>");
    assert!(h.row(1).contains("Board approves plan"), "{}", h.screen());
    assert_eq!(h.row(2).trim(), "");
    assert!(h.row(3).contains("The board approved"), "{}", h.screen());
}

/// The first screen at 80×24, exactly: one line per claim with counts and
/// marks first, the position in the title, a scrollbar, the selected
/// claim whole in the detail pane, and hints ending in `? help · q quit`.
#[test]
fn the_claim_list_fits_80_by_24_exactly() {
    let h = Harness::new(80, 24);
    let screen = h.screen();
    let lines: Vec<&str> = screen.lines().collect();
    assert_eq!(
        lines[0],
        "┌ Articles 1/5 ────────────────────────────────────────────────────────────────┐"
    );
    assert!(lines[1].starts_with("│▏ Meta Disproves Sharing Data of Users with Netflix"));
    assert!(lines[1].ends_with("┃"), "scrollbar: {}", lines[1]);
    assert_eq!(
        lines[3],
        "┌ Claims 1/56 ─────────────────────────────────────────────────────────────────┐"
    );
    let claims: Vec<&&str> = lines[4..]
        .iter()
        .take_while(|l| !l.starts_with('└'))
        .collect();
    assert!(claims.len() >= 8, "{screen}");
    assert_eq!(
        *claims[0],
        "│▌ c1  4a 6p disputed+ Court documents, filed on March 23, claim that Netflix… ┃"
    );
    assert_eq!(
        *claims[2],
        "│  c3  3a 5p denies    Meta didn’t share people’s private messages with Netfl… │"
    );
    // Every claim row leaves a space before the border.
    for row in &claims {
        let inside: Vec<char> = row.chars().collect();
        assert_eq!(inside[inside.len() - 2], ' ', "{row}");
    }
    let detail = lines
        .iter()
        .position(|l| l.starts_with("┌ Supporting passages of c1 (6)"))
        .expect("detail pane");
    assert_eq!(
        lines[detail + 1],
        "│  Court documents, filed on March 23, claim that Netflix had access to        │"
    );
    assert_eq!(
        lines[23],
        " 5 articles · 56 claims      tab pane · enter open · / search · ? help · q quit "
    );
    // Styles: the counts as a badge, the mark as disputed.
    let t = Theme::color();
    let (x, y) = h.find("4a 6p").expect("counts");
    assert_eq!(h.style_at(x, y).fg, t.badge.fg);
    let (x, y) = h.find("disputed").expect("mark");
    assert_eq!(h.style_at(x, y).fg, t.disputed.fg);
}

#[test]
fn a_divider_stands_before_the_claims_one_article_makes() {
    let mut h = Harness::new(120, 40);
    let first_single = h
        .app
        .story
        .digest
        .claims
        .iter()
        .position(|c| c.article_count() == 1)
        .expect("a single-source claim");
    h.keys(&"j".repeat(first_single));
    let (_, divider) = h.find("told by one article").expect("divider shown");
    let id = &h.app.story.digest.claims[first_single].id;
    let (_, claim) = h.find(&format!("▌ {id} ")).expect("claim shown");
    assert_eq!(claim, divider + 1, "{}", h.screen());
    // The divider is not part of the selection.
    assert_ne!(h.row(divider).chars().nth(1), Some('▌'));
    // A click on the divider selects nothing new; one on the claim selects it.
    h.keys("k");
    h.mouse(MouseEventKind::Down(MouseButton::Left), 10, claim);
    assert_eq!(h.app.claims.selected, first_single);
}

#[test]
fn the_focused_pane_grows_in_a_small_window() {
    let mut h = Harness::new(80, 24);
    let height = |h: &Harness, pane: Pane| {
        let areas =
            super::layout::main_areas(h.app.area, h.app.story.corpus.articles.len(), h.app.focus);
        match pane {
            Pane::Articles => areas.articles.height,
            Pane::Claims => areas.claims.height,
            Pane::Passages => areas.passages.height,
        }
    };
    let claims_focused = height(&h, Pane::Claims);
    h.keys("<tab>");
    assert!(height(&h, Pane::Passages) > height(&h, Pane::Claims));
    assert!(height(&h, Pane::Claims) < claims_focused);
    h.keys("<tab>");
    assert_eq!(
        height(&h, Pane::Articles),
        12,
        "five articles, two rows each"
    );
    assert!(
        contains(&h, "Facebook Accused of Selling Your Messages"),
        "{}",
        h.screen()
    );
}

/// `? help` and `q quit` show at every size from 60×15 up, in every view.
#[test]
fn help_and_quit_hints_always_show() {
    for (width, height) in [(60, 15), (70, 20), (80, 24), (120, 40), (200, 60)] {
        for keys in [
            "",
            "<tab>",
            "<tab><tab>",
            "<ret>",
            "<ret>n",
            "<tab><tab><ret>",
            "D",
        ] {
            let mut h = Harness::new(width, height);
            h.keys(keys);
            let status = h.status();
            assert!(
                status.trim_end().ends_with("? help · q quit"),
                "{width}×{height} after {keys:?}: {status:?}"
            );
        }
    }
}

/// The claims and passages of the default articles, searched the way fzf
/// ranks: whole words first, scattered letters not at all.
#[test]
fn search_finds_passages_and_ranks_whole_words_first() {
    let mut h = Harness::new(100, 30);
    h.keys("/netflix dms");
    let hits = h
        .app
        .search
        .as_ref()
        .map(|s| s.hits.clone())
        .unwrap_or_default();
    assert!(!hits.is_empty(), "{}", h.screen());
    // Every hit holds "dms" whole, in its claim's text or a passage.
    for hit in &hits {
        let owner = h.app.search_index.owner(hit.text).expect("owner");
        let text = match owner.passage {
            Some(r) => {
                let a = &h.app.story.corpus.articles[r.article];
                a.passage_text(&a.passages[r.passage]).to_lowercase()
            }
            None => h.app.story.digest.claims[hit.claim].text.to_lowercase(),
        };
        assert!(text.contains("dms"), "{text}");
    }
    // The preview shows the passage that matched, with the match highlighted.
    let (x, y) = h.find("DMs").expect("match shown");
    assert_eq!(h.style_at(x, y).fg, Theme::color().matched.fg);
    assert!(contains(&h, "passage in"), "{}", h.screen());
    // Enter opens the reader at that passage.
    let first = hits[0];
    h.keys("<ret>");
    let Screen::Reader(state) = h.app.screen else {
        panic!("reader open");
    };
    let matched = h.app.search_index.owner(first.text).and_then(|o| o.passage);
    assert_eq!(
        Some((state.article, state.target)),
        matched.map(|r| (r.article, Some(r.passage)))
    );
    // "hastings" finds the claims that name him, not letters strewn about.
    let hastings = h.app.search_index.search("hastings");
    assert!(hastings.len() <= 6, "{} claims", hastings.len());
    for hit in &hastings {
        let claim = &h.app.story.digest.claims[hit.claim];
        let named = std::iter::once(claim.text.clone())
            .chain(claim.support.iter().map(|r| {
                let a = &h.app.story.corpus.articles[r.article];
                a.passage_text(&a.passages[r.passage]).to_string()
            }))
            .any(|t| t.contains("Hastings"));
        assert!(named, "{}", claim.text);
    }
}

#[test]
fn search_reads_fzf_terms_and_edits_like_a_shell() {
    search_editing_scenario();
}

fn search_editing_scenario() {
    let mut h = Harness::tiny(80, 24);
    h.keys("/'board !close");
    let claims: Vec<String> = h
        .app
        .search
        .as_ref()
        .map(|s| {
            s.hits
                .iter()
                .map(|hit| h.app.story.digest.claims[hit.claim].text.clone())
                .collect()
        })
        .unwrap_or_default();
    assert!(!claims.is_empty());
    assert!(claims.iter().all(|c| !c.contains("close")), "{claims:?}");
    // ctrl-w deletes the word before the cursor, left and right move it.
    h.keys("<C-w>");
    assert_eq!(
        h.app.search.as_ref().map(|s| s.query.as_str()),
        Some("'board ")
    );
    h.keys("<left><left><left>X<right>Y");
    let search = h.app.search.clone().expect("search open");
    assert_eq!(search.query, "'boaXrYd ");
    assert!(contains(&h, "/ 'boaXrYd"), "{}", h.screen());
    // The query comes back when search opens again.
    h.keys("<C-u>vote<esc>");
    assert!(h.app.search.is_none());
    h.keys("/");
    assert_eq!(
        h.app.search.as_ref().map(|s| s.query.as_str()),
        Some("vote")
    );
    assert!(contains(&h, "/ vote█"), "{}", h.screen());
}

#[test]
fn slash_in_the_reader_finds_in_the_article() {
    find_scenario();
}

fn find_scenario() {
    let mut h = Harness::new(80, 24);
    h.keys("<backtab><ret>/NETFLIX");
    let article = &h.app.story.corpus.articles[0];
    let expected = newsdigest::search::find_folded(&article.text, "netflix");
    assert!(expected.len() > 2);
    let find = h.app.find.clone().expect("find open");
    assert!(find.editing);
    assert_eq!(find.matches, expected);
    h.assert_status(&format!("/ NETFLIX█  {} matches", expected.len()));
    h.keys("<ret>");
    h.assert_status(&format!("match 1 of {}", expected.len()));
    let Screen::Reader(state) = h.app.screen else {
        panic!("reader open");
    };
    let text = h.app.reader_text.clone().expect("wrapped");
    let line = &text.lines[state.cursor];
    assert!(line.bytes.start <= expected[0].start && expected[0].start < line.bytes.end);
    // The match is highlighted on screen.
    let row = 1 + (state.cursor - state.top) as u16;
    let shown = h.row(row);
    let x = shown
        .find("Netflix")
        .map(|b| shown[..b].chars().count() as u16);
    let x = x.expect("match on the cursor's row");
    assert_eq!(h.style_at(x, row).fg, Theme::color().matched.fg);
    // n and N walk the matches, round the end; esc clears, then goes back.
    h.keys("n");
    h.assert_status(&format!("match 2 of {}", expected.len()));
    h.keys("NN");
    h.assert_status(&format!("match {0} of {0}", expected.len()));
    h.keys("<esc>");
    assert!(h.app.find.is_none());
    assert!(matches!(h.app.screen, Screen::Reader(_)));
    h.keys("/zzqx<ret>");
    h.assert_status("“zzqx” is not in this article");
    h.keys("<esc>");
    assert_eq!(h.app.screen, Screen::Main);
}

#[test]
fn y_copies_with_a_citation_through_osc_52() {
    copy_scenario();
}

fn copy_scenario() {
    use super::effect::{Effect, osc52};
    let mut h = Harness::tiny(80, 24);
    // A claim: its text, counts and its representative's citation.
    h.keys("y");
    h.assert_status("Copied c1 with its citation (OSC 52 clipboard)");
    let Some(Effect::Copy(text)) = h.performed.last().cloned() else {
        panic!("a copy: {:?}", h.performed);
    };
    assert!(text.starts_with("c1 (2 articles, 4 passages): "), "{text}");
    assert!(text.contains("— Board approves plan · "), "{text}");
    assert!(text.contains(", bytes "), "{text}");
    // A passage from the passages pane, and from the reader.
    h.keys("<tab>j");
    h.keys("y");
    let Some(Effect::Copy(passage)) = h.performed.last().cloned() else {
        panic!("a copy");
    };
    let r = h.app.story.digest.claims[0].support[1];
    let article = &h.app.story.corpus.articles[r.article];
    let p = &article.passages[r.passage];
    assert!(passage.starts_with(&format!("“{}”", article.passage_text(p))));
    assert!(passage.ends_with(&format!("bytes {}–{}", p.span.start, p.span.end)));
    h.keys("<ret>y");
    assert_eq!(h.performed.last(), Some(&Effect::Copy(passage.clone())));
    // What reaches the terminal is the program's own sequence.
    let sequence = osc52(&passage);
    assert!(sequence.starts_with("\u{1b}]52;c;") && sequence.ends_with('\u{7}'));
    // Control characters in the article never reach the clipboard.
    let corpus = Corpus::from_texts([(
        "evil",
        "Evil title\n\nThe board \u{1b}]0;pwned\u{7} approved the plan on Monday.\n".to_string(),
    )]);
    let keymap = Keymap::defaults().expect("keymap");
    let mut h = Harness::with(corpus, keymap, Theme::color(), 80, 24);
    h.keys("<backtab><ret>jjy");
    let Some(Effect::Copy(text)) = h.performed.last().cloned() else {
        panic!("a copy: {:?} {}", h.performed, h.screen());
    };
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "{text:?}"
    );
    assert!(text.contains("\\u{1b}]0;pwned"), "{text}");
}

fn open_in_pager_scenario() {
    use super::effect::Effect;
    let dir = std::env::temp_dir().join(format!("newsdigest-open-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch folder");
    std::fs::write(dir.join("a.txt"), TINY_A).expect("write");
    std::fs::write(dir.join("b.txt"), TINY_B).expect("write");
    let corpus = Corpus::load_dir(&dir).expect("loads");
    let keymap = Keymap::defaults().expect("keymap");
    let mut h = Harness::with(corpus, keymap, Theme::color(), 80, 24);
    // The claim's passage is on line 3 of a.txt.
    h.keys("o");
    assert_eq!(
        h.performed.last(),
        Some(&Effect::Open {
            path: dir.join("a.txt"),
            line: 3
        })
    );
    // From the reader, at the cursor's line; the reader stays where it was.
    h.keys("<ret>j");
    let before = h.app.screen;
    let Screen::Reader(state) = before else {
        panic!("reader open");
    };
    let text = h.app.reader_text.clone().expect("wrapped");
    let start = text.lines[state.cursor].bytes.start;
    let article = &h.app.story.corpus.articles[state.article];
    let line = article.text[..start].matches('\n').count() + 1;
    h.keys("o");
    assert!(
        matches!(h.performed.last(), Some(Effect::Open { line: l, .. }) if *l == line),
        "{:?} at line {line}",
        h.performed
    );
    assert_eq!(h.app.screen, before);
    // The built-in articles have no file to open.
    let mut h = Harness::tiny(80, 24);
    h.keys("o");
    assert!(h.performed.is_empty());
    h.assert_status("no file to open");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn o_opens_the_pager_at_the_passage() {
    open_in_pager_scenario();
}

#[test]
fn the_legend_explains_marks_and_colours() {
    let mut h = Harness::new(80, 24);
    assert!(contains(&h, "4a 6p: articles, passages"), "{}", h.screen());
    h.keys("?");
    let t = Theme::color();
    for (sample, style) in [
        ("disputed", t.disputed),
        ("≠ year", t.discrepancy),
        ("boilerplate", t.noise),
    ] {
        let (x, y) = h.find(&format!(" {sample} ")).expect("legend entry");
        assert_eq!(h.style_at(x + 1, y).fg, style.fg, "{sample}");
    }
    assert!(contains(&h, "asserting vs denying"));
}

#[test]
fn c_compares_every_telling_of_a_claim() {
    compare_scenario();
}

fn compare_scenario() {
    let mut h = Harness::new(80, 24);
    let m = main_dispute(&h);
    select_claim(&mut h, &m.claim);
    h.keys("c");
    let Screen::Compare(state) = h.app.screen else {
        panic!("compare open:\n{}", h.screen());
    };
    let claim = &h.app.story.digest.claims[state.claim];
    assert_eq!(claim.id, m.claim);
    assert!(h.row(0).contains(&format!("Every telling of {}", m.claim)));
    // Grouped by stance, each passage with who says it and where.
    let lines: Vec<String> = super::rows::compare::all_lines(&h.app.rows(), state.claim, 200)
        .into_iter()
        .map(|((l, _), _)| l.spans.iter().map(|s| s.content.as_ref()).collect())
        .collect();
    let headings: Vec<&String> = lines
        .iter()
        .filter(|l| {
            ["alleges ·", "reports ·", "asserts ·", "denies ·"]
                .iter()
                .any(|h| l.starts_with(h))
        })
        .collect();
    assert!(!headings.is_empty(), "{lines:#?}");
    let order = ["alleges", "reports", "asserts", "denies"];
    let ranks: Vec<usize> = headings
        .iter()
        .filter_map(|h| order.iter().position(|o| h.starts_with(o)))
        .collect();
    assert!(ranks.windows(2).all(|w| w[0] < w[1]), "{headings:?}");
    assert!(lines.iter().any(|l| l.contains(" · in ")), "{lines:#?}");
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with(&format!("{} · ", m.denial))),
        "the denying claim is listed: {lines:#?}"
    );
    // Enter on the first passage opens the reader there; esc comes back.
    h.keys("<ret>");
    let Screen::Reader(reader) = h.app.screen else {
        panic!("reader open");
    };
    let first = match super::rows::compare::items(&h.app.rows(), state.claim)[0] {
        super::rows::compare::CompareItem::Passage { passage, .. } => passage,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        (reader.article, reader.target),
        (first.article, Some(first.passage))
    );
    h.keys("<esc>");
    assert!(matches!(h.app.screen, Screen::Compare(_)));
    // d goes to the claim that denies it, compared the same way.
    h.keys("d");
    let Screen::Compare(denier) = h.app.screen else {
        panic!("compare of the denial");
    };
    assert_eq!(h.app.story.digest.claims[denier.claim].id, m.denial);
    h.keys("<esc><esc>");
    assert_eq!(h.app.screen, Screen::Main);
}

#[test]
fn figures_told_differently_are_highlighted_in_the_compare_view() {
    let mut h = Harness::new(120, 40);
    let id = claim_with_discrepancy(&h, disputes::DiscrepancyKind::Year);
    select_claim(&mut h, &id);
    h.keys("c");
    let t = Theme::color();
    let marked = (0..40u16).any(|y| {
        let row = h.row(y);
        row.find("2015")
            .or_else(|| row.find("2017"))
            .or_else(|| row.find("2019"))
            .is_some_and(|b| {
                let x = row[..b].chars().count() as u16;
                h.style_at(x, y).fg == t.discrepancy.fg
            })
    });
    assert!(marked, "a differing year is highlighted:\n{}", h.screen());
}

#[test]
fn filters_narrow_the_claim_list_and_one_key_clears_them() {
    filter_scenario();
}

fn filter_scenario() {
    let mut h = Harness::new(120, 40);
    let total = h.app.story.digest.claims.len();
    // In this article, not in it, all again.
    h.keys("<backtab>jf");
    let in_article: Vec<usize> = (0..total)
        .filter(|&c| h.app.story.digest.claims[c].articles.contains(&1))
        .collect();
    assert_eq!(h.app.shown_claims, in_article);
    let title = h.app.story.corpus.articles[1].display_title();
    let start: String = title.chars().take(12).collect();
    assert!(
        contains(&h, &format!("Claims 1/{} · in {start}", in_article.len())),
        "{}",
        h.screen()
    );
    h.keys("f");
    assert_eq!(h.app.shown_claims.len(), total - in_article.len());
    assert!(contains(&h, "· not in "), "{}", h.screen());
    assert!(
        h.app
            .shown_claims
            .iter()
            .all(|c| !h.app.story.digest.claims[*c].articles.contains(&1))
    );
    h.keys("f");
    assert_eq!(h.app.shown_claims.len(), total);
    // Disputed only, with the stance of the selected passage.
    h.keys("<tab>x");
    assert!(!h.app.shown_claims.is_empty());
    assert!(
        h.app.shown_claims.iter().all(|&c| h
            .app
            .story
            .disagreements
            .disputes_of(c)
            .next()
            .is_some())
    );
    assert!(contains(&h, "· disputed · F clears"), "{}", h.screen());
    let stance = h
        .app
        .story
        .attributions
        .get(&h.app.story.digest.claims[h.app.selected_claim().expect("selected")].support[0])
        .map(|a| a.stance)
        .expect("attributed");
    h.keys("t");
    assert!(
        contains(&h, &format!("· {} ·", stance.name())),
        "{}",
        h.screen()
    );
    for &c in &h.app.shown_claims {
        assert!(
            h.app.story.digest.claims[c]
                .support
                .iter()
                .any(|r| h.app.story.attributions[r].stance == stance)
        );
    }
    // The source of the selected passage.
    h.keys("F");
    assert_eq!(h.app.shown_claims.len(), total);
    let selected = h.app.selected_claim().expect("selected");
    let source = h.app.story.attributions[&h.app.story.digest.claims[selected].support[0]]
        .source_label()
        .to_string();
    h.keys("s");
    assert!(contains(&h, &format!("source: {source}")), "{}", h.screen());
    assert!(h.app.shown_claims.len() < total);
    h.keys("s");
    assert_eq!(h.app.shown_claims.len(), total);
    // A jump to a claim the filters hide clears them.
    h.keys("x");
    let hidden = (0..total)
        .find(|c| !h.app.shown_claims.contains(c))
        .expect("a hidden claim");
    let id = h.app.story.digest.claims[hidden].id.clone();
    h.keys(&format!(
        "/'{}<ret><esc>",
        h.app.story.digest.claims[hidden]
            .text
            .split_whitespace()
            .take(4)
            .collect::<Vec<_>>()
            .join(" ")
    ));
    assert_eq!(h.app.selected_claim(), Some(hidden), "{id}");
    assert!(h.app.filter_labels().is_empty());
    // Filters that leave nothing say how to clear them, and every key is safe.
    let mut h = Harness::tiny(80, 24);
    h.keys("x");
    assert!(h.app.shown_claims.is_empty());
    h.assert_status("No claim passes these filters · F clears them");
    assert!(contains(&h, "(none)"), "{}", h.screen());
    h.keys("<ret>ycdnNjkGgg<tab><ret>y<tab>stxo<esc>");
    h.keys("F");
    assert_eq!(h.app.shown_claims.len(), h.app.story.digest.claims.len());
}

#[test]
fn a_wide_window_compares_side_by_side() {
    let mut h = Harness::new(200, 60);
    let m = main_dispute(&h);
    select_claim(&mut h, &m.claim);
    h.keys("c");
    // The claim's tellings on the left, who denies it on the right.
    let (left, y) = h.find("alleges · ").expect("the claim's passages");
    let (right, y2) = h.find("denied by").expect("the denials");
    // Beside the tellings, not below them.
    assert!(right > left + 80 && y2 <= y, "{}", h.screen());
    assert!(contains(
        &h,
        &format!("{} · {} articles", m.denial, m.denial_articles)
    ));
    // A click on the denying claim selects it; enter compares it.
    let (x, y) = h
        .find(&format!("{} · {} articles", m.denial, m.denial_articles))
        .expect("denier");
    h.mouse(MouseEventKind::Down(MouseButton::Left), x + 1, y);
    h.keys("<ret>");
    let Screen::Compare(state) = h.app.screen else {
        panic!("compare");
    };
    assert_eq!(h.app.story.digest.claims[state.claim].id, m.denial);
    // At 80 columns the same items stack.
    let mut h = Harness::new(80, 24);
    select_claim(&mut h, &m.claim);
    h.keys("cG");
    assert!(contains(&h, "denied by"), "{}", h.screen());
}

/// The compare view of a claim another article tells with another year,
/// exactly: the claim whole, its passage with who says it, the other
/// claim's passage under "told differently", the years marked.
#[test]
fn compare_view_matches_exactly_with_the_differing_year_marked() {
    let corpus = Corpus::from_texts([
        (
            "a",
            "Board news\n\nHastings sat on the Facebook board from 2011 to 2019, the filing said.\n"
                .to_string(),
        ),
        (
            "b",
            "Other news\n\nHastings sat on the Facebook board from 2011 to 2015, the report said.\n"
                .to_string(),
        ),
    ]);
    let keymap = Keymap::defaults().expect("keymap");
    let mut h = Harness::with(corpus, keymap, Theme::color(), 60, 15);
    let claim = h
        .app
        .story
        .digest
        .claims
        .iter()
        .position(|c| c.text.contains("2019"))
        .expect("the 2019 claim");
    h.keys(&format!("gg{}c", "j".repeat(claim)));
    let id = h.app.story.digest.claims[claim].id.clone();
    assert_eq!(id, "c2", "{}", h.screen());
    let t = Theme::color();
    let lines = [
        " Every telling of c2 · 2 passages                           ",
        "  Hastings sat on the Facebook board from 2011 to 2019, the ",
        "  filing said.                                              ",
        "  c2 · 2 articles · 2 passages                              ",
        "                                                            ",
        "  reports · 2 passages                                      ",
        "▌ the filing · reports · in Board news                      ",
        "▌ Hastings sat on the Facebook board from 2011 to 2019, the ",
        "▌ filing said.                                              ",
        "                                                            ",
        "  the report · reports · in Other news                      ",
        "  Hastings sat on the Facebook board from 2011 to 2015, the ",
        "  report said.                                              ",
        "                                                            ",
        " 1 of 2             esc back · enter open · ? help · q quit ",
    ];
    let mut expected = Buffer::with_lines(lines);
    expected.set_style(Rect::new(0, 0, 60, 1), t.status);
    expected.set_style(Rect::new(1, 0, 32, 1), t.status.patch(t.title));
    expected.set_style(Rect::new(2, 1, 57, 1), t.title);
    expected.set_style(Rect::new(2, 2, 12, 1), t.title);
    expected.set_style(Rect::new(2, 3, 5, 1), t.dim);
    expected.set_style(Rect::new(7, 3, 23, 1), t.badge);
    expected.set_style(Rect::new(2, 5, 20, 1), t.heading);
    for y in 6..9 {
        expected.set_style(Rect::new(2, y, 57, 1), t.selected);
        expected.set_style(Rect::new(0, y, 1, 1), t.marker);
    }
    expected.set_style(Rect::new(2, 6, 36, 1), t.selected.patch(t.dim));
    // The years the two passages give differently.
    expected.set_style(Rect::new(50, 7, 4, 1), t.selected.patch(t.discrepancy));
    expected.set_style(Rect::new(2, 10, 36, 1), t.dim);
    expected.set_style(Rect::new(50, 11, 4, 1), t.discrepancy);
    expected.set_style(Rect::new(0, 14, 60, 1), t.status);
    h.terminal.backend().assert_buffer(&expected);
}

/// The search popup at 80×24, exactly: the query and its cursor, the count,
/// each claim by the text that matched, the preview of the selected one.
#[test]
fn search_popup_matches_exactly_with_its_preview() {
    let mut h = Harness::tiny(80, 24);
    h.keys("/'vote");
    let screen = h.screen();
    let lines: Vec<&str> = screen.lines().collect();
    let expected = [
        "┌ Search claims and their passages ────────────────────────────────────────────┐",
        "│/ 'vote█                                                        1 of 3 claims │",
        "│                                                                              │",
        "│▌ c3   The vote was close.                                          1 article │",
    ];
    assert_eq!(lines[2..6], expected, "{screen}");
    assert_eq!(
        lines[14],
        "│  ── c3 · passage in Plan approved by board · the article · asserts ───────── │"
    );
    assert_eq!(
        lines[15],
        "│  The vote was close.                                                         │"
    );
    assert_eq!(
        lines[20],
        "└ enter opens · esc cancels · 'exact ^start end$ !not ─────────────────────────┘"
    );
    // The exact term is highlighted whole, in the row and in the preview.
    let t = Theme::color();
    for y in [5, 15] {
        let x = if y == 5 { 12 } else { 7 };
        for dx in 0..4 {
            assert_eq!(h.style_at(x + dx, y).fg, t.matched.fg, "({}, {y})", x + dx);
        }
        assert_ne!(h.style_at(x + 4, y).fg, t.matched.fg);
    }
}

/// The code of a source file with its `//` comments dropped, so words in
/// prose ("in view", "the app") do not count as uses.
fn code_of(path: &std::path::Path) -> String {
    let text = std::fs::read_to_string(path).expect("a source file");
    text.lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The Rust files of `src/tui/<dir>`, or the one file `src/tui/<dir>.rs`.
fn tui_sources(dir: &str) -> Vec<std::path::PathBuf> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tui");
    let file = root.join(format!("{dir}.rs"));
    if file.is_file() {
        return vec![file];
    }
    let mut files: Vec<_> = std::fs::read_dir(root.join(dir))
        .expect("a source folder")
        .map(|e| e.expect("a folder entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no source in src/tui/{dir}");
    files
}

/// Update and drawing share rows computed from data (`rows`), not each
/// other's code: the state never reads the views (it once called them to
/// measure rows while they read it, a circle), and the rows and the story
/// read neither the state nor the views.
#[test]
fn the_state_and_the_rows_never_read_the_views() {
    let names_view = |code: &str| code.contains("view::") || code.contains("mod view");
    let names_app = |code: &str| {
        code.contains("app::")
            || code
                .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .any(|word| word == "App")
    };
    for dir in ["app", "rows", "story", "layout"] {
        for path in tui_sources(dir) {
            let code = code_of(&path);
            assert!(!names_view(&code), "{} uses the views", path.display());
            if dir != "app" {
                assert!(!names_app(&code), "{} uses the app state", path.display());
            }
        }
    }
}

/// The reader's claim picker shows the claims of the line, whatever the
/// claim list's filters hide: it once drew the list's rows by claim
/// number, so with "disputed only" on it showed other claims, or none.
#[test]
fn the_claim_picker_shows_its_claims_under_a_filter() {
    let mut h = Harness::new(120, 40);
    h.keys("x<backtab><ret>");
    assert!(matches!(h.app.screen, Screen::Reader(_)));
    let shown = h.app.shown_claims.clone();
    // A line holding a claim the filtered list has at another row.
    let mut found = None;
    for _ in 0..200 {
        h.keys("<ret>");
        if let Some(picker) = h.app.picker.clone() {
            if picker.claims.iter().any(|&c| shown.get(c) != Some(&c)) {
                found = Some(picker);
                break;
            }
            h.keys("<esc>");
        }
        h.keys("j");
    }
    let picker = found.expect("a line with a claim the filter hides");
    let screen = h.screen();
    for &c in &picker.claims {
        let claim = &h.app.story.digest.claims[c];
        let counts = format!("{}a", claim.article_count());
        assert!(
            screen
                .lines()
                .any(|l| l.contains(&format!("{} ", claim.id)) && l.contains(&counts)),
            "{} missing from the picker:\n{screen}",
            claim.id
        );
    }
}

/// An article without a headline is listed under its first sentence; the
/// line below it names the next sentence rather than the same one again
/// (the fourth default article read "According to a lawsuit, …" twice).
#[test]
fn an_article_without_a_headline_is_not_listed_by_its_first_sentence_twice() {
    let untitled = "The Hastings board approved the plan on Monday. Critics objected loudly.\n\nThe vote was close.\n";
    let corpus = Corpus::from_texts([("a", untitled.to_string()), ("b", TINY_B.to_string())]);
    assert_eq!(corpus.articles[0].title, None);
    let keymap = Keymap::defaults().expect("default keymap");
    let h = Harness::with(corpus, keymap, Theme::color(), 120, 40);
    // The first article's two lines, below the pane's top border.
    let (title, meta) = (h.row(1), h.row(2));
    assert!(
        title.contains("The Hastings board approved the plan"),
        "{title}"
    );
    assert!(!meta.contains("The Hastings board"), "{meta}");
    assert!(meta.contains("Critics objected loudly.…"), "{meta}");
}
