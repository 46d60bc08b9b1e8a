//! Gazetteers: the tables of knowledge the extractor is built from.
//!
//! Each table is a UTF-8 tab-separated file with a header line; `#` starts a comment line and empty lines are
//! ignored; `|` separates the items of a list field. The defaults are embedded in the crate (the files in
//! `gazetteers/`), and [`ExtractorBuilder`](crate::ExtractorBuilder) can add to or replace any of them at run
//! time. `gazetteers/README.md` documents every column.

use crate::error::BuildError;
use crate::fold::fold_str;
use std::collections::HashMap;

/// The kinds of gazetteer table.
///
/// ```
/// use cadre::Gazetteer;
/// assert_eq!(Gazetteer::Officials.default_file_name(), "officials.tsv");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gazetteer {
    /// Officials: canonical name, aliases, rank, birth year.
    Officials,
    /// Known posts of officials with tenure and public source.
    Posts,
    /// Named organisations.
    Organisations,
    /// Bodies every province, city or unit has, with name templates.
    Bodies,
    /// Generic words that name the article's place or unit ("the capital", "the Military Region").
    References,
    /// Provinces, cities, countries, regions, rivers and sites.
    Places,
    /// Countries' adjectives ("Chinese", "Lao"), which put a title in that country's body.
    Demonyms,
    /// Post titles and their variants.
    Titles,
    /// Military and police ranks with abbreviations.
    Ranks,
    /// Vietnamese family names.
    FamilyNames,
    /// Words that report events.
    Events,
    /// Cue words ("former", "served as").
    Cues,
    /// The words of the relation grammar: appointment verbs, list openers, level words ("appointed",
    /// "respectively", "Department").
    Grammar,
    /// Local units: the district-level units of each province before July 2025 and the communes, wards and
    /// special zones after it.
    Units,
}

impl Gazetteer {
    /// Every kind of table, in load order.
    pub const ALL: [Gazetteer; 14] = [
        Gazetteer::Places,
        Gazetteer::Units,
        Gazetteer::Demonyms,
        Gazetteer::Organisations,
        Gazetteer::Bodies,
        Gazetteer::References,
        Gazetteer::Titles,
        Gazetteer::Ranks,
        Gazetteer::FamilyNames,
        Gazetteer::Events,
        Gazetteer::Cues,
        Gazetteer::Grammar,
        Gazetteer::Officials,
        Gazetteer::Posts,
    ];

    /// What one row of the table is, for messages ("official", "place").
    fn noun(self) -> &'static str {
        match self {
            Gazetteer::Organisations => "organisation",
            Gazetteer::Places | Gazetteer::Units => "place",
            _ => "official",
        }
    }

    /// The name of the embedded default file.
    pub fn default_file_name(self) -> &'static str {
        match self {
            Gazetteer::Officials => "officials.tsv",
            Gazetteer::Posts => "posts.tsv",
            Gazetteer::Organisations => "organisations.tsv",
            Gazetteer::Bodies => "bodies.tsv",
            Gazetteer::References => "references.tsv",
            Gazetteer::Places => "places.tsv",
            Gazetteer::Titles => "titles.tsv",
            Gazetteer::Ranks => "ranks.tsv",
            Gazetteer::FamilyNames => "family_names.tsv",
            Gazetteer::Demonyms => "demonyms.tsv",
            Gazetteer::Events => "events.tsv",
            Gazetteer::Cues => "cues.tsv",
            Gazetteer::Grammar => "grammar.tsv",
            Gazetteer::Units => "units.tsv",
        }
    }

    /// The kind of table a file holds, told by its name: a name that is, or ends with, a default file's name
    /// (`officials.tsv`, `my_officials.tsv`, `extra-posts.tsv`).
    ///
    /// ```
    /// use cadre::Gazetteer;
    /// assert_eq!(Gazetteer::from_file_name("data/extra-posts.tsv"), Some(Gazetteer::Posts));
    /// assert_eq!(Gazetteer::from_file_name("family_names.tsv"), Some(Gazetteer::FamilyNames));
    /// assert_eq!(Gazetteer::from_file_name("notes.txt"), None);
    /// ```
    pub fn from_file_name(path: &str) -> Option<Gazetteer> {
        let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
        // Longest default name first, so that `family_names.tsv` is not taken for `names.tsv`.
        let mut kinds = Gazetteer::ALL;
        kinds.sort_by_key(|k| std::cmp::Reverse(k.default_file_name().len()));
        kinds.into_iter().find(|k| {
            let d = k.default_file_name();
            name == d
                || name
                    .strip_suffix(d)
                    .is_some_and(|stem| stem.ends_with(['-', '_', '.']))
        })
    }

    /// The table a user's gazetteer argument fills, and its file: `KIND=FILE` (`officials=people.tsv`,
    /// `family-names=names.tsv`), or a file named after a table ([`from_file_name`](Gazetteer::from_file_name)).
    /// `None` when neither tells the table. The command line's `--gazetteer` and the Python package read their
    /// arguments with it.
    ///
    /// ```
    /// use cadre::Gazetteer;
    /// assert_eq!(Gazetteer::for_argument("officials=people.tsv"), Some((Gazetteer::Officials, "people.tsv")));
    /// assert_eq!(Gazetteer::for_argument("data/extra-posts.tsv"), Some((Gazetteer::Posts, "data/extra-posts.tsv")));
    /// assert_eq!(Gazetteer::for_argument("people.tsv"), None);
    /// ```
    pub fn for_argument(arg: &str) -> Option<(Gazetteer, &str)> {
        if let Some((kind, path)) = arg.split_once('=')
            && let Some(kind) = Gazetteer::named(kind)
        {
            return Some((kind, path));
        }
        Gazetteer::from_file_name(arg).map(|k| (k, arg))
    }

    /// A table by its name: the default file's stem, with `-` or `_` (`officials`, `family-names`).
    ///
    /// ```
    /// use cadre::Gazetteer;
    /// assert_eq!(Gazetteer::named("family-names"), Some(Gazetteer::FamilyNames));
    /// assert_eq!(Gazetteer::named("people"), None);
    /// ```
    pub fn named(name: &str) -> Option<Gazetteer> {
        let file = format!("{}.tsv", name.replace('-', "_"));
        Gazetteer::ALL
            .into_iter()
            .find(|k| k.default_file_name() == file)
    }

    /// The embedded default contents.
    pub(crate) fn default_text(self) -> &'static str {
        match self {
            Gazetteer::Officials => include_str!("../gazetteers/officials.tsv"),
            Gazetteer::Posts => include_str!("../gazetteers/posts.tsv"),
            Gazetteer::Organisations => include_str!("../gazetteers/organisations.tsv"),
            Gazetteer::Bodies => include_str!("../gazetteers/bodies.tsv"),
            Gazetteer::References => include_str!("../gazetteers/references.tsv"),
            Gazetteer::Places => include_str!("../gazetteers/places.tsv"),
            Gazetteer::Titles => include_str!("../gazetteers/titles.tsv"),
            Gazetteer::Ranks => include_str!("../gazetteers/ranks.tsv"),
            Gazetteer::FamilyNames => include_str!("../gazetteers/family_names.tsv"),
            Gazetteer::Demonyms => include_str!("../gazetteers/demonyms.tsv"),
            Gazetteer::Events => include_str!("../gazetteers/events.tsv"),
            Gazetteer::Cues => include_str!("../gazetteers/cues.tsv"),
            Gazetteer::Grammar => include_str!("../gazetteers/grammar.tsv"),
            Gazetteer::Units => include_str!("../gazetteers/units.tsv"),
        }
    }

    /// The header every file of this kind must have.
    pub(crate) fn columns(self) -> &'static [&'static str] {
        match self {
            Gazetteer::Officials => &["id", "name", "aliases", "rank", "born", "homonyms"],
            Gazetteer::Posts => &["official", "role", "organisation", "from", "to", "source"],
            Gazetteer::Organisations => &[
                "id", "name", "aliases", "kind", "class", "parent", "from", "to", "source",
            ],
            Gazetteer::Bodies => &[
                "id",
                "surfaces",
                "city",
                "province",
                "unit",
                "national",
                "subordinate",
            ],
            Gazetteer::References => &["surfaces", "host"],
            Gazetteer::Places => &[
                "id",
                "name",
                "aliases",
                "kind",
                "from",
                "to",
                "merged_into",
                "source",
            ],
            Gazetteer::Titles => &["role", "variants", "plurals", "organisation"],
            Gazetteer::Ranks => &["rank", "variants", "service"],
            Gazetteer::FamilyNames => &["name", "variants"],
            Gazetteer::Demonyms => &["country", "adjectives"],
            Gazetteer::Events => &["kind", "triggers", "needs"],
            Gazetteer::Cues => &["cue", "forms"],
            Gazetteer::Grammar => &["class", "forms"],
            Gazetteer::Units => &[
                "id", "name", "ascii", "kind", "province", "from", "to", "source",
            ],
        }
    }
}

