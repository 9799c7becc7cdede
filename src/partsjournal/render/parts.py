"""The parts on screen: the list, one part's record and time line, and the map."""

from __future__ import annotations

from typing import TYPE_CHECKING

from partsjournal.core import dates
from partsjournal.core import messages as msg
from partsjournal.core.answers import as_text
from partsjournal.core.parts import Part
from partsjournal.core.wording import plural
from partsjournal.render import ui
from partsjournal.render.text import literal, visible
from partsjournal.views import partmap
from partsjournal.views.partlog import Meeting, few_words
from partsjournal.views.partmap import MapNode

if TYPE_CHECKING:
    from rich.text import Text


def print_list(live: list[Part], met: dict[str, int]) -> None:
    from rich.table import Table

    console = ui.out()
    if not live:
        ui.say(msg.NO_PARTS_YET)
        return
    # names wrap between words (never cut, so two parts never look alike), dates and
    # counts are never cut; the role column is left out while no part has a role
    roles = any(part.role for part in live)
    table = Table(title="Parts", title_justify="left")
    table.add_column("name", style="bold", overflow="fold")
    if roles:
        table.add_column("role")
    table.add_column("met", justify="right", no_wrap=True)
    table.add_column("last met", no_wrap=True)
    table.add_column("what it needs")
    for part in live:
        row: list[Text | str] = [literal(part.name, one_line=True)]
        if roles:
            row.append(literal(part.role, one_line=True))
        row += [
            str(met.get(part.id, 0)),
            part.last_met.isoformat() if part.last_met else "",
            literal(few_words(part.needs), one_line=True),
        ]
        table.add_row(*row)
    console.print(table)
    ui.say(msg.PARTS_SHOW_HINT)


def print_part(
    part: Part,
    index: dict[str, Part],
    meetings: list[Meeting],
    session_names: dict[str, str] | None = None,
    *,
    total: int | None = None,
) -> None:
    """One part's record, then a time line of the entries that name it
    (``session_names``: "session 2" by session id, for parts met in a session;
    ``total``: how many entries name it, when ``meetings`` are only the latest)."""
    from rich.table import Table
    from rich.text import Text

    console = ui.out()
    record = Table.grid(padding=(0, 2))
    record.add_column(style="dim")
    record.add_column()
    rows = [
        ("also called", ", ".join(part.aliases)),
        ("role", part.role),
        ("felt in the body", part.body),
        ("image", part.image),
        ("its job", part.current_role),
        ("new role", part.new_role),
        ("fears", part.fears),
        ("needs", part.needs),
        ("protects", ", ".join(partmap.names(part.protects, index))),
        ("protected by", ", ".join(partmap.protected_by(part, index))),
        ("first met", part.first_met.isoformat() if part.first_met else ""),
        ("last met", part.last_met.isoformat() if part.last_met else ""),
        ("notes", part.notes),
    ]
    for label, value in rows:
        if value:
            record.add_row(label, literal(value))
    console.print(literal(part.name, "bold", one_line=True))
    console.print(record)
    console.print()
    if not meetings:
        console.print("No entries name this part yet.")
        return
    count = len(meetings) if total is None else total
    heading = Text.assemble(("Time line", "bold"), f" ({plural(count, 'entry', 'entries')}")
    if count > len(meetings):
        heading.append(f"; the latest {len(meetings)} below, --all for every one")
    heading.append(")")
    console.print(heading)
    for meeting in meetings:
        e = meeting.entry
        line = Text("\n")
        line.append(dates.stamp(e.created), style="bold")
        line.append("  ")
        line.append_text(literal(e.title, one_line=True))
        if meeting.name_used != part.name:
            line.append(f" (as {visible(meeting.name_used, one_line=True)})")
        console.print(line)
        if meeting.in_session and e.session:
            where = (session_names or {}).get(e.session, "the session")
            console.print(f"  showed itself in {where}", markup=False)
        for answer in meeting.key_answers():
            label = (answer.role or answer.step).removeprefix("part-").replace("-", " ")
            row = Text("  ")
            row.append(f"{label}:", style="dim")
            row.append(" " + visible(as_text(answer.value)))
            console.print(ui.fitted(row, console), soft_wrap=True)
        console.print(f"  entry {e.id}", style="dim", markup=False)


def print_map(roots: list[MapNode], loose: list[Part]) -> None:
    from rich.text import Text
    from rich.tree import Tree

    console = ui.out()
    if not roots and not loose:
        ui.say(msg.NO_PARTS_YET)
        return
    tree = Tree(Text("Self", style="bold"))
    stack: list[tuple[Tree, MapNode]] = [(tree, node) for node in reversed(roots)]
    while stack:
        parent, node = stack.pop()
        branch = parent.add(_label(node))
        stack.extend((branch, child) for child in reversed(node.children))
    console.print(tree)
    if not roots:
        ui.say(
            msg.NO_RELATIONS_YET,
            style="dim",
        )
    if loose:
        console.print()
        console.print("[bold]Not yet connected[/]")
        for part in loose:
            line = Text("  ")
            line.append_text(_name_and_role(part))
            console.print(line)


def _name_and_role(part: Part) -> Text:
    text = literal(part.name, one_line=True)
    if part.role:
        text.append(f" ({visible(part.role, one_line=True)})", style="dim")
    return text


def _label(node: MapNode) -> Text:
    from rich.text import Text

    if node.part is None:
        gone = visible(node.missing_id or "?", one_line=True)
        return Text(f"{gone} (no longer in the registry)", style="dim")
    if node.repeat:
        text = literal(node.part.name, one_line=True)
        text.append(" (see above)", style="dim")
        return text
    return _name_and_role(node.part)
