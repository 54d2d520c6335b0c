"""Starting the desktop app: language, translators, style, and the first window.

``culturepanel`` alone reopens the last file or shows the welcome screen;
``culturepanel open FILE`` opens a file; ``--screenshot PNG`` grabs the window
after it is shown and quits (for documentation and visual checks under Xvfb).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTimer, QTranslator
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget

from culturepanel.errors import CulturePanelError
from culturepanel.i18n import _, set_language
from culturepanel.locales import parse_locale
from culturepanel.ui import settings
from culturepanel.ui.style import STYLE_SHEET


def make_app(language: str | None = None) -> QApplication:
    """The QApplication, with Qt's own strings translated and RTL layout for RTL languages."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    lang = set_language(language or settings.get(settings.UI_LANGUAGE) or None)
    app.setApplicationName("CulturePanel")
    app.setOrganizationName("CulturePanel")
    app.setApplicationDisplayName("CulturePanel")
    QLocale.setDefault(QLocale(lang))
    translator = QTranslator(app)
    if translator.load(
        QLocale(lang), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(translator)
    try:
        rtl = parse_locale(lang.replace("_", "-")).rtl
    except ValueError:
        rtl = False
    app.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
    )
    app.setStyle("Fusion")
    app.setStyleSheet(STYLE_SHEET)
    return app


def open_window(path: Path, parent: QWidget | None = None) -> QMainWindow:
    """Open a CulturePanel file in the window for its kind: a review package in the
    panelist's review window, a regional results file in the manager's window, a campaign
    workspace in HQ's window. Raises :class:`CulturePanelError` for a file it cannot open."""
    from culturepanel.storage.database import KIND_CAMPAIGN, KIND_RESULTS, open_file

    with open_file(Path(path)) as cpf:
        kind = cpf.kind
    window: QMainWindow
    if kind == KIND_CAMPAIGN:
        from culturepanel.ui.hq_window import HqWindow

        window = HqWindow(path, parent)
    elif kind == KIND_RESULTS:
        try:
            from culturepanel.ui.manager_window import ManagerWindow
        except ModuleNotFoundError as exc:
            if exc.name != "culturepanel.ui.manager_window":
                raise
            raise CulturePanelError(
                _(
                    "{file} is a regional results file; this version of CulturePanel cannot "
                    "show it yet. Use 'culturepanel report' or 'culturepanel info' on it."
                ).format(file=Path(path).name)
            ) from None
        window = ManagerWindow(path, parent)
    else:
        from culturepanel.ui.review_window import ReviewWindow

        window = ReviewWindow(path, parent=parent)
    settings.remember_file(str(Path(path).resolve()))
    geometry = settings.get(settings.WINDOW_GEOMETRY)
    if geometry:
        window.restoreGeometry(geometry)
    else:
        screen = QGuiApplication.primaryScreen().availableGeometry()
        window.resize(min(1500, screen.width()), min(920, screen.height()))
    return window


def _grab_later(window: QWidget, target: Path, app: QApplication) -> None:
    def grab() -> None:
        window.grab().save(str(target))
        app.quit()

    QTimer.singleShot(2500, grab)  # long enough for the background checks of the demo


def run_app(
    path: Path | None = None,
    screenshot: Path | None = None,
    language: str | None = None,
    demo: bool = False,
) -> int:
    """Run the app until the last window closes; return the exit status."""
    app = make_app(language)
    window: QWidget
    try:
        if demo:
            from culturepanel.demo import prepare_demo

            path = prepare_demo()
        if path is None:
            last = settings.get(settings.LAST_FILE)
            if last and Path(last).exists():
                path = Path(last)
        if path is not None:
            window = open_window(path)
        else:
            from culturepanel.ui.welcome import WelcomeWindow

            window = WelcomeWindow()
    except CulturePanelError as exc:
        from culturepanel.ui.welcome import WelcomeWindow

        window = WelcomeWindow()
        window.show()
        QMessageBox.warning(window, _("CulturePanel"), str(exc))
    window.show()
    if screenshot:
        _grab_later(window, Path(screenshot), app)
    return app.exec()
