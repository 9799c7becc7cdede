"""Where exercise scripts are, and their names, from the folder listings alone.

Without the exercise models, so that shell completion can offer exercise names quickly
(:mod:`partsjournal.flow.exercises` reads and validates the files themselves).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from partsjournal.core import paths, shipped

MEASURE_SUFFIX = ".measure.toml"  # measures share the person's folder (flow/measure_file)


def files() -> dict[str, Path]:
    """Each exercise's name and file: the shipped ones, and the person's own in
    ``<home>/exercises/`` (which replace a shipped one of the same name; their measures,
    ``*.measure.toml``, are not exercises)."""
    found = dict(_shipped(shipped.builtin_dir()))
    user = paths.user_exercises_dir()
    if user.is_dir():
        mine = [p for p in sorted(user.glob("*.toml")) if not p.name.startswith(".")]
        found.update({p.stem: p for p in mine if not p.name.endswith(MEASURE_SUFFIX)})
    return found


@cache
def _shipped(folder: Path) -> tuple[tuple[str, Path], ...]:
    """The shipped exercises' names and files, listed once per process: they are part of
    the installed program and do not change while it runs."""
    return tuple((p.stem, p) for p in sorted(folder.glob("*.toml")))


def names() -> list[str]:
    return sorted(files())
