//! `cadre extract`: articles in, one record per article (or one row per relation) out, extracted in parallel and
//! written in input order.

use crate::input::{self, Article, Articles};
use crate::{ExtractorArgs, Outcome};
use cadre::output::{Record, RelationRow};
use cadre::{Document, Extractor};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

/// Extract persons, organisations, events and relations from articles.
///
/// Reads text files (one article each; the id is the file name without .txt), JSON Lines files (one
/// {"id", "text", "published"?} object per line), either gzipped (.gz), directories (walked for .txt, .txt.gz,
/// .jsonl and .jsonl.gz) and standard input (`-`, or nothing named: one text). Bad inputs are reported with file
/// and line and skipped; the exit status is then 1.
#[derive(clap::Args)]
#[command(after_help = "Examples:\n  \
    cadre extract tests/fixtures/dev/ -o out.jsonl\n  \
    cadre extract --jsonl archive.jsonl.gz --format csv -o relations.csv --threads 8\n  \
    cat article.txt | cadre extract --published 2024-11-27 --format tsv")]
pub struct Args {
    /// Files and directories to read; `-` for standard input.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// A JSON Lines file (any name; `-` for standard input). Repeatable.
    #[arg(long, value_name = "FILE")]
    jsonl: Vec<PathBuf>,
    /// jsonl: one object per article in the scorer's shape (OUTPUT.md); json: an array of every article's full
    /// document; tsv, csv: one row per relation, with a header.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    format: Format,
    /// Write here instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Threads to extract on (default: one per core).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,
    /// No progress bar (it is shown only when standard error is a terminal anyway).
    #[arg(long)]
    no_progress: bool,
    #[command(flatten)]
    extractor: ExtractorArgs,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Jsonl,
    Json,
    Tsv,
    Csv,
}

/// Articles extracted together: at most this many, or as many as fill [`BATCH_BYTES`].
const BATCH: usize = 256;
const BATCH_BYTES: usize = 16 << 20;

pub fn run(args: Args) -> Result<Outcome, String> {
    let ex = args.extractor.extractor()?;
    let pool = thread_pool(args.threads)?;
    let (sources, walk_errors) = input::sources(&args.paths, &args.jsonl);
    let progress = progress_bar(input::total_bytes(&sources), args.no_progress);
    let mut summary = Summary::default();
    for e in &walk_errors {
        progress.suspend(|| eprintln!("cadre: {e}"));
        summary.errors += 1;
    }
    let mut out = Sink {
        out: crate::output(args.output.as_ref())?,
        format: args.format,
        written: 0,
    };
    let start = Instant::now();
    let articles = Articles::new(sources);
    let read = std::sync::Arc::clone(&articles.read);
    // A reader thread fills the next batch while the pool extracts this one.
    let (batches, received) = std::sync::mpsc::sync_channel::<Batch>(1);
    let result = std::thread::scope(|scope| {
        scope.spawn(move || read_batches(articles, batches));
        // A writer thread writes one batch while the pool extracts the next.
        let (to_write, written) = std::sync::mpsc::sync_channel::<Vec<Vec<u8>>>(1);
        let writer = scope.spawn(move || -> std::io::Result<()> {
            out.start()?;
            for chunk in written {
                for bytes in chunk {
                    out.document(&bytes)?;
                }
            }
            out.finish()
        });
        for Batch { articles, errors } in received {
            for e in &errors {
                progress.suspend(|| eprintln!("cadre: {e}"));
            }
            summary.errors += errors.len();
            let chunks =
                pool.install(|| extract_batch(&ex, &args.extractor, args.format, &articles));
            summary.relations += chunks.iter().map(|c| c.0).sum::<usize>();
            if to_write
                .send(chunks.into_iter().map(|c| c.1).collect())
                .is_err()
            {
                break; // the writer stopped on an error, which it returns
            }
            summary.documents += articles.len();
            summary.bytes += articles.iter().map(|a| a.text.len()).sum::<usize>();
            progress.set_position(read.load(Ordering::Relaxed));
            progress.set_message(format!("{} documents", summary.documents));
        }
        drop(to_write);
        writer.join().expect("the writer thread does not panic")
    });
    progress.finish_and_clear();
    match result {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(Outcome::Done),
        Err(e) => return Err(format!("writing the output: {e}")),
    }
    eprintln!("cadre: {}", summary.line(start.elapsed()));
    Ok(if summary.errors == 0 {
        Outcome::Done
    } else {
        Outcome::SomeBad
    })
}

fn thread_pool(threads: Option<u16>) -> Result<rayon::ThreadPool, String> {
    let mut b = rayon::ThreadPoolBuilder::new();
    if let Some(n) = threads {
        b = b.num_threads(usize::from(n));
    }
    b.build().map_err(|e| format!("cannot start threads: {e}"))
}

