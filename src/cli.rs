//! Command-line arguments and the commands that need no terminal.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use newsdigest::corpus::{LineKind, LoadError, LoadOptions, LoadProgress};
use newsdigest::digest::transformer::{EmbeddingProgress, Transformer, TransformerEmbedder};
use newsdigest::digest::{DigestOptions, reported_similarity, scored_sentence_pairs};
use newsdigest::files;
use newsdigest::search::ClaimSearch;
use newsdigest::text::printable_path;
use newsdigest::{Corpus, Digest, disputes, eval, export};

#[derive(Debug, Parser)]
#[command(
    name = "newsdigest",
    version,
    about = "Read how several outlets tell the same story, claim by claim.",
    after_help = "Without a command, newsdigest opens the interface on the articles of DIR; ? there lists the keys, and so does --help."
)]
pub struct Cli {
    /// Folder of articles (.txt, .md, saved .html pages). Default: ./articles, else the built-in articles.
    pub dir: Option<PathBuf>,
    /// Key bindings layered over the defaults. Default:
    /// $XDG_CONFIG_HOME/newsdigest/keymap.toml when it exists.
    #[arg(long, value_name = "PATH")]
    pub keymap: Option<PathBuf>,
    /// Draw the first frame, restore the terminal and exit, printing the
    /// start-up times to standard error (for benchmarks).
    #[arg(long, hide = true)]
    pub exit_after_first_frame: bool,
    /// Score claims with the static word-vector model alone: the fast path
    /// for very large folders, fewer paraphrases kept together.
    #[arg(long = "static", global = true)]
    pub static_model: bool,
    /// Score claims with the built-in MiniLM transformer however large the
    /// folder (by default a folder of more than 20,000 passages falls back
    /// to the static model on a cold start).
    #[arg(long, conflicts_with = "static_model")]
    pub transformer: bool,
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
        /// Score claims with the built-in transformer however large the
        /// folder, or with the packed model in DIR (scripts/pack_transformer.py).
        #[arg(long, value_name = "DIR", num_args = 0..=1)]
        transformer: Option<Option<PathBuf>>,
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
        /// Decide with the learned same-claim model (models/same-claim.json)
        /// instead of the hand-weighted score.
        #[arg(long)]
        learned: bool,
        /// Embed with the built-in MiniLM transformer however large the
        /// folder, or with the packed model in DIR (scripts/pack_transformer.py).
        #[arg(long, value_name = "DIR", num_args = 0..=1, conflicts_with = "lexical")]
        transformer: Option<Option<PathBuf>>,
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
        /// Lines of "sentence<TAB>sentence"; - reads standard input. Blank
        /// lines are skipped; a malformed line is reported by its number and
        /// not scored, and the exit status is then 1.
        #[arg(long)]
        pairs: PathBuf,
        /// Word overlap only, without the embedding model.
        #[arg(long)]
        lexical: bool,
        /// Also print each signal, before any guard: word cosine, containment, embedding cosine; then the guard.
        #[arg(long)]
        signals: bool,
        /// Score with the learned same-claim model (a probability) instead
        /// of the hand-weighted score.
        #[arg(long)]
        learned: bool,
        /// Print 1 where the digest would put the two sentences in one claim
        /// if they were alone in a story, 0 where not, instead of the score.
        #[arg(long, conflicts_with = "signals")]
        decide: bool,
        /// Print each pair's model features as a JSON line (for
        /// scripts/train-same-claim.py), with its guard.
        #[arg(long, hide = true, conflicts_with_all = ["signals", "decide"])]
        features: bool,
        /// Embed with the packed transformer in DIR (scripts/pack_transformer.py)
        /// instead of the built-in one.
        #[arg(long, value_name = "DIR", num_args = 0..=1, conflicts_with = "lexical")]
        transformer: Option<Option<PathBuf>>,
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
    /// Print a web page's article as Markdown with a front matter block
    /// (title, outlet, author, date, url).
    Extract {
        /// A saved .html file, or an http(s):// address to fetch.
        source: String,
        /// Give up on an address after this many seconds.
        #[arg(long, value_name = "SECS", default_value_t = 20, value_parser = clap::value_parser!(u64).range(1..))]
        timeout: u64,
    },
    /// Save articles as DIR/<slug>.md, never overwriting; says when a page is
    /// already there (same address: skipped) or a wire copy of one that is.
    Add {
        /// Saved .html files or http(s):// addresses, fetched in parallel.
        #[arg(required_unless_present = "feed")]
        sources: Vec<String>,
        /// Folder to save into; created when missing.
        #[arg(long, value_name = "DIR", default_value = "articles")]
        into: PathBuf,
        /// Add the items of this RSS, Atom or JSON feed (address or file).
        #[arg(long, value_name = "SOURCE")]
        feed: Option<String>,
        /// With --feed: only items whose title or summary has all these words.
        #[arg(long = "match", value_name = "WORDS", requires = "feed")]
        match_words: Option<String>,
        /// Give up on an address after this many seconds.
        #[arg(long, value_name = "SECS", default_value_t = 20, value_parser = clap::value_parser!(u64).range(1..))]
        timeout: u64,
    },
    /// List a feed's items: date, outlet, title, link.
    Feed {
        /// An RSS, Atom or JSON feed: an http(s):// address or a file.
        source: String,
        /// Give up on an address after this many seconds.
        #[arg(long, value_name = "SECS", default_value_t = 20, value_parser = clap::value_parser!(u64).range(1..))]
        timeout: u64,
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

/// The largest file any command reads: `NEWSDIGEST_MAX_FILE_MB`, else 64 MiB.
pub fn max_file_bytes() -> Result<u64> {
    files::max_file_bytes_from_env().map_err(anyhow::Error::msg)
}

/// Reads a file named by a flag as UTF-8 text, within the size limit;
/// pipes, devices and folders are refused by name.
pub fn read_flag_file(path: &Path) -> Result<String> {
    Ok(files::read_text_limited(path, max_file_bytes()?)?)
}

/// The folder to read: the one given, or `./articles`; `None` means the
/// built-in articles.
pub fn corpus_folder(dir: Option<&Path>) -> Option<PathBuf> {
    match dir {
        Some(dir) => Some(dir.to_path_buf()),
        None if Path::new("articles").is_dir() => Some(PathBuf::from("articles")),
        None => None,
    }
}

/// Loads the folder given, or `./articles`, or the built-in articles, and
/// prints the warnings about skipped files.
pub fn load_corpus(dir: Option<&Path>) -> Result<Corpus> {
    let (corpus, warnings) = load_corpus_quietly(dir, &LoadProgress::default())?;
    print_warnings(&warnings);
    Ok(corpus)
}

/// Loads like [`load_corpus`] but hands the warnings back instead of
/// printing them (the interface prints them once the terminal is back).
/// When no file could be read, the error lists why for each.
pub fn load_corpus_quietly(
    dir: Option<&Path>,
    progress: &LoadProgress,
) -> Result<(Corpus, Vec<String>)> {
    let options = LoadOptions {
        max_file_bytes: max_file_bytes()?,
    };
    let loaded = match corpus_folder(dir) {
        Some(dir) => Corpus::load_dir_with(&dir, &options, progress),
        None => Ok(Corpus::embedded()),
    };
    match loaded {
        Ok(corpus) => {
            let warnings = corpus.warnings.iter().map(ToString::to_string).collect();
            Ok((corpus, warnings))
        }
        Err(error) => {
            if let LoadError::NoReadableArticles { skipped, .. } = &error {
                let mut message = error.to_string();
                for warning in skipped {
                    message.push_str(&format!("\n  {warning}"));
                }
                anyhow::bail!(message);
            }
            Err(error.into())
        }
    }
}

/// Warnings about skipped files, on standard error (already printable:
/// [`newsdigest::corpus::LoadWarning`] escapes the file name).
pub fn print_warnings(warnings: &[String]) {
    for warning in warnings {
        eprintln!("newsdigest: warning: {warning}");
    }
}

/// Writes to stdout; a closed pipe (`| head`) ends quietly.
pub fn print(text: &str) -> Result<()> {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("writing to standard output"),
    }
}

pub fn run_export(dir: Option<&Path>, format: Format, model: Model) -> Result<()> {
    let (corpus, options, digest) = digest_of(dir, model)?;
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
    scorer: Scorer,
    threshold: Option<f32>,
) -> Result<bool> {
    let json = read_flag_file(gold_path)?;
    let gold = eval::Gold::from_json(&json).with_context(|| {
        format!(
            "{}: not a usable labelled sample",
            printable_path(gold_path)
        )
    })?;
    let corpus = load_corpus(dir)?;
    let mut options = corpus_options(scorer, &corpus)?;
    if let Some(threshold) = threshold {
        match options.model.as_mut() {
            Some(model) => model.threshold = threshold,
            None => options.weights.threshold = threshold,
        }
    }
    let digest = Digest::build_with(&corpus, &options);
    let report = eval::evaluate(&corpus, &digest, &gold);
    let mut out = format!("{}\n", report.summary());
    if verbose {
        let explanations = eval::explain_misses(&corpus, &digest, &report.misses);
        for (miss, why) in report.misses.iter().zip(explanations) {
            out.push_str(&format!("  {miss}\n"));
            // Why: the pair's score against the threshold, or its guard.
            if let Some(why) = why {
                out.push_str(&format!(
                    "      {why}; threshold {:.2}\n",
                    options.merge_threshold()
                ));
            }
        }
    }
    print(&out)?;
    Ok(report.cannot_link_joined == 0 && report.noise_offered == 0)
}

pub fn run_passages(dir: Option<&Path>, model: Model) -> Result<()> {
    let (corpus, _, digest) = digest_of(dir, model)?;
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
            let attribution = digest
                .voices()
                .attribution(newsdigest::PassageRef {
                    article: a,
                    passage: p.index,
                })
                .unwrap_or_default();
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

/// What `similarity` prints for each pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SimilarityOutput {
    Score,
    Signals,
    Decision,
    Features,
}

/// Prints one same-claim score (or decision) per pair of `pairs_path`,
/// skipping blank lines and reporting malformed ones. Returns whether every
/// line was a pair.
pub fn run_similarity(pairs_path: &Path, scorer: Scorer, output: SimilarityOutput) -> Result<bool> {
    let text = if pairs_path == Path::new("-") {
        let bytes = files::read_stream_limited(io::stdin().lock(), max_file_bytes()?)
            .context("reading pairs from standard input")?;
        files::text_of(bytes).map_err(|reason| anyhow::anyhow!("standard input {reason}"))?
    } else {
        read_flag_file(pairs_path)?
    };
    let source = if pairs_path == Path::new("-") {
        "standard input".to_string()
    } else {
        printable_path(pairs_path)
    };
    let mut pairs = Vec::new();
    let mut bad_lines = 0;
    for (number, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let columns: Vec<&str> = line.split('\t').collect();
        let problem = match columns.as_slice() {
            [a, b] if a.trim().is_empty() || b.trim().is_empty() => {
                Some("a sentence is empty".to_string())
            }
            [a, b] => {
                pairs.push((*a, *b));
                None
            }
            [_] => Some("expected two sentences separated by a tab, found no tab".to_string()),
            more => Some(format!(
                "expected two sentences separated by one tab, found {} columns",
                more.len()
            )),
        };
        if let Some(problem) = problem {
            bad_lines += 1;
            eprintln!(
                "newsdigest: {source} line {}: {problem}; not scored",
                number + 1
            );
        }
    }
    let distinct: std::collections::HashSet<&str> =
        pairs.iter().flat_map(|&(a, b)| [a, b]).collect();
    let options = scorer_options_for(scorer, distinct.len(), None, &mut |warning| {
        print_warnings(&[warning]);
    })?;
    let scored = scored_sentence_pairs(&pairs, &options);
    let threshold = options.merge_threshold();
    let mut out = String::new();
    for pair in scored {
        let (signals, guard) = (pair.signals, pair.guard);
        let similarity = reported_similarity(&signals, guard, threshold);
        match output {
            SimilarityOutput::Decision => {
                let joined = guard.is_none() && signals.merge_weight() >= threshold;
                out.push_str(if joined { "1" } else { "0" });
            }
            SimilarityOutput::Features => {
                out.push_str(&serde_json::to_string(&serde_json::json!({
                    "features": pair.features.values,
                    "guard": guard.map(|g| g.name()),
                    "score": signals.total,
                }))?)
            }
            SimilarityOutput::Score => out.push_str(&format!("{similarity:.4}")),
            SimilarityOutput::Signals => out.push_str(&format!(
                "{similarity:.4}\t{:.4}\t{:.4}\t{}\t{}",
                signals.cosine,
                signals.containment,
                signals
                    .semantic
                    .map_or("-".to_string(), |c| format!("{c:.4}")),
                guard.map_or("-", |g| g.name())
            )),
        }
        out.push('\n');
    }
    print(&out)?;
    if bad_lines > 0 {
        eprintln!(
            "newsdigest: {source}: {bad_lines} malformed {} not scored",
            if bad_lines == 1 { "line" } else { "lines" }
        );
    }
    Ok(bad_lines == 0)
}

/// Prints the claims that match a query, best first, with their sources;
/// the passage that matched best is marked. Returns whether anything matched.
pub fn run_search_claims(
    query: &str,
    dir: Option<&Path>,
    limit: Option<usize>,
    model: Model,
) -> Result<bool> {
    let (corpus, _, digest) = digest_of(dir, model)?;
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
                printable_path(&article.path),
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
    let bytes = files::read_limited(file, max_file_bytes()?)
        .map_err(|e| files::FileError::new(file, e.to_string()))?;
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

/// Which sentence model scores claims, as the flags ask.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Model<'a> {
    /// The built-in transformer, unless there are more texts than it embeds
    /// in about a minute on a cold start: then the static model, with a
    /// warning that says how to ask for the transformer.
    #[default]
    Auto,
    /// The static model alone (`--static`).
    Static,
    /// Word overlap alone (`--lexical`).
    Lexical,
    /// The built-in transformer (`None`) or a packed one, whatever the number
    /// of texts (`--transformer [DIR]`).
    Transformer(Option<&'a Path>),
}

impl<'a> Model<'a> {
    /// The model named by a command's flags; `--static` with another is refused.
    pub fn from_flags(
        static_model: bool,
        lexical: bool,
        transformer: Option<Option<&'a Path>>,
    ) -> Result<Model<'a>> {
        match (static_model, lexical, transformer) {
            (true, true, _) | (true, _, Some(_)) => anyhow::bail!(
                "--static cannot be used with --lexical or --transformer: each names the model to score with"
            ),
            (true, false, None) => Ok(Model::Static),
            (false, true, _) => Ok(Model::Lexical),
            (false, false, Some(dir)) => Ok(Model::Transformer(dir)),
            (false, false, None) => Ok(Model::Auto),
        }
    }
}

/// Passages the transformer embeds in about a minute on a cold start on a
/// two-core machine (BENCHMARKS.md, "The transformer by default"); past it
/// the default falls back to the static model. Cached vectors cost nothing,
/// but knowing how many are cached would mean reading them all first.
pub const TRANSFORMER_AUTO_LIMIT: usize = 20_000;

/// How pairs are scored and decided, as the flags ask.
#[derive(Debug, Clone, Copy, Default)]
pub struct Scorer<'a> {
    pub model: Model<'a>,
    pub learned: bool,
}

