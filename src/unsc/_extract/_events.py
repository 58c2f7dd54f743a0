"""From mentions to votes: grouping clauses into events, then completing and checking them."""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field

from unsc._engine import Kind, Outcome
from unsc._extract._checks import (
    check_vote,
    council_on,
    rules_outcome,
    seats,
    short_position,
    sitting_size,
)
from unsc._extract._mentions import POSITIONS, Mention, question_text
from unsc._extract._model import ExtractedVote
from unsc._extract._patterns import OTHER_COUNCIL

_KINDS = {
    None: Kind.DRAFT_RESOLUTION,
    "draft": Kind.DRAFT_RESOLUTION,
    "amendment": Kind.AMENDMENT,
    "motion": Kind.PROCEDURAL_MOTION,
    "agenda": Kind.AGENDA_ADOPTION,
    "preliminary": Kind.OTHER,
    "ruling": Kind.OTHER,
}
_PROCEDURAL = {"motion": True, "agenda": True, "ruling": True}
_CONFLICTING = {
    ("adopted", "vetoed"),
    ("adopted", "failed"),
    ("vetoed", "adopted"),
    ("failed", "adopted"),
}


@dataclass(slots=True)
class Event:
    """The mentions of one vote, gathered across a text."""

    mentions: list[Mention] = field(default_factory=list)
    body: str = "sc"
    kind: str | None = None
    draft: str | None = None
    resolution: int | None = None
    sponsor: str | None = None
    date: dt.date | None = None
    date_context: bool = False  # the date is only its mentions' context (see Mention)
    weekday: str | None = None
    subject: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    positions: dict[str, str] = field(default_factory=dict)
    outcomes: list[str] = field(default_factory=list)
    told_vaguely: bool = False  # a mention of it is dated only vaguely ("six years later")

    def compatible(self, m: Mention, body: str) -> bool:
        """Whether ``m`` can describe this vote (nothing in it contradicts what is known)."""
        if body != self.body:
            return False
        if self.mentions and self.mentions[-1].item != m.item:
            return False
        if m.draft and self.draft and m.draft != self.draft:
            return False
        if m.resolution and self.resolution and m.resolution != self.resolution:
            return False
        if m.kind and self.kind and m.kind != self.kind:
            return False
        if m.sponsor and self.sponsor and m.sponsor != self.sponsor:
            return False
        if m.elsewhen and self.mentions[-1].paragraph != m.paragraph:
            return False  # "Years later, ... Russia abstained": another vote
        if m.sponsor and m.sponsor != "*" and self.positions.get(m.sponsor) == "no":
            return False  # an author does not vote down its own draft: another question
        if not m.subordinate and all(
            x.subordinate and x.sentence == m.sentence and x.paragraph == m.paragraph
            for x in self.mentions
        ):
            return False
        if (
            m.subordinate
            and m.outcomes
            and self.mentions[-1].paragraph != m.paragraph
            and not set(m.outcomes) <= set(self.outcomes)
            and not (m.sponsor and m.sponsor == self.sponsor)
            and not m.draft
            and not m.resolution
        ):
            # "was requested ... after two US vetoes": an aside names an earlier event; it
            # gives a vote of another paragraph no outcome that vote is not known to have,
            # unless it names that vote's question ("after the Council rejected the
            # Russian draft")
            return False
        # a date taken from the lead gives way to the clause's own; two dates of the
        # clauses' own (or two of the lead's) are two votes
        if m.date and self.date and m.date != self.date and m.date_context == self.date_context:
            return False
        if m.weekday and self.weekday and m.weekday != self.weekday and m.strong:
            return False
        if m.relative and m.strong and self.mentions:
            return False  # "two days later the Council voted...": another day, another vote
        if m.subject and self.subject and m.subject != self.subject:
            return False  # two mandates: two decisions
        if (
            self.subject
            and not m.subject
            and m.outcomes
            and self.outcomes
            and m.paragraph != self.mentions[-1].paragraph
            and _ANOTHER_QUESTION.search(m.masked) is not None
        ):
            return False  # an index page: another paragraph adopting "a resolution"
        for pos, value in m.counts.items():
            if pos in self.counts and self.counts[pos] != value:
                return False
        for pos, codes in m.names.items():
            if any(self.positions.get(c, pos) != pos for c in codes):
                return False
        return all((a, b) not in _CONFLICTING for a in m.outcomes for b in self.outcomes)

    def absorb(self, m: Mention) -> None:
        """Add a mention's facts (what is already known wins)."""
        self.mentions.append(m)
        self.told_vaguely = self.told_vaguely or m.vague
        self.kind = self.kind or m.kind
        self.draft = self.draft or m.draft
        self.resolution = self.resolution or m.resolution
        self.sponsor = self.sponsor or m.sponsor
        if (
            m.date is not None
            and (self.date is None or (self.date_context and not m.date_context))
            and (m.dated_here or not self.told_vaguely)
        ):
            # (a vote told as history, "six years later", takes no date from a later
            # clause that only names a question in the context of the lead's date)
            self.date = m.date
            self.date_context = m.date_context
        if m.strong:
            self.weekday = self.weekday or m.weekday
        self.subject = self.subject or m.subject
        for pos, value in m.counts.items():
            self.counts.setdefault(pos, value)
        for pos, codes in m.names.items():
            for c in codes:
                self.positions.setdefault(c, pos)
        for c in m.vetoers:
            self.positions.setdefault(c, "no")
        for o in m.outcomes:
            if o not in self.outcomes:
                self.outcomes.append(o)


