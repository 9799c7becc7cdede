"""The support card (observation 6): an empty card still gives something to act on, the lines
set-up asks for first come first, and grounding promises only what the card holds."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from partsjournal.core import config
from partsjournal.flow import care_words, exercises, runner
from partsjournal.flow.engine import Run
from partsjournal.render import card
from tests.askers import FakeAsker
from tests.conftest import Cli
from tests.helpers import TODAY, flat_screen
from tests.keys import CTRL_C, ENTER, Typing, line, shown_in_order
from tests.pty_helpers import write_exercise

WORDS = care_words.CARD

FULL = config.Config(
    contacts=[config.Contact("Sam", "call 555 0100"), config.Contact("Ana", "text 555 0111")],
    crisis_line="Night line 0800 111",
    therapist=config.Therapist("Riverside clinic", "012 345 678", "012 345 999"),
)


def plain(cfg: config.Config, **how: object) -> str:
    return flat_screen(card.card_text(cfg, WORDS, **how).plain)  # type: ignore[arg-type]


def test_an_empty_card_names_a_directory_and_says_in_words_how_to_add_people() -> None:
    shown = plain(config.Config())
    assert "findahelpline.com" in shown and "Befrienders Worldwide" in shown
    assert "put someone you trust on this card: give their name and how to reach them" in shown
    assert not any(ch.isdigit() for ch in shown)  # no country's number is built in


def test_the_card_lists_the_clinic_line_and_the_crisis_line_before_people() -> None:
    shown = plain(FULL)
    order = [
        "Your clinic after hours (Riverside clinic): 012 345 999",
        "Your crisis line: Night line 0800 111",
        "Sam: call 555 0100",
        "Ana: text 555 0111",
        "Your therapist or clinic (Riverside clinic): 012 345 678",
    ]
    at = [shown.index(line) for line in order]
    assert at == sorted(at)
    assert "findahelpline" not in shown  # a crisis line is there: no directory needed


@pytest.mark.parametrize(
    ("first", "top"),
    [
        (config.CRISIS_LINE, "Your crisis line"),
        (config.PERSON, "Sam"),
        (config.THERAPIST, "Your therapist or clinic"),
        (config.AFTER_HOURS, "Your clinic after hours"),
        (None, "Your clinic after hours"),
    ],
)
def test_what_matters_now_is_listed_first(first: str | None, top: str) -> None:
    people = FULL.reach_in_order(first)
    assert card.reach_line(people[0], WORDS).startswith(top)
    assert len(people) == 5  # nobody is left out


def test_people_but_no_crisis_line_still_names_the_directory() -> None:
    cfg = config.Config(contacts=[config.Contact("Sam", "call 555 0100")])
    assert "findahelpline.com" in plain(cfg)


def test_a_focused_card_is_the_lead_and_the_people_only() -> None:
    shown = plain(FULL, lead="Please reach out now.", first=config.CRISIS_LINE, focus=True)
    assert shown.startswith("Please reach out now. Who you can reach: • Your crisis line")
    assert WORDS.opening not in shown and "not a crisis service" not in shown


def test_the_reminder_names_the_first_to_reach_or_the_directory(
    home: Path, cli: Cli, capsys: pytest.CaptureFixture[str]
) -> None:
    card.reminder(WORDS)
    assert cli("config", "contact", "add", "Sam", "call 555 0100").exit_code == 0
    card.reminder(WORDS)
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        "If you need someone: findahelpline.com · a few slow minutes: partsjournal ground",
        "If you need someone: Sam: call 555 0100 · a few slow minutes: partsjournal ground",
    ]


# the first to reach as the one line names them, mid-sentence: the card's own label in lower
# case and a comma (never "If you need someone: Your crisis line: ..."), a person by the name
# the person gave, as the card lists them
IN_LINE = {
    config.AFTER_HOURS: "your clinic after hours (Riverside clinic), 012 999",
    config.CRISIS_LINE: "your crisis line, Night line 0800 111",
    config.PERSON: "Sam: text 555 0100",
    config.THERAPIST: "your therapist or clinic (Riverside clinic), 012 345 678",
}
ONLY = {  # a card with one kind of contact on it, set as the person sets it
    config.AFTER_HOURS: [
        ["config", "therapist", "Riverside clinic", "--after-hours", "012 999"],
    ],
    config.CRISIS_LINE: [["config", "crisis-line", "Night line 0800 111"]],
    config.PERSON: [["config", "contact", "add", "Sam", "text 555 0100"]],
    config.THERAPIST: [["config", "therapist", "Riverside clinic", "012 345 678"]],
    "nobody": [],
}


@pytest.mark.parametrize("kind", list(ONLY))
def test_the_one_line_reads_as_one_sentence_for_every_kind_of_contact(
    cli: Cli, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    """Walked in a terminal: "If you need someone: Your crisis line: Night line 0800 111 · a
    few slow minutes: partsjournal ground", a capital "Your" mid-sentence and two colons in a
    row."""
    for args in ONLY[kind]:
        assert cli(*args).exit_code == 0, args
    capsys.readouterr()
    card.reminder(WORDS)
    [said] = capsys.readouterr().out.splitlines()
    who = IN_LINE.get(kind, "findahelpline.com")
    assert said == f"If you need someone: {who} · a few slow minutes: partsjournal ground"
    lead = said.split(" · ")[0]
    assert "Your" not in lead
    assert lead.count(":") == (2 if kind == config.PERSON else 1)  # "Sam: text 555 0100"


def test_grounding_promises_only_what_the_card_holds() -> None:
    safe = exercises.load_file(exercises.builtin_dir() / "grounding.toml").step("safe")
    assert safe is not None and safe.hint is not None
    assert "who you can reach" not in safe.hint and "support card" in safe.hint


def test_a_clinic_with_only_an_after_hours_line_is_kept(cli: Cli, home: Path) -> None:
    assert config.set_therapist("Riverside clinic", "", "012 345 999") is not None
    data = tomllib.loads((home / "config.toml").read_text(encoding="utf-8"))
    assert data["therapist"] == {"name": "Riverside clinic", "after_hours": "012 345 999"}
    assert config.read().therapist == config.Therapist("Riverside clinic", "", "012 345 999")
    shown = plain(config.read())
    assert "Your clinic after hours (Riverside clinic): 012 345 999" in shown
    assert "Your therapist or clinic" not in shown  # no office line to list
    assert cli("config", "therapist", "Riverside clinic").exit_code == 2  # still needs a way


CARDED = [
    {"id": "care", "kind": "guide", "text": "Please talk to someone.", "card": True},
    {"id": "next", "kind": "text", "text": "What is here now?"},
    {"id": "last", "kind": "text", "text": "Anything else?"},
]


def test_the_one_line_is_not_printed_right_under_the_card_it_repeats(
    cli: Cli, terminal: Typing, home: Path
) -> None:
    """Walked in a terminal (firefighter, "urges to hurt myself"; integrate, flashbacks on two
    days): the whole card, and right under it "If you need someone: ..." repeating its first
    line. The line belongs to the screens after the card, and to the close."""
    assert cli("config", "contact", "add", "Sam", "text 555 0100").exit_code == 0
    write_exercise(home, "carded", CARDED)
    with terminal.typing(ENTER, line("Tired"), line("No")):
        result = cli("exercise", "carded")
    assert result.exit_code == 0, result.output
    out = result.stdout
    reminder = WORDS.reminder.format(who="Sam: text 555 0100")
    shown_in_order(out, WORDS.opening, "What is here now?", reminder, "Anything else?", reminder)
    assert out.count(reminder) == 2  # after "What is here now?" and at the close
    between = out[out.index(WORDS.opening) : out.index("What is here now?")]
    assert reminder not in between


CALM_AFTER_THE_CARD = [
    {"id": "level", "kind": "scale", "role": "activation-before", "text": "How stirred up?"},
    {"id": "care", "kind": "guide", "text": "Please talk to someone.", "card": True},
    *({"id": f"step{n}", "kind": "text", "text": f"Question {n}?"} for n in range(1, 6)),
]


# at 9, once more: right after "safe" with grounding declined, before going on or stopping
@pytest.mark.parametrize(("level", "lines"), [(3, 2), (7, 2), (8, 5), (9, 6)])
def test_after_the_card_its_line_follows_every_step_only_while_it_is_a_lot(
    home: Path, cli: Cli, capsys: pytest.CaptureFixture[str], level: int, lines: int
) -> None:
    """Walked in a terminal twice: after the card, "If you need someone: ..." came after every
    step of a calm run (about twenty times in one protector run), read as nagging. It comes
    once on the screen after the card and at the close; after every step only while the last
    rating was 8 or more."""
    assert cli("config", "contact", "add", "Sam", "text 555 0100").exit_code == 0
    write_exercise(home, "carded", CALM_AFTER_THE_CARD)
    answers: dict[str, object] = {"level": level} | {f"step{n}": "x" for n in range(1, 6)}
    hard = [
        ("ground yourself first", care_words.NOT_NOW),
        (care_words.SAFE, True),
        (care_words.GO_ON_OR_STOP, care_words.GO_ON),
    ]
    asker = FakeAsker(answers, hard if level >= 8 else [])
    capsys.readouterr()
    entry = runner.walk_and_save(Run(exercise=exercises.get("carded")), asker, TODAY)
    assert entry is not None and asker.replies == []
    out = capsys.readouterr().out
    assert out.count(WORDS.reminder.format(who="Sam: text 555 0100")) == lines


def test_a_pause_after_the_card_was_shown_keeps_its_one_line(
    cli: Cli, terminal: Typing, home: Path
) -> None:
    """Walked in a terminal: firefighter, "wanting more of a substance", the card, "safe enough:
    yes", then Ctrl-C at a rating of 5: "Paused." and nothing more, while the close of such a
    run ends with the card's one line. A pause after the card keeps that line too."""
    assert cli("config", "contact", "add", "Sam", "text 555 0100").exit_code == 0
    write_exercise(home, "carded", CARDED)
    with terminal.typing(ENTER, CTRL_C):
        result = cli("exercise", "carded")
    assert result.exit_code == 0, result.output
    out = result.stdout
    shown_in_order(out, WORDS.opening, "Paused.", WORDS.reminder.format(who="Sam: text 555 0100"))


