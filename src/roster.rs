//! The officials of the gazetteers indexed for linking: by full name, by given name, and their posts by date.
//!
//! Built once with the extractor. The rules ask it who bears a name and who held a post on a day; it never
//! decides alone which of two candidates a text means (the rules bring the evidence).

use crate::fold::fold_str;
use crate::gazetteer::{PlaceKind, Post, Tables};
use crate::hash::HashMap;

/// A day as (year, month, day), the publication date of a text.
pub(crate) type Day = (u16, u8, u8);

/// Officials by name and their posts.
#[derive(Debug, Default)]
pub(crate) struct Roster {
    /// Folded full name or alias → officials bearing it.
    by_name: HashMap<String, Vec<usize>>,
    /// Folded given name (the last syllable of a name or alias) → officials bearing it.
    by_given: HashMap<String, Vec<usize>>,
    /// For each official, the indices of their posts.
    posts: Vec<Vec<usize>>,
    /// The roles (normalised, see [`same_role`]) that the gazetteer's posts hold in each listed organisation, by
    /// its id.
    org_roles: HashMap<String, Vec<String>>,
    /// The same for each body every place or unit has, by the body's id ("peoples-council").
    body_roles: HashMap<String, Vec<String>>,
    /// Each title's role, normalised as `roles` holds them.
    title_roles: Vec<String>,
    /// For each official whose every known post is in a foreign body, the country (place index) one of those
    /// bodies is named for ("Government of Japan").
    abroad: Vec<Option<u32>>,
}

fn push(map: &mut HashMap<String, Vec<usize>>, key: String, i: usize) {
    // Officials are pushed in order, each one's names together: a repeat can only be the last.
    let v = map.entry(key).or_default();
    if v.last() != Some(&i) {
        v.push(i);
    }
}

impl Roster {
    pub(crate) fn new(t: &Tables) -> Roster {
        let mut r = Roster {
            posts: vec![Vec::new(); t.officials.len()],
            ..Roster::default()
        };
        for (i, o) in t.officials.iter().enumerate() {
            for n in std::iter::once(&o.name).chain(&o.aliases) {
                let key = fold_str(n);
                if let Some((_, given)) = key.rsplit_once(' ') {
                    push(&mut r.by_given, given.to_owned(), i);
                }
                push(&mut r.by_name, key, i);
            }
        }
        // Folded organisation names and body-template endings, to sort the posts' organisations into kinds.
        let mut by_key: HashMap<&str, &str> = HashMap::default();
        for o in &t.organisations {
            for k in &o.keys {
                by_key.insert(k.as_str(), o.id.as_str());
            }
        }
        // A body's templates, folded, as (what comes before the host, what comes after, the body): "Standing
        // Committee of the {} Party Committee" is no "Hanoi Party Committee".
        let templates: Vec<(String, String, &str)> = t
            .bodies
            .iter()
            .flat_map(|b| {
                [&b.city, &b.province, &b.unit]
                    .into_iter()
                    .filter_map(|tpl| tpl.split_once("{}"))
                    .map(|(before, after)| (fold_str(before), fold_str(after), b.id.as_str()))
                    .filter(|(before, after, _)| !before.is_empty() || !after.is_empty())
            })
            .collect();
        for (i, p) in t.posts.iter().enumerate() {
            r.posts[p.official].push(i);
            let Some(key) = p.organisation_key.as_deref() else {
                continue;
            };
            let kind = by_key
                .get(key)
                .map(|id| (false, (*id).to_owned()))
                .or_else(|| {
                    // The template that fits the most words; of equals, the first body.
                    templates
                        .iter()
                        .rev()
                        .filter(|(before, after, _)| {
                            key.len() > before.len() + after.len()
                                && key.starts_with(before.as_str())
                                && key.ends_with(after.as_str())
                        })
                        .max_by_key(|(before, after, _)| before.len() + after.len())
                        .map(|(_, _, body)| (true, (*body).to_owned()))
                });
            if let Some((body, kind)) = kind {
                let role = normalise_role(&p.role);
                let map = if body {
                    &mut r.body_roles
                } else {
                    &mut r.org_roles
                };
                let roles = map.entry(kind).or_default();
                if !roles.contains(&role) {
                    roles.push(role);
                }
            }
        }
        r.title_roles = t.titles.iter().map(|x| normalise_role(&x.role)).collect();
        let kinds: HashMap<&str, &str> = t
            .organisations
            .iter()
            .map(|o| (o.name.as_str(), o.kind.as_str()))
            .collect();
        let country = |name: &str| {
            let (_, tail) = name.rsplit_once(" of ")?;
            let tail = tail.strip_prefix("the ").unwrap_or(tail);
            t.places
                .iter()
                .position(|p| p.kind == PlaceKind::Country && p.name == tail && p.id != "vietnam")
                .map(|i| i as u32)
        };
        r.abroad = r
            .posts
            .iter()
            .map(|posts| {
                let names: Option<Vec<&str>> = posts
                    .iter()
                    .map(|&i| t.posts[i].organisation.as_deref())
                    .collect();
                let names = names.filter(|n| !n.is_empty())?;
                names
                    .iter()
                    .all(|n| kinds.get(n) == Some(&"foreign"))
                    .then(|| names.iter().find_map(|n| country(n)))
                    .flatten()
            })
            .collect();
        r
    }

