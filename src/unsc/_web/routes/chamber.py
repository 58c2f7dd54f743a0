"""The Chamber: run a simulated meeting under the real rules, saved apart from the record."""

from __future__ import annotations

import hmac
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from sqlalchemy.engine import Connection

from unsc._engine import Kind, adjudicate, build_ballot, parse_date
from unsc._engine import chamber as _chamber
from unsc._engine.announce import announcement
from unsc._reference.council import Council, council
from unsc._reference.states import resolve_member
from unsc._store import chamber as meetings
from unsc._web import security
from unsc._web.deps import ReadConn, RowId, ServicesDep, WriteConn
from unsc._web.errors import WebError, not_found
from unsc._web.render import render

router = APIRouter(tags=["pages"], include_in_schema=False)

SIMULATION = (
    "The Chamber is a simulation: meetings run here are saved as your own sessions, "
    "apart from the official record, and decided by the engine under the Charter's rules."
)
POSITIONS = (
    ("Y", "Yes"),
    ("N", "No"),
    ("A", "Abstain"),
    ("X", "Did not vote"),
)


def _redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


@router.get("/chamber", response_class=HTMLResponse)
def index(request: Request, conn: ReadConn) -> HTMLResponse:
    """Saved meetings, the form to start one, and the unlock form."""
    return render(
        request,
        "pages/chamber_index.html",
        {
            "title": "Chamber",
            "simulation": SIMULATION,
            "sessions": meetings.sessions(conn),
            "default_date": "2017-10-24",
        },
    )


@router.post("/chamber/unlock")
def unlock(
    request: Request,
    services: ServicesDep,
    token: Annotated[str, Form()] = "",
    csrf: Annotated[str | None, Form()] = None,
) -> RedirectResponse:
    """Exchange the access token for the auth cookie."""
    security.check_csrf(request, csrf)
    if not token or not hmac.compare_digest(token.encode(), services.settings.token.encode()):
        raise WebError(403, "the access token is wrong")
    response = _redirect("/chamber")
    response.set_cookie(
        security.AUTH_COOKIE,
        security.auth_cookie_value(services.settings.token),
        httponly=True,
        samesite="strict",
        secure=services.settings.secure_cookies,
    )
    return response


@router.post("/chamber")
def create(
    conn: WriteConn,
    date: Annotated[str, Form()],
    title: Annotated[str, Form(max_length=200)] = "",
) -> RedirectResponse:
    """Start a meeting on a date: the Council of that date, with its President."""
    day = parse_date(date)
    sitting = council(day)
    name = title.strip() or f"Meeting of {day.isoformat()}"
    session_id = meetings.create_session(conn, title=name, date=day, president=sitting.president)
    return _redirect(f"/chamber/{session_id}")


def _load(conn: Connection, session_id: int) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    session = meetings.session(conn, session_id)
    if session is None:
        raise not_found(f"chamber session {session_id}")
    return session, meetings.question_rows(conn, session_id)


@router.get("/chamber/{session_id}", response_class=HTMLResponse)
def meeting(request: Request, conn: ReadConn, session_id: RowId) -> HTMLResponse:
    """A meeting: the Council, the questions tabled, the one on the floor, its vote."""
    session, rows = _load(conn, session_id)
    questions = [meetings.as_question(r) for r in rows]
    floor = _chamber.on_floor(questions)
    sitting = council(session["date"])
    for r in rows:
        r["result"] = result_of(r, sitting)
    by_id = {r["id"]: r for r in rows}
    return render(
        request,
        "pages/chamber_session.html",
        {
            "title": session["title"],
            "simulation": SIMULATION,
            "session": session,
            "council": sitting,
            "rows": rows,
            "by_id": by_id,
            "floor": by_id[floor.id] if floor and session["status"] == _chamber.OPEN else None,
            "why_first": _chamber.why_first(floor, questions) if floor else None,
            "drafts": [
                r for r in rows if r["kind"] == Kind.DRAFT_RESOLUTION and r["status"] == "pending"
            ],
            "question_types": _chamber.QUESTION_TYPES,
            "positions": POSITIONS,
            "last": max(
                (r for r in rows if r["decided_at"]),
                key=lambda r: (r["decided_at"], r["seq"]),
                default=None,
            ),
        },
    )


RESULT_GROUPS = (("Y", "In favour"), ("N", "Against"), ("A", "Abstaining"), ("X", "Not voting"))


def result_of(row: dict[str, Any], sitting: Council) -> dict[str, Any] | None:
    """Who voted how on a decided question, by name, and who cast a veto; ``None`` if undecided."""
    if not row["votes"] or not row["decision"]:
        return None

    def name(code: str) -> str:
        member = sitting.member(code)
        return member.name if member else code

    groups = []
    for position, label in RESULT_GROUPS:
        codes = sorted((c for c, p in row["votes"].items() if p == position), key=name)
        if codes:
            groups.append({"label": label, "names": [name(c) for c in codes]})
    vetoed = [name(c) for c in row["decision"].get("vetoed_by") or []]
    return {"groups": groups, "vetoed_by": vetoed}


