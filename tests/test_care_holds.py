"""Care that holds to the end of a run: after "not safe", thoughts of ending one's life or
distress still 9-10 after grounding, no more dialogue with a part, only grounding, the card's
people, a free note or stopping, and an ending of its own. In process, with the small
exercise the tests write (``helpers.write_dialogue``)."""

from __future__ import annotations

import itertools
import json
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from partsjournal.core import care_record as rec
from partsjournal.core import drafts, sessions
from partsjournal.core.care_record import CareItem
from partsjournal.core.entry import Entry, load_range, new_id, save_new
from partsjournal.flow import care_state, care_talk, care_words, exercises, runner, session_day
from partsjournal.flow.engine import Paused, Run
from partsjournal.render import care_lines
from tests.askers import AutoAsker, FakeAsker, PausesAt
from tests.conftest import Cli, entry_files
from tests.helpers import DIALOGUE_CLOSING, TODAY, flat_screen, freeze_today, write_dialogue
from tests.keys import CTRL_C, Typing, line, pick
from tests.pty_helpers import write_exercise

CARD = care_words.CARD.opening
OFFER = "ground yourself first"
HOLD = care_words.HOLD_ASK
DIALOGUE_AFTER_MIDDLE = ("deeper", "thanks", "after", "closing")
GO_ON_GENTLY = (care_words.GO_ON_OR_STOP, care_words.GO_ON)

UP_TO_THE_MIDDLE = {"level": 5, "part": "The Watcher", "feelings": "Heavy", "fears": "Falling"}


def walk(asker: FakeAsker, name: str = "dialogue") -> Any:
    return runner.walk_and_save(Run(exercise=exercises.get(name)), asker, TODAY)


def hold_offers(asker: FakeAsker, menu: str = HOLD) -> list[list[str]]:
    """The choices of each ``menu`` (the hold's, unless named) ``asker`` is shown, filled in
    as the run goes."""
    offered: list[list[str]] = []
    real = asker.select

    def select(question: str, choices: list[str]) -> str:
        if question == menu:
            offered.append(choices)
        return real(question, choices)

    asker.select = select  # type: ignore[method-assign]
    return offered


# "not safe" at 8, and "I would rather not say": care holds the run from there
NOT_SAFE_AT_8 = [
    (OFFER, care_words.NOT_NOW),
    (care_words.SAFE, False),
    ("What is going on", "I would rather not say"),
]


def kinds(items: list[CareItem]) -> list[tuple[str, object]]:
    return [(i.kind, i.value) for i in items]


def test_not_safe_in_the_middle_holds_the_run_to_an_ending_of_its_own(
    home: Path, cli: Cli, capsys: pytest.CaptureFixture[str]
) -> None:
    """Observation 1: mid-check 10, grounding "not now", "not safe": the card, one follow-up,
    never "go on, gently", and at the end no ordinary closing."""
    assert cli("config", "contact", "add", "Robin", "text 555 0199").exit_code == 0
    write_dialogue(home)
    asker = FakeAsker(
        {**UP_TO_THE_MIDDLE, "stirred_now": 10},
        [
            *NOT_SAFE_AT_8,
            (HOLD, care_words.HOLD_STOP),
        ],
    )
    entry = walk(asker)
    assert entry is not None and asker.replies == []
    assert care_words.GO_ON_OR_STOP not in asker.questions
    assert not set(DIALOGUE_AFTER_MIDDLE) & set(asker.asked)
    shown = flat_screen(capsys.readouterr().out)
    assert shown.count(CARD) == 1  # the whole card once; what follows is the focused part
    assert care_words.ENDING_TITLE in shown and care_words.ENDING_PRIVATE in shown
    assert "reach out to Robin, text 555 0199" in shown  # one concrete next step
    assert DIALOGUE_CLOSING not in shown
    assert kinds(entry.care) == [
        ("rating", 5), ("rating", 10), ("grounding", "declined"), ("safe", False),
        ("card", "shown"), ("going-on", "rather not say"), ("stop", "stopped"),
    ]  # fmt: skip
    assert [i.moment for i in entry.care if i.kind == "rating"] == ["start", "middle"]


@pytest.mark.parametrize("robin", [True, False], ids=["a card with Robin", "an empty card"])
def test_a_second_not_safe_shows_one_line_and_asks_nothing_twice(
    home: Path, cli: Cli, capsys: pytest.CaptureFixture[str], robin: bool
) -> None:
    """The second "no" is thanked; "the people on your card" only to a person who has some
    (a walk with an empty card read it, then "If you need someone: findahelpline.com")."""
    if robin:
        assert cli("config", "contact", "add", "Robin", "text 555 0199").exit_code == 0
    write_dialogue(home)
    asker = FakeAsker(
        {**UP_TO_THE_MIDDLE, "stirred_now": 9, "distress": 6, "safe": False},
        [
            (OFFER, care_words.NOT_NOW),
            (care_words.SAFE, False),
            ("What is going on", "I am not safe from someone"),
            (HOLD, care_words.HOLD_GROUND),  # grounding again: "no" a second time
            (HOLD, care_words.HOLD_STOP),
        ],
    )
    entry = walk(asker)
    assert entry is not None and asker.replies == []
    assert sum("What is going on" in q for q in asker.questions) == 1
    out = capsys.readouterr().out
    shown = flat_screen(out)
    assert shown.count(CARD) == 1
    who = "Robin: text 555 0199" if robin else "findahelpline.com"
    reminder = care_words.CARD.reminder.format(who=who)
    # after the second "no" (where the card was), and at the close; never right under itself
    assert out.count(reminder) == 2
    # the second "no" is thanked as the first was, then the line (a walk saw the line alone)
    thanks = care_words.NOT_SAFE_AGAIN if robin else care_words.NOT_SAFE_AGAIN_NOBODY
    other = care_words.NOT_SAFE_AGAIN_NOBODY if robin else care_words.NOT_SAFE_AGAIN
    again = shown.index(thanks)
    assert shown.count(thanks) == 1 and other not in shown
    assert shown.index(flat_screen(reminder), again) < shown.index(care_words.ENDING_TITLE)
    assert out.rstrip().endswith(reminder)
    assert care_words.ENDING_EMERGENCY in shown  # not safe from someone: emergency first
    assert [i.value for i in entry.care if i.kind == "safe"] == [False, False]


def trigger_safe_step(home: Path) -> tuple[str, FakeAsker]:
    steps = [
        {"id": "level", "kind": "scale", "role": "activation-before", "text": "Level?"},
        {"id": "safe_now", "kind": "yes_no", "role": "safety", "text": "Safe enough to go on?"},
        *HARD_STEPS_AFTER,
    ]
    write_exercise(home, "stepped", steps)
    return "stepped", FakeAsker(
        {"level": 3, "safe_now": False},
        [("What is going on", "I would rather not say"), (HOLD, care_words.HOLD_STOP)],
    )


def trigger_still_9_after_grounding(home: Path) -> tuple[str, FakeAsker]:
    return write_dialogue(home), FakeAsker(
        {"level": 9, "distress": 9, "safe": True},
        [(OFFER, care_words.GROUND), (HOLD, care_words.HOLD_STOP)],
    )


def trigger_urges(home: Path) -> tuple[str, FakeAsker]:
    steps = [
        {"id": "level", "kind": "scale", "role": "activation-before", "text": "Level?"},
        {
            "id": "urges",
            "kind": "choice",
            "role": "urges",
            "text": "What does it do?",
            "choices": [
                "urges to hurt myself",
                "wanting more of a substance or medicine",
                "thoughts of ending my life",
                "numbs me out",
            ],
        },
        *HARD_STEPS_AFTER,
    ]
    write_exercise(home, "urged", steps)
    return "urged", FakeAsker(
        {"level": 4, "urges": "thoughts of ending my life"},
        [(care_words.SAFE, True), (HOLD, care_words.HOLD_STOP)],
    )


def trigger_thoughts_after_not_safe(home: Path) -> tuple[str, FakeAsker]:
    return write_dialogue(home), FakeAsker(
        {"level": 8},
        [
            (OFFER, care_words.NOT_NOW),
            (care_words.SAFE, False),
            ("What is going on", "Thoughts of ending my life"),
            (HOLD, care_words.HOLD_STOP),
        ],
    )


HARD_STEPS_AFTER: list[dict[str, object]] = [
    {"id": "part", "kind": "part", "role": "part", "text": "Which part?"},
    {"id": "closing", "kind": "guide", "text": "Thank {part}. " + DIALOGUE_CLOSING},
]


