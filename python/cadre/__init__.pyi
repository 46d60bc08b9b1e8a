"""Type stubs of the cadre package (the classes are implemented in Rust, cadre._cadre)."""

import datetime
from typing import Any, Dict, Iterable, List, Optional, Sequence, Union

import pandas

DateLike = Union[str, datetime.date, None]

__version__: str
RELATION_COLUMNS: List[str]

class GazetteerError(ValueError):
    """A malformed gazetteer line: ``file``, 1-based ``line``, ``reason``."""
    file: str
    line: int
    reason: str

class Span:
    """Byte offsets into the UTF-8 input, ``start`` inclusive, ``end`` exclusive."""
    start: int
    end: int
    def __init__(self, start: int, end: int) -> None: ...
    def of(self, text: str) -> str:
        """The text the span covers in ``text``."""

class Person:
    name: str
    rank: Optional[str]
    gazetteer_id: Optional[str]
    mentions: List[Span]
    rule: str

class Organisation:
    name: str
    gazetteer_id: Optional[str]
    kind: Optional[str]
    mentions: List[Span]
    rule: str

class Location:
    name: str
    gazetteer_id: Optional[str]
    mentions: List[Span]

class NamedDocument:
    name: str
    number: Optional[str]
    date: Optional[str]
    mentions: List[Span]
    rule: str

class Event:
    id: str
    kind: str
    date: Optional[str]
    location: Optional[str]
    mentions: List[Span]
    rule: str

class Relation:
    person: str
    gazetteer_id: Optional[str]
    rank: Optional[str]
    role: str
    organisation: Optional[str]
    event: Optional[str]
    event_kind: Optional[str]
    event_date: Optional[str]
    past: bool
    evidence: Span
    rule: str

class KnownPost:
    official: str
    name: str
    role: str
    organisation: Optional[str]
    start: Optional[str]
    end: Optional[str]
    source: str

class Document:
    """What cadre found in one text."""
    @property
    def id(self) -> str: ...
    @property
    def published(self) -> Optional[str]: ...
    @property
    def persons(self) -> List[Person]: ...
    @property
    def organisations(self) -> List[Organisation]: ...
    @property
    def locations(self) -> List[Location]: ...
    @property
    def documents(self) -> List[NamedDocument]: ...
    @property
    def events(self) -> List[Event]: ...
    @property
    def relations(self) -> List[Relation]: ...
    def relation_rows(self) -> List[Dict[str, Any]]:
        """One flat dict per relation, keys ``RELATION_COLUMNS``."""
    def to_dict(self) -> Dict[str, Any]:
        """The scorer's JSON object (shared/eval/OUTPUT.md)."""
    def to_json(self) -> str:
        """The scorer's JSON object as a string: the ``dump`` example's line."""

class Extractor:
    """A reusable extractor; thread-safe. ``gazetteers``: files added to the embedded tables."""
    def __init__(self, gazetteers: Optional[Sequence[str]] = None) -> None: ...
    def extract(self, text: str, published: DateLike = None, *, id: Optional[str] = None) -> Document: ...
    def extract_many(
        self,
        texts: Iterable[str],
        published: Union[DateLike, Sequence[DateLike]] = None,
        threads: Optional[int] = None,
        *,
        ids: Optional[Sequence[str]] = None,
    ) -> List[Document]: ...
    def known_posts(self, name_or_id: str, date: DateLike = None) -> List[KnownPost]: ...
    def stats(self) -> Dict[str, int]: ...

def extract(text: str, published: DateLike = None, *, id: Optional[str] = None) -> Document: ...
def known_posts(name_or_id: str, date: DateLike = None) -> List[KnownPost]: ...
def relations_frame(docs: Iterable[Document]) -> "pandas.DataFrame": ...
