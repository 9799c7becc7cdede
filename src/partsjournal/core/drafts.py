"""Drafts: exercises paused part-way, one TOML file each under ``<home>/drafts/``.

A draft is rewritten (atomically, 0600) after every answered step, so closing
the terminal in the middle of an exercise loses nothing that was answered.
Finishing the exercise turns the draft into a normal entry and removes it.

Each answer keeps its step id, kind, role and the prompt as it was shown, so a
draft still makes sense if the exercise file changes before it is resumed:
answers to steps that no longer exist are carried into the entry, not dropped.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from partsjournal.core import answers as answers_mod
from partsjournal.core import care_record, dates, paths
from partsjournal.core import messages as msg
from partsjournal.core.answers import Answer
from partsjournal.core.care_record import CareItem
from partsjournal.core.entry import new_id as entry_id
from partsjournal.core.errors import JournalError, UsageError
from partsjournal.core.store import (
    Busy,
    UnreadableFile,
    is_journal_file,
    locked,
    read_toml,
    write_toml,
)

SCHEMA_VERSION = 1


@dataclass
class Draft:
    id: str
    exercise: str
    exercise_version: int
    title: str
    created: datetime
    updated: datetime
    answers: list[Answer] = field(default_factory=list)  # guidance steps too
    part_name: str | None = None
    phase: str | None = None
    context: dict[str, str] = field(default_factory=dict)  # text only (checked on reading)
    pending: dict[str, str] = field(default_factory=dict)
    care: list[CareItem] = field(default_factory=list)  # the run's safety state so far
    schema: int = SCHEMA_VERSION
    path: Path | None = None

    @property
    def answered(self) -> int:
        """How many questions were answered (guidance steps are not counted)."""
        return sum(1 for a in self.answers if a.kind != "guide")

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "schema": self.schema,
            "id": self.id,
            "exercise": self.exercise,
            "exercise_version": self.exercise_version,
            "title": self.title,
            "created": self.created,
            "updated": self.updated,
        }
        if self.part_name:
            out["part"] = self.part_name
        if self.phase:
            out["phase"] = self.phase
        if self.context:
            out["context"] = dict(self.context)
        if self.pending:
            out["pending"] = dict(self.pending)
        out["answers"] = [a.to_dict() for a in self.answers]
        if self.care:
            out["care"] = [c.to_dict() for c in self.care]
        return out


def draft_path(draft_id: str) -> Path:
    return paths.drafts_dir() / f"{draft_id}.toml"


def new_id(created: datetime) -> str:
    return entry_id(created)


def save(draft: Draft) -> Path:
    """Write the draft; the first write picks an id no other draft has."""
    if draft.path is not None:
        write_toml(draft.path, draft.to_dict())
        return draft.path
    for _ in range(20):
        path = draft_path(draft.id)
        try:
            write_toml(path, draft.to_dict(), exclusive=True)
        except FileExistsError:
            draft.id = new_id(draft.created)
            continue
        draft.path = path
        return path
    raise RuntimeError("could not find a free draft id")  # pragma: no cover


class DraftInUse(JournalError):
    """Another partsjournal window is running this draft right now."""


@contextlib.contextmanager
def held(draft: Draft) -> Iterator[None]:
    """Hold ``draft`` for one run: a second window resuming it at the same time is
    refused, so a draft can never be finished twice at once."""
    assert draft.path is not None
    with contextlib.ExitStack() as stack:
        try:
            stack.enter_context(locked(draft.path, wait=False))
        except Busy:
            raise DraftInUse(msg.DRAFT_IN_USE.format(id=draft.id)) from None
        yield


def remove(draft: Draft) -> None:
    if draft.path is not None:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(draft.path)


def _from_dict(data: dict[str, Any], path: Path) -> Draft:
    """Build a :class:`Draft`, checking the type of every field (as entries are)."""

    def bad(reason: str) -> UnreadableFile:
        return UnreadableFile(path, reason)

    def opt(key: str, typ: type, default: Any) -> Any:
        value = data.get(key, default)
        if not isinstance(value, typ) or (isinstance(value, bool) and typ is int):
            raise bad(msg.FIELD_WRONG_TYPE.format(key=key))
        return value

    for key, typ in (("exercise", str), ("created", datetime), ("answers", list)):
        if not isinstance(data.get(key), typ):
            raise bad(msg.NOT_A_DRAFT.format(key=key))
    created = data["created"]
    if created.tzinfo is None:
        raise bad(msg.FIELD_NO_OFFSET.format(key="created"))
    updated = opt("updated", datetime, created)
    if updated.tzinfo is None:
        raise bad(msg.FIELD_NO_OFFSET.format(key="updated"))
    schema = opt("schema", int, SCHEMA_VERSION)
    answers = []
    for raw in data["answers"]:
        try:
            answers.append(answers_mod.from_dict(raw, allow_unknown=schema > SCHEMA_VERSION))
        except ValueError as exc:
            raise bad(str(exc)) from None
    context = opt("context", dict, {})
    if not all(isinstance(v, str) for v in context.values()):
        raise bad(msg.FIELD_ONLY_TEXT.format(key="context"))
    pending = opt("pending", dict, {})
    if not all(isinstance(v, str) for v in pending.values()):
        raise bad(msg.FIELD_ONLY_TEXT.format(key="pending"))
    phase = opt("phase", str, "") or None
    if phase not in (None, "before", "after"):
        raise bad(msg.PHASE_BEFORE_OR_AFTER)
    part = opt("part", str, "")
    try:
        care = care_record.from_list(data.get("care", []), allow_unknown=True)
    except ValueError as exc:
        raise bad(str(exc)) from None
    return Draft(
        id=path.stem,
        exercise=data["exercise"],
        exercise_version=opt("exercise_version", int, 1),
        title=opt("title", str, data["exercise"]),
        created=created,
        updated=updated,
        answers=answers,
        part_name=part if part.strip() else None,
        phase=phase,
        context=context,
        pending=pending,
        care=care,
        schema=schema,
        path=path,
    )


def load(path: Path) -> Draft:
    return _from_dict(read_toml(path), path)


def reload(draft: Draft) -> Draft:
    """``draft`` as it is on disk now; a sentence if it was finished or discarded meanwhile."""
    assert draft.path is not None
    if not draft.path.exists():
        raise JournalError(msg.DRAFT_GONE.format(id=draft.id))
    return load(draft.path)


def load_all(*, warn: Callable[[str], None] | None = None) -> list[Draft]:
    """Every readable draft, oldest first; unreadable files are skipped with a warning."""
    folder = paths.drafts_dir()
    if not folder.is_dir():
        return []
    found = []
    for f in sorted(folder.iterdir()):
        if not is_journal_file(f) or not f.is_file():
            continue
        try:
            found.append(load(f))
        except UnreadableFile as exc:
            if warn is not None:
                warn(msg.SKIPPED_FILE.format(path=f, reason=exc.reason))
    found.sort(key=lambda d: (d.created, d.id))
    return found


def find(ref: str, drafts: list[Draft]) -> Draft:
    """A draft by its number in the list ("1"), its id, or the start of its id."""
    ref = ref.strip()
    if ref.isdigit() and 1 <= int(ref) <= len(drafts):
        return drafts[int(ref) - 1]
    for d in drafts:
        if d.id == ref:
            return d
    matches = [d for d in drafts if ref and d.id.startswith(ref)]
    if len(matches) == 1:
        return matches[0]
    if not drafts:
        raise UsageError(msg.NO_DRAFTS.format(ref=ref))
    raise UsageError(msg.NO_SINGLE_DRAFT.format(ref=ref, count=len(drafts)))


def label(draft: Draft) -> str:
    part = f", {draft.part_name}" if draft.part_name else ""
    return f"{draft.title}{part} (started {dates.short_moment(draft.created)})"
