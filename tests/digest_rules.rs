//! The digest's rules on small stories written for the purpose: paraphrases
//! meet, denials and look-alike facts stay apart, boilerplate is never a claim.

use newsdigest::corpus::{LineKind, NoiseReason};
use newsdigest::{Corpus, Digest};

fn story(texts: &[&str]) -> (Corpus, Digest) {
    let corpus = Corpus::from_texts(
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| (format!("a{i}"), t.to_string())),
    );
    let digest = Digest::build(&corpus);
    (corpus, digest)
}

/// The claim indices of the passage containing `needle`.
fn claims_containing(corpus: &Corpus, digest: &Digest, needle: &str) -> Vec<usize> {
    for (a, article) in corpus.articles.iter().enumerate() {
        for p in &article.passages {
            if article.passage_text(p).contains(needle) {
                return digest
                    .claims_of(newsdigest::PassageRef {
                        article: a,
                        passage: p.index,
                    })
                    .to_vec();
            }
        }
    }
    panic!("no passage contains {needle:?}");
}

/// How the cleaner classified the first line of the article containing `needle`.
fn line_kind(article: &newsdigest::corpus::Article, needle: &str) -> LineKind {
    article
        .lines
        .iter()
        .find(|l| article.slice(l.span).contains(needle))
        .map(|l| l.kind)
        .unwrap_or_else(|| panic!("no line contains {needle:?}"))
}

/// Asserts the reason the cleaner gave each line that contains a needle.
fn assert_noise(article: &newsdigest::corpus::Article, expected: &[(&str, NoiseReason)]) {
    for &(needle, reason) in expected {
        assert_eq!(
            line_kind(article, needle),
            LineKind::Noise(reason),
            "{needle}"
        );
    }
}

/// The texts of the passages of the first article that support a claim, sorted.
fn claimed_passages<'a>(corpus: &'a Corpus, digest: &Digest) -> Vec<&'a str> {
    let article = &corpus.articles[0];
    let mut claimed: Vec<&str> = digest
        .claims
        .iter()
        .flat_map(|c| &c.support)
        .map(|r| article.passage_text(&article.passages[r.passage]))
        .collect();
    claimed.sort_unstable();
    claimed
}

fn same_claim(corpus: &Corpus, digest: &Digest, a: &str, b: &str) -> bool {
    let ca = claims_containing(corpus, digest, a);
    claims_containing(corpus, digest, b)
        .iter()
        .any(|c| ca.contains(c))
}

#[test]
fn paraphrased_durations_meet() {
    let (corpus, digest) = story(&[
        "The regulator says the bank hid losses from investors for nearly a decade. Its shares fell sharply.",
        "For almost 10 years the bank concealed losses from its investors, the regulator said. A hearing is set.",
        "Investors were kept in the dark about the bank's losses for ten years, according to the regulator.",
    ]);
    assert!(same_claim(
        &corpus,
        &digest,
        "nearly a decade",
        "almost 10 years"
    ));
    assert!(same_claim(&corpus, &digest, "nearly a decade", "ten years"));
}

#[test]
fn a_claim_and_its_denial_never_merge() {
    let (corpus, digest) = story(&[
        "The airline shared passenger records with the insurer, the complaint says.",
        "The airline did not share passenger records with the insurer, a spokesperson said.",
        "The airline shared passenger records with the insurer for years.",
    ]);
    assert!(!same_claim(
        &corpus,
        &digest,
        "did not share",
        "the complaint says"
    ));
    assert!(same_claim(
        &corpus,
        &digest,
        "the complaint says",
        "for years"
    ));
}

#[test]
fn look_alike_fines_with_different_years_and_amounts_stay_apart() {
    let (corpus, digest) = story(&[
        "In 2023 the regulator fined the carmaker €1.2 billion for emissions cheating.",
        "In 2021 the regulator fined the carmaker millions for emissions cheating.",
        "The carmaker was fined €1.2bn by the regulator in 2023 over emissions cheating.",
    ]);
    assert!(!same_claim(&corpus, &digest, "In 2021", "In 2023"));
    assert!(same_claim(&corpus, &digest, "In 2023", "€1.2bn"));
}

