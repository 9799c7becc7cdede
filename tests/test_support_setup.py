"""Setting up the people behind the support card before they are needed."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest

from partsjournal.core import config
from partsjournal.flow import care_words, runner
from partsjournal.flow.engine import Paused
from partsjournal.render import card
from tests.askers import AutoAsker, FakeAsker, Turns
from tests.conftest import PROTECTOR_ANSWERS, Cli, entry_files
from tests.pty_helpers import write_exercise

ONE_STEP = [{"id": "note", "kind": "text", "text": "A note?"}]
SETUP = "support card"


def plain(cfg: config.Config) -> str:
    return card.card_text(cfg, care_words.CARD).plain


SET_UP = {
    "clinic_name": "Riverside clinic",
    "clinic_after_hours": "012 345 999",
    "clinic_reach": "012 345 678",
    "crisis_line": "Night line 0800 111",
    "contact_name": Turns("Sam", ""),  # one person, then Enter on the second name ends the list
    "contact_reach": "call 555 0100",
    "note": "hello",
}


class PausesAtTheOffer(FakeAsker):
    """Ctrl-C at the offer: the asker raises Paused, as the terminal one does."""

    def confirm(self, question: str, *, default: bool | None = True) -> bool:
        self.questions.append(question)
        raise Paused


@pytest.mark.usefixtures("support_offer")
def test_set_up_asks_for_the_clinic_line_and_a_crisis_line_first_then_people(home: Path) -> None:
    write_exercise(home, "one", ONE_STEP)
    asker = FakeAsker(dict(SET_UP), [(SETUP, True)])
    assert runner.run_exercise("one", asker=asker) is not None
    assert asker.asked[:7] == [
        "clinic_name", "clinic_after_hours", "clinic_reach", "crisis_line",
        "contact_name", "contact_reach", "contact_name",
    ]  # fmt: skip
    cfg = config.read()
    assert [(c.name, c.reach) for c in cfg.contacts] == [("Sam", "call 555 0100")]
    assert cfg.therapist == config.Therapist("Riverside clinic", "012 345 678", "012 345 999")
    assert cfg.crisis_line == "Night line 0800 111" and cfg.support_offered
    shown = plain(cfg)
    order = ["Your clinic after hours (Riverside clinic): 012 345 999", "Night line", "Sam"]
    assert [shown.index(words) for words in order] == sorted(shown.index(w) for w in order)
    assert shown.index("Sam") < shown.index("Your therapist or clinic (Riverside clinic)")

    again = FakeAsker({"note": "again"})  # no question about the card this time
    assert runner.run_exercise("one", asker=again) is not None


@pytest.mark.usefixtures("support_offer")
def test_declining_the_offer_is_remembered_and_never_asked_again(home: Path) -> None:
    write_exercise(home, "one", ONE_STEP)
    assert runner.run_exercise("one", asker=FakeAsker({"note": "x"}, [(SETUP, False)]))
    assert config.read().support_offered and config.read().contacts == []
    shutil.rmtree(home / "entries")  # as new as before: only the remembered answer differs
    assert runner.run_exercise("one", asker=FakeAsker({"note": "y"})) is not None


@pytest.mark.usefixtures("support_offer")
@pytest.mark.parametrize("first", ["note", "exercise"])
def test_the_first_exercise_is_offered_the_card_whatever_the_journal_holds(
    home: Path, cli: Cli, tmp_path: Path, first: str
) -> None:
    """The README's own path starts with a note; a scripted run is never asked anything."""
    if first == "note":
        assert cli("note", "snapped at J; chest tight").exit_code == 0
    else:
        answers = tmp_path / "a.toml"
        answers.write_text(PROTECTOR_ANSWERS, encoding="utf-8")
        assert cli("exercise", "protector", "--answers", str(answers)).exit_code == 0
    write_exercise(home, "one", ONE_STEP)
    asker = FakeAsker({"note": "x"}, [(SETUP, False)])
    assert runner.run_exercise("one", asker=asker) is not None
    assert asker.replies == [] and config.read().support_offered


@pytest.mark.usefixtures("support_offer")
def test_ctrl_c_at_the_offer_pauses_and_the_offer_comes_again(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_exercise(home, "one", ONE_STEP)
    paused = PausesAtTheOffer({"note": "x"})
    assert runner.run_exercise("one", asker=paused) is None
    assert paused.asked == [] and entry_files(home) == []  # the exercise did not start
    assert "Nothing was started" in capsys.readouterr().out
    assert not config.read().support_offered  # not taken as a no
    asker = FakeAsker({"note": "x"}, [(SETUP, False)])
    assert runner.run_exercise("one", asker=asker) is not None and asker.replies == []


@pytest.mark.usefixtures("support_offer")
def test_grounding_is_never_held_up_by_the_offer(home: Path) -> None:
    write_exercise(home, "grounding", [{"id": "feet", "kind": "guide", "text": "Feet."}])
    asker = FakeAsker()  # any question about the card would fail here
    assert runner.run_exercise("grounding", asker=asker) is not None
    assert asker.questions == []


def test_config_therapist_is_set_shown_and_cleared(cli: Cli, home: Path) -> None:
    result = cli("config", "therapist", "Riverside clinic", "012 345", "--after-hours", "012 999")
    assert result.exit_code == 0, result.output
    data = tomllib.loads((home / "config.toml").read_text(encoding="utf-8"))
    assert data["therapist"] == {
        "name": "Riverside clinic",
        "reach": "012 345",
        "after_hours": "012 999",
    }
    shown = cli("config").stdout
    assert "Therapist or clinic: Riverside clinic: 012 345 (after hours: 012 999)" in shown
    assert cli("config", "therapist", "--clear").exit_code == 0
    assert "therapist" not in tomllib.loads((home / "config.toml").read_text(encoding="utf-8"))
    assert cli("config", "therapist").exit_code == 2


def test_the_default_card_names_no_number_for_the_therapist_either(home: Path) -> None:
    shown = plain(config.Config())
    assert "therapist or clinic" not in shown.lower() and not any(ch.isdigit() for ch in shown)


PREPARE = {
    "session_thoughts": "The room",
    "activation_before": 4,
    "name_part": "The Worrier",
    "feel_toward": "curious",
    "part_feeling": "afraid of losing control",
    "part_fears": "Saying too much",
    "stirred_now": "",
    "part_purpose": "Keeping me safe",
    "part_needs": "To know someone stays",
    "other_parts": "",
    "intention": "Meet the tiredness",
    "support_people": "Anna, my sister",
    "grounding": "Tea",
    "activation_after": 3,
}


def test_prepare_offers_its_people_for_the_card_when_saved(home: Path) -> None:
    answers = dict(PREPARE, contact_name="Anna", contact_reach="0123 456")
    asker = AutoAsker(answers, [("Anna, my sister", True)])  # prepare's other questions: defaults
    names = iter(["Anna", ""])
    real_ask = asker.ask

    def ask(step, text, number, total, typed="", **_):  # type: ignore[no-untyped-def]
        if step.id == "contact_name":
            return next(names)
        return real_ask(step, text, number, total, typed)

    asker.ask = ask  # type: ignore[method-assign]
    entry = runner.run_exercise("prepare", asker=asker)
    assert entry is not None and len(entry_files(home)) == 1
    assert [(c.name, c.reach) for c in config.read().contacts] == [("Anna", "0123 456")]
