"""The CSV importers: small hand-written files, then the real files in ``../shared/data``.

Unit tests write tiny CSVs to ``tmp_path``: each parser's happy path, its
flags, and one malformed file per failure (wrong header, missing fields, bad
date, unknown member, count that is not a number, truncated file), each
checked for the file, line and field of the :class:`SourceFormatError`.

Real-data tests (marker ``realdata``) read ``<repo>/../shared/data`` (or
``$UNSC_SHARED_DIR/data``); they are skipped with a message when the folder
is absent, unless ``CI=true``.
"""

from __future__ import annotations

import collections
import csv
import datetime as dt
import io
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

from unsc import council
from unsc._engine import Kind, NonVoting, Outcome, Position
from unsc._errors import SourceFormatError
from unsc._sources import dhl_voting as parse_dhl_voting
from unsc._sources import dppa_membership as parse_dppa
from unsc._sources import failed_drafts as parse_failed_drafts
from unsc._sources import sc_votes as parse_sc_votes
from unsc._sources import wpdl as parse_wpdl
from unsc._sources.csv_reader import council_codes, leading_symbol, read_rows
from unsc._sources.model import (
    DecisionObservation,
    MembershipObservation,
    Modality,
    Source,
)

REPO = Path(__file__).resolve().parent.parent
Y, N, A, X = Position.YES, Position.NO, Position.ABSTAIN, Position.NOT_VOTING


def csv_text(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A CSV document (newline line ends, minimal quoting)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([[str(v) for v in row] for row in rows])
    return out.getvalue()


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


Parser = Callable[..., Iterator[object]]


def raises_at(path: Path, parse: Parser, line: int | None, field: str | None) -> SourceFormatError:
    """Run the parser to the end; assert it stops with a SourceFormatError at (line, field)."""
    with pytest.raises(SourceFormatError) as info:
        list(parse(path, name=path.name))
    err = info.value
    assert err.file == path.name
    assert (err.line, err.field) == (line, field), str(err)
    return err


# --- shared helpers -------------------------------------------------------------------


def test_read_rows_counts_physical_lines_across_quoted_newlines(tmp_path: Path) -> None:
    text = 'a,b\n1,"x\ny\nz"\n\n2,w\n'
    path = write(tmp_path, "t.csv", text)
    rows = list(read_rows(path, name="t.csv", header=("a", "b")))
    assert [(r.line, r.raw("a"), r.raw("b")) for r in rows] == [(2, "1", "x\ny\nz"), (6, "2", "w")]


def test_read_rows_rejects_non_utf8_and_empty_files(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(b"a,b\n1,\xff\n")
    with pytest.raises(SourceFormatError) as info:
        list(read_rows(path, name="bad.csv", header=("a", "b")))
    assert info.value.line == 2
    empty = write(tmp_path, "empty.csv", "")
    with pytest.raises(SourceFormatError) as info:
        list(read_rows(empty, name="empty.csv", header=("a", "b")))
    assert info.value.line == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("S/2017/884", ("S/2017/884", "")),
        ("s/2005/261", ("S/2005/261", "")),
        ("S/2002/1397 as orally revised", ("S/2002/1397", "as orally revised")),
        ("S/7591/Rev.2 Paragraph 1", ("S/7591/Rev.2", "Paragraph 1")),
        ("S/2018/1088; S/2018/1143", ("S/2018/1088", "S/2018/1143")),
        ("S/206/381", (None, "S/206/381")),
        ("S/20016/636", (None, "S/20016/636")),
        ("S/2005-554", (None, "S/2005-554")),
        ("Oral amendment", (None, "Oral amendment")),
        ("S/PV.49", (None, "S/PV.49")),
    ],
)
def test_leading_symbol(text: str, expected: tuple[str | None, str]) -> None:
    assert leading_symbol(text) == expected


@pytest.mark.parametrize(
    "date",
    [
        dt.date(1946, 1, 17),
        dt.date(1950, 8, 1),
        dt.date(1965, 12, 31),
        dt.date(1966, 1, 1),
        dt.date(1971, 10, 25),
        dt.date(1990, 5, 22),
        dt.date(1991, 12, 23),
        dt.date(1991, 12, 24),
        dt.date(2017, 10, 24),
        dt.date(2027, 12, 31),
    ],
)
def test_council_codes_is_the_council(date: dt.date) -> None:
    assert council_codes(date) == frozenset(council(date).codes)


def test_council_codes_outside_the_reference_data() -> None:
    assert council_codes(dt.date(1945, 12, 31)) is None
    assert council_codes(dt.date(2028, 1, 1)) is None


# --- DHL voting data ------------------------------------------------------------------

DHL = parse_dhl_voting.HEADER

COUNCIL_1982 = (
    ("CHN", "CHINA", True),
    ("FRA", "FRANCE", True),
    ("GUY", "GUYANA", False),
    ("IRL", "IRELAND", False),
    ("JPN", "JAPAN", False),
    ("JOR", "JORDAN", False),
    ("PAN", "PANAMA", False),
    ("POL", "POLAND", False),
    ("ESP", "SPAIN", False),
    ("TGO", "TOGO", False),
    ("UGA", "UGANDA", False),
    ("SUN", "USSR", True),
    ("GBR", "UNITED KINGDOM", True),
    ("USA", "UNITED STATES", True),
    ("ZAR", "ZAIRE", False),
)


def dhl_record(
    undl_id: int,
    resolution: int,
    votes: dict[str, str],
    totals: Sequence[object] | None = None,
    *,
    agenda: str = "The situation in the Middle East",
    modality: str = "Vote",
    date: str = "1982-06-18",
) -> list[list[object]]:
    """One voting record of the 1982 Council; ``votes`` overrides the default Y."""
    positions = [votes.get(code, "Y") for code, _, _ in COUNCIL_1982]
    if totals is None:
        totals = [positions.count(p) for p in "YNAX"] + [len(positions)]
    return [
        [
            undl_id,
            code,
            name,
            permanent,
            position,
            date,
            f"S/RES/{resolution}(1982)",
            "",
            "S/PV.2379",
            f"Security Council resolution {resolution} (1982) [on something]",
            agenda,
            "",
            "",
            *totals,
            modality,
            f"https://digitallibrary.un.org/record/{undl_id}",
        ]
        for (code, name, permanent), position in zip(COUNCIL_1982, positions, strict=True)
    ]


