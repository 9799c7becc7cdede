"""The layers the imports follow, kept by a test: a reader of src/ can trust the folders.

cli/ (Typer only) -> flow/ (exercise engine and runner) -> views/ (read models) ->
core/ (records, storage, vocabulary); render/ draws; prompts.py asks. See
docs/ARCHITECTURE.md.
"""

from __future__ import annotations

import ast
import functools
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
    """cli, core, flow, views, render, prompts, or top (the package itself)."""
    pieces = module.split(".")
    return pieces[1] if len(pieces) > 1 and pieces[1] in ALLOWED else "top"


@functools.cache  # four tests read every module's imports: each file is parsed once
def imports(path: Path) -> tuple[tuple[str, bool, bool], ...]:
    """(module imported, inside a function, only for type checking) for every import."""
    tree = parsed(path)
    found: list[tuple[str, bool, bool]] = []

    def visit(node: ast.AST, in_function: bool, typing_only: bool) -> None:
        for child in ast.iter_child_nodes(node):
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
    "flow": {"core", "views", "flow", "render", "prompts"},
    "render": {"core", "views", "render"},
    "prompts": {"core", "flow", "render"},
    "cli": {"core", "views", "flow", "render", "prompts", "cli", "top"},
    "top": {"cli", "top"},
}


@pytest.mark.parametrize("path", MODULES, ids=name_of)
def test_each_layer_imports_only_the_layers_beneath_it(path: Path) -> None:
    me = layer(name_of(path))
    for module, _, typing_only in imports(path):
        ours = module == "partsjournal" or module.startswith("partsjournal.")
        if ours and not typing_only:
            assert layer(module) in ALLOWED[me], f"{name_of(path)} imports {module}"


@pytest.mark.parametrize("path", MODULES, ids=name_of)
def test_frameworks_stay_in_their_layer(path: Path) -> None:
    me = name_of(path)
    for module, _, typing_only in imports(path):
        root = module.split(".")[0]
        if root in {"typer", "click"}:
            assert layer(me) == "cli", f"{me} imports {root}"
        if root in {"questionary", "prompt_toolkit"}:
            assert me == "partsjournal.prompts", f"{me} imports {root}"
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
