"""The derived index of the journal: what listings, counts, filters and search need,
without parsing every entry file.

It is never the source of truth. Each row is made from one entry file exactly as
:func:`entry.load` reads it (the parsed file is kept, compressed, so an entry
comes back from the index through the same checks as from its file), plus what
the listings need: date, exercise, the parts named, the answer text for
``--grep`` (case-folded) and the session and phase given by the one placement
rule, :func:`sessions.placement`.

It is believed only while it matches the files: every entry file's stat data
(inode, size, modification and change times) and the sessions folder's are
hashed into a fingerprint, and a command that uses the index lists the entry
folders, stats each file and compares (no file is opened). Changed, new and deleted files are
re-read one by one; a change to the sessions places every entry again; a
missing, unreadable or older index is rebuilt in full. The entries' fingerprint
combines one hash per file (XOR), so a save takes its one new entry in
(:func:`note_saved`) without listing or statting the others.

This module keeps the index true to the files and answers queries (:class:`Index`); what
a row holds and the tables are :mod:`partsjournal.core.index_rows`, and the file itself
:mod:`partsjournal.core.index_file`.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import zlib
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from partsjournal.core import index_file, index_rows, layout, paths, progress, reading, sessions
from partsjournal.core.entry import Entry, from_dict, load
from partsjournal.core.index_rows import Row
from partsjournal.core.store import UnreadableFile, is_journal_file

# Entries read from their own files before an encrypted index's copies are loaded.
FROM_FILES = 32

# False: every command reads the files (the tests compare both ways).
enabled = True


def _stamp(st: os.stat_result) -> str:
    return f"{st.st_ino}:{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}"


class _Unlistable(Exception):
    """The entry folders cannot be listed: the command should say so, as it would
    without the index (the index itself is not at fault)."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


def _scan() -> tuple[dict[str, str], str, str]:
    """Every entry file's stamp, the entries' fingerprint and the sessions'."""
    try:
        stamps = {rel: _stamp(st) for rel, st in layout.entry_stats()}
    except OSError as exc:
        raise _Unlistable(exc) from None
    combined = 0
    for rel, stamp in stamps.items():
        combined ^= _file_print(rel, stamp)
    return stamps, _shown(combined), _sessions_print()


def _file_print(rel: str, stamp: str) -> int:
    """One file's share of the entries' fingerprint: two 32-bit checksums of different
    kinds (both in C: hashing 7,300 lines costs what one digest of them all did)."""
    line = f"{rel}|{stamp}".encode()
    return (zlib.crc32(line) << 32) | zlib.adler32(line)


def _shown(combined: int) -> str:
    return f"{combined:016x}"


def _with_file(fingerprint: str, rel: str, old: str | None, new: str) -> str:
    """The entries' fingerprint with one file's stamp changed from ``old`` (None: a
    new file) to ``new``, without looking at any other file."""
    combined = int(fingerprint, 16) ^ _file_print(rel, new)
    if old is not None:
        combined ^= _file_print(rel, old)
    return _shown(combined)


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=12).hexdigest()


def _sessions_print() -> str:
    folder = paths.sessions_dir()
    try:
        found = sorted(
            f"{name}|{_stamp(os.stat(folder / name))}"
            for name in reading.listing(folder)
            if is_journal_file(folder / name)
        )
    except OSError:
        return "none"
    return _digest("\n".join(found))


def _place(
    conn: sqlite3.Connection,
    rels: Iterable[str] | None = None,
    every: list[sessions.Session] | None = None,
) -> None:
    """Session and phase for entries (all when ``rels`` is None), by the one rule, among
    ``every`` session (or the sessions those entries could belong to)."""
    every = sessions.load_all() if every is None else every
    query = "SELECT rel, id, created, exercise, own_session, own_phase FROM entries"
    found = (
        conn.execute(query).fetchall()
        if rels is None
        else [r for rel in rels for r in conn.execute(query + " WHERE rel = ?", (rel,))]
    )
    updates = []
    for rel, eid, created, exercise, own_session, own_phase in found:
        lite = Entry(
            eid,
            datetime.fromisoformat(created),
            exercise,
            1,
            "",
            session=own_session,
            phase=own_phase,
        )
        s, phase = sessions.placement(lite, every)
        updates.append((s.id if s else None, phase, rel))
    conn.executemany("UPDATE entries SET session = ?, phase = ? WHERE rel = ?", updates)


