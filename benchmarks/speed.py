#!/usr/bin/env python3
"""Speed and memory benchmark: `stance` beside scikit-learn, fastText and Vowpal Wabbit, same run.

One command measures training time, prediction throughput, peak resident memory and held-out
accuracy of every tool on the same deterministic corpus (benchmarks/make_corpus.py) at several
sizes, alternating the tools (A B C A B C ...) so that drift in a shared machine's load spreads
over all of them, and writes benchmarks/results/speed.md and speed.json with the RATIOS of stance
to each tool (absolute times drift; ratios measured in one run are what the report compares).

  python3 benchmarks/speed.py                       # the full run -> benchmarks/results/speed.{md,json}
  python3 benchmarks/speed.py --smoke               # CI: ~1 minute, stance vs fastText's Debian CLI
  python3 benchmarks/speed.py --sizes 100000,300000 --tools stance-logreg-hash,vw
  python3 benchmarks/speed.py --list                # tool names

What is measured, per tool and corpus size N (train file: N documents, seed 1; test file: N/10
documents, seed 2 — another draw from the same generator):
  * training: wall time of the whole command (read the file, featurise, fit, write the model),
    median of up to --repeats runs (a tool whose first run takes longer than --long-run seconds
    is run once at that size, to keep the run within its time budget);
  * prediction: wall time to label the whole TRAIN file (N documents), as documents/s and MB/s
    of that tool's own input file; output goes to /dev/null;
  * peak resident memory of the process (/usr/bin/time's "Maximum resident set size");
  * accuracy on the held-out test file (one extra prediction, not timed).

Tools (each is one row; `--tools` picks them):
  stance-*    .build/release/stance (or $STANCE_BIN), run from a private copy taken at start;
              STANCE_THREADS=2 unless the key ends in -1t.
  sklearn-*   a worker process (this script, `--sklearn-worker`) in benchmarks/.venv: reads the
              JSONL, featurises, fits, then predicts the train file and the test file in the same
              process. Training time = process start to end of fit (interpreter start and imports
              included, no model saved); prediction time = interpreter start + imports + reading,
              transforming and predicting the train file in-process (no model loading) — both are
              slightly favourable to scikit-learn. Its peak memory is the whole process's.
  fasttext-*  Debian's `fasttext` CLI (apt-get install fasttext).
  vw          Vowpal Wabbit's command line as `python -m vowpalwabbit` (the PyPI package ships no
              `vw` binary; its __main__ runs the same C++ driver, ~0.3 s of interpreter start).

Before the full run the script waits until no `benchmarks/accuracy.py` is running (polling
every 30 s; --no-wait skips this). Corpora are generated once into benchmarks/work/speed/corpus
(git-ignored) and reused; data is read from $STANCE_DATA or ../shared/datasets and never copied
into the repository.
"""
import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "benchmarks")
WORK = os.path.join(BENCH, "work", "speed")
RESULTS = os.path.join(BENCH, "results")
STANCE = os.environ.get("STANCE_BIN") or os.path.join(ROOT, ".build", "release", "stance")
VENV = os.path.join(BENCH, ".venv")
VENV_PY = os.path.join(VENV, "bin", "python")
# Same pins as benchmarks/accuracy.py, so both harnesses can share benchmarks/.venv.
PINS = {"numpy": "numpy==2.4.6", "scipy": "scipy==1.17.1", "scikit-learn": "scikit-learn==1.9.1",
        "vowpalwabbit": "vowpalwabbit==9.11.9"}

SEED_TRAIN, SEED_TEST = 1, 2
FULL_SIZES = [100_000, 300_000, 1_000_000]
SMOKE_SIZE = 20_000
HASH_BITS = 20
EPOCHS = 5
LABELS = ["review", "social", "news"]  # as in make_corpus.py (VW label index = position + 1)

sys.path.insert(0, BENCH)


def log(msg=""):
    print(msg, flush=True)


def mb(nbytes):
    return nbytes / 1e6


# ============================================================================================
# scikit-learn worker (runs inside benchmarks/.venv; launched by the harness)
# ============================================================================================

def sklearn_worker(model, train_path, test_path, out_json, preds_path):
    marks = {"start": time.time()}
    import numpy as np
    from sklearn.feature_extraction.text import CountVectorizer, HashingVectorizer, TfidfVectorizer
    from sklearn.linear_model import LogisticRegression, SGDClassifier
    from sklearn.naive_bayes import MultinomialNB
    marks["imports"] = time.time()

    def read(path):
        texts, labels = [], []
        loads = json.loads
        with open(path, encoding="utf-8") as f:
            for line in f:
                r = loads(line)
                texts.append(r["text"])
                labels.append(r["label"])
        return texts, labels

    texts, labels = read(train_path)
    marks["read"] = time.time()
    if model == "tfidf-lr":
        vec = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)
        clf = LogisticRegression(C=10, max_iter=300)
        X = vec.fit_transform(texts)
    elif model == "hash-sgd":
        vec = HashingVectorizer(ngram_range=(1, 2), n_features=2 ** HASH_BITS, alternate_sign=False)
        clf = SGDClassifier(loss="log_loss", max_iter=EPOCHS, tol=None, n_jobs=2, random_state=SEED_TRAIN)
        X = vec.transform(texts)
    elif model == "mnb":
        vec = CountVectorizer(ngram_range=(1, 2), binary=True)
        clf = MultinomialNB(alpha=1.0)
        X = vec.fit_transform(texts)
    else:
        raise SystemExit(f"unknown sklearn model {model}")
    marks["featurised"] = time.time()
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # ConvergenceWarning at max_iter / max_iter=5 for SGD
        clf.fit(X, labels)
    marks["fit"] = time.time()
    info = {"features": int(X.shape[1]), "nnz": int(X.nnz)}
    n_iter = getattr(clf, "n_iter_", None)
    if n_iter is not None:
        info["iterations"] = int(np.max(n_iter))
    del X
    # Prediction of the whole train file, from reading it again to the labels.
    marks["predict_start"] = time.time()
    t2, _ = read(train_path)
    pred = clf.predict(vec.transform(t2))
    marks["predict_end"] = time.time()
    info["predicted"] = int(len(pred))
    del t2, pred
    if test_path != "-":
        tt, _ = read(test_path)
        pred = clf.predict(vec.transform(tt))
        with open(preds_path, "w", encoding="utf-8") as f:
            f.write("\n".join(str(p) for p in pred) + "\n")
    with open(out_json, "w") as f:
        json.dump({"marks": marks, "info": info}, f)


# ============================================================================================
# Measuring one command
# ============================================================================================

class RunFailed(Exception):
    pass


def measured(cmd, env=None, stdout_path=None, stderr_path=None, timeout=None):
    """Runs cmd under /usr/bin/time; returns (wall seconds, peak RSS in MB, launch epoch)."""
    tf = os.path.join(WORK, f"time-{os.getpid()}.txt")
    full = ["/usr/bin/time", "-f", "%M", "-o", tf] + list(cmd)
    out = open(stdout_path, "wb") if stdout_path else subprocess.DEVNULL
    err = open(stderr_path, "wb") if stderr_path else subprocess.DEVNULL
    try:
        launch = time.time()
        t0 = time.perf_counter()
        rc = subprocess.run(full, stdout=out, stderr=err, env=env, timeout=timeout).returncode
        wall = time.perf_counter() - t0
    finally:
        if stdout_path:
            out.close()
        if stderr_path:
            err.close()
    rss = None
    try:
        with open(tf) as f:
            lines = [l.strip() for l in f if l.strip()]
        rss = int(lines[-1]) / 1024.0  # KB -> MiB-ish; reported as MB (1024 KB)
    except (OSError, ValueError, IndexError):
        pass
    try:
        os.remove(tf)
    except OSError:
        pass
    if rc != 0:
        tail = ""
        if stderr_path and os.path.exists(stderr_path):
            with open(stderr_path, "rb") as f:
                tail = f.read()[-600:].decode("utf-8", "replace")
        raise RunFailed(f"exit {rc}: {' '.join(cmd)}\n{tail}")
    return wall, rss, launch


def read_gold(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line)["label"] for line in f]


def accuracy(pred, gold):
    if len(pred) != len(gold):
        raise RunFailed(f"{len(pred)} predictions for {len(gold)} test documents")
    return sum(p == g for p, g in zip(pred, gold)) / len(gold)


# ============================================================================================
# Tools
# ============================================================================================

