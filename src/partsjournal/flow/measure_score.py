"""Scoring a measure: the one owner of its rules.

The total is the sum of the items' values, each reversed item counted from the other
end of the scale (``lowest + highest - value``); each subscale is the same sum over
its items; the band is the one the instrument states for the total. A safety item
answered above the scale's lowest answer is flagged, whatever the total, and is shown
apart from the total's band.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from partsjournal.core import messages as msg
from partsjournal.core.errors import UsageError
from partsjournal.flow.measure_file import Band, Measure


@dataclass(frozen=True)
class SafetyAnswer:
    item: int  # 1-based
    value: int
    label: str


@dataclass(frozen=True)
class Score:
    total: int
    lowest: int  # the lowest and highest totals the measure can have
    highest: int
    band: Band | None
    subscales: list[tuple[str, int, int]] = field(default_factory=list)  # name, score, highest
    safety: list[SafetyAnswer] = field(default_factory=list)  # answered above the lowest

    @property
    def band_label(self) -> str:
        return self.band.label if self.band is not None else ""

    @property
    def band_range(self) -> str:
        return f"{self.band.low}-{self.band.high}" if self.band is not None else ""


def counted(measure: Measure, item: int, value: int) -> int:
    """What one answer adds to the total (``item`` is 1-based)."""
    if item in measure.scoring.reversed:
        return measure.scale.lowest + measure.scale.highest - value
    return value


def check(measure: Measure, values: list[int]) -> None:
    """Refuse answers that do not fit: one per item, each one of the scale's values."""
    if len(values) != len(measure.items):
        raise UsageError(
            msg.MEASURE_ANSWER_COUNT.format(
                title=measure.title, items=len(measure.items), given=len(values)
            )
        )
    for n, value in enumerate(values, 1):
        if type(value) is not int or value not in measure.scale.values:
            allowed = ", ".join(str(v) for v in measure.scale.values)
            raise UsageError(
                msg.MEASURE_ITEM_NOT_ALLOWED.format(
                    n=n, title=measure.title, allowed=allowed, given=value
                )
            )


def score(measure: Measure, values: list[int]) -> Score:
    """The total, its band, the subscales and the safety answers for ``values`` (one per
    item, in order)."""
    check(measure, values)
    each = [counted(measure, n, v) for n, v in enumerate(values, 1)]
    total = sum(each)
    band = next((b for b in measure.bands if b.low <= total <= b.high), None)
    per_item_top = measure.scale.highest
    subscales = [
        (s.name, sum(each[i - 1] for i in s.items), per_item_top * len(s.items))
        for s in measure.scoring.subscales
    ]
    safety = [
        SafetyAnswer(n, v, measure.label(v))
        for n, (item, v) in enumerate(zip(measure.items, values, strict=True), 1)
        if item.safety and v > measure.scale.lowest
    ]
    return Score(
        total=total,
        lowest=measure.lowest_total,
        highest=measure.highest_total,
        band=band,
        subscales=subscales,
        safety=safety,
    )
