//! `cadre html`: a page a person can read for each article, and an index when there are several.

use crate::input::{self, Articles};
use crate::{ExtractorArgs, Outcome};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Write a self-contained HTML page of an article: its text with every mention marked by kind, and the
/// relations found, whose rows highlight their words in the text.
///
/// One article gives one page (to -o FILE, or standard output). Several articles (a directory, a JSON Lines
/// file) give one page each, named after the article's id, and index.html, in the directory -o names.
#[derive(clap::Args)]
#[command(after_help = "Examples:\n  \
    cadre html tests/fixtures/000_54a48af19f17b4c9.txt -o article.html\n  \
    cadre html tests/fixtures/dev/ -o pages/        pages/index.html and a page per article")]
pub struct Args {
    /// Articles: text files, JSON Lines files, directories; `-` for standard input.
    #[arg(value_name = "ARTICLE", required = true)]
    paths: Vec<PathBuf>,
    /// The page to write (one article), or the directory for the pages (several).
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
    #[command(flatten)]
    extractor: ExtractorArgs,
}

pub fn run(args: Args) -> Result<Outcome, String> {
    let ex = args.extractor.extractor()?;
    let (sources, walk_errors) = input::sources(&args.paths, &[]);
    let mut bad = !walk_errors.is_empty();
    for e in &walk_errors {
        eprintln!("cadre: {e}");
    }
    let mut articles = Vec::new();
    for a in Articles::new(sources) {
        match a {
            Ok(a) => articles.push(a),
            Err(e) => {
                eprintln!("cadre: {e}");
                bad = true;
            }
        }
    }
    let several = articles.len() > 1 || args.output.as_deref().is_some_and(Path::is_dir);
    if !several {
        if let Some(a) = articles.first() {
            let doc = ex.extract_with(&a.text, &args.extractor.options(a.published));
            let page = cadre::html::page(&a.id, &a.text, &doc);
            let mut out = crate::output(args.output.as_ref())?;
            out.write_all(page.as_bytes())
                .and_then(|()| out.flush())
                .map_err(|e| format!("writing the page: {e}"))?;
        }
    } else {
        let Some(dir) = &args.output else {
            return Err(format!(
                "{} articles give a page each: name a directory for them with -o DIR",
                articles.len()
            ));
        };
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let mut names = Vec::new();
        for a in &articles {
            let doc = ex.extract_with(&a.text, &args.extractor.options(a.published));
            let name = file_name(&a.id, &names);
            write(&dir.join(&name), &cadre::html::page(&a.id, &a.text, &doc))?;
            names.push((name, a.id.clone(), doc));
        }
        let entries: Vec<cadre::html::IndexEntry> = names
            .iter()
            .map(|(href, title, doc)| cadre::html::IndexEntry {
                href,
                title,
                persons: doc.persons.len(),
                relations: doc.relations.len(),
                events: doc.events.len(),
            })
            .collect();
        write(
            &dir.join("index.html"),
            &cadre::html::index("Articles", &entries),
        )?;
        eprintln!(
            "cadre: {} pages and index.html in {}",
            articles.len(),
            dir.display()
        );
    }
    Ok(if bad { Outcome::SomeBad } else { Outcome::Done })
}

/// A safe file name for an article's page: its id with anything but letters, digits, `-`, `_` and `.` replaced,
/// made unique among the names taken (and never `index.html`).
fn file_name(id: &str, taken: &[(String, String, cadre::Document)]) -> String {
    let mut stem: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .take(100)
        .collect();
    if stem.is_empty() || stem == "index" {
        stem.insert(0, '_');
    }
    let mut name = format!("{stem}.html");
    let mut n = 2;
    while taken.iter().any(|(t, _, _)| *t == name) {
        name = format!("{stem}-{n}.html");
        n += 1;
    }
    name
}

fn write(path: &Path, page: &str) -> Result<(), String> {
    std::fs::write(path, page).map_err(|e| format!("{}: {e}", path.display()))
}
