"""The regular expressions of the reader, over masked clauses.

In a masked clause every mention of a state is ``MEMx<i>``, every date
``DATx<i>``, every document symbol ``SYMx<i>`` and every resolution number
``RESx<i>``; number words are digits and double quotes are gone. The patterns
below read that form, case-insensitively.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

I = re.IGNORECASE  # noqa: E741 - one letter, like re.I

_TITLE = (
    r"(?:delegates?|delegations?|ambassadors?|envoys?|representatives?|governments?|diplomats?|"
    r"seat|chair|side|foreign\s+ministers?|ministers?|permanent\s+representatives?)"
)
ITEM = rf"(?:the\s+)?MEMx\d+(?:\s+{_TITLE})?"
LIST = (
    rf"{ITEM}(?:\s*(?:,\s*(?:and\s+|as\s+well\s+as\s+)?|\s+and\s+|\s+as\s+well\s+as\s+|\s*&\s*|"
    rf"\s+plus\s+|\s+along\s+with\s+|\s+together\s+with\s+){ITEM})*"
)
_DATE_GAP = r"(?:\s+(?:on|late|early|last)?\s*DATx\d+(?:'s)?)?"
_ADVERB = (
    r"(?:(?:also|all|both|too|each|again|alone|then|instead|only|themselves|itself|subsequently|"
    r"once\s+again|promptly|duly|finally|jointly|however|still|later|predictably|likewise|"
    r"similarly|separately|meanwhile|ultimately|eventually)\s*,?\s+)*"
)
_APPOSITIVE = r"(?:\s*,\s*(?!(?:which|who)\b)[^,;]{1,70}?,|\s*\([^()]{1,70}\))?"
_RELATIVE = r"(?:\s*,\s*(?:which|who)(?:\s+(?!MEMx)\w+){0,2}?)?"
_CHAIN = r"(?:(?:(?!MEMx)[\w']+\s+){1,6}?and\s+)?"

MEMBER = re.compile(r"memx(\d+)", I)
# a member after a preposition is its object, not the subject of the verb that follows:
# "sanctions against South Africa vetoed", "a draft on Syria vetoed"
_SUBJECT_START = (
    r"(?<!\bagainst\s)(?<!\bon\s)(?<!\bof\s)(?<!\bto\s)(?<!\bfor\s)(?<!\bin\s)(?<!\bfrom\s)"
    r"(?<!\bover\s)(?<!\bthe\s)(?<!\bupon\s)(?<!\btoward\s)(?<!\btowards\s)"
)

YES_VERB = (
    r"said\s+yes\b|voted\s+(?:yes|aye|in\s+favou?r|for\b|with\s+the\s+majority)|"
    r"cast\s+(?:an?\s+|their\s+|its\s+)?(?:yes|affirmative|favou?rable)\s+votes?|"
    r"(?:backed|supported|endorsed|approved)\s+(?:it\b|them\b|the\s+(?:\w+\s+)?(?:draft|resolution|text|"
    r"motion|proposal|measure|amendment|invitation|ruling))|joined\s+the\s+majority"
)
NO_VERB = (
    r"voted\s+(?:no\b|against|nay)|said\s+no\b|vetoe?d|voted\s+(?:it\s+|them\s+)?down|"
    r"cast\s+(?:an?\s+|the\s+|their\s+|its\s+)?(?:lone\s+|sole\s+|only\s+|single\s+)?"
    r"(?:no|negative|dissenting|contrary)\s+votes?|"
    r"(?:opposed|rejected)\s+(?:it\b|them\b|the\s+(?:\w+\s+)?(?:draft|resolution|text|motion|proposal|"
    r"measure|amendment|invitation|ruling))|"
    r"(?:cast|used|wielded|exercised|invoked|employed|issued)\s+(?:(?:its|their|a|the|his|her)\s+(?:\w+\s+){0,4}?)?"
    r"vetoe?s?\b"
)
ABSTAIN_VERB = (
    r"abstained|abstaining|abstain\b|(?:chose|decided|opted|preferred)\s+to\s+abstain|"
    r"refrained\s+from\s+voting"
)
NV_VERB = (
    r"(?:stayed|remained|sat|was|were)\s+[^,;.]{0,40}?\s+but\s+did\s+not\s+(?:vote|participate|take\s+part)|"
    r"did\s+not\s+(?:vote|participate|take\s+part)|(?:was|were)\s+(?:\w+\s+)?(?:absent|not\s+present|"
    r"not\s+participating)|(?:refused|declined)\s+to\s+(?:vote|participate|take\s+part)|boycotted|"
    r"stayed\s+away|walked\s+out|(?:was|were)\s+(?:\w+\s+){0,2}(?:empty|vacant)|"
    r"(?:was|were)\s+present\s+but\s+did\s+not\s+(?:vote|participate|take\s+part)|"
    r"(?:was|were)\s+present\s+but\s+not\s+participating|not\s+participating|"
    r"(?:was|were|remained)\s+(?:\w+\s+)?away"
)

LIST_VERB = re.compile(
    rf"{_SUBJECT_START}(?P<list>{LIST}){_APPOSITIVE}{_RELATIVE}{_DATE_GAP}\s+{_ADVERB}{_CHAIN}{_ADVERB}"
    rf"(?:(?P<yes>{YES_VERB})|(?P<no>{NO_VERB})|(?P<abs>{ABSTAIN_VERB})|(?P<nv>{NV_VERB}))",
    I,
)
WITH_LIST = re.compile(
    rf"\bwith\s+(?:only\s+)?(?P<list>{LIST})\s+(?:being\s+)?(?:"
    r"(?P<abs>abstaining|abstentions?)|"
    r"(?P<no>voting\s+(?:against|no)|opposed|opposing|dissenting|against|"
    r"casting\s+(?:a\s+|the\s+)?(?:lone\s+|sole\s+|only\s+|single\s+)?(?:(?:no|negative|dissenting)\s+"
    r"votes?|votes?\s+against))|"
    r"(?P<yes>voting\s+(?:in\s+favou?r|for|yes)|in\s+favou?r)|"
    r"(?P<nv>not\s+participating|not\s+voting|absent|staying\s+away))",
    I,
)
VERB_BY_LIST = re.compile(
    r"\b(?:(?P<abs>abstentions?|abstaining|abstained)|"
    r"(?P<no>vetoe?d|vetoe?s?|voted\s+down|opposed|opposition|dissents?|dissenting\s+votes?|"
    r"negative\s+votes?|no\s+votes?|votes?\s+against|objections?|blocked|killed)|"
    r"(?P<yes>(?<!,\s)(?:supported|backed)|yes\s+votes?|votes?\s+in\s+favou?r))"
    rf"\s+(?:\w+\s+)?(?:from|by|of|cast\s+by)\s+(?:(?:(?:a|the)\s+)?permanent\s+member,?\s+)?(?P<list>{LIST})",
    I,
)
LABEL_LIST = re.compile(
    r"(?:(?<=[.;:\u2014(])|^|(?<=\s))(?:(?P<yes>(?:yes|in\s+favou?r)(?=\s*:)|in\s+favou?r|voting\s+(?:in\s+favou?r|for|yes)|supporters|yes\s+votes)|"
    r"(?P<no>no(?=\s*:)|against|voting\s+(?:against|no)|(?:the\s+)?(?:lone|only|sole|single)\s+"
    r"(?:dissent|dissenter|no\s+vote|negative\s+vote|vote\s+against)|dissenters?|opponents|no\s+votes)|"
    r"(?P<abs>abstain(?=\s*:)|abstaining|abstentions?|abstainers?|(?:the\s+)?(?:lone|only|sole|single)\s+abstention)|"
    r"(?P<nv>not\s+voting|not\s+participating|absent))"
    rf"(?:\s+(?:alongside|along\s+with|with|besides)\s+(?P<list2>{LIST}))?"
    rf"\s*(?::|\s+(?:were|was|came\s+from|being|included))\s*(?P<list>{LIST})",
    I,
)
LIST_BARE = re.compile(
    rf"(?P<list>{LIST})\s+(?:still\s+|again\s+|also\s+)?(?:voting\s+|voted\s+)?"
    r"(?:(?P<no>against|opposed|opposing)|(?P<yes>in\s+favou?r)|(?P<abs>abstaining|abstained)|"
    r"(?P<nv>absent|not\s+voting|not\s+participating)|(?:(?<=voting\s)|(?<=MEMx\d\s)|(?<=MEMx\d\d\s))(?P<no2>no))"
    r"(?=\s*(?:[,;.)\u2014]|$|and\b|but\b|while\b))",
    I,
)
AMONG = re.compile(
    rf"(?P<list>{LIST})\s+(?:was|were)\s+(?:again\s+|also\s+)?(?:(?:\d+)\s+of|among)\s+the\s+(?P<n>\d+)"
    r"(?:\s+(?:members|countries|states|delegations))?"
    r"(?:\s+(?:(?:voting|who\s+voted|that\s+voted|to\s+vote)\s+)?(?:(?P<no>no|against)|(?P<yes>yes|in\s+favou?r|for))"
    r"(?:\s+votes)?)?"
    r"|\b\d+\s+of\s+the\s+(?P<n2>\d+)\s+(?:was|were)\s+(?P<list2>" + LIST + r")",
    I,
)
AMONG_THOSE = re.compile(
    rf"(?P<list>{LIST})\s+(?:was|were)\s+(?:also\s+|again\s+)?among\s+(?:those|the\s+(?:members|countries|states))\s+"
    r"(?:who\s+|that\s+)?(?:(?P<abs>abstaining|abstained)|(?P<no>voting\s+(?:no|against)|voted\s+(?:no|against)|"
    r"opposed)|(?P<yes>voting\s+(?:yes|for|in\s+favou?r)|voted\s+(?:yes|for|in\s+favou?r)|supporting))",
    I,
)
ONLY = re.compile(
    rf"(?P<list>{LIST})\s+(?:was|were)\s+the\s+(?:only|lone|sole)\s+(?:\w+\s+)?"
    r"(?:(?:to\s+vote|voting|that\s+voted|who\s+voted)\s+(?:(?P<no>against|no)|(?P<yes>in\s+favou?r|for|yes))|"
    r"to\s+(?P<abs>abstain)|(?P<no2>dissenter|no\s+vote|negative\s+vote|against|opposed|opponent)|"
    r"(?P<abs2>abstainer|abstention|abstaining))"
    rf"|\bonly\s+(?P<list2>{LIST})\s+(?:(?P<no3>voted\s+(?:against|no))|(?P<abs3>abstained))",
    I,
)

VETO_SUBJECT = re.compile(
    rf"{_SUBJECT_START}(?P<list>{LIST}){_APPOSITIVE}{_DATE_GAP}\s+{_ADVERB}(?:(?:had|has|have)\s+)?"
    r"(?:vetoe?d|(?:cast|used|wielded|exercised|invoked|employed|issued)\s+(?:(?:its|their|a|the|his|her)\s+"
    r"(?:\w+\s+)?)?vetoe?s?\b|blocked|killed|voted\s+(?:it\s+|them\s+)?down)",
    I,
)
VETO_BY = re.compile(
    r"\b(?:vetoe?d|vetoe?s?|blocked|killed|negative\s+vote)\s+(?:\w+\s+)?(?:by|of|from)\s+"
    rf"(?:(?:a|the)\s+permanent\s+member,?\s+)?(?P<list>{LIST})",
    I,
)
# the word between a member and "veto" is not a modal: "Russia would veto" is no veto
_NOT_MODAL = (
    r"(?!(?:would|could|might|may|will|shall|can|cannot|should|must|wo|to|not|never|"
    r"threatens|threatened|vowed|promised|plans|intends)\s)"
)
VETO_POSSESSIVE = re.compile(
    rf"(?P<list>{LIST})(?:'s?)?\s+(?:{_NOT_MODAL}\w+\s+)?vetoe?s?\b(?!\s+(?:threat|power|right|wielding))",
    I,
)

OUTCOME_VETOED = re.compile(
    r"\bvetoe?d\b|\bvetoes\b|\b(?:cast|used|wielded|exercised|invoked|employed|issued)\s+(?:its|their|a|the|his|her)"
    r"\s+(?:\w+\s+){0,4}?vetoe?s?\b|"
    r"\bnegative\s+vote\s+of\s+(?:(?:a|the|one|1)\s+)?(?:of\s+(?:its|the)\s+)?(?:\w+\s+)?permanent\s+members?|"
    # "Russia voted no, and that was a veto", "the Soviet vote was a veto"
    r"\b(?:that|this|it|which|vote)\s+(?:was|amounted\s+to|counted\s+as)\s+a\s+veto\b|"
    r"\bnegative\s+vote\s+cast\s+by\s+(?:a|the|one|1)\s+(?:of\s+(?:its|the)\s+)?permanent\s+members?|"
    r"\bveto\s+(?:by|of|from)\b|MEMx\d+(?:'s?)?\s+(?:"
    rf"{_NOT_MODAL}\w+\s+)?vetoe?s?\b(?!\s+(?:threat|power|right))|"
    r"\bnegative\s+vote\s+of\s+(?:the\s+)?MEMx\d+",
    I,
)
OUTCOME_ADOPTED = re.compile(
    # (with a headline's present tense: "Council adopts resolution", "UN approves ..."; "a
    # renewed call", "an extended session" are adjectives: see _mentions.outcomes)
    r"\b(?:adopted|approved|passed|upheld|endorsed|authori[sz]ed|renewed|extended|adopts|"
    r"approves|okays|extends|renews)\b|"
    # "the motion was carried"; "Rwanda and Togo carried the draft" champions it
    r"(?<!MEMx\d\s)(?<!MEMx\d\d\s)\bcarried\b(?!\s+out\b)|"
    r"\bunanimously\s+(?:agreed|voted|backed|decided)\b|\bwon\s+(?:approval|adoption)\b|"
    r"\bdecided\s+(?:\w+\s+){0,3}?to\s+(?:extend|renew|prolong)\b|"
    r"\bvoted\s+(?:[\w-]+\s+)?to\s+(?:adopt|approve|pass|extend|renew|authori[sz]e|endorse)\b",
    I,
)
# "failed" / "unsuccessfully" report a question's failure, not a state's ("Pretoria failed
# to make progress") nor an attempt at something other than a decision ("tried
# unsuccessfully to head off an amendment")
_FAIL_TO_OTHER = (
    r"(?!\s+to\s+(?!(?:pass|win|be|get|secure|garner|gain|obtain|receive|muster|attract|carry|"
    r"clear|reach|adopt|extend|renew|approve|authori[sz]e|impose|condemn|endorse|establish|"
    r"garner|command|draw|attain)\b))"
)
OUTCOME_FAILED = re.compile(
    r"\b(?:rejected|defeated|voted\s+(?:it\s+|them\s+)?down|fell\s+short|"
    r"short\s+of\s+(?:the\s+)?(?:\d+|required|necessary|majority|votes)|"
    rf"(?<!MEMx\d\s)(?<!MEMx\d\d\s)(?:failed|fail|fails|failing){_FAIL_TO_OTHER}|"
    rf"unsuccessful(?:ly)?{_FAIL_TO_OTHER}|"
    # "a draft put forward by Russia failed to pass": the question fails, whoever is named
    r"(?:failed|fails)\s+to\s+(?:pass|be\s+adopted|win\s+(?:approval|adoption))|"
    r"lost|sink|sank|sunk|not\s+adopted|did\s+not\s+pass|overruled|shot\s+down|"
    # a headline's present tense, with the question it rejects
    r"rejects\s+(?:[\w'-]+\s+){0,3}?(?:draft|resolution|text|motion|proposal|bid|amendment)s?)\b",
    I,
)

_CNT = r"(?P<n>\b\d{1,2}\b|\bno\b|\bnone\b|\bzero\b|\bnil\b|\bnobody\b|\bno\s+one\b)"
_MID = (
    r"(?P<mid>(?:\s+(?:other|more|further|remaining|council|security|unsc|un|u\.n\.|sc|member|members|country|countries|nation|state|delegation|"
    r"nations|states|delegations|delegates|governments|others|votes?|ballots|were|was|cast|all|also|"
    r"then|have|"
    r"had|of\s+(?:the\s+)?(?:council'?s?\s+)?\d+|of\s+the\s+(?:un\s+|u\.n\.\s+)?(?:security\s+)?council|"
    # "nine nations in the 15-member council voted for it"
    r"(?:in|on)\s+the\s+(?:\d+-member\s+|\d+-nation\s+)?(?:un\s+|u\.n\.\s+)?(?:security\s+)?council|"
    r"in\s+all|exactly|only|just)"
    # "ten members, including A, B and C, voted in favour" (an aside naming some of them)
    r"|\s*,\s*including\s+(?:the\s+)?MEMx\d+(?:(?:\s*,\s*|\s+and\s+|,\s+and\s+)(?:the\s+)?"
    r"MEMx\d+)*\s*,)*)"
)
YES_LABEL = (
    r"said\s+(?:yes|it\s+was\b(?!\s+not))|yes|aye|ayes|in\s+favou?r|for(?=\s*(?:[,;.)\u2014]|$|and\b|it\b|with\b|to\b|MEMx))|"
    r"for(?=\s+(?:the|its)\s+(?:draft|resolution|text|measure|motion|proposal)\b)|"
    r"affirmative|favou?rable|supporting|in\s+support|voted\s+(?:yes|in\s+favou?r|for)|"
    r"voting\s+(?:yes|in\s+favou?r|for)|backed|supported|endorsed|approved"
)
NO_LABEL = (
    r"said\s+(?:no|it\s+was\s+not|it\s+wasn't)|no(?!\s+(?:one|member|country|delegation)\b)|nay|nays|noes|against|negative|opposed|opposing|"
    r"dissenting|contrary|voted\s+(?:no|against)|voting\s+(?:no|against)|objected"
)
ABSTAIN_LABEL = r"abstentions?|abstained|abstaining|abstain|abstainers"
NV_LABEL = (
    r"not\s+voting|non-voting|not\s+participating|non-participating|"
    r"did\s+not\s+(?:vote|participate|take\s+part)|absent|absences?|absentees?"
)
_LABELS = (
    rf"(?:(?P<yes>{YES_LABEL})|(?P<no>{NO_LABEL})|(?P<abs>{ABSTAIN_LABEL})|(?P<nv>{NV_LABEL}))"
)
# "two opposed drafts", "two rival texts": the label is an adjective of the noun after it
_NOT_COUNTED = (
    r"(?!\s+(?:projects?|drafts?|resolutions?|texts?|proposals?|views|positions|camps|sides|"
    r"versions|motions|measures|blocs?|groups?)\b)"
)
LABELLED = re.compile(rf"(?<![\w.\-/]){_CNT}{_MID}\s*{_LABELS}\b{_NOT_COUNTED}(?:\s+votes?)?", I)
# A pattern that starts with a digit (the look-behind after it) is searched only at digits.
COUNT_LIST_LABEL = re.compile(
    # (one word may qualify the members: "five European members - A, B, ... - abstained")
    r"(?P<n>\d(?<![\w.\-/]\d)\d?)(?:\s+(?:other\s+)?(?:[A-Za-z][\w-]*\s+)?(?:members|countries|"
    r"nations|states|delegations|others))?"
    rf"\s*[\u2014(:,]\s*(?P<list>{LIST})\s*[\u2014),]?\s*{_LABELS}",
    I,
)
GOT = re.compile(
    r"\b(?<!neither\s)(?<!never\s)(?<!not\s)(?:got|gets|get|received|receives|receive|won|wins|garnered|secured|obtained|drew|draws|"
    r"getting|receiving|winning|garnering|securing|obtaining|drawing|mustering|attracting|gaining|"
    r"mustered|attracted|collected|gained|had|picked\s+up|commanded|polled|gathered|rose\s+to|"
    r"fell\s+to|reached|totalled|totaled)\s+"
    r"(?:only\s+|just\s+|a\s+mere\s+|barely\s+|exactly\s+|precisely\s+|the\s+minimum\s+|"
    r"the\s+required\s+|the\s+support\s+of\s+|the\s+backing\s+of\s+|"
    r"support\s+from\s+|the\s+votes\s+of\s+)?(?P<n>\d{1,2})\b"
    r"(?:\s+(?:votes?|members|countries|nations|states|delegations|ayes))?",
    I,
)
BY_COUNT = re.compile(
    r"\b(?:(?P<yes>supported|backed|endorsed|approved)|(?P<no>opposed|rejected)|"
    r"(?P<abs>abstained\s+on|abstained))\s+by\s+"
    r"(?:only\s+|just\s+)?(?P<n>\d{1,2})\b",
    I,
)
OTHER = re.compile(
    r"\b(?:the\s+|all\s+)?(?:other|remaining)\s+(?P<n>\d{1,2})?|"
    r"\b(?:everyone|everybody|all)\s+else|\ball\s+(?:the\s+)?others|\bthe\s+rest\b|"
    r"\ball\s+other\s+members",
    I,
)
REVERSED = re.compile(
    r"(?<![\w-])(?:(?P<no>against)|(?P<abs>abstentions?|abstaining|abstain(?=\s*:))|(?P<yes>in\s+favou?r))\s*:?\s+"
    r"(?P<n>\d{1,2})\b(?!\s*(?:resolutions?|drafts?|of\b|times|-))",
    I,
)
POSITION_VOTES = re.compile(
    r"\b(?:(?P<yes>yes|affirmative)|(?P<no>no|negative)|(?P<abs>abstention))\s+votes?\s+"
    r"(?:rose|fell|increased|dropped|grew|climbed|went)\s+(?:up\s+|down\s+)?to\s+(?P<n>\d{1,2})\b",
    I,
)
JOINED = re.compile(
    rf"(?P<list>{LIST})\s+(?:\w+\s+)?joined\s+(?:(?P<list2>{LIST})|[^,;.]{{1,40}}?)\s+in\s+"
    r"(?:(?P<no>voting\s+(?:no|against)|opposing\s+it|opposing)|(?P<abs>abstaining)|"
    r"(?P<yes>voting\s+(?:yes|for|in\s+favou?r)|supporting))",
    I,
)
TAIL = re.compile(
    rf"^\s*,?\s*(?:(?:and\s+)?(?:was|were)\s+)?(?:joined\s+by|along\s+with|together\s+with|alongside|"
    rf"as\s+did)\s+(?P<list>{LIST})",
    I,
)
TALLY = re.compile(
    r"(?P<a>\d(?<![\w/.\-]\d)\d?)\s*-\s*(?:to-)?(?P<b>\d{1,2})(?:\s*-\s*(?P<c>\d{1,2}))?"
    r"(?:\s*-\s*(?P<d>\d{1,2}))?(?![\w/\-]|\.\d)",
    I,
)
TO_TALLY = re.compile(
    r"(?P<a>\d(?<![\w/.\-]\d)\d?)\s+(?:votes?\s+)?to\s+(?P<b>\d{1,2}|none|nil|zero|nothing)\b"
    r"(?!\s*(?:members|per|percent|%))",
    I,
)
RANGE_BEFORE = re.compile(
    r"\b(?:from|between|increase\w*|expand\w*|raised?|enlarg\w*|up|down)\s*$", I
)
REQUIREMENT_BEFORE = re.compile(
    r"\b(?:need|needs|needed|needing|require|requires|required|requiring|minimum(?:\s+of)?|"
    r"at\s+least|short\s+of|threshold\s+of|necessary|majority\s+of|any|than|or|only\s+needs?|"
    r"must\s+(?:get|win|have))\s+(?:the\s+)?(?:\w+\s+)?$",
    I,
)
REQUIREMENT_AFTER = re.compile(
    r"^\s*(?:\w+\s+){0,2}?(?:needed|required|necessary|to\s+pass|to\s+carry|to\s+be\s+adopted|"
    r"or\s+more|is\s+enough)\b",
    I,
)
ATTACHED = re.compile(
    r"^\s*(?:it\s+|them\s+)?(?:(?P<open>[(\u2014:])\s*|,\s*(?P<inc>including|among\s+them)\s+|"
    r"(?P<word>from|by|of|cast\s+by|including|namely)\s+)"
    rf"(?:namely\s+|(?P<inc2>including|among\s+them)\s+|from\s+)?(?P<list>{LIST})",
    I,
)
ATTACHED_END = re.compile(rf"^\s*,\s*(?P<list>{LIST})\s*(?=[.;]|$)", I)
UNANIMOUS = re.compile(
    r"\bunanimous(?:ly)?\b|\bevery\s+(?:1\s+of\s+the\s+)?(?:\d+\s+)?(?:council\s+)?members?\s+"
    r"(?:voted\s+(?:in\s+favou?r|for|yes)|backed|supported)|\ball\s+(?:the\s+)?(?:\d+\s+)?(?:council\s+)?members\s+(?:voted\s+(?:in\s+favou?r|"
    r"for|yes)|backed|supported)|\bwithout\s+(?:a\s+)?dissent(?:ing\s+vote)?\b|"
    r"\bwith\s+no\s+(?:one|member)\s+(?:voting\s+against|abstaining)\b|"
    r"\b(?:support|backing|votes|approval)\s+of\s+(?:all|every\s+1\s+of)\s+(?:the\s+)?(?:15|11)\s+"
    r"(?:council\s+)?members\b|"
    r"\b(?:backed|supported|endorsed|approved)\s+by\s+all\s+(?:the\s+)?(?:15|11)\s+(?:council\s+)?"
    r"members\b",
    I,
)
NOT_UNANIMOUS = re.compile(
    r"(?:not|near|nearly|almost|less\s+than|short\s+of|rare|rarely|usually|often|n't)[\s-]+(?:\w+\s+)?$",
    I,
)

HYPOTHETICAL_BEFORE = re.compile(
    r"(?:\b(?:would|could|might|may|will|shall|can|cannot|should|must|wo|if|unless|whether|"
    r"threaten(?:ed|s|ing)?(?:\s+to)?|vow(?:ed|s)?\s+to|promis(?:ed|es)\s+to|expected\s+to|likely\s+to|"
    r"set\s+to|due\s+to|plans?\s+to|planned\s+to|intends?\s+to|going\s+to|ready\s+to|able\s+to|"
    r"prepared\s+to|hop(?:es|ed|ing)\s+to|want(?:s|ed)?\s+to|warn(?:ed|s)?\s+(?:it|that)|"
    r"scheduled\s+to|poised\s+to|about\s+to|"
    r"(?:to|of)\s+(?:circumvent|circumventing|avoid|avoiding|prevent|preventing|overcome|"
    r"overcoming|bypass|bypassing|override|overriding|sidestep|sidestepping|forestall|"
    r"head\s+off|get\s+around|getting\s+around|pre-empt|preempt)(?:\s+(?:the|any|a|possible|"
    r"further|future))?|(?:threat|fear|risk|prospect)s?\s+of(?:\s+(?:a|an|the))?)\b|n't|'ll|'d)"
    r"(?:\s+(?:not|never|also|likely|certainly|probably|still|again|be|have|been|almost|surely|"
    r"only|simply|just|to))*\s*$",
    I,
)
NEGATED_BEFORE = re.compile(
    r"\b(?:not|never|no|without|failed\s+to|fail\s+to|failing\s+to|n't)\s+(?:\w+\s+)?(?:be\s+|been\s+|get\s+)?$",
    I,
)

# (every match starts with one of "hsmnda" or a digit: the look-ahead in front makes
# the search fail at once elsewhere)
HISTORY = re.compile(
    r"(?=[hsmnda\d])(?:"
    r"\b(?:has|have|had)\s+(?:\w+\s+)?(?:vetoed|used\s+(?:its|their)\s+veto|blocked|cast)\s+"
    r"(?:\d+|several|many|multiple|numerous|dozens|a\s+number|more\s+than|at\s+least|over)\b|"
    r"\b(?:\d{2,}|several|many|numerous|multiple|dozens\s+of|a\s+string\s+of|a\s+series\s+of)\s+"
    r"(?:previous\s+|prior\s+|earlier\s+|other\s+|such\s+)?(?:resolutions|drafts|vetoes|times|proposals)\b|"
    # (the look-ahead first: five look-behinds tried at every position are slow)
    r"(?=\bha[dsv])(?<!would\s)(?<!could\s)(?<!might\s)(?<!should\s)(?<!must\s)"
    r"\b(?:had\s+(?:\w+\s+)?|(?:has|have)\s+(?:previously|already|repeatedly|often|long|"
    r"before|since|also\s+previously)\s+)(?:vetoed|blocked|adopted|rejected|approved|passed|failed)\b|"
    r"\b(?:has|have)\s+(?:\w+\s+)?(?:vetoed|blocked|adopted|rejected|approved|passed|failed)\s+since\b"
    r")",
    I,
)

WITHDRAWN = re.compile(
    r"\bby\s+(?:acclamation|consensus)\b|\bwithout\s+a\s+vote\b|\bwithdr[ae]wn?\b|\bwithdraw(?:s|ing)?\b|\bpulled\s+(?:the|its|their|a)\b|\bshelved\b|"
    r"\bnot\s+(?:be\s+)?(?:put|brought)\s+to\s+(?:a|the)\s+vote\b|"
    r"\bnever\s+(?:came|put|brought|went)\s+to\s+(?:a\s+)?vote\b|\bdid\s+not\s+come\s+to\s+a\s+vote\b|"
    r"\bcalled\s+off\b|\bcancel+ed\b|\bscrapped\b|\babandoned\b|\bnot\s+(?:be\s+)?voted\s+on\b",
    I,
)

STATEMENT = re.compile(r"\b(?:presidential|press|president's)\s+statements?\b|\bstatements?\b", I)

KIND_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("amendment", re.compile(r"\bamendments?\b", I)),
    (
        "preliminary",
        re.compile(
            r"\bpreliminary\s+question\b|\bwhether\s+(?:the\s+\w+\s+|it\s+|this\s+|that\s+)?"
            r"(?:was|is|were|should\s+be)\s+(?:a\s+)?procedural\b|\bprocedural\s+or\s+not\b",
            I,
        ),
    ),
    (
        "ruling",
        re.compile(
            r"\bchalleng\w*\s+(?:to\s+)?(?:the\s+|his\s+|her\s+)?(?:president'?s?\s+|chair'?s?\s+)?ruling|"
            r"\b(?:uphold|upheld|overrule\w*|overturn\w*|reverse\w*)\s+(?:the\s+|his\s+|her\s+)?"
            r"(?:president'?s?\s+)?ruling|\bruling\s+(?:was|be)\s+(?:upheld|overruled)",
            I,
        ),
    ),
    (
        "agenda",
        re.compile(
            r"\bagenda\b|\bprocedural\s+vote\s+(?:on\s+whether\s+)?to\s+(?:hold|convene|discuss|"
            r"consider|debate)|\bvot\w+\s+(?:on\s+whether\s+)?to\s+(?:hold|convene|discuss|consider)\b|"
            r"\b(?:hear|hold|have)\s+(?:a|the)\s+briefing\b|\bwhether\s+(?:the\s+council\s+)?should\s+"
            r"(?:even\s+)?(?:hold|hear|discuss|consider|take\s+up|meet)\b",
            I,
        ),
    ),
    (
        "motion",
        re.compile(
            r"\bmotions?\b|\b(?:call|bid|attempt|effort|proposal|request|move|push|vote|voted|voting|tried|"
            r"trying|sought|seeking|asked|asking|moved|wanted|failing|failed|proposed)\s+(?:\w+\s+){0,4}?"
            r"(?:to\s+|for\s+(?:an?\s+)?)?(?:postpone|delay|defer|adjourn|suspend|postponement|"
            r"adjournment|deferral|deferment|push(?:ed)?\s+back|put\s+off)\b|\binvit(?:e|ation|ing)\b|"
            r"\bprocedural\s+(?:vote|motion|proposal|question)\b|\badjourn\w*\b",
            I,
        ),
    ),
    (
        "draft",
        re.compile(
            r"\bdrafts?\b|\bresolutions?\b|\btexts?\b|\bmeasures?\b|\bproposals?\b|\bRESx\d+\b|"
            r"\bSYMx\d+\b|\brecommend\w*\b",
            I,
        ),
    ),
)
NEW_EVENT = re.compile(
    r"(?:^|[:;,]\s*)(?:the\s+)?(?:first|second|third|other|latter|former)\s*[,:]|"
    r"\b(?:another|second|third|fourth|fifth|separate|rival|competing|(?<!the\s)new|further|"
    r"follow-up|subsequent|alternative|counter)\s+(?:\w+[\s-]+){0,3}?(?:draft|resolution|text|"
    r"motion|proposal|amendment|vote|ballot)s?\b|"
    r"\b(?:another|second|third|fourth|fifth|separate|rival|competing|(?<!the\s)new|follow-up|"
    r"subsequent|alternative|counter)\s+(?:\w+[\s-]+){0,3}?measures?\b|"
    r"\balso\s+(?:adopted|approved|rejected|vetoed|passed|defeated)\b|"
    # "South Africa also voted against": another member of the same vote, not a new one
    r"(?<!MEMx\d\s)(?<!MEMx\d\d\s)\balso\s+voted\b",
    I,
)
_SPONSOR_LIST = (
    r"(?P<list>MEMx\d+(?:(?:\s*-\s*|\s*/\s*|\s*,\s*|\s+and\s+|,\s+and\s+)(?:the\s+)?MEMx\d+)*)"
)
SPONSOR_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(
        rf"{_SPONSOR_LIST}(?:'s)?[\s-]+(?:\w+[\s-]+)?(?:sponsored|drafted|backed|led|proposed|authored|"
        r"penned|written|submitted|tabled|introduced|presented|initiated|circulated|inspired)\b",
        I,
    ),
    re.compile(
        r"\b(?:drafted|sponsored|co-sponsored|proposed|put\s+forward|tabled|submitted|introduced|"
        r"presented|circulated|authored|penned|written|prepared|moved|initiated|brought)\s+"
        rf"(?:jointly\s+)?by\s+(?:the\s+)?{_SPONSOR_LIST}",
        I,
    ),
    re.compile(
        rf"{_SPONSOR_LIST}'s?\s+(?:own\s+|rival\s+|competing\s+|alternative\s+|new\s+|revised\s+|"
        r"procedural\s+|\w+\s+)?(?:\w+-\w+\s+)?(?:draft|resolution|text|motion|proposal|amendments?|call|bid|"
        r"request|attempt|effort|move|push|challenge)\b",
        I,
    ),
    re.compile(
        rf"(?:\b(?:an?|the|its|their|on|her|his)\s+)?(?:rival\s+|competing\s+|new\s+|revised\s+|"
        rf"separate\s+|own\s+)?{_SPONSOR_LIST}"
        r"\s+(?:\w+\s+)?(?:\w+-\w+\s+)?(?:draft|resolution|text|motion|proposal|amendments?)\b",
        I,
    ),
    re.compile(
        _SPONSOR_LIST
        + _APPOSITIVE
        + _DATE_GAP
        + r"\s+(?:(?:had|has|have|then|also|first|again|once\s+again|unsuccessfully|finally)\s+)*"
        r"(?:drafted|proposed|put\s+forward|tabled|submitted|introduced|circulated|called\s+for|"
        r"requested|sought|asked|moved|demanded|pressed\s+for|pushed\s+for|tried|attempted|"
        r"wanted|failed|failing|forced|called\s+(?:for\s+)?a\s+vote|put\s+(?:\w+\s+){0,3}?to\s+"
        r"(?:a|the)\s+vote|put\s+(?:up|forward)|brought)\b",
        I,
    ),
)
# The list that the fourth sponsor pattern finds, found faster: the optional words it
# allows before a list ("the", "rival") never hold a list, so they never change which
# list the leftmost match has, only where the match starts (which the reader ignores).
SPONSOR_LIST_NOUN = re.compile(
    _SPONSOR_LIST + r"\s+(?:\w+\s+)?(?:\w+-\w+\s+)?(?:draft|resolution|text|motion|proposal|"
    r"amendments?)\b",
    I,
)
PROCEDURAL_WORD = re.compile(
    r"\bprocedural\s+(?:vote|motion|matter|question|decision|issue|resolution|step)\b|"
    r"\b(?:is|was|being|as|were|are)\s+(?:a\s+|purely\s+|merely\s+)?procedural\b|^procedural\b|"
    r"\bemergency\s+special\s+session|\bUniting\s+for\s+Peace\b",
    I,
)

SC_BODY = re.compile(
    r"\bSecurity\s+Council\b|\b(?:15|11|fifteen|eleven)-(?:member|nation|seat)\b"
    # "the 15-member Court": another body of fifteen
    r"(?!\s+(?:court|bench|tribunal|panel|committee|board|commission|team|jury|group)\b)|\bUNSC\b",
    I,
)
GENERIC_COUNCIL = re.compile(r"\bcouncil\b|\bthe\s+body\b", I)
# Every alternative starts at a word boundary: the \b in front lets the search skip the
# inside of words at once instead of failing each alternative there.
OTHER_BODY = re.compile(
    r"\b(?:\bGeneral\s+Assembly\b|\bassembly\b|\bHuman\s+Rights\s+Council\b|\bHRC\b|\bICAO\b|\bIAEA\b|"
    r"\bBoard\s+of\s+Governors\b|\bOPCW\b|\bExecutive\s+(?:Council|Board)\b|\bWHO\b|\bUNESCO\b|"
    r"\bEconomic\s+and\s+Social\s+Council\b|\bECOSOC\b|\bTrusteeship\s+Council\b|"
    r"\bEuropean\s+(?:Parliament|Union|Council|Commission)\b|\bSenate\b|\bHouse\s+of\s+(?:Representatives|"
    r"Commons|Lords)\b|\bCongress\b|\bparliament\b|\bDuma\b|\bKnesset\b|\bLeague\s+of\s+Nations\b|"
    r"\bArab\s+League\b|\bAfrican\s+Union\b|\bPeace\s+and\s+Security\s+Council\b|\bNATO\b|\bInterpol\b|"
    r"\b(?:First|Second|Third|Fourth|Fifth|Sixth)\s+Committee\b|(?<!-)\bcommittee\b|"
    r"\bGoverning\s+(?:Council|Body)\b|\b(?:[2-9]\d|1\d\d)-(?:member|nation)\b|"
    r"\bCouncil\s+of\s+(?:the\s+)?Europe\w*\b|\bEU\b|\bOAS\b|\bOSCE\b|\bIOC\b|\bFIFA\b|"
    r"\b(?:International\s+)?Court\b|\btribunal\b)",
    I,
)
OTHER_COUNCIL = re.compile(
    r"\bHuman\s+Rights\s+Council\b|\bHRC\b|\bExecutive\s+Council\b|\bEconomic\s+and\s+Social\s+Council\b|"
    r"\bECOSOC\b|\bTrusteeship\s+Council\b|\bEuropean\s+Council\b|\bICAO\s+Council\b|\bGoverning\s+Council\b|"
    r"\bPeace\s+and\s+Security\s+Council\b|\bCouncil\s+of\s+(?:the\s+)?Europe\w*\b",
    I,
)


# The characters a match of these patterns can start with (a list starts with "the" or
# "MEMx"). A look-ahead on them in front makes the search fail at once at any other
# position, instead of trying every alternative there; the matches are the same.
_FIRST_CHARS = {
    "LIST_VERB": "tm",
    "LIST_BARE": "tm",
    "AMONG": "tm\\d",
    "AMONG_THOSE": "tm",
    "ONLY": "tmo",
    "VETO_SUBJECT": "tm",
    "VETO_POSSESSIVE": "tm",
    "JOINED": "tm",
    "LABEL_LIST": "yivsnatlod",
    "LABELLED": "\\dnz",
    "VERB_BY_LIST": "avodnbksy",
    "WITH_LIST": "w",
    "REVERSED": "ai",
}
for _name, _first in _FIRST_CHARS.items():
    _pattern = globals()[_name]
    globals()[_name] = re.compile(f"(?=[{_first}])" + _pattern.pattern, _pattern.flags)
del _first, _pattern


def _lowercase(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The same case-insensitive pattern, for text already in lower case (much faster)."""
    if not pattern.flags & re.IGNORECASE:
        return pattern
    source = pattern.pattern.lower().replace("(?p<", "(?P<").replace("(?p=", "(?P=")
    return re.compile(source)


