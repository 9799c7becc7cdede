"""One journal entry: its record, its file name, and how it is read and written.

This module deliberately uses plain dataclasses and hand-written checks rather
than pydantic: listing and reviewing entries must start as fast as the bare
framework does (see benchmarks/), and pydantic adds ~40 ms of imports. The
exercise *scripts* are validated with pydantic in :mod:`partsjournal.flow.exercises`.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from partsjournal.core import answers as answers_mod
from partsjournal.core import care_record
from partsjournal.core import messages as msg
from partsjournal.core import vocabulary as vocab
from partsjournal.core.answers import Answer
from partsjournal.core.care_record import CareItem
from partsjournal.core.errors import JournalError
from partsjournal.core.layout import entry_files, entry_path
from partsjournal.core.store import UnreadableFile, read_toml, write_toml

# The newest format this version reads and writes: 2 added the ``care`` record. An entry
# is written with the lowest schema that holds it (1 without a care record), so older
# versions of partsjournal read every entry they can.
SCHEMA_VERSION = 2
CARE_SCHEMA = 2
FIRST_SCHEMA = 1

_KNOWN_KEYS = {
    "schema",
    "id",
    "created",
    "exercise",
    "exercise_version",
    "title",
    "parts",
    "session",
    "phase",
    "answers",
    "care",
}


@dataclass
class PartRef:
    """A part named in an entry: its stable registry id and the name used then."""

    id: str
    name: str


@dataclass
class Entry:
    id: str
    created: datetime
    exercise: str
    exercise_version: int
    title: str
    answers: list[Answer] = field(default_factory=list)
    parts: list[PartRef] = field(default_factory=list)
    session: str | None = None
    phase: str | None = None
    schema: int = FIRST_SCHEMA
    # what care saw and did during the run (see core/care_record), kept for the therapist
    care: list[CareItem] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    path: Path | None = None

    @property
    def day(self) -> date:
        """The calendar day the entry belongs to: the writer's own local date."""
        return self.created.date()

    def answer(self, step: str) -> Answer | None:
        for a in self.answers:
            if a.step == step:
                return a
        return None

    def part_of(self, answer: Answer) -> str | None:
        """The id of the part ``answer`` is about: the one it carries, else the entry's
        first part (an answer saved before answers carried their part, or a file edited
        by hand). The one rule for every reader: part logs, reviews, session notes."""
        if answer.part is not None:
            return answer.part
        return self.parts[0].id if self.parts else None

    def by_role(self, role: str) -> list[Answer]:
        return [a for a in self.answers if a.role == role]

    def activation(self) -> tuple[int, int] | None:
        """Activation at the start and at the end: the first "before" rating and the
        last "after" one (an exercise may ask again after grounding). None unless
        both were given."""
        before = [n for a in self.by_role(vocab.ACTIVATION_BEFORE) if (n := a.number) is not None]
        after = [n for a in self.by_role(vocab.ACTIVATION_AFTER) if (n := a.number) is not None]
        return (before[0], after[-1]) if before and after else None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = dict(self.extra)
        out.update(
            {
                "schema": max(self.schema, CARE_SCHEMA) if self.care else self.schema,
                "id": self.id,
                "created": self.created,
                "exercise": self.exercise,
                "exercise_version": self.exercise_version,
                "title": self.title,
                "parts": [{"id": p.id, "name": p.name} for p in self.parts],
            }
        )
        if self.session:
            out["session"] = self.session
        if self.phase:
            out["phase"] = self.phase
        out["answers"] = [a.to_dict() for a in self.answers]
        if self.care:
            out["care"] = [c.to_dict() for c in self.care]
        return out


class InvalidEntry(UnreadableFile):
    """A TOML file in the entries folder that is not a partsjournal entry."""


def new_id(created: datetime) -> str:
    """An id that starts with the local time and ends with random hex.

    The random tail keeps ids unique for entries saved in the same second, or on
    two devices whose folders are later merged.
    """
    return f"{created.strftime('%Y-%m-%dT%H%M%S')}-{secrets.token_hex(3)}"


class EntryNotSaved(JournalError):
    """An entry that would not read back as an entry; nothing was written."""


