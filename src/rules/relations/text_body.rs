//! Bodies the gazetteer does not hold, named as the text names them after a title: "Director of the Nghe An
//! Department of Health", "Secretary of the Quy Chau District Party Committee", "Chairman of the Inspection
//! Committee of the Provincial Party Committee", "Deputy Head of the Central Steering Committee's Working Group
//! No. 2". Rule id `text-body`.
//!
//! The name is read after " of [the] ": capitalised words, numbers, places and organisations, with "of", "and",
//! "for", "on", "the" and possessives between them, and an enumeration "A, B and C" of capitalised words. It is a
//! body only when one of its own words (not a token's) is a `level` word of the grammar ("Department",
//! "District", "Committee", "Office", "Region" …) and it has at least two capitalised words; otherwise only its
//! end is known, so that the title keeps its words and its place in a run. An organisation token inside the name
//! is written as the organisation it resolved to ("of the Provincial Party Committee" in an article about Nghe An
//! reads "of the Nghe An Provincial Party Committee").

use crate::gazetteer::Grammar;
use crate::matcher::{Entry, Hit};
use crate::rules::Context;
use crate::rules::orgs::{DocOrgs, Tok, Token};

/// What a name is read from: the text, its tokens and hits, the document's organisations and the grammar.
pub(super) struct Reader<'r> {
    pub(super) tables: &'r crate::gazetteer::Tables,
    pub(super) text: &'r str,
    pub(super) tokens: &'r [Token],
    pub(super) hits: &'r [Hit],
    pub(super) orgs: &'r DocOrgs,
    pub(super) grammar: &'r Grammar,
}

impl<'r> Reader<'r> {
    pub(super) fn new(cx: &'r Context<'r>, tokens: &'r [Token], orgs: &'r DocOrgs) -> Reader<'r> {
        Reader {
            tables: cx.tables,
            text: cx.text,
            tokens,
            hits: cx.hits,
            orgs,
            grammar: &cx.tables.grammar,
        }
    }
}

/// A name read after a title.
#[derive(Debug)]
pub(super) struct TextBody {
    /// The start of the name in the text (after " of [the] ").
    pub(super) start: usize,
    /// The end of the name in the text.
    pub(super) end: usize,
    /// The body's name, when it is one.
    pub(super) name: Option<String>,
    /// The tokens inside the name, as a range of token indices.
    pub(super) tokens: std::ops::Range<usize>,
    /// The organisation tokens that stand inside the name after other words of it ("Quy Chau District Party
    /// Committee"): they are part of this body, not bodies of their own.
    pub(super) swallowed: Vec<usize>,
}

/// Connecting words a body's name may hold between its capitalised words.
const CONNECTORS: [&str; 6] = ["of", "and", "for", "on", "the", "&"];

/// Reads the name after the title that ends at `from`; `next` is the index of the first token after the title.
pub(super) fn read(r: &Reader<'_>, next: usize, from: usize) -> Option<TextBody> {
    let rest = r.text.get(from..)?;
    let body = rest
        .strip_prefix(" of the ")
        .or_else(|| rest.strip_prefix(" of "))?;
    read_name(r, next, from + (rest.len() - body.len()))
}

/// Reads a second body coordinated with one that ends at `from`: " and the Department of Finance".
pub(super) fn read_next(r: &Reader<'_>, next: usize, from: usize) -> Option<TextBody> {
    let rest = r.text.get(from..)?;
    let body = rest.strip_prefix(" and the ")?;
    read_name(r, next, from + (rest.len() - body.len()))
}

/// Reads a body owned by the organisation that ends at `from`: "'s Party Civil Affairs Committee" after "the
/// Ministry of Finance".
pub(super) fn read_owned(r: &Reader<'_>, next: usize, from: usize) -> Option<TextBody> {
    let rest = r.text.get(from..)?;
    // "the Ministry of Finance's …", "the Ministry of Foreign Affairs' …".
    let plural = r.text[..from].ends_with('s');
    // "the Party Central Committee’s (PCC’s) …": the possessive closes the bracketed abbreviation.
    let closed = r.text[..from].ends_with("\u{2019}s)") || r.text[..from].ends_with("'s)");
    let body = rest
        .strip_prefix("'s ")
        .or_else(|| rest.strip_prefix("\u{2019}s "))
        .or_else(|| closed.then(|| rest.strip_prefix(' ')).flatten())
        .or_else(|| {
            plural
                .then(|| {
                    rest.strip_prefix("' ")
                        .or_else(|| rest.strip_prefix("\u{2019} "))
                })
                .flatten()
        })?;
    read_name(r, next, from + (rest.len() - body.len()))
}

