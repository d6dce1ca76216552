//! A battery of news sentences that trouble splitters. It measures sentencex
//! alone against our splitter (sentencex plus a post-pass); run with
//! `cargo test --test splitting -- --nocapture` to see both scores.

use newsdigest::corpus::Article;

/// (paragraph, expected sentences)
const BATTERY: &[(&str, &[&str])] = &[
    (
        "The U.S. Senate voted on Tuesday. The bill passed.",
        &["The U.S. Senate voted on Tuesday.", "The bill passed."],
    ),
    (
        "Dr. Jane Smith led the study. It took a year.",
        &["Dr. Jane Smith led the study.", "It took a year."],
    ),
    (
        "Acme Inc. agreed to pay. Shares rose.",
        &["Acme Inc. agreed to pay.", "Shares rose."],
    ),
    (
        "The deal closed on Feb. 3 in New York. Talks had stalled.",
        &[
            "The deal closed on Feb. 3 in New York.",
            "Talks had stalled.",
        ],
    ),
    (
        "The vote was held at 9 a.m. on Monday. Results came later.",
        &[
            "The vote was held at 9 a.m. on Monday.",
            "Results came later.",
        ],
    ),
    (
        "Profits rose to $1.3 billion. Analysts were surprised.",
        &["Profits rose to $1.3 billion.", "Analysts were surprised."],
    ),
    (
        "The regulator fined it €1.2bn in May. It appealed.",
        &["The regulator fined it €1.2bn in May.", "It appealed."],
    ),
    (
        "Inflation hit 3.5% in March. Prices kept rising.",
        &["Inflation hit 3.5% in March.", "Prices kept rising."],
    ),
    (
        "He said, \"We will appeal.\" The court declined.",
        &["He said, \"We will appeal.\"", "The court declined."],
    ),
    (
        "She called it “a disgrace.” Critics agreed.",
        &["She called it “a disgrace.”", "Critics agreed."],
    ),
    (
        "“It is untrue. We never shared data,” the spokesman said.",
        &[
            "“It is untrue.",
            "We never shared data,” the spokesman said.",
        ],
    ),
    (
        "The spokesman said: “It is untrue. We never shared data. Such deals are common.”",
        &[
            "The spokesman said: “It is untrue.",
            "We never shared data.",
            "Such deals are common.”",
        ],
    ),
    (
        "Was it legal? Lawyers disagree.",
        &["Was it legal?", "Lawyers disagree."],
    ),
    (
        "Mr. Jones and Mrs. Lee met in St. Louis. They talked.",
        &["Mr. Jones and Mrs. Lee met in St. Louis.", "They talked."],
    ),
    (
        "The company, founded in 1998, employs 2,500 people. It is growing.",
        &[
            "The company, founded in 1998, employs 2,500 people.",
            "It is growing.",
        ],
    ),
    (
        "It cost about $100M. The buyer was not named.",
        &["It cost about $100M.", "The buyer was not named."],
    ),
    (
        "See p. 4 of the filing. It lists the fees.",
        &["See p. 4 of the filing.", "It lists the fees."],
    ),
    (
        "The firm, Foo Corp., denied it. Bar Ltd. did not.",
        &["The firm, Foo Corp., denied it.", "Bar Ltd. did not."],
    ),
    ("Wow! That was fast.", &["Wow!", "That was fast."]),
    (
        "The report (published in Dec. 2018) was cited. It matters.",
        &[
            "The report (published in Dec. 2018) was cited.",
            "It matters.",
        ],
    ),
    (
        "Shares fell 5 p.c. on the news. Trading resumed.",
        &["Shares fell 5 p.c. on the news.", "Trading resumed."],
    ),
    (
        "It is No. 1 in the U.K. market. Rivals trail.",
        &["It is No. 1 in the U.K. market.", "Rivals trail."],
    ),
    (
        "J. K. Rowling spoke first. Others followed.",
        &["J. K. Rowling spoke first.", "Others followed."],
    ),
    (
        "The court said the fine\nwas excessive. It was cut.",
        &["The court said the fine\nwas excessive.", "It was cut."],
    ),
    (
        "Officials met on Jan. 5. They agreed on a plan.",
        &["Officials met on Jan. 5.", "They agreed on a plan."],
    ),
    (
        "The suit names Meta Platforms Inc. as defendant. Meta declined to comment.",
        &[
            "The suit names Meta Platforms Inc. as defendant.",
            "Meta declined to comment.",
        ],
    ),
    (
        "Revenue was $4.2 bn., up 10%. Costs fell.",
        &["Revenue was $4.2 bn., up 10%.", "Costs fell."],
    ),
    (
        "“Why now?” she asked. Nobody answered.",
        &["“Why now?” she asked.", "Nobody answered."],
    ),
    (
        "The plan, he said, was “dead on arrival.” Talks ended.",
        &["The plan, he said, was “dead on arrival.”", "Talks ended."],
    ),
    (
        "Version 2.0 ships in Q3. Beta testers are ready.",
        &["Version 2.0 ships in Q3.", "Beta testers are ready."],
    ),
];

fn ours(text: &str) -> Vec<String> {
    let article = Article::parse("t", "t.txt", text.to_string());
    article.passage_texts().map(str::to_string).collect()
}

fn sentencex_alone(text: &str) -> Vec<String> {
    sentencex::segment("en", text)
        .into_iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

fn score(split: impl Fn(&str) -> Vec<String>) -> (usize, Vec<String>) {
    let mut right = 0;
    let mut wrong = Vec::new();
    for (text, expected) in BATTERY {
        let got = split(text);
        if got == *expected {
            right += 1;
        } else {
            wrong.push(format!("{text:?} -> {got:?}"));
        }
    }
    (right, wrong)
}

#[test]
fn our_splitter_beats_sentencex_alone_on_news_sentences() {
    let (base, _) = score(sentencex_alone);
    let (mine, wrong) = score(ours);
    println!(
        "sentence battery: sentencex alone {base}/{n}, newsdigest {mine}/{n}",
        n = BATTERY.len()
    );
    for w in &wrong {
        println!("  miss: {w}");
    }
    assert!(mine >= base, "the post-pass must not make things worse");
    assert!(
        mine + 2 >= BATTERY.len(),
        "at most two misses on the battery"
    );
}