@pytest.mark.parametrize("first", config.ORDER)
def test_a_card_step_may_list_one_kind_of_contact_first_and_its_line_says_the_same(
    cli: Cli, terminal: Typing, home: Path, first: str
) -> None:
    """Walked in a terminal: integrate's flashbacks step says "tell your therapist now" and the
    card under it listed the therapist last. A step's ``card`` may name the kind to list first;
    the whole card and, once it was shown, the one line at a later card step both start there."""
    for args in (
        ["config", "therapist", "Riverside clinic", "012 345 678", "--after-hours", "012 999"],
        ["config", "crisis-line", "Night line 0800 111"],
        ["config", "contact", "add", "Sam", "text 555 0100"],
    ):
        assert cli(*args).exit_code == 0
    top = {
        config.AFTER_HOURS: "Your clinic after hours (Riverside clinic): 012 999",
        config.CRISIS_LINE: "Your crisis line: Night line 0800 111",
        config.PERSON: "Sam: text 555 0100",
        config.THERAPIST: "Your therapist or clinic (Riverside clinic): 012 345 678",
    }
    steps = [
        {"id": "care", "kind": "guide", "text": "Please talk to someone.", "card": first},
        {"id": "next", "kind": "text", "text": "What is here now?"},
        {"id": "again", "kind": "guide", "text": "Still here.", "card": first},
    ]
    write_exercise(home, "carded", steps)
    with terminal.typing(ENTER, line("Tired"), ENTER):
        result = cli("exercise", "carded")
    assert result.exit_code == 0, result.output
    out = flat_screen(result.stdout)
    on_card = out[out.index(WORDS.opening) : out.index("What is here now?")]
    assert min(on_card.index(text) for text in top.values()) == on_card.index(top[first])
    after = out[out.index("Still here.") :]
    assert WORDS.reminder.format(who=IN_LINE[first]) in after


