"""Reading a file's bytes, and listing a folder, from the disk once per save or review.

Saving an entry asks the same small files many times: the parts registry (to
find the parts named, to show their names, to save), the sessions near the
entry's day (to link it, to say where it sits, to index it) and the journal's
key (``recipient.txt``, once per file written). Inside :func:`once` each file
is read from the disk the first time only; asked again, it is given from
memory as long as the file is still the same one: same inode, size and
modification time (every write partsjournal makes replaces the file, so it
always gets a new inode; a file changed by another program is read again).

Folders are listed the same way (:func:`listing`): the sessions folder and the
month folders of the entries, which a review or a save looks into from several
places (the placement of entries, the session count, the streak), are listed
once while unchanged (same inode and modification time; a file partsjournal
writes drops its folder's listing at once).

Outside :func:`once` every call reads the disk. The store
(:func:`partsjournal.core.store.read_file`), the key (:func:`crypt.recipient`),
:mod:`partsjournal.core.layout`, :mod:`partsjournal.core.sessions` and the index's
scan read and list through here.
"""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Callable, Hashable, Iterator
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

_Key = tuple[int, int, int]

# A file larger than this is not kept in memory (the index of a long encrypted journal,
# written whole): what is remembered are the small files many modules ask for.
KEEP_AT_MOST = 1 << 20

# path -> (what the file was when read, None when it was missing; its bytes); None
# outside once()
_seen: dict[str, tuple[_Key | None, bytes]] | None = None
# folder -> (its inode and modification time when listed, the names in it)
_listed: dict[str, tuple[tuple[int, int], list[str]]] = {}
# (folder, what was made from it) -> (the folder's inode and time then, what was made)
_made: dict[tuple[str, Hashable], tuple[tuple[int, int], Any]] = {}


def _key(st: os.stat_result) -> _Key:
    return (st.st_ino, st.st_size, st.st_mtime_ns)


@contextlib.contextmanager
def once() -> Iterator[None]:
    """Within the block, read each unchanged file from the disk only once.
    Blocks may nest: the outermost one decides when the memory is let go."""
    global _seen
    if _seen is not None:
        yield
        return
    _seen = {}
    try:
        yield
    finally:
        _seen = None
        _listed.clear()
        _made.clear()


def each_file_once(fn: Callable[P, R]) -> Callable[P, R]:
    """``fn`` run inside :func:`once`: for the flows that save an entry."""

    @functools.wraps(fn)
    def within(*args: P.args, **kwargs: P.kwargs) -> R:
        with once():
            return fn(*args, **kwargs)

    return within


def read_bytes(path: Path) -> bytes:
    """The bytes of ``path``, raising ``OSError`` as :meth:`Path.read_bytes` does."""
    if _seen is None:
        return _from_disk(path)[1]
    name = str(path)
    known = _seen.get(name)
    if known is not None:
        try:
            same = known[0] == _key(os.stat(path))
        except FileNotFoundError:
            if known[0] is None:
                raise  # still missing (recipient.txt of a plain journal, say)
            same = False
        if same:
            return known[1]
    try:
        key, data = _from_disk(path)
    except FileNotFoundError:
        _seen[name] = (None, b"")
        raise
    if len(data) <= KEEP_AT_MOST:
        _seen[name] = (key, data)
    return data


def wrote(path: Path, st: os.stat_result, data: bytes) -> None:
    """``data`` was just written to ``path`` as the file ``st`` describes (from the
    written file itself): inside :func:`once`, reading it back needs no disk read, and
    its folder (and any folder made for it) is listed afresh."""
    if _seen is not None:
        if len(data) <= KEEP_AT_MOST:
            _seen[str(path)] = (_key(st), data)
        else:
            _seen.pop(str(path), None)
        for folder in [k for k in _listed if str(path).startswith(k + os.sep)]:
            del _listed[folder]
        for made in [k for k in _made if str(path).startswith(k[0] + os.sep)]:
            del _made[made]


def listing(folder: Path) -> list[str]:
    """The names in ``folder``, as :func:`os.listdir` gives them (and raises)."""
    if _seen is None:
        return _list_disk(folder)
    st = os.stat(folder)  # before listing: a name added meanwhile makes it look older
    key = (st.st_ino, st.st_mtime_ns)
    name = str(folder)
    known = _listed.get(name)
    if known is not None and known[0] == key:
        return list(known[1])
    names = _list_disk(folder)
    _listed[name] = (key, names)
    return list(names)


def made_from(folder: Path, what: Hashable, make: Callable[[], R]) -> R:
    """``make()``, worked out once within :func:`once` while ``folder`` is unchanged:
    for what a module builds from a folder's files and is asked for again and again
    (the numbered sessions: five times in one save). ``what`` names what is made."""
    if _seen is None:
        return make()
    st = os.stat(folder)
    key = (st.st_ino, st.st_mtime_ns)
    known = _made.get((str(folder), what))
    if known is not None and known[0] == key:
        found: R = known[1]
        return found
    value = make()
    _made[(str(folder), what)] = (key, value)
    return value


def _list_disk(folder: Path) -> list[str]:
    return os.listdir(folder)


def _from_disk(path: Path) -> tuple[_Key, bytes]:
    """One read from the disk, with what the file read was (from the open file itself,
    so a file replaced meanwhile is never remembered under the new one's name)."""
    with open(path, "rb") as f:
        return _key(os.fstat(f.fileno())), f.read()


def is_journal_file(path: Path) -> bool:
    """True for visible ``.toml`` files (temporaries and foreign files are skipped)."""
    return is_journal_name(path.name)


def is_journal_name(name: str) -> bool:
    """:func:`is_journal_file` for a name in a folder listing (no path to make)."""
    return name.endswith(".toml") and not name.startswith(".")
