//! End-to-end: the real binary in a real pseudo-terminal, made by tmux.
//! Keys go in with `send-keys`, the screen comes out with `capture-pane`.
//! Without tmux every test here says "skipped: tmux not found" on stderr
//! (written past the test harness's capture) instead of passing silently.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output};
use std::thread::sleep;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_newsdigest");
const PROMPT: &str = "READY$";

fn tmux_found() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn skip(test: &str) {
    let _ = writeln!(
        std::io::stderr(),
        "skipped: tmux not found ({test} needs tmux to make a terminal)"
    );
}

/// A private tmux server with one pane running `sh`; killed on drop.
struct Session {
    /// The server's socket, in the temporary folder; removed on drop.
    socket: std::path::PathBuf,
}

impl Session {
    fn start(test: &str, width: u16, height: u16) -> Session {
        let socket =
            std::env::temp_dir().join(format!("newsdigest-tmux-{test}-{}", std::process::id()));
        let session = Session { socket };
        let shell = format!(
            "env -i PATH=/usr/bin:/bin HOME=/nonexistent TERM=xterm-256color PS1='{PROMPT}' sh"
        );
        let out = session.tmux(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
            "-s",
            "main",
            &shell,
        ]);
        assert!(out.status.success(), "tmux new-session: {out:?}");
        session.wait_for(PROMPT);
        session
    }

    fn tmux(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs")
    }

    /// Sends keys by tmux name ("Enter", "Escape", "q").
    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "main"];
        args.extend_from_slice(keys);
        assert!(self.tmux(&args).status.success());
    }

    fn type_text(&self, text: &str) {
        assert!(
            self.tmux(&["send-keys", "-t", "main", "-l", text])
                .status
                .success()
        );
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.tmux(&["capture-pane", "-p", "-t", "main"]).stdout)
            .into_owned()
    }

    fn format(&self, variable: &str) -> String {
        String::from_utf8_lossy(
            &self
                .tmux(&["display-message", "-p", "-t", "main", variable])
                .stdout,
        )
        .trim()
        .to_string()
    }

    /// Waits until the screen shows `text`; panics with the screen if not.
    /// A frame can be caught half drawn, so the screen is returned once two
    /// captures in a row agree (or, for a screen that keeps changing, such as
    /// a progress line, after two seconds of showing `text`).
    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        let mut shown_since: Option<Instant> = None;
        let mut last = String::new();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                let since = *shown_since.get_or_insert_with(Instant::now);
                if screen == last || since.elapsed() > Duration::from_secs(2) {
                    return screen;
                }
            } else {
                shown_since = None;
            }
            if start.elapsed() > Duration::from_secs(30) {
                panic!("waited 30 s for {text:?}; the screen shows:\n{screen}");
            }
            last = screen;
            sleep(Duration::from_millis(50));
        }
    }

    fn run(&self, command: &str) {
        self.type_text(command);
        self.keys(&["Enter"]);
    }

    /// After the program ended: the shell is back, in cooked mode with echo,
    /// on the main screen, with mouse reporting off.
    fn assert_terminal_restored(&self) {
        self.run("clear; stty -a | tr ' ;' '\\n\\n' | grep -x -e '-*icanon' -e '-*echo'; echo STTY-\"\"DONE");
        // The quotes keep the echoed command line from matching.
        let screen = self.wait_for("STTY-DONE");
        let flags: Vec<&str> = screen
            .lines()
            .map(str::trim)
            .filter(|l| l.ends_with("icanon") || l.ends_with("echo"))
            .collect();
        assert_eq!(
            flags,
            vec!["icanon", "echo"],
            "terminal modes after exit:\n{screen}"
        );
        assert_eq!(
            self.format("#{alternate_on}"),
            "0",
            "still on the alternate screen"
        );
        assert_eq!(
            self.format("#{mouse_any_flag}"),
            "0",
            "mouse reporting left on"
        );
    }

    /// The pid of the program running in the pane's shell.
    fn child_pid(&self) -> String {
        let shell = self.format("#{pane_pid}");
        // /proc lists children when the kernel has CONFIG_PROC_CHILDREN;
        // ps is the fallback.
        let children = std::fs::read_to_string(format!("/proc/{shell}/task/{shell}/children"))
            .or_else(|_| {
                Command::new("ps")
                    .args(["-o", "pid=", "--ppid", &shell])
                    .output()
                    .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
            })
            .expect("list the shell's children");
        children
            .split_whitespace()
            .next()
            .expect("the program runs under the shell")
            .to_string()
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.tmux(&["kill-server"]);
        let _ = std::fs::remove_file(&self.socket);
    }
}

