"""Measures as data: the format, the published facts shipped without words, the
fingerprints, and scoring by the published rules on hand-worked examples."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from partsjournal.core import fingerprints, store
from partsjournal.flow import measure_file
from partsjournal.flow.measure_file import Measure, MeasureFileError
from partsjournal.flow.measure_score import score
from tests.journal_fixtures import PLACEHOLDER_LABELS, placeholder_items, set_up_measure

# --------------------------------------------------------------------------- fingerprints


@pytest.mark.parametrize(
    "typed",
    [
        "Placeholder item, one",
        "placeholder item one",
        "PLACEHOLDER ITEM ONE",
        "  placeholder   item\tone. ",
        "1. Placeholder item one",
        "9) Placeholder item one",
        "(a) Placeholder item one",
        "B. Placeholder item one",
        "Placeholder \u2014 item \u2013 one?",
        "\uff30laceholder item one",  # a full-width letter: NFKC makes it plain
        "Placeholder item one\n",
    ],
)
def test_case_punctuation_spacing_and_numbering_never_decide_a_match(typed: str) -> None:
    assert fingerprints.fingerprint(typed) == fingerprints.fingerprint("Placeholder item one")
    assert fingerprints.matches(typed, [fingerprints.fingerprint("Placeholder item one")])


@pytest.mark.parametrize(
    "typed",
    [
        "Placeholder item two",
        "Placeholder item",
        "Placeholder items one",
        "Placeholder item one more",
        "",
    ],
)
def test_every_word_decides_a_match(typed: str) -> None:
    assert not fingerprints.matches(typed, [fingerprints.fingerprint("Placeholder item one")])


def test_apostrophes_straight_or_curly_are_the_same_word() -> None:
    assert fingerprints.fingerprint("it's hard") == fingerprints.fingerprint("it\u2019s hard")
    assert fingerprints.fingerprint("it's hard") != fingerprints.fingerprint("it is hard")


@given(st.text())
def test_a_fingerprint_is_sixteen_hex_digits_and_ignores_case(text: str) -> None:
    """Case never decides a match, wherever a letter's case can be told back: the dotless i
    of Turkish is upper-cased to I, whose lower case is i, another letter (hypothesis found
    it), so a word is compared case-folded, not upper-cased and back."""
    assert re.fullmatch(r"[0-9a-f]{16}", fingerprints.fingerprint(text))
    for other in (text.casefold(), text.upper(), text.lower(), text.swapcase()):
        if other.casefold() == text.casefold():
            assert fingerprints.fingerprint(other) == fingerprints.fingerprint(text)


def test_a_letter_whose_case_cannot_be_told_back_keeps_its_own_fingerprint() -> None:
    assert fingerprints.fingerprint("\u0131") != fingerprints.fingerprint("i")  # dotless, dotted
    assert fingerprints.fingerprint("Straße") == fingerprints.fingerprint("STRASSE")


def test_the_item_number_is_taken_off_the_words_as_typed() -> None:
    assert fingerprints.strip_number("3. Trouble with things") == "Trouble with things"
    assert fingerprints.strip_number("12) Twelve") == "Twelve"
    assert fingerprints.strip_number("A little worry") == "A little worry"  # a word, not a letter


# --------------------------------------------------------------------------- shipped facts

PUBLISHED_BANDS = {
    "phq-9": [
        (0, 4, "minimal"),
        (5, 9, "mild"),
        (10, 14, "moderate"),
        (15, 19, "moderately severe"),
        (20, 27, "severe"),
    ],
    "gad-7": [(0, 4, "minimal"), (5, 9, "mild"), (10, 14, "moderate"), (15, 21, "severe")],
}
ITEMS = {"phq-9": 9, "gad-7": 7}


def test_the_published_measures_are_the_two_clinics_use() -> None:
    assert measure_file.template_names() == ["gad-7", "phq-9"]


@pytest.mark.parametrize("name", sorted(PUBLISHED_BANDS))
def test_a_shipped_measure_has_the_facts_and_no_words(name: str) -> None:
    m = measure_file.template(name)
    assert len(m.items) == ITEMS[name]
    assert m.period == "the last two weeks"
    assert m.scale.values == [0, 1, 2, 3]
    assert [(b.low, b.high, b.label) for b in m.bands] == PUBLISHED_BANDS[name]
    assert (m.lowest_total, m.highest_total) == (0, 3 * ITEMS[name])
    assert "Spitzer" in m.attribution and "Kroenke" in m.attribution
    # no words: every slot is empty, and every item and label has a fingerprint instead
    assert all(i.text == "" for i in m.items) and all(x == "" for x in m.scale.labels)
    assert all(i.fingerprints for i in m.items) and len(m.scale.fingerprints) == 4
    raw = store.read_toml(measure_file.templates_dir() / f"{name}.toml")
    assert {k for i in raw["items"] for k, v in i.items() if v} <= {"fingerprints", "safety"}


def test_phq9_item_9_is_its_only_safety_item_and_gad7_has_none() -> None:
    phq = measure_file.template("phq-9")
    assert [n for n, i in enumerate(phq.items, 1) if i.safety] == [9]
    assert not any(i.safety for i in measure_file.template("gad-7").items)


def test_one_label_fingerprint_for_each_answer_is_shared_by_both_measures() -> None:
    assert measure_file.template("phq-9").scale.fingerprints == (
        measure_file.template("gad-7").scale.fingerprints
    )


# --------------------------------------------------------------------------- scoring


def phq9() -> Measure:
    return set_up_measure("phq-9")


def gad7() -> Measure:
    return set_up_measure("gad-7")


@pytest.mark.parametrize(
    ("values", "total", "band"),
    [
        ([0, 0, 0, 0, 0, 0, 0, 0, 0], 0, "minimal"),
        ([1, 1, 1, 1, 0, 0, 0, 0, 0], 4, "minimal"),
        ([1, 1, 1, 1, 1, 0, 0, 0, 0], 5, "mild"),
        ([3, 3, 3, 0, 0, 0, 0, 0, 0], 9, "mild"),
        ([3, 2, 1, 0, 3, 2, 1, 0, 1], 13, "moderate"),  # 3+2+1+0+3+2+1+0+1
        ([2, 2, 2, 2, 2, 2, 2, 0, 0], 14, "moderate"),
        ([2, 2, 2, 2, 2, 2, 2, 1, 0], 15, "moderately severe"),
        ([3, 3, 3, 3, 3, 3, 1, 0, 0], 19, "moderately severe"),
        ([3, 3, 3, 3, 3, 3, 2, 0, 0], 20, "severe"),
        ([3, 3, 3, 3, 3, 3, 3, 3, 3], 27, "severe"),
    ],
)
def test_phq9_sums_its_items_into_the_published_bands(
    values: list[int], total: int, band: str
) -> None:
    result = score(phq9(), values)
    assert (result.total, result.band_label, result.highest) == (total, band, 27)


@pytest.mark.parametrize(
    ("values", "total", "band"),
    [
        ([0, 0, 0, 0, 0, 0, 0], 0, "minimal"),
        ([1, 1, 1, 1, 0, 0, 0], 4, "minimal"),
        ([1, 1, 1, 1, 1, 0, 0], 5, "mild"),
        ([2, 2, 2, 2, 1, 0, 0], 9, "mild"),
        ([2, 2, 2, 2, 2, 0, 0], 10, "moderate"),
        ([2, 2, 2, 2, 2, 2, 2], 14, "moderate"),
        ([3, 3, 3, 2, 2, 1, 1], 15, "severe"),
        ([3, 3, 3, 3, 3, 3, 3], 21, "severe"),
    ],
)
def test_gad7_sums_its_items_into_the_published_bands(
    values: list[int], total: int, band: str
) -> None:
    result = score(gad7(), values)
    assert (result.total, result.band_label, result.highest) == (total, band, 21)


def test_every_possible_phq9_total_falls_in_exactly_the_published_band() -> None:
    m = phq9()
    for total in range(28):
        values = [min(3, max(0, total - 3 * i)) for i in range(9)]
        assert sum(values) == total
        (expected,) = [b for lo, hi, b in PUBLISHED_BANDS["phq-9"] if lo <= total <= hi]
        assert score(m, values).band_label == expected


@pytest.mark.parametrize(("item9", "flagged"), [(0, False), (1, True), (2, True), (3, True)])
def test_item_9_above_its_lowest_answer_is_flagged_apart_from_the_total(
    item9: int, flagged: bool
) -> None:
    result = score(phq9(), [0, 0, 0, 0, 0, 0, 0, 0, item9])
    assert result.total == item9 and result.band_label == "minimal"
    assert [(s.item, s.value, s.label) for s in result.safety] == (
        [(9, item9, PLACEHOLDER_LABELS[item9])] if flagged else []
    )


def test_other_items_never_raise_the_safety_flag() -> None:
    assert score(phq9(), [3, 3, 3, 3, 3, 3, 3, 3, 0]).safety == []
    assert score(gad7(), [3] * 7).safety == []


@pytest.mark.parametrize(
    ("values", "problem"),
    [
        ([0] * 8, "has 9 items, but 8 answers"),
        ([0] * 10, "has 9 items, but 10 answers"),
        ([0] * 8 + [4], "Item 9 of PHQ-9 takes one of 0, 1, 2, 3"),
        ([-1] + [0] * 8, "Item 1 of PHQ-9 takes one of 0, 1, 2, 3"),
    ],
)
def test_answers_that_do_not_fit_the_scale_are_refused(values: list[int], problem: str) -> None:
    with pytest.raises(Exception, match=re.escape(problem)):
        score(phq9(), values)


# --------------------------------------------------------------------------- own measures


def own_measure(tmp_path: Path, body: str, name: str = "own") -> Path:
    f = tmp_path / f"{name}.measure.toml"
    f.write_text(
        f'measure = 1\nname = "{name}"\ntitle = "Own"\nperiod = "the last week"\n' + body,
        encoding="utf-8",
    )
    return f


SCALE = '[scale]\nvalues = [1, 2, 3, 4, 5]\nlabels = ["a", "b", "c", "d", "e"]\n'
FOUR_ITEMS = "".join(f'[[items]]\ntext = "{t}"\n' for t in "wxyz")


def test_reversed_items_count_from_the_top_and_subscales_add_their_own_items(
    tmp_path: Path,
) -> None:
    f = own_measure(
        tmp_path,
        SCALE
        + "[scoring]\nreversed = [2, 4]\n"
        + '[[scoring.subscales]]\nname = "first pair"\nitems = [1, 2]\n'
        + '[[scoring.subscales]]\nname = "second pair"\nitems = [3, 4]\n'
        + '[[bands]]\nlow = 4\nhigh = 11\nlabel = "lower"\n'
        + '[[bands]]\nlow = 12\nhigh = 20\nlabel = "higher"\n'
        + FOUR_ITEMS,
    )
    m = measure_file.read(f)
    # answers 5, 1, 3, 2 on a 1-5 scale; items 2 and 4 reversed: 5 + (6-1) + 3 + (6-2) = 17
    result = score(m, [5, 1, 3, 2])
    assert result.total == 17 and result.band_label == "higher" and result.band_range == "12-20"
    assert result.subscales == [("first pair", 10, 10), ("second pair", 7, 10)]
    assert (result.lowest, result.highest) == (4, 20)


def test_a_measure_without_bands_is_scored_without_one(tmp_path: Path) -> None:
    m = measure_file.read(own_measure(tmp_path, SCALE + FOUR_ITEMS))
    result = score(m, [1, 2, 3, 4])
    assert result.total == 10 and result.band is None and result.band_label == ""


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (SCALE + FOUR_ITEMS + "colour = 1\n", "colour: Extra inputs are not permitted"),
        (SCALE + '[[bands]]\nlow = 4\nhigh = 9\nlabel = "a"\n[[bands]]\nlow = 11\nhigh = 20'
         '\nlabel = "b"\n' + FOUR_ITEMS, "without gaps or overlaps (check 'b')"),
        (SCALE + '[[bands]]\nlow = 4\nhigh = 12\nlabel = "a"\n[[bands]]\nlow = 12\nhigh = 20'
         '\nlabel = "b"\n' + FOUR_ITEMS, "without gaps or overlaps (check 'b')"),
        (SCALE + '[[bands]]\nlow = 5\nhigh = 20\nlabel = "a"\n' + FOUR_ITEMS,
         "every total from 4 to 20"),
        (SCALE + '[[bands]]\nlow = 4\nhigh = 19\nlabel = "a"\n' + FOUR_ITEMS,
         "must end at 20"),
        (SCALE + "[scoring]\nreversed = [5]\n" + FOUR_ITEMS, "names item 5, but there are 4"),
        (SCALE + "[scoring]\nreversed = [1, 1]\n" + FOUR_ITEMS, "reversed item twice"),
        (SCALE + '[scoring]\n[[scoring.subscales]]\nname = "s"\nitems = [9]\n' + FOUR_ITEMS,
         "names item 9"),
        ('[scale]\nvalues = [0, 1]\nlabels = ["a"]\n' + FOUR_ITEMS, "one label for each value"),
        ('[scale]\nvalues = [1, 0]\nlabels = ["a", "b"]\n' + FOUR_ITEMS, "must go up"),
        ('[scale]\nvalues = [0, 1]\nlabels = ["a", "a"]\n' + FOUR_ITEMS, "same words"),
        ('[scale]\nvalues = [0, 1]\nlabels = ["a", "b"]\nfingerprints = ["0123456789abcdef"]\n'
         + FOUR_ITEMS, "one fingerprint for each label"),
        (SCALE + '[[items]]\ntext = "w"\nfingerprints = ["not hex"]\n', "fingerprints.0"),
        (SCALE, "items: Field required"),
        (SCALE + '[scoring]\ntotal = "mean"\n' + FOUR_ITEMS, "scoring.total"),
    ],
)  # fmt: skip
def test_a_measure_file_that_does_not_hold_together_is_refused_naming_the_problem(
    tmp_path: Path, body: str, problem: str
) -> None:
    with pytest.raises(MeasureFileError, match=re.escape(problem)):
        measure_file.read(own_measure(tmp_path, body))


def test_a_measure_whose_file_name_is_not_its_name_is_refused(tmp_path: Path) -> None:
    f = own_measure(tmp_path, SCALE + FOUR_ITEMS)
    moved = f.rename(tmp_path / "other.measure.toml")
    with pytest.raises(MeasureFileError, match=re.escape("rename the file to own.measure.toml")):
        measure_file.read(moved)


@pytest.mark.parametrize(
    ("items", "labels", "missing"),
    [
        (["w", "", "y", "z"], ["a", "b", "c", "d", "e"], "item 2 has no words"),
        (["w", "x", "y", "z"], ["a", "b", "", "d", "e"], "the answer 3 has no words"),
        (["", "x", "y", ""], ["", "b", "c", "d", "e"], "item 1, item 4 and the answer 1 have"),
    ],
)
def test_a_measure_with_an_empty_item_or_answer_is_refused_until_it_has_words(
    tmp_path: Path, items: list[str], labels: list[str], missing: str
) -> None:
    body = f"[scale]\nvalues = [1, 2, 3, 4, 5]\nlabels = {labels!r}\n".replace("'", '"')
    body += "".join(f'[[items]]\ntext = "{t}"\n' for t in items)
    f = own_measure(tmp_path, body)
    with pytest.raises(MeasureFileError, match=re.escape(missing)):
        measure_file.read(f)
    assert measure_file.read(f, complete=False).missing_words()  # a draft of one still reads


def test_the_published_wording_is_recognised_item_by_item(tmp_path: Path) -> None:
    """Fingerprints made here from placeholder words: the same check the shipped ones get."""
    items = placeholder_items(4)
    prints = [fingerprints.fingerprint(t) for t in items]
    body = SCALE + "".join(
        f'[[items]]\ntext = "{t}"\nfingerprints = ["{p}"]\n'
        for t, p in zip(["Placeholder ITEM 1", "placeholder item two", items[2], ""], prints,
                        strict=True)
    )  # fmt: skip
    m = measure_file.read(own_measure(tmp_path, body), complete=False)
    assert measure_file.wording_matches(m)[:4] == [
        ("item 1", True),
        ("item 2", False),
        ("item 3", True),
        ("item 4", False),
    ]
    assert measure_file.wording_matches(m)[4:] == [(f"the answer {v}", None) for v in range(1, 6)]


def test_placeholder_words_are_never_taken_for_the_published_ones() -> None:
    checks = measure_file.wording_matches(phq9())
    assert [fits for name, fits in checks if name.startswith("item")] == [False] * 9
