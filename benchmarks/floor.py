"""The floor: what Typer + rich cost before partsjournal does anything.

One command prints a one-row rich table; ``--help`` shows Typer's help.
"""

from __future__ import annotations

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer()


@app.command()
def table() -> None:
    """Print a one-row table."""
    t = Table("name", "value")
    t.add_row("floor", "1")
    Console().print(t)


@app.command()
def other() -> None:
    """A second command, so Typer builds a group as partsjournal does."""


if __name__ == "__main__":
    app()
