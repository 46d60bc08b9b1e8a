//! `cadre._cadre`: the Rust side of the Python package. The Python package (`python/cadre/`) re-exports these
//! classes and adds what is plain Python (`relations_frame`, the exception class).
//!
//! Every entry point runs inside [`guard`], so that no Rust panic ever crosses into Python: a panic becomes a
//! `RuntimeError` that asks for a report. Extraction releases the GIL, so Python threads run meanwhile, and
//! `extract_many` runs on rayon's pool (the crate's batch API).

use std::panic::{AssertUnwindSafe, catch_unwind};

use cadre::output::{Record, RelationRow};
use cadre::{ExtractOptions, Gazetteer, PartialDate};
use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyDict, PyList, PyString};

/// Runs `f`, turning a panic into a Python `RuntimeError`.
fn guard<T>(f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|panic| {
        let what = (panic.downcast_ref::<&str>().map(|s| s.to_string()))
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown".into());
        Err(PyRuntimeError::new_err(format!(
            "cadre: internal error ({what}); please report it with the input that caused it"
        )))
    })
}

// ------------------------------------------------------------------------------------------------ data

/// A span of the input: byte offsets into its UTF-8 encoding, `start` inclusive, `end` exclusive.
///
/// Python strings are indexed by code point, not byte: `text.encode()[span.start:span.end].decode()` gives the
/// covered text, as does `span.of(text)`.
#[pyclass(frozen, eq, hash, module = "cadre", get_all)]
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Span {
    start: usize,
    end: usize,
}

#[pymethods]
impl Span {
    #[new]
    fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The text this span covers in `text` (the string the document was extracted from).
    fn of(&self, text: &str) -> PyResult<String> {
        text.get(self.start..self.end)
            .map(str::to_owned)
            .ok_or_else(|| PyValueError::new_err("the span is not within this text"))
    }

    fn __repr__(&self) -> String {
        format!("Span({}, {})", self.start, self.end)
    }
}

fn spans(s: &[cadre::Span]) -> Vec<Span> {
    s.iter()
        .map(|s| Span {
            start: s.start,
            end: s.end,
        })
        .collect()
}

/// A person the text names, once per document, under the fullest name it gives.
#[pyclass(frozen, module = "cadre", get_all)]
struct Person {
    /// The canonical name (the gazetteer's spelling when linked).
    name: String,
    /// The rank ("Senior Lieutenant General"), when stated.
    rank: Option<String>,
    /// The gazetteer id ("to-lam"), when linked.
    gazetteer_id: Option<String>,
    /// Every mention.
    mentions: Vec<Span>,
    /// The rule that found the person.
    rule: String,
}

/// A named body (Party, state, army, mass organisation, foreign or international).
#[pyclass(frozen, module = "cadre", get_all)]
struct Organisation {
    name: String,
    gazetteer_id: Option<String>,
    /// The gazetteer's kind ("party", "state", "military", "foreign" …), when known.
    kind: Option<String>,
    mentions: Vec<Span>,
    rule: String,
}

/// A place the text names.
#[pyclass(frozen, module = "cadre", get_all)]
struct Location {
    name: String,
    gazetteer_id: Option<String>,
    mentions: Vec<Span>,
}

/// A legal or Party document the text names ("Resolution No. 8").
#[pyclass(frozen, module = "cadre", get_all)]
struct NamedDocument {
    name: String,
    /// Its number ("8", "57-NQ/TW"), when stated.
    number: Option<String>,
    /// Its ISO date, when stated.
    date: Option<String>,
    mentions: Vec<Span>,
    rule: String,
}

/// An event the article reports: its kind, ISO date and place when known.
#[pyclass(frozen, module = "cadre", get_all)]
struct Event {
    /// The document-local id ("e1") that relations refer to.
    id: String,
    /// One of the kinds of the annotation guide ("meeting", "visit", "appointment" …).
    kind: String,
    date: Option<String>,
    location: Option<String>,
    mentions: Vec<Span>,
    rule: String,
}

