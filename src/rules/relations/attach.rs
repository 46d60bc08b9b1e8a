//! The attachment rules: whose a run of titles is.
//!
//! Each rule is a named unit that looks at where a run stands (the units and gaps around it) and either names the
//! persons the run belongs to or passes. The rules are tried in the order of [`RULES`]; the first that applies
//! decides, so two persons competing for one run resolve by that order. A run no rule attaches gives no relation.
//! Every rule has positive and negative example sentences in `examples.tsv` beside this file, which `cargo test`
//! runs (`tests/attach.rs`).

use super::chain::{Chains, Placed, has_appoint_verb, lead_in, preposition_object};
use crate::gazetteer::Grammar;
use crate::rules::{Context, Gap, caption_line};

/// One person a run applies to.
#[derive(Debug, Clone, Copy)]
pub(super) struct Target {
    pub(super) person: usize,
    /// The person's place in a shared list of names and the list's length, to pair with a list of organisations
    /// of the same length ("Secretaries of the Party Committees of Hanoi and HCMC, A and B").
    pub(super) nth: Option<(usize, usize)>,
    /// The one title group of the run that applies, when names and titles pair in order.
    pub(super) only: Option<usize>,
}

/// What a rule found: the targets, and whether the rule's words make the posts past ("was", "relieved").
#[derive(Debug, Default)]
pub(super) struct Found {
    pub(super) targets: Vec<Target>,
    pub(super) past: bool,
}

/// A run of title groups `units[i..=j]` and what stands around it.
pub(super) struct Site<'s> {
    text: &'s str,
    sentences: &'s crate::rules::sentences::Sentences,
    grammar: &'s Grammar,
    units: &'s [Placed],
    gaps: &'s [Gap],
    i: usize,
    j: usize,
    /// The number of title groups in the run.
    len: usize,
    /// Whether a title of the run is plural ("Deputy Secretaries").
    plural: bool,
}

impl<'s> Site<'s> {
    pub(super) fn new(cx: &Context<'s>, chains: &'s Chains, (i, j): (usize, usize)) -> Site<'s> {
        let run = &chains.units[i..=j];
        Site {
            text: cx.text,
            sentences: cx.sentences,
            grammar: &cx.tables.grammar,
            units: &chains.units,
            gaps: &chains.gaps,
            i,
            j,
            len: run.iter().filter(|u| u.group().is_some()).count(),
            plural: run.iter().any(|u| u.group().is_some_and(|g| g.plural)),
        }
    }

    /// The same place for the run of units `i..=j`.
    fn at(&self, i: usize, j: usize) -> Site<'s> {
        let run = &self.units[i..=j];
        Site {
            i,
            j,
            len: run.iter().filter(|u| u.group().is_some()).count(),
            plural: run.iter().any(|u| u.group().is_some_and(|g| g.plural)),
            ..*self
        }
    }

    /// The person right before the run, after a comma or on the line above.
    fn prev_person(&self) -> Option<(usize, Gap)> {
        let p = self.i.checked_sub(1)?;
        let gp = self.gaps[p];
        (matches!(gp, Gap::Comma | Gap::Newline))
            .then(|| self.units[p].person().map(|person| (person, gp)))
            .flatten()
    }

    /// The unit right after the run and the gap before it.
    fn next(&self) -> Option<(&'s Placed, Gap)> {
        (self.j + 1 < self.units.len()).then(|| (&self.units[self.j + 1], self.gaps[self.j]))
    }

    fn next_person(&self) -> Option<(usize, Gap)> {
        self.next().and_then(|(u, g)| u.person().map(|p| (p, g)))
    }

    /// Whether the run stands before a name: directly, or before ", Name" when no name precedes it and it is no
    /// preposition's object ("Receiving the direction of the Party General Secretary, Lieutenant General To Lam,
    /// Minister of …, said": the title is someone else's).
    fn before_name(&self) -> bool {
        match self.next_person() {
            Some((_, Gap::Adjacent)) => true,
            Some((_, Gap::Comma)) => {
                self.prev_person().is_none()
                    && !preposition_object(self.text, self.units[self.i].start, self.grammar)
            }
            _ => false,
        }
    }

    /// Whether the sentence says the run is the name after it: "[The] [new] <run> is/was <Name>", the run opening
    /// its sentence.
    fn is_name(&self) -> bool {
        let Some((next, _)) = self.next() else {
            return false;
        };
        let between = self.text[self.units[self.j].end..next.start].trim();
        if !matches!(between, "is" | "was") || self.plural {
            return false;
        }
        // Nothing but "The" and "new" before the run in its sentence.
        let at = self.units[self.i].start;
        let start = self.sentences.around(self.text, at).0;
        self.text[start..at]
            .split_whitespace()
            .all(|w| matches!(w, "The" | "the" | "new" | "New"))
    }

    /// The names of a list that goes on from unit `k` (a person): "A, B and C".
    fn list_from(&self, mut k: usize) -> Vec<usize> {
        let mut persons: Vec<usize> = self.units[k].person().into_iter().collect();
        while k + 1 < self.units.len()
            && matches!(self.gaps[k], Gap::Comma | Gap::And | Gap::CommaAnd)
        {
            match self.units[k + 1].person() {
                Some(p) => persons.push(p),
                None => break,
            }
            k += 1;
        }
        persons
    }

    /// The names of a bare list that ends at unit `k` (a person): "A, B and C", no titles between them.
    fn names_to(&self, mut k: usize) -> Vec<usize> {
        let mut persons: Vec<usize> = self.units[k].person().into_iter().collect();
        while k > 0 && matches!(self.gaps[k - 1], Gap::Comma | Gap::And | Gap::CommaAnd) {
            match self.units[k - 1].person() {
                Some(p) => persons.insert(0, p),
                None => break,
            }
            k -= 1;
        }
        persons
    }

    /// The list of names that ends at `person`'s last mention before the run.
    fn list_of(&self, person: usize) -> Vec<usize> {
        match (0..self.i)
            .rev()
            .find(|&k| self.units[k].person() == Some(person))
        {
            Some(k) => self.list_to(k),
            None => vec![person],
        }
    }

    /// The names of a list that ends at unit `k` (a person), walking back over the names and over the titles
    /// that describe each ("to appoint Director General … A, and Member of … B as Deputy Ministers").
    fn list_to(&self, mut k: usize) -> Vec<usize> {
        let mut persons: Vec<usize> = self.units[k].person().into_iter().collect();
        while k > 0
            && matches!(
                self.gaps[k - 1],
                Gap::Comma | Gap::And | Gap::CommaAnd | Gap::Adjacent
            )
        {
            k -= 1;
            if let Some(p) = self.units[k].person() {
                persons.insert(0, p);
            }
        }
        persons
    }
}

