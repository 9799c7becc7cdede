"""Going back one step under tmux, in a real terminal: tmux takes Ctrl-B (its prefix) for
itself, so going back is Esc, which tmux passes on; line editing keeps its keys.

A real terminal multiplexer around a real program: the slow stage runs it. The quick line
types the same keys in process (``test_going_back``, ``test_keystrokes``)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from tests.conftest import entry_files
from tests.pty_helpers import Tiny, Tmux, write_tiny


@pytest.mark.slow
def test_esc_goes_back_under_tmux_and_the_answer_comes_back_to_edit(home: Path) -> None:
    tmux = Tmux(home, "exercise", write_tiny(home))
    try:
        at = tmux.wait_for(Tiny.ARRIVE)
        tmux.send("Enter")
        at = tmux.wait_for("Enter on an empty line finishes", after=at)
        tmux.type("A busy day")
        tmux.send("Enter", "Enter")
        at = tmux.wait_for("A number from 0 to 10", after=at)
        tmux.type("5")
        tmux.send("Enter")
        at = tmux.wait_for("The part's name", after=at)
        tmux.type("The Planner")
        tmux.send("Enter")
        at = tmux.wait_for(f"{Tiny.BODY} The Planner?", after=at)
        at = tmux.wait_for("Your answer", after=at)
        tmux.type("shoul")
        tmux.send("Escape")  # back to the part's name, with the name ready to edit
        at = tmux.wait_for(Tiny.PART, after=at)
        at = tmux.wait_for("The part's name: The Planner", after=at)
        tmux.send("Enter")
        # the half-typed answer is offered again; Ctrl-A and Ctrl-E edit as anywhere
        at = tmux.wait_for("Your answer: shoul", after=at)
        tmux.send("C-a")
        tmux.type("tight ")
        tmux.send("C-e")
        tmux.type("ders")
        tmux.send("Enter")
        at = tmux.wait_for("Choose one", after=at)
        tmux.type("1")
        tmux.send("Enter")
        at = tmux.wait_for(f"{Tiny.NEEDS} The Planner?", after=at)
        tmux.send("Enter")
        at = tmux.wait_for(Tiny.CLOSING, after=at)
        tmux.send("Enter")
        tmux.wait_for("exit=0", after=at)
    finally:
        tmux.close()
    [entry] = entry_files(home)
    got = {a["step"]: a["value"] for a in tomllib.loads(entry.read_text("utf-8"))["answers"]}
    assert got["body"] == "tight shoulders" and got["name_part"] == "The Planner"
    assert got["situation"] == "A busy day"
