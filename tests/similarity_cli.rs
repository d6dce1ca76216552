//! `newsdigest similarity --pairs FILE` run as a user would.

use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use newsdigest::digest::ScoreWeights;

static NEXT_FILE: AtomicUsize = AtomicUsize::new(0);

fn similarity(pairs: &str, extra: &[&str]) -> std::process::Output {
    let dir = std::env::temp_dir().join(format!("newsdigest-similarity-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(format!(
        "pairs-{}.tsv",
        NEXT_FILE.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::write(&path, pairs).expect("write pairs");
    let output = Command::new(env!("CARGO_BIN_EXE_newsdigest"))
        .arg("similarity")
        .arg("--pairs")
        .arg(&path)
        .args(extra)
        .output()
        .expect("run newsdigest");
    let _ = std::fs::remove_file(&path);
    output
}

#[test]
fn one_score_per_pair_and_a_denial_under_the_threshold() {
    let pairs = "Meta allegedly shared users' DMs with Netflix for almost a decade.\tFor almost 10 years Netflix had access to Facebook users' messages.\n\
                 Meta allegedly shared users' DMs with Netflix for almost a decade.\tThe central bank raised interest rates on Tuesday.\n\
                 Netflix had access to users' messages.\tNetflix never had access to users' messages.\r\n";
    let semantic = ScoreWeights::with_semantic().threshold;
    let lexical = ScoreWeights::lexical().threshold;
    for (extra, threshold) in [(&[][..], semantic), (&["--lexical"][..], lexical)] {
        let output = similarity(pairs, extra);
        assert!(output.status.success(), "{output:?}");
        let stdout = String::from_utf8(output.stdout).expect("utf-8");
        let lines: Vec<&str> = stdout.lines().collect();
        assert_eq!(lines.len(), 3, "{stdout}");
        let score = |i: usize| lines[i].parse::<f32>().expect("a number");
        assert!(score(0) > score(1), "{stdout}");
        // A denial shares the claim's words, so it stays closer than an
        // unrelated sentence, but a guard keeps it under the threshold.
        assert!(score(2) < threshold, "a denial is guarded: {stdout}");
        assert!(score(2) > score(1), "{stdout}");
    }
}

#[test]
fn signals_name_the_guard() {
    let output = similarity(
        "Netflix had access to users' messages.\tNetflix never had access to users' messages.\n",
        &["--signals"],
    );
    let stdout = String::from_utf8(output.stdout).expect("utf-8");
    let columns: Vec<&str> = stdout.trim_end().split('\t').collect();
    assert_eq!(columns.len(), 5, "{stdout}");
    assert!(
        columns[0].parse::<f32>().expect("a number") < ScoreWeights::with_semantic().threshold,
        "{stdout}"
    );
    assert_eq!(columns[4], "opposite-polarity");
}

#[test]
fn a_line_without_a_tab_is_an_error_with_its_number() {
    let output = similarity("first\tsecond\nno tab here\n", &[]);
    assert!(!output.status.success());
    let stderr = String::from_utf8(output.stderr).expect("utf-8");
    assert!(stderr.contains("line 2"), "{stderr}");
}

#[test]
fn decide_prints_the_digests_merge_decision() {
    // A paraphrase, an unrelated pair, a denial: only the first is one claim.
    let pairs = "Meta allegedly shared users' DMs with Netflix for almost a decade.\tFor almost 10 years Meta shared users' DMs with Netflix.\n\
                 Meta allegedly shared users' DMs with Netflix for almost a decade.\tThe central bank raised interest rates on Tuesday.\n\
                 Netflix had access to users' messages.\tNetflix never had access to users' messages.\n";
    for extra in [
        &["--decide"][..],
        &["--decide", "--learned"][..],
        &["--decide", "--lexical"][..],
    ] {
        let output = similarity(pairs, extra);
        assert!(output.status.success(), "{output:?}");
        let stdout = String::from_utf8(output.stdout).expect("utf-8");
        assert_eq!(stdout, "1\n0\n0\n", "{extra:?}");
    }
}

#[test]
fn learned_scores_are_probabilities_and_guarded_pairs_stay_under_its_threshold() {
    let pairs = "Netflix had access to users' messages.\tNetflix had access to the messages of users.\n\
                 Netflix had access to users' messages.\tNetflix never had access to users' messages.\n";
    let output = similarity(pairs, &["--learned"]);
    assert!(output.status.success(), "{output:?}");
    let stdout = String::from_utf8(output.stdout).expect("utf-8");
    let scores: Vec<f32> = stdout
        .lines()
        .map(|l| l.parse().expect("a number"))
        .collect();
    let threshold = newsdigest::digest::SameClaimModel::with_semantic().threshold;
    assert!(scores.iter().all(|s| (0.0..=1.0).contains(s)), "{scores:?}");
    assert!(scores[0] >= threshold, "{scores:?}");
    assert!(scores[1] < threshold, "{scores:?}");
}
