//! Linking to the gazetteer's officials: short mentions by post and date, and names that several officials bear.

use cadre::{Document, ExtractOptions, Extractor, Gazetteer};

fn on(text: &str, date: (i32, u32, u32)) -> Document {
    Extractor::default_ref().extract_with(
        text,
        &ExtractOptions {
            published: Some(date),
            ..Default::default()
        },
    )
}

/// (name, gazetteer id, rule) of each person.
fn persons(doc: &Document) -> Vec<(&str, Option<&str>, &str)> {
    doc.persons
        .iter()
        .map(|p| (p.name.as_str(), p.gazetteer_id.as_deref(), p.rule.as_str()))
        .collect()
}

#[test]
fn a_title_and_a_given_name_link_to_the_holder_at_the_date() {
    let d = on(
        "Party chief Lam met voters in Hanoi on Sunday.",
        (2025, 3, 2),
    );
    assert_eq!(persons(&d), [("Tô Lâm", Some("to-lam"), "post-holder")]);
    assert_eq!(d.relations[0].role, "General Secretary");
    // Later bare mentions of the given name are the same person.
    let d = on(
        "President Cuong received the envoy. Cuong said ties were good.",
        (2025, 3, 2),
    );
    assert_eq!(
        persons(&d),
        [("Lương Cường", Some("luong-cuong"), "post-holder")]
    );
    assert_eq!(d.persons[0].mentions.len(), 2);
}

#[test]
fn no_holder_at_the_date_means_no_link() {
    // In 2020 the General Secretary was Nguyễn Phú Trọng: "Party chief Lam" fits nobody then.
    let d = on(
        "Party chief Lam met voters in Hanoi on Sunday.",
        (2020, 3, 1),
    );
    assert!(
        d.persons
            .iter()
            .all(|p| p.gazetteer_id.as_deref() != Some("to-lam"))
    );
}

#[test]
fn a_rank_and_a_given_name_link_to_the_one_official_of_that_rank() {
    let d = on("General Giang inspected the troops.", (2024, 5, 1));
    assert_eq!(
        persons(&d),
        [("Phan Văn Giang", Some("phan-van-giang"), "post-holder")]
    );
}

#[test]
fn a_given_name_of_a_person_in_the_text_is_never_a_new_person() {
    let d = on(
        "Party General Secretary To Lam spoke. Party chief Lam then met delegates.",
        (2025, 3, 2),
    );
    assert_eq!(d.persons.len(), 1);
    assert_eq!(d.persons[0].rule, "gazetteer-person");
}

#[test]
fn a_name_that_several_officials_bear_stays_unlinked_without_evidence() {
    let d = on("Nguyen Van Son attended the meeting.", (2024, 5, 1));
    assert_eq!(persons(&d), [("Nguyen Van Son", None, "gazetteer-person")]);
}

#[test]
fn a_stated_post_decides_between_namesakes() {
    let d = on(
        "Deputy Minister of Public Security Nguyen Van Son attended the meeting.",
        (2024, 5, 1),
    );
    assert_eq!(
        d.persons[0].gazetteer_id.as_deref(),
        Some("nguyen-van-son-mps")
    );
    let d = on(
        "Nguyen Van Son, Chairman of the Tuyen Quang Provincial People's Committee, attended.",
        (2024, 5, 1),
    );
    assert_eq!(
        d.persons[0].gazetteer_id.as_deref(),
        Some("nguyen-van-son-1970")
    );
}

#[test]
fn spelling_with_diacritics_decides_between_namesakes() {
    let d = on("Nguyễn Văn Hiến attended.", (2024, 5, 1));
    assert_eq!(
        d.persons[0].gazetteer_id.as_deref(),
        Some("nguyen-van-hien-1954")
    );
    let d = on("Nguyễn Văn Hiền attended.", (2024, 5, 1));
    assert_eq!(
        d.persons[0].gazetteer_id.as_deref(),
        Some("nguyen-van-hien")
    );
}

#[test]
fn the_date_decides_between_namesakes_when_only_one_served() {
    let officials = "id\tname\taliases\trank\tborn\thomonyms\n\
                     tran-a-1940\tTrần Văn Ấn\t\t\t1940\ttran-a-1975\n\
                     tran-a-1975\tTrần Văn Ấn\t\t\t1975\ttran-a-1940\n";
    let posts = "official\trole\torganisation\tfrom\tto\tsource\n\
                 tran-a-1940\tSecretary\tDemo Provincial Party Committee\t1990\t2000\thttps://example.org/1\n\
                 tran-a-1975\tChairman\tDemo Provincial People's Committee\t2020\tpresent\thttps://example.org/2\n";
    let ex = Extractor::builder()
        .replace_gazetteer_text(Gazetteer::Officials, "o.tsv", officials)
        .replace_gazetteer_text(Gazetteer::Posts, "p.tsv", posts)
        .build()
        .unwrap();
    let id = |date| {
        let opts = ExtractOptions {
            published: Some(date),
            ..Default::default()
        };
        ex.extract_with("Tran Van An visited the school.", &opts)
            .persons[0]
            .gazetteer_id
            .clone()
    };
    assert_eq!(id((1995, 1, 1)).as_deref(), Some("tran-a-1940"));
    assert_eq!(id((2024, 1, 1)).as_deref(), Some("tran-a-1975"));
    assert_eq!(id((2010, 1, 1)), None);
}

#[test]
fn a_post_whose_end_no_source_states_does_not_decide_between_namesakes() {
    // tran-a-1940's post has a start and no stated end: it may have ended at any time after 1990, so it does not
    // decide; tran-a-1975 held nothing then.
    let officials = "id\tname\taliases\trank\tborn\thomonyms\n\
                     tran-a-1940\tTrần Văn Ấn\t\t\t1940\ttran-a-1975\n\
                     tran-a-1975\tTrần Văn Ấn\t\t\t1975\ttran-a-1940\n";
    let posts = |end: &str| {
        format!(
            "official\trole\torganisation\tfrom\tto\tsource\n\
             tran-a-1940\tSecretary\tDemo Provincial Party Committee\t1990\t{end}\thttps://example.org/1\n\
             tran-a-1975\tChairman\tDemo Provincial People's Committee\t2030\t\thttps://example.org/2\n"
        )
    };
    let id = |end: &str| {
        let ex = Extractor::builder()
            .replace_gazetteer_text(Gazetteer::Officials, "o.tsv", officials)
            .replace_gazetteer_text(Gazetteer::Posts, "p.tsv", &posts(end))
            .build()
            .unwrap();
        let opts = ExtractOptions {
            published: Some((2020, 10, 16)),
            ..Default::default()
        };
        ex.extract_with("Tran Van An visited the school.", &opts)
            .persons[0]
            .gazetteer_id
            .clone()
    };
    assert_eq!(id(""), None);
    assert_eq!(id("present").as_deref(), Some("tran-a-1940"));
    assert_eq!(id("2025").as_deref(), Some("tran-a-1940"));
}
