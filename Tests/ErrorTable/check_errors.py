#!/usr/bin/env python3
"""Checks what `stance` says and does for every bad input in cases.py, and writes docs/errors.md.

    python3 Tests/ErrorTable/check_errors.py                      # check (exit 1 if a case disagrees)
    python3 Tests/ErrorTable/check_errors.py --write-table docs/errors.md
    python3 Tests/ErrorTable/check_errors.py --stance path/to/stance --only model-truncated -v

Each case runs in its own fresh folder under one temporary folder (removed at the end), with
TMPDIR pointing inside it, so nothing is written anywhere else. For each case it checks the exit
status, a stable part of standard error, and "nothing was written or lost": after a failing
command every file in the case's folder is byte-identical and nothing new exists (no model, no
temporary or cache file); after a succeeding one only the files the case names are new.

Cases marked known_bad are reported as known problems and do not fail the run while they still
behave as recorded; see cases.py. Standard library only.
"""

import argparse
import hashlib
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import cases as C  # noqa: E402

TIMEOUT = 30
MESSAGE_WIDTH = 160
DEFAULT_TABLE = os.path.join(REPO, "docs", "errors.md")
TABLE_COMMAND = "python3 Tests/ErrorTable/check_errors.py --write-table docs/errors.md"


def die(message):
    """A problem with the check itself, not with a case: exit 2."""
    print(f"check_errors: {message}", file=sys.stderr)
    sys.exit(2)


class Skip(Exception):
    """The machine cannot set up this case (e.g. no way to make a folder unwritable)."""


class Run:
    """One case's setup, run and verdict."""

    def __init__(self, case):
        self.case = case
        self.status = None          # exit status; 128+N for a signal
        self.stderr = ""            # normalised (temporary paths replaced)
        self.stdout = ""
        self.changes = []           # files created, changed or removed
        self.problems = []          # against the wanted behaviour: (expected, got)
        self.verdict = None         # ok, FAIL, KNOWN, FIXED?, SKIP
        self.reason = ""
        self.seconds = 0.0

    @property
    def first_line(self):
        lines = [l.strip() for l in self.stderr.splitlines() if l.strip()]
        if not lines:
            return ""
        line = lines[0]
        return line if len(line) <= MESSAGE_WIDTH else line[: MESSAGE_WIDTH - 1].rstrip() + "…"


# ---------------------------------------------------------------------------------------------
# Fixtures

class Workspace:
    def __init__(self, stance):
        self.stance = stance
        self.root = tempfile.mkdtemp(prefix="stance-errors-")
        self.locked = []
        self._model = None

    def model_bytes(self):
        """A tiny real model, trained once."""
        if self._model is None:
            folder = os.path.join(self.root, "_model")
            os.mkdir(folder)
            with open(os.path.join(folder, "tiny.jsonl"), "wb") as f:
                f.write(C.TINY_CORPUS)
            done = subprocess.run([self.stance, "train", "--data", "tiny.jsonl", "--output", "m.stance", "--quiet"],
                                  cwd=folder, capture_output=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL)
            if done.returncode != 0:
                die(f"cannot train the fixture model: exit {done.returncode}\n{done.stderr.decode(errors='replace')}")
            with open(os.path.join(folder, "m.stance"), "rb") as f:
                self._model = f.read()
        return self._model

    def lock(self, path):
        """Makes a folder unwritable, for real: chmod 555, and as root chattr +i."""
        os.chmod(path, 0o555)
        self.locked.append(path)
        if os.geteuid() == 0:
            if shutil.which("chattr") is None:
                raise Skip("running as root, who ignores chmod 555, and chattr is not available")
            done = subprocess.run(["chattr", "+i", path], capture_output=True)
            if done.returncode != 0:
                raise Skip("running as root, who ignores chmod 555, and chattr +i failed: "
                           + done.stderr.decode(errors="replace").strip())
        probe = os.path.join(path, ".probe")
        try:
            with open(probe, "w"):
                pass
        except OSError:
            return
        os.unlink(probe)
        raise Skip("the folder stays writable for this user (root?), so the case would prove nothing")

    def unlock_all(self):
        for path in self.locked:
            if os.geteuid() == 0 and shutil.which("chattr"):
                subprocess.run(["chattr", "-i", path], capture_output=True)
            try:
                os.chmod(path, 0o755)
            except OSError:
                pass
        self.locked = []

    def remove(self):
        self.unlock_all()
        shutil.rmtree(self.root, ignore_errors=True)

    def build(self, folder, steps):
        for step in steps:
            path = os.path.join(folder, step.name)
            if isinstance(step, C.File):
                data = step.data() if callable(step.data) else step.data
                with open(path, "wb") as f:
                    f.write(data)
            elif isinstance(step, C.Folder):
                os.mkdir(path)
            elif isinstance(step, C.Model):
                with open(path, "wb") as f:
                    f.write(self.model_bytes())
            elif isinstance(step, C.Derived):
                with open(os.path.join(folder, step.source), "rb") as f:
                    data = step.edit(f.read())
                with open(path, "wb") as f:
                    f.write(data)
            else:
                raise TypeError(f"unknown fixture step {step!r}")
        # Lock last, so a locked folder's contents (none today) could still be created.
        for step in steps:
            if isinstance(step, C.Folder) and step.locked:
                self.lock(os.path.join(folder, step.name))


