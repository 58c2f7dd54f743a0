"""The fuzzing harness: one target per importer, one for the reader, driven by Hypothesis.

Each importer target starts from seeds cut from the real files in
``../shared/data`` (read at run time, never copied into the repository), damages
them with a few mutations chosen by Hypothesis (bytes flipped, inserted,
deleted, repeated or cut; lines dropped or repeated; a CSV cell replaced by
garbage such as a NUL byte, 10^5 characters or a date in 2099; the header
changed; the file re-encoded as UTF-16, Latin-1 or with two byte-order marks)
and runs what ``unsc data load`` runs: the importer's ``looks_like``, then its
parser over the whole file, then the reconciliation of what it read. The reader
target damages real news texts the same way and runs :func:`unsc.extract`.

Every input ends in one of four outcomes:

``typed_error``
    an :class:`unsc.UnscError` (the loader reports it and changes nothing);
``accepted``
    parsed and reconciled (for the reader: at least one vote read);
``skipped``
    not recognised as a file of the importer (the reader: no vote found);
``crash``
    any other exception: a bug.

:func:`fuzz` runs one target for a number of examples and returns the counts;
``tests/fuzz/test_fuzz.py`` runs a quick pass in ``make test`` and
``tests/fuzz/run.py`` the long runs recorded in ``docs/reliability.md``.
"""

from __future__ import annotations

import codecs
import csv
import functools
import io
import pathlib
import random
import tempfile
import traceback
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from unsc._errors import UnscError
from unsc._record.load import FORMATS, Format

OUTCOMES = ("typed_error", "accepted", "skipped", "crash")

SEED_LINES = 40
"""How many physical lines of a large real CSV file make a seed."""

WHOLE_FILE = 32_000
"""A real CSV file up to this size (bytes) is a seed whole (its records may span rows)."""

MAX_TEXT = 12_000
"""The longest reader input tried (characters): the harness looks for crashes, not speed."""

GARBAGE: tuple[str, ...] = (
    "",
    " ",
    "\x00",
    "A\x00B",
    "x" * 100_000,
    "9" * 30,
    "-1",
    "0",
    "2099-01-01",
    "1/1/2099",
    "12/31/2099",
    "13/45/2017",
    "1900-01-01",
    "0000-00-00",
    "\ufeff",
    "\u202e",
    "\x07\x1b[31m",
    "é",
    '"',
    '""',
    ",",
    "\n",
    "\r\n",
    "<td>",
    "</tr>",
    "<table><tr><td>",
    "S/RES/99999 (2099)",
    "S/2017/884",
    "USSR",
    "Russian Federation",
    "Y",
    "N",
    "A",
    "X",
    "True",
    "NaN",
    "1e309",
    "\U0001f1fa\U0001f1f3",
    "13 in favour, 2 against, ",
    "on Tuesday ",
    "resolution 1 ",
)
"""Values the mutations insert or put in a CSV cell."""


@dataclass
class Result:
    """The counts of one run, and the first few crashes (input and traceback)."""

    target: str
    counts: Counter[str] = field(default_factory=Counter)
    crashes: list[tuple[bytes, str]] = field(default_factory=list)

    @property
    def total(self) -> int:
        """How many inputs were run."""
        return sum(self.counts.values())

    def line(self) -> str:
        """One line: the target, the total and the count of each outcome."""
        counts = ", ".join(f"{o} {self.counts[o]:,}" for o in OUTCOMES)
        return f"{self.target:<22} {self.total:>7,} inputs: {counts}"


@dataclass(frozen=True)
class Target:
    """What is fuzzed: seeds (file name, bytes) and how one input is run."""

    name: str
    seeds: tuple[tuple[str, bytes], ...]
    run: Callable[[pathlib.Path, str, bytes], str]
    csv: bool = False


# --- Mutations ------------------------------------------------------------------------


