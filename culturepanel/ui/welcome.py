"""The welcome screen shown when no file is open: Open…, Open demo, recent files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from culturepanel.errors import CulturePanelError
from culturepanel.i18n import _
from culturepanel.ui import settings
from culturepanel.ui.language_dialog import choose_language


class WelcomeWindow(QMainWindow):
    """First screen: open a package, or try the bundled demo."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("CulturePanel")
        self.opened: QMainWindow | None = None
        title = QLabel(_("Welcome to CulturePanel"))
        title.setObjectName("WelcomeTitle")
        text = QLabel(
            _(
                "Review localized campaign copy for your market: beside its calendar and "
                "checklist, vote and comment, and send your review back to your manager. "
                "Open the review package you were sent, or try the demo campaign."
            )
        )
        text.setObjectName("WelcomeText")
        text.setWordWrap(True)
        self.open_button = QPushButton(_("&Open…"))
        self.open_button.setObjectName("WelcomeButton")
        self.open_button.setToolTip(
            _("Open a CulturePanel file: a review package, results or a workspace (Ctrl+O)")
        )
        self.open_button.clicked.connect(self.choose_file)
        self.demo_button = QPushButton(_("Open &demo"))
        self.demo_button.setObjectName("WelcomeButton")
        self.demo_button.clicked.connect(self.open_demo)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        self.language_button = QPushButton(_("&Language…"))
        self.language_button.clicked.connect(lambda: choose_language(self))
        buttons.addWidget(self.language_button)
        self.recent = QListWidget()
        self.recent.setAccessibleName(_("Recent files"))
        for path in settings.get(settings.RECENT_FILES):
            if Path(path).exists():
                self.recent.addItem(path)
        self.recent.itemActivated.connect(lambda item: self.open_path(Path(item.text())))
        recent_label = QLabel(_("&Recent files"))
        recent_label.setBuddy(self.recent)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(48, 40, 48, 40)
        layout.setSpacing(16)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addLayout(buttons)
        if self.recent.count():
            layout.addWidget(recent_label)
            layout.addWidget(self.recent, 1)
        else:
            self.recent.hide()
            layout.addStretch(1)
        self.setCentralWidget(body)
        self.resize(760, 480)
        QShortcut(QKeySequence.StandardKey.Open, self, self.choose_file)
        self.open_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            _("Open a CulturePanel file"),
            str(Path.home()),
            _("CulturePanel files (*.cpanel);;All files (*)"),
        )
        if path:
            self.open_path(Path(path))

    def open_demo(self) -> None:
        from culturepanel.demo import prepare_demo

        try:
            self.open_path(prepare_demo())
        except CulturePanelError as exc:
            QMessageBox.warning(self, _("CulturePanel"), str(exc))

    def open_path(self, path: Path) -> None:
        from culturepanel.ui.app import open_window

        try:
            self.opened = open_window(path)
        except CulturePanelError as exc:
            QMessageBox.warning(self, _("CulturePanel"), str(exc))
            return
        self.opened.show()
        self.close()
