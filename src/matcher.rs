//! The matcher: one Aho-Corasick automaton over every folded surface form of every gazetteer.
//!
//! Each distinct folded surface form is one pattern; a pattern maps to every gazetteer entry that shares it
//! ("general" is a rank, "minh" may be a name). A hit is kept only on word boundaries of the folded text and only
//! for the entries whose case rule the original text satisfies; among the kept hits the leftmost-longest win, so
//! a longer hit rejected at a boundary never hides a shorter valid one.

use crate::fold::{Folded, fold_str};
use crate::gazetteer::{Cue, Tables};
use crate::hash::HashMap;
use daachorse::{DoubleArrayAhoCorasick, DoubleArrayAhoCorasickBuilder, MatchKind};
use smallvec::SmallVec;

/// What a surface form can be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Entry {
    Official(u32),
    Title {
        index: u32,
        plural: bool,
    },
    Rank(u32),
    Organisation(u32),
    Body(u32),
    Reference(u32),
    Place(u32),
    FamilyName,
    /// A trigger of `events.tsv`, by row.
    Event(u32),
    Cue(Cue),
    /// A country's adjective, by the country's place index.
    Demonym(u32),
}

/// How the original text must be capitalised for an entry to match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Case {
    /// Any case.
    Any,
    /// The first letter is upper case.
    First,
    /// The first letter of the last word is upper case ("the municipal People's Council").
    Last,
    /// Every word starts with an upper-case letter (names).
    Words,
    /// Every letter is upper case (acronyms: CMC, PM).
    Upper,
}

impl Case {
    /// The case rule of a surface form as written in a gazetteer: an all-capitals form must stay in capitals;
    /// a form that `default` would reject as written ("NA deputies' delegation" under `Last`) needs only its
    /// first capital, or none; otherwise `default`.
    fn of(surface: &str, default: Case) -> Case {
        let letters = surface.chars().filter(|c| c.is_alphabetic()).count();
        if letters >= 2 && surface.chars().all(|c| !c.is_lowercase()) {
            Case::Upper
        } else if default.holds(surface) {
            default
        } else if Case::First.holds(surface) {
            Case::First
        } else {
            Case::Any
        }
    }

    fn holds(self, original: &str) -> bool {
        let word_starts = || {
            original
                .split(|c: char| c.is_whitespace() || c == '-')
                .filter_map(|w| w.chars().find(|c| c.is_alphabetic()))
        };
        match self {
            Case::Any => true,
            Case::First => original
                .chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase),
            Case::Last => word_starts().next_back().is_some_and(char::is_uppercase),
            Case::Words => word_starts().all(char::is_uppercase),
            Case::Upper => original.chars().all(|c| !c.is_lowercase()),
        }
    }
}

/// A kept hit: a span of the original and folded texts and the entries that matched there.
#[derive(Debug, Clone)]
pub(crate) struct Hit {
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Where the hit ends in the folded text.
    folded_end: usize,
    pub(crate) entries: SmallVec<[Entry; 2]>,
}

pub(crate) struct Matcher {
    /// A leftmost-longest automaton over the patterns; a match's value is the pattern's index.
    automaton: DoubleArrayAhoCorasick<u32>,
    /// Each pattern's index, to try the shorter forms at a rejected match's start.
    index: HashMap<String, u32>,
    /// For each pattern, its entries with their case rules.
    entries: Vec<Vec<(Entry, Case)>>,
}

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Matcher")
            .field("patterns", &self.entries.len())
            .finish()
    }
}

/// Pairs of spellings of one word that the news uses interchangeably; a surface form with one is matched with
/// the other too.
const SPELLINGS: [(&str, &str); 8] = [
    ("Vietnam", "Viet Nam"),
    ("Vietnam People's Army", "Vietnamese People's Army"),
    ("Defence", "Defense"),
    ("Organisation", "Organization"),
    ("Mobilisation", "Mobilization"),
    ("Labour", "Labor"),
    ("Programme", "Program"),
    ("Centre", "Center"),
];

