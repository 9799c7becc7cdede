"""Showing entries: one entry on screen (``show``), a list (``entries``) and the
brief a person may choose to give their therapist (``export``).

Nothing here reads or writes files; the commands pass entries in.
"""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING, Any

from partsjournal.core.entry import Answer, Entry
from partsjournal.core.sessions import Session, describe
from partsjournal.render.review import span
from partsjournal.views.review import entry_session
from partsjournal.views.search import answer_text, first_words

if TYPE_CHECKING:
    from rich.console import Console

EXPORT_SCHEMA_VERSION = 1
ENTRIES_SCHEMA_VERSION = 1
EXPORT_FORMATS = ("markdown", "json")
LIST_FORMATS = ("rich", "json")

# Answers kept by ``export --only-highlights``.
HIGHLIGHT_ROLES = {"part-needs", "part-new-role", "reflection", "next-step", "intention"}
HIGHLIGHT_PREFIXES = ("realm-reflection:", "practice:", "practice-outcome:", "practice-note:")


def is_highlight(answer: Answer) -> bool:
    role = answer.role or ""
    return role in HIGHLIGHT_ROLES or role.startswith(HIGHLIGHT_PREFIXES)


def when_line(e: Entry, sessions: list[Session]) -> str | None:
    """ "3 days before session 2", or None when no session is near."""
    s, phase = entry_session(e, sessions)
    return describe(e.day, s, phase) if s is not None else None


def activation(e: Entry) -> tuple[int, int] | None:
    before = [a.value for a in e.by_role("activation-before") if type(a.value) is int]
    after = [a.value for a in e.by_role("activation-after") if type(a.value) is int]
    if before and after:
        return int(before[0]), int(after[-1])
    return None


def _value_text(a: Answer) -> str:
    if a.kind == "scale" and type(a.value) is int:
        return f"{a.value} / 10"
    return answer_text(a)


def long_date(e: Entry) -> str:
    c = e.created
    return f"{c:%A} {c.day} {c:%B %Y}, {c:%H:%M}"


# --------------------------------------------------------------------------- show


def print_entry(e: Entry, sessions: list[Session], console: Console) -> None:
    from rich.panel import Panel
    from rich.text import Text

    head = Text()
    head.append(long_date(e) + "\n")
    head.append(f"exercise: {e.exercise}", style="dim")
    when = when_line(e, sessions)
    if when:
        head.append(f"\n{when}", style="cyan")
    if e.parts:
        head.append("\nparts: " + ", ".join(p.name for p in e.parts), style="bold")
    console.print(Panel(head, title=Text(e.title or e.exercise), title_align="left"))
    for a in e.answers:
        console.print(Text(" ".join(a.prompt.split()), style="dim"))
        value = _value_text(a)
        console.print(
            Text(value if value.strip() else "(left empty)", style="" if value else "dim")
        )
        console.print()
    console.print(Text(f"id {e.id}", style="dim"), soft_wrap=True)


# --------------------------------------------------------------------------- entries list


def entry_row(e: Entry) -> dict[str, Any]:
    return {
        "id": e.id,
        "created": e.created.isoformat(),
        "day": e.day.isoformat(),
        "exercise": e.exercise,
        "title": e.title,
        "parts": [p.name for p in e.parts],
        "session": e.session,
        "phase": e.phase,
        "first_words": first_words(e),
    }


def entries_json(entries: list[Entry]) -> str:
    data = {
        "schema_version": ENTRIES_SCHEMA_VERSION,
        "count": len(entries),
        "entries": [entry_row(e) for e in entries],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def print_entries(entries: list[Entry], console: Console) -> None:
    from rich.table import Table
    from rich.text import Text

    table = Table(show_edge=False)
    table.add_column("id (date, time)", no_wrap=True, min_width=24)
    table.add_column("exercise", no_wrap=True, overflow="ellipsis", max_width=14)
    table.add_column("parts", no_wrap=True, overflow="ellipsis", max_width=20)
    table.add_column("first words", no_wrap=True, overflow="ellipsis")
    for e in entries:
        table.add_row(
            e.id,
            Text(e.exercise),
            Text(", ".join(p.name for p in e.parts)),
            Text(first_words(e, 32)),
        )
    console.print(table)
    n = len(entries)
    console.print(
        Text(
            f"{n} {'entry' if n == 1 else 'entries'}. Read one with: partsjournal show ID",
            style="dim",
        )
    )


# --------------------------------------------------------------------------- export


def export_data(
    entries: list[Entry],
    sessions: list[Session],
    *,
    since: date,
    until: date,
    only_highlights: bool,
    selection: dict[str, Any],
) -> dict[str, Any]:
    items = []
    for e in entries:
        s, phase = entry_session(e, sessions)
        answers = [a for a in e.answers if is_highlight(a)] if only_highlights else e.answers
        act = activation(e)
        items.append(
            {
                "id": e.id,
                "created": e.created.isoformat(),
                "day": e.day.isoformat(),
                "exercise": e.exercise,
                "title": e.title,
                "session": (
                    {"id": s.id, "number": s.number, "date": s.date.isoformat(), "kind": s.kind}
                    if s
                    else None
                ),
                "phase": phase if s else e.phase,
                "when": describe(e.day, s, phase) if s else None,
                "parts": [{"id": p.id, "name": p.name} for p in e.parts],
                "activation": {"before": act[0], "after": act[1]} if act else None,
                "answers": [
                    {
                        "step": a.step,
                        "prompt": a.prompt,
                        "value": a.value,
                        "role": a.role,
                        "part": a.part,
                    }
                    for a in answers
                ],
            }
        )
    return {
        "schema_version": EXPORT_SCHEMA_VERSION,
        "since": since.isoformat(),
        "until": until.isoformat(),
        "only_highlights": only_highlights,
        "selection": selection,
        "count": len(items),
        "entries": items,
    }


def export_json(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def export_markdown(data: dict[str, Any]) -> str:
    since, until = date.fromisoformat(data["since"]), date.fromisoformat(data["until"])
    n = data["count"]
    out = [
        f"# Journal entries, {span(since, until)}",
        "",
        f"{n} {'entry' if n == 1 else 'entries'}, chosen to share"
        + (
            ", showing needs, reflections, intentions and next steps only"
            if data["only_highlights"]
            else ""
        )
        + ". Written with partsjournal, a self-practice journal.",
        "",
    ]
    if not n:
        out += ["No entries match what was chosen for this period.", ""]
    for item in data["entries"]:
        from datetime import datetime

        created = datetime.fromisoformat(item["created"])
        out += [
            f"## {created:%A} {created.day} {created:%B %Y}, {created:%H:%M} · "
            + (item["title"] or item["exercise"]),
            "",
        ]
        facts = []
        if item["when"]:
            facts.append(item["when"])
        if item["parts"]:
            facts.append("parts: " + ", ".join(p["name"] for p in item["parts"]))
        if item["activation"]:
            act = item["activation"]
            facts.append(f"activation {act['before']} → {act['after']}")
        if facts:
            out += ["*" + " · ".join(facts) + "*", ""]
        for a in item["answers"]:
            value = a["value"]
            text = (
                ", ".join(value)
                if isinstance(value, list)
                else ("yes" if value else "no")
                if isinstance(value, bool)
                else str(value)
            )
            out.append(f"**{' '.join(str(a['prompt']).split())}**")
            out.append("")
            lines = text.splitlines() or [""]
            out += [f"> {line}".rstrip() for line in lines] if text.strip() else ["> (left empty)"]
            out.append("")
    return "\n".join(out).rstrip() + "\n"
