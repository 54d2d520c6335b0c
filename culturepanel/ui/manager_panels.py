"""Panels of the manager's window: the market strip, the decision form and its history.

:class:`MarketStrip` sums up the market: campaign, panelists, returns, decisions
so far, and Krippendorff's alpha per dimension with a plain-language reading
("0.81 good agreement", "— not enough ratings" and why). :class:`DecisionForm`
records the manager's decision on the selected variant: go / go with changes /
no-go / escalate to HQ, a rationale (required for anything but go, and the
form says so inline), and optionally a panelist's rewrite to adopt.
:class:`DecisionHistory` lists every revision of the variant's decision.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from culturepanel.consolidation.agreement import AGREEMENT_DIMENSIONS, AGREEMENT_LABELS
from culturepanel.consolidation.decisions import DECISIONS, Decision, decision_label
from culturepanel.consolidation.triggers import GO, GO_WITH_CHANGES, NO_GO
from culturepanel.consolidation.view import MarketSummary
from culturepanel.formatting import format_saved_time
from culturepanel.i18n import _, current_language, ngettext
from culturepanel.locales import display_market
from culturepanel.ui.manager_model import alpha_explanation, alpha_reading

MANAGER_STYLE = """
QFrame#MarketStrip { background: #ffffff; border-bottom: 1px solid #dde1e6; }
QLabel#StripTitle { font-size: 13pt; font-weight: 600; color: #102a43; }
QLabel#StripFacts { color: #52606d; }
QLabel#AlphaBox { background: #f0f4f8; border-radius: 6px; padding: 4px 8px; color: #243b53; }
QLabel#AlphaBox[low="true"] { background: #fdecea; color: #922b21; }
QLabel#RecommendationBox { background: #eef4fb; border: 1px dashed #7aa5d6; border-radius: 6px;
    padding: 8px 10px; color: #243b53; }
QLabel#RecommendationBox[escalate="true"] { background: #fff4e5; border-color: #f0b429;
    color: #7c4a03; }