_ANOTHER_QUESTION = re.compile(
    r"\b(?:a|another)\s+(?:new\s+|separate\s+)?(?:draft\s+)?(?:resolution|draft|text)\b",
    re.IGNORECASE,
)


def _body(m: Mention, context: str) -> str:
    if m.body == "sc":
        return "sc"
    if m.body == "other":
        return "other"
    if m.body == "council":
        return context if context == "other_council" else "sc"
    return "sc" if False else _plain(context)


def _plain(context: str) -> str:
    return "other" if context in ("other", "other_council") else "sc"


def _copy_tally(source: Event, m: Mention) -> None:
    """Give ``m`` the counts and the named positions of ``source`` ("the same vote")."""
    for pos, value in source.counts.items():
        m.counts.setdefault(pos, value)
    for x in source.mentions:
        for pos in POSITIONS:
            for code in x.names.get(pos, ()):
                if code not in m.names.get(pos, ()):
                    m.names.setdefault(pos, []).append(code)
            for code in x.partial.get(pos, ()):
                if code not in m.partial.get(pos, ()):
                    m.partial.setdefault(pos, []).append(code)


_SAME_OUTCOME = {"adopted": {"adopted"}, "failed": {"failed", "vetoed"}}


def _summary(m: Mention, events: list[Event]) -> bool:
    """Whether "both drafts failed" sums up the votes just reported, one by one.

    Not when it names days or authors those votes do not have.
    """
    assert m.several is not None
    n, outcome, sponsors = m.several
    last = events[-n:]
    return (
        len(last) == n
        and all(
            e.body == "sc"
            and any(x.strong for x in e.mentions)
            and set(e.outcomes) <= _SAME_OUTCOME[outcome]
            for e in last
        )
        and (not m.each_date or [e.date for e in last] == list(m.each_date))
        and (not sponsors or [e.sponsor for e in last] == list(sponsors))
    )


