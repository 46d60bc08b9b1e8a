//! Bad or odd input: graceful results, spans always on character boundaries.

use cadre::{Document, extract};

fn spans_ok(text: &str, d: &Document) {
    let all = d
        .persons
        .iter()
        .flat_map(|p| &p.mentions)
        .chain(d.organisations.iter().flat_map(|o| &o.mentions))
        .chain(d.locations.iter().flat_map(|l| &l.mentions))
        .chain(d.documents.iter().flat_map(|x| &x.mentions))
        .chain(d.events.iter().flat_map(|e| &e.mentions))
        .chain(d.relations.iter().map(|r| &r.evidence));
    for s in all {
        assert!(s.start < s.end && s.end <= text.len(), "{s:?}");
        assert!(
            text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
            "{s:?} in {text:?}"
        );
    }
}

#[test]
fn empty_and_blank_texts() {
    for t in ["", " ", "\n\n", "date ", "date 2024-02-30"] {
        let d = extract(t);
        assert!(d.persons.is_empty() && d.relations.is_empty(), "{t:?}");
    }
}

#[test]
fn odd_unicode_keeps_spans_on_boundaries() {
    let texts = [
        "Đ",
        "Tô",
        "ﬁ Tô Lâm ﬂ",
        "Tổng Bí thư Tô Lâm — HÀ NỘI “Secretary” of the Hà Nội Party Committee Nguyễn Văn Phong",
        "Lt.\u{a0}Gen. TRẦN VÕ DŨNG\nPolitical Commissar of the Military Region",
        "Ngô Xuân Lịch\u{301}\u{301}, Politburo member",
        "👍 Secretary 👍 Nguyen 👍 Van 👍",
        "Secretary of the Party Committee of",
        "Chairman of",
        "Sen. Lt. Gen.",
    ];
    for t in texts {
        spans_ok(t, &extract(t));
    }
}

#[test]
fn every_prefix_of_a_real_text_is_handled() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/002_f1ec26f1bd5a2190.txt"
    ))
    .unwrap();
    let mut cut = 0;
    while cut < text.len().min(1500) {
        if text.is_char_boundary(cut) {
            spans_ok(&text[..cut], &extract(&text[..cut]));
        }
        cut += 7;
    }
}

#[test]
fn a_huge_document_is_handled() {
    let unit = "Secretary of the Hanoi Party Committee Dinh Tien Dung met Vice Chairman of the HCMC People's Committee Vo Van Hoan. ";
    let text = unit.repeat(20_000);
    let d = extract(&text);
    assert_eq!(d.relations.len(), 2);
    spans_ok(&text, &d);
}

#[test]
fn the_extractor_is_shared_across_threads() {
    let ex = cadre::Extractor::default_ref();
    std::thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| {
                assert!(
                    !ex.extract("Prime Minister Pham Minh Chinh spoke.")
                        .relations
                        .is_empty()
                )
            });
        }
    });
}

/// The dev set's texts, by id.
fn dev_texts() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/dev");
    let mut texts = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let gold: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        texts.push((
            gold["id"].as_str().unwrap().to_owned(),
            gold["text"].as_str().unwrap().to_owned(),
        ));
    }
    texts.sort();
    texts
}