def _garbage(rnd: random.Random) -> bytes:
    if rnd.random() < 0.2:
        return bytes(rnd.randrange(256) for _ in range(rnd.randrange(1, 8)))
    return rnd.choice(GARBAGE).encode("utf-8")


def _span(rnd: random.Random, data: bytes) -> tuple[int, int]:
    start = rnd.randrange(len(data) + 1)
    return start, min(len(data), start + rnd.randrange(1, 64))


def _cell(rnd: random.Random, data: bytes) -> bytes:
    """Put a garbage value in one cell of a CSV file (as the csv module writes it)."""
    try:
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    except (UnicodeDecodeError, csv.Error):
        return data
    if not rows:
        return data
    row = rnd.choice(rows)
    if not row:
        return data
    row[rnd.randrange(len(row))] = rnd.choice(GARBAGE)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode("utf-8")


def _header(rnd: random.Random, data: bytes) -> bytes:
    """Damage the first line: a column renamed, columns swapped, or the line dropped."""
    first, sep, rest = data.partition(b"\n")
    names = first.split(b",")
    choice = rnd.randrange(3)
    if choice == 0 and names:
        names[rnd.randrange(len(names))] = _garbage(rnd)
    elif choice == 1 and len(names) > 1:
        i, j = rnd.randrange(len(names)), rnd.randrange(len(names))
        names[i], names[j] = names[j], names[i]
    else:
        return rest
    return b",".join(names) + sep + rest


def _lines(rnd: random.Random, data: bytes) -> bytes:
    """Drop, repeat or swap lines."""
    lines = data.split(b"\n")
    i = rnd.randrange(len(lines))
    choice = rnd.randrange(3)
    if choice == 0 and len(lines) > 1:
        del lines[i]
    elif choice == 1:
        lines[i:i] = [lines[i]] * rnd.randrange(1, 5)
    else:
        j = rnd.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    return b"\n".join(lines)


def _encoding(rnd: random.Random, data: bytes) -> bytes:
    """Re-encode the text: UTF-16 with or without a BOM, Latin-1, two BOMs, CRLF."""
    text = data.decode("utf-8", errors="replace")
    choice = rnd.randrange(6)
    if choice == 0:
        return text.encode("utf-16")
    if choice == 1:
        return text.encode("utf-16-le")
    if choice == 2:
        return text.encode("latin-1", errors="replace")
    if choice == 3:
        return codecs.BOM_UTF8 * rnd.randrange(1, 4) + data
    if choice == 4:
        return data.replace(b"\n", b"\r\n")
    return data.replace(b"\n", b"\r")


def mutate(rnd: random.Random, data: bytes, *, is_csv: bool) -> bytes:
    """Damage ``data`` with one to three mutations chosen by ``rnd``."""
    for _ in range(rnd.randrange(1, 4)):
        choice = rnd.randrange(11 if is_csv else 9)
        if choice == 0 and data:
            i = rnd.randrange(len(data))
            data = data[:i] + bytes([data[i] ^ (1 << rnd.randrange(8))]) + data[i + 1 :]
        elif choice == 1:
            i = rnd.randrange(len(data) + 1)
            data = data[:i] + _garbage(rnd) + data[i:]
        elif choice == 2:
            start, end = _span(rnd, data)
            data = data[:start] + data[end:]
        elif choice == 3:
            start, end = _span(rnd, data)
            data = data[:end] + data[start:end] * rnd.randrange(1, 50) + data[end:]
        elif choice == 4:
            data = data[: rnd.randrange(len(data) + 1)]
        elif choice == 5:
            data = _lines(rnd, data)
        elif choice == 6:
            data = _encoding(rnd, data)
        elif choice == 7:
            data = b"" if rnd.random() < 0.5 else data[: data.find(b"\n") + 1]
        elif choice == 8:
            pass  # a seed left whole now and then
        elif choice == 9:
            data = _cell(rnd, data)
        else:
            data = _header(rnd, data)
    return data


# --- Targets ---------------------------------------------------------------------------


