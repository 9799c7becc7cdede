"""Setting up the people behind the support card before they are needed.

The first exercise in a new journal offers, once, to add one or two people and
a therapist or clinic; declining is remembered and never asked again. After a
``prepare`` entry, the people named in its support plan can be put on the card.
Only in a terminal: scripted runs are never asked anything.
"""

from __future__ import annotations

from partsjournal.core import config, layout
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
    """On the first exercise of a new journal: offer, once, to fill in the support card."""
    if not asker.interactive:
        return
    try:
        cfg = config.read()
    except BrokenConfig:
        return  # the card warns about it; never block an exercise on settings
    if cfg.support_offered or cfg.contacts or cfg.therapist is not None:
        return
    if layout.first_year() is not None:
        return  # not a new journal
    config.mark_support_offered()
    screens.blank()
    try:
        if not asker.confirm(words.SETUP_OFFER, default=False):
            ui.say(words.SETUP_LATER)
            return
        _add_people(asker, PEOPLE_AT_SETUP)
        name = _text(asker, "therapist_name", words.THERAPIST_NAME)
        if name:
            reach = _text(asker, "therapist_reach", words.THERAPIST_REACH, optional=False)
            after = _text(asker, "therapist_after_hours", words.THERAPIST_AFTER_HOURS)
            config.set_therapist(name, reach, after)
            ui.say(words.CONTACT_ADDED.format(name=name))
    except Paused:
        ui.say(words.SETUP_LATER)


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
