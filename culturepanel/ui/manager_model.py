"""The manager's variant list: a table model over the session's summaries, and its filter.

:class:`ManagerVariantModel` keeps the order the core gives (disagreements
first) and shows per variant its key, locale, how far the panel disagrees, its
escalation triggers (⚠ and a count, the reasons in the tooltip), the
recommendation and the recorded decision; every mark is text, never colour
alone. :class:`ManagerFilterProxy` filters (all / needs a decision /
escalations / decided) and searches key, locale, texts and comments.
Also here: the plain-language readings of alpha and of disagreement.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from culturepanel.consolidation.agreement import ACCEPTABLE, AlphaResult
from culturepanel.consolidation.decisions import decision_label
from culturepanel.consolidation.session import ManagerSession
from culturepanel.consolidation.triggers import ESCALATE
from culturepanel.consolidation.view import VariantSummary
from culturepanel.i18n import _, ngettext
from culturepanel.ui.filter_proxy import RefilterProxy

COL_KEY, COL_LOCALE, COL_DISAGREEMENT, COL_TRIGGERS, COL_RECOMMENDATION, COL_DECISION = range(6)
ID_ROLE = Qt.ItemDataRole.UserRole + 1

FILTER_ALL, FILTER_OPEN, FILTER_ESCALATIONS, FILTER_DECIDED = (
    "all",
    "open",
    "escalations",
    "decided",
)

DECISION_COLORS = {
    "go": "#1e8449",
    "go_with_changes": "#7d9d2a",
    "no_go": "#c0392b",
    "escalate": "#b9770e",
}

Index = QModelIndex | QPersistentModelIndex


# -- readings ------------------------------------------------------------------------------
def alpha_words(value: float) -> str:
    """Krippendorff's reading of an alpha: "0.81 good agreement"."""
    if value >= 0.8:
        words = _("good agreement")
    elif value >= ACCEPTABLE:
        words = _("fair agreement")
    elif value >= 0.0:
        words = _("low agreement")
    else:
        words = _("systematic disagreement")
    return _("{value} {words}").format(value=f"{value:.2f}", words=words)


def alpha_reading(result: AlphaResult) -> str:
    """Alpha in words: "0.81 good agreement", or "— not enough ratings"."""
    if result.value is None:
        if result.coders < 2 or result.units < 2:
            return _("— not enough ratings")
        return _("— all ratings the same")
    return alpha_words(result.value)


def alpha_explanation(result: AlphaResult) -> str:
    """The tooltip of an alpha: why it is undefined, or what it means."""
    if result.value is None:
        return _("Alpha cannot be computed: {reason}.").format(reason=result.reason or "")
    return ngettext(
        "Krippendorff's alpha ({level}) over {units} variant rated by two or more panelists. "
        "0.80 and above: reliable; 0.67 to 0.80: tentative; below: the panel does not agree.",
        "Krippendorff's alpha ({level}) over {units} variants rated by two or more panelists. "
        "0.80 and above: reliable; 0.67 to 0.80: tentative; below: the panel does not agree.",
        result.units,
    ).format(level=_("ordinal") if result.level == "ordinal" else _("nominal"), units=result.units)


def disagreement_text(value: float) -> str:
    """How far the panel disagrees on one variant, in words."""
    if value >= 0.5:
        return _("High")
    if value >= 0.25:
        return _("Some")
    if value > 0:
        return _("Low")
    return _("None")


def disagreement_marks(value: float) -> str:
    filled = 3 if value >= 0.5 else 2 if value >= 0.25 else 1 if value > 0 else 0
    return "▮" * filled + "▯" * (3 - filled)


def is_escalation(s: VariantSummary) -> bool:
    """A variant that triggers escalation, or that the manager escalated to HQ."""
    return bool(s.triggers) or bool(s.decision and s.decision.decision == ESCALATE)


