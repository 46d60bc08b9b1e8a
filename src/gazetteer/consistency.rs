//! The facts of the embedded gazetteers checked against each other: every official has a sourced post, ids are
//! unique, tenures run forwards, two persons share a name only when each lists the other as a homonym, and a
//! post that one person holds at a time never has two holders at once.

use super::*;
use std::collections::{BTreeSet, HashSet};

fn defaults() -> Tables {
    with(
        Gazetteer::Officials.default_text(),
        Gazetteer::Posts.default_text(),
    )
}

#[test]
fn every_official_has_a_post_with_a_source() {
    let t = defaults();
    let with_post: HashSet<usize> = t.posts.iter().map(|p| p.official).collect();
    let without: Vec<&str> = (0..t.officials.len())
        .filter(|i| !with_post.contains(i))
        .map(|i| t.officials[i].id.as_str())
        .collect();
    assert!(without.is_empty(), "officials without a post: {without:?}");
    for p in &t.posts {
        assert!(p.source.starts_with("https://") || p.source.starts_with("http://"));
    }
}

#[test]
fn ids_are_unique() {
    let t = defaults();
    let ids = |v: Vec<&str>, table: &str| {
        let mut seen = HashSet::new();
        for id in v {
            assert!(seen.insert(id), "{table}: id `{id}` twice");
        }
    };
    ids(
        t.officials.iter().map(|o| o.id.as_str()).collect(),
        "officials",
    );
    ids(
        t.organisations.iter().map(|o| o.id.as_str()).collect(),
        "organisations",
    );
    ids(t.places.iter().map(|p| p.id.as_str()).collect(), "places");
    ids(t.bodies.iter().map(|b| b.id.as_str()).collect(), "bodies");
}

#[test]
fn tenures_run_forwards() {
    let t = defaults();
    for p in &t.posts {
        if let (Some(f), Some(to)) = (p.from, p.to) {
            let who = &t.officials[p.official].id;
            assert!(f.earliest() <= to.latest(), "{who} {}: {f} > {to}", p.role);
        }
    }
}

/// The defaults with the officials and posts tables replaced.
fn with(officials: &str, posts: &str) -> Tables {
    let mut sources = default_sources();
    sources.insert(
        Gazetteer::Officials,
        vec![("o.tsv".to_owned(), officials.to_owned())],
    );
    sources.insert(
        Gazetteer::Posts,
        vec![("p.tsv".to_owned(), posts.to_owned())],
    );
    Tables::parse(&sources).unwrap()
}

