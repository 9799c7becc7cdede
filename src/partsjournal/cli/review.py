"""``partsjournal review``: a look back over a week, a month or any period."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from partsjournal.cli.plain import PlainCommand
from partsjournal.core import dates
from partsjournal.core.errors import UsageError
from partsjournal.render import output, review_md, review_rich, ui
from partsjournal.render import review as render_review
from partsjournal.views import period as periods
from partsjournal.views import review as review_mod


def register(app: typer.Typer) -> None:
    app.command("review", cls=PlainCommand)(review)


def review(
    week: Annotated[
        bool, typer.Option("--week", help="The seven days ending today (the default).")
    ] = False,
    month: Annotated[bool, typer.Option("--month", help="The 30 days ending today.")] = False,
    ago: Annotated[
        int, typer.Option("--ago", help="Go back N weeks (or months with --month).", metavar="N")
    ] = 0,
    since: Annotated[
        str | None, typer.Option("--since", help="First day: YYYY-MM-DD.", metavar="DATE")
    ] = None,
    until: Annotated[
        str | None,
        typer.Option("--until", help="Last day: YYYY-MM-DD (default today).", metavar="DATE"),
    ] = None,
    format: Annotated[
        str | None,
        typer.Option("--format", help="rich (default), markdown or json.", metavar="FORMAT"),
    ] = None,
    output_file: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file instead of the screen."),
    ] = None,
) -> None:
    """Look back over a period: sessions, exercises, parts, activation, Self-energy,
    realms, practices and a few of your own words.

    Example: partsjournal review --week --format markdown --output week.md
    """
    fmt = output.choose_format(format, output_file, render_review.FORMATS, default="rich")
    if week and month:
        raise UsageError("Choose one of --week and --month.")
    today = dates.now().date()
    period = periods.period_for(
        today,
        month=month,
        ago=ago,
        since=dates.parse_date(since, option="--since") if since else None,
        until=dates.parse_date(until, option="--until") if until else None,
    )
    result = review_mod.collect(period, today=today, warn=ui.warn)
    if fmt == "json":
        text = render_review.to_json(result)
    elif fmt == "markdown":
        text = review_md.to_markdown(result)
    elif output_file is not None:
        text = review_rich.to_plain_text(result)
    else:
        with ui.paged():
            review_rich.print_rich(result, ui.out())
        return
    output.emit(text, output_file)
