//! Command-line arguments and the commands that need no terminal.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use newsdigest::corpus::{LineKind, LoadError};
use newsdigest::digest::{DigestOptions, reported_similarity, sentence_pair_signals};
use newsdigest::search::ClaimSearch;
use newsdigest::{Corpus, Digest, disputes, eval, export};

#[derive(Debug, Parser)]
#[command(
    name = "newsdigest",
    version,
    about = "Read how several outlets tell the same story, claim by claim.",
    after_help = "Without a command, newsdigest opens the interface on the articles of DIR; ? there lists the keys, and so does --help."
)]
pub struct Cli {
    /// Folder of articles (.txt, .md). Default: ./articles, else the built-in articles.
    pub dir: Option<PathBuf>,
    /// Key bindings layered over the defaults. Default:
    /// $XDG_CONFIG_HOME/newsdigest/keymap.toml when it exists.
    #[arg(long, value_name = "PATH")]
    pub keymap: Option<PathBuf>,
    /// Draw the first frame, restore the terminal and exit, printing the
    /// start-up times to standard error (for benchmarks).
    #[arg(long, hide = true)]
    pub exit_after_first_frame: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the digest: articles and deduplicated claims with their passages.
    Export {
        /// Folder of articles. Default: ./articles, else the built-in articles.
        dir: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
    },
    /// Score the digest against labelled passages (must-link, cannot-link, noise).
    Eval {
        /// Labelled sample, e.g. tests/data/dev-gold.json.
        gold: PathBuf,
        /// Folder of articles. Default: ./articles, else the built-in articles.
        dir: Option<PathBuf>,
        /// List every miss, a split or joined pair with its score in its
        /// story or the guard that kept it apart.
        #[arg(long, short)]
        verbose: bool,
        /// Word overlap only, without the embedding model.
        #[arg(long)]
        lexical: bool,
        /// Same-claim threshold to try instead of the calibrated one.
        #[arg(long)]
        threshold: Option<f32>,
        /// Embed with the full MiniLM transformer from this folder (see
        /// scripts/fetch-transformer.sh); needs the `transformer` feature.
        #[arg(long, value_name = "DIR", conflicts_with = "lexical")]
        transformer: Option<PathBuf>,
    },
    /// Show how each article was cleaned and split: lines, noise, passages.
    Passages {
        /// Folder of articles. Default: ./articles, else the built-in articles.
        dir: Option<PathBuf>,
    },
    /// Score sentence pairs with the digest's scorer, one score per line (a
    /// pair a guard keeps apart gets its score capped just under the merge
    /// threshold: still graded, never a merge).
    Similarity {
        /// Lines of "sentence<TAB>sentence" (further columns are ignored); - reads standard input.
        #[arg(long)]
        pairs: PathBuf,
        /// Word overlap only, without the embedding model.
        #[arg(long)]
        lexical: bool,
        /// Also print each signal, before any guard: word cosine, containment, embedding cosine; then the guard.
        #[arg(long)]
        signals: bool,
        /// Embed with the full MiniLM transformer from this folder (see
        /// scripts/fetch-transformer.sh); needs the `transformer` feature.
        #[arg(long, value_name = "DIR", conflicts_with = "lexical")]
        transformer: Option<PathBuf>,
    },
    /// Fuzzy-search the claims (or, with --lines, the lines of any file),
    /// best match first, with the matcher of the interface.
    Search {
        /// Words to find; each must match, letters in order, case and accents ignored.
        query: String,
        /// Folder of articles. Default: ./articles, else the built-in articles.
        #[arg(conflicts_with = "lines")]
        dir: Option<PathBuf>,
        /// Print at most this many results (default: 20 claims, every matching line).
        #[arg(long)]
        limit: Option<usize>,
        /// Rank the lines of this file instead of the claims, like `fzf --filter`.
        #[arg(long, value_name = "FILE")]
        lines: Option<PathBuf>,
    },
    /// Print the key bindings generated from the action registry.
    #[command(hide = true)]
    Keys {
        /// The README table.
        #[arg(long, conflicts_with = "toml")]
        markdown: bool,
        /// The default keymap.toml.
        #[arg(long)]
        toml: bool,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    Json,
    Markdown,
}

/// Loads the folder given, or `./articles`, or the built-in articles.
pub fn load_corpus(dir: Option<&Path>) -> Result<Corpus> {
    let loaded = match dir {
        Some(dir) => Corpus::load_dir(dir),
        None if Path::new("articles").is_dir() => Corpus::load_dir(Path::new("articles")),
        None => Ok(Corpus::embedded()),
    };
    let corpus = match loaded {
        Ok(corpus) => corpus,
        Err(error) => {
            if let LoadError::NoReadableArticles { skipped, .. } = &error {
                for warning in skipped {
                    eprintln!("newsdigest: warning: {warning}");
                }
            }
            return Err(error.into());
        }
    };
    for warning in &corpus.warnings {
        eprintln!("newsdigest: warning: {warning}");
    }
    Ok(corpus)
}

/// Writes to stdout; a closed pipe (`| head`) ends quietly.
pub fn print(text: &str) -> Result<()> {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("writing to standard output"),
    }
}

