"""Parts: no lost updates, no duplicate parts, unreadable files and merge circles said
out loud and repairable. Races are made certain by widening their window on purpose."""

from __future__ import annotations

import multiprocessing
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from partsjournal.core import entry as entry_mod
from partsjournal.core import parts, paths, store
from partsjournal.flow import exercises, saving
from partsjournal.flow.engine import Run
from tests.conftest import PROTECTOR_ANSWERS, Cli, entry_files

WHEN = datetime.fromisoformat("2026-11-20T09:00:00+01:00")


def protector_run(name: str, fears: str = "being laughed at") -> Run:
    return Run(exercise=exercises.get("protector"), answers={"name_part": name, "fears": fears})


def test_a_rename_landing_while_an_exercise_saves_is_not_lost(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The exercise has read the part; `parts rename` lands after the entry is written
    and before the part is updated (the window held open by a hook on the entry write)."""
    critic = parts.create("The Critic")
    real_save = saving.save_new

    def save_then_rename(e: entry_mod.Entry, **kwargs: Any) -> Path:
        path = real_save(e, **kwargs)
        parts.rename(critic, "The Inner Coach")  # another command, mid-save
        return path

    monkeypatch.setattr(saving, "save_new", save_then_rename)
    saving.save_run(protector_run("The Critic"), WHEN)
    [after] = parts.load_all()
    assert after.name == "The Inner Coach" and after.aliases == ["The Critic"]
    assert after.fears == "being laughed at" and after.last_met == WHEN.date()


def test_every_part_change_reads_and_writes_under_the_parts_lock(home: Path) -> None:
    critic = parts.create("The Critic")
    path = parts.part_path(critic.id)
    inside: list[bool] = []

    def change(fresh: parts.Part) -> None:
        with pytest.raises(store.Busy), store.locked(path, wait=False):
            pass  # pragma: no cover - the lock is held, so this is never reached
        inside.append(True)
        fresh.notes = "Loud before meetings."

    parts.update(critic.id, change)
    assert inside == [True]
    assert parts.read_one(critic.id).notes == "Loud before meetings."


def test_creating_a_part_another_run_just_created_uses_it(home: Path) -> None:
    first = parts.create("Brand New Part")
    again = parts.create("Brand New Part", part_id=first.id)
    assert again.id == first.id
    assert sorted(p.name for p in paths.parts_dir().iterdir()) == ["brand-new-part.toml"]


def _run_naming_a_new_part(home: str, who: int, barrier: Any) -> None:
    paths.set_home(Path(home))
    real_build = saving.build_entry

    def slow_build(*args: Any, **kwargs: Any) -> Any:
        built = real_build(*args, **kwargs)
        time.sleep(0.3)  # widen the window between looking the name up and creating it
        return built

    saving.build_entry = slow_build  # type: ignore[assignment]
    barrier.wait()
    saving.save_run(protector_run("Brand New Part", fears=f"fear {who}"), WHEN)


@pytest.mark.slow  # two processes racing
def test_two_runs_naming_the_same_new_part_at_once_make_one_part(home: Path) -> None:
    paths.parts_dir().mkdir(parents=True)
    ctx = multiprocessing.get_context("fork")
    barrier = ctx.Barrier(2)
    procs = [
        ctx.Process(target=_run_naming_a_new_part, args=(str(home), w, barrier)) for w in (1, 2)
    ]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    assert [f.name for f in paths.parts_dir().iterdir() if not f.name.startswith(".")] == [
        "brand-new-part.toml"
    ]
    saved = entry_mod.load_range()
    assert len(saved) == 2
    assert {tuple(p.id for p in e.parts) for e in saved} == {("brand-new-part",)}


def test_an_unreadable_part_file_is_warned_about_when_an_exercise_saves(
    cli: Cli, home: Path
) -> None:
    broken = paths.parts_dir() / "the-critic.toml"
    broken.parent.mkdir(parents=True)
    broken.write_text("name = ", encoding="utf-8")
    result = cli("exercise", "protector", "--answers", "-", input=PROTECTOR_ANSWERS)
    assert result.exit_code == 0, result.output
    assert sum(str(broken) in line for line in result.stderr.splitlines()) == 1
    assert len(entry_files(home)) == 1
    assert broken.read_text(encoding="utf-8") == "name = "


def _circle(names: list[str]) -> list[parts.Part]:
    made = [parts.create(n) for n in names]
    for here, there in zip(made, made[1:] + made[:1], strict=True):
        here.merged_into = there.id
        parts.save(here)
    return made


def test_a_merge_circle_is_warned_about_shown_and_repaired_by_merge(cli: Cli, home: Path) -> None:
    a, b = _circle(["Part A", "Part B"])
    listing = cli("parts")
    assert listing.exit_code == 0
    assert "Part A" in listing.stdout and "Part B" in listing.stdout
    assert "merged in a circle" in listing.stderr
    assert len(listing.stderr.strip().splitlines()) == 2  # one line for each part
    merged = cli("parts", "merge", "Part A", "Part B", "--yes")
    assert merged.exit_code == 0, merged.output
    index = parts.everything()
    assert index[a.id].merged_into == b.id and index[b.id].merged_into is None
    after = cli("parts")
    assert "circle" not in after.stderr and "merged back" not in after.stderr


def test_a_part_merged_into_itself_is_repaired_by_show(cli: Cli, home: Path) -> None:
    [a] = _circle(["Part A"])
    shown = cli("parts", "show", "Part A")
    assert shown.exit_code == 0, shown.output
    assert "its own part again" in shown.stderr
    assert parts.read_one(a.id).merged_into is None
    assert cli("parts").stderr == ""


def test_a_part_file_broken_while_an_exercise_saves_is_warned_and_the_entry_kept(
    home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    critic = parts.create("The Critic")
    path = parts.part_path(critic.id)
    real_save = saving.save_new

    def save_then_break(e: entry_mod.Entry, **kwargs: Any) -> Path:
        saved = real_save(e, **kwargs)
        path.write_text("name = ", encoding="utf-8")  # someone's half-finished hand edit
        return saved

    monkeypatch.setattr(saving, "save_new", save_then_break)
    saving.save_run(protector_run("The Critic"), WHEN)
    assert len(entry_mod.load_range()) == 1
    assert str(path) in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == "name = "
