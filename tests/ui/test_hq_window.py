"""HQ's window over real files: workspace, packages, votes, merge, decisions, hq-import."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QMenu,
    QTextEdit,
    QWidget,
)

from culturepanel.consolidation.hq import hq_import
from culturepanel.consolidation.matrix import matrix
from culturepanel.ui.hq_window import HqWindow
from culturepanel.ui.matrix_model import SHOW_NOT_GO, MatrixTableModel
from culturepanel.ui.qt_hq_session import pdf_writer
from tests.ui import hq_data
from tests.ui.hq_data import ANONYMOUS, decide_de, decide_eg

# fixtures: a workspace, EG and DE results (the consolidation suite's), own settings
ws, de, eg, de_results, own_settings = (
    hq_data.ws,
    hq_data.de,
    hq_data.eg,
    hq_data.de_results,
    hq_data.own_settings,
)


def open_hq(qtbot, path: Path) -> HqWindow:
    window = HqWindow(path)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    window.table.setFocus()
    return window


@pytest.fixture
def imported(ws: Path, eg: Path, de_results: Path) -> Path:
    decide_eg(eg)
    report = hq_import(ws, [eg, de_results])
    assert report.changed
    return ws


def cell(window: HqWindow, key: str, market: str, role=Qt.ItemDataRole.DisplayRole):
    grid = window.model.grid
    index = window.model.index(grid.keys.index(key), grid.markets.index(market))
    return index.data(role)


def shown_keys(window: HqWindow) -> list[str]:
    return [
        window.proxy.headerData(r, Qt.Orientation.Vertical) for r in range(window.proxy.rowCount())
    ]


def select(window: HqWindow, key: str, market: str) -> None:
    assert window._select_key(key, market)


def visible_texts(window: QWidget) -> str:
    """Every text the window shows or tells: labels, buttons, fields, rich text, tooltips,
    the matrix with its headers, menus, and open dialogs."""
    out = [window.windowTitle()]
    widgets = [window, *window.findChildren(QWidget)]
    for w in widgets:
        out.append(w.toolTip())
        out.append(w.accessibleName())
        if isinstance(w, QLabel | QAbstractButton):
            out.append(w.text())
        if isinstance(w, QLineEdit):
            out += [w.text(), w.placeholderText()]
        if isinstance(w, QTextEdit):
            out.append(w.toPlainText())
        if isinstance(w, QMenu):
            out += [a.text() + " " + a.toolTip() for a in w.actions()]
    model = window.model
    for r in range(model.rowCount()):
        out.append(str(model.headerData(r, Qt.Orientation.Vertical)))
        out.append(str(model.headerData(r, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole)))
        for c in range(model.columnCount()):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                out.append(str(model.index(r, c).data(role)))
    return "\n".join(t for t in out if t)


def test_matrix_shows_each_cells_decision_in_text_and_colour(qtbot, imported: Path) -> None:
    window = open_hq(qtbot, imported)
    assert window.model.grid.markets == ["DE", "EG"]
    assert cell(window, "hero.title", "EG") == "ESC ⚑"
    assert cell(window, "cta", "EG") == "GO*"  # go with changes beats go in a two-language cell
    assert cell(window, "cta", "DE") == "open"  # DE results carry no decision yet
    assert cell(window, "hero.sub", "EG") == "  —"  # no EG variant of that key
    backgrounds = {
        cell(window, k, m, Qt.ItemDataRole.BackgroundRole).color().name()
        for k, m in (("hero.title", "EG"), ("cta", "EG"), ("cta", "DE"))
    }
    assert len(backgrounds) == 3
    assert cell(window, "cta", "EG", Qt.ItemDataRole.DecorationRole) is not None
    tip = cell(window, "hero.title", "EG", Qt.ItemDataRole.ToolTipRole)
    assert "Escalate to HQ" in tip and "escalated" in tip
    source = window.model.headerData(
        window.model.grid.keys.index("cta"), Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole
    )
    assert source == "Discover now"
    market_tip = window.model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert market_tip == "Egypt"


def test_header_tells_which_markets_are_ready(qtbot, ws: Path, eg: Path, de_results: Path) -> None:
    decide_eg(eg)
    decide_de(de_results)
    hq_import(ws, [eg, de_results])
    window = open_hq(qtbot, ws)
    cards = {card.line.market: card.text() for card in window.header.cards}
    assert "Ready" in cards["DE"] and "4 go" in cards["DE"]
    assert "results-DE.cpanel" in cards["DE"]
    assert "Not ready" in cards["EG"] and "1 escalation" in cards["EG"]
    assert "1 of 2 markets ready" in window.header.summary.text()
    assert not window.hint.isVisible()


def test_escalation_filter_hides_rows_without_escalation(qtbot, imported: Path) -> None:
    window = open_hq(qtbot, imported)
    assert len(shown_keys(window)) == 4
    qtbot.keyClick(window.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert shown_keys(window) == ["hero.title"]
    assert window.act_escalations.isChecked()
    assert "showing 1 of 4" in window.counts_label.text()
    qtbot.keyClick(window.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert len(shown_keys(window)) == 4
    window.show_filter.setCurrentIndex(window.show_filter.findData(SHOW_NOT_GO))
    assert "cta" in shown_keys(window)  # open in DE


def test_search_narrows_keys(qtbot, imported: Path) -> None:
    window = open_hq(qtbot, imported)
    qtbot.keyClick(window.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search.hasFocus()
    qtbot.keyClicks(window.search, "hero")
    assert shown_keys(window) == ["hero.sub", "hero.title"]
    window.search.clear()
    qtbot.keyClicks(window.search, "colours")  # the source copy of hero.sub
    assert shown_keys(window) == ["hero.sub"]


def test_drill_down_names_only_consenting_panelists(qtbot, imported: Path) -> None:
    window = open_hq(qtbot, imported)
    select(window, "hero.title", "EG")
    text = window.details.browser.toPlainText()
    assert "Launch meets Eid; two rejections" in text
    assert "Not during Eid" in text
    assert "Amira" in text  # consented
    assert "Panelist 2" in text and "Panelist 3" in text
    assert "Timing conflict" in text or "Timing conflicts" in text
    assert "critical concern" in text
    select(window, "cta", "EG")
    text = window.details.browser.toPlainText()
    assert "Warmer wording" in text and "اكتشفه الآن" in text  # rationale, adopted rewrite
    assert "Arabic (Egypt)" in text and "English" in text  # both variants of the cell
    seen = []
    for key in window.model.grid.keys:  # every cell: nobody unconsenting is named
        for market in window.model.grid.markets:
            select(window, key, market)
            seen.append(visible_texts(window))
    everything = "\n".join(seen)
    for name in ANONYMOUS:
        assert name not in everything
    assert "Anna" in everything  # DE: consented


def test_keyboard_moves_and_enter_opens_details(qtbot, imported: Path) -> None:
    window = open_hq(qtbot, imported)
    window.select_cell(0, 0)
    qtbot.keyClick(window.table, Qt.Key.Key_Right)
    assert window.table.currentIndex().column() == 1
    qtbot.keyClick(window.table, Qt.Key.Key_Down)
    assert window.table.currentIndex().row() == 1
    window.dock.hide()
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    assert window.dock.isVisible()
    assert window.details.browser.hasFocus()
    qtbot.keyClick(window.details.browser, Qt.Key.Key_Escape)
    assert window.table.hasFocus()
    assert "Ctrl+E" in window.act_escalations.toolTip()
    assert "Ctrl+I" in window.act_import.toolTip()
    assert "Ctrl+F" in window.search.placeholderText()


def test_matrix_model_passes_the_model_tester(qtmodeltester, imported: Path) -> None:
    qtmodeltester.check(MatrixTableModel(matrix(imported)))


def test_window_models_pass_the_model_tester(qtbot, qtmodeltester, imported: Path) -> None:
    window = open_hq(qtbot, imported)
    qtmodeltester.check(window.model)
    qtmodeltester.check(window.proxy)


def test_empty_workspace_then_import_through_the_window(
    qtbot, ws: Path, eg: Path, de_results: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    decide_eg(eg)
    window = open_hq(qtbot, ws)
    assert window.hint.isVisible()
    assert window.model.rowCount() == 4 and window.model.columnCount() == 2
    assert cell(window, "hero.title", "EG") == "open"
    assert all(card.line.imported is None for card in window.header.cards)
    picked = [str(eg), str(de_results)]
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getOpenFileNames", lambda *a, **k: (picked, "")
    )
    window.act_import.trigger()
    dialog = window.import_dialog
    assert dialog is not None and dialog.isVisible()
    rows = dialog.texts()
    assert [(r[0], r[1]) for r in rows] == [
        ("results-EG.cpanel", "EG"),
        ("results-DE.cpanel", "DE"),
    ]
    assert all("imported" in r[2] for r in rows)
    assert cell(window, "hero.title", "EG") == "ESC ⚑"
    assert not window.hint.isVisible()
    dialog.close()

    picked[:] = [str(eg), str(ws)]  # again, plus a file that is no results file
    window.act_import.trigger()
    rows = window.import_dialog.texts()
    assert "unchanged" in rows[0][2]
    assert "refused" in rows[1][2] and rows[1][3]
    window.import_dialog.close()


def test_dropping_results_files_imports_them(qtbot, ws: Path, eg: Path) -> None:
    window = open_hq(qtbot, ws)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(eg))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    assert window.import_dialog is not None
    assert "imported" in window.import_dialog.texts()[0][2]
    assert "EG" in window.model.grid.imported
    window.import_dialog.close()


def test_export_reports(
    qtbot, imported: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_hq(qtbot, imported)
    target = {"path": tmp_path / "report.csv"}
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(target["path"]), "")
    )
    window.act_exports["csv"].trigger()
    text = (tmp_path / "report.csv").read_text(encoding="utf-8-sig")
    assert "hero.title" in text and "Panelist 2" in text
    assert not any(name in text for name in ANONYMOUS)
    target["path"] = tmp_path / "report.xlf"
    window.act_exports["xliff-2.0"].trigger()  # one file per locale
    assert sorted(p.name for p in tmp_path.glob("report.*.xlf")) == [
        "report.ar-EG.xlf",
        "report.de-DE.xlf",
        "report.en.xlf",
    ]
    assert "Wrote" in window.statusBar().currentMessage()
    pdf = window.act_exports["pdf"]
    if pdf_writer() is None:
        assert not pdf.isEnabled() and pdf.toolTip()
    else:
        assert pdf.isEnabled()


def test_export_of_an_empty_workspace_says_why(
    qtbot, ws: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_hq(qtbot, ws)
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getSaveFileName",
        lambda *a, **k: (str(tmp_path / "r.csv"), ""),
    )
    warned = []
    monkeypatch.setattr(
        "PySide6.QtWidgets.QMessageBox.warning", lambda *a, **k: warned.append(a[2])
    )
    window.act_exports["csv"].trigger()
    assert warned and "nothing to report" in warned[0]
    assert not (tmp_path / "r.csv").exists()
    QApplication.processEvents()