# The reader lower-cases each masked clause once and matches these lower-case forms.
for _name, _value in list(globals().items()):
    if isinstance(_value, re.Pattern):
        globals()[_name] = _lowercase(_value)
KIND_PATTERNS = tuple((kind, _lowercase(p)) for kind, p in KIND_PATTERNS)
SPONSOR_PATTERNS = tuple(_lowercase(p) for p in SPONSOR_PATTERNS)


# --- look-aheads on the first character -----------------------------------------------
# A pattern that starts with a literal or a character set is searched by the engine in
# a tight loop over the text; one that starts with "\b", a look-behind or an
# alternation of those is tried in full at every position. Every match of these starts
# with one of a few characters: a look-ahead on them in front makes that try fail at
# once elsewhere (the matches are the same). tests/test_extract_gates.py reads the
# characters off each parsed pattern and checks these tables.
_LOOK_AHEADS = {
    "VETO_BY": "bknv",
    "OUTCOME_VETOED": "ceimntuvw",
    "OUTCOME_ADOPTED": "acdeopruvw",
    "OUTCOME_FAILED": "dflnorsuv",
    "GOT": "acdfghmoprstw",
    "BY_COUNT": "abeors",
    "OTHER": "aeort",
    "POSITION_VOTES": "any",
    "RANGE_BEFORE": "bdefiru",
    "REQUIREMENT_BEFORE": "amnorst",
    "UNANIMOUS": "abesuvw",
    "NEGATED_BEFORE": "fnw",
    "WITHDRAWN": "abcdnpsw",
    "STATEMENT": "ps",
    "NEW_EVENT": ",:;acflnorst",
    "PROCEDURAL_WORD": "abeipuw",
    "SC_BODY": "1efsu",
    "GENERIC_COUNCIL": "ct",
    "OTHER_COUNCIL": "ceghipt",
}
_KIND_LOOK_AHEADS = {
    "amendment": "a",
    "preliminary": "pw",
    "ruling": "coru",
    "agenda": "ahpvw",
    "motion": "abcefimprstvw",
    "draft": "dmprst",
}
_SPONSOR_LOOK_AHEADS = {1: "abcdimpstw", 3: "achimnorst"}

