"""What a part may be called, and the id a new part is given."""

from __future__ import annotations

import re
import unicodedata

from partsjournal.core import crypt, idfiles, paths
from partsjournal.core import messages as msg
from partsjournal.core.errors import UsageError

# Line breaks, tabs, other control characters and the invisible marks that reorder
# text: a name is shown on one line in every list, so none of these may be in it.
_NOT_IN_NAME = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

NAME_RULE = "a name on one line, without tabs or control characters"


def name_problem(name: str) -> str | None:
    """Why ``name`` cannot be a part's name (or alias), or None when it can."""
    if not name.strip():
        return "the part's name"
    if _NOT_IN_NAME.search(name):
        return NAME_RULE
    return None


def check_name(name: str) -> str:
    """``name`` stripped, or a :class:`UsageError` saying how a name must look."""
    problem = name_problem(name)
    if problem == NAME_RULE:
        raise UsageError(  # the one catch point shows the name's controls as \t, \x1b
            msg.PART_NAME_ONE_LINE.format(name=name)
        )
    if problem is not None:
        raise UsageError(msg.PART_NAME_EMPTY)
    return name.strip()


def slugify(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:40] or "part"


def free_id(name: str, taken: set[str] | None = None) -> str:
    """An id for a new part called ``name``: its slug, with "-2", "-3" ... when taken.

    In an encrypted journal the id is random instead, so the new file's name
    (which is its id) says nothing about the part.
    """
    folder = paths.parts_dir()
    if crypt.is_encrypted():
        part_id = idfiles.random_part_id()
        while (taken is not None and part_id in taken) or idfiles.taken(folder, part_id):
            part_id = idfiles.random_part_id()
        return part_id
    base = slugify(name)
    part_id, n = base, 2
    while (taken is not None and part_id in taken) or idfiles.taken(folder, part_id):
        part_id, n = f"{base}-{n}", n + 1
    return part_id
