"""The calendar dock of the review window: a variant's launch window in its market's calendar.

The package carries the market's calendar slice, so the panel shows the same on
any machine, offline. Above, one or two months (those the launch window
touches) in the market's week, with a legend; below, the variant's timing
findings, the deadline's, the holidays and observances of the months shown,
and the calendar's notes. Clicking a finding or an entry (or pressing Enter on
it) focuses its first day in the grid.
"""

from __future__ import annotations

import html
from datetime import date

from babel.dates import format_interval, format_skeleton
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from culturepanel.calendar import (
    KIND_HOLIDAY,
    SEVERITY_CAUTION,
    SEVERITY_CONFLICT,
    SEVERITY_INFO,
    SUBJECT_DEADLINE,
    CalendarEntry,
    TimingFinding,
)
from culturepanel.calendar.formatting import (
    babel_locale,
    fmt_span,
    market_name,
    weekday_list,
    weekday_name,
)
from culturepanel.calendar.wording import category_label
from culturepanel.formatting import format_day, isolate
from culturepanel.i18n import N_, _, current_language, ngettext
from culturepanel.review.session import ReviewSession, VariantRow
from culturepanel.ui.calendar_grid import MonthGrid
from culturepanel.ui.calendar_marks import mark_icon, month_end, month_start

SEVERITY_LABELS = {
    SEVERITY_CONFLICT: N_("Conflict"),
    SEVERITY_CAUTION: N_("Caution"),
    SEVERITY_INFO: N_("Info"),
}
SEVERITY_GLYPHS = {SEVERITY_CONFLICT: "✖", SEVERITY_CAUTION: "⚠", SEVERITY_INFO: "ℹ"}
SEVERITY_COLORS = {
    SEVERITY_CONFLICT: "#c0392b",
    SEVERITY_CAUTION: "#9a6209",
    SEVERITY_INFO: "#2f80ed",
}

_STYLE = """
QScrollArea#CalendarScroll, QWidget#CalendarContent { background: transparent; border: none; }
QLabel#MonthTitle { font-weight: 600; color: #102a43; }
QLabel#CalendarWindow { background: #eef4fb; border-radius: 6px; padding: 6px 8px; color: #243b53; }
QLabel#CalendarSection { color: #627d98; font-weight: 600; padding-top: 6px; }
QLabel#CalendarMuted, QLabel#CalendarNotes { color: #52606d; }
QFrame#CalendarGridFrame { background: #ffffff; border: 1px solid #dde1e6; border-radius: 8px; }
QFrame#CalendarCard { background: #ffffff; border: 1px solid #dde1e6; border-radius: 6px; }
QFrame#CalendarCard:focus { border: 1px solid #2f80ed; background: #eef4fb; }
QFrame#CalendarCard[deadline="true"] { background: #f7f2fa; border-color: #d7c3e3; }
QToolButton#MonthButton { border: 1px solid #cbd2d9; border-radius: 5px; background: #ffffff;
    padding: 3px; }
QToolButton#MonthButton:hover { background: #eef2f7; }
QToolButton#MonthButton:focus { border-color: #2f80ed; }
"""


