"""The UN Library pages' fast tokenizer gives what html.parser alone gives.

:func:`unsc._sources.html_reader.iter_table_rows` reads the common form of
tags with one regular expression and hands the rest of a page to the standard
library's ``html.parser`` from the first construct it does not read. These
tests compare the two readings (``fast=True`` against ``fast=False``, which
reads with html.parser alone): the same rows, cells, links, spans and lines,
and the same error with the same line, for pages written here, for damaged
variants of them chosen by Hypothesis, and for the 79 real pages of
``../shared/data/dhl-pages`` (skipped when absent unless ``CI=true``), each
read in chunks of several sizes so that tags, references and comments are
cut across two reads.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from unsc._errors import SourceFormatError
from unsc._sources.html_reader import Row, _iter_rows

Outcome = tuple[list[Row], tuple[int | None, str] | None]

CHUNKS = (1, 2, 7, 64, 1 << 16)


def _read(path: Path, *, fast: bool, chunk_size: int) -> Outcome:
    rows: list[Row] = []
    try:
        for row in _iter_rows(path, name="page.html", fast=fast, chunk_size=chunk_size):
            rows.append(row)
    except SourceFormatError as exc:
        return rows, (exc.line, exc.message)
    return rows, None


def _both(path: Path, chunk_size: int) -> tuple[Outcome, Outcome]:
    return (
        _read(path, fast=True, chunk_size=chunk_size),
        _read(path, fast=False, chunk_size=chunk_size),
    )


HEAD = '<html><body>\n<table class="x">\n'
TAIL = "</table>\n</body></html>\n"

PAGES: dict[str, str] = {
    "plain": HEAD + "<tr><td>S/PV.1</td><td>1 May</td></tr>\n" + TAIL,
    "no tr, no /td": HEAD + "<td>S/PV.2\n<td>2 May\n<tr><td>S/PV.3<td>3 May</td>\n" + TAIL,
    "br forms": HEAD + "<tr><td>a<br>b<br/>c<br />d</br>e</BR ></td></tr>\n" + TAIL,
    "spans": HEAD
    + '<tr><th rowspan="2">S/PV.4</th><td colspan=2>x</td></tr>\n'
    + "<tr><td>y</td><td>z</td></tr>\n"
    + "<tr><td rowspan='3' colspan=\"2\">w</td></tr>\n<tr></tr><tr><td>v</td></tr>\n"
    + TAIL,
    "entities": HEAD
    + "<tr><td>Caf&eacute; &amp; r&eacutesum&#233; &#39;q&#x27; &mdash &lt;&gt; &bogus;"
    + " &#0000000000000000000000000000000000065; AT&T</td></tr>\n"
    + TAIL,
    "links": HEAD
    + '<tr><td><A HREF="https://undocs.org/en/S/PV.5?a=1&amp;b=2" target=_top>S/PV.5</a>'
    + "<a href=''>none</a><a name=x>no href</a><a href=rel/x >rel</a></td></tr>\n"
    + TAIL,
    "comments": HEAD
    + "<!-- a comment with <td> inside -->\n<tr><td>a<!--x-- >b</td></tr>"
    + "<!---->\n<!-- -- -->"
    + TAIL,
    "bare less-than": HEAD + "<tr><td>1 < 2 <= 3 <3 < </td></tr>\n" + TAIL,
    "odd tags": HEAD
    + '<tr><td a="x"b=y>1</td><td =x>2</td><td a==b>3</td></tr>\n'
    + '<tr><td target+"_top">4</td></td\n\n<td>5</td></tr>\n'
    + TAIL,
    "declarations": "<!DOCTYPE html>\n<?xml version='1.0'?>"
    + HEAD
    + "<tr><td><![CDATA[x]]>y</td></tr>\n<! bogus >"
    + TAIL,
    "script and style": HEAD
    + "<script>if (a < b) { x = '<td>'; }</script>\n<style>td { }</style>\n"
    + "<tr><td>after</td></tr>\n"
    + TAIL,
    "end by html": HEAD + "<tr><td>x</td></tr>\n</body></html>\n",
    "upper case": HEAD.upper() + "<TR><TD ROWSPAN=2>X</TD></TR><TR><TD>Y</TD></TR>\n" + TAIL,
    "second table": HEAD + "<tr><td>x</td></tr>\n<table>\n" + TAIL,
    "cell before table": "<html>\n<td>x</td>\n" + HEAD + TAIL,
    "cell after table": HEAD + TAIL + "<tr><td>late</td></tr>\n",
    "bad rowspan": HEAD + '<tr><td rowspan="0">x</td></tr>\n' + TAIL,
    "bad colspan": HEAD + "<tr><td colspan=two>x</td></tr>\n" + TAIL,
    "truncated in a row": HEAD + "<tr><td>x</td>\n<tr><td>y",
    "truncated in a tag": HEAD + "<tr><td>x</td></tr>\n<tr><td rowspan=",
    "truncated in a comment": HEAD + "<tr><td>x</td></tr>\n<!-- never closed <td>y</td>",
    "no table": "<html><body><p>nothing</p></body></html>\n",
    "control character": HEAD + "<tr><td>x\x01</td></tr>\n" + TAIL,
}

BYTES: dict[str, bytes] = {
    "not UTF-8": (HEAD + "<tr><td>caf").encode() + b"\xe9</td></tr>\n" + TAIL.encode(),
    "cut UTF-8": (HEAD + "<tr><td>caf").encode() + "é".encode()[:1],
}


def _write(tmp_path: Path, content: str | bytes) -> Path:
    path = tmp_path / "page.html"
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


@pytest.mark.parametrize("chunk_size", CHUNKS)
@pytest.mark.parametrize("name", [*PAGES, *BYTES])
def test_written_pages_read_as_html_parser_reads_them(
    tmp_path: Path, name: str, chunk_size: int
) -> None:
    path = _write(tmp_path, PAGES[name] if name in PAGES else BYTES[name])
    fast, slow = _both(path, chunk_size)
    assert fast == slow
    assert fast[0] or fast[1] is not None  # every page gives rows or an error


def test_the_repairs_are_kept(tmp_path: Path) -> None:
    rows, error = _read(_write(tmp_path, PAGES["no tr, no /td"]), fast=True, chunk_size=1 << 16)
    assert error is None
    assert [[c.text for c in r.cells] for r in rows] == [["S/PV.2", "2 May"], ["S/PV.3", "3 May"]]
    assert [r.line for r in rows] == [3, 5]
    rows, _ = _read(_write(tmp_path, PAGES["spans"]), fast=True, chunk_size=7)
    assert [[(c.text, c.spanned) for c in r.cells] for r in rows][1] == [
        ("S/PV.4", True),
        ("y", False),
        ("z", False),
    ]
    rows, _ = _read(_write(tmp_path, PAGES["entities"]), fast=True, chunk_size=3)
    assert rows[0].cells[0].text.startswith("Café & résumé 'q' &mdash <> &bogus;")
    rows, _ = _read(_write(tmp_path, PAGES["links"]), fast=True, chunk_size=5)
    assert rows[0].cells[0].links == ("https://undocs.org/en/S/PV.5?a=1&b=2", "rel/x")


@pytest.mark.parametrize(
    ("name", "line", "says"),
    [
        ("second table", 4, "a second <table>"),
        ("cell before table", 2, "<td> outside the table"),
        ("cell after table", 5, "<tr> after the end of the table"),
        ("bad rowspan", 3, "bad rowspan="),
        ("truncated in a row", 4, "the file ends inside the row at line 4"),
        ("control character", 3, "the page holds the control character U+0001"),
    ],
)
def test_errors_keep_their_lines(tmp_path: Path, name: str, line: int, says: str) -> None:
    _, error = _read(_write(tmp_path, PAGES[name]), fast=True, chunk_size=2)
    assert error is not None
    assert error[0] == line
    assert says in error[1]


SNIPPETS = (
    "<",
    ">",
    "</td>",
    "<td>",
    "<tr>",
    "</tr>",
    "<th rowspan=2>",
    '<td colspan="2">',
    "<!--",
    "-->",
    "&amp;",
    "&eacute",
    "&#39;",
    "<br/>",
    "</br>",
    '"',
    "'",
    "=",
    "/",
    "<table>",
    "</table>",
    "</html>",
    "<script>",
    "</script>",
    "<?x>",
    "<!DOCTYPE html>",
    "<a href=x/>",
    "<A HREF='y'>",
    "\xa0",
    "\t",
    "\n",
    "text ",
    "S/PV.1",
)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    base=st.sampled_from(sorted(PAGES)),
    edits=st.lists(
        st.tuples(st.floats(0, 1), st.sampled_from(SNIPPETS), st.integers(0, 8)), max_size=6
    ),
    chunk_size=st.sampled_from(CHUNKS),
)
def test_damaged_pages_read_as_html_parser_reads_them(
    tmp_path: Path, base: str, edits: list[tuple[float, str, int]], chunk_size: int
) -> None:
    text = PAGES[base]
    for where, snippet, cut in edits:
        at = int(where * len(text))
        text = text[:at] + snippet + text[at + cut :]
    fast, slow = _both(_write(tmp_path, text), chunk_size)
    assert fast == slow


def _real_pages() -> list[Path]:
    override = os.environ.get("UNSC_SHARED_DIR")
    shared = Path(override) if override else Path(__file__).resolve().parents[2] / "shared"
    folder = shared / "data" / "dhl-pages"
    if not folder.is_dir():
        message = f"the saved UN Library pages are not in {folder}"
        if os.environ.get("CI", "").strip().lower() in {"true", "1"}:
            pytest.fail(f"{message}; CI=true requires them")
        pytest.skip(message)
    return sorted(folder.glob("*.html"))


@pytest.mark.parametrize("chunk_size", [1 << 16, 4096, 61])
def test_real_pages_read_as_html_parser_reads_them(chunk_size: int) -> None:
    pages = _real_pages()
    assert len(pages) == 79
    for page in pages:
        fast, slow = _both(page, chunk_size)
        assert fast == slow, page.name
        assert fast[1] is None, page.name
        assert fast[0], page.name


@pytest.mark.parametrize("damage", ["<![<", "<![CDA x", "<![ CDATA"])
@pytest.mark.parametrize("chunk_size", CHUNKS)
def test_a_damaged_declaration_is_a_format_error_on_its_line(
    tmp_path: Path, damage: str, chunk_size: int
) -> None:
    # html.parser raises a bare AssertionError on these (found by the fuzzing above):
    # both readers must give the same SourceFormatError, naming the file and the line.
    text = HEAD + "<tr><td>S/PV.1</td>\n<td>" + damage + "</td></tr>\n" + TAIL
    fast, slow = _both(_write(tmp_path, text), chunk_size)
    assert fast == slow
    _rows, error = fast
    assert error is not None
    assert error[0] == 4, error
    assert "damaged declaration or marked section" in error[1]
