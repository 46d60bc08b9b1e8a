//! Relations: titles attached to names, in two stages.
//!
//! 1. [`chain`], the title-phrase parser: the token stream read as persons and title groups (a title with its
//!    organisation, past cue and foreign country), and the groups joined into maximal runs, independent of whom
//!    a run belongs to;
//! 2. [`attach`], the attachment rules: named units tried in the order of [`ATTACHMENT_RULES`], each with example
//!    sentences that the tests run (`examples.tsv` beside this file), that say whose a run is.
//!
//! Then `replacing` gives a replaced person the posts just given, `counterpart` a counterpart the post of the
//! person whose counterpart they are, `members-list` ([`members`]) gives each person
//! of a list whose header names a body's members a seat in it, a foreign person's posts move to that country's
//! bodies, dates and deaths make posts past, and [`settle`] reconciles a person's relations. A run that no rule
//! attaches, or a title with no organisation in the text, none named by the title, and a post that has one, gives
//! no relation: the rules state only what the text states.

mod attach;
mod chain;
mod members;
mod text_body;

use crate::gazetteer::Cue;
use crate::hash::HashMap;
use crate::rules::events::month_of;
use crate::rules::orgs::{DocOrgs, OrgRef, Tok, Token};
use crate::rules::{Context, gap};
use attach::{Site, Target};
use chain::{Chains, Group, Placed};

/// The attachment rules in the order they are tried: the `rule` ids of the relations they produce.
///
/// ```
/// assert_eq!(cadre::ATTACHMENT_RULES[0], "respectively");
/// assert!(cadre::ATTACHMENT_RULES.contains(&"title-before-name"));
/// ```
pub const ATTACHMENT_RULES: [&str; attach::RULES.len()] = {
    let mut ids = [""; attach::RULES.len()];
    let mut k = 0;
    while k < ids.len() {
        ids[k] = attach::RULES[k].0;
        k += 1;
    }
    ids
};

/// A relation before output.
#[derive(Debug, Clone)]
pub(crate) struct Draft {
    pub(crate) person: usize,
    pub(crate) role: String,
    pub(crate) org: Option<usize>,
    pub(crate) past: bool,
    pub(crate) evidence: (usize, usize),
    pub(crate) rule: &'static str,
    /// The body, when the organisation's host came from context.
    pub(crate) context_body: Option<u32>,
    /// The (year, month or 0) that opens the sentence ("In September 2015, he was elected …").
    pub(crate) dated: Option<(i32, u32)>,
    /// The foreign country (place index) whose body the post is in ("Lao Prime Minister").
    pub(crate) country: Option<u32>,
}

/// The rules whose relations are the posts a text reports someone being given (elected, appointed, assigned,
/// handed over): a relation by any other rule is a post the person is presented in.
pub(crate) const APPOINTING_RULES: [&str; 6] = [
    "appointed-as",
    "elected-to",
    "joins-boards",
    "handover-to",
    "replacing",
    "members-list",
];

/// Whether a post is past because the text styles its holder so right before the title ("former President
/// Truong Tan Sang", "late General Secretary Le Kha Phieu"): the text presents the person in that post at the
/// event the sentence reports ("Also attending were former President …"), unlike a biography's earlier posts.
pub(crate) fn styled_former(text: &str, (start, end): (usize, usize)) -> bool {
    let head = &text[start..end];
    let before = text[..start].trim_end();
    ["former", "Former", "late", "Late"].iter().any(|w| {
        head.strip_prefix(w).is_some_and(|r| r.starts_with(' '))
            || before
                .strip_suffix(w)
                .is_some_and(|b| b.chars().next_back().is_none_or(|c| !c.is_alphanumeric()))
    })
}

/// What the names stage knows of a person of the document.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Who {
    /// Whether the name is one no gazetteer and no Vietnamese family name gave (found after a title or before
    /// one), so that a national post of an article about one foreign country is that country's.
    pub(crate) unknown_name: bool,
    /// The gazetteer official the name is linked to, if any.
    pub(crate) official: Option<usize>,
}

