//! Dumps what cadre extracts from texts.
//!
//! ```text
//! cargo run --release --example dump -- [--format json|jsonl|tsv] [FILE.txt ... | --jsonl INPUT.jsonl | -]
//! ```
//!
//! - `FILE.txt`: one text per file; its id is the file stem.
//! - `--jsonl INPUT.jsonl`: one `{"id", "text", "published"?}` object per line.
//! - `-` (or nothing): the text on standard input, id `stdin`.
//!
//! `--format jsonl` (the default) prints one object per document in the shape the scorer reads
//! (`../shared/eval/OUTPUT.md`); `json` pretty-prints the full [`cadre::Document`]s with ids; `tsv` prints one
//! relation per line: id, person, role, organisation, event kind, event date, past.
//!
//! A file that cannot be read, or is not UTF-8, or a malformed input line, is reported on standard error; the
//! rest is processed, and the exit status is 1 at the end.

use cadre::{Document, ExtractOptions, Extractor};
use serde_json::{Value, json};
use std::io::{BufRead, Read, Write};
use std::process::ExitCode;

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Json,
    Jsonl,
    Tsv,
}

struct Input {
    id: String,
    text: String,
    published: Option<(i32, u32, u32)>,
}

fn parse_date(s: &str) -> Option<(i32, u32, u32)> {
    let mut it = s.get(..10)?.split('-');
    Some((
        it.next()?.parse().ok()?,
        it.next()?.parse().ok()?,
        it.next()?.parse().ok()?,
    ))
}

fn usage() -> ExitCode {
    eprintln!("usage: dump [--format json|jsonl|tsv] [FILE.txt ... | --jsonl INPUT.jsonl | -]");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let mut format = Format::Jsonl;
    let mut files = Vec::new();
    let mut jsonl = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--format" => {
                format = match args.next().as_deref() {
                    Some("json") => Format::Json,
                    Some("jsonl") => Format::Jsonl,
                    Some("tsv") => Format::Tsv,
                    _ => return usage(),
                }
            }
            "--jsonl" => match args.next() {
                Some(p) => jsonl.push(p),
                None => return usage(),
            },
            "-h" | "--help" => {
                usage();
                return ExitCode::SUCCESS;
            }
            _ => files.push(a),
        }
    }
    let mut failed = false;
    let mut inputs: Vec<Input> = Vec::new();
    for path in &files {
        if path == "-" {
            continue;
        }
        match std::fs::read(path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => {
                    let id = std::path::Path::new(path)
                        .file_stem()
                        .map_or(path.clone(), |s| s.to_string_lossy().into_owned());
                    inputs.push(Input {
                        id,
                        text,
                        published: None,
                    });
                }
                Err(e) => {
                    eprintln!(
                        "dump: {path}: not valid UTF-8 (at byte {})",
                        e.utf8_error().valid_up_to()
                    );
                    failed = true;
                }
            },
            Err(e) => {
                eprintln!("dump: {path}: {e}");
                failed = true;
            }
        }
    }
    for path in &jsonl {
        let file = match std::fs::File::open(path) {
            Ok(f) => f,
            Err(e) => {
                eprintln!("dump: {path}: {e}");
                failed = true;
                continue;
            }
        };
        for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
            let line = match line {
                Ok(l) => l,
                Err(e) => {
                    eprintln!("dump: {path}:{}: {e}", n + 1);
                    failed = true;
                    continue;
                }
            };
            if line.trim().is_empty() {
                continue;
            }
            let v: Value = match serde_json::from_str(&line) {
                Ok(v) => v,
                Err(e) => {
                    eprintln!("dump: {path}:{}: not JSON: {e}", n + 1);
                    failed = true;
                    continue;
                }
            };
            let (Some(id), Some(text)) = (v["id"].as_str(), v["text"].as_str()) else {
                eprintln!(
                    "dump: {path}:{}: needs string fields \"id\" and \"text\"",
                    n + 1
                );
                failed = true;
                continue;
            };
            let published = v["published"].as_str().and_then(parse_date);
            inputs.push(Input {
                id: id.to_owned(),
                text: text.to_owned(),
                published,
            });
        }
    }
    if (files.is_empty() && jsonl.is_empty()) || files.iter().any(|f| f == "-") {
        let mut bytes = Vec::new();
        if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
            eprintln!("dump: standard input: {e}");
            return ExitCode::FAILURE;
        }
        match String::from_utf8(bytes) {
            Ok(text) => inputs.push(Input {
                id: "stdin".to_owned(),
                text,
                published: None,
            }),
            Err(e) => {
                eprintln!(
                    "dump: standard input: not valid UTF-8 (at byte {})",
                    e.utf8_error().valid_up_to()
                );
                failed = true;
            }
        }
    }

    let ex = Extractor::default_ref();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if format == Format::Tsv {
        let _ = writeln!(
            out,
            "id\tperson\trole\torganisation\tevent_kind\tevent_date\tpast"
        );
    }
    let mut pretty = Vec::new();
    for input in &inputs {
        let doc = ex.extract_with(
            &input.text,
            &ExtractOptions {
                published: input.published,
            },
        );
        let written = match format {
            Format::Jsonl => writeln!(out, "{}", scorer_json(&input.id, &doc)),
            Format::Json => {
                pretty.push(json!({"id": input.id, "document": doc}));
                Ok(())
            }
            Format::Tsv => write_tsv(&mut out, &input.id, &doc),
        };
        if written.is_err() {
            return ExitCode::FAILURE;
        }
    }
    if format == Format::Json {
        let _ = writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&pretty).expect("documents serialise")
        );
    }
    if out.flush().is_err() {
        return ExitCode::FAILURE;
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// The document in the scorer's shape (OUTPUT.md): relations by name, events by id.
fn scorer_json(id: &str, doc: &Document) -> Value {
    let spans = |m: &[cadre::Span]| {
        m.iter()
            .map(|s| json!({"start": s.start, "end": s.end}))
            .collect::<Vec<_>>()
    };
    json!({
        "id": id,
        "persons": doc.persons.iter().map(|p| json!({"name": p.name, "rank": p.rank, "gazetteer_id": p.gazetteer_id, "mentions": spans(&p.mentions), "rule": p.rule})).collect::<Vec<_>>(),
        "organisations": doc.organisations.iter().map(|o| json!({"name": o.name, "gazetteer_id": o.gazetteer_id, "mentions": spans(&o.mentions), "rule": o.rule})).collect::<Vec<_>>(),
        "locations": doc.locations.iter().map(|l| json!({"name": l.name, "mentions": spans(&l.mentions)})).collect::<Vec<_>>(),
        "documents": doc.documents.iter().map(|d| json!({"name": d.name, "mentions": spans(&d.mentions)})).collect::<Vec<_>>(),
        "events": doc.events.iter().map(|e| json!({"id": e.id, "kind": e.kind.name(), "date": e.date, "location": e.location, "mentions": spans(&e.mentions)})).collect::<Vec<_>>(),
        "relations": doc.relations.iter().map(|r| json!({
            "person": doc.persons[r.person].name,
            "role": r.role,
            "organisation": r.organisation.map(|o| doc.organisations[o].name.clone()),
            "event": r.event.map(|e| doc.events[e].id.clone()),
            "past": r.past,
            "rule": r.rule,
        })).collect::<Vec<_>>(),
    })
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
