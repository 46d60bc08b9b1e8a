//! The extractor: built once from the gazetteers, then used for any number of texts, from any number of threads.

use crate::clean::Cleaned;
use crate::error::BuildError;
use crate::fold::{Folded, fold_str};
use crate::gazetteer::{Gazetteer, PartialDate, Sources, Tables, UnitLevel, default_sources};
use crate::matcher::Matcher;
use crate::model::{
    Document, Event, Location, NamedDocument, Organisation, Person, Relation, Span,
};
use crate::roster::{Roster, held_between, same_role};
use crate::rules::{self, Context};
use std::collections::HashMap;
use std::path::Path;

/// Options for one extraction.
///
/// ```
/// use cadre::{ExtractOptions, Extractor};
/// let doc = Extractor::default_ref().extract_with(
///     "Party General Secretary Tô Lâm had a working session with Hà Nội leaders on Wednesday.",
///     &ExtractOptions { published: Some((2024, 11, 27)), ..Default::default() },
/// );
/// assert_eq!(doc.events[0].date.as_deref(), Some("2024-11-27"));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExtractOptions {
    /// The publication date (year, month, day). Without it, a leading `date YYYY-MM-DD` line of the text is read.
    /// A date that is no day of the calendar (month 13, February 30) or whose year is outside 1000–9999 is ignored,
    /// as if none were given.
    pub published: Option<(i32, u32, u32)>,
    /// Decode HTML character references (`T&ocirc; L&acirc;m`, `Ph&#7841;m`) before extracting; spans still
    /// cover the references as written. Off by default: plain text may hold an ampersand that is no reference.
    pub html_entities: bool,
}

/// A post that the gazetteer knows for an official, with its public source.
///
/// ```
/// use cadre::Extractor;
/// let posts = Extractor::default_ref().known_posts("to-lam", "2024-11-27".parse().unwrap());
/// assert!(posts.iter().any(|p| p.role == "General Secretary"));
/// assert!(posts.iter().all(|p| p.source.starts_with("http")));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct KnownPost {
    /// The role ("Minister").
    pub role: String,
    /// The organisation's name, when the post has one.
    pub organisation: Option<String>,
    /// When the post began, as precisely as the source states.
    pub from: Option<PartialDate>,
    /// When it ended; `None` when ongoing at the source's date or unknown.
    pub to: Option<PartialDate>,
    /// The public page that states it.
    pub source: String,
}

impl KnownPost {
    fn of(p: &crate::gazetteer::Post) -> KnownPost {
        KnownPost {
            role: p.role.clone(),
            organisation: p.organisation.clone(),
            from: p.from,
            to: p.to,
            source: p.source.clone(),
        }
    }
}

/// An official the gazetteer knows, with every known post ([`Extractor::officials`]).
///
/// ```
/// let to_lam = &cadre::Extractor::default_ref().officials("Tô Lâm")[0];
/// assert!(to_lam.posts.iter().all(|p| p.source.starts_with("http")));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct KnownOfficial {
    /// The gazetteer id (`to-lam`).
    pub id: String,
    /// The name in Vietnamese spelling.
    pub name: String,
    /// The highest rank the sources state.
    pub rank: Option<String>,
    /// Birth year, when a source states it.
    pub born: Option<u16>,
    /// Every known post, by start date (unknown starts first), each with its source.
    pub posts: Vec<KnownPost>,
}