class Tool:
    key = title = kind = ""
    fmt = "jsonl"
    threads = 1
    first_size_only = False  # run only at the smallest size of a run (1-thread variants)
    default = True           # part of the full run (otherwise only with --tools)
    settings = ""

    def available(self, ctx):
        return None

    def train_cmd(self, ctx, data, model):
        raise NotImplementedError

    def predict_cmd(self, ctx, model, data):
        raise NotImplementedError

    def env(self):
        return None

    def shown_commands(self, ctx):
        return {"train": " ".join(self.train_cmd(ctx, f"X.{self.fmt}", "M")),
                "predict": " ".join(self.predict_cmd(ctx, "M", f"X.{self.fmt}")) + " > /dev/null"}

    def run(self, ctx, corpus, test, d, want_accuracy):
        raise NotImplementedError


class StanceTool(Tool):
    kind = "stance"

    def __init__(self, key, title, args, threads, settings, first_size_only=False):
        self.key, self.title, self.args, self.threads = key, title, args, threads
        self.settings, self.first_size_only = settings, first_size_only

    def available(self, ctx):
        return None if os.path.exists(ctx.stance) else f"stance binary {STANCE} not found (build it first)"

    def env(self):
        e = dict(os.environ)
        e["STANCE_THREADS"] = str(self.threads)
        return e

    def train_cmd(self, ctx, data, model):
        return [ctx.stance_shown if data == "X.jsonl" else ctx.stance, "train", "--data", data,
                *self.args, "--output", model]

    def predict_cmd(self, ctx, model, data):
        return [ctx.stance_shown if data == "X.jsonl" else ctx.stance, "predict", "--model", model, data,
                "--input-format", "jsonl", "--format", "jsonl", "--no-text"]

    def shown_commands(self, ctx):
        c = super().shown_commands(ctx)
        return {k: f"STANCE_THREADS={self.threads} {v}" for k, v in c.items()}

    def _retry(self, fn):
        # The binary may be rebuilt under us by someone else; a call that fails is rerun once.
        try:
            return fn()
        except RunFailed as e:
            log(f"    (stance call failed, retrying once: {str(e).splitlines()[0]})")
            return fn()

    def run(self, ctx, corpus, test, d, want_accuracy):
        model = os.path.join(d, "model.stance")
        out = os.path.join(d, "train.out")
        err = os.path.join(d, "train.err")
        tw, trss, _ = self._retry(lambda: measured(self.train_cmd(ctx, corpus["jsonl"], model), env=self.env(),
                                                   stdout_path=out, stderr_path=err))
        extra = {}
        with open(out, encoding="utf-8", errors="replace") as f:
            text = f.read()
        m = re.search(r"optimiser\s+(\d+) iterations.*?(iteration cap reached|converged[^\n]*)?$", text, re.M)
        if m:
            extra["iterations"] = int(m.group(1))
            if m.group(2):
                extra["stop"] = m.group(2)
        m = re.search(r"features\s+(\d+)", text)
        if m:
            extra["features"] = int(m.group(1))
        m = re.search(r"in ([\d.]+) s", text)
        if m:
            extra["internal_train_s"] = float(m.group(1))
        pw, prss, _ = self._retry(lambda: measured(self.predict_cmd(ctx, model, corpus["jsonl"]), env=self.env(),
                                                   stderr_path=err))
        res = {"train_s": tw, "train_rss_mb": trss, "predict_s": pw, "predict_rss_mb": prss, "extra": extra}
        if want_accuracy:
            po = os.path.join(d, "test.pred.jsonl")
            self._retry(lambda: measured(self.predict_cmd(ctx, model, test["jsonl"]), env=self.env(),
                                         stdout_path=po, stderr_path=err))
            with open(po, encoding="utf-8") as f:
                pred = [json.loads(line)["label"] for line in f if line.strip()]
            res["accuracy"] = accuracy(pred, ctx.gold(test))
        return res


class FastTextTool(Tool):
    kind = "fasttext"
    fmt = "ft"

    def __init__(self, threads, first_size_only=False):
        self.threads = threads
        self.key = f"fasttext-{threads}t"
        self.title = f"fastText {threads} thread{'s' if threads > 1 else ''}"
        self.first_size_only = first_size_only
        self.settings = (f"Debian's fasttext CLI: supervised, softmax, dim 100, lr 0.1, minCount 1, "
                         f"-wordNgrams 2, -epoch {EPOCHS}, -bucket {2 ** HASH_BITS} (2^{HASH_BITS} n-gram "
                         f"buckets, as stance's --hash-bits {HASH_BITS}), -thread {threads}; its own "
                         f"tokenisation (split on white space, case kept). Training writes M.bin and M.vec.")

    def available(self, ctx):
        return None if shutil.which("fasttext") else "fastText CLI not installed (apt-get install -y fasttext)"

    def train_cmd(self, ctx, data, model):
        return ["fasttext", "supervised", "-input", data, "-output", model, "-wordNgrams", "2",
                "-epoch", str(EPOCHS), "-thread", str(self.threads), "-bucket", str(2 ** HASH_BITS), "-verbose", "0"]

    def predict_cmd(self, ctx, model, data):
        return ["fasttext", "predict", model + ".bin" if not model.endswith(".bin") else model, data]

    def run(self, ctx, corpus, test, d, want_accuracy):
        prefix = os.path.join(d, "ft")
        err = os.path.join(d, "err.txt")
        tw, trss, _ = measured(self.train_cmd(ctx, corpus["ft"], prefix), stderr_path=err)
        pw, prss, _ = measured(self.predict_cmd(ctx, prefix, corpus["ft"]), stderr_path=err)
        res = {"train_s": tw, "train_rss_mb": trss, "predict_s": pw, "predict_rss_mb": prss, "extra": {}}
        if want_accuracy:
            po = os.path.join(d, "test.pred")
            measured(self.predict_cmd(ctx, prefix, test["ft"]), stdout_path=po, stderr_path=err)
            with open(po, encoding="utf-8") as f:
                pred = [line.strip().replace("__label__", "", 1) for line in f if line.strip()]
            res["accuracy"] = accuracy(pred, ctx.gold(test))
        for ext in (".bin", ".vec"):
            if os.path.exists(prefix + ext):
                os.remove(prefix + ext)
        return res


class VWTool(Tool):
    kind = "vw"
    fmt = "vw"
    key, title = "vw", "Vowpal Wabbit"
    settings = (f"Vowpal Wabbit 9 (PyPI), its command-line driver as `python -m vowpalwabbit`: --oaa 3 "
                f"--ngram 2 -b {HASH_BITS} --passes {EPOCHS} -c (cache, rebuilt each run with -k) "
                f"--holdout_off (so that all {EPOCHS} passes run, on all the data), squared loss (default); "
                f"tokens as written by make_corpus.py (white-space split, case kept, `|` and `:` removed). "
                f"Learning is single-threaded (a second thread parses).")

    def available(self, ctx):
        return ctx.venv_reason("vowpalwabbit")

    def train_cmd(self, ctx, data, model):
        return [ctx.venv_py_shown if data == "X.vw" else VENV_PY, "-m", "vowpalwabbit", "-d", data,
                "--oaa", "3", "--ngram", "2", "-b", str(HASH_BITS), "--passes", str(EPOCHS), "-c",
                "--cache_file", (data + ".cache") if data != "X.vw" else "X.vw.cache", "-k", "--holdout_off",
                "-f", model, "--quiet"]

    def predict_cmd(self, ctx, model, data, preds="/dev/null"):
        return [ctx.venv_py_shown if data == "X.vw" else VENV_PY, "-m", "vowpalwabbit", "-d", data, "-t",
                "-i", model, "--quiet", "-p", preds]

    def shown_commands(self, ctx):
        return {"train": " ".join(self.train_cmd(ctx, "X.vw", "M")),
                "predict": " ".join(self.predict_cmd(ctx, "M", "X.vw"))}

    def run(self, ctx, corpus, test, d, want_accuracy):
        model = os.path.join(d, "model.vw")
        err = os.path.join(d, "err.txt")
        cache = os.path.join(d, "train.vw.cache")
        cmd = self.train_cmd(ctx, corpus["vw"], model)
        cmd[cmd.index("--cache_file") + 1] = cache
        tw, trss, _ = measured(cmd, stderr_path=err)
        pw, prss, _ = measured(self.predict_cmd(ctx, model, corpus["vw"]), stderr_path=err)
        res = {"train_s": tw, "train_rss_mb": trss, "predict_s": pw, "predict_rss_mb": prss, "extra": {}}
        if want_accuracy:
            po = os.path.join(d, "test.pred")
            measured(self.predict_cmd(ctx, model, test["vw"], preds=po), stderr_path=err)
            with open(po) as f:
                pred = [LABELS[int(float(line.split()[0])) - 1] for line in f if line.strip()]
            res["accuracy"] = accuracy(pred, ctx.gold(test))
        for p in (cache, model):
            if os.path.exists(p):
                os.remove(p)
        return res


