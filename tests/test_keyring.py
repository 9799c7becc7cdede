"""Opt-in: the unlocked key kept in the system keyring, so the passphrase is not asked."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backend
import keyring.errors
import pytest

from partsjournal.core import crypt, keychain
from tests.conftest import Cli
from tests.crypt_helpers import key_file, write_journal


class MemoryKeyring(keyring.backend.KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.kept.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.kept[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.kept.pop((service, username), None)


class NoKeyring(MemoryKeyring):
    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.NoKeyringError("no backend")


@pytest.fixture
def memory() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    crypt.begin_command(None)
    yield backend
    keyring.set_keyring(before)
    crypt.begin_command(None)


@pytest.fixture
def encrypted(
    home: Path, cli: Cli, protector_answers: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An encrypted journal whose key file is named by PARTSJOURNAL_IDENTITY (for now)."""
    write_journal(cli, protector_answers)
    key_file(tmp_path, monkeypatch)
    assert cli("encrypt").exit_code == 0


def test_remember_keeps_the_key_and_says_what_that_trades(
    home: Path, cli: Cli, encrypted: None, memory: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = cli("passphrase", "--remember")
    assert result.exit_code == 0, result.stderr
    assert "anyone or any program using your account" in " ".join(result.stdout.split())
    assert (home / keychain.MARKER).exists() and len(memory.kept) == 1
    monkeypatch.delenv(crypt.IDENTITY_ENV)
    # no terminal and no identity file: only the keyring can open the journal now
    assert "The Critic" in cli("parts").stdout
    assert cli("passphrase", "--forget").exit_code == 0
    assert memory.kept == {} and not (home / keychain.MARKER).exists()
    result = cli("parts")
    assert result.exit_code == 1 and "identity.age is missing" in result.stderr


def test_without_a_keyring_remember_says_so_and_keeps_nothing(
    home: Path, cli: Cli, encrypted: None
) -> None:
    before = keyring.get_keyring()
    keyring.set_keyring(NoKeyring())
    try:
        result = cli("passphrase", "--remember")
    finally:
        keyring.set_keyring(before)
    assert result.exit_code == 1 and "No system keyring is available" in result.stderr
    assert not (home / keychain.MARKER).exists()


def test_a_key_of_another_journal_in_the_keyring_is_not_used(
    home: Path, cli: Cli, encrypted: None, memory: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli("passphrase", "--remember").exit_code == 0
    import pyrage

    memory.kept = {k: str(pyrage.x25519.Identity.generate()) for k in memory.kept}
    monkeypatch.delenv(crypt.IDENTITY_ENV)
    result = cli("parts")
    assert result.exit_code == 1 and "identity.age is missing" in result.stderr


def test_decrypt_takes_the_key_out_of_the_keyring(
    home: Path, cli: Cli, encrypted: None, memory: MemoryKeyring
) -> None:
    assert cli("passphrase", "--remember").exit_code == 0
    assert cli("decrypt").exit_code == 0
    assert memory.kept == {} and not (home / keychain.MARKER).exists()
