"""Importer for TAMM, Tasks Assigned to Missions in their Mandates (Lloyd 2021), v2.1.

One row per mission-month, 1948-2015 (``shared/data/MANIFEST.md`` §7). Each
row becomes an :class:`~unsc._sources.model.ExtraObservation` of kind
``tamm_month`` with the mission, the month, the resolution whose mandate is in
force, Chapter VII authorisation, region and the tasks coded 1.

``unsc_resolution`` is text. It holds a resolution number (``1701``), or one
of three quirks, each kept and flagged:

``resolution_pair``
    Two resolutions read together (``425/426``, UNIFIL): both numbers are kept.
``document_symbol``
    A Secretariat document instead of a resolution (``S/2008/354``, the
    Secretary-General's report on UNMIK's reconfiguration; ``S/1998/500``).
``general_assembly``
    A General Assembly resolution (``GA 1752``: UNSF was set up by the
    Assembly), kept as ``ga_resolution``.

Anything else stops the import with the file, line and field, as do a month
outside 1-12, a ``yearmon`` that disagrees with the year and month, a task
dummy other than 0/1, and a mission-month seen twice.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from unsc._sources.csv_reader import FIRST_DAY, LAST_DAY, Row, header_matches, is_csv, read_rows
from unsc._sources.model import ExtraObservation, Provenance, Source

KIND = "tamm_month"
"""``observations.kind`` of the observations this importer yields."""

TASKS = (
    "peaceag_cease_monitor",
    "buffer_monitor",
    "liaise_warpart",
    "goodoffices",
    "peaceag_cease_assist",
    "humrts_monitor",
    "refugees_monitor",
    "humrts_protect",
    "children_protect",
    "women_protect",
    "prociv",
    "unpersonnel_protect",
    "demining_assist",
    "refugees_assist",
    "humaid_assist",
    "humpersonnel_protect",
    "borders_monitor",
    "weaponstrade_monitor",
    "weaponsembargo_monitor",
    "cargoinspections",
    "resources_monitor",
    "ch7",
    "election_monitor",
    "election_security",
    "election_assist",
    "govcap_assist",
    "cultural_pres",
    "qip_assist",
    "justice_assist",
    "securitysectorreform_assist",
    "policereform_assist",
    "police_monitor",
    "police_jointpatrols",
    "reconciliation",
    "justice_warcrim",
    "ddr_monitor",
    "ddr_assist",
    "mission_pr",
    "freepress",
    "au_coop",
    "eu_coop",
    "undp_coop",
    "ecowas_coop",
    "jmc_coop",
    "othermission_coop",
    "oas_coop",
    "osce_coop",
    "cis_coop",
    "coop_other",
)
"""The task dummies, in file order (``ch7`` is Chapter VII authorisation)."""

HEADER = (
    "mission",
    "yearmon",
    "month",
    "year",
    "unsc_resolution",
    *TASKS,
    "ccode",
    "ccode2",
    "ccode3",
    "ccode4",
    "ccode5",
    "region",
    "subtasks",
    "totaltasks",
    "numtasks",
    "pkratio",
    "vlimratio",
    "pbratio",
    "factor1",
    "factor2",
    "factor3",
    "missionen",
    "govpolicies_assist",
)

_MISSION = re.compile(r"[A-Z][A-Z]*(?: [A-Z]+)*")
_NUMBER = re.compile(r"\d{1,4}")
_PAIR = re.compile(r"\d{1,4}(?:/\d{1,4})+")
_SYMBOL = re.compile(r"S/\d{4}/\d+")
_GA = re.compile(r"GA (\d{1,4})")


def looks_like(path: Path) -> bool:
    """Whether ``path`` is the TAMM mission-month CSV (by its exact header)."""
    return is_csv(path) and header_matches(path, HEADER)


def _int(rec: Row, column: str) -> int:
    text = rec.raw(column).strip()
    if not re.fullmatch(r"-?\d+", text):
        raise rec.error(column, f"{text!r} is not a whole number")
    return int(text)


def _dummy(rec: Row, column: str) -> bool:
    text = rec.raw(column).strip()
    if text not in ("0", "1"):
        raise rec.error(column, f"{text!r} is not 0 or 1")
    return text == "1"


def read_resolution(rec: Row) -> dict[str, object]:
    """The ``unsc_resolution`` cell as resolutions, document, GA resolution and flags."""
    text = rec.raw("unsc_resolution").strip()
    out: dict[str, object] = {
        "resolution_text": text,
        "resolutions": [],
        "document": None,
        "ga_resolution": None,
        "flags": [],
        "notes": [],
    }
    if _NUMBER.fullmatch(text):
        out["resolutions"] = [int(text)]
    elif _PAIR.fullmatch(text):
        out["resolutions"] = [int(n) for n in text.split("/")]
        out["flags"] = ["resolution_pair"]
        out["notes"] = [f"{text!r} names resolutions read together; all are kept"]
    elif _SYMBOL.fullmatch(text):
        out["document"] = text
        out["flags"] = ["document_symbol"]
        out["notes"] = [f"{text} is a Secretariat document, not a resolution"]
    elif (ga := _GA.fullmatch(text)) is not None:
        out["ga_resolution"] = int(ga.group(1))
        out["flags"] = ["general_assembly"]
        out["notes"] = [f"{text!r} is General Assembly resolution {ga.group(1)}"]
    else:
        raise rec.error(
            "unsc_resolution",
            f"{text!r} is neither a resolution number, a pair such as 425/426, "
            "a document symbol such as S/2008/354, nor 'GA <number>'",
        )
    return out


def parse(path: Path, *, name: str) -> Iterator[ExtraObservation]:
    """Stream one ``tamm_month`` observation per row."""
    seen: dict[tuple[str, int, int], int] = {}
    for rec in read_rows(path, name=name, header=HEADER):
        mission = rec.raw("mission").strip()
        if not _MISSION.fullmatch(mission):
            raise rec.error("mission", f"{mission!r} is not a mission acronym")
        year, month, yearmon = _int(rec, "year"), _int(rec, "month"), _int(rec, "yearmon")
        if not 1 <= month <= 12:
            raise rec.error("month", f"{month} is not a month (1-12)")
        if not FIRST_DAY.year <= year <= LAST_DAY.year:
            raise rec.error("year", f"{year} is outside {FIRST_DAY.year}-{LAST_DAY.year}")
        if yearmon != (year - 1960) * 12 + month - 1:
            raise rec.error(
                "yearmon",
                f"{yearmon} disagrees with {year}-{month:02d} "
                "(TAMM's yearmon is (year - 1960) * 12 + month - 1)",
            )
        key = (mission, year, month)
        if key in seen:
            raise rec.error("mission", f"{mission} {year}-{month:02d} already on line {seen[key]}")
        seen[key] = rec.line
        tasks = [t for t in (*TASKS, "govpolicies_assist") if _dummy(rec, t)]
        data: dict[str, object] = {
            "mission": mission,
            "year": year,
            "month": month,
            **read_resolution(rec),
            "ch7": "ch7" in tasks,
            "region": rec.raw("region").strip() or None,
            "tasks": [t for t in tasks if t != "ch7"],
        }
        yield ExtraObservation(Provenance(Source.TAMM, name, rec.line), KIND, data)
