"""The public face of the record: :class:`Record`."""

from __future__ import annotations

import datetime as dt
import json
import pathlib
from typing import TYPE_CHECKING, Any

from unsc._errors import InputError
from unsc._record.fetch import default_cache, fetch
from unsc._record.load import LoadReport, Progress, load_folder
from unsc._store import db, query

if TYPE_CHECKING:
    import pandas as pd

EXPORT_FORMATS = ("csv", "parquet", "json")


def _frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame.from_records(rows)


class Record:
    """The Council's recorded history in a database (SQLite by default).

    >>> import tempfile, pathlib
    >>> folder = tempfile.mkdtemp()
    >>> rec = Record(f"sqlite:///{pathlib.Path(folder) / 'r.sqlite3'}")
    >>> rec.status()["counts"]["decisions"]
    0
    """

    def __init__(self, url: str | None = None) -> None:
        self.url = url or db.default_url()
        self.engine = db.open_database(self.url)

    def load(
        self,
        folder: str | pathlib.Path,
        *,
        progress: Progress | None = None,
        allow_shrink: bool = False,
        skip_unrecognised: bool = False,
    ) -> LoadReport:
        """Load every recognised file in ``folder``; atomic and idempotent (guards: load.py)."""
        return load_folder(
            pathlib.Path(folder),
            self.engine,
            progress=progress,
            allow_shrink=allow_shrink,
            skip_unrecognised=skip_unrecognised,
        )

    def fetch(
        self,
        *,
        base: str | None = None,
        cache: str | pathlib.Path | None = None,
        progress: Progress | None = None,
    ) -> LoadReport:
        """Download the official files (or from the mirror ``base``), verify, then load."""
        folder = pathlib.Path(cache) if cache else default_cache()
        fetch(folder, base=base, progress=progress)
        return self.load(folder, progress=progress)

    def status(self) -> dict[str, Any]:
        """What is loaded, counts, conflicts, agreement with the engine."""
        with self.engine.connect() as conn:
            return query.status(conn)

    def search(self, text: str, *, limit: int = 50) -> list[dict[str, Any]]:
        """Resolutions, drafts, vetoes and mandates matching ``text`` (titles, subjects, agenda)."""
        with self.engine.connect() as conn:
            return query.search(conn, text, limit=limit)

    def conflicts(self, *, kind: str | None = None) -> list[dict[str, Any]]:
        """Every disagreement between sources (and with the engine), with the choice made."""
        with self.engine.connect() as conn:
            return query.conflicts(conn, kind=kind)

    def resolutions(
        self,
        *,
        year: int | None = None,
        member: str | None = None,
        vote: str | None = None,
        text: str | None = None,
    ) -> pd.DataFrame:
        """Adopted resolutions as a DataFrame, optionally filtered."""
        return _frame(self.resolution_rows(year=year, member=member, vote=vote, text=text))

    def resolution_rows(self, **filters: Any) -> list[dict[str, Any]]:
        """Adopted resolutions as plain rows."""
        with self.engine.connect() as conn:
            return query.resolutions(conn, **filters)

    def resolution(self, number: int) -> dict[str, Any] | None:
        """One resolution in detail, or ``None``."""
        with self.engine.connect() as conn:
            return query.resolution(conn, number)

    def decision(self, key: str) -> dict[str, Any] | None:
        """One decision in detail by its key (``res:2334``, ``draft:S/2017/884``)."""
        with self.engine.connect() as conn:
            return query.decision_detail(conn, key)

    def drafts(self, *, failed: bool = False) -> pd.DataFrame:
        """Every question put to the vote (or only those not adopted) as a DataFrame."""
        return _frame(self.draft_rows(failed=failed))

    def draft_rows(self, **filters: Any) -> list[dict[str, Any]]:
        """Every question put to the vote as plain rows (filters: ``query.drafts``)."""
        with self.engine.connect() as conn:
            return query.drafts(conn, **filters)

    def vetoes(self, *, member: str | None = None, since: dt.date | None = None) -> pd.DataFrame:
        """Vetoed drafts, oldest first, as a DataFrame."""
        return _frame(self.veto_rows(member=member, since=since))

    def veto_rows(self, **filters: Any) -> list[dict[str, Any]]:
        """Vetoed drafts as plain rows (``unsc vetoes --json``; filters: ``query.vetoes``)."""
        with self.engine.connect() as conn:
            return query.vetoes(conn, **filters)

    def member(self, code: str) -> dict[str, Any]:
        """A member's terms, votes, vetoes and agreement with every other member."""
        with self.engine.connect() as conn:
            return query.member(conn, code)

    def export(self, folder: str | pathlib.Path, *, format: str = "csv") -> list[pathlib.Path]:
        """Write every table to ``folder`` as CSV, Parquet or JSON; return the files."""
        if format not in EXPORT_FORMATS:
            raise InputError(f"unknown export format {format!r}", hint="use csv, parquet or json")
        import pandas as pd

        out = pathlib.Path(folder)
        out.mkdir(parents=True, exist_ok=True)
        written = []
        with self.engine.connect() as conn:
            for name, rows in query.export_queries():
                frame = pd.read_sql(rows, conn)
                path = out / f"{name}.{format}"
                if format == "csv":
                    frame.to_csv(path, index=False)
                elif format == "parquet":
                    frame.to_parquet(path, index=False)
                else:
                    records = json.loads(frame.to_json(orient="records", date_format="iso"))
                    path.write_text(json.dumps(records, ensure_ascii=False, indent=1), "utf-8")
                written.append(path)
        return written
