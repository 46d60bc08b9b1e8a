//! Articles from files, directories and standard input, one at a time, with every bad input reported by file and
//! line rather than dropped.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// One article to extract.
pub struct Article {
    /// Its id: a text file's stem, or a JSON line's `id`.
    pub id: String,
    pub text: String,
    /// Its own publication date (a JSON line's `published`); `None` falls back to `--published`.
    pub published: Option<(i32, u32, u32)>,
}

/// An input that could not be read, or a line that is no article.
pub struct InputError {
    /// `file` or `file:line`.
    pub origin: String,
    pub message: String,
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.origin, self.message)
    }
}

/// Where articles come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// One text per file (`.txt`, or `.txt.gz` decompressed); `-` is standard input.
    Text(PathBuf),
    /// One `{"id", "text", "published"?}` object per line (`.jsonl`, `.jsonl.gz`); `-` is standard input.
    Jsonl(PathBuf),
}

impl Source {
    fn path(&self) -> &Path {
        match self {
            Source::Text(p) | Source::Jsonl(p) => p,
        }
    }

    fn is_stdin(&self) -> bool {
        self.path().as_os_str() == "-"
    }

    fn shown(&self) -> String {
        if self.is_stdin() {
            "standard input".to_owned()
        } else {
            self.path().display().to_string()
        }
    }
}

/// Whether a file name is one this tool reads: `.txt`, `.txt.gz`, `.jsonl`, `.jsonl.gz`.
fn readable(path: &Path) -> Option<Source> {
    let name = path.file_name()?.to_str()?;
    if name.ends_with(".jsonl") || name.ends_with(".jsonl.gz") {
        Some(Source::Jsonl(path.to_owned()))
    } else if name.ends_with(".txt") || name.ends_with(".txt.gz") {
        Some(Source::Text(path.to_owned()))
    } else {
        None
    }
}

/// The sources the command line names: `paths` (files of any name read as text unless they end in `.jsonl` or
/// `.jsonl.gz`; directories walked recursively, in name order, for `.txt`, `.txt.gz`, `.jsonl`, `.jsonl.gz`;
/// `-` for standard input) and `jsonl` files. Nothing named: standard input as one text.
pub fn sources(paths: &[PathBuf], jsonl: &[PathBuf]) -> (Vec<Source>, Vec<InputError>) {
    let mut found = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            found.push(Source::Text(p.clone()));
        } else if p.is_dir() {
            let walk = walkdir::WalkDir::new(p)
                .sort_by_file_name()
                .follow_links(true);
            for entry in walk {
                match entry {
                    Ok(e) if e.file_type().is_file() => found.extend(readable(e.path())),
                    Ok(_) => {}
                    Err(e) => errors.push(InputError {
                        origin: e.path().unwrap_or(p).display().to_string(),
                        message: e.to_string(),
                    }),
                }
            }
        } else {
            found.push(readable(p).unwrap_or_else(|| Source::Text(p.clone())));
        }
    }
    found.extend(jsonl.iter().map(|p| Source::Jsonl(p.clone())));
    if paths.is_empty() && jsonl.is_empty() {
        found.push(Source::Text(PathBuf::from("-")));
    }
    (found, errors)
}

/// The bytes the sources hold on disk, when all are files (for a progress bar with an end).
pub fn total_bytes(sources: &[Source]) -> Option<u64> {
    sources.iter().try_fold(0, |n, s| {
        if s.is_stdin() {
            None
        } else {
            Some(n + std::fs::metadata(s.path()).map_or(0, |m| m.len()))
        }
    })
}

/// Counts the bytes read through it, for the progress bar (compressed bytes for a `.gz` file).
struct Counting<R> {
    inner: R,
    read: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// Opens a source as a byte stream: decompressed when its name ends in `.gz`.
fn open(source: &Source, read: &Arc<AtomicU64>) -> std::io::Result<Box<dyn Read + Send>> {
    let raw: Box<dyn Read + Send> = if source.is_stdin() {
        Box::new(std::io::stdin())
    } else {
        Box::new(File::open(source.path())?)
    };
    let counted = Counting {
        inner: raw,
        read: Arc::clone(read),
    };
    let gz = source.path().extension().is_some_and(|e| e == "gz");
    Ok(if gz {
        Box::new(flate2::read::MultiGzDecoder::new(BufReader::new(counted)))
    } else {
        Box::new(counted)
    })
}

/// The articles of `sources`, in order, and the errors met on the way, as one stream.
pub struct Articles {
    sources: std::vec::IntoIter<Source>,
    /// The JSON Lines source being read: its name, its lines and the number of the last line read.
    lines: Option<(String, Box<dyn BufRead + Send>, usize)>,
    /// Bytes read from all sources so far.
    pub read: Arc<AtomicU64>,
}

impl Articles {
    pub fn new(sources: Vec<Source>) -> Articles {
        Articles {
            sources: sources.into_iter(),
            lines: None,
            read: Arc::new(AtomicU64::new(0)),
        }
    }