class SklearnTool(Tool):
    kind = "sklearn"

    def __init__(self, key, title, model, settings):
        self.key, self.title, self.model, self.settings = key, title, model, settings

    def available(self, ctx):
        return ctx.venv_reason("sklearn")

    def shown_commands(self, ctx):
        return {"train": f"{ctx.venv_py_shown} benchmarks/speed.py --sklearn-worker {self.model} X.jsonl TEST.jsonl "
                         f"OUT.json PREDS.txt  (fit, then predict X.jsonl in the same process)",
                "predict": "(in the same process, see above)"}

    def run(self, ctx, corpus, test, d, want_accuracy):
        out = os.path.join(d, "worker.json")
        preds = os.path.join(d, "test.pred")
        err = os.path.join(d, "err.txt")
        cmd = [VENV_PY, os.path.abspath(__file__), "--sklearn-worker", self.model, corpus["jsonl"],
               test["jsonl"] if want_accuracy else "-", out, preds]
        wall, rss, launch = measured(cmd, stderr_path=err)
        with open(out) as f:
            w = json.load(f)
        mk = w["marks"]
        startup = mk["imports"] - launch
        res = {"train_s": mk["fit"] - launch, "train_rss_mb": rss,
               "predict_s": startup + (mk["predict_end"] - mk["predict_start"]), "predict_rss_mb": None,
               "extra": dict(w["info"], process_s=wall, startup_s=startup, read_s=mk["read"] - mk["imports"],
                             featurise_s=mk["featurised"] - mk["read"], fit_s=mk["fit"] - mk["featurised"])}
        if want_accuracy:
            with open(preds, encoding="utf-8") as f:
                res["accuracy"] = accuracy([l.strip() for l in f if l.strip()], ctx.gold(test))
        return res


def all_tools():
    feats = f"word 1–2-grams, no character n-grams (stance tokeniser: lower-cased, punctuation kept)"
    lr = ("logistic regression (multinomial), L2, C=10, L-BFGS to max|grad| < 1e-6 or 300 iterations "
          "(stance defaults); sublinear TF-IDF, L2 rows")
    ag = (f"logistic regression (multinomial, L2 with C=10), AdaGrad, {EPOCHS} epochs, learning rate 0.05, "
          f"streamed from the file through a feature cache (--streaming); sublinear TF-IDF, L2 rows")
    nb = "multinomial naive Bayes, alpha=1, binary counts (stance nb defaults)"
    lr_hash = ["--classifier", "logreg", "--word-ngrams", "1-2", "--char-ngrams", "0", "--hash-bits", str(HASH_BITS)]
    ag_hash = lr_hash + ["--solver", "adagrad", "--epochs", str(EPOCHS), "--learning-rate", "0.05", "--streaming"]
    nb_hash = ["--classifier", "nb", "--word-ngrams", "1-2", "--char-ngrams", "0", "--hash-bits", str(HASH_BITS)]
    # Order = alternation order and priority when the time budget runs short (first ones first).
    tools = [
        StanceTool("stance-logreg-hash", "stance logreg AdaGrad (hashed 2^20, streamed)", ag_hash,
                   2, f"{ag}; {feats}, hashed into 2^{HASH_BITS} buckets (FNV-1a), as VW's -b {HASH_BITS} and "
                      f"fastText's -bucket; STANCE_THREADS=2"),
        StanceTool("stance-nb-hash", "stance nb (hashed 2^20)", nb_hash,
                   2, f"{nb}; {feats}, hashed into 2^{HASH_BITS} buckets; STANCE_THREADS=2"),
        StanceTool("stance-nb-stream", "stance nb (hashed 2^20, streamed)", nb_hash + ["--streaming"],
                   2, f"{nb}; {feats}, hashed into 2^{HASH_BITS} buckets, one streamed pass over the file "
                      f"(--streaming: per-class totals only); STANCE_THREADS=2"),
        SklearnTool("sklearn-tfidf-lr", "sklearn TF-IDF + LogReg", "tfidf-lr",
                    "TfidfVectorizer(ngram_range=(1,2), sublinear_tf=True) (smooth idf, L2 rows; scikit-learn's "
                    "token pattern) + LogisticRegression(C=10, lbfgs, max_iter=300, tol=1e-4 default): the same "
                    "model and regularisation as stance logreg, scikit-learn's own stopping tolerance."),
        SklearnTool("sklearn-mnb", "sklearn Count + MNB", "mnb",
                    "CountVectorizer(ngram_range=(1,2), binary=True) + MultinomialNB(alpha=1): the same model as "
                    "stance nb."),
        VWTool(),
        SklearnTool("sklearn-hash-sgd", "sklearn Hashing + SGD", "hash-sgd",
                    f"HashingVectorizer(ngram_range=(1,2), n_features=2**{HASH_BITS}, alternate_sign=False, "
                    f"norm='l2') + SGDClassifier(loss='log_loss', max_iter={EPOCHS}, tol=None, n_jobs=2) "
                    f"({EPOCHS} epochs, one-vs-rest over 2 threads; alpha=1e-4 default)."),
        FastTextTool(2),
        StanceTool("stance-nb-vocab", "stance nb (vocabulary)",
                   ["--classifier", "nb", "--word-ngrams", "1-2", "--char-ngrams", "0"],
                   2, f"{nb}; {feats}, learned vocabulary (stance default); STANCE_THREADS=2"),
        StanceTool("stance-logreg-vocab", "stance logreg (vocabulary)",
                   ["--classifier", "logreg", "--word-ngrams", "1-2", "--char-ngrams", "0"],
                   2, f"{lr}; {feats}, learned vocabulary (stance default); STANCE_THREADS=2", first_size_only=True),
        StanceTool("stance-nb-hash-1t", "stance nb (hashed) 1 thread", nb_hash,
                   1, "as stance-nb-hash with STANCE_THREADS=1", first_size_only=True),
        FastTextTool(1, first_size_only=True),
        StanceTool("stance-logreg-hash-1t", "stance logreg AdaGrad (hashed) 1 thread", ag_hash,
                   1, "as stance-logreg-hash with STANCE_THREADS=1", first_size_only=True),
        StanceTool("stance-logreg-lbfgs", "stance logreg L-BFGS (hashed 2^20)", lr_hash,
                   2, f"{lr}; {feats}, hashed into 2^{HASH_BITS} buckets; the exact optimum, data in memory; "
                      f"STANCE_THREADS=2", first_size_only=True),
    ]
    tools[-2].default = False  # the 1-thread AdaGrad run; only with --tools
    return tools


# ============================================================================================
# Context: binaries, venv, corpora
# ============================================================================================

class Context:
    def __init__(self, args):
        self.args = args
        self.stance = STANCE
        self.stance_shown = "stance"
        self.venv_py_shown = "benchmarks/.venv/bin/python"
        self._venv_ok = {}
        self._gold = {}

    def snapshot_stance(self):
        """Runs a private copy, so that a rebuild during the run cannot mix two builds in one report."""
        if not os.path.exists(STANCE):
            return
        copy = os.path.join(WORK, "stance-bin")
        try:
            shutil.copy2(STANCE, copy)
            r = subprocess.run([copy, "--version"], capture_output=True, text=True, timeout=60)
            if r.returncode == 0 and r.stdout.strip():
                self.stance = copy
                return
        except (OSError, subprocess.SubprocessError):
            pass
        self.stance = STANCE

    def venv_reason(self, module):
        if module not in self._venv_ok:
            if not os.path.exists(VENV_PY):
                self._venv_ok[module] = "benchmarks/.venv not set up"
            else:
                r = subprocess.run([VENV_PY, "-c", f"import {module}"], capture_output=True)
                self._venv_ok[module] = None if r.returncode == 0 else f"{module} not installed in benchmarks/.venv"
        return self._venv_ok[module]

    def gold(self, test):
        if test["jsonl"] not in self._gold:
            self._gold[test["jsonl"]] = read_gold(test["jsonl"])
        return self._gold[test["jsonl"]]


