//! Errors. Extraction itself never fails: every error belongs to building an [`Extractor`](crate::Extractor).

use std::path::PathBuf;

/// An error found while building an [`Extractor`](crate::Extractor): a gazetteer that cannot be read or has a
/// malformed line.
///
/// ```
/// use cadre::{Extractor, Gazetteer};
///
/// let err = Extractor::builder()
///     .gazetteer_text(Gazetteer::Ranks, "my-ranks.tsv", "rank\tvariants\tservice\nColonel\n")
///     .build()
///     .unwrap_err();
/// assert_eq!(err.to_string(), "my-ranks.tsv:2: expected 3 tab-separated fields, found 1");
/// ```
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// A gazetteer file could not be read.
    #[error("cannot read gazetteer {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
    /// A gazetteer line is malformed.
    #[error("{file}:{line}: {message}")]
    Gazetteer {
        /// The file name (as given to the builder, or the default's name).
        file: String,
        /// The 1-based line number.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
}
