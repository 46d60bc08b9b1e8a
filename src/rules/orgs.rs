//! Organisation expressions and the token stream the relation rules read.
//!
//! A body that every province, city or unit has (Party Committee, People's Council, Military Command …) gets its
//! host from the words around it, tried in this order:
//! - `host-body`: a place or unit right before it ("Hanoi Party Committee", "Military Region 4's Party Committee
//!   and Command"), or after "of" or "in" ("Party Committee of Hà Nội", "the Party Committee and Command of
//!   Military Region 3", "Party Committees of Hanoi and HCMC", "Standing Board of the Hà Nội Party Committee",
//!   "People's Council of the capital");
//! - `context-body`: the article's subject, when nothing names the host: "the Provincial Military Command" is the
//!   nearest preceding province's (else the province the article is about), "the municipal People's Council" the
//!   nearest city's, a bare "Party Committee" the subject's (the place or unit named most often);
//! - `national-body`: with no host at all, the national body it stands for ("Public Security").
//!
//! `context-unit` resolves "the Military Region" to the military region the article is about; `gazetteer-org`
//! is a named organisation of the gazetteer.

use crate::fold::fold_str;
use crate::gazetteer::{Cue, Host, PlaceKind, Tables};
use crate::hash::HashMap;
use crate::matcher::Entry;
use crate::rules::names::Names;
use crate::rules::{Context, Gap, caption_line, gap, local};

/// A token of the stream: a person mention or a gazetteer hit, with organisation expressions composed.
#[derive(Debug, Clone)]
pub(crate) struct Token {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: Tok,
}

#[derive(Debug, Clone)]
pub(crate) enum Tok {
    Person(usize),
    Rank(u32),
    Title {
        index: u32,
        plural: bool,
    },
    Orgs(Vec<OrgRef>),
    Place(u32),
    Body(u32),
    Reference(u32),
    /// An event's trigger (the events pass reads the hits themselves).
    Event,
    Cue(Cue),
    /// A country's adjective ("Chinese"), by the country's place index.
    Demonym(u32),
}

/// An organisation of the document, and whether its host came from context (for which body).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct OrgRef {
    pub(crate) org: usize,
    pub(crate) context_body: Option<u32>,
}

/// An organisation of the document, before output.
#[derive(Debug, Clone)]
pub(crate) struct DocOrg {
    pub(crate) name: String,
    /// The name folded: compared with the gazetteer's posts.
    pub(crate) key: String,
    pub(crate) gazetteer_id: Option<String>,
    pub(crate) kind: Option<String>,
    pub(crate) rule: &'static str,
    pub(crate) mentions: Vec<(usize, usize)>,
}

/// The document's organisations, deduplicated by folded name.
#[derive(Debug, Default)]
pub(crate) struct DocOrgs {
    pub(crate) list: Vec<DocOrg>,
    by_key: HashMap<String, usize>,
    /// The province and the city the article is about (places index), as `compose` found them: what a body
    /// named "provincial …" or "municipal …" that the gazetteer lacks belongs to.
    pub(crate) subject_places: (Option<usize>, Option<usize>),
    /// Retractions held back while a pass makes many of them (see [`DocOrgs::defer_retractions`]).
    deferred: Option<Vec<(usize, (usize, usize))>>,
    /// A buffer for lookup keys, reused so that a lookup allocates nothing.
    scratch: String,
}

impl DocOrgs {
    /// From now on, [`DocOrgs::retract`] only notes what to take back, until
    /// [`DocOrgs::apply_retractions`] takes it all back in one pass per organisation: a pass that retracts the
    /// mentions of an organisation named throughout a long text costs no pass over them per retraction.
    pub(crate) fn defer_retractions(&mut self) {
        self.deferred.get_or_insert_with(Vec::new);
    }

    /// Takes back every retraction noted since [`DocOrgs::defer_retractions`].
    pub(crate) fn apply_retractions(&mut self) {
        let Some(mut pending) = self.deferred.take() else {
            return;
        };
        pending.sort_unstable();
        for group in pending.chunk_by(|a, b| a.0 == b.0) {
            let org = group[0].0;
            // The spans sorted by start, with the greatest end so far: a mention lies in some span when the
            // greatest end of the spans that start at or before it reaches its end.
            let mut reach = Vec::with_capacity(group.len());
            let mut most = 0;
            for &(_, (s, e)) in group {
                most = most.max(e);
                reach.push((s, most));
            }
            self.list[org].mentions.retain(|&(s, e)| {
                let k = reach.partition_point(|&(start, _)| start <= s);
                k == 0 || reach[k - 1].1 < e
            });
        }
    }

    pub(crate) fn intern(
        &mut self,
        name: String,
        gazetteer_id: Option<String>,
        kind: Option<String>,
        rule: &'static str,
        mention: (usize, usize),
    ) -> usize {
        let key = fold_str(&name);
        if let Some(&i) = self.by_key.get(&key) {
            self.mention(i, mention);
            return i;
        }
        let i = self.list.len();
        self.by_key.insert(key.clone(), i);
        self.list.push(DocOrg {
            name,
            key,
            gazetteer_id,
            kind,
            rule,
            mentions: vec![mention],
        });
        i
    }

    /// Takes back the mentions of organisation `org` within `span`: the words meant another body ("Minister of
    /// National Defence" after "Chinese"). An organisation left without mentions is not output.
    pub(crate) fn retract(&mut self, org: usize, span: (usize, usize)) {
        if let Some(pending) = &mut self.deferred {
            pending.push((org, span));
            return;
        }
        // Mentions are sorted: those that start within the span are one range, found by binary search, so that
        // an organisation mentioned throughout a long text costs no pass over all its mentions per retraction.
        let m = &mut self.list[org].mentions;
        let lo = m.partition_point(|&(s, _)| s < span.0);
        let hi = lo + m[lo..].partition_point(|&(s, _)| s <= span.1);
        let mut kept = lo;
        for r in lo..hi {
            if m[r].1 > span.1 {
                m[kept] = m[r];
                kept += 1;
            }
        }
        m.drain(kept..hi);
    }

    /// Records one more mention of organisation `org`. Mentions are kept in text order, each once.
    pub(crate) fn mention(&mut self, org: usize, span: (usize, usize)) {
        let mentions = &mut self.list[org].mentions;
        if let Err(at) = mentions.binary_search(&span) {
            mentions.insert(at, span);
        }
    }

    pub(crate) fn gazetteer(
        &mut self,
        t: &Tables,
        o: usize,
        rule: &'static str,
        mention: (usize, usize),
    ) -> usize {
        let org = &t.organisations[o];
        // Named before: its folded name (`keys[0]`) finds it without copying anything.
        if let Some(&i) = org.keys.first().and_then(|k| self.by_key.get(k)) {
            self.mention(i, mention);
            return i;
        }
        self.intern(
            org.name.clone(),
            Some(org.id.clone()),
            Some(org.kind.clone()),
            rule,
            mention,
        )
    }
}

/// Builds the token stream: person mentions, and each other hit by its strongest entry.
pub(crate) fn tokens(cx: &Context<'_>, names: &Names) -> Vec<Token> {
    let mut out = Vec::with_capacity(cx.hits.len());
    let mut m = names.mentions.iter().peekable();
    for hit in cx.hits {
        while let Some(p) = m.peek() {
            if p.start < hit.end {
                out.push(Token {
                    start: p.start,
                    end: p.end,
                    kind: Tok::Person(p.person),
                });
                m.next();
            } else {
                break;
            }
        }
        if out.last().is_some_and(|t: &Token| t.end > hit.start) {
            continue;
        }
        let kind = hit
            .entries
            .iter()
            .filter_map(|e| match *e {
                Entry::Title { index, plural } => Some((0, Tok::Title { index, plural })),
                Entry::Rank(r) => Some((1, Tok::Rank(r))),
                Entry::Organisation(o) => Some((
                    2,
                    Tok::Orgs(vec![OrgRef {
                        org: o as usize,
                        context_body: None,
                    }]),
                )),
                Entry::Body(b) => Some((3, Tok::Body(b))),
                Entry::Reference(r) => Some((4, Tok::Reference(r))),
                Entry::Place(p) => Some((5, Tok::Place(p))),
                Entry::Event(_) => Some((6, Tok::Event)),
                Entry::Cue(c) => Some((7, Tok::Cue(c))),
                Entry::Demonym(p) => Some((8, Tok::Demonym(p))),
                Entry::FamilyName | Entry::Official(_) => None,
            })
            .min_by_key(|(rank, _)| *rank)
            .map(|(_, k)| k);
        // "Nghe An province", "Binh Phuoc province's": the word after a place is part of the place's name.
        let place_word = matches!(kind, Some(Tok::Reference(r))
            if matches!(cx.tables.references[r as usize].host, Host::Province | Host::City))
            && out.last().is_some_and(|t| {
                matches!(t.kind, Tok::Place(_)) && cx.text[t.end..hit.start].trim().is_empty()
            });
        // "General Department of Security": a rank's word before a `level` word begins a body's name.
        let begins_body = matches!(kind, Some(Tok::Rank(_)))
            && cx.text[hit.end..].strip_prefix(' ').is_some_and(|rest| {
                let word = rest.split([' ', ',', '.', ';']).next().unwrap_or(rest);
                cx.tables.grammar.levels.iter().any(|l| l == word)
            });
        if let Some(kind) = kind
            && !place_word
            && !begins_body
        {
            out.push(Token {
                start: hit.start,
                end: hit.end,
                kind,
            });
        }
    }
    for p in m {
        out.push(Token {
            start: p.start,
            end: p.end,
            kind: Tok::Person(p.person),
        });
    }
    out
}

