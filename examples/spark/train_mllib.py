#!/usr/bin/env python3
"""Train a classifier with Spark MLlib on features that `stance featurize` makes on the
executors, then import it as a normal `stance` model file.

Hashed features are stateless: every executor pipes its partition of labelled records through
`stance featurize` and gets the same columns for the same n-grams. MLlib's LogisticRegression
(multinomial, or binomial for two labels; elastic net) or NaiveBayes (multinomial) trains on
them, the model is saved, exported to JSON (export_mllib.py) and turned into `model.stance` by
`stance import-mllib`, which then scores raw text exactly as MLlib scored the rows.

Local mode:
  python3 examples/spark/train_mllib.py --master 'local[2]' --stance .build/release/stance \\
      --labels 0,1 --input-format label-tab --features '--hash-bits 18 --norm l2' \\
      --learner logreg --reg-param 1e-5 mr.tsv out/

On a cluster (the tarball from `make dist` shipped to every executor):
  spark-submit --master yarn --num-executors 100 --executor-cores 2 \\
      --archives dist/stance-linux-x86_64.tar.gz#stance \\
      examples/spark/train_mllib.py --stance ./stance/stance-linux-x86_64/stance \\
      --local-stance dist/stance-linux-x86_64/stance --labels against,favor,none \\
      --features '--hash-bits 20' hdfs:///news/labelled/ out/

Writes to the output folder: features.json (the specification), mllib-model/ (MLlib's own
saved model), mllib-model.json (its export) and model.stance.
"""
import argparse
import os
import json
import shlex
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from export_mllib import export_model  # noqa: E402


def featurize_command(stance, labels, input_format, features):
    """The command every executor runs on its partition (records on stdin, libsvm on stdout)."""
    return [stance, "featurize", "--labels", ",".join(labels), "--data", "-", "--input-format", input_format, *features]


def executable(path):
    """The stance executable as a path: RDD.pipe runs commands with only the variables it is
    given, so a bare name would be searched in /bin:/usr/bin alone. A bare name is resolved on
    the driver (right for local mode; on a cluster pass the path inside the shipped archive)."""
    if os.sep in path:
        return path
    found = shutil.which(path)
    if not found:
        raise SystemExit(f"{path} not found on PATH; pass --stance /path/to/stance (on a cluster: the path inside --archives)")
    return found


def featurized_rows(spark, path, command, num_features, partitions=None):
    """(row number, class index, sparse vector) for every record of `path`, in file order."""
    from pyspark.ml.linalg import Vectors

    def parse(line):
        fields = line.split()
        indices, values = [], []
        for item in fields[1:]:
            i, v = item.split(":")
            indices.append(int(i) - 1)
            values.append(float(v))
        return float(fields[0]), Vectors.sparse(num_features, indices, values)

    lines = spark.sparkContext.textFile(path, minPartitions=partitions)
    libsvm = lines.pipe(shlex.join(command), env={"STANCE_THREADS": "1"}, checkCode=True)
    # Cached: zipWithIndex runs a job to count each partition, which would featurise twice.
    return libsvm.map(parse).cache().zipWithIndex().map(lambda p: (p[1], p[0][0], p[0][1]))


def train(spark, args):
    from pyspark.ml.classification import LogisticRegression, NaiveBayes
    labels = args.labels.split(",")
    features = shlex.split(args.features)
    os.makedirs(args.output, exist_ok=True)
    spec = os.path.join(args.output, "features.json")
    subprocess.run([executable(args.local_stance or args.stance), "featurize", "--labels", args.labels, "--spec", spec, *features], check=True)
    with open(spec, encoding="utf-8") as f:
        num_features = 1 << json.load(f)["features"]["hashBits"]
    command = featurize_command(executable(args.stance), labels, args.input_format, features)
    rows = featurized_rows(spark, args.input, command, num_features, args.partitions)
    frame = spark.createDataFrame(rows, ["row", "label", "features"]).cache()
    if args.learner == "logreg":
        estimator = LogisticRegression(regParam=args.reg_param, elasticNetParam=args.elastic_net_param,
                                       standardization=False, maxIter=args.max_iter, tol=args.tol)
    else:
        estimator = NaiveBayes(smoothing=args.smoothing, modelType="multinomial")
    model = estimator.fit(frame)
    counts = {int(r["label"]): r["count"] for r in frame.groupBy("label").count().collect()}
    saved = os.path.join(args.output, "mllib-model")
    model.write().overwrite().save(saved)
    export = os.path.join(args.output, "mllib-model.json")
    export_model(model, export, documents=sum(counts.values()), label_counts=counts)
    frame.unpersist()
    subprocess.run([executable(args.local_stance or args.stance), "import-mllib", export, "--spec", spec,
                    "--output", os.path.join(args.output, "model.stance"), "--quiet"], check=True)
    return model, command, num_features


def score(spark, model, path, command, num_features, output):
    """MLlib's own predictions for the records of `path`, one JSON line per record in file order:
    {"row", "label" (class index), "probabilities"}."""
    import json
    frame = spark.createDataFrame(featurized_rows(spark, path, command, num_features), ["row", "label", "features"])
    predictions = model.transform(frame).select("row", "prediction", "probability").orderBy("row").collect()
    with open(output, "w", encoding="utf-8") as f:
        for p in predictions:
            f.write(json.dumps({"row": p["row"], "label": int(p["prediction"]),
                                "probabilities": [float(v) for v in p["probability"].toArray()]}) + "\n")


def parser():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("input", help="labelled records, one per line (JSON Lines, label-tab or fastText): a file, folder or glob Spark can read")
    ap.add_argument("output", help="folder to write features.json, mllib-model/, mllib-model.json and model.stance")
    ap.add_argument("--labels", required=True, help="labels in class-index order, comma-separated")
    ap.add_argument("--stance", default="stance", help="the stance executable as executors see it (a path; a bare name is resolved on the driver)")
    ap.add_argument("--local-stance", help="the stance executable on the driver (default: --stance)")
    ap.add_argument("--input-format", default="jsonl", help="jsonl, label-tab or fasttext (one record per line)")
    ap.add_argument("--features", default="", help="stance feature options, e.g. '--hash-bits 18 --word-ngrams 1-2 --norm l2'")
    ap.add_argument("--learner", choices=["logreg", "nb"], default="logreg")
    ap.add_argument("--reg-param", type=float, default=0.0, help="logreg: MLlib regParam (= 1/(n*C) for stance's C)")
    ap.add_argument("--elastic-net-param", type=float, default=0.0, help="logreg: 0 = L2, 1 = L1")
    ap.add_argument("--max-iter", type=int, default=100)
    ap.add_argument("--tol", type=float, default=1e-6)
    ap.add_argument("--smoothing", type=float, default=1.0, help="nb: additive smoothing")
    ap.add_argument("--master", help="e.g. local[2]; default: what spark-submit says")
    ap.add_argument("--partitions", type=int, help="minimum input partitions")
    ap.add_argument("--score", help="also write MLlib's predictions for these records (same format as the input)")
    ap.add_argument("--score-output", help="where to write them (JSON Lines; default OUTPUT/mllib-predictions.jsonl)")
    return ap


def main(argv=None):
    args = parser().parse_args(argv)
    from pyspark.sql import SparkSession
    builder = SparkSession.builder.appName("stance-train-mllib")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        model, command, num_features = train(spark, args)
        if args.score:
            score(spark, model, args.score, command, num_features,
                  args.score_output or os.path.join(args.output, "mllib-predictions.jsonl"))
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
