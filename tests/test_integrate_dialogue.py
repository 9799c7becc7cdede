"""``partsjournal integrate --after`` typed as a person types (in process), following up last
time's practices.

The check-in is a two-realm stand-in for the shipped ``integrate`` exercise, written into
``<home>/exercises`` by the test; the shipped questions are covered with ``--answers`` in
test_cli_integrate.py.
"""

from __future__ import annotations

import tomllib
from datetime import timedelta
from pathlib import Path

from tests.conftest import Cli, entry_files
from tests.helpers import TODAY
from tests.keys import ENTER, Typing, line, lines, pick, shown_in_order
from tests.pty_helpers import write_exercise

ARRIVE = "Land here for a moment."
BEFORE_ONLY = "Your session is coming up soon."
AFTER_ONLY = "Since the session, go gently."
BODY_RATING = "Body, from 0 to 10 today?"
BODY_BEFORE = "What does your body need before the session?"
BODY_AFTER = "What has your body noticed since the session?"
BODY_PRACTICE = "One small practice for your body?"
BALANCE_RATING = "Work and play, from 0 to 10 today?"
BALANCE_AFTER = "What could you say no to this week?"
BALANCE_PRACTICE = "One small change to your week?"
CLOSING = "Thank you for checking in."
CLEAR_LINE = "\x15"  # Ctrl-U: clear the text offered in an answer


def step(step_id: str, kind: str, text: str, **more: object) -> dict[str, object]:
    return {"id": step_id, "kind": kind, "text": text, **more}


def write_small_integrate(home: Path) -> None:
    """Two realms, each with a rating, a question for after a session, and a practice;
    body also has a question for before one, which ``--after`` must not ask."""
    before, after = {"when": {"phase": "before"}}, {"when": {"phase": "after"}}
    body, balance = {"realm": "body"}, {"realm": "balance"}
    write_exercise(
        home,
        "integrate",
        [
            step("arrive", "guide", ARRIVE),
            step("before_frame", "guide", BEFORE_ONLY, **before),
            step("after_frame", "guide", AFTER_ONLY, **after),
            step("body_rating", "scale", BODY_RATING, role="realm-rating:body", **body),
            step("body_before_needs", "long_text", BODY_BEFORE, optional=True,
                 role="realm-reflection:body", **body, **before),
            step("body_after_noticed", "long_text", BODY_AFTER, optional=True,
                 role="realm-reflection:body", **body, **after),
            step("body_practice", "text", BODY_PRACTICE, optional=True,
                 role="practice:body", **body),
            step("balance_rating", "scale", BALANCE_RATING, role="realm-rating:balance",
                 **balance),
            step("balance_after_noticed", "long_text", BALANCE_AFTER, optional=True,
                 role="realm-reflection:balance", **balance, **after),
            step("balance_practice", "text", BALANCE_PRACTICE, optional=True,
                 role="practice:balance", **balance),
            step("closing", "guide", CLOSING),
        ],
        title="A small check-in",
    )  # fmt: skip


FIRST = """
body_rating = 4
balance_rating = 2
body_practice = "Walk after lunch"
balance_practice = "Leave work on time on Wednesday"
"""


def test_integrate_after_typed_in_a_terminal(
    cli: Cli, terminal: Typing, home: Path, tmp_path: Path
) -> None:
    write_small_integrate(home)
    answers = tmp_path / "first.toml"
    answers.write_text(FIRST, encoding="utf-8")
    # the terminal run is dated today, so the session and the first check-in come before it
    session_day = TODAY.date() - timedelta(days=4)
    first_day = session_day + timedelta(days=1)
    assert cli("session", "add", session_day.isoformat()).exit_code == 0
    first = cli("integrate", "--after", "--answers", str(answers), "--at", f"{first_day} 09:00")
    assert first.exit_code == 0, first.output

    keys = [ENTER, ENTER, ENTER]  # the arrival, the frame after a session, the follow-up
    keys += [pick(2), line("It rained twice."), CLEAR_LINE + ENTER]  # partly, a note; cleared
    keys += [pick(3), ENTER, ENTER]  # not yet, no note; kept as it was: no new practice asked
    keys += [line("6"), lines("Lighter in the chest."), line("Swim on Saturday")]
    keys += [line("4"), lines("Saying no to Saturday overtime."), ENTER]
    with terminal.typing(*keys):
        result = cli("integrate", "--after")
    assert result.exit_code == 0, result.output
    shown = result.stdout
    # the follow-up names the day the practices were chosen, then asks about each one
    shown_in_order(shown, "A small check-in", ARRIVE, AFTER_ONLY, f"{first_day:%A} {first_day.day}")
    # the practice offered as it was: cleared (not kept) for the first, kept for the second
    shown_in_order(shown, "Walk after lunch", 'keep "Walk after lunch" going')
    shown_in_order(shown, "Leave work on time on Wednesday", "going", BODY_RATING)
    shown_in_order(shown, BODY_AFTER, BODY_PRACTICE, BALANCE_RATING, BALANCE_AFTER)
    shown_in_order(shown, BALANCE_AFTER, CLOSING, "Saved.", "4 → 6", "2 → 4")
    assert BEFORE_ONLY not in shown and BODY_BEFORE not in shown

    newest = entry_files(home)[-1]
    data = tomllib.loads(newest.read_text(encoding="utf-8"))
    got = {a["step"]: a["value"] for a in data["answers"]}
    assert data["phase"] == "after" and data["session"] == session_day.isoformat()  # the date alone
    assert got["followup_body"] == "partly" and got["followup_body_note"] == "It rained twice."
    assert got["followup_balance"] == "not yet" and got["followup_balance_note"] == ""
    assert got["body_rating"] == 6 and got["balance_rating"] == 4
    assert got["body_after_noticed"] == "Lighter in the chest."
    assert got["balance_after_noticed"] == "Saying no to Saturday overtime."
    assert got["body_practice"] == "Swim on Saturday" and got["followup_body_keep"] == ""
    assert got["followup_balance_keep"] == "Leave work on time on Wednesday"
    assert "balance_practice" not in got
    assert BALANCE_PRACTICE not in shown
    assert "body_before_needs" not in got
