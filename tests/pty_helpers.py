"""Driving partsjournal in a real pseudo-terminal with pexpect."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pexpect

ENTER = "\r"
FINISH_LONG = "\x1b\r"  # Esc then Enter ends a multi-line answer


def spawn(home: Path, *args: str) -> pexpect.spawn:
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
    child = pexpect.spawn(
        sys.executable,
        ["-m", "partsjournal", *args],
        env=env,
        encoding="utf-8",
        timeout=20,
        dimensions=(50, 200),
    )
    return child


def answer_text(child: pexpect.spawn, expect: str, text: str) -> None:
    child.expect_exact(expect)
    child.expect_exact("Your answer")
    child.send(text + ENTER)


def answer_long(child: pexpect.spawn, expect: str, text: str) -> None:
    child.expect_exact(expect)
    child.expect_exact("Esc then Enter")
    child.send(text)
    child.send(FINISH_LONG)


def answer_scale(child: pexpect.spawn, expect: str, value: int) -> None:
    child.expect_exact(expect)
    child.expect_exact("A number from 0 to 10")
    child.send(f"{value}{ENTER}")


def press_on(child: pexpect.spawn, expect: str) -> None:
    child.expect_exact(expect)
    child.expect_exact("Press any key")
    child.send(ENTER)


def choose(child: pexpect.spawn, expect: str, index: int) -> None:
    """Pick the choice at ``index`` (0 is the first) with the arrow keys."""
    child.expect_exact(expect)
    child.expect_exact("Choose one")
    child.send("\x1b[B" * index)
    child.send(ENTER)


def draft_files(home: Path) -> list[Path]:
    folder = home / "drafts"
    return sorted(folder.glob("*.toml")) if folder.is_dir() else []


def skip_self_check(child: pexpect.spawn) -> None:
    """Decline the optional Self-energy check at the start of the protector dialogue."""
    child.expect_exact("short Self-energy check")
    child.expect_exact("Yes or no?")
    child.send("n")
