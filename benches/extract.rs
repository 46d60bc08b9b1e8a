//! `cargo bench`: the extractor's stages and its scaling, on the bundled articles (the seeds and the dev set).
//!
//! Groups: `fold`, `scan` (the matcher, and the issue-12 reference: fold + a leftmost-longest DFA count), `extract`
//! (end to end, one article at a time), `build`, `gazetteer_scaling` (100,000 made-up officials more),
//! `input_scaling` (one long document, and worst-case repeated phrases) and `batch` (`extract_batch` on every
//! core). Throughput is in bytes of input. The `throughput` example prints the headline figures in a minute.

use cadre::{Extractor, Gazetteer};
use criterion::measurement::WallTime;
use criterion::{
    BenchmarkGroup, BenchmarkId, Criterion, Throughput, criterion_group, criterion_main,
};
use std::hint::black_box;
use std::time::Duration;

/// The bundled articles, repeated to at least `bytes`.
fn corpus(bytes: usize) -> Vec<String> {
    let mut base = Vec::new();
    for (dir, json) in [("tests/fixtures", false), ("tests/fixtures/dev", true)] {
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .expect("run from the crate's directory")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        paths.sort();
        for p in paths {
            let ext = p.extension().and_then(|e| e.to_str());
            let Ok(s) = std::fs::read_to_string(&p) else {
                continue;
            };
            match (json, ext) {
                (false, Some("txt")) => base.push(s),
                (true, Some("json")) => {
                    let v: serde_json::Value =
                        serde_json::from_str(&s).expect("a dev file is JSON");
                    base.push(
                        v["text"]
                            .as_str()
                            .expect("a dev file has a text")
                            .to_owned(),
                    );
                }
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    let mut total = 0;
    while total < bytes {
        for a in &base {
            total += a.len();
            out.push(a.clone());
        }
    }
    out
}

fn size(texts: &[String]) -> u64 {
    texts.iter().map(|t| t.len() as u64).sum()
}

/// Extracts every text, one at a time, as over an archive.
fn extract_each(ex: &Extractor, texts: &[String]) -> usize {
    texts.iter().map(|t| ex.extract(t).relations.len()).sum()
}

/// A group whose iterations take tens of milliseconds or more: ten samples over ten seconds.
fn slow_group<'c>(c: &'c mut Criterion, name: &str) -> BenchmarkGroup<'c, WallTime> {
    let mut g = c.benchmark_group(name);
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    g
}

fn fold_and_scan(c: &mut Criterion) {
    let texts = corpus(2 << 20);
    let ex = Extractor::default_ref();
    let mut g = c.benchmark_group("fold");
    g.throughput(Throughput::Bytes(size(&texts)));
    g.bench_function("news", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| cadre::bench::fold(t).len())
                .sum::<usize>()
        })
    });
    g.finish();

    let forms = cadre::bench::surface_forms(ex);
    let dfa = aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(&forms)
        .expect("the reference automaton builds");
    let mut g = c.benchmark_group("scan");
    g.throughput(Throughput::Bytes(size(&texts)));
    g.bench_function("matcher", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| cadre::bench::scan(ex, t))
                .sum::<usize>()
        })
    });
    g.bench_function("reference", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| dfa.find_iter(&cadre::bench::fold(t)).count())
                .sum::<usize>()
        })
    });
    g.finish();
}

fn extract(c: &mut Criterion) {
    let texts = corpus(1 << 20);
    let ex = Extractor::default_ref();
    let mut g = slow_group(c, "extract");
    g.throughput(Throughput::Bytes(size(&texts)));
    g.bench_function("news", |b| b.iter(|| extract_each(ex, &texts)));
    g.finish();
}

fn build(c: &mut Criterion) {
    let mut g = c.benchmark_group("build");
    g.sample_size(20);
    g.bench_function("default", |b| {
        b.iter(|| Extractor::builder().build().expect("the defaults build"))
    });
    g.finish();
}

fn gazetteer_scaling(c: &mut Criterion) {
    let table = cadre::bench::synthetic_officials(100_000);
    let with = |table: &str| {
        Extractor::builder()
            .gazetteer_text(Gazetteer::Officials, "synthetic.tsv", table)
            .build()
            .expect("the made-up officials load")
    };
    let mut g = slow_group(c, "gazetteer_scaling");
    g.bench_function("build/100000 officials more", |b| b.iter(|| with(&table)));
    let texts = corpus(1 << 20);
    g.throughput(Throughput::Bytes(size(&texts)));
    for (name, ex) in [
        ("default", Extractor::builder().build().expect("builds")),
        ("100000 officials more", with(&table)),
    ] {
        g.bench_function(BenchmarkId::new("extract", name), |b| {
            b.iter(|| extract_each(&ex, &texts))
        });
    }
    g.finish();
}

fn input_scaling(c: &mut Criterion) {
    let ex = Extractor::default_ref();
    let news = corpus(4 << 20).join("\n\n");
    let mut g = slow_group(c, "input_scaling");
    for mb in [1usize, 4] {
        let end = (0..=mb << 20)
            .rev()
            .find(|&i| news.is_char_boundary(i))
            .unwrap_or(0);
        let text = &news[..end];
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(
            BenchmarkId::new("one document", format!("{mb} MB")),
            text,
            |b, t| b.iter(|| black_box(ex.extract(t))),
        );
    }
    for phrase in ["Secretary of the Party Committee ", "Nguyen ", "and "] {
        let text = phrase.repeat((1 << 20) / phrase.len());
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(
            BenchmarkId::new("repeated 1 MB", phrase.trim()),
            &text,
            |b, t| b.iter(|| black_box(ex.extract(t))),
        );
    }
    g.finish();
}

fn batch(c: &mut Criterion) {
    let texts = corpus(1 << 20);
    let ex = Extractor::default_ref();
    let mut g = slow_group(c, "batch");
    g.throughput(Throughput::Bytes(size(&texts)));
    g.bench_function("one core", |b| {
        b.iter(|| texts.iter().map(|t| ex.extract(t)).collect::<Vec<_>>())
    });
    g.bench_function(
        format!("extract_batch ({} threads)", rayon::current_num_threads()),
        |b| b.iter(|| ex.extract_batch(&texts)),
    );
    g.finish();
}

criterion_group!(
    benches,
    fold_and_scan,
    extract,
    build,
    gazetteer_scaling,
    input_scaling,
    batch
);
criterion_main!(benches);
