"""Marks of the calendar grid and its legend: colours, what falls on a day, painted glyphs.

Holidays are circles (red), observances diamonds (amber), hollow when the date
is estimated, so the kind never rests on colour alone; the deadline is a flag,
today a ring, the launch window a translucent band.
"""

from __future__ import annotations

import calendar as pycalendar
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPixmap, QPolygonF

from culturepanel.calendar import KIND_HOLIDAY, CalendarEntry
from culturepanel.calendar.model import DAY_OFF_CATEGORIES

ACCENT = QColor("#2f80ed")
HOLIDAY = QColor("#c0392b")
OBSERVANCE = QColor("#b9770e")
DEADLINE = QColor("#6c3483")
TEXT = QColor("#1f2933")
MUTED = QColor("#7b8794")
WEEKEND = QColor("#eceff3")
BAND = QColor(47, 128, 237, 48)
BAND_EDGE = QColor(47, 128, 237, 150)
HATCH = QColor("#cfd6de")


def month_start(day: date) -> date:
    return day.replace(day=1)


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, clamped to the last day of the target month."""
    year, index = divmod(day.month - 1 + months, 12)
    year += day.year
    last = pycalendar.monthrange(year, index + 1)[1]
    return date(year, index + 1, min(day.day, last))


def month_end(day: date) -> date:
    return day.replace(day=pycalendar.monthrange(day.year, day.month)[1])


@dataclass(frozen=True)
class DayMarks:
    """Everything the grid shows on one day."""

    day: date
    entries: tuple[CalendarEntry, ...]
    weekend: bool
    in_window: bool
    deadline: bool
    today: bool
    outside: bool  # beyond the calendar slice the package carries

    @property
    def holidays(self) -> tuple[CalendarEntry, ...]:
        return tuple(e for e in self.entries if e.kind == KIND_HOLIDAY)

    @property
    def observances(self) -> tuple[CalendarEntry, ...]:
        return tuple(e for e in self.entries if e.kind != KIND_HOLIDAY)

    @property
    def day_off(self) -> bool:
        return any(e.category in DAY_OFF_CATEGORIES for e in self.holidays)


def glyph(entry: CalendarEntry) -> str:
    """The text form of an entry's mark (hollow when its date is estimated)."""
    if entry.kind == KIND_HOLIDAY:
        return "○" if entry.estimated else "●"
    return "◇" if entry.estimated else "◆"


def draw_entry_mark(painter: QPainter, center: QPointF, holiday: bool, estimated: bool) -> None:
    """A holiday circle or an observance diamond, hollow when estimated."""
    color = HOLIDAY if holiday else OBSERVANCE
    painter.setPen(QPen(color, 1.5))
    painter.setBrush(Qt.BrushStyle.NoBrush if estimated else QBrush(color))
    if holiday:
        painter.drawEllipse(center, 3.2, 3.2)
    else:
        x, y, r = center.x(), center.y(), 4.2
        painter.drawPolygon(
            QPolygonF([QPointF(x, y - r), QPointF(x + r, y), QPointF(x, y + r), QPointF(x - r, y)])
        )


def draw_flag(painter: QPainter, x: float, y: float) -> None:
    """The deadline flag, its pole at ``x`` from ``y`` down."""
    painter.setPen(QPen(DEADLINE, 1.4))
    painter.drawLine(QPointF(x, y), QPointF(x, y + 10))
    painter.setBrush(DEADLINE)
    painter.drawPolygon(QPolygonF([QPointF(x, y), QPointF(x + 7, y + 2.5), QPointF(x, y + 5)]))


def mark_icon(name: str, size: int = 18) -> QPixmap:
    """A legend swatch drawn as the grid draws the mark ``name``."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    box, mid = QRectF(1, 3, size - 2, size - 6), QPointF(size / 2, size / 2)
    if name == "weekend":
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(WEEKEND.darker(104))
        p.drawRoundedRect(box, 3, 3)
    elif name == "window":
        p.setPen(QPen(BAND_EDGE, 1))
        p.setBrush(BAND)
        p.drawRoundedRect(box, 6, 6)
    elif name == "outside":
        p.setPen(QPen(HATCH, 1))
        p.setBrush(QBrush(HATCH, Qt.BrushStyle.BDiagPattern))
        p.drawRect(box)
    elif name == "today":
        p.setPen(QPen(ACCENT, 1.6))
        p.drawEllipse(mid, size / 2 - 2, size / 2 - 2)
    elif name == "deadline":
        draw_flag(p, size / 2 - 3, 4)
    elif name == "estimated":
        draw_entry_mark(p, QPointF(size / 2 - 4, size / 2), True, True)
        draw_entry_mark(p, QPointF(size / 2 + 4.5, size / 2), False, True)
    else:  # holiday, observance, holiday-estimated, observance-estimated
        draw_entry_mark(p, mid, name.startswith("holiday"), name.endswith("-estimated"))
    p.end()
    return pixmap
