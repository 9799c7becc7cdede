"""Measure results read back from entries: what each one scored, in its own bands.

A result is an ordinary entry whose answers carry the measure roles
(:data:`vocabulary.MEASURE_ROLES`); everything shown here comes from the entry itself,
so a result reads the same after the measure's file changes or is removed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from partsjournal.core import dates
from partsjournal.core import vocabulary as vocab
from partsjournal.core.entry import Entry


@dataclass(frozen=True)
class Result:
    entry: str
    created: datetime
    name: str  # the measure's name ("phq-9")
    title: str  # "PHQ-9"
    total: int
    lowest: int
    highest: int
    band: str  # as the instrument states it; "" when it states none
    range: str  # the totals of that band, "10-14"
    subscales: list[tuple[str, int]] = field(default_factory=list)
    # safety items answered above the lowest answer: (item number, the answer's value)
    safety: list[tuple[int, int]] = field(default_factory=list)
    session: str | None = None
    phase: str | None = None

    @property
    def day(self) -> date:
        return self.created.date()


def is_result(e: Entry) -> bool:
    return any(a.role == vocab.MEASURE_TOTAL for a in e.answers)


def result(e: Entry) -> Result | None:
    """The measure result ``e`` keeps, or None when it is not one."""
    numbers: dict[str, int] = {}
    texts: dict[str, str] = {}
    items = 0
    answered: list[tuple[int, int]] = []
    subscales: list[tuple[str, int]] = []
    for a in e.answers:
        if a.role in (vocab.MEASURE_ITEM, vocab.MEASURE_SAFETY):
            items += 1
        if a.role == vocab.MEASURE_SAFETY and a.number is not None:
            answered.append((_item_number(a.step, items), a.number))
        elif a.role == vocab.MEASURE_SUBSCALE and a.number is not None:
            subscales.append((a.prompt, a.number))
        elif a.role in (vocab.MEASURE_TOTAL, vocab.MEASURE_LOWEST, vocab.MEASURE_HIGHEST):
            if a.number is not None:
                numbers[a.role] = a.number
        elif a.role in (vocab.MEASURE_BAND, vocab.MEASURE_BAND_RANGE):
            texts[a.role] = a.text
    if vocab.MEASURE_TOTAL not in numbers:
        return None
    lowest = numbers.get(vocab.MEASURE_LOWEST, 0)
    scale_lowest = lowest // items if items else 0  # every item has the same scale
    return Result(
        entry=e.id,
        created=e.created,
        name=e.exercise,
        title=e.title or e.exercise,
        total=numbers[vocab.MEASURE_TOTAL],
        lowest=lowest,
        highest=numbers.get(vocab.MEASURE_HIGHEST, numbers[vocab.MEASURE_TOTAL]),
        band=texts.get(vocab.MEASURE_BAND, ""),
        range=texts.get(vocab.MEASURE_BAND_RANGE, ""),
        subscales=subscales,
        safety=[(n, v) for n, v in answered if v > scale_lowest],
        session=e.session,
        phase=e.phase,
    )


def _item_number(step: str, counted: int) -> int:
    tail = step.rpartition("_")[2]
    return int(tail) if tail.isdigit() else counted


def results(entries: Iterable[Entry]) -> list[Result]:
    """Every result among ``entries``, in time order."""
    found = [r for e in entries if (r := result(e)) is not None]
    return sorted(found, key=lambda r: (r.created, r.entry))


def by_measure(found: Iterable[Result]) -> dict[str, list[Result]]:
    """Results grouped by measure, each group in time order."""
    out: dict[str, list[Result]] = {}
    for r in sorted(found, key=lambda r: (r.created, r.entry)):
        out.setdefault(r.name, []).append(r)
    return out


def trend(series: list[Result]) -> str:
    """How the latest total compares with the first in ``series``, in words."""
    if len(series) < 2:
        return "one result so far"
    first, last = series[0], series[-1]
    change = last.total - first.total
    if change == 0:
        return f"the same as on {dates.short_day(first.day)} ({last.total})"
    way = "lower" if change < 0 else "higher"
    then = dates.short_day(first.day)
    return f"{abs(change)} {way} than on {then} ({first.total} then, {last.total} now)"
