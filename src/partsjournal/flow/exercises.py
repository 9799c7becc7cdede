"""Exercise scripts: TOML files validated by pydantic models.

Built-in exercises ship inside the package (``partsjournal/exercises``, copied
from the repository's top-level ``exercises/`` folder when the wheel is built).
The user's own scripts in ``<home>/exercises/*.toml`` are loaded beside them; a
user script with the same name replaces the built-in one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from partsjournal.core import config, exercise_files, matching, shipped
from partsjournal.core import messages as msg
from partsjournal.core import vocabulary as vocab
from partsjournal.core.errors import JournalError, UsageError
from partsjournal.core.exercise_files import names as names
from partsjournal.core.store import UnreadableFile, read_toml
from partsjournal.flow import includes, kinds

_NAME = re.compile(r"[a-z][a-z0-9-]*")

MEASURE_SUFFIX = exercise_files.MEASURE_SUFFIX

Phase = Literal["before", "after"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Condition(_Strict):
    """Show a step only when an earlier answer (or the entry's phase, or whether
    it belongs to a session) matches.

    Exactly one subject (``step``, ``phase`` or ``session``); for a step, one or
    more tests, all of which must hold.
    """

    step: str | None = None
    phase: Phase | None = None
    session: bool | None = None
    equals: str | int | bool | None = None
    not_equals: str | int | bool | None = None
    in_: list[str | int] | None = Field(default=None, alias="in")
    not_in: list[str | int] | None = None
    at_least: int | None = None
    at_most: int | None = None
    # with phase "after": the first and last day after the session (the integration arc)
    days: Annotated[list[Annotated[int, Field(ge=0)]], Field(min_length=2, max_length=2)] | None = (
        None
    )

    @model_validator(mode="after")
    def _one_subject(self) -> Condition:
        if sum(x is not None for x in (self.step, self.phase, self.session)) != 1:
            raise ValueError(msg.CONDITION_NAMES_NOTHING)
        if self.days is not None and (self.phase != "after" or self.days[0] > self.days[1]):
            raise ValueError(msg.CONDITION_DAYS)
        tests = [self.equals, self.not_equals, self.in_, self.not_in, self.at_least, self.at_most]
        if self.step is not None and all(t is None for t in tests):
            raise ValueError(msg.CONDITION_NO_TEST)
        return self

    def holds(
        self,
        answers: dict[str, Any],
        phase: str | None,
        day: int | None = None,
        session: bool = False,
    ) -> bool:
        if self.phase is not None:
            if self.days is not None and (day is None or not self.days[0] <= day <= self.days[1]):
                return False
            return phase == self.phase
        if self.session is not None:
            return session == self.session
        assert self.step is not None
        if self.step not in answers:
            return False
        value = answers[self.step]
        if self.equals is not None and value != self.equals:
            return False
        if self.not_equals is not None and value == self.not_equals:
            return False
        if self.in_ is not None and value not in self.in_:
            return False
        if self.not_in is not None and value in self.not_in:
            return False
        number = value if isinstance(value, int) and not isinstance(value, bool) else None
        if self.at_least is not None and (number is None or number < self.at_least):
            return False
        return not (self.at_most is not None and (number is None or number > self.at_most))


class Step(_Strict):
    id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_-]*$")]
    kind: str  # a name in kinds.KINDS
    text: Annotated[str, Field(min_length=1)]
    hint: str | None = None
    choices: list[str] | None = None
    low: str | None = None
    high: str | None = None
    optional: bool = False
    role: str | None = None
    realm: str | None = None
    when: Condition | list[Condition] | None = None
    then: str | None = None
    # show the support card when this step is reached; a kind of reach on the card
    # ("therapist", "crisis-line", ...: config.ORDER) instead of true lists that kind first
    card: bool | str = False
    about: str | None = None  # the name of a known part this step's answer is about

    @model_validator(mode="after")
    def _vocabulary(self) -> Step:
        """Roles and realms are the contract with the code: only known ones pass."""
        if self.role is not None:
            problem = vocab.problem(self.role)
            if problem:
                raise ValueError(msg.STEP_PROBLEM.format(step=self.id, problem=problem))
        if self.realm is not None and self.realm not in vocab.REALMS:
            raise ValueError(
                msg.STEP_UNKNOWN_REALM.format(
                    step=self.id, realm=self.realm, realms=", ".join(vocab.REALMS)
                )
            )
        if self.names_part and self.role is not None and self.role not in vocab.PART_STEP_ROLES:
            raise ValueError(
                msg.STEP_PART_ROLE.format(
                    step=self.id, role=self.role, roles=", ".join(vocab.PART_STEP_ROLES)
                )
            )
        missing = [c for c in vocab.URGE_RISKS if c not in (self.choices or [])]
        if self.role == vocab.URGES and (self.kind != "choice" or missing):
            offers = ", ".join(f'"{c}"' for c in vocab.URGE_RISKS)
            raise ValueError(msg.STEP_URGES_CHOICES.format(step=self.id, choices=offers))
        if isinstance(self.card, str) and self.card not in config.ORDER:
            kinds_ = ", ".join(config.ORDER)
            raise ValueError(
                msg.STEP_CARD_FIRST.format(step=self.id, first=self.card, kinds=kinds_)
            )
        role_realm = vocab.realm_of(self.role)
        if role_realm is not None and self.realm is not None and role_realm != self.realm:
            raise ValueError(
                msg.STEP_REALM_ROLE_DIFFER.format(step=self.id, realm=self.realm, role=self.role)
            )
        return self

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, value: str) -> str:
        return kinds.check_name(value)

    @model_validator(mode="after")
    def _kind_fields(self) -> Step:
        problem = kinds.of(self.kind).check_fields(self)
        if problem:
            raise ValueError(problem)
        return self

    @property
    def card_first(self) -> str | None:
        """The kind of reach the card lists first at this step (None: the card's order)."""
        return self.card if isinstance(self.card, str) else None

    @property
    def conditions(self) -> list[Condition]:
        if self.when is None:
            return []
        return self.when if isinstance(self.when, list) else [self.when]

    def shown(
        self,
        answers: dict[str, Any],
        phase: str | None = None,
        day: int | None = None,
        session: bool = False,
    ) -> bool:
        """Whether the step is asked, given the answers so far, the entry's phase, the
        day after the session and whether the entry belongs to a session."""
        if self.when is None:
            return True
        return all(c.holds(answers, phase, day, session) for c in self.conditions)

    @property
    def moves_focus(self) -> bool:
        """A part step that makes its part the one the questions are about
        (``{part}``); a tender or protected part named on the way does not."""
        return self.names_part and self.role in (None, vocab.PART)

    @property
    def names_part(self) -> bool:
        """A step whose answer names a part (its kind says so)."""
        return kinds.of(self.kind).names_part

    @property
    def asks(self) -> bool:
        """False for guidance steps, which only ask the reader to continue."""
        return kinds.of(self.kind).asks


class Exercise(_Strict):
    name: Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]*$")]
    title: str
    summary: str
    minutes: Annotated[int, Field(ge=1, le=240)]
    version: Annotated[int, Field(ge=1)] = 1
    intro: str | None = None
    # the side of a session the exercise is about: "before" looks only for a coming
    # session (and files the entry as before, with or without one)
    phase: Phase | None = None
    # where "go on" after a hard moment leads: the first step of a gentle close
    close_from: str | None = None
    # a deep exercise opens, on the day of a session, with a note and a gentler way
    deep: bool = False
    # offer grounding before the first step on the day of a session and the day after
    ground_after_session: bool = False
    # after a session: the plain question about thoughts of ending one's life, asked by
    # care after the start rating, at most once a day (see flow/session_day.weeks_after)
    ask_thoughts: bool = False
    steps: Annotated[list[Step], Field(min_length=1)]

    @model_validator(mode="after")
    def _step_references(self) -> Exercise:
        seen: dict[str, Step] = {}
        for step in self.steps:
            if step.id in seen:
                raise ValueError(msg.STEP_ID_TWICE.format(step=step.id))
            for cond in step.conditions:
                if cond.step is not None and cond.step not in seen:
                    raise ValueError(
                        msg.STEP_DEPENDS_NOT_EARLIER.format(step=step.id, other=cond.step)
                    )
            seen[step.id] = step
        for step in self.steps:
            if step.then is not None and (
                step.then not in seen or list(seen).index(step.then) <= list(seen).index(step.id)
            ):
                raise ValueError(msg.STEP_THEN_NOT_LATER.format(step=step.id, then=step.then))
        if self.close_from is not None and self.close_from not in seen:
            raise ValueError(msg.CLOSE_FROM_NOT_STEP.format(step=self.close_from))
        return self

    def step(self, step_id: str) -> Step | None:
        for s in self.steps:
            if s.id == step_id:
                return s
        return None


