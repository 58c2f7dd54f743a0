"""Procedural votes as decisions of the record, from ``_reference/data/procedural_votes.csv``.

The UN Library's tables do not tabulate procedural votes (motions, agenda
votes, invitations; ``../shared/rules.md`` 7), so the record takes the ones the
sources here state: the founding story's postponement motion of 24 Oct 2017
(4-8-3, S/PV.8073) and the votes on invitations that ``rules.md`` 2.8 records.
Each row names its source. They join every rebuild of a non-empty record as
observations of their own source (:attr:`Source.PROCEDURAL_TABLE`), are never
merged with another source's account of a draft at the same meeting, and are
adjudicated as procedural. Members are kept where the source names them
(``known_votes``), which is not a full ballot.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
from collections.abc import Sequence
from importlib import resources

from unsc._engine import Kind, Outcome, Position
from unsc._errors import ReferenceDataError
from unsc._sources.model import (
    DecisionObservation,
    Observation,
    Provenance,
    Source,
)

FILE = "procedural_votes.csv"
"""The table's name in ``unsc/_reference/data``."""

PROVENANCE_FILE = f"unsc/_data/{FILE}"
"""How the table is named in provenance."""

_LISTS = (
    ("yes_members", Position.YES),
    ("no_members", Position.NO),
    ("abstain_members", Position.ABSTAIN),
)


def _count(row: dict[str, str], column: str, where: str) -> int | None:
    value = row[column].strip()
    if not value:
        return None
    if not value.isdigit():
        raise ReferenceDataError(f"{where}: {column} {value!r} is not a count")
    return int(value)


@functools.cache
def observations() -> tuple[DecisionObservation, ...]:
    """One observation per row of the table."""
    text = (
        resources.files("unsc")
        .joinpath("_reference")
        .joinpath("data")
        .joinpath(FILE)
        .read_text(encoding="utf-8")
    )
    out = []
    for line, row in enumerate(csv.DictReader(io.StringIO(text)), start=2):
        where = f"_reference/data/{FILE}, line {line}"
        if not row["source"].strip():
            raise ReferenceDataError(f"{where}: every procedural vote needs its source")
        known: dict[str, Position] = {}
        for column, position in _LISTS:
            for code in filter(None, (c.strip() for c in row[column].split(";"))):
                known[code] = position
        outcome = Outcome(row["outcome"]) if row["outcome"] else None
        out.append(
            DecisionObservation(
                prov=Provenance(Source.PROCEDURAL_TABLE, PROVENANCE_FILE, line),
                date=dt.date.fromisoformat(row["date"]),
                kind=Kind(row["kind"]),
                meeting=row["meeting"] or None,
                procedural=True,
                outcome=outcome,
                yes=_count(row, "yes", where),
                no=_count(row, "no", where),
                abstain=_count(row, "abstain", where),
                not_voting=_count(row, "not_voting", where),
                description=row["question"],
                flags=("procedural_vote",),
                notes=(
                    f"order {row['order']} at its meeting",
                    f"source: {row['source']}",
                    *(
                        [
                            "members named by the source: "
                            + ", ".join(f"{c} {p.value}" for c, p in sorted(known.items()))
                        ]
                        if known
                        else []
                    ),
                ),
                known_votes=known,
            )
        )
    return tuple(out)


def procedural_votes(stored: Sequence[Observation]) -> tuple[DecisionObservation, ...]:
    """The table's observations, for a record that holds any decision (else none)."""
    if any(isinstance(o, DecisionObservation) for o in stored):
        return observations()
    return ()


def key_of(o: DecisionObservation) -> str:
    """The decision key of a procedural vote: ``procedural:S/PV.8073@2017-10-24#1``."""
    order = next((n.split()[1] for n in o.notes if n.startswith("order ")), "1")
    where = f"{o.meeting}@" if o.meeting else ""
    return f"procedural:{where}{o.date.isoformat()}#{order}"