/// Reads a name that starts at `start`; `next` is the index of the first token at or after it.
fn read_name(r: &Reader<'_>, next: usize, start: usize) -> Option<TextBody> {
    let (text, tokens, orgs, grammar) = (r.text, r.tokens, r.orgs, r.grammar);
    let mut at = start;
    let mut name = String::new();
    // "the provincial Propaganda and Training Committee" in an article about Vinh Phuc: the article's province
    // (or city, for "municipal") hosts it.
    if let Some((word, host)) = generic_host(r, start) {
        name.push_str(&host);
        at += word;
    }
    let first = at;
    // Whether the last part read was a token: a capitalised word right after it that is no level word begins
    // something else ("… of China Chen Zhu").
    let mut after_token = false;
    // Whether the last part read was a place: "Provincial" right after it is the place's.
    let mut after_place = false;
    // A generic body or reference with no host ("the Provincial People's Committee" in an article that names no
    // province) leaves the name unknown.
    let mut generic = false;
    let mut k = next;
    let mut end = None;
    let mut pending = if name.is_empty() {
        String::new()
    } else {
        " ".to_owned()
    };
    let mut words = 0usize;
    let mut level = false;
    let mut own_words = false;
    let mut swallowed = Vec::new();
    let mut last_token = next;
    // The place read last after "of", and the name's length before it: "Department of Health of Nghe An".
    let mut last_place: Option<(usize, usize)> = None;
    loop {
        // One space between words; anything else ends the name, except an enumeration's comma and a hyphen between
        // capitalised words ("Vietnam-Russia Friendship Parliamentarians Group", "Economic - Budget Committee").
        if at > first {
            let gap = &text[at..];
            let hyphen = ["-", " - ", " \u{2013} "]
                .into_iter()
                .find(|h| gap.starts_with(h) && gap[h.len()..].starts_with(char::is_uppercase));
            // "HCMC's Labour Confederation": a place's possessive names the place's body.
            let possessive = ["'s ", "\u{2019}s "]
                .into_iter()
                .find(|p| after_place && words == 1 && gap.starts_with(p));
            if let Some(p) = possessive {
                pending.push(' ');
                at += p.len();
                after_token = false;
            } else if gap.starts_with(", ") && enumeration_goes_on(text, at + 2, tokens.get(k)) {
                pending.push_str(", ");
                at += 2;
            } else if let Some(h) = hyphen {
                pending.push_str(h);
                at += h.len();
                after_token = false;
            } else if gap.starts_with(' ') && !gap.starts_with("  ") {
                pending.push(' ');
                at += 1;
            } else {
                break;
            }
        }
        if let Some(tk) = tokens.get(k).filter(|tk| tk.start == at) {
            let part = match &tk.kind {
                Tok::Orgs(list) if list.len() == 1 => {
                    if own_words && pending.trim().is_empty() {
                        // "Quy Chau District Party Committee": the body's own words name its host.
                        swallowed.push(k);
                        level = true;
                        text[tk.start..tk.end].to_owned()
                    } else {
                        orgs.list[list[0].org].name.clone()
                    }
                }
                Tok::Place(_) | Tok::Demonym(_) => text[tk.start..tk.end].to_owned(),
                Tok::Body(_) | Tok::Reference(_) => {
                    generic = true;
                    text[tk.start..tk.end].to_owned()
                }
                // "Military Region 5 Exercise Steering Committee": a capitalised event word is a word of the name.
                Tok::Event if text[tk.start..].starts_with(char::is_uppercase) => {
                    own_words = true;
                    text[tk.start..tk.end].to_owned()
                }
                // "District", "Ward": a word that ends a place's name is a level word of a body's.
                Tok::Cue(crate::gazetteer::Cue::NotName) => {
                    let w = &text[tk.start..tk.end];
                    level |= grammar.levels.iter().any(|l| l == w);
                    own_words = true;
                    w.to_owned()
                }
                _ => break,
            };
            let pending_was_of =
                pending.trim_end().ends_with("of") || pending.trim_end().ends_with("of the");
            last_place = match tk.kind {
                Tok::Place(_) if pending_was_of => Some((name.len(), tk.end)),
                _ => None,
            };
            name.push_str(&pending);
            pending.clear();
            name.push_str(&part);
            words += 1;
            at = tk.end;
            end = Some(at);
            k += 1;
            last_token = k;
            // A word right after a place or an organisation that ends an "of …" phrase begins something else ("… of
            // China Chen Zhu"); after a name's first place ("Nghe An Department", "Vietnam-Russia Friendship") or a
            // word like "District" the name goes on.
            after_token = !matches!(tk.kind, Tok::Cue(_)) && pending_was_of;
            after_place = matches!(tk.kind, Tok::Place(_));
            continue;
        }
        let word_len = text[at..]
            .find(|c: char| {
                c.is_whitespace()
                    || matches!(
                        c,
                        ',' | ';' | ':' | '(' | ')' | '"' | '\u{201C}' | '\u{201D}'
                    )
            })
            .unwrap_or(text.len() - at);
        if word_len == 0 {
            break;
        }
        // A token that starts inside the word ends the name before it.
        if tokens.get(k).is_some_and(|tk| tk.start < at + word_len) {
            break;
        }
        let word = &text[at..at + word_len];
        let bare = word.trim_end_matches('.');
        let capitalised =
            word.starts_with(char::is_uppercase) || bare.bytes().all(|b| b.is_ascii_digit());
        if capitalised {
            let stem = word
                .strip_suffix("'s")
                .or_else(|| word.strip_suffix("\u{2019}s"))
                .unwrap_or(word)
                .trim_end_matches('.');
            let number = stem.bytes().all(|b| b.is_ascii_digit());
            // "Provincial" after a place is the place's ("Bac Lieu Provincial Department of Home Affairs"); with no
            // place before it, it leaves the body without its host.
            let place_word = grammar.generic.iter().any(|g| g == stem);
            let adjacent = pending.trim().is_empty();
            if after_token && adjacent && !number && !place_word && !is_level(stem, grammar) {
                break;
            }
            generic |= place_word && !(after_place && adjacent);
            after_token = false;
            after_place = false;
            if word.ends_with('.') && word != "No." {
                // A full stop ends the sentence, and the name with it.
                let stem = &word[..word.len() - 1];
                name.push_str(&pending);
                pending.clear();
                name.push_str(stem);
                level |= is_level(stem, grammar);
                words += 1;
                end = Some(at + stem.len());
                break;
            }
            name.push_str(&pending);
            pending.clear();
            name.push_str(word);
            level |= is_level(stem, grammar);
            own_words = true;
            words += 1;
            end = Some(at + word_len);
        } else if CONNECTORS.contains(&word) {
            // "… and the Department of Finance" begins a second body.
            if word == "the" && pending.trim_end().ends_with("and") {
                break;
            }
            pending.push_str(word);
        } else {
            break;
        }
        at += word_len;
    }
    let end = end?;
    let tokens_inside = next..last_token.max(next);
    let only_one_token = words == 1 && tokens_inside.len() == 1;
    // A body's own surface that no host resolved ("Deputy Secretary of the Party Committee" in an article that names
    // no place) is no name of a body.
    let hit = r.hits.partition_point(|h| h.start < start);
    if r.hits.get(hit).is_some_and(|h| {
        h.start == start
            && h.end == end
            && h.entries
                .iter()
                .any(|e| matches!(e, Entry::Body(_) | Entry::Reference(_)))
    }) {
        generic = true;
    }
    // "… of the Ministry", "… of the Department": a name that ends in a bare level word leaves its host unnamed.
    let mut tail = name.rsplit(' ');
    if let (Some(last), Some("the")) = (tail.next(), tail.next())
        && (last == "Ministry" || is_level(last, grammar))
    {
        generic = true;
    }
    let is_body = level && !generic && words >= 2 && !only_one_token;
    let name = if is_body {
        let name = place_first(name, last_place.filter(|&(_, e)| e == end), grammar);
        Some(provincial_department(r, &name).unwrap_or(name))
    } else {
        None
    };
    Some(TextBody {
        start,
        end,
        name,
        tokens: tokens_inside,
        swallowed: if is_body { swallowed } else { Vec::new() },
    })
}

