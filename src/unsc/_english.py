"""English words the readers share: month names, their abbreviations, number words.

The importers, the report reader and the mandate-clause reader all read dates
and counts written in English; they take their words from here, and read a
month's name with the one parser, :func:`month_number`.
"""

from __future__ import annotations

MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
"""English month names, January first."""

MONTH_ABBREVIATIONS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sept": 9,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
"""The abbreviations of month names in use in news text (``Sept`` before ``Sep``)."""

MONTH_MISREADINGS = {"auqust": "august", "decemher": "december", "septemher": "september"}
"""Month names as the text layer of scanned resolutions misreads them, and what they are."""


def month_number(word: str, *, prefix: bool = False, misread: bool = False) -> int | None:
    """The number of the month ``word`` names (January is 1), or ``None``; case is ignored.

    ``prefix``: any beginning of a month's name is read as that month (``Sep``,
    ``Sept``, ``Dec``), the first in the year when several begin so (``Ma`` is
    March). ``misread``: the OCR misreadings of :data:`MONTH_MISREADINGS` are read
    as the month they stand for.

    >>> month_number("October"), month_number("Sept", prefix=True), month_number("Sept")
    (10, 9, None)
    >>> month_number("Auqust", misread=True), month_number("Auqust")
    (8, None)
    """
    word = word.lower()
    if misread:
        word = MONTH_MISREADINGS.get(word, word)
    for number, name in enumerate(MONTH_NAMES, start=1):
        if name == word or (prefix and name.startswith(word)):
            return number
    return None


CARDINALS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
}
"""English number words, zero to twenty, in order."""
