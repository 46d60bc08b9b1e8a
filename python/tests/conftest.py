"""Shared fixtures: the bundled articles and the Rust tools' output on them."""

from __future__ import annotations

import csv
import io
import json
import pathlib
import subprocess
import tempfile

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
SEEDS_GOLD = ROOT.parent / "shared" / "eval" / "gold"
DEV = ROOT / "tests" / "fixtures" / "dev"


def articles():
    """(id, text, published) of the seeds and the dev set, in name order."""
    out = []
    for d in (SEEDS_GOLD, DEV):
        paths = sorted(d.glob("*.json"))
        assert paths, "no articles in %s" % d
        for p in paths:
            g = json.loads(p.read_text(encoding="utf-8"))
            out.append((g["id"], g["text"], g.get("published")))
    return out


def _jsonl(rows) -> str:
    f = tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8")
    with f:
        for id_, text, published in rows:
            row = {"id": id_, "text": text}
            if published:
                row["published"] = published
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return f.name


def cargo(*args: str) -> str:
    """Runs `cargo run --release -q ARGS` at the crate's root; its standard output."""
    done = subprocess.run(
        ["cargo", "run", "--release", "-q", *args],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout


@pytest.fixture(scope="session")
def corpus():
    return articles()


@pytest.fixture(scope="session")
def corpus_jsonl(corpus):
    return _jsonl(corpus)


@pytest.fixture(scope="session")
def rust_dump(corpus_jsonl):
    """The `dump` example's JSON line per article, by id."""
    out = cargo("--example", "dump", "--", "--format", "jsonl", "--jsonl", corpus_jsonl)
    lines = out.splitlines()
    return {json.loads(line)["id"]: line for line in lines}


@pytest.fixture(scope="session")
def rust_relation_rows(corpus_jsonl):
    """`cadre extract --format csv` rows (dicts of strings), in output order."""
    out = cargo("--", "extract", "--format", "csv", "--jsonl", corpus_jsonl)
    return list(csv.DictReader(io.StringIO(out)))