/// One data line of a table: its fields and where it came from.
pub(crate) struct Row<'a> {
    pub(crate) fields: Vec<&'a str>,
    pub(crate) file: &'a str,
    pub(crate) line: usize,
}

impl<'a> Row<'a> {
    pub(crate) fn get(&self, i: usize) -> &'a str {
        self.fields[i].trim()
    }

    pub(crate) fn list(&self, i: usize) -> impl Iterator<Item = &'a str> {
        self.fields[i]
            .split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
    }

    pub(crate) fn error(&self, message: impl Into<String>) -> BuildError {
        BuildError::Gazetteer {
            file: self.file.to_owned(),
            line: self.line,
            message: message.into(),
        }
    }

    /// The field, which must not be empty.
    /// An optional date field: empty, or `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub(crate) fn date(&self, i: usize) -> Result<Option<PartialDate>, BuildError> {
        match self.get(i) {
            "" => Ok(None),
            d => d.parse().map(Some).map_err(|e| self.error(e)),
        }
    }

    pub(crate) fn required(&self, i: usize, name: &str) -> Result<&'a str, BuildError> {
        let v = self.get(i);
        if v.is_empty() {
            Err(self.error(format!("empty {name}")))
        } else {
            Ok(v)
        }
    }
}

/// Splits a table into rows, checking the header and the field count of every line.
pub(crate) fn rows<'a>(
    kind: Gazetteer,
    file: &'a str,
    text: &'a str,
) -> Result<Vec<Row<'a>>, BuildError> {
    let columns = kind.columns();
    let mut out = Vec::new();
    let mut header_seen = false;
    // A byte-order mark, which some editors write, is not part of the header.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if !header_seen {
            header_seen = true;
            let got: Vec<&str> = fields.iter().map(|f| f.trim()).collect();
            if got != columns {
                return Err(BuildError::Gazetteer {
                    file: file.to_owned(),
                    line: line_no,
                    message: format!(
                        "expected the header `{}`, found `{}`",
                        columns.join("\\t"),
                        got.join("\\t")
                    ),
                });
            }
            continue;
        }
        // Trailing empty fields may be left out.
        let mut fields = fields;
        if fields.len() > columns.len() {
            return Err(BuildError::Gazetteer {
                file: file.to_owned(),
                line: line_no,
                message: format!(
                    "expected {} tab-separated fields, found {}",
                    columns.len(),
                    fields.len()
                ),
            });
        }
        if fields.len() < columns.len() {
            if fields.len() < 2.min(columns.len()) {
                return Err(BuildError::Gazetteer {
                    file: file.to_owned(),
                    line: line_no,
                    message: format!(
                        "expected {} tab-separated fields, found {}",
                        columns.len(),
                        fields.len()
                    ),
                });
            }
            fields.resize(columns.len(), "");
        }
        out.push(Row {
            fields,
            file,
            line: line_no,
        });
    }
    if !header_seen {
        return Err(BuildError::Gazetteer {
            file: file.to_owned(),
            line: 1,
            message: format!("no header; expected `{}`", columns.join("\\t")),
        });
    }
    Ok(out)
}

/// A date of year, month or day precision, as gazetteers give tenures.
///
/// ```
/// use cadre::PartialDate;
/// let d: PartialDate = "2021-04".parse().unwrap();
/// assert_eq!(d.to_string(), "2021-04");
/// assert!(d < "2021-05-01".parse().unwrap());
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(into = "String", try_from = "String")]
pub struct PartialDate {
    /// Year.
    pub year: u16,
    /// Month 1–12, or 0 when only the year is known.
    pub month: u8,
    /// Day 1–31, or 0 when unknown.
    pub day: u8,
}

impl PartialDate {
    /// The first day this date can mean (`2021` → 2021-01-01 as a comparable key).
    pub(crate) fn earliest(self) -> (u16, u8, u8) {
        (self.year, self.month.max(1), self.day.max(1))
    }

    /// The last day this date can mean (`2021` → 2021-12-31).
    pub(crate) fn latest(self) -> (u16, u8, u8) {
        (
            self.year,
            if self.month == 0 { 12 } else { self.month },
            if self.day == 0 { 31 } else { self.day },
        )
    }
}

/// The number of days in `month` (1–12) of `year`, by the Gregorian calendar.
pub(crate) fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 31,
    }
}

