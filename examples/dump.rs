//! Dumps what cadre extracts from texts.
//!
//! ```text
//! cargo run --release --example dump -- [--format json|jsonl|tsv] [--html] [FILE.txt ... | --jsonl INPUT.jsonl | -]
//! ```
//!
//! - `FILE.txt`: one text per file; its id is the file stem.
//! - `--jsonl INPUT.jsonl`: one `{"id", "text", "published"?}` object per line.
//! - `-` (or nothing): the text on standard input, id `stdin`.
//! - `--html`: decode HTML character references (`T&ocirc; L&acirc;m`) before extracting.
//!
//! `--format jsonl` (the default) prints one object per document in the shape the scorer reads
//! (`../shared/eval/OUTPUT.md`); `json` pretty-prints the full [`cadre::Document`]s with ids; `tsv` prints one
//! relation per line: id, person, role, organisation, event kind, event date, past.
//!
//! Files are read and written one document at a time; JSON Lines in batches of 256 documents, extracted on every
//! core (`Extractor::extract_batch_with`) and written in input order. Memory is bounded by the largest document
//! or batch, not the corpus.
//!
//! A file that cannot be read, or is not UTF-8, a malformed input line or an invalid `published` date is reported
//! on standard error with file and line; a read error stops that input; the rest is processed, and the exit status
//! is 1 at the end. A write error stops the dump with a message and status 1; a closed pipe (`| head`) stops it
//! quietly.

use cadre::{Document, ExtractOptions, Extractor};
use serde_json::{Value, json};
use std::ffi::OsString;
use std::io::{BufRead, Read, Write};
use std::process::ExitCode;

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Json,
    Jsonl,
    Tsv,
}

/// A `published` value: `YYYY-MM-DD`, a day of the calendar.
fn parse_date(s: &str) -> Result<(i32, u32, u32), String> {
    let bad = || format!("published {s:?} is not a date YYYY-MM-DD");
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return Err(bad());
    }
    let (y, m, d) = (
        s[..4].parse::<i32>().map_err(|_| bad())?,
        s[5..7].parse::<u32>().map_err(|_| bad())?,
        s[8..10].parse::<u32>().map_err(|_| bad())?,
    );
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if !(1..=12).contains(&m) || d == 0 || d > days[m as usize - 1] {
        return Err(format!("published {s:?} is no day of the calendar"));
    }
    Ok((y, m, d))
}

fn usage() -> ExitCode {
    eprintln!(
        "usage: dump [--format json|jsonl|tsv] [--html] [FILE.txt ... | --jsonl INPUT.jsonl | -]"
    );
    ExitCode::from(2)
}

/// Why the dump stopped early.
enum Stop {
    /// Standard output was closed (`| head`): stop quietly.
    Closed,
    /// Writing failed otherwise.
    Write(std::io::Error),
}

/// Writes one document in the chosen format.
struct Writer<W: Write> {
    out: W,
    format: Format,
    first: bool,
}

impl<W: Write> Writer<W> {
    fn start(&mut self) -> Result<(), Stop> {
        match self.format {
            Format::Tsv => writeln!(
                self.out,
                "id\tperson\trole\torganisation\tevent_kind\tevent_date\tpast"
            ),
            Format::Json => write!(self.out, "["),
            Format::Jsonl => Ok(()),
        }
        .map_err(stop)
    }

    fn document(&mut self, id: &str, doc: &Document) -> Result<(), Stop> {
        match self.format {
            Format::Jsonl => writeln!(self.out, "{}", scorer_json(id, doc)),
            Format::Json => {
                let item = serde_json::to_string_pretty(&json!({"id": id, "document": doc}))
                    .expect("documents serialise");
                let sep = if self.first { "\n" } else { ",\n" };
                self.first = false;
                write!(self.out, "{sep}{item}")
            }
            Format::Tsv => write_tsv(&mut self.out, id, doc),
        }
        .map_err(stop)
    }

    fn finish(&mut self) -> Result<(), Stop> {
        if self.format == Format::Json {
            writeln!(self.out, "\n]").map_err(stop)?;
        }
        self.out.flush().map_err(stop)
    }
}

