"""Where exercise scripts are, and their names, from the folder listings alone.

Without the exercise models, so that shell completion can offer exercise names quickly
(:mod:`partsjournal.flow.exercises` reads and validates the files themselves).
"""

from __future__ import annotations

from pathlib import Path

from partsjournal.core import paths, shipped


def files() -> dict[str, Path]:
    """Each exercise's name and file: the shipped ones, and the person's own in
    ``<home>/exercises/`` (which replace a shipped one of the same name)."""
    found = {p.stem: p for p in sorted(shipped.builtin_dir().glob("*.toml"))}
    user = paths.user_exercises_dir()
    if user.is_dir():
        found.update({p.stem: p for p in sorted(user.glob("*.toml")) if not p.name.startswith(".")})
    return found


def names() -> list[str]:
    return sorted(files())
