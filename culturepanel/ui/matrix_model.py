"""HQ's decisions matrix as a Qt table: keys × markets, each cell its decision.

:class:`MatrixTableModel` is a view over the core's
:class:`~culturepanel.consolidation.matrix.Matrix` (no copy in widgets): rows
are keys, columns markets. A cell shows the decision's short text ("GO",
"NO-GO", …), a background colour *and* an icon whose shape differs per
decision, so that nothing is told by colour alone; an escalated cell carries
a ⚑. :class:`MatrixFilterProxy` filters rows: all, with an escalation, or not
all go; and by a search over the key and its source copy.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from culturepanel.consolidation.matrix import Matrix, MatrixCell, decision_label
from culturepanel.consolidation.triggers import ESCALATE, GO, GO_WITH_CHANGES, NO_GO
from culturepanel.formatting import isolate
from culturepanel.i18n import _, current_language, ngettext
from culturepanel.locales import display_locale, display_market
from culturepanel.review.votes import DECISION_LABELS as VOTE_LABELS
from culturepanel.review.votes import DECISIONS as VOTE_DECISIONS
from culturepanel.ui.filter_proxy import RefilterProxy

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
MARKET_ROLE = Qt.ItemDataRole.UserRole + 2
CELL_ROLE = Qt.ItemDataRole.UserRole + 3

ESCALATION_MARK = "⚑"
SHOW_ALL, SHOW_ESCALATED, SHOW_NOT_GO = "all", "escalated", "not_go"

Index = QModelIndex | QPersistentModelIndex

#: background, text colour and icon colour per decision (``None``: not decided yet)
COLORS: dict[str | None, tuple[str, str, str]] = {
    GO: ("#d5efdc", "#14532d", "#1e8449"),
    GO_WITH_CHANGES: ("#e8f1cc", "#3f5212", "#6b8e23"),
    NO_GO: ("#f8d3ce", "#7b241c", "#c0392b"),
    ESCALATE: ("#ffe1b5", "#7a3e00", "#d35400"),
    None: ("#e9ecf0", "#243b53", "#52606d"),
}
#: an open cell of a market whose results are not imported yet: quieter than "undecided"
WAITING_COLORS = ("#f7f8fa", "#9aa5b1")


@lru_cache(maxsize=8)
def decision_icon(decision: str | None, size: int = 16) -> QIcon:
    """A small shape per decision: ● with ✓ (go), ○ with ✓ (go with changes),
    ■ with ✕ (no-go), ▲ with ! (escalate), dashed ○ (open)."""
    scale = 2
    pixmap = QPixmap(size * scale, size * scale)
    pixmap.setDevicePixelRatio(scale)
    pixmap.fill(Qt.GlobalColor.transparent)
    color = QColor(COLORS[decision][2])
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = float(size)
    white = QPen(QColor("white"), s * 0.13, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    check = [QPointF(s * 0.28, s * 0.52), QPointF(s * 0.44, s * 0.68), QPointF(s * 0.73, s * 0.34)]
    if decision == GO:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(color)
        p.drawEllipse(QPointF(s / 2, s / 2), s * 0.46, s * 0.46)
        p.setPen(white)
        p.drawPolyline(check)
    elif decision == GO_WITH_CHANGES:
        p.setPen(QPen(color, s * 0.11))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(QPointF(s / 2, s / 2), s * 0.40, s * 0.40)
        p.setPen(QPen(color, s * 0.13, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        p.drawPolyline(check)
    elif decision == NO_GO:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(color)
        p.drawRoundedRect(s * 0.06, s * 0.06, s * 0.88, s * 0.88, s * 0.12, s * 0.12)
        p.setPen(white)
        p.drawLine(QPointF(s * 0.3, s * 0.3), QPointF(s * 0.7, s * 0.7))
        p.drawLine(QPointF(s * 0.7, s * 0.3), QPointF(s * 0.3, s * 0.7))
    elif decision == ESCALATE:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(color)
        p.drawPolygon(
            QPolygonF(
                [QPointF(s / 2, s * 0.04), QPointF(s * 0.97, s * 0.93), QPointF(s * 0.03, s * 0.93)]
            )
        )
        p.setPen(white)
        p.drawLine(QPointF(s / 2, s * 0.38), QPointF(s / 2, s * 0.62))
        p.drawPoint(QPointF(s / 2, s * 0.79))
    else:
        p.setPen(QPen(color, s * 0.1, Qt.PenStyle.DotLine))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(QPointF(s / 2, s / 2), s * 0.38, s * 0.38)
    p.end()
    return QIcon(pixmap)


def cell_text(cell: MatrixCell) -> str:
    """What the cell shows: the core's short text, and ⚑ when escalated."""
    short = isolate(cell.short)  # "GO*" stays "GO*" in a right-to-left interface
    return f"{short} {ESCALATION_MARK}" if cell.escalated else short


