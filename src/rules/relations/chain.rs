//! The title-phrase parser: the token stream read as persons and title groups, and the title groups joined into
//! maximal runs (chains), independent of whom a chain belongs to.
//!
//! A title group is a title with its organisation: after "of"/"in" ("Secretary of the Hanoi Party Committee"),
//! before it ("Politburo member", "HCMC Party Committee Secretary"), named by the title itself ("Defence
//! Minister"), or the body as the text names it when the gazetteer does not hold it ("Director of the Nghe An
//! Department of Health"). A past cue before a group ("former", "served as") marks it past; a foreign country's
//! adjective or name before it ("Chinese Defence Minister") puts it in that country's body. Groups joined by
//! commas, "and", "cum" and "concurrently" form a run; a semicolon, a sentence's end or any other word ends it.

use super::text_body;
use crate::gazetteer::{Cue, Grammar, PlaceKind, TitleOrg};
use crate::rules::orgs::{DocOrgs, OrgRef, Tok, Token};
use crate::rules::{Context, Gap, gap, tail};

/// A title and its organisations.
#[derive(Debug, Clone)]
pub(super) struct Group {
    pub(super) title: usize,
    pub(super) plural: bool,
    /// The organisations: `Some(vec![])` for a post of no organisation, `None` when unresolved.
    pub(super) orgs: Option<Vec<OrgRef>>,
    pub(super) past: bool,
    /// The country (place index) whose adjective or name stands before it ("Chinese Defence Minister").
    pub(super) foreign: Option<u32>,
}

/// A person or a title group.
#[derive(Debug, Clone)]
pub(super) enum Unit {
    Titles(Group),
    Person { person: usize },
}

/// A unit and its span in the text.
#[derive(Debug, Clone)]
pub(super) struct Placed {
    pub(super) unit: Unit,
    pub(super) start: usize,
    pub(super) end: usize,
}

impl Placed {
    pub(super) fn person(&self) -> Option<usize> {
        match self.unit {
            Unit::Person { person } => Some(person),
            Unit::Titles(_) => None,
        }
    }

    pub(super) fn group(&self) -> Option<&Group> {
        match &self.unit {
            Unit::Titles(g) => Some(g),
            Unit::Person { .. } => None,
        }
    }
}

/// The document as units, with the gap between each unit and the next, and the ranks stated before names.
pub(super) struct Chains {
    pub(super) units: Vec<Placed>,
    /// `gaps[k]` lies between `units[k]` and `units[k + 1]`.
    pub(super) gaps: Vec<Gap>,
    /// (person, rank index) for a rank right before a name.
    pub(super) ranks: Vec<(usize, u32)>,
}

impl Chains {
    /// Reads the token stream as units and classifies the gaps between them.
    pub(super) fn parse(cx: &Context<'_>, tokens: &[Token], orgs: &mut DocOrgs) -> Chains {
        let (mut units, ranks) = units(cx, tokens, orgs);
        let gaps: Vec<Gap> = units
            .windows(2)
            .map(|w| unit_gap(cx, tokens, &w[0], &w[1]))
            .collect();
        share_organisations(&mut units, &gaps, cx.tables);
        Chains { units, gaps, ranks }
    }

    /// The runs of title groups, as inclusive unit ranges `(i, j)`, in text order. A run is maximal: title groups
    /// joined by commas and "and", except where the text parts them (see [`Chains::cut`]).
    pub(super) fn runs(&self, text: &str, grammar: &Grammar) -> Vec<(usize, usize)> {
        let units = &self.units;
        let gaps = &self.gaps;
        let mut out = Vec::new();
        let mut i = 0;
        while i < units.len() {
            if units[i].group().is_none() {
                i += 1;
                continue;
            }
            let mut j = i;
            while j + 1 < units.len()
                && units[j + 1].group().is_some()
                && matches!(
                    gaps[j],
                    Gap::Comma | Gap::And | Gap::CommaAnd | Gap::SemicolonAnd
                )
            {
                j += 1;
            }
            // "; and" goes on with a list of posts, unless what follows it is a name's titles of its own: "… has
            // become Minister of Industry and Trade; and Secretary of the Nam Dinh Party Committee X is now …".
            if let Some(m) = (i..j).find(|&m| gaps[m] == Gap::SemicolonAnd)
                && j + 1 < units.len()
                && units[j + 1].person().is_some()
                && matches!(gaps[j], Gap::Adjacent | Gap::Comma)
            {
                j = m;
            }
            // "by the Prime Minister, Deputy Minister X": a title after a preposition and "the" is that
            // preposition's object, not one of the titles of the name that follows.
            if j > i && gaps[i] == Gap::Comma && preposition_object(text, units[i].start, grammar) {
                i += 1;
                continue;
            }
            // Between two names, ", and" parts the titles of the first from those of the second: "To Lam,
            // Chairman of the Council …, Commander-in-Chief of …, and Member of the Politburo, … Nguyen Hoa Binh".
            let after_name = i > 0 && units[i - 1].person().is_some() && gaps[i - 1] == Gap::Comma;
            let before_name =
                j + 1 < units.len() && units[j + 1].person().is_some() && gaps[j] == Gap::Adjacent;
            if after_name
                && before_name
                && let Some(m) = (i..j).rev().find(|&m| gaps[m] == Gap::CommaAnd)
            {
                j = m;
            }
            out.push((i, j));
            i = j + 1;
        }
        out
    }

