"""encrypt, decrypt and passphrase changes: one at a time, never missing a file saved
while they run, saying what they wait for, and never reporting what is not true."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from pathlib import Path

import pyrage
import pytest

from partsjournal.core import crypt, drafts, encryption, parts, store
from partsjournal.flow import notes
from tests.conftest import ROOT, Cli, entry_files
from tests.crypt_helpers import (
    PASSPHRASE,
    SECRET_WORDS,
    journal_bytes,
    key_file,
    plain_anywhere,
    quick_protect,
    use_secrets,
    write_journal,
)


def sealed_count(home: Path) -> tuple[int, int]:
    """(encrypted, plain) journal files."""
    files = list(encryption.journal_files(home))
    done = sum(crypt.is_sealed(p.read_bytes()) for p in files)
    return done, len(files) - done


# --- one conversion at a time --------------------------------------------------------


@pytest.mark.parametrize(
    "args", [["encrypt"], ["decrypt"], ["passphrase"], ["passphrase", "--recover"]]
)
def test_a_second_conversion_is_refused_at_once_and_changes_nothing(
    sealed: object, home: Path, cli: Cli, args: list[str]
) -> None:
    before = journal_bytes(home)
    with store.locked(home / "conversion"):  # as another encrypt holds it
        result = cli(*args)
    assert result.exit_code == 1
    assert "Another encrypt, decrypt or passphrase change is running" in result.stderr
    assert journal_bytes(home) == before


RACER = """
import sys, time, pathlib
from tests.crypt_helpers import quick_encrypt
import pyrage
pyrage.passphrase.encrypt = quick_encrypt  # the same age format, made quickly
from partsjournal.core import crypt, encryption
crypt.begin_command(lambda question: sys.argv[1])
go = pathlib.Path(sys.argv[2])
def shown(key):
    print(key, flush=True)
    go.with_suffix('.ready').touch()
    while not go.exists():
        time.sleep(0.02)
