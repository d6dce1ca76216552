//! The non-interactive commands of the binary: search, search --lines, and
//! a broken keymap refused before the terminal is touched.

use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_newsdigest");

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("newsdigest-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

fn articles() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("articles")
}

#[test]
fn search_prints_ranked_claims_with_sources() {
    let out = Command::new(BIN)
        .args(["search", "hastings board", "--limit", "2"])
        .arg(articles())
        .output()
        .expect("runs");
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8_lossy(&out.stdout);
    let headers: Vec<&str> = text.lines().filter(|l| l.starts_with('c')).collect();
    assert_eq!(headers.len(), 2, "{text}");
    assert!(
        headers[0].contains(" articles · ") && headers[0].contains("score"),
        "{text}"
    );
    assert!(text.contains("    - "), "sources listed:\n{text}");
    // The best claim is the one whose passage matched best, and that
    // passage is marked.
    let first_block: Vec<&str> = text
        .lines()
        .take_while(|l| !l.starts_with("c") || l == &headers[0])
        .collect();
    let matched = first_block
        .iter()
        .find(|l| l.ends_with("← matched"))
        .map(|l| l.to_lowercase())
        .unwrap_or_default();
    assert!(
        matched.contains("hastings") && matched.contains("board"),
        "{text}"
    );
}

#[test]
fn search_lines_ranks_any_file_like_fzf_filter() {
    let dir = scratch("lines");
    let file = dir.join("names.txt");
    std::fs::write(&file, "Zürich office\nzu  rich\nBeyoncé\nnothing\nZurich\n").expect("write");
    let out = Command::new(BIN)
        .args(["search", "zurich", "--lines"])
        .arg(&file)
        .output()
        .expect("runs");
    assert!(out.status.success(), "{out:?}");
    let lines: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(String::from)
        .collect();
    assert_eq!(lines.len(), 3, "{lines:?}");
    // Accents folded: both spellings match; the unrelated lines do not.
    let mut sorted = lines.clone();
    sorted.sort();
    // Lines come out as they are, double spaces included.
    assert_eq!(sorted, vec!["Zurich", "Zürich office", "zu  rich"]);
    assert!(lines[0].starts_with('Z'), "{lines:?}");
    let none = Command::new(BIN)
        .args(["search", "qqqq", "--lines"])
        .arg(&file)
        .output()
        .expect("runs");
    assert_eq!(none.status.code(), Some(1));
    assert!(none.stdout.is_empty());
}

#[test]
fn broken_keymap_lists_every_problem_and_exits_2() {
    let dir = scratch("keymap");
    let keymap = dir.join("keymap.toml");
    std::fs::write(
        &keymap,
        "[reader]\n\"x\" = \"frist\"\n\"ctrl-\" = \"down\"\n[nowhere]\n",
    )
    .expect("write");
    let out = Command::new(BIN)
        .arg("--keymap")
        .arg(&keymap)
        .arg(articles())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(out.stdout.is_empty(), "nothing drawn: {:?}", out.stdout);
    let err = String::from_utf8_lossy(&out.stderr);
    let path = keymap.display().to_string();
    for expected in [
        format!("{path}:2:7: unknown action \"frist\""),
        format!("{path}:3:1: cannot read key \"ctrl-\""),
        format!("{path}:4:2: unknown context [nowhere]"),
    ] {
        assert!(err.contains(&expected), "missing {expected:?} in:\n{err}");
    }
    // A missing --keymap file is an error too, not a silent fallback.
    let out = Command::new(BIN)
        .arg("--keymap")
        .arg(dir.join("absent.toml"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read the keymap"));
}

#[test]
fn the_keymap_in_the_config_folder_is_read() {
    let dir = scratch("xdg");
    let folder = dir.join("newsdigest");
    std::fs::create_dir_all(&folder).expect("config folder");
    std::fs::write(
        folder.join("keymap.toml"),
        "[claims]\n\"j\" = \"sideways\"\n",
    )
    .expect("write");
    let out = Command::new(BIN)
        .env("XDG_CONFIG_HOME", &dir)
        .arg(articles())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    let expected = format!(
        "{}:2:7: unknown action \"sideways\"",
        folder.join("keymap.toml").display()
    );
    assert!(err.contains(&expected), "{err}");
    // A valid file there is used: the command gets past the keymap.
    std::fs::write(folder.join("keymap.toml"), "[claims]\n\"x\" = \"down\"\n").expect("write");
    let out = Command::new(BIN)
        .env("XDG_CONFIG_HOME", &dir)
        .arg(articles())
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&out.stderr).contains("needs a terminal"));
}

