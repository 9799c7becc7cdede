"""Consoles for output, created on first use (rich honours NO_COLOR itself)."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console


@cache
def out() -> Console:
    from rich.console import Console

    return Console(highlight=False)


@cache
def err() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def warn(message: str) -> None:
    """One warning line on stderr (for skipped files and the like)."""
    err().print(f"[yellow]warning:[/] {message}", markup=True, soft_wrap=True)
