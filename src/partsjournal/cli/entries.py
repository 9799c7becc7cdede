"""``partsjournal entries``, ``show`` and ``export``: finding and sharing entries."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

import click

from partsjournal.cli import options
from partsjournal.cli.completion import entry_refs, exercise_names, part_names, session_numbers
from partsjournal.core import dates, entry, parts, sessions
from partsjournal.core import messages as msg
from partsjournal.core.errors import UsageError
from partsjournal.render import entry as render_entry
from partsjournal.render import output, ui
from partsjournal.views import search

PROGRESS_FROM = 300  # files; below this, reading is over before a bar would help


def _dates(since: str | None, until: str | None) -> tuple[date | None, date | None]:
    lo = dates.parse_date(since, option="--since") if since else None
    hi = dates.parse_date(until, option="--until") if until else None
    if lo and hi and hi < lo:
        raise UsageError(msg.UNTIL_BEFORE_SINCE.format(until=hi, since=lo))
    return lo, hi


def _progress(names: list[Path]) -> Iterable[Path]:
    """A progress bar (on stderr, when that is a terminal) when there are many files to read."""
    if len(names) >= PROGRESS_FROM:
        return ui.track(names, "Reading entries")
    return names


@click.command("entries")
@click.option("--since", metavar="DATE", help="From this day.")
@click.option("--until", metavar="DATE", help="Up to this day.")
@click.option(
    "--part", metavar="NAME", help="Only entries with this part.", shell_complete=part_names
)
@click.option(
    "--exercise", metavar="NAME", help="Only this exercise.", shell_complete=exercise_names
)
@click.option(
    "--session",
    metavar="ID",
    help="Only entries around this session (id or number).",
    shell_complete=session_numbers,
)
@click.option("--grep", metavar="TEXT", help="Only entries with TEXT in an answer (any case).")
@click.option(
    "--format", "format_", metavar="FORMAT", default="rich", help="rich (default) or json."
)
@click.option("--number", "-n", type=int, metavar="N", help="Show the latest N (default {latest}).")
@click.option("--all", "all_", is_flag=True, help="Show every entry that matches.")
def entries(
    since: str | None,
    until: str | None,
    part: str | None,
    exercise: str | None,
    session: str | None,
    grep: str | None,
    format_: str,
    number: int | None,
    all_: bool,
) -> None:
    """List entries: date, exercise, parts and first words, oldest first.

    Shows the latest {latest} that match (--all for every one, -n N for N); --format json
    gives every match unless -n is given.

    Example: partsjournal entries --since 2026-11-01 --part "The Critic"
    """

    fmt = output.choose_format(format_, None, render_entry.LIST_FORMATS, default="rich")
    lo, hi = _dates(since, until)
    session_id = sessions.find(session).id if session is not None else None
    if grep is not None and not grep.strip():
        raise UsageError(msg.GREP_NEEDS_TEXT)
    selection = search.Selection(
        parts=[part] if part else [],
        exercises=[exercise] if exercise else [],
        session=session_id,
        grep=grep,
    )
    limit = options.how_many(number, all_, every=fmt == "json")
    every, found = search.select(lo, hi, selection, warn=ui.warn, track=_progress)
    shown = found[-limit:] if limit is not None else found
    names = parts.current_names(pid for row in shown for pid, _ in row.parts)
    if fmt == "json":
        placed = [(row.session, row.phase) for row in shown]
        output.emit(
            render_entry.entries_json(list(zip(every.entries(shown), placed, strict=True)), names),
            None,
        )
    elif not found:
        ui.say(search.nothing_found(selection, period=lo is not None or hi is not None))
    else:
        with ui.paged():
            render_entry.print_entries(
                list(every.entries(shown)), ui.out(), more=len(found) - len(shown), names=names
            )


@click.command("show")
@click.argument("entry_id", metavar="ID", shell_complete=entry_refs)
def show(entry_id: str) -> None:
    """Show one entry with every question and answer.

    ID is the entry's id, or its start; last for the newest.

    Example: partsjournal show last (the newest entry), or partsjournal show 2026-11-20T2115
    """
    e = entry.load(search.find_entry(entry_id))
    near = sessions.around(e.day, e.day, ids=[e.session] if e.session else [], warn=ui.warn)
    with ui.paged():
        render_entry.print_entry(e, near, ui.out(), parts.current_names(p.id for p in e.parts))


@click.command("export")
@click.option(
    "--since", metavar="DATE", help="The first day to include (default: the first entry)."
)
@click.option("--until", metavar="DATE", help="Last day (default today).")
@click.option("--format", "format_", metavar="FORMAT", help="markdown (default) or json.")
@click.option(
    "--part",
    multiple=True,
    metavar="NAME",
    help="Only entries with this part (repeatable).",
    shell_complete=part_names,
)
@click.option(
    "--exercise",
    multiple=True,
    metavar="NAME",
    help="Only this exercise (repeatable).",
    shell_complete=exercise_names,
)
@click.option("--exclude", multiple=True, metavar="ID", help="Leave out this entry (repeatable).")
@click.option(
    "--only-highlights",
    is_flag=True,
    help="Only needs, new roles, reflections, intentions, next steps, practices "
    "and what care noticed.",
)
@click.option(
    "--without-care",
    is_flag=True,
    help="Leave out what care noticed (high ratings, not feeling safe); kept by default.",
)
@click.option(
    "--output", "-o", "output_file", type=click.Path(path_type=Path), metavar="FILE",
    help="Write to this file.",
)  # fmt: skip
def export(
    since: str | None,
    until: str | None,
    format_: str | None,
    part: tuple[str, ...],
    exercise: tuple[str, ...],
    exclude: tuple[str, ...],
    only_highlights: bool,
    without_care: bool,
    output_file: Path | None,
) -> None:
    """Write the entries of a period, in order with phases and parts, for you to share
    with your therapist if you choose. Nothing is sent anywhere.

    With no --since the export starts at the first entry: the whole journal.

    Example: partsjournal export --since 2026-11-01 --output brief.md
    """
    fmt = output.choose_format(
        format_, output_file, render_entry.EXPORT_FORMATS, default="markdown"
    )
    lo, hi = _dates(since, until)
    hi = hi or dates.now().date()
    if lo is not None and hi < lo:
        raise UsageError(msg.SINCE_AFTER_TODAY.format(since=lo))
    excluded = search.exclude_ids(list(exclude))
    selection = search.Selection(parts=list(part), exercises=list(exercise), exclude=excluded)
    everything, found = search.select(lo, hi, selection, warn=ui.warn, track=_progress)
    if lo is None:  # the whole journal: from its first entry (today's date when it has none)
        lo = min((row.day for row in everything.rows), default=hi)
    if excluded:
        for x in excluded:
            if not any(e.id == x for e in everything.rows):
                raise UsageError(msg.EXCLUDE_NOT_IN_PERIOD.format(ref=x))
    near = sessions.around(lo, hi, ids=[r.session for r in found if r.session], warn=ui.warn)
    head = render_entry.export_head(
        len(found),
        since=lo,
        until=hi,
        only_highlights=only_highlights,
        selection={"parts": list(part), "exercises": list(exercise), "excluded": excluded},
        care=not without_care,
    )
    names = parts.current_names(pid for row in found for pid, _ in row.parts)
    items = (
        render_entry.export_item(
            e, near, only_highlights=only_highlights, names=names, care=not without_care
        )
        for e in everything.entries(found)
    )
    chunks = (
        render_entry.export_json_chunks(head, items)
        if fmt == "json"
        else render_entry.export_markdown_chunks(head, items)
    )
    if output_file is not None:
        output.stream(chunks, output_file)
        return
    with ui.paged():  # on a terminal a long export is read in the pager, as git log is
        output.stream(chunks, None)


COMMANDS = {"entries": entries, "show": show, "export": export}
