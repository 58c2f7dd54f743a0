"""Downloading the official files into a cache, verifying them, then loading them.

The addresses are in ``unsc/_reference/data/sources.csv`` (path in the cache, official
URL, the source the file must be). The first is the UN Library's Security
Council voting data (UN Digital Library record 4055387), the only official
source of per-member votes before 1994. ``base`` replaces the official
addresses by a mirror that serves the same paths (``{base}/{path}``) — for
example a folder laid out like ``../shared/data`` served over HTTP. Each file
is downloaded to a temporary name, checked (HTTP status, non-empty,
recognised by the importer of its source), and only then moved into place;
nothing is loaded unless every file verified.
"""

from __future__ import annotations

import csv
import io
import pathlib
import tempfile
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources

from unsc._errors import UnscError


class FetchError(UnscError):
    """A file could not be downloaded or did not verify."""


@dataclass(frozen=True)
class Remote:
    """One file to fetch."""

    path: str
    url: str
    what: str
    source: str = ""
    """The :class:`~unsc._sources.model.Source` whose importer must recognise the file."""


def remotes() -> list[Remote]:
    """The files ``unsc data fetch`` downloads."""
    text = (
        resources.files("unsc")
        .joinpath("_reference")
        .joinpath("data")
        .joinpath("sources.csv")
        .read_text("utf-8")
    )
    return [
        Remote(r["path"], r["url"], r["what"], r["source"])
        for r in csv.DictReader(io.StringIO(text))
    ]


def default_cache() -> pathlib.Path:
    """The download cache folder (in the user's cache directory)."""
    import platformdirs

    return pathlib.Path(platformdirs.user_cache_dir("unsc", appauthor=False)) / "sources"


def fetch(
    cache: pathlib.Path,
    *,
    base: str | None = None,
    timeout: float = 30.0,
    progress: Callable[[str, int, int], None] | None = None,
) -> list[pathlib.Path]:
    """Download every remote into ``cache`` and verify it; return the paths."""
    from unsc._record.load import FORMATS

    items = remotes()
    cache.mkdir(parents=True, exist_ok=True)
    done: list[pathlib.Path] = []
    for n, item in enumerate(items, start=1):
        if progress:
            progress(item.path, n, len(items))
        url = f"{base.rstrip('/')}/{item.path}" if base else item.url
        target = cache / item.path
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            with urllib.request.urlopen(url, timeout=timeout) as response:
                status = getattr(response, "status", 200)
                if status != 200:
                    raise FetchError(f"{url}: HTTP {status}")
                data = response.read()
        except urllib.error.HTTPError as exc:
            raise FetchError(f"{url}: HTTP {exc.code}", hint="check --base") from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise FetchError(
                f"cannot download {url}: {reason}",
                hint="check the network, or pass --base URL of a mirror",
            ) from None
        if not data:
            raise FetchError(f"{url}: empty response")
        with tempfile.TemporaryDirectory(dir=cache, prefix=".staging-") as staging:
            staged = pathlib.Path(staging) / target.name
            staged.write_bytes(data)
            formats = [f for f in FORMATS if not item.source or f.source.value == item.source]
            if not any(f.looks_like(staged) for f in formats):
                raise FetchError(f"{url}: not a file unsc can read (expected {item.what})")
            staged.replace(target)
        done.append(target)
    return done
