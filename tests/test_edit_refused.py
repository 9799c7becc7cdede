"""A refused edit in a terminal (in process): the person is offered their edit again, not a
loss."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from partsjournal.core import parts
from tests.conftest import Cli
from tests.helpers import fake_editor
from tests.keys import Typing, line, shown_in_order


def test_a_refused_part_edit_is_offered_again_and_then_saved(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Cli, terminal: Typing
) -> None:
    parts.create("The Critic")
    count = tmp_path / "count"
    fake_editor(
        tmp_path,
        monkeypatch,
        f"c = Path({str(count)!r})\n"
        "n = int(c.read_text()) if c.exists() else 0\nc.write_text(str(n + 1))\n"
        "if n == 0: p.write_text(text + 'neds = \"rest\"\\n')\n"
        "else: p.write_text(text.replace('neds', 'needs'))",
    )
    with terminal.typing(line("yes")):
        result = cli("parts", "edit", "The Critic")
    assert result.exit_code == 0, result.output
    shown_in_order(result.output, "Open your edit again to fix it?", "Saved The Critic.")
    f = home / "parts" / "the-critic.toml"
    assert tomllib.loads(f.read_text(encoding="utf-8"))["needs"] == "rest"
    assert [p.name for p in f.parent.iterdir() if p.name.startswith(".")] == []