QFrame#RewriteCard { background: #ffffff; border: 1px solid #dde1e6; border-radius: 6px; }
QWidget#DecisionForm { background: #ffffff; }
QLabel#FormHint { color: #52606d; }
QLabel#FormRecorded { color: #1e8449; }
QLabel#FormDraft { color: #9a6209; }
QPushButton#Decision_go:checked { background: #1e8449; border-color: #1e8449; }
QPushButton#Decision_go_with_changes:checked { background: #7d9d2a; border-color: #7d9d2a; }
QPushButton#Decision_no_go:checked { background: #c0392b; border-color: #c0392b; }
QPushButton#Decision_escalate:checked { background: #b9770e; border-color: #b9770e; }
QWidget#ManagerDetailBody { background: #f6f7f9; }
"""


def label(text: str = "", name: str = "", selectable: bool = True) -> QLabel:
    """A wrapped plain-text label at the UI's leading edge, even when its text runs the
    other way (a Latin campaign name or an untranslated message in a right-to-left UI)."""
    widget = QLabel(text)
    widget.setWordWrap(True)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    leading = QStyle.visualAlignment(QGuiApplication.layoutDirection(), Qt.AlignmentFlag.AlignLeft)
    widget.setAlignment(leading | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter)
    if selectable:
        widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        widget.setObjectName(name)
    return widget


class MarketStrip(QFrame):
    """The market at a glance; ``details_requested`` from "Agreement by group…"."""

    details_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("MarketStrip")
        self.title = label(name="StripTitle")
        self.facts = label(name="StripFacts")
        self.alphas: dict[str, QLabel] = {}
        grid = QHBoxLayout()
        grid.setSpacing(6)
        caption = label(_("Agreement (Krippendorff's alpha):"), "StripFacts", selectable=False)
        caption.setWordWrap(False)
        grid.addWidget(caption)
        for dim in AGREEMENT_DIMENSIONS:
            box = QLabel()
            box.setObjectName("AlphaBox")
            box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.alphas[dim] = box
            grid.addWidget(box)
        self.details = QPushButton(_("Agreement by group…"))
        self.details.clicked.connect(self.details_requested)
        grid.addWidget(self.details)
        grid.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        layout.addLayout(grid)

    def show_market(self, m: MarketSummary) -> None:
        self.title.setText(
            _("{campaign} — {market}: the panel's results").format(
                campaign=m.campaign, market=display_market(m.market, current_language())
            )
        )
        facts = [
            ngettext("{count} panelist", "{count} panelists", len(m.panelists)).format(
                count=len(m.panelists)
            ),
            ngettext("{count} return merged", "{count} returns merged", len(m.returns)).format(
                count=len(m.returns)
            ),
            _("{decided} of {total} variants decided").format(decided=m.decided, total=m.variants),
            ngettext(
                "{count} variant with escalation triggers",
                "{count} variants with escalation triggers",
                m.triggered,
            ).format(count=m.triggered),
        ]
        self.facts.setText("   ·   ".join(facts))
        for dim, box in self.alphas.items():
            result = m.alphas[dim]
            box.setText(f"{_(AGREEMENT_LABELS[dim])}: {alpha_reading(result)}")
            box.setToolTip(alpha_explanation(result))
            box.setAccessibleDescription(alpha_explanation(result))
            box.setProperty("low", dim in m.low_agreement)
            box.style().polish(box)


@dataclass(frozen=True)
class FormState:
    """What the form holds: a decision, its rationale, and a rewrite to adopt."""

    decision: str | None = None
    rationale: str = ""
    adopt_vote_id: str | None = None
    adopt_panelist: str = ""
    adopt_text: str = ""


class DecisionForm(QWidget):
    """The manager's decision on one variant; ``record_requested`` asks the window to record."""

    record_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("DecisionForm")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.recorded: FormState | None = None
        self._adopt: tuple[str, str, str] | None = None  # vote id, panelist, text
        title = label(_("Your decision"), "SectionTitle", selectable=False)
        self.variant = label(name="FormHint")
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        for n, decision in enumerate(DECISIONS):
            button = QPushButton(decision_label(decision))
            button.setObjectName(f"Decision_{decision}")
            button.setCheckable(True)
            button.setToolTip(
                _("{decision} (Ctrl+{n})").format(decision=decision_label(decision), n=n + 1)
            )
            self.group.addButton(button, n)
            self.buttons[decision] = button
            grid.addWidget(button, n // 2, n % 2)
        self.group.idToggled.connect(lambda *_a: self._update_hint())
        self.rationale = QPlainTextEdit()
        self.rationale.setObjectName("Rationale")
        self.rationale.setPlaceholderText(
            _("Rationale: why this decision? (required for anything but go)")
        )
        self.rationale.setAccessibleName(_("Rationale"))
        self.rationale.setTabChangesFocus(True)
        self.rationale.setMaximumHeight(120)
        self.rationale.textChanged.connect(self._update_hint)
        self.hint = label(name="FormHint", selectable=False)
        self.adoption = label(name="NotesBox")
        self.unadopt = QPushButton(_("Don't adopt"))
        self.unadopt.clicked.connect(self.clear_adoption)
        adopt_row = QHBoxLayout()
        adopt_row.addWidget(self.adoption, 1)
        adopt_row.addWidget(self.unadopt, 0, Qt.AlignmentFlag.AlignTop)
        self.message = label(name="VoteWarning")
        self.message.setAccessibleName(_("Message"))
        self.record = QPushButton(_("Record decision (Ctrl+Return)"))
        self.record.setObjectName("RecordButton")
        self.record.clicked.connect(self.record_requested)
        self.state_label = label(selectable=False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(6)
        layout.addWidget(title)
        layout.addWidget(self.variant)
        layout.addLayout(grid)
        layout.addWidget(self.rationale)
        layout.addWidget(self.hint)
        layout.addLayout(adopt_row)
        layout.addWidget(self.message)
        layout.addWidget(self.record)
        layout.addWidget(self.state_label)
        self.clear_message()
        self._show_adoption()

    # -- state --------------------------------------------------------------------------
    def chosen(self) -> str | None:
        n = self.group.checkedId()
        return DECISIONS[n] if n >= 0 else None

    def choose(self, decision: str | None) -> None:
        self.group.setExclusive(False)
        for d, button in self.buttons.items():
            button.setChecked(d == decision)
        self.group.setExclusive(True)
        self._update_hint()

    def state(self) -> FormState:
        vote_id, panelist, text = self._adopt or (None, "", "")
        return FormState(self.chosen(), self.rationale.toPlainText(), vote_id, panelist, text)

    def load(
        self, title: str, recorded: Decision | None, panelist: str, draft: FormState | None
    ) -> None:
        """Show a variant's recorded decision (or a draft the manager left unrecorded)."""
        self.variant.setText(title)
        self.recorded = (
            FormState(
                recorded.decision,
                recorded.rationale,
                recorded.adopted_rewrite_from,
                panelist,
                recorded.adopted_text or "",
            )
            if recorded
            else None
        )
        shown = draft or self.recorded or FormState()
        self.choose(shown.decision)
        self.rationale.setPlainText(shown.rationale)
        self._adopt = (
            (shown.adopt_vote_id, shown.adopt_panelist, shown.adopt_text)
            if shown.adopt_vote_id
            else None
        )
        self._show_adoption()
        self.clear_message()
        self._update_state()

    def is_draft(self) -> bool:
        """The form differs from what is recorded."""
        state = self.state()
        recorded = self.recorded or FormState()
        return (state.decision, state.rationale.strip(), state.adopt_vote_id) != (
            recorded.decision,
            recorded.rationale.strip(),
            recorded.adopt_vote_id,
        ) and (state.decision is not None or bool(state.rationale.strip()))

    # -- adoption -----------------------------------------------------------------------
    def adopt(self, vote_id: str, panelist: str, text: str) -> None:
        """Adopt a panelist's rewrite: it needs a decision with changes (or an escalation)."""
        self._adopt = (vote_id, panelist, text)
        if self.chosen() in (None, GO, NO_GO):
            self.choose(GO_WITH_CHANGES)
        self._show_adoption()
        self.clear_message()
        self.rationale.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear_adoption(self) -> None:
        self._adopt = None
        self._show_adoption()

    def _show_adoption(self) -> None:
        if self._adopt:
            _vid, panelist, text = self._adopt
            self.adoption.setText(
                _("Adopting the rewrite of {panelist}: {text}").format(panelist=panelist, text=text)
            )
        self.adoption.setVisible(self._adopt is not None)
        self.unadopt.setVisible(self._adopt is not None)
        self._update_state()

    # -- messages -----------------------------------------------------------------------
    def show_message(self, text: str) -> None:
        """Say inline why nothing was recorded."""
        self.message.setText(text)
        self.message.show()

    def clear_message(self) -> None:
        self.message.clear()
        self.message.hide()

    def _update_hint(self) -> None:
        decision = self.chosen()
        if decision is None:
            self.hint.setText(
                _(
                    "Choose a decision: Ctrl+1 go, Ctrl+2 go with changes, Ctrl+3 no-go, "
                    "Ctrl+4 escalate."
                )
            )
        elif decision != GO and not self.rationale.toPlainText().strip():
            self.hint.setText(
                _("A rationale is required for “{decision}”: say why.").format(
                    decision=decision_label(decision)
                )
            )
        elif decision == GO:
            self.hint.setText(_("A plain go needs no rationale, but one helps HQ."))
        else:
            self.hint.setText("")
        self.hint.setVisible(bool(self.hint.text()))
        self._update_state()

    def _update_state(self) -> None:
        if not hasattr(self, "state_label"):
            return
        if self.is_draft():
            self.state_label.setObjectName("FormDraft")
            self.state_label.setText(_("Not recorded yet: press Ctrl+Return to record."))
        elif self.recorded:
            self.state_label.setObjectName("FormRecorded")
            self.state_label.setText(
                _("Recorded: {decision}.").format(decision=decision_label(self.recorded.decision))
            )
        else:
            self.state_label.setObjectName("FormHint")
            self.state_label.setText(_("No decision recorded yet."))
        self.state_label.style().polish(self.state_label)


class DecisionHistory(QListWidget):
    """Every revision of the variant's decision, newest first."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setAccessibleName(_("Decision history"))

    def show_history(self, history: list[Decision]) -> None:
        self.clear()
        for d in reversed(history):
            text = _("Revision {revision} · {when} · {decision} · by {who}").format(
                revision=d.revision,
                when=format_saved_time(d.decided_at),
                decision=d.label,
                who=d.decided_by,
            )
            if d.rationale:
                text += "\n" + d.rationale
            if d.adopted_text:
                text += "\n" + _("Adopted rewrite: {text}").format(text=d.adopted_text)
            self.addItem(text)
        if not history:
            self.addItem(_("No decision recorded yet."))
