"""Mandates: status on a date (both sides of each boundary), the facts, the clause reader."""

from __future__ import annotations

import datetime as dt

import pytest

from unsc import ReferenceDataError
from unsc._mandates import derive
from unsc._mandates.clauses import (
    Catalogue,
    Name,
    adoption_date,
    read,
    split_clauses,
)
from unsc._mandates.facts import facts, parse_facts
from unsc._mandates.model import BodyKind, Event, EventKind, Period, Status, Timeline

D = dt.date


def _jim() -> Timeline:
    return next(
        Timeline(
            key=f.key,
            name=f.name or "",
            acronym=f.acronym,
            kind=f.kind or BodyKind.OTHER,
            periods=f.periods,
            events=f.events,
        )
        for f in facts()
        if f.key == "JIM"
    )


# --- status on a date ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "status", "expires"),
    [
        (D(2015, 8, 7), Status.ACTIVE, None),  # one year, end not fixed
        (D(2016, 10, 30), Status.ACTIVE, None),
        (D(2016, 10, 31), Status.EXPIRING, D(2016, 11, 18)),  # S/RES/2314: technical extension
        (D(2016, 11, 16), Status.EXPIRING, D(2016, 11, 18)),
        (D(2016, 11, 17), Status.ACTIVE, D(2017, 11, 17)),  # S/RES/2319 supersedes it
        (D(2017, 10, 17), Status.ACTIVE, D(2017, 11, 17)),  # 31 days left
        (D(2017, 10, 18), Status.EXPIRING, D(2017, 11, 17)),  # 30 days left
        (D(2017, 11, 1), Status.EXPIRING, D(2017, 11, 17)),
        (D(2017, 11, 17), Status.EXPIRING, D(2017, 11, 17)),  # its last day
        (D(2017, 11, 18), Status.LAPSED, None),
        (D(2020, 1, 1), Status.LAPSED, None),
    ],
)
def test_jim_status_over_its_whole_life(day: dt.date, status: Status, expires: dt.date) -> None:
    state = _jim().status_on(day)
    assert (state.status, state.expires) == (status, expires)
    assert state.ended == (D(2017, 11, 17) if status is Status.LAPSED else None)


def test_the_window_is_chosen() -> None:
    jim = _jim()
    assert jim.status_on(D(2017, 9, 1)).status is Status.ACTIVE
    assert jim.status_on(D(2017, 9, 1), window=77).status is Status.EXPIRING
    assert jim.status_on(D(2017, 9, 1), window=76).status is Status.ACTIVE
    assert jim.status_on(D(2017, 11, 16), window=0).status is Status.ACTIVE
    assert jim.status_on(D(2017, 11, 17), window=0).status is Status.EXPIRING


def _body(*events: Event, periods: tuple[Period, ...] = ()) -> Timeline:
    return Timeline("X", "X", "X", BodyKind.PEACEKEEPING_OPERATION, periods, events)


def test_terminated_then_closed() -> None:
    body = _body(
        Event(D(2013, 4, 25), EventKind.ESTABLISHED, "e", resolution=2100),
        Event(D(2023, 6, 30), EventKind.TERMINATED, "t", resolution=2690),
        Event(D(2023, 12, 31), EventKind.CLOSED, "c"),
    )
    assert body.status_on(D(2023, 6, 30)).status is Status.ACTIVE
    assert body.status_on(D(2023, 7, 1)).status is Status.TERMINATED
    assert body.status_on(D(2023, 12, 31)).status is Status.TERMINATED
    assert body.status_on(D(2024, 1, 1)).status is Status.CLOSED
    assert body.status_on(D(2024, 1, 1)).ended == D(2023, 12, 31)
    assert body.ended is not None
    assert body.ended.kind is EventKind.CLOSED


def test_a_closure_known_to_the_month_does_not_hide_a_lapse() -> None:
    body = _body(
        Event(D(1995, 3, 31), EventKind.ESTABLISHED, "e"),
        Event(D(1999, 2, 25), EventKind.RENEWAL_FAILED, "f", draft="S/1999/201"),
        Event(D(1999, 2, 28), EventKind.LAPSED, "l"),
        Event(D(1999, 2, 28), EventKind.CLOSED, "c", precision="month"),
    )
    assert body.status_on(D(1999, 2, 26)).status is Status.ACTIVE
    assert body.status_on(D(1999, 3, 1)).status is Status.LAPSED
    later = _body(*body.events, Event(D(1999, 4, 30), EventKind.CLOSED, "c2", precision="month"))
    assert later.status_on(D(1999, 5, 1)).status is Status.CLOSED