/// `provincial-department`: "Department of Health", "Finance Department", a department of a `department-sector`
/// of `grammar.tsv` that the text names with no host, is the department of the one province or city the article
/// is about ("Nghe An Department of Health"); None when the article is about no place or about both a province
/// and a city.
fn provincial_department(r: &Reader<'_>, name: &str) -> Option<String> {
    let sector = name
        .strip_prefix("Department of ")
        .or_else(|| name.strip_suffix(" Department"))?;
    let sector = sector.strip_prefix("the ").unwrap_or(sector);
    if !r
        .grammar
        .department_sectors
        .iter()
        .any(|s| s.eq_ignore_ascii_case(sector))
    {
        return None;
    }
    let place = match r.orgs.subject_places {
        (Some(p), None) | (None, Some(p)) => p,
        _ => return None,
    };
    Some(format!("{} {name}", r.tables.places[place].name))
}

/// A body named for a level word and ended by its place, "Department of Education and Training of Ha Giang", is
/// written as the gazetteer and the annotators write such bodies: "Ha Giang Department of Education and Training".
/// `place` is the name's length before " of <place>", when the name ends with a place after "of".
fn place_first(name: String, place: Option<(usize, usize)>, grammar: &Grammar) -> String {
    let Some((before, _)) = place else {
        return name;
    };
    let first = name.split(' ').next().unwrap_or("");
    let head = &name[..before];
    let tail = name[before..].trim_start();
    let Some(place) = tail
        .strip_prefix("of the ")
        .or_else(|| tail.strip_prefix("of "))
    else {
        return name;
    };
    if !is_level(first, grammar) || !head.starts_with(&format!("{first} of ")) {
        return name;
    }
    format!("{place} {head}")
}

