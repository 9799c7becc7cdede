"""A stopping signal during a prompt ends the prompt cleanly, wherever in prompt_toolkit's
event loop it lands, and keeps the half-typed answer.

The signal is sent from inside one of the prompt's background tasks, the place where an
exception raised by the signal handler used to reach prompt_toolkit's error handler (a
traceback, then "Press ENTER to continue" on a terminal that is gone).
"""

from __future__ import annotations

import asyncio
import os
import signal
from typing import Any

import pytest

from partsjournal import prompts
from partsjournal.flow import exercises
from partsjournal.flow.interrupts import TerminalGone, stopping_signals_pause


@pytest.mark.parametrize("sig", [signal.SIGHUP, signal.SIGTERM])
def test_a_signal_in_a_background_task_ends_the_prompt_with_the_typed_text(
    monkeypatch: pytest.MonkeyPatch, sig: int
) -> None:
    import questionary
    from prompt_toolkit.application import Application
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    # prompt_toolkit's handler for errors in its loop: a traceback, then "Press ENTER"
    reached_handler: list[object] = []
    monkeypatch.setattr(
        Application,
        "_handle_exception",
        lambda self, loop, context: reached_handler.append(context),
    )

    step = exercises.get("protector").step("purpose")
    assert step is not None
    real_text = questionary.text

    async def hang_up() -> None:
        await asyncio.sleep(0.05)  # the typed text is in the buffer by now
        os.kill(os.getpid(), sig)  # the handler runs here, inside this background task
        await asyncio.sleep(0.05)

    with create_pipe_input() as keys:

        def text(*args: Any, **kwargs: Any) -> Any:
            question = real_text(*args, input=keys, output=DummyOutput(), **kwargs)
            app = question.application
            app.pre_run_callables.append(lambda: app.create_background_task(hang_up()))
            return question

        monkeypatch.setattr(questionary, "text", text)
        keys.send_text("half a sen")
        with stopping_signals_pause(), pytest.raises(TerminalGone) as gone:
            prompts.InteractiveAsker().ask(step, "What is it trying to do?", 3, 9)
    assert reached_handler == []
    assert (gone.value.signum, gone.value.step, gone.value.partial) == (
        sig,
        "purpose",
        "half a sen",
    )
