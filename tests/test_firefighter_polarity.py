"""The firefighter dialogue (appreciation first; risky ways of helping point to the prescriber,
the therapist and the support card) and two parts pulling apart (each heard in turn)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from partsjournal.core import parts, paths
from partsjournal.flow import care_words, exercises, runner
from partsjournal.flow.engine import Run
from tests.askers import FakeAsker
from tests.conftest import Cli, entry_files
from tests.helpers import WHEN
from tests.keys import ENTER, Typing, shown_in_order
from tests.pty_helpers import write_exercise

CARD = "You do not have to hold this alone."

FIRE: dict[str, Any] = {
    "situation": "After the call with my mother",
    "activation_before": 6,
    "what_it_does": "numbs me out or shuts me down",
    "name_part": "The Fog",
    "willing": True,
    "feel_toward": "curious",
    "appreciate": "It gets me through",
    "stops": "Feeling small",
    "fears": "That I would fall apart",
    "tender": False,
    "needs": "Softer evenings",
    "feel_toward_end": "warm or compassionate",
    "next_step": "keep getting to know this part",
    "activation_after": 4,
    "stirred_now": "",  # the optional check in the middle, skipped
}


def walk(name: str, answers: dict[str, Any], part: str | None = None) -> tuple[list[str], dict]:
    asker = FakeAsker(answers)
    entry = runner.walk_and_save(Run(exercise=exercises.get(name), part_name=part), asker, WHEN)
    assert entry is not None
    files = entry_files(paths.home())
    data = tomllib.loads(files[-1].read_text(encoding="utf-8"))
    return asker.asked, {a["step"]: a for a in data["answers"]}


def test_firefighter_appreciates_before_it_asks(capsys: pytest.CaptureFixture[str]) -> None:
    asked, got = walk("firefighter", FIRE)
    assert asked.index("appreciate") < asked.index("stops") < asked.index("fears")
    assert not {"care_first", "care_first_hurt", "safe_now"} & set(asked)
    assert CARD not in capsys.readouterr().out
    assert got["stops"]["part"] == "the-fog" and got["stops"]["role"] == "part-purpose"


@pytest.mark.parametrize(
    ("risky", "care"),
    [
        ("wanting more of a substance or medicine", "care_first"),
        ("urges to hurt myself", "care_first_hurt"),
    ],
)
def test_a_risky_way_of_helping_points_to_care_and_shows_the_card(
    risky: str, care: str, capsys: pytest.CaptureFixture[str]
) -> None:
    asked, _ = walk("firefighter", {**FIRE, "what_it_does": risky, "safe_now": True})
    assert asked.index(care) < asked.index("safe_now") < asked.index("name_part")
    assert not {"care_first", "care_first_hurt"} - {care} & set(asked)  # one of the two
    shown = capsys.readouterr().out
    assert CARD in shown and shown.count(CARD) == 1


def test_not_feeling_safe_stops_the_firefighter_dialogue(home: Path) -> None:
    asker = FakeAsker(
        {**FIRE, "what_it_does": "urges to hurt myself", "safe_now": False},
        [
            ("What is going on", "I would rather not say"),
            ("What would help now?", care_words.HOLD_STOP),
        ],
    )
    entry = runner.walk_and_save(Run(exercise=exercises.get("firefighter")), asker, WHEN)
    assert entry is not None and asker.replies == []
    assert asker.asked[asker.asked.index("safe_now") + 1 :] == []  # no more dialogue
    got = {a.step: a.value for a in entry.answers}
    assert got["safe_now"] is False and "name_part" not in got


def test_a_scripted_risky_run_puts_the_card_on_stderr(cli: Cli, tmp_path: Path) -> None:
    f = tmp_path / "a.toml"
    f.write_text(
        'situation = "Late night"\nactivation_before = 5\n'
        'what_it_does = "urges to hurt myself"\nsafe_now = false\n',
        encoding="utf-8",
    )
    result = cli("exercise", "firefighter", "--answers", str(f))
    assert result.exit_code == 0, result.output
    assert CARD in result.stderr


POLARITY: dict[str, Any] = {
    "situation": "Go to the session or cancel it",
    "activation_before": 6,
    "part_a": "The Brave One",
    "a_willing": True,
    "a_feel_toward": "curious",
    "a_wants": "Go",
    "a_fears": "Staying stuck forever",
    "part_b": "The Guard",
    "b_willing": True,
    "b_feel_toward": "calm and open",
    "b_wants": "Cancel",
    "b_fears": "Being flooded",
    "common": "",
    "tender": False,
    "next_step": "keep listening to both",
    "activation_after": 4,
    "stirred_now": "",
}


def test_polarity_hears_each_part_in_turn(home: Path) -> None:
    asked, got = walk("polarity", POLARITY, part="The Brave One")
    assert "part_a" not in asked and "part_b" in asked  # --part names only the first
    assert got["a_fears"]["part"] == "the-brave-one" and got["b_fears"]["part"] == "the-guard"
    assert "The Brave One" in got["a_wants"]["prompt"] and "The Guard" in got["b_wants"]["prompt"]
    brave, guard = parts.find("The Brave One"), parts.find("The Guard")
    assert brave is not None and brave.fears == "Staying stuck forever"
    assert guard is not None and guard.fears == "Being flooded"
    assert not brave.protects and not guard.protects  # neither is sided with or ranked
    # each is asked whether it is willing, and how you feel toward it, in its own turn
    assert asked.index("a_willing") < asked.index("a_feel_toward") < asked.index("a_wants")
    assert asked.index("part_b") < asked.index("b_willing") < asked.index("b_feel_toward")
    assert got["a_willing"]["role"] == "consent" and got["a_willing"]["part"] == "the-brave-one"
    assert got["b_feel_toward"]["role"] == "feel-toward"
    assert got["b_feel_toward"]["part"] == "the-guard"


def test_the_new_exercises_are_listed_with_their_purpose(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "300")  # one line per exercise
    shown = " ".join(cli("exercise").stdout.split())
    for name in ("journey", "firefighter", "polarity", "note", "tender-part"):
        assert f" {name} " in shown
    for purpose in ("Days 0-2 after a session", "appreciate it", "hear each in turn", "greet it"):
        assert purpose in shown


def test_a_card_step_shows_the_card_in_a_terminal(cli: Cli, terminal: Typing, home: Path) -> None:
    write_exercise(
        home,
        "carded",
        [
            {"id": "first", "kind": "guide", "text": "A first step."},
            {"id": "care", "kind": "guide", "text": "Please talk to someone.", "card": True},
        ],
    )
    with terminal.typing(ENTER, ENTER):
        result = cli("exercise", "carded")
    assert result.exit_code == 0, result.output
    shown_in_order(result.stdout, "A first step.", "Please talk to someone.", CARD, "Saved.")
