"""In a real terminal: a part's "no" closes gently (the ``then`` key), and a tender part
named on the way does not take the focus from the part in the dialogue."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pexpect

from tests.conftest import entry_files
from tests.pty_helpers import answer_long, answer_part, press_on, spawn, write_exercise

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


def finish(child: pexpect.spawn) -> None:
    press_on(child, CLOSING)
    child.expect_exact("Saved.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def saved(home: Path) -> dict[str, dict[str, object]]:
    [file] = entry_files(home)
    return {a["step"]: a for a in tomllib.loads(file.read_text(encoding="utf-8"))["answers"]}


def test_a_no_goes_straight_to_a_gentle_close(home: Path) -> None:
    write_consent(home)
    child = spawn(home, "exercise", "consent", "--part", "The Guard")
    child.expect_exact(WILLING)
    child.expect_exact("Yes or no?")
    child.send("n")
    press_on(child, "Thank The Guard for its honest no.")
    finish(child)
    got = saved(home)
    assert got["willing"]["value"] is False
    assert "job" not in got and "tender" not in got


def test_a_tender_part_named_on_the_way_keeps_the_focus_on_the_first(home: Path) -> None:
    write_consent(home)
    child = spawn(home, "exercise", "consent", "--part", "The Guard")
    child.expect_exact(WILLING)
    child.expect_exact("Yes or no?")
    child.send("y")
    answer_part(child, TENDER, "Little One")  # asked, though --part was given
    answer_long(child, "What is The Guard trying to do?", "Keep watch")
    answer_long(child, NOTE, "It felt small")
    finish(child)
    got = saved(home)
    assert got["job"]["part"] == "the-guard"
    assert got["note"]["part"] == "little-one"
    part = tomllib.loads((home / "parts" / "little-one.toml").read_text(encoding="utf-8"))
    assert part["role"] == "exile"
