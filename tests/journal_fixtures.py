"""Small journals written by the tests with the project's own storage code."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from partsjournal.core import drafts, entry, parts, paths, sessions
from partsjournal.core.answers import Answer
from partsjournal.core.care_record import CareItem
from partsjournal.core.entry import Entry, PartRef, new_id, save_new
from partsjournal.core.parts import Part
from partsjournal.core.vocabulary import SELF_QUALITIES
from partsjournal.flow import exercises, measure_file, measure_run, measure_setup, runner
from partsjournal.flow.engine import Run
from partsjournal.flow.measure_file import Measure
from partsjournal.views.period import Period
from tests.askers import StopAfter
from tests.conftest import PROTECTOR_ANSWERS, Cli
from tests.crypt_helpers import copy_sealed_journal
from tests.helpers import TODAY, WHEN

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
    care: list[CareItem] | None = None,
) -> Entry:
    """Save one entry; each answer is (role, value), its step id made from the role;
    ``care`` is its care record (what care saw and did during the run)."""
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
        care=care or [],
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


D = date(2026, 11, 1)


def day(n: int) -> date:
    """``day(17)`` is 17 November 2026."""
    return D.replace(day=n)


WEEK = Period(date(2026, 11, 17), date(2026, 11, 23), "week")


def full_journal() -> dict[str, str]:
    """Three weeks around session 2 (Thu 19 Nov), with every kind of entry."""
    critic = make_part("The Critic", date(2026, 10, 1))
    bee = make_part("Busy Bee", day(19))
    for when in (date(2026, 9, 1), day(19), date(2026, 12, 1)):
        sessions.add(when, created=TODAY)
    ids = {}
    # previous week
    self_check(at(day(12), 8), 4)
    write(at(day(14), 10), "integrate", [("realm-rating:body", 5), ("realm-rating:spirit", 3)])
    # this week (18 Nov left empty)
    ids["first"] = protector(at(day(17)), critic, 8, 5, needs="Rest", reflection="It works hard").id
    protector(at(day(19)), bee, 6, 6, needs="To slow down", reflection="It works hard")
    protector(at(day(20)), critic, 7, 3, needs="To be taken seriously", reflection="It is scared")
    self_check(at(day(21), 9), 6)
    write(
        at(day(22), 10),
        "integrate",
        [
            ("realm-rating:body", 6),
            ("realm-reflection:body", "Tired legs"),
            ("practice:body", "A ten-minute walk after lunch"),
            ("realm-rating:mind", 4),
        ],
    )
    ids["last"] = write(
        at(day(23), 8),
        "integrate",
        [
            ("practice-outcome:body", "partly"),
            ("practice-note:body", "Walked twice"),
            ("realm-rating:body", 7),
        ],
    ).id
    return ids


IN_MARCH = datetime(2026, 3, 4, 21, 30, 5, tzinfo=timezone(timedelta(hours=2)))


def make_entry(text: str = "hello", *, entry_id: str | None = None, prompt: str = "What?") -> Entry:
    return Entry(
        id=entry_id or entry.new_id(IN_MARCH),
        created=IN_MARCH,
        exercise="protector",
        exercise_version=1,
        title="Meeting a protector part",
        answers=[
            Answer(step="situation", kind="long_text", prompt=prompt, value=text, role="situation")
        ],
        parts=[PartRef(id="the-critic", name="The Critic")],
    )


# journals written once per test process (for the same clock and settings), copied per test
_WRITTEN: dict[tuple[str, tuple[tuple[str, str], ...]], Path] = {}


def written_once(
    name: str, home: Path, factory: pytest.TempPathFactory, write: Callable[[Path], object]
) -> None:
    """Put in ``home`` the journal that ``write`` writes (into the journal folder it is
    given, which is also the journal of the moment), for a test that starts from that
    journal rather than testing its writing.

    It is written once per test process into a folder of its own, for each clock and
    setting of the environment (``PARTSJOURNAL_*``, ``TZ``, ``LANG``) it is asked under,
    and copied for each test: dozens of tests start from the same few journals, and
    writing one takes most of such a test's time. A home the test has already put
    something in gets the journal written into it, as before."""
    if home.is_dir() and any(home.iterdir()):
        write(home)
        return
    settings = tuple(
        sorted(
            (k, v)
            for k, v in os.environ.items()
            if k in ("TZ", "LANG") or (k.startswith("PARTSJOURNAL_") and k != paths.ENV_VAR)
        )
    )
    if (name, settings) not in _WRITTEN:
        folder = factory.mktemp(f"{name}-written-once") / "journal"
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv(paths.ENV_VAR, str(folder))
            write(folder)
        _WRITTEN[name, settings] = folder
    shutil.copytree(_WRITTEN[name, settings], home, symlinks=True, dirs_exist_ok=True)


def protector_by_cli(cli: Cli, tmp_path: Path, at: str, name: str, **more: str) -> None:
    text = PROTECTOR_ANSWERS.replace('name_part = "The Critic"', f'name_part = "{name}"')
    for key, value in more.items():
        text = "\n".join(ln for ln in text.splitlines() if not ln.startswith(f"{key} ="))
        text += f'\n{key} = "{value}"\n'
    f = tmp_path / "answers.toml"
    f.write_text(text, encoding="utf-8")
    result = cli("exercise", "protector", "--answers", str(f), "--at", at)
    assert result.exit_code == 0, result.output


@pytest.fixture
def three_dialogues(
    cli: Cli, home: Path, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> Cli:
    """Three protector dialogues: The Critic twice (once in other letters), Busy Bee once
    (written once per test process, see :func:`written_once`)."""

    def write(_: Path) -> None:
        protector_by_cli(cli, tmp_path, "2026-03-01 09:00", "The Critic")
        protector_by_cli(
            cli,
            tmp_path,
            "2026-03-03 20:00",
            "Busy Bee",
            needs="A proper rest after lunch",
            fears="Idle",
        )
        protector_by_cli(cli, tmp_path, "2026-03-05 21:00", "the critic", fears="Being found out")

    written_once("three-dialogues", home, tmp_path_factory, write)
    return cli


def paused_protector(home: Path, stop_at: str = "purpose") -> drafts.Draft:
    ex = exercises.get("protector")
    asker = StopAfter(home, stop_at)
    assert runner.walk_and_save(Run(exercise=ex), asker, WHEN) is None
    [draft] = drafts.load_all()
    return draft


@pytest.fixture
def sealed(
    home: Path,
    cli: Cli,
    protector_answers: Path,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> Any:
    """An encrypted journal (:func:`crypt_helpers.copy_sealed_journal`); its identity."""
    return copy_sealed_journal(home, cli, protector_answers, tmp_path_factory, monkeypatch)


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
