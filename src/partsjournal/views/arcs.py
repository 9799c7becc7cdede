"""A session's arc: the entries that prepare for it and those that integrate it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Generic, TypeVar

from partsjournal.core import vocabulary as vocab
from partsjournal.core.entry import Entry
from partsjournal.core.index_rows import Row
from partsjournal.core.sessions import ARC_STAGES, Session

T = TypeVar("T", Row, Entry)


@dataclass
class Arc(Generic[T]):
    """One session and the entries around it, each list in time order."""

    session: Session
    before: list[T]
    after: list[T]
    # notes for the therapist written since the previous session, to bring to this one
    bring: list[Note] = field(default_factory=list)
    # on the latest session: notes written since it, to bring to the next one
    bring_next: list[Note] = field(default_factory=list)


@dataclass
class Stage:
    """One stretch of the integration arc after a session, with its entries."""

    label: str
    about: str
    first: date
    last: date
    entries: list[Row]


@dataclass
class Note:
    """One note for the therapist: the entry it is in, its words, the part it is about."""

    entry: Entry
    text: str
    part: str | None


def arcs(sessions: list[Session], rows: list[Row]) -> dict[str, Arc[Row]]:
    """Every session's preparation and integration entries, by session id.

    Each row carries the session and phase :func:`sessions.placement` gave it.
    """
    out: dict[str, Arc[Row]] = {s.id: Arc(s, [], []) for s in sessions}
    for row in sorted(rows, key=lambda r: (r.created, r.id)):
        arc = out.get(row.session) if row.session else None
        if arc is None:
            continue
        (arc.before if row.phase == "before" else arc.after).append(row)
    return out


def read(arc: Arc[Row], load: Callable[[Row], Entry]) -> Arc[Entry]:
    """The same arc with its entries read in full."""
    return Arc(arc.session, [load(r) for r in arc.before], [load(r) for r in arc.after])


def first(arc: Arc[T], limit: int | None) -> tuple[Arc[T], int]:
    """The arc cut to its first ``limit`` entries in time order (the preparation, then the
    first days after), and how many were left out; None keeps them all."""
    if limit is None:
        return arc, 0
    before = arc.before[:limit]
    after = arc.after[: limit - len(before)]
    left = len(arc.before) + len(arc.after) - len(before) - len(after)
    return replace(arc, before=before, after=after), left


def reach(session: Session, sessions: list[Session]) -> tuple[date | None, date | None]:
    """The days whose entries :func:`with_notes` looks at for ``session`` (None: no
    limit), so only those need to be read in full: from the previous session's day
    up to the day before this one, and on from this one when it is the latest."""
    ordered = sorted(sessions, key=lambda s: (s.date, s.id))
    at = next(i for i, s in enumerate(ordered) if s.id == session.id)
    first = ordered[at - 1].date if at > 0 else None
    if at == len(ordered) - 1:
        return first, None
    return first, session.date - timedelta(days=1)


def with_notes(arc: Arc[Entry], sessions: list[Session], entries: list[Entry]) -> Arc[Entry]:
    """Fill ``arc``'s notes for the therapist: those written from the previous
    session's day up to the day before this one, and, when no later session is
    recorded, those written from this session's day on."""
    ordered = sorted(sessions, key=lambda s: (s.date, s.id))
    at = next(i for i, s in enumerate(ordered) if s.id == arc.session.id)
    start = ordered[at - 1].date if at > 0 else date.min
    arc.bring = notes(entries, start, arc.session.date)
    if at == len(ordered) - 1:
        arc.bring_next = notes(entries, arc.session.date, date.max)
    return arc


def notes(entries: list[Entry], since: date, before: date) -> list[Note]:
    """Every non-empty ``for-therapist`` answer of entries dated ``since <= day < before``."""
    out = []
    for item in sorted(entries, key=lambda e: (e.created, e.id)):
        if not since <= item.day < before:
            continue
        names = {ref.id: ref.name for ref in item.parts}
        for answer in item.answers:
            if answer.role == vocab.FOR_THERAPIST and answer.text.strip():
                out.append(Note(item, answer.text.strip(), names.get(item.part_of(answer) or "")))
    return out


def stages(session: Session, rows: list[Row]) -> list[Stage]:
    """The integration arc of ``session``: each stage's days and the entries written
    then that belong to this session (or to none, for the look back after 60 days),
    as the one placement rule placed them (:attr:`Row.session`)."""
    ordered = sorted(rows, key=lambda r: (r.created, r.id))
    out = []
    for first, last, label, about in ARC_STAGES:
        start = session.date + timedelta(days=first)
        end = session.date + timedelta(days=last)
        found = [
            r
            for r in ordered
            if start <= r.day <= end and (r.session is None or r.session == session.id)
        ]
        out.append(Stage(label, about, start, end, found))
    return out