/// The one province that every district the text names ("Quy Chau District", "Vung Liem district") belongs to,
/// by `units.tsv`; none when they disagree, or a name is several provinces' district.
fn districts_province(cx: &Context<'_>) -> Option<usize> {
    let (t, text) = (cx.tables, cx.text);
    let mut found: Option<&str> = None;
    for (at, _) in text.match_indices("istrict") {
        let Some(before) = text[..at]
            .strip_suffix('D')
            .or(text[..at].strip_suffix('d'))
        else {
            continue;
        };
        let before = before.trim_end_matches(' ');
        // One to three capitalised words before "District".
        let words: Vec<&str> = before
            .rsplit(' ')
            .take(3)
            .take_while(|w| w.starts_with(char::is_uppercase))
            .collect();
        let mut matched = None;
        for n in (1..=words.len()).rev() {
            let name: Vec<&str> = words[..n].iter().rev().copied().collect();
            if let Some(all) = t.units_by_name.get(&fold_str(&name.join(" "))) {
                let mut provinces = all
                    .iter()
                    .filter(|&&u| t.units[u].level == crate::gazetteer::UnitLevel::District)
                    .map(|&u| t.units[u].province.as_str());
                if let Some(first) = provinces.next() {
                    matched = Some(provinces.all(|p| p == first).then_some(first)?);
                    break;
                }
            }
        }
        match (found, matched) {
            (_, None) => {}
            (None, Some(p)) => found = Some(p),
            (Some(f), Some(p)) if f != p => return None,
            _ => {}
        }
    }
    let id = found?;
    t.places
        .iter()
        .position(|p| p.id == id && p.kind == PlaceKind::Province)
}

/// What hosts a body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum HostRef {
    Place(usize),
    Unit(usize),
    /// A district, town, commune or ward (`Tables::units`), and whether its name is that unit's alone.
    Local(usize, bool),
}

/// Whether the place named at `start..end` is a dateline's: first on its line, then a dash or "(VNA)" ("HÀ NỘI —",
/// "Hanoi (VNA) –", "HANOI, March 3 (VNA) –").
fn is_dateline(text: &str, start: usize, end: usize) -> bool {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    if !text[line_start..start].trim().is_empty() {
        return false;
    }
    let after = &text[end..crate::rules::char_floor(text, (end + 40).min(text.len()))];
    let head = after.split('\n').next().unwrap_or("");
    let Some(dash) = head
        .find(['\u{2014}', '\u{2013}'])
        .or_else(|| head.find(" - "))
    else {
        return false;
    };
    // Only a date or the agency between the place and the dash.
    let between = head[..dash].trim();
    between.is_empty() || between.starts_with(',') || between.starts_with("(VNA)")
}

/// The place or unit an article is about, and the nearest place of each kind before any point.
struct Subject<'t> {
    tables: &'t Tables,
    text: &'t str,
    /// (count, first position) per place of kind province or city.
    places: HashMap<usize, (usize, usize)>,
    /// count per unit organisation (an organisation with a class), generic references included.
    units: HashMap<usize, usize>,
    /// (position, place) of every province or city, in text order.
    positions: Vec<(usize, usize)>,
    /// The one province every district the text names belongs to ("Quy Chau District" is Nghe An's).
    district_province: Option<usize>,
    lead_end: usize,
    sentences: &'t crate::rules::sentences::Sentences,
}