/// An attachment rule: the persons a run belongs to, or `None` when the rule does not apply.
type Rule = fn(&Site<'_>) -> Option<Found>;

/// The attachment rules in the order they are tried. The ids are the `rule` of the relations they produce.
pub(super) const RULES: [(&str, Rule); 12] = [
    ("respectively", respectively),
    ("elected-to", elected_to),
    ("relieved-from", relieved_from),
    ("shared-title", shared_title),
    ("item-then-post", item_then_post),
    ("title-before-name", title_before_name),
    ("name-then-title", name_then_title),
    ("signature", signature),
    ("appositive", appositive),
    ("post-list", post_list),
    ("semicolon-items", semicolon_items),
    ("appointed-as", appointed_as),
];

/// The first rule that applies to the run, with what it found.
pub(super) fn attach(site: &Site<'_>) -> Option<(&'static str, Found)> {
    RULES
        .iter()
        .find_map(|&(id, rule)| rule(site).map(|found| (id, found)))
}

fn each(persons: impl IntoIterator<Item = usize>) -> Vec<Target> {
    persons
        .into_iter()
        .map(|person| Target {
            person,
            nth: None,
            only: None,
        })
        .collect()
}

/// `respectively`: names paired in order with the titles of a run that "respectively" closes: "A and B,
/// Secretary and Deputy Secretary of the provincial Party Committee respectively"; "A and B were elected Chairman
/// and Vice Chairman of … respectively".
fn respectively(s: &Site<'_>) -> Option<Found> {
    let after = s.text[s.units[s.j].end..].trim_start_matches([',', ' ']);
    let closes = s.grammar.respectively.iter().any(|w| {
        after.len() >= w.len()
            && after.is_char_boundary(w.len())
            && after[..w.len()].eq_ignore_ascii_case(w)
            && !after[w.len()..].starts_with(char::is_alphanumeric)
    });
    if !closes || s.len < 2 {
        return None;
    }
    let (persons, past) = match s.prev_person() {
        Some((_, Gap::Comma)) => (s.list_to(s.i - 1), false),
        _ => {
            let (subjects, held_before) = appointed_subjects(s);
            let subjects = match subjects.as_slice() {
                [one] => s.list_of(*one),
                _ => subjects,
            };
            (subjects, held_before || relieved(s))
        }
    };
    if persons.len() != s.len {
        return None;
    }
    let targets = persons
        .into_iter()
        .enumerate()
        .map(|(n, person)| Target {
            person,
            nth: None,
            only: Some(n),
        })
        .collect();
    Some(Found { targets, past })
}

/// `elected-to`: a body right after "Name to", in a sentence that elects or appoints: "the Central Committee
/// elected Vice President A, Deputy Prime Minister B and Chief Justice C to the Secretariat". Each name of the
/// list that ends before "to" (with the titles that describe each) is a member.
fn elected_to(s: &Site<'_>) -> Option<Found> {
    let p = s.i.checked_sub(1)?;
    s.units[p].person()?;
    let gap = s.text[s.units[p].end..s.units[s.i].start].trim();
    // "to", "to the", "to the 14th-tenure": nothing but an article and ordinals after it.
    let mut words = gap.split_whitespace();
    let to = words.next().is_some_and(|w| w.eq_ignore_ascii_case("to"))
        && words
            .all(|w| w.eq_ignore_ascii_case("the") || w.starts_with(|c: char| c.is_ascii_digit()));
    if !to || s.len != 1 {
        return None;
    }
    // The sentence of the run, up to the list: none when the list is not in the run's sentence.
    let sentence = s.sentences.around(s.text, s.units[s.i].start).0;
    let before = s.text.get(sentence..s.units[p].start)?.to_ascii_lowercase();
    has_appoint_verb(&before, s.grammar).then(|| Found {
        targets: each(s.list_to(p)),
        past: false,
    })
}

/// `relieved-from`: in a sentence that relieves, "Name from <run>" gives the run to the name, past: "to relieve A
/// from his duty as NA Vice Chairman; B from Chairman of the Council of Ethnic Affairs; and C from the post of
/// …".
fn relieved_from(s: &Site<'_>) -> Option<Found> {
    let p = s.i.checked_sub(1)?;
    let person = s.units[p].person()?;
    let gap = s.text[s.units[p].end..s.units[s.i].start].trim();
    // "from the position of" is the longest gap read; a longer one is something else (and is not lower-cased).
    if gap.len() > 48 || !gap.contains("from") {
        return None;
    }
    let gap = gap.to_ascii_lowercase();
    // "A from …", "A step down from …".
    let rest = gap.strip_prefix("from").or_else(|| {
        s.grammar.relieving.iter().find_map(|w| {
            gap.strip_prefix(w.as_str())?
                .strip_prefix(' ')?
                .strip_prefix("from")
        })
    })?;
    // "from", then at most "his duty as", "the post of", "the position of", "their posts as".
    let words: Vec<&str> = rest.split_whitespace().collect();
    let post_words = words.len() <= 3
        && words.iter().all(|w| {
            matches!(
                *w,
                "his"
                    | "her"
                    | "their"
                    | "the"
                    | "duty"
                    | "duties"
                    | "post"
                    | "posts"
                    | "position"
                    | "positions"
                    | "as"
                    | "of"
            )
        });
    // A list of names, or of posts, pairs in `appointed-as` ("to relieve A and B from the posts of X and Y").
    let one = s.len == 1 && !s.plural && s.names_to(p).len() == 1;
    if !rest.is_empty() && !rest.starts_with(' ') || !post_words || !one || !relieved(s) {
        return None;
    }
    Some(Found {
        targets: each([person]),
        past: true,
    })
}

/// `shared-title`: a plural title given to every name of the list it opens: right after it ("Vice Secretaries
/// of the HCMC Party Committee Nguyen Ho Hai, and Nguyen Phuoc Loc"), or after a colon or a list opener ("two
/// new Politburo members: A and B", "The Deputy Secretaries are A and B") up to the end of the sentence. A plural
/// organisation list pairs with the names in order.
fn shared_title(s: &Site<'_>) -> Option<Found> {
    if let Some(found) = enumerated(s) {
        return Some(found);
    }
    let (next, gn) = s.next()?;
    // "Vice Chairman of the People's Committee, including A, B and C": a singular title that "including" opens a
    // list after is every listed name's (a translation's plural).
    let including = || {
        let gap = s.text[s.units[s.j].end..next.start].trim();
        let gap = gap.trim_start_matches(',').trim_end_matches(':').trim();
        s.len == 1 && gap == "including"
    };
    if !s.plural && !including() {
        return None;
    }
    let opens = gn == Gap::Colon || opens_list(&s.text[s.units[s.j].end..next.start], s.grammar);
    if opens {
        let mut persons = Vec::new();
        // Persons in the current item (between semicolons).
        let mut in_item = 0;
        for k in s.j + 1..s.units.len() {
            // Items parted by semicolons go on when each item is one name with its titles: "The new deputy PMs
            // include A, …; B, …; and C, …". After an item of several bare names ("Deputy Ministers: A, B, C; …")
            // a semicolon ends the list.
            let semicolon_only = || {
                let between = &s.text[s.units[k - 1].end..s.units[k].start];
                between.contains(';') && !between.contains(['.', '!', '?', '\n'])
            };
            if k > s.j + 1 && s.gaps[k - 1].ends_clause() {
                if !(semicolon_only() && in_item == 1) {
                    break;
                }
                in_item = 0;
            }
            if let Some(p) = s.units[k].person() {
                persons.push(p);
                in_item += 1;
            }
        }
        return (!persons.is_empty()).then(|| Found {
            targets: each(persons),
            past: false,
        });
    }
    if !s.before_name() {
        return None;
    }
    let persons = s.list_from(s.j + 1);
    let total = persons.len();
    (total > 1).then(|| Found {
        targets: persons
            .into_iter()
            .enumerate()
            .map(|(n, person)| Target {
                person,
                nth: Some((n, total)),
                only: None,
            })
            .collect(),
        past: false,
    })
}

/// `shared-title` over an enumerated list: a title that a colon ending its line opens a list after, its items
/// numbered or bulleted lines, or lines of a name and its titles and nothing else (`name_and_titles`) ("… to hold the position of Vice Chairman of the People's Committee of Ninh Binh
/// province (new) for the 2021 - 2026 term, including:⏎⏎1. Mr. A - …⏎⏎2. Mr. B - …"), is the first person's of
/// each item. Between the run and the colon only an aside in brackets, a term and a `list-opener`; a singular
/// title only with "including" or "as follows" (a translation's plural).
fn enumerated(s: &Site<'_>) -> Option<Found> {
    let text = s.text;
    let run_end = s.units[s.j].end;
    // The header is short ("province (new) for the 2021 - 2026 term, including:"): look no further than
    // `HEADER_REACH` bytes for the line's end, so that a text of one long line costs no more per run.
    let reach = crate::rules::char_floor(text, (run_end + HEADER_REACH).min(text.len()));
    let line_end = run_end + text[run_end..reach].find('\n')?;
    let header = text[run_end..line_end].trim_end();
    let header = header.strip_suffix(':')?;
    // What stands between the run and the colon: "province (new) for the 2021 - 2026 term, including".
    let mut rest = header.trim();
    for place_word in ["province", "Province", "city", "City"] {
        rest = rest.strip_prefix(place_word).unwrap_or(rest).trim_start();
    }
    if rest.starts_with('(')
        && let Some(close) = rest.find(')')
    {
        rest = rest[close + 1..].trim_start();
    }
    let rest = match crate::rules::strip_term(rest) {
        Some(r) => r,
        None => rest,
    };
    let rest = rest.trim_start_matches(',').trim();
    let singular_ok = matches!(rest, "including" | "as follows");
    if !(rest.is_empty() || opens_list(rest, s.grammar)) || !(s.plural || singular_ok) {
        return None;
    }
    // The items: lines that start with a number and a stop or bracket, or a bullet; blank lines between them.
    let mut persons = Vec::new();
    let mut at = line_end;
    let mut k = s.j + 1;
    while at < text.len() {
        let line_start = at + 1;
        let end = text[line_start..]
            .find('\n')
            .map_or(text.len(), |n| line_start + n);
        let line = text[line_start..end].trim();
        at = end;
        if line.is_empty() {
            continue;
        }
        while k < s.units.len() && s.units[k].start < line_start {
            k += 1;
        }
        // An item with no marker is a line of a name and its titles and nothing else: "Mr. Nguyen Manh Tuan,
        // member of the Standing Committee of … for the 2020 - 2025 term;" (not "Mr. A, Chairman of …, said …").
        if !item_marker(line) && !name_and_titles(s, k, line_start, end) {
            break;
        }
        if let Some(p) = s
            .units
            .get(k)
            .filter(|u| u.start < end)
            .and_then(|u| u.person())
        {
            persons.push(p);
        }
    }
    (persons.len() > 1).then(|| Found {
        targets: each(persons),
        past: false,
    })
}

/// How far into an unmarked item's line its name may start (after "Mr.", "Lieutenant General").
const NAME_LEAD: usize = 40;

/// Whether the line from `line_start` to `end`, whose first unit is `units[k]`, is a name and its titles and
/// nothing else: the name first (after an honorific or a rank), titles after it parted as a run's titles are, and
/// at the end only a term and a semicolon, comma or full stop.
fn name_and_titles(s: &Site<'_>, k: usize, line_start: usize, end: usize) -> bool {
    let text = s.text;
    let Some(first) = s.units.get(k) else {
        return false;
    };
    if first.person().is_none()
        || first.start - line_start > NAME_LEAD
        || text[line_start..first.start].contains([',', ';', ':'])
    {
        return false;
    }
    let last = (k..s.units.len())
        .take_while(|&m| s.units[m].start < end)
        .last()
        .unwrap_or(k);
    if last == k {
        return false;
    }
    let joined = (k..last).all(|m| {
        s.units[m + 1].group().is_some()
            && matches!(
                s.gaps[m],
                Gap::Comma | Gap::And | Gap::CommaAnd | Gap::Adjacent | Gap::Of | Gap::In
            )
    });
    let rest = text[s.units[last].end..end].trim_end_matches([';', ',', '.', ' ']);
    joined && (rest.trim().is_empty() || crate::rules::strip_term(rest.trim()) == Some(""))
}

/// How far after a run the colon that opens an enumerated list may stand.
const HEADER_REACH: usize = 160;

/// Whether a line opens an item of an enumerated list: "1.", "2)", "-", "•", "*", "+".
fn item_marker(line: &str) -> bool {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    (digits > 0 && digits <= 2 && matches!(line.as_bytes().get(digits), Some(b'.' | b')')))
        || line.starts_with(['-', '\u{2022}', '*', '+', '\u{2013}'])
}

/// `item-then-post`: a run right after a name's item ("Name - titles"), parted from it only by words that give a
/// post and start with "to" ("to hold the position of", "to be"), is the post that person is given: "Mr. Nguyen
/// Van Son - Deputy Secretary of the Provincial Party Committee to hold the position of Chairman of the Provincial
/// People's Council, Mr. Phan Huy Ngoc - …" (the Chairman is Son, not the name after the comma).
fn item_then_post(s: &Site<'_>) -> Option<Found> {
    let p = s.i.checked_sub(1)?;
    s.units[p].group()?;
    let gap = s.text[s.units[p].end..s.units[s.i].start]
        .trim()
        .to_ascii_lowercase();
    let gives = gap.strip_prefix("to ").is_some_and(|rest| {
        s.grammar
            .appointing
            .iter()
            .any(|a| a == rest || a == gap.as_str())
    });
    if !gives {
        return None;
    }
    // Back over the item's titles to its name.
    let mut k = p;
    while k > 0
        && s.units[k - 1].group().is_some()
        && matches!(s.gaps[k - 1], Gap::Comma | Gap::And | Gap::CommaAnd)
    {
        k -= 1;
    }
    let q = k.checked_sub(1)?;
    let person = s.units[q].person()?;
    (s.gaps[q] == Gap::Comma).then(|| Found {
        targets: each([person]),
        past: false,
    })
}

/// `title-before-name`: the run stands right before a name ("Chairman of the People's Committee of Hanoi Tran Sy
/// Thanh"), or before ", Name" when it does not itself follow a name, or a sentence says the run is the name
/// ("The new Chairman of the Quang Tri Provincial People's Committee is Vo Van Hung").
fn title_before_name(s: &Site<'_>) -> Option<Found> {
    let (person, _) = s.next_person()?;
    if !s.before_name() && !s.is_name() {
        return None;
    }
    Some(Found {
        targets: vec![Target {
            person,
            nth: Some((0, 1)),
            only: None,
        }],
        past: false,
    })
}

/// `name-then-title`: the run follows "Name," (a dash counts as a comma): "General Ngo Xuan Lich, Politburo
/// member, Deputy Secretary of the CMC, Minister of National Defense".
fn name_then_title(s: &Site<'_>) -> Option<Found> {
    // "… met Monica Whaley, the PM wished …": "the" and a title before a verb is the next clause's subject, no
    // appositive.
    let p = s.i.checked_sub(1)?;
    let gap = &s.text[s.units[p].end..s.units[s.i].start];
    let after = s.text[s.units[s.j].end..].trim_start_matches(' ');
    let verb_after = after.starts_with(|c: char| c.is_lowercase())
        && !after.starts_with("and ")
        && !after.starts_with("of ")
        && !after.starts_with("who ")
        && !after.starts_with("in ");
    if gap
        .split_whitespace()
        .any(|w| w.eq_ignore_ascii_case("the"))
        && verb_after
    {
        return None;
    }
    match s.prev_person()? {
        // A plural title after a list of names is each name's: "A and B, both members of the Party Central
        // Committee".
        (_, Gap::Comma) if s.plural => Some(Found {
            targets: each(s.names_to(s.i - 1)),
            past: false,
        }),
        (person, Gap::Comma) => Some(Found {
            targets: each([person]),
            past: false,
        }),
        _ => None,
    }
}

/// `signature`: the run follows a name on the line above ("Lt. Gen. TRAN VO DUNG⏎Political Commissar of the
/// Military Region").
fn signature(s: &Site<'_>) -> Option<Found> {
    match s.prev_person()? {
        (person, Gap::Newline) => Some(Found {
            targets: each([person]),
            past: false,
        }),
        _ => None,
    }
}

/// `appositive`: "Name, who is also Chairman of …", "Name, currently Deputy Head of …", "Name, who was Minister
/// of …" (past): between the name's comma and the run only `appositive` words. Multi-word forms ("at the time")
/// are matched as a whole.
fn appositive(s: &Site<'_>) -> Option<Found> {
    let p = s.i.checked_sub(1)?;
    let person = s.units[p].person()?;
    let gap = s.text[s.units[p].end..s.units[s.i].start].trim();
    let words = gap.strip_prefix(',')?.trim().trim_end_matches(',').trim();
    if words.is_empty() || words.contains(['.', ';', ':', '\n']) {
        return None;
    }
    let lower = words.to_ascii_lowercase();
    let g = s.grammar;
    let mut rest = lower.as_str();
    while !rest.is_empty() {
        let w = g
            .appositive
            .iter()
            .filter(|a| {
                rest.starts_with(a.as_str())
                    && rest[a.len()..]
                        .chars()
                        .next()
                        .is_none_or(|c| c == ' ' || c == ',')
            })
            .max_by_key(|a| a.len())?;
        rest = rest[w.len()..].trim_start_matches([' ', ',']);
    }
    let past = lower.split(' ').any(|w| {
        matches!(
            w,
            "was" | "had" | "then" | "formerly" | "previously" | "former"
        )
    });
    Some(Found {
        targets: each([person]),
        past,
    })
}

/// `post-list`: the run is an item of a list of one person's posts that a `list-header` and a colon open, items
/// parted by semicolons: "Van used to hold various positions: Secretary of the Quang Ngai Provincial Youth Union;
/// Secretary of the Tu Nghia District Party Committee; …"; or the run right after "including" or "such as" that
/// ends such a header ("held a series of key positions, including A, and B"). The person is the one named last before the colon in its
/// sentence, or before a pronoun there; the posts are past when the header says they were held before.
fn post_list(s: &Site<'_>) -> Option<Found> {
    let text = s.text;
    let at = s.units[s.i].start;
    let sentence = s.sentences.around(text, at).0;
    // The colon that opens the list, or, with no colon, "including" or "such as" right before the run: "Trung held
    // a series of key positions, including Deputy Minister of …, and Chairman of …".
    let colon = match s.sentences.last_colon(sentence, at) {
        Some(colon) => {
            // Only items between the colon and the run: titles and their bodies, parted by semicolons.
            let items = &text[colon + 1..at];
            let opens = items.trim().is_empty()
                || items.trim_end().ends_with(';')
                || items.trim_end().ends_with("; and");
            if !opens {
                return None;
            }
            colon
        }
        None => {
            let before = text[sentence..at].trim_end();
            let opener = ["including", "such as"]
                .iter()
                .find(|w| before.ends_with(*w))?;
            sentence + before.len() - opener.len()
        }
    };
    // "Ron assumed many positions, including:": a comma in the header reads as nothing.
    let header = text[sentence..colon]
        .trim_end()
        .to_ascii_lowercase()
        .replace(',', "");
    let g = s.grammar;
    if !g
        .list_headers
        .iter()
        .any(|h| header.ends_with(h.as_str()) && header[..header.len() - h.len()].ends_with(' '))
    {
        return None;
    }
    let holds = header.split_whitespace().any(|w| {
        g.holding
            .iter()
            .any(|h| w == h || (h.starts_with('\'') && w.ends_with(h.as_str())))
    });
    if !holds {
        return None;
    }
    let pronoun = header
        .split_whitespace()
        .any(|w| g.pronouns.iter().any(|p| p == w));
    // The person named last before the colon: in the sentence, or before it for a pronoun.
    let person = s.units[..s.i].iter().rev().find_map(|u| {
        let inside = u.start >= sentence && u.end <= colon;
        let reachable = pronoun
            && u.end <= sentence
            && sentence - u.end <= PRONOUN_REACH
            && !caption_line(text, s.sentences, u.start);
        (inside || reachable).then(|| u.person()).flatten()
    })?;
    let past = g.held_before.iter().any(|w| header.contains(w.as_str()))
        || ["used to", "previously", "earlier", "held", "assumed"]
            .iter()
            .any(|w| header.contains(w));
    Some(Found {
        targets: each([person]),
        past,
    })
}

/// The subject of the sentence that holds unit `k`: its first person that no preposition governs ("Under the
/// decision announced by Deputy Head X, Politburo member Y will leave …" is Y; "Major General A has served as
/// Assistant to Minister B" is A).
fn subject_of_sentence(s: &Site<'_>, k: usize) -> Option<usize> {
    let (text, units, gaps) = (s.text, s.units, s.gaps);
    let start = s.sentences.around(text, units[k].start).0;
    let first = (0..=k)
        .rev()
        .take_while(|&m| units[m].start >= start)
        .last()?;
    (first..=k).find_map(|m| {
        let person = units[m].person()?;
        // Back over the titles right before the name to the words that govern them.
        let mut r = m;
        while r > first
            && units[r - 1].group().is_some()
            && matches!(
                gaps[r - 1],
                Gap::Adjacent | Gap::Comma | Gap::And | Gap::CommaAnd
            )
        {
            r -= 1;
        }
        let from = if r > first { units[r - 1].end } else { start };
        let lead = text[from..units[r].start].trim_end();
        // The preposition may stand a word or two in lower case before the titles ("announced by standing deputy
        // head …"); a name or a mark before the titles ends the search ("in the Ministry of Public Security, Major
        // General A").
        let mut governed = false;
        for w in lead.rsplit(' ').take(3) {
            if ["by", "with", "to", "for", "of", "from", "under", "on"].contains(&w) {
                governed = true;
                break;
            }
            if !w.chars().all(|c| c.is_lowercase() || c == '-') {
                break;
            }
        }
        (!governed).then_some(person)
    })
}

/// `semicolon-items`: the run is a later item of a list of one person's posts parted by semicolons, whose first
/// item `appointed-as` gives to its subject: "Previously, Dung was Deputy Secretary of the Ha Tinh Provincial Youth
/// Union; Chief of the Office of …; Secretary of the Ha Tinh City Party Committee (2014-2016); …", "Thang
/// previously held the positions of Secretary of …; Chairman of …". Every item is that subject's, past as the first
/// is. An item that a name opens ("…; B, Chairman of …") is no item of this list.
fn semicolon_items(s: &Site<'_>) -> Option<Found> {
    let (text, units, gaps) = (s.text, s.units, s.gaps);
    let within_run = |k: usize| {
        units[k].group().is_some()
            && matches!(
                gaps[k],
                Gap::Comma | Gap::And | Gap::CommaAnd | Gap::Adjacent
            )
    };
    let after_semicolon = |k: usize| {
        k > 0
            && units[k - 1].group().is_some()
            && semicolon(&text[units[k - 1].end..units[k].start])
    };
    if !after_semicolon(s.i) {
        return None;
    }
    // Back over the items to the first one's first unit.
    let mut first = s.i - 1;
    loop {
        while first > 0 && within_run(first - 1) {
            first -= 1;
        }
        if after_semicolon(first) {
            first -= 1;
        } else {
            break;
        }
    }
    let mut last = first;
    while last + 1 < units.len() && within_run(last) && units[last + 1].group().is_some() {
        last += 1;
    }
    let head = s.at(first, last);
    let (mut subjects, mut held_before) = appointed_subjects(&head);
    if subjects.is_empty()
        && let Some(lead) = unread_first_item(s, first)
    {
        (subjects, held_before) = appointed_subjects_after(&head, &lead);
    }
    let [person] = subjects.as_slice() else {
        return None;
    };
    // Past as the first item is: by its governing verb, or by a cue before it ("used to be …").
    let cued = units[first].group().is_some_and(|g| g.past);
    Some(Found {
        targets: each([*person]),
        past: held_before || relieved(&head) || cued,
    })
}

/// A first item that no title reads, before the item at `first`: "he served as Director of Staff for Security;
/// Deputy Director General of …". The words up to the appointing word that governs it ("he served as"), when
/// that word is followed by a capital and the item runs to a semicolon within the sentence.
fn unread_first_item(s: &Site<'_>, first: usize) -> Option<String> {
    let text = s.text;
    let at = s.units[first].start;
    let from = if first == 0 {
        0
    } else {
        s.units[first - 1].end
    };
    let before = &text[from..at];
    let before = &before[before.rfind(['.', '!', '?', '\n']).map_or(0, |e| e + 1)..];
    let (item_head, _) = before.trim_end().rsplit_once(';')?;
    if item_head.contains(';') {
        return None;
    }
    let lower = item_head.to_ascii_lowercase();
    // The last appointing word followed by a capitalised word: where the unread item starts.
    let end = s
        .grammar
        .appointing
        .iter()
        .filter_map(|w| {
            lower
                .match_indices(w.as_str())
                .filter_map(|(k, _)| {
                    let after = &item_head[k + w.len()..];
                    let starts_word = k == 0 || lower[..k].ends_with(' ');
                    (starts_word
                        && after.starts_with(' ')
                        && after[1..].starts_with(|c: char| c.is_uppercase()))
                    .then_some(k + w.len())
                })
                .last()
        })
        .max()?;
    Some(lead_in(&item_head[..end]))
}

/// Whether the text between two items is a semicolon, after an aside in brackets or a term and before "and" or
/// an article: "(2014-2016); ", "; and ", "for the 11th tenure; a member of …".
fn semicolon(gap: &str) -> bool {
    let mut t = gap.trim();
    if let Some(rest) = t.strip_prefix('(')
        && let Some(close) = rest.find(')')
        && close <= 60
    {
        t = rest[close + 1..].trim_start();
    }
    // "… Party Central Committee for the 10th and 11th tenures; a Politburo member …".
    if let Some(rest) = crate::rules::strip_term(t) {
        t = rest.trim_start();
    }
    let Some(rest) = t.strip_prefix(';') else {
        return false;
    };
    let rest = rest.trim_start();
    let rest = rest.strip_prefix("and").unwrap_or(rest).trim_start();
    matches!(rest, "" | "a" | "an")
}

/// `appointed-as`: the run follows a word of the `appointing` class ("was elected", "named", "as", "served as",
/// "assigned … to hold the post of") and belongs to the sentence's subject: the nearest person before it, or the
/// last person named before a pronoun. A plural title, or a run of as many titles as names, goes to the list of
/// names that ends at the subject ("to appoint A and B as Justices of …"). The posts are past after a
/// `held-before` word or when the governing verb is a `relieving` one.
fn appointed_as(s: &Site<'_>) -> Option<Found> {
    let (mut subjects, held_before) = appointed_subjects(s);
    if subjects.is_empty() {
        return None;
    }
    let list = match subjects.as_slice() {
        [one] if s.plural || s.len > 1 => s.list_of(*one),
        _ => subjects.clone(),
    };
    if s.plural || list.len() == s.len {
        subjects = list;
    }
    let past = held_before || relieved(s);
    // As many names as titles pair with the titles; as many names as a title's organisations pair with those
    // ("A and B were elected directors of the Department of X and the Department of Y").
    let total = subjects.len();
    let paired = total > 1 && total == s.len;
    let targets = subjects
        .iter()
        .enumerate()
        .map(|(n, &person)| Target {
            person,
            nth: (total > 1 && !paired).then_some((n, total)),
            only: paired.then_some(n),
        })
        .collect();
    Some(Found { targets, past })
}

/// Whether the words between a plural title and what follows introduce its list: "are", "were", "including"
/// (an honorific may follow: "are Mr.").
fn opens_list(gap: &str, grammar: &Grammar) -> bool {
    // A relative clause between commas before the opener: "The new deputy chairmen, who were elected on December 9
    // by the municipal People's Council, include …" (a name in it would have ended the gap).
    let gap = match gap.trim_start().strip_prefix(',').map(str::trim_start) {
        Some(clause)
            if (clause.starts_with("who ") || clause.starts_with("which "))
                && clause.split_whitespace().count() <= RELATIVE_CLAUSE_WORDS =>
        {
            clause.rsplit_once(", ").map_or(gap, |(_, rest)| rest)
        }
        _ => gap,
    };
    let mut words: Vec<&str> = gap
        .split_whitespace()
        .map(|w| w.trim_end_matches([':', ',']))
        .filter(|w| !w.is_empty())
        .collect();
    // A modifier before the opener: "The new Deputy Prime Ministers for the 2021-2026 term include …", "The two
    // additional members of the Secretariat elected at the session today were …", "The Deputy Ministers
    // attending the meeting were …": a participle or a
    // preposition and up to seven more words in lower case or digits (no name, no body).
    let modifier = words.first().is_some_and(|w| {
        matches!(*w, "for" | "of" | "in" | "at" | "from")
            || w.len() > 4
                && (w.ends_with("ed") || w.ends_with("ing"))
                && !grammar.list_openers.iter().any(|o| o == w)
    });
    if modifier
        && let Some(k) = (1..words.len().min(9)).find(|&k| {
            grammar.list_openers.iter().any(|o| {
                let n = o.split(' ').count();
                words.len() >= k + n && words[k..k + n].join(" ") == *o
            })
        })
        && words[..k].iter().all(|w| {
            !w.starts_with(|c: char| c.is_uppercase()) || crate::rules::events::is_calendar_word(w)
        })
    {
        words.drain(..k);
    }
    let honorific = |w: &&str| matches!(*w, "Mr." | "Ms." | "Mrs." | "Dr.");
    let opener_len = grammar.list_openers.iter().find_map(|o| {
        let n = o.split(' ').count();
        (words.len() >= n && words[..n].join(" ") == *o).then_some(n)
    });
    opener_len.is_some_and(|n| words[n..].iter().all(honorific))
}

/// How many words a relative clause before a list's opener may hold.
const RELATIVE_CLAUSE_WORDS: usize = 24;

/// How far back (bytes) a pronoun's person may be named.
const PRONOUN_REACH: usize = 1200;

/// The subjects of "X was elected Chairman of …" / "… elected Y as Chairman of …": the nearest person before the
/// run in its sentence, or the last person before it when the sentence has a pronoun ("he", "him"). After a
/// plural verb ("A, …, and B, …, were reelected as …"), every person named earlier in the sentence. Also whether
/// the lead-in says the post is held no more.
fn appointed_subjects(s: &Site<'_>) -> (Vec<usize>, bool) {
    let (text, units, i) = (s.text, s.units, s.i);
    let from = if i == 0 { 0 } else { units[i - 1].end };
    appointed_subjects_after(s, &lead_in(&text[from..units[i].start]))
}

/// [`appointed_subjects`], with the words before the run given (`lead_in`, as [`lead_in`] reads them).
fn appointed_subjects_after(s: &Site<'_>, lead_in: &str) -> (Vec<usize>, bool) {
    let (text, units, gaps, i) = (s.text, s.units, s.gaps, s.i);
    // "was elected to", "was re-elected to".
    let ends_with = |w: &String| {
        lead_in.strip_suffix(w.as_str()).is_some_and(|h| {
            let h = h.strip_suffix("re-").unwrap_or(h);
            h.is_empty() || h.ends_with([' ', '\n'])
        })
    };
    let g = s.grammar;
    if !g.appointing.iter().chain(&g.joining).any(ends_with) {
        return (Vec::new(), false);
    }
    // "congratulate the newly elected Vice Chairmen": a participle that describes the title, no predicate that
    // gives it to a subject.
    let describes = |d: &&str| {
        lead_in.rsplit_once(' ').is_some_and(|(head, _)| {
            head.strip_suffix(*d)
                .is_some_and(|h| h.is_empty() || h.ends_with(' '))
        })
    };
    if ["the", "a", "an", "newly", "the new", "the recently"]
        .iter()
        .any(describes)
    {
        return (Vec::new(), false);
    }
    let held_before = g.held_before.iter().any(ends_with);
    let plural = lead_in
        .split(' ')
        .any(|w| matches!(w, "were" | "are" | "have"));
    let mut subjects = Vec::new();
    // A subject in an earlier sentence only for a pronoun ("In July 2016, he was elected …"): the last person
    // named, not more than a few paragraphs back.
    let mut pronoun = None;
    for k in (0..i).rev() {
        if gaps[k].ends_clause() {
            // The subjects of a plural verb may be a list parted by semicolons: "A, …; B, …; and C, … were elected".
            let between = &text[units[k].end..units[k + 1].start];
            let clause_only = !between.contains(['.', '!', '?']) && !between.contains("\n\n");
            if plural && clause_only {
                continue;
            }
            if plural {
                break;
            }
            if units[i].start - units[k].end > PRONOUN_REACH {
                break;
            }
            let has_pronoun = *pronoun.get_or_insert_with(|| {
                let between = &text[units[k].end..units[i].start];
                between
                    .rfind(['.', '!', '?', '\n'])
                    .map_or(between, |e| &between[e + 1..])
                    .split_whitespace()
                    .any(|w| g.pronouns.iter().any(|p| w.eq_ignore_ascii_case(p)))
            });
            if !has_pronoun {
                break;
            }
        }
        if let Some(person) = units[k].person() {
            // A pronoun does not point into a photo caption ("Binh Phuoc province's Party Secretary Nguyen Van
            // Loi" on a line of its own).
            if pronoun == Some(true) && caption_line(text, s.sentences, units[k].start) {
                continue;
            }
            // A pronoun stands for the subject of the sentence that named the person: its first person ("Major
            // General A has served as Assistant to Minister B for 12 years. He was appointed …" is A).
            let person = if pronoun == Some(true) {
                subject_of_sentence(s, k).unwrap_or(person)
            } else {
                person
            };
            subjects.push(person);
            if !plural {
                break;
            }
        }
    }
    subjects.reverse();
    (subjects, held_before)
}

/// Whether the verb that governs the run takes the posts away: the last `relieving` or `appoint-verb` word before
/// the run, in its sentence, is a relieving one ("to relieve A and B from the posts of …", "A was relieved of the
/// post of …", but not "to relieve A and appoint B as …").
fn relieved(s: &Site<'_>) -> bool {
    let at = s.units[s.i].start;
    let text = s.text;
    let start = s.sentences.around(text, at).0;
    let before = text[start..at].to_ascii_lowercase();
    match s.grammar.relieving_or_appointing.last_of_each(&before) {
        (Some(r), Some(a)) => r > a,
        (Some(_), None) => true,
        _ => false,
    }
}