def _several(m: Mention, body: str, events: list[Event], focus: Event | None = None) -> Event:
    """One event per decision of "the rejection of two draft resolutions" (the last one).

    A vote in focus that says no more than the phrase ("Council fails to adopt
    resolution", a headline) is the first of them, not a decision besides them.
    """
    assert m.several is not None
    n, outcome, sponsors = m.several
    event = Event(body=body)
    first = (
        focus
        if focus is not None
        and focus is (events[-1] if events else None)
        and focus.body == body
        and focus.kind in (None, "draft")
        and not focus.counts
        and not focus.positions
        and not focus.sponsor
        and not focus.draft
        and not focus.resolution
        and set(focus.outcomes) <= {outcome}
        else None
    )
    for i in range(n):
        part = dataclasses.replace(
            m,
            several=None,
            kind="draft",
            outcomes=[outcome],
            counts={},
            names={},
            partial={},
            among=[],
            vetoers=[],
            weak_vetoers=[],
            other=None,
            excepted=None,
            unanimous=False,
            subject=None,
            sponsor=sponsors[i] if sponsors else None,
            new_event=True,
        )
        if m.each_date:
            # one decision a day: each keeps what the clause says of all of them (who
            # vetoed, who voted how), not its counts
            part.date = m.each_date[i]
            part.date_context = False
            part.dated_here = True
            part.outcomes = list(m.outcomes) or [outcome]
            part.vetoers = list(m.vetoers)
            part.weak_vetoers = list(m.weak_vetoers)
            part.names = {pos: list(codes) for pos, codes in m.names.items()}
        if i == 0 and first is not None:
            first.absorb(part)
            first.sponsor = part.sponsor  # (it had none)
            event = first
            continue
        event = Event(body=body)
        event.absorb(part)
        events.append(event)
    return event


_BARE_MOTION = re.compile(r"\b(?:the|this|that)\s+motion\b", re.IGNORECASE)
_MOTION_WORDS = re.compile(
    r"postpon|adjourn|defer|delay|suspend|invit|procedural|put\s+off|push\w*\s+back",
    re.IGNORECASE,
)


def group(mentions: list[Mention]) -> list[Event]:
    """Gather mentions into events, in the order the text first reports them."""
    events: list[Event] = []
    focus: Event | None = None
    context = "sc"
    background: tuple[int, int] | None = None  # the sentence of a vote of another time
    for m in mentions:
        if background == (m.paragraph, m.sentence) and not m.dated_here and not m.counts:
            continue  # "In 2014 Russia vetoed a draft, while China abstained": both past
        if m.body_explicit and m.vote_words and not m.strong and m.kind is None:
            context = "sc" if m.body == "sc" else "other"
            if context == "other" and OTHER_COUNCIL.search(m.masked.lower()):
                context = "other_council"
        if m.history and m.date is None:
            continue
        if (
            m.vague_year
            and m.date is None
            and m.weekday is None
            and (m.outcomes or m.vetoers)
            and not m.counts
            and events
        ):
            # "adopted in November 1950", "Russia vetoed a draft in 2016": another time,
            # not the vote in hand
            background = (m.paragraph, m.sentence)
            continue
        if m.kind is None and not m.strong and not m.statement and not m.sponsor:
            continue
        if (
            m.kind == "motion"
            and focus is not None
            and focus.kind == "draft"
            and not m.draft
            and _BARE_MOTION.search(m.masked) is not None
            and _MOTION_WORDS.search(m.masked) is None
        ):
            m.kind = None  # "the motion" for the draft just reported: it refers back
        body = _body(m, context)
        if m.several is not None and body == "sc" and not m.history:
            if not _summary(m, events):
                focus = _several(m, body, events, focus)
            continue
        if m.statement and m.kind is None:
            body = "statement"
        target: Event | None = None
        identified = (
            [
                e
                for e in events
                if (m.draft and e.draft == m.draft)
                or (m.resolution and e.resolution == m.resolution)
            ]
            if m.draft or m.resolution
            else []
        )
        if identified:
            target = identified[-1]
        elif m.kind is None:
            if focus is not None and focus.compatible(m, body):
                target = focus
            elif focus is not None and m.counts and not m.new_event:
                # the vote in focus cannot be this one (another day): the latest that can
                target = next((e for e in reversed(events) if e.compatible(m, body)), None)
        elif not m.new_event:
            for e in reversed(events):
                if e.kind is not None and e.compatible(m, body):
                    target = e
                    break
                if e.kind is None and e.compatible(m, body):
                    target = e
                    break
        if m.same_vote and focus is not None and target is None:
            _copy_tally(focus, m)
        if target is None:
            if not m.strong and m.kind is None and not m.sponsor:
                continue
            if m.kind is None and m.new_event and focus is not None:
                m.kind = focus.kind
                m.sponsor = m.sponsor or focus.sponsor
            target = Event(body=body)
            events.append(target)
        target.absorb(m)
        focus = target
        # a vote's clause, or a question named with its body ("Security Council, 23 March:
        # Russia's draft was put to the vote"), sets the body of the clauses that follow
        if (m.strong and body in ("sc", "other")) or (
            m.kind is not None and m.body_explicit and body == "sc" and m.vote_words
        ):
            context = body
            if body == "other" and m.body_explicit and OTHER_COUNCIL.search(m.masked.lower()):
                context = "other_council"
    return events


