"""The one place that asks the person anything.

:class:`InteractiveAsker` uses questionary in a terminal; :class:`ScriptedAsker`
answers from an ``--answers`` file. questionary's ``.ask()`` returns ``None`` on
Ctrl-C or Ctrl-D: that is always taken as "pause", never as an empty answer.
"""

from __future__ import annotations

import errno
import signal
import sys
import threading
from typing import Any

from partsjournal.core import crypt, parts
from partsjournal.core.answers import AnswerValue
from partsjournal.core.errors import JournalError, UsageError
from partsjournal.flow import care, care_words
from partsjournal.flow.drafting import STOPPING_SIGNALS, TerminalGone, hangup
from partsjournal.flow.engine import GoBack, Paused, check_value
from partsjournal.flow.exercises import Step
from partsjournal.render import screens, terminal, ui
from partsjournal.render.text import visible

PAUSE_CHOICE = "Pause here"
BACK_CHOICE = "Go back one step"
BACK_KEY = "c-b"  # Ctrl-B, shown on screen as "Ctrl-B goes back"


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
    """Asks in a real terminal with questionary, one question at a time."""

    interactive = True

    def __init__(self) -> None:
        self._known_parts: list[str] | None = None

    def known_parts(self) -> list[str]:
        """The names of the parts met so far (read once, when a part is first asked for)."""
        if self._known_parts is None:
            self._known_parts = [p.name for p in parts.load_all()]
        return self._known_parts

    def ask(
        self,
        step: Step,
        text: str,
        number: int,
        total: int,
        typed: str = "",
        *,
        about: bool = False,
    ) -> AnswerValue:
        import questionary

        can_go_back = number > 1
        screens.step_header(step, text, number, total, about=about, back=can_go_back)
        question: Any
        if step.kind == "guide":
            question = questionary.press_any_key_to_continue(
                "Press any key when you are ready to go on."
            )
        elif step.kind == "scale":
            ends = (f"0 = {step.low}" if step.low else "", f"10 = {step.high}" if step.high else "")
            anchors = " · ".join(x for x in ends if x)
            skip = ", or Enter to skip" if step.optional else ""
            question = questionary.text(
                f"A number from 0 to 10{f' ({anchors})' if anchors else ''}{skip}:",
                validate=_validator(step),
                default=typed,
            )
        elif step.kind == "choice":
            stops = [PAUSE_CHOICE, BACK_CHOICE] if can_go_back else [PAUSE_CHOICE]
            question = _ctrl_d_pauses(
                questionary.select(
                    "Choose one:",
                    choices=[*(step.choices or []), questionary.Separator(), *stops],
                    default=typed if typed in (step.choices or []) else None,
                )
            )
        elif step.kind == "yes_no" and care.needs_explicit_answer(step.role):
            question = _explicit_yes_no("Yes or no?")
        elif step.kind == "yes_no":
            no = typed.strip().lower() in {"no", "n", "false"}
            question = _ctrl_d_pauses(questionary.confirm("Yes or no?", default=not no))
        elif step.kind == "part" and self.known_parts():
            question = questionary.autocomplete(
                "The part's name:",
                choices=self.known_parts(),
                validate=_validator(step),
                default=typed,
            )
        elif step.kind == "part":
            question = questionary.text(
                "The part's name:", validate=_validator(step), default=typed
            )
        elif step.kind == "long_text":
            question = questionary.text(
                "Your answer:",  # questionary adds how to finish (Esc then Enter)
                multiline=True,
                validate=_validator(step),
                default=typed,
            )
        else:
            question = questionary.text("Your answer:", validate=_validator(step), default=typed)
        _add_go_back_key(question)
        try:
            answer = _run(question)
        except TerminalGone as gone:  # SIGHUP or SIGTERM: keep what was typed, then stop
            gone.step, gone.partial = step.id, _typed_so_far(question, step)
            raise
        except (KeyboardInterrupt, EOFError):
            raise Paused(step=step.id, partial=_typed_so_far(question, step)) from None
        except OSError as exc:
            closed = _terminal_gone(exc)
            closed.step, closed.partial = step.id, _typed_so_far(question, step)
            raise closed from None
        if step.kind == "guide":
            return True
        if answer is None:
            raise Paused(step=step.id)
        if step.kind == "choice" and answer == PAUSE_CHOICE:
            raise Paused(chosen=True, step=step.id)
        if step.kind == "choice" and answer == BACK_CHOICE:
            raise GoBack
        if step.kind == "yes_no" and isinstance(answer, str):
            return check_value(step, answer)
        if step.kind == "part":
            name = str(check_value(step, answer))
            try:
                return self.offer_close_part(name)
            except TerminalGone as gone:  # stopped at "Did you mean ...?": keep the name
                gone.step, gone.partial = step.id, name
                raise
            except Paused:
                raise Paused(step=step.id, partial=name) from None
        return check_value(step, answer)

    def offer_close_part(self, typed: str) -> str:
        """When ``typed`` names no known part but is close to one, ask whether it was meant.

        Returns the known part's name when the person says yes, else what they
        typed (a new part). Only asked in a terminal; scripted runs never guess.
        """
        if parts.find(typed) is not None:
            return typed
        close = parts.suggest(typed, limit=1)
        if not close:
            return typed
        meant = self.confirm(f"Did you mean {visible(close[0].name, one_line=True)}?")
        return close[0].name if meant else typed

    def confirm(self, question: str, *, default: bool | None = True) -> bool:
        import questionary

        if default is None:
            screens.pause_line()  # a text prompt: say how to pause, as every step does
            return bool(check_value(_YES_NO, _answer(_explicit_yes_no(question))))
        return bool(_answer(_ctrl_d_pauses(questionary.confirm(question, default=default))))

    def select(self, question: str, choices: list[str]) -> str:
        """One of ``choices``; every list also offers "Pause here" (raises :class:`Paused`)."""
        import questionary

        listed: list[Any] = [*choices, questionary.Separator(), PAUSE_CHOICE]
        picked = str(_answer(_ctrl_d_pauses(questionary.select(question, choices=listed))))
        if picked == PAUSE_CHOICE and PAUSE_CHOICE not in choices:
            raise Paused(chosen=True)
        return picked


