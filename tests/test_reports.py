"""Vote reports in the database: store, idempotence, candidates, confirm with corrections, reject.

On SQLite and PostgreSQL (``fresh_database``). The founding story's wire report
(``tests/extract_devset`` has its own; the seed is the AP story of 26 October
2017) gives two votes: the motion to postpone, 4-8-3, failed; the draft, 11-2-2,
vetoed by the Russian Federation.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import pathlib
import random
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
import sqlalchemy.orm  # fresh_database's teardown uses sa.orm
from click.testing import CliRunner

from dbfixtures import fresh_database
from realdata import shared_dir
from unsc._cli import _LazyGroup, main
from unsc._engine import Kind, Outcome
from unsc._errors import InputError
from unsc._extract import ExtractedVote, ExtractWarning, extract
from unsc._extract._checks import check_vote
from unsc._record import reports
from unsc._record.reports import Reports, ReportStatus
from unsc._store import db, query, report_tables

REPO = pathlib.Path(__file__).resolve().parent.parent
DEVSET = REPO / "tests" / "extract_devset"
SEED = shared_dir() / "seeds" / "000_7eccf3441f495112.txt"
STORY = (
    "date 2017-10-26 AP, UNITED NATIONS\n\n"
    "Russia on Tuesday vetoed a US-sponsored resolution that would extend the work of "
    "inspectors seeking to determine who is responsible for chemical weapons attacks in "
    "Syria.\n\n"
    "Russian Ambassador to the UN Vassily Nebenzia tried unsuccessfully to postpone the vote "
    "until next month, after the joint body issues a report on the April 4 chemical attack.\n\n"
    "Russia's call for a delay needed nine \u201cyes\u201d votes in the Security Council, but "
    "got only four \u2014 Russia, China, Bolivia and Kazakhstan \u2014 and it was opposed by "
    "eight members with three abstentions.\n\n"
    "The US-backed resolution was then put to a vote and received 11 \u201cyes\u201d votes, two "
    "\u201cno\u201d votes from Russia and Bolivia, and two abstentions by China and Kazakhstan.\n"
)


def _story() -> str:
    """The seed story when the shared folder is there, else its voting paragraphs."""
    return SEED.read_text("utf-8") if SEED.exists() else STORY


def _doubtful() -> ExtractedVote:
    """A vote as a reader might misread it: 10-2-2 does not add up to fifteen."""
    return ExtractedVote(
        date=dt.date(2017, 10, 24),
        kind=Kind.DRAFT_RESOLUTION,
        question="the draft to renew the Joint Investigative Mechanism",
        draft="S/2017/884",
        resolution=None,
        procedural=False,
        yes=10,
        no=2,
        abstain=2,
        not_voting=0,
        members_yes=(),
        members_no=("BOL", "RUS"),
        members_abstain=("CHN", "KAZ"),
        members_not_voting=(),
        members_inferred=(),
        sponsor="USA",
        outcome=Outcome.VETOED,
        vetoed_by=("RUS",),
        warnings=(ExtractWarning.COUNTS_DO_NOT_ADD_UP.value,),
    )


DOUBTFUL_TEXT = (
    "On 24 October 2017 the Council voted on draft S/2017/884: 10 in favour, 2 against "
    "(Russia and Bolivia) and 2 abstentions (China and Kazakhstan). Russia vetoed it."
)


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: pathlib.Path) -> Iterator[str]:
    yield from fresh_database(request.param, tmp_path)


@pytest.fixture
def store(url: str) -> Iterator[Reports]:
    rec = Reports(url)
    yield rec
    rec.engine.dispose()


def _counts(store: Reports) -> tuple[int, int]:
    with store.engine.connect() as conn:
        return (
            conn.execute(
                sa.select(sa.func.count()).select_from(report_tables.reports_table)
            ).scalar_one(),
            conn.execute(
                sa.select(sa.func.count()).select_from(report_tables.votes_table)
            ).scalar_one(),
        )


# --- Storing ----------------------------------------------------------------------------


def test_the_founding_story_is_stored_with_its_provenance(
    store: Reports, tmp_path: pathlib.Path
) -> None:
    path = tmp_path / "jim-veto.txt"
    path.write_text(_story(), encoding="utf-8")
    loaded = store.load(path)
    assert loaded.created
    report = loaded.report
    assert report.file == "jim-veto.txt"
    assert report.sha256 == reports.text_sha256(_story())
    assert len(report.sha256) == 64
    assert report.text == _story()
    motion, draft = report.votes
    assert (motion.vote.kind, motion.vote.outcome) == (Kind.PROCEDURAL_MOTION, Outcome.FAILED)
    assert (motion.vote.yes, motion.vote.no, motion.vote.abstain) == (4, 8, 3)
    assert (draft.vote.outcome, draft.vote.vetoed_by) == (Outcome.VETOED, ("RUS",))
    assert (draft.vote.yes, draft.vote.no, draft.vote.abstain) == (11, 2, 2)
    # No warnings: stored as confirmed user records, exactly as the reader gave them.
    assert [v.status for v in report.votes] == [ReportStatus.CONFIRMED] * 2
    assert [v.vote for v in report.votes] == list(extract(_story()))
    assert all(v.decided_at for v in report.votes)
    assert [v.vote.to_dict() for v in report.votes] == [v.extracted.to_dict() for v in report.votes]
    row = draft.to_dict()
    assert (row["file"], row["sha256"], row["seq"], row["status"]) == (
        "jim-veto.txt",
        report.sha256,
        2,
        "confirmed",
    )
    assert row["corrections"] == {}
    assert {k: row[k] for k in draft.vote.to_dict()} == draft.vote.to_dict()


def test_loading_the_same_text_twice_changes_nothing(store: Reports) -> None:
    first = store.load_text(_story(), file="story.txt")
    before = _counts(store)
    again = store.load_text(_story(), file="another-name.txt")
    windows = store.load_text(_story().replace("\n", "\r\n"), file="story-crlf.txt")
    assert before == (1, 2)
    assert _counts(store) == before
    assert not again.created
    assert not windows.created
    assert again.report == first.report  # same id, file, votes and statuses
    assert again.report.file == "story.txt"


def test_confirmations_survive_a_reload(store: Reports) -> None:
    first = store.load_text(_story(), file="story.txt")
    vote = first.report.votes[0]
    store.reject(vote.id)
    again = store.load_text(_story(), file="story.txt")
    assert again.report.votes[0].status is ReportStatus.REJECTED


def test_a_vote_with_a_warning_is_a_candidate(store: Reports) -> None:
    with store.engine.begin() as conn:
        loaded = reports.store_report(conn, DOUBTFUL_TEXT, file="doubt.txt", votes=[_doubtful()])
    (vote,) = loaded.report.votes
    assert vote.status is ReportStatus.CANDIDATE
    assert vote.decided_at is None
    assert vote.vote.warnings == ("counts_do_not_add_up",)
    assert [v.id for v in store.votes(status="candidate")] == [vote.id]
    assert store.votes(status=ReportStatus.CONFIRMED) == []


def test_a_vote_without_date_outcome_or_counts_is_never_confirmed(store: Reports) -> None:
    # issue 15 item 9: even without warnings, an incomplete record is only a candidate
    bare = dataclasses.replace(_doubtful(), warnings=(), date=None)
    unsure = dataclasses.replace(_doubtful(), warnings=(), outcome=None)
    uncounted = dataclasses.replace(_doubtful(), warnings=(), yes=None, no=None, abstain=None)
    whole = dataclasses.replace(_doubtful(), warnings=(), yes=11)
    assert not any(reports.trusted(v) for v in (bare, unsure, uncounted))
    assert reports.trusted(whole)
    with store.engine.begin() as conn:
        loaded = reports.store_report(
            conn, DOUBTFUL_TEXT, file="doubt.txt", votes=[bare, unsure, uncounted, whole]
        )
    statuses = [v.status for v in loaded.report.votes]
    assert statuses == [ReportStatus.CANDIDATE] * 3 + [ReportStatus.CONFIRMED]


def test_noise_gives_no_confirmed_vote(store: Reports) -> None:
    rnd = random.Random(9)
    noise = bytes(rnd.randrange(1, 256) for _ in range(50_000)).decode("latin-1")
    salad = " ".join(rnd.choice(NOISE_WORDS) for _ in range(5_000))
    for text in (noise, salad):
        loaded = store.load_text(text, file="noise.txt")
        assert all(v.status is ReportStatus.CANDIDATE for v in loaded.report.votes)
    assert store.votes(status="confirmed") == []
    with pytest.raises(InputError, match="NUL"):
        store.load_text("Russia vetoed it.\x00", file="nul.txt")


NOISE_WORDS = (
    'Council', 'voted', 'adopted', 'resolution', 'draft', 'vetoed', 'Russia', 'China',
    'abstained', 'against', 'in', 'favour', '13', '2', '0', 'nine', 'unanimously', 'failed',
    'rejected', 'on', 'Monday', '.', ',',
)  # fmt: skip


def test_without_auto_confirm_every_vote_is_a_candidate(store: Reports) -> None:
    loaded = store.load_text(_story(), file="story.txt", auto_confirm=False)
    assert [v.status for v in loaded.report.votes] == [ReportStatus.CANDIDATE] * 2


# --- Confirming and rejecting ---------------------------------------------------------------


def test_confirm_with_corrections(store: Reports) -> None:
    with store.engine.begin() as conn:
        loaded = reports.store_report(conn, DOUBTFUL_TEXT, file="doubt.txt", votes=[_doubtful()])
    vote_id = loaded.report.votes[0].id
    confirmed = store.confirm(vote_id, {"yes": "11", "members_no": "Russian Federation, BOL"})
    assert confirmed.status is ReportStatus.CONFIRMED
    assert confirmed.decided_at
    assert confirmed.vote.yes == 11
    assert confirmed.vote.members_no == ("BOL", "RUS")
    assert confirmed.vote.warnings == ()  # checked again: 11-2-2 adds up
    assert confirmed.corrections == {"yes": {"from": 10, "to": 11}}
    assert confirmed.extracted == _doubtful()  # what the reader gave is kept
    # The spans are found again for the corrected values ("10" no longer supports yes).
    assert not any("yes" in s.fields for s in confirmed.spans)
    fresh = Reports(engine=store.engine)
    (stored,) = fresh.votes()
    assert stored == confirmed
    assert stored.to_dict()["corrections"] == {"yes": {"from": 10, "to": 11}}
    # Confirming again without corrections changes only the time of the decision.
    again = store.confirm(vote_id)
    assert dataclasses.replace(again, decided_at=None) == dataclasses.replace(
        confirmed, decided_at=None
    )


def test_a_correction_that_breaks_the_rules_is_flagged(store: Reports) -> None:
    loaded = store.load_text(_story(), file="story.txt")
    motion = loaded.report.votes[0]
    confirmed = store.confirm(motion.id, {"outcome": "vetoed", "vetoed_by": ["RUS"]})
    assert confirmed.status is ReportStatus.CONFIRMED  # a person's decision stands
    assert confirmed.vote.warnings == ("outcome_contradicts_rules",)


def test_reject(store: Reports) -> None:
    loaded = store.load_text(_story(), file="story.txt")
    draft = loaded.report.votes[1]
    rejected = store.reject(draft.id)
    assert rejected.status is ReportStatus.REJECTED
    assert rejected.vote == draft.vote
    assert [v.id for v in store.votes(status="rejected")] == [draft.id]
    assert store.confirm(draft.id).status is ReportStatus.CONFIRMED  # the latest decision


BAD_CORRECTIONS: list[tuple[dict[str, object], str]] = [
    ({"body": "general_assembly"}, "cannot correct body"),
    ({"yes": "sixteen"}, "yes: expected a whole number"),
    ({"yes": 16}, "yes: 16 is out of range"),
    ({"members_yes": "Atlantis"}, "members_yes: unknown member state 'Atlantis'"),
    ({"members_abstain": "RUS"}, "RUS is in both members_no and members_abstain"),
    ({"date": "24/10/2017"}, "date: bad date"),
    ({"date": "1945-01-01"}, "date: no data for the Security Council on 1945-01-01"),
    ({"kind": "resolution"}, "kind: unknown value 'resolution'"),
    ({"outcome": "passed"}, "outcome: unknown value 'passed'"),
    ({"question": "  "}, "question: must not be empty"),
    ({"procedural": "maybe"}, "procedural: expected true or false"),
    ({"draft": "S/" + "1" * 90}, "draft: longer than 80 characters"),
    ({"resolution": 100_000}, "resolution: 100000 is out of range"),
    ({"sponsor": ["RUS"]}, "sponsor: expected a member code or name"),
]


def test_bad_corrections_change_nothing(store: Reports) -> None:
    loaded = store.load_text(_story(), file="story.txt")
    draft = loaded.report.votes[1]
    for corrections, message in BAD_CORRECTIONS:
        with pytest.raises(InputError, match=message.replace("(", r"\(")):
            store.confirm(draft.id, corrections)
    assert store.votes()[1] == draft


def test_unknown_votes_and_statuses(store: Reports) -> None:
    with pytest.raises(InputError, match="no stored report vote 99"):
        store.confirm(99)
    with pytest.raises(InputError, match="no stored report vote 99"):
        store.reject(99)
    with pytest.raises(InputError, match="unknown status 'pending'"):
        store.votes(status="pending")
    assert store.report(99) is None


def test_listing_reports(store: Reports) -> None:
    store.load_text(_story(), file="story.txt")
    with store.engine.begin() as conn:
        reports.store_report(conn, DOUBTFUL_TEXT, file="doubt.txt", votes=[_doubtful()])
    listed = store.reports()
    assert [(r["file"], r["votes"], r["candidate"], r["confirmed"]) for r in listed] == [
        ("doubt.txt", 1, 1, 0),
        ("story.txt", 2, 0, 2),
    ]
    assert "text" not in listed[0]
    assert [v.file for v in store.votes()] == ["story.txt", "story.txt", "doubt.txt"]


def test_reports_are_apart_from_the_record(store: Reports) -> None:
    store.load_text(_story(), file="story.txt")
    names = set(report_tables.metadata.tables)
    assert names == {"reports", "report_votes"}
    assert not names & {t.name for t in query.TABLES}
    assert not names & set(db.metadata.tables)
    with store.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(db.decisions)).scalar() == 0


# --- Supporting spans ---------------------------------------------------------------------


def _spans(text: str, vote: ExtractedVote) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for span in reports.supporting_spans(text, vote):
        assert text[span.start : span.end] == span.text
        for field in span.fields:
            out.setdefault(field, set()).add(span.text)
    return out


def test_the_words_that_support_each_vote() -> None:
    text = STORY
    motion, draft = extract(text)
    m = _spans(text, motion)
    assert m["yes"] == {"four"}
    assert m["no"] == {"eight"}
    assert m["abstain"] == {"three"}
    assert m["members_yes"] >= {"Russia", "China", "Bolivia", "Kazakhstan"}
    assert m["question"] == {"to postpone the vote until next month"}
    assert "11" not in {s for values in m.values() for s in values}
    d = _spans(text, draft)
    assert d["yes"] == {"11"}
    assert d["no"] == d["abstain"] == {"two"}
    assert d["members_no"] == {"Russia", "Bolivia"}
    assert d["vetoed_by"] == {"Russia"}
    assert d["members_abstain"] == {"China", "Kazakhstan"}
    assert d["outcome"] == {"vetoed"}
    assert "US" in d["sponsor"]
    # "April 4" is a date, not the motion's four votes in favour.
    april = text.index("April 4") + len("April ")
    assert not any(s.start == april for s in reports.supporting_spans(text, motion))


def test_spans_find_symbols_resolutions_and_unanimity() -> None:
    text = (
        "On 22 November 1967 the Security Council unanimously adopted resolution 242 "
        "(document S/8247)."
    )
    vote = ExtractedVote(
        date=dt.date(1967, 11, 22),
        kind=Kind.DRAFT_RESOLUTION,
        question="resolution 242",
        draft="S/8247",
        resolution=242,
        procedural=False,
        yes=15,
        no=0,
        abstain=0,
        not_voting=0,
        members_yes=(),
        members_no=(),
        members_abstain=(),
        members_not_voting=(),
        members_inferred=(),
        sponsor=None,
        outcome=Outcome.ADOPTED,
        vetoed_by=(),
        warnings=(),
    )
    found = _spans(text, vote)
    assert found["draft"] == {"S/8247"}
    assert found["resolution"] == {"242"}
    assert found["yes"] == {"unanimously"}
    assert found["outcome"] == {"adopted"}
    assert "22" not in {s for values in found.values() for s in values}


def test_russia_means_the_ussr_before_1992() -> None:
    text = "On 20 August 1968 the Soviet Union vetoed the draft; Moscow voted against it, 10-2-3."
    vote = dataclasses.replace(
        _doubtful(),
        date=dt.date(1968, 8, 22),
        question="the draft",
        draft=None,
        yes=10,
        no=2,
        abstain=3,
        members_no=("SUN",),
        members_abstain=(),
        vetoed_by=("SUN",),
        sponsor=None,
    )
    found = _spans(text, vote)
    assert found["vetoed_by"] == {"the Soviet Union", "Moscow"}


# --- The checks, as read and after a correction ---------------------------------------------


def test_the_readers_warnings_are_the_checks_of_its_records() -> None:
    """On the development set, every record's warnings are ``check_vote`` of the record alone."""
    checked = 0
    seen: set[str] = set()
    for path in sorted(DEVSET.glob("*.txt")):
        gold = json.loads(path.with_name(path.name[:-4] + ".gold.json").read_text("utf-8"))
        text = path.read_text("utf-8")
        for dateline in dict.fromkeys((gold["dateline"], None)):  # as scored, and without
            for vote in extract(text, dateline=dateline):
                assert check_vote(vote) == vote.warnings, (path.name, dateline, vote)
                seen.update(vote.warnings)
                checked += 1
    assert checked > 200
    # every check of the record alone is exercised (the comparison with the loaded record
    # of decisions, ``disagrees_with_record``, is tested in test_extract_check.py)
    assert seen == {w.value for w in ExtractWarning} - {ExtractWarning.DISAGREES_WITH_RECORD}