_THEN = re.compile(r"\b(?:then|thereafter|next|immediately\s+afterwards?)\b", re.IGNORECASE)


def _marks(events: list[Event]) -> tuple[list[int], list[tuple[int, dt.date]]]:
    """The mentions of dated Council votes in text order: orders, and (event index, date)."""
    marks = sorted(
        (m.order, i, e.date)
        for i, e in enumerate(events)
        if e.body == "sc" and e.date is not None
        for m in e.mentions
    )
    return [order for order, _, _ in marks], [(i, date) for _, i, date in marks]


def _reported_before(
    marks: tuple[list[int], list[tuple[int, dt.date]]], index: int, order: int
) -> dt.date | None:
    """The date of the other Council vote whose mention comes last before ``order``."""
    orders, owners = marks
    at = bisect.bisect_left(orders, order) - 1
    while at >= 0 and owners[at][0] == index:
        at -= 1  # (each step passes one of this vote's own mentions)
    return owners[at][1] if at >= 0 else None


def date_events(events: list[Event]) -> None:
    """Give every event a date: its own, one relative to the vote before, or a neighbour's.

    Not the dateline's when it has none: a story dated the 5th that says "has vetoed"
    does not say the vote was on the 5th (relative days, "on Tuesday", "today", are read
    against the dateline when the clause's dates are found).
    """
    previous: dt.date | None = None
    marks: tuple[list[int], list[tuple[int, dt.date]]] | None = None  # built when needed
    for index, e in enumerate(events):
        then = (
            next((m for m in e.mentions if m.then or _THEN.search(m.text)), None)
            if (e.date is None or e.date_context)
            and e.body == "sc"
            and not any(m.dated_here or m.relative is not None for m in e.mentions)
            else None
        )
        prior = None
        if then is not None:
            marks = marks or _marks(events)
            prior = _reported_before(marks, index, then.order)
        if prior is not None:
            # "A Russian draft then received four votes": the day of the vote reported
            # just before it, not the lead's
            e.date = prior
        if e.date is None:
            relative = next((m.relative for m in e.mentions if m.relative is not None), None)
            if relative is not None and previous is not None:
                e.date = previous + dt.timedelta(days=relative)
        if e.date is not None:
            previous = e.date
    dated = [i for i, e in enumerate(events) if e.date is not None]
    for i, e in enumerate(events):
        if e.date is not None:
            continue
        if any(m.vague or m.history for m in e.mentions if m.strong or m.kind):
            continue
        before = [j for j in dated if j < i]
        after = [j for j in dated if j > i]
        if before:
            e.date = events[before[-1]].date
        elif after:
            e.date = events[after[0]].date


