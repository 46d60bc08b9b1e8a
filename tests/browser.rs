//! The HTML view in a real browser: headless Chromium loads the page `cadre html` writes and dumps its DOM.
//!
//! - Every person and relation of a seed's gold file is in the rendered page (scored by `../shared/eval/score.py`
//!   against what the DOM shows: the person marks' tooltips and the relations table).
//! - The page asks for nothing outside itself (no `src` or `href` that leaves it, and a policy that forbids it).
//! - Article text is inert: markup in an article, and in its id, shows as text and makes no element.
//!
//! A screenshot of each seed's page is kept in `target/browser/` (a CI artefact).
//!
//! Chromium must be installed (`apt-get install chromium`; `.ci/run` does it) or named by `CHROMIUM`. Where it
//! cannot run, these tests fail and say why; `CADRE_SKIP_BROWSER=1` skips them on purpose, saying so.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn out_dir() -> PathBuf {
    let dir = root().join("target/browser");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The browser, or `None` when the caller asked to skip.
fn chromium() -> Option<PathBuf> {
    if std::env::var_os("CADRE_SKIP_BROWSER").is_some() {
        eprintln!(
            "SKIPPED on request (CADRE_SKIP_BROWSER): the HTML view is not checked in a browser"
        );
        return None;
    }
    let path = std::env::var_os("CHROMIUM")
        .map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from);
    assert!(
        path.exists(),
        "Chromium not found at {}: install Debian's `chromium` (apt-get install chromium), set CHROMIUM=/path, or \
         set CADRE_SKIP_BROWSER=1 to skip the browser tests on purpose",
        path.display()
    );
    Some(path)
}

/// Runs headless Chromium on a local page: its DOM after load, and a screenshot when asked.
fn render(browser: &Path, page: &Path, screenshot: Option<&Path>) -> String {
    let profile = std::env::temp_dir().join(format!(
        "cadre-chromium-{}-{}",
        std::process::id(),
        page.file_stem().unwrap().to_string_lossy()
    ));
    let mut cmd = Command::new(browser);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        "--window-size=1200,1500",
    ])
    .arg(format!("--user-data-dir={}", profile.display()));
    match screenshot {
        Some(png) => cmd.arg(format!("--screenshot={}", png.display())),
        None => cmd.arg("--dump-dom"),
    };
    let out = cmd
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap_or_else(|e| panic!("Chromium at {} cannot run: {e}", browser.display()));
    let _ = std::fs::remove_dir_all(&profile);
    assert!(
        out.status.success(),
        "Chromium failed ({}): {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    if let Some(png) = screenshot {
        assert!(png.exists(), "no screenshot written");
    }
    String::from_utf8(out.stdout).expect("the DOM is UTF-8")
}

/// Writes the page of `text` with the `cadre html` command; returns its path.
fn page_of(id: &str, text: &str) -> PathBuf {
    let dir = out_dir();
    let stem = id.replace(|c: char| !c.is_ascii_alphanumeric(), "_");
    let jsonl = dir.join(format!("{stem}.input.jsonl"));
    std::fs::write(
        &jsonl,
        format!("{}\n", serde_json::json!({"id": id, "text": text})),
    )
    .unwrap();
    let page = dir.join(format!("{stem}.html"));
    let out = Command::new(env!("CARGO_BIN_EXE_cadre"))
        .arg("html")
        .arg(&jsonl)
        .arg("-o")
        .arg(&page)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    page
}

fn decode(s: &str) -> String {
    html_escape::decode_html_entities(s).into_owned()
}