/// A progress bar on standard error when it is a terminal: bytes read of the total (MB), rate, time left, and the
/// documents done. Hidden otherwise, or with `--no-progress`.
fn progress_bar(total: Option<u64>, off: bool) -> ProgressBar {
    if off || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = match total {
        Some(n) => ProgressBar::with_draw_target(Some(n), ProgressDrawTarget::stderr()),
        None => ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()),
    };
    let template = if total.is_some() {
        "{spinner} [{elapsed_precise}] {wide_bar} {decimal_bytes}/{decimal_total_bytes} \
         {decimal_bytes_per_sec} ETA {eta} {msg}"
    } else {
        "{spinner} [{elapsed_precise}] {decimal_bytes} {decimal_bytes_per_sec} {msg}"
    };
    bar.set_style(ProgressStyle::with_template(template).expect("a valid template"));
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

/// Articles to extract together, and the bad inputs met while reading them.
struct Batch {
    articles: Vec<Article>,
    errors: Vec<input::InputError>,
}

/// Reads the articles into batches and sends them on, until the input ends or the receiver is gone (the output
/// failed).
fn read_batches(mut articles: Articles, send: std::sync::mpsc::SyncSender<Batch>) {
    loop {
        let mut batch = Batch {
            articles: Vec::new(),
            errors: Vec::new(),
        };
        let mut bytes = 0;
        let mut ended = false;
        while batch.articles.len() < BATCH && bytes < BATCH_BYTES {
            match articles.next() {
                None => {
                    ended = true;
                    break;
                }
                Some(Ok(a)) => {
                    bytes += a.text.len();
                    batch.articles.push(a);
                }
                Some(Err(e)) => batch.errors.push(e),
            }
        }
        if send.send(batch).is_err() || ended {
            return;
        }
    }
}

/// Extracts a batch on the current thread pool (the batch API), then writes each document in the output format
/// in parallel; returns, per article in order, its number of relations and its bytes.
fn extract_batch(
    ex: &Extractor,
    args: &ExtractorArgs,
    format: Format,
    batch: &[Article],
) -> Vec<(usize, Vec<u8>)> {
    let inputs: Vec<(&str, cadre::ExtractOptions)> = batch
        .iter()
        .map(|a| (a.text.as_str(), args.options(a.published)))
        .collect();
    let docs = ex.extract_batch_with(&inputs);
    batch
        .par_iter()
        .zip(docs.par_iter())
        .map(|(a, doc)| (doc.relations.len(), encode(format, &a.id, doc)))
        .collect()
}

/// One document in the output format.
fn encode(format: Format, id: &str, doc: &Document) -> Vec<u8> {
    let mut buf = Vec::new();
    match format {
        Format::Jsonl => {
            serde_json::to_writer(&mut buf, &Record::new(id, doc)).expect("records serialise");
            buf.push(b'\n');
        }
        Format::Json => {
            let item = serde_json::json!({ "id": id, "document": doc });
            serde_json::to_writer_pretty(&mut buf, &item).expect("documents serialise");
        }
        Format::Tsv | Format::Csv => {
            let mut w = table_writer(format, &mut buf);
            for row in RelationRow::all(id, doc) {
                w.serialize(row).expect("rows serialise");
            }
            w.flush().expect("writing to memory");
        }
    }
    buf
}

fn table_writer<W: Write>(format: Format, out: W) -> csv::Writer<W> {
    csv::WriterBuilder::new()
        .delimiter(if format == Format::Tsv { b'\t' } else { b',' })
        .has_headers(false)
        .from_writer(out)
}

/// The output, in input order.
struct Sink {
    out: Box<dyn Write + Send>,
    format: Format,
    written: usize,
}

impl Sink {
    fn start(&mut self) -> std::io::Result<()> {
        match self.format {
            Format::Json => self.out.write_all(b"["),
            Format::Tsv | Format::Csv => {
                let mut w = table_writer(self.format, &mut self.out);
                w.write_record(RelationRow::HEADER)?;
                w.flush()
            }
            Format::Jsonl => Ok(()),
        }
    }

    fn document(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        if self.format == Format::Json {
            self.out
                .write_all(if self.written == 0 { b"\n" } else { b",\n" })?;
        }
        self.written += 1;
        self.out.write_all(bytes)
    }

    fn finish(&mut self) -> std::io::Result<()> {
        if self.format == Format::Json {
            self.out.write_all(b"\n]\n")?;
        }
        self.out.flush()
    }
}

/// What a run did, for its last line.
#[derive(Default)]
struct Summary {
    documents: usize,
    relations: usize,
    errors: usize,
    bytes: usize,
}

impl Summary {
    fn line(&self, took: Duration) -> String {
        let secs = took.as_secs_f64();
        format!(
            "{} documents, {} relations, {} errors, {:.2} s ({:.1} MB/s)",
            self.documents,
            self.relations,
            self.errors,
            secs,
            self.bytes as f64 / 1e6 / secs.max(1e-9)
        )
    }
}