/// A name without case or diacritics, to compare names across spellings.
fn name_key(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    name.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| if matches!(c, 'đ' | 'Đ') { 'd' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

#[test]
fn every_cut_of_the_dev_texts_is_handled() {
    // Rules look ahead and behind tokens; a text that ends or starts anywhere must not make them panic.
    for (_, text) in dev_texts() {
        let mut cut = 0;
        while cut < text.len() {
            if text.is_char_boundary(cut) {
                spans_ok(&text[..cut], &extract(&text[..cut]));
                spans_ok(&text[cut..], &extract(&text[cut..]));
            }
            cut += 41;
        }
    }
}

#[test]
fn a_date_line_cut_inside_a_character_does_not_panic() {
    // Issue 11, case 1: `body_start` sliced at byte 15 without checking the character boundary.
    for text in [
        "date 2024-11-2é",
        "date 2024–11–27\nX",
        "date 2024-1-5\nĐà Nẵng hosted a meeting.",
    ] {
        spans_ok(text, &extract(text));
    }
}

#[test]
fn white_space_invisible_characters_and_nfd_do_not_lose_a_name() {
    // Issue 11, cases 4, 5 and 8: the fold turns every white space into one space and drops what shows nothing.
    let nfd = "To\u{0302} La\u{0302}m spoke.";
    for text in [
        "Nguyen  Van  Nen, Secretary of the Hanoi Party Committee, spoke.",
        "Nguyen\tVan\u{202F}Nen, Secretary of the Hanoi Party Committee, spoke.",
        "Tô Lâ\u{00AD}m spoke.",
        "Tô\u{200B} Lâm spoke.",
        nfd,
    ] {
        let d = extract(text);
        spans_ok(text, &d);
        assert_eq!(d.persons.len(), 1, "{text:?}: {:?}", d.persons);
    }
}

fn person_names(text: &str) -> Vec<String> {
    extract(text).persons.into_iter().map(|p| p.name).collect()
}

#[test]
fn a_name_in_capitals_ends_where_english_begins() {
    // Issue 11, case 6: in capitals every word looks like a name; a word that spells no syllable of a name, or an
    // English word like "TO", "THE", "MET", is none of a name's.
    assert_eq!(
        person_names("DINH TIEN DUNG MET VOTERS IN HANOI"),
        ["Đinh Tiến Dũng"]
    );
    assert_eq!(
        person_names("PARTY CHIEF TO LAM MEETS HANOI VOTERS"),
        ["Tô Lâm"]
    );
    assert_eq!(
        person_names("VU HONG ANH MET VOTERS IN HA TINH"),
        ["Vu Hong Anh"]
    );
    assert_eq!(
        person_names("DO VAN BINH HAS BEEN NAMED SECRETARY"),
        ["Do Van Binh"]
    );
    assert_eq!(
        person_names("NGUYEN THI KIM NGAN AND MR DO VAN BINH"),
        ["Nguyễn Thị Kim Ngân", "Do Van Binh"]
    );
    for prose in [
        "CONTRIBUTING TO THE DEVELOPMENT OF THE ARMY",
        "HE PRESENTED FLOWERS TO HIM",
        "THE SECRETARY OF THE PARTY COMMITTEE FOR THE TERM",
        "THE MINISTER OF TRADE SPOKE",
    ] {
        assert!(
            person_names(prose).is_empty(),
            "{prose}: {:?}",
            person_names(prose)
        );
    }
}

#[test]
fn a_text_in_capitals_finds_no_one_the_text_does_not() {
    // Issue 11, case 6: the 131 dev texts in upper case gave 848 persons that the texts as written do not have.
    let mut extra = Vec::new();
    let mut total = 0;
    for (_, text) in dev_texts() {
        let known: Vec<String> = extract(&text)
            .persons
            .iter()
            .map(|p| name_key(&p.name))
            .collect();
        for p in extract(&text.to_uppercase()).persons {
            total += 1;
            if !known.contains(&name_key(&p.name)) {
                extra.push(p.name);
            }
        }
    }
    assert!(
        extra.len() * 100 <= total,
        "{} of {total}: {extra:?}",
        extra.len()
    );
}

#[test]
fn an_impossible_publication_date_is_ignored() {
    // Issue 11, case 10: (2024, 13, 45) gave an event on 2025-02-12; extreme years overflowed.
    let text =
        "Party General Secretary Tô Lâm had a working session with Hà Nội leaders on Wednesday.";
    for published in [
        (2024, 13, 45),
        (2023, 2, 29),
        (i32::MAX, 12, 31),
        (i32::MIN, 1, 1),
        (2024, 0, 0),
    ] {
        let d = cadre::Extractor::default_ref().extract_with(
            text,
            &cadre::ExtractOptions {
                published: Some(published),
                ..Default::default()
            },
        );
        assert_eq!(d.events.len(), 1, "{published:?}");
        assert_eq!(d.events[0].date, None, "{published:?}");
    }
}

fn build_error(kind: cadre::Gazetteer, text: &str) -> String {
    cadre::Extractor::builder()
        .gazetteer_text(kind, "my.tsv", text)
        .build()
        .map(|_| ())
        .unwrap_err()
        .to_string()
}

#[test]
fn a_gazetteer_line_that_contradicts_the_tables_is_an_error_with_its_line() {
    // Issue 11, case 10: these were accepted.
    use cadre::Gazetteer::*;
    let places = "id\tname\taliases\tkind\tfrom\tto\tmerged_into\tsource\n";
    assert_eq!(
        build_error(Places, &format!("{places}hanoi\tHanoi\t\tcity\t\t\t\t\n")),
        "my.tsv:2: place id `hanoi` is defined twice"
    );
    assert_eq!(
        build_error(
            Places,
            &format!("{places}x\tX\t\tprovince\t\t2025-07-01\tnowhere\t\n")
        ),
        "my.tsv:2: unknown place id `nowhere`"
    );
    let officials = "id\tname\taliases\trank\tborn\thomonyms\n";
    assert_eq!(
        build_error(
            Officials,
            &format!("{officials}\nle-van-x\tLê Văn X\t\t\t\tno-one\n")
        ),
        "my.tsv:3: unknown official id `no-one`"
    );
    let organisations = "id\tname\taliases\tkind\tclass\tparent\tfrom\tto\tsource\n";
    assert_eq!(
        build_error(
            Organisations,
            &format!("{organisations}x\tX Board\t\tstate\t\tno-parent\t\t\t\n")
        ),
        "my.tsv:2: unknown organisation id `no-parent`"
    );
    let bodies = "id\tsurfaces\tcity\tprovince\tunit\tnational\tsubordinate\n";
    assert_eq!(
        build_error(
            Bodies,
            &format!("{bodies}party-committee\tParty Committee\t\t{{}} Party Committee\t\t\t\n")
        ),
        "my.tsv:2: body id `party-committee` is defined twice"
    );
    let posts = "official\trole\torganisation\tfrom\tto\tsource\n";
    assert_eq!(
        build_error(
            Posts,
            &format!("{posts}to-lam\tMember\tPolitburo\t2021-02-30\t\thttps://example.org\n")
        ),
        "my.tsv:2: `2021-02-30` is not a day of the calendar"
    );
}

#[test]
fn a_byte_order_mark_before_the_header_is_read_as_nothing() {
    // Issue 11, case 10: the header was rejected with a message that showed the same header.
    let ranks = "\u{feff}rank\tvariants\tservice\nField Marshal\t\tarmy\n";
    let ex = cadre::Extractor::builder()
        .gazetteer_text(cadre::Gazetteer::Ranks, "ranks.tsv", ranks)
        .build();
    assert!(ex.is_ok(), "{:?}", ex.err());
}

#[test]
fn unreadable_gazetteers_keep_the_line_and_the_error_kind() {
    // Issue 11, case 10: invalid UTF-8 named the file but not the line; every I/O error became `Other`.
    let err = cadre::Extractor::builder()
        .gazetteer_bytes(
            cadre::Gazetteer::Ranks,
            "ranks.tsv",
            b"rank\tvariants\tservice\n\nColonel\xff\t\tarmy\n",
        )
        .build()
        .map(|_| ())
        .unwrap_err();
    assert_eq!(err.to_string(), "ranks.tsv:3: not UTF-8");
    let err = cadre::Extractor::builder()
        .gazetteer_file(cadre::Gazetteer::Ranks, "/no/such/dir/ranks.tsv")
        .build()
        .map(|_| ())
        .unwrap_err();
    match err {
        cadre::BuildError::Io { source, .. } => {
            assert_eq!(source.kind(), std::io::ErrorKind::NotFound)
        }
        other => panic!("{other}"),
    }
}

mod common;

#[test]
fn the_invariants_hold_on_every_dev_text() {
    for (id, text) in dev_texts() {
        if let Err(e) = common::check(&text, &extract(&text)) {
            panic!("{id}: {e}");
        }
    }
}

#[test]
fn every_input_the_fuzzers_found_keeps_the_invariants() {
    // Each file of tests/fuzz_regressions is a text a fuzz target (fuzz/) once failed on, as the target saw it.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fuzz_regressions");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        if let Err(e) = common::check(&text, &extract(&text)) {
            panic!("{}: {e}", path.display());
        }
        n += 1;
    }
    assert!(n > 0, "no regression inputs in {dir}");
}

