"""Score ``unsc.extract`` strictly: on the development set, its held-out part, or real texts.

Development set (tests/extract_devset/): each text ``NNN_slug.txt`` has a gold
file ``NNN_slug.gold.json``: ``{"dateline": "YYYY-MM-DD" | null, "records":
[...]}`` in the record shape of ``unsc extract --json``. The set is split once,
by a fixed hash of the file names (see :func:`part`), into a **tuning** part and
a **held-out** part that is never read while tuning the reader.

Real texts (``--real DIR``, e.g. ``../shared/texts/real``): ``NN.txt`` texts
(a first line ``# source: ...`` is an annotation and is dropped) with one
``gold.jsonl`` of decisions (``symbol``, ``date``, counts, ``outcome`` and
``outcome_accept``, ``vetoed_by``, ``procedural``, ``no_votes``,
``abstentions``; null when the text does not say; ``optional`` decisions are
neither required nor counted as invented).

Scoring is strict: predicted and gold records of one file are paired one to
one, most similar first (a conflicting symbol or resolution number never
pairs); a pair is **correct** only when its date, its outcome and every count
the gold states are right. Record-level precision/recall/F1 count correct
pairs. Per field: TP = both state the value and agree; FP = the reader states
a value that is absent or different in the gold; FN = the gold states a value
the reader misses or gets wrong. ``wrong without warning`` counts the
predicted records that are not correct (or pair with nothing) and carry no
warning.

    python scripts/eval_extract.py                     # dev set, all / tuning / held-out
    python scripts/eval_extract.py --part tuning --show-errors
    python scripts/eval_extract.py --real ../shared/texts/real
    python scripts/eval_extract.py --json
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from unsc._extract import extract

REPO = Path(__file__).resolve().parent.parent
DEVSET = REPO / "tests" / "extract_devset"
PARTS = ("all", "tuning", "heldout")
#: One file in HELDOUT_MODULUS (by the SHA-256 of its name) is held out.
HELDOUT_MODULUS = 4

#: Fields scored with precision/recall/F1.
FIELDS = (
    "date",
    "kind",
    "draft",
    "resolution",
    "procedural",
    "yes",
    "no",
    "abstain",
    "not_voting",
    "members_yes",
    "members_no",
    "members_abstain",
    "members_not_voting",
    "members_inferred",
    "sponsor",
    "outcome",
    "vetoed_by",
    "warnings",
)
SET_FIELDS = frozenset(
    {
        "members_yes",
        "members_no",
        "members_abstain",
        "members_not_voting",
        "members_inferred",
        "vetoed_by",
        "warnings",
    }
)
#: The fields the real texts' gold gives (the others are not scored there).
REAL_FIELDS = (
    "date",
    "draft",
    "resolution",
    "procedural",
    "yes",
    "no",
    "abstain",
    "members_no",
    "members_abstain",
    "outcome",
    "vetoed_by",
)
COUNTS = ("yes", "no", "abstain")
#: (file name, text, dateline, gold records)
Case = tuple[str, str, str | None, list[dict[str, Any]]]
MATCH_THRESHOLD = 1


def part(name: str) -> str:
    """``"heldout"`` or ``"tuning"``: fixed by the SHA-256 of the text's file stem."""
    stem = name[: -len(".txt")] if name.endswith(".txt") else name
    digest = int(hashlib.sha256(stem.encode("utf-8")).hexdigest(), 16)
    return "heldout" if digest % HELDOUT_MODULUS == 0 else "tuning"


def pairs(devset: Path = DEVSET, which: str = "all") -> list[tuple[Path, Path]]:
    """(text, gold) paths of every text of part ``which`` that has a gold file, in name order."""
    out = []
    for text in sorted(devset.glob("*.txt")):
        gold = text.with_name(text.name[: -len(".txt")] + ".gold.json")
        if gold.exists() and (which == "all" or part(text.name) == which):
            out.append((text, gold))
    return out


def _accepts(gold: dict[str, Any], field: str) -> list[Any]:
    """The values the gold accepts for ``field`` (empty: the gold does not state it)."""
    if field == "outcome" and gold.get("outcome_accept"):
        return list(gold["outcome_accept"])
    value = gold.get(field)
    if value is None:
        return []
    if field in SET_FIELDS:
        return [frozenset(value)]
    return [value]


def _value(pred: dict[str, Any], field: str) -> Any:
    value = pred.get(field)
    if field in SET_FIELDS and value is not None:
        return frozenset(value)
    return value


def _asserts(pred: dict[str, Any], field: str, gold: dict[str, Any] | None) -> bool:
    """Whether the reader states a value: an empty list only when the gold's is empty too."""
    value = pred.get(field)
    if value is None:
        return False
    if field in SET_FIELDS and not value:
        return gold is not None and gold.get(field) == []
    return True


