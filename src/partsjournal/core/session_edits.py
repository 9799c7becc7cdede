"""Changing or removing a recorded session (``session edit`` and ``session remove``).

A session's id names its file, and entries that were linked to it carry that id.
Changing only its kind or label rewrites the session's own file and keeps the id.
A new date gives the session a new file (its name starts with the date, so the
session keeps its place in the order), made the same way :func:`sessions.add`
makes any session, and the entries that carried the old id carry the new one.
Removing a session leaves every entry as it is.
"""

from __future__ import annotations

from datetime import date, datetime, time

from partsjournal.core import layout, sessions
from partsjournal.core.sessions import Session
from partsjournal.core.store import UnreadableFile, read_toml, write_toml


def relabel(
    session: Session,
    *,
    kind: str | None = None,
    label: str | None = None,
    starts: time | None = None,
    clear_time: bool = False,
) -> Session:
    """Change a session's kind, label or time of day in its own file; the id stays."""
    path = sessions.session_path(session.id)
    data = read_toml(path)
    if starts is not None:
        data["time"] = starts
    elif clear_time:
        data.pop("time", None)
    if kind is not None:
        data["kind"] = kind.strip() or "ketamine"
    if label is not None:
        data.pop("label", None)
        if label.strip():
            data["label"] = label.strip()
    write_toml(path, data)
    return sessions.find(session.id)


def move(session: Session, day: date, *, now: datetime) -> tuple[Session, int]:
    """Give ``session`` the date ``day``: a new session file first, then each entry
    that carries the old id carries the new one, then the old file goes. Returns the
    moved session and how many entries were rewritten to follow it."""
    moved = sessions.add(
        day,
        kind=session.kind,
        label=session.label,
        created=session.created or now,
        starts=session.time,
    )
    followed = relink(session.id, moved.id)
    sessions.session_path(session.id).unlink()
    return sessions.find(moved.id), followed


def relink(old_id: str, new_id: str) -> int:
    """Entries whose ``session`` is ``old_id`` now say ``new_id``; unreadable files are
    left alone. Every entry is looked at, since ``--session`` can link any date."""
    count = 0
    for path in layout.entry_files():
        try:
            data = read_toml(path)
        except UnreadableFile:
            continue
        if data.get("session") == old_id:
            data["session"] = new_id
            write_toml(path, data)
            count += 1
    return count


def remove(session: Session) -> None:
    """Delete the session's file; entries are never touched."""
    sessions.session_path(session.id).unlink()
