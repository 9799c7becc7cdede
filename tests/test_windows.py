"""On a system without the POSIX-only calls (Windows): saving, reading, pausing and encryption
work, and keep their promises (atomic replace, private files, one writer at a time).

Windows is simulated the way it differs for partsjournal: every partsjournal module sees an
``os`` without ``O_DIRECTORY``, ``O_NOFOLLOW`` and ``fchmod`` (Windows has ``fchmod`` from
Python 3.13 only), ``signal.SIGHUP`` is taken away and ``import fcntl`` fails, so locks are
taken through filelock, as on Windows. filelock is cross-platform by its own tests (on Windows
it takes its Windows way, not the one loaded here); partsjournal must need none of the
POSIX-only calls itself.
"""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import tomllib
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import filelock  # loaded before fcntl is taken away, as on Windows
import pyrage
import pytest

from partsjournal import prompts
from partsjournal.core import crypt, drafts, filesys, store
from partsjournal.core.answers import AnswerValue
from partsjournal.flow import exercises, interrupts, runner
from partsjournal.flow.engine import Paused, Run, check_value
from partsjournal.flow.exercises import Step
from tests.askers import FakeAsker
from tests.conftest import PROTECTOR_ANSWERS, Cli, entry_files
from tests.helpers import TODAY, mode

POSIX_ONLY = ("O_DIRECTORY", "O_NOFOLLOW", "fchmod")


class OsWithoutPosix(types.ModuleType):
    """The ``os`` module as Windows has it, for the names partsjournal might use."""

    def __init__(self) -> None:
        super().__init__("os")

    def __getattr__(self, name: str) -> Any:
        if name in POSIX_ONLY:
            raise AttributeError(f"module 'os' has no attribute '{name}'")
        return getattr(os, name)


def ours() -> list[types.ModuleType]:
    return [m for name, m in sys.modules.items() if name.split(".")[0] == "partsjournal"]


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    without = OsWithoutPosix()
    for module in ours():
        if getattr(module, "os", None) is os:
            monkeypatch.setattr(module, "os", without)
    monkeypatch.delattr(signal, "SIGHUP")
    monkeypatch.setitem(sys.modules, "fcntl", None)  # `import fcntl` fails
    yield


def test_the_simulation_takes_the_posix_calls_away(windows: None) -> None:
    using_os = [m for m in ours() if isinstance(getattr(m, "os", None), types.ModuleType)]
    assert filesys in using_os and store in using_os
    for module in using_os:
        assert not any(hasattr(module.os, name) for name in POSIX_ONLY), module
        assert module.os.replace is os.replace  # everything else is the real thing
    assert not hasattr(signal, "SIGHUP")
    with pytest.raises(ImportError):
        import fcntl  # noqa: F401


def test_saving_and_reading_work_and_files_stay_private(
    windows: None, cli: Cli, home: Path, protector_answers: Path
) -> None:
    noted = cli("note", "snapped at J; chest tight", "--part", "The Critic")
    assert noted.exit_code == 0, noted.output
    saved = cli("exercise", "protector", "--answers", str(protector_answers))
    assert saved.exit_code == 0, saved.output
    files = entry_files(home)
    assert len(files) == 2
    for path in [*files, *(home / "parts").glob("*.toml")]:
        assert mode(path) == 0o600
    assert mode(home) == mode(home / "entries") == mode(files[0].parent) == 0o700
    for args in (("show", "last"), ("entries",), ("review",), ("parts", "show", "The Critic")):
        result = cli(*args)
        assert result.exit_code == 0, (args, result.output)
    [dialogue] = [p for p in files if "The team meeting on Monday" in p.read_text("utf-8")]
    assert "The team meeting on Monday" in cli("show", dialogue.stem).stdout
    assert "snapped at J" in cli("entries").stdout
    # the part was changed under its lock; no lock file outlives the command
    assert [p.name for p in (home / "parts").iterdir() if p.name.endswith(".lock")] == []


