//! The `cadre` command as a person uses it: every output format, a directory, standard input, gzipped JSON Lines,
//! a broken file among good ones, ordered output on two threads, the gazetteer commands and `who`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn cadre() -> Command {
    Command::new(env!("CARGO_BIN_EXE_cadre"))
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

const SEED: &str = "000_54a48af19f17b4c9";

fn seed_path() -> PathBuf {
    fixtures().join(format!("{SEED}.txt"))
}

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("cadre-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(cmd: &mut Command) -> Output {
    cmd.stdin(Stdio::null()).output().expect("cadre runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// The JSON Lines records of an output.
fn records(o: &Output) -> Vec<serde_json::Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// What the library gives for a text, in the scorer's shape.
fn expected(id: &str, text: &str) -> serde_json::Value {
    let doc = cadre::extract(text);
    serde_json::to_value(cadre::output::Record::new(id, &doc)).unwrap()
}

/// The dev set as JSON Lines (`id`, `text`, `published`), in file order.
fn dev_jsonl() -> String {
    let mut files: Vec<PathBuf> = std::fs::read_dir(fixtures().join("dev"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let mut out = String::new();
    for f in files {
        let g: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(f).unwrap()).unwrap();
        let row =
            serde_json::json!({"id": g["id"], "text": g["text"], "published": g["published"]});
        out += &format!("{row}\n");
    }
    out
}

#[test]
fn jsonl_is_the_librarys_record_of_each_file() {
    let o = run(cadre().args(["extract"]).arg(seed_path()));
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(seed_path()).unwrap();
    assert_eq!(records(&o), vec![expected(SEED, &text)]);
    assert!(
        stderr(&o).contains("1 documents, 5 relations, 0 errors"),
        "the summary line: {}",
        stderr(&o)
    );
}

#[test]
fn tsv_and_csv_have_a_header_and_a_row_per_relation() {
    let doc = cadre::extract(&std::fs::read_to_string(seed_path()).unwrap());
    for (format, sep) in [("tsv", '\t'), ("csv", ',')] {
        let o = run(cadre()
            .args(["extract", "--format", format])
            .arg(seed_path()));
        assert!(o.status.success(), "{format}: {}", stderr(&o));
        let out = stdout(&o);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines[0].split(sep).collect::<Vec<_>>(),
            cadre::output::RelationRow::HEADER,
            "{format}"
        );
        assert_eq!(lines.len(), 1 + doc.relations.len(), "{format}");
        let first: Vec<&str> = lines[1].split(sep).collect();
        let r = &doc.relations[0];
        assert_eq!(first[0], SEED);
        assert_eq!(first[1], doc.persons[r.person].name);
        assert_eq!(first[4], r.role);
        assert_eq!(first[9], r.evidence.start.to_string());
        assert_eq!(first[10], r.evidence.end.to_string());
    }
}

#[test]
fn json_is_an_array_of_full_documents() {
    let o = run(cadre()
        .args(["extract", "--format", "json"])
        .arg(seed_path()));
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let doc: cadre::Document = serde_json::from_value(v[0]["document"].clone()).unwrap();
    assert_eq!(v[0]["id"], SEED);
    assert_eq!(
        doc,
        cadre::extract(&std::fs::read_to_string(seed_path()).unwrap())
    );
}

#[test]
fn a_directory_is_walked_in_name_order() {
    let dir = scratch("walk");
    std::fs::create_dir_all(dir.join("b/deeper")).unwrap();
    std::fs::write(
        dir.join("b/deeper/z.txt"),
        "Prime Minister Phạm Minh Chính spoke.",
    )
    .unwrap();
    std::fs::write(dir.join("a.txt"), "General Secretary Tô Lâm spoke.").unwrap();
    std::fs::write(dir.join("notes.md"), "not an article").unwrap();
    let o = run(cadre().arg("extract").arg(&dir));
    assert!(o.status.success(), "{}", stderr(&o));
    let ids: Vec<String> = records(&o)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids, ["a", "z"]);
}

#[test]
fn standard_input_is_one_text() {
    let mut child = cadre()
        .args(["extract", "--format", "tsv", "--published", "2024-11-27"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("Prime Minister Phạm Minh Chính chaired the meeting on Wednesday.".as_bytes())
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let row: Vec<&str> = out.lines().nth(1).unwrap().split('\t').collect();
    assert_eq!(row[..2], ["stdin", "Phạm Minh Chính"]);
    assert_eq!(row[4], "Prime Minister");
    assert_eq!(
        row[7], "2024-11-27",
        "the date resolved against --published"
    );
}

#[test]
fn gzipped_json_lines_give_what_plain_ones_give() {
    let dir = scratch("gz");
    let jsonl = dev_jsonl();
    std::fs::write(dir.join("dev.jsonl"), &jsonl).unwrap();
    let mut gz = flate2::write::GzEncoder::new(
        std::fs::File::create(dir.join("dev.jsonl.gz")).unwrap(),
        flate2::Compression::fast(),
    );
    gz.write_all(jsonl.as_bytes()).unwrap();
    gz.finish().unwrap();
    let plain = run(cadre().arg("extract").arg(dir.join("dev.jsonl")));
    let packed = run(cadre().arg("extract").arg(dir.join("dev.jsonl.gz")));
    assert!(plain.status.success() && packed.status.success());
    assert_eq!(plain.stdout, packed.stdout);
    assert_eq!(records(&plain).len(), jsonl.lines().count());
}

#[test]
fn a_broken_file_among_good_ones_is_reported_and_the_rest_processed() {
    let dir = scratch("broken");
    std::fs::write(dir.join("1-good.txt"), "General Secretary Tô Lâm spoke.").unwrap();
    std::fs::write(dir.join("2-latin1.txt"), b"Gen. L\xea V\xe3n A").unwrap();
    std::fs::write(
        dir.join("3-lines.jsonl"),
        "{\"id\": \"ok-1\", \"text\": \"Prime Minister Phạm Minh Chính spoke.\"}\n\
         {\"id\": \"cut\", \"text\": \"unterminated\n\
         {\"text\": \"no id\"}\n\
         {\"id\": \"bad-date\", \"text\": \"x\", \"published\": \"2024-02-30\"}\n\
         {\"id\": \"ok-2\", \"text\": \"President Lương Cường spoke.\"}\n",
    )
    .unwrap();
    let out_file = dir.join("out.jsonl");
    let o = run(cadre().arg("extract").arg(&dir).arg("-o").arg(&out_file));
    assert_eq!(
        o.status.code(),
        Some(1),
        "bad input gives a non-zero status"
    );
    let err = stderr(&o);
    for expected in [
        "2-latin1.txt: not valid UTF-8 (at byte 6)",
        "3-lines.jsonl:2: not JSON",
        "3-lines.jsonl:3: needs string fields \"id\" and \"text\"",
        "3-lines.jsonl:4: published \"2024-02-30\"",
        "3 documents, ",
        "4 errors",
    ] {
        assert!(err.contains(expected), "{expected:?} not in:\n{err}");
    }
    let ids: Vec<String> = std::fs::read_to_string(&out_file)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(ids, ["1-good", "ok-1", "ok-2"]);
}

#[test]
fn a_missing_file_is_reported() {
    let o = run(cadre()
        .args(["extract", "no/such/file.txt"])
        .arg(seed_path()));
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no/such/file.txt: "), "{}", stderr(&o));
    assert_eq!(records(&o).len(), 1, "the good file is still extracted");
}

#[test]
fn two_threads_keep_the_input_order() {
    let dir = scratch("order");
    let jsonl = dev_jsonl();
    std::fs::write(dir.join("dev.jsonl"), &jsonl).unwrap();
    let one = run(cadre()
        .args(["extract", "--threads", "1"])
        .arg(dir.join("dev.jsonl")));
    let two = run(cadre()
        .args(["extract", "--threads", "2"])
        .arg(dir.join("dev.jsonl")));
    assert!(one.status.success() && two.status.success());
    assert_eq!(one.stdout, two.stdout);
    let ids: Vec<String> = records(&two)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(
        ids, sorted,
        "the dev files are written in their (sorted) input order"
    );
    assert!(ids.len() > 100);
    assert_eq!(
        ids.len(),
        jsonl.lines().count(),
        "every dev text is extracted"
    );
}

#[test]
fn usage_errors_are_plain_words() {
    let o = run(cadre().args(["extract", "--format", "xml"]));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("invalid value 'xml'"), "{}", stderr(&o));
    let o = run(cadre().args(["extract", "--published", "2024-13-01", "x.txt"]));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("2024-13-01"), "{}", stderr(&o));
    let o = run(cadre().args(["extract", "--gazetteer", "people.tsv", "x.txt"]));
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("people.tsv: which table is it?"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_users_gazetteer_is_used() {
    let dir = scratch("gazetteer");
    let officials = dir.join("my-officials.tsv");
    let posts = dir.join("my-posts.tsv");
    std::fs::write(
        &officials,
        "id\tname\taliases\trank\tborn\thomonyms\nle-van-a\tLê Văn A\t\t\t\t\n",
    )
    .unwrap();
    std::fs::write(
        &posts,
        "official\trole\torganisation\tfrom\tto\tsource\n\
         le-van-a\tChairman\tDemo Provincial People's Committee\t2020\t\thttps://example.org/a\n",
    )
    .unwrap();
    let mut child = cadre()
        .args(["extract", "--gazetteer"])
        .arg(&officials)
        .arg("--gazetteer")
        .arg(format!("posts={}", posts.display()))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Le Van A spoke.")
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(records(&o)[0]["persons"][0]["gazetteer_id"], "le-van-a");

    let o = run(cadre()
        .args(["who", "Le Van A", "--gazetteer"])
        .arg(&officials)
        .arg("--gazetteer")
        .arg(&posts));
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("Chairman, Demo Provincial People's Committee"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn gazetteer_check_names_the_file_and_line() {
    let dir = scratch("check");
    let good = dir.join("extra-ranks.tsv");
    let bad = dir.join("my_ranks.tsv");
    std::fs::write(&good, "rank\tvariants\tservice\nField Marshal\tFM\tarmy\n").unwrap();
    std::fs::write(
        &bad,
        "rank\tvariants\tservice\nField Marshal\tFM\tarmy\nColonel\n",
    )
    .unwrap();
    let o = run(cadre().args(["gazetteer", "check"]).arg(&good));
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("ok (ranks.tsv)"));
    let o = run(cadre().args(["gazetteer", "check"]).arg(&good).arg(&bad));
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("my_ranks.tsv:3: expected 3 tab-separated fields, found 1"),
        "{}",
        stderr(&o)
    );
    let o = run(cadre()
        .args(["gazetteer", "check", "--kind", "ranks"])
        .arg(dir.join("absent.tsv")));
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("absent.tsv"), "{}", stderr(&o));
}

#[test]
fn gazetteer_stats_counts_the_tables() {
    let o = run(cadre().args(["gazetteer", "stats"]));
    assert!(o.status.success());
    let out = stdout(&o);
    let officials: usize = out
        .lines()
        .find_map(|l| l.trim().strip_prefix("officials"))
        .map(|n| n.trim().parse().unwrap())
        .expect("an officials line");
    assert!(officials > 400, "{out}");
}

#[test]
fn who_lists_known_posts_with_sources() {
    let o = run(cadre().args(["who", "To Lam", "--date", "2024-11-27"]));
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("Tô Lâm (to-lam)"), "{out}");
    assert!(
        out.contains("General Secretary, Communist Party of Vietnam"),
        "{out}"
    );
    assert!(out.contains("source: http"), "{out}");
    let o = run(cadre().args(["who", "to-lam", "--json"]));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v[0]["id"], "to-lam");
    let o = run(cadre().args(["who", "Nobody Known"]));
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no official \"Nobody Known\""));
}