impl<'t> Subject<'t> {
    fn new(cx: &Context<'t>, tokens: &[Token], lead_end: usize) -> Subject<'t> {
        let (tables, text) = (cx.tables, cx.text);
        let mut s = Subject {
            tables,
            text,
            sentences: cx.sentences,
            places: HashMap::default(),
            units: HashMap::default(),
            positions: Vec::new(),
            district_province: districts_province(cx),
            lead_end,
        };
        let mut class_refs: HashMap<&str, usize> = HashMap::default();
        // A dateline's place ("HÀ NỘI — The 13th Party Central Committee …") is where the news was filed: in an
        // article whose lead names a national body it is not what the article is about.
        let national_lead =
            tokens
                .iter()
                .take_while(|t| t.start < lead_end)
                .any(|t| match &t.kind {
                    Tok::Orgs(list) => list.iter().any(|o| {
                        let org = &tables.organisations[o.org];
                        org.class.is_empty() && matches!(org.kind.as_str(), "party" | "state")
                    }),
                    _ => false,
                });
        for t in tokens {
            match &t.kind {
                Tok::Place(_) if national_lead && is_dateline(text, t.start, t.end) => {}
                Tok::Place(p) => {
                    let p = *p as usize;
                    if matches!(tables.places[p].kind, PlaceKind::Province | PlaceKind::City) {
                        let e = s.places.entry(p).or_insert((0, t.start));
                        e.0 += 1;
                        s.positions.push((t.start, p));
                    }
                }
                Tok::Orgs(list) => {
                    for o in list {
                        if !tables.organisations[o.org].class.is_empty() {
                            *s.units.entry(o.org).or_insert(0) += 1;
                        }
                    }
                }
                Tok::Reference(r) => {
                    if let Host::Class(c) = &tables.references[*r as usize].host {
                        *class_refs.entry(c.as_str()).or_insert(0) += 1;
                    }
                }
                _ => {}
            }
        }
        // Generic references count for the unit of their class named most often.
        for (class, n) in class_refs {
            if let Some(u) = s.dominant_unit(class) {
                *s.units.get_mut(&u).expect("dominant unit is counted") += n;
            }
        }
        s
    }

    fn dominant_unit(&self, class: &str) -> Option<usize> {
        self.units
            .iter()
            .filter(|(o, _)| self.tables.organisations[**o].class == class)
            .max_by_key(|(o, n)| (**n, std::cmp::Reverse(**o)))
            .map(|(o, _)| *o)
    }

    /// The place the article is about: named twice, or in its lead; else the only province it names ("the
    /// Provincial Party Committee" in an article that names Tuyen Quang once, late, and no other province).
    fn dominant_place(&self, kind: Option<PlaceKind>) -> Option<(usize, usize)> {
        let of_kind = |p: &usize| kind.is_none_or(|k| self.tables.places[*p].kind == k);
        self.places
            .iter()
            .filter(|(p, (n, first))| of_kind(p) && (*n >= 2 || *first < self.lead_end))
            .max_by_key(|(_, (n, first))| (*n, std::cmp::Reverse(*first)))
            .map(|(p, (n, _))| (*p, *n))
            .or_else(|| {
                let mut provinces = self.places.iter().filter(|(p, _)| {
                    of_kind(p) && self.tables.places[**p].kind == PlaceKind::Province
                });
                let only = provinces.next()?;
                provinces.next().is_none().then_some((*only.0, only.1.0))
            })
            .or_else(|| {
                // No province named: the one the districts named belong to.
                let p = self.district_province?;
                (self.places.is_empty() && of_kind(&p)).then_some((p, 0))
            })
    }

    /// The place of `kind` named last before `before`, photo captions left out.
    fn nearest(&self, kind: PlaceKind, before: usize) -> Option<usize> {
        self.positions_before(before)
            .iter()
            .rev()
            .find(|(at, p)| {
                *at < before
                    && self.tables.places[*p].kind == kind
                    && !caption_line(self.text, self.sentences, *at)
            })
            .map(|(_, p)| *p)
    }

    /// The province or city named last before `at` in its paragraph (line), photo captions left out.
    fn earlier_in_paragraph(&self, at: usize) -> Option<usize> {
        let paragraph = self.sentences.line(self.text, at).0;
        self.positions_before(at)
            .iter()
            .rev()
            .take_while(|(pos, _)| *pos >= paragraph)
            .find(|(pos, _)| !caption_line(self.text, self.sentences, *pos))
            .map(|(_, p)| *p)
    }

    /// The places named before `at` (`positions` is in text order).
    fn positions_before(&self, at: usize) -> &[(usize, usize)] {
        &self.positions[..self.positions.partition_point(|(pos, _)| *pos < at)]
    }

    /// The one place (of `kind`, if given) named after `at` in the rest of its clause, up to a semicolon, a line
    /// break or a sentence's end: "Secretary of the Provincial Party Committee, Head of the National Assembly
    /// Delegation of Nghe An province; …" is Nghe An's.
    fn later_in_clause(&self, kind: Option<PlaceKind>, at: usize) -> Option<usize> {
        // The clause end, looked up in the boundaries found once per text.
        let end = self.sentences.clause_end(self.text, at);
        let from = self.positions.partition_point(|(pos, _)| *pos <= at);
        let mut found = self.positions[from..]
            .iter()
            .take_while(|(pos, _)| *pos < end)
            .filter(|(_, p)| kind.is_none_or(|k| self.tables.places[*p].kind == k))
            .map(|(_, p)| *p);
        let first = found.next()?;
        found.all(|p| p == first).then_some(first)
    }

    /// The host a body without one stands for.
    fn host(&self, hint: Option<PlaceKind>, at: usize) -> Option<HostRef> {
        if let Some(p) = self.later_in_clause(hint, at) {
            return Some(HostRef::Place(p));
        }
        match hint {
            // The place of the kind named last before, unless it lies in another item of a list (parted by a
            // semicolon) of an article about another place: "…; Le Hong Vinh - Chairman of the People's Committee
            // of Quang Tri province; Vo Trong Hai - Deputy Secretary of the Provincial Party Committee" in an
            // article about Nghe An is Nghe An's.
            Some(k) => {
                let nearest = self.nearest(k, at);
                let dominant = self.dominant_place(Some(k)).map(|(p, _)| p);
                let clause = self.sentences.clause_start(self.text, at);
                let sentence = self.sentences.around(self.text, at).0;
                let other_item = clause > sentence
                    && nearest.is_some_and(|p| {
                        self.positions_before(at)
                            .iter()
                            .rev()
                            .find(|(_, q)| *q == p)
                            .is_some_and(|(pos, _)| *pos >= sentence && *pos < clause)
                    });
                // … unless the article named that place before the sentence too: "Thang, … a native of Hai Duong.
                // Thang held the positions of …; Chairman of the Fatherland Front Committee of Hai Duong; Head of the
                // provincial Party Committee's Propaganda Department" is Hai Duong's, in a round-up that names Ha
                // Tinh more.
                let named_before = |p: usize| {
                    self.positions_before(sentence)
                        .iter()
                        .any(|&(pos, q)| q == p && !caption_line(self.text, self.sentences, pos))
                };
                match (nearest, dominant) {
                    (Some(n), Some(d)) if other_item && n != d && !named_before(n) => Some(d),
                    (n, d) => n.or(d),
                }
                .map(HostRef::Place)
            }
            None => {
                // In a round-up of several provinces, the one named earlier in the same paragraph.
                if let Some(p) = self.earlier_in_paragraph(at) {
                    return Some(HostRef::Place(p));
                }
                let place = self.dominant_place(None);
                let unit = self
                    .units
                    .iter()
                    .max_by_key(|(o, n)| (**n, std::cmp::Reverse(**o)))
                    .map(|(o, n)| (*o, *n));
                match (place, unit) {
                    (Some((p, pn)), Some((u, un))) => Some(if un > pn {
                        HostRef::Unit(u)
                    } else {
                        HostRef::Place(p)
                    }),
                    (Some((p, _)), None) => Some(HostRef::Place(p)),
                    (None, Some((u, _))) => Some(HostRef::Unit(u)),
                    (None, None) => None,
                }
            }
        }
    }
}

/// The kind of host a body's own words ask for ("Provincial Military Command", "municipal People's Council").
fn hint(surface: &str) -> Option<PlaceKind> {
    let f = fold_str(surface);
    if f.split(' ').any(|w| w == "provincial" || w == "province") {
        Some(PlaceKind::Province)
    } else if f.split(' ').any(|w| w == "municipal" || w == "city") {
        Some(PlaceKind::City)
    } else {
        None
    }
}

/// A body's name with the word the text names its kind by, where the press uses two for one body: the Standing
/// Board and the Standing Committee of a Party Committee ("the Hanoi Party Committee's Standing Board" is the
/// Standing Board of the Hanoi Party Committee; a template's word otherwise); and, for a Party Committee's
/// `commission`, the text's own name of it before "of the <host's Party Committee>" ("the provincial Party
/// Committee's Propaganda Department" is the Propaganda Department of the Hai Duong Provincial Party Committee).
fn texts_word(name: String, surface: &str, commission: bool) -> String {
    const SYNONYMS: [(&str, &str); 2] = [
        ("Standing Committee", "Standing Board"),
        ("Standing Board", "Standing Committee"),
    ];
    for (template, text) in SYNONYMS {
        if name.starts_with(template)
            && !crate::rules::contains_ignore_ascii_case(surface, template)
            && crate::rules::contains_ignore_ascii_case(surface, text)
        {
            return name.replacen(template, text, 1);
        }
    }
    if commission
        && let Some((_, host)) = name.split_once(" of the ")
        && let Some(own) = commission_words(surface)
    {
        return format!("{own} of the {host}");
    }
    name
}

/// The words a text names a Party Committee's commission by, within the body's surface: capitalised words (and
/// "and") that end with a kind word ("Propaganda Department", "Propaganda and Education Commission"), or a kind
/// word and "for"/"of"/"on" with capitalised words after it ("Commission for Inspection", "Commission of Internal
/// Affairs"); never the Party Committee itself. None when the surface holds no such words.
fn commission_words(surface: &str) -> Option<&str> {
    const KINDS: [&str; 5] = ["Commission", "Committee", "Board", "Department", "Division"];
    let words: Vec<(usize, &str)> = surface
        .split(' ')
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .collect();
    let capital = |w: &str| w.starts_with(|c: char| c.is_uppercase());
    let k = words.iter().position(|&(_, w)| KINDS.contains(&w))?;
    // "Party Committee" (or "Party Committee's …") is the host, not the commission.
    let k = if k > 0 && words[k - 1].1 == "Party" {
        k + 1
            + words[k + 1..]
                .iter()
                .position(|&(_, w)| KINDS.contains(&w))?
    } else {
        k
    };
    let mut first = k;
    while first > 0 {
        let w = words[first - 1].1;
        if (capital(w) && !w.ends_with("'s") && !w.ends_with("\u{2019}s"))
            || (w == "and" && first >= 2)
        {
            first -= 1;
        } else {
            break;
        }
    }
    if words[first].1 == "and" {
        first += 1;
    }
    let mut last = k;
    if first == k
        && let Some(&(_, prep)) = words.get(k + 1)
        && matches!(prep, "for" | "of" | "on")
        && words.get(k + 2).is_some_and(|&(_, w)| capital(w))
    {
        last = k + 2;
        while let Some(&(_, w)) = words.get(last + 1) {
            if capital(w) || (w == "and" && words.get(last + 2).is_some_and(|&(_, x)| capital(x))) {
                last += 1;
            } else {
                break;
            }
        }
    }
    if last == first {
        return None;
    }
    let (start, end) = (words[first].0, words[last].0 + words[last].1.len());
    Some(&surface[start..end])
}

/// Composes organisation expressions: the tokens of a composed expression become one `Tok::Orgs`.
pub(crate) fn compose(
    cx: &Context<'_>,
    tokens: &[Token],
    orgs: &mut DocOrgs,
    lead_end: usize,
) -> Vec<Token> {
    let t = cx.tables;
    let text = cx.text;
    let subject = Subject::new(cx, tokens, lead_end);
    orgs.subject_places = (
        subject
            .dominant_place(Some(PlaceKind::Province))
            .map(|(p, _)| p),
        subject
            .dominant_place(Some(PlaceKind::City))
            .map(|(p, _)| p),
    );
    let gap_at = |i: usize| -> Gap { cx.gap(tokens[i].end, tokens[i + 1].start) };
    // A body hosted by `host`, named from its template, or None when the host has no such body.
    let hosted = |orgs: &mut DocOrgs,
                  b: usize,
                  host: HostRef,
                  ctx: bool,
                  span: (usize, usize)|
     -> Option<OrgRef> {
        let body = &t.bodies[b];
        let (name, host_id) = match host {
            HostRef::Place(p) => {
                let place = &t.places[p];
                let template = if place.kind == PlaceKind::City {
                    &body.city
                } else {
                    &body.province
                };
                if template.is_empty() {
                    return None;
                }
                (template.replacen("{}", &place.name, 1), place.id.as_str())
            }
            HostRef::Unit(u) => {
                if body.unit.is_empty() {
                    return None;
                }
                (
                    body.unit.replacen("{}", &t.organisations[u].name, 1),
                    t.organisations[u].id.as_str(),
                )
            }
            // A local unit has the bodies a city has, under its name and type word.
            HostRef::Local(u, _) => {
                if body.city.is_empty() {
                    return None;
                }
                let name = body.city.replacen("{}", &local::host_name(t, u), 1);
                (name, t.units[u].id.as_str())
            }
        };
        let kind = match body.id.as_str() {
            "police" => "police",
            "military-command" | "military-party-committee" | "border-guard" => "military",
            "peoples-committee" | "peoples-council" | "na-delegation" => "state",
            "fatherland-front" => "mass",
            _ if matches!(host, HostRef::Unit(_)) => "military",
            _ => "party",
        };
        // A Party Committee's commission is named with the text's words for it ("Propaganda Department",
        // "Organizing Committee", "Commission for Inspection"), the press's and the gold's way; a standing board
        // by the text's word for it.
        // A host's body the gazetteer holds under the name the template gives ("Hanoi Military Command" is the
        // Hanoi Capital High Command) is that organisation.
        crate::fold::fold_word(&name, &mut orgs.scratch);
        if let Some(&o) = t.organisation_keys.get(orgs.scratch.as_str()) {
            let rule = if ctx { "context-body" } else { "host-body" };
            let org = orgs.gazetteer(t, o, rule, span);
            return Some(OrgRef {
                org,
                context_body: ctx.then_some(b as u32),
            });
        }
        let commission = body.id != "party-standing" && body.subordinate == t.party_committee;
        let name = texts_word(name, &text[span.0..span.1], commission);
        let rule = if ctx { "context-body" } else { "host-body" };
        // A local unit whose name other units share has no id: which one is meant is not known.
        let id =
            (!matches!(host, HostRef::Local(_, false))).then(|| format!("{}@{}", body.id, host_id));
        let org = orgs.intern(name, id, Some(kind.to_owned()), rule, span);
        Some(OrgRef {
            org,
            context_body: ctx.then_some(b as u32),
        })
    };
    let place_host = |k: &Tok| -> Option<HostRef> {
        match k {
            Tok::Place(p)
                if matches!(
                    t.places[*p as usize].kind,
                    PlaceKind::Province | PlaceKind::City
                ) =>
            {
                Some(HostRef::Place(*p as usize))
            }
            Tok::Orgs(list)
                if list.len() == 1 && !t.organisations[list[0].org].class.is_empty() =>
            {
                Some(HostRef::Unit(list[0].org))
            }
            _ => None,
        }
    };
    // A Party title with a host ("Hanoi Party chief", "Party secretary of Danang City") is the Secretary (or a
    // Deputy) of the host's Party Committee: the local title's token, and the committee.
    let party_post = |orgs: &mut DocOrgs,
                      title: &Token,
                      host: HostRef,
                      host_span: (usize, usize)|
     -> Option<(Token, OrgRef)> {
        let Tok::Title { index, plural } = title.kind else {
            return None;
        };
        let secretary = party_secretary(t, index as usize)?;
        let r = hosted(orgs, t.party_committee?, host, false, host_span)?;
        let title = Token {
            start: title.start,
            end: title.end,
            kind: Tok::Title {
                index: secretary as u32,
                plural,
            },
        };
        Some((title, r))
    };
    // A generic word for a host ("the capital", "the Military Region").
    let reference_host = |r: usize, at: usize| -> Option<HostRef> {
        match &t.references[r].host {
            Host::Class(c) => subject.dominant_unit(c).map(HostRef::Unit),
            Host::City => subject.host(Some(PlaceKind::City), at),
            Host::Province => subject.host(Some(PlaceKind::Province), at),
            Host::Place => subject.dominant_place(None).map(|(p, _)| HostRef::Place(p)),
            Host::OnePlace(p) => Some(HostRef::Place(*p)),
        }
    };

    let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let tok = &tokens[i];
        // A list of bodies from i: Body ((, | and | , and) Body)*; returns the indices.
        let bodies_from = |i: usize| -> Vec<usize> {
            let mut list = Vec::new();
            let mut j = i;
            while j < tokens.len() && matches!(tokens[j].kind, Tok::Body(_)) {
                list.push(j);
                if j + 1 < tokens.len()
                    && matches!(gap_at(j), Gap::And | Gap::CommaAnd | Gap::Comma)
                {
                    j += 1;
                } else {
                    break;
                }
            }
            list
        };
        // Host before bodies: "Hanoi Party Committee", "Military Region 4's Party Committee and Command", "the
        // province's Party Committee", "provincial Party Secretary".
        let host_before = place_host(&tok.kind).or_else(|| match tok.kind {
            Tok::Reference(r) => reference_host(r as usize, tok.start),
            _ => None,
        });
        if let Some(host) = host_before
            && i + 1 < tokens.len()
            && matches!(gap_at(i), Gap::Adjacent | Gap::Possessive)
        {
            let mut list = bodies_from(i + 1);
            // "the Hanoi Party Committee's Standing Board": a board of the body just named has its host.
            if let Some(&last) = list.last()
                && last + 1 < tokens.len()
                && gap_at(last) == Gap::Possessive
                && let (Tok::Body(parent), Tok::Body(board)) =
                    (&tokens[last].kind, &tokens[last + 1].kind)
                && t.bodies[*board as usize].subordinate == Some(*parent as usize)
            {
                // The owner is named too.
                hosted(
                    orgs,
                    *parent as usize,
                    host,
                    false,
                    (tokens[last].start, tokens[last].end),
                );
                list = vec![last + 1];
            }
            // "Hanoi Party chief", "Hanoi's Party Secretary", "Hanoi Party Deputy Secretary".
            let title_at = match tokens[i + 1].kind {
                Tok::Title { .. } if party_word(text, &tokens[i + 1]) => Some(i + 1),
                // "Party" alone, then the title.
                Tok::Orgs(_)
                    if party_word(text, &tokens[i + 1])
                        && tokens[i + 1].end - tokens[i + 1].start == 5
                        && i + 2 < tokens.len()
                        && gap_at(i + 1) == Gap::Adjacent =>
                {
                    Some(i + 2)
                }
                _ => None,
            };
            if list.is_empty()
                && let Some(at) = title_at
                && let Some((title, r)) =
                    party_post(orgs, &tokens[at], host, (tokens[i].start, tokens[i].end))
            {
                out.push(Token {
                    start: tokens[i].start,
                    end: tokens[at - 1].end,
                    kind: Tok::Orgs(vec![r]),
                });
                out.push(title);
                i = at + 1;
                continue;
            }
            if !list.is_empty() {
                let last = *list.last().unwrap();
                let refs: Vec<OrgRef> = list
                    .iter()
                    .filter_map(|&j| match tokens[j].kind {
                        Tok::Body(b) => hosted(
                            orgs,
                            b as usize,
                            host,
                            false,
                            (tokens[j].start, tokens[j].end),
                        ),
                        _ => None,
                    })
                    .collect();
                unit_mention(cx, &tokens[i], orgs);
                if !refs.is_empty() {
                    out.push(Token {
                        start: tokens[i].start,
                        end: tokens[last].end,
                        kind: Tok::Orgs(refs),
                    });
                }
                i = last + 1;
                continue;
            }
        }
        if let Tok::Body(_) = tok.kind {
            let list = bodies_from(i);
            let last = *list.last().unwrap();
            // Hosts after "of"/"in": places or units, possibly a list; or a subordinate body's parent.
            let mut hosts: Vec<HostRef> = Vec::new();
            let mut end_at = last;
            if last + 1 < tokens.len() && matches!(gap_at(last), Gap::Of | Gap::In) {
                let mut j = last + 1;
                loop {
                    let h = place_host(&tokens[j].kind).or_else(|| match tokens[j].kind {
                        Tok::Reference(r) => reference_host(r as usize, tokens[j].start),
                        _ => None,
                    });
                    let Some(h) = h else { break };
                    // "Party Committee of the Ha Giang Department of Education and Training": a place that begins a
                    // name the gazetteer does not know is that name's, not the host.
                    if matches!(tokens[j].kind, Tok::Place(_)) && level_follows(t, text, tokens, j)
                    {
                        break;
                    }
                    // "Standing Board of the Hà Nội Party Committee": the parent body names the host.
                    if j + 1 < tokens.len()
                        && matches!(gap_at(j), Gap::Adjacent | Gap::Possessive)
                        && let Tok::Body(parent) = tokens[j + 1].kind
                    {
                        let sub_ok = list.iter().all(|&k| match tokens[k].kind {
                            Tok::Body(b) => {
                                t.bodies[b as usize].subordinate == Some(parent as usize)
                            }
                            _ => false,
                        });
                        if sub_ok {
                            hosted(
                                orgs,
                                parent as usize,
                                h,
                                false,
                                (tokens[j].start, tokens[j + 1].end),
                            );
                            hosts.push(h);
                            end_at = j + 1;
                            break;
                        }
                        break;
                    }
                    hosts.push(h);
                    end_at = j;
                    // A list of hosts of one kind ("of Hanoi and HCMC"); "of Nghe An province, Military Region 4"
                    // names the unit the province belongs to, not a second host.
                    let same_kind = |next: &Token| {
                        matches!(
                            (h, place_host(&next.kind)),
                            (HostRef::Place(_), Some(HostRef::Place(_)))
                                | (HostRef::Unit(_), Some(HostRef::Unit(_)))
                        )
                    };
                    if j + 2 < tokens.len()
                        && matches!(gap_at(j), Gap::And | Gap::CommaAnd | Gap::Comma)
                        && same_kind(&tokens[j + 1])
                    {
                        j += 1;
                        continue;
                    }
                    break;
                }
            }
            // A district, town, commune or ward of `units.tsv` around the body: "Tay Giang District Party
            // Committee", "the Party Committee of Vung Liem District", or a bare "the District Party Committee" in
            // an article that names one district most.
            let mut local_span = None;
            let mut local_ctx = false;
            if hosts.is_empty() {
                let province = orgs.subject_places.0.map(|p| t.places[p].id.as_str());
                // Only places and words like "District" may stand in the unit's words ("Vinh Long City"): they
                // become part of the body.
                let only_places = |range: &[Token]| {
                    (range.iter()).all(|x| matches!(x.kind, Tok::Place(_) | Tok::Cue(Cue::NotName)))
                };
                // "Ha Long City People's Committee": the body's surface may begin with the unit's type word.
                let type_word_end = text[tok.start..tokens[last].end]
                    .split_once(' ')
                    .filter(|(w, _)| {
                        [
                            "City", "District", "Town", "Ward", "Commune", "city", "district",
                            "town",
                        ]
                        .contains(w)
                    })
                    .map(|(w, _)| tok.start + w.len() + 1);
                let local_before = local::before(t, text, tok.start, province)
                    .or_else(|| type_word_end.and_then(|at| local::before(t, text, at, province)));
                if let Some(n) = local_before {
                    let inside = out.iter().rev().take_while(|x| x.end > n.start).count();
                    if only_places(&out[out.len() - inside..]) {
                        out.truncate(out.len() - inside);
                        hosts.push(HostRef::Local(n.unit, n.sure));
                        local_span = Some((n.start, tokens[last].end));
                    }
                } else if let Some(n) = local::after(t, text, tokens[last].end, province) {
                    let inside = tokens[last + 1..]
                        .iter()
                        .take_while(|x| x.start < n.end)
                        .count();
                    if only_places(&tokens[last + 1..last + 1 + inside]) {
                        hosts.push(HostRef::Local(n.unit, n.sure));
                        end_at = last + inside;
                        local_span = Some((tok.start, n.end));
                    }
                } else if let Some((kind, start)) = local::bare_before(text, tok.start)
                    && let Some(u) = local::dominant(t, text, kind, province)
                {
                    let inside = out.iter().rev().take_while(|x| x.end > start).count();
                    if only_places(&out[out.len() - inside..]) {
                        out.truncate(out.len() - inside);
                        hosts.push(HostRef::Local(u, true));
                        local_ctx = true;
                        local_span = Some((start, tokens[last].end));
                    }
                }
            }
            // "Standing Board of the Central Military Commission": a named organisation that hosts no such body
            // owns it; the body is not the context's, and stays unnamed unless the gazetteer lists it whole.
            let owned_by_org = hosts.is_empty()
                && last + 1 < tokens.len()
                && gap_at(last) == Gap::Of
                && matches!(tokens[last + 1].kind, Tok::Orgs(_));
            // "Police Department of Corruption, Smuggling and Economic Crime Investigation": the body's words begin
            // a name the gazetteer does not know; it is neither the context's body nor the national one.
            // So is a body whose owner follows a second title: "Secretary of the Party Committee of and Director
            // of the Department of …" (the relation grammar names it).
            let unknown_name = hosts.is_empty()
                && (name_goes_on(text, tokens, last, " of ")
                    || name_goes_on(text, tokens, last, " of the ")
                    || place_name_goes_on(t, text, tokens, last)
                    || text[tokens[last].end..].starts_with(" of and "));
            let mut refs = Vec::new();
            for &k in &list {
                let Tok::Body(b) = tokens[k].kind else {
                    continue;
                };
                // A single body with its local unit is mentioned by both ("Tay Giang District Party Committee").
                let span = match local_span {
                    Some(s) if list.len() == 1 => s,
                    _ => (tokens[k].start, tokens[k].end),
                };
                if owned_by_org || unknown_name {
                    continue;
                }
                // "Secretary of the Party Central Committee and head of its Organisation Commission": the national
                // body whose owner is the organisation "its" stands for.
                if hosts.is_empty()
                    && let Some(n) =
                        its_national_body(t, text, orgs, &out, b as usize, tokens[k].start)
                {
                    refs.push(OrgRef {
                        org: orgs.gazetteer(t, n, "gazetteer-org", span),
                        context_body: None,
                    });
                    continue;
                }
                if hosts.is_empty() {
                    let surface = &text[tokens[k].start..tokens[k].end];
                    let ctx_host = subject.host(hint(surface), tokens[k].start);
                    let r = ctx_host.and_then(|h| hosted(orgs, b as usize, h, true, span));
                    match r {
                        Some(r) => refs.push(r),
                        None => {
                            if let Some(n) = t.bodies[b as usize].national {
                                refs.push(OrgRef {
                                    org: orgs.gazetteer(t, n, "national-body", span),
                                    context_body: None,
                                });
                            } else if let Some(owner) = possessed_by(text, &out, tokens[k].start) {
                                // "the National Assembly (NA)’s Party Committee" with no host in context: the
                                // owner's own (`owned-body`).
                                if let Some(own) = owners_own(t, &orgs.list[owner], surface) {
                                    let org = match own {
                                        Own::Known(o) => orgs.gazetteer(t, o, "owned-body", span),
                                        Own::Named(name) => {
                                            orgs.intern(name, None, None, "owned-body", span)
                                        }
                                    };
                                    refs.push(OrgRef {
                                        org,
                                        context_body: None,
                                    });
                                }
                            }
                        }
                    }
                } else {
                    for &h in &hosts {
                        refs.extend(hosted(orgs, b as usize, h, local_ctx, span));
                    }
                }
            }
            for tok in &tokens[last + 1..=end_at] {
                unit_mention(cx, tok, orgs);
            }
            if !refs.is_empty() {
                let (start, end) = local_span.unwrap_or((tok.start, tokens[end_at].end));
                out.push(Token {
                    start,
                    end,
                    kind: Tok::Orgs(refs),
                });
            }
            i = end_at + 1;
            continue;
        }
        // "the PCC Internal Affairs Commission", "the Party Central Committee's Inspection Commission": a body whose
        // national organisation belongs to the organisation named before it is that national organisation.
        if let Tok::Orgs(list) = &tok.kind
            && list.len() == 1
            && i + 1 < tokens.len()
            && matches!(gap_at(i), Gap::Adjacent | Gap::Possessive)
            && let Tok::Body(b) = tokens[i + 1].kind
            && let Some(n) = t.bodies[b as usize].national
            && t.organisations[n].parent.as_deref()
                == Some(t.organisations[list[0].org].id.as_str())
        {
            unit_mention(cx, tok, orgs);
            let span = (tokens[i + 1].start, tokens[i + 1].end);
            out.push(Token {
                start: tok.start,
                end: tokens[i + 1].end,
                kind: Tok::Orgs(vec![OrgRef {
                    org: orgs.gazetteer(t, n, "gazetteer-org", span),
                    context_body: None,
                }]),
            });
            i += 2;
            continue;
        }
        // "Party Secretary of Ly Son District": the local unit's Party Committee, after the title (unless a body of
        // the unit follows: "party chief of Dong Da district's Party Committee").
        if let Tok::Title { .. } = tok.kind
            && party_word(text, tok)
            && let Some(n) = local::after(
                t,
                text,
                tok.end,
                orgs.subject_places.0.map(|p| t.places[p].id.as_str()),
            )
            && !text[n.end..].starts_with(['\'', '\u{2019}'])
            && let inside = tokens[i + 1..]
                .iter()
                .take_while(|x| x.start < n.end)
                .count()
            && tokens[i + 1..i + 1 + inside]
                .iter()
                .all(|x| matches!(x.kind, Tok::Place(_) | Tok::Cue(Cue::NotName)))
            && !tokens
                .get(i + 1 + inside)
                .is_some_and(|x| matches!(x.kind, Tok::Body(_)) && x.start == n.end + 1)
            && let Some((title, r)) =
                party_post(orgs, tok, HostRef::Local(n.unit, n.sure), (n.start, n.end))
        {
            out.push(title);
            out.push(Token {
                start: n.start,
                end: n.end,
                kind: Tok::Orgs(vec![r]),
            });
            i += 1 + inside;
            continue;
        }
        // "Party secretary of Danang City": the place's Party Committee, after the title. So is a Secretary's or a
        // Deputy Secretary's of a province or city that no body follows: "Deputy Secretary of Thai Nguyen".
        if i + 1 < tokens.len()
            && gap_at(i) == Gap::Of
            && (party_word(text, tok)
                || !(hosts_body_after(tokens, i + 1, &gap_at)
                    || name_goes_on(text, tokens, i + 1, " ")))
            && let Some(host @ HostRef::Place(_)) = place_host(&tokens[i + 1].kind)
            && let Some((title, r)) =
                party_post(orgs, tok, host, (tokens[i + 1].start, tokens[i + 1].end))
        {
            out.push(title);
            out.push(Token {
                start: tokens[i + 1].start,
                end: tokens[i + 1].end,
                kind: Tok::Orgs(vec![r]),
            });
            i += 2;
            continue;
        }
        // "the Party Civil Affairs Committee of the Ministry of Finance": a name goes on past the organisation
        // found in it, into capitalised words that no gazetteer knows; the part is not the organisation meant.
        if matches!(tok.kind, Tok::Orgs(_)) && name_goes_on(text, tokens, i, " ") {
            i += 1;
            continue;
        }
        match &tok.kind {
            Tok::Orgs(list) => {
                let refs = list
                    .iter()
                    .map(|r| OrgRef {
                        org: orgs.gazetteer(t, r.org, "gazetteer-org", (tok.start, tok.end)),
                        context_body: None,
                    })
                    .collect();
                out.push(Token {
                    start: tok.start,
                    end: tok.end,
                    kind: Tok::Orgs(refs),
                });
            }
            // "Mr. Tran Huy Tuan, Deputy Party Secretary, …" in an article about Yen Bai: a local Party title that
            // names no body is the Secretary's (or a Deputy's) of the Party Committee of the place or unit the
            // article is about.
            Tok::Title { index, .. }
                if text[tok.start..tok.end]
                    .split(' ')
                    .any(|w| w.eq_ignore_ascii_case("party"))
                    && t.titles[*index as usize].role != "General Secretary"
                    && !text[tok.end..].starts_with(" of ")
                    && !(i + 1 < tokens.len()
                        && matches!(gap_at(i), Gap::Of | Gap::In | Gap::Possessive))
                    && let Some(host) = subject.host(None, tok.start)
                    && let Some((title, r)) = party_post(orgs, tok, host, (tok.start, tok.end)) =>
            {
                out.push(Token {
                    start: tok.start,
                    end: tok.start,
                    kind: Tok::Orgs(vec![r]),
                });
                out.push(title);
            }
            Tok::Reference(r) => {
                if let Host::Class(_) = t.references[*r as usize].host
                    && let Some(HostRef::Unit(u)) = reference_host(*r as usize, tok.start)
                {
                    let o = orgs.gazetteer(t, u, "context-unit", (tok.start, tok.end));
                    out.push(Token {
                        start: tok.start,
                        end: tok.end,
                        kind: Tok::Orgs(vec![OrgRef {
                            org: o,
                            context_body: None,
                        }]),
                    });
                }
            }
            _ => out.push(tok.clone()),
        }
        i += 1;
    }
    let out = redefined_abbreviations(text, orgs, out);
    let out = abbreviations(text, &cx.tables.grammar.levels, orgs, out);
    let mut out = owned_bodies(text, t, orgs, out);
    party_chief_of_a_committee(cx, orgs, &mut out);
    out
}

