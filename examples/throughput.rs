//! Times extraction on one core: `cargo run --release --example throughput [-- MEGABYTES]`.
//!
//! The corpus is the bundled articles (the seeds in `tests/fixtures/*.txt` and the dev set's texts), repeated
//! until it holds MEGABYTES (default 64) of text. Each article is extracted on its own, as a user would over an
//! archive. Two figures are printed:
//! - `end to end`: `Extractor::extract` (fold, match, rules, document);
//! - `fold and scan`: the floor the design aims close to, lower-casing the text and scanning it with an
//!   Aho-Corasick automaton of the same size (every surface of the gazetteers, read from the files).

use std::time::Instant;

fn articles() -> Vec<String> {
    let mut out = Vec::new();
    let mut push_dir = |dir: &str, json: bool| {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        let mut paths: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            let Ok(s) = std::fs::read_to_string(&p) else {
                continue;
            };
            match (json, p.extension().and_then(|e| e.to_str())) {
                (false, Some("txt")) => out.push(s),
                (true, Some("json")) => {
                    if let Ok(v) = serde_json::from_str::<serde_json::Value>(&s)
                        && let Some(t) = v["text"].as_str()
                    {
                        out.push(t.to_owned());
                    }
                }
                _ => {}
            }
        }
    };
    push_dir("tests/fixtures", false);
    push_dir("tests/fixtures/dev", true);
    out
}

/// Every surface form of the gazetteers (the `|`-separated fields of every table the matcher holds), lower-cased.
/// `grammar.tsv` is left out: its words are read around titles, never matched.
fn surfaces() -> Vec<String> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir("gazetteers") else {
        return out;
    };
    for e in entries
        .filter_map(Result::ok)
        .filter(|e| e.file_name() != "grammar.tsv")
    {
        let Ok(text) = std::fs::read_to_string(e.path()) else {
            continue;
        };
        for line in text.lines().filter(|l| !l.starts_with('#')).skip(1) {
            for field in line.split('\t').take(3) {
                out.extend(
                    field
                        .split('|')
                        .filter(|s| s.len() > 1 && !s.starts_with("http"))
                        .map(str::to_lowercase),
                );
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

fn main() {
    let megabytes: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(64);
    let base = articles();
    if base.is_empty() {
        eprintln!("no articles found: run from the crate's directory");
        std::process::exit(1);
    }
    let mut corpus: Vec<&str> = Vec::new();
    let mut bytes = 0;
    while bytes < megabytes << 20 {
        for a in &base {
            corpus.push(a);
            bytes += a.len();
        }
    }
    let mb = bytes as f64 / (1 << 20) as f64;
    let ex = cadre::Extractor::default_ref();
    ex.extract(base[0].as_str()); // build the default extractor outside the timing

    let t = Instant::now();
    let mut relations = 0;
    for a in &corpus {
        relations += ex.extract(a).relations.len();
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "end to end:    {:7.1} MB/s  ({mb:.0} MB, {} articles, {relations} relations, {secs:.2} s)",
        mb / secs,
        corpus.len()
    );

    let patterns = surfaces();
    let ac = aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::Standard)
        .build(&patterns)
        .expect("the automaton builds");
    let t = Instant::now();
    let mut hits = 0;
    for a in &corpus {
        let folded = a.to_lowercase();
        hits += ac.find_overlapping_iter(&folded).count();
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "fold and scan: {:7.1} MB/s  ({} patterns, {hits} hits, {secs:.2} s)",
        mb / secs,
        patterns.len()
    );
}