    /// The country of an official whose every known post is in a foreign body named for it.
    pub(crate) fn abroad(&self, official: usize) -> Option<u32> {
        self.abroad.get(official).copied().flatten()
    }

    /// Whether the gazetteer knows a post of title `title`'s role in a listed organisation `id`, or (`body`) in a
    /// body of that id that every place or unit has.
    pub(crate) fn kind_holds(&self, body: bool, id: &str, title: usize) -> bool {
        let map = if body {
            &self.body_roles
        } else {
            &self.org_roles
        };
        map.get(id)
            .is_some_and(|r| r.contains(&self.title_roles[title]))
    }

    /// Whether the gazetteer knows a post of role `role` in the listed organisation `id` ("General Secretary" of
    /// the Communist Party of Vietnam).
    pub(crate) fn org_holds_role(&self, id: &str, role: &str) -> bool {
        let role = normalise_role(role);
        self.org_roles.get(id).is_some_and(|r| r.contains(&role))
    }

    /// The post of the listed organisation `id` that `role` names with its words in another order ("Secretary
    /// General" of the Communist Party of Vietnam is its General Secretary), written with `role`'s own words.
    pub(crate) fn reordered_role(&self, id: &str, role: &str) -> Option<String> {
        let words: Vec<&str> = role.split([' ', '-']).filter(|w| !w.is_empty()).collect();
        let key = |w: &str| normalise_role(w);
        let mut sorted: Vec<String> = words.iter().map(|w| key(w)).collect();
        sorted.sort_unstable();
        let held = self.org_roles.get(id)?.iter().find(|r| {
            let mut h: Vec<&str> = r.split(' ').collect();
            h.sort_unstable();
            h == sorted
        })?;
        let reordered: Vec<&str> = held
            .split(' ')
            .map(|h| words.iter().find(|w| key(w) == h).copied().unwrap_or(h))
            .collect();
        Some(reordered.join(" "))
    }

    /// The officials the gazetteer knows held the post `role` of the organisation named `org_key` (folded) on
    /// `day`.
    pub(crate) fn holders_on(
        &self,
        t: &Tables,
        role: &str,
        org_key: &str,
        day: Day,
    ) -> impl Iterator<Item = usize> {
        t.posts
            .iter()
            .filter(move |p| {
                p.organisation_key.as_deref() == Some(org_key)
                    && same_role(&p.role, role)
                    && held_between(p, day, day)
            })
            .map(|p| p.official)
    }

    /// The officials whose full name or an alias folds to `key`.
    pub(crate) fn named(&self, key: &str) -> &[usize] {
        self.by_name.get(key).map_or(&[], Vec::as_slice)
    }

    /// The officials whose given name folds to `key` ("lam" → Tô Lâm, …).
    pub(crate) fn given(&self, key: &str) -> &[usize] {
        self.by_given.get(key).map_or(&[], Vec::as_slice)
    }

    /// The posts of `official`.
    pub(crate) fn posts<'t>(
        &self,
        t: &'t Tables,
        official: usize,
    ) -> impl Iterator<Item = &'t Post> {
        self.posts
            .get(official)
            .into_iter()
            .flatten()
            .map(move |&i| &t.posts[i])
    }
}

/// Whether the post was held on `day`.
pub(crate) fn held_on(p: &Post, day: Day) -> bool {
    held_between(p, day, day)
}