def test_a_locked_file_is_busy_for_a_second_writer(
    windows: None, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[object] = []
    real = filelock.FileLock

    def counted(*args: Any, **kwargs: Any) -> Any:
        made.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(filelock, "FileLock", counted)  # without fcntl, filelock locks
    path = home / "parts" / "x.toml"
    with store.locked(path), pytest.raises(store.Busy), store.locked(path, wait=False):
        pass  # pragma: no cover - the lock is held, so this is never reached
    with store.locked(path, wait=False):  # released: free again
        pass
    assert list(path.parent.iterdir()) == []
    assert made and all(str(m).endswith(".x.toml.lock") for m in made)


def test_linux_and_macos_lock_with_flock_without_filelock(home: Path) -> None:
    """Where there is flock, it is the lock: filelock is not even imported (its machinery
    made a Ctrl-C between two prompts get lost now and then)."""
    code = (
        "import sys\nfrom pathlib import Path\nfrom partsjournal.core import store\n"
        f"with store.locked(Path({str(home / 'x.toml')!r})):\n    pass\n"
        "print('filelock' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


class PauseAt(FakeAsker):
    """Answers the protector dialogue from its example answers and pauses at ``stop``."""

    def __init__(self, stop: str) -> None:
        super().__init__()
        self.given = tomllib.loads(PROTECTOR_ANSWERS)
        self.stop = stop

    def ask(
        self, step: Step, text: str, number: int, total: int, *_: Any, **__: Any
    ) -> AnswerValue:
        if step.id == self.stop:
            raise Paused(step=step.id, partial="half a sen")
        if step.kind == "guide":
            return True
        return check_value(step, self.given.get(step.id, False if step.kind == "yes_no" else ""))


def test_pausing_keeps_a_draft_and_resuming_finishes_it(
    windows: None, cli: Cli, home: Path, tmp_path: Path
) -> None:
    run = Run(exercise=exercises.get("protector"))
    assert runner.walk_and_save(run, PauseAt("purpose"), TODAY) is None
    [draft] = drafts.load_all()
    assert draft.path is not None and mode(draft.path) == 0o600
    assert draft.pending == {"purpose": "half a sen"}  # what was half-typed is kept too
    rest = tmp_path / "rest.toml"
    rest.write_text(PROTECTOR_ANSWERS, encoding="utf-8")
    resumed = cli("resume", "--answers", str(rest))
    assert resumed.exit_code == 0, resumed.output
    assert drafts.load_all() == [] and len(entry_files(home)) == 1


def test_a_terminal_gone_under_a_prompt_is_the_nearest_signal(windows: None) -> None:
    """Windows has no SIGHUP: a closed terminal is handled as SIGTERM, still not as Ctrl-C."""
    gone = prompts._terminal_gone(OSError(errno.EIO, "Input/output error"))
    assert gone.signum == signal.SIGTERM and gone.exit_code == 128 + signal.SIGTERM
    assert interrupts.hangup() == signal.SIGTERM


def test_the_hangup_signal_is_sighup_where_there_is_one() -> None:
    assert interrupts.hangup() == signal.SIGHUP


def test_an_encrypted_journal_saves_and_reads(
    windows: None, cli: Cli, home: Path, tmp_path: Path, protector_answers: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    key = tmp_path / "key.txt"
    key.write_text(str(pyrage.x25519.Identity.generate()) + "\n", encoding="utf-8")
    monkeypatch.setenv(crypt.IDENTITY_ENV, str(key))
    assert cli("note", "before encrypting").exit_code == 0
    encrypted = cli("encrypt")
    assert encrypted.exit_code == 0, encrypted.output
    saved = cli("exercise", "protector", "--answers", str(protector_answers))
    assert saved.exit_code == 0, saved.output
    files = entry_files(home)
    assert len(files) == 2
    assert all(crypt.is_sealed(p.read_bytes()) and mode(p) == 0o600 for p in files)
    listed = cli("entries")
    assert listed.exit_code == 0, listed.output
    assert "before encrypting" in listed.stdout and "The Critic" in listed.stdout


def test_a_file_held_open_is_replaced_once_it_is_let_go(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows refuses to replace a file another program has open for a moment: the write
    tries again and lands, whole."""
    target = home / "x.toml"
    store.atomic_write(target, b"old = 1\n")
    real = os.replace
    refusals = [PermissionError(errno.EACCES, "in use")] * 2

    def replace(src: Any, dst: Any) -> None:
        if refusals:
            raise refusals.pop()
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(filesys, "REPLACE_TRIES", 3)
    monkeypatch.setattr(filesys, "REPLACE_PAUSE", 0)
    store.atomic_write(target, b"new = 2\n")
    assert target.read_bytes() == b"new = 2\n" and refusals == []


def test_a_file_held_open_too_long_keeps_the_old_one_and_no_temporary(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = home / "x.toml"
    store.atomic_write(target, b"old = 1\n")
    tries: list[int] = []

    def replace(src: Any, dst: Any) -> None:
        tries.append(1)
        raise PermissionError(errno.EACCES, "in use")

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(filesys, "REPLACE_TRIES", 3)
    monkeypatch.setattr(filesys, "REPLACE_PAUSE", 0)
    with pytest.raises(PermissionError):
        store.atomic_write(target, b"new = 2\n")
    assert len(tries) == 3
    assert target.read_bytes() == b"old = 1\n"
    assert sorted(p.name for p in home.iterdir()) == ["x.toml"]
