"""Text preparation: normalisation, paragraphs, quotations, sentences and clauses."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from unsc._extract._patterns import plain, same, twin

FOLD_TRAPS = ("\u017f", "\u0131", "\u0307")
"""In lower-cased text, what may hide an ASCII letter that re.IGNORECASE would match."""

_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u2212": "-",
        "\u2010": "-",
        "\u2011": "-",
    }
)

_REPLACEMENTS = tuple((chr(c), str(r)) for c, r in _TRANSLATE.items())
_SPECIAL = re.compile("[" + "".join(chr(c) for c in _TRANSLATE) + "\u2013\u2014]")
_EN_DASH_NUM = re.compile(r"(?<=\d)\s*[\u2013\u2014]\s*(?=\d)")
# "--" for a dash, spaced or not ("vetoed--for the second time--a draft"), but not
# inside a number range or a rule of hyphens
_EN_DASH = re.compile(r"\s*[\u2013\u2014]\s*|\s+--\s+|(?<=[A-Za-z)])--(?=[A-Za-z\d])")
# what every match of the two holds, after spaces only
_DASHES = ("\u2013", "\u2014", "--")


def scan(
    pattern: re.Pattern[str], text: str, keys: tuple[str, ...], low: str | None = None
) -> Iterator[re.Match[str]]:
    r"""The matches of ``pattern.finditer(text)``, found without searching the whole text.

    Every match must hold one of ``keys`` (looked for in ``low``, ``text`` by default,
    at the same offsets), with only spaces (``str.isspace``, the ``\s`` of patterns) or
    commas between the start of the match and that key, and the pattern must not use
    ``^``. A match then starts at most a run of spaces and commas before the first key
    at or after it, so ``pattern.match`` (which sees the text before the position, for
    look-behinds and ``\b``) is tried only at those few positions, in order.
    """
    find = text if low is None else low
    lowest = 0  # no match starts before this
    while True:
        key_at = -1
        for key in keys:
            i = find.find(key, lowest)
            if i >= 0 and (key_at < 0 or i < key_at):
                key_at = i
        if key_at < 0:
            return
        start = key_at
        while start > lowest and (text[start - 1].isspace() or text[start - 1] == ","):
            start -= 1
        for at in range(start, key_at + 1):
            m = pattern.match(text, at)
            if m is not None:
                yield m
                lowest = m.end() if m.end() > at else at + 1
                break
        else:
            lowest = key_at + 1


def _replace(pattern: re.Pattern[str], by: str, text: str, keys: tuple[str, ...]) -> str:
    """``pattern.sub(by, text)`` for a pattern that ``scan`` can read and a literal ``by``."""
    out: list[str] = []
    done = 0
    for m in scan(pattern, text, keys):
        out.append(text[done : m.start()])
        out.append(by)
        done = m.end()
    if not out:
        return text
    out.append(text[done:])
    return "".join(out)


def normalise(text: str) -> str:
    """Straight quotes, plain spaces, ``-`` between numbers and `` — `` between words."""
    if _SPECIAL.search(text) is None:
        return _replace(_EN_DASH, " \u2014 ", text, _DASHES) if "--" in text else text
    for char, straight in _REPLACEMENTS:
        if char in text:
            text = text.replace(char, straight)
    if "\u2013" in text or "\u2014" in text:
        text = _replace(_EN_DASH_NUM, "-", text, _DASHES[:2])
    if "\u2013" in text or "\u2014" in text or "--" in text:
        text = _replace(_EN_DASH, " \u2014 ", text, _DASHES)
    return text


_QUOTE = re.compile(r'"([^"\n]*)"')
_OPEN_QUOTE = re.compile(r'"([^"\n]*)$')
QUOTED = "QUOTEDSPEECH"


# a quotation that announces the result ("... has been adopted unanimously as resolution
# 2270", "the result of the voting is") is the Council's record, not an opinion: kept
_ANNOUNCED = re.compile(
    r"\b(?:adopted|approved|passed)\s+(?:\w+\s+){0,3}as\s+resolution\s+\d|"
    r"\bresult\s+of\s+the\s+vot",
    re.IGNORECASE,
)


def _drop_long(match: re.Match[str]) -> str:
    inner = match.group(1)
    if len(inner.split()) >= 4:
        return inner if _ANNOUNCED.search(inner) else QUOTED
    return inner  # a word or two in quotes ("yes", "procedural"): keep the words


def drop_quotations(paragraph: str) -> str:
    """Replace quoted speech of four words or more; keep short quoted words unquoted."""
    if '"' not in paragraph:
        return paragraph  # both patterns need a quote
    paragraph = _QUOTE.sub(_drop_long, paragraph)
    return _OPEN_QUOTE.sub(
        lambda m: (
            QUOTED
            if len(m.group(1).split()) >= 4 and not _ANNOUNCED.search(m.group(1))
            else m.group(1)
        ),
        paragraph,
    )


_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "sr",
        "jr",
        "no",
        "nos",
        "gen",
        "lt",
        "col",
        "sen",
        "rep",
        "gov",
        "amb",
        "prof",
        "art",
        "arts",
        "para",
        "paras",
        "vol",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "inc",
        "co",
        "corp",
        "ltd",
        "dept",
        "mt",
        "ft",
        "messrs",
        "rev",
        "fig",
        "approx",
        "est",
    ]
)
_INITIALS = re.compile(r"(?:[a-z]\.)*[a-z]")
_BOUNDARY = re.compile(r"([.!?])([\"')\]]*)\s+(?=[\"'(\[]*[A-Z0-9\u2014])")


def sentences(paragraph: str, ascii_ok: bool | None = None) -> list[str]:
    """Split a paragraph into sentences, keeping abbreviations and initials together."""
    out: list[str] = []
    start = 0
    if ascii_ok is None:
        ascii_ok = plain(paragraph)
    for m in (twin if ascii_ok else same)(_BOUNDARY).finditer(paragraph):
        if m.group(1) == ".":
            before = paragraph[start : m.start()]
            word = before.rsplit(None, 1)[-1] if before and not before.isspace() else ""
            bare = word.lstrip("(\"'").lower()
            if bare in _ABBREVIATIONS or _INITIALS.fullmatch(bare):
                continue  # "Mr.", "Oct.", "U.S.", an initial
        out.append(paragraph[start : m.end()].strip())
        start = m.end()
    tail = paragraph[start:].strip()
    if tail:
        out.append(tail)
    if any(len(sentence) > MAX_SENTENCE for sentence in out):
        out = [piece for sentence in out for piece in _cut(sentence)]
    return out


#: The longest sentence read as one (real sentences about votes stay well under 600
#: characters); a longer run of text is cut into pieces, so that the work per sentence
#: is bounded and the reader's time grows linearly with the text.
MAX_SENTENCE = 1200


def _cut(sentence: str) -> list[str]:
    """``sentence`` in pieces of at most ``MAX_SENTENCE`` characters, cut at a space."""
    out: list[str] = []
    while len(sentence) > MAX_SENTENCE:
        at = sentence.rfind(" ", MAX_SENTENCE // 2, MAX_SENTENCE)
        if at < 0:
            at = MAX_SENTENCE
        out.append(sentence[:at].strip())
        sentence = sentence[at:].strip()
    if sentence:
        out.append(sentence)
    return [piece for piece in out if piece]


_CLAUSE_BREAK = re.compile(
    r"\s*;\s*|,?\s+(?:while|whilst|whereas|but|after|before|followed by|and then|then|when)\s+"
    r"(?!(?:it|them|him|her|us|that|this)\b)"
    r"|\s+\u2014\s+(?=(?:after|before|while|when|which|as|and|but)\b)",
    re.IGNORECASE,
)


_ASIDE_END = re.compile(r",\s+(?=(?:the|a|an|it|they|[A-Z])\w*)")
# a short subject without a comma or a verb's ending: "The Security Council", "Russia"
_BARE_SUBJECT = re.compile(r"\s*(?:[\w.'\u2019-]+\s+){0,4}[\w.'\u2019-]+\s*$")
_ALL_BEFORE = re.compile(
    r"\b(?:everyone|everybody|all|(?:all|every)\s+(?:of\s+)?(?:the\s+)?(?:other\s+)?"
    r"(?:council\s+)?(?:members?|countries|states|delegations|nations))\s*,?$",
    re.IGNORECASE,
)
_SHARED_SUBJECT = re.compile(
    r"(?:did|was|were|had|has|have|got|received|drew|won|failed|fell|then|also|not|still|only|stayed|"
    r"remained|abstained|voted|could|would|never|instead|chose|decided|refused|declined|lost)\b"
)


@dataclass(slots=True, unsafe_hash=True)
class Clause:
    """A clause of a sentence: where a single vote is usually reported.

    ``connective`` is the word that introduced it ("after", "before", ...),
    empty for the first clause of a sentence. Treated as immutable (not frozen
    only because a frozen instance is several times slower to build).
    """

    text: str
    paragraph: int
    sentence: int
    index: int
    connective: str = ""


# Every clause break contains one of these (in lower case). Under re.IGNORECASE "s" and
# "i" also match "\u017f", "\u0131" and "\u0130" (which lower-cases to "i\u0307"), so a
# sentence holding one of those is always searched.
_BREAK_KEYS = (
    ";", "\u2014", "when", "after", "but", "then", "before", "while", "whilst", "whereas",
    "followed", *FOLD_TRAPS,
)  # fmt: skip
# every clause break holds one of these (in lower case) after spaces or a comma
_BREAK_WORDS = (
    ";", "\u2014", "when", "after", "but", "and then", "then", "before", "while", "whilst",
    "whereas", "followed",
)  # fmt: skip


def clauses(
    sentence: str, paragraph: int, number: int, ascii_ok: bool | None = None
) -> list[Clause]:
    """Split a sentence at clause boundaries that usually separate two events."""
    low = sentence.lower()
    for key in _BREAK_KEYS:
        if key in low:
            break
    else:
        text = sentence.strip()
        return [Clause(text, paragraph, number, 0, "")] if text else []
    parts: list[tuple[str, str]] = []
    start = 0
    connective = ""
    if len(low) == len(sentence) and not any(trap in low for trap in FOLD_TRAPS):
        if ascii_ok is None:
            ascii_ok = plain(sentence)
        pattern = twin(_CLAUSE_BREAK) if ascii_ok else _CLAUSE_BREAK
        breaks = scan(pattern, sentence, _BREAK_WORDS, low)
    else:
        breaks = _CLAUSE_BREAK.finditer(sentence)
    for m in breaks:
        if m.start() - start < 3:
            continue
        if m.group(0).strip(" ,").lower() == "but" and (
            _SHARED_SUBJECT.match(sentence, m.end())
            or _ALL_BEFORE.search(sentence, max(0, m.start() - 60), m.start())
        ):
            # "were present but did not vote": one clause, one subject; "everyone but
            # Russia voted in favour": "but" is "except"
            continue
        if m.group(0).strip().lower() == "then" and _BARE_SUBJECT.match(sentence, start, m.start()):
            continue  # "The Security Council then extended ...": an adverb after the subject
        parts.append((sentence[start : m.start()], connective))
        connective = m.group(0).strip(" ;,\u2014").lower()
        start = m.end()
        if connective in ("after", "before") and m.group(0).lstrip().startswith(","):
            # "On 28 January, after a US veto, the Council voted": the aside ends at a comma
            comma = _ASIDE_END.search(sentence, start)
            if comma is not None:
                parts.append((sentence[start : comma.start()], connective))
                connective = ""
                start = comma.end()
    parts.append((sentence[start:], connective))
    return [
        Clause(text.strip(), paragraph, number, i, word)
        for i, (text, word) in enumerate(p for p in parts if p[0].strip())
    ]
