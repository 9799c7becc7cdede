"""Where a report goes: the screen, or a file written with :func:`store.atomic_write`."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path

from partsjournal.core import crypt, paths, store
from partsjournal.core import messages as msg
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
        raise UsageError(msg.UNKNOWN_FORMAT.format(given=given, allowed=", ".join(allowed)))
    return fmt


def emit(text: str, output: Path | None) -> None:
    """Print ``text``, or write it atomically to ``output`` (a private 0600 file)."""
    stream([text], output)


def stream(chunks: Iterable[str], output: Path | None) -> None:
    """:func:`emit` for text made piece by piece: each piece is written as it comes."""
    if output is None:
        put = ui.document_writer()
        for chunk in chunks:
            put(chunk)
        sys.stdout.flush()
        return
    target = place(output, "--output")
    write(target, (c.encode("utf-8") for c in chunks), option="--output")
    if crypt.is_encrypted():
        ui.say(
            msg.WRITTEN_PLAIN.format(target=target),
            to_stderr=True,
        )
    else:
        ui.say(msg.WRITTEN_TO.format(target=target), to_stderr=True)


def place(given: Path, option: str, *, name_in_folder: str | None = None) -> Path:
    """Where a file the person names (``--output``, ``--ics``, ...) may be written: the
    one owner of that rule, called by every command that writes such a file.

    Refused (one sentence, :class:`UsageError`) inside ``<home>`` however it is reached
    (``..``, a symlink into it, another spelling of the same folder), over a file of the
    journal (a hard link to it), and where the folder does not exist. A folder is
    refused too, unless ``name_in_folder`` names the file to write inside it.
    """
    target = given.expanduser()
    if target.is_dir() and name_in_folder is not None:
        target = target / name_in_folder
    if _in_journal(target):
        raise UsageError(msg.OUTPUT_INSIDE_HOME.format(option=option, given=given))
    if target.is_dir():
        raise UsageError(msg.OUTPUT_IS_FOLDER.format(option=option, given=given))
    if not target.parent.is_dir():
        raise UsageError(msg.OUTPUT_NO_FOLDER.format(option=option, parent=target.parent))
    return target


def write(target: Path, chunks: Iterable[bytes], *, option: str) -> None:
    """Write a file the person asked for at ``target`` (checked again by :func:`place`
    just before, so a folder swapped in meanwhile is still refused): atomically, 0600,
    the folder's own mode left alone."""
    store.atomic_write_chunks(place(target, option), chunks, private_dir=False)


def _in_journal(target: Path) -> bool:
    """True when writing ``target`` would write inside ``<home>`` or over a journal file."""
    home = paths.home()
    real = Path(os.path.realpath(target))  # follows every symlink, the last one too
    if real.is_relative_to(os.path.realpath(home)):
        return True
    try:
        home_stat = os.stat(home)
    except OSError:
        return False  # no journal yet: nothing in it to replace
    for folder in real.parents:  # the same folder under another name (case, bind mount)
        try:
            if os.path.samestat(os.stat(folder), home_stat):
                return True
        except OSError:
            continue
    return _hard_link_into(real, home, home_stat)


def _hard_link_into(real: Path, home: Path, home_stat: os.stat_result) -> bool:
    """True when ``real`` is a second name (a hard link) of a file inside ``home``; only a
    file with more than one name on the journal's disk needs the journal looked through."""
    try:
        st = os.stat(real)
    except OSError:
        return False
    if st.st_nlink < 2 or st.st_dev != home_stat.st_dev:
        return False
    for folder, _, names in os.walk(home):
        for name in names:
            try:
                if os.path.samestat(os.stat(os.path.join(folder, name)), st):
                    return True
            except OSError:
                continue
    return False
