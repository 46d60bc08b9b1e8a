//! Local bodies: the Party Committee, People's Committee, People's Council … of a district, town, commune or ward
//! that `units.tsv` lists, composed from the words around them like the provincial ones (`cadre::rules::local`).

use cadre::Extractor;

/// (person, role, organisation) of a relation.
type Rel = (String, String, String);
/// (name, gazetteer id, rule) of an organisation.
type Org = (String, Option<String>, String);

/// The relations and the organisations of `text`.
fn extract(text: &str) -> (Vec<Rel>, Vec<Org>) {
    let doc = Extractor::default_ref().extract(text);
    let rel = (doc.relations.iter())
        .map(|r| {
            let org = r.organisation.map(|o| doc.organisations[o].name.clone());
            (
                doc.persons[r.person].name.clone(),
                r.role.clone(),
                org.unwrap_or_default(),
            )
        })
        .collect();
    let orgs = (doc.organisations.iter())
        .map(|o| (o.name.clone(), o.gazetteer_id.clone(), o.rule.clone()))
        .collect();
    (rel, orgs)
}

fn has(rel: &[Rel], person: &str, role: &str, org: &str) -> bool {
    rel.iter()
        .any(|(p, r, o)| p == person && r == role && o == org)
}

#[test]
fn a_unit_and_its_type_word_before_a_body_host_it() {
    let (rel, orgs) =
        extract("Luong Van Khoi, Secretary of the Thach That District Party Committee, spoke.");
    assert!(
        has(
            &rel,
            "Luong Van Khoi",
            "Secretary",
            "Thach That District Party Committee"
        ),
        "{rel:?}"
    );
    let org = orgs
        .iter()
        .find(|o| o.0 == "Thach That District Party Committee")
        .unwrap();
    assert_eq!(org.1.as_deref(), Some("party-committee@hanoi-thach-that"));
    assert_eq!(org.2, "host-body");
}

#[test]
fn a_unit_after_of_hosts_the_body_before_it() {
    let (rel, _) =
        extract("Le Thi Hoa, Chairwoman of the People's Committee of Cam Le district, met voters.");
    assert!(
        has(
            &rel,
            "Le Thi Hoa",
            "Chairman",
            "Cam Le District People's Committee"
        ),
        "{rel:?}"
    );
}

#[test]
fn a_party_title_of_a_unit_is_the_secretary_of_its_party_committee() {
    let (rel, _) = extract("Le Van Son, Party Secretary of Thach That district, attended.");
    assert!(
        has(
            &rel,
            "Le Van Son",
            "Secretary",
            "Thach That District Party Committee"
        ),
        "{rel:?}"
    );
    let (rel, _) =
        extract("Mr. Tran Van Tam, party chief of Cam Le district's Party Committee, 52, spoke.");
    assert!(
        has(
            &rel,
            "Tran Van Tam",
            "Secretary",
            "Cam Le District Party Committee"
        ),
        "{rel:?}"
    );
}

#[test]
fn a_bare_district_body_is_the_district_the_article_names_most() {
    let text = "Cam Le District held its Party congress on Monday. Cam Le District leaders and guests from Thach \
                That District attended. Tran Van Tam, Deputy Secretary of the District Party Committee, spoke.";
    let (rel, orgs) = extract(text);
    assert!(
        has(
            &rel,
            "Tran Van Tam",
            "Deputy Secretary",
            "Cam Le District Party Committee"
        ),
        "{rel:?}"
    );
    let org = orgs
        .iter()
        .find(|o| o.0 == "Cam Le District Party Committee")
        .unwrap();
    assert_eq!(org.2, "context-body");
    // Two districts named as often: the bare body stays unnamed.
    let text = "Cam Le District and Thach That District signed an agreement. Tran Van Tam, Deputy Secretary of \
                the District Party Committee, spoke.";
    let (rel, _) = extract(text);
    assert!(
        !rel.iter()
            .any(|(_, _, o)| o.contains("Cam Le") || o.contains("Thach That")),
        "{rel:?}"
    );
}

#[test]
fn no_unit_without_its_own_type_word() {
    // "Military District" is no unit; "Ly Son" was a district, never a ward.
    for text in [
        "Le Van Son, Secretary of the Military District Party Committee, spoke.",
        "Le Van Son, Secretary of the Ly Son Ward Party Committee, spoke.",
        "Le Van Son, Secretary of the Thach That Party Committee, spoke.",
    ] {
        let (_, orgs) = extract(text);
        assert!(
            !orgs.iter().any(|o| o.2 == "host-body"
                && o.1.as_deref().is_some_and(|id| id.contains("@"))
                && (o.0.contains("Ly Son") || o.0.contains("Military District"))),
            "{text}: {orgs:?}"
        );
    }
}

#[test]
fn a_provincial_body_with_no_host_is_not_the_articles_district() {
    let text = "Thach That District held a ceremony on Monday. Thach That District leaders attended. Nguyen Van \
                An, Deputy Secretary of the Provincial Party Committee, spoke.";
    let (rel, _) = extract(text);
    assert!(
        !has(
            &rel,
            "Nguyen Van An",
            "Deputy Secretary",
            "Thach That District Party Committee"
        ),
        "{rel:?}"
    );
}