pub fn run_export(dir: Option<&Path>, format: Format) -> Result<()> {
    let corpus = load_corpus(dir)?;
    let options = DigestOptions::default();
    let digest = Digest::build_with(&corpus, &options);
    let disagreements = disputes::find(&corpus, &digest, &options);
    let mut text = match format {
        Format::Json => export::to_json(&corpus, &digest, &disagreements),
        Format::Markdown => export::to_markdown(&corpus, &digest, &disagreements),
    };
    if !text.ends_with('\n') {
        text.push('\n');
    }
    print(&text)
}

/// Returns whether the figures meet the targets of the development sample.
pub fn run_eval(
    gold_path: &Path,
    dir: Option<&Path>,
    verbose: bool,
    lexical: bool,
    threshold: Option<f32>,
    transformer: Option<&Path>,
) -> Result<bool> {
    let json = std::fs::read_to_string(gold_path)
        .with_context(|| format!("reading {}", newsdigest::text::printable_path(gold_path)))?;
    let gold = eval::Gold::from_json(&json)
        .with_context(|| format!("parsing {}", newsdigest::text::printable_path(gold_path)))?;
    let corpus = load_corpus(dir)?;
    let (mut options, failures) = scorer_options(lexical, transformer)?;
    if let Some(threshold) = threshold {
        options.weights.threshold = threshold;
    }
    let digest = Digest::build_with(&corpus, &options);
    check_embedder(failures)?;
    let report = eval::evaluate(&corpus, &digest, &gold);
    let mut out = format!("{}\n", report.summary());
    if verbose {
        let explanations = eval::explain_misses(&corpus, &digest, &report.misses);
        for (miss, why) in report.misses.iter().zip(explanations) {
            out.push_str(&format!("  {miss:?}\n"));
            // Why: the pair's score against the threshold, or its guard.
            if let Some(why) = why {
                out.push_str(&format!(
                    "      {why}; threshold {:.2}\n",
                    options.weights.threshold
                ));
            }
        }
    }
    print(&out)?;
    Ok(report.cannot_link_joined == 0 && report.noise_offered == 0)
}

