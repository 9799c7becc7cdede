"""The words of a :class:`~partsjournal.views.review_data.Review`, and the review as JSON.

The ``..._line`` helpers say each part of a review in one wording; the sections
(:mod:`partsjournal.render.review_sections`) put them in order, and the screen
(:mod:`~partsjournal.render.review_rich`) and the markdown document
(:mod:`~partsjournal.render.review_md`) draw those, so the screen and the document a
therapist reads say the same things. Nothing here reads files.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from partsjournal.core.care_record import RATING
from partsjournal.core.dates import short_day as short_day
from partsjournal.core.vocabulary import REALMS, realm_label
from partsjournal.render import care_lines, terminal
from partsjournal.render.text import plural, visible
from partsjournal.views.review_data import (
    CheckIn,
    Outcome,
    Practice,
    Quote,
    Review,
    Said,
    SessionNear,
)

FORMATS = ("rich", "markdown", "json")

# How user text is made safe in a line: visible() for the screen, md() for markdown.
Escape = Callable[..., str]

_SPARKS = "▁▂▃▄▅▆▇█"
TIMES = "\u00d7"  # multiplication sign


# --------------------------------------------------------------------------- shared words


def this_period(review: Review) -> str:
    """ "this week", or "that week" when the period is over."""
    word = "this" if review.period.until >= review.today else "that"
    kind = review.period.kind
    return f"{word} {kind}" if kind in ("week", "month") else f"in {word} period"


def position_line(review: Review) -> str:
    if review.period.until >= review.today:
        return f"Where you are now: {review.position}."
    return f"At the end of that period: {review.position}."


# said where a change cannot be worked out, instead of a bare dash
NOTHING_EARLIER = "nothing earlier"
NOT_RATED = "not rated"


def signed(value: float | None) -> str:
    if value is None:
        return NOTHING_EARLIER
    if value == 0:
        return "±0"
    text = f"{value:+.1f}" if isinstance(value, float) and not value.is_integer() else f"{value:+g}"
    return text


def bar(
    value: float | None, *, top: int = 10, width: int = 10, full: str = "█", empty: str = "·"
) -> str:
    if value is None:
        return empty * width
    filled = max(0, min(width, round(value / top * width)))
    return full * filled + empty * (width - filled)


def sparkline(values: list[int], top: int = 10) -> str:
    """The values as a line of bars; in plain output as the numbers themselves, since a
    screen reader reads a bar as a shape, not as how high it is."""
    if terminal.current().plain:
        return " ".join(str(v) for v in values)
    return "".join(
        _SPARKS[min(len(_SPARKS) - 1, round(v / top * (len(_SPARKS) - 1)))] for v in values
    )


def header_line(review: Review) -> str:
    """What was done, never a streak that can break."""
    entries = plural(review.entries, "entry", "entries")
    if review.period.until == review.today:
        short, long = review.recent
        return f"{entries} · journaled on {short} of the last 7 days; {long} of the last 30"
    return f"{entries} · journaled on {review.days_journaled} of these {review.period.days} days"


def empty_line(review: Review) -> str:
    return (
        f"Nothing was written {this_period(review)}, and that is all right. "
        "When you have a quiet moment, a short exercise is a gentle way back in: "
        "partsjournal exercise unblend (to see them all: partsjournal exercise)."
    )


def session_line(s: SessionNear, esc: Escape = visible) -> str:
    label = s.label or s.kind
    name = f"session {s.number}" + (f" ({esc(label, one_line=True)})" if label else "")
    if s.days_from_end > 0:
        when = f"coming on {short_day(s.date)}, in {plural(s.days_from_end, 'day')}"
    elif s.in_period:
        when = f"on {short_day(s.date)}"
    else:
        when = f"on {short_day(s.date)}, {plural(-s.days_from_end, 'day')} before the period ended"
    counts = []
    if s.entries_before:
        counts.append(f"{plural(s.entries_before, 'entry', 'entries')} before")
    if s.entries_after:
        counts.append(f"{plural(s.entries_after, 'entry', 'entries')} after")
    tail = "; " + ", ".join(counts) if counts else "; no entries linked to it in this period"
    return f"{name} {when}{tail}"


def no_sessions_line(review: Review) -> str:
    if not review.sessions_recorded:
        return (
            "No sessions recorded yet. If you are preparing for one, add it with "
            "partsjournal session add DATE."
        )
    return f"No sessions {this_period(review)} or close to it."


def no_parts_line(review: Review) -> str:
    if not review.parts_known:
        return "No parts named yet; the protector exercise is a good way to meet the first one."
    return f"No parts were named {this_period(review)}."


def activation_summary(review: Review) -> str:
    avg = review.average_activation_change
    if avg is None:
        return ""
    n = len(review.activation)
    if avg < 0:
        how = f"eased by {abs(avg):g} on average"
    elif avg > 0:
        how = f"rose by {avg:g} on average"
    else:
        how = "stayed the same on average"
    return f"Across {plural(n, 'exercise')}, activation {how} (0-10 scale)."


def sparkline_label() -> str:
    if terminal.current().plain:  # the line is numbers then (see sparkline)
        return "Activation after each exercise, oldest first (lower is calmer):"
    return "Activation after each exercise, oldest first (a lower bar is calmer):"


def grounding_line(c: CheckIn, esc: Escape = visible) -> str:
    """ "Sun 22 Nov, Meeting a protector part: stirred up 9 of 10, did not feel safe (after a
    tender part came close); then distress 3 of 10, felt safe (in grounding)": each rating
    and safety answer in the order given, each with where it was given, in the words the
    export uses for that moment (:func:`care_lines.where`), and each rating in its question's
    word (:func:`care_lines.rating_word`). A check is a rating and the safety answers after
    it, at one moment; "then" joins checks. An answer given again right after itself is said
    once; a moment the record does not name is said without one."""
    checks = ["".join(_check(group)) for group in _checks(c.said)]
    return f"{short_day(c.day)}, {esc(c.exercise, one_line=True)}: {'; then '.join(checks)}"


def _checks(said: list[Said]) -> list[list[Said]]:
    """``said`` cut where the moment changes or a rating follows a safety answer."""
    out: list[list[Said]] = []
    for s in said:
        last = out[-1] if out else None
        if last and last[-1] == s:
            continue  # the same answer again, at the same moment
        if (
            last is None
            or s.moment != last[-1].moment
            or (s.kind == RATING and last[-1].kind != RATING)
        ):
            out.append([s])
        else:
            last.append(s)
    return out


def _check(group: list[Said]) -> list[str]:
    ratings = [str(s.value) for s in group if s.kind == RATING]
    safe = [care_lines.felt_safe(s.value) for s in group if s.kind != RATING]
    moment = group[0].moment
    said = [f"{care_lines.rating_word(moment)} {', then '.join(ratings)} of 10"] if ratings else []
    if safe:
        said.append(", then ".join(safe))
    at = care_lines.where(moment)
    return [", ".join(said), f" ({at})" if at else ""]


def not_safe_line(review: Review) -> str:
    days = ", ".join(short_day(c.day) for c in review.not_safe)
    return (
        f"On {days} you said you did not feel safe. Thank you for being honest with yourself. "
        "If that is still true now, please reach out to someone you trust, your local "
        "emergency number or a crisis line. To see your support card (who is on it, or "
        "where to find a crisis line): partsjournal config"
    )


DISTRESS_AND_SAFETY = "Distress and safety"  # the section of the ratings and safety answers


def no_grounding_line(review: Review) -> str:
    return (
        f"No distress ratings or safety answers {this_period(review)}. "
        "Whenever you want a few steady minutes: partsjournal ground"
    )


def no_activation_line(review: Review) -> str:
    return (
        f"No exercise {this_period(review)} recorded activation both before and after, "
        "so there is nothing to compare yet."
    )


def no_self_line(review: Review) -> str:
    return (
        f"No Self-energy check-in {this_period(review)}. "
        "When you want one, it takes a few minutes: partsjournal exercise self-check"
    )


def self_footer(review: Review) -> str:
    checks = plural(review.self_checks, "check-in")
    room = f"How much room each quality had, on average over {checks}: a picture, not a score"
    if review.self_checks_previous:
        n = review.self_checks_previous
        return f"{room}; the change is against the previous period's {n}."
    return f"{room}; there was no check-in in the previous period to compare with."


def realms_missing_line(review: Review) -> str:
    missing = [REALMS[r] for r in review.unattended_realms]
    if not missing:
        return f"Every realm got some attention {this_period(review)}."
    names = ", ".join(missing[:-1]) + (" and " if len(missing) > 1 else "") + missing[-1]
    if len(missing) == len(REALMS):
        return (
            f"No realm ratings or practices {this_period(review)}. When it feels right, "
            "a few minutes for each realm: partsjournal integrate"
        )
    return (
        f"{names} got no attention {this_period(review)}. Nothing needs fixing; if one of them "
        "calls to you, a few minutes are enough: partsjournal integrate --realm "
        f"{review.unattended_realms[0]}"
    )


def outcome_line(o: Outcome, esc: Escape = visible) -> str:
    """ "Sun 22 Nov, Body: Ten minute walk after lunch: did it (three times)"."""
    what = f"{esc(o.practice, one_line=True)}: " if o.practice else ""
    note = f" ({esc(o.note, one_line=True)})" if o.note else ""
    return f"{short_day(o.day)}, {realm_label(o.realm)}: {what}{esc(o.outcome)}{note}"


def practice_line(pr: Practice, esc: Escape = visible) -> str:
    """ "chosen Thu 19 Nov for Body: a walk after lunch"."""
    return f"chosen {short_day(pr.day)} for {realm_label(pr.realm)}: {esc(pr.text, one_line=True)}"


def need_line(q: Quote, esc: Escape = visible) -> tuple[str, str]:
    """The words, and who needs it, when and in which exercise."""
    who = esc(q.part, one_line=True) if q.part else "a part"
    return esc(q.text, one_line=True), f"what {who} needs, {_context(q, esc)}"


def reflection_line(q: Quote, esc: Escape = visible) -> tuple[str, str]:
    """The words, and when, in which exercise and about which part they were written."""
    about = f", about {esc(q.part, one_line=True)}" if q.part else ""
    return esc(q.text, one_line=True), f"reflection, {_context(q, esc)}{about}"


def _context(q: Quote, esc: Escape) -> str:
    where = f" in {esc(q.exercise, one_line=True)}" if q.exercise else ""
    return f"{short_day(q.day)}{where}"


def no_practices_line(review: Review) -> str:
    return f"No practices chosen or followed up {this_period(review)}."


def no_highlights_line(review: Review) -> str:
    return f"No needs or reflections written down {this_period(review)}."


# --------------------------------------------------------------------------- JSON


def to_json(review: Review) -> str:
    return json.dumps(review.to_json(), indent=2, ensure_ascii=False) + "\n"