#[test]
fn a_rise_and_a_fall_stay_apart() {
    let (corpus, digest) = story(&[
        "Shares of the carmaker rose sharply on Monday after the ruling.",
        "Shares of the carmaker fell sharply on Monday after the ruling.",
        "The carmaker's shares jumped sharply on Monday after the ruling.",
    ]);
    assert!(!same_claim(
        &corpus,
        &digest,
        "rose sharply",
        "fell sharply"
    ));
    assert!(same_claim(
        &corpus,
        &digest,
        "rose sharply",
        "jumped sharply"
    ));
}

#[test]
fn a_decision_and_its_reverse_stay_apart() {
    let (corpus, digest) = story(&[
        "Regulators in the EU approved the merger of the two carmakers on Friday.",
        "The merger of the two carmakers was blocked by regulators in the EU on Friday.",
        "On Friday EU regulators gave their approval to the merger of the two carmakers.",
    ]);
    assert!(!same_claim(&corpus, &digest, "approved", "blocked"));
    assert!(same_claim(&corpus, &digest, "approved", "approval"));
}

#[test]
fn look_alike_counts_stay_apart_and_one_count_meets_under_two_nouns() {
    let (corpus, digest) = story(&[
        "A mine accident in the north kills 10.",
        "A mine accident in the north kills 20.",
        "The company laid off 1,200 employees.",
        "The firm cut 1,200 jobs.",
        "The deal was worth about $1 billion.",
        "The agreement was valued at roughly one billion dollars.",
    ]);
    assert!(!same_claim(&corpus, &digest, "kills 10", "kills 20"));
    assert!(same_claim(
        &corpus,
        &digest,
        "1,200 employees",
        "1,200 jobs"
    ));
    assert!(same_claim(
        &corpus,
        &digest,
        "$1 billion",
        "one billion dollars"
    ));
}

#[test]
fn a_place_and_its_people_are_one_actor() {
    let (corpus, digest) = story(&[
        "Police in Spain questioned the train driver after the crash near the station.",
        "On Monday the Spanish police questioned the train driver after the crash near the station.",
    ]);
    assert!(same_claim(&corpus, &digest, "in Spain", "Spanish police"));
}

#[test]
fn money_in_other_forms_meets() {
    let (corpus, digest) = story(&[
        "The studio paid the startup $100M for its catalogue.",
        "The startup sold its catalogue to the studio for $100 million.",
    ]);
    assert!(same_claim(&corpus, &digest, "$100M", "$100 million"));
}

#[test]
fn boilerplate_is_never_a_claim() {
    let text = "Business\n\nCity Council Approves New Budget After Long Debate\n\nBy Jane Roe\n\n\
        The city council approved a budget of $2 billion on Monday after a long debate.\n\n\
        Photo: Getty Images\n\nCouncil members voted 7 to 2 in favour of the plan.\n\n\
        Sign up for our daily newsletter\n\nPopular Singer Announces World Tour Dates For Summer\n\n\
        The budget raises spending on schools and transit.\n\nLeave a comment\n\n\
        Your email address will not be published. Required fields are marked *\n\n\
        About the author\n\nJane Roe\n\nJane Roe is a reporter who covers city hall. Contact her at jane@example.com\n";
    let (corpus, digest) = story(&[text]);
    let article = &corpus.articles[0];
    assert_eq!(
        article.title.as_deref(),
        Some("City Council Approves New Budget After Long Debate")
    );
    assert_eq!(article.byline.as_deref(), Some("Jane Roe"));
    let noise_reason = |needle: &str| {
        article
            .lines
            .iter()
            .find(|l| article.slice(l.span).contains(needle))
            .map(|l| l.kind)
            .expect("line exists")
    };
    assert_eq!(
        noise_reason("Business"),
        LineKind::Noise(NoiseReason::Category)
    );
    assert_eq!(
        noise_reason("Getty"),
        LineKind::Noise(NoiseReason::PhotoCredit)
    );
    assert_eq!(
        noise_reason("newsletter"),
        LineKind::Noise(NoiseReason::Promotion)
    );
    assert_eq!(
        noise_reason("World Tour"),
        LineKind::Noise(NoiseReason::UnrelatedHeadline)
    );
    assert_eq!(
        noise_reason("Leave a comment"),
        LineKind::Noise(NoiseReason::CommentForm)
    );
    assert_eq!(
        noise_reason("covers city hall"),
        LineKind::Noise(NoiseReason::AuthorBio)
    );
    for claim in &digest.claims {
        for r in &claim.support {
            let text = corpus.articles[r.article]
                .passage_text(&corpus.articles[r.article].passages[r.passage]);
            for noise in [
                "newsletter",
                "World Tour",
                "comment",
                "published",
                "reporter",
                "Getty",
            ] {
                assert!(!text.contains(noise), "noise offered as a claim: {text}");
            }
        }
    }
}

