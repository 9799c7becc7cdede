"""Never write a file that cannot be read back: offsets in whole minutes, times that do
not exist refused, and the one writer checks its bytes read back as the same data."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from partsjournal.core import dates, store
from partsjournal.core.entry import load, load_range, save_new
from partsjournal.core.errors import UsageError
from tests.conftest import PROTECTOR_ANSWERS, Cli, entry_files
from tests.journal_fixtures import make_entry


@pytest.fixture
def zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    """Switch this process's local time zone for one test."""

    def use(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield use
    monkeypatch.undo()
    time.tzset()


def test_the_writer_refuses_data_that_would_not_read_back(home: Path) -> None:
    target = home / "x.toml"
    store.write_toml(target, {"created": datetime(2026, 3, 4, tzinfo=UTC)})
    before = target.read_bytes()
    odd = timezone(timedelta(minutes=-44, seconds=-30))
    with pytest.raises(store.UnwritableData, match="nothing was changed"):
        store.write_toml(target, {"created": datetime(1960, 1, 1, 10, tzinfo=odd)})
    assert target.read_bytes() == before
    assert sorted(p.name for p in home.iterdir()) == ["x.toml"]


def test_a_typed_offset_with_seconds_is_refused_in_one_sentence() -> None:
    with pytest.raises(UsageError, match="whole minutes"):
        dates.parse_datetime("2026-03-04T10:00+05:30:15")


def test_a_local_zone_with_seconds_is_rounded_and_the_entry_reads_back(
    cli: Cli, home: Path, zone: Callable[[str], None]
) -> None:
    zone("Africa/Monrovia")
    result = cli(
        "exercise",
        "protector",
        "--at",
        "1960-01-01T10:00",
        "--answers",
        "-",
        input=PROTECTOR_ANSWERS,
    )
    assert result.exit_code == 0, result.output
    [path] = entry_files(home)
    e = load(path)
    offset = e.created.utcoffset()
    assert offset is not None and offset.total_seconds() % 60 == 0
    assert e.created.strftime("%Y-%m-%d %H:%M") == "1960-01-01 10:00"
    warnings: list[str] = []
    assert len(load_range(warn=warnings.append)) == 1 and warnings == []


def test_a_time_inside_the_spring_gap_is_refused_not_moved(
    cli: Cli, home: Path, zone: Callable[[str], None]
) -> None:
    zone("Europe/Berlin")
    result = cli(
        "exercise",
        "protector",
        "--at",
        "2026-03-29T02:30",
        "--answers",
        "-",
        input=PROTECTOR_ANSWERS,
    )
    assert result.exit_code == 2
    assert "does not exist in your time zone" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert entry_files(home) == []
    # the hour after the gap and the repeated autumn hour are real times
    assert dates.parse_datetime("2026-03-29T03:30").hour == 3
    assert dates.parse_datetime("2026-10-25T02:30").hour == 2


offsets = st.integers(min_value=-(24 * 3600 - 1), max_value=24 * 3600 - 1).map(
    lambda s: timezone(timedelta(seconds=s))
)
moments = st.datetimes(min_value=datetime(1900, 1, 2), max_value=datetime(9998, 12, 30)).map(
    lambda d: d.replace(microsecond=0)
)


@settings(max_examples=120, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(moment=moments, offset=offsets, text=st.text())
def test_any_time_zone_offset_and_text_round_trip(
    home: Path, moment: datetime, offset: timezone, text: str
) -> None:
    created = dates.whole_minutes(moment.replace(tzinfo=offset))
    e = make_entry(text)
    e.created = created
    back = load(save_new(e))
    assert back.created == created and back.created.utcoffset() == created.utcoffset()
    assert back.created.replace(tzinfo=None) == moment
    assert back.answers[0].value == text


@settings(max_examples=120, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    moment=st.datetimes(min_value=datetime(1900, 1, 2), max_value=datetime(2100, 1, 1)),
    zone=st.timezones(),
)
def test_any_named_time_zone_at_any_date_saves_an_entry_that_reads_back(
    home: Path, moment: datetime, zone: tzinfo
) -> None:
    """Historic zones had offsets with seconds (local mean time); none may reach a file."""
    created = dates.whole_minutes(moment.replace(microsecond=0, tzinfo=zone))
    # a wall time skipped or repeated by a clock change has no single instant (Python never
    # calls it equal to any other zone's time); partsjournal's own times have fixed offsets
    # and `--at` refuses a skipped time, so such a time cannot reach a file
    assume(created == created.astimezone(UTC))
    e = make_entry("text")
    e.created = created
    back = load(save_new(e))
    assert back.created == created
    assert back.created.strftime("%Y-%m-%d %H:%M:%S") == created.strftime("%Y-%m-%d %H:%M:%S")
