"""The one place that asks the person anything, in a terminal (questionary and prompt_toolkit).

:class:`InteractiveAsker` asks each step the way its kind (:mod:`partsjournal.flow.kinds`)
describes: a page to read, one line, several lines, or a list. The keys mean the same on
every question:

- every answer ends with Enter; a multi-line answer ends with Enter on an empty line (plain
  keys, so it works alike in tmux, screen, macOS Terminal, iTerm2 and Windows Terminal);
- a yes/no is a word (y, yes, n, no, in any case) and Enter; Enter alone answers nothing,
  except that it skips an optional question; a list needs a choice (arrow keys or its
  number) before Enter;
- Esc goes back one step (no terminal multiplexer takes it, and line editing keeps Ctrl-B,
  Ctrl-A and the rest); Ctrl-C pauses, and so does Ctrl-D on an empty answer;
- an Enter typed before a question is drawn, with nothing typed for it before that Enter,
  never answers it, on every kind of question (a page, a line, several lines, a yes/no, a
  rating, a list, a confirm): the question waits for keys typed once it is on the screen.

Keys typed ahead, before a question is drawn, stay for the question they were typed for:
every question reads up to its own Enter and no further, and a word with its Enter typed
ahead answers it. Only the Enters at the front of what is typed ahead of a question are
dropped (:func:`keymaps.enters_typed_ahead_dropped`): a quick double Enter, or a key that
bounced, answered the next question unseen, which skipped an optional one, kept an earlier
answer, took a confirm's default or passed over a page.
"""

from __future__ import annotations

import sys
from typing import Any

from partsjournal.core import crypt, parts
from partsjournal.core import messages as msg
from partsjournal.core.answers import AnswerValue
from partsjournal.core.errors import JournalError, UsageError
from partsjournal.flow import kinds
from partsjournal.flow.engine import GoBack, Paused
from partsjournal.flow.exercises import Step
from partsjournal.flow.interrupts import TerminalGone
from partsjournal.flow.interrupts import run_prompt as _run
from partsjournal.flow.interrupts import terminal_gone as _terminal_gone
from partsjournal.prompts import keymaps
from partsjournal.render import screens, terminal, ui
from partsjournal.render.text import wrap

CHOICE_INDENT = 6  # a list's pointer and number before each choice: " » 3) "


def ask_secret(question: str) -> str:
    """A passphrase or key typed in the terminal, never echoed; refused without a terminal."""
    import getpass

    if not terminal.current().stdin_tty:
        raise JournalError(crypt.NO_TERMINAL)
    try:
        return getpass.getpass(f"{question} ", stream=sys.stderr)
    except EOFError:
        raise KeyboardInterrupt from None


class InteractiveAsker:
    """Asks in a real terminal, one question at a time."""

    interactive = True

    def __init__(self) -> None:
        self._known_parts: list[str] | None = None

    def known_parts(self) -> list[str]:
        """The names of the parts met so far (read once, when a part is first asked for)."""
        if self._known_parts is None:
            self._known_parts = [p.name for p in parts.load_all()]
        return self._known_parts

    def ask(self, step: Step, text: str, number: int, total: int, typed: str = "") -> AnswerValue:
        kind = kinds.of(step.kind)
        back = number > 1
        screens.step_header(
            step,
            text,
            number,
            total,
            back=msg.BACK_HINT if back else None,
            skip=kind.how_to_skip(step),
        )
        while True:
            value = self._answer(step, kind, kind.question(step, typed), back=back)
            name = value if isinstance(value, str) else None
            try:
                return kind.settle(step, value, self)
            except kinds.AskAgain as again:
                typed = again.typed
            except TerminalGone as gone:  # stopped at "Did you mean ...?": keep the name
                gone.step, gone.partial = step.id, name
                raise
            except Paused:
                raise Paused(step=step.id, partial=name) from None

    def _answer(
        self, step: Step, kind: kinds.Kind, question: kinds.Question, *, back: bool
    ) -> AnswerValue:
        """One answer to ``step`` as typed, checked by its kind."""
        names = self.known_parts() if question.names else []
        shown = _build(question, step, kind, back=back, names=names)
        try:
            answer = _asked(shown)
        except TerminalGone as gone:  # SIGHUP or SIGTERM: keep what was typed, then stop
            gone.step, gone.partial = step.id, _typed_so_far(shown, kind)
            raise
        except (KeyboardInterrupt, EOFError):
            raise Paused(step=step.id, partial=_typed_so_far(shown, kind)) from None
        except OSError as exc:
            closed = _terminal_gone(exc)
            closed.step, closed.partial = step.id, _typed_so_far(shown, kind)
            raise closed from None
        if answer == msg.PAUSE_CHOICE and question.widget == "list":
            raise Paused(chosen=True, step=step.id)
        if answer == msg.BACK_CHOICE and question.widget == "list":
            raise GoBack
        return kind.check(step, answer)

    def confirm(self, question: str, *, default: bool | None = None) -> bool:
        """A yes/no typed as a word and Enter. With no ``default`` Enter alone is not an
        answer; with one, Enter alone means it (said on the screen)."""
        if default is None:
            screens.pause_line()  # a text prompt: say how to pause, as every step does
            label = msg.CONFIRM_LABEL.format(question=question)
        else:
            label = msg.CONFIRM_DEFAULT_LABEL.format(
                question=question, default=kinds.as_word(default)
            )
        typed = _ask_plain(_line(label, validate=_confirm_validator(default), one_word=True))
        if not str(typed).strip() and default is not None:
            return default
        return bool(kinds.of("yes_no").read(_YES_NO, typed))

    def select(self, question: str, choices: list[str]) -> str:
        """One of ``choices``; every list also offers "Pause here" (raises :class:`Paused`)."""
        picked = str(_ask_plain(_list(question, choices, [msg.PAUSE_CHOICE], picked="")))
        if picked == msg.PAUSE_CHOICE and msg.PAUSE_CHOICE not in choices:
            raise Paused(chosen=True)
        return picked


