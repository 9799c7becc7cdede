"""Building the ``integrate`` run: the realms chosen, plus a follow-up on last
time's practices.

The realm questions are the shipped ``integrate`` exercise (``exercises/integrate.toml``).
The follow-up questions depend on the previous check-in, so they are built here
as ordinary engine steps, with their wording taken from
``exercises/templates/practice-followup.toml``.
"""

from __future__ import annotations

from functools import cache
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from partsjournal.core import dates
from partsjournal.core import messages as msg
from partsjournal.core import vocabulary as vocab
from partsjournal.core.errors import UsageError
from partsjournal.flow import exercises
from partsjournal.flow.exercises import Condition, Exercise, Step
from partsjournal.views.practices import CHECK, INTEGRATE, Practice

TEMPLATE = "practice-followup.toml"


class FollowupTemplate(BaseModel):
    """The wording of the follow-up questions; every key is required, no others allowed."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: Annotated[str, Field(min_length=1)]
    summary: Annotated[str, Field(min_length=1)]
    intro: Annotated[str, Field(min_length=1)]
    outcome: Annotated[str, Field(min_length=1)]
    note: Annotated[str, Field(min_length=1)]
    keep: Annotated[str, Field(min_length=1)]


def template_path() -> str:
    return str(exercises.builtin_dir() / "templates" / TEMPLATE)


@cache
def template() -> FollowupTemplate:
    from pathlib import Path

    return exercises.load_words(Path(template_path()), FollowupTemplate)


def check_realms(chosen: list[str]) -> list[str]:
    """The realms asked for with ``--realm`` (all when none), in their usual order."""
    wanted = {r.strip().lower() for r in chosen}
    unknown = sorted(wanted - set(vocab.REALMS))
    if unknown:
        raise UsageError(msg.NO_SUCH_REALM.format(realm=unknown[0]))
    return [r for r in vocab.REALMS if r in wanted] if wanted else list(vocab.REALMS)


def keep_id(realm: str) -> str:
    """The step that offers to keep a practice going (``followup_<realm>_keep``)."""
    return f"followup_{realm}_keep"


def followup_steps(practices: list[Practice], *, keep: bool = False) -> list[Step]:
    """One guide, then per practice a "how did it go" choice and an optional note, and
    with ``keep`` (a check-in, which chooses practices) an offer to keep it going: its
    answer is this check-in's practice for the realm, so it is followed up next time
    without being chosen again (:func:`starting_text` offers the practice as it was)."""
    if not practices:
        return []
    words = template()
    day = dates.day_text(practices[0].chosen.date(), year=False)
    steps = [Step(id="followup", kind="guide", text=words.intro.replace("{date}", day))]
    for p in practices:
        realm = p.realm
        steps.append(
            Step(
                id=f"followup_{realm}",
                kind="choice",
                realm=realm,
                role=vocab.realm_role(vocab.PRACTICE_OUTCOME, realm),
                choices=list(vocab.OUTCOMES),
                text=words.outcome.replace("{realm}", vocab.realm_label(realm)).replace(
                    "{practice}", p.text
                ),
            )
        )
        steps.append(
            Step(
                id=f"followup_{realm}_note",
                kind="text",
                realm=realm,
                role=vocab.realm_role(vocab.PRACTICE_NOTE, realm),
                optional=True,
                text=words.note.replace("{realm}", vocab.realm_label(realm)),
            )
        )
        if keep:
            steps.append(
                Step(
                    id=keep_id(realm),
                    kind="text",
                    realm=realm,
                    role=vocab.realm_role(vocab.PRACTICE, realm),
                    optional=True,
                    text=words.keep.replace("{practice}", p.text),
                )
            )
    return steps


def starting_text(practices: list[Practice]) -> dict[str, str]:
    """Each practice as the starting text of its offer to keep it: in a terminal, Enter
    keeps it as it was (an answers file says so itself, with the words)."""
    return {keep_id(p.realm): p.text for p in practices}


def _without_orphans(steps: list[Step]) -> list[Step]:
    """``steps`` less those whose conditions name a step that is not there (left out with
    its realm), and so on down the line: such a step could never be shown."""
    kept: list[Step] = []
    ids: set[str] = set()
    for step in steps:
        if all(c.step is None or c.step in ids for c in step.conditions):
            kept.append(step)
            ids.add(step.id)
    return kept


def _chosen_anew(step: Step, pending: list[Practice]) -> Step:
    """A realm's practice question, asked only when its open practice was not kept."""
    if step.realm is None or vocab.realm_of(step.role, vocab.PRACTICE) is None:
        return step
    if not any(p.realm == step.realm for p in pending):
        return step
    anew = Condition(step=keep_id(step.realm), equals="")
    return step.model_copy(update={"when": [*step.conditions, anew]})


def integrate_exercise(realms: list[str], pending: list[Practice]) -> Exercise:
    """The shipped ``integrate`` exercise for ``realms``, with the follow-up first.

    Steps without a realm (arriving, framing, closing) are always kept. The
    follow-up comes after the opening steps and before the first realm, and asks
    about every open practice whatever ``--realm`` says: a commitment is worth
    asking about even on a day you look at one realm only.
    """
    base = exercises.get(INTEGRATE)
    kept = [s for s in base.steps if s.realm is None or s.realm in realms]
    kept = [_chosen_anew(s, pending) for s in _without_orphans(kept)]
    # before the first realm, or the integration arc's word on the day that leads into them
    first_realm = next(
        (i for i, s in enumerate(kept) if s.realm is not None or any(c.days for c in s.conditions)),
        len(kept),
    )
    steps = [*kept[:first_realm], *followup_steps(pending, keep=True), *kept[first_realm:]]
    summary = base.summary
    if set(realms) != set(vocab.REALM_KEYS):  # say what this run is about, and its time
        labels = [vocab.realm_label(r) for r in vocab.REALM_KEYS if r in realms]
        names = [labels[0], *(n.lower() for n in labels[1:])]
        listed = ", ".join(names[:-1]) + (" and " if len(names) > 1 else "") + names[-1]
        many = len(names) > 1
        summary = (msg.INTEGRATE_SUMMARY_MANY if many else msg.INTEGRATE_SUMMARY_ONE).format(
            realms=listed
        )
    return base.model_copy(
        update={
            "steps": steps,
            "summary": summary,
            # the time of the whole check-in, for the share of its steps this run asks
            "minutes": max(2, round(base.minutes * len(steps) / len(base.steps))),
        }
    )


def check_exercise(pending: list[Practice]) -> Exercise:
    """The follow-up on its own, for ``partsjournal practices``."""
    words = template()
    return Exercise(
        name=CHECK,
        title=words.title,
        summary=words.summary,
        minutes=3,
        steps=followup_steps(pending),
    )
