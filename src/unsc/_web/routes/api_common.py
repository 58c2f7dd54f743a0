"""What the JSON API shares: the error shape, its responses, the record's filters.

The endpoints live beside the pages of their resource, one module of this
package each: ``GET /api/council/{date}`` in ``council``, ``POST /api/vote``
in ``vote``, ``GET /api/vetoes`` in ``vetoes``, ``/api/resolutions`` and
``/api/drafts`` in ``record``, ``/api/presidents`` in ``presidents``,
``/api/mandates`` in ``mandates``, ``/api/power`` in ``power``,
``/api/search`` in ``search``, ``/api/members/{code}`` in ``members``,
``/api/decisions/{key}`` in ``decisions``, ``/api/status`` and
``POST /api/load`` in ``load``. Each is the CLI's command with ``--json``, with
the same filters under the same names; a query parameter an address does not
take is a 422 (see ``deps.known_query``).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import Query
from pydantic import BaseModel

from unsc._store import query

JSON = "application/json"


class ErrorBody(BaseModel):
    """The one error shape."""

    status: int
    code: str
    message: str


class ErrorOut(BaseModel):
    """Every error response."""

    error: ErrorBody


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "Invalid input (a bad ballot, an unknown member)"},
    422: {
        "model": ErrorOut,
        "description": "A parameter of the wrong type, out of range, or one this address "
        "does not take",
    },
}

Year = Annotated[
    int | None,
    Query(ge=query.FIRST_YEAR, le=query.LAST_YEAR, description="In this year", examples=[2017]),
]
Since = Annotated[
    dt.date | None, Query(description="On or after this date (YYYY-MM-DD)", examples=["2011-01-01"])
]
Until = Annotated[
    dt.date | None,
    Query(description="On or before this date (YYYY-MM-DD)", examples=["2017-12-31"]),
]
Member = Annotated[
    str | None,
    Query(
        max_length=100,
        description="A member (code, ISO 3166-3 alias or name): decisions it voted on "
        "(with `vote`: voted so)",
        examples=["RUS"],
    ),
]
Position = Annotated[
    Literal["Y", "N", "A", "X"] | None,
    Query(description="With `member`: Y (yes), N (no), A (abstain), X (did not vote)"),
]
Outcome = Annotated[
    Literal["adopted", "vetoed", "failed"] | None,
    Query(description="The outcome (the engine's verdict, else the recorded one)"),
]
Text = Annotated[
    str | None,
    Query(
        max_length=200,
        description="Words in the agenda item, title or symbol (every word; `%` and `_` "
        "are plain characters)",
        examples=["Syria"],
    ),
]


def today() -> dt.date:
    """Today: the default date of ``/api/mandates`` and ``/api/power``."""
    return dt.date.today()
