"""The passphrase in a real terminal: asked twice at encrypt, never echoed, asked once to read."""

from __future__ import annotations

from pathlib import Path

import pexpect
import pytest

from tests.conftest import Cli, entry_files
from tests.pty_helpers import ENTER, spawn, transcript

PASSPHRASE = "quiet morning tea"

# the program in a terminal derives its key with age's own scrypt work factor, twice
pytestmark = pytest.mark.slow


def test_passphrase_is_asked_twice_never_shown_and_once_per_reading_command(
    home: Path, cli: Cli, protector_answers: Path
) -> None:
    assert cli("exercise", "protector", "--answers", str(protector_answers)).exit_code == 0
    child = spawn(home, "encrypt")
    child.expect_exact("Choose a passphrase for your journal:")
    child.send(PASSPHRASE + ENTER)
    child.expect_exact("Type the same passphrase again:")
    child.send(PASSPHRASE + ENTER)
    child.expect_exact("AGE-SECRET-KEY-1")
    child.expect_exact("Encrypted")
    child.expect(pexpect.EOF)
    child.wait()
    shown = transcript(child)
    assert PASSPHRASE not in shown
    assert entry_files(home)[0].read_bytes().startswith(b"age-encryption.org/v1\n")

    child = spawn(home, "entries")
    child.expect_exact("Passphrase for your journal:")
    child.send(PASSPHRASE + ENTER)
    child.expect_exact("1 entry")
    child.expect(pexpect.EOF)
    child.wait()
    shown = transcript(child)
    assert PASSPHRASE not in shown and shown.count("Passphrase for your journal") == 1
