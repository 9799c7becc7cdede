"""What the index (:mod:`partsjournal.core.index`) holds: its tables and their version,
the row of one entry, and reading many entry files into rows, in several processes when
there are many files and more than one core. Keeping the index true to the files is
:mod:`partsjournal.core.index`'s business, and its file :mod:`partsjournal.core.index_file`'s."""

from __future__ import annotations

import json
import os
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from partsjournal.core import crypt, index_file, layout, matching, paths, sessions
from partsjournal.core import messages as msg
from partsjournal.core.entry import SCHEMA_VERSION, Entry, from_dict
from partsjournal.core.progress import Progress
from partsjournal.core.store import UnreadableFile, read_toml

# Raise FORMAT whenever what a row holds, or how it is made, changes: an index
# with another version is rebuilt. The entry schema and the placement windows
# are part of it, so changing either rebuilds too.
# 2: bulky tables in files of their own when kept whole; 3: titles; 4: searched text in
# one Unicode form (matching.fold); 5: the entries' fingerprint combined per file (XOR), so a
# save folds its one new file in without a scan
FORMAT = 5
VERSION = f"{FORMAT}:{SCHEMA_VERSION}:{sessions.BEFORE_WINDOW_DAYS}:{sessions.AFTER_WINDOW_DAYS}"

MAIN_TABLES = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE entries (
    rel TEXT PRIMARY KEY, stamp TEXT, fday TEXT, id TEXT, sort INTEGER, created TEXT,
    day TEXT, exercise TEXT, title TEXT, own_session TEXT, own_phase TEXT, session TEXT, phase TEXT,
    parts TEXT, answer_parts TEXT);
