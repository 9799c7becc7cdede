"""The one kind of error a user sees.

Domain code raises :class:`JournalError` (exit 1) or :class:`UsageError` (exit 2)
with one plain sentence that says what to do.
:meth:`partsjournal.cli.root.JournalGroup.invoke` is the only place that catches
them and prints them to stderr (through ``render/text.sentence``).
"""

from __future__ import annotations


class JournalError(Exception):
    """A problem the user can act on; printed as one sentence, exit code 1."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageError(JournalError):
    """The command was called with something it cannot use; exit code 2."""

    exit_code = 2
