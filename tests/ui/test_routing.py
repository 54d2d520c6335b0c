"""``open_window`` (and so ``culturepanel open FILE``) picks the window for the file's kind."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from culturepanel.consolidation.merge import merge_packages
from culturepanel.errors import CulturePanelError
from culturepanel.ui import settings
from culturepanel.ui.app import open_window
from culturepanel.ui.hq_window import HqWindow
from culturepanel.ui.review_window import ReviewWindow
from tests.core.consolidation.factory import issue, review, vote
from tests.ui import hq_data

ws, own_settings = hq_data.ws, hq_data.own_settings  # fixtures

HAS_MANAGER = importlib.util.find_spec("culturepanel.ui.manager_window") is not None


@pytest.fixture
def packages(ws: Path, tmp_path: Path) -> dict[str, Path]:
    built = issue(ws, "DE", ["Anna", "Jonas"], tmp_path / "out")
    for name, consent in (("Anna", "named"), ("Jonas", "anonymous")):
        review(built[name], {"cta": vote()}, consent)  # consent given: no dialog on opening
    return built


def opened(qtbot, path: Path):
    window = open_window(path)
    qtbot.addWidget(window)
    return window


def test_a_package_opens_in_the_review_window(qtbot, packages: dict[str, Path]) -> None:
    window = opened(qtbot, packages["Anna"])
    assert isinstance(window, ReviewWindow)
    assert settings.get(settings.LAST_FILE) == str(packages["Anna"].resolve())
    window.close()


def test_a_workspace_opens_in_hqs_window(qtbot, ws: Path) -> None:
    window = opened(qtbot, ws)
    assert isinstance(window, HqWindow)
    assert "Spring 2027" in window.windowTitle()
    window.close()


@pytest.mark.skipif(not HAS_MANAGER, reason="the manager's window is not in this build yet")
def test_a_results_file_opens_in_the_managers_window(
    qtbot, packages: dict[str, Path], tmp_path: Path
) -> None:
    from culturepanel.ui.manager_window import ManagerWindow

    results = tmp_path / "results-DE.cpanel"
    assert merge_packages(results, list(packages.values())).count("accepted") == 2
    window = opened(qtbot, results)
    assert isinstance(window, ManagerWindow)
    window.close()


def test_a_file_that_is_no_culturepanel_file_is_refused(qtbot, tmp_path: Path) -> None:
    stray = tmp_path / "notes.cpanel"
    stray.write_text("not a database", encoding="utf-8")
    with pytest.raises(CulturePanelError, match="not a CulturePanel file"):
        open_window(stray)
