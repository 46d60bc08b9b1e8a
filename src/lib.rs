//! TODO crate docs
#![deny(missing_docs)]

mod error;
mod extractor;
mod fold;
mod gazetteer;
mod matcher;
mod model;
mod rules;

pub use error::BuildError;
pub use extractor::{ExtractOptions, Extractor, ExtractorBuilder, KnownPost, extract};
pub use gazetteer::{Gazetteer, PartialDate};
pub use model::{
    Document, Event, EventKind, Location, NamedDocument, Organisation, Person, Relation, Span,
};
