"""What a brief for the therapist holds: gathered from a period's entries, item by item.

:func:`gather` is pure: from the entries of a period (and the parts and sessions) it
makes the items of each section, in order, each with a key the person can leave out
(``safety-2``, or a whole section: ``safety``). Nothing here reads a file except
:func:`collect`, and nothing decides what is written: the person does.

Safety items are marked as not seen by anyone at the time they were written: a journal
is not watched, and the brief says so beside each one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date

from partsjournal.core import care_record as rec
from partsjournal.core import dates
from partsjournal.core import messages as msg
from partsjournal.core import parts as parts_mod
from partsjournal.core import sessions as sessions_mod
from partsjournal.core import vocabulary as vocab
from partsjournal.core.answers import shorten
from partsjournal.core.care_record import CareItem
from partsjournal.core.entry import Entry
from partsjournal.core.errors import UsageError
from partsjournal.core.parts import Part
from partsjournal.core.sessions import Session
from partsjournal.core.wording import plural
from partsjournal.views import care_summary, measures, patterns, practices, search
from partsjournal.views import course as course_mod

# (key, heading), in the order the brief shows them
SECTIONS: tuple[tuple[str, str], ...] = (
    ("safety", "Safety record"),
    ("notes", "Notes for my therapist, and tender parts"),
    ("parts", "Parts I met, and how their roles changed"),
    ("promises", "Promises I made to parts"),
    ("measures", "Measures and their trend"),
    ("practices", "Practices and how they went"),
    ("flare-ups", "Flare-ups"),
    ("charts", "The course as pictures"),
)
SECTION_KEYS = tuple(k for k, _ in SECTIONS)
FLARE_AT = 8  # activation or distress from which a moment counts as a flare-up
NOT_SEEN = "not seen by anyone at the time"
FIREFIGHTER = "firefighter"
TEXT_LIMIT = 300


@dataclass
class Item:
    key: str  # "notes-2": how --exclude names it
    section: str
    day: date | None
    text: str  # one line in words (the person's words inside it are shown literally)
    safety: bool = False  # marked as not seen by anyone at the time
    care: CareItem | None = None  # a moment of an entry's care record (worded by render/)


@dataclass
class Brief:
    since: date
    until: date
    items: list[Item]
    course: course_mod.Course | None = None
    results: dict[str, list[measures.Result]] = field(default_factory=dict)
    session: Session | None = None  # the session the brief is for, when one was named
    left_out: list[Item] = field(default_factory=list)  # what the person chose to leave out

    def section(self, key: str) -> list[Item]:
        return [i for i in self.items if i.section == key]

    @property
    def safety_left_out(self) -> bool:
        """Whether any of the safety record was there to show and was left out."""
        return any(i.section == "safety" for i in self.left_out)


def leave_out(brief: Brief, keys: Iterable[str]) -> Brief:
    """``brief`` less the items (``safety-2``) or whole sections (``safety``) in ``keys``,
    remembering what was left out."""
    out = set(keys)
    kept = [i for i in brief.items if i.key not in out and i.section not in out]
    gone = [*brief.left_out, *(i for i in brief.items if i not in kept)]
    return replace(brief, items=kept, left_out=gone)


def check_keys(brief: Brief, keys: list[str]) -> list[str]:
    """The keys ``--exclude`` gives, each an item's key or a section's; refused otherwise."""
    known = {i.key for i in brief.items} | set(SECTION_KEYS)
    wrong = [k for k in keys if k.strip() not in known]
    if wrong:
        items = ", ".join(i.key for i in brief.items[:8]) + (
            ", ..." if len(brief.items) > 8 else ""
        )
        raise UsageError(
            msg.EXCLUDE_NAMES_NOTHING.format(
                wrong=wrong[0],
                sections=", ".join(k for k, _ in SECTIONS),
                items=items or msg.BRIEF_NO_ITEMS,
            )
        )
    return [k.strip() for k in keys]


def _day(d: date) -> str:
    return dates.short_day(d)


def _quote(text: str) -> str:
    return f"\u201c{shorten(text, TEXT_LIMIT)}\u201d"


def _number_items(items: list[Item]) -> list[Item]:
    counts: dict[str, int] = {}
    for item in items:
        counts[item.section] = counts.get(item.section, 0) + 1
        item.key = f"{item.section}-{counts[item.section]}"
    return items


def gather(
    entries: Iterable[Entry],
    registry: list[Part],
    since: date,
    until: date,
    *,
    course: course_mod.Course | None = None,
    session: Session | None = None,
    sessions: list[Session] | None = None,
) -> Brief:
    """Every item of the brief for the entries dated ``since``..``until``; ``sessions``
    (those the entries may follow) place the check-ins of a flare-up."""
    period = sorted((e for e in entries if since <= e.day <= until), key=lambda e: e.created)
    by_id = {p.id: p for p in registry}

    def part_name(e: Entry, part_id: str | None) -> str | None:
        live = parts_mod.live(part_id, by_id) if part_id else None
        if live is not None:
            return live.name
        return next((r.name for r in e.parts if r.id == part_id), None)

    def tender(part_id: str | None) -> bool:
        live = parts_mod.live(part_id, by_id) if part_id else None
        return live is not None and live.role == vocab.EXILE_PART_ROLE

    items: list[Item] = []
    results = measures.results(period)
    items += _safety(period, results)
    items += _notes(period, part_name, tender)
    items += _parts(period, part_name, by_id)
    items += _promises(period, part_name)
    grouped = measures.by_measure(results)
    items += [
        Item("", "measures", series[-1].day, f"{series[-1].title}: {_measure_line(series)}")
        for series in grouped.values()
    ]
    chosen, _ = practices.pair(period)
    for p in chosen:
        how = f": {p.outcome}" + (f" ({p.note})" if p.note else "") if p.outcome else ""
        items.append(
            Item(
                "",
                "practices",
                p.chosen.date(),
                f"{_day(p.chosen.date())}, {vocab.realm_label(p.realm)}: {_quote(p.text)}"
                f"{how or ', not followed up yet'}",
            )
        )
    items += _flare_ups(period, part_name, sessions)
    if course is not None and not course.empty:
        items.append(Item("", "charts", None, "Charts of my ratings and measures"))
    order = {k: n for n, k in enumerate(SECTION_KEYS)}
    items.sort(key=lambda i: order[i.section])  # stable: each section keeps its time order
    return Brief(since, until, _number_items(items), course, grouped, session)


def _measure_line(series: list[measures.Result]) -> str:
    def one(r: measures.Result) -> str:
        band = f" ({r.band}, {r.range})" if r.band else ""
        return f"{r.total} of {r.highest}{band} on {_day(r.day)}"

    if len(series) == 1:
        return one(series[0])
    return f"from {one(series[0])} to {one(series[-1])} ({len(series)} results)"


# the moments of a care record that belong in the safety record: a few words written while
# care held the run ("kept for you and your therapist", the hold's own promise) among them
_WORTH = (rec.SAFE, rec.RISK, rec.THOUGHTS, rec.GOING_ON, rec.NOTE)


def _worth(item: CareItem) -> bool:
    if item.kind == rec.RATING:
        return item.number is not None and item.number >= care_summary.HIGH
    if item.kind == rec.SAFE:
        return item.value is False
    if item.kind == rec.THOUGHTS:
        return item.value in (rec.IN_PASSING, rec.RIGHT_NOW)
    return item.kind in _WORTH


def _safety(period: list[Entry], results: list[measures.Result]) -> list[Item]:
    """From each entry's care record (care's own account of the run: not safe, a peak of 9
    or 10, a risk named, thoughts of ending one's life, what was going on), each moment
    dated; an entry written before there were care records gives its own "not safe" and
    high distress answers. A measure's safety item answered above its lowest is added."""
    out: list[Item] = []
    for e in period:
        title = e.title or e.exercise
        if e.care:
            out += [
                Item("", "safety", c.at.date(), title, safety=True, care=c)
                for c in e.care
                if _worth(c)
            ]
            continue
        for a in e.answers:
            if a.role == vocab.SAFETY and a.value is False:
                said = f"{_day(e.day)}, {title}: I said I did not feel safe"
                out.append(Item("", "safety", e.day, said, safety=True))
            elif a.role == vocab.DISTRESS and (a.number or 0) >= FLARE_AT:
                said = f"{_day(e.day)}, {title}: distress {a.number} of 10"
                out.append(Item("", "safety", e.day, said, safety=True))
    for r in results:
        for item, value in r.safety:
            said = (
                f"{_day(r.day)}, {r.title} item {item} (a safety question) answered {value}, "
                "above its lowest answer; it is shown apart from the total"
            )
            out.append(Item("", "safety", r.day, said, safety=True))
    return sorted(out, key=lambda i: i.day or date.min)


