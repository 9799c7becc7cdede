"""The HTML brief in a real headless browser (Debian's chromium): the page renders with
its charts drawn, and prints to a PDF of the expected pages. Slow: it starts a browser,
so it runs in the slow stage of .ci/run, which installs chromium when it is missing."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import zlib
from datetime import date, timedelta
from pathlib import Path

import pytest

from partsjournal.core import sessions
from partsjournal.render.chart_svg import LINE, SESSION
from tests.conftest import Cli
from tests.helpers import TODAY
from tests.journal_fixtures import at, measure_result, set_up_measure, write

pytestmark = pytest.mark.slow

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    """Run the system's chromium once, with a new empty profile and nothing fetched."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    assert found, "the slow tests need chromium: apt-get install -y chromium"
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    profile.mkdir()
    return subprocess.run(
        [found, *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        timeout=120,
        check=True,
    )


def pixels(png: bytes) -> list[tuple[int, int, int]]:
    """The RGB of every pixel of an 8-bit, non-interlaced PNG (what chromium writes)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, data, width = 8, b"", 0
    channels = 3
    while pos < len(png):
        (length,) = struct.unpack(">I", png[pos : pos + 4])
        kind, body = png[pos + 4 : pos + 8], png[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, _, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and interlace == 0 and colour in (2, 6)
            channels = 4 if colour == 6 else 3
        elif kind == b"IDAT":
            data += body
        pos += 12 + length
    raw, stride = zlib.decompress(data), width * channels
    rows: list[bytearray] = []
    previous = bytearray(stride)
    for start in range(0, len(raw), stride + 1):
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up, corner = previous[i], previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (
                    line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)
                ) & 255
        rows.append(line)
        previous = line
    return [(row[i], row[i + 1], row[i + 2]) for row in rows for i in range(0, stride, channels)]


def rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


def a_course(cli: Cli) -> None:
    start = date(2026, 10, 5)
    for k in range(3):
        sessions.add(start + timedelta(days=14 * k), created=TODAY)
    ratings = [("activation-before", 8), ("activation-after", 4)]
    for n in range(40):
        when = at(start - timedelta(days=10) + timedelta(days=n))
        write(when, "integrate", [("realm-rating:body", n % 10), *ratings])
    m = set_up_measure("phq-9")
    for k in range(4):
        measure_result(at(start + timedelta(days=10 * k)), m, [3 - k] * 8 + [0])


def test_the_html_brief_renders_its_charts_and_prints_the_expected_pages(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    a_course(cli)
    page = tmp_path / "brief.html"
    assert cli("brief", "--since", "2026-09-25", "--output", str(page)).exit_code == 0
    url = page.as_uri()

    dom = chromium(tmp_path, "--dump-dom", url).stdout.decode()
    charts = re.findall(r'<svg[^>]*class="chart"', dom)
    assert len(charts) == 4  # Body rating, activation at the start and end, PHQ-9 total
    assert len(re.findall(r'class="series lines"><path[^>]* d="M ', dom)) == 4
    assert dom.count('class="series sessions"') == 4

    shot = tmp_path / "brief.png"
    chromium(tmp_path, "--window-size=900,3000", f"--screenshot={shot}", url)
    seen = pixels(shot.read_bytes())
    assert sum(1 for p in seen if p == rgb(LINE)) > 500  # the lines and dots were drawn
    assert any(p == rgb(SESSION) for p in seen)  # and the sessions' rules

    pdf = tmp_path / "brief.pdf"
    chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", url)
    assert pdf_pages(pdf.read_bytes()) == 3

    small = tmp_path / "small.html"
    only = ["--exclude", "flare-ups", "--exclude", "charts"]
    assert cli("brief", "--since", "2026-09-25", *only, "-o", str(small)).exit_code == 0
    chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", small.as_uri())
    assert pdf_pages(pdf.read_bytes()) == 1
