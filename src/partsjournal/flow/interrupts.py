"""What a signal does while a person is asked: Ctrl-C pauses, a closed terminal or SIGTERM stops.

While an exercise is asked, SIGHUP and SIGTERM end it as :class:`TerminalGone`
(:func:`stopping_signals_pause`) and wait while its draft is saved (:func:`signals_held`).
:func:`run_prompt` asks one prompt (a questionary question, built by ``prompts``) with these
signals handled from inside the prompt's event loop, so none is lost and none leaves a
traceback on a terminal that is gone; :func:`terminal_gone` names a terminal that closed
under a prompt.
"""

from __future__ import annotations

import errno
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

# Closing the terminal window sends SIGHUP; logging out or `kill` sends SIGTERM.
# (Windows has no SIGHUP.)
STOPPING_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGHUP", "SIGTERM") if hasattr(signal, name)
)


def hangup() -> int:
    """The signal a closed terminal sends: SIGHUP, or on Windows (which has none) SIGTERM,
    its nearest, so that a terminal gone under a prompt is still told apart from Ctrl-C."""
    return int(getattr(signal, "SIGHUP", signal.SIGTERM))


class TerminalGone(KeyboardInterrupt):
    """The terminal closed (SIGHUP) or the program was asked to stop (SIGTERM).

    Handled like Ctrl-C: the draft is saved with any half-typed text (``step`` and
    ``partial``, filled in by the asker that was waiting), then the program exits
    with ``128 + signum`` without writing to a terminal that may be gone.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum
        self.step: str | None = None
        self.partial: str | None = None

    @property
    def exit_code(self) -> int:
        return 128 + self.signum


@contextmanager
def _stopping_signals_go_to(handler: Callable[[int, FrameType | None], None]) -> Iterator[None]:
    """Inside the block SIGHUP and SIGTERM call ``handler``; after it, what handled them
    before. Only in the main thread, the one signals reach."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {sig: signal.signal(sig, handler) for sig in STOPPING_SIGNALS}
    try:
        yield
    finally:
        for sig, before in previous.items():
            signal.signal(sig, before)


@contextmanager
def stopping_signals_pause() -> Iterator[None]:
    """While an exercise is being asked, SIGHUP and SIGTERM raise :class:`TerminalGone`.

    The first one also ignores any later ones, so saving the draft is never cut short.
    """

    def stop(signum: int, frame: FrameType | None) -> None:
        for sig in STOPPING_SIGNALS:
            signal.signal(sig, signal.SIG_IGN)
        raise TerminalGone(signum)

    with _stopping_signals_go_to(stop):
        yield


@contextmanager
def signals_held() -> Iterator[None]:
    """SIGHUP and SIGTERM wait until the block ends, so saving the draft after a pause is never
    cut short (closing a terminal ends its input first, then sends SIGHUP a moment later);
    one that came meanwhile is raised as :class:`TerminalGone` once the block is done."""
    came: list[int] = []

    def remember(signum: int, frame: FrameType | None) -> None:
        came.append(signum)

    with _stopping_signals_go_to(remember):
        yield
    if came:
        raise TerminalGone(came[0])


# Ctrl-C that came as a signal while a prompt was starting or ending, or between two prompts,
# not yet acted on: the prompt under way, or else the next one, ends with it as a pause.
interrupted: list[int] = []


def _remember(signum: int, frame: Any) -> None:
    interrupted.append(signum)


@contextmanager
def kept_for_the_next_prompt(*, asking: bool = True) -> Iterator[None]:
    """While a person is asked one question after another (``asking``), Ctrl-C between two
    prompts is remembered and pauses at the next one, rather than raised as
    :class:`KeyboardInterrupt` wherever the program is: raised inside a finalizer (the event
    loop of the prompt before, collected while the next one is built), Python prints it and
    drops it, and the next page to read waited as if nothing was pressed. A Ctrl-C after the
    last question is dropped at the end of the block: what was answered is saved."""
    if (
        not asking
        or threading.current_thread() is not threading.main_thread()
        or signal.getsignal(signal.SIGINT) is _remember  # kept already, by an outer block
    ):
        yield
        return
    interrupted.clear()
    before = signal.signal(signal.SIGINT, _remember)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, before)
        interrupted.clear()


