"""The review as one model of sections, drawn twice: on screen (:mod:`render.review_rich`)
and as a markdown document (:mod:`render.review_md`).

:func:`sections` says *what* the review shows, in order, in the words of
:mod:`render.review` (user text escaped by ``esc``: ``visible`` for the screen, ``md``
for the document); each renderer only says *how* a kind of block looks. A new
section is one function here, added to :data:`SECTIONS`; a new kind of block (a
chart, say) is one dataclass here and one drawing in each renderer.

Blocks:
- :class:`Line`: a sentence (``tone``: "" plain, "note" quiet, "warn" to be seen);
  ``command`` is shown after it, as code in the document.
- :class:`Items`: a bulleted list.
- :class:`Quotes`: words someone wrote and where they come from.
- :class:`Table`: rows of :class:`Cell` under a header; the document draws it as a
  table of words, the screen adds each cell's bar.
- :class:`Chart`: rows of cells whose bars matter: the document draws it as fixed-width
  text (``#`` and ``.``), the screen as coloured bars.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from partsjournal.core.dates import short_day, span_text
from partsjournal.render import care_lines, review_closing
from partsjournal.render import patterns as pattern_words
from partsjournal.render.review import (
    DISTRESS_AND_SAFETY,
    NOT_RATED,
    Escape,
    activation_summary,
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
    signed,
    sparkline,
    sparkline_label,
    this_period,
)
from partsjournal.views.review_data import Review

NO_BAR = -1.0  # a cell without a bar (None is a bar with nothing in it: "not rated")


@dataclass
class Line:
    text: str
    tone: str = ""  # "" | "note" | "warn"
    command: str = ""


@dataclass
class Items:
    lines: list[str]


@dataclass
class Quotes:
    pairs: list[tuple[str, str]]  # (the words, who or where they come from)


@dataclass
class Cell:
    text: str = ""
    tone: str = ""  # a colour or style name the screen may use: "bold", "green", ...
    aside: str = ""  # quieter words after the text: " (protector)"
    bar: float | None = NO_BAR  # a 0-10 gauge drawn before the text
    count: int | None = None  # a number of times: after a times sign on screen


@dataclass
class Table:
    header: list[str]
    rows: list[list[Cell]]
    right: set[int] = field(default_factory=set)  # columns aligned right


@dataclass
class Chart:
    rows: list[list[Cell]]


Block = Line | Items | Quotes | Table | Chart


@dataclass
class Section:
    title: str  # "" for the opening lines under the review's own title
    blocks: list[Block]


def title(review: Review) -> str:
    return f"Review: {span_text(review.period.since, review.period.until)}"


def sections(review: Review, esc: Escape) -> list[Section]:
    """Every section with something to show, in order. An empty period shows its
    opening and its sessions only."""
    out = [Section("", _opening(review)), Section("Sessions", _sessions(review, esc))]
    if review.empty:
        return out
    for heading, make in SECTIONS:
        blocks = make(review, esc)
        if blocks:
            out.append(Section(heading, blocks))
    return out


def _opening(review: Review) -> list[Block]:
    blocks: list[Block] = [Line(header_line(review) + ".")]
    if review.position:
        blocks.append(Line(position_line(review)))
    if review.empty:
        blocks.append(Line(empty_line(review)))
    return blocks


def _sessions(review: Review, esc: Escape) -> list[Block]:
    if not review.sessions:
        return [Line(no_sessions_line(review), "note")]
    return [Items([session_line(s, esc) for s in review.sessions])]


def _noticing(review: Review, esc: Escape) -> list[Block]:
    """Patterns worth telling a therapist about, and what care noticed during entries."""
    said = [esc(pattern_words.line(p, this_period(review))) for p in review.patterns]
    said += [esc(care_lines.summary(kept)) for kept in review.care]
    return [Items(said)] if said else []


def _exercises(review: Review, esc: Escape) -> list[Block]:
    rows = [
        [
            Cell(esc(e.title or e.name, one_line=True), aside=f" ({esc(e.name, one_line=True)})"),
            Cell(count=e.count),
        ]
        for e in review.exercises
    ]
    return [Table(["Exercise", "Times"], rows, right={1})]


def _parts(review: Review, esc: Escape) -> list[Block]:
    if not review.parts:
        return [Line(no_parts_line(review), "note")]
    rows = [
        [
            Cell(esc(pm.name, one_line=True), "bold"),
            Cell(count=pm.times),
            Cell("new" if pm.new else "", "green"),
        ]
        for pm in review.parts
    ]
    return [
        Table(["Part", "Times", "New"], rows, right={1}),
        Line("More about a part:", "note", command="partsjournal parts show NAME"),
    ]


def _activation(review: Review, esc: Escape) -> list[Block]:
    if not review.activation:
        return [Line(no_activation_line(review), "note")]
    rows = []
    for a in review.activation:
        tone = "green" if a.change < 0 else ("yellow" if a.change > 0 else "")
        rows.append(
            [
                Cell(short_day(a.day)),
                Cell(esc(a.exercise, one_line=True)[:14]),
                Cell(f"before {a.before:>2}"),
                Cell(bar=a.before, tone="red"),
                Cell(f"after {a.after:>2}"),
                Cell(bar=a.after, tone=tone),
                Cell(f"{signed(a.change):>3}", tone),
            ]
        )
    trend = sparkline([a.after for a in review.activation])
    return [
        Chart(rows),
        Line(activation_summary(review)),
        Line(f"{sparkline_label()} {trend}", "note"),
    ]


def _grounding(review: Review, esc: Escape) -> list[Block]:
    blocks: list[Block] = []
    if review.not_safe:
        blocks.append(Line(not_safe_line(review), "warn"))
    if review.grounding:
        blocks.append(Items([grounding_line(c, esc) for c in review.grounding]))
    else:
        blocks.append(Line(no_grounding_line(review), "note"))
    return blocks


def _self_energy(review: Review, esc: Escape) -> list[Block]:
    if not review.self_energy:
        return [Line(no_self_line(review), "note")]
    rows = [
        [
            Cell(q.name),
            Cell(bar=q.average, tone="magenta"),
            Cell(f"{q.average:4.1f}" if q.average is not None else NOT_RATED),
            Cell(signed(q.change)),
        ]
        for q in review.self_energy
    ]
    return [Chart(rows), Line(self_footer(review), "note")]


def _realms(review: Review, esc: Escape) -> list[Block]:
    rows = [
        [
            Cell(r.label),
            Cell(
                f"{r.latest} ({short_day(r.latest_day)})" if r.latest_day else NOT_RATED,
                bar=r.latest,
                tone="blue",
            ),
            Cell(signed(r.change)),
            Cell("yes" if r.attended else "none"),
        ]
        for r in review.realms
    ]
    return [
        Table(["Realm", "Latest", "Change", "Attention"], rows, right={2}),
        Line(realms_missing_line(review)),
    ]


def _practices(review: Review, esc: Escape) -> list[Block]:
    if not (review.practices or review.outcomes):
        return [Line(no_practices_line(review), "note")]
    chosen = [practice_line(pr, esc) for pr in review.practices]
    lines = [f"{line[0].upper()}{line[1:]}" for line in chosen]
    return [Items(lines + [outcome_line(o, esc) for o in review.outcomes])]


def _highlights(review: Review, esc: Escape) -> list[Block]:
    if not (review.needs or review.reflections):
        return [Line(no_highlights_line(review), "note")]
    pairs = [need_line(q, esc) for q in review.needs]
    pairs += [reflection_line(q, esc) for q in review.reflections]
    return [Quotes(pairs)]


Make = Callable[[Review, Escape], list[Block]]


def _listed(lines: Callable[[Review, Escape], list[str]]) -> Make:
    """A section that is a list of lines, left out when there are none."""

    def blocks(review: Review, esc: Escape) -> list[Block]:
        found = lines(review, esc)
        return [Items(found)] if found else []

    return blocks


# (heading, what the section shows) after the opening and the sessions, in order; a
# section that returns no block is left out.
SECTIONS: list[tuple[str, Make]] = [
    (pattern_words.HEADING, _noticing),
    ("Exercises", _exercises),
    ("Parts met", _parts),
    ("Activation", _activation),
    (DISTRESS_AND_SAFETY, _grounding),
    ("Self-energy", _self_energy),
    ("Realms", _realms),
    ("Practices", _practices),
    ("Highlights", _highlights),
    ("For your therapist", _listed(review_closing.for_therapist)),
    ("Trailheads", _listed(review_closing.trailheads)),
    ("Toward your parts (start → close)", _listed(review_closing.feel_toward)),
]
