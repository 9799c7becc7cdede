"""How stirred up and how safe the person said they were during an entry, and where: the
review's "Distress and safety" (:mod:`partsjournal.render.review` words it).

Read from the entry's care record (every rating but the exercise's own start and end, which the
review's Activation shows, and every answer to "do you feel safe right now?"), else, for an entry
without one, from its own distress and safety answers.
"""

from __future__ import annotations

from partsjournal.core import care_record as rec
from partsjournal.core import vocabulary as vocab
from partsjournal.core.care_record import CareItem
from partsjournal.core.entry import Entry
from partsjournal.views.review_data import CheckIn, Said

# ratings the exercise asks at its start and its end: the review's Activation shows those
ACTIVATION_MOMENTS = (rec.START, rec.END)


def _rating_or_safe(item: CareItem) -> int | bool | None:
    """A rating (but the exercise's own start and end) or a safety answer; else None."""
    if item.kind == rec.RATING and item.moment not in ACTIVATION_MOMENTS:
        return item.number
    return item.value if item.kind == rec.SAFE and isinstance(item.value, bool) else None


def said(e: Entry) -> list[Said]:
    """Every rating (but the exercise's own start and end) and every safety answer of an entry,
    in the order given, with where: from its care record, else (an entry without one) from its
    own distress and safety answers (only grounding asks about distress, so an entry with a
    distress answer was given both in grounding)."""
    kept = [
        Said(i.kind, value, i.moment) for i in e.care if (value := _rating_or_safe(i)) is not None
    ]
    if kept:
        return kept
    in_grounding = rec.IN_GROUNDING if e.by_role(vocab.DISTRESS) else None
    own = []
    for a in e.answers:
        if a.role == vocab.DISTRESS and a.number is not None:
            own.append(Said(rec.RATING, a.number, rec.IN_GROUNDING))
        elif a.role == vocab.SAFETY and isinstance(a.value, bool):
            own.append(Said(rec.SAFE, a.value, in_grounding))
    return own


def of(e: Entry) -> CheckIn | None:
    """The entry's check-in, or None when it has no rating (but the exercise's own start and
    end) and no safety answer. ``said`` keeps each, with where it was given, in the order
    given. The older fields stay as they were, for scripts: ``ratings`` and ``said_safe``
    keep the grounding ratings (or the entry's own distress answers) and every safety answer;
    ``distress`` is the first rating of the entry's own or the last grounding one, and ``safe``
    is False when any answer was no."""
    ratings = [n for a in e.answers if a.role == vocab.DISTRESS and (n := a.number) is not None]
    distress = ratings[0] if ratings else None
    if not ratings:
        ratings = [
            n for i in e.care if i.moment == rec.IN_GROUNDING and (n := i.number) is not None
        ]
        distress = ratings[-1] if ratings else None
    safe_said = [i.value for i in e.care if i.kind == rec.SAFE and isinstance(i.value, bool)]
    safe_said = safe_said or [a.value for a in e.by_role(vocab.SAFETY) if isinstance(a.value, bool)]
    safe = (False not in safe_said) if safe_said else None
    in_order = said(e)
    if distress is None and safe is None and not in_order:
        return None
    title = e.title or e.exercise
    in_safe = [v is True for v in safe_said]
    return CheckIn(e.id, e.day, title, distress, safe, ratings, in_safe, in_order)