pub fn run_passages(dir: Option<&Path>) -> Result<()> {
    let corpus = load_corpus(dir)?;
    let digest = Digest::build(&corpus);
    let mut out = String::new();
    for (a, article) in corpus.articles.iter().enumerate() {
        out.push_str(&format!(
            "== {} · {} · {} · {}\n",
            one_line(&article.id),
            one_line(&article.display_title()),
            one_line(article.byline.as_deref().unwrap_or("-")),
            one_line(article.date.as_deref().unwrap_or("-"))
        ));
        for line in &article.lines {
            if let LineKind::Noise(reason) = line.kind {
                out.push_str(&format!(
                    "  noise ({}): {}\n",
                    reason.describe(),
                    one_line(article.slice(line.span).trim())
                ));
            }
        }
        for p in &article.passages {
            let claims = digest.claims_of(newsdigest::PassageRef {
                article: a,
                passage: p.index,
            });
            let ids: Vec<&str> = claims
                .iter()
                .map(|&c| digest.claims[c].id.as_str())
                .collect();
            let text = article.passage_text(p);
            let attribution = newsdigest::attribution::attribute(text);
            out.push_str(&format!(
                "  [{:>5}..{:<5}] {:<8} {:<8} {:<8} {:<22} {}\n",
                p.span.start,
                p.span.end,
                format!("{:?}", p.kind),
                ids.join(","),
                attribution.stance.name(),
                one_line(attribution.source_label())
                    .chars()
                    .take(22)
                    .collect::<String>(),
                // ⏎ shows where the passage crosses a line break; every
                // other control character is escaped.
                newsdigest::text::escape_controls(&text.replace('\n', "⏎"))
            ));
        }
    }
    print(&out)
}

/// Prints one same-claim score per pair of `pairs_path`.
pub fn run_similarity(
    pairs_path: &Path,
    lexical: bool,
    show_signals: bool,
    transformer: Option<&Path>,
) -> Result<()> {
    let text = if pairs_path == Path::new("-") {
        io::read_to_string(io::stdin()).context("reading pairs from standard input")?
    } else {
        std::fs::read_to_string(pairs_path)
            .with_context(|| format!("reading {}", newsdigest::text::printable_path(pairs_path)))?
    };
    let source = if pairs_path == Path::new("-") {
        "standard input".to_string()
    } else {
        newsdigest::text::printable_path(pairs_path)
    };
    let mut pairs = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let mut columns = line.trim_end_matches('\r').split('\t');
        match (columns.next(), columns.next()) {
            (Some(a), Some(b)) => pairs.push((a, b)),
            _ => anyhow::bail!(
                "{source} line {}: expected two sentences separated by a tab",
                number + 1
            ),
        }
    }
    let (options, failures) = scorer_options(lexical, transformer)?;
    let scored = sentence_pair_signals(&pairs, &options);
    check_embedder(failures)?;
    let mut out = String::new();
    for (signals, guard) in scored {
        let similarity = reported_similarity(&signals, guard, &options.weights);
        out.push_str(&format!("{similarity:.4}"));
        if show_signals {
            out.push_str(&format!(
                "\t{:.4}\t{:.4}\t{}\t{}",
                signals.cosine,
                signals.containment,
                signals
                    .semantic
                    .map_or("-".to_string(), |c| format!("{c:.4}")),
                guard.map_or("-", |g| g.name())
            ));
        }
        out.push('\n');
    }
    print(&out)
}

/// Prints the claims that match a query, best first, with their sources;
/// the passage that matched best is marked. Returns whether anything matched.
pub fn run_search_claims(query: &str, dir: Option<&Path>, limit: Option<usize>) -> Result<bool> {
    let corpus = load_corpus(dir)?;
    let digest = Digest::build(&corpus);
    let search = ClaimSearch::new(&corpus, &digest);
    let hits = search.search(query);
    let mut out = String::new();
    for hit in hits.iter().take(limit.unwrap_or(20)) {
        let claim = &digest.claims[hit.claim];
        out.push_str(&format!(
            "{} · {} · {} · score {}\n  {}\n",
            claim.id,
            export::plural(claim.article_count(), "article"),
            export::plural(claim.passage_count(), "passage"),
            hit.score,
            one_line(&claim.text)
        ));
        let matched = search.owner(hit.text).and_then(|o| o.passage);
        for r in &claim.support {
            let article = &corpus.articles[r.article];
            let passage = &article.passages[r.passage];
            out.push_str(&format!(
                "    - {} ({}): {}{}\n",
                one_line(&article.display_title()),
                newsdigest::text::printable_path(&article.path),
                one_line(article.passage_text(passage)),
                if matched == Some(*r) {
                    "  ← matched"
                } else {
                    ""
                }
            ));
        }
    }
    if hits.is_empty() {
        eprintln!(
            "newsdigest: no claim matches \"{}\"",
            newsdigest::text::escape_controls(query)
        );
    }
    print(&out)?;
    Ok(!hits.is_empty())
}

