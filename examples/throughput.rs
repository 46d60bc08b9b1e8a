//! Times extraction: `cargo run --release --example throughput [-- MEGABYTES] [--officials N]`.
//!
//! The corpus is the bundled articles (the seeds in `tests/fixtures/*.txt` and the dev set's texts), repeated
//! until it holds MEGABYTES (default 64) of text. Each article is extracted on its own, as a user would over an
//! archive. It prints, a line each:
//! - `end to end`: `Extractor::extract` (clean, fold, match, rules, document), one article at a time on one core;
//! - `reference`: the floor the design aims close to: the crate's own fold of each article, then a count of the
//!   matches of a leftmost-longest Aho-Corasick DFA built from the folded surface forms the extractor's matcher
//!   holds;
//! - `ratio`: end to end over reference, the figure that holds on a noisy machine;
//! - `batch`: `Extractor::extract_batch` over the same articles on every core, and its speed-up over one core;
//! - with `--officials N`: the build time of an extractor with N made-up officials more, and its end-to-end speed
//!   against the default extractor's.

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

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let officials: Option<usize> = args
        .iter()
        .position(|a| a == "--officials")
        .and_then(|i| args.get(i + 1)?.parse().ok());
    let megabytes: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(64);
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
    let end_to_end = mb / secs;
    println!(
        "end to end: {end_to_end:7.1} MB/s  ({mb:.0} MB, {} articles, {relations} relations, {secs:.2} s)",
        corpus.len()
    );

    let patterns = cadre::bench::surface_forms(ex);
    let dfa = aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(&patterns)
        .expect("the automaton builds");
    let t = Instant::now();
    let mut matches = 0;
    for a in &corpus {
        matches += dfa.find_iter(&cadre::bench::fold(a)).count();
    }
    let secs = t.elapsed().as_secs_f64();
    let reference = mb / secs;
    println!(
        "reference:  {reference:7.1} MB/s  (fold + leftmost-longest DFA of {} patterns, {matches} matches, {secs:.2} s)",
        patterns.len()
    );
    println!("ratio:      {:7.2}", end_to_end / reference);

    let threads = rayon::current_num_threads();
    let t = Instant::now();
    let mut batch_relations = 0;
    for chunk in corpus.chunks(1024) {
        batch_relations += ex
            .extract_batch(chunk)
            .iter()
            .map(|d| d.relations.len())
            .sum::<usize>();
    }
    let secs = t.elapsed().as_secs_f64();
    assert_eq!(
        batch_relations, relations,
        "a batch finds what one core finds"
    );
    println!(
        "batch:      {:7.1} MB/s  ({threads} threads, {:.2}x one core, chunks of 1024 articles)",
        mb / secs,
        mb / secs / end_to_end
    );

    if let Some(n) = officials {
        let table = cadre::bench::synthetic_officials(n);
        let t = Instant::now();
        let big = cadre::Extractor::builder()
            .gazetteer_text(cadre::Gazetteer::Officials, "synthetic.tsv", &table)
            .build()
            .expect("the synthetic officials load");
        let build = t.elapsed().as_secs_f64();
        let t = Instant::now();
        for a in &corpus {
            std::hint::black_box(big.extract(a));
        }
        let secs = t.elapsed().as_secs_f64();
        println!(
            "officials:  {:7.1} MB/s  (with {n} made-up officials more: {:.2}x slower, built in {:.0} ms)",
            mb / secs,
            end_to_end / (mb / secs),
            build * 1e3
        );
    }
}