#[test]
fn html_writes_a_page_or_a_directory_of_pages_with_an_index() {
    let dir = scratch("html");
    let page = dir.join("seed.html");
    let o = run(cadre().arg("html").arg(seed_path()).arg("-o").arg(&page));
    assert!(o.status.success(), "{}", stderr(&o));
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains("data-kind=\"person\""));
    assert!(html.contains("<tr data-rel=\"r5\""), "a row per relation");

    std::fs::write(
        dir.join("dev.jsonl"),
        dev_jsonl().lines().take(3).collect::<Vec<_>>().join("\n"),
    )
    .unwrap();
    let pages = dir.join("pages");
    let o = run(cadre()
        .arg("html")
        .arg(dir.join("dev.jsonl"))
        .arg("-o")
        .arg(&pages));
    assert!(o.status.success(), "{}", stderr(&o));
    let index = std::fs::read_to_string(pages.join("index.html")).unwrap();
    for id in ["dev-001", "dev-002", "dev-003"] {
        assert!(pages.join(format!("{id}.html")).exists(), "{id}");
        assert!(index.contains(&format!("href=\"{id}.html\"")), "{id}");
    }
    let o = run(cadre().arg("html").arg(dir.join("dev.jsonl")));
    assert_eq!(o.status.code(), Some(1), "several pages need -o DIR");
    assert!(stderr(&o).contains("-o DIR"));
}
