"""The one way partsjournal writes and reads files under ``<home>``.

Every write goes through :func:`atomic_write`: the bytes are prepared first,
written to a hidden temporary file in the same folder (mode 0600 whatever the
umask), flushed and fsynced, then moved into place with ``os.replace`` (or
``os.link`` when the name must not already exist). Any failure removes the
temporary file and leaves the previous file untouched. Readers ignore names
that start with a dot, so a half-written temporary is never read.

Every read goes through :func:`read_toml`, which turns any problem (missing,
empty, not UTF-8, not TOML) into :class:`UnreadableFile` naming the file.
Keeping both here is what lets encryption at rest be added in one place later.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from partsjournal.core.errors import JournalError

DIR_MODE = 0o700
FILE_MODE = 0o600


class UnreadableFile(JournalError):
    """A file under ``<home>`` that cannot be read as TOML."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"Could not read {path}: {reason}.")
        self.path = path
        self.reason = reason


def ensure_dir(path: Path) -> Path:
    """Create ``path`` (and missing parents) with mode 0700; return it.

    Only folders this call creates are given 0700: an existing parent such as
    ``~/.local/share`` is left as it is. The target folder itself is always
    set to 0700, since it holds journal files.
    """
    missing: list[Path] = []
    p = path
    while not p.exists():
        missing.append(p)
        if p.parent == p:
            break
        p = p.parent
    for d in reversed(missing):
        with contextlib.suppress(FileExistsError):
            os.mkdir(d, DIR_MODE)
        os.chmod(d, DIR_MODE)
    if path.exists() and (path.stat().st_mode & 0o777) != DIR_MODE:
        os.chmod(path, DIR_MODE)
    return path


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
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    try:
        try:
            os.fchmod(fd, FILE_MODE)
            for chunk in chunks:
                view = memoryview(chunk)
                while view:
                    written = os.write(fd, view)
                    view = view[written:]
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        if exclusive:
            os.link(tmp, path)
            os.unlink(tmp)
        else:
            os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    if durable:
        _fsync_dir(path.parent)


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


def dump_toml(data: Mapping[str, Any]) -> bytes:
    import tomli_w

    return tomli_w.dumps(data).encode("utf-8")


def write_toml(path: Path, data: Mapping[str, Any], *, exclusive: bool = False) -> None:
    atomic_write(path, dump_toml(data), exclusive=exclusive)


def read_toml(path: Path) -> dict[str, Any]:
    """Read one TOML file, or raise :class:`UnreadableFile` saying why."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UnreadableFile(path, "the file does not exist") from None
    except OSError as exc:
        raise UnreadableFile(path, exc.strerror or "it could not be opened") from None
    if not raw.strip():
        raise UnreadableFile(path, "the file is empty")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise UnreadableFile(path, "the file is not UTF-8 text") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UnreadableFile(path, f"it is not valid TOML ({exc})") from None


def is_journal_file(path: Path) -> bool:
    """True for visible ``.toml`` files (temporaries and foreign files are skipped)."""
    return path.suffix == ".toml" and not path.name.startswith(".")
