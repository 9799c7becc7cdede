"""``partsjournal brief``: one page for the therapist, chosen item by item by the person."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import click

from partsjournal.cli.completion import session_numbers
from partsjournal.core import crypt, dates, sessions
from partsjournal.core import messages as msg
from partsjournal.core.errors import UsageError
from partsjournal.render import brief_html, brief_md, output, ui
from partsjournal.views import brief as brief_mod

FORMATS = ("markdown", "html")
DEFAULT_DAYS = 30  # with no session and no period: the last 30 days


@click.command("brief")
@click.option(
    "--session",
    metavar="ID",
    help="The session the brief prepares for (number, id or date).",
    shell_complete=session_numbers,
)
@click.option("--since", metavar="DATE", help="First day: YYYY-MM-DD.")
@click.option("--until", metavar="DATE", help="Last day: YYYY-MM-DD (default today).")
@click.option("--format", "format_", metavar="FORMAT", help="markdown (default) or html.")
@click.option(
    "--output", "-o", "output_file", type=click.Path(path_type=Path), metavar="FILE",
    help="Write to this file (readable by you only).",
)  # fmt: skip
@click.option(
    "--exclude",
    multiple=True,
    metavar="KEY",
    help="Leave out an item (safety-2) or a section (safety); repeat as needed.",
)
def brief(
    session: str | None,
    since: str | None,
    until: str | None,
    format_: str | None,
    output_file: Path | None,
    exclude: tuple[str, ...],
) -> None:
    """Gather a brief for your therapist: safety record, notes, parts, promises, measures,
    practices and flare-ups; you see each item and leave out what you want before it is written.

    Example: partsjournal brief --session 3 --format html --output brief.html
    """
    fmt = _format(format_, output_file)
    today = dates.now().date()
    first, last, named = _period(session, since, until, today)
    gathered = brief_mod.collect(first, last, session=named, warn=ui.warn)
    chosen = brief_mod.leave_out(gathered, brief_mod.check_keys(gathered, list(exclude)))
    if ui.can_prompt():
        picked = _asking().choose(chosen)
        if picked is None:
            ui.say(msg.NOTHING_WRITTEN)
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
        raise UsageError(msg.UNKNOWN_FORMAT.format(given=given, allowed=", ".join(FORMATS)))
    return fmt


def _period(
    session: str | None, since: str | None, until: str | None, today: date
) -> tuple[date, date, sessions.Session | None]:
    """The days a brief covers: a session's (from the previous session, or its preparation
    window, to the day before the next one, or today), a period, or the last 30 days."""
    if session is not None and (since or until):
        raise UsageError(msg.SESSION_OR_PERIOD)
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
        raise UsageError(msg.SINCE_AFTER_UNTIL)
    return first, last, None


COMMANDS = {"brief": brief}