def test_dhl_records_become_decisions(tmp_path: Path) -> None:
    rows = dhl_record(278798, 511, {"POL": "A", "SUN": "A"}, agenda='Item "one",\nsecond line')
    rows += dhl_record(278791, 504, {})
    path = write(tmp_path, "sc_voting.csv", csv_text(DHL, rows))
    assert parse_dhl_voting.looks_like(path)
    first, second = parse_dhl_voting.parse(path, name="data/sc_voting.csv")
    assert first.prov.source is Source.DHL_VOTING_CSV
    assert (first.prov.file, first.prov.line) == ("data/sc_voting.csv", 2)
    assert (first.resolution, first.date, first.meeting, first.draft) == (
        511,
        dt.date(1982, 6, 18),
        "S/PV.2379",
        None,
    )
    assert (first.yes, first.no, first.abstain, first.not_voting) == (13, 0, 2, 0)
    assert first.outcome is Outcome.ADOPTED
    assert first.modality is Modality.VOTE
    assert first.votes is not None
    assert first.votes["SUN"] is A
    assert first.votes["COD"] is Y  # ZAR resolved to the UN Library's COD
    assert first.agenda == 'Item "one",\nsecond line'
    assert first.flags == ()
    # Each row of the first record spans two lines: the second record starts on line 32.
    assert second.prov.line == 2 + 15 * 2
    assert second.resolution == 504


def test_dhl_without_vote_has_no_votes(tmp_path: Path) -> None:
    path = write(tmp_path, "v.csv", csv_text(DHL, dhl_record(1, 500, {}, modality="Without vote")))
    (obs,) = parse_dhl_voting.parse(path, name=path.name)
    assert obs.modality is Modality.WITHOUT_VOTE
    assert obs.votes is None
    assert obs.yes is None


def test_dhl_acclamation_recorded_as_non_voting(tmp_path: Path) -> None:
    """The shape of res 1090 (1996): every member X, totals 0-0-0-15, a note on each row."""
    rows = dhl_record(1, 528, dict.fromkeys((c for c, _, _ in COUNCIL_1982), "X"))
    for row in rows:
        row[DHL.index("modality")] = "Without Vote"
        row[DHL.index("vote_note")] = "Adopted by acclamation"
    path = write(tmp_path, "v.csv", csv_text(DHL, rows))
    (obs,) = parse_dhl_voting.parse(path, name=path.name)
    assert obs.modality is Modality.ACCLAMATION
    assert (obs.votes, obs.yes, obs.not_voting, obs.absence) == (None, None, None, {})
    assert "vote_note of every member: Adopted by acclamation" in obs.notes


def test_dhl_non_voting_members_and_their_reasons(tmp_path: Path) -> None:
    rows = dhl_record(1, 511, {"CHN": "X", "ESP": "X"})
    rows[0][DHL.index("vote_note")] = "China did not participate in the voting."
    rows[8][DHL.index("vote_note")] = "Spain was absent."
    path = write(tmp_path, "v.csv", csv_text(DHL, rows))
    (obs,) = parse_dhl_voting.parse(path, name=path.name)
    assert (obs.yes, obs.not_voting) == (13, 2)
    assert obs.votes is not None
    assert obs.votes["CHN"] is X
    assert obs.absence == {"CHN": NonVoting.NOT_PARTICIPATING, "ESP": NonVoting.ABSENT}
    assert "vote_note of CHN: China did not participate in the voting." in obs.notes


def test_dhl_flags_members_not_on_the_council(tmp_path: Path) -> None:
    rows = dhl_record(1, 511, {})
    rows[2][1:3] = ["BRA", "BRAZIL"]  # Brazil instead of Guyana in 1982
    path = write(tmp_path, "v.csv", csv_text(DHL, rows))
    (obs,) = parse_dhl_voting.parse(path, name=path.name)
    assert obs.flags == ("not_on_council",)


@pytest.mark.parametrize(
    ("column", "value", "field", "line"),
    [
        ("total_yes", 12, "total_yes", 2),
        ("total_abstentions", 2, "total_abstentions", 2),
        ("total_ms", 11, "total_ms", 2),
    ],
)
def test_dhl_totals_must_match_member_rows(
    tmp_path: Path, column: str, value: int, field: str, line: int
) -> None:
    rows = dhl_record(1, 511, {"POL": "A"})
    for row in rows:
        row[DHL.index(column)] = value
    path = write(tmp_path, "v.csv", csv_text(DHL, rows))
    err = raises_at(path, parse_dhl_voting.parse, line, field)
    assert "member rows" in str(err)


def test_dhl_truncated_record_is_an_error(tmp_path: Path) -> None:
    rows = dhl_record(1, 511, {}) + dhl_record(2, 512, {})[:9]
    path = write(tmp_path, "v.csv", csv_text(DHL, rows))
    raises_at(path, parse_dhl_voting.parse, 17, "total_yes")


def test_dhl_record_reappearing_is_an_error(tmp_path: Path) -> None:
    one, two = dhl_record(1, 511, {}), dhl_record(2, 512, {})
    path = write(tmp_path, "v.csv", csv_text(DHL, one + two + one))
    raises_at(path, parse_dhl_voting.parse, 2 + 15 + 15, "undl_id")


def test_dhl_record_rows_must_agree(tmp_path: Path) -> None:
    rows = dhl_record(1, 511, {})
    rows[3][DHL.index("date")] = "1982-06-19"
    path = write(tmp_path, "v.csv", csv_text(DHL, rows))
    raises_at(path, parse_dhl_voting.parse, 5, "date")


def test_dhl_member_twice_is_an_error(tmp_path: Path) -> None:
    rows = dhl_record(1, 511, {})
    rows[3][1:3] = ["CHN", "CHINA"]
    path = write(tmp_path, "v.csv", csv_text(DHL, rows))
    raises_at(path, parse_dhl_voting.parse, 5, "ms_code")


@pytest.mark.parametrize(
    ("column", "value", "field"),
    [
        ("date", "18/06/1982", "date"),
        ("ms_code", "XXX", "ms_code"),
        ("total_yes", "thirteen", "total_yes"),
        ("permanent_member", "Yes", "permanent_member"),
        ("ms_vote", "Z", "ms_vote"),
        ("resolution", "511 (1982)", "resolution"),
        ("modality", "By magic", "modality"),
        ("undl_id", "", "undl_id"),
    ],
)
def test_dhl_malformed_field(tmp_path: Path, column: str, value: str, field: str) -> None:
    rows = dhl_record(1, 511, {})
    for row in rows if column not in {"ms_code", "permanent_member", "ms_vote"} else rows[:1]:
        row[DHL.index(column)] = value
    path = write(tmp_path, "v.csv", csv_text(DHL, rows))
    raises_at(path, parse_dhl_voting.parse, 2, field)