def snapshot(folder):
    """Every file and folder under `folder`: relative path -> ('dir',) or ('file', size, sha256)."""
    state = {}
    for top, dirs, files in os.walk(folder):
        for name in dirs:
            state[os.path.relpath(os.path.join(top, name), folder) + "/"] = ("dir",)
        for name in files:
            path = os.path.join(top, name)
            with open(path, "rb") as f:
                data = f.read()
            state[os.path.relpath(path, folder)] = ("file", len(data), hashlib.sha256(data).hexdigest())
    return state


def differences(before, after):
    out = []
    for path in sorted(set(before) | set(after)):
        if path not in before:
            out.append(f"new {path}")
        elif path not in after:
            out.append(f"removed {path}")
        elif before[path] != after[path]:
            out.append(f"changed {path}")
    return out


# ---------------------------------------------------------------------------------------------
# Running and judging

def normalise(text, folder):
    """Temporary paths as the fixture's base name; the case folder itself as <current folder>."""
    for prefix in sorted({folder, os.path.realpath(folder)}, key=len, reverse=True):
        text = text.replace(prefix + "/", "").replace(prefix, "<current folder>")
    return text


def exits(expected):
    return expected if isinstance(expected, tuple) else (expected,)


def show_exit(expected):
    return " or ".join(str(e) for e in exits(expected))


def run_case(ws, case):
    run = Run(case)
    folder = os.path.join(ws.root, case.id)
    os.mkdir(folder)
    tmp = os.path.join(folder, "tmp")
    os.mkdir(tmp)
    try:
        ws.build(folder, case.fixtures)
    except Skip as skip:
        run.verdict, run.reason = "SKIP", str(skip)
        return run
    before = snapshot(folder)
    env = dict(os.environ, TMPDIR=tmp)
    start = time.monotonic()
    try:
        done = subprocess.run([ws.stance, *case.command], cwd=folder, env=env, capture_output=True, timeout=TIMEOUT,
                              input=case.stdin if case.stdin is not None else b"")
        run.status = done.returncode if done.returncode >= 0 else 128 - done.returncode
        run.stdout = normalise(done.stdout.decode("utf-8", errors="replace"), folder)
        run.stderr = normalise(done.stderr.decode("utf-8", errors="replace"), folder)
    except subprocess.TimeoutExpired:
        run.status, run.stderr = None, f"(timed out after {TIMEOUT} s)"
    run.seconds = time.monotonic() - start
    after = snapshot(folder)
    ws.unlock_all()
    run.changes = differences(before, after)
    judge(run)
    return run


