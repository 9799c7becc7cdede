"""Care when it is hard, in a real terminal: grounding before the card, a safety question with
no default, going on by a shorter way or stopping with the entry saved, the check in the
middle, and pausing shown everywhere.

The exercise and the grounding pause are written by the tests (``pty_helpers``), so only these
behaviours, not shipped wording, are tested here.
"""

from __future__ import annotations

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


def test_still_9_after_grounding_shows_the_card(home: Path) -> None:
    child = start(home, 9)
    pick(child, OFFER, 0)
    ground_tiny(child, distress=9)
    pick(child, GO_ON_OR_STOP, 1)  # still 9: stopping comes first; go on is second
    press_on(child, Hard.THANKS)
    answer_scale(child, Hard.AFTER, 7)
    press_on(child, Hard.CLOSING)
    child.expect_exact("Saved.")
    shown = end(child)
    assert shown.count(CARD) == 1 and "emergency" in shown
    assert shown.index(CARD) < shown.index(GO_ON_OR_STOP)


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
    child.expect_exact(GO_ON_OR_STOP)
    child.sendcontrol("c")
    child.expect_exact("Paused.")
    end(child)
    assert answers_of(draft_files(home)[0])["level"] == 8


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