class ManagerVariantModel(QAbstractTableModel):
    """Rows are the session's variants in the core's order (disagreements first)."""

    def __init__(self, session: ManagerSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.rows: list[VariantSummary] = []
        self._row_of: dict[str, int] = {}
        self.reload()

    def reload(self) -> None:
        """Everything may have changed (a merge, new thresholds, new findings)."""
        self.beginResetModel()
        self.rows = list(self.session.summaries())
        self._row_of = {s.variant.id: i for i, s in enumerate(self.rows)}
        self.endResetModel()

    def refresh_variant(self, variant_id: str) -> None:
        """A decision was recorded: take the new summary, redraw the row (order unchanged)."""
        r = self._row_of.get(variant_id)
        if r is None:
            return
        self.rows[r] = self.session.summary(variant_id)
        self.dataChanged.emit(self.index(r, 0), self.index(r, self.columnCount() - 1))

    def summary(self, variant_id: str) -> VariantSummary | None:
        r = self._row_of.get(variant_id)
        return self.rows[r] if r is not None else None

    def row_of(self, variant_id: str) -> int:
        return self._row_of.get(variant_id, -1)

    # -- Qt overrides -------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < 6:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return [
                _("Key"),
                _("Locale"),
                _("Disagreement"),
                _("Triggers"),
                _("Recommended"),
                _("Decision"),
            ][section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return {
                COL_DISAGREEMENT: _("How far the panel disagrees on this variant"),
                COL_TRIGGERS: _("Escalation triggers: reasons to bring the variant to HQ"),
                COL_RECOMMENDATION: _("What the view recommends; you decide"),
                COL_DECISION: _("Your recorded decision"),
            }.get(section)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        s = self.rows[index.row()]
        col = index.column()
        if role == ID_ROLE:
            return s.variant.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(s, col, role == Qt.ItemDataRole.AccessibleTextRole)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_TRIGGERS and s.triggers:
                return "\n".join("⚠ " + t.message for t in s.triggers)
            if col == COL_DISAGREEMENT:
                return _(
                    "Disagreement {value}: 0 = the panel agrees, 1 = it disagrees fully."
                ).format(value=f"{s.disagreement:.2f}")
            if col == COL_DECISION and s.decision:
                return s.decision.rationale or None
            return s.variant.text[:300]
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == COL_TRIGGERS and s.triggers:
                return QBrush(QColor("#b9770e"))
            if col == COL_DISAGREEMENT and s.disagreement >= 0.5:
                return QBrush(QColor("#c0392b"))
            if col == COL_DECISION and s.decision:
                return QBrush(QColor(DECISION_COLORS[s.decision.decision]))
        if role == Qt.ItemDataRole.FontRole and col == COL_KEY and s.decision is None:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _text(self, s: VariantSummary, col: int, spoken: bool) -> str:
        if col == COL_KEY:
            return s.variant.key
        if col == COL_LOCALE:
            return s.variant.locale_label
        if col == COL_DISAGREEMENT:
            if spoken:
                return _("Disagreement: {level}").format(level=disagreement_text(s.disagreement))
            return f"{disagreement_marks(s.disagreement)} {disagreement_text(s.disagreement)}"
        if col == COL_TRIGGERS:
            n = len(s.triggers)
            if not n:
                return _("No triggers") if spoken else ""
            if spoken:
                return ngettext("{count} trigger", "{count} triggers", n).format(count=n)
            return f"⚠ {n}"
        if col == COL_RECOMMENDATION:
            return decision_label(s.recommendation) if s.recommendation else _("no votes")
        if col == COL_DECISION:
            if s.decision:
                return s.decision.label
            return _("Not decided") if spoken else "—"
        return ""


class ManagerFilterProxy(RefilterProxy):
    """Filter by state (all / open / escalations / decided) and by a search text."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.state = FILTER_ALL
        self.search = ""

    def set_state(self, state: str) -> None:
        self._refilter(lambda: setattr(self, "state", state))

    def set_search(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "search", text.strip().casefold()))

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, ManagerVariantModel)
        s = model.rows[source_row]
        if self.state == FILTER_OPEN and s.decision is not None:
            return False
        if self.state == FILTER_DECIDED and s.decision is None:
            return False
        if self.state == FILTER_ESCALATIONS and not is_escalation(s):
            return False
        if self.search:
            v = s.variant
            hay = [v.key, v.locale, v.locale_label, v.text, v.source_text or "", v.channel or ""]
            hay += [x.comment for x in s.votes] + [x.rewrite for x in s.votes]
            return any(self.search in h.casefold() for h in hay)
        return True
