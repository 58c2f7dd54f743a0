"""Counterfactual replay: rerun recorded decisions under a variant of the voting rule.

:func:`replay` takes decision inputs (per-member votes, or a tally with the
permanent members voting no) and a :class:`RuleVariant`, decides each one as
the Charter is practised (:func:`unsc.adjudicate` / :func:`unsc.adjudicate_tally`)
and under the variant, and reports the decisions whose outcome changes.
"""

from __future__ import annotations

import csv
import datetime as dt
import enum
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from unsc._engine import Ballot, Decision, Kind, Outcome, Position, adjudicate, adjudicate_tally
from unsc._errors import InputError, UnscError
from unsc._reference.council import council, required_votes
from unsc._reference.states import resolve_member


class RuleVariant(enum.StrEnum):
    """The closed catalogue of voting-rule variants for :func:`replay`."""

    CHARTER = "charter"
    DOUBLE_VETO = "double-veto"
    TEN_VOTES = "ten-votes"
    ABSTENTION_VETO = "abstention-veto"
    NO_VETO = "no-veto"

    @property
    def description(self) -> str:
        """What the variant changes, in one sentence."""
        return _DESCRIPTIONS[self]


_DESCRIPTIONS = {
    RuleVariant.CHARTER: "The Charter as practised (Art. 27): no change.",
    RuleVariant.DOUBLE_VETO: "A veto needs the negative votes of two permanent members.",
    RuleVariant.TEN_VOTES: "One more affirmative vote is required (ten instead of nine; "
    "eight instead of seven before 1966).",
    RuleVariant.ABSTENTION_VETO: "The abstention of a permanent member counts as a veto "
    "on non-procedural questions.",
    RuleVariant.NO_VETO: "No veto at all: the required majority decides.",
}


class SkipReason(enum.StrEnum):
    """Why a decision was not replayed: the closed catalogue of ``ReplayReport.skipped`` keys."""

    WITHOUT_VOTE = "adopted_without_vote"
    NO_VOTES_OR_TALLY = "no_votes_or_tally"
    NOT_ADJUDICABLE = "not_adjudicable"
    INCONSISTENT_WITH_RECORD = "inconsistent_with_record"
    UNDETERMINED = "undetermined"
    MEMBERS_DO_NOT_MATCH_COUNCIL = "members_do_not_match_council"
    DUPLICATE_MEMBER_ROWS = "duplicate_member_rows"

    @property
    def message(self) -> str:
        """What the reason means, in one sentence."""
        return _SKIP_MESSAGES[self]


_SKIP_MESSAGES = {
    SkipReason.WITHOUT_VOTE: "Adopted without a vote (by consensus, acclamation or without "
    "a vote): there are no votes to replay.",
    SkipReason.NO_VOTES_OR_TALLY: "The record has neither per-member votes nor a tally.",
    SkipReason.NOT_ADJUDICABLE: "The recorded counts cannot belong to the Council on that "
    "date, so the engine cannot decide the vote.",
    SkipReason.INCONSISTENT_WITH_RECORD: "The Charter rule applied to the recorded votes does "
    "not give the recorded outcome (an error in a source).",
    SkipReason.UNDETERMINED: "Only a tally is known and the variant depends on votes it does "
    "not show (which permanent members abstained).",
    SkipReason.MEMBERS_DO_NOT_MATCH_COUNCIL: "The members voting in the file are not the "
    "Council on the stated date, nor with day and month swapped.",
    SkipReason.DUPLICATE_MEMBER_ROWS: "A member has more than one row for the same draft.",
}


def parse_variant(value: str) -> RuleVariant:
    """Read a variant name (``double-veto``, ``double_veto``...)."""
    try:
        return RuleVariant(value.strip().lower().replace("_", "-"))
    except ValueError:
        choices = ", ".join(v.value for v in RuleVariant)
        raise InputError(f"unknown rule variant {value!r}", hint=f"use one of {choices}") from None