def test_dhl_wrong_header_missing_fields_and_truncation(tmp_path: Path) -> None:
    text = csv_text(DHL, dhl_record(1, 511, {}))
    wrong = write(tmp_path, "h.csv", text.replace("total_ms,modality", "modality,total_ms", 1))
    raises_at(wrong, parse_dhl_voting.parse, 1, "total_ms")
    assert not parse_dhl_voting.looks_like(wrong)
    lines = text.splitlines(keepends=True)
    short = write(tmp_path, "s.csv", "".join(lines[:3]) + lines[3].split(",S/PV")[0] + "\n")
    raises_at(short, parse_dhl_voting.parse, 4, "meeting")
    cut = write(tmp_path, "c.csv", "".join(lines[:3]) + '278798,CHN,CHINA,True,Y,1982-06-18,"S/RES')
    err = raises_at(cut, parse_dhl_voting.parse, 4, None)
    assert "truncated" in str(err)


# --- 1994-2025 per-member votes -------------------------------------------------------

SCV = parse_sc_votes.HEADER
COUNCIL_2017 = (
    "Bolivia",
    "China",
    "Egypt",
    "Ethiopia",
    "France",
    "Italy",
    "Japan",
    "Kazakhstan",
    "Russian Federation",
    "Senegal",
    "Sweden",
    "Ukraine",
    "United Kingdom",
    "United States",
    "Uruguay",
)


COUNCIL_2016 = (
    "Angola",
    "China",
    "Egypt",
    "France",
    "Japan",
    "Malaysia",
    "New Zealand",
    "Russian Federation",
    "Senegal",
    "Spain",
    "Ukraine",
    "United Kingdom",
    "United States",
    "Uruguay",
    "Venezuela",
)


def scv_draft(
    ident: int,
    date: str,
    meeting: object,
    *,
    resolution: str = "",
    draft: str = "",
    outcome: str = "Adopted unanimously",
    votes: dict[str, str] | None = None,
    sponsors: str = "President",
    members: Sequence[str] = COUNCIL_2017,
) -> list[list[object]]:
    """One draft's member rows (everyone Yes unless ``votes`` says otherwise)."""
    votes = votes or {}
    year = date[:4]
    return [
        [
            year,
            date,
            resolution,
            meeting,
            draft,
            "The situation in the Middle East",
            "Country/Region-specific",
            "Middle East",
            sponsors,
            outcome,
            votes.get(member, "Yes"),
            member,
            ident,
            "Other",
            "Syria",
        ]
        for member in members
    ]


def scv_file(tmp_path: Path, *drafts: list[list[object]], name: str = "sc_voting.csv") -> Path:
    rows = [row for draft in drafts for row in draft]
    return write(tmp_path, name, csv_text(SCV, rows))


def scv_parse(path: Path) -> list[DecisionObservation]:
    return list(parse_sc_votes.parse(path, name=path.name))


def test_sc_votes_veto(tmp_path: Path) -> None:
    votes = {
        "Russian Federation": "No",
        "Bolivia": "No",
        "China": "Abstain",
        "Kazakhstan": "Abstain",
    }
    path = scv_file(
        tmp_path,
        scv_draft(
            1539,
            "2017-10-24",
            8073,
            draft="S/2017/884",
            outcome="Not adopted - veto",
            votes=votes,
            sponsors="France, United Kingdom,United States",
        ),
    )
    assert parse_sc_votes.looks_like(path)
    (obs,) = scv_parse(path)
    assert obs.prov.source is Source.SC_VOTES_1994_2025
    assert (obs.date, obs.meeting, obs.draft, obs.resolution) == (
        dt.date(2017, 10, 24),
        "S/PV.8073",
        "S/2017/884",
        None,
    )
    assert obs.outcome is Outcome.VETOED
    assert obs.vetoed_by == ("RUS",)
    assert (obs.yes, obs.no, obs.abstain, obs.not_voting) == (11, 2, 2, None)
    assert obs.sponsors == ("FRA", "GBR", "USA")
    assert obs.flags == ()


def test_sc_votes_day_month_swap_decided_by_neighbours(tmp_path: Path) -> None:
    # Meetings 8000 and 8002 are dated unambiguously (day > 12) on 30 May and 15 June.
    before = scv_draft(1, "2017-05-30", 8000, resolution="2360 (2017)", draft="S/2017/1")
    after = scv_draft(4, "2017-06-15", 8002, resolution="2362 (2017)", draft="S/2017/4")
    # Stored 2017-05-06 between them can only be 5 June: swapped.
    swapped = scv_draft(2, "2017-05-06", 8001, resolution="2361 (2017)", draft="S/2017/2")
    # Stored 2017-06-05 between them is right as it is: kept (and flagged).
    kept = scv_draft(3, "2017-06-05", 8001, draft="S/2017/3", outcome="Not adopted - veto")
    kept[8][10] = "No"  # Russian Federation
    path = scv_file(tmp_path, before, swapped, kept, after)
    obs = scv_parse(path)
    assert [o.date for o in obs] == [
        dt.date(2017, 5, 30),
        dt.date(2017, 6, 5),
        dt.date(2017, 6, 5),
        dt.date(2017, 6, 15),
    ]
    assert obs[1].flags == ("day_month_swapped",)
    assert "2017-05-06" in obs[1].notes[0]
    assert obs[2].flags == ("day_month_not_swapped",)
    assert obs[0].flags == obs[3].flags == ()


def test_sc_votes_swap_without_evidence_follows_the_source_convention(tmp_path: Path) -> None:
    draft = scv_draft(1, "2017-01-07", 8000, resolution="2367 (2017)")
    (obs,) = scv_parse(scv_file(tmp_path, draft))
    assert obs.date == dt.date(2017, 7, 1)
    assert obs.flags == ("day_month_swapped",)
    assert "convention" in obs.notes[0]


@pytest.mark.parametrize(
    ("written", "number", "flags"),
    [
        ("2367 (2017)", 2367, ()),
        ("2367\xa0(2017)", 2367, ()),
        ("2367(2017)", 2367, ("resolution_format",)),
        ("Resolution 2367 (2017)", 2367, ("resolution_format",)),
        ("S/RES/2367 (2017)", 2367, ("resolution_format",)),
        ("S/RES/2367/2017", 2367, ("resolution_format",)),
        ("2367 (2017", 2367, ("resolution_format",)),
        ("Missing", None, ("resolution_format", "resolution_missing")),
        ("", None, ("resolution_missing",)),
    ],
)
def test_sc_votes_resolution_formats(
    tmp_path: Path, written: str, number: int | None, flags: tuple[str, ...]
) -> None:
    draft = scv_draft(1, "2017-07-14", 8003, resolution=written, draft="S/2017/593")
    (obs,) = scv_parse(scv_file(tmp_path, draft))
    assert obs.resolution == number
    assert obs.flags == flags


