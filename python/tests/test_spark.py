"""The Spark job in local[2] gives the Rust command's relations, row for row.

pyspark (and Java 17) are needed: `pip install './python[test]'` installs pyspark. A machine without them fails
here with that message; the test is never skipped.
"""

import json
import os
import pathlib
import subprocess
import sys

import pytest

try:
    import pyspark  # noqa: F401
except ImportError as e:  # pragma: no cover
    raise ImportError("the Spark test needs pyspark: pip install './python[test]'") from e

import pandas as pd

JOB = pathlib.Path(__file__).resolve().parents[1] / "examples" / "spark_extract.py"


def run_job(input_path, out, *extra):
    done = subprocess.run(
        [sys.executable, str(JOB), str(input_path), str(out), "--master", "local[2]", "--batch", "16", *extra],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    return dict(
        (k.strip(), int(v)) for k, v in (line.rsplit("  ", 1) for line in done.stdout.strip().splitlines())
    )


def as_csv_strings(row):
    """A Parquet row written as `cadre extract --format csv` writes it."""

    def cell(v):
        if v is None or (isinstance(v, float) and v != v):
            return ""
        if isinstance(v, bool):
            return "true" if v else "false"
        return str(v)

    return {k: cell(v) for k, v in row.items()}


def key(r):
    return (r["id"], int(r["evidence_start"]), int(r["evidence_end"]), r["person"], r["role"], r["organisation"])


@pytest.fixture(scope="module")
def job_output(tmp_path_factory, corpus_jsonl):
    out = tmp_path_factory.mktemp("spark") / "out"
    summary = run_job(corpus_jsonl, out)
    return out, summary


def test_relations_equal_the_rust_commands_row_for_row(job_output, rust_relation_rows):
    out, summary = job_output
    spark_rows = pd.read_parquet(out / "relations").to_dict("records")
    got = sorted((as_csv_strings(r) for r in spark_rows), key=key)
    want = sorted(rust_relation_rows, key=key)
    assert len(got) == len(want) == summary["relations"]
    for g, w in zip(got, want):
        assert g == w
    assert summary["relations"] > 500


def test_persons_table_and_summary(job_output, corpus, rust_dump):
    out, summary = job_output
    persons = pd.read_parquet(out / "persons")
    assert summary["documents"] == len(corpus)
    want = sum(len(json.loads(line)["persons"]) for line in rust_dump.values())
    assert len(persons) == summary["persons"] == want
    assert summary["linked persons"] == int(persons["gazetteer_id"].notna().sum())
    assert 0 < summary["officials"] <= summary["linked persons"]
    assert set(persons.columns) == {"id", "name", "rank", "gazetteer_id", "mentions", "first_start", "first_end"}


def test_parquet_input_gives_the_same_relations(tmp_path, corpus, job_output):
    out, summary = job_output
    articles = tmp_path / "articles.parquet"
    pd.DataFrame([{"id": i, "text": t, "published": p} for i, t, p in corpus]).to_parquet(articles)
    again = run_job(articles, tmp_path / "out")
    assert again == summary
    a = pd.read_parquet(tmp_path / "out" / "relations").sort_values(["id", "evidence_start", "role"])
    b = pd.read_parquet(out / "relations").sort_values(["id", "evidence_start", "role"])
    assert a.reset_index(drop=True).equals(b.reset_index(drop=True))


def test_spark_submit_runs_the_same_file(tmp_path, corpus, rust_relation_rows):
    # What a cluster runs: spark-submit (pyspark's own, here with a local master) and the job file unchanged.
    seeds = [c for c in corpus if c[0].startswith("seed-")]
    assert seeds
    articles = tmp_path / "seeds.jsonl"
    articles.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t, _ in seeds), encoding="utf-8")
    submit = pathlib.Path(pyspark.__file__).parent / "bin" / "spark-submit"
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
    done = subprocess.run(
        [str(submit), "--master", "local[2]", str(JOB), str(articles), str(tmp_path / "out")],
        capture_output=True,
        text=True,
        timeout=900,
        env=env,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    got = sorted(
        (as_csv_strings(r) for r in pd.read_parquet(tmp_path / "out" / "relations").to_dict("records")), key=key
    )
    want = sorted((r for r in rust_relation_rows if r["id"].startswith("seed-")), key=key)
    assert got == want and got
