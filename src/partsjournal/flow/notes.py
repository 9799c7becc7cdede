"""Trailheads: a one-line note saved at once, and starting an exercise from one.

A note is an ordinary entry of the ``note`` exercise (``exercises/note.toml``),
saved through :func:`partsjournal.flow.journal.save_run` like every other, so it
is linked to a session, names its part and is found by every listing.
"""

from __future__ import annotations

from partsjournal.core import dates, entry, reading, sessions
from partsjournal.core import vocabulary as vocab
from partsjournal.core.entry import Entry
from partsjournal.core.errors import UsageError
from partsjournal.flow import exercises, journal
from partsjournal.flow.engine import Run
from partsjournal.views import search

NOTE = "note"


@reading.each_file_once
def save_note(text: str, *, part: str | None = None, at: str | None = None) -> Entry:
    """Save ``text`` (and the part it is about) as a trailhead entry, asking nothing."""
    if not text.strip():
        raise UsageError('Give the note in quotes, for example: partsjournal note "chest tight".')
    if part is not None and not part.strip():
        raise UsageError('--part needs the part\'s name, for example --part "The Critic".')
    ex = exercises.get(NOTE)
    created = dates.entry_time(at)
    linked, phase = sessions.link(created.date())
    current = Run(exercise=ex, phase=phase)
    for step in ex.steps:
        if step.role == vocab.TRAILHEAD:
            current.answers[step.id] = " ".join(text.split())
        elif step.kind == "part":
            current.answers[step.id] = part.strip() if part else ""
        else:
            continue
        current.shown[step.id] = current.render(step.text)
    if linked is not None:
        current.context["session"] = linked.id
    return journal.save_run(current, created)


def trailhead(ref: str) -> tuple[str, str | None]:
    """The words of the note ``ref`` (an id or its start) and the part it names, if any."""
    found = entry.load(search.find_entry(ref))
    words = next((a.text for a in found.answers if a.role == vocab.TRAILHEAD and a.text), None)
    if words is None:
        raise UsageError(
            f"The entry {found.id} is not a note; "
            "pass the id of one saved with 'partsjournal note'."
        )
    return words, found.parts[0].name if found.parts else None
