//! A page a person can read: the article with every mention marked by kind, and the relations below it.
//!
//! The page is self-contained (no network, no external script, style or font: its Content Security Policy
//! forbids them) and treats the article as untrusted text: everything from the text or the document is escaped,
//! so markup in an article shows as the characters it is made of.
//!
//! - Marks by kind (person, organisation, place, document, event) in colours and border styles that stay apart
//!   for colour-blind readers, explained by a legend.
//! - Hovering or focusing (Tab) a mark shows the canonical name, gazetteer id, rank and the rule that found it.
//! - A table of the relations (person, role, organisation, event, date, past, rule): hovering or focusing a row
//!   highlights the words of the text it rests on.
//!
//! ```
//! let text = "Prime Minister Phạm Minh Chính chaired the meeting. <script>alert(1)</script>";
//! let doc = cadre::extract(text);
//! let page = cadre::html::page("pm-1", text, &doc);
//! assert!(page.contains("data-kind=\"person\""));
//! assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
//! assert!(!page.contains("<script>alert"));
//! ```

use crate::model::{Document, Span};
use html_escape::{encode_double_quoted_attribute as attr, encode_text as text_of};
use std::fmt::Write;

/// The kinds of mark, in legend order: (kind, label).
const KINDS: [(&str, &str); 5] = [
    ("person", "Person"),
    ("organisation", "Organisation"),
    ("location", "Place"),
    ("document", "Document"),
    ("event", "Event"),
];

/// One marked stretch of the text.
struct Mark {
    span: Span,
    /// Evidence of relations (an anchor the table highlights), else a mention of `kind`.
    what: MarkKind,
}

enum MarkKind {
    /// The words of one or more relations: their indices.
    Evidence(Vec<usize>),
    /// A mention: its kind and the tooltip text.
    Mention(&'static str, String),
}

/// The page of one article: `title` (escaped), the article `text` and what was extracted from it.
///
/// Spans of `doc` that do not fit `text` (out of range, off a character boundary) are left unmarked; a mark that
/// crosses the end of an enclosing one is left out, so that marks always nest.
pub fn page(title: &str, text: &str, doc: &Document) -> String {
    let mut out = String::with_capacity(text.len() * 3 + 8192);
    head(&mut out, title, &highlight_style(doc.relations.len()));
    let _ = write!(out, "<main>\n<h1>{}</h1>\n", text_of(title));
    legend(&mut out);
    let _ = writeln!(
        out,
        "<p class=\"counts\">{} persons, {} organisations, {} places, {} documents, {} events, {} relations</p>",
        doc.persons.len(),
        doc.organisations.len(),
        doc.locations.len(),
        doc.documents.len(),
        doc.events.len(),
        doc.relations.len()
    );
    out.push_str("<article id=\"text\">");
    marked_text(&mut out, text, &marks(doc));
    out.push_str("</article>\n");
    relations_table(&mut out, text, doc);
    events_table(&mut out, doc);
    out.push_str("</main>\n");
    out.push_str("</body>\n</html>\n");
    out
}

/// A line of the index of several pages.
///
/// ```
/// use cadre::html::{IndexEntry, index};
/// let page = index("Articles", &[IndexEntry { href: "a.html", title: "a", persons: 2, relations: 1, events: 0 }]);
/// assert!(page.contains("href=\"a.html\""));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IndexEntry<'a> {
    /// The page's address relative to the index (escaped, but not checked: give a relative file name).
    pub href: &'a str,
    /// The article's title or id.
    pub title: &'a str,
    /// How many persons it names.
    pub persons: usize,
    /// How many relations were found.
    pub relations: usize,
    /// How many events.
    pub events: usize,
}

/// An index page linking to the pages of several articles.
pub fn index(title: &str, entries: &[IndexEntry]) -> String {
    let mut out = String::new();
    head(&mut out, title, "");
    let _ = write!(
        out,
        "<main>\n<h1>{}</h1>\n<table>\n<thead><tr><th scope=\"col\">Article</th><th scope=\"col\">Persons</th>\
         <th scope=\"col\">Relations</th><th scope=\"col\">Events</th></tr></thead>\n<tbody>\n",
        text_of(title)
    );
    for e in entries {
        let _ = writeln!(
            out,
            "<tr><td><a href=\"{}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td></tr>",
            attr(e.href),
            text_of(e.title),
            e.persons,
            e.relations,
            e.events
        );
    }
    out.push_str("</tbody>\n</table>\n</main>\n</body>\n</html>\n");
    out
}

/// The document's head: the policy that forbids every outside resource and all scripts, and the style.
fn head(out: &mut String, title: &str, extra_style: &str) {
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; \
         script-src 'none'; img-src 'none'; connect-src 'none'; font-src 'none'; form-action 'none'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{} · cadre</title>\n<style>{STYLE}{extra_style}</style>\n</head>\n<body>\n",
        text_of(title)
    );
}

