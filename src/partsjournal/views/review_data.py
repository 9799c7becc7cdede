"""What a review says: its records, and their stable JSON shape (docs/format.md).

Plain dataclasses built by :func:`partsjournal.views.review.build`; every
renderer reads these and nothing else.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from partsjournal.views.care_summary import CareNote
from partsjournal.views.patterns import Pattern
from partsjournal.views.period import Period

if TYPE_CHECKING:
    from partsjournal.views.course import Course

JSON_SCHEMA_VERSION = 1


@dataclass
class SessionNear:
    id: str
    number: int
    date: date
    kind: str
    label: str
    days_from_end: int  # session date minus the period's last day (negative: earlier)
    in_period: bool
    entries_before: int
    entries_after: int


@dataclass
class ExerciseCount:
    name: str
    title: str
    count: int


@dataclass
class PartMet:
    id: str
    name: str
    times: int
    new: bool
    first_met: date | None


@dataclass
class Activation:
    entry: str
    day: date
    exercise: str
    before: int
    after: int

    @property
    def change(self) -> int:
        return self.after - self.before


@dataclass
class Quality:
    name: str
    average: float | None
    previous: float | None
    change: float | None


@dataclass
class Realm:
    realm: str
    label: str
    latest: int | None
    latest_day: date | None
    previous: int | None
    change: int | None
    attended: bool


@dataclass
class Practice:
    entry: str
    day: date
    realm: str
    text: str


@dataclass
class Outcome:
    entry: str
    day: date
    realm: str
    outcome: str
    note: str
    practice: str = ""  # the practice it follows up, when chosen in this period or the one before


@dataclass
class Quote:
    entry: str
    day: date
    text: str
    part: str | None = None
    exercise: str = ""  # the title of the exercise it was written in


@dataclass
class Said:
    """One answer about how stirred up or how safe the person was, and where it was given."""

    kind: str  # "rating" (0-10) or "safe" (yes or no): the care record's kinds
    value: int | bool
    moment: str | None  # where in the run (care_record.MOMENTS), None when not recorded


@dataclass
class CheckIn:
    """An entry with a rating of how stirred up or distressed the person was (but for the
    exercise's own start and end ratings Activation shows: views/activation.py) or a "do you
    feel safe" answer."""

    entry: str
    day: date
    exercise: str  # the exercise's title
    distress: int | None  # the entry's first distress answer, else its last grounding rating
    safe: bool | None  # False when any answer was no
    ratings: list[int] = field(default_factory=list)  # every rating above, in order
    said_safe: list[bool] = field(default_factory=list)  # every safety answer, in order
    said: list[Said] = field(default_factory=list)  # every rating and safety answer, in order


@dataclass
class FeelToward:
    """How the person felt toward a part at the start of an entry, and at its close."""

    entry: str
    day: date
    part: str | None
    start: str
    end: str


@dataclass
class Review:
    period: Period
    today: date
    entries: int
    days_journaled: int
    streak: int  # kept for scripts (JSON); never shown: a streak can break
    sessions_recorded: int
    recent: tuple[int, int] = (0, 0)  # days written on, of the last 7 and the last 30
    sessions: list[SessionNear] = field(default_factory=list)
    position: str | None = None
    exercises: list[ExerciseCount] = field(default_factory=list)
    parts_known: int = 0
    parts: list[PartMet] = field(default_factory=list)
    activation: list[Activation] = field(default_factory=list)
    grounding: list[CheckIn] = field(default_factory=list)
    self_checks: int = 0
    self_checks_previous: int = 0
    self_energy: list[Quality] = field(default_factory=list)
    realms: list[Realm] = field(default_factory=list)
    practices: list[Practice] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    needs: list[Quote] = field(default_factory=list)
    reflections: list[Quote] = field(default_factory=list)
    for_therapist: list[Quote] = field(default_factory=list)
    trailheads: list[Quote] = field(default_factory=list)
    feel_toward: list[FeelToward] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)  # worth telling a therapist
    care: list[CareNote] = field(default_factory=list)  # entries whose care is worth noticing
    course: Course | None = None  # the charts of the days read (views/course.py)

    @property
    def empty(self) -> bool:
        return self.entries == 0

    @property
    def average_activation_change(self) -> float | None:
        if not self.activation:
            return None
        return round(sum(a.change for a in self.activation) / len(self.activation), 1)

    @property
    def not_safe(self) -> list[CheckIn]:
        """Check-ins where the answer to "do you feel safe right now?" was no."""
        return [c for c in self.grounding if c.safe is False]

    @property
    def unattended_realms(self) -> list[str]:
        return [r.realm for r in self.realms if not r.attended]

    def to_json(self) -> dict[str, Any]:
        """The stable JSON shape documented in docs/format.md."""
        prev = self.period.previous()
        data: dict[str, Any] = _jsonable(
            {
                "schema_version": JSON_SCHEMA_VERSION,
                "today": self.today,
                "period": {
                    "kind": self.period.kind,
                    "since": self.period.since,
                    "until": self.period.until,
                    "days": self.period.days,
                },
                "previous_period": {"since": prev.since, "until": prev.until},
                "empty": self.empty,
                "summary": {
                    "entries": self.entries,
                    "days_journaled": self.days_journaled,
                    "days": self.period.days,
                    "current_streak": self.streak,
                    "days_last_7": self.recent[0],
                    "days_last_30": self.recent[1],
                },
                "sessions": {
                    "recorded": self.sessions_recorded,
                    "position": self.position,
                    "items": [asdict(s) for s in self.sessions],
                },
                "exercises": [asdict(e) for e in self.exercises],
                "parts": {"known": self.parts_known, "items": [asdict(p) for p in self.parts]},
                "activation": {
                    "average_change": self.average_activation_change,
                    "items": [{**asdict(a), "change": a.change} for a in self.activation],
                },
                "grounding": {
                    "items": [asdict(c) for c in self.grounding],
                    "not_safe": len(self.not_safe),
                },
                "self_energy": {
                    "checks": self.self_checks,
                    "checks_previous": self.self_checks_previous,
                    "qualities": [asdict(q) for q in self.self_energy],
                },
                "realms": {
                    "items": [asdict(r) for r in self.realms],
                    "unattended": self.unattended_realms,
                },
                "practices": {
                    "chosen": [asdict(p) for p in self.practices],
                    "outcomes": [asdict(o) for o in self.outcomes],
                },
                "highlights": {
                    "needs": [asdict(q) for q in self.needs],
                    "reflections": [asdict(q) for q in self.reflections],
                },
                "patterns": [asdict(p) for p in self.patterns],
                "care": [care_json(n) for n in self.care],
                "for_therapist": [asdict(q) for q in self.for_therapist],
                "trailheads": [asdict(q) for q in self.trailheads],
                "feel_toward": [asdict(f) for f in self.feel_toward],
            }
        )
        return data


def care_json(note: CareNote) -> dict[str, Any]:
    """One entry's care in the review's JSON (docs/format.md): the sum and every item."""
    out = {k: v for k, v in asdict(note).items() if k != "items"}
    out["items"] = [
        {"at": i.at.isoformat(), "kind": i.kind, "value": i.value, "moment": i.moment}
        for i in note.items
    ]
    return out


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value
