"""The one place that decides where the journal lives (``<home>``).

Order: the ``--home`` option, then the ``PARTSJOURNAL_HOME`` environment
variable, then the platform's user data folder (via platformdirs, imported only
when it is needed because it costs start-up time).
"""

from __future__ import annotations

import os
from pathlib import Path

from partsjournal.core import messages as msg
from partsjournal.core.errors import JournalError, UsageError

ENV_VAR = "PARTSJOURNAL_HOME"

_override: Path | None = None


def set_home(path: Path | None) -> None:
    """Remember the ``--home`` option for this process."""
    global _override
    _override = path


def home() -> Path:
    """The journal folder, resolved once per call in a fixed order.

    A path that exists but is not a folder is refused with a sentence naming
    where it came from, before anything tries to read or write inside it.
    """
    if _override is not None:
        return _checked(_override.expanduser(), "--home")
    env = os.environ.get(ENV_VAR)
    if env:
        known = _named.get(env)  # a command asks for <home> hundreds of times
        if known is not None:
            return known
        path = _checked(Path(env).expanduser(), ENV_VAR)
        if path in _folders and not env.startswith("~"):
            _named[env] = path
        return path
    import platformdirs

    return _checked(Path(platformdirs.user_data_dir("partsjournal", appauthor=False)), "")


_folders: set[Path] = set()
# PARTSJOURNAL_HOME's text -> its folder, once seen to be one ("~" depends on HOME: not kept)
_named: dict[str, Path] = {}
# (<home>, name) -> <home>/name, once seen to be a folder
_within: dict[tuple[Path, str], Path] = {}


def _checked(path: Path, source: str) -> Path:
    if path in _folders:
        return path
    if path.exists() and not path.is_dir():
        given = f" (from {source})" if source else ""
        raise UsageError(msg.HOME_IS_A_FILE.format(path=path, given=given))
    if path.is_dir():
        _folders.add(path)
    return path


def _inside(name: str, what: str) -> Path:
    """``<home>/name``, refused with a sentence when a file sits where the folder goes
    (reading commands would otherwise show an empty journal, writing ones fail)."""
    base = home()
    known = _within.get((base, name))
    if known is not None:  # seen as a folder already in this run: no need to look again
        return known
    path = base / name
    if path in _folders:
        _within[(base, name)] = path
        return path
    if path.exists() and not path.is_dir():
        raise JournalError(msg.FOLDER_IS_A_FILE.format(path=path, what=what))
    if path.is_dir():
        _folders.add(path)
        _within[(base, name)] = path
    return path


def check_folders() -> None:
    """Refuse now, before anyone types an answer, if a file sits where a folder goes or
    a folder that answers will be saved in may not be written."""
    for folder in (home(), entries_dir(), parts_dir(), sessions_dir(), drafts_dir()):
        if folder.is_dir() and not os.access(folder, os.W_OK | os.X_OK):
            raise JournalError(msg.FOLDER_NOT_WRITABLE.format(folder=folder))


def entries_dir() -> Path:
    return _inside("entries", "entries")


def sessions_dir() -> Path:
    return _inside("sessions", "sessions")


def parts_dir() -> Path:
    return _inside("parts", "parts")


def drafts_dir() -> Path:
    return _inside("drafts", "paused exercises")


def waiting_dir() -> Path:
    """Notes whose parts wait to be linked until the key is at hand (``flow/notes``)."""
    return _inside("waiting", "notes waiting for their parts")


def user_exercises_dir() -> Path:
    return _inside("exercises", "own exercises")


def config_file() -> Path:
    return home() / "config.toml"


def inside_home(path: Path) -> bool:
    """True when ``path`` (followed through symlinks) lies inside ``<home>``."""
    try:
        return path.resolve().is_relative_to(home().resolve())
    except OSError:
        return False
