//! Any bytes as a user's gazetteer file of any kind: building either succeeds or returns an error, never panics.
//! The first byte picks the table; the rest is the file.
#![no_main]

use cadre::{Extractor, Gazetteer};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&which, file)) = data.split_first() else {
        return;
    };
    let kind = Gazetteer::ALL[which as usize % Gazetteer::ALL.len()];
    let built = if which & 0x80 == 0 {
        Extractor::builder().gazetteer_bytes(kind, "fuzz.tsv", file).build()
    } else {
        // Replacing the default table reaches the checks that an added table cannot (a table left empty).
        match std::str::from_utf8(file) {
            Ok(text) => Extractor::builder().replace_gazetteer_text(kind, "fuzz.tsv", text).build(),
            Err(_) => return,
        }
    };
    if let Ok(ex) = built {
        let _ = ex.extract("Secretary of the Hanoi Party Committee Dinh Tien Dung met Tô Lâm on Wednesday.");
    }
});