def problems_against(run, exit, stderr, stdout, check_files):
    """What differs from one description of the behaviour, as (expected, got) pairs."""
    case, out = run.case, []
    if run.status not in exits(exit):
        out.append((f"exit {show_exit(exit)}", f"exit {run.status}"))
    if run.status is not None and run.status >= 128:
        out.append(("no crash", f"killed by signal {run.status - 128} (exit {run.status})"))
    if stderr is not None and stderr not in run.stderr:
        got = run.stderr.strip() or "(nothing)"
        out.append((f"stderr containing: {stderr}", "stderr: " + got[:600]))
    if stdout is not None and stdout not in run.stdout:
        out.append((f"stdout containing: {stdout}", "stdout: " + (run.stdout.strip()[:300] or "(nothing)")))
    if check_files:
        failing = 0 not in exits(exit)
        allowed = set() if failing else set(case.creates)
        extra = [c for c in run.changes if c.split(" ", 1)[1] not in allowed]
        if extra:
            want = "nothing written or lost" if failing else f"only {', '.join(case.creates) or 'no files'} written"
            out.append((want, "; ".join(extra)))
        for name in case.unchanged:
            if f"changed {name}" in run.changes or f"removed {name}" in run.changes:
                out.append((f"{name} byte-identical", f"{name} changed or removed"))
        if not failing:
            for name in case.creates:
                if f"new {name}" not in run.changes and f"changed {name}" not in run.changes:
                    out.append((f"{name} written", f"{name} not written"))
    return out


def judge(run):
    case = run.case
    run.problems = problems_against(run, case.exit, case.stderr, case.stdout, check_files=True)
    if not case.known_bad:
        run.verdict = "ok" if not run.problems else "FAIL"
    elif not run.problems:
        run.verdict = "FIXED?"
        run.reason = "behaves as wanted now: drop known_bad (and the now_* fields) from cases.py"
    elif not problems_against(run, case.now_exit, case.now_stderr, None, check_files=False):
        run.verdict = "KNOWN"
        run.reason = case.note
    else:
        run.verdict = "FAIL"
        run.reason = (f"known problem, but no longer as recorded (exit {case.now_exit}, "
                      f"stderr containing {case.now_stderr!r}): check the new behaviour and update cases.py")


# ---------------------------------------------------------------------------------------------
# Output

def command_line(case):
    text = "stance " + shlex.join(case.command)
    if case.stdin is not None:
        text += " < /dev/null" if case.stdin == b"" else " < input"
    return text


def report(runs, verbose):
    for run in runs:
        case = run.case
        if run.verdict == "ok" and not verbose:
            continue
        print(f"{run.verdict:6} {case.id}: {command_line(case)}")
        if run.reason:
            print(f"       {run.reason}")
        if run.verdict in ("FAIL", "KNOWN"):
            for expected, got in run.problems:
                print(f"       - {expected}")
                print("       + " + got.replace("\n", "\n         "))
        elif verbose and run.verdict == "ok":
            print(f"       exit {run.status}: {run.first_line or '(nothing on stderr)'}")


def cell(text):
    return text.replace("|", "\\|")


def code(text):
    if not text:
        return ""
    return cell(f"`` {text} ``" if "`" in text else f"`{text}`")