_YES_NO = Step(id="yes_no", kind="yes_no", text=msg.YES_OR_NO)


def _build(
    question: kinds.Question, step: Step, kind: kinds.Kind, *, back: bool, names: list[str]
) -> Any:
    """The prompt for one step's question, with Esc for going back when ``back``."""
    if question.widget == "page":
        shown = _page(question.label)
    elif question.widget == "list":
        extras = [msg.PAUSE_CHOICE, msg.BACK_CHOICE] if back else [msg.PAUSE_CHOICE]
        shown = _list(
            f"{question.label}:",
            list(question.choices),
            extras,
            picked=question.default,
            optional=step.optional,
        )
    else:
        shown = _line(
            f"{question.label}:",
            validate=_validator(step, kind),
            default=question.default,
            lines=question.widget == "lines",
            names=names,
            one_word=kind.one_word,
        )
    if back:
        keymaps.add(shown, keymaps.going_back(kind))
    return shown


def _line(
    label: str,
    *,
    validate: Any,
    default: str = "",
    lines: bool = False,
    names: list[str] | None = None,
    one_word: bool = False,
) -> Any:
    """A line to type an answer into (several lines when ``lines``), finished with Enter;
    a ``one_word`` answer that does not fit is cleared (see :attr:`kinds.Kind.one_word`)."""
    import questionary

    label = _fit(label)
    if names:
        shown = questionary.autocomplete(label, choices=names, validate=validate, default=default)
    else:
        shown = questionary.text(
            label,
            validate=validate,
            default=default,
            multiline=lines,
            # several lines start on a row of their own, with the whole width: after the
            # prompt, each row would be wrapped in the few columns left beside it
            instruction=_then(label, msg.FINISH_HINT) + "\n" if lines else None,
        )
    if lines:
        keymaps.add(shown, keymaps.empty_line_finishes())
    else:
        keymaps.add(shown, keymaps.refused_is_cleared() if one_word else None)
    _said_under(shown)
    return shown


def _said_under(shown: Any) -> None:
    """Why an answer is refused is said right under it: no row of the prompt (the answer,
    a list) grows to fill the screen below it, which put the reason at the foot of an
    empty screen."""
    from prompt_toolkit.filters import to_filter

    for window in shown.application.layout.find_all_windows():
        window.dont_extend_height = to_filter(True)


def _width() -> int:
    """The columns a prompt's words may fill on the screen it draws on (a question's mark
    and a space come before them)."""
    from prompt_toolkit.application.current import get_app_session

    return max(20, get_app_session().output.get_size().columns - 2)


def _fit(label: str) -> str:
    """``label`` broken between words to fit the screen the prompt draws on:
    prompt_toolkit would break it inside a word."""
    return wrap(label, _width())


def _then(label: str, hint: str) -> str:
    """``hint`` as drawn after the fitted ``label``: on its last row when there is room,
    else on rows of its own, broken between words. A row wider than the screen breaks
    inside a word ("or a number / , then Enter"), and the prompt of several lines is then
    not drawn at all (neither the question nor what is typed)."""
    rows = label.split("\n")
    used = len(rows[-1]) + (2 if len(rows) == 1 else 0) + 2  # the mark; a space either side
    return hint if used + len(hint) <= _width() else "\n" + wrap(hint, _width())


