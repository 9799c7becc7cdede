"""A :class:`~partsjournal.views.review_data.Review` on screen (rich), in the words
shared with the markdown document (:mod:`partsjournal.render.review`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from partsjournal.render import care_lines, review_notes, ui
from partsjournal.render import patterns as pattern_words
from partsjournal.render.review import (
    NOT_RATED,
    TIMES,
    activation_summary,
    bar,
    empty_line,
    grounding_line,
    header_line,
    need_line,
    no_activation_line,
    no_grounding_line,
    no_highlights_line,
    no_parts_line,
    no_practices_line,
    no_self_line,
    no_sessions_line,
    not_safe_line,
    outcome_line,
    position_line,
    practice_line,
    realms_missing_line,
    reflection_line,
    self_footer,
    session_line,
    short_day,
    signed,
    span,
    sparkline,
    sparkline_label,
    this_period,
)
from partsjournal.render.text import literal, visible
from partsjournal.views.review_data import Review

if TYPE_CHECKING:
    from rich.console import Console, RenderableType


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

    if review.patterns or review.care:
        heading(pattern_words.HEADING)
        for pattern in review.patterns:
            out.append(Text("• " + pattern_words.line(pattern, this_period(review))))
        for kept in review.care:
            out.append(Text("• " + visible(care_lines.summary(kept))))

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
        out.append(Text(f"{sparkline_label()} {trend}", style="dim"))
    else:
        note(no_activation_line(review))

    heading("Grounding")
    if review.not_safe:
        out.append(Text(not_safe_line(review), style="yellow"))
    if review.grounding:
        for c in review.grounding:
            out.append(Text("• " + grounding_line(c)))
    else:
        note(no_grounding_line(review))

    heading("Self-energy")
    if review.self_energy:
        table = Table(show_header=False, box=None, pad_edge=False)
        for _ in range(4):
            table.add_column()
        for q in review.self_energy:
            avg = f"{q.average:.1f}" if q.average is not None else NOT_RATED
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
            words, where = reflection_line(qr)
            out.append(Text(f"“{words}” — {where}"))
    else:
        note(no_highlights_line(review))

    for title, lines in review_notes.sections(review):
        heading(title)
        out.extend(Text(f"• {line}") for line in lines)
    return out
