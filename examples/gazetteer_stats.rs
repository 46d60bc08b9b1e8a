//! Prints how many entries each gazetteer holds: `cargo run --example gazetteer_stats`.

fn main() {
    for (name, n) in cadre::Extractor::default_ref().stats() {
        println!("{name:>22}  {n}");
    }
}
