"""The course as pictures: what was rated across a course of sessions, as dated series.

A course is a run of sessions each within :data:`COURSE_GAP_DAYS` of the one before it;
it spans from the preparation window before its first session to the integration window
after its last (:func:`span`). :func:`build` is pure: from entries it makes one series per
realm rating, the Self-energy average, activation at the start and at the end of each
exercise, and each measure's total, with the sessions marked, for ``render/charts``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from partsjournal.core import sessions as sessions_mod
from partsjournal.core import vocabulary as vocab
from partsjournal.core.entry import Entry
from partsjournal.core.sessions import AFTER_WINDOW_DAYS, BEFORE_WINDOW_DAYS, Session
from partsjournal.views import measures, search

COURSE_GAP_DAYS = AFTER_WINDOW_DAYS  # a session this close to the one before it: one course
# the charts of a longer course (monthly sessions for years) show its last four months
REACH_DAYS = 120


@dataclass
class Series:
    """One chart: a label in words, its scale, and its dated values in time order."""

    key: str  # "realm:body", "self", "activation-before", "measure:phq-9"
    label: str
    low: int
    high: int
    points: list[tuple[date, float]] = field(default_factory=list)
    bands: list[str] = field(default_factory=list)  # each point's band (measures only)

    @property
    def first(self) -> tuple[date, float]:
        return self.points[0]

    @property
    def latest(self) -> tuple[date, float]:
        return self.points[-1]


@dataclass
class Course:
    since: date
    until: date
    sessions: list[Session]  # the sessions on these days (numbered as everywhere)
    series: list[Series]
    whole: bool = False  # the whole course (else the days a review reads)

    @property
    def empty(self) -> bool:
        return not any(s.points for s in self.series)


def of_sessions(found: list[Session], day: date) -> list[Session]:
    """The course ``day`` falls in (from the preparation window before its first session to
    the integration window after its last), out of ``found`` in date order; [] if none."""
    courses: list[list[Session]] = []
    for s in sorted(found, key=lambda s: (s.date, s.id)):
        if courses and (s.date - courses[-1][-1].date).days <= COURSE_GAP_DAYS:
            courses[-1].append(s)
        else:
            courses.append([s])
    for course in courses:
        since, until = window(course)
        if since <= day <= until:
            return course
    return []


def window(course: list[Session]) -> tuple[date, date]:
    return (
        course[0].date - timedelta(days=BEFORE_WINDOW_DAYS),
        course[-1].date + timedelta(days=AFTER_WINDOW_DAYS),
    )


def around(day: date) -> list[Session]:
    """The course ``day`` falls in, numbered as everywhere, from the sessions folder's
    listing alone (no session file is read for it)."""
    marks = [
        Session(id=d.isoformat(), date=d, number=n)
        for n, d in enumerate(sessions_mod.dates(), start=1)
    ]
    return of_sessions(marks, day)


def span(course: list[Session], until: date) -> tuple[date, date]:
    """The days a course's charts cover, ending no later than ``until`` (today, or the
    end of a review), and at most its last :data:`REACH_DAYS`."""
    since, end = window(course)
    end = max(since, min(end, until))
    return max(since, end - timedelta(days=REACH_DAYS - 1)), end


def build(
    entries: Iterable[Entry],
    course: list[Session],
    since: date,
    until: date,
    *,
    whole: bool = False,
) -> Course:
    """The series of the entries dated ``since``..``until`` (see the module's description)."""
    realms = {
        r: Series(f"realm:{r}", f"{label} rating", 0, 10) for r, label in vocab.REALMS.items()
    }
    self_energy = Series("self", "Self-energy (average of the qualities)", 0, 10)
    start = Series(vocab.ACTIVATION_BEFORE, "Activation at the start", 0, 10)
    end = Series(vocab.ACTIVATION_AFTER, "Activation at the end", 0, 10)
    kept: list[Entry] = []
    for e in sorted(entries, key=lambda e: (e.created, e.id)):
        if not since <= e.day <= until:
            continue
        kept.append(e)
        qualities = []
        for a in e.answers:
            realm = vocab.realm_of(a.role, vocab.REALM_RATING)
            if realm is not None and a.number is not None:
                realms[realm].points.append((e.day, a.number))
            elif vocab.quality_of(a.role) is not None and a.number is not None:
                qualities.append(a.number)
        if qualities:
            self_energy.points.append((e.day, round(sum(qualities) / len(qualities), 1)))
        activation = e.activation()
        if activation is not None:
            start.points.append((e.day, activation[0]))
            end.points.append((e.day, activation[1]))
    found = [*realms.values(), self_energy, start, end]
    for name, results in measures.by_measure(measures.results(kept)).items():
        last = results[-1]
        series = Series(f"measure:{name}", f"{last.title} total", last.lowest, last.highest)
        series.points = [(r.day, r.total) for r in results]
        series.bands = [r.band for r in results]
        found.append(series)
    shown = [s for s in course if since <= s.date <= until]
    return Course(since, until, shown, [s for s in found if s.points], whole)


def collect(
    day: date,
    *,
    until: date,
    history: search.History | None = None,
    warn: Callable[[str], None] | None = None,
) -> Course | None:
    """The charts of the course ``day`` falls in, up to ``until``; None when it is in none.
    Reads only the entries of the days shown (at most :data:`REACH_DAYS`): from ``history``
    when the command has one at hand (the index, already checked), else from their files."""
    course = around(day)
    if not course:
        return None
    since, end = span(course, until)
    if history is not None:
        rows = [r for r in history.rows if since <= r.day <= end]
        return build(history.entries(rows), course, since, end, whole=True)
    read = search.history(since, end, warn=warn).entries()
    return build(read, course, since, end, whole=True)