def _draft() -> ExtractedVote:
    """The story's draft as read: 11-2-2, vetoed by the Russian Federation, no warnings."""
    draft = extract(STORY)[1]
    assert (draft.yes, draft.no, draft.abstain, draft.vetoed_by) == (11, 2, 2, ("RUS",))
    assert (draft.members_no, draft.members_abstain) == (("BOL", "RUS"), ("CHN", "KAZ"))
    assert (len(draft.members_inferred), draft.warnings) == (11, ())
    return draft


CORRECTED_WARNINGS: list[tuple[dict[str, object], tuple[str, ...]]] = [
    ({"yes": 10}, ("counts_do_not_add_up",)),  # 10-2-2 is fourteen
    # 8 votes in favour: short of nine, so neither adopted nor vetoed
    ({"yes": 8}, ("counts_do_not_add_up", "outcome_contradicts_rules")),
    ({"members_abstain": "KAZ", "members_no": "BOL, CHN, RUS"}, ("count_contradicts_names",)),
    ({"members_yes": "Germany"}, ("member_not_on_council",)),  # not a member in 2017
    ({"vetoed_by": "BOL, RUS"}, ("outcome_contradicts_rules",)),  # an elected member's veto
    ({"procedural": True}, ("outcome_contradicts_rules",)),  # no veto on procedure
    ({"outcome": "adopted", "vetoed_by": ""}, ("outcome_contradicts_rules",)),  # RUS voted no
    ({"date": "2004-10-26"}, ("member_not_on_council",)),  # Bolivia, Kazakhstan not sitting
    # In 1960: eleven members, the Soviet Union's seat, and two votes against by members
    # that are not permanent do not stop a draft (so it is adopted, not vetoed).
    (
        {"date": "1960-10-25"},
        ("counts_do_not_add_up", "member_not_on_council", "outcome_contradicts_rules"),
    ),
    ({"yes": 10, "abstain": 3}, ()),  # 10-2-3 adds up and is still a veto
    ({"question": "another question", "sponsor": "FRA"}, ()),  # fields no check reads
]


