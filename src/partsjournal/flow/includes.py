"""Steps shared between exercise files: ``include`` steps, expanded when a file is read.

One set of questions (the Self-energy ratings, the unblending check) lives in one file and
is brought into the exercises that offer it. A problem is a :class:`BadInclude`, which the
loader (:mod:`partsjournal.flow.exercises`) reports with the file's name.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from partsjournal.core import messages as msg
from partsjournal.core.store import UnreadableFile, read_toml


class BadInclude(ValueError):
    """Why an include step cannot be expanded, in a few words."""


def expand(data: dict[str, Any], path: Path, find: Callable[[str], Path | None]) -> dict[str, Any]:
    """Replace ``{ include = "other", only = [...], when = ..., prefix = ..., then = ... }``
    steps by the named steps of another exercise (or of a built-in template), each given
    the include's ``when``.

    This lets one set of questions (the Self-energy ratings, the unblending check) live in
    one file and be offered inside other exercises. ``prefix`` is put before the ids of the
    included steps (and their references to each other), so the same steps can be included
    twice; ``then`` replaces where included steps that end early go on. Included files
    cannot include in turn. ``find`` gives the file an include names (or None).
    """
    steps = data.get("steps")
    if not isinstance(steps, list) or not any(
        isinstance(s, dict) and "include" in s for s in steps
    ):
        return data
    expanded: list[Any] = []
    for step in steps:
        if not (isinstance(step, dict) and "include" in step):
            expanded.append(step)
            continue

        extra = set(step) - {"include", "only", "when", "prefix", "then"}
        if extra:
            raise BadInclude(msg.INCLUDE_EXTRA_KEYS.format(keys=", ".join(sorted(extra))))
        name, only = step["include"], step.get("only")
        prefix, then = step.get("prefix", ""), step.get("then")
        if not isinstance(prefix, str) or not (then is None or isinstance(then, str)):
            raise BadInclude(msg.INCLUDE_PREFIX_THEN)
        source = find(name) if isinstance(name, str) else None
        if source is None or source == path:
            raise BadInclude(msg.INCLUDE_NOT_EXERCISE.format(name=name))
        try:
            theirs = read_toml(source).get("steps", [])
        except UnreadableFile as exc:
            raise BadInclude(
                msg.INCLUDE_UNREADABLE.format(path=source, reason=exc.reason)
            ) from None
        by_id = {s.get("id"): s for s in theirs if isinstance(s, dict)}
        if any(isinstance(s, dict) and "include" in s for s in theirs):
            raise BadInclude(msg.INCLUDE_NESTED.format(name=name))
        wanted = only if isinstance(only, list) else list(by_id)
        for step_id in wanted:
            if step_id not in by_id:
                raise BadInclude(msg.INCLUDE_NO_STEP.format(name=name, step=step_id))
            copy = _renamed(dict(by_id[step_id]), prefix, set(wanted))
            if then is not None and "then" in copy:
                copy["then"] = then
            if "when" in step:
                own = copy.get("when", [])
                own = own if isinstance(own, list) else [own]
                outer = step["when"] if isinstance(step["when"], list) else [step["when"]]
                copy["when"] = [*outer, *own]
            expanded.append(copy)
    return {**data, "steps": expanded}


def _renamed(step: dict[str, Any], prefix: str, ids: set[Any]) -> dict[str, Any]:
    """An included step with ``prefix`` before its id and before the ids of the other
    included steps it names (in its conditions and its ``then``)."""
    if not prefix:
        return step

    def named(ref: Any) -> Any:
        return f"{prefix}{ref}" if isinstance(ref, str) and ref in ids else ref

    step["id"] = named(step.get("id"))
    if "then" in step:
        step["then"] = named(step["then"])
    when = step.get("when")
    if isinstance(when, (dict, list)):
        conditions = when if isinstance(when, list) else [when]
        renamed = [
            {**c, "step": named(c["step"])} if isinstance(c, dict) and "step" in c else c
            for c in conditions
        ]
        step["when"] = renamed if isinstance(when, list) else renamed[0]
    return step
