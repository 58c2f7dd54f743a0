"""Every reference fact, tested at its boundaries from both sides (habit 2).

A fact holds from its first day and not the day before, to its last day and
not the day after. The tests are generated from the package's own tables
(``unsc._reference.tables``), so a row added to a table is tested at once.
"""

from __future__ import annotations

import collections
import datetime as dt
import itertools

import pytest

import unsc
from unsc._reference.states import code_on, known_codes
from unsc._reference.tables import (
    ElectedTerm,
    NameSpan,
    PermanentTenure,
    aliases,
    elected_terms,
    library_codes,
    name_spans,
    permanent_tenures,
)

DAY = dt.timedelta(days=1)
FIRST = dt.date(1946, 1, 17)
LAST = dt.date(2027, 12, 31)
YEARS = range(1946, 2028)

TERMS = elected_terms()
SPANS = name_spans()
TENURES = permanent_tenures()


def in_range(date: dt.date) -> bool:
    return FIRST <= date <= LAST


def seated(code: str, date: dt.date) -> bool:
    return unsc.council(date).member(code) is not None


def holds_another_tenure(code: str, date: dt.date, this: object) -> bool:
    """Whether ``code`` sits on ``date`` by a term or seat other than ``this``."""
    return any(t is not this and t.code == code and t.start <= date <= t.end for t in TERMS) or any(
        t is not this and t.code == code and t.start <= date <= t.end for t in TENURES
    )


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year + month // 12, month % 12 + 1, 1) - DAY


# --- elected terms ------------------------------------------------------------


def _term_id(t: ElectedTerm) -> str:
    return f"{t.code}-{t.start.isoformat()}-{t.end.isoformat()}"


def test_terms_table_is_not_empty_and_ids_are_unique() -> None:
    assert len(TERMS) > 300
    assert len({_term_id(t) for t in TERMS}) == len(TERMS)


def test_no_member_holds_overlapping_terms() -> None:
    by_code: dict[str, list[ElectedTerm]] = collections.defaultdict(list)
    for t in TERMS:
        by_code[t.code].append(t)
    for code, terms in by_code.items():
        terms.sort(key=lambda t: t.start)
        for a, b in itertools.pairwise(terms):
            assert a.end < b.start, f"{code}: {_term_id(a)} overlaps {_term_id(b)}"
        assert all(t.start <= t.end for t in terms), code


def test_no_permanent_member_is_elected() -> None:
    assert {t.code for t in TERMS}.isdisjoint({t.code for t in TENURES})


@pytest.mark.parametrize("term", TERMS, ids=_term_id)
def test_elected_term_boundaries(term: ElectedTerm) -> None:
    first, last = max(term.start, FIRST), min(term.end, LAST)
    if first > last:
        pytest.skip("term outside 1946-01-17..2027-12-31")
    assert seated(term.code, first), f"{term.code} not on the Council on {first}"
    assert seated(term.code, last), f"{term.code} not on the Council on {last}"
    member = unsc.council(first).member(term.code)
    assert member is not None
    assert (member.permanent, member.term_start, member.term_end) == (False, term.start, term.end)
    before, after = term.start - DAY, term.end + DAY
    if in_range(before) and not holds_another_tenure(term.code, before, term):
        assert not seated(term.code, before), f"{term.code} on the Council on {before}"
    if in_range(after) and not holds_another_tenure(term.code, after, term):
        assert not seated(term.code, after), f"{term.code} on the Council on {after}"


def test_terms_of_lists_every_term() -> None:
    """Every elected term of the state, under each code it had (GER and DEU; YMD and YEM)."""
    states = {r.code: r.state for r in library_codes()}
    for code in {t.code for t in TERMS}:
        same = {c for c, s in states.items() if code in states and s == states[code]} | {code}
        expected = sorted((t.start, t.end) for t in TERMS if t.code in same)
        assert [(m.term_start, m.term_end) for m in unsc.terms_of(code)] == expected