impl std::str::FromStr for PartialDate {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || format!("`{s}` is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
        let mut parts = s.trim().split('-');
        let year: u16 = parts
            .next()
            .and_then(|y| (y.len() == 4).then(|| y.parse().ok()).flatten())
            .ok_or_else(bad)?;
        let month: u8 = match parts.next() {
            None => 0,
            Some(m) => m
                .parse()
                .ok()
                .filter(|m| (1..=12).contains(m))
                .ok_or_else(bad)?,
        };
        let day: u8 = match parts.next() {
            None => 0,
            Some(d) => d
                .parse()
                .ok()
                .filter(|d| (1..=31).contains(d))
                .ok_or_else(bad)?,
        };
        if parts.next().is_some() {
            return Err(bad());
        }
        if u32::from(day) > days_in_month(i32::from(year), u32::from(month)) {
            return Err(format!("`{s}` is not a day of the calendar"));
        }
        Ok(PartialDate { year, month, day })
    }
}

impl std::fmt::Display for PartialDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}", self.year)?;
        if self.month > 0 {
            write!(f, "-{:02}", self.month)?;
            if self.day > 0 {
                write!(f, "-{:02}", self.day)?;
            }
        }
        Ok(())
    }
}

impl From<PartialDate> for String {
    fn from(d: PartialDate) -> String {
        d.to_string()
    }
}

impl TryFrom<String> for PartialDate {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        s.parse()
    }
}

// ---------------------------------------------------------------------------------------------- records

/// An official of the gazetteer.
#[derive(Debug, Clone)]
#[allow(dead_code)] // born is kept for users of the tables
pub(crate) struct Official {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) aliases: Vec<String>,
    pub(crate) rank: Option<String>,
    pub(crate) born: Option<u16>,
    /// Ids of other officials whose name or an alias folds the same as one of this official's.
    pub(crate) homonyms: Vec<String>,
}

/// A known post of an official, with its public source.
#[derive(Debug, Clone)]
pub(crate) struct Post {
    pub(crate) official: usize,
    pub(crate) role: String,
    /// The organisation's canonical name (a listed organisation's or a generated local body's).
    pub(crate) organisation: Option<String>,
    /// The organisation's name folded, to compare with a text's at extraction time.
    pub(crate) organisation_key: Option<String>,
    pub(crate) from: Option<PartialDate>,
    pub(crate) to: Option<PartialDate>,
    /// True when the source says the post was still held at its date.
    pub(crate) ongoing: bool,
    pub(crate) source: String,
}

#[derive(Debug, Clone)]
pub(crate) struct Organisation {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) aliases: Vec<String>,
    pub(crate) kind: String,
    pub(crate) class: String,
    /// The id of the organisation it belongs to.
    pub(crate) parent: Option<String>,
    /// The name and aliases folded, to compare with the gazetteer's posts.
    pub(crate) keys: Vec<String>,
}

#[derive(Debug, Clone)]
pub(crate) struct Body {
    pub(crate) id: String,
    pub(crate) surfaces: Vec<String>,
    pub(crate) city: String,
    pub(crate) province: String,
    pub(crate) unit: String,
    pub(crate) national: Option<usize>,
    pub(crate) subordinate: Option<usize>,
}

/// What a generic reference word stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Host {
    /// An organisation of this class ("military-region").
    Class(String),
    /// A centrally-run city.
    City,
    /// A province.
    Province,
    /// Any place.
    Place,
    /// One place.
    OnePlace(usize),
}

#[derive(Debug, Clone)]
pub(crate) struct Reference {
    pub(crate) surfaces: Vec<String>,
    pub(crate) host: Host,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PlaceKind {
    Province,
    City,
    Country,
    Region,
    Water,
    Site,
}

#[derive(Debug, Clone)]
pub(crate) struct Place {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) aliases: Vec<String>,
    pub(crate) kind: PlaceKind,
    /// When the unit came into being and the first day it no longer existed as such.
    pub(crate) from: Option<PartialDate>,
    pub(crate) to: Option<PartialDate>,
    /// The unit it was merged into (or became), by id (checked by the consistency tests).
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) merged_into: Option<String>,
}

impl Place {
    /// Whether this is a province or centrally run city that existed on `day`.
    pub(crate) fn province_on(&self, day: (u16, u8, u8)) -> bool {
        matches!(self.kind, PlaceKind::Province | PlaceKind::City)
            && self.from.is_none_or(|f| f.earliest() <= day)
            && self.to.is_none_or(|t| t.earliest() > day)
    }
}

/// The level of a local unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum UnitLevel {
    /// A rural or urban district, district-level town or provincial city (abolished on 2025-07-01).
    District,
    /// A commune, ward, township or special zone.
    Commune,
}

/// A local unit of a province: a district before July 2025, a commune or ward after it.
#[derive(Debug, Clone)]
pub(crate) struct Unit {
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) id: String,
    /// The name with diacritics, without the type word ("Đông Anh").
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) name: String,
    /// The name as English news writes it without diacritics ("Dong Anh"; "District 1" for a numbered one).
    pub(crate) ascii: String,
    /// The English type word ("District", "Town", "City", "Commune", "Ward", "Special Zone").
    pub(crate) kind_word: &'static str,
    pub(crate) level: UnitLevel,
    /// The province's id in `places.tsv`.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) province: String,
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) from: Option<PartialDate>,
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) to: Option<PartialDate>,
}

/// What a trigger needs around it to report an event (`events.tsv`, column `needs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Needs {
    /// Nothing more.
    Nothing,
    /// An object right after it: a person, title, rank, country, organisation or place.
    Object,
    /// To be a noun: no article or object right after it (not "meeting the requirements").
    Noun,
    /// An event named before it, which it reports again ("The event, co-chaired by …"); without one, it reports
    /// an event of its own kind.
    Prior,
    /// An ordinal before it in its phrase ("the 6th defence policy dialogue"): a numbered occasion, not a
    /// mechanism ("mechanisms such as the strategic dialogue").
    Numbered,
}

/// A row of `events.tsv`: words that report an event of one kind.
#[derive(Debug, Clone)]
pub(crate) struct EventTrigger {
    pub(crate) kind: crate::model::EventKind,
    pub(crate) forms: Vec<String>,
    pub(crate) needs: Needs,
}

