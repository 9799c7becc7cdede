"""The one place that decides where the journal lives (``<home>``).

Order: the ``--home`` option, then the ``PARTSJOURNAL_HOME`` environment
variable, then the platform's user data folder (via platformdirs, imported only
when it is needed because it costs start-up time).
"""

from __future__ import annotations

import os
from pathlib import Path

from partsjournal.core.errors import UsageError

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
        return _checked(Path(env).expanduser(), ENV_VAR)
    import platformdirs

    return _checked(Path(platformdirs.user_data_dir("partsjournal", appauthor=False)), "")


_folders: set[Path] = set()


def _checked(path: Path, source: str) -> Path:
    if path in _folders:
        return path
    if path.exists() and not path.is_dir():
        given = f" (from {source})" if source else ""
        raise UsageError(
            f"The journal folder {path}{given} is a file, not a folder; "
            "give a folder, or leave it out to use the default."
        )
    if path.is_dir():
        _folders.add(path)
    return path


def entries_dir() -> Path:
    return home() / "entries"


def sessions_dir() -> Path:
    return home() / "sessions"


def parts_dir() -> Path:
    return home() / "parts"


def drafts_dir() -> Path:
    return home() / "drafts"


def user_exercises_dir() -> Path:
    return home() / "exercises"


def config_file() -> Path:
    return home() / "config.toml"


def inside_home(path: Path) -> bool:
    """True when ``path`` (followed through symlinks) lies inside ``<home>``."""
    try:
        return path.resolve().is_relative_to(home().resolve())
    except OSError:
        return False
