//! Relations: titles attached to names.
//!
//! A title group is a title with its organisation: after "of" ("Secretary of the Hanoi Party Committee"),
//! before it ("Politburo member", "HCMC Party Committee Secretary"), or named by the title itself ("Defence
//! Minister", "Prime Minister"); a past cue before it ("former", "served as") marks it past. Runs of title groups
//! joined by commas and "and" attach to a name:
//! - `title-before-name`: the run stands right before the name ("Politburo member, Deputy Secretary of the CMC,
//!   Minister of National Defense, Ngo Xuan Lich"; "Chairman of the People's Committee of Hanoi Tran Sy Thanh");
//! - `name-then-title`: the run follows the name after a comma ("General Ngo Xuan Lich, Politburo member, …, and
//!   Hoang Trung Hai, …");
//! - `signature`: the run follows a name on the next line ("Lt. Gen. TRAN VO DUNG\nPolitical Commissar of the
//!   Military Region");
//! - `shared-title`: a plural title before a list of names gives the post to each name; a plural organisation
//!   list pairs with the names in order ("Secretaries of the Party Committees of Hanoi and HCMC, Dinh Tien Dung
//!   and Nguyen Van Nen").
//!
//! A title with no organisation in the text, none named by the title, and a post that has one, gives no
//! relation: the rules state only what the text states.

use crate::gazetteer::{Cue, PlaceKind, TitleOrg};
use crate::rules::events::month_of;
use crate::rules::orgs::{DocOrgs, OrgRef, Tok, Token};
use crate::rules::{Context, Gap, caption_line, gap, tail};

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
}