def _label(text: str = "", name: str = "", rich: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    # the UI's leading edge even for text that runs the other way (untranslated in RTL)
    leading = QStyle.visualAlignment(QGuiApplication.layoutDirection(), Qt.AlignmentFlag.AlignLeft)
    label.setAlignment(leading | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter)
    if name:
        label.setObjectName(name)
    return label


def _span(start: date, end: date) -> str:
    return isolate(fmt_span(start, end, current_language()))


class CalendarCard(QFrame):
    """A focusable card (a finding or an entry); activating it focuses ``day`` in the grid."""

    activated = Signal(object)  # datetime.date

    def __init__(self, day: date, text: str, tooltip: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.day = day
        self.setObjectName("CalendarCard")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setToolTip(tooltip)
        self.setAccessibleName(text)
        self.setAccessibleDescription(tooltip)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(8, 6, 8, 6)
        self.body.setSpacing(2)
        self._text = text
        self.finding: TimingFinding | None = None
        self.entry: CalendarEntry | None = None

    def text(self) -> str:
        return self._text

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.activated.emit(self.day)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.day)
            return
        super().keyPressEvent(event)


def finding_card(finding: TimingFinding) -> CalendarCard:
    """Severity (glyph and word), message and suggestion; the reason as tooltip."""
    severity = _(SEVERITY_LABELS.get(finding.severity, finding.severity))
    heading = f"{SEVERITY_GLYPHS.get(finding.severity, '•')} {severity}"
    deadline = finding.subject == SUBJECT_DEADLINE
    if deadline:
        heading = _("⚑ Deadline · {severity}").format(severity=heading)
    text = "\n".join((heading, finding.message, finding.suggestion))
    card = CalendarCard(finding.start, text, finding.reason)
    card.setProperty("deadline", deadline)
    head = _label(heading)
    color = "#6c3483" if deadline else SEVERITY_COLORS.get(finding.severity, "#52606d")
    head.setStyleSheet(f"color: {color}; font-weight: 600;")
    card.body.addWidget(head)
    card.body.addWidget(_label(finding.message))
    if finding.suggestion:
        card.body.addWidget(_label(finding.suggestion, "CalendarMuted"))
    card.finding = finding
    return card


def entry_card(entry: CalendarEntry) -> CalendarCard:
    """Mark, name, dates, kind and 'estimated'; the reason as tooltip."""
    holiday = entry.kind == KIND_HOLIDAY
    if holiday:
        kind = category_label(entry)
    else:
        kind = _("{category} observance").format(category=category_label(entry))
    details = [_span(entry.start, entry.end), kind]
    if entry.estimated:
        details.append(_("≈ estimated date"))
    text = f"{entry.name}\n{' · '.join(details)}"
    card = CalendarCard(entry.start, text, entry.reason or "")
    row = QHBoxLayout()
    row.setSpacing(8)
    icon = QLabel()
    mark = ("holiday" if holiday else "observance") + ("-estimated" if entry.estimated else "")
    icon.setPixmap(mark_icon(mark))
    icon.setAlignment(Qt.AlignmentFlag.AlignTop)
    row.addWidget(icon)
    body = f"<b>{html.escape(entry.name)}</b><br><span style='color:#52606d'>"
    row.addWidget(_label(body + html.escape(" · ".join(details)) + "</span>", rich=True), 1)
    card.body.addLayout(row)
    card.entry = entry
    return card


class CardList(QWidget):
    """A column of cards with a hint when there is none."""

    activated = Signal(object)  # datetime.date

    def __init__(self, accessible_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self.cards: list[CalendarCard] = []
        self.placeholder = _label("", "EmptyHint")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self._layout.addWidget(self.placeholder)

    def set_cards(self, cards: list[CalendarCard], empty_text: str) -> None:
        for card in self.cards:
            self._layout.removeWidget(card)
            card.deleteLater()
        self.cards = cards
        for card in cards:
            card.activated.connect(self.activated)
            self._layout.addWidget(card)
        self.placeholder.setText(empty_text)
        self.placeholder.setVisible(not cards)

    def texts(self) -> list[str]:
        """What each card says, in order."""
        return [card.text() for card in self.cards]


def _legend() -> QWidget:
    legend = QWidget()
    legend.setAccessibleName(_("Legend"))
    grid = QGridLayout(legend)
    grid.setContentsMargins(2, 4, 2, 0)
    grid.setHorizontalSpacing(6)
    grid.setVerticalSpacing(3)
    items = (
        ("weekend", _("Weekend")),
        ("window", _("Launch window")),
        ("holiday", _("Holiday (bold red: day off)")),
        ("observance", _("Observance")),
        ("estimated", _("Estimated date")),
        ("today", _("Today")),
        ("deadline", _("Review deadline")),
        ("outside", _("Beyond the package's calendar")),
    )
    for i, (mark, text) in enumerate(items):
        icon = QLabel()
        icon.setPixmap(mark_icon(mark))
        row, col = divmod(i, 2)
        grid.addWidget(icon, row, col * 2)
        grid.addWidget(_label(text, "CalendarMuted"), row, col * 2 + 1)
    grid.setColumnStretch(1, 1)
    grid.setColumnStretch(3, 1)
    return legend


class CalendarPanel(QWidget):
    """The market calendar around the selected variant's launch window, with its findings."""

    def __init__(self, session: ReviewSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.calendar = session.calendar()
        self.deadline = session.deadline()
        self.variant: VariantRow | None = None
        self.setStyleSheet(_STYLE)
        self.setMinimumWidth(320)

        self.empty = _label(_("This package carries no calendar for its market."), "EmptyHint")
        self.prev_button = self._month_button(QStyle.StandardPixmap.SP_ArrowBack, -1)
        self.prev_button.setAccessibleName(_("Previous month"))
        self.prev_button.setToolTip(_("Previous month (Page Up)"))
        self.next_button = self._month_button(QStyle.StandardPixmap.SP_ArrowForward, 1)
        self.next_button.setAccessibleName(_("Next month"))
        self.next_button.setToolTip(_("Next month (Page Down)"))
        self.month_label = _label("", "MonthTitle")
        self.month_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.window_label = _label("", "CalendarWindow")
        self.grid = MonthGrid()
        self.findings_list = CardList(_("Timing findings"))
        self.deadline_title = _label("", "CalendarSection")
        self.deadline_list = CardList(_("Deadline findings"))
        self.entries_title = _label("", "CalendarSection")
        self.entries_list = CardList(_("Holidays and observances"))
        self.notes_label = _label("", "CalendarNotes")
        self.notes_label.setAccessibleName(_("Calendar notes"))

        nav = QHBoxLayout()
        nav.addWidget(self.prev_button)
        nav.addWidget(self.month_label, 1)
        nav.addWidget(self.next_button)
        frame = QFrame()
        frame.setObjectName("CalendarGridFrame")
        framed = QVBoxLayout(frame)
        framed.setContentsMargins(4, 4, 4, 4)
        framed.addWidget(self.grid)
        content = QWidget()
        content.setObjectName("CalendarContent")
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 4, 0)
        column.setSpacing(6)
        column.addWidget(self.window_label)
        column.addWidget(frame)
        column.addWidget(_legend())
        column.addWidget(_label(_("Timing findings"), "CalendarSection"))
        column.addWidget(self.findings_list)
        column.addWidget(self.deadline_title)
        column.addWidget(self.deadline_list)
        column.addWidget(self.entries_title)
        column.addWidget(self.entries_list)
        column.addWidget(_label(_("Notes"), "CalendarSection"))
        column.addWidget(self.notes_label)
        column.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("CalendarScroll")
        self.scroll.setWidget(content)
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.nav = QWidget()
        self.nav.setLayout(nav)
        nav.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.empty)
        layout.addWidget(self.nav)
        layout.addWidget(self.scroll, 1)

        QWidget.setTabOrder(self.prev_button, self.next_button)
        QWidget.setTabOrder(self.next_button, self.grid)
        self.grid.months_changed.connect(self._months_changed)
        for cards in (self.findings_list, self.deadline_list, self.entries_list):
            cards.activated.connect(self._focus_day)
        self._fill_static()
        self.show_variant(None)

    def _month_button(self, icon: QStyle.StandardPixmap, months: int) -> QToolButton:
        button = QToolButton()
        button.setObjectName("MonthButton")
        button.setIcon(self.style().standardIcon(icon))
        button.setIconSize(QSize(12, 12))
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        button.clicked.connect(lambda: self.grid.shift_months(months))
        return button

    def _focus_day(self, day: date) -> None:
        self.grid.focus_day(day)
        self.grid.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- filling ------------------------------------------------------------------
    def _fill_static(self) -> None:
        """The parts that do not depend on the variant: empty state, deadline, notes."""
        cal, lang = self.calendar, current_language()
        self.empty.setVisible(cal is None)
        self.nav.setVisible(cal is not None)
        self.scroll.setVisible(cal is not None)
        if cal is None:
            return
        self.deadline_title.setVisible(self.deadline is not None)
        self.deadline_list.setVisible(self.deadline is not None)
        if self.deadline is not None:
            self.deadline_title.setText(
                _("Review deadline: {date}").format(date=format_day(self.deadline))
            )
            self.deadline_list.set_cards(
                [finding_card(f) for f in self.session.deadline_findings()],
                _("The deadline meets no holiday, observance or weekend."),
            )
        notes = [
            _("Weeks start on {day}; the weekend in {market} is {weekend}.").format(
                day=weekday_name(cal.first_day_of_week, lang),
                market=market_name(cal.market, lang),
                weekend=weekday_list(cal.weekend, lang),
            ),
            _("The package carries this calendar for {dates}.").format(
                dates=_span(cal.start, cal.end)
            ),
            *cal.notes,
        ]
        self.notes_label.setText("\n".join(f"• {note}" for note in notes))

    def show_variant(self, variant: VariantRow | None) -> None:
        """Show the calendar around ``variant``'s launch window (or today / the deadline)."""
        self.variant = variant
        if self.calendar is None:
            return
        start = variant and (variant.launch_start or variant.launch_end)
        end = variant and (variant.launch_end or variant.launch_start)
        window = (start, end) if start and end else None
        self.grid.set_data(self.calendar, window, self.deadline)
        if window is not None and variant is not None:
            days = (window[1] - window[0]).days + 1
            self.window_label.setText(
                _("Launch window: {dates} ({days})").format(
                    dates=_span(*window),
                    days=ngettext("{count} day", "{count} days", days).format(count=days),
                )
            )
            findings = self.session.timing_findings(variant)
            self.findings_list.set_cards(
                [finding_card(f) for f in findings],
                _("The launch window meets no holiday, observance or weekend in this calendar."),
            )
            two = month_start(window[0]) != month_start(window[1])
            self.grid.show_months(window[0], 2 if two else 1, focus=window[0])
            return
        anchor = self.deadline or self.grid.today
        if variant is None:
            text = _("Select a variant to see its launch window.")
        else:
            text = _("This variant has no launch window.")
        if self.deadline is not None:
            text += " " + _("Showing the month of the review deadline.")
        else:
            text += " " + _("Showing the current month.")
        self.window_label.setText(text)
        self.findings_list.set_cards([], _("No launch window to check."))
        self.grid.show_months(anchor, 1, focus=anchor)

    def _months_changed(self) -> None:
        months, locale = self.grid.months(), babel_locale(current_language())
        first, last = months[0], months[-1]
        if first == last:
            title = format_skeleton("yMMMM", first, locale=locale)
        else:
            title = format_interval(first, last, skeleton="yMMMM", locale=locale)
        self.month_label.setText(title)
        self.grid.setAccessibleName(_("Month calendar, {months}").format(months=title))
        self.entries_title.setText(_("Holidays and observances in {months}").format(months=title))
        if self.calendar is None:
            return
        entries = [e for e in self.calendar.entries if e.overlaps(first, month_end(last))]
        self.entries_list.set_cards(
            [entry_card(e) for e in entries], _("No holidays or observances in these months.")
        )
