"""The month grid of the calendar dock: one or two months in the market's own week.

Columns follow the market calendar (CLDR's first day of the week and weekend),
never the system locale; weekday and month names come from Babel in the UI
language. Each day shows what falls on it: weekend shading, holidays (red
circle) and observances (amber diamond) — hollow when the date is estimated —,
the launch window as a translucent band, today as a ring and the review
deadline as a flag. Hover or keyboard focus shows the day's entries.

Keys: arrows move the focused day (mirrored in a right-to-left UI), Page Up /
Page Down change month, Home / End go to the first / last day of the month.
"""

from __future__ import annotations

import html
from datetime import date, timedelta

from babel import Locale
from babel.dates import format_date, format_skeleton, get_day_names
from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QStyle, QToolTip, QWidget

from culturepanel.calendar import MarketCalendar
from culturepanel.calendar.formatting import babel_locale, fmt_span, market_name
from culturepanel.calendar.wording import category_label
from culturepanel.i18n import _, current_language
from culturepanel.ui.calendar_marks import (
    ACCENT,
    BAND,
    BAND_EDGE,
    HATCH,
    HOLIDAY,
    MUTED,
    OBSERVANCE,
    TEXT,
    WEEKEND,
    DayMarks,
    add_months,
    draw_entry_mark,
    draw_flag,
    glyph,
    month_end,
    month_start,
)

_PAD, _TITLE_H, _HEAD_H, _CELL_H, _GAP, _MIN_CELL_W = 4, 24, 22, 34, 10, 38