def same(field: str, a: Any, b: Any) -> bool:
    """Field equality, with member lists and warnings compared as sets."""
    if field in SET_FIELDS:
        return set(a or []) == set(b or [])
    return bool(a == b)


def agrees(pred: dict[str, Any], gold: dict[str, Any], field: str) -> bool:
    """Both state ``field`` and the reader's value is one the gold accepts."""
    acc = _accepts(gold, field)
    return bool(acc) and _asserts(pred, field, gold) and _value(pred, field) in acc


def correct(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    """Strict: the date, the outcome and every count the gold states are right."""
    for field in ("date", "outcome", *COUNTS):
        if _accepts(gold, field) and not agrees(pred, gold, field):
            return False
        if not _accepts(gold, field) and field in ("date", "outcome") and pred.get(field):
            return False
    return True


def similarity(pred: dict[str, Any], gold: dict[str, Any]) -> int | None:
    """How strongly two records look like the same vote; None when they cannot be."""
    score = 0
    for key in ("draft", "resolution"):
        a, b = pred.get(key), gold.get(key)
        if a is not None and b is not None:
            if a != b:
                return None
            score += 10
    for field in ("date", "outcome", "kind", *COUNTS, "vetoed_by", "members_no"):
        if agrees(pred, gold, field):
            score += 2 if field == "date" else 1
    return score


def match(predicted: list[dict[str, Any]], gold: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """One-to-one (predicted index, gold index) pairs, most similar first, then in order."""
    candidates = []
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            s = similarity(p, g)
            if s is not None and s >= MATCH_THRESHOLD:
                candidates.append((s, abs(i - j), i, j))
    candidates.sort(key=lambda t: (-t[0], t[1], t[2], t[3]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, _, i, j in candidates:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((i, j))
    return sorted(out)


def _real_gold(record: dict[str, Any]) -> dict[str, Any]:
    """A gold line of ``gold.jsonl`` in the reader's record shape."""
    symbol = record.get("symbol") or None
    out = dict(record)
    out["draft"] = None
    out["resolution"] = None
    if symbol and symbol.startswith("S/RES/"):
        out["resolution"] = int(symbol[len("S/RES/") :].split()[0])
    elif symbol:
        out["draft"] = symbol
    out["members_no"] = record.get("no_votes")
    out["members_abstain"] = record.get("abstentions")
    return out


def _real_cases(folder: Path) -> list[Case]:
    gold: dict[str, list[dict[str, Any]]] = {}
    for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            gold.setdefault(record["file"], []).append(_real_gold(record))
    cases: list[Case] = []
    for path in sorted(folder.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        if lines and lines[0].startswith("# source:"):
            lines = lines[1:]
        cases.append((path.name, "".join(lines), None, gold.get(path.name, [])))
    return cases


def _dev_cases(devset: Path, which: str) -> list[tuple[str, str, str | None, list[dict[str, Any]]]]:
    cases = []
    for text_path, gold_path in pairs(devset, which):
        doc = json.loads(gold_path.read_text(encoding="utf-8"))
        text = text_path.read_text(encoding="utf-8")
        cases.append((text_path.name, text, doc.get("dateline"), list(doc.get("records", []))))
    return cases


def score(
    cases: Iterable[tuple[str, str, str | None, list[dict[str, Any]]]],
    fields: tuple[str, ...] = FIELDS,
) -> dict[str, Any]:
    """Read every case (name, text, dateline, gold records) and score strictly."""
    tp = dict.fromkeys(fields, 0)
    fp = dict.fromkeys(fields, 0)
    fn = dict.fromkeys(fields, 0)
    n_pred = n_gold = n_paired = n_correct = nowarn_wrong = n_warned = 0
    files: list[dict[str, Any]] = []
    for name, text, dateline, gold_all in cases:
        predicted = [r.to_dict() for r in extract(text, dateline=dateline)]
        paired = match(predicted, gold_all)
        by_pred = dict(paired)
        by_gold = {j: i for i, j in paired}
        errors: list[str] = []
        for j, g in enumerate(gold_all):
            if g.get("optional"):
                continue
            n_gold += 1
            if j not in by_gold:
                errors.append(f"MISSED   {_brief(g)}")
                for f in fields:
                    if _accepts(g, f):
                        fn[f] += 1
        for i, p in enumerate(predicted):
            jj = by_pred.get(i)
            gp = gold_all[jj] if jj is not None else None
            if gp is not None and gp.get("optional"):
                continue
            n_pred += 1
            n_warned += bool(p.get("warnings"))
            ok = False
            if gp is None:
                errors.append(f"SPURIOUS {_brief(p)}")
                for f in fields:
                    if _asserts(p, f, None):
                        fp[f] += 1
            else:
                n_paired += 1
                ok = correct(p, gp)
                n_correct += ok
                for f in fields:
                    acc = _accepts(gp, f)
                    if agrees(p, gp, f):
                        tp[f] += 1
                        continue
                    stated = _asserts(p, f, gp)
                    fp[f] += stated
                    fn[f] += bool(acc)
                    if stated or acc:
                        errors.append(
                            f"WRONG    gold#{jj} {f}: predicted {p.get(f)!r}, "
                            f"gold {acc[0] if len(acc) == 1 else acc or None!r}"
                        )
            if not ok and not p.get("warnings"):
                nowarn_wrong += 1
                errors.append(f"NO WARNING {_brief(p)}")
        files.append({"file": name, "predicted": len(predicted), "errors": errors})
    precision = n_correct / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    recall = n_correct / n_gold if n_gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    per_field: dict[str, dict[str, Any]] = {}
    for f in fields:
        fp_ = tp[f] / (tp[f] + fp[f]) if tp[f] + fp[f] else 1.0
        fr_ = tp[f] / (tp[f] + fn[f]) if tp[f] + fn[f] else 1.0
        per_field[f] = {
            "precision": fp_,
            "recall": fr_,
            "f1": 2 * fp_ * fr_ / (fp_ + fr_) if fp_ + fr_ else 0.0,
            "tp": tp[f],
            "fp": fp[f],
            "fn": fn[f],
        }
    return {
        "texts": len(files),
        "predicted": n_pred,
        "gold": n_gold,
        "matched": n_paired,
        "correct": n_correct,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "fields": per_field,
        "min_field_f1": min(float(v["f1"]) for v in per_field.values()),
        "with_warning": n_warned,
        "wrong_without_warning": nowarn_wrong,
        "files": files,
    }


def evaluate(devset: Path = DEVSET, which: str = "all") -> dict[str, Any]:
    """Score the development set, or its ``tuning`` or ``heldout`` part."""
    return score(_dev_cases(devset, which))


def evaluate_real(folder: Path) -> dict[str, Any]:
    """Score a folder of real texts with a ``gold.jsonl``."""
    return score(_real_cases(folder), REAL_FIELDS)


def render(title: str, report: dict[str, Any], show_errors: bool = False) -> str:
    """A plain-text table of the figures."""
    lines = [
        f"== {title}: texts {report['texts']}, gold records {report['gold']}, "
        f"predicted {report['predicted']}, paired {report['matched']}, "
        f"correct {report['correct']}",
        f"strict precision {report['precision']:.3f}  recall {report['recall']:.3f}  "
        f"F1 {report['f1']:.3f}",
        f"records with a warning {report['with_warning']}; wrong records without a warning "
        f"{report['wrong_without_warning']}",
        f"  {'field':<20} {'P':>6} {'R':>6} {'F1':>6}   TP  FP  FN",
    ]
    for field, v in report["fields"].items():
        lines.append(
            f"  {field:<20} {v['precision']:6.3f} {v['recall']:6.3f} {v['f1']:6.3f}  "
            f"{v['tp']:3} {v['fp']:3} {v['fn']:3}"
        )
    if show_errors:
        for f in report["files"]:
            if f["errors"]:
                lines.append(f"-- {f['file']}")
                lines += [f"  {e}" for e in f["errors"]]
    return "\n".join(lines)


def _brief(r: dict[str, Any]) -> str:
    return (
        f"{r.get('date')} {r.get('kind', '')} {r.get('yes')}-{r.get('no')}-{r.get('abstain')} "
        f"{r.get('outcome')} {str(r.get('question') or r.get('note') or '')[:60]!r}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--devset", type=Path, default=DEVSET, help="folder of texts and gold")
    parser.add_argument(
        "--part",
        choices=PARTS,
        help="only this part of the dev set (default: all three figures)",
    )
    parser.add_argument("--real", type=Path, help="a folder of real texts with gold.jsonl")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--show-errors", action="store_true", help="list misses and wrong fields")
    args = parser.parse_args(argv)
    reports: dict[str, dict[str, Any]] = {}
    if args.real:
        reports[f"real texts in {args.real}"] = evaluate_real(args.real)
    else:
        for which in [args.part] if args.part else list(PARTS):
            reports[f"dev set ({which})"] = evaluate(args.devset, which)
    if args.show_errors and not args.real and (args.part or "all") != "tuning":
        print("(errors are listed for --part tuning only: the held-out part is not read)")
    if args.json:
        print(
            json.dumps(
                {
                    k: {kk: vv for kk, vv in v.items() if kk != "files" or args.show_errors}
                    for k, v in reports.items()
                },
                indent=2,
                ensure_ascii=False,
            )
        )
    else:
        show = args.show_errors and (bool(args.real) or args.part == "tuning")
        print("\n\n".join(render(k, v, show) for k, v in reports.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