/// Persons' ranks (stated right before a mention) and the relations of the document; `who[p]` is what the names
/// stage knows of person `p`.
pub(crate) fn find(
    cx: &Context<'_>,
    tokens: &[Token],
    orgs: &mut DocOrgs,
    who: &[Who],
) -> (Vec<(usize, u32)>, Vec<Draft>) {
    let mut chains = Chains::parse(cx, tokens, orgs);
    let mut drafts = Vec::new();
    for run in chains.runs(cx.text, &cx.tables.grammar) {
        chains.spread_cues(cx, orgs, run);
        let Some((rule, found)) = attach::attach(&Site::new(cx, &chains, run)) else {
            continue;
        };
        let (i, j) = run;
        let groups: Vec<&Group> = chains.units[i..=j]
            .iter()
            .filter_map(Placed::group)
            .collect();
        let evidence = (chains.units[i].start, chains.units[j].end);
        let emitted = drafts.len();
        for Target { person, nth, only } in found.targets {
            for (n, grp) in groups.iter().enumerate() {
                if only.is_none_or(|o| o == n) {
                    emit(cx, &mut drafts, person, grp, nth, evidence, rule);
                }
            }
        }
        let dated = sentence_date(cx, chains.units[i].start);
        // A post taken a full term (five years) or more before the article's date is past: "In November 2008,
        // he became Deputy Chairman of …" in a 2022 article.
        let a_term_ago = match (dated, cx.published) {
            (Some((y, m)), Some((py, pm, _))) => {
                (py - y) * 12 + (pm as i32 - m.max(1) as i32) >= 60
            }
            _ => false,
        };
        for d in &mut drafts[emitted..] {
            d.dated = dated;
            d.past |= found.past || a_term_ago;
        }
    }
    replaced(cx, tokens, &mut drafts);
    handed_to(cx, tokens, &mut drafts);
    members::lists(cx, tokens, orgs, &mut drafts);
    members::boards(cx, orgs, &mut drafts);
    counterparts(cx, tokens, orgs, &mut drafts);
    foreigners_posts(cx, tokens, orgs, who, &mut drafts);
    // A body whose posts the gazetteer lists in full (`closed-body`) holds no other: "Head of Party PCC's
    // Organization Commission" misread as a post in the Party itself is dropped; one of its posts named with its
    // words in another order is that post ("Secretary-General of the Communist Party of Vietnam").
    let closed = &cx.tables.grammar.closed_bodies;
    drafts.retain_mut(|d| {
        let Some(id) = d.org.and_then(|o| orgs.list[o].gazetteer_id.as_deref()) else {
            return true;
        };
        if !closed.iter().any(|c| c == id) || cx.roster.org_holds_role(id, &d.role) {
            return true;
        }
        cx.roster
            .reordered_role(id, &d.role)
            .map(|role| d.role = role)
            .is_some()
    });
    not_the_party_chief(cx, orgs, who, &mut drafts);
    // "Mrs. Ngo Phuong Ly, the General Secretary's wife": a title that names someone's spouse is no post.
    drafts.retain(|d| !spouse_of_title(&cx.text[d.evidence.1..]));
    // Every post of a person the text reports dead is past ("General X, former Minister of …, died …").
    for p in deceased(cx.text, tokens) {
        for d in drafts.iter_mut().filter(|d| d.person == p) {
            d.past = true;
        }
    }
    (chains.ranks, drafts)
}

/// Where the name of token `k` starts with the rank right before it ("Lieutenant General Y").
fn with_rank(text: &str, tokens: &[Token], k: usize) -> usize {
    let tk = &tokens[k];
    match k.checked_sub(1).map(|j| &tokens[j]) {
        Some(r) if matches!(r.kind, Tok::Rank(_)) && text[r.end..tk.start].trim().is_empty() => {
            r.start
        }
        _ => tk.start,
    }
}

