//! Shows that extraction time grows linearly with the input: `cargo run --release --example scaling`.
//!
//! Each input is a pattern that has no sentence end for a long stretch (the worst case for rules that look back
//! or ahead to a boundary), or real articles with their line breaks replaced by spaces, repeated to 0.1, 0.4 and
//! 1.6 MB; then real articles as written, repeated to 1, 4, 16 and 32 MB in one document. For each size the time
//! per MB is printed; linear time keeps it flat.

use std::time::Instant;

fn articles(flatten: bool) -> String {
    let mut out = String::new();
    let Ok(entries) = std::fs::read_dir("tests/fixtures/dev") else {
        return out;
    };
    let mut paths: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    for p in paths.iter().take(20) {
        if let Ok(s) = std::fs::read_to_string(p)
            && let Ok(v) = serde_json::from_str::<serde_json::Value>(&s)
            && let Some(t) = v["text"].as_str()
        {
            if flatten {
                out.push_str(&t.replace('\n', " "));
                out.push(' ');
            } else {
                out.push_str(t);
                out.push_str("\n\n");
            }
        }
    }
    out
}

fn main() {
    let extractor = cadre::Extractor::default_ref();
    let flattened = articles(true);
    let written = articles(false);
    let patterns: [(&str, &str); 6] = [
        ("\"Minister \" repeated", "Minister "),
        (
            "\"Secretary of the Party Committee \" repeated",
            "Secretary of the Party Committee ",
        ),
        ("\"Nguyen Van An, \" repeated", "Nguyen Van An, "),
        ("\"Nguyen \" repeated", "Nguyen "),
        ("\"and \" repeated", "and "),
        ("dev articles without line breaks", &flattened),
    ];
    let written: [(&str, &str); 1] = [("dev articles as written", &written)];
    let runs = patterns
        .iter()
        .map(|p| (p, &[0.1f64, 0.4, 1.6, 4.0][..]))
        .chain(written.iter().map(|p| (p, &[1.0f64, 4.0, 16.0, 32.0][..])));
    for (&(name, unit), sizes) in runs {
        if unit.is_empty() {
            continue;
        }
        print!("{name:48}");
        for &mb in sizes {
            let target = (mb * 1_000_000.0) as usize;
            let text = unit.repeat(target / unit.len() + 1);
            let start = Instant::now();
            let doc = extractor.extract(&text);
            let secs = start.elapsed().as_secs_f64();
            std::hint::black_box(doc);
            print!(
                "  {mb:>4} MB: {:7.3} s/MB",
                secs / (text.len() as f64 / 1e6)
            );
        }
        println!();
    }
}
