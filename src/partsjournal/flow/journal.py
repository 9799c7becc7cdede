"""Turning a finished exercise run into a saved entry, and the parts it names."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from partsjournal.core import matching, parts
from partsjournal.core import vocabulary as vocab
from partsjournal.core.answers import Answer
from partsjournal.core.entry import Entry, PartRef, new_id, save_new
from partsjournal.core.parts import Part
from partsjournal.core.store import UnreadableFile
from partsjournal.flow.engine import Run
from partsjournal.render import ui


@dataclass
class Named:
    """A part named in a run: the registry's part, or the id a new one will get."""

    ref: PartRef
    part: Part | None  # None: a new part, created once the entry is safely saved


def build_entry(current: Run, created: datetime, known: list[Part]) -> tuple[Entry, list[Named]]:
    """The entry for ``current``: every answered question with the prompt as shown.

    Guidance steps are not answers and are left out. Parts named in "part"
    steps are looked up in ``known`` (name or alias, any case, no guessing);
    a name that matches none is given the id a new part will have. Answers about
    a part (:data:`vocabulary.ABOUT_PART`) carry the id of the part named most
    recently before them, or else the entry's first. Earlier answers that no
    longer fit the exercise (``current.kept``, after a draft was resumed with a
    changed exercise file) are stored after the rest. Nothing is written here.
    """
    ex = current.exercise
    answers: list[Answer] = []
    named: list[Named] = []
    taken = {p.id for p in known}
    about: str | None = None
    for step in ex.steps:
        if step.id not in current.answers or not step.asks:
            continue
        value = current.answers[step.id]
        part_id = None
        if step.kind == "part" and isinstance(value, str):
            found = parts.find(value, known)
            if found is None:
                found_new = next((n for n in named if n.part is None and _same(n, value)), None)
                part_id = found_new.ref.id if found_new else parts.free_id(value, taken)
            else:
                part_id = found.id
            taken.add(part_id)
            about = part_id
            if all(n.ref.id != part_id for n in named):
                named.append(Named(PartRef(id=part_id, name=value.strip()), found))
        elif step.role in vocab.ABOUT_PART:
            part_id = about
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
    if named:
        for answer in answers:
            if answer.role in vocab.ABOUT_PART and answer.part is None:
                answer.part = named[0].ref.id
    answers.extend(k for k in current.kept if k.kind != "guide")
    entry = Entry(
        id=new_id(created),
        created=created,
        exercise=ex.name,
        exercise_version=ex.version,
        title=ex.title,
        answers=answers,
        parts=[n.ref for n in named],
        phase=current.phase,
        session=current.context.get("session"),
    )
    return entry, named


def _same(named: Named, name: str) -> bool:
    return matching.bare(named.ref.name) == matching.bare(name)


def part_facts(entry: Entry, part_id: str) -> dict[str, str]:
    """What ``entry`` said about one part, as part record fields (last answer wins)."""
    facts: dict[str, str] = {}
    for answer in entry.answers:
        field = vocab.PART_RECORD_FIELDS.get(answer.role or "")
        value = answer.value
        if field and answer.part == part_id and isinstance(value, str) and value.strip():
            facts[field] = value
    return facts


def save_run(current: Run, created: datetime, *, entry_id: str | None = None) -> Entry:
    """Save the entry first (it is what matters), then the parts it names.

    ``entry_id`` is the id fixed in the run's draft: saving the same draft
    twice (a retry after a failure, or after the process was killed before the
    draft was removed) finds the entry already there instead of writing a
    copy. The registry is read once. A new part's file is created after the entry is
    in place; each named part's record then takes in what the entry said about
    its fears, needs, new role, body, image and purpose (the entry keeps the
    full text), each read again and written under that part's lock.
    """
    with parts.registry_lock():
        # read under the lock, so a part another run created a moment ago is found by name
        known = parts.load_all(include_merged=True, warn=ui.warn)
        entry, named = build_entry(current, created, known)
        if entry_id is not None:
            entry.id = entry_id
        save_new(entry, once=entry_id is not None)
        for n in named:
            part = n.part
            if part is None:
                part = parts.create(n.ref.name, met=created.date(), part_id=n.ref.id)
            try:
                parts.learn(part, part_facts(entry, part.id), created.date())
            except UnreadableFile as exc:  # broken by hand meanwhile: the entry has the text
                ui.warn(f"Could not add this entry to {exc.path}: {exc.reason}.")
    return entry
