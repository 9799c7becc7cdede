"""Turning a finished exercise run into a saved entry, and the parts it names."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from functools import partial
from pathlib import Path

from partsjournal.core import index, matching, parts, sessions
from partsjournal.core import messages as msg
from partsjournal.core import vocabulary as vocab
from partsjournal.core.answers import Answer
from partsjournal.core.entry import Entry, PartRef, load, new_id, save_new
from partsjournal.core.parts import Part
from partsjournal.core.store import UnreadableFile, locked, write_toml
from partsjournal.flow.engine import Run
from partsjournal.render import ui


@dataclass
class Named:
    """A part named in a run: the registry's part, or the id a new one will get."""

    ref: PartRef
    part: Part | None  # None: a new part, created once the entry is safely saved
    tender: bool = False  # named by an ``exile`` step: a tender part, kept for therapy
    in_session: bool = False  # named by a ``session-part`` step: it showed up in the session
    protected_by: list[str] = field(default_factory=list)  # ids of parts said to protect it


def build_entry(
    current: Run, created: datetime, known: list[Part], *, link: bool = True
) -> tuple[Entry, list[Named]]:
    """The entry for ``current``: every answered question with the prompt as shown.

    Guidance steps are not answers and are left out. Parts named in "part"
    steps are looked up in ``known`` (name or alias, any case, no guessing);
    a name that matches none is given the id a new part will have. Answers about
    a part (:data:`vocabulary.ABOUT_PART`) carry the id of the part in focus (named
    most recently by a step that moves the focus), or else the entry's first; a
    note for the therapist carries the part named just before it, of any kind.
    Parts named by ``exile`` steps are marked tender, and those named by
    ``protected`` steps remember the part in focus as their protector. Earlier answers that no
    longer fit the exercise (``current.kept``, after a draft was resumed with a
    changed exercise file) are stored after the rest. Nothing is written here.
    """
    ex = current.exercise
    answers: list[Answer] = []
    named: list[Named] = []
    taken = {p.id for p in known}
    about: str | None = None
    last: str | None = None
    for step in ex.steps:
        if step.id not in current.answers or not step.asks:
            continue
        value = current.answers[step.id]
        part_id = None
        if not link:
            pass  # names stay in the answers only, linked later (link_parts)
        elif step.names_part and isinstance(value, str) and value.strip():
            found = parts.find(value, known)
            if found is None:
                found_new = next((n for n in named if n.part is None and _same(n, value)), None)
                part_id = found_new.ref.id if found_new else parts.free_id(value, taken)
            else:
                part_id = found.id
            taken.add(part_id)
            last = part_id
            if step.moves_focus:
                about = part_id
            this = next((n for n in named if n.ref.id == part_id), None)
            if this is None:
                this = Named(PartRef(id=part_id, name=value.strip()), found)
                named.append(this)
            this.tender = this.tender or step.role == vocab.EXILE
            this.in_session = this.in_session or step.role == vocab.SESSION_PART
            if step.role == vocab.PROTECTED and about is not None and about != part_id:
                this.protected_by.append(about)
        elif step.about is not None:
            part_id = _about_known(step.about, value, known, named)
        elif step.role in vocab.ABOUT_PART:
            part_id = about
        elif step.role in vocab.ABOUT_LAST_NAMED:
            part_id = last
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
        care=list(current.care),
    )
    for answer in answers:  # written into the file, so it says which part without the rule
        if answer.role in vocab.ABOUT_PART or answer.role in vocab.ABOUT_LAST_NAMED:
            answer.part = entry.part_of(answer)
    return entry, named


def _about_known(name: str, value: object, known: list[Part], named: list[Named]) -> str | None:
    """The id of the known part a step is ``about``; it counts as named in the entry
    once something was said (not an empty text, not a no)."""
    found = parts.find(name, known)
    if found is None:
        return None
    said = value is not False and not (isinstance(value, str) and not value.strip())
    if said and all(n.ref.id != found.id for n in named):
        named.append(Named(PartRef(id=found.id, name=found.name), found))
    return found.id


def _same(named: Named, name: str) -> bool:
    return matching.bare(named.ref.name) == matching.bare(name)


