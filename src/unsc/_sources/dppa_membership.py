"""Importer for the UN DPPA "Security Council membership" CSV files.

Columns ``id, year, security_council_member, last_update``; one row per member
per calendar year (``shared/data/MANIFEST.md`` §5). Both the 2024 release
(``DPPA-SCMEMBERSHIP.csv``) and rows of a later one (2025-2027) have this shape.

Names are resolved with :func:`unsc.resolve_member` plus this file's own
spellings (``USSR (Union of Soviet Socialist Republics)``, ``German FR (…)``…).
The source blanks names with a non-ASCII letter (Türkiye, Côte d'Ivoire): those
rows give ``code=None`` and ``raw_name=""``. An unknown name, a repeated id or
a member listed twice in one year is an error.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from unsc._sources.csv_reader import fold_table, header_matches, is_csv, member_code, read_rows
from unsc._sources.model import MembershipObservation, Provenance, Source

HEADER = ("id", "year", "security_council_member", "last_update")

# The file's spellings that unsc's name table does not know.
_SPELLINGS = fold_table(
    {
        "USSR (Union of Soviet Socialist Republics)": "SUN",
        "German FR (German Federal Republic)": "GER",
        "German DR (German Democratic Republic)": "DDR",
        "Ukrainian SSR (Ukrainian Soviet Socialist Republic)": "UKR",
        "Byelorussian SSR (Byelorussian Soviet Socialist Republic)": "BLR",
    }
)


def looks_like(path: Path) -> bool:
    """Whether ``path`` is a DPPA Security Council membership CSV (by name and header)."""
    return is_csv(path) and header_matches(path, HEADER)


def parse(path: Path, *, name: str) -> Iterator[MembershipObservation]:
    """Yield one observation per row, in file order.

    ``name`` is the file's name as the caller shows it (used in provenance and errors).
    """
    ids: dict[int, int] = {}
    pairs: dict[tuple[int, str], int] = {}
    for row in read_rows(path, name=name, header=HEADER):
        ident = row.integer("id")
        if ident in ids:
            raise row.error("id", f"id {ident} repeats line {ids[ident]}")
        ids[ident] = row.line
        year = row.integer("year")
        if not 1946 <= year <= 2100:
            raise row.error("year", f"{year} is not a year of the Council")
        row.iso_date("last_update")
        raw = row.text("security_council_member")
        code = member_code(row, "security_council_member", raw, _SPELLINGS) if raw else None
        if code is not None:
            if (year, code) in pairs:
                raise row.error(
                    "security_council_member",
                    f"{raw!r} ({code}) is listed twice for {year} (line {pairs[(year, code)]})",
                )
            pairs[(year, code)] = row.line
        yield MembershipObservation(
            prov=Provenance(Source.DPPA_MEMBERSHIP, row.file, row.line),
            year=year,
            code=code,
            raw_name=raw,
        )