/// A relation: the person holds (or, when `past`, held) the role in the organisation, as the text states.
#[pyclass(frozen, module = "cadre", get_all)]
struct Relation {
    /// The person's canonical name.
    person: String,
    /// The person's gazetteer id, when linked.
    gazetteer_id: Option<String>,
    /// The person's rank, when stated.
    rank: Option<String>,
    /// The post ("Secretary").
    role: String,
    /// The organisation's name; `None` for a post of no body (President of the State).
    organisation: Option<String>,
    /// The id of the event at which the text presents the person in this post.
    event: Option<String>,
    /// That event's kind and ISO date.
    event_kind: Option<String>,
    event_date: Option<String>,
    past: bool,
    /// The title's words in the text.
    evidence: Span,
    rule: String,
}

/// A post the gazetteer knows for an official, with its public source.
#[pyclass(frozen, module = "cadre", get_all)]
struct KnownPost {
    /// The official's gazetteer id and name.
    official: String,
    name: String,
    role: String,
    organisation: Option<String>,
    /// When the post began and ended (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`); `end` is `None` when ongoing at the
    /// source's date or unknown.
    start: Option<String>,
    end: Option<String>,
    /// The public page that states it.
    source: String,
}

#[pymethods]
impl KnownPost {
    fn __repr__(&self) -> String {
        format!(
            "KnownPost({:?}, {:?}, {:?}, {}..{})",
            self.official,
            self.role,
            self.organisation.as_deref().unwrap_or(""),
            self.start.as_deref().unwrap_or("?"),
            self.end.as_deref().unwrap_or("")
        )
    }
}

macro_rules! repr_by_name {
    ($($t:ident),*) => {$(
        #[pymethods]
        impl $t {
            fn __repr__(&self) -> String {
                format!(concat!(stringify!($t), "({:?})"), self.name)
            }
        }
    )*};
}
repr_by_name!(Person, Organisation, Location, NamedDocument);

#[pymethods]
impl Event {
    fn __repr__(&self) -> String {
        format!(
            "Event({:?}, {:?}, date={:?})",
            self.id, self.kind, self.date
        )
    }
}

#[pymethods]
impl Relation {
    fn __repr__(&self) -> String {
        format!(
            "Relation({:?}, {:?}, {:?}, past={})",
            self.person,
            self.role,
            self.organisation.as_deref().unwrap_or(""),
            if self.past { "True" } else { "False" }
        )
    }
}

/// What cadre found in one text. Attributes are built from the Rust result when read; `to_dict()` gives the JSON
/// object the scorer reads (`shared/eval/OUTPUT.md`), `to_json()` the same as a string, equal to the `dump`
/// example's line.
#[pyclass(frozen, module = "cadre")]
struct Document {
    id: String,
    published: Option<String>,
    inner: cadre::Document,
}

#[pymethods]
impl Document {
    /// The caller's id of the document (`""` when none was given).
    #[getter]
    fn id(&self) -> &str {
        &self.id
    }

    /// The publication date used (ISO), when one was given.
    #[getter]
    fn published(&self) -> Option<&str> {
        self.published.as_deref()
    }

    #[getter]
    fn persons(&self) -> Vec<Person> {
        (self.inner.persons.iter())
            .map(|p| Person {
                name: p.name.clone(),
                rank: p.rank.clone(),
                gazetteer_id: p.gazetteer_id.clone(),
                mentions: spans(&p.mentions),
                rule: p.rule.clone(),
            })
            .collect()
    }

    #[getter]
    fn organisations(&self) -> Vec<Organisation> {
        (self.inner.organisations.iter())
            .map(|o| Organisation {
                name: o.name.clone(),
                gazetteer_id: o.gazetteer_id.clone(),
                kind: o.kind.clone(),
                mentions: spans(&o.mentions),
                rule: o.rule.clone(),
            })
            .collect()
    }

    #[getter]
    fn locations(&self) -> Vec<Location> {
        (self.inner.locations.iter())
            .map(|l| Location {
                name: l.name.clone(),
                gazetteer_id: l.gazetteer_id.clone(),
                mentions: spans(&l.mentions),
            })
            .collect()
    }

