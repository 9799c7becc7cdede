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
bytes pass through :data:`seal` and :data:`unseal` (identity functions until
encryption is configured), so the index is never a plaintext copy of an
encrypted journal, and a journal can also keep it in memory only
(:data:`keep_on_disk` false).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from partsjournal.core import paths, store

NAME = ".index.sqlite"


def _same(data: bytes) -> bytes:
    return data


# The hooks an encrypted journal sets: bytes on their way to and from the disk.
seal: Callable[[bytes], bytes] = _same
unseal: Callable[[bytes], bytes] = _same
# "disk": SQLite works on the file; "whole": the file is loaded and saved as one block.
mode = "disk"
# False: never write the index (an encrypted journal that keeps it in memory only).
keep_on_disk = True


def index_path() -> Path:
    return paths.home() / NAME


def open_db() -> sqlite3.Connection | None:
    """The saved index, or None when there is none (or it cannot be opened at all)."""
    path = index_path()
    if not keep_on_disk or not path.is_file():
        return None
    try:
        if mode == "whole":
            conn = sqlite3.connect(":memory:")
            conn.deserialize(unseal(path.read_bytes()))
        else:
            conn = sqlite3.connect(path)  # a plain path: any characters in <home> work
            conn.execute("PRAGMA synchronous=OFF")  # derived data: a crash means a rebuild
    except (sqlite3.Error, OSError, ValueError):
        return None
    return conn


def new_db() -> sqlite3.Connection:
    """An empty database in memory, to build a whole index in before :func:`save`."""
    return sqlite3.connect(":memory:")


def save(conn: sqlite3.Connection, *, whole: bool) -> None:
    """Make ``conn``'s contents the saved index.

    ``whole=True`` for a connection from :func:`new_db` (a rebuild), or in the
    "whole" mode: the database is written as one file, atomically, 0600.
    Otherwise the changes are committed in place.
    """
    if not keep_on_disk:
        return
    if whole or mode == "whole":
        conn.commit()
        store.atomic_write(index_path(), seal(conn.serialize()), durable=False)
    else:
        conn.commit()


def remove() -> None:
    """Delete the saved index (it is rebuilt when next needed)."""
    with contextlib.suppress(OSError):
        os.unlink(index_path())
