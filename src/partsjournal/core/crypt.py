"""Encryption at rest, optional, in the age format (age-encryption.org/v1).

Three small files in ``<home>`` say how a journal is encrypted:

- ``identity.age``: the journal's X25519 identity (an ``AGE-SECRET-KEY-1...``
  line, as ``age-keygen`` writes it), itself encrypted with the person's
  passphrase (age's scrypt recipient). ``age -d -i identity.age FILE`` opens
  any journal file without partsjournal.
- ``recipient.txt``: the public key (``age1...``). Every file partsjournal
  writes is encrypted to it, so saving never needs the passphrase.
- ``identity.pub``: a second copy of the same public key. A ``recipient.txt``
  that is lost, emptied or replaced by another key is noticed against it
  without the passphrase (and against the identity itself whenever it is
  unlocked), and nothing is saved until ``encrypt`` has set it right.

:func:`is_encrypted` is the one answer to "is this journal encrypted": any of
the three files says yes, so a journal whose ``recipient.txt`` went missing is
never written in plain text; :func:`sealing_key` refuses instead, saying how to
repair it.

Reading a file that starts with the age header needs the identity: from the
file named by ``PARTSJOURNAL_IDENTITY`` (unprotected, as ``age -i``), else
``identity.age`` unlocked with the passphrase, asked once per command through
the function the command layer installs (:func:`begin_command`), unless the person chose
to keep it in the system keyring (:mod:`core.keychain`). While a secret key or a
passphrase is in memory the process writes no core file (:func:`no_core_files`).

pyrage is imported only when an encrypted file or command needs it, so plain
journals start as fast as before.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from partsjournal.core import keychain, paths, reading
from partsjournal.core import messages as msg
from partsjournal.core.errors import JournalError

IDENTITY_ENV = "PARTSJOURNAL_IDENTITY"
IDENTITY_FILE = "identity.age"
RECIPIENT_FILE = "recipient.txt"
PUBLIC_FILE = "identity.pub"
KEY_FILES = (IDENTITY_FILE, RECIPIENT_FILE, PUBLIC_FILE)
_HEADERS = (b"age-encryption.org/v1\n", b"-----BEGIN AGE ENCRYPTED FILE-----")
_SECRET_PREFIX = "AGE-SECRET-KEY-1"


AskSecret = Callable[[str], str]


NO_TERMINAL = msg.PASSPHRASE_NO_TERMINAL.format(variable=IDENTITY_ENV)


def _no_terminal(question: str) -> str:
    raise JournalError(NO_TERMINAL)


_ask: dict[str, AskSecret] = {"secret": _no_terminal}
_unlocked: dict[Path, Any] = {}


class WrongKey(Exception):
    """The file is encrypted, but not to the identity at hand (or it is damaged)."""


class KeysBroken(JournalError):
    """The journal is encrypted, but its key files do not say safely whom to encrypt to."""


def begin_command(ask_secret: AskSecret | None) -> None:
    """Forget any unlocked identity and install how to ask for the passphrase."""
    _unlocked.clear()
    _ask["secret"] = ask_secret or _no_terminal


def never_ask() -> None:
    """Keep what is unlocked, but never ask (a worker process has no terminal)."""
    _ask["secret"] = _no_terminal


def ask_secret(question: str) -> str:
    no_core_files()  # the passphrase is about to be in memory
    return _ask["secret"](question)


def no_core_files() -> None:
    """Write no core file from now on: one would hold the secret key or the passphrase
    (a crash, or SIGQUIT, while the journal is unlocked). The process ends with the
    command, so the limit ends with it; systems without core files have no such limit."""
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows writes no core files
        return
    with contextlib.suppress(ValueError, OSError):
        hard = resource.getrlimit(resource.RLIMIT_CORE)[1]
        resource.setrlimit(resource.RLIMIT_CORE, (0, hard))


def identity_path() -> Path:
    return paths.home() / IDENTITY_FILE


def recipient_path() -> Path:
    return paths.home() / RECIPIENT_FILE


def public_path() -> Path:
    return paths.home() / PUBLIC_FILE


def is_sealed(raw: bytes) -> bool:
    """True when ``raw`` is an age file (binary or armored), judged by its header."""
    return raw.startswith(_HEADERS)


def is_encrypted() -> bool:
    """Whether the journal is encrypted: the one owner of the question.

    Any of the three key files says yes, so a journal whose ``recipient.txt`` was
    lost or emptied still counts as encrypted and is never written in plain text.
    A ``PARTSJOURNAL_IDENTITY`` set in the environment says nothing by itself (it
    may be set for every journal); no file is opened and pyrage is not loaded.
    """
    home = os.fspath(paths.home())  # asked before every write: joined as text, not as Paths
    return any(os.path.lexists(os.path.join(home, name)) for name in KEY_FILES)


def read_public(path: Path) -> tuple[str | None, str]:
    """The public key ``path`` holds, and ""; or None and what is wrong with the file."""
    try:
        raw = reading.read_bytes(path)  # once per save (core/reading)
    except FileNotFoundError:
        return None, msg.KEY_IS_MISSING
    except OSError as exc:
        return None, msg.KEY_NOT_READ.format(reason=exc.strerror or type(exc).__name__)
    text = raw.decode("ascii", "replace").strip()
    if not text:
        return None, msg.KEY_IS_EMPTY
    if "\n" in text or not valid_public(text):
        return None, msg.KEY_NOT_PUBLIC
    return text, ""


def valid_public(text: str) -> bool:
    import pyrage

    try:
        pyrage.x25519.Recipient.from_str(text)
    except pyrage.RecipientError:
        return False
    return True


def journal_public_key() -> str | None:
    """The journal's public key as ``identity.pub`` keeps it, else as ``recipient.txt``
    holds it (a journal encrypted before there was ``identity.pub``); None when neither
    holds one. Unchecked: :func:`sealing_key` is the check."""
    if not is_encrypted():
        return None
    copy, _ = read_public(public_path())
    return copy if copy is not None else read_public(recipient_path())[0]


def sealing_key() -> str | None:
    """The public key a new file is encrypted to; None for a plain journal.

    Raises :class:`KeysBroken`, saying how to repair it, when the journal is
    encrypted and ``recipient.txt`` is missing, empty or garbled, or holds another key
    than ``identity.pub`` or than the identity unlocked in this command: a file is
    never written in plain text into an encrypted journal, nor to a stranger's key.
    """
    if not is_encrypted():
        return None
    where = recipient_path()
    key, wrong = read_public(where)
    if key is None:
        raise KeysBroken(msg.KEYS_WRONG.format(where=where, wrong=wrong, hint=msg.KEY_REPAIR_HINT))
    copy, copy_wrong = read_public(public_path())
    if copy is None and copy_wrong != msg.KEY_IS_MISSING:
        raise KeysBroken(
            msg.KEYS_COPY_WRONG.format(
                public=public_path(), wrong=copy_wrong, where=where, hint=msg.KEY_REPAIR_HINT
            )
        )
    if copy is not None and copy != key:
        raise KeysBroken(
            msg.KEYS_OTHER_KEY.format(where=where, public=public_path(), hint=msg.KEY_REPAIR_HINT)
        )
    if not _unlocked and _identity_file_at_hand():
        identities()  # no question: check against the identity file the environment names
    if any(public_key(identity) != key for identity in _unlocked.values()):
        raise KeysBroken(msg.KEYS_NOT_UNLOCKING.format(where=where, hint=msg.KEY_REPAIR_HINT))
    return key


def check_can_save() -> None:
    """Refuse now, before anything is asked or typed, when a save would be refused."""
    sealing_key()


def seal(data: bytes, to: str | None = None) -> bytes:
    """``data`` encrypted to ``to``, else to the journal's key (:func:`sealing_key`);
    unchanged in a plain journal."""
    key = to if to is not None else sealing_key()
    if key is None:
        return data
    import pyrage

    parsed = pyrage.x25519.Recipient.from_str(key)
    return bytes(pyrage.encrypt(data, [parsed]))


def unlock_if_encrypted() -> None:
    """Unlock the identity now when the journal is encrypted (asks at most once)."""
    if is_encrypted():
        identities()


def unlocked() -> bool:
    """True once this command has the journal's identity in memory."""
    return bool(_unlocked)


