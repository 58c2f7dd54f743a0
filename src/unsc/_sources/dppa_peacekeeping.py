"""Importer for the UN DPPA/DPO list of peacekeeping operations (``DPPADPOSS-PKO.csv``).

One row per mission (``shared/data/MANIFEST.md`` §6). Each becomes an
:class:`~unsc._sources.model.ExtraObservation` of kind ``pko_mission`` with the
acronym, name, whether the list calls it active, start and end dates, location
and coordinates. Quirks handled, each flagged on the observation:

``active_spelling``
    ``mission_isactive`` spelled other than ``Yes``/``No`` (``NO``, MINUSTAH);
    read case-insensitively.
``decimal_comma``
    Coordinates written with a decimal comma (``15,9833``): read as numbers.
``coordinates_swapped``
    Longitude and latitude exchanged in the file (:data:`SWAPPED_COORDINATES`,
    checked against the mission's location); put back in place.
``aggregate``
    A row that sums up two operations listed separately (``UNEF`` =
    UNEF I & II): kept, but not a body of its own.
``name_truncated``
    A name cut at an embedded quote (DOMREP): completed from
    :data:`NAME_FIXES`.
``no_dates``
    Neither a start nor an end date (UNOHCI, UNFOR).

The list shows some missions as active after they closed (MINUSMA closed on
31 Dec 2023); that is corrected by the mandate facts, not here, so that the
disagreement is reported (see ``unsc._mandates.facts``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

from unsc._sources.csv_reader import Row, header_matches, is_csv, read_rows
from unsc._sources.model import ExtraObservation, Provenance, Source

KIND = "pko_mission"
"""``observations.kind`` of the observations this importer yields."""

HEADER = (
    "id",
    "mission_acronym",
    "mission_name",
    "lead_department",
    "mission_isactive",
    "start_date",
    "end_date",
    "mission_location",
    "mission_longitude",
    "mission_latitude",
    "last_update",
)

SWAPPED_COORDINATES = {
    # acronym: location whose coordinates show the file's pair is reversed
    "UNOSOM I": "Mogadishu (2.03 N, 45.35 E)",
    "UNOSOM II": "Mogadishu (2.03 N, 45.35 E)",
    "UNAVEM I": "Luanda (8.84 S, 13.23 E)",
    "UNAVEM II": "Luanda (8.84 S, 13.23 E)",
    "UNEF": "Gaza (31.50 N, 34.47 E)",
    "MINUSMA": "Bamako (12.65 N, 8.00 W)",
}
"""Rows whose longitude and latitude are exchanged (other rows of the same city are not)."""

NAME_FIXES = {
    "DOMREP": (
        "Mission of the Representative of the Secretary-General in the Dominican Republic",
        "S/RES/203 (1965) invited the Secretary-General to send a representative "
        "to the Dominican Republic",
    ),
}
"""Names the file cuts short: acronym -> (full name, source)."""

_NUMBER = re.compile(r"-?\d{1,3}(?:[.,]\d+)?")


def looks_like(path: Path) -> bool:
    """Whether ``path`` is the DPPA peacekeeping list (by its exact header)."""
    return is_csv(path) and header_matches(path, HEADER)


def _date(rec: Row, column: str) -> dt.date | None:
    return rec.iso_date(column) if rec.optional(column) else None


def _coordinate(rec: Row, column: str, limit: float, flags: list[str]) -> float | None:
    text = rec.raw(column).strip()
    if not text:
        return None
    if not _NUMBER.fullmatch(text):
        raise rec.error(column, f"{text!r} is not a coordinate")
    if "," in text and "decimal_comma" not in flags:
        flags.append("decimal_comma")
    value = float(text.replace(",", "."))
    if not -limit <= value <= limit:
        raise rec.error(column, f"{value} is outside -{limit:g}..{limit:g}")
    return value


def parse(path: Path, *, name: str) -> Iterator[ExtraObservation]:
    """Stream one ``pko_mission`` observation per row."""
    seen: dict[str, int] = {}
    for rec in read_rows(path, name=name, header=HEADER):
        flags: list[str] = []
        notes: list[str] = []
        ident = rec.raw("id").strip()
        if not ident.isdigit():
            raise rec.error("id", f"{ident!r} is not a whole number")
        acronym = " ".join(rec.raw("mission_acronym").split())
        if not acronym:
            raise rec.error("mission_acronym", "the acronym is blank")
        if acronym in seen:
            raise rec.error("mission_acronym", f"{acronym} already on line {seen[acronym]}")
        seen[acronym] = rec.line
        mission_name = " ".join(rec.raw("mission_name").split()).strip()
        if mission_name.startswith('"') or acronym in NAME_FIXES:
            fixed, source = NAME_FIXES.get(acronym, (mission_name.strip('"'), ""))
            flags.append("name_truncated")
            notes.append(f"the file's name {mission_name!r} is cut short; read as {fixed!r}")
            if source:
                notes.append(source)
            mission_name = fixed
        if not mission_name:
            raise rec.error("mission_name", "the name is blank")
        active_text = rec.raw("mission_isactive").strip()
        if active_text.lower() not in ("yes", "no"):
            raise rec.error("mission_isactive", f"{active_text!r} is neither Yes nor No")
        if active_text not in ("Yes", "No"):
            flags.append("active_spelling")
            notes.append(f"mission_isactive is {active_text!r}; read as {active_text.title()!r}")
        start, end = _date(rec, "start_date"), _date(rec, "end_date")
        if start and end and end < start:
            raise rec.error("end_date", f"{end} is before the start date {start}")
        if start is None and end is None:
            flags.append("no_dates")
            notes.append("the list gives neither a start nor an end date")
        longitude = _coordinate(rec, "mission_longitude", 180, flags)
        latitude = _coordinate(rec, "mission_latitude", 90, flags)
        if acronym in SWAPPED_COORDINATES and longitude is not None and latitude is not None:
            longitude, latitude = latitude, longitude
            flags.append("coordinates_swapped")
            notes.append(
                f"longitude and latitude are exchanged in the file; {acronym} was based in "
                f"{SWAPPED_COORDINATES[acronym]}"
            )
        if "(I & II)" in mission_name:
            flags.append("aggregate")
            notes.append("this row sums up operations listed separately; it is not a body")
        data: dict[str, object] = {
            "id": int(ident),
            "acronym": acronym,
            "name": mission_name,
            "lead_department": rec.raw("lead_department").strip() or None,
            "active": active_text.lower() == "yes",
            "start": start.isoformat() if start else None,
            "end": end.isoformat() if end else None,
            "location": " ".join(rec.raw("mission_location").split()) or None,
            "longitude": longitude,
            "latitude": latitude,
            "last_update": (d.isoformat() if (d := _date(rec, "last_update")) else None),
            "flags": flags,
            "notes": notes,
        }
        yield ExtraObservation(Provenance(Source.DPPA_PEACEKEEPING, name, rec.line), KIND, data)
