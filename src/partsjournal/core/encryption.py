"""Turning encryption on and off, and changing the passphrase.

Conversion goes file by file, each one written atomically through
:func:`store.atomic_write`, so an interruption at any moment leaves every file
whole, either plain or encrypted; running the command again finishes the job.
The key files are ordered so that a stop between any two steps is safe:

- ``encrypt``: ``identity.age`` first, then ``recipient.txt`` (from then on new
  files are encrypted), then the files. A recipient never exists without the
  identity that opens what is encrypted to it.
- ``decrypt``: ``recipient.txt`` is removed first (new files are plain again),
  then the files, then ``identity.age`` last, only when no encrypted file is left.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from partsjournal.core import crypt, indexfile, keychain, paths, store
from partsjournal.core.errors import JournalError, UsageError

FOLDERS = ("entries", "parts", "sessions", "drafts")
ROOT_FILES = ("config.toml",)

# Called after each file is converted; tests use it to stop the conversion after
# file k, for every k, and check that the journal still reads.
AfterFile = Callable[[Path], None]


@dataclass
class Conversion:
    converted: list[Path] = field(default_factory=list)
    unchanged: int = 0
    unreadable: list[Path] = field(default_factory=list)
    recovery_key: str | None = None  # only when a new identity was made


def journal_files(home: Path | None = None) -> Iterator[Path]:
    """Every file encryption covers: entries, parts, sessions, drafts, config.

    Your own exercise scripts (``exercises/``) are not journal text and stay plain.
    """
    home = home or paths.home()
    for folder in FOLDERS:
        base = home / folder
        if base.is_dir():
            yield from sorted(p for p in base.rglob("*.toml") if store.is_journal_file(p))
    for name in ROOT_FILES:
        if (home / name).is_file():
            yield home / name


def is_encrypted() -> bool:
    """True when new files are encrypted (the journal has a recipient)."""
    return crypt.recipient() is not None


def choose_passphrase() -> str:
    """A new passphrase, asked twice, never echoed; refused when empty or different."""
    first = crypt.ask_secret("Choose a passphrase for your journal:")
    if not first.strip():
        raise UsageError("The passphrase cannot be empty; nothing was changed.")
    second = crypt.ask_secret("Type the same passphrase again:")
    if first != second:
        raise JournalError("The two passphrases were not the same; nothing was changed.")
    return first


def encrypt(
    after_file: AfterFile | None = None, on_new_key: Callable[[str], None] | None = None
) -> Conversion:
    """Encrypt the journal, making its identity the first time.

    With ``PARTSJOURNAL_IDENTITY`` set, that identity is the journal's key and
    no passphrase or ``identity.age`` is made: the file it names is the only key.
    ``on_new_key`` is given the recovery key of a new identity before any file
    is converted.
    """
    result = Conversion()
    to = crypt.recipient()
    if to is None:
        if crypt.identity_path().exists() or os.environ.get(crypt.IDENTITY_ENV):
            identity = crypt.identities()[0]  # an earlier run stopped before the recipient
        else:
            passphrase = choose_passphrase()
            identity = crypt.new_identity()
            store.atomic_write(crypt.identity_path(), crypt.protect(identity, passphrase))
            result.recovery_key = str(identity)
            if on_new_key is not None:  # shown before any file changes
                on_new_key(result.recovery_key)
        crypt.remember(identity)
        to = crypt.public_key(identity)
        store.atomic_write(crypt.recipient_path(), f"{to}\n".encode("ascii"))
    indexfile.remove()  # a plain index would be a plaintext copy; it is rebuilt encrypted
    for path in journal_files():
        with store.locked(path):  # never between another command's read and its write
            raw = path.read_bytes()
            if crypt.is_sealed(raw):
                result.unchanged += 1
                continue
            store.atomic_write(path, crypt.seal(raw, to))
        result.converted.append(path)
        if after_file is not None:
            after_file(path)
    return result


def decrypt(after_file: AfterFile | None = None) -> Conversion:
    """Write every file as plain text again; remove the keys when none is left encrypted."""
    files = list(journal_files())
    sealed = [p for p in files if crypt.is_sealed(p.read_bytes())]
    result = Conversion(unchanged=len(files) - len(sealed))
    if not sealed and not is_encrypted() and not crypt.identity_path().exists():
        return result  # plain already (or an earlier run finished): nothing to do
    if sealed:
        crypt.identities()  # unlock before anything changes (a wrong passphrase stops here)
    crypt.recipient_path().unlink(missing_ok=True)
    indexfile.remove()  # rebuilt plain when next needed
    for path in sealed:
        with store.locked(path):
            raw = path.read_bytes()
            if not crypt.is_sealed(raw):  # rewritten plain meanwhile
                continue
            try:
                plain = crypt.open_sealed(raw)
            except crypt.WrongKey:
                result.unreadable.append(path)
                continue
            store.atomic_write(path, plain)
        result.converted.append(path)
        if after_file is not None:
            after_file(path)
    if not result.unreadable:
        keychain.forget()
        crypt.identity_path().unlink(missing_ok=True)
    return result


def change_passphrase(*, recover: bool = False) -> None:
    """Protect the identity with a new passphrase; entries are not touched.

    ``recover`` asks for the recovery key instead of the old passphrase (for a
    forgotten passphrase, or a missing or damaged ``identity.age``).
    """
    to = crypt.recipient()
    if not recover and to is None and not crypt.identity_path().exists():
        raise UsageError("This journal is not encrypted; run 'partsjournal encrypt' first.")
    identity = _recovered() if recover else crypt.identities()[0]
    if to is not None and crypt.public_key(identity) != to:
        raise JournalError(
            "That key does not belong to this journal (its public key differs from "
            f"{crypt.recipient_path()}); nothing was changed."
        )
    passphrase = choose_passphrase()
    store.atomic_write(crypt.identity_path(), crypt.protect(identity, passphrase))
    crypt.remember(identity)


def _recovered() -> Any:
    typed = crypt.ask_secret("Recovery key (AGE-SECRET-KEY-1...):")
    identity = crypt.parse_secret(typed)
    if identity is None:
        raise JournalError(
            "That is not a recovery key (it starts with AGE-SECRET-KEY-1 and has no "
            "spaces); check it and try again, nothing was changed."
        )
    return identity


def remember_in_keyring() -> None:
    """Keep the unlocked key in the system keyring, so the passphrase is not asked."""
    if not is_encrypted():
        raise UsageError("This journal is not encrypted; run 'partsjournal encrypt' first.")
    identity = crypt.identities()[0]
    keychain.keep(str(identity))
    store.atomic_write(keychain.marker_path(), b"the journal's key is kept in the system keyring\n")


def forget_keyring() -> bool:
    """Take the key out of the system keyring; True if it had been kept there."""
    return keychain.forget()
