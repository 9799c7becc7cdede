"""The parts registry: one TOML file per part under ``<home>/parts/``.

Entries refer to a part by its stable ``id`` (the file name), so renaming a
part never touches entries. Merging A into B leaves A's file in place with
``merged_into = B``, so entries that point at A still find their part.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from partsjournal.core import matching, paths
from partsjournal.core.errors import JournalError, UsageError
from partsjournal.core.store import UnreadableFile, is_journal_file, read_toml, write_toml

_LIST_FIELDS = ("aliases", "protects")

_TEXT_FIELDS = ("role", "body", "image", "fears", "needs", "current_role", "new_role", "notes")


@dataclass
class Part:
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    role: str = ""
    body: str = ""
    image: str = ""
    fears: str = ""
    needs: str = ""
    current_role: str = ""
    new_role: str = ""
    notes: str = ""
    protects: list[str] = field(default_factory=list)
    first_met: date | None = None
    last_met: date | None = None
    merged_into: str | None = None

    def names(self) -> list[str]:
        return [self.name, *self.aliases]

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "name": self.name}
        for key in _LIST_FIELDS:
            if getattr(self, key):
                out[key] = list(getattr(self, key))
        for key in _TEXT_FIELDS:
            if getattr(self, key):
                out[key] = getattr(self, key)
        for key in ("first_met", "last_met", "merged_into"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any], path: Path) -> Part:
        name = data.get("name")
        if not isinstance(name, str) or not name.strip():
            raise UnreadableFile(path, "the part has no name")
        kwargs: dict[str, Any] = {"id": path.stem, "name": name}
        for key in _LIST_FIELDS:
            value = data.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise UnreadableFile(path, f"'{key}' must be a list of text")
            kwargs[key] = value
        for key in _TEXT_FIELDS:
            value = data.get(key, "")
            if not isinstance(value, str):
                raise UnreadableFile(path, f"'{key}' must be text")
            kwargs[key] = value
        for key in ("first_met", "last_met"):
            value = data.get(key)
            if value is not None and not isinstance(value, date):
                raise UnreadableFile(path, f"'{key}' must be a date")
            kwargs[key] = value
        merged = data.get("merged_into")
        kwargs["merged_into"] = merged if isinstance(merged, str) else None
        return cls(**kwargs)


def slugify(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:40] or "part"


def part_path(part_id: str) -> Path:
    return paths.parts_dir() / f"{part_id}.toml"


def load_all(*, include_merged: bool = False) -> list[Part]:
    folder = paths.parts_dir()
    if not folder.is_dir():
        return []
    found = []
    for f in sorted(folder.iterdir()):
        if not is_journal_file(f):
            continue
        try:
            part = Part.from_dict(read_toml(f), f)
        except UnreadableFile:
            continue
        if include_merged or part.merged_into is None:
            found.append(part)
    return found


def everything() -> dict[str, Part]:
    """Every readable part file by id, merged ones included."""
    return {p.id: p for p in load_all(include_merged=True)}


def live_id(part_id: str, index: dict[str, Part]) -> str | None:
    """The id ``part_id`` stands for now, following ``merged_into`` (the one place
    merges are followed); None when the part is gone or the merges go in a circle."""
    seen: set[str] = set()
    while part_id in index and part_id not in seen:
        seen.add(part_id)
        merged = index[part_id].merged_into
        if merged is None:
            return part_id
        part_id = merged
    return None


def live(part_id: str, index: dict[str, Part]) -> Part | None:
    """The part ``part_id`` stands for now (see :func:`live_id`)."""
    found = live_id(part_id, index)
    return index[found] if found is not None else None


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
    wanted = matching.key(name)
    if not wanted:
        return None
    known = load_all() if known is None else [p for p in known if p.merged_into is None]
    for part in known:
        if any(matching.key(n) == wanted for n in part.names()):
            return part
    bare = matching.bare(wanted)
    for part in known:
        if any(matching.bare(n) == bare for n in part.names()):
            return part
    return None


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
    scored = []
    for part in load_all():
        best = max(matching.score(name, n) for n in part.names())
        if best >= matching.CUTOFF:
            scored.append((best, part))
    scored.sort(key=lambda pair: (-pair[0], pair[1].name.casefold()))
    return [part for _, part in scored[:limit]]


def resolve(name: str) -> Part:
    """The part called ``name`` (or one of its aliases); a usage error naming close ones."""
    part = find(name)
    if part is not None:
        return part
    close = suggest(name)
    hint = f" Did you mean {' or '.join(repr(p.name) for p in close)}?" if close else ""
    raise UsageError(
        f"There is no part called '{name.strip()}'.{hint} Run 'partsjournal parts' to see them all."
    )


def save(part: Part) -> None:
    write_toml(part_path(part.id), part.to_dict())


def free_id(name: str, taken: set[str] | None = None) -> str:
    """An id for a new part called ``name``: its slug, with "-2", "-3" ... when taken."""
    base = slugify(name)
    part_id, n = base, 2
    while (taken is not None and part_id in taken) or part_path(part_id).exists():
        part_id, n = f"{base}-{n}", n + 1
    return part_id


def create(name: str, *, met: date | None = None, part_id: str | None = None) -> Part:
    """Write a new part file (never over another one)."""
    part = Part(id=part_id or free_id(name), name=name.strip(), first_met=met, last_met=met)
    write_toml(part_path(part.id), part.to_dict(), exclusive=True)
    return part


def add_protects(part: Part, others: list[Part]) -> None:
    """Note that ``part`` protects each of ``others`` (a part cannot protect itself)."""
    for other in others:
        if other.id == part.id:
            raise UsageError(
                f"{part.name} cannot protect itself; name another part after --protects."
            )
        if other.id not in part.protects:
            part.protects.append(other.id)


def record_meeting(part: Part, met: date) -> None:
    """Update first/last met dates after an entry names this part."""
    if _note_meeting(part, met):
        save(part)


def _note_meeting(part: Part, met: date) -> bool:
    changed = False
    if part.first_met is None or met < part.first_met:
        part.first_met, changed = met, True
    if part.last_met is None or met > part.last_met:
        part.last_met, changed = met, True
    return changed


def learn(part: Part, facts: dict[str, str], met: date) -> None:
    """Take what an entry said about ``part`` into its record, and note the meeting.

    ``facts`` maps field names (fears, needs, new_role, body, image,
    current_role) to the entry's answers. An entry dated before the part's last
    meeting does not overwrite newer answers; ``current_role`` is only filled
    when it is still empty. Empty answers never clear a field.
    """
    newest = part.last_met is None or met >= part.last_met
    changed = _note_meeting(part, met)
    for key, value in facts.items():
        text = value.strip()
        if key not in _TEXT_FIELDS or not text:
            continue
        if key == "current_role" and part.current_role:
            continue
        if (newest or not getattr(part, key)) and getattr(part, key) != text:
            setattr(part, key, text)
            changed = True
    if changed:
        save(part)


def _taken_by_other(name: str, part: Part) -> Part | None:
    other = find(name)
    return other if other is not None and other.id != part.id else None


def rename(part: Part, new_name: str) -> Part:
    """Give ``part`` a new name; the old one becomes an alias, the id stays."""
    new = new_name.strip()
    if not new:
        raise UsageError('The new name is empty; give one, for example "The Inner Critic".')
    other = _taken_by_other(new, part)
    if other is not None:
        raise UsageError(
            f"'{new}' is already the name of another part, {other.name}; "
            f'to join the two, run: partsjournal parts merge "{part.name}" "{other.name}".'
        )
    old = part.name
    part.name = new
    part.aliases = _unique([old, *part.aliases], exclude=[new])
    save(part)
    return part


def add_aliases(part: Part, aliases: list[str]) -> None:
    for alias in aliases:
        other = _taken_by_other(alias, part)
        if other is not None:
            raise UsageError(
                f"'{alias.strip()}' is already a name of {other.name}; choose another alias."
            )
    part.aliases = _unique([*part.aliases, *(a.strip() for a in aliases)], exclude=[part.name])


def _unique(names: list[str], *, exclude: list[str]) -> list[str]:
    seen = {matching.key(n) for n in exclude}
    out = []
    for n in names:
        if n.strip() and matching.key(n) not in seen:
            seen.add(matching.key(n))
            out.append(n.strip())
    return out


def merge(source: Part, target: Part) -> Part:
    """Fold ``source`` into ``target``; nothing is deleted.

    ``target`` gains the source's name and aliases, whom it protects, the
    earlier first meeting and the later last one, and any field it had left
    empty. The source file stays, marked ``merged_into``, so entries that point
    at it still find the part.
    """
    if source.id == target.id:
        raise UsageError(f"'{source.name}' and '{target.name}' are already the same part.")
    target.aliases = _unique([*target.aliases, source.name, *source.aliases], exclude=[target.name])
    target.protects = _unique([*target.protects, *source.protects], exclude=[target.id, source.id])
    for key in _TEXT_FIELDS:
        if not getattr(target, key) and getattr(source, key):
            setattr(target, key, getattr(source, key))
    if source.notes and source.notes not in target.notes:
        target.notes = f"{target.notes}\n\n{source.notes}".strip()
    for met in (source.first_met, source.last_met):
        if met is not None:
            _note_meeting(target, met)
    save(target)
    source.merged_into = target.id
    save(source)
    return target


# What an edited part file may contain; anything else is refused, so typos show.
EDITABLE_KEYS = frozenset({"id", "name", "first_met", "last_met", "merged_into"}).union(
    _LIST_FIELDS, _TEXT_FIELDS
)


def check_edit(data: dict[str, Any], original: Part) -> Part:
    """Validate a part file edited by hand; raise JournalError saying what is wrong."""
    unknown = sorted(set(data) - EDITABLE_KEYS)
    if unknown:
        raise JournalError(
            f"The edited part has a field partsjournal does not know ('{unknown[0]}'); "
            "the part is unchanged."
        )
    if data.get("id", original.id) != original.id:
        raise JournalError(
            "The id of a part cannot change (entries use it); the part is unchanged."
        )
    try:
        part = Part.from_dict(data, part_path(original.id))
    except UnreadableFile as exc:
        raise JournalError(
            f"The edited part is not valid: {exc.reason}; the part is unchanged."
        ) from None
    for name in part.names():
        other = _taken_by_other(name, part)
        if other is not None:
            raise JournalError(
                f"'{name}' is already a name of {other.name}; the part is unchanged."
            )
    return part