def test_a_renewal_adopted_before_the_end_is_not_expiring() -> None:
    body = _body(
        Event(D(1987, 6, 12), EventKind.ESTABLISHED, "e"),
        periods=(
            Period(D(1987, 6, 16), D(1987, 12, 15), granted=D(1987, 6, 12)),
            Period(D(1987, 12, 16), D(1988, 6, 15), granted=D(1987, 12, 14)),
        ),
    )
    assert body.status_on(D(1987, 12, 13)).status is Status.EXPIRING
    state = body.status_on(D(1987, 12, 14))
    assert (state.status, state.expires) == (Status.ACTIVE, D(1988, 6, 15))


def test_a_renewal_after_a_lapse_brings_the_body_back() -> None:
    body = _body(
        Event(D(2000, 1, 1), EventKind.ESTABLISHED, "e"),
        Event(D(2000, 6, 30), EventKind.LAPSED, "l"),
        Event(D(2000, 8, 1), EventKind.EXTENDED, "x"),
    )
    assert body.status_on(D(2000, 7, 15)).status is Status.LAPSED
    assert body.status_on(D(2000, 8, 1)).status is Status.ACTIVE
    assert body.ended is None


def test_events_and_periods_are_kept_in_order() -> None:
    body = _body(
        Event(D(2017, 11, 17), EventKind.LAPSED, "l"),
        Event(D(2017, 11, 17), EventKind.RENEWAL_FAILED, "f", draft="S/2017/970"),
        Event(D(2015, 8, 7), EventKind.ESTABLISHED, "e"),
    )
    assert [e.kind for e in body.events] == [
        EventKind.ESTABLISHED,
        EventKind.RENEWAL_FAILED,
        EventKind.LAPSED,
    ]
    assert body.established == D(2015, 8, 7)
    assert body.label == "X (X)"


# --- the authored facts ---------------------------------------------------------------


def test_the_jim_lifecycle_is_as_sourced() -> None:
    jim = _jim()
    kinds = [(e.date, e.kind, e.resolution or e.draft) for e in jim.events]
    assert kinds == [
        (D(2015, 8, 7), EventKind.ESTABLISHED, 2235),
        (D(2016, 10, 31), EventKind.EXTENDED, 2314),
        (D(2016, 11, 17), EventKind.EXTENDED, 2319),
        (D(2017, 10, 24), EventKind.RENEWAL_FAILED, "S/2017/884"),
        (D(2017, 11, 16), EventKind.RENEWAL_FAILED, "S/2017/962"),
        (D(2017, 11, 16), EventKind.RENEWAL_FAILED, "S/2017/968"),
        (D(2017, 11, 17), EventKind.RENEWAL_FAILED, "S/2017/970"),
        (D(2017, 11, 17), EventKind.LAPSED, None),
    ]
    failed = {e.draft: (e.outcome, e.vetoed_by, e.tally) for e in jim.events if e.draft}
    assert failed == {
        "S/2017/884": ("vetoed", ("RUS",), "11-2-2"),
        "S/2017/962": ("vetoed", ("RUS",), "11-2-2"),
        "S/2017/968": ("failed", (), "4-7-4"),
        "S/2017/970": ("vetoed", ("RUS",), "12-2-1"),
    }
    assert [e.label for e in jim.events][4] == (
        "Renewal failed: S/2017/962 (United States draft) vetoed by RUS, 11-2-2"
    )


def test_every_fact_is_sourced_by_a_document_symbol() -> None:
    for body in facts():
        documents = [e.document for e in body.events] + [p.document for p in body.periods]
        for document in documents:
            assert document, body.key
            assert document.startswith(("S/", "A/")), (body.key, document)


_GOOD = """
[[body]]
key = "X"
name = "X body"
kind = "other"
source = "S/RES/1 (1946)"

[[body.event]]
date = 1946-01-25
kind = "established"
resolution = 1
source = "S/RES/1 (1946)"
"""


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (('kind = "other"', 'kind = "club"'), "unknown body kind"),
        (('kind = "established"', 'kind = "born"'), "unknown event kind"),
        (('date = 1946-01-25', 'date = "25 Jan 1946"'), "date must be a date"),
        (('resolution = 1\nsource = "S/RES/1 (1946)"', "resolution = 1"), "source"),
        (('source = "S/RES/1 (1946)"\n\n[[body.event]]', 'source = "a book"\n\n[[body.event]]'),
         "not a UN document symbol"),
        (('name = "X body"', 'name = "X body"\ncolour = "blue"'), "unknown field"),
        (('kind = "established"', 'kind = "renewal_failed"'), "names its draft"),
        (("resolution = 1\n", 'resolution = 1\ntally = "eleven"\n'), "yes-no-abstain"),
    ],
    ids=["body-kind", "event-kind", "date", "no-source", "symbol", "field", "draft", "tally"],
)  # fmt: skip
def test_bad_facts_are_refused_with_their_place(change: tuple[str, str], words: str) -> None:
    assert parse_facts(_GOOD)[0].key == "X"
    bad = _GOOD.replace(*change, 1)
    assert bad != _GOOD
    with pytest.raises(ReferenceDataError, match=words) as caught:
        parse_facts(bad)
    assert "facts.toml, [[body]]" in str(caught.value)


