//! # cadre
//!
//! `cadre` reads English-language news about Vietnamese politics and defence and turns it into structured facts:
//! who (a [`Person`]) holds which post (a [`Relation`]'s role) in which body (an [`Organisation`]), at which
//! [`Event`].
//!
//! ```
//! let doc = cadre::extract(
//!     "The meeting was co-chaired by General Ngo Xuan Lich, Politburo member, Deputy Secretary of the CMC, \
//!      Minister of National Defense, and Hoang Trung Hai, Secretary of the Hanoi Party Committee.",
//! );
//! let facts: Vec<(String, String, Option<String>)> = doc
//!     .relations
//!     .iter()
//!     .map(|r| {
//!         let org = r.organisation.map(|o| doc.organisations[o].name.clone());
//!         (doc.persons[r.person].name.clone(), r.role.clone(), org)
//!     })
//!     .collect();
//! assert!(facts.contains(&("Ngô Xuân Lịch".into(), "Member".into(), Some("Politburo".into()))));
//! assert!(facts.contains(&("Ngô Xuân Lịch".into(), "Deputy Secretary".into(), Some("Central Military Commission".into()))));
//! assert!(facts.contains(&("Ngô Xuân Lịch".into(), "Minister".into(), Some("Ministry of National Defence".into()))));
//! assert!(facts.contains(&("Hoàng Trung Hải".into(), "Secretary".into(), Some("Hanoi Party Committee".into()))));
//! assert_eq!(doc.persons[0].rank.as_deref(), Some("General"));
//! assert_eq!(doc.events[0].kind, cadre::EventKind::Meeting);
//! ```
//!
//! ## How it works
//!
//! The text flows one way, and no stage reaches back up the chain:
//!
//! 1. **Clean** the text: one form for line ends, white space, invisible characters, decomposed Vietnamese and
//!    text wrapped at a fixed width, and, with [`ExtractOptions::html_entities`], HTML character references. Text
//!    that needs none of it (most does not) is not copied.
//! 2. **Fold** the text once: diacritics removed (`Tô Lâm` → `to lam`, `đ` → `d`), lower case, with a map from
//!    every folded byte back to the caller's byte offsets (for ASCII text the map is the identity and is not stored).
//! 3. **Match** once: one Aho-Corasick automaton over every folded surface form of every gazetteer (officials,
//!    titles, ranks, organisations, local bodies, places, family names, event words, cues). Hits are kept on
//!    word boundaries and where the original's capitals fit (a name needs capitals; `CMC` must be in capitals).
//! 4. **Rules** turn hits into entities and relations (see the rule ids in [`Person::rule`], [`Relation::rule`]):
//!    names led by a family name or a title, short mentions; organisations composed from a host and a body
//!    ("Party Committee of Hà Nội") or resolved from the article's subject ("the Provincial Military Command");
//!    a title grammar that reads chains of posts and named attachment rules, tried in the order of
//!    [`ATTACHMENT_RULES`], that say whose each chain is (before or after a name, appositives, lists, signatures,
//!    "respectively", election and appointment predicates).
//! 5. **Assemble** the [`Document`]: plain data, `serde` both ways, spans as byte offsets into your text (the
//!    text as you gave it, not the cleaned one).
//!
//! ## Gazetteers
//!
//! Everything the extractor knows is data: tab-separated files in `gazetteers/`, embedded as defaults. Add your
//! own or replace the defaults at run time with [`ExtractorBuilder`]; a malformed line is a [`BuildError`] that
//! names the file and line. Officials' posts carry their public source; [`Extractor::known_posts`] reads them,
//! while [`Document::relations`] hold only what the text itself states.
//!
//! ```
//! use cadre::{Extractor, Gazetteer};
//! let ex = Extractor::builder()
//!     .gazetteer_text(Gazetteer::Ranks, "extra-ranks.tsv", "rank\tvariants\tservice\nField Marshal\tFM\tarmy\n")
//!     .build()?;
//! let doc = ex.extract("Field Marshal Nguyen Van A attended.");
//! assert_eq!(doc.persons[0].rank.as_deref(), Some("Field Marshal"));
//! # Ok::<(), cadre::BuildError>(())
//! ```
//!
//! An [`Extractor`] is `Send + Sync`: build it once and share it across threads. [`Extractor::extract`] never
//! fails and never panics on any `&str`, empty or huge.
#![deny(missing_docs)]