#[test]
fn page_furniture_in_long_lines_and_lists_is_never_a_claim() {
    let text = "Regulators Fine Airline Over Delayed Refunds\n\
        Image source, Getty Images\n\
        Skip to main content\n\
        Published 3:45 PM EST, Tue March 5, 2024 | Updated 5:10 PM EST\n\
        The transport regulator fined the airline $2.5 million on Monday over refunds for cancelled flights.\n\
        The airline said it had paid back all affected customers.\n\
        Tesla recalls thousands of cars over autopilot flaw\n\
        We use cookies to improve your experience. By continuing to browse you agree to our use of cookies.\n\
        Sign up for our morning newsletter to get the latest travel news delivered to your inbox.\n\
        Reporting by Jane Doe; Editing by John Smith\n\
        Correction: An earlier version of this article misstated the size of the fine.\n\
        Copyright 2024 Example Wire. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.\n\
        Have a tip? Send it to our newsroom through our secure form.\n\
        Tags: airlines, refunds, regulation\n\
        John Smith reports on aviation for Example News.\n\
        He previously worked as an editor at the Daily Planet.\n\
        Most Popular\n\
        1. Celebrity chef opens new restaurant downtown\n\
        2. High school team wins state championship\n";
    let (corpus, digest) = story(&[text]);
    let article = &corpus.articles[0];
    assert_eq!(
        article.date.as_deref(),
        Some("3:45 PM EST, Tue March 5, 2024")
    );
    assert_noise(
        article,
        &[
            ("Image source", NoiseReason::PhotoCredit),
            ("Skip to main", NoiseReason::PageControl),
            ("Published", NoiseReason::Dateline),
            ("cookies", NoiseReason::PageControl),
            ("morning newsletter", NoiseReason::Promotion),
            ("Reporting by", NoiseReason::Byline),
            ("Correction", NoiseReason::EditorsNote),
            ("All rights reserved", NoiseReason::PageControl),
            ("Have a tip", NoiseReason::Promotion),
            ("Tags:", NoiseReason::Category),
            ("reports on aviation", NoiseReason::AuthorBio),
            ("previously worked", NoiseReason::AuthorBio),
            ("Most Popular", NoiseReason::PageControl),
            ("Celebrity chef", NoiseReason::UnrelatedHeadline),
            ("state championship", NoiseReason::UnrelatedHeadline),
            ("Tesla recalls", NoiseReason::UnrelatedHeadline),
        ],
    );
    assert_eq!(
        claimed_passages(&corpus, &digest),
        [
            "Regulators Fine Airline Over Delayed Refunds",
            "The airline said it had paid back all affected customers.",
            "The transport regulator fined the airline $2.5 million on Monday over refunds for cancelled flights.",
        ]
    );
}