def test_sc_votes_resolution_out_of_sequence_is_kept_and_flagged(tmp_path: Path) -> None:
    drafts = [
        scv_draft(
            1, "2016-12-23", 7850, resolution="2336 (2016)", draft="S/2016/1", members=COUNCIL_2016
        ),
        scv_draft(2, "2017-07-13", 8002, resolution="2366 (2017)", draft="S/2017/590"),
        scv_draft(3, "2017-07-14", 8003, resolution="367 (2017)", draft="S/2017/593"),
        scv_draft(4, "2017-07-20", 8004, resolution="2368 (2017)", draft="S/2017/600"),
    ]
    obs = scv_parse(scv_file(tmp_path, *drafts))
    assert obs[2].resolution == 367
    assert obs[2].flags == ("resolution_format",)
    assert "out of sequence for 2017" in obs[2].notes[0]
    assert [o.flags for o in obs if o is not obs[2]] == [(), (), ()]


def test_sc_votes_resolution_and_draft_swapped(tmp_path: Path) -> None:
    draft = scv_draft(2012, "2017-07-14", 8003, resolution="S/2017/593", draft="S/RES/2367(2017)")
    (obs,) = scv_parse(scv_file(tmp_path, draft))
    assert (obs.resolution, obs.draft) == (2367, "S/2017/593")
    assert obs.flags == ("resolution_draft_swapped", "resolution_format")


def test_sc_votes_member_rows(tmp_path: Path) -> None:
    rows = scv_draft(1, "2017-07-14", 8003, resolution="2367 (2017)", draft="S/2017/593")
    duplicate = list(rows[0])  # Bolivia again, same vote: dropped
    conflicting = list(rows[1])
    conflicting[10] = "Abstain"  # China again, another vote: left out
    typo = list(rows[3])
    typo[11] = "Ethipia"
    path = scv_file(tmp_path, [*rows[:3], typo, *rows[4:14], duplicate, conflicting])
    (obs,) = scv_parse(path)
    assert set(obs.flags) == {
        "member_rows_16",
        "duplicate_member_row",
        "conflicting_member_rows",
        "member_name_typo",
        "member_missing",  # Uruguay has no row; China's position is unknown
    }
    assert obs.votes is not None
    assert "CHN" not in obs.votes
    assert obs.votes["ETH"] is Y
    assert "URY" not in obs.votes
    assert obs.yes == 13


def test_sc_votes_consensus_keeps_no_votes(tmp_path: Path) -> None:
    draft = scv_draft(
        1, "2017-07-14", 8003, resolution="2367 (2017)", outcome="Adopted by consensus"
    )
    (obs,) = scv_parse(scv_file(tmp_path, draft))
    assert obs.modality is Modality.CONSENSUS
    assert (obs.votes, obs.yes) == (None, None)


def test_sc_votes_flags_votes_that_contradict_the_outcome(tmp_path: Path) -> None:
    draft = scv_draft(
        1, "2017-07-14", 8003, resolution="2367 (2017)", votes={"United States": "No"}
    )
    (obs,) = scv_parse(scv_file(tmp_path, draft))
    assert set(obs.flags) == {"votes_contradict_outcome", "not_unanimous"}
    assert obs.vetoed_by == ()


@pytest.mark.parametrize(
    ("written", "expected", "note"),
    [
        ("President", (), "presidential text"),
        ("France, Russian Federation", ("FRA", "RUS"), None),
        ("Antigua and Barbuda, Mexico and the United Kingdom", ("MEX", "GBR"), "Antigua"),
        ("Costa, Rica, the_x000D_\nNetherlands", ("CRI", "NLD"), None),
        ("United States of America and Viet Nam (80)", ("USA", "VNM"), None),
    ],
)
def test_sc_votes_sponsors(
    tmp_path: Path, written: str, expected: tuple[str, ...], note: str | None
) -> None:
    draft = scv_draft(1, "2017-07-14", 8003, resolution="2367 (2017)", sponsors=written)
    (obs,) = scv_parse(scv_file(tmp_path, draft))
    assert obs.sponsors == expected
    if note:
        assert any(note in n for n in obs.notes)


def test_sc_votes_sponsors_all_members_and_the_elected_ten(tmp_path: Path) -> None:
    everyone = scv_draft(
        1, "2017-07-14", 8003, resolution="2367 (2017)", sponsors="All Council Members"
    )
    elected = scv_draft(2, "2017-07-20", 8004, resolution="2368 (2017)", sponsors="E10")
    first, second = scv_parse(scv_file(tmp_path, everyone, elected))
    assert frozenset(first.sponsors) == council_codes(dt.date(2017, 7, 14))
    assert set(second.sponsors) == set(first.sponsors) - {"CHN", "FRA", "GBR", "RUS", "USA"}


def test_sc_votes_meeting_forms(tmp_path: Path) -> None:
    drafts = [
        scv_draft(1, "2017-02-15", "S/PV.7964", resolution="2340 (2017)"),
        scv_draft(2, "2017-02-16", "PV.7965", resolution="2341 (2017)"),
        scv_draft(3, "2017-02-17", "S/PV7966", resolution="2342 (2017)"),
        scv_draft(4, "2017-02-18", "V082", resolution="2343 (2017)"),
    ]
    obs = scv_parse(scv_file(tmp_path, *drafts))
    assert [o.meeting for o in obs] == ["S/PV.7964", "S/PV.7965", "S/PV.7966", None]
    assert [o.flags for o in obs] == [(), (), ("meeting_format",), ("meeting_vtc",)]


def test_sc_votes_kind_from_the_draft_text(tmp_path: Path) -> None:
    drafts = [
        scv_draft(
            1,
            "2017-10-31",
            8080,
            draft="S/2017/797 (amendment)",
            outcome="Not adopted - failed to receive required number of votes",
            votes=dict.fromkeys(COUNCIL_2017[:8], "Abstain"),
        ),
        scv_draft(
            2,
            "2017-10-31",
            8080,
            draft="Oral amendment 1",
            outcome="Not adopted - failed to receive required number of votes",
            votes=dict.fromkeys(COUNCIL_2017[:8], "Abstain"),
        ),
    ]
    first, second = scv_parse(scv_file(tmp_path, *drafts))
    assert (first.kind, first.draft) == (Kind.AMENDMENT, "S/2017/797")
    assert (second.kind, second.draft) == (Kind.AMENDMENT, None)
    assert first.outcome is Outcome.FAILED
    assert second.flags == ()
    assert "Draft 'Oral amendment 1' (no document symbol)" in second.notes


