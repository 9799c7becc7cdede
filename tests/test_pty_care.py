"""Care when it is hard, in a real terminal: grounding before the card, a safety question with
no default, going on by a shorter way or stopping with the entry saved, the check in the
middle, and pausing shown everywhere.

The exercise and the grounding pause are written by the tests (``pty_helpers``), so only these
behaviours, not shipped wording, are tested here.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pexpect

from tests.conftest import Cli, entry_files
from tests.helpers import answers_of
from tests.pty_helpers import (
    ENTER,
    answer_part,
    answer_scale,
    answer_text,
    draft_files,
    ground_tiny,
    pick,
    press_on,
    spawn,
    transcript,
    write_exercise,
    write_tiny_grounding,
)

CARD = "not a crisis service"
OFFER = "pause and ground yourself first?"
GO_ON_OR_STOP = "Go on, or stop here for today?"
SAFE = "Do you feel safe right now?"
MIDWAY = "How stirred up are you now?"


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


def start(home: Path, rating: int) -> pexpect.spawn:
    child = spawn(home, "exercise", write_hard(home))
    child.expect_exact(Hard.TITLE)
    answer_text(child, Hard.SITUATION, "The phone call")
    answer_scale(child, Hard.RATING, rating)
    return child


def end(child: pexpect.spawn) -> str:
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    return transcript(child)


def test_at_9_grounding_comes_first_and_no_card_when_safe_and_calmer(home: Path) -> None:
    child = start(home, 9)
    pick(child, OFFER, 0)
    assert CARD not in transcript(child)  # grounding is offered before any card
    ground_tiny(child, distress=4)  # answers "yes" to feeling safe
    pick(child, GO_ON_OR_STOP, 0)  # calmer now: going on comes first
    child.expect_exact("shorter way")
    press_on(child, Hard.THANKS)  # the gentle close: the part, fears and deeper are left out
    answer_scale(child, Hard.AFTER, 4)
    press_on(child, Hard.CLOSING)
    child.expect_exact("Saved.")
    shown = end(child)
    assert CARD not in shown and "emergency" not in shown
    assert SAFE not in shown  # the grounding pause asked it already: not asked twice
    got = answers_of(entry_files(home)[0])
    assert got == {"situation": "The phone call", "level": 9, "after": 4}


def test_still_9_after_grounding_shows_the_card_and_care_holds_the_run(home: Path) -> None:
    child = start(home, 9)
    pick(child, OFFER, 0)
    ground_tiny(child, distress=9)
    child.expect_exact(CARD)
    pick(child, "What would help now?", 3)  # only grounding, people, a note or stopping
    child.expect_exact("Before you close this")  # the care ending, not the exercise's close
    child.expect_exact("Nothing you wrote here is sent to anyone")
    child.expect_exact("Saved.")
    shown = end(child)
    assert shown.count(CARD) == 1 and "emergency" in shown
    assert GO_ON_OR_STOP not in shown and Hard.PART not in shown and Hard.CLOSING not in shown
    data = tomllib.loads(entry_files(home)[0].read_text(encoding="utf-8"))
    kept = [(c["kind"], c["value"]) for c in data["care"]]
    assert ("rating", 9) in kept and ("grounding", "done") in kept and ("stop", "stopped") in kept


def test_the_safety_question_needs_an_explicit_answer_and_no_shows_the_card(
    home: Path, cli: Cli
) -> None:
    assert cli("config", "contact", "add", "Robin", "text 555 0199").exit_code == 0
    child = start(home, 8)
    pick(child, OFFER, 1)  # not now
    child.expect_exact("Ctrl-C pauses")  # a text prompt says how to pause, too
    child.expect_exact(SAFE)
    child.expect_exact("type yes or no")
    child.send(ENTER)  # Enter alone is not an answer
    child.expect_exact("Please type yes or no.")
    assert CARD not in transcript(child)
    child.send("no" + ENTER)
    child.expect_exact(CARD)
    child.expect_exact("Robin")
    child.expect_exact("What is going on right now?")
    child.expect_exact("Pause here")
    child.sendcontrol("c")
    child.expect_exact("Paused.")
    child.expect_exact("Robin: text 555 0199")  # paused at 8 or more: the people first
    assert GO_ON_OR_STOP not in end(child)
    draft = tomllib.loads(draft_files(home)[0].read_text(encoding="utf-8"))
    assert {a["step"]: a["value"] for a in draft["answers"]}["level"] == 8
    assert [c["value"] for c in draft["care"] if c["kind"] == "safe"] == [False]


def test_the_card_comes_whenever_it_is_asked_for(home: Path) -> None:
    child = start(home, 8)
    pick(child, OFFER, 2)  # "Show me the support card"
    child.expect_exact(CARD)
    pick(child, "ground yourself now?", 1)  # not now
    child.expect_exact(SAFE)
    child.send("yes" + ENTER)
    pick(child, GO_ON_OR_STOP, 2)  # the card again
    child.expect_exact(CARD)
    child.expect_exact(GO_ON_OR_STOP)
    child.sendcontrol("c")
    child.expect_exact("Paused.")
    assert end(child).count(CARD) == 2


def test_at_8_enter_stops_for_today_and_saves_with_a_closing_thanks(home: Path) -> None:
    child = start(home, 8)
    pick(child, OFFER, 1)
    child.expect_exact(SAFE)
    child.send("yes" + ENTER)
    pick(child, GO_ON_OR_STOP, 0)  # Enter on the first choice: stopping, at 8 or more
    press_on(child, "Thank this part for what it showed you today")
    child.expect_exact("partsjournal exercise hard")
    child.expect_exact("Saved.")
    end(child)
    assert answers_of(entry_files(home)[0]) == {"situation": "The phone call", "level": 8}
    assert draft_files(home) == []


def test_the_check_in_the_middle_can_be_skipped_or_bring_the_offer(home: Path) -> None:
    child = start(home, 3)
    answer_part(child, Hard.PART, "The Guard")
    answer_text(child, Hard.FEARS, "Being left")
    child.expect_exact(MIDWAY)
    child.expect_exact("Enter to skip")
    child.send(ENTER)
    answer_text(child, Hard.DEEPER, "Old grief")
    child.expect_exact(Hard.THANKS)
    child.sendcontrol("c")
    child.expect_exact("Paused.")
    assert OFFER not in end(child)

    home2 = home / "second"
    child = start(home2, 3)
    answer_part(child, Hard.PART, "The Guard")
    answer_text(child, Hard.FEARS, "Being left")
    answer_scale(child, MIDWAY, 8)
    pick(child, OFFER, 1)
    child.expect_exact(SAFE)
    child.send("yes" + ENTER)
    pick(child, GO_ON_OR_STOP, 1)  # 8: stopping first; go on, by the shorter way
    press_on(child, Hard.THANKS)
    answer_scale(child, Hard.AFTER, 5)
    press_on(child, Hard.CLOSING)
    child.expect_exact("Saved.")
    end(child)
    got = answers_of(entry_files(home2)[0])
    assert "deeper" not in got and got["fears"] == "Being left"
    assert "stirred_now" not in got  # the check only looks after you; it is not an answer


def test_every_screen_says_ctrl_c_pauses_and_every_list_offers_pause_here(home: Path) -> None:
    child = start(home, 8)
    pick(child, OFFER, 3)  # the last entry, after the line: "Pause here"
    child.expect_exact("Paused.")
    shown = end(child)
    # one line per screen: the situation and the rating each had it
    assert shown.count("Ctrl-C pauses") >= 2
    assert answers_of(draft_files(home)[0]) == {"situation": "The phone call", "level": 8}
    assert "a few minutes of grounding" not in shown  # grounding was just offered


# --- observations of issue 22, in a real terminal ------------------------------------------

HOLD = "What would help now?"
GOING_ON = "What is going on right now?"


def test_ctrl_c_at_9_shows_the_people_and_resume_asks_how_it_is_now(home: Path, cli: Cli) -> None:
    assert cli("config", "contact", "add", "Robin", "text 555 0199").exit_code == 0
    child = start(home, 9)
    pick(child, OFFER, 1)  # not now
    child.expect_exact(SAFE)
    child.sendcontrol("c")
    child.expect_exact("Paused.")
    child.expect_exact("If it is still a lot right now:")
    child.expect_exact("Robin: text 555 0199")
    child.expect_exact("partsjournal ground")
    end(child)

    child = spawn(home, "resume")
    child.expect_exact("Welcome back")
    answer_scale(child, "How stirred up are you now?", 3)  # asked before anything else
    answer_part(child, Hard.PART, "The Guard")
    child.sendcontrol("c")
    child.expect_exact("Paused.")
    shown = end(child)
    assert shown.index("How stirred up are you now?") < shown.index(Hard.PART)
    assert "If it is still a lot right now:" not in shown  # 3 now: no card's people
    care = tomllib.loads(draft_files(home)[0].read_text(encoding="utf-8"))["care"]
    assert [(c["kind"], c["value"], c.get("moment")) for c in care][-1] == ("rating", 3, "resume")


def test_not_safe_twice_is_held_to_the_end_with_one_line_after_the_card(
    home: Path, cli: Cli
) -> None:
    assert cli("config", "contact", "add", "Robin", "text 555 0199").exit_code == 0
    child = start(home, 10)
    pick(child, OFFER, 1)  # not now
    child.expect_exact(SAFE)
    child.send("no" + ENTER)
    child.expect_exact(CARD)
    pick(child, GOING_ON, 0)  # it is too much right now: grounding
    press_on(child, "Feel both feet on the floor")
    answer_scale(child, "How much distress is here now?", 9)
    child.expect_exact("Safe enough to go on right now?")
    child.send("no" + ENTER)  # "no" a second time
    child.expect_exact("If you need someone: Robin: text 555 0199")
    pick(child, HOLD, 3)  # stop here for today
    child.expect_exact("Before you close this")
    child.expect_exact("reach out to Robin")
    child.expect_exact("Saved.")
    shown = end(child)
    later = shown[shown.rindex("Safe enough to go on right now?") :]
    assert CARD not in later and GOING_ON not in later  # the card once, the follow-up once
    assert Hard.PART not in shown and Hard.CLOSING not in shown
    assert shown.rstrip().endswith("partsjournal ground")  # the one line, at the close
    data = tomllib.loads(entry_files(home)[0].read_text(encoding="utf-8"))
    assert [c["value"] for c in data["care"] if c["kind"] == "safe"] == [False, False]


def test_ctrl_c_at_the_card_offer_pauses_and_the_offer_comes_again(home: Path, cli: Cli) -> None:
    assert cli("note", "snapped at J; chest tight").exit_code == 0  # the README's first step
    write_hard(home)
    child = spawn(home, "exercise", "hard", support_offer=True)
    child.expect_exact("set up your support card?")
    child.sendcontrol("c")
    child.expect_exact("Nothing was started")
    assert Hard.SITUATION not in end(child)
    child = spawn(home, "exercise", "hard", support_offer=True)
    child.expect_exact("set up your support card?")  # not taken as a no: asked again
    child.send("y")
    child.expect_exact("Your clinic or therapist")
    child.send("Riverside clinic" + ENTER)
    child.expect_exact("after hours")
    child.send("012 345 999" + ENTER)
    child.expect_exact("office hours")
    child.send(ENTER)
    child.expect_exact("A crisis line you would call")
    child.send(ENTER)
    child.expect_exact("Who would you like on your card?")
    child.send(ENTER)
    child.expect_exact(Hard.SITUATION)
    child.sendcontrol("c")
    end(child)
    shown = cli("config").stdout
    assert "Riverside clinic" in shown and "012 345 999" in shown
