"""The checklist dock: answering the market's checklist, saved at once, locked on submit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from culturepanel.review.session import ReviewSession
from culturepanel.ui.review_window import ReviewWindow
from tests.factories import make_package


def test_answer_checklist_with_keys_and_note(qtbot, tmp_path: Path) -> None:
    path = make_package(tmp_path, market="DE")
    window = ReviewWindow(path, ask_consent=False)
    qtbot.addWidget(window)
    panel = window.checklist
    assert panel.checklist is not None
    item = panel.current_item()
    assert item is not None
    assert any(i.scope == "DE" for i in panel.checklist.items)  # market items, not only global
    panel.tree.setFocus()
    qtbot.keyClick(panel.tree, Qt.Key.Key_C)
    qtbot.keyClicks(panel.note, "Model's gesture reads as rude here")
    panel.note.editingFinished.emit()
    assert "1 of" in panel.summary.text() and "1 concern" in panel.summary.text()
    window.close()

    session = ReviewSession(path)
    try:
        answer = session.checklist_answers()[item.id]
        assert answer.answer == "concern"
        assert answer.note == "Model's gesture reads as rude here"
    finally:
        session.close()


def test_market_without_checklist_file_shows_global_items(qtbot, tmp_path: Path) -> None:
    path = make_package(tmp_path, market="EG")
    window = ReviewWindow(path, ask_consent=False)
    qtbot.addWidget(window)
    assert window.checklist.checklist is not None
    assert len(window.checklist.items) > 10
