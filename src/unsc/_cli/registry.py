"""Where each ``unsc`` command lives, and its one-line summary, without importing it.

``unsc --help`` lists every command; importing the modules that define them
would load the reference data and the engine, the record layer, numpy, the
report reader's patterns and the web app. The group in :mod:`unsc._cli`
reads this table instead: the command list comes from here, and a command's
module is imported only when that command runs (or its own ``--help`` is
shown). Importing this module imports nothing: each loader below imports its
command module inside the function, with a plain import, when the group
calls it.

Each command module defines ``COMMANDS``, the click commands it contributes;
``tests/test_cli_lazy.py`` checks that this table names every one of them,
with the summary click itself would print.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import click

Commands = tuple["click.Command", ...]
"""What a command module contributes: its ``COMMANDS``."""


def _council() -> Commands:
    from unsc._cli import council

    return council.COMMANDS


def _data() -> Commands:
    from unsc._cli import data

    return data.COMMANDS


def _power() -> Commands:
    from unsc._cli import power

    return power.COMMANDS


def _extract() -> Commands:
    from unsc._cli import extract

    return extract.COMMANDS


def _mandates() -> Commands:
    from unsc._cli import mandates

    return mandates.COMMANDS


def _web() -> Commands:
    from unsc._cli import web

    return web.COMMANDS


class Entry(NamedTuple):
    """A command: its name, the loader of the module defining it, and its ``--help`` summary."""

    name: str
    load: Callable[[], Commands]
    summary: str


ENTRIES: tuple[Entry, ...] = (
    Entry("council", _council, "Show the Council on DATE (YYYY-MM-DD): members, terms, President."),
    Entry(
        "presidents",
        _council,
        "List who presided over the Council in each month of YEAR (rule 18).",
    ),
    Entry("vote", _council, "Adjudicate a vote: BALLOT.json (- for stdin) or the inline options."),
    Entry("data", _data, "Load and inspect the record (the real history of the Council)."),
    Entry("drafts", _data, "List every question put to the vote."),
    Entry("export", _data, "Write every table of the record to FOLDER."),
    Entry(
        "member",
        _data,
        "A member's terms, votes cast, vetoes, and agreement with every other member.",
    ),
    Entry(
        "resolution",
        _data,
        "Show resolution NUMBER: tally, votes, recorded and adjudicated outcome, sources.",
    ),
    Entry("resolutions", _data, "List adopted resolutions."),
    Entry(
        "search",
        _data,
        "Full-text search of resolutions, drafts, vetoes and mandates (titles, subjects, agenda).",
    ),
    Entry("vetoes", _data, "List vetoed drafts, oldest first."),
    Entry("power", _power, "Voting power in GAME (a built-in game) or in a weighted game."),
    Entry(
        "replay",
        _power,
        "Rerun every recorded decision under a rule variant; list what changes.",
    ),
    Entry(
        "extract",
        _extract,
        "Find every Security Council vote reported in the text FILEs.",
    ),
    Entry(
        "reports",
        _extract,
        "List the votes read from reports and stored by `unsc extract --load`.",
    ),
    Entry(
        "mandates",
        _mandates,
        "List the bodies the Council keeps by mandate, with their status on a date.",
    ),
    Entry(
        "mandate",
        _mandates,
        "Show one body's whole timeline: periods, renewals, failed renewals, end.",
    ),
    Entry(
        "serve",
        _web,
        "Serve the web app: the Council on a date, the record explorer, the Chamber, a JSON API.",
    ),
)
"""Every ``unsc`` command, by the loader of its module."""
