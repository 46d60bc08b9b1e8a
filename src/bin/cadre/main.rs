//! `cadre`: people, posts, bodies and events from news about Vietnamese politics and defence, from the command
//! line. See `cadre --help`, and `cadre <command> --help` for each command's examples.

mod extract;
mod gazetteer;
mod html;
mod input;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "cadre",
    version,
    about = "Extract people, posts, bodies and events from English-language news about Vietnamese politics and defence",
    after_help = "Examples:\n  \
      cadre extract articles/ -o relations.jsonl      every .txt, .jsonl and .jsonl.gz under articles/\n  \
      cadre extract --format tsv article.txt          one relation per line\n  \
      cadre html article.txt -o article.html          the article with what was found marked\n  \
      cadre who \"To Lam\" --date 2024-11-27            an official's known posts, with sources"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Extract(extract::Args),
    Html(html::Args),
    #[command(subcommand)]
    Gazetteer(gazetteer::Command),
    Who(gazetteer::WhoArgs),
}

/// What every command that extracts shares: the publication date and the user's gazetteers.
#[derive(clap::Args, Clone)]
struct ExtractorArgs {
    /// Publication date of articles that give none (a JSON line's "published" wins); relative dates
    /// ("on Wednesday", "last May") resolve against it.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = input::parse_day)]
    published: Option<(i32, u32, u32)>,
    /// A gazetteer file added to the defaults; its table is told by its name (officials.tsv, my-posts.tsv,
    /// extra_organisations.tsv …) or given as KIND=FILE (kinds: officials, posts, organisations, bodies,
    /// references, places, demonyms, titles, ranks, family_names, events, cues, grammar). Repeatable.
    #[arg(long = "gazetteer", value_name = "FILE")]
    gazetteers: Vec<String>,
    /// Decode HTML character references (T&ocirc; L&acirc;m) before extracting.
    #[arg(long)]
    html_entities: bool,
}

impl ExtractorArgs {
    /// The extractor: the defaults, plus the user's gazetteers.
    fn extractor(&self) -> Result<cadre::Extractor, String> {
        gazetteer::extractor(&self.gazetteers)
    }

    fn options(&self, published: Option<(i32, u32, u32)>) -> cadre::ExtractOptions {
        cadre::ExtractOptions {
            published: published.or(self.published),
            html_entities: self.html_entities,
        }
    }
}

/// How a command ended.
enum Outcome {
    /// Everything went well.
    Done,
    /// Some input was bad (reported on standard error); the rest was processed.
    SomeBad,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(a) => extract::run(a),
        Command::Html(a) => html::run(a),
        Command::Gazetteer(c) => gazetteer::run(c),
        Command::Who(a) => gazetteer::who(a),
    };
    match result {
        Ok(Outcome::Done) => ExitCode::SUCCESS,
        Ok(Outcome::SomeBad) => ExitCode::FAILURE,
        Err(message) => {
            eprintln!("cadre: {message}");
            ExitCode::FAILURE
        }
    }
}

/// An output file, or standard output.
fn output(path: Option<&PathBuf>) -> Result<Box<dyn std::io::Write + Send>, String> {
    Ok(match path {
        Some(p) if p.as_os_str() != "-" => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).map_err(|e| format!("{}: {e}", p.display()))?,
        )),
        _ => Box::new(std::io::BufWriter::new(std::io::stdout())),
    })
}
