"""cadre: who holds which post, in which body, at which event, from English news about Vietnamese politics.

    >>> import cadre
    >>> doc = cadre.extract("General Secretary To Lam met voters in Hanoi on Monday.", published="2024-11-27")
    >>> [(r.person, r.role, r.organisation) for r in doc.relations]
    [('Tô Lâm', 'General Secretary', 'Communist Party of Vietnam')]
    >>> doc.events[0].date
    '2024-11-25'

``cadre.Extractor()`` is the reusable extractor (``Extractor(gazetteers=[...])`` adds your own tables);
``extract_many`` runs a list of texts in parallel with the GIL released; ``Document.to_dict()`` gives the JSON of
the scorer (``shared/eval/OUTPUT.md``); ``relations_frame(docs)`` a pandas DataFrame; ``known_posts(name, date)``
the posts the gazetteers know, each with its public source.
"""

from __future__ import annotations

from typing import Iterable, List, Union
import datetime as _dt

from cadre._cadre import (
    Document,
    Event,
    Extractor,
    KnownPost,
    Location,
    NamedDocument,
    Organisation,
    Person,
    Relation,
    Span,
    __version__,
    extract,
)
from cadre._cadre import known_posts_default as _known_posts_default
from cadre._errors import GazetteerError

__all__ = [
    "Document",
    "Event",
    "Extractor",
    "GazetteerError",
    "KnownPost",
    "Location",
    "NamedDocument",
    "Organisation",
    "Person",
    "Relation",
    "Span",
    "extract",
    "known_posts",
    "relations_frame",
    "RELATION_COLUMNS",
    "__version__",
]

#: The columns of ``relations_frame`` and of ``Document.relation_rows()``, in order: those of
#: ``cadre extract --format tsv``.
RELATION_COLUMNS = [
    "id",
    "person",
    "gazetteer_id",
    "rank",
    "role",
    "organisation",
    "event_kind",
    "event_date",
    "past",
    "evidence_start",
    "evidence_end",
    "rule",
]


def known_posts(
    name_or_id: str, date: Union[str, _dt.date, None] = None
) -> List[KnownPost]:
    """The posts the default gazetteers know for an official, held at some time within ``date``.

    ``name_or_id`` is a gazetteer id (``"to-lam"``), a name or an alias, with or without diacritics; ``date`` is
    ``"2024"``, ``"2024-11"``, ``"2024-11-27"`` or a ``datetime.date``; ``None`` gives every known post. Each post
    carries the public page that states it (``source``).

        >>> any(p.role == "General Secretary" for p in known_posts("To Lam", "2024-11-27"))
        True
    """
    return _known_posts_default(name_or_id, date)


def relations_frame(docs: Iterable[Document]):
    """The relations of ``docs`` as a pandas DataFrame, one row per relation, columns ``RELATION_COLUMNS``.

    pandas is optional for cadre; this function needs it (``pip install pandas``).
    """
    try:
        import pandas as pd
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError(
            "cadre.relations_frame needs pandas, which is not installed: pip install pandas"
        ) from e
    rows: list = []
    for d in docs:
        if not isinstance(d, Document):
            raise TypeError(
                "relations_frame takes cadre.Document objects, not %s" % type(d).__name__
            )
        rows.extend(d.relation_rows())
    frame = pd.DataFrame.from_records(rows, columns=RELATION_COLUMNS)
    return frame.astype({"past": bool, "evidence_start": "int64", "evidence_end": "int64"})
