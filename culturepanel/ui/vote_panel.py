"""The vote: four 1–5 scores, a decision, a concern's category and severity, comment, rewrite.

Keyboard first: each score row takes the digits 1–5 and moves on to the next
row; Ctrl+1…4 choose the decision (window shortcuts); Alt+C jumps to the
comment. Every change is handed to the session at once (text after a short
pause in typing, and always before the selection moves on). A decision other
than approve without a comment is pointed out in the panel, not silently refused.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from culturepanel.i18n import _
from culturepanel.review.votes import (
    CATEGORIES,
    CATEGORY_LABELS,
    DECISION_LABELS,
    DECISIONS,
    DIMENSION_LABELS,
    DIMENSIONS,
    SEVERITIES,
    SEVERITY_LABELS,
    Vote,
)

TEXT_SAVE_DELAY_MS = 500
DIMENSION_MNEMONIC = {"language": "L", "timing": "T", "messaging": "M", "resonance": "E"}


class ScoreRow(QFrame):
    """Five toggle buttons for one dimension; digits 1–5 set the score when focused."""

    score_chosen = Signal(str, object)  # dimension, int | None
    advance = Signal(str)

    def __init__(self, dimension: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.dimension = dimension
        self.setObjectName("ScoreRow")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(4)
        for n in range(1, 6):
            button = QPushButton(str(n))
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setFixedWidth(34)
            button.setObjectName("ScoreButton")
            button.setToolTip(_("Score {n} of 5 (key {n} when this row has focus)").format(n=n))
            self.group.addButton(button, n)
            layout.addWidget(button)
        layout.addStretch(1)
        self.group.buttonClicked.connect(self._clicked)
        self.setAccessibleName(_(DIMENSION_LABELS[dimension]))

    def value(self) -> int | None:
        checked = self.group.checkedId()
        return checked if checked > 0 else None

    def set_value(self, value: int | None) -> None:
        for button in self.group.buttons():
            button.setChecked(self.group.id(button) == value)

    def _clicked(self, button: QAbstractButton) -> None:
        n = self.group.id(button)
        value = n if button.isChecked() else None
        self.set_value(value)
        self.score_chosen.emit(self.dimension, value)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text in {"1", "2", "3", "4", "5"} and not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            value = int(text)
            self.set_value(value)
            self.score_chosen.emit(self.dimension, value)
            self.advance.emit(self.dimension)
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_0):
            self.set_value(None)
            self.score_chosen.emit(self.dimension, None)
            return
        super().keyPressEvent(event)


class VotePanel(QWidget):
    """Edits one vote; emits ``changed(dict)`` with only the fields that changed."""

    changed = Signal(dict)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._loading = False
        self.scores: dict[str, ScoreRow] = {}
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
        form.setHorizontalSpacing(12)
        for dim in DIMENSIONS:
            row = ScoreRow(dim)
            row.score_chosen.connect(self._score_chosen)
            row.advance.connect(self._advance)
            label = QLabel(_(DIMENSION_LABELS[dim]))
            label.setBuddy(row)
            label.setToolTip(
                _("Alt+{key} to focus, then type 1–5").format(key=DIMENSION_MNEMONIC[dim])
            )
            form.addRow(label, row)
            self.scores[dim] = row

        self.decisions = QButtonGroup(self)
        self.decisions.setExclusive(True)
        decision_row = QHBoxLayout()
        decision_row.setSpacing(6)
        for n, decision in enumerate(DECISIONS, start=1):
            button = QPushButton(_(DECISION_LABELS[decision]))
            button.setCheckable(True)
            button.setObjectName(f"Decision_{decision}")
            button.setToolTip(
                _("{label} (Ctrl+{n})").format(label=_(DECISION_LABELS[decision]), n=n)
            )
            self.decisions.addButton(button, n)
            decision_row.addWidget(button)
        self.decisions.idClicked.connect(self._decision_clicked)
        form.addRow(QLabel(_("Decision")), _wrap(decision_row))

        self.category = QComboBox()
        self.category.addItem(_("— no concern —"), None)
        for cat in CATEGORIES:
            self.category.addItem(_(CATEGORY_LABELS[cat]), cat)
        self.severity = QComboBox()
        self.severity.addItem(_("— severity —"), None)
        for sev in SEVERITIES:
            self.severity.addItem(_(SEVERITY_LABELS[sev]), sev)
        self.category.currentIndexChanged.connect(
            lambda: self._emit({"concern_category": self.category.currentData()})
        )
        self.severity.currentIndexChanged.connect(
            lambda: self._emit({"concern_severity": self.severity.currentData()})
        )
        concern = QHBoxLayout()
        concern.addWidget(self.category, 2)
        concern.addWidget(self.severity, 1)
        concern_label = QLabel(_("Concern"))
        concern_label.setBuddy(self.category)
        form.addRow(concern_label, _wrap(concern))

        self.comment = QPlainTextEdit()
        self.comment.setPlaceholderText(_("Why? What should change? (required unless you approve)"))
        self.comment.setTabChangesFocus(True)
        self.comment.setFixedHeight(70)
        comment_label = QLabel(_("Comment"))
        comment_label.setBuddy(self.comment)
        form.addRow(comment_label, self.comment)

        self.rewrite = QPlainTextEdit()
        self.rewrite.setPlaceholderText(_("Optional: how you would write it"))
        self.rewrite.setTabChangesFocus(True)
        self.rewrite.setFixedHeight(56)
        rewrite_label = QLabel(_("Suggested rewrite"))
        rewrite_label.setBuddy(self.rewrite)
        form.addRow(rewrite_label, self.rewrite)

        self.warning = QLabel()
        self.warning.setObjectName("VoteWarning")
        self.warning.setWordWrap(True)
        self.warning.hide()

        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(TEXT_SAVE_DELAY_MS)
        self._text_timer.timeout.connect(self.flush_text)
        self.comment.textChanged.connect(self._text_edited)
        self.rewrite.textChanged.connect(self._text_edited)
        self._saved_text = {"comment": "", "rewrite": ""}

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 12)
        title = QLabel(_("Your vote"))
        title.setObjectName("SectionTitle")
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.warning)

    # -- showing ------------------------------------------------------------------------
    def show_vote(self, vote: Vote | None, text_locale: str | None = None) -> None:
        self.flush_text()
        self._loading = True
        try:
            vote = vote or Vote("", "")
            for dim, row in self.scores.items():
                row.set_value(vote.scores.get(dim))
            self.decisions.setExclusive(False)
            for button in self.decisions.buttons():
                button.setChecked(
                    vote.decision is not None
                    and self.decisions.id(button) == DECISIONS.index(vote.decision) + 1
                )
            self.decisions.setExclusive(True)
            self.category.setCurrentIndex(max(0, self.category.findData(vote.concern_category)))
            self.severity.setCurrentIndex(max(0, self.severity.findData(vote.concern_severity)))
            self.comment.setPlainText(vote.comment)
            self.rewrite.setPlainText(vote.rewrite)
            self._saved_text = {"comment": vote.comment, "rewrite": vote.rewrite}
            if text_locale:
                from culturepanel.ui.fonts import direction_for_locale, font_for_locale

                self.rewrite.setFont(font_for_locale(text_locale, self.font()))
                self.rewrite.setLayoutDirection(direction_for_locale(text_locale))
        finally:
            self._loading = False
        self.update_warning(vote)

    def set_locked(self, locked: bool) -> None:
        for w in (*self.scores.values(), self.category, self.severity):
            w.setEnabled(not locked)
        for button in self.decisions.buttons():
            button.setEnabled(not locked)
        self.comment.setReadOnly(locked)
        self.rewrite.setReadOnly(locked)

    def update_warning(self, vote: Vote | None) -> None:
        if vote is not None and vote.needs_comment:
            self.warning.setText(
                "⚠ "
                + _(
                    "Please explain this decision in the comment: any decision other "
                    "than Approve needs a comment."
                )
            )
            self.warning.show()
        else:
            self.warning.hide()

    # -- editing ------------------------------------------------------------------------
    def choose_decision(self, n: int) -> None:
        button = self.decisions.button(n)
        if button is not None and button.isEnabled():
            button.setChecked(True)
            self._decision_clicked(n)

    def focus_scores(self, dimension: str = "language") -> None:
        self.scores[dimension].setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _decision_clicked(self, n: int) -> None:
        decision = DECISIONS[n - 1]
        self._emit({"decision": decision})
        if decision != "approve" and not self.comment.toPlainText().strip():
            self.comment.setFocus(Qt.FocusReason.OtherFocusReason)

    def _score_chosen(self, dimension: str, value: int | None) -> None:
        self._emit({f"score_{dimension}": value})

    def _advance(self, dimension: str) -> None:
        i = DIMENSIONS.index(dimension)
        if i + 1 < len(DIMENSIONS):
            self.scores[DIMENSIONS[i + 1]].setFocus(Qt.FocusReason.TabFocusReason)
        else:
            checked = self.decisions.checkedButton() or self.decisions.button(1)
            checked.setFocus(Qt.FocusReason.TabFocusReason)

    def _text_edited(self) -> None:
        if not self._loading:
            self._text_timer.start()

    def flush_text(self) -> None:
        """Hand over typed text now (called before moving to another variant or closing)."""
        self._text_timer.stop()
        if self._loading:
            return
        changes = {}
        for name, edit in (("comment", self.comment), ("rewrite", self.rewrite)):
            text = edit.toPlainText()
            if text != self._saved_text[name]:
                changes[name] = text
                self._saved_text[name] = text
        if changes:
            self._emit(changes)

    def _emit(self, changes: dict[str, Any]) -> None:
        if not self._loading:
            self.changed.emit(changes)


def _wrap(layout) -> QWidget:
    w = QWidget()
    layout.setContentsMargins(0, 0, 0, 0)
    w.setLayout(layout)
    return w
