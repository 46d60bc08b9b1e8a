//! `cadre gazetteer stats|check` and `cadre who`: what the gazetteers hold, whether a user's file is well formed,
//! and what they know of one official.

use crate::Outcome;
use cadre::{Extractor, Gazetteer, PartialDate};
use std::path::PathBuf;

/// What the gazetteers hold, and whether a gazetteer file of yours is well formed.
#[derive(clap::Subcommand)]
pub enum Command {
    /// Count the entries of every table (officials, posts with a source, organisations, places …).
    Stats {
        /// A gazetteer file added to the defaults before counting (see `cadre extract --help`). Repeatable.
        #[arg(long = "gazetteer", value_name = "FILE")]
        gazetteers: Vec<String>,
    },
    /// Check gazetteer files: each is loaded with the defaults, and every malformed line is reported with its file
    /// and line number.
    #[command(after_help = "Examples:\n  \
        cadre gazetteer check my-officials.tsv my-posts.tsv\n  \
        cadre gazetteer check --kind posts corrections.tsv")]
    Check {
        /// The files; each one's table is told by its name (my-officials.tsv) unless --kind gives it.
        #[arg(value_name = "FILE", required = true)]
        files: Vec<PathBuf>,
        /// The table the files hold: officials, posts, organisations, bodies, references, places, demonyms,
        /// titles, ranks, family_names, events, cues, grammar.
        #[arg(long, value_name = "KIND", value_parser = parse_kind)]
        kind: Option<Gazetteer>,
    },
}

/// Show the posts the gazetteers know for an official, with their public sources.
#[derive(clap::Args)]
#[command(after_help = "Examples:\n  \
    cadre who \"Tô Lâm\"\n  \
    cadre who \"Pham Minh Chinh\" --date 2024-11-27\n  \
    cadre who to-lam --json")]
pub struct WhoArgs {
    /// A name (with or without diacritics), an alias or a gazetteer id.
    name: String,
    /// Only the posts held on this date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    date: Option<PartialDate>,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
    /// A gazetteer file added to the defaults (see `cadre extract --help`). Repeatable.
    #[arg(long = "gazetteer", value_name = "FILE")]
    gazetteers: Vec<String>,
}

/// A table kind by name (`officials`, `family_names`, `family-names`).
fn parse_kind(s: &str) -> Result<Gazetteer, String> {
    Gazetteer::named(s).ok_or_else(|| format!("no gazetteer table is called {s:?}"))
}

/// `KIND=FILE`, or a file whose name tells its table.
pub fn kind_and_path(arg: &str) -> Result<(Gazetteer, PathBuf), String> {
    Gazetteer::for_argument(arg)
        .map(|(k, path)| (k, PathBuf::from(path)))
        .ok_or_else(|| {
            format!(
                "{arg}: which table is it? Name the file after one (my-officials.tsv, extra_posts.tsv) or write \
                 KIND=FILE (officials=people.tsv)"
            )
        })
}

/// The default gazetteers plus the user's files (`--gazetteer`).
pub fn extractor(gazetteers: &[String]) -> Result<Extractor, String> {
    let mut b = Extractor::builder();
    for g in gazetteers {
        let (kind, path) = kind_and_path(g)?;
        b = b.gazetteer_file(kind, path);
    }
    b.build().map_err(|e| e.to_string())
}

pub fn run(command: Command) -> Result<Outcome, String> {
    match command {
        Command::Stats { gazetteers } => {
            for (name, n) in extractor(&gazetteers)?.stats() {
                println!("{name:>22}  {n}");
            }
            Ok(Outcome::Done)
        }
        Command::Check { files, kind } => {
            let mut bad = false;
            for f in &files {
                let shown = f.display().to_string();
                let kind = match kind.map_or_else(|| kind_and_path(&shown).map(|k| k.0), Ok) {
                    Ok(k) => k,
                    Err(e) => {
                        eprintln!("cadre: {e}");
                        bad = true;
                        continue;
                    }
                };
                match Extractor::builder().gazetteer_file(kind, f).build() {
                    Ok(_) => println!("{shown}: ok ({})", kind.default_file_name()),
                    Err(e) => {
                        eprintln!("cadre: {e}");
                        bad = true;
                    }
                }
            }
            Ok(if bad { Outcome::SomeBad } else { Outcome::Done })
        }
    }
}

pub fn who(args: WhoArgs) -> Result<Outcome, String> {
    let ex = extractor(&args.gazetteers)?;
    let mut found = ex.officials(&args.name);
    if found.is_empty() {
        return Err(format!("the gazetteers know no official {:?}", args.name));
    }
    if let Some(date) = args.date {
        for o in &mut found {
            o.posts = ex.known_posts(&o.id, date);
        }
    }
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&found).expect("officials serialise")
        );
        return Ok(Outcome::Done);
    }
    for (i, o) in found.iter().enumerate() {
        if i > 0 {
            println!();
        }
        let mut head = format!("{} ({})", o.name, o.id);
        if let Some(r) = &o.rank {
            head += &format!(", {r}");
        }
        if let Some(b) = o.born {
            head += &format!(", born {b}");
        }
        println!("{head}");
        if o.posts.is_empty() {
            match args.date {
                Some(d) => println!("  no known post on {d}"),
                None => println!("  no known post"),
            }
        }
        for p in &o.posts {
            let when = |d: Option<PartialDate>| d.map_or(String::from("?"), |d| d.to_string());
            let to = p.to.map_or(String::from("…"), |d| d.to_string());
            let post = match &p.organisation {
                Some(org) => format!("{}, {org}", p.role),
                None => p.role.clone(),
            };
            println!("  {:>10} – {:<10}  {post}", when(p.from), to);
            println!("  {:>10}   source: {}", "", p.source);
        }
    }
    Ok(Outcome::Done)
}
