"""The encrypted twins of the reading and saving cases (encryption at rest).

The encrypted ten-year journal is a copy of the decade journal with every file
encrypted to a fresh identity, kept in an unprotected identity file named by
PARTSJOURNAL_IDENTITY, so no case waits for a passphrase. What the passphrase
adds once per command (scrypt, in age's default work factor) is timed on its own,
in-process: ``unlock_seconds``.

Targets: a reading command on the encrypted journal costs at most 1.3 x the same
command on the plain one (plus the unlock); saving an entry at most 1.1 x.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import statistics
import time
from collections.abc import Iterator
from pathlib import Path

# Everything used from partsjournal is imported here (see generate.py).
from partsjournal.core import crypt, encryption, paths

IDENTITY_ENV = crypt.IDENTITY_ENV


def _new_key(key: Path) -> str:
    import pyrage

    identity = pyrage.x25519.Identity.generate()
    key.write_text(f"{identity}\n", encoding="ascii")
    return str(identity.to_public())


def ensure(journals: Path, decade: Path) -> tuple[Path, Path]:
    """The encrypted copy of ``decade`` and its identity file, built once and reused
    while the decade journal's own stamp is unchanged."""
    home, key = journals / "decade-encrypted", journals / "decade-encrypted.key"
    stamp, source = journals / ".decade-encrypted.done", journals / ".decade.done"
    if stamp.exists() and stamp.read_text() == source.read_text() and key.exists():
        return home, key
    shutil.rmtree(home, ignore_errors=True)
    shutil.copytree(decade, home)
    (home / ".index.sqlite").unlink(missing_ok=True)
    _new_key(key)
    # the way a person's journal is encrypted: `partsjournal encrypt`'s own code, so part
    # and session files get their random names too (a minute or so, once)
    with identity_from(key):
        paths.set_home(home)
        try:
            encryption.encrypt()
        finally:
            paths.set_home(None)
    stamp.write_text(source.read_text())
    return home, key


def scratch(journals: Path) -> tuple[Path, Path]:
    """An empty encrypted journal for the saving case (the twin of ``scratch``)."""
    home, key = journals / "scratch-encrypted", journals / "scratch-encrypted.key"
    if not (home / crypt.RECIPIENT_FILE).exists() or not key.exists():
        shutil.rmtree(home, ignore_errors=True)
        home.mkdir(parents=True)
        to = _new_key(key)
        (home / crypt.RECIPIENT_FILE).write_text(f"{to}\n", encoding="ascii")
    return home, key


def unlock_seconds(runs: int = 3) -> float:
    """Median time to unlock a passphrase-protected identity (age's scrypt), in-process."""
    identity = crypt.new_identity()
    blob = crypt.protect(identity, "benchmark passphrase")
    import pyrage

    times = []
    for _ in range(runs):
        start = time.perf_counter()
        pyrage.passphrase.decrypt(blob, "benchmark passphrase")
        times.append(time.perf_counter() - start)
    return statistics.median(times)


@contextlib.contextmanager
def identity_from(key: Path) -> Iterator[None]:
    """In this process, read encrypted files with the identity in ``key``."""
    before = os.environ.get(IDENTITY_ENV)
    os.environ[IDENTITY_ENV] = str(key)
    crypt.begin_command(None)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(IDENTITY_ENV, None)
        else:
            os.environ[IDENTITY_ENV] = before
        crypt.begin_command(None)