/// Names (folded) borne by two officials who do not list each other as homonyms, and homonyms declared
/// without a shared name.
fn undeclared_homonyms(t: &Tables) -> Vec<String> {
    let mut bearers: HashMap<String, BTreeSet<&str>> = HashMap::new();
    for o in &t.officials {
        for name in std::iter::once(&o.name).chain(&o.aliases) {
            bearers
                .entry(fold_str(name))
                .or_default()
                .insert(o.id.as_str());
        }
    }
    let declared = |a: &str, b: &str| {
        t.officials
            .iter()
            .find(|o| o.id == a)
            .is_some_and(|o| o.homonyms.iter().any(|h| h == b))
    };
    let mut out = Vec::new();
    for (name, ids) in &bearers {
        for a in ids {
            for b in ids {
                if a != b && !declared(a, b) {
                    out.push(format!("`{name}`: {a} does not list {b}"));
                }
            }
        }
    }
    for o in &t.officials {
        for h in &o.homonyms {
            let shared = bearers
                .values()
                .any(|ids| ids.contains(o.id.as_str()) && ids.contains(h.as_str()));
            if !shared {
                out.push(format!("{} lists {h}, but they share no name", o.id));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn names_are_shared_only_by_declared_homonyms() {
    let found = undeclared_homonyms(&defaults());
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn an_undeclared_shared_name_is_found() {
    let posts = "official\trole\torganisation\tfrom\tto\tsource\n\
                 a\tMember\tPolitburo\t2016\t2021\thttps://example.org/a\n\
                 b\tMember\tPolitburo\t2021\t2026\thttps://example.org/b\n";
    let officials = "id\tname\taliases\trank\tborn\thomonyms\n\
                     a\tLê Văn A\t\t\t\t\nb\tLe Van A\t\t\t\tc\nc\tLe Van C\t\t\t\t\n";
    assert_eq!(
        undeclared_homonyms(&with(officials, posts)),
        [
            "`le van a`: a does not list b",
            "`le van a`: b does not list a",
            "b lists c, but they share no name",
        ]
    );
    let officials = "id\tname\taliases\trank\tborn\thomonyms\n\
                     a\tLê Văn A\t\t\t\tb\nb\tLe Van A\t\t\t\ta\n";
    assert!(undeclared_homonyms(&with(officials, posts)).is_empty());
}

/// Posts that one person holds at a time, by role; the organisation tells the posts apart.
const SINGLE_HOLDER_ROLES: &[&str] = &[
    "General Secretary",
    "President",
    "Prime Minister",
    "Permanent Deputy Prime Minister",
    "Chairman",
    "Secretary",
    "Permanent Deputy Secretary",
    "Secretary General",
    "Minister",
    "Commander",
    "Political Commissar",
    "Director",
    "Head",
    "Chief",
    "Chief Justice",
    "Prosecutor General",
    "Inspector General",
    "Auditor General",
    "Governor",
];

/// Months since year 0, for comparing tenures at month precision.
fn month(d: (u16, u8, u8)) -> u32 {
    u32::from(d.0) * 12 + u32::from(d.1)
}

/// Two officials who hold one single-holder post at the same time.
fn overlapping_holders(t: &Tables) -> Vec<String> {
    /// (official, first month surely held, last month surely held).
    type Tenure = (usize, u32, u32);
    let mut tenures: HashMap<(String, Option<&str>), Vec<Tenure>> = HashMap::new();
    let now = month((2026, 12, 31));
    for p in &t.posts {
        let role = p.role.replace("Chairwoman", "Chairman");
        if !SINGLE_HOLDER_ROLES.contains(&role.as_str()) {
            continue;
        }
        // Only tenures known at both ends; "present" runs to now. A tenure counts from the last month its start
        // can mean to the first month its end can mean, and sources differ by days about a handover: two
        // tenures overlap when they share more than one month.
        let Some(from) = p.from else { continue };
        let to = match (p.to, p.ongoing) {
            (Some(to), _) => month(to.earliest()),
            (None, true) => now,
            (None, false) => continue,
        };
        tenures
            .entry((role, p.organisation_key.as_deref()))
            .or_default()
            .push((p.official, month(from.latest()), to));
    }
    let mut out = Vec::new();
    for ((role, org), list) in &tenures {
        for (i, a) in list.iter().enumerate() {
            for b in &list[i + 1..] {
                if a.0 != b.0 && a.1 + 1 < b.2 && b.1 + 1 < a.2 {
                    out.push(format!(
                        "{role} of {}: {} and {}",
                        org.unwrap_or("the State"),
                        t.officials[a.0].id,
                        t.officials[b.0].id
                    ));
                }
            }
        }
    }
    out.sort();
    out
}

#[test]
fn a_single_holder_post_never_has_two_holders_at_once() {
    let found = overlapping_holders(&defaults());
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn two_holders_at_once_are_found_but_a_handover_month_is_not() {
    let officials = "id\tname\taliases\trank\tborn\thomonyms\n\
                     a\tLê Văn A\t\t\t\t\nb\tLê Văn B\t\t\t\t\n";
    let posts = "official\trole\torganisation\tfrom\tto\tsource\n\
                 a\tSecretary\tDemo Party Committee\t2010-01\t2015-06\thttps://example.org/a\n\
                 b\tSecretary\tDemo Party Committee\t2014-06\tpresent\thttps://example.org/b\n";
    assert_eq!(
        overlapping_holders(&with(officials, posts)),
        ["Secretary of demo party committee: a and b"]
    );
    let posts = "official\trole\torganisation\tfrom\tto\tsource\n\
                 a\tSecretary\tDemo Party Committee\t2010-01\t2015-06-03\thttps://example.org/a\n\
                 b\tSecretary\tDemo Party Committee\t2015-06-01\tpresent\thttps://example.org/b\n\
                 a\tMember\tDemo Party Committee\t2010-01\t2015-06\thttps://example.org/a\n\
                 b\tMember\tDemo Party Committee\t2011\tpresent\thttps://example.org/b\n";
    assert!(overlapping_holders(&with(officials, posts)).is_empty());
}

#[test]
fn rows_of_one_tenure_complete_each_others_dates() {
    let officials = "id\tname\taliases\trank\tborn\thomonyms\nx\tLê Văn X\t\t\t\t\n";
    let posts = "official\trole\torganisation\tfrom\tto\tsource\n\
                 x\tSecretary\tDemo Party Committee\t2021-05\tpresent\thttps://example.org/old\n\
                 x\tSecretary\tDemo Party Committee\t\t2025-10\thttps://example.org/new\n\
                 x\tMember\tDemo Party Committee\t2010\t2012\thttps://example.org/m\n\
                 x\tMember\tDemo Party Committee\t2020\tpresent\thttps://example.org/m2\n\
                 x\tChairman\tDemo Provincial People's Council\t\tpresent\thttps://example.org/c\n\
                 x\tChairman\tDemo Provincial People's Council\t2024-08-03\t\thttps://example.org/c2\n";
    let t = with(officials, posts);
    // A missing start is the start of the tenure that the row's open end belongs to.
    assert_eq!(
        t.posts[4].from.map(|d| d.to_string()).as_deref(),
        Some("2024-08-03")
    );
    assert!(t.posts[4].ongoing);
    assert_eq!(
        t.posts[0].to.map(|d| d.to_string()).as_deref(),
        Some("2025-10")
    );
    assert!(!t.posts[0].ongoing);
    // A second tenure that began after the first one's end stays open.
    assert_eq!(t.posts[3].to, None);
    assert!(t.posts[3].ongoing);
}

#[test]
fn a_term_that_ends_when_the_next_begins_does_not_close_the_next() {
    let officials = "id\tname\taliases\trank\tborn\thomonyms\nx\tLê Văn X\t\t\t\t\n";
    let posts = "official\trole\torganisation\tfrom\tto\tsource\n\
                 x\tChairman\tDemo Provincial People's Council\t2019-04-08\t2021-06\thttps://example.org/a\n\
                 x\tChairman\tDemo Provincial People's Council\t2021-06\t\thttps://example.org/b\n\
                 x\tChairman\tDemo Provincial People's Council\t\tpresent\thttps://example.org/c\n\
                 x\tSecretary\tDemo Party Committee\t\t2015-10\thttps://example.org/d\n\
                 x\tSecretary\tDemo Party Committee\t2015-10\tpresent\thttps://example.org/e\n";
    let t = with(officials, posts);
    // The re-elected term stays open, and the undated row belongs to it.
    assert_eq!(t.posts[1].to, None);
    assert_eq!((t.posts[2].to, t.posts[2].ongoing), (None, true));
    assert_eq!(
        t.posts[2].from.map(|d| d.to_string()).as_deref(),
        Some("2021-06")
    );
    // A term ending in 2015-10 did not begin with the one that began then.
    assert_eq!(t.posts[3].from, None);
}

#[test]
fn the_provinces_are_63_before_the_2025_merger_and_34_after() {
    let t = defaults();
    let on = |day| t.places.iter().filter(|p| p.province_on(day)).count();
    assert_eq!(on((2025, 6, 30)), 63);
    assert_eq!(on((2025, 7, 1)), 34);
    // Every unit that ended in the mergers of 2025 was merged into (or became) a unit that exists after it; an
    // earlier one (a former province of 1975–2008) may have been split into several, and names none then.
    for p in t.places.iter().filter(|p| p.to.is_some()) {
        let Some(into) = p.merged_into.as_deref() else {
            assert!(
                p.to.unwrap().earliest() < (2025, 1, 1),
                "{} ends but merges into nothing",
                p.id
            );
            continue;
        };
        let target = t.places.iter().find(|q| q.id == into);
        let end = p.to.unwrap().earliest();
        assert!(
            target.is_some_and(|q| q.province_on(end)),
            "{} merges into {into}, which does not exist then",
            p.id
        );
    }
}

#[test]
fn no_official_is_named_like_a_place() {
    // A person named "Lâm Đông" would turn every "Lam Dong" province into a person.
    let t = defaults();
    let places: HashSet<String> = (t.places.iter())
        .flat_map(|p| std::iter::once(&p.name).chain(&p.aliases))
        .map(|n| fold_str(n))
        .collect();
    let clashes: Vec<String> = (t.officials.iter())
        .flat_map(|o| {
            std::iter::once(&o.name)
                .chain(&o.aliases)
                .map(move |n| (o, n))
        })
        .filter(|(_, n)| places.contains(&fold_str(n)))
        .map(|(o, n)| format!("{} ({n})", o.id))
        .collect();
    assert!(
        clashes.is_empty(),
        "officials named like a place: {clashes:?}"
    );
}

#[test]
fn local_units_belong_to_a_province_of_their_time() {
    // District-level units existed until the two-tier reform of 2025-07-01, in the 63 provinces of the time;
    // commune-level units from it, in the 34 provinces after it.
    let t = defaults();
    let province = |id: &str| t.places.iter().find(|p| p.id == id);
    let mut districts = 0;
    for u in &t.units {
        let day = match u.level {
            UnitLevel::District => (2025, 6, 30),
            UnitLevel::Commune => (2025, 7, 1),
        };
        let p =
            province(&u.province).unwrap_or_else(|| panic!("{}: no province {}", u.id, u.province));
        assert!(
            p.province_on(day),
            "{}: {} is no province on {day:?}",
            u.id,
            u.province
        );
        assert!(
            !u.name.is_empty() && u.name.trim() == u.name,
            "{}: name {:?}",
            u.id,
            u.name
        );
        match u.level {
            UnitLevel::District => {
                districts += 1;
                assert_eq!(
                    u.to.map(|d| d.to_string()).as_deref(),
                    Some("2025-07-01"),
                    "{}",
                    u.id
                );
            }
            UnitLevel::Commune => {
                assert_eq!(
                    u.from.map(|d| d.to_string()).as_deref(),
                    Some("2025-07-01"),
                    "{}",
                    u.id
                );
            }
        }
    }
    assert!(districts >= 600, "{districts} district-level units");
    // Every pre-2025 province has its districts.
    for p in t.places.iter().filter(|p| p.province_on((2025, 6, 30))) {
        let n = t
            .units
            .iter()
            .filter(|u| u.province == p.id && u.level == UnitLevel::District)
            .count();
        assert!(n >= 2, "{}: {n} district-level units", p.id);
    }
}
