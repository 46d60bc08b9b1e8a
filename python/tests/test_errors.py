"""Bad input gets a clear Python exception, never a crash."""

import pytest

import cadre


def test_a_malformed_gazetteer_line_names_file_and_line(tmp_path):
    bad = tmp_path / "my-ranks.tsv"
    bad.write_text("rank\tvariants\tservice\nColonel\n", encoding="utf-8")
    with pytest.raises(cadre.GazetteerError) as err:
        cadre.Extractor(gazetteers=[str(bad)])
    e = err.value
    assert isinstance(e, ValueError)
    assert e.file == str(bad) and e.line == 2
    assert "expected 3 tab-separated fields" in e.reason
    assert str(e) == "%s:2: %s" % (bad, e.reason)


def test_a_user_gazetteer_is_used(tmp_path):
    officials = tmp_path / "people.tsv"
    officials.write_text("id\tname\taliases\trank\tborn\thomonyms\nle-van-a\tLê Văn A\t\t\t\t\n", encoding="utf-8")
    posts = tmp_path / "extra_posts.tsv"
    posts.write_text(
        "official\trole\torganisation\tfrom\tto\tsource\n"
        "le-van-a\tChairman\tDemo Provincial People's Committee\t2020\t\thttps://example.org/a\n",
        encoding="utf-8",
    )
    ex = cadre.Extractor(gazetteers=["officials=%s" % officials, str(posts)])
    assert ex.extract("Le Van A spoke.").persons[0].gazetteer_id == "le-van-a"
    assert [p.role for p in ex.known_posts("Le Van A", "2021")] == ["Chairman"]


def test_a_file_that_names_no_table_or_does_not_exist(tmp_path):
    with pytest.raises(ValueError, match="which table"):
        cadre.Extractor(gazetteers=[str(tmp_path / "people.tsv")])
    with pytest.raises(FileNotFoundError):
        cadre.Extractor(gazetteers=[str(tmp_path / "missing-officials.tsv")])
    bad = tmp_path / "bad-officials.tsv"
    bad.write_bytes(b"id\tname\taliases\trank\tborn\thomonyms\nx\t\xff\t\t\t\t\n")
    with pytest.raises(cadre.GazetteerError) as err:
        cadre.Extractor(gazetteers=[str(bad)])
    assert err.value.line == 2


@pytest.mark.parametrize("value", [None, 42, b"General Secretary To Lam", ["a"], 3.5])
def test_text_must_be_str(value):
    with pytest.raises(TypeError, match="text must be str"):
        cadre.extract(value)


def test_extract_many_names_the_bad_item():
    ex = cadre.Extractor()
    with pytest.raises(TypeError, match=r"texts\[1\] must be str, not bytes"):
        ex.extract_many(["ok", b"bytes"])
    with pytest.raises(TypeError, match="not one str"):
        ex.extract_many("one text")
    with pytest.raises(TypeError):
        ex.extract_many(7)
    with pytest.raises(ValueError, match="2 dates for 1 texts"):
        ex.extract_many(["a"], ["2024-01-01", "2024-01-02"])
    with pytest.raises(ValueError, match="ids has 2 items for 1 texts"):
        ex.extract_many(["a"], ids=["x", "y"])
    with pytest.raises(ValueError, match="at least 1"):
        ex.extract_many(["a"], threads=0)


@pytest.mark.parametrize("value", ["2024-13-01", "2024-02-30", "yesterday", "2024-11"])
def test_a_bad_date_is_a_value_error(value):
    with pytest.raises(ValueError):
        cadre.extract("The Politburo met on Monday.", value)


def test_a_date_of_the_wrong_type_is_a_type_error():
    with pytest.raises(TypeError, match="published must be"):
        cadre.extract("The Politburo met on Monday.", 20241127)


def test_hostile_text_is_handled():
    # Lone surrogates cannot be UTF-8: Python's own UnicodeEncodeError, not a crash.
    with pytest.raises(UnicodeEncodeError):
        cadre.extract("General Secretary \ud800 To Lam")
    assert cadre.extract("").to_dict()["persons"] == []
    odd = "\x00\u200b\ufeff" * 1000 + "Nguyễn" * 5000 + "\u0301" * 1000
    cadre.extract(odd).to_json()
    huge = ("Secretary of the Party Committee " * 40000) + "Nguyen " * 40000
    assert isinstance(cadre.extract(huge), cadre.Document)