def finalise(e: Event) -> ExtractedVote | None:
    """The record of an event, or ``None`` when it is not a reported Council vote."""
    if e.body != "sc":
        return None
    real = [m for m in e.mentions if m.strong and not m.hypothetical]
    if not real:
        return None
    if e.kind is None and any(m.statement for m in e.mentions):
        return None
    if (
        e.kind is None
        and not e.outcomes
        and not e.counts
        and all(pos == "nv" for pos in e.positions.values())
        and not any(m.unanimous or m.vetoers or m.other for m in real)
    ):
        return None  # "the Soviet Union was absent" with no question, count or outcome
    has_counts = any(m.counts or m.unanimous for m in real)
    if any(m.withdrawn for m in e.mentions) and not has_counts:
        return None
    recent = any(m.recent and m.strong for m in real) and not any(m.history for m in e.mentions)
    # a vote told at another time ("in 1972", "fifty years ago") with a tally of its own is
    # reported, though its day is not given: kept undated
    told = (
        any(m.vague for m in e.mentions)
        and not any(m.history for m in e.mentions)
        and sum(1 for pos in ("yes", "no", "abs") if e.counts.get(pos) is not None) >= 2
    )
    if e.date is None and not recent and not told and any(m.vague or m.history for m in e.mentions):
        return None
    if all(m.subordinate for m in e.mentions) and not any(m.date for m in e.mentions):
        return None
    sitting = council_on(e.date)
    seated, permanent = seats(sitting)
    size = sitting_size(sitting, e.date)

    names: dict[str, list[str]] = {"yes": [], "no": [], "abs": [], "nv": []}
    partial: dict[str, list[str]] = {"yes": [], "no": [], "abs": [], "nv": []}
    placed: dict[str, str] = {}
    vetoers: list[str] = []
    for m in real:
        if m.names:
            for pos in POSITIONS:
                for code in m.names.get(pos, ()):
                    if code not in placed:
                        placed[code] = pos
                        names[pos].append(code)
        for code in m.vetoers:
            if code not in vetoers:
                vetoers.append(code)
    for m in real:
        # a weak reading ("Russia ... veto") yields to a position the text names for
        # that member ("Russia abstains"): an abstainer is no vetoer
        for code in m.weak_vetoers:
            if code in vetoers or placed.get(code, "no") != "no":
                continue
            if sitting is None or code in permanent:
                vetoers.append(code)
    for code in vetoers:
        if code not in placed:
            placed[code] = "no"
            names["no"].append(code)
    for m in real:
        if m.partial:
            for pos in POSITIONS:
                for code in m.partial.get(pos, ()):
                    if code not in placed:
                        placed[code] = pos
                        partial[pos].append(code)

    counts: dict[str, int | None] = {"yes": None, "no": None, "abs": None, "nv": None}
    for m in real:
        for pos, value in m.counts.items():
            if counts[pos] is None:
                counts[pos] = value
    pair = next((m.pair for m in real if m.pair is not None), None)
    if pair is not None and _pair_reversed(pair, counts, names, partial):
        # "rejected in a 3-2 vote ... Russia and China voted in favour": the members
        # named fix which number is which; on a failed draft either order fails
        counts["yes"], counts["no"] = pair[1], pair[0]
    excepted = next((m.excepted for m in real if m.excepted is not None), None)
    if excepted is not None and counts[excepted[0]] is None:
        # every member but those listed holds the position: a count by stated arithmetic
        counts[excepted[0]] = size - len(set(excepted[1]))
    numeric = any(v is not None for v in counts.values())
    unanimous = any(m.unanimous for m in real)
    if unanimous and not numeric:
        counts = {"yes": size, "no": 0, "abs": 0, "nv": 0}
        numeric = True
    named = sum(len(v) for v in names.values())
    if (
        not numeric
        and named == size
        and not any(partial.values())
        and sum(1 for v in names.values() if v) >= 2
    ):
        # a roll call: every seat named in a position (a list laid out as "In favour: ...,
        # Against: ..."), so each position's count is the number of members it names
        counts = {pos: len(names[pos]) for pos in POSITIONS}
        numeric = True
    for m in real:
        for n, codes in m.among:
            matching = [p for p in POSITIONS if counts[p] == n]
            if len(matching) == 1:
                for code in codes:
                    if code not in placed:
                        placed[code] = matching[0]
                        partial[matching[0]].append(code)
    other = next((m.other for m in real if m.other is not None), None)
    if other is not None and other[1] is not None and counts[other[0]] is None:
        counts[other[0]] = other[1]
        numeric = True
    if other is not None and other[1] is None and not numeric and not any(partial.values()):
        # "Russia vetoed; everyone else voted in favour": the members named elsewhere are
        # every member outside that position (stated arithmetic)
        for pos in POSITIONS:
            if pos != other[0]:
                counts[pos] = len(names[pos])
        counts[other[0]] = size - sum(len(names[p]) for p in POSITIONS if p != other[0])
        numeric = True
    nv_from_names = False
    if numeric:
        for pos in POSITIONS:
            if counts[pos] is None and names[pos] and other_position_ok(pos, other):
                counts[pos] = len(names[pos])
                nv_from_names = nv_from_names or pos == "nv"
    known = [v for v in counts.values() if v is not None]
    unknown = [p for p in POSITIONS if counts[p] is None]
    if numeric and unknown and sum(known) <= size:
        if sum(known) == size:
            for p in unknown:
                counts[p] = 0
        elif len(unknown) == 1 and (unknown[0] != "nv" or _non_participation(real)):
            # a non-participation count read off the members named leaves the others
            # open (more members may have stayed away than the text names)
            if not (nv_from_names and unknown[0] != "nv"):
                counts[unknown[0]] = size - sum(known)
        elif other is not None and other[1] is None and unknown == [other[0]]:
            counts[other[0]] = size - sum(known)
        elif (
            other is not None
            and other[1] is None
            and [p for p in unknown if p != "nv"] == [other[0]]
            and not _non_participation(real)
        ):
            # "...abstained; everyone else voted no": every member voted, the rest so
            counts["nv"] = 0
            counts[other[0]] = size - sum(known)

    inferred = _infer(counts, names, partial, seated if sitting else None)

    kind = _KINDS.get(e.kind, Kind.DRAFT_RESOLUTION)
    procedural = _PROCEDURAL.get(e.kind or "", False)
    if e.resolution and e.kind == "motion":
        # "adopting resolution 2623 by a procedural vote": a numbered resolution is a
        # draft resolution that was adopted, procedural as the text says
        kind = Kind.DRAFT_RESOLUTION
    if e.kind == "preliminary":
        procedural = False
    elif any(m.procedural for m in e.mentions):
        procedural = True

    no_voters = names["no"] + partial["no"]
    if inferred and _deficit_position(counts, names, partial) == "no":
        no_voters = no_voters + inferred
    permanent_no = sorted(c for c in set(no_voters) | set(vetoers) if c in permanent)
    engine = _engine_outcome(e.date, counts, procedural, permanent_no, names, partial, inferred)
    text = [o for m in real for o in m.outcomes]
    outcome: str | None
    if engine is not None and engine in text:
        outcome = engine
    elif "vetoed" in text and not (engine == "failed" and not vetoers):
        outcome = "vetoed"
    elif "vetoed" in text:
        # too few votes in favour, and no member named as vetoing it: the draft failed
        # for want of votes ("the vetoes" of a story with two drafts are the other one's)
        outcome = "failed"
    elif "adopted" in text and "failed" in text:
        outcome = engine or text[0]
    elif "adopted" in text:
        outcome = "adopted"
    elif "failed" in text:
        outcome = "vetoed" if engine == "vetoed" else "failed"
    else:
        outcome = engine
    if outcome is None and e.resolution:
        # only an adopted text gets a resolution number ("For resolution 2063, Azerbaijan
        # abstained"): the decision was adopted
        outcome = "adopted"
    vetoed_by: list[str] = []
    if outcome == "vetoed":
        vetoed_by = sorted(set(vetoers) | set(permanent_no)) if vetoers else permanent_no

    first = next((m for m in e.mentions if m.kind), e.mentions[0])
    vote = ExtractedVote(
        date=e.date,
        kind=kind,
        question=question_text(first.text),
        draft=e.draft,
        resolution=e.resolution,
        procedural=procedural,
        yes=counts["yes"],
        no=counts["no"],
        abstain=counts["abs"],
        not_voting=counts["nv"],
        members_yes=tuple(sorted(names["yes"] + partial["yes"])),
        members_no=tuple(sorted(names["no"] + partial["no"])),
        members_abstain=tuple(sorted(names["abs"] + partial["abs"])),
        members_not_voting=tuple(sorted(names["nv"] + partial["nv"])),
        members_inferred=tuple(sorted(inferred)),
        sponsor=e.sponsor if e.sponsor != "*" else None,
        outcome=Outcome(outcome) if outcome else None,
        vetoed_by=tuple(vetoed_by),
        warnings=(),
    )
    # the warnings are the checks of the finished record; a vetoer the text also places
    # in another position is in ``vetoed_by`` only when the outcome is a veto
    return dataclasses.replace(vote, warnings=check_vote(vote, vetoers=vetoers))


