//! Command-line parsing for the `broadsheet-gen` binary, by hand to stay dependency-free.

use crate::corpus::{Profile, MAX_COUNT, SAMPLE_COUNT, SAMPLE_SEED};
use std::ffi::OsString;
use std::fmt;
use std::path::PathBuf;

/// The longest story `--big-story` makes.
const MAX_BIG_STORY: usize = 10_000;

/// The help text, also printed after every usage error.
pub const USAGE: &str = "\
usage: broadsheet-gen --count N [--seed S] [--big-story K] --out DIR
       broadsheet-gen --sample --out DIR

Writes fictional news articles (YAML front matter) to DIR/<id>.md. The same arguments always
produce byte-identical files. Existing files with the same names are replaced; other files in
DIR are left alone.

options:
  --count N   how many articles to write, 1 to 10000000
  --seed S    any number from 0 to 18446744073709551615 (default 1); other seeds, other articles
  --big-story K
              make the first story K articles long (2 to 10000; stories are otherwise at
              most 30), for measuring a long story's page
  --out DIR   the folder to write to; created if missing
  --sample    write the bundled sample instead (72 articles, seed 20240601, ids sample-NNN-...);
              regenerate content/ with: rm content/sample-*.md, then
              cargo run -p broadsheet-gen -- --sample --out content
  -h, --help  print this help";

/// What the command line asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Write the set described by the profile to the folder.
    Generate {
        /// What to generate.
        profile: Profile,
        /// Where to write it.
        out: PathBuf,
    },
    /// Print [`USAGE`] and exit successfully.
    Help,
}

/// A command line that cannot be run; the message says what to change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageError(pub String);

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

fn error<T>(message: impl Into<String>) -> Result<T, UsageError> {
    Err(UsageError(message.into()))
}

/// Parses the arguments after the program name. Accepts `--flag value` and `--flag=value`.
///
/// # Errors
/// On unknown flags, missing or repeated flags, missing values, malformed numbers, a count
/// outside 1 to [`MAX_COUNT`], and `--sample` combined with `--count` or `--seed`.
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Command, UsageError> {
    let mut count: Option<usize> = None;
    let mut seed: Option<u64> = None;
    let mut big_story: Option<usize> = None;
    let mut out: Option<PathBuf> = None;
    let mut sample = false;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let Some(text) = arg.to_str() else {
            return error(format!("unexpected argument {arg:?}"));
        };
        let (flag, inline) = match text.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => {
                (flag.to_owned(), Some(OsString::from(value)))
            }
            _ => (text.to_owned(), None),
        };
        let mut value = |name: &str| match inline.clone().or_else(|| args.next()) {
            Some(v) => Ok(v),
            None => error(format!("{name} needs a value")),
        };
        match flag.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "--sample" if inline.is_none() => set(&mut sample, true, "--sample")?,
            "--count" => {
                let v = value("--count")?;
                let n = number(&v, "--count")?;
                let n = usize::try_from(n)
                    .ok()
                    .filter(|n| (1..=MAX_COUNT).contains(n));
                let Some(n) = n else {
                    return error(format!(
                        "--count must be from 1 to {MAX_COUNT}, not {}",
                        v.to_string_lossy()
                    ));
                };
                set(&mut count, Some(n), "--count")?;
            }
            "--seed" => {
                let v = value("--seed")?;
                set(&mut seed, Some(number(&v, "--seed")?), "--seed")?;
            }
            "--big-story" => {
                let v = value("--big-story")?;
                let k = usize::try_from(number(&v, "--big-story")?)
                    .ok()
                    .filter(|k| (2..=MAX_BIG_STORY).contains(k));
                let Some(k) = k else {
                    return error(format!(
                        "--big-story must be from 2 to {MAX_BIG_STORY}, not {}",
                        v.to_string_lossy()
                    ));
                };
                set(&mut big_story, Some(k), "--big-story")?;
            }
            "--out" => {
                let v = value("--out")?;
                if v.is_empty() {
                    return error("--out needs a folder name");
                }
                set(&mut out, Some(PathBuf::from(v)), "--out")?;
            }
            _ => return error(format!("unknown argument `{text}`")),
        }
    }
    let Some(out) = out else {
        return error("missing --out DIR");
    };
    let profile = if sample {
        if count.is_some() || seed.is_some() || big_story.is_some() {
            return error(format!(
                "--sample always writes {SAMPLE_COUNT} articles with seed {SAMPLE_SEED}; drop --count, --seed and --big-story"
            ));
        }
        Profile::sample()
    } else {
        let Some(count) = count else {
            return error("missing --count N (or use --sample)");
        };
        Profile {
            big_story: big_story.unwrap_or(0),
            ..Profile::bulk(count, seed.unwrap_or(1))
        }
    };
    Ok(Command::Generate { profile, out })
}

