"""The UN Library's voting file in its official 20-column layout (issue 13).

The fixture rows are written here, in the layout of the Library's
"Security Council voting data" CSV (UN Digital Library record 4055387), for
resolutions that exercise every defect the issue measured: the Laos
sub-committee (132, procedural, USSR against), 282 (1970, whose meetings page
copies 283's tally), 725 (31 Dec 1991, the Russian seat still labelled SUN),
the Federal Republic of Germany as GER (418 of 1977, 598 of 1987) and
Democratic Yemen as YMD (647 of 1990). Voting-record ids are the fixture's
own. The same checks then run on ``../shared/data``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

import unsc
from dbfixtures import fresh_database
from realdata import require_shared
from unsc._record.api import Record
from unsc._sources import dhl_voting as parse_dhl_voting

PERMANENT = {"CHN", "FRA", "GBR", "RUS", "SUN", "USA"}


def _block(
    undl_id: int,
    resolution: int,
    date: str,
    meeting: str,
    members: Sequence[tuple[str, str]],
    votes: dict[str, str],
    *,
    about: str,
    subjects: str,
    agenda: str,
    modality: str = "Vote",
    vote_note: str = "",
) -> list[list[str]]:
    """The rows of one voting record; members not in ``votes`` voted Y."""
    positions = {code: votes.get(code, "Y") for code, _ in members}
    totals = [sum(1 for p in positions.values() if p == v) for v in "YNAX"]
    year = date[:4]
    return [
        [
            str(undl_id),
            code,
            name,
            str(code in PERMANENT),
            positions[code],
            date,
            f"S/RES/{resolution}({year})",
            "",
            meeting,
            f"Security Council resolution {resolution} ({year}) [{about}]",
            agenda,
            subjects,
            vote_note if (modality != "Vote" or positions[code] == "X") else "",
            *(str(t) for t in totals),
            str(len(members)),
            modality,
            f"https://digitallibrary.un.org/record/{undl_id}",
        ]
        for code, name in members
    ]


COUNCIL_1959 = [
    ("ARG", "ARGENTINA"),
    ("CAN", "CANADA"),
    ("CHN", "CHINA"),
    ("FRA", "FRANCE"),
    ("ITA", "ITALY"),
    ("JPN", "JAPAN"),
    ("PAN", "PANAMA"),
    ("TUN", "TUNISIA"),
    ("SUN", "USSR"),
    ("GBR", "UNITED KINGDOM"),
    ("USA", "UNITED STATES"),
]
COUNCIL_1970 = [
    ("BDI", "BURUNDI"),
    ("CHN", "CHINA"),
    ("COL", "COLOMBIA"),
    ("FIN", "FINLAND"),
    ("FRA", "FRANCE"),
    ("NPL", "NEPAL"),
    ("NIC", "NICARAGUA"),
    ("POL", "POLAND"),
    ("SLE", "SIERRA LEONE"),
    ("ESP", "SPAIN"),
    ("SYR", "SYRIAN ARAB REPUBLIC"),
    ("SUN", "USSR"),
    ("GBR", "UNITED KINGDOM"),
    ("USA", "UNITED STATES"),
    ("ZMB", "ZAMBIA"),
]
COUNCIL_1977 = [
    ("BEN", "BENIN"),
    ("CAN", "CANADA"),
    ("CHN", "CHINA"),
    ("FRA", "FRANCE"),
    ("GER", "GERMANY, FEDERAL REPUBLIC OF"),
    ("IND", "INDIA"),
    ("LBY", "LIBYAN ARAB JAMAHIRIYA"),
    ("MUS", "MAURITIUS"),
    ("PAK", "PAKISTAN"),
    ("PAN", "PANAMA"),
    ("ROU", "ROMANIA"),
    ("SUN", "USSR"),
    ("GBR", "UNITED KINGDOM"),
    ("USA", "UNITED STATES"),
    ("VEN", "VENEZUELA"),
]
COUNCIL_1987 = [
    ("ARG", "ARGENTINA"),
    ("BGR", "BULGARIA"),
    ("CHN", "CHINA"),
    ("COG", "CONGO"),
    ("FRA", "FRANCE"),
    ("GER", "GERMANY, FEDERAL REPUBLIC OF"),
    ("GHA", "GHANA"),
    ("ITA", "ITALY"),
    ("JPN", "JAPAN"),
    ("SUN", "USSR"),
    ("ARE", "UNITED ARAB EMIRATES"),
    ("GBR", "UNITED KINGDOM"),
    ("USA", "UNITED STATES"),
    ("VEN", "VENEZUELA"),
    ("ZMB", "ZAMBIA"),
]
COUNCIL_1990 = [
    ("CAN", "CANADA"),
    ("CHN", "CHINA"),
    ("COL", "COLOMBIA"),
    ("CIV", "COTE D'IVOIRE"),
    ("CUB", "CUBA"),
    ("YMD", "DEMOCRATIC YEMEN"),
    ("ETH", "ETHIOPIA"),
    ("FIN", "FINLAND"),
    ("FRA", "FRANCE"),
    ("MYS", "MALAYSIA"),
    ("ROU", "ROMANIA"),
    ("SUN", "USSR"),
    ("GBR", "UNITED KINGDOM"),
    ("USA", "UNITED STATES"),
    ("COD", "ZAIRE"),
]
COUNCIL_2015 = [
    ("AGO", "ANGOLA"),
    ("TCD", "CHAD"),
    ("CHL", "CHILE"),
    ("CHN", "CHINA"),
    ("FRA", "FRANCE"),
    ("JOR", "JORDAN"),
    ("LTU", "LITHUANIA"),
    ("MYS", "MALAYSIA"),
    ("NZL", "NEW ZEALAND"),
    ("NGA", "NIGERIA"),
    ("RUS", "RUSSIAN FEDERATION"),
    ("ESP", "SPAIN"),
    ("GBR", "UNITED KINGDOM"),
    ("USA", "UNITED STATES"),
    ("VEN", "VENEZUELA (BOLIVARIAN REPUBLIC OF)"),
]
COUNCIL_1991_12_31 = [
    ("AUT", "AUSTRIA"),
    ("BEL", "BELGIUM"),
    ("CHN", "CHINA"),
    ("CIV", "COTE D'IVOIRE"),
    ("CUB", "CUBA"),
    ("ECU", "ECUADOR"),
    ("FRA", "FRANCE"),
    ("IND", "INDIA"),
    ("ROU", "ROMANIA"),
    ("SUN", "USSR"),
    ("GBR", "UNITED KINGDOM"),
    ("USA", "UNITED STATES"),
    ("YEM", "YEMEN"),
    ("ZAR", "ZAIRE"),
    ("ZWE", "ZIMBABWE"),
]

BLOCKS = [
    # (undl_id, resolution, date, meeting, members, votes, about, subjects, agenda)
    (
        900132,
        132,
        "1959-09-07",
        "S/PV.848",
        COUNCIL_1959,
        {"SUN": "N"},
        "on establishment of a sub-committee on the situation in Laos",
        "LAOS|SUBCOMMITTEES|FACT-FINDING MISSIONS",
        "Report by the Secretary-General relating to Laos.",
    ),
    (
        900282,
        282,
        "1970-07-23",
        "S/PV.1549",
        COUNCIL_1970,
        {"FRA": "A", "GBR": "A", "USA": "A"},
        "on strengthening of the arms embargo against South Africa",
        "SOUTH AFRICA|ARMS EMBARGO|APARTHEID",
        "The question of race conflict in South Africa.",
    ),
    (
        900418,
        418,
        "1977-11-04",
        "S/PV.2046",
        COUNCIL_1977,
        {},
        "on a mandatory arms embargo against South Africa",
        "SOUTH AFRICA|ARMS EMBARGO",
        "The question of South Africa.",
    ),
    (
        900598,
        598,
        "1987-07-20",
        "S/PV.2750",
        COUNCIL_1987,
        {},
        "on a ceasefire between Iran and Iraq",
        "IRAN (ISLAMIC REPUBLIC OF)--IRAQ|CEASEFIRES",
        "The situation between Iran and Iraq.",
    ),
    (
        900647,
        647,
        "1990-01-11",
        "S/PV.2904",
        COUNCIL_1990,
        {},
        "on extension of the mandate of the UN Good Offices Mission in Afghanistan and Pakistan",
        "AFGHANISTAN|GOOD OFFICES",
        "The situation relating to Afghanistan.",
    ),
    (
        900725,
        725,
        "1991-12-31",
        "S/PV.3025",
        COUNCIL_1991_12_31,
        {},
        "on the situation concerning Western Sahara",
        "WESTERN SAHARA|REFERENDUMS",
        "The situation concerning Western Sahara.",
    ),
    (
        902235,
        2235,
        "2015-08-07",
        "S/PV.7501",
        COUNCIL_2015,
        {},
        "on establishment of an OPCW-UN Joint Investigative Mechanism on the use of chemicals "
        "as weapons in the Syrian Arab Republic",
        "CHEMICAL WEAPONS|SYRIAN ARAB REPUBLIC|INVESTIGATIONS",
        "The situation in the Middle East.",
    ),
]
BLOCKS += [
    (
        900425,
        425,
        "1978-03-19",
        "S/PV.2074",
        [
            ("BOL", "BOLIVIA"),
            ("CAN", "CANADA"),
            ("CHN", "CHINA"),
            ("CSK", "CZECHOSLOVAKIA"),
            ("FRA", "FRANCE"),
            ("GAB", "GABON"),
            ("GER", "GERMANY, FEDERAL REPUBLIC OF"),
            ("IND", "INDIA"),
            ("KWT", "KUWAIT"),
            ("MUS", "MAURITIUS"),
            ("NGA", "NIGERIA"),
            ("SUN", "USSR"),
            ("GBR", "UNITED KINGDOM"),
            ("USA", "UNITED STATES"),
            ("VEN", "VENEZUELA"),
        ],
        {"CSK": "A", "SUN": "A", "CHN": "X"},
        "on establishment of the UN Interim Force in Lebanon",
        "LEBANON|PEACEKEEPING OPERATIONS",
        "The situation in the Middle East.",
    ),
    (
        900462,
        462,
        "1980-01-09",
        "S/PV.2190",
        [
            ("BGD", "BANGLADESH"),
            ("CHN", "CHINA"),
            ("FRA", "FRANCE"),
            ("DDR", "GERMAN DEMOCRATIC REPUBLIC"),
            ("JAM", "JAMAICA"),
            ("MEX", "MEXICO"),
            ("NER", "NIGER"),
            ("NOR", "NORWAY"),
            ("PHL", "PHILIPPINES"),
            ("PRT", "PORTUGAL"),
            ("TUN", "TUNISIA"),
            ("SUN", "USSR"),
            ("GBR", "UNITED KINGDOM"),
            ("USA", "UNITED STATES"),
            ("ZMB", "ZAMBIA"),
        ],
        {"DDR": "N", "SUN": "N", "ZMB": "A"},
        "on calling an emergency special session of the General Assembly on Afghanistan",
        "AFGHANISTAN|EMERGENCY SPECIAL SESSIONS",
        "Letter dated 3 January 1980 concerning the situation in Afghanistan.",
    ),
    (
        900622,
        622,
        "1988-10-31",
        "S/PV.2828",
        [
            ("DZA", "ALGERIA"),
            ("ARG", "ARGENTINA"),
            ("BRA", "BRAZIL"),
            ("CHN", "CHINA"),
            ("FRA", "FRANCE"),
            ("GER", "GERMANY, FEDERAL REPUBLIC OF"),
            ("ITA", "ITALY"),
            ("JPN", "JAPAN"),
            ("NPL", "NEPAL"),
            ("SEN", "SENEGAL"),
            ("SUN", "USSR"),
            ("GBR", "UNITED KINGDOM"),
            ("USA", "UNITED STATES"),
            ("YUG", "YUGOSLAVIA"),
            ("ZMB", "ZAMBIA"),
        ],
        {},
        "on the UN Good Offices Mission in Afghanistan and Pakistan",
        "AFGHANISTAN|GOOD OFFICES",
        "The situation relating to Afghanistan.",
    ),
]
NOTES = {425: "Did not participate in the voting"}
RESOLUTIONS = (132, 282, 418, 425, 462, 598, 622, 647, 725, 2235)


def official_file(folder: Path) -> Path:
    """Write the fixture voting file, in the official layout, into ``folder``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(parse_dhl_voting.HEADER)
    for undl, number, date, meeting, members, votes, about, subjects, agenda in BLOCKS:
        writer.writerows(
            _block(
                undl,
                number,
                date,
                meeting,
                members,
                votes,
                about=about,
                subjects=subjects,
                agenda=agenda,
                vote_note=NOTES.get(number, ""),
            )
        )
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "2026_02_06_sc_voting.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def test_every_library_code_is_read(tmp_path: Path) -> None:
    path = official_file(tmp_path)
    obs = {o.resolution: o for o in parse_dhl_voting.parse(path, name=path.name)}
    assert set(obs) == set(RESOLUTIONS)
    assert obs[2235].subjects == ("CHEMICAL WEAPONS", "SYRIAN ARAB REPUBLIC", "INVESTIGATIONS")
    assert obs[2235].description is not None
    assert obs[2235].description.startswith("Security Council resolution 2235 (2015) [on")
    assert obs[418].votes is not None
    assert "GER" in obs[418].votes
    assert obs[598].votes is not None
    assert "GER" in obs[598].votes
    assert obs[647].votes is not None
    assert "YMD" in obs[647].votes
    assert obs[425].votes is not None
    assert obs[425].votes["CSK"] is unsc.Position.ABSTAIN
    assert obs[425].absence == {"CHN": unsc.NonVoting.NOT_PARTICIPATING}
    assert obs[462].votes is not None
    assert obs[462].votes["DDR"] is unsc.Position.NO
    assert obs[622].votes is not None
    assert "YUG" in obs[622].votes
    res725 = obs[725]
    assert res725.votes is not None
    assert "RUS" in res725.votes
    assert "SUN" not in res725.votes
    assert "COD" in res725.votes  # ZAR is the Library's other code for Zaire
    assert "library_code_relabelled" in res725.flags
    assert any("ms_code SUN" in n and "read as RUS" in n for n in res725.notes)
    assert all("not_on_council" not in o.flags for o in obs.values())


