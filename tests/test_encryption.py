"""Encryption at rest: keys, the passphrase, reading and writing, and bad input."""

from __future__ import annotations

import stat
import sys
import tomllib
from pathlib import Path

import pyrage
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from partsjournal.core import crypt, drafts, encryption, entry, store
from partsjournal.core import messages as msg
from partsjournal.core.answers import Answer
from partsjournal.core.entry import Entry
from tests.conftest import Cli, entry_files
from tests.crypt_helpers import (
    PASSPHRASE,
    SECRET_WORDS,
    WHEN,
    Secrets,
    by_record,
    journal_bytes,
    key_file,
    quick_protect,
    use_secrets,
    write_journal,
)
from tests.helpers import fake_terminal, stop_after
from tests.journal_fixtures import written_once


@pytest.fixture(scope="session")
def protected() -> tuple[str, bytes]:
    """One identity protected with PASSPHRASE, with a small scrypt work factor so that
    unlocking it takes milliseconds (``crypt.protect`` is tested where a key is made)."""
    identity = pyrage.x25519.Identity.generate()
    return str(identity), quick_protect(identity, PASSPHRASE)


@pytest.fixture
def locked_journal(
    home: Path,
    cli: Cli,
    protector_answers: Path,
    protected: tuple[str, bytes],
    tmp_path_factory: pytest.TempPathFactory,
):
    """A journal encrypted to the protected identity; reading it needs the passphrase (its
    plain entries written once per test process, see :func:`written_once`)."""
    written_once("to-lock", home, tmp_path_factory, lambda _: write_journal(cli, protector_answers))
    secret, blob = protected
    identity = pyrage.x25519.Identity.from_str(secret)
    (home / crypt.IDENTITY_FILE).write_bytes(blob)
    crypt.begin_command(Secrets(("Passphrase", PASSPHRASE)))  # encrypt checks the keys with it
    encryption.encrypt()
    crypt.begin_command(None)
    return identity


def sealed_files(home: Path) -> list[Path]:
    return [p for p in encryption.journal_files(home) if crypt.is_sealed(p.read_bytes())]


# --- encrypt: every file, readable with the identity alone ------------------------------


