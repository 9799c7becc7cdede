"""The course's series as SVG charts for the HTML brief, drawn with leather.

leather (wireservice's small charting library: pure Python, no dependencies, SVG only)
draws the axes, the scales and the line; this module adds the sessions as dashed
vertical rules through leather's own extension point (a :class:`leather.Shape`). It
writes no script and names only generic font families, so the page fetches nothing.
leather is imported only when a chart is drawn (about 30 ms).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, timedelta
from typing import Any

from partsjournal.core import dates
from partsjournal.render.charts import summary
from partsjournal.views.course import Course, Series

WIDTH, HEIGHT = 640, 150
LINE = "#2f5d8a"
SESSION = "#b5651d"
FONT = "Helvetica, Arial, sans-serif"


def _themed() -> Any:
    """leather with a quiet theme for paper: white, generic fonts, small labels."""
    import leather

    t = leather.theme
    t.background_color = "#ffffff"
    for name in ("title", "legend", "axis_title", "tick"):
        setattr(t, f"{name}_font_family", FONT)
    t.tick_font_size = t.legend_font_size = 11
    t.tick_font_char_width = t.legend_font_char_width = 6
    t.tick_font_char_height = t.legend_font_char_height = 11
    t.tick_color = "#e4e4e4"
    t.label_color = "#555555"
    t.legend_color = "#333333"
    t.margin = 0.05  # room for the last day's label at the right edge
    return leather


def _shapes(leather: Any) -> tuple[type, type]:
    class LineWithDots(leather.Line):  # type: ignore[misc]
        """The values as a line with a dot on each one (a single value is still seen)."""

        def to_svg(self, width: Any, height: Any, x_scale: Any, y_scale: Any, series: Any,
                   palette: Any) -> Any:  # fmt: skip
            group = super().to_svg(width, height, x_scale, y_scale, series, palette)
            for d in series.data():
                dot = ET.Element("circle", r="3", fill=LINE)
                dot.set("cx", str(x_scale.project(d.x, 0, width)))
                dot.set("cy", str(y_scale.project(d.y, height, 0)))
                group.append(dot)
            return group

    class SessionRules(leather.Shape):  # type: ignore[misc]
        """A dashed vertical rule on each session's day, with its number at the top."""

        def __init__(self) -> None:
            self._stroke_color = SESSION

        def validate_series(self, series: Any) -> None:
            return None

        def to_svg(self, width: Any, height: Any, x_scale: Any, y_scale: Any, series: Any,
                   palette: Any) -> Any:  # fmt: skip
            group = ET.Element("g")
            group.set("class", "series sessions")
            for d in series.data():
                x = str(x_scale.project(d.x, 0, width))
                rule = ET.Element("line", x1=x, x2=x, y1="0", y2=str(height), stroke=SESSION)
                rule.set("stroke-dasharray", "4 3")
                group.append(rule)
                label = ET.Element("text", x=x, y="-3", fill=SESSION)
                label.set("font-family", FONT)
                label.set("font-size", "10")
                label.set("text-anchor", "middle")
                label.text = str(d.row[2])
                group.append(label)
            return group

    return LineWithDots, SessionRules


def _ticks(since: date, until: date, count: int = 5) -> list[date]:
    days = (until - since).days
    if days <= count:
        return [since + timedelta(days=n) for n in range(days + 1)]
    return [since + timedelta(days=round(n * days / (count - 1))) for n in range(count)]


def chart(course: Course, series: Series) -> str:
    """One series as an inline ``<svg>`` element (a title and description for readers)."""
    leather = _themed()
    line_with_dots, session_rules = _shapes(leather)
    since, until = course.since, max(course.until, course.since + timedelta(days=1))
    drawn = leather.Chart()
    drawn.add_x_scale(since, until)
    drawn.add_y_scale(series.low, series.high)
    drawn.add_x_axis(ticks=_ticks(since, until), tick_formatter=lambda d, i, n: dates.tick_day(d))
    mid = (series.low + series.high) // 2
    drawn.add_y_axis(ticks=[series.low, mid, series.high])
    drawn.add_series(
        leather.Series(series.points, name=series.label), line_with_dots(stroke_color=LINE)
    )
    # at the top of the scale (leather checks every value against it), numbered by the row
    marks = [(s.date, series.high, s.number) for s in course.sessions if since <= s.date <= until]
    if marks:
        drawn.add_series(leather.Series(marks, name="sessions (numbered)"), session_rules())
    group = drawn.to_svg_group(WIDTH, HEIGHT)
    root = ET.Element(
        "svg",
        xmlns="http://www.w3.org/2000/svg",
        viewBox=f"0 0 {WIDTH} {HEIGHT}",
        role="img",
    )
    root.set("class", "chart")
    title = ET.SubElement(root, "title")
    title.text = summary(series)
    root.append(group)
    return ET.tostring(root, encoding="unicode")