def _outcome(call: Callable[[], str]) -> tuple[str, str | None]:
    try:
        return call(), None
    except UnscError:
        return "typed_error", None
    except Exception:
        return "crash", traceback.format_exc()


def _importer_run(fmt: Format) -> Callable[[pathlib.Path, str, bytes], str]:
    from unsc._record.reconcile import reconcile

    def run(folder: pathlib.Path, name: str, data: bytes) -> str:
        path = folder / name
        path.write_bytes(data)
        if not fmt.looks_like(path):
            return "skipped"
        reconcile(list(fmt.parse(path, name=name)))
        return "accepted"

    return run


def _reader_run(folder: pathlib.Path, name: str, data: bytes) -> str:
    from unsc._extract import extract

    text = data.decode("utf-8", errors="replace")[:MAX_TEXT]
    return "accepted" if extract(text) else "skipped"


def _seed_csv(path: pathlib.Path) -> bytes:
    if path.stat().st_size <= WHOLE_FILE:
        return path.read_bytes()
    with path.open("rb") as stream:
        return b"".join(line for _, line in zip(range(SEED_LINES), stream, strict=False))


def _files(data: pathlib.Path, fmt: Format) -> list[pathlib.Path]:
    found = [p for p in sorted(data.rglob("*")) if p.is_file() and fmt.looks_like(p)]
    return sorted(found, key=lambda p: p.stat().st_size)[:2]


@functools.cache
def targets(shared: pathlib.Path) -> tuple[Target, ...]:
    """Every target: one per importer in :data:`unsc._record.load.FORMATS`, and the reader."""
    data = shared / "data"
    out: list[Target] = []
    for fmt in FORMATS:
        is_csv = fmt.header is not None
        seeds = tuple(
            (p.name, _seed_csv(p) if is_csv else p.read_bytes()) for p in _files(data, fmt)
        )
        if not seeds:
            raise RuntimeError(f"no real file of {fmt.source.value} in {data}")
        out.append(Target(fmt.source.value, seeds, _importer_run(fmt), csv=is_csv))
    texts = sorted((shared / "texts" / "real").glob("*.txt")) + sorted(
        (shared / "seeds").glob("*.txt")
    )
    out.append(Target("reader", tuple((p.name, p.read_bytes()) for p in texts), _reader_run))
    return tuple(out)


def fuzz(target: Target, examples: int, *, keep_going: bool, rounds: int = 1) -> Result:
    """Run ``target`` on ``examples`` generated inputs (times ``rounds``); the counts.

    With ``keep_going`` a crash is counted and kept (the first five) and the run
    goes on; without it the crash fails the run at once and Hypothesis
    shrinks it to a small reproducer.
    """
    result = Result(target.name)
    with tempfile.TemporaryDirectory(prefix=f"unsc-fuzz-{target.name}-") as tmp:
        folder = pathlib.Path(tmp)

        @settings(
            max_examples=examples,
            deadline=None,
            database=None,
            derandomize=False,
            suppress_health_check=list(HealthCheck),
            phases=[Phase.generate] if keep_going else [Phase.generate, Phase.shrink],
        )
        @given(
            seed=st.sampled_from(target.seeds),
            rnd=st.randoms(use_true_random=keep_going),
        )
        def one(seed: tuple[str, bytes], rnd: random.Random) -> None:
            name, original = seed
            data = mutate(rnd, original, is_csv=target.csv)
            outcome, trace = _outcome(lambda: target.run(folder, name, data))
            result.counts[outcome] += 1
            if trace is not None:
                if len(result.crashes) < 5:
                    result.crashes.append((data[:2000], trace))
                if not keep_going:
                    raise AssertionError(f"{target.name} crashed on {data[:300]!r}:\n{trace}")

        for _ in range(rounds):
            one()
    return result


def report(results: Sequence[Result]) -> str:
    """The counts of several runs, one line each, and a total."""
    total = Result("all targets")
    for r in results:
        total.counts.update(r.counts)
    return "\n".join([*(r.line() for r in results), total.line()])
