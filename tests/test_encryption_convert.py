"""encrypt and decrypt convert file by file: a stop at any file leaves every file whole,
plain or encrypted, and running the command again finishes the job."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pyrage
import pytest

from partsjournal.core import crypt, encryption, store
from tests.conftest import Cli
from tests.crypt_helpers import key_file, use_secrets, write_journal

FILES = 5  # the test journal: an entry, a part, a session, a draft and the settings


@pytest.fixture(autouse=True)
def fresh_unlock() -> Iterator[None]:
    crypt.begin_command(None)
    yield
    crypt.begin_command(None)


@pytest.fixture
def journal(
    home: Path, cli: Cli, protector_answers: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> dict[Path, bytes]:
    """A small journal and an identity file; returns every journal file's plain bytes."""
    write_journal(cli, protector_answers)
    key_file(tmp_path, monkeypatch)
    plain = {p: p.read_bytes() for p in encryption.journal_files(home)}
    assert len(plain) == FILES
    return plain


def stop_after(k: int) -> Callable[[Path], None]:
    """The conversion seam: stop (as Ctrl-C would) right after the k-th file."""
    done: list[Path] = []

    def after(path: Path) -> None:
        done.append(path)
        if len(done) == k:
            raise KeyboardInterrupt

    return after


def reads_back(plain: dict[Path, bytes]) -> None:
    """Every file reads, through partsjournal, as exactly what was written; no temporaries."""
    for path, text in plain.items():
        assert store.read_file(path) == text, path
        assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


def sealed(plain: dict[Path, bytes]) -> int:
    return sum(crypt.is_sealed(p.read_bytes()) for p in plain)


@pytest.mark.parametrize("k", range(1, FILES + 1))
def test_encrypt_stopped_after_file_k_reads_and_finishes_on_rerun(
    cli: Cli, journal: dict[Path, bytes], k: int
) -> None:
    with pytest.raises(KeyboardInterrupt):
        encryption.encrypt(after_file=stop_after(k))
    assert sealed(journal) == k
    reads_back(journal)
    result = cli("encrypt")
    assert result.exit_code == 0, result.stderr
    assert f"Encrypted {FILES - k} file" in result.stdout
    assert sealed(journal) == FILES
    reads_back(journal)


@pytest.mark.parametrize("k", range(1, FILES + 1))
def test_decrypt_stopped_after_file_k_reads_and_finishes_on_rerun(
    home: Path, cli: Cli, journal: dict[Path, bytes], k: int
) -> None:
    assert cli("encrypt").exit_code == 0
    with pytest.raises(KeyboardInterrupt):
        encryption.decrypt(after_file=stop_after(k))
    assert sealed(journal) == FILES - k
    assert not (home / crypt.RECIPIENT_FILE).exists()  # new files are plain already
    reads_back(journal)
    result = cli("decrypt")
    assert result.exit_code == 0, result.stderr
    assert sealed(journal) == 0
    reads_back(journal)


@pytest.mark.parametrize("k", range(1, FILES + 2))
def test_a_failed_write_at_any_file_leaves_it_whole(
    cli: Cli, journal: dict[Path, bytes], monkeypatch: pytest.MonkeyPatch, k: int
) -> None:
    """The disk fills up during the k-th replace (the first one writes recipient.txt)."""
    real = os.replace
    calls = {"n": 0}

    def replace(src: str | Path, dst: str | Path) -> None:
        calls["n"] += 1
        if calls["n"] == k:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(OSError):
        encryption.encrypt()
    monkeypatch.setattr(os, "replace", real)
    assert sealed(journal) == max(0, k - 2)
    reads_back(journal)
    assert cli("encrypt").exit_code == 0
    assert sealed(journal) == FILES
    reads_back(journal)


def test_a_killed_conversion_leaves_every_file_readable(
    home: Path, cli: Cli, journal: dict[Path, bytes]
) -> None:
    """SIGKILL right after the second file: no clean-up runs at all."""
    code = textwrap.dedent(
        """
        import os, signal
        from partsjournal.core import encryption
        seen = []
        def after(path):
            seen.append(path)
            if len(seen) == 2:
                os.kill(os.getpid(), signal.SIGKILL)
        encryption.encrypt(after_file=after)
        """
    )
    proc = subprocess.run([sys.executable, "-c", code], env=os.environ.copy(), check=False)
    assert proc.returncode == -9
    assert sealed(journal) == 2
    reads_back(journal)
    assert cli("encrypt").exit_code == 0
    assert sealed(journal) == FILES


def test_saving_during_a_stopped_conversion_encrypts_the_new_file(
    cli: Cli, journal: dict[Path, bytes], protector_answers: Path, home: Path
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
    plain = {p: p.read_bytes() for p in encryption.journal_files(home)}
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
    assert sealed(plain) == 0
    reads_back(plain)
    use_secrets(monkeypatch, ("Passphrase", "pass words"))
    result = cli("encrypt")
    assert result.exit_code == 0, result.stderr
    assert "AGE-SECRET-KEY" not in result.stdout  # the same key as before, not a new one
    assert sealed(plain) == FILES
    identity = pyrage.x25519.Identity.from_str(shown[0])
    assert all(pyrage.decrypt(p.read_bytes(), [identity]) == b for p, b in plain.items())


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
