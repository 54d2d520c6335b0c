"""The top of HQ's window: the campaign, per market whether it is ready and why, and the
hint on importing results while there are none.

One card per market, in text *and* colour (and a ✔ / ✖ / ○ mark): "Ready: 12
go, 3 go with changes", "Not ready: 2 escalations, 1 undecided" or "Waiting for
results", with the results file it came from and when it was imported.
"""

from __future__ import annotations

from datetime import datetime
from html import escape

from babel import Locale, UnknownLocaleError
from babel.dates import format_datetime
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from culturepanel.consolidation.hq_overview import (
    NOT_READY,
    READY,
    WAITING,
    MarketReadiness,
)
from culturepanel.formatting import isolate
from culturepanel.i18n import _, current_language, ngettext
from culturepanel.locales import display_market

#: mark, background, border, text colour per readiness
LOOK = {
    READY: ("✔", "#e3f4e8", "#1e8449", "#14532d"),
    NOT_READY: ("✖", "#fdecea", "#c0392b", "#7b241c"),
    WAITING: ("○", "#f0f2f5", "#9aa5b1", "#3e4c59"),
}
COLUMNS = 4


def format_moment(iso: str | None) -> str:
    """An ISO timestamp as a short local date and time in the UI language."""
    if not iso:
        return ""
    try:
        moment = datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return iso
    try:
        locale = Locale.parse(current_language())
    except (UnknownLocaleError, ValueError):
        locale = Locale("en")
    return isolate(format_datetime(moment, format="short", locale=locale))


def status_word(status: str) -> str:
    return {READY: _("Ready"), NOT_READY: _("Not ready"), WAITING: _("No results yet")}[status]


class MarketCard(QLabel):
    """One market's readiness: mark, market, status and why, and where the results came from."""

    def __init__(self, line: MarketReadiness, parent: QWidget | None = None):
        super().__init__(parent)
        self.line = line
        mark, background, border, color = LOOK[line.status]
        name = display_market(line.market, current_language())
        tip = [f"{name} ({line.market}): {line.summary}"]
        lines = [
            f'<span style="font-size:11pt; font-weight:600;">{mark} {escape(line.market)}'
            f" · {escape(name)}</span>"
        ]
        if line.imported is None:
            lines.append(f"<b>{escape(status_word(line.status))}</b>")
            tip.append(_("Import its results file to see its decisions."))
        else:
            lines.append(f"<b>{escape(status_word(line.status))}</b> — {escape(line.detail)}")
            source = _("{file} · imported {when}").format(
                file=line.imported.file_name, when=format_moment(line.imported.imported_at)
            )
            lines.append(f'<span style="color:#52606d;">{escape(source)}</span>')
            tip.append(
                _("Results written {written}, imported {imported} by {who}.").format(
                    written=format_moment(line.imported.written_at),
                    imported=format_moment(line.imported.imported_at),
                    who=line.imported.imported_by or "?",
                )
            )
            tip.append(
                ngettext(
                    "{count} panelist ({named} named with consent).",
                    "{count} panelists ({named} named with consent).",
                    line.imported.panelists,
                ).format(count=line.imported.panelists, named=line.imported.named)
            )
        self.setObjectName("MarketCard")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setText("<br>".join(lines))
        self.setToolTip("\n".join(tip))
        self.setAccessibleName(f"{name}: {line.summary}")
        leading = "right" if self.isRightToLeft() else "left"
        self.setStyleSheet(
            f"QLabel#MarketCard {{ background: {background}; color: {color}; "
            f"border: 1px solid {border}; border-{leading}-width: 5px; border-radius: 6px; "
            "padding: 6px 10px; }"
        )


class HqHeader(QFrame):
    """Campaign name, how many markets are ready, and one card per market."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("HqHeader")
        self.title = QLabel()
        self.title.setObjectName("WelcomeTitle")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary = QLabel()
        self.summary.setObjectName("VariantFacts")
        self.summary.setWordWrap(True)
        self.cards: list[MarketCard] = []
        self.grid = QGridLayout()
        self.grid.setSpacing(8)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 6)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addLayout(self.grid)

    def show_overview(self, campaign: str, lines: list[MarketReadiness]) -> None:
        self.title.setText(campaign or _("Campaign"))
        ready = sum(1 for line in lines if line.status == READY)
        imported = sum(1 for line in lines if line.status != WAITING)
        self.summary.setText(
            ngettext(
                "{ready} of {total} market ready to launch · results imported from {imported}",
                "{ready} of {total} markets ready to launch · results imported from {imported}",
                len(lines),
            ).format(ready=ready, total=len(lines), imported=imported)
        )
        for card in self.cards:
            self.grid.removeWidget(card)
            card.deleteLater()
        self.cards = [MarketCard(line, self) for line in lines]
        columns = min(COLUMNS, max(1, len(self.cards)))
        for n, card in enumerate(self.cards):
            self.grid.addWidget(card, n // columns, n % columns)
        for c in range(COLUMNS):
            self.grid.setColumnStretch(c, 1 if c < columns else 0)


class ImportHint(QFrame):
    """Shown while no results are imported: how to import them, and the button to."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("ImportHint")
        self.setStyleSheet("QFrame#ImportHint { background: #eef4fb; border-radius: 6px; }")
        text = QLabel(
            _(
                "No regional results are imported yet, so every cell is open. Import the "
                "markets' results files (File ▸ Import regional results…, Ctrl+I), or drop "
                ".cpanel files on this window."
            )
        )
        text.setWordWrap(True)
        self.button = QPushButton(_("Import regional results…"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(text, 1)
        layout.addWidget(self.button)
