"""The care record of an entry: what care saw and did during one run, kept for the therapist.

Each item is one moment, dated when it happened (never the ``--at`` of the entry):

```toml
[[care]]
at = 2026-11-24T21:03:12+01:00
kind = "rating"          # see KINDS
value = 10
moment = "middle"        # for ratings and safety answers: where in the run (optional)
step = "part_since"      # the exercise step it followed (optional)
```

Entries and drafts keep the same list under ``care``, and both read it with
:func:`from_list`, which checks every field's type as the rest of an entry is
checked. Nothing here asks or decides: :mod:`partsjournal.flow.care` does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from partsjournal.core import messages as msg

CareValue = int | bool | str

# --------------------------------------------------------------------------- kinds

RATING = "rating"  # 0-10: how stirred up or distressed
SAFE = "safe"  # true/false: "do you feel safe right now?" (and "safe enough to go on?")
GROUNDING = "grounding"  # "done", "paused" or "declined": the grounding offered in the run
CARD = "card"  # "shown": the whole support card was shown; "asked": shown again, asked for
GOING_ON = "going-on"  # after "not safe": what the person said is going on (GOING_ON_ANSWERS)
RISK = "risk"  # a risky way of coping the person chose (RISKS)
THOUGHTS = "thoughts"  # the plain question about thoughts of ending one's life (THOUGHTS_ANSWERS)
NOTE = "note"  # a few free words written while care held the run
STOP = "stop"  # "stopped" (for today) or "closed gently"

KINDS: dict[str, str] = {
    RATING: "a 0-10 rating of how stirred up or distressed the person was",
    SAFE: 'the answer to "do you feel safe right now?" (true or false)',
    GROUNDING: 'grounding was offered: "done", "paused" (partway) or "declined"',
    CARD: 'the whole support card was shown ("shown"), or shown again when asked for ("asked")',
    GOING_ON: 'after "not safe": what is going on, in the person\'s choice of words',
    RISK: 'a risky way of coping chosen: "self-harm", "substance" or "ending my life"',
    THOUGHTS: 'thoughts of ending one\'s life: "no", "in passing" or "yes, right now"',
    NOTE: "a few words the person wrote while care held the run",
    STOP: '"stopped" for today, or "closed gently" (the rest of the dialogue left out)',
}

# where a rating or a safety answer was given
START, MIDDLE, END = "start", "middle", "end"
IN_GROUNDING, TENDER, RESUME, WORDS, DAILY = "grounding", "tender", "resume", "words", "daily"
QUESTIONNAIRE = "questionnaire"  # a measure's safety item answered above its lowest answer
UNFINISHED = "unfinished"  # a note's words left by a pause before they were finished
MOMENTS = (
    *(START, MIDDLE, END, IN_GROUNDING, TENDER, RESUME, WORDS, DAILY, QUESTIONNAIRE),
    UNFINISHED,
)

DONE, PAUSED, DECLINED = "done", "paused", "declined"
SHOWN, ASKED = "shown", "asked"
STOPPED, CLOSED_GENTLY = "stopped", "closed gently"

SELF_HARM, SUBSTANCE, ENDING_LIFE = "self-harm", "substance", "ending my life"
RISKS = (SELF_HARM, SUBSTANCE, ENDING_LIFE)

# the graded question (also a questionnaire's safety item): its three answers, in order
NO, IN_PASSING, RIGHT_NOW = "no", "in passing", "yes, right now"
THOUGHTS_ANSWERS = (NO, IN_PASSING, RIGHT_NOW)

TOO_MUCH, THOUGHTS_OF_ENDING = "too much", "thoughts of ending my life"
SOMEONE, BODY, RATHER_NOT_SAY = "not safe from someone", "body feels wrong", "rather not say"
URGE_TO_HURT = "urge to hurt myself"
GOING_ON_ANSWERS = (TOO_MUCH, THOUGHTS_OF_ENDING, URGE_TO_HURT, SOMEONE, BODY, RATHER_NOT_SAY)

KEYS = frozenset({"at", "kind", "value", "moment", "step"})


@dataclass
class CareItem:
    """One moment of care, dated when it happened."""

    at: datetime
    kind: str
    value: CareValue
    moment: str | None = None
    step: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)  # keys from a newer schema, kept

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = dict(self.extra)
        out |= {"at": self.at, "kind": self.kind, "value": self.value}
        if self.moment:
            out["moment"] = self.moment
        if self.step:
            out["step"] = self.step
        return out

    @property
    def number(self) -> int | None:
        """A rating's value (never a yes/no)."""
        v = self.value
        return v if self.kind == RATING and isinstance(v, int) and not isinstance(v, bool) else None


def from_item(raw: object, *, allow_unknown: bool) -> CareItem:
    """Read one stored item, checking the type of every field; ``ValueError`` says why not."""
    if not isinstance(raw, dict):
        raise ValueError(msg.CARE_ITEM_NOT_TABLE)
    unknown = set(raw) - KEYS
    if unknown and not allow_unknown:
        raise ValueError(msg.CARE_ITEM_UNKNOWN_KEYS.format(keys=sorted(unknown)))
    at, kind, value = raw.get("at"), raw.get("kind"), raw.get("value")
    if not isinstance(at, datetime) or at.tzinfo is None:
        raise ValueError(msg.CARE_ITEM_NO_MOMENT)
    if not isinstance(kind, str) or not kind:
        raise ValueError(msg.CARE_ITEM_NO_KIND)
    if not isinstance(value, int | str):  # bool is an int
        raise ValueError(msg.CARE_ITEM_NO_VALUE.format(kind=kind))
    if kind == RATING and (isinstance(value, bool) or not isinstance(value, int)):
        raise ValueError(msg.CARE_RATING_NOT_WHOLE)
    if kind == RATING and isinstance(value, int) and not 0 <= value <= 10:
        raise ValueError(msg.CARE_RATING_OUT_OF_RANGE)
    if kind == SAFE and not isinstance(value, bool):
        raise ValueError(msg.CARE_SAFE_NOT_YES_NO)
    for key in ("moment", "step"):
        if key in raw and not isinstance(raw[key], str):
            raise ValueError(msg.CARE_ITEM_FIELD_NOT_TEXT.format(kind=kind, key=key))
    return CareItem(
        at=at,
        kind=kind,
        value=value,
        moment=raw.get("moment") or None,
        step=raw.get("step") or None,
        extra={k: v for k, v in raw.items() if k not in KEYS},
    )


def from_list(raw: object, *, allow_unknown: bool) -> list[CareItem]:
    """The ``care`` list of an entry or a draft (``ValueError`` with a short reason)."""
    if not isinstance(raw, list):
        raise ValueError(msg.CARE_NOT_LIST)
    return [from_item(r, allow_unknown=allow_unknown) for r in raw]