@pytest.mark.parametrize(
    "trigger",
    [
        trigger_safe_step,
        trigger_still_9_after_grounding,
        trigger_urges,
        trigger_thoughts_after_not_safe,
    ],
    ids=lambda t: t.__name__.removeprefix("trigger_"),
)
def test_every_way_into_holding_ends_the_dialogue_with_care(
    home: Path, capsys: pytest.CaptureFixture[str], trigger: Any
) -> None:
    name, asker = trigger(home)
    entry = walk(asker, name)
    assert entry is not None and asker.replies == []
    assert "part" not in asker.asked and "closing" not in asker.asked
    shown = flat_screen(capsys.readouterr().out)
    assert care_words.ENDING_TITLE in shown and DIALOGUE_CLOSING not in shown
    assert care_words.HOLD_INTRO_REACH in shown  # a person first: none of these is "too much"
    assert ("stop", "stopped") in kinds(entry.care)


def test_the_holds_words_never_suppose_a_part_was_met() -> None:
    """A hold can open at the first question, before any part is met: its words speak of
    the person and the exercise, never of "a part" (walked: "no more questions to a part"
    before one had been named)."""
    for text in (care_words.HOLD_INTRO, care_words.HOLD_INTRO_REACH, care_words.HOLD_ASK):
        assert "part" not in text.lower().replace("partsjournal", "")


@pytest.mark.parametrize(
    ("trigger", "card_right_above"),
    [
        (trigger_safe_step, True),
        (trigger_still_9_after_grounding, True),
        (trigger_urges, False),  # "Do you feel safe right now?" came between
        (trigger_thoughts_after_not_safe, True),
    ],
    ids=lambda t: t.__name__.removeprefix("trigger_") if callable(t) else str(t),
)
def test_the_hold_opens_with_the_cards_line_only_when_a_question_came_since_the_card(
    home: Path, cli: Cli, capsys: pytest.CaptureFixture[str], trigger: Any, card_right_above: bool
) -> None:
    """Walked in a terminal: every way into a hold printed a card, then the hold's opening,
    then "If you need someone: ...", naming again who the card right above had just named."""
    assert cli("config", "contact", "add", "Sam", "text 555 0100").exit_code == 0
    name, asker = trigger(home)
    capsys.readouterr()
    assert walk(asker, name) is not None
    out = capsys.readouterr().out
    reminder = care_words.CARD.reminder.format(who="Sam: text 555 0100")
    opening = max(out.rfind(care_words.HOLD_INTRO_REACH), out.rfind(care_words.HOLD_INTRO))
    assert 0 < opening < out.index(care_words.ENDING_TITLE)
    in_the_hold = out[opening : out.index(care_words.ENDING_TITLE)]
    assert (reminder in in_the_hold) is not card_right_above
    assert out.rstrip().endswith(reminder)  # the close still says it, once the card is gone


