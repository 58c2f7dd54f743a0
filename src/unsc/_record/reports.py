"""Vote reports read into the database: candidates, confirmations and rejections.

A *report* is a text (a wire story, a press release) read by
:func:`unsc.extract`; its votes are stored with their provenance (the file
name and the SHA-256 of the text) in two tables of their own, ``reports`` and
``report_votes`` (migration ``0004_reports``), apart from the official record:
nothing here is a source of the record's decisions, and ``unsc export`` does
not see them.

A vote without warnings, with a date, an outcome and its counts is stored
*confirmed* (a user record); any other vote is a *candidate* awaiting a
person's confirmation, with corrections, or rejection. Loading the same text
again changes nothing: reports are keyed by the SHA-256 of the text (UTF-8,
every line ending a newline).

Every stored vote keeps the record the reader gave (``extracted``), its
current values after corrections, the reader's warnings (checked again when a
correction touches what they check), and the *supporting spans*: where the
text gives the record's values (counts, members, the draft symbol, the
resolution number, the outcome, the question).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import hashlib
import json
import pathlib
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from unsc._engine import Kind, Outcome
from unsc._english import CARDINALS, MONTH_ABBREVIATIONS, MONTH_NAMES
from unsc._errors import DateOutOfRangeError, InputError, UnknownMemberError
from unsc._extract import ExtractedVote, check_vote, council_on, extract, state_forms
from unsc._reference.council import USSR_LAST_DAY, council
from unsc._reference.states import resolve_member
from unsc._store import reports as stored

if TYPE_CHECKING:
    from unsc._store.db import Connection, Engine

# --- The model ----------------------------------------------------------------------------


class ReportStatus(enum.StrEnum):
    """Where a stored vote stands: awaiting review, confirmed by a person or the reader, or not."""

    CANDIDATE = "candidate"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"


LIST_FIELDS = (
    "members_yes",
    "members_no",
    "members_abstain",
    "members_not_voting",
    "members_inferred",
    "vetoed_by",
)
COUNT_FIELDS = ("yes", "no", "abstain", "not_voting")
EDITABLE_FIELDS = (
    "date",
    "kind",
    "question",
    "draft",
    "resolution",
    "procedural",
    *COUNT_FIELDS,
    *LIST_FIELDS[:5],
    "sponsor",
    "outcome",
    "vetoed_by",
)
"""The fields a person may correct (every field of the record but ``body`` and ``warnings``)."""

_CHECKED = frozenset(EDITABLE_FIELDS) - {"question", "draft", "resolution", "sponsor"}
"""Fields the four checks read: correcting one of them checks the record again."""


@dataclass(frozen=True, slots=True)
class ReportSpan:
    """Characters ``start:end`` of the report's text support ``fields`` of a record."""

    start: int
    end: int
    text: str
    fields: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        """``{"start", "end", "text", "fields"}``."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "fields": list(self.fields),
        }


@dataclass(frozen=True, slots=True)
class ReportVote:
    """A vote of a stored report: its current values (``vote``) and what the reader gave."""

    id: int
    report_id: int
    seq: int
    file: str
    sha256: str
    status: ReportStatus
    vote: ExtractedVote
    extracted: ExtractedVote
    spans: tuple[ReportSpan, ...]
    decided_at: str | None

    @property
    def corrections(self) -> dict[str, dict[str, object]]:
        """The fields a person changed: ``{field: {"from": read, "to": now}}``."""
        before, after = self.extracted.to_dict(), self.vote.to_dict()
        return {
            key: {"from": before[key], "to": after[key]}
            for key in EDITABLE_FIELDS
            if before[key] != after[key]
        }

    def to_dict(self) -> dict[str, object]:
        """The shape of ``unsc reports --json``: provenance, then the record's fields."""
        return {
            "id": self.id,
            "report_id": self.report_id,
            "file": self.file,
            "sha256": self.sha256,
            "seq": self.seq,
            "status": self.status.value,
            **self.vote.to_dict(),
            "corrections": self.corrections,
            "spans": [s.to_dict() for s in self.spans],
            "decided_at": self.decided_at,
        }


