"""The one way partsjournal writes and reads files under ``<home>``.

Every write goes through :func:`atomic_write`: the bytes are prepared first,
written to a hidden temporary file in the same folder (mode 0600 whatever the
umask), flushed and fsynced, then moved into place with ``os.replace`` (or
``os.link`` when the name must not already exist). Any failure removes the
temporary file and leaves the previous file untouched. Readers ignore names
that start with a dot, so a half-written temporary is never read; one left by
a killed process is removed the next time its folder is written.

Every read goes through :func:`read_toml`, which turns any problem (missing,
empty, not UTF-8, not TOML) into :class:`UnreadableFile` naming the file.
Encryption at rest (:mod:`core.crypt`) hooks in here in two places only:
:func:`write_file` encrypts to the journal's recipient when there is one, and
:func:`read_file` decrypts any file that starts with the age header.
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

from partsjournal.core import crypt
from partsjournal.core.errors import JournalError

DIR_MODE = 0o700
FILE_MODE = 0o600


class UnreadableFile(JournalError):
    """A file under ``<home>`` that cannot be read as TOML."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"Could not read {path}: {reason}.")
        self.path = path
        self.reason = reason


STALE_TMP_SECONDS = 300  # a temporary file older than this was left by a killed writer


def ensure_dir(path: Path) -> Path:
    """Create ``path`` (and missing parents) with mode 0700; return it.

    Only folders this call creates are given 0700: folders that already exist
    (``~/.local/share``, or a journal folder the person made read-only on
    purpose) keep their mode, and nothing is ever changed through a symlink.
    """
    missing: list[Path] = []
    p = path
    while not os.path.lexists(p):
        missing.append(p)
        if p.parent == p:
            break
        p = p.parent
    for d in reversed(missing):
        try:
            os.mkdir(d, DIR_MODE)
        except FileExistsError:
            continue  # made by someone else meanwhile: theirs, leave its mode alone
        _make_private(d)
    return path


def _make_private(folder: Path) -> None:
    """chmod 0700 the folder just created, never following a symlink put in its place.

    Where the system has no ``O_DIRECTORY``, ``O_NOFOLLOW`` or ``fchmod`` (Windows; on
    Python 3.12 and before it lacks all three), the folder is checked not to be a link and
    given the mode by name: Windows keeps only the read-only bit of a mode, and a folder
    under the person's own profile is private to them by its permissions already.
    """
    if not all(hasattr(os, name) for name in ("O_DIRECTORY", "O_NOFOLLOW", "fchmod")):
        if not os.path.islink(folder):
            os.chmod(folder, DIR_MODE)
        return
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    try:
        os.fchmod(fd, DIR_MODE)
    finally:
        os.close(fd)


# POSIX calls that Windows lacks are looked up where they are used, so that a system without
# them takes the closest way that keeps the same promise (tests/test_windows.py removes them).
# Windows opens files in text mode unless told otherwise, which would turn every "\n"
# written into "\r\n": journal files are bytes, written exactly as given.
_BINARY = getattr(os, "O_BINARY", 0)
# On Windows a file another program has open (a reader, a virus scanner, a sync client) cannot
# be replaced for a moment: the replace is tried again a few times before it is given up.
REPLACE_TRIES = 10 if os.name == "nt" else 1
REPLACE_PAUSE = 0.05  # seconds between tries


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
    atomic_write_chunks(path, [data], exclusive=exclusive, private_dir=private_dir, durable=durable)


def atomic_write_chunks(
    path: Path,
    chunks: Iterable[bytes],
    *,
    exclusive: bool = False,
    private_dir: bool = True,
    durable: bool = True,
) -> None:
    """:func:`atomic_write` for data made piece by piece (a long export): each
    chunk goes to the temporary file as it comes, so memory stays flat."""
    if private_dir:
        ensure_dir(path.parent)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY, FILE_MODE)
    try:
        try:
            if hasattr(os, "fchmod"):  # whatever the umask (Windows: Python 3.13 on)
                os.fchmod(fd, FILE_MODE)
            else:
                os.chmod(tmp, FILE_MODE)
            for chunk in chunks:
                view = memoryview(chunk)
                while view:
                    written = os.write(fd, view)
                    view = view[written:]
            if durable:
                os.fsync(fd)
            written_at = os.fstat(fd).st_mtime
        finally:
            os.close(fd)
        if exclusive:
            os.link(tmp, path)
            os.unlink(tmp)
        else:
            _replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    if durable:
        _fsync_dir(path.parent)
    if private_dir:
        remove_stale_temporaries(path.parent, now=written_at)


