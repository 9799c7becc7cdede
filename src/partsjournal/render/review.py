"""Drawing a :class:`~partsjournal.review.Review`: rich, markdown or JSON.

The wording is shared by the rich and markdown renderers (the ``_..._line``
helpers), so the screen and the document a therapist reads say the same
things. Nothing here reads files.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from partsjournal.core.vocabulary import REALMS, realm_label
from partsjournal.render import patterns as pattern_words
from partsjournal.render import review_notes, ui
from partsjournal.render.review_notes import short_day
from partsjournal.render.text import literal, plural, visible
from partsjournal.views.review_data import Outcome, Practice, Quote, Review, SessionNear

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

FORMATS = ("rich", "markdown", "json")

# How user text is made safe in a line: visible() for the screen, md() for markdown.
Escape = Callable[..., str]

_SPARKS = "▁▂▃▄▅▆▇█"
DASH = "\u2013"  # en dash
TIMES = "\u00d7"  # multiplication sign


# --------------------------------------------------------------------------- shared words


def span(since: date, until: date) -> str:
    """ "13-19 November 2026" style spans, with an en dash between the days."""
    if since == until:
        return f"{until.day} {until:%B %Y}"
    if since.year != until.year:
        return f"{since.day} {since:%B %Y} {DASH} {until.day} {until:%B %Y}"
    if since.month != until.month:
        return f"{since.day} {since:%B} {DASH} {until.day} {until:%B %Y}"
    return f"{since.day} {DASH} {until.day} {until:%B %Y}"


def this_period(review: Review) -> str:
    """ "this week", or "that week" when the period is over."""
    word = "this" if review.period.until >= review.today else "that"
    kind = review.period.kind
    return f"{word} {kind}" if kind in ("week", "month") else f"in {word} period"


def position_line(review: Review) -> str:
    if review.period.until >= review.today:
        return f"Where you are now: {review.position}."
    return f"At the end of that period: {review.position}."


def signed(value: float | None) -> str:
    if value is None:
        return DASH
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
        "partsjournal exercise protector (to see them all: partsjournal exercise)."
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
    """The words, and who needs it when."""
    who = esc(q.part, one_line=True) if q.part else "a part"
    return esc(q.text, one_line=True), f"what {who} needs, {short_day(q.day)}"


def no_practices_line(review: Review) -> str:
    return f"No practices chosen or followed up {this_period(review)}."


def no_highlights_line(review: Review) -> str:
    return f"No needs or reflections written down {this_period(review)}."


# --------------------------------------------------------------------------- JSON


def to_json(review: Review) -> str:
    return json.dumps(review.to_json(), indent=2, ensure_ascii=False) + "\n"


# --------------------------------------------------------------------------- rich


def print_rich(review: Review, console: Console) -> None:
    from rich.text import Text

    for renderable in rich_renderables(review):
        if isinstance(renderable, Text):  # broken between words, never in a command or date
            renderable = ui.fitted(renderable, console)
        console.print(renderable)


def to_plain_text(review: Review, width: int = 100) -> str:
    """The rich layout without colours, for ``--output FILE`` with the rich format."""
    import io

    from rich.console import Console

    buffer = io.StringIO()
    console = Console(
        file=buffer, width=width, color_system=None, force_terminal=False, highlight=False
    )
    print_rich(review, console)
    return buffer.getvalue()


def rich_renderables(review: Review) -> list[RenderableType]:
    from rich.table import Table
    from rich.text import Text

    p = review.period
    out: list[RenderableType] = []

    def heading(title: str) -> None:
        out.append(Text(""))
        out.append(Text(title, style="bold cyan"))

    def note(text: str) -> None:
        out.append(Text(text, style="dim"))

    out.append(Text(f"Review: {span(p.since, p.until)}", style="bold"))
    out.append(Text(header_line(review)))
    if review.position:
        out.append(Text(position_line(review)))
    if review.empty:
        out.append(Text(""))
        out.append(Text(empty_line(review)))

    heading("Sessions")
    if review.sessions:
        for s in review.sessions:
            out.append(Text("• " + session_line(s)))
    else:
        note(no_sessions_line(review))
    if review.empty:
        return out

    if review.patterns:
        heading(pattern_words.HEADING)
        for pattern in review.patterns:
            out.append(Text("• " + pattern_words.line(pattern, this_period(review))))

    heading("Exercises")
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column()
    table.add_column(justify="right")
    for e in review.exercises:
        label = literal(e.title or e.name, one_line=True)
        label.append(f" ({visible(e.name, one_line=True)})", style="dim")
        table.add_row(label, f"{TIMES}{e.count}")
    out.append(table)

    heading("Parts met")
    if review.parts:
        table = Table(show_header=False, box=None, pad_edge=False)
        table.add_column(style="bold")
        table.add_column(justify="right")
        table.add_column(style="green")
        for pm in review.parts:
            table.add_row(
                literal(pm.name, one_line=True), f"{TIMES}{pm.times}", "new" if pm.new else ""
            )
        out.append(table)
        note("More about a part: partsjournal parts show NAME")
    else:
        note(no_parts_line(review))

    heading("Activation (before → after)")
    if review.activation:
        table = Table(show_header=False, box=None, pad_edge=False)
        for _ in range(5):
            table.add_column()
        for a in review.activation:
            colour = "green" if a.change < 0 else ("yellow" if a.change > 0 else "white")
            table.add_row(
                short_day(a.day),
                literal(a.exercise, one_line=True),
                f"[red]{bar(a.before)}[/] {a.before:>2}",
                f"[{colour}]{bar(a.after)}[/] {a.after:>2}",
                f"[{colour}]{signed(a.change)}[/]",
            )
        out.append(table)
        trend = sparkline([a.after for a in review.activation])
        out.append(Text(activation_summary(review)))
        out.append(Text(f"after each exercise: {trend}", style="dim"))
    else:
        note(no_activation_line(review))

    heading("Self-energy")
    if review.self_energy:
        table = Table(show_header=False, box=None, pad_edge=False)
        for _ in range(4):
            table.add_column()
        for q in review.self_energy:
            avg = f"{q.average:.1f}" if q.average is not None else DASH
            table.add_row(q.name, f"[magenta]{bar(q.average)}[/]", avg, signed(q.change))
        out.append(table)
        note(self_footer(review))
    else:
        note(no_self_line(review))

    heading("Realms")
    table = Table(show_header=False, box=None, pad_edge=False)
    for _ in range(4):
        table.add_column()
    for r in review.realms:
        latest = f"{r.latest} on {short_day(r.latest_day)}" if r.latest_day else "not rated"
        table.add_row(
            r.label,
            f"[blue]{bar(r.latest)}[/]",
            latest,
            signed(r.change) if r.change is not None else "",
        )
    out.append(table)
    out.append(Text(realms_missing_line(review)))

    heading("Practices")
    if review.practices or review.outcomes:
        for pr in review.practices:
            out.append(Text(f"• {practice_line(pr)}"))
        for o in review.outcomes:
            out.append(Text(f"• {outcome_line(o)}"))
    else:
        note(no_practices_line(review))

    heading("Highlights")
    if review.needs or review.reflections:
        for qn in review.needs:
            words, who = need_line(qn)
            out.append(Text(f"“{words}” — {who}"))
        for qr in review.reflections:
            out.append(Text(f"“{visible(qr.text, one_line=True)}” — {short_day(qr.day)}"))
    else:
        note(no_highlights_line(review))

    for title, lines in review_notes.sections(review):
        heading(title)
        out.extend(Text(f"• {line}") for line in lines)
    return out