class ExerciseFileError(JournalError):
    pass


def builtin_dir() -> Path:
    """Where the shipped exercise scripts are (:func:`partsjournal.core.shipped.builtin_dir`)."""
    return shipped.builtin_dir()


def load_file(path: Path) -> Exercise:
    """Read and validate one exercise script; errors name the file and the problem."""
    try:
        data = read_toml(path)
    except UnreadableFile as exc:
        raise ExerciseFileError(
            msg.EXERCISE_FILE_UNREADABLE.format(path=path, reason=exc.reason)
        ) from None
    try:
        data = includes.expand(data, path, lambda name: _includable(name, path))
    except includes.BadInclude as exc:
        raise ExerciseFileError(msg.EXERCISE_FILE_INVALID.format(path=path, reason=exc)) from None
    try:
        exercise = Exercise.model_validate(data)
    except ValidationError as exc:
        raise ExerciseFileError(
            msg.EXERCISE_FILE_INVALID_FIX.format(path=path, reason=describe(exc))
        ) from None
    if exercise.name != path.stem:
        raise ExerciseFileError(msg.EXERCISE_FILE_NAME.format(path=path, name=exercise.name))
    return exercise


def _includable(name: str, into: Path) -> Path | None:
    """The file an include in ``into`` names: a listed exercise (for a built-in exercise
    the built-in one, whose step ids it was written against, even when your own exercise
    of that name replaces it in the list), else a built-in template
    (``exercises/templates/NAME.toml``) that holds steps."""
    if not _NAME.fullmatch(name):
        return None
    shipped_file = builtin_dir() / f"{name}.toml"
    if into.parent in (builtin_dir(), builtin_dir() / "templates") and shipped_file.is_file():
        return shipped_file
    found = _files().get(name)
    if found is not None:
        return found
    template_file = builtin_dir() / "templates" / f"{name}.toml"
    return template_file if template_file.is_file() else None


