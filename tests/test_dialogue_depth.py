"""The dialogues in the order IFS practice follows, with room for "nothing came", a tender part
greeted only from a distance wherever one may come close, and promises to it that are true
whether or not a therapist is on the card."""

from __future__ import annotations

import tomllib
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from partsjournal.core import parts, paths
from partsjournal.core import vocabulary as vocab
from partsjournal.flow import care_words, exercises, runner
from partsjournal.flow.engine import Run
from tests.askers import AutoAsker
from tests.conftest import Cli, entry_files

WHEN = datetime(2026, 11, 20, 21, 15, tzinfo=timezone(timedelta(hours=1)))

# the dialogues that ask inside which part is here, and where "nothing came" goes on
FINDING = [
    ("protector", "closing"),
    ("prepare", "other_parts"),
    ("after-session", "what_changed"),
    ("firefighter", "closing"),
    ("unblend", "closing"),
]


def walk(
    name: str, answers: dict[str, Any], replies: list[tuple[str, bool | str]] | None = None
) -> tuple[list[str], dict[str, Any]]:
    replies = [*(replies or []), *([("support card", False)] if name == "prepare" else [])]
    asker = AutoAsker(dict(answers), replies)
    entry = runner.walk_and_save(Run(exercise=exercises.get(name)), asker, WHEN)
    assert entry is not None
    return asker.asked, tomllib.loads(entry_files(paths.home())[-1].read_text(encoding="utf-8"))


def first(roles: list[str | None], role: str) -> int:
    return roles.index(role)


# --------------------------------------------------------------------------- the six F's


def test_the_protector_is_found_focused_fleshed_out_felt_toward_befriended_then_its_fears() -> None:
    roles = [s.role for s in exercises.get("protector").steps]
    order = [
        vocab.PART,  # find
        vocab.CONSENT,  # focus: and ask whether it is willing
        vocab.PART_IMAGE,  # flesh out
        vocab.PART_BODY,
        vocab.FEEL_TOWARD,  # feel toward, with the unblending check
        vocab.UNBLEND,
        vocab.PART_PURPOSE,  # befriend: what it does
        vocab.PART_HOPES,  # what it hopes for
        vocab.PART_STRENGTHS,  # appreciation
        vocab.PART_FEARS,  # and only then its fears
    ]
    where = [first(roles, role) for role in order]
    assert where == sorted(where)


def test_walking_the_protector_asks_what_it_does_and_hopes_and_appreciates_it_before_its_fears(
    home: Path,
) -> None:
    asked, data = walk("protector", {"name_part": "The Critic", "hopes": "That I am safe"})
    by_role = {a.get("role"): a["step"] for a in data["answers"]}
    steps = [by_role[r] for r in (vocab.PART_PURPOSE, vocab.PART_HOPES, vocab.PART_STRENGTHS)]
    fears = by_role[vocab.PART_FEARS]
    assert all(asked.index(s) < asked.index(fears) for s in steps)
    hopes = next(a for a in data["answers"] if a.get("role") == vocab.PART_HOPES)
    assert hopes["value"] == "That I am safe" and hopes["part"] == "the-critic"


# --------------------------------------------------------------------------- nothing came


@pytest.mark.parametrize(("name", "target"), FINDING)
def test_nothing_came_is_an_answer_that_closes_gently(home: Path, name: str, target: str) -> None:
    step = exercises.get(name).step("name_part")
    assert step is not None and step.optional and step.kind == "part"
    asked, data = walk(name, {"name_part": ""})
    i = asked.index("name_part")
    assert asked[i + 1 : i + 3] == ["nothing_came", target]
    assert data["parts"] == [] and parts.load_all() == []


def test_nothing_came_from_an_answers_file(cli: Cli, tmp_path: Path, home: Path) -> None:
    f = tmp_path / "a.toml"
    f.write_text('situation = "Monday"\nactivation_before = 4\nname_part = ""\n', encoding="utf-8")
    result = cli("exercise", "protector", "--answers", str(f))
    assert result.exit_code == 0, result.output
    data = tomllib.loads(entry_files(home)[0].read_text(encoding="utf-8"))
    assert {a["step"] for a in data["answers"]} >= {"name_part", "situation"}
    assert "purpose" not in {a["step"] for a in data["answers"]}