class MonthGrid(QWidget):
    """One or two consecutive months of the market calendar, painted."""

    months_changed = Signal()
    day_focused = Signal(object)  # datetime.date

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.calendar: MarketCalendar | None = None
        self.launch_window: tuple[date, date] | None = None
        self.deadline: date | None = None
        self.today = date.today()
        self.focused_day = self.today
        self._first = month_start(self.today)
        self._count = 1
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(_("Month calendar"))

    # -- what is shown ------------------------------------------------------------
    def set_data(
        self,
        calendar: MarketCalendar | None,
        window: tuple[date, date] | None,
        deadline: date | None,
    ) -> None:
        self.calendar, self.launch_window, self.deadline = calendar, window, deadline
        self.update()

    def show_months(self, first: date, count: int, focus: date | None = None) -> None:
        """Show ``count`` (1 or 2) months from the month of ``first``; focus ``focus``."""
        self._first, self._count = month_start(first), max(1, min(2, count))
        self.focused_day = focus or first
        self._shown_changed()

    def months(self) -> list[date]:
        """First days of the months shown, in order."""
        return [add_months(self._first, i) for i in range(self._count)]

    def first_day_of_week(self) -> int:
        return self.calendar.first_day_of_week if self.calendar else 1

    def columns(self) -> list[int]:
        """ISO weekdays of the columns in reading order (the first is the week's first day)."""
        first = self.first_day_of_week()
        return [(first - 1 + i) % 7 + 1 for i in range(7)]

    def visual_columns(self) -> list[int]:
        """ISO weekdays of the columns as they appear on screen from left to right."""
        cols = self.columns()
        return cols[::-1] if self._rtl() else cols

    def header_names(self) -> list[str]:
        """Weekday names over the columns, in reading order."""
        return self._weekday_names(self._cell_width())

    def marks(self, day: date) -> DayMarks:
        cal, window = self.calendar, self.launch_window
        return DayMarks(
            day=day,
            entries=tuple(e for e in cal.entries if e.covers(day)) if cal else (),
            weekend=cal.is_weekend(day) if cal else False,
            in_window=bool(window and window[0] <= day <= window[1]),
            deadline=day == self.deadline,
            today=day == self.today,
            outside=bool(cal and not cal.start <= day <= cal.end),
        )

    # -- geometry -----------------------------------------------------------------
    def _rtl(self) -> bool:
        return self.layoutDirection() == Qt.LayoutDirection.RightToLeft

    def _weeks(self, first: date) -> int:
        offset = (first.isoweekday() - self.first_day_of_week()) % 7
        return -(-(offset + month_end(first).day) // 7)

    def _title_height(self) -> int:
        """Months are titled in the grid only when two are shown (the panel names one)."""
        return _TITLE_H if self._count > 1 else 0

    def _block_top(self, index: int) -> int:
        top = _PAD
        for first in self.months()[:index]:
            top += self._title_height() + _HEAD_H + self._weeks(first) * _CELL_H + _GAP
        return top

    def _cell_width(self) -> float:
        return max(_MIN_CELL_W, (self.width() - 2 * _PAD) / 7)

    def _column_rect(self, col: int, top: float, height: float) -> QRectF:
        width = self._cell_width()
        visual = 6 - col if self._rtl() else col
        return QRectF(_PAD + visual * width, top, width, height)

    def day_at(self, col: int, row: int, month: int = 0) -> date | None:
        """The day in reading-order column ``col`` and week ``row`` of the ``month``-th month."""
        first = self.months()[month]
        index = row * 7 + col - (first.isoweekday() - self.first_day_of_week()) % 7
        if not 0 <= index < month_end(first).day:
            return None
        return first + timedelta(days=index)

    def cell_rect(self, day: date) -> QRect | None:
        """Where ``day`` is painted, or ``None`` when its month is not shown."""
        for index, first in enumerate(self.months()):
            if month_start(day) == first:
                offset = (first.isoweekday() - self.first_day_of_week()) % 7 + day.day - 1
                top = self._block_top(index) + self._title_height() + _HEAD_H
                top += (offset // 7) * _CELL_H
                return self._column_rect(offset % 7, top, _CELL_H).toAlignedRect()
        return None

    def day_at_pos(self, x: float, y: float) -> date | None:
        for first in self.months():
            for offset in range(month_end(first).day):
                day = first + timedelta(days=offset)
                rect = self.cell_rect(day)
                if rect is not None and rect.contains(int(x), int(y)):
                    return day
        return None

    def sizeHint(self) -> QSize:
        return QSize(7 * 48 + 2 * _PAD, self._block_top(self._count))

    def minimumSizeHint(self) -> QSize:
        return QSize(7 * _MIN_CELL_W + 2 * _PAD, self._block_top(self._count))

    # -- interaction --------------------------------------------------------------
    def focus_day(self, day: date) -> None:
        """Focus ``day``, moving the shown months so that it is visible."""
        first, last = self._first, add_months(self._first, self._count - 1)
        if day < first:
            self._first = month_start(day)
        elif day > month_end(last):
            self._first = add_months(month_start(day), 1 - self._count)
        self.focused_day = day
        if (first, last) != (self._first, add_months(self._first, self._count - 1)):
            self._shown_changed()
        else:
            self._focus_changed()

    def shift_months(self, months: int) -> None:
        """Page the view (and the focused day) by ``months``."""
        self._first = add_months(self._first, months)
        self.focused_day = add_months(self.focused_day, months)
        self._shown_changed()

    def _shown_changed(self) -> None:
        self.updateGeometry()
        self.months_changed.emit()
        self._focus_changed()

    def _focus_changed(self) -> None:
        self.setAccessibleDescription(self.day_summary(self.focused_day))
        self.day_focused.emit(self.focused_day)
        self.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, rtl, day = Qt.Key(event.key()), self._rtl(), self.focused_day
        steps = {
            Qt.Key.Key_Left: 1 if rtl else -1,
            Qt.Key.Key_Right: -1 if rtl else 1,
            Qt.Key.Key_Up: -7,
            Qt.Key.Key_Down: 7,
        }
        if key in steps:
            self.focus_day(day + timedelta(days=steps[key]))
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self.shift_months(-1 if key == Qt.Key.Key_PageUp else 1)
        elif key == Qt.Key.Key_Home:
            self.focus_day(month_start(day))
        elif key == Qt.Key.Key_End:
            self.focus_day(month_end(day))
        else:
            super().keyPressEvent(event)
            return
        self._show_tip(self.focused_day)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        day = self.day_at_pos(event.position().x(), event.position().y())
        if day is not None:
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self.focus_day(day)
        super().mousePressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            day = self.day_at_pos(event.pos().x(), event.pos().y())
            if day is None:
                QToolTip.hideText()
            else:
                rect = self.cell_rect(day) or QRect()
                QToolTip.showText(event.globalPos(), self.day_tooltip(day), self, rect)
            return True
        if event.type() in (QEvent.Type.LayoutDirectionChange, QEvent.Type.FontChange):
            self.updateGeometry()
            self.update()
        return super().event(event)

    def _show_tip(self, day: date) -> None:
        rect = self.cell_rect(day)
        if rect is not None and self.isVisible():
            QToolTip.showText(self.mapToGlobal(rect.bottomLeft()), self.day_tooltip(day), self)

    # -- text ---------------------------------------------------------------------
    def _locale(self) -> Locale:
        return babel_locale(current_language())

    def _lines(self, day: date) -> list[tuple[str, str, str]]:
        """``(mark, text, detail)`` lines describing ``day``."""
        marks, lines = self.marks(day), []
        for entry in marks.entries:
            tags = [category_label(entry)]
            if entry.estimated:
                tags.append(_("≈ estimated date"))
            if entry.days > 1:
                tags.append(fmt_span(entry.start, entry.end, current_language()))
            text = _("{name} ({details})").format(name=entry.name, details=", ".join(tags))
            lines.append((glyph(entry), text, entry.reason or ""))
        if marks.in_window:
            lines.append(("▬", _("In the launch window"), ""))
        if marks.deadline:
            lines.append(("⚑", _("Review deadline"), ""))
        if marks.today:
            lines.append(("◯", _("Today"), ""))
        if marks.weekend and self.calendar:
            market = market_name(self.calendar.market, current_language())
            lines.append(("", _("Weekend in {market}").format(market=market), ""))
        if marks.outside:
            lines.append(("", _("The package carries no calendar data for this day."), ""))
        return lines

    def day_summary(self, day: date) -> str:
        """The day and what falls on it, as plain text (the accessible description)."""
        parts = [format_date(day, "full", locale=self._locale())]
        parts += [text for _mark, text, _detail in self._lines(day)]
        return ". ".join(parts)

    def day_tooltip(self, day: date) -> str:
        """The day's tooltip: its date, entries with category and reason, and marks."""
        out = [f"<b>{html.escape(format_date(day, 'full', locale=self._locale()))}</b>"]
        for mark, text, detail in self._lines(day):
            color = HOLIDAY if mark in "●○" else OBSERVANCE if mark in "◆◇" else ACCENT
            line = (
                f"<span style='color:{color.name()}'>{mark}</span> {html.escape(text, quote=False)}"
            )
            if detail:
                line += f"<br><span style='color:#52606d'>{html.escape(detail, quote=False)}</span>"
            out.append(line)
        return "<qt>" + "<br>".join(out) + "</qt>"

    def _weekday_names(self, width: float) -> list[str]:
        metrics = QFontMetrics(self.font())
        for style in ("abbreviated", "short", "narrow"):
            names = get_day_names(style, context="stand-alone", locale=self._locale())
            shown = [str(names[iso - 1]) for iso in self.columns()]
            if max(metrics.horizontalAdvance(n) for n in shown) <= width - 4:
                return shown
        return shown

    # -- painting -----------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("#ffffff"))
        for index, first in enumerate(self.months()):
            self._paint_month(p, first, self._block_top(index))
        p.end()

    def _paint_month(self, p: QPainter, first: date, top: int) -> None:
        base, width = QFont(self.font()), self._cell_width()
        bold = QFont(base)
        bold.setBold(True)
        if self._count > 1:
            title = format_skeleton("yMMMM", first, locale=self._locale())
            align = QStyle.visualAlignment(self.layoutDirection(), Qt.AlignmentFlag.AlignLeft)
            p.setFont(bold)
            p.setPen(TEXT)
            title_rect = QRectF(_PAD + 6, top, self.width() - 2 * _PAD - 12, _TITLE_H)
            p.drawText(title_rect, int(align | Qt.AlignmentFlag.AlignVCenter), title)
        weeks, head_top = self._weeks(first), top + self._title_height()
        names = self._weekday_names(width)
        for col, iso in enumerate(self.columns()):
            column = self._column_rect(col, head_top, _HEAD_H + weeks * _CELL_H)
            if self.calendar and iso in self.calendar.weekend:
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(WEEKEND)
                p.drawRoundedRect(column.adjusted(1, 0, -1, 0), 6, 6)
            p.setFont(base)
            p.setPen(MUTED)
            p.drawText(
                column.adjusted(0, 0, 0, -weeks * _CELL_H), Qt.AlignmentFlag.AlignCenter, names[col]
            )
        days = [first + timedelta(days=i) for i in range(month_end(first).day)]
        self._paint_window(p, days)
        for day in days:
            self._paint_day(p, day, base, bold)

    def _paint_window(self, p: QPainter, days: list[date]) -> None:
        rows: dict[int, list[QRect]] = {}
        for day in days:
            rect = self.cell_rect(day)
            if rect is not None and self.marks(day).in_window:
                rows.setdefault(rect.top(), []).append(rect)
        p.setPen(QPen(BAND_EDGE, 1))
        p.setBrush(BAND)
        for rects in rows.values():
            band = QRectF(rects[0].united(rects[-1])).adjusted(1.5, 4, -1.5, -4)
            p.drawRoundedRect(band, band.height() / 2, band.height() / 2)

    def _paint_day(self, p: QPainter, day: date, base: QFont, bold: QFont) -> None:
        rect = QRectF(self.cell_rect(day) or QRect())
        marks = self.marks(day)
        if marks.outside:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QBrush(HATCH, Qt.BrushStyle.BDiagPattern))
            p.drawRect(rect.adjusted(2, 2, -2, -2))
        number = QRectF(rect.x(), rect.y() + 2, rect.width(), 20)
        p.setFont(bold if marks.day_off or marks.today else base)
        p.setPen(HOLIDAY if marks.day_off else MUTED if marks.outside else TEXT)
        text = format_date(day, "d", locale=self._locale())
        p.drawText(number, Qt.AlignmentFlag.AlignCenter, text)
        if marks.today:
            p.setPen(QPen(ACCENT, 1.6))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawEllipse(number.center(), 11, 11)
        kinds = []
        if marks.holidays:
            kinds.append((True, all(e.estimated for e in marks.holidays)))
        if marks.observances:
            kinds.append((False, all(e.estimated for e in marks.observances)))
        for i, (holiday, estimated) in enumerate(kinds):
            x = rect.center().x() + (i - (len(kinds) - 1) / 2) * 11
            draw_entry_mark(p, QPointF(x, rect.y() + 27), holiday, estimated)
        if marks.deadline:
            draw_flag(p, rect.left() + 5 if self._rtl() else rect.right() - 11, rect.y() + 3)
        if day == self.focused_day and self.hasFocus():
            p.setPen(QPen(ACCENT.darker(130), 2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRoundedRect(rect.adjusted(2, 1.5, -2, -1.5), 6, 6)