/// "Party chief of Hoan Kiem District's Party Committee", "Party Secretary of the Hanoi Party Committee": a Party
/// title before " of " and a province's, city's or local unit's Party Committee is that committee's Secretary (or
/// Deputy), not the General Secretary that "Party chief" alone is.
fn party_chief_of_a_committee(cx: &Context<'_>, orgs: &DocOrgs, out: &mut [Token]) {
    let t = cx.tables;
    let Some(committee) = t.party_committee.map(|b| format!("{}@", t.bodies[b].id)) else {
        return;
    };
    for k in 1..out.len() {
        let (Tok::Title { index, plural }, Tok::Orgs(refs)) = (&out[k - 1].kind, &out[k].kind)
        else {
            continue;
        };
        let hosted_committee = |r: &OrgRef| {
            (orgs.list[r.org].gazetteer_id.as_deref()).is_some_and(|id| id.starts_with(&committee))
                || (r.context_body.is_none()
                    && orgs.list[r.org].rule == "host-body"
                    && orgs.list[r.org].name.ends_with(" Party Committee"))
        };
        if let [r] = refs.as_slice()
            && hosted_committee(r)
            && party_word(cx.text, &out[k - 1])
            && cx.gap(out[k - 1].end, out[k].start) == Gap::Of
            && let Some(secretary) = party_secretary(t, *index as usize)
        {
            out[k - 1].kind = Tok::Title {
                index: secretary as u32,
                plural: *plural,
            };
        }
    }
}

