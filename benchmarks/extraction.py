#!/usr/bin/env python3
"""Quoted-statement extraction benchmark.

Runs `stance predict --articles` on the 68 real news excerpts in
$STANCE_DATA/news/pages (default ../shared/datasets) and compares what it finds with the
hand-checked quote lists in us-russia-quotes/dev-news.articles.jsonl:

- quote precision / recall, exact (same text after normalising case, spaces, apostrophes and
  edge punctuation) and overlapping (the two share at least half the words of the shorter);
  quotes the ground truth flags as headlines count neither as misses nor as false alarms;
- speaker accuracy over matched quotes whose true speaker is known (exact, and by surname);
- throughput: articles per second over every FNC-1 and BBC body (end to end, scoring included).

Writes benchmarks/results/extraction.md and .json (or into the folder given as the first
argument: `make test` runs it as a smoke test into a temporary folder).
Usage: python3 benchmarks/extraction.py [OUTPUT_DIR]
"""
import json, os, re, subprocess, sys, time, datetime, platform

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.environ.get("STANCE_DATA") or os.path.join(os.path.dirname(ROOT), "shared", "datasets")
STANCE = os.environ.get("STANCE_BIN") or os.path.join(ROOT, ".build", "release", "stance")


def words(text):
    text = text.lower().replace("’", "'").replace("‘", "'")
    return re.findall(r"[\w']+", text)


def norm(text):
    return " ".join(words(text))


def overlaps(a, b):
    wa, wb = set(words(a)), set(words(b))
    if not wa or not wb:
        return False
    return len(wa & wb) >= 0.5 * min(len(wa), len(wb))


def match(pred, gold, same):
    """Greedy one-to-one matching in article order."""
    used, pairs = set(), []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            if j not in used and same(p["text"], g["text"]):
                used.add(j)
                pairs.append((i, j))
                break
    return pairs


def run_articles(paths_or_args):
    out = subprocess.run([STANCE, "predict", "--articles", "--format", "jsonl"] + paths_or_args,
                         check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def main():
    truth_path = os.path.join(DATA, "us-russia-quotes", "dev-news.articles.jsonl")
    if not os.path.exists(truth_path):
        print(f"extraction benchmark: {truth_path} not found (set STANCE_DATA); skipping")
        return 0
    if not os.access(STANCE, os.X_OK):
        print(f"extraction benchmark: {STANCE} not built; run `swift build -c release` first", file=sys.stderr)
        return 1
    truth = [json.loads(l) for l in open(truth_path, encoding="utf-8")]
    pages = os.path.join(DATA, "news", "pages")
    records = run_articles([os.path.join(pages, t["file"]) for t in truth])
    by_article = {}
    for r in records:
        by_article.setdefault(os.path.basename(r["article"]), []).append(r)

    totals = {"pred": 0, "gold": 0, "exact_p": 0, "exact_g": 0, "over_p": 0, "over_g": 0,
              "speaker_known": 0, "speaker_exact": 0, "speaker_surname": 0}
    for t in truth:
        pred = by_article.get(t["file"], [])
        gold = t["quotes"]
        headline = {j for j, g in enumerate(gold) if g.get("headline")}
        for kind, same in (("exact", lambda a, b: norm(a) == norm(b)), ("over", overlaps)):
            pairs = match(pred, gold, same)
            matched_pred = {i for i, _ in pairs}
            matched_gold = {j for _, j in pairs}
            # A prediction matching a headline quote is not a false alarm, and a missed headline is not a miss.
            totals[f"{kind}_p"] += len(matched_pred)
            totals[f"{kind}_g"] += len(matched_gold - headline)
            if kind == "over":
                for i, j in pairs:
                    g = gold[j]
                    if g.get("speaker"):
                        totals["speaker_known"] += 1
                        ps = (pred[i].get("speaker") or "").lower()
                        gs = g["speaker"].lower()
                        totals["speaker_exact"] += ps == gs
                        totals["speaker_surname"] += bool(ps) and ps.split()[-1] == gs.split()[-1]
        totals["pred"] += len(pred)
        totals["gold"] += len(gold) - len(headline)

    def ratio(a, b):
        return a / b if b else 0.0

    result = {
        "date": datetime.date.today().isoformat(),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
        "articles": len(truth),
        "predicted_quotes": totals["pred"],
        "true_quotes": totals["gold"],
        "exact": {"precision": ratio(totals["exact_p"], totals["pred"]), "recall": ratio(totals["exact_g"], totals["gold"])},
        "overlap": {"precision": ratio(totals["over_p"], totals["pred"]), "recall": ratio(totals["over_g"], totals["gold"])},
        "speaker": {"known": totals["speaker_known"],
                    "exact": ratio(totals["speaker_exact"], totals["speaker_known"]),
                    "surname": ratio(totals["speaker_surname"], totals["speaker_known"])},
        "throughput": {},
    }
    for name, field in (("fnc1-train-bodies.csv", "articleBody"), ("bbc-train.csv", "text")):
        path = os.path.join(DATA, "news", name)
        start = time.perf_counter()
        found = run_articles([path, "--text-field", field])
        seconds = time.perf_counter() - start
        articles = len({r["article"] for r in found})
        result["throughput"][name] = {"seconds": seconds, "statements": len(found), "articles_with_quotes": articles}
    for name in result["throughput"]:
        import csv
        with open(os.path.join(DATA, "news", name), encoding="utf-8", newline="") as f:
            n = sum(1 for _ in csv.DictReader(f))
        t = result["throughput"][name]
        t["articles"] = n
        t["articles_per_second"] = n / t["seconds"]

    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "benchmarks", "results")
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "extraction.json"), "w") as f:
        json.dump(result, f, indent=2, sort_keys=True)
        f.write("\n")
    md = [
        "# Quoted-statement extraction",
        "",
        f"Measured {result['date']} on {result['machine']} by `python3 benchmarks/extraction.py`.",
        "",
        f"Ground truth: {result['articles']} real news excerpts about US–Russia relations, {result['true_quotes']} hand-checked quotations (headline quotes excluded).",
        "",
        "| match | precision | recall |",
        "|---|---|---|",
        f"| exact text | {result['exact']['precision']:.3f} | {result['exact']['recall']:.3f} |",
        f"| overlapping (≥ half the words) | {result['overlap']['precision']:.3f} | {result['overlap']['recall']:.3f} |",
        "",
        f"Speaker accuracy over {result['speaker']['known']} matched quotes with a known speaker: "
        f"{result['speaker']['exact']:.3f} exact name, {result['speaker']['surname']:.3f} same surname.",
        "",
        "| corpus | articles | statements found | seconds | articles/s |",
        "|---|---|---|---|---|",
    ]
    for name, t in result["throughput"].items():
        md.append(f"| {name} | {t['articles']} | {t['statements']} | {t['seconds']:.2f} | {t['articles_per_second']:.0f} |")
    md.append("")
    md.append("Throughput is end to end (read, extract, classify, print JSON Lines) in one process.")
    with open(os.path.join(out_dir, "extraction.md"), "w") as f:
        f.write("\n".join(md) + "\n")
    print("\n".join(md))
    return 0


if __name__ == "__main__":
    sys.exit(main())
