"""Full-text search over resolutions, drafts, vetoes and mandates, in the database's own engine.

:func:`rebuild` (run by :func:`unsc._record.load.rebuild` after the
mandates' rebuild hook) writes one ``search_documents`` row per decision and per
mandate body. A decision's text is its description (the UN Library's title,
e.g. "Security Council resolution 511 (1982) [on renewal of the mandate of the
UN Interim Force in Lebanon]"), agenda item, subjects, symbols and meeting, and
the names of the mandates it established, renewed or failed to renew; a
mandate's text is its name, acronym and notes and the titles and subjects of
its decisions. So "JIM" or "chemical" finds both the draft S/2017/884 and the
OPCW-UN Joint Investigative Mechanism, once the Library's titles are loaded.

:func:`search` asks SQLite's FTS5 (``search_fts``, ranked by BM25, title
weighted over body) or PostgreSQL's ``tsvector`` (English stemming, ranked by
``ts_rank_cd``); both are created by migration ``0005_record_search``. Every
word matches as a prefix. :func:`matching_keys` gives the same match as a
subquery for other queries' filters (the explorer's ``q=``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.ext.compiler import compiles

from unsc._errors import InputError
from unsc._store import db

KINDS = ("resolution", "draft", "veto", "procedural", "mandate")
"""The kinds of document search returns."""

_WORD = re.compile(r"\w+", re.UNICODE)


def _kind(row: sa.Row[Any], vetoed: set[int]) -> str:
    if row.resolution is not None:
        return "resolution"
    if row.id in vetoed:
        return "veto"
    if row.procedural and row.kind != "draft_resolution":
        return "procedural"
    return "draft"


def _title(row: sa.Row[Any]) -> str:
    if row.resolution is not None:
        return f"S/RES/{row.resolution} ({row.date.year})"
    if row.draft:
        return str(row.draft)
    return str(row.description or row.key)


def _mandate_links(conn: Connection) -> tuple[dict[str, list[int]], dict[int, sa.Row[Any]]]:
    """(decision key -> mandate body ids, body id -> body row); empty without mandate tables."""
    from unsc._store import mandate_tables as t

    bodies = {b.id: b for b in conn.execute(sa.select(t.bodies))}
    by_resolution = {
        r.resolution: r.key
        for r in conn.execute(
            sa.select(db.decisions.c.resolution, db.decisions.c.key).where(
                db.decisions.c.resolution.is_not(None)
            )
        )
    }
    by_draft = {
        r.draft: r.key
        for r in conn.execute(
            sa.select(db.decisions.c.draft, db.decisions.c.key).where(
                db.decisions.c.draft.is_not(None), db.decisions.c.resolution.is_(None)
            )
        )
    }
    links: dict[str, set[int]] = defaultdict(set)
    for r in conn.execute(
        sa.select(
            t.mandate_periods.c.body_id,
            t.mandate_periods.c.decision_key,
            t.mandate_periods.c.resolution,
        )
    ):
        key = r.decision_key or by_resolution.get(r.resolution)
        if key:
            links[key].add(r.body_id)
    for e in conn.execute(
        sa.select(
            t.mandate_events.c.body_id,
            t.mandate_events.c.decision_key,
            t.mandate_events.c.resolution,
            t.mandate_events.c.draft,
        )
    ):
        key = e.decision_key or by_resolution.get(e.resolution) or by_draft.get(e.draft)
        if key:
            links[key].add(e.body_id)
    for b in bodies.values():
        key = by_resolution.get(b.established_by)
        if key:
            links[key].add(b.id)
    return {k: sorted(v) for k, v in links.items()}, bodies


def _body_name(b: sa.Row[Any]) -> str:
    return f"{b.name} ({b.acronym})" if b.acronym else str(b.name)


def rebuild(conn: Connection) -> None:
    """Rewrite ``search_documents`` and the engine's index from the stored tables."""
    conn.execute(sa.delete(db.search_documents))
    d = db.decisions.c
    vetoed = {r.decision_id for r in conn.execute(sa.select(db.vetoes.c.decision_id))}
    links, bodies = _mandate_links(conn)
    decisions = list(conn.execute(sa.select(db.decisions).order_by(d.id)))
    texts: dict[str, str] = {}
    subjects_of: dict[str, str] = {}
    docs: list[dict[str, object]] = []
    for r in decisions:
        subjects = (r.subjects or "").replace("|", "; ")
        own = " ".join(x for x in (r.description, r.agenda, subjects, r.draft, r.meeting) if x)
        texts[r.key], subjects_of[r.key] = own, subjects
    by_body: dict[int, list[str]] = defaultdict(list)
    for key, ids in links.items():
        for i in ids:
            by_body[i].append(key)
    for r in decisions:
        names = [_body_name(bodies[i]) for i in links.get(r.key, ()) if i in bodies]
        # A draft renewing a mandate is found by the subjects of the mandate's resolutions.
        names += sorted(
            {subjects_of[k] for i in links.get(r.key, ()) for k in by_body[i] if subjects_of.get(k)}
        )
        docs.append(
            {
                "kind": _kind(r, vetoed),
                "ref": r.key,
                "date": r.date,
                "title": _title(r),
                "body": " ".join([texts[r.key], *names]),
            }
        )
    for i, b in sorted(bodies.items()):
        related = [texts[k] for k in sorted(by_body.get(i, ())) if k in texts]
        docs.append(
            {
                "kind": "mandate",
                "ref": f"mandate:{b.key}",
                "date": b.established,
                "title": _body_name(b),
                "body": " ".join([str(b.kind).replace("_", " "), b.notes or "", *related]),
            }
        )
    if docs:
        db.insert_many(conn, db.search_documents, docs)
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")