/// An owner's body is the organisation meant: "the Party Central Committee's Commission for Policies and
/// Strategies" and "the provincial Party Committee's Standing Board" name the commission and the board (the
/// owner stays an organisation of the document). The two tokens become one, holding the owned body. Without the
/// possessive, a board of the same host right after its owner is owned too: "the provincial Party Committee
/// Commission of Inspection".
fn owned_bodies(text: &str, t: &Tables, orgs: &mut DocOrgs, tokens: Vec<Token>) -> Vec<Token> {
    let board_of = |orgs: &DocOrgs, owner: &[OrgRef], board: &[OrgRef]| match (owner, board) {
        ([o], [b]) => {
            let (o, b) = (&orgs.list[o.org].name, &orgs.list[b.org].name);
            // "Hanoi Party Committee's …" or "… of the Hanoi Party Committee".
            b.len() > o.len()
                && (b.starts_with(o.as_str())
                    || b.strip_suffix(o.as_str())
                        .is_some_and(|r| r.ends_with(" of the ")))
        }
        _ => false,
    };
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
    // Whether the last token ends a possessive written on its bracketed abbreviation ("…’s (PCC’s)").
    let mut possessive_abbreviation = false;
    for tok in tokens {
        // "the Party Central Committee (PCC)’s Secretariat": an abbreviation in brackets right after the name it
        // stands for is part of that name's token; so is "the Party Central Committee’s (PCC’s)", whose possessive
        // goes on to what follows.
        if let Some(named) = out.last_mut()
            && let (Tok::Orgs(a), Tok::Orgs(b)) = (&named.kind, &tok.kind)
            && a.iter().map(|r| r.org).eq(b.iter().map(|r| r.org))
        {
            let between = &text[named.end..tok.start];
            let after = &text[tok.end..];
            if between == " (" && after.starts_with(')') {
                named.end = tok.end + 1;
                continue;
            }
            if let Some(close) = ["’s)", "'s)"].iter().find(|c| after.starts_with(**c))
                && matches!(between, "’s (" | "'s (")
            {
                named.end = tok.end + close.len();
                possessive_abbreviation = true;
                continue;
            }
        }
        let possessive_pending = std::mem::take(&mut possessive_abbreviation);
        if let Some(owner) = out.last_mut()
            && let (Tok::Orgs(o), Tok::Orgs(b)) = (&owner.kind, &tok.kind)
            && match gap(&text[owner.end..tok.start], false, &text[tok.start..]) {
                Gap::Possessive => true,
                Gap::Adjacent if possessive_pending => true,
                Gap::Adjacent => board_of(orgs, o, b),
                _ => false,
            }
        {
            // "the National Assembly (NA)'s Party Committee": a body the text names after a national owner is
            // the owner's own when the gazetteer holds it ("Party Committee of the National Assembly"), not the
            // one the article's place hosts.
            let own = match (o.as_slice(), b.as_slice()) {
                ([owner_ref], [body]) if body.context_body.is_some() => {
                    owners_own(t, &orgs.list[owner_ref.org], &text[tok.start..tok.end])
                }
                _ => None,
            };
            owner.end = tok.end;
            owner.kind = match own {
                Some(own) => {
                    let span = (tok.start, tok.end);
                    if let [body] = b.as_slice() {
                        orgs.retract(body.org, span);
                    }
                    let org = match own {
                        Own::Known(o) => orgs.gazetteer(t, o, "owned-body", span),
                        Own::Named(name) => orgs.intern(name, None, None, "owned-body", span),
                    };
                    Tok::Orgs(vec![OrgRef {
                        org,
                        context_body: None,
                    }])
                }
                None => tok.kind,
            };
            continue;
        }
        out.push(tok);
    }
    out
}