fn legend(out: &mut String) {
    out.push_str("<ul class=\"legend\" aria-label=\"Legend\">");
    for (kind, label) in KINDS {
        let _ = write!(out, "<li><mark data-kind=\"{kind}\">{label}</mark></li>");
    }
    out.push_str(
        "<li><span class=\"ev hl\">Evidence of the relation under the pointer</span></li></ul>\n",
    );
}

/// Every mark of the document, sorted so that an enclosing mark comes before what it encloses.
fn marks(doc: &Document) -> Vec<Mark> {
    let mut marks = Vec::new();
    let or_none = |s: Option<&str>| s.unwrap_or("—").to_owned();
    for p in &doc.persons {
        let tip = format!(
            "Person: {}\nid: {}\nrank: {}\nrule: {}",
            p.name,
            or_none(p.gazetteer_id.as_deref()),
            or_none(p.rank.as_deref()),
            p.rule
        );
        mentions(&mut marks, &p.mentions, "person", &tip);
    }
    for o in &doc.organisations {
        let tip = format!(
            "Organisation: {}\nid: {}\nkind: {}\nrule: {}",
            o.name,
            or_none(o.gazetteer_id.as_deref()),
            or_none(o.kind.as_deref()),
            o.rule
        );
        mentions(&mut marks, &o.mentions, "organisation", &tip);
    }
    for l in &doc.locations {
        let tip = format!(
            "Place: {}\nid: {}",
            l.name,
            or_none(l.gazetteer_id.as_deref())
        );
        mentions(&mut marks, &l.mentions, "location", &tip);
    }
    for d in &doc.documents {
        let tip = format!(
            "Document: {}\nnumber: {}\ndated: {}\nrule: {}",
            d.name,
            or_none(d.number.as_deref()),
            or_none(d.date.as_deref()),
            d.rule
        );
        mentions(&mut marks, &d.mentions, "document", &tip);
    }
    for e in &doc.events {
        let tip = format!(
            "Event {}: {}\ndate: {}\nlocation: {}\nrule: {}",
            e.id,
            e.kind.name(),
            or_none(e.date.as_deref()),
            or_none(e.location.as_deref()),
            e.rule
        );
        mentions(&mut marks, &e.mentions, "event", &tip);
    }
    let mut evidence: Vec<(Span, usize)> = (doc.relations.iter().enumerate())
        .map(|(i, r)| (r.evidence, i))
        .collect();
    evidence.sort();
    for group in evidence.chunk_by(|a, b| a.0 == b.0) {
        marks.push(Mark {
            span: group[0].0,
            what: MarkKind::Evidence(group.iter().map(|&(_, i)| i).collect()),
        });
    }
    // Outer first: earlier start, then longer; at one span, evidence encloses the mentions.
    marks.sort_by_key(|m| {
        (
            m.span.start,
            std::cmp::Reverse(m.span.end),
            !matches!(m.what, MarkKind::Evidence(_)),
        )
    });
    marks
}

fn mentions(marks: &mut Vec<Mark>, spans: &[Span], kind: &'static str, tip: &str) {
    for &span in spans {
        marks.push(Mark {
            span,
            what: MarkKind::Mention(kind, tip.to_owned()),
        });
    }
}

/// The text with its marks, nested; marks that do not fit the text or cross an enclosing mark's end are left out.
fn marked_text(out: &mut String, text: &str, marks: &[Mark]) {
    let mut pos = 0;
    // The open marks, innermost last: where each ends and its closing tag.
    let mut open: Vec<(usize, &str)> = Vec::new();
    for m in marks {
        let Span { start, end } = m.span;
        if start >= end || start < pos || text.get(start..end).is_none() {
            continue;
        }
        while let Some(&(top, tag)) = open.last() {
            if top > start {
                break;
            }
            close(out, text, &mut pos, top, tag);
            open.pop();
        }
        if open.last().is_some_and(|&(top, _)| end > top) {
            continue; // crosses the enclosing mark's end
        }
        out.push_str(&text_of(&text[pos..start]));
        pos = start;
        match &m.what {
            MarkKind::Mention(kind, tip) => {
                let _ = write!(
                    out,
                    "<mark data-kind=\"{kind}\" tabindex=\"0\" data-tip=\"{t}\" aria-description=\"{t}\">",
                    t = attr(tip)
                );
                open.push((end, "</mark>"));
            }
            MarkKind::Evidence(rels) => {
                let ids: Vec<String> = rels.iter().map(|i| format!("r{}", i + 1)).collect();
                let _ = write!(out, "<span class=\"ev\" data-rels=\"{}\">", ids.join(" "));
                open.push((end, "</span>"));
            }
        }
    }
    while let Some((top, tag)) = open.pop() {
        close(out, text, &mut pos, top, tag);
    }
    out.push_str(&text_of(&text[pos..]));
}

/// Writes the text up to `end` and the closing `tag`.
fn close(out: &mut String, text: &str, pos: &mut usize, end: usize, tag: &str) {
    out.push_str(&text_of(&text[*pos..end]));
    *pos = end;
    out.push_str(tag);
}

