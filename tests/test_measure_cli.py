"""``partsjournal measure``: setting up a published measure, taking it, listing results."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from partsjournal.core import care_record as rec
from partsjournal.core import entry as entry_mod
from partsjournal.core import vocabulary as vocab
from partsjournal.flow import care_words, measure_file, measure_run, measure_setup, measures_asked
from partsjournal.flow.engine import Paused
from partsjournal.views import measures
from tests.askers import BACK, PAUSE, FakeAsker, Turns
from tests.conftest import Cli, entry_files
from tests.helpers import flat_screen
from tests.journal_fixtures import PLACEHOLDER_LABELS, placeholder_items, set_up_measure


def words_file(tmp_path: Path, name: str, lines: list[str]) -> Path:
    f = tmp_path / name
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return f


def set_up(cli: Cli, tmp_path: Path, name: str = "phq-9", count: int = 9) -> None:
    items = words_file(tmp_path, "items.txt", placeholder_items(count))
    labels = words_file(tmp_path, "labels.txt", PLACEHOLDER_LABELS)
    result = cli("measure", "new", name, "--items", str(items), "--labels", str(labels))
    assert result.exit_code == 0, result.output


# --------------------------------------------------------------------------- measure new


def test_new_writes_the_measure_with_the_words_given_and_says_how_each_compares(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    items = words_file(tmp_path, "items.txt", [f"{n}. placeholder {n}" for n in range(1, 10)])
    labels = words_file(tmp_path, "labels.txt", PLACEHOLDER_LABELS)
    result = cli("measure", "new", "phq-9", "--items", str(items), "--labels", str(labels))
    assert result.exit_code == 0, result.output
    target = home / "exercises" / "phq-9.measure.toml"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    m = measure_file.read(target)
    assert [i.text for i in m.items] == [f"placeholder {n}" for n in range(1, 10)]  # numbers off
    assert m.scale.labels == PLACEHOLDER_LABELS
    assert "item 9: not the published wording" in result.stdout
    assert "partsjournal measure take phq-9" in result.stdout
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# The PHQ-9, ready for its words")  # the template's notes are kept
    assert text.count("fingerprints = [") == 10


def test_new_without_a_terminal_leaves_empty_slots_and_says_where_to_type(
    cli: Cli, home: Path
) -> None:
    result = cli("measure", "new", "gad-7")
    assert result.exit_code == 0, result.output
    target = home / "exercises" / "gad-7.measure.toml"
    assert "item 1: no words yet" in result.stdout
    assert f"type them into {target}" in " ".join(result.stdout.split())
    taking = cli("measure", "take", "gad-7", "--answers", "-", input="item_1 = 0\n")
    assert taking.exit_code == 1
    assert "item 1, item 2" in taking.stderr and "have no words" in taking.stderr
    assert entry_files(home) == []


def test_new_never_replaces_a_measure_already_set_up(cli: Cli, home: Path, tmp_path: Path) -> None:
    set_up(cli, tmp_path)
    target = home / "exercises" / "phq-9.measure.toml"
    before = target.read_bytes()
    again = cli("measure", "new", "phq-9")
    assert again.exit_code == 1 and "already set up" in again.stderr
    assert target.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "problem"),
    [
        (["measure", "new", "phq-8"], "no published measure called 'phq-8'"),
        (["measure", "new", "phq-9", "--items", "nowhere.txt"], "does not exist"),
    ],
)
def test_new_refuses_what_it_cannot_use(cli: Cli, args: list[str], problem: str) -> None:
    result = cli(*args)
    assert result.exit_code == 2 and problem in result.stderr


def test_new_refuses_a_words_file_with_the_wrong_number_of_lines(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    items = words_file(tmp_path, "items.txt", ["one", "", "two"])
    result = cli("measure", "new", "phq-9", "--items", str(items))
    assert result.exit_code == 2
    assert "has 2 lines of words, but the measure has 9 items" in result.stderr
    assert not (home / "exercises").exists()


def test_words_typed_at_a_terminal_fill_the_slots_and_a_pause_keeps_them(home: Path) -> None:
    template = measure_file.template("gad-7")
    asker = FakeAsker({"item_1": "1) first words", "item_2": "second words", "item_3": PAUSE})
    items, labels, finished = measure_setup.ask_words(template, asker)
    assert items[:3] == ["first words", "second words", ""] and not finished
    assert labels == ["", "", "", ""]
    path, m = measure_setup.install("gad-7", items, labels)
    assert measure_file.read(path, complete=False).items[1].text == "second words"
    assert m.missing_words()[:2] == ["item 3", "item 4"]


def test_a_measure_file_beside_the_exercises_is_not_taken_for_an_exercise(
    cli: Cli, tmp_path: Path
) -> None:
    set_up(cli, tmp_path)
    listed = cli("exercise")
    assert listed.exit_code == 0 and "phq-9" not in listed.stdout
    assert cli("exercise", "phq-9").exit_code == 2


# --------------------------------------------------------------------------- measure take


def test_take_with_an_answers_file_saves_a_scored_entry_linked_to_its_session(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    set_up(cli, tmp_path)
    assert cli("session", "add", "2026-11-26").exit_code == 0
    answers = "".join(f"item_{n} = {v}\n" for n, v in enumerate([3, 2, 1, 0, 3, 2, 1, 0], 1))
    answers += f'item_9 = "{PLACEHOLDER_LABELS[0]}"\n'  # a label works as well as a value
    result = cli("measure", "take", "phq-9", "--answers", "-", input=answers)
    assert result.exit_code == 0, result.output
    assert 'PHQ-9: 12 of 27, in the band PHQ-9 calls "moderate" (10-14)' in result.stdout
    assert "for talking with your clinician; they are not a diagnosis" in result.stdout
    (saved,) = entry_files(home)
    e = entry_mod.load(saved)
    assert (e.exercise, e.title, e.session, e.phase) == ("phq-9", "PHQ-9", "2026-11-26", "before")
    assert [a.value for a in e.by_role(vocab.MEASURE_ITEM)] == [3, 2, 1, 0, 3, 2, 1, 0]
    assert [a.value for a in e.by_role(vocab.MEASURE_SAFETY)] == [0]
    r = measures.result(e)
    assert r is not None and (r.total, r.highest, r.band, r.range) == (12, 27, "moderate", "10-14")
    assert r.safety == []


@pytest.mark.parametrize("published", [False, True])
def test_a_band_from_words_that_differ_from_the_published_ones_says_so(
    cli: Cli, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, published: bool
) -> None:
    """Walked in a terminal: ``measure new phq-9`` with placeholder words said "a score
    compares with the published bands only when every word is the same"; ``measure take``
    then gave "in the band PHQ-9 calls "mild"" with nothing more. The result says what set-up
    said."""
    set_up(cli, tmp_path)
    if published:  # as if every word had been typed from the clinic's sheet
        monkeypatch.setattr(
            measure_file,
            "wording_matches",
            lambda m: [(f"item {n}", True) for n in range(1, len(m.items) + 1)],
        )
    answers = "".join(f"item_{n} = 1\n" for n in range(1, 10))
    result = cli("measure", "take", "phq-9", "--answers", "-", input=answers)
    assert result.exit_code == 0, result.output
    said = flat_screen(result.stdout)
    assert 'in the band PHQ-9 calls "mild"' in said
    caveat = "not word for word the published ones, so the band is only a rough guide"
    assert (caveat in said) is not published


def test_item_9_above_its_lowest_answer_is_shown_apart_and_kept(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    set_up(cli, tmp_path)
    answers = "".join(f"item_{n} = 0\n" for n in range(1, 9)) + "item_9 = 1\n"
    result = cli("measure", "take", "phq-9", "--answers", "-", input=answers)
    assert result.exit_code == 0
    assert "PHQ-9: 1 of 27" in result.stdout
    assert 'item 9 is kept apart from the total: you answered "answer one"' in result.stderr
    assert "tell your prescriber about this answer before your next dose" in result.stderr
    (saved,) = entry_files(home)
    r = measures.result(entry_mod.load(saved))
    assert r is not None and r.safety == [(9, 1)]


@pytest.mark.parametrize(
    ("answers", "problem"),
    [
        ("item_1 = 0\n", "no answer for item_2"),
        ("".join(f"item_{n} = 0\n" for n in range(1, 10)) + "item_10 = 0\n", "names 'item_10'"),
        ("".join(f"item_{n} = 0\n" for n in range(1, 9)) + "item_9 = 4\n", "one of 0, 1, 2, 3"),
        ("".join(f"item_{n} = 0\n" for n in range(1, 9)) + 'item_9 = "often"\n', "not 'often'"),
        ("item_1 = \n", "is not valid TOML"),
    ],
)
def test_take_refuses_an_answers_file_that_does_not_fit_and_saves_nothing(
    cli: Cli, home: Path, tmp_path: Path, answers: str, problem: str
) -> None:
    set_up(cli, tmp_path)
    result = cli("measure", "take", "phq-9", "--answers", "-", input=answers)
    assert result.exit_code == 2 and problem in result.stderr
    assert entry_files(home) == []


def test_take_without_a_terminal_or_answers_asks_nothing(cli: Cli, tmp_path: Path) -> None:
    set_up(cli, tmp_path)
    result = cli("measure", "take", "phq-9")
    assert result.exit_code == 2 and "--answers" in result.stderr


def test_take_of_a_measure_not_set_up_names_the_way_to_set_it_up(cli: Cli) -> None:
    result = cli("measure", "take", "phq-9")
    assert result.exit_code == 2
    assert "partsjournal measure new phq-9" in result.stderr


def test_at_a_terminal_each_item_offers_the_scale_and_going_back_changes_an_answer(
    home: Path,
) -> None:
    m = set_up_measure("gad-7")
    one, two = PLACEHOLDER_LABELS[1], PLACEHOLDER_LABELS[2]
    answers = {f"item_{n}": one for n in range(1, 8)}
    answers["item_3"] = Turns(one, two)
    answers["item_4"] = Turns(BACK, two)
    asker = FakeAsker(answers)
    taken = measure_run.take(m, asker)
    entry, result = taken.entry, taken.score
    steps = [1, 2, 3, 4, 3, 4, 5, 6, 7]  # back from 4 to 3, then on again
    assert asker.asked == [f"item_{n}" for n in steps]
    assert asker.texts[0] == "Over the last two weeks: placeholder item 1"
    assert asker.counters[-1] == "7 of 7"
    assert result is not None and result.total == 1 + 1 + 2 + 2 + 1 + 1 + 1
    assert entry.path is not None and entry.path.exists()


def test_a_measure_stopped_part_way_saves_no_result_and_keeps_a_draft(cli: Cli, home: Path) -> None:
    m = set_up_measure("gad-7")
    asker = FakeAsker({"item_1": PLACEHOLDER_LABELS[0], "item_2": PAUSE})
    with pytest.raises(Paused):
        measure_run.take(m, asker)
    assert asker.asked == ["item_1", "item_2"] and entry_files(home) == []
    assert len(list((home / "drafts").glob("*.toml"))) == 1  # tests/test_measure_drafts.py


def test_the_safety_item_is_heard_the_moment_it_is_answered(home: Path) -> None:
    m = set_up_measure("phq-9")
    heard: list[tuple[int, int]] = []
    answers = {f"item_{n}": PLACEHOLDER_LABELS[0] for n in range(1, 10)}
    answers["item_9"] = PLACEHOLDER_LABELS[2]
    measure_run.take(m, FakeAsker(answers), on_safety=lambda run, item, v: heard.append((item, v)))
    assert heard == [(9, 2)]


def phq9_at_a_terminal(
    item9: str, replies: list[tuple[str, bool | str]]
) -> tuple[FakeAsker, measure_run.Taken]:
    m = set_up_measure("phq-9")
    answers = {f"item_{n}": PLACEHOLDER_LABELS[1] for n in range(1, 10)}
    answers["item_9"] = item9
    asker = FakeAsker(answers, replies)
    return asker, measure_run.take(m, asker, on_safety=measures_asked.safety_answered(m, asker))


@pytest.mark.parametrize(
    ("shown", "kept"),
    [("No", rec.NO), ("In passing: they came and went", rec.IN_PASSING)],
)
def test_item_9_above_its_lowest_answer_brings_care_s_plain_question_and_the_prescriber(
    home: Path, capsys: pytest.CaptureFixture[str], shown: str, kept: str
) -> None:
    asker, taken = phq9_at_a_terminal(PLACEHOLDER_LABELS[1], [(care_words.THOUGHTS_ASK, shown)])
    assert asker.questions == [care_words.THOUGHTS_ASK]
    out = capsys.readouterr().out
    assert "tell your prescriber about this answer before your next dose" in out
    # opened with the questionnaire's own reason, the answer as chosen; not "after a session"
    opening = care_words.THOUGHTS_QUESTIONNAIRE.format(answer=PLACEHOLDER_LABELS[1])
    assert opening in flat_screen(out) and care_words.THOUGHTS_DAILY not in flat_screen(out)
    assert [(i.kind, i.value, i.moment) for i in taken.entry.care] == [
        ("thoughts", kept, measures_asked.QUESTIONNAIRE)
    ]  # and no card: only "yes, right now" shows the whole card
    assert not taken.ended and taken.score is not None and taken.score.total == 9
    assert entry_mod.load(taken.entry.path).care == taken.entry.care  # type: ignore[arg-type]


def test_item_9_at_its_lowest_answer_asks_nothing_more(home: Path) -> None:
    asker, taken = phq9_at_a_terminal(PLACEHOLDER_LABELS[0], [])
    assert asker.questions == [] and taken.entry.care == []


def test_yes_right_now_shows_the_whole_card_ends_the_run_and_keeps_what_was_answered(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, taken = phq9_at_a_terminal(
        PLACEHOLDER_LABELS[3], [(care_words.THOUGHTS_ASK, "Yes, right now")]
    )
    assert taken.ended
    assert [i.kind for i in taken.entry.care] == ["thoughts", "card"]
    out = capsys.readouterr().out
    assert "tell your prescriber about this answer before your next dose" in out
    saved = entry_mod.load(taken.entry.path)  # type: ignore[arg-type]
    assert measures.result(saved) is not None  # item 9 is PHQ-9's last: the result is whole


def test_care_ending_before_the_last_item_saves_the_answers_given_without_a_score(
    home: Path, tmp_path: Path
) -> None:
    f = home / "exercises" / "two.measure.toml"
    f.parent.mkdir(parents=True)
    f.write_text(
        'measure = 1\nname = "two"\ntitle = "Two"\nperiod = "the last week"\n'
        '[scale]\nvalues = [0, 1]\nlabels = ["never", "sometimes"]\n'
        '[[items]]\ntext = "first"\nsafety = true\n[[items]]\ntext = "second"\n',
        encoding="utf-8",
    )
    m = measure_file.load("two")
    asker = FakeAsker({"item_1": "sometimes"}, [(care_words.THOUGHTS_ASK, "Yes, right now")])
    taken = measure_run.take(m, asker, on_safety=measures_asked.safety_answered(m, asker))
    assert taken.ended and taken.score is None and asker.asked == ["item_1"]
    saved = entry_mod.load(taken.entry.path)  # type: ignore[arg-type]
    assert [(a.step, a.value, a.role) for a in saved.answers] == [
        ("item_1", 1, vocab.MEASURE_SAFETY)
    ]
    assert measures.result(saved) is None and [i.kind for i in saved.care] == ["thoughts", "card"]


# --------------------------------------------------------------------------- check and list


def test_check_says_item_by_item_whether_the_words_are_published(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    set_up(cli, tmp_path, "gad-7", 7)
    result = cli("measure", "check", "gad-7")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[:7] == [
        f"item {n}: not the published wording (check it against your clinic's sheet)"
        for n in range(1, 8)
    ]


def test_list_shows_each_measure_with_its_latest_results_in_its_own_bands(
    cli: Cli, tmp_path: Path
) -> None:
    assert "No measures are set up yet" in cli("measure", "list").stdout
    set_up(cli, tmp_path)
    assert "not taken yet: partsjournal measure take phq-9" in cli("measure", "list").stdout
    for at, v in (("2026-11-02", 2), ("2026-11-16", 1)):
        answers = "".join(f"item_{n} = {v}\n" for n in range(1, 10))
        took = cli("measure", "take", "phq-9", "--at", at, "--answers", "-", input=answers)
        assert took.exit_code == 0, took.output
    listed = cli("measure", "list").stdout
    assert 'Mon 2 Nov: PHQ-9: 18 of 27, in the band PHQ-9 calls "moderately severe"' in listed
    assert 'Mon 16 Nov: PHQ-9: 9 of 27, in the band PHQ-9 calls "mild" (5-9)' in listed
    assert listed.index("Mon 2 Nov") < listed.index("Mon 16 Nov")
    assert "not a diagnosis" in listed
