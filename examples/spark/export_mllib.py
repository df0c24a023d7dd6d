#!/usr/bin/env python3
"""Export a saved Spark MLlib classifier to the JSON that `stance import-mllib` reads.

MLlib saves a model as a folder of Parquet; this script loads it with pyspark and writes its
numbers (coefficient matrix or theta, intercepts or pi, sizes and parameters) as JSON. Every
double is written as its shortest round-trip decimal, so nothing is lost. Rows are stored
sparsely: entries equal to the row's most common value ("fill") are left out.

  python3 examples/spark/export_mllib.py mllib-model/ mllib-model.json [--documents N --label-counts 0=N0,1=N1]
  stance import-mllib mllib-model.json --spec features.json --output model.stance

Supported: LogisticRegressionModel (binomial or multinomial) and NaiveBayesModel (multinomial).
"""
import argparse
import json
import math
import os
import sys

FORMAT = "stance-mllib/1"


def _rows(matrix):
    import numpy as np
    array = matrix.toArray()
    rows = []
    for row in array:
        values, counts = np.unique(row, return_counts=True)
        fill = float(values[counts.argmax()])
        keep = np.nonzero(row != fill)[0]
        rows.append({"fill": fill, "indices": [int(j) for j in keep], "values": [float(row[j]) for j in keep]})
    return rows


def export_model(model, path, documents=None, label_counts=None):
    """Writes `model` (a fitted or loaded MLlib classifier) to `path` for `stance import-mllib`.
    `label_counts` maps class index (int or str) to its number of training rows."""
    import pyspark
    from pyspark.ml.classification import LogisticRegressionModel, NaiveBayesModel
    if isinstance(model, LogisticRegressionModel):
        out = {"model": "LogisticRegressionModel",
               "params": {"regParam": model.getRegParam(), "elasticNetParam": model.getElasticNetParam(),
                          "standardization": model.getStandardization(), "fitIntercept": model.getFitIntercept()},
               "intercepts": [float(v) for v in model.interceptVector.toArray()],
               "coefficients": _rows(model.coefficientMatrix)}
    elif isinstance(model, NaiveBayesModel):
        out = {"model": "NaiveBayesModel",
               "params": {"smoothing": model.getSmoothing(), "modelType": model.getModelType()},
               "intercepts": [float(v) for v in model.pi.toArray()],
               "coefficients": _rows(model.theta)}
    else:
        raise SystemExit(f"export_mllib: {type(model).__name__} is not supported; export a LogisticRegressionModel or NaiveBayesModel")
    out.update({"format": FORMAT, "sparkVersion": pyspark.__version__,
                "numClasses": int(model.numClasses), "numFeatures": int(model.numFeatures)})
    if documents is None and label_counts:
        documents = sum(int(v) for v in label_counts.values())
    if documents is not None:
        out["trainingData"] = {"documents": int(documents),
                               "labelCounts": {str(k): int(v) for k, v in (label_counts or {}).items()}}
    numbers = out["intercepts"] + [v for row in out["coefficients"] for v in [row["fill"], *row["values"]]]
    if not all(math.isfinite(v) for v in numbers):
        raise SystemExit("export_mllib: the model holds infinite or NaN numbers (a class with no training rows, or "
                         "naive Bayes with smoothing 0?); stance cannot score with it. Retrain with every label present "
                         "and smoothing > 0")
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(out, f, allow_nan=False)
    os.replace(tmp, path)  # never a half-written export


def load_model(folder):
    """Loads a saved MLlib classifier, choosing the class its metadata names."""
    from pyspark.ml.classification import LogisticRegressionModel, NaiveBayesModel
    metadata = os.path.join(folder, "metadata")
    parts = sorted(p for p in os.listdir(metadata) if p.startswith("part-")) if os.path.isdir(metadata) else []
    if not parts:
        raise SystemExit(f"export_mllib: {folder}: not a saved MLlib model (no metadata/part-* file)")
    with open(os.path.join(metadata, parts[0]), encoding="utf-8") as f:
        name = json.loads(f.readline())["class"]
    classes = {"org.apache.spark.ml.classification.LogisticRegressionModel": LogisticRegressionModel,
               "org.apache.spark.ml.classification.NaiveBayesModel": NaiveBayesModel}
    if name not in classes:
        raise SystemExit(f"export_mllib: {folder} holds a {name}; export a LogisticRegressionModel or NaiveBayesModel")
    return classes[name].load(folder)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("model", help="the folder MLlib saved the model in (model.write().save(...))")
    ap.add_argument("output", help="the JSON file to write")
    ap.add_argument("--documents", type=int, help="number of training rows (recorded in the stance model)")
    ap.add_argument("--label-counts", help="training rows per class index, e.g. 0=5331,1=5331")
    args = ap.parse_args(argv)
    from pyspark.sql import SparkSession
    spark = SparkSession.builder.master("local[1]").appName("stance-export-mllib").getOrCreate()
    try:
        counts = dict(item.split("=", 1) for item in args.label_counts.split(",")) if args.label_counts else None
        export_model(load_model(args.model), args.output, args.documents, counts)
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