#[test]
fn the_interface_refuses_to_run_without_a_terminal() {
    let out = Command::new(BIN).arg(articles()).output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("needs a terminal"));
}

#[test]
fn keys_markdown_is_the_readme_table() {
    let out = Command::new(BIN)
        .args(["keys", "--markdown"])
        .output()
        .expect("runs");
    let table = String::from_utf8_lossy(&out.stdout);
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README.md");
    assert!(table.lines().count() > 10);
    assert!(
        readme.contains(table.as_ref()),
        "README.md lacks the generated key table"
    );
}

/// The hostile article of the robustness tests: clear screen, cursor move,
/// window title, OSC 52 clipboard write, a C1 control sequence introducer
/// and a bidi override, inside real sentences.
const HOSTILE: &str = "Hostile \u{1b}]0;PWNED-TITLE\u{7}Headline Here\n\n\
    The council approved the budget.\u{1b}[2J\u{1b}[10;10H Members voted 7 to 2.\n\n\
    The mayor\u{1b}]0;PWNED-TITLE\u{7} signed the plan.\u{1b}]52;c;UFdORUQtQ0xJUA==\u{7} It takes effect in May.\n\n\
    Critics\u{9b}31m objected to the cost. \u{202e}desrever\u{202c} Text ends here.\n";

fn hostile_folder(name: &str) -> PathBuf {
    let dir = scratch(name);
    std::fs::write(dir.join("hostile.txt"), HOSTILE).expect("write article");
    std::fs::write(
        dir.join("plain.txt"),
        "Budget Vote\n\nThe council approved the budget on Monday. Members voted 7 to 2.\n",
    )
    .expect("write article");
    dir
}

/// Characters a terminal would act on: C0 controls other than the newline
/// that ends a line, C1 controls, and bidi overrides.
fn acted_on_by_a_terminal(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[test]
fn no_command_prints_an_article_s_control_characters_for_people() {
    let dir = hostile_folder("hostile-commands");
    let dir = dir.to_str().expect("utf-8 scratch path");
    let commands: [&[&str]; 4] = [
        &["export", dir, "--format", "markdown"],
        &["passages", dir],
        &["search", "council budget", dir],
        &["search", "mayor signed", dir],
    ];
    for args in commands {
        let out = Command::new(BIN).args(args).output().expect("runs");
        assert!(out.status.success(), "{args:?}: {out:?}");
        let text = String::from_utf8(out.stdout).expect("utf-8 output");
        assert!(
            text.contains("The mayor") || text.contains("council"),
            "{args:?} shows the article:\n{text}"
        );
        let raw: Vec<char> = text
            .chars()
            .filter(|&c| acted_on_by_a_terminal(c))
            .collect();
        assert!(raw.is_empty(), "{args:?} printed {raw:?}:\n{text}");
        // The sequences are shown, escaped, rather than dropped.
        assert!(text.contains("\\u{1b}"), "{args:?}:\n{text}");
    }
}

#[test]
fn json_export_keeps_the_exact_bytes_with_json_escapes() {
    let dir = hostile_folder("hostile-json");
    let out = Command::new(BIN)
        .args(["export", "--format", "json"])
        .arg(&dir)
        .output()
        .expect("runs");
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).expect("utf-8 output");
    assert!(
        !text.chars().any(acted_on_by_a_terminal),
        "JSON escapes every control character"
    );
    let json: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    let passages: Vec<&str> = json["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .flat_map(|c| c["passages"].as_array().expect("passages"))
        .map(|p| p["text"].as_str().expect("text"))
        .collect();
    assert!(
        passages
            .iter()
            .any(|p| p.contains("\u{1b}]52;c;UFdORUQtQ0xJUA==\u{7}")),
        "the exact bytes survive: {passages:?}"
    );
}

#[test]
fn search_counts_read_as_english() {
    let dir = hostile_folder("plurals");
    let out = Command::new(BIN)
        .args(["search", "members voted"])
        .arg(&dir)
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        !text.contains("1 articles") && !text.contains("1 passages"),
        "{text}"
    );
    assert!(
        text.contains("2 articles") || text.contains("1 article "),
        "{text}"
    );
}