#[derive(Debug, Clone)]
pub(crate) struct Title {
    pub(crate) role: String,
    pub(crate) variants: Vec<String>,
    pub(crate) plurals: Vec<String>,
    pub(crate) organisation: TitleOrg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TitleOrg {
    /// The organisation comes from the text.
    FromText,
    /// The post has no organisation (President of the State).
    None,
    /// The title names the organisation.
    Implied(usize),
}

#[derive(Debug, Clone)]
pub(crate) struct Rank {
    pub(crate) rank: String,
    pub(crate) variants: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Cue {
    /// The post named next was held before.
    Past,
    /// A word that ends a place's or a thing's name, not a person's.
    NotName,
    /// A word that reports a death ("died", "passed away"): every post of the person named before it is past.
    Death,
}

/// The words of the relation grammar (`grammar.tsv`), by class.
#[derive(Debug, Clone, Default)]
pub(crate) struct Grammar {
    pub(crate) appointing: Vec<String>,
    pub(crate) held_before: Vec<String>,
    pub(crate) joining: Vec<String>,
    pub(crate) relieving: Vec<String>,
    pub(crate) appoint_verbs: Vec<String>,
    pub(crate) list_openers: Vec<String>,
    pub(crate) respectively: Vec<String>,
    pub(crate) object_prepositions: Vec<String>,
    pub(crate) pronouns: Vec<String>,
    pub(crate) levels: Vec<String>,
    pub(crate) generic: Vec<String>,
    pub(crate) replacing: Vec<String>,
    pub(crate) list_headers: Vec<String>,
    pub(crate) holding: Vec<String>,
    pub(crate) appositive: Vec<String>,
    pub(crate) not_happening: Vec<String>,
    pub(crate) modal: Vec<String>,
    pub(crate) planned_after: Vec<String>,
    pub(crate) capitals_not_name: Vec<String>,
    pub(crate) spanning: Vec<String>,
    pub(crate) legislature: Vec<String>,
    pub(crate) departing: Vec<String>,
    pub(crate) not_object: Vec<String>,
    pub(crate) framing: Vec<String>,
    pub(crate) party_boards: Vec<String>,
    pub(crate) pointing_back: Vec<String>,
    pub(crate) plenary_bodies: Vec<String>,
    pub(crate) closed_bodies: Vec<String>,
    pub(crate) handing_over: Vec<String>,
    pub(crate) credits: Vec<String>,
    pub(crate) standing_boards: Vec<String>,
    pub(crate) same_day: Vec<String>,
    pub(crate) next_day: Vec<String>,
    pub(crate) sequel: Vec<String>,
    pub(crate) day_ordinals: Vec<String>,
    pub(crate) outlets: Vec<String>,
    pub(crate) department_sectors: Vec<String>,
    /// The `relieving` words and the `appoint-verb`s in one automaton, built once the table is read.
    pub(crate) relieving_or_appointing: WordFinder,
    /// The `same-day` phrases and the `next-day` phrases in one automaton, each also with a capital first letter
    /// (a sentence may open with one), built once the table is read.
    pub(crate) relative_days: WordFinder,
    /// Each `not-happening` cue's words, last first, split once the table is read.
    pub(crate) not_happening_words: Vec<Vec<String>>,
}

/// An automaton over some of the grammar's words, whose values tell them apart: `true` for the first list's.
#[derive(Clone, Default)]
pub(crate) struct WordFinder(Option<std::sync::Arc<daachorse::DoubleArrayAhoCorasick<bool>>>);

impl std::fmt::Debug for WordFinder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("WordFinder")
    }
}

impl WordFinder {
    /// An automaton over `first` (value `true`) and `second` (value `false`); a word in both is in `second`.
    fn new(first: &[String], second: &[String]) -> WordFinder {
        let mut words: Vec<(&str, bool)> = Vec::new();
        for (list, value) in [(second, false), (first, true)] {
            for w in list {
                if !w.is_empty() && !words.iter().any(|(x, _)| x == w) {
                    words.push((w.as_str(), value));
                }
            }
        }
        WordFinder(
            daachorse::DoubleArrayAhoCorasick::with_values(words)
                .ok()
                .map(std::sync::Arc::new),
        )
    }

    /// Where the last word of each list starts in `hay` (every occurrence counts, overlapping ones too).
    pub(crate) fn last_of_each(&self, hay: &str) -> (Option<usize>, Option<usize>) {
        let mut last = (None, None);
        if let Some(a) = &self.0 {
            for m in a.find_overlapping_iter(hay) {
                let slot = if m.value() { &mut last.0 } else { &mut last.1 };
                *slot = Some(slot.map_or(m.start(), |s: usize| s.max(m.start())));
            }
        }
        last
    }
}

impl Grammar {
    fn class_mut(&mut self, class: &str) -> Option<&mut Vec<String>> {
        Some(match class {
            "appointing" => &mut self.appointing,
            "held-before" => &mut self.held_before,
            "joining" => &mut self.joining,
            "relieving" => &mut self.relieving,
            "appoint-verb" => &mut self.appoint_verbs,
            "list-opener" => &mut self.list_openers,
            "respectively" => &mut self.respectively,
            "object-preposition" => &mut self.object_prepositions,
            "pronoun" => &mut self.pronouns,
            "level" => &mut self.levels,
            "generic" => &mut self.generic,
            "replacing" => &mut self.replacing,
            "list-header" => &mut self.list_headers,
            "holding" => &mut self.holding,
            "appositive" => &mut self.appositive,
            "not-happening" => &mut self.not_happening,
            "modal" => &mut self.modal,
            "planned-after" => &mut self.planned_after,
            "capitals-not-name" => &mut self.capitals_not_name,
            "spanning" => &mut self.spanning,
            "legislature" => &mut self.legislature,
            "departing" => &mut self.departing,
            "not-object" => &mut self.not_object,
            "framing" => &mut self.framing,
            "party-board" => &mut self.party_boards,
            "pointing-back" => &mut self.pointing_back,
            "plenary-body" => &mut self.plenary_bodies,
            "closed-body" => &mut self.closed_bodies,
            "handing-over" => &mut self.handing_over,
            "credit" => &mut self.credits,
            "standing-board" => &mut self.standing_boards,
            "same-day" => &mut self.same_day,
            "next-day" => &mut self.next_day,
            "sequel" => &mut self.sequel,
            "day-ordinal" => &mut self.day_ordinals,
            "department-sector" => &mut self.department_sectors,
            "outlet" => &mut self.outlets,
            _ => return None,
        })
    }
}

/// All tables, parsed and cross-checked.
#[derive(Debug, Clone, Default)]
pub(crate) struct Tables {
    pub(crate) officials: Vec<Official>,
    pub(crate) posts: Vec<Post>,
    pub(crate) organisations: Vec<Organisation>,
    pub(crate) bodies: Vec<Body>,
    pub(crate) references: Vec<Reference>,
    pub(crate) places: Vec<Place>,
    pub(crate) titles: Vec<Title>,
    pub(crate) ranks: Vec<Rank>,
    pub(crate) family_names: Vec<String>,
    /// (place index of a country, its adjectives).
    pub(crate) demonyms: Vec<(usize, Vec<String>)>,
    pub(crate) events: Vec<EventTrigger>,
    pub(crate) cues: Vec<(Cue, Vec<String>)>,
    pub(crate) grammar: Grammar,
    pub(crate) units: Vec<Unit>,
    /// The units by their folded ASCII name ("dong anh"), for the local bodies the text names ("Dong Anh District
    /// Party Committee"); unit names are not in the matcher.
    pub(crate) units_by_name: crate::hash::HashMap<String, Vec<usize>>,
    /// The rules' fixed points, looked up once: the `Member` and `Secretary` titles that take their organisation
    /// from the text, and the `party-committee` body.
    pub(crate) member_title: Option<usize>,
    pub(crate) secretary_title: Option<usize>,
    pub(crate) party_committee: Option<usize>,
    /// A Vietnamese organisation's folded name → (a country, that country's counterpart organisation): a foreign
    /// organisation named by one of the first's names, with the country's adjective before it or "of <country>"
    /// after it ("Lao Politburo", "Politburo of Laos").
    pub(crate) counterparts: HashMap<String, Vec<(usize, usize)>>,
    /// Every family name of `family_names.tsv`, folded.
    pub(crate) family_keys: crate::hash::HashSet<String>,
    /// Every organisation's folded names and aliases (`Organisation::keys`) → the organisation (the first that
    /// holds the key).
    pub(crate) organisation_keys: HashMap<String, usize>,
    /// References to ids that may be defined on a later line, checked once every table is read.
    pending: Vec<Pending>,
    /// Every id defined so far, by table, to find one defined twice.
    ids: std::collections::HashSet<(Gazetteer, String)>,
}