LOOKING_AHEAD: list[tuple[re.Pattern[str], re.Pattern[str]]] = []
"""Each pattern given a look-ahead, with the pattern it was (for the tests)."""


def _ahead(pattern: re.Pattern[str], chars: str | None) -> re.Pattern[str]:
    """``pattern`` behind a look-ahead on ``chars``, the characters its matches start with."""
    if chars is None:
        return pattern
    fast = re.compile(f"(?=[{chars}])(?:{pattern.pattern})", pattern.flags)
    LOOKING_AHEAD.append((fast, pattern))
    return fast


for _name, _chars in _LOOK_AHEADS.items():
    globals()[_name] = _ahead(globals()[_name], _chars)
del _name, _chars
KIND_PATTERNS = tuple((kind, _ahead(p, _KIND_LOOK_AHEADS.get(kind))) for kind, p in KIND_PATTERNS)
SPONSOR_PATTERNS = tuple(
    _ahead(p, _SPONSOR_LOOK_AHEADS.get(i)) for i, p in enumerate(SPONSOR_PATTERNS)
)


# --- ASCII twins ---------------------------------------------------------------------
# On plain text (ASCII, without the separators \x1c-\x1f that Unicode counts as spaces)
# a pattern compiled with re.ASCII matches exactly as the Unicode one, and faster: \w,
# \b, \d and \s are table look-ups instead of Unicode database queries.