    #[getter]
    fn documents(&self) -> Vec<NamedDocument> {
        (self.inner.documents.iter())
            .map(|d| NamedDocument {
                name: d.name.clone(),
                number: d.number.clone(),
                date: d.date.clone(),
                mentions: spans(&d.mentions),
                rule: d.rule.clone(),
            })
            .collect()
    }

    #[getter]
    fn events(&self) -> Vec<Event> {
        (self.inner.events.iter())
            .map(|e| Event {
                id: e.id.clone(),
                kind: e.kind.name().to_owned(),
                date: e.date.clone(),
                location: e.location.clone(),
                mentions: spans(&e.mentions),
                rule: e.rule.clone(),
            })
            .collect()
    }

    #[getter]
    fn relations(&self) -> Vec<Relation> {
        let doc = &self.inner;
        (doc.relations.iter().zip(RelationRow::all(&self.id, doc)))
            .map(|(r, row)| Relation {
                person: row.person.to_owned(),
                gazetteer_id: row.gazetteer_id.map(str::to_owned),
                rank: row.rank.map(str::to_owned),
                role: row.role.to_owned(),
                organisation: row.organisation.map(str::to_owned),
                event: r.event.map(|e| doc.events[e].id.clone()),
                event_kind: row.event_kind.map(str::to_owned),
                event_date: row.event_date.map(str::to_owned),
                past: row.past,
                evidence: Span {
                    start: row.evidence.0,
                    end: row.evidence.1,
                },
                rule: row.rule.to_owned(),
            })
            .collect()
    }

    /// One dict per relation, flat, with the document id: the columns of `cadre extract --format tsv`
    /// (`id, person, gazetteer_id, rank, role, organisation, event_kind, event_date, past, evidence_start,
    /// evidence_end, rule`). The rows of `relations_frame` and of the Spark job.
    fn relation_rows<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let rows = PyList::empty(py);
        for r in RelationRow::all(&self.id, &self.inner) {
            let d = PyDict::new(py);
            d.set_item("id", r.id)?;
            d.set_item("person", r.person)?;
            d.set_item("gazetteer_id", r.gazetteer_id)?;
            d.set_item("rank", r.rank)?;
            d.set_item("role", r.role)?;
            d.set_item("organisation", r.organisation)?;
            d.set_item("event_kind", r.event_kind)?;
            d.set_item("event_date", r.event_date)?;
            d.set_item("past", r.past)?;
            d.set_item("evidence_start", r.evidence.0)?;
            d.set_item("evidence_end", r.evidence.1)?;
            d.set_item("rule", r.rule)?;
            rows.append(d)?;
        }
        Ok(rows)
    }

    /// The scorer's JSON object (`shared/eval/OUTPUT.md`) as a string: the `dump` example's line for this text.
    fn to_json(&self) -> PyResult<String> {
        guard(|| {
            serde_json::to_string(&Record::new(&self.id, &self.inner))
                .map_err(|e| PyRuntimeError::new_err(e.to_string()))
        })
    }

    /// The scorer's JSON object (`shared/eval/OUTPUT.md`) as Python dicts and lists.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let json = self.to_json()?;
        py.import("json")?.call_method1("loads", (json,))
    }

    fn __repr__(&self) -> String {
        format!(
            "Document(id={:?}, persons={}, relations={}, events={})",
            self.id,
            self.inner.persons.len(),
            self.inner.relations.len(),
            self.inner.events.len()
        )
    }
}

// ------------------------------------------------------------------------------------------------ input