/// `handover-to`: "Lt. Gen. X handed over the duty of Political Commissar of the Border Guard to Major General
/// Y": the person named right after "to" holds the posts handed over, now (the outgoing person's are past). The
/// run follows a `handing-over` phrase of `grammar.tsv`, and only "to" and a rank stand between it and the name.
fn handed_to(cx: &Context<'_>, tokens: &[Token], drafts: &mut Vec<Draft>) {
    let text = cx.text;
    let g = &cx.tables.grammar;
    // The posts handed over: past, after a `handing-over` phrase in their sentence; by where their run ends.
    let mut handed: Vec<(usize, usize)> = drafts
        .iter()
        .enumerate()
        .filter(|(_, d)| d.past)
        .filter(|(_, d)| {
            let sentence = cx.sentences.around(text, d.evidence.0).0.min(d.evidence.0);
            let lead = crate::rules::tail(&text[sentence..d.evidence.0], 64)
                .trim_end()
                .to_ascii_lowercase();
            g.handing_over.iter().any(|h| lead.ends_with(h.as_str()))
        })
        .map(|(i, d)| (d.evidence.1, i))
        .collect();
    if handed.is_empty() {
        return;
    }
    handed.sort_unstable();
    for (k, tk) in tokens.iter().enumerate() {
        let Tok::Person(receiver) = tk.kind else {
            continue;
        };
        let start = with_rank(text, tokens, k);
        let Some(to) = text[..start].trim_end().strip_suffix(" to") else {
            continue;
        };
        let run_end = to.trim_end().len();
        let from = handed.partition_point(|&(e, _)| e < run_end);
        let given: Vec<Draft> = handed[from..]
            .iter()
            .take_while(|&&(e, _)| e == run_end)
            .map(|&(_, i)| &drafts[i])
            .filter(|d| d.person != receiver)
            .cloned()
            .collect();
        for d in given {
            if !drafts
                .iter()
                .any(|x| x.person == receiver && x.role == d.role && x.org == d.org)
            {
                drafts.push(Draft {
                    person: receiver,
                    past: false,
                    rule: "handover-to",
                    ..d
                });
            }
        }
    }
}

/// Whether the words right after a title make it name a relative: "'s wife", "’s husband", "'s spouse".
fn spouse_of_title(after: &str) -> bool {
    let Some(rest) = after
        .strip_prefix("'s ")
        .or_else(|| after.strip_prefix("\u{2019}s "))
    else {
        return false;
    };
    ["wife", "husband", "spouse", "son", "daughter"]
        .iter()
        .any(|w| rest.starts_with(w) && !rest[w.len()..].starts_with(char::is_alphanumeric))
}

/// "Da Nang welcomes newly-appointed Party chief Nguyen Van Quang": the informal "Party chief" or "Party leader"
/// names the General Secretary of the Communist Party of Vietnam, a post one person holds at a time. A current
/// post of it given so to a person the gazetteer does not know, on a day it knows the post's holder, is a local
/// Party chief's, in a body the title does not name: no relation.
fn not_the_party_chief(cx: &Context<'_>, orgs: &DocOrgs, who: &[Who], drafts: &mut Vec<Draft>) {
    let Some((y, m, d)) = cx.published else {
        return;
    };
    let day = (y as u16, m as u8, d as u8);
    drafts.retain(|x| {
        if x.past
            || x.role != "General Secretary"
            || who.get(x.person).is_none_or(|w| w.official.is_some())
        {
            return true;
        }
        let Some(org) = x.org.map(|o| &orgs.list[o]) else {
            return true;
        };
        if org.gazetteer_id.as_deref() != Some("communist-party-of-vietnam") {
            return true;
        }
        let surface = &cx.text[x.evidence.0..x.evidence.1];
        let informal = ["chief", "leader"].iter().any(|w| {
            surface
                .split_whitespace()
                .any(|s| s.eq_ignore_ascii_case(w))
        });
        !informal
            || cx
                .roster
                .holders_on(cx.tables, &x.role, &org.key, day)
                .next()
                .is_none()
    });
}

