"""The web app's queries: the record explorer, veto statistics, and the chamber's store.

Record reads that the CLI also makes come from :mod:`unsc._record.query`, so the
JSON API returns exactly the CLI's shapes; what only the web app needs is here.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from unsc._errors import InputError
from unsc._reference.states import resolve_member
from unsc._store import db, documents, query, search
from unsc._store.query import listed_row, text_clauses
from unsc._web.agenda import group_agendas

Row = dict[str, Any]
_D = db.decisions.c

VIEWS = ("resolutions", "drafts", "vetoes")
OUTCOMES = query.OUTCOMES
UNKNOWN_OUTCOME = query.UNKNOWN_OUTCOME
POSITIONS = {"Y": "yes", "N": "no", "A": "abstain", "X": "did not vote"}


def data_stamp(conn: Connection) -> tuple[int, str | None, int]:
    """Changes whenever a load changes the record: files loaded, the latest load time, decisions.

    The decisions counted tell the pages whether the record is loaded (their
    banner) without a query of their own: :meth:`unsc._web.cache.Cache.decisions`.
    """
    s = db.source_files.c
    count, latest = conn.execute(sa.select(sa.func.count(), sa.func.max(s.loaded_at))).one()
    return int(count), latest, decision_count(conn)


def member_record(conn: Connection, value: str) -> Row:
    """:func:`unsc._record.query.member`, read from the document the load precomputed.

    A member without a document (a record loaded before documents existed)
    is computed as the command line does.
    """
    code = resolve_member(value)
    body = documents.document(conn, documents.MEMBER, code)
    if body is None:
        return query.member(conn, code)
    row: Row = json.loads(body)
    return row


def decision_count(conn: Connection) -> int:
    """How many decisions the record holds (0: not loaded)."""
    return int(conn.execute(sa.select(sa.func.count()).select_from(db.decisions)).scalar_one())


# --- The record explorer ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Filters:
    """The explorer's filters; every download applies exactly these."""

    view: str = "resolutions"
    year_from: int | None = None
    year_to: int | None = None
    member: str | None = None
    vote: str | None = None
    outcome: str | None = None
    text: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None

    def params(self, **changes: object) -> dict[str, str]:
        """The non-empty filters as query parameters, with ``changes`` applied."""
        values = {
            "view": self.view,
            "from": self.year_from,
            "to": self.year_to,
            "member": self.member,
            "vote": self.vote,
            "outcome": self.outcome,
            "q": self.text,
            "since": self.since,
            "until": self.until,
            **changes,
        }
        return {k: str(v) for k, v in values.items() if v not in (None, "")}


def check_filters(f: Filters) -> Filters:
    """Normalise the filters, or raise :class:`InputError` naming the bad one."""
    if f.view not in VIEWS:
        raise InputError(f"unknown view {f.view!r}", hint=f"use one of {', '.join(VIEWS)}")
    if f.outcome and f.outcome not in (*OUTCOMES, UNKNOWN_OUTCOME):
        raise InputError(f"unknown outcome {f.outcome!r}", hint=f"use {', '.join(OUTCOMES)}")
    vote = f.vote.strip().upper() if f.vote else None
    if vote and vote not in POSITIONS:
        raise InputError(f"bad vote {f.vote!r}", hint="use Y, N, A or X")
    if vote and not f.member:
        raise InputError("a vote filter needs a member", hint="e.g. member=RUS&vote=N")
    if f.year_from and f.year_to and f.year_from > f.year_to:
        raise InputError(f"year range {f.year_from}-{f.year_to} is empty")
    if f.since and f.until and f.since > f.until:
        raise InputError(f"the dates are the wrong way round: since {f.since} is after {f.until}")
    member = resolve_member(f.member) if f.member else None
    return replace(f, member=member, vote=vote, text=(f.text or "").strip() or None)


