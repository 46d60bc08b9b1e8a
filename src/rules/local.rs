//! Local hosts: the districts, towns, communes and wards of `units.tsv` that host a body the text names ("Dong Anh
//! District Party Committee", "the Party Committee of Vung Liem District", "Party Secretary of Ly Son District",
//! "the District Party Committee" in an article about one district). The body's full name then comes from the
//! template a city has ("{} Party Committee"), with the unit and its type word as the host: "Vung Liem District
//! Party Committee".
//!
//! Unit names are not in the matcher: they are read from the text only next to a body or a Party title, so that
//! the 3,400 names cost nothing where no local body is named. A unit is taken only with its type word ("Ly Son
//! District", "Ward 7"), which must be the unit's own kind: "Ly Son District" is the district of before July 2025,
//! "Ly Son Special Zone" the unit that replaced it.

use crate::fold::fold_str;
use crate::gazetteer::Tables;

/// A local unit named in the text, and the words that name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Named {
    /// The unit (index into `Tables::units`).
    pub(crate) unit: usize,
    /// Whether the name is one unit's only (otherwise the first of several that share it, in the article's
    /// province when one of them is).
    pub(crate) sure: bool,
    /// The words that name it, type word included.
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// The host's name in a body's template: "Dong Anh District", "District 1" (a numbered unit's name holds its type
/// word).
pub(crate) fn host_name(t: &Tables, unit: usize) -> String {
    let u = &t.units[unit];
    if u.ascii.starts_with(u.kind_word) {
        u.ascii.clone()
    } else {
        format!("{} {}", u.ascii, u.kind_word)
    }
}

/// The unit named right before `at` (a body's first byte): "Dong Anh District ", "Dong Da district's ",
/// "District 1 ".
pub(crate) fn before(t: &Tables, text: &str, at: usize, province: Option<&str>) -> Option<Named> {
    let head = text.get(..at)?;
    let head = head
        .strip_suffix("'s ")
        .or_else(|| head.strip_suffix("\u{2019}s "))
        .or_else(|| head.strip_suffix(' '))?;
    ending(t, head, province)
}

/// The unit whose name, type word included, ends `head`.
fn ending(t: &Tables, head: &str, province: Option<&str>) -> Option<Named> {
    let words = last_words(head, 5);
    // "… District 1": the type word, then a number.
    if let [.., (level_at, level), (_, number)] = words.as_slice()
        && number.bytes().all(|b| b.is_ascii_digit())
        && let Some(kind) = kind_word(level)
        && let Some(n) = find(t, &format!("{kind} {number}"), kind, province)
    {
        return Some(Named {
            start: *level_at,
            end: head.len(),
            ..n
        });
    }
    let [names @ .., (_, level)] = words.as_slice() else {
        return None;
    };
    let kind = kind_word(level)?;
    // The longest run of capitalised words before the type word that names a unit of that kind.
    for take in (1..=names.len().min(3)).rev() {
        let run = &names[names.len() - take..];
        if !run.iter().all(|(_, w)| w.starts_with(char::is_uppercase)) {
            continue;
        }
        let start = run[0].0;
        if let Some(n) = find(
            t,
            &head[start..head.len() - level.len() - 1],
            kind,
            province,
        ) {
            return Some(Named {
                start,
                end: head.len(),
                ..n
            });
        }
    }
    None
}

/// The unit named right after `at` (a body's or a title's end): " of Vung Liem District", " of the Quy Chau
/// district", " of District 1".
pub(crate) fn after(t: &Tables, text: &str, at: usize, province: Option<&str>) -> Option<Named> {
    let rest = text.get(at..)?;
    let name = rest
        .strip_prefix(" of the ")
        .or_else(|| rest.strip_prefix(" of "))?;
    let name_at = at + (rest.len() - name.len());
    let words = first_words(name, 5);
    // "of District 1".
    if let [(_, level), (number_at, number), ..] = words.as_slice()
        && number.bytes().all(|b| b.is_ascii_digit())
        && let Some(kind) = kind_word(level)
        && let Some(n) = find(t, &format!("{kind} {number}"), kind, province)
    {
        return Some(Named {
            start: name_at,
            end: name_at + number_at + number.len(),
            ..n
        });
    }
    // One to three capitalised words, then the type word.
    for take in 1..=3.min(words.len().saturating_sub(1)) {
        let run = &words[..take];
        if !run.iter().all(|(_, w)| w.starts_with(char::is_uppercase)) {
            break;
        }
        let (level_at, level) = words[take];
        let Some(kind) = kind_word(level) else {
            continue;
        };
        if let Some(n) = find(t, &name[..level_at - 1], kind, province) {
            return Some(Named {
                start: name_at,
                end: name_at + level_at + level.len(),
                ..n
            });
        }
    }
    None
}

