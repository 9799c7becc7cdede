"""The tests' quick key files are real age files that partsjournal unlocks as it would its own."""

from __future__ import annotations

from pathlib import Path

import pyrage
import pytest

from partsjournal.core import crypt
from partsjournal.core.errors import JournalError
from tests.crypt_helpers import PASSPHRASE, quick_protect, use_secrets


def test_a_quick_key_file_opens_with_age_and_only_with_its_passphrase() -> None:
    identity = pyrage.x25519.Identity.generate()
    blob = quick_protect(identity, PASSPHRASE)
    assert blob.startswith(b"age-encryption.org/v1\n-> scrypt ")
    # pyrage's own decrypt, no partsjournal code on the path
    assert pyrage.passphrase.decrypt(blob, PASSPHRASE) == crypt.identity_text(identity)
    with pytest.raises(pyrage.DecryptError):
        pyrage.passphrase.decrypt(blob, "not the passphrase")
    assert quick_protect(identity, PASSPHRASE) != blob  # a new salt and file key each time


def test_partsjournal_unlocks_a_quick_key_file_with_its_passphrase(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    identity = pyrage.x25519.Identity.generate()
    home.mkdir(parents=True)
    (home / crypt.IDENTITY_FILE).write_bytes(quick_protect(identity, PASSPHRASE))
    use_secrets(monkeypatch, ("Passphrase", PASSPHRASE))
    assert str(crypt.unlock()) == str(identity)
    crypt.begin_command(None)
    use_secrets(monkeypatch, ("Passphrase", "not the passphrase"))
    with pytest.raises(JournalError, match="does not unlock"):
        crypt.unlock()
    crypt.begin_command(None)
