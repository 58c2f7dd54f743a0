"""The reader: text in, Security Council votes out."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import time

from unsc._extract._dates import (
    DateExpr,
    coerce_dateline,
    find_dates,
    may_start_at,
    parse_dateline,
    years_in,
)
from unsc._extract._events import date_events, finalise, group
from unsc._extract._layout import layout
from unsc._extract._lexicon import lexicon
from unsc._extract._mentions import ELSEWHEN, SCARE_VETO, Mention, mask, no_veto, read
from unsc._extract._model import ExtractedVote, ExtractTimeout
from unsc._extract._patterns import plain, same, twin
from unsc._extract._stamp import text_date
from unsc._extract._text import clauses, drop_quotations, normalise, sentences

# Words that make a paragraph, sentence or clause worth reading. A substring test per
# literal word (the most frequent first) is several times faster than one alternation
# over the text; the few words that need a pattern are searched last.
_VOTE_LITERALS = (
    "vot", "resolution", "draft", "against", "veto", "adopt", "favour", "favor", "abstain",
    "abstention", "fail", "pass", "reject", "motion", "support", "propos", "session",
    "amendment", "agenda", "unanim", "carried", "upheld", "tally", "absent", "particip",
    "boycott", "empty", "dissent", "backed", "opposed", "blocked", "ruling", "postpone",
    "delay", "invit", "measure", "recommend", "sponsor", "submit", "tabled", "extend", "renew",
)  # fmt: skip
_VOTE_PATTERN = re.compile(r"\d\s*-\s*\d|\bto\s+(?:\d|none)|\btexts?\b|put\s+forward")
_HINT_LITERALS = (
    "vot", "resolution", "draft", "against", "veto", "adopt", "favour", "favor", "abstain",
    "abstention", "fail", "pass", "reject", "motion", "support", "propos", "session", "text",
    "amendment", "agenda", "unanim", "carried", "upheld", "tally", "absent", "particip",
    "boycott", "empty", "dissent", "backed", "oppos", "blocked", "ruling", "postpone", "delay",
    "invit", "measure", "recommend", "sponsor", "submit", "tabled", "statement", "withdr",
    "seat", "chair", "extend", "renew",
)  # fmt: skip
_HINT_PATTERN = re.compile(
    r"\d|put\s+forward|said\s+(?:no|yes)|\b(?:one|two|three|four|five|six|seven|eight|nine|"
    r"ten|eleven|twelve|thirteen|fourteen|fifteen|none|nobody|other|remaining|rest|else|single|"
    r"lone)\b|own\b"
)


def _vote_words(low: str, ascii_ok: bool) -> bool:
    """Whether lower-cased text uses a word of voting (a sentence worth reading)."""
    for word in _VOTE_LITERALS:
        if word in low:
            return True
    return (twin if ascii_ok else same)(_VOTE_PATTERN).search(low) is not None


def _clause_hint(low: str, ascii_ok: bool) -> bool:
    """Whether a lower-cased clause of a relevant sentence can say something about a vote."""
    for word in _HINT_LITERALS:
        if word in low:
            return True
    return (twin if ascii_ok else same)(_HINT_PATTERN).search(low) is not None


_ASIDE_WORDS = re.compile(
    r"\b(?:with|as|addition|besides|like|unlike|top)\b|"
    r"(?:ed|forward|up|blue|expires|expiring)\s+(?:on\s+)?(?:\d|[A-Z][a-z]+\.?\s+\d)",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_OPENING_YEAR = re.compile(r"\W*(?:in|during)\s+(?P<year>(?:19|20)\d\d)\s*$", re.IGNORECASE)
_DAY_HINT = re.compile(r"\d|day|night")
# the date of a document named just before it, not of a vote
_DOCUMENT_DATE = re.compile(
    r"(?:\b(?:resolutions?|documents?|letters?|reports?|notes?|decisions?|judge?ments?|rulings?|"
    r"opinions?|orders?|declarations?|agreements?|accords?|treaty|treaties|conventions?|"
    r"communiqu\w+|Justice)|S/[\d/.A-Za-z]+|"
    r"\([IVXL]+\)|\b[A-Z])\s*(?:\([^()]{0,12}\)\s*)?(?:of|dated)\s*$"
)
# a clause that only goes on with a list: "and resolution 1199", "as well as resolution 9"
_LIST_GOES_ON = re.compile(
    r"\s*(?:and|or|as\s+well\s+as|together\s+with)\s+(?:(?:the\s+)?Security\s+Council\s+)?"
    r"resolutions?\s+\d",
    re.IGNORECASE,
)
_DECISION_VERB = re.compile(
    r"\b(?:adopt|approv|pass|vot|veto|reject|fail|defeat|carried)\w*", re.IGNORECASE
)
_SUBORDINATE = frozenset({"after", "before", "followed by"})
_ISO_DATELINE = re.compile(r"^\s*(?:date\s*:?\s*)?\d{4}-\d\d-\d\d\b")
_LEAD_YEAR = re.compile(r"^\W{0,3}(?:\w+\s+){0,3}?\(?(?P<year>(?:19|20)\d\d)\b")


# Lines that are not the story's text: photo captions and credits, source and share
# lines, bare addresses, and time stamps ("Xinhua) 09:36, February 26, 2022"). Read as
# _CAPTION_HEAD and _CAPTION_TAIL below (tests/test_extract_gates.py compares them).
_CAPTION = re.compile(
    r"^\W{0,3}(?:photo|file\s+photo|image|picture|caption|credit|source|read\s+more|"
    r"see\s+also|related|share|follow\s+us)\b|\((?:AP|AFP|Reuters|Xinhua|EPA|Getty)[^)]{0,40}"
    r"(?:photo|/)[^)]{0,60}\)\s*$|^\W*(?:https?://|www\.)\S+\W*$|"
    # "... [Photo/Agencies]", "... (Photo: A. Name)": a caption ending in its credit
    r"[\[(]\s*(?:photo|file\s+photo|picture|image)\s*[/:|][^\])]{0,60}[\])]\s*$",
    re.IGNORECASE,
)
_CLOCK = re.compile(r"\b\d{1,2}:\d\d\b")
# a press-release symbol on a line of its own ("SC/11910", "GA/12345", "SC/13040-AFR/1234")
_ITEM_SYMBOL = re.compile(r"^\W{0,3}(?:SC|GA|SG|S)/[\w./-]{2,30}\W{0,3}$")


# "the presidential elections of 20 May 2018", "the attacks of 11 September": a date after
# "of" that completes a noun phrase dates what that phrase names. Not when the phrase is
# the vote, its meeting, or a part of a day or a period ("the morning of", "the end of").
_NOT_IN_NP = (
    r"(?:the|its|their|his|her|this|that|these|those|a|an|on|in|at|by|to|for|from|with|"
    r"was|were|is|are|be|been|has|have|had|and|or)\b"
)
_NOUN_OF = re.compile(
    r"\b(?:the|its|their|his|her|this|that|these|those)\s+(?P<np>(?:(?!" + _NOT_IN_NP + r")"
    r"[\w'-]+\s+){0,3}?(?!" + _NOT_IN_NP + r")[a-z][\w-]*)\s+of\s*$",
    re.IGNORECASE,
)
_OF_TIME = frozenset((
    "vote", "votes", "voting", "ballot", "ballots", "meeting", "meetings", "session",
    "sessions", "sitting", "sittings", "morning", "afternoon", "evening", "night", "day",
    "days", "week", "weekend", "month", "year", "hours", "beginning", "start", "end", "middle",
    "course", "close", "part", "date", "eve", "dawn", "adoption", "rejection", "veto",
    "vetoes", "motion", "council", "security",
))  # fmt: skip


# "This was its second veto this year, along with the one cast on 27 March": a date in a
# phrase that adds another thing of the same sort dates that other thing
_BESIDES = re.compile(
    r"\b(?:along\s+with|as\s+well\s+as|in\s+addition\s+to|besides|like|unlike|on\s+top\s+of)\s+"
    r"(?:the|a|an|its|their|that|those|one)\s+"
    r"(?:(?!(?:voted|adopted|approved|rejected|vetoed|met|decided|passed|failed)\b)[\w'-]+\s+){0,4}?"
    r"(?:on|of|in|dated)?\s*$",
    re.IGNORECASE,
)


# "a draft tabled on 7 July and revised on 9 July was vetoed on 10 July": a date right
# after a verb of another act on the text (not a vote) dates that act
_OTHER_ACT = re.compile(
    r"\b(?:tabled|submitted|introduced|circulated|presented|revised|drafted|proposed|"
    r"put\s+forward|put\s+in\s+blue|signed|established|set\s+up|created|published|released|"
    r"expired|expires|expiring|reached|negotiated)\s+(?:on\s+)?$",
    re.IGNORECASE,
)


def _aside_dates(text: str, dates: list[DateExpr]) -> list[DateExpr]:
    """The dates, with those of another thing added in passing or of another act made bounds."""
    out = []
    for expr in dates:
        if expr.kind == "day" and (
            _BESIDES.search(text, max(0, expr.start - 60), expr.start)
            or _OTHER_ACT.search(text, max(0, expr.start - 30), expr.start)
        ):
            expr = dataclasses.replace(expr, kind="bound")
        out.append(expr)
    return out


def _document_dates(text: str, dates: list[DateExpr]) -> list[DateExpr]:
    """The dates, with those of documents and other named events made bounds (they date no vote).

    "resolution 377 A (V) of 3 November 1950", "S/7553 of 17 October" date a document;
    "the elections of 20 May 2018" date the elections.
    """
    out = []
    for expr in dates:
        if expr.kind == "day":
            if _DOCUMENT_DATE.search(text, max(0, expr.start - 60), expr.start):
                expr = dataclasses.replace(expr, kind="bound")
            else:
                m = _NOUN_OF.search(text, max(0, expr.start - 60), expr.start)
                if m is not None and not _OF_TIME.intersection(m["np"].lower().split()):
                    expr = dataclasses.replace(expr, kind="bound")
        out.append(expr)
    return out


# after a date's "'s", a noun that is not the vote or its meeting: "Friday's vote" dates
# the vote, "today's referendum" or "Sunday's elections" do not
_OTHER_EVENT = re.compile(
    r"'s\s+(?!(?:vote|votes|voting|ballot|session|meeting|sitting|decision|resolution|draft|"
    r"adoption|rejection|veto|vetoes|move|action|motion|text|measure|emergency|council|"
    r"security|failed|unanimous|extension|renewal|\W))",
    re.IGNORECASE,
)


# "the 7 October attacks", "the 4 April chemical attack", "the 30 June 2012 Geneva
# Communique": a date used as an adjective of another event's or document's noun (a
# capitalised name too, but not the Council's or the UN's own vote)
_ATTRIBUTIVE = re.compile(
    r"\s+(?!(?i:vote|votes|voting|ballot|session|meeting|sitting|decision|resolution|draft|"
    r"adoption|rejection|veto|vetoes|move|action|motion|text|measure|emergency|council|"
    r"security|failed|unanimous|extension|renewal|and|or|to|in|at|by|of|for|with|when|"
    r"after|before|the|a|an|un|u\.n|united|general|assembly)\b)[A-Za-z]"
)
_THE_BEFORE = re.compile(r"(?<!\bon\s)(?<!\bby\s)\b(?:the|an?|its|their)\s+$", re.IGNORECASE)


def _after_the(text: str, start: int) -> bool:
    """Whether the date at ``start`` follows (or opens with) an article, not "on the".

    "the", "a", "its", "their": "in a 22 September letter" dates the letter.
    """
    if text.startswith(("the ", "The "), start):
        return not text[max(0, start - 4) : start].lower().endswith(("on ", "by "))
    return _THE_BEFORE.search(text, max(0, start - 10), start) is not None


def _possessive_dates(text: str, dates: list[DateExpr]) -> list[DateExpr]:
    """The dates, with those that only qualify another event made bounds (they date no vote)."""
    out = []
    for expr in dates:
        # (a weekday's expression may hold its "'s": "Sunday's referendum")
        end = expr.end - 2 if text.startswith("'s", expr.end - 2) else expr.end
        if expr.kind != "vague" and (
            _OTHER_EVENT.match(text, end)
            or (
                expr.kind == "day"
                and _ATTRIBUTIVE.match(text, expr.end)
                and _after_the(text, expr.start)
            )
        ):
            expr = dataclasses.replace(expr, kind="bound")
        out.append(expr)
    return out


# _CAPTION in two: the branches anchored at the start of the line, tried there only, and
# those that need a bracket, searched only in a line that has one (same answer, without
# trying every position of every line)
_CAPTION_HEAD = re.compile(
    r"\W{0,3}(?:photo|file\s+photo|image|picture|caption|credit|source|read\s+more|"
    r"see\s+also|related|share|follow\s+us)\b|\W*(?:https?://|www\.)\S+\W*$",
    re.IGNORECASE,
)
_CAPTION_TAIL = re.compile(
    r"\((?:AP|AFP|Reuters|Xinhua|EPA|Getty)[^)]{0,40}(?:photo|/)[^)]{0,60}\)\s*$|"
    r"[\[(]\s*(?:photo|file\s+photo|picture|image)\s*[/:|][^\])]{0,60}[\])]\s*$",
    re.IGNORECASE,
)


def not_text(line: str) -> bool:
    """Whether a line is a caption, a credit, a source line, an address or a time stamp."""
    if _CAPTION_HEAD.match(line):
        return True
    if ("(" in line or "[" in line) and _CAPTION_TAIL.search(line):
        return True
    return ":" in line and _CLOCK.search(line) is not None and len(line.split()) <= 8


def _soft_reference(paragraphs: list[str]) -> dt.date | None:
    """The date of a title or of a paragraph that is only a date, to read "today" by."""
    for i, paragraph in enumerate(paragraphs):
        if i and _long(paragraph):
            continue  # more than a date and two words: not "only a date"
        for expr in find_dates(paragraph, None, None, dated_only=True):
            if expr.kind != "day" or not expr.explicit_year or expr.date is None:
                continue
            rest = (paragraph[: expr.start] + paragraph[expr.end :]).strip(" ,.\u2014-()")
            if i == 0 or len(rest.split()) <= 2:
                return expr.date
    return None


def _long(paragraph: str) -> bool:
    """Whether ``paragraph`` has more than nine words that are not only punctuation.

    Then no calendar date (six words at most: "Monday, the 5th of March, 1956") leaves
    two words or fewer once it and the punctuation at both ends are taken away.
    """
    words = paragraph.split()
    return len(words) > 9 and sum(1 for w in words if w.strip(_JUNK)) > 9


_JUNK = ",.\u2014-()"


def _full_year(paragraphs: list[str]) -> int | None:
    """The year of the first calendar date written with its year in ``paragraphs``."""
    for paragraph in paragraphs:
        for expr in find_dates(paragraph, None, None, dated_only=True):
            if expr.kind == "day" and expr.explicit_year and expr.date is not None:
                return expr.date.year
    return None


def _title_year(paragraphs: list[str]) -> int | None:
    years = years_in(" ".join(paragraphs))
    return years[0] if years else None


def extract(
    text: str, *, dateline: dt.date | str | None = None, time_limit: float | None = None
) -> tuple[ExtractedVote, ...]:
    r"""Every Security Council vote that ``text`` reports, in the order they were taken.

    Records are ordered by date; on one day, procedural motions and agenda votes
    come before the other questions (they take precedence under rule 33 and
    are voted first); otherwise in the order first reported.

    ``dateline`` (a date, ``YYYY-MM-DD`` or a dateline line) anchors relative
    days ("on Tuesday", "yesterday"); without it the first line is read when
    it is a dateline such as ``date 2017-10-26 AP, UNITED NATIONS``. Votes of
    other bodies, statements, withdrawn drafts and votes mentioned only as
    history without a day are left out.

    ``time_limit`` (seconds) bounds the work: past it, :class:`ExtractTimeout`
    is raised (the reader's time grows linearly with the text, and every
    sentence is read in bounded time, so the limit is kept closely).

    >>> votes = extract("date 2017-10-26 AP\n\nRussia on Tuesday vetoed a US-sponsored "
    ...                 "draft. It received 11 votes in favour, 2 against and 2 abstentions.")
    >>> [(v.date.isoformat(), v.outcome.value, v.vetoed_by) for v in votes]
    [('2017-10-24', 'vetoed', ('RUS',))]
    """
    deadline = None if time_limit is None else time.perf_counter() + time_limit
    text = layout(normalise(text))
    lines = [line for line in text.split("\n")]
    ref = coerce_dateline(dateline)
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is not None:
        found = parse_dateline(lines[first])
        if found is not None:
            iso = _ISO_DATELINE.match(lines[first])
            if iso:
                # "date 2022-02-26 Russia has vetoed...": the rest of the line is the story
                lines[first] = lines[first][iso.end() :]
            ref = ref or found
    if ref is None:
        # a dateline, stamp or date line elsewhere near the top (or a stamp at the end)
        ref = text_date(lines)
    lex = lexicon()
    paragraphs = [line for line in lines if line.strip() and not not_text(line)]
    soft = ref or _soft_reference(paragraphs[:3])
    # without a date of the text, the year of the first full date of its opening paragraphs
    # (not a bare year: "adopted in November 1950" is background)
    year_hint = soft.year if soft else _title_year(paragraphs[:1]) or _full_year(paragraphs[:4])
    running: dt.date | None = soft
    section: dt.date | None = None
    section_at = running_at = -1  # the paragraphs that set them
    mentions: list[Mention] = []
    order = 0
    item = -1
    for p_index, raw in enumerate(paragraphs):
        if "/" in raw and _ITEM_SYMBOL.match(raw):
            # "SC/11910" alone on a line: from the second such line on, the next item of
            # an index page (the first is a press release's own, under its headline)
            item += 1
        # the US "vetoed" it: the writer quotes the word to dispute it
        scare = '"' in raw and "veto" in raw and SCARE_VETO.search(raw) is not None
        paragraph = drop_quotations(raw)
        ok = plain(paragraph)  # so are its parts: the ASCII twins of patterns may read them
        lead = _LEAD_YEAR.match(paragraph) if ref is None else None
        if lead:
            year_hint = int(lead["year"])
        head = paragraph[:40]
        # only a date at the very start of a paragraph dates its section (not one that
        # opens an aside in brackets: "(On 27 June, the Court ruled ...)")
        lead_dates = (
            find_dates(head, soft, year_hint, ascii_ok=ok, soft=ref is None)
            if may_start_at(head, 4) and not head.startswith("(")
            else []
        )
        if lead_dates and lead_dates[0].start <= 4 and lead_dates[0].date is not None:
            section = lead_dates[0].date
            section_at = p_index
        elif section is None and p_index < 2:
            exprs = find_dates(
                paragraph, soft, year_hint, dated_only=True, ascii_ok=ok, soft=ref is None
            )
            # not the date of a document or another event ("recalling the accord of …")
            exprs = _possessive_dates(paragraph, _document_dates(paragraph, exprs))
            exprs = _aside_dates(paragraph, exprs)
            resolved = [e for e in exprs if e.date is not None and e.kind != "bound"]
            if resolved and resolved[0].kind != "relative":
                section = resolved[0].date
                section_at = p_index
        # a match of the vote words never spans two sentences (none contains . ! ?), so
        # the paragraph is worth reading exactly when one of its sentences is
        split = sentences(paragraph, ok)
        relevance = [_vote_words(sentence.lower(), ok) for sentence in split]
        if not any(relevance):
            continue
        last_person: str | None = None
        # the last representative named is read only by a later "his own"/"her own"
        people = "own" in paragraph
        para_date: dt.date | None = None
        # the paragraph opens at another time ("Back in 1972, when ..., the Council voted"):
        # its votes without a day of their own take none from the page or the lead
        other_time = False
        para_year: int | None = None  # the year a sentence opened with ("In 2012, ...")
        elsewhen = False  # ... told from what came before ("Years later, when ...")
        read_one = False  # a clause of the paragraph was read as a mention
        for s_index, sentence in enumerate(split):
            if deadline is not None and time.perf_counter() > deadline:
                raise ExtractTimeout(f"the text took more than {time_limit:g} s to read")
            relevant = relevance[s_index]
            referring = False  # the last clause read ended by citing a resolution
            for clause in clauses(sentence, p_index, s_index, ok):
                dated = (
                    relevant or (twin if ok else same)(_DAY_HINT).search(clause.text) is not None
                )
                if not dated:
                    dates = []
                elif para_year is not None:
                    # "In 2012, two drafts were vetoed. On February 4, ...": a day without
                    # a year takes the year the paragraph's sentence opened with
                    dates = find_dates(clause.text, soft, para_year, ascii_ok=ok, soft=True)
                else:
                    dates = find_dates(clause.text, soft, year_hint, ascii_ok=ok, soft=ref is None)
                for expr in dates:
                    if expr.kind == "vague" and expr.start <= 3:
                        opened = _OPENING_YEAR.match(clause.text, expr.start, expr.end)
                        if opened is not None:
                            para_year = int(opened["year"])
                if dates and ("of" in clause.text or "dated" in clause.text):
                    dates = _document_dates(clause.text, dates)
                if dates and (
                    "'s" in clause.text
                    or "the" in clause.text
                    or "a " in clause.text
                    or "its" in clause.text
                    or "their" in clause.text
                ):
                    dates = _possessive_dates(clause.text, dates)
                if (
                    dates
                    and any(expr.kind == "day" for expr in dates)
                    and _ASIDE_WORDS.search(clause.text)
                ):
                    dates = _aside_dates(clause.text, dates)
                time_clause = (
                    not read_one
                    and s_index == 0
                    and any(
                        expr.kind == "vague"
                        and (
                            _YEAR.search(clause.text, expr.start, expr.end) is not None
                            or ELSEWHEN.match(clause.text, expr.start) is not None
                        )
                        for expr in dates
                    )
                )
                elsewhen = elsewhen or (
                    time_clause
                    and not any(e.kind == "day" and e.date is not None for e in dates)
                    and any(
                        expr.kind == "vague" and ELSEWHEN.match(clause.text, expr.start)
                        for expr in dates
                    )
                )
                when = running or (dt.date(year_hint, 7, 1) if year_hint else None)
                for expr in dates:
                    if expr.date is not None and expr.kind == "day":
                        when = expr.date
                if relevant and _clause_hint(clause.text.lower(), ok):
                    masked = mask(clause.text, lex, dates, when, last_person, ok)
                    if (
                        referring
                        and _LIST_GOES_ON.match(clause.text)
                        and not _DECISION_VERB.search(clause.text)
                    ):
                        # "...comply with resolution 1160 (1998); and resolution 1199
                        # (1998), calling for ...": the list of references goes on
                        masked.resolutions[:] = [(n, True) for n, _ in masked.resolutions]
                    referring = bool(masked.resolutions) and masked.resolutions[-1][1]
                    mention = read(Mention(order, p_index, s_index, clause.text, ""), masked)
                    if scare and "veto" in clause.text.lower():
                        no_veto(mention)
                    mention.subordinate = clause.connective in _SUBORDINATE
                    mention.item = max(item, 0)
                    mention.then = clause.connective.endswith("then")
                    mention.dated_here = mention.date is not None or mention.weekday is not None
                    if other_time and not mention.dated_here and mention.relative is None:
                        mention.vague = True
                        mention.elsewhen = mention.elsewhen or elsewhen
                    if mention.strong or mention.kind is not None:
                        read_one = True
                        time_clause = False  # (its own vague date is read with it)
                    # a full date written in a later paragraph than the section's date
                    # ("Resolution 426, adopted on 19 March 1978") dates what follows it
                    later = running if running_at > section_at and running != soft else None
                    context = para_date or later or section
                    if (
                        mention.date is None
                        and mention.relative is None
                        and context is not None
                        and not mention.subordinate
                        and not mention.vague
                        and not mention.history
                    ):
                        mention.date = context
                        # the lead's or the dateline's date, not one the story gives later
                        mention.date_context = context is section and section_at <= 1
                    mentions.append(mention)
                    order += 1
                    for code, kind in zip(masked.codes, masked.kinds, strict=True):
                        if kind == "person":
                            last_person = code
                elif people:
                    for m in lex.pattern.finditer(clause.text):
                        if not lex.starts_word(clause.text, m.start()):
                            continue
                        hit = lex.resolve(m.group(0), when)
                        if hit is not None and hit[1] == "person":
                            last_person = hit[0]
                if any(expr.kind == "day" and expr.date is not None for expr in dates):
                    # "Ten weeks later, on 29 April 1946, ...": the paragraph gives its day
                    other_time = elsewhen = False
                elif time_clause:
                    other_time = True
                if clause.connective not in _SUBORDINATE:
                    for expr in dates:
                        if expr.date is not None and expr.kind in ("day", "weekday", "deictic"):
                            para_date = expr.date
                for expr in dates:
                    if expr.date is not None and expr.kind == "day" and expr.explicit_year:
                        running = expr.date
                        running_at = p_index
                        year_hint = expr.date.year
    events = group(mentions)
    date_events(events)
    out = []
    for event in events:
        record = finalise(event)
        if record is not None:
            out.append(record)
    out.sort(key=_vote_order)
    return tuple(out)


_FIRST_KINDS = frozenset({"procedural_motion", "agenda_adoption"})


def _vote_order(vote: ExtractedVote) -> tuple[bool, dt.date, int]:
    first = str(getattr(vote.kind, "value", vote.kind)) in _FIRST_KINDS
    return (vote.date is None, vote.date or dt.date.min, 0 if first else 1)
