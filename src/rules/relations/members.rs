//! `members-list`: a list whose header says it is of a body's members gives each listed person a seat in that
//! body: "Seven other members of the 13th-tenure Politburo were also re-elected to the Central Committee, namely:
//! A; B; …" (Member of the Politburo, and of the Central Committee the header elects them to), "Attending were
//! comrades of the Party Central Committee: A - Secretary of …; B - …", "The Standing Committee … has six members
//! including: A - …; B - …". A seat in a `legislature` of `grammar.tsv` is a Deputy's (ANNOTATION.md).
//!
//! The list runs from the colon to the end of its paragraph, or, when the colon ends its line, over the lines
//! after it up to a blank line; its persons are the first named in each item (items end at a semicolon, a
//! sentence's end or a line break), so the persons an item's titles name are not listed.

use super::Draft;
use super::chain::{joins, lead_in};
use crate::gazetteer::Grammar;
use crate::rules::Context;
use crate::rules::orgs::{DocOrgs, Tok, Token};

/// Adds a seat in the header's bodies for each person of every members' list of the text.
pub(super) fn lists(cx: &Context<'_>, tokens: &[Token], orgs: &DocOrgs, drafts: &mut Vec<Draft>) {
    let Some(member) = cx.tables.member_title else {
        return;
    };
    let text = cx.text;
    let grammar = &cx.tables.grammar;
    // The seats already given, read from the drafts once the first list is found (a long text has many).
    let mut known: Option<crate::hash::HashSet<(usize, usize, String)>> = None;
    for &colon in cx.sentences.colons() {
        let mut header_start = cx.sentences.around(text, colon).0.min(colon);
        // "… assigned ten members of the Politburo to join the Secretariat. The ten officials are:": a bare
        // opener names no body, and the sentence before it is the header.
        if bare_opener(&text[header_start..colon], grammar)
            && let Some(before) = text[..header_start].trim_end().len().checked_sub(1)
        {
            header_start = cx.sentences.around(text, before).0.min(header_start);
        }
        let a = tokens.partition_point(|t| t.start < header_start);
        let b = tokens.partition_point(|t| t.start < colon);
        let bodies: smallvec::SmallVec<[usize; 2]> = tokens[a..b]
            .iter()
            .filter_map(|t| match &t.kind {
                Tok::Orgs(list) if list.len() == 1 => Some((t, list[0].org)),
                _ => None,
            })
            .filter(|(t, _)| seats(&text[header_start..t.start], &text[t.end..colon], grammar))
            .map(|(_, org)| org)
            .collect();
        // "comrades of the Party Central Committee:": the header ends with a body.
        let ends_with_body = tokens[a..b].last().is_some_and(|t| {
            matches!(t.kind, Tok::Orgs(_)) && text[t.end..colon].trim().is_empty()
        });
        if bodies.is_empty() || !(ends_with_body || opens_list(&text[header_start..colon], grammar))
        {
            continue;
        }
        let end = list_end(text, colon);
        for (p, span) in item_heads(text, tokens, colon, end) {
            for &org in &bodies {
                let legislature = grammar.legislature.iter().any(|l| {
                    orgs.list[org]
                        .name
                        .to_ascii_lowercase()
                        .contains(l.as_str())
                });
                let role = if legislature {
                    "Deputy".to_owned()
                } else {
                    cx.tables.titles[member].role.clone()
                };
                let known = known.get_or_insert_with(|| {
                    drafts
                        .iter()
                        .filter_map(|d| Some((d.person, d.org?, d.role.clone())))
                        .collect()
                });
                if known.insert((p, org, role.clone())) {
                    drafts.push(Draft {
                        person: p,
                        role,
                        org: Some(org),
                        past: false,
                        evidence: span,
                        rule: "members-list",
                        context_body: None,
                        dated: None,
                        country: None,
                    });
                }
            }
        }
    }
}

