"""Checking a hand-edited entry before it replaces the original.

The edit is made on a private copy; only a copy that still reads as an entry
with the same id, a date on the same day and no lower ``schema`` is written
back (atomically, byte for byte as the person saved it, comments included).
"""

from __future__ import annotations

from pathlib import Path

from partsjournal.core.entry import Entry, from_dict
from partsjournal.core.errors import JournalError
from partsjournal.core.store import UnreadableFile, atomic_write, read_toml


class BrokenEdit(JournalError):
    """The edited copy cannot replace the entry; the original is kept."""


KEPT = "your entry is unchanged"


def check(original: Entry, copy: Path, path: Path) -> Entry:
    """The entry the edited copy describes, or :class:`BrokenEdit` saying why not."""
    try:
        edited = from_dict(read_toml(copy), path)
    except UnreadableFile as exc:
        raise BrokenEdit(f"The edit was not saved because {exc.reason}; {KEPT}.") from None
    if edited.id != original.id:
        raise BrokenEdit(f"The id must stay {original.id} because it names the file; {KEPT}.")
    if edited.day != original.day:
        raise BrokenEdit(
            f"'created' must stay on {original.day}, the day in the entry's id "
            f"(to date an entry differently, write a new one with --at); {KEPT}."
        )
    if edited.schema < original.schema:
        raise BrokenEdit(
            f"'schema' cannot go down from {original.schema} to {edited.schema}; {KEPT}."
        )
    return edited


def save(original: Entry, copy: Path, path: Path) -> Entry | None:
    """Replace the entry at ``path`` with the edited copy; None when nothing changed."""
    raw = copy.read_bytes()
    if raw == path.read_bytes():
        return None
    edited = check(original, copy, path)
    atomic_write(path, raw)
    return edited
