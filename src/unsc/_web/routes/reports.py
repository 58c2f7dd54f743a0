"""Reading vote reports: paste a text, see its votes beside it, correct and confirm them.

``/extract`` reads a pasted text (nothing is stored until a vote is
confirmed); ``/reports`` lists the stored votes (candidates first) and
``/reports/{id}`` shows a stored report. Stored reports live in their own
tables (``unsc._record.reports``), apart from the official record. Writes need
the access token and the form's CSRF token, as in the Chamber; the JSON API
under ``/api/extract`` and ``/api/reports`` takes ``Authorization: Bearer``.
"""

from __future__ import annotations

import datetime as dt
import hmac
import itertools
import threading
import time
from collections.abc import Callable, Sequence
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Form, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from markupsafe import Markup, escape
from pydantic import BaseModel, Field

from unsc._engine import Kind, Outcome
from unsc._errors import InputError
from unsc._extract import ExtractedVote, ExtractTimeout, ExtractWarning, check_records, extract
from unsc._record import reports
from unsc._record.reports import ReportSpan, ReportStatus, ReportVote
from unsc._web import security
from unsc._web.deps import ApiWriter, ReadConn, RowId, ServicesDep, WriteConn
from unsc._web.errors import WebError, not_found
from unsc._web.render import render
from unsc._web.routes.api_common import ErrorOut

router = APIRouter()

MAX_TEXT = 200_000
"""Characters of text one request may submit (with the access token)."""
ANONYMOUS_MAX_TEXT = 50_000
"""Characters of text one request without the access token may submit."""
TIME_LIMIT = 5.0
"""Seconds the reader may spend on one request's text."""
RATE = 1.0
"""Reads per second an anonymous client regains (a steady 60 a minute)."""
BURST = 20
"""Reads an anonymous client may make at once before it must wait."""


class RateLimiter:
    """A token bucket per client address: ``burst`` reads at once, then ``rate`` a second."""

    def __init__(
        self, rate: float = RATE, burst: int = BURST, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.rate = rate
        self.burst = burst
        self.clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def wait(self, client: str) -> float:
        """Take one read for ``client``: 0 when allowed, else the seconds until one is."""
        now = self.clock()
        with self._lock:
            if len(self._buckets) > 10_000:  # forget clients whose buckets are full again
                full = now - self.burst / self.rate
                self._buckets = {k: v for k, v in self._buckets.items() if v[1] > full}
            tokens, last = self._buckets.get(client, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - last) * self.rate)
            if tokens < 1.0:
                self._buckets[client] = (tokens, now)
                return (1.0 - tokens) / self.rate
            self._buckets[client] = (tokens - 1.0, now)
            return 0.0


_LIMITER_LOCK = threading.Lock()


def limiter(request: Request) -> RateLimiter:
    """The app's limiter of anonymous reads (``POST /api/extract``, the ``/extract`` preview)."""
    state = request.app.state
    with _LIMITER_LOCK:
        found = getattr(state, "extract_limiter", None)
        if not isinstance(found, RateLimiter):
            found = state.extract_limiter = RateLimiter()
    return found


def _has_token(request: Request, token: str) -> bool:
    if security.is_unlocked(request, token):
        return True
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    return (
        scheme.lower() == "bearer"
        and bool(given)
        and hmac.compare_digest(given.strip().encode(), token.encode())
    )


def bounded_extract(
    request: Request, token: str, text: str, dateline: dt.date | None
) -> tuple[ExtractedVote, ...]:
    """Read ``text`` within the limits of one request.

    Without the access token a client may send at most ``ANONYMOUS_MAX_TEXT``
    characters (413) and make ``BURST`` reads at once, then ``RATE`` a second
    (429); every read stops after ``TIME_LIMIT`` seconds (503).
    """
    if not _has_token(request, token):
        if len(text) > ANONYMOUS_MAX_TEXT:
            raise WebError(
                413,
                f"the text has {len(text)} characters; without the access token at most "
                f"{ANONYMOUS_MAX_TEXT} are read",
                code="too_large",
            )
        client = request.client.host if request.client else "unknown"
        wait = limiter(request).wait(client)
        if wait > 0:
            raise WebError(
                429,
                f"too many texts read from this address; try again in {wait:.0f} s "
                "(or use the access token)",
                code="rate_limited",
            )
    try:
        return extract(text, dateline=dateline, time_limit=TIME_LIMIT)
    except ExtractTimeout as exc:
        raise WebError(503, f"{exc}; send a shorter text", code="timeout") from None