/// A reference from a gazetteer line to an id of a table (`kind`): a parent organisation, the place a place
/// merged into, an official's homonyms.
#[derive(Debug, Clone)]
struct Pending {
    file: String,
    line: usize,
    kind: Gazetteer,
    id: String,
}

impl Pending {
    fn new(row: &Row<'_>, kind: Gazetteer, id: &str) -> Pending {
        Pending {
            file: row.file.to_owned(),
            line: row.line,
            kind,
            id: id.to_owned(),
        }
    }
}

/// The sources of one table: (file name, text) pairs, parsed in order.
pub(crate) type Sources = Vec<(String, String)>;

/// Every table's embedded default, as the sources of [`Tables::parse`].
pub(crate) fn default_sources() -> HashMap<Gazetteer, Sources> {
    Gazetteer::ALL
        .into_iter()
        .map(|k| {
            let file = k.default_file_name().to_owned();
            (k, vec![(file, k.default_text().to_owned())])
        })
        .collect()
}

impl Tables {
    /// Parses every table from its sources.
    pub(crate) fn parse(sources: &HashMap<Gazetteer, Sources>) -> Result<Tables, BuildError> {
        let mut t = Tables::default();
        let empty = Vec::new();
        for kind in Gazetteer::ALL {
            for (file, text) in sources.get(&kind).unwrap_or(&empty) {
                for row in rows(kind, file, text)? {
                    t.add(kind, &row)?;
                }
            }
        }
        t.check_references()?;
        t.derive_ministry_titles();
        t.complete_tenures();
        let local = |role: &str| {
            t.titles
                .iter()
                .position(|x| x.role == role && x.organisation == TitleOrg::FromText)
        };
        t.grammar.relieving_or_appointing =
            WordFinder::new(&t.grammar.relieving, &t.grammar.appoint_verbs);
        let with_capital = |list: &[String]| -> Vec<String> {
            list.iter()
                .flat_map(|w| {
                    let mut c = w.chars();
                    let capital = c
                        .next()
                        .map(|f| f.to_uppercase().chain(c).collect::<String>());
                    std::iter::once(w.clone()).chain(capital)
                })
                .collect()
        };
        t.grammar.relative_days = WordFinder::new(
            &with_capital(&t.grammar.same_day),
            &with_capital(&t.grammar.next_day),
        );
        t.grammar.not_happening_words = (t.grammar.not_happening.iter())
            .map(|cue| cue.split(' ').rev().map(str::to_owned).collect())
            .collect();
        t.member_title = local("Member");
        t.secretary_title = local("Secretary");
        t.party_committee = t.bodies.iter().position(|b| b.id == "party-committee");
        t.counterparts = t.find_counterparts();
        for (i, o) in t.organisations.iter().enumerate() {
            for k in &o.keys {
                t.organisation_keys.entry(k.clone()).or_insert(i);
            }
        }
        t.family_keys = t.family_names.iter().map(|f| fold_str(f)).collect();
        Ok(t)
    }

    /// See [`Tables::counterparts`]. Each foreign organisation's folded names are read as "<adjective> <base>" or
    /// "<base> of <country>", and the base looked up among the other organisations' names and aliases (a name
    /// that says Vietnam's is no base).
    fn find_counterparts(&self) -> HashMap<String, Vec<(usize, usize)>> {
        let mut by_key: HashMap<&str, usize> = HashMap::new();
        for (i, o) in self.organisations.iter().enumerate() {
            if o.kind == "foreign" {
                continue;
            }
            for k in &o.keys {
                let base = k
                    .strip_suffix(" of vietnam")
                    .or_else(|| k.strip_suffix(" of viet nam"))
                    .unwrap_or(k);
                if !base.contains("vietnam") && !base.contains("viet nam") && !base.contains("cpv")
                {
                    by_key.entry(base).or_insert(i);
                }
            }
        }
        let mut countries: Vec<(String, usize, bool)> = Vec::new();
        for (p, forms) in &self.demonyms {
            for f in forms {
                countries.push((format!("{} ", fold_str(f)), *p, true));
            }
            countries.push((
                format!(" of {}", fold_str(&self.places[*p].name)),
                *p,
                false,
            ));
        }
        let mut out: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        for (f, o) in self.organisations.iter().enumerate() {
            if o.kind != "foreign" {
                continue;
            }
            for k in &o.keys {
                for (affix, country, before) in &countries {
                    let base = if *before {
                        k.strip_prefix(affix.as_str())
                    } else {
                        k.strip_suffix(affix.as_str())
                    };
                    if let Some(&own) = base.and_then(|b| by_key.get(b)) {
                        let list = out
                            .entry(self.organisations[own].keys[0].clone())
                            .or_default();
                        if !list.iter().any(|&(c, _)| c == *country) {
                            list.push((*country, f));
                        }
                    }
                }
            }
        }
        out
    }

