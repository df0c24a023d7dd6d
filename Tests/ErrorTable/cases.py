"""The bad inputs `stance` must survive, and what the user should see for each.

Read by check_errors.py, which builds each case's fixtures in a fresh temporary folder, runs the
command there (so paths in messages are the fixtures' base names), and checks the exit status and
a stable part of standard error. It then writes docs/errors.md from what it observed.

A case is declarative:

    Case(id, group, description,
         fixtures=[File(name, bytes), Model(name), Derived(name, source, edit), Folder(name), ...],
         command=["train", "--data", "x.jsonl", "--output", "m.stance"],   # after `stance`
         exit=1, stderr="x.jsonl:2: ...")

Besides exit status and message, the checker always verifies "nothing was written or lost" for a
failing command: every file and folder in the case's folder (fixtures, any pre-existing model,
the TMPDIR it gives stance for caches) is byte-identical afterwards, so there is no model, no
half-written or temporary file and no leftover cache. `unchanged=` names files that must also be
reported explicitly (the pre-existing model case); `creates=` names files a succeeding command
must write.

known_bad=True marks a case whose current behaviour is wrong. Its `exit`/`stderr` then state the
behaviour we want and `now_exit`/`now_stderr` the behaviour we have; the checker reports
"known problem" (not a failure) while the command still behaves as `now_*`, says "fixed?" when
it behaves as wanted, and fails if it does something else again (a crash, another message).
"""

from dataclasses import dataclass
from typing import Callable, Optional, Sequence, Tuple, Union

# --------------------------------------------------------------------------------------------
# Fixture steps (interpreted by check_errors.py, in order, inside the case's folder)


@dataclass(frozen=True)
class File:
    """A file with these bytes."""
    name: str
    data: Union[bytes, Callable[[], bytes]]


@dataclass(frozen=True)
class Folder:
    """An empty folder. locked=True makes it unwritable: chmod 555, and when running as root (who
    ignores permission bits) also `chattr +i`; if neither bites, the case is skipped, not faked."""
    name: str
    locked: bool = False


@dataclass(frozen=True)
class Model:
    """A real model: `stance train` on TINY_CORPUS (trained once per run and copied)."""
    name: str


@dataclass(frozen=True)
class Derived:
    """A file made from an earlier fixture's bytes by `edit(bytes) -> bytes`."""
    name: str
    source: str
    edit: Callable[[bytes], bytes]


Step = Union[File, Folder, Model, Derived]


@dataclass(frozen=True)
class Case:
    id: str
    group: str
    description: str
    fixtures: Sequence[Step]
    command: Sequence[str]
    exit: Union[int, Tuple[int, ...]]
    stderr: Optional[str]                  # a stable substring of standard error; None: not checked
    stdout: Optional[str] = None           # a substring of standard output, when it matters
    unchanged: Sequence[str] = ()          # files that must be byte-identical after the command
    creates: Sequence[str] = ()            # files a succeeding command must write
    known_bad: bool = False
    note: str = ""
    now_exit: Optional[int] = None         # known_bad: today's exit status
    now_stderr: Optional[str] = None       # known_bad: a stable substring of today's message
    stdin: Optional[bytes] = None


GROUPS = [
    ("data", "Data files"),
    ("model", "Model files"),
    ("output", "Output files and folders"),
    ("cli", "Command line"),
    ("spark", "Spark interchange (featurize, import-mllib)"),
]

# --------------------------------------------------------------------------------------------
# Fixture data

TINY_CORPUS = (
    b'{"text": "we welcome the talks and hope for peace", "label": "pos"}\n'
    b'{"text": "we do not trust them at all", "label": "neg"}\n'
    b'{"text": "cooperation is good for both sides", "label": "pos"}\n'
    b'{"text": "they lied to us again and again", "label": "neg"}\n'
    b'{"text": "a fair deal is within reach", "label": "pos"}\n'
    b'{"text": "nobody believes a word they say", "label": "neg"}\n'
)
GOOD_LINE = b'{"text": "ok text", "label": "a"}\n'      # 34 bytes: line 2 starts at byte 34