# --------------------------------------------------------------------------- keeping it fresh


def _meta(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT key, value FROM meta").fetchall())


def _set_meta(conn: sqlite3.Connection, **values: str) -> None:
    conn.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", list(values.items()))


def rebuild() -> sqlite3.Connection:
    """Read every entry file into a new index and save it."""
    stamps, entries_print, sessions_print = _scan()
    conn = index_file.new_db(index_rows.MAIN_TABLES, index_rows.BULK_TABLES)
    index_rows.store(conn, index_rows.read_all(sorted(stamps.items()), progress.bar))
    _place(conn)
    _set_meta(conn, version=index_rows.VERSION, entries=entries_print, sessions=sessions_print)
    # derived data: unsaved, this command still uses it, and the next one builds it again
    with contextlib.suppress(OSError, sqlite3.Error):
        index_file.save(conn, whole=True)
    return conn


def _update(conn: sqlite3.Connection, *, may_rebuild: bool = True) -> sqlite3.Connection:
    """Bring a saved index up to date with the files (or rebuild it; without
    ``may_rebuild``, leave it as it is for the next command to rebuild)."""
    meta = _meta(conn)
    if meta.get("version") != index_rows.VERSION:
        return rebuild() if may_rebuild else conn
    stamps, entries_print, sessions_print = _scan()
    if meta.get("entries") == entries_print and meta.get("sessions") == sessions_print:
        return conn
    changed: list[str] = []
    if meta.get("entries") != entries_print:
        known = dict(
            conn.execute("SELECT rel, stamp FROM entries UNION ALL SELECT rel, stamp FROM broken")
        )
        todo = sorted((rel, s) for rel, s in stamps.items() if known.get(rel) != s)
        if len(todo) > len(stamps) // 2 and len(todo) >= index_rows.PARALLEL_FROM:
            return rebuild() if may_rebuild else conn  # most files changed: start afresh
        index_rows.forget(conn, [rel for rel in known if rel not in stamps])
        index_rows.store(conn, index_rows.read_all(todo, progress.bar))
        changed = [rel for rel, _ in todo]
    if meta.get("sessions") != sessions_print:
        _place(conn)
    elif changed:
        _place(conn, changed)
    _set_meta(conn, entries=entries_print, sessions=sessions_print)
    index_file.save(conn, whole=False)
    return conn


def current() -> Index | None:
    """The index, up to date with the files; None when it cannot be had (the
    callers then read the files, so a broken index never stops a command)."""
    if not enabled or not paths.home().is_dir():
        return None
    for attempt in range(2):
        conn = index_file.open_db()
        try:
            conn = rebuild() if conn is None else _update(conn)
            return Index(conn)
        except _Unlistable as exc:
            raise exc.error from None
        except Exception:  # damaged, foreign, unwritable: never stop a command
            if conn is not None:
                conn.close()
            if attempt == 0:
                index_file.remove()  # corrupt or foreign: build it again from the files
    return None


def note_saved(path: Path, written: dict[str, Any] | None = None) -> None:
    """After an entry file is safely in place (a new entry, or one edited): take it into
    the index, if there is one (never builds a new one), unless the index is kept whole
    (an encrypted journal: see :func:`index_file.deferred`).

    Only this one file is looked at (its row made from ``written``, the dictionary the
    file was just written from, when given; else read from the file), and it is placed
    among the sessions near its day, so saving costs the same in a journal of ten
    years as in a new one. An index that was behind the files before stays behind by
    as much, and the next command catches up. Any failure is swallowed: the entry is
    saved, and the next command that uses the index catches up.
    """
    try:
        if not enabled or index_file.deferred():
            return
        conn = index_file.open_db()
        if conn is None:
            return
        try:
            _take(conn, path, written)
        finally:
            conn.close()
    except Exception:  # the entry is saved; the index can wait
        return


def _take(conn: sqlite3.Connection, path: Path, written: dict[str, Any] | None) -> None:
    meta = _meta(conn)
    if meta.get("version") != index_rows.VERSION or "entries" not in meta:
        return  # the next command rebuilds it
    rel = path.relative_to(paths.entries_dir()).as_posix()
    stamp = _stamp(os.stat(path))
    was = conn.execute(
        "SELECT stamp FROM entries WHERE rel = ? UNION ALL SELECT stamp FROM broken WHERE rel = ?",
        (rel, rel),
    ).fetchone()
    row = (
        index_rows.read_row(rel, stamp)
        if written is None
        else index_rows.row(rel, stamp, written, path)
    )
    index_rows.store(conn, [row])
    if len(row) > 4:  # a readable entry: placed among the sessions it could belong to
        day = date.fromisoformat(row[6])
        own = row[9]
        _place(conn, [rel], sessions.around(day, day, ids=[own] if own else []))
    fingerprint = _with_file(meta["entries"], rel, was[0] if was else None, stamp)
    _set_meta(conn, entries=fingerprint)
    index_file.save(conn, whole=False)


# --------------------------------------------------------------------------- reading


def _where(since: date | None, until: date | None) -> tuple[str, list[str]]:
    lo = since.isoformat() if since else "0000-00-00"
    hi = until.isoformat() if until else "9999-99-99"
    return "fday BETWEEN ? AND ? AND day BETWEEN ? AND ?", [lo, hi, lo, hi]


class Index:
    """Queries over an up-to-date index."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.from_files = 0
        self.apart = index_file.kept_apart(conn)  # bulk tables not loaded yet

    def _need(self, table: str) -> None:
        """Load a bulk table kept in its own file; one that does not match the index
        (missing, damaged, saved at another time) means a rebuild, never a wrong answer."""
        if table not in self.apart:
            return
        try:
            index_file.need(self.conn, table)
            self.apart.discard(table)
        except index_file.Mismatch:
            self.conn.close()
            self.conn = rebuild()
            self.apart = set()  # a rebuilt index holds every table

    def rows(
        self, since: date | None = None, until: date | None = None, *, search: bool = False
    ) -> list[Row]:
        """Readable entries whose file and day fall in the period, in time order."""
        where, args = _where(since, until)
        if search:
            self._need("texts")
        text, join = ("search", "JOIN texts USING (rel)") if search else ("''", "")
        query = (
            f"SELECT rel, id, created, exercise, title, session, phase, parts, answer_parts, "
            f"{text} "
            f"FROM entries {join} WHERE {where} ORDER BY sort, id"
        )
        # few entries differ in which parts they name: decode each list once
        refs: dict[str, list[tuple[str, str]]] = {}
        ids: dict[str, list[str]] = {}
        out = []
        for rel, i, c, x, title, s, p, ps, ap, t in self.conn.execute(query, args):
            got = refs.get(ps)
            if got is None:
                got = refs[ps] = [(r[0], r[1]) for r in json.loads(ps)]
            found = ids.get(ap)
            if found is None:
                found = ids[ap] = json.loads(ap)
            out.append(Row(rel, i, datetime.fromisoformat(c), x, title, s, p, got, found, t))
        return out

    def unreadable(
        self, since: date | None = None, until: date | None = None
    ) -> list[tuple[Path, str]]:
        """Files in the period that could not be read as entries, and why."""
        lo = since.isoformat() if since else "0000-00-00"
        hi = until.isoformat() if until else "9999-99-99"
        found = self.conn.execute(
            "SELECT rel, reason FROM broken WHERE fday BETWEEN ? AND ? ORDER BY rel", (lo, hi)
        )
        return [(paths.entries_dir() / rel, reason) for rel, reason in found]

    def entry(self, row: Row) -> Entry:
        """The full entry, exactly as :func:`entry.load` reads its file.

        While the parsed entries sit unread in a file of their own (an encrypted
        index), the first :data:`FROM_FILES` are read from their own files: the
        index has just been checked against them, and a screenful of small files
        costs less than decrypting every entry's copy.
        """
        if "blobs" in self.apart and self.from_files < FROM_FILES:
            self.from_files += 1
            with contextlib.suppress(UnreadableFile):  # changed this moment: the index's copy
                return load(paths.entries_dir() / row.rel)
        self._need("blobs")
        found = self.conn.execute("SELECT data FROM blobs WHERE rel = ?", (row.rel,)).fetchone()
        raw = json.loads(zlib.decompress(found[0]), object_hook=index_rows.untag)
        return from_dict(raw, paths.entries_dir() / row.rel)