def test_unsc_council_agrees_with_the_file_code_for_code(tmp_path: Path) -> None:
    for _undl, _n, date, _m, members, _v, *_ in BLOCKS:
        council = unsc.council(dt.date.fromisoformat(date))
        expected = {unsc_code for unsc_code in council.codes}
        written = {code for code, _ in members}
        if date == "1991-12-31":
            # The Library's labels of that day: SUN for the Russian seat, ZAR for Zaire.
            written = (written - {"SUN", "ZAR"}) | {"RUS", "COD"}
        assert written == expected, date


@pytest.fixture(params=["sqlite", "postgresql"])
def record(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Record]:
    gen = fresh_database(request.param, tmp_path)
    url = next(gen)
    rec = Record(url)
    yield rec
    rec.engine.dispose()
    for _ in gen:
        pass


def test_the_official_file_loads_and_every_resolution_is_adopted(
    record: Record, tmp_path: Path
) -> None:
    official_file(tmp_path / "data")
    record.load(tmp_path / "data")
    for number in RESOLUTIONS:
        res = record.resolution(number)
        assert res is not None, number
        assert res["adjudicated_outcome"] == "adopted", (number, res)
    status = record.status()
    assert status["agreement"]["unexplained"] == 0
    # The seven resolutions, and the one procedural vote with a tally (24 Oct 2017).
    assert status["agreement"]["compared"] == len(RESOLUTIONS) + 1
    assert status["conflicts"].get("members_mismatch", 0) == 0
    res132 = record.resolution(132)
    assert res132 is not None
    assert res132["procedural"] is True
    assert res132["votes"]["SUN"] == "N"
    res725 = record.resolution(725)
    assert res725 is not None
    assert res725["votes"]["RUS"] == "Y"
    assert record.resolution(418)["votes"]["GER"] == "Y"  # type: ignore[index]
    res2235 = record.resolution(2235)
    assert res2235 is not None
    assert res2235["subjects"] == ["CHEMICAL WEAPONS", "SYRIAN ARAB REPUBLIC", "INVESTIGATIONS"]
    assert "Joint Investigative Mechanism" in res2235["description"]
    assert record.resolution(647)["votes"]["YMD"] == "Y"  # type: ignore[index]


