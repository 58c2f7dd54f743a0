"""Reading the UN Library research-guide HTML tables as a stream of rows.

The pages are old, hand-edited HTML: rows whose ``<tr>`` is missing, cells
whose ``</td>`` is missing, ``</br>`` end tags, ``rowspan`` meeting cells
written as ``<th>`` and links closed after their cell. :func:`iter_table_rows`
lays such a page out as a browser would (a cell outside a row opens a row, a
new ``<tr>`` or cell closes the open one, ``rowspan`` cells are copied down)
and yields each row as soon as it is complete, with the 1-based line of its
``<tr>`` (of its first cell when the ``<tr>`` is missing).

It also holds what both UN Library parsers need: text clean-up, dates written
without or with a year, meeting-record and document symbols, and the names
of the permanent members as these pages write them.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

from unsc._english import month_number
from unsc._errors import SourceFormatError, UnknownMemberError
from unsc._reference.states import resolve_member
from unsc._sources.csv_reader import CONTROL_CHARACTERS, FIRST_DAY, LAST_DAY

_CHUNK = 1 << 16

SNIFF_BYTES = 8192
"""How much of a page :func:`looks_like_page` reads to find its title."""


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell: its text (``<br>`` breaks kept as line breaks) and link targets."""

    tag: str
    text: str
    links: tuple[str, ...]
    line: int
    rowspan: int = 1
    colspan: int = 1
    spanned: bool = False
    """True when the cell belongs to a row above and spans down into this one."""


@dataclass(frozen=True, slots=True)
class Row:
    """One table row as laid out, with the 1-based source line where it starts."""

    line: int
    cells: tuple[Cell, ...]

    @property
    def is_heading(self) -> bool:
        """Whether every cell of the row is a ``<th>`` of the row itself (a title or header)."""
        return all(c.tag == "th" and not c.spanned and c.rowspan == 1 for c in self.cells)


def clean_text(raw: str) -> str:
    r"""Collapse HTML whitespace inside each line, drop empty lines, keep ``<br>`` breaks.

    >>> clean_text("  S/PV.77\n (closed) \n\n")
    'S/PV.77\n(closed)'
    """
    if "\n" not in raw:
        return " ".join(raw.split())
    lines = (" ".join(part.split()) for part in raw.split("\n"))
    return "\n".join(line for line in lines if line)


def one_line(text: str) -> str:
    """The cell text with its line breaks turned into spaces."""
    return " ".join(text.split())


class _OpenCell:
    __slots__ = ("attrs", "line", "links", "parts", "tag")

    def __init__(self, tag: str, attrs: dict[str, str | None], line: int) -> None:
        self.tag = tag
        self.attrs = attrs
        self.line = line
        self.parts: list[str] = []
        self.links: list[str] = []


