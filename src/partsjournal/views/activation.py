"""What the review's Activation shows of an entry: the one decision both of the review's
sections about ratings read. Activation shows an entry's pair (its rating at the start and
at the end) only when it has both; "Distress and safety" (:mod:`partsjournal.views.check_ins`)
leaves out a start or end rating only when Activation shows it, so no rating the person gave
is left out of both."""

from __future__ import annotations

from partsjournal.core.entry import Entry


def shown(e: Entry) -> tuple[int, int] | None:
    """The ratings Activation shows for ``e``, (start, end): its first rating at the start
    and its last at the end (:meth:`Entry.activation`); None when it shows none, as for an
    entry held or stopped before the end was rated."""
    return e.activation()
