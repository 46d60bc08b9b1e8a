//! Texts built from the pieces cadre reads: names of officials, titles, bodies, places, dates, appointment verbs,
//! list separators, and noise (odd white space, invisible characters, combining marks, capitals, entities). Each
//! input byte picks a piece, so the fuzzer explores how the rules combine rather than random letters.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/mod.rs"]
mod common;

const PIECES: &[&str] = &[
    "Tô Lâm", "To Lam", "Nguyen Van Nen", "Nguyễn Thị Kim Ngân", "Phạm Minh Chính", "Lieutenant General ",
    "Sen. Lt. Gen. ", "General ", "Secretary", "Deputy Secretary", "Chairman", "Vice Chairwoman", "Minister",
    "Commander", "Political Commissar", "Member of the Politburo", " of the ", " of ", "Party Central Committee",
    "Hanoi Party Committee", "Ministry of National Defence", "Military Region 4", "People's Committee",
    "provincial", "Ha Tinh", "Đà Nẵng", "Hà Nội", "the National Assembly", " was elected ", " appointed ",
    " as ", " was relieved of the post of ", " replacing ", "former ", " and ", ", ", "; ", ": ", ". ", "\n",
    "\n\n", "\r\n", "\r", "\t", "  ", "\u{a0}", "\u{202f}", "\u{200b}", "\u{ad}", "\u{301}", "\u{feff}", "(", ")",
    "1. ", "– ", "date 2024-11-27\n", "date 2024-02-30\n", "on Wednesday", "on October 18, 2023",
    "18/10/2023", "the 14th National Party Congress", "met voters", "held talks with", "will visit",
    "Decision No. 123/QD-TTg", "Resolution 57", "DINH TIEN DUNG", "MET VOTERS IN", "&ocirc;", "&#7841;", "Mr ",
    "Ms ", "he ", "She ", "who is also ", "concurrently ", "cum ", "respectively", "👍", "ﬁ", "Đ", "é", "x",
];

fuzz_target!(|data: &[u8]| {
    let mut text = String::new();
    for &b in data {
        text.push_str(PIECES[b as usize % PIECES.len()]);
    }
    let doc = cadre::extract(&text);
    if let Err(e) = common::check(&text, &doc) {
        panic!("{e}\ntext: {text:?}");
    }
});
