"""Questionnaire measures as data: one TOML file each, validated like every exercise file.

A measure lives in ``<home>/exercises/<name>.measure.toml``: its items (and which are
safety items), the answer scale and its labels, the scoring rule (a sum, with reversed
items and subscales), the bands as the instrument states them, the period it asks about
and who made it. The published measures this project knows (``exercises/measures/``)
ship everything but the words: an empty slot and a fingerprint of the published wording
(:mod:`partsjournal.core.fingerprints`) for each item and answer label.

A measure that is to be answered must have words in every item and label
(:func:`load`); a template may not (:func:`template`). Unknown keys are refused, so a
typo is an error, not a silently different questionnaire.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from partsjournal.core import fingerprints, matching, paths
from partsjournal.core import messages as msg
from partsjournal.core.errors import JournalError, UsageError
from partsjournal.core.store import UnreadableFile, read_toml
from partsjournal.core.wording import one_or_many
from partsjournal.flow.exercises import MEASURE_SUFFIX, describe

SUFFIX = MEASURE_SUFFIX
FORMAT = 1
Fingerprint = Annotated[str, Field(pattern=r"^[0-9a-f]{16}$")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Scale(_Strict):
    """The answers every item offers: their values, lowest first, and their words."""

    values: Annotated[list[int], Field(min_length=2)]
    labels: list[str]
    fingerprints: list[Fingerprint] = []

    @model_validator(mode="after")
    def _same_lengths(self) -> Scale:
        if any(b <= a for a, b in zip(self.values, self.values[1:], strict=False)):
            raise ValueError(msg.SCALE_NOT_RISING)
        if len(self.labels) != len(self.values):
            raise ValueError(msg.SCALE_LABELS_COUNT)
        filled = [label.strip() for label in self.labels if label.strip()]
        if len(set(filled)) != len(filled):
            raise ValueError(msg.SCALE_LABELS_SAME)
        if self.fingerprints and len(self.fingerprints) != len(self.values):
            raise ValueError(msg.SCALE_FINGERPRINTS_COUNT)
        return self

    @property
    def lowest(self) -> int:
        return self.values[0]

    @property
    def highest(self) -> int:
        return self.values[-1]


class Subscale(_Strict):
    name: Annotated[str, Field(min_length=1)]
    items: Annotated[list[Annotated[int, Field(ge=1)]], Field(min_length=1)]


class Scoring(_Strict):
    """The total is the sum of the items' values; a reversed item counts from the top
    of the scale down (the lowest answer scores the highest value)."""

    total: Literal["sum"] = "sum"
    reversed: list[Annotated[int, Field(ge=1)]] = []
    subscales: list[Subscale] = []


class Band(_Strict):
    low: int
    high: int
    label: Annotated[str, Field(min_length=1)]


class Item(_Strict):
    text: str
    fingerprints: list[Fingerprint] = []
    safety: bool = False  # answered above the lowest answer, it brings care (see measure_run)


class Measure(_Strict):
    measure: Literal[1]  # the format: this file is a measure
    name: Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]*$")]
    title: Annotated[str, Field(min_length=1)]
    summary: str = ""
    period: Annotated[str, Field(min_length=1)]  # "the last two weeks", in the person's language
    attribution: str = ""
    version: Annotated[int, Field(ge=1)] = 1
    # the person's choice: offered after a check-in at most this often (0: never offered)
    offer_every_days: Annotated[int, Field(ge=0)] = 14
    scale: Scale
    scoring: Scoring = Scoring()
    bands: list[Band] = []
    items: Annotated[list[Item], Field(min_length=1)]

    @model_validator(mode="after")
    def _consistent(self) -> Measure:
        n = len(self.items)
        numbers = [*self.scoring.reversed, *(i for s in self.scoring.subscales for i in s.items)]
        wrong = sorted({i for i in numbers if i > n})
        if wrong:
            raise ValueError(msg.SCORING_NO_SUCH_ITEM.format(item=wrong[0], count=n))
        if len(set(self.scoring.reversed)) != len(self.scoring.reversed):
            raise ValueError(msg.SCORING_REVERSED_TWICE)
        names = [s.name for s in self.scoring.subscales]
        if len(set(names)) != len(names):
            raise ValueError(msg.SUBSCALES_SAME_NAME)
        if self.bands:
            self._check_bands()
        return self

    def _check_bands(self) -> None:
        """Bands cover every total the measure can have, once each, lowest first."""
        expected = self.lowest_total
        for band in self.bands:
            if band.low != expected or band.high < band.low:
                raise ValueError(
                    msg.BANDS_COVER.format(
                        lowest=self.lowest_total, highest=self.highest_total, band=band.label
                    )
                )
            expected = band.high + 1
        if expected != self.highest_total + 1:
            raise ValueError(msg.BANDS_LAST_END.format(highest=self.highest_total))

    @property
    def lowest_total(self) -> int:
        return self.scale.lowest * len(self.items)

    @property
    def highest_total(self) -> int:
        return self.scale.highest * len(self.items)

    def label(self, value: int) -> str:
        return self.scale.labels[self.scale.values.index(value)]

    def missing_words(self) -> list[str]:
        """What still has no words: "item 3", "the answer 2"."""
        items = [f"item {n}" for n, i in enumerate(self.items, 1) if not i.text.strip()]
        labels = [
            f"the answer {v}"
            for v, text in zip(self.scale.values, self.scale.labels, strict=True)
            if not text.strip()
        ]
        return items + labels


class MeasureFileError(JournalError):
    pass


def templates_dir() -> Path:
    """The published measures this project knows (facts and fingerprints, no words)."""
    packaged = Path(str(resources.files("partsjournal"))) / "exercises" / "measures"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "exercises" / "measures"


def template_names() -> list[str]:
    return sorted(p.stem for p in templates_dir().glob("*.toml"))


def path_of(name: str) -> Path:
    """Where the measure ``name`` lives in the journal."""
    return paths.user_exercises_dir() / f"{name}{SUFFIX}"


def installed() -> list[str]:
    """The names of the measures set up in this journal, in order."""
    folder = paths.user_exercises_dir()
    if not folder.is_dir():
        return []
    return sorted(
        p.name.removesuffix(SUFFIX) for p in folder.glob(f"*{SUFFIX}") if not p.name.startswith(".")
    )


def read(path: Path, *, complete: bool = True) -> Measure:
    """Read and check one measure file; ``complete`` also refuses an item or an answer
    with no words (a measure is only answered in its exact words)."""
    try:
        data = read_toml(path)
    except UnreadableFile as exc:
        raise MeasureFileError(
            msg.MEASURE_FILE_UNREADABLE.format(path=path, reason=exc.reason)
        ) from None
    try:
        found = Measure.model_validate(data)
    except ValidationError as exc:
        raise MeasureFileError(
            msg.MEASURE_FILE_INVALID_FIX.format(path=path, reason=describe(exc))
        ) from None
    stem = path.name.removesuffix(SUFFIX).removesuffix(".toml")
    if found.name != stem:
        raise MeasureFileError(
            msg.MEASURE_FILE_NAME.format(path=path, name=found.name, suffix=SUFFIX)
        )
    missing = found.missing_words()
    if complete and missing:
        raise MeasureFileError(
            msg.MEASURE_WORDS_MISSING.format(
                name=found.name,
                listed=_listed(missing),
                have=one_or_many(len(missing), "has", "have"),
                path=path,
            )
        )
    return found


def load(name: str, *, complete: bool = True) -> Measure:
    """The measure ``name`` set up in this journal."""
    found = installed()
    if name not in found:
        hint = matching.did_you_mean(name, found)
        if found:
            listed = msg.MEASURES_SET_UP_SO_FAR.format(names=", ".join(found))
        else:
            listed = msg.NO_MEASURES_SET_UP
        raise UsageError(msg.NO_SUCH_MEASURE.format(name=name, hint=hint, listed=listed))
    return read(path_of(name), complete=complete)


def load_all(*, complete: bool = True) -> list[Measure]:
    return [load(name, complete=complete) for name in installed()]


def template(name: str) -> Measure:
    """A published measure this project knows, with empty slots for its words."""
    if name not in template_names():
        hint = matching.did_you_mean(name, template_names())
        raise UsageError(
            msg.NO_SUCH_PUBLISHED_MEASURE.format(
                name=name, hint=hint, known=", ".join(template_names())
            )
        )
    return read(templates_dir() / f"{name}.toml", complete=False)


def wording_matches(measure: Measure) -> list[tuple[str, bool | None]]:
    """For each item and answer label: its name ("item 3", "the answer 2") and whether its
    words are a published wording (None: the measure has no fingerprint for it)."""
    out: list[tuple[str, bool | None]] = []
    for n, item in enumerate(measure.items, 1):
        fits = fingerprints.matches(item.text, item.fingerprints) if item.fingerprints else None
        out.append((f"item {n}", fits))
    for i, (value, text) in enumerate(zip(measure.scale.values, measure.scale.labels, strict=True)):
        prints = measure.scale.fingerprints[i : i + 1]
        out.append((f"the answer {value}", fingerprints.matches(text, prints) if prints else None))
    return out


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
