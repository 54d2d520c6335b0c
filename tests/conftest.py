"""Test settings shared by the whole suite.

Qt runs offscreen; tests that use ``qtbot`` are marked ``gui`` automatically so
``pytest -m "not gui"`` is the quick core-only loop.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["CULTUREPANEL_LANG"] = "en"  # messages asserted in English unless a test says otherwise

import pytest

from culturepanel.i18n import set_language


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "qtbot" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def _english() -> None:
    set_language("en")