    /// The next JSON line's article, or `None` at the end of the current JSON Lines source.
    fn next_line(&mut self) -> Option<Result<Article, InputError>> {
        let (shown, lines, n) = self.lines.as_mut()?;
        let mut buf = Vec::new();
        loop {
            buf.clear();
            *n += 1;
            let origin = format!("{shown}:{n}");
            match lines.read_until(b'\n', &mut buf) {
                Ok(0) => {
                    self.lines = None;
                    return None;
                }
                Ok(_) => {}
                Err(e) => {
                    // A read error (a failing disk, a corrupt gzip stream) ends this source.
                    self.lines = None;
                    return Some(Err(InputError {
                        origin,
                        message: e.to_string(),
                    }));
                }
            }
            let line = match std::str::from_utf8(&buf) {
                Ok(l) => l.trim(),
                Err(e) => {
                    return Some(Err(InputError {
                        origin,
                        message: format!("not valid UTF-8 (at byte {})", e.valid_up_to()),
                    }));
                }
            };
            if !line.is_empty() {
                return Some(
                    article_of_line(line).map_err(|message| InputError { origin, message }),
                );
            }
        }
    }
}

impl Iterator for Articles {
    type Item = Result<Article, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.next_line() {
                return Some(item);
            }
            let source = self.sources.next()?;
            let shown = source.shown();
            let error = |message: String| {
                Some(Err(InputError {
                    origin: shown.clone(),
                    message,
                }))
            };
            let mut stream = match open(&source, &self.read) {
                Ok(s) => s,
                Err(e) => return error(e.to_string()),
            };
            match source {
                Source::Jsonl(_) => {
                    self.lines = Some((shown, Box::new(BufReader::new(stream)), 0));
                }
                Source::Text(ref path) => {
                    let mut bytes = Vec::new();
                    if let Err(e) = stream.read_to_end(&mut bytes) {
                        return error(e.to_string());
                    }
                    return Some(match String::from_utf8(bytes) {
                        Ok(text) => Ok(Article {
                            id: text_id(path),
                            text,
                            published: None,
                        }),
                        Err(e) => Err(InputError {
                            origin: shown,
                            message: format!(
                                "not valid UTF-8 (at byte {})",
                                e.utf8_error().valid_up_to()
                            ),
                        }),
                    });
                }
            }
        }
    }
}

/// A text file's id: its name without `.txt`, `.gz` or `.txt.gz`; `stdin` for standard input.
fn text_id(path: &Path) -> String {
    if path.as_os_str() == "-" {
        return "stdin".to_owned();
    }
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    name.strip_suffix(".txt").unwrap_or(name).to_owned()
}

/// The article one JSON line holds.
fn article_of_line(line: &str) -> Result<Article, String> {
    let v: serde_json::Value = serde_json::from_str(line).map_err(|e| format!("not JSON: {e}"))?;
    let (Some(id), Some(text)) = (v["id"].as_str(), v["text"].as_str()) else {
        return Err("needs string fields \"id\" and \"text\"".to_owned());
    };
    let published = match &v["published"] {
        serde_json::Value::Null => None,
        serde_json::Value::String(s) => Some(parse_day(s)?),
        other => return Err(format!("published {other} is not a string")),
    };
    Ok(Article {
        id: id.to_owned(),
        text: text.to_owned(),
        published,
    })
}

/// A day of the calendar written `YYYY-MM-DD`.
pub fn parse_day(s: &str) -> Result<(i32, u32, u32), String> {
    let d: cadre::PartialDate = s
        .parse()
        .map_err(|_| format!("published {s:?} is not a date YYYY-MM-DD"))?;
    if d.month == 0 || d.day == 0 {
        return Err(format!("published {s:?} is not a full date YYYY-MM-DD"));
    }
    Ok((i32::from(d.year), u32::from(d.month), u32::from(d.day)))
}