    /// Applies the cues of a run's first group to the whole run: "served as A and B" makes both past; "Chinese
    /// State Councillor and Minister of National Defence" holds a post in China's Ministry of National Defence.
    pub(super) fn spread_cues(
        &mut self,
        cx: &Context<'_>,
        orgs: &mut DocOrgs,
        (i, j): (usize, usize),
    ) {
        let (past, foreign) = match self.units[i].group() {
            Some(first) => (first.past, first.foreign),
            None => (false, None),
        };
        for u in &mut self.units[i..=j] {
            let span = (u.start, u.end);
            if let Unit::Titles(g) = &mut u.unit {
                g.past |= past;
                g.foreign = foreign.or(g.foreign);
                // A post of no organisation ("US President") stays one.
                if let Some(country) = g.foreign
                    && g.orgs.as_ref().is_some_and(|l| !l.is_empty())
                {
                    let list: Vec<OrgRef> = g
                        .orgs
                        .take()
                        .unwrap_or_default()
                        .into_iter()
                        .filter_map(|r| foreign_body(cx, orgs, r, country, span))
                        .collect();
                    g.orgs = (!list.is_empty()).then_some(list);
                }
            }
        }
    }
}

/// How many tokens back a rule looks for the start of a title's clause.
const CLAUSE_TOKENS: usize = 64;

/// `electing-body`: the organisation that elects or appoints to a title that names none, in the title's clause: "The
/// Hanoi Party Committee elected A as Deputy Secretary", "the Executive Board of the Tien Giang Party Committee elected
/// two Deputy Secretaries". The nearest organisation before the title, with an appointing verb (`appoint-verb`) between
/// them, when the gazetteer knows posts of this role in organisations of its kind ("The National Assembly elected A as
/// President" is no post in the National Assembly).
fn electing_body(
    cx: &Context<'_>,
    orgs: &DocOrgs,
    tokens: &[Token],
    i: usize,
    title: usize,
) -> Option<usize> {
    let text = cx.text;
    let at = tokens[i].start;
    // Back through the clause: each stretch of text between two tokens is read once, and no further back than
    // `CLAUSE_TOKENS` tokens (a run of titles with no punctuation must not make this quadratic).
    let mut clause_start = at;
    let (k, org) = tokens[..i]
        .iter()
        .enumerate()
        .rev()
        .take(CLAUSE_TOKENS)
        .take_while(|(_, tk)| {
            let open =
                !text[tk.end.min(clause_start)..clause_start].contains(['.', ';', ':', '\n']);
            clause_start = clause_start.min(tk.end);
            open
        })
        .find_map(|(k, tk)| match &tk.kind {
            Tok::Orgs(list) => Some((k, (list.len() == 1).then(|| list[0].org))),
            _ => None,
        })?;
    let org = org?;
    let verbs = &cx.tables.grammar.appoint_verbs;
    let elects = text[tokens[k].end..at]
        .split(|c: char| !c.is_alphabetic())
        .any(|w| verbs.iter().any(|v| w.starts_with(v.as_str())));
    (elects && holds_role(cx, &orgs.list[org], title, at)).then_some(org)
}

/// `sentence-body`: the organisation a sentence is about, for a title that names none: "Officials of the Ministry of
/// Public Security attending the session included PCC members, deputy ministers: A, B" gives the Ministry's Deputy
/// Ministers. The nearest organisation named before the title in its sentence (no further back than
/// `CLAUSE_TOKENS` tokens) of a kind in which the gazetteer knows posts of this role (the Party Central Committee
/// named between holds no Deputy Minister).
fn sentence_body(
    cx: &Context<'_>,
    orgs: &DocOrgs,
    tokens: &[Token],
    i: usize,
    title: usize,
) -> Option<usize> {
    let text = cx.text;
    let mut sentence_start = tokens[i].start;
    for tk in tokens[..i].iter().rev().take(CLAUSE_TOKENS) {
        if text[tk.end.min(sentence_start)..sentence_start].contains(['.', '\n']) {
            break;
        }
        sentence_start = sentence_start.min(tk.start);
        if let Tok::Orgs(list) = &tk.kind
            && let [one] = list.as_slice()
            && holds_role(cx, &orgs.list[one.org], title, tokens[i].start)
        {
            return Some(one.org);
        }
    }
    None
}

/// Whether a Vietnamese organisation of the document, mentioned before `at`, is of a kind in which the gazetteer
/// knows a post of the title's role (`Roster::kind_holds`).
fn holds_role(cx: &Context<'_>, org: &super::super::orgs::DocOrg, title: usize, at: usize) -> bool {
    let Some(id) = org.gazetteer_id.as_deref() else {
        return false;
    };
    let (body, kind) = match id.split_once('@') {
        Some((body, _)) => (true, body),
        None => (false, id),
    };
    org.kind.as_deref() != Some("foreign")
        && org.mentions.iter().any(|&(s, _)| s < at)
        && cx.roster.kind_holds(body, kind, title)
}