#[test]
fn captions_counters_and_links_to_other_pages_are_never_claims() {
    // Lines with no blank between them: each must be classified, or the
    // splitter would run them into one passage.
    let text = "Tech giant settles privacy lawsuit for $90 million\n\
        Author: Jane Doe\n\
        Last modified on Tue 5 Mar 2024 12.30 GMT\n\
        2 hours ago\n\
        FILE - People walk past a sign at the company's headquarters on Nov. 9, 2022. (AP Photo/Jeff Chiu, File)\n\
        Photo by John Doe on Unsplash\n\
        The company agreed to pay $90 million to settle a lawsuit accusing it of tracking users after they logged out.\n\
        Ad Feedback\n\
        This article originally appeared on Example Wire.\n\
        What do you think? Let us know in the comments.\n\
        Disclosure: The author owns shares in several technology companies.\n\
        Posted in Technology | Tagged privacy, lawsuit | 3 Comments\n\
        Previous article: Startup raises $20 million for battery recycling\n\
        Written by Jane Doe\n\
        1.2K shares\n\
        WATCH: How the tracking worked\n";
    let (corpus, digest) = story(&[text]);
    let article = &corpus.articles[0];
    assert_eq!(article.byline.as_deref(), Some("Jane Doe"));
    assert_eq!(article.date.as_deref(), Some("Tue 5 Mar 2024 12.30 GMT"));
    assert_noise(
        article,
        &[
            ("Author:", NoiseReason::Byline),
            ("hours ago", NoiseReason::Dateline),
            ("FILE -", NoiseReason::PhotoCredit),
            ("Unsplash", NoiseReason::PhotoCredit),
            ("Ad Feedback", NoiseReason::Promotion),
            ("originally appeared", NoiseReason::Byline),
            ("in the comments", NoiseReason::CommentForm),
            ("Disclosure", NoiseReason::EditorsNote),
            ("Posted in", NoiseReason::Category),
            ("Previous article", NoiseReason::PageControl),
            ("Written by", NoiseReason::Byline),
            ("1.2K shares", NoiseReason::PageControl),
            ("WATCH", NoiseReason::Promotion),
        ],
    );
    assert_eq!(
        claimed_passages(&corpus, &digest),
        [
            "Tech giant settles privacy lawsuit for $90 million",
            "The company agreed to pay $90 million to settle a lawsuit accusing it of tracking users after they logged out.",
        ]
    );
}

#[test]
fn news_that_uses_the_words_of_page_furniture_stays_news() {
    let text = "Streaming service raises prices again\n\
        Subscribers in the US and Canada will see the change on their next bill.\n\
        \"Our subscription business grew faster than ever,\" the chief executive said.\n\
        The company reported 260 million subscribers worldwide at the end of\n\
        the quarter and said readers of its weekly newsletter would get\n\
        the figures first.\n";
    let (corpus, digest) = story(&[text]);
    let article = &corpus.articles[0];
    assert!(
        article.lines.iter().all(|l| !l.kind.is_noise()),
        "{:?}",
        article.lines
    );
    assert_eq!(claimed_passages(&corpus, &digest).len(), 4);
}

#[test]
fn furniture_wrapped_or_marked_up_like_the_prose_is_never_a_claim() {
    // A hard-wrapped page: bios, prompts and comment forms wrapped like the
    // news around them; captions that end with their credit; lines of links
    // under a label; a cookie notice in the site's voice; a Markdown page's
    // "Read more" and sign-up lines.
    let text = "Quake toll rises to 41 as rescuers search collapsed homes\n\n\
        Rescue workers carry a stretcher through the ruins of a block in the city. Photograph: Jane Roe/AFP/Getty Images\n\n\
        The death toll from the earthquake rose to 41 on Wednesday, officials\n\
        said, as rescuers searched the rubble of collapsed homes for a third\n\
        day.\n\n\
        ALSO IN THE HERALD: Tram line 4 to close for summer works | Heatwave\n\
        warning for the weekend | City council approves new budget\n\n\
        Like what you read? Get the Evening Post in your inbox every day. Sign up\n\
        here\n\n\
        [ ] Save my name, email, and website in this browser for the next time\n\
        I comment.\n\n\
        About the author: Katrin Lohse has covered business and industry in\n\
        the region for the Herald since 2015.\n\n\
        Rafael Quintero covers European affairs for Example Daily. Follow\n\
        him on X @rquintero.\n\n\
        Hannah Ostrowski is the Northern Ledger's Europe correspondent, based in Vienna.\n\n\
        ExampleNews uses cookies to personalise content and ads. Read our Cookie Policy. [OK, got it]\n\n\
        **Read more:** [Why every city wants its own quake sensors](https://example.com/sensors)\n\n\
        *Subscribe to the Herald weekly digest for the latest news from the region.* [Subscribe](/subscribe)\n\n\
        *Dr. Ana Lima is a partner at Lima & Co and teaches law at the university. The views expressed are her own.*\n\n\
        *The Herald has reached out to the ministry for comment and will update this story if we hear back.*\n";
    let (corpus, digest) = story(&[text]);
    let article = &corpus.articles[0];
    assert_noise(
        article,
        &[
            ("Photograph:", NoiseReason::PhotoCredit),
            ("ALSO IN THE HERALD", NoiseReason::PageControl),
            ("warning for the weekend", NoiseReason::PageControl),
            ("Evening Post in your inbox", NoiseReason::Promotion),
            ("Save my name", NoiseReason::PageControl),
            ("I comment.", NoiseReason::PageControl),
            ("About the author", NoiseReason::AuthorBio),
            ("for the Herald since 2015", NoiseReason::AuthorBio),
            ("covers European affairs", NoiseReason::AuthorBio),
            ("him on X", NoiseReason::AuthorBio),
            ("Europe correspondent", NoiseReason::AuthorBio),
            ("uses cookies", NoiseReason::PageControl),
            ("Read more", NoiseReason::PageControl),
            ("Subscribe to the Herald", NoiseReason::Promotion),
            ("views expressed", NoiseReason::EditorsNote),
            ("update this story", NoiseReason::EditorsNote),
        ],
    );
    assert_eq!(
        claimed_passages(&corpus, &digest),
        [
            "Quake toll rises to 41 as rescuers search collapsed homes",
            "The death toll from the earthquake rose to 41 on Wednesday, officials\nsaid, as rescuers searched the rubble of collapsed homes for a third\nday.",
        ]
    );
    // News about cookies, in the reporter's voice, stays news.
    let (corpus, _) = story(&["Regulator fines Acme over tracking\n\
        Acme uses cookies to personalise ads without asking users, the regulator said.\n"]);
    assert!(corpus.articles[0].lines.iter().all(|l| !l.kind.is_noise()));
}

