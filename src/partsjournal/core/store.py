"""The one way partsjournal writes and reads files under ``<home>``.

Every write goes through :func:`atomic_write`: the bytes are prepared first,
written to a hidden temporary file in the same folder (mode 0600 whatever the
umask), flushed and fsynced, then moved into place with ``os.replace`` (or
``os.link`` when the name must not already exist). Any failure removes the
temporary file and leaves the previous file untouched. Readers ignore names
that start with a dot, so a half-written temporary is never read; one left by
a killed process is removed the next time its folder is written.

Every read goes through :func:`read_toml`, which turns any problem (missing,
empty, not UTF-8, not TOML, nested deeper than any journal file is, a number too
long to read) into :class:`UnreadableFile` naming the file. Files are bytes on
disk, always UTF-8, whatever the locale says.
Encryption at rest (:mod:`core.crypt`) hooks in here in two places only:
:func:`write_file` encrypts to the journal's recipient when there is one (under
:func:`key_lock`, so ``encrypt`` and ``decrypt`` never miss a file written while
they run), and :func:`read_file` decrypts any file that starts with the age header.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import time
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

# tomli is the standard library's tomllib as its upstream publishes it, built with
# mypyc: the same parser, about 2.7 times faster, which is what a full rebuild of
# a ten-year index spends most of its time on (benchmarks/README.md).
import tomli

from partsjournal.core import crypt, paths, reading
from partsjournal.core import messages as msg
from partsjournal.core.errors import JournalError
from partsjournal.core.filesys import (
    BINARY,
    DIR_MODE,
    FILE_MODE,
    Busy,
    ensure_dir,
    locked,
    make_private_file,
    replace,
)
from partsjournal.core.reading import is_journal_file as is_journal_file

__all__ = ["DIR_MODE", "FILE_MODE", "Busy", "ensure_dir", "locked"]  # kept here for callers


class UnreadableFile(JournalError):
    """A file under ``<home>`` that cannot be read as TOML."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(msg.COULD_NOT_READ.format(path=path, reason=reason))
        self.path = path
        self.reason = reason


STALE_TMP_SECONDS = 300  # a temporary file older than this was left by a killed writer


def remove_stale_temporaries(
    folder: Path, *, older_than: float = STALE_TMP_SECONDS, now: float | None = None
) -> None:
    """Remove hidden ``.tmp`` files a killed writer left in ``folder``.

    Only files older than a few minutes go, so a write in progress in another
    process is never touched. ``now`` is the time of a file just written in the
    folder, when there is one: the folder's own clock, which a network file system
    or a moved system clock may set apart from this process's.
    """
    limit = (time.time() if now is None else now) - older_than
    try:
        found = list(os.scandir(folder))
    except OSError:
        return
    for item in found:
        if not (item.name.startswith(".") and item.name.endswith(".tmp")):
            continue
        try:
            if item.is_file(follow_symlinks=False) and item.stat().st_mtime < limit:
                os.unlink(item.path)
        except OSError:
            continue