def test_sc_votes_repeated_draft_symbols(tmp_path: Path) -> None:
    failed = "Not adopted - failed to receive required number of votes"
    few = dict.fromkeys(COUNCIL_2017[:8], "Abstain")
    drafts = [
        scv_draft(1, "2017-07-14", 8003, resolution="2367 (2017)", draft="S/2017/593"),
        scv_draft(2, "2017-07-14", 8003, draft="S/2017/593 amendment", outcome=failed, votes=few),
        scv_draft(3, "2017-07-20", 8004, resolution="2368 (2017)", draft="S/2017/600"),
        scv_draft(4, "2017-07-21", 8005, draft="S/2017/600", outcome=failed, votes=few),
    ]
    main, amendment, adopted, mislabelled = scv_parse(scv_file(tmp_path, *drafts))
    assert main.flags == ()
    assert (amendment.kind, amendment.draft) == (Kind.AMENDMENT, None)
    assert "an amendment to S/2017/593 (the draft itself is ID 1 (line 2))" in amendment.notes
    assert "draft_repeated" in adopted.flags
    assert "draft_repeated" in mislabelled.flags


def test_sc_votes_line_numbers_across_multiline_sponsors(tmp_path: Path) -> None:
    first = scv_draft(
        1, "2017-07-14", 8003, resolution="2367 (2017)", sponsors="Spain\nand Sweden."
    )
    second = scv_draft(2, "2017-07-20", 8004, resolution="2368 (2017)")
    obs = scv_parse(scv_file(tmp_path, first, second))
    assert [o.prov.line for o in obs] == [2, 2 + 15 * 2]
    assert obs[0].sponsors == ("ESP", "SWE")


def test_sc_votes_workbook_is_a_duplicate_not_parsed(tmp_path: Path) -> None:
    book = tmp_path / "sc_voting.xlsx"
    book.write_bytes(b"PK\x03\x04")
    assert not parse_sc_votes.looks_like(book)
    assert parse_sc_votes.is_duplicate_workbook(book)
    assert not parse_sc_votes.is_duplicate_workbook(tmp_path / "other.xlsx")


@pytest.mark.parametrize(
    ("row", "column", "value", "field"),
    [
        (0, "Date,", "14/07/2017", "Date,"),
        (3, "Member State", "Atlantis", "Member State"),
        (3, "Vote", "Maybe", "Vote"),
        (0, "ID", "one", "ID"),
        (0, "Year", "MMXVII", "Year"),
        (0, "Outcome results", "Adopted by magic", "Outcome results"),
        (0, "Resolution", "two thousand", "Resolution"),
        (0, "Meeting", "the 8003rd", "Meeting"),
    ],
)
def test_sc_votes_malformed_field(
    tmp_path: Path, row: int, column: str, value: str, field: str
) -> None:
    rows = scv_draft(1, "2017-07-14", 8003, resolution="2367 (2017)")
    targets = rows if column in parse_sc_votes._SHARED and column != "Date," else [rows[row]]
    for target in targets:
        target[SCV.index(column)] = value
    path = scv_file(tmp_path, rows)
    raises_at(path, parse_sc_votes.parse, 2 + row, field)


def test_sc_votes_draft_fields_must_agree_and_ids_must_not_reappear(tmp_path: Path) -> None:
    rows = scv_draft(1, "2017-07-14", 8003, resolution="2367 (2017)")
    rows[4][SCV.index("Draft")] = "S/2017/999"
    raises_at(scv_file(tmp_path, rows), parse_sc_votes.parse, 6, "Draft")
    one = scv_draft(1, "2017-07-14", 8003)
    two = scv_draft(2, "2017-07-20", 8004)
    path = scv_file(tmp_path, one[:5], two, one[5:], name="again.csv")
    raises_at(path, parse_sc_votes.parse, 2 + 5 + 15, "ID")


def test_sc_votes_wrong_header_missing_fields_truncated(tmp_path: Path) -> None:
    text = csv_text(SCV, scv_draft(1, "2017-07-14", 8003))
    wrong = write(tmp_path, "h.csv", text.replace('"Date,"', "Date", 1))
    raises_at(wrong, parse_sc_votes.parse, 1, "Date,")
    assert not parse_sc_votes.looks_like(wrong)
    lines = text.splitlines(keepends=True)
    short = write(tmp_path, "s.csv", "".join(lines[:4]) + lines[4].rsplit(",", 3)[0] + "\n")
    raises_at(short, parse_sc_votes.parse, 5, "ID")
    cut = write(tmp_path, "c.csv", "".join(lines[:4]) + '2017,2017-07-14,,8003,,"The situ')
    raises_at(cut, parse_sc_votes.parse, 5, None)


# --- failed drafts --------------------------------------------------------------------

FD = parse_failed_drafts.HEADER
MEMBERS_1948 = [
    "Argentina",
    "Belgium",
    "Canada",
    "China",
    "Colombia",
    "France",
    "Union of Soviet Socialist Republics",
    "United Kingdom",
    "United States",
    "Ukranian Soviet Socialist Republic",
    "Syria",
]


def fd_row(
    meeting: int,
    voting_on: str,
    year: int,
    sponsors: Sequence[str],
    yes: Sequence[str],
    abstain: Sequence[str],
    against: Sequence[str],
    *,
    note: str = "",
    counts: tuple[int, int, int] | None = None,
    members: Sequence[str] = MEMBERS_1948,
) -> list[object]:
    counts = counts or (len(yes), len(abstain), len(against))
    return [
        meeting,
        voting_on,
        year,
        repr(list(sponsors)),
        repr(list(yes)),
        repr(list(abstain)),
        repr(list(against)),
        note,
        repr(counts),
        repr(list(members)),
        len(sponsors) > 1,
        "Multiple",
        "Multiple",
        "",
        f"Meeting #: {meeting} Voting On: {voting_on}",
    ]


def fd_parse(tmp_path: Path, *rows: list[object]) -> list[DecisionObservation]:
    path = write(tmp_path, "cleaned_data_unsc.csv", csv_text(FD, rows))
    assert parse_failed_drafts.looks_like(path)
    return list(parse_failed_drafts.parse(path, name=path.name))


def test_failed_drafts_era_names_and_tuple_order(tmp_path: Path) -> None:
    yes = ["Argentina", "Belgium", "Colombia", "France", "Canada"]
    abstain = ["Ukraine", "Russian Federation", "United Kingdom", "United States", "Syria"]
    (obs,) = fd_parse(
        tmp_path, fd_row(386, "S/1127", 1948, ["France"], yes, abstain, [], counts=(6, 5, 0))
    )
    assert obs.prov.source is Source.FAILED_DRAFTS
    assert (obs.date, obs.meeting, obs.draft) == (dt.date(1948, 1, 1), "S/PV.386", "S/1127")
    assert (obs.yes, obs.no, obs.abstain) == (6, 0, 5)  # stated (For, Abstain, Against)
    assert obs.votes is not None
    assert obs.votes["SUN"] is A
    assert obs.votes["UKR"] is A
    assert "RUS" not in obs.votes
    assert obs.flags == (
        "date_year_only",
        "name_era_corrected",
        "tuple_disagrees",
        "votes_fewer_than_members",
    )
    assert obs.outcome is Outcome.FAILED
    assert obs.vetoed_by is None


