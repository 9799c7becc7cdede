"""What care kept in an entry, read for the therapist: the one place that sums up a care record.

``review`` names these under "Worth noticing", ``session show`` lists them, and
``export`` writes each item of the record with its date and time. A questionnaire or
a therapist's brief reads the same :class:`CareNote` through :func:`of_entry`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from partsjournal.core import care_record as rec
from partsjournal.core import vocabulary as vocab
from partsjournal.core.care_record import CareItem
from partsjournal.core.entry import Entry

HIGH = 9  # a peak at or above this is worth noticing on its own (the card's level)
FLOODED = 8  # after a tender part came close: it was a lot (the grounding offer's level)


@dataclass
class CareNote:
    """One entry's care, summed up; ``items`` is the whole record, in order."""

    entry: str
    day: date
    exercise: str  # the exercise's title
    not_safe: int = 0  # how often "do you feel safe?" was answered no
    peak: int | None = None  # the highest rating of the run
    risks: list[str] = field(default_factory=list)  # care_record.RISKS, as chosen
    flooded: bool = False  # a tender part came close and it was a lot (8 or more after it)
    thoughts: list[str] = field(default_factory=list)  # "in passing", "yes, right now"
    going_on: list[str] = field(default_factory=list)  # what was going on, after "not safe"
    grounding: list[str] = field(default_factory=list)  # "done" / "declined", each time
    stopped: bool = False
    items: list[CareItem] = field(default_factory=list)

    @property
    def notable(self) -> bool:
        """Worth noticing: not safe, a peak of 9 or 10, a risk, a flood, thoughts of dying."""
        high = self.peak is not None and self.peak >= HIGH
        return bool(self.not_safe or high or self.risks or self.flooded or self.thoughts)


def of_entry(entry: Entry) -> CareNote | None:
    """The care of ``entry``: its care record, or (an entry written before there was one)
    its own ratings and safety answers; None when there is nothing to say."""
    note = CareNote(entry.id, entry.day, entry.title or entry.exercise, items=list(entry.care))
    ratings = [n for a in entry.answers if a.role in vocab.RATINGS and (n := a.number) is not None]
    for item in entry.care:
        if item.number is not None:
            ratings.append(item.number)
            note.flooded = note.flooded or (item.moment == rec.TENDER and item.number >= FLOODED)
        elif item.kind == rec.SAFE and item.value is False:
            note.not_safe += 1
        elif item.kind == rec.RISK:
            note.risks.append(str(item.value))
        elif item.kind == rec.THOUGHTS and item.value in (rec.IN_PASSING, rec.RIGHT_NOW):
            note.thoughts.append(str(item.value))
        elif item.kind == rec.GOING_ON:
            note.going_on.append(str(item.value))
        elif item.kind == rec.GROUNDING:
            note.grounding.append(str(item.value))
        elif item.kind == rec.STOP:
            note.stopped = True
    if not entry.care:  # older entries: their "no" to "do you feel safe?" still counts
        note.not_safe = sum(1 for a in entry.by_role(vocab.SAFETY) if a.value is False)
    note.risks = list(dict.fromkeys(note.risks))
    note.peak = max(ratings) if ratings else None
    return note if (note.items or note.notable) else None


def notable(entries: list[Entry]) -> list[CareNote]:
    """The entries whose care is worth noticing, in the order given."""
    return [n for e in entries if (n := of_entry(e)) is not None and n.notable]
