"""Keeping the journal's unlocked key in the operating system's keyring (opt-in).

``partsjournal passphrase --remember`` stores the identity (the same secret as
the recovery key) with the ``keyring`` package, under the service
``partsjournal`` and the journal folder's path, and writes the marker file
``<home>/keyring-opt-in``. Only while that marker exists does reading look in
the keyring (so plain journals, and people who did not opt in, never import it).
The trade: while you are logged in, anyone or any program using your account can
open the journal without the passphrase. ``--forget`` takes it out again.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from partsjournal.core import messages as msg
from partsjournal.core import paths
from partsjournal.core.errors import JournalError

SERVICE = "partsjournal"
MARKER = "keyring-opt-in"


def marker_path() -> Path:
    return paths.home() / MARKER


def _account() -> str:
    return str(paths.home().expanduser().resolve())


def load() -> str | None:
    """The identity kept in the keyring, or None (not opted in, or no keyring now)."""
    if not marker_path().exists():
        return None
    try:
        import keyring
        import keyring.errors
    except ImportError:
        return None
    try:
        secret: str | None = keyring.get_password(SERVICE, _account())
    except keyring.errors.KeyringError:
        return None
    return secret


def keep(secret: str) -> None:
    """Put ``secret`` in the keyring (the caller writes the marker afterwards)."""
    try:
        import keyring
        import keyring.errors
    except ImportError:
        raise JournalError(msg.KEYRING_MISSING) from None
    try:
        keyring.set_password(SERVICE, _account(), secret)
    except keyring.errors.KeyringError:
        raise JournalError(msg.KEYRING_UNAVAILABLE) from None


def forget() -> bool:
    """Take the key out of the keyring; True if the journal had opted in."""
    had = marker_path().exists()
    marker_path().unlink(missing_ok=True)
    with contextlib.suppress(Exception):
        import keyring

        keyring.delete_password(SERVICE, _account())
    return had
