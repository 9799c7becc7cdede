"""The one place that decides where the journal lives (``<home>``).

Order: the ``--home`` option, then the ``PARTSJOURNAL_HOME`` environment
variable, then the platform's user data folder (via platformdirs, imported only
when it is needed because it costs start-up time).
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "PARTSJOURNAL_HOME"

_override: Path | None = None


def set_home(path: Path | None) -> None:
    """Remember the ``--home`` option for this process."""
    global _override
    _override = path


def home() -> Path:
    """The journal folder, resolved once per call in a fixed order."""
    if _override is not None:
        return _override.expanduser()
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("partsjournal", appauthor=False))


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
