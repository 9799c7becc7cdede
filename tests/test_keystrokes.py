"""Every keystroke means what was typed, on every kind of step, through the real prompts.

Driven in process (``tests/keys.py``). :func:`asked` types all its keys in one burst, as
the first question is drawn, so that every question after it finds its keys typed ahead;
a second question after each step shows that nothing typed for one question lands in the
next. Elsewhere the keys are typed a question at a time. When the keys run out the input
ends, which pauses: "paused" below means the step was not answered by what was typed.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from partsjournal import prompts
from partsjournal.core import messages as msg
from partsjournal.core.answers import AnswerValue
from partsjournal.flow import kinds
from partsjournal.flow.engine import GoBack, Paused
from partsjournal.flow.exercises import Step
from tests.conftest import Cli, entry_files
from tests.helpers import answers_of
from tests.keys import (
    CTRL_A,
    CTRL_B,
    CTRL_C,
    CTRL_D,
    DOWN,
    ENTER,
    ESC,
    UP,
    SignalledWhileCollected,
    Typing,
    as_typed,
    line,
    lines,
    pick,
    together,
)
from tests.pty_helpers import draft_files, write_exercise

PAUSED = "<paused>"
BACK = "<back>"
NEXT = Step(id="next", kind="text", text="And the next question?")


def step_of(kind: str, *, optional: bool = False) -> Step:
    choices = ["curious", "tired of it", "yes"] if kind == "choice" else None
    return Step(id="this", kind=kind, text=f"A {kind} step?", choices=choices, optional=optional)


def asked(terminal: Typing, keys: str, *steps: Step, number: int = 2) -> list[Any]:
    """The answers the steps get from ``keys``, typed in one burst (each question after
    the first finds its keys typed ahead), each asked in turn; a pause or a going back ends
    the list."""
    got: list[Any] = []
    with terminal.typing(together(keys)):
        asker = prompts.InteractiveAsker()
        try:
            for step in steps:
                got.append(asker.ask(step, step.text, number, 0))
        except Paused:
            got.append(PAUSED)
        except GoBack:
            got.append(BACK)
    return got


# what each kind makes of a word and Enter, typed ahead of it and of the next question
WORDS: list[tuple[str, str, AnswerValue]] = [
    ("guide", "yes", True),  # a page to read: Enter goes on, the word is not an answer
    ("text", "yes", "yes"),
    ("text", "no", "no"),
    ("text", "Y", "Y"),
    ("part", "yes", "yes"),
    ("part", "Y", "Y"),
    ("yes_no", "yes", True),
    ("yes_no", "no", False),
    ("yes_no", "Y", True),
    ("yes_no", "y", True),
    ("yes_no", "n", False),
    ("yes_no", "N", False),
    ("yes_no", "YES", True),
    ("yes_no", "No", False),
    ("scale", "7", 7),
    ("scale", "10", 10),
    ("scale", "0", 0),
]


@pytest.mark.parametrize(("kind", "word", "value"), WORDS)
def test_a_word_and_enter_answer_this_step_and_nothing_else(
    terminal: Typing, kind: str, word: str, value: AnswerValue
) -> None:
    assert asked(terminal, line(word) + line("then"), step_of(kind), NEXT) == [value, "then"]


EVERY_KIND_YES_NO_Y: dict[str, tuple[Any, Any, Any]] = {
    "guide": (True, True, True),  # a page: Enter goes on; the word is nobody's answer
    "text": ("yes", "no", "Y"),
    "long_text": ("yes", "no", "Y"),
    "part": ("yes", "no", "Y"),
    "yes_no": (True, False, True),
    "scale": (PAUSED, PAUSED, PAUSED),  # not a number: the question stays
    "choice": (PAUSED, PAUSED, PAUSED),  # not a choice: nothing is chosen
}


def test_the_table_covers_every_kind() -> None:
    assert set(EVERY_KIND_YES_NO_Y) == set(kinds.KINDS)


@pytest.mark.parametrize("kind", sorted(EVERY_KIND_YES_NO_Y))
@pytest.mark.parametrize("index", [0, 1, 2], ids=["yes", "no", "Y"])
def test_yes_no_and_y_typed_ahead_on_every_kind(terminal: Typing, kind: str, index: int) -> None:
    word = ("yes", "no", "Y")[index]
    typed = lines(word) if kinds.of(kind).widget == "lines" else line(word)
    expected = EVERY_KIND_YES_NO_Y[kind][index]
    got = asked(terminal, typed + line("then"), step_of(kind), NEXT)
    assert got == ([PAUSED] if expected == PAUSED else [expected, "then"])


@pytest.mark.parametrize(
    ("kind", "word"),
    [(k, w) for k in ("scale", "choice") for w in ("yes", "no", "Y", "maybe")]
    + [("scale", "11"), ("scale", "-1"), ("scale", "7.5")],
)
def test_words_that_do_not_fit_answer_nothing(terminal: Typing, kind: str, word: str) -> None:
    """A scale takes only a number, a list only a choice: "yes" is not taken for anything
    (the question stays; the keys run out, and the run pauses)."""
    assert asked(terminal, line(word), step_of(kind), NEXT) == [PAUSED]


@pytest.mark.parametrize("word", ["maybe", "yess", "ja", "1", "true story"])
def test_a_yes_no_takes_only_yes_or_no(terminal: Typing, word: str) -> None:
    assert asked(terminal, line(word), step_of("yes_no"), NEXT) == [PAUSED]


@pytest.mark.parametrize(
    ("kind", "refused", "then", "value"),
    [
        ("yes_no", "yse", "no", False),
        ("yes_no", "noo", "yes", True),
        ("yes_no", "7", "n", False),
        ("scale", "11", "9", 9),
        ("scale", "seven", "7", 7),
        ("scale", "-1", "0", 0),
    ],
)
def test_a_one_word_answer_that_does_not_fit_is_cleared_so_the_next_is_whole(
    terminal: Typing, kind: str, refused: str, then: str, value: AnswerValue
) -> None:
    """Typed after a refused word, the next word is the answer, never joined to it."""
    assert asked(terminal, line(refused) + line(then) + line("next"), step_of(kind), NEXT) == [
        value,
        "next",
    ]


def test_only_one_word_kinds_clear_what_does_not_fit() -> None:
    """Longer answers that do not fit stay on the line to be mended."""
    assert {name for name, kind in kinds.KINDS.items() if kind.one_word} == {"yes_no", "scale"}


@pytest.mark.parametrize("kind", ["yes_no", "scale"])
def test_on_an_optional_question_the_refusal_stays_said_once_the_word_is_cleared(
    terminal: Typing, kind: str
) -> None:
    """Walked in tmux (integrate's optional "have flashbacks or nightmares come?"): "yse"
    and Enter emptied the line and said nothing. The empty line was checked again while
    typing, and an empty optional answer is a skip, so the reason went at once: the word
    vanished unexplained, and Enter then would have skipped the question."""
    import asyncio

    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    step = step_of(kind, optional=True)
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        shown = prompts._build(
            kinds.of(kind).question(step, ""), step, kinds.of(kind), back=False, names=[]
        )
        pipe.send_text(line("yse"))

        async def after_the_check_while_typing() -> None:
            # the prompt's own event loop waits (a relative wait, so it holds when the suite
            # runs with the clock moved: a thread's timer waits for an absolute time, which
            # faketime's clock and the system's disagree on, and never woke up)
            await asyncio.sleep(0.3)
            pipe.send_text(CTRL_D)

        pending: list[asyncio.Task[None]] = []
        start = lambda: pending.append(asyncio.ensure_future(after_the_check_while_typing()))  # noqa: E731
        with pytest.raises(EOFError):
            shown.application.run(pre_run=start)
        assert pending and pending[0].done()
    buffer = shown.application.current_buffer
    said = {"yes_no": "Please type yes or no.", "scale": "a whole number from 0 to 10"}[kind]
    assert buffer.text == "" and buffer.validation_error is not None
    assert said in buffer.validation_error.message


def test_after_a_refused_word_enter_alone_still_skips_an_optional_question(
    terminal: Typing,
) -> None:
    """As its screen says: "Optional: press Enter with nothing written to skip it"."""
    step = step_of("yes_no", optional=True)
    assert asked(terminal, line("yse") + ENTER + line("next"), step, NEXT) == ["", "next"]


def test_a_refused_confirm_word_is_cleared_too(terminal: Typing) -> None:
    with terminal.typing(line("yse") + line("no")):
        assert prompts.InteractiveAsker().confirm("Safe?") is False


def test_a_long_answer_finishes_with_enter_on_an_empty_line(terminal: Typing) -> None:
    keys = "A first line" + ENTER + "and a second" + ENTER + ENTER + line("then")
    assert asked(terminal, keys, step_of("long_text"), NEXT) == [
        "A first line\nand a second",
        "then",
    ]
    # Enter in the middle of the text starts a line there; the answer goes on
    keys = "Ab" + "\x1b[D" + ENTER + "\x05" + ENTER + ENTER
    assert asked(terminal, keys, step_of("long_text")) == ["A\nb"]


def test_a_choice_is_picked_by_its_number_or_the_arrow_keys(terminal: Typing) -> None:
    choice = step_of("choice")
    assert asked(terminal, "2" + ENTER + line("then"), choice, NEXT) == ["tired of it", "then"]
    assert asked(terminal, DOWN * 3 + ENTER, choice) == ["yes"]
    assert asked(terminal, DOWN + DOWN + UP + ENTER, choice) == ["curious"]
    assert asked(terminal, "4" + ENTER, choice) == [PAUSED]  # "Pause here", after the line
    assert asked(terminal, "5" + ENTER, choice) == [BACK]  # "Go back one step"


def every_kind() -> list[str]:
    return list(kinds.KINDS)


@pytest.mark.parametrize("kind", every_kind())
def test_enter_alone_skips_an_optional_question_and_answers_no_other(
    terminal: Typing, kind: str
) -> None:
    optional = step_of(kind, optional=True)
    required = step_of(kind)
    if not kinds.of(kind).asks:  # a page to read: Enter goes on
        assert asked(terminal, ENTER + line("then"), required, NEXT) == [True, "then"]
        return
    assert asked(terminal, ENTER + line("then"), optional, NEXT) == ["", "then"]
    assert asked(terminal, ENTER, required, NEXT) == [PAUSED]


@pytest.mark.parametrize("kind", every_kind())
def test_ctrl_c_pauses_and_keeps_what_was_typed(terminal: Typing, kind: str) -> None:
    with terminal.typing("half an ans" + CTRL_C), pytest.raises(Paused) as paused:
        prompts.InteractiveAsker().ask(step_of(kind), "?", 2, 0)
    kept = "half an ans" if kinds.of(kind).keeps_typing else None
    assert (paused.value.step, paused.value.partial, paused.value.chosen) == ("this", kept, False)


@pytest.mark.parametrize("kind", every_kind())
def test_ctrl_d_on_an_empty_answer_pauses(terminal: Typing, kind: str) -> None:
    assert asked(terminal, CTRL_D + line("then"), step_of(kind), NEXT) == [PAUSED]


@pytest.mark.parametrize("kind", every_kind())
def test_esc_goes_back_from_every_kind_and_keeps_what_was_typed(
    terminal: Typing, kind: str
) -> None:
    with terminal.typing("half" + ESC + line("then")):
        asker = prompts.InteractiveAsker()
        with pytest.raises(GoBack) as back:
            asker.ask(step_of(kind), "?", 2, 0)
        # the keys typed after Esc are for the question asked next
        assert asker.ask(NEXT, NEXT.text, 1, 0) == "then"
    assert back.value.partial == ("half" if kinds.of(kind).keeps_typing else None)


def test_the_first_question_has_no_way_back_so_esc_does_nothing(terminal: Typing) -> None:
    assert asked(terminal, "ab" + ESC + line("c"), step_of("text"), number=1) == ["abc"]


def test_line_editing_keeps_its_keys(terminal: Typing) -> None:
    """Ctrl-B moves one character left and Ctrl-A to the start, as everywhere (tmux takes
    Ctrl-B for itself, so going back is Esc)."""
    keys = "ac" + CTRL_B + "b" + CTRL_A + "(" + ENTER
    assert asked(terminal, keys, step_of("text")) == ["(abc"]


def test_an_earlier_answer_is_offered_ready_to_edit(terminal: Typing) -> None:
    with terminal.typing(" and neck" + ENTER, ENTER, ENTER, "3" + ENTER):
        asker = prompts.InteractiveAsker()
        assert asker.ask(step_of("text"), "?", 2, 0, "shoulders") == "shoulders and neck"
        assert asker.ask(step_of("yes_no"), "?", 2, 0, "no") is False  # Enter keeps the no
        assert asker.ask(step_of("choice"), "?", 2, 0, "yes") == "yes"  # chosen already
        assert asker.ask(step_of("scale"), "?", 2, 0, "") == 3


def test_the_screen_says_how_to_finish_go_back_pause_and_skip(
    terminal: Typing, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    labels: list[str] = []
    real_text = prompts._line

    def line_shown(label: str, **kw: Any) -> Any:
        labels.append(label + (f" {msg.FINISH_HINT}" if kw.get("lines") else ""))
        return real_text(label, **kw)

    monkeypatch.setattr(prompts, "_line", line_shown)
    asked(terminal, lines("x"), step_of("long_text", optional=True), number=3)
    shown = capsys.readouterr().out
    assert "step 3 · Ctrl-C pauses · Esc goes back one step" in shown
    assert "Optional: press Enter with nothing written to skip it." in shown
    assert labels == ["Your answer: (Enter on an empty line finishes)"]


def test_every_multi_line_question_says_how_to_finish_the_same_way() -> None:
    """One rule, one sentence: the only multi-line kind carries it in its prompt."""
    multi = [k for k in kinds.KINDS.values() if k.widget == "lines"]
    assert [k.name for k in multi] == ["long_text"]
    assert msg.FINISH_HINT == "(Enter on an empty line finishes)"


# --- an Enter typed before a question is drawn ----------------------------------------

BEFORE = Step(id="before", kind="text", text="The question before?")
# optional: an Enter meant for the question before it lands here as a skip, not unseen
AFTER = Step(id="after", kind="text", text="And the question after?", optional=True)


@dataclass(frozen=True)
class Asking:
    """One kind of question, asked right after another: what is typed at it once it is
    drawn and the answer that makes, what the screen says to Enter alone there (where Enter
    alone is not an answer), and how many of the typed keys a fast typist has typed ahead."""

    ask: Callable[[prompts.InteractiveAsker], Any]
    typed: str
    answer: Any
    said: str | None = None
    ahead: int = 0
    kind: str | None = None  # the step kind it asks, if a step


def a_step(kind: str, typed: str, answer: Any, *, optional: bool, **kw: Any) -> Asking:
    step = step_of(kind, optional=optional)
    earlier = kw.pop("earlier", "")
    ask = lambda a: a.ask(step, step.text, 2, 0, earlier)  # noqa: E731
    return Asking(ask, typed, answer, said_to_enter_alone(step), kind=kind, **kw)


def said_to_enter_alone(step: Step) -> str | None:
    """Why Enter alone is refused at ``step``, as its screen says; None where it is an
    answer (a page goes on, an optional question is skipped)."""
    kind = kinds.of(step.kind)
    if kind.widget == "list":
        return None if step.optional else msg.CHOOSE_PROBLEM
    try:
        kind.check(step, "")
    except ValueError as exc:
        return kind.problem(str(exc))
    return None


ASKED_AFTER: dict[str, Asking] = {
    "page": a_step("guide", ENTER, True, optional=False),
    "optional line": a_step("text", line("words"), "words", optional=True, ahead=3),
    "line": a_step("text", line("words"), "words", optional=False, ahead=3),
    "optional lines": a_step(
        "long_text", lines("two\nlines"), "two\nlines", optional=True, ahead=3
    ),
    "lines": a_step("long_text", lines("two\nlines"), "two\nlines", optional=False, ahead=3),
    "optional part": a_step("part", line("The Critic"), "The Critic", optional=True, ahead=4),
    "part": a_step("part", line("The Critic"), "The Critic", optional=False, ahead=4),
    "optional yes/no": a_step("yes_no", line("no"), False, optional=True, ahead=1),
    "yes/no": a_step("yes_no", line("no"), False, optional=False, ahead=1),
    "optional rating": a_step("scale", line("10"), 10, optional=True, ahead=1),
    "rating": a_step("scale", line("10"), 10, optional=False, ahead=1),
    "optional list": a_step("choice", pick(2), "tired of it", optional=True, ahead=1),
    "list": a_step("choice", pick(2), "tired of it", optional=False, ahead=1),
    "an earlier answer": a_step(
        "text",
        line(" and neck"),
        "shoulders and neck",
        optional=False,
        earlier="shoulders",
        ahead=4,
    ),
    "confirm with a default": Asking(
        lambda a: a.confirm("Go ahead?", default=False), line("yes"), True, ahead=1
    ),
    "confirm": Asking(
        lambda a: a.confirm("Do you feel safe?"),
        line("yes"),
        True,
        said=msg.YES_OR_NO_PLEASE,
        ahead=1,
    ),
    "select": Asking(
        lambda a: a.select("Which?", ["one", "two"]),
        pick(2),
        "two",
        said=msg.CHOOSE_PROBLEM,
        ahead=1,
    ),
}


def asked_after(terminal: Typing, question: Asking, *keys: str) -> list[Any]:
    """The answers to :data:`BEFORE`, to ``question`` and to :data:`AFTER`, asked in turn
    on ``keys``; a pause or a going back ends the list."""
    got: list[Any] = []
    with terminal.typing(*keys):
        asker = prompts.InteractiveAsker()
        try:
            got.append(asker.ask(BEFORE, BEFORE.text, 1, 0))
            got.append(question.ask(asker))
            got.append(asker.ask(AFTER, AFTER.text, 2, 0))
        except Paused:
            got.append(PAUSED)
        except GoBack:
            got.append(BACK)
    return got


def test_the_enter_typed_ahead_table_covers_every_kind() -> None:
    assert {q.kind for q in ASKED_AFTER.values()} - {None} == set(kinds.KINDS)


@pytest.mark.parametrize("name", list(ASKED_AFTER))
def test_a_double_enter_never_answers_the_question_after(
    terminal: Typing, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """Enter pressed twice in one quick burst: the first answers the question before, the
    second, typed before the next question is drawn, is dropped; the next question is still
    asked, and the keys typed at it answer it. Before, it skipped an optional question,
    kept an earlier answer or a confirm's default and passed over a page, all unseen, and
    where Enter alone is no answer said why to a person who had typed nothing there."""
    question = ASKED_AFTER[name]
    keys = (together(line("before"), ENTER), question.typed, line("after"))
    assert asked_after(terminal, question, *keys) == ["before", question.answer, "after"]
    if question.said:
        assert question.said not in capsys.readouterr().out


@pytest.mark.parametrize("name", [n for n, q in ASKED_AFTER.items() if q.ahead])
def test_letters_typed_ahead_after_a_double_enter_stay_for_the_question_after(
    terminal: Typing, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """Only the Enters at the front are dropped: the letters typed after them, before the
    question is drawn, are the start of its answer, and the rest typed at it finishes it.
    (Where Enter alone is refused and says so under the line, the refusal came and went
    with the next letter before anything was drawn: those rows passed before the rule too,
    and keep it from dropping more than Enters.)"""
    question = ASKED_AFTER[name]
    ahead, then = question.typed[: question.ahead], question.typed[question.ahead :]
    keys = (together(line("before"), ENTER, ENTER, ahead), then, line("after"))
    assert asked_after(terminal, question, *keys) == ["before", question.answer, "after"]
    if question.said:
        assert question.said not in capsys.readouterr().out


def test_an_enter_sent_as_a_newline_typed_ahead_is_dropped_alike(terminal: Typing) -> None:
    """Some terminals send "\\n" for Enter (prompt_toolkit takes it as Enter): the same rule."""
    question = ASKED_AFTER["optional line"]
    keys = (together(line("before"), "\n", "\r\n"), question.typed, line("after"))
    assert asked_after(terminal, question, *keys) == ["before", "words", "after"]


def test_a_pause_typed_ahead_after_a_double_enter_still_pauses(terminal: Typing) -> None:
    """Only Enters are dropped: Ctrl-C typed ahead pauses at the next question."""
    question = ASKED_AFTER["optional line"]
    keys = (together(line("before"), ENTER, CTRL_C), question.typed, line("after"))
    assert asked_after(terminal, question, *keys) == ["before", PAUSED]


def test_a_double_enter_in_an_exercise_passes_over_no_page_and_skips_no_question(
    cli: Cli, terminal: Typing, home: Path
) -> None:
    """The fault as it was met: "one", Enter, Enter passed over the page unseen; Enter,
    Enter on the page skipped the optional question after it, saved empty."""
    write_exercise(
        home,
        "quick",
        [
            {"id": "first", "kind": "text", "text": "First?"},
            {"id": "page", "kind": "guide", "text": "A page to read."},
            {"id": "maybe", "kind": "text", "optional": True, "text": "If you like?"},
            {"id": "last", "kind": "text", "text": "Last?"},
        ],
    )
    keys = (together(line("one"), ENTER), together(ENTER, ENTER), line("three"), line("four"))
    with terminal.typing(*keys):
        result = cli("exercise", "quick")
    assert result.exit_code == 0, result.output
    assert "A page to read." in result.stdout
    assert answers_of(entry_files(home)[0]) == {"first": "one", "maybe": "three", "last": "four"}


def test_keys_are_typed_a_question_at_a_time_unless_together() -> None:
    """The test harness cuts keys after each key that may end a question (tests/keys.py)."""
    keys = ("ab", ESC, line("c"), "d", CTRL_C, CTRL_D, together(ENTER, "e", ENTER), "f", "g")
    assert as_typed(keys) == ["ab" + ESC, "c" + ENTER, "d" + CTRL_C, CTRL_D, "\re\r", "fg"]


# --- yes/no outside the steps ----------------------------------------------------------


@pytest.mark.parametrize(
    ("keys", "default", "answer"),
    [
        ("yes", None, True),
        ("NO", None, False),
        ("Y", None, True),
        ("n", None, False),
        ("", False, False),
        ("", True, True),
        ("yes", False, True),
    ],
)
def test_a_confirm_waits_for_enter(
    terminal: Typing, keys: str, default: bool | None, answer: bool
) -> None:
    with terminal.typing(line(keys) + line("then")):
        asker = prompts.InteractiveAsker()
        assert asker.confirm("Go ahead?", default=default) is answer
        assert asker.ask(NEXT, NEXT.text, 1, 0) == "then"


def test_a_confirm_with_no_default_needs_a_word(terminal: Typing) -> None:
    with terminal.typing(ENTER + line("sure")), pytest.raises(Paused):
        prompts.InteractiveAsker().confirm("Safe?")


def test_a_list_outside_the_steps_needs_a_choice(terminal: Typing) -> None:
    with terminal.typing(ENTER + "2" + ENTER):
        assert prompts.InteractiveAsker().select("Which?", ["one", "two"]) == "two"
    with terminal.typing(ENTER), pytest.raises(Paused) as paused:
        prompts.InteractiveAsker().select("Which?", ["one", "two"])
    assert not paused.value.chosen  # the input ended; nothing was chosen
    with terminal.typing("3" + ENTER), pytest.raises(Paused) as paused:
        prompts.InteractiveAsker().select("Which?", ["one", "two"])
    assert paused.value.chosen  # "Pause here"


# --- Ctrl-C as a signal, while a prompt starts -----------------------------------------


@pytest.mark.parametrize("kind", every_kind())
def test_a_ctrl_c_signal_as_a_question_appears_pauses_and_is_never_lost(
    terminal: Typing, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before a prompt has the terminal in raw mode, Ctrl-C comes as SIGINT. Sent as the
    prompt starts, before its loop runs or once it does, it pauses there: the keys in the
    input are no answer (the terminal drops what was typed before a Ctrl-C). Handed to
    prompt_toolkit, such a SIGINT reached an application not running yet and was lost: a page
    to read then took the next Enter, or waited (a test that sent Ctrl-C as a page appeared
    timed out now and then)."""
    from prompt_toolkit.application import Application

    real_run_async = Application.run_async

    def interrupted_at_start(self: Application[Any], *args: Any, **kwargs: Any) -> Any:
        os.kill(os.getpid(), signal.SIGINT)
        return real_run_async(self, *args, **kwargs)

    monkeypatch.setattr(Application, "run_async", interrupted_at_start)
    answer = "1" if kind in {"choice", "scale"} else "yes"
    assert asked(terminal, line(answer) + line("then"), step_of(kind), NEXT) == [PAUSED]

    def interrupted_in_its_loop(self: Application[Any], *args: Any, **kwargs: Any) -> Any:
        self.pre_run_callables.append(lambda: os.kill(os.getpid(), signal.SIGINT))
        return real_run_async(self, *args, **kwargs)

    monkeypatch.setattr(Application, "run_async", interrupted_in_its_loop)
    assert asked(terminal, line(answer) + line("then"), step_of(kind), NEXT) == [PAUSED]


def test_enter_alone_at_an_optional_yes_no_opens_no_branch(
    cli: Cli, terminal: Typing, home: Path
) -> None:
    """Skipped, a yes/no is neither yes nor no: no step waiting for either is asked."""
    write_exercise(
        home,
        "branches",
        [
            {"id": "open", "kind": "yes_no", "optional": True, "text": "Look closer?"},
            {
                "id": "if_yes",
                "kind": "text",
                "text": "Yes?",
                "when": {"step": "open", "equals": True},
            },
            {
                "id": "if_no",
                "kind": "text",
                "text": "No?",
                "when": {"step": "open", "equals": False},
            },
            {"id": "end", "kind": "text", "text": "At the end?"},
        ],
    )
    with terminal.typing(ENTER, line("the end")):
        result = cli("exercise", "branches")
    assert result.exit_code == 0, result.output
    assert answers_of(entry_files(home)[0]) == {"open": "", "end": "the end"}


def test_a_ctrl_c_between_two_questions_is_never_lost_in_a_finalizer(
    cli: Cli, terminal: Typing, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A KeyboardInterrupt raised inside a finalizer is printed and dropped by Python: the
    Ctrl-C was lost, and the page after it took the next Enter (the care test that timed
    out now and then waiting for "Paused."). It is kept for the next question instead."""
    from partsjournal.render import screens

    write_exercise(
        home,
        "two",
        [
            {"id": "first", "kind": "text", "text": "First?"},
            {"id": "page", "kind": "guide", "text": "A page to read."},
            {"id": "last", "kind": "text", "text": "Last?"},
        ],
    )
    real_header = screens.step_header

    def header(step: Step, *args: Any, **kwargs: Any) -> None:
        real_header(step, *args, **kwargs)
        if step.id == "page":
            SignalledWhileCollected()  # made and dropped at once: its finalizer runs now

    monkeypatch.setattr(screens, "step_header", header)
    with terminal.typing(line("one"), ENTER, line("three")):
        result = cli("exercise", "two")
    assert result.exit_code == 0, result.output
    assert "Paused." in result.stdout and entry_files(home) == []
    [draft] = draft_files(home)
    assert answers_of(draft) == {"first": "one"}  # the page was not gone past


def test_a_ctrl_c_as_the_exercise_opens_pauses_at_its_first_question(
    cli: Cli, terminal: Typing, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sent as the exercise's opening panel is drawn (test_primer's Ctrl-C), before the first
    page: lost in a finalizer, the page then waited; kept, the first page pauses."""
    from partsjournal.render import screens

    write_exercise(home, "one", [{"id": "page", "kind": "guide", "text": "A page to read."}])
    real_intro = screens.intro

    def intro(ex: Any) -> None:
        real_intro(ex)
        SignalledWhileCollected()

    monkeypatch.setattr(screens, "intro", intro)
    with terminal.typing(ENTER):
        result = cli("exercise", "one")
    assert result.exit_code == 0, result.output
    assert "Paused." in result.stdout and "Saved." not in result.stdout
    assert entry_files(home) == []


@pytest.mark.parametrize("columns", [30, 44, 60])
def test_a_long_question_breaks_between_words_on_a_narrow_screen(columns: int) -> None:
    """prompt_toolkit breaks a message too long for the screen inside a word ("after-hours
    l / ine"); each question's words are broken between words first."""
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.data_structures import Size
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output.plain_text import PlainTextOutput

    from tests.keys import Screen

    class Narrow(PlainTextOutput):
        def get_size(self) -> Size:
            return Size(rows=40, columns=columns)

    question = "Would you like to add your clinic's after-hours line to the card now?"
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=Narrow(Screen())):
        for label in (prompts._fit(question), prompts._fit(question + " " + question)):
            rows = label.split("\n")
            assert len(rows) > 1 and " ".join(rows) in (question, question + " " + question)
            assert all(len(row) <= columns - 2 for row in rows), rows


def test_every_kind_of_prompt_fits_its_words_to_the_screen(
    terminal: Typing, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page, a line, several lines, a list and a yes/no outside the steps all break their
    words through the one fitting rule above."""
    fitted: list[str] = []
    real_fit = prompts._fit

    def spy(label: str) -> str:
        fitted.append(label)
        return real_fit(label)

    monkeypatch.setattr(prompts, "_fit", spy)
    steps = [step_of(kind) for kind in ("guide", "text", "long_text", "choice")]
    asked(terminal, ENTER + line("a") + lines("b") + "1" + ENTER, *steps)
    with terminal.typing(line("no")):
        prompts.InteractiveAsker().confirm("Is the card right?")
    assert len(fitted) == 5
    assert any("Is the card right?" in label for label in fitted)


# words a person may type at a yes/no that lean one way, and what the refusal says
LEANING = [
    ("not safe", msg.MEANT_NO),
    ("Not really", msg.MEANT_NO),
    ("no, not at all", msg.MEANT_NO),
    ("nope", msg.MEANT_NO),
    ("never.", msg.MEANT_NO),
    ("yeah I think so", msg.MEANT_YES),
    ("Yes, mostly", msg.MEANT_YES),
    ("ok", msg.MEANT_YES),
    ("maybe", msg.YES_OR_NO_PLEASE),
    ("I don't know", msg.YES_OR_NO_PLEASE),
]


@pytest.mark.parametrize(("typed", "said"), LEANING)
def test_words_that_lean_one_way_at_a_yes_no_are_told_which_word_to_type(
    typed: str, said: str
) -> None:
    """Walked in a terminal: "not safe" typed at "Do you feel safe right now?" was told
    "Please type yes or no." The refusal now says which word the person seems to mean, on
    a step's yes/no and on care's own questions alike (the prompt's own check, as Enter
    runs it), and never takes the word for them."""
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.document import Document
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput
    from prompt_toolkit.validation import ValidationError

    step = Step(id="safe", kind="yes_no", text="Do you feel safe right now?")
    kind = kinds.of("yes_no")
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        for shown in (
            prompts._build(kind.question(step, ""), step, kind, back=False, names=[]),
            prompts._line("Do you feel safe?", validate=prompts._confirm_validator(None)),
        ):
            with pytest.raises(ValidationError) as refused:
                shown.application.current_buffer.validator.validate(Document(typed))
            assert refused.value.message == said


def test_a_leaning_word_is_never_taken_for_the_answer(terminal: Typing) -> None:
    with terminal.typing(line("not safe"), line("yes")):
        assert prompts.InteractiveAsker().confirm("Do you feel safe right now?") is True
