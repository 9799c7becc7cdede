"""The plan for the day of a session on one page: on screen, or as markdown to print.

The words come from the caller (``exercises/templates/session-day.toml``, read by
:mod:`partsjournal.flow.session_plan`); the person's own text is never markup.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from partsjournal.core import dates
from partsjournal.render import ui
from partsjournal.render.text import literal, md
from partsjournal.views.plan import Item, Plan

if TYPE_CHECKING:
    from partsjournal.flow.session_plan import DayWords

FORMATS = ("rich", "markdown")

# a block of the page: (kind, the program's words, the person's text); kinds: "title",
# "when" (its date), "heading", "item" (a line of a list), "note", "end" (the last words)
Block = tuple[str, str, str]


def _one(text: str) -> str:
    return " ".join(text.split())


def _label(item: Item, words: DayWords) -> str:
    """The checklist's own short label, else the question as asked, to its first stop."""
    if item.step in words.labels:
        return words.labels[item.step]
    asked = _one(item.prompt)
    for stop in (". ", "? ", ": "):
        if stop in asked:
            return asked[: asked.index(stop) + 1].rstrip(".:")
    return asked.rstrip(".:")


def _value(item: Item, words: DayWords) -> tuple[str, str]:
    """(program words, the person's text) for an answer: yes/no as planned or not yet."""
    if item.value is True:
        return words.planned, ""
    if item.value is False:
        return words.not_yet, ""
    text = item.value.strip() if isinstance(item.value, str) else ""
    return ("", text) if text else (words.unwritten, "")


def blocks(plan: Plan, words: DayWords) -> list[Block]:
    """The page, top to bottom."""
    s = plan.session
    out: list[Block] = []
    if s is not None:
        day = dates.day_text(s.date)
        fill = {"session": s.name, "number": str(s.number), "day": day}
        out.append(("title", words.title.format(**fill), ""))
        when = words.when_at if s.time is not None else words.when
        out.append(
            ("when", when.format(**fill, time=dates.clock_text(s.time) if s.time else ""), "")
        )
    if plan.intentions:
        out.append(("heading", words.intention, ""))
        out += [("item", "", text) for text in plan.intentions]
    if plan.needs:
        out.append(("heading", words.needs, ""))
        out += [("item", f"{plan.name(p)}: ", text) for p, text in plan.needs]
    if plan.promised or plan.session_no:
        out.append(("heading", words.promised, ""))
        out += [("item", words.promise.format(part=plan.name(p)), "") for p in plan.promised]
        out += [
            ("note", _one(words.session_no.format(part=plan.name(p))), "") for p in plan.session_no
        ]
    if plan.day:
        out.append(("heading", words.day, ""))
        for item in plan.day:
            said, text = _value(item, words)
            out.append(("item", f"{_label(item, words)}: {said}", text))
    if plan.support:
        out.append(("heading", words.support, ""))
        out += [
            ("item", f"{_label(item, words)}: ", _value(item, words)[1]) for item in plan.support
        ]
    out.append(("end", words.footer, ""))
    return out


def show(plan: Plan, words: DayWords) -> None:
    """The page on screen."""
    from rich.padding import Padding
    from rich.text import Text

    console = ui.out()
    if plan.empty:  # nothing planned: one line for a session, nothing at all without one
        if plan.session is not None:
            ui.say(words.nothing.format(session=plan.session.name))
        return
    console.print()
    for kind, said, text in blocks(plan, words):
        if kind == "title":
            console.print(Text(said, style="bold"))
        elif kind == "heading":
            console.print()
            console.print(Text(said, style="bold"))
        elif kind == "item":
            line = Text("- ")
            line.append(said)
            line.append_text(literal(text))
            console.print(Padding(line, (0, 0, 0, 2)))
        else:
            if kind == "end":
                console.print()
            console.print(Padding(Text(said, style="dim"), (0, 0, 0, 2 if kind == "note" else 0)))
    if plan.session is not None:
        console.print()
        ui.say(words.again.format(number=plan.session.number))


def markdown(plan: Plan, words: DayWords, escape: Callable[[str], str] = md) -> str:
    """The page as a markdown document, ready to print."""
    if plan.empty:
        return (
            "" if plan.session is None else words.nothing.format(session=plan.session.name) + "\n"
        )
    out: list[str] = []
    for kind, said, text in blocks(plan, words):
        if kind == "title":
            out += [f"# {escape(said)}", ""]
        elif kind == "when":
            out.append(escape(said))
        elif kind == "heading":
            out += ["", f"## {escape(said)}", ""]
        elif kind == "item":
            out.append(f"- {escape(said)}{escape(text)}")
        else:
            out += ["", f"*{escape(said)}*"]
    return "\n".join(out).strip() + "\n"
