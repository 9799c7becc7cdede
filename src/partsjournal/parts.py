"""The parts registry: one TOML file per part under ``<home>/parts/``.

Entries refer to a part by its stable ``id`` (the file name), so renaming a
part never touches entries. Merging A into B leaves A's file in place with
``merged_into = B``, so entries that point at A still find their part.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from partsjournal import paths
from partsjournal.store import UnreadableFile, is_journal_file, read_toml, write_toml

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


def get(part_id: str) -> Part | None:
    """The part with this id, following merges to the part that lives on."""
    seen: set[str] = set()
    while part_id not in seen:
        seen.add(part_id)
        f = part_path(part_id)
        if not f.is_file():
            return None
        part = Part.from_dict(read_toml(f), f)
        if part.merged_into is None:
            return part
        part_id = part.merged_into
    return None


def find(name: str) -> Part | None:
    """The part whose name or alias matches ``name``, ignoring case."""
    wanted = name.strip().casefold()
    for part in load_all():
        if any(n.casefold() == wanted for n in part.names()):
            return part
    return None


def save(part: Part) -> None:
    write_toml(part_path(part.id), part.to_dict())


def create(name: str, *, met: date | None = None) -> Part:
    base = slugify(name)
    part_id, n = base, 2
    while part_path(part_id).exists():
        part_id, n = f"{base}-{n}", n + 1
    part = Part(id=part_id, name=name.strip(), first_met=met, last_met=met)
    save(part)
    return part


def find_or_create(name: str, *, met: date | None = None) -> Part:
    return find(name) or create(name, met=met)


def record_meeting(part: Part, met: date) -> None:
    """Update first/last met dates after an entry names this part."""
    changed = False
    if part.first_met is None or met < part.first_met:
        part.first_met, changed = met, True
    if part.last_met is None or met > part.last_met:
        part.last_met, changed = met, True
    if changed:
        save(part)
