#!/usr/bin/env python3
"""Checks that scoring on Spark gives exactly what one process gives: every FNC-1 and BBC article
body in the shared data is scored by `stance predict --articles` once directly and once through
a local Spark job (examples/spark/score_articles.py), and the two sets of statement records
must be identical, record for record. Also times the Spark job with 1 and 2 executor cores.

  python3 examples/spark/check_local.py            # needs Java 17 and pyspark (installs pyspark
                                                    # into benchmarks/.venv-spark when missing)

Skips (exit 0, with a message) when Java or the shared data is missing.
"""
import csv
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from local_spark import ROOT, STANCE, data_dir, skip_reason, spark_env, spark_python  # noqa: E402


def write_articles(path):
    """The FNC-1 and BBC bodies as JSON Lines with ids `fnc1:<Body ID>` and `bbc:<row>`."""
    csv.field_size_limit(1 << 30)
    count = 0
    with open(path, "w", encoding="utf-8") as out:
        with open(os.path.join(data_dir(), "news", "fnc1-train-bodies.csv"), encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                out.write(json.dumps({"id": f"fnc1:{row['Body ID']}", "text": row["articleBody"]}, ensure_ascii=False) + "\n")
                count += 1
        with open(os.path.join(data_dir(), "news", "bbc-train.csv"), encoding="utf-8", newline="") as f:
            for n, row in enumerate(csv.DictReader(f), start=1):
                out.write(json.dumps({"id": f"bbc:{n}", "text": row["text"]}, ensure_ascii=False) + "\n")
                count += 1
    return count


def canonical(lines):
    return sorted(json.dumps(json.loads(l), sort_keys=True, ensure_ascii=False) for l in lines if l.strip())


def main():
    reason = skip_reason("check_local")
    if reason:
        print(reason)
        return 0
    work = tempfile.mkdtemp(prefix="stance-spark-")
    try:
        articles = os.path.join(work, "articles.jsonl")
        n = write_articles(articles)
        start = time.time()
        single = subprocess.run([STANCE, "predict", "--articles", articles, "--format", "jsonl"],
                                check=True, capture_output=True, text=True).stdout.splitlines()
        single_s = time.time() - start
        python = spark_python()
        env = spark_env(python)
        timings = {}
        for cores in (1, 2):
            out = os.path.join(work, f"out-{cores}")
            start = time.time()
            subprocess.run([python, os.path.join(ROOT, "examples", "spark", "score_articles.py"), "--master", f"local[{cores}]",
                            "--partitions", "4", "--stance", STANCE, articles, out],
                           check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            timings[cores] = time.time() - start
            spark_lines = []
            for part in sorted(glob.glob(os.path.join(out, "part-*"))):
                with open(part, encoding="utf-8") as f:
                    spark_lines += f.read().splitlines()
            a, b = canonical(single), canonical(spark_lines)
            if a != b:
                missing = len(set(a) - set(b)); extra = len(set(b) - set(a))
                print(f"check_local: FAIL: local[{cores}] gave {len(b)} records, one process {len(a)} "
                      f"({missing} missing, {extra} extra)")
                return 1
        print(f"check_local: {n} articles, {len(single)} statements: Spark local[1] and local[2] give the same records "
              f"as one process. One process {single_s:.1f} s; Spark job (incl. ~10 s start-up) "
              f"local[1] {timings[1]:.1f} s, local[2] {timings[2]:.1f} s")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
