"""`edit` shows the answers as plain text under their questions and reads them back exactly;
`edit --raw` opens the file itself; a refused edit keeps the person's text."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from partsjournal.core import entry
from partsjournal.core.entry import Entry
from partsjournal.flow import entry_text
from tests.conftest import Cli
from tests.helpers import fake_editor
from tests.journal_fixtures import at, day, make_part, protector

# any text an answer can hold (what TOML can store: no lone surrogates, no NUL)
TEXT = st.text(st.characters(codec="utf-8", exclude_characters="\x00"))
TRICKY = [
    "## situation",
    "# not a note",
    "\\",
    "\\## escaped already",
    "",
    "\n",
    "line\n\n",
    "\r\n## a\r\n",
    "##",
    "## fears\n## needs",
    " ## spaced",
]


def answers_data(values: list[Any]) -> dict[str, Any]:
    kinds = {str: "long_text", int: "scale", bool: "yes_no", list: "choice"}
    return {
        "id": "2026-11-20T210000-abcdef",
        "schema": 1,
        "answers": [
            {"step": f"step_{n}", "kind": kinds[type(v)], "prompt": f"Question {n}?", "value": v}
            for n, v in enumerate(values)
        ]
        + [{"step": "go_on", "kind": "guide", "prompt": "Ready?", "value": True}],
    }


VALUES = st.lists(
    st.one_of(
        TEXT,
        st.sampled_from(TRICKY),
        st.integers(0, 10),
        st.booleans(),
        st.lists(st.text("abc xyz-", min_size=1).filter(str.strip), max_size=3),
    ),
    max_size=6,
)


@given(VALUES)
@example(TRICKY)
def test_every_answer_comes_back_exactly(values: list[Any]) -> None:
    data = answers_data(values)
    assert entry_text.from_text(entry_text.to_text(data, "A heading"), data) == data


@given(VALUES, st.data())
@example(["old"], None)
def test_new_answers_written_under_the_questions_are_read_exactly(
    values: list[Any], data: Any
) -> None:
    """What a person writes in place of each answer, of the same kind, is what is saved."""
    before = answers_data(values)
    after = answers_data(
        [
            (data.draw(TEXT) if data is not None else "new\n## looks like a question")
            if isinstance(v, str)
            else v
            for v in values
        ]
    )
    written = entry_text.to_text(after)  # the text as the person left it
    assert entry_text.from_text(written, before) == after


def test_the_text_shows_questions_and_answers_and_nothing_to_get_wrong() -> None:
    data = answers_data(["The team meeting", 7, True, ["calm", "curious"]])
    text = entry_text.to_text(data, "Meeting a protector part")
    assert "## step_0\n# Question 0?\nThe team meeting\n" in text
    assert "## step_1\n# Question 1? (a whole number)\n7\n" in text
    assert "## step_2\n# Question 2? (yes or no)\nyes\n" in text
    assert "## step_3\n# Question 3? (one choice a line)\ncalm\ncurious\n" in text
    assert "go_on" not in text and "schema" not in text and data["id"] not in text


def test_a_hash_line_the_person_types_is_kept_in_the_answer() -> None:
    """Only partsjournal's own notes are left out: nothing typed is lost for starting with #."""
    data = answers_data(["first"])
    text = entry_text.to_text(data).replace("\nfirst\n", "\nfirst\n# my own note\n## not one\n")
    [answer, _guide] = entry_text.from_text(text, data)["answers"]
    assert answer["value"] == "first\n# my own note\n## not one"


@pytest.mark.parametrize(
    ("edit", "why"),
    [
        (lambda t: t.replace("\n7\n", "\nseven\n"), "must be a whole number, not 'seven'"),
        (lambda t: t.replace("\nyes\n", "\nmaybe\n"), "must be yes or no"),
        (lambda t: t.replace("## step_1\n", ""), "question step_1 is missing"),
        (lambda t: t.replace("## step_1\n", "## step_9\n"), "question step_1 is missing"),
        (lambda t: t + "## step_9\nmore\n", "there is no question step_9"),
        (lambda t: t + "## step_0\nagain\n", "step_0 is there twice"),
        (lambda t: "stray words\n" + t, "'stray words' is above the first question"),
    ],
)
def test_text_that_cannot_become_the_answers_is_refused_saying_why(edit: Any, why: str) -> None:
    data = answers_data(["The team meeting", 7, True])
    with pytest.raises(entry_text.TextRefused, match=why.replace("(", r"\(")):
        entry_text.from_text(edit(entry_text.to_text(data)), data)


# --------------------------------------------------------------------------- the command


@pytest.fixture
def saved(home: Path) -> Entry:
    return protector(at(day(20)), make_part("The Critic", day(1)), situation="Too many lists")


def test_edit_opens_the_answers_as_text_and_saves_them(
    cli: Cli, saved: Entry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert saved.path is not None
    before = tomllib.loads(saved.path.read_text(encoding="utf-8"))
    fake_editor(
        tmp_path,
        monkeypatch,
        "assert '## situation' in text and 'schema =' not in text and p.suffix == '.txt'\n"
        "p.write_text(text.replace('Too many lists', 'Lists\\n## and a line like a heading')"
        ".replace('\\n7\\n', '\\n5\\n'))",
    )
    result = cli("edit", saved.id)
    assert result.exit_code == 0, result.output
    after = tomllib.loads(saved.path.read_text(encoding="utf-8"))
    reread = entry.load(saved.path)
    assert reread.answer("situation").value == "Lists\n## and a line like a heading"  # type: ignore[union-attr]
    assert reread.activation() == (5, 4)
    # nothing but those two answers changed
    changed = [
        a["step"] for a, b in zip(before["answers"], after["answers"], strict=True) if a != b
    ]
    assert changed == ["situation", "activation_before"]
    assert {k: v for k, v in before.items() if k != "answers"} == {
        k: v for k, v in after.items() if k != "answers"
    }


def test_a_refused_text_edit_keeps_the_persons_text_and_the_entry(
    cli: Cli, saved: Entry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert saved.path is not None
    before = saved.path.read_bytes()
    fake_editor(tmp_path, monkeypatch, "p.write_text(text.replace('\\n7\\n', '\\nquite a lot\\n'))")
    result = cli("edit", saved.id)
    assert result.exit_code == 1
    assert "must be a whole number" in result.stderr and "unchanged" in result.stderr
    assert saved.path.read_bytes() == before
    [kept] = [p for p in saved.path.parent.iterdir() if p.name.startswith(".")]
    assert kept.name.endswith(".edit.txt") and "quite a lot" in kept.read_text(encoding="utf-8")
    assert f"kept in {kept}" in result.stderr


def test_edit_raw_opens_the_file_itself(
    cli: Cli, saved: Entry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_editor(
        tmp_path,
        monkeypatch,
        "assert 'schema = ' in text and p.suffix == '.toml'\n"
        "p.write_text(text.replace('Too many lists', 'Raw words'))",
    )
    result = cli("edit", "--raw", saved.id)
    assert result.exit_code == 0, result.output
    assert entry.load(saved.path).answer("situation").value == "Raw words"  # type: ignore[arg-type,union-attr]


def test_an_unchanged_text_edit_changes_nothing(
    cli: Cli, saved: Entry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert saved.path is not None
    before = saved.path.read_bytes()
    fake_editor(tmp_path, monkeypatch, "pass")
    result = cli("edit", saved.id)
    assert result.exit_code == 0 and "No changes" in result.stdout
    assert saved.path.read_bytes() == before
    assert [p for p in saved.path.parent.iterdir() if p.name.startswith(".")] == []
