//! The `newsdigest` binary: parse arguments, pick a command, report errors.

#![forbid(unsafe_code)]

mod cli;

use std::process::ExitCode;

use clap::Parser;
use cli::{Cli, Command};

fn main() -> ExitCode {
    let args = Cli::parse();
    let result = match args.command {
        Some(Command::Export { dir, format }) => {
            cli::run_export(dir.as_deref(), format).map(|()| true)
        }
        Some(Command::Eval {
            gold,
            dir,
            verbose,
            lexical,
            threshold,
            transformer,
        }) => cli::run_eval(
            &gold,
            dir.as_deref(),
            verbose,
            lexical,
            threshold,
            transformer.as_deref(),
        ),
        Some(Command::Passages { dir }) => cli::run_passages(dir.as_deref()).map(|()| true),
        Some(Command::Similarity {
            pairs,
            lexical,
            signals,
            transformer,
        }) => cli::run_similarity(&pairs, lexical, signals, transformer.as_deref()).map(|()| true),
        None => cli::run_export(args.dir.as_deref(), cli::Format::Markdown).map(|()| true),
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
