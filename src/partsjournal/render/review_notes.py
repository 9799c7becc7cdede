"""The review's closing sections: notes for the therapist, trailheads, and how the
feeling toward a part moved during an entry. One wording for screen and markdown;
a section with nothing in it is left out."""

from __future__ import annotations

from collections.abc import Callable

from partsjournal.core.dates import short_day
from partsjournal.render.text import visible
from partsjournal.views.review_data import Review

Escape = Callable[..., str]


def sections(review: Review, esc: Escape = visible) -> list[tuple[str, list[str]]]:
    """(heading, lines) for each section that has something to show."""
    out: list[tuple[str, list[str]]] = []

    def about(part: str | None) -> str:
        return f" (about {esc(part, one_line=True)})" if part else ""

    if review.for_therapist:
        out.append(
            (
                "For your therapist",
                [
                    f"{short_day(q.day)}{about(q.part)}: {esc(q.text, one_line=True)}"
                    for q in review.for_therapist
                ],
            )
        )
    if review.trailheads:
        out.append(
            (
                "Trailheads",
                [
                    f"{short_day(q.day)}{about(q.part)}: {esc(q.text, one_line=True)} "
                    f"(explore: partsjournal exercise protector --from {q.entry})"
                    for q in review.trailheads
                ],
            )
        )
    if review.feel_toward:
        out.append(
            (
                "Toward your parts (start → close)",
                [
                    f"{short_day(f.day)} {esc(f.part or 'a part', one_line=True)}: "
                    f"{esc(f.start, one_line=True)} → {esc(f.end, one_line=True)}"
                    for f in review.feel_toward
                ],
            )
        )
    return out