/// A publication date from Python: `None`, an ISO string (`"2024-11-27"`), or a `datetime.date` /
/// `datetime.datetime` (anything with `year`, `month` and `day`).
fn published_of(value: &Bound<'_, PyAny>) -> PyResult<Option<(i32, u32, u32)>> {
    if value.is_none() {
        return Ok(None);
    }
    if let Ok(s) = value.cast::<PyString>() {
        let s = s.to_cow()?;
        let d: PartialDate = s.parse().map_err(PyValueError::new_err)?;
        if d.month == 0 || d.day == 0 {
            return Err(PyValueError::new_err(format!(
                "published: `{s}` is not a day (YYYY-MM-DD)"
            )));
        }
        return Ok(Some((
            i32::from(d.year),
            u32::from(d.month),
            u32::from(d.day),
        )));
    }
    match (
        value.getattr("year"),
        value.getattr("month"),
        value.getattr("day"),
    ) {
        (Ok(y), Ok(m), Ok(d)) => Ok(Some((y.extract()?, m.extract()?, d.extract()?))),
        _ => Err(PyTypeError::new_err(format!(
            "published must be None, an ISO date string or a datetime.date, not {}",
            value.get_type().name()?
        ))),
    }
}

fn iso(p: Option<(i32, u32, u32)>) -> Option<String> {
    p.map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"))
}

/// The text argument: a `str`, or a `TypeError` that says what was given.
fn text_of(value: &Bound<'_, PyAny>, what: &str) -> PyResult<PyBackedStr> {
    let s = value.cast::<PyString>().map_err(|_| {
        let given = value
            .get_type()
            .name()
            .map(|n| n.to_string())
            .unwrap_or_else(|_| "?".into());
        PyTypeError::new_err(format!("{what} must be str, not {given}"))
    })?;
    s.to_owned().try_into()
}

// ------------------------------------------------------------------------------------------------ extractor

/// The extractor a Python `Extractor` holds: the process-wide default, or one built from the user's files.
enum Held {
    Default(&'static cadre::Extractor),
    Own(Box<cadre::Extractor>),
}

impl Held {
    fn get(&self) -> &cadre::Extractor {
        match self {
            Held::Default(e) => e,
            Held::Own(e) => e,
        }
    }
}

/// A reusable extractor: the embedded gazetteers, plus the user's files.
///
/// ``Extractor()`` uses the embedded gazetteers (built once per process and shared). ``Extractor(gazetteers=
/// ["my-officials.tsv", "posts=extra.tsv"])`` adds files, each named after its table or given as
/// ``KIND=FILE``; a malformed line raises ``GazetteerError`` with ``file`` and ``line``.
#[pyclass(frozen, module = "cadre")]
struct Extractor {
    held: Held,
}

#[pymethods]
impl Extractor {
    #[new]
    #[pyo3(signature = (gazetteers = None))]
    fn new(py: Python<'_>, gazetteers: Option<Vec<String>>) -> PyResult<Self> {
        let Some(files) = gazetteers.filter(|g| !g.is_empty()) else {
            return Ok(Extractor {
                held: Held::Default(py.detach(|| guard(|| Ok(cadre::Extractor::default_ref())))?),
            });
        };
        let mut b = cadre::Extractor::builder();
        for f in &files {
            let (kind, path) = Gazetteer::for_argument(f).ok_or_else(|| {
                PyValueError::new_err(format!(
                    "{f}: which table is it? Name the file after one (my-officials.tsv, extra_posts.tsv) or \
                     write KIND=FILE (officials=people.tsv)"
                ))
            })?;
            b = b.gazetteer_file(kind, path);
        }
        let built = py.detach(|| guard(|| Ok(b.build())))?;
        match built {
            Ok(e) => Ok(Extractor {
                held: Held::Own(Box::new(e)),
            }),
            Err(e) => Err(gazetteer_error(py, &e)),
        }
    }

    /// Extracts from one text. `published`: the publication date (ISO string or `datetime.date`), which
    /// resolves "on Wednesday"; without it a leading `date YYYY-MM-DD` line of the text is read. `id`: the
    /// document's id in `to_dict()`.
    #[pyo3(signature = (text, published = None, *, id = None))]
    fn extract(
        &self,
        py: Python<'_>,
        text: &Bound<'_, PyAny>,
        published: Option<&Bound<'_, PyAny>>,
        id: Option<String>,
    ) -> PyResult<Document> {
        let text = text_of(text, "text")?;
        let published = published.map(published_of).transpose()?.flatten();
        let options = ExtractOptions {
            published,
            ..Default::default()
        };
        let inner = py.detach(|| guard(|| Ok(self.held.get().extract_with(&text, &options))))?;
        Ok(Document {
            id: id.unwrap_or_default(),
            published: iso(published),
            inner,
        })
    }