def _replace(tmp: Path, path: Path) -> None:
    """``os.replace``, tried again for a moment where an open file cannot be replaced."""
    for attempt in range(REPLACE_TRIES):
        try:
            os.replace(tmp, path)
            return
        except PermissionError:
            if attempt == REPLACE_TRIES - 1:
                raise
            time.sleep(REPLACE_PAUSE)


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
        raise UnwritableData(
            f"partsjournal could not write{where} in a form it can read back ({exc}); "
            "nothing was changed, please report this with --debug."
        ) from None
    if not same:
        raise UnwritableData(
            f"partsjournal could not write{where} in a form that reads back the same; "
            "nothing was changed, please report this with --debug."
        )
    return text.encode("utf-8")


def write_file(path: Path, data: bytes, *, exclusive: bool = False) -> None:
    """Write a journal file: encrypted to the journal's key when it has one."""
    atomic_write(path, crypt.seal(data), exclusive=exclusive)


def write_toml(path: Path, data: Mapping[str, Any], *, exclusive: bool = False) -> None:
    write_file(path, dump_toml(data, path), exclusive=exclusive)


def read_file(path: Path) -> bytes:
    """A journal file's bytes, decrypted when it is an age file."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UnreadableFile(path, "the file does not exist") from None
    except OSError as exc:
        raise UnreadableFile(path, exc.strerror or "it could not be opened") from None
    if crypt.is_sealed(raw):
        try:
            return crypt.open_sealed(raw)
        except crypt.WrongKey:
            raise UnreadableFile(
                path, "it is encrypted, but not to this journal's key, or it is damaged"
            ) from None
    return raw


def loads_toml(text: str) -> dict[str, Any]:
    """Parse TOML text (raises :class:`TOMLError`); the one parser every read uses."""
    return tomli.loads(text)


TOMLError = tomli.TOMLDecodeError


def read_toml(path: Path) -> dict[str, Any]:
    """Read one TOML file, or raise :class:`UnreadableFile` saying why."""
    raw = read_file(path)
    if not raw.strip():
        raise UnreadableFile(path, "the file is empty")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise UnreadableFile(path, "the file is not UTF-8 text") from None
    try:
        return loads_toml(text)
    except TOMLError as exc:
        raise UnreadableFile(path, f"it is not valid TOML ({exc})") from None


class Busy(JournalError):
    """Another partsjournal process holds the lock on this file right now."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} is in use by another partsjournal command; try again after it.")
        self.path = path


@contextlib.contextmanager
def locked(path: Path, *, wait: bool = True) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` for the ``with`` block.

    The lock is taken on a hidden ``.<name>.lock`` file beside ``path`` (the file
    itself is replaced on every write, so it cannot carry the lock), removed
    again on release. Locks end with the process, so a killed command never
    leaves one held. With ``wait=False`` a lock held elsewhere raises
    :class:`Busy` at once. Read-modify-write under this lock is how two
    commands changing the same file never lose each other's change.

    The locking itself is filelock's (``flock`` on Linux and macOS, ``LockFileEx`` on
    Windows). Its lock files stay in place on POSIX; ours go on release, so that no lock
    file outlives the name it tells (a part renamed, a journal encrypted). A waiter that
    gets a lock file removed meanwhile by the holder before it sees so (its inode is no
    longer the file's) and takes the new one.
    """
    import filelock

    ensure_dir(path.parent)
    lock = path.with_name(f".{path.name}.lock")
    while True:
        inodes: list[bool] = []

        def same_file(fd: int, lock: Path = lock, inodes: list[bool] = inodes) -> None:
            try:
                inodes.append(os.stat(lock).st_ino == os.fstat(fd).st_ino)
            except FileNotFoundError:
                inodes.append(False)

        held = filelock.FileLock(
            lock, mode=FILE_MODE, blocking=wait, thread_local=False, on_acquired=same_file
        )
        try:
            held.acquire()
        except filelock.Timeout:
            raise Busy(path) from None
        if all(inodes):
            break
        held.release()  # the holder before us removed this lock file: take the new one
    try:
        yield
    finally:
        with contextlib.suppress(OSError):  # Windows removes its lock files itself
            os.unlink(lock)
        held.release()


def is_journal_file(path: Path) -> bool:
    """True for visible ``.toml`` files (temporaries and foreign files are skipped)."""
    return path.suffix == ".toml" and not path.name.startswith(".")