/// `subject-body`: the organisation an article is about, for a title that names none ("Secretary General Bui Van Cuong"
/// in an article about the National Assembly, "Deputy Minister X" in one about the Ministry of Public Security): the
/// organisation mentioned most in the document (alone: a tie gives none), named before the title, of a kind in which
/// the gazetteer knows a post of this role (`Roster::kind_holds`).
fn subject_org(cx: &Context<'_>, orgs: &DocOrgs, title: usize, at: usize) -> Option<usize> {
    let most = orgs.list.iter().map(|o| o.mentions.len()).max()?;
    if most == 0 {
        return None;
    }
    let mut most_mentioned = orgs
        .list
        .iter()
        .enumerate()
        .filter(|(_, o)| o.mentions.len() == most)
        .map(|(i, _)| i);
    let first = most_mentioned.next()?;
    (most_mentioned.next().is_none() && holds_role(cx, &orgs.list[first], title, at))
        .then_some(first)
}

/// Whether the text between two organisations, a term aside, is "and of the": "member of the Party Central
/// Committee of the 11th and 12th tenures and of the Politburo" names a second body of the same title.
fn and_of(between: &str) -> bool {
    let t = between.trim();
    let t = crate::rules::strip_term(t).unwrap_or(t);
    let t = t.trim_start_matches(',').trim_start();
    matches!(
        t,
        "and of the" | "and of" | "and also of the" | "as well as of the"
    )
}

/// The organ of a party that two adjacent organisation tokens name together (see `units`): a Vietnamese party
/// organ owned by the organisation before it ("CPV Central Committee"), or a foreign party's organ named with a
/// Vietnamese organ's words, before or after "of" ("LPRP Central Committee", "Politburo of the Communist Party of
/// China"), which becomes "<the words> of the <party>".
fn party_organ(
    cx: &Context<'_>,
    orgs: &mut DocOrgs,
    (a, ta): (usize, &Token),
    (b, tb): (usize, &Token),
    gap: Gap,
) -> Option<OrgRef> {
    let t = cx.tables;
    let gazetteer = |o: usize| {
        orgs.list[o]
            .gazetteer_id
            .as_deref()
            .and_then(|id| t.organisations.iter().find(|x| x.id == id))
    };
    let (ga, gb) = (gazetteer(a)?, gazetteer(b)?);
    let organ_of_party = |x: &crate::gazetteer::Organisation| {
        x.kind == "party" && x.parent.is_some() && !x.id.contains('@')
    };
    let text = cx.text;
    let foreign_organ = |organ: &crate::gazetteer::Organisation,
                         words: &str,
                         party: &crate::gazetteer::Organisation| {
        (organ_of_party(organ) && party.kind == "foreign")
            .then(|| format!("{} of the {}", words.trim_start_matches("the "), party.name))
    };
    let name = match gap {
        Gap::Adjacent if gb.parent.as_deref() == Some(ga.id.as_str()) => {
            return Some(OrgRef {
                org: b,
                context_body: None,
            });
        }
        Gap::Adjacent => foreign_organ(gb, &text[tb.start..tb.end], ga)?,
        Gap::Of => foreign_organ(ga, &text[ta.start..ta.end], gb)?,
        _ => return None,
    };
    orgs.retract(a, (ta.start, ta.end));
    orgs.retract(b, (tb.start, tb.end));
    let org = orgs.intern(
        name,
        None,
        Some("foreign".to_owned()),
        "foreign-body",
        (ta.start.min(tb.start), ta.end.max(tb.end)),
    );
    Some(OrgRef {
        org,
        context_body: None,
    })
}

/// Whether the title at `at` follows a preposition and "the": "by the Prime Minister, …".
pub(super) fn preposition_object(text: &str, at: usize, grammar: &Grammar) -> bool {
    let before = tail(&text[..at], 24).trim_end().to_ascii_lowercase();
    before.strip_suffix(" the").is_some_and(|b| {
        grammar
            .object_prepositions
            .iter()
            .any(|p| b.ends_with(p.as_str()) && b[..b.len() - p.len()].ends_with(' '))
    })
}

