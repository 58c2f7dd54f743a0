"""Pieces shared by the command-line modules: error handling, JSON output, the record."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any, NoReturn, TypeVar

import click

from unsc._errors import UnscError

F = TypeVar("F", bound=Callable[..., Any])


def fail(message: str) -> NoReturn:
    """Print ``unsc: error: MESSAGE`` on stderr and exit with status 2."""
    click.echo(f"unsc: error: {message}", err=True)
    sys.exit(2)


def guard(func: F) -> F:
    """Turn library errors into one-line messages and exit status 2."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except UnscError as exc:
            fail(str(exc))

    return wrapper  # type: ignore[return-value]


def emit_json(data: object) -> None:
    """Print ``data`` as indented JSON."""
    import json  # here, not at the top: `unsc --help` has no use for it

    click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def open_record(ctx: click.Context) -> Any:
    """The record at the root ``--database`` URL (imported here, when a command needs it)."""
    from unsc._record.api import Record

    url = ctx.find_root().params.get("database")
    return Record(url)