impl Matcher {
    pub(crate) fn new(t: &Tables) -> Matcher {
        let mut index: HashMap<String, u32> = HashMap::default();
        let mut patterns: Vec<String> = Vec::new();
        let mut entries: Vec<Vec<(Entry, Case)>> = Vec::new();
        let mut add_one = |surface: &str, entry: Entry, default: Case| {
            let key = fold_str(surface);
            if key.is_empty() {
                return;
            }
            let case = Case::of(surface, default);
            let i = *index.entry(key.clone()).or_insert_with(|| {
                patterns.push(key);
                entries.push(Vec::new());
                patterns.len() as u32 - 1
            }) as usize;
            if !entries[i].contains(&(entry, case)) {
                entries[i].push((entry, case));
            }
        };
        // Other spellings of the same words: "Việt Nam People's Army" is "Vietnam People's Army", "Ministry of
        // National Defense" is "Ministry of National Defence".
        let mut add = |surface: &str, entry: Entry, default: Case| {
            let mut forms = vec![surface.to_owned()];
            for (a, b) in SPELLINGS {
                for i in 0..forms.len() {
                    for (x, y) in [(a, b), (b, a)] {
                        if forms[i].contains(x) {
                            let other = forms[i].replace(x, y);
                            if !forms.contains(&other) {
                                forms.push(other);
                            }
                        }
                    }
                }
            }
            for f in &forms {
                add_one(f, entry, default);
            }
        };
        for (i, o) in t.officials.iter().enumerate() {
            for s in std::iter::once(&o.name).chain(&o.aliases) {
                add(s, Entry::Official(i as u32), Case::Words);
            }
        }
        for (i, title) in t.titles.iter().enumerate() {
            for s in &title.variants {
                add(
                    s,
                    Entry::Title {
                        index: i as u32,
                        plural: false,
                    },
                    Case::Any,
                );
            }
            for s in &title.plurals {
                add(
                    s,
                    Entry::Title {
                        index: i as u32,
                        plural: true,
                    },
                    Case::Any,
                );
            }
        }
        for (i, r) in t.ranks.iter().enumerate() {
            for s in std::iter::once(&r.rank).chain(&r.variants) {
                add(s, Entry::Rank(i as u32), Case::First);
            }
        }
        let by_id: HashMap<&str, &crate::gazetteer::Organisation> =
            t.organisations.iter().map(|o| (o.id.as_str(), o)).collect();
        for (i, o) in t.organisations.iter().enumerate() {
            for s in std::iter::once(&o.name).chain(&o.aliases) {
                add(s, Entry::Organisation(i as u32), Case::Last);
            }
            let parent = o.parent.as_deref().and_then(|id| by_id.get(id).copied());
            for s in possessive_forms(o, parent) {
                add(&s, Entry::Organisation(i as u32), Case::Last);
            }
        }
        for (i, b) in t.bodies.iter().enumerate() {
            for s in &b.surfaces {
                add(s, Entry::Body(i as u32), Case::Last);
            }
        }
        for (i, r) in t.references.iter().enumerate() {
            for s in &r.surfaces {
                add(s, Entry::Reference(i as u32), Case::Any);
            }
        }
        for (i, p) in t.places.iter().enumerate() {
            for s in std::iter::once(&p.name).chain(&p.aliases) {
                add(s, Entry::Place(i as u32), Case::First);
            }
        }
        for (place, adjectives) in &t.demonyms {
            for s in adjectives {
                add(s, Entry::Demonym(*place as u32), Case::First);
            }
            // A country's possessive is its adjective: "Thailand's Prime Minister" is the Thai one.
            let country = &t.places[*place];
            for n in std::iter::once(&country.name).chain(&country.aliases) {
                add(
                    &format!("{n}'s"),
                    Entry::Demonym(*place as u32),
                    Case::First,
                );
            }
        }
        for f in &t.family_names {
            add(f, Entry::FamilyName, Case::First);
        }
        for (row, trigger) in t.events.iter().enumerate() {
            for s in &trigger.forms {
                add(s, Entry::Event(row as u32), Case::Any);
            }
        }
        for (cue, forms) in &t.cues {
            for s in forms {
                add(s, Entry::Cue(*cue), Case::Any);
            }
        }
        // A double-array automaton (`daachorse`): it builds several times faster than `aho-corasick`'s DFA and
        // scans as fast, and it reports one match per position, the longest, instead of every overlapping one.
        let automaton = DoubleArrayAhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build_with_values(patterns.iter().enumerate().map(|(i, p)| (p, i as u32)))
            .expect("the automaton builds from distinct non-empty patterns");
        Matcher {
            automaton,
            index,
            entries,
        }
    }