encryption.encrypt(on_new_key=shown)
"""


@pytest.mark.slow  # two processes racing
def test_two_encrypts_at_once_make_one_key_that_opens_every_file(
    home: Path, cli: Cli, protector_answers: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two windows: the first has made its key and shown it; the second is refused with
    "another encrypt is running", so the recovery key the first showed opens every file,
    and ``passphrase --recover`` takes it."""
    write_journal(cli, protector_answers)
    go = tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    first = subprocess.Popen(
        [sys.executable, "-c", RACER, "first passphrase", str(go)],
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        for _ in range(500):
            if go.with_suffix(".ready").exists():
                break
            time.sleep(0.02)
        use_secrets(monkeypatch, ("Choose", "second"), ("again", "second"))
        second = cli("encrypt")
        assert second.exit_code == 1 and "Another encrypt" in second.stderr
    finally:
        go.touch()
        out, _ = first.communicate(timeout=60)
    assert first.returncode == 0
    identity = pyrage.x25519.Identity.from_str(out.split()[0])
    files = list(encryption.journal_files(home))
    assert files and all(pyrage.decrypt(p.read_bytes(), [identity]) for p in files)
    use_secrets(
        monkeypatch,
        ("Recovery key", str(identity)),
        ("Choose", "new words"),
        ("again", "new words"),
    )
    recovered = cli("passphrase", "--recover")
    assert recovered.exit_code == 0, recovered.stderr


def test_a_new_key_never_replaces_an_identity_made_meanwhile(
    home: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """identity.age is written only where none is: never a second key over the first."""
    home.mkdir(parents=True)

    def made_meanwhile(question: str) -> str:
        if not (home / crypt.IDENTITY_FILE).exists():
            other = pyrage.x25519.Identity.generate()
            (home / crypt.IDENTITY_FILE).write_bytes(quick_protect(other, "x"))
        return "words"

    crypt.begin_command(made_meanwhile)
    with pytest.raises(FileExistsError):
        encryption.encrypt()
    assert not (home / crypt.RECIPIENT_FILE).exists()


# --- saves while a conversion runs -------------------------------------------------------


def test_a_note_saved_while_encrypt_runs_is_encrypted_too(
    home: Path, cli: Cli, protector_answers: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_journal(cli, protector_answers)
    key_file(tmp_path, monkeypatch)
    saved: list[Path] = []

    def meanwhile(path: Path) -> None:
        if not saved:
            entry = notes.save_note("saved while encrypt ran")
            assert entry.path is not None
            saved.append(entry.path)

    result = encryption.encrypt(after_file=meanwhile)
    assert saved and crypt.is_sealed(saved[0].read_bytes())
    assert sealed_count(home) == (len(result.converted) + 1, 0)
    assert plain_anywhere(home, b"saved while encrypt ran") == []


def test_a_note_saved_while_decrypt_runs_is_decrypted_too(
    sealed: object, home: Path, cli: Cli
) -> None:
    saved: list[Path] = []

    def meanwhile(path: Path) -> None:
        if not saved:
            entry = notes.save_note("saved while decrypt ran")
            assert entry.path is not None and crypt.is_sealed(entry.path.read_bytes())
            saved.append(entry.path)

    encryption.decrypt(after_file=meanwhile)
    assert b"saved while decrypt ran" in saved[0].read_bytes()  # plain now
    assert sealed_count(home)[0] == 0 and not crypt.is_encrypted()


def test_a_note_saved_while_decrypt_waits_for_the_passphrase_is_not_lost(
    sealed: pyrage.x25519.Identity, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """decrypt asks for the passphrase; meanwhile another window saves a note. The note
    is converted with the rest, and the key is removed only after it."""
    (home / crypt.IDENTITY_FILE).write_bytes(quick_protect(sealed, PASSPHRASE))
    monkeypatch.delenv(crypt.IDENTITY_ENV)
    saved: list[Path] = []

    def passphrase_while_a_note_is_saved(question: str) -> str:
        entry = notes.save_note("saved while decrypt asked")  # never asks itself
        assert entry.path is not None
        saved.append(entry.path)
        return PASSPHRASE

    crypt.begin_command(passphrase_while_a_note_is_saved)
    result = encryption.decrypt()
    assert b"saved while decrypt asked" in saved[0].read_bytes()
    assert saved[0] in result.converted and not crypt.is_encrypted()
    assert sealed_count(home)[0] == 0


def test_encrypt_with_an_exercise_open_elsewhere_finishes_and_says_the_truth_after(
    home: Path, cli: Cli, protector_answers: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An exercise holds its draft for as long as it is open: encrypt no longer waits for
    it (it used to hang with no word), encrypts the settings too, and the run after tells
    the truth."""
    write_journal(cli, protector_answers)
    key_file(tmp_path, monkeypatch)
    [draft] = drafts.load_all()
    with drafts.held(draft):
        result = cli("encrypt")
    assert result.exit_code == 0, result.stderr
    assert sealed_count(home)[1] == 0 and crypt.is_sealed((home / "config.toml").read_bytes())
    again = cli("encrypt")
    assert again.exit_code == 0
    assert f"Encrypted 0 files ({sealed_count(home)[0]} already were)" in again.stdout


def test_encrypt_says_what_it_waits_for(
    home: Path, cli: Cli, protector_answers: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A part's file is being changed by another command when encrypt must rename it:
    encrypt says so, waits, and goes on once it is free."""
    write_journal(cli, protector_answers)
    key_file(tmp_path, monkeypatch)
    busy = parts.part_path("the-critic")
    said: list[str] = []
    with contextlib.ExitStack() as other_command:
        other_command.enter_context(store.locked(busy))

        def waiting(message: str) -> None:
            said.append(message)
            other_command.close()  # the other command finishes

        result = encryption.encrypt(on_wait=waiting)
    assert len(said) == 1 and "Waiting for another partsjournal command" in said[0]
    assert str(busy) in said[0] and not busy.exists() and len(result.renamed) == 1
    assert sealed_count(home)[1] == 0


# --- decrypt tells the truth --------------------------------------------------------------


def test_decrypt_with_a_key_that_opens_nothing_refuses_before_changing_anything(
    sealed: object, home: Path, cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key_file(tmp_path, monkeypatch)  # another key
    before = journal_bytes(home)
    result = cli("decrypt")
    assert result.exit_code == 1 and "opens none of the journal's" in result.stderr
    assert "Decrypted" not in result.stdout
    assert journal_bytes(home) == before


def test_decrypt_that_cannot_open_every_file_keeps_the_journal_encrypted(
    sealed: object, home: Path, cli: Cli
) -> None:
    stranger = pyrage.x25519.Identity.generate()
    foreign = home / "entries" / "2026" / "11" / "2026-11-02T100000-abcdef.toml"
    foreign.write_bytes(pyrage.encrypt(b'x = "not ours"\n', [stranger.to_public()]))
    result = cli("decrypt")
    assert result.exit_code == 0
    assert "the journal is plain text again" not in result.stdout
    assert "stays encrypted" in result.stderr and str(foreign) in result.stderr
    assert crypt.is_encrypted() and crypt.is_sealed(foreign.read_bytes())
    assert sealed_count(home)[0] == 1  # only the stranger's file
    before = set(entry_files(home))
    assert cli("note", "still encrypted").exit_code == 0
    [new] = set(entry_files(home)) - before
    assert crypt.is_sealed(new.read_bytes())  # the journal is still encrypted: so is the note


def test_a_recovery_key_that_opens_the_files_sets_the_key_files_right(
    sealed: pyrage.x25519.Identity, home: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both public copies replaced by a stranger's key: the recovery key does not match
    them, but it opens the journal, so it is taken and the copies are written again."""
    stranger = f"{pyrage.x25519.Identity.generate().to_public()}\n".encode()
    for name in (crypt.RECIPIENT_FILE, crypt.PUBLIC_FILE):
        (home / name).write_bytes(stranger)
    monkeypatch.delenv(crypt.IDENTITY_ENV)
    use_secrets(
        monkeypatch, ("Recovery key", str(sealed)), ("Choose", PASSPHRASE), ("again", PASSPHRASE)
    )
    result = cli("passphrase", "--recover")
    assert result.exit_code == 0, result.stderr
    public = f"{sealed.to_public()}\n".encode()
    assert (home / crypt.RECIPIENT_FILE).read_bytes() == public
    assert (home / crypt.PUBLIC_FILE).read_bytes() == public


def test_a_recovery_key_of_another_journal_is_still_refused(
    sealed: object, home: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(crypt.IDENTITY_ENV)
    other = pyrage.x25519.Identity.generate()
    use_secrets(monkeypatch, ("Recovery key", str(other)))
    before = journal_bytes(home)
    result = cli("passphrase", "--recover")
    assert result.exit_code == 1 and "does not belong to this journal" in result.stderr
    assert journal_bytes(home) == before


# --- plain temporaries ------------------------------------------------------------------

KILLED_DECRYPT = """
import os, signal
from partsjournal.core import encryption
real, calls = os.replace, [0]
def replace(src, dst):
    calls[0] += 1
    if calls[0] == 3:  # the third file's plain text is written, not yet moved into place
        os.kill(os.getpid(), signal.SIGKILL)
    real(src, dst)
os.replace = replace
encryption.decrypt()
"""


def test_encrypt_after_a_killed_decrypt_leaves_no_plain_copy(
    sealed: object, home: Path, cli: Cli
) -> None:
    proc = subprocess.run([sys.executable, "-c", KILLED_DECRYPT], env=os.environ.copy())
    assert proc.returncode == -9
    assert [p for p in home.rglob(".*.tmp")]  # the killed write's plain temporary
    result = cli("encrypt")
    assert result.exit_code == 0, result.stderr
    assert "Removed 1 file" in result.stdout
    assert list(home.rglob("*.tmp")) == []
    assert sealed_count(home)[1] == 0
    assert plain_anywhere(home, SECRET_WORDS.encode()) == []
    assert plain_anywhere(home, b"half-typed") == []


def test_encrypt_encrypts_kept_edits_and_removes_editor_leftovers(
    home: Path, cli: Cli, protector_answers: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_journal(cli, protector_answers)
    [entry] = entry_files(home)
    kept = entry.with_name(f".{entry.stem}.1a2b3c4d.edit.toml")
    kept.write_text(f"# {SECRET_WORDS}, as I fixed it\n", encoding="utf-8")
    leftovers = [
        entry.with_name(f".{entry.stem}.9f8e7d6c.edit.toml.swp"),
        entry.with_name(f".{entry.stem}.9f8e7d6c.edit.toml~"),
        home / "parts" / ".the-critic.toml.5e6f7a8b.tmp",
    ]
    for path in leftovers:
        path.write_text(SECRET_WORDS, encoding="utf-8")
    key_file(tmp_path, monkeypatch)
    result = cli("encrypt")
    assert result.exit_code == 0, result.stderr
    assert crypt.is_sealed(kept.read_bytes()) and str(kept) in result.stdout
    assert b"as I fixed it" in crypt.open_sealed(kept.read_bytes())  # kept, never lost
    assert not any(p.exists() for p in leftovers)
    assert plain_anywhere(home, SECRET_WORDS.encode()) == []


def test_an_index_left_by_sqlite_beside_the_index_goes_with_it(
    home: Path, cli: Cli, protector_answers: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_journal(cli, protector_answers)
    assert cli("entries").exit_code == 0
    left = home / ".index.sqlite-journal"
    left.write_bytes(SECRET_WORDS.encode())
    key_file(tmp_path, monkeypatch)
    assert cli("encrypt").exit_code == 0
    assert not left.exists()