#[test]
fn furniture_in_other_words_is_never_a_claim() {
    // The same kinds of furniture, worded as other sites word them: lists
    // of links under any heading, long captions under a label, the site's
    // app, a rights line, a tip line, readers' comments under their heading.
    let text = "Storm closes harbour as ferries are cancelled\n\n\
        Photo: Waves break over the harbour wall at dawn on Tuesday, as crews secure the boats. (Sam Hale / Coast Times)\n\n\
        The port authority closed the harbour on Tuesday and cancelled all 14 ferry crossings.\n\n\
        Stay informed during the storm: download the free Coast Times app and switch on alerts for your area.\n\n\
        Officials said the harbour would reopen once wind speeds fall below 50 km/h.\n\n\
        > **Got a news tip?** Message our harbour desk on Signal.\n\n\
        YOU MIGHT ALSO BE INTERESTED IN\n\
        - Lifeboat volunteers honoured at annual dinner\n\
        - Seaside cafe named best in the county\n\n\
        Support independent coastal reporting. Readers fund this newsroom.\n\n\
        Maria Keane has covered the coast for the Times since 2011. Follow\n\
        her @mkeane.\n\n\
        Copyright Coast Times Media 2025. Do not reproduce without written permission.\n\n\
        We and our 120 partners use tracking to show you relevant ads.\n\n\
        Links to outside websites are offered for reference only.\n\n\
        COMMENTS (12)\n\n\
        Harbourwatcher - 3h ago\n\
        Closed again? This happens every winter and nobody fixes the wall.\n";
    let (corpus, digest) = story(&[text]);
    let article = &corpus.articles[0];
    assert_noise(
        article,
        &[
            ("Photo: Waves", NoiseReason::PhotoCredit),
            ("download the free", NoiseReason::Promotion),
            ("news tip", NoiseReason::Promotion),
            ("ALSO BE INTERESTED", NoiseReason::PageControl),
            ("Lifeboat volunteers", NoiseReason::UnrelatedHeadline),
            ("Seaside cafe", NoiseReason::UnrelatedHeadline),
            ("Support independent", NoiseReason::Promotion),
            ("has covered the coast", NoiseReason::AuthorBio),
            ("her @mkeane", NoiseReason::AuthorBio),
            ("Copyright", NoiseReason::PageControl),
            ("our 120 partners", NoiseReason::PageControl),
            ("outside websites", NoiseReason::PageControl),
            ("COMMENTS (12)", NoiseReason::CommentForm),
            ("nobody fixes the wall", NoiseReason::CommentForm),
        ],
    );
    assert_eq!(
        claimed_passages(&corpus, &digest),
        [
            "Officials said the harbour would reopen once wind speeds fall below 50 km/h.",
            "Storm closes harbour as ferries are cancelled",
            "The port authority closed the harbour on Tuesday and cancelled all 14 ferry crossings.",
        ]
    );
    // A count of comments beside the byline heads nothing; news about an
    // app, about cookies or about someone's views stays news.
    let (corpus, _) = story(&["Bank app fixed after outage\n\
        3 comments\n\
        The bank said customers who download the app again will see their balances.\n\
        The outage lasted six hours on Friday.\n\
        Cookies let the bank's website remember you between visits.\n\
        The views expressed by the minister drew criticism from consumer groups.\n\
        Engineers traced it to a faulty update.\n\
        Customers were refunded any fees.\n"]);
    let lines = &corpus.articles[0].lines;
    assert_eq!(
        lines.iter().filter(|l| l.kind.is_noise()).count(),
        1,
        "{lines:?}"
    );
}

