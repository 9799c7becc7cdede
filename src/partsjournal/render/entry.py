"""Showing entries: one entry on screen (``show``), a list (``entries``) and the
brief a person may choose to give their therapist (``export``).

Nothing here reads or writes files; the commands pass entries in. Everything
the person wrote reaches the screen as literal text and the markdown escaped.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from partsjournal.core import dates
from partsjournal.core import vocabulary as vocab
from partsjournal.core.answers import Answer, as_text, first_words
from partsjournal.core.care_record import CareItem
from partsjournal.core.entry import Entry
from partsjournal.core.sessions import Session, describe, placement
from partsjournal.core.wording import one_or_many, plural
from partsjournal.render import care_lines, ui
from partsjournal.render.text import literal, md, visible

if TYPE_CHECKING:
    from rich.console import Console

EXPORT_SCHEMA_VERSION = 1
ENTRIES_SCHEMA_VERSION = 1
EXPORT_FORMATS = ("markdown", "json")
LIST_FORMATS = ("rich", "json")


def when_line(e: Entry, sessions: list[Session]) -> str | None:
    """ "3 days before session 2", or None when the entry belongs to no session."""
    s, phase = placement(e, sessions)
    return describe(e.created, s, phase) if s is not None else None


def _value_text(a: Answer) -> str:
    if a.kind == "scale" and type(a.value) is int:
        return f"{a.value} / 10"
    return as_text(a.value)


def part_names(e: Entry, names: dict[str, str] | None = None) -> list[str]:
    """The entry's parts by the name the registry knows them by now (``names``, from
    :func:`partsjournal.core.parts.current_names`), else as written in the entry."""
    names = names or {}
    return [names.get(p.id, p.name) for p in e.parts]


def _part_names(e: Entry, names: dict[str, str] | None = None) -> str:
    return ", ".join(visible(n, one_line=True) for n in part_names(e, names))


def parts_said(shown: list[str], *, capital: bool = False) -> str:
    """An entry's parts after their label, the one rule for every place that lists them:
    "part: The Planner" for one, "parts: The Planner, Little One" for more ("Part:" and
    "Parts:" with ``capital``, to begin a line). ``shown`` are the names already made safe
    for where they go."""
    label = one_or_many(len(shown), "part", "parts")
    return f"{label.capitalize() if capital else label}: {', '.join(shown)}"


# --------------------------------------------------------------------------- show


def print_entry(
    e: Entry, sessions: list[Session], console: Console, names: dict[str, str] | None = None
) -> None:
    from rich.text import Text

    head = Text()
    head.append(dates.moment_text(e.created) + "\n")
    head.append(f"exercise: {visible(e.exercise, one_line=True)}", style="dim")
    when = when_line(e, sessions)
    if when:
        head.append(f"\n{when}", style="cyan")
    if e.parts:
        shown = [visible(n, one_line=True) for n in part_names(e, names)]
        head.append("\n" + parts_said(shown), style="bold")
    title = literal(e.title or e.exercise, one_line=True)
    console.print(ui.panel(head, title, console, title_align="left"))
    for a in e.answers:
        console.print(literal(" ".join(a.prompt.split()), "dim"))
        value = _value_text(a)
        console.print(literal(value) if value.strip() else Text("(left empty)", style="dim"))
        console.print()
    if e.care:  # kept for the therapist, as the export lists it
        console.print(Text(care_lines.SECTION, style="bold"))
        for item in e.care:
            console.print(literal("• " + care_lines.dated(item.at, care_lines.item_words(item))))
        console.print()
    console.print(Text(f"id {e.id}", style="dim"), soft_wrap=True)


# --------------------------------------------------------------------------- entries list


def _heading(e: Entry) -> dict[str, Any]:
    """The fields every JSON form of an entry begins with, in this order."""
    return {
        "id": e.id,
        "created": e.created.isoformat(),
        "day": e.day.isoformat(),
        "exercise": e.exercise,
        "title": e.title,
    }


def entry_row(
    e: Entry, placed: tuple[str | None, str | None], names: dict[str, str] | None = None
) -> dict[str, Any]:
    """One line of ``entries --format json``; ``placed`` is the session id and phase
    the one placement rule (:func:`sessions.placement`) gives the entry."""
    session, phase = placed
    return {
        **_heading(e),
        "parts": part_names(e, names),
        "session": session,
        "phase": phase,
        "first_words": first_words(e.answers),
    }


def entries_json(
    entries: list[tuple[Entry, tuple[str | None, str | None]]],
    names: dict[str, str] | None = None,
) -> str:
    data = {
        "schema_version": ENTRIES_SCHEMA_VERSION,
        "count": len(entries),
        "entries": [entry_row(e, placed, names) for e, placed in entries],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def print_entries(
    entries: list[Entry],
    console: Console,
    *,
    more: int = 0,
    names: dict[str, str] | None = None,
) -> None:
    from rich.table import Table
    from rich.text import Text

    table = Table(show_edge=False)
    table.add_column("id (date, time)", no_wrap=True, min_width=24)
    # ids and exercise names are never cut (two rows must never look alike); part
    # names wrap between words; only the preview of first words is shortened
    # names wrap between words; only the preview of first words is shortened, and
    # left out on a narrow screen, where it would squeeze the names
    table.add_column("exercise", no_wrap=True)
    table.add_column("parts", min_width=10)
    preview = console.width >= 80
    if preview:
        table.add_column("first words", no_wrap=True, overflow="ellipsis")
    for e in entries:
        row = [literal(e.id, one_line=True), literal(e.exercise, one_line=True)]
        row.append(literal(_part_names(e, names)))
        if preview:
            row.append(literal(first_words(e.answers, 32), one_line=True))
        table.add_row(*row)
    console.print(table)
    n = len(entries)
    if more:
        said = (
            f"The latest {n} of {n + more} entries ({more} more: --all lists every one, "
            "-n N the latest N). Read one with: partsjournal show ID"
        )
    else:
        said = f"{plural(n, 'entry', 'entries')}. Read one with: partsjournal show ID"
    console.print(ui.fitted(Text(said, style="dim"), console), soft_wrap=True)


# --------------------------------------------------------------------------- export


def export_head(
    count: int,
    *,
    since: date,
    until: date,
    only_highlights: bool,
    selection: dict[str, Any],
    care: bool = True,
) -> dict[str, Any]:
    """The export document without its entries (they are written one at a time);
    ``care`` is False when the person chose to leave the care records out."""
    return {
        "schema_version": EXPORT_SCHEMA_VERSION,
        "since": since.isoformat(),
        "until": until.isoformat(),
        "only_highlights": only_highlights,
        "care": care,
        "selection": selection,
        "count": count,
        "entries": [],
    }


def export_item(
    e: Entry,
    sessions: list[Session],
    *,
    only_highlights: bool,
    names: dict[str, str] | None = None,
    care: bool = True,
) -> dict[str, Any]:
    """One entry as the export shows it (the shape is in docs/format.md); its care record,
    each item dated and marked as seen by nobody at the time, unless ``care`` is False."""
    s, phase = placement(e, sessions)
    answers = (  # highlights are what was said: a question left empty is not one
        [a for a in e.answers if vocab.is_highlight(a.role, a.value) and as_text(a.value).strip()]
        if only_highlights
        else e.answers
    )
    act = e.activation()
    return {
        **_heading(e),
        "session": (
            {"id": s.id, "number": s.number, "date": s.date.isoformat(), "kind": s.kind}
            if s
            else None
        ),
        "phase": phase if s else e.phase,
        "when": describe(e.created, s, phase) if s else None,
        "parts": [
            {"id": p.id, "name": n} for p, n in zip(e.parts, part_names(e, names), strict=True)
        ],
        "activation": {"before": act[0], "after": act[1]} if act else None,
        "answers": [
            {"step": a.step, "prompt": a.prompt, "value": a.value, "role": a.role, "part": a.part}
            for a in answers
        ],
        "care": [_care_item(i) for i in e.care] if care else [],
    }


def _care_item(item: CareItem) -> dict[str, Any]:
    return {
        "at": item.at.isoformat(),
        "kind": item.kind,
        "value": item.value,
        "moment": item.moment,
        "step": item.step,
        "said": care_lines.item_words(item),
        "seen_in_real_time": False,
    }


def export_data(
    entries: list[Entry],
    sessions: list[Session],
    *,
    since: date,
    until: date,
    only_highlights: bool,
    selection: dict[str, Any],
) -> dict[str, Any]:
    data = export_head(
        len(entries),
        since=since,
        until=until,
        only_highlights=only_highlights,
        selection=selection,
    )
    data["entries"] = [export_item(e, sessions, only_highlights=only_highlights) for e in entries]
    return data


def export_json(data: dict[str, Any]) -> str:
    return "".join(export_json_chunks({**data, "entries": []}, iter(data["entries"])))


def export_json_chunks(head: dict[str, Any], items: Iterable[dict[str, Any]]) -> Iterator[str]:
    """The JSON document in pieces, one entry at a time: the same text as
    ``json.dumps(document, indent=2)``, without holding every entry at once."""
    text = json.dumps(head, indent=2, ensure_ascii=False)
    tail = "[]\n}"
    assert text.endswith(tail)
    first = True
    for item in items:
        body = json.dumps(item, indent=2, ensure_ascii=False).replace("\n", "\n    ")
        yield (text[: -len(tail)] + "[\n    " if first else ",\n    ") + body
        first = False
    yield text + "\n" if first else "\n  ]\n}\n"


def export_markdown(data: dict[str, Any]) -> str:
    return "".join(export_markdown_chunks(data, iter(data["entries"])))


def chosen(selection: dict[str, Any]) -> str:
    """Which entries the export holds, as chosen on the command line: every entry of its dates,
    narrowed by the parts and exercises asked for, without those left out by id (the export
    never holds entries picked one by one to share: "chosen to share" said it did)."""

    def either(names: list[str]) -> str:
        said = [md(n, one_line=True) for n in names]
        return ", ".join(said[:-1]) + (" or " if len(said) > 1 else "") + said[-1]

    out = "all those written on these dates"
    if selection.get("parts"):
        out += f" that name {either(selection['parts'])}"
    if selection.get("exercises"):
        exercises = selection["exercises"]
        out += f" from the exercise{'s' if len(exercises) > 1 else ''} {either(exercises)}"
    if selection.get("excluded"):
        out += ", without those you chose to leave out"
    return out


def export_markdown_chunks(head: dict[str, Any], items: Iterable[dict[str, Any]]) -> Iterator[str]:
    """The markdown brief in pieces: its head, then one entry at a time."""
    since, until = date.fromisoformat(head["since"]), date.fromisoformat(head["until"])
    n = head["count"]
    out = [
        f"# Journal entries, {dates.span_text(since, until)}",
        "",
        f"{plural(n, 'entry', 'entries')}: {chosen(head.get('selection') or {})}"
        + (
            ", showing needs, reflections, intentions, next steps, notes for your therapist "
            "and trailheads only" + (", with what care noticed" if head.get("care", True) else "")
            if head["only_highlights"]
            else ""
        )
        + ". Written with partsjournal, a self-practice journal.",
        "",
        care_lines.EXPORT_NOTE if head.get("care", True) else care_lines.EXPORT_LEFT_OUT,
        "",
    ]
    if not n:
        out += ["No entries match what was chosen for this period.", ""]
    held = "\n".join(out)
    for item in items:
        yield held + "\n"
        held = "\n".join(_markdown_item(item))
    yield held.rstrip() + "\n"


def _markdown_item(item: dict[str, Any]) -> list[str]:
    created = datetime.fromisoformat(item["created"])
    title = md(item["title"] or item["exercise"], one_line=True)
    out = [f"## {dates.moment_text(created)} · {title}", ""]
    facts = []
    if item["when"]:
        facts.append(item["when"])
    if item["parts"]:
        facts.append(parts_said([md(p["name"], one_line=True) for p in item["parts"]]))
    if item["activation"]:
        act = item["activation"]
        facts.append(f"activation {act['before']} → {act['after']}")
    if facts:
        out += ["*" + " · ".join(facts) + "*", ""]
    for a in item["answers"]:
        text = as_text(a["value"])
        out.append(f"**{md(' '.join(str(a['prompt']).split()), one_line=True)}**")
        out.append("")
        lines = md(text).splitlines() or [""]
        out += [f"> {line}".rstrip() for line in lines] if text.strip() else ["> (left empty)"]
        out.append("")
    if item.get("care"):
        out += [f"**{care_lines.SECTION}**", ""]
        for c in item["care"]:
            said = md(c["said"], one_line=True)
            out.append(f"- {care_lines.dated(datetime.fromisoformat(c['at']), said)}")
        out.append("")
    return out