def run_prompt(question: Any) -> Any:
    """Ask ``question`` (a questionary question), with the signals that stop it handled from
    inside its event loop; returns its answer.

    Ctrl-C reaches a prompt as a key once the prompt has the terminal; before that (while it
    starts) and after (while it ends) the terminal sends SIGINT instead. The signal is then
    remembered and ends the prompt under way, or else the next one, as a pause (Ctrl-C, so
    :class:`KeyboardInterrupt`), after any keys typed before it. Left to prompt_toolkit, a
    SIGINT while the prompt started became a key handed to an application that was not
    running yet, and was lost: a page to read then waited, or took the next Enter.

    SIGHUP and SIGTERM (only while an exercise handles them, ``stopping_signals_pause``) end
    the prompt the same way, with :class:`TerminalGone` as its outcome: raised from the
    handler, the exception could land in one of prompt_toolkit's background tasks, whose
    error handler prints a traceback and waits for Enter on a terminal that may be gone.
    """
    app = question.application
    if threading.current_thread() is not threading.main_thread():
        return app.run(handle_sigint=False)
    import asyncio

    def end_with(outcome: BaseException) -> None:
        """End the prompt under way with ``outcome``, from inside its loop."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # before the prompt's loop runs: its start looks (see below)
            return

        def exit_app() -> None:
            if app.is_running and app.future is not None and not app.future.done():
                if isinstance(outcome, TerminalGone) or interrupted:
                    interrupted.clear()
                    app.exit(exception=outcome, style="class:aborting")
            elif isinstance(outcome, TerminalGone):
                raise outcome

        loop.call_soon_threadsafe(exit_app)

    def on_interrupt(signum: int, frame: Any) -> None:
        interrupted.append(signum)
        end_with(KeyboardInterrupt())

    def pause_if_interrupted() -> None:
        if interrupted:
            interrupted.clear()
            app.exit(exception=KeyboardInterrupt(), style="class:aborting")

    handlers = {sig: signal.getsignal(sig) for sig in STOPPING_SIGNALS}
    stopping = any(callable(h) for h in handlers.values())

    def end_prompt(signum: int, frame: Any) -> None:
        for sig in handlers:
            signal.signal(sig, signal.SIG_IGN)  # the first one decides; saving is not cut short
        gone = TerminalGone(signum)
        try:
            asyncio.get_running_loop()
        except RuntimeError:  # between the prompt's start and its loop
            raise gone from None
        end_with(gone)

    app.pre_run_callables.append(pause_if_interrupted)
    before = signal.signal(signal.SIGINT, on_interrupt)
    if stopping:
        for sig in handlers:
            signal.signal(sig, end_prompt)
    try:
        return app.run(handle_sigint=False)
    finally:
        signal.signal(signal.SIGINT, before)
        if stopping:
            for sig, handler in handlers.items():
                if signal.getsignal(sig) is end_prompt:  # after a signal they stay ignored
                    signal.signal(sig, handler)


# Reading from or drawing on a terminal that has closed fails with these.
_GONE_ERRNOS = {errno.EIO, errno.EBADF, errno.ENXIO}


def terminal_gone(exc: OSError) -> TerminalGone:
    """A terminal that closed under a prompt (its input ends, then drawing fails before the
    hangup signal arrives) is handled as that hangup: the draft is kept, with what was typed.
    Any other error is not ours to name, and is raised as it is."""
    if exc.errno not in _GONE_ERRNOS:
        raise exc
    return TerminalGone(hangup())