_ABSENCE = re.compile(
    r"\b(?:absent|absence|not\s+(?:participate|participating|take\s+part|vote|voting|present)|"
    r"non-participat\w*|boycott\w*|empty|vacant|stayed\s+away|walked\s+out)\b",
    re.IGNORECASE,
)


def _non_participation(mentions: list[Mention]) -> bool:
    """Whether the text says some member did not vote (so the counts may fall short)."""
    return any(
        m.names.get("nv") or m.partial.get("nv") or _ABSENCE.search(m.masked) for m in mentions
    )


#: Fewer yes votes than any Council ever needed (7 of 11, 9 of 15): a draft with either
#: number of a tally fails, so swapping the two changes no outcome.
_TOO_FEW = 7


def _pair_reversed(
    pair: tuple[int, int],
    counts: dict[str, int | None],
    names: dict[str, list[str]],
    partial: dict[str, list[str]],
) -> bool:
    """Whether a bare "A-B" tally is no-yes: the members named in favour are exactly B.

    Only when both numbers are too few to adopt anything (the swap changes no outcome),
    and the members named against fit in A.
    """
    a, b = pair
    if counts["yes"] != a or counts["no"] != b or max(a, b) >= _TOO_FEW:
        return False
    yes = len(set(names["yes"] + partial["yes"]))
    no = len(set(names["no"] + partial["no"]))
    return yes == b and yes != a and no <= a