def test_federal_republic_and_germany_are_one_state() -> None:
    terms = [(m.code, m.term_start.year) for m in unsc.terms_of("DEU")]
    assert terms[:2] == [("GER", 1977), ("GER", 1987)]
    assert ("DEU", 1995) in terms
    assert [m.code for m in unsc.terms_of("YMD")] == ["YMD", "YEM"]


# --- permanent seats ----------------------------------------------------------


def _tenure_id(t: PermanentTenure) -> str:
    return f"{t.code}-{t.start.isoformat()}"


@pytest.mark.parametrize("tenure", TENURES, ids=_tenure_id)
def test_permanent_tenure_boundaries(tenure: PermanentTenure) -> None:
    first, last = max(tenure.start, FIRST), min(tenure.end, LAST)
    for date in (first, last):
        member = unsc.council(date).member(tenure.code)
        assert member is not None, f"{tenure.code} not on the Council on {date}"
        assert member.permanent
        assert member.represented_by == tenure.represented_by
    before, after = tenure.start - DAY, tenure.end + DAY if tenure.end < dt.date.max else None
    if in_range(before) and not holds_another_tenure(tenure.code, before, tenure):
        assert not seated(tenure.code, before)
    if after and in_range(after) and not holds_another_tenure(tenure.code, after, tenure):
        assert not seated(tenure.code, after)


def test_ussr_seat_passes_to_the_russian_federation_on_24_december_1991() -> None:
    eve, day = unsc.council(dt.date(1991, 12, 23)), unsc.council(dt.date(1991, 12, 24))
    assert ("SUN" in eve.permanent, "RUS" in eve.permanent) == (True, False)
    assert ("SUN" in day.codes, "RUS" in day.permanent) == (False, True)
    rus = day.member("RUS")
    assert rus is not None
    assert rus.name == "Russian Federation"
    assert rus.term_start == dt.date(1991, 12, 24)


@pytest.mark.parametrize(
    ("date", "represented_by"),
    [
        (dt.date(1946, 1, 17), "Republic of China"),
        (dt.date(1971, 10, 24), "Republic of China"),
        (dt.date(1971, 10, 25), "People's Republic of China"),
        (dt.date(2027, 12, 31), "People's Republic of China"),
    ],
)
def test_china_seat_representation(date: dt.date, represented_by: str) -> None:
    china = unsc.council(date).member("CHN")
    assert china is not None
    assert (china.name, china.permanent, china.represented_by) == ("China", True, represented_by)
    assert china.term_start == dt.date(1945, 10, 24)


# --- names ----------------------------------------------------------------------


def _span_id(s: NameSpan) -> str:
    return f"{s.code}-{s.name}"


def _spans_of(code: str) -> list[NameSpan]:
    return sorted((s for s in SPANS if s.code == code), key=lambda s: s.start)


def test_name_spans_of_a_code_do_not_overlap() -> None:
    for code in {s.code for s in SPANS}:
        spans = _spans_of(code)
        for a, b in itertools.pairwise(spans):
            assert a.end < b.start, f"{code}: {a.name} overlaps {b.name}"


@pytest.mark.parametrize("span", SPANS, ids=_span_id)
def test_name_span_boundaries(span: NameSpan) -> None:
    assert unsc.name_on(span.code, span.start) == span.name
    assert unsc.name_on(span.code, span.end) == span.name
    for other in _spans_of(span.code):
        if span.start > dt.date.min and other.end == span.start - DAY:
            assert unsc.name_on(span.code, span.start - DAY) == other.name != span.name
        if span.end < dt.date.max and other.start == span.end + DAY:
            assert unsc.name_on(span.code, span.end + DAY) == other.name != span.name


def test_name_in_a_gap_is_the_earlier_name() -> None:
    """Syria sat in the United Arab Republic from 22 Feb 1958 to 12 Oct 1961."""
    assert unsc.name_on("SYR", dt.date(1958, 2, 21)) == "Syria"
    assert unsc.name_on("SYR", dt.date(1960, 1, 1)) == "Syria"
    assert unsc.name_on("SYR", dt.date(1961, 10, 13)) == "Syrian Arab Republic"


