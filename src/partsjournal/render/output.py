"""Where a report goes: the screen, or a file written with :func:`store.atomic_write`."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from partsjournal.core import crypt, paths, store
from partsjournal.core.errors import UsageError
from partsjournal.render import ui

_SUFFIXES = {".md": "markdown", ".markdown": "markdown", ".json": "json"}


def choose_format(
    given: str | None, output: Path | None, allowed: tuple[str, ...], *, default: str
) -> str:
    """The ``--format`` asked for, else one implied by the ``--output`` file's suffix."""
    if given is None:
        implied = _SUFFIXES.get(output.suffix.lower()) if output is not None else None
        return implied if implied in allowed else default
    fmt = given.strip().lower()
    if fmt == "md":
        fmt = "markdown"
    if fmt not in allowed:
        raise UsageError(f"Unknown --format '{given}'; use one of: {', '.join(allowed)}.")
    return fmt


def emit(text: str, output: Path | None) -> None:
    """Print ``text``, or write it atomically to ``output`` (a private 0600 file)."""
    stream([text], output)


def stream(chunks: Iterable[str], output: Path | None) -> None:
    """:func:`emit` for text made piece by piece: each piece is written as it comes."""
    if output is None:
        write = ui.document_writer()
        for chunk in chunks:
            write(chunk)
        sys.stdout.flush()
        return
    target = _target(output)
    store.atomic_write_chunks(target, (c.encode("utf-8") for c in chunks), private_dir=False)
    if crypt.is_encrypted():
        ui.say(
            f"Written to {target} as plain text, readable by you only; unlike your journal "
            "it is not encrypted.",
            to_stderr=True,
        )
    else:
        ui.say(f"Written to {target}.", to_stderr=True)


def _target(output: Path) -> Path:
    target = output.expanduser()
    if paths.inside_home(target):
        raise UsageError(
            f"--output {output} is inside the journal folder, where it could replace your own "
            "files; choose a place outside it."
        )
    if target.is_dir():
        raise UsageError(f"--output {output} is a folder; give a file name such as week.md.")
    if not target.parent.is_dir():
        raise UsageError(
            f"The folder for --output ({target.parent}) does not exist; create it first "
            "or choose another place."
        )
    return target
