//! The dump example on bad input and failing output (issue 11, cases 2 and 9): it stops, reports and exits with
//! the right status, and never hangs or panics.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The dump example that `cargo test` built beside this test (target/<profile>/examples/dump).
fn dump() -> Command {
    let exe = std::env::current_exe().unwrap();
    let profile_dir = exe.parent().and_then(|d| d.parent()).unwrap();
    let path = profile_dir
        .join("examples")
        .join(format!("dump{}", std::env::consts::EXE_SUFFIX));
    assert!(
        path.exists(),
        "{} is missing: `cargo test` builds the examples",
        path.display()
    );
    Command::new(path)
}

/// Runs `cmd` with `stdin`, failing the test if it does not end within 60 s (a hang).
fn run(mut cmd: Command, stdin: &[u8]) -> Output {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(60) {
            child.kill().unwrap();
            panic!("the dump did not end");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    writer.join().unwrap();
    child.wait_with_output().unwrap()
}

/// A directory of this test's own, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn join(&self, name: impl AsRef<std::path::Path>) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn temp_dir(name: &str) -> TempDir {
    let dir = std::env::temp_dir().join(format!("cadre-dump-test-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    TempDir(dir)
}

#[test]
fn a_directory_given_as_jsonl_is_reported_once() {
    // Case 2: the dump looped for ever, writing an error line each turn.
    let dir = temp_dir("dir");
    let mut cmd = dump();
    cmd.arg("--jsonl").arg(&dir.0);
    let out = run(cmd, b"");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(&*dir.0.to_string_lossy()), "{err}");
}

#[test]
fn bad_published_dates_are_reported_with_file_and_line() {
    // Case 9: "2024-13-45" was accepted and "20241127" ignored silently.
    let dir = temp_dir("published");
    let input = dir.join("in.jsonl");
    std::fs::write(
        &input,
        "{\"id\": \"a\", \"text\": \"Tô Lâm spoke.\", \"published\": \"2024-13-45\"}\n\
         {\"id\": \"b\", \"text\": \"Tô Lâm spoke.\", \"published\": \"20241127\"}\n\
         {\"id\": \"c\", \"text\": \"Tô Lâm spoke.\", \"published\": \"2024-11-27\"}\n",
    )
    .unwrap();
    let mut cmd = dump();
    cmd.arg("--jsonl").arg(&input);
    let out = run(cmd, b"");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        err.contains("in.jsonl:1: published \"2024-13-45\" is no day of the calendar"),
        "{err}"
    );
    assert!(
        err.contains("in.jsonl:2: published \"20241127\" is not a date YYYY-MM-DD"),
        "{err}"
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).lines().count(),
        3,
        "every document is still dumped"
    );
}

#[cfg(target_os = "linux")]
#[test]
fn a_write_error_exits_with_a_message() {
    // Case 9: `--format json > /dev/full` exited 0 with the output lost.
    for format in ["json", "jsonl", "tsv"] {
        let mut cmd = dump();
        cmd.args(["--format", format, "-"]);
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = cmd
            .stdin(Stdio::piped())
            .stdout(full)
            .stderr(Stdio::piped())
            .spawn()
            .and_then(|mut c| {
                c.stdin
                    .take()
                    .unwrap()
                    .write_all(b"Prime Minister Pham Minh Chinh spoke.")?;
                c.wait_with_output()
            })
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{format}: {err}");
        assert!(err.contains("dump: writing the output"), "{format}: {err}");
    }
}

#[test]
fn a_closed_pipe_stops_the_dump_quietly() {
    // Case 9: `dump … | head` must stop without an error message when head has read enough.
    let dir = temp_dir("pipe");
    let input = dir.join("many.jsonl");
    let line = "{\"id\": \"x\", \"text\": \"Prime Minister Pham Minh Chinh met Secretary Dinh Tien Dung.\"}\n";
    std::fs::write(&input, line.repeat(20_000)).unwrap();
    let mut child = dump()
        .arg("--jsonl")
        .arg(&input)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8_is_handled() {
    // Case 9: a non-UTF-8 file name panicked.
    use std::os::unix::ffi::OsStrExt;
    let dir = temp_dir("names");
    let path = dir.join(std::ffi::OsStr::from_bytes(b"bad-\xff-name.txt"));
    std::fs::write(&path, "Prime Minister Pham Minh Chinh spoke.").unwrap();
    let mut cmd = dump();
    cmd.arg(&path);
    let out = run(cmd, b"");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"id\":\"bad-\u{fffd}-name\""));
}
