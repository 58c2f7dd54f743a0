"""The one exception tree of :mod:`unsc`.

Every error the library raises on purpose derives from :class:`UnscError`.
Messages name the bad input and say how to fix it.
"""

from __future__ import annotations

import datetime as dt


class UnscError(Exception):
    """Root of every error raised by :mod:`unsc`."""

    hint: str = ""

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint or type(self).hint

    def __str__(self) -> str:
        if self.hint:
            return f"{self.message} ({self.hint})"
        return self.message


class InputError(UnscError):
    """The caller supplied input that cannot be used as it is."""


class UnknownMemberError(InputError):
    """A code or name does not identify any UN member state known to :mod:`unsc`."""

    hint = "use a UN Library code such as RUS, an ISO 3166-3 alias such as ZAR, or an official name"

    def __init__(self, value: str) -> None:
        super().__init__(f"unknown member state {value!r}")
        self.value = value


class DateOutOfRangeError(InputError):
    """The date is outside the span covered by the reference data."""

    hint = "the reference data covers 1946-01-17 to 2027-12-31"

    def __init__(self, date: dt.date, what: str = "the Security Council") -> None:
        super().__init__(f"no data for {what} on {date.isoformat()}")
        self.date = date


class BallotError(InputError):
    """A ballot is malformed: a missing, duplicated or foreign member, a bad position."""

    def __init__(
        self,
        message: str,
        *,
        member: str | None = None,
        date: dt.date | None = None,
        hint: str = "",
    ) -> None:
        super().__init__(message, hint=hint)
        self.member = member
        self.date = date


class NotOnCouncilError(BallotError):
    """A ballot names a state that did not sit on the Council on the ballot's date."""

    hint = "run `unsc council DATE` to list the members on that date"

    def __init__(self, member: str, date: dt.date) -> None:
        super().__init__(
            f"{member} was not a member of the Security Council on {date.isoformat()}",
            member=member,
            date=date,
        )


class MissingVoteError(BallotError):
    """A member of the Council on the ballot's date has no recorded position."""

    hint = "give every member a position: Y, N, A or X (did not vote)"

    def __init__(self, member: str, date: dt.date) -> None:
        super().__init__(
            f"no position for {member}, a member of the Security Council on {date.isoformat()}",
            member=member,
            date=date,
        )


class DuplicateVoteError(BallotError):
    """A member appears more than once in a ballot."""

    hint = "list each member once"

    def __init__(self, member: str, date: dt.date) -> None:
        super().__init__(
            f"{member} appears more than once in the ballot of {date.isoformat()}",
            member=member,
            date=date,
        )


class TallyError(InputError):
    """Vote counts that cannot belong to the Council on that date."""


class ReferenceDataError(UnscError):
    """The packaged reference data is inconsistent (a bug in :mod:`unsc`)."""


class SourceFormatError(UnscError):
    """A data file does not have the format its importer expects.

    Carries the file, the line (1-based, in the file as stored) and the field.
    """

    def __init__(self, file: str, line: int | None, field: str | None, message: str) -> None:
        where = file if line is None else f"{file}, line {line}"
        if field:
            where += f", field {field!r}"
        super().__init__(f"{where}: {message}")
        self.file = file
        self.line = line
        self.field = field


class StorageError(UnscError):
    """The record database cannot be opened, migrated or written."""
