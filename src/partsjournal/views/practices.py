"""The small practices chosen in ``integrate``, and how they went.

A practice is an answer with the role ``practice:<realm>`` in an ``integrate``
entry. Its outcome is the ``practice-outcome:<realm>`` answer (and
``practice-note:<realm>``) in the next entry that followed it up: the next
``integrate`` entry, or a ``practice-check`` entry saved by
``partsjournal practices`` in between. Follow-ups are matched by time order,
so entries need no extra fields.

This module reads entries only (no pydantic), so listing stays light.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from partsjournal.core import entry, paths
from partsjournal.core.entry import Entry
from partsjournal.core.store import UnreadableFile

INTEGRATE = "integrate"
CHECK = "practice-check"
REALMS = ("body", "mind", "emotion", "spirit", "balance")
OUTCOMES = ("did it", "partly", "not yet")


@dataclass
class Practice:
    realm: str
    text: str
    chosen: datetime
    entry_id: str
    outcome: str | None = None
    note: str = ""


def chosen(item: Entry) -> list[Practice]:
    """The non-empty practices chosen in one entry, in realm order."""
    found = []
    for realm in REALMS:
        for answer in item.by_role(f"practice:{realm}"):
            if isinstance(answer.value, str) and answer.value.strip():
                found.append(Practice(realm, answer.value.strip(), item.created, item.id))
    return found


def outcomes(item: Entry) -> dict[str, tuple[str, str]]:
    """realm -> (outcome, note) for the follow-up answers in one entry."""
    out: dict[str, tuple[str, str]] = {}
    for realm in REALMS:
        got = item.by_role(f"practice-outcome:{realm}")
        if got and isinstance(got[0].value, str):
            notes = item.by_role(f"practice-note:{realm}")
            note = notes[0].value if notes and isinstance(notes[0].value, str) else ""
            out[realm] = (got[0].value, note.strip())
    return out


def _files_backwards(until: date) -> Iterator[Path]:
    """Entry files on or before ``until``, newest first, one month folder at a time."""
    root = paths.entries_dir()
    years = [int(p.name) for p in root.iterdir() if p.is_dir() and p.name.isdigit()]
    if not years:
        return
    earliest = min(years)
    year, month = until.year, until.month
    while year >= earliest:
        first = date(year, month, 1)
        yield from reversed(entry.entry_files(first, min(until, _month_end(first))))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)


def _month_end(first: date) -> date:
    nxt = date(first.year + 1, 1, 1) if first.month == 12 else date(first.year, first.month + 1, 1)
    return date.fromordinal(nxt.toordinal() - 1)


def last_integrate(before: datetime) -> tuple[Entry | None, set[str]]:
    """The most recent ``integrate`` entry earlier than ``before``, and the realms
    whose practices were already followed up after it.

    Walks back from ``before`` and stops at the first such entry, so only the
    entries since the last check-in are read, never the whole journal.
    """
    answered: set[str] = set()
    if not paths.entries_dir().is_dir():
        return None, answered
    for f in _files_backwards(before.date()):
        try:
            item = entry.load(f)
        except UnreadableFile:
            continue
        if item.created >= before:
            continue
        if item.exercise == INTEGRATE:
            return item, answered
        answered |= set(outcomes(item))
    return None, answered


def pending(before: datetime) -> tuple[Entry | None, list[Practice]]:
    """Last check-in's practices that have not been followed up yet."""
    source, answered = last_integrate(before)
    if source is None:
        return None, []
    return source, [p for p in chosen(source) if p.realm not in answered]


def history(since: date, *, warn: Callable[[str], None] | None = None) -> list[Practice]:
    """Practices chosen since ``since`` with their outcomes, oldest first."""
    found: list[Practice] = []
    open_: dict[str, Practice] = {}
    for item in entry.load_range(since, warn=warn):
        for realm, (outcome, note) in outcomes(item).items():
            if realm in open_:
                open_[realm].outcome, open_[realm].note = outcome, note
                del open_[realm]
        if item.exercise == INTEGRATE:
            new = chosen(item)
            found.extend(new)
            open_ = {p.realm: p for p in new}
    return found


def rating_changes(earlier: Entry, later: Entry) -> list[tuple[str, int, int]]:
    """(realm, then, now) for every realm rated in both entries."""
    changes = []
    for realm in REALMS:
        a = earlier.by_role(f"realm-rating:{realm}")
        b = later.by_role(f"realm-rating:{realm}")
        if a and b and isinstance(a[0].value, int) and isinstance(b[0].value, int):
            changes.append((realm, a[0].value, b[0].value))
    return changes
