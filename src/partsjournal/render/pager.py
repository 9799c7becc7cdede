"""Long output through a pager, the way git does it.

Only when stdout is a terminal, and only when the output, as drawn, is taller than the screen
(measured by its rendered lines: a line wider than the screen takes several). The pager is
``$PARTSJOURNAL_PAGER``, else ``$PAGER``, else ``less -FRX`` (``LESS=FRX`` when ``less`` is
named without a setting of its own, as git sets it); an empty value or ``cat`` means no pager.
``LESSHISTFILE=-`` is always passed, so that what is searched for in the pager is not kept in
a history file. When the pager cannot be started, the output is printed as usual: nothing is
ever lost to a missing pager.
"""

from __future__ import annotations

import math
import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Mapping

from partsjournal.render.terminal import Terminal
from partsjournal.render.text import UNSHOWABLE

PAGER_VAR = "PARTSJOURNAL_PAGER"
DEFAULT = "less -FRX"
_ESCAPES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)")


def rendered_height(text: str, width: int) -> int:
    """How many rows of a ``width``-column screen ``text`` takes (colour codes take none)."""
    from rich.cells import cell_len

    rows = 0
    for line in _ESCAPES.sub("", text).splitlines():
        rows += max(1, math.ceil(cell_len(line) / max(width, 1)))
    return rows


def command(env: Mapping[str, str]) -> list[str] | None:
    """The pager to run, as arguments; None when paging is turned off or none is found."""
    chosen = env.get(PAGER_VAR)
    if chosen is None:
        chosen = env.get("PAGER")
    if chosen is None:
        chosen = DEFAULT
    try:
        argv = shlex.split(chosen, posix=os.name != "nt")
    except ValueError:
        return None
    if not argv or os.path.basename(argv[0]) in ("cat", "cat.exe"):
        return None
    found = shutil.which(argv[0])
    return [found, *argv[1:]] if found else None


def environment(env: Mapping[str, str], argv: list[str]) -> dict[str, str]:
    """The pager's environment: searches not kept; ``less`` told -FRX unless LESS says."""
    made = {**env, "LESSHISTFILE": "-"}
    if os.path.basename(argv[0]).startswith("less") and "LESS" not in env:
        made["LESS"] = "FRX"
    return made


def page(text: str, term: Terminal, env: Mapping[str, str] | None = None) -> None:
    """Show ``text``: through the pager when it is taller than the screen, else directly."""
    env = os.environ if env is None else env
    argv = command(env) if term.stdout_tty else None
    # one row is left for the shell's prompt after the output, as less -F leaves it
    if argv is None or rendered_height(text, term.width) < term.height:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        proc = subprocess.Popen(argv, stdin=subprocess.PIPE, env=environment(env, argv))
    except OSError:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    assert proc.stdin is not None
    try:
        proc.stdin.write(text.encode(term.stdout_encoding or "utf-8", UNSHOWABLE))
        proc.stdin.close()
    except (BrokenPipeError, OSError):  # the pager was left before it read everything
        pass
    while True:
        try:
            proc.wait()
            return
        except KeyboardInterrupt:  # Ctrl-C is the pager's to handle; wait for it to end
            continue
