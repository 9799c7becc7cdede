"""Shell completion (filled in below)."""

from __future__ import annotations

from typing import Any


def for_typer_command(command: Any, ctx: Any, incomplete: str) -> list[Any]:
    return []