@dataclass(frozen=True, slots=True)
class DecisionInput:
    """One recorded decision to replay.

    Give either ``votes`` (every member's position) or ``tally``
    (yes, no, abstain, not voting; ``None`` not voting means the rest of the
    Council) with ``permanent_no``. ``permanent_abstain=None`` means unknown
    (a tally): the abstention-veto variant cannot then decide a vote with
    abstentions. ``recorded`` is the outcome in the record, when known;
    ``ref`` names the decision for people (a draft or resolution symbol) and
    ``key`` is its key in the record store (``res:2334``), when it comes from there.
    """

    date: dt.date
    votes: Mapping[str, Position] | None = None
    tally: tuple[int, int, int, int | None] | None = None
    permanent_no: tuple[str, ...] = ()
    permanent_abstain: tuple[str, ...] | None = None
    procedural: bool = False
    recorded: Outcome | None = None
    kind: Kind = Kind.DRAFT_RESOLUTION
    ref: str = ""
    key: str = ""

    def __post_init__(self) -> None:
        if (self.votes is None) == (self.tally is None):
            raise InputError(
                f"decision {self.ref or self.date.isoformat()}: give per-member votes or a tally"
            )


@dataclass(frozen=True, slots=True)
class VariantVerdict:
    """The outcome of one decision under a rule variant."""

    outcome: Outcome
    required: int
    vetoed_by: tuple[str, ...]


def charter_decision(item: DecisionInput) -> Decision:
    """The engine's verdict on a decision input (the Charter as practised)."""
    if item.votes is not None:
        ballot = Ballot(item.date, dict(item.votes), kind=item.kind, procedural=item.procedural)
        return adjudicate(ballot)
    if item.tally is None:
        raise InputError(f"decision {item.ref}: give per-member votes or a tally")
    yes, no, abstain, not_voting = item.tally
    return adjudicate_tally(
        item.date,
        yes,
        no,
        abstain,
        not_voting,
        permanent_no=item.permanent_no,
        procedural=item.procedural,
        kind=item.kind,
    )


def adjudicate_variant(item: DecisionInput, rule: RuleVariant) -> VariantVerdict | None:
    """Decide ``item`` under ``rule``; ``None`` when the input cannot tell.

    The steps are the engine's (``docs/rules.md``): short of the required
    votes the question fails whatever any permanent member did; otherwise a
    non-procedural question is vetoed by the variant's vetoing members;
    otherwise it is adopted.

    >>> import datetime as dt
    >>> vote = DecisionInput(dt.date(2017, 10, 24), tally=(11, 2, 2, 0), permanent_no=("RUS",))
    >>> adjudicate_variant(vote, RuleVariant.DOUBLE_VETO).outcome.value
    'adopted'
    """
    permanent = set(council(item.date).permanent)
    if item.votes is not None:
        yes = sum(1 for p in item.votes.values() if p is Position.YES)
        p_no = tuple(sorted(c for c in permanent if item.votes.get(c) is Position.NO))
        p_abs: tuple[str, ...] | None = tuple(
            sorted(c for c in permanent if item.votes.get(c) is Position.ABSTAIN)
        )
    elif item.tally is not None:
        yes = item.tally[0]
        p_no = tuple(sorted(resolve_member(c) for c in item.permanent_no))
        p_abs = item.permanent_abstain
        if p_abs is None and item.tally[2] == 0:
            p_abs = ()
    else:
        raise InputError(f"decision {item.ref}: give per-member votes or a tally")
    required = required_votes(item.date) + (1 if rule is RuleVariant.TEN_VOTES else 0)
    if yes < required:
        return VariantVerdict(Outcome.FAILED, required, ())
    if item.procedural:
        return VariantVerdict(Outcome.ADOPTED, required, ())
    if rule is RuleVariant.NO_VETO:
        vetoers: tuple[str, ...] = ()
    elif rule is RuleVariant.DOUBLE_VETO:
        vetoers = p_no if len(p_no) >= 2 else ()
    elif rule is RuleVariant.ABSTENTION_VETO:
        if p_abs is None:
            return None
        vetoers = tuple(sorted({*p_no, *p_abs}))
    else:
        vetoers = p_no
    if vetoers:
        return VariantVerdict(Outcome.VETOED, required, vetoers)
    return VariantVerdict(Outcome.ADOPTED, required, ())