/// `replacing`: "X was appointed Commander of Military Region 9, replacing Lieutenant General Y": the person named
/// after a `replacing` word held the posts just given in the sentence, before.
fn replaced(cx: &Context<'_>, tokens: &[Token], drafts: &mut Vec<Draft>) {
    let text = cx.text;
    for (k, tk) in tokens.iter().enumerate() {
        let Tok::Person(replaced) = tk.kind else {
            continue;
        };
        // The words before the name, back over a rank: "…, replacing Lieutenant General Y".
        let start = with_rank(text, tokens, k);
        let before = crate::rules::tail(&text[..start], 60).trim_end();
        // "replacing his predecessor Truong Tan Sang".
        let before = ["his predecessor", "her predecessor", "predecessor"]
            .iter()
            .find_map(|p| before.strip_suffix(p))
            .map_or(before, str::trim_end);
        let follows = cx.tables.grammar.replacing.iter().any(|w| {
            let cut = before.len().saturating_sub(w.len());
            before.is_char_boundary(cut)
                && before[cut..].eq_ignore_ascii_case(w)
                && (cut == 0 || before[..cut].ends_with([' ', ',']))
        });
        if !follows {
            continue;
        }
        // The posts given in the same sentence before the name, to someone else.
        let sentence = cx.sentences.clause_start(text, start);
        let given: Vec<Draft> = drafts
            .iter()
            .filter(|d| {
                d.person != replaced && d.evidence.0 >= sentence && d.evidence.1 <= start && !d.past
            })
            .cloned()
            .collect();
        // The posts the sentence gives by appointing or electing, when it gives some ("voted Politburo member and
        // Minister X as new State President, replacing his predecessor Y": Y was President, not Minister).
        let appointed = given.iter().any(|d| APPOINTING_RULES.contains(&d.rule));
        for d in given {
            if appointed && !APPOINTING_RULES.contains(&d.rule) {
                continue;
            }
            drafts.push(Draft {
                person: replaced,
                past: true,
                rule: "replacing",
                evidence: d.evidence,
                ..d
            });
        }
    }
}

/// `counterpart`: "Defence Minister Phan Van Giang and his Lao counterpart Chansamone Chanyalath", "he was greeted by
/// his Vietnamese counterpart Pham Minh Chinh": the person named after "his/her/their <adjective> counterpart"
/// holds the post of the person the possessive stands for (the nearest person named before it in its sentence)
/// in the adjective's country. The post is that person's first current one that is no seat ("Member") when there
/// is one; a foreign body's counterpart in Vietnam is the Vietnamese body it is named after.
fn counterparts(cx: &Context<'_>, tokens: &[Token], orgs: &mut DocOrgs, drafts: &mut Vec<Draft>) {
    let text = cx.text;
    let mut found = Vec::new();
    for (k, tk) in tokens.iter().enumerate() {
        let Tok::Person(person) = tk.kind else {
            continue;
        };
        // The text up to the name ends with "counterpart", right after a country's adjective.
        let upto = text[..with_rank(text, tokens, k)].trim_end();
        let Some(head) = ["counterpart", "counterparts", "counterpart,"]
            .iter()
            .find_map(|w| upto.strip_suffix(w))
        else {
            continue;
        };
        let head = head.trim_end();
        // The adjective's country; none for Vietnam's own bodies ("his Vietnamese counterpart").
        let (adjective, country) = if let Some(rest) = head.strip_suffix("Vietnamese") {
            (rest.len(), None)
        } else {
            match tokens[..k].iter().rposition(|t| t.end == head.len()) {
                Some(d) => match tokens[d].kind {
                    Tok::Demonym(c) => (tokens[d].start, Some(c)),
                    _ => continue,
                },
                None => continue,
            }
        };
        let possessive = text[..adjective].trim_end();
        if !["his", "her", "their", "His", "Her", "Their"]
            .iter()
            .any(|w| possessive.ends_with(w))
        {
            continue;
        }
        // The person the possessive stands for: the nearest named before it, in its sentence or, for a
        // sentence that names none before it ("He was greeted by his Vietnamese counterpart …"), in the one
        // before.
        let sentence = cx.sentences.around(text, adjective).0;
        let reach = text[..sentence]
            .trim_end()
            .char_indices()
            .next_back()
            .map_or(0, |(last, _)| {
                cx.sentences.around(text, last).0.min(sentence)
            });
        let from = tokens.partition_point(|t| t.start < adjective);
        let Some(antecedent) = tokens[..from]
            .iter()
            .rev()
            .take_while(|t| t.start >= reach)
            .find_map(|t| match t.kind {
                Tok::Person(p) if p != person => Some(p),
                _ => None,
            })
        else {
            continue;
        };
        let posts: Vec<&Draft> = drafts
            .iter()
            .filter(|x| x.person == antecedent && !x.past)
            .collect();
        let Some(post) = posts
            .iter()
            .filter(|x| x.role != "Member")
            .min_by_key(|x| x.evidence.0)
            .or_else(|| posts.iter().min_by_key(|x| x.evidence.0))
        else {
            continue;
        };
        // A leading post the text gives the person says which it is ("his Lao counterpart Saysomphone", President
        // of the National Assembly of Laos, not its Chairman).
        if drafts
            .iter()
            .any(|x| x.person == person && !x.past && x.role != "Member")
        {
            continue;
        }
        found.push((person, (*post).clone(), country, (adjective, tk.end)));
    }
    for (person, post, country, evidence) in found {
        // A foreign body's counterpart in Vietnam: the Vietnamese body it is named after; a Vietnamese body's
        // abroad: that country's (`chain::foreign_body`).
        let org = match (country, post.org) {
            (None, Some(o)) if orgs.list[o].kind.as_deref() == Some("foreign") => {
                match vietnamese_counterpart(cx, orgs, o, evidence) {
                    Some(v) => Some(v),
                    None => continue,
                }
            }
            (Some(c), Some(o)) => {
                let r = OrgRef {
                    org: o,
                    context_body: None,
                };
                match chain::foreign_body(cx, orgs, r, c, evidence) {
                    Some(f) => Some(f.org),
                    None => continue,
                }
            }
            (_, org) => org,
        };
        drafts.push(Draft {
            person,
            org,
            country,
            past: false,
            evidence,
            rule: "counterpart",
            context_body: None,
            ..post
        });
    }
}