def cell_tooltip(cell: MatrixCell) -> str:
    lines = [decision_label(cell.decision)]
    if cell.escalated:
        lines[0] += " " + ESCALATION_MARK + " " + _("escalated to HQ")
    lang = current_language()
    for v in cell.variants:
        counts = ", ".join(
            f"{v.decision_counts[d]} {_(VOTE_LABELS[d])}"
            for d in VOTE_DECISIONS
            if v.decision_counts.get(d)
        )
        votes = ngettext("{count} vote", "{count} votes", v.votes).format(count=v.votes)
        line = _("{locale}: {decision} — {votes}").format(
            locale=display_locale(v.locale, lang), decision=decision_label(v.decision), votes=votes
        )
        lines.append(f"{line} ({counts})" if counts else line)
    lines.append(_("Enter: show the votes, comments and rationale"))
    return "\n".join(lines)


class MatrixTableModel(QAbstractTableModel):
    """Rows are the matrix's keys, columns its markets; cells are read from the core's Matrix."""

    def __init__(
        self, grid: Matrix | None = None, sources: dict[str, str] | None = None, parent=None
    ):
        super().__init__(parent)
        self.grid = grid or Matrix(keys=[], markets=[])
        self.sources = sources or {}

    def set_matrix(self, grid: Matrix, sources: dict[str, str] | None = None) -> None:
        """The workspace changed (an import): show the new matrix."""
        self.beginResetModel()
        self.grid = grid
        if sources is not None:
            self.sources = sources
        self.endResetModel()

    def key(self, row: int) -> str:
        return self.grid.keys[row]

    def market(self, column: int) -> str:
        return self.grid.markets[column]

    def cell_at(self, index: Index) -> MatrixCell | None:
        if not index.isValid():
            return None
        return self.grid.cell(self.key(index.row()), self.market(index.column()))

    # -- Qt overrides ---------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.grid.keys)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.grid.markets)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0):
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self.grid.markets):
                return None
            market = self.grid.markets[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return market
            if role == Qt.ItemDataRole.ToolTipRole:
                name = display_market(market, current_language())
                if market in self.grid.imported:
                    return name
                return _("{market}: no results imported yet").format(market=name)
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return display_market(market, current_language())
            return None
        if not 0 <= section < len(self.grid.keys):
            return None
        key = self.grid.keys[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return key
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.sources.get(key) or key
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == KEY_ROLE:
            return self.key(index.row())
        if role == MARKET_ROLE:
            return self.market(index.column())
        cell = self.cell_at(index)
        if role == CELL_ROLE:
            return cell
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter
        if cell is None:
            if role == Qt.ItemDataRole.DisplayRole:
                return "  —"
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor("#9aa5b1"))
            if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
                return _("No variant of {key} for {market}").format(
                    key=self.key(index.row()), market=self.market(index.column())
                )
            return None
        waiting = self.market(index.column()) not in self.grid.imported
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(cell)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(WAITING_COLORS[0] if waiting else COLORS[cell.decision][0]))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(WAITING_COLORS[1] if waiting else COLORS[cell.decision][1]))
        if role == Qt.ItemDataRole.DecorationRole:
            return decision_icon(cell.decision)
        if role == Qt.ItemDataRole.FontRole and (cell.escalated or cell.decision == NO_GO):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return cell_tooltip(cell)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self.key(index.row())}, {self.market(index.column())}: " + cell_tooltip(
                cell
            ).replace("\n", "; ")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class MatrixFilterProxy(RefilterProxy):
    """Rows shown: every key, keys with an escalated cell, or keys not go everywhere;
    narrowed by a search over the key and its source copy."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.show = SHOW_ALL
        self.search = ""

    def set_show(self, show: str) -> None:
        self._refilter(lambda: setattr(self, "show", show))

    def set_search(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "search", text.strip().casefold()))

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model: MatrixTableModel = self.sourceModel()
        key = model.key(source_row)
        if self.search and not (
            self.search in key.casefold() or self.search in model.sources.get(key, "").casefold()
        ):
            return False
        if self.show == SHOW_ALL:
            return True
        cells = [c for m in model.grid.markets if (c := model.grid.cell(key, m)) is not None]
        if self.show == SHOW_ESCALATED:
            return any(c.escalated for c in cells)
        return any(c.decision != GO for c in cells)


class MatrixDelegate(QStyledItemDelegate):
    """Keeps the decision's colour on the selected cell and frames it instead."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        plain = QStyleOptionViewItem(option)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        plain.state &= ~(QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_HasFocus)
        super().paint(painter, plain, index)
        if selected:
            painter.save()
            painter.setPen(QPen(QColor("#1d4ed8"), 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(option.rect.adjusted(1, 1, -2, -2))
            painter.restore()
