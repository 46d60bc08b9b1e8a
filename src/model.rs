//! The output: plain data types, `serde` serialisable both ways.
//!
//! A [`Document`] lists entities (persons, organisations, locations, documents, events) and the relations
//! between them. Relations refer to entities by index into the document's lists. Every entity and relation
//! records the id of the rule that produced it, so that a wrong output can be traced to its rule.

use serde::{Deserialize, Serialize};

/// A byte span of the caller's text: `start` inclusive, `end` exclusive, both on character boundaries.
///
/// ```
/// use cadre::Span;
/// let text = "Tô Lâm";
/// let span = Span { start: 0, end: 3 };
/// assert_eq!(span.of(text), "Tô");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// The text this span covers.
    pub fn of<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// Everything extracted from one text.
///
/// ```
/// let doc = cadre::extract("Prime Minister Phạm Minh Chính chaired the meeting.");
/// assert_eq!(doc.persons[0].name, "Phạm Minh Chính");
/// let rel = &doc.relations[0];
/// assert_eq!(rel.role, "Prime Minister");
/// assert_eq!(doc.organisations[rel.organisation.unwrap()].name, "Government of Vietnam");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Named people, each once.
    pub persons: Vec<Person>,
    /// Named organisations, each once, resolved to their full names.
    pub organisations: Vec<Organisation>,
    /// Places.
    pub locations: Vec<Location>,
    /// Resolutions, decrees, laws and plans named in the text.
    pub documents: Vec<NamedDocument>,
    /// Events the text reports.
    pub events: Vec<Event>,
    /// Who holds or held which post in which organisation, as the text states it.
    pub relations: Vec<Relation>,
}

/// A named person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Person {
    /// Canonical name: the gazetteer's when linked, else the fullest form in the text (title-cased when the
    /// text has it in capitals).
    pub name: String,
    /// The military or police rank the text states, written out in full.
    pub rank: Option<String>,
    /// The gazetteer id when the person is linked to a known official.
    pub gazetteer_id: Option<String>,
    /// Every mention, full and short.
    pub mentions: Vec<Span>,
    /// The rule that found the person.
    pub rule: String,
}

/// A named organisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Organisation {
    /// Canonical name ("Hanoi Party Committee", "Military Region 4").
    pub name: String,
    /// The gazetteer id of a listed organisation, or of the body template for a generated local body.
    pub gazetteer_id: Option<String>,
    /// party, state, military, police, mass, court or foreign, when known.
    pub kind: Option<String>,
    /// Every mention, including generic ones resolved from context ("the Provincial Military Command").
    pub mentions: Vec<Span>,
    /// The rule that found or resolved the organisation.
    pub rule: String,
}

/// A place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Location {
    /// Canonical name.
    pub name: String,
    /// The gazetteer id.
    pub gazetteer_id: Option<String>,
    /// Every mention.
    pub mentions: Vec<Span>,
}

/// A resolution, decree, law, plan or project named in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NamedDocument {
    /// The name, in one spelling ("Resolution No. 8" for "Resolution No.8").
    pub name: String,
    /// Its number, when the name gives one: "06-NQ/TW" of "Resolution No. 06-NQ/TW".
    pub number: Option<String>,
    /// The ISO date the text says it is dated ("Resolution No. 06-NQ/TW dated January 24, 2022").
    pub date: Option<String>,
    /// Index into [`Document::organisations`]: the body that issued it, when the text names it as the owner
    /// ("the Politburo's Resolution No. 06-NQ/TW", "Resolution No. 8 of the Party Central Committee").
    pub issuer: Option<usize>,
    /// Every mention.
    pub mentions: Vec<Span>,
    /// The rule that found it.
    pub rule: String,
}

/// The kinds of event (ANNOTATION.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum EventKind {
    Meeting,
    Conference,
    WorkingSession,
    Congress,
    Plenum,
    Session,
    Ceremony,
    Exercise,
    Visit,
    Talks,
    Reception,
    Election,
    Appointment,
    Other,
}

impl EventKind {
    /// The kind's name as in ANNOTATION.md (`working_session`).
    ///
    /// ```
    /// use cadre::EventKind;
    /// assert_eq!(EventKind::WorkingSession.name(), "working_session");
    /// assert_eq!(EventKind::from_name("talks"), Some(EventKind::Talks));
    /// ```
    pub fn name(self) -> &'static str {
        use EventKind::*;
        match self {
            Meeting => "meeting",
            Conference => "conference",
            WorkingSession => "working_session",
            Congress => "congress",
            Plenum => "plenum",
            Session => "session",
            Ceremony => "ceremony",
            Exercise => "exercise",
            Visit => "visit",
            Talks => "talks",
            Reception => "reception",
            Election => "election",
            Appointment => "appointment",
            Other => "other",
        }
    }

    /// The kind named `name`, if any.
    pub fn from_name(name: &str) -> Option<EventKind> {
        use EventKind::*;
        [
            Meeting,
            Conference,
            WorkingSession,
            Congress,
            Plenum,
            Session,
            Ceremony,
            Exercise,
            Visit,
            Talks,
            Reception,
            Election,
            Appointment,
            Other,
        ]
        .into_iter()
        .find(|k| k.name() == name)
    }
}

/// An event the text reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Document-local id: `e1`, `e2`, …
    pub id: String,
    /// What kind of event.
    pub kind: EventKind,
    /// ISO date (`YYYY-MM-DD`) when the text gives it or it follows from the publication date.
    pub date: Option<String>,
    /// The place as written, when the text gives it.
    pub location: Option<String>,
    /// The words that report it.
    pub mentions: Vec<Span>,
    /// The rule that found it.
    pub rule: String,
}

/// A person holds, or held, a post in an organisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Relation {
    /// Index into [`Document::persons`].
    pub person: usize,
    /// The post alone ("Deputy Secretary", "Minister").
    pub role: String,
    /// Index into [`Document::organisations`]; `None` for a post of no organisation (President of the State).
    pub organisation: Option<usize>,
    /// Index into [`Document::events`]: the event at which the text presents the person in this post.
    pub event: Option<usize>,
    /// True when the text says the post was held before ("former", "served as").
    pub past: bool,
    /// The title's words in the text.
    pub evidence: Span,
    /// The rule that produced it.
    pub rule: String,
}