    /// Rows of one post (same official, role and organisation) come from sources of different dates and
    /// precision; a row that leaves a date open takes it from the other rows of its tenure:
    /// - a missing start is the latest start of the post before the row's end ("General Secretary, present" and
    ///   "General Secretary from 2024-08-03" are one tenure that began then);
    /// - then an open end ("present" at an earlier page's date, or unknown) is the first end of the post after the
    ///   row's start ("Secretary from 2021-05, present" and "Secretary until 2025-10" are one tenure that ended
    ///   in 2025-10). A post held twice keeps its tenures apart.
    ///
    /// Only a date strictly beyond the row's own counts: a term that ended in the month a re-election began the
    /// next ("Chairman 2019-04 to 2021-06", "Chairman from 2021-06") does not close the next term, nor open the
    /// previous one.
    fn complete_tenures(&mut self) {
        let mut groups: HashMap<(usize, &str, Option<&str>), Vec<usize>> = HashMap::new();
        for (i, p) in self.posts.iter().enumerate() {
            groups
                .entry((p.official, p.role.as_str(), p.organisation_key.as_deref()))
                .or_default()
                .push(i);
        }
        let groups: Vec<Vec<usize>> = groups.into_values().collect();
        for rows in &groups {
            for &i in rows {
                let p = &self.posts[i];
                if p.from.is_some() {
                    continue;
                }
                let end = p.to;
                self.posts[i].from = rows
                    .iter()
                    .filter_map(|&j| self.posts[j].from)
                    .filter(|f| end.is_none_or(|t| f.earliest() < t.earliest()))
                    .max();
            }
            for &i in rows {
                let p = &self.posts[i];
                if p.to.is_some() {
                    continue;
                }
                let start = p.from;
                let end = rows
                    .iter()
                    .filter_map(|&j| self.posts[j].to)
                    .filter(|t| start.is_none_or(|f| t.earliest() > f.earliest()))
                    .min();
                if end.is_some() {
                    self.posts[i].to = end;
                    self.posts[i].ongoing = false;
                }
            }
        }
    }

    /// Titles that name their ministry by its domain: for every organisation called "Ministry of X" (or "Y
    /// Ministry") and every minister's title ("Minister", "Deputy Minister" …) that takes its organisation from the
    /// text, the titles "Deputy Minister of X" and "Deputy X Minister" (or "Deputy Y Minister") name that ministry
    /// ("Deputy Minister of Finance", "Deputy Foreign Minister", "Finance Minister").
    fn derive_ministry_titles(&mut self) {
        let ministers: Vec<usize> = (0..self.titles.len())
            .filter(|&i| {
                self.titles[i].organisation == TitleOrg::FromText
                    && self.titles[i].role.ends_with("Minister")
            })
            .collect();
        let mut derived = Vec::new();
        for (o, org) in self.organisations.iter().enumerate() {
            let names = || std::iter::once(&org.name).chain(&org.aliases);
            // "Ministry of Finance" and "Finance Ministry" name the domain "Finance".
            let long: Vec<&str> = names()
                .filter_map(|n| n.strip_prefix("Ministry of "))
                .collect();
            if long.is_empty() {
                continue;
            }
            let mut short: Vec<&str> = names()
                .filter_map(|n| n.strip_suffix(" Ministry"))
                .collect();
            short.extend(
                long.iter()
                    .filter(|d| !d.contains(',') && !d.contains(" and "))
                    .copied(),
            );
            short.sort_unstable();
            short.dedup();
            for &ti in &ministers {
                let t = &self.titles[ti];
                // "Deputy Minister" → "Deputy Minister of Finance", "Deputy Finance Minister".
                let forms = |list: &[String]| -> Vec<String> {
                    let mut out = Vec::new();
                    for v in list {
                        for d in &long {
                            out.push(format!("{v} of {d}"));
                        }
                        // "Deputy Minister" → "Deputy Finance Minister", "Ministers" → "Finance Ministers".
                        if let Some(i) = v.rfind("Minister") {
                            for d in &short {
                                out.push(format!("{}{d} {}", &v[..i], &v[i..]));
                            }
                        }
                    }
                    out.sort_unstable();
                    out.dedup();
                    out
                };
                derived.push(Title {
                    role: t.role.clone(),
                    variants: forms(&t.variants),
                    plurals: forms(&t.plurals),
                    organisation: TitleOrg::Implied(o),
                });
            }
        }
        self.titles.extend(derived);
    }

    /// Every id a line refers to must be defined in its table.
    fn check_references(&mut self) -> Result<(), BuildError> {
        use std::collections::HashSet;
        let pending = std::mem::take(&mut self.pending);
        let organisations: HashSet<&str> =
            self.organisations.iter().map(|o| o.id.as_str()).collect();
        let places: HashSet<&str> = self.places.iter().map(|x| x.id.as_str()).collect();
        let officials: HashSet<&str> = self.officials.iter().map(|o| o.id.as_str()).collect();
        for p in pending {
            let defined = match p.kind {
                Gazetteer::Organisations => organisations.contains(p.id.as_str()),
                Gazetteer::Places => places.contains(p.id.as_str()),
                _ => officials.contains(p.id.as_str()),
            };
            if !p.id.is_empty() && !defined {
                return Err(BuildError::Gazetteer {
                    message: format!("unknown {} id `{}`", p.kind.noun(), p.id),
                    file: p.file,
                    line: p.line,
                });
            }
        }
        Ok(())
    }

    fn organisation_index(&self, id: &str) -> Option<usize> {
        self.organisations.iter().position(|o| o.id == id)
    }

