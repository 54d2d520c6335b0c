"""The checklist dock: the market's sensitivity checklist, answered item by item.

Items are grouped by topic, in the UI language when the checklist has the
question in it. For the selected item the panel shows why it matters in this
market and its source, three answers (pass / concern / not applicable, keys
P, C and N while the list has focus) and a note. Every answer is saved at once.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from culturepanel.checklists import (
    ANSWERS,
    ChecklistItem,
    answer_label,
    severity_label,
    topic_label,
)
from culturepanel.i18n import _, current_language, ngettext
from culturepanel.review.session import VariantRow
from culturepanel.ui.qt_session import QtReviewSession

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
ANSWER_ORDER = tuple(ANSWERS)  # pass, concern, na: the order of the buttons
_MARK = {"pass": "✓", "concern": "⚠", "na": "–", None: "○"}
_KEYS = {Qt.Key.Key_P: "pass", Qt.Key.Key_C: "concern", Qt.Key.Key_N: "na"}


class ChecklistTree(QTreeWidget):
    """The items; P / C / N answer the current item."""

    def __init__(self, panel: ChecklistPanel):
        super().__init__()
        self.panel = panel

    def keyPressEvent(self, event: QKeyEvent) -> None:
        answer = _KEYS.get(Qt.Key(event.key()))
        if answer and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.panel.answer(answer)
            return
        super().keyPressEvent(event)


class ChecklistPanel(QWidget):
    """Answers the package's checklist through the session."""

    def __init__(self, session: QtReviewSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.core = session.core
        self.checklist = self.core.checklist()
        self.answers = self.core.checklist_answers()
        self.items: dict[str, QTreeWidgetItem] = {}

        self.summary = QLabel()
        self.summary.setObjectName("EmptyHint")
        self.summary.setWordWrap(True)
        self.tree = ChecklistTree(self)
        self.tree.setHeaderLabels([_("Question"), _("Severity")])
        self.tree.setWordWrap(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setAccessibleName(_("Checklist"))
        self.tree.currentItemChanged.connect(self._current_changed)
        self.why = QLabel()
        self.why.setWordWrap(True)
        self.why.setObjectName("NotesBox")
        self.why.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QButtonGroup(self)
        row = QHBoxLayout()
        for n, answer in enumerate(ANSWER_ORDER):
            button = QPushButton(f"{_MARK[answer]} {answer_label(answer)}")
            button.setCheckable(True)
            button.setToolTip(
                _("{answer} (key {key} in the list)").format(
                    answer=answer_label(answer), key="PCN"[n]
                )
            )
            self.buttons.addButton(button, n)
            row.addWidget(button)
        self.buttons.idClicked.connect(lambda n: self.answer(ANSWER_ORDER[n]))
        self.note = QLineEdit()
        self.note.setPlaceholderText(_("Note (optional)"))
        self.note.setAccessibleName(_("Note on this checklist item"))
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(500)
        self._note_timer.timeout.connect(self._save_note)
        self.note.textEdited.connect(lambda _t: self._note_timer.start())
        self.note.editingFinished.connect(self._save_note)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 3)
        layout.addWidget(self.why, 1)
        layout.addLayout(row)
        layout.addWidget(self.note)
        self.session.checklist_answered.connect(self._answered)
        self.session.submission_changed.connect(self._lock)
        self._fill()
        self._lock()

    # -- building ---------------------------------------------------------------------
    def _fill(self) -> None:
        self.tree.clear()
        if self.checklist is None:
            self.summary.setText(_("This package carries no checklist for its market."))
            for w in (self.tree, self.why, self.note, *self.buttons.buttons()):
                w.setVisible(False)
            return
        lang = current_language().split("_")[0]
        groups: dict[str, QTreeWidgetItem] = {}
        for item in self.checklist.items:
            group = groups.get(item.topic)
            if group is None:
                group = QTreeWidgetItem([topic_label(item.topic)])
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                self.tree.addTopLevelItem(group)
                groups[item.topic] = group
            node = QTreeWidgetItem([item.question_in(lang), severity_label(item.severity)])
            node.setData(0, ITEM_ROLE, item.id)
            node.setToolTip(0, item.why_in(lang))
            group.addChild(node)
            self.items[item.id] = node
            self._mark(item.id)
        self.tree.expandAll()
        self.tree.resizeColumnToContents(1)
        self._update_summary()
        first = next(iter(self.items.values()), None)
        if first:
            self.tree.setCurrentItem(first)

    def _mark(self, item_id: str) -> None:
        answer = self.answers.get(item_id)
        value = answer.answer if answer else None
        node = self.items[item_id]
        node.setText(0, f"{_MARK[value]}  {node.text(0).split('  ', 1)[-1]}")

    def _update_summary(self) -> None:
        total = len(self.items)
        done = sum(1 for a in self.answers.values() if a.answer)
        concerns = sum(1 for a in self.answers.values() if a.answer == "concern")
        text = ngettext(
            "{done} of {total} answered, {concerns} concern",
            "{done} of {total} answered, {concerns} concerns",
            concerns,
        ).format(done=done, total=total, concerns=concerns)
        if self.checklist is not None and not self.checklist.curated:
            text += " · " + _("no market-specific items for this market: global items only")
        self.summary.setText(text)

    # -- answering --------------------------------------------------------------------
    def current_item(self) -> ChecklistItem | None:
        node = self.tree.currentItem()
        item_id = node.data(0, ITEM_ROLE) if node else None
        return self.checklist.item(item_id) if item_id and self.checklist else None

    def _current_changed(self, *_args: object) -> None:
        self._save_note()
        item = self.current_item()
        lang = current_language().split("_")[0]
        if item is None:
            self.why.clear()
            return
        self.why.setText(
            _("Why it matters: {why}").format(why=item.why_in(lang))
            + "\n"
            + _("Source: {source}").format(source=item.source)
        )
        answer = self.answers.get(item.id)
        self.buttons.setExclusive(False)
        for n, button in enumerate(self.buttons.buttons()):
            button.setChecked(bool(answer and answer.answer == ANSWER_ORDER[n]))
        self.buttons.setExclusive(True)
        self.note.setText(answer.note if answer else "")

    def answer(self, value: str) -> None:
        item = self.current_item()
        if item is None or self.core.submitted:
            return
        self.session.answer_checklist(item.id, value, self.note.text())

    def _save_note(self) -> None:
        self._note_timer.stop()
        item = self.current_item()
        if item is None or self.core.submitted:
            return
        previous = self.answers.get(item.id)
        if (previous.note if previous else "") != self.note.text():
            self.session.answer_checklist(
                item.id, previous.answer if previous else None, self.note.text()
            )

    def _answered(self, item_id: str) -> None:
        self.answers = self.core.checklist_answers()
        if item_id in self.items:
            self._mark(item_id)
        self._update_summary()
        if self.current_item() and self.current_item().id == item_id:
            self._current_changed()

    def _lock(self) -> None:
        locked = self.core.submitted
        for button in self.buttons.buttons():
            button.setEnabled(not locked)
        self.note.setReadOnly(locked)

    def show_variant(self, variant: VariantRow | None) -> None:
        """The checklist is per market; it does not change with the variant."""
