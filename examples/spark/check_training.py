#!/usr/bin/env python3
"""Checks training on Spark end to end: `stance featurize` on the executors, MLlib fits, and
`stance import-mllib` gives a model that
  - agrees with MLlib's own predictions on held-out rows: every label equal, every probability
    within 1e-6; and
  - is within 0.5 accuracy points of `stance train` with the same features and regularisation
    (MLlib's regParam = 1/(n*C)).
Cases: MR (every 10th sentence held out) with binomial logistic regression (L2 and elastic net)
and multinomial naive Bayes; SemEval-2016 stance (all targets; train → val) with multinomial logistic regression.

  python3 examples/spark/check_training.py      # needs Java 17; installs pyspark and numpy
                                                 # into benchmarks/.venv-spark when missing

Skips (exit 0, with a message) when Java or the shared data is missing.
"""
import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from local_spark import STANCE, data_dir, skip_reason, spark_env, spark_python  # noqa: E402

AGREEMENT = 1e-6
ACCURACY_POINTS = 0.5


def mr_split(work):
    with open(os.path.join(data_dir(), "sentences", "mr.tsv"), encoding="utf-8") as f:
        lines = f.read().splitlines()
    train, held = os.path.join(work, "mr-train.tsv"), os.path.join(work, "mr-held.tsv")
    with open(train, "w", encoding="utf-8") as t, open(held, "w", encoding="utf-8") as h:
        for n, line in enumerate(lines, start=1):
            (h if n % 10 == 0 else t).write(line + "\n")
    return train, held


def semeval_split(work):
    paths = {}
    for split in ("train", "val"):
        paths[split] = os.path.join(work, f"semeval-{split}.jsonl")
        with open(paths[split], "w", encoding="utf-8") as out:
            for target in sorted(glob.glob(os.path.join(data_dir(), "semeval2016-stance", "*", f"{split}.jsonl"))):
                with open(target, encoding="utf-8") as f:
                    out.writelines(line for line in f if line.strip())
    return paths["train"], paths["val"]


def gold_labels(path, input_format):
    with open(path, encoding="utf-8") as f:
        if input_format == "jsonl":
            return [json.loads(line)["label"] for line in f]
        return [line.split("\t", 1)[0] for line in f]


def stance_predictions(model, path, input_format):
    out = subprocess.run([STANCE, "predict", "--model", model, path, "--input-format", input_format, "--format", "jsonl", "--no-text"],
                         check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines()]


def accuracy(predictions, gold):
    return 100.0 * sum(p["label"] == g for p, g in zip(predictions, gold)) / len(gold)


