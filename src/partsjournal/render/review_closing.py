"""The review's closing sections: notes for the therapist, trailheads, and how the
feeling toward a part moved during an entry. One wording for screen and markdown
(:mod:`partsjournal.render.review_sections` places them); each gives the lines of
its section, none when there is nothing to show."""

from __future__ import annotations

from partsjournal.core.dates import short_day
from partsjournal.render.review import Escape
from partsjournal.views.review_data import Review


def _about(part: str | None, esc: Escape) -> str:
    return f" (about {esc(part, one_line=True)})" if part else ""


def for_therapist(review: Review, esc: Escape) -> list[str]:
    return [
        f"{short_day(q.day)}{_about(q.part, esc)}: {esc(q.text, one_line=True)}"
        for q in review.for_therapist
    ]


def trailheads(review: Review, esc: Escape) -> list[str]:
    return [
        f"{short_day(q.day)}{_about(q.part, esc)}: {esc(q.text, one_line=True)} "
        f"(explore: partsjournal exercise protector --from {q.entry})"
        for q in review.trailheads
    ]


def feel_toward(review: Review, esc: Escape) -> list[str]:
    return [
        f"{short_day(f.day)} {esc(f.part or 'a part', one_line=True)}: "
        f"{esc(f.start, one_line=True)} → {esc(f.end, one_line=True)}"
        for f in review.feel_toward
    ]
