"""Driving partsjournal in a real terminal: a pseudo-terminal with pexpect, or tmux.

Only what a terminal alone can show is tested this way (signals and hang-ups, the passphrase
never echoed, the README's first line, one whole protector run, going back under tmux); the
rest of the dialogue is typed in process (``tests/keys.py``). The exercises written by the
tests (:func:`write_tiny` and the others) serve both: their prompts belong to the tests, so a
change of wording in a shipped exercise breaks only the one end-to-end run of it.
"""

from __future__ import annotations

import io
import os
import sys
import time
from pathlib import Path
from typing import Any

import pexpect
import tomli_w

ENTER = "\r"
FINISH_LONG = "\r\r"  # Enter, then Enter on the empty line, ends a multi-line answer


class Child(pexpect.spawn):  # type: ignore[misc]
    """A pexpect child that does not sleep where nothing needs waiting for.

    pexpect pauses 50 ms before every send (for programs that read keys before their prompt
    is up; every test waits for the prompt first) and 100 ms in ``close`` (for the kernel to
    reap the child); once the child's output has ended, waiting for its exit is exact.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.delaybeforesend = None

    def close(self, force: bool = True) -> None:
        if self.flag_eof and not self.closed:
            # the output ended: the child has exited or is exiting (ten seconds at most,
            # then close as pexpect does, ending a child that hangs on)
            deadline = time.monotonic() + 10
            while self.isalive() and time.monotonic() < deadline:
                time.sleep(0.001)
            if not self.isalive():
                self.ptyproc.delayafterclose = 0
        super().close(force=force)


def spawn(home: Path, *args: str, support_offer: bool = False) -> Child:
    """Run partsjournal in a pty. The one-time offer to fill in the support card (first
    exercise of a new journal) is marked as made unless ``support_offer`` is True."""
    config = home / "config.toml"
    if not support_offer and not config.exists():
        home.mkdir(mode=0o700, parents=True, exist_ok=True)
        config.write_text("support_offered = true\n", encoding="utf-8")
    env = {
        **os.environ,
        "PARTSJOURNAL_HOME": str(home),
        "NO_COLOR": "1",
        "TERM": "xterm",
        "COLUMNS": "200",
        "LINES": "50",
        # prompt_toolkit asks the terminal where the cursor is and waits up to a second
        # for the reply; a pty never answers, so every prompt would stall for nothing.
        "PROMPT_TOOLKIT_NO_CPR": "1",
    }
    child = Child(
        sys.executable,
        ["-m", "partsjournal", *args],
        env=env,
        encoding="utf-8",
        timeout=20,
        dimensions=(50, 200),
    )
    child.logfile_read = io.StringIO()  # everything shown, for transcript()
    return child


def transcript(child: pexpect.spawn) -> str:
    """All the output the child has shown so far (``before`` holds only the last stretch)."""
    log = child.logfile_read
    assert isinstance(log, io.StringIO)
    return log.getvalue()


def answer_text(child: pexpect.spawn, expect: str, text: str) -> None:
    child.expect_exact(expect)
    child.expect_exact("Your answer")
    child.send(text + ENTER)


def answer_long(child: pexpect.spawn, expect: str, text: str) -> None:
    child.expect_exact(expect)
    child.expect_exact("Enter on an empty line finishes")
    child.send(text)
    child.send(FINISH_LONG)


def answer_scale(child: pexpect.spawn, expect: str, value: int) -> None:
    child.expect_exact(expect)
    child.expect_exact("A number from 0 to 10")
    child.send(f"{value}{ENTER}")


def press_on(child: pexpect.spawn, expect: str) -> None:
    child.expect_exact(expect)
    child.expect_exact("Press Enter to go on")
    child.send(ENTER)


def choose(child: pexpect.spawn, expect: str, index: int) -> None:
    """Pick the choice at ``index`` (0 is the first) with the arrow keys (nothing is chosen
    until one moves)."""
    child.expect_exact(expect)
    child.expect_exact("Choose one")
    child.send("\x1b[B" * (index + 1))
    child.send(ENTER)


def answer_part(child: pexpect.spawn, expect: str, name: str) -> None:
    child.expect_exact(expect)
    child.expect_exact("The part's name")
    child.send(name + ENTER)


def draft_files(home: Path) -> list[Path]:
    folder = home / "drafts"
    return sorted(folder.glob("*.toml")) if folder.is_dir() else []


# --- exercises written by the tests -----------------------------------------------


def write_exercise(
    home: Path,
    name: str,
    steps: list[dict[str, Any]],
    *,
    title: str | None = None,
    **extra: Any,
) -> Path:
    """Write ``<home>/exercises/NAME.toml`` (the format of ``exercises/*.toml``).

    A new name adds an exercise; a shipped name (``grounding``, ``integrate``) replaces that
    one for this journal only.
    """
    folder = home / "exercises"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    script = {
        "name": name,
        "title": title or f"Test exercise {name}",
        "summary": "Written by a test.",
        "minutes": 1,
        "version": 1,
        **extra,
        "steps": steps,
    }
    path = folder / f"{name}.toml"
    path.write_text(tomli_w.dumps(script), encoding="utf-8")
    return path


class Tiny:
    """The prompts of the tiny exercise (:func:`write_tiny`), one of each step kind.

    Prompts that name the part end in " {part}?", which the exercise fills in: a test
    expects e.g. ``f"{Tiny.BODY} The Critic?"`` to see which name is in use.
    """

    NAME = "tiny"
    TITLE = "A tiny test walk"
    ARRIVE = "Arrive here with one slow breath."  # guide
    SITUATION = "What is on your mind today?"  # long_text, role situation
    RATING = "How stirred up are you right now?"  # scale, role activation-before
    PART = "Which part of you is here?"  # part
    BODY = "Where in your body do you notice"  # text, role part-body
    FEEL = "How do you feel toward"  # choice, role feel-toward
    FEELINGS = ("curious", "tired of it")
    NEEDS = "What would help"  # optional long_text, role part-needs
    CLOSING = "That was the whole tiny walk."  # guide


def write_tiny(home: Path) -> str:
    """Write the tiny exercise into ``home``; returns its name for ``exercise NAME``."""
    write_exercise(
        home,
        Tiny.NAME,
        [
            {"id": "arrive", "kind": "guide", "text": Tiny.ARRIVE},
            {"id": "situation", "kind": "long_text", "role": "situation", "text": Tiny.SITUATION},
            {
                "id": "activation",
                "kind": "scale",
                "role": "activation-before",
                "text": Tiny.RATING,
                "low": "settled",
                "high": "overwhelmed",
            },
            {"id": "name_part", "kind": "part", "role": "part", "text": Tiny.PART},
            {"id": "body", "kind": "text", "role": "part-body", "text": f"{Tiny.BODY} {{part}}?"},
            {
                "id": "feel",
                "kind": "choice",
                "role": "feel-toward",
                "text": f"{Tiny.FEEL} {{part}}?",
                "choices": list(Tiny.FEELINGS),
            },
            {
                "id": "needs",
                "kind": "long_text",
                "role": "part-needs",
                "optional": True,
                "text": f"{Tiny.NEEDS} {{part}}?",
            },
            {"id": "closing", "kind": "guide", "text": Tiny.CLOSING},
        ],
        title=Tiny.TITLE,
    )
    return Tiny.NAME


class TinyGrounding:
    """The prompts of the short stand-in for the shipped grounding exercise."""

    FEET = "Feel both feet on the floor for a moment."  # guide
    DISTRESS = "How much distress is here now?"  # scale, role distress
    SAFE = "Safe enough to go on right now?"  # yes_no, role safety


def write_tiny_grounding(home: Path) -> None:
    """Replace ``grounding`` (offered inside exercises) by three steps for this journal."""
    write_exercise(
        home,
        "grounding",
        [
            {"id": "feet", "kind": "guide", "text": TinyGrounding.FEET},
            {"id": "distress", "kind": "scale", "role": "distress", "text": TinyGrounding.DISTRESS},
            {"id": "safe", "kind": "yes_no", "role": "safety", "text": TinyGrounding.SAFE},
        ],
        title="A tiny grounding pause",
    )


def walk_tiny_to_part(child: pexpect.spawn, situation: str, rating: int) -> None:
    """From the start of the tiny exercise up to (not into) its part question.

    A rating of 8 or more is followed by the grounding offer, left for the caller.
    """
    child.expect_exact(Tiny.TITLE)
    press_on(child, Tiny.ARRIVE)
    answer_long(child, Tiny.SITUATION, situation)
    answer_scale(child, Tiny.RATING, rating)


# --- a real terminal multiplexer ----------------------------------------------------


class Tmux:
    """partsjournal run inside tmux, as a person runs it there: keys go through tmux (which
    takes Ctrl-B for itself), and the screen is read back from tmux's pane."""

    def __init__(self, home: Path, *args: str) -> None:
        import shlex
        import subprocess
        import tempfile

        config = home / "config.toml"
        if not config.exists():
            home.mkdir(mode=0o700, parents=True, exist_ok=True)
            config.write_text("support_offered = true\n", encoding="utf-8")
        self.socket = Path(tempfile.mkdtemp(prefix="pj-tmux-")) / "s"  # a server of its own
        env = {"PARTSJOURNAL_HOME": str(home), "NO_COLOR": "1", "PROMPT_TOOLKIT_NO_CPR": "1"}
        command = " ".join(shlex.quote(a) for a in (sys.executable, "-m", "partsjournal", *args))
        self._run = lambda *a: subprocess.run(
            ["tmux", "-S", str(self.socket), *a], check=True, capture_output=True, text=True
        )
        self._run(
            *("-f", "/dev/null", "new-session", "-d", "-x", "200", "-y", "50"),
            *(f"-e{k}={v}" for k, v in {**os.environ, **env}.items() if "\n" not in v),
            f"{command}; echo exit=$?; sleep 60",
        )

    def send(self, *keys: str) -> None:
        """Keys by tmux's names (Enter, Escape, C-b) or, with ``literal=``, text."""
        self._run("send-keys", *keys)

    def type(self, text: str) -> None:
        self._run("send-keys", "-l", text)

    def screen(self) -> str:
        return str(self._run("capture-pane", "-p", "-S", "-500").stdout)

    def wait_for(self, text: str, *, after: int = 0, timeout: float = 20) -> int:
        """Wait until ``text`` is on the screen past position ``after``; returns where it ends."""
        deadline = time.monotonic() + timeout
        while True:
            found = self.screen().find(text, after)
            if found >= 0:
                return found + len(text)
            assert time.monotonic() < deadline, f"{text!r} never shown:\n{self.screen()}"
            time.sleep(0.05)

    def close(self) -> None:
        import shutil
        import subprocess

        subprocess.run(["tmux", "-S", str(self.socket), "kill-server"], capture_output=True)
        shutil.rmtree(self.socket.parent, ignore_errors=True)
