"""Showing measures: a result as the instrument's own bands (never a diagnosis), whether
the words as typed are the published ones, and the measures set up so far."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from partsjournal.core.dates import short_day
from partsjournal.core.wording import one_or_many
from partsjournal.render import ui
from partsjournal.render.text import plural
from partsjournal.views.measures import Result

if TYPE_CHECKING:
    from partsjournal.flow.measure_file import Measure
    from partsjournal.flow.measure_score import Score

FOR_CLINICIAN = "These scores are for talking with your clinician; they are not a diagnosis."
PRESCRIBER = "Please tell your prescriber about this answer before your next dose."
WORDS_DIFFER = (
    "Some of its words as set up are not word for word the published ones, so the band is "
    "only a rough guide. To see which: partsjournal measure check {name}"
)


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
        ui.say(WORDS_DIFFER.format(name=measure.name))
    for answer in score.safety:
        ui.say(safety_line(measure.title, answer.item, answer.label), to_stderr=not interactive)
        if not interactive:
            ui.say(PRESCRIBER, to_stderr=True)
    ui.say(FOR_CLINICIAN)


def print_wording(measure: Measure, checks: list[tuple[str, bool | None]], where: Path) -> None:
    """Item by item: the published wording, different words, or none yet."""
    texts = [i.text for i in measure.items] + list(measure.scale.labels)
    differ = []
    for (name, fits), text in zip(checks, texts, strict=True):
        if not text.strip():
            ui.say(f"{name}: no words yet")
        elif fits is None:
            ui.say(f"{name}: no published wording to compare with")
        elif fits:
            ui.say(f"{name}: the published wording")
        else:
            differ.append(name)
            ui.say(f"{name}: not the published wording (check it against your clinic's sheet)")
    empty = measure.missing_words()
    if empty:
        ui.say(
            f"{measure.title} cannot be answered until every item and answer has its words: "
            f"type them into {where}, then check them with: partsjournal measure check "
            f"{measure.name}"
        )
    elif differ:
        ui.say(
            f"{_listed(differ)} {one_or_many(len(differ), 'is', 'are')} not word for word the "
            "published wording; a score compares with the published bands only when every "
            "word is the same."
        )
    elif all(fits for _, fits in checks):
        ui.say(f"Every item and answer of {measure.title} is the published wording.")


def print_list(measures: list[Measure], latest: dict[str, list[Result]]) -> None:
    if not measures:
        ui.say(
            "No measures are set up yet. Clinics often ask the PHQ-9 and the GAD-7: "
            "partsjournal measure new phq-9"
        )
        return
    for m in measures:
        results = latest.get(m.name, [])
        head = f"{m.name}: {m.title}, {plural(len(m.items), 'item')} about {m.period}"
        ui.say(head)
        if not results:
            ui.say(f"  not taken yet: partsjournal measure take {m.name}")
        for r in results:
            ui.say(
                f"  {short_day(r.day)}: {total_line(r.title, r.total, r.highest, r.band, r.range)}"
            )
    ui.say(FOR_CLINICIAN)


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