def key_at_hand() -> bool:
    """True when reading needs no question: a plain journal, or the identity is unlocked
    already, named by ``PARTSJOURNAL_IDENTITY`` (unprotected), or kept in the keyring."""
    if not is_encrypted() or _unlocked or _identity_file_at_hand():
        return True
    if os.environ.get(IDENTITY_ENV) or not keychain.marker_path().exists():
        return False
    return _from_keyring() is not None


def _identity_file_at_hand() -> bool:
    """True when ``PARTSJOURNAL_IDENTITY`` names a readable identity file that needs no
    passphrase."""
    env = os.environ.get(IDENTITY_ENV)
    if not env:
        return False
    try:
        with open(Path(env).expanduser(), "rb") as f:
            return not is_sealed(f.read(64))
    except OSError:
        return False


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
        no_core_files()  # the secret key is about to be in memory
        _unlocked[where] = _load_from_env(where) if env else _from_keyring() or unlock(where)
    return [_unlocked[where]]


def _from_keyring() -> Any | None:
    """The identity kept in the system keyring (opt-in), if it belongs to this journal."""
    secret = keychain.load()
    identity = parse_secret(secret) if secret else None
    if identity is None or public_key(identity) != journal_public_key():
        return None
    return identity


def _load_from_env(where: Path) -> Any:
    try:
        raw = where.read_bytes()
    except OSError:
        raise JournalError(
            msg.IDENTITY_UNREADABLE.format(variable=IDENTITY_ENV, where=where)
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
            msg.KEY_FILE_MISSING.format(where=where, hint=msg.KEY_RECOVER_HINT)
        ) from None
    except OSError as exc:
        raise JournalError(
            msg.KEY_FILE_UNREADABLE.format(
                where=where, reason=exc.strerror, hint=msg.KEY_RECOVER_HINT
            )
        ) from None
    return _identity_from(_decrypt_with_passphrase(where, raw), where)


def _decrypt_with_passphrase(where: Path, raw: bytes) -> bytes:
    import pyrage

    if not is_sealed(raw) or b"\n-> scrypt " not in raw.split(b"\n---", 1)[0]:
        raise JournalError(msg.KEY_FILE_DAMAGED.format(where=where, hint=msg.KEY_RECOVER_HINT))
    passphrase = ask_secret(msg.PASSPHRASE_ASK)
    try:
        return bytes(pyrage.passphrase.decrypt(raw, passphrase))
    except pyrage.DecryptError as exc:
        if str(exc) == "Decryption failed":
            raise JournalError(msg.PASSPHRASE_WRONG) from None
        raise JournalError(
            msg.KEY_FILE_DAMAGED.format(where=where, hint=msg.KEY_RECOVER_HINT)
        ) from None


def _identity_from(raw: bytes, where: Path) -> Any:
    key = parse_secret(raw.decode("utf-8", "replace"))
    if key is None:
        raise JournalError(
            msg.KEY_FILE_NO_IDENTITY.format(
                where=where, prefix=_SECRET_PREFIX, hint=msg.KEY_RECOVER_HINT
            )
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

    no_core_files()
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
    no_core_files()
    _unlocked.clear()  # the one key of this journal from now on
    _unlocked[identity_path()] = identity