    /// Extracts from many texts in parallel (rayon, the GIL released), returning documents in input order.
    /// `published`: one date for all, or a list with one per text (`None` items allowed). `threads`: the number
    /// of worker threads (default: one per core). `ids`: one id per text (default: `"0"`, `"1"`, …).
    #[pyo3(signature = (texts, published = None, threads = None, *, ids = None))]
    fn extract_many(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        published: Option<&Bound<'_, PyAny>>,
        threads: Option<usize>,
        ids: Option<Vec<String>>,
    ) -> PyResult<Vec<Document>> {
        if texts.is_instance_of::<PyString>() {
            return Err(PyTypeError::new_err(
                "texts must be a sequence of str, not one str (use extract for one text)",
            ));
        }
        let texts: Vec<PyBackedStr> = (texts.try_iter()?.enumerate())
            .map(|(i, t)| text_of(&t?, &format!("texts[{i}]")))
            .collect::<PyResult<_>>()?;
        let dates = dates_for(published, texts.len())?;
        if let Some(ids) = &ids
            && ids.len() != texts.len()
        {
            return Err(PyValueError::new_err(format!(
                "ids has {} items for {} texts",
                ids.len(),
                texts.len()
            )));
        }
        if threads == Some(0) {
            return Err(PyValueError::new_err("threads must be at least 1"));
        }
        let jobs: Vec<(&str, ExtractOptions)> = (texts.iter().zip(&dates))
            .map(|(t, &published)| {
                let options = ExtractOptions {
                    published,
                    ..Default::default()
                };
                (&**t, options)
            })
            .collect();
        let ex = self.held.get();
        let docs = py.detach(|| {
            guard(|| match threads {
                None => Ok(ex.extract_batch_with(&jobs)),
                Some(n) => rayon::ThreadPoolBuilder::new()
                    .num_threads(n)
                    .build()
                    .map_err(|e| PyRuntimeError::new_err(e.to_string()))
                    .map(|pool| pool.install(|| ex.extract_batch_with(&jobs))),
            })
        })?;
        Ok((docs.into_iter().zip(dates).enumerate())
            .map(|(i, (inner, published))| Document {
                id: ids
                    .as_ref()
                    .map_or_else(|| i.to_string(), |ids| ids[i].clone()),
                published: iso(published),
                inner,
            })
            .collect())
    }

    /// The posts the gazetteer knows for an official (gazetteer id, name or alias, diacritics and case aside),
    /// held at some time within `date` (`"2024"`, `"2024-11"`, `"2024-11-27"`, a `datetime.date`), or all
    /// posts when `date` is `None`. A name two officials share gives the posts of both (see `official`).
    #[pyo3(signature = (name_or_id, date = None))]
    fn known_posts(
        &self,
        name_or_id: &str,
        date: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Vec<KnownPost>> {
        let date = date.map(partial_date_of).transpose()?.flatten();
        guard(|| Ok(known_posts(self.held.get(), name_or_id, date)))
    }

    /// How many entries each table holds, as a dict (`officials`, `posts`, `organisations` …).
    fn stats<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for (name, n) in self.held.get().stats() {
            d.set_item(name, n)?;
        }
        Ok(d)
    }