/// Persons and title groups from the token stream, and the ranks stated right before names.
fn units(
    cx: &Context<'_>,
    tokens: &[Token],
    orgs: &mut DocOrgs,
) -> (Vec<Placed>, Vec<(usize, u32)>) {
    let t = cx.tables;
    let text = cx.text;
    let g = |a: &Token, b: &Token| cx.gap(a.end, b.start);
    let member = t.member_title;
    let mut units: Vec<Placed> = Vec::new();
    let mut ranks = Vec::new();
    let mut consumed = vec![false; tokens.len()];
    // A title group whose body's owner is the next group's organisation: its unit, and its body's words.
    let mut dangling: Option<(usize, usize, usize)> = None;
    for i in 0..tokens.len() {
        if consumed[i] {
            continue;
        }
        match tokens[i].kind {
            Tok::Person(p) => {
                let rank = match i.checked_sub(1).map(|j| (&tokens[j].kind, j)) {
                    Some((Tok::Rank(r), j)) if g(&tokens[j], &tokens[i]) == Gap::Adjacent => {
                        Some(*r)
                    }
                    _ => None,
                };
                if let Some(r) = rank {
                    ranks.push((p, r));
                }
                let start = if rank.is_some() {
                    tokens[i - 1].start
                } else {
                    tokens[i].start
                };
                units.push(Placed {
                    unit: Unit::Person { person: p },
                    start,
                    end: tokens[i].end,
                });
            }
            Tok::Title { index, plural } => {
                let title = &t.titles[index as usize];
                let mut start = tokens[i].start;
                let mut end = tokens[i].end;
                let mut orgs_found: Option<Vec<OrgRef>> = None;
                // Organisation after "of"/"in" — unless a lower-case word ("under the chair of NA Vice Chairman
                // X") stands before an organisation that a title right after it takes.
                let lower = text[tokens[i].start..].starts_with(char::is_lowercase);
                let taken_by_next = i + 2 < tokens.len()
                    && matches!(tokens[i + 2].kind, Tok::Title { .. })
                    && g(&tokens[i + 1], &tokens[i + 2]) == Gap::Adjacent;
                if i + 1 < tokens.len()
                    && matches!(g(&tokens[i], &tokens[i + 1]), Gap::Of | Gap::In)
                    && !(lower && taken_by_next)
                    && let Tok::Orgs(list) = &tokens[i + 1].kind
                {
                    let mut all = list.clone();
                    consumed[i + 1] = true;
                    end = tokens[i + 1].end;
                    // A member of several bodies: "member of the Party Central Committee and the Politburo", "… of
                    // the 11th and 12th tenures and of the Politburo".
                    let mut n = i + 1;
                    while title.role == "Member"
                        && n + 1 < tokens.len()
                        && (matches!(g(&tokens[n], &tokens[n + 1]), Gap::And | Gap::CommaAnd)
                            || and_of(&text[tokens[n].end..tokens[n + 1].start]))
                        && let Tok::Orgs(more) = &tokens[n + 1].kind
                    {
                        all.extend(more.iter().cloned());
                        n += 1;
                        consumed[n] = true;
                        end = tokens[n].end;
                    }
                    // A party's organ named after the party: "of the Communist Party of Việt Nam (CPV) Central
                    // Committee" is the Party Central Committee; "of the Lao People's Revolutionary Party Central
                    // Committee" and "of the Central Committee of the Lao People's Revolutionary Party" are that
                    // party's, named "Central Committee of the Lao People's Revolutionary Party".
                    // The party's abbreviation in brackets between them is the party again: "(CPV)".
                    if let [a] = all.as_slice()
                        && n + 2 < tokens.len()
                        && let Tok::Orgs(abbr) = &tokens[n + 1].kind
                        && abbr.iter().any(|r| r.org == a.org)
                        && text[tokens[n].end..tokens[n + 1].start].trim() == "("
                        && text[tokens[n + 1].end..].starts_with(')')
                    {
                        n += 1;
                        consumed[n] = true;
                    }
                    if let [a] = all.as_slice()
                        && n + 1 < tokens.len()
                        && let Tok::Orgs(next) = &tokens[n + 1].kind
                        && let [b] = next.as_slice()
                        && let Some(organ) = party_organ(
                            cx,
                            orgs,
                            (a.org, &tokens[n]),
                            (b.org, &tokens[n + 1]),
                            g(&tokens[n], &tokens[n + 1]),
                        )
                    {
                        all = vec![organ];
                        n += 1;
                        consumed[n] = true;
                        end = tokens[n].end;
                    }
                    // "Secretary of the Ministry of Finance's Party Civil Affairs Committee": a body the gazetteer
                    // lacks, owned by the organisation named.
                    if let [owner] = all.as_slice()
                        && let Some(tb) = text_body::read_owned(
                            &text_body::Reader::new(cx, tokens, orgs),
                            n + 1,
                            end,
                        )
                        && tb.tokens.is_empty()
                        && let Some(name) = tb.name
                    {
                        let name = format!("{name} of the {}", orgs.list[owner.org].name);
                        let org =
                            orgs.intern(name, None, None, "text-body", (tokens[n].start, tb.end));
                        all = vec![OrgRef {
                            org,
                            context_body: None,
                        }];
                        end = tb.end;
                    }
                    orgs_found = Some(all);
                }
                // The country a post is to: "Ambassador to the US", "Ambassador of Vietnam to Japan" (the name
                // follows it).
                let mut to = i + 1;
                if orgs_found.is_none()
                    && title.organisation == TitleOrg::None
                    && to + 1 < tokens.len()
                    && matches!(tokens[to].kind, Tok::Place(_))
                    && g(&tokens[i], &tokens[to]) == Gap::Of
                {
                    to += 1;
                }
                if orgs_found.is_none()
                    && to < tokens.len()
                    && matches!(tokens[to].kind, Tok::Place(_))
                    && matches!(
                        text[tokens[to - 1].end..tokens[to].start].trim(),
                        "to" | "to the"
                    )
                {
                    for c in &mut consumed[i + 1..=to] {
                        *c = true;
                    }
                    end = tokens[to].end;
                }
                // "The National Assembly elected X as its Chairwoman": "its" stands for the organisation named
                // before it in the sentence.
                if orgs_found.is_none()
                    && title.organisation == TitleOrg::FromText
                    && let Some(before) = text[..tokens[i].start].strip_suffix(' ')
                    && (before.ends_with(" its") || before.ends_with(" their"))
                    && let Some(owner) = tokens[..i]
                        .iter()
                        .rev()
                        .take_while(|tk| {
                            let between = &text[tk.end..tokens[i].start];
                            !between.contains(['.', ';', '\n'])
                        })
                        .find_map(|tk| match &tk.kind {
                            Tok::Orgs(list) if list.len() == 1 => Some(list.clone()),
                            _ => None,
                        })
                {
                    orgs_found = Some(owner);
                }
                // A foreign country's body after "of the": "Secretary General of the Bulgarian NA".
                let mut of_country = None;
                if orgs_found.is_none()
                    && i + 2 < tokens.len()
                    && let Tok::Demonym(country) = tokens[i + 1].kind
                    && g(&tokens[i], &tokens[i + 1]) == Gap::Of
                    && g(&tokens[i + 1], &tokens[i + 2]) == Gap::Adjacent
                    && let Tok::Orgs(list) = &tokens[i + 2].kind
                {
                    orgs_found = Some(list.clone());
                    of_country = Some(country);
                    consumed[i + 1] = true;
                    consumed[i + 2] = true;
                    end = tokens[i + 2].end;
                }
                // A country after "of", the title's own body being that country's: "President of China Xi
                // Jinping", "Prime Minister of Japan Shinzo Abe"; Vietnam's, before the name, are the title's own
                // ("Prime Minister of Vietnam Pham Minh Chinh"; not "Chairman of Vietnam - Japan Friendship …").
                if orgs_found.is_none()
                    && of_country.is_none()
                    && i + 1 < tokens.len()
                    && let Tok::Place(p) = tokens[i + 1].kind
                    && t.places[p as usize].kind == PlaceKind::Country
                    && g(&tokens[i], &tokens[i + 1]) == Gap::Of
                    && (t.places[p as usize].id != "vietnam"
                        || tokens.get(i + 2).is_some_and(|n| {
                            matches!(n.kind, Tok::Person(_))
                                && g(&tokens[i + 1], n) == Gap::Adjacent
                        }))
                {
                    of_country = (t.places[p as usize].id != "vietnam").then_some(p);
                    consumed[i + 1] = true;
                    end = tokens[i + 1].end;
                }
                // "Head of the Military Region 5 Exercise Steering Committee": capitalised words after the
                // organisation go on to a level word of their own; the body the text names is the title's, not the
                // organisation it begins with.
                if let Some([_]) = orgs_found.as_deref()
                    && text[end..].starts_with(' ')
                    && text[end + 1..].starts_with(char::is_uppercase)
                    && text_body::read(
                        &text_body::Reader::new(cx, tokens, orgs),
                        i + 1,
                        tokens[i].end,
                    )
                    .is_some_and(|tb| tb.name.is_some() && tb.end > end)
                {
                    orgs_found = None;
                    end = tokens[i].end;
                }
                // A body the gazetteer does not hold, named by the text: "Director of the Nghe An Department of
                // Health" (`text-body`). A name that is no body still belongs to the title, so that the title keeps
                // its run and its name ("Director General of the Police Department of Corruption, Smuggling and
                // Economic Crime Investigation").
                // Whether " of …" follows the title: a name read there that is no body (a generic body with no
                // host) still says the title is of something the text names, not of the article's subject.
                let of_follows = text[end..].starts_with(" of ");
                if orgs_found.is_none()
                    && let Some(tb) =
                        text_body::read(&text_body::Reader::new(cx, tokens, orgs), i + 1, end)
                {
                    let mut found = Vec::new();
                    let mut next = Some(tb);
                    // "… of the Department of Internal Affairs and the Finance Department": one body each.
                    while let Some(tb) = next.take() {
                        let Some(name) = tb.name else {
                            // No body: the title keeps the words up to the next token, never a token itself.
                            if tb.tokens.is_empty() {
                                end = tb.end;
                            }
                            break;
                        };
                        end = tb.end;
                        for k in tb.tokens.clone() {
                            consumed[k] = true;
                        }
                        for &k in &tb.swallowed {
                            if let Tok::Orgs(list) = &tokens[k].kind {
                                for r in list {
                                    orgs.retract(r.org, (tokens[k].start, tokens[k].end));
                                }
                            }
                        }
                        let org = orgs.intern(name, None, None, "text-body", (tb.start, tb.end));
                        found.push(OrgRef {
                            org,
                            context_body: None,
                        });
                        next = text_body::read_next(
                            &text_body::Reader::new(cx, tokens, orgs),
                            tb.tokens.end,
                            end,
                        )
                        .filter(|n| n.name.is_some());
                    }
                    if !found.is_empty() {
                        orgs_found = Some(found);
                    }
                }
                // Organisation before: "Politburo member", "HCMC Party Committee Secretary".
                let mut k = i;
                if orgs_found.is_none()
                    && i > 0
                    && !consumed[i - 1]
                    && matches!(
                        g(&tokens[i - 1], &tokens[i]),
                        Gap::Adjacent | Gap::Possessive
                    )
                    && let Tok::Orgs(list) = &tokens[i - 1].kind
                {
                    orgs_found = Some(list.clone());
                    start = tokens[i - 1].start;
                    k = i - 1;
                    // The organisation now belongs to this title, not to a unit of its own.
                    if units.last().is_some_and(|u| u.start == tokens[i - 1].start) {
                        units.pop();
                    }
                }
                let past = k > 0
                    && matches!(tokens[k - 1].kind, Tok::Cue(Cue::Past))
                    && g(&tokens[k - 1], &tokens[k]) == Gap::Adjacent;

                // "Chinese Defence Minister", "Chinese State Councillor and Minister of …", "US Secretary of …": a
                // foreign country's adjective or name, then at most a few capitalised words of a title the
                // gazetteer does not know.
                let adjective = k
                    .checked_sub(1)
                    .and_then(|c| match tokens[c].kind {
                        Tok::Demonym(p) => Some((c, p)),
                        Tok::Place(p)
                            if t.places[p as usize].kind == PlaceKind::Country
                                && t.places[p as usize].id != "vietnam" =>
                        {
                            Some((c, p))
                        }
                        _ => None,
                    })
                    .filter(|&(c, _)| {
                        // On the same line, with only words between: a headline's last word is no adjective of
                        // the title under it.
                        let between = &text[tokens[c].end..tokens[k].start];
                        !between.contains(['\n', '\r', ',', ';', ':', '.'])
                            && between.split_whitespace().count() <= 4
                            && between
                                .split_whitespace()
                                .all(|w| w == "and" || w.starts_with(char::is_uppercase))
                    });
                // The adjective is the group's first word: "Xi Jinping, Chinese President" is an appositive.
                if let Some((c, _)) = adjective
                    && units.last().is_none_or(|u| u.end <= tokens[c].start)
                {
                    start = start.min(tokens[c].start);
                }
                let foreign = adjective.map(|(_, p)| p).or(of_country);
                // "Deputy Chief of the General Staff of the Vietnam People's Army": the organisation after the title
                // is the one the title names within; the title's own stays.
                let within_own = |list: &[OrgRef], o: usize| {
                    list.len() == 1
                        && t.organisations[o].parent.is_some()
                        && orgs.list[list[0].org].gazetteer_id.as_deref()
                            == t.organisations[o].parent.as_deref()
                };
                let orgs_found = match (orgs_found, title.organisation) {
                    (Some(list), TitleOrg::Implied(o)) if within_own(&list, o) => None,
                    (found, _) => found,
                };
                // "party chief of Hoan Kiem district's Party Committee": the Party's leader by another name, but of a
                // body the parser could not read; not the Party's.
                let local_chief = title.role == "General Secretary"
                    && text[end..].starts_with(" of ")
                    && !["Vietnam", "Viet Nam", "Việt Nam", "the Communist Party"]
                        .iter()
                        .any(|w| text[end + 4..].starts_with(w))
                    && text[tokens[i].start..tokens[i].end]
                        .rsplit(' ')
                        .next()
                        .is_some_and(|w| {
                            w.eq_ignore_ascii_case("chief") || w.eq_ignore_ascii_case("leader")
                        });
                let mut group_orgs = match (orgs_found, title.organisation) {
                    (Some(list), _) => Some(list),
                    (None, TitleOrg::Implied(_)) if local_chief => None,
                    (None, TitleOrg::Implied(o)) => Some(vec![OrgRef {
                        org: orgs.gazetteer(
                            t,
                            o,
                            "gazetteer-org",
                            (tokens[i].start, tokens[i].end),
                        ),
                        context_body: None,
                    }]),
                    (None, TitleOrg::None) => Some(Vec::new()),
                    // A title whose " of …" the parser could not read names a body of its own: not the subject's.
                    (None, TitleOrg::FromText) if of_follows || text[end..].starts_with(" of ") => {
                        None
                    }
                    (None, TitleOrg::FromText) => {
                        electing_body(cx, orgs, tokens, i, index as usize)
                            .or_else(|| sentence_body(cx, orgs, tokens, i, index as usize))
                            .or_else(|| subject_org(cx, orgs, index as usize, tokens[i].start))
                            .map(|org| {
                                vec![OrgRef {
                                    org,
                                    context_body: None,
                                }]
                            })
                    }
                };
                // "Party Secretary of the Ministry of Finance", "Deputy Party Secretary of the Capital High
                // Command": a Party post in a state, military or police body is its Party Committee's.
                if title.role.contains("Secretary")
                    && text[tokens[i].start..tokens[i].end]
                        .split(' ')
                        .any(|w| w == "Party")
                    && let Some([owner]) = group_orgs.as_deref()
                    && matches!(
                        orgs.list[owner.org].kind.as_deref(),
                        Some("state" | "military" | "police")
                    )
                    && let Some(org) = crate::rules::orgs::owned_body(
                        t,
                        orgs,
                        owner.org,
                        "Party Committee",
                        "owned-body",
                        (tokens[i].start, end),
                    )
                {
                    group_orgs = Some(vec![OrgRef {
                        org,
                        context_body: None,
                    }]);
                }
                // "Secretary of the Party Civil Affairs Committee of and Chairman of the People's Committee of Vinh
                // Phuc province": the first body, as written, is the next title's organisation's.
                if let Some((unit, from, to)) = dangling.take()
                    && let Some([owner]) = group_orgs.as_deref()
                {
                    let name = format!("{} of the {}", &text[from..to], orgs.list[owner.org].name);
                    let org = orgs.intern(name, None, None, "text-body", (from, to));
                    if let Unit::Titles(g) = &mut units[unit].unit {
                        g.orgs = Some(vec![OrgRef {
                            org,
                            context_body: None,
                        }]);
                    }
                }
                if text[end..].starts_with(" of and ") {
                    let after = &text[tokens[i].end..end];
                    let name = after
                        .strip_prefix(" of the ")
                        .or_else(|| after.strip_prefix(" of "));
                    if let Some(name) = name.filter(|n| n.starts_with(char::is_uppercase)) {
                        dangling = Some((units.len(), end - name.len(), end));
                        group_orgs = None;
                    }
                }
                units.push(Placed {
                    unit: Unit::Titles(Group {
                        title: index as usize,
                        plural,
                        orgs: group_orgs,
                        past,
                        foreign,
                    }),
                    start,
                    end,
                });
            }
            // "X was elected to the Politburo", "… assigned to join the Secretariat": membership of a Party body,
            // a title group of its own that `appointed-as` gives to the subject.
            Tok::Orgs(ref list)
                if !consumed[i]
                    && list.len() == 1
                    && orgs.list[list[0].org].kind.as_deref() == Some("party")
                    // Joining the Party itself is no post.
                    && orgs.list[list[0].org].gazetteer_id.as_deref() != Some("communist-party-of-vietnam")
                    && (joins(&text[..tokens[i].start], &t.grammar)
                        || elects_to(
                            &text[cx.sentences.around(text, tokens[i].start).0..tokens[i].start],
                            &t.grammar,
                        )) =>
            {
                if let Some(member) = member {
                    units.push(Placed {
                        unit: Unit::Titles(Group {
                            title: member,
                            plural: false,
                            orgs: Some(list.clone()),
                            past: false,
                            foreign: None,
                        }),
                        start: tokens[i].start,
                        end: tokens[i].end,
                    });
                }
            }
            _ => {}
        }
    }
    (units, ranks)
}

