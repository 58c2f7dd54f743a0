"""Settings of the web app, fixed at start-up."""

from __future__ import annotations

import os
import pathlib
import secrets
from dataclasses import dataclass

TOKEN_ENV = "UNSC_TOKEN"
DATA_DIR_ENV = "UNSC_DATA_DIR"
DATABASE_ENV = "UNSC_DATABASE_URL"
FETCH_BASE_ENV = "UNSC_FETCH_BASE"
CACHE_ENV = "UNSC_WEB_CACHE"
WARM_UP_ENV = "UNSC_WARM_UP"


@dataclass(frozen=True, kw_only=True)
class Settings:
    """What ``create_app`` needs to know.

    ``token`` guards everything that writes (chamber sessions, loads);
    ``data_dir`` is where an empty record is loaded from at start-up (else the
    official files are fetched, from ``fetch_base`` when set); ``read_timeout``
    bounds every read statement, in seconds; ``max_body_bytes`` every request
    body (larger: 413); ``cache=False`` (``UNSC_WEB_CACHE=0``) keeps no results
    and no responses: every request runs its queries. ``warm_up``: each worker
    compiles its templates and answers one request of each kind before it
    accepts connections (:mod:`unsc._web.warm`); on in ``unsc serve`` unless
    ``UNSC_WARM_UP=0``, off by default here so that tests start fast.
    """

    database_url: str
    token: str
    data_dir: pathlib.Path | None = None
    fetch_base: str | None = None
    autoload: bool = True
    read_timeout: float = 5.0
    cache_seconds: float = 1.0
    secure_cookies: bool = False
    max_body_bytes: int = 2 * 1024 * 1024
    cache: bool = True
    warm_up: bool = False

    @classmethod
    def from_env(cls) -> Settings:
        """Settings from the environment (``UNSC_DATABASE_URL``, ``UNSC_TOKEN``, ...).

        A missing token is generated (the ``serve`` command prints it once).
        """
        from unsc._store.db import default_url

        data_dir = os.environ.get(DATA_DIR_ENV)
        return cls(
            database_url=os.environ.get(DATABASE_ENV) or default_url(),
            token=os.environ.get(TOKEN_ENV) or new_token(),
            data_dir=pathlib.Path(data_dir) if data_dir else None,
            fetch_base=os.environ.get(FETCH_BASE_ENV) or None,
            autoload=os.environ.get("UNSC_AUTOLOAD", "1") != "0",
            cache=os.environ.get(CACHE_ENV, "1") != "0",
            warm_up=os.environ.get(WARM_UP_ENV, "1") != "0",
        )


def new_token() -> str:
    """A fresh random access token."""
    return secrets.token_urlsafe(24)
