"""Finding entries: by id (from the date in the id, not by scanning), and by
period, part, exercise, session or text.

Selection is pure (:class:`Selection.matches`); the reading goes through
:func:`layout.entry_files`, so a period costs only the files named in it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from partsjournal.core import index, layout, matching, parts, paths, sessions
from partsjournal.core import messages as msg
from partsjournal.core.entry import Entry, load
from partsjournal.core.errors import UsageError
from partsjournal.core.index_rows import Row
from partsjournal.core.parts import Part
from partsjournal.core.sessions import placement
from partsjournal.core.store import UnreadableFile

FEW_FILES = 150  # up to this many files in a period, reading them beats the index
_ID_START = re.compile(r"^\d{4}-\d{2}")


LAST = "last"  # names the newest entry wherever an entry id is asked for


def reference(entry_id: str) -> str:
    """How to name this entry in a command: ``last`` when it is the newest, else its id."""
    return LAST if layout.last_id() == entry_id else entry_id


def find_entry(ref: str) -> Path:
    """The file of the entry whose id is ``ref`` or starts with it; ``last`` is the newest.

    The id begins with the entry's date, so only that month's folder is listed.
    """
    ref = ref.strip()
    if matching.key(ref) == LAST:
        newest = layout.last_id()
        if newest is None:
            raise UsageError(msg.NO_ENTRIES_YET)
        return layout.entry_path(newest)
    if ref.endswith(".toml"):
        ref = ref[:-5]
    if not _ID_START.match(ref):
        raise UsageError(msg.NOT_AN_ENTRY_ID.format(ref=ref))
    found = _fitting(ref)
    if len(found) == 1:
        return layout.entry_path(found[0])
    if not found:
        raise UsageError(msg.NO_SUCH_ENTRY.format(ref=ref))
    raise UsageError(_too_many(f"'{ref}'", found))


def _fitting(ref: str) -> list[str]:
    """The ids that are ``ref`` or start with it (only that month's folder is listed)."""
    ids = layout.ids_in_month(*layout.month_of(ref))
    return [ref] if ref in ids else [i for i in ids if i.startswith(ref)]


def _too_many(what: str, found: list[str]) -> str:
    shown = ", ".join(found[:4]) + (", …" if len(found) > 4 else "")
    return msg.ENTRY_ID_AMBIGUOUS.format(what=what, count=len(found), shown=shown)


def exclude_ids(refs: list[str]) -> list[str]:
    """The entries ``--exclude`` names, each by its whole id; a start of an id that
    fits several entries is refused as ``show`` refuses it, never taken for all."""
    out = []
    for ref in (r.strip().removesuffix(".toml") for r in refs):
        if not ref:
            continue
        found = _fitting(ref) if _ID_START.match(ref) else []
        if len(found) > 1:
            raise UsageError(_too_many(f"--exclude {ref}", found))
        if not found:
            raise UsageError(msg.EXCLUDE_NOT_AN_ENTRY.format(ref=ref))
        out.append(found[0])
    return out


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
        by_id = {p.id: p for p in registry}
        wanted = {matching.key(n) for n in self.parts}
        ids: set[str] = set()
        for name in self.parts:
            # every part with this very name (merged ones lead to the part they live on in);
            # else "critic" for "The Critic", or a typo: the same answer as the parts commands
            found = [p for p in registry if matching.key(name) in map(matching.key, p.names())]
            for p in found or [parts.resolve(name)]:
                live = parts.live(p.id, by_id)
                ids.add(live.id if live else p.id)
        return ids, wanted

    def matcher(self, registry: list[Part]) -> Callable[[Row], bool]:
        """The rule, over what the index holds about an entry (:class:`index.Row`,
        made the same way from a file when there is no index). ``session`` is
        compared with the entry's placement (:func:`sessions.placement`)."""
        by_id = {p.id: p for p in registry}
        part_ids, part_names = self.resolve_parts(registry)
        exercises = {matching.key(x) for x in self.exercises}
        # answers are joined by NUL in Row.search; a command-line needle has none
        needle = matching.fold(self.grep) if self.grep else None
        excluded = [x.strip() for x in self.exclude if x.strip()]

        def has_part(e: Row) -> bool:
            for ref_id, name in e.parts:
                live = parts.live(ref_id, by_id) if ref_id else None
                if (live and live.id in part_ids) or matching.key(name) in part_names:
                    return True
            for ref_id in e.answer_parts:
                live = parts.live(ref_id, by_id)
                if live and live.id in part_ids:
                    return True
            return False

        def keep(e: Row) -> bool:
            if excluded and any(e.id == x or e.id.startswith(x) for x in excluded):
                return False
            if exercises and matching.key(e.exercise) not in exercises:
                return False
            if self.parts and not has_part(e):
                return False
            if self.session is not None and e.session != self.session:
                return False
            return needle is None or needle in e.search

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
                warn(msg.SKIPPED_FILE.format(path=f, reason=exc.reason))


@dataclass
class History:
    """The readable entries of a period, as index rows in time order, and the way
    to read any of them in full (from the index, or from the files already read)."""

    rows: list[Row]
    load: Callable[[Row], Entry]

    def entries(self, rows: Iterable[Row] | None = None) -> Iterator[Entry]:
        """Full entries one at a time, so a long export never holds them all."""
        for row in self.rows if rows is None else rows:
            yield self.load(row)


def history(
    since: date | None = None,
    until: date | None = None,
    *,
    warn: Callable[[str], None] | None = None,
    track: Callable[[list[Path]], Iterable[Path]] | None = None,
    search: bool = False,
) -> History:
    """Every readable entry in ``[since, until]``, from the index when it can be had,
    else from the files (unreadable ones are skipped with one warning each, either way).

    ``track`` wraps the list of files to read (a progress bar on a terminal);
    ``search`` fills :attr:`Row.search` for ``--grep``.
    """
    names = layout.entry_files(since, until) if since is not None else None
    # a short period is read from its few files (cheaper than checking the index)
    found = index.current() if names is None or len(names) > FEW_FILES else None
    if found is not None:
        if warn is not None:
            for path, reason in found.unreadable(since, until):
                warn(msg.SKIPPED_FILE.format(path=path, reason=reason))
        return History(found.rows(since, until, search=search), found.entry)
    names = layout.entry_files(since, until) if names is None else names
    root = paths.entries_dir()
    loaded = {
        e.path.relative_to(root).as_posix(): e
        for e in read_entries(track(names) if track is not None else names, warn=warn)
        if e.path is not None
        and (since is None or e.day >= since)
        and (until is None or e.day <= until)
    }
    days = [e.day for e in loaded.values()]
    # only the sessions these entries can belong to (sessions.around: the windows of link)
    near = (
        sessions.around(min(days), max(days), ids=[e.session for e in loaded.values() if e.session])
        if days
        else []
    )
    rows = []
    for rel, e in loaded.items():
        s, phase = placement(e, near)
        rows.append(Row.of(e, rel, s.id if s else None, phase))
    rows.sort(key=lambda r: (r.created, r.id))
    return History(rows, lambda row: loaded[row.rel])


def select(
    since: date | None,
    until: date | None,
    selection: Selection,
    *,
    warn: Callable[[str], None] | None = None,
    track: Callable[[list[Path]], Iterable[Path]] | None = None,
) -> tuple[History, list[Row]]:
    """Every readable entry in the period, and the rows that fit ``selection``."""
    every = history(since, until, warn=warn, track=track, search=selection.grep is not None)
    registry = parts.load_all(include_merged=True) if selection.parts else []
    keep = selection.matcher(registry)
    return every, [r for r in every.rows if keep(r)]


def nothing_found(selection: Selection, *, period: bool) -> str:
    """Why a listing is empty, suggesting only what was actually asked for."""
    if layout.last_id() is None:
        return msg.NO_ENTRIES_START
    filtered = bool(selection.parts or selection.exercises or selection.session or selection.grep)
    if filtered and period:
        return msg.NO_ENTRIES_MATCH_ANYWHERE
    if filtered:
        return msg.NO_ENTRIES_MATCH
    return msg.NO_ENTRIES_IN_PERIOD