/// The gap between two units: tokens in between make it `Other` (or `Sentence`). Ranks, words like "Province"
/// after a place and cues do not separate; a cue right before the second unit is read as part of it ("Nguyen Chi
/// Vinh, former Deputy Minister of …" is a comma).
fn unit_gap(cx: &Context<'_>, tokens: &[Token], a: &Placed, b: &Placed) -> Gap {
    let text = cx.text;
    // "President of the Republic of Korea (RoK) Yoon Suk Yeol": an abbreviation in brackets after a unit is
    // part of it.
    let a_end = bracketed_abbreviation(&text[a.end..b.start]).map_or(a.end, |n| a.end + n);
    // Tokens are sorted by start: what lies between two units is found by binary search.
    let from = tokens.partition_point(|tk| tk.start < a_end);
    // A token that starts where `b` does is part of it (the Party Committee a bare "Deputy Party Secretary" names).
    let to = from + tokens[from..].partition_point(|tk| tk.end <= b.start && tk.start < b.start);
    let inside = &tokens[from..to];
    let between = inside
        .iter()
        .any(|tk| !matches!(tk.kind, Tok::Rank(_) | Tok::Cue(_)));
    let end = match inside.last() {
        Some(tk) if matches!(tk.kind, Tok::Cue(_)) && text[tk.end..b.start].trim().is_empty() => {
            tk.start
        }
        _ => b.start,
    };
    let gp = if end == b.start {
        cx.gap(a_end, end)
    } else {
        gap(
            &text[a_end..end],
            text[..a_end].ends_with('.'),
            &text[b.start..],
        )
    };
    // "X, the newly-appointed Deputy Minister": an event word among an appositive's words does not part them.
    let between = between
        && !(gp == Gap::Comma
            && inside
                .iter()
                .all(|tk| matches!(tk.kind, Tok::Rank(_) | Tok::Cue(_) | Tok::Event)));
    if between && !gp.ends_clause() {
        Gap::Other
    } else {
        gp
    }
}

