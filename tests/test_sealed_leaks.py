"""No plain copy of an encrypted journal's words where they do not belong: edit copies
outside the journal and gone on every way out, no core file while a key is in memory,
notes that never pass through the command line, and saving that never asks."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyrage
import pytest

from partsjournal.core import crypt, entry, paths
from partsjournal.flow import editing
from partsjournal.render import ui
from tests.conftest import ROOT, Cli, entry_files
from tests.crypt_helpers import (
    PASSPHRASE,
    Secrets,
    key_file,
    plain_anywhere,
    quick_protect,
    use_secrets,
)


@pytest.fixture
def private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The folder edit copies go in ($XDG_RUNTIME_DIR), watched by the tests."""
    folder = tmp_path / "runtime"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    return folder


def editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str) -> Path:
    """$EDITOR: a small program that writes where it was given its file to ``seen``, then
    runs ``body`` (``p`` is the file)."""
    seen = tmp_path / "seen"
    script = tmp_path / "editor.py"
    script.write_text(
        "import os, sys, time, pathlib\np = pathlib.Path(sys.argv[1])\n"
        f"pathlib.Path({str(seen)!r} + '.new').write_text(f'{{os.getpid()}} {{p}}')\n"
        f"os.replace({str(seen)!r} + '.new', {str(seen)!r})\n{body}\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} -IS {script}")  # no site packages: quicker
    return seen


# --- edit copies ----------------------------------------------------------------------

ADD_NOTE = "p.write_text(p.read_text() + '# a private thought\\n')"
BREAK_IT = "p.write_text('a private thought, and not TOML')"


def test_the_edit_copy_is_in_a_private_folder_outside_the_journal_and_then_gone(
    sealed: object, home: Path, cli: Cli, tmp_path: Path, private: Path, monkeypatch
) -> None:
    seen = editor(tmp_path, monkeypatch, ADD_NOTE)
    result = cli("edit", "--raw", "last")
    assert result.exit_code == 0, result.stderr
    copy = Path(seen.read_text().split(" ", 1)[1])
    assert copy.parent.parent == private and not copy.is_relative_to(home)
    assert list(private.iterdir()) == []  # the folder went with the copy
    assert plain_anywhere(home, b"a private thought") == []
    edited = [
        p for p in entry_files(home) if b"a private thought" in crypt.open_sealed(p.read_bytes())
    ]
    assert len(edited) == 1


def test_a_refused_edit_is_kept_encrypted_beside_the_entry(
    sealed: object, home: Path, cli: Cli, tmp_path: Path, private: Path, monkeypatch
) -> None:
    editor(tmp_path, monkeypatch, BREAK_IT)
    result = cli("edit", "--raw", "last")
    assert result.exit_code == 1 and "kept, encrypted like the journal" in result.stderr
    [kept] = home.rglob(".*.edit.toml")
    assert crypt.open_sealed(kept.read_bytes()) == b"a private thought, and not TOML"
    assert plain_anywhere(home, b"a private thought") == []
    assert list(private.iterdir()) == []


def test_in_a_plain_journal_a_refused_edit_is_kept_as_typed(
    home: Path, cli: Cli, tmp_path: Path, private: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli("note", "a plain note").exit_code == 0
    editor(tmp_path, monkeypatch, BREAK_IT)
    result = cli("edit", "--raw", "last")
    [kept] = home.rglob(".*.edit.toml")
    assert f"kept in {kept}" in result.stderr
    assert kept.read_bytes() == b"a private thought, and not TOML"


EDIT_AND_WAIT = (
    f"{ADD_NOTE}\n"
    "pathlib.Path(str(p) + '.swp').write_text('what an editor keeps')\n"
    "pathlib.Path(sys.argv[1] + '.ready').touch()\n"
    "time.sleep(60)"
)


def start_edit(home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple:
    """``partsjournal edit last`` in a process of its own, its editor saved a change and a
    swap file and waits; returns (the process, the editor's pid, the copy)."""
    seen = editor(tmp_path, monkeypatch, EDIT_AND_WAIT)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "partsjournal", "edit", "--raw", "last"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    for _ in range(500):
        if seen.exists() and Path(seen.read_text().split(" ", 1)[1] + ".ready").exists():
            break
        time.sleep(0.02)
    pid, copy = seen.read_text().split(" ", 1)
    return proc, int(pid), Path(copy)


@pytest.mark.slow  # a real edit in a process of its own, stopped by a real signal
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP])
def test_an_edit_stopped_by_a_signal_leaves_no_plain_copy_and_keeps_the_words(
    sealed: object,
    home: Path,
    tmp_path: Path,
    private: Path,
    monkeypatch: pytest.MonkeyPatch,
    sig: signal.Signals,
) -> None:
    proc, editor_pid, copy = start_edit(home, tmp_path, monkeypatch)
    assert copy.is_relative_to(private) and copy.with_name(copy.name + ".swp").exists()
    proc.send_signal(sig)
    proc.wait(timeout=30)
    assert proc.returncode == 128 + sig
    with pytest.raises(ProcessLookupError):  # the editor went with it
        os.kill(editor_pid, 0)
    assert list(private.iterdir()) == []  # the copy and the swap file are gone
    [kept] = home.rglob(".*.edit.toml")  # saved in the editor: kept, encrypted
    assert b"a private thought" in crypt.open_sealed(kept.read_bytes())
    assert plain_anywhere(home, b"a private thought") == []


