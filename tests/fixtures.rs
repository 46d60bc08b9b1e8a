//! Snapshots of every fixture's document: the five seed articles and the dev set. A seed snapshot was checked
//! by hand against `../shared/eval/gold` before it was accepted; a changed snapshot is a changed answer.

use std::path::Path;

fn fixture_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures"))
}

#[test]
fn seed_snapshots() {
    let mut files: Vec<_> = std::fs::read_dir(fixture_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 5);
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        insta::assert_json_snapshot!(format!("seed-{name}"), cadre::extract(&text));
    }
}

#[test]
fn dev_snapshots() {
    let mut files: Vec<_> = std::fs::read_dir(fixture_dir().join("dev"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 12);
    for path in files {
        let gold: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let text = gold["text"].as_str().unwrap();
        let published = gold["published"].as_str().map(|d| {
            let p: Vec<i32> = d.split('-').map(|x| x.parse().unwrap()).collect();
            (p[0], p[1] as u32, p[2] as u32)
        });
        let doc = cadre::Extractor::default_ref().extract_with(
            text,
            &cadre::ExtractOptions {
                published,
                ..Default::default()
            },
        );
        insta::assert_json_snapshot!(gold["id"].as_str().unwrap().to_owned(), doc);
    }
}