def _notes(
    period: list[Entry],
    part_name: Callable[[Entry, str | None], str | None],
    tender: Callable[[str | None], bool],
) -> list[Item]:
    out: list[Item] = []
    for e in period:
        for a in e.answers:
            if a.role == vocab.FOR_THERAPIST and a.text.strip():
                who = part_name(e, a.part)
                kind = "a tender part, " if tender(a.part) else ""
                about = f" (about {kind}{who})" if who else ""
                out.append(Item("", "notes", e.day, f"{_day(e.day)}{about}: {_quote(a.text)}"))
            elif a.role == vocab.SESSION_CONSENT and a.value is False:
                who = part_name(e, a.part) or "A part"
                said = f"{_day(e.day)}: {who} was not all right with the session going ahead"
                out.append(Item("", "notes", e.day, said))
            elif a.role == vocab.EXILE and a.kind == "part" and a.text.strip():
                who = part_name(e, a.part) or a.text.strip()
                said = f"{_day(e.day)}: a tender part came close, {who} ({e.title or e.exercise})"
                out.append(Item("", "notes", e.day, said))
    return out


@dataclass
class _Met:
    name: str
    role: str
    times: int = 0
    changes: list[str] = field(default_factory=list)


def _parts(
    period: list[Entry],
    part_name: Callable[[Entry, str | None], str | None],
    by_id: dict[str, Part],
) -> list[Item]:
    met: dict[str, _Met] = {}

    def key_of(part_id: str) -> str:
        live = parts_mod.live(part_id, by_id)
        return live.id if live else part_id

    for e in period:
        for ref in e.parts:
            live = parts_mod.live(ref.id, by_id) if ref.id else None
            seen = met.setdefault(
                key_of(ref.id) if ref.id else ref.name,
                _Met(live.name if live else ref.name, live.role if live else ""),
            )
            seen.times += 1
        for a in e.answers:
            found = met.get(key_of(a.part)) if a.part else None
            if found is None or not a.text.strip():
                continue
            if a.role == vocab.PART_NEW_ROLE:
                found.changes.append(f"new role {_quote(a.text)} ({_day(e.day)})")
            elif a.role == vocab.FEEL_TOWARD_AFTER:
                start = [
                    x.text for x in e.answers if x.role == vocab.FEEL_TOWARD and x.part == a.part
                ]
                moved = f"from {start[0]} to {a.text}" if start else f"at the close {a.text}"
                found.changes.append(f"how I felt toward it moved {moved} ({_day(e.day)})")
    out = []
    for seen in met.values():
        role = f", {seen.role}" if seen.role else ""
        line = f"{seen.name}{role}: met {plural(seen.times, 'time')}"
        if seen.changes:
            line += "; " + "; ".join(seen.changes)
        out.append(Item("", "parts", None, line))
    return out