/// A generic word for the article's province or city at `at` ("provincial ", "municipal ", "city ") and what it
/// stands for ("Vinh Phuc Provincial", "Ho Chi Minh City"): its length with the space after it, and the host.
fn generic_host(r: &Reader<'_>, at: usize) -> Option<(usize, String)> {
    let rest = &r.text[at..];
    let word = rest.split(' ').next()?;
    let (province, city) = r.orgs.subject_places;
    let host = match word.to_ascii_lowercase().as_str() {
        "provincial" => format!("{} Provincial", r.tables.places[province?].name),
        "municipal" | "city" => r.tables.places[city?].name.clone(),
        _ => return None,
    };
    // Only before a capitalised word of the name.
    rest[word.len()..]
        .strip_prefix(' ')
        .filter(|n| n.starts_with(char::is_uppercase))?;
    Some((word.len() + 1, host))
}

/// Whether a word is a `level` word of a body ("Department", "Office"); place levels ("District") are not.
fn is_level(word: &str, grammar: &Grammar) -> bool {
    // The word is the level or its last word ("Department" of "Standing Department").
    grammar.levels.iter().any(|l| {
        l.ends_with(word)
            && (l.len() == word.len() || l.as_bytes()[l.len() - word.len() - 1] == b' ')
    })
}

/// Whether a comma at the end of a name continues it as an enumeration ("Corruption, Smuggling and Economic Crime
/// Investigation"): capitalised words that no token starts in, then "and" and a capitalised word.
fn enumeration_goes_on(text: &str, at: usize, next_token: Option<&Token>) -> bool {
    let limit = next_token.map_or(text.len(), |t| t.start);
    let Some(segment) = text.get(at..limit) else {
        return false;
    };
    let mut words = segment.split(' ');
    while let Some(w) = words.next() {
        // "Information, Education, and Mass Mobilisation": the last item may follow a serial comma.
        if w == "and" {
            return words
                .next()
                .is_some_and(|n| n.starts_with(char::is_uppercase));
        }
        // An item of several words, or one ended by the next item's comma ("Education,").
        let item = w.strip_suffix(',').unwrap_or(w);
        if !item.starts_with(char::is_uppercase) || item.contains([',', '.', ';']) {
            return false;
        }
    }
    false
}
