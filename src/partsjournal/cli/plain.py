"""A command class that reads text, whole-number and path options without pydantic.

typer 0.29 turns every option value that is not a plain flag into its Python type
with a pydantic ``TypeAdapter``; the first one imports pydantic (~30 ms and several
MiB), which the reading commands (review, entries, show, export) must not pay.
Their options are only text, whole numbers, lists of text and paths, which need
nothing more than ``str``, ``int`` and ``Path``; this class gives exactly those
parameters a plain conversion before parsing. Anything else, or a typer whose
internals differ, keeps typer's own conversion (slower, never wrong).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from typer._click.core import Context
from typer.core import TyperCommand, TyperGroup

try:  # typer internals: used only when they look as expected
    from typer._click.exceptions import BadParameter
    from typer._coercion import RuntimeParam
except ImportError:  # pragma: no cover - another typer version
    RuntimeParam = None  # type: ignore[assignment,misc]

_PLAIN: dict[Any, Any] = {str: str, int: int, bool: bool, Path: Path, list[str]: str}


if RuntimeParam is not None:

    class _PlainParam(RuntimeParam):
        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            convert = _PLAIN[self.annotation]
            try:
                if isinstance(value, list | tuple):
                    return [convert(v) for v in value]
                return convert(value)
            except ValueError:
                raise BadParameter(
                    f"{value!r} is not a whole number.", ctx=ctx, param=param
                ) from None


def prepare(params: list[Any]) -> None:
    """Give text, number, flag and path parameters the plain conversion."""
    if RuntimeParam is None:
        return  # pragma: no cover - another typer version
    for p in params:
        desc = getattr(p, "type_descriptor", None)
        annotation = getattr(desc, "annotation", None)
        if (
            desc is not None
            and annotation in _PLAIN
            and getattr(p, "_runtime_param", "?") is None
            and getattr(desc.parameter_info, "parser", None) is None
        ):
            try:
                p._runtime_param = _PlainParam(
                    parameter_info=desc.parameter_info, annotation=annotation
                )
            except Exception:  # pragma: no cover - typer internals changed: keep typer's way
                return


class PlainCommand(TyperCommand):
    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        prepare(self.get_params(ctx))
        return super().parse_args(ctx, args)


class PlainGroup(TyperGroup):
    """:class:`PlainCommand` for a command group (``parts``, ``session``)."""

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        prepare(self.get_params(ctx))
        return super().parse_args(ctx, args)