/// A bare type word right before `at` that names no unit ("the District Party Committee", "the district's People's
/// Committee"): the type word, and where it starts.
pub(crate) fn bare_before(text: &str, at: usize) -> Option<(&'static str, usize)> {
    let head = text.get(..at)?;
    let head = head
        .strip_suffix("'s ")
        .or_else(|| head.strip_suffix("\u{2019}s "))
        .or_else(|| head.strip_suffix(' '))?;
    let words = last_words(head, 2);
    let [.., (_, before), (level_at, level)] = words.as_slice() else {
        return None;
    };
    // "the District Party Committee", "this district's": not a name before it.
    if !matches!(*before, "the" | "The" | "this" | "This" | "each" | "every") {
        return None;
    }
    Some((kind_word(level)?, *level_at))
}

/// The unit of kind `kind` that the article names most often ("Quy Chau District" three times), when one does.
pub(crate) fn dominant(
    t: &Tables,
    text: &str,
    kind: &str,
    province: Option<&str>,
) -> Option<usize> {
    let mut counts: Vec<(usize, usize)> = Vec::new();
    let lower = kind.to_ascii_lowercase();
    let finder = memchr::memmem::Finder::new(lower.as_bytes());
    let upper = memchr::memmem::Finder::new(kind.as_bytes());
    for at in finder
        .find_iter(text.as_bytes())
        .chain(upper.find_iter(text.as_bytes()))
    {
        let after = text[at + kind.len()..].chars().next();
        if after.is_some_and(char::is_alphanumeric) {
            continue;
        }
        if let Some(n) = ending(t, &text[..at + kind.len()], province).filter(|n| n.sure) {
            match counts.iter_mut().find(|(u, _)| *u == n.unit) {
                Some((_, c)) => *c += 1,
                None => counts.push((n.unit, 1)),
            }
        }
    }
    counts.sort_by_key(|&(u, c)| (std::cmp::Reverse(c), u));
    match counts.as_slice() {
        [(u, c), rest @ ..] if rest.first().is_none_or(|(_, c2)| c2 < c) => Some(*u),
        _ => None,
    }
}

/// The unit called `name` whose type word is `kind`: the article's province's when several are.
fn find(t: &Tables, name: &str, kind: &str, province: Option<&str>) -> Option<Named> {
    let all = t.units_by_name.get(&fold_str(name))?;
    let mut of_kind = all
        .iter()
        .copied()
        .filter(|&u| t.units[u].kind_word == kind);
    let first = of_kind.next()?;
    let mut rest = of_kind.clone().peekable();
    if rest.peek().is_none() {
        return Some(named(first, true));
    }
    let in_province = |u: usize| province.is_some_and(|p| t.units[u].province == p);
    let local: Vec<usize> = std::iter::once(first)
        .chain(of_kind)
        .filter(|&u| in_province(u))
        .collect();
    match local.as_slice() {
        [u] => Some(named(*u, true)),
        _ => Some(named(first, false)),
    }
}

fn named(unit: usize, sure: bool) -> Named {
    Named {
        unit,
        sure,
        start: 0,
        end: 0,
    }
}

/// The English type word a text's word stands for ("district" → "District").
fn kind_word(word: &str) -> Option<&'static str> {
    Some(match word {
        "District" | "district" => "District",
        "Town" | "town" => "Town",
        "City" | "city" => "City",
        "Commune" | "commune" => "Commune",
        "Ward" | "ward" => "Ward",
        _ => return None,
    })
}

/// The last `n` space-separated words of `s` (fewer at its start or at punctuation), with their byte offsets.
fn last_words(s: &str, n: usize) -> Vec<(usize, &str)> {
    let mut out = Vec::with_capacity(n);
    let mut end = s.len();
    while out.len() < n {
        let start = s[..end].rfind(' ').map_or(0, |i| i + 1);
        let w = &s[start..end];
        if w.is_empty() || w.contains(|c: char| !(c.is_alphanumeric() || c == '-')) {
            break;
        }
        out.push((start, w));
        if start == 0 {
            break;
        }
        end = start - 1;
    }
    out.reverse();
    out
}