/// Builds an [`Extractor`]: the embedded gazetteers, plus or instead of your own files.
///
/// ```
/// use cadre::{Extractor, Gazetteer};
///
/// let officials = "id\tname\taliases\trank\tborn\thomonyms\nle-van-a\tLê Văn A\t\t\t\n";
/// let posts = "official\trole\torganisation\tfrom\tto\tsource\n\
///              le-van-a\tChairman\tDemo Provincial People's Committee\t2020\t\thttps://example.org/a\n";
/// let ex = Extractor::builder()
///     .gazetteer_text(Gazetteer::Officials, "my-officials.tsv", officials)
///     .gazetteer_text(Gazetteer::Posts, "my-posts.tsv", posts)
///     .build()
///     .unwrap();
/// let doc = ex.extract("Le Van A spoke.");
/// assert_eq!(doc.persons[0].gazetteer_id.as_deref(), Some("le-van-a"));
/// ```
#[derive(Debug, Clone, Default)]
pub struct ExtractorBuilder {
    replace: HashMap<Gazetteer, Sources>,
    add: HashMap<Gazetteer, Sources>,
    /// The first source that could not be read, reported by `build`.
    unreadable: Option<Unreadable>,
}

/// A gazetteer source that could not be read; kept until `build` reports it.
#[derive(Debug, Clone)]
enum Unreadable {
    Io {
        path: std::path::PathBuf,
        kind: std::io::ErrorKind,
        message: String,
    },
    Utf8 {
        file: String,
        line: usize,
    },
}

impl ExtractorBuilder {
    /// Adds a table of `kind` from text, after the embedded default. `name` is used in error messages.
    pub fn gazetteer_text(mut self, kind: Gazetteer, name: &str, text: &str) -> Self {
        self.add
            .entry(kind)
            .or_default()
            .push((name.to_owned(), text.to_owned()));
        self
    }

    /// Replaces the embedded default table of `kind` with this text (several calls add several files).
    pub fn replace_gazetteer_text(mut self, kind: Gazetteer, name: &str, text: &str) -> Self {
        self.replace
            .entry(kind)
            .or_default()
            .push((name.to_owned(), text.to_owned()));
        self
    }

    /// Adds a table of `kind` from bytes, which must be UTF-8 (a line that is not is reported by
    /// [`build`](Self::build), with its number). `name` is used in error messages.
    ///
    /// ```
    /// use cadre::{Extractor, Gazetteer};
    /// let err = Extractor::builder()
    ///     .gazetteer_bytes(Gazetteer::Ranks, "ranks.tsv", b"rank\tvariants\tservice\nCaf\xe9\t\tarmy\n")
    ///     .build()
    ///     .unwrap_err();
    /// assert_eq!(err.to_string(), "ranks.tsv:2: not UTF-8");
    /// ```
    pub fn gazetteer_bytes(mut self, kind: Gazetteer, name: &str, bytes: &[u8]) -> Self {
        match std::str::from_utf8(bytes) {
            Ok(text) => self.gazetteer_text(kind, name, text),
            Err(e) => {
                let line = 1 + memchr::memchr_iter(b'\n', &bytes[..e.valid_up_to()]).count();
                self.unreadable.get_or_insert(Unreadable::Utf8 {
                    file: name.to_owned(),
                    line,
                });
                self
            }
        }
    }

    /// Adds a table of `kind` read from a file; a file that cannot be read, or is not UTF-8, is reported by
    /// [`build`](Self::build).
    pub fn gazetteer_file(mut self, kind: Gazetteer, path: impl AsRef<Path>) -> Self {
        let path = path.as_ref();
        match std::fs::read(path) {
            Ok(bytes) => self.gazetteer_bytes(kind, &path.display().to_string(), &bytes),
            Err(e) => {
                self.unreadable.get_or_insert(Unreadable::Io {
                    path: path.to_owned(),
                    kind: e.kind(),
                    message: e.to_string(),
                });
                self
            }
        }
    }