def ensure_venv(needed):
    """Creates benchmarks/.venv (shared with accuracy.py) and installs what the chosen tools need."""
    mods = {"sklearn": ["numpy", "scipy", "scikit-learn"], "vowpalwabbit": ["vowpalwabbit"]}
    missing = []
    if not os.path.exists(VENV_PY):
        log("creating benchmarks/.venv")
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
    for mod in needed:
        if subprocess.run([VENV_PY, "-c", f"import {mod}"], capture_output=True).returncode != 0:
            missing += mods[mod]
    if missing:
        specs = [PINS[m] for m in missing]
        log(f"pip install {' '.join(specs)} (into benchmarks/.venv)")
        r = subprocess.run([VENV_PY, "-m", "pip", "install", "--quiet", *specs])
        if r.returncode != 0:
            log("  pip install failed; those tools will be reported as not available")


def corpus_files(n, seed, kind):
    import make_corpus
    d = os.path.join(WORK, "corpus")
    prefix = os.path.join(d, f"v{make_corpus.VERSION}-{kind}-{n}-s{seed}")
    paths = {"jsonl": prefix + ".jsonl", "ft": prefix + ".ft", "vw": prefix + ".vw"}
    if not all(os.path.exists(p) for p in paths.values()):
        make_corpus.write_corpus(n, seed, prefix)
    return dict(paths, docs=n, bytes={k: os.path.getsize(v) for k, v in paths.items()})


# ============================================================================================
# Machine and versions
# ============================================================================================

def machine():
    cpu = "unknown"
    flags = ""
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name") and cpu == "unknown":
                    cpu = line.split(":", 1)[1].strip()
                if line.startswith("flags") and not flags:
                    fl = line.split(":", 1)[1].split()
                    flags = " ".join(x for x in fl if x in ("avx2", "avx512f", "fma"))
    except OSError:
        pass
    mem = None
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal"):
                    mem = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    osname = platform.platform()
    try:
        with open("/etc/os-release") as f:
            kv = dict(l.strip().split("=", 1) for l in f if "=" in l)
            osname = kv.get("PRETTY_NAME", osname).strip('"')
    except OSError:
        pass
    return {"cpu": cpu, "cpu_flags": flags, "cores": os.cpu_count(), "memory_gib": mem, "os": osname,
            "kernel": platform.release(), "python": platform.python_version()}


def versions(ctx, tools):
    v = {}
    kinds = {t.kind for t in tools}
    if "stance" in kinds and os.path.exists(ctx.stance):
        r = subprocess.run([ctx.stance, "--version"], capture_output=True, text=True)
        v["stance"] = r.stdout.strip()
        try:
            st = os.stat(STANCE)
            v["stance_binary"] = f"{STANCE} (built {datetime.datetime.fromtimestamp(st.st_mtime):%Y-%m-%d %H:%M})"
        except OSError:
            pass
        try:
            v["stance_commit"] = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"],
                                                capture_output=True, text=True).stdout.strip()
        except OSError:
            pass
    if "fasttext" in kinds and shutil.which("fasttext"):
        r = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", "fasttext"], capture_output=True, text=True)
        v["fasttext"] = f"Debian package fasttext {r.stdout.strip() or '?'}"
    if kinds & {"sklearn", "vw"} and os.path.exists(VENV_PY):
        code = ("import importlib.metadata as m, json, platform\nout={'python (venv)': platform.python_version()}\n"
                "for p in ['scikit-learn','numpy','scipy','vowpalwabbit']:\n"
                "    try: out[p]=m.version(p)\n    except Exception: pass\nprint(json.dumps(out))")
        r = subprocess.run([VENV_PY, "-c", code], capture_output=True, text=True)
        try:
            v.update(json.loads(r.stdout))
        except ValueError:
            pass
    return v


def loadavg():
    try:
        return os.getloadavg()[0]
    except OSError:
        return None


# ============================================================================================
# Profiling stance (where the time goes)
# ============================================================================================

def readable_symbol(sym):
    """Best-effort reading of a Swift mangled name: its first identifiers (no demangler needed)."""
    if not sym.startswith(("$s", "_$s")):
        return sym[:90]
    s = sym.split("$s", 1)[1]
    ids, i = [], 0
    while i < len(s) and len(ids) < 4:
        m = re.match(r"(\d+)", s[i:])
        if not m:
            i += 1
            continue
        n = int(m.group(1))
        i += len(m.group(1))
        ident = s[i:i + n]
        if ident and re.match(r"^[A-Za-z_]\w*$", ident):
            ids.append(ident)
        i += n
    return ".".join(ids) + "  [" + sym[:40] + "…]" if ids else sym[:90]


