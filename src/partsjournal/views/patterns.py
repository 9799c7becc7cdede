"""Patterns worth telling a therapist about: said gently, never a diagnosis.

Four things are noticed, from what was written and nothing else:

- an integration check-in with every realm rated :data:`REALM_LOW` or below
  ("raw or flooded", "cut off");
- a Self-energy check with every quality at :data:`SELF_LOW` or below;
- activation at :data:`ACTIVATION_HIGH` or more in :data:`RUN` entries in a row;
- a flare-up: one realm at :data:`REALM_LOW` or below in :data:`FLARE_RUN` or more
  check-ins on days :data:`FLARE_DAYS` after the same session.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from partsjournal.core import vocabulary as vocab
from partsjournal.core.entry import Entry
from partsjournal.core.sessions import Session, days_after, placement

REALM_LOW = 1
SELF_LOW = 2
ACTIVATION_HIGH = 8
RUN = 3
FLARE_RUN = 2  # check-ins with the same realm low, in the first days after a session
FLARE_DAYS = (1, 14)  # the days after a session that are watched for a flare-up

LOW_REALMS, LOW_SELF, HIGH_ACTIVATION = "low-realms", "low-self", "high-activation"
FLARE_UP = "flare-up"


@dataclass
class Pattern:
    kind: str  # one of LOW_REALMS, LOW_SELF, HIGH_ACTIVATION, FLARE_UP
    entries: list[str]  # the ids of the entries that show it, oldest first
    session: str | None = None  # "session 2" when every one of them was after that session
    realms: list[str] = field(default_factory=list)  # a flare-up's low realms, in realm order


def _numbers(entry: Entry, wanted: str) -> list[int]:
    out = []
    for a in entry.answers:
        family, _ = vocab.split(a.role)
        if family == wanted and (n := a.number) is not None:
            out.append(n)
    return out


def low_realms(entry: Entry) -> bool:
    """Every realm rated in this entry was at 0-1."""
    found = _numbers(entry, vocab.REALM_RATING)
    return bool(found) and max(found) <= REALM_LOW


def low_self(entry: Entry) -> bool:
    """Every Self-energy quality rated in this entry was at 0-2."""
    found = _numbers(entry, vocab.SELF)
    return len(found) >= 2 and max(found) <= SELF_LOW


def level(entry: Entry) -> int | None:
    """Activation as the entry ended: the last "after" rating, else the first "before"."""
    after = [n for a in entry.by_role(vocab.ACTIVATION_AFTER) if (n := a.number) is not None]
    before = [n for a in entry.by_role(vocab.ACTIVATION_BEFORE) if (n := a.number) is not None]
    return after[-1] if after else (before[0] if before else None)


def high_run(entries: Sequence[Entry]) -> list[Entry]:
    """The latest run of :data:`RUN` or more rated entries in a row at 8 or more (else [])."""
    rated = [e for e in sorted(entries, key=lambda e: (e.created, e.id)) if level(e) is not None]
    run: list[Entry] = []
    latest: list[Entry] = []
    for e in rated:
        run = [*run, e] if (level(e) or 0) >= ACTIVATION_HIGH else []
        if len(run) >= RUN:
            latest = run
    return latest


def low_realms_in(entry: Entry) -> list[str]:
    """The realms rated :data:`REALM_LOW` or below in this entry, in realm order."""
    low = []
    for realm in vocab.REALM_KEYS:
        rated = [n for a in entry.by_role(vocab.realm_role(vocab.REALM_RATING, realm))
                 if (n := a.number) is not None]  # fmt: skip
        if rated and min(rated) <= REALM_LOW:
            low.append(realm)
    return low


def flare_ups(entries: Sequence[Entry], sessions: list[Session]) -> list[Pattern]:
    """Per session: the realms low in :data:`FLARE_RUN` or more check-ins on days
    :data:`FLARE_DAYS` after it, with those check-ins."""
    first, last = FLARE_DAYS
    found: dict[str, tuple[Session, dict[str, list[str]]]] = {}
    for e in sorted(entries, key=lambda e: (e.created, e.id)):
        s, phase = placement(e, sessions)
        if s is None or phase != "after" or not first <= days_after(s.date, e.created) <= last:
            continue
        for realm in low_realms_in(e):
            found.setdefault(s.id, (s, {}))[1].setdefault(realm, []).append(e.id)
    out = []
    for s, by_realm in found.values():
        realms = [r for r, ids in by_realm.items() if len(ids) >= FLARE_RUN]
        if realms:
            ids = {i for r in realms for i in by_realm[r]}
            ordered = [
                e.id for e in sorted(entries, key=lambda e: (e.created, e.id)) if e.id in ids
            ]
            out.append(
                Pattern(FLARE_UP, ordered, s.name, [r for r in vocab.REALM_KEYS if r in realms])
            )
    return out


def _after_one_session(found: list[Entry], sessions: list[Session]) -> str | None:
    placed = (placement(e, sessions) for e in found)
    places = {(s.name if s else None, phase) for s, phase in placed}
    if len(places) == 1:
        name, phase = next(iter(places))
        if name is not None and phase == "after":
            return name
    return None


def find(entries: Sequence[Entry], sessions: list[Session]) -> list[Pattern]:
    """The patterns among ``entries`` (one period), each with its entries. A check-in that
    is part of a flare-up is named there only, the stronger of the two (worth telling the
    therapist now), not again among the check-ins with every realm low."""
    ordered = sorted(entries, key=lambda e: (e.created, e.id))
    flares = flare_ups(ordered, sessions)
    in_flare = {i for p in flares for i in p.entries}
    out = []
    for kind, test in ((LOW_REALMS, low_realms), (LOW_SELF, low_self)):
        found = [e for e in ordered if test(e) and not (kind == LOW_REALMS and e.id in in_flare)]
        if found:
            out.append(Pattern(kind, [e.id for e in found], _after_one_session(found, sessions)))
    run = high_run(ordered)
    if run:
        out.append(Pattern(HIGH_ACTIVATION, [e.id for e in run], _after_one_session(run, sessions)))
    return out + flares


def in_entry(entry: Entry) -> list[str]:
    """What a just-saved entry shows on its own (an integrate or self-check entry)."""
    return [k for k, test in ((LOW_REALMS, low_realms), (LOW_SELF, low_self)) if test(entry)]
