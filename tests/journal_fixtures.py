"""Small journals written by the tests with the project's own storage code."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from partsjournal.core import parts
from partsjournal.core.answers import Answer
from partsjournal.core.entry import Entry, PartRef, new_id, save_new
from partsjournal.core.parts import Part
from partsjournal.core.vocabulary import SELF_QUALITIES
from partsjournal.flow import measure_file, measure_run, measure_setup
from partsjournal.flow.measure_file import Measure

AnswerSpec = tuple[str, str | int | bool | list[str]]


def at(day: date, hour: int = 21, minute: int = 0, offset_hours: float = 1) -> datetime:
    tz = timezone(timedelta(hours=offset_hours))
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz)


def write(
    created: datetime,
    exercise: str = "protector",
    answers: list[AnswerSpec] | None = None,
    *,
    part: Part | None = None,
    session: str | None = None,
    phase: str | None = None,
    title: str = "",
) -> Entry:
    """Save one entry; each answer is (role, value), its step id made from the role."""
    stored = []
    for role, value in answers or []:
        kind = "scale" if type(value) is int else ("choice" if isinstance(value, list) else "text")
        stored.append(
            Answer(
                step=role.replace(":", "_").replace("-", "_"),
                kind=kind,
                prompt=f"A question about {role}?",
                value=value,
                role=role,
                part=part.id if part is not None and role.startswith("part") else None,
            )
        )
    e = Entry(
        id=new_id(created),
        created=created,
        exercise=exercise,
        exercise_version=1,
        title=title or exercise.replace("-", " ").capitalize(),
        answers=stored,
        parts=[PartRef(part.id, part.name)] if part is not None else [],
        session=session,
        phase=phase,
    )
    save_new(e)
    return e


def protector(
    created: datetime,
    part: Part | None,
    before: int = 7,
    after: int = 4,
    needs: str = "To be taken seriously",
    reflection: str = "It is scared, not cruel.",
    situation: str = "The team meeting",
) -> Entry:
    return write(
        created,
        "protector",
        [
            ("situation", situation),
            ("activation-before", before),
            ("part", part.name if part else ""),
            ("part-needs", needs),
            ("reflection", reflection),
            ("activation-after", after),
        ],
        part=part,
        title="Meeting a protector part",
    )


def self_check(created: datetime, score: int) -> Entry:
    return write(created, "self-check", [(f"self:{q}", score) for q in SELF_QUALITIES])


def make_part(name: str, met: date) -> Part:
    return parts.create(name, met=met)


# --------------------------------------------------------------------------- measures

# Placeholder words: the tests never need (and this project never ships) an instrument's words.
PLACEHOLDER_LABELS = ["answer zero", "answer one", "answer two", "answer three"]


def placeholder_items(count: int) -> list[str]:
    return [f"placeholder item {n}" for n in range(1, count + 1)]


def set_up_measure(name: str, items: list[str] | None = None) -> Measure:
    """A published measure (``phq-9``, ``gad-7``) set up with placeholder words."""
    count = len(measure_file.template(name).items)
    _, found = measure_setup.install(
        name, items if items is not None else placeholder_items(count), PLACEHOLDER_LABELS
    )
    return found


def measure_result(created: datetime, measure: Measure, values: list[int]) -> Entry:
    """Save a measure's result as ``measure take`` does, dated ``created``."""
    found, _ = measure_run.result_entry(measure, values, created)
    save_new(found)
    return found