/// Whom a run of titles applies to: (person, place in a shared list of names, rule, the one title group of the
/// run that applies when names and titles pair in order).
type Target = (usize, Option<(usize, usize)>, &'static str, Option<usize>);

#[derive(Debug, Clone)]
struct Group {
    title: usize,
    plural: bool,
    /// The organisations: `Some(vec![])` for a post of no organisation, `None` when unresolved.
    orgs: Option<Vec<OrgRef>>,
    past: bool,
    /// The country (place index) whose adjective or name stands before it ("Chinese Defence Minister").
    foreign: Option<u32>,
}

#[derive(Debug, Clone)]
enum Unit {
    Titles(Group),
    Person { person: usize },
}

#[derive(Debug, Clone)]
struct Placed {
    unit: Unit,
    start: usize,
    end: usize,
}

/// Persons' ranks (stated right before a mention) and the relations of the document.
pub(crate) fn find(
    cx: &Context<'_>,
    tokens: &[Token],
    orgs: &mut DocOrgs,
) -> (Vec<(usize, u32)>, Vec<Draft>) {
    let t = cx.tables;
    let text = cx.text;
    let g = |a: &Token, b: &Token| {
        gap(
            &text[a.end..b.start],
            text[..a.end].ends_with('.'),
            &text[b.start..],
        )
    };
    let member = t.member_title;
    // 1. Units.
    let mut units: Vec<Placed> = Vec::new();
    let mut ranks = Vec::new();
    let mut consumed = vec![false; tokens.len()];
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
                    // A member of several bodies: "member of the Party Central Committee and the Politburo".
                    let mut n = i + 1;
                    while title.role == "Member"
                        && n + 1 < tokens.len()
                        && matches!(g(&tokens[n], &tokens[n + 1]), Gap::And | Gap::CommaAnd)
                        && let Tok::Orgs(more) = &tokens[n + 1].kind
                    {
                        all.extend(more.iter().cloned());
                        n += 1;
                        consumed[n] = true;
                        end = tokens[n].end;
                    }
                    orgs_found = Some(all);
                }
                // The country a post is to: "Ambassador to the US" (the name follows it).
                if orgs_found.is_none()
                    && i + 1 < tokens.len()
                    && matches!(tokens[i + 1].kind, Tok::Place(_))
                    && matches!(
                        text[tokens[i].end..tokens[i + 1].start].trim(),
                        "to" | "to the"
                    )
                {
                    consumed[i + 1] = true;
                    end = tokens[i + 1].end;
                }
                // A body the gazetteer does not know: "Director General of the Police Department of Corruption,
                // Smuggling and Economic Crime Investigation". It gives no relation, but it belongs to the title, so
                // that the title still joins its run and its name.
                if orgs_found.is_none() {
                    let limit = tokens.get(i + 1).map_or(text.len(), |t| t.start);
                    if let Some(e) = unknown_body_end(text, end, limit) {
                        end = e;
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
                let foreign = k
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
                        let between = &text[tokens[c].end..tokens[k].start];
                        between.split_whitespace().count() <= 4
                            && between
                                .split_whitespace()
                                .all(|w| w == "and" || w.starts_with(char::is_uppercase))
                    })
                    .map(|(_, p)| p);
                // "Deputy Chief of the General Staff of the Vietnam People's Army": the organisation after the title
                // is the one the title names within; the title's own stays.
                let within_own = |list: &[OrgRef], o: usize| {
                    list.len() == 1
                        && orgs.list[list[0].org].gazetteer_id.as_deref()
                            == t.organisations[o].parent.as_deref()
                };
                let orgs_found = match (orgs_found, title.organisation) {
                    (Some(list), TitleOrg::Implied(o)) if within_own(&list, o) => None,
                    (found, _) => found,
                };
                let orgs = match (orgs_found, title.organisation) {
                    (Some(list), _) => Some(list),
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
                    (None, TitleOrg::FromText) => None,
                };
                units.push(Placed {
                    unit: Unit::Titles(Group {
                        title: index as usize,
                        plural,
                        orgs,
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
                    && joins(&text[..tokens[i].start]) =>
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
    // 2. Gaps between units: tokens in between make it `Other` (or `Sentence`).
    let unit_gap = |a: &Placed, b: &Placed| -> Gap {
        // Tokens are sorted by start: what lies between two units is found by binary search. Ranks, words like
        // "Province" after a place and cues do not separate; a cue right before the second unit is read as part
        // of it ("Nguyen Chi Vinh, former Deputy Minister of …" is a comma).
        let from = tokens.partition_point(|tk| tk.start < a.end);
        let to = from + tokens[from..].partition_point(|tk| tk.end <= b.start);
        let inside = &tokens[from..to];
        let between = inside
            .iter()
            .any(|tk| !matches!(tk.kind, Tok::Rank(_) | Tok::Cue(_)));
        let end = match inside.last() {
            Some(tk)
                if matches!(tk.kind, Tok::Cue(_)) && text[tk.end..b.start].trim().is_empty() =>
            {
                tk.start
            }
            _ => b.start,
        };
        let gp = gap(
            &text[a.end..end],
            text[..a.end].ends_with('.'),
            &text[b.start..],
        );
        if between && gp != Gap::Sentence {
            Gap::Other
        } else {
            gp
        }
    };
    let gaps: Vec<Gap> = units.windows(2).map(|w| unit_gap(&w[0], &w[1])).collect();
    share_organisations(&mut units, &gaps, t);
    // 3. Runs of title groups.
    let mut drafts = Vec::new();
    let mut i = 0;
    while i < units.len() {
        if !matches!(units[i].unit, Unit::Titles(_)) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < units.len()
            && matches!(units[j + 1].unit, Unit::Titles(_))
            && matches!(gaps[j], Gap::Comma | Gap::And | Gap::CommaAnd)
        {
            j += 1;
        }
        // "by the Prime Minister, Deputy Minister X": a title after a preposition and "the" is that preposition's
        // object, not one of the titles of the name that follows.
        if j > i && gaps[i] == Gap::Comma {
            let before = tail(&text[..units[i].start], 24)
                .trim_end()
                .to_ascii_lowercase();
            let object = before.strip_suffix(" the").is_some_and(|b| {
                ["of", "by", "to", "from", "with", "for", "on", "under"]
                    .iter()
                    .any(|p| b.ends_with(&format!(" {p}")))
            });
            if object {
                i += 1;
                continue;
            }
        }
        // Between two names, ", and" parts the titles of the first from those of the second: "To Lam, Chairman of
        // the Council …, Commander-in-Chief of …, and Member of the Politburo, … Nguyen Hoa Binh".
        let after_name =
            i > 0 && matches!(units[i - 1].unit, Unit::Person { .. }) && gaps[i - 1] == Gap::Comma;
        let before_name = j + 1 < units.len()
            && matches!(units[j + 1].unit, Unit::Person { .. })
            && gaps[j] == Gap::Adjacent;
        if after_name
            && before_name
            && let Some(m) = (i..j).rev().find(|&m| gaps[m] == Gap::CommaAnd)
        {
            j = m;
        }
        // A cue before a run covers the whole run: "served as A and B" makes both past; "Chinese State
        // Councillor and Minister of National Defence" holds a post in China's Ministry of National Defence, not
        // Vietnam's.
        let (past, foreign) = match &units[i].unit {
            Unit::Titles(first) => (first.past, first.foreign),
            _ => (false, None),
        };
        for u in &mut units[i..=j] {
            if let Unit::Titles(g) = &mut u.unit {
                g.past |= past;
                // A post of no organisation ("US President") stays one.
                if let Some(country) = foreign
                    && g.orgs.as_ref().is_some_and(|l| !l.is_empty())
                {
                    let list: Vec<OrgRef> = g
                        .orgs
                        .take()
                        .unwrap_or_default()
                        .into_iter()
                        .filter_map(|r| foreign_body(cx, orgs, r, country, (u.start, u.end)))
                        .collect();
                    g.orgs = (!list.is_empty()).then_some(list);
                }
            }
        }
        let run: Vec<&Group> = units[i..=j]
            .iter()
            .filter_map(|u| match &u.unit {
                Unit::Titles(g) => Some(g),
                _ => None,
            })
            .collect();
        let prev = i.checked_sub(1).map(|p| (&units[p], gaps[p]));
        let next = (j + 1 < units.len()).then(|| (&units[j + 1], gaps[j]));
        let prev_person = match prev {
            Some((
                Placed {
                    unit: Unit::Person { person },
                    ..
                },
                gp,
            )) if matches!(gp, Gap::Comma | Gap::Newline) => Some((*person, gp)),
            _ => None,
        };
        let next_person = match next {
            Some((
                Placed {
                    unit: Unit::Person { person },
                    ..
                },
                gn,
            )) => Some((*person, gn)),
            _ => None,
        };
        let plural = run.iter().any(|g| g.plural);
        // A plural title that opens a list: "… members: A, …, and B", "The two Deputy Secretaries are A, …, and B".
        let colon_list = plural
            && next.is_some_and(|(u, gn)| {
                gn == Gap::Colon || opens_list(&text[units[j].end..u.start])
            });
        let before_name = match next_person {
            Some((_, Gap::Adjacent)) => true,
            Some((_, Gap::Comma)) => prev_person.is_none(),
            _ => false,
        };
        let evidence = (units[i].start, units[j].end);
        // Who the run applies to: (person, place in a shared list, rule).
        let mut targets: Vec<Target> = Vec::new();
        let mut copula_past = false;
        if colon_list {
            // "two additional Politburo members: Deputy PM A, a member of …, and Ms. B, …": every name of the
            // list, past the titles that describe each, to the end of the sentence.
            let mut persons = Vec::new();
            for k in j + 1..units.len() {
                if k > j + 1 && gaps[k - 1] == Gap::Sentence {
                    break;
                }
                if let Unit::Person { person } = units[k].unit {
                    persons.push(person);
                }
            }
            targets.extend(persons.into_iter().map(|p| (p, None, "shared-title", None)));
        } else if before_name {
            // The names this run applies to: the next one, and for a plural title the list that follows.
            let mut persons = vec![next_person.unwrap().0];
            if plural {
                let mut k = j + 1;
                while k + 1 < units.len()
                    && matches!(gaps[k], Gap::Comma | Gap::And | Gap::CommaAnd)
                {
                    match units[k + 1].unit {
                        Unit::Person { person } => persons.push(person),
                        _ => break,
                    }
                    k += 1;
                }
            }
            let rule = if persons.len() > 1 {
                "shared-title"
            } else {
                "title-before-name"
            };
            let total = persons.len();
            targets.extend(
                persons
                    .into_iter()
                    .enumerate()
                    .map(|(n, p)| (p, Some((n, total)), rule, None)),
            );
        } else if let Some((p, gp)) = prev_person {
            let rule = if gp == Gap::Newline {
                "signature"
            } else {
                "name-then-title"
            };
            targets.push((p, None, rule, None));
        } else {
            let (mut subjects, held_before) = appointed_subjects(text, &units, &gaps, i);
            // A plural title goes to the whole list that ends at the subject ("to appoint A and B as Justices
            // of …"), and a list of as many names as titles pairs with them in order ("to relieve A and B from
            // the posts of Minister of Finance and Minister of Transport").
            let mut list = subjects.clone();
            if subjects.len() == 1
                && (plural || run.len() > 1)
                && let Some(mut k) = (0..i).rev().find(
                    |&k| matches!(units[k].unit, Unit::Person { person } if person == subjects[0]),
                )
            {
                // Back over the names of the list and the titles that describe each ("to appoint Director General
                // … A, and Member of … B as Deputy Ministers").
                while k > 0
                    && matches!(
                        gaps[k - 1],
                        Gap::Comma | Gap::And | Gap::CommaAnd | Gap::Adjacent
                    )
                {
                    k -= 1;
                    if let Unit::Person { person } = units[k].unit {
                        list.insert(0, person);
                    }
                }
            }
            if plural || list.len() == run.len() {
                subjects = list;
            }
            copula_past = held_before || relieved(text, &units, &subjects);
            let paired = subjects.len() > 1 && subjects.len() == run.len();
            for (n, &p) in subjects.iter().enumerate() {
                targets.push((p, None, "appointed-as", paired.then_some(n)));
            }
        }
        let emitted = drafts.len();
        for (p, nth, rule, only) in targets {
            for (n, grp) in run.iter().enumerate() {
                if only.is_none_or(|o| o == n) {
                    emit(cx, &mut drafts, p, grp, nth, evidence, rule);
                }
            }
        }
        let dated = sentence_date(text, units[i].start);
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
            d.past |= copula_past || a_term_ago;
        }
        i = j + 1;
    }
    // Every post of a person the text reports dead is past ("General X, former Minister of …, died …").
    for p in deceased(text, tokens) {
        for d in drafts.iter_mut().filter(|d| d.person == p) {
            d.past = true;
        }
    }
    (ranks, drafts)
}

/// The body of `country` that a title names by a body of Vietnam's: "Chinese Minister of National Defence" holds
/// a post in the "Ministry of National Defence of China", "Cambodian Deputy Prime Minister" in the "Government of
/// Cambodia". A foreign body stays itself; a local body (a context's Party Committee) gives nothing.
fn foreign_body(
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
            && gap(&text[end..cue.start], false, &text[cue.start..]) != Gap::Sentence
            && !out.contains(&p)
        {
            out.push(p);
        }
    }
    out
}

/// Words that end the text before a post a person is given or holds: "was elected Chairman", "named Minister",
/// "reelected as", "served as", "now Minister".
const APPOINTING: [&str; 28] = [
    "appointed",
    "elected",
    "reelected",
    "re-elected",
    "named",
    "became",
    "becomes",
    "become",
    "as",
    "now",
    "promoted to",
    "post of",
    "position of",
    "to be",
    "is",
    "are",
    "has been",
    "have been",
    "was",
    "were",
    "had been",
    "assumes the duty of",
    "assumed the duty of",
    "assume the duty of",
    "took over the duty of",
    "takes over the duty of",
    "posts of",
    "positions of",
];

/// Words that make a person a member of the Party body named next: "elected to the Politburo".
const JOINING: [&str; 6] = [
    "elected to",
    "admitted to",
    "appointed to",
    "to join",
    "joined",
    "joins",
];

/// Of the words in [`APPOINTING`], those that say the post is held no more: "he was Deputy Prime Minister".
const HELD_BEFORE: [&str; 7] = [
    "was",
    "were",
    "had been",
    "held the post of",
    "held the posts of",
    "held the position of",
    "held the positions of",
];

/// Words before a post that take it away: "relieve A from the post of …", "dismissed from the position of …".
const RELIEVING: [&str; 6] = [
    "relieve",
    "relieved",
    "dismiss",
    "dismissed",
    "removed from",
    "resign from",
];

/// Whether the verb that governs `subjects` takes their post away: the last of [`RELIEVING`] and the appointing
/// verbs before the first subject, in its sentence, is a relieving one ("to relieve A and B from the posts of …",
/// but not "to relieve A and appoint B as …").
fn relieved(text: &str, units: &[Placed], subjects: &[usize]) -> bool {
    let Some(first) = units.iter().find_map(|u| match u.unit {
        Unit::Person { person } if subjects.first() == Some(&person) => Some(u.start),
        _ => None,
    }) else {
        return false;
    };
    let start = text[..first]
        .rfind(['.', '!', '?', '\n'])
        .map_or(0, |e| e + 1);
    let before = text[start..first].to_ascii_lowercase();
    let last = |words: &[&str]| words.iter().filter_map(|w| before.rfind(w)).max();
    match (
        last(&RELIEVING),
        last(&["appoint", "elect", "name", "assign", "promote"]),
    ) {
        (Some(r), Some(a)) => r > a,
        (Some(_), None) => true,
        _ => false,
    }
}

/// How far back (bytes) a pronoun's person may be named.
const PRONOUN_REACH: usize = 1200;

/// `appointed-as`: the subjects of "X was elected Chairman of …" / "… elected Y as Chairman of …": the nearest
/// person before the title in its sentence, or the last person before it when the sentence opens with "He" or
/// "She". After a plural verb ("A, …, and B, …, were reelected as Vice Chairwoman and Vice Chairman of …"), every
/// person named earlier in the sentence; the caller pairs them with the titles in order when the counts agree,
/// or gives each of them every title.
fn appointed_subjects(text: &str, units: &[Placed], gaps: &[Gap], i: usize) -> (Vec<usize>, bool) {
    let from = if i == 0 { 0 } else { units[i - 1].end };
    let lead_in = lead_in(&text[from..units[i].start]);
    let lead_in = lead_in.as_str();
    let ends_with = |w: &str| {
        lead_in.ends_with(w) && lead_in[..lead_in.len() - w.len()].ends_with([' ', '\n'])
            || lead_in == w
    };
    if !APPOINTING.iter().chain(&JOINING).any(|w| ends_with(w)) {
        return (Vec::new(), false);
    }
    let held_before = HELD_BEFORE.iter().any(|w| ends_with(w));
    let plural = lead_in
        .split(' ')
        .any(|w| matches!(w, "were" | "are" | "have"));
    let mut subjects = Vec::new();
    // A subject in an earlier sentence only for a pronoun ("In July 2016, he was elected …"): the last person
    // named, not more than a few paragraphs back.
    let mut pronoun = None;
    for k in (0..i).rev() {
        if gaps[k] == Gap::Sentence {
            if plural {
                break;
            }
            let has_pronoun = *pronoun.get_or_insert_with(|| {
                let between = &text[units[k].end..units[i].start];
                between
                    .rfind(['.', '!', '?', '\n'])
                    .map_or(between, |e| &between[e + 1..])
                    .split_whitespace()
                    .any(|w| matches!(w, "He" | "he" | "She" | "she" | "him" | "her"))
            });
            if !has_pronoun || units[i].start - units[k].end > PRONOUN_REACH {
                break;
            }
        }
        if let Unit::Person { person } = units[k].unit {
            // A pronoun does not point into a photo caption ("Binh Phuoc province's Party Secretary Nguyen Van
            // Loi" on a line of its own).
            if pronoun == Some(true) && caption_line(text, units[k].start) {
                continue;
            }
            subjects.push(person);
            if !plural {
                break;
            }
        }
    }
    subjects.reverse();
    (subjects, held_before)
}

/// Whether `before` (the text up to an organisation) ends in words that make a person a member of it: "elected
/// to the", "assigned to join the", "joined the".
fn joins(before: &str) -> bool {
    let lead = lead_in(before);
    JOINING
        .iter()
        .any(|w| lead.strip_suffix(w).is_some_and(|h| h.ends_with(' ')))
}

/// The end of an organisation's name that no gazetteer knows, right after a title: " of [the] " and capitalised
/// words, with "of", "and", "for", "on", "the" and commas between them, up to `limit` (the next token). None when
/// anything else stands there.
fn unknown_body_end(text: &str, from: usize, limit: usize) -> Option<usize> {
    let rest = text.get(from..limit)?;
    let body = rest
        .strip_prefix(" of the ")
        .or_else(|| rest.strip_prefix(" of "))?;
    let mut end = None;
    let mut at = from + (rest.len() - body.len());
    for word in body.split_inclusive(' ') {
        let w = word.trim_end_matches(' ');
        let bare = w.trim_end_matches(',');
        let capitalised = bare.starts_with(char::is_uppercase);
        if capitalised {
            end = Some(at + bare.len());
        } else if !matches!(bare, "of" | "and" | "for" | "on" | "the" | "") {
            // Some other word: this is not a name up to the next token.
            return None;
        }
        at += word.len();
    }
    end
}

/// Whether the words between a plural title and what follows introduce its list: "are", "were", "including"
/// (an honorific may follow: "are Mr.").
fn opens_list(gap: &str) -> bool {
    let mut words = gap
        .split_whitespace()
        .map(|w| w.trim_end_matches([':', ',']));
    matches!(
        words.next(),
        Some("are" | "were" | "include" | "includes" | "included" | "including" | "namely")
    ) && words.all(|w| matches!(w, "Mr." | "Ms." | "Mrs." | "Dr." | ""))
}

/// The words before a title or an organisation, in lower case, without a closing comma or colon, ordinal,
/// article or adverb: "…, he was elected to the 12th " reads "…, he was elected to", "she is currently the " reads
/// "she is".
fn lead_in(before: &str) -> String {
    let mut s = tail(before.trim_end(), 80).to_ascii_lowercase();
    s.truncate(s.trim_end_matches([',', ':']).trim_end().len());
    if let Some((head, last)) = s.rsplit_once(' ')
        && last.starts_with(|c: char| c.is_ascii_digit())
    {
        s.truncate(head.len());
    }
    // "became the new Deputy Chief of …", "is currently the Minister of …".
    // "appointed him deputy chief of …": the object pronoun stands for the subject (see `appointed_subjects`).
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
    ]
    .iter()
    .find(|w| s.ends_with(*w))
    {
        s.truncate(s.len() - word.len());
    }
    s
}

/// The (year, month or 0) a sentence opens with: "In 2007, …", "In September 2015, …".
fn sentence_date(text: &str, at: usize) -> Option<(i32, u32)> {
    let start = text[..at].rfind(['.', '!', '?', '\n']).map_or(0, |e| e + 1);
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

/// Titles joined by "and" share the organisation the last one names: "Minister and Chairman of the Government
/// Office", "Vice President and Secretary General of the VFF Central Committee".
fn share_organisations(units: &mut [Placed], gaps: &[Gap], t: &crate::gazetteer::Tables) {
    for k in (0..units.len().saturating_sub(1)).rev() {
        if gaps[k] != Gap::And {
            continue;
        }
        let next_orgs = match &units[k + 1].unit {
            Unit::Titles(g) => g.orgs.clone().filter(|l| !l.is_empty()),
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
    for i in 0..drafts.len() {
        let Some(b) = drafts[i].context_body else {
            continue;
        };
        let prefix = format!("{}@", bodies[b as usize].id);
        let earlier = drafts[..i].iter().find(|d| {
            d.person == drafts[i].person
                && d.role == drafts[i].role
                && d.org.is_some_and(|o| {
                    orgs.list[o]
                        .gazetteer_id
                        .as_deref()
                        .is_some_and(|id| id.starts_with(&prefix))
                })
        });
        if let Some(e) = earlier {
            drafts[i].org = e.org;
        }
    }
    // A dated post is past when a later dated post of the same person in the same organisation follows it
    // ("In September 2015, … Deputy Secretary of …; in January 2019, … Secretary of …"); membership is not
    // replaced by a post in the same body.
    let superseded: Vec<bool> = drafts
        .iter()
        .map(|d| {
            d.role != "Member"
                && d.org.is_some()
                && d.dated.is_some_and(|a| {
                    drafts.iter().any(|e| {
                        e.person == d.person && e.org == d.org && e.dated.is_some_and(|b| b > a)
                    })
                })
        })
        .collect();
    for (d, s) in drafts.iter_mut().zip(superseded) {
        d.past |= s;
    }
    let mut seen = std::collections::HashSet::new();
    drafts.retain(|d| seen.insert((d.person, d.role.clone(), d.org)));
}
