"""Encryption at rest, optional, in the age format (age-encryption.org/v1).

Two small files in ``<home>`` say how a journal is encrypted:

- ``identity.age``: the journal's X25519 identity (an ``AGE-SECRET-KEY-1...``
  line, as ``age-keygen`` writes it), itself encrypted with the person's
  passphrase (age's scrypt recipient). ``age -d -i identity.age FILE`` opens
  any journal file without partsjournal.
- ``recipient.txt``: the public key (``age1...``). While it exists, every file
  partsjournal writes is encrypted to it, so saving never needs the passphrase.

Reading a file that starts with the age header needs the identity: from the
file named by ``PARTSJOURNAL_IDENTITY`` (unprotected, as ``age -i``), else
``identity.age`` unlocked with the passphrase, asked once per command through
the function the command layer installs (:func:`begin_command`), unless the person chose
to keep it in the system keyring (:mod:`core.keychain`).

pyrage is imported only when an encrypted file or command needs it, so plain
journals start as fast as before.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from partsjournal.core import keychain, paths
from partsjournal.core.errors import JournalError

IDENTITY_ENV = "PARTSJOURNAL_IDENTITY"
IDENTITY_FILE = "identity.age"
RECIPIENT_FILE = "recipient.txt"
_HEADERS = (b"age-encryption.org/v1\n", b"-----BEGIN AGE ENCRYPTED FILE-----")
_SECRET_PREFIX = "AGE-SECRET-KEY-1"

RECOVER_HINT = (
    "restore it from a backup, or run 'partsjournal passphrase --recover' and type the "
    "recovery key you kept when you encrypted the journal"
)

AskSecret = Callable[[str], str]


NO_TERMINAL = (
    "This needs your journal's passphrase and there is no terminal to ask for it; "
    f"run the command in a terminal, or set {IDENTITY_ENV} to your identity file."
)


# The question that unlocks the journal's key, and what is said while the key is derived from
# the answer (scrypt: a second or two, which would otherwise pass in silence).
UNLOCK_QUESTION = "Passphrase for your journal:"
UNLOCKING = "Unlocking your journal..."


def _no_terminal(question: str) -> str:
    raise JournalError(NO_TERMINAL)


_ask: dict[str, AskSecret] = {"secret": _no_terminal}
_unlocked: dict[Path, Any] = {}


class WrongKey(Exception):
    """The file is encrypted, but not to the identity at hand (or it is damaged)."""


def begin_command(ask_secret: AskSecret | None) -> None:
    """Forget any unlocked identity and install how to ask for the passphrase."""
    _unlocked.clear()
    _ask["secret"] = ask_secret or _no_terminal


def never_ask() -> None:
    """Keep what is unlocked, but never ask (a worker process has no terminal)."""
    _ask["secret"] = _no_terminal


def ask_secret(question: str) -> str:
    return _ask["secret"](question)


def identity_path() -> Path:
    return paths.home() / IDENTITY_FILE


def recipient_path() -> Path:
    return paths.home() / RECIPIENT_FILE


def is_sealed(raw: bytes) -> bool:
    """True when ``raw`` is an age file (binary or armored), judged by its header."""
    return raw.startswith(_HEADERS)


def recipient() -> str | None:
    """The public key new files are encrypted to, or None for a plain journal."""
    try:
        text = recipient_path().read_text(encoding="ascii").strip()
    except (FileNotFoundError, NotADirectoryError):
        return None
    except (OSError, UnicodeDecodeError):
        raise JournalError(
            f"The file {recipient_path()} could not be read; it should hold one line "
            "starting with age1 (the journal's public key)."
        ) from None
    return text or None


def seal(data: bytes, to: str | None = None) -> bytes:
    """``data`` encrypted to the journal's recipient (``to``), unchanged when there is none."""
    key = to if to is not None else recipient()
    if key is None:
        return data
    import pyrage

    try:
        parsed = pyrage.x25519.Recipient.from_str(key)
    except pyrage.RecipientError:
        raise JournalError(
            f"The file {recipient_path()} does not hold a public key starting with age1; "
            "run 'partsjournal encrypt' again to write it."
        ) from None
    return bytes(pyrage.encrypt(data, [parsed]))


def unlock_if_encrypted() -> None:
    """Unlock the identity now when the journal is encrypted (asks at most once)."""
    if recipient() is not None:
        identities()


