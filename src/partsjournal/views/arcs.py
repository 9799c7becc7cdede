"""A session's arc: the entries that prepare for it and those that integrate it."""

from __future__ import annotations

from dataclasses import dataclass

from partsjournal.core.entry import Entry
from partsjournal.core.sessions import Session, placement


@dataclass
class Arc:
    """One session and the entries around it, each list in time order."""

    session: Session
    before: list[Entry]
    after: list[Entry]


def arcs(sessions: list[Session], entries: list[Entry]) -> dict[str, Arc]:
    """Every session's preparation and integration entries, by session id."""
    out = {s.id: Arc(s, [], []) for s in sessions}
    for item in sorted(entries, key=lambda e: (e.created, e.id)):
        session, phase = placement(item, sessions)
        if session is None:
            continue
        arc = out[session.id]
        (arc.before if phase == "before" else arc.after).append(item)
    return out