    /// Parses the tables and builds the matcher.
    pub fn build(self) -> Result<Extractor, BuildError> {
        match self.unreadable {
            Some(Unreadable::Io {
                path,
                kind,
                message,
            }) => {
                return Err(BuildError::Io {
                    path,
                    source: std::io::Error::new(kind, message),
                });
            }
            Some(Unreadable::Utf8 { file, line }) => {
                return Err(BuildError::Gazetteer {
                    file,
                    line,
                    message: "not UTF-8".to_owned(),
                });
            }
            None => {}
        }
        let mut sources = default_sources();
        for (kind, list) in &mut sources {
            if let Some(r) = self.replace.get(kind) {
                list.clone_from(r);
            }
            list.extend(self.add.get(kind).cloned().unwrap_or_default());
        }
        let tables = Tables::parse(&sources)?;
        let matcher = Matcher::new(&tables);
        let roster = Roster::new(&tables);
        Ok(Extractor {
            roster,
            tables,
            matcher,
        })
    }
}

/// Extracts persons, organisations, places, documents, events and relations from texts.
///
/// Build it once ([`Extractor::builder`], or the shared [`Extractor::default_ref`]) and reuse it: it is
/// `Send + Sync`, and [`extract`](Extractor::extract) never fails.
///
/// ```
/// use cadre::Extractor;
/// let ex = Extractor::default_ref();
/// let doc = ex.extract("Secretary of the Hanoi Party Committee Dinh Tien Dung spoke.");
/// let r = &doc.relations[0];
/// assert_eq!((doc.persons[r.person].name.as_str(), r.role.as_str()), ("Đinh Tiến Dũng", "Secretary"));
/// assert_eq!(doc.organisations[r.organisation.unwrap()].name, "Hanoi Party Committee");
/// ```
#[derive(Debug)]
pub struct Extractor {
    tables: Tables,
    matcher: Matcher,
    roster: Roster,
}

static DEFAULT: once_cell::sync::Lazy<Extractor> = once_cell::sync::Lazy::new(|| {
    Extractor::builder()
        .build()
        .expect("the embedded gazetteers are valid")
});

impl Extractor {
    /// The tables, for the rules' unit tests.
    #[cfg(test)]
    pub(crate) fn tables(&self) -> &Tables {
        &self.tables
    }