def test_a_key_used_twice_is_refused() -> None:
    with pytest.raises(ReferenceDataError, match="used twice"):
        parse_facts(_GOOD + _GOOD.replace('kind = "other"', 'kind = "tribunal"'))


# --- the clause reader ----------------------------------------------------------------

CAT = Catalogue(
    [
        Name("UNDOF", ("United Nations Disengagement Observer Force",), (), D(1974, 5, 31)),
        Name("UNIFIL", ("United Nations Interim Force in Lebanon",), (), D(1978, 3, 19)),
        Name("UNEF I", ("United Nations Emergency Force",), (), D(1956, 11, 1), D(1967, 6, 1)),
        Name("UNEF II", ("United Nations Emergency Force",), (), D(1973, 10, 1), D(1979, 7, 1)),
        Name("UNAVEM II", ("United Nations Angola Verification Mission II",), (),
             D(1991, 6, 1), D(1995, 2, 1)),
        Name("ONUSAL", ("United Nations Observer Mission in El Salvador",), (), D(1991, 7, 1)),
    ]
)  # fmt: skip


def _read(text: str, **kw: object) -> list[tuple[str, str | None, dt.date | None, int | None]]:
    return [
        (c.kind.value, c.body, c.end, c.months)
        for c in read(text, catalogue=CAT, **kw)  # type: ignore[arg-type]
    ]


def test_extensions_with_a_stated_end_or_length() -> None:
    text = (
        "Resolution 563 (1985) of 21 May 1985 The Security Council, Having considered the "
        "report of the Secretary-General on the United Nations Disengagement Observer Force, "
        "Decides: (a) To call upon the parties concerned to implement immediately resolution "
        "338 (1973); (b) To renew the mandate of the United Nations Disengagement Observer "
        "Force for another period of six months, that is, until 30 November 1985;"
    )
    assert _read(text) == [("extend", "UNDOF", D(1985, 11, 30), 6)]
    assert adoption_date(text) == D(1985, 5, 21)
    short = "of 1 June 1993 The Security Council 1. Decides to extend the mandate of UNAVEM II"
    assert _read(short + " for a period of forty-five days;") == [
        ("extend", "UNAVEM II", None, None)  # 45 days: a length in days, not months
    ]
    named = short.replace("UNAVEM II", "the United Nations Angola Verification Mission II")
    assert _read(named + " until 15 July 1993;") == [("extend", "UNAVEM II", D(1993, 7, 15), None)]


def test_generic_references_and_the_previous_resolution() -> None:
    text = (
        "of 19 January 1979 The Security Council, Recalling its resolutions on the United "
        "Nations Interim Force in Lebanon, 1. Decides to renew the mandate of the Force for a "
        "period of five months, that is, until 19 June 1979;"
    )
    assert _read(text) == [("extend", "UNIFIL", D(1979, 6, 19), 5)]
    bare = "of 27 October 1973 The Security Council 2. Decides that the Force shall be "
    bare += "established for an initial period of six months."
    assert _read(bare) == [("establish", None, None, 6)]
    assert _read(bare, antecedent="UNEF II") == [("establish", "UNEF II", None, 6)]


def test_establishment_and_names_shared_by_two_bodies() -> None:
    text = (
        "of 25 October 1973 The Security Council, 3. Decides to set up immediately, under its "
        "authority, a United Nations Emergency Force to be composed of personnel drawn from "
        "States Members;"
    )
    assert _read(text) == [("establish", "UNEF II", None, None)]
    assert _read(text.replace("1973", "1956")) == [("establish", "UNEF I", None, None)]