Pick = Callable[[re.Pattern[str]], re.Pattern[str]]
_SEPARATORS = re.compile("[\x1c-\x1f]")
_TWINS: dict[int, re.Pattern[str]] = {}
_TWINNED: list[re.Pattern[str]] = []  # kept alive, so that no other pattern takes its id


def plain(text: str) -> bool:
    """Whether the ASCII twins of the patterns may be used on ``text``."""
    return text.isascii() and _SEPARATORS.search(text) is None


def twin(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The ASCII twin of ``pattern`` (compiled once)."""
    try:
        return _TWINS[id(pattern)]
    except KeyError:
        _TWINNED.append(pattern)
        flags = (pattern.flags & ~re.UNICODE) | re.ASCII
        found = _TWINS[id(pattern)] = re.compile(pattern.pattern, flags)
        return found


def same(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` itself (for text that is not plain)."""
    return pattern


# --- patterns whose matches start with a member list ----------------------------------
# Every match of these starts with ITEM, in lower case "memx<i>" or "the", spaces and
# "memx<i>" (after look-behinds, which see the text before any position).
LIST_LED = ("LIST_VERB", "LIST_BARE", "AMONG_THOSE", "VETO_SUBJECT", "VETO_POSSESSIVE", "JOINED")


def list_matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    r"""The matches of ``pattern.finditer(text)`` for a pattern of ``LIST_LED``.

    ``text`` is lower case. Such a match starts at a "memx" or at the "the" just before
    it and the spaces (``str.isspace``, the ``\s`` of the patterns) that follow that
    "the", so ``pattern.match`` is tried only there, in order, instead of the search
    trying every position of the text.
    """
    lowest = 0  # no match starts before this (the end of the last match)
    at = text.find("memx")
    while at >= 0:
        start = at
        while start > 0 and text[start - 1].isspace():
            start -= 1
        found = None
        if start < at and start - 3 >= lowest and text.startswith("the", start - 3):
            found = pattern.match(text, start - 3)
        if found is None:
            found = pattern.match(text, at)
        if found is None:
            at = text.find("memx", at + 1)
            continue
        yield found
        lowest = found.end()
        at = text.find("memx", lowest)