/// The relations, a row each; a row under the pointer or focus highlights its evidence (see [`highlight_style`]).
fn relations_table(out: &mut String, text: &str, doc: &Document) {
    out.push_str(
        "<h2>Relations</h2>\n<table class=\"relations\">\n<thead><tr><th scope=\"col\">#</th>\
         <th scope=\"col\">Person</th><th scope=\"col\">Role</th><th scope=\"col\">Organisation</th>\
         <th scope=\"col\">Event</th><th scope=\"col\">Date</th><th scope=\"col\">Past</th>\
         <th scope=\"col\">Words</th><th scope=\"col\">Rule</th></tr></thead>\n<tbody>\n",
    );
    for (i, r) in doc.relations.iter().enumerate() {
        let person = &doc.persons[r.person];
        let org = r
            .organisation
            .map_or("—", |o| doc.organisations[o].name.as_str());
        let event = r.event.map(|e| &doc.events[e]);
        let kind = event.map_or(String::from("—"), |e| {
            format!("{} ({})", e.kind.name(), e.id)
        });
        let date = event.and_then(|e| e.date.as_deref()).unwrap_or("—");
        let words = text.get(r.evidence.start..r.evidence.end).unwrap_or("");
        let _ = writeln!(
            out,
            "<tr data-rel=\"r{n}\" tabindex=\"0\"><td>{n}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>\
             <td>{}</td><td>{}</td><td>{}</td><td><code>{}</code></td></tr>",
            text_of(&person.name),
            text_of(&r.role),
            text_of(org),
            text_of(&kind),
            text_of(date),
            if r.past { "past" } else { "" },
            text_of(words),
            text_of(&r.rule),
            n = i + 1,
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

/// The events, a row each.
fn events_table(out: &mut String, doc: &Document) {
    out.push_str(
        "<h2>Events</h2>\n<table class=\"events\">\n<thead><tr><th scope=\"col\">Id</th>\
         <th scope=\"col\">Kind</th><th scope=\"col\">Date</th><th scope=\"col\">Location</th>\
         <th scope=\"col\">Rule</th></tr></thead>\n<tbody>\n",
    );
    for e in &doc.events {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td><code>{}</code></td></tr>",
            text_of(&e.id),
            e.kind.name(),
            text_of(e.date.as_deref().unwrap_or("—")),
            text_of(e.location.as_deref().unwrap_or("—")),
            text_of(&e.rule),
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

/// One style rule per relation: while its row is under the pointer or focused, its evidence is highlighted.
/// Pure CSS (`:has`), so the page needs no script at all.
fn highlight_style(relations: usize) -> String {
    let mut out = String::new();
    for i in 1..=relations {
        let _ = writeln!(
            out,
            "main:has(tr[data-rel=\"r{i}\"]:is(:hover, :focus)) .ev[data-rels~=\"r{i}\"] {{ \
             background: #222; color: #fff; outline: 3px solid #d55e00; }}"
        );
    }
    out
}

/// The page's style: kinds told apart by colour and border style (Okabe–Ito hues on light tints, dark text).
const STYLE: &str = "
body { font: 16px/1.6 system-ui, sans-serif; color: #111; background: #fff; margin: 0; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem 4rem; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
article { white-space: pre-wrap; border: 1px solid #ccc; padding: 1rem; border-radius: 4px; }
mark { position: relative; color: inherit; padding: 0 1px; border-radius: 2px; }
mark[data-kind=person] { background: #d6ebff; border-bottom: 2px solid #0072b2; }
mark[data-kind=organisation] { background: #ffe9c7; border-bottom: 2px dashed #a35f00; }
mark[data-kind=location] { background: #d2f4e4; border-bottom: 2px dotted #007a5a; }
mark[data-kind=document] { background: #f6dcec; border-bottom: 3px double #a4487f; }
mark[data-kind=event] { background: #fff4b0; border-bottom: 2px solid #7a6a00; border-bottom-style: wavy; }
mark[data-tip]:hover::after, mark[data-tip]:focus::after {
  content: attr(data-tip); position: absolute; left: 0; top: 1.6em; z-index: 10; white-space: pre;
  background: #111; color: #fff; font-size: 0.85rem; line-height: 1.4; padding: 0.4rem 0.6rem;
  border-radius: 4px; box-shadow: 0 2px 6px rgba(0,0,0,.3); pointer-events: none; }
mark:focus, tr:focus { outline: 3px solid #d55e00; outline-offset: 1px; }
.ev.hl { background: #222; color: #fff; outline: 3px solid #d55e00; }
.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.6rem 1.2rem; }
.counts { color: #444; }
table { border-collapse: collapse; width: 100%; font-size: 0.92rem; }
th, td { border: 1px solid #ccc; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: #f2f2f2; }
tbody tr:hover { background: #f7f7f7; }
code { font-size: 0.85rem; }
";