fn articles() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("articles")
        .display()
        .to_string()
}

#[test]
fn search_jump_next_passage_help_and_quit() {
    if !tmux_found() {
        return skip("search_jump_next_passage_help_and_quit");
    }
    let tmux = Session::start("flow", 100, 30);
    tmux.run(&format!("{BIN} --static {}; echo EXITED $?", articles()));
    tmux.wait_for("┌ Claims ");
    assert_eq!(tmux.format("#{alternate_on}"), "1");
    tmux.keys(&["/"]);
    tmux.wait_for("Search claims");
    tmux.type_text("hastings board");
    let screen = tmux.wait_for("/ hastings board");
    assert!(screen.contains(" claims"), "count of matches:\n{screen}");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("passage 1 of ");
    assert!(
        screen.contains("Hastings"),
        "the passage is in view:\n{screen}"
    );
    tmux.keys(&["n"]);
    tmux.wait_for("passage 2 of ");
    tmux.keys(&["?"]);
    tmux.wait_for("Everywhere [global]");
    tmux.keys(&["q"]);
    tmux.wait_for("EXITED 0");
    tmux.assert_terminal_restored();
}

#[test]
fn sigterm_and_ctrl_c_restore_the_terminal() {
    if !tmux_found() {
        return skip("sigterm_and_ctrl_c_restore_the_terminal");
    }
    let tmux = Session::start("signals", 80, 24);
    tmux.run(&format!("{BIN} {}; echo EXITED $?", articles()));
    tmux.wait_for("┌ Claims ");
    let pid = tmux.child_pid();
    let killed = Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    tmux.wait_for("EXITED 0");
    tmux.assert_terminal_restored();

    tmux.run(&format!("clear; {BIN} {}; echo EXITED $?", articles()));
    tmux.wait_for("┌ Claims ");
    tmux.keys(&["/", "C-c"]);
    tmux.wait_for("EXITED 0");
    tmux.assert_terminal_restored();
}

#[test]
fn tiny_terminal_shows_a_message_and_wide_one_reflows() {
    if !tmux_found() {
        return skip("tiny_terminal_shows_a_message_and_wide_one_reflows");
    }
    let tmux = Session::start("sizes", 50, 12);
    tmux.run(&format!("{BIN} {}; echo EXITED $?", articles()));
    tmux.wait_for("needs at least 60×15");
    tmux.tmux(&["resize-window", "-t", "main", "-x", "200", "-y", "60"]);
    let screen = tmux.wait_for("Supporting passages");
    // Wide layout: articles and passages side by side on the top row.
    let top = screen.lines().next().unwrap_or("");
    assert!(
        top.contains("Articles") && top.contains("Supporting passages"),
        "{screen}"
    );
    tmux.keys(&["q"]);
    tmux.wait_for("EXITED 0");
    tmux.assert_terminal_restored();
}

/// Whether a process is gone (or only a zombie waiting to be reaped).
fn exited(pid: &str) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/status")) {
        Err(_) => true,
        Ok(status) => status
            .lines()
            .any(|l| l.starts_with("State:") && l.contains('Z')),
    }
}

#[test]
fn a_vanished_terminal_ends_the_program() {
    if !tmux_found() {
        return skip("a_vanished_terminal_ends_the_program");
    }
    let tmux = Session::start("hangup", 80, 24);
    tmux.run(&format!("{BIN} {}", articles()));
    tmux.wait_for("┌ Claims ");
    let pid = tmux.child_pid();
    // Closing the server closes the pty: the program gets SIGHUP and reads
    // end-of-file from then on.
    let _ = tmux.tmux(&["kill-server"]);
    let start = Instant::now();
    while !exited(&pid) {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "newsdigest (pid {pid}) still runs 10 s after its terminal went away"
        );
        sleep(Duration::from_millis(50));
    }
}