def test_failed_drafts_outcomes(tmp_path: Path) -> None:
    members = list(COUNCIL_2017)
    eleven = [
        m for m in members if m not in {"Russian Federation", "Bolivia", "China", "Kazakhstan"}
    ]
    rows = [
        fd_row(
            8105,
            "S/2017/962",
            2017,
            ["United States"],
            ["Japan", "Italy", "Ukraine"],
            [m for m in members[:7] if m not in {"Japan", "Italy"}],
            [m for m in members[7:] if m != "Ukraine"],
            members=members,
        ),
        fd_row(
            8105,
            "S/2017/962",
            2017,
            ["France", "Italy"],
            eleven,
            ["China", "Kazakhstan"],
            ["Russian Federation", "Bolivia"],
            note="Negative vote",
            members=members,
        ),
        fd_row(
            7785,
            "S/2016/846",
            2016,
            ["France"],
            eleven,
            ["China", "Kazakhstan"],
            ["Russian Federation", "Bolivia"],
            members=members,
        ),
        fd_row(
            8105,
            "S/2017/968",
            2017,
            ["Russian Federation"],
            members[:4],
            members[4:8],
            members[8:],
            members=members,
        ),
    ]
    suspect, noted, inferred, failed = fd_parse(tmp_path, *rows)
    assert "suspect_label" in suspect.flags
    assert suspect.outcome is Outcome.FAILED
    assert noted.outcome is Outcome.VETOED
    assert noted.vetoed_by == ("RUS",)
    assert noted.flags == ("date_year_only",)
    assert inferred.outcome is Outcome.VETOED
    assert "veto_inferred" in inferred.flags
    assert failed.outcome is Outcome.FAILED


def test_failed_drafts_paragraph_votes(tmp_path: Path) -> None:
    row = fd_row(
        381,
        "S/1076 Paragraph 5",
        1948,
        ["Russian Federation"],
        ["Ukraine", "Russian Federation"],
        MEMBERS_1948[:6] + MEMBERS_1948[7:9] + ["Syria"],
        [],
    )
    (obs,) = fd_parse(tmp_path, row)
    assert (obs.draft, obs.kind) == ("S/1076", Kind.OTHER)
    assert obs.sponsors == ("SUN",)
    assert "vote on paragraph 5 of S/1076" in obs.notes


@pytest.mark.parametrize(
    ("column", "value", "field"),
    [
        ("In Favor", "['France', ", "In Favor"),
        ("Against", "['Atlantis']", "Against"),
        ("Year", "1948?", "Year"),
        ("Meeting Number", "386th", "Meeting Number"),
        ("For,Abstain,Against", "(6, 5)", "For,Abstain,Against"),
        ("Members", "'France'", "Members"),
        ("Joint Submission", "Maybe", "Joint Submission"),
    ],
)
def test_failed_drafts_malformed_field(tmp_path: Path, column: str, value: str, field: str) -> None:
    row = fd_row(386, "S/1125", 1948, ["Syria"], ["Syria"], MEMBERS_1948[:9], [])
    row[FD.index(column)] = value
    path = write(tmp_path, "f.csv", csv_text(FD, [row]))
    raises_at(path, parse_failed_drafts.parse, 2, field)


def test_failed_drafts_wrong_header_and_truncation(tmp_path: Path) -> None:
    row = fd_row(386, "S/1125", 1948, ["Syria"], ["Syria", "France"], [], [])
    text = csv_text(FD, [row])
    wrong = write(tmp_path, "h.csv", text.replace("In Favor", "For", 1))
    raises_at(wrong, parse_failed_drafts.parse, 1, "In Favor")
    cut = write(tmp_path, "c.csv", text[: text.index("'France'")])
    raises_at(cut, parse_failed_drafts.parse, 2, None)


# --- WPDL veto list -------------------------------------------------------------------

WP = parse_wpdl.HEADER


def wp_row(
    date: str,
    draft: str,
    meeting: str,
    vetoers: Sequence[str],
    dummies: dict[str, int] | None = None,
    agenda: str = "The Spanish question",
) -> list[object]:
    month, _, year = date.split("/")
    names = [*vetoers, "", ""][:3]
    dummies = dummies if dummies is not None else {}
    return [
        year,
        date,
        month,
        draft,
        meeting,
        agenda,
        "Spain",
        "Western Europe",
        *names,
        int(len(vetoers) == 1),
        int(len(vetoers) > 1),
        *(dummies.get(c, 0) for c in ("China", "France", "Russia", "USSR", "USA", "UK")),
        0,
        0,
        0,
        0,
        0,
    ]


def test_wpdl_rows(tmp_path: Path) -> None:
    rows = [
        wp_row("6/26/1946", "S/PV.49", "S/PV.49", ["USSR"], {"USSR": 1}),
        wp_row("6/26/1946", "S/PV.49", "S/PV.49", ["USSR"], {"USSR": 1}),
        wp_row(
            "6/26/1946",
            "S/PV.49",
            "S/PV.49",
            ["USSR"],
            {"USSR": 1},
            agenda="The Spanish question preliminary question",
        ),
        wp_row("10/30/1956", "S/3710 (as amended)", "S/PV.749", ["France", "UK"], {"UK": 1}),
        wp_row("7/8/2022", "S/2022/538", "S/PV.9087", ["Russia"], {"Russia": 1}),
    ]
    path = write(tmp_path, "unsc_vetoes.csv", csv_text(WP, rows))
    assert parse_wpdl.looks_like(path)
    obs = list(parse_wpdl.parse(path, name=path.name))
    assert [o.prov.line for o in obs] == [2, 3, 4, 5, 6]
    assert all(o.outcome is Outcome.VETOED for o in obs)
    assert obs[0].date == dt.date(1946, 6, 26)
    assert (obs[0].draft, obs[0].meeting, obs[0].vetoed_by) == (None, "S/PV.49", ("SUN",))
    assert obs[0].flags == ("draft_is_meeting",)
    assert obs[1].flags == ("duplicate_row", "draft_is_meeting")
    assert obs[2].kind is Kind.PRELIMINARY_QUESTION
    assert obs[2].flags == ("draft_is_meeting",)
    assert (obs[3].draft, obs[3].vetoed_by) == ("S/3710", ("FRA", "GBR"))
    assert obs[3].flags == ("draft_format", "dummies_disagree")
    assert (obs[4].date, obs[4].draft, obs[4].vetoed_by) == (
        dt.date(2022, 7, 8),
        "S/2022/538",
        ("RUS",),
    )
    assert obs[4].flags == ()


