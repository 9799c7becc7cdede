"""``partsjournal brief``: one page for the therapist, chosen item by item by the person."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Annotated, Any

import typer

from partsjournal.cli.plain import PlainCommand
from partsjournal.core import crypt, dates, sessions
from partsjournal.core.errors import UsageError
from partsjournal.render import brief_html, brief_md, output, ui
from partsjournal.views import brief as brief_mod

FORMATS = ("markdown", "html")
DEFAULT_DAYS = 30  # with no session and no period: the last 30 days


def register(app: typer.Typer) -> None:
    app.command("brief", cls=PlainCommand)(brief)


def brief(
    session: Annotated[
        str | None,
        typer.Option("--session", help="The session the brief prepares for (number, id or date)."),
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="First day: YYYY-MM-DD.", metavar="DATE")
    ] = None,
    until: Annotated[
        str | None,
        typer.Option("--until", help="Last day: YYYY-MM-DD (default today).", metavar="DATE"),
    ] = None,
    format: Annotated[
        str | None,
        typer.Option("--format", help="markdown (default) or html.", metavar="FORMAT"),
    ] = None,
    output_file: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file (readable by you only)."),
    ] = None,
    exclude: Annotated[
        list[str] | None,
        typer.Option(
            "--exclude",
            metavar="KEY",
            help="Leave out an item (safety-2) or a section (safety); repeat as needed.",
        ),
    ] = None,
) -> None:
    """Gather a brief for your therapist: safety record, notes, parts, promises, measures,
    practices and flare-ups; you see each item and leave out what you want before it is written.

    Example: partsjournal brief --session 3 --format html --output brief.html
    """
    fmt = _format(format, output_file)
    today = dates.now().date()
    first, last, named = _period(session, since, until, today)
    gathered = brief_mod.collect(first, last, session=named, warn=ui.warn)
    chosen = brief_mod.leave_out(gathered, brief_mod.check_keys(gathered, exclude or []))
    if ui.can_prompt():
        picked = _asking().choose(chosen)
        if picked is None:
            ui.say("Nothing was written.")
            return
        chosen = picked
    encrypted = crypt.is_encrypted()
    now = dates.now()
    written = dates.day_text(now.date())
    render = brief_html.to_html if fmt == "html" else brief_md.to_markdown
    output.emit(render(chosen, encrypted=encrypted, written=written), output_file)


def _asking() -> Any:
    """The module that asks at a terminal (and with it the prompts), loaded only then."""
    import importlib

    return importlib.import_module("partsjournal.cli.brief_choose")


def _format(given: str | None, output_file: Path | None) -> str:
    if given is None:
        suffix = output_file.suffix.lower() if output_file is not None else ""
        return "html" if suffix in (".html", ".htm") else "markdown"
    fmt = given.strip().lower()
    fmt = "markdown" if fmt == "md" else fmt
    if fmt not in FORMATS:
        raise UsageError(f"Unknown --format '{given}'; use one of: {', '.join(FORMATS)}.")
    return fmt


def _period(
    session: str | None, since: str | None, until: str | None, today: date
) -> tuple[date, date, sessions.Session | None]:
    """The days a brief covers: a session's (from the previous session, or its preparation
    window, to the day before the next one, or today), a period, or the last 30 days."""
    if session is not None and (since or until):
        raise UsageError("Give either --session or --since/--until, not both.")
    if session is not None:
        named, near = sessions.neighbourhood(session, warn=ui.warn)
        before = [s for s in near if (s.date, s.id) < (named.date, named.id)]
        after = [s for s in near if (s.date, s.id) > (named.date, named.id)]
        first = (
            before[-1].date if before else named.date - timedelta(days=sessions.BEFORE_WINDOW_DAYS)
        )
        last = min(today, after[0].date - timedelta(days=1)) if after else today
        return first, max(first, last), named
    last = dates.parse_date(until, option="--until") if until else today
    first = (
        dates.parse_date(since, option="--since")
        if since
        else last - timedelta(days=DEFAULT_DAYS - 1)
    )
    if first > last:
        raise UsageError("--since is after --until; give the earlier day first.")
    return first, last, None
