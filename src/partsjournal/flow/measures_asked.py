"""Around taking a measure: how it is introduced, and what a safety item brings."""

from __future__ import annotations

from collections.abc import Callable

from partsjournal.flow.engine import Asker
from partsjournal.flow.measure_file import Measure

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


def safety_answered(measure: Measure, asker: Asker) -> Callable[[int, int], None] | None:
    """What happens the moment a safety item is answered above its lowest answer.

    The result screen shows the item apart from the total and asks the person to tell
    their prescriber (:func:`partsjournal.render.measures.print_result`); nothing more is
    asked in the moment yet.
    """
    return None