    /// A builder that starts from the embedded gazetteers.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// The shared extractor built from the embedded gazetteers (built on first use).
    pub fn default_ref() -> &'static Extractor {
        &DEFAULT
    }

    pub(crate) fn matcher(&self) -> &Matcher {
        &self.matcher
    }

    /// Extracts from `text`.
    pub fn extract(&self, text: &str) -> Document {
        self.extract_with(text, &ExtractOptions::default())
    }

    /// Extracts from each of `texts` in parallel, on rayon's global thread pool; the documents come back in the
    /// order of `texts`. Each one is what [`extract`](Extractor::extract) returns for its text.
    ///
    /// ```
    /// let docs = cadre::Extractor::default_ref().extract_batch(&[
    ///     "General Secretary To Lam met voters.",
    ///     "Prime Minister Pham Minh Chinh spoke.",
    /// ]);
    /// assert_eq!(docs[0].persons[0].name, "Tô Lâm");
    /// assert_eq!(docs[1].persons[0].name, "Phạm Minh Chính");
    /// ```
    #[cfg(feature = "rayon")]
    pub fn extract_batch<T: AsRef<str> + Sync>(&self, texts: &[T]) -> Vec<Document> {
        use rayon::prelude::*;
        texts.par_iter().map(|t| self.extract(t.as_ref())).collect()
    }

    /// Extracts from each text of `docs` with its options, in parallel as
    /// [`extract_batch`](Extractor::extract_batch) does, in the order of `docs`.
    ///
    /// ```
    /// use cadre::ExtractOptions;
    /// let on = |y, m, d| ExtractOptions { published: Some((y, m, d)), ..Default::default() };
    /// let docs = cadre::Extractor::default_ref().extract_batch_with(&[
    ///     ("The Politburo held a meeting on Monday.", on(2024, 11, 27)),
    ///     ("The Politburo held a meeting on Monday.", on(2025, 3, 5)),
    /// ]);
    /// assert_eq!(docs[0].events[0].date.as_deref(), Some("2024-11-25"));
    /// assert_eq!(docs[1].events[0].date.as_deref(), Some("2025-03-03"));
    /// ```
    #[cfg(feature = "rayon")]
    pub fn extract_batch_with<T: AsRef<str> + Sync>(
        &self,
        docs: &[(T, ExtractOptions)],
    ) -> Vec<Document> {
        use rayon::prelude::*;
        docs.par_iter()
            .map(|(t, options)| self.extract_with(t.as_ref(), options))
            .collect()
    }

    /// Extracts from `text` with options (the publication date).
    pub fn extract_with(&self, text: &str, options: &ExtractOptions) -> Document {
        let cleaned = Cleaned::new(text, options.html_entities);
        let mut doc = self.extract_cleaned(cleaned.as_str(), options);
        map_spans(&mut doc, |s| {
            let (start, end) = cleaned.original(s.start, s.end);
            Span { start, end }
        });
        doc
    }

    /// Extracts from a cleaned text; the spans are the cleaned text's.
    fn extract_cleaned(&self, text: &str, options: &ExtractOptions) -> Document {
        let folded = Folded::new(text);
        let hits = self.matcher.hits(text, &folded);
        let sentences = rules::sentences::Sentences::new(text);
        let cx = Context {
            sentences: &sentences,
            text,
            tables: &self.tables,
            roster: &self.roster,
            hits: &hits,
            published: rules::publication_date(text, options.published),
            gaps: Default::default(),
        };
        let mut names = rules::names::find(&cx);
        let tokens = rules::orgs::tokens(&cx, &names);
        let lead_end = rules::events::lead_end(text, &sentences);
        let mut orgs = rules::orgs::DocOrgs::default();
        let composed = rules::orgs::compose(&cx, &tokens, &mut orgs, lead_end);
        let document_spans = rules::documents::find(text);
        let events = rules::events::find(&cx, &composed, lead_end, &sentences, &document_spans);
        let who: Vec<rules::relations::Who> = names
            .persons
            .iter()
            .map(|p| rules::relations::Who {
                unknown_name: matches!(p.rule, "title-name" | "name-before-title"),
                official: p.official,
            })
            .collect();
        let (ranks, mut drafts) = rules::relations::find(&cx, &composed, &mut orgs, &who);
        rules::relations::settle(&mut drafts, &orgs, &self.tables.bodies);
        rules::link::homonyms(&cx, &mut names, &drafts, &orgs);

        let mut doc = Document::default();
        for p in &names.persons {
            doc.persons.push(Person {
                name: p.name.clone(),
                rank: None,
                gazetteer_id: p.official.map(|o| self.tables.officials[o].id.clone()),
                mentions: Vec::new(),
                rule: p.rule.to_owned(),
            });
        }
        for m in &names.mentions {
            doc.persons[m.person].mentions.push(Span {
                start: m.start,
                end: m.end,
            });
        }
        for (p, r) in ranks {
            doc.persons[p]
                .rank
                .get_or_insert_with(|| self.tables.ranks[r as usize].rank.clone());
        }
        // Organisations whose every mention was taken back are not output: `kept[i]` is the output index.
        let mut kept = Vec::with_capacity(orgs.list.len());
        let mut keys = Vec::with_capacity(orgs.list.len());
        for o in orgs.list {
            keys.push(o.key);
            if o.mentions.is_empty() {
                kept.push(None);
                continue;
            }
            kept.push(Some(doc.organisations.len()));
            doc.organisations.push(Organisation {
                name: o.name,
                gazetteer_id: o.gazetteer_id,
                kind: o.kind,
                mentions: o
                    .mentions
                    .into_iter()
                    .map(|(start, end)| Span { start, end })
                    .collect(),
                rule: o.rule.to_owned(),
            });
        }
        let mut places: crate::hash::HashMap<u32, usize> = Default::default();
        for t in &tokens {
            // A country's possessive ("Thailand's Prime Minister") is matched as its adjective; the country is
            // still a place the text names.
            let (p, end) = match t.kind {
                rules::orgs::Tok::Place(p) => (p, t.end),
                rules::orgs::Tok::Demonym(p) => {
                    let surface = &text[t.start..t.end];
                    match ["'s", "\u{2019}s", "\u{2018}s", "\u{02BC}s"]
                        .iter()
                        .find_map(|s| surface.strip_suffix(s))
                    {
                        Some(country) => (p, t.start + country.len()),
                        None => continue,
                    }
                }
                _ => continue,
            };
            {
                let i = *places.entry(p).or_insert_with(|| {
                    let place = &self.tables.places[p as usize];
                    doc.locations.push(Location {
                        name: place.name.clone(),
                        gazetteer_id: Some(place.id.clone()),
                        mentions: Vec::new(),
                    });
                    doc.locations.len() - 1
                });
                doc.locations[i].mentions.push(Span {
                    start: t.start,
                    end,
                });
            }
        }
        let mut doc_keys: crate::hash::HashMap<String, usize> = Default::default();
        for (s, e, rule) in document_spans {
            let name = rules::documents::canonical(&text[s..e]);
            let i = *doc_keys
                .entry(fold_str(&name).replace(['.', ' '], ""))
                .or_insert_with(|| {
                    doc.documents.push(NamedDocument {
                        number: rules::documents::number(&name),
                        name,
                        date: None,
                        issuer: None,
                        mentions: Vec::new(),
                        rule: rule.to_owned(),
                    });
                    doc.documents.len() - 1
                });
            let d = &mut doc.documents[i];
            d.mentions.push(Span { start: s, end: e });
            if d.date.is_none() {
                d.date = rules::documents::dated(&text[e..], cx.published);
            }
            if d.issuer.is_none() {
                d.issuer = issuer(text, &composed, (s, e)).and_then(|o| kept[o]);
            }
        }
        for (n, ev) in events.list.iter().enumerate() {
            doc.events.push(Event {
                id: format!("e{}", n + 1),
                kind: ev.kind,
                date: ev.date.clone(),
                location: ev.location.clone(),
                mentions: ev
                    .mentions
                    .iter()
                    .map(|&(start, end)| Span { start, end })
                    .collect(),
                rule: "event-trigger".to_owned(),
            });
        }
        for d in drafts {
            // A relation names an output organisation (none of them points at a taken-back one).
            let org = match d.org.map(|o| kept[o]) {
                Some(None) => continue,
                Some(Some(k)) => Some(k),
                None => None,
            };
            let past = d.past
                || self.known_past(
                    names.persons[d.person].official,
                    &d.role,
                    d.org.map(|o| keys[o].as_str()),
                    cx.published,
                );
            doc.relations.push(Relation {
                person: d.person,
                role: d.role,
                organisation: org,
                event: {
                    let past = past && !rules::relations::styled_former(text, d.evidence);
                    // `caption`: a post presented on a caption or a headline is presented at the event the body
                    // reports the person at.
                    let later = names
                        .mentions
                        .iter()
                        .filter(|m| m.person == d.person && m.start >= d.evidence.1)
                        .map(|m| m.start);
                    events
                        .after_caption(text, &sentences, d.evidence.0, past, later)
                        .or_else(|| {
                            events.event_of(
                                text,
                                &sentences,
                                &self.tables.grammar,
                                d.evidence.0,
                                past,
                                rules::relations::APPOINTING_RULES.contains(&d.rule),
                            )
                        })
                },
                past,
                evidence: Span {
                    start: d.evidence.0,
                    end: d.evidence.1,
                },
                rule: d.rule.to_owned(),
            });
        }
        doc
    }

    /// True when the gazetteer says that `official` held this post (`org_key`: the organisation's name folded) and
    /// every such tenure ended before `published`.
    fn known_past(
        &self,
        official: Option<usize>,
        role: &str,
        org_key: Option<&str>,
        published: Option<(i32, u32, u32)>,
    ) -> bool {
        let (Some(o), Some((y, m, d))) = (official, published) else {
            return false;
        };
        let at = (y as u16, m as u8, d as u8);
        let mut matching = self
            .roster
            .posts(&self.tables, o)
            .filter(|p| same_role(&p.role, role) && p.organisation_key.as_deref() == org_key)
            .peekable();
        matching.peek().is_some() && matching.all(|p| p.to.is_some_and(|t| t.latest() < at))
    }

    /// The posts the gazetteer knows for the official `id` that were held at some time within `date` (a day, a
    /// month or a year). A post with an unknown end counts as held from its start on; a post with an unknown start
    /// is not returned. Apart from `relations`, which hold only what a text states.
    pub fn known_posts(&self, id: &str, date: PartialDate) -> Vec<KnownPost> {
        let Some(o) = self.tables.officials.iter().position(|x| x.id == id) else {
            return Vec::new();
        };
        self.roster
            .posts(&self.tables, o)
            .filter(|p| held_between(p, date.earliest(), date.latest()))
            .map(KnownPost::of)
            .collect()
    }

    /// The officials the gazetteer knows by this id, name or alias (diacritics and case aside), with all their
    /// known posts (by start date). A name two officials share gives both.
    ///
    /// ```
    /// let ex = cadre::Extractor::default_ref();
    /// let found = ex.officials("To Lam");
    /// assert_eq!(found[0].id, "to-lam");
    /// assert_eq!(found[0].name, "Tô Lâm");
    /// assert!(found[0].posts.iter().any(|p| p.role == "General Secretary"));
    /// assert_eq!(ex.officials("to-lam"), found);
    /// assert!(ex.officials("Nobody Known").is_empty());
    /// ```
    pub fn officials(&self, name_or_id: &str) -> Vec<KnownOfficial> {
        let key = fold_str(name_or_id.trim());
        let key = key.split_whitespace().collect::<Vec<_>>().join(" ");
        let named = |o: &crate::gazetteer::Official| {
            o.id == name_or_id.trim()
                || std::iter::once(&o.name)
                    .chain(&o.aliases)
                    .any(|n| fold_str(n).split_whitespace().eq(key.split(' ')))
        };
        (self.tables.officials.iter().enumerate())
            .filter(|(_, o)| named(o))
            .map(|(i, o)| {
                let mut posts: Vec<KnownPost> = (self.roster.posts(&self.tables, i))
                    .map(KnownPost::of)
                    .collect();
                posts.sort_by_key(|p| p.from);
                KnownOfficial {
                    id: o.id.clone(),
                    name: o.name.clone(),
                    rank: o.rank.clone(),
                    born: o.born,
                    posts,
                }
            })
            .collect()
    }

    /// How many entries each table holds (officials, posts, organisations, places, titles, ranks …).
    ///
    /// ```
    /// let stats = cadre::Extractor::default_ref().stats();
    /// assert!(stats.iter().any(|(name, n)| *name == "ranks" && *n > 10));
    /// ```
    pub fn stats(&self) -> Vec<(&'static str, usize)> {
        let t = &self.tables;
        vec![
            ("officials", t.officials.len()),
            ("posts", t.posts.len()),
            (
                "posts with a source",
                t.posts.iter().filter(|p| !p.source.is_empty()).count(),
            ),
            ("organisations", t.organisations.len()),
            ("bodies", t.bodies.len()),
            ("places", t.places.len()),
            (
                "provinces 2025-06-30",
                t.places
                    .iter()
                    .filter(|p| p.province_on((2025, 6, 30)))
                    .count(),
            ),
            (
                "provinces 2025-07-01",
                t.places
                    .iter()
                    .filter(|p| p.province_on((2025, 7, 1)))
                    .count(),
            ),
            (
                "district-level units",
                t.units
                    .iter()
                    .filter(|u| u.level == UnitLevel::District)
                    .count(),
            ),
            (
                "commune-level units",
                t.units
                    .iter()
                    .filter(|u| u.level == UnitLevel::Commune)
                    .count(),
            ),
            ("foreign officials", foreign_officials(t)),
            (
                "foreign bodies",
                t.organisations
                    .iter()
                    .filter(|o| o.kind == "foreign")
                    .count(),
            ),
            ("titles", t.titles.len()),
            ("ranks", t.ranks.len()),
            ("family names", t.family_names.len()),
            ("event words", t.events.iter().map(|e| e.forms.len()).sum()),
        ]
    }
}

