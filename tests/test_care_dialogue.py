"""Care when it is hard, typed as a person types: grounding before the card, a safety
question with no default, going on by a shorter way or stopping with the entry saved, the
check in the middle, and pausing shown everywhere.

Driven in process through the real prompts (``tests/keys.py``). The exercise and the
grounding pause are written by the tests (``pty_helpers``), so only these behaviours, not
shipped wording, are tested here.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from typer.testing import Result

from partsjournal.core import paths
from tests.conftest import Cli, entry_files
from tests.helpers import answers_of
from tests.keys import CTRL_C, ENTER, Typing, ground_tiny, line, pick, shown_in_order
from tests.pty_helpers import draft_files, write_exercise, write_tiny_grounding

CARD = "not a crisis service"
OFFER = "ground yourself first?"
GO_ON_OR_STOP = "Go on, or stop here for today?"
SAFE = "Do you feel safe right now?"
MIDWAY = "How stirred up are you now?"
HOLD = "What would help now?"
GOING_ON = "What is going on right now?"
NOT_SAFE_AGAIN = "Thank you for saying so. The people on your card are there for this."


class Hard:
    TITLE = "A hard little walk"
    SITUATION = "What happened?"
    RATING = "How activated are you?"
    PART = "Who is here?"
    FEARS = "What is it afraid of?"
    DEEPER = "What is underneath that?"
    THANKS = "Thank the part for speaking with you."
    AFTER = "How activated are you now, at the end?"
    CLOSING = "That is the end of the hard little walk."


def write_hard(home: Path) -> str:
    """An exercise whose gentle close starts at its thanks (``close_from``)."""
    write_tiny_grounding(home)
    write_exercise(
        home,
        "hard",
        [
            {"id": "situation", "kind": "text", "role": "situation", "text": Hard.SITUATION},
            {"id": "level", "kind": "scale", "role": "activation-before", "text": Hard.RATING},
            {"id": "name_part", "kind": "part", "role": "part", "text": Hard.PART},
            {"id": "fears", "kind": "text", "role": "part-fears", "text": Hard.FEARS},
            {"id": "deeper", "kind": "text", "text": Hard.DEEPER},
            {"id": "thanks", "kind": "guide", "text": Hard.THANKS},
            {"id": "after", "kind": "scale", "role": "activation-after", "text": Hard.AFTER},
            {"id": "closing", "kind": "guide", "text": Hard.CLOSING},
        ],
        title=Hard.TITLE,
        close_from="thanks",
    )
    return "hard"


def run(cli: Cli, terminal: Typing, home: Path, rating: int, *keys: str) -> Result:
    """The hard exercise, typed ahead: the situation, a rating of ``rating``, then ``keys``."""
    write_hard(home)
    with terminal.typing(line("The phone call"), line(str(rating)), *keys):
        result = cli("exercise", "hard")
    assert result.exit_code == 0, result.output
    return result


def test_at_9_grounding_comes_first_and_no_card_when_safe_and_calmer(
    cli: Cli, terminal: Typing, home: Path
) -> None:
    keys = [pick(1), ground_tiny(distress=4), pick(1)]  # ground; calmer: going on comes first
    keys += [ENTER, line("4"), ENTER]  # the gentle close: the part, fears and deeper left out
    shown = run(cli, terminal, home, 9, *keys).stdout
    shown_in_order(shown, Hard.RATING, OFFER, "Feel both feet", GO_ON_OR_STOP, "shorter way")
    shown_in_order(shown, "shorter way", Hard.THANKS, Hard.AFTER, Hard.CLOSING, "Saved.")
    assert CARD not in shown and "emergency" not in shown  # grounding is offered, no card
    assert SAFE not in shown  # the grounding pause asked it already: not asked twice
    got = answers_of(entry_files(home)[0])
    assert got == {"situation": "The phone call", "level": 9, "after": 4}


@pytest.mark.parametrize("rating", [8, 9, 10])
def test_at_9_or_10_grounding_declined_and_safe_the_cards_line_is_at_hand(
    cli: Cli, terminal: Typing, home: Path, rating: int
) -> None:
    """The seventh walk's therapist: at 9, grounding declined and "safe", nothing said who to
    reach before "Go on, or stop here for today?". At 9 or 10 the card's one line comes
    first (what ``--answers`` prints at 9-10); at 8 the offer to ground was enough."""
    assert cli("config", "contact", "add", "Sam", "text 555 0100").exit_code == 0
    keys = [pick(2), line("yes"), pick(1), ENTER]  # not now; safe; stop here; its closing
    shown = run(cli, terminal, home, rating, *keys).stdout
    line_ = "If you need someone: Sam: text 555 0100"
    if rating >= 9:
        shown_in_order(shown, OFFER, SAFE, line_, GO_ON_OR_STOP)
        assert CARD not in shown  # the line, not the whole card
    else:
        assert line_ not in shown.split(GO_ON_OR_STOP)[0]


def test_still_9_after_grounding_shows_the_card_and_care_holds_the_run(
    cli: Cli, terminal: Typing, home: Path
) -> None:
    keys = [pick(1), ground_tiny(distress=9), pick(4)]  # only grounding, people, a note or stopping
    shown = run(cli, terminal, home, 9, *keys).stdout
    shown_in_order(shown, "Feel both feet", CARD, HOLD, "Before you close this")
    # the care ending, not the exercise's close
    shown_in_order(shown, "Nothing you wrote here is sent to anyone", "Saved.")
    assert shown.count(CARD) == 1 and "emergency" in shown
    assert GO_ON_OR_STOP not in shown and Hard.PART not in shown and Hard.CLOSING not in shown
    data = tomllib.loads(entry_files(home)[0].read_text(encoding="utf-8"))
    kept = [(c["kind"], c["value"]) for c in data["care"]]
    assert ("rating", 9) in kept and ("grounding", "done") in kept and ("stop", "stopped") in kept


def test_the_safety_question_needs_an_explicit_answer_and_no_shows_the_card(
    cli: Cli, terminal: Typing, home: Path
) -> None:
    assert cli("config", "contact", "add", "Robin", "text 555 0199").exit_code == 0
    # not now; then Enter alone, which is not an answer; then no; then pause at what care asks
    shown = run(cli, terminal, home, 8, pick(2), ENTER, line("no"), CTRL_C).stdout
    shown_in_order(shown, OFFER, "Ctrl-C pauses", SAFE, CARD, "Robin", GOING_ON, "Paused.")
    # paused while care holds the run (after "not safe"): the people first, as the hold puts them
    shown_in_order(shown, GOING_ON, "If it is still a lot right now:", "Robin: text", "Paused.")
    assert shown.count(CARD) == 1  # shown after the no, not after the Enter alone
    assert GO_ON_OR_STOP not in shown
    draft = tomllib.loads(draft_files(home)[0].read_text(encoding="utf-8"))
    assert {a["step"]: a["value"] for a in draft["answers"]}["level"] == 8
    assert [c["value"] for c in draft["care"] if c["kind"] == "safe"] == [False]


def test_enter_alone_at_the_safety_question_shows_nothing(
    cli: Cli, terminal: Typing, home: Path
) -> None:
    shown = run(cli, terminal, home, 8, pick(2), ENTER).stdout  # then the keys run out
    shown_in_order(shown, SAFE, "Paused.")
    assert CARD not in shown and GO_ON_OR_STOP not in shown


def test_the_card_comes_whenever_it_is_asked_for(cli: Cli, terminal: Typing, home: Path) -> None:
    keys = [pick(3), pick(2), line("yes"), pick(3), CTRL_C]  # the card; not now; safe; the card
    shown = run(cli, terminal, home, 8, *keys).stdout
    shown_in_order(shown, OFFER, CARD, "ground yourself now?", SAFE, GO_ON_OR_STOP, CARD)
    shown_in_order(shown, GO_ON_OR_STOP, CARD, GO_ON_OR_STOP, "Paused.")
    assert shown.count(CARD) == 2


def test_at_8_the_first_choice_stops_for_today_and_saves_with_a_closing_thanks(
    cli: Cli, terminal: Typing, home: Path
) -> None:
    shown = run(cli, terminal, home, 8, pick(2), line("yes"), pick(1), ENTER).stdout
    shown_in_order(shown, "Stopping here is a way of looking after yourself")  # no part met yet
    assert "Thank this part" not in shown
    shown_in_order(shown, "partsjournal exercise hard", "Saved.")
    assert answers_of(entry_files(home)[0]) == {"situation": "The phone call", "level": 8}
    assert draft_files(home) == []


def test_the_check_in_the_middle_can_be_skipped_or_bring_the_offer(
    cli: Cli, terminal: Typing, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keys = [line("The Guard"), line("Being left"), ENTER, line("Old grief"), CTRL_C]
    shown = run(cli, terminal, home, 3, *keys).stdout
    shown_in_order(shown, MIDWAY, "press Enter with nothing written to skip it", Hard.DEEPER)
    shown_in_order(shown, Hard.DEEPER, Hard.THANKS, "Paused.")
    assert OFFER not in shown
    # the Ctrl-C at the page was not taken for going on: the page is the next to ask
    assert "thanks" not in answers_of(draft_files(home)[0])

    home2 = home / "second"
    monkeypatch.setenv(paths.ENV_VAR, str(home2))
    keys = [line("The Guard"), line("Being left"), line("8"), pick(2), line("yes")]
    keys += [pick(2), ENTER, line("5"), ENTER]  # 8: stopping first; go on, by the shorter way
    result = run(cli, terminal, home2, 3, *keys)
    shown_in_order(result.stdout, MIDWAY, OFFER, SAFE, GO_ON_OR_STOP, Hard.THANKS, "Saved.")
    got = answers_of(entry_files(home2)[0])
    assert "deeper" not in got and got["fears"] == "Being left"
    assert "stirred_now" not in got  # the check only looks after you; it is not an answer


def test_every_screen_says_ctrl_c_pauses_and_every_list_offers_pause_here(
    cli: Cli, terminal: Typing, home: Path
) -> None:
    shown = run(cli, terminal, home, 8, pick(4)).stdout  # after the list's three: "Pause here"
    shown_in_order(shown, OFFER, "Paused.")
    # one line per screen: the situation and the rating each had it
    assert shown.count("Ctrl-C pauses") >= 2
    assert answers_of(draft_files(home)[0]) == {"situation": "The phone call", "level": 8}
    assert "a few minutes of grounding" not in shown  # grounding was just offered


# --- observations of issue 22 ----------------------------------------------------------


def test_ctrl_c_at_9_shows_the_people_and_resume_asks_how_it_is_now(
    cli: Cli, terminal: Typing, home: Path
) -> None:
    assert cli("config", "contact", "add", "Robin", "text 555 0199").exit_code == 0
    shown = run(cli, terminal, home, 9, pick(2), CTRL_C).stdout  # not now; Ctrl-C at "safe?"
    shown_in_order(shown, SAFE, "Paused.", "If it is still a lot right now:")
    shown_in_order(shown, "Robin: text 555 0199", "partsjournal ground")

    # asked before anything else; "safe" was never said since the 9: asked, then stop or go on
    with terminal.typing(line("3"), line("yes"), pick(2), CTRL_C):  # go on, gently
        result = cli("resume")
    shown = result.stdout
    shown_in_order(
        shown, "Welcome back", "How stirred up are you now?", SAFE, GO_ON_OR_STOP, "shorter way"
    )
    shown_in_order(shown, "shorter way", "Paused.")
    assert "If it is still a lot right now:" not in shown  # 3 now: no card's people
    care = tomllib.loads(draft_files(home)[0].read_text(encoding="utf-8"))["care"]
    said = [(c["kind"], c["value"], c.get("moment")) for c in care]
    assert said[-2:] == [("rating", 3, "resume"), ("safe", True, "resume")]


def test_not_safe_twice_is_held_to_the_end_with_one_line_after_the_card(
    cli: Cli, terminal: Typing, home: Path
) -> None:
    assert cli("config", "contact", "add", "Robin", "text 555 0199").exit_code == 0
    keys = [pick(2), line("no"), pick(1)]  # not now; not safe; too much right now: grounding
    keys += [ENTER, line("9"), line("no")]  # the grounding pause, and "no" a second time
    keys += [pick(4)]  # stop here for today
    shown = run(cli, terminal, home, 10, *keys).stdout
    shown_in_order(shown, SAFE, CARD, GOING_ON, "Feel both feet", "Safe enough to go on")
    # the "no" inside "too much"'s grounding is thanked as the first was, then the line
    shown_in_order(shown, "Feel both feet", NOT_SAFE_AGAIN, "If you need someone: Robin")
    shown_in_order(shown, "If you need someone: Robin: text 555 0199", HOLD)
    shown_in_order(shown, HOLD, "Before you close this", "reach out to Robin", "Saved.")
    later = shown[shown.rindex("Safe enough to go on right now?") :]
    assert CARD not in later and GOING_ON not in later  # the card once, the follow-up once
    assert Hard.PART not in shown and Hard.CLOSING not in shown
    assert shown.rstrip().endswith("partsjournal ground")  # the one line, at the close
    data = tomllib.loads(entry_files(home)[0].read_text(encoding="utf-8"))
    assert [c["value"] for c in data["care"] if c["kind"] == "safe"] == [False, False]


def test_ctrl_c_at_the_card_offer_pauses_and_the_offer_comes_again(
    cli: Cli, terminal: Typing, home: Path, support_offer: None
) -> None:
    assert cli("note", "snapped at J; chest tight").exit_code == 0  # the README's first step
    write_hard(home)
    with terminal.typing(CTRL_C):
        result = cli("exercise", "hard")
    shown_in_order(result.stdout, "set up your support card?", "Nothing was started")
    assert Hard.SITUATION not in result.stdout
    keys = [line("yes"), line("Riverside clinic"), line("012 345 999"), ENTER, ENTER, ENTER]
    with terminal.typing(*keys, CTRL_C):
        result = cli("exercise", "hard")
    shown_in_order(result.stdout, "set up your support card?", "Your clinic or therapist")
    shown_in_order(result.stdout, "after hours", "office hours", "A crisis line you would call")
    shown_in_order(result.stdout, "Who would you like on your card?", Hard.SITUATION)
    shown = cli("config").stdout
    assert "Riverside clinic" in shown and "012 345 999" in shown
