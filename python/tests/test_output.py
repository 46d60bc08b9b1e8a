"""The package gives exactly what the Rust crate gives."""

import json

import cadre


def test_every_article_equals_the_rust_dump(corpus, rust_dump):
    ex = cadre.Extractor()
    assert len(rust_dump) == len(corpus)
    for id_, text, published in corpus:
        doc = ex.extract(text, published, id=id_)
        assert doc.to_json() == rust_dump[id_], id_
        assert doc.to_dict() == json.loads(rust_dump[id_]), id_


def test_to_dict_has_the_scorer_shape():
    d = cadre.extract(
        "Politburo member, Minister of National Defence General Phan Van Giang visited Laos on Monday.",
        "2024-11-27",
        id="x",
    ).to_dict()
    assert d["id"] == "x"
    assert set(d) >= {"persons", "organisations", "locations", "documents", "events", "relations"}
    person = d["persons"][0]
    assert person["name"] == "Phan Văn Giang" and person["rank"] == "General"
    rel = {(r["person"], r["role"], r["organisation"]) for r in d["relations"]}
    assert ("Phan Văn Giang", "Minister", "Ministry of National Defence") in rel
    assert ("Phan Văn Giang", "Member", "Politburo") in rel
    names = {p["name"] for p in d["persons"]}
    assert all(r["person"] in names for r in d["relations"])


def test_the_module_function_uses_the_default_extractor(corpus):
    id_, text, published = corpus[0]
    assert cadre.extract(text, published, id=id_).to_json() == cadre.Extractor().extract(
        text, published, id=id_
    ).to_json()
