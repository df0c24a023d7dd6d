#!/usr/bin/env python3
"""Score news articles with `stance` inside Apache Spark: every quoted statement, its speaker and
its stance, one JSON record per statement, for archives too large for one machine.

Spark hands each partition's records to a `stance predict --articles` process through
RDD.pipe: stance reads JSON Lines ({"id": ..., "text": ...}) on standard input and answers each
article as soon as its line arrives, so executors stream with constant memory. The output
records carry the article's id in their `article` field, so they join back to the input.

Local mode (what the tests run):
  python3 examples/spark/score_articles.py --master 'local[2]' --stance .build/release/stance \\
      articles.jsonl out/

On a cluster, ship the self-contained tarball from `make dist` (stance, its libraries and the
bundled model) to every executor and call it from the unpacked folder:
  spark-submit --master yarn --num-executors 100 --executor-cores 2 \\
      --archives dist/stance-linux-x86_64.tar.gz#stance \\
      examples/spark/score_articles.py --stance ./stance/stance-linux-x86_64/stance \\
      hdfs:///news/articles/ hdfs:///news/statements/
"""
import argparse
import os
import shlex
import shutil

from pyspark.sql import SparkSession


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("input", help="JSON Lines of articles with `id` and `text` (a file, folder or glob Spark can read)")
    ap.add_argument("output", help="folder to write: JSON Lines, one record per quoted statement")
    ap.add_argument("--stance", default="stance", help="the stance executable as executors see it (a path; a bare name is resolved on the driver)")
    ap.add_argument("--model", help="a model file executors can read (default: the one bundled with stance)")
    ap.add_argument("--master", help="e.g. local[2]; default: what spark-submit says")
    ap.add_argument("--partitions", type=int, default=None, help="minimum input partitions")
    ap.add_argument("--text-field", default="text")
    args = ap.parse_args(argv)

    builder = SparkSession.builder.appName("stance-score-articles")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        # RDD.pipe passes only STANCE_THREADS, so executors would search a bare name in /bin:/usr/bin.
        stance = args.stance if os.sep in args.stance else (shutil.which(args.stance) or args.stance)
        command = [stance, "predict", "--articles", "-", "--input-format", "jsonl", "--format", "jsonl",
                   "--text-field", args.text_field]
        if args.model:
            command += ["--model", args.model]
        lines = spark.sparkContext.textFile(args.input, minPartitions=args.partitions)
        # One stance process per partition, one core each: Spark already runs a task per core.
        statements = lines.pipe(" ".join(shlex.quote(c) for c in command), env={"STANCE_THREADS": "1"})
        statements.saveAsTextFile(args.output)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
