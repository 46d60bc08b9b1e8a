//! Any bytes, read as UTF-8 with replacement characters: extraction never panics and its output keeps the
//! invariants of `tests/common`.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/mod.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let doc = cadre::extract(&text);
    if let Err(e) = common::check(&text, &doc) {
        panic!("{e}\ntext: {text:?}");
    }
});