# --------------------------------------------------------------------------- tender parts


def test_prepare_checks_for_a_tender_part_after_the_parts_worries(home: Path) -> None:
    back = care_words.TENDER_BACK.replace("{part}", "The Nervous One")
    asked, data = walk(
        "prepare",
        {"name_part": "The Nervous One", "tender": True, "tender_part": "Small One"},
        [(care_words.TENDER_ASK, back)],  # care's check after it came close: settled, back
    )
    i = asked.index("tender")
    assert asked.index("part_fears") < i
    assert asked[i + 1 : i + 7] == [
        "tender_witness", "tender_part", "tender_note", "tender_settle",
        "stirred_after_tender", "tender_back",  # care's check comes between
    ]  # fmt: skip
    got = {a["step"]: a for a in data["answers"]}
    assert got["tender_part"]["role"] == vocab.EXILE
    assert got["part_needs"]["part"] == "the-nervous-one"  # back with the part it was about


def test_only_the_tender_part_steps_name_a_tender_part_and_always_after_a_greeting_from_afar() -> (
    None
):
    source = exercises.get("tender-part")
    witness = source.step("tender_witness")
    found = 0
    for name in exercises.names():
        ex = exercises.get(name)
        ids = [s.id for s in ex.steps]
        for step in ex.steps:
            if step.role != vocab.EXILE:
                continue
            found += 1
            theirs = source.step(step.id)
            assert theirs is not None and theirs.text == step.text, (name, step.id)
            assert "tender_witness" in ids and ids.index("tender_witness") < ids.index(step.id)
            assert ex.step("tender_witness").text == witness.text  # type: ignore[union-attr]
    assert found >= 7  # every dialogue, journey and tender-part itself


def test_the_promise_to_a_tender_part_holds_with_or_without_a_therapist() -> None:
    witness = exercises.get("tender-part").step("tender_witness")
    assert witness is not None
    promise = witness.text[witness.text.index('"') : witness.text.rindex('"')]
    assert "come back" in promise and "therapist" not in promise.lower()


# --------------------------------------------------------------------------- when it is a lot


def test_a_tender_part_that_comes_close_is_never_required_to_have_a_name() -> None:
    """Walked in a terminal: a protector's tender part came close, and Enter at "If it would
    like a name for now, what could you call it?" was met with "Please give the part's name.",
    at the moment a person may be flooded. Every question of a tender part's steps can be
    left empty, in every exercise that includes them."""
    found = 0
    for name in exercises.names():
        for step in exercises.get(name).steps:
            if step.id in {s.id for s in exercises.get("tender-part").steps} and step.asks:
                found += 1
                assert step.optional, (name, step.id)
    assert found >= 14  # the name and the note, in tender-part and every dialogue


def test_a_tender_part_left_unnamed_saves_its_note_and_names_no_part(home: Path) -> None:
    asked, data = walk(
        "protector",
        {
            "name_part": "The Critic",
            "tender": True,
            "tender_part": "",
            "tender_note": "Crying",
            "stirred_after_tender": 3,
        },
        [(care_words.TENDER_ASK, care_words.TENDER_BACK.replace("{part}", "The Critic"))],
    )
    got = {a["step"]: a for a in data["answers"]}
    assert got["tender_note"]["value"] == "Crying" and got["tender_part"]["value"] == ""
    assert [p["name"] for p in data["parts"]] == ["The Critic"]
    assert "stirred_after_tender" in asked  # care's check all the same


def test_on_the_way_to_a_gentle_close_nothing_written_is_required() -> None:
    """Walked in a terminal: after a tender part came close (9, grounding, 6), "Go on to a gentle
    close", and Enter at "what did you learn about The Critic?" was refused: "Please give some
    text (this step is not optional)". A person who is not settled is not made to write: every
    written question from an exercise's ``close_from`` on can be left empty."""
    found = 0
    for name in exercises.names():
        ex = exercises.get(name)
        if ex.close_from is None:
            continue
        ids = [s.id for s in ex.steps]
        for step in ex.steps[ids.index(ex.close_from) :]:
            if step.kind in ("text", "long_text"):
                found += 1
                assert step.optional, (name, step.id)
    assert found >= 8