def save_new(entry: Entry, *, once: bool = False) -> Path:
    """Write a new entry file; never overwrites another entry.

    The entry is first checked the way the reader checks files, so nothing is
    saved that every command would then skip. With ``once`` (an entry finished
    from a draft, whose id was fixed when the draft was first saved) an entry
    already at that id for the same exercise and time is taken as this one,
    saved by an earlier attempt that stopped before removing its draft.
    """
    try:
        from_dict(entry.to_dict(), entry_path(entry.id))
    except InvalidEntry as exc:
        raise EntryNotSaved(msg.ENTRY_NOT_SAVED.format(reason=exc.reason)) from None
    for _ in range(20):
        path = entry_path(entry.id)
        try:
            write_toml(path, entry.to_dict(), exclusive=True)
        except FileExistsError:
            if once and _same_entry(path, entry):
                entry.path = path
                return path
            entry.id = new_id(entry.created)
            continue
        entry.path = path
        return path
    raise RuntimeError("could not find a free entry id")  # pragma: no cover - 16M ids a second


def _same_entry(path: Path, entry: Entry) -> bool:
    try:
        there = load(path)
    except UnreadableFile:
        return False
    return there.exercise == entry.exercise and there.created == entry.created


def is_entry_id(text: str) -> bool:
    """True for an id of the form :func:`new_id` makes."""
    return _ID.fullmatch(text) is not None


_ID = re.compile(r"\d{4}-\d{2}-\d{2}T\d{6}-[0-9a-f]{6}")


def from_dict(data: dict[str, Any], path: Path) -> Entry:
    """Build an :class:`Entry`, checking every field; unknown keys are kept."""

    def bad(reason: str) -> InvalidEntry:
        schema = data.get("schema")
        if isinstance(schema, int) and not isinstance(schema, bool) and schema > SCHEMA_VERSION:
            reason += msg.NEWER_SCHEMA.format(schema=schema)
        return InvalidEntry(path, reason)

    def req(key: str, typ: type | tuple[type, ...]) -> Any:
        if key not in data:
            raise bad(msg.FIELD_MISSING.format(key=key))
        value = data[key]
        if not isinstance(value, typ) or (isinstance(value, bool) and typ is int):
            raise bad(msg.FIELD_WRONG_TYPE.format(key=key))
        return value

    def opt(key: str, typ: type, default: Any) -> Any:
        value = data.get(key, default)
        if not isinstance(value, typ) or (isinstance(value, bool) and typ is int):
            raise bad(msg.FIELD_WRONG_TYPE.format(key=key))
        return value

    schema = req("schema", int)
    extra = {k: v for k, v in data.items() if k not in _KNOWN_KEYS}
    if extra and schema <= SCHEMA_VERSION:
        raise bad(msg.UNKNOWN_KEYS.format(keys=sorted(extra)))
    entry_id = req("id", str)
    exercise = req("exercise", str)
    created = req("created", datetime)
    if created.tzinfo is None:
        raise bad(msg.FIELD_NO_OFFSET.format(key="created"))
    answers: list[Answer] = []
    for raw in req("answers", list):
        try:
            answers.append(answers_mod.from_dict(raw, allow_unknown=schema > SCHEMA_VERSION))
        except ValueError as exc:
            raise bad(str(exc)) from None
    parts: list[PartRef] = []
    for raw in opt("parts", list, []):
        if not isinstance(raw, dict) or not isinstance(raw.get("name"), str):
            raise bad(msg.PART_REF_NO_NAME)
        if not isinstance(raw.get("id", ""), str):
            raise bad(msg.PART_REF_ID_NOT_TEXT)
        parts.append(PartRef(id=raw.get("id", ""), name=raw["name"]))
    phase = opt("phase", str, "") or None
    if phase not in (None, "before", "after"):
        raise bad(msg.PHASE_BEFORE_OR_AFTER)
    try:
        care = care_record.from_list(data.get("care", []), allow_unknown=schema > SCHEMA_VERSION)
    except ValueError as exc:
        raise bad(str(exc)) from None
    return Entry(
        id=entry_id,
        created=created,
        exercise=exercise,
        exercise_version=opt("exercise_version", int, 1),
        title=opt("title", str, ""),
        answers=answers,
        parts=parts,
        session=opt("session", str, "") or None,
        phase=phase,
        schema=schema,
        care=care,
        extra=extra,
        path=path,
    )


def load(path: Path) -> Entry:
    """Read and check one entry file (raises :class:`UnreadableFile`)."""
    return from_dict(read_toml(path), path)


def load_range(
    since: date | None = None,
    until: date | None = None,
    *,
    warn: Callable[[str], None] | None = None,
) -> list[Entry]:
    """Entries in ``[since, until]`` in time order; unreadable files are skipped.

    Each skipped file is reported once through ``warn`` and is never rewritten.
    """
    out: list[Entry] = []
    for f in entry_files(since, until):
        try:
            out.append(load(f))
        except UnreadableFile as exc:
            if warn is not None:
                warn(msg.SKIPPED_FILE.format(path=f, reason=exc.reason))
    out.sort(key=lambda e: (e.created, e.id))
    return out