/// What the rendered page shows, in the scorer's shape: the persons of the person marks' tooltips and the rows of
/// the relations table.
fn shown(id: &str, dom: &str) -> serde_json::Value {
    let person =
        regex::Regex::new(r#"data-kind="person"[^>]*data-tip="Person: ([^\n"]*)"#).unwrap();
    let mut persons: Vec<String> = person.captures_iter(dom).map(|c| decode(&c[1])).collect();
    persons.sort();
    persons.dedup();
    let row = regex::Regex::new(
        r#"<tr data-rel="r\d+" tabindex="0"><td>\d+</td><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td>"#,
    )
    .unwrap();
    let relations: Vec<serde_json::Value> = row
        .captures_iter(dom)
        .map(|c| {
            let org = decode(&c[3]);
            serde_json::json!({
                "person": decode(&c[1]),
                "role": decode(&c[2]),
                "organisation": if org == "—" { None } else { Some(org) },
            })
        })
        .collect();
    serde_json::json!({
        "id": id,
        "persons": persons.iter().map(|p| serde_json::json!({"name": p})).collect::<Vec<_>>(),
        "relations": relations,
    })
}

/// Nothing on the page is fetched from outside it.
fn assert_self_contained(dom: &str) {
    // In a serialised DOM every `<` of text is written `&lt;`: a `<` starts an element.
    let tag = regex::Regex::new(r"<[a-zA-Z][^>]*>").unwrap();
    let outside = regex::Regex::new(
        r#"(?i)\s(src|href|srcset|poster|data|action)\s*=\s*"(?:[a-z][a-z0-9+.-]*:|//)"#,
    )
    .unwrap();
    for t in tag.find_iter(dom) {
        assert!(
            !outside.is_match(t.as_str()),
            "the page refers outside itself: {}",
            t.as_str()
        );
    }
    assert!(!dom.contains("<link"), "no linked style sheet or font");
    assert!(!dom.contains("<script"), "the page has no script at all");
    assert!(dom.contains("Content-Security-Policy") && dom.contains("default-src 'none'"));
}

#[test]
fn every_gold_person_and_relation_of_the_seeds_is_on_the_page() {
    let Some(browser) = chromium() else { return };
    let gold = root().join("../shared/eval/gold");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&gold)
        .expect("../shared/eval/gold beside the checkout")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 5);
    let mut pred = String::new();
    for f in &files {
        let g: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(f).unwrap()).unwrap();
        let id = g["id"].as_str().unwrap();
        let page = page_of(id, g["text"].as_str().unwrap());
        let dom = render(&browser, &page, None);
        assert_self_contained(&dom);
        render(&browser, &page, Some(&out_dir().join(format!("{id}.png"))));
        pred += &format!("{}\n", shown(id, &dom));
    }
    let pred_file = out_dir().join("seeds-from-dom.jsonl");
    std::fs::write(&pred_file, pred).unwrap();
    let out = Command::new("python3")
        .arg(root().join("../shared/eval/score.py"))
        .arg("--gold")
        .arg(&gold)
        .arg("--pred")
        .arg(&pred_file)
        .arg("--json")
        .output()
        .expect("python3 runs the scorer");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let scores: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for metric in ["persons", "relations"] {
        let recall = scores["metrics"][metric]["r"].as_f64().unwrap();
        assert_eq!(
            recall, 1.0,
            "{metric}: every gold entry is on the page; {}",
            scores["metrics"][metric]
        );
    }
}

#[test]
fn markup_in_an_article_is_inert_text() {
    let Some(browser) = chromium() else { return };
    let text = std::fs::read_to_string(root().join("tests/fixtures/html/hostile.txt")).unwrap();
    let id = "hostile\"><script>alert(2)</script>";
    let page = page_of(id, &text);
    let dom = render(&browser, &page, None);
    assert_self_contained(&dom);
    // No element or attribute of the article's (or its id's) making.
    let tag = regex::Regex::new(r"<[a-zA-Z][^>]*>").unwrap();
    for t in tag.find_iter(&dom) {
        let t = t.as_str();
        for made in [
            "<img",
            "<textarea",
            "<iframe",
            "<svg",
            "<a ",
            "<b>",
            "onerror",
            "<script",
        ] {
            assert!(!t.contains(made), "{made} made an element: {t}");
        }
    }
    // The markup shows as the characters it is made of.
    for shown in [
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "\"&gt;&lt;img src=x onerror=alert(1)&gt;",
        "&lt;/textarea&gt;",
        "&lt;iframe src=\"https://example.org/\"&gt;&lt;/iframe&gt;",
        "hostile\"&gt;&lt;script&gt;alert(2)&lt;/script&gt;",
    ] {
        assert!(dom.contains(shown), "{shown} not shown as text in:\n{dom}");
    }
    // The article's names are still found and marked around the markup.
    assert!(dom.contains("data-tip=\"Person: Tô Lâm"), "{dom}");
}