@pytest.mark.parametrize(
    ("date", "name"), [("1984-08-03", "Upper Volta"), ("1984-08-04", "Burkina Faso")]
)
def test_upper_volta_becomes_burkina_faso(date: str, name: str) -> None:
    member = unsc.council(dt.date.fromisoformat(date)).member("BFA")
    assert member is not None
    assert (member.code, member.name) == ("BFA", name)


# --- size and votes required --------------------------------------------------


@pytest.mark.parametrize(
    ("date", "size", "required"),
    [
        (dt.date(1946, 1, 17), 11, 7),
        (dt.date(1965, 8, 31), 11, 7),
        (dt.date(1965, 12, 31), 11, 7),
        (dt.date(1966, 1, 1), 15, 9),
        (dt.date(2027, 12, 31), 15, 9),
    ],
)
def test_council_size_and_required_votes(date: dt.date, size: int, required: int) -> None:
    c = unsc.council(date)
    assert (c.size, c.required_votes, unsc.required_votes(date)) == (size, required, required)


@pytest.mark.parametrize("date", [dt.date(1946, 1, 16), dt.date(2028, 1, 1), dt.date(1900, 1, 1)])
def test_dates_out_of_range(date: dt.date) -> None:
    with pytest.raises(unsc.DateOutOfRangeError) as info:
        unsc.council(date)
    assert info.value.date == date
    with pytest.raises(unsc.DateOutOfRangeError):
        unsc.presidency_on(date)
    with pytest.raises(unsc.DateOutOfRangeError):
        unsc.president_on(date)


@pytest.mark.parametrize(("date", "size"), [(FIRST, 11), (LAST, 15)])
def test_council_exists_on_first_and_last_covered_dates(date: dt.date, size: int) -> None:
    c = unsc.council(date)
    assert c.size == size
    assert c.member(c.president) is not None


def _check_composition(date: dt.date) -> None:
    c = unsc.council(date)
    assert c.size == (11 if date < dt.date(1966, 1, 1) else 15), date
    assert len(set(c.codes)) == c.size, date
    assert len(c.permanent) == 5, date


@pytest.mark.parametrize("year", YEARS)
def test_composition_every_year(year: int) -> None:
    for date in (dt.date(year, 1, 1), dt.date(year, 7, 1), dt.date(year, 12, 31)):
        if in_range(date):
            _check_composition(date)


@pytest.mark.parametrize(
    ("first", "last"),
    [
        (dt.date(1991, 12, 20), dt.date(1991, 12, 28)),
        (dt.date(1971, 10, 20), dt.date(1971, 10, 30)),
    ],
)
def test_composition_every_day_around_seat_changes(first: dt.date, last: dt.date) -> None:
    date = first
    while date <= last:
        _check_composition(date)
        date += DAY


# --- presidency ---------------------------------------------------------------


def _members_every_day(code: str, start: dt.date, end: dt.date) -> bool:
    spans = [(m.term_start, m.term_end or dt.date.max) for m in unsc.terms_of(code)]
    date = start
    while date <= end:
        if not any(a <= date <= b for a, b in spans):
            return False
        date += DAY
    return True


@pytest.mark.parametrize("year", range(1947, 2028))
def test_one_presidency_per_calendar_month(year: int) -> None:
    periods = unsc.presidencies()
    for month in range(1, 13):
        first, last = dt.date(year, month, 1), month_end(year, month)
        covering = [p for p in periods if p.start <= last and p.end >= first]
        if (year, month) == (1991, 12):  # see test_december_1991_presidency_passes_to_rus
            assert [p.code for p in covering] == ["SUN", "RUS"]
            continue
        assert [(p.start, p.end) for p in covering] == [(first, last)], f"{year}-{month:02}"
        p = covering[0]
        assert _members_every_day(p.code, first, last), f"{p.code} presides, not a member"
        for date in (first, last):
            assert unsc.presidency_on(date) == p
            assert unsc.council(date).president == p.code


def test_president_in_december_1991_is_a_member() -> None:
    for day in range(1, 32):
        c = unsc.council(dt.date(1991, 12, day))
        assert c.president in c.codes, f"1991-12-{day:02}: {c.president} presides"