@dataclass(frozen=True, slots=True)
class Change:
    """A decision whose outcome differs under the variant.

    ``members`` are the members whose votes make the difference: vetoes lost
    or gained, or, for a question now short of votes, the members that did not
    vote yes (any of them could have supplied the missing vote).
    """

    decision: DecisionInput
    before: Outcome
    after: Outcome
    members: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready mapping."""
        return {
            "date": self.decision.date.isoformat(),
            "ref": self.decision.ref,
            "key": self.decision.key or None,
            "before": self.before.value,
            "after": self.after.value,
            "members": list(self.members),
        }


@dataclass(frozen=True, slots=True)
class ReplayReport:
    """What changes when recorded decisions are replayed under a variant."""

    rule: RuleVariant
    replayed: int
    changes: tuple[Change, ...]
    skipped: Mapping[str, int] = field(default_factory=dict)

    @property
    def by_decade(self) -> dict[str, int]:
        """Changed decisions per decade (``"1990s"``...), in order."""
        counts = Counter(f"{c.decision.date.year // 10 * 10}s" for c in self.changes)
        return dict(sorted(counts.items()))

    @property
    def by_member(self) -> dict[str, int]:
        """Changed decisions per member named in them, most first."""
        counts = Counter(m for c in self.changes for m in c.members)
        return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))

    @property
    def by_change(self) -> dict[str, int]:
        """Changed decisions per transition (``"vetoed->adopted"``...)."""
        counts = Counter(f"{c.before.value}->{c.after.value}" for c in self.changes)
        return dict(sorted(counts.items()))

    def to_dict(self) -> dict[str, object]:
        """The ``unsc replay --json`` shape."""
        return {
            "rule": self.rule.value,
            "description": self.rule.description,
            "replayed": self.replayed,
            "changed": len(self.changes),
            "skipped": dict(sorted(self.skipped.items())),
            "by_change": self.by_change,
            "by_decade": self.by_decade,
            "by_member": self.by_member,
            "changes": [c.to_dict() for c in self.changes],
        }


def replay(
    decisions: Iterable[DecisionInput],
    rule: RuleVariant | str,
    *,
    skipped: Mapping[str, int] | None = None,
) -> ReplayReport:
    """Replay decisions under ``rule`` and report those whose outcome changes.

    Each decision is first decided as the Charter is practised; one the
    engine cannot decide (counts that do not make the Council) is skipped and
    counted as ``not_adjudicable``, one whose recorded outcome disagrees with
    the verdict (a data error) as ``inconsistent_with_record``, one the
    variant cannot decide from a tally as ``undetermined``. ``skipped`` adds
    the counts of decisions the caller could not turn into inputs, so that
    the report accounts for every decision of its source.

    >>> import datetime as dt
    >>> jim = DecisionInput(dt.date(2017, 10, 24), tally=(11, 2, 2, 0),
    ...                     permanent_no=("RUS",), ref="S/2017/884")
    >>> report = replay([jim], "no-veto")
    >>> [(c.decision.ref, c.before.value, c.after.value) for c in report.changes]
    [('S/2017/884', 'vetoed', 'adopted')]
    """
    variant = rule if isinstance(rule, RuleVariant) else parse_variant(rule)
    changes: list[Change] = []
    counts: Counter[str] = Counter(skipped or {})
    replayed = 0
    for item in decisions:
        try:
            base = charter_decision(item)
        except UnscError:
            counts[SkipReason.NOT_ADJUDICABLE.value] += 1
            continue
        if item.recorded is not None and base.outcome is not item.recorded:
            counts[SkipReason.INCONSISTENT_WITH_RECORD.value] += 1
            continue
        verdict = adjudicate_variant(item, variant)
        if verdict is None:
            counts[SkipReason.UNDETERMINED.value] += 1
            continue
        replayed += 1
        if verdict.outcome is base.outcome:
            continue
        if verdict.outcome is Outcome.FAILED:
            votes = item.votes or {}
            members = tuple(sorted(c for c, p in votes.items() if p is not Position.YES))
        else:
            members = tuple(sorted(set(base.vetoed_by) ^ set(verdict.vetoed_by)))
        changes.append(Change(item, base.outcome, verdict.outcome, members))
    return ReplayReport(variant, replayed, tuple(changes), {k: v for k, v in counts.items() if v})


# --- the 1994-2025 per-member voting file -------------------------------------------

SC_VOTING = Path("sc-votes-1994-2025") / "sc_voting.csv"
"""Where ``sc_voting.csv`` sits under the shared data folder."""

_VOTES = {"yes": Position.YES, "no": Position.NO, "abstain": Position.ABSTAIN}


def _recorded(text: str, where: str) -> Outcome:
    low = text.strip().lower()
    if low.startswith("adopted"):
        return Outcome.ADOPTED
    if "veto" in low:
        return Outcome.VETOED
    if "failed" in low:
        return Outcome.FAILED
    raise InputError(f"{where}: unknown outcome {text!r}")


def find_sc_voting(data_dir: str | os.PathLike[str] | None) -> Path:
    """Locate ``sc_voting.csv`` in ``data_dir`` (or ``$UNSC_DATA_DIR``)."""
    folder = data_dir if data_dir is not None else os.environ.get("UNSC_DATA_DIR")
    if not folder:
        raise InputError(
            "no data folder",
            hint="pass --data DIR (the shared data folder) or set UNSC_DATA_DIR",
        )
    for candidate in (Path(folder) / SC_VOTING, Path(folder) / SC_VOTING.name):
        if candidate.is_file():
            return candidate
    raise InputError(
        f"no {SC_VOTING.as_posix()} in {folder}",
        hint="pass the folder that holds sc-votes-1994-2025/",
    )


def _members_match(date: dt.date, codes: set[str]) -> bool:
    try:
        return set(council(date).codes) == codes
    except UnscError:
        return False


def _draft(rows: list[tuple[int, dict[str, str]]], path: Path) -> DecisionInput | str:
    """One draft's rows as a decision input, or the reason it cannot be used."""
    line, first = rows[0]
    where = f"{path}, line {line}"
    raw_date = first["Date,"].strip()
    try:
        date = dt.date.fromisoformat(raw_date)
    except ValueError:
        raise InputError(f"{where}, field 'Date,': bad date {raw_date!r}") from None
    votes: dict[str, Position] = {}
    for number, row in rows:
        here = f"{path}, line {number}"
        code = resolve_member(row["Member State"])
        try:
            position = _VOTES[row["Vote"].strip().lower()]
        except KeyError:
            raise InputError(f"{here}, field 'Vote': unknown vote {row['Vote']!r}") from None
        if code in votes:
            return SkipReason.DUPLICATE_MEMBER_ROWS.value
        votes[code] = position
    if not _members_match(date, set(votes)):
        swapped = None
        if date.day <= 12:
            try:
                swapped = date.replace(month=date.day, day=date.month)
            except ValueError:
                swapped = None
        if swapped is None or not _members_match(swapped, set(votes)):
            return SkipReason.MEMBERS_DO_NOT_MATCH_COUNCIL.value
        date = swapped
    ref = first["Draft"].strip() or f"ID {first['ID'].strip()}"
    return DecisionInput(
        date,
        votes=votes,
        procedural=False,
        recorded=_recorded(first["Outcome results"], where),
        ref=ref,
    )