/// Prints the lines of a file that match a query, best first, one per
/// line, like `fzf --filter`. Returns whether any line matched.
pub fn run_search_lines(query: &str, file: &Path, limit: Option<usize>) -> Result<bool> {
    let bytes = std::fs::read(file)
        .with_context(|| format!("reading {}", newsdigest::text::printable_path(file)))?;
    let text = String::from_utf8_lossy(&bytes);
    let lines: Vec<&str> = text.lines().collect();
    let hits = newsdigest::search::rank_lines(&lines, query, limit);
    // A filter hands lines on as they are; only a terminal gets control
    // characters escaped.
    let stdout = io::stdout();
    let to_terminal = stdout.is_terminal();
    let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let written = hits.iter().try_for_each(|hit| {
        let line = lines.get(hit.item).copied().unwrap_or_default();
        if to_terminal {
            out.write_all(newsdigest::text::escape_controls(line).as_bytes())?;
        } else {
            out.write_all(line.as_bytes())?;
        }
        out.write_all(b"\n")
    });
    match written.and_then(|()| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
        other => other.context("writing to standard output")?,
    }
    Ok(!hits.is_empty())
}

/// Text on one line for the terminal: white space runs become one space,
/// control characters become visible escapes.
fn one_line(text: &str) -> String {
    newsdigest::text::escape_controls(&newsdigest::text::collapse_spaces(text)).into_owned()
}

/// Counts the texts an embedder failed on, when it can fail.
type EmbedderFailures = Option<Box<dyn Fn() -> usize>>;

/// The scorer asked for on the command line: built-in embedder by default.
fn scorer_options(
    lexical: bool,
    transformer: Option<&Path>,
) -> Result<(DigestOptions, EmbedderFailures)> {
    Ok(match transformer {
        Some(dir) => transformer_options(dir)?,
        None if lexical => (DigestOptions::lexical(), None),
        None => (DigestOptions::default(), None),
    })
}

fn check_embedder(failures: EmbedderFailures) -> Result<()> {
    match failures.map_or(0, |count| count()) {
        0 => Ok(()),
        n => anyhow::bail!("the transformer could not embed {n} texts"),
    }
}

/// Word overlap with the full transformer's embedding cosine.
#[cfg(feature = "transformer")]
fn transformer_options(dir: &Path) -> Result<(DigestOptions, EmbedderFailures)> {
    use newsdigest::digest::{ScoreWeights, transformer::TransformerEmbedder};
    let cache = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .map(|c| c.join("newsdigest").join("transformer-embeddings"));
    let embedder = std::sync::Arc::new(
        TransformerEmbedder::load(dir, cache.as_deref()).with_context(|| {
            format!(
                "loading the transformer from {}",
                newsdigest::text::printable_path(dir)
            )
        })?,
    );
    let counter = std::sync::Arc::clone(&embedder);
    Ok((
        DigestOptions {
            weights: ScoreWeights::with_transformer(),
            embedder: Some(Box::new(embedder)),
            exhaustive_pairs: false,
        },
        Some(Box::new(move || counter.failures())),
    ))
}

#[cfg(not(feature = "transformer"))]
fn transformer_options(_dir: &Path) -> Result<(DigestOptions, EmbedderFailures)> {
    anyhow::bail!("this newsdigest was built without the `transformer` feature")
}
