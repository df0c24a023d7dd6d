#!/usr/bin/env python3
"""Builds a deterministic, large, labelled corpus for the speed benchmark (benchmarks/speed.py).

The same seed and size always give byte-identical files, on any machine with the same input data.

Sources (read from $STANCE_DATA or ../shared/datasets; nothing is copied into the repository):

  group "review"   sentences/mr.tsv and sentences/subj.tsv         (movie-review sentences)
  group "social"   semeval2016-stance/*/{train,val}.jsonl tweets and sentences/mpqa.tsv phrases
  group "news"     sentences split from news/fnc1-train-bodies.csv and news/bbc-train.csv bodies

Each document is 3–8 sentences. The label rule (deterministic and learnable, yet not trivial):

  * the document's label is the group of its FIRST sentence, chosen uniformly among the 3 groups;
  * every later sentence stays in that group with probability 1/4, otherwise it comes from a group
    chosen uniformly (so about half of a document's sentences come from its label's group and the
    rest from the other two — a bag-of-words model has to weigh the evidence);
  * within a group, a sentence is drawn uniformly from that group's pool.

So that the n-gram vocabulary keeps growing with the corpus as in real text (Heaps' law), rather
than saturating at the ~100k source sentences: about one sentence in three gets one made-up word
(a pronounceable pseudo-word such as "tovekam") inserted at a random position, its rank drawn from
an unbounded heavy-tailed (Pareto, shape 0.6) distribution, the same for every label — new names
and rare words keep appearing (distinct types grow roughly as N^0.6), carry no label signal, and
give new word bigrams on both sides. Sentence-boundary bigrams are new combinations too.

Outputs, written in one streaming pass (constant memory whatever the size):

  PREFIX.jsonl   {"text": ..., "label": ...}                       (stance, scikit-learn)
  PREFIX.ft      __label__LABEL text                               (fastText)
  PREFIX.vw      LABEL_INDEX | tokens   (1=review 2=social 3=news; `|` and `:` removed from tokens)

Text is whitespace-normalised (one line per document, no tabs). Usage:

  python3 benchmarks/make_corpus.py --docs 100000 --seed 1 --out benchmarks/work/corpus/train-100k
  python3 benchmarks/make_corpus.py --docs 10000 --seed 2 --out benchmarks/work/corpus/test-10k
"""
import argparse
import csv
import glob
import json
import os
import random
import re
import sys
import time

VERSION = 1  # bump when the generation rule changes (speed.py caches corpora by this)
LABELS = ["review", "social", "news"]
STAY = 0.25          # probability that a later sentence stays in the label's group
MIN_SENT, MAX_SENT = 3, 8
INJECT = 1.0 / 3.0   # probability that a sentence gets one pseudo-word
PARETO_SHAPE = 0.6

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]  # 70 syllables


def data_dir():
    return os.environ.get("STANCE_DATA") or os.path.join(os.path.dirname(ROOT), "shared", "datasets")


def clean(text):
    return " ".join(text.split())


_SPLIT = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘]?[A-Z0-9])")


def split_sentences(body):
    out = []
    for para in re.split(r"\n\s*\n|\n", body):
        para = clean(para)
        if not para:
            continue
        for s in _SPLIT.split(para):
            s = s.strip()
            n = len(s.split())
            if 4 <= n <= 80:
                out.append(s)
    return out


