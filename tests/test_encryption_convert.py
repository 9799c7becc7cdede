"""encrypt and decrypt convert file by file: a stop at any file leaves every file whole,
plain or encrypted, and running the command again finishes the job."""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyrage
import pytest

from partsjournal.core import crypt, encryption
from tests.conftest import Cli
from tests.crypt_helpers import by_record, key_file, paths_telling, use_secrets, write_journal
from tests.helpers import stop_after
from tests.journal_fixtures import written_once

# the test journal: an entry, two parts, two sessions, a draft and the settings
FILES = 7
# giving names that tell nothing: the-critic renamed; the-planner (made by hand, no id
# inside) given its id, then renamed; 2016-12-16-ketamine renamed
NAMING_STEPS = 4
# words in names that must not show on disk once encrypted (none of them is hex)
TOLD = ("critic", "planner", "busy", "ketamine")


def hand_made(home: Path) -> None:
    """A part file without an id (made by hand) and a session named as older versions did."""
    (home / "parts" / "the-planner.toml").write_text(
        'name = "The Planner"\naliases = ["Busy Bee"]\n', encoding="utf-8"
    )
    (home / "sessions" / "2016-12-16-ketamine.toml").write_text(
        'id = "2016-12-16-ketamine"\ndate = 2016-12-16\nkind = "ketamine"\n', encoding="utf-8"
    )


