"""The centre of the manager's window: everything about one variant, to weigh before deciding.

From top to bottom: the variant (key, locale, channel, launch), the view's
recommendation with the triggers behind it (clearly a recommendation), HQ's
source and the variant side by side (font and direction of the locale), the
score distributions per dimension and the panel's decisions as small charts,
the panelists' votes side by side (named as the core names them: "Panelist 2"
unless they consented), their suggested rewrites, each with "Adopt this
rewrite", the automated findings and the timing findings.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from culturepanel.consolidation.decisions import decision_label
from culturepanel.consolidation.view import VariantSummary, VoteView
from culturepanel.formatting import format_window
from culturepanel.i18n import _, ngettext
from culturepanel.locales import display_locale
from culturepanel.review.votes import (
    CATEGORY_LABELS,
    DECISION_LABELS,
    DIMENSION_LABELS,
    DIMENSIONS,
    SEVERITY_LABELS,
)
from culturepanel.ui.calendar_panel import SEVERITY_GLYPHS as TIMING_GLYPHS
from culturepanel.ui.calendar_panel import SEVERITY_LABELS as TIMING_LABELS
from culturepanel.ui.findings_panel import severity_text
from culturepanel.ui.fonts import direction_for_locale, font_for_locale
from culturepanel.ui.manager_panels import label
from culturepanel.ui.score_chart import DecisionChart, ScoreChart
from culturepanel.ui.variant_detail import TextPane

FINDING_GLYPHS = {"critical": "⛔", "major": "▲", "minor": "●", "info": "ℹ"}


def section(title: str) -> QLabel:
    return label(title, "SectionTitle", selectable=False)


def concern_text(v: VoteView) -> str:
    parts = []
    if v.concern_severity:
        parts.append(_(SEVERITY_LABELS.get(v.concern_severity, v.concern_severity)))
    if v.concern_category:
        parts.append(_(CATEGORY_LABELS.get(v.concern_category, v.concern_category)))
    return " · ".join(parts)


def recommendation_text(s: VariantSummary) -> str:
    """ "Recommended: escalate — because …", or why there is no recommendation."""
    if s.recommendation is None:
        return _("No recommendation yet: no panelist has decided on this variant.")
    head = _("Recommended: {decision}").format(decision=decision_label(s.recommendation))
    if s.triggers:
        reasons = "\n".join("⚠ " + t.message for t in s.triggers)
        return _("{recommendation} — because:").format(recommendation=head) + "\n" + reasons
    counts = ", ".join(f"{_(DECISION_LABELS[d])}: {n}" for d, n in s.decision_counts.items() if n)
    return _("{recommendation} — no trigger; the panel voted {counts}.").format(
        recommendation=head, counts=counts
    )


class FitTable(QTableWidget):
    """A read-only table as tall as its rows, so that the page scrolls, not the table.

    Rows are what was voted, columns the panelists: their votes side by side."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setMinimumSectionSize(120)
        self.verticalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter
        )
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setWordWrap(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.horizontalHeader().sectionResized.connect(lambda *_a: self.fit())

    def fit(self) -> None:
        self.resizeRowsToContents()
        height = self.horizontalHeader().height() + 2 * self.frameWidth() + 2
        height += sum(self.rowHeight(r) for r in range(self.rowCount()))
        if self.horizontalScrollBar().isVisible():
            height += self.horizontalScrollBar().height()
        self.setFixedHeight(height)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit()


class VariantSummaryView(QScrollArea):
    """One variant's summary; ``adopt_requested(vote_id, panelist)`` from a rewrite's button."""

    adopt_requested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.summary: VariantSummary | None = None
        self.adopt_buttons: dict[str, QPushButton] = {}
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setObjectName("ManagerDetail")

        self.heading = label(name="VariantHeading")
        self.facts = label(name="VariantFacts")
        self.recommendation = label(name="RecommendationBox")
        self.recommendation.setAccessibleName(_("Recommendation"))
        self.adopted = label(name="NotesBox")
        self.source = TextPane(_("HQ source copy"))
        self.target = TextPane(_("Localized variant"))
        for pane in (self.source, self.target):
            pane.body.setMaximumHeight(96)
        texts = QHBoxLayout()
        texts.addWidget(self.source, 1)
        texts.addWidget(self.target, 1)

        self.charts = {dim: ScoreChart(_(DIMENSION_LABELS[dim])) for dim in DIMENSIONS}
        self.decisions = DecisionChart()
        charts = QGridLayout()
        charts.setHorizontalSpacing(14)
        for i, dim in enumerate(DIMENSIONS):
            charts.addWidget(self.charts[dim], 0, i)
        charts.addWidget(self.decisions, 1, 0, 1, 2)
        self.votes_hint = label(name="EmptyHint")

        self.votes = FitTable()
        self.votes.setAccessibleName(_("Votes of the panel, one column per panelist"))
        rows = [_("Decision")] + [_(DIMENSION_LABELS[d]) for d in DIMENSIONS]
        rows += [_("Concern"), _("Comment")]
        self.votes.setRowCount(len(rows))
        self.votes.setVerticalHeaderLabels(rows)

        self.rewrites_box = QVBoxLayout()
        self.rewrites_box.setSpacing(6)
        self.findings = label()
        self.timing = label()

        body = QWidget()
        body.setObjectName("ManagerDetailBody")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(16, 12, 16, 16)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addWidget(self.facts)
        layout.addWidget(self.recommendation)
        layout.addLayout(texts)
        layout.addWidget(self.adopted)
        layout.addWidget(section(_("Scores and decisions of the panel")))
        layout.addLayout(charts)
        layout.addWidget(section(_("Votes side by side")))
        layout.addWidget(self.votes_hint)
        layout.addWidget(self.votes)
        layout.addWidget(section(_("Suggested rewrites")))
        layout.addLayout(self.rewrites_box)
        layout.addWidget(section(_("Automated findings")))
        layout.addWidget(self.findings)
        layout.addWidget(section(_("Timing")))
        layout.addWidget(self.timing)
        layout.addStretch(1)
        self.setWidget(body)
        self.show_summary(None)

    # -- showing ------------------------------------------------------------------------
    def show_summary(self, s: VariantSummary | None, checking: bool = False) -> None:
        if s is None or self.summary is None or s.variant.id != self.summary.variant.id:
            self.verticalScrollBar().setValue(0)
        self.summary = s
        if s is None:
            self.heading.setText(_("No variant selected"))
            for w in (self.facts, self.recommendation, self.adopted, self.votes):
                w.hide()
            return
        v = s.variant
        self.heading.setText(f"{v.key} · {v.locale_label}")
        facts = [
            display_locale(v.locale, self._lang()),
            _("Channel: {channel}").format(channel=v.channel or "—"),
            _("Launch: {window}").format(
                window=format_window(v.launch_start, v.launch_end) or _("not given")
            ),
            ngettext("{count} vote", "{count} votes", s.voted).format(count=s.voted),
        ]
        self.facts.setText("   ·   ".join(facts))
        self.facts.show()
        self.recommendation.setText(
            recommendation_text(s) + "\n" + _("The view recommends; you decide.")
        )
        self.recommendation.setProperty("escalate", bool(s.triggers))
        self.recommendation.style().polish(self.recommendation)
        self.recommendation.show()
        self.source.show_text(v.source_text or _("(no source copy given)"), "en")
        self.target.show_text(v.text, v.locale)
        self.target.title.setText(_("Localized variant — {locale}").format(locale=v.locale_label))
        d = s.decision
        if d and d.adopted_text:
            who = next((x.panelist for x in s.votes if x.id == d.adopted_rewrite_from), "?")
            self.adopted.setText(
                _("Adopted rewrite ({panelist}): {text}").format(panelist=who, text=d.adopted_text)
            )
            self.adopted.show()
        else:
            self.adopted.hide()
        for dim, chart in self.charts.items():
            chart.set_counts(s.distribution[dim], s.means[dim])
        self.decisions.set_counts(s.decision_counts)
        self._show_votes(s)
        self._show_rewrites(s)
        self._show_findings(s, checking)
        self._show_timing(s)

    def _lang(self) -> str:
        from culturepanel.i18n import current_language

        return current_language()

    def _show_votes(self, s: VariantSummary) -> None:
        table = self.votes
        table.setColumnCount(len(s.votes))
        table.setHorizontalHeaderLabels([v.panelist + (" ✎" if v.stale else "") for v in s.votes])
        for c, vote in enumerate(s.votes):
            if vote.stale:
                table.horizontalHeaderItem(c).setToolTip(
                    _("Voted on an earlier text of this variant")
                )
            cells = [_(DECISION_LABELS[vote.decision]) if vote.decision else "—"]
            cells += [str(vote.scores.get(d) or "—") for d in DIMENSIONS]
            cells += [concern_text(vote) or "—", vote.comment.strip() or "—"]
            for r, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(r, c, item)
        self.votes_hint.setText("" if s.votes else _("No panelist has voted on this variant yet."))
        self.votes_hint.setVisible(not s.votes)
        table.setVisible(bool(s.votes))
        table.fit()

    def _show_rewrites(self, s: VariantSummary) -> None:
        while self.rewrites_box.count():
            item = self.rewrites_box.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.adopt_buttons = {}
        if not s.rewrites:
            self.rewrites_box.addWidget(label(_("No panelist suggested a rewrite."), "EmptyHint"))
            return
        adopted = s.decision.adopted_rewrite_from if s.decision else None
        for vote in s.rewrites:
            card = QFrame()
            card.setObjectName("RewriteCard")
            box = QVBoxLayout(card)
            box.setContentsMargins(10, 8, 10, 8)
            box.addWidget(
                label(_("{panelist} suggests:").format(panelist=vote.panelist), "PaneTitle")
            )
            text = label(vote.rewrite.strip())
            text.setFont(font_for_locale(s.variant.locale, self.font(), 1.15))
            text.setLayoutDirection(direction_for_locale(s.variant.locale))
            text.setAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
            box.addWidget(text)
            row = QHBoxLayout()
            button = QPushButton(_("Adopt this rewrite"))
            button.setAccessibleName(
                _("Adopt the rewrite of {panelist}").format(panelist=vote.panelist)
            )
            button.clicked.connect(
                lambda _c=False, vid=vote.id, who=vote.panelist: self.adopt_requested.emit(vid, who)
            )
            if vote.id == adopted:
                button.setText(_("Adopted in the recorded decision"))
                button.setEnabled(False)
            row.addWidget(button)
            row.addStretch(1)
            box.addLayout(row)
            self.adopt_buttons[vote.id] = button
            self.rewrites_box.addWidget(card)

    def _show_findings(self, s: VariantSummary, checking: bool) -> None:
        lines = []
        for sf in s.findings:
            f = sf.finding
            if f.inconclusive:
                continue
            glyph = FINDING_GLYPHS.get(f.severity, "•")
            lines.append(f"{glyph} {severity_text(f.severity)} · {f.message}")
            lines.append("    " + _("Why: {reason}").format(reason=f.reason))
            for who, why in s.panel_dismissals.get(sf.key, ()):
                lines.append("    " + _("Dismissed by {panelist}: {reason}").format(
                    panelist=who, reason=why or "—"
                ))  # fmt: skip
        if not lines:
            lines = [_("Checking…") if checking else _("No automated findings for this variant.")]
        self.findings.setText("\n".join(lines))

    def _show_timing(self, s: VariantSummary) -> None:
        lines = []
        for f in s.timing:
            glyph = TIMING_GLYPHS.get(f.severity, "•")
            severity = _(TIMING_LABELS.get(f.severity, f.severity))
            lines.append(f"{glyph} {severity} · {f.message}")
            if f.suggestion:
                lines.append("    " + f.suggestion)
        if not lines:
            if s.variant.launch_start is None:
                lines = [_("No launch window given, so no timing check.")]
            else:
                lines = [_("No timing findings for the launch window.")]
        self.timing.setText("\n".join(lines))