def load_pools(root=None):
    """The three sentence pools, each in a fixed order (so the corpus is deterministic)."""
    root = root or data_dir()
    if not os.path.isdir(root):
        raise SystemExit(f"make_corpus: data folder {root} not found; set STANCE_DATA or put the shared "
                         f"datasets beside the repository (../shared/datasets)")
    csv.field_size_limit(1 << 30)

    def tsv(name):
        with open(os.path.join(root, "sentences", name), encoding="utf-8") as f:
            return [clean(line.split("\t", 1)[1]) for line in f if "\t" in line]

    review = tsv("mr.tsv") + tsv("subj.tsv")
    social = []
    for path in sorted(glob.glob(os.path.join(root, "semeval2016-stance", "*", "*.jsonl"))):
        with open(path, encoding="utf-8") as f:
            social += [clean(json.loads(line)["text"]) for line in f if line.strip()]
    social += tsv("mpqa.tsv")
    news = []
    for name, field in (("fnc1-train-bodies.csv", "articleBody"), ("bbc-train.csv", "text")):
        with open(os.path.join(root, "news", name), encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                news += split_sentences(row[field])
    pools = [[s for s in p if s] for p in (review, social, news)]
    return pools


def pseudo_word(rank):
    """A pronounceable made-up word for a rank (bijective: distinct ranks, distinct words)."""
    out = []
    rank += 1
    while rank:
        rank, d = divmod(rank - 1, len(SYLLABLES))
        out.append(SYLLABLES[d])
    if len(out) < 2:
        out.append("x")
    return "".join(out)


def documents(n, seed, pools):
    """Yields (label_index, text) for n documents; deterministic in (n, seed, pools)."""
    rng = random.Random(seed)
    sizes = [len(p) for p in pools]
    rand, randrange, pareto = rng.random, rng.randrange, rng.paretovariate
    for _ in range(n):
        label = randrange(3)
        k = randrange(MIN_SENT, MAX_SENT + 1)
        parts = []
        for i in range(k):
            g = label if i == 0 or rand() < STAY else randrange(3)
            s = pools[g][randrange(sizes[g])]
            if rand() < INJECT:
                words = s.split(" ")
                words.insert(randrange(len(words) + 1), pseudo_word(int(pareto(PARETO_SHAPE)) - 1))
                s = " ".join(words)
            parts.append(s)
        yield label, " ".join(parts)


_VW_BAD = str.maketrans("", "", "|:")


def write_corpus(n, seed, prefix, pools=None, quiet=False):
    """Writes PREFIX.{jsonl,ft,vw}; returns {format: path}. Streams (constant memory)."""
    pools = pools or load_pools()
    os.makedirs(os.path.dirname(os.path.abspath(prefix)), exist_ok=True)
    paths = {"jsonl": prefix + ".jsonl", "ft": prefix + ".ft", "vw": prefix + ".vw"}
    tmp = {k: v + ".part" for k, v in paths.items()}
    t0 = time.time()
    dumps = json.dumps
    with open(tmp["jsonl"], "w", encoding="utf-8", buffering=1 << 20) as fj, \
            open(tmp["ft"], "w", encoding="utf-8", buffering=1 << 20) as ff, \
            open(tmp["vw"], "w", encoding="utf-8", buffering=1 << 20) as fv:
        for label, text in documents(n, seed, pools):
            name = LABELS[label]
            fj.write(dumps({"text": text, "label": name}, ensure_ascii=False))
            fj.write("\n")
            ff.write(f"__label__{name} {text}\n")
            vw_tokens = " ".join(t for t in text.translate(_VW_BAD).split(" ") if t)
            fv.write(f"{label + 1} | {vw_tokens}\n")
    for k in paths:
        os.replace(tmp[k], paths[k])
    if not quiet:
        sizes = ", ".join(f"{k} {os.path.getsize(p) / 1e6:.1f} MB" for k, p in paths.items())
        print(f"make_corpus: {n:,} documents (seed {seed}) -> {prefix}.{{jsonl,ft,vw}}: {sizes} "
              f"({time.time() - t0:.1f} s)", flush=True)
    return paths


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, required=True, help="number of documents")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1; use another for a test file)")
    ap.add_argument("--out", required=True, help="output prefix (PREFIX.jsonl, PREFIX.ft, PREFIX.vw)")
    ap.add_argument("--stats", action="store_true", help="also print pool sizes")
    args = ap.parse_args(argv)
    pools = load_pools()
    if args.stats:
        for name, p in zip(LABELS, pools):
            print(f"pool {name}: {len(p):,} sentences, {sum(len(s.split()) for s in p) / len(p):.1f} words each")
    write_corpus(args.docs, args.seed, args.out, pools)
    return 0


if __name__ == "__main__":
    sys.exit(main())