/// The organisation of the token before `at` when a possessive joins them: "the National Assembly (NA)’s".
fn possessed_by(text: &str, out: &[Token], at: usize) -> Option<usize> {
    let prev = out.last()?;
    let Tok::Orgs(list) = &prev.kind else {
        return None;
    };
    let [owner] = list.as_slice() else {
        return None;
    };
    // After the name or its abbreviation in brackets: "…’s", "… (NA)’s", "…’s (PCC’s)".
    let between = text[prev.end..at].trim();
    let between = between.strip_prefix(')').unwrap_or(between);
    matches!(between, "’s" | "'s" | "’s)" | "'s)").then_some(owner.org)
}

/// A national organisation's own body, named after it with a possessive.
enum Own {
    /// The gazetteer's ("Party Committee of the National Assembly").
    Known(usize),
    /// One the gazetteer lacks, as "<body> of the <owner>" ("Party Committee of the Ministry of Finance").
    Named(String),
}

/// The body named `surface` that the document's organisation `owner`, a national one of the gazetteer, owns
/// ("Party Committee" of the Ministry of Finance): see [`owners_own`]. None for another owner.
pub(crate) fn owned_body(
    t: &Tables,
    orgs: &mut DocOrgs,
    owner: usize,
    surface: &str,
    rule: &'static str,
    span: (usize, usize),
) -> Option<usize> {
    Some(match owners_own(t, &orgs.list[owner], surface)? {
        Own::Known(o) => orgs.gazetteer(t, o, rule, span),
        Own::Named(name) => orgs.intern(name, None, None, rule, span),
    })
}