def other_position_ok(pos: str, other: tuple[str, int | None] | None) -> bool:
    """Names give a count unless the position is the "all the others" one."""
    return other is None or other[0] != pos


def _deficit_position(
    counts: dict[str, int | None], names: dict[str, list[str]], partial: dict[str, list[str]]
) -> str | None:
    """The one position short of named members (:func:`short_position`)."""
    return short_position(counts, {p: len(names[p]) + len(partial[p]) for p in POSITIONS})


def _infer(
    counts: dict[str, int | None],
    names: dict[str, list[str]],
    partial: dict[str, list[str]],
    codes: tuple[str, ...] | None,
) -> list[str]:
    """Members placed by elimination; ``codes`` are those sitting (``None``: unknown)."""
    if codes is None or any(v is None for v in counts.values()):
        return []
    named = {c for p in POSITIONS for c in names[p] + partial[p]}
    unnamed = [c for c in codes if c not in named]
    pos = _deficit_position(counts, names, partial)
    if pos is None or not unnamed:
        return []
    deficit = (counts[pos] or 0) - len(names[pos]) - len(partial[pos])
    return sorted(unnamed) if deficit == len(unnamed) else []


def _engine_outcome(
    date: dt.date | None,
    counts: dict[str, int | None],
    procedural: bool,
    permanent_no: list[str],
    names: dict[str, list[str]],
    partial: dict[str, list[str]],
    inferred: list[str],
) -> str | None:
    """The rules' outcome (:func:`rules_outcome`), as a value to compare with the text's."""
    found = rules_outcome(
        date,
        counts["yes"],
        counts["no"],
        procedural=procedural,
        permanent_against=bool(permanent_no),
        named_against=len(names["no"]) + len(partial["no"]),
        against_by_elimination=bool(inferred) and _deficit_position(counts, names, partial) == "no",
    )
    return found.value if found is not None else None
