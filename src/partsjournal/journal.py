"""Turning a finished exercise run into a saved entry, and the parts it names."""

from __future__ import annotations

from datetime import datetime

from partsjournal import parts
from partsjournal.engine import Run
from partsjournal.entry import Answer, Entry, PartRef, new_id, save_new


def build_entry(current: Run, created: datetime) -> Entry:
    """The entry for ``current``: every answered question with the prompt as shown.

    Guidance steps are not answers and are left out. Parts named in "part"
    steps are looked up (name or alias, any case) or created in the registry.
    Earlier answers that no longer fit the exercise (``current.kept``, after a
    draft was resumed with a changed exercise file) are stored after the rest.
    """
    ex = current.exercise
    answers: list[Answer] = []
    refs: list[PartRef] = []
    for step in ex.steps:
        if step.id not in current.answers or not step.asks:
            continue
        value = current.answers[step.id]
        part_id = None
        if step.kind == "part" and isinstance(value, str):
            part = parts.find_or_create(value, met=created.date())
            part_id = part.id
            if all(r.id != part.id for r in refs):
                refs.append(PartRef(id=part.id, name=value.strip()))
        answers.append(
            Answer(
                step=step.id,
                kind=step.kind,
                prompt=current.shown.get(step.id, step.text),
                value=value,
                role=step.role,
                part=part_id,
            )
        )
    for k in current.kept:
        if k["kind"] == "guide":
            continue
        answers.append(
            Answer(
                step=k["step"], kind=k["kind"], prompt=k["prompt"], value=k["value"], role=k["role"]
            )
        )
    return Entry(
        id=new_id(created),
        created=created,
        exercise=ex.name,
        exercise_version=ex.version,
        title=ex.title,
        answers=answers,
        parts=refs,
        phase=current.phase,
        session=current.context.get("session"),
    )


def save_run(current: Run, created: datetime) -> Entry:
    """Save the entry first (it is what matters), then note the meetings."""
    entry = build_entry(current, created)
    save_new(entry)
    for ref in entry.parts:
        part = parts.get(ref.id)
        if part is not None:
            parts.record_meeting(part, created.date())
    return entry
