"""Files that carry their own id: one TOML file per part, one per session.

A part's or a session's id is the ``id`` written inside its file; the file's name
(without ``.toml``) is only the fallback for a file made by hand without one.
Usually the two are the same. In an encrypted journal the name is random
(:data:`PART_NAME`, :data:`SESSION_NAME`), so a folder listing or a backup shows
no part's name and no session's kind; entries still refer to the id inside.

The rules both folders follow live here:

- which id a file carries (:func:`file_id`);
- which file counts when two claim one id (:func:`choose`): the file named by the
  id, else the first by name; the other is left as it is, never read as the
  part or session, and reported;
- where the file of an id is (:func:`locate`): the file named by the id when it
  exists, else the file whose content carries it, found by reading the folder
  (remembered per process while the folder is unchanged).

A random name is never any record's id, so "the file named by the id" is always
the right file when it exists.
"""

from __future__ import annotations

import os
import re
import secrets
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from partsjournal.core import messages as msg
from partsjournal.core.store import UnreadableFile, is_journal_file, read_toml

HEX = 12  # random hex digits in a name: 48 bits, never the same twice in one journal

# What a name may look like without telling anything but a date and a random id.
PART_NAME = re.compile(rf"p-[0-9a-f]{{{HEX}}}")
# The date alone, with -2, -3 ... (what `session add` makes), or the date and random hex.
SESSION_NAME = re.compile(rf"\d{{4}}-\d{{2}}-\d{{2}}(?:-\d{{1,4}}|-[0-9a-f]{{{HEX}}})?")

Warn = Callable[[str], None]


def random_part_id() -> str:
    return f"p-{secrets.token_hex(HEX // 2)}"


def random_session_name(day: date) -> str:
    return f"{day.isoformat()}-{secrets.token_hex(HEX // 2)}"


def file_id(data: Mapping[str, Any], path: Path) -> str:
    """The id a record's file carries: its ``id``, or its name when it has none."""
    value = data.get("id")
    if value is None or value == "":
        return path.stem
    if not isinstance(value, str):
        raise UnreadableFile(path, msg.ID_MUST_BE_TEXT)
    return value


def has_id(data: Mapping[str, Any]) -> bool:
    value = data.get("id")
    return isinstance(value, str) and value != ""


def says_nothing(path: Path) -> bool:
    """True when a part's or a session's file name is random (or a session's date alone)."""
    form = PART_NAME if path.parent.name == "parts" else SESSION_NAME
    return form.fullmatch(path.stem) is not None


def choose(claims: Iterable[tuple[Path, str]]) -> tuple[dict[str, Path], list[tuple[Path, Path]]]:
    """Which file counts for each id, from ``(file, id)`` pairs.

    When two files claim one id, the file named by the id counts, else one with a
    random name (``encrypt`` renames the one that counted, never the other), else
    the first by name. Returns the files by id and each ``(left out, counted)`` pair.
    """
    by_id: dict[str, list[Path]] = {}
    for path, record_id in sorted(claims, key=lambda claim: claim[0].name):
        by_id.setdefault(record_id, []).append(path)
    chosen: dict[str, Path] = {}
    left_out: list[tuple[Path, Path]] = []
    for record_id, files in by_id.items():
        kept = next(
            (f for f in files if f.stem == record_id),
            next((f for f in files if says_nothing(f)), files[0]),
        )
        chosen[record_id] = kept
        left_out += [(f, kept) for f in files if f != kept]
    return chosen, left_out


def warn_left_out(left_out: list[tuple[Path, Path]], what: str, warn: Warn | None) -> None:
    """One line for each file left out because another one carries the same id."""
    if warn is None:
        return
    for other, kept in left_out:
        warn(msg.SAME_ID.format(other=other, kept=kept, what=what))


# folder -> (the folder's stamp when it was read, the file of each id)
_known: dict[Path, tuple[tuple[int, int], dict[str, Path]]] = {}


def _stamp(folder: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(folder)
    except OSError:
        return None
    return (st.st_ino, st.st_mtime_ns)


def stamp_before_reading(folder: Path) -> tuple[int, int] | None:
    """The folder's stamp, taken before a caller lists and reads it (for :func:`remember`)."""
    return _stamp(folder)


def remember(folder: Path, stamp: tuple[int, int] | None, chosen: dict[str, Path]) -> None:
    """Keep the files by id of a folder just read in full (so :func:`locate` need not)."""
    if stamp is not None:
        _known[folder] = (stamp, dict(chosen))


def forget(folder: Path) -> None:
    _known.pop(folder, None)


def table(folder: Path) -> dict[str, Path]:
    """Every id in ``folder`` and the file that counts for it (unreadable files left out)."""
    stamp = _stamp(folder)
    if stamp is None:
        return {}
    known = _known.get(folder)
    if known is not None and known[0] == stamp:
        return known[1]
    chosen, _ = choose(_claims(folder))
    remember(folder, stamp, chosen)
    return chosen


def left_out(folder: Path) -> set[Path]:
    """The files in ``folder`` not read because another one carries the same id."""
    if not folder.is_dir():
        return set()
    return {other for other, _ in choose(_claims(folder))[1]}


def _claims(folder: Path) -> list[tuple[Path, str]]:
    claims = []
    for f in sorted(folder.iterdir()):
        if not is_journal_file(f):
            continue
        try:
            claims.append((f, file_id(read_toml(f), f)))
        except UnreadableFile:
            continue
    return claims


def locate(folder: Path, record_id: str) -> Path:
    """The file of ``record_id`` in ``folder``: the one named by the id when it exists,
    else the one whose content carries the id, else where a new one goes."""
    named = folder / f"{record_id}.toml"
    if named.exists():
        return named
    found = table(folder).get(record_id)
    if found is not None and not found.exists():  # moved within the stamp's resolution
        forget(folder)
        found = table(folder).get(record_id)
    return found if found is not None else named


def taken(folder: Path, record_id: str) -> bool:
    """True when a file is named ``record_id`` or carries it inside."""
    return (folder / f"{record_id}.toml").exists() or record_id in table(folder)