@pytest.mark.parametrize(("corrections", "expected"), CORRECTED_WARNINGS)
def test_a_corrected_record_is_checked_again(
    corrections: dict[str, object], expected: tuple[str, ...]
) -> None:
    vote = reports.corrected(_draft(), corrections)
    assert vote.warnings == expected
    assert check_vote(vote) == expected


def test_a_correction_clears_a_warning_and_others_keep_it() -> None:
    doubtful = _doubtful()
    assert reports.corrected(doubtful, {"yes": 11}).warnings == ()  # 11-2-2 adds up
    # correcting a field no check reads keeps the warning the record was stored with
    assert reports.corrected(doubtful, {"question": "the renewal"}).warnings == doubtful.warnings
    motion = extract(STORY)[0]
    assert (motion.yes, motion.outcome, motion.warnings) == (4, Outcome.FAILED, ())
    adopted = reports.corrected(motion, {"outcome": "adopted"})
    assert adopted.warnings == ("outcome_contradicts_rules",)  # four votes adopt nothing


def test_a_vetoer_recorded_as_abstaining_contradicts_the_veto() -> None:
    """The Russian Federation abstains and "blocked" the draft the text calls adopted.

    "Blocked" makes the outcome a veto by the Federation, but the record holds it as
    abstaining, and a veto is a negative vote: the reader warns, and so does the check of
    the record alone (as after a correction).
    """
    text = (
        "On 24 October 2017 the Security Council adopted draft resolution S/2017/900 by 14 "
        "votes to none, with one abstention (Russian Federation). The Russian Federation "
        "blocked draft resolution S/2017/900."
    )
    (vote,) = extract(text)
    assert (vote.outcome, vote.members_abstain, vote.vetoed_by) == (
        Outcome.VETOED,
        ("RUS",),
        ("RUS",),
    )
    assert vote.warnings == ("outcome_contradicts_rules",)
    assert check_vote(vote) == vote.warnings
    fixed = dataclasses.replace(vote, abstain=0, no=1, members_abstain=(), members_no=("RUS",))
    assert check_vote(fixed) == ()  # 14-1-0 with the Federation voting no: a veto


