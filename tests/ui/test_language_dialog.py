"""Help ▸ Language…: the shipped catalogs are offered and the choice is remembered."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from culturepanel.ui import settings
from culturepanel.ui.language_dialog import available_languages, choose_language


def test_languages_offered_in_their_own_names() -> None:
    names = dict(available_languages())
    assert names["ja"] == "日本語" and names["ar"] == "العربية" and names["de"] == "Deutsch"


def test_choice_is_stored_for_the_next_start(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("日本語", True))
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    assert choose_language(parent) == "ja"
    assert settings.get(settings.UI_LANGUAGE) == "ja"
    assert told and "next time" in told[0]