/// The length of a bracketed abbreviation that `gap` starts with ("(RoK)", "(CPV)": one word of letters, at
/// least two of them capitals), with the space before it.
fn bracketed_abbreviation(gap: &str) -> Option<usize> {
    let rest = gap.trim_start_matches(' ');
    let inner = rest.strip_prefix('(')?;
    let close = inner.find(')')?;
    let word = &inner[..close];
    let abbreviation = (2..=8).contains(&word.len())
        && word.bytes().all(|b| b.is_ascii_alphabetic())
        && word.bytes().filter(u8::is_ascii_uppercase).count() >= 2;
    abbreviation.then(|| gap.len() - rest.len() + close + 2)
}

/// The body of `country` that a title names by a body of Vietnam's: "Chinese Minister of National Defence" holds
/// a post in the "Ministry of National Defence of China", "Cambodian Deputy Prime Minister" in the "Government of
/// Cambodia". A foreign body stays itself; a local body (a context's Party Committee) gives nothing.
pub(super) fn foreign_body(
    cx: &Context<'_>,
    orgs: &mut DocOrgs,
    r: OrgRef,
    country: u32,
    span: (usize, usize),
) -> Option<OrgRef> {
    let org = &orgs.list[r.org];
    if org.kind.as_deref() == Some("foreign") {
        return Some(r);
    }
    if r.context_body.is_some()
        || org
            .gazetteer_id
            .as_deref()
            .is_none_or(|id| id.contains('@'))
    {
        return None;
    }
    let name = org.name.as_str();
    let base = [
        "of Vietnam",
        "of Viet Nam",
        "of the Socialist Republic of Vietnam",
    ]
    .iter()
    .find_map(|s| name.strip_suffix(s))
    .map(str::trim_end)
    .or_else(|| {
        name.strip_prefix("Vietnam ")
            .or(name.strip_prefix("Vietnamese "))
    })
    .unwrap_or(name);
    // The country's own body the gazetteer holds: "Lao Politburo" is the Politburo of the Lao People's
    // Revolutionary Party.
    if let Some(&(_, o)) = cx
        .tables
        .counterparts
        .get(&org.key)
        .and_then(|list| list.iter().find(|&&(c, _)| c == country as usize))
    {
        let o = orgs.gazetteer(cx.tables, o, "foreign-body", span);
        orgs.retract(r.org, span);
        return Some(OrgRef {
            org: o,
            context_body: None,
        });
    }
    let country = &cx.tables.places[country as usize].name;
    let o = orgs.intern(
        format!("{base} of {country}"),
        None,
        Some("foreign".to_owned()),
        "foreign-body",
        span,
    );
    orgs.retract(r.org, span);
    Some(OrgRef {
        org: o,
        context_body: None,
    })
}