def test_a_card_step_naming_no_kind_of_contact_is_refused_with_the_kinds_it_may_name() -> None:
    with pytest.raises(ValueError, match="use true or one of: after-hours, crisis-line"):
        exercises.Step(id="care", kind="guide", text="Please talk.", card="my sister")


def test_on_a_narrow_screen_a_number_stays_whole_and_each_line_hangs_under_its_bullet(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Walked at 40 columns after "Yes, right now": the card's first line read
    "• Your crisis line: Samaritans 116" and, at the card's left edge, "123". Someone
    dialling from the first row would call 116; a number is kept whole, and the rest of a
    line starts under its words, not under the bullet."""
    assert cli("config", "crisis-line", "Samaritans 116 123").exit_code == 0
    assert cli("config", "therapist", "Dr. Lee", "020 7946 0001").exit_code == 0
    monkeypatch.setenv("COLUMNS", "40")
    rows = [row.strip("│").rstrip() for row in cli("config").stdout.splitlines()]
    reach = rows[rows.index(" " + WORDS.reach_out) + 1 :]
    reach = reach[: next(i for i, row in enumerate(reach) if row.startswith("╰"))]
    assert "116 123" in "\n".join(reach)
    assert "020 7946 0001" in "\n".join(reach)
    assert all(row.startswith(("   • ", "     ")) for row in reach if row.strip()), reach
