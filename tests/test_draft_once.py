"""Each draft becomes exactly one entry: its id is fixed in the draft, a retry finds the
entry already there, a draft being resumed is held, and a draft whose entry would not
read back is never removed."""

from __future__ import annotations

from pathlib import Path

import pytest

from partsjournal.core import drafts, entry, store
from partsjournal.flow import exercises, runner, saving
from partsjournal.flow.engine import Run
from tests.askers import StopAfter
from tests.conftest import Cli, entry_files
from tests.helpers import WHEN
from tests.journal_fixtures import paused_protector

REST = (
    'purpose = "Keep me prepared"\nfeelings = "Tense"\nfears = "Laughter"\n'
    'strengths = "Careful"\nneeds = "Time"\nreflection = "Scared"\n'
    'feel_toward_end = "curious"\nactivation_after = 4\nnext_step = "bring it to my therapist"\n'
)


@pytest.fixture
def rest(tmp_path: Path) -> Path:
    path = tmp_path / "rest.toml"
    path.write_text(REST, encoding="utf-8")
    return path


def test_the_entry_takes_the_id_fixed_in_its_draft(cli: Cli, home: Path, rest: Path) -> None:
    draft = paused_protector(home)
    assert cli("resume", "1", "--answers", str(rest)).exit_code == 0
    [path] = entry_files(home)
    assert path.stem == draft.id


def test_a_retry_after_the_entry_was_written_finds_it_and_writes_no_copy(
    cli: Cli, home: Path, rest: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window between writing the entry and removing the draft is held open by a
    failing removal, as a crash or SIGKILL at that moment would leave it."""
    draft = paused_protector(home)

    def crash(_: drafts.Draft) -> None:
        raise OSError("killed before the draft was removed")

    real_remove = drafts.remove
    monkeypatch.setattr(drafts, "remove", crash)
    assert cli("resume", "1", "--answers", str(rest)).exit_code != 0
    monkeypatch.setattr(drafts, "remove", real_remove)
    assert len(entry_files(home)) == 1 and drafts.load_all() != []
    again = cli("resume", "1", "--answers", str(rest))
    assert again.exit_code == 0, again.output
    [path] = entry_files(home)
    assert path.stem == draft.id
    assert drafts.load_all() == []
    third = cli("resume", "1", "--answers", str(rest))
    assert "no paused exercises" in third.stdout
    assert len(entry_files(home)) == 1


def test_a_draft_being_resumed_elsewhere_is_refused(cli: Cli, home: Path, rest: Path) -> None:
    draft = paused_protector(home)
    assert draft.path is not None
    before = draft.path.read_bytes()
    with store.locked(draft.path):  # another window is inside `resume` of this draft
        result = cli("resume", "1", "--answers", str(rest))
    assert result.exit_code == 1
    assert "open in another partsjournal window" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert entry_files(home) == [] and draft.path.read_bytes() == before
    assert cli("resume", "1", "--answers", str(rest)).exit_code == 0
    assert len(entry_files(home)) == 1


def test_a_draft_finished_in_another_window_meanwhile_is_not_saved_twice(
    cli: Cli, home: Path, rest: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The other window finishes the draft just as this one picks it from the list."""
    draft = paused_protector(home)
    assert draft.path is not None
    real_held = drafts.held

    def finished_meanwhile(d: drafts.Draft):  # type: ignore[no-untyped-def]
        assert d.path is not None
        d.path.unlink()
        return real_held(d)

    monkeypatch.setattr(drafts, "held", finished_meanwhile)
    result = cli("resume", "1", "--answers", str(rest))
    assert result.exit_code == 1
    assert "finished or discarded in another window" in result.stderr
    assert entry_files(home) == []


def test_an_entry_that_would_not_read_back_keeps_its_draft(
    cli: Cli, home: Path, rest: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = paused_protector(home)
    assert draft.path is not None
    real_build = saving.build_entry

    def odd_value(*args, **kwargs):  # type: ignore[no-untyped-def]
        built, named = real_build(*args, **kwargs)
        built.answers[0].value = 7.5  # a value no entry may hold
        return built, named

    monkeypatch.setattr(saving, "build_entry", odd_value)
    result = cli("resume", "1", "--answers", str(rest))
    assert result.exit_code == 1
    assert "could not be saved" in result.stderr and str(draft.path) in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert entry_files(home) == []
    assert [d.id for d in drafts.load_all()] == [draft.id]


def test_a_draft_answer_with_keys_no_entry_may_hold_is_skipped_not_resumed(
    cli: Cli, home: Path
) -> None:
    draft = paused_protector(home)
    assert draft.path is not None
    text = draft.path.read_text(encoding="utf-8").replace(
        'step = "situation"', 'step = "situation"\naudio = "clip.ogg"', 1
    )
    draft.path.write_text(text, encoding="utf-8")
    result = cli("drafts")
    assert result.exit_code == 0
    assert str(draft.path) in result.stderr and "unknown keys" in result.stderr
    assert draft.path.read_text(encoding="utf-8") == text
    assert entry.load_range() == []


def test_a_run_in_progress_holds_its_own_draft(cli: Cli, home: Path, rest: Path) -> None:
    """While the first window is still asking, `resume` of its draft in a second window is
    refused (the second window is this test, at the moment a question is asked)."""
    seen: list[int] = []

    class TryResumeMeanwhile(StopAfter):
        def ask(self, step, text, number, total, typed="", **_):  # type: ignore[no-untyped-def]
            if step.id == "purpose":
                result = cli("resume", "1", "--answers", str(rest))
                seen.append(result.exit_code)
                assert "open in another partsjournal window" in result.stderr
            return super().ask(step, text, number, total, typed)

    asker = TryResumeMeanwhile(home)
    saved = runner.walk_and_save(Run(exercise=exercises.get("protector")), asker, WHEN)
    assert saved is not None and seen == [1]
    assert len(entry_files(home)) == 1 and drafts.load_all() == []


def test_a_draft_being_answered_cannot_be_discarded_from_under_it(cli: Cli, home: Path) -> None:
    draft = paused_protector(home)
    assert draft.path is not None
    with store.locked(draft.path):  # another window is answering it
        result = cli("drafts", "discard", "1", "--yes")
    assert result.exit_code == 1 and "open in another partsjournal window" in result.stderr
    assert draft.path.exists()
    assert cli("drafts", "discard", "1", "--yes").exit_code == 0
    assert not draft.path.exists()