def _where(f: Filters, *, skip: str = "") -> list[sa.ColumnElement[bool]]:
    clauses: list[sa.ColumnElement[bool]] = []
    if f.view == "resolutions":
        clauses.append(_D.resolution.is_not(None))
    elif f.view == "vetoes":
        clauses.append(_D.id.in_(sa.select(db.vetoes.c.decision_id)))
    if f.year_from:
        clauses.append(_D.date >= dt.date(f.year_from, 1, 1))
    if f.year_to:
        clauses.append(_D.date <= dt.date(f.year_to, 12, 31))
    clauses += query.filter_clauses(
        since=f.since,
        until=f.until,
        member=f.member,
        vote=f.vote,
        member_vetoed=f.view == "vetoes",  # in the vetoes view, member alone: who vetoed
        outcome=None if skip == "outcome" else f.outcome,
    )
    substring = text_clauses(f.text)  # % and _ taken literally
    if substring and re.search(r"\w", f.text or ""):
        # The database's own full-text index (titles, subjects, mandates), or the substrings.
        clauses.append(sa.or_(_D.key.in_(search.matching_keys(f.text or "")), sa.and_(*substring)))
    else:
        clauses.extend(substring)
    return clauses


SORTS: dict[str, sa.ColumnElement[Any]] = {
    "date": _D.date,
    "resolution": _D.resolution,
    "draft": _D.draft,
    "agenda": _D.agenda,
    "yes": _D.yes,
    "outcome": query.outcome_column(),
}
"""The explorer's sortable columns; ties are broken by date, then by the record's order."""


def _order(sort: str, descending: bool) -> list[sa.ColumnElement[Any]]:
    column = SORTS[sort]
    first = column.desc() if descending else column.asc()
    if sort == "date":
        # The date is never empty: date, then the record's order, which the date index
        # (holding the row id) gives as it is, with no sort of the whole view per page.
        return [first, _D.id]
    # Rows without the value (a draft's resolution number) go last either way.
    return [column.is_(None), first, _D.date, _D.id]


Facet = list[tuple[Any, int]]
Groups = list[tuple[int, str | None, int]]
"""(year, outcome or ``None``, number of decisions) of a view."""


def _groups(conn: Connection, f: Filters) -> Groups:
    outcome = query.outcome_column()
    year = sa.extract("year", _D.date)
    rows = conn.execute(
        sa.select(year, outcome, sa.func.count())
        .where(*_where(f, skip="outcome"))
        .group_by(year, outcome)
    )
    return [(int(y), str(o) if o else None, int(n)) for y, o, n in rows]


def by_year_only(f: Filters) -> bool:
    """Whether ``f`` filters its view by nothing but a range of years and an outcome.

    Such a view's counts are those of the whole view (:func:`view_groups`)
    within the years, so they can be taken from it without a query.
    """
    return not (f.member or f.vote or f.text or f.since or f.until)


def view_groups(conn: Connection, view: str) -> Groups:
    """The decisions of a whole view (no filter) counted by year and outcome."""
    return _groups(conn, Filters(view=view))


