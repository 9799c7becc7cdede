"""The parts registry: one TOML file per part under ``<home>/parts/``.

Entries refer to a part by its stable ``id`` (written in its file), so renaming a
part never touches entries. Merging A into B leaves A's file in place with
``merged_into = B``, so entries that point at A still find their part.

The record and reading the registry are in :mod:`partsjournal.core.part_record`,
what a name may be and a new part's id in :mod:`partsjournal.core.part_names`
(both re-exported here), merging two parts and taking it back in
:mod:`partsjournal.core.part_merges`; this module finds parts by name and changes one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from datetime import date
from typing import Any

from partsjournal.core import idfiles, matching, paths
from partsjournal.core import messages as msg
from partsjournal.core.errors import JournalError, UsageError
from partsjournal.core.part_names import NAME_RULE as NAME_RULE
from partsjournal.core.part_names import check_name as check_name
from partsjournal.core.part_names import free_id as free_id
from partsjournal.core.part_names import name_problem as name_problem
from partsjournal.core.part_names import slugify as slugify
from partsjournal.core.part_record import LIST_FIELDS, TEXT_FIELDS, read_located
from partsjournal.core.part_record import Part as Part
from partsjournal.core.part_record import everything as everything
from partsjournal.core.part_record import in_circle as in_circle
from partsjournal.core.part_record import live as live
from partsjournal.core.part_record import live_id as live_id
from partsjournal.core.part_record import load_all as load_all
from partsjournal.core.part_record import part_path as part_path
from partsjournal.core.part_record import read_one as read_one
from partsjournal.core.store import UnreadableFile, locked, write_toml


def get(part_id: str) -> Part | None:
    """The part with this id, following merges to the part that lives on."""
    return live(part_id, everything())


def find(name: str, known: list[Part] | None = None) -> Part | None:
    """The part whose name or alias matches ``name``, ignoring case and extra spaces.

    An exact match wins; otherwise a leading "the", "a", "an" or "my" is ignored on
    both sides, so "critic" finds "The Critic". This is a fixed rule, not a guess,
    so scripted runs use it too; close spellings are only ever offered, never taken.
    ``known`` is the registry when the caller has read it already.
    """
    if not matching.key(name):
        return None
    if known is None:
        known = load_all()
    else:
        index = {p.id: p for p in known}
        known = [p for p in known if p.merged_into is None or in_circle(p.id, index)]
    found = matching.same(name, known, Part.names)
    return found[0] if found else None


def shown_name(name: str, known: list[Part] | None = None) -> str:
    """The name to show for a part named ``name``: the registry's ("critic" shows as
    "The Critic"), or ``name`` itself for a part not met yet. What was typed is kept
    in the entry; only the screen uses this."""
    found = find(name, known)
    return found.name if found is not None else name.strip()


def current_names(ids: Iterable[str], index: dict[str, Part] | None = None) -> dict[str, str]:
    """The name each part id goes by now in the registry (following merges), for
    showing entries; ids the registry does not know are left out."""
    index = everything() if index is None else index
    names = {}
    for part_id in ids:
        part = live(part_id, index)
        if part is not None:
            names[part_id] = part.name
    return names


def suggest(name: str, *, limit: int = 3) -> list[Part]:
    """Parts whose name or an alias is close to ``name`` (:mod:`matching`), closest first."""
    if not matching.key(name):
        return []
    return matching.ranked(name, load_all(), Part.names, lambda p: p.name, limit=limit)


def resolve(name: str, *, to_add: bool = False) -> Part:
    """The part called ``name`` (or one of its aliases, or with that id); a usage error
    naming close ones.

    ``to_add``: the name may be a part not met yet, so the error says how to add it.
    """
    part = find(name)
    if part is None and name.strip():  # two parts with one name are told apart by id
        part = get(name.strip())
    if part is not None:
        return part
    close = suggest(name)
    hint = matching.offer([p.name for p in close], quote=True)
    then = msg.ADD_AS_NEW_PART.format(name=name.strip()) if to_add else msg.SEE_ALL_PARTS
    raise UsageError(msg.NO_SUCH_PART.format(name=name.strip(), hint=hint, then=then))


def save(part: Part) -> None:
    """Write ``part`` as it is; changes go through :func:`update` instead."""
    write_toml(part_path(part.id), part.to_dict())


def update(part_id: str, change: Callable[[Part], object]) -> Part:
    """Change one part: read its file, apply ``change``, write it, all under the
    part's lock, so a rename, merge or edit landing in between is never lost.

    ``change`` returns False when it changed nothing (the file is then left as
    it is). Returns the part as written.
    """
    path = part_path(part_id)
    while True:
        with locked(path):
            found, part = read_located(part_id)
            if found == path:
                if change(part) is not False:
                    write_toml(path, part.to_dict())
                return part
        path = found  # given a new name meanwhile (encrypt): lock it where it is now


def registry_lock() -> AbstractContextManager[None]:
    """Held while new parts are looked up and created, so two runs naming the same new
    part at the same moment make one part, not two."""
    return locked(paths.parts_dir() / "registry")


def create(name: str, *, met: date | None = None, part_id: str | None = None) -> Part:
    """Write a new part file (never over another one).

    If a part with this id and the same name appeared meanwhile (another run
    created it a moment ago), that part is used instead.
    """
    name = check_name(name)
    part = Part(id=part_id or free_id(name), name=name, first_met=met, last_met=met)
    try:
        write_toml(part_path(part.id), part.to_dict(), exclusive=True)
    except FileExistsError:
        there = read_one(part.id)
        if matching.key(there.name) == matching.key(name):
            return there
        return create(name, met=met, part_id=free_id(name))
    return part


def add_protects(part: Part, others: list[Part]) -> None:
    """Note that ``part`` protects each of ``others`` (a part cannot protect itself)."""
    for other in others:
        if other.id == part.id:
            raise UsageError(msg.PART_PROTECTS_ITSELF.format(name=part.name))
        if other.id not in part.protects:
            part.protects.append(other.id)


def record_meeting(part: Part, met: date) -> Part:
    """Update first/last met dates after an entry names this part."""
    return update(part.id, lambda fresh: note_meeting(fresh, met))


def note_meeting(part: Part, met: date) -> bool:
    """Widen ``part``'s first and last meeting to take in ``met``; True when either moved."""
    changed = False
    if part.first_met is None or met < part.first_met:
        part.first_met, changed = met, True
    if part.last_met is None or met > part.last_met:
        part.last_met, changed = met, True
    return changed


