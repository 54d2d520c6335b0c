"""Dialogs of the review window: keyboard shortcuts, finishing, consent."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from culturepanel.i18n import _
from culturepanel.review.finish import CONSENT_ANONYMOUS, CONSENT_NAMED


def plain_label(text: str) -> str:
    """A menu text without its accelerator: ``&Next`` and ``次へ(&N)`` become ``Next``, ``次へ``."""
    return re.sub(r"\s*\(&\w\)", "", text).replace("&", "")


class ShortcutsDialog(QDialog):
    """Help ▸ Keyboard shortcuts: every action with a shortcut, read from the actions."""

    def __init__(self, actions: list[QAction], extra: list[tuple[str, str]], parent: QWidget):
        super().__init__(parent)
        self.setWindowTitle(_("Keyboard shortcuts"))
        rows = [
            (
                plain_label(a.text()),
                a.shortcut().toString(a.shortcut().SequenceFormat.NativeText),
            )
            for a in actions
            if not a.shortcut().isEmpty()
        ]
        rows += extra
        table = QTableWidget(len(rows), 2)
        table.setHorizontalHeaderLabels([_("Action"), _("Keys")])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for r, (label, keys) in enumerate(rows):
            table.setItem(r, 0, QTableWidgetItem(label))
            table.setItem(r, 1, QTableWidgetItem(keys))
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        table.setMinimumSize(520, 420)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.table = table


class ConsentDialog(QDialog):
    """Asked when a package is first opened: how comments are attributed at HQ."""

    def __init__(self, panelist: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("How should HQ see your name?"))
        text = QLabel(
            _(
                "Your votes and comments go to your localization manager and then to "
                "headquarters. Choose how they are attributed there. You can review "
                "your choice in the Review menu."
            )
        )
        text.setWordWrap(True)
        self.named = QRadioButton(_("Show my name ({name}) with my comments").format(name=panelist))
        self.anonymous = QRadioButton(_("Anonymous: show me as “Panelist 1, 2, …”"))
        self.anonymous.setChecked(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.named)
        layout.addWidget(self.anonymous)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def choice(self) -> str:
        return CONSENT_NAMED if self.named.isChecked() else CONSENT_ANONYMOUS


def rich_list(lines: list[str], limit: int = 12) -> str:
    shown = "".join(f"<li>{line}</li>" for line in lines[:limit])
    more = len(lines) - limit
    if more > 0:
        shown += "<li>" + _("… and {count} more").format(count=more) + "</li>"
    return f"<ul>{shown}</ul>"


def window_action(
    window: QWidget, text: str, keys: list[str] | str | None, slot, tip: str = ""
) -> QAction:
    """A window-wide action: its shortcut(s) in the tooltip, its toolbar text without
    the accelerator (``Next (&N)`` must not show ``(N)``)."""
    action = QAction(text, window)
    action.setIconText(plain_label(text))
    action.setToolTip(tip or plain_label(text))
    if keys:
        sequences = [QKeySequence(k) for k in ([keys] if isinstance(keys, str) else keys)]
        action.setShortcuts(sequences)
        shown = sequences[0].toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip or plain_label(text)} ({shown})")
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(slot)
    window.addAction(action)
    return action