CREATE INDEX entries_order ON entries (sort, id);
CREATE TABLE broken (rel TEXT PRIMARY KEY, stamp TEXT, fday TEXT, reason TEXT);
"""
# The bulky tables (index_file.BULK), which an encrypted index keeps in files of their own.
BULK_TABLES = {
    "texts": "CREATE TABLE texts (rel TEXT PRIMARY KEY, search TEXT);",
    "blobs": "CREATE TABLE blobs (rel TEXT PRIMARY KEY, data BLOB);",
}


PARALLEL_FROM = 400  # files; fewer are read faster in one process
CHUNK = 100  # files handed to a worker at a time
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass
class Row:
    """What the index holds about one readable entry (``data`` aside)."""

    rel: str
    id: str
    created: datetime
    exercise: str
    title: str
    session: str | None  # as placed by sessions.placement
    phase: str | None
    parts: list[tuple[str, str]]  # (id, name) as named in the entry
    answer_parts: list[str]
    search: str  # every answer's text, case-folded, joined by NUL

    @property
    def day(self) -> date:
        return self.created.date()

    @classmethod
    def of(cls, e: Entry, rel: str, session: str | None, phase: str | None) -> Row:
        """The row for an entry read from its file (what the index stores)."""
        return cls(
            rel=rel,
            id=e.id,
            created=e.created,
            exercise=e.exercise,
            title=e.title,
            session=session,
            phase=phase,
            parts=[(p.id, p.name) for p in e.parts],
            answer_parts=[a.part for a in e.answers if a.part],
            search="\0".join(matching.fold(a.text) for a in e.answers),
        )


def tag(value: object) -> object:
    if isinstance(value, datetime | date | time):
        return {"\0t": type(value).__name__, "v": value.isoformat()}
    raise TypeError(type(value).__name__)


def untag(obj: dict[str, Any]) -> object:
    if len(obj) == 2 and "\0t" in obj:
        kind: Any = {"datetime": datetime, "date": date, "time": time}[obj["\0t"]]
        return kind.fromisoformat(obj["v"])
    return obj


def store(conn: sqlite3.Connection, rows: Iterable[tuple[Any, ...]]) -> None:
    """Put ``rows`` (from :func:`row`, or a broken file's four fields) in their tables."""
    index_file.need(conn, *index_file.BULK)
    good: list[tuple[Any, ...]] = []
    bad: list[tuple[Any, ...]] = []
    for r in rows:
        (bad if len(r) == 4 else good).append(r)
    forget(conn, [r[0] for r in bad + good])
    conn.executemany("INSERT INTO broken VALUES (?,?,?,?)", bad)
    conn.executemany(
        "INSERT INTO entries VALUES (?,?,?,?,?,?,?,?,?,?,?,NULL,NULL,?,?)", [r[:13] for r in good]
    )
    conn.executemany("INSERT INTO texts VALUES (?,?)", [(r[0], r[13]) for r in good])
    conn.executemany("INSERT INTO blobs VALUES (?,?)", [(r[0], r[14]) for r in good])


def forget(conn: sqlite3.Connection, rels: list[str]) -> None:
    """Take the files ``rels`` out of every table."""
    if not rels:
        return
    index_file.need(conn, *index_file.BULK)
    for table in ("entries", "texts", "blobs", "broken"):
        conn.executemany(f"DELETE FROM {table} WHERE rel = ?", [(r,) for r in rels])


def read_row(rel: str, stamp: str) -> tuple[Any, ...]:
    """One file as a row for ``entries`` (12 values) or ``broken`` (1 value), after
    ``rel`` and ``stamp``; placement is added by the caller."""
    path = paths.entries_dir() / rel
    try:
        raw = read_toml(path)
    except UnreadableFile as exc:
        return (rel, stamp, layout.name_day(rel.rsplit("/", 1)[-1]), exc.reason)
    return row(rel, stamp, raw, path)


def row(rel: str, stamp: str, raw: dict[str, Any], path: Path) -> tuple[Any, ...]:
    """The row for the entry file ``rel`` whose parsed contents are ``raw`` (read from the
    file, or the dictionary it was just written from: the same, as the writer checks)."""
    fday = layout.name_day(rel.rsplit("/", 1)[-1])
    try:
        e = from_dict(raw, path)
    except UnreadableFile as exc:
        return (rel, stamp, fday, exc.reason)
    made = Row.of(e, rel, None, None)
    sort = (e.created - _EPOCH) // timedelta(microseconds=1)
    data = zlib.compress(json.dumps(raw, default=tag, ensure_ascii=False).encode(), 1)
    return (
        rel,
        stamp,
        fday,
        e.id,
        sort,
        e.created.isoformat(),
        e.day.isoformat(),
        e.exercise,
        e.title,
        e.session,
        e.phase,
        json.dumps(made.parts, ensure_ascii=False),
        json.dumps(made.answer_parts, ensure_ascii=False),
        made.search,
        data,
    )


def _read_many(items: list[tuple[str, str]]) -> list[tuple[Any, ...]]:
    return [read_row(rel, stamp) for rel, stamp in items]


def _init_worker(home: str) -> None:
    paths.set_home(Path(home))
    crypt.never_ask()  # a worker has no terminal: the parent unlocked before starting it


def read_all(items: list[tuple[str, str]], progress: Progress | None) -> list[tuple[Any, ...]]:
    """Rows for many files: in worker processes when there are many and several
    cores (in this process if workers cannot be started here)."""
    crypt.unlock_if_encrypted()  # once, here, so workers inherit it and never ask
    chunks = [items[i : i + CHUNK] for i in range(0, len(items), CHUNK)]
    workers = min(os.cpu_count() or 1, 4)
    if len(items) >= PARALLEL_FROM and workers >= 2:
        try:
            return _in_workers(chunks, workers, progress)
        except Exception:  # no worker processes on this system: read them here
            pass
    done: Iterable[list[tuple[str, str]]] = chunks
    if progress is not None and len(items) >= PARALLEL_FROM:
        done = progress(chunks, msg.INDEXING)
    return [row for chunk in done for row in _read_many(chunk)]


def _in_workers(
    chunks: list[list[tuple[str, str]]], workers: int, progress: Progress | None
) -> list[tuple[Any, ...]]:
    from concurrent.futures import ProcessPoolExecutor  # only a rebuild needs it

    with ProcessPoolExecutor(
        workers, initializer=_init_worker, initargs=(str(paths.home()),)
    ) as pool:
        results = pool.map(_read_many, chunks)
        done: Iterable[Any] = results
        if progress is not None:
            done = progress(_Sized(results, len(chunks)), msg.INDEXING)  # type: ignore[arg-type]
        return [row for rows in done for row in rows]


class _Sized:
    """An iterator with a length, for a progress bar."""

    def __init__(self, it: Iterator[Any], n: int) -> None:
        self.it, self.n = it, n

    def __len__(self) -> int:
        return self.n

    def __iter__(self) -> Iterator[Any]:
        return self.it

    def __getitem__(self, i: int) -> Any:  # pragma: no cover - Sequence protocol only
        raise IndexError(i)
