"""A part's record and how the registry is read: one TOML file per part under ``<home>/parts/``.

Reading lives here, changes in :mod:`partsjournal.core.parts`. Following
``merged_into`` happens in one place, :func:`live_id`; a merge that goes in a
circle never makes a part vanish.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from partsjournal.core import idfiles, paths
from partsjournal.core import messages as msg
from partsjournal.core.store import UnreadableFile, is_journal_file, read_toml

LIST_FIELDS = ("aliases", "protects")

TEXT_FIELDS = ("role", "body", "image", "fears", "needs", "current_role", "new_role", "notes")


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
    merge_undo: dict[str, Any] | None = None  # what a merge gave the other part

    def names(self) -> list[str]:
        return [self.name, *self.aliases]

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "name": self.name}
        for key in LIST_FIELDS:
            if getattr(self, key):
                out[key] = list(getattr(self, key))
        for key in TEXT_FIELDS:
            if getattr(self, key):
                out[key] = getattr(self, key)
        for key in ("first_met", "last_met", "merged_into", "merge_undo"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any], path: Path) -> Part:
        name = data.get("name")
        if not isinstance(name, str) or not name.strip():
            raise UnreadableFile(path, msg.PART_HAS_NO_NAME)
        kwargs: dict[str, Any] = {"id": idfiles.file_id(data, path), "name": name}
        for key in LIST_FIELDS:
            value = data.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise UnreadableFile(path, msg.FIELD_NOT_TEXT_LIST.format(key=key))
            kwargs[key] = value
        for key in TEXT_FIELDS:
            value = data.get(key, "")
            if not isinstance(value, str):
                raise UnreadableFile(path, msg.FIELD_NOT_TEXT.format(key=key))
            kwargs[key] = value
        for key in ("first_met", "last_met"):
            value = data.get(key)
            if value is not None and (not isinstance(value, date) or isinstance(value, datetime)):
                raise UnreadableFile(path, msg.FIELD_NOT_DATE.format(key=key))
            kwargs[key] = value
        merged = data.get("merged_into")
        if merged is not None and (not isinstance(merged, str) or not merged.strip()):
            raise UnreadableFile(path, msg.MERGED_INTO_NOT_ID)
        kwargs["merged_into"] = merged
        undo = data.get("merge_undo")
        if undo is not None and not isinstance(undo, dict):
            raise UnreadableFile(path, msg.MERGE_UNDO_NOT_TABLE)
        kwargs["merge_undo"] = undo if merged is not None else None
        return cls(**kwargs)


def part_path(part_id: str) -> Path:
    """The file of the part ``part_id`` (:func:`idfiles.locate`), or where a new one goes."""
    return idfiles.locate(paths.parts_dir(), part_id)


Warn = Callable[[str], None]


def load_all(*, include_merged: bool = False, warn: Warn | None = None) -> list[Part]:
    """Every readable part, live ones only unless ``include_merged``.

    Unreadable files are skipped; with ``warn`` each is reported in one line, as
    are parts merged into each other in a circle (those count as live, so they
    can be seen, shown and merged again, which repairs the circle).
    """
    index = _read(warn)
    if warn is not None:
        for part in index.values():
            if part.merged_into is not None and in_circle(part.id, index):
                warn(msg.PART_MERGE_CIRCLE.format(name=part.name, path=part_path(part.id)))
    return [
        p
        for p in index.values()
        if include_merged or p.merged_into is None or in_circle(p.id, index)
    ]


def _read(warn: Warn | None) -> dict[str, Part]:
    folder = paths.parts_dir()
    if not folder.is_dir():
        return {}
    stamp = idfiles.stamp_before_reading(folder)
    read: dict[Path, Part] = {}
    for f in sorted(folder.iterdir()):
        if not is_journal_file(f):
            continue
        try:
            read[f] = Part.from_dict(read_toml(f), f)
        except UnreadableFile as exc:
            if warn is not None:
                warn(msg.SKIPPED_FILE.format(path=f, reason=exc.reason))
    chosen, left_out = idfiles.choose((f, part.id) for f, part in read.items())
    idfiles.warn_left_out(left_out, "part", warn)
    idfiles.remember(folder, stamp, chosen)
    return {part_id: read[f] for part_id, f in chosen.items()}


def read_one(part_id: str) -> Part:
    """One part's file as it is on disk now (raises :class:`UnreadableFile`)."""
    return read_located(part_id)[1]


def read_located(part_id: str) -> tuple[Path, Part]:
    """The part ``part_id``'s file and what it holds now (raises :class:`UnreadableFile`).

    A file found where the folder was last seen is checked to still carry the id
    (``encrypt`` may have given it a new name since); if not, the folder is read again.
    """
    path = part_path(part_id)
    try:
        part: Part | None = Part.from_dict(read_toml(path), path)
    except UnreadableFile:
        if path.exists():
            raise
        part = None
    if part is None or part.id != part_id:
        idfiles.forget(paths.parts_dir())
        again = part_path(part_id)
        if part is None or again != path:
            path, part = again, Part.from_dict(read_toml(again), again)
    return path, part


def everything(*, warn: Warn | None = None) -> dict[str, Part]:
    """Every readable part file by id, merged ones included."""
    return {p.id: p for p in load_all(include_merged=True, warn=warn)}


def in_circle(part_id: str, index: dict[str, Part]) -> bool:
    """True when following ``merged_into`` from ``part_id`` comes back to it."""
    seen: set[str] = set()
    current: str | None = index[part_id].merged_into if part_id in index else None
    while current is not None and current in index and current not in seen:
        if current == part_id:
            return True
        seen.add(current)
        current = index[current].merged_into
    return current == part_id


def live_id(part_id: str, index: dict[str, Part]) -> str | None:
    """The id ``part_id`` stands for now, following ``merged_into`` (the one place
    merges are followed); None when the part is gone. Merges that go in a circle
    stop at the first part met twice, so no part or its history vanishes."""
    seen: set[str] = set()
    while part_id in index:
        if part_id in seen:
            return part_id
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