class _TableBuilder:
    """Lays the tag events of a page out as complete rows; see the module docstring."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.rows: deque[Row] = deque()
        self.table_started = False
        self.table_ended = False
        self.row_line: int | None = None
        self._cells: list[Cell] = []
        self.cell: _OpenCell | None = None
        self._spans: dict[int, tuple[int, Cell]] = {}

    # -- events ---------------------------------------------------------

    def start(self, tag: str, attrs: list[tuple[str, str | None]], line: int) -> None:
        """A start tag (``<br/>`` and other self-closing tags included) at ``line``."""
        if tag == "table":
            if self.table_started:
                raise SourceFormatError(self.file, line, None, "a second <table> in the page")
            self.table_started = True
        elif tag == "tr":
            self._check_in_table(line, tag)
            self._close_row()
            self.row_line = line
        elif tag in ("td", "th"):
            self._check_in_table(line, tag)
            if self.row_line is None:
                self.row_line = line
            self._close_cell()
            self.cell = _OpenCell(tag, dict(attrs), line)
        elif tag == "br":
            self.text("\n")
        elif tag == "a" and self.cell is not None:
            href = dict(attrs).get("href")
            if href:
                self.cell.links.append(href)

    def end(self, tag: str) -> None:
        """An end tag."""
        if tag in ("td", "th"):
            self._close_cell()
        elif tag == "tr":
            self._close_row()
        elif tag == "br":  # the pages' invalid </br> is a line break, as browsers read it
            self.text("\n")
        elif tag in ("table", "html") and self.table_started:
            self._close_row()
            self.table_ended = True

    def text(self, data: str) -> None:
        """Text, its character references already replaced."""
        if self.cell is not None:
            self.cell.parts.append(data)

    # -- helpers --------------------------------------------------------

    def _check_in_table(self, line: int, tag: str) -> None:
        if not self.table_started or self.table_ended:
            where = "after the end of" if self.table_ended else "outside"
            raise SourceFormatError(self.file, line, None, f"<{tag}> {where} the table")

    def _close_cell(self) -> None:
        cell = self.cell
        if cell is None:
            return
        self.cell = None
        spans = cell.attrs and (self._span_attr(cell, "rowspan"), self._span_attr(cell, "colspan"))
        self._cells.append(
            Cell(
                tag=cell.tag,
                text=clean_text("".join(cell.parts)),
                links=tuple(cell.links),
                line=cell.line,
                rowspan=spans[0] if spans else 1,
                colspan=spans[1] if spans else 1,
            )
        )

    def _span_attr(self, cell: _OpenCell, attr: str) -> int:
        value = cell.attrs.get(attr)
        if value is None:
            return 1
        try:
            number = int(value)
        except ValueError:
            number = 0
        if number < 1:
            raise SourceFormatError(self.file, cell.line, None, f"bad {attr}={value!r}")
        return number

    def _close_row(self) -> None:
        self._close_cell()
        line, cells = self.row_line, self._cells
        self.row_line, self._cells = None, []
        if line is None or not cells:
            return  # an empty <tr>: nothing to lay out
        laid: list[Cell] = []
        column = 0
        queue = deque(cells)
        while queue or any(col >= column for col in self._spans):
            if column in self._spans:
                left, above = self._spans.pop(column)
                laid.append(_spanned(above))
                if left > 1:
                    self._spans[column] = (left - 1, above)
                column += above.colspan
                continue
            if not queue:
                column += 1
                continue
            cell = queue.popleft()
            laid.append(cell)
            if cell.rowspan > 1:
                self._spans[column] = (cell.rowspan - 1, cell)
            column += cell.colspan
        self.rows.append(Row(line, tuple(laid)))


class _HtmlParserEvents(HTMLParser):
    """The standard library's tokenizer feeding a :class:`_TableBuilder`.

    It reads whatever the fast scanner of :class:`_TableTokenizer` leaves to it.
    """

    def __init__(self, builder: _TableBuilder, line: int) -> None:
        super().__init__(convert_charrefs=True)
        self.builder = builder
        self.lineno = line  # html.parser counts lines from here (getpos)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.builder.start(tag, attrs, self.getpos()[0])

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.builder.start(tag, attrs, self.getpos()[0])

    def handle_endtag(self, tag: str) -> None:
        self.builder.end(tag)

    def handle_data(self, data: str) -> None:
        self.builder.text(data)


# The fast scanner reads only a strict form of tags, which html.parser reads
# the same way: ASCII names, ASCII white space, attribute values quoted
# (without < or >) or bare (without quotes, =, <, >, ` or /). Anything else
# that starts with "<" (a declaration, a processing instruction, a tag in
# another form, <script> or <style>) hands the rest of the page to html.parser.
_SPACE = "[ \t\n\r\f]"
_QUOTED_VALUE = "\"[^\"<>]*\"|'[^'<>]*'"
_BARE_VALUE = "[^ \t\n\r\f\"'=<>`/]+"
_NAME = "[a-zA-Z][a-zA-Z0-9]*"
_ATTRIBUTE_NAME = "[a-zA-Z_:][-a-zA-Z0-9_:.]*"
_ATTRIBUTES = re.compile(
    rf"{_SPACE}+({_ATTRIBUTE_NAME})(?:{_SPACE}*={_SPACE}*({_QUOTED_VALUE}|{_BARE_VALUE}))?"
)
_TAG = re.compile(
    rf"<(?:(?P<start>{_NAME})"
    rf"(?P<attrs>(?:{_SPACE}+{_ATTRIBUTE_NAME}"
    rf"(?:{_SPACE}*={_SPACE}*(?:{_QUOTED_VALUE}|{_BARE_VALUE}(?=[ \t\n\r\f>])))?)*)"
    rf"{_SPACE}*/?>|/(?P<end>{_NAME}){_SPACE}*>)"
)
_COMMENT_END = re.compile(r"--\s*>")  # where html.parser ends a comment
_HOLD_REFERENCE = re.compile(r"[\s;]")
_ATTRIBUTE_TAGS = frozenset({"td", "th", "a"})
_HANDED_OVER = frozenset({"script", "style"})  # html.parser reads their content as raw text


class _TableTokenizer:
    """Turns the page into complete rows, with the events html.parser would give.

    A regular-expression scanner reads the tags and text of the common form;
    from the first construct it does not read (see ``_TAG``) to the end of the
    page, html.parser reads instead, starting from the same line.
    """

    def __init__(self, file: str, *, fast: bool = True) -> None:
        self.builder = _TableBuilder(file)
        self._raw = ""
        self._line = 1
        self._slow: _HtmlParserEvents | None = None
        if not fast:
            self._slow = _HtmlParserEvents(self.builder, 1)

    @property
    def rows(self) -> deque[Row]:
        """The rows complete and not yet taken."""
        return self.builder.rows

    @property
    def table_started(self) -> bool:
        """Whether the ``<table>`` has been read."""
        return self.builder.table_started

    @property
    def table_ended(self) -> bool:
        """Whether ``</table>`` (or ``</html>``) has been read."""
        return self.builder.table_ended

    @property
    def open_row_line(self) -> int | None:
        """The line of the row still open, if any."""
        return self.builder.row_line

    def feed(self, data: str) -> None:
        """Read more of the page."""
        try:
            if self._slow is not None:
                self._slow.feed(data)
            else:
                self._scan(self._raw + data)
        except AssertionError:
            raise self._unreadable() from None

    def close(self) -> None:
        """Read what is left at the end of the page, as html.parser does."""
        try:
            if self._slow is None:
                self._hand_over(self._raw, self._line)
            assert self._slow is not None
            self._slow.close()
        except AssertionError:
            raise self._unreadable() from None

    def _unreadable(self) -> SourceFormatError:
        # html.parser (through _markupbase) raises AssertionError on a damaged
        # declaration or marked section ("<![<", "<![CDA"): a format error of the file.
        # Its own words depend on how much of the page was fed, so they are not repeated.
        line = self._slow.getpos()[0] if self._slow is not None else self._line
        return SourceFormatError(
            self.builder.file,
            line,
            None,
            "a damaged declaration or marked section ('<!' or '<![') that cannot be read; "
            "is the file damaged?",
        )

    def _hand_over(self, rest: str, line: int) -> None:
        self._raw = ""
        self._slow = _HtmlParserEvents(self.builder, line)
        self._slow.feed(rest)

    def _scan(self, raw: str) -> None:
        builder = self.builder
        start, end, text = builder.start, builder.end, builder.text
        find, match = raw.find, _TAG.match
        n = len(raw)
        i = 0
        line, counted = self._line, 0  # ``line`` is the line at offset ``counted``
        while i < n:
            j = find("<", i)
            if j < 0:
                # as html.parser: keep text back while it may end in a cut reference
                amp = raw.rfind("&", max(i, n - 34))
                if amp >= 0 and not _HOLD_REFERENCE.search(raw, amp):
                    break
                j = n
            if i < j and builder.cell is not None:
                text(unescape(raw[i:j]))
            i = j
            if i == n:
                break
            m = match(raw, i)
            if m is None:
                if raw.startswith("<!--", i):
                    close = _COMMENT_END.search(raw, i + 4)
                    if close is None:
                        break  # wait for the end of the comment
                    i = close.end()
                    continue
                after = raw[i + 1 : i + 2]
                if not after:
                    break  # a "<" that ends the text read so far
                if after not in "/!?" and not (after.isascii() and after.isalpha()):
                    text("<")  # a "<" that opens no tag is text
                    i += 1
                    continue
                if find(">", i) < 0:
                    break  # a tag not yet complete
                line += raw.count("\n", counted, i)
                self._hand_over(raw[i:], line)
                return
            name, written, closing = m.groups()
            if name is None:
                end(closing.lower())
            else:
                tag = name.lower()
                if tag in _HANDED_OVER:
                    line += raw.count("\n", counted, i)
                    self._hand_over(raw[i:], line)
                    return
                line += raw.count("\n", counted, i)
                counted = i
                attrs: list[tuple[str, str | None]] = []
                if written and tag in _ATTRIBUTE_TAGS:
                    for a in _ATTRIBUTES.finditer(written):
                        value = a.group(2)
                        if value is not None:
                            if value[:1] in ("'", '"'):
                                value = value[1:-1]
                            if value:
                                value = unescape(value)
                        attrs.append((a.group(1).lower(), value))
                start(tag, attrs, line)
            i = m.end()
        self._raw = raw[i:]
        self._line = line + raw.count("\n", counted, i)


def _spanned(cell: Cell) -> Cell:
    return Cell(
        tag=cell.tag,
        text=cell.text,
        links=cell.links,
        line=cell.line,
        rowspan=cell.rowspan,
        colspan=cell.colspan,
        spanned=True,
    )


def iter_table_rows(path: Path, *, name: str) -> Iterator[Row]:
    """Yield the rows of the one table of ``path`` as they are read.

    Raises :class:`SourceFormatError` when the file is not UTF-8, holds a
    control character (NUL included), has no table, or ends before its table
    does (a truncated file).
    """
    return _iter_rows(path, name=name)


def _iter_rows(
    path: Path, *, name: str, fast: bool = True, chunk_size: int = _CHUNK
) -> Iterator[Row]:
    """:func:`iter_table_rows`; ``fast=False`` reads with html.parser alone (tests compare)."""
    tokenizer = _TableTokenizer(name, fast=fast)
    decoder = codecs.getincrementaldecoder("utf-8")()
    lines_fed = 1
    with path.open("rb") as stream:
        while True:
            chunk = stream.read(chunk_size)
            final = not chunk
            try:
                text = decoder.decode(chunk, final=final)
            except UnicodeDecodeError as exc:
                line = lines_fed + exc.object[: exc.start].count(b"\n")
                raise SourceFormatError(
                    name, line, None, f"not UTF-8 text ({exc.reason}); is the file truncated?"
                ) from None
            bad = CONTROL_CHARACTERS.search(text)
            if bad is not None:
                raise SourceFormatError(
                    name,
                    lines_fed + text.count("\n", 0, bad.start()),
                    None,
                    f"the page holds the control character U+{ord(bad.group()):04X}; "
                    "is the file damaged?",
                )
            tokenizer.feed(text)
            lines_fed += text.count("\n")
            while tokenizer.rows:
                yield tokenizer.rows.popleft()
            if final:
                break
    tokenizer.close()
    while tokenizer.rows:
        yield tokenizer.rows.popleft()
    if not tokenizer.table_started:
        raise SourceFormatError(name, None, None, "no <table> in the file")
    if not tokenizer.table_ended:
        open_line = tokenizer.open_row_line
        where = f"inside the row at line {open_line}" if open_line is not None else "mid-table"
        raise SourceFormatError(
            name,
            lines_fed,
            None,
            f"the file ends {where}, before </table> or </html>: it is truncated",
        )


# -- titles, dates and symbols ----------------------------------------------


def looks_like_page(path: Path, *, file_name: re.Pattern[str], title: re.Pattern[str]) -> bool:
    """Whether ``path`` is a file named as ``file_name`` whose first bytes hold ``title``.

    The title is searched with runs of white space read as one space.
    """
    if file_name.fullmatch(path.name) is None or not path.is_file():
        return False
    with path.open("rb") as stream:
        head = stream.read(SNIFF_BYTES).decode("utf-8", errors="replace")
    return title.search(" ".join(head.split())) is not None


def column_roles(
    row: Row, headings: Mapping[str, str], required: Iterable[str], *, file: str
) -> tuple[str, ...]:
    """The role of each column of the heading ``row``, found by its heading in ``headings``.

    A heading is compared on one line, in lower case. An unknown or repeated
    heading, or a role of ``required`` that no column has, is a
    :class:`SourceFormatError` at the row's line.
    """
    roles: list[str] = []
    for cell in row.cells:
        heading = one_line(cell.text).lower()
        role = headings.get(heading)
        if role is None or role in roles:
            raise SourceFormatError(file, row.line, None, f"unexpected column {heading!r}")
        roles.append(role)
    missing = [role for role in required if role not in roles]
    if missing:
        raise SourceFormatError(file, row.line, None, f"no {missing[0]!r} column")
    return tuple(roles)


_DATE = re.compile(
    r"(?P<day>\d{1,2})"
    r"(?:\s*(?:-|/|\+)\s*(?P<day2>\d{1,2}))?"
    r"\s+(?P<month>[A-Za-z]{3,})\.?"
    r"(?:\s+(?P<year>\d{4}|\d{2}))?"
)


def parse_date(text: str, *, year: int | None, file: str, line: int, field: str) -> dt.date:
    """Parse ``31 December``, ``14-15 October``, ``15 Sep.``, ``11-13 January 1980``, ``2 May 86``.

    A range gives its first day. A date without a year takes ``year``; a
    two-digit year is 19xx from 46 and 20xx below.
    """
    flat = one_line(text)
    match = _DATE.fullmatch(flat)
    if match is None:
        raise SourceFormatError(file, line, field, f"cannot read {flat!r} as a date")
    month = month_number(match["month"], prefix=True)
    if month is None:
        raise SourceFormatError(file, line, field, f"unknown month in {flat!r}")
    if match["year"] is not None:
        written = int(match["year"])
        if len(match["year"]) == 2:
            written += 1900 if written >= 46 else 2000
        year = written
    if year is None:
        raise SourceFormatError(file, line, field, f"no year for {flat!r}")
    try:
        day = dt.date(year, month, int(match["day"]))
    except ValueError:
        raise SourceFormatError(file, line, field, f"no such day: {flat!r} {year}") from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise SourceFormatError(
            file,
            line,
            field,
            f"{day.isoformat()} is outside {FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()}, "
            "the span covered",
        )
    return day


DOC_SYMBOL = r"S/(?:PV\.\d+|\d{4}/\d+|\d+)(?:/(?:Rev|Add|Corr)\.\s?\d+)*"
"""A Security Council document symbol as the pages write it (meeting records included)."""

_DOC_SYMBOL = re.compile(DOC_SYMBOL)


def doc_symbols(text: str) -> list[str]:
    """Every document symbol in ``text``, in order, spaces inside removed."""
    return [m.group().replace(" ", "") for m in _DOC_SYMBOL.finditer(text)]


_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6}

_PV_HEAD = re.compile(r"S/PV\.(\d+)")
_PV_QUALIFIERS = (
    ("corr", re.compile(r"\+\s*Corr\.\s*\d+")),
    ("resumption", re.compile(r"\(?\s*Resumption\s*(\d+|[IVX]+)?\s*\)", re.IGNORECASE)),
    ("part", re.compile(r"\(\s*Part\s*([IVX]+|\d+)\s*\)", re.IGNORECASE)),
    ("closed", re.compile(r"\(?\s*(?:closed|privada)\s*\)?", re.IGNORECASE)),
    ("place", re.compile(r"\(\s*meeting held in [^)]*\)", re.IGNORECASE)),
)


@dataclass(frozen=True, slots=True)
class MeetingRecord:
    """A meeting-record cell read: normalised symbol and whether the meeting was closed."""

    symbol: str
    closed: bool


def parse_meeting_record(text: str, *, file: str, line: int, field: str) -> MeetingRecord:
    """Read ``S/PV.77 (closed)``, ``S/PV.6216 (Resumption 1)+Corr.1``, ``S/PV.4820 (Part I)``.

    The symbol keeps the resumption (``S/PV.N (Resumption K)``) and, when the
    cell shows a single part, the part; it drops corrigenda, ``(closed)`` and
    ``(meeting held in ...)``. Two parts of one meeting in one cell give the
    meeting's symbol. Anything else in the cell is an error.
    """
    flat = one_line(text)
    heads = list(_PV_HEAD.finditer(flat))
    numbers = {m[1] for m in heads}
    if not heads or heads[0].start() != 0 or len(numbers) != 1:
        raise SourceFormatError(file, line, field, f"not a meeting record symbol: {flat!r}")
    rest = _PV_HEAD.sub(" ", flat)
    found: dict[str, list[str]] = {}
    for kind, pattern in _PV_QUALIFIERS:
        for match in pattern.finditer(rest):
            found.setdefault(kind, []).append((match.group(1) if match.groups() else "") or "")
        rest = pattern.sub(" ", rest)
    if rest.strip():
        raise SourceFormatError(
            file, line, field, f"unexpected {rest.strip()!r} in meeting record {flat!r}"
        )
    symbol = f"S/PV.{heads[0][1]}"
    resumptions = set(found.get("resumption", []))
    if len(resumptions) > 1:
        raise SourceFormatError(file, line, field, f"several resumptions in {flat!r}")
    if resumptions:
        (number,) = resumptions
        number = str(_ROMAN.get(number.upper(), number)) if number else ""
        symbol += f" (Resumption {number})" if number else " (Resumption)"
    parts = found.get("part", [])
    if len(parts) == 1:
        symbol += f" (Part {parts[0].upper()})"
    return MeetingRecord(symbol=symbol, closed="closed" in found)


# -- permanent members -----------------------------------------------------

MEMBER_NAME = (
    r"(?:the\s+)?(?:USSR|Soviet\s+Union|Russian\s+Federation|Russia|USA|"
    r"United\s+States(?:\s+of\s+America)?|US|UK|United\s+Kingdom|France|China)\b"
)
"""How the pages name a permanent member casting a negative vote."""

MEMBER_LIST = rf"{MEMBER_NAME}(?:\s*(?:,|&|\band\b)\s*{MEMBER_NAME})*"
"""One or more permanent members, separated by commas, ``and``, ``&`` or line breaks."""

_MEMBER = re.compile(MEMBER_NAME)


def member_codes(text: str, *, file: str, line: int, field: str) -> tuple[str, ...]:
    """The member codes (:func:`unsc.resolve_member`) named in ``text``, in order."""
    codes: list[str] = []
    for match in _MEMBER.finditer(text):
        name = re.sub(r"^the\s+", "", " ".join(match.group().split()))
        try:
            code = resolve_member(name)
        except UnknownMemberError:
            raise SourceFormatError(file, line, field, f"unknown member {name!r}") from None
        if code in codes:
            raise SourceFormatError(file, line, field, f"{name!r} named twice in {text!r}")
        codes.append(code)
    if not codes:
        raise SourceFormatError(file, line, field, f"no permanent member named in {text!r}")
    leftover = re.sub(r"[\s,&]|\band\b", "", _MEMBER.sub("", text))
    if leftover:
        raise SourceFormatError(file, line, field, f"unexpected {leftover!r} in {one_line(text)!r}")
    return tuple(codes)


def state_codes(text: str, *, file: str, line: int, field: str) -> tuple[str, ...]:
    """Codes of the member states named in ``text`` (``France``, ``The Syrian Arab Republic``).

    Names are separated by commas or ``and``; a leading ``the`` is dropped.
    """
    names = re.split(r"\s*,\s*|\s+and\s+", one_line(text))
    codes: list[str] = []
    for name in names:
        bare = re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)
        try:
            codes.append(resolve_member(bare))
        except UnknownMemberError:
            raise SourceFormatError(file, line, field, f"unknown member state {bare!r}") from None
    return tuple(codes)
