"""The plan for the day of a session: what ``prepare`` entries say, gathered on one page.

A session's plan reads the ``prepare`` entries placed before it (by the one placement rule,
:func:`sessions.placement`): every intention, what the parts asked for (``part-needs``),
the parts promised a check-in (``promise``) and those not all right with the session going
ahead (``session-consent`` no), then the checklist for the day (``session-plan``) and the
people and grounding (``support-plan``). A later answer to the same checklist question
replaces an earlier one, so preparing again updates the plan. Plans are read, never stored.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from partsjournal.core import parts, sessions
from partsjournal.core import vocabulary as vocab
from partsjournal.core.answers import AnswerValue
from partsjournal.core.entry import Entry
from partsjournal.core.sessions import Session
from partsjournal.views import search

PREPARE = "prepare"


@dataclass
class Item:
    """One line of the checklist or of the support plan: the question's id, as it was
    asked, and the answer (text, or yes/no)."""

    step: str
    prompt: str
    value: AnswerValue


@dataclass
class Plan:
    session: Session | None
    intentions: list[str] = field(default_factory=list)
    needs: list[tuple[str, str]] = field(default_factory=list)  # (part id, what it asked for)
    promised: list[str] = field(default_factory=list)  # part ids
    session_no: list[str] = field(default_factory=list)  # parts not all right with it
    day: list[Item] = field(default_factory=list)
    support: list[Item] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # part id -> its name now

    @property
    def empty(self) -> bool:
        return not (self.intentions or self.needs or self.promised or self.day or self.support)

    def name(self, part_id: str) -> str:
        return self.names.get(part_id, part_id)


def _text(value: AnswerValue) -> str:
    return value.strip() if isinstance(value, str) else ""


def _add(found: list[str], item: str) -> None:
    if item and item not in found:
        found.append(item)


def gather(entries: Iterable[Entry], session: Session | None) -> Plan:
    """The plan ``entries`` (``prepare`` entries, oldest first) make together."""
    plan = Plan(session)
    day: dict[str, Item] = {}
    support: dict[str, Item] = {}
    ids: list[str] = []
    for item in sorted(entries, key=lambda e: (e.created, e.id)):
        for a in item.answers:
            if a.role == vocab.INTENTION:
                _add(plan.intentions, _text(a.value))
            elif a.role == vocab.PART_NEEDS and a.part and _text(a.value):
                if (a.part, _text(a.value)) not in plan.needs:
                    plan.needs.append((a.part, _text(a.value)))
            elif a.role == vocab.PROMISE and a.value is True and a.part:
                _add(plan.promised, a.part)
            elif a.role == vocab.SESSION_CONSENT and a.value is False and a.part:
                _add(plan.session_no, a.part)
            elif a.role == vocab.SESSION_PLAN:
                day[a.step] = Item(a.step, a.prompt, a.value)
            elif a.role == vocab.SUPPORT_PLAN and _text(a.value):
                support[a.step] = Item(a.step, a.prompt, a.value)
            if a.part:
                _add(ids, a.part)
    plan.day, plan.support = list(day.values()), list(support.values())
    plan.names = parts.current_names(ids)
    return plan


def for_session(session: Session) -> Plan:
    """The plan the ``prepare`` entries before ``session`` make."""
    near = sessions.around(session.date, session.date, ids=[session.id])
    since = session.date - timedelta(days=sessions.BEFORE_WINDOW_DAYS)
    found = []
    for item in search.history(since, session.date).entries():
        if item.exercise != PREPARE:
            continue
        placed, phase = sessions.placement(item, near)
        if placed is not None and placed.id == session.id and phase == "before":
            found.append(item)
    return gather(found, session)


def for_entry(saved: Entry) -> Plan:
    """The plan after a ``prepare`` entry is saved: its session's, or the entry's own when
    it belongs to no session."""
    if saved.session is not None and saved.phase == "before":
        found = sessions.around(saved.day, saved.day, ids=[saved.session])
        session = next((s for s in found if s.id == saved.session), None)
        if session is not None:
            return for_session(session)
    return gather([saved], None)


def chosen_session(ref: str | None, found: list[Session], now: datetime) -> Session:
    """The session ``session plan`` is about: ``ref``, else the next one still to come at
    ``now``, else the latest (``found`` is every session, in date order, not empty)."""
    if ref is not None:
        return sessions.find(ref, found)
    coming = [s for s in found if sessions.still_ahead(s, now)]
    return coming[0] if coming else found[-1]
