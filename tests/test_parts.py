"""The parts registry: matching, suggestions, rename, merge, learning from entries, the map."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

import pytest

from partsjournal.core import entry, part_merges, parts
from partsjournal.core.errors import JournalError, UsageError
from partsjournal.views import partmap
from tests.conftest import PROTECTOR_ANSWERS, Cli


def run_protector(cli: Cli, tmp_path: Path, at: str, **changes: str) -> None:
    text = PROTECTOR_ANSWERS
    for key, value in changes.items():
        lines = [ln for ln in text.splitlines() if not ln.startswith(f"{key} =")]
        text = "\n".join([*lines, f"{key} = {value!r}".replace("'", '"')])
    f = tmp_path / f"answers-{at[:10]}.toml"
    f.write_text(text, encoding="utf-8")
    result = cli("exercise", "protector", "--answers", str(f), "--at", at)
    assert result.exit_code == 0, result.output


def test_create_writes_one_file_named_after_the_part(home: Path) -> None:
    part = parts.create("The Critic", met=date(2026, 1, 2))
    assert part.id == "the-critic"
    data = tomllib.loads((home / "parts" / "the-critic.toml").read_text(encoding="utf-8"))
    assert data["name"] == "The Critic" and data["first_met"] == date(2026, 1, 2)
    # a second part with the same slug gets its own file, never overwriting the first
    assert parts.create("the critic!").id == "the-critic-2"


@pytest.mark.parametrize("typed", ["The Critic", "the critic", "  THE   critic ", "Judge"])
def test_find_matches_names_and_aliases_ignoring_case(typed: str) -> None:
    part = parts.create("The Critic")
    part.aliases = ["judge"]
    parts.save(part)
    found = parts.find(typed)
    assert found is not None and found.id == "the-critic"


def test_find_ignores_a_leading_article_but_does_not_guess() -> None:
    parts.create("The Critic")
    busy = parts.create("my busy one")
    assert parts.find("critic").id == "the-critic"  # type: ignore[union-attr]
    assert parts.find("a Critic").id == "the-critic"  # type: ignore[union-attr]
    assert parts.find("the busy one").id == busy.id  # type: ignore[union-attr]
    assert parts.find("critc") is None  # a typo is only ever offered, never taken
    assert parts.find("critics") is None
    assert parts.find("") is None


def test_an_exact_name_wins_over_one_without_its_article() -> None:
    parts.create("The Critic")
    plain = parts.create("Critic")
    assert parts.find("critic").id == plain.id  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("critic", "The Critic"),  # contained in the name
        ("the critc", "The Critic"),  # a typo
        ("busy", "Busy Bee"),  # the first word
        ("judgey", "The Critic"),  # close to an alias
    ],
)
def test_suggest_offers_close_names(typed: str, expected: str) -> None:
    critic = parts.create("The Critic")
    critic.aliases = ["Judge"]
    parts.save(critic)
    parts.create("Busy Bee")
    parts.create("Little One")
    close = parts.suggest(typed)
    assert close and close[0].name == expected


def test_suggest_offers_nothing_for_unrelated_names() -> None:
    parts.create("The Critic")
    assert parts.suggest("Sleepy Sloth") == []
    assert parts.suggest("a") == []


def test_resolve_names_close_parts_in_its_one_sentence() -> None:
    parts.create("The Critic")
    with pytest.raises(UsageError) as info:
        parts.resolve("critc")
    assert "Did you mean 'The Critic'?" in info.value.message
    with pytest.raises(UsageError, match="no part called 'Nobody'"):
        parts.resolve("Nobody")


def test_get_follows_merges_and_survives_a_merge_loop() -> None:
    a, b = parts.create("A part"), parts.create("B part")
    a.merged_into = b.id
    parts.save(a)
    got = parts.get(a.id)
    assert got is not None and got.id == b.id
    b.merged_into = a.id  # a hand-edited loop must not hang, nor make the parts vanish
    parts.save(b)
    got = parts.get(a.id)
    assert got is not None and got.id == a.id
    assert parts.live_id(b.id, parts.everything()) == b.id


def test_rename_keeps_the_id_and_the_old_name_as_alias() -> None:
    part = parts.create("The Critic")
    parts.rename(part, "Inner Coach")
    again = parts.find("the critic")
    assert again is not None and again.id == "the-critic" and again.name == "Inner Coach"
    assert again.aliases == ["The Critic"]
    # renaming back does not list the current name as an alias too
    parts.rename(again, "The Critic")
    assert parts.find("inner coach") is not None
    assert parts.get("the-critic").aliases == ["Inner Coach"]  # type: ignore[union-attr]


def test_rename_refuses_another_parts_name() -> None:
    part = parts.create("The Critic")
    parts.create("Busy Bee")
    with pytest.raises(UsageError, match="parts merge"):
        parts.rename(part, "busy bee")
    with pytest.raises(UsageError, match="empty"):
        parts.rename(part, "  ")


def test_merge_keeps_everything_and_entries_resolve(cli: Cli, tmp_path: Path) -> None:
    run_protector(cli, tmp_path, "2026-01-02 10:00", name_part="The Critic")
    run_protector(cli, tmp_path, "2026-01-05 10:00", name_part="Judge", fears="Being found out")
    little = parts.create("Little One")
    small = parts.get("judge")
    assert small is not None
    small.protects = [little.id]
    small.aliases = ["the judge"]
    small.notes = "Sounds like my teacher."
    parts.save(small)

    target = parts.find("The Critic")
    assert target is not None
    part_merges.merge(small, target)

    merged = parts.get("the-critic")
    assert merged is not None
    assert merged.aliases == ["Judge", "the judge"]
    assert merged.protects == [little.id]
    assert merged.notes == "Sounds like my teacher."
    assert (merged.first_met, merged.last_met) == (date(2026, 1, 2), date(2026, 1, 5))
    # the folded-in file stays, pointing on; its entry still finds the part
    old = tomllib.loads(parts.part_path("judge").read_text(encoding="utf-8"))
    assert old["merged_into"] == "the-critic" and old["name"] == "Judge"
    refs = [e.parts[0].id for e in entry.load_range()]
    assert sorted(refs) == ["judge", "the-critic"]
    assert {parts.get(r).id for r in refs} == {"the-critic"}  # type: ignore[union-attr]
    assert [p.name for p in parts.load_all()] == ["Little One", "The Critic"]
    with pytest.raises(UsageError, match="already the same part"):
        part_merges.merge(merged, merged)


def test_an_entry_teaches_its_part_fears_needs_and_role(cli: Cli, tmp_path: Path) -> None:
    run_protector(cli, tmp_path, "2026-01-02 10:00", image="a grey owl", body="my jaw")
    part = parts.get("the-critic")
    assert part is not None
    assert part.fears == "That I would be laughed at"
    assert part.needs == "To be taken seriously"
    assert part.current_role == "Keep me prepared"
    assert (part.image, part.body) == ("a grey owl", "my jaw")
    # answers about the part carry its id in the entry, which keeps the full text
    saved = entry.load_range()[0]
    fears = saved.by_role("part-fears")[0]
    assert fears.part == "the-critic" and fears.value == "That I would be laughed at"
    assert saved.by_role("situation")[0].part is None


def test_newer_entries_update_the_record_older_ones_do_not(cli: Cli, tmp_path: Path) -> None:
    run_protector(cli, tmp_path, "2026-01-05 10:00", fears="Newest fear", purpose="First job")
    run_protector(cli, tmp_path, "2026-01-09 10:00", fears="Later fear", purpose="Other job")
    run_protector(cli, tmp_path, "2026-01-01 10:00", fears="Old fear", body="chest")
    part = parts.get("the-critic")
    assert part is not None
    assert part.fears == "Later fear"
    assert part.current_role == "First job"  # only filled while empty
    assert part.body == "chest"  # an older entry may still fill an empty field
    assert (part.first_met, part.last_met) == (date(2026, 1, 1), date(2026, 1, 9))


def test_edit_check_refuses_unknown_fields_and_taken_names() -> None:
    critic = parts.create("The Critic")
    parts.create("Busy Bee")
    with pytest.raises(JournalError, match="'neds'"):
        parts.check_edit({"name": "The Critic", "neds": "x"}, critic)
    with pytest.raises(JournalError, match="Busy Bee"):
        parts.check_edit({"name": "The Critic", "aliases": ["busy bee"]}, critic)
    with pytest.raises(JournalError, match="id"):
        parts.check_edit({"id": "other", "name": "The Critic"}, critic)
    with pytest.raises(JournalError, match="no name"):
        parts.check_edit({"needs": "rest"}, critic)
    ok = parts.check_edit({"name": "The Critic", "needs": "rest"}, critic)
    assert ok.needs == "rest"


def labels(nodes: list[partmap.MapNode], depth: int = 0) -> list[str]:
    out = []
    for node in nodes:
        name = node.part.name if node.part else f"missing:{node.missing_id}"
        out.append("  " * depth + name + (" (again)" if node.repeat else ""))
        out.extend(labels(node.children, depth + 1))
    return out


def make(name: str, protects: list[str] | None = None) -> parts.Part:
    part = parts.create(name)
    part.protects = protects or []
    parts.save(part)
    return part


def test_map_puts_protectors_over_the_parts_they_protect() -> None:
    make("Little One")
    make("Planner", ["little-one"])
    make("Busy Bee", ["planner"])
    make("Loner")
    roots, loose = partmap.protection_map(parts.everything())
    assert labels(roots) == ["Busy Bee", "  Planner", "    Little One"]
    assert [p.name for p in loose] == ["Loner"]


def test_map_survives_cycles_missing_and_merged_parts() -> None:
    make("A", ["b"])
    make("B", ["a", "gone"])
    old = make("Old Name")
    new = make("New Name", [])
    make("C", ["old-name", "c"])  # protects a merged part, and itself
    part_merges.merge(old, new)
    roots, loose = partmap.protection_map(parts.everything())
    assert labels(roots) == [
        "C",
        "  New Name",
        "A",
        "  B",
        "    A (again)",
        "    missing:gone",
    ]
    assert loose == []


def test_map_of_a_very_long_chain_does_not_recurse() -> None:
    count = 1500
    index = {
        f"p{i}": parts.Part(id=f"p{i}", name=f"P{i:04}", protects=[f"p{i + 1}"])
        for i in range(count)
    }
    roots, _ = partmap.protection_map(index)
    depth, node = 0, roots[0]
    while node.children and not node.children[0].repeat and node.children[0].part:
        node, depth = node.children[0], depth + 1
    assert depth == count - 1