#[test]
fn the_masthead_above_the_headline_is_never_the_title_or_a_claim() {
    let text = "THE HARBOUR HERALD\n\
        News for the whole coast since 1901\n\
        Home | Local | Weather\n\n\
        Storm closes harbour as ferries are cancelled for a second day\n\
        By Sam Hale\n\n\
        The port authority closed the harbour on Tuesday and cancelled all 14 ferry crossings for a second day.\n\
        Ferries will resume once the storm passes, the authority said.\n\n\
        Herald members read without adverts and keep local reporting alive.\n\
        This article contains affiliate links; we may earn a commission.\n\n\
        Have your say (4)\n\
        Comments are moderated before they appear.\n\
        Another closure. The wall needs fixing.\n";
    let (corpus, digest) = story(&[text]);
    let article = &corpus.articles[0];
    assert_eq!(
        article.title.as_deref(),
        Some("Storm closes harbour as ferries are cancelled for a second day")
    );
    assert_noise(
        article,
        &[
            ("THE HARBOUR HERALD", NoiseReason::Masthead),
            ("since 1901", NoiseReason::Masthead),
            ("read without adverts", NoiseReason::PageControl),
            ("affiliate links", NoiseReason::PageControl),
            ("Have your say", NoiseReason::CommentForm),
            ("The wall needs fixing", NoiseReason::CommentForm),
        ],
    );
    assert_eq!(claimed_passages(&corpus, &digest).len(), 3);
}

#[test]
fn the_masthead_of_a_hard_wrapped_page_is_never_the_title() {
    let text = "THE VALLEY LEDGER\n\
        Straight talk for the whole valley since 1952\n\n\
        Storm closes harbour as ferries are cancelled for a second day\n\n\
        The port authority closed the harbour on Tuesday and cancelled\n\
        all 14 ferry crossings for a second day, officials said.\n";
    let (corpus, _) = story(&[text]);
    let article = &corpus.articles[0];
    assert_eq!(
        article.title.as_deref(),
        Some("Storm closes harbour as ferries are cancelled for a second day")
    );
    assert_noise(article, &[("since 1952", NoiseReason::Masthead)]);
}