def test_december_1991_presidency_passes_to_rus() -> None:
    """The USSR presided in December 1991 until its seat passed to Russia on 24 Dec."""
    dec = [(p.start, p.end, p.code) for p in unsc.presidencies() if p.start.year == 1991][-2:]
    assert dec == [
        (dt.date(1991, 12, 1), dt.date(1991, 12, 23), "SUN"),
        (dt.date(1991, 12, 24), dt.date(1991, 12, 31), "RUS"),
    ]


def test_presidencies_are_contiguous() -> None:
    periods = unsc.presidencies()
    assert periods[0].start == FIRST
    assert periods[-1].end == LAST
    for a, b in itertools.pairwise(periods):
        assert b.start == a.end + DAY, f"gap or overlap between {a} and {b}"


def test_twelve_presidencies_a_year_from_1947() -> None:
    per_year = collections.Counter(p.start.year for p in unsc.presidencies() if p.start.day == 1)
    assert {y: n for y, n in per_year.items() if y >= 1947} == {y: 12 for y in range(1947, 2028)}


def test_1946_presidencies_follow_s_res_14() -> None:
    periods = [(p.start, p.end, p.code) for p in unsc.presidencies() if p.start.year == 1946]
    d = dt.date
    assert periods == [
        (d(1946, 1, 17), d(1946, 2, 16), "AUS"),
        (d(1946, 2, 17), d(1946, 3, 16), "BRA"),
        (d(1946, 3, 17), d(1946, 4, 16), "CHN"),
        (d(1946, 4, 17), d(1946, 5, 16), "EGY"),
        (d(1946, 5, 17), d(1946, 6, 16), "FRA"),
        (d(1946, 6, 17), d(1946, 7, 16), "MEX"),
        (d(1946, 7, 17), d(1946, 8, 16), "NLD"),
        (d(1946, 8, 17), d(1946, 9, 16), "POL"),
        (d(1946, 9, 17), d(1946, 10, 16), "SUN"),
        (d(1946, 10, 17), d(1946, 11, 16), "GBR"),
        (d(1946, 11, 17), d(1946, 12, 31), "USA"),
    ]
    usa = unsc.presidency_on(d(1946, 12, 31))
    assert "S/RES/14" in usa.source
    assert unsc.president_on(d(1946, 11, 16)) == "GBR"
    assert unsc.president_on(d(1946, 11, 17)) == "USA"
    assert unsc.president_on(d(1947, 1, 1)) == "AUS"
    for p in unsc.presidencies():
        if p.start.year == 1946:
            assert _members_every_day(p.code, p.start, p.end), p.code


@pytest.mark.parametrize(
    ("date", "code"),
    [
        (dt.date(2017, 9, 30), "ETH"),
        (dt.date(2017, 10, 1), "FRA"),
        (dt.date(2017, 10, 24), "FRA"),
        (dt.date(2017, 10, 31), "FRA"),
        (dt.date(2017, 11, 1), "ITA"),
    ],
)
def test_france_presides_in_october_2017(date: dt.date, code: str) -> None:
    assert unsc.president_on(date) == code
    assert unsc.council(date).president == code


# --- resolving members --------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("ZAR", "COD"),
        ("HVO", "BFA"),
        ("BYS", "BLR"),
        ("DHY", "BEN"),
        ("zar", "COD"),
        ("Zaire", "COD"),
        ("Upper Volta", "BFA"),
        ("Dahomey", "BEN"),
        ("Ceylon", "LKA"),
        ("United Arab Republic", "EGY"),
        ("Union of Soviet Socialist Republics", "SUN"),
        ("Byelorussian Soviet Socialist Republic", "BLR"),
        ("Libyan Arab Jamahiriya", "LBY"),
        ("Côte d'Ivoire", "CIV"),
        ("Cote d'Ivoire", "CIV"),
        ("Côte d\u2019Ivoire", "CIV"),
        ("CÔTE D'IVOIRE", "CIV"),
        ("Ivory Coast", "CIV"),
        ("  bolivia (plurinational state of) ", "BOL"),
        ("Türkiye", "TUR"),
        ("Turkiye", "TUR"),
        ("RUS", "RUS"),
    ],
)
def test_resolve_member(value: str, code: str) -> None:
    assert unsc.resolve_member(value) == code