/// Whether a header gives seats in the body named between `before` and `after` (up to the colon): "members of
/// the 13th-tenure <body>", "comrades of the <body>", "<body> members", "<body> … has six members", or a
/// `joining` phrase ("were re-elected to the <body>, namely").
fn seats(before: &str, after: &str, grammar: &Grammar) -> bool {
    let lead = lead_in(before);
    let of_members = ["members of", "member of", "comrades of", "comrades in"]
        .iter()
        .any(|w| lead.ends_with(w));
    let after = after.trim_start().to_ascii_lowercase();
    let members_after = after.starts_with("members") || after.starts_with("member ");
    let has_members = after.find(" members").is_some_and(|m| {
        ["has ", "have ", "consists of ", "comprises ", "includes "]
            .iter()
            .any(|v| after[..m].contains(v))
    });
    of_members || members_after || has_members || joins(before, grammar)
}

/// Whether a header ends as a list's does: with a `list-opener` ("namely", "including", "are") or "members", not
/// with any other word ("The Politburo members met on Monday:").
fn opens_list(header: &str, grammar: &Grammar) -> bool {
    let lower = header.trim_end().trim_end_matches(',').to_ascii_lowercase();
    grammar
        .list_openers
        .iter()
        .chain([&"members".to_owned()])
        .any(|o| lower.ends_with(o.as_str()) && lower[..lower.len() - o.len()].ends_with(' '))
}

/// Whether a colon's sentence is only a list opener that points back, with no body of its own: "The ten
/// officials are", "They are", "The list is as follows" (at most six words, no capitalised word after the
/// first, one of them a `pointing-back` word of `grammar.tsv` that refers back to the members the sentence before counts, ending in a
/// `list-opener`). "The speakers were" does not point back: speakers need not be the members.
fn bare_opener(header: &str, grammar: &Grammar) -> bool {
    let words: Vec<&str> = header.split_whitespace().collect();
    (1..=6).contains(&words.len())
        && words[1..]
            .iter()
            .all(|w| !w.starts_with(|c: char| c.is_uppercase()))
        && words.iter().any(|w| {
            grammar
                .pointing_back
                .iter()
                .any(|b| w.eq_ignore_ascii_case(b))
        })
        && opens_list(header, grammar)
}

/// Where a list that a colon at `colon` opens ends: the end of the colon's paragraph; when the colon ends its
/// line, the first blank line after it.
fn list_end(text: &str, colon: usize) -> usize {
    let rest = &text[colon + 1..];
    let opens_lines = rest.trim_start_matches([' ', '\t']).starts_with('\n');
    let end = if opens_lines {
        // Skip the line break(s) right after the colon, then up to a blank line.
        let skipped = rest.len() - rest.trim_start().len();
        rest[skipped..]
            .find("\n\n")
            .map_or(rest.len(), |i| skipped + i)
    } else {
        rest.find('\n').unwrap_or(rest.len())
    };
    colon + 1 + end
}

/// The first person of each item of a list between `colon` and `end`: items end at a semicolon, a full stop that
/// ends a sentence, or a line break.
fn item_heads(
    text: &str,
    tokens: &[Token],
    colon: usize,
    end: usize,
) -> Vec<(usize, (usize, usize))> {
    let from = tokens.partition_point(|t| t.start <= colon);
    let mut out = Vec::new();
    let mut item_start = colon + 1;
    let mut taken = false;
    for t in tokens[from..].iter().take_while(|t| t.start < end) {
        let between = &text[item_start..t.start];
        if between.contains([';', '\n']) || between.contains(". ") {
            taken = false;
        }
        if let Tok::Person(p) = t.kind
            && !taken
        {
            out.push((p, (t.start, t.end)));
            taken = true;
        }
        item_start = t.end;
    }
    out
}