/// The body a national organisation of the gazetteer (`owner`) owns, named `surface` after its possessive: the
/// gazetteer's organisation named "<owner> <surface>" or "<surface> of the <owner>" ("National Assembly Party
/// Committee"), else that name as written.
fn owners_own(t: &Tables, owner: &DocOrg, surface: &str) -> Option<Own> {
    let id = owner.gazetteer_id.as_deref()?;
    if id.contains('@') || owner.kind.as_deref() == Some("foreign") {
        return None;
    }
    let surface = surface.trim_start_matches("the ");
    let of_the = format!("{surface} of the {}", owner.name);
    let known = [
        format!("{} {surface}", owner.name),
        of_the.clone(),
        format!("{surface} of {}", owner.name),
    ]
    .iter()
    .find_map(|name| {
        t.organisation_keys
            .get(&crate::fold::fold_str(name))
            .copied()
    });
    Some(known.map_or(Own::Named(of_the), Own::Known))
}

/// An abbreviation the text defines for an organisation ("the Da Nang Party Committee (PC)") names it wherever it
/// stands later as a word of its own ("the municipal PC’s Standing Board"): each such word becomes a token of
/// that organisation. Only words of two to eight ASCII letters, two or more of them capitals, that no token covers,
/// and that open no name of their own: before a `level` word ("the NA Committee on Judicial Affairs") the
/// abbreviation is the first word of another body's name.
fn abbreviations(
    text: &str,
    levels: &[String],
    orgs: &mut DocOrgs,
    tokens: Vec<Token>,
) -> Vec<Token> {
    // The first definition of each abbreviation.
    let mut defined: Vec<(&str, usize, OrgRef)> = Vec::new();
    for tok in &tokens {
        if let Tok::Orgs(list) = &tok.kind
            && let [r] = list.as_slice()
            && let Some(abbr) = defined_abbreviation(&text[tok.end..])
            && !defined.iter().any(|(a, _, _)| *a == abbr)
        {
            defined.push((abbr, tok.end, *r));
        }
    }
    if defined.is_empty() {
        return tokens;
    }
    // Whether a token covers any of `start..end` (tokens are sorted by start and do not overlap).
    let covered = |start: usize, end: usize| {
        let k = tokens.partition_point(|t| t.end <= start);
        tokens.get(k).is_some_and(|t| t.start < end)
    };
    let mut added: Vec<Token> = Vec::new();
    for (abbr, from, r) in defined {
        for (at, _) in text[from..].match_indices(abbr) {
            let (start, end) = (from + at, from + at + abbr.len());
            let word = !text[..start].ends_with(|c: char| c.is_alphanumeric() || c == '(')
                && !text[end..].starts_with(|c: char| c.is_alphanumeric() || c == ')');
            let opens_name = text[end..].strip_prefix(' ').is_some_and(|rest| {
                levels.iter().any(|l| {
                    rest.starts_with(l.as_str())
                        && !rest[l.len()..].starts_with(|c: char| c.is_alphanumeric())
                })
            });
            if word && !opens_name && !covered(start, end) {
                added.push(Token {
                    start,
                    end,
                    kind: Tok::Orgs(vec![r]),
                });
            }
        }
    }
    if added.is_empty() {
        return tokens;
    }
    // Two abbreviations may match the same words ("PC" in "PCC" is no word, but "PC" and "PC" of two bodies can
    // be): the first kept.
    added.sort_by_key(|t| t.start);
    added.dedup_by(|b, a| b.start < a.end);
    for t in &added {
        if let Tok::Orgs(list) = &t.kind {
            orgs.mention(list[0].org, (t.start, t.end));
        }
    }
    let mut out = tokens;
    out.extend(added);
    out.sort_by_key(|t| t.start);
    out
}

