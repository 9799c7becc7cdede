"""Taking back a merge (``parts unmerge``): both parts as they were before it.

:func:`parts.merge` leaves the folded-in part's file in place, marked
``merged_into``, with ``merge_undo``: exactly what the other part gained (names,
parts it protects, fields it filled, its notes and meeting dates before). Undoing
removes only what is still as the merge left it, so anything written since stays.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from partsjournal.core import matching, parts
from partsjournal.core.errors import UsageError
from partsjournal.core.parts import Part
from partsjournal.core.store import UnreadableFile


def find_merged(name: str) -> Part:
    """The part that was merged away under ``name`` (its name or one of its aliases)."""
    merged = [p for p in parts.load_all(include_merged=True) if p.merged_into]
    found = matching.same(name, merged, Part.names)
    if found:
        return found[0]
    raise UsageError(
        f"No part called '{name.strip()}' was merged into another, so there is nothing to "
        "unmerge; run 'partsjournal parts' to see your parts."
    )


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
        raise UsageError(
            f"{target.name} was itself merged into another part since; unmerge "
            f'it first: partsjournal parts unmerge "{target.name}"'
        )
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
