//! Hostile and huge input: pipes and devices where files are expected, files
//! over the size limit, control characters in file names, files whose
//! stems collide. Each run of the binary has a deadline, so a regression
//! that hangs fails the test instead of hanging CI.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Far above what any of these runs takes; only a hang reaches it.
const DEADLINE: Duration = Duration::from_secs(60);

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs the binary with standard input closed, killing it at the deadline.
fn run_with_env(args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_newsdigest"));
    command
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("NEWSDIGEST_MAX_FILE_MB")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (name, value) in env {
        command.env(name, value);
    }
    let mut child = command.spawn().expect("the binary runs");
    // Drained on threads so a full pipe cannot stall the child.
    let mut out = child.stdout.take().expect("stdout");
    let mut err = child.stderr.take().expect("stderr");
    let out_reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = out.read_to_end(&mut s);
        s
    });
    let err_reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = err.read_to_end(&mut s);
        s
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if started.elapsed() > DEADLINE {
            let _ = child.kill();
            let _ = child.wait();
            panic!("newsdigest {args:?} still running after {DEADLINE:?}: it hangs");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Run {
        code: status.code(),
        stdout: String::from_utf8_lossy(&out_reader.join().unwrap_or_default()).into_owned(),
        stderr: String::from_utf8_lossy(&err_reader.join().unwrap_or_default()).into_owned(),
    }
}

fn run(args: &[&str]) -> Run {
    run_with_env(args, &[])
}

fn scratch(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("newsdigest-hostile-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("create scratch folder");
    dir
}

const GOOD_ARTICLE: &str = "Council Approves Budget\n\nThe council approved a $2 billion budget on Monday. Members voted 7 to 2.\n";
const OTHER_ARTICLE: &str = "Budget Passes\n\nCity leaders passed a budget of $2 billion on Monday after a 7 to 2 vote. The mayor welcomed it.\n";

fn folder_with_good_articles(name: &str) -> PathBuf {
    let dir = scratch(name);
    fs::write(dir.join("good.txt"), GOOD_ARTICLE).expect("write");
    fs::write(dir.join("other.txt"), OTHER_ARTICLE).expect("write");
    dir
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success(), "mkfifo {path:?}");
}

fn s(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 scratch path")
}