fn relations(text: &str, options: &cadre::ExtractOptions) -> Vec<(String, String, Option<String>)> {
    let d = cadre::Extractor::default_ref().extract_with(text, options);
    d.relations
        .iter()
        .map(|r| {
            (
                d.persons[r.person].name.clone(),
                r.role.clone(),
                r.organisation.map(|o| d.organisations[o].name.clone()),
            )
        })
        .collect()
}

#[test]
fn a_lone_carriage_return_ends_a_line() {
    // Issue 11, case 7: the signature rule read nothing across a lone CR.
    let lf = "Lt. Gen. TRAN VO DUNG\nPolitical Commissar of Military Region 4";
    let o = cadre::ExtractOptions::default();
    assert!(!relations(lf, &o).is_empty());
    assert_eq!(relations(&lf.replace('\n', "\r"), &o), relations(lf, &o));
    assert_eq!(relations(&lf.replace('\n', "\r\n"), &o), relations(lf, &o));
}

#[test]
fn a_known_name_is_found_across_a_line_break() {
    // Issue 11, case 7: "Dinh Tien\nDung" became "Dinh Tien".
    for text in [
        "Secretary Dinh Tien\nDung met voters.",
        "Secretary Dinh Tien\r\nDung met voters.",
    ] {
        assert_eq!(person_names(text), ["Đinh Tiến Dũng"], "{text:?}");
    }
}

