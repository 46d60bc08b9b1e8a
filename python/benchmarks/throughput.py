"""extract_many from Python against the Rust batch API, on the same corpus, in one run.

    python python/benchmarks/throughput.py [MEGABYTES] [--rounds N]

The corpus is the one of `cargo run --release --example throughput`: the bundled articles (tests/fixtures/*.txt
and the dev set's texts) repeated until they hold MEGABYTES (default 64) of UTF-8 text, taken in chunks of 1024
articles. Rounds alternate the Rust example's `batch` figure and `Extractor.extract_many` (all cores), so that both
see the same machine; the best round of each is compared. Prints MB/s of each and their ratio (the issue's bar:
Python ≥ 0.90 of Rust).
"""

from __future__ import annotations

import argparse
import json
import pathlib
import re
import subprocess
import time

import cadre

ROOT = pathlib.Path(__file__).resolve().parents[2]


def corpus(megabytes: int):
    base = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "fixtures").glob("*.txt"))]
    base += [
        json.loads(p.read_text(encoding="utf-8"))["text"]
        for p in sorted((ROOT / "tests" / "fixtures" / "dev").glob("*.json"))
    ]
    sizes = [len(a.encode("utf-8")) for a in base]
    out, total = [], 0
    while total < megabytes << 20:
        out += base
        total += sum(sizes)
    return out, total / (1 << 20)


def rust_batch(megabytes: int) -> float:
    out = subprocess.run(
        ["cargo", "run", "--release", "-q", "--example", "throughput", "--", str(megabytes)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return float(re.search(r"^batch:\s+([\d.]+) MB/s", out, re.M).group(1))


def python_batch(ex, texts, mb: float, rows: bool) -> tuple:
    """MB/s of extract_many over the corpus (with `rows`, also turning every relation into a dict)."""
    t = time.perf_counter()
    relations = 0
    for i in range(0, len(texts), 1024):
        docs = ex.extract_many(texts[i : i + 1024])
        relations += sum(len(d.relation_rows()) for d in docs) if rows else len(docs)
    return mb / (time.perf_counter() - t), relations


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("megabytes", nargs="?", type=int, default=64)
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    texts, mb = corpus(args.megabytes)
    ex = cadre.Extractor()
    ex.extract(texts[0])  # build the default extractor outside the timing
    rust, py, py_rows = [], [], []
    for _ in range(args.rounds):
        rust.append(rust_batch(args.megabytes))
        py.append(python_batch(ex, texts, mb, rows=False)[0])
        rate, relations = python_batch(ex, texts, mb, rows=True)
        py_rows.append(rate)

    def line(name, rates, what):
        runs = ", ".join("%.1f" % r for r in rates)
        print("%-16s %7.1f MB/s  (best of %d: %s; %s)" % (name, max(rates), len(rates), runs, what))

    line("rust batch:", rust, "Extractor::extract_batch, the throughput example")
    line("python batch:", py, "extract_many, %.0f MB, %d articles" % (mb, len(texts)))
    line("python + rows:", py_rows, "extract_many, then relation_rows() of every document: %d relations" % relations)
    print("python / rust:   %7.2f" % (max(py) / max(rust)))
    print("+ rows / rust:   %7.2f" % (max(py_rows) / max(rust)))


if __name__ == "__main__":
    main()