def _words(text: str) -> list[str]:
    words = _WORD.findall(text)
    if not words:
        raise InputError("nothing to search for", hint='give words, e.g. unsc search "chemical"')
    return words


class _Matches(sa.ColumnElement[bool]):
    """``search_documents`` rows matching every word, in the dialect's own full-text engine."""

    inherit_cache = False
    type = sa.Boolean()

    def __init__(self, words: Sequence[str]) -> None:
        self.words = list(words)


@compiles(_Matches, "sqlite")
def _matches_sqlite(element: _Matches, compiler: Any, **kw: Any) -> str:
    match = " ".join(f'"{w}"*' for w in element.words)
    value = compiler.process(sa.literal(match), **kw)
    return f"search_documents.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH {value})"


@compiles(_Matches, "postgresql")
def _matches_postgresql(element: _Matches, compiler: Any, **kw: Any) -> str:
    value = compiler.process(sa.literal(_tsquery(element.words)), **kw)
    return f"search_documents.tsv @@ to_tsquery('english', {value})"


@compiles(_Matches)
def _matches_other(element: _Matches, compiler: Any, **kw: Any) -> str:
    s = db.search_documents.c
    clause = sa.and_(
        *(sa.or_(s.title.ilike(f"%{w}%"), s.body.ilike(f"%{w}%")) for w in element.words)
    )
    return str(compiler.process(clause, **kw))


def _tsquery(words: Sequence[str]) -> str:
    """Every word as a prefix: ``chemic:* & weapon:*`` (words are letters and digits only)."""
    return " & ".join(f"{w}:*" for w in words)


def matching_keys(text: str) -> sa.Select[tuple[str]]:
    """The decision keys whose documents match ``text`` (for ``key IN (...)`` filters)."""
    s = db.search_documents.c
    return sa.select(s.ref).where(_Matches(_words(text)), s.kind != "mandate")


def search(conn: Connection, text: str, *, limit: int = 50) -> list[dict[str, Any]]:
    """Documents matching every word of ``text``, best first.

    Each result has ``kind`` (resolution, draft, veto, procedural, mandate),
    ``ref`` (the decision key or ``mandate:KEY``), ``title``, ``date``.
    """
    words = _words(text)
    stmt: sa.TextClause | sa.Select[Any]
    if conn.dialect.name == "sqlite":
        match = " ".join(f'"{w}"*' for w in words)
        stmt = sa.text(
            "SELECT s.kind, s.ref, s.title, s.date FROM search_fts "
            "JOIN search_documents s ON s.id = search_fts.rowid "
            "WHERE search_fts MATCH :match "
            "ORDER BY bm25(search_fts, 10.0, 1.0), s.date, s.id LIMIT :limit"
        ).bindparams(match=match, limit=limit)
    elif conn.dialect.name == "postgresql":
        stmt = sa.text(
            "SELECT kind, ref, title, date FROM search_documents, "
            "to_tsquery('english', :query) q WHERE tsv @@ q "
            "ORDER BY ts_rank_cd(tsv, q) DESC, date, id LIMIT :limit"
        ).bindparams(query=_tsquery(words), limit=limit)
    else:  # another database: no engine of its own; every word as a substring
        s = db.search_documents.c
        where = [sa.or_(s.title.ilike(f"%{w}%"), s.body.ilike(f"%{w}%")) for w in words]
        stmt = (
            sa.select(s.kind, s.ref, s.title, s.date)
            .where(*where)
            .order_by(s.date, s.id)
            .limit(limit)
        )
    return [
        {
            "kind": r.kind,
            "ref": r.ref,
            "title": r.title,
            "date": r.date.isoformat() if hasattr(r.date, "isoformat") else r.date,
        }
        for r in conn.execute(stmt)
    ]
