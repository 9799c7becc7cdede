"""The file system calls that differ between systems, each with the closest equivalent where
one is missing, so that every system keeps the same promises: private folders and files,
a replace that is atomic, bytes written exactly, and file locks.

POSIX calls that Windows lacks (``O_DIRECTORY``, ``O_NOFOLLOW``, ``fchmod`` before Python 3.13,
``fcntl``) are looked up where they are used, so that a system without them takes the closest
way that keeps the same promise (``tests/test_windows.py`` takes them away). :mod:`core.store`,
the one writer, uses these and re-exports the ones its callers know it by.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

from partsjournal.core import messages as msg
from partsjournal.core.errors import JournalError

DIR_MODE = 0o700
FILE_MODE = 0o600


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


# Windows opens files in text mode unless told otherwise, which would turn every "\n"
# written into "\r\n": journal files are bytes, written exactly as given.
BINARY = getattr(os, "O_BINARY", 0)
# On Windows a file another program has open (a reader, a virus scanner, a sync client) cannot
# be replaced for a moment: the replace is tried again a few times before it is given up.
REPLACE_TRIES = 10 if os.name == "nt" else 1
REPLACE_PAUSE = 0.05  # seconds between tries


def replace(tmp: Path, path: Path) -> None:
    """``os.replace``, tried again for a moment where an open file cannot be replaced."""
    for attempt in range(REPLACE_TRIES):
        try:
            os.replace(tmp, path)
            return
        except PermissionError:
            if attempt == REPLACE_TRIES - 1:
                raise
            time.sleep(REPLACE_PAUSE)


class Busy(JournalError):
    """Another partsjournal process holds the lock on this file right now."""

    def __init__(self, path: Path) -> None:
        super().__init__(msg.FILE_BUSY.format(path=path))
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

    Linux and macOS: the system's ``flock``. Windows (no ``fcntl``): filelock's
    ``LockFileEx``. A waiter that gets a lock file the holder removed meanwhile sees so
    (its inode is no longer the file's) and takes the new one.
    """
    ensure_dir(path.parent)
    lock = path.with_name(f".{path.name}.lock")
    try:
        import fcntl
    except ImportError:  # Windows
        with _locked_elsewhere(path, lock, wait):
            yield
        return
    while True:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT | BINARY, FILE_MODE)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
            same = os.stat(lock).st_ino == os.fstat(fd).st_ino
        except BlockingIOError:
            os.close(fd)
            raise Busy(path) from None
        except FileNotFoundError:
            same = False
        except BaseException:
            os.close(fd)
            raise
        if same:
            break
        os.close(fd)  # the holder before us removed this lock file: take the new one
    try:
        yield
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(lock)
        os.close(fd)


@contextlib.contextmanager
def _locked_elsewhere(path: Path, lock: Path, wait: bool) -> Iterator[None]:
    """:func:`locked` where the system has no ``flock``: filelock, a well-kept lock for every
    system (``LockFileEx`` on Windows). Not used on Linux and macOS, where ``flock`` is the
    system's own and filelock's machinery made a Ctrl-C between two prompts get lost now and
    then (a KeyboardInterrupt landing in a clean-up callback is dropped by Python)."""
    import filelock

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
        held.release()
    try:
        yield
    finally:
        with contextlib.suppress(OSError):  # Windows removes its lock files itself
            os.unlink(lock)
        held.release()


def make_private_file(fd: int, path: Path) -> None:
    """Give the file just created (open as ``fd``) mode 0600 whatever the umask; by name where
    the system has no ``fchmod`` (Windows before Python 3.13)."""
    if hasattr(os, "fchmod"):
        os.fchmod(fd, FILE_MODE)
    else:
        os.chmod(path, FILE_MODE)
