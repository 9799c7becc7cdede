"""Finding the commands partsjournal suggests ("... with: partsjournal parts show NAME")
and checking each one names a real command, real options and a real exercise."""

from __future__ import annotations

import ast
import functools
import re
import shlex
from typing import Any

import click

from partsjournal.cli.lazy import TyperCommand
from partsjournal.cli.root import app
from partsjournal.flow import exercises
from tests.conftest import ROOT
from tests.helpers import parsed, walked

# "partsjournal <word>" in prose: the program's name, not a command to run
PROSE = {"is", "will", "does", "needs", "builds", "writes", "draft", "entry", "asks", "keeps"}
PROSE |= {"could", "command", "window", "may", "use"}
PLACEHOLDER = "X"  # what an f-string's {value} becomes
_START = re.compile(r"\bpartsjournal (?=[\w{\"'])")
# a hint ends where the sentence or the clause does
_END = re.compile(r"[;()`\n]|\.(?:\s|$)|,\s|:\s|\s--?\s|\s#|\sor\s")


def _root() -> click.Group:
    return app


def real(command: Any) -> Any:
    """The command itself: a Typer command run from Click is built for a look at it."""
    return command.target() if isinstance(command, TyperCommand) else command


def is_group(command: Any) -> bool:
    return isinstance(command, click.Group) or hasattr(command, "commands")


def sub_names(command: Any) -> list[str]:
    """The commands of a group, Click's (with the ones it builds lazily) or Typer's."""
    if isinstance(command, click.Group):
        return command.list_commands(click.Context(command))
    return list(getattr(command, "commands", {}))


def sub_command(command: Any, name: str) -> Any:
    """The command ``name`` of a group, built (None when it has none of that name)."""
    if isinstance(command, click.Group):
        found = command.get_command(click.Context(command), name)
    else:
        found = getattr(command, "commands", {}).get(name)
    return None if found is None else real(found)


def hints_in(text: str) -> list[str]:
    """Each "partsjournal ..." in ``text``, cut where its clause ends (outside quotes)."""
    found = []
    for match in _START.finditer(text):
        rest = text[match.end() :].replace("\\\n", " ")  # a shell line continued
        end = len(rest)
        opened = text[match.start() - 1] if match.start() else ""
        if opened and opened in "'`" and opened in rest:  # 'partsjournal parts show "X"' ends at '
            rest = rest[: rest.index(opened)]
            end = len(rest)
        for cut in _END.finditer(rest):
            if rest[: cut.start()].count('"') % 2 == 0:
                end = cut.start()
                break
        found.append(rest[:end].strip())
    return found


def _tokens(hint: str) -> list[str]:
    try:
        return shlex.split(hint)
    except ValueError:
        return hint.split()


def _options(command: Any) -> dict[str, Any]:
    return {opt: p for p in command.params for opt in (*p.opts, *p.secondary_opts)}


def problems(hint: str) -> list[str]:
    """What is wrong with one hint (the words after "partsjournal"); empty when it works."""
    tokens = _tokens(hint)
    if not tokens or not re.fullmatch(r"[a-z][a-z-]*", tokens[0]) or tokens[0] in PROSE:
        return []
    root = _root()
    command: Any = root
    path = ["partsjournal"]
    i = 0
    while is_group(command) and i < len(tokens):
        word = tokens[i]
        if not re.fullmatch(r"[a-z][a-z-]*", word):
            if word.startswith("-"):
                break
            return [f"'{' '.join(path)}' needs one of its commands before '{word}': {hint}"]
        sub = sub_command(command, word)
        if sub is None:
            return [f"'{' '.join(path)}' has no command '{word}': {hint}"]
        command, i = sub, i + 1
        path.append(word)
    known = {**_options(root), **_options(command)}
    arguments = [p for p in command.params if not p.opts[0].startswith("-")]
    limit = sum(p.nargs if p.nargs > 0 else 99 for p in arguments)
    positional: list[str] = []
    out = []
    rest = tokens[i:]
    j = 0
    while j < len(rest):
        word = rest[j]
        if word.startswith("-") and len(word) > 1:
            name = word.split("=", 1)[0]
            option = known.get(name)
            if option is None:
                out.append(f"'{' '.join(path)}' has no option {name}: {hint}")
            elif not option.is_flag and "=" not in word:
                j += 1  # its value
        else:
            positional.append(word)
        j += 1
    if len(positional) > limit:
        out.append(f"'{' '.join(path)}' takes at most {limit} arguments, more given: {hint}")
    if path == ["partsjournal", "exercise"] and positional:
        name = positional[0]
        if name != PLACEHOLDER and re.fullmatch(r"[a-z][a-z0-9-]*", name):
            try:
                exercises.get(name)
            except Exception:
                out.append(f"there is no exercise '{name}': {hint}")
    return out


SRC = ROOT / "src" / "partsjournal"


def node_text(node: ast.AST) -> str:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else PLACEHOLDER for v in node.values)
    return ""


def docstring_nodes(tree: ast.Module, keep_functions: bool) -> set[int]:
    """ids of docstring nodes to leave out: the module's and classes', and functions'
    outside cli/ (a command's docstring is its help page, so those stay in)."""
    skip = set()
    for node in walked(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                if isinstance(node, ast.FunctionDef) and keep_functions:
                    continue
                skip.add(id(body[0].value))
    return skip


@functools.cache  # parsed once for the tests that read it
def source_texts() -> tuple[tuple[str, str], ...]:
    """(where, text) for every string the program can show: literals and f-strings
    (joined across implicit concatenation), command help; not module or code docs."""
    found = []
    for path in sorted(SRC.rglob("*.py")):
        tree = parsed(path)
        skip = docstring_nodes(tree, keep_functions=path.parent.name == "cli")
        inner = set()
        for node in walked(tree):
            if isinstance(node, ast.JoinedStr):
                inner.update(id(v) for v in node.values)
        for node in walked(tree):
            if id(node) in skip or id(node) in inner:
                continue
            text = node_text(node)
            if "partsjournal " in text:
                found.append((f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 0)}", text))
    return tuple(found)
