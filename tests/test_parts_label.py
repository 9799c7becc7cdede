"""Every place that lists an entry's parts says "part:" for one and "parts:" for more.

Walked by a clinician: the export a therapist reads said "*parts: The Planner*" under an entry
that named one part, while the save summary already said "Part:" and "Parts:".
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Cli
from tests.helpers import flat_screen
from tests.pty_helpers import write_exercise

STEPS = [
    {"id": "first", "kind": "part", "role": "part", "text": "Which part?"},
    {"id": "second", "kind": "part", "role": "exile", "optional": True, "text": "And which?"},
]
ONE = ["The Planner"]
TWO = ["The Planner", "Little One"]


def save_entry(cli: Cli, home: Path, tmp_path: Path, names: list[str]) -> str:
    """Run a small exercise that names ``names``; what the save summary said."""
    write_exercise(home, "two", STEPS)
    answers = tmp_path / "two.toml"
    steps = ["first", "second"][: len(names)]
    answers.write_text("".join(f'{s} = "{n}"\n' for s, n in zip(steps, names, strict=True)))
    result = cli("exercise", "two", "--answers", str(answers))
    assert result.exit_code == 0, result.output
    return flat_screen(result.stdout)


def saved(cli: Cli, said: str) -> str:
    return said


def shown(cli: Cli, said: str) -> str:
    return flat_screen(cli("show", "last").stdout)


def exported(cli: Cli, said: str) -> str:
    return cli("export", "--since", "2026-11-01").stdout


# (where, what it reads, the label for one part, the label for more)
PLACES: list[tuple[str, Callable[[Cli, str], str], str, str]] = [
    ("the save summary", saved, "Part: ", "Parts: "),
    ("show", shown, "part: ", "parts: "),
    ("the export", exported, "*part: ", "*parts: "),
]


@pytest.mark.parametrize("names", [ONE, TWO], ids=["one part", "two parts"])
@pytest.mark.parametrize(("where", "read", "one", "more"), PLACES, ids=[p[0] for p in PLACES])
def test_an_entry_parts_are_under_part_for_one_and_parts_for_more(
    cli: Cli,
    home: Path,
    tmp_path: Path,
    names: list[str],
    where: str,
    read: Callable[[Cli, str], str],
    one: str,
    more: str,
) -> None:
    text = read(cli, save_entry(cli, home, tmp_path, names))
    label, other = (one, more) if len(names) == 1 else (more, one)
    assert f"{label}{', '.join(names)}" in text, (where, text)
    assert other not in text, (where, text)


def test_no_other_place_in_render_writes_its_own_parts_label() -> None:
    """The table above is every place: none of the renderers writes "part:" or "parts:" but
    through render/entry.parts_said."""
    import ast

    import partsjournal.render

    own = []
    for path in sorted(Path(partsjournal.render.__file__).parent.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docs = {  # a docstring may quote what is said
            id(n.body[0].value)
            for n in ast.walk(tree)
            if isinstance(n, ast.Module | ast.ClassDef | ast.FunctionDef)
            and n.body
            and isinstance(n.body[0], ast.Expr)
        }
        strings = [
            n
            for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docs
        ]
        for n in strings:
            if any(w in n.value.casefold() for w in ("part: ", "parts: ")):
                own.append(f"{path.name}:{n.lineno}: {n.value!r}")
    assert own == []
