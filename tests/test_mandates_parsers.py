"""The TAMM and DPPA peacekeeping importers on small hand-written files: quirks and failures."""

from __future__ import annotations

import pathlib
from typing import Any

import pytest

from unsc import SourceFormatError
from unsc._sources import dppa_peacekeeping as parse_dppa_pko
from unsc._sources import tamm as parse_tamm
from unsc._sources.model import Source

# --- TAMM ---------------------------------------------------------------------------


def _tamm_row(
    mission: str = "UNIFIL",
    year: int = 1978,
    month: int = 3,
    resolution: str = "425/426",
    *,
    yearmon: int | None = None,
    ch7: str = "0",
    task: str = "1",
) -> list[str]:
    ym = (year - 1960) * 12 + month - 1 if yearmon is None else yearmon
    values = {name: "0" for name in parse_tamm.HEADER}
    values.update(
        {
            "mission": mission,
            "yearmon": str(ym),
            "month": str(month),
            "year": str(year),
            "unsc_resolution": resolution,
            "peaceag_cease_monitor": task,
            "ch7": ch7,
            "ccode": "660",
            "ccode2": "",
            "ccode3": "",
            "ccode4": "",
            "ccode5": "",
            "region": "Middle East",
            "pkratio": ".5",
            "missionen": mission,
        }
    )
    return [values[name] for name in parse_tamm.HEADER]


def _write(path: pathlib.Path, header: tuple[str, ...], rows: list[list[str]]) -> pathlib.Path:
    import csv

    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def _tamm(tmp_path: pathlib.Path, rows: list[list[str]]) -> pathlib.Path:
    return _write(tmp_path / "TAMM.csv", parse_tamm.HEADER, rows)


def test_tamm_reads_resolutions_and_every_quirk(tmp_path: pathlib.Path) -> None:
    path = _tamm(
        tmp_path,
        [
            _tamm_row("UNIFIL", 1978, 3, "425/426", ch7="0"),
            _tamm_row("UNMIK", 2008, 6, "S/2008/354", ch7="1"),
            _tamm_row("UNSF", 1962, 9, "GA 1752"),
            _tamm_row("UNTSO", 1948, 5, "50", task="0"),
        ],
    )
    assert parse_tamm.looks_like(path)
    obs = list(parse_tamm.parse(path, name="tamm/TAMM.csv"))
    assert [o.kind for o in obs] == ["tamm_month"] * 4
    assert obs[0].prov.source is Source.TAMM
    assert [o.prov.line for o in obs] == [2, 3, 4, 5]
    unifil, unmik, unsf, untso = (o.data for o in obs)
    assert unifil["resolutions"] == [425, 426]
    assert unifil["flags"] == ["resolution_pair"]
    assert unmik["resolutions"] == []
    assert unmik["document"] == "S/2008/354"
    assert unmik["flags"] == ["document_symbol"]
    assert unmik["ch7"] is True
    assert unsf["ga_resolution"] == 1752
    assert unsf["flags"] == ["general_assembly"]
    assert untso["resolutions"] == [50]
    assert untso["tasks"] == []
    assert unifil["tasks"] == ["peaceag_cease_monitor"]


@pytest.mark.parametrize(
    ("row", "field", "words"),
    [
        (_tamm_row(resolution="425 bis"), "unsc_resolution", "neither a resolution"),
        (_tamm_row(resolution=""), "unsc_resolution", "neither a resolution"),
        (_tamm_row(month=13, yearmon=240), "month", "not a month"),
        (_tamm_row(yearmon=5), "yearmon", "disagrees"),
        (_tamm_row(ch7="2"), "ch7", "not 0 or 1"),
        (_tamm_row(mission="unifil"), "mission", "not a mission acronym"),
        (_tamm_row()[:10], "humrts_monitor", "fields"),
    ],
    ids=["resolution", "blank", "month", "yearmon", "dummy", "mission", "short"],
)
def test_tamm_stops_at_the_first_bad_row(
    tmp_path: pathlib.Path, row: list[str], field: str, words: str
) -> None:
    path = _tamm(tmp_path, [_tamm_row(month=2), row])
    with pytest.raises(SourceFormatError) as caught:
        list(parse_tamm.parse(path, name="TAMM.csv"))
    assert caught.value.file == "TAMM.csv"
    assert caught.value.line == 3
    assert caught.value.field == field
    assert words in str(caught.value)


def test_tamm_rejects_a_month_seen_twice(tmp_path: pathlib.Path) -> None:
    path = _tamm(tmp_path, [_tamm_row(), _tamm_row()])
    with pytest.raises(SourceFormatError, match="already on line 2") as caught:
        list(parse_tamm.parse(path, name="TAMM.csv"))
    assert caught.value.line == 3


def test_tamm_rejects_a_wrong_header_and_a_truncated_file(tmp_path: pathlib.Path) -> None:
    header = ("mission", "yearmon", "month")
    path = _write(tmp_path / "x.csv", header, [["UNIFIL", "218", "3"]])
    assert not parse_tamm.looks_like(path)
    with pytest.raises(SourceFormatError) as caught:
        list(parse_tamm.parse(path, name="x.csv"))
    assert (caught.value.line, caught.value.field) == (1, "year")
    good = _tamm(tmp_path, [_tamm_row()])
    text = good.read_text(encoding="utf-8")
    cut = tmp_path / "cut.csv"
    cut.write_text(text + 'UNIFIL,"218', encoding="utf-8")
    with pytest.raises(SourceFormatError, match="truncated") as caught:
        list(parse_tamm.parse(cut, name="cut.csv"))
    assert caught.value.line == 3


