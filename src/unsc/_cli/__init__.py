"""The ``unsc`` command line: a thin layer over the library.

This module holds the group only. Every command, ``council``, ``presidents``
and ``vote`` included, lives in a command module that is imported when that
command runs: ``unsc --help`` imports click, this module, ``common`` and
``registry``, and nothing of the library beyond its errors.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

import click

from unsc import __version__
from unsc._cli.common import guard
from unsc._cli.registry import ENTRIES, Commands


class _LazyGroup(click.Group):
    """A group whose commands are imported only when used (click's lazy-group pattern).

    The command list and its summaries come from :mod:`unsc._cli.registry`;
    a command's module is imported, by its loader there, when the command is
    looked up to run or to show its own help.
    """

    lazy: ClassVar[dict[str, Callable[[], Commands]]] = {e.name: e.load for e in ENTRIES}
    summaries: ClassVar[dict[str, str]] = {e.name: e.summary for e in ENTRIES}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.lazy:
            for command in self.lazy[cmd_name]():
                if command.name not in self.commands:
                    self.add_command(_guard_group(command))
        return super().get_command(ctx, cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list, from the registry for commands not yet imported."""
        rows: list[tuple[str, click.Command | None]] = []
        for name in self.list_commands(ctx):
            command = self.commands.get(name)
            if command is None and name not in self.lazy:
                command = self.get_command(ctx, name)
                if command is None:
                    continue
            if command is not None and command.hidden:
                continue
            rows.append((name, command))
        if not rows:
            return
        limit = formatter.width - 6 - max(len(name) for name, _ in rows)
        lines = [
            (
                name,
                command.get_short_help_str(limit)
                if command is not None
                else click.Command(name, help=self.summaries.get(name)).get_short_help_str(limit),
            )
            for name, command in rows
        ]
        with formatter.section("Commands"):
            formatter.write_dl(lines)


@click.group(
    cls=_LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
# The version from the package itself, not looked up in the installed metadata: importing
# importlib.metadata would cost `unsc --version` about 30 ms (tests/test_cli_lazy.py checks
# that the two agree).
@click.version_option(version=__version__)
@click.option(
    "--database",
    envvar="UNSC_DATABASE_URL",
    help="Database URL for the record (default: SQLite in the user data folder).",
)
def main(database: str | None) -> None:
    """The UN Security Council as code.

    Who sat on the Council and who presided on any date 1946-2027, and how
    any vote is decided under the Charter as practised.
    """


def _guard_group(command: click.Command) -> click.Command:
    if isinstance(command, click.Group):
        for name, sub in list(command.commands.items()):
            command.commands[name] = _guard_group(sub)
        return command
    assert command.callback is not None
    command.callback = guard(command.callback)
    return command
