"""The one month parser, ``unsc._english.month_number``."""

from __future__ import annotations

from unsc._english import MONTH_ABBREVIATIONS, MONTH_MISREADINGS, MONTH_NAMES, month_number


def _spellings() -> list[str]:
    """Every beginning of every month name and misreading, in four cases, and near misses."""
    words = {""}
    for name in (*MONTH_NAMES, *MONTH_MISREADINGS, *MONTH_ABBREVIATIONS):
        for end in range(1, len(name) + 1):
            head = name[:end]
            words |= {head, head.upper(), head.capitalize(), head.swapcase().capitalize()}
        words |= {name + "s", name + "x", " " + name, name[1:], name.replace("e", "a", 1)}
    words |= {"Sep.", "Mai", "Juni", "Okt", "mayo", "Sept2", "j", "xyz"}
    return sorted(words)


def test_every_month_is_read_by_its_name_in_any_case() -> None:
    for number, name in enumerate(MONTH_NAMES, start=1):
        for form in (name, name.upper(), name.capitalize(), name.title()):
            assert month_number(form) == number
            assert month_number(form, prefix=True) == number
            assert month_number(form, misread=True) == number


def test_a_beginning_is_read_only_with_prefix_and_as_the_first_month_it_begins() -> None:
    for word in _spellings():
        low = word.lower()
        begun = [n for n, name in enumerate(MONTH_NAMES, start=1) if name.startswith(low)]
        assert month_number(word, prefix=True) == (begun[0] if begun else None), word
        exact = [n for n, name in enumerate(MONTH_NAMES, start=1) if name == low]
        assert month_number(word) == (exact[0] if exact else None), word
    shown = {"Ma": 3, "Ju": 6, "Jul": 7, "SEPT": 9, "Octo": 10, "D": 12, "Mai": None, "Sep.": None}
    assert {w: month_number(w, prefix=True) for w in shown} == shown
    for abbreviation, number in MONTH_ABBREVIATIONS.items():
        assert month_number(abbreviation.capitalize(), prefix=True) == number


def test_misreadings_are_read_only_when_asked() -> None:
    for wrong, right in MONTH_MISREADINGS.items():
        assert month_number(wrong) is None
        assert month_number(wrong.capitalize(), misread=True) == MONTH_NAMES.index(right) + 1
