"""Where the derived index lives, and the only code that opens, loads and saves it.

The index (:mod:`partsjournal.core.index`) is a SQLite database kept as one hidden
file, ``<home>/.index.sqlite`` (0600). It is never the source of truth: it can be
deleted at any time and is rebuilt from the entry files.

Everything that touches the file itself is here, behind three calls:

- :func:`open_db` gives a connection to the saved index (or ``None`` when there is
  none, or it cannot be opened),
- :func:`new_db` gives an empty one to build a fresh index in, in memory,
- :func:`save` makes a connection's contents the saved index.

Two ways of keeping the file sit behind them. ``on disk`` (the default): SQLite
opens the file directly and small updates are written in place, so a command
reads only the pages it needs. ``whole``: the file is read as one block of bytes
into an in-memory database, and saving writes it back as one block through
:func:`store.atomic_write`. The second is the one an encrypted journal uses: the
bytes pass through :data:`seal` and :data:`unseal` (encrypted to the journal's
key with :mod:`core.crypt`, and left as they are in a plain journal), so the
index is never a plaintext copy of an encrypted journal; a plain index found in
an encrypted journal (one made before ``encrypt``) is deleted unread, and so is
an encrypted one in a journal decrypted since. A journal can also keep it in
memory only (:data:`keep_on_disk` false).

In the "whole" mode the bulky tables (:data:`BULK`: the answer text for search
and the parsed entries) are kept in files of their own, ``.index-texts.sqlite``
and ``.index-blobs.sqlite``, attached only when a command needs them
(:func:`need`): ``parts`` and ``session list`` decrypt about a sixth of the
index, ``entries`` about half. Each bulk file carries a random generation that
the main file names, so files saved at different times are never mixed: a bulk
file that does not match is :class:`Mismatch`, and the index is rebuilt.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import sqlite3
from collections.abc import Callable
from pathlib import Path

from partsjournal.core import crypt, paths, store

NAME = ".index.sqlite"
# Tables kept in files of their own in the "whole" mode; each lives in a schema of
# the same name, so the unqualified table name finds it either way.
BULK = ("texts", "blobs")


class Mismatch(sqlite3.DatabaseError):
    """A bulk file is missing, unreadable or from another save than the main file."""


def _seal(data: bytes) -> bytes:
    return crypt.seal(data)  # unchanged in a plain journal


def _unseal(data: bytes) -> bytes:
    return crypt.open_sealed(data) if crypt.is_sealed(data) else data


# Bytes on their way to and from the disk in the "whole" mode.
seal: Callable[[bytes], bytes] = _seal
unseal: Callable[[bytes], bytes] = _unseal
# "disk": SQLite works on the file; "whole": the file is loaded and saved as one block
# (always, in an encrypted journal: see _whole).
mode = "disk"
# False: never write the index (an encrypted journal that keeps it in memory only).
keep_on_disk = True


def index_path() -> Path:
    return paths.home() / NAME


def _whole() -> bool:
    """Load and save the index as one block: asked for, or the journal is encrypted."""
    return mode == "whole" or crypt.is_encrypted()


def bulk_path(table: str) -> Path:
    return paths.home() / f".index-{table}.sqlite"


def _load(path: Path, encrypted: bool) -> bytes | None:
    """A saved file's database bytes; None (and the file removed) for a plain file in
    an encrypted journal, which is never read."""
    raw = path.read_bytes()
    if encrypted and not crypt.is_sealed(raw):
        remove()  # plain text of an encrypted journal: never read, never kept
        return None
    return unseal(raw)


def open_db() -> sqlite3.Connection | None:
    """The saved index, or None when there is none (or it cannot be opened at all)."""
    path = index_path()
    if not keep_on_disk or not path.is_file():
        return None
    encrypted = crypt.is_encrypted()
    try:
        if encrypted or mode == "whole":
            data = _load(path, encrypted)
            if data is None:
                return None
            conn = sqlite3.connect(":memory:")
            conn.deserialize(data)
        else:
            with open(path, "rb") as f:
                if crypt.is_sealed(f.read(64)):
                    remove()  # encrypted, in a journal that is plain now: rebuilt plain
                    return None
            conn = sqlite3.connect(path)  # a plain path: any characters in <home> work
            conn.execute("PRAGMA synchronous=OFF")  # derived data: a crash means a rebuild
    except (sqlite3.Error, OSError, ValueError, crypt.WrongKey):
        return None
    return conn


def _attached(conn: sqlite3.Connection) -> set[str]:
    return {row[1] for row in conn.execute("PRAGMA database_list")}


def need(conn: sqlite3.Connection, *tables: str) -> None:
    """Make the bulk ``tables`` readable on ``conn``: in the "whole" mode each is loaded
    from its own file when first needed (raises :class:`Mismatch` when that file is
    missing, damaged or not the one the main file was saved with)."""
    missing = [t for t in tables if t not in _attached(conn)]
    if not missing or not _whole_conn(conn):
        return
    encrypted = crypt.is_encrypted()
    expected = dict(conn.execute("SELECT key, value FROM main.meta WHERE key LIKE 'gen:%'"))
    for table in missing:
        try:
            data = _load(bulk_path(table), encrypted)
            if data is None:
                raise Mismatch(f"{table}: plain in an encrypted journal")
            conn.execute("ATTACH DATABASE ':memory:' AS " + table)
            conn.deserialize(data, name=table)
            got = conn.execute(f"SELECT value FROM {table}.gen").fetchone()
        except (sqlite3.Error, OSError, ValueError, crypt.WrongKey) as exc:
            raise Mismatch(f"{table}: {exc}") from None
        if got is None or expected.get(f"gen:{table}") != got[0]:
            raise Mismatch(f"{table}: saved at another time than the index")


def kept_apart(conn: sqlite3.Connection) -> set[str]:
    """The bulk tables that sit unread in files of their own (:func:`need` loads them);
    none for an index kept in one file. Asked once per connection, not per row."""
    if not _whole_conn(conn):
        return set()
    return set(BULK) - _attached(conn)


def _whole_conn(conn: sqlite3.Connection) -> bool:
    """True for an in-memory index whose bulk tables live in files of their own."""
    return (
        _whole()
        and not conn.execute("SELECT 1 FROM main.sqlite_master WHERE name = 'blobs'").fetchone()
    )


def new_db(main: str, bulk: dict[str, str]) -> sqlite3.Connection:
    """An empty database in memory with the tables ``main`` creates, and each bulk
    table ``bulk`` creates, to build a whole index in before :func:`save`. In the
    "whole" mode each bulk table goes into a schema of its own (saved to its own
    file); otherwise all live in one."""
    conn = sqlite3.connect(":memory:")
    conn.executescript(main)
    for table, sql in bulk.items():
        if _whole():
            conn.execute("ATTACH DATABASE ':memory:' AS " + table)
            conn.execute(f"CREATE TABLE {table}.gen (value TEXT)")
            sql = sql.replace(f"CREATE TABLE {table} ", f"CREATE TABLE {table}.{table} ")
        conn.executescript(sql)
    return conn


def save(conn: sqlite3.Connection, *, whole: bool) -> None:
    """Make ``conn``'s contents the saved index.

    ``whole=True`` for a connection from :func:`new_db` (a rebuild), or in the
    "whole" mode: the database is written as one file, atomically, 0600 (in the
    "whole" mode, each bulk table that was loaded or made goes first to its own
    file, under a new generation the main file then names). Otherwise the changes
    are committed in place.
    """
    if not keep_on_disk:
        return
    conn.commit()
    if not (whole or _whole()):
        return
    files: list[tuple[Path, bytes]] = []
    for table in BULK:
        if table in _attached(conn):
            gen = secrets.token_hex(8)
            conn.execute(f"DELETE FROM {table}.gen")
            conn.execute(f"INSERT INTO {table}.gen VALUES (?)", (gen,))
            conn.execute("INSERT OR REPLACE INTO main.meta VALUES (?, ?)", (f"gen:{table}", gen))
            conn.commit()
            files.append((bulk_path(table), conn.serialize(name=table)))
    files.append((index_path(), conn.serialize()))
    try:
        with store.key_lock():  # plain or encrypted is chosen as every journal file's is
            for path, data in files:
                store.atomic_write(path, seal(data), durable=False)
    except crypt.KeysBroken:
        return  # never a plaintext copy: kept in memory until the key files are set right


def deferred() -> bool:
    """True when a save should leave the index for the next reading command: a whole
    index is decrypted and written again in full, which would make every save of an
    encrypted journal pay for its history; the next command reads the few new files."""
    return _whole()


def remove() -> None:
    """Delete the saved index (it is rebuilt when next needed), with any journal file
    SQLite left beside it (a process stopped in the middle of a change)."""
    for path in (index_path(), *(bulk_path(t) for t in BULK)):
        for suffix in ("", "-journal", "-wal"):
            with contextlib.suppress(OSError):
                os.unlink(path.with_name(path.name + suffix))