/// The Vietnamese organisation a foreign one of the document is named after ("Ministry of Public Security of China"
/// is named after the Ministry of Public Security; "Lao Politburo" after the Politburo): its index among the
/// document's organisations.
fn vietnamese_counterpart(
    cx: &Context<'_>,
    orgs: &mut DocOrgs,
    foreign: usize,
    span: (usize, usize),
) -> Option<usize> {
    let t = cx.tables;
    let name = &orgs.list[foreign].name;
    let by_gazetteer = orgs.list[foreign].gazetteer_id.as_deref().and_then(|id| {
        t.counterparts.iter().find_map(|(key, list)| {
            list.iter()
                .any(|&(_, f)| t.organisations[f].id == id)
                .then(|| t.organisation_keys.get(key).copied())
                .flatten()
        })
    });
    let by_name = || {
        t.places
            .iter()
            .filter(|p| p.kind == crate::gazetteer::PlaceKind::Country)
            .find_map(|p| name.strip_suffix(&format!(" of {}", p.name)))
            .and_then(|base| {
                t.organisation_keys
                    .get(&crate::fold::fold_str(base))
                    .copied()
            })
    };
    let o = by_gazetteer.or_else(by_name)?;
    Some(orgs.gazetteer(t, o, "gazetteer-org", span))
}

