"""The manager's window, driven through real widgets on a real regional results file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog

from culturepanel.consolidation.session import ManagerSession
from culturepanel.ui.manager_model import COL_DECISION, COL_TRIGGERS
from culturepanel.ui.manager_window import ManagerWindow
from tests.ui.manager_files import EgFiles, build_eg


@pytest.fixture
def eg(tmp_path: Path) -> EgFiles:
    return build_eg(tmp_path)


def open_window(qtbot, path: Path, start_checks: bool = False) -> ManagerWindow:
    window = ManagerWindow(path, start_checks=start_checks)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.table.setFocus()
    return window


def press(qtbot, keys: str) -> None:
    """Press e.g. ``Ctrl+3`` on whatever widget has focus, as a user would."""
    *mods, last = keys.split("+")
    modifiers = Qt.KeyboardModifier.NoModifier
    for m in mods:
        modifiers |= {"Ctrl": Qt.KeyboardModifier.ControlModifier}[m]
    qtbot.keyClick(QApplication.focusWidget(), getattr(Qt.Key, f"Key_{last}"), modifiers)


def recorded(path: Path, variant_id: str):
    session = ManagerSession(path)
    try:
        return session.summary(variant_id).decision
    finally:
        session.close()


def test_disagreements_come_first_with_charts_of_the_right_counts(qtbot, qtmodeltester, eg):
    window = open_window(qtbot, eg.results)
    qtmodeltester.check(window.model)
    assert window.list.visible_ids()[0] == eg.ids["hero.title@ar-EG"]
    assert window.current_id == eg.ids["hero.title@ar-EG"]
    first = window.list.proxy.index(0, COL_TRIGGERS)
    assert first.data() == "⚠ 4"  # the count in text, not colour alone
    assert "critical concern" in first.data(Qt.ItemDataRole.ToolTipRole)
    assert window.list.proxy.index(0, COL_DECISION).data() == "—"
    charts = window.detail.charts
    assert charts["timing"].counts == (2, 0, 1, 0, 0)
    assert charts["language"].counts == (0, 1, 1, 1, 0)
    assert "score 1: 2" in charts["timing"].accessibleDescription()
    assert window.detail.decisions.counts["reject"] == 2
    assert window.detail.decisions.counts["approve"] == 1
    assert window.detail.recommendation.text().startswith("Recommended: Escalate to HQ — because:")
    assert "Eid al-Fitr" in window.detail.recommendation.text()
    panelists = [
        window.detail.votes.horizontalHeaderItem(c).text()
        for c in range(window.detail.votes.columnCount())
    ]
    assert panelists == ["Amira", "Panelist 2", "Panelist 3"]  # names only with consent
    strip = window.strip
    assert "3 panelists" in strip.facts.text() and "0 of 3 variants decided" in strip.facts.text()
    assert strip.alphas["decision"].text().startswith("Decision: 0.")
    assert "low agreement" in strip.alphas["decision"].text()


def test_a_decision_needs_a_rationale_said_inline_and_nothing_is_recorded(qtbot, eg):
    window = open_window(qtbot, eg.results)
    hero = eg.ids["hero.title@ar-EG"]
    press(qtbot, "Ctrl+3")  # no-go
    assert window.form.chosen() == "no_go"
    assert window.form.hint.isVisible() and "rationale is required" in window.form.hint.text()
    press(qtbot, "Ctrl+Return")
    assert window.form.message.isVisible()
    assert "rationale" in window.form.message.text()
    assert recorded(eg.results, hero) is None
    assert window.form.rationale.hasFocus()
    qtbot.keyClicks(window.form.rationale, "Launch falls on Eid; move it")
    press(qtbot, "Ctrl+Return")
    assert not window.form.message.isVisible()
    decision = recorded(eg.results, hero)
    assert decision is not None and decision.decision == "no_go"
    assert decision.rationale == "Launch falls on Eid; move it"
    assert window.list.proxy.index(0, COL_DECISION).data() == "No-go"
    assert window.history.count() == 1 and "No-go" in window.history.item(0).text()
    assert "1 of 3 variants decided" in window.progress_label.text()


def test_a_plain_go_needs_no_rationale_and_keys_move_through_the_list(qtbot, eg):
    window = open_window(qtbot, eg.results)
    press(qtbot, "Ctrl+Down")
    press(qtbot, "Ctrl+Down")
    assert window.current_id == eg.ids["cta@en"]
    press(qtbot, "Ctrl+1")
    press(qtbot, "Ctrl+Return")
    assert recorded(eg.results, eg.ids["cta@en"]).decision == "go"
    press(qtbot, "Ctrl+Up")
    assert window.current_id == eg.ids["cta@ar-EG"]


def test_an_unrecorded_draft_survives_moving_away_and_back(qtbot, eg):
    window = open_window(qtbot, eg.results)
    press(qtbot, "Ctrl+4")
    qtbot.keyClicks(window.form.rationale, "Ask HQ")
    press(qtbot, "Ctrl+Down")
    assert window.form.chosen() is None
    press(qtbot, "Ctrl+Up")
    assert window.form.chosen() == "escalate"
    assert window.form.rationale.toPlainText() == "Ask HQ"
    assert "Not recorded yet" in window.form.state_label.text()


def test_adopting_a_panelists_rewrite(qtbot, eg):
    window = open_window(qtbot, eg.results)
    cta = eg.ids["cta@ar-EG"]
    window.list.select_variant(cta)
    assert window.current_id == cta
    (vote_id,) = window.detail.adopt_buttons
    qtbot.mouseClick(window.detail.adopt_buttons[vote_id], Qt.MouseButton.LeftButton)
    assert window.form.chosen() == "go_with_changes"
    assert "Panelist 2" in window.form.adoption.text()
    assert "اكتشفه الآن" in window.form.adoption.text()
    qtbot.keyClicks(window.form.rationale, "Warmer wording")
    qtbot.mouseClick(window.form.record, Qt.MouseButton.LeftButton)
    decision = recorded(eg.results, cta)
    assert decision.decision == "go_with_changes"
    assert decision.adopted_text == "اكتشفه الآن" and decision.adopted_rewrite_from == vote_id
    assert not window.detail.adopt_buttons[vote_id].isEnabled()
    assert window.detail.adopted.isVisible()


def test_filter_and_search(qtbot, eg):
    window = open_window(qtbot, eg.results)
    window.session.decide(eg.ids["cta@en"], "go", "")
    filters = {window.list.state_filter.itemData(i): i for i in range(4)}
    window.list.state_filter.setCurrentIndex(filters["open"])
    assert eg.ids["cta@en"] not in window.list.visible_ids()
    assert len(window.list.visible_ids()) == 2
    window.list.state_filter.setCurrentIndex(filters["escalations"])
    assert window.list.visible_ids() == [eg.ids["hero.title@ar-EG"]]
    window.list.state_filter.setCurrentIndex(filters["decided"])
    assert window.list.visible_ids() == [eg.ids["cta@en"]]
    window.list.state_filter.setCurrentIndex(filters["all"])
    window.list.search.setText("stiff")  # a panelist's comment
    assert window.list.visible_ids() == [eg.ids["cta@ar-EG"]]


def test_import_returned_packages_from_the_file_menu_shows_the_summary(qtbot, eg, monkeypatch):
    window = open_window(qtbot, eg.results)
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileNames",
        lambda *a, **k: ([str(eg.layla), str(eg.other_market)], ""),
    )
    window.act_import.trigger()
    dialog = window.merge_dialog
    assert dialog is not None and dialog.isVisible()
    table = dialog.table
    rows = {table.item(r, 0).text(): r for r in range(table.rowCount())}
    layla = rows[eg.layla.name]
    assert "merged" in table.item(layla, 1).text()
    assert table.item(layla, 2).text() == "Panelist 4"  # never asked: no name
    refused = rows[eg.other_market.name]
    assert "refused" in table.item(refused, 1).text()
    assert table.item(refused, 4).text()  # the reason
    assert "1 of 2 files merged" in dialog.heading.text() and "1 refused" in dialog.heading.text()
    assert "4 panelists" in window.strip.facts.text()
    assert window.detail.decisions.counts["changes_required"] == 1  # Layla's vote is in
    dialog.close()


def test_dropping_returned_packages_on_the_window_merges_them(qtbot, eg):
    window = open_window(qtbot, eg.results)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(eg.layla))])
    enter = QDragEnterEvent(
        QPointF(window.rect().center()),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(window.rect().center()),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, drop)
    assert window.merge_dialog is not None and window.merge_dialog.isVisible()
    assert "merged" in window.merge_dialog.table.item(0, 1).text()
    session = ManagerSession(eg.results)
    try:
        assert len(session.market().returns) == 4
    finally:
        session.close()
    window.merge_dialog.close()


def test_other_files_dropped_are_not_taken(qtbot, eg, tmp_path):
    window = open_window(qtbot, eg.results)
    text = tmp_path / "notes.txt"
    text.write_text("x")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(text))])
    enter = QDragEnterEvent(
        QPointF(window.rect().center()),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()


def test_findings_are_computed_in_the_background(qtbot, eg):
    window = open_window(qtbot, eg.results, start_checks=True)
    qtbot.waitUntil(
        lambda: not window.checks.running() and not window.checks_label.text(), timeout=60000
    )
    assert window.detail.findings.text() != "Checking…"
    session = ManagerSession(eg.results)
    try:
        assert session.update_findings().checked == 0  # stored already
    finally:
        session.close()


@pytest.mark.parametrize(
    ("index", "suffix", "start"), [(0, ".pdf", b"%PDF"), (2, ".csv", b"\xef\xbb\xbf")]
)
def test_export_report(qtbot, eg, monkeypatch, tmp_path, index, suffix, start):
    window = open_window(qtbot, eg.results)
    window.session.decide(eg.ids["cta@en"], "go", "")
    from culturepanel.ui.manager_dialogs import EXPORT_FORMATS

    chosen = EXPORT_FORMATS[index][1]
    target = tmp_path / "report"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), chosen))
    window.act_export.trigger()
    out = target.with_name("report" + suffix)
    assert out.read_bytes().startswith(start)
    assert "Wrote" in window.statusBar().currentMessage()


def test_thresholds_change_the_recommendation_never_the_decision(qtbot, eg):
    from culturepanel.ui.manager_dialogs import TriggerSettingsDialog

    window = open_window(qtbot, eg.results)
    dialog = TriggerSettingsDialog(window.session.core.config, window)
    qtbot.addWidget(dialog)
    for box in (dialog.critical, dialog.rejects, dialog.agreement, dialog.timing):
        box.setChecked(False)
    window.session.set_config(dialog.config())
    hero = window.model.summary(eg.ids["hero.title@ar-EG"])
    assert hero.triggers == () and hero.recommendation == "go_with_changes"
    assert window.current_id == eg.ids["hero.title@ar-EG"]  # still selected after the refresh
    assert window.detail.recommendation.text().startswith("Recommended: Go with changes")
    assert hero.decision is None