/// The digest's options for `texts` passages (or sentences): the model the
/// flags name, with the automatic choice made and said (`warn`); the
/// transformer counts its work into `progress`.
pub fn scorer_options_for(
    scorer: Scorer,
    texts: usize,
    progress: Option<Arc<EmbeddingProgress>>,
    warn: &mut dyn FnMut(String),
) -> Result<DigestOptions> {
    let model = match scorer.model {
        Model::Auto if texts > TRANSFORMER_AUTO_LIMIT => {
            warn(format!(
                "{texts} passages: scored with the fast static model, as the transformer would take minutes to read them the first time; --transformer asks for it anyway"
            ));
            Model::Static
        }
        Model::Auto => Model::Transformer(None),
        chosen => chosen,
    };
    let options = match model {
        Model::Transformer(dir) => transformer_options(dir, progress)?,
        Model::Lexical => DigestOptions::lexical(),
        Model::Static | Model::Auto => DigestOptions::default(),
    };
    let options = match (scorer.learned, model) {
        (false, _) => options,
        (true, Model::Transformer(_)) => {
            match newsdigest::digest::SameClaimModel::with_transformer() {
                Some(model) => DigestOptions {
                    model: Some(model.clone()),
                    ..options
                },
                None => anyhow::bail!(
                    "models/same-claim.json has no model for the transformer: scripts/train-same-claim.sh --transformer fits one"
                ),
            }
        }
        (true, _) => options.learned(),
    };
    Ok(options)
}