/// A person whom the text presents in a foreign country's post ("Lao Prime Minister Thongloun Sisoulith") holds
/// the posts it names elsewhere in that country's bodies too ("PM Thongloun", "he served as Foreign Minister"): a
/// national body becomes the country's, and a local body of Vietnam's (resolved from context) gives nothing.
fn foreigners_posts(
    cx: &Context<'_>,
    tokens: &[Token],
    orgs: &mut DocOrgs,
    who: &[Who],
    drafts: &mut Vec<Draft>,
) {
    // A role a person holds in a foreign body is not also held in Vietnam's: "General Secretary of the Central
    // Committee of the Lao People's Revolutionary Party … Thongloun", then "General Secretary Thongloun".
    let foreign = |d: &Draft| {
        d.org
            .is_some_and(|o| orgs.list[o].kind.as_deref() == Some("foreign"))
    };
    let held_abroad: crate::hash::HashSet<(usize, String)> = drafts
        .iter()
        .filter(|d| foreign(d))
        .map(|d| (d.person, d.role.clone()))
        .collect();
    drafts.retain(|d| {
        foreign(d) || d.org.is_none() || !held_abroad.contains(&(d.person, d.role.clone()))
    });
    let mut countries: Vec<(usize, u32)> = Vec::new();
    for d in drafts.iter() {
        // The country a foreign body's name ends with counts as the text's ("State Councilor" is a post of the
        // State Council of China).
        let country = d.country.or_else(|| {
            d.org
                .filter(|&o| orgs.list[o].kind.as_deref() == Some("foreign"))
                .and_then(|o| country_named_last(cx, &orgs.list[o].name))
        });
        if let Some(c) = country
            && !countries.iter().any(|&(p, _)| p == d.person)
        {
            countries.push((d.person, c));
        }
    }
    // A gazetteer official whose every known post is a foreign body's is that country's ("Prime Minister
    // Shinzo Abe" is Japan's).
    for d in drafts.iter() {
        if !countries.iter().any(|&(p, _)| p == d.person)
            && let Some(c) = who
                .get(d.person)
                .and_then(|w| w.official)
                .and_then(|o| cx.roster.abroad(o))
        {
            countries.push((d.person, c));
        }
    }
    // `abroad`: a person whose name no gazetteer and no Vietnamese family name gave, presented in a national post
    // in an article about one foreign country ("During the visit, President Sang met with Prime Minister Bohuslav
    // Sobotka" in an article about the Czech Republic), holds that country's post.
    // Their posts in bodies the country has no counterpart of stay as the text names them.
    let mut inferred: Vec<usize> = Vec::new();
    if let Some(country) = only_foreign_country(cx, tokens) {
        for d in drafts.iter() {
            if who.get(d.person).is_some_and(|w| w.unknown_name)
                && !countries.iter().any(|&(p, _)| p == d.person)
            {
                countries.push((d.person, country));
                inferred.push(d.person);
            }
        }
    }
    if countries.is_empty() {
        return;
    }
    orgs.defer_retractions();
    drafts.retain_mut(|d| {
        let Some(&(_, country)) = countries.iter().find(|&&(p, _)| p == d.person) else {
            return true;
        };
        if d.country.is_some() {
            return true;
        }
        let Some(org) = d.org else {
            d.country = Some(country);
            return true;
        };
        // A party organ of a person only the article's subject places abroad keeps the text's name.
        if inferred.contains(&d.person) && orgs.list[org].kind.as_deref() == Some("party") {
            return true;
        }
        d.country = Some(country);
        let r = OrgRef {
            org,
            context_body: d.context_body,
        };
        match chain::foreign_body(cx, orgs, r, country, d.evidence) {
            Some(f) => {
                d.org = Some(f.org);
                d.context_body = None;
                true
            }
            None if inferred.contains(&d.person) => {
                d.country = None;
                true
            }
            None => false,
        }
    });
    orgs.apply_retractions();
}

/// The one foreign country an article names (as a country or by its adjective), if it names exactly one.
fn only_foreign_country(cx: &Context<'_>, tokens: &[Token]) -> Option<u32> {
    let places = &cx.tables.places;
    let mut found: Option<u32> = None;
    for t in tokens {
        let p = match t.kind {
            Tok::Demonym(p) => p,
            Tok::Place(p)
                if places[p as usize].kind == crate::gazetteer::PlaceKind::Country
                    && places[p as usize].id != "vietnam" =>
            {
                p
            }
            _ => continue,
        };
        match found {
            Some(f) if f != p => return None,
            _ => found = Some(p),
        }
    }
    found
}

/// The country a body's name ends with: "State Council of China" is China's (its place index).
fn country_named_last(cx: &Context<'_>, name: &str) -> Option<u32> {
    let (_, tail) = name.rsplit_once(" of ")?;
    let tail = tail.strip_prefix("the ").unwrap_or(tail);
    cx.tables
        .places
        .iter()
        .position(|p| {
            p.kind == crate::gazetteer::PlaceKind::Country && p.name == tail && p.id != "vietnam"
        })
        .map(|i| i as u32)
}

/// The persons the text reports dead: the last person named before a death cue ("died", "passed away") in its
/// sentence.
fn deceased(text: &str, tokens: &[Token]) -> Vec<usize> {
    let mut out = Vec::new();
    for (k, cue) in tokens.iter().enumerate() {
        if !matches!(cue.kind, Tok::Cue(Cue::Death)) {
            continue;
        }
        let person = tokens[..k].iter().rev().find_map(|t| match t.kind {
            Tok::Person(p) => Some((p, t.end)),
            _ => None,
        });
        if let Some((p, end)) = person
            && !gap(&text[end..cue.start], false, &text[cue.start..]).ends_clause()
            && !out.contains(&p)
        {
            out.push(p);
        }
    }
    out
}