NOTE = (
    "Votes read from reports are kept apart from the official record: they are your own "
    "records, confirmed by you (or by the reader when it raised no warning), never a source "
    "of the record's decisions."
)
FIELD_LABELS = {
    "question": "the question",
    "draft": "draft",
    "resolution": "resolution",
    "yes": "yes votes",
    "no": "no votes",
    "abstain": "abstentions",
    "not_voting": "not voting",
    "members_yes": "voted yes",
    "members_no": "voted no",
    "members_abstain": "abstained",
    "members_not_voting": "did not vote",
    "members_inferred": "by elimination",
    "vetoed_by": "vetoed",
    "sponsor": "sponsor",
    "outcome": "outcome",
}
STATUS_FILTERS = ("candidate", "confirmed", "rejected", "all")
COLOURS = 6


def _redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def _dateline(value: str) -> dt.date | None:
    if not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(f"bad dateline {value!r}", hint="write dates as YYYY-MM-DD") from None


# --- Highlighting -------------------------------------------------------------------------


def _title(labels: Sequence[tuple[int, str]]) -> str:
    by_vote: dict[int, list[str]] = {}
    for seq, field in labels:
        by_vote.setdefault(seq, []).append(FIELD_LABELS.get(field, field))
    return "; ".join(f"vote {seq}: {', '.join(fields)}" for seq, fields in by_vote.items())


def highlighted(text: str, spans: Sequence[tuple[int, Sequence[ReportSpan]]]) -> Markup:
    """The text, escaped, with each vote's supporting words marked.

    ``spans`` pairs a vote's number with its spans. Values are ``<mark>``
    elements (class ``vN``: the vote's colour; ``multi`` when several votes
    share the words); the question's wording is underlined. Every mark's
    title says which vote and field it supports.
    """
    cuts = {0, len(text)}
    for _, vote_spans in spans:
        for span in vote_spans:
            cuts.update((span.start, span.end))
    points = sorted(c for c in cuts if 0 <= c <= len(text))
    at = {point: i for i, point in enumerate(points)}
    covering: list[list[tuple[int, str]]] = [[] for _ in points]
    for seq, vote_spans in spans:
        for span in vote_spans:
            if span.start not in at or span.end not in at:
                continue  # not within the text
            for i in range(at[span.start], at[span.end]):
                covering[i].extend((seq, field) for field in span.fields)
    pieces: list[tuple[int, int, tuple[tuple[int, str], ...]]] = []
    for i, (a, b) in enumerate(itertools.pairwise(points)):
        labels = tuple(covering[i])
        if pieces and pieces[-1][2] == labels:
            pieces[-1] = (pieces[-1][0], b, labels)
        else:
            pieces.append((a, b, labels))
    out: list[str] = []
    for a, b, labels in pieces:
        words = escape(text[a:b])
        values = [(seq, f) for seq, f in labels if f != "question"]
        if values:
            seqs = sorted({seq for seq, _ in values})
            classes = " ".join([f"v{seqs[0] % COLOURS}", *(["multi"] if len(seqs) > 1 else [])])
            out.append(
                f'<mark class="{classes}" data-votes="{" ".join(map(str, seqs))}" '
                f'title="{escape(_title(labels))}">{words}</mark>'
            )
        elif labels:
            seqs = sorted({seq for seq, _ in labels})
            out.append(
                f'<span class="asked v{seqs[0] % COLOURS}" title="{escape(_title(labels))}">'
                f"{words}</span>"
            )
        else:
            out.append(str(words))
    return Markup("".join(out))


# --- What a vote's card shows ----------------------------------------------------------


def _evidence(spans: Sequence[ReportSpan]) -> list[dict[str, str]]:
    seen: dict[str, list[str]] = {}
    for span in spans:
        if "question" in span.fields and len(span.fields) == 1:
            continue
        fields = seen.setdefault(span.text, [])
        for field in span.fields:
            label = FIELD_LABELS.get(field, field)
            if field != "question" and label not in fields:
                fields.append(label)
    return [{"text": text, "fields": ", ".join(fields)} for text, fields in seen.items()]


def _warnings(vote: ExtractedVote) -> list[tuple[str, str]]:
    out = []
    for code in vote.warnings:
        try:
            out.append((code, ExtractWarning(code).message))
        except ValueError:
            out.append((code, code.replace("_", " ")))
    return out


def _form_values(vote: ExtractedVote) -> dict[str, str]:
    data = vote.to_dict()
    values: dict[str, str] = {}
    for field in reports.EDITABLE_FIELDS:
        value = data[field]
        if isinstance(value, list):
            values[field] = ", ".join(value)
        elif value is None or isinstance(value, bool):
            values[field] = ""
        else:
            values[field] = str(value)
    return values


