"""Check that ``unsc.extract`` gives the same records as a saved baseline, text by text.

A speed change must not change what the reader reads. This script runs the reader
over a fixed corpus and writes the JSON of every text's records (``to_dict()``, as
``unsc extract --json`` prints them) to one file, or compares them with such a file:

    python scripts/extract_diff.py --save extract-base.json   # before a change (outside the repo)
    python scripts/extract_diff.py --check extract-base.json  # after it

The corpus, rebuilt the same way on every run (a fixed seed):

* the texts of tests/extract_devset/;
* the real texts of ../shared/texts/real (when there; their ``# source:`` line
  dropped, read in place and never copied);
* the dev-set texts joined into press-release-length texts (2-8 kB), as the bench
  joins them;
* generated press-like texts: paragraphs of those texts recombined at random, and
  perturbed (curly quotes, long dashes, wrapped lines, upper case, a few non-ASCII
  letters, numbers and words dropped or swapped), so that the shortcuts of the
  reader meet texts they were not written on.

``--texts FILE ...`` reads those files instead (each whole). Exit status 1 when a
text's records differ (the first differences are printed).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEVSET = REPO / "tests" / "extract_devset"
REAL = REPO.parent / "shared" / "texts" / "real"
SEED = 20261208
MIN_LENGTH, MAX_LENGTH = 2_000, 8_000

_SWAPS = (
    ("in favour", "in favor"),
    ("against", "opposed"),
    ("abstained", "abstaining"),
    ("vetoed", "blocked"),
    ("adopted", "approved"),
    ("unanimously", "without a vote"),
    ("Tuesday", "Friday"),
    ("resolution", "draft resolution"),
    ("13", "thirteen"),
    ("two", "2"),
    ("15", "fifteen"),
    ("one", "1"),
)
_ODD = ("\u00e9", "\u017f", "\u0131", "\u00a0", "\u2009", "\u201c", "\u2019", "\u2014", "\u2013")


def _read_real(folder: Path) -> list[tuple[str, str]]:
    out = []
    for path in sorted(folder.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        if lines and lines[0].startswith("# source:"):
            lines = lines[1:]
        out.append((f"real/{path.name}", "".join(lines)))
    return out


def press_length(texts: list[str]) -> list[str]:
    """The texts joined, in order, into texts of 2-8 kB (as bench/extract_bench.py)."""
    out: list[str] = []
    current = ""
    for text in texts:
        if current and len(current) + len(text) + 2 > MAX_LENGTH:
            if len(current) >= MIN_LENGTH:
                out.append(current)
            current = ""
        current = f"{current}\n\n{text}" if current else text
        if len(current) >= MIN_LENGTH:
            out.append(current)
            current = ""
    return [t for t in out if MIN_LENGTH <= len(t) <= MAX_LENGTH]


def _wrap(text: str, width: int) -> str:
    out = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            if line and len(line) + 1 + len(word) > width:
                out.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        out.append(line)
    return "\n".join(out)


def _perturb(rnd: random.Random, text: str) -> str:
    kind = rnd.randrange(8)
    if kind == 0:
        return text.replace('"', "\u201c", 1).replace("'", "\u2019").replace(" - ", " -- ")
    if kind == 1:
        return _wrap(text, rnd.choice((60, 72, 80)))
    if kind == 2:
        lines = text.split("\n")
        i = rnd.randrange(len(lines))
        lines[i] = lines[i].upper()
        return "\n".join(lines)
    if kind == 3:
        chars = list(text)
        for _ in range(rnd.randint(1, 4)):
            chars.insert(rnd.randrange(len(chars) + 1), rnd.choice(_ODD))
        return "".join(chars)
    if kind == 4:
        for old, new in rnd.sample(_SWAPS, 3):
            text = text.replace(old, new)
        return text
    if kind == 5:
        words = text.split(" ")
        for _ in range(rnd.randint(1, 6)):
            if len(words) > 2:
                del words[rnd.randrange(len(words))]
        return " ".join(words)
    if kind == 6:
        return text.replace("\n\n", "\n").replace(". ", ".\n", rnd.randint(0, 3))
    return text.replace(" and ", "; ").replace(", ", " -- ", 2)


def corpus(generated: int = 1700) -> list[tuple[str, str]]:
    """(name, text) for every text of the corpus, in a fixed order."""
    dev = [
        (f"devset/{p.name}", p.read_text(encoding="utf-8")) for p in sorted(DEVSET.glob("*.txt"))
    ]
    real = _read_real(REAL) if REAL.is_dir() else []
    out = dev + real
    out += [(f"press/{i:03d}", t) for i, t in enumerate(press_length([t for _, t in dev]))]
    out += [(f"gen/{i:04d}", t) for i, t in enumerate(generated_texts(dev + real, generated))]
    return out


def generated_texts(seeds: list[tuple[str, str]], count: int) -> list[str]:
    """``count`` press-like texts made from the paragraphs of ``seeds`` (a fixed seed)."""
    rnd = random.Random(SEED)
    paragraphs = [p for _, text in seeds for p in text.split("\n\n") if p.strip()]
    texts = [text for _, text in seeds]
    out = []
    for i in range(count):
        if i % 2:
            # a press-release-length text: whole texts one after another
            parts: list[str] = []
            while sum(map(len, parts)) < rnd.randint(1_500, 6_000):
                parts.append(rnd.choice(texts))
            text = "\n\n".join(parts)
        else:
            text = "\n\n".join(rnd.choice(paragraphs) for _ in range(rnd.randint(2, 12)))
        if rnd.random() < 0.7:
            text = _perturb(rnd, text)
        out.append(text)
    return out


def press_like(count: int = 140) -> list[str]:
    """The first ``count`` texts of 2-8 kB of the corpus, for timing.

    With the default 140: the 28 press-length joins of the dev set, then 112 generated
    texts (3.4 kB on average).
    """
    texts = [t for _, t in corpus()]
    return [t for t in texts if MIN_LENGTH <= len(t) <= MAX_LENGTH][:count]


def run(texts: list[tuple[str, str]]) -> dict[str, object]:
    from unsc._extract import extract

    return {name: [v.to_dict() for v in extract(text)] for name, text in texts}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, help="write the records to this file")
    group.add_argument("--check", type=Path, help="compare the records with this file")
    parser.add_argument("--generated", type=int, default=1700, help="generated texts")
    parser.add_argument("--texts", type=Path, nargs="*", help="read these files instead")
    args = parser.parse_args(argv)
    if args.texts:
        texts = [(str(p), p.read_text(encoding="utf-8")) for p in args.texts]
    else:
        texts = corpus(args.generated)
    got = json.loads(json.dumps(run(texts), ensure_ascii=False))
    if args.save:
        args.save.write_text(json.dumps(got, indent=1, ensure_ascii=False), encoding="utf-8")
        records = sum(len(v) for v in got.values())
        print(f"saved the records of {len(got)} texts ({records} records) to {args.save}")
        return 0
    want = json.loads(args.check.read_text(encoding="utf-8"))
    differ = [name for name in sorted(set(want) | set(got)) if want.get(name) != got.get(name)]
    for name in differ[:10]:
        print(f"differs: {name}", file=sys.stderr)
        print(f"  before: {json.dumps(want.get(name))[:600]}", file=sys.stderr)
        print(f"  now:    {json.dumps(got.get(name))[:600]}", file=sys.stderr)
    same = len(got) - len([n for n in differ if n in got])
    print(f"{same} of {len(got)} texts identical, {len(differ)} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