@pytest.mark.slow
@pytest.mark.real_scrypt  # crypt.protect as it is, with the work factor age chooses
def test_encrypt_asks_twice_prints_a_recovery_key_and_covers_every_file(
    home: Path, cli: Cli, protector_answers: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_journal(cli, protector_answers)
    plain = by_record(home)
    kinds = {key.split("/")[0] for key in plain}
    assert kinds == {"entries", "parts", "sessions", "drafts", "config.toml"}
    asked = use_secrets(monkeypatch, ("Choose", PASSPHRASE), ("again", PASSPHRASE))
    result = cli("encrypt")
    assert result.exit_code == 0, result.stderr
    assert len(asked.asked) == 2
    assert PASSPHRASE not in result.output
    assert "AGE-SECRET-KEY-1" in result.stdout and "recovery key" in result.stdout
    for path in encryption.journal_files(home):
        after = path.read_bytes()
        assert crypt.is_sealed(after), path
        assert SECRET_WORDS.encode() not in after and b"half-typed" not in after
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert all(PASSPHRASE.encode() not in b for b in journal_bytes(home).values())  # never stored
    assert sorted(p.name for p in home.iterdir()) == sorted(
        [
            "config.toml",
            "drafts",
            "entries",
            "identity.age",
            "identity.pub",
            "parts",
            "recipient.txt",
            "sessions",
        ]
    )
    # the recovery key on screen is the identity: age opens every file with it, outside
    # partsjournal (pyrage's own decrypt, no partsjournal code on the path)
    key = next(w for w in result.stdout.split() if w.startswith("AGE-SECRET-KEY-1"))
    identity = pyrage.x25519.Identity.from_str(key)
    assert by_record(home, lambda path: pyrage.decrypt(path.read_bytes(), [identity])) == plain
    # and the key file is that identity under the passphrase, as `age -d identity.age` opens
    # it (scrypt tuned by age itself here: the other tests make key files quickly)
    unlocked = pyrage.passphrase.decrypt((home / "identity.age").read_bytes(), PASSPHRASE)
    assert key in unlocked.decode().split()


def test_reading_asks_for_the_passphrase_once_per_command(
    home: Path, cli: Cli, locked_journal: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = use_secrets(monkeypatch, ("Passphrase", PASSPHRASE))
    result = cli("parts", "show", "The Critic")
    assert result.exit_code == 0, result.stderr
    assert "The Critic" in result.stdout and len(asked.asked) == 1


def test_unlocking_is_said_after_the_passphrase_and_before_the_key_is_derived(
    home: Path, cli: Cli, locked_journal: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Deriving the key from a passphrase takes a second or two: the person sees why (on the
    terminal they typed it in; a script reading stderr gets errors only)."""
    fake_terminal(monkeypatch, stdin_tty=True, stderr_tty=True)
    use_secrets(monkeypatch, ("Passphrase", PASSPHRASE))
    said_before: list[str] = []
    derive = pyrage.passphrase.decrypt

    def watched(raw: bytes, passphrase: str) -> bytes:
        sys.stderr.flush()
        said_before.append(sys.stderr.buffer.getvalue().decode())  # CliRunner's stderr so far
        return bytes(derive(raw, passphrase))

    monkeypatch.setattr(pyrage.passphrase, "decrypt", watched)
    result = cli("entries")
    assert result.exit_code == 0, result.stderr
    assert said_before == [msg.UNLOCKING + "\n"]
    assert result.stderr == msg.UNLOCKING + "\n"


def test_an_identity_file_unlocks_without_a_word(
    home: Path,
    cli: Cli,
    locked_journal: pyrage.x25519.Identity,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    key = tmp_path / "key.txt"
    key.write_text(str(locked_journal) + "\n", encoding="utf-8")
    monkeypatch.setenv(crypt.IDENTITY_ENV, str(key))
    result = cli("entries")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""


def test_saving_never_asks_for_the_passphrase(home: Path, locked_journal: object) -> None:
    # no secret asker at all: any question would fail the test
    new = Entry(
        id=entry.new_id(WHEN),
        created=WHEN,
        exercise="protector",
        exercise_version=1,
        title="t",
        answers=[Answer(step="s", kind="text", prompt="p", value="kept private")],
    )
    path = entry.save_new(new)
    d = drafts.Draft(
        id=drafts.new_id(WHEN), exercise="x", exercise_version=1, title="t",
        created=WHEN, updated=WHEN, pending={"s": "half-typed"},
    )  # fmt: skip
    draft_path = drafts.save(d)
    for p in (path, draft_path):
        assert crypt.is_sealed(p.read_bytes()) and b"kept private" not in p.read_bytes()


# --- hypothesis: any text through an encrypted entry -----------------------------------


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(), prompt=st.text())
@example(text="\x00\x1b[31m 🌱 '''\"\"\" \\n\r\n" + "x" * 5000, prompt="{part}")
def test_any_text_round_trips_through_an_encrypted_entry(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, prompt: str
) -> None:
    if not (home / crypt.RECIPIENT_FILE).exists():
        identity = key_file(tmp_path, monkeypatch)
        store.atomic_write(home / crypt.RECIPIENT_FILE, f"{identity.to_public()}\n".encode())
    new = Entry(
        id=entry.new_id(WHEN),
        created=WHEN,
        exercise="protector",
        exercise_version=1,
        title="t",
        answers=[Answer(step="s", kind="long_text", prompt=prompt, value=text)],
    )
    path = entry.save_new(new)
    assert crypt.is_sealed(path.read_bytes())
    back = entry.load(path)
    assert back.answers[0].value == text and back.answers[0].prompt == prompt


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(typed=st.text(), answer=st.text())
def test_half_typed_answers_round_trip_through_an_encrypted_draft(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, typed: str, answer: str
) -> None:
    if not (home / crypt.RECIPIENT_FILE).exists():
        identity = key_file(tmp_path, monkeypatch)
        store.atomic_write(home / crypt.RECIPIENT_FILE, f"{identity.to_public()}\n".encode())
    d = drafts.Draft(
        id=drafts.new_id(WHEN), exercise="protector", exercise_version=1, title="t",
        created=WHEN, updated=WHEN, pending={"purpose": typed},
        answers=[Answer(step="s", kind="long_text", prompt="p", value=answer)],
    )  # fmt: skip
    path = drafts.save(d)
    assert crypt.is_sealed(path.read_bytes())
    back = drafts.load(path)
    assert back.pending == {"purpose": typed} and back.answers[0].value == answer


# --- a mixed journal -------------------------------------------------------------------


def test_a_mixed_journal_reads_every_file(
    home: Path, cli: Cli, protector_answers: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_journal(cli, protector_answers)
    assert cli("exercise", "protector", "--answers", str(protector_answers)).exit_code == 0
    plain_listing = cli("entries").stdout
    key_file(tmp_path, monkeypatch)
    with pytest.raises(KeyboardInterrupt):
        encryption.encrypt(after_file=stop_after(3))  # some files plain, some encrypted
    mixed = [crypt.is_sealed(p.read_bytes()) for p in encryption.journal_files(home)]
    assert any(mixed) and not all(mixed)
    assert cli("entries").stdout == plain_listing
    assert "The Critic" in cli("parts").stdout
    assert cli("session", "list").exit_code == 0
    assert "Sam" in cli("config").stdout
    assert "protector" in cli("drafts").stdout


# --- bad input -------------------------------------------------------------------------


def test_a_wrong_passphrase_is_one_sentence_exit_1_and_changes_nothing(
    home: Path, cli: Cli, locked_journal: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = journal_bytes(home)
    for command in (["decrypt"],):  # the command that would change every file
        use_secrets(monkeypatch, ("Passphrase", "not the passphrase"))
        result = cli(*command)
        assert result.exit_code == 1, command
        assert result.stderr.strip().count("\n") == 0
        assert "passphrase does not unlock this journal; nothing was changed" in result.stderr
        assert "passphrase --recover" in result.stderr
        assert journal_bytes(home) == before


def test_without_a_terminal_reading_says_how_instead_of_asking(
    home: Path, cli: Cli, locked_journal: object
) -> None:
    result = cli("review")
    assert result.exit_code == 1
    assert "no terminal to ask for it" in result.stderr
    assert "PARTSJOURNAL_IDENTITY" in result.stderr


def test_encrypt_without_a_terminal_says_so_and_changes_nothing(
    home: Path, cli: Cli, protector_answers: Path
) -> None:
    write_journal(cli, protector_answers)
    before = journal_bytes(home)
    result = cli("encrypt")
    assert result.exit_code == 1 and "no terminal to ask for it" in result.stderr
    assert journal_bytes(home) == before


def test_a_missing_key_file_says_what_is_missing_and_how_to_recover(
    home: Path, cli: Cli, locked_journal: object
) -> None:
    (home / "identity.age").unlink()
    result = cli("entries")
    assert result.exit_code == 1
    assert str(home / "identity.age") in result.stderr and "is missing" in result.stderr
    assert "passphrase --recover" in result.stderr and "recovery key" in result.stderr


@pytest.mark.parametrize("damage", [b"", b"not an age file", b"age-encryption.org/v1\n-> X"])
def test_a_damaged_key_file_says_so_and_how_to_recover(
    home: Path, cli: Cli, locked_journal: object, damage: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_secrets(monkeypatch, ("Passphrase", PASSPHRASE))
    (home / "identity.age").write_bytes(damage)
    result = cli("entries")
    assert result.exit_code == 1
    assert "is damaged" in result.stderr and "passphrase --recover" in result.stderr


def test_identity_env_pointing_nowhere_names_the_variable(
    home: Path, cli: Cli, locked_journal: object, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(crypt.IDENTITY_ENV, str(tmp_path / "nowhere.txt"))
    result = cli("entries")
    assert result.exit_code == 1 and "PARTSJOURNAL_IDENTITY points at" in result.stderr


def test_a_file_encrypted_to_another_key_is_named_as_unreadable(
    home: Path, cli: Cli, locked_journal: object, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    key_file(tmp_path, monkeypatch)  # a different identity
    result = cli("show", entry_files(home)[0].stem)
    assert result.exit_code == 1 and "not to this journal's key" in result.stderr


# --- passphrase: change and recover ----------------------------------------------------


def test_passphrase_changes_without_touching_entries_and_age_opens_them_with_it(
    home: Path, cli: Cli, locked_journal: pyrage.x25519.Identity, monkeypatch: pytest.MonkeyPatch
) -> None:
    entries_before = {p: p.read_bytes() for p in entry_files(home)}
    old_key_file = (home / "identity.age").read_bytes()
    use_secrets(
        monkeypatch, ("Passphrase", PASSPHRASE), ("Choose", "new words"), ("again", "new words")
    )
    result = cli("passphrase")
    assert result.exit_code == 0, result.stderr
    assert {p: p.read_bytes() for p in entry_files(home)} == entries_before
    new_key_file = (home / "identity.age").read_bytes()
    assert new_key_file != old_key_file
    # what `age -d -i identity.age FILE` does, with pyrage alone: unlock the key file with
    # the (new) passphrase, then open an entry with the identity inside it
    unlocked = pyrage.passphrase.decrypt(new_key_file, "new words").decode()
    line = next(ln for ln in unlocked.splitlines() if ln.startswith("AGE-SECRET-KEY-1"))
    identity = pyrage.x25519.Identity.from_str(line)
    data = tomllib.loads(pyrage.decrypt(entry_files(home)[0].read_bytes(), [identity]).decode())
    assert SECRET_WORDS in [a["value"] for a in data["answers"]]


def test_two_different_new_passphrases_change_nothing(
    home: Path,
    cli: Cli,
    locked_journal: pyrage.x25519.Identity,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    key_file(tmp_path, monkeypatch, locked_journal)  # no scrypt needed to unlock
    before = journal_bytes(home)
    use_secrets(monkeypatch, ("Choose", "one"), ("again", "two"))
    result = cli("passphrase")
    assert result.exit_code == 1 and "not the same; nothing was changed" in result.stderr
    assert journal_bytes(home) == before


def test_recover_with_the_recovery_key_after_the_key_file_is_lost(
    home: Path, cli: Cli, locked_journal: pyrage.x25519.Identity, monkeypatch: pytest.MonkeyPatch
) -> None:
    (home / "identity.age").unlink()
    use_secrets(
        monkeypatch,
        ("Recovery key", str(locked_journal).lower()),  # typed in lower case: still accepted
        ("Choose", "fresh start"),
        ("again", "fresh start"),
    )
    result = cli("passphrase", "--recover")
    assert result.exit_code == 0, result.stderr
    use_secrets(monkeypatch, ("Passphrase", "fresh start"))
    assert "The Critic" in cli("parts").stdout


def test_recover_refuses_a_key_of_another_journal(
    home: Path, cli: Cli, locked_journal: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = str(pyrage.x25519.Identity.generate())
    use_secrets(monkeypatch, ("Recovery key", other))
    result = cli("passphrase", "--recover")
    assert result.exit_code == 1 and "does not belong to this journal" in result.stderr
    use_secrets(monkeypatch, ("Recovery key", "hello"))
    result = cli("passphrase", "--recover")
    assert result.exit_code == 1 and "not a recovery key" in result.stderr


# --- plain text only where asked -------------------------------------------------------


def test_export_and_review_output_are_plain_0600_and_say_so(
    home: Path, cli: Cli, protector_answers: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_journal(cli, protector_answers)
    key_file(tmp_path, monkeypatch)
    assert cli("encrypt").exit_code == 0
    for command in (["export"], ["review", "--format", "markdown"]):
        out = tmp_path / f"{command[0]}.md"
        result = cli(*command, "--since", "2026-01-01", "--output", str(out))
        assert result.exit_code == 0, result.stderr
        assert "as plain text" in result.stderr and "not encrypted" in result.stderr
        assert not crypt.is_sealed(out.read_bytes())
        assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_editing_an_encrypted_entry_keeps_it_encrypted(
    home: Path, cli: Cli, protector_answers: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_journal(cli, protector_answers)
    key_file(tmp_path, monkeypatch)
    assert cli("encrypt").exit_code == 0
    editor = tmp_path / "ed.sh"
    editor.write_text("#!/bin/sh\nsed -i 's/Monday/Tuesday/' \"$1\"\n")
    editor.chmod(0o700)
    monkeypatch.setenv("EDITOR", str(editor))
    path = entry_files(home)[0]
    assert cli("edit", path.stem).exit_code == 0
    raw = path.read_bytes()
    assert crypt.is_sealed(raw) and b"Tuesday" not in raw
    assert "Tuesday" in cli("show", path.stem).stdout
    assert [p.name for p in path.parent.iterdir() if p.name.startswith(".")] == []


def test_decrypt_makes_the_journal_plain_and_removes_the_keys(
    home: Path, cli: Cli, protector_answers: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_journal(cli, protector_answers)
    plain = by_record(home, Path.read_bytes)
    key_file(tmp_path, monkeypatch)
    assert cli("encrypt").exit_code == 0
    result = cli("decrypt")
    assert result.exit_code == 0, result.stderr
    assert by_record(home, Path.read_bytes) == plain  # the files keep their random names
    assert not (home / "recipient.txt").exists() and not (home / "identity.age").exists()
    again = cli("decrypt")
    assert again.exit_code == 0 and "nothing to decrypt" in again.stdout


# --- the derived index --------------------------------------------------------------------


def test_an_encrypted_journal_never_has_a_plaintext_index(
    home: Path, cli: Cli, protector_answers: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from partsjournal.core import index_file

    write_journal(cli, protector_answers)
    listing = cli("entries", "--all", "--grep", "Monday").stdout
    index = index_file.index_path()
    assert index.read_bytes().startswith(b"SQLite format")  # the plain journal's index
    key_file(tmp_path, monkeypatch)
    assert cli("encrypt").exit_code == 0
    assert not index.exists()  # the plaintext copy went before any file was converted
    assert cli("entries", "--all", "--grep", "Monday").stdout == listing
    assert cli("exercise", "protector", "--answers", str(protector_answers)).exit_code == 0
    assert "2 entries" in cli("entries", "--all", "--grep", "Monday").stdout
    for table in index_file.BULK:  # the bulky tables, kept in files of their own
        assert index_file.bulk_path(table).is_file()
    for path in (index, *(index_file.bulk_path(t) for t in index_file.BULK)):
        raw = path.read_bytes()
        assert crypt.is_sealed(raw) and SECRET_WORDS.encode() not in raw
        assert b"SQLite format" not in raw
    # a plain index put back (say from an old backup) is deleted unread
    index.write_bytes(b"SQLite format 3\x00 " + SECRET_WORDS.encode())
    assert "2 entries" in cli("entries", "--all", "--grep", "Monday").stdout
    assert crypt.is_sealed(index.read_bytes())
    # back to plain: the encrypted index is not kept either
    assert cli("decrypt").exit_code == 0
    assert "2 entries" in cli("entries", "--all", "--grep", "Monday").stdout
    assert index.read_bytes().startswith(b"SQLite format")