def _counts(conn: Connection, f: Filters, whole: Groups | None) -> tuple[int, Facet, Facet]:
    """The view's total, and its outcome and decade facets, from one grouped query.

    The decisions matching every filter but the outcome, counted by year and
    outcome: the outcome facet sums them over the years (it ignores the
    outcome filter, so that each outcome's link shows its count); the total
    and the decades sum the groups of the outcome asked for, or all. With
    ``whole``, the groups of the whole view, a view filtered only by years
    (:func:`by_year_only`) takes its groups from those, with no query.
    """
    if whole is not None and by_year_only(f):
        low, high = f.year_from or 0, f.year_to or 10_000
        groups = [g for g in whole if low <= g[0] <= high]
    else:
        groups = _groups(conn, f)
    by_outcome: dict[str | None, int] = {}
    decades: Counter[int] = Counter()
    total = 0
    for y, key, n in groups:
        by_outcome[key] = by_outcome.get(key, 0) + n
        chosen = f.outcome is None or (
            key is None if f.outcome == UNKNOWN_OUTCOME else key == f.outcome
        )
        if chosen:
            decades[y // 10 * 10] += n
            total += n
    # Most first; ties as SQLite's sorter gave them when it counted the outcomes itself
    # (reverse order of the value, unknown last), so that the pages stay the same.
    ordered = sorted(
        by_outcome.items(), key=lambda kv: "" if kv[0] is None else kv[0], reverse=True
    )
    ordered.sort(key=lambda kv: -kv[1])
    facet = [(k or UNKNOWN_OUTCOME, n) for k, n in ordered]
    return total, facet, sorted(decades.items())


def explore(
    conn: Connection,
    f: Filters,
    *,
    page: int,
    per_page: int,
    sort: str = "date",
    descending: bool = False,
    whole: Groups | None = None,
) -> Row:
    """One page of the filtered view in the order asked, the total, and facets with counts.

    Two queries: the counts (:func:`_counts`; none when ``whole``, the view's
    :func:`view_groups`, holds them), then the page's rows, unless the page is
    past the last (then none).
    """
    total, outcomes, decades = _counts(conn, f, whole)
    rows: list[Row] = []
    if (page - 1) * per_page < total:
        rows = [
            listed_row(r)
            for r in conn.execute(
                sa.select(*query.ROW_COLUMNS)
                .where(*_where(f))
                .order_by(*_order(sort, descending))
                .limit(per_page)
                .offset((page - 1) * per_page)
            )
        ]
    return {
        "total": total,
        "rows": rows,
        "facets": {"outcome": outcomes, "decade": decades},
    }


def explore_rows(
    conn: Connection, f: Filters, *, sort: str = "date", descending: bool = False
) -> list[Row]:
    """Every row of the filtered view, in the order asked (what the downloads hold)."""
    stmt = sa.select(*query.ROW_COLUMNS).where(*_where(f)).order_by(*_order(sort, descending))
    return [listed_row(r) for r in conn.execute(stmt)]


# --- Vetoes ---------------------------------------------------------------------------


def veto_stats(conn: Connection) -> Row:
    """Vetoes cast by member and decade, and vetoed drafts by agenda item.

    Near-duplicate agenda names are grouped (:func:`unsc._web.agenda.group_agendas`);
    ``agenda_names`` lists the names each group gathers.
    """
    v = db.vetoes.c
    by_member: dict[str, Counter[int]] = defaultdict(Counter)
    for member, date in conn.execute(
        sa.select(v.member, _D.date).join(db.decisions, _D.id == v.decision_id)
    ):
        by_member[member][date.year // 10 * 10] += 1
    agenda = conn.execute(
        sa.select(_D.agenda, sa.func.count())
        .where(_D.id.in_(sa.select(v.decision_id)))
        .group_by(_D.agenda)
    ).all()
    groups = group_agendas((a, int(n)) for a, n in agenda)
    decades = sorted({d for c in by_member.values() for d in c})
    members = sorted(by_member, key=lambda m: (-sum(by_member[m].values()), m))
    return {
        "decades": decades,
        "members": members,
        "by_member_decade": {m: dict(by_member[m]) for m in members},
        "by_agenda": [(name, n) for name, n, _ in groups],
        "agenda_names": {name: names for name, _, names in groups},
    }


def vetoed_keys(
    conn: Connection, *, member: str | None = None
) -> dict[tuple[str, str | None], list[str]]:
    """The decision keys of the vetoed drafts, by date and symbol, oldest first (to link lists).

    Several vetoes of one day may have no symbol (1946-1948): their keys are
    listed in the order of :func:`unsc._record.query.vetoes`, for
    :func:`link_vetoes`. ``member``: only the drafts that member vetoed.
    """
    vetoed = sa.select(db.vetoes.c.decision_id)
    if member is not None:
        vetoed = vetoed.where(db.vetoes.c.member == member)
    stmt = sa.select(_D.date, _D.draft, _D.key).where(_D.id.in_(vetoed)).order_by(_D.date, _D.id)
    out: dict[tuple[str, str | None], list[str]] = {}
    for d, draft, key in conn.execute(stmt):
        out.setdefault((d.isoformat(), draft), []).append(key)
    return out


def link_vetoes(rows: list[Row], keys: dict[tuple[str, str | None], list[str]]) -> list[Row]:
    """``rows`` of :func:`unsc._record.query.vetoes`, each with the ``key`` of its decision.

    The n-th row of a date and symbol takes the n-th key of :func:`vetoed_keys`
    (both are in date and decision order), so that same-day vetoes without a
    symbol each link to their own decision.
    """
    seen: dict[tuple[str, str | None], int] = {}
    out = []
    for r in rows:
        at = (r["date"], r["draft"])
        n = seen.get(at, 0)
        seen[at] = n + 1
        found = keys.get(at, [])
        out.append({**r, "key": found[n] if n < len(found) else None})
    return out
