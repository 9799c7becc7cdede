"""Turning encryption on and off, and changing the passphrase.

Conversion goes file by file, each one written atomically through
:func:`store.atomic_write`, so an interruption at any moment leaves every file
whole, either plain or encrypted; running the command again finishes the job.
The key files are ordered so that a stop between any two steps is safe:

- ``encrypt``: ``identity.age`` first, then ``identity.pub`` and ``recipient.txt``
  (from then on new files are encrypted), then the files. A recipient never exists
  without the identity that opens what is encrypted to it.
- ``decrypt``: the files first, while new ones are still encrypted; then, with no
  encrypted file left, ``recipient.txt``, ``identity.pub`` and ``identity.age``.

Only one conversion runs at a time (:func:`keyfiles.one_change_at_a_time`), and
each file is converted under :func:`store.key_lock`, which every save holds too:
a file saved while a conversion runs is never missed, and never written over.
Plain temporaries a stopped process left (a killed ``decrypt``, an ``edit``) are
removed by ``encrypt``, and a refused edit kept for the person is encrypted.

A part's or a session's file whose name tells something (``the-critic.toml``,
``2016-12-16-ketamine.toml``) is given a random one before it is encrypted, in
steps that each leave the journal readable: the id is written into the file if it
had none, then the file is renamed (one step: it is there under one name or the
other), then it is encrypted. ``decrypt`` keeps the random names; they read as well.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from partsjournal.core import crypt, idfiles, index_file, keychain, keyfiles, layout, paths, store
from partsjournal.core import messages as msg
from partsjournal.core.errors import JournalError, UsageError
from partsjournal.core.wording import plural

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
    strays_removed: int = 0  # plain temporaries a stopped command left
    edits_sealed: list[Path] = field(default_factory=list)  # kept edit copies, now encrypted
    keys_written: list[Path] = field(default_factory=list)  # public key files set right again


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


def encrypt(
    after_file: AfterFile | None = None,
    on_new_key: Callable[[str], None] | None = None,
    after_naming: AfterFile | None = None,
    on_wait: Callable[[str], None] | None = None,
) -> Conversion:
    """Encrypt the journal, making its identity the first time, setting its key files
    right when one is missing, damaged or replaced.

    With ``PARTSJOURNAL_IDENTITY`` set, that identity is the journal's key and
    no passphrase or ``identity.age`` is made: the file it names is the only key.
    ``on_new_key`` is given the recovery key of a new identity before any file
    is converted. ``after_naming`` is called after each step of giving a file a
    random name (the id written in, the rename), as ``after_file`` after each
    file is encrypted. ``on_wait`` is told, in a sentence, what the conversion waits
    for when another command holds a file it must rename.
    """
    result = Conversion()
    with keyfiles.one_change_at_a_time():
        to, result.recovery_key, result.keys_written = keyfiles.key_for_encrypt(
            on_new_key, _opens_journal
        )
        with store.key_lock():
            index_file.remove()  # a plain index would be a plaintext copy; rebuilt encrypted
            _strays(to, result)
        _encrypt_files(to, result, after_file, after_naming, on_wait)
    return result


def _encrypt_files(
    to: str,
    result: Conversion,
    after_file: AfterFile | None,
    after_naming: AfterFile | None,
    on_wait: Callable[[str], None] | None,
) -> None:
    home = paths.home()
    records = (home / "parts", home / "sessions")
    # a file left out because another carries its id keeps its name, so that the
    # other one, renamed, still counts (idfiles.choose)
    doubles = set().union(*(idfiles.left_out(folder) for folder in records))
    for path in journal_files():
        if path in doubles and not idfiles.says_nothing(path):
            result.same_id.append(path)  # encrypted, but its name stays
        elif path.parent in records and not idfiles.says_nothing(path):
            named = _random_name(path, to, result, after_naming, on_wait)
            if named is None:
                continue  # removed meanwhile
            path = named
        with store.key_lock():  # never between another command's read and its write
            try:
                raw = path.read_bytes()
            except FileNotFoundError:
                continue  # removed meanwhile
            if crypt.is_sealed(raw):
                result.unchanged += 1
                continue
            store.atomic_write(path, crypt.seal(raw, to))
        result.converted.append(path)
        if after_file is not None:
            after_file(path)
    for folder in records:
        _old_locks_away(folder)


# Hidden files a stopped command may leave in the journal's folders with plain text in
# them: a write's temporary, and the swap and backup files an editor keeps beside an
# edit copy. No journal write is under way while the key lock is held.
_EDIT_COPY = ".edit.toml"


def _strays(to: str, result: Conversion) -> None:
    """Remove every plain temporary in the journal's folders, and encrypt every edit copy
    kept there (what a person typed is never thrown away). Called under the key lock."""
    home = paths.home()
    folders = [home, *(home / name for name in FOLDERS)]
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in folder.rglob(".*") if folder != home else folder.glob(".*"):
            name = path.name
            if path.is_symlink() or not path.is_file():
                continue
            if name.endswith(".tmp") or (_EDIT_COPY in name and not name.endswith(_EDIT_COPY)):
                path.unlink(missing_ok=True)
                result.strays_removed += 1
            elif name.endswith(_EDIT_COPY) and not crypt.is_sealed(path.read_bytes()):
                store.atomic_write(path, crypt.seal(path.read_bytes(), to))
                result.edits_sealed.append(path)


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
    path: Path,
    to: str,
    result: Conversion,
    after_step: AfterFile | None,
    on_wait: Callable[[str], None] | None,
) -> Path | None:
    """Give a part's or session's file a random name: the id written in first (when the
    file has none, as a hand-made one may not), then the rename. The new path; the old
    one when the file cannot be read (its id is unknown), None when it is gone."""
    with _waiting_for(path, on_wait):
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
    with store.key_lock():
        sealed = crypt.is_sealed(path.read_bytes())
        store.atomic_write(path, crypt.seal(text, to) if sealed else text)


def _session_day(data: dict[str, Any]) -> date | None:
    day = data.get("date")
    if isinstance(day, datetime):
        return day.date()
    return day if isinstance(day, date) else None


@contextlib.contextmanager
def _waiting_for(path: Path, on_wait: Callable[[str], None] | None) -> Iterator[None]:
    """Hold ``path``'s lock; when another command holds it, say so and wait for it."""
    with contextlib.ExitStack() as stack:
        try:
            stack.enter_context(store.locked(path, wait=False))
        except store.Busy:
            if on_wait is not None:
                on_wait(msg.WAITING_FOR_COMMAND.format(path=path))
            stack.enter_context(store.locked(path))
        yield


