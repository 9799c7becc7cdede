"""The grounding note and the crisis card in scripted runs, and the support settings."""

from __future__ import annotations

import stat
import tomllib
from pathlib import Path

import pytest

from partsjournal.core import config
from partsjournal.flow import care, care_words
from partsjournal.render import card
from tests.conftest import PROTECTOR_ANSWERS, Cli, entry_files

CARD = "not a crisis service"


def protector_with(tmp_path: Path, **values: int) -> Path:
    text = PROTECTOR_ANSWERS
    for key, value in values.items():
        text = "\n".join(
            f"{key} = {value}" if line.startswith(f"{key} =") else line
            for line in text.splitlines()
        )
    f = tmp_path / "answers.toml"
    f.write_text(text, encoding="utf-8")
    return f


@pytest.mark.parametrize("rating", [9, 10])
@pytest.mark.parametrize("step", ["activation_before", "activation_after"])
def test_card_on_stderr_at_9_and_10(
    cli: Cli, home: Path, tmp_path: Path, rating: int, step: str
) -> None:
    result = cli(
        "exercise", "protector", "--answers", str(protector_with(tmp_path, **{step: rating}))
    )
    assert result.exit_code == 0, result.output
    assert result.stderr.count(CARD) == 1
    assert "emergency" in result.stderr and CARD not in result.stdout
    assert len(entry_files(home)) == 1  # the entry is still saved


def test_no_card_at_8_only_a_note_about_grounding(cli: Cli, home: Path, tmp_path: Path) -> None:
    result = cli(
        "exercise", "protector", "--answers", str(protector_with(tmp_path, activation_before=8))
    )
    assert result.exit_code == 0
    assert CARD not in result.output
    assert "partsjournal ground" in result.stderr and "activation_before" in result.stderr


def test_no_card_and_no_note_below_8(cli: Cli, home: Path, tmp_path: Path) -> None:
    result = cli(
        "exercise", "protector", "--answers", str(protector_with(tmp_path, activation_before=7))
    )
    assert result.exit_code == 0
    assert result.stderr == ""