def test_records_round_trip_through_their_json_shape() -> None:
    for vote in extract(STORY):
        assert reports.vote_from_dict(json.loads(json.dumps(vote.to_dict()))) == vote


# --- The migration and the command line ----------------------------------------------------


def test_the_migration_goes_down_and_up(url: str) -> None:
    from alembic import command
    from alembic.config import Config

    engine = db.open_database(url)
    names = {"reports", "report_votes"}
    assert names <= set(sa.inspect(engine).get_table_names())
    config = Config()
    config.set_main_option("script_location", str(pathlib.Path(db.__file__).parent / "migrations"))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0003_chamber")
    assert not names & set(sa.inspect(engine).get_table_names())
    assert "chamber_sessions" in sa.inspect(engine).get_table_names()
    db.migrate(engine)
    assert names <= set(sa.inspect(engine).get_table_names())
    engine.dispose()


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    # ``reports`` is served by the same module as ``extract``.
    monkeypatch.setitem(_LazyGroup.lazy, "reports", _LazyGroup.lazy["extract"])
    return CliRunner()


def test_extract_load_and_reports_on_the_command_line(
    cli: CliRunner, url: str, tmp_path: pathlib.Path
) -> None:
    path = tmp_path / "story.txt"
    path.write_text(_story(), encoding="utf-8")
    first = cli.invoke(main, ["--database", url, "extract", str(path), "--load"])
    assert first.exit_code == 0, first.output
    assert "loaded as report 1" in first.stdout
    assert "2 confirmed, 0 candidates" in first.stdout
    again = cli.invoke(main, ["--database", url, "extract", str(path), "--load", "--json"])
    assert again.exit_code == 0, again.output
    (item,) = json.loads(again.stdout)
    assert item["file"] == "story.txt"
    assert len(item["records"]) == 2
    assert item["load"]["created"] is False
    assert item["load"]["sha256"] == reports.text_sha256(_story())
    listed = cli.invoke(main, ["--database", url, "reports", "--json"])
    assert listed.exit_code == 0, listed.output
    rows = json.loads(listed.stdout)
    assert [(r["seq"], r["status"], r["outcome"]) for r in rows] == [
        (1, "confirmed", "failed"),
        (2, "confirmed", "vetoed"),
    ]
    assert rows[1]["vetoed_by"] == ["RUS"]
    assert {s["text"] for s in rows[1]["spans"]} >= {"11", "Russia"}
    candidates = cli.invoke(main, ["--database", url, "reports", "--status", "candidate"])
    assert candidates.exit_code == 0
    assert candidates.stdout == ""
    text = cli.invoke(main, ["--database", url, "reports"])
    assert "#2  confirmed  story.txt  (report 1, vote 2)" in text.stdout
    assert "vetoed by RUS" in text.stdout


def test_extract_without_load_stores_nothing(
    cli: CliRunner, url: str, tmp_path: pathlib.Path
) -> None:
    path = tmp_path / "story.txt"
    path.write_text(_story(), encoding="utf-8")
    result = cli.invoke(main, ["--database", url, "extract", str(path), "--json"])
    assert result.exit_code == 0
    assert "load" not in json.loads(result.stdout)[0]
    assert cli.invoke(main, ["--database", url, "reports", "--json"]).stdout.strip() == "[]"


def test_a_bad_status_is_refused(cli: CliRunner, url: str) -> None:
    result = cli.invoke(main, ["--database", url, "reports", "--status", "pending"])
    assert result.exit_code == 2
    assert "pending" in result.output
