"""Turning a finished exercise run into a saved entry, and the parts it names."""

from __future__ import annotations

from datetime import datetime

from partsjournal.core import parts
from partsjournal.core.entry import Answer, Entry, PartRef, new_id, save_new
from partsjournal.flow.engine import Run

# Roles whose answers are copied into the part's record (role -> field).
RECORD_FIELDS = {
    "part-fears": "fears",
    "part-needs": "needs",
    "part-new-role": "new_role",
    "part-body": "body",
    "part-image": "image",
    "part-purpose": "current_role",
}


def build_entry(current: Run, created: datetime) -> Entry:
    """The entry for ``current``: every answered question with the prompt as shown.

    Guidance steps are not answers and are left out. Parts named in "part"
    steps are looked up (name or alias, any case, no guessing) or created in
    the registry. Answers about a part (``parts.ABOUT_PART_ROLES``) carry the
    id of the part named most recently before them, or else the entry's first.
    Earlier answers that no longer fit the exercise (``current.kept``, after a
    draft was resumed with a changed exercise file) are stored after the rest.
    """
    ex = current.exercise
    answers: list[Answer] = []
    refs: list[PartRef] = []
    about: str | None = None
    for step in ex.steps:
        if step.id not in current.answers or not step.asks:
            continue
        value = current.answers[step.id]
        part_id = None
        if step.kind == "part" and isinstance(value, str):
            part = parts.find_or_create(value, met=created.date())
            part_id = about = part.id
            if all(r.id != part.id for r in refs):
                refs.append(PartRef(id=part.id, name=value.strip()))
        elif step.role in parts.ABOUT_PART_ROLES:
            part_id = about
        answers.append(
            Answer(
                step=step.id,
                kind=step.kind,
                prompt=current.shown.get(step.id, step.text),
                value=value,
                role=step.role,
                part=part_id,
            )
        )
    if refs:
        for answer in answers:
            if answer.role in parts.ABOUT_PART_ROLES and answer.part is None:
                answer.part = refs[0].id
    answers.extend(k for k in current.kept if k.kind != "guide")
    return Entry(
        id=new_id(created),
        created=created,
        exercise=ex.name,
        exercise_version=ex.version,
        title=ex.title,
        answers=answers,
        parts=refs,
        phase=current.phase,
        session=current.context.get("session"),
    )


def part_facts(entry: Entry, part_id: str) -> dict[str, str]:
    """What ``entry`` said about one part, as part record fields (last answer wins)."""
    facts: dict[str, str] = {}
    for answer in entry.answers:
        field = RECORD_FIELDS.get(answer.role or "")
        value = answer.value
        if field and answer.part == part_id and isinstance(value, str) and value.strip():
            facts[field] = value
    return facts


def save_run(current: Run, created: datetime) -> Entry:
    """Save the entry first (it is what matters), then update the parts it names.

    Each part's record takes in what the entry said about its fears, needs,
    new role, body, image and purpose; the entry keeps the full text.
    """
    entry = build_entry(current, created)
    save_new(entry)
    for ref in entry.parts:
        part = parts.get(ref.id)
        if part is not None:
            parts.learn(part, part_facts(entry, ref.id), created.date())
    return entry