def read_sc_voting(path: str | os.PathLike[str]) -> tuple[list[DecisionInput], dict[str, int]]:
    """Read ``sc_voting.csv``: decision inputs, and counts of drafts that cannot be used.

    Rows are grouped by draft ``ID``. Dates there have day and month swapped
    when the day is 12 or less: when the Council on the stated date does not
    match the members voting, the swapped date is tried. A malformed row
    (unknown vote, member or date) stops the import with file, line and field.
    """
    source = Path(path)
    drafts: dict[str, list[tuple[int, dict[str, str]]]] = {}
    try:
        with source.open(encoding="utf-8", newline="") as handle:
            for number, row in enumerate(csv.DictReader(handle), start=2):
                if row.get("ID") is None or row.get("Member State") is None:
                    raise InputError(f"{source}, line {number}: missing fields")
                drafts.setdefault(row["ID"].strip(), []).append((number, row))
    except OSError as exc:
        raise InputError(f"cannot read {source}: {exc.strerror}") from None
    inputs: list[DecisionInput] = []
    unusable: Counter[str] = Counter()
    for rows in drafts.values():
        item = _draft(rows, source)
        if isinstance(item, str):
            unusable[item] += 1
        else:
            inputs.append(item)
    inputs.sort(key=lambda d: (d.date, d.ref))
    return inputs, dict(unusable)


def iter_changes(report: ReplayReport) -> Iterator[str]:
    """Human-readable lines for a report (the ``unsc replay`` text output)."""
    yield f"Rule: {report.rule.value}. {report.rule.description}"
    skipped = ", ".join(f"{k} {v}" for k, v in sorted(report.skipped.items()))
    yield f"Replayed {report.replayed} decisions" + (f" (skipped: {skipped})." if skipped else ".")
    yield f"Outcome changes: {len(report.changes)}."
    for c in report.changes:
        who = f"  [{', '.join(c.members)}]" if c.members else ""
        yield f"  {c.decision.date.isoformat()}  {c.decision.ref}: {c.before} -> {c.after}{who}"
    if report.changes:
        yield "By change: " + ", ".join(f"{k} {v}" for k, v in report.by_change.items())
        yield "By decade: " + ", ".join(f"{k} {v}" for k, v in report.by_decade.items())
        yield "By member: " + ", ".join(f"{k} {v}" for k, v in report.by_member.items())
