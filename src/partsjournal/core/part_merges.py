"""Merging two parts (``parts merge``) and taking a merge back (``parts unmerge``).

:func:`merge` leaves the folded-in part's file in place, marked ``merged_into``, with
``merge_undo``: exactly what the other part gained (names, parts it protects, fields it
filled, its notes and meeting dates before). :func:`unmerge` removes only what is still
as the merge left it, so anything written since stays; :func:`undo_merge` makes a part
live again (how ``parts show`` repairs a merge circle). Following ``merged_into`` is
:func:`partsjournal.core.part_record.live_id`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from typing import Any

from partsjournal.core import matching, parts
from partsjournal.core import messages as msg
from partsjournal.core.errors import JournalError, UsageError
from partsjournal.core.part_record import TEXT_FIELDS, part_path, read_one
from partsjournal.core.parts import Part
from partsjournal.core.store import UnreadableFile, locked, write_toml


def merge(source: Part, target: Part) -> Part:
    """Fold ``source`` into ``target``; nothing is deleted.

    ``target`` gains the source's name and aliases, whom it protects, the
    earlier first meeting and the later last one, and any field it had left
    empty. The source file stays, marked ``merged_into``, so entries that point
    at it still find the part. Merging two parts merged into each other in a
    circle repairs the circle: ``target`` lives on. Both files are changed under
    both parts' locks, taken in one order, and refused when either was merged
    since the caller read it: two crossing merges (A into B, B into A) never
    both happen and never leave a circle.
    """
    if source.id == target.id:
        raise UsageError(msg.ALREADY_ONE_PART.format(source=source.name, target=target.name))
    with _both_locked(source.id, target.id):
        src, fresh = read_one(source.id), read_one(target.id)
        if (src.merged_into, fresh.merged_into) != (source.merged_into, target.merged_into):
            raise JournalError(msg.MERGED_MEANWHILE.format(source=source.name, target=target.name))
        before = replace(fresh, aliases=[*fresh.aliases], protects=[*fresh.protects])
        fresh.merged_into = None
        fresh.aliases = parts.unique_names(
            [*fresh.aliases, src.name, *src.aliases], exclude=[fresh.name]
        )
        fresh.protects = parts.unique_names(
            [*fresh.protects, *src.protects], exclude=[fresh.id, src.id]
        )
        for key in TEXT_FIELDS:
            if not getattr(fresh, key) and getattr(src, key):
                setattr(fresh, key, getattr(src, key))
        if src.notes and src.notes not in fresh.notes:
            fresh.notes = f"{fresh.notes}\n\n{src.notes}".strip()
        for met in (src.first_met, src.last_met):
            if met is not None:
                parts.note_meeting(fresh, met)
        write_toml(part_path(fresh.id), fresh.to_dict())
        src.merged_into = target.id
        src.merge_undo = _gained(before, fresh)  # for `parts unmerge` (below)
        write_toml(part_path(src.id), src.to_dict())
    return fresh


@contextlib.contextmanager
def _both_locked(one: str, other: str) -> Iterator[None]:
    """Hold both parts' locks, taken in the order of their paths (so two commands
    wanting the same two never wait for each other); again where they are now if
    encrypt renamed one meanwhile."""
    while True:
        wanted = sorted({part_path(one), part_path(other)})
        with contextlib.ExitStack() as held:
            for path in wanted:
                held.enter_context(locked(path))
            if sorted({part_path(one), part_path(other)}) == wanted:
                yield
                return


def _gained(before: Part, after: Part) -> dict[str, Any]:
    """Exactly what a merge gave ``after`` (stored with the part merged away)."""
    return {
        "aliases": [a for a in after.aliases if a not in before.aliases],
        "protects": [p for p in after.protects if p not in before.protects],
        "unprotected": [p for p in before.protects if p not in after.protects],
        "filled": [k for k in TEXT_FIELDS if getattr(after, k) != getattr(before, k)],
        "before": {k: getattr(before, k) for k in TEXT_FIELDS if getattr(before, k)}
        | {k: getattr(before, k) or "" for k in ("first_met", "last_met")},
    }


def undo_merge(part: Part) -> Part:
    """Make ``part`` live again (how ``parts show`` repairs a merge circle)."""

    def clear(fresh: Part) -> None:
        fresh.merged_into = None

    return parts.update(part.id, clear)


def find_merged(name: str) -> Part:
    """The part that was merged away under ``name`` (its name or one of its aliases)."""
    merged = [p for p in parts.load_all(include_merged=True) if p.merged_into]
    found = matching.same(name, merged, Part.names)
    if found:
        return found[0]
    raise UsageError(msg.NOTHING_TO_UNMERGE.format(name=name.strip()))


def _raw(part_id: str) -> Part | None:
    """A part file as it is, without following ``merged_into``."""
    try:
        return parts.read_one(part_id)
    except (FileNotFoundError, UnreadableFile):
        return None


def unmerge(source: Part) -> tuple[Part, Part | None, bool]:
    """Give ``source`` back its own life; return it, the part it was merged into, and
    whether the merge was undone exactly (merges made before the record was kept
    only give back the names). Each file changes under its part's lock."""
    target = _raw(source.merged_into or "")
    if target is not None and target.merged_into:
        raise UsageError(msg.UNMERGE_TARGET_FIRST.format(name=target.name))
    record: dict[str, Any] = {}

    def free(fresh: Part) -> None:
        record.update(fresh.merge_undo or {})
        fresh.merged_into = None
        fresh.merge_undo = None

    freed = parts.update(source.id, free)
    if target is not None:
        target = parts.update(target.id, lambda fresh: _give_back(fresh, freed, record))
    return freed, target, bool(record)


def _give_back(target: Part, source: Part, record: dict[str, Any]) -> None:
    names = record.get("aliases", [source.name, *source.aliases])
    gone = {matching.key(n) for n in names if isinstance(n, str)}
    target.aliases = [a for a in target.aliases if matching.key(a) not in gone]
    target.protects = [p for p in target.protects if p not in record.get("protects", [])]
    target.protects += [p for p in record.get("unprotected", []) if p not in target.protects]
    before: dict[str, Any] = record.get("before", {})
    for key in record.get("filled", []):
        if key == "notes":
            if source.notes and target.notes.endswith(source.notes):
                target.notes = before.get("notes", "")
        elif hasattr(target, key) and getattr(target, key) == getattr(source, key):
            setattr(target, key, before.get(key, ""))
    for key in ("first_met", "last_met"):
        if key in before and getattr(target, key) == getattr(source, key):
            old = before[key]
            setattr(target, key, old if isinstance(old, date) else None)
