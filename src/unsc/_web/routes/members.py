"""Members: every state that sat on the Council, and one member's record; as JSON too."""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup, escape
from pydantic import BaseModel
from sqlalchemy.engine import Connection

from unsc._errors import UnknownMemberError
from unsc._reference.council import LAST_COVERED
from unsc._reference.states import name_on
from unsc._reference.tables import elected_terms, permanent_tenures
from unsc._store import query
from unsc._web import queries
from unsc._web.charts import Chart, dotplot, hbar
from unsc._web.deps import ServicesDep
from unsc._web.errors import not_found
from unsc._web.kept_responses import keep
from unsc._web.render import agenda_spans, decision_link, fragment, render
from unsc._web.routes.api_common import ERRORS, JSON, ErrorOut
from unsc._web.routes.vetoes import VetoOut

router = APIRouter()


@functools.cache
def _all_members() -> tuple[dict[str, Any], ...]:
    spans: dict[str, list[tuple[dt.date, dt.date, bool]]] = {}
    for t in permanent_tenures():
        spans.setdefault(t.code, []).append((t.start, min(t.end, LAST_COVERED), True))
    for e in elected_terms():
        spans.setdefault(e.code, []).append((e.start, e.end, False))
    rows = [
        {
            "code": code,
            "name": name_on(code, LAST_COVERED),
            "permanent": any(p for _, _, p in s),
            "terms": sum(1 for _, _, p in s if not p),
            "first": min(a for a, _, _ in s).year,
            "last": max(b for _, b, _ in s).year,
        }
        for code, s in spans.items()
    ]
    return tuple(sorted(rows, key=lambda r: r["name"].casefold()))


@router.get("/members", tags=["pages"], include_in_schema=False, response_class=HTMLResponse)
def index(request: Request) -> HTMLResponse:
    """Every state that has sat on the Council."""
    return render(request, "pages/members.html", {"title": "Members", "members": _all_members()})


def display_name(code: str) -> str:
    """A member's latest official name."""
    return name_on(code, LAST_COVERED)


MIN_VOTES_TOGETHER = 20
"""Agreement is shown only over at least this many votes together (one vote says nothing)."""

CHART_EACH_END = 10
"""The agreement chart shows this many members at each end: the closest and the furthest."""


def member_view(conn: Connection, code: str) -> dict[str, Any]:
    """The member page's title and body: the record, agreement with names, the charts."""
    context = member_context(conn, code)
    body = fragment("partials/member_body.html", context)
    return {"title": context["m"]["name"], "body": body}


def member_context(conn: Connection, code: str) -> dict[str, Any]:
    """What the member page's body shows (``partials/member_body.html``)."""
    row = queries.member_record(conn, code)
    keys = queries.vetoed_keys(conn, member=row["code"])
    row["vetoes"] = queries.link_vetoes(row["vetoes"], keys)
    named = [
        {**a, "name": display_name(a["member"])}
        for a in row["agreement"]
        if a["agreement"] is not None
    ]
    agreement = [a for a in named if a["votes_together"] >= MIN_VOTES_TOGETHER]
    too_few = sorted(
        (a for a in named if a["votes_together"] < MIN_VOTES_TOGETHER),
        key=lambda a: (-a["votes_together"], a["name"]),
    )
    labels = {"Y": "Yes", "N": "No", "A": "Abstain", "X": "Did not vote"}
    charts = [
        hbar(
            "votes",
            f"Votes cast by {row['name']} in the record",
            [(labels[k], float(v)) for k, v in row["votes"].items()],
            headers=("Position", "Votes"),
        )
    ]
    if agreement:
        charts.append(agreement_chart(row["name"], agreement))
    return {
        "m": row,
        "agreement": agreement,
        "veto_rows": veto_rows(row["vetoes"]),
        "agreement_rows": agreement_rows(row["name"], agreement),
        "too_few": too_few,
        "too_few_links": too_few_links(too_few),
        "min_votes": MIN_VOTES_TOGETHER,
        "charts": charts,
    }


# The member page's long tables, written here rather than row by row in the template (a
# member has up to 140 rows of agreement and 120 of vetoes: the template's loop over them
# was most of an uncached page's time). The markup is the template's, byte for byte.