def test_tamm_is_read_as_a_stream(tmp_path: pathlib.Path) -> None:
    path = _tamm(tmp_path, [_tamm_row(), _tamm_row(resolution="oops")])
    stream = parse_tamm.parse(path, name="TAMM.csv")
    assert next(stream).data["mission"] == "UNIFIL"  # the bad row is not read yet
    with pytest.raises(SourceFormatError):
        next(stream)


# --- DPPA peacekeeping list -------------------------------------------------------


def _pko(
    acronym: str = "UNFICYP",
    name: str = "United Nations Peacekeeping Force in Cyprus",
    active: str = "Yes",
    start: str = "1964-03-27",
    end: str = "",
    lon: str = "33,3667",
    lat: str = "35,1667",
    ident: str = "43",
) -> list[str]:
    return [ident, acronym, name, "DPO", active, start, end, "Nicosia", lon, lat, "2024-02-19"]


def _dppa(tmp_path: pathlib.Path, rows: list[list[str]]) -> pathlib.Path:
    return _write(tmp_path / "DPPADPOSS-PKO.csv", parse_dppa_pko.HEADER, rows)


def test_dppa_reads_every_quirk(tmp_path: pathlib.Path) -> None:
    path = _dppa(
        tmp_path,
        [
            _pko(),
            _pko("MINUSTAH", "United Nations Stabilization Mission in Haiti", "NO", "2004-06-01",
                 "2017-10-01", "-72,3333", "18,5333", "68"),
            _pko("MINUSMA", "United Nations Multidimensional Integrated Stabilization Mission in "
                 "Mali", "Yes", "2013-04-25", "", "12,6500", "-8,0000", "69"),
            _pko("UNEF", "United Nations Emergency Force (I & II)", "No", "1956-11-01",
                 "1979-07-01", "31,5000", "34,4667", "46"),
            _pko("DOMREP", '"Mission of the Representative of the Secretary-General in the', "No",
                 "1965-05-01", "1966-10-01", "", "", "79"),
            _pko("UNOHCI", "United Nations Office of the Humanitarian Coordinator in Iraq", "No",
                 "", "", "44,4333", "33,3333", "21"),
        ],
    )  # fmt: skip
    assert parse_dppa_pko.looks_like(path)
    assert not parse_tamm.looks_like(path)
    obs: dict[object, dict[str, Any]] = {
        o.data["acronym"]: dict(o.data) for o in parse_dppa_pko.parse(path, name="pko.csv")
    }
    assert obs["UNFICYP"]["longitude"] == pytest.approx(33.3667)
    assert obs["UNFICYP"]["flags"] == ["decimal_comma"]
    assert obs["UNFICYP"]["active"] is True
    assert obs["MINUSTAH"]["active"] is False
    assert "active_spelling" in obs["MINUSTAH"]["flags"]
    assert obs["MINUSMA"]["active"] is True  # stale in the file: corrected by the facts
    assert (obs["MINUSMA"]["longitude"], obs["MINUSMA"]["latitude"]) == (-8.0, 12.65)
    assert "coordinates_swapped" in obs["MINUSMA"]["flags"]
    assert "aggregate" in obs["UNEF"]["flags"]
    assert obs["DOMREP"]["name"].endswith("in the Dominican Republic")
    assert "name_truncated" in obs["DOMREP"]["flags"]
    assert obs["DOMREP"]["longitude"] is None
    assert obs["UNOHCI"]["flags"][0] == "no_dates"


@pytest.mark.parametrize(
    ("row", "field"),
    [
        (_pko(active="Maybe"), "mission_isactive"),
        (_pko(start="27/03/1964"), "start_date"),
        (_pko(start="1964-03-27", end="1960-01-01"), "end_date"),
        (_pko(lon="33.3.3"), "mission_longitude"),
        (_pko(lat="95,0"), "mission_latitude"),
        (_pko(acronym=" "), "mission_acronym"),
        (_pko(ident="x"), "id"),
    ],
    ids=["active", "date", "end-before-start", "number", "range", "acronym", "id"],
)
def test_dppa_stops_at_the_first_bad_row(
    tmp_path: pathlib.Path, row: list[str], field: str
) -> None:
    path = _dppa(tmp_path, [_pko(acronym="UNDOF"), row])
    with pytest.raises(SourceFormatError) as caught:
        list(parse_dppa_pko.parse(path, name="pko.csv"))
    assert (caught.value.file, caught.value.line, caught.value.field) == ("pko.csv", 3, field)


def test_dppa_rejects_a_mission_listed_twice(tmp_path: pathlib.Path) -> None:
    path = _dppa(tmp_path, [_pko(), _pko()])
    with pytest.raises(SourceFormatError, match="already on line 2"):
        list(parse_dppa_pko.parse(path, name="pko.csv"))


def test_neither_importer_claims_other_files(tmp_path: pathlib.Path) -> None:
    other = tmp_path / "notes.csv"
    other.write_text("a,b\n1,2\n", encoding="utf-8")
    binary = tmp_path / "TAMM.csv.gz"
    binary.write_bytes(b"\x1f\x8b\x08")
    for path in (other, binary, tmp_path):
        assert not parse_tamm.looks_like(path)
        assert not parse_dppa_pko.looks_like(path)