@pytest.mark.parametrize(
    ("column", "value", "field"),
    [
        ("date", "2022-07-08", "date"),
        ("date", "2/30/2022", "date"),
        ("member_veto1", "", "member_veto1"),
        ("member_veto1", "Atlantis", "member_veto1"),
        ("USSR", "yes", "USSR"),
        ("meeting_record", "PV nine thousand", "meeting_record"),
        ("year", "", "year"),
    ],
)
def test_wpdl_malformed_field(tmp_path: Path, column: str, value: str, field: str) -> None:
    row = wp_row("7/8/2022", "S/2022/538", "S/PV.9087", ["Russia"], {"Russia": 1})
    row[WP.index(column)] = value
    path = write(tmp_path, "w.csv", csv_text(WP, [row]))
    raises_at(path, parse_wpdl.parse, 2, field)


def test_wpdl_wrong_header_and_truncation(tmp_path: Path) -> None:
    text = csv_text(WP, [wp_row("7/8/2022", "S/2022/538", "S/PV.9087", ["Russia"])])
    raises_at(
        write(tmp_path, "h.csv", text.replace("member_veto1", "veto1")),
        parse_wpdl.parse,
        1,
        "member_veto1",
    )
    raises_at(write(tmp_path, "c.csv", text[:-20]), parse_wpdl.parse, 2, "Russia")


# --- DPPA membership ------------------------------------------------------------------

DP = parse_dppa.HEADER


def dppa_parse(tmp_path: Path, rows: Sequence[Sequence[object]]) -> list[MembershipObservation]:
    path = write(tmp_path, "DPPA-SCMEMBERSHIP.csv", csv_text(DP, rows))
    assert parse_dppa.looks_like(path)
    return list(parse_dppa.parse(path, name=path.name))


def test_dppa_rows(tmp_path: Path) -> None:
    rows = [
        (1, 1961, "USSR (Union of Soviet Socialist Republics)", "2021-01-17"),
        (2, 1961, "", "2021-01-17"),
        (3, 1973, "German FR (German Federal Republic)", "2021-01-17"),
        (4, 1980, "German DR (German Democratic Republic)", "2021-01-17"),
        (5, 1948, "Ukrainian SSR (Ukrainian Soviet Socialist Republic)", "2021-01-17"),
        (6, 1974, "Belarus", "2021-01-17"),
        (7, 2016, "Venezuela (Bolivarian Republic of)", "2021-01-17"),
    ]
    obs = dppa_parse(tmp_path, rows)
    assert [(o.year, o.code) for o in obs] == [
        (1961, "SUN"),
        (1961, None),
        (1973, "GER"),
        (1980, "DDR"),
        (1948, "UKR"),
        (1974, "BLR"),
        (2016, "VEN"),
    ]
    assert obs[1].raw_name == ""
    assert obs[0].prov.source is Source.DPPA_MEMBERSHIP
    assert [o.prov.line for o in obs] == list(range(2, 9))


@pytest.mark.parametrize(
    ("row", "line", "field"),
    [
        ((2, 1961, "Atlantis", "2021-01-17"), 3, "security_council_member"),
        ((2, 1961, "Soviet Union", "2021-01-17"), 3, "security_council_member"),  # SUN twice
        ((1, 1962, "Ireland", "2021-01-17"), 3, "id"),
        ((2, "1961a", "Ireland", "2021-01-17"), 3, "year"),
        ((2, 1961, "Ireland", "17/01/2021"), 3, "last_update"),
    ],
)
def test_dppa_malformed(tmp_path: Path, row: tuple[object, ...], line: int, field: str) -> None:
    rows = [(1, 1961, "USSR (Union of Soviet Socialist Republics)", "2021-01-17"), row]
    path = write(tmp_path, "d.csv", csv_text(DP, rows))
    raises_at(path, parse_dppa.parse, line, field)


def test_dppa_wrong_header_and_missing_fields(tmp_path: Path) -> None:
    path = write(tmp_path, "h.csv", "id,year,member,last_update\n1,1946,China,2021-01-17\n")
    raises_at(path, parse_dppa.parse, 1, "security_council_member")
    path = write(tmp_path, "m.csv", "id,year,security_council_member,last_update\n1,1946\n")
    raises_at(path, parse_dppa.parse, 2, "security_council_member")


# --- the real files -------------------------------------------------------------------


@pytest.fixture(scope="session")
def data() -> Path:
    """``<repo>/../shared/data`` (or ``$UNSC_SHARED_DIR/data``); skip when absent."""
    override = os.environ.get("UNSC_SHARED_DIR")
    root = Path(override) if override else REPO.parent / "shared"
    folder = root / "data"
    if folder.is_dir():
        return folder
    message = f"real-data tests need {folder} (set UNSC_SHARED_DIR to the folder holding data/)"
    if os.environ.get("CI", "").strip().lower() in {"true", "1"}:
        pytest.fail(f"{message}; CI=true requires it")
    pytest.skip(message)


def real(data: Path, relative: str) -> Path:
    path = data / relative
    if not path.is_file():
        pytest.fail(f"{path} is missing from the shared data folder")
    return path


def flag_counts(obs: Sequence[DecisionObservation]) -> collections.Counter[str]:
    return collections.Counter(flag for o in obs for flag in o.flags)


EXCERPT = "dhl-sc-voting-excerpt/sc_voting_2026_02_06_EXCERPT.csv"
SC_VOTES = "sc-votes-1994-2025/sc_voting.csv"
FAILED = "failed-drafts-unsc-for-us/cleaned_data_unsc.csv"
WPDL = "wpdl-vetoes/unsc_vetoes_1946_sept2022.csv"
DPPA = "dppa-sc-membership/DPPA-SCMEMBERSHIP.csv"
DPPA_LATER = "dppa-sc-membership/DPPA-SCMembership_2025-2027_rows.csv"

PARSERS = {
    EXCERPT: parse_dhl_voting,
    SC_VOTES: parse_sc_votes,
    FAILED: parse_failed_drafts,
    WPDL: parse_wpdl,
    DPPA: parse_dppa,
    DPPA_LATER: parse_dppa,
}


def parsed(data: Path, relative: str) -> Iterator[object]:
    path = real(data, relative)
    return iter(PARSERS[relative].parse(path, name=relative))


@pytest.mark.realdata
@pytest.mark.parametrize("relative", sorted(PARSERS))
def test_real_files_are_recognised_by_their_own_parser_only(data: Path, relative: str) -> None:
    path = real(data, relative)
    claimed = {m.__name__ for m in set(PARSERS.values()) if m.looks_like(path)}
    assert claimed == {PARSERS[relative].__name__}


@pytest.mark.realdata
def test_real_workbook_is_not_parsed(data: Path) -> None:
    book = real(data, "sc-votes-1994-2025/sc_voting.xlsx")
    assert not any(m.looks_like(book) for m in PARSERS.values())
    assert parse_sc_votes.is_duplicate_workbook(book)


