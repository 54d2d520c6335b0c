"""The review window, driven through real widgets and a real package file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from culturepanel.review.session import ReviewSession
from culturepanel.ui.review_window import ReviewWindow
from culturepanel.ui.variant_model import ID_ROLE
from tests.factories import make_package


@pytest.fixture
def package(tmp_path: Path) -> Path:
    return make_package(tmp_path)


def open_window(qtbot, path: Path) -> ReviewWindow:
    window = ReviewWindow(path, ask_consent=False)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.table.setFocus()
    return window


def key(qtbot, window: ReviewWindow, sequence: str) -> None:
    """Press a key sequence as a user would, on whatever widget has focus."""
    target = QApplication.focusWidget() or window
    for part in sequence.split(" "):
        mods = Qt.KeyboardModifier.NoModifier
        *prefixes, last = part.split("+")
        for p in prefixes:
            mods |= {
                "Ctrl": Qt.KeyboardModifier.ControlModifier,
                "Alt": Qt.KeyboardModifier.AltModifier,
                "Shift": Qt.KeyboardModifier.ShiftModifier,
            }[p]
        k = getattr(Qt.Key, f"Key_{last}")
        qtbot.keyClick(QApplication.focusWidget() or target, k, mods)


def test_vote_with_keyboard_only_survives_reopen(qtbot, package: Path) -> None:
    window = open_window(qtbot, package)
    first = window.current_id
    key(qtbot, window, "Alt+L")
    assert window.votes.scores["language"].hasFocus()
    key(qtbot, window, "4 5 3 2")
    key(qtbot, window, "Ctrl+1")
    key(qtbot, window, "Ctrl+Down")
    second = window.current_id
    assert second != first
    key(qtbot, window, "Ctrl+4")  # reject: needs a comment, focus goes there
    assert window.votes.warning.isVisible()
    qtbot.keyClicks(window.votes.comment, "Claim is too strong for DE law")
    key(qtbot, window, "Ctrl+Down")  # moving on saves the typed comment at once
    assert "of 4 reviewed" in window.progress_label.text()
    assert window.progress_label.text().startswith("2 ")
    window.close()

    session = ReviewSession(package)
    try:
        vote = session.vote(first)
        assert vote is not None
        assert vote.decision == "approve"
        assert vote.scores == {"language": 4, "timing": 5, "messaging": 3, "resonance": 2}
        rejected = session.vote(second)
        assert rejected is not None and rejected.decision == "reject"
        assert rejected.comment == "Claim is too strong for DE law"
    finally:
        session.close()


def test_decision_without_comment_is_caught_on_finish(
    qtbot, package: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, package)
    key(qtbot, window, "Ctrl+3")
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    window.finish_review()
    assert shown and "need a comment" in shown[0]
    assert not window.session.core.submitted


def test_finishing_locks_and_reopen_unlocks(
    qtbot, package: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, package)
    for _ in range(window.proxy.rowCount()):
        key(qtbot, window, "Ctrl+1")
        key(qtbot, window, "Ctrl+Down")
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getSaveFileName",
        lambda *a, **k: (str(package.with_name("returned.cpanel")), ""),
    )
    window.finish_review()
    assert window.session.core.submitted
    assert package.with_name("returned.cpanel").exists()
    assert not window.votes.decisions.button(2).isEnabled()
    key(qtbot, window, "Ctrl+2")  # locked: nothing changes
    assert window.session.core.vote(window.current_id).decision == "approve"
    window.reopen_review()
    assert not window.session.core.submitted
    assert window.votes.decisions.button(2).isEnabled()


def test_search_and_status_filter(qtbot, package: Path) -> None:
    window = open_window(qtbot, package)
    assert window.proxy.rowCount() == 4
    key(qtbot, window, "Ctrl+F")
    qtbot.keyClicks(window.search, "Rabatt")
    assert window.proxy.rowCount() == 1
    assert window.model.row(window.proxy.index(0, 0).data(ID_ROLE)).key == "push"
    window.search.clear()
    window.select_row(0)
    key(qtbot, window, "Ctrl+1")
    window.status_filter.setCurrentIndex(1)  # not reviewed
    assert window.proxy.rowCount() == 3
    window.status_filter.setCurrentIndex(2)  # reviewed
    assert window.proxy.rowCount() == 1


def test_rtl_variant_is_laid_out_right_to_left(qtbot, tmp_path: Path) -> None:
    path = make_package(tmp_path, market="EG")
    window = open_window(qtbot, path)
    body = window.detail.target.body
    assert body.layoutDirection() == Qt.LayoutDirection.RightToLeft
    option = body.document().defaultTextOption()
    assert option.textDirection() == Qt.LayoutDirection.RightToLeft
    source = window.detail.source.body
    assert source.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_shortcuts_are_listed_and_in_tooltips(qtbot, package: Path) -> None:
    window = open_window(qtbot, package)
    assert "Ctrl+Down" in window.act_next.toolTip()
    from culturepanel.ui.dialogs import ShortcutsDialog

    dialog = ShortcutsDialog(window.shortcut_actions(), [], window)
    qtbot.addWidget(dialog)
    listed = {dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())}
    assert {"Ctrl+Down", "Ctrl+1", "Ctrl+4", "Alt+C", "Ctrl+Shift+F"} <= listed