    fn add(&mut self, kind: Gazetteer, row: &Row<'_>) -> Result<(), BuildError> {
        let list = |i| row.list(i).map(str::to_owned).collect::<Vec<_>>();
        match kind {
            Gazetteer::Places => {
                let kind = match row.required(3, "kind")? {
                    "province" => PlaceKind::Province,
                    "city" => PlaceKind::City,
                    "country" => PlaceKind::Country,
                    "region" => PlaceKind::Region,
                    "river" | "lake" | "sea" => PlaceKind::Water,
                    "site" | "island" | "district" | "town" => PlaceKind::Site,
                    other => return Err(row.error(format!("unknown place kind `{other}`"))),
                };
                let date = |col: usize| row.date(col);
                let id = row.required(0, "id")?;
                if !self.ids.insert((Gazetteer::Places, id.to_owned())) {
                    return Err(row.error(format!("place id `{id}` is defined twice")));
                }
                self.pending
                    .push(Pending::new(row, Gazetteer::Places, row.get(6)));
                self.places.push(Place {
                    id: id.to_owned(),
                    name: row.required(1, "name")?.to_owned(),
                    aliases: list(2),
                    kind,
                    from: date(4)?,
                    to: date(5)?,
                    merged_into: match row.get(6) {
                        "" => None,
                        m => Some(m.to_owned()),
                    },
                });
            }
            Gazetteer::Units => {
                let (level, kind_word) = match row.required(3, "kind")? {
                    "district" | "urban-district" => (UnitLevel::District, "District"),
                    "town" => (UnitLevel::District, "Town"),
                    "city" => (UnitLevel::District, "City"),
                    "commune" => (UnitLevel::Commune, "Commune"),
                    "ward" => (UnitLevel::Commune, "Ward"),
                    "township" => (UnitLevel::Commune, "Township"),
                    "special-zone" => (UnitLevel::Commune, "Special Zone"),
                    other => return Err(row.error(format!("unknown unit kind `{other}`"))),
                };
                let date = |col: usize| row.date(col);
                let id = row.required(0, "id")?;
                if !self.ids.insert((Gazetteer::Units, id.to_owned())) {
                    return Err(row.error(format!("unit id `{id}` is defined twice")));
                }
                let source = row.required(7, "source")?;
                if !source.starts_with("http://") && !source.starts_with("https://") {
                    return Err(row.error("source must be a URL (http:// or https://)"));
                }
                let province = row.required(4, "province")?;
                self.pending
                    .push(Pending::new(row, Gazetteer::Places, province));
                let name = row.required(1, "name")?.to_owned();
                let ascii = row.required(2, "ascii")?.to_owned();
                self.units_by_name
                    .entry(fold_str(&ascii))
                    .or_default()
                    .push(self.units.len());
                self.units.push(Unit {
                    id: id.to_owned(),
                    name,
                    ascii,
                    kind_word,
                    level,
                    province: province.to_owned(),
                    from: date(5)?,
                    to: date(6)?,
                });
            }
            Gazetteer::Organisations => {
                let id = row.required(0, "id")?;
                if !self.ids.insert((Gazetteer::Organisations, id.to_owned())) {
                    return Err(row.error(format!("organisation id `{id}` is defined twice")));
                }
                let kind = row.required(3, "kind")?;
                if ![
                    "party", "state", "military", "police", "mass", "court", "foreign",
                ]
                .contains(&kind)
                {
                    return Err(row.error(format!("unknown organisation kind `{kind}`")));
                }
                self.pending
                    .push(Pending::new(row, Gazetteer::Organisations, row.get(5)));
                self.organisations.push(Organisation {
                    id: id.to_owned(),
                    name: row.required(1, "name")?.to_owned(),
                    aliases: list(2),
                    kind: kind.to_owned(),
                    class: row.get(4).to_owned(),
                    parent: match row.get(5) {
                        "" => None,
                        p => Some(p.to_owned()),
                    },
                    keys: std::iter::once(row.required(1, "name")?)
                        .map(fold_str)
                        .chain(list(2).iter().map(|a| fold_str(a)))
                        .collect(),
                });
            }
            Gazetteer::Bodies => {
                let org = |i: usize| -> Result<Option<usize>, BuildError> {
                    let v = row.get(i);
                    if v.is_empty() {
                        return Ok(None);
                    }
                    self.organisation_index(v)
                        .map(Some)
                        .ok_or_else(|| row.error(format!("unknown organisation `{v}`")))
                };
                let national = org(5)?;
                let subordinate = match row.get(6) {
                    "" => None,
                    id => Some(self.bodies.iter().position(|b| b.id == id).ok_or_else(|| {
                        row.error(format!(
                            "unknown body `{id}` (define it on an earlier line)"
                        ))
                    })?),
                };
                for col in [2, 3, 4] {
                    let t = row.get(col);
                    if !t.is_empty() && t.matches("{}").count() != 1 {
                        return Err(row.error(format!("template `{t}` needs exactly one `{{}}`")));
                    }
                }
                let id = row.required(0, "id")?;
                if !self.ids.insert((Gazetteer::Bodies, id.to_owned())) {
                    return Err(row.error(format!("body id `{id}` is defined twice")));
                }
                self.bodies.push(Body {
                    id: id.to_owned(),
                    surfaces: list(1),
                    city: row.get(2).to_owned(),
                    province: row.get(3).to_owned(),
                    unit: row.get(4).to_owned(),
                    national,
                    subordinate,
                });
            }
            Gazetteer::References => {
                let host = match row.required(1, "host")? {
                    "city" => Host::City,
                    "province" => Host::Province,
                    "place" => Host::Place,
                    h if h.starts_with("place:") => {
                        let id = &h["place:".len()..];
                        Host::OnePlace(
                            self.places
                                .iter()
                                .position(|p| p.id == id)
                                .ok_or_else(|| row.error(format!("unknown place `{id}`")))?,
                        )
                    }
                    class => {
                        if !self.organisations.iter().any(|o| o.class == class) {
                            return Err(
                                row.error(format!("no organisation has the class `{class}`"))
                            );
                        }
                        Host::Class(class.to_owned())
                    }
                };
                self.references.push(Reference {
                    surfaces: list(0),
                    host,
                });
            }
            Gazetteer::Titles => {
                let organisation = match row.get(3) {
                    "" => TitleOrg::FromText,
                    "-" => TitleOrg::None,
                    id => TitleOrg::Implied(
                        self.organisation_index(id)
                            .ok_or_else(|| row.error(format!("unknown organisation `{id}`")))?,
                    ),
                };
                self.titles.push(Title {
                    role: row.required(0, "role")?.to_owned(),
                    variants: list(1),
                    plurals: list(2),
                    organisation,
                });
            }
            Gazetteer::Ranks => {
                self.ranks.push(Rank {
                    rank: row.required(0, "rank")?.to_owned(),
                    variants: list(1),
                });
            }
            Gazetteer::FamilyNames => {
                self.family_names.push(row.required(0, "name")?.to_owned());
                self.family_names.extend(list(1));
            }
            Gazetteer::Demonyms => {
                let id = row.required(0, "country")?;
                let place = self
                    .places
                    .iter()
                    .position(|p| p.id == id && p.kind == PlaceKind::Country)
                    .ok_or_else(|| row.error(format!("unknown country `{id}`")))?;
                self.demonyms.push((place, list(1)));
            }
            Gazetteer::Events => {
                let kind = row.required(0, "kind")?;
                let kind = crate::model::EventKind::from_name(kind)
                    .ok_or_else(|| row.error(format!("unknown event kind `{kind}`")))?;
                let needs = match row.get(2) {
                    "" | "-" => Needs::Nothing,
                    "object" => Needs::Object,
                    "prior" => Needs::Prior,
                    "noun" => Needs::Noun,
                    "numbered" => Needs::Numbered,
                    other => return Err(row.error(format!("unknown need `{other}`"))),
                };
                self.events.push(EventTrigger {
                    kind,
                    forms: list(1),
                    needs,
                });
            }
            Gazetteer::Cues => {
                let cue = match row.required(0, "cue")? {
                    "past" => Cue::Past,
                    "not-name" => Cue::NotName,
                    "death" => Cue::Death,
                    other => return Err(row.error(format!("unknown cue `{other}`"))),
                };
                self.cues.push((cue, list(1)));
            }
            Gazetteer::Grammar => {
                let class = row.required(0, "class")?;
                let words = self
                    .grammar
                    .class_mut(class)
                    .ok_or_else(|| row.error(format!("unknown grammar class `{class}`")))?;
                words.extend(row.list(1).map(str::to_owned));
            }
            Gazetteer::Officials => {
                let id = row.required(0, "id")?;
                for h in row.list(5) {
                    self.pending
                        .push(Pending::new(row, Gazetteer::Officials, h));
                }
                if !self.ids.insert((Gazetteer::Officials, id.to_owned())) {
                    return Err(row.error(format!("official id `{id}` is defined twice")));
                }
                let born = match row.get(4) {
                    "" => None,
                    y => Some(
                        y.parse::<u16>()
                            .map_err(|_| row.error(format!("born `{y}` is not a year")))?,
                    ),
                };
                let rank = match row.get(3) {
                    "" => None,
                    r => {
                        let key = fold_str(r);
                        let known = self.ranks.iter().any(|k| {
                            fold_str(&k.rank) == key
                                || k.variants.iter().any(|v| fold_str(v) == key)
                        });
                        if !known {
                            return Err(row.error(format!("unknown rank `{r}`")));
                        }
                        Some(r.to_owned())
                    }
                };
                self.officials.push(Official {
                    id: id.to_owned(),
                    name: row.required(1, "name")?.to_owned(),
                    aliases: list(2),
                    rank,
                    born,
                    homonyms: list(5),
                });
            }
            Gazetteer::Posts => {
                let who = row.required(0, "official")?;
                let official = self
                    .officials
                    .iter()
                    .position(|o| o.id == who)
                    .ok_or_else(|| row.error(format!("unknown official `{who}`")))?;
                let date = |i: usize| -> Result<Option<PartialDate>, BuildError> {
                    match row.get(i) {
                        "" | "present" => Ok(None),
                        d => d.parse().map(Some).map_err(|e| row.error(e)),
                    }
                };
                let from = date(3)?;
                let to = date(4)?;
                if let (Some(f), Some(t)) = (from, to)
                    && f.earliest() > t.latest()
                {
                    return Err(row.error(format!("from {f} is after to {t}")));
                }
                let source = row.required(5, "source")?;
                if !source.starts_with("http://") && !source.starts_with("https://") {
                    return Err(row.error(format!("source `{source}` is not a URL")));
                }
                let organisation = match row.get(2) {
                    "" => None,
                    o => Some(o.to_owned()),
                };
                self.posts.push(Post {
                    organisation_key: organisation.as_deref().map(fold_str),
                    official,
                    role: row.required(1, "role")?.to_owned(),
                    organisation,
                    from,
                    to,
                    ongoing: row.get(4) == "present",
                    source: source.to_owned(),
                });
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod consistency;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_finder_gives_the_last_word_of_each_list() {
        let words = |w: &[&str]| w.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let f = WordFinder::new(
            &words(&["relieve", "relieved"]),
            &words(&["appoint", "elect"]),
        );
        assert_eq!(f.last_of_each("he was relieved"), (Some(7), None));
        assert_eq!(
            f.last_of_each("relieved of one post and elected"),
            (Some(0), Some(25))
        );
        assert_eq!(f.last_of_each("reappointed"), (None, Some(2)));
        // A word in both lists counts as the second's.
        let both = WordFinder::new(&words(&["name"]), &words(&["name"]));
        assert_eq!(both.last_of_each("to name"), (None, Some(3)));
        assert_eq!(WordFinder::default().last_of_each("relieved"), (None, None));
    }

    fn parse_one(kind: Gazetteer, text: &str) -> Result<Tables, BuildError> {
        let mut sources = default_sources();
        // Posts need officials; officials need ranks: keep the defaults before the table under test.
        sources.insert(kind, vec![("test.tsv".to_owned(), text.to_owned())]);
        if kind == Gazetteer::Officials {
            sources.remove(&Gazetteer::Posts);
        }
        Tables::parse(&sources)
    }

    fn message(r: Result<Tables, BuildError>) -> String {
        r.unwrap_err().to_string()
    }

    #[test]
    fn every_default_table_parses() {
        let t = Tables::parse(&default_sources()).unwrap();
        assert!(!t.titles.is_empty() && !t.ranks.is_empty() && !t.places.is_empty());
    }

    #[test]
    fn a_wrong_header_names_the_expected_one() {
        let m = message(parse_one(Gazetteer::Ranks, "rank\tforms\n"));
        assert!(
            m.starts_with("test.tsv:1: expected the header `rank\\tvariants\\tservice`"),
            "{m}"
        );
    }

    #[test]
    fn a_missing_header_is_an_error() {
        assert_eq!(
            message(parse_one(Gazetteer::Ranks, "# only a comment\n")),
            "test.tsv:1: no header; expected `rank\\tvariants\\tservice`"
        );
    }

    #[test]
    fn too_many_fields_is_an_error_with_the_line() {
        let m = message(parse_one(
            Gazetteer::Ranks,
            "rank\tvariants\tservice\n# c\nGeneral\tGen.\tarmy\textra\n",
        ));
        assert_eq!(m, "test.tsv:3: expected 3 tab-separated fields, found 4");
    }

    #[test]
    fn an_unknown_event_kind_is_an_error() {
        let m = message(parse_one(
            Gazetteer::Events,
            "kind\ttriggers\tneeds\nparty\tparty\t-\n",
        ));
        assert_eq!(m, "test.tsv:2: unknown event kind `party`");
    }

    #[test]
    fn a_title_naming_an_unknown_organisation_is_an_error() {
        let m = message(parse_one(
            Gazetteer::Titles,
            "role\tvariants\tplurals\torganisation\nMinister\tMinister\t\tno-such-org\n",
        ));
        assert_eq!(m, "test.tsv:2: unknown organisation `no-such-org`");
    }

    #[test]
    fn a_post_needs_a_source_url_and_ordered_dates() {
        let officials = "id\tname\taliases\trank\tborn\thomonyms\nx\tX Y\t\t\t\n";
        let mut sources = default_sources();
        sources.insert(
            Gazetteer::Officials,
            vec![("o.tsv".to_owned(), officials.to_owned())],
        );
        let header = "official\trole\torganisation\tfrom\tto\tsource\n";
        for (line, want) in [
            (
                "x\tMinister\tMinistry of Finance\t2020\t2019\thttps://example.org\n",
                "p.tsv:2: from 2020 is after to 2019",
            ),
            (
                "x\tMinister\tMinistry of Finance\t2020\t\tsomewhere\n",
                "p.tsv:2: source `somewhere` is not a URL",
            ),
            (
                "x\tMinister\tMinistry of Finance\t2020-13\t\thttps://example.org\n",
                "p.tsv:2: `2020-13` is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
            ),
            (
                "y\tMinister\tMinistry of Finance\t2020\t\thttps://example.org\n",
                "p.tsv:2: unknown official `y`",
            ),
        ] {
            sources.insert(
                Gazetteer::Posts,
                vec![("p.tsv".to_owned(), format!("{header}{line}"))],
            );
            assert_eq!(Tables::parse(&sources).unwrap_err().to_string(), want);
        }
    }

    #[test]
    fn partial_dates_order_and_print() {
        let a: PartialDate = "2021".parse().unwrap();
        let b: PartialDate = "2021-04-08".parse().unwrap();
        assert_eq!(a.latest(), (2021, 12, 31));
        assert_eq!(b.to_string(), "2021-04-08");
        assert!("21".parse::<PartialDate>().is_err());
    }
}