/// Whether the post was held on some day from `first` to `last`. A post whose start is unknown is never known to
/// be held on a day (its rows could not complete it: see `Tables::complete_tenures`); one with a start and no end
/// counts as held from its start on.
pub(crate) fn held_between(p: &Post, first: Day, last: Day) -> bool {
    p.from.is_some_and(|f| f.earliest() <= last) && p.to.is_none_or(|t| t.latest() >= first)
}

/// Whether a post's role is the title's role: folded, with "Chairwoman" as "Chairman", "Vice" as "Deputy" and
/// "Standing" as "Permanent".
pub(crate) fn same_role(post_role: &str, role: &str) -> bool {
    if !(post_role.is_ascii() && role.is_ascii()) {
        return normalise_role(post_role) == normalise_role(role);
    }
    // The ASCII fast path, word by word without allocating (this runs for every post a relation is checked
    // against).
    let mut a = role_words(post_role);
    let mut b = role_words(role);
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if x.eq_ignore_ascii_case(y) => {}
            _ => return false,
        }
    }
}

/// The words of an ASCII role as [`normalise_role`] reads them: "Vice" as "deputy", "Chairwoman" as "chairman",
/// "Standing" as "permanent", "Director General" and "Director-General" as "director".
fn role_words(r: &str) -> impl Iterator<Item = &str> {
    let mut after_director = false;
    r.split_whitespace().filter_map(move |w| {
        let skip = after_director && w.eq_ignore_ascii_case("general");
        let canon = if w.eq_ignore_ascii_case("chairwoman") {
            "chairman"
        } else if w.eq_ignore_ascii_case("vice") {
            "deputy"
        } else if w.eq_ignore_ascii_case("standing") {
            "permanent"
        } else if w.eq_ignore_ascii_case("director-general") {
            "director"
        } else {
            w
        };
        after_director = canon.eq_ignore_ascii_case("director");
        (!skip).then_some(canon)
    })
}

/// A role folded, with the spellings [`same_role`] treats alike made one.
fn normalise_role(r: &str) -> String {
    fold_str(r)
        .replace("chairwoman", "chairman")
        .replace("vice ", "deputy ")
        .replace("standing ", "permanent ")
        .replace("director-general", "director")
        .replace("director general", "director")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::default_sources;

    fn roster() -> (Tables, Roster) {
        let t = Tables::parse(&default_sources()).unwrap();
        let r = Roster::new(&t);
        (t, r)
    }

    #[test]
    fn names_and_given_names_index_officials() {
        let (t, r) = roster();
        let lam = r.named("to lam");
        assert_eq!(lam.len(), 1);
        assert_eq!(t.officials[lam[0]].id, "to-lam");
        assert!(r.given("lam").contains(&lam[0]));
        assert!(r.named("nobody at all").is_empty());
    }

    #[test]
    fn posts_are_held_between_their_dates() {
        let (t, r) = roster();
        let lam = r.named("to lam")[0];
        let gs = |day| {
            r.posts(&t, lam)
                .any(|p| same_role(&p.role, "General Secretary") && held_on(p, day))
        };
        assert!(gs((2025, 3, 1)));
        assert!(!gs((2020, 3, 1)));
    }

    #[test]
    fn posts_in_a_local_body_count_for_that_body_only() {
        // "Hanoi Party Committee" fits "{} Party Committee", not "Standing Committee of the {} Party Committee":
        // the Party Committee's roles were once filed under its Standing Committee.
        let (t, r) = roster();
        let title = |role: &str| t.titles.iter().position(|x| x.role == role).unwrap();
        assert!(r.kind_holds(true, "party-committee", title("Deputy Secretary")));
        assert!(r.kind_holds(true, "peoples-committee", title("Chairman")));
        assert!(!r.kind_holds(true, "party-committee", title("Prime Minister")));
    }

    #[test]
    fn roles_compare_folded() {
        assert!(same_role("Deputy Chairman", "Vice Chairman"));
        assert!(same_role("Chairman", "Chairwoman"));
        assert!(same_role(
            "Permanent Deputy Secretary",
            "Standing Deputy Secretary"
        ));
        assert!(!same_role("Chairman", "Deputy Chairman"));
        assert!(same_role("Director General", "Director"));
        assert!(same_role(
            "Standing Vice Chairwoman",
            "Permanent Deputy Chairman"
        ));
        assert!(!same_role("Deputy Director", "Director"));
        assert!(same_role("Chủ tịch", "chu tich"));
    }
}