/// Whether `before` (the text up to an organisation) ends in words that make a person a member of it: "elected
/// to the", "assigned to join the", "joined the".
pub(super) fn joins(before: &str, grammar: &Grammar) -> bool {
    let lead = lead_in(before);
    grammar.joining.iter().any(|w| {
        lead.strip_suffix(w).is_some_and(|h| {
            // "was elected to", "was re-elected to".
            let h = h.strip_suffix("re-").unwrap_or(h);
            h.ends_with(' ')
        })
    })
}

/// Whether `before` (the sentence up to an organisation) elects names to it: "… elected A, B and C to the
/// Secretariat": the organisation follows "to", and an `appoint-verb` ("elect", "appoint") comes before it in the
/// sentence.
fn elects_to(before: &str, grammar: &Grammar) -> bool {
    let lead = lead_in(before);
    if !lead.ends_with(" to") {
        return false;
    }
    has_appoint_verb(&before.to_ascii_lowercase(), grammar)
}

/// Whether lower-case text holds a form of an `appoint-verb` ("elect", "elected", "appoints", "naming").
pub(super) fn has_appoint_verb(lower: &str, grammar: &Grammar) -> bool {
    lower.split_whitespace().any(|w| {
        grammar.appoint_verbs.iter().any(|v| {
            w.strip_prefix(v.as_str())
                .is_some_and(|rest| matches!(rest, "" | "s" | "ed" | "d" | "ing"))
        })
    })
}

