"""The calendar dock, driven through real widgets over real review packages."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QHelpEvent, QImage
from PySide6.QtWidgets import QApplication, QToolTip

from culturepanel.i18n import set_language
from culturepanel.review.packages import build_packages
from culturepanel.review.session import ReviewSession, VariantRow
from culturepanel.ui.calendar_grid import MonthGrid
from culturepanel.ui.calendar_marks import HOLIDAY, WEEKEND
from culturepanel.ui.calendar_panel import CalendarPanel
from tests.factories import ROWS, make_package, make_workspace

FOOTER = ["footer", "de-DE", "Impressum", "Imprint", "web", "", "", ""]
EASTER = ["easter", "de-DE", "Frohe Ostern", "Happy Easter", "web", "2027-03-20", "2027-04-05", ""]

OpenPanel = Callable[..., CalendarPanel]

# Keyboard moves show the day's tooltip; the offscreen platform cannot raise its window.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")


@pytest.fixture
def open_panel(qtbot) -> Iterator[OpenPanel]:
    """Open a package in a shown panel and select the variant with ``key`` (if given)."""
    sessions: list[ReviewSession] = []

    def _open(path: Path, key: str | None = None) -> CalendarPanel:
        session = ReviewSession(path)
        sessions.append(session)
        panel = CalendarPanel(session)
        qtbot.addWidget(panel)
        panel.resize(420, 720)
        with qtbot.waitActive(panel):
            panel.show()
            panel.activateWindow()
        if key is not None:
            panel.show_variant(variant(session, key))
        return panel

    yield _open
    for session in sessions:
        session.close()


@pytest.fixture
def right_to_left() -> Iterator[None]:
    """An Arabic UI, mirrored as the app mirrors it."""
    set_language("ar")
    QApplication.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    yield
    QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    set_language("en")


def variant(session: ReviewSession, key: str) -> VariantRow:
    rows = session.variants(session.variant_ids()).values()
    return next(row for row in rows if row.key == key)


def package_with(tmp_path: Path, rows: list[list[str]], deadline: date | None = None) -> Path:
    workspace = make_workspace(tmp_path, rows)
    return build_packages(workspace, "DE", ["Anna"], tmp_path / "out", deadline=deadline)[0].path


def column_of(grid: MonthGrid, day: date) -> int:
    return grid.columns().index(day.isoweekday())


def has_color(image: QImage, grid: MonthGrid, day: date, color: QColor, part: str) -> bool:
    """True if a part of the cell (`bottom`: marks, `corner`: shading) shows ``color``."""
    rect = grid.cell_rect(day)
    assert rect is not None
    ratio = image.devicePixelRatio()
    if part == "corner":
        points = [(rect.left() + 5, rect.top() + 5)]
    else:
        points = [
            (x, y)
            for x in range(rect.left(), rect.right())
            for y in range(rect.top() + 22, rect.bottom())
        ]
    for x, y in points:
        pixel = image.pixelColor(int(x * ratio), int(y * ratio))
        if (
            max(
                abs(pixel.red() - color.red()),
                abs(pixel.green() - color.green()),
                abs(pixel.blue() - color.blue()),
            )
            < 12
        ):
            return True
    return False


def test_german_month_starts_on_monday_with_weekend_and_holidays_marked(
    open_panel: OpenPanel, tmp_path: Path
) -> None:
    panel = open_panel(make_package(tmp_path, market="DE"), "hero.title")
    grid = panel.grid

    assert grid.months() == [date(2027, 3, 1)]
    assert panel.month_label.text() == "March 2027"
    assert grid.columns() == [1, 2, 3, 4, 5, 6, 7]
    assert grid.header_names()[0] == "Mon"
    assert grid.day_at(0, 0) == date(2027, 3, 1)  # a Monday
    weekend = [
        iso for col, iso in enumerate(grid.columns()) if grid.marks(grid.day_at(col, 1)).weekend
    ]
    assert weekend == [6, 7]
    good_friday = grid.marks(date(2027, 3, 26))
    assert [e.name for e in good_friday.holidays] == ["Good Friday"]
    assert [e.name for e in good_friday.observances] == ["Good Friday (silent day)"]
    assert good_friday.day_off
    assert grid.marks(date(2027, 3, 14)).in_window and not grid.marks(date(2027, 3, 15)).in_window

    image = grid.grab().toImage()
    assert has_color(image, grid, date(2027, 3, 26), HOLIDAY, "bottom")
    assert not has_color(image, grid, date(2027, 3, 24), HOLIDAY, "bottom")
    assert has_color(image, grid, date(2027, 3, 20), WEEKEND, "corner")
    assert not has_color(image, grid, date(2027, 3, 17), WEEKEND, "corner")

    assert "Launch window: " in panel.window_label.text()
    assert "(14 days)" in panel.window_label.text()
    entries = panel.entries_list.texts()
    assert any(t.startswith("Good Friday\n") and "public holiday" in t for t in entries)
    assert any("Ramadan" in t and "estimated" in t for t in entries)
    assert "Weeks start on Monday; the weekend in Germany is Saturday and Sunday." in (
        panel.notes_label.text()
    )


def test_findings_list_shows_the_holiday_a_window_crosses(
    open_panel: OpenPanel, tmp_path: Path
) -> None:
    panel = open_panel(make_package(tmp_path, market="EG"), "hero.title")

    texts = panel.findings_list.texts()
    assert texts[0].startswith("✖ Conflict\nThe launch window")
    holiday = [c for c in panel.findings_list.cards if "public holiday in Egypt" in c.toolTip()]
    assert len(holiday) == 1  # the reason is the card's tooltip
    assert holiday[0].text().startswith("⚠ Caution\nThe launch window")
    assert "overlaps Eid al-Fitr (Mar 9\u2009–\u200910, 2027)" in holiday[0].text()
    assert not panel.deadline_list.isVisibleTo(panel)  # the package has no deadline


def test_day_tooltips_name_the_entries_with_category_reason_and_estimate(
    open_panel: OpenPanel, tmp_path: Path, qtbot
) -> None:
    panel = open_panel(make_package(tmp_path, market="EG"), "hero.title")
    grid = panel.grid

    tip = grid.day_tooltip(date(2027, 3, 9))
    assert "Eid al-Fitr (public holiday, ≈ estimated date" in tip
    assert "The festival that ends Ramadan" in tip
    assert "In the launch window" in tip
    assert "Weekend" not in tip  # a Tuesday
    assert "Weekend in Egypt" in grid.day_tooltip(date(2027, 3, 12))  # a Friday

    rect = grid.cell_rect(date(2027, 3, 21))
    assert rect is not None
    event = QHelpEvent(QEvent.Type.ToolTip, rect.center(), grid.mapToGlobal(rect.center()))
    QApplication.sendEvent(grid, event)
    assert "Mother's Day (family" in QToolTip.text()
    QToolTip.hideText()

    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    assert "Eid al-Fitr" not in grid.accessibleDescription()
    assert grid.accessibleDescription().startswith("Tuesday, March 2, 2027")
    assert "Ramadan" in grid.accessibleDescription()
    QToolTip.hideText()


def test_keyboard_moves_the_day_and_pages_months(
    open_panel: OpenPanel, tmp_path: Path, qtbot
) -> None:
    panel = open_panel(make_package(tmp_path, market="DE"), "hero.title")
    grid = panel.grid
    grid.setFocus()
    assert grid.focused_day == date(2027, 3, 1)

    qtbot.keyClick(grid, Qt.Key.Key_Right)
    qtbot.keyClick(grid, Qt.Key.Key_Down)
    assert grid.focused_day == date(2027, 3, 9)
    qtbot.keyClick(grid, Qt.Key.Key_PageDown)
    assert grid.months() == [date(2027, 4, 1)]
    assert grid.focused_day == date(2027, 4, 9)
    assert panel.month_label.text() == "April 2027"
    assert panel.entries_list.texts() == []
    assert panel.entries_list.placeholder.text() == "No holidays or observances in these months."
    qtbot.keyClick(grid, Qt.Key.Key_PageUp)
    qtbot.keyClick(grid, Qt.Key.Key_End)
    qtbot.keyClick(grid, Qt.Key.Key_Right)  # past the end of March: the view follows
    assert grid.focused_day == date(2027, 4, 1)
    assert grid.months() == [date(2027, 4, 1)]
    qtbot.mouseClick(panel.prev_button, Qt.MouseButton.LeftButton)
    assert grid.months() == [date(2027, 3, 1)]
    QToolTip.hideText()


def test_activating_a_finding_shows_its_first_day(
    open_panel: OpenPanel, tmp_path: Path, qtbot
) -> None:
    panel = open_panel(make_package(tmp_path, market="DE"), "hero.title")
    card = panel.findings_list.cards[0]
    assert "Ramadan" in card.text()

    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    assert panel.grid.focused_day == date(2027, 2, 8)
    assert panel.grid.months() == [date(2027, 2, 1)]
    assert panel.grid.hasFocus()


def test_window_across_two_months_shows_both(open_panel: OpenPanel, tmp_path: Path) -> None:
    panel = open_panel(package_with(tmp_path, [*ROWS, EASTER]), "easter")
    grid = panel.grid

    assert grid.months() == [date(2027, 3, 1), date(2027, 4, 1)]
    assert panel.month_label.text() == "March\u2009–\u2009April 2027"
    assert grid.day_at(3, 0, month=1) == date(2027, 4, 1)  # a Thursday
    first_april, last_march = grid.cell_rect(date(2027, 4, 1)), grid.cell_rect(date(2027, 3, 31))
    assert first_april is not None and last_march is not None
    assert first_april.top() > last_march.bottom()
    assert grid.marks(date(2027, 4, 5)).in_window
    assert any("Easter Monday" in t for t in panel.findings_list.texts())
    assert any(t.startswith("Easter Monday\n") for t in panel.entries_list.texts())


def test_variant_without_window_shows_the_deadline_month(
    open_panel: OpenPanel, tmp_path: Path
) -> None:
    path = package_with(tmp_path, [*ROWS, FOOTER], deadline=date(2027, 3, 27))
    panel = open_panel(path, "footer")

    assert "This variant has no launch window." in panel.window_label.text()
    assert panel.grid.months() == [date(2027, 3, 1)]
    assert panel.grid.marks(date(2027, 3, 27)).deadline
    assert not any(panel.grid.marks(date(2027, 3, d)).in_window for d in range(1, 32))
    assert panel.findings_list.texts() == []
    assert panel.findings_list.placeholder.isVisibleTo(panel)
    assert panel.deadline_title.text() == "Review deadline: Mar 27, 2027"
    deadline = panel.deadline_list.texts()
    assert deadline[0].startswith("⚑ Deadline · ⚠ Caution\nThe deadline (Mar 27, 2027) falls")
    assert "Review deadline" in panel.grid.day_tooltip(date(2027, 3, 27))

    panel.grid.today = date(2027, 3, 3)
    assert panel.grid.marks(date(2027, 3, 3)).today
    assert "Today" in panel.grid.day_tooltip(date(2027, 3, 3))


def test_package_without_calendar_says_so(open_panel: OpenPanel, tmp_path: Path) -> None:
    panel = open_panel(package_with(tmp_path, [FOOTER]), "footer")

    assert panel.empty.isVisible()
    assert panel.empty.text() == "This package carries no calendar for its market."
    assert not panel.grid.isVisible()
    panel.show_variant(None)
    assert panel.empty.isVisible()


@pytest.mark.usefixtures("right_to_left")
def test_arabic_ui_mirrors_the_egyptian_week(open_panel: OpenPanel, tmp_path: Path, qtbot) -> None:
    panel = open_panel(make_package(tmp_path, market="EG"), "hero.title")
    grid = panel.grid

    assert grid.columns() == [6, 7, 1, 2, 3, 4, 5]  # CLDR: the week starts on Saturday in Egypt
    assert grid.visual_columns() == [5, 4, 3, 2, 1, 7, 6]
    assert "سبت" in grid.header_names()[0]
    weekend = [
        iso for col, iso in enumerate(grid.columns()) if grid.marks(grid.day_at(col, 1)).weekend
    ]
    assert weekend == [6, 5]
    saturday, sunday = grid.cell_rect(date(2027, 3, 6)), grid.cell_rect(date(2027, 3, 7))
    assert saturday is not None and sunday is not None
    assert saturday.left() > sunday.left()  # the first day of the week is on the right
    assert saturday.right() > grid.width() - 60
    assert "عيد الفطر المبارك" in [e.name for e in grid.marks(date(2027, 3, 9)).holidays]

    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_Left)  # leftwards is onwards in a right-to-left week
    assert grid.focused_day == date(2027, 3, 2)
    assert panel.prev_button.x() > panel.next_button.x()
    QToolTip.hideText()


def test_grid_point_lookup_matches_painted_cells(open_panel: OpenPanel, tmp_path: Path) -> None:
    panel = open_panel(make_package(tmp_path, market="DE"), "hero.title")
    grid = panel.grid
    for row, day in ((0, date(2027, 3, 1)), (2, date(2027, 3, 17)), (4, date(2027, 3, 31))):
        assert grid.day_at(column_of(grid, day), row) == day
        rect = grid.cell_rect(day)
        assert rect is not None
        assert grid.day_at_pos(rect.center().x(), rect.center().y()) == day
    assert grid.day_at(6, 4) is None  # after the 31st
    assert grid.day_at_pos(-5, -5) is None
