"""The small practices chosen in ``integrate``, and how they went.

A practice is an answer with the role ``practice:<realm>`` in an ``integrate``
entry. Its outcome is the ``practice-outcome:<realm>`` answer (and
``practice-note:<realm>``) in the next entry that followed it up: the next
``integrate`` entry, or a ``practice-check`` entry saved by
``partsjournal practices`` in between. :func:`pair` is the one place that
matches them, by time order, so entries need no extra fields.

This module reads entries only (no pydantic), so listing stays light.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime

from partsjournal.core import entry, layout
from partsjournal.core import vocabulary as vocab
from partsjournal.core.entry import Entry
from partsjournal.core.store import UnreadableFile
from partsjournal.views import search

INTEGRATE = "integrate"
CHECK = "practice-check"


@dataclass
class Practice:
    realm: str
    text: str
    chosen: datetime
    entry_id: str
    outcome: str | None = None
    note: str = ""


@dataclass
class FollowUp:
    """One "how did it go" answer, and the practice it is about (when known)."""

    entry: Entry
    realm: str
    outcome: str
    note: str
    practice: Practice | None


def chosen(item: Entry) -> list[Practice]:
    """The non-empty practices chosen in one entry, in realm order."""
    found = []
    for realm in vocab.REALM_KEYS:
        for answer in item.by_role(vocab.realm_role(vocab.PRACTICE, realm)):
            if isinstance(answer.value, str) and answer.value.strip():
                found.append(Practice(realm, answer.value.strip(), item.created, item.id))
    return found


def outcomes(item: Entry) -> dict[str, tuple[str, str]]:
    """realm -> (outcome, note) for the follow-up answers in one entry."""
    out: dict[str, tuple[str, str]] = {}
    for realm in vocab.REALM_KEYS:
        got = item.by_role(vocab.realm_role(vocab.PRACTICE_OUTCOME, realm))
        if got and isinstance(got[0].value, str):
            notes = item.by_role(vocab.realm_role(vocab.PRACTICE_NOTE, realm))
            note = notes[0].value if notes and isinstance(notes[0].value, str) else ""
            out[realm] = (got[0].value, note.strip())
    return out


def pair(entries: Iterable[Entry]) -> tuple[list[Practice], list[FollowUp]]:
    """Every practice chosen in ``entries`` (time order) with its outcome, and every
    follow-up with the practice it answers.

    A follow-up answers the practice of its realm chosen in the latest
    ``integrate`` before it that has not been followed up yet; a new check-in's
    practices replace the ones still open.
    """
    found: list[Practice] = []
    follow_ups: list[FollowUp] = []
    open_: dict[str, Practice] = {}
    for item in entries:
        for realm, (outcome, note) in outcomes(item).items():
            practice = open_.pop(realm, None)
            if practice is not None:
                practice.outcome, practice.note = outcome, note
            follow_ups.append(FollowUp(item, realm, outcome, note, practice))
        if item.exercise == INTEGRATE:
            new = chosen(item)
            found.extend(new)
            open_ = {p.realm: p for p in new}
    return found, follow_ups


def last_integrate(before: datetime) -> tuple[Entry | None, set[str]]:
    """The most recent ``integrate`` entry earlier than ``before``, and the realms
    whose practices were already followed up after it.

    Walks back from ``before`` and stops at the first such entry, so only the
    entries since the last check-in are read, never the whole journal.
    """
    answered: set[str] = set()
    for f in layout.files_backwards(before.date()):
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


def due(source: Entry | None, waiting: list[Practice], now: datetime) -> list[Practice]:
    """The :func:`pending` practices that can be asked about ``now``: not those chosen
    today, since nobody can say how a practice went on the day they chose it."""
    if source is None or source.day >= now.date():
        return []
    return waiting


def history(since: date, *, warn: Callable[[str], None] | None = None) -> list[Practice]:
    """Practices chosen since ``since`` with their outcomes, oldest first."""
    found, _ = pair(search.history(since, warn=warn).entries())
    return found


def rating_changes(earlier: Entry, later: Entry) -> list[tuple[str, int, int]]:
    """(realm, then, now) for every realm rated in both entries."""
    changes = []
    for realm in vocab.REALM_KEYS:
        role = vocab.realm_role(vocab.REALM_RATING, realm)
        a = [n for x in earlier.by_role(role) if (n := x.number) is not None]
        b = [n for x in later.by_role(role) if (n := x.number) is not None]
        if a and b:
            changes.append((realm, a[0], b[0]))
    return changes
