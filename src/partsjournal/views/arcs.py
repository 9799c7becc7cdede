"""A session's arc: the entries that prepare for it and those that integrate it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from partsjournal.core.entry import Entry
from partsjournal.core.indexrows import Row
from partsjournal.core.sessions import Session

T = TypeVar("T", Row, Entry)


@dataclass
class Arc(Generic[T]):
    """One session and the entries around it, each list in time order."""

    session: Session
    before: list[T]
    after: list[T]


def read(arc: Arc[Row], load: Callable[[Row], Entry]) -> Arc[Entry]:
    """The same arc with its entries read in full."""
    return Arc(arc.session, [load(r) for r in arc.before], [load(r) for r in arc.after])


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
