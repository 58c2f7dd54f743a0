"""Where each ``unsc`` command lives, and its one-line summary, without importing it.

``unsc --help`` lists every command; importing the modules that define them
would load the record layer, numpy, the report reader's patterns and the web
app. The group in :mod:`unsc._cli` reads this table instead: the command
list comes from here, and a command's module is imported only when that
command runs (or its own ``--help`` is shown). Importing this module imports
nothing.

Each module listed defines ``COMMANDS``, the click commands it contributes;
``tests/test_cli_lazy.py`` checks that this table names every one of them,
with the summary click itself would print.
"""

from __future__ import annotations

from typing import NamedTuple


class Entry(NamedTuple):
    """A command: its name, the module defining it, and its ``--help`` summary."""

    name: str
    module: str
    summary: str


ENTRIES: tuple[Entry, ...] = (
    Entry(
        "data", "unsc._cli.data", "Load and inspect the record (the real history of the Council)."
    ),
    Entry("drafts", "unsc._cli.data", "List every question put to the vote."),
    Entry("export", "unsc._cli.data", "Write every table of the record to FOLDER."),
    Entry(
        "member",
        "unsc._cli.data",
        "A member's terms, votes cast, vetoes, and agreement with every other member.",
    ),
    Entry(
        "resolution",
        "unsc._cli.data",
        "Show resolution NUMBER: tally, votes, recorded and adjudicated outcome, sources.",
    ),
    Entry("resolutions", "unsc._cli.data", "List adopted resolutions."),
    Entry(
        "search",
        "unsc._cli.data",
        "Full-text search of resolutions, drafts, vetoes and mandates (titles, subjects, agenda).",
    ),
    Entry("vetoes", "unsc._cli.data", "List vetoed drafts, oldest first."),
    Entry(
        "power", "unsc._cli.power", "Voting power in GAME (a built-in game) or in a weighted game."
    ),
    Entry(
        "replay",
        "unsc._cli.power",
        "Rerun every recorded decision under a rule variant; list what changes.",
    ),
    Entry(
        "extract",
        "unsc._cli.extract",
        "Find every Security Council vote reported in the text FILEs.",
    ),
    Entry(
        "reports",
        "unsc._cli.extract",
        "List the votes read from reports and stored by `unsc extract --load`.",
    ),
    Entry(
        "mandates",
        "unsc._cli.mandates",
        "List the bodies the Council keeps by mandate, with their status on a date.",
    ),
    Entry(
        "mandate",
        "unsc._cli.mandates",
        "Show one body's whole timeline: periods, renewals, failed renewals, end.",
    ),
    Entry(
        "serve",
        "unsc._cli.web",
        "Serve the web app: the Council on a date, the record explorer, the Chamber, a JSON API.",
    ),
)
"""Every command defined outside :mod:`unsc._cli`, by module."""
