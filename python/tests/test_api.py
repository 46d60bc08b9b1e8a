"""The typed objects, spans, known posts and the pandas frame."""

import datetime
import sys

import pytest

import cadre

TEXT = (
    "Hà Nội (VNA) – General Secretary Tô Lâm met voters in Hà Nội on Monday. "
    "Lieutenant General Nguyễn Văn Nghĩa, Deputy Chief of the General Staff, attended."
)


@pytest.fixture(scope="module")
def doc():
    return cadre.extract(TEXT, published="2024-11-27", id="demo")


def test_documents_are_typed_objects(doc):
    assert isinstance(doc, cadre.Document)
    assert doc.id == "demo" and doc.published == "2024-11-27"
    to_lam = next(p for p in doc.persons if p.gazetteer_id == "to-lam")
    assert isinstance(to_lam, cadre.Person) and to_lam.name == "Tô Lâm"
    rel = next(r for r in doc.relations if r.person == "Tô Lâm")
    assert isinstance(rel, cadre.Relation)
    assert (rel.role, rel.organisation, rel.past) == ("General Secretary", "Communist Party of Vietnam", False)
    assert rel.gazetteer_id == "to-lam"
    ev = doc.events[0]
    assert isinstance(ev, cadre.Event) and ev.kind == "meeting" and ev.date == "2024-11-25"
    assert rel.event == ev.id and rel.event_kind == "meeting" and rel.event_date == "2024-11-25"
    assert any(isinstance(o, cadre.Organisation) for o in doc.organisations)
    assert all(isinstance(l, cadre.Location) for l in doc.locations)


def test_spans_are_byte_offsets_on_character_boundaries(doc):
    raw = TEXT.encode("utf-8")
    for p in doc.persons:
        for m in p.mentions:
            assert isinstance(m, cadre.Span)
            covered = raw[m.start : m.end].decode("utf-8")  # raises when off a boundary
            assert covered == m.of(TEXT)
    to_lam = next(p for p in doc.persons if p.name == "Tô Lâm")
    assert to_lam.mentions[0].of(TEXT) == "Tô Lâm"
    rel = doc.relations[0]
    assert "General Secretary" in rel.evidence.of(TEXT)
    with pytest.raises(ValueError):
        cadre.Span(0, len(raw) + 5).of(TEXT)
    assert cadre.Span(1, 2) == cadre.Span(1, 2) and hash(cadre.Span(1, 2)) == hash(cadre.Span(1, 2))


def test_published_accepts_dates_and_strings():
    text = "The Politburo held a meeting on Monday."
    a = cadre.extract(text, "2024-11-27")
    b = cadre.extract(text, datetime.date(2024, 11, 27))
    c = cadre.extract(text, datetime.datetime(2024, 11, 27, 8, 30))
    assert a.events[0].date == b.events[0].date == c.events[0].date == "2024-11-25"
    assert cadre.extract(text).events[0].date is None
    assert cadre.extract("date 2025-03-05\n" + text).events[0].date == "2025-03-03"


def test_known_posts_carry_their_source():
    posts = cadre.known_posts("To Lam", "2024-11-27")
    assert any(p.role == "General Secretary" for p in posts)
    assert all(isinstance(p, cadre.KnownPost) and p.source.startswith("http") for p in posts)
    assert all(p.official == "to-lam" and p.name == "Tô Lâm" for p in posts)
    by_id = cadre.known_posts("to-lam", datetime.date(2024, 11, 27))
    assert [(p.role, p.organisation) for p in by_id] == [(p.role, p.organisation) for p in posts]
    every = cadre.known_posts("to-lam")
    assert len(every) > len(posts)
    assert cadre.known_posts("Nobody Known At All") == []
    with pytest.raises(ValueError):
        cadre.known_posts("to-lam", "2024-13")


def test_stats_name_the_tables():
    stats = cadre.Extractor().stats()
    assert stats["officials"] >= 900 and stats["posts"] >= 2500


def test_relations_frame(doc):
    import pandas  # noqa: F401  (installed with python[test]; a missing pandas fails here, never skips)

    frame = cadre.relations_frame([doc, cadre.extract("Prime Minister Pham Minh Chinh spoke.", id="b")])
    assert list(frame.columns) == cadre.RELATION_COLUMNS
    assert len(frame) == len(doc.relations) + 1
    assert frame.iloc[-1]["id"] == "b" and frame.iloc[-1]["person"] == "Phạm Minh Chính"
    assert frame["past"].dtype == bool
    assert frame["evidence_start"].dtype == "int64"
    plain = frame.astype(object).where(frame.notna(), None)  # pandas shows a missing string as NaN
    assert plain.to_dict("records")[: len(doc.relations)] == doc.relation_rows()
    with pytest.raises(TypeError):
        cadre.relations_frame(["not a document"])


def test_relations_frame_without_pandas_says_what_to_install(doc, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes `import pandas` raise ImportError
    with pytest.raises(ImportError, match="pip install pandas"):
        cadre.relations_frame([doc])


def test_reprs_are_short_and_readable(doc):
    assert repr(doc).startswith("Document(id=\"demo\"")
    assert repr(doc.relations[0]).startswith("Relation(")
    assert repr(cadre.Span(3, 9)) == "Span(3, 9)"


def test_the_docstring_examples_run():
    import doctest

    result = doctest.testmod(cadre, raise_on_error=False)
    assert result.attempted >= 4 and result.failed == 0
