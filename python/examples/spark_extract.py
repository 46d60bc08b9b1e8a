"""Runs cadre over an archive of articles on Spark and writes its relations and persons as Parquet tables.

    python python/examples/spark_extract.py INPUT OUTPUT [--master local[2]] [--batch 256]
    spark-submit [cluster options] python/examples/spark_extract.py INPUT OUTPUT

INPUT is JSON Lines or Parquet (a file or a directory; `--format` when the name does not tell) with the columns
`id`, `text` and, optionally, `published` (ISO date). The job runs cadre in `mapPartitions`, with one `Extractor`
per executor process (built once, on first use), over batches of `--batch` articles, and writes:

- OUTPUT/relations: one row per relation: document id, person, gazetteer id, rank, role, organisation, event kind,
  event date, past, evidence span (start, end, byte offsets into the text) and the rule;
- OUTPUT/persons: one row per person per document: document id, name, rank, gazetteer id, number of mentions,
  first mention span;

then prints a summary of counts. Nothing in it is specific to local mode: on a cluster, ship cadre to the
executors as python/README.md shows and submit the same file.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Iterator, List, Optional, Tuple

RELATION_FIELDS = [
    ("id", "string"),
    ("person", "string"),
    ("gazetteer_id", "string"),
    ("rank", "string"),
    ("role", "string"),
    ("organisation", "string"),
    ("event_kind", "string"),
    ("event_date", "string"),
    ("past", "boolean"),
    ("evidence_start", "long"),
    ("evidence_end", "long"),
    ("rule", "string"),
]
PERSON_FIELDS = [
    ("id", "string"),
    ("name", "string"),
    ("rank", "string"),
    ("gazetteer_id", "string"),
    ("mentions", "int"),
    ("first_start", "long"),
    ("first_end", "long"),
]


def extractor():
    """The executor process's extractor. `cadre.Extractor()` with the default gazetteers is built once per
    process and shared by every later call (the crate keeps it in a process-wide cell), and Python workers are
    reused across tasks (spark.python.worker.reuse, on by default): the gazetteers are compiled once per worker
    process, not once per partition or task."""
    import cadre

    return cadre.Extractor()


def extract_partition(rows: Iterator, batch: int, threads: int) -> Iterator[Tuple[str, tuple]]:
    """Tagged output rows ("r", relation) and ("p", person) for a partition's articles."""
    ex = extractor()
    buf: List = []

    def flush():
        docs = ex.extract_many(
            [r["text"] or "" for r in buf],
            [r["published"] for r in buf],
            threads=threads,
            ids=[str(r["id"]) for r in buf],
        )
        for d in docs:
            for row in d.relation_rows():
                yield ("r", tuple(row[name] for name, _ in RELATION_FIELDS))
            for p in d.persons:
                first = p.mentions[0] if p.mentions else None
                yield (
                    "p",
                    (
                        d.id,
                        p.name,
                        p.rank,
                        p.gazetteer_id,
                        len(p.mentions),
                        first.start if first else None,
                        first.end if first else None,
                    ),
                )
        buf.clear()

    for r in rows:
        buf.append(r)
        if len(buf) >= batch:
            yield from flush()
    if buf:
        yield from flush()


def schema(fields):
    from pyspark.sql.types import BooleanType, IntegerType, LongType, StringType, StructField, StructType

    types = {"string": StringType(), "boolean": BooleanType(), "long": LongType(), "int": IntegerType()}
    return StructType([StructField(name, types[t], True) for name, t in fields])


def read_articles(spark, path: str, fmt: Optional[str]):
    from pyspark.sql import functions as F

    fmt = fmt or ("parquet" if path.rstrip("/").endswith(".parquet") else "json")
    frame = spark.read.parquet(path) if fmt == "parquet" else spark.read.json(path)
    missing = {"id", "text"} - set(frame.columns)
    if missing:
        raise SystemExit("%s: no column %s (articles need id and text)" % (path, ", ".join(sorted(missing))))
    published = F.col("published").cast("string") if "published" in frame.columns else F.lit(None).cast("string")
    return frame.select(F.col("id").cast("string").alias("id"), F.col("text"), published.alias("published"))


def run(spark, input_path: str, output: str, fmt: Optional[str] = None, batch: int = 256, threads: int = 1):
    """Extracts, writes OUTPUT/relations and OUTPUT/persons, and returns the summary counts."""
    from pyspark import StorageLevel

    articles = read_articles(spark, input_path, fmt)
    tagged = articles.rdd.mapPartitions(lambda rows: extract_partition(rows, batch, threads))
    tagged.persist(StorageLevel.MEMORY_AND_DISK)
    relations = spark.createDataFrame(tagged.filter(lambda t: t[0] == "r").map(lambda t: t[1]), schema(RELATION_FIELDS))
    persons = spark.createDataFrame(tagged.filter(lambda t: t[0] == "p").map(lambda t: t[1]), schema(PERSON_FIELDS))
    relations.write.mode("overwrite").parquet(os.path.join(output, "relations"))
    persons.write.mode("overwrite").parquet(os.path.join(output, "persons"))
    summary = {
        "documents": articles.count(),
        "relations": relations.count(),
        "persons": persons.count(),
        "linked persons": persons.filter("gazetteer_id IS NOT NULL").count(),
        "officials": persons.filter("gazetteer_id IS NOT NULL").select("gazetteer_id").distinct().count(),
        "past relations": relations.filter("past").count(),
        "relations at an event": relations.filter("event_kind IS NOT NULL").count(),
    }
    tagged.unpersist()
    return summary


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("input", help="JSON Lines or Parquet articles (id, text, published)")
    ap.add_argument("output", help="a directory for the relations and persons Parquet tables")
    ap.add_argument("--format", choices=["json", "parquet"], help="the input's format (default: by its name)")
    ap.add_argument("--master", help="Spark master when not run by spark-submit (default local[*])")
    ap.add_argument("--batch", type=int, default=256, help="articles per extract_many call (default 256)")
    ap.add_argument(
        "--threads", type=int, default=1, help="threads per Spark task (default 1: Spark runs a task per core)"
    )
    args = ap.parse_args(argv)

    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("cadre-extract")
    submitted = "SPARK_ENV_LOADED" in os.environ or "PYSPARK_GATEWAY_PORT" in os.environ
    if args.master or not submitted:
        # Run as a plain Python script: a local session whose workers use this interpreter (and its cadre).
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        builder = builder.master(args.master or "local[*]").config("spark.ui.enabled", "false")
    spark = builder.getOrCreate()
    try:
        summary = run(spark, args.input, args.output, args.format, args.batch, args.threads)
    finally:
        spark.stop()
    width = max(len(k) for k in summary)
    for k, v in summary.items():
        print("%s  %d" % (k.rjust(width), v))
    return 0


if __name__ == "__main__":
    sys.exit(main())
