"""Text preparation: normalisation, paragraphs, quotations, sentences and clauses."""

from __future__ import annotations

import re
from dataclasses import dataclass

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

_EN_DASH_NUM = re.compile(r"(?<=\d)\s*[\u2013\u2014]\s*(?=\d)")
_EN_DASH = re.compile(r"\s*[\u2013\u2014]\s*|\s+--\s+")


def normalise(text: str) -> str:
    """Straight quotes, plain spaces, ``-`` between numbers and `` — `` between words."""
    text = text.translate(_TRANSLATE)
    if "\u2013" in text or "\u2014" in text:
        text = _EN_DASH_NUM.sub("-", text)
    if "\u2013" in text or "\u2014" in text or "--" in text:
        text = _EN_DASH.sub(" \u2014 ", text)
    return text


_QUOTE = re.compile(r'"([^"\n]*)"')
_OPEN_QUOTE = re.compile(r'"([^"\n]*)$')
QUOTED = "QUOTEDSPEECH"


def _drop_long(match: re.Match[str]) -> str:
    inner = match.group(1)
    if len(inner.split()) >= 4:
        return QUOTED
    return inner  # a word or two in quotes ("yes", "procedural"): keep the words


def drop_quotations(paragraph: str) -> str:
    """Replace quoted speech of four words or more; keep short quoted words unquoted."""
    paragraph = _QUOTE.sub(_drop_long, paragraph)
    return _OPEN_QUOTE.sub(
        lambda m: QUOTED if len(m.group(1).split()) >= 4 else m.group(1), paragraph
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
_BOUNDARY = re.compile(r"([.!?])([\"')\]]*)\s+(?=[\"'(\[]*[A-Z0-9\u2014])")


def sentences(paragraph: str) -> list[str]:
    """Split a paragraph into sentences, keeping abbreviations and initials together."""
    out: list[str] = []
    start = 0
    for m in _BOUNDARY.finditer(paragraph):
        if m.group(1) == ".":
            before = paragraph[start : m.start()]
            word = before.rsplit(None, 1)[-1] if before.split() else ""
            bare = word.lstrip("(\"'").lower()
            if bare in _ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)*[a-z]", bare):
                continue  # "Mr.", "Oct.", "U.S.", an initial
        out.append(paragraph[start : m.end()].strip())
        start = m.end()
    tail = paragraph[start:].strip()
    if tail:
        out.append(tail)
    return out


_CLAUSE_BREAK = re.compile(
    r"\s*;\s*|,?\s+(?:while|whereas|but|after|before|followed by|and then|then|when)\s+"
    r"(?!(?:it|them|him|her|us|that|this)\b)"
    r"|\s+\u2014\s+(?=(?:after|before|while|when|which|as|and|but)\b)",
    re.IGNORECASE,
)


_ASIDE_END = re.compile(r",\s+(?=(?:the|a|an|it|they|[A-Z])\w*)")
_SHARED_SUBJECT = re.compile(
    r"(?:did|was|were|had|has|have|got|received|drew|won|failed|fell|then|also|not|still|only|stayed|"
    r"remained|abstained|voted|could|would|never|instead|chose|decided|refused|declined|lost)\b"
)


@dataclass(frozen=True, slots=True)
class Clause:
    """A clause of a sentence: where a single vote is usually reported.

    ``connective`` is the word that introduced it ("after", "before", ...),
    empty for the first clause of a sentence.
    """

    text: str
    paragraph: int
    sentence: int
    index: int
    connective: str = ""


def clauses(sentence: str, paragraph: int, number: int) -> list[Clause]:
    """Split a sentence at clause boundaries that usually separate two events."""
    parts: list[tuple[str, str]] = []
    start = 0
    connective = ""
    for m in _CLAUSE_BREAK.finditer(sentence):
        if m.start() - start < 3:
            continue
        if m.group(0).strip(" ,").lower() == "but" and _SHARED_SUBJECT.match(sentence, m.end()):
            continue  # "were present but did not vote": one clause, one subject
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
