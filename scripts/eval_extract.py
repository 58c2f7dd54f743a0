"""Score ``unsc.extract`` against the development set in tests/extract_devset/.

Each text ``NNN_slug.txt`` has a gold file ``NNN_slug.gold.json``:
``{"dateline": "YYYY-MM-DD" | null, "records": [...]}`` in the record shape of
``unsc extract --json``. Predicted records are matched one-to-one to gold
records of the same file by how well they agree on date, kind, draft symbol,
resolution number and counts (a conflicting symbol or number never matches);
then record-level precision, recall and F1 are reported, and per-field
accuracy over the matched pairs (member lists and warnings compared as sets).

    python scripts/eval_extract.py                 # a table
    python scripts/eval_extract.py --json          # the same figures as JSON
    python scripts/eval_extract.py --show-errors   # every miss and every wrong field
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from unsc._extract import extract

REPO = Path(__file__).resolve().parent.parent
DEVSET = REPO / "tests" / "extract_devset"

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
MATCH_THRESHOLD = 3


def pairs(devset: Path = DEVSET) -> list[tuple[Path, Path]]:
    """(text, gold) paths of every text that has a gold file, in name order."""
    out = []
    for text in sorted(devset.glob("*.txt")):
        gold = text.with_name(text.name[: -len(".txt")] + ".gold.json")
        if gold.exists():
            out.append((text, gold))
    return out


def same(field: str, a: Any, b: Any) -> bool:
    """Field equality, with member lists and warnings compared as sets."""
    if field in SET_FIELDS:
        return set(a or []) == set(b or [])
    return bool(a == b)


def similarity(pred: dict[str, Any], gold: dict[str, Any]) -> int:
    """How strongly a predicted record and a gold record look like the same vote."""
    score = 0
    if pred.get("date") == gold.get("date"):
        score += 2
    if pred.get("kind") == gold.get("kind"):
        score += 1
    for key in ("draft", "resolution"):
        a, b = pred.get(key), gold.get(key)
        if a is not None and b is not None:
            score += 2 if a == b else -10
    for key in ("yes", "no", "abstain"):
        a, b = pred.get(key), gold.get(key)
        if a is not None and a == b:
            score += 1
    return score


def match(predicted: list[dict[str, Any]], gold: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """One-to-one (predicted index, gold index) pairs, most similar first."""
    candidates = sorted(
        ((similarity(p, g), i, j) for i, p in enumerate(predicted) for j, g in enumerate(gold)),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for score, i, j in candidates:
        if score < MATCH_THRESHOLD or i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((i, j))
    return sorted(out)


def evaluate(devset: Path = DEVSET) -> dict[str, Any]:
    """Run the extractor over the dev set and score it."""
    n_pred = n_gold = n_match = 0
    right = dict.fromkeys(FIELDS, 0)
    files: list[dict[str, Any]] = []
    for text_path, gold_path in pairs(devset):
        gold_doc = json.loads(gold_path.read_text(encoding="utf-8"))
        gold = list(gold_doc.get("records", []))
        text = text_path.read_text(encoding="utf-8")
        predicted = [r.to_dict() for r in extract(text, dateline=gold_doc.get("dateline"))]
        matched = match(predicted, gold)
        n_pred += len(predicted)
        n_gold += len(gold)
        n_match += len(matched)
        wrong: list[dict[str, Any]] = []
        for i, j in matched:
            for field in FIELDS:
                if same(field, predicted[i].get(field), gold[j].get(field)):
                    right[field] += 1
                else:
                    wrong.append(
                        {
                            "gold_record": j,
                            "field": field,
                            "predicted": predicted[i].get(field),
                            "gold": gold[j].get(field),
                        }
                    )
        files.append(
            {
                "file": text_path.name,
                "predicted": len(predicted),
                "gold": len(gold),
                "matched": len(matched),
                "unmatched_predicted": [
                    predicted[i] for i in range(len(predicted)) if i not in {a for a, _ in matched}
                ],
                "unmatched_gold": [
                    gold[j] for j in range(len(gold)) if j not in {b for _, b in matched}
                ],
                "wrong_fields": wrong,
            }
        )
    precision = n_match / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    recall = n_match / n_gold if n_gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    fields = {f: (right[f] / n_match if n_match else 0.0) for f in FIELDS}
    return {
        "texts": len(files),
        "predicted": n_pred,
        "gold": n_gold,
        "matched": n_match,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "fields": fields,
        "mean_field_accuracy": sum(fields.values()) / len(fields),
        "files": files,
    }


def render(report: dict[str, Any], show_errors: bool = False) -> str:
    """A plain-text table of the figures."""
    lines = [
        f"texts {report['texts']}, gold records {report['gold']}, "
        f"predicted {report['predicted']}, matched {report['matched']}",
        f"precision {report['precision']:.3f}  recall {report['recall']:.3f}  "
        f"F1 {report['f1']:.3f}",
        f"mean field accuracy {report['mean_field_accuracy']:.3f}",
        "",
    ]
    lines += [f"  {field:<20} {value:.3f}" for field, value in report["fields"].items()]
    if show_errors:
        for f in report["files"]:
            if not (f["unmatched_predicted"] or f["unmatched_gold"] or f["wrong_fields"]):
                continue
            lines.append("")
            lines.append(f"== {f['file']}")
            for r in f["unmatched_gold"]:
                lines.append(f"  MISSED   {_brief(r)}")
            for r in f["unmatched_predicted"]:
                lines.append(f"  SPURIOUS {_brief(r)}")
            for w in f["wrong_fields"]:
                lines.append(
                    f"  WRONG    gold#{w['gold_record']} {w['field']}: "
                    f"predicted {w['predicted']!r}, gold {w['gold']!r}"
                )
    return "\n".join(lines)


def _brief(r: dict[str, Any]) -> str:
    return (
        f"{r.get('date')} {r.get('kind')} {r.get('yes')}-{r.get('no')}-{r.get('abstain')} "
        f"{r.get('outcome')} {r.get('question', '')[:60]!r}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--devset", type=Path, default=DEVSET, help="folder of texts and gold")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--show-errors", action="store_true", help="list misses and wrong fields")
    args = parser.parse_args(argv)
    report = evaluate(args.devset)
    if args.json:
        summary = {k: v for k, v in report.items() if k != "files" or args.show_errors}
        print(json.dumps(summary, indent=2, ensure_ascii=False))
    else:
        print(render(report, args.show_errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