    fn __repr__(&self) -> String {
        match self.held {
            Held::Default(_) => "Extractor(default gazetteers)".into(),
            Held::Own(_) => "Extractor(default gazetteers + user files)".into(),
        }
    }
}

/// One date per text: none, one for all, or a sequence with one per text.
fn dates_for(
    published: Option<&Bound<'_, PyAny>>,
    n: usize,
) -> PyResult<Vec<Option<(i32, u32, u32)>>> {
    let Some(p) = published.filter(|p| !p.is_none()) else {
        return Ok(vec![None; n]);
    };
    if p.is_instance_of::<PyString>() || p.hasattr("year")? {
        return Ok(vec![published_of(p)?; n]);
    }
    let dates: Vec<_> = (p.try_iter()?)
        .map(|d| published_of(&d?))
        .collect::<PyResult<_>>()?;
    if dates.len() != n {
        return Err(PyValueError::new_err(format!(
            "published has {} dates for {n} texts",
            dates.len()
        )));
    }
    Ok(dates)
}

/// A date of any precision (`"2024"`, `"2024-11"`, a `datetime.date`).
fn partial_date_of(value: &Bound<'_, PyAny>) -> PyResult<Option<PartialDate>> {
    if let Ok(s) = value.cast::<PyString>() {
        return s.to_cow()?.parse().map(Some).map_err(PyValueError::new_err);
    }
    Ok(published_of(value)?.map(|(y, m, d)| PartialDate {
        year: y.clamp(0, 9999) as u16,
        month: m as u8,
        day: d as u8,
    }))
}

fn known_posts(
    ex: &cadre::Extractor,
    name_or_id: &str,
    date: Option<PartialDate>,
) -> Vec<KnownPost> {
    let mut out = Vec::new();
    for o in ex.officials(name_or_id) {
        let held: Vec<cadre::KnownPost> = match date {
            Some(d) => ex.known_posts(&o.id, d),
            None => o.posts,
        };
        out.extend(held.into_iter().map(|p| KnownPost {
            official: o.id.clone(),
            name: o.name.clone(),
            role: p.role,
            organisation: p.organisation,
            start: p.from.map(|d| d.to_string()),
            end: p.to.map(|d| d.to_string()),
            source: p.source,
        }));
    }
    out
}

/// A build error as the Python package's `GazetteerError` (with `file` and `line`), or an `OSError`.
fn gazetteer_error(py: Python<'_>, e: &cadre::BuildError) -> PyErr {
    match e {
        // PyO3 maps the error's kind to Python's class (FileNotFoundError, PermissionError …).
        cadre::BuildError::Io { source, .. } => {
            PyErr::from(std::io::Error::new(source.kind(), e.to_string()))
        }
        cadre::BuildError::Gazetteer {
            file,
            line,
            message,
        } => {
            let made = (py.import("cadre._errors"))
                .and_then(|m| m.getattr("GazetteerError"))
                .and_then(|cls| cls.call1((e.to_string(), file.as_str(), *line, message.as_str())));
            match made {
                Ok(err) => PyErr::from_value(err),
                Err(err) => err,
            }
        }
    }
}

// ------------------------------------------------------------------------------------------------ module

/// Extracts from one text with the default gazetteers (see `Extractor.extract`).
#[pyfunction]
#[pyo3(signature = (text, published = None, *, id = None))]
fn extract(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    published: Option<&Bound<'_, PyAny>>,
    id: Option<String>,
) -> PyResult<Document> {
    let ex = Extractor {
        held: Held::Default(py.detach(|| guard(|| Ok(cadre::Extractor::default_ref())))?),
    };
    ex.extract(py, text, published, id)
}

/// The posts the default gazetteers know for an official at a date (see `Extractor.known_posts`).
#[pyfunction]
#[pyo3(signature = (name_or_id, date = None))]
fn known_posts_default(
    py: Python<'_>,
    name_or_id: &str,
    date: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<KnownPost>> {
    let ex = py.detach(|| guard(|| Ok(cadre::Extractor::default_ref())))?;
    let date = date.map(partial_date_of).transpose()?.flatten();
    guard(|| Ok(known_posts(ex, name_or_id, date)))
}

#[pymodule]
fn _cadre(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Extractor>()?;
    m.add_class::<Document>()?;
    m.add_class::<Person>()?;
    m.add_class::<Organisation>()?;
    m.add_class::<Location>()?;
    m.add_class::<NamedDocument>()?;
    m.add_class::<Event>()?;
    m.add_class::<Relation>()?;
    m.add_class::<Span>()?;
    m.add_class::<KnownPost>()?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(known_posts_default, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