/// The words before a title or an organisation, in lower case, without a closing comma or colon, ordinal,
/// article or adverb: "…, he was elected to the 12th " reads "…, he was elected to", "she is currently the " reads
/// "she is".
pub(super) fn lead_in(before: &str) -> String {
    let mut s = tail(before.trim_end(), 80).to_ascii_lowercase();
    s.truncate(s.trim_end_matches([',', ':']).trim_end().len());
    if let Some((head, last)) = s.rsplit_once(' ')
        && last.starts_with(|c: char| c.is_ascii_digit())
    {
        s.truncate(head.len());
    }
    // "became the new Deputy Chief of …", "is currently the Minister of …".
    // "appointed him deputy chief of …": the object pronoun stands for the subject (see `appointed_subjects`);
    // "elected X as its Chairwoman": the possessive's organisation is the title's (see `units`).
    while let Some(word) = [
        " the",
        " a",
        " an",
        " new",
        " currently",
        " also",
        " still",
        " him",
        " her",
        " its",
        " their",
    ]
    .iter()
    .find(|w| s.ends_with(*w))
    {
        s.truncate(s.len() - word.len());
    }
    s
}

/// Titles joined by "and" share the organisation the last one names: "Minister and Chairman of the Government
/// Office", "Vice President and Secretary General of the VFF Central Committee".
fn share_organisations(units: &mut [Placed], gaps: &[Gap], t: &crate::gazetteer::Tables) {
    for k in (0..units.len().saturating_sub(1)).rev() {
        if gaps[k] != Gap::And {
            continue;
        }
        // Only a body the text names ("President and CEO of Viettel"), not one the next title names by itself
        // ("President and Party General Secretary Xi Jinping": the Party's is no President's).
        let next_orgs = match &units[k + 1].unit {
            Unit::Titles(g) if !matches!(t.titles[g.title].organisation, TitleOrg::Implied(_)) => {
                g.orgs.clone().filter(|l| !l.is_empty())
            }
            _ => None,
        };
        if let (Some(list), Unit::Titles(g)) = (next_orgs, &mut units[k].unit) {
            let takes = match t.titles[g.title].organisation {
                TitleOrg::FromText | TitleOrg::None => g.orgs.as_ref().is_none_or(|l| l.is_empty()),
                TitleOrg::Implied(_) => false,
            };
            if takes {
                g.orgs = Some(list);
            }
        }
    }
}