def open_sealed(raw: bytes) -> bytes:
    """The plaintext of an age file (unlocking the identity once per command).

    Raises :class:`WrongKey` when the identity does not open it; problems with
    the identity itself are a :class:`JournalError` saying what to do.
    """
    import pyrage

    try:
        return bytes(pyrage.decrypt(raw, identities()))
    except pyrage.DecryptError:
        raise WrongKey from None


def identities() -> list[Any]:
    """The unlocked identity, from ``PARTSJOURNAL_IDENTITY`` or ``identity.age``."""
    env = os.environ.get(IDENTITY_ENV)
    where = Path(env).expanduser() if env else identity_path()
    if where not in _unlocked:
        _unlocked[where] = _load_from_env(where) if env else _from_keyring() or unlock(where)
    return [_unlocked[where]]


def _from_keyring() -> Any | None:
    """The identity kept in the system keyring (opt-in), if it belongs to this journal."""
    secret = keychain.load()
    identity = parse_secret(secret) if secret else None
    if identity is None or public_key(identity) != recipient():
        return None
    return identity


def _load_from_env(where: Path) -> Any:
    try:
        raw = where.read_bytes()
    except OSError:
        raise JournalError(
            f"{IDENTITY_ENV} points at {where}, which could not be read; "
            "point it at your identity file, or unset it to use the passphrase."
        ) from None
    if is_sealed(raw):
        return _identity_from(_decrypt_with_passphrase(where, raw), where)
    return _identity_from(raw, where)


def unlock(where: Path | None = None) -> Any:
    """The identity in ``identity.age``, asking for the passphrase once."""
    where = where or identity_path()
    try:
        raw = where.read_bytes()
    except FileNotFoundError:
        raise JournalError(
            f"This journal is encrypted but its key file {where} is missing; {RECOVER_HINT}."
        ) from None
    except OSError as exc:
        raise JournalError(
            f"The key file {where} could not be read ({exc.strerror}); {RECOVER_HINT}."
        ) from None
    return _identity_from(_decrypt_with_passphrase(where, raw), where)


def _decrypt_with_passphrase(where: Path, raw: bytes) -> bytes:
    import pyrage

    if not is_sealed(raw) or b"\n-> scrypt " not in raw.split(b"\n---", 1)[0]:
        raise JournalError(f"The key file {where} is damaged; {RECOVER_HINT}.")
    passphrase = ask_secret(UNLOCK_QUESTION)
    try:
        return bytes(pyrage.passphrase.decrypt(raw, passphrase))
    except pyrage.DecryptError as exc:
        if str(exc) == "Decryption failed":
            raise JournalError(
                "That passphrase does not unlock this journal; nothing was changed (try again, "
                "or run 'partsjournal passphrase --recover' if it is forgotten)."
            ) from None
        raise JournalError(f"The key file {where} is damaged; {RECOVER_HINT}.") from None


def _identity_from(raw: bytes, where: Path) -> Any:
    key = parse_secret(raw.decode("utf-8", "replace"))
    if key is None:
        raise JournalError(
            f"{where} holds no age identity (a line starting with {_SECRET_PREFIX}); "
            f"{RECOVER_HINT}."
        )
    return key


def parse_secret(text: str) -> Any | None:
    """The first valid ``AGE-SECRET-KEY-1...`` identity in ``text``, or None."""
    import pyrage

    for line in text.splitlines():
        line = line.strip()
        if line.upper().startswith(_SECRET_PREFIX):
            try:
                return pyrage.x25519.Identity.from_str(line.upper())
            except pyrage.IdentityError:
                return None
    return None


def public_key(identity: Any) -> str:
    return str(identity.to_public())


def new_identity() -> Any:
    import pyrage

    return pyrage.x25519.Identity.generate()


def identity_text(identity: Any) -> bytes:
    """The identity as ``age-keygen`` writes it (what ``age -i`` reads)."""
    return f"# public key: {public_key(identity)}\n{identity}\n".encode("ascii")


def protect(identity: Any, passphrase: str) -> bytes:
    """The identity file's bytes: the identity encrypted with ``passphrase`` (scrypt)."""
    import pyrage

    return bytes(pyrage.passphrase.encrypt(identity_text(identity), passphrase))


def remember(identity: Any) -> None:
    """Keep ``identity`` unlocked for the rest of this command."""
    _unlocked[identity_path()] = identity