#[test]
fn where_it_happened_and_who_gave_the_figures_name_no_actor() {
    use newsdigest::digest::{Incompatibility, PassageFeatures, ProperNouns, incompatibility};
    let story = [
        "The Austin, Texas-based chipmaker said it would cut about 2,400 jobs, roughly 8% of its workforce.",
        "Its shares lost nearly 7 per cent in after-hours trading in New York.",
        "The chipmaker will eliminate about 2,400 positions, around 8 percent of its staff, in CEO Maren Oduya's words.",
        "Norvane Systems stock slid nearly 7% in after-hours trading on Thursday.",
        "Revenue reached $4.8 billion, according to LSEG data.",
        "Norvane Systems said revenue reached $4.8 billion in the quarter.",
        "Back in January, Norvane let go of 1,100 people.",
        "In January the company announced the loss of 1,100 jobs, of which around 90 were in Dresden.",
        "A suicide bomber killed four people at a rally in Iraq on Monday.",
        "A suicide bomber killed four people at a rally in Pakistan on Monday.",
        "On Monday the regulator fined Acme $5 million.",
        "On Monday the regulator fined Globex $5 million.",
        "Last season Okafor scored 31 times in 36 league matches.",
        "The striker managed thirty-one goals in thirty-six games for Riverton.",
    ];
    let names = ProperNouns::learn(story);
    let guard = |a: usize, b: usize| {
        incompatibility(
            &PassageFeatures::with_names(story[a], &names),
            &PassageFeatures::with_names(story[b], &names),
        )
    };
    // One fact told with a place, a source or a speaker on one side only.
    assert_eq!(guard(0, 2), None, "a place beside a speaker, one figure");
    assert_eq!(
        guard(1, 3),
        None,
        "trading in New York / Norvane's stock, one figure"
    );
    assert_eq!(guard(4, 5), None, "according to LSEG / Norvane said");
    assert_eq!(guard(6, 7), None, "Norvane / in Dresden, one count");
    assert_eq!(
        guard(12, 13),
        None,
        "two figures in common, whoever is named"
    );
    // Different places, or different actors: apart.
    assert_eq!(guard(8, 9), Some(Incompatibility::DifferentActors));
    assert_eq!(guard(10, 11), Some(Incompatibility::DifferentActors));
}

#[test]
fn distances_meet_in_any_unit_spelling() {
    let (corpus, digest) = story(&[
        "Quake\nIts epicentre was located about 12 kilometres south-west of Kessara at a shallow depth of 10 km.\n",
        "Quake\nThe epicentre was some 12 km southwest of Kessara.\n",
        "Quake\nSeismologists said it originated roughly 12km south-west of Kessara, at a depth of around 10km.\n",
    ]);
    assert!(same_claim(&corpus, &digest, "12 kilometres", "some 12 km"));
    assert!(same_claim(&corpus, &digest, "some 12 km", "roughly 12km"));
}

#[test]
fn markdown_and_html_are_read_for_their_words() {
    let text = "# Court blocks merger of two grocery chains\n\n\
        ![A shopper outside a store](https://example.com/img/store.jpg)\n\n\
        A federal judge on Tuesday blocked the **$24.6 billion** merger of two grocery chains.\n\n\
        ## What happens next\n\
        The companies said they were [reviewing the ruling](https://example.com/ruling) and may appeal.\n\n\
        https://example.com/full-coverage\n\n\
        Prices at the two chains rose 3&nbsp;percent last year &amp; analysts expect more.\n";
    let (corpus, digest) = story(&[text]);
    let article = &corpus.articles[0];
    assert_eq!(
        article.title.as_deref(),
        Some("Court blocks merger of two grocery chains")
    );
    assert_eq!(
        line_kind(article, "![A shopper"),
        LineKind::Noise(NoiseReason::PhotoCredit)
    );
    assert_eq!(
        line_kind(article, "full-coverage"),
        LineKind::Noise(NoiseReason::PageControl)
    );
    let heading = article
        .passages
        .iter()
        .find(|p| article.passage_text(p) == "What happens next")
        .expect("the heading is a passage without its marker");
    assert_eq!(heading.kind, newsdigest::PassageKind::Heading);
    let claims: Vec<&str> = digest.claims.iter().map(|c| c.text.as_str()).collect();
    for expected in [
        "The companies said they were reviewing the ruling and may appeal.",
        "Prices at the two chains rose 3 percent last year & analysts expect more.",
    ] {
        assert!(claims.contains(&expected), "{claims:?}");
    }
    assert!(
        claims.iter().all(|c| ["**", "](", "&nbsp;", "&amp;", "#"]
            .iter()
            .all(|m| !c.contains(m))),
        "{claims:?}"
    );
}

#[test]
fn claims_are_ordered_by_corroboration() {
    let (_, digest) = story(&[
        "The mayor resigned on Friday. The deputy mayor takes over.",
        "The mayor resigned on Friday after the scandal.",
        "On Friday the mayor resigned.",
    ]);
    assert_eq!(digest.claims[0].article_count(), 3, "{:?}", digest.claims);
    assert_eq!(digest.claims[0].id, "c1");
}
