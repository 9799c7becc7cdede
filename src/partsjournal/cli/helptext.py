"""Help pages in the same words as the rest of the help.

Typer labels each value by its Python type (``<str>``, ``<list[str]>``, ``<bool>``,
``<int range> [x>=1]``). Here every option that takes a value shows a word
instead (its own metavar, else TEXT, NUMBER, FILE or FOLDER), flags show none,
arguments are named in capitals, and limits are said in the option's own help.
``{latest}`` in a help text is how many entries a listing shows
(:data:`options.LATEST`), so the number is written in one place.
Applied to each command when it is built, before its help can be shown.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from partsjournal.cli import options

_WORDS: dict[Any, str] = {str: "TEXT", list[str]: "TEXT", int: "NUMBER", Path: "FILE"}


def _word(param: Any) -> str | None:
    """What the value of ``param`` is called on its help page (None: a flag)."""
    if getattr(param, "is_flag", False) or getattr(param, "is_bool_flag", False):
        return None
    if param.metavar:
        return str(param.metavar)
    desc = getattr(param, "type_descriptor", None)
    annotation = getattr(desc, "annotation", None)
    if annotation is Path and getattr(desc, "path_type", "") == "dir":
        return "FOLDER"
    return _WORDS.get(annotation, "TEXT")


def _filled(text: str | None) -> str | None:
    return text.replace("{latest}", str(options.LATEST)) if text else text


def _polish_param(param: Any) -> None:
    if param.param_type_name == "argument":
        if param.metavar is None:
            param.metavar = param.name.upper()
        param.display_type_rich = lambda ctx: None  # its name says it already
    else:
        word = _word(param)
        param.display_type_rich = lambda ctx, word=word: word
    param._get_number_range_help_str = lambda: None  # the help says the limit


def _refill(command: Any) -> None:
    """``{latest}`` filled in afresh from the help as written (a Click command lives as
    long as its module, and the limit is read when its help is made)."""
    for thing in (command, *getattr(command, "params", [])):
        if not hasattr(thing, "_help_template"):
            thing._help_template = getattr(thing, "help", None)
        thing.help = _filled(thing._help_template)
    for sub in getattr(command, "commands", {}).values():
        _refill(sub)


def polish(command: Any) -> Any:
    """Give ``command`` (and the commands under it) plain value words; returns it."""
    _refill(command)
    if getattr(command, "_polished", False):
        return command
    for param in getattr(command, "params", []):
        _polish_param(param)
    made = command.get_help_option  # --help is made when first asked for

    def help_option(ctx: Any) -> Any:
        option = made(ctx)
        if option is not None:
            _polish_param(option)
        return option

    command.get_help_option = help_option
    # -h as well as --help, as at the top (a command run from Click starts its own context)
    command.context_settings = {
        **(command.context_settings or {}),
        "help_option_names": ["-h", "--help"],
    }
    command._polished = True
    for sub in getattr(command, "commands", {}).values():
        polish(sub)
    return command