def _mark_tender(fresh: Part) -> bool:
    if fresh.role:
        return False
    fresh.role = vocab.EXILE_PART_ROLE
    return True


def _add_protected(fresh: Part, protected_id: str) -> bool:
    if protected_id == fresh.id or protected_id in fresh.protects:
        return False
    fresh.protects.append(protected_id)
    return True


def _session_day(entry: Entry) -> date | None:
    if entry.session is None:
        return None
    found = sessions.around(entry.day, entry.day, ids=[entry.session])
    return next((s.date for s in found if s.id == entry.session), None)


def part_facts(entry: Entry, part_id: str) -> dict[str, str]:
    """What ``entry`` said about one part, as part record fields (last answer wins)."""
    facts: dict[str, str] = {}
    for answer in entry.answers:
        field = vocab.PART_RECORD_FIELDS.get(answer.role or "")
        value = answer.value
        if field and answer.part == part_id and isinstance(value, str) and value.strip():
            facts[field] = value
    return facts


def save_run(
    current: Run, created: datetime, *, entry_id: str | None = None, link_parts: bool = True
) -> Entry:
    """Save the entry first (it is what matters), then the parts it names.

    ``entry_id`` is the id fixed in the run's draft: saving the same draft
    twice (a retry after a failure, or after the process was killed before the
    draft was removed) finds the entry already there instead of writing a
    copy. The registry is read once. A new part's file is created after the entry is
    in place; each named part's record then takes in what the entry said about
    its fears, needs, new role, body, image and purpose (the entry keeps the
    full text), each read again and written under that part's lock. A part named as
    showing up in the session (``session-part``) is counted as met on the session's
    day; a tender part (``exile``) gets the role exile when it has none; a part named
    as protected is added to whom the part in focus protects.

    ``link_parts=False`` saves the entry without reading the registry (a note in an
    encrypted journal whose key is not at hand: saving never asks for the passphrase);
    the names stay in its answers, and :func:`link_parts` links them later.
    """
    if not link_parts:
        entry, _ = build_entry(current, created, [], link=False)
        save_new(entry)
        return entry
    with parts.registry_lock():
        # read under the lock, so a part another run created a moment ago is found by name
        known = parts.load_all(include_merged=True, warn=ui.warn)
        entry, named = build_entry(current, created, known)
        if entry_id is not None:
            entry.id = entry_id
        save_new(entry, once=entry_id is not None)
        _take_parts(entry, named, created)
    if entry.path is not None:  # after the files are in place; never fails the save
        # the file holds what was written from entry.to_dict(), unless a retry of a draft
        # found its entry saved already (then the index reads the file, as it is)
        index.note_saved(entry.path, entry.to_dict() if entry_id is None else None)
    return entry


def link_parts(path: Path, current: Run) -> Entry:
    """Give the saved entry at ``path`` (whose answers ``current`` holds again) the parts
    its answers name, as :func:`save_run` would have, and take them into their records."""
    with parts.registry_lock():
        known = parts.load_all(include_merged=True, warn=ui.warn)
        with locked(path):
            saved = load(path)
            linked, named = build_entry(current, saved.created, known)
            by_step = {a.step: a.part for a in linked.answers}
            for answer in saved.answers:
                answer.part = by_step.get(answer.step, answer.part)
            saved.parts = linked.parts
            write_toml(path, saved.to_dict())
        _take_parts(saved, named, saved.created)
    index.note_saved(path, saved.to_dict())  # the file holds what was written from it
    return saved


def _take_parts(entry: Entry, named: list[Named], created: datetime) -> None:
    session_day = _session_day(entry) if any(n.in_session for n in named) else None
    for n in named:
        part = n.part
        if part is None:
            part = parts.create(n.ref.name, met=created.date(), part_id=n.ref.id)
        try:
            parts.learn(part, part_facts(entry, part.id), created.date())
            if n.in_session and session_day is not None:
                parts.record_meeting(part, session_day)
            if n.tender:
                parts.update(part.id, _mark_tender)
            for protector in n.protected_by:
                parts.update(protector, partial(_add_protected, protected_id=part.id))
        except UnreadableFile as exc:  # broken by hand meanwhile: the entry has the text
            ui.warn(msg.ENTRY_NOT_ADDED_TO_PART.format(path=exc.path, reason=exc.reason))