def describe(exc: ValidationError) -> str:
    problems = []
    for err in exc.errors()[:3]:
        where = ".".join(str(p) for p in err["loc"])
        msg = err["msg"].removeprefix("Value error, ")
        problems.append(f"{where}: {msg}" if where else msg)
    more = len(exc.errors()) - 3
    return "; ".join(problems) + (f" (and {more} more)" if more > 0 else "")


def _files() -> dict[str, Path]:
    return exercise_files.files()


def load_all(warn: Callable[[str], None] | None = None) -> list[Exercise]:
    """Every exercise, built-in and the person's own. With ``warn``, a file that cannot
    be read or is not valid is named through it and left out, so the list shows every
    good one; without, the first such file is an :class:`ExerciseFileError`."""
    found: list[Exercise] = []
    for _, path in sorted(_files().items()):
        try:
            found.append(load_file(path))
        except ExerciseFileError as exc:
            if warn is None:
                raise
            warn(exc.message)
    return found


def get(name: str) -> Exercise:
    files = _files()
    if name not in files:
        hint = matching.did_you_mean(name, files)
        raise UsageError(msg.NO_SUCH_EXERCISE.format(name=name, hint=hint))
    return load_file(files[name])


def template(name: str) -> Exercise:
    """A built-in exercise that is not listed (``exercises/templates/``), such as the short
    note of a session day."""
    return load_file(builtin_dir() / "templates" / f"{name}.toml")


def for_draft(name: str) -> Exercise:
    """The exercise a draft belongs to: a listed one, else a template, so that every draft the
    program wrote can be resumed."""
    if name not in _files() and (builtin_dir() / "templates" / f"{name}.toml").is_file():
        return template(name)
    return get(name)


Words = TypeVar("Words", bound=BaseModel)


def load_words(path: Path, model: type[Words]) -> Words:
    """A template of wording (``exercises/templates/``) read and checked against ``model``;
    a file that cannot be read or does not fit is an :class:`ExerciseFileError`."""
    try:
        return model.model_validate(read_toml(path))
    except UnreadableFile as exc:
        raise ExerciseFileError(
            msg.FILE_UNREADABLE_BECAUSE.format(path=path, reason=exc.reason)
        ) from None
    except ValidationError as exc:
        raise ExerciseFileError(
            msg.FILE_INVALID.format(path=path, reason=exc.errors()[0]["msg"])
        ) from None
