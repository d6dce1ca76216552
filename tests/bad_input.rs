//! Bad input gets a clear message and a non-zero exit, or a warning and the
//! rest of the work done; never a panic. These run the real binary.

use std::fs;
use std::io::Read;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn newsdigest(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsdigest"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

/// A fresh folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "newsdigest-bad-input-{}-{name}",
        std::process::id()
    ));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("create scratch folder");
    dir
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

const GOOD_ARTICLE: &str = "Council Approves Budget\n\nThe council approved a $2 billion budget on Monday. Members voted 7 to 2.\n";

#[test]
fn a_file_given_as_folder_is_one_line_and_exit_1() {
    let dir = scratch("file-as-folder");
    let file = dir.join("a.txt");
    fs::write(&file, GOOD_ARTICLE).unwrap();
    let out = newsdigest(&["export", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("a.txt") && err.contains("not a folder"),
        "{err}"
    );
}

#[test]
fn an_empty_folder_says_so_and_exits_1() {
    let dir = scratch("empty");
    let out = newsdigest(&["export", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no .txt, .md or .html articles"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_folder_of_only_unreadable_articles_says_so_and_exits_1() {
    let dir = scratch("only-bad");
    fs::write(dir.join("empty.txt"), "").unwrap();
    fs::write(dir.join("binary.txt"), [0u8, 159, 146, 150]).unwrap();
    let out = newsdigest(&["export", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("none of its 2 article files could be read"),
        "{err}"
    );
    assert!(
        err.contains("empty.txt") && err.contains("binary.txt"),
        "each skipped file is named: {err}"
    );
}

#[test]
fn unreadable_files_are_skipped_with_a_reason_and_the_rest_is_read() {
    let dir = scratch("mixed");
    fs::write(dir.join("good.txt"), GOOD_ARTICLE).unwrap();
    fs::write(dir.join("binary.txt"), b"PK\x03\x04\x00\x00binary").unwrap();
    fs::write(dir.join("latin1.txt"), b"Caf\xe9 au lait. The council met.").unwrap();
    fs::write(dir.join("empty.md"), "  \n\n").unwrap();
    fs::create_dir(dir.join("sub.txt")).unwrap();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(dir.join("loop-b.txt"), dir.join("loop-a.txt")).unwrap();
        std::os::unix::fs::symlink(dir.join("loop-a.txt"), dir.join("loop-b.txt")).unwrap();
    }
    let out = newsdigest(&["export", dir.to_str().unwrap(), "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("binary.txt: binary data (NUL byte at offset 4)"),
        "{err}"
    );
    assert!(
        err.contains("latin1.txt: not valid UTF-8 (invalid byte at offset 3)"),
        "{err}"
    );
    assert!(err.contains("empty.md: empty file"), "{err}");
    assert!(err.contains("sub.txt: is a folder"), "{err}");
    #[cfg(unix)]
    assert!(err.contains("loop-a.txt: symbolic link loop"), "{err}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let ids: Vec<&str> = json["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, vec!["good"]);
}

#[test]
fn a_file_without_read_permission_is_skipped() {
    let dir = scratch("no-permission");
    fs::write(dir.join("good.txt"), GOOD_ARTICLE).unwrap();
    let secret = dir.join("secret.txt");
    fs::write(&secret, GOOD_ARTICLE).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&secret, fs::Permissions::from_mode(0o000)).unwrap();
    }
    // Root reads a file of mode 000 anyway: run the binary as `nobody` then.
    let out = if fs::read(&secret).is_ok() {
        let as_nobody = Command::new("setpriv")
            .args([
                "--reuid=65534",
                "--regid=65534",
                "--clear-groups",
                env!("CARGO_BIN_EXE_newsdigest"),
                "export",
            ])
            .arg(&dir)
            .output();
        match as_nobody {
            // `nobody` may be unable to reach the binary (a checkout under /root).
            Ok(out) if out.status.code() == Some(0) => out,
            other => {
                println!(
                    "skipped: running as root and cannot run the binary as nobody ({other:?})"
                );
                return;
            }
        }
    } else {
        newsdigest(&["export", dir.to_str().unwrap()])
    };
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stderr(&out).contains("secret.txt: permission denied"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn text_quirks_keep_spans_exact() {
    let dir = scratch("quirks");
    let long_word = "x".repeat(10_000);
    let text = format!(
        "\u{feff}Quirky Headline Here\r\n\r\nThe council\u{a0}approved a budget.\tIt cost $2 billion.\rA zero\u{200b}width space stays.\r\n\
         Ça coûte cher: e\u{301}te\u{301} 👍🏽 日本語の文. \u{202e}reversed\u{202c} text is here.\n\nمرحبا بالعالم. هذا نص.\n\n{long_word}\n\nThe end came.\n"
    );
    fs::write(dir.join("quirks.txt"), &text).unwrap();
    let out = newsdigest(&["export", dir.to_str().unwrap(), "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let bytes = text.as_bytes();
    let mut passages = 0;
    for claim in json["claims"].as_array().unwrap() {
        for p in claim["passages"].as_array().unwrap() {
            let (start, end) = (
                p["start"].as_u64().unwrap() as usize,
                p["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&bytes[start..end], p["text"].as_str().unwrap().as_bytes());
            passages += 1;
        }
    }
    assert!(
        passages >= 5,
        "the sentences around the quirks are still read: {passages}"
    );
    assert_eq!(
        json["articles"][0]["title"], "Quirky Headline Here",
        "the byte-order mark is not part of the title"
    );
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsdigest"))
        .args(["export", "--format", "markdown"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut first = [0u8; 16];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait");
    assert!(
        out.status.success() || out.status.code() == Some(0),
        "{:?}",
        out.status
    );
    assert!(
        out.stderr.is_empty(),
        "no panic message: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn unknown_flags_and_subcommands_get_usage_and_exit_2() {
    for args in [
        &["--frobnicate"][..],
        &["export", "--format", "yaml"],
        &["frobnicate", "x", "y"],
    ] {
        let out = newsdigest(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = stderr(&out);
        assert!(
            err.starts_with("error:") && (err.contains("Usage:") || err.contains("--help")),
            "{args:?}: {err}"
        );
    }
}
