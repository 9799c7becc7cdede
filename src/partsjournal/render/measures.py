"""Showing measures: a result as the instrument's own bands (never a diagnosis), whether
the words as typed are the published ones, and the measures set up so far."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from partsjournal.core import messages as msg
from partsjournal.core.dates import short_day
from partsjournal.core.wording import one_or_many
from partsjournal.render import ui
from partsjournal.render.text import plural
from partsjournal.views.measures import Result

if TYPE_CHECKING:
    from partsjournal.flow.measure_file import Measure
    from partsjournal.flow.measure_score import Score


def total_line(title: str, total: int, highest: int, band: str, band_range: str) -> str:
    """ "PHQ-9: 12 of 27, in the band PHQ-9 calls "moderate" (10-14)"."""
    line = f"{title}: {total} of {highest}"
    if band:
        line += f', in the band {title} calls "{band}" ({band_range})'
    return line


def safety_line(title: str, item: int, label: str) -> str:
    return (
        f'{title} item {item} is kept apart from the total: you answered "{label}". '
        "It asks about passing thoughts too, and it is often answered this way during "
        "treatment; it still matters."
    )


def print_result(
    measure: Measure, score: Score, *, interactive: bool, words_differ: bool = False
) -> None:
    """The result just saved: its total and band, and any safety item apart from them. At a
    terminal the prescriber was asked about in the moment; for a script it is said here, on
    stderr, with the item. ``words_differ``: some item or answer is not the published wording,
    which the band is only a rough guide for (as ``measure new`` and ``check`` said)."""
    ui.say("")
    ui.say(
        total_line(measure.title, score.total, score.highest, score.band_label, score.band_range)
    )
    if words_differ and score.band_label:
        ui.say(msg.MEASURE_BAND_ROUGH_GUIDE.format(name=measure.name))
    for answer in score.safety:
        ui.say(safety_line(measure.title, answer.item, answer.label), to_stderr=not interactive)
        if not interactive:
            ui.say(msg.MEASURE_TELL_PRESCRIBER, to_stderr=True)
    ui.say(msg.MEASURE_NOT_DIAGNOSIS)


def print_wording(measure: Measure, checks: list[tuple[str, bool | None]], where: Path) -> None:
    """Item by item: the published wording, different words, or none yet."""
    texts = [i.text for i in measure.items] + list(measure.scale.labels)
    differ = []
    for (name, fits), text in zip(checks, texts, strict=True):
        if not text.strip():
            ui.say(msg.WORDING_NONE_YET.format(name=name))
        elif fits is None:
            ui.say(msg.WORDING_NOTHING_TO_COMPARE.format(name=name))
        elif fits:
            ui.say(msg.WORDING_PUBLISHED.format(name=name))
        else:
            differ.append(name)
            ui.say(msg.WORDING_NOT_PUBLISHED.format(name=name))
    empty = measure.missing_words()
    if empty:
        ui.say(msg.MEASURE_NEEDS_WORDS.format(title=measure.title, where=where, name=measure.name))
    elif differ:
        ui.say(
            msg.WORDING_DIFFERS.format(
                listed=_listed(differ), are=one_or_many(len(differ), "is", "are")
            )
        )
    elif all(fits for _, fits in checks):
        ui.say(msg.WORDING_ALL_PUBLISHED.format(title=measure.title))


def print_list(measures: list[Measure], latest: dict[str, list[Result]]) -> None:
    if not measures:
        ui.say(msg.NO_MEASURES_YET)
        return
    for m in measures:
        results = latest.get(m.name, [])
        head = f"{m.name}: {m.title}, {plural(len(m.items), 'item')} about {m.period}"
        ui.say(head)
        if not results:
            ui.say(msg.MEASURE_NOT_TAKEN.format(name=m.name))
        for r in results:
            ui.say(
                f"  {short_day(r.day)}: {total_line(r.title, r.total, r.highest, r.band, r.range)}"
            )
    ui.say(msg.MEASURE_NOT_DIAGNOSIS)


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