@pytest.mark.parametrize("span", SPANS, ids=_span_id)
def test_every_official_name_resolves_to_its_code(span: NameSpan) -> None:
    assert unsc.resolve_member(span.name) == span.code
    assert unsc.resolve_member(span.code) == span.code


@pytest.mark.parametrize(("alias", "code"), [(a, c) for a, c, _ in aliases()])
def test_every_alias_resolves(alias: str, code: str) -> None:
    assert unsc.resolve_member(alias) == code


@pytest.mark.parametrize("value", ["Atlantis", "XXX", "", "   ", "Republic of Atlantis", "ZZ"])
def test_unknown_names_raise(value: str) -> None:
    with pytest.raises(unsc.UnknownMemberError) as info:
        unsc.resolve_member(value)
    assert info.value.value == value
    assert isinstance(info.value, unsc.InputError)


# --- UN Library codes ---------------------------------------------------------


def test_library_code_rows_are_sourced_dated_and_do_not_overlap() -> None:
    rows = library_codes()
    for r in rows:
        assert r.source, r
        assert r.state, r
        assert r.iso_code, r
        assert r.start <= r.end, r
        assert r.code in known_codes(), r
    for a, b in itertools.combinations(rows, 2):
        if a.library_code == b.library_code:
            assert a.end < b.start or b.end < a.start, (a, b)


@pytest.mark.parametrize(
    ("date", "present", "absent"),
    [
        ("1977-06-01", "GER", "DEU"),
        ("1988-12-31", "GER", "DEU"),
        ("1996-06-01", "DEU", "GER"),
        ("1990-01-31", "YMD", "YEM"),
        ("1990-05-21", "YMD", "YEM"),
        ("1990-05-22", "YEM", "YMD"),
        ("1980-06-01", "DDR", "GER"),
        ("1982-06-18", "COD", "ZAR"),
        ("1991-12-23", "SUN", "RUS"),
        ("1991-12-31", "RUS", "SUN"),
    ],
)
def test_council_prints_the_library_code_of_the_day(date: str, present: str, absent: str) -> None:
    codes = unsc.council(dt.date.fromisoformat(date)).codes
    assert present in codes
    assert absent not in codes
    assert len(codes) == (11 if date < "1966" else 15)


@pytest.mark.parametrize(
    ("value", "date", "code"),
    [
        ("GER", "1977-06-01", "GER"),
        ("DEU", "1977-06-01", "GER"),
        ("GER", "2003-06-01", "DEU"),
        ("YMD", "1990-01-31", "YMD"),
        ("SUN", "1991-12-31", "RUS"),
        ("SUN", "1991-12-23", "SUN"),
        ("ZAR", "1982-06-18", "COD"),
        ("CSK", "1978-06-01", "CSK"),
        ("YUG", "1988-06-01", "YUG"),
        ("Federal Republic of Germany", "1987-06-01", "GER"),
    ],
)
def test_library_codes_are_read_by_the_row_of_the_day(value: str, date: str, code: str) -> None:
    assert code_on(value, dt.date.fromisoformat(date)) == code


@pytest.mark.parametrize(
    ("day", "code"),
    [
        (dt.date(1977, 10, 31), "GER"),  # the Federal Republic's elected term, 1977-78
        (dt.date(1990, 10, 2), "GER"),  # the last day before unification
        (dt.date(1990, 10, 3), "DEU"),  # unification: the same state continued as Germany
        (dt.date(1995, 6, 1), "DEU"),  # Germany's elected term, 1995-96
    ],
)
def test_a_ballot_reads_deu_as_the_seat_of_its_day(day: dt.date, code: str) -> None:
    """DEU (ISO 3166-1) is the Federal Republic's seat, GER, before unification; DEU after."""
    from unsc._engine import build_ballot

    assert list(build_ballot(day, {"DEU": "Y"}).votes) == [code]
    assert list(build_ballot(day, {"GER": "Y"}).votes) == [code]