def _choice(title: str) -> Any:
    """A list's choice whose words are broken between rows to fit beside its pointer and
    number, each row under the first ("   3) Write a few words (kept for you / and your
    therapist)"): prompt_toolkit would cut it at the edge. Chosen, it is ``title``."""
    import questionary

    indent = " " * CHOICE_INDENT
    shown = wrap(title, _width() - CHOICE_INDENT).replace("\n", "\n" + indent)
    return questionary.Choice(title=shown, value=title)


def _page(label: str) -> Any:
    """A page to read: Enter goes on, Ctrl-C or Ctrl-D pause, and any other key is passed
    over (it is not an answer to anything)."""
    import questionary
    from prompt_toolkit import PromptSession
    from prompt_toolkit.key_binding import KeyBindings
    from prompt_toolkit.keys import Keys
    from questionary.styles import merge_styles_default

    quiet = KeyBindings()

    @quiet.add(Keys.Any)
    def _(event: Any) -> None:
        """Typed on a page to read: nothing to answer."""

    session: Any = PromptSession(
        [("class:question", f" {_fit(label)} ")],
        key_bindings=quiet,
        style=merge_styles_default([None]),
    )
    return questionary.Question(session.app)


def _list(
    label: str, choices: list[str], extras: list[str], *, picked: str, optional: bool = False
) -> Any:
    """A list to choose one from: nothing is chosen until the arrow keys or a choice's number
    pick one (unless ``picked``, an earlier answer), so Enter alone answers nothing; it skips
    an ``optional`` question."""
    import questionary
    from questionary.prompts.common import InquirerControl

    label = _fit(label)
    shown = questionary.select(
        label,
        choices=[*map(_choice, choices), questionary.Separator(), *map(_choice, extras)],
        default=picked or None,
        use_shortcuts=True,
        use_jk_keys=False,
        instruction=_then(label, msg.CHOOSE_HINT),
    )
    control: Any = next(
        c for c in shown.application.layout.find_all_controls() if isinstance(c, InquirerControl)
    )
    if not picked:
        control.pointed_at = -1
    chosen = keymaps.choosing(
        control, optional=optional, problem=msg.CHOOSE_PROBLEM, answered=lambda c: _then(label, c)
    )
    keymaps.add(shown, chosen)
    _said_under(shown)
    return shown


def _confirm_validator(default: bool | None) -> Any:
    """A yes/no's check: a yes or a no, or Enter alone when there is a ``default``."""

    def validate(text: str) -> bool | str:
        if not text.strip() and default is not None:
            return True
        try:
            kinds.of("yes_no").read(_YES_NO, text)
        except ValueError:
            return kinds.yes_no_problem(text)
        return True

    return validate


def _validator(step: Step, kind: kinds.Kind) -> Any:
    def validate(text: str) -> bool | str:
        try:
            kind.check(step, text)
        except ValueError as exc:
            return kind.problem(str(exc), text)
        return True

    return validate


def _typed_so_far(question: Any, kind: kinds.Kind) -> str | None:
    """The text in an unfinished answer when Ctrl-C was pressed, if any."""
    if not kind.keeps_typing:
        return None
    try:
        text = question.application.current_buffer.text
    except Exception:  # prompt_toolkit internals; losing the partial text is not fatal
        return None
    return text if isinstance(text, str) and text.strip() else None


def confirm(question: str, *, default: bool | None = None) -> bool:
    """A yes/no question in a terminal, outside any exercise; Ctrl-C raises :class:`Paused`."""
    return InteractiveAsker().confirm(question, default=default)


def ask_first(question: str, *, yes: bool, without_terminal: str) -> bool:
    """Whether to go ahead with something hard to take back: ``yes`` (``--yes``) says
    so for scripts; otherwise the person is asked in a terminal (Enter alone and Ctrl-C
    are no). Without a terminal nothing is asked: ``without_terminal`` is the usage
    error, naming --yes."""
    if yes:
        return True
    if not ui.can_prompt():
        raise UsageError(without_terminal)
    try:
        return confirm(question, default=False)
    except Paused:
        return False


def _ask_plain(question: Any) -> Any:
    """Ask a question outside the steps; Ctrl-C and Ctrl-D mean "pause"."""
    try:
        return _asked(question)
    except TerminalGone:
        raise
    except (KeyboardInterrupt, EOFError):
        raise Paused from None
    except OSError as exc:
        raise _terminal_gone(exc) from None


def _asked(question: Any) -> Any:
    """The answer to ``question`` (every prompt is asked here), once the Enters typed ahead
    of it are dropped (:func:`keymaps.enters_typed_ahead_dropped`)."""
    keymaps.enters_typed_ahead_dropped(question)
    return _run(question)
