"""The record explorer: resolutions, drafts and vetoes with filters, facets and downloads.

And the lists as JSON: ``GET /api/resolutions`` and ``GET /api/drafts``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import urllib.parse
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup, escape
from pydantic import BaseModel

from unsc._store import query
from unsc._web import queries
from unsc._web.deps import ServicesDep, form_guard
from unsc._web.errors import WebError
from unsc._web.kept_responses import keep
from unsc._web.queries import Filters
from unsc._web.render import agenda_spans, decision_link, render
from unsc._web.routes.api_common import (
    ERRORS,
    JSON,
    Member,
    Outcome,
    Position,
    Since,
    Text,
    Until,
    Year,
)

router = APIRouter()

PER_PAGE = 50


def _year(name: str, value: str | None) -> int | None:
    if value is None or not value.strip():
        return None
    text = value.strip()
    if not (text.isascii() and text.isdigit()) or not 1946 <= int(text) <= 2100:
        raise WebError(422, f"{name}: must be a year between 1946 and 2100, not {value!r}")
    return int(text)


def _day(name: str, value: str | None) -> dt.date | None:
    if value is None or not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise WebError(422, f"{name}: must be a date YYYY-MM-DD, not {value!r}") from None


def explorer_filters(
    view: str = "resolutions",
    year_from: Annotated[str | None, Query(alias="from")] = None,
    year_to: Annotated[str | None, Query(alias="to")] = None,
    member: str | None = None,
    vote: str | None = None,
    outcome: str | None = None,
    q: str | None = None,
    year: str | None = None,
    since: str | None = None,
    until: str | None = None,
    text: str | None = None,
) -> Filters:
    """The explorer's filters from the query string (empty fields ignored).

    Beside its form's names (``from``/``to`` years, ``q``), the explorer takes
    the names the command line and the API use: ``year``, ``since``/``until``
    (dates) and ``text``.
    """
    first, last = _year("from", year_from), _year("to", year_to)
    one = _year("year", year)
    if one is not None:
        if (first or one) != one or (last or one) != one:
            raise WebError(422, "year: give either year or from/to, not both")
        first = last = one
    words = " ".join(w for w in (q, text) if w and w.strip()) or None
    return queries.check_filters(
        Filters(
            view=view,
            year_from=first,
            year_to=last,
            since=_day("since", since),
            until=_day("until", until),
            member=(member or "").strip() or None,
            vote=(vote or "").strip() or None,
            outcome=(outcome or "").strip() or None,
            text=words,
        )
    )


FiltersDep = Annotated[Filters, Depends(explorer_filters)]


@dataclass(frozen=True, slots=True)
class Order:
    """The explorer's order: a column of :data:`queries.SORTS`, ascending or descending."""

    sort: str = "date"
    descending: bool = False

    def params(self) -> dict[str, str]:
        """The order as query parameters (none for the default)."""
        out = {} if self.sort == "date" else {"sort": self.sort}
        return out | ({"dir": "desc"} if self.descending else {})

    def query(self, filters: Filters, **changes: object) -> str:
        """The query string of ``filters`` in this order, with ``changes`` applied."""
        return urllib.parse.urlencode(filters.params(**(self.params() | changes)))

    def sorted_by(self, filters: Filters, column: str) -> str:
        """The query string that sorts by ``column`` from page 1: ascending, then reversed."""
        descending = column == self.sort and not self.descending
        return urllib.parse.urlencode(
            filters.params(
                sort=None if column == "date" else column, dir="desc" if descending else None
            )
        )


def explorer_order(sort: str = "date", dir: str = "asc") -> Order:
    """The order from the query string, or a 422 naming the choices."""
    if sort not in queries.SORTS:
        raise WebError(422, f"sort: unknown column {sort!r} (one of {', '.join(queries.SORTS)})")
    if dir not in {"asc", "desc"}:
        raise WebError(422, f"dir: {dir!r} is neither asc nor desc")
    return Order(sort, dir == "desc")


OrderDep = Annotated[Order, Depends(explorer_order)]


def page_links(page: int, pages: int, *, around: int = 2) -> list[int | None]:
    """The page numbers to link: the first, the last, and those around ``page``; ``None`` a gap.

    >>> page_links(1, 3), page_links(10, 56)
    ([1, 2, 3], [1, None, 8, 9, 10, 11, 12, None, 56])
    """
    shown = sorted({1, pages, *range(max(1, page - around), min(pages, page + around) + 1)})
    out: list[int | None] = []
    for n in shown:
        if out and n - (out[-1] or 0) > 1:
            out.append(None)
        out.append(n)
    return out