def test_the_urge_of_ending_ones_life_shows_the_crisis_line_first(
    home: Path, cli: Cli, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli("config", "contact", "add", "Robin", "text 555 0199").exit_code == 0
    assert cli("config", "crisis-line", "Night line 0800 111").exit_code == 0
    name, asker = trigger_urges(home)
    walk(asker, name)
    shown = flat_screen(capsys.readouterr().out)
    card = shown[shown.index(care_words.URGE_ENDING_LEAD) :]
    assert card.index("Night line") < card.index("Robin")
    assert "call your crisis line, Night line 0800 111" in shown  # the ending's next step


def test_the_holding_menu_offers_only_grounding_people_a_note_or_stopping(home: Path) -> None:
    write_dialogue(home)
    asker = FakeAsker(
        {"level": 8, "hold_note": "I am scared and I called my sister"},
        [
            *NOT_SAFE_AT_8,
            (HOLD, care_words.HOLD_PEOPLE),
            (HOLD, care_words.HOLD_NOTE),
            (HOLD, care_words.HOLD_STOP),
        ],
    )
    offered = hold_offers(asker)
    entry = walk(asker)
    only = [care_words.HOLD_PEOPLE, care_words.HOLD_GROUND, care_words.HOLD_NOTE]
    assert len(offered) == 3 and all(c == [*only, care_words.HOLD_STOP] for c in offered)
    notes = [i.value for i in entry.care if i.kind == rec.NOTE]
    assert notes == ["I am scared and I called my sister"]  # never a word lost


@pytest.mark.parametrize("times", [0, 1, 2])
def test_each_card_asked_for_in_the_hold_is_kept_for_the_therapist(home: Path, times: int) -> None:
    """The whole card shown on "not safe" is kept once as "shown"; each time after that the
    person asks to see who they can reach, that is kept too, and read as asked for (a walk
    asked twice in the hold and the record said nothing of it)."""
    write_dialogue(home)
    asker = FakeAsker(
        {"level": 8},
        [
            *NOT_SAFE_AT_8,
            *[(HOLD, care_words.HOLD_PEOPLE)] * times,
            (HOLD, care_words.HOLD_STOP),
        ],
    )
    entry = walk(asker)
    assert entry is not None
    cards = [i.value for i in entry.care if i.kind == rec.CARD]
    assert cards == [rec.SHOWN, *[rec.ASKED] * times]
    said = [care_lines.item_words(i) for i in entry.care if i.kind == rec.CARD]
    assert said == ["the support card was shown", *["asked to see the support card again"] * times]


def test_on_the_day_of_a_session_the_ending_says_do_not_drive(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sessions.add(TODAY.date(), created=TODAY)
    name, asker = trigger_safe_step(home)
    assert runner.run_exercise(name, asker=asker) is not None
    shown = flat_screen(capsys.readouterr().out)
    assert care_words.ENDING_DRIVE in shown
    assert care_words.ENDING_NOBODY in shown  # an empty card: the emergency number, a directory


def test_the_day_after_a_session_the_ending_does_not_speak_of_driving(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sessions.add(TODAY.date() - timedelta(days=2), created=TODAY)
    name, asker = trigger_safe_step(home)
    assert runner.run_exercise(name, asker=asker) is not None
    shown = flat_screen(capsys.readouterr().out)
    assert care_words.ENDING_TITLE in shown and care_words.ENDING_DRIVE not in shown


SESSION_SUNDAY = date(2026, 11, 22)
AROUND_THE_NIGHT = [  # a moment after a session on Sunday, and the days after it
    ("2026-11-22 10:00", 0),
    ("2026-11-22 23:59", 0),
    ("2026-11-23 00:00", 0),
    ("2026-11-23 01:37", 0),  # the night after the session is still its day
    ("2026-11-23 05:59", 0),
    ("2026-11-23 06:00", 1),
    ("2026-11-23 12:00", 1),
    ("2026-11-23 23:59", 1),
    ("2026-11-24 00:00", 2),  # only the first night: day 2 starts at midnight
    ("2026-11-24 01:37", 2),
    ("2026-11-24 06:00", 2),
]


@pytest.mark.parametrize(("at", "days"), AROUND_THE_NIGHT)
def test_care_and_the_saved_entry_count_the_day_of_a_session_alike(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
    at: str, days: int,
) -> None:  # fmt: skip
    """One count (sessions.days_after) for care's ending ("today is a session day"), the
    day-of-session rule, the arc and the summary of the entry saved at that moment."""
    now = datetime.fromisoformat(at).replace(tzinfo=TODAY.tzinfo)
    freeze_today(monkeypatch, now)
    s = sessions.add(SESSION_SUNDAY, created=now)
    assert sessions.days_after(s.date, now) == days
    assert session_day.is_session_day(now) is (days == 0)
    assert sessions.arc_day(now, s, "after") == days
    name, asker = trigger_safe_step(home)
    entry = runner.run_exercise(name, asker=asker)
    assert entry is not None and entry.created == now and entry.session == s.id
    shown = flat_screen(capsys.readouterr().out)
    assert (care_words.ENDING_DRIVE in shown) is (days == 0)
    where = "the day of session 1" if days == 0 else f"day {days} after session 1"
    assert f"This entry is {where}." in shown
    assert sessions.describe(entry.created, s, "after") == where  # show, export, session show


def test_a_later_run_is_never_locked_out_and_first_asks_how_it_is_now(
    home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A later run the same day is never locked out, but it does not start as if nothing
    happened (walked in tmux: 25 minutes after two "not safe", a new protector run went
    straight on to a tender part): it first asks how stirred up the person is now and, below
    8, whether they feel safe; "yes" lifts the hold for later runs too, and offers stopping
    first, then going on (a seventh walk read "We will go gently" and the whole dialogue
    began, with no choice)."""
    name, asker = trigger_safe_step(home)
    assert walk(asker, name) is not None
    freeze_today(monkeypatch, TODAY + timedelta(minutes=25))
    again = FakeAsker(
        {"stirred_on_return": 2, "level": 2, "safe_now": True, "part": "The Watcher"},
        [(care_words.SAFE, True), GO_ON_GENTLY],
    )
    offered = hold_offers(again, care_words.GO_ON_OR_STOP)
    entry = walk(again, name)
    assert entry is not None and again.asked[-1] == "closing"
    assert again.asked[0] == "stirred_on_return" and again.texts[0] == care_words.EARLIER_NOT_SAFE
    assert again.questions == [care_words.SAFE, care_words.GO_ON_OR_STOP]
    assert offered[0][0] == care_words.STOP
    shown = flat_screen(capsys.readouterr().out)  # nothing was answered: it begins
    assert care_words.BEGINNING in shown and care_words.GOING_ON not in shown
    # this run was never paused: its check is said as coming back after a hard moment, true
    # of a resume too (a walk read "on coming back to it" in the export as a pause)
    said = [care_lines.item_words(i) for i in entry.care if i.moment == rec.RESUME]
    assert said and all("after a hard moment" in words for words in said)
    assert not any("to it" in words for words in said)
    freeze_today(monkeypatch, TODAY + timedelta(minutes=50))
    third = FakeAsker({"level": 2, "safe_now": True, "part": "The Watcher"})
    assert walk(third, name) is not None and third.asked[0] != "stirred_on_return"


@pytest.mark.parametrize(
    ("replies", "held_after"),
    [
        ([(care_words.SAFE, True), GO_ON_GENTLY], False),
        (
            [
                (care_words.SAFE, False),
                ("What is going on", "I would rather not say"),
                (HOLD, care_words.HOLD_STOP),
            ],
            True,
        ),
    ],
    ids=["safe: the hold is lifted", "not safe: this run is held too"],
)
def test_the_check_after_an_earlier_hold_keeps_holding_until_it_is_lifted(
    home: Path, monkeypatch: pytest.MonkeyPatch, replies: list[tuple[str, object]], held_after: bool
) -> None:
    name, asker = trigger_safe_step(home)
    assert walk(asker, name) is not None
    freeze_today(monkeypatch, TODAY + timedelta(minutes=25))
    again = FakeAsker(
        {"stirred_on_return": 2, "level": 2, "safe_now": True, "part": "The Watcher"}, replies
    )
    walk(again, name)
    assert again.asked[0] == "stirred_on_return" and again.replies == []
    assert ("closing" in again.asked) is not held_after
    assert (care_talk.held_earlier() is not None) is held_after


def test_pausing_at_9_shows_the_people_and_resume_asks_how_it_is_now(
    home: Path, cli: Cli, capsys: pytest.CaptureFixture[str]
) -> None:
    """Observation 5: activation 9, grounding "not now", Ctrl-C at the safety question."""
    assert cli("config", "contact", "add", "Robin", "text 555 0199").exit_code == 0
    write_dialogue(home)
    paused = PausesAt(care_words.SAFE, {"level": 9}, [(OFFER, care_words.NOT_NOW)])
    assert walk(paused) is None
    out = capsys.readouterr().out
    assert "Paused." in out and care_words.CARD.people_title in out
    assert out.index("Paused.") < out.index("Robin: text 555 0199")
    assert care_words.CARD.ground_line in out
    [draft] = drafts.load_all()
    assert kinds(draft.care) == [("rating", 9), ("grounding", "declined")]

    back = FakeAsker(
        {
            **{k: v for k, v in UP_TO_THE_MIDDLE.items() if k != "level"},
            "stirred_on_return": 4,
            "stirred_now": "",
            "deeper": "Old grief",
            "after": 3,
        },
        [(care_words.SAFE, True), GO_ON_GENTLY],  # never asked since the 9: asked now
    )
    offered = hold_offers(back, care_words.GO_ON_OR_STOP)
    entry = runner.resume(None, asker=back)
    assert entry is not None and back.asked[0] == "stirred_on_return" and back.replies == []
    assert offered[0][0] == care_words.STOP  # it was a lot when left: stopping first
    assert ("rating", 4) in kinds(entry.care)


def test_resume_at_8_or_more_grounds_first_and_keeps_what_it_saw(home: Path) -> None:
    write_dialogue(home)
    first = PausesAt(  # no part met yet: going on gently goes on to meet one, slowly
        "part",
        {"level": 8},
        [(OFFER, care_words.NOT_NOW), (care_words.SAFE, True), ("Go on", care_words.GO_ON)],
    )
    assert walk(first) is None
    back = AutoAsker(
        {"stirred_on_return": 9, "distress": 4, "safe": True, "after": 3},
        [(OFFER, care_words.GROUND), ("Go on, or stop", care_words.GO_ON)],
    )
    entry = runner.resume(None, asker=back)
    assert entry is not None and back.asked[:2] == ["stirred_on_return", "feet"]
    said = [(i.kind, i.value, i.moment) for i in entry.care]
    at = said.index(("rating", 9, "resume"))
    assert said[at:] == [
        ("rating", 9, "resume"), ("grounding", "done", None), ("rating", 4, "grounding"),
        ("safe", True, "grounding"), ("rating", 3, "end"),
    ]  # fmt: skip


class Choices(FakeAsker):
    """A :class:`FakeAsker` that keeps the choices of every list it was shown."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lists: list[list[str]] = []

    def select(self, question: str, choices: list[str]) -> str:
        self.lists.append(list(choices))
        return super().select(question, choices)


@pytest.mark.parametrize("level", [8, 9, 10])
def test_resuming_when_it_is_still_a_lot_offers_stopping_first_before_any_question(
    home: Path, level: int
) -> None:
    """Walked in a terminal: paused at 9 (grounding "not now", Ctrl-C at "do you feel safe?"),
    then ``resume`` at 9, grounding "not now", "yes": the dialogue went straight on to
    "Which part of me...?" with no choice to stop. Coming back at 8 or more is the same hard
    moment as in the run: stopping is offered first, before any question to a part."""
    write_dialogue(home)
    assert walk(PausesAt(care_words.SAFE, {"level": 9}, [(OFFER, care_words.NOT_NOW)])) is None
    back = Choices(
        {"stirred_on_return": level},
        [(OFFER, care_words.NOT_NOW), (care_words.SAFE, True), ("Go on, or stop", care_words.STOP)],
    )
    entry = runner.resume(None, asker=back)
    assert entry is not None and back.replies == []
    assert "part" not in back.asked and back.asked[-1] == "stopped_closing"
    assert back.lists[-1][0] == care_words.STOP  # stopping first
    said = [(i.kind, i.value, i.moment) for i in entry.care]
    assert said[-4:] == [
        ("rating", level, "resume"), ("grounding", "declined", None), ("safe", True, "resume"),
        ("stop", "stopped", None),
    ]  # fmt: skip


NOT_SAFE_THEN_PAUSE = [
    (OFFER, care_words.NOT_NOW),
    (care_words.SAFE, False),
    ("What is going on", "I would rather not say"),
]


def test_a_run_paused_while_care_held_it_comes_back_to_care_not_to_the_part(home: Path) -> None:
    write_dialogue(home)
    assert walk(PausesAt(HOLD, {"level": 8}, NOT_SAFE_THEN_PAUSE)) is None
    still = FakeAsker(
        {"stirred_on_return": 7}, [(care_words.SAFE, False), (HOLD, care_words.HOLD_STOP)]
    )
    assert runner.resume(None, asker=still) is not None
    assert "part" not in still.asked and still.replies == []


@pytest.mark.parametrize("choice", [care_words.GO_ON, care_words.STOP])
def test_a_later_sitting_that_feels_safe_goes_on_gently_or_stops(home: Path, choice: str) -> None:
    """Walked in a terminal: after "safe" at 3 the held run said "We will go gently" and went
    straight back into the dialogue with the part, without asking. It now asks: go on
    (slowly: no part was met yet, so there is no conversation to close by the shorter way,
    which would thank a part nobody met), or stop for today."""
    write_dialogue(home)
    assert walk(PausesAt(HOLD, {"level": 8}, NOT_SAFE_THEN_PAUSE)) is None
    calm = AutoAsker(
        {"stirred_on_return": 3}, [(care_words.SAFE, True), (care_words.GO_ON_OR_STOP, choice)]
    )
    offered = hold_offers(calm, care_words.GO_ON_OR_STOP)
    entry = runner.resume(None, asker=calm)
    assert entry is not None and calm.replies == []
    assert offered[0][0] == care_words.STOP  # so soon after a hold, stopping comes first
    assert calm.asked[-1] == ("closing" if choice == care_words.GO_ON else "stopped_closing")
    assert ("part" in calm.asked) is (choice == care_words.GO_ON)
    assert (("stop", "stopped") in kinds(entry.care)) is (choice == care_words.STOP)


@pytest.mark.parametrize("met", [None, "The Watcher"])
def test_the_shorter_way_to_the_close_is_taken_only_with_a_part_to_close_with(
    home: Path, met: str | None
) -> None:
    """Walked in a terminal: "Go on, gently" before any part was named led to "thank this
    part for talking with you", "how do you feel toward this part?" and "Looking back over
    this conversation", a conversation that never took place."""
    write_dialogue(home)
    current = Run(exercise=exercises.get("dialogue"), part_name=met)
    assert current.close_gently() is (met is not None)
    closes_with_a_part = any("{part}" in s.text for s in current.exercise.steps[-3:])
    assert closes_with_a_part  # the test's own exercise: its close thanks the part


def test_every_shipped_shorter_way_that_speaks_to_a_part_waits_for_one() -> None:
    """The rule over every shipped exercise with a shorter way to its close: without a part
    met, it is taken only when none of its steps speaks to a part (journey's, for one)."""
    shorter = [ex for ex in exercises.load_all() if ex.close_from]
    assert {"protector", "journey"} <= {ex.name for ex in shorter}
    for ex in shorter:
        ids = [s.id for s in ex.steps]
        speaks = any("{part}" in s.text for s in ex.steps[ids.index(ex.close_from) :])
        assert Run(exercise=ex).close_gently() is not speaks, ex.name
        assert Run(exercise=ex, part_name="The Watcher").close_gently(), ex.name


THOUGHTS_THEN_PAUSE = [*NOT_SAFE_THEN_PAUSE[:2], ("What is going on", "Thoughts of ending my life")]
NO_THOUGHTS_NOW = (care_words.THOUGHTS_ASK, "No")  # asked again on coming back after them


def coming_back(held_by: list[tuple[str, bool | str]]) -> list[tuple[str, bool | str]]:
    """The replies coming back after a hold begins with: the plain question again when
    thoughts of ending one's life held it."""
    return [NO_THOUGHTS_NOW] if held_by == THOUGHTS_THEN_PAUSE else []


@pytest.mark.parametrize(
    ("answers", "replies", "question"),
    [
        ({"level": 8}, NOT_SAFE_THEN_PAUSE, care_words.EARLIER_NOT_SAFE),
        ({"level": 8}, THOUGHTS_THEN_PAUSE, care_words.EARLIER_THOUGHTS),
        (
            {"level": 9, "distress": 9, "safe": True},
            [(OFFER, care_words.GROUND)],
            care_words.EARLIER_HIGH,
        ),
    ],
    ids=["not safe", "thoughts of ending my life", "still 9 after grounding"],
)
def test_a_run_paused_while_care_held_it_comes_back_naming_what_held_it(
    home: Path,
    capsys: pytest.CaptureFixture[str],
    answers: dict[str, object],
    replies: list[tuple[str, bool | str]],
    question: str,
) -> None:
    """Walked in a terminal: paused in the hold after "not safe" and "Thoughts of ending my
    life", ``resume`` opened with "Last time you stopped when it was a lot" and, after 3 and
    "safe", went straight on to the part. A held run comes back as a new run after a hold
    starts: naming what held it, and a yes goes on gently."""
    write_dialogue(home)
    assert walk(PausesAt(HOLD, answers, replies)) is None
    capsys.readouterr()
    calm = FakeAsker(
        {**UP_TO_THE_MIDDLE, "stirred_on_return": 3, "stirred_now": "", "deeper": "x", "after": 2},
        [*coming_back(replies), (care_words.SAFE, True), GO_ON_GENTLY],
    )
    entry = runner.resume(None, asker=calm)
    assert entry is not None and calm.replies == [] and calm.asked[-1] == "closing"
    assert calm.asked[0] == "stirred_on_return" and calm.texts[0] == question
    shown = flat_screen(capsys.readouterr().out)  # the welcome says what comes first
    assert "a moment to see how you are now" in shown and "from the next step" not in shown
    assert care_words.EARLIER_EASED in shown


@pytest.mark.parametrize(
    ("answers", "replies"),
    [
        ({"level": 8}, NOT_SAFE_THEN_PAUSE),
        ({"level": 8}, THOUGHTS_THEN_PAUSE),
        ({"level": 9, "distress": 9, "safe": True}, [(OFFER, care_words.GROUND)]),
    ],
    ids=["not safe", "thoughts of ending my life", "still 9 after grounding"],
)
@pytest.mark.parametrize(
    ("back", "lifting"),
    [
        ({"stirred_on_return": 3}, [(care_words.SAFE, True)]),
        ({"stirred_on_return": 7}, [(care_words.SAFE, True)]),
        (
            {"stirred_on_return": 8, "distress": 3, "safe": True},
            [(OFFER, care_words.GROUND)],
        ),
        (
            {"stirred_on_return": 8, "distress": 2},
            [(OFFER, care_words.NOT_NOW), (care_words.SAFE, True)],
        ),
    ],
    ids=["safe at 3", "safe at 7", "grounded from 8 to 3", "8, no grounding, safe"],
)
def test_however_a_hold_lifts_on_coming_back_stopping_is_offered_first(
    home: Path,
    answers: dict[str, object],
    replies: list[tuple[str, bool | str]],
    back: dict[str, object],
    lifting: list[tuple[str, bool | str]],
) -> None:
    """Walked in a terminal: held by thoughts of ending one's life, paused, and resumed a
    minute later at 8; grounding to 3 and "safe" lifted the hold, and "Go on, gently" came
    first (the rating after grounding was below 8). After a hold, in this run, stopping
    comes first whatever the last rating."""
    write_dialogue(home)
    assert walk(PausesAt(HOLD, answers, replies)) is None
    again = FakeAsker(back, [*coming_back(replies), *lifting, STOP_FOR_TODAY])
    offered = hold_offers(again, care_words.GO_ON_OR_STOP)
    entry = runner.resume(None, asker=again)
    assert entry is not None and again.replies == []
    assert offered and offered[0][0] == care_words.STOP
    assert ("stop", "stopped") in kinds(entry.care)


@pytest.mark.parametrize(("at", "ratings"), [("feet", []), ("safe", [4])])
def test_a_grounding_paused_partway_is_kept_as_paused_with_what_it_was_given(
    home: Path, at: str, ratings: list[int]
) -> None:
    """Walked in a terminal: Ctrl-C at grounding's first step, and ``show`` and ``export``
    said "took a few minutes of grounding" (it was kept as done before it began). A pause
    partway is kept as paused, with the answers given before it."""
    write_dialogue(home)
    paused = PausesAt(at, {"level": 9, "distress": 4}, [(OFFER, care_words.GROUND)])
    assert walk(paused) is None
    [draft] = drafts.load_all()
    grounding = [i for i in draft.care if i.kind == rec.GROUNDING]
    assert [i.value for i in grounding] == [rec.PAUSED]
    assert care_lines.item_words(grounding[0]) == "started grounding, paused partway"
    in_grounding = [i.number for i in draft.care if i.kind == rec.RATING]
    assert in_grounding == [9, *ratings]  # the start's 9, then what grounding was given
    # given inside a grounding a pause cut short: never read as "after grounding"
    said = [care_lines.item_words(i) for i in draft.care if i.moment == rec.IN_GROUNDING]
    assert said == [f"distress: {n} of 10, in grounding" for n in ratings]


AT = datetime(2026, 11, 23, 21, 0)
# what care keeps, one of each kind that can begin, keep or lift a hold
SAID = [
    CareItem(AT, rec.SAFE, False),
    CareItem(AT, rec.SAFE, True),
    CareItem(AT, rec.RISK, rec.ENDING_LIFE),
    CareItem(AT, rec.THOUGHTS, rec.RIGHT_NOW, rec.WORDS),
    CareItem(AT, rec.GOING_ON, rec.THOUGHTS_OF_ENDING),
    CareItem(AT, rec.GOING_ON, rec.RATHER_NOT_SAY),
    CareItem(AT, rec.GOING_ON, rec.TOO_MUCH),
    CareItem(AT, rec.RATING, 9, rec.IN_GROUNDING),
    CareItem(AT, rec.RATING, 4, rec.IN_GROUNDING),
    CareItem(AT, rec.RATING, 3, rec.RESUME),
    CareItem(AT, rec.RATING, 9, rec.RESUME),
    CareItem(AT, rec.RATING, 10, rec.START),
    CareItem(AT, rec.CARD, rec.SHOWN),
]


LIFTED = [CareItem(AT, rec.RATING, 3, rec.RESUME), CareItem(AT, rec.SAFE, True)]


@given(
    earlier=st.lists(st.sampled_from(SAID), max_size=6),
    now=st.lists(st.sampled_from(SAID), max_size=4),
    held_by=st.sampled_from([i for i in SAID if care_state.holds(i)]),
    since=st.lists(st.sampled_from(SAID), max_size=4),
)
def test_the_question_after_a_hold_names_what_holds_now_never_a_hold_lifted_since(
    earlier: list[CareItem], now: list[CareItem], held_by: CareItem, since: list[CareItem]
) -> None:
    """Walked in a terminal: "not safe", lifted on coming back ("safe" at 3); later in the
    run still 9 after grounding held it, and the next resume opened with "Earlier you said you
    did not feel safe", which the person had since taken back. Whatever came before a lift,
    the question is the one the hold since then alone would ask."""
    later = [*now, held_by, *since]
    assume(care_state.still_holding(later))
    before = [*earlier, *LIFTED]
    assert not care_state.still_holding(before)
    assert care_talk.hold_question(before + later) == care_talk.hold_question(later)


class ChoosesPauseInTheHold(FakeAsker):
    """Picks "Pause here" (a list's own way to pause) in the hold's menu."""

    def select(self, question: str, choices: list[str]) -> str:
        if question == HOLD:
            self.questions.append(question)
            raise Paused(chosen=True)
        return super().select(question, choices)


def test_pause_here_in_the_hold_shows_the_people_first_and_offers_no_grounding_of_its_own(
    home: Path, cli: Cli, capsys: pytest.CaptureFixture[str]
) -> None:
    """Walked in a terminal: "Pause here" in the hold after "Thoughts of ending my life" asked
    "Would you like a few minutes of grounding ...?" (the hold had just offered it, with a
    person first), and the pause screen put "Take all the time you need" above the people."""
    assert cli("config", "crisis-line", "Night line 0800 000").exit_code == 0
    write_dialogue(home)
    capsys.readouterr()
    asker = ChoosesPauseInTheHold({"level": 8}, THOUGHTS_THEN_PAUSE)
    assert walk(asker) is None and asker.replies == []
    assert care_words.PAUSE_GROUNDING not in asker.questions
    out = capsys.readouterr().out
    paused = out.rindex("Paused.")
    people = out.rindex(care_words.CARD.people_title)
    assert people < out.index("Night line 0800 000", people) < paused
    assert len(drafts.load_all()) == 1


class PausesWritingTheNote(FakeAsker):
    """Pauses (Ctrl-C) in the hold's few words, with ``typed`` started."""

    def __init__(self, typed: str, *args: Any) -> None:
        super().__init__(*args)
        self.typed = typed

    def ask(self, step: Any, text: str, number: int, total: int, typed: str = "") -> Any:
        if step.id == care_talk.NOTE_STEP:
            raise Paused(step=step.id, partial=self.typed)
        return super().ask(step, text, number, total, typed)


STARTED = "I keep thinking everyone would be better off without me.\nI texted Sam"
CALM_AGAIN = {**UP_TO_THE_MIDDLE, "stirred_on_return": 3, "stirred_now": "", "deeper": "x"}


STOP_FOR_TODAY = (care_words.GO_ON_OR_STOP, care_words.STOP)


@pytest.mark.parametrize(
    ("answers", "replies", "lifted"),
    [
        ({**CALM_AGAIN, "after": 2}, [(care_words.SAFE, True), GO_ON_GENTLY], True),
        ({"stirred_on_return": 3}, [(care_words.SAFE, True), STOP_FOR_TODAY], True),
        (
            {"stirred_on_return": 7},
            [(care_words.SAFE, False), (HOLD, care_words.HOLD_STOP)],
            False,
        ),
        (
            {"stirred_on_return": 9},
            [(OFFER, care_words.NOT_NOW), (care_words.SAFE, True), (HOLD, care_words.HOLD_STOP)],
            False,
        ),
        (
            {"stirred_on_return": 8, "distress": 3, "safe": True},
            [(OFFER, care_words.GROUND), STOP_FOR_TODAY],
            True,
        ),
    ],
    ids=[
        "lifted, going on",
        "lifted, stopping",
        "stopped in the hold",
        "stopped after the hard moment",
        "lifted by grounding, stopping",
    ],
)
def test_words_started_in_the_hold_are_kept_however_the_run_goes_on(
    home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    answers: dict[str, object],
    replies: list[tuple[str, bool | str]],
    lifted: bool,
) -> None:
    """Walked in a terminal: Ctrl-C while writing the hold's few words said "What you had
    started typing is kept too"; the resumed run lifted the hold, the note was never offered
    again, and the saved entry had no trace of it. When the hold lifts, that they are kept
    is said at once, before "Go on, or stop here for today?" (a later walk saw it after the
    choice, or not at all when stopping). They are dated when they were written, before
    what was said on coming back (a third walk saw them after "felt safe")."""
    write_dialogue(home)
    paused = PausesWritingTheNote(
        STARTED, {"level": 8}, [*THOUGHTS_THEN_PAUSE, (HOLD, care_words.HOLD_NOTE)]
    )
    assert walk(paused) is None
    capsys.readouterr()
    freeze_today(monkeypatch, TODAY + timedelta(hours=2))  # coming back later that night
    again = AutoAsker(answers, [NO_THOUGHTS_NOW, *replies])
    entry = runner.resume(None, asker=again)
    assert entry is not None and again.replies == []
    assert [(i.value, i.at) for i in entry.care if i.kind == rec.NOTE] == [(STARTED, TODAY)]
    kinds_in_order = [(i.kind, i.moment) for i in entry.care]
    unfinished = (rec.NOTE, rec.UNFINISHED)  # kept, and kept as left by a pause
    assert kinds_in_order.index(unfinished) < kinds_in_order.index((rec.RATING, rec.RESUME))
    [note] = [i for i in entry.care if i.kind == rec.NOTE]
    assert care_lines.item_words(note).startswith("had started writing, paused before finishing")
    assert [i.at for i in entry.care] == sorted(i.at for i in entry.care)
    assert care_talk.NOTE_STEP not in again.asked  # kept as it was, not asked for again
    assert drafts.load_all() == []
    out = capsys.readouterr().out
    assert (care_words.HOLD_NOTE_KEPT_LATER in out) is lifted
    if lifted:
        said = out.index(care_words.HOLD_NOTE_KEPT_LATER)
        eased = out.find(care_words.EARLIER_EASED)  # said when "safe" lifts it, not grounding
        assert eased < said
        assert again.questions.index(care_words.GO_ON_OR_STOP) == len(again.questions) - 1
        after_choice = [care_words.GENTLE_CLOSE, care_words.GOING_ON, DIALOGUE_CLOSING]
        assert all(said < out.find(words) for words in after_choice if words in out)


def test_a_pause_at_go_on_or_stop_after_a_hold_brings_the_choice_back(home: Path) -> None:
    """Walked in a terminal: the hold lifted ("safe" at 3), "Pause here" at "Go on, or stop
    here for today?", and ``resume`` went straight into the whole dialogue with the part, a
    few minutes after thoughts of ending one's life were named."""
    write_dialogue(home)
    assert walk(PausesAt(HOLD, {"level": 8}, THOUGHTS_THEN_PAUSE)) is None
    at_the_choice = PausesAt(
        care_words.GO_ON_OR_STOP,
        {"stirred_on_return": 3},
        [NO_THOUGHTS_NOW, (care_words.SAFE, True)],
    )
    assert runner.resume(None, asker=at_the_choice) is None
    choosing = AutoAsker({}, [STOP_FOR_TODAY])
    offered = hold_offers(choosing, care_words.GO_ON_OR_STOP)
    entry = runner.resume(None, asker=choosing)
    assert entry is not None and choosing.replies == []
    assert offered[0][0] == care_words.STOP  # asked again alike
    assert choosing.questions[0] == care_words.GO_ON_OR_STOP
    assert not {"part", "deeper"} & set(choosing.asked)
    assert ("stop", "stopped") in kinds(entry.care)


def test_the_cards_line_is_never_said_twice_in_a_row(
    home: Path, cli: Cli, capsys: pytest.CaptureFixture[str]
) -> None:
    """Walked in a terminal: in the hold, grounding, then "no" to "do you feel safe?": the
    card's one line came (in place of the card shown earlier) and again right under it,
    before the hold's menu."""
    assert cli("config", "contact", "add", "Sam", "text 555 0100").exit_code == 0
    write_dialogue(home)
    capsys.readouterr()
    asker = FakeAsker(
        {"level": 8, "distress": 5, "safe": False},
        [*THOUGHTS_THEN_PAUSE, (HOLD, care_words.HOLD_GROUND), (HOLD, care_words.HOLD_STOP)],
    )
    assert walk(asker) is not None and asker.replies == []
    lines = [line.strip() for line in capsys.readouterr().out.splitlines() if line.strip()]
    said = [n for n, line in enumerate(lines) if line.startswith("If you need someone:")]
    assert len(said) >= 2  # in the hold after grounding, and at the close
    assert all(b - a > 1 for a, b in itertools.pairwise(said))


def test_a_pause_in_the_hold_after_thoughts_of_ending_ones_life_lists_the_crisis_line_first(
    home: Path, cli: Cli, capsys: pytest.CaptureFixture[str]
) -> None:
    """Walked in a terminal: the hold named the crisis line first, as the card had after
    "Thoughts of ending my life"; Ctrl-C there listed the clinic's after-hours line first."""
    assert cli("config", "therapist", "Riverside Clinic", "--after-hours", "013").exit_code == 0
    assert cli("config", "crisis-line", "Night line 0800 000").exit_code == 0
    write_dialogue(home)
    capsys.readouterr()
    assert walk(PausesAt(HOLD, {"level": 8}, THOUGHTS_THEN_PAUSE)) is None
    out = capsys.readouterr().out
    people = out[out.rindex(care_words.CARD.people_title) :]
    assert people.index("Night line 0800 000") < people.index("013")


def test_the_card_asked_for_in_the_hold_is_not_followed_by_its_own_line(
    home: Path, cli: Cli, capsys: pytest.CaptureFixture[str]
) -> None:
    """Walked in a terminal: "Show me who I can reach" printed the whole card and right under
    it "If you need someone: ...", repeating its first line (the line belongs to the screens
    after the card, as everywhere else)."""
    assert cli("config", "contact", "add", "Sam", "text 555 0100").exit_code == 0
    name, _ = trigger_safe_step(home)
    capsys.readouterr()
    asker = FakeAsker(
        {"level": 3, "safe_now": False},
        [
            ("What is going on", "I would rather not say"),
            (HOLD, care_words.HOLD_PEOPLE),
            (HOLD, care_words.HOLD_NOTE),
            (HOLD, care_words.HOLD_STOP),
        ],
    )
    asker.answers["hold_note"] = "Scared of the night."
    assert walk(asker, name) is not None and asker.replies == []
    out = capsys.readouterr().out
    reminder = care_words.CARD.reminder.format(who="Sam: text 555 0100")
    asked_for = out.rindex(CARD)  # the card "Show me who I can reach" brought
    kept = out.index(care_words.HOLD_NOTE_KEPT, asked_for)
    assert reminder not in out[asked_for:kept]  # not right under the card
    assert reminder in out[kept:]  # and again once something else was on the screen


def test_grounding_on_its_own_at_9_holds_the_run_too(home: Path) -> None:
    write_exercise(
        home,
        "grounding",
        [
            {"id": "feet", "kind": "guide", "text": "Feet."},
            {"id": "distress", "kind": "scale", "role": "distress", "text": "Distress?"},
            {"id": "safe", "kind": "yes_no", "role": "safety", "text": "Safe?"},
            {"id": "closing", "kind": "guide", "text": "Thank yourself."},
        ],
    )
    asker = FakeAsker({"distress": 10}, [(care_words.SAFE, True), (HOLD, care_words.HOLD_STOP)])
    entry = runner.walk_and_save(Run(exercise=exercises.get("grounding")), asker, TODAY)
    assert entry is not None and "closing" not in asker.asked


def test_a_scripted_run_that_is_not_safe_keeps_every_answer_of_the_file(
    cli: Cli, tmp_path: Path, home: Path
) -> None:
    name, _ = trigger_safe_step(home)
    f = tmp_path / "a.toml"
    f.write_text('level = 3\nsafe_now = false\npart = "The Watcher"\n', encoding="utf-8")
    result = cli("exercise", name, "--answers", str(f))
    assert result.exit_code == 0, result.output
    assert CARD in result.stderr and care_words.ENDING_PRIVATE in flat_screen(result.stderr)
    [entry] = load_range()
    assert {a.step: a.value for a in entry.answers} == {
        "level": 3, "safe_now": False, "part": "The Watcher",
    }  # fmt: skip
    assert ("safe", False) in kinds(entry.care)


ROUTES = [
    ("Thoughts of ending my life", care_words.CRISIS_LEAD, "Night line"),
    ("An urge to hurt myself", care_words.HURT_LEAD, "Night line"),
    ("I would rather not say", care_words.RATHER_NOT_LEAD, "Night line"),
    ("I am not safe from someone", care_words.SOMEONE_LEAD, None),
    ("My body feels wrong", care_words.BODY_LEAD, "Your clinic after hours"),
]


def test_every_answer_to_what_is_going_on_has_a_route_and_a_line_for_the_therapist() -> None:
    """Walked in a terminal: after "urges to hurt myself" and "not safe", the list had no
    answer for the urge itself. Every answer offered is routed (the table below, or
    grounding for too much), kept as one of the record's values and said in the brief."""
    routed = {said for said, _, _ in ROUTES} | {"It is too much right now"}
    assert routed == set(care_words.GOING_ON_CHOICES)
    assert sorted(care_words.GOING_ON_CHOICES.values()) == sorted(rec.GOING_ON_ANSWERS)
    assert set(care_lines.GOING_ON_WORDS) == set(rec.GOING_ON_ANSWERS)


@pytest.mark.parametrize(("said", "lead", "first"), ROUTES)
def test_each_answer_to_what_is_going_on_is_routed(
    home: Path, cli: Cli, capsys: pytest.CaptureFixture[str], said: str, lead: str, first: str
) -> None:
    assert cli("config", "contact", "add", "Robin", "text 555 0199").exit_code == 0
    assert cli("config", "crisis-line", "Night line 0800 111").exit_code == 0
    assert cli("config", "therapist", "Riverside", "012", "--after-hours", "013").exit_code == 0
    name, asker = trigger_safe_step(home)
    asker.replies[0] = ("What is going on", said)
    assert walk(asker, name) is not None
    shown = flat_screen(capsys.readouterr().out)
    after = shown[shown.index(lead) :]
    if first is not None:  # the line that matters is listed first after the lead
        assert after.index(first) < after.index("Robin")
    assert rec.GOING_ON in dict(kinds(load_range()[0].care))


@pytest.mark.parametrize(
    ("card", "next_step"),
    [
        ([], care_words.ENDING_BODY),
        ([("contact", "add", "Robin", "text 555 0199")], care_words.ENDING_BODY),
        ([("crisis-line", "Night line 0800 111")], care_words.ENDING_BODY),
        (
            [("therapist", "Riverside", "012", "--after-hours", "013")],
            "call your clinic's after-hours line (Riverside), 013",
        ),
        ([("therapist", "Riverside", "012")], "contact Riverside, 012"),
    ],
)
def test_a_body_that_feels_wrong_ends_with_the_clinic_or_the_emergency_number(
    home: Path,
    cli: Cli,
    capsys: pytest.CaptureFixture[str],
    card: list[tuple[str, ...]],
    next_step: str,
) -> None:
    """Walked in a terminal on the evening of a session, with an empty card: "not safe", "my
    body feels wrong", stop: the ending's next step was "call your local emergency number, or
    a crisis line". A crisis line is for thoughts of dying, not for a body that feels wrong
    after the medicine: without a clinic on the card, the next step is the clinic's own
    number or the emergency number; a friend or a crisis line is not put first."""
    for args in card:
        assert cli("config", *args).exit_code == 0
    name, asker = trigger_safe_step(home)
    asker.replies[0] = ("What is going on", "My body feels wrong")
    assert walk(asker, name) is not None
    ending = flat_screen(capsys.readouterr().out).split(care_words.ENDING_TITLE)[1]
    assert next_step in ending
    assert "crisis line" not in ending.split(care_words.ENDING_PRIVATE)[0]


def test_too_much_right_now_grounds_first(home: Path) -> None:
    name, asker = trigger_safe_step(home)
    write_dialogue(home)  # the small grounding pause
    asker.replies[0] = ("What is going on", "It is too much right now")
    asker.answers.update({"distress": 5, "safe": True})
    entry = walk(asker, name)
    assert entry is not None and asker.asked[-3:] == ["feet", "distress", "safe"]
    assert ("grounding", "done") in kinds(entry.care)


def test_too_much_right_now_keeps_grounding_first_in_the_hold(home: Path) -> None:
    """Only when the person said it is too much right now does grounding lead the hold;
    after thoughts of ending one's life, or "I would rather not say", a person comes first."""
    name, asker = trigger_safe_step(home)
    write_dialogue(home)
    asker.replies[0] = ("What is going on", "It is too much right now")
    asker.replies.append((HOLD, care_words.HOLD_STOP))
    asker.answers.update({"distress": 5, "safe": True})
    offered = hold_offers(asker)
    assert walk(asker, name) is not None
    assert all(c[0] == care_words.HOLD_GROUND for c in offered)


@pytest.mark.parametrize(
    ("after_grounding", "first"),
    [
        ({"distress": 5, "safe": True}, care_words.HOLD_GROUND),  # it helped
        ({"distress": 7, "safe": False}, care_words.HOLD_PEOPLE),  # still not safe
        ({"distress": 9, "safe": True}, care_words.HOLD_PEOPLE),  # still 9 of 10
        ({"distress": 10, "safe": False}, care_words.HOLD_PEOPLE),
    ],
)
def test_after_too_much_the_hold_puts_people_first_once_grounding_did_not_help(
    home: Path, after_grounding: dict[str, object], first: str
) -> None:
    """Walked in tmux: resume at 9, "not safe", "It is too much right now", the grounding
    pause, 7 and "not safe" again: the hold offered grounding first, the thing just tried.
    Grounding leads the hold only while it has not failed since the person said so."""
    name, asker = trigger_safe_step(home)
    write_dialogue(home)
    asker.replies[0] = ("What is going on", "It is too much right now")
    asker.replies.append((HOLD, care_words.HOLD_STOP))
    asker.answers.update(after_grounding)
    offered = hold_offers(asker)
    walk(asker, name)
    assert offered and all(c[0] == first for c in offered)


def test_each_moment_of_care_is_in_the_draft_as_soon_as_it_is_said(home: Path) -> None:
    """Closing the terminal while care holds the run loses nothing that was said."""
    write_dialogue(home)
    seen: list[list[tuple[str, object]]] = []

    class Looking(FakeAsker):
        def select(self, question: str, choices: list[str]) -> str:
            if question == HOLD:
                seen.append(kinds(drafts.load_all()[0].care))
            return super().select(question, choices)

    asker = Looking({"level": 8}, [*NOT_SAFE_THEN_PAUSE, (HOLD, care_words.HOLD_STOP)])
    assert walk(asker) is not None
    assert seen == [
        [("rating", 8), ("grounding", "declined"), ("safe", False), ("card", "shown"),
         ("going-on", "rather not say")],
    ]  # fmt: skip


def test_the_urge_to_hurt_oneself_says_what_to_do_if_harm_is_done_or_near() -> None:
    """Walked in a terminal: after "An urge to hurt myself" the card's emergency sentence
    gave way to the urge's lead, which named only the crisis line. Someone who has already
    hurt themselves needs the emergency number, and distance from the means is the step
    a safety plan asks for first."""
    lead = care_words.HURT_LEAD
    assert "local emergency number" in lead
    assert "hurt yourself" in lead
    assert "distance between you and whatever you might use" in lead
    assert "for this too" not in lead  # "too" had nothing before it on this card


def test_stopping_at_9_without_the_card_ends_with_the_people_on_it(
    home: Path, cli: Cli, capsys: pytest.CaptureFixture[str]
) -> None:
    """Walked in tmux: a tender part flooded, 9 of 10, "Stop here for today", "safe: yes":
    the close showed no one to reach and no grounding, only how to come back to the part.
    A run that ends at 8 or more, the card not shown, ends with the card's people."""
    assert cli("config", "contact", "add", "Robin", "text 555 0199").exit_code == 0
    write_dialogue(home)
    asker = FakeAsker(
        {"level": 9},
        [(OFFER, care_words.NOT_NOW), (care_words.SAFE, True), ("Go on, or stop", care_words.STOP)],
    )
    assert walk(asker) is not None
    out = capsys.readouterr().out
    after = out[out.index("Saved.") :]
    assert care_words.CARD.people_title in after and "Robin: text 555 0199" in after
    assert care_words.CARD.ground_line in after


def test_words_written_in_the_hold_are_in_the_reviews_for_your_therapist(
    home: Path, cli: Cli
) -> None:
    """Walked in tmux: "Write a few words (kept for you and your therapist)", then the review's
    "For your therapist" listed only the exercise's own answers, and its highlights said no
    reflections were written down this week."""
    write_dialogue(home)
    asker = FakeAsker(
        {"level": 8, "hold_note": "Texted Sam. Still shaky."},
        [
            *NOT_SAFE_AT_8,
            (HOLD, care_words.HOLD_NOTE),
            (HOLD, care_words.HOLD_STOP),
        ],
    )
    assert walk(asker) is not None
    result = cli("review", "--week", "--format", "json")
    assert result.exit_code == 0, result.output
    said = [q["text"] for q in json.loads(result.stdout)["for_therapist"]]
    assert said == ["Texted Sam. Still shaky."]
    shown = flat_screen(cli("review", "--week").stdout)
    assert "For your therapist" in shown and "Texted Sam. Still shaky." in shown


def test_words_left_unfinished_in_the_hold_are_reviewed_as_unfinished(home: Path, cli: Cli) -> None:
    """A walk paused mid-sentence in the hold ("i keep thinking that nobody would"): the
    review and the export gave it as a finished thought. They say it was left by a pause."""
    write_dialogue(home)
    paused = PausesWritingTheNote(
        "i keep thinking that nobody would",
        {"level": 8},
        [*NOT_SAFE_AT_8, (HOLD, care_words.HOLD_NOTE)],
    )
    assert walk(paused) is None
    stopping = AutoAsker(
        {"stirred_on_return": 9},
        [(OFFER, care_words.NOT_NOW), (care_words.SAFE, False), (HOLD, care_words.HOLD_STOP)],
    )
    assert runner.resume(None, asker=stopping) is not None
    said = [
        q["text"]
        for q in json.loads(cli("review", "--week", "--format", "json").stdout)["for_therapist"]
    ]
    assert said == ["i keep thinking that nobody would (left unfinished at a pause)"]
    exported = flat_screen(cli("export", "--since", TODAY.date().isoformat()).stdout)
    assert (
        "had started writing, paused before finishing: “i keep thinking that nobody would”"
        in exported
    )


def test_a_hold_is_remembered_past_midnight_and_forgotten_after_half_a_day(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Walked in tmux: "not safe" at 23:00 and 23:30, and at 00:10 a new run went straight
    to its first step: the hold had been kept to the calendar day."""
    name, asker = trigger_safe_step(home)
    assert walk(asker, name) is not None
    for later, held in ((timedelta(hours=1), True), (timedelta(hours=11), True)):
        freeze_today(monkeypatch, TODAY + later)  # 21:00 and 07:00 the next morning
        assert (care_talk.held_earlier() is not None) is held, later
    freeze_today(monkeypatch, TODAY + timedelta(hours=12, minutes=1))
    assert care_talk.held_earlier() is None


def test_a_yes_in_a_run_paused_right_after_it_lifts_the_hold(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Walked in tmux: 3 and "yes" at the check, then Ctrl-C at the first step: fifteen
    minutes later the same question came again, as if the yes had not been said. What care
    hears is in the draft at once, and a draft counts as much as a saved entry."""
    name, asker = trigger_safe_step(home)
    assert walk(asker, name) is not None
    freeze_today(monkeypatch, TODAY + timedelta(minutes=25))
    paused = PausesAt("level", {"stirred_on_return": 3}, [(care_words.SAFE, True), GO_ON_GENTLY])
    assert walk(paused, name) is None
    [draft] = drafts.load_all()
    assert kinds(draft.care) == [("rating", 3), ("safe", True)]
    assert care_talk.held_earlier() is None


@pytest.mark.parametrize(
    ("said", "question"),
    [
        ([CareItem(TODAY, rec.SAFE, False)], care_words.EARLIER_NOT_SAFE),
        ([CareItem(TODAY, rec.THOUGHTS, rec.RIGHT_NOW, rec.DAILY)], care_words.EARLIER_THOUGHTS),
        ([CareItem(TODAY, rec.RISK, rec.ENDING_LIFE)], care_words.EARLIER_THOUGHTS),
        ([CareItem(TODAY, rec.RATING, 9, rec.IN_GROUNDING)], care_words.EARLIER_HIGH),
        ([CareItem(TODAY, rec.RATING, 9, rec.START)], None),  # high, but care did not hold
        # "not safe", and then what was going on: thoughts of ending one's life are named
        (
            [
                CareItem(TODAY, rec.SAFE, False),
                CareItem(TODAY, rec.GOING_ON, rec.THOUGHTS_OF_ENDING),
            ],
            care_words.EARLIER_THOUGHTS,
        ),
        (
            [CareItem(TODAY, rec.SAFE, False), CareItem(TODAY, rec.GOING_ON, rec.URGE_TO_HURT)],
            care_words.EARLIER_NOT_SAFE,
        ),
    ],
)
def test_the_first_question_after_a_hold_says_only_what_happened(
    home: Path, said: list[CareItem], question: str | None
) -> None:
    """Walked in tmux: "you did not feel safe (or it stayed very high)" read like a form;
    the journal knows which it was."""
    save_new(
        Entry(
            id=new_id(TODAY), created=TODAY, exercise="e", exercise_version=1, title="T",
            care=said,
        )
    )  # fmt: skip
    assert care_talk.held_earlier() == question


def test_every_question_on_coming_back_asks_what_its_answer_is_kept_as() -> None:
    """The check on coming back (a resume at 8 or more, a held run, a new run after a hold)
    is kept as how stirred up the person is; a walk read "how are you now?" asked and "stirred
    up: 4 of 10" kept. And a pause is called a pause ("Last time you stopped" it said)."""
    kept_as = care_lines.rating_word(rec.RESUME)
    questions = [
        care_words.RESUME_LEVEL,
        care_words.EARLIER_NOT_SAFE,
        care_words.EARLIER_THOUGHTS,
        care_words.EARLIER_HIGH,
    ]
    assert all(f"how {kept_as} are you now?" in q.lower() for q in questions)
    assert "paused" in care_words.RESUME_LEVEL and "stopped" not in care_words.RESUME_LEVEL


@pytest.mark.parametrize("robin", [True, False], ids=["a card with Robin", "an empty card"])
@pytest.mark.parametrize(
    ("grounding", "safer"),
    [
        ({"distress": 3, "safe": True}, True),  # grounded down, and safe: no alarm
        ({"distress": 9, "safe": True}, False),  # still 9: right now
        ({"distress": 4, "safe": False}, False),  # not safe: right now
        (None, False),  # stopped at once, the last answer "not safe": right now
    ],
    ids=["grounded to 3, safe", "grounded, still 9", "grounded, not safe", "no grounding"],
)
def test_the_holds_ending_says_right_now_only_while_it_is_still_hard(
    home: Path,
    cli: Cli,
    capsys: pytest.CaptureFixture[str],
    robin: bool,
    grounding: dict[str, object] | None,
    safer: bool,
) -> None:
    """The seventh walk's therapist: after grounding back to 3 and "safe", the ending still
    said "One next step, right now: call your crisis line", ignoring what had just been said.
    The step stays; "right now" only while the last answer was "not safe" or 8 or more."""
    if robin:
        assert cli("config", "contact", "add", "Robin", "text 555 0199").exit_code == 0
    write_dialogue(home)
    in_hold = [(HOLD, care_words.HOLD_GROUND)] if grounding else []
    asker = FakeAsker(
        {"level": 8, **(grounding or {})}, [*NOT_SAFE_AT_8, *in_hold, (HOLD, care_words.HOLD_STOP)]
    )
    capsys.readouterr()
    assert walk(asker) is not None and asker.replies == []
    ending = flat_screen(capsys.readouterr().out).split(care_words.ENDING_TITLE)[-1]
    calm = care_words.ENDING_NEXT_SAFER if robin else care_words.ENDING_NOBODY_SAFER
    calm_start = calm.split("{")[0]
    assert (calm_start in ending) is safer
    assert ("right now" in ending.split(care_words.ENDING_PRIVATE)[0]) is not safer


@pytest.mark.parametrize("how", ["resumed", "a new run"])
@pytest.mark.parametrize(
    ("answer", "held"),
    [("No", False), ("In passing: they came and went", False), ("Yes, right now", True)],
    ids=["no", "in passing", "yes, right now"],
)
def test_coming_back_after_thoughts_of_ending_ones_life_asks_plainly_again(
    home: Path, monkeypatch: pytest.MonkeyPatch, how: str, answer: str, held: bool
) -> None:
    """The seventh walk: a hold for thoughts of ending one's life, paused, was lifted a
    minute later by 3 and "safe", with no word about the thoughts. Coming back (the run
    resumed, or a new run in the hours after) asks the plain question again after the
    number; "yes, right now" holds the run anew, whatever the number and "safe" say."""
    write_dialogue(home)
    if how == "resumed":
        assert walk(PausesAt(HOLD, {"level": 8}, THOUGHTS_THEN_PAUSE)) is None
    else:
        stopped = FakeAsker({"level": 8}, [*THOUGHTS_THEN_PAUSE, (HOLD, care_words.HOLD_STOP)])
        assert walk(stopped) is not None
        freeze_today(monkeypatch, TODAY + timedelta(minutes=5))
    then = [(HOLD, care_words.HOLD_STOP)] if held else [(care_words.SAFE, True), STOP_FOR_TODAY]
    again = FakeAsker({"stirred_on_return": 3}, [(care_words.THOUGHTS_ASK, answer), *then])
    entry = runner.resume(None, asker=again) if how == "resumed" else walk(again)
    assert entry is not None and again.replies == []
    assert again.texts[0] == care_words.EARLIER_THOUGHTS
    assert again.questions[0] == care_words.THOUGHTS_ASK  # right after the number
    back = [(i.kind, i.value) for i in entry.care if i.moment == rec.RESUME]
    assert back[:2] == [(rec.RATING, 3), (rec.THOUGHTS, care_words.THOUGHTS_CHOICES[answer])]
    assert (care_talk.held_earlier() is not None) is held


@pytest.mark.parametrize("how", ["Ctrl-C", "a closed input"])
def test_a_pause_at_the_page_after_stopping_for_today_still_saves_and_ends_calmly(
    home: Path, cli: Cli, terminal: Typing, how: str
) -> None:
    """Found while testing the card's line at 9: after "Stop here for today", the keys ran
    out at the page that thanks you for stopping, and the program said "something went wrong
    inside partsjournal (Paused)". A pause there stops all the same: the entry is saved."""
    write_dialogue(home)
    keys = [line("8"), pick(2), line("yes"), pick(1)]  # 8; not now; safe; stop here for today
    with terminal.typing(*keys, *([CTRL_C] if how == "Ctrl-C" else [])):
        result = cli("exercise", "dialogue")
    assert result.exit_code == 0, result.output
    assert "something went wrong" not in result.output
    assert len(entry_files(home)) == 1 and drafts.load_all() == []


@pytest.mark.parametrize(
    ("at", "before"),
    [
        ("feet", [(OFFER, care_words.GROUND)]),  # grounding left at its first step
        (care_words.SAFE, [(OFFER, care_words.NOT_NOW)]),  # left at "do you feel safe?"
    ],
    ids=["grounding left at its first step", "left at the safety question"],
)
def test_a_run_left_at_9_before_safe_was_said_asks_it_on_coming_back(
    home: Path, at: str, before: list[tuple[str, bool | str]]
) -> None:
    """The eighth walk: 9 at the start, grounding chosen and left by Ctrl-C at its first
    step; ``resume`` at 4 went straight on to the part, nobody having asked whether the
    person felt safe. Below 8 on coming back, "safe" is asked when it was never said since
    it was a lot, and then stopping is offered first."""
    write_dialogue(home)
    assert walk(PausesAt(at, {"level": 9}, before)) is None
    back = FakeAsker({"stirred_on_return": 4}, [(care_words.SAFE, True), STOP_FOR_TODAY])
    offered = hold_offers(back, care_words.GO_ON_OR_STOP)
    entry = runner.resume(None, asker=back)
    assert entry is not None and back.replies == [] and back.asked[0] == "stirred_on_return"
    assert offered[0][0] == care_words.STOP
    assert "part" not in back.asked  # stopped: the dialogue never came back