def _item(
    *,
    seq: int,
    key: str,
    vote: ExtractedVote,
    spans: Sequence[ReportSpan],
    action: str,
    hidden: dict[str, str] | None = None,
    stored: ReportVote | None = None,
) -> dict[str, Any]:
    return {
        "seq": seq,
        "key": key,
        "colour": seq % COLOURS,
        "vote": vote,
        "values": _form_values(vote),
        "warnings": _warnings(vote),
        "evidence": _evidence(spans),
        "action": action,
        "hidden": hidden or {},
        "status": stored.status.value if stored else None,
        "corrections": stored.corrections if stored else {},
        "reject_action": f"/reports/votes/{stored.id}/reject" if stored else None,
    }


def _choices() -> dict[str, Any]:
    return {
        "kinds": [k.value for k in Kind],
        "outcomes": [o.value for o in Outcome],
        "note": NOTE,
    }


# --- Pages ------------------------------------------------------------------------------


@router.get("/extract", response_class=HTMLResponse, include_in_schema=False)
def extract_page(request: Request) -> HTMLResponse:
    """The form: paste a text, optionally its dateline and source."""
    return render(
        request,
        "pages/reports_extract.html",
        {
            "title": "Read a report",
            "text": "",
            "dateline": "",
            "file": "",
            "result": None,
            **_choices(),
        },
    )


@router.post("/extract", response_class=HTMLResponse, include_in_schema=False)
def extract_preview(
    request: Request,
    conn: ReadConn,
    services: ServicesDep,
    text: Annotated[str, Form(max_length=MAX_TEXT)],
    dateline: Annotated[str, Form(max_length=20)] = "",
    file: Annotated[str, Form(max_length=300)] = "",
) -> Any:
    """Read the pasted text: its votes beside it, nothing stored (a text stored before opens)."""
    text = reports.normalise_text(text)
    day = _dateline(dateline)
    existing = reports.report_by_sha256(conn, reports.text_sha256(text))
    if existing is not None:
        return _redirect(f"/reports/{existing.id}?seen=1")
    votes = bounded_extract(request, services.settings.token, text, day)
    spans = [reports.supporting_spans(text, v) for v in votes]
    hidden = {"text": text, "dateline": day.isoformat() if day else "", "file": file}
    items = [
        _item(
            seq=seq,
            key=f"new-{seq}",
            vote=vote,
            spans=vote_spans,
            action="/extract/confirm",
            hidden={**hidden, "seq": str(seq)},
        )
        for seq, (vote, vote_spans) in enumerate(zip(votes, spans, strict=True), start=1)
    ]
    return render(
        request,
        "pages/reports_extract.html",
        {
            "title": "Read a report",
            "text": text,
            "dateline": hidden["dateline"],
            "file": file,
            "result": {
                "items": items,
                "marked": highlighted(text, list(enumerate(spans, start=1))),
                "sha256": reports.text_sha256(text),
                "hidden": hidden,
            },
            **_choices(),
        },
    )


async def corrections_form(request: Request) -> dict[str, object]:
    """The record's fields from a vote's form (every field; an unticked box is false)."""
    form = await request.form()
    values: dict[str, object] = {
        field: str(form[field]) for field in reports.EDITABLE_FIELDS if field in form
    }
    if "kind" in form:  # the whole record was submitted: an unticked box means false
        values["procedural"] = "procedural" in form
    return values


Corrections = Annotated[dict[str, object], Depends(corrections_form)]


@router.post("/extract/confirm", include_in_schema=False)
def extract_confirm(
    conn: WriteConn,
    corrections: Corrections,
    text: Annotated[str, Form(max_length=MAX_TEXT)],
    seq: Annotated[int, Form()],
    dateline: Annotated[str, Form(max_length=20)] = "",
    file: Annotated[str, Form(max_length=300)] = "",
) -> RedirectResponse:
    """Store the text (its other votes as candidates) and confirm this vote, as corrected."""
    loaded = reports.store_report(
        conn, text, file=file or "pasted text", dateline=_dateline(dateline), auto_confirm=False
    )
    stored = next((v for v in loaded.report.votes if v.seq == seq), None)
    if stored is None:
        raise not_found(f"vote {seq} of the report")
    reports.confirm_vote(conn, stored.id, corrections)
    return _redirect(f"/reports/{loaded.report.id}#vote-{stored.id}")