def test_what_is_not_a_mandate_clause() -> None:
    preamble = (
        "of 14 December 1987 The Security Council, Noting the recommendation that the Council "
        "extend the stationing of the United Nations Interim Force in Lebanon for a further "
        "period of six months, 1. Calls upon all parties to extend their full co-operation;"
    )
    assert _read(preamble) == []
    quoted = (
        "of 25 February 1982 The Security Council, Recalling that resolution 425 read: "
        "\u201c3. Decides to establish immediately under its authority a United Nations Interim "
        "Force in Lebanon; 4. Requests the Secretary-General to report."
    )
    assert _read(quoted) == []
    reported = (
        "of 18 December 1981 The Security Council 1. Reaffirms its resolution 425 (1978), in "
        "which it (a) Calls for strict respect for the territorial integrity of Lebanon; (c) "
        "Decides to establish immediately under its authority a United Nations Interim Force "
        "in Lebanon; 2. Decides to renew the mandate of the Force for six months, that is, "
        "until 19 June 1982;"
    )
    assert _read(reported) == [("extend", "UNIFIL", D(1982, 6, 19), 6)]
    ban = (
        "of 9 October 1992 The Security Council 1. Decides to establish a ban on military "
        "flights in the airspace of the country, this ban not to apply to United Nations "
        "Angola Verification Mission II flights;"
    )
    assert _read(ban) == []


def test_modification_and_termination() -> None:
    text = (
        "of 27 May 1993 The Security Council 2. Decides to enlarge the mandate of the United "
        "Nations Observer Mission in El Salvador to include the verification of the elections; "
        "3. Decides to terminate the mandate of ONUSAL on 30 April 1995."
    )
    assert _read(text) == [
        ("modify", "ONUSAL", None, None),
        ("terminate", "ONUSAL", D(1995, 4, 30), None),
    ]


def test_ocr_noise_in_dates() -> None:
    text = (
        "of 22 May 1981 The Security Council (b) To renew the mandate of the United Nations "
        "Disengagement Observer Force for another period of six months, that is, until! 30 "
        "November 198]."
    )
    assert _read(text) == [("extend", "UNDOF", D(1981, 11, 30), 6)]


def test_clauses_are_cut_at_paragraphs_items_and_semicolons() -> None:
    assert split_clauses("The Council, Noting x, 1. Decides a; (b) To renew b. 2. Requests c") == [
        "The Council, Noting x,",
        "1. Decides a",
        "(b) To renew b.",
        "2. Requests c",
    ]


def _text(number: int, day: str, body: str) -> derive.Text:
    return derive.Text(number, int(day[-4:]), f"of {day} The Security Council {body}")


def test_derived_periods_follow_one_another() -> None:
    rows = derive.derive(
        [
            _text(1, "19 March 1978", "3. Decides to establish immediately under its authority "
                  "a United Nations Interim Force in Lebanon;"),
            _text(2, "19 March 1978", "2. Decides that the United Nations Interim Force in "
                  "Lebanon shall be established for an initial period of six months."),
            _text(3, "18 September 1978", "2. Decides to renew the mandate of the United Nations "
                  "Interim Force in Lebanon for a period of four months, that is, until 19 "
                  "January 1979;"),
            _text(4, "25 January 1979", "1. Decides to renew the mandate of the Force for a "
                  "further period of five months;"),
            _text(5, "1 May 1979", "1. Decides to terminate the mandate of the United Nations "
                  "Interim Force in Lebanon."),
        ],
        CAT,
    )  # fmt: skip
    got = [(r.event, r.resolution, r.start, r.end, r.end_basis) for r in rows]
    assert got == [
        ("established", 1, D(1978, 3, 19), D(1978, 9, 19), "computed"),
        ("extended", 3, D(1978, 9, 20), D(1979, 1, 19), "stated"),
        ("extended", 4, D(1979, 1, 25), D(1979, 6, 25), "computed"),  # renewed after a gap
        ("terminated", 5, None, D(1979, 5, 1), "stated"),
    ]
    assert "S/RES/2" in rows[0].text
    assert derive.from_csv(derive.to_csv(rows))[1].start == rows[1].start


def test_the_api_selects_over_timelines_already_read() -> None:
    # A server reads the timelines once per record state and passes them in: every
    # function must answer over them exactly as it does over the source they came from.
    from unsc._mandates import api

    items = api.timelines(None, fallback_only=True)
    assert items, "the authored facts give timelines"
    day = dt.date(2017, 11, 1)
    over_list = api.mandates(items, at=day, include_ended=True)
    assert over_list == api.mandates(None, at=day, include_ended=True, fallback_only=True)
    assert any(r["acronym"] == "JIM" and r["expires"] == "2017-11-17" for r in over_list)
    assert api.mandate(items, "JIM", at=day) == api.mandate(None, "JIM", at=day, fallback_only=True)
    assert api.mandate_timelines(items, kind="investigative_mechanism") == api.mandate_timelines(
        None, kind="investigative_mechanism", fallback_only=True
    )
    assert api.timelines(tuple(items)) == items
