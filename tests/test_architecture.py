"""The layers the imports follow, kept by a test: a reader of src/ can trust the folders.

cli/ (Typer only) -> flow/ (exercise engine and runner) -> views/ (read models) ->
core/ (records, storage, vocabulary); render/ draws; prompts/ asks. See
docs/ARCHITECTURE.md.
"""

from __future__ import annotations

import ast
import functools
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import parsed

SRC = Path(__file__).resolve().parents[1] / "src" / "partsjournal"
MODULES = sorted(p for p in SRC.rglob("*.py"))
HEAVY = {
    "questionary",
    "pydantic",
    "rich",
    "platformdirs",
    "tomli_w",
    "prompt_toolkit",
    "pyrage",
    "keyring",
    "leather",
}
MAX_LINES = 400


def name_of(path: Path) -> str:
    rel = path.relative_to(SRC.parent).with_suffix("")
    parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
    return ".".join(parts)


def layer(module: str) -> str:
    """cli, core, flow, views, render, prompts; main (``python -m partsjournal``), or package
    (the package itself: its version)."""
    pieces = module.split(".")
    if len(pieces) > 1 and pieces[1] in ALLOWED:
        return pieces[1]
    return "main" if module == "partsjournal.__main__" else "package"


def statements_in(node: ast.AST) -> Iterator[ast.stmt]:
    """The statements directly inside ``node``, in order: its bodies, ``else`` and
    ``finally`` blocks, and the bodies of its ``except`` clauses and ``case`` arms. An
    import is a statement, so following these reaches every import without going through
    the expressions, which are most of a tree."""
    for _, value in ast.iter_fields(node):
        if isinstance(value, list):
            for item in value:
                if isinstance(item, ast.stmt):
                    yield item
                elif isinstance(item, ast.excepthandler | ast.match_case):
                    yield from item.body


@functools.cache  # four tests read every module's imports: each file is parsed once
def imports(path: Path) -> tuple[tuple[str, bool, bool], ...]:
    """(module imported, inside a function, only for type checking) for every import."""
    tree = parsed(path)
    found: list[tuple[str, bool, bool]] = []

    def visit(node: ast.AST, in_function: bool, typing_only: bool) -> None:
        for child in statements_in(node):
            func = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            typing = typing_only or (
                isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test)
            )
            if isinstance(child, ast.Import):
                found.extend((a.name, in_function, typing_only) for a in child.names)
            elif isinstance(child, ast.ImportFrom) and child.module == "partsjournal":
                # "from partsjournal import prompts" imports the module partsjournal.prompts
                found.extend(
                    (f"partsjournal.{a.name}", in_function, typing_only) for a in child.names
                )
            elif isinstance(child, ast.ImportFrom) and child.module and child.level == 0:
                found.append((child.module, in_function, typing_only))
            visit(child, func, typing)

    visit(tree, False, False)
    return tuple(found)


ALLOWED = {
    # layer -> the project layers it may import at run time
    "core": {"core"},
    "views": {"core", "views"},
    "flow": {"core", "views", "flow", "render"},  # asks through flow/asking, never prompts
    "render": {"core", "views", "render"},
    "prompts": {"core", "flow", "render", "prompts"},
    "cli": {"core", "views", "flow", "render", "prompts", "cli", "package"},
    "main": {"cli"},
    "package": set(),
}


def layer_imports() -> dict[str, set[str]]:
    """Each layer and the other layers its modules import at run time, as they are."""
    found: dict[str, set[str]] = {me: set() for me in ALLOWED}
    for path in MODULES:
        me = layer(name_of(path))
        for module, _, typing_only in imports(path):
            if module.split(".")[0] == "partsjournal" and not typing_only:
                found[me].add(layer(module))
        found[me].discard(me)
    return found


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every path through ``graph`` that comes back to where it started (a cycle), found by
    walking from each node; empty when the graph only ever leads down."""
    found = []

    def walk(path: list[str]) -> None:
        for step in sorted(graph[path[-1]]):
            if step == path[0]:
                found.append([*path, step])
            elif step not in path and step > path[0]:  # each cycle once, from its least node
                walk([*path, step])

    for start in sorted(graph):
        walk([start])
    return found


@pytest.mark.parametrize("path", MODULES, ids=name_of)
def test_each_layer_imports_only_the_layers_beneath_it(path: Path) -> None:
    me = layer(name_of(path))
    for module, _, typing_only in imports(path):
        ours = module == "partsjournal" or module.startswith("partsjournal.")
        if ours and not typing_only:
            assert layer(module) in ALLOWED[me], f"{name_of(path)} imports {module}"


def test_no_layer_imports_a_layer_that_imports_it_back() -> None:
    """The layers only ever lead down: as they may import each other (ALLOWED) and as their
    modules do. flow/ owns the asking protocol and prompts/ implements it, so prompts
    imports flow and flow reaches the terminal through flow/asking, never through prompts."""
    allowed = {me: others - {me} for me, others in ALLOWED.items()}
    assert cycles(allowed) == []
    assert cycles(layer_imports()) == []


@pytest.mark.parametrize(
    ("graph", "expected"),
    [
        ({"a": {"b"}, "b": set()}, []),
        ({"a": {"b"}, "b": {"a"}}, [["a", "b", "a"]]),
        ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [["a", "b", "c", "a"]]),
        ({"a": {"b", "c"}, "b": {"c"}, "c": set()}, []),
        ({"a": {"b"}, "b": {"a", "c"}, "c": {"b"}}, [["a", "b", "a"], ["b", "c", "b"]]),
    ],
)
def test_the_cycle_finder_finds_every_cycle_once(
    graph: dict[str, set[str]], expected: list[list[str]]
) -> None:
    """The check above would pass on a finder that finds nothing: here it finds each one."""
    assert cycles(graph) == expected


@pytest.mark.parametrize("path", MODULES, ids=name_of)
def test_frameworks_stay_in_their_layer(path: Path) -> None:
    me = name_of(path)
    for module, _, typing_only in imports(path):
        root = module.split(".")[0]
        if root in {"typer", "click"}:
            assert layer(me) == "cli", f"{me} imports {root}"
        if root in {"questionary", "prompt_toolkit"}:
            assert layer(me) == "prompts", f"{me} imports {root}"
        if root == "rich" and not typing_only:
            assert layer(me) in {"render", "prompts"}, f"{me} imports rich"


@pytest.mark.parametrize("path", MODULES, ids=name_of)
def test_imports_inside_functions_are_only_for_heavy_libraries(path: Path) -> None:
    """Project modules are imported at the top; only costly third-party libraries
    (and rarely used standard modules) wait until a function needs them."""
    for module, in_function, _ in imports(path):
        if in_function:
            assert not module.startswith("partsjournal"), f"{name_of(path)}: {module}"


@pytest.mark.parametrize("path", MODULES, ids=name_of)
def test_modules_stay_small_enough_to_hold_in_your_head(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{name_of(path)} has {lines} lines"


@pytest.mark.parametrize("path", MODULES, ids=name_of)
def test_heavy_libraries_are_never_imported_at_the_top_outside_their_homes(path: Path) -> None:
    """questionary, rich, platformdirs and tomli_w cost start-up time: only imported
    inside the functions that use them (pydantic is the exercise models' base class)."""
    me = name_of(path)
    for module, in_function, typing_only in imports(path):
        root = module.split(".")[0]
        if root in HEAVY - {"pydantic"} and not in_function and not typing_only:
            pytest.fail(f"{me} imports {root} at the top")
