"""Finding entries: by id (from the date in the id, not by scanning), and by
period, part, exercise, session or text.

Selection is pure (:class:`Selection.matches`); the reading goes through
:func:`entry.entry_files`, so a period costs only the files named in it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from partsjournal.core import paths
from partsjournal.core.entry import Answer, Entry, load
from partsjournal.core.errors import UsageError
from partsjournal.core.parts import Part
from partsjournal.core.sessions import Session
from partsjournal.core.store import UnreadableFile
from partsjournal.views.review import entry_session, resolve_part, shorten

_ID_START = re.compile(r"^\d{4}-\d{2}")


def find_entry(ref: str) -> Path:
    """The file of the entry whose id is ``ref`` or starts with it.

    The id begins with the entry's date, so only that month's folder is listed.
    """
    ref = ref.strip()
    if ref.endswith(".toml"):
        ref = ref[:-5]
    if not _ID_START.match(ref):
        raise UsageError(
            f"'{ref}' is not an entry id; ids start with the date, like 2026-11-20T211500-3f9a2c "
            "(partsjournal entries lists them)."
        )
    folder = paths.entries_dir() / ref[:4] / ref[5:7]
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        names = []
    ids = [n[:-5] for n in names if n.endswith(".toml") and not n.startswith(".")]
    if ref in ids:
        return folder / f"{ref}.toml"
    found = [i for i in ids if i.startswith(ref)]
    if len(found) == 1:
        return folder / f"{found[0]}.toml"
    if not found:
        raise UsageError(
            f"There is no entry '{ref}'; partsjournal entries lists the ids you can use."
        )
    shown = ", ".join(found[:4]) + (", …" if len(found) > 4 else "")
    raise UsageError(
        f"'{ref}' fits {len(found)} entries ({shown}); give more of the id to choose one."
    )


def answer_text(answer: Answer) -> str:
    v = answer.value
    if isinstance(v, list):
        return ", ".join(v)
    if isinstance(v, bool):
        return "yes" if v else "no"
    return str(v)


def first_words(e: Entry, limit: int = 60) -> str:
    """A glimpse of the entry: its situation, else its first written answer."""
    texts = [a for a in e.answers if isinstance(a.value, str) and a.value.strip()]
    chosen = next((a for a in texts if a.role in ("situation", "intention")), None)
    chosen = chosen or next((a for a in texts if a.kind != "part"), None)
    return shorten(answer_text(chosen), limit) if chosen else ""


@dataclass
class Selection:
    """Which entries to keep; every criterion given must hold."""

    parts: list[str] = field(default_factory=list)  # names or aliases, any case
    exercises: list[str] = field(default_factory=list)
    session: str | None = None  # a session id (already resolved)
    grep: str | None = None
    exclude: list[str] = field(default_factory=list)  # ids or unique prefixes

    def resolve_parts(self, registry: list[Part]) -> tuple[set[str], set[str]]:
        """Registry ids (after merges) and plain names that count as the wanted parts."""
        from partsjournal.core import parts

        by_id = {p.id: p for p in registry}
        wanted = {n.strip().casefold() for n in self.parts}
        ids: set[str] = set()
        for p in registry:
            if any(n.casefold() in wanted for n in p.names()):
                live = resolve_part(p.id, by_id)
                ids.add(live.id if live else p.id)
        for name in self.parts:
            if not any(
                name.strip().casefold() == n.casefold() for p in registry for n in p.names()
            ):
                # "critic" for "The Critic", or a typo: the same answer as the parts commands
                found = parts.resolve(name)
                live = resolve_part(found.id, by_id)
                ids.add(live.id if live else found.id)
        return ids, wanted

    def matcher(self, registry: list[Part], sessions: list[Session]) -> Callable[[Entry], bool]:
        by_id = {p.id: p for p in registry}
        part_ids, part_names = self.resolve_parts(registry)
        exercises = {x.strip().casefold() for x in self.exercises}
        needle = self.grep.casefold() if self.grep else None
        session_by_id = {s.id: s for s in sessions}
        excluded = [x.strip() for x in self.exclude if x.strip()]

        def has_part(e: Entry) -> bool:
            for ref in e.parts:
                live = resolve_part(ref.id, by_id) if ref.id else None
                if (live and live.id in part_ids) or ref.name.casefold() in part_names:
                    return True
            for a in e.answers:
                if a.part:
                    live = resolve_part(a.part, by_id)
                    if live and live.id in part_ids:
                        return True
            return False

        def keep(e: Entry) -> bool:
            if excluded and any(e.id == x or e.id.startswith(x) for x in excluded):
                return False
            if exercises and e.exercise.casefold() not in exercises:
                return False
            if self.parts and not has_part(e):
                return False
            if self.session is not None:
                s, _ = entry_session(e, sessions, session_by_id)
                if s is None or s.id != self.session:
                    return False
            return not (
                needle is not None
                and not any(needle in answer_text(a).casefold() for a in e.answers)
            )

        return keep


def read_entries(
    files: Iterable[Path], *, warn: Callable[[str], None] | None = None
) -> Iterator[Entry]:
    """Entries from ``files``; unreadable ones are skipped with one warning each."""
    for f in files:
        try:
            yield load(f)
        except UnreadableFile as exc:
            if warn is not None:
                warn(f"Skipped {f}: {exc.reason}.")