    /// Every distinct folded surface form the automaton matches.
    pub(crate) fn patterns(&self) -> Vec<&str> {
        let mut out: Vec<(&str, u32)> = self.index.iter().map(|(k, &v)| (k.as_str(), v)).collect();
        out.sort_by_key(|&(_, i)| i);
        out.into_iter().map(|(k, _)| k).collect()
    }

    /// The leftmost-longest valid hits of `folded`, in text order.
    ///
    /// The automaton reports the longest form at the leftmost position. Where that form is rejected (off a word
    /// boundary, or in the wrong case for all its entries), the shorter forms that start at the same position and
    /// end on a word boundary are tried, longest first; where none holds, the scan starts again at the next
    /// position a word starts. This is the overlapping scan's result (every valid hit, then the leftmost-longest
    /// of them) at the cost of a leftmost-longest one.
    pub(crate) fn hits(&self, original: &str, folded: &Folded) -> Vec<Hit> {
        let hay = folded.as_str();
        let bytes = hay.as_bytes();
        let mut out: Vec<Hit> = Vec::new();
        let mut at = 0;
        'scan: while at < bytes.len() {
            for m in self.automaton.leftmost_find_iter(&bytes[at..]) {
                let (s, e) = (at + m.start(), at + m.end());
                if let Some(hit) = self.hit(original, folded, s, e, m.value()) {
                    out.push(hit);
                    continue;
                }
                // A shorter form at `s`, longest first; then the next word start.
                at = match self.shorter(original, folded, s, e) {
                    Some(hit) => {
                        let end = hit.folded_end;
                        out.push(hit);
                        end
                    }
                    None => (s + 1..bytes.len())
                        .find(|&i| boundary_before(bytes, i))
                        .unwrap_or(bytes.len()),
                };
                continue 'scan;
            }
            break;
        }
        out
    }

    /// The longest valid hit that starts at `s` and ends before `e`.
    fn shorter(&self, original: &str, folded: &Folded, s: usize, e: usize) -> Option<Hit> {
        let hay = folded.as_str();
        let bytes = hay.as_bytes();
        (s + 1..e)
            .rev()
            .filter(|&b| boundary_after(bytes, b))
            .find_map(|b| {
                let p = *self.index.get(hay.get(s..b)?)?;
                self.hit(original, folded, s, b, p)
            })
    }

    /// The hit of pattern `p` at `s..e` of the folded text, if it lies on word boundaries and one of its entries'
    /// case rules holds for the original text.
    fn hit(&self, original: &str, folded: &Folded, s: usize, e: usize, p: u32) -> Option<Hit> {
        let bytes = folded.as_str().as_bytes();
        if !boundary_before(bytes, s) || !boundary_after(bytes, e) {
            return None;
        }
        let start = folded.start_of(s);
        let end = folded.end_of(e, original);
        let surface = &original[start..end];
        let entries: SmallVec<[Entry; 2]> = self.entries[p as usize]
            .iter()
            .filter(|(_, case)| case.holds(surface))
            .map(|(e, _)| *e)
            .collect();
        (!entries.is_empty()).then_some(Hit {
            start,
            end,
            folded_end: e,
            entries,
        })
    }
}

