"""Encrypted journals for tests: keys, a passphrase seam and a small journal to convert.

The passphrase is asked through ``prompts.ask_secret``; :class:`Secrets` stands in for
the terminal, answering in order and failing on any question it did not expect.
scrypt (the passphrase) costs over a second each way, so most tests use an
unprotected identity file through ``PARTSJOURNAL_IDENTITY``, as ``age -i`` would, and
key files made by the tests use a small scrypt work factor (:func:`quick_protect`).
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pyrage
import pytest

from partsjournal.core import crypt, drafts, encryption, idfiles, store
from partsjournal.core.answers import Answer
from tests.conftest import Cli

PASSPHRASE = "a long walk by the river"
WHEN = datetime(2026, 3, 4, 21, 30, 5, tzinfo=timezone(timedelta(hours=2)))
SECRET_WORDS = "The team meeting on Monday"  # in the protector answers: must never show on disk


class Secrets:
    """Answers passphrase questions: (words the question must contain, the answer), in order."""

    def __init__(self, *replies: tuple[str, str]) -> None:
        self.replies = list(replies)
        self.asked: list[str] = []

    def __call__(self, question: str) -> str:
        self.asked.append(question)
        if not self.replies:
            raise AssertionError(f"unexpected question: {question}")
        words, answer = self.replies.pop(0)
        assert words in question, f"expected {words!r} in {question!r}"
        return answer


def use_secrets(monkeypatch: pytest.MonkeyPatch, *replies: tuple[str, str]) -> Secrets:
    from partsjournal import prompts

    fake = Secrets(*replies)
    monkeypatch.setattr(prompts, "ask_secret", fake)
    crypt.begin_command(fake)  # for calls into core/ that do not go through the CLI
    return fake


def quick_protect(identity: pyrage.x25519.Identity, passphrase: str) -> bytes:
    """What ``crypt.protect`` writes (the identity file), made with :func:`quick_encrypt`."""
    return quick_encrypt(crypt.identity_text(identity), passphrase)


def quick_encrypt(plaintext: bytes, passphrase: str, log_n: int = 10) -> bytes:
    """``pyrage.passphrase.encrypt`` with scrypt's work factor 2**10 instead of the one age
    picks to take about a second (2**18 or so) each time the file is made or opened.

    The same age file format (age-encryption.org/v1, one scrypt stanza), made here with the
    standard library and ``cryptography``'s ChaCha20-Poly1305; age opens any work factor
    up to its limit, so partsjournal unlocks it with its real code, only 300 times faster.
    """
    import base64
    import hashlib
    import hmac
    import os

    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

    assert len(plaintext) <= 64 * 1024, "one chunk of the payload only"

    def b64(data: bytes) -> bytes:
        return base64.b64encode(data).rstrip(b"=")

    def hkdf(key: bytes, salt: bytes, info: bytes) -> bytes:  # HKDF-SHA-256, 32 bytes
        prk = hmac.digest(salt or bytes(32), key, "sha256")
        return hmac.digest(prk, info + b"\x01", "sha256")

    file_key, salt, nonce = os.urandom(16), os.urandom(16), os.urandom(16)
    wrapping = hashlib.scrypt(
        passphrase.encode(), salt=b"age-encryption.org/v1/scrypt" + salt, n=2**log_n, r=8, p=1,
        dklen=32,
    )  # fmt: skip
    body = ChaCha20Poly1305(wrapping).encrypt(bytes(12), file_key, None)
    header = b"age-encryption.org/v1\n-> scrypt %s %d\n%s\n---" % (b64(salt), log_n, b64(body))
    mac = hmac.digest(hkdf(file_key, b"", b"header"), header, "sha256")
    last_chunk = bytes(11) + b"\x01"  # the STREAM nonce of a one-chunk payload
    sealed = ChaCha20Poly1305(hkdf(file_key, nonce, b"payload")).encrypt(
        last_chunk, plaintext, None
    )
    return header + b" " + b64(mac) + b"\n" + nonce + sealed


def key_file(
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    identity: pyrage.x25519.Identity | None = None,
) -> pyrage.x25519.Identity:
    """An identity (fresh unless given) in an unprotected file, named by PARTSJOURNAL_IDENTITY."""
    identity = identity or pyrage.x25519.Identity.generate()
    path = folder / "key.txt"
    path.write_text(f"# created by a test\n{identity}\n", encoding="ascii")
    monkeypatch.setenv(crypt.IDENTITY_ENV, str(path))
    return identity


def write_journal(cli: Cli, answers: Path) -> None:
    """An entry, a part, a session, settings and a draft with a half-typed answer."""
    assert cli("exercise", "protector", "--answers", str(answers)).exit_code == 0
    assert cli("session", "add", "2026-11-19").exit_code == 0
    assert cli("config", "contact", "add", "Sam", "call 555 0100").exit_code == 0
    draft = drafts.Draft(
        id=drafts.new_id(WHEN),
        exercise="protector",
        exercise_version=1,
        title="Meeting a protector part",
        created=WHEN,
        updated=WHEN,
        answers=[Answer(step="situation", kind="long_text", prompt="What?", value="paused")],
        pending={"purpose": "half-typed words"},
    )
    drafts.save(draft)


def by_record(home: Path, read: Callable[[Path], bytes] | None = None) -> dict[str, bytes]:
    """Every journal file's plain bytes (``read``: through partsjournal), keyed by what it
    holds: a part or a session by its folder and the id inside (encrypt gives their files
    new names), any other file by its path. Fails when a part or session is there twice."""
    read = read or store.read_file
    found: dict[str, bytes] = {}
    for path in encryption.journal_files(home):
        raw = read(path)
        key = path.relative_to(home).as_posix()
        if path.parent in (home / "parts", home / "sessions"):
            key = f"{path.parent.name}/{idfiles.file_id(tomllib.loads(raw.decode()), path)}"
        assert key not in found, f"{key} twice"
        found[key] = raw
    return found


def journal_bytes(home: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in sorted(home.rglob("*")) if p.is_file()}


def plain_anywhere(home: Path, words: bytes) -> list[Path]:
    """Every file under ``home``, hidden ones included, whose bytes hold ``words``."""
    return [p for p in home.rglob("*") if p.is_file() and words in p.read_bytes()]


def paths_telling(home: Path, words: tuple[str, ...]) -> list[str]:
    """Every path under ``home`` (hidden ones included) whose name contains one of
    ``words`` (part names, session kinds), in lower case."""
    found = []
    for folder, dirs, names in os.walk(home):
        for name in dirs + names:
            rel = os.path.relpath(os.path.join(folder, name), home).lower()
            if any(word in rel for word in words):
                found.append(rel)
    return found


_TEMPLATES: dict[str, Path] = {}


def copy_sealed_journal(
    home: Path,
    cli: Cli,
    answers: Path,
    factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> pyrage.x25519.Identity:
    """An encrypted journal in ``home``: :func:`write_journal` and a second part ("Little
    One"), encrypted to an identity file that ``PARTSJOURNAL_IDENTITY`` names. Made once
    per test process and copied for each test (making it is most of a test's time).
    Returns the identity."""
    import shutil

    if "sealed" not in _TEMPLATES:
        folder = factory.mktemp("sealed-template")
        with monkeypatch.context() as patch:
            patch.setenv("PARTSJOURNAL_HOME", str(folder / "journal"))
            key_file(folder, patch)
            write_journal(cli, answers)
            assert cli("parts", "add", "Little One").exit_code == 0
            assert cli("encrypt").exit_code == 0
        _TEMPLATES["sealed"] = folder
    folder = _TEMPLATES["sealed"]
    shutil.copytree(folder / "journal", home, symlinks=True)
    monkeypatch.setenv(crypt.IDENTITY_ENV, str(folder / "key.txt"))
    text = (folder / "key.txt").read_text(encoding="ascii")
    return pyrage.x25519.Identity.from_str(text.split()[-1])
