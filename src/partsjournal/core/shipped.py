"""The files shipped with partsjournal: the built-in exercises, and the wording templates
beside them (``exercises/templates/``), which any layer may read words from.

Built-in exercises ship inside the package (``partsjournal/exercises``, copied from the
repository's top-level ``exercises/`` folder when the wheel is built).
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from partsjournal.core import messages as msg
from partsjournal.core.errors import JournalError
from partsjournal.core.store import UnreadableFile, read_toml


@cache
def builtin_dir() -> Path:
    """Where the shipped exercise scripts are: inside the package when installed,
    the repository's ``exercises/`` folder when run from a checkout. Found once per
    process (an exercise run asks about twenty times, and each search took a quarter
    of a millisecond)."""
    packaged = Path(str(resources.files("partsjournal"))) / "exercises"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "exercises"


@cache
def words(name: str) -> dict[str, str]:
    """The sentences of the template ``exercises/templates/NAME.toml``, by key: every
    value must be text (a template with anything else is a broken installation)."""
    path = builtin_dir() / "templates" / f"{name}.toml"
    try:
        data = read_toml(path)
    except UnreadableFile as exc:
        raise JournalError(
            msg.FILE_UNREADABLE_BECAUSE.format(path=path, reason=exc.reason)
        ) from None
    wrong = sorted(k for k, v in data.items() if not isinstance(v, str) or not v.strip())
    if wrong:
        raise JournalError(msg.SHIPPED_NOT_TEXT.format(path=path, key=wrong[0]))
    return {k: " ".join(v.split()) for k, v in data.items()}