def profile_stance(ctx, corpus, tool_by_key):
    """perf record of `stance train` (nb, and logreg capped at 20 iterations); top symbols."""
    if not shutil.which("perf"):
        return {"skipped": "perf not installed"}
    out = {}
    d = os.path.join(WORK, "profile")
    os.makedirs(d, exist_ok=True)
    for key, cap in (("stance-nb-hash", None), ("stance-logreg-hash", 20)):
        tool = tool_by_key.get(key)
        if tool is None:
            continue
        cmd = tool.train_cmd(ctx, corpus["jsonl"], os.path.join(d, "m.stance"))
        if cap:
            cmd += ["--max-iter", str(cap)]
        data = os.path.join(d, f"{key}.perf")
        r = subprocess.run(["perf", "record", "-F", "499", "-o", data, "--"] + cmd, env=tool.env(),
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if r.returncode != 0:
            out[key] = {"skipped": f"perf record failed (exit {r.returncode})"}
            continue
        rep = subprocess.run(["perf", "report", "-i", data, "--stdio", "--sort", "dso,symbol"],
                             capture_output=True, text=True, errors="replace").stdout
        rows = []
        for line in rep.splitlines():
            m = re.match(r"\s*([\d.]+)%\s+(\S+)\s+\[[.k]\]\s+(.*)$", line)
            if m:
                rows.append({"percent": float(m.group(1)), "dso": m.group(2),
                             "symbol": readable_symbol(m.group(3).strip()).strip()})
            if len(rows) >= 14:
                break
        dso = subprocess.run(["perf", "report", "-i", data, "--stdio", "--sort", "dso"],
                             capture_output=True, text=True, errors="replace").stdout
        dsos = []
        for line in dso.splitlines():
            m = re.match(r"\s*([\d.]+)%\s+(\S+)", line)
            if m:
                dsos.append({"percent": float(m.group(1)), "dso": m.group(2)})
        shown = ["stance" if c == ctx.stance else (os.path.basename(c) if os.sep in c else c) for c in cmd]
        out[key] = {"command": " ".join(["perf record -F 499 --"] + shown),
                    "top": rows, "by_library": dsos[:6]}
        os.remove(data)
    shutil.rmtree(d, ignore_errors=True)
    return out


# ============================================================================================
# The run
# ============================================================================================

def median(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def summarise(runs, corpus, tool):
    train = median([r["train_s"] for r in runs])
    pred = median([r["predict_s"] for r in runs])
    docs = corpus["docs"]
    nbytes = corpus["bytes"][tool.fmt]
    acc = next((r["accuracy"] for r in runs if "accuracy" in r), None)
    return {
        "runs": len(runs),
        "train_s": train, "train_s_all": [round(r["train_s"], 3) for r in runs],
        "train_rss_mb": max((r["train_rss_mb"] for r in runs if r["train_rss_mb"] is not None), default=None),
        "predict_s": pred, "predict_s_all": [round(r["predict_s"], 3) for r in runs],
        "predict_rss_mb": max((r["predict_rss_mb"] for r in runs if r.get("predict_rss_mb") is not None), default=None),
        "train_docs_per_s": docs / train if train else None,
        "train_mb_per_s": mb(nbytes) / train if train else None,
        "predict_docs_per_s": docs / pred if pred else None,
        "predict_mb_per_s": mb(nbytes) / pred if pred else None,
        "input_mb": mb(nbytes),
        "accuracy": acc,
        "extra": runs[-1].get("extra", {}),
    }


def wait_for_other_benchmarks():
    first = True
    while True:
        r = subprocess.run(["pgrep", "-f", "benchmarks/accuracy.py"], capture_output=True, text=True)
        pids = [p for p in r.stdout.split() if p.strip() and int(p) != os.getpid()]
        if not pids:
            return
        if first:
            log(f"waiting for benchmarks/accuracy.py (pid {', '.join(pids)}) to finish; polling every 30 s")
            first = False
        time.sleep(30)


def run_benchmark(ctx, tools, sizes, args):
    deadline = time.time() + args.budget_minutes * 60 if args.budget_minutes else None
    results = {}  # size -> key -> summary or {"skipped": reason}
    per_size_meta = {}
    prev = {}  # key -> (size, seconds per run incl. accuracy)
    for si, n in enumerate(sizes):
        log(f"\n== {n:,} documents")
        corpus = corpus_files(n, SEED_TRAIN, "train")
        test = corpus_files(max(n // 10, 1000), SEED_TEST, "test")
        log(f"   train {mb(corpus['bytes']['jsonl']):.1f} MB jsonl, test {test['docs']:,} documents")
        ctx.gold(test)
        results[n] = {}
        active = []
        estimates = {}
        for t in tools:
            reason = None
            if t.first_size_only and si > 0:
                reason = "run at the smallest size only (time budget)"
            elif t.key in prev:
                s0, sec0 = prev[t.key]
                est = sec0 * n / s0
                estimates[t.key] = est
                if est > args.max_run_seconds:
                    reason = (f"not run: extrapolated {est:.0f} s for one run (from {s0:,} documents) "
                              f"exceeds --max-run-seconds {args.max_run_seconds:.0f}")
                elif deadline and time.time() + est > deadline:
                    reason = f"not run: extrapolated {est:.0f} s does not fit the remaining time budget"
            if reason:
                results[n][t.key] = {"skipped": reason}
                log(f"   {t.key}: {reason}")
            else:
                active.append(t)
        runs = {t.key: [] for t in active}
        meta = {"load_before": loadavg(), "started": datetime.datetime.now().isoformat(timespec="seconds")}
        loads = []
        for rep in range(args.repeats):
            for t in list(active):
                if rep > 0:
                    first = runs[t.key][0] if runs[t.key] else None
                    if first is None:
                        continue
                    one = first["train_s"] + first["predict_s"]
                    if one > args.long_run:
                        continue
                    if deadline and time.time() + one > deadline:
                        continue
                elif deadline and t.key in estimates and time.time() + estimates[t.key] > deadline:
                    # Checked again right before the run: earlier runs at this size used up the time.
                    results[n][t.key] = {"skipped": f"not run: extrapolated {estimates[t.key]:.0f} s does not fit "
                                                    f"the remaining time budget (--budget-minutes)"}
                    log(f"   {t.key}: {results[n][t.key]['skipped']}")
                    runs.pop(t.key, None)
                    active = [a for a in active if a.key != t.key]
                    continue
                d = os.path.join(WORK, "runs", t.key)
                shutil.rmtree(d, ignore_errors=True)
                os.makedirs(d, exist_ok=True)
                t0 = time.time()
                loads.append(loadavg())
                try:
                    r = t.run(ctx, corpus, test, d, want_accuracy=(rep == 0))
                except (RunFailed, OSError, ValueError, KeyError, subprocess.SubprocessError) as e:
                    log(f"   {t.key}: FAILED: {e}")
                    results[n][t.key] = {"skipped": f"failed: {str(e).splitlines()[0][:300]}"}
                    runs.pop(t.key, None)
                    active = [a for a in active if a.key != t.key]
                    continue
                elapsed = time.time() - t0
                runs[t.key].append(r)
                if rep == 0:
                    prev[t.key] = (n, elapsed)
                acc = f"  acc {r['accuracy'] * 100:.2f}%" if "accuracy" in r else ""
                rss = f"{r['train_rss_mb']:.0f} MB" if r["train_rss_mb"] else "?"
                log(f"   [{rep + 1}] {t.key:24s} train {r['train_s']:8.2f} s  {rss:>8s}   "
                    f"predict {r['predict_s']:7.2f} s{acc}")
                shutil.rmtree(d, ignore_errors=True)
        for t in active:
            if runs.get(t.key):
                results[n][t.key] = summarise(runs[t.key], corpus, t)
        meta["load_after"] = loadavg()
        loads = [x for x in loads if x is not None]
        if loads:
            meta["load_min"], meta["load_max"] = min(loads), max(loads)
        meta["corpus"] = {"train_docs": n, "test_docs": test["docs"],
                          "train_mb": {k: round(mb(v), 1) for k, v in corpus["bytes"].items()}}
        per_size_meta[n] = meta
    return results, per_size_meta


# ============================================================================================
# Ratios and targets
# ============================================================================================

def ratio_text(r, what_faster="faster", what_slower="slower"):
    if r is None:
        return "n/a"
    if r >= 1:
        return f"{r:.2f}× {what_faster}"
    return f"{1 / r:.2f}× {what_slower}"


COMPARISONS = [
    # (stance key, reference key, quantity, target ratio or None, target text)
    ("stance-logreg-hash", "sklearn-tfidf-lr", "train", 10.0, "training ≥10× faster than sklearn TF-IDF+LR"),
    ("stance-logreg-vocab", "sklearn-tfidf-lr", "train", 10.0, "training ≥10× faster than sklearn TF-IDF+LR (vocabulary)"),
    ("stance-logreg-hash", "fasttext-2t", "train", 4.0, "training ≥4× faster than fastText, 2 threads"),
    ("stance-logreg-hash", "vw", "train", 1.0, "training faster than VW"),
    ("stance-logreg-hash", "sklearn-hash-sgd", "train", None, ""),
    ("stance-nb-vocab", "sklearn-mnb", "train", 10.0, "NB ≥10× faster than sklearn MNB"),
    ("stance-nb-hash", "sklearn-mnb", "train", 10.0, "NB ≥10× faster than sklearn MNB (hashed)"),
    ("stance-nb-stream", "sklearn-mnb", "train", 10.0, "NB ≥10× faster than sklearn MNB (hashed, streamed)"),
    ("stance-nb-stream", "sklearn-mnb", "memory", 2.0, "peak memory ≤ half of sklearn's (NB, streamed)"),
    ("stance-logreg-hash", "vw", "predict", 1.0, "prediction: more documents/s than VW"),
    ("stance-logreg-hash", "fasttext-2t", "predict", None, ""),
    ("stance-logreg-hash", "sklearn-tfidf-lr", "predict", None, ""),
    ("stance-nb-hash", "vw", "predict", None, ""),
    ("stance-nb-hash", "sklearn-mnb", "predict", None, ""),
    ("stance-logreg-hash", "sklearn-tfidf-lr", "memory", 2.0, "peak memory ≤ half of sklearn's (logreg)"),
    ("stance-logreg-vocab", "sklearn-tfidf-lr", "memory", 2.0, "peak memory ≤ half of sklearn's (logreg, vocabulary)"),
    ("stance-nb-vocab", "sklearn-mnb", "memory", 2.0, "peak memory ≤ half of sklearn's (NB)"),
    ("stance-nb-hash", "sklearn-mnb", "memory", 2.0, "peak memory ≤ half of sklearn's (NB, hashed)"),
    ("stance-logreg-hash", "fasttext-2t", "memory", None, ""),
    ("stance-logreg-hash", "vw", "memory", None, ""),
]


def compare(results):
    """Ratios per size: >1 means stance is better (faster, or less memory)."""
    out = []
    for n, res in results.items():
        for s, ref, q, target, ttext in COMPARISONS:
            a, b = res.get(s), res.get(ref)
            if not a or not b or "skipped" in a or "skipped" in b:
                continue
            if q == "train":
                r = b["train_s"] / a["train_s"]
                text = f"{a_title(s)} trains {ratio_text(r)} than {a_title(ref)}"
            elif q == "predict":
                r = a["predict_docs_per_s"] / b["predict_docs_per_s"]
                text = f"{a_title(s)} predicts {ratio_text(r, 'more', 'fewer')} documents/s than {a_title(ref)}"
            else:
                if not a["train_rss_mb"] or not b["train_rss_mb"]:
                    continue
                r = b["train_rss_mb"] / a["train_rss_mb"]
                text = (f"{a_title(s)} peaks at {a['train_rss_mb']:.0f} MB training, {a_title(ref)} at "
                        f"{b['train_rss_mb']:.0f} MB ({ratio_text(r, 'less', 'more')} memory)")
            out.append({"size": n, "stance": s, "reference": ref, "quantity": q, "ratio": r, "text": text,
                        "target": target, "target_text": ttext,
                        "met": (r >= target) if target else None,
                        "accuracy": [a.get("accuracy"), b.get("accuracy")]})
    return out


TITLES = {}


def a_title(key):
    return TITLES.get(key, key)


def featurisation_rates(results):
    """stance featurisation throughput per core: JSONL MB / nb training time (nb fitting is a pass of
    counting, so this bounds reading + tokenising + hashing from below)."""
    out = []
    for n, res in results.items():
        for key, threads in (("stance-nb-hash-1t", 1), ("stance-nb-hash", 2)):
            r = res.get(key)
            if r and "skipped" not in r:
                out.append({"size": n, "tool": key, "threads": threads,
                            "mb_per_s": r["train_mb_per_s"], "mb_per_s_per_core": r["train_mb_per_s"] / threads,
                            "predict_mb_per_s_per_core": r["predict_mb_per_s"] / threads})
    return out


def breakdown(results):
    """Where stance logreg's training time goes: featurisation (≈ nb training) vs optimiser."""
    out = []
    for n, res in results.items():
        lr, nb = res.get("stance-logreg-hash"), res.get("stance-nb-hash")
        if not lr or not nb or "skipped" in lr or "skipped" in nb:
            continue
        it = lr["extra"].get("iterations")
        opt = lr["train_s"] - nb["train_s"]
        out.append({"size": n, "logreg_train_s": lr["train_s"], "featurise_s": nb["train_s"], "optimiser_s": opt,
                    "optimiser_share": opt / lr["train_s"], "iterations": it,
                    "s_per_iteration": opt / it if it else None,
                    "stop": lr["extra"].get("stop")})
    return out


def analysis(data):
    """A few sentences, from the measured numbers, on where stance's time goes."""
    out = []
    res = data["results"]
    bd = data["breakdown"]
    if bd:
        b = bd[-1]
        n = b["size"]
        sk = res[n].get("sklearn-tfidf-lr", {})
        sk_it = sk.get("extra", {}).get("iterations") if "skipped" not in sk else None
        line = (f"At {n:,} documents stance logreg (hashed) spent {b['logreg_train_s']:.1f} s training: about "
                f"{b['featurise_s']:.1f} s ({100 - b['optimiser_share'] * 100:.0f}%) reading and featurising and "
                f"{b['optimiser_s']:.1f} s ({b['optimiser_share'] * 100:.0f}%) in the optimiser — {b['iterations']} "
                f"L-BFGS iterations ({b['stop'] or 'converged'}), {fmt(b['s_per_iteration'], '.2f')} s each.")
        if sk_it:
            line += (f" scikit-learn's LogisticRegression stopped after {sk_it} iterations at its default tol 1e-4 "
                     f"(fit {sk['extra'].get('fit_s', 0):.1f} s, featurisation {sk['extra'].get('featurise_s', 0):.1f} s).")
        fast = [res[n].get(k) for k in ("fasttext-2t", "vw", "sklearn-hash-sgd")]
        fast = [x for x in fast if x and "skipped" not in x]
        if fast:
            line += (f" The epoch-based learners make {EPOCHS} passes over the data; L-BFGS makes at least two "
                     f"sparse products per iteration, so {b['iterations']} iterations cost about "
                     f"{2 * (b['iterations'] or 0)} passes, plus dense vector work over all 2^{HASH_BITS}×k weights "
                     f"at every iteration whatever the corpus size.")
        out.append(line)
    fr = [x for x in data["featurisation"] if x["threads"] == 1] or data["featurisation"]
    if fr:
        x = max(fr, key=lambda x: x["size"])
        out.append(f"Featurisation (stance nb training, {x['threads']} thread{'s' if x['threads'] > 1 else ''}, "
                   f"{x['size']:,} documents) runs at {x['mb_per_s_per_core']:.1f} MB/s per core against a target of "
                   f"50 MB/s; prediction (featurise + score + write JSON) at {x['predict_mb_per_s_per_core']:.1f} MB/s "
                   f"per core.")
    prof = data.get("profile") or {}
    for key, p in prof.items() if isinstance(prof, dict) and "skipped" not in prof else []:
        if "top" in p and p["top"]:
            top = ", ".join(f"`{r['symbol'].split('  [')[0]}` {r['percent']:.0f}%" for r in p["top"][:4])
            libs = ", ".join(f"{d['dso']} {d['percent']:.0f}%" for d in p["by_library"][:3])
            out.append(f"Profile of {key}: {top} (by library: {libs}).")
    return "\n\n".join(out)


# ============================================================================================
# Report
# ============================================================================================

def fmt(x, spec=".2f", none="–"):
    return none if x is None else format(x, spec)


def write_report(path_md, path_json, data):
    with open(path_json, "w") as f:
        json.dump(data, f, indent=1, sort_keys=True, default=str)
    L = []
    add = L.append
    m = data["machine"]
    add("# Speed and memory: stance beside scikit-learn, fastText and Vowpal Wabbit")
    add("")
    add(f"Generated by `python3 benchmarks/speed.py{data['argv']}` on {data['date']} "
        f"({data['elapsed_min']:.1f} minutes). Machine: {m['cpu']} ({m['cpu_flags']}), {m['cores']} cores, "
        f"{m['memory_gib']} GiB, {m['os']}, Linux {m['kernel']}. Every number below was measured in this one run, "
        f"tools alternating (A B C A B C …); compare the **ratios**, not the absolute times, which drift with "
        f"the machine's load (1-minute load average before/after each size is listed: this machine is shared "
        f"with builds, so absolute times are noisy).")
    add("")
    add("Versions: " + ", ".join(f"{k} {v}" for k, v in sorted(data["versions"].items())) + ".")
    add("")
    # ---- Targets
    comps = data["comparisons"]
    add("## Targets (ratios at the largest size where both tools ran)")
    add("")
    add("| target | stance | reference | size | ratio | met? | accuracy stance / ref |")
    add("|---|---|---|---|---|---|---|")
    seen = set()
    for c in sorted(comps, key=lambda c: -c["size"]):
        if not c["target"]:
            continue
        k = (c["stance"], c["reference"], c["quantity"])
        if k in seen:
            continue
        seen.add(k)
        acc = " / ".join(fmt(a * 100 if a is not None else None, ".2f") + "%" for a in c["accuracy"])
        add(f"| {c['target_text']} | {a_title(c['stance'])} | {a_title(c['reference'])} | {c['size']:,} | "
            f"{c['ratio']:.2f} (need ≥ {c['target']:g}) | {'**met**' if c['met'] else 'missed'} | {acc} |")
    fr1 = [x for x in data["featurisation"] if x["threads"] == 1] or data["featurisation"]
    if fr1:
        best = max(fr1, key=lambda x: x["size"])
        ok = best["mb_per_s_per_core"] >= 50
        add(f"| featurisation ≥50 MB/s per core | {a_title(best['tool'])} (JSONL MB / nb training time ÷ threads) | – | "
            f"{best['size']:,} | {best['mb_per_s_per_core']:.1f} MB/s per core (need ≥ 50) | "
            f"{'**met**' if ok else 'missed'} | |")
    add("")
    add("A ratio > 1 favours stance (it is faster, predicts more documents/s, or uses less memory).")
    add("")
    # ---- Key ratios
    add("## Key ratios")
    add("")
    for n in data["sizes"]:
        cs = [c for c in comps if c["size"] == n]
        if not cs:
            continue
        add(f"**{n:,} documents**")
        add("")
        for c in cs:
            add(f"- {c['text']}")
        add("")
    # ---- Per-size tables
    add("## Results per size")
    add("")
    add("Train = wall time of the whole training command (median of the runs listed); predict = labelling "
        "the whole training file (documents/s, and MB/s of the tool's own input file); memory = peak resident "
        "set size; accuracy = on the held-out test file (N/10 documents drawn with another seed).")
    add("")
    for n in data["sizes"]:
        res = data["results"][str(n)] if str(n) in data["results"] else data["results"][n]
        meta = data["size_meta"].get(str(n)) or data["size_meta"].get(n) or {}
        c = meta.get("corpus", {})
        add(f"### {n:,} documents")
        add("")
        if c:
            add(f"Corpus: {c['train_docs']:,} training documents ({c['train_mb'].get('jsonl')} MB JSONL, "
                f"{c['train_mb'].get('ft')} MB fastText, {c['train_mb'].get('vw')} MB VW), {c['test_docs']:,} test "
                f"documents. Load average {fmt(meta.get('load_before'), '.1f')} → {fmt(meta.get('load_after'), '.1f')}"
                + (f" (between {meta['load_min']:.1f} and {meta['load_max']:.1f} at the starts of the runs)"
                   if meta.get("load_min") is not None else "") + ".")
            add("")
        add("| tool | train s | runs | train peak MB | predict s | predict docs/s | predict MB/s | predict peak MB | accuracy | notes |")
        add("|---|---|---|---|---|---|---|---|---|---|")
        for key, r in res.items():
            if "skipped" in r:
                add(f"| {a_title(key)} | – | – | – | – | – | – | – | – | {r['skipped']} |")
                continue
            ex = r.get("extra", {})
            notes = []
            if "iterations" in ex:
                notes.append(f"{ex['iterations']} iterations" + (f" ({ex['stop']})" if ex.get("stop") else ""))
            if "featurise_s" in ex:
                notes.append(f"featurise {ex['featurise_s']:.1f} s, fit {ex['fit_s']:.1f} s, start {ex['startup_s']:.1f} s")
            if "features" in ex:
                notes.append(f"{ex['features']:,} features")
            add(f"| {a_title(key)} | {fmt(r['train_s'], '.1f')} | {r['runs']} | {fmt(r['train_rss_mb'], '.0f')} | "
                f"{fmt(r['predict_s'], '.1f')} | {fmt(r['predict_docs_per_s'], ',.0f')} | {fmt(r['predict_mb_per_s'], '.1f')} | "
                f"{fmt(r['predict_rss_mb'], '.0f', 'in-process')} | "
                f"{fmt(r['accuracy'] * 100 if r['accuracy'] is not None else None, '.2f')}% | {'; '.join(notes)} |")
        add("")
    # ---- Bottleneck
    add("## Where stance spends its time")
    add("")
    bd = data["breakdown"]
    if bd:
        add("Training time of stance logreg (hashed) split into featurisation (≈ stance nb's whole training time on "
            "the same features: reading, tokenising, hashing, building the sparse matrix, counting) and the optimiser "
            "(the rest):")
        add("")
        add("| size | logreg train s | featurisation s | optimiser s | optimiser share | iterations | s per iteration |")
        add("|---|---|---|---|---|---|---|")
        for b in bd:
            add(f"| {b['size']:,} | {b['logreg_train_s']:.1f} | {b['featurise_s']:.1f} | {b['optimiser_s']:.1f} | "
                f"{b['optimiser_share'] * 100:.0f}% | {b['iterations']} | {fmt(b['s_per_iteration'], '.3f')} |")
        add("")
    if data["featurisation"]:
        add("Featurisation throughput (JSONL MB ÷ stance nb training time; per core = ÷ threads); prediction MB/s per core alongside:")
        add("")
        add("| size | tool | threads | MB/s | MB/s per core | predict MB/s per core |")
        add("|---|---|---|---|---|---|")
        for fr in data["featurisation"]:
            add(f"| {fr['size']:,} | {a_title(fr['tool'])} | {fr['threads']} | {fr['mb_per_s']:.1f} | "
                f"{fr['mb_per_s_per_core']:.1f} | {fr['predict_mb_per_s_per_core']:.1f} |")
        add("")
    prof = data.get("profile") or {}
    if prof and "skipped" not in prof:
        add(f"CPU profile (`perf record`, {data['profile_size']:,} documents; top symbols, Swift names read "
            f"from their mangled form):")
        add("")
        for key, p in prof.items():
            if "skipped" in p:
                add(f"- {key}: {p['skipped']}")
                continue
            add(f"`{p['command']}` — by library: " + ", ".join(f"{d['dso']} {d['percent']:.0f}%" for d in p["by_library"]))
            add("")
            add("| % | library | symbol |")
            add("|---|---|---|")
            for row in p["top"]:
                add(f"| {row['percent']:.1f} | {row['dso']} | `{row['symbol']}` |")
            add("")
    elif prof:
        add(f"(profile: {prof['skipped']})")
        add("")
    if data.get("analysis"):
        add(data["analysis"])
        add("")
    if data.get("findings"):
        add("What to optimise first (reading of the numbers above):")
        add("")
        for i, line in enumerate(data["findings"], 1):
            add(f"{i}. {line}")
        add("")
    # ---- Settings
    add("## Tools, settings and exact command lines")
    add("")
    for t in data["tools"]:
        add(f"- **{t['title']}** (`{t['key']}`): {t['settings']}")
        if t.get("unavailable"):
            add(f"  - not available: {t['unavailable']}")
        add(f"  - train: `{t['commands']['train']}`")
        add(f"  - predict: `{t['commands']['predict']}`")
    add("")
    add("## Method and caveats")
    add("")
    for line in data.get("run_notes") or []:
        add(f"- **This run:** {line}")
    for line in data["notes"]:
        add(f"- {line}")
    add("")
    with open(path_md, "w") as f:
        f.write("\n".join(L))


NOTES = [
    "Corpus: `benchmarks/make_corpus.py` (see its header): documents of 3–8 sentences drawn from MR, SUBJ "
    "(label review), SemEval-2016 tweets and MPQA phrases (social), FNC-1 and BBC article sentences (news); the "
    "label is the group of the first sentence, each later sentence stays in that group with probability 1/4, and "
    "one sentence in three gets a made-up word from an unbounded heavy-tailed distribution so the vocabulary keeps "
    "growing (Heaps-like). Train file: seed 1; test file: seed 2, N/10 documents. Same seed = prefix of the "
    "larger file (train-100k is the first 100,000 documents of train-300k).",
    "Matched features: word unigrams + bigrams everywhere; 2^20 hashed buckets for stance --hash-bits 20, VW -b 20, "
    "fastText -bucket 1048576 (fastText keeps words in a vocabulary and hashes only the bigrams) and sklearn's "
    "HashingVectorizer. Tokenisers differ (stance's Unicode tokeniser, sklearn's token pattern, white space for "
    "fastText/VW).",
    "Matched epochs: fastText -epoch 5, VW --passes 5 --holdout_off, SGDClassifier max_iter=5. stance logreg and "
    "sklearn LogisticRegression are batch L-BFGS fits, not epoch-based: each iteration is (at least) one pass of "
    "X·W and one of Xᵀ·G over the whole data; stance runs to max|grad| < 1e-6 or 300 iterations (its defaults), "
    "sklearn to its default tol 1e-4 (max 300). The accuracy column shows what each fit buys.",
    "sklearn timings come from one worker process per run (read, featurise, fit, then predict the train file "
    "in-process): training time includes interpreter start and imports but no model saving; prediction time "
    "includes interpreter start, imports, reading and transforming, but no model loading. Both favour sklearn "
    "slightly. Its peak memory is the whole process (fit + predict).",
    "VW runs as `python -m vowpalwabbit` (the PyPI package has no `vw` binary); this adds ~0.3 s of interpreter "
    "start to each call. VW's learner is single-threaded (parsing runs in a second thread).",
    "Peak memory is /usr/bin/time's maximum resident set size of the measured process.",
    "Repeats: each tool runs up to --repeats times per size, the median is reported (`runs` column); a tool whose "
    "first run (train + predict) took longer than --long-run seconds runs once, and a tool whose extrapolated time "
    "at a larger size exceeds --max-run-seconds is not run there (the table says so) — this keeps the full run "
    "within ~40 minutes on 2 cores.",
    "10M documents (streaming): not run. stance has no streaming trainer yet (it holds the whole sparse matrix in "
    "memory), and at the measured rates even the streaming tools (fastText, VW) would need well over the time "
    "budget at 10M; `make_corpus.py --docs 10000000` writes such a corpus in constant memory when wanted.",
]


# ============================================================================================
# Main
# ============================================================================================

def build_data(args, argv, ctx, tools, sizes, results, meta, profile, started, profile_size):
    for t in tools:
        TITLES[t.key] = t.title
    comps = compare(results)
    data = {
        "argv": (" " + " ".join(argv)) if argv else "",
        "date": datetime.datetime.now().isoformat(timespec="seconds"),
        "elapsed_min": (time.time() - started) / 60,
        "machine": machine(),
        "versions": versions(ctx, tools),
        "sizes": sizes,
        "tools": [{"key": t.key, "title": t.title, "settings": t.settings, "threads": t.threads,
                   "commands": t.shown_commands(ctx), "unavailable": getattr(t, "_unavailable", None)} for t in tools],
        "results": {n: r for n, r in results.items()},
        "size_meta": meta,
        "comparisons": comps,
        "featurisation": featurisation_rates(results),
        "breakdown": breakdown(results),
        "profile": profile,
        "profile_size": profile_size,
        "notes": NOTES,
        "run_notes": list(args.note or []),
        "findings": list(args.finding or []),
    }
    data["analysis"] = analysis(data)
    return data


def smoke(args, ctx):
    """CI check: stance logreg (hashed) vs fastText 2 threads on 20k documents; fails only on a ratio."""
    data = os.environ.get("STANCE_DATA") or os.path.join(os.path.dirname(ROOT), "shared", "datasets")
    if not os.path.isdir(data):
        log(f"speed smoke: data folder {data} not found (set STANCE_DATA); skipping (exit 0)")
        return 0
    tools = {t.key: t for t in all_tools()}
    chosen = [tools["stance-logreg-hash"], tools["stance-nb-hash"]]
    ref = tools["fasttext-2t"]
    if ref.available(ctx):
        log(f"speed smoke: {ref.available(ctx)}; running stance alone, no comparison (exit 0)")
        ref = None
    else:
        chosen.append(ref)
    for t in chosen:
        TITLES[t.key] = t.title
    if chosen[0].available(ctx):
        log(f"speed smoke: {chosen[0].available(ctx)}")
        return 1
    args.repeats = 1 if args.repeats is None else args.repeats
    results, meta = run_benchmark(ctx, chosen, [args.smoke_size], args)
    shutil.rmtree(os.path.join(WORK, "runs"), ignore_errors=True)
    res = results[args.smoke_size]
    out_dir = args.output_dir or os.path.join(BENCH, "work", "speed-smoke")
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "speed-smoke.json"), "w") as f:
        json.dump({"results": res, "meta": meta}, f, indent=1, default=str)
    s = res.get("stance-logreg-hash", {})
    if "skipped" in s or not s:
        log(f"speed smoke: stance failed: {s.get('skipped')}")
        return 1
    if ref is None or "skipped" in res.get(ref.key, {"skipped": 1}):
        log("speed smoke: no reference measured; nothing to compare (exit 0)")
        return 0
    r = res[ref.key]
    failed = []
    for q, a, b in (("training", s["train_s"], r["train_s"]), ("prediction", s["predict_s"], r["predict_s"])):
        ratio = a / b
        verdict = "FAIL (more than 25% slower)" if ratio > 1.25 else "ok"
        log(f"speed smoke: stance logreg {q} {a:.2f} s vs fastText 2 threads {b:.2f} s: "
            f"stance takes {ratio:.2f}× the time — {verdict}")
        if ratio > 1.25:
            failed.append(q)
    nb = res.get("stance-nb-hash")
    if nb and "skipped" not in nb:
        log(f"speed smoke (information): stance nb training {nb['train_s']:.2f} s = {nb['train_s'] / r['train_s']:.2f}× "
            f"fastText's time; accuracies: stance logreg {fmt((s.get('accuracy') or 0) * 100)}%, "
            f"nb {fmt((nb.get('accuracy') or 0) * 100)}%, fastText {fmt((r.get('accuracy') or 0) * 100)}%")
    return 1 if failed else 0


def rerender(path, notes, findings):
    """Writes speed.md again from speed.json (after a change to the report code or to add a note),
    recomputing ratios and summaries from the stored measurements; measures nothing."""
    with open(path) as f:
        data = json.load(f)
    data["results"] = {int(k): v for k, v in data["results"].items()}
    data["size_meta"] = {int(k): v for k, v in data["size_meta"].items()}
    for t in data["tools"]:
        TITLES[t["key"]] = t["title"]
    data["comparisons"] = compare(data["results"])
    data["featurisation"] = featurisation_rates(data["results"])
    data["breakdown"] = breakdown(data["results"])
    data["notes"] = NOTES
    data["run_notes"] = (data.get("run_notes") or []) + list(notes or [])
    data["findings"] = (data.get("findings") or []) + list(findings or [])
    data["analysis"] = analysis(data)
    d = os.path.dirname(os.path.abspath(path))
    write_report(os.path.join(d, "speed.md"), os.path.join(d, "speed.json"), data)
    log(f"rewrote {os.path.join(d, 'speed.md')} from {path}")
    return 0


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--sklearn-worker"]:
        sklearn_worker(*argv[1:6])
        return 0
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--smoke", action="store_true", help="CI: stance vs fastText CLI on 20k documents, ~1 minute; "
                    "exits 1 only if stance is more than 25%% slower than fastText in the same run")
    ap.add_argument("--smoke-size", type=int, default=SMOKE_SIZE, help=argparse.SUPPRESS)
    ap.add_argument("--sizes", help="comma-separated corpus sizes (default 100000,300000,1000000)")
    ap.add_argument("--tools", help="comma-separated tool keys (default: all; see --list)")
    ap.add_argument("--list", action="store_true", help="list the tools and exit")
    ap.add_argument("--repeats", type=int, default=None, help="runs per tool and size, median reported (default 3)")
    ap.add_argument("--long-run", type=float, default=60.0,
                    help="a tool whose first run (train+predict) takes longer than this many seconds runs once (default 60)")
    ap.add_argument("--max-run-seconds", type=float, default=360.0,
                    help="skip a tool at a size where its extrapolated run (train + predict + accuracy, "
                         "linear in size) exceeds this many seconds (default 360)")
    ap.add_argument("--budget-minutes", type=float, default=None,
                    help="stop starting runs that would end after this many minutes (default 40 for the full run)")
    ap.add_argument("--no-wait", action="store_true", help="do not wait for a running benchmarks/accuracy.py")
    ap.add_argument("--no-profile", action="store_true", help="skip the perf profile of stance")
    ap.add_argument("--output-dir", help="where to write speed.md/speed.json (default: benchmarks/results for the "
                    "full run, benchmarks/work/speed-partial otherwise)")
    ap.add_argument("--note", action="append", help="a remark about this run, printed in the report (repeatable)")
    ap.add_argument("--finding", action="append", help="an interpretation for the 'where stance spends its time' "
                    "section (repeatable)")
    ap.add_argument("--report-from", metavar="SPEED_JSON",
                    help="measure nothing: rewrite speed.md beside SPEED_JSON from its stored measurements "
                         "(with any --note added)")
    ap.add_argument("--clean", action="store_true", help="delete the generated corpora (benchmarks/work/speed) at the end")
    args = ap.parse_args(argv)
    if args.report_from:
        return rerender(args.report_from, args.note, args.finding)

    tools = all_tools()
    if args.list:
        for t in tools:
            log(f"{t.key:24s} {t.title}{'' if t.default else '  (not in the default set)'}"
                f"{'  (smallest size only)' if t.first_size_only else ''}")
        return 0
    os.makedirs(WORK, exist_ok=True)
    ctx = Context(args)
    ctx.snapshot_stance()
    started = time.time()

    if args.smoke:
        args.budget_minutes = args.budget_minutes or 5
        return smoke(args, ctx)

    if args.tools:
        keys = [k.strip() for k in args.tools.split(",") if k.strip()]
        known = {t.key for t in tools}
        bad = [k for k in keys if k not in known]
        if bad:
            ap.error(f"unknown tool(s) {', '.join(bad)}; --list shows the names")
        tools = [t for t in tools if t.key in keys]
    else:
        tools = [t for t in tools if t.default]
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",")] if args.sizes else FULL_SIZES
    sizes = sorted(sizes)
    full = not args.sizes and not args.tools
    if args.repeats is None:
        args.repeats = 3
    if args.budget_minutes is None and full:
        args.budget_minutes = 40

    need = set()
    for t in tools:
        if t.kind == "sklearn":
            need.add("sklearn")
        if t.kind == "vw":
            need.add("vowpalwabbit")
    if need:
        ensure_venv(sorted(need))
    usable = []
    for t in tools:
        reason = t.available(ctx)
        if reason:
            log(f"{t.key}: not available: {reason}")
            t._unavailable = reason
        else:
            usable.append(t)
    if not args.no_wait:
        wait_for_other_benchmarks()
    started = time.time()
    log(f"speed benchmark: sizes {', '.join(f'{s:,}' for s in sizes)}; tools {', '.join(t.key for t in usable)}")
    results, meta = run_benchmark(ctx, usable, sizes, args)
    for t in tools:
        if getattr(t, "_unavailable", None):
            for n in sizes:
                results[n][t.key] = {"skipped": f"not available: {t._unavailable}"}
    profile, profile_size = {}, None
    if not args.no_profile:
        by_key = {t.key: t for t in usable}
        if "stance-nb-hash" in by_key or "stance-logreg-hash" in by_key:
            profile_size = sizes[0]
            log(f"\nprofiling stance at {profile_size:,} documents (perf)")
            profile = profile_stance(ctx, corpus_files(profile_size, SEED_TRAIN, "train"), by_key)
    data = build_data(args, argv, ctx, tools, sizes, results, meta, profile, started, profile_size)
    out_dir = args.output_dir or (RESULTS if full else os.path.join(BENCH, "work", "speed-partial"))
    os.makedirs(out_dir, exist_ok=True)
    md, js = os.path.join(out_dir, "speed.md"), os.path.join(out_dir, "speed.json")
    write_report(md, js, data)
    log(f"\nwrote {md} and {js} ({(time.time() - started) / 60:.1f} minutes)")
    for c in data["comparisons"]:
        if c["size"] == max(c2["size"] for c2 in data["comparisons"] if c2["stance"] == c["stance"] and c2["reference"] == c["reference"]):
            log(f"  {c['size']:>9,}: {c['text']}")
    shutil.rmtree(os.path.join(WORK, "runs"), ignore_errors=True)
    if args.clean:
        shutil.rmtree(WORK, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