@pytest.mark.slow  # a real edit in a process of its own, killed
def test_an_edit_killed_outright_is_cleaned_up_by_the_next_edit(
    sealed: object,
    home: Path,
    cli: Cli,
    tmp_path: Path,
    private: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    proc, editor_pid, copy = start_edit(home, tmp_path, monkeypatch)
    proc.kill()
    proc.wait(timeout=30)
    os.kill(editor_pid, signal.SIGKILL)
    assert copy.exists()  # nothing could run: SIGKILL
    editor(tmp_path, monkeypatch, "")  # the next edit changes nothing
    result = cli("edit", "--raw", "last")
    assert result.exit_code == 0
    assert "is not lost" in result.stderr
    assert list(private.iterdir()) == []
    [kept] = home.rglob(".*.edit.toml")
    assert b"a private thought" in crypt.open_sealed(kept.read_bytes())
    assert plain_anywhere(home, b"a private thought") == []


@pytest.mark.slow  # a real edit in a process of its own, killed
def test_encrypt_cleans_up_after_an_edit_killed_in_a_plain_journal(
    home: Path, cli: Cli, tmp_path: Path, private: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli("note", "a plain note").exit_code == 0
    proc, editor_pid, _ = start_edit(home, tmp_path, monkeypatch)
    proc.kill()
    proc.wait(timeout=30)
    os.kill(editor_pid, signal.SIGKILL)

    key_file(tmp_path, monkeypatch)
    assert cli("encrypt").exit_code == 0
    assert list(private.iterdir()) == []
    [kept] = home.rglob(".*.edit.toml")
    assert crypt.is_sealed(kept.read_bytes())
    assert plain_anywhere(home, b"a private thought") == []


def test_another_journals_stale_edit_is_left_for_that_journal(
    home: Path, tmp_path: Path, private: Path
) -> None:
    stale = private / "partsjournal-edit-999999999-abcd"
    stale.mkdir()
    (stale / ".source").write_text(str(tmp_path / "elsewhere" / "x.toml"))
    (stale / "x.toml").write_text("changed")
    home.mkdir()
    editing.remove_stale_edit_folders()
    assert stale.exists()


# --- core files -------------------------------------------------------------------------

CORE_LIMIT = """
import resource
from partsjournal.core import crypt
before = resource.getrlimit(resource.RLIMIT_CORE)[0]
try:
    crypt.{call}
except Exception:  # no terminal to ask: the limit is set before the question
    pass
print(before, resource.getrlimit(resource.RLIMIT_CORE)[0])
"""


@pytest.mark.parametrize(
    "call", ["identities()", "new_identity()", "ask_secret('Passphrase')", "remember(None)"]
)
def test_no_core_file_once_a_key_or_passphrase_is_in_memory(
    sealed: object, home: Path, call: str
) -> None:
    """SIGQUIT or a crash while unlocked would write the secret key into a core file: the
    core size limit is 0 from the moment a key or a passphrase can be in memory."""
    import resource

    code = CORE_LIMIT.format(call=call)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}

    def raise_limit() -> None:
        resource.setrlimit(resource.RLIMIT_CORE, (resource.RLIM_INFINITY,) * 2)

    proc = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True,
        preexec_fn=raise_limit,
    )  # fmt: skip
    assert proc.stdout.split() == [str(resource.RLIM_INFINITY), "0"], proc.stderr