def atomic_write(
    path: Path,
    data: bytes,
    *,
    exclusive: bool = False,
    private_dir: bool = True,
    durable: bool = True,
) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one.

    With ``exclusive=True`` the call raises :class:`FileExistsError` instead of
    replacing an existing file (used for new entries, so two processes can never
    overwrite each other). ``private_dir=False`` is for files the user asked for
    outside ``<home>`` (``--output``): the folder must exist and its mode is
    left alone. ``durable=False`` skips the fsyncs, for derived files (the index)
    that are rebuilt if a crash loses them.
    """
    st = atomic_write_chunks(
        path, [data], exclusive=exclusive, private_dir=private_dir, durable=durable
    )
    reading.wrote(path, st, data)  # read back in the same save: from memory


def atomic_write_chunks(
    path: Path,
    chunks: Iterable[bytes],
    *,
    exclusive: bool = False,
    private_dir: bool = True,
    durable: bool = True,
) -> os.stat_result:
    """:func:`atomic_write` for data made piece by piece (a long export): each chunk goes
    to the temporary file as it comes, so memory stays flat. Returns its stat data."""
    if private_dir:
        ensure_dir(path.parent)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | BINARY, FILE_MODE)
    try:
        try:
            make_private_file(fd, tmp)
            for chunk in chunks:
                view = memoryview(chunk)
                while view:
                    written = os.write(fd, view)
                    view = view[written:]
            if durable:
                os.fsync(fd)
            done = os.fstat(fd)
        finally:
            os.close(fd)
        if exclusive:
            os.link(tmp, path)
            os.unlink(tmp)
        else:
            replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    if durable:
        _fsync_dir(path.parent)
    if private_dir:
        remove_stale_temporaries(path.parent, now=done.st_mtime)
    return done


def rename(path: Path, new: Path) -> None:
    """Give ``path`` the name ``new`` in the same folder, in one step: a reader sees
    the file under one name or the other, never both or neither. Never replaces a
    file already called ``new`` (:class:`FileExistsError`)."""
    if os.path.lexists(new):
        raise FileExistsError(new)
    os.rename(path, new)
    _fsync_dir(new.parent)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class UnwritableData(JournalError):
    """Data that would not read back the same once written; nothing was written."""


def dump_toml(data: Mapping[str, Any], path: Path | None = None) -> bytes:
    """``data`` as TOML bytes, checked to read back as the same data.

    The check is cheap (the bytes are in memory) and means the one writer never
    replaces a good file with one no command can read again.
    """
    import tomli_w

    where = f" {path}" if path is not None else ""
    try:
        text = tomli_w.dumps(data)
        same = loads_toml(text) == data
    except (TypeError, ValueError) as exc:
        raise UnwritableData(msg.UNWRITABLE_FORM.format(where=where, reason=exc)) from None
    if not same:
        raise UnwritableData(msg.UNWRITABLE_READ_BACK.format(where=where))
    return text.encode("utf-8")


def write_file(path: Path, data: bytes, *, exclusive: bool = False, durable: bool = True) -> None:
    """Write a journal file: encrypted to the journal's key when it has one, never in
    plain text into an encrypted journal (:func:`crypt.sealing_key` refuses instead)."""
    with key_lock():
        atomic_write(path, crypt.seal(data), exclusive=exclusive, durable=durable)


def write_toml(path: Path, data: Mapping[str, Any], *, exclusive: bool = False) -> None:
    write_file(path, dump_toml(data, path), exclusive=exclusive)


_key_lock_depth = {"n": 0}


@contextlib.contextmanager
def key_lock() -> Iterator[None]:
    """Hold the journal's key lock (``<home>/.journal.lock``) for the ``with`` block.

    Every journal write holds it from choosing plain or encrypted to the file being in
    place, and ``encrypt`` and ``decrypt`` hold it while they change the key files and
    while they convert each file. So a conversion never misses a file written while it
    runs, never writes over one written between its read and its write, and a writer
    never sees the key files half changed. Held by a process already, it is not taken
    again (a conversion writes through :func:`write_file` too).
    """
    if _key_lock_depth["n"]:
        _key_lock_depth["n"] += 1
        try:
            yield
        finally:
            _key_lock_depth["n"] -= 1
        return
    with locked(paths.home() / "journal"):
        _key_lock_depth["n"] = 1
        try:
            yield
        finally:
            _key_lock_depth["n"] = 0


def read_file(path: Path) -> bytes:
    """A journal file's bytes, decrypted when it is an age file."""
    try:
        raw = reading.read_bytes(path)  # once per save (core/reading)
    except FileNotFoundError:
        raise UnreadableFile(path, msg.FILE_MISSING) from None
    except OSError as exc:
        raise UnreadableFile(path, exc.strerror or msg.FILE_NOT_OPENED) from None
    if crypt.is_sealed(raw):
        try:
            return crypt.open_sealed(raw)
        except crypt.WrongKey:
            raise UnreadableFile(path, msg.FILE_SEALED_OTHER) from None
    return raw


# No journal, exercise or answers file nests tables or lists this deep; one that does was
# made by hand or by mistake, and is refused like any unreadable file (data this deep
# would also be too deep for Python to compare or copy).
MAX_DEPTH = 32
_TOO_DEEP = msg.TOML_TOO_DEEP.format(depth=MAX_DEPTH)


class TOMLError(ValueError):
    """Text that is not TOML partsjournal reads. ``reason`` says why in words that
    follow "because": not valid TOML (and where), nested deeper than :data:`MAX_DEPTH`,
    or holding an integer too long to read."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def loads_toml(text: str) -> dict[str, Any]:
    """Parse TOML text (raises :class:`TOMLError`); the one parser every read uses."""
    try:
        data = tomli.loads(text)
    except tomli.TOMLDecodeError as exc:
        raise TOMLError(msg.TOML_INVALID.format(reason=exc)) from None
    except RecursionError:  # tomli's own limit: inline tables and lists 400 deep
        raise TOMLError(_TOO_DEEP) from None
    except ValueError:  # an integer longer than Python reads (4,300 digits)
        raise TOMLError(msg.TOML_NUMBER_TOO_LONG) from None
    if _too_deep(data):
        raise TOMLError(_TOO_DEEP)
    return data


def _too_deep(data: dict[str, Any]) -> bool:
    """True when tables and lists in ``data`` nest more than :data:`MAX_DEPTH` levels
    (walked level by level, without recursion, so any depth is measured safely; about
    4 % of the time it takes to parse a typical entry)."""
    level: list[Any] = [data]
    for _ in range(MAX_DEPTH):
        nested: list[Any] = []
        add = nested.append
        for item in level:
            for value in item.values() if type(item) is dict else item:
                kind = type(value)
                if kind is dict or kind is list:
                    add(value)
        if not nested:
            return False
        level = nested
    return True


def read_toml(path: Path) -> dict[str, Any]:
    """Read one TOML file, or raise :class:`UnreadableFile` saying why."""
    raw = read_file(path)
    if not raw.strip():
        raise UnreadableFile(path, msg.FILE_EMPTY)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise UnreadableFile(path, msg.FILE_NOT_UTF8) from None
    try:
        return loads_toml(text)
    except TOMLError as exc:
        raise UnreadableFile(path, exc.reason) from None
