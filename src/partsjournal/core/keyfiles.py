"""The journal's key files: which key ``encrypt`` uses, writing the files in a safe
order, one change at a time, and choosing a passphrase.

``identity.age`` (the secret key under the passphrase), ``identity.pub`` and
``recipient.txt`` (its public key, twice) are described in :mod:`core.crypt`,
which reads them. They are written only here, under :func:`store.key_lock`, so a
command saving at the same moment sees them all before or all after, and only
inside :func:`one_change_at_a_time`, so two ``encrypt`` (or ``decrypt``, or
``passphrase``) runs in two windows can never make two keys for one journal.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from partsjournal.core import crypt, keychain, paths, store
from partsjournal.core import messages as msg
from partsjournal.core.errors import JournalError, UsageError


@contextlib.contextmanager
def one_change_at_a_time() -> Iterator[None]:
    """Hold the journal's conversion lock (``<home>/.conversion.lock``), or refuse at
    once with :data:`msg.CONVERSION_RUNNING` when another process holds it."""
    with contextlib.ExitStack() as stack:
        try:
            stack.enter_context(store.locked(paths.home() / "conversion", wait=False))
        except store.Busy:
            raise JournalError(msg.CONVERSION_RUNNING) from None
        yield


def choose_passphrase() -> str:
    """A new passphrase, asked twice, never echoed; refused when empty or different."""
    first = crypt.ask_secret(msg.PASSPHRASE_CHOOSE)
    if not first.strip():
        raise UsageError(msg.PASSPHRASE_EMPTY)
    second = crypt.ask_secret(msg.PASSPHRASE_AGAIN)
    if first != second:
        raise JournalError(msg.PASSPHRASES_DIFFER)
    return first


def write_public(to: str) -> list[Path]:
    """Make ``identity.pub`` and then ``recipient.txt`` hold ``to`` (each only when it
    does not already), under the key lock; the files written."""
    written = []
    with store.key_lock():
        for path in (crypt.public_path(), crypt.recipient_path()):
            if crypt.read_public(path)[0] != to:
                store.atomic_write(path, f"{to}\n".encode("ascii"))
                written.append(path)
    return written


def key_for_encrypt(
    on_new_key: Callable[[str], None] | None, opens_journal: Callable[[Any], bool]
) -> tuple[str, str | None, list[Path]]:
    """The public key ``encrypt`` encrypts to, with the key files set right to it; the
    recovery key when a new identity was made; the key files written again.

    - The journal's identity at hand (``identity.age``, with the passphrase, or
      ``PARTSJOURNAL_IDENTITY``): its public key, and the key files are written again
      from it when they are missing, empty, garbled or hold another key. An identity
      file from the environment must be the journal's own: ``identity.pub`` holds its
      public key, or it opens the journal's files (``opens_journal``).
    - No identity at hand, but ``recipient.txt`` and ``identity.pub`` agree (a journal
      keyed by an identity file kept elsewhere): that key; finishing needs no secret.
    - A plain journal: a new identity under a new passphrase (or the one the
      environment names), shown through ``on_new_key`` before any file is encrypted.
    """
    env = os.environ.get(crypt.IDENTITY_ENV)
    if crypt.identity_path().exists() or env:
        identity = crypt.identities()[0]
        to = crypt.public_key(identity)
        known = crypt.journal_public_key()
        if env and known is not None and known != to and not opens_journal(identity):
            raise JournalError(
                msg.IDENTITY_OTHER_KEY.format(
                    variable=crypt.IDENTITY_ENV, public=crypt.public_path()
                )
            )
        crypt.remember(identity)
        before = crypt.is_encrypted()  # else the first encrypt, with an identity file
        written = write_public(to)
        return to, None, written if before else []
    if crypt.is_encrypted():
        recipient, _ = crypt.read_public(crypt.recipient_path())
        copy, wrong = crypt.read_public(crypt.public_path())
        agreed = copy == recipient or (copy is None and wrong == msg.KEY_IS_MISSING)
        if recipient is not None and agreed:
            return recipient, None, write_public(recipient)
        raise JournalError(
            msg.KEYS_CANNOT_SET_RIGHT.format(
                recipient=crypt.recipient_path(),
                identity=crypt.identity_path(),
                variable=crypt.IDENTITY_ENV,
                hint=msg.KEY_RECOVER_HINT,
            )
        )
    return _new_key(on_new_key)


def _new_key(on_new_key: Callable[[str], None] | None) -> tuple[str, str | None, list[Path]]:
    passphrase = choose_passphrase()
    identity = crypt.new_identity()
    to = crypt.public_key(identity)
    with store.key_lock():
        # never over another identity: the one journal key is never replaced by a second
        store.atomic_write(
            crypt.identity_path(), crypt.protect(identity, passphrase), exclusive=True
        )
        crypt.remember(identity)
        if on_new_key is not None:  # shown before any other file changes
            on_new_key(str(identity))
        write_public(to)
    return to, str(identity), []


def remove_all() -> None:
    """Remove the key files, ``recipient.txt`` first (while ``identity.age`` is there,
    nothing is written in plain text), under the key lock."""
    with store.key_lock():
        for path in (crypt.recipient_path(), crypt.public_path(), crypt.identity_path()):
            path.unlink(missing_ok=True)


def protect_again(identity: Any, passphrase: str) -> None:
    """``identity.age`` written again under ``passphrase``, and the public copies from it."""
    with store.key_lock():
        store.atomic_write(crypt.identity_path(), crypt.protect(identity, passphrase))
        write_public(crypt.public_key(identity))
    crypt.remember(identity)


def remember_in_keyring() -> None:
    """Keep the unlocked key in the system keyring, so the passphrase is not asked."""
    if not crypt.is_encrypted():
        raise UsageError(msg.NOT_ENCRYPTED)
    identity = crypt.identities()[0]
    keychain.keep(str(identity))
    store.atomic_write(keychain.marker_path(), b"the journal's key is kept in the system keyring\n")


def forget_keyring() -> bool:
    """Take the key out of the system keyring; True if it had been kept there."""
    return keychain.forget()
