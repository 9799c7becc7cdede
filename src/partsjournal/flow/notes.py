"""Trailheads: a one-line note saved at once, and starting an exercise from one.

A note is an ordinary entry of the ``note`` exercise (``exercises/note.toml``),
saved through :func:`partsjournal.flow.saving.save_run` like every other, so it
is linked to a session, names its part and is found by every listing.

Saving never asks for the passphrase. In an encrypted journal whose key is not at
hand, a note is saved at once without reading any other file: it is placed among
the sessions by the rule every reader applies, and the part it names (kept in its
answer) is linked by :func:`link_waiting` at the end of the next command that has
the key (``<home>/waiting/<entry id>``, an empty file, marks it until then).
"""

from __future__ import annotations

import contextlib
import os

from partsjournal.core import crypt, dates, entry, layout, paths, reading, sessions, store
from partsjournal.core import messages as msg
from partsjournal.core import vocabulary as vocab
from partsjournal.core.entry import Entry
from partsjournal.core.errors import UsageError
from partsjournal.flow import exercises, saving
from partsjournal.flow.engine import Run
from partsjournal.views import search

NOTE = "note"


@reading.each_file_once
def save_note(text: str, *, part: str | None = None, at: str | None = None) -> Entry:
    """Save ``text`` (and the part it is about) as a trailhead entry, asking nothing."""
    if not text.strip():
        raise UsageError(msg.NOTE_EMPTY)
    if part is not None and not part.strip():
        raise UsageError(msg.PART_OPTION_NEEDS_NAME)
    ex = exercises.get(NOTE)
    created = dates.entry_time(at)
    at_hand = crypt.key_at_hand()  # else nothing encrypted is read: no question is asked
    linked, phase = sessions.link(created.date(), clock=created.time()) if at_hand else (None, None)
    current = Run(exercise=ex, phase=phase)
    for step in ex.steps:
        if step.role == vocab.TRAILHEAD:
            current.answers[step.id] = " ".join(text.split())
        elif step.names_part:
            current.answers[step.id] = part.strip() if part else ""
        else:
            continue
        current.shown[step.id] = current.render(step.text)
    if linked is not None:
        current.context["session"] = linked.id
    saved = saving.save_run(current, created, link_parts=at_hand)
    if not at_hand and part:
        store.atomic_write(paths.waiting_dir() / saved.id, b"")
    return saved


def link_waiting() -> int:
    """Link the parts of notes saved while the key was not at hand (the key is at hand
    now); the number linked."""
    try:
        waiting = sorted(os.scandir(paths.waiting_dir()), key=lambda item: item.name)
    except OSError:
        return 0
    ex = exercises.get(NOTE)
    done = 0
    for marker in waiting:
        path = layout.entry_path(marker.name) if entry.is_entry_id(marker.name) else None
        if path is not None and path.is_file():
            found = entry.load(path)
            current = Run(exercise=ex, phase=found.phase)
            current.answers = {a.step: a.value for a in found.answers}
            current.shown = {a.step: a.prompt for a in found.answers}
            saving.link_parts(path, current)
            done += 1
        with contextlib.suppress(OSError):
            os.unlink(marker.path)
    return done


def trailhead(ref: str) -> tuple[str, str | None]:
    """The words of the note ``ref`` (an id or its start) and the part it names, if any."""
    found = entry.load(search.find_entry(ref))
    words = next((a.text for a in found.answers if a.role == vocab.TRAILHEAD and a.text), None)
    if words is None:
        raise UsageError(msg.NOT_A_NOTE.format(id=found.id))
    return words, found.parts[0].name if found.parts else None
