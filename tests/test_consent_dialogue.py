"""Typed as a person types (in process): a part's "no" closes gently (the ``then`` key), and
a tender part named on the way does not take the focus from the part in the dialogue."""

from __future__ import annotations

import tomllib
from pathlib import Path

from tests.conftest import Cli, entry_files
from tests.keys import ENTER, Typing, line, lines, shown_in_order
from tests.pty_helpers import write_exercise

WILLING = "Is the part willing to talk today?"
NOT_TODAY = "Thank {part} for its honest no."
QUESTION = "What is {part} trying to do?"
TENDER = "What would you call the young one?"
NOTE = "A note for your therapist about"
CLOSING = "That was the whole walk."


def write_consent(home: Path) -> None:
    write_exercise(
        home,
        "consent",
        [
            {"id": "who", "kind": "part", "role": "part", "text": "Which part is here?"},
            {"id": "willing", "kind": "yes_no", "role": "consent", "text": WILLING},
            {
                "id": "not_today",
                "kind": "guide",
                "text": NOT_TODAY,
                "when": {"step": "willing", "equals": False},
                "then": "closing",
            },
            {"id": "tender", "kind": "part", "role": "exile", "text": TENDER},
            {"id": "job", "kind": "long_text", "role": "part-purpose", "text": QUESTION},
            {"id": "note", "kind": "long_text", "role": "for-therapist", "text": f"{NOTE} it?"},
            {"id": "closing", "kind": "guide", "text": CLOSING},
        ],
    )


def saved(home: Path) -> dict[str, dict[str, object]]:
    [file] = entry_files(home)
    return {a["step"]: a for a in tomllib.loads(file.read_text(encoding="utf-8"))["answers"]}


def test_a_no_goes_straight_to_a_gentle_close(cli: Cli, terminal: Typing, home: Path) -> None:
    write_consent(home)
    with terminal.typing(ENTER, line("no"), ENTER, ENTER):  # Enter alone is no answer to it
        result = cli("exercise", "consent", "--part", "The Guard")
    assert result.exit_code == 0, result.output
    shown_in_order(result.stdout, WILLING, "Thank The Guard for its honest no.", CLOSING, "Saved.")
    got = saved(home)
    assert got["willing"]["value"] is False
    assert "job" not in got and "tender" not in got


def test_a_tender_part_named_on_the_way_keeps_the_focus_on_the_first(
    cli: Cli, terminal: Typing, home: Path
) -> None:
    write_consent(home)
    keys = [line("yes"), line("Little One"), lines("Keep watch"), lines("It felt small"), ENTER]
    with terminal.typing(*keys):
        result = cli("exercise", "consent", "--part", "The Guard")
    assert result.exit_code == 0, result.output
    # the tender part is asked for, though --part was given; the focus stays on The Guard
    shown_in_order(result.stdout, WILLING, TENDER, "What is The Guard trying to do?", NOTE)
    got = saved(home)
    assert got["job"]["part"] == "the-guard"
    assert got["note"]["part"] == "little-one"
    part = tomllib.loads((home / "parts" / "little-one.toml").read_text(encoding="utf-8"))
    assert part["role"] == "exile"
