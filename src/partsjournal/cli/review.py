"""``partsjournal review``: a look back over a week, a month or any period."""

from __future__ import annotations

from pathlib import Path

import click

from partsjournal.core import dates, reading
from partsjournal.core import messages as msg
from partsjournal.core.errors import UsageError
from partsjournal.render import charts, output, review_md, review_rich, ui
from partsjournal.render import review as render_review
from partsjournal.views import period as periods
from partsjournal.views import review as review_mod


@click.command("review")
@click.option("--week", is_flag=True, help="The seven days ending today (the default).")
@click.option("--month", is_flag=True, help="The 30 days ending today.")
@click.option(
    "--ago", type=int, default=0, metavar="N", help="Go back N weeks (or months with --month)."
)
@click.option("--since", metavar="DATE", help="First day: YYYY-MM-DD.")
@click.option("--until", metavar="DATE", help="Last day: YYYY-MM-DD (default today).")
@click.option("--format", "format_", metavar="FORMAT", help="rich (default), markdown or json.")
@click.option(
    "--output", "-o", "output_file", type=click.Path(path_type=Path), metavar="FILE",
    help="Write to this file instead of the screen.",
)  # fmt: skip
@reading.each_file_once  # each file read and each folder listed once
def review(
    week: bool,
    month: bool,
    ago: int,
    since: str | None,
    until: str | None,
    format_: str | None,
    output_file: Path | None,
) -> None:
    """Look back over a period: sessions, exercises, parts, activation, Self-energy,
    realms, practices and a few of your own words.

    Example: partsjournal review --week --format markdown --output week.md
    """
    fmt = output.choose_format(format_, output_file, render_review.FORMATS, default="rich")
    if week and month:
        raise UsageError(msg.WEEK_OR_MONTH)
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
        text = review_md.to_markdown(result) + charts.markdown_text(result.course)
    elif output_file is not None:
        text = review_rich.to_plain_text(result) + charts.plain_text(result.course)
    else:
        with ui.paged():
            review_rich.print_rich(result, ui.out())
            charts.print_course(result.course)
        return
    output.emit(text, output_file)


COMMANDS = {"review": review}
