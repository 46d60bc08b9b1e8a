//! What every extraction must satisfy, whatever the input: the invariants that the property tests, the seeded
//! random test and the fuzz targets (`fuzz/`) check.

#![allow(dead_code)]

use cadre::{Document, Span};
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

/// A name without case, diacritics or invisible characters, as a list of words.
pub fn words(name: &str) -> Vec<String> {
    let folded: String = name
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .filter(|c| {
            !matches!(
                c,
                '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}'
            )
        })
        .map(|c| if matches!(c, 'đ' | 'Đ') { 'd' } else { c })
        .flat_map(char::to_lowercase)
        .collect();
    folded
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Checks the invariants of `doc`, extracted from `text`:
/// - every span is in range, not empty, on character and on grapheme-cluster boundaries;
/// - every word of a person's mention is a word of the person's name (the text at a mention is a form of it);
/// - relations refer to persons, organisations and events that exist, and every entity has a mention.
pub fn check(text: &str, doc: &Document) -> Result<(), String> {
    let graphemes: Vec<usize> = text
        .grapheme_indices(true)
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let on_grapheme = |at: usize| graphemes.binary_search(&at).is_ok();
    let span_ok = |what: &str, s: &Span| -> Result<(), String> {
        if s.start >= s.end || s.end > text.len() {
            return Err(format!(
                "{what}: span {s:?} out of range ({} bytes)",
                text.len()
            ));
        }
        if !text.is_char_boundary(s.start) || !text.is_char_boundary(s.end) {
            return Err(format!("{what}: span {s:?} splits a character"));
        }
        if !on_grapheme(s.start) || !on_grapheme(s.end) {
            return Err(format!(
                "{what}: span {s:?} splits a grapheme: {:?}",
                &text[s.start..s.end]
            ));
        }
        Ok(())
    };
    for p in &doc.persons {
        if p.mentions.is_empty() {
            return Err(format!("person {:?} has no mention", p.name));
        }
        // A known official's mention may be an alias of the gazetteer ("Uncle Ho"): one word in common is enough.
        let name = words(&p.name);
        for m in &p.mentions {
            span_ok(&p.name, m)?;
            let said = words(&text[m.start..m.end]);
            let common = said.iter().filter(|w| name.contains(w)).count();
            if common == 0 || (p.gazetteer_id.is_none() && common < said.len()) {
                return Err(format!(
                    "person {:?}: mention {:?}",
                    p.name,
                    &text[m.start..m.end]
                ));
            }
        }
    }
    let others = doc
        .organisations
        .iter()
        .map(|o| (&o.name, &o.mentions))
        .chain(doc.locations.iter().map(|l| (&l.name, &l.mentions)))
        .chain(doc.documents.iter().map(|d| (&d.name, &d.mentions)))
        .chain(doc.events.iter().map(|e| (&e.id, &e.mentions)));
    for (name, mentions) in others {
        if mentions.is_empty() {
            return Err(format!("{name:?} has no mention"));
        }
        for m in mentions {
            span_ok(name, m)?;
        }
    }
    for r in &doc.relations {
        span_ok("evidence", &r.evidence)?;
        if r.person >= doc.persons.len()
            || r.organisation.is_some_and(|o| o >= doc.organisations.len())
            || r.event.is_some_and(|e| e >= doc.events.len())
        {
            return Err(format!(
                "relation {r:?} refers to an entity that does not exist"
            ));
        }
    }
    for d in &doc.documents {
        if d.issuer.is_some_and(|o| o >= doc.organisations.len()) {
            return Err(format!(
                "document {:?} has an issuer that does not exist",
                d.name
            ));
        }
    }
    Ok(())
}
