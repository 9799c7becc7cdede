"""Every command partsjournal suggests works: the hints in its messages, help and
exercise files name real commands, options and exercises, and so does what a pause
says to start again with."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from partsjournal.flow import asking, exercises, runner
from partsjournal.render import ui
from tests.askers import Answering, PauseAtOnce
from tests.conftest import ROOT, Cli
from tests.hints import hints_in, problems, source_texts


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def exercise_texts() -> list[tuple[str, str]]:
    found = []
    for path in sorted((ROOT / "exercises").rglob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        found += [(str(path.relative_to(ROOT)), s) for s in _strings(data) if "partsjournal " in s]
    return found


def test_the_hint_checker_catches_what_does_not_work() -> None:
    assert problems("exercise practice-check") == [
        "there is no exercise 'practice-check': exercise practice-check"
    ]
    assert problems("parts frob NAME")
    assert problems("review --weak")
    assert problems("show ID extra words")
    assert problems("exercise protector") == []
    assert problems('parts edit "The Critic" --role manager --protects "Little One"') == []
    assert problems("will ask how it went") == []  # prose, not a command
    assert hints_in("Then: partsjournal show last, or partsjournal edit last.") == [
        "show last",
        "edit last",
    ]


def test_every_hint_in_the_program_names_a_real_command() -> None:
    texts = [*source_texts(), *exercise_texts()]
    assert len(texts) > 40  # the collection itself works
    wrong = [f"{where}: {p}" for where, text in texts for h in hints_in(text) for p in problems(h)]
    assert wrong == []


def test_every_command_in_the_readme_works() -> None:
    """The README's examples (shell blocks, comments left out, and `partsjournal ...`
    in the text) name real commands, options and exercises too."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    lines = [
        line.split("  #", 1)[0]
        for block in re.findall(r"```sh\n(.*?)```", text, flags=re.S)
        for line in block.replace("\\\n", " ").splitlines()
    ]
    inline = re.findall(r"`(partsjournal [^`]*)`", text)
    hints = [h for line in [*lines, *inline] for h in hints_in(line)]
    assert len(hints) > 40
    assert [p for h in hints for p in problems(h)] == []
    assert problems('config crisis-line "a line, with a comma"') == []


FOLLOWED_UP = 'body_rating = 5\nbody_practice = "Walk after lunch"\n'


def starts() -> list[list[str]]:
    names = [e.name for e in exercises.load_all()]
    return [["exercise", n] for n in names] + [["integrate"], ["practices"], ["ground"]]


@pytest.mark.parametrize("args", starts(), ids=lambda a: " ".join(a))
def test_a_pause_before_the_first_answer_names_a_command_that_starts_it_again(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, args: list[str]
) -> None:
    if args == ["practices"]:  # something to follow up
        f = tmp_path / "a.toml"
        f.write_text(FOLLOWED_UP, encoding="utf-8")
        done = cli("integrate", "--realm", "body", "--answers", str(f), "--at", "2026-11-20")
        assert done.exit_code == 0, done.stderr
    monkeypatch.setattr(asking, "terminal", PauseAtOnce)
    monkeypatch.setattr(ui, "can_prompt", lambda: True)
    monkeypatch.setattr(runner.screens, "intro", lambda ex: None)
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    (line,) = [ln for ln in result.stdout.splitlines() if "Start again" in ln]
    (hint,) = hints_in(line)
    assert problems(hint) == []
    if args[0] != "exercise":
        assert hint == args[0]  # practices, integrate and ground are started by themselves


def test_the_start_command_of_every_built_exercise_is_not_exercise_name() -> None:
    assert runner.start_command("practice-check") == "partsjournal practices"
    assert runner.start_command("protector") == "partsjournal exercise protector"


class PauseAfterOne(Answering):
    pause_after = 1


def test_a_paused_practice_follow_up_can_be_resumed_as_the_pause_says(
    cli: Cli, home: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """`practices` is not an exercise file: `resume` builds it again, as `practices` did."""
    f = tmp_path / "a.toml"
    f.write_text(FOLLOWED_UP, encoding="utf-8")
    assert (
        cli("integrate", "--realm", "body", "--answers", str(f), "--at", "2026-11-20").exit_code
        == 0
    )
    monkeypatch.setattr(ui, "can_prompt", lambda: True)
    monkeypatch.setattr(runner.screens, "intro", lambda ex: None)
    monkeypatch.setattr(asking, "terminal", PauseAfterOne)
    paused = cli("practices")
    (line,) = [ln for ln in paused.stdout.splitlines() if "partsjournal resume" in ln]
    (hint,) = hints_in(line)
    assert problems(hint) == []
    monkeypatch.setattr(asking, "terminal", Answering)
    resumed = cli(*hint.split())
    assert resumed.exit_code == 0, resumed.stderr
    saved = [
        tomllib.loads(p.read_text(encoding="utf-8")) for p in (home / "entries").rglob("*.toml")
    ]
    assert sorted(e["exercise"] for e in saved) == ["integrate", "practice-check"]