/// Officials with a known post in a foreign or international body.
fn foreign_officials(t: &Tables) -> usize {
    let foreign: std::collections::HashSet<&str> = (t.organisations.iter())
        .filter(|o| o.kind == "foreign")
        .map(|o| o.name.as_str())
        .collect();
    let mut with: Vec<usize> = (t.posts.iter())
        .filter(|p| {
            p.organisation
                .as_deref()
                .is_some_and(|o| foreign.contains(o))
        })
        .map(|p| p.official)
        .collect();
    with.sort_unstable();
    with.dedup();
    with.len()
}

/// Maps every span of `doc` with `f`.
fn map_spans(doc: &mut Document, f: impl Fn(Span) -> Span) {
    let mentions = doc
        .persons
        .iter_mut()
        .flat_map(|p| &mut p.mentions)
        .chain(doc.organisations.iter_mut().flat_map(|o| &mut o.mentions))
        .chain(doc.locations.iter_mut().flat_map(|l| &mut l.mentions))
        .chain(doc.documents.iter_mut().flat_map(|d| &mut d.mentions))
        .chain(doc.events.iter_mut().flat_map(|e| &mut e.mentions))
        .chain(doc.relations.iter_mut().map(|r| &mut r.evidence));
    for s in mentions {
        *s = f(*s);
    }
}

