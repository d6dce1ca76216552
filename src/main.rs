//! The `newsdigest` binary: parse arguments, pick a command, report errors.

#![forbid(unsafe_code)]

mod cli;
mod cli_ingest;
mod tui;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use clap::{CommandFactory, FromArgMatches};
use cli::{Cli, Command};
use newsdigest::{Digest, disputes};
use tui::keymap::{Keymap, KeymapProblem, default_keymap_toml, keys_help, keys_markdown};

/// The exit status of a broken keymap or a refused invocation.
const USAGE_ERROR: u8 = 2;

fn main() -> ExitCode {
    let launched = Instant::now();
    // `--help` lists the keys, generated from the action registry like the
    // help overlay, so the two cannot disagree.
    let matches = Cli::command().after_long_help(keys_help()).get_matches();
    let args = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    let static_model = args.static_model;
    fn model(
        static_model: bool,
        lexical: bool,
        transformer: &Option<Option<PathBuf>>,
    ) -> Result<cli::Model<'_>> {
        cli::Model::from_flags(
            static_model,
            lexical,
            transformer.as_ref().map(Option::as_deref),
        )
    }
    let result = match &args.command {
        Some(Command::Export {
            dir,
            format,
            transformer,
        }) => model(static_model, false, transformer)
            .and_then(|model| cli::run_export(dir.as_deref(), *format, model))
            .map(|()| true),
        Some(Command::Eval {
            gold,
            dir,
            verbose,
            lexical,
            threshold,
            learned,
            transformer,
        }) => model(static_model, *lexical, transformer).and_then(|model| {
            cli::run_eval(
                gold,
                dir.as_deref(),
                *verbose,
                cli::Scorer {
                    model,
                    learned: *learned,
                },
                *threshold,
            )
        }),
        Some(Command::Passages { dir }) => model(static_model, false, &None)
            .and_then(|model| cli::run_passages(dir.as_deref(), model))
            .map(|()| true),
        Some(Command::Similarity {
            pairs,
            lexical,
            signals,
            learned,
            decide,
            features,
            transformer,
        }) => {
            let output = if *decide {
                cli::SimilarityOutput::Decision
            } else if *features {
                cli::SimilarityOutput::Features
            } else if *signals {
                cli::SimilarityOutput::Signals
            } else {
                cli::SimilarityOutput::Score
            };
            model(static_model, *lexical, transformer).and_then(|model| {
                let scorer = cli::Scorer {
                    model,
                    learned: *learned,
                };
                cli::run_similarity(pairs, scorer, output)
            })
        }
        Some(Command::Search {
            query,
            dir,
            limit,
            lines,
        }) => match lines {
            Some(file) => cli::run_search_lines(query, file, *limit),
            None => model(static_model, false, &None)
                .and_then(|model| cli::run_search_claims(query, dir.as_deref(), *limit, model)),
        },
        Some(Command::Extract { source, timeout }) => {
            cli_ingest::run_extract(source, *timeout).map(|()| true)
        }
        Some(Command::Add {
            sources,
            into,
            feed,
            match_words,
            timeout,
        }) => cli_ingest::run_add(
            sources,
            into,
            feed.as_deref(),
            match_words.as_deref(),
            *timeout,
        ),
        Some(Command::Feed { source, timeout }) => cli_ingest::run_feed(source, *timeout),
        Some(Command::Keys { markdown, toml: _ }) => {
            let text = if *markdown {
                keys_markdown()
            } else {
                default_keymap_toml()
            };
            cli::print(&text).map(|()| true)
        }
        None => {
            let first_frame = args.exit_after_first_frame.then_some(launched);
            let model = if args.transformer {
                cli::Model::Transformer(None)
            } else if args.static_model {
                cli::Model::Static
            } else {
                cli::Model::Auto
            };
            return run_interface(
                args.dir.as_deref(),
                args.keymap.as_deref(),
                model,
                first_frame,
            );
        }
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("newsdigest: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// The user's keymap file: `--keymap PATH`, else the one in the config
/// folder when it exists.
fn user_keymap_path(flag: Option<&Path>) -> Option<PathBuf> {
    if let Some(path) = flag {
        return Some(path.to_path_buf());
    }
    let config = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    let path = config.join("newsdigest").join("keymap.toml");
    path.is_file().then_some(path)
}

/// Loads the keymap, or the list of everything wrong with it.
fn load_keymap(flag: Option<&Path>) -> Result<Keymap, Vec<String>> {
    let Some(path) = user_keymap_path(flag) else {
        return Keymap::defaults().map_err(render_problems);
    };
    let text =
        cli::read_flag_file(&path).map_err(|e| vec![format!("cannot read the keymap: {e:#}")])?;
    let name = newsdigest::text::printable_path(&path);
    Keymap::load(Some((&name, &text))).map_err(render_problems)
}

fn render_problems(problems: Vec<KeymapProblem>) -> Vec<String> {
    problems.iter().map(ToString::to_string).collect()
}

/// `exit_after_first_frame`: when the process started, to draw one frame,
/// exit and report the start-up times.
fn run_interface(
    dir: Option<&Path>,
    keymap_flag: Option<&Path>,
    model: cli::Model<'static>,
    exit_after_first_frame: Option<Instant>,
) -> ExitCode {
    let keymap = match load_keymap(keymap_flag) {
        Ok(keymap) => keymap,
        Err(problems) => {
            eprintln!("newsdigest: the keymap has {} problem(s):", problems.len());
            for problem in problems {
                eprintln!("  {problem}");
            }
            return ExitCode::from(USAGE_ERROR);
        }
    };
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        eprintln!(
            "newsdigest: the interface needs a terminal; `newsdigest export --format markdown` prints the digest"
        );
        return ExitCode::from(USAGE_ERROR);
    }
    match open_interface(dir, keymap, model, exit_after_first_frame) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("newsdigest: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn open_interface(
    dir: Option<&Path>,
    keymap: Keymap,
    model: cli::Model<'static>,
    exit_after_first_frame: Option<Instant>,
) -> Result<()> {
    let folder = cli::corpus_folder(dir);
    let label = folder.as_deref().map_or_else(
        || "the built-in articles".to_string(),
        newsdigest::text::printable_path,
    );
    // Checked before the screen changes, so a bad value reads as one line.
    cli::max_file_bytes()?;
    let theme = tui::theme::Theme::from_env();
    let app_keymap = keymap.clone();
    let load = move |loading: &tui::loading::Loading| -> Result<(tui::App, (Vec<String>, f64))> {
        let started = Instant::now();
        let (corpus, mut warnings) = cli::load_corpus_quietly(folder.as_deref(), &loading.files)?;
        let scorer = cli::Scorer {
            model,
            learned: false,
        };
        let options = cli::scorer_options_for(
            scorer,
            corpus.passage_count(),
            Some(loading.embedding.clone()),
            &mut |warning| warnings.push(warning),
        )?;
        loading.enter(tui::loading::Step::BuildingDigest);
        let digest = Digest::build_with(&corpus, &options);
        loading.enter(tui::loading::Step::FindingDisagreements);
        let disagreements = disputes::find(&corpus, &digest, &options);
        let digest_built = started.elapsed().as_secs_f64();
        loading.enter(tui::loading::Step::PreparingScreens);
        let area = ratatui::layout::Rect::new(0, 0, 80, 24);
        let app = tui::App::new(corpus, digest, disagreements, app_keymap, theme, area);
        Ok((app, (warnings, digest_built)))
    };
    let outcome = tui::run(
        &label,
        &keymap,
        &theme,
        load,
        exit_after_first_frame.is_some(),
    )
    .context("running the interface")?;
    // The terminal is back: the warnings about skipped files stay readable.
    let Some((warnings, digest_built)) = outcome else {
        return Ok(());
    };
    cli::print_warnings(&warnings);
    if let Some(launched) = exit_after_first_frame {
        eprintln!(
            "newsdigest: first frame drawn and terminal restored {:.1} ms after launch (articles loaded, digest and disagreements built in {:.1} ms)",
            launched.elapsed().as_secs_f64() * 1e3,
            digest_built * 1e3
        );
    }
    Ok(())
}
