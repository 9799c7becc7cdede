"""`practices` lists the latest 20 of its weeks, says how many earlier ones it left out, and
shows every one with --all (as `entries` and `session show` do)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from partsjournal.core import vocabulary as vocab
from tests.conftest import Cli


def test_practices_lists_the_latest_20_and_counts_the_rest(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(5):  # five check-ins with a practice in each of the five realms
        lines = [f'{r}_rating = 5\n{r}_practice = "try {r} no. {n}"\n' for r in vocab.REALM_KEYS]
        if n:  # from the second on, each asks how the last ones went
            lines += [f'followup_{r} = "did it"\n' for r in vocab.REALM_KEYS]
        answers = tmp_path / f"{n}.toml"
        answers.write_text("".join(lines), encoding="utf-8")
        day = date(2026, 11, 16) + timedelta(days=n)
        saved = cli("integrate", "--answers", str(answers), "--at", f"{day} 09:00")
        assert saved.exit_code == 0, saved.stderr
    shown = cli("practices")
    assert shown.exit_code == 0, shown.stderr
    assert "try body no. 4" in shown.stdout and "try body no. 0" not in shown.stdout
    assert "5 earlier practices not listed: partsjournal practices --all" in shown.stdout
    every = cli("practices", "--all").stdout
    assert "try body no. 0" in every and "not listed" not in every