/// Extracts from `text` with the shared default [`Extractor`].
///
/// ```
/// let doc = cadre::extract("Lt. Gen. TRAN VO DUNG\nPolitical Commissar of Military Region 4");
/// // Linked to the gazetteer's official, under the gazetteer's spelling.
/// assert_eq!(doc.persons[0].name, "Trần Võ Dũng");
/// assert_eq!(doc.persons[0].gazetteer_id.as_deref(), Some("tran-vo-dung"));
/// assert_eq!(doc.persons[0].rank.as_deref(), Some("Lieutenant General"));
/// assert_eq!(doc.relations[0].role, "Political Commissar");
/// ```
pub fn extract(text: &str) -> Document {
    Extractor::default_ref().extract(text)
}

/// The organisation (index into the document's organisations before output) that owns the document at `span`:
/// named right before it with a possessive ("the Politburo's Resolution No. 06-NQ/TW") or right after it with
/// "of the" ("Resolution No. 8 of the Party Central Committee").
fn issuer(text: &str, tokens: &[rules::orgs::Token], (s, e): (usize, usize)) -> Option<usize> {
    let org = |t: &rules::orgs::Token| match &t.kind {
        rules::orgs::Tok::Orgs(list) if list.len() == 1 => Some(list[0].org),
        _ => None,
    };
    let k = tokens.partition_point(|t| t.end <= s);
    let before = k
        .checked_sub(1)
        .map(|j| &tokens[j])
        .filter(|t| matches!(text[t.end..s].trim(), "’s" | "'s"))
        .and_then(org);
    let after = || {
        let k = tokens.partition_point(|t| t.start < e);
        tokens
            .get(k)
            .filter(|t| matches!(&text[e..t.start], " of the " | " of " | " issued by the "))
            .and_then(org)
    };
    before.or_else(after)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extractor_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Extractor>();
    }
}