def _open_session(conn: Connection, session_id: int) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The open meeting and its questions, read under the meeting's write lock.

    Concurrent writes to one meeting go one at a time (:func:`meetings.lock_session`):
    each sees the questions and votes the one before it committed.
    """
    meetings.lock_session(conn, session_id)
    session, rows = _load(conn, session_id)
    if session["status"] != _chamber.OPEN:
        raise WebError(
            409, f"the meeting is {session['status']}: no question can be tabled or voted"
        )
    return session, rows


@router.post("/chamber/{session_id}/questions")
def table(
    conn: WriteConn,
    session_id: RowId,
    type: Annotated[str, Form()],
    title: Annotated[str, Form(max_length=500)] = "",
    amends: Annotated[str, Form()] = "",
) -> RedirectResponse:
    """Table a draft, an amendment or a procedural motion."""
    _, rows = _open_session(conn, session_id)
    try:
        kind, motion = _chamber.kind_of(type)
    except ValueError:
        raise WebError(422, f"type: unknown question type {type!r}") from None
    amends_id = None
    if kind is Kind.AMENDMENT:
        drafts = {
            str(r["id"]): r
            for r in rows
            if r["kind"] == Kind.DRAFT_RESOLUTION and r["status"] == "pending"
        }
        if amends not in drafts:
            raise WebError(422, "amends: an amendment must name a pending draft of this meeting")
        amends_id = int(amends)
    text = title.strip()
    if not text:
        text = _chamber.MOTION_BY_CODE[motion].label if motion else "Draft resolution"
    try:
        meetings.table_question(
            conn, session_id, kind=kind.value, motion=motion, title=text, amends_id=amends_id
        )
    except meetings.ChamberConflict as exc:
        raise WebError(409, str(exc)) from None
    return _redirect(f"/chamber/{session_id}")


async def ballot_form(request: Request) -> dict[str, str]:
    """The members' positions from the vote form (fields ``vote_CODE``)."""
    form = await request.form()
    return {
        key.removeprefix("vote_"): str(value)
        for key, value in form.items()
        if key.startswith("vote_") and str(value)
    }


@router.post("/chamber/{session_id}/questions/{question_id}/vote")
def vote(
    conn: WriteConn,
    session_id: RowId,
    question_id: RowId,
    positions: Annotated[dict[str, str], Depends(ballot_form)],
    others: Annotated[str, Form()] = "",
) -> RedirectResponse:
    """Put the question on the floor to the vote; the engine decides, the President announces.

    ``others`` (Y, N, A or X) is the vote of every member not marked one by one
    ("all others in favour"); without it every member must be marked.
    """
    session, rows = _open_session(conn, session_id)
    members = [m.code for m in council(session["date"]).members]
    if others:
        if others not in {code for code, _ in POSITIONS}:
            raise WebError(422, f"others: {others!r} is not one of Y, N, A, X")
        positions = {code: others for code in members} | positions
    missing = [code for code in members if code not in positions]
    if missing:
        raise WebError(
            422,
            f"no vote for {', '.join(missing)}: mark each member, "
            "or choose how every member not marked votes",
        )
    questions = [meetings.as_question(r) for r in rows]
    question = next((q for q in questions if q.id == question_id), None)
    if question is None:
        raise not_found(f"question {question_id} of chamber session {session_id}")
    if question.status != _chamber.PENDING:
        raise WebError(409, f"question {question_id} has already been decided ({question.status})")
    floor = _chamber.on_floor(questions)
    if floor is not None and floor.id != question.id:
        raise WebError(
            409,
            f"the question on the floor is {floor.title!r}: "
            + (_chamber.why_first(floor, questions) or "it must be voted first"),
        )
    decision = adjudicate(build_ballot(session["date"], positions, kind=question.kind))
    said = announcement(decision)
    record = {**decision.to_dict(), "votes": dict(decision.votes)}
    try:
        meetings.record_vote(
            conn,
            question_id,
            votes={resolve_member(code): position for code, position in positions.items()},
            status=_chamber.status_of(decision),
            announcement=said,
            decision=record,
        )
    except meetings.ChamberConflict as exc:
        raise WebError(409, str(exc)) from None
    effect = _chamber.consequences(question, decision, questions)
    if effect.session_status:
        meetings.set_session_status(conn, session_id, effect.session_status)
    for other, status in effect.others.items():
        meetings.set_question_status(conn, other, status)
    return _redirect(f"/chamber/{session_id}#q{question_id}")


@router.post("/chamber/{session_id}/resume")
def resume(conn: WriteConn, session_id: RowId) -> RedirectResponse:
    """Resume a suspended meeting."""
    meetings.lock_session(conn, session_id)
    session, _ = _load(conn, session_id)
    if session["status"] != "suspended":
        raise WebError(409, f"the meeting is {session['status']}, not suspended")
    meetings.set_session_status(conn, session_id, _chamber.OPEN)
    return _redirect(f"/chamber/{session_id}")


@router.get("/chamber/{session_id}/export.json")
def export(conn: ReadConn, session_id: RowId) -> JSONResponse:
    """The meeting as JSON: the Council, every question, its votes and the engine's decision."""
    session, rows = _load(conn, session_id)
    seq = {r["id"]: r["seq"] for r in rows}
    return JSONResponse(
        {
            "simulation": True,
            "note": SIMULATION,
            "session": {**session, "date": session["date"].isoformat()},
            "council": council(session["date"]).to_dict(),
            "questions": [
                {
                    "seq": r["seq"],
                    "kind": r["kind"],
                    "motion": r["motion"],
                    "title": r["title"],
                    "amends": seq.get(r["amends_id"]) if r["amends_id"] else None,
                    "status": r["status"],
                    "announcement": r["announcement"],
                    "votes": r["votes"],
                    "decision": r["decision"],
                }
                for r in rows
            ],
        },
        headers={"Content-Disposition": f'attachment; filename="unsc-chamber-{session_id}.json"'},
    )
