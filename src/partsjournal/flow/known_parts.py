"""The parts you already know, around a session: ``prepare`` asks those with recorded
fears whether they are willing to talk and all right with the session going ahead, and
records a promise to check in afterwards;
``after-session`` opens by keeping the promises made before its session.

The steps are built here as ordinary engine steps (each ``about`` its part, so the
answers carry the part's id), with their wording from
``exercises/templates/known-parts.toml``.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from partsjournal.core import parts, sessions
from partsjournal.core import vocabulary as vocab
from partsjournal.core.parts import Part
from partsjournal.core.sessions import Session
from partsjournal.flow import exercises
from partsjournal.flow.exercises import Condition, Exercise, Step
from partsjournal.views import search

TEMPLATE = "known-parts.toml"
PREPARE = "prepare"
AFTER = "after-session"
ASKED_BEFORE = 3  # parts asked in prepare: those met most recently
INSERT_BEFORE = {PREPARE: "intention", AFTER: "since_session"}
SESSION_NO = "session_not_ok"  # prepare's words for a part's no to the session going ahead


class KnownPartsWords(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    check: Annotated[str, Field(min_length=1)]
    consent: Annotated[str, Field(min_length=1)]
    declined: Annotated[str, Field(min_length=1)]
    session_ok: Annotated[str, Field(min_length=1)]
    needs: Annotated[str, Field(min_length=1)]
    promise: Annotated[str, Field(min_length=1)]
    kept: Annotated[str, Field(min_length=1)]
    how: Annotated[str, Field(min_length=1)]


@cache
def words() -> KnownPartsWords:
    return exercises.load_words(exercises.builtin_dir() / "templates" / TEMPLATE, KnownPartsWords)


def _fill(text: str, part: Part) -> str:
    return text.replace("{part}", part.name).replace("{fears}", " ".join(part.fears.split()))


def with_fears(known: list[Part]) -> list[Part]:
    """The parts (not tender ones) with recorded fears, met most recently first."""
    found = [p for p in known if p.fears.strip() and p.role != vocab.EXILE_PART_ROLE]
    found.sort(key=lambda p: (p.last_met or date.min, p.id), reverse=True)
    return found[:ASKED_BEFORE]


def prepare_steps(known: list[Part], session_no: str | None = None) -> list[Step]:
    """Per part: may I ask you? then whether it is willing to talk (a no is thanked), and
    after a yes whether it is all right with the session going ahead (a no is answered with
    ``session_no``, prepare's own words for it), its needs and the promise."""
    w = words()
    steps: list[Step] = []
    for p in known:
        key = p.id.replace("-", "_")
        asked = Condition(step=f"check_{key}", equals=True)
        willing = Condition(step=f"consent_{key}", equals=True)
        steps += [
            Step(id=f"check_{key}", kind="yes_no", optional=True, about=p.name,
                 text=_fill(w.check, p)),
            Step(id=f"consent_{key}", kind="yes_no", role=vocab.CONSENT, about=p.name,
                 when=asked, text=_fill(w.consent, p)),
            Step(id=f"declined_{key}", kind="guide", about=p.name,
                 when=Condition(step=f"consent_{key}", equals=False), text=_fill(w.declined, p)),
            Step(id=f"session_ok_{key}", kind="yes_no", role=vocab.SESSION_CONSENT,
                 about=p.name, when=willing, text=_fill(w.session_ok, p)),
        ]  # fmt: skip
        if session_no:
            steps.append(
                Step(id=f"session_no_{key}", kind="guide", about=p.name,
                     when=Condition(step=f"session_ok_{key}", equals=False),
                     text=_fill(session_no, p))
            )  # fmt: skip
        steps += [
            Step(id=f"needs_{key}", kind="long_text", role=vocab.PART_NEEDS, optional=True,
                 about=p.name, when=willing, text=_fill(w.needs, p)),
            Step(id=f"promise_{key}", kind="yes_no", role=vocab.PROMISE, about=p.name,
                 when=willing, text=_fill(w.promise, p)),
        ]  # fmt: skip
    return steps


def promised(session: Session) -> list[Part]:
    """The parts promised a check-in in the entries that prepare for ``session``."""
    index = parts.everything()
    around = sessions.around(session.date, session.date, ids=[session.id])
    since = session.date - timedelta(days=sessions.BEFORE_WINDOW_DAYS)
    out: list[Part] = []
    for item in search.history(since, session.date).entries():
        found, phase = sessions.placement(item, around)
        if found is None or found.id != session.id or phase != "before":
            continue
        for answer in item.answers:
            about = item.part_of(answer)
            part = parts.live(about, index) if about else None
            if answer.role != vocab.PROMISE or answer.value is not True or part is None:
                continue
            if all(p.id != part.id for p in out):
                out.append(part)
    return out


def after_steps(kept: list[Part]) -> list[Step]:
    """Per promised part: a reminder that this keeps the promise, and how it is now."""
    w = words()
    steps: list[Step] = []
    for p in kept:
        key = p.id.replace("-", "_")
        steps += [
            Step(id=f"kept_{key}", kind="guide", about=p.name, text=_fill(w.kept, p)),
            Step(id=f"how_{key}", kind="long_text", role=vocab.PART_FEELINGS, optional=True,
                 about=p.name, text=_fill(w.how, p)),
        ]  # fmt: skip
    return steps


def exercise_for(name: str, session: Session | None) -> Exercise | None:
    """``prepare`` or ``after-session`` with the known parts' steps, or None when
    ``name`` is another exercise or there is nothing to add."""
    if name not in INSERT_BEFORE:
        return None
    base = exercises.get(name)
    if name == PREPARE:
        said = base.step(SESSION_NO)
        added = prepare_steps(with_fears(parts.load_all()), said.text if said else None)
    else:
        added = after_steps(promised(session)) if session is not None else []
    if not added:
        return None
    at = next((i for i, s in enumerate(base.steps) if s.id == INSERT_BEFORE[name]), None)
    if at is None:  # a user's own version without that step: add nothing
        return None
    steps = [*base.steps[:at], *added, *base.steps[at:]]
    return base.model_copy(update={"steps": steps})


def session_of(session_id: str | None, day: date) -> Session | None:
    """The session a draft was linked to (by id), if it is still recorded."""
    if session_id is None:
        return None
    found = sessions.around(day, day, ids=[session_id])
    return next((s for s in found if s.id == session_id), None)