#[test]
fn hostile_article_text_is_never_executed_by_the_terminal() {
    if !tmux_found() {
        return skip("hostile_article_text_is_never_executed_by_the_terminal");
    }
    let dir = std::env::temp_dir().join(format!("newsdigest-hostile-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    // Clear screen, cursor move, window title, OSC 52 clipboard write, a C1
    // control sequence introducer and a bidi override, inside real sentences.
    let hostile = "Hostile Headline Here\n\n\
        The council approved the budget.\x1b[2J\x1b[10;10H Members voted 7 to 2.\n\n\
        The mayor\x1b]0;PWNED-TITLE\x07 signed the plan.\x1b]52;c;UFdORUQtQ0xJUA==\x07 It takes effect in May.\n\n\
        Critics\u{9b}31m objected to the cost. \u{202e}desrever\u{202c} Text ends here.\n";
    std::fs::write(dir.join("hostile.txt"), hostile).expect("write article");
    let second =
        "Budget Vote\n\nThe council approved the budget on Monday. Members voted 7 to 2.\n";
    std::fs::write(dir.join("plain.txt"), second).expect("write article");

    let tmux = Session::start("hostile", 100, 30);
    tmux.run(&format!("{BIN} {}; echo EXITED $?", dir.display()));
    tmux.wait_for("┌ Claims ");
    // Open the hostile article in the reader: tab to the articles, enter.
    tmux.keys(&["Tab", "Tab", "g", "g", "Enter"]);
    let screen = tmux.wait_for("Text ends here");
    assert!(
        screen.contains("The council approved the budget."),
        "text around the sequences is shown:\n{screen}"
    );
    assert!(
        !tmux.format("#{pane_title}").contains("PWNED"),
        "the window title was not changed"
    );
    let buffers = String::from_utf8_lossy(&tmux.tmux(&["list-buffers"]).stdout).into_owned();
    assert!(
        !buffers.contains("PWNED"),
        "nothing reached the clipboard: {buffers}"
    );
    let raw = String::from_utf8_lossy(
        &tmux
            .tmux(&["capture-pane", "-p", "-e", "-t", "main"])
            .stdout,
    )
    .into_owned();
    assert!(
        raw.contains("␛]0;PWNED-TITLE") && raw.contains("␛[2J"),
        "escape sequences are shown as text, not run:\n{raw}"
    );
    assert!(
        !raw.contains('\u{202e}'),
        "the bidi override is not sent:\n{raw}"
    );
    tmux.keys(&["q"]);
    tmux.wait_for("EXITED 0");
    tmux.assert_terminal_restored();
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_panic_restores_the_terminal() {
    if !tmux_found() {
        return skip("a_panic_restores_the_terminal");
    }
    let tmux = Session::start("panic", 80, 24);
    tmux.run(&format!(
        "NEWSDIGEST_DEBUG_PANIC_AFTER_FIRST_FRAME=1 {BIN} {}; echo EXITED $?",
        articles()
    ));
    let screen = tmux.wait_for("EXITED 101");
    assert!(
        screen.contains("panicking after the first frame"),
        "the panic message is printed on the restored screen:\n{screen}"
    );
    tmux.assert_terminal_restored();
}

#[test]
fn a_slow_folder_shows_progress_and_hostile_files_are_named_safely() {
    if !tmux_found() {
        return skip("a_slow_folder_shows_progress_and_hostile_files_are_named_safely");
    }
    let dir = std::env::temp_dir().join(format!("newsdigest-slow-folder-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("folder");
    for entry in std::fs::read_dir(articles()).expect("articles") {
        let path = entry.expect("entry").path();
        if let Some(name) = path.file_name() {
            std::fs::copy(&path, dir.join(name)).expect("copy");
        }
    }
    // Enough distinct sentences that building the digest takes a while.
    let big: String = (0..3000)
        .map(|i| format!("Paragraph {i}: the council approved a budget on Monday. Members voted {i} to 2.\n\n"))
        .collect();
    std::fs::write(dir.join("big.txt"), big).expect("write");
    // A pipe would block an open() for ever; a file name sets the
    // clipboard (OSC 52) if printed raw.
    let fifo = Command::new("mkfifo")
        .arg(dir.join("pipe.txt"))
        .status()
        .expect("mkfifo");
    assert!(fifo.success());
    std::fs::write(dir.join("clip\u{1b}]52;c;aGk=\u{7}.txt"), "").expect("write");
    let tmux = Session::start("slow", 200, 30);
    tmux.run(&format!("{BIN} {}; echo EXITED $?", dir.display()));
    // Progress from the first frame, then the story.
    let screen = tmux.wait_for("q or ctrl-c quits");
    assert!(screen.contains("newsdigest · "), "{screen}");
    tmux.wait_for("┌ Claims ");
    tmux.keys(&["q"]);
    let screen = tmux.wait_for("EXITED 0");
    // The warnings come once the terminal is back, names escaped.
    assert!(
        screen.contains("pipe.txt: is a named pipe (FIFO), not a regular file"),
        "{screen}"
    );
    assert!(
        screen.contains("clip\\u{1b}]52;c;aGk=\\u{7}.txt: empty file"),
        "{screen}"
    );
    tmux.assert_terminal_restored();
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_claim_list_fits_80_by_24_and_200_by_60() {
    if !tmux_found() {
        return skip("the_claim_list_fits_80_by_24_and_200_by_60");
    }
    for (width, height, at_least) in [(80, 24, 8), (200, 60, 30)] {
        let tmux = Session::start(&format!("list{width}"), width, height);
        tmux.run(&format!("{BIN} --static {}; echo EXITED $?", articles()));
        tmux.wait_for("┌ Claims 1/");
        // The footer is drawn last.
        let screen = tmux.wait_for("q quit");
        // One line per claim: "c12 2a 2p ≠ year   During this period …".
        let rows = screen
            .lines()
            .filter(|l| {
                let words: Vec<&str> = l
                    .trim_start_matches(['│', '▌', ' '])
                    .split_whitespace()
                    .collect();
                words.len() > 3
                    && words[0].starts_with('c')
                    && words[1].ends_with('a')
                    && words[2].ends_with('p')
            })
            .count();
        assert!(
            rows >= at_least,
            "{width}×{height}: {rows} claims\n{screen}"
        );
        let footer = screen.lines().last().unwrap_or("");
        assert!(
            footer.trim_end().ends_with("? help · q quit"),
            "{width}×{height}:\n{screen}"
        );
        tmux.keys(&["q"]);
        tmux.wait_for("EXITED 0");
        tmux.assert_terminal_restored();
    }
}

#[test]
fn y_copies_through_osc_52_and_o_opens_the_pager_and_comes_back() {
    if !tmux_found() {
        return skip("y_copies_through_osc_52_and_o_opens_the_pager_and_comes_back");
    }
    let dir = std::env::temp_dir().join(format!("newsdigest-pager-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    // A pager that records how it was called and waits for a key.
    let pager = dir.join("pager.sh");
    let called = dir.join("called.txt");
    std::fs::write(
        &pager,
        format!(
            "#!/bin/sh\necho \"$@\" > {}\necho PAGER-SHOWN\nread line\n",
            called.display()
        ),
    )
    .expect("write pager");
    std::process::Command::new("chmod")
        .args(["+x"])
        .arg(&pager)
        .status()
        .expect("chmod");
    let articles_dir = dir.join("articles");
    std::fs::create_dir_all(&articles_dir).expect("articles folder");
    for entry in std::fs::read_dir(articles()).expect("articles") {
        let path = entry.expect("entry").path();
        if let Some(name) = path.file_name() {
            std::fs::copy(&path, articles_dir.join(name)).expect("copy article");
        }
    }
    for (width, height) in [(80, 24), (200, 60)] {
        let tmux = Session::start(&format!("copy{width}"), width, height);
        tmux.tmux(&["set-option", "-g", "set-clipboard", "on"]);
        tmux.run(&format!(
            "PAGER={} {BIN} {}; echo EXITED $?",
            pager.display(),
            articles_dir.display()
        ));
        tmux.wait_for("q quit");
        tmux.keys(&["y"]);
        tmux.wait_for("Copied c1 with its citation");
        let mut buffer = String::new();
        for _ in 0..50 {
            buffer = String::from_utf8_lossy(&tmux.tmux(&["show-buffer"]).stdout).into_owned();
            if !buffer.is_empty() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        assert!(
            buffer.starts_with("c1 (4 articles, 6 passages): ") && buffer.contains(", bytes "),
            "{width}×{height}: clipboard holds {buffer:?}"
        );
        tmux.keys(&["o"]);
        tmux.wait_for("PAGER-SHOWN");
        tmux.keys(&["Enter"]);
        // Back where it was, the whole screen redrawn (the status row last).
        tmux.wait_for("┌ Claims 1/");
        tmux.wait_for("q quit");
        let args = std::fs::read_to_string(&called).unwrap_or_default();
        assert!(
            args.starts_with('+') && args.contains("articles/0"),
            "the pager got the line and the file: {args:?}"
        );
        tmux.keys(&["q"]);
        tmux.wait_for("EXITED 0");
        tmux.assert_terminal_restored();
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_compare_view_at_80_by_24_and_200_by_60() {
    if !tmux_found() {
        return skip("the_compare_view_at_80_by_24_and_200_by_60");
    }
    for (width, height) in [(80, 24), (200, 60)] {
        let tmux = Session::start(&format!("compare{width}"), width, height);
        tmux.run(&format!("{BIN} --static {}; echo EXITED $?", articles()));
        tmux.wait_for("q quit");
        tmux.keys(&["c"]);
        tmux.wait_for("Every telling of c1");
        // The status row is drawn last.
        let screen = tmux.wait_for(" 1 of 8 ");
        assert!(
            screen.contains("alleges · ") && screen.contains(" · in "),
            "{width}×{height}:\n{screen}"
        );
        tmux.keys(&["G"]);
        let screen = tmux.wait_for(" 8 of 8 ");
        assert!(
            screen.contains("c3 · 3 articles"),
            "{width}×{height}:\n{screen}"
        );
        tmux.keys(&["Enter"]);
        tmux.wait_for("Every telling of c3");
        // One at a time: two escapes at once read as alt-escape.
        tmux.keys(&["Escape"]);
        tmux.wait_for("Every telling of c1");
        tmux.keys(&["Escape"]);
        tmux.wait_for("┌ Claims 1/");
        tmux.keys(&["q"]);
        tmux.wait_for("EXITED 0");
        tmux.assert_terminal_restored();
    }
}

#[test]
fn search_preview_find_and_filters_at_80_by_24_and_200_by_60() {
    if !tmux_found() {
        return skip("search_preview_find_and_filters_at_80_by_24_and_200_by_60");
    }
    for (width, height) in [(80, 24), (200, 60)] {
        let tmux = Session::start(&format!("find{width}"), width, height);
        tmux.run(&format!("{BIN} --static {}; echo EXITED $?", articles()));
        tmux.wait_for("q quit");
        // Search through the passages: the preview names the passage.
        tmux.keys(&["/"]);
        tmux.wait_for("Search claims and their passages");
        tmux.type_text("netflix dms");
        tmux.wait_for("2 of 56 claims");
        // The preview, drawn below the results.
        tmux.wait_for("passage in ");
        tmux.keys(&["Enter"]);
        tmux.wait_for("following c");
        // Find in the reader, then the next match.
        tmux.keys(&["/"]);
        tmux.wait_for("find in this article");
        tmux.type_text("netflix");
        tmux.keys(&["Enter"]);
        // The first match at or after the cursor, then the next one.
        let screen = tmux.wait_for(" · esc clears");
        let numbers: Vec<usize> = screen
            .lines()
            .last()
            .and_then(|l| l.trim().strip_prefix("match "))
            .map(|l| {
                l.split(' ')
                    .filter_map(|w| w.parse().ok())
                    .take(2)
                    .collect()
            })
            .unwrap_or_default();
        let [current, total] = numbers[..] else {
            panic!("match K of N:\n{screen}");
        };
        tmux.keys(&["n"]);
        let next = if current == total { 1 } else { current + 1 };
        tmux.wait_for(&format!("match {next} of {total}"));
        // Esc clears the find (wait for it: two escapes at once read as
        // alt-escape), then goes back.
        tmux.keys(&["Escape"]);
        let started = std::time::Instant::now();
        while tmux.screen().contains(" · esc clears") {
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "{}",
                tmux.screen()
            );
            sleep(Duration::from_millis(50));
        }
        tmux.keys(&["Escape"]);
        tmux.wait_for("┌ Claims ");
        // Disputed claims only, shown in the title; F clears.
        tmux.keys(&["x"]);
        tmux.wait_for("· disputed · F clears");
        tmux.keys(&["F"]);
        tmux.wait_for("┌ Claims 1/56 ");
        tmux.keys(&["q"]);
        tmux.wait_for("EXITED 0");
        tmux.assert_terminal_restored();
    }
}
