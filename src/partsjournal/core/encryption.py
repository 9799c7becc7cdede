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

A part's or a session's file whose name tells something (``the-critic.toml``,
``2016-12-16-ketamine.toml``) is given a random one before it is encrypted, in
steps that each leave the journal readable: the id is written into the file if it
had none, then the file is renamed (one step: it is there under one name or the
other), then it is encrypted. ``decrypt`` keeps the random names; they read as well.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from partsjournal.core import crypt, idfiles, indexfile, keychain, layout, paths, store
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
    renamed: list[Path] = field(default_factory=list)  # the new names
    names_kept: list[Path] = field(default_factory=list)  # could not be read, so not renamed
    same_id: list[Path] = field(default_factory=list)  # another file has its id: not renamed


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
    after_file: AfterFile | None = None,
    on_new_key: Callable[[str], None] | None = None,
    after_naming: AfterFile | None = None,
) -> Conversion:
    """Encrypt the journal, making its identity the first time.

    With ``PARTSJOURNAL_IDENTITY`` set, that identity is the journal's key and
    no passphrase or ``identity.age`` is made: the file it names is the only key.
    ``on_new_key`` is given the recovery key of a new identity before any file
    is converted. ``after_naming`` is called after each step of giving a file a
    random name (the id written in, the rename), as ``after_file`` after each
    file is encrypted.
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
    home = paths.home()
    records = (home / "parts", home / "sessions")
    # a file left out because another carries its id keeps its name, so that the
    # other one, renamed, still counts (idfiles.choose)
    doubles = set().union(*(idfiles.left_out(folder) for folder in records))
    for path in journal_files():
        if path in doubles and not idfiles.says_nothing(path):
            result.same_id.append(path)  # encrypted, but its name stays
        elif path.parent in records and not idfiles.says_nothing(path):
            named = _random_name(path, to, result, after_naming)
            if named is None:
                continue  # removed meanwhile
            path = named
        with store.locked(path):  # never between another command's read and its write
            raw = path.read_bytes()
            if crypt.is_sealed(raw):
                result.unchanged += 1
                continue
            store.atomic_write(path, crypt.seal(raw, to))
        result.converted.append(path)
        if after_file is not None:
            after_file(path)
    for folder in (home / "parts", home / "sessions"):
        _old_locks_away(folder)
    return result


def _old_locks_away(folder: Path) -> None:
    """Remove lock files still named for a file that has a random name now (a command
    killed while holding one leaves it): each is taken and given back, as every lock
    is, so one held right now is waited for, never pulled away."""
    for lock in folder.glob(".*.toml.lock") if folder.is_dir() else ():
        old = lock.with_name(lock.name[1 : -len(".lock")])
        if not old.exists() and not idfiles.says_nothing(old):
            with store.locked(old):
                pass


def _random_name(
    path: Path, to: str, result: Conversion, after_step: AfterFile | None
) -> Path | None:
    """Give a part's or session's file a random name: the id written in first (when the
    file has none, as a hand-made one may not), then the rename. The new path; the old
    one when the file cannot be read (its id is unknown), None when it is gone."""
    with store.locked(path):
        if not path.exists():
            return None
        try:
            data = store.read_toml(path)
        except store.UnreadableFile:
            result.names_kept.append(path)
            return path
        if not idfiles.has_id(data):
            _write_id(path, data, to)
            if after_step is not None:
                after_step(path)
        day = None
        if path.parent.name == "sessions":
            day = layout.name_date(path.stem) or _session_day(data)
        if path.parent.name == "sessions" and day is None:
            result.names_kept.append(path)  # not a session anyone can read: its name stays
            return path
        while True:
            new = idfiles.random_part_id() if day is None else idfiles.random_session_name(day)
            target = path.with_name(f"{new}.toml")
            try:
                store.rename(path, target)
                break
            except FileExistsError:
                continue
    idfiles.forget(path.parent)
    result.renamed.append(target)
    if after_step is not None:
        after_step(target)
    return target


def _write_id(path: Path, data: dict[str, Any], to: str) -> None:
    """Write the file's id (its name now) into it, encrypted as it was or plain.

    A file without an ``id`` line gets one at the top, so the rest stays exactly as
    its author wrote it; one with an empty ``id`` is written out again.
    """
    wanted = {**data, "id": path.stem}
    text = store.dump_toml(wanted, path)
    if "id" not in data:
        raw = store.read_file(path)
        top = store.dump_toml({"id": path.stem}, path) + raw
        try:
            if store.loads_toml(top.decode("utf-8")) == wanted:
                text = top
        except (UnicodeDecodeError, store.TOMLError):
            pass
    sealed = crypt.is_sealed(path.read_bytes())
    store.atomic_write(path, crypt.seal(text, to) if sealed else text)


def _session_day(data: dict[str, Any]) -> date | None:
    day = data.get("date")
    if isinstance(day, datetime):
        return day.date()
    return day if isinstance(day, date) else None


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