def _promises(
    period: list[Entry], part_name: Callable[[Entry, str | None], str | None]
) -> list[Item]:
    """Promises to check in with a part after a session, and whether a check-in followed
    (an answer about that part in a later ``after-session``, whose step ids start ``how_``)."""
    out: list[Item] = []
    for e in period:
        for a in e.answers:
            if a.role != vocab.PROMISE or a.value is not True or not a.part:
                continue
            kept = [
                later.day
                for later in period
                if later.created > e.created
                and any(x.part == a.part and x.step.startswith("how_") for x in later.answers)
            ]
            done = f"; checked in on {_day(kept[0])}" if kept else "; no check-in written yet"
            who = part_name(e, a.part) or "a part"
            said = f"{_day(e.day)}: I promised {who} to check in with it after the session"
            out.append(Item("", "promises", e.day, said + done))
    return out


def _flare_ups(
    period: list[Entry],
    part_name: Callable[[Entry, str | None], str | None],
    sessions: list[Session] | None,
) -> list[Item]:
    """High activation, a firefighter met, a trailhead; and a flare-up as ``review`` names it
    (a realm low in two or more check-ins in the first two weeks after a session)."""
    out: list[Item] = []
    by_id = {e.id: e for e in period}
    for p in patterns.flare_ups(period, sessions or []):
        met = [by_id[i] for i in p.entries]
        realms = ", ".join(vocab.realm_label(r) for r in p.realms)
        said = (
            f"{_day(met[0].day)} to {_day(met[-1].day)}: {realms} at 1 or below in "
            f"{plural(len(met), 'check-in')} in the first two weeks after {p.session}"
        )
        out.append(Item("", "flare-ups", met[0].day, said))
    for e in period:
        title = e.title or e.exercise
        activation = e.activation()
        high = [
            f"activation {n} at the {where}"
            for n, where in zip(activation or (), ("start", "end"), strict=False)
            if n >= FLARE_AT
        ]
        who = part_name(e, e.parts[0].id) if e.parts else None
        about = f" ({who})" if who else ""
        if e.exercise == FIREFIGHTER or high:
            said = f"{_day(e.day)}, {title}{about}" + (f": {', '.join(high)}" if high else "")
            out.append(Item("", "flare-ups", e.day, said))
        for a in e.answers:
            if a.role == vocab.TRAILHEAD and a.text.strip():
                noted = part_name(e, a.part)
                whose = f" ({noted})" if noted else ""
                said = f"{_day(e.day)}, a moment that stirred a part{whose}: {_quote(a.text)}"
                out.append(Item("", "flare-ups", e.day, said))
    return sorted(out, key=lambda i: i.day or date.min)


def collect(
    since: date,
    until: date,
    *,
    session: Session | None = None,
    warn: Callable[[str], None] | None = None,
) -> Brief:
    """Read the period's entries, and for the charts the course it falls in (from its
    start, when that is earlier), then gather."""
    marks = course_mod.around(until) or course_mod.around(since)
    start = min(course_mod.span(marks, until)[0], since) if marks else since
    read = list(search.history(start, until, warn=warn).entries())
    if not marks:
        marks = [s for s in sessions_mod.around(since, until) if since <= s.date <= until]
    pictures = course_mod.build(read, marks, start, until, whole=start < since)
    return gather(
        [e for e in read if e.day >= since],
        parts_mod.load_all(include_merged=True),
        since,
        until,
        course=pictures,
        session=session,
        sessions=sessions_mod.around(since, until, warn=warn),
    )