# --- notes that never pass through the command line --------------------------------------


def saved_words(home: Path) -> list[str]:
    return [a.text for p in entry_files(home) for a in entry.load(p).answers if a.step == "note"]


@pytest.mark.parametrize("args", [["note", "-"], ["note"]])
def test_a_note_from_standard_input_is_saved_exactly(home: Path, cli: Cli, args: list[str]) -> None:
    result = cli(*args, input="Zoë felt it in the chest — again\n")
    assert result.exit_code == 0, result.stderr
    assert saved_words(home) == ["Zoë felt it in the chest — again"]


def test_a_note_with_no_words_in_a_terminal_opens_the_editor(
    home: Path, cli: Cli, tmp_path: Path, private: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = editor(tmp_path, monkeypatch, "p.write_text('typed where no one sees it\\n')")
    monkeypatch.setattr(ui, "can_prompt", lambda: True)
    result = cli("note")
    assert result.exit_code == 0, result.stderr
    assert saved_words(home) == ["typed where no one sees it"]
    assert Path(seen.read_text().split(" ", 1)[1]).is_relative_to(private)
    assert list(private.iterdir()) == []


def test_an_empty_note_from_standard_input_is_refused_with_the_ways_to_give_one(
    home: Path, cli: Cli
) -> None:
    result = cli("note", "-", input="  \n")
    assert result.exit_code == 2 and "standard input" in result.stderr
    assert entry_files(home) == []


def test_a_note_that_is_not_utf8_is_refused(home: Path, cli: Cli) -> None:
    result = cli("note", "-", input=b"\xff\xfe words")  # type: ignore[arg-type]
    assert result.exit_code == 2 and "not UTF-8" in result.stderr


# --- saving never asks for the passphrase ------------------------------------------------


@pytest.fixture
def locked(sealed: pyrage.x25519.Identity, home: Path, monkeypatch: pytest.MonkeyPatch):
    """The journal's key under PASSPHRASE in identity.age, and no identity file at hand."""
    (home / crypt.IDENTITY_FILE).write_bytes(quick_protect(sealed, PASSPHRASE))
    monkeypatch.delenv(crypt.IDENTITY_ENV)
    return sealed


@pytest.mark.parametrize(
    "args",
    [
        ["note", "a moment, near a session"],
        ["note", "a moment with a part", "--part", "The Critic"],
        ["note", "a new part", "--part", "Someone New"],
    ],
)
def test_a_note_never_asks_for_the_passphrase_and_its_part_is_linked_later(
    locked: pyrage.x25519.Identity,
    home: Path,
    cli: Cli,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
) -> None:
    crypt.begin_command(Secrets())  # any question fails
    use_secrets(monkeypatch)  # in the command too: no terminal and no questions
    before = set(entry_files(home))
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    [new] = set(entry_files(home)) - before
    assert crypt.is_sealed(new.read_bytes())
    waiting = "--part" in args
    assert (home / "waiting" / new.stem).exists() is waiting
    # the next command that has the key links the part, as if the note had read it
    use_secrets(monkeypatch, ("Passphrase", PASSPHRASE))
    assert cli("parts").exit_code == 0
    assert not (home / "waiting" / new.stem).exists()
    crypt.begin_command(Secrets(("Passphrase", PASSPHRASE)))
    linked = entry.load(new)
    named = [p.name for p in linked.parts]
    assert named == ([args[-1]] if waiting else [])
    if waiting:
        [answer] = [a for a in linked.answers if a.step == "part"]
        assert answer.part == linked.parts[0].id
        use_secrets(monkeypatch, ("Passphrase", PASSPHRASE))
        shown = cli("parts", "show", args[-1])
        assert new.stem in shown.stdout  # in the part's time line


def test_a_note_in_an_encrypted_journal_without_a_terminal_saves(
    locked: object, home: Path, cli: Cli
) -> None:
    result = cli("note", "no terminal, still saved")
    assert result.exit_code == 0 and "Noted" in result.stdout
    assert paths.waiting_dir().exists() is False
