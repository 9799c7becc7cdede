"""Around taking a measure: how it is introduced, and what a safety item brings."""

from __future__ import annotations

from partsjournal.core import care_record as rec
from partsjournal.flow import care
from partsjournal.flow.engine import Asker, Run
from partsjournal.flow.measure_file import Measure
from partsjournal.flow.measure_run import SafetyHook
from partsjournal.render import ui
from partsjournal.render.measures import PRESCRIBER

QUESTIONNAIRE = rec.QUESTIONNAIRE  # where the plain question was asked, in the care record

PAUSED = (
    "Stopped before the end: nothing was saved, since a measure counts only when every item "
    "is answered. When you are ready: partsjournal measure take {name}"
)


def intro(measure: Measure) -> str:
    return (
        f"{measure.title}: {len(measure.items)} questions about {measure.period}. Choose the "
        "answer that fits best; there are no right or wrong answers, and Ctrl-C stops without "
        "saving anything."
    )


def safety_answered(measure: Measure, asker: Asker) -> SafetyHook | None:
    """What happens the moment a safety item is answered above its lowest answer: at a
    terminal, care's plain question about thoughts of ending one's life (no / in passing /
    yes, right now; "yes, right now" shows the whole card and ends the run), then, whatever
    the answer, the request to tell the prescriber before the next dose. With ``--answers``
    nobody can be asked: the result says both on stderr (``render/measures.print_result``)."""
    if not asker.interactive:
        return None

    def heard(current: Run, item: int, value: int) -> None:
        try:
            care.ask_plainly(asker, current, moment=QUESTIONNAIRE)
        finally:
            ui.say(PRESCRIBER)

    return heard