#[cfg(unix)]
#[test]
fn a_fifo_and_devices_in_the_folder_are_named_and_skipped() {
    let dir = folder_with_good_articles("fifo");
    mkfifo(&dir.join("pipe.txt"));
    std::os::unix::fs::symlink("/dev/zero", dir.join("zero.txt")).expect("link");
    std::os::unix::fs::symlink("/dev/urandom", dir.join("random.md")).expect("link");
    for command in ["export", "passages"] {
        let out = run(&[command, s(&dir)]);
        assert_eq!(out.code, Some(0), "{command}: {}", out.stderr);
        assert!(
            out.stderr
                .contains("pipe.txt: is a named pipe (FIFO), not a regular file"),
            "{command}: {}",
            out.stderr
        );
        assert!(
            out.stderr
                .contains("zero.txt: is a character device, not a regular file"),
            "{}",
            out.stderr
        );
        assert!(out.stderr.contains("random.md: is a character device"));
    }
    let out = run(&["search", "budget", s(&dir)]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(out.stdout.contains("budget"), "{}", out.stdout);
}

#[cfg(unix)]
#[test]
fn flags_that_name_a_file_refuse_pipes_and_devices() {
    let dir = folder_with_good_articles("flag-fifo");
    let pipe = dir.join("pipe");
    mkfifo(&pipe);
    for target in [s(&pipe), "/dev/zero"] {
        for args in [
            vec!["eval", target, s(&dir)],
            vec!["similarity", "--pairs", target, "--lexical"],
            vec!["search", "x", "--lines", target],
            vec!["--keymap", target],
        ] {
            let out = run(&args);
            assert_ne!(out.code, Some(0), "{args:?}");
            assert!(
                out.stderr.contains("not a regular file"),
                "{args:?}: {}",
                out.stderr
            );
            assert!(out.stderr.contains(target), "{args:?}: {}", out.stderr);
        }
    }
}

#[test]
fn files_over_the_size_limit_are_refused_with_the_limit_and_how_to_raise_it() {
    let dir = folder_with_good_articles("size");
    let big = GOOD_ARTICLE.repeat(1 + 1024 * 1024 / GOOD_ARTICLE.len() * 2);
    fs::write(dir.join("big.txt"), &big).expect("write");
    let limit = [("NEWSDIGEST_MAX_FILE_MB", "1")];
    let out = run_with_env(&["export", s(&dir)], &limit);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(
        out.stderr.contains(
            "big.txt: is 2 MiB, over the limit of 1 MiB (set NEWSDIGEST_MAX_FILE_MB to raise it)"
        ),
        "{}",
        out.stderr
    );
    // Raised, the file is read.
    let out = run_with_env(&["export", s(&dir)], &[("NEWSDIGEST_MAX_FILE_MB", "8")]);
    assert_eq!(out.code, Some(0));
    assert!(!out.stderr.contains("big.txt"), "{}", out.stderr);
    // The flags have the same limit.
    let lines = dir.join("big.txt");
    let out = run_with_env(&["search", "council", "--lines", s(&lines)], &limit);
    assert_eq!(out.code, Some(1));
    assert!(
        out.stderr.contains("over the limit of 1 MiB"),
        "{}",
        out.stderr
    );
    // A limit that is not a number is an error, not ignored.
    let out = run_with_env(&["export", s(&dir)], &[("NEWSDIGEST_MAX_FILE_MB", "lots")]);
    assert_eq!(out.code, Some(1));
    assert!(
        out.stderr
            .contains("NEWSDIGEST_MAX_FILE_MB=lots: expected a whole number"),
        "{}",
        out.stderr
    );
}

#[test]
fn endless_standard_input_for_pairs_is_cut_at_the_limit() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsdigest"))
        .args(["similarity", "--pairs", "-", "--lexical"])
        .env("NEWSDIGEST_MAX_FILE_MB", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        let chunk = "a\tb\n".repeat(4096);
        // Stops when the child closes its end after the limit.
        while stdin.write_all(chunk.as_bytes()).is_ok() {}
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if started.elapsed() > DEADLINE {
            let _ = child.kill();
            panic!("similarity --pairs - reads endless input for ever");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let _ = writer.join();
    let mut err = String::new();
    let _ = child.stderr.take().map(|mut e| e.read_to_string(&mut err));
    assert_eq!(status.code(), Some(1), "{err}");
    assert!(err.contains("over the limit of 1 MiB"), "{err}");
}

#[test]
fn utf16_is_named_as_utf16() {
    let dir = folder_with_good_articles("utf16");
    let mut bytes = vec![0xFF, 0xFE];
    for unit in "Council met. It voted.".encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    fs::write(dir.join("wide.txt"), bytes).expect("write");
    let out = run(&["export", s(&dir)]);
    assert_eq!(out.code, Some(0));
    assert!(
        out.stderr.contains("wide.txt: UTF-16LE text"),
        "{}",
        out.stderr
    );
}

#[test]
fn articles_whose_stems_collide_get_their_own_ids_and_spans() {
    let dir = scratch("stems");
    fs::write(dir.join("story.txt"), GOOD_ARTICLE).expect("write");
    let second = format!("Another Headline\n\n{OTHER_ARTICLE}");
    fs::write(dir.join("story.md"), &second).expect("write");
    fs::write(dir.join("other.txt"), OTHER_ARTICLE).expect("write");
    let out = run(&["export", s(&dir), "--format", "json"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    let articles = json["articles"].as_array().expect("articles");
    let ids: Vec<&str> = articles.iter().filter_map(|a| a["id"].as_str()).collect();
    assert_eq!(ids, ["other", "story.md", "story.txt"]);
    let text_of: std::collections::HashMap<&str, String> = articles
        .iter()
        .filter_map(|a| {
            let path = a["path"].as_str()?;
            Some((a["id"].as_str()?, fs::read_to_string(path).ok()?))
        })
        .collect();
    let mut checked = 0;
    for claim in json["claims"].as_array().expect("claims") {
        for p in claim["passages"].as_array().expect("passages") {
            let id = p["article"].as_str().expect("id");
            let (start, end) = (
                p["start"].as_u64().unwrap_or(0) as usize,
                p["end"].as_u64().unwrap_or(0) as usize,
            );
            assert_eq!(
                text_of[id].get(start..end),
                p["text"].as_str(),
                "a span of {id} resolves to its own file"
            );
            checked += 1;
        }
    }
    assert!(checked >= 6, "{checked}");
}

#[cfg(unix)]
#[test]
fn control_characters_in_file_names_are_shown_as_escapes() {
    let dir = folder_with_good_articles("names");
    // An OSC 52 sequence (sets the clipboard) and a newline in file names.
    let osc = "clip\u{1b}]52;c;aGVsbG8=\u{7}.txt";
    fs::write(dir.join(osc), OTHER_ARTICLE).expect("write");
    fs::write(dir.join("new\nline.txt"), GOOD_ARTICLE).expect("write");
    fs::write(dir.join("bad\u{1b}[31m.txt"), "").expect("write");
    for args in [
        vec!["export", s(&dir), "--format", "markdown"],
        vec!["export", s(&dir), "--format", "json"],
        vec!["passages", s(&dir)],
        vec!["search", "budget", s(&dir)],
    ] {
        let out = run(&args);
        assert_eq!(out.code, Some(0), "{args:?}: {}", out.stderr);
        for (stream, text) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            assert!(
                !text.contains('\u{1b}') && !text.contains('\u{7}'),
                "{args:?} {stream} lets a control character through: {text:?}"
            );
        }
        assert!(
            out.stderr.contains("bad\\u{1b}[31m.txt: empty file"),
            "{args:?}: {}",
            out.stderr
        );
        if args[0] == "search" {
            // Each printed source stays on its line.
            assert!(out.stdout.contains("new\\u{a}line.txt"), "{}", out.stdout);
            assert!(out.stdout.lines().all(|l| !l.starts_with("line.txt")));
        }
    }
}

/// The digest of a folder as JSON.
fn export_json(dir: &Path) -> serde_json::Value {
    let out = run(&["export", s(dir), "--format", "json"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    serde_json::from_str(&out.stdout).expect("JSON")
}

#[test]
fn copies_of_the_articles_meet_and_each_discrepancy_is_reported_once() {
    let articles = Path::new(env!("CARGO_MANIFEST_DIR")).join("articles");
    let one = export_json(&articles);
    // Enough copies that every word of the story is held by more passages
    // than the blocking index lists, and more articles than one story.
    const COPIES: usize = 60;
    let dir = scratch("copies");
    let mut names = Vec::new();
    for entry in fs::read_dir(&articles).expect("articles") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "txt") {
            names.push(path);
        }
    }
    for copy in 0..COPIES {
        for path in &names {
            let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("a");
            let text = fs::read_to_string(path).expect("article");
            // Every other copy typeset differently: near-exact copies.
            let text = if copy % 2 == 1 {
                text.replace(", ", "; ").replace('\u{2019}', "'")
            } else {
                text
            };
            fs::write(dir.join(format!("{stem}-{copy}.txt")), text).expect("copy");
        }
    }
    let many = export_json(&dir);
    let claims = |d: &serde_json::Value| d["claims"].as_array().map_or(0, Vec::len);
    let list = |d: &serde_json::Value, key: &str| d[key].as_array().cloned().unwrap_or_default();
    assert_eq!(claims(&many), claims(&one), "copies add no claims");
    for claim in list(&many, "claims") {
        let articles = claim["articles"].as_array().map_or(0, Vec::len);
        assert_eq!(
            articles % COPIES,
            0,
            "every copy of a passage meets: {claim}"
        );
    }
    assert_eq!(list(&many, "disputes").len(), list(&one, "disputes").len());
    let discrepancies = list(&many, "discrepancies");
    assert_eq!(
        discrepancies.len(),
        list(&one, "discrepancies").len(),
        "one discrepancy per fact, not one per pair of copies"
    );
    assert!(!discrepancies.is_empty());
    for d in &discrepancies {
        for side in d["sides"].as_array().expect("sides") {
            // A side may gather several tellings of its values, each with
            // all its copies.
            let passages = side["passages"].as_array().map_or(0, Vec::len);
            assert!(
                passages > 0 && passages % COPIES == 0,
                "each side names all its copies: {side}"
            );
        }
    }
}

#[test]
fn a_labelled_sample_with_unknown_keys_or_no_labels_is_an_error_naming_it() {
    let dir = folder_with_good_articles("gold");
    for (name, json, expected) in [
        ("empty.json", "{}", "labels nothing"),
        (
            "misspelt.json",
            r#"{"must_lnk": {"a": ["council"]}}"#,
            "unknown field `must_lnk`",
        ),
        ("list.json", "[1, 2]", "invalid type"),
    ] {
        let gold = dir.join(name);
        fs::write(&gold, json).expect("write");
        let out = run(&["eval", s(&gold), s(&dir), "--lexical"]);
        assert_eq!(out.code, Some(1), "{name}: {}", out.stdout);
        assert!(
            out.stderr.contains(name) && out.stderr.contains(expected),
            "{name}: {}",
            out.stderr
        );
        assert!(!out.stdout.contains("recall"), "{}", out.stdout);
    }
}

#[test]
fn eval_verbose_prints_sentences_not_debug_text() {
    let dir = folder_with_good_articles("gold-verbose");
    let gold = dir.join("gold.json");
    let json = r#"{"must_link": {"budget": ["The council approved", "Words in no passage"]}, "noise": ["Members voted"]}"#;
    fs::write(&gold, json).expect("write");
    let out = run(&["eval", s(&gold), s(&dir), "--lexical", "-v"]);
    assert!(
        out.stdout
            .contains("not found: no passage contains “Words in no passage”"),
        "{}",
        out.stdout
    );
    for debug in ["NotFound(", "Split {", "Noise(", "Joined {"] {
        assert!(!out.stdout.contains(debug), "{}", out.stdout);
    }
}

#[test]
fn similarity_skips_blank_lines_reports_malformed_ones_and_scores_the_rest() {
    let dir = scratch("pairs");
    let pairs = dir.join("pairs.tsv");
    fs::write(
        &pairs,
        "The council met.\tThe council met today.\n\n  \nA\tB\tC\nno tab here\n\nThe vote passed.\tThe motion carried.\r\n",
    )
    .expect("write");
    let out = run(&["similarity", "--pairs", s(&pairs), "--lexical"]);
    assert_eq!(out.code, Some(1), "some lines were bad: {}", out.stderr);
    assert_eq!(out.stdout.lines().count(), 2, "{}", out.stdout);
    assert!(
        out.stdout
            .lines()
            .all(|l| l.parse::<f32>().is_ok_and(|x| (0.0..=1.0).contains(&x))),
        "{}",
        out.stdout
    );
    assert!(
        out.stderr.contains(
            "pairs.tsv line 4: expected two sentences separated by one tab, found 3 columns"
        ),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("pairs.tsv line 5: expected two sentences"),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("line 2") && !out.stderr.contains("line 3"));
    // All good: exit 0.
    fs::write(&pairs, "\nA council met.\tThe council met.\n\n").expect("write");
    let out = run(&["similarity", "--pairs", s(&pairs), "--lexical"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(out.stdout.lines().count(), 1);
}