@router.post("/extract/save", include_in_schema=False)
def extract_save(
    conn: WriteConn,
    text: Annotated[str, Form(max_length=MAX_TEXT)],
    dateline: Annotated[str, Form(max_length=20)] = "",
    file: Annotated[str, Form(max_length=300)] = "",
) -> RedirectResponse:
    """Store the text with every vote a candidate, to review later."""
    loaded = reports.store_report(
        conn, text, file=file or "pasted text", dateline=_dateline(dateline), auto_confirm=False
    )
    return _redirect(f"/reports/{loaded.report.id}")


@router.get("/reports", response_class=HTMLResponse, include_in_schema=False)
def index(request: Request, conn: ReadConn, status: str = "candidate") -> HTMLResponse:
    """The stored votes of one status (candidates by default), and the stored reports."""
    if status not in STATUS_FILTERS:
        raise WebError(422, f"status: use one of {', '.join(STATUS_FILTERS)}")
    votes = reports.report_votes(conn, status=None if status == "all" else status)
    return render(
        request,
        "pages/reports_index.html",
        {
            "title": "Reports",
            "status": status,
            "filters": STATUS_FILTERS,
            "votes": votes,
            "reports": reports.list_reports(conn),
            "note": NOTE,
        },
    )


@router.get("/reports/{report_id}", response_class=HTMLResponse, include_in_schema=False)
def report_page(
    request: Request, conn: ReadConn, report_id: RowId, seen: bool = False
) -> HTMLResponse:
    """A stored report: the text with the supporting words, each vote with its forms."""
    report = reports.get_report(conn, report_id)
    if report is None:
        raise not_found(f"report {report_id}")
    items = [
        _item(
            seq=v.seq,
            key=str(v.id),
            vote=v.vote,
            spans=v.spans,
            action=f"/reports/votes/{v.id}/confirm",
            stored=v,
        )
        for v in report.votes
    ]
    return render(
        request,
        "pages/reports_report.html",
        {
            "title": f"Report {report.id}: {report.file}",
            "report": report,
            "seen": seen,
            "result": {
                "items": items,
                "marked": highlighted(report.text, [(v.seq, v.spans) for v in report.votes]),
                "sha256": report.sha256,
                "hidden": None,
            },
            **_choices(),
        },
    )


def _stored(conn: Any, vote_id: int) -> ReportVote:
    found = reports.report_vote(conn, vote_id)
    if found is None:
        raise not_found(f"report vote {vote_id}")
    return found


@router.post("/reports/votes/{vote_id}/confirm", include_in_schema=False)
def confirm(conn: WriteConn, vote_id: RowId, corrections: Corrections) -> RedirectResponse:
    """Confirm a stored vote, with the corrections made in its form."""
    stored = _stored(conn, vote_id)
    reports.confirm_vote(conn, vote_id, corrections)
    return _redirect(f"/reports/{stored.report_id}#vote-{vote_id}")


@router.post("/reports/votes/{vote_id}/reject", include_in_schema=False)
def reject(conn: WriteConn, vote_id: RowId) -> RedirectResponse:
    """Reject a stored vote."""
    stored = _stored(conn, vote_id)
    reports.reject_vote(conn, vote_id)
    return _redirect(f"/reports/{stored.report_id}#vote-{vote_id}")


@router.post("/reports/unlock", include_in_schema=False)
def unlock(
    request: Request,
    services: ServicesDep,
    token: Annotated[str, Form()] = "",
    csrf: Annotated[str | None, Form()] = None,
    next: Annotated[str, Form()] = "/reports",
) -> RedirectResponse:
    """Exchange the access token for the auth cookie, then go back to the page."""
    security.check_csrf(request, csrf)
    if not token or not hmac.compare_digest(token.encode(), services.settings.token.encode()):
        raise WebError(403, "the access token is wrong")
    back = next if next == "/extract" or next.startswith("/reports") else "/reports"
    response = _redirect(back)
    response.set_cookie(
        security.AUTH_COOKIE,
        security.auth_cookie_value(services.settings.token),
        httponly=True,
        samesite="strict",
        secure=services.settings.secure_cookies,
    )
    return response


# --- The JSON API -----------------------------------------------------------------------


class ReportIn(BaseModel):
    """A text to read: its source's name and, optionally, the date relative days are read by."""

    text: str = Field(max_length=MAX_TEXT)
    file: str = Field(default="pasted text", max_length=300)
    dateline: dt.date | None = None


FORBIDDEN: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "Invalid input (a bad correction)"},
    403: {"model": ErrorOut, "description": "The access token is missing or wrong"},
    404: {"model": ErrorOut, "description": "No such report or vote"},
}


EXTRACT_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "Invalid input"},
    413: {"model": ErrorOut, "description": "Text too long for a caller without the token"},
    429: {"model": ErrorOut, "description": "Too many reads from this address"},
    503: {"model": ErrorOut, "description": "The text took too long to read"},
}