fn stop(e: std::io::Error) -> Stop {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        Stop::Closed
    } else {
        Stop::Write(e)
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(Stop::Closed) => ExitCode::SUCCESS,
        Err(Stop::Write(e)) => {
            eprintln!("dump: writing the output: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Runs the dump; `Ok(false)` when some input was reported as bad.
/// How many JSON Lines documents are extracted together.
const BATCH: usize = 256;

fn run() -> Result<bool, Stop> {
    let mut format = Format::Jsonl;
    let mut files: Vec<OsString> = Vec::new();
    let mut jsonl: Vec<OsString> = Vec::new();
    let mut html_entities = false;
    let mut args = std::env::args_os().skip(1);
    while let Some(a) = args.next() {
        match a.to_str() {
            Some("--format") => {
                format = match args.next().as_deref().and_then(|f| f.to_str()) {
                    Some("json") => Format::Json,
                    Some("jsonl") => Format::Jsonl,
                    Some("tsv") => Format::Tsv,
                    _ => {
                        usage();
                        return Ok(false);
                    }
                }
            }
            Some("--jsonl") => match args.next() {
                Some(p) => jsonl.push(p),
                None => {
                    usage();
                    return Ok(false);
                }
            },
            Some("--html") => html_entities = true,
            Some("-h" | "--help") => {
                usage();
                return Ok(true);
            }
            _ => files.push(a),
        }
    }
    let ex = Extractor::default_ref();
    let stdout = std::io::stdout();
    let mut w = Writer {
        out: std::io::BufWriter::new(stdout.lock()),
        format,
        first: true,
    };
    w.start()?;
    let mut ok = true;
    let emit = |w: &mut Writer<_>, id: &str, text: &str, published| {
        let options = ExtractOptions {
            published,
            html_entities,
        };
        let doc = ex.extract_with(text, &options);
        w.document(id, &doc)
    };
    for path in files.iter().filter(|f| f.as_os_str() != "-") {
        let shown = path.to_string_lossy();
        match std::fs::read(path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => {
                    let id = std::path::Path::new(path)
                        .file_stem()
                        .map_or(shown.clone().into_owned(), |s| {
                            s.to_string_lossy().into_owned()
                        });
                    emit(&mut w, &id, &text, None)?;
                }
                Err(e) => {
                    eprintln!(
                        "dump: {shown}: not valid UTF-8 (at byte {})",
                        e.utf8_error().valid_up_to()
                    );
                    ok = false;
                }
            },
            Err(e) => {
                eprintln!("dump: {shown}: {e}");
                ok = false;
            }
        }
    }
    // JSON Lines are extracted in batches on every core (`Extractor::extract_batch_with`), written in input order;
    // a batch bounds the memory held.
    let mut batch: Vec<(String, (String, ExtractOptions))> = Vec::new();
    let flush = |w: &mut Writer<_>, batch: &mut Vec<(String, (String, ExtractOptions))>| {
        let (ids, docs): (Vec<String>, Vec<(String, ExtractOptions)>) = batch.drain(..).unzip();
        for (id, doc) in ids.iter().zip(ex.extract_batch_with(&docs)) {
            w.document(id, &doc)?;
        }
        Ok::<(), Stop>(())
    };
    for path in &jsonl {
        let shown = path.to_string_lossy();
        let file = match std::fs::File::open(path) {
            Ok(f) => f,
            Err(e) => {
                eprintln!("dump: {shown}: {e}");
                ok = false;
                continue;
            }
        };
        for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
            let line = match line {
                Ok(l) => l,
                Err(e) => {
                    // A read error (a directory, a failing disk, invalid UTF-8) stops this input.
                    eprintln!("dump: {shown}:{}: {e}", n + 1);
                    ok = false;
                    break;
                }
            };
            if line.trim().is_empty() {
                continue;
            }
            let v: Value = match serde_json::from_str(&line) {
                Ok(v) => v,
                Err(e) => {
                    eprintln!("dump: {shown}:{}: not JSON: {e}", n + 1);
                    ok = false;
                    continue;
                }
            };
            let (Some(id), Some(text)) = (v["id"].as_str(), v["text"].as_str()) else {
                eprintln!(
                    "dump: {shown}:{}: needs string fields \"id\" and \"text\"",
                    n + 1
                );
                ok = false;
                continue;
            };
            let published = match &v["published"] {
                Value::Null => None,
                Value::String(s) => match parse_date(s) {
                    Ok(d) => Some(d),
                    Err(m) => {
                        eprintln!("dump: {shown}:{}: {m}; extracted without it", n + 1);
                        ok = false;
                        None
                    }
                },
                other => {
                    eprintln!(
                        "dump: {shown}:{}: published {other} is not a string; extracted without it",
                        n + 1
                    );
                    ok = false;
                    None
                }
            };
            let options = ExtractOptions {
                published,
                html_entities,
            };
            batch.push((id.to_owned(), (text.to_owned(), options)));
            if batch.len() == BATCH {
                flush(&mut w, &mut batch)?;
            }
        }
    }
    flush(&mut w, &mut batch)?;
    if (files.is_empty() && jsonl.is_empty()) || files.iter().any(|f| f.as_os_str() == "-") {
        let mut bytes = Vec::new();
        if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
            eprintln!("dump: standard input: {e}");
            ok = false;
        } else {
            match String::from_utf8(bytes) {
                Ok(text) => emit(&mut w, "stdin", &text, None)?,
                Err(e) => {
                    eprintln!(
                        "dump: standard input: not valid UTF-8 (at byte {})",
                        e.utf8_error().valid_up_to()
                    );
                    ok = false;
                }
            }
        }
    }
    w.finish()?;
    Ok(ok)
}

/// The document in the scorer's shape (OUTPUT.md): relations by name, events by id.
fn scorer_json(id: &str, doc: &Document) -> String {
    serde_json::to_string(&cadre::output::Record::new(id, doc)).expect("records serialise")
}

fn write_tsv(out: &mut impl Write, id: &str, doc: &Document) -> std::io::Result<()> {
    for r in &doc.relations {
        let org = r
            .organisation
            .map_or("", |o| doc.organisations[o].name.as_str());
        let (kind, date) = r.event.map_or(("", ""), |e| {
            (
                doc.events[e].kind.name(),
                doc.events[e].date.as_deref().unwrap_or(""),
            )
        });
        writeln!(
            out,
            "{id}\t{}\t{}\t{org}\t{kind}\t{date}\t{}",
            doc.persons[r.person].name, r.role, r.past
        )?;
    }
    Ok(())
}
