"""The words of a brief, shared by its markdown and HTML forms, so both say the same."""

from __future__ import annotations

from datetime import date

from partsjournal.core import dates
from partsjournal.render import care_lines
from partsjournal.views.brief import SECTIONS, Brief, Item

TITLE = "A brief for my therapist"
CHOSEN = (
    "I wrote these notes in my own journal between sessions and chose what goes in this brief. "
    "Nothing was sent anywhere."
)
NOT_SEEN = (
    "I wrote each of these alone, in a journal that sends nothing to anyone: nobody saw them "
    "at the time unless I told someone myself. I am bringing them so we can talk about them."
)
NOT_SEEN_MARK = "not seen by anyone at the time"
NOTHING_UNSAFE = "Nothing of this kind in this period."
SAFETY_LEFT_OUT_ALL = "I chose to leave the safety record out of this brief."
SAFETY_LEFT_OUT_SOME = "I chose to leave part of the safety record out of this brief."
FOR_TALKING = "These scores are for talking with my clinician; they are not a diagnosis."
ENCRYPTED = (
    "My journal is encrypted, but this copy of these notes is not: please keep it private, "
    "or delete it when we are done with it."
)
EMPTY = "I did not write anything in this period that fits these headings."


def long_day(d: date) -> str:
    return dates.day_text(d)


def period_line(brief: Brief) -> str:
    days = f"{long_day(brief.since)} to {long_day(brief.until)}"
    if brief.session is not None:
        return f"For {brief.session.name} ({long_day(brief.session.date)}): {days}"
    return f"From {days}"


def headings(brief: Brief) -> list[tuple[str, str]]:
    """(key, heading) of each section the brief shows: the safety record always (saying
    what it holds or that it was left out), every other section when it has items."""
    keys = {i.section for i in brief.items}
    return [(k, h) for k, h in SECTIONS if k == "safety" or k in keys]


def safety_note(brief: Brief) -> str:
    """What the safety record says about itself: its items were not seen at the time,
    or there are none, or the person left (some of) it out."""
    shown = brief.section("safety")
    if brief.safety_left_out:
        return SAFETY_LEFT_OUT_SOME if shown else SAFETY_LEFT_OUT_ALL
    return NOT_SEEN if shown else NOTHING_UNSAFE


def item_text(item: Item) -> str:
    """An item as one line of words: a moment of care in care's own words, dated to the
    minute; anything else as gathered."""
    if item.care is None:
        return item.text
    return (
        f"{care_lines.day_and_time(item.care.at)}, {item.text}: {care_lines.item_words(item.care)}"
    )