def run_case(spark, name, train_path, held_path, input_format, labels, features, learner, c, work, l1_ratio=0.0):
    """Trains on Spark and with `stance train`; returns a list of failures (empty when all agree).
    `features` must spell out every feature setting: featurize's defaults are not train's."""
    from export_mllib import export_model, load_model
    from train_mllib import parser, score, train
    n = len(gold_labels(train_path, input_format))
    out = os.path.join(work, name)
    options = ["--stance", STANCE, "--labels", ",".join(labels), "--input-format", input_format,
               "--features", " ".join(features), "--learner", learner, "--max-iter", "300", "--tol", "1e-8"]
    options += ["--reg-param", repr(1.0 / (n * c)), "--elastic-net-param", repr(l1_ratio)] if learner == "logreg" else ["--smoothing", "1"]
    start = time.time()
    args = parser().parse_args(options + [train_path, out])
    model, command, num_features = train(spark, args)
    spark_seconds = time.time() - start
    mllib_path = os.path.join(out, "mllib-predictions.jsonl")
    score(spark, model, held_path, command, num_features, mllib_path)
    with open(mllib_path, encoding="utf-8") as f:
        mllib = [json.loads(line) for line in f]
    imported = stance_predictions(os.path.join(out, "model.stance"), held_path, input_format)

    # stance's own training on the same features and regularisation.
    own = os.path.join(out, "stance-train.stance")
    learner_options = ["--classifier", "logreg", "--C", repr(c), "--tol", "1e-8", "--max-iter", "1000"] if learner == "logreg" \
        else ["--classifier", "nb", "--alpha", "1"]
    if l1_ratio > 0:
        learner_options += ["--penalty", "elasticnet", "--l1-ratio", repr(l1_ratio)]
    start = time.time()
    subprocess.run([STANCE, "train", "--data", train_path, "--input-format", input_format, *features, *learner_options,
                    "--output", own, "--quiet"], check=True)
    stance_seconds = time.time() - start
    trained = stance_predictions(own, held_path, input_format)

    gold = gold_labels(held_path, input_format)
    failures = []
    # The saved Parquet model, loaded again and exported, gives the same numbers as the fitted one.
    reloaded = os.path.join(out, "reloaded.json")
    export_model(load_model(os.path.join(out, "mllib-model")), reloaded)
    with open(os.path.join(out, "mllib-model.json"), encoding="utf-8") as a, open(reloaded, encoding="utf-8") as b:
        fitted, loaded = json.load(a), json.load(b)
    fitted.pop("trainingData", None)
    if fitted != loaded:
        failures.append(f"{name}: exporting the saved MLlib model gives other numbers than exporting the fitted one")
    if len(imported) != len(mllib) or len(imported) != len(gold):
        return [f"{name}: {len(imported)} stance predictions, {len(mllib)} MLlib predictions, {len(gold)} held-out rows"]
    differing = sum(labels.index(p["label"]) != m["label"] for p, m in zip(imported, mllib))
    largest = max(abs(p["probabilities"][label] - m["probabilities"][i])
                  for p, m in zip(imported, mllib) for i, label in enumerate(labels))
    if differing:
        failures.append(f"{name}: {differing} of {len(gold)} held-out labels differ between the imported model and MLlib")
    if largest > AGREEMENT:
        failures.append(f"{name}: probabilities differ by up to {largest:.3g} (allowed {AGREEMENT:g})")
    a_imported, a_trained = accuracy(imported, gold), accuracy(trained, gold)
    if abs(a_imported - a_trained) > ACCURACY_POINTS:
        failures.append(f"{name}: imported MLlib model {a_imported:.2f}% vs stance train {a_trained:.2f}% (allowed ±{ACCURACY_POINTS})")
    print(f"check_training: {name}: {len(gold)} held-out rows, labels equal: {differing == 0}, max |Δp| {largest:.2g}; "
          f"accuracy imported {a_imported:.2f}% vs stance train {a_trained:.2f}%; "
          f"Spark featurize+fit {spark_seconds:.1f} s, stance train {stance_seconds:.1f} s", flush=True)
    return failures


def main():
    reason = skip_reason("check_training")
    if reason:
        print(reason)
        return 0
    python = spark_python()
    if python != sys.executable:
        return subprocess.run([python, os.path.abspath(__file__), *sys.argv[1:]], env=spark_env(python)).returncode
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--master", default="local[2]")
    args = ap.parse_args()
    from pyspark.sql import SparkSession
    work = tempfile.mkdtemp(prefix="stance-mllib-")
    spark = (SparkSession.builder.master(args.master).appName("stance-check-training")
             .config("spark.ui.showConsoleProgress", "false").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    try:
        mr_train, mr_held = mr_split(work)
        se_train, se_held = semeval_split(work)
        failures = []
        failures += run_case(spark, "MR logistic regression (binomial)", mr_train, mr_held, "label-tab", ["0", "1"],
                             ["--hash-bits", "18", "--word-ngrams", "1-2", "--char-ngrams", "0", "--weighting", "binary", "--norm", "l2"], "logreg", 10.0, work)
        failures += run_case(spark, "MR naive Bayes (multinomial)", mr_train, mr_held, "label-tab", ["0", "1"],
                             ["--hash-bits", "18", "--word-ngrams", "1-2", "--char-ngrams", "0", "--weighting", "binary", "--norm", "none"], "nb", None, work)
        failures += run_case(spark, "MR logistic regression (elastic net, l1-ratio 0.5)", mr_train, mr_held, "label-tab", ["0", "1"],
                             ["--hash-bits", "18", "--word-ngrams", "1-2", "--char-ngrams", "0", "--weighting", "binary", "--norm", "l2"],
                             "logreg", 10.0, work, l1_ratio=0.5)
        failures += run_case(spark, "SemEval logistic regression (multinomial, 3 labels)", se_train, se_held, "jsonl",
                             ["against", "favor", "none"],
                             ["--hash-bits", "18", "--word-ngrams", "1-2", "--char-ngrams", "2-4", "--weighting", "binary", "--norm", "l2"], "logreg", 1.0, work)
        for failure in failures:
            print("check_training: FAIL: " + failure)
        return 1 if failures else 0
    finally:
        spark.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