def test_per_member_votes_decide_the_tally_over_the_meetings_page(
    record: Record, tmp_path: Path
) -> None:
    """282 (1970): 12-0-3 from the member rows; the 1970 page's 13-0-2 kept as the other value."""
    data = tmp_path / "data"
    official_file(data)
    page = require_shared() / "data" / "dhl-pages" / "scact1970_table_en.html"
    (data / page.name).symlink_to(page)
    record.load(data)
    res = record.resolution(282)
    assert res is not None
    assert (res["yes"], res["no"], res["abstain"]) == (12, 0, 3)
    assert res["tally_source"] == "dhl-voting-csv"
    tally = [
        c
        for c in record.conflicts(kind="source_disagreement")
        if c["decision"] == "res:282" and c["field"] == "tally"
    ]
    assert len(tally) == 1
    values = {v["source"]: v["value"][:3] for v in tally[0]["values"]}
    assert values == {"dhl-voting-csv": [12, 0, 3], "dhl-meetings-html": [13, 0, 2]}
    assert tally[0]["chosen"] == [12, 0, 3, 0]


def test_adopted_over_a_permanent_no_off_the_procedural_list_is_unexplained(
    record: Record, tmp_path: Path
) -> None:
    """The rule behind the procedural list: a permanent no on an adopted text must be explained."""
    data = tmp_path / "data"
    path = official_file(data)
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    # Make 418 (1977) a 14-1-0 adoption over a USSR no: not on the procedural list.
    for row in rows[1:]:
        if row[0] == "900418":
            row[12:15] = ["", "14", "1"]
            if row[1] == "SUN":
                row[4] = "N"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    record.load(data)
    unexplained = record.conflicts(kind="engine_disagreement")
    assert [c["decision"] for c in unexplained] == ["res:418"]
    assert record.status()["agreement"]["unexplained"] == 1