/// The forms of a body that the gazetteer names by its parent's possessive ("Party Central Committee's
/// Inspection Commission") under the parent's other names, and with the parent's name as a modifier: "PCC's
/// Inspection Commission", "PCC Inspection Commission", "Party Central Committee Inspection Commission".
fn possessive_forms(
    o: &crate::gazetteer::Organisation,
    parent: Option<&crate::gazetteer::Organisation>,
) -> Vec<String> {
    let Some(parent) = parent else {
        return Vec::new();
    };
    let parent_names: Vec<&String> = std::iter::once(&parent.name)
        .chain(&parent.aliases)
        .collect();
    let mut out = Vec::new();
    for alias in std::iter::once(&o.name).chain(&o.aliases) {
        let Some((owner, rest)) = alias.split_once("'s ") else {
            continue;
        };
        if !parent_names.iter().any(|n| n.as_str() == owner) {
            continue;
        }
        for n in &parent_names {
            for form in [format!("{n}'s {rest}"), format!("{n} {rest}")] {
                if form != *alias && !out.contains(&form) {
                    out.push(form);
                }
            }
        }
    }
    out
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

fn boundary_before(bytes: &[u8], s: usize) -> bool {
    s == 0 || !is_word_byte(bytes[s - 1]) || !is_word_byte(bytes[s])
}

fn boundary_after(bytes: &[u8], e: usize) -> bool {
    e == bytes.len() || !is_word_byte(bytes[e]) || !is_word_byte(bytes[e - 1])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_rules() {
        assert!(Case::Words.holds("VU HONG ANH"));
        assert!(Case::Words.holds("Tô Lâm"));
        assert!(!Case::Words.holds("to lam"));
        assert!(Case::Upper.holds("CMC"));
        assert!(!Case::Upper.holds("Cmc"));
        assert!(Case::Last.holds("municipal People’s Council"));
        assert!(!Case::Last.holds("two Party committees"));
        assert!(Case::First.holds("Lt. Gen."));
        assert!(!Case::First.holds("in general"));
        assert_eq!(Case::of("PM", Case::Any), Case::Upper);
        assert_eq!(Case::of("Party chief", Case::Any), Case::Any);
        // A form the default would reject as written keeps only the capitals it has.
        assert_eq!(Case::of("NA deputies' delegation", Case::Last), Case::First);
        assert_eq!(Case::of("People's Council", Case::Last), Case::Last);
    }

    /// The surfaces of the hits `Matcher::hits` keeps in `text`.
    fn hit_surfaces(text: &str) -> Vec<&str> {
        let t = Tables::parse(&crate::gazetteer::default_sources()).unwrap();
        let m = Matcher::new(&t);
        m.hits(text, &Folded::new(text))
            .iter()
            .map(|h| &text[h.start..h.end])
            .collect()
    }

    #[test]
    fn a_rejected_longest_form_leaves_the_shorter_ones() {
        // "party committees" fails its case rule (the last word is in lower case): "Party" is still found.
        assert_eq!(hit_surfaces("the two Party committees"), ["Party"]);
        // The longest form wins where it holds.
        assert_eq!(
            hit_surfaces("the two Party Committees"),
            ["Party Committees"]
        );
        // A form inside a word is no hit ("le" in "people"), and the scan goes on past it.
        assert_eq!(hit_surfaces("people Politburo"), ["Politburo"]);
        // A family name needs its capital: "to" is no "Tô".
        assert!(hit_surfaces("to the").is_empty());
    }

    #[test]
    fn boundaries() {
        let b = b"party committees";
        assert!(boundary_before(b, 0));
        assert!(!boundary_after(b, 15));
        assert!(boundary_after(b, 16));
        // A pattern that ends in punctuation needs no boundary after it.
        assert!(boundary_after(b"lt.gen", 3));
    }
}