/// The first `n` words of `s`, stopping at punctuation, with their byte offsets (a trailing "'s" or punctuation
/// ends the last word).
fn first_words(s: &str, n: usize) -> Vec<(usize, &str)> {
    let mut out = Vec::with_capacity(n);
    let mut at = 0;
    while out.len() < n && at < s.len() {
        let rest = &s[at..];
        let len = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '-'))
            .unwrap_or(rest.len());
        if len == 0 {
            break;
        }
        out.push((at, &rest[..len]));
        if !rest[len..].starts_with(' ') {
            break;
        }
        at += len + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Extractor;

    fn tables() -> &'static Tables {
        Extractor::default_ref().tables()
    }

    fn host(n: Option<Named>) -> Option<String> {
        n.map(|n| host_name(tables(), n.unit))
    }

    #[test]
    fn a_unit_with_its_type_word_before_a_body() {
        let t = tables();
        let s = "He was Secretary of Tay Giang District Party Committee.";
        let at = s.find("Party").unwrap();
        let n = before(t, s, at, None).unwrap();
        assert_eq!(&s[n.start..n.end], "Tay Giang District");
        assert_eq!(host(Some(n)).as_deref(), Some("Tay Giang District"));
        let s = "party chief of Dong Da district's Party Committee";
        assert_eq!(
            host(before(t, s, s.find("Party").unwrap(), None)).as_deref(),
            Some("Dong Da District")
        );
        // No type word, or a type word of another kind: no unit.
        let s = "the Tay Giang Party Committee";
        assert_eq!(before(t, s, s.find("Party").unwrap(), None), None);
        let s = "the Ly Son Ward Party Committee";
        assert_eq!(before(t, s, s.find("Party").unwrap(), None), None);
        // A name no unit has.
        let s = "the Military District Party Committee";
        assert_eq!(before(t, s, s.find("Party").unwrap(), None), None);
    }

    #[test]
    fn a_unit_after_a_body_or_a_title() {
        let t = tables();
        let s = "Secretary of the Party Committee of Vung Liem District, Director";
        let at = s.find(" of Vung").unwrap();
        let n = after(t, s, at, None).unwrap();
        assert_eq!(&s[n.start..n.end], "Vung Liem District");
        let s = "Party Secretary of Ly Son district.";
        let n = after(t, s, s.find(" of").unwrap(), None).unwrap();
        assert_eq!(&s[n.start..n.end], "Ly Son district");
        let s = "People's Committee of District 1 of HCMC";
        let n = after(t, s, s.find(" of").unwrap(), None).unwrap();
        assert_eq!(&s[n.start..n.end], "District 1");
        assert_eq!(host(Some(n)).as_deref(), Some("District 1"));
        let s = "Secretary of Vung Liem and Tra On";
        assert_eq!(after(t, s, s.find(" of").unwrap(), None), None);
    }

    #[test]
    fn a_name_several_provinces_share_is_the_articles_province_s() {
        let t = tables();
        let s = "Secretary of Chau Thanh District Party Committee";
        let at = s.find("Party").unwrap();
        let any = before(t, s, at, None).unwrap();
        assert!(!any.sure);
        let local = before(t, s, at, Some("tien-giang")).unwrap();
        assert!(local.sure);
        assert_eq!(t.units[local.unit].province, "tien-giang");
    }

    #[test]
    fn a_bare_type_word_and_the_articles_unit() {
        let t = tables();
        let s = "Quy Chau District held a meeting. Quy Chau District leaders and Tay Giang District guests met. \
                 Mr Hoai, Deputy Secretary of the District Party Committee, spoke.";
        let at = s.find("Party").unwrap();
        assert_eq!(
            bare_before(s, at),
            Some(("District", at - "District ".len()))
        );
        let owned = "the district\u{2019}s People's Committee";
        assert_eq!(
            bare_before(owned, owned.find("People").unwrap()),
            Some(("District", 4))
        );
        let u = dominant(t, s, "District", None).unwrap();
        assert_eq!(host_name(t, u), "Quy Chau District");
        assert_eq!(bare_before("of Quy Chau District Party", 20), None);
        // Two units named as often: none.
        assert_eq!(
            dominant(
                t,
                "Quy Chau District and Tay Giang District",
                "District",
                None
            ),
            None
        );
    }
}
