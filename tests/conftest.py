"""Test settings shared by the whole suite.

Qt runs offscreen; tests that use ``qtbot`` are marked ``gui`` automatically so
``pytest -m "not gui"`` is the quick core-only loop.
"""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# the user's own settings and data folders are never touched by the tests
_HOME = tempfile.mkdtemp(prefix="culturepanel-tests-")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_HOME, "config")
os.environ["XDG_DATA_HOME"] = os.path.join(_HOME, "data")
os.environ["CULTUREPANEL_LANG"] = "en"  # messages asserted in English unless a test says otherwise

import pytest  # noqa: E402

from culturepanel.i18n import set_language  # noqa: E402


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "qtbot" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def _english() -> None:
    set_language("en")
