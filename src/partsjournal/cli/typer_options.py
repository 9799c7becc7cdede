"""Options shared by several Typer commands (those that write entries), one definition each.

The reading commands are plain Click and take theirs from :mod:`partsjournal.cli.options`."""

from __future__ import annotations

from typing import Annotated

import typer

AtOption = Annotated[
    str | None,
    typer.Option(
        "--at", metavar="DATE", help="Date the entry for an earlier moment: YYYY-MM-DD [HH:MM]."
    ),
]
FutureOption = Annotated[
    bool,
    typer.Option("--future", help="Allow an --at date more than a day ahead (on purpose)."),
]
AnswersOption = Annotated[
    str | None,
    typer.Option(
        "--answers",
        metavar="FILE",
        help="Run without prompts: a TOML file of step id = answer ('-' reads stdin).",
    ),
]
SessionOption = Annotated[
    str | None,
    typer.Option("--session", help="Link the entry to this session (its number or id)."),
]
BeforeOption = Annotated[
    bool, typer.Option("--before", help="The entry prepares for a coming session.")
]
AfterOption = Annotated[
    bool, typer.Option("--after", help="The entry integrates a session that has happened.")
]