@router.get("/record", tags=["pages"], include_in_schema=False, response_class=HTMLResponse)
def explorer(
    request: Request,
    services: ServicesDep,
    filters: FiltersDep,
    order: OrderDep,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> HTMLResponse:
    """One page of the filtered view, in the order asked, with facets and download links.

    A page past the last answers 404, naming how many pages there are.
    """
    whole = None
    if services.cache.enabled and queries.by_year_only(filters):
        # counted from the whole view's groups, read once per record state
        whole = services.read(
            ("explore_groups", filters.view),
            lambda conn: queries.view_groups(conn, filters.view),
        )
    result = services.read(
        ("explore", filters, order, page),
        lambda conn: queries.explore(
            conn,
            filters,
            page=page,
            per_page=PER_PAGE,
            sort=order.sort,
            descending=order.descending,
            whole=whole,
        ),
    )
    pages = max(1, -(-result["total"] // PER_PAGE))
    if page > pages:
        raise WebError(
            404,
            f"page {page} of {pages}: these filters match {result['total']} {filters.view}",
        )
    return render(
        request,
        "pages/explorer.html",
        {
            "title": "Record explorer",
            "filters": filters,
            "order": order,
            "result": result,
            "page": page,
            "pages": pages,
            "page_links": page_links(page, pages),
            "row_html": row_html(result["rows"]),
            "per_page": PER_PAGE,
            "banner": services.record_banner(),
            "views": queries.VIEWS,
            "outcomes": queries.OUTCOMES,
            "positions": queries.POSITIONS,
        },
    )


EN_DASH = "\u2013"
TALLY = ("yes", "no", "abstain")


def row_html(rows: list[dict[str, Any]]) -> Markup:
    """The explorer table's rows, written here rather than cell by cell in the template.

    Fifty rows of seven cells were a third of an uncached explorer page's time
    in the template's loop; the markup is the template's, byte for byte.
    """
    if not rows:
        return Markup('    <tr><td colspan="7">No rows.</td></tr>')
    out = []
    for r in rows:
        key = r["key"]
        resolution = decision_link(key, r["resolution"]) if r["resolution"] else ""
        if r["draft"]:
            draft = decision_link(key, r["draft"])
        else:
            draft = "" if r["resolution"] else decision_link(key, key)
        agenda = agenda_spans(r["agenda"])
        tally = "" if r["yes"] is None else escape(EN_DASH.join(str(r[k]) for k in TALLY))
        outcome = escape(r["adjudicated_outcome"] or r["recorded_outcome"] or "")
        vetoed = ", ".join(
            f'<a href="/members/{escape(c)}">{escape(c)}</a>' for c in r["vetoed_by"]
        )
        out.append(
            f"    <tr>\n      <td>{escape(r['date'])}</td>\n      <td>{resolution}</td>\n"
            f"      <td>{draft}</td>\n      <td>{agenda}</td>\n      <td>{tally}</td>\n"
            f"      <td>{outcome}</td>\n      <td>{vetoed}</td>\n    </tr>"
        )
    return Markup("\n".join(out))


def _csv(rows: list[dict[str, object]]) -> str:
    out = io.StringIO()
    if rows:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: ";".join(v) if isinstance(v, list) else v for k, v in row.items()})
    return out.getvalue()


@router.get("/record/download.{fmt}", tags=["pages"], include_in_schema=False)
def download(services: ServicesDep, filters: FiltersDep, order: OrderDep, fmt: str) -> Response:
    """Every row of the filtered view, in the explorer's order, as CSV or JSON."""
    if fmt not in {"csv", "json"}:
        raise WebError(404, f"no download format {fmt!r}; use .csv or .json")
    rows = services.read(
        ("rows", filters, order),
        lambda conn: queries.explore_rows(
            conn, filters, sort=order.sort, descending=order.descending
        ),
    )
    name = f"unsc-{filters.view}"
    if fmt == "csv":
        return Response(
            _csv(rows),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
        )
    return Response(
        json.dumps(rows, ensure_ascii=False, indent=1),
        media_type="application/json",
        headers={"Content-Disposition": f'attachment; filename="{name}.json"'},
    )


@router.post(
    "/record/load", tags=["pages"], include_in_schema=False, dependencies=[Depends(form_guard)]
)
def load(services: ServicesDep) -> RedirectResponse:
    """Start loading the record in the background (needs the access token)."""
    services.loader.start()
    return RedirectResponse("/record", status_code=303)


class RecordRowOut(BaseModel):
    """``unsc resolutions --json`` (one row)."""

    key: str
    date: dt.date
    meeting: str | None
    kind: str
    procedural: bool | None
    draft: str | None
    resolution: int | None
    agenda: str | None
    yes: int | None
    no: int | None
    abstain: int | None
    not_voting: int | None
    recorded_outcome: str | None
    adjudicated_outcome: str | None
    agrees: bool | None
    vetoed_by: list[str]
    sources: list[str]


@router.get("/api/resolutions", tags=["api"], response_model=list[RecordRowOut], responses=ERRORS)
def resolutions(
    request: Request,
    services: ServicesDep,
    year: Year = None,
    since: Since = None,
    until: Until = None,
    member: Member = None,
    vote: Position = None,
    text: Text = None,
) -> Response:
    """Adopted resolutions, by number (``unsc resolutions --json``)."""
    filters: dict[str, Any] = {
        "year": year,
        "since": since,
        "until": until,
        "member": member,
        "vote": vote,
        "text": text,
    }
    body = services.read_json(
        ("resolutions", *filters.values()), lambda conn: query.resolutions(conn, **filters)
    )
    return keep(request, Response(body, media_type=JSON))


@router.get("/api/drafts", tags=["api"], response_model=list[RecordRowOut], responses=ERRORS)
def drafts(
    request: Request,
    services: ServicesDep,
    failed: Annotated[
        bool, Query(description="Only drafts not adopted (vetoed or failed)")
    ] = False,
    year: Year = None,
    since: Since = None,
    until: Until = None,
    member: Member = None,
    vote: Position = None,
    outcome: Outcome = None,
    text: Text = None,
) -> Response:
    """Every question put to the vote, oldest first (``unsc drafts --json``)."""
    filters: dict[str, Any] = {
        "failed": failed,
        "year": year,
        "since": since,
        "until": until,
        "member": member,
        "vote": vote,
        "outcome": outcome,
        "text": text,
    }
    body = services.read_json(
        ("drafts", *filters.values()), lambda conn: query.drafts(conn, **filters)
    )
    return keep(request, Response(body, media_type=JSON))
