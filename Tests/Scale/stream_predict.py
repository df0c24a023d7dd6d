#!/usr/bin/env python3
"""Prediction over a 2 GB input streams in bounded memory and gives the same output as scoring
the input in pieces.

A block of distinct JSON Lines records is scored once on its own (the reference). Then the block
is repeated until the input reaches --gigabytes (2 by default) and piped through one
`stance predict - --no-text` run without ever being written to disk; every output line must equal
the reference line for its record, with only the line number shifted, and the process's peak
resident memory (from the kernel's rusage of the child) must stay under --max-mb (500).

  python3 Tests/Scale/stream_predict.py [--gigabytes 2] [--max-mb 500] [--stance PATH]
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def block_records(n=4000):
    """Deterministic statements of varied length and vocabulary (written here, not copied)."""
    subjects = ["The minister", "Our delegation", "Washington", "Moscow", "The committee", "A senior official",
                "The treaty", "Nobody in this building", "The talks", "Our partners"]
    verbs = ["welcomes", "doubts", "will review", "cannot accept", "supports", "questions", "postponed", "hopes for"]
    objects = ["the new proposal on arms control", "any deal that ignores verification", "a meeting in Geneva next month",
               "cooperation on counter-terrorism", "the sanctions package", "a return to dialogue", "the schedule"]
    out = []
    for i in range(n):
        words = [subjects[i % 10], verbs[(i * 7) % 8], objects[(i * 3) % 7]]
        tail = " and ".join(objects[(i + k) % 7] for k in range(i % 5))
        text = " ".join(words) + (", " + tail if tail else "") + f" — statement {i}, “quoted” é ü."
        label = ["supportive", "skeptical", "neutral"][(i * 7) % 8 % 3]
        out.append(json.dumps({"id": f"s{i}", "text": text, "label": label}, ensure_ascii=False) + "\n")
    return out


LINE = re.compile(rb'"line":(\d+),')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gigabytes", type=float, default=2.0)
    ap.add_argument("--max-mb", type=float, default=500)
    ap.add_argument("--stance", default=os.path.join(ROOT, ".build", "release", "stance"))
    args = ap.parse_args()

    records = block_records()
    block = "".join(records).encode("utf-8")
    with tempfile.TemporaryDirectory() as work:
        path = os.path.join(work, "block.jsonl")
        with open(path, "wb") as f:
            f.write(block)
        # A model of the kind large runs use: hashed word 1-2-grams (the point is the streaming).
        model = os.path.join(work, "m.stance")
        subprocess.run([args.stance, "train", "--data", path, "--hash-bits", "18", "--word-ngrams", "1-2", "--char-ngrams", "0",
                        "--output", model, "--quiet"], check=True)
        # The reference: the block scored on its own (in pieces of 1,000 records, to show the
        # answer does not depend on what else is in the input).
        reference = []
        for start in range(0, len(records), 1000):
            piece = os.path.join(work, "piece.jsonl")
            with open(piece, "wb") as f:
                f.write("".join(records[start:start + 1000]).encode("utf-8"))
            out = subprocess.run([args.stance, "predict", "--model", model, piece, "--input-format", "jsonl", "--format", "jsonl", "--no-text"],
                                 check=True, capture_output=True).stdout.splitlines()
            reference += [LINE.sub(b'"line":#,', line) for line in out]
        assert len(reference) == len(records)
        # Keep the model past the temporary folder: the long run below needs it.
        with open(model, "rb") as f:
            model_bytes = f.read()
    model_file = tempfile.NamedTemporaryFile(suffix=".stance", delete=False)
    model_file.write(model_bytes)
    model_file.close()
    model = model_file.name

    repeats = max(1, int(args.gigabytes * 1e9 // len(block)))
    total = repeats * len(block)
    started = time.time()
    process = subprocess.Popen([args.stance, "predict", "--model", model, "-", "--input-format", "jsonl", "--format", "jsonl", "--no-text"],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=1 << 20)

    def feed():
        try:
            for _ in range(repeats):
                process.stdin.write(block)
        finally:
            process.stdin.close()

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    n = 0
    mismatches = 0
    for line in process.stdout:
        got = line.rstrip(b"\n")
        m = LINE.search(got)
        expected_line = n + 1
        if m is None or int(m.group(1)) != expected_line or LINE.sub(b'"line":#,', got) != reference[n % len(records)]:
            mismatches += 1
            if mismatches <= 3:
                print(f"stream_predict: output line {n + 1} differs:\n  got      {got[:200]!r}\n  expected {reference[n % len(records)][:200]!r}")
        n += 1
    writer.join()
    # wait4 gives this child's own rusage (the reference and training runs do not count).
    _, wait_status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(wait_status)
    status = process.returncode
    os.unlink(model)
    seconds = time.time() - started
    peak_mb = usage.ru_maxrss / 1024
    expected = repeats * len(records)
    print(f"stream_predict: {total / 1e9:.2f} GB, {expected:,} records in {seconds:.0f} s "
          f"({total / 1e6 / seconds:.0f} MB/s); peak memory {peak_mb:.0f} MB (limit {args.max_mb:.0f}); "
          f"{n:,} output lines, {mismatches} differing from the reference")
    ok = status == 0 and n == expected and mismatches == 0 and peak_mb < args.max_mb
    if not ok:
        print(f"stream_predict: FAIL (exit status {status})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
