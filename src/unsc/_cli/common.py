"""Pieces shared by the command-line modules: error handling and JSON output."""

from __future__ import annotations

import functools
import json
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
    click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))