_YES_NO = Step(id="yes_no", kind="yes_no", text="Yes or no?")


def _explicit_yes_no(question: str) -> Any:
    """A yes/no question with no default: Enter alone is not an answer."""
    import questionary

    def validate(text: str) -> bool | str:
        try:
            check_value(_YES_NO, text)
        except ValueError:
            return care_words.SAFE_HOW
        return True

    return questionary.text(f"{question} (type yes or no)", validate=validate)


def _add_go_back_key(question: Any) -> None:
    """Ctrl-B on any step's prompt asks to go back one step (:class:`GoBack`)."""
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings

    extra = KeyBindings()

    @extra.add(BACK_KEY, eager=True)
    def _back(event: Any) -> None:
        event.app.exit(exception=GoBack())

    app = question.application
    current = getattr(app, "key_bindings", None)
    app.key_bindings = merge_key_bindings([b for b in (current, extra) if b])


def _ctrl_d_pauses(question: Any) -> Any:
    """Let Ctrl-D pause at a list or a yes/no question, as it does at a text prompt
    (questionary binds only Ctrl-C there)."""
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings

    extra = KeyBindings()

    @extra.add("c-d", eager=True)
    def _(event: Any) -> None:
        event.app.exit(exception=EOFError, style="class:aborting")

    app = question.application
    app.key_bindings = merge_key_bindings([b for b in (app.key_bindings, extra) if b])
    return question


def _typed_so_far(question: Any, step: Step) -> str | None:
    """The text in an unfinished answer when Ctrl-C was pressed, if any."""
    if step.kind not in {"text", "long_text", "part"}:
        return None
    try:
        text = question.application.current_buffer.text
    except Exception:  # prompt_toolkit internals; losing the partial text is not fatal
        return None
    return text if isinstance(text, str) and text.strip() else None


def confirm(question: str, *, default: bool = True) -> bool:
    """A yes/no question in a terminal, outside any exercise; Ctrl-C raises :class:`Paused`."""
    return InteractiveAsker().confirm(question, default=default)


def ask_first(question: str, *, yes: bool, without_terminal: str) -> bool:
    """Whether to go ahead with something hard to take back: ``yes`` (``--yes``) says
    so for scripts; otherwise the person is asked in a terminal (no is the default,
    Ctrl-C is no). Without a terminal nothing is asked: ``without_terminal`` is the
    usage error, naming --yes."""
    if yes:
        return True
    if not ui.can_prompt():
        raise UsageError(without_terminal)
    try:
        return confirm(question, default=False)
    except Paused:
        return False


def _answer(question: Any) -> Any:
    """Ask; ``None``, Ctrl-C and Ctrl-D all mean "pause", never an empty answer."""
    try:
        answer = _run(question)
    except TerminalGone:
        raise
    except (KeyboardInterrupt, EOFError):
        raise Paused from None
    except OSError as exc:
        raise _terminal_gone(exc) from None
    if answer is None:
        raise Paused
    return answer


def _run(question: Any) -> Any:
    """``question.unsafe_ask()``, where SIGHUP and SIGTERM end the prompt from inside its
    event loop, with :class:`TerminalGone` as the prompt's outcome.

    Raised straight from the signal handler (as outside a prompt), the exception can land in
    one of prompt_toolkit's background tasks, whose error handler prints a traceback and waits
    for Enter on a terminal that may be gone: the half-typed answer was lost and the program
    never ended. Only while an exercise handles these signals (``stopping_signals_pause``).
    """
    handlers = {sig: signal.getsignal(sig) for sig in STOPPING_SIGNALS}
    if threading.current_thread() is not threading.main_thread() or not any(
        callable(h) for h in handlers.values()
    ):
        return question.unsafe_ask()
    import asyncio

    app = question.application

    def end_prompt(signum: int, frame: Any) -> None:
        for sig in handlers:
            signal.signal(sig, signal.SIG_IGN)  # the first one decides; saving is not cut short
        gone = TerminalGone(signum)
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # between the prompt's start and its loop
            raise gone from None

        def exit_app() -> None:
            if app.is_running and app.future is not None and not app.future.done():
                app.exit(exception=gone)
            else:
                raise gone

        loop.call_soon_threadsafe(exit_app)

    for sig in handlers:
        signal.signal(sig, end_prompt)
    try:
        return question.unsafe_ask()
    finally:
        for sig, handler in handlers.items():
            if signal.getsignal(sig) is end_prompt:  # after a signal they stay ignored
                signal.signal(sig, handler)


# Reading from or drawing on a terminal that has closed fails with these.
_GONE_ERRNOS = {errno.EIO, errno.EBADF, errno.ENXIO}


def _terminal_gone(exc: OSError) -> TerminalGone:
    """A terminal that closed under a prompt (its input ends, then drawing fails before the
    hangup signal arrives) is handled as that hangup: the draft is kept, with what was typed.
    Any other error is not ours to name, and is raised as it is."""
    if exc.errno not in _GONE_ERRNOS:
        raise exc
    return TerminalGone(hangup())


def _validator(step: Step) -> Any:
    def validate(text: str) -> bool | str:
        try:
            check_value(step, text)
        except ValueError as exc:
            return f"Please give {exc}."
        return True

    return validate
