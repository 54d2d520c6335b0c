"""The findings dock: computed in the background, highlighted, dismissible with a reason."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QInputDialog

from culturepanel.review.packages import build_packages
from culturepanel.review.session import ReviewSession
from culturepanel.ui.review_window import ReviewWindow
from culturepanel.ui.variant_model import COL_FLAGS
from tests.factories import make_workspace, rows_with_untranslated_push


@pytest.fixture
def package(tmp_path: Path) -> Path:
    rows = rows_with_untranslated_push()
    return build_packages(make_workspace(tmp_path, rows), "DE", ["Anna"], tmp_path / "out")[0].path


def open_checked(qtbot, path: Path) -> ReviewWindow:
    window = ReviewWindow(path, ask_consent=False, start_checks=False)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.findings.counts_changed, timeout=30000):
        window.findings.start()
    return window


def select_key(window: ReviewWindow, key: str) -> None:
    for row in range(window.proxy.rowCount()):
        window.select_row(row)
        if window.detail.variant.key == key:
            return
    raise AssertionError(key)


def test_findings_run_in_background_and_mark_the_list(qtbot, package: Path) -> None:
    window = open_checked(qtbot, package)
    select_key(window, "push")
    texts = [window.findings.list.item(i).text() for i in range(window.findings.list.count())]
    assert any("identical to the source" in t for t in texts)
    row = window.model.row_of(window.current_id)
    assert window.model.index(row, COL_FLAGS).data().startswith("⚑")
    selections = window.detail.target.body.extraSelections()
    assert selections and selections[0].cursor.selectedText() == "Today only: 20% off"


def test_dismiss_asks_for_a_reason_and_is_recorded(
    qtbot, package: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_checked(qtbot, package)
    select_key(window, "push")
    panel = window.findings
    index = next(i for i, s in enumerate(panel.found) if s.finding.check == "untranslated")
    panel.list.setCurrentRow(index)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Brand keeps English", True))
    panel.dismiss_current()
    assert any("Dismissed" in panel.list.item(i).text() for i in range(panel.list.count()))
    vid = window.current_id
    window.close()
    session = ReviewSession(package)
    try:
        from culturepanel.findings import stored_findings

        record = next(
            s for s in stored_findings(session.pkg, vid) if s.finding.check == "untranslated"
        ).dismissed
        assert record["reason"] == "Brand keeps English" and record["actor"] == "Anna"
    finally:
        session.close()
