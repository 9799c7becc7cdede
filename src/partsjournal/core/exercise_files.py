"""Where exercise scripts are, and their names, from the folder listings alone.

Standard library only, so that shell completion can offer exercise names without loading
the exercise models (:mod:`partsjournal.flow.exercises` validates the files themselves).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from partsjournal.core import paths


def builtin_dir() -> Path:
    """Where the shipped exercise scripts are: inside the package when installed,
    the repository's ``exercises/`` folder when run from a checkout."""
    packaged = Path(str(resources.files("partsjournal"))) / "exercises"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "exercises"


def files() -> dict[str, Path]:
    """Each exercise's name and file: the shipped ones, and the person's own in
    ``<home>/exercises/`` (which replace a shipped one of the same name)."""
    found = {p.stem: p for p in sorted(builtin_dir().glob("*.toml"))}
    user = paths.user_exercises_dir()
    if user.is_dir():
        found.update({p.stem: p for p in sorted(user.glob("*.toml")) if not p.name.startswith(".")})
    return found


def names() -> list[str]:
    return sorted(files())
