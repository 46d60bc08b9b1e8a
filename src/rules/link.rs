//! Homonyms decided by the document: a person whose name several officials bear (and whose spelling did not
//! decide) is linked to the one candidate whose known posts include a relation the text states, or else to the
//! one candidate who may have held a dated post at the publication date, when that post's end is stated (an end
//! date, or "present" at a page's date): a post whose end no source states may have ended long before, so it
//! decides for nobody, yet it keeps its holder a possible candidate. Two candidates with no deciding evidence stay
//! unlinked.

use crate::roster::{held_on, same_role};
use crate::rules::Context;
use crate::rules::names::Names;
use crate::rules::orgs::DocOrgs;
use crate::rules::relations::Draft;

/// Links the undecided persons of `names` where the relations or the date decide.
pub(crate) fn homonyms(cx: &Context<'_>, names: &mut Names, drafts: &[Draft], orgs: &DocOrgs) {
    let day = cx.published.map(|(y, m, d)| (y as u16, m as u8, d as u8));
    for (i, person) in names.persons.iter_mut().enumerate() {
        if person.official.is_some() || person.candidates.len() < 2 {
            continue;
        }
        let stated = |o: usize| {
            drafts.iter().filter(|d| d.person == i).any(|d| {
                let org = d.org.map(|j| orgs.list[j].key.as_str());
                cx.roster
                    .posts(cx.tables, o)
                    .any(|p| same_role(&p.role, &d.role) && p.organisation_key.as_deref() == org)
            })
        };
        let serving = |o: usize, stated_end: bool| {
            day.is_some_and(|d| {
                (cx.roster.posts(cx.tables, o))
                    .any(|p| held_on(p, d) && (!stated_end || p.to.is_some() || p.ongoing))
            })
        };
        let decided = only(&person.candidates, stated).or_else(|| {
            only(&person.candidates, |o| serving(o, false)).filter(|&o| serving(o, true))
        });
        if let Some(o) = decided {
            person.official = Some(o);
            person.name = cx.tables.officials[o].name.clone();
        }
    }
}

/// The one candidate that passes `test`, if exactly one does.
fn only(candidates: &[usize], test: impl Fn(usize) -> bool) -> Option<usize> {
    let mut passing = candidates.iter().copied().filter(|&o| test(o));
    match (passing.next(), passing.next()) {
        (Some(o), None) => Some(o),
        _ => None,
    }
}
