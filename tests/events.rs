//! The events pass's example table (`src/rules/event_examples.tsv`): every trigger shape, filter, date form and
//! way a relation finds its event, on sentences written for it; and every rule with a positive example.

use cadre::{Document, extract};

const EXAMPLES: &str = include_str!("../src/rules/event_examples.tsv");

struct Example<'a> {
    line: usize,
    rule: &'a str,
    positive: bool,
    text: String,
    items: Vec<Item<'a>>,
}

/// What an example expects.
#[derive(Debug)]
enum Item<'a> {
    /// An event of this kind and date.
    Event(&'a str, Option<&'a str>),
    /// Exactly this many events of this kind and date (`kind|date*N`).
    Count(&'a str, Option<&'a str>, usize),
    /// A relation of this person belongs to an event of this kind (None: to no event).
    Takes(&'a str, Option<&'a str>),
}

fn examples() -> Vec<Example<'static>> {
    let mut out = Vec::new();
    let mut header = true;
    for (n, line) in EXAMPLES.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if header {
            assert_eq!(line, "rule\texpect\ttext\titems");
            header = false;
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 4, "line {}: four columns", n + 1);
        let items = f[3]
            .split(" ; ")
            .map(|i| {
                let (a, b) = i
                    .trim()
                    .split_once('|')
                    .unwrap_or_else(|| panic!("line {}: item `{i}`", n + 1));
                let (b, count) = match b.split_once('*') {
                    Some((b, n)) => (b, Some(n.parse().expect("a count after `*`"))),
                    None => (b, None),
                };
                let b = (b != "-").then_some(b);
                match (a.strip_prefix('@'), count) {
                    (Some(person), _) => Item::Takes(person, b),
                    (None, Some(n)) => Item::Count(a, b, n),
                    (None, None) => Item::Event(a, b),
                }
            })
            .collect();
        out.push(Example {
            line: n + 1,
            rule: f[0],
            positive: match f[1] {
                "+" => true,
                "-" => false,
                e => panic!("line {}: expect `{e}`", n + 1),
            },
            text: f[2].replace("\\n", "\n"),
            items,
        });
    }
    out
}

/// Whether the document holds the item. A negative event item with no date means "no event of that kind".
fn holds(doc: &Document, item: &Item<'_>, positive: bool) -> bool {
    match *item {
        Item::Event(kind, date) => doc.events.iter().any(|e| {
            e.kind.name() == kind && (e.date.as_deref() == date || (!positive && date.is_none()))
        }),
        Item::Count(kind, date, n) => {
            let found = doc
                .events
                .iter()
                .filter(|e| e.kind.name() == kind && e.date.as_deref() == date)
                .count();
            found == n
        }
        Item::Takes(person, kind) => doc.relations.iter().any(|r| {
            doc.persons[r.person].name == person
                && r.event.map(|e| doc.events[e].kind.name()) == kind
        }),
    }
}

#[test]
fn every_example_holds() {
    let mut failures = Vec::new();
    for ex in examples() {
        let doc = extract(&ex.text);
        for item in &ex.items {
            if holds(&doc, item, ex.positive) != ex.positive {
                let events: Vec<_> = doc
                    .events
                    .iter()
                    .map(|e| (e.kind.name(), e.date.clone()))
                    .collect();
                let relations: Vec<_> = doc
                    .relations
                    .iter()
                    .map(|r| {
                        (
                            doc.persons[r.person].name.clone(),
                            r.role.clone(),
                            r.event.map(|e| doc.events[e].kind.name()),
                        )
                    })
                    .collect();
                failures.push(format!(
                    "line {} ({}): {} {item:?}; events {events:?}; relations {relations:?}",
                    ex.line,
                    ex.rule,
                    if ex.positive { "missing" } else { "unwanted" },
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_filter_has_a_negative_example_and_every_date_form_a_positive_one() {
    let all = examples();
    for rule in [
        "object",
        "not-happening",
        "modal",
        "planned-after",
        "noun",
        "in-document",
        "prior",
        "counterpart",
        "meets-each",
        "spanning",
        "passive-by",
        "sitting",
        "departs-for",
        "date-stamp",
        "framing",
        "at-plenum",
        "date-same-day",
        "sequel",
        "at-the-occasion",
        "visits-each",
        "day-of-stay",
        "numbered",
        "calls-on",
        "own-sitting",
        "caption",
        "site-visit",
    ] {
        assert!(
            all.iter().any(|e| e.rule == rule && !e.positive),
            "{rule}: no negative example"
        );
    }
    for rule in [
        "trigger-noun",
        "trigger-verb",
        "trigger-org",
        "same-kind",
        "date-full",
        "date-numeric",
        "date-weekday",
        "date-relative",
        "date-same-day",
        "sequel",
        "at-the-occasion",
        "visits-each",
        "day-of-stay",
        "date-paragraph",
        "participation-sentence",
        "participation-paragraph",
        "participation-past",
        "counterpart",
        "meets-each",
        "meeting-of-a-gathering",
        "spanning",
        "passive-by",
        "sitting",
        "participation-planned",
        "departs-for",
        "date-stamp",
        "framing",
        "at-plenum",
        "numbered",
        "calls-on",
        "own-sitting",
        "caption",
        "site-visit",
    ] {
        assert!(
            all.iter().any(|e| e.rule == rule && e.positive),
            "{rule}: no positive example"
        );
    }
}