/// The folder's corpus and digest, scored with `model`.
fn digest_of(dir: Option<&Path>, model: Model) -> Result<(Corpus, DigestOptions, Digest)> {
    let corpus = load_corpus(dir)?;
    let scorer = Scorer {
        model,
        learned: false,
    };
    let options = corpus_options(scorer, &corpus)?;
    let digest = Digest::build_with(&corpus, &options);
    Ok((corpus, options, digest))
}

/// [`scorer_options_for`] for a corpus, its warning printed.
fn corpus_options(scorer: Scorer, corpus: &Corpus) -> Result<DigestOptions> {
    scorer_options_for(scorer, corpus.passage_count(), None, &mut |warning| {
        print_warnings(&[warning]);
    })
}

/// Where sentence vectors are cached: `$NEWSDIGEST_CACHE` when set and not
/// empty, else the user's cache folder; none when neither is known.
pub fn vector_cache() -> Option<PathBuf> {
    std::env::var_os("NEWSDIGEST_CACHE")
        .filter(|dir| !dir.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("XDG_CACHE_HOME")
                .map(PathBuf::from)
                .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
                .map(|c| c.join("newsdigest"))
        })
        .map(|c| c.join("sentence-vectors"))
}

/// Word overlap with the transformer's embedding cosine.
fn transformer_options(
    dir: Option<&Path>,
    progress: Option<Arc<EmbeddingProgress>>,
) -> Result<DigestOptions> {
    let model: Option<&'static Transformer> = match dir {
        None => None,
        // Loaded once for the life of the process, like the built-in one.
        Some(dir) => Some(Box::leak(Box::new(
            Transformer::load_dir(dir)
                .with_context(|| format!("loading the transformer from {}", printable_path(dir)))?,
        ))),
    };
    let embedder = |cache: Option<&Path>| match model {
        None => TransformerEmbedder::built_in(cache),
        Some(model) => TransformerEmbedder::new(model, cache),
    };
    let embedder = match embedder(vector_cache().as_deref()) {
        Ok(embedder) => embedder,
        Err(e) => {
            eprintln!("newsdigest: warning: {e}; sentence vectors are not cached");
            embedder(None)?
        }
    };
    let embedder = match progress {
        Some(progress) => embedder.counting_into(progress),
        None => embedder,
    };
    Ok(DigestOptions::with_transformer_embedder(embedder))
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsdigest::digest::ScoreWeights;

    fn chosen(model: Model, texts: usize) -> (f32, Vec<String>) {
        let mut warnings = Vec::new();
        let scorer = Scorer {
            model,
            learned: false,
        };
        let options =
            scorer_options_for(scorer, texts, None, &mut |w| warnings.push(w)).expect("options");
        (options.weights.threshold, warnings)
    }

    #[test]
    fn the_default_is_the_transformer_until_a_folder_is_too_large() {
        let transformer = ScoreWeights::with_transformer().threshold;
        let fixed = ScoreWeights::with_semantic().threshold;
        assert_ne!(
            transformer, fixed,
            "the two scorers are told apart by threshold"
        );
        assert_eq!(chosen(Model::Auto, 150), (transformer, vec![]));
        let (threshold, warnings) = chosen(Model::Auto, TRANSFORMER_AUTO_LIMIT + 1);
        assert_eq!(threshold, fixed);
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].contains("--transformer"), "{warnings:?}");
        let forced = chosen(Model::Transformer(None), TRANSFORMER_AUTO_LIMIT + 1);
        assert_eq!(forced, (transformer, vec![]));
        assert_eq!(chosen(Model::Static, 150), (fixed, vec![]));
    }

    #[test]
    fn static_with_another_model_is_refused() {
        assert!(Model::from_flags(true, true, None).is_err());
        assert!(Model::from_flags(true, false, Some(None)).is_err());
        assert_eq!(
            Model::from_flags(false, false, None).ok(),
            Some(Model::Auto)
        );
        assert_eq!(
            Model::from_flags(true, false, None).ok(),
            Some(Model::Static)
        );
    }
}