def _sealed_files() -> list[Path]:
    return [p for p in journal_files() if _starts_sealed(p)]


def _starts_sealed(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return crypt.is_sealed(f.read(64))
    except OSError:
        return False


def decrypt(after_file: AfterFile | None = None) -> Conversion:
    """Write every file as plain text again; remove the keys when none is left encrypted.

    The key at hand must open at least one encrypted file, or nothing changes. Files
    go first, while new ones are still encrypted; the last are converted under the key
    lock (no save can land in between), and only then are the key files removed: a
    file saved while ``decrypt`` runs is converted too, never left encrypted with its
    key gone.
    """
    with keyfiles.one_change_at_a_time():
        result = Conversion()
        sealed = _sealed_files()
        if not sealed and not crypt.is_encrypted():
            result.unchanged = sum(1 for _ in journal_files())
            return result  # plain already (or an earlier run finished): nothing to do
        if sealed:
            _opens_one(sealed)  # unlock, and check the key, before anything changes
        for path in sealed:
            _decrypt_one(path, result, after_file)
        with store.key_lock():
            for path in _sealed_files():  # saved while the others were converted
                if path not in result.unreadable:
                    _decrypt_one(path, result, after_file)
            if not result.unreadable:
                keychain.forget()
                keyfiles.remove_all()
            index_file.remove()  # rebuilt as the journal now is when next needed
        result.unchanged = sum(1 for _ in journal_files()) - len(set(result.converted))
        result.unchanged -= len(result.unreadable)
    return result


def _opens_one(sealed: list[Path]) -> None:
    """Unlock the identity; refuse, changing nothing, when it opens none of ``sealed``."""
    crypt.identities()
    for path in sealed:
        try:
            crypt.open_sealed(path.read_bytes())
            return
        except (crypt.WrongKey, OSError):
            continue
    raise JournalError(
        msg.KEY_OPENS_NOTHING.format(
            files=plural(len(sealed), "encrypted file"), variable=crypt.IDENTITY_ENV
        )
    )


def _decrypt_one(path: Path, result: Conversion, after_file: AfterFile | None) -> None:
    with store.key_lock():  # never between another command's read and its write
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return  # removed meanwhile
        if not crypt.is_sealed(raw):  # rewritten plain meanwhile
            return
        try:
            plain = crypt.open_sealed(raw)
        except crypt.WrongKey:
            if path not in result.unreadable:
                result.unreadable.append(path)
            return
        store.atomic_write(path, plain)
    if path not in result.converted:
        result.converted.append(path)
    if after_file is not None:
        after_file(path)


def change_passphrase(*, recover: bool = False) -> None:
    """Protect the identity with a new passphrase; entries are not touched.

    ``recover`` asks for the recovery key instead of the old passphrase (for a
    forgotten passphrase, or a missing or damaged ``identity.age``). A recovery key
    is taken when it is the journal's key, or when it opens one of the journal's
    files (the key files may be the ones that are wrong); ``identity.pub`` and
    ``recipient.txt`` are then written again from it.
    """
    with keyfiles.one_change_at_a_time():
        if not crypt.is_encrypted() and not (recover and _sealed_files()):
            raise UsageError(msg.NOT_ENCRYPTED)
        identity = _recovered() if recover else crypt.identities()[0]
        known = crypt.journal_public_key()
        belongs = known is None or crypt.public_key(identity) == known
        if not belongs and not (recover and _opens_journal(identity)):
            raise JournalError(msg.KEY_NOT_THIS_JOURNAL.format(public=crypt.public_path()))
        passphrase = keyfiles.choose_passphrase()
        keyfiles.protect_again(identity, passphrase)


def _opens_journal(identity: Any) -> bool:
    """True when ``identity`` opens one of the journal's encrypted files."""
    return any(_opens(identity, path) for path in _sealed_files())


def _opens(identity: Any, path: Path) -> bool:
    import pyrage

    try:
        pyrage.decrypt(path.read_bytes(), [identity])
    except (pyrage.DecryptError, OSError):
        return False
    return True


def _recovered() -> Any:
    typed = crypt.ask_secret(msg.RECOVERY_KEY_ASK)
    identity = crypt.parse_secret(typed)
    if identity is None:
        raise JournalError(msg.NOT_A_RECOVERY_KEY)
    return identity