@pytest.fixture
def journal(
    home: Path,
    cli: Cli,
    protector_answers: Path,
    tmp_path: Path,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> dict[str, dict[str, Any]]:
    """A small plain journal (written once per test process, see :func:`written_once`) and
    an identity file of the test's own; returns what every journal file holds."""

    def write(folder: Path) -> None:
        write_journal(cli, protector_answers)
        hand_made(folder)

    written_once("to-convert", home, tmp_path_factory, write)
    key_file(tmp_path, monkeypatch)
    plain = records(home)
    assert len(plain) == FILES
    return plain


def records(home: Path) -> dict[str, dict[str, Any]]:
    """What each file holds (:func:`by_record`, read as TOML), a part or session with its id
    filled in as the file name gives it when it has none."""
    found = {}
    for key, raw in by_record(home).items():
        data = tomllib.loads(raw.decode())
        if key.startswith(("parts/", "sessions/")):
            data.setdefault("id", key.split("/", 1)[1])
        found[key] = data
    return found


def reads_back(home: Path, plain: dict[str, dict[str, Any]]) -> None:
    """Every file reads, through partsjournal, as what was written, each part and session
    once; no temporaries."""
    assert records(home) == plain
    for folder, _, names in os.walk(home):
        assert not [n for n in names if n.endswith(".tmp")], folder


def sealed(home: Path) -> int:
    return sum(crypt.is_sealed(p.read_bytes()) for p in encryption.journal_files(home))


def finishes_on_rerun(
    home: Path, cli: Cli, journal: dict[str, dict[str, Any]], command: str = "encrypt"
) -> str:
    """After a stop: the journal reads as it is, running ``command`` again finishes
    the job, and it still reads, with no file named for a part or a kind."""
    reads_back(home, journal)
    result = cli(command)
    assert result.exit_code == 0, result.stderr
    assert sealed(home) == (FILES if command == "encrypt" else 0)
    reads_back(home, journal)
    assert paths_telling(home, TOLD) == []  # after decrypt too: the random names stay, and read
    return result.stdout


@pytest.mark.parametrize("k", range(1, FILES + 1))
def test_encrypt_stopped_after_file_k_reads_and_finishes_on_rerun(
    home: Path, cli: Cli, journal: dict[str, dict[str, Any]], k: int
) -> None:
    with pytest.raises(KeyboardInterrupt):
        encryption.encrypt(after_file=stop_after(k))
    assert sealed(home) == k
    assert f"Encrypted {FILES - k} file" in finishes_on_rerun(home, cli, journal)


@pytest.mark.parametrize("j", range(1, NAMING_STEPS + 1))
def test_encrypt_stopped_between_the_naming_steps_reads_and_finishes_on_rerun(
    home: Path, cli: Cli, journal: dict[str, dict[str, Any]], j: int
) -> None:
    """A stop after the id is written into a file, or after a file is renamed and before
    it is encrypted: each part and session is there once and reads; a rerun finishes."""
    with pytest.raises(KeyboardInterrupt):
        encryption.encrypt(after_naming=stop_after(j))
    assert sealed(home) < FILES  # stopped before the file just named was encrypted
    finishes_on_rerun(home, cli, journal)


@pytest.mark.parametrize("k", range(1, FILES + 1))
def test_decrypt_stopped_after_file_k_reads_and_finishes_on_rerun(
    home: Path, cli: Cli, journal: dict[str, dict[str, Any]], k: int
) -> None:
    assert cli("encrypt").exit_code == 0
    with pytest.raises(KeyboardInterrupt):
        encryption.decrypt(after_file=stop_after(k))
    assert sealed(home) == FILES - k
    # the keys stay until every file is plain: a file saved now is encrypted, never left
    # encrypted with its key gone, and the rerun converts it with the rest
    assert (home / crypt.RECIPIENT_FILE).exists() and crypt.is_encrypted()
    finishes_on_rerun(home, cli, journal, "decrypt")
    assert not crypt.is_encrypted()


# os.replace: recipient.txt, the id written into the-planner, then each file encrypted
REPLACES = 1 + 1 + FILES


@contextlib.contextmanager
def failing(monkeypatch: pytest.MonkeyPatch, name: str, k: int, error: OSError) -> Iterator[None]:
    """The k-th call of ``os.<name>`` (a move of one file onto another) raises ``error``,
    which the block must raise too; ``os.<name>`` is itself again after it."""
    real = getattr(os, name)
    calls = {"n": 0}

    def move(src: str | Path, dst: str | Path) -> None:
        calls["n"] += 1
        if calls["n"] == k:
            raise error
        real(src, dst)

    monkeypatch.setattr(os, name, move)
    try:
        with pytest.raises(OSError):
            yield
    finally:
        monkeypatch.setattr(os, name, real)


@pytest.mark.parametrize("k", range(1, REPLACES + 1))
def test_a_failed_write_at_any_file_leaves_it_whole(
    home: Path,
    cli: Cli,
    journal: dict[str, dict[str, Any]],
    monkeypatch: pytest.MonkeyPatch,
    k: int,
) -> None:
    """The disk fills up during the k-th replace (the first one writes recipient.txt)."""
    with failing(monkeypatch, "replace", k, OSError(errno.ENOSPC, "No space left on device")):
        encryption.encrypt()
    assert sealed(home) <= max(0, k - 2)
    finishes_on_rerun(home, cli, journal)


@pytest.mark.parametrize("k", range(1, 4))
def test_a_failed_rename_leaves_the_file_where_it_was(
    home: Path,
    cli: Cli,
    journal: dict[str, dict[str, Any]],
    monkeypatch: pytest.MonkeyPatch,
    k: int,
) -> None:
    """Renaming the k-th file fails: it is still there, once, under its old name."""
    with failing(monkeypatch, "rename", k, OSError(errno.EIO, "Input/output error")):
        encryption.encrypt()
    finishes_on_rerun(home, cli, journal)


KILL_AFTER = """
import os, signal, sys
from partsjournal.core import encryption
seen = []
def after(path):
    seen.append(path)
    if len(seen) == int(sys.argv[2]):
        os.kill(os.getpid(), signal.SIGKILL)
encryption.encrypt(**{sys.argv[1]: after})
"""


@pytest.mark.parametrize(("seam", "k"), [("after_file", 2), ("after_naming", 2)])
def test_a_killed_conversion_leaves_every_file_readable(
    home: Path, cli: Cli, journal: dict[str, dict[str, Any]], seam: str, k: int
) -> None:
    """SIGKILL right after the second file, or right after the id was written into the
    hand-made part (holding its lock): no clean-up runs at all."""
    proc = subprocess.run(
        [sys.executable, "-c", KILL_AFTER, seam, str(k)], env=os.environ.copy(), check=False
    )
    assert proc.returncode == -9
    assert sealed(home) == 2  # the entry and the-critic
    reads_back(home, journal)
    assert cli("encrypt").exit_code == 0
    assert sealed(home) == FILES
    reads_back(home, journal)
    assert paths_telling(home, TOLD) == []  # the lock file the killed run left is gone too


def test_saving_during_a_stopped_conversion_encrypts_the_new_file(
    cli: Cli, journal: dict[str, dict[str, Any]], protector_answers: Path, home: Path
) -> None:
    with pytest.raises(KeyboardInterrupt):
        encryption.encrypt(after_file=stop_after(1))
    assert cli("exercise", "protector", "--answers", str(protector_answers)).exit_code == 0
    newest = max((home / "entries").rglob("*.toml"))
    assert crypt.is_sealed(newest.read_bytes())


def test_stopped_between_the_key_files_a_rerun_unlocks_and_finishes(
    home: Path, cli: Cli, protector_answers: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """identity.age is written, then the disk fills before recipient.txt: nothing is
    encrypted yet, the recovery key was already shown, and a rerun (with the
    passphrase, not a new key) finishes."""
    write_journal(cli, protector_answers)
    hand_made(home)
    plain = records(home)
    use_secrets(monkeypatch, ("Choose", "pass words"), ("again", "pass words"))
    real, calls = os.replace, {"n": 0}

    def replace(src: str | Path, dst: str | Path) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(src, dst)

    shown: list[str] = []
    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(OSError):
        encryption.encrypt(on_new_key=shown.append)
    monkeypatch.setattr(os, "replace", real)
    assert shown and shown[0].startswith("AGE-SECRET-KEY-1")
    assert (home / crypt.IDENTITY_FILE).exists() and not (home / crypt.RECIPIENT_FILE).exists()
    assert sealed(home) == 0
    reads_back(home, plain)
    use_secrets(monkeypatch, ("Passphrase", "pass words"))
    result = cli("encrypt")
    assert result.exit_code == 0, result.stderr
    assert "AGE-SECRET-KEY" not in result.stdout  # the same key as before, not a new one
    assert sealed(home) == FILES
    identity = pyrage.x25519.Identity.from_str(shown[0])
    opened = by_record(home, lambda path: pyrage.decrypt(path.read_bytes(), [identity]))
    assert len(opened) == FILES


def test_a_plain_journal_never_loads_the_encryption_libraries(home: Path, cli: Cli) -> None:
    assert cli("config", "contact", "add", "Sam", "555").exit_code == 0
    code = (
        "import sys\n"
        "sys.argv = ['partsjournal', 'config']\n"
        "from partsjournal import cli\n"
        "try:\n    cli.main()\nexcept SystemExit:\n    pass\n"
        "print('LOADED', sorted(m for m in ('pyrage', 'keyring') if m in sys.modules))\n"
    )
    env = {**os.environ, "PARTSJOURNAL_HOME": str(home)}
    proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert "Sam" in proc.stdout and "LOADED []" in proc.stdout


def test_a_lock_file_left_under_an_old_name_goes_when_encrypt_finishes(
    home: Path, cli: Cli, journal: dict[str, dict[str, Any]]
) -> None:
    """A command killed while holding the lock of a file renamed meanwhile leaves a lock
    file named for it; encrypt takes it and gives it back, which removes it."""
    with pytest.raises(KeyboardInterrupt):
        encryption.encrypt(after_naming=stop_after(1))  # the-critic has its new name
    assert not (home / "parts" / "the-critic.toml").exists()
    (home / "parts" / ".the-critic.toml.lock").write_bytes(b"")
    assert cli("encrypt").exit_code == 0
    assert paths_telling(home, TOLD) == []
