r"""Words a pattern cannot match without: a cheap test run before the pattern.

Each :class:`Need` lists, for one pattern of :mod:`unsc._extract._patterns`,
whole words (maximal runs of ``\w``) of which every match holds at least one,
and fragments for the parts that are only word beginnings (``adjourn\w*``).
:func:`words_of` gives a clause's words and the fragments it holds, once; then
``need.isdisjoint(words)`` (a single set operation) tells that the pattern cannot
match, which costs far less than searching the clause or a list of substring
tests, so a pattern runs only on the clauses that can hold a match. The tests
only skip searches that would find nothing: the reader's results are the same
with or without them.

The words are read off each pattern by hand: a word counts only where the
pattern puts a word boundary (``\b``, a space, punctuation) on both of its
sides.
"""

from __future__ import annotations

import re

# ASCII runs: much faster to find, and every word of the lists below that a pattern
# (with Unicode \w) sees as a whole word is also a whole ASCII run, since the characters
# around it are not word characters in either sense.
WORD = re.compile(r"\w+", re.ASCII)


# the ASCII characters that are not word characters, turned into spaces
_NON_WORD = bytes(c for c in range(128) if not WORD.fullmatch(chr(c)))
_SPACES = bytes.maketrans(_NON_WORD, b" " * len(_NON_WORD))


def words_of(text: str) -> set[str]:
    r"""The words (maximal runs of ASCII ``\w``) of ``text``, and its fragments (marked)."""
    if text.isascii():  # the same runs, split by bytes.translate (several times faster)
        words = set(text.encode("ascii").translate(_SPACES).decode("ascii").split())
    else:
        words = set(WORD.findall(text))
    for fragment in FRAGMENTS:
        if fragment in text:
            words.add(MARK + fragment)
    return words


class Need(frozenset[str]):
    """Words of which a match holds at least one, and fragments (as ``MARK + fragment``).

    A text can hold a match only if ``not need.isdisjoint(words_of(text))``.
    """


MARK = "\0"  # never in a word: marks the fragments found in a text


_FRAGMENTS: set[str] = set()


def _need(words: str, *fragments: str) -> Need:
    _FRAGMENTS.update(fragments)
    return Need([*words.split(), *(MARK + fragment for fragment in fragments)])


# The question (KIND_PATTERNS).
KIND = {
    "amendment": _need("amendment amendments"),
    "preliminary": _need("preliminary whether procedural"),
    "ruling": _need("", "ruling"),
    "agenda": _need("agenda procedural hold convene discuss consider briefing whether"),
    "motion": _need(
        "motion motions postpone delay defer adjourn suspend postponement adjournment deferral "
        "deferment push pushed put invite invitation inviting procedural",
        "adjourn",
    ),
    "draft": _need(
        "draft drafts resolution resolutions text texts measure measures proposal proposals",
        "resx",
        "symx",
        "recommend",
    ),
}
NEW_EVENT = _need(
    "first second third other latter former another fourth fifth separate rival competing new "
    "further follow subsequent alternative counter also"
)
SPONSOR = (
    _need(
        "sponsored drafted backed led proposed authored penned written submitted tabled "
        "introduced presented initiated circulated inspired"
    ),
    _need("by"),
    _need(
        "draft resolution text motion proposal amendment amendments call bid request attempt "
        "effort move push challenge"
    ),
    _need("draft resolution text motion proposal amendment amendments"),
    _need(
        "drafted proposed put tabled submitted introduced circulated called requested sought "
        "asked moved demanded pressed pushed tried attempted wanted failed failing forced brought"
    ),
)

# Counts.
GOT = _need(
    "got gets get received receives receive won wins garnered secured obtained drew draws "
    "mustered attracted collected gained had picked commanded polled gathered rose fell reached "
    "totalled totaled getting receiving winning garnering securing obtaining drawing mustering "
    "attracting gaining"
)
REVERSED = _need("against abstention abstentions abstaining abstain favour favor")
BY_COUNT = _need("supported backed endorsed approved opposed rejected abstained")
OTHER = _need("other remaining everyone everybody all rest")
UNANIMOUS = _need("unanimous unanimously every all without with")

# Members per position.
LABEL_LIST = _need(
    "yes favour favor voting supporters no against lone only sole single dissenters dissenter "
    "opponents abstain abstaining abstention abstentions abstainer abstainers not absent"
)
# (a verb such as "was" or "remained" is read with the word that must follow it: "did",
# "not", "absent", "away"...)
LIST_VERB = _need(
    "said voted cast backed supported endorsed approved joined opposed rejected refrained did "
    "not refused declined walked stayed",
    "veto",
    "abstain",
    "boycotted",
    "absent",
    "empty",
    "vacant",
    "away",
)
WITH_LIST = _need("with")
VERB_BY_LIST = (
    _need("from by of"),
    _need(
        "abstention abstentions abstaining abstained vetoed vetod veto vetos vetoe vetoes voted "
        "opposed opposition dissent dissents dissenting negative no vote votes objection "
        "objections blocked killed supported backed yes"
    ),
)
ONLY = _need("only lone sole")
AMONG = _need("among of")
AMONG_THOSE = _need("among")
JOINED = _need("joined")

# Outcomes (by the outcome each pattern reports).
OUTCOME = {
    "vetoed": _need("vetoed vetod vetoes veto vetos vetoe negative"),
    "adopted": _need(
        "adopted approved passed carried upheld endorsed authorised authorized renewed extended "
        "unanimously won decided voted adopts approves okays extends renews"
    ),
    "failed": _need(
        "rejected defeated failed fail fails down short unsuccessful unsuccessfully lost sink sank "
        "sunk adopted pass failing overruled rejects"
    ),
}

# Flags and the voting body.
WITHDRAWN = _need(
    "acclamation consensus without withdrew withdrewn withdraw withdrawn withdraws withdrawing "
    "pulled shelved put brought never come off scrapped abandoned voted",
    "cancel",
)
HISTORY = _need("has have had resolutions drafts vetoes times proposals time veto")
OTHER_BODY = _need(
    "assembly rights hrc icao iaea governors opcw executive who unesco economic ecosoc "
    "trusteeship european senate house congress parliament duma knesset league african peace "
    "nato interpol committee governing member nation eu oas osce ioc fifa court tribunal",
    "europe",
)

# every fragment of the needs above, looked for once in each text
FRAGMENTS = tuple(sorted(_FRAGMENTS))