def test_the_record_holds_the_postponement_motion_of_24_october_2017(
    record: Record, tmp_path: Path
) -> None:
    """The founding story's procedural vote: 4-8-3, S/PV.8073, failed without a veto."""
    data = tmp_path / "data"
    official_file(data)
    page = require_shared() / "data" / "dhl-pages" / "scact2017_table_en.html"
    (data / page.name).symlink_to(page)
    record.load(data)
    motion = record.decision("procedural:S/PV.8073@2017-10-24#1")
    assert motion is not None
    assert motion["kind"] == "procedural_motion"
    assert motion["procedural"] is True
    assert (motion["yes"], motion["no"], motion["abstain"]) == (4, 8, 3)
    assert motion["recorded_outcome"] == motion["adjudicated_outcome"] == "failed"
    assert motion["vetoed_by"] == []  # Russia moved it; a procedural vote knows no veto
    assert motion["votes"] == {}  # no full ballot: ``votes`` holds full ballots only
    assert motion["named_votes"] == {"BOL": "Y", "CHN": "Y", "KAZ": "Y", "RUS": "Y"}
    (prov,) = motion["provenance"]
    assert prov == {
        "source": "unsc-procedural-votes",
        "file": "unsc/_data/procedural_votes.csv",
        "line": 2,
    }
    jim = record.decision("draft:S/2017/884")  # the draft is its own decision, not merged
    assert jim is not None
    assert jim["adjudicated_outcome"] == "vetoed"
    assert "unsc-procedural-votes" not in jim["sources"]


