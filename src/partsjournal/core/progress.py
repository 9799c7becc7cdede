"""How long work in core/ shows its progress: a hook the command layer sets on a
terminal (a rich progress bar), so core/ never imports a drawing library."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

# (items, description) -> the same items, shown as they are worked through.
Progress = Callable[[Sequence[Any], str], Iterable[Any]]
bar: Progress | None = None