@dataclass(frozen=True, slots=True)
class Report:
    """A stored report: the text, its provenance, and its votes in the order they were taken."""

    id: int
    file: str
    sha256: str
    dateline: dt.date | None
    loaded_at: str
    text: str
    votes: tuple[ReportVote, ...]

    def to_dict(self) -> dict[str, object]:
        """The report with its text and votes."""
        return {
            "id": self.id,
            "file": self.file,
            "sha256": self.sha256,
            "dateline": self.dateline.isoformat() if self.dateline else None,
            "loaded_at": self.loaded_at,
            "text": self.text,
            "votes": [v.to_dict() for v in self.votes],
        }


@dataclass(frozen=True, slots=True)
class LoadedReport:
    """What storing a text did: ``created`` is false when it was stored before (no change)."""

    report: Report
    created: bool

    def to_dict(self) -> dict[str, object]:
        """A short account: the report, whether it is new, and its votes' statuses."""
        return {
            "report": self.report.id,
            "file": self.report.file,
            "sha256": self.report.sha256,
            "created": self.created,
            "votes": [
                {"id": v.id, "seq": v.seq, "status": v.status.value} for v in self.report.votes
            ],
        }


# --- Text ---------------------------------------------------------------------------------


def normalise_text(text: str) -> str:
    """The text as stored and hashed: every line ending a newline, as ``Path.read_text`` reads."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def text_sha256(text: str) -> str:
    """The SHA-256 that identifies a report: of the normalised text, in UTF-8."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


# --- Supporting spans ---------------------------------------------------------------------

_NUMBER_WORDS = {"none": 0, "nil": 0, **{w: n for w, n in CARDINALS.items() if n <= 15}}
_NUMBER = re.compile(
    r"(?<![\w/.,:])(?:\d{1,2}|" + "|".join(_NUMBER_WORDS) + r")(?![\w/]|[.,:]\d)",
    re.IGNORECASE,
)
_ISO_DATE_BEFORE = re.compile(r"\d{4}-(?:\d{1,2}-)?$")
_MONTH = (
    "(?:"
    + "|".join(name.capitalize() for name in MONTH_NAMES)
    + "|(?:"
    + "|".join(abbr.capitalize() for abbr in MONTH_ABBREVIATIONS)
    + r")\.?)"
)
_MONTH_BEFORE = re.compile(r"\b" + _MONTH + r"\s+$")
_MONTH_AFTER = re.compile(r"^(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?!\w)")
_NOT_A_COUNT_AFTER = re.compile(r"^\s*(?:%|per\s*cent|percent|years?|days?|months?|weeks?)\b")
_COUNTED = re.compile(
    r"\s+(?:[\"'\u201c\u201d]?(?:yes|no)[\"'\u201c\u201d]?\s+)?(?:votes?|members?|countries|nations|"
    r"states|delegations|in\s+favou?r|against|abstentions?|abstained|of\s+(?:the\s+|its\s+)?"
    r"(?:council|\d|fifteen|eleven))\b",
    re.IGNORECASE,
)
"""What follows a number that is a count ("11 votes", "eight members", "11 of the 15")."""
_UNANIMOUS = re.compile(r"\bunanimous(?:ly)?\b", re.IGNORECASE)
_VOTE_WORDS = re.compile(
    r"\b(?:vot\w*|favou?r|against|abstain\w*|abstention\w*|veto\w*|adopt\w*|unanim\w*|tally)",
    re.IGNORECASE,
)
_OUTCOME_WORDS = {
    Outcome.ADOPTED: re.compile(
        r"\b(?:adopt(?:ed|s|ing)?|pass(?:ed|es)?|approv(?:ed|es)|carried)\b", re.IGNORECASE
    ),
    Outcome.VETOED: re.compile(r"\bveto(?:ed|es|ing)?\b", re.IGNORECASE),
    Outcome.FAILED: re.compile(
        r"\b(?:fail(?:ed|s)?|rejected|defeated|not\s+(?:been\s+)?adopted|voted\s+down)\b",
        re.IGNORECASE,
    ),
}
_ABBREVIATIONS = frozenset(
    {
        *("mr", "mrs", "ms", "dr", "st", "vs", "gen", "col", "lt", "sen", "rep", "gov", "amb"),
        *MONTH_ABBREVIATIONS,
    }
)
_BEFORE_NUMBER = frozenset({"no", "nos", "art", "arts", "para", "op"})
"""Abbreviations only before a number ("resolution No. 242"); "voted no." ends a sentence."""
_SENTENCE_BREAK = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+|\n+")
_QUOTES = "\"'\u2018\u2019\u201c\u201d"
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015"


