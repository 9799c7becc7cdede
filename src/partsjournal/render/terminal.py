"""The terminal: the one object that knows, for the command being run, whether each stream is a
terminal, how wide and tall the screen is, each stream's encoding, whether colour is wanted and
whether output is plain.

Modelled on httpie's ``Environment`` (``httpie/context.py``): every part of the program asks
:func:`current` instead of calling ``isatty()`` or reading ``COLUMNS`` itself (a test in
``tests/test_one_owner.py`` keeps it that way), and tests pass a fake one with :func:`use`.

Plain output (:attr:`Terminal.plain`) is ASCII-only, without boxes, colour or progress bars,
for screen readers, ``TERM=dumb`` and streams that cannot show more. It is chosen by
``--plain`` or ``PARTSJOURNAL_PLAIN=1``, and on its own for ``TERM=dumb`` or a stream whose
encoding is not UTF-8. Standard library only: it is asked at every start.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TextIO

from partsjournal.render.text import UNSHOWABLE

PLAIN_VAR = "PARTSJOURNAL_PLAIN"
DEFAULT_SIZE = (80, 24)  # the screen assumed when there is none to measure


@dataclass(frozen=True)
class Terminal:
    stdin_tty: bool = False
    stdout_tty: bool = False
    stderr_tty: bool = False
    stdout_encoding: str = "utf-8"
    stderr_encoding: str = "utf-8"
    width: int = DEFAULT_SIZE[0]  # the screen's columns (COLUMNS when it is set)
    height: int = DEFAULT_SIZE[1]  # its rows (LINES when it is set)
    width_asked: bool = False  # COLUMNS is set: lines are fitted to it even in a pipe
    colour: bool = False  # styles for output on a terminal (never in plain output)
    force_colour: bool = False  # FORCE_COLOR: styles even into a pipe (unless plain)
    plain: bool = False
    term: str = ""

    @property
    def stdout_encoding_is_utf8(self) -> bool:
        return _is_utf8(self.stdout_encoding)

    @property
    def can_prompt(self) -> bool:
        """True when both ends are a terminal; nothing is ever asked through a pipe."""
        return self.stdin_tty and self.stdout_tty

    def is_tty(self, *, stderr: bool = False) -> bool:
        return self.stderr_tty if stderr else self.stdout_tty

    def fits_lines(self, *, stderr: bool = False) -> bool:
        """Whether text for this stream is broken between words to fit :attr:`width`: on a
        terminal, or wherever COLUMNS asks for a width; a pipe or a file gets whole lines."""
        return self.is_tty(stderr=stderr) or self.width_asked

    def shows_progress(self) -> bool:
        """A progress bar is drawn on stderr, so stderr decides (never in plain output)."""
        return self.stderr_tty and not self.plain

    @classmethod
    def from_system(
        cls,
        *,
        plain: bool = False,
        env: Mapping[str, str] | None = None,
        stdin: TextIO | None = None,
        stdout: TextIO | None = None,
        stderr: TextIO | None = None,
    ) -> Terminal:
        """The terminal of this process, from its streams and environment."""
        env = os.environ if env is None else env
        given = (stdin, stdout, stderr)
        streams = [s if s is not None else d for s, d in zip(given, _std(), strict=True)]
        ttys = [_isatty(s) for s in streams]
        out_enc, err_enc = (_encoding(s) for s in streams[1:])
        term = env.get("TERM", "")
        columns, lines = _size(env, streams[1] if ttys[1] else streams[2] if ttys[2] else None)
        plain = (
            plain
            or env.get(PLAIN_VAR, "") not in ("", "0")
            or term == "dumb"
            or not (_is_utf8(out_enc) and _is_utf8(err_enc))
        )
        force_colour = bool(env.get("FORCE_COLOR")) and not plain
        colour = not plain and (ttys[1] or ttys[2] or force_colour) and not env.get("NO_COLOR")
        return cls(
            stdin_tty=ttys[0],
            stdout_tty=ttys[1],
            stderr_tty=ttys[2],
            stdout_encoding=out_enc,
            stderr_encoding=err_enc,
            width=columns,
            height=lines,
            width_asked=_whole(env.get("COLUMNS")) is not None,
            colour=colour,
            force_colour=force_colour,
            plain=plain,
            term=term,
        )


def _std() -> tuple[TextIO, TextIO, TextIO]:
    return sys.stdin, sys.stdout, sys.stderr


def _isatty(stream: TextIO | None) -> bool:
    try:
        return bool(stream is not None and stream.isatty())
    except (ValueError, OSError):  # a closed stream
        return False


def _encoding(stream: TextIO | None) -> str:
    return (getattr(stream, "encoding", None) or "utf-8").lower()


def _is_utf8(encoding: str) -> bool:
    try:
        return codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        return False


def _whole(text: str | None) -> int | None:
    try:
        number = int(text or "")
    except ValueError:
        return None
    return number if number > 0 else None


def _size(env: Mapping[str, str], tty: TextIO | None) -> tuple[int, int]:
    """COLUMNS and LINES when set, else the size of the terminal there is, else 80 x 24."""
    measured = DEFAULT_SIZE
    if tty is not None:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            measured = tuple(os.get_terminal_size(tty.fileno()))  # type: ignore[assignment]
    width = _whole(env.get("COLUMNS")) or measured[0] or DEFAULT_SIZE[0]
    height = _whole(env.get("LINES")) or measured[1] or DEFAULT_SIZE[1]
    return width, height


# the terminal of the command being run, and one a test passes instead of measuring
_current: dict[str, Terminal | None] = {"terminal": None, "fake": None}


def current() -> Terminal:
    """The terminal of the command being run (measured on first use)."""
    found = _current["terminal"] or _current["fake"]
    if found is None:
        found = _current["terminal"] = Terminal.from_system()
    return found


def begin(*, plain: bool = False) -> Terminal:
    """Measure the terminal afresh at the start of a command (``--plain`` forces plain output).

    A stream that cannot encode every character (``PYTHONIOENCODING=ascii``, a latin-1
    locale) shows what it cannot encode as an escape (``\\xe9``) instead of stopping the
    command: no command fails because of the stream it writes to.
    """
    for stream in (sys.stdout, sys.stderr):
        if not _is_utf8(_encoding(stream)) and hasattr(stream, "reconfigure"):
            with contextlib.suppress(ValueError, OSError):  # a stream that cannot change
                stream.reconfigure(errors=UNSHOWABLE)
    fake = _current["fake"]
    if fake is not None:
        made = replace(fake, plain=fake.plain or plain)
    else:
        made = Terminal.from_system(plain=plain)
    _current["terminal"] = made
    return made


def use(fake: Terminal | None) -> None:
    """Take ``fake`` as the terminal from now on, for every command (tests); None measures
    the real one again."""
    _current["fake"] = fake
    _current["terminal"] = fake