mod clean;
mod error;
mod extractor;
mod fold;
mod gazetteer;
mod hash;
pub mod html;
mod matcher;
mod model;
mod offsets;
pub mod output;
mod roster;
mod rules;

pub use error::BuildError;
pub use extractor::{
    ExtractOptions, Extractor, ExtractorBuilder, KnownOfficial, KnownPost, extract,
};
pub use gazetteer::{Gazetteer, PartialDate};
pub use model::{
    Document, Event, EventKind, Location, NamedDocument, Organisation, Person, Relation, Span,
};
pub use rules::relations::ATTACHMENT_RULES;

/// The stages of [`Extractor::extract`] on their own, for the benchmarks and the `throughput` example; not part
/// of the stable API.
#[doc(hidden)]
pub mod bench {
    use crate::Extractor;

    /// The text as the matcher sees it: folded as [`Extractor::extract`] folds it (the clean stage aside).
    ///
    /// ```
    /// assert_eq!(cadre::bench::fold("Tô Lâm"), "to lam");
    /// ```
    pub fn fold(text: &str) -> String {
        crate::fold::Folded::new(text).into_string()
    }

    /// Every distinct folded surface form the extractor's matcher holds.
    ///
    /// ```
    /// let forms = cadre::bench::surface_forms(cadre::Extractor::default_ref());
    /// assert!(forms.contains(&"politburo"));
    /// ```
    pub fn surface_forms(ex: &Extractor) -> Vec<&str> {
        ex.matcher().patterns()
    }

    /// An officials table (`officials.tsv` format) of `n` made-up officials with distinct ids and three-syllable
    /// Vietnamese names, for measuring how the extractor scales with its gazetteers.
    ///
    /// ```
    /// use cadre::{Extractor, Gazetteer};
    /// let table = cadre::bench::synthetic_officials(1_000);
    /// assert_eq!(table.lines().count(), 1_001);
    /// let ex = Extractor::builder().gazetteer_text(Gazetteer::Officials, "synthetic.tsv", &table).build();
    /// assert!(ex.is_ok());
    /// ```
    pub fn synthetic_officials(n: usize) -> String {
        const FAMILY: [&str; 16] = [
            "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
            "Đỗ", "Hồ", "Ngô", "Dương", "Lý",
        ];
        const GIVEN: [&str; 48] = [
            "An", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hòa",
            "Hùng", "Hưng", "Khánh", "Khoa", "Lâm", "Lan", "Linh", "Long", "Mai", "Minh", "Nam",
            "Nga", "Nghĩa", "Ngọc", "Nhân", "Phong", "Phúc", "Phương", "Quang", "Quân", "Sơn",
            "Tâm", "Thắng", "Thanh", "Thảo", "Thành", "Thịnh", "Thu", "Thủy", "Tiến", "Toàn",
            "Trung", "Tuấn", "Tùng", "Uyên", "Việt", "Xuân",
        ];
        let mut out = String::from("id\tname\taliases\trank\tborn\thomonyms\n");
        for i in 0..n {
            let (f, m, g) = (i % 16, (i / 16) % 48, (i / (16 * 48)) % 48);
            let generation = i / (16 * 48 * 48);
            out.push_str(&format!(
                "synthetic-{i}\t{} {} {}{}\t\t\t\t\n",
                FAMILY[f],
                GIVEN[m],
                GIVEN[g],
                // Past 36,864 names, a fourth syllable keeps them distinct.
                if generation > 0 {
                    format!(" {}", GIVEN[generation % 48])
                } else {
                    String::new()
                },
            ));
        }
        out
    }

    /// The number of hits the matcher keeps in `text` (fold and scan, with the word-boundary and case checks).
    ///
    /// ```
    /// let ex = cadre::Extractor::default_ref();
    /// assert_eq!(cadre::bench::scan(ex, "Politburo"), 1);
    /// assert_eq!(cadre::bench::scan(ex, "politburos"), 0);
    /// ```
    pub fn scan(ex: &Extractor, text: &str) -> usize {
        let folded = crate::fold::Folded::new(text);
        ex.matcher().hits(text, &folded).len()
    }
}

/// The README's examples, run as doctests so that they stay true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
