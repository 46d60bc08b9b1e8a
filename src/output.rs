//! Shapes of a [`Document`] for files: one record per document in the scorer's JSON (`OUTPUT.md`), and one row
//! per relation for TSV and CSV. Plain `serde` types that borrow from the document; serialise them with any
//! `serde` format.
//!
//! ```
//! use cadre::output::{Record, RelationRow};
//! let doc = cadre::extract("Prime Minister Phạm Minh Chính chaired the meeting.");
//! let record = Record::new("pm-1", &doc);
//! assert_eq!(record.relations[0].person, "Phạm Minh Chính");
//! assert_eq!(record.relations[0].organisation, Some("Government of Vietnam"));
//! let rows: Vec<RelationRow> = RelationRow::all("pm-1", &doc).collect();
//! assert_eq!(rows[0].role, "Prime Minister");
//! assert_eq!(rows[0].evidence, (doc.relations[0].evidence.start, doc.relations[0].evidence.end));
//! ```

use crate::model::{Document, Span};
use serde::Serialize;

/// One document in the shape the scorer reads (`../shared/eval/OUTPUT.md`): relations name their person and
/// organisation and refer to events by id. Fields are declared in alphabetical order, so that serialising a
/// record and serialising the same data as a sorted map give the same bytes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Record<'a> {
    /// The document's documents (resolutions, decrees, laws).
    pub documents: Vec<Named<'a>>,
    /// Events, by document-local id.
    pub events: Vec<EventRecord<'a>>,
    /// The caller's id of the document.
    pub id: &'a str,
    /// Places.
    pub locations: Vec<Named<'a>>,
    /// Organisations.
    pub organisations: Vec<OrganisationRecord<'a>>,
    /// Persons.
    pub persons: Vec<PersonRecord<'a>>,
    /// Relations, by name.
    pub relations: Vec<RelationRecord<'a>>,
}

/// A location or a named document in a [`Record`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Named<'a> {
    /// Every mention.
    pub mentions: &'a [Span],
    /// Canonical name.
    pub name: &'a str,
}

/// An event in a [`Record`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventRecord<'a> {
    /// ISO date, when known.
    pub date: Option<&'a str>,
    /// Document-local id (`e1`).
    pub id: &'a str,
    /// Kind name (`working_session`).
    pub kind: &'static str,
    /// The place as written.
    pub location: Option<&'a str>,
    /// The words that report it.
    pub mentions: &'a [Span],
}

/// An organisation in a [`Record`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OrganisationRecord<'a> {
    /// The gazetteer id, when listed.
    pub gazetteer_id: Option<&'a str>,
    /// Every mention.
    pub mentions: &'a [Span],
    /// Canonical name.
    pub name: &'a str,
    /// The rule that found it.
    pub rule: &'a str,
}

/// A person in a [`Record`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PersonRecord<'a> {
    /// The gazetteer id, when linked.
    pub gazetteer_id: Option<&'a str>,
    /// Every mention.
    pub mentions: &'a [Span],
    /// Canonical name.
    pub name: &'a str,
    /// Rank, when stated.
    pub rank: Option<&'a str>,
    /// The rule that found the person.
    pub rule: &'a str,
}

/// A relation in a [`Record`]: person and organisation by name, event by id.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RelationRecord<'a> {
    /// The event's id, when the relation has one.
    pub event: Option<&'a str>,
    /// The organisation's name; `None` for a post of no organisation.
    pub organisation: Option<&'a str>,
    /// Held before, as the text says.
    pub past: bool,
    /// The person's name.
    pub person: &'a str,
    /// The post.
    pub role: &'a str,
    /// The rule that produced it.
    pub rule: &'a str,
}

impl<'a> Record<'a> {
    /// The record of `doc` under the caller's `id`.
    pub fn new(id: &'a str, doc: &'a Document) -> Record<'a> {
        Record {
            documents: (doc.documents.iter())
                .map(|d| Named {
                    mentions: &d.mentions,
                    name: &d.name,
                })
                .collect(),
            events: (doc.events.iter())
                .map(|e| EventRecord {
                    date: e.date.as_deref(),
                    id: &e.id,
                    kind: e.kind.name(),
                    location: e.location.as_deref(),
                    mentions: &e.mentions,
                })
                .collect(),
            id,
            locations: (doc.locations.iter())
                .map(|l| Named {
                    mentions: &l.mentions,
                    name: &l.name,
                })
                .collect(),
            organisations: (doc.organisations.iter())
                .map(|o| OrganisationRecord {
                    gazetteer_id: o.gazetteer_id.as_deref(),
                    mentions: &o.mentions,
                    name: &o.name,
                    rule: &o.rule,
                })
                .collect(),
            persons: (doc.persons.iter())
                .map(|p| PersonRecord {
                    gazetteer_id: p.gazetteer_id.as_deref(),
                    mentions: &p.mentions,
                    name: &p.name,
                    rank: p.rank.as_deref(),
                    rule: &p.rule,
                })
                .collect(),
            relations: (doc.relations.iter())
                .map(|r| RelationRecord {
                    event: r.event.map(|e| doc.events[e].id.as_str()),
                    organisation: r.organisation.map(|o| doc.organisations[o].name.as_str()),
                    past: r.past,
                    person: &doc.persons[r.person].name,
                    role: &r.role,
                    rule: &r.rule,
                })
                .collect(),
        }
    }
}

/// One relation as a flat row, for TSV and CSV: the columns in declaration order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RelationRow<'a> {
    /// The caller's id of the document.
    pub id: &'a str,
    /// The person's canonical name.
    pub person: &'a str,
    /// The person's gazetteer id, when linked.
    pub gazetteer_id: Option<&'a str>,
    /// The person's rank, when stated.
    pub rank: Option<&'a str>,
    /// The post.
    pub role: &'a str,
    /// The organisation's name, when the post has one.
    pub organisation: Option<&'a str>,
    /// The event's kind, when the relation has an event.
    pub event_kind: Option<&'static str>,
    /// The event's ISO date, when known.
    pub event_date: Option<&'a str>,
    /// Held before, as the text says.
    pub past: bool,
    /// The title's words: byte offsets (start, end) into the caller's text.
    pub evidence: (usize, usize),
    /// The rule that produced it.
    pub rule: &'a str,
}

impl<'a> RelationRow<'a> {
    /// The column names, in order (`evidence` is two columns: `evidence_start`, `evidence_end`).
    pub const HEADER: [&'static str; 12] = [
        "id",
        "person",
        "gazetteer_id",
        "rank",
        "role",
        "organisation",
        "event_kind",
        "event_date",
        "past",
        "evidence_start",
        "evidence_end",
        "rule",
    ];

    /// One row per relation of `doc`, in the document's order.
    pub fn all(id: &'a str, doc: &'a Document) -> impl Iterator<Item = RelationRow<'a>> + 'a {
        doc.relations.iter().map(move |r| {
            let person = &doc.persons[r.person];
            let event = r.event.map(|e| &doc.events[e]);
            RelationRow {
                id,
                person: &person.name,
                gazetteer_id: person.gazetteer_id.as_deref(),
                rank: person.rank.as_deref(),
                role: &r.role,
                organisation: r.organisation.map(|o| doc.organisations[o].name.as_str()),
                event_kind: event.map(|e| e.kind.name()),
                event_date: event.and_then(|e| e.date.as_deref()),
                past: r.past,
                evidence: (r.evidence.start, r.evidence.end),
                rule: &r.rule,
            }
        })
    }
}