def _half(data: bytes) -> bytes:
    return data[: len(data) // 2]


def _flip_middle_bit(data: bytes) -> bytes:
    b = bytearray(data)
    b[len(b) // 2] ^= 0x10
    return bytes(b)


def _newer_major(data: bytes) -> bytes:
    """Format 9.1, "made by stance 9.1.0": the version (UInt16 major, minor at bytes 8-11) and the
    creator (UInt8 length at 12, then 12 ASCII bytes) rewritten; the checksum is left stale, as
    the version is checked before it."""
    assert data[12] == 12 and data[13:19] == b"stance", "unexpected model header layout"
    b = bytearray(data)
    b[8:12] = (9).to_bytes(2, "little") + (1).to_bytes(2, "little")
    b[13:25] = b"stance 9.1.0"
    return bytes(b)


def _newer_minor(data: bytes) -> bytes:
    """Format 1.7 with a valid checksum: newer minor versions only add header keys, so it loads."""
    import struct
    import zlib
    b = bytearray(data[:-4])
    b[10:12] = (7).to_bytes(2, "little")
    return bytes(b) + struct.pack("<I", zlib.crc32(bytes(b)))


def _bad_weighting(data: bytes) -> bytes:
    """The header's feature configuration names a weighting that does not exist (same length, so
    the header size stays right), with a valid checksum: the model cannot be configured."""
    import struct
    import zlib
    b = bytes(data[:-4])
    assert b'"weighting":"tfidf"' in b, "unexpected model header"
    b = b.replace(b'"weighting":"tfidf"', b'"weighting":"tfxdf"', 1)
    return b + struct.pack("<I", zlib.crc32(b))


def _hundred_megabyte_line() -> bytes:
    """One 100 MB text on a single line, then an ordinary one."""
    return (b'{"text": "' + b"peace talks trust deal never " * 3_500_000 + b'", "label": "a"}\n'
            + b'{"text": "we welcome it", "label": "b"}\n')


# A JSON Lines file larger than the 4 MiB chunk `predict` and `train --streaming` read at a time,
# with a NUL byte on a line in the second chunk. Every line is BIG_LINE_LENGTH bytes, so the NUL's
# true byte offset is known without building the file.
BIG_BAD_LINE_NUMBER = 70000
_BIG_BAD = b'{"text": "statement \x00\x00\x00\x00\x00\x00 about the talks", "label": "pos"}\n'
BIG_LINE_LENGTH = len(_BIG_BAD)
BIG_NUL_OFFSET = (BIG_BAD_LINE_NUMBER - 1) * BIG_LINE_LENGTH + _BIG_BAD.index(b"\x00")


def _big_with_nul() -> bytes:
    lines = []
    for i in range(1, BIG_BAD_LINE_NUMBER + 1001):
        if i == BIG_BAD_LINE_NUMBER:
            lines.append(_BIG_BAD)
        else:
            lines.append(b'{"text": "statement %06d about the talks", "label": "%s"}\n'
                         % (i, b"pos" if i % 2 else b"neg"))
    data = b"".join(lines)
    assert data[BIG_NUL_OFFSET] == 0 and len(data) > 4 << 20
    return data


def _big_with_broken_json() -> bytes:
    """The same file with an object cut short (padded to the same length) instead of the NUL line."""
    return _big_with_nul().replace(_BIG_BAD, b'{"text": "bad", "label":'.ljust(BIG_LINE_LENGTH - 1) + b"\n")


STREAM = ["--streaming", "--hash-bits", "12", "--solver", "adagrad"]

# --------------------------------------------------------------------------------------------
# The cases

SPEC_JSON = (b'{"features": {"hashBits": 6, "maxDocumentFrequency": 1, "minDocumentFrequency": 1, '
             b'"ngrams": {"words": {"lower": 1, "upper": 1}}, "normalization": "none", "sublinearTF": false, '
             b'"tokenizer": {"lowercase": true, "markNegation": false, "punctuation": true, "splitHashtags": false, '
             b'"squeezeElongations": false}, "weighting": "binary"}, "format": "stance-features/1", "labels": ["neg", "pos"]}\n')


def mllib_export(num_features=64, model="LogisticRegressionModel", extra=b""):
    return (b'{"format": "stance-mllib/1", "sparkVersion": "4.3.0", "model": "' + model.encode() + b'", "params": {' + extra + b'}, '
            b'"numClasses": 2, "numFeatures": ' + str(num_features).encode() + b', "intercepts": [0.5], '
            b'"coefficients": [{"fill": 0, "indices": [3], "values": [1.5]}]}\n')


CASES = [
    # ---- data files -----------------------------------------------------------------------
    Case("data-missing", "data", "data file does not exist",
         [], ["train", "--data", "nope.jsonl", "--output", "m.stance"],
         1, "nope.jsonl: no such file (check the path"),
    Case("data-folder", "data", "data path is a folder",
         [Folder("corpus.jsonl")], ["train", "--data", "corpus.jsonl", "--output", "m.stance"],
         1, "corpus.jsonl: is a folder, not a data file"),
    Case("data-empty", "data", "empty file (0 bytes)",
         [File("empty.jsonl", b"")], ["train", "--data", "empty.jsonl", "--output", "m.stance"],
         1, "empty.jsonl: is empty; expected jsonl records"),
    Case("data-empty-stdin", "data", "empty standard input",
         [], ["train", "--data", "-", "--input-format", "jsonl", "--output", "m.stance"],
         1, "<stdin>: is empty", stdin=b""),
    Case("csv-header-only", "data", "CSV with a header and no rows",
         [File("header.csv", b"text,label\n")], ["train", "--data", "header.csv", "--output", "m.stance"],
         1, "header.csv: has a header but no records"),
    Case("csv-header-only-evaluate", "data", "CSV with a header and no rows, evaluated",
         [Model("m.stance"), File("header.csv", b"text,label\n")],
         ["evaluate", "--model", "m.stance", "--data", "header.csv"],
         1, "header.csv: has a header but no records"),
    Case("invalid-utf8", "data", "invalid UTF-8 (a 0xFF byte) on line 2",
         [File("latin1.jsonl", GOOD_LINE + b'{"text": "bad \xff\xfe here", "label": "b"}\n')],
         ["train", "--data", "latin1.jsonl", "--output", "m.stance"],
         1, "latin1.jsonl:2: is not valid UTF-8: byte 0xFF at byte offset 48"),
    Case("invalid-utf8-evaluate", "data", "invalid UTF-8 on line 2, evaluated",
         [Model("m.stance"), File("latin1.jsonl", GOOD_LINE + b'{"text": "bad \xff\xfe here", "label": "b"}\n')],
         ["evaluate", "--model", "m.stance", "--data", "latin1.jsonl"],
         1, "latin1.jsonl:2: is not valid UTF-8: byte 0xFF at byte offset 48"),
    Case("invalid-utf8-predict", "data", "invalid UTF-8 on line 2, predicted (streamed reader)",
         [Model("m.stance"), File("latin1.jsonl", GOOD_LINE + b'{"text": "bad \xff\xfe here", "label": "b"}\n')],
         ["predict", "--model", "m.stance", "latin1.jsonl"],
         1, "latin1.jsonl:2: is not valid UTF-8: byte 0xFF at byte offset 48"),
    Case("utf16-bom", "data", "UTF-16 file (starts with a UTF-16 byte-order mark)",
         [File("utf16.jsonl", '{"text": "hi", "label": "a"}\n'.encode("utf-16"))],
         ["train", "--data", "utf16.jsonl", "--output", "m.stance"],
         1, "utf16.jsonl: is UTF-16 (it starts with a UTF-16 byte-order mark), not UTF-8"),
    Case("utf16-bom-predict", "data", "UTF-16 file, predicted (streamed reader)",
         [Model("m.stance"), File("utf16.jsonl", '{"text": "hi", "label": "a"}\n'.encode("utf-16"))],
         ["predict", "--model", "m.stance", "utf16.jsonl"],
         1, "utf16.jsonl: is UTF-16"),
    Case("nul-byte", "data", "NUL byte on line 2",
         [File("binary.jsonl", GOOD_LINE + b'{"text": "nul\x00 here", "label": "b"}\n')],
         ["train", "--data", "binary.jsonl", "--output", "m.stance"],
         1, "binary.jsonl:2: contains a NUL byte (0x00) at byte offset 47; is this a binary file?"),
    Case("nul-byte-big-predict", "data",
         f"NUL byte on line {BIG_BAD_LINE_NUMBER} of a 4.5 MB file, past the streamed reader's first 4 MiB chunk",
         [Model("m.stance"), File("big.jsonl", _big_with_nul)],
         ["predict", "--model", "m.stance", "big.jsonl", "--no-text"],
         1, f"big.jsonl:{BIG_BAD_LINE_NUMBER}: contains a NUL byte (0x00) at byte offset {BIG_NUL_OFFSET};"),
    Case("csv-unclosed-quote", "data", "CSV field whose opening quote is never closed",
         [File("quotes.csv", b'text,label\n"hello there,a\nfoo,b\n')],
         ["train", "--data", "quotes.csv", "--output", "m.stance"],
         1, "quotes.csv:2: a quoted field opens here and is never closed"),
    Case("csv-ragged", "data", "CSV row with more fields than the header",
         [File("ragged.csv", b"text,label\nhello,a\nbye,b,extra\n")],
         ["train", "--data", "ragged.csv", "--output", "m.stance"],
         1, "ragged.csv:3: has 3 fields but the header has 2 columns"),
    Case("csv-no-text-column", "data", "CSV without a `text` column",
         [File("columns.csv", b"body,label\nhello,a\nbye,b\n")],
         ["train", "--data", "columns.csv", "--output", "m.stance"],
         1, 'columns.csv:1: the header has no text column "text"; its columns are "body", "label"'),
    Case("jsonl-broken-object", "data", "JSON Lines: an object cut short",
         [File("broken.jsonl", GOOD_LINE + b'{"text": "broken", "label": \n')],
         ["train", "--data", "broken.jsonl", "--output", "m.stance"],
         1, "broken.jsonl:2: is not valid JSON: expected a value, found the end of the line"),
    Case("jsonl-missing-text", "data", "JSON Lines: no text field",
         [File("notext.jsonl", GOOD_LINE + b'{"body": "x", "label": "b"}\n')],
         ["train", "--data", "notext.jsonl", "--output", "m.stance"],
         1, 'notext.jsonl:2: the text field "text" is missing (use --text-field'),
    Case("jsonl-missing-label", "data", "JSON Lines: no label field",
         [File("nolabel.jsonl", GOOD_LINE + b'{"text": "x"}\n')],
         ["train", "--data", "nolabel.jsonl", "--output", "m.stance"],
         1, 'nolabel.jsonl:2: the label field "label" is missing (use --label-field'),
    Case("jsonl-object-label", "data", "JSON Lines: label is an object",
         [File("objlabel.jsonl", GOOD_LINE + b'{"text": "x", "label": {"a": 1}}\n')],
         ["train", "--data", "objlabel.jsonl", "--output", "m.stance"],
         1, 'objlabel.jsonl:2: the label field "label" is an object, not a string or an integer'),
    Case("jsonl-trailing-garbage", "data", "JSON Lines: text after the closing brace",
         [File("trailing.jsonl", GOOD_LINE + b'{"text": "x", "label": "b"} trailing\n')],
         ["train", "--data", "trailing.jsonl", "--output", "m.stance"],
         1, "trailing.jsonl:2: is not valid JSON: unexpected 't' after the end of the JSON value"),
    Case("jsonl-array-line", "data", "JSON Lines: a line holding an array",
         [File("array.jsonl", GOOD_LINE + b'["x", "b"]\n')],
         ["train", "--data", "array.jsonl", "--output", "m.stance"],
         1, "array.jsonl:2: holds an array, not a JSON object"),
    Case("jsonl-deep-line-streamed", "data",
         "JSON Lines: broken object on line 70000 of a 4.5 MB file, predicted (streamed in chunks)",
         [Model("m.stance"),
          File("big.jsonl", _big_with_broken_json)],
         ["predict", "--model", "m.stance", "big.jsonl", "--no-text"],
         1, f"big.jsonl:{BIG_BAD_LINE_NUMBER}: is not valid JSON: expected a value, found the end of the line"),
    Case("line-100mb", "data", "a single line of 100 MB of text: trains (no limit short of memory)",
         [File("huge.jsonl", _hundred_megabyte_line)],
         ["train", "--data", "huge.jsonl", "--hash-bits", "16", "--char-ngrams", "0", "--output", "m.stance"],
         0, None, creates=["m.stance"]),
    Case("cv-one-example", "cli", "cross-validation with a label that has one example",
         [File("few.jsonl", b'{"text": "a b", "label": "x"}\n{"text": "c d", "label": "x"}\n{"text": "e f", "label": "x"}\n{"text": "g h", "label": "y"}\n')],
         ["cv", "--folds", "2", "--data", "few.jsonl"],
         1, 'label "y" has only 1 example; cross-validation needs at least 2 examples of every label'),
    Case("unknown-extension", "data", "extension that names no format (.dat)",
         [File("corpus.dat", TINY_CORPUS)], ["train", "--data", "corpus.dat", "--output", "m.stance"],
         1, "corpus.dat: has an extension (.dat) that does not tell its format (use --input-format"),
    Case("unlabelled-txt", "data", "plain .txt lines (no labels) given to train",
         [File("statements.txt", b"hello\nworld\n")], ["train", "--data", "statements.txt", "--output", "m.stance"],
         1, "statements.txt:1: has no tab between the label and the text (expected label<TAB>text; use --input-format"),
    Case("one-label", "data", "training data with only one label",
         [File("one.jsonl", GOOD_LINE + b'{"text": "more", "label": "a"}\n')],
         ["train", "--data", "one.jsonl", "--output", "m.stance"],
         1, "one.jsonl"),
    Case("empty-texts", "data", "every text is empty (no features at all)",
         [File("blank.jsonl", b'{"text": "", "label": "a"}\n{"text": "", "label": "b"}\n')],
         ["train", "--data", "blank.jsonl", "--output", "m.stance"],
         1, None),
    Case("min-df-prunes-all", "data", "`--min-df` larger than the corpus (vocabulary pruned to nothing)",
         [File("corpus.jsonl", TINY_CORPUS)],
         ["train", "--data", "corpus.jsonl", "--min-df", "100", "--output", "m.stance"],
         1, None),
    Case("skip-bad-row", "data", "`--on-bad-row skip` with one broken row: trains, says what it skipped",
         [File("messy.jsonl", TINY_CORPUS + b'{"text": "broken", "label": \n')],
         ["train", "--data", "messy.jsonl", "--on-bad-row", "skip", "--output", "m.stance"],
         0, "skipped 1 bad row(s) of messy.jsonl; the first: messy.jsonl:7: is not valid JSON",
         stdout="trained logreg on 6 documents", creates=["m.stance"]),
    Case("skip-all-rows-bad", "data", "`--on-bad-row skip` when every row is bad",
         [File("allbad.jsonl", b'{"text": "x", "label": \n{"text": "y"}\n')],
         ["train", "--data", "allbad.jsonl", "--on-bad-row", "skip", "--output", "m.stance"],
         1, "allbad.jsonl: has no usable records: all 2 rows were bad and skipped"),
    Case("labels-only-in-evaluation", "data", "evaluation data has a label the model never saw: a warning",
         [Model("m.stance"), File("test.jsonl", TINY_CORPUS + b'{"text": "a neutral remark", "label": "neutral"}\n')],
         ["evaluate", "--model", "m.stance", "--data", "test.jsonl"],
         0, "warning: label(s) neutral in test.jsonl were not in the model's training data",
         stdout="(7 examples)"),
    Case("streaming-csv", "data", "`train --streaming` on a CSV file",
         [File("corpus.csv", b"text,label\nhello,a\nbye,b\n")],
         ["train", "--data", "corpus.csv", *STREAM, "--output", "m.stance"],
         1, "corpus.csv: is csv, which cannot be read as a stream"),
    Case("streaming-broken-row", "data", "`train --streaming`: broken row (cache folder must be left empty)",
         [Folder("cache"), File("broken.jsonl", GOOD_LINE + b'{"text": "broken", "label": \n')],
         ["train", "--data", "broken.jsonl", *STREAM, "--cache-dir", "cache", "--output", "m.stance"],
         1, "broken.jsonl:2: is not valid JSON"),

    # ---- model files ----------------------------------------------------------------------
    Case("model-missing", "model", "model file does not exist",
         [], ["predict", "--model", "nomodel.stance", "--text", "x"],
         1, "nomodel.stance: cannot read the model file: no such file"),
    Case("model-missing-evaluate", "model", "model file does not exist (evaluate)",
         [File("test.jsonl", TINY_CORPUS)], ["evaluate", "--model", "nomodel.stance", "--data", "test.jsonl"],
         1, "nomodel.stance: cannot read the model file: no such file"),
    Case("model-folder", "model", "model path is a folder",
         [Folder("models")], ["predict", "--model", "models", "--text", "x"],
         1, "models: cannot read the model file: it is a folder, not a model file"),
    Case("model-not-a-model", "model", "a data file given as the model",
         [File("train.jsonl", TINY_CORPUS)], ["predict", "--model", "train.jsonl", "--text", "x"],
         1, "train.jsonl: not a stance model file (it does not start with the stance signature)"),
    Case("model-empty", "model", "empty model file (0 bytes)",
         [File("empty.stance", b"")], ["predict", "--model", "empty.stance", "--text", "x"],
         1, "empty.stance: not a stance model file"),
    Case("model-cut-in-signature", "model", "model cut inside its first 8 bytes",
         [Model("m.stance"), Derived("cut.stance", "m.stance", lambda b: b[:5])],
         ["predict", "--model", "cut.stance", "--text", "x"],
         1, "cut.stance: the model file is truncated (it ends before its checksum)"),
    Case("model-truncated", "model", "truncated model (first half of a real one)",
         [Model("m.stance"), Derived("half.stance", "m.stance", _half)],
         ["predict", "--model", "half.stance", "--text", "x"],
         1, "half.stance: the model file is corrupted (checksum 0x",
         note="reported as a checksum mismatch, not as \"truncated\": the truncated message is only used "
              "when the file ends inside its first bytes"),
    Case("model-flipped-bit", "model", "one flipped bit in the middle of a model",
         [Model("m.stance"), Derived("flipped.stance", "m.stance", _flip_middle_bit)],
         ["predict", "--model", "flipped.stance", "--text", "x"],
         1, "flipped.stance: the model file is corrupted (checksum 0x"),
    Case("model-newer-major", "model", "model whose header says format 9.1, made by stance 9.1.0",
         [Model("m.stance"), Derived("future.stance", "m.stance", _newer_major)],
         ["predict", "--model", "future.stance", "--text", "x"],
         1, "future.stance: model format 9.1 was made by stance 9.1.0; this is stance ",
         note="\"reads format 1.0 and older\" undersells it: this build also reads the 2.0 per-group files"),
    Case("model-bad-configuration", "model", "model whose feature configuration cannot be read (valid checksum)",
         [Model("m.stance"), Derived("odd.stance", "m.stance", _bad_weighting)],
         ["predict", "--model", "odd.stance", "--text", "we welcome the talks"],
         1, "odd.stance"),
    Case("model-newer-minor", "model", "model whose header says format 1.7 (valid checksum): accepted",
         [Model("m.stance"), Derived("minor.stance", "m.stance", _newer_minor)],
         ["predict", "--model", "minor.stance", "--text", "we welcome the talks"],
         0, None, stdout='"label":"pos"'),

    # ---- outputs --------------------------------------------------------------------------
    Case("output-folder-missing", "output", "`--output` in a folder that does not exist",
         [File("train.jsonl", TINY_CORPUS)], ["train", "--data", "train.jsonl", "--output", "nodir/m.stance"],
         64, "the output folder nodir does not exist; create it or choose another --output",
         note="exit 64 (usage) with the usage lines, where README says 1 is for \"a file at fault\""),
    Case("output-parent-is-file", "output", "`--output` under a path that is a file",
         [File("train.jsonl", TINY_CORPUS)], ["train", "--data", "train.jsonl", "--output", "train.jsonl/m.stance"],
         64, "the output folder train.jsonl does not exist",
         note="the folder exists, as a file; \"is not a folder\" would be exact"),
    Case("output-folder-unwritable", "output", "`--output` in an unwritable folder (chmod 555; as root chattr +i)",
         [File("train.jsonl", TINY_CORPUS), Folder("locked", locked=True)],
         ["train", "--data", "train.jsonl", "--output", "locked/m.stance"],
         64, "the output folder locked is not writable; choose another --output"),
    Case("output-is-folder", "output", "`--output` names an existing folder",
         [File("train.jsonl", TINY_CORPUS), Folder("models")],
         ["train", "--data", "train.jsonl", "--output", "models"],
         1, "models: cannot write the model file: Is a directory"),
    Case("output-kept-on-failure", "output", "failed training leaves an existing model byte-identical",
         [Model("m.stance"), File("broken.jsonl", GOOD_LINE + b'{"text": "broken", "label": \n')],
         ["train", "--data", "broken.jsonl", "--output", "m.stance"],
         1, "broken.jsonl:2: is not valid JSON", unchanged=["m.stance"]),

    # ---- command line ---------------------------------------------------------------------
    Case("typo-epoch", "cli", "`--epoch` for `--epochs`",
         [File("train.jsonl", TINY_CORPUS)], ["train", "--data", "train.jsonl", "--epoch", "3", "--output", "m.stance"],
         64, "Unknown option '--epoch'. Did you mean '--epochs'?"),
    Case("typo-hash-bit", "cli", "`--hash-bit` for `--hash-bits`",
         [File("train.jsonl", TINY_CORPUS)], ["train", "--data", "train.jsonl", "--hash-bit", "10", "--output", "m.stance"],
         64, "Unknown option '--hash-bit'. Did you mean '--hash-bits'?"),
    Case("typo-format-train", "cli", "`--format` (a predict option) given to train",
         [File("corpus.dat", TINY_CORPUS)], ["train", "--data", "corpus.dat", "--format", "jsonl", "--output", "m.stance"],
         64, "Unknown option '--format'."),
    Case("typo-option-with-file", "cli", "misspelt option followed by its value, with an input file",
         [Model("m.stance"), File("statements.txt", b"hello\n")],
         ["predict", "--model", "m.stance", "statements.txt", "--formt", "csv"],
         64, "Unknown option '--formt'. Did you mean '--format'?"),
    Case("missing-output", "cli", "`train` without `--output`",
         [File("train.jsonl", TINY_CORPUS)], ["train", "--data", "train.jsonl"],
         64, "Missing expected argument '--output <file>'"),
    Case("bad-enum-value", "cli", "unknown learner name",
         [File("train.jsonl", TINY_CORPUS)], ["train", "--data", "train.jsonl", "--classifier", "svm", "--output", "m.stance"],
         64, "The value 'svm' is invalid for '--classifier <classifier>'"),
    Case("negative-number-value", "cli", "`--C -1` (a negative value after a space)",
         [File("train.jsonl", TINY_CORPUS)], ["train", "--data", "train.jsonl", "--C", "-1", "--output", "m.stance"],
         64, "Missing value for '--C <C>'",
         note="ArgumentParser reads -1 as an option; `--C=-1` reaches stance's own check (\"C must be a positive number\")"),
    Case("bad-parameter", "cli", "`--C=0`",
         [File("train.jsonl", TINY_CORPUS)], ["train", "--data", "train.jsonl", "--C=0", "--output", "m.stance"],
         1, "C must be a positive number, got 0.0"),
    Case("bad-interpolation", "cli", "`nblr` with `--interpolation 2` (β outside 0–1)",
         [File("train.jsonl", TINY_CORPUS)],
         ["train", "--data", "train.jsonl", "--classifier", "nblr", "--interpolation", "2", "--output", "m.stance"],
         1, "interpolation must be between 0 and 1, got 2.0"),
    Case("predict-file-and-text", "cli", "`predict` with both an input file and `--text`",
         [Model("m.stance"), File("statements.txt", b"hello\n")],
         ["predict", "--model", "m.stance", "statements.txt", "--text", "x"],
         64, "give either input files or --text, not both"),
    Case("predict-no-input", "cli", "`predict` with neither a file nor `--text`",
         [Model("m.stance")], ["predict", "--model", "m.stance"],
         64, "give an input file (or - for standard input) or --text"),
    Case("streaming-no-hash-bits", "cli", "`train --streaming` without `--hash-bits`",
         [File("train.jsonl", TINY_CORPUS)], ["train", "--data", "train.jsonl", "--streaming", "--output", "m.stance"],
         1, "streaming training needs hashed features (e.g. --hash-bits 20)"),
    Case("streaming-lbfgs", "cli", "`train --streaming --hash-bits 12` without `--solver adagrad`",
         [File("train.jsonl", TINY_CORPUS)],
         ["train", "--data", "train.jsonl", "--streaming", "--hash-bits", "12", "--output", "m.stance"],
         1, "streaming logistic regression uses the adagrad solver; add --solver adagrad"),
    Case("streaming-group-field", "cli", "`train --streaming --group-field` (grouping is not streamed)",
         [File("train.jsonl", TINY_CORPUS)],
         ["train", "--data", "train.jsonl", *STREAM, "--group-field", "target", "--output", "m.stance"],
         (1, 64), "--group-field"),
    Case("adagrad-l1", "cli", "`--solver adagrad --penalty l1`",
         [File("train.jsonl", TINY_CORPUS)],
         ["train", "--data", "train.jsonl", "--solver", "adagrad", "--penalty", "l1", "--output", "m.stance"],
         1, "the adagrad solver supports the l2 penalty only; use --solver lbfgs for l1"),
    Case("hash-bits-range", "cli", "`--hash-bits 40`",
         [File("train.jsonl", TINY_CORPUS)], ["train", "--data", "train.jsonl", "--hash-bits", "40", "--output", "m.stance"],
         1, "hash-bits must be between 1 and 30"),
    Case("no-features", "cli", "word and character n-grams both off",
         [File("train.jsonl", TINY_CORPUS)],
         ["train", "--data", "train.jsonl", "--word-ngrams", "0", "--char-ngrams", "0", "--output", "m.stance"],
         1, "no features: both word and character n-grams are switched off"),
    Case("featurize-unlisted-label", "spark", "`featurize` meets a label missing from `--labels`",
         [File("train.jsonl", TINY_CORPUS)], ["featurize", "--labels", "pos,other", "--data", "train.jsonl"],
         1, "train.jsonl:2: the label 'neg' is not among --labels (pos, other); add it to --labels or fix the row"),
    Case("featurize-tfidf", "spark", "`featurize --weighting tfidf` (needs corpus statistics)",
         [File("train.jsonl", TINY_CORPUS)], ["featurize", "--labels", "neg,pos", "--weighting", "tfidf", "--data", "train.jsonl"],
         1, "tfidf weighting needs document frequencies from the whole corpus, so it is not stateless"),
    Case("featurize-nothing", "spark", "`featurize` with neither `--data` nor `--spec`",
         [], ["featurize", "--labels", "neg,pos"],
         64, "give --data to featurise, --spec to write the specification, or both"),
    Case("import-mllib-width", "spark", "MLlib model trained on another number of hashed features",
         [File("features.json", SPEC_JSON), File("mllib.json", mllib_export(num_features=128))],
         ["import-mllib", "mllib.json", "--spec", "features.json", "--output", "m.stance"],
         1, "mllib.json: the MLlib model has 128 features but the specification hashes into 2^6 = 64"),
    Case("import-mllib-bernoulli", "spark", "MLlib Bernoulli naive Bayes (not linear as stance scores)",
         [File("features.json", SPEC_JSON),
          File("mllib.json", mllib_export(model="NaiveBayesModel", extra=b'"modelType": "bernoulli"'))],
         ["import-mllib", "mllib.json", "--spec", "features.json", "--output", "m.stance"],
         1, "MLlib naive Bayes of type 'bernoulli' is not linear in the features"),
    Case("import-mllib-not-export", "spark", "`import-mllib` given a saved-model folder's metadata instead of the export",
         [File("features.json", SPEC_JSON),
          File("metadata.json", b'{"class":"org.apache.spark.ml.classification.LogisticRegressionModel","timestamp":1}\n')],
         ["import-mllib", "metadata.json", "--spec", "features.json", "--output", "m.stance"],
         1, "metadata.json: not an MLlib model export: the field 'format' is missing at the top level; make one with `python3 examples/spark/export_mllib.py"),
    Case("import-mllib-folder", "spark", "`import-mllib` given MLlib's saved model folder itself",
         [File("features.json", SPEC_JSON), Folder("mllib-model")],
         ["import-mllib", "mllib-model", "--spec", "features.json", "--output", "m.stance"],
         1, "mllib-model: a folder (MLlib's saved Parquet model?); export it to JSON first"),
    Case("import-mllib-spec-tfidf", "spark", "a feature specification edited to tfidf",
         [File("features.json", SPEC_JSON.replace(b'"binary"', b'"tfidf"')), File("mllib.json", mllib_export())],
         ["import-mllib", "mllib.json", "--spec", "features.json", "--output", "m.stance"],
         1, "features.json: tfidf weighting needs document frequencies"),
    Case("cv-too-many-folds", "cli", "`cv --folds 10` on 6 examples",
         [File("train.jsonl", TINY_CORPUS)], ["cv", "--data", "train.jsonl", "--folds", "10"],
         1, "10 folds need at least 10 examples; the data has 6"),
]