/// The (year, month or 0) a sentence opens with: "In 2007, …", "In September 2015, …".
fn sentence_date(cx: &Context<'_>, at: usize) -> Option<(i32, u32)> {
    let text = cx.text;
    let start = cx.sentences.around(text, at).0;
    let mut words = text[start..at].split_whitespace();
    if words.next() != Some("In") {
        return None;
    }
    let mut w = words.next()?;
    let month = match month_of(w) {
        Some(m) => {
            w = words.next()?;
            m
        }
        None => 0,
    };
    let year = w.trim_end_matches(',');
    (year.len() == 4)
        .then(|| year.parse::<i32>().ok())
        .flatten()
        .map(|y| (y, month))
}

/// Emits one title group's relations for a person; `nth` is the person's place in a shared list, to pair with a
/// list of organisations of the same length.
#[allow(clippy::too_many_arguments)]
fn emit(
    cx: &Context<'_>,
    drafts: &mut Vec<Draft>,
    person: usize,
    grp: &Group,
    nth: Option<(usize, usize)>,
    evidence: (usize, usize),
    rule: &'static str,
) {
    let role = cx.tables.titles[grp.title].role.clone();
    let Some(list) = &grp.orgs else { return };
    let mut push = |org: Option<&OrgRef>| {
        drafts.push(Draft {
            person,
            role: role.clone(),
            org: org.map(|r| r.org),
            past: grp.past,
            evidence,
            rule,
            context_body: org.and_then(|r| r.context_body),
            dated: None,
            country: grp.foreign,
        });
    };
    if list.is_empty() {
        push(None);
        return;
    }
    match nth {
        Some((n, total)) if total == list.len() && total > 1 => push(Some(&list[n])),
        _ => {
            for r in list {
                push(Some(r));
            }
        }
    }
}

/// A later mention of a person with the same title and a body resolved from context means the body the earlier
/// mention named ("Chairwoman of the municipal People's Council Nguyen Thi Le" twice in an article about two
/// cities); then duplicates go, the first mention's draft kept.
pub(crate) fn settle(drafts: &mut Vec<Draft>, orgs: &DocOrgs, bodies: &[crate::gazetteer::Body]) {
    // The first organisation each (person, role) held in a body of each kind ("party-committee@…"), in text order;
    // a draft whose body comes from context takes it. Read first, then written, so that the keys borrow.
    let mut first: HashMap<(usize, &str, &str), Option<usize>> = HashMap::default();
    let mut settled: Vec<Option<usize>> = Vec::with_capacity(drafts.len());
    for d in drafts.iter() {
        let org = d
            .context_body
            .and_then(|b| first.get(&(d.person, d.role.as_str(), bodies[b as usize].id.as_str())))
            .copied()
            .unwrap_or(d.org);
        let body = org
            .and_then(|o| orgs.list[o].gazetteer_id.as_deref())
            .and_then(|id| id.split_once('@'))
            .map(|(body, _)| body);
        if let Some(body) = body {
            first
                .entry((d.person, d.role.as_str(), body))
                .or_insert(org);
        }
        settled.push(org);
    }
    for (d, org) in drafts.iter_mut().zip(settled) {
        d.org = org;
    }
    // A dated post is past when a later dated post of the same person in the same organisation follows it
    // ("In September 2015, … Deputy Secretary of …; in January 2019, … Secretary of …"); membership is not
    // replaced by a post in the same body.
    let mut latest: HashMap<(usize, usize), (i32, u32)> = HashMap::default();
    for d in drafts.iter() {
        if let (Some(org), Some(date)) = (d.org, d.dated) {
            let e = latest.entry((d.person, org)).or_insert(date);
            *e = (*e).max(date);
        }
    }
    for d in drafts.iter_mut() {
        let superseded = d.role != "Member"
            && d.org
                .zip(d.dated)
                .is_some_and(|(org, date)| latest[&(d.person, org)] > date);
        d.past |= superseded;
    }
    // An elected member of the National Assembly or of a People's Council is its Deputy (ANNOTATION.md): "a member
    // of the National Assembly in the 13th and 14th terms".
    for d in drafts.iter_mut() {
        let legislature = d
            .org
            .and_then(|o| orgs.list[o].gazetteer_id.as_deref())
            .is_some_and(|id| id == "national-assembly" || id.starts_with("peoples-council@"));
        if legislature && d.role == "Member" {
            d.role = "Deputy".to_owned();
        }
    }
    let mut seen = crate::hash::HashSet::default();
    drafts.retain(|d| seen.insert((d.person, d.role.clone(), d.org)));
}