@pytest.mark.realdata
def test_real_dhl_excerpt(data: Path) -> None:
    obs = [o for o in parsed(data, EXCERPT) if isinstance(o, DecisionObservation)]
    tallies = {o.resolution: (o.yes, o.no, o.abstain, o.not_voting) for o in obs}
    assert tallies == {
        14: (9, 0, 2, 0),
        157: (8, 2, 1, 0),
        511: (13, 0, 2, 0),
        2605: (13, 0, 2, 0),
    }
    by_res = {o.resolution: o for o in obs}
    abstained = {
        r: sorted(c for c, p in (o.votes or {}).items() if p is not Y) for r, o in by_res.items()
    }
    assert abstained == {
        14: ["SUN", "USA"],
        157: ["FRA", "POL", "SUN"],
        511: ["POL", "SUN"],
        2605: ["CHN", "RUS"],
    }
    assert by_res[511].votes is not None
    assert "COD" in by_res[511].votes
    assert by_res[157].date == dt.date(1960, 9, 17)
    assert all(o.flags == () for o in obs)


@pytest.mark.realdata
def test_real_sc_votes(data: Path) -> None:
    obs = [o for o in parsed(data, SC_VOTES) if isinstance(o, DecisionObservation)]
    assert len(obs) == 1997
    outcomes = collections.Counter(o.outcome for o in obs)
    assert outcomes == {
        Outcome.ADOPTED: 1885,
        Outcome.VETOED: 67,
        Outcome.FAILED: 45,
    }
    (syria,) = [o for o in obs if o.draft == "S/2017/884"]
    assert syria.date == dt.date(2017, 10, 24)
    assert syria.vetoed_by == ("RUS",)
    assert (syria.yes, syria.no, syria.abstain) == (11, 2, 2)
    (rwanda,) = [o for o in obs if o.resolution == 893]
    assert rwanda.date == dt.date(1994, 1, 6)
    assert "day_month_swapped" in rwanda.flags
    (misprint,) = [o for o in obs if o.resolution == 425]
    assert "resolution_format" in misprint.flags
    last = obs[-1]
    assert (last.resolution, last.draft) == (2781, "S/2025/270")
    assert {"resolution_draft_swapped", "member_rows_6"} <= set(last.flags)
    counts = flag_counts(obs)
    assert counts["resolution_draft_swapped"] == 3
    assert counts["member_name_typo"] == 2
    assert counts["conflicting_member_rows"] == 4
    assert counts["duplicate_member_row"] == 0  # the repeated members all differ in vote
    assert counts["draft_repeated"] == 20  # ten symbols, each under two IDs
    assert sum(n for f, n in counts.items() if f.startswith("member_rows_")) == 21
    # Every vetoed draft names its vetoing permanent members.
    assert all(o.vetoed_by for o in obs if o.outcome is Outcome.VETOED)


@pytest.mark.realdata
def test_real_sc_votes_dates_agree_with_the_un_library_meetings(data: Path) -> None:
    """Where the UN Library's meetings table dates the meeting, the corrected date is its date."""
    meetings: dict[str, set[str]] = collections.defaultdict(set)
    table = real(data, "dhl-meetings-outcomes/sc_meetings_outcomes_1946_2022.csv")
    with table.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            meetings[row["meeting_record_ffill"].split("(")[0].split(" ")[0]].add(row["date"])
    checked = wrong = 0
    for o in parsed(data, SC_VOTES):
        assert isinstance(o, DecisionObservation)
        if not {"day_month_swapped", "day_month_not_swapped"} & set(o.flags) or not o.meeting:
            continue
        dates = meetings.get(o.meeting)
        if not dates:
            continue
        stored = dt.date.fromisoformat(
            next(n for n in o.notes if n.startswith("stored date")).split()[2]
        )
        rejected = dt.date(stored.year, stored.day, stored.month) if o.date == stored else stored
        if o.date.isoformat() in dates or rejected.isoformat() in dates:
            checked += 1  # the UN Library dates the meeting on one of the two readings
            wrong += o.date.isoformat() not in dates
    assert checked > 300
    assert wrong == 0


@pytest.mark.realdata
def test_real_failed_drafts(data: Path) -> None:
    obs = [o for o in parsed(data, FAILED) if isinstance(o, DecisionObservation)]
    assert len(obs) == 53
    assert all("date_year_only" in o.flags for o in obs)
    counts = flag_counts(obs)
    assert counts["tuple_disagrees"] == 1
    assert counts["suspect_label"] == 1
    assert counts["votes_fewer_than_members"] == 2
    (tuple_row,) = [o for o in obs if "tuple_disagrees" in o.flags]
    assert (tuple_row.meeting, tuple_row.draft) == ("S/PV.386", "S/1127")
    (suspect,) = [o for o in obs if "suspect_label" in o.flags]
    assert (suspect.draft, suspect.yes, suspect.abstain, suspect.no) == ("S/2017/962", 3, 5, 7)
    vetoed = [o for o in obs if o.draft == "S/2017/962" and o is not suspect]
    assert [(o.outcome, o.vetoed_by) for o in vetoed] == [(Outcome.VETOED, ("RUS",))]
    # No "Russian Federation" before 1992: the USSR.
    assert not any("RUS" in (o.votes or {}) for o in obs if o.date < dt.date(1992, 1, 1))


@pytest.mark.realdata
def test_real_wpdl(data: Path) -> None:
    obs = [o for o in parsed(data, WPDL) if isinstance(o, DecisionObservation)]
    assert len(obs) == 214
    counts = flag_counts(obs)
    assert counts["duplicate_row"] == 1
    assert counts["draft_is_meeting"] == 23
    vetoes = collections.Counter(c for o in obs for c in o.vetoed_by or ())
    assert vetoes == {"SUN": 90, "USA": 82, "RUS": 31, "GBR": 29, "CHN": 17, "FRA": 16}
    assert obs[0].date == dt.date(1946, 2, 16)
    assert (obs[-1].date, obs[-1].draft) == (dt.date(2022, 7, 8), "S/2022/538")


@pytest.mark.realdata
@pytest.mark.parametrize(
    ("relative", "rows", "blank", "years"),
    [(DPPA, 1105, 13, (1946, 2024)), (DPPA_LATER, 45, 2, (2025, 2027))],
)
def test_real_dppa(
    data: Path, relative: str, rows: int, blank: int, years: tuple[int, int]
) -> None:
    obs = [o for o in parsed(data, relative) if isinstance(o, MembershipObservation)]
    assert len(obs) == rows
    assert sum(o.code is None for o in obs) == blank
    assert (min(o.year for o in obs), max(o.year for o in obs)) == years
    per_year = collections.Counter(o.year for o in obs)
    assert all(n == (11 if year < 1966 else 15) for year, n in per_year.items())