@router.post("/api/extract", tags=["reports"], responses=EXTRACT_ERRORS)
def api_extract(
    request: Request, conn: ReadConn, services: ServicesDep, body: ReportIn
) -> JSONResponse:
    """Read a text (``unsc extract --json`` for one file), with each record's supporting spans.

    Nothing is stored; ``stored_report`` is the id of the stored report with the
    same text, if any. ``checks`` explains each record's warnings and, when the
    record of decisions is loaded, compares it with the decision its resolution
    number or draft symbol names (``record``: the decision's key, the fields that
    agree, a message per field that differs; a difference is also the warning
    ``disagrees_with_record``). Without `Authorization: Bearer TOKEN` a text may have at
    most 50,000 characters (413) and an address may read 20 texts at once,
    then one a second (429); every read stops after 5 seconds (503).
    """
    text = reports.normalise_text(body.text)
    digest = reports.text_sha256(text)
    existing = reports.report_by_sha256(conn, digest)
    votes = bounded_extract(request, services.settings.token, text, body.dateline)
    checked = check_records(conn, votes)
    if checked is not None:
        votes = tuple(v for v, _ in checked)
    return JSONResponse(
        {
            "file": body.file,
            "sha256": digest,
            "stored_report": existing.id if existing else None,
            "records": [v.to_dict() for v in votes],
            "checks": [
                {
                    "warnings": [ExtractWarning(w).message for w in v.warnings],
                    "record": checked[i][1].to_dict() if checked is not None else None,
                }
                for i, v in enumerate(votes)
            ],
            "spans": [[s.to_dict() for s in reports.supporting_spans(text, v)] for v in votes],
        }
    )


@router.get("/api/reports", tags=["reports"], responses={422: {"model": ErrorOut}})
def api_votes(conn: ReadConn, status: ReportStatus | None = None) -> JSONResponse:
    """Stored votes read from reports (``unsc reports --json``), of one status if given."""
    return JSONResponse([v.to_dict() for v in reports.report_votes(conn, status=status)])


@router.post("/api/reports", tags=["reports"], status_code=201, responses=FORBIDDEN)
def api_store(services: ServicesDep, _: ApiWriter, body: ReportIn) -> JSONResponse:
    """Store a text and its votes, as ``unsc extract --load`` does (201; 200 if stored before).

    Votes without warnings are stored confirmed, the others as candidates.
    Needs ``Authorization: Bearer TOKEN``.
    """
    with services.writer.begin() as conn:
        loaded = reports.store_report(conn, body.text, file=body.file, dateline=body.dateline)
    return JSONResponse(
        {"created": loaded.created, **loaded.report.to_dict()},
        status_code=201 if loaded.created else 200,
    )


@router.get("/api/reports/votes/{vote_id}", tags=["reports"], responses=FORBIDDEN)
def api_vote(conn: ReadConn, vote_id: RowId) -> JSONResponse:
    """One stored vote."""
    return JSONResponse(_stored(conn, vote_id).to_dict())


@router.get("/api/reports/{report_id}", tags=["reports"], responses=FORBIDDEN)
def api_report(conn: ReadConn, report_id: RowId) -> JSONResponse:
    """A stored report: its text, provenance and votes."""
    report = reports.get_report(conn, report_id)
    if report is None:
        raise not_found(f"report {report_id}")
    return JSONResponse(report.to_dict())


@router.post("/api/reports/votes/{vote_id}/confirm", tags=["reports"], responses=FORBIDDEN)
def api_confirm(
    services: ServicesDep,
    _: ApiWriter,
    vote_id: RowId,
    corrections: Annotated[
        dict[str, Any] | None,
        Body(
            description="Fields to correct first, in the shape of `unsc extract --json`",
            openapi_examples={"a count": {"value": {"abstain": 3, "members_abstain": []}}},
        ),
    ] = None,
) -> JSONResponse:
    """Confirm a stored vote, correcting fields first. Needs ``Authorization: Bearer TOKEN``."""
    with services.writer.begin() as conn:
        _stored(conn, vote_id)
        return JSONResponse(reports.confirm_vote(conn, vote_id, corrections).to_dict())


@router.post("/api/reports/votes/{vote_id}/reject", tags=["reports"], responses=FORBIDDEN)
def api_reject(services: ServicesDep, _: ApiWriter, vote_id: RowId) -> JSONResponse:
    """Reject a stored vote. Needs ``Authorization: Bearer TOKEN``."""
    with services.writer.begin() as conn:
        _stored(conn, vote_id)
        return JSONResponse(reports.reject_vote(conn, vote_id).to_dict())