def learn(part: Part, facts: dict[str, str], met: date) -> Part:
    """Take what an entry said about ``part`` into its record, and note the meeting.

    ``facts`` maps field names (fears, needs, new_role, body, image,
    current_role) to the entry's answers. An entry dated before the part's last
    meeting does not overwrite newer answers; ``current_role`` is only filled
    when it is still empty. Empty answers never clear a field. The part's file
    is read again under its lock, so nothing changed since ``part`` was read is lost.
    """

    def take(fresh: Part) -> bool:
        newest = fresh.last_met is None or met >= fresh.last_met
        changed = note_meeting(fresh, met)
        for key, value in facts.items():
            text = value.strip()
            if key not in TEXT_FIELDS or not text:
                continue
            if key == "current_role" and fresh.current_role:
                continue
            if (newest or not getattr(fresh, key)) and getattr(fresh, key) != text:
                setattr(fresh, key, text)
                changed = True
        return changed

    return update(part.id, take)


def _taken_by_other(name: str, part: Part) -> Part | None:
    other = find(name)
    return other if other is not None and other.id != part.id else None


def rename(part: Part, new_name: str) -> Part:
    """Give ``part`` a new name; the old one becomes an alias, the id stays."""
    new = check_name(new_name)
    other = _taken_by_other(new, part)
    if other is not None:
        raise UsageError(msg.NAME_OF_ANOTHER_PART.format(new=new, other=other.name, name=part.name))

    def apply(fresh: Part) -> None:
        old = fresh.name
        fresh.name = new
        fresh.aliases = unique_names([old, *fresh.aliases], exclude=[new])

    return update(part.id, apply)


def add_aliases(part: Part, aliases: list[str]) -> None:
    for alias in aliases:
        if alias.strip():
            check_name(alias)
        other = _taken_by_other(alias, part)
        if other is not None:
            raise UsageError(msg.ALIAS_TAKEN.format(name=alias.strip(), other=other.name))
    part.aliases = unique_names([*part.aliases, *(a.strip() for a in aliases)], exclude=[part.name])


def unique_names(names: list[str], *, exclude: list[str]) -> list[str]:
    """``names`` stripped, each once (by :func:`matching.key`), leaving out ``exclude``."""
    seen = {matching.key(n) for n in exclude}
    out = []
    for n in names:
        if n.strip() and matching.key(n) not in seen:
            seen.add(matching.key(n))
            out.append(n.strip())
    return out


# What an edited part file may contain; anything else is refused, so typos show.
EDITABLE_KEYS = frozenset(
    {"id", "name", "first_met", "last_met", "merged_into", "merge_undo"}
).union(LIST_FIELDS, TEXT_FIELDS)


def check_edit(data: dict[str, Any], original: Part) -> Part:
    """Validate a part file edited by hand; raise JournalError saying what is wrong."""
    unknown = sorted(set(data) - EDITABLE_KEYS)
    if unknown:
        raise JournalError(msg.PART_EDIT_UNKNOWN_FIELD.format(field=unknown[0]))
    path = part_path(original.id)
    if data.get("id", original.id) != original.id:
        raise JournalError(msg.PART_EDIT_ID_CHANGED)
    if not idfiles.has_id(data) and path.stem != original.id:
        raise JournalError(msg.PART_EDIT_NO_ID.format(id=original.id))
    try:
        part = Part.from_dict(data, path)
    except UnreadableFile as exc:
        raise JournalError(msg.PART_EDIT_INVALID.format(reason=exc.reason)) from None
    for name in part.names():
        if name_problem(name) == NAME_RULE:
            raise JournalError(  # the catch point shows its controls (render/text.sentence)
                msg.PART_EDIT_NAME_LINES.format(name=name)
            )
        other = _taken_by_other(name, part)
        if other is not None:
            raise JournalError(msg.PART_EDIT_NAME_TAKEN.format(name=name, other=other.name))
    return part
