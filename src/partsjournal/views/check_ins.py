"""How stirred up and how safe the person said they were during an entry, and where: the
review's "Distress and safety" (:mod:`partsjournal.render.review` words it).

Read from the entry's care record (every rating and every answer to "do you feel safe right
now?"), else, for an entry without one, from its own ratings and safety answers. The
exercise's own start and end ratings are left out only when the review's Activation shows
them (:func:`partsjournal.views.activation.shown`) and no safety answer was given with them:
an entry held or stopped before the end was rated keeps its start rating here, where it is
said, and "felt safe" is read with the number it was said at.
"""

from __future__ import annotations

from partsjournal.core import care_record as rec
from partsjournal.core import vocabulary as vocab
from partsjournal.core.care_record import CareItem
from partsjournal.core.entry import Entry
from partsjournal.views import activation
from partsjournal.views.review_data import CheckIn, Said


def _shown_in_activation(said: list[Said], e: Entry) -> set[int]:
    """Which of ``said`` (by place) the review's Activation shows: the first rating at the
    start with its start value and the last at the end with its end value, when it shows the
    entry's pair; none when it does not."""
    pair = activation.shown(e)
    if pair is None:
        return set()
    before, after = pair
    starts = [n for n, s in enumerate(said) if _rating(s, rec.START) == before]
    ends = [n for n, s in enumerate(said) if _rating(s, rec.END) == after]
    # a rating a safety answer was given with stays, so "felt safe" is read with its number
    # (a walk read "felt safe (at the start)" and not the 9 it was said at)
    return {n for n in starts[:1] + ends[-1:] if not _answered_with(said, n)}


def _answered_with(said: list[Said], n: int) -> bool:
    """Whether a safety answer follows ``said[n]`` at the same moment."""
    after = said[n + 1] if n + 1 < len(said) else None
    return after is not None and after.kind == rec.SAFE and after.moment == said[n].moment


def _rating(s: Said, moment: str) -> int | None:
    if s.kind == rec.RATING and s.moment == moment and not isinstance(s.value, bool):
        return s.value
    return None


def _said(item: CareItem) -> Said | None:
    """A rating or a safety answer of the care record; else None."""
    if item.kind == rec.RATING and (n := item.number) is not None:
        return Said(rec.RATING, n, item.moment)
    if item.kind == rec.SAFE and isinstance(item.value, bool):
        return Said(rec.SAFE, item.value, item.moment)
    return None


def said(e: Entry) -> list[Said]:
    """Every rating and every safety answer of an entry but those the review's Activation
    shows, in the order given, with where: from its care record, else (an entry without one)
    from its own ratings and safety answers (only grounding asks about distress, so an entry
    with a distress answer was given both in grounding)."""
    given = [s for i in e.care if (s := _said(i)) is not None]
    if not given:
        in_grounding = rec.IN_GROUNDING if e.by_role(vocab.DISTRESS) else None
        for a in e.answers:
            if a.role in vocab.MOMENT_OF_ROLE and a.number is not None:
                given.append(Said(rec.RATING, a.number, vocab.MOMENT_OF_ROLE[a.role]))
            elif a.role == vocab.SAFETY and isinstance(a.value, bool):
                given.append(Said(rec.SAFE, a.value, in_grounding))
    left_out = _shown_in_activation(given, e)
    return [s for n, s in enumerate(given) if n not in left_out]


def of(e: Entry) -> CheckIn | None:
    """The entry's check-in, or None when it has no rating (but those the review's
    Activation shows) and no safety answer. ``said`` keeps each, with where it was given, in
    the order given. The older fields stay as they were, for scripts: ``ratings`` and
    ``said_safe`` keep the grounding ratings (or the entry's own distress answers) and every
    safety answer; ``distress`` is the first rating of the entry's own or the last grounding
    one, and ``safe`` is False when any answer was no."""
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
