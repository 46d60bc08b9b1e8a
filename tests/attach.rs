//! The relation grammar's example table (`src/rules/relations/examples.tsv`): every example of every rule, and
//! every attachment rule with at least three positive and two negative examples.

mod common;

use cadre::{ATTACHMENT_RULES, Document, extract};

const EXAMPLES: &str = include_str!("../src/rules/relations/examples.tsv");

struct Example<'a> {
    line: usize,
    rule: &'a str,
    positive: bool,
    text: String,
    relations: Vec<(&'a str, &'a str, Option<&'a str>, bool)>,
}

fn examples() -> Vec<Example<'static>> {
    let mut out = Vec::new();
    let mut header = true;
    for (n, line) in EXAMPLES.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if header {
            assert_eq!(line, "rule\texpect\ttext\trelations");
            header = false;
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 4, "line {}: four columns", n + 1);
        let relations = f[3]
            .split(" ; ")
            .filter(|r| !r.trim().is_empty())
            .map(|r| {
                let p: Vec<&str> = r.trim().split('|').collect();
                assert!(p.len() == 3 || p.len() == 4, "line {}: {r}", n + 1);
                let org = (p[2] != "-").then_some(p[2]);
                (p[0], p[1], org, p.get(3) == Some(&"past"))
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
            relations,
        });
    }
    out
}

/// (person, role, organisation, past, rule, organisation's rule) of a relation.
type Found = (String, String, Option<String>, bool, String, Option<String>);

/// Every relation of a document.
fn relations(doc: &Document) -> Vec<Found> {
    doc.relations
        .iter()
        .map(|r| {
            let org = r.organisation.map(|o| &doc.organisations[o]);
            (
                doc.persons[r.person].name.clone(),
                r.role.clone(),
                org.map(|o| o.name.clone()),
                r.past,
                r.rule.clone(),
                org.map(|o| o.rule.clone()),
            )
        })
        .collect()
}

#[test]
fn every_example_of_every_rule_holds() {
    let mut failures = Vec::new();
    for ex in examples() {
        let doc = extract(&ex.text);
        let found = relations(&doc);
        // The rule id is on the relation, except for a chain rule that builds the organisation (text-body,
        // foreign-body, owned-body), whose id is on the organisation, and a rule that finds the existing organisation of a
        // title that names none (`BODY_RULES`), which leaves no id: its examples are checked by what they produce.
        let resolves = BODY_RULES.contains(&ex.rule);
        assert!(
            !resolves || ex.positive || !ex.relations.is_empty(),
            "line {}: a negative example of {} lists the relations it must not give",
            ex.line,
            ex.rule
        );
        let attachment = !matches!(ex.rule, "text-body" | "foreign-body" | "owned-body");
        let produced = |&(p, r, o, past): &(&str, &str, Option<&str>, bool), by_rule: bool| {
            // Names compare without diacritics: a made-up name may be a real official's, and take the
            // gazetteer's spelling.
            found.iter().any(|(fp, fr, fo, fpast, rule, org_rule)| {
                common::words(fp) == common::words(p)
                    && fr == r
                    && fo.as_deref() == o
                    && (!by_rule || !past || *fpast)
                    && (!by_rule
                        || resolves
                        || if attachment {
                            rule == ex.rule
                        } else {
                            org_rule.as_deref() == Some(ex.rule)
                        })
            })
        };
        if ex.positive {
            for rel in &ex.relations {
                if !produced(rel, true) {
                    failures.push(format!(
                        "line {} ({}): missing {rel:?}; found {found:?}",
                        ex.line, ex.rule
                    ));
                }
            }
        } else if ex.relations.is_empty() {
            let by_rule = found.iter().any(|f| {
                if attachment {
                    f.4 == ex.rule
                } else {
                    f.5.as_deref() == Some(ex.rule)
                }
            });
            if by_rule {
                failures.push(format!(
                    "line {} ({}): the rule applied; found {found:?}",
                    ex.line, ex.rule
                ));
            }
        } else {
            for rel in &ex.relations {
                if produced(rel, false) {
                    failures.push(format!("line {} ({}): produced {rel:?}", ex.line, ex.rule));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The rules that find the organisation of a title that names none ("Deputy Minister Le Van A"), in the order
/// they are tried.
const BODY_RULES: [&str; 3] = ["electing-body", "sentence-body", "subject-body"];

#[test]
fn every_attachment_rule_has_three_positive_and_two_negative_examples() {
    let all = examples();
    for rule in ATTACHMENT_RULES
        .iter()
        .copied()
        .chain(["members-list", "joins-boards", "handover-to"])
        .chain(BODY_RULES)
    {
        let pos = all.iter().filter(|e| e.rule == rule && e.positive).count();
        let neg = all.iter().filter(|e| e.rule == rule && !e.positive).count();
        assert!(
            pos >= 3 && neg >= 2,
            "{rule}: {pos} positive, {neg} negative examples"
        );
    }
    for e in &all {
        assert!(
            ATTACHMENT_RULES.contains(&e.rule)
                || [
                    "text-body",
                    "owned-body",
                    "foreign-body",
                    "replacing",
                    "members-list",
                    "joins-boards",
                    "handover-to",
                    "counterpart"
                ]
                .contains(&e.rule)
                || BODY_RULES.contains(&e.rule),
            "line {}: unknown rule `{}`",
            e.line,
            e.rule
        );
    }
}