def test_card_shows_the_configured_contacts_and_crisis_line(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    assert cli("config", "contact", "add", "Sam", "call 555 0100").exit_code == 0
    assert cli("config", "crisis-line", "Night line 0800 000").exit_code == 0
    result = cli(
        "exercise", "protector", "--answers", str(protector_with(tmp_path, activation_before=9))
    )
    assert "Sam" in result.stderr and "call 555 0100" in result.stderr
    assert "Night line 0800 000" in result.stderr


def test_an_empty_card_names_a_directory_no_number_and_how_to_add_people(home: Path) -> None:
    text = card.card_text(config.Config(), care_words.CARD).plain
    assert not any(ch.isdigit() for ch in text)  # no country's number is built in
    assert "findahelpline.com" in text and "Befrienders Worldwide" in text
    assert "config contact add" in text and CARD in text


@pytest.mark.parametrize(("safe", "shown"), [("false", True), ("true", False)])
def test_not_feeling_safe_shows_the_card(
    cli: Cli, home: Path, tmp_path: Path, safe: str, shown: bool
) -> None:
    f = tmp_path / "g.toml"
    f.write_text(f"distress = 3\nsafe = {safe}\n", encoding="utf-8")
    result = cli("ground", "--answers", str(f))
    assert result.exit_code == 0, result.output
    assert (CARD in result.stderr) is shown
    data = tomllib.loads(entry_files(home)[0].read_text(encoding="utf-8"))
    roles = {a["role"]: a["value"] for a in data["answers"] if "role" in a}
    assert roles == {"distress": 3, "safety": safe == "true"}


def test_grounding_does_not_offer_grounding_at_8(cli: Cli, tmp_path: Path) -> None:
    f = tmp_path / "g.toml"
    f.write_text("distress = 8\nsafe = true\n", encoding="utf-8")
    result = cli("ground", "--answers", str(f))
    assert result.exit_code == 0 and result.stderr == ""


def test_grounding_needs_a_terminal_or_answers(cli: Cli) -> None:
    result = cli("ground")
    assert result.exit_code == 2 and "--answers" in result.stderr


@pytest.mark.parametrize(
    ("role", "value", "offer", "card"),
    [
        ("activation-before", 8, True, False),
        ("activation-after", 9, True, True),
        ("distress", 10, True, True),
        ("distress:body", 9, False, False),  # not a role: exercise files cannot use it
        ("activation", 7, False, False),
        ("self:calm", 10, False, False),
        ("safety", False, False, True),
        ("safety", True, False, False),
        ("distress", True, False, False),
        (None, 10, False, False),
    ],
)
def test_which_answers_bring_the_offer_and_the_card(
    role: str | None, value: object, offer: bool, card: bool
) -> None:
    assert care.offers_grounding(role, value) is offer
    assert care.needs_crisis_card(role, value) is card


def test_config_show_add_remove(cli: Cli, home: Path) -> None:
    assert "(none yet)" in cli("config").stdout
    assert cli("config", "contact", "add", "Sam", "call 555 0100").exit_code == 0
    assert cli("config", "contact", "add", "sam", "text instead").exit_code == 0  # updates
    shown = cli("config")
    assert "Sam: text instead" in shown.stdout and "call 555" not in shown.stdout
    f = home / "config.toml"
    assert stat.S_IMODE(f.stat().st_mode) == 0o600
    assert tomllib.loads(f.read_text(encoding="utf-8"))["contacts"] == [
        {"name": "Sam", "reach": "text instead"}
    ]
    assert cli("config", "contact", "remove", "SAM").exit_code == 0
    assert "(none yet)" in cli("config").stdout
    assert cli("config", "crisis-line", "Line 1").exit_code == 0
    assert cli("config", "crisis-line", "--clear").exit_code == 0
    assert "(not set)" in cli("config").stdout


@pytest.mark.parametrize(
    ("settings", "lacking"),
    [
        ([], ["clinic", "crisis line"]),  # an empty card says how to add a person itself
        ([("contact", "add", "Sam", "call")], ["clinic", "crisis line"]),
        ([("crisis-line", "Line 1")], ["clinic", "person"]),
        ([("therapist", "Riverside", "012")], ["clinic", "crisis line", "person"]),
        (
            [
                ("therapist", "Riverside", "--after-hours", "013"),
                ("crisis-line", "Line 1"),
                ("contact", "add", "Sam", "call"),
            ],
            [],
        ),
    ],
)
def test_config_says_how_to_add_what_the_card_does_not_hold_yet(
    cli: Cli, home: Path, settings: list[tuple[str, ...]], lacking: list[str]
) -> None:
    """Walked in a terminal: the set-up offer declined, "You can add people any time with:
    partsjournal config", and ``config`` then showed the card with no way to add the clinic's
    after-hours line or a crisis line (the two set-up asks for first)."""
    for args in settings:
        assert cli("config", *args).exit_code == 0
    shown = cli("config").stdout
    for what, how in care_words.HOW_TO_ADD.items():
        assert (how in shown) is (what in lacking), what


def test_config_shows_a_clinic_with_only_an_after_hours_line_plainly(cli: Cli, home: Path) -> None:
    """Walked in a terminal: "Therapist or clinic: Riverside Clinic:  (after hours: ...)"."""
    assert cli("config", "therapist", "Riverside Clinic", "--after-hours", "013").exit_code == 0
    assert "Therapist or clinic: Riverside Clinic (after hours: 013)\n" in cli("config").stdout


def test_unknown_settings_are_kept_when_the_file_is_rewritten(cli: Cli, home: Path) -> None:
    home.mkdir(parents=True)
    (home / "config.toml").write_text('theme = "quiet"\n', encoding="utf-8")
    assert cli("config", "contact", "add", "Sam", "call").exit_code == 0
    assert tomllib.loads((home / "config.toml").read_text(encoding="utf-8"))["theme"] == "quiet"


@pytest.mark.parametrize(
    "content",
    [b"contacts = [", b"\xff\xfe", b"", b'contacts = [{ name = "Sam" }]', b"crisis_line = 5"],
)
def test_a_broken_config_warns_once_and_the_default_card_still_shows(
    cli: Cli, home: Path, tmp_path: Path, content: bytes
) -> None:
    home.mkdir(parents=True)
    (home / "config.toml").write_bytes(content)
    result = cli(
        "exercise", "protector", "--answers", str(protector_with(tmp_path, activation_before=9))
    )
    assert result.exit_code == 0
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1 and "config.toml" in warnings[0]
    assert CARD in result.stderr
    changed = cli("config", "contact", "add", "Sam", "call")
    assert changed.exit_code == 1 and "fix it or move it away" in changed.stderr
    assert (home / "config.toml").read_bytes() == content  # never rewritten


def test_the_grounding_exercise_covers_feet_breath_senses_and_safety() -> None:
    from partsjournal.flow import exercises

    ex = exercises.get("grounding")
    text = " ".join(s.text for s in ex.steps).lower()
    for words in ("feet", "floor", "breathe", "see", "hear", "feel"):
        assert words in text
    roles = {s.role: s.kind for s in ex.steps if s.role}
    assert roles == {"distress": "scale", "safety": "yes_no"}


@pytest.mark.parametrize("args", [["drafts"], ["config"]])
def test_listing_drafts_and_settings_stays_light(home: Path, args: list[str]) -> None:
    # (typer 0.29 itself imports pydantic to coerce any option, so only questionary is checked)
    import os
    import subprocess
    import sys

    code = (
        "import sys\nfrom partsjournal.cli import main\n"
        "sys.argv = ['partsjournal', *sys.argv[1:]]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in {'questionary'})\n"
        "print('HEAVY', heavy, file=sys.stderr)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PARTSJOURNAL_HOME": str(home)},
        check=False,
    )
    assert "HEAVY []" in proc.stderr, proc.stderr
