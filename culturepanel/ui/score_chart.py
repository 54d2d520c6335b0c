"""Small painted charts of a variant's votes: scores per dimension and panel decisions.

:class:`ScoreChart` draws the distribution of one dimension's scores (how many
panelists gave 1, 2, … 5) as bars with the count written above each bar and
the mean in the title; :class:`DecisionChart` draws the panel's decisions as
labelled horizontal bars with their counts. Both carry the same numbers as
accessible text and tooltip, so nothing is told by colour or length alone.
In a right-to-left interface the score axis runs from the right.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from culturepanel.formatting import format_number
from culturepanel.i18n import _
from culturepanel.review.votes import DECISION_LABELS, DECISIONS

BAR = QColor("#4a7fc1")
AXIS = QColor("#9aa5b1")
TEXT = QColor("#243b53")
MUTED = QColor("#7b8794")
PANEL_DECISION_COLORS = {
    "approve": QColor("#1e8449"),
    "approve_with_changes": QColor("#7d9d2a"),
    "changes_required": QColor("#b9770e"),
    "reject": QColor("#c0392b"),
}


class ScoreChart(QWidget):
    """Counts of the scores 1…5 on one dimension."""

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = title
        self.counts: tuple[int, ...] = (0, 0, 0, 0, 0)
        self.mean: float | None = None
        self.setMinimumSize(QSize(120, 132))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setAccessibleName(title)
        self._describe()

    def sizeHint(self) -> QSize:
        return QSize(170, 136)

    def set_counts(self, counts: Sequence[int], mean: float | None) -> None:
        self.counts = tuple(counts)
        self.mean = mean
        self._describe()
        self.update()

    def mean_text(self) -> str:
        if self.mean is None:
            return _("no scores")
        return _("mean {mean}").format(mean=format_number(round(self.mean, 1)))

    def heading(self) -> str:
        return _("{dimension}: {mean}").format(dimension=self.title, mean=self.mean_text())

    def description(self) -> str:
        parts = [
            _("score {score}: {count}").format(score=score, count=count)
            for score, count in enumerate(self.counts, start=1)
        ]
        return f"{self.heading()}. " + ", ".join(parts)

    def _describe(self) -> None:
        text = self.description()
        self.setAccessibleDescription(text)
        self.setToolTip(text)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = QFontMetrics(self.font())
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        title_font = QFont(self.font())
        title_font.setBold(True)
        align = (Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft) | (
            Qt.AlignmentFlag.AlignVCenter
        )
        line = fm.height()
        for row, (text, font, color) in enumerate(
            ((self.title, title_font, TEXT), (self.mean_text(), self.font(), MUTED))
        ):
            p.setFont(font)
            p.setPen(color)
            p.drawText(
                QRectF(0, row * line, self.width(), line),
                align,
                QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, self.width()),
            )
        p.setFont(self.font())
        plot = QRectF(4, 3 * line + 2, self.width() - 8, 0)
        plot.setBottom(self.height() - line - 4)
        n = len(self.counts)
        slot = plot.width() / n
        highest = max(max(self.counts, default=0), 1)
        for i, count in enumerate(self.counts):
            pos = n - 1 - i if rtl else i
            x = plot.left() + pos * slot
            h = plot.height() * count / highest
            bar = QRectF(x + slot * 0.18, plot.bottom() - h, slot * 0.64, h)
            if count:
                p.fillRect(bar, BAR)
            p.setPen(TEXT if count else MUTED)
            p.drawText(
                QRectF(x, bar.top() - line - 1, slot, line),
                Qt.AlignmentFlag.AlignCenter,
                str(count),
            )
            p.setPen(MUTED)
            p.drawText(
                QRectF(x, plot.bottom() + 2, slot, line), Qt.AlignmentFlag.AlignCenter, str(i + 1)
            )
        p.setPen(QPen(AXIS, 1))
        p.drawLine(plot.bottomLeft(), plot.bottomRight())
        p.end()


class DecisionChart(QWidget):
    """How many panelists chose each decision."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.counts: dict[str, int] = dict.fromkeys(DECISIONS, 0)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setAccessibleName(_("Panel decisions"))
        self.setMinimumHeight(self.sizeHint().height())
        self._describe()

    def sizeHint(self) -> QSize:
        return QSize(260, (QFontMetrics(self.font()).height() + 6) * len(DECISIONS) + 4)

    def set_counts(self, counts: dict[str, int]) -> None:
        self.counts = {d: int(counts.get(d, 0)) for d in DECISIONS}
        self._describe()
        self.update()

    def description(self) -> str:
        return ", ".join(
            _("{decision}: {count}").format(decision=_(DECISION_LABELS[d]), count=c)
            for d, c in self.counts.items()
        )

    def _describe(self) -> None:
        text = self.description()
        self.setAccessibleDescription(text)
        self.setToolTip(text)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        fm = QFontMetrics(self.font())
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        row = fm.height() + 6
        labels = [_(DECISION_LABELS[d]) for d in DECISIONS]
        label_w = min(max(fm.horizontalAdvance(t) for t in labels) + 10, self.width() // 2)
        number_w = fm.horizontalAdvance("000") + 6
        bar_w = max(self.width() - label_w - number_w, 10)
        highest = max(max(self.counts.values(), default=0), 1)
        for i, (decision, label) in enumerate(zip(DECISIONS, labels, strict=True)):
            y = i * row + 2
            count = self.counts[decision]
            length = bar_w * count / highest
            if rtl:
                label_rect = QRectF(self.width() - label_w, y, label_w - 6, row)
                bar = QRectF(self.width() - label_w - length, y + 3, length, row - 6)
                num = QRectF(bar.left() - number_w, y, number_w - 4, row)
                label_align = Qt.AlignmentFlag.AlignRight
                num_align = Qt.AlignmentFlag.AlignRight
            else:
                label_rect = QRectF(0, y, label_w - 6, row)
                bar = QRectF(label_w, y + 3, length, row - 6)
                num = QRectF(bar.right() + 4, y, number_w, row)
                label_align = Qt.AlignmentFlag.AlignLeft
                num_align = Qt.AlignmentFlag.AlignLeft
            p.setPen(TEXT)
            p.drawText(
                label_rect,
                label_align | Qt.AlignmentFlag.AlignVCenter,
                fm.elidedText(label, Qt.TextElideMode.ElideRight, int(label_rect.width())),
            )
            if count:
                p.fillRect(bar, PANEL_DECISION_COLORS[decision])
            p.setPen(TEXT if count else MUTED)
            p.drawText(num, num_align | Qt.AlignmentFlag.AlignVCenter, str(count))
        p.end()
