"""Setting up the support card before it is needed.

The first exercise of a journal (whatever else the journal holds: notes, older
entries) offers, once, to fill in the card: first the clinic's after-hours line
and a crisis line the person chooses, then one or two people. An answer, yes or
no, is remembered and the offer is not made again; Ctrl-C at the offer pauses
(:class:`Paused` is raised, nothing starts) and the offer comes again next time.
After a ``prepare`` entry, the people named in its support plan can be put on the
card. Only in a terminal: scripted runs are never asked anything.
"""

from __future__ import annotations

from partsjournal.core import config
from partsjournal.core import vocabulary as vocab
from partsjournal.core.config import BrokenConfig
from partsjournal.core.entry import Entry
from partsjournal.flow import care_words as words
from partsjournal.flow.engine import Asker, Paused
from partsjournal.flow.exercises import Step
from partsjournal.render import screens, ui

PEOPLE_AT_SETUP = 2


def _text(asker: Asker, step_id: str, question: str, *, optional: bool = True) -> str:
    step = Step(id=step_id, kind="text", text=question, optional=optional)
    answer = asker.ask(step, question, 0, 0)
    return answer.strip() if isinstance(answer, str) else ""


def _add_people(asker: Asker, most: int) -> int:
    added = 0
    while added < most:
        name = _text(asker, "contact_name", words.CONTACT_NAME)
        if not name:
            break
        reach = _text(asker, "contact_reach", words.CONTACT_REACH.format(name=name), optional=False)
        config.add_contact(name, reach)
        ui.say(words.CONTACT_ADDED.format(name=name))
        added += 1
    return added


def offer_setup(asker: Asker) -> None:
    """On the first exercise of a journal: offer, once, to fill in the support card.

    Raises :class:`Paused` when the person presses Ctrl-C at the offer or while
    filling it in (what was given is kept); the exercise does not start then."""
    if not asker.interactive:
        return
    try:
        cfg = config.read()
    except BrokenConfig:
        return  # the card warns about it; never block an exercise on settings
    if cfg.support_offered or not cfg.empty:
        return
    screens.blank()
    wanted = asker.confirm(words.SETUP_OFFER, default=False)  # Ctrl-C: Paused, not a no
    if not wanted:
        config.mark_support_offered()
        ui.say(words.SETUP_LATER)
        return
    try:
        name = _text(asker, "clinic_name", words.CLINIC_NAME)
        if name:
            after = _text(asker, "clinic_after_hours", words.CLINIC_AFTER_HOURS)
            reach = _text(asker, "clinic_reach", words.CLINIC_REACH)
            if after or reach:
                config.set_therapist(name, reach, after)
                ui.say(words.CONTACT_ADDED.format(name=name))
        line = _text(asker, "crisis_line", words.CRISIS_LINE)
        if line:
            config.set_crisis_line(line)
            ui.say(words.CRISIS_LINE_ADDED)
        _add_people(asker, PEOPLE_AT_SETUP)
    finally:
        config.mark_support_offered()


def offer_plan_contacts(entry: Entry, asker: Asker) -> None:
    """After an entry with a support plan (``prepare``): offer to put its people on the card."""
    if not asker.interactive:
        return
    plan = next(
        (
            a.value
            for a in entry.answers
            if a.role == vocab.SUPPORT_PLAN and isinstance(a.value, str) and a.value.strip()
        ),
        None,
    )
    if plan is None:
        return
    screens.blank()
    try:
        if asker.confirm(words.PLAN_OFFER.format(plan=" ".join(plan.split())), default=False):
            _add_people(asker, PEOPLE_AT_SETUP)
    except Paused:
        return