/// `joins-boards`: a Party Committee's boards named without their host before a post of that committee are seats
/// in it: "appointed to join the Executive Board, Standing Board and hold the post of Secretary of the Kon Tum
/// Party Committee" gives a seat in the Kon Tum Party Committee (a `party-board`) and in its Standing Committee (a
/// `standing-board`); "released him from his positions on the Executive Board, Standing Board and as Secretary of
/// …" gives them as held before, as the post is.
pub(super) fn boards(cx: &Context<'_>, orgs: &mut DocOrgs, drafts: &mut Vec<Draft>) {
    let Some(member) = cx.tables.member_title else {
        return;
    };
    let text = cx.text;
    let mut found = Vec::new();
    for d in drafts.iter() {
        let Some(org) = d.org else {
            continue;
        };
        let name = &orgs.list[org].name;
        if !name.ends_with("Party Committee") || name.ends_with("Party Central Committee") {
            continue;
        }
        let from = cx.sentences.around(text, d.evidence.0).0.min(d.evidence.0);
        for (standing, span) in read_boards(text, from, d.evidence.0, &cx.tables.grammar) {
            found.push((d.person, org, standing, span, d.past));
        }
    }
    for (person, org, standing, span, past) in found {
        let org = if standing {
            let name = format!("Standing Committee of the {}", orgs.list[org].name);
            orgs.intern(name, None, Some("party".to_owned()), "host-body", span)
        } else {
            org
        };
        let role = &cx.tables.titles[member].role;
        if drafts
            .iter()
            .any(|d| d.person == person && d.org == Some(org) && d.role == *role)
        {
            continue;
        }
        drafts.push(Draft {
            person,
            role: role.clone(),
            org: Some(org),
            past,
            evidence: span,
            rule: "joins-boards",
            context_body: None,
            dated: None,
            country: None,
        });
    }
}

/// The boards listed right before a post at `post` ("to join the Executive Board, Standing Board and hold the post
/// of"), from `from` (the sentence's start): for each, whether it is a `standing-board`, and its span.
fn read_boards(text: &str, from: usize, post: usize, g: &Grammar) -> Vec<(bool, (usize, usize))> {
    // The boards and the verb stand within a few words of the post: read no more than `BOARDS_REACH` bytes.
    let from = from.max(crate::rules::char_floor(
        text,
        post.saturating_sub(BOARDS_REACH),
    ));
    let lower = text[from..post].to_ascii_lowercase();
    let mut rest = lower.trim_end();
    // The post's verb: "hold the post of", "as".
    let Some(verb) = g
        .appointing
        .iter()
        .filter(|a| ends_with_word(rest, a))
        .max_by_key(|a| a.len())
    else {
        return Vec::new();
    };
    rest = rest[..rest.len() - verb.len()].trim_end();
    for w in ["to", "and"] {
        rest = strip_word(rest, w);
    }
    rest = rest.trim_end_matches(',').trim_end();
    let mut out = Vec::new();
    loop {
        let board = (g.party_boards.iter().map(|b| (b, false)))
            .chain(g.standing_boards.iter().map(|b| (b, true)))
            .filter(|(b, _)| ends_with_word(rest, b))
            .max_by_key(|(b, _)| b.len());
        let Some((b, standing)) = board else {
            break;
        };
        let start = rest.len() - b.len();
        out.push((standing, (from + start, from + rest.len())));
        rest = strip_word(rest[..start].trim_end(), "the");
        let before = rest.len();
        rest = strip_word(rest.trim_end_matches(',').trim_end(), "and");
        if rest.len() == before {
            break;
        }
    }
    let joined = [
        "join", "joins", "joined", "joining", "on", "in", "from", "to",
    ]
    .iter()
    .any(|w| ends_with_word(rest, w));
    if joined { out } else { Vec::new() }
}

/// How far before a post its list of boards may start ("to join the Executive Committee, the Standing Committee
/// and to hold the position of").
const BOARDS_REACH: usize = 160;

/// Whether `s` ends with the words `w` (a word boundary before them).
fn ends_with_word(s: &str, w: &str) -> bool {
    s.strip_suffix(w)
        .is_some_and(|head| head.is_empty() || head.ends_with(|c: char| !c.is_alphanumeric()))
}

/// `s` without its last word when that word is `w`, trimmed.
fn strip_word<'s>(s: &'s str, w: &str) -> &'s str {
    if ends_with_word(s, w) {
        s[..s.len() - w.len()].trim_end()
    } else {
        s
    }
}
