"""How a prompt ends when a signal comes: Ctrl-C pauses, a closed terminal or SIGTERM stops.

:func:`run_prompt` asks one prompt (a questionary question, built by ``prompts``) with these
signals handled from inside the prompt's event loop, so none is lost and none leaves a
traceback on a terminal that is gone; :func:`terminal_gone` names a terminal that closed
under a prompt.
"""

from __future__ import annotations

import errno
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from partsjournal.flow.draft_keeper import STOPPING_SIGNALS, TerminalGone, hangup

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
