"""Help pages and messages in the same plain words as the rest: no raw type labels,
proper plurals, commands that stop and say what to give, and suggestions that fit
what was asked."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from partsjournal.cli.root import COMMANDS, app
from partsjournal.core import vocabulary as vocab
from partsjournal.flow import asking, integration
from partsjournal.render import ui
from tests.askers import Answering, PauseAtOnce
from tests.conftest import Cli, entry_files
from tests.helpers import TODAY, parsed, walked
from tests.hints import is_group, source_texts, sub_command, sub_names
from tests.journal_fixtures import at, day, make_part, protector

RAW = re.compile(r"<(str|int|bool|path|dir|file|float|list\[[^>]*\]|int range)>|x>=|\(required\)")


def every_command() -> list[list[str]]:
    out = []
    for name in COMMANDS:
        command = sub_command(app, name)
        out.append([name])
        for sub in sub_names(command) if is_group(command) else []:
            out.append([name, sub])
            inner = sub_command(command, sub)
            for deeper in sub_names(inner) if is_group(inner) else []:
                out.append([name, sub, deeper])
    return out


@pytest.mark.parametrize("path", [[], *every_command()], ids=lambda p: " ".join(p) or "root")
def test_help_pages_show_no_raw_type_labels(cli: Cli, path: list[str]) -> None:
    result = cli(*path, "--help")
    assert result.exit_code == 0, result.output
    assert "Usage: partsjournal" in result.stdout
    assert cli(*path, "-h").stdout == result.stdout  # -h everywhere, as at the top
    assert RAW.findall(result.stdout) == []
    assert "(s)" not in result.stdout


def test_value_options_are_named_in_words(cli: Cli) -> None:
    shown = cli("practices", "--help").stdout
    assert re.search(r"--weeks\s+NUMBER", shown) and re.search(r"--at\s+DATE", shown)
    assert re.search(r"--future\s+Allow", shown)  # a flag takes no value word
    assert "1 or more" in shown
    assert re.search(r"--home\s+FOLDER", cli("--help").stdout)
    assert "{NAME}" in cli("parts", "edit", "--help").stdout


def test_no_message_writes_a_plural_with_parentheses() -> None:
    found = [where for where, text in source_texts() if "(s)" in text]
    texts = [t for _, t in _all_strings() if re.search(r"\w\(s\)", t)]
    assert found == [] and texts == []


def _all_strings() -> list[tuple[str, str]]:
    from tests.hints import SRC, node_text

    out = []
    for path in SRC.rglob("*.py"):
        for node in walked(parsed(path)):
            if text := node_text(node):
                out.append((str(path), text))
    return out


# --------------------------------------------------------------------------- export


@pytest.mark.parametrize("fmt", ["json", "markdown"])
def test_export_with_no_since_takes_the_whole_journal(cli: Cli, home: Path, fmt: str) -> None:
    """As jrnl does: no --since is every entry, from the first one (here over a year back)."""
    first = protector(at(day(20).replace(year=2025)), make_part("The Critic", day(1)))
    last = protector(at(day(20)), make_part("The Critic", day(1)))
    result = cli("export", "--format", fmt)
    assert result.exit_code == 0, result.output
    if fmt == "json":
        data = json.loads(result.stdout)
        assert [e["id"] for e in data["entries"]] == [first.id, last.id]
        assert data["since"] == first.created.date().isoformat()
    else:
        headings = [line for line in result.stdout.splitlines() if line.startswith("## ")]
        assert len(headings) == 2 and "2025" in headings[0] and "2026" in headings[1]
    assert "[required]" not in cli("export", "--help").stdout


def test_export_of_an_empty_journal_is_an_empty_document(cli: Cli, home: Path) -> None:
    data = json.loads(cli("export", "--format", "json").stdout)
    assert data["count"] == 0 and data["entries"] == []
    assert data["since"] == data["until"] == TODAY.date().isoformat()


def test_export_exclude_with_an_id_start_that_fits_several_is_refused(
    cli: Cli, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    critic = make_part("The Critic", day(1))
    a = protector(at(day(20), 21, 0), critic)
    b = protector(at(day(20), 21, 0), critic)  # the same minute: ids differ at the end
    shared = a.id[:15]
    assert b.id.startswith(shared)
    result = cli("export", "--since", "2026-11-01", "--exclude", shared)
    assert result.exit_code == 2
    assert f"--exclude {shared} fits 2 entries" in result.stderr
    assert result.stdout == ""
    one = cli("export", "--since", "2026-11-01", "--exclude", a.id, "--format", "json")
    assert one.exit_code == 0, one.stderr
    assert [e["id"] for e in json.loads(one.stdout)["entries"]] == [b.id]


# --------------------------------------------------------------------------- integrate


def test_integrate_states_the_time_and_the_realms_chosen(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = integration.integrate_exercise(list(vocab.REALM_KEYS), [])
    body = integration.integrate_exercise(["body"], [])
    two = integration.integrate_exercise(["body", "emotion"], [])
    assert body.minutes < two.minutes < whole.minutes
    assert body.summary.startswith("Body: how it is now")
    assert two.summary.startswith("Body and emotion: how each is now")
    monkeypatch.setattr(asking, "terminal", PauseAtOnce)
    monkeypatch.setattr(ui, "can_prompt", lambda: True)
    shown = cli("integrate", "--realm", "body").stdout
    assert f"About {body.minutes} minutes" in shown
    assert "Body: how it is now" in shown and "spirit" not in shown.split("About")[0]


# --------------------------------------------------------------------------- practices

CHOSEN = 'body_rating = 5\nbody_practice = "Walk after lunch"\n'


def test_practices_does_not_ask_on_the_day_they_were_chosen(
    cli: Cli, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    f = tmp_path / "a.toml"
    f.write_text(CHOSEN, encoding="utf-8")
    chosen = cli("integrate", "--realm", "body", "--answers", str(f), "--at", "2026-11-23 09:00")
    assert chosen.exit_code == 0, chosen.stderr

    class NoQuestions(Answering):
        def ask(self, *args: Any, **kwargs: Any) -> Any:
            raise AssertionError("asked how a practice went on the day it was chosen")

    monkeypatch.setattr(asking, "terminal", NoQuestions)
    monkeypatch.setattr(ui, "can_prompt", lambda: True)
    today = cli("practices")
    assert today.exit_code == 0, today.stderr
    assert "You chose these practices today" in today.stdout
    assert len(entry_files(home)) == 1
    monkeypatch.setattr(asking, "terminal", Answering)
    tomorrow = cli("practices", "--at", "2026-11-24 09:00")
    assert tomorrow.exit_code == 0, tomorrow.stderr
    assert len(entry_files(home)) == 2  # the follow-up was asked and saved


def test_waiting_practices_are_counted_with_proper_plurals(
    cli: Cli, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    f = tmp_path / "a.toml"
    f.write_text(CHOSEN, encoding="utf-8")
    assert (
        cli("integrate", "--realm", "body", "--answers", str(f), "--at", "2026-11-20").exit_code
        == 0
    )
    shown = cli("practices").stdout
    assert "1 practice from your last check-in is waiting" in shown


# --------------------------------------------------------------------------- entries


def test_an_empty_journal_says_so_without_suggesting_filters(cli: Cli) -> None:
    shown = cli("entries").stdout
    assert "No entries yet" in shown and "partsjournal exercise primer" in shown
    assert "filter" not in shown


def test_an_empty_period_suggests_only_what_was_given(
    cli: Cli, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    protector(at(day(20)), make_part("The Critic", day(1)))
    period = cli("entries", "--since", "2026-11-21").stdout
    assert "wider" in period and "filter" not in period
    filtered = cli("entries", "--grep", "nothing like this").stdout
    assert "leaving out a filter" in filtered and "period" not in filtered
    both = cli("entries", "--since", "2026-11-21", "--part", "The Critic").stdout
    assert "wider period, or leave out a filter" in both
    assert TODAY.date() == day(23)


@pytest.mark.parametrize("group", ["parts", "session"])
def test_lazy_sub_commands_are_listed_with_their_own_first_line(group: str) -> None:
    """A group lists some sub-commands without building them (cli/lazy.py): the line
    it shows is the first paragraph of the command's own help."""
    command: Any = sub_command(app, group)
    assert command.lazy
    for name, (_module, line) in command.lazy.items():
        built = sub_command(command, name)
        assert built.help.split("\n\n")[0].strip() == line, name
