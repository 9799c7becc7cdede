"""One answered step: its record, how it is read from a file, and how it reads as text.

Entries and drafts store answers the same way, so both read them with
:func:`from_dict`; every listing, review and export turns a value into words with
:func:`as_text` and an entry into a glimpse with :func:`first_words`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from partsjournal.core import messages as msg
from partsjournal.core import vocabulary as vocab

AnswerValue = str | int | bool | list[str]

KEYS = frozenset({"step", "kind", "prompt", "value", "role", "part"})
TEXT_KINDS = frozenset({"text", "long_text"})


@dataclass
class Answer:
    """One answered step, with the prompt text exactly as it was shown."""

    step: str
    kind: str
    prompt: str
    value: AnswerValue
    role: str | None = None
    part: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)  # keys from a newer schema, kept

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = dict(self.extra)
        out |= {
            "step": self.step,
            "kind": self.kind,
            "prompt": self.prompt,
            "value": self.value,
        }
        if self.role:
            out["role"] = self.role
        if self.part:
            out["part"] = self.part
        return out

    @property
    def text(self) -> str:
        return as_text(self.value)

    @property
    def number(self) -> int | None:
        return as_number(self.value)


def is_value(value: object) -> bool:
    """True for the values an answer can hold: text, a whole number, yes/no, a list of text."""
    return isinstance(value, str | int | bool) or (
        isinstance(value, list) and all(isinstance(v, str) for v in value)
    )


def from_dict(raw: object, *, allow_unknown: bool) -> Answer:
    """Read one stored answer, checking the type of every field.

    Raises ``ValueError`` with a short reason. Keys this version does not know
    are kept in ``extra`` when ``allow_unknown`` (a file from a newer schema),
    refused otherwise.
    """
    if not isinstance(raw, dict):
        raise ValueError(msg.ANSWER_NOT_TABLE)
    unknown = set(raw) - KEYS
    if unknown and not allow_unknown:
        raise ValueError(msg.ANSWER_UNKNOWN_KEYS.format(keys=sorted(unknown)))
    step = raw.get("step")
    if not isinstance(step, str):
        raise ValueError(msg.ANSWER_NO_STEP)
    value = raw.get("value")
    if not is_value(value):
        raise ValueError(msg.ANSWER_NO_VALUE.format(step=step))
    for key in ("kind", "prompt", "role", "part"):
        if key in raw and not isinstance(raw[key], str):
            raise ValueError(msg.ANSWER_FIELD_NOT_TEXT.format(step=step, key=key))
    return Answer(
        step=step,
        kind=raw.get("kind", "text"),
        prompt=raw.get("prompt", ""),
        value=value,  # type: ignore[arg-type]
        role=raw.get("role") or None,
        part=raw.get("part") or None,
        extra={k: v for k, v in raw.items() if k not in KEYS},
    )


def as_text(value: AnswerValue) -> str:
    """An answer as words: a list joined with commas, yes/no for a flag."""
    if isinstance(value, list):
        return ", ".join(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def as_number(value: AnswerValue) -> int | None:
    """A 0-10 rating as a number (never a yes/no flag)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def shorten(text: str, limit: int) -> str:
    """One line, cut at a word boundary with an ellipsis when too long."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:.")
    return cut + "…"


def first_words(answers: Iterable[Answer], limit: int = 60) -> str:
    """A glimpse of an entry: its situation or intention, else its first written answer.

    Follow-ups about earlier practices are passed over: they describe last
    time, not this entry.
    """
    written = [
        a
        for a in answers
        if isinstance(a.value, str)
        and a.value.strip()
        and vocab.split(a.role)[0] not in vocab.FOLLOW_UP_FAMILIES
    ]
    chosen = next((a for a in written if a.role in vocab.HEADLINE), None)
    chosen = chosen or next((a for a in written if a.kind in TEXT_KINDS), None)
    return shorten(chosen.text, limit) if chosen else ""
