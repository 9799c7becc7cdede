"""Asking plainly, never scanning silently (observation 3): thoughts of ending one's life are a
choice of their own wherever urges are asked about; after a session one plain question at most
once a day; and once a run when the person writes such words, showing them which words."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from partsjournal.core import care_record as rec
from partsjournal.core import sessions
from partsjournal.core import vocabulary as vocab
from partsjournal.core.errors import JournalError
from partsjournal.flow import care, care_words, exercises, runner, session_day
from partsjournal.flow.engine import Run
from tests.askers import FakeAsker, PausesAt
from tests.conftest import Cli
from tests.helpers import TODAY, flat_screen, freeze_today
from tests.pty_helpers import write_exercise

ASK = care_words.THOUGHTS_ASK
HOLD = care_words.HOLD_ASK
AFTER = [
    {"id": "level", "kind": "scale", "role": "activation-before", "text": "How stirred up?"},
    {"id": "fragments", "kind": "long_text", "role": "situation", "text": "What is still here?"},
    {"id": "images", "kind": "long_text", "optional": True, "text": "Images or colours?"},
    {"id": "closing", "kind": "guide", "text": "That is enough for now."},
]
CALM = {"level": 3, "fragments": "Light through a window", "images": ""}


def write_after(home: Path, *, ask: bool = True) -> str:
    write_exercise(home, "capture", AFTER, ask_thoughts=ask)
    return "capture"


@pytest.fixture(autouse=True)
def capture(home: Path) -> str:
    """The small capture every test here runs (asking the plain question after a session)."""
    return write_after(home)


def session_days_ago(*days: int) -> None:
    for n in days:
        sessions.add(TODAY.date() - timedelta(days=n), created=TODAY)


def run(asker: FakeAsker, name: str = "capture") -> object:
    return runner.walk_and_save(Run(exercise=exercises.get(name)), asker, TODAY)


@pytest.mark.parametrize(
    ("days_ago", "asked"),
    [
        ((), False),  # no session at all
        ((0,), True),
        ((14,), True),
        ((15,), True),  # the latest session, none after it: the weeks after a course
        ((42,), True),
        ((43,), False),
        ((15, -7), False),  # another session is coming: not the end of a course
        ((30, 20), True),  # the latest of them, 20 days on, none after
        ((-3,), False),  # only a coming session
        ((2, -7), True),  # days 0-14 count whatever comes next
    ],
)
def test_the_weeks_after_a_session(home: Path, days_ago: tuple[int, ...], asked: bool) -> None:
    session_days_ago(*days_ago)
    assert session_day.weeks_after(TODAY.date()) is asked


def test_in_passing_is_kept_with_one_line_and_the_run_goes_on(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session_days_ago(3)
    asker = FakeAsker(dict(CALM), [(ASK, "In passing: they came and went")])
    entry = run(asker)
    assert entry is not None and asker.asked[:2] == ["level", "fragments"]
    assert asker.questions == [ASK]  # asked right after the start rating, nothing more
    shown = flat_screen(capsys.readouterr().out)
    assert care_words.THOUGHTS_IN_PASSING in shown and care_words.CARD.opening not in shown
    assert care_words.THOUGHTS_DAILY in shown  # the weeks after a session: said so
    assert [(i.kind, i.value, i.moment) for i in entry.care] == [  # type: ignore[attr-defined]
        ("rating", 3, "start"), ("thoughts", "in passing", "daily"),
    ]  # fmt: skip


def test_yes_right_now_shows_the_card_crisis_line_first_and_ends_the_dialogue(
    home: Path, cli: Cli, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli("config", "contact", "add", "Robin", "text 555 0199").exit_code == 0
    assert cli("config", "crisis-line", "Night line 0800 111").exit_code == 0
    session_days_ago(1)
    asker = FakeAsker(dict(CALM), [(ASK, "Yes, right now"), (HOLD, care_words.HOLD_STOP)])
    entry = run(asker)
    assert entry is not None and asker.asked == ["level"]  # no question of the exercise
    assert asker.replies == []
    shown = flat_screen(capsys.readouterr().out)
    card = shown[shown.index(care_words.CRISIS_LEAD) :]
    assert card.index("Night line") < card.index("Robin")
    assert care_words.ENDING_TITLE in shown and "That is enough for now" not in shown
    kept = [(i.kind, i.value) for i in entry.care]  # type: ignore[attr-defined]
    assert ("thoughts", "yes, right now") in kept and ("card", "shown") in kept


def test_yes_right_now_keeps_grounding_and_the_people_within_reach_before_the_ending(
    home: Path, cli: Cli, capsys: pytest.CaptureFixture[str]
) -> None:
    """Walked in a terminal (journey on the evening of a session, "It would be easier not to
    be here anymore", then "Yes, right now"): the card, the ending, and the shell prompt, at
    once. Alone at night that leaves nothing to hold on to but a command to type. The dialogue
    ends there as before; what follows is what care offers after "not safe" (grounding, the
    people on the card, a few words, stopping), with no second question about feeling safe,
    and stopping comes to the same ending."""
    from tests.pty_helpers import write_tiny_grounding

    write_tiny_grounding(home)
    assert cli("config", "crisis-line", "Night line 0800 111").exit_code == 0
    session_days_ago(0)
    asker = FakeAsker(
        {"level": 4, "fragments": "It would be easier not to be here anymore"},
        [
            (ASK, "No"),  # the daily question, right after the start rating
            (ASK, "Yes, right now"),  # once more, after the person's own words
            (HOLD, care_words.HOLD_GROUND),
            (HOLD, care_words.HOLD_NOTE),
            (HOLD, care_words.HOLD_STOP),
        ],
    )
    # the tiny grounding pause (a rating, "felt safe"), and the few words
    asker.answers.update({"distress": 6, "safe": True, "hold_note": "Calling the line now."})
    entry = run(asker)
    assert entry is not None and asker.replies == []
    assert care_words.SAFE not in asker.questions  # not asked on top of "yes, right now"
    assert "images" not in asker.asked  # the dialogue ended at the person's own words
    shown = flat_screen(capsys.readouterr().out)
    assert shown.index(care_words.THOUGHTS_RIGHT_NOW) < shown.index(care_words.HOLD_INTRO_REACH)
    assert shown.index(care_words.HOLD_INTRO_REACH) < shown.index(care_words.ENDING_TITLE)
    assert "call your crisis line, Night line 0800 111" in shown
    assert [(i.kind, i.value) for i in entry.care] == [  # type: ignore[attr-defined]
        ("rating", 4), ("thoughts", "no"), ("thoughts", "yes, right now"), ("card", "shown"),
        ("grounding", "done"), ("rating", 6), ("safe", True),
        ("note", "Calling the line now."), ("stop", "stopped"),
    ]  # fmt: skip


def test_no_is_thanked_and_the_run_goes_on(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    session_days_ago(0)
    asker = FakeAsker(dict(CALM), [(ASK, "No")])
    assert run(asker) is not None and asker.asked[-1] == "closing"
    assert care_words.THOUGHTS_NO in capsys.readouterr().out


def test_at_most_once_a_day(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    session_days_ago(2)
    assert run(FakeAsker(dict(CALM), [(ASK, "No")])) is not None
    again = FakeAsker(dict(CALM))  # the same day: the question would fail this asker
    assert run(again) is not None and again.questions == []
    freeze_today(monkeypatch, TODAY + timedelta(days=1))
    tomorrow = FakeAsker(dict(CALM), [(ASK, "No")])
    assert run(tomorrow) is not None and tomorrow.replies == []


def test_an_answer_in_a_paused_run_counts_for_the_day(home: Path) -> None:
    session_days_ago(2)
    assert run(PausesAt("fragments", dict(CALM), [(ASK, "No")])) is None
    later = FakeAsker(dict(CALM))
    assert run(later) is not None and later.questions == []


def test_an_exercise_that_does_not_ask_never_asks(home: Path) -> None:
    session_days_ago(0)
    write_after(home, ask=False)
    asker = FakeAsker(dict(CALM))
    assert run(asker) is not None and asker.questions == []


def test_journey_and_after_session_ask_and_no_other_shipped_exercise_does() -> None:
    shipped = [exercises.load_file(f) for f in exercises.builtin_dir().glob("*.toml")]
    assert len(shipped) > 5
    assert {ex.name for ex in shipped if ex.ask_thoughts} == {"journey", "after-session"}


# --------------------------------------------------------------------------- their own words


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("That I would kill myself instead", "kill myself"),
        ("It would be easier not to be here anymore", "not to be here anymore"),
        ("KILL   MYSELF", "KILL MYSELF"),
        ("I don\u2019t want to live like this", "don't want to live"),  # a typographic apostrophe
        ("sometimes I feel suicidal", "suicidal"),
        ("I wish I were dead", "wish I were dead"),
        ("I'm killing time until the session", None),
        ("a skill myself and others share", None),
        ("I want to live fully", None),
        ("", None),
    ],
)
def test_which_words_bring_the_question(text: str, found: str | None) -> None:
    assert care.explicit_words(text) == found


def test_written_words_bring_the_question_once_showing_which_words(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_after(home, ask=False)
    asker = FakeAsker(
        {**CALM, "fragments": "It would be easier not to be here anymore"},
        [(ASK, "No")],
    )
    asker.answers["images"] = "Grey. I want to die, I wrote it again"
    asked_before: list[str] = []
    real = asker.select

    def select(question: str, choices: list[str]) -> str:
        asked_before.extend(asker.asked)
        return real(question, choices)

    asker.select = select  # type: ignore[method-assign]
    entry = run(asker)
    assert entry is not None and asker.questions == [ASK]  # once a run
    assert asked_before == ["level", "fragments"]  # right after the words, before going on
    shown = flat_screen(capsys.readouterr().out)
    assert "You wrote “not to be here anymore”. So we ask plainly, once:" in shown
    kept = [(i.kind, i.value, i.moment, i.step) for i in entry.care]  # type: ignore[attr-defined]
    assert ("thoughts", "no", "words", None) in kept


def test_words_at_a_firefighters_fears_are_asked_about_before_anything_else(home: Path) -> None:
    answers = {
        "situation": "Late", "activation_before": 5, "what_it_does": "rage or lashing out",
        "name_part": "The Fire", "willing": True, "feel_toward": "curious",
        "appreciate": "It shows up", "stops": "Shame", "fears": "That I would kill myself instead",
        "stirred_now": "", "tender": False, "needs": "Rest", "feel_toward_end": "curious",
        "next_step": "rest for now", "activation_after": 4,
    }  # fmt: skip
    asker = FakeAsker(answers, [(ASK, "In passing: they came and went")])
    assert run(asker, "firefighter") is not None
    after_fears = asker.asked[asker.asked.index("fears") + 1]
    assert after_fears == "stirred_now" and asker.questions == [ASK]  # the question came first


def test_a_scripted_run_says_which_words_on_stderr_with_the_card(
    home: Path, cli: Cli, tmp_path: Path
) -> None:
    write_after(home, ask=False)
    f = tmp_path / "a.toml"
    f.write_text('level = 3\nfragments = "I want to kill myself"\n', encoding="utf-8")
    result = cli("exercise", "capture", "--answers", str(f))
    assert result.exit_code == 0, result.output
    said = flat_screen(result.stderr)
    assert "You wrote “kill myself”." in said and care_words.CARD.opening in said


# --------------------------------------------------------------------------- urges


def test_every_shipped_urges_step_offers_thoughts_of_ending_my_life() -> None:
    found = [s for n in exercises.names() for s in exercises.get(n).steps if s.role == vocab.URGES]
    assert found  # the firefighter asks
    assert all("thoughts of ending my life" in (s.choices or []) for s in found)


def test_an_urges_step_without_the_risky_choices_is_refused(home: Path) -> None:
    write_exercise(
        home,
        "urgent",
        [
            {
                "id": "u", "kind": "choice", "role": "urges", "text": "What?",
                "choices": ["urges to hurt myself", "wanting more of a substance or medicine"],
            }
        ],
    )  # fmt: skip
    with pytest.raises(JournalError, match="thoughts of ending my life"):
        exercises.get("urgent")


@pytest.mark.parametrize(
    ("chosen", "card"),
    [
        ("wanting more of a substance or medicine", True),
        ("urges to hurt myself", True),
        ("numbs me out or shuts me down", False),
    ],
)
def test_a_risky_urge_shows_the_card_once_and_asks_safe_enough_to_go_on(
    home: Path, capsys: pytest.CaptureFixture[str], chosen: str, card: bool
) -> None:
    answers = {
        "situation": "Late", "activation_before": 5, "what_it_does": chosen,
        "safe_now": True, "name_part": "The Fire", "willing": False,
    }  # fmt: skip
    asker = FakeAsker(answers)
    entry = run(asker, "firefighter")
    assert entry is not None
    shown = flat_screen(capsys.readouterr().out)
    assert shown.count(care_words.CARD.opening) == int(card)
    assert ("safe_now" in asker.asked) is card
    medicine = "medicine" in asker.asked
    assert medicine is (chosen == "wanting more of a substance or medicine")
    risks = [i.value for i in entry.care if i.kind == rec.RISK]  # type: ignore[attr-defined]
    assert risks == ([vocab.URGE_RISKS[chosen]] if card else [])


def test_the_medicine_gets_its_own_plain_words() -> None:
    step = exercises.get("firefighter").step("medicine")
    assert step is not None
    text = " ".join(step.text.split()).lower()
    for words in (
        "only what was prescribed", "no extra doses", "no alcohol", "tell your prescriber",
        "someone you trust to keep the medicine",
    ):  # fmt: skip
        assert words in text


def test_care_never_asks_about_plans_or_means_and_never_labels_a_risk() -> None:
    said = [
        care_words.THOUGHTS_ASK, care_words.THOUGHTS_DAILY, care_words.THOUGHTS_WORDS,
        care_words.THOUGHTS_QUESTIONNAIRE,
        care_words.THOUGHTS_IN_PASSING, care_words.THOUGHTS_RIGHT_NOW, care_words.GOING_ON_ASK,
        care_words.CRISIS_LEAD, care_words.RATHER_NOT_LEAD, care_words.SOMEONE_LEAD,
        care_words.BODY_LEAD, care_words.URGE_ENDING_LEAD, care_words.HOLD_INTRO,
        care_words.HOLD_INTRO_REACH,
        care_words.HOLD_ASK, care_words.HOLD_NOTE_ASK, care_words.ENDING_PRIVATE,
        *care_words.THOUGHTS_CHOICES, *care_words.GOING_ON_CHOICES,
    ]  # fmt: skip
    text = " ".join(said).lower()
    for never in ("plan", "method", "means", "how would you", "risk", "level of", "score"):
        assert never not in text, never


def test_the_day_a_session_is_recorded_later_does_not_change_what_was_asked(
    home: Path,
) -> None:
    """What was asked is kept with its own time: the record says when, not the entry."""
    session_days_ago(1)
    entry = run(FakeAsker(dict(CALM), [(ASK, "No")]))
    [item] = [i for i in entry.care if i.kind == rec.THOUGHTS]  # type: ignore[attr-defined]
    assert item.at == TODAY and item.at.date() == date(2026, 11, 23)


@pytest.mark.parametrize(
    ("shown", "kept"),
    [("No", rec.NO), ("In passing: they came and went", rec.IN_PASSING)],
)
def test_the_graded_question_can_be_asked_from_one_place(
    shown: str, kept: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A questionnaire's safety item asks the same question and keeps it the same way,
    opened with the caller's own sentence (never "the weeks after a session")."""
    current = Run(exercise=exercises.get("capture"))
    asker = FakeAsker(replies=[(ASK, shown)])
    opening = "An opening of the caller's own."
    assert care.ask_plainly(asker, current, moment="questionnaire", opening=opening) == kept
    said = flat_screen(capsys.readouterr().out)
    assert opening in said and care_words.THOUGHTS_DAILY not in said
    assert [(i.kind, i.value, i.moment) for i in current.care] == [
        ("thoughts", kept, "questionnaire")
    ]
    assert rec.THOUGHTS_ANSWERS == (rec.NO, rec.IN_PASSING, rec.RIGHT_NOW)


def test_yes_right_now_from_one_place_ends_the_run(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    current = Run(exercise=exercises.get("capture"))
    with pytest.raises(care.Ended):
        care.ask_plainly(
            FakeAsker(replies=[(ASK, "Yes, right now")]), current, moment="q", opening="Why."
        )
    assert [i.kind for i in current.care] == ["thoughts", "card"]
    shown = flat_screen(capsys.readouterr().out)
    assert care_words.CARD.opening in shown
    assert care_words.CARD.during_exercise not in shown  # it ends here: nothing to pause


def test_after_yes_right_now_the_hold_puts_reaching_someone_first(
    home: Path, cli: Cli, capsys: pytest.CaptureFixture[str]
) -> None:
    """Walked at night, the day after a session: "Yes, right now", the card (crisis line
    first, "Please reach out now"), then a menu that began with "A few slow minutes of
    grounding", under a line naming the clinic's after-hours line, and an ending that named
    it again. Alone with thoughts of ending your life, reaching a person comes first, and
    the hold names the one the card put first."""
    assert (
        cli("config", "therapist", "Dr Lee", "020 0001", "--after-hours", "020 0999").exit_code == 0
    )
    assert cli("config", "crisis-line", "Night line 0800 111").exit_code == 0
    session_days_ago(1)
    offered: list[list[str]] = []
    asker = FakeAsker(
        dict(CALM),
        [(ASK, "Yes, right now"), (HOLD, care_words.HOLD_PEOPLE), (HOLD, care_words.HOLD_STOP)],
    )
    real = asker.select

    def select(question: str, choices: list[str]) -> str:
        if question == HOLD:
            offered.append(choices)
        return real(question, choices)

    asker.select = select  # type: ignore[method-assign]
    assert run(asker) is not None
    first = [care_words.HOLD_PEOPLE, care_words.HOLD_GROUND]
    assert offered == [[*first, care_words.HOLD_NOTE, care_words.HOLD_STOP]] * 2
    shown = flat_screen(capsys.readouterr().out)
    held = shown[shown.index(care_words.HOLD_INTRO_REACH) :]
    assert care_words.CARD.reminder.format(who="your crisis line, Night line 0800 111") in held
    again = held[held.index(care_words.CARD.reach_out) :]  # the card asked for again
    assert again.index("Night line") < again.index("after hours")
    assert "call your crisis line, Night line 0800 111" in held
    assert "after-hours" not in held