/// An abbreviation the text defines for a name no token holds ("the Vietnam Business Summit (VBS)") is that
/// name's, not the gazetteer's body of the same letters (the Vietnam Buddhist Sangha): its tokens are dropped.
fn redefined_abbreviations(text: &str, orgs: &mut DocOrgs, tokens: Vec<Token>) -> Vec<Token> {
    let mut redefined: smallvec::SmallVec<[&str; 2]> = smallvec::SmallVec::new();
    for open in memchr::memchr_iter(b'(', text.as_bytes()) {
        // " (ABBR)": a space, one byte, right before the bracket.
        let Some(space) = open.checked_sub(1).filter(|&i| text.as_bytes()[i] == b' ') else {
            continue;
        };
        let Some(abbr) = defined_abbreviation(&text[space..]) else {
            continue;
        };
        // The words before are capitalised, and no token ends right before the bracket.
        let named = text[..space]
            .rsplit(' ')
            .next()
            .is_some_and(|w| w.starts_with(char::is_uppercase));
        let k = tokens.partition_point(|t| t.end <= space);
        // A body's name (alone or in a title) right before the bracket defines the abbreviation for that body.
        let token_before = k > 0
            && tokens[k - 1].end == space
            && matches!(
                tokens[k - 1].kind,
                Tok::Orgs(_) | Tok::Title { .. } | Tok::Body(_)
            );
        if named && !token_before && !redefined.contains(&abbr) {
            redefined.push(abbr);
        }
    }
    if redefined.is_empty() {
        return tokens;
    }
    tokens
        .into_iter()
        .filter(|t| {
            let gone = matches!(t.kind, Tok::Orgs(_)) && redefined.contains(&&text[t.start..t.end]);
            if gone && let Tok::Orgs(list) = &t.kind {
                for r in list {
                    orgs.retract(r.org, (t.start, t.end));
                }
            }
            !gone
        })
        .collect()
}

/// The abbreviation in brackets at the start of `after`: " (PC)" gives "PC".
fn defined_abbreviation(after: &str) -> Option<&str> {
    let rest = after.strip_prefix(" (")?;
    let close = rest.find(')')?;
    let abbr = &rest[..close];
    ((2..=8).contains(&abbr.len())
        && abbr.bytes().all(|b| b.is_ascii_alphabetic())
        && abbr.bytes().filter(u8::is_ascii_uppercase).count() >= 2)
        .then_some(abbr)
}

/// Whether the name of token `k` goes on, after `joiner` (" ", " of "), into a capitalised word that no token
/// starts at: a name the gazetteer does not know ("Party Civil Affairs Committee", "Police Department of
/// Corruption, …") of which the token is only a part.
fn name_goes_on(text: &str, tokens: &[Token], k: usize, joiner: &str) -> bool {
    let at = tokens[k].end + joiner.len();
    text[tokens[k].end..]
        .strip_prefix(joiner)
        .is_some_and(|w| w.starts_with(char::is_uppercase))
        && tokens.get(k + 1).is_none_or(|next| next.start != at)
}

/// Whether " of the " and a place that begins a longer name follow token `k`: "Party Committee of the Ha Giang
/// Department of Education and Training".
fn place_name_goes_on(t: &Tables, text: &str, tokens: &[Token], k: usize) -> bool {
    let at = tokens[k].end;
    let Some(next) = tokens.get(k + 1) else {
        return false;
    };
    matches!(next.kind, Tok::Place(_))
        && matches!(&text[at..next.start], " of the " | " of ")
        && level_follows(t, text, tokens, k + 1)
}

/// Whether a `level` word of the grammar that no token starts at follows token `k` ("Ha Giang Department"): the
/// token begins the name of a body the gazetteer does not know.
fn level_follows(t: &Tables, text: &str, tokens: &[Token], k: usize) -> bool {
    let Some(rest) = text[tokens[k].end..].strip_prefix(' ') else {
        return false;
    };
    let word = rest
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    name_goes_on(text, tokens, k, " ") && t.grammar.levels.iter().any(|l| l == word)
}

/// The national body of kind `body` that belongs to the organisation a possessive "its"/"their" right before `at`
/// stands for: an organisation already read in the sentence that owns such a body, or one of its organs
/// ("Permanent member of the Party Central Committee's Secretariat and Chairwoman of its Organisation Commission":
/// the Central Committee's).
fn its_national_body(
    t: &Tables,
    text: &str,
    orgs: &DocOrgs,
    read: &[Token],
    body: usize,
    at: usize,
) -> Option<usize> {
    let before = text[..at].trim_end();
    if !(before.ends_with(" its") || before.ends_with(" their")) {
        return None;
    }
    let n = t.bodies[body].national?;
    let parent = t.organisations[n].parent.as_deref()?;
    read.iter()
        .rev()
        .take_while(|tk| !text[tk.end..at].contains(['.', ';', '\n']))
        .any(|tk| match &tk.kind {
            // The owner, or one of its organs named with it ("the Party Central Committee's Secretariat").
            Tok::Orgs(list) => list.iter().any(|r| {
                let id = orgs.list[r.org].gazetteer_id.as_deref();
                id == Some(parent)
                    || id
                        .and_then(|id| t.organisations.iter().find(|o| o.id == id))
                        .is_some_and(|o| o.parent.as_deref() == Some(parent))
            }),
            _ => false,
        })
        .then_some(n)
}

/// Whether the place at `k` hosts a body named right after it ("Thai Nguyen Youth Union", "Hanoi's People's
/// Committee"), or a name goes on after it.
fn hosts_body_after(tokens: &[Token], k: usize, gap_at: &impl Fn(usize) -> Gap) -> bool {
    k + 1 < tokens.len()
        && matches!(gap_at(k), Gap::Adjacent | Gap::Possessive)
        && matches!(tokens[k + 1].kind, Tok::Body(_) | Tok::Orgs(_))
}

/// Whether a token's words begin with "Party" ("Party chief", "Party Secretary", "Party").
fn party_word(text: &str, tok: &Token) -> bool {
    let words = &text[tok.start..tok.end];
    words
        .get(..5)
        .is_some_and(|w| w.eq_ignore_ascii_case("party"))
        && words[5..].chars().next().is_none_or(|c| c == ' ')
}

/// The local title a Party title stands for after a place: "Party chief" and "Party leader" (the General
/// Secretary's titles) and "Party Secretary" are the Secretary of the place's Party Committee; a Deputy Secretary
/// stays one.
fn party_secretary(t: &Tables, title: usize) -> Option<usize> {
    match t.titles[title].role.as_str() {
        "General Secretary" | "Secretary" => t.secretary_title,
        "Deputy Secretary" | "Standing Deputy Secretary" | "Permanent Deputy Secretary" => {
            Some(title)
        }
        _ => None,
    }
}

/// A unit that hosts a body ("Military Region 4" in "Military Region 4's Party Committee") is an organisation of
/// the document too. (A place that hosts one stays a location: locations are read before composition.)
fn unit_mention(cx: &Context<'_>, tok: &Token, orgs: &mut DocOrgs) {
    if let Tok::Orgs(list) = &tok.kind {
        for r in list {
            orgs.gazetteer(cx.tables, r.org, "gazetteer-org", (tok.start, tok.end));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn org_with(mentions: &[(usize, usize)]) -> DocOrgs {
        let mut orgs = DocOrgs::default();
        let o = orgs.intern(
            "Government of Vietnam".into(),
            None,
            None,
            "test",
            mentions[0],
        );
        for &m in &mentions[1..] {
            orgs.mention(o, m);
        }
        orgs
    }

    #[test]
    fn a_retraction_takes_back_the_mentions_within_its_span_now_or_deferred() {
        let mentions = [(0, 5), (10, 20), (12, 15), (30, 40), (50, 60)];
        let spans = [(10, 16), (28, 45)];
        let mut now = org_with(&mentions);
        for s in spans {
            now.retract(0, s);
        }
        let mut later = org_with(&mentions);
        later.defer_retractions();
        for s in spans {
            later.retract(0, s);
        }
        assert_eq!(later.list[0].mentions.len(), mentions.len());
        later.apply_retractions();
        // (12, 15) and (30, 40) lie within a span; (10, 20) reaches past the first.
        let expected = vec![(0, 5), (10, 20), (50, 60)];
        assert_eq!(now.list[0].mentions, expected);
        assert_eq!(later.list[0].mentions, expected);
    }
}
