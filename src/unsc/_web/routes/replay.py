"""Counterfactual replay: every recorded decision under a rule variant, as a page and as JSON.

``GET /replay?rule=double-veto`` shows what changes (counts, charts by decade
and by member, the list); ``GET /api/replay?rule=double-veto`` is
``unsc replay --rule double-veto --json``. Reports are cached per rule while
the record is unchanged.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import urllib.parse
from collections import defaultdict
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel

from unsc._errors import UnscError
from unsc._power.replay import ReplayReport, RuleVariant, SkipReason, parse_variant
from unsc._power.replay_record import EMPTY_HINT, replay_record
from unsc._reference.states import name_on
from unsc._web import queries
from unsc._web.cache import json_bytes
from unsc._web.charts import Chart, hbar, stacked_columns
from unsc._web.deps import ServicesDep
from unsc._web.errors import WebError
from unsc._web.kept_responses import keep
from unsc._web.render import render
from unsc._web.routes.api_common import ERRORS, JSON, ErrorOut
from unsc._web.services import Services

router = APIRouter()

DEFAULT_RULE = RuleVariant.DOUBLE_VETO
TOP_MEMBERS = 20
RULES = ", ".join(v.value for v in RuleVariant)


class ChangeOut(BaseModel):
    """A decision whose outcome changes under the variant."""

    date: dt.date
    ref: str
    key: str | None
    before: str
    after: str
    members: list[str]


class ReplayOut(BaseModel):
    """``unsc replay --rule VARIANT --json``."""

    rule: str
    description: str
    replayed: int
    changed: int
    skipped: dict[str, int]
    by_change: dict[str, int]
    by_decade: dict[str, int]
    by_member: dict[str, int]
    changes: list[ChangeOut]


def report_for(services: Services, variant: RuleVariant) -> ReplayReport:
    """The replay of the whole record under ``variant``, cached while the record is unchanged."""
    return services.read(("replay", variant.value), lambda conn: replay_record(conn, variant))


def _decision_href(key: str) -> str:
    return "/decisions/" + urllib.parse.quote(key, safe="/:@")


def _label(code: str, when: dt.date) -> str:
    try:
        return f"{code} \u00b7 {name_on(code, when)}"
    except UnscError:
        return code


def charts(report: ReplayReport) -> list[Chart]:
    """Changed decisions by decade (stacked by change) and by member, each with its table."""
    if not report.changes:
        return []
    series: dict[str, dict[int, int]] = defaultdict(dict)
    last_seen: dict[str, dt.date] = {}
    for c in report.changes:
        decade = c.decision.date.year // 10 * 10
        counts = series[f"{c.before.value} \u2192 {c.after.value}"]
        counts[decade] = counts.get(decade, 0) + 1
        for m in c.members:
            last_seen[m] = c.decision.date
    decades = sorted({d for counts in series.values() for d in counts})
    by_decade = stacked_columns(
        "replay-decades",
        "Changed decisions by decade",
        list(range(decades[0], decades[-1] + 10, 10)),
        dict(sorted(series.items())),
    )
    out = [dataclasses.replace(by_decade, headers=("Change", *by_decade.headers[1:]))]
    members = list(report.by_member.items())
    if members:
        title = "Changed decisions by member whose vote makes the difference"
        if len(members) > TOP_MEMBERS:
            title += f" (top {TOP_MEMBERS})"
        out.append(
            hbar(
                "replay-members",
                title,
                [(_label(m, last_seen[m]), float(n)) for m, n in members[:TOP_MEMBERS]],
                headers=("Member", "Changed decisions"),
            )
        )
    return out


def _rows(report: ReplayReport) -> list[dict[str, Any]]:
    return [
        {
            "date": c.decision.date.isoformat(),
            "ref": c.decision.ref,
            "href": _decision_href(c.decision.key) if c.decision.key else None,
            "before": c.before.value,
            "after": c.after.value,
            "members": c.members,
        }
        for c in report.changes
    ]


@router.get("/replay", response_class=HTMLResponse, include_in_schema=False)
def replay_page(
    request: Request, services: ServicesDep, rule: str = DEFAULT_RULE.value
) -> HTMLResponse:
    """What changes when every recorded decision is replayed under a rule variant."""
    variant = parse_variant(rule)
    banner = services.record_banner()
    report = None if banner else report_for(services, variant)
    skipped = []
    if report is not None:
        skipped = [
            {"code": code, "count": n, "message": SkipReason(code).message}
            for code, n in sorted(report.skipped.items())
        ]
    page = render(
        request,
        "pages/replay.html",
        {
            "title": f"Replay: {variant.value}",
            "banner": banner,
            "variants": list(RuleVariant),
            "variant": variant,
            "report": report,
            "skipped": skipped,
            "skipped_total": sum(s["count"] for s in skipped),
            "charts": charts(report) if report else [],
            "rows": _rows(report) if report else [],
        },
    )
    return page if banner else keep(request, page, page=True)


@router.get(
    "/api/replay",
    tags=["api"],
    responses={200: {"model": ReplayOut}, 503: {"model": ErrorOut}, **ERRORS},
)
def replay_api(
    request: Request,
    services: ServicesDep,
    rule: Annotated[str, Query(description=f"The rule variant: one of {RULES}")],
) -> Response:
    """Replay every recorded decision under a rule variant (``unsc replay --rule R --json``)."""
    variant = parse_variant(rule)
    if services.read(("decision_count",), queries.decision_count) == 0:
        raise WebError(503, f"the record is empty: there are no decisions to replay; {EMPTY_HINT}")
    report = report_for(services, variant)
    body = services.cache.get(("replay_json", variant.value), lambda: json_bytes(report.to_dict()))
    return keep(request, Response(body, media_type=JSON))