#[test]
fn names_keep_no_odd_white_space() {
    // Issue 11, case 4: with no-break spaces the name was found but kept them.
    let d = extract("Do\u{a0}Van\u{202f}Binh, Secretary of the Hanoi Party Committee, spoke.");
    assert_eq!(d.persons[0].name, "Do Van Binh");
}

#[test]
fn html_character_references_are_decoded_on_request() {
    // Issue 11, case 8: "T&ocirc; L&acirc;m" and "Ph&#7841;m Minh Ch&#237;nh" were not found.
    let text =
        "Party General Secretary T&ocirc; L&acirc;m met Prime Minister Ph&#7841;m Minh Ch&#237;nh.";
    let html = cadre::ExtractOptions {
        html_entities: true,
        ..Default::default()
    };
    let d = cadre::Extractor::default_ref().extract_with(text, &html);
    spans_ok(text, &d);
    let names: Vec<&str> = d.persons.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Tô Lâm", "Phạm Minh Chính"]);
    let m = d.persons[0].mentions[0];
    assert_eq!(&text[m.start..m.end], "T&ocirc; L&acirc;m");
    assert_eq!(relations(text, &html).len(), 2);
    // Off by default: plain text keeps its ampersands.
    assert!(extract(text).persons.iter().all(|p| p.name != "Tô Lâm"));
}

/// A text whose paragraphs are wrapped at `width` columns, paragraphs parted by a blank line, as e-mail and PDF
/// extracts are; and the same paragraphs unwrapped.
fn wrapped(text: &str, width: usize) -> (String, String) {
    let paragraphs: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let wrap = |p: &str| {
        let mut lines: Vec<String> = vec![String::new()];
        for w in p.split(' ') {
            let last = lines.last_mut().unwrap();
            if !last.is_empty() && last.chars().count() + 1 + w.chars().count() > width {
                lines.push(w.to_owned());
            } else {
                if !last.is_empty() {
                    last.push(' ');
                }
                last.push_str(w);
            }
        }
        lines.join("\n")
    };
    (
        paragraphs
            .iter()
            .map(|p| wrap(p))
            .collect::<Vec<_>>()
            .join("\n\n"),
        paragraphs.join("\n\n"),
    )
}

#[test]
fn hard_wrapped_text_gives_what_the_unwrapped_text_gives() {
    // Issue 11, case 7: text wrapped at 70 columns lost half the relations.
    let o = cadre::ExtractOptions::default();
    let (mut same, mut total) = (0, 0);
    for (_, text) in dev_texts() {
        let (wrapped, plain) = wrapped(&text, 70);
        let want = relations(&plain, &o);
        let got = relations(&wrapped, &o);
        total += want.len();
        same += want.iter().filter(|r| got.contains(r)).count();
    }
    assert!(same * 100 >= total * 95, "{same} of {total}");
}

#[test]
fn a_failed_build_changes_nothing() {
    let before = extract("Prime Minister Pham Minh Chinh spoke.");
    assert!(
        build_error(
            cadre::Gazetteer::Ranks,
            "rank\tvariants\tservice\nColonel\n"
        )
        .contains("my.tsv:2")
    );
    assert_eq!(extract("Prime Minister Pham Minh Chinh spoke."), before);
    assert!(cadre::Extractor::builder().build().is_ok());
}

#[test]
fn the_dev_texts_in_nfd_with_odd_white_space_or_crlf_give_what_they_give_as_written() {
    // Issue 11, cases 4, 5 and 7: over the fixtures in NFD, 35 of 208 persons and 56 of 330 relations were lost;
    // with double spaces everywhere, every person and relation.
    use unicode_normalization::UnicodeNormalization;
    let o = cadre::ExtractOptions::default();
    for (id, text) in dev_texts() {
        let want = relations(&text, &o);
        let persons = |t: &str| -> Vec<String> {
            let mut p: Vec<String> = extract(t)
                .persons
                .into_iter()
                .map(|p| p.name.nfc().collect())
                .collect();
            p.sort();
            p
        };
        let nfc =
            |r: Vec<(String, String, Option<String>)>| -> Vec<(String, String, Option<String>)> {
                r.into_iter()
                    .map(|(p, role, org)| (p.nfc().collect(), role, org.map(|o| o.nfc().collect())))
                    .collect()
            };
        for (what, variant) in [
            ("NFD", text.nfd().collect::<String>()),
            ("double spaces", text.replace(' ', "  ")),
            ("no-break spaces", text.replace(' ', "\u{a0}")),
            ("CRLF", text.replace('\n', "\r\n")),
        ] {
            assert_eq!(persons(&variant), persons(&text), "{id} {what}");
            assert_eq!(
                nfc(relations(&variant, &o)),
                nfc(want.clone()),
                "{id} {what}"
            );
        }
    }
}