/// Stores `value` in `slot`, refusing a flag given twice: a repeated flag is more likely a typo
/// than an intent to override.
fn set<T: PartialEq + Default>(slot: &mut T, value: T, flag: &str) -> Result<(), UsageError> {
    if *slot != T::default() {
        return error(format!("{flag} given more than once"));
    }
    *slot = value;
    Ok(())
}

fn number(value: &OsString, flag: &str) -> Result<u64, UsageError> {
    let text = value.to_string_lossy();
    match text.parse::<u64>() {
        Ok(n) if !text.starts_with('+') => Ok(n),
        _ => error(format!("{flag} expects a whole number, not `{text}`")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str]) -> Result<Command, UsageError> {
        parse(args.iter().map(OsString::from))
    }

    #[test]
    fn parses_count_seed_and_out_in_both_spellings() {
        let expected = Command::Generate {
            profile: Profile::bulk(50, 9),
            out: PathBuf::from("x"),
        };
        assert_eq!(
            run(&["--count", "50", "--seed", "9", "--out", "x"]),
            Ok(expected.clone())
        );
        assert_eq!(run(&["--out=x", "--seed=9", "--count=50"]), Ok(expected));
    }

    #[test]
    fn seed_defaults_to_one() {
        let expected = Command::Generate {
            profile: Profile::bulk(5, 1),
            out: PathBuf::from("d"),
        };
        assert_eq!(run(&["--count", "5", "--out", "d"]), Ok(expected));
    }

    #[test]
    fn sample_mode_takes_only_out() {
        let expected = Command::Generate {
            profile: Profile::sample(),
            out: PathBuf::from("content"),
        };
        assert_eq!(run(&["--sample", "--out", "content"]), Ok(expected));
        assert!(run(&["--sample", "--count", "3", "--out", "c"]).is_err());
        assert!(run(&["--sample", "--seed", "3", "--out", "c"]).is_err());
    }

    #[test]
    fn big_story_sets_the_first_story_s_length() {
        let Ok(Command::Generate { profile, .. }) =
            run(&["--count", "500", "--big-story=200", "--out", "d"])
        else {
            panic!("parses");
        };
        assert_eq!(profile.big_story, 200);
        assert_eq!(profile.count, 500);
    }

    #[test]
    fn help_stops_parsing() {
        assert_eq!(run(&["--help", "--count", "x"]), Ok(Command::Help));
        assert_eq!(run(&["-h"]), Ok(Command::Help));
    }

    #[test]
    fn rejects_bad_command_lines_with_a_reason() {
        let cases: &[(&[&str], &str)] = &[
            (&[], "missing --out"),
            (&["--out", "d"], "missing --count"),
            (&["--count", "0", "--out", "d"], "from 1 to"),
            (&["--count", "10000001", "--out", "d"], "from 1 to"),
            (&["--count", "ten", "--out", "d"], "whole number"),
            (&["--count", "-3", "--out", "d"], "whole number"),
            (&["--count", "+3", "--out", "d"], "whole number"),
            (
                &["--seed", "1.5", "--count", "3", "--out", "d"],
                "whole number",
            ),
            (
                &["--count", "3", "--count", "4", "--out", "d"],
                "more than once",
            ),
            (&["--count", "3", "--out"], "needs a value"),
            (&["--count", "3", "--out", ""], "folder name"),
            (
                &["--count", "3", "--out", "d", "--verbose"],
                "unknown argument `--verbose`",
            ),
            (&["--sample=yes", "--out", "d"], "unknown argument"),
            (
                &["--count", "9", "--big-story", "1", "--out", "d"],
                "from 2 to 10000",
            ),
            (
                &["--count", "9", "--big-story", "10001", "--out", "d"],
                "from 2 to 10000",
            ),
            (
                &["--sample", "--big-story", "5", "--out", "d"],
                "drop --count",
            ),
        ];
        for (args, reason) in cases {
            match run(args) {
                Err(UsageError(message)) => {
                    assert!(message.contains(reason), "{args:?}: {message}");
                }
                Ok(command) => panic!("{args:?} parsed as {command:?}"),
            }
        }
    }
}