def render_table(runs):
    skipped = [r for r in runs if r.verdict == "SKIP"]
    lines = [
        "# What `stance` says when something is wrong",
        "",
        "Each row is a bad input (or a misuse of the command line), the command that meets it, the exit",
        "status and the first line the user sees on standard error. Exit status: 0 success, 1 a file or",
        "the data is at fault, 64 a usage mistake. After every failure nothing is written or lost: no model",
        "file, no temporary or cache file, and a model that already existed is left byte-identical (the",
        "checker compares the whole working folder before and after each command). Rows marked",
        "**⚠ known problem** show behaviour that is wrong today; they are explained at the end.",
        "",
        f"This file is generated by `{TABLE_COMMAND}` from what the",
        "built binary actually does (temporary paths shown as the file's base name), and checked by the",
        "same script without `--write-table` in `make test`; the cases, with their fixtures and the",
        "expected exit status and message, are in `Tests/ErrorTable/cases.py`.",
        "",
    ]
    by_group = {}
    for run in runs:
        if run.verdict != "SKIP":
            by_group.setdefault(run.case.group, []).append(run)
    for group, title in C.GROUPS:
        if group not in by_group:
            continue
        lines += [f"## {title}", "", "| input / situation | command | exit status | what the user sees |",
                  "|---|---|---|---|"]
        for run in by_group[group]:
            case = run.case
            situation = f"{case.description} <sub>{case.id}</sub>"
            if case.known_bad:
                situation += " **⚠ known problem**"
            seen = code(run.first_line) if run.first_line else "(nothing on standard error)"
            status = "timeout" if run.status is None else str(run.status)
            lines.append(f"| {cell(situation)} | {code(command_line(case))} | {status} | {seen} |")
        lines.append("")
    known = [r for r in runs if r.case.known_bad and r.verdict != "SKIP"]
    if known:
        lines += ["## Known problems", "",
                  "Behaviour that is wrong today; the cases record what it should be, and the check reports them",
                  "without failing until they are fixed.", ""]
        for run in known:
            lines.append(f"- **{run.case.id}** (`{command_line(run.case)}`): {run.case.note}")
        lines.append("")
    notes = [r for r in runs if r.case.note and not r.case.known_bad and r.verdict != "SKIP"]
    if notes:
        lines += ["## Remarks", ""]
        for run in notes:
            lines.append(f"- **{run.case.id}**: {run.case.note}")
        lines.append("")
    if skipped:
        lines += ["Not checked when this table was written: "
                  + "; ".join(f"{r.case.id} ({r.reason})" for r in skipped) + ".", ""]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stance", default=os.path.join(REPO, ".build", "release", "stance"),
                        help="the stance binary (default: .build/release/stance in the repository)")
    parser.add_argument("--write-table", metavar="FILE", help="(re)write the markdown table, e.g. docs/errors.md")
    parser.add_argument("--only", action="append", metavar="ID", help="run only this case (repeatable)")
    parser.add_argument("-v", "--verbose", action="store_true", help="also list the cases that pass")
    args = parser.parse_args()

    stance = os.path.abspath(args.stance)
    if not (os.path.isfile(stance) and os.access(stance, os.X_OK)):
        die(f"no stance binary at {stance} (build it, or pass --stance PATH)")
    if args.write_table and args.only:
        die("--write-table needs every case; leave out --only")
    selected = [c for c in C.CASES if not args.only or c.id in args.only]
    if args.only and len(selected) != len(set(args.only)):
        die(f"unknown case id(s): {sorted(set(args.only) - {c.id for c in C.CASES})}")

    start = time.monotonic()
    ws = Workspace(stance)
    try:
        runs = [run_case(ws, case) for case in selected]
    finally:
        ws.remove()

    report(runs, args.verbose)
    count = {v: sum(r.verdict == v for r in runs) for v in ("ok", "KNOWN", "FIXED?", "FAIL", "SKIP")}
    print(f"{len(runs)} cases: {count['ok']} ok, {count['KNOWN']} known problems, {count['FIXED?']} fixed?, "
          f"{count['FAIL']} failed, {count['SKIP']} skipped ({time.monotonic() - start:.1f} s)")
    if args.write_table:
        os.makedirs(os.path.dirname(os.path.abspath(args.write_table)), exist_ok=True)
        with open(args.write_table, "w", encoding="utf-8") as f:
            f.write(render_table(runs))
        print(f"wrote {args.write_table}")
    elif not args.only and os.path.exists(DEFAULT_TABLE):
        with open(DEFAULT_TABLE, encoding="utf-8") as f:
            if f.read() != render_table(runs):
                print(f"note: {os.path.relpath(DEFAULT_TABLE)} differs from what stance says now; "
                      f"regenerate it with {TABLE_COMMAND}")
    return 1 if count["FAIL"] else 0


if __name__ == "__main__":
    sys.exit(main())