def _sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: split at line breaks and at ``. `` not after "Mr"/"U.S"."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_BREAK.finditer(text):
        if m.group().startswith("."):
            word = re.search(r"([\w.]+)$", text[start : m.start()])
            token = word.group(1) if word else ""
            number_follows = text[m.end() : m.end() + 1].isdigit()
            if (
                token.lower() in _ABBREVIATIONS
                or (token.lower() in _BEFORE_NUMBER and number_follows)
                or re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", token)
            ):
                continue  # "Mr.", "Nov.", "No. 242", "U.S.", an initial
        out.append((start, m.end()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return [(s, e) for s, e in out if text[s:e].strip()]


def _member_pattern(codes: Iterable[str], date: dt.date | None) -> re.Pattern[str] | None:
    """A pattern naming any of ``codes`` on ``date`` (group name: the code), longest first."""
    by_surface: dict[str, str] = {}
    forms = state_forms()
    for code in codes:
        candidates = list(forms.get(code, ()))
        if code == "SUN" and (date is None or date <= USSR_LAST_DAY):
            candidates += forms.get("RUS", ())  # "Russia" means the USSR before 1992
        for surface, start, end in candidates:
            if date is not None and ((start and date < start) or (end and date > end)):
                continue
            by_surface.setdefault(surface, code)
    if not by_surface:
        return None
    ordered = sorted(by_surface, key=len, reverse=True)
    alternatives = "|".join(re.escape(s) for s in ordered)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?!\w)")


def _loose(phrase: str) -> str:
    """A pattern for ``phrase`` that ignores spacing, quote and dash styles."""
    out: list[str] = []
    for ch in phrase.strip():
        if ch.isspace():
            if not out or out[-1] != r"\s+":
                out.append(r"\s+")
        elif ch in _QUOTES:
            out.append(f"[{re.escape(_QUOTES)}]")
        elif ch in _DASHES:
            out.append(f"[{re.escape(_DASHES)}]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def _number_value(token: str) -> int:
    return int(token) if token.isdigit() else _NUMBER_WORDS[token.lower()]


def _counts_in(text: str, start: int, end: int) -> Iterator[tuple[int, int, int]]:
    """(start, end, value) of every number from 0 to 15 in ``text[start:end]`` that may be a count.

    Not the day of a date ("April 4", "4 April", "Nov. 17"), nor part of a
    symbol, a decimal, a percentage or a duration.
    """
    for m in _NUMBER.finditer(text, start, end):
        value = _number_value(m.group())
        if value > 15:
            continue
        before = text[max(0, m.start() - 12) : m.start()]
        after = text[m.end() : m.end() + 16]
        if m.group().isdigit() and (
            _MONTH_BEFORE.search(before)
            or _MONTH_AFTER.match(after)
            or _ISO_DATE_BEFORE.search(before)
        ):
            continue
        if _NOT_A_COUNT_AFTER.match(after):
            continue
        yield m.start(), m.end(), value


def _unique(pattern: str, text: str) -> re.Match[str] | None:
    found = list(re.finditer(pattern, text, re.IGNORECASE))
    return found[0] if len(found) == 1 else None


def supporting_spans(text: str, vote: ExtractedVote) -> tuple[ReportSpan, ...]:
    """Where ``text`` gives the values of ``vote``, as character spans, in text order.

    The draft symbol and the resolution number are found anywhere. Counts,
    members, the sponsor and the outcome are found only in the sentences
    that support the record: the sentence that words the question (when the
    question is worded once in the text), those naming its draft or
    resolution, and those giving two of its counts, or one of them with a word
    of voting. Offsets are in characters of the (normalised) text.
    """
    found: dict[tuple[int, int], set[str]] = {}

    def add(start: int, end: int, field: str) -> None:
        found.setdefault((start, end), set()).add(field)

    anchors: list[tuple[int, int]] = []
    if vote.draft:
        for m in re.finditer(rf"(?<![\w/]){_loose(vote.draft)}(?![\w/])", text):
            add(m.start(), m.end(), "draft")
            anchors.append((m.start(), m.end()))
    if vote.resolution is not None:
        number = re.compile(
            rf"\bres(?:olutions?|\.)\s+(?:No\.?\s*)?(?:\d+(?:\s*(?:,|and|&)\s*))*"
            rf"(?P<n>{vote.resolution})(?!\d)",
            re.IGNORECASE,
        )
        for m in number.finditer(text):
            add(m.start("n"), m.end("n"), "resolution")
            anchors.append((m.start("n"), m.end("n")))
    words = vote.question.split()
    if len(words) >= 3:
        question = _unique(_loose(vote.question), text) or (
            _unique(_loose(" ".join(words[:8])), text) if len(words) > 8 else None
        )
        if question:
            add(question.start(), question.end(), "question")
            anchors.append((question.start(), question.end()))

    counts = {f: getattr(vote, f) for f in COUNT_FIELDS if getattr(vote, f) is not None}
    sitting = council_on(vote.date)
    size = sitting.size if sitting else None
    roles: dict[str, list[str]] = {}
    for field in (*LIST_FIELDS[:4], "vetoed_by"):
        for code in getattr(vote, field):
            roles.setdefault(code, []).append(field)
    if vote.sponsor:
        roles.setdefault(vote.sponsor, []).append("sponsor")
    members = _member_pattern(roles, vote.date)

    previous_end: int | None = None
    for start, end in _sentences(text):
        numbers = [
            (s, e, [f for f, value in counts.items() if value == n])
            for s, e, n in _counts_in(text, start, end)
        ]
        stray = any(not fields for _, _, fields in numbers)
        numbers = [(s, e, fields) for s, e, fields in numbers if fields]
        unanimous = [
            m.span()
            for m in _UNANIMOUS.finditer(text, start, end)
            if size and counts.get("yes") == size and not counts.get("no")
        ]
        matched = {f for _, _, fields in numbers for f in fields} | (
            {"yes"} if unanimous else set()
        )
        counted = any(_COUNTED.match(text, e) for _, e, _ in numbers)
        anchored = any(s < end and start < e for s, e in anchors)
        voting = _VOTE_WORDS.search(text, start, end) is not None
        named = [] if members is None else list(members.finditer(text, start, end))
        # a sentence that goes on about the vote of the sentence before ("Eleven members
        # backed it. Russia and Bolivia voted against.")
        follows = (
            previous_end == start
            and voting
            and bool(named)
            and not stray
            and "\n" not in text[start - 1 : start]
        )
        if not (anchored or follows or len(matched) >= 2 or (matched and (voting or counted))):
            previous_end = None
            continue
        previous_end = end
        for s, e, fields in numbers:
            for field in fields:
                add(s, e, field)
        for s, e in unanimous:
            add(s, e, "yes")
        for m in named:
            for field in roles.get(_member_code(m.group(), roles, vote.date), ()):
                add(m.start(), m.end(), field)
        if vote.outcome is not None:
            for m in _OUTCOME_WORDS[vote.outcome].finditer(text, start, end):
                add(m.start(), m.end(), "outcome")
    return tuple(
        ReportSpan(s, e, text[s:e], tuple(sorted(fields, key=_field_order)))
        for (s, e), fields in sorted(found.items())
    )


def _member_code(surface: str, codes: Iterable[str], date: dt.date | None) -> str:
    """Which of ``codes`` the form ``surface`` names on ``date`` (for :func:`supporting_spans`)."""
    forms = state_forms()
    for code in codes:
        candidates = list(forms.get(code, ()))
        if code == "SUN" and (date is None or date <= USSR_LAST_DAY):
            candidates += forms.get("RUS", ())
        if any(s == surface for s, _, _ in candidates):
            return code
    return ""


def _field_order(field: str) -> int:
    order = ("question", "draft", "resolution", *COUNT_FIELDS, *LIST_FIELDS, "sponsor", "outcome")
    return order.index(field) if field in order else len(order)


# --- Corrections --------------------------------------------------------------------------


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _as_int(field: str, value: object, *, high: int | None = None) -> int | None:
    if _blank(value):
        return None
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise InputError(f"{field}: expected a whole number, not {value!r}")
    try:
        number = int(value)
    except ValueError:
        raise InputError(f"{field}: expected a whole number, not {value!r}") from None
    if number < 0 or (high is not None and number > high):
        raise InputError(f"{field}: {number} is out of range (0 to {high})")
    return number


def _as_member(field: str, value: object) -> str:
    if not isinstance(value, str):
        raise InputError(f"{field}: expected a member code or name, not {value!r}")
    try:
        return resolve_member(value.strip())
    except UnknownMemberError as exc:
        raise InputError(f"{field}: {exc.message}", hint=exc.hint) from None


def _as_members(field: str, value: object) -> tuple[str, ...]:
    if _blank(value):
        return ()
    if isinstance(value, str):
        items: list[object] = []
        for part in re.split(r"[,;\n]", value):
            part = part.strip()
            if re.fullmatch(r"[A-Z]{3}(?:\s+[A-Z]{3})+", part):
                items += part.split()  # "BOL RUS"
            elif part:
                items.append(part)
    elif isinstance(value, list | tuple):
        items = list(value)
    else:
        raise InputError(f"{field}: expected a list of members, not {value!r}")
    return tuple(sorted({_as_member(field, v) for v in items}))


def _as_bool(field: str, value: object) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in {"true", "on", "yes", "1"}:
        return True
    if _blank(value) or (
        isinstance(value, str) and value.strip().lower() in {"false", "off", "no", "0"}
    ):
        return False
    raise InputError(f"{field}: expected true or false, not {value!r}")


def _as_date(value: object) -> dt.date | None:
    if _blank(value):
        return None
    if isinstance(value, dt.date):
        day = value
    elif isinstance(value, str):
        try:
            day = dt.date.fromisoformat(value.strip())
        except ValueError:
            raise InputError(
                f"date: bad date {value!r}", hint="write dates as YYYY-MM-DD"
            ) from None
    else:
        raise InputError(f"date: expected YYYY-MM-DD, not {value!r}")
    try:
        council(day)
    except DateOutOfRangeError as exc:
        raise InputError(f"date: {exc.message}", hint=exc.hint) from None
    return day


def _as_text(
    field: str, value: object, *, required: bool = False, longest: int | None = None
) -> str | None:
    if _blank(value):
        if required:
            raise InputError(f"{field}: must not be empty")
        return None
    if not isinstance(value, str):
        raise InputError(f"{field}: expected text, not {value!r}")
    text = " ".join(value.split())
    if longest is not None and len(text) > longest:
        raise InputError(f"{field}: longer than {longest} characters")
    return text


def _as_choice(field: str, value: object, choices: type[Kind] | type[Outcome]) -> Any:
    if _blank(value) and choices is Outcome:
        return None
    try:
        return choices(str(value).strip().lower())
    except ValueError:
        names = ", ".join(c.value for c in choices)
        raise InputError(f"{field}: unknown value {value!r}", hint=f"use one of {names}") from None


def corrected(vote: ExtractedVote, corrections: Mapping[str, object]) -> ExtractedVote:
    """``vote`` with ``corrections`` applied (values as in the JSON shape, or form strings).

    Members may be codes, aliases or names, as a list or separated by commas;
    an empty value clears a field. When a corrected field is one the checks
    read, the warnings are those of :func:`unsc._extract._checks.check_vote` on the
    corrected record.
    Raises :class:`unsc.InputError` naming the field.
    """
    unknown = sorted(set(corrections) - set(EDITABLE_FIELDS))
    if unknown:
        raise InputError(
            f"cannot correct {', '.join(unknown)}",
            hint=f"correctable fields: {', '.join(EDITABLE_FIELDS)}",
        )
    changes: dict[str, Any] = {}
    for field, value in corrections.items():
        if field == "date":
            changes[field] = _as_date(value)
        elif field == "kind":
            changes[field] = _as_choice(field, value, Kind)
        elif field == "outcome":
            changes[field] = _as_choice(field, value, Outcome)
        elif field == "question":
            changes[field] = _as_text(field, value, required=True)
        elif field == "draft":
            changes[field] = _as_text(field, value, longest=80)
        elif field == "resolution":
            changes[field] = _as_int(field, value, high=99_999)
        elif field == "procedural":
            changes[field] = _as_bool(field, value)
        elif field in COUNT_FIELDS:
            changes[field] = _as_int(field, value, high=15)
        elif field == "sponsor":
            changes[field] = None if _blank(value) else _as_member(field, value)
        else:
            changes[field] = _as_members(field, value)
    changes = {k: v for k, v in changes.items() if getattr(vote, k) != v}
    if not changes:
        return vote
    result = dataclasses.replace(vote, **changes)
    placed: dict[str, str] = {}
    for field in LIST_FIELDS[:5]:
        for code in getattr(result, field):
            if code in placed:
                raise InputError(f"{code} is in both {placed[code]} and {field}")
            placed[code] = field
    if _CHECKED & set(changes):
        result = dataclasses.replace(result, warnings=check_vote(result))
    return result


# --- Storage ------------------------------------------------------------------------------


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _columns(vote: ExtractedVote) -> dict[str, object]:
    return {
        "date": vote.date,
        "body": vote.body,
        "kind": vote.kind.value,
        "question": vote.question,
        "draft": vote.draft,
        "resolution": vote.resolution,
        "procedural": vote.procedural,
        "yes": vote.yes,
        "no": vote.no,
        "abstain": vote.abstain,
        "not_voting": vote.not_voting,
        **{f: json.dumps(list(getattr(vote, f))) for f in LIST_FIELDS},
        "sponsor": vote.sponsor,
        "outcome": vote.outcome.value if vote.outcome else None,
        "warnings": json.dumps(list(vote.warnings)),
    }


def vote_from_dict(data: Mapping[str, Any]) -> ExtractedVote:
    """An :class:`unsc.ExtractedVote` from its JSON shape (``ExtractedVote.to_dict()``)."""
    return ExtractedVote(
        date=dt.date.fromisoformat(data["date"]) if data.get("date") else None,
        kind=Kind(data["kind"]),
        question=data["question"],
        draft=data.get("draft"),
        resolution=data.get("resolution"),
        procedural=bool(data["procedural"]),
        yes=data.get("yes"),
        no=data.get("no"),
        abstain=data.get("abstain"),
        not_voting=data.get("not_voting"),
        members_yes=tuple(data.get("members_yes", ())),
        members_no=tuple(data.get("members_no", ())),
        members_abstain=tuple(data.get("members_abstain", ())),
        members_not_voting=tuple(data.get("members_not_voting", ())),
        members_inferred=tuple(data.get("members_inferred", ())),
        sponsor=data.get("sponsor"),
        outcome=Outcome(data["outcome"]) if data.get("outcome") else None,
        vetoed_by=tuple(data.get("vetoed_by", ())),
        warnings=tuple(data.get("warnings", ())),
        body=data.get("body") or "security_council",
    )


def _vote_from_row(row: Mapping[str, Any]) -> ExtractedVote:
    return ExtractedVote(
        date=row["date"],
        kind=Kind(row["kind"]),
        question=row["question"],
        draft=row["draft"],
        resolution=row["resolution"],
        procedural=bool(row["procedural"]),
        yes=row["yes"],
        no=row["no"],
        abstain=row["abstain"],
        not_voting=row["not_voting"],
        members_yes=tuple(json.loads(row["members_yes"])),
        members_no=tuple(json.loads(row["members_no"])),
        members_abstain=tuple(json.loads(row["members_abstain"])),
        members_not_voting=tuple(json.loads(row["members_not_voting"])),
        members_inferred=tuple(json.loads(row["members_inferred"])),
        sponsor=row["sponsor"],
        outcome=Outcome(row["outcome"]) if row["outcome"] else None,
        vetoed_by=tuple(json.loads(row["vetoed_by"])),
        warnings=tuple(json.loads(row["warnings"])),
        body=row["body"],
    )


def _report_vote(row: Mapping[str, Any]) -> ReportVote:
    return ReportVote(
        id=row["id"],
        report_id=row["report_id"],
        seq=row["seq"],
        file=row["file"],
        sha256=row["sha256"],
        status=ReportStatus(row["status"]),
        vote=_vote_from_row(row),
        extracted=vote_from_dict(json.loads(row["extracted"])),
        spans=tuple(
            ReportSpan(s["start"], s["end"], s["text"], tuple(s["fields"]))
            for s in json.loads(row["spans"])
        ),
        decided_at=row["decided_at"],
    )


def report_votes(
    conn: Connection,
    *,
    status: ReportStatus | str | None = None,
    report_id: int | None = None,
) -> list[ReportVote]:
    """Stored votes, by report and order in the report; only those of ``status`` if given."""
    wanted = _status(status).value if status is not None else None
    return [_report_vote(r) for r in stored.vote_rows(conn, status=wanted, report_id=report_id)]


def report_vote(conn: Connection, vote_id: int) -> ReportVote | None:
    """One stored vote by its id, or ``None``."""
    row = stored.vote_row(conn, vote_id)
    return _report_vote(row) if row else None


def _status(value: ReportStatus | str) -> ReportStatus:
    try:
        return ReportStatus(value)
    except ValueError:
        names = ", ".join(s.value for s in ReportStatus)
        raise InputError(f"unknown status {value!r}", hint=f"use one of {names}") from None


def _report(row: Mapping[str, Any] | None, conn: Connection) -> Report | None:
    if row is None:
        return None
    return Report(
        id=row["id"],
        file=row["file"],
        sha256=row["sha256"],
        dateline=row["dateline"],
        loaded_at=row["loaded_at"],
        text=row["text"],
        votes=tuple(report_votes(conn, report_id=row["id"])),
    )


def get_report(conn: Connection, report_id: int) -> Report | None:
    """One stored report, with its text and votes, or ``None``."""
    return _report(stored.report_row(conn, report_id=report_id), conn)


def report_by_sha256(conn: Connection, sha256: str) -> Report | None:
    """The stored report whose text has this SHA-256, or ``None``."""
    return _report(stored.report_row(conn, sha256=sha256.lower()), conn)


def list_reports(conn: Connection) -> list[dict[str, Any]]:
    """Every stored report (newest first), without its text: how many votes of each status."""
    counts: dict[int, dict[str, int]] = {}
    for report_id, status, n in stored.status_counts(conn):
        counts.setdefault(report_id, {})[status] = n
    out = []
    for row in stored.report_summaries(conn):
        by_status = counts.get(row["id"], {})
        out.append(
            {
                "id": row["id"],
                "file": row["file"],
                "sha256": row["sha256"],
                "dateline": row["dateline"].isoformat() if row["dateline"] else None,
                "loaded_at": row["loaded_at"],
                "votes": sum(by_status.values()),
                **{s.value: by_status.get(s.value, 0) for s in ReportStatus},
            }
        )
    return out


def _dateline(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    if not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(f"bad dateline {value!r}", hint="write dates as YYYY-MM-DD") from None


def trusted(vote: ExtractedVote) -> bool:
    """Whether a vote may be stored confirmed without a person.

    It needs no warning, a date, an outcome and a count, so that noise (which
    gives none of them) is never trusted.
    """
    return (
        not vote.warnings
        and vote.date is not None
        and vote.outcome is not None
        and vote.yes is not None
    )


def store_report(
    conn: Connection,
    text: str,
    *,
    file: str,
    dateline: dt.date | str | None = None,
    votes: Sequence[ExtractedVote] | None = None,
    auto_confirm: bool = True,
) -> LoadedReport:
    """Store ``text`` and the votes it reports; nothing changes if it was stored before.

    ``votes`` are those :func:`unsc.extract` reads in ``text`` (read here when
    not given). With ``auto_confirm`` a vote without warnings is stored
    confirmed and a vote with one is a candidate; without it (a person
    reviews every vote, as in the web app) every vote is a candidate.
    """
    text = normalise_text(text)
    if "\x00" in text:
        raise InputError(
            f"cannot store {file or 'the text'}: it holds NUL bytes (it is not a text file)",
            hint="remove the NUL characters, or give a text file",
        )
    digest = text_sha256(text)
    existing = report_by_sha256(conn, digest)
    if existing is not None:
        return LoadedReport(existing, created=False)
    day = _dateline(dateline)
    if votes is None:
        votes = extract(text, dateline=day)
    file = file.strip() or "pasted text"
    stamp = _now()
    report_id = stored.insert_report(
        conn,
        {"file": file[:300], "sha256": digest, "dateline": day, "text": text, "loaded_at": stamp},
    )
    rows = []
    for seq, vote in enumerate(votes, start=1):
        confirmed = auto_confirm and trusted(vote)
        rows.append(
            {
                "report_id": report_id,
                "seq": seq,
                "status": (ReportStatus.CONFIRMED if confirmed else ReportStatus.CANDIDATE).value,
                **_columns(vote),
                "spans": _spans_json(text, vote),
                "extracted": json.dumps(vote.to_dict(), ensure_ascii=False),
                "decided_at": stamp if confirmed else None,
            }
        )
    stored.insert_votes(conn, rows)
    report = get_report(conn, report_id)
    assert report is not None
    return LoadedReport(report, created=True)


def _spans_json(text: str, vote: ExtractedVote) -> str:
    return json.dumps([s.to_dict() for s in supporting_spans(text, vote)], ensure_ascii=False)


def _required_vote(conn: Connection, vote_id: int) -> ReportVote:
    found = report_vote(conn, vote_id)
    if found is None:
        raise InputError(f"no stored report vote {vote_id}", hint="see `unsc reports`")
    return found


def confirm_vote(
    conn: Connection, vote_id: int, corrections: Mapping[str, object] | None = None
) -> ReportVote:
    """Confirm a stored vote, with ``corrections`` (see :func:`corrected`) applied first.

    Works whatever the vote's status (a person's latest decision stands);
    the supporting spans are found again for the corrected values.
    """
    current = _required_vote(conn, vote_id)
    vote = corrected(current.vote, corrections or {})
    values: dict[str, object] = {"status": ReportStatus.CONFIRMED.value, "decided_at": _now()}
    if vote != current.vote:
        text = stored.report_text(conn, current.report_id)
        values |= {**_columns(vote), "spans": _spans_json(text, vote)}
    stored.update_vote(conn, vote_id, values)
    return _required_vote(conn, vote_id)


def reject_vote(conn: Connection, vote_id: int) -> ReportVote:
    """Mark a stored vote rejected (not a vote the text reports, or not worth keeping)."""
    _required_vote(conn, vote_id)
    stored.update_vote(conn, vote_id, {"status": ReportStatus.REJECTED.value, "decided_at": _now()})
    return _required_vote(conn, vote_id)


# --- The public face ----------------------------------------------------------------------


class Reports:
    """Vote reports stored in the record's database, apart from the official record.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> reports = Reports(f"sqlite:///{folder / 'r.sqlite3'}")
    >>> loaded = reports.load_text(
    ...     "On 24 October 2017 the Security Council rejected a motion to postpone the vote, "
    ...     "4 in favour, 8 against and 3 abstentions.", file="note.txt")
    >>> [(v.status.value, v.vote.yes) for v in loaded.report.votes]
    [('confirmed', 4)]
    >>> reports.load_text(loaded.report.text, file="again.txt").created
    False
    """

    def __init__(self, url: str | None = None, *, engine: Engine | None = None) -> None:
        from unsc._store import db

        self.engine = engine if engine is not None else db.open_database(url)

    def load(
        self, path: str | pathlib.Path, *, dateline: dt.date | str | None = None
    ) -> LoadedReport:
        """Read the text file ``path`` and store it (see :meth:`load_text`)."""
        path = pathlib.Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise InputError(f"cannot read {path}: {reason}") from None
        return self.load_text(text, file=path.name, dateline=dateline)

    def load_text(
        self,
        text: str,
        *,
        file: str,
        dateline: dt.date | str | None = None,
        auto_confirm: bool = True,
    ) -> LoadedReport:
        """Store ``text`` and its votes: confirmed without warnings, else candidates.

        Idempotent: a text stored before (same SHA-256) changes nothing.
        """
        with self.engine.begin() as conn:
            return store_report(conn, text, file=file, dateline=dateline, auto_confirm=auto_confirm)

    def votes(self, *, status: ReportStatus | str | None = None) -> list[ReportVote]:
        """Stored votes, by report (only those of ``status`` if given)."""
        with self.engine.connect() as conn:
            return report_votes(conn, status=status)

    def reports(self) -> list[dict[str, Any]]:
        """Stored reports, newest first, with how many votes of each status."""
        with self.engine.connect() as conn:
            return list_reports(conn)

    def report(self, report_id: int) -> Report | None:
        """One stored report with its text and votes, or ``None``."""
        with self.engine.connect() as conn:
            return get_report(conn, report_id)

    def confirm(self, vote_id: int, corrections: Mapping[str, object] | None = None) -> ReportVote:
        """Confirm a stored vote, correcting fields first (``{"yes": 5, ...}``)."""
        with self.engine.begin() as conn:
            return confirm_vote(conn, vote_id, corrections)

    def reject(self, vote_id: int) -> ReportVote:
        """Reject a stored vote."""
        with self.engine.begin() as conn:
            return reject_vote(conn, vote_id)