def veto_rows(vetoes: list[dict[str, Any]]) -> Markup:
    """The rows of the vetoes-cast table."""
    out = []
    for v in vetoes:
        if v["key"]:
            draft = decision_link(v["key"], v["draft"] or v["key"])
        else:
            draft = str(escape(v["draft"] or ""))
        agenda = agenda_spans(v["agenda"])
        vetoed_by = escape(", ".join(v["vetoed_by"]))
        out.append(
            f"<tr><td>{escape(v['date'])}</td><td>{draft}</td><td>{agenda}</td>"
            f"<td>{vetoed_by}</td></tr>"
        )
    return Markup("".join(out))


def agreement_rows(name: str, agreement: list[dict[str, Any]]) -> Markup:
    """The rows of the agreement table (a row saying so when there is none)."""
    if not agreement:
        return Markup(
            f'<tr><td colspan="4">No member voted with {escape(name)} {MIN_VOTES_TOGETHER} '
            "times or more in the record.</td></tr>"
        )
    return Markup(
        "".join(
            f'<tr><th scope="row"><a href="/members/{escape(a["member"])}">{escape(a["name"])}'
            f"</a></th><td>{escape(a['votes_together'])}</td><td>{escape(a['same_position'])}"
            f"</td><td>{escape('%.1f%%' % (a['agreement'] * 100))}</td></tr>"
            for a in agreement
        )
    )


def too_few_links(too_few: list[dict[str, Any]]) -> Markup:
    """The members with too few votes together, linked, with their counts."""
    return Markup(
        ", ".join(
            f'<a href="/members/{escape(a["member"])}">{escape(a["name"])}</a> '
            f"({escape(a['votes_together'])})"
            for a in too_few
        )
    )


def agreement_chart(name: str, agreement: list[dict[str, Any]]) -> Chart:
    """A dot plot of the members most and least often on the same side as ``name``."""
    dots = [(a["name"], float(a["agreement"]), int(a["votes_together"])) for a in agreement]
    if len(dots) <= 2 * CHART_EACH_END:
        sections = [("Every member, most often the same position first", dots)]
        title = f"How often {name} voted the same way as each other member"
    else:
        sections = [
            (f"The {CHART_EACH_END} most often on the same side", dots[:CHART_EACH_END]),
            (f"The {CHART_EACH_END} least often on the same side", dots[-CHART_EACH_END:]),
        ]
        title = (
            f"How often {name} voted the same way as each other member: the "
            f"{CHART_EACH_END} closest and the {CHART_EACH_END} furthest of {len(dots)}"
        )
    return dotplot(
        "agreement", title, sections, headers=("Member", "Same position", "Votes together")
    )


@router.get("/members/{code}", tags=["pages"], include_in_schema=False, response_class=HTMLResponse)
def member_page(request: Request, services: ServicesDep, code: str) -> HTMLResponse:
    """A member's terms, votes, vetoes, and agreement with every other member."""
    try:
        view = services.read(("member_view", code.upper()), lambda conn: member_view(conn, code))
    except UnknownMemberError:
        raise not_found(f"member {code!r}") from None
    banner = services.record_banner()
    page = render(request, "pages/member.html", {**view, "banner": banner})
    return page if banner else keep(request, page, page=True)


class MemberRecordOut(BaseModel):
    """``unsc member CODE --json``."""

    code: str
    name: str
    terms: list[dict[str, Any]]
    votes: dict[str, int]
    vetoes: list[VetoOut]
    agreement: list[dict[str, Any]]


@router.get(
    "/api/members/{code}",
    tags=["api"],
    responses={200: {"model": MemberRecordOut}, 404: {"model": ErrorOut}, **ERRORS},
)
def member(request: Request, services: ServicesDep, code: str) -> Response:
    """A member's terms, votes, vetoes and agreement (``unsc member CODE --json``)."""
    try:
        body = services.read_json(("member", code.upper()), lambda conn: query.member(conn, code))
    except UnknownMemberError:
        raise not_found(f"member {code!r}") from None
    return keep(request, Response(body, media_type=JSON))