@pytest.mark.parametrize("words", ["JIM", "chemical", "Joint Investigative Mechanism"])
def test_search_finds_the_draft_and_the_mechanism(
    record: Record, tmp_path: Path, words: str
) -> None:
    data = tmp_path / "data"
    official_file(data)
    page = require_shared() / "data" / "dhl-pages" / "scact2017_table_en.html"
    (data / page.name).symlink_to(page)
    record.load(data)
    found = {(r["kind"], r["ref"]) for r in record.search(words)}
    assert ("veto", "draft:S/2017/884") in found, found
    assert ("mandate", "mandate:JIM") in found, found
    if words == "chemical":
        assert ("resolution", "res:2235") in found
    assert not {r for r in found if r[1] == "res:282"}  # arms embargo: no match


def test_search_cli(record: Record, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from unsc._cli import main

    official_file(tmp_path / "data")
    record.load(tmp_path / "data")
    url = record.engine.url.render_as_string(hide_password=False)
    out = CliRunner().invoke(main, ["--database", url, "search", "chemical", "--json"])
    assert out.exit_code == 0, out.output
    rows = __import__("json").loads(out.stdout)
    assert rows[0]["ref"] == "res:2235"
    assert rows[0]["title"] == "S/RES/2235 (2015)"
    empty = CliRunner().invoke(main, ["--database", url, "search", "--", "!!"])
    assert empty.exit_code == 2


def _loaded_with_2017(record: Record, tmp_path: Path) -> str:
    data = tmp_path / "data"
    official_file(data)
    page = require_shared() / "data" / "dhl-pages" / "scact2017_table_en.html"
    (data / page.name).symlink_to(page)
    record.load(data)
    return record.engine.url.render_as_string(hide_password=False)


def test_search_in_the_api_and_the_explorer(record: Record, tmp_path: Path) -> None:
    from test_web_support import client_for

    url = _loaded_with_2017(record, tmp_path)
    with client_for(url) as client:
        api = client.get("/api/search", params={"q": "JIM"})
        assert api.status_code == 200, api.text
        refs = {(r["kind"], r["ref"]) for r in api.json()}
        assert {("veto", "draft:S/2017/884"), ("mandate", "mandate:JIM")} <= refs
        assert api.json() == record.search("JIM")  # the CLI's shape
        bad = client.get("/api/search", params={"q": "!!"})
        assert bad.status_code == 400
        assert "error" in bad.json()
        page = client.get("/record", params={"view": "vetoes", "q": "chemical"})
        assert page.status_code == 200
        assert "S/2017/884" in page.text
        page = client.get("/record", params={"view": "resolutions", "q": "JIM"})
        assert "2235" in page.text
        assert "S/RES/282" not in page.text


def _members(date: str) -> list[tuple[str, str]]:
    return [(m.code, m.name.upper()) for m in unsc.council(dt.date.fromisoformat(date)).members]


def test_vote_or_without_vote_the_voting_data_is_believed_and_both_are_kept(
    record: Record, tmp_path: Path
) -> None:
    """Resolutions 1 (1946), 105 (1954) and 744 (1992): the Library's two tables disagree.

    The meetings pages give 1 "without vote" and 105 and 744 counts (11-0-0,
    15-0-0); rows in the voting data's layout give the opposite. The record
    keeps the voting data's modality (a field of its own, with notes), shows
    a ``modality`` conflict with both values, and every one stays adopted.
    """
    data = tmp_path / "data"
    data.mkdir()
    rows = [list(parse_dhl_voting.HEADER)]
    cases = [
        (900001, 1, "1946-01-25", "S/PV.2", "Vote", ""),
        (900105, 105, "1954-07-28", "S/PV.677", "Without Vote", "Adopted without vote"),
        (900744, 744, "1992-02-25", "S/PV.3056", "Without Vote", "Adopted without vote"),
    ]
    for undl, number, date, meeting, modality, note in cases:
        rows += _block(
            undl,
            number,
            date,
            meeting,
            _members(date),
            {},
            about="fixture",
            subjects="",
            agenda="fixture agenda",
            modality=modality,
            vote_note=note,
        )
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    (data / "voting.csv").write_text(out.getvalue(), encoding="utf-8")
    for year in (1946, 1954, 1992):
        page = require_shared() / "data" / "dhl-pages" / f"scact{year}_table_en.html"
        (data / page.name).symlink_to(page)
    record.load(data)
    disagreements = {
        c["decision"]: c
        for c in record.conflicts(kind="source_disagreement")
        if c["field"] == "modality"
    }
    assert set(disagreements) == {"res:1", "res:105", "res:744"}
    for key, believed in (
        ("res:1", "vote"),
        ("res:105", "without_vote"),
        ("res:744", "without_vote"),
    ):
        c = disagreements[key]
        assert c["chosen"] == believed
        assert c["chosen_source"] == "dhl-voting-csv"
        assert {v["source"] for v in c["values"]} == {"dhl-voting-csv", "dhl-meetings-html"}
        res = record.resolution(int(key[4:]))
        assert res is not None
        assert res["adjudicated_outcome"] in ("adopted", None)
        assert res["recorded_outcome"] == "adopted"
    assert record.status()["agreement"]["unexplained"] == 0


def test_the_shared_excerpt_is_the_council_code_for_code() -> None:
    """Every record of the Library's excerpt names exactly unsc council's codes of its day."""
    folder = require_shared() / "data" / "dhl-sc-voting-excerpt"
    (path,) = folder.glob("*.csv")
    records = list(parse_dhl_voting.parse(path, name=path.name))
    assert len(records) == 4
    for o in records:
        assert o.votes is not None
        assert set(o.votes) == set(unsc.council(o.date).codes), o.resolution
        assert "not_on_council" not in o.flags


def test_migration_0005_goes_down_and_up_and_marks_files_for_reparsing(
    record: Record, tmp_path: Path
) -> None:
    import pathlib

    import sqlalchemy as sa
    from alembic import command
    from alembic.config import Config

    from unsc._store import db

    official_file(tmp_path / "data")
    record.load(tmp_path / "data")
    config = Config()
    config.set_main_option("script_location", str(pathlib.Path(db.__file__).parent / "migrations"))
    with record.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0004_reports")
    assert "search_documents" not in sa.inspect(record.engine).get_table_names()
    db.migrate(record.engine)
    with record.engine.connect() as conn:
        digests = conn.execute(sa.select(db.source_files.c.sha256)).scalars().all()
    assert digests == [""]
    report = record.load(tmp_path / "data")  # parsed again, index rebuilt
    assert not report.unchanged
    assert record.search("chemical")[0]["ref"] == "res:2235"
