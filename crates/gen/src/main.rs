//! The `broadsheet-gen` binary: parses the command line and writes the articles.
//!
//! Exit codes: 0 on success, 1 when writing fails, 2 on a bad command line.

use broadsheet_gen::cli::{self, Command, USAGE};
use broadsheet_gen::corpus::Corpus;
use std::io::Write as _;
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let (profile, out) = match cli::parse(std::env::args_os().skip(1)) {
        Ok(Command::Generate { profile, out }) => (profile, out),
        Ok(Command::Help) => {
            // Help is the requested output, so it goes to stdout where `| less` can page it.
            let mut stdout = std::io::stdout().lock();
            return match writeln!(stdout, "{USAGE}") {
                Ok(()) => ExitCode::SUCCESS,
                Err(_) => ExitCode::FAILURE,
            };
        }
        Err(error) => {
            eprintln!("broadsheet-gen: {error}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let started = Instant::now();
    let corpus = Corpus::new(profile);
    match broadsheet_gen::write_all(&corpus, &out) {
        Ok(summary) => {
            eprintln!(
                "broadsheet-gen: wrote {summary} to {} in {:.2} s",
                out.display(),
                started.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("broadsheet-gen: {error}");
            ExitCode::FAILURE
        }
    }
}
