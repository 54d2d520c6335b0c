"""The drill-down of one matrix cell: what the panel said and what the region decided.

:class:`CellDetailsPanel` shows, per variant of the cell, the localized text
(in its script's font and direction), the region's decision with rationale and
adopted rewrite, the escalation triggers and timing conflicts, the score means
and distributions, and every panelist's vote and comment, attributed as the
core gives them ("Panelist 2" unless that panelist consented to be named).
"""

from __future__ import annotations

import unicodedata
from html import escape

from babel import Locale, UnknownLocaleError
from babel.numbers import format_decimal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from culturepanel.consolidation.matrix import CellDetail, MatrixCell, decision_label
from culturepanel.consolidation.triggers import TIMING, trigger_message
from culturepanel.formatting import format_day, isolate
from culturepanel.i18n import _, current_language, ngettext
from culturepanel.locales import display_locale, display_market
from culturepanel.review.votes import (
    CATEGORY_LABELS,
    DECISION_LABELS,
    DECISIONS,
    DIMENSION_LABELS,
    DIMENSIONS,
    SEVERITY_LABELS,
)
from culturepanel.ui.fonts import direction_for_locale, font_for_locale
from culturepanel.ui.matrix_model import COLORS, ESCALATION_MARK


def _decimal(value: float, pattern: str) -> str:
    """A number in the UI language with a fixed number of decimals, e.g. 3.0 / 3,0."""
    try:
        locale = Locale.parse(current_language())
    except (UnknownLocaleError, ValueError):
        locale = Locale("en")
    return isolate(format_decimal(value, format=pattern, locale=locale))


def _text(value: str | None) -> str:
    """Text of any language inside a sentence of the UI language: isolated, so that an
    Arabic comment in an English line (or the reverse) keeps its own order."""
    body = escape(value or "").replace("\n", "<br>")
    return f"\u2068{body}\u2069" if body else ""


def _direction(text: str) -> str:
    """``rtl`` or ``ltr`` from the text's first strong character (a comment's own language)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "ltr"


def _localized(text: str, locale: str, base: QFont) -> str:
    """A paragraph in the variant's own script and direction."""
    family = font_for_locale(locale, base).families()[0]
    rtl = direction_for_locale(locale).name == "RightToLeft"
    direction = "rtl" if rtl else "ltr"
    align = "right" if rtl else "left"
    return (
        f'<p dir="{direction}" align="{align}" style="font-family:\'{family}\'; '
        f'font-size:13pt; margin:4px 0 8px 0;">{_text(text)}</p>'
    )


def _heading(text: str) -> str:
    return f'<p style="margin:12px 0 2px 0; color:#52606d; font-weight:600;">{escape(text)}</p>'


def _count_cells(counts: list[int]) -> list[str]:
    """How many panelists gave each score 1..5: the count, on a shade as strong as its share."""
    total = sum(counts)
    cells: list[str] = []
    for n in (list(counts) + [0] * 5)[:5]:
        share = n / total if total else 0
        if n:
            alpha = 0.15 + 0.5 * share  # #2f80ed over white
            shade = "#" + "".join(
                f"{round(255 - (255 - c) * alpha):02x}" for c in (0x2F, 0x80, 0xED)
            )
            cells.append(f'<td align="center" bgcolor="{shade}">{n}</td>')
        else:
            cells.append('<td align="center" style="color:#9aa5b1;">·</td>')
    return cells


def _decision_badge(decision: str | None, escalated: bool) -> str:
    background, color, _icon = COLORS[decision]
    text = escape(decision_label(decision))
    if escalated:
        text += f" {ESCALATION_MARK}"
    return (
        f'<span style="background:{background}; color:{color}; font-weight:600;">'
        f"&nbsp;{text}&nbsp;</span>"
    )


def _row(cells: list[str], rtl: bool) -> str:
    """A table row; Qt does not mirror tables, so a right-to-left row is written reversed."""
    return "<tr>" + "".join(reversed(cells) if rtl else cells) + "</tr>"


def _scores(detail: CellDetail, rtl: bool) -> str:
    rows = []
    for dim in DIMENSIONS:
        mean = detail.means.get(dim)
        shown = _decimal(mean, "0.0") if mean is not None else "—"
        cells = [
            f"<td>{escape(_(DIMENSION_LABELS[dim]))}</td>",
            f'<td align="center"><b>{shown}</b></td>',
            *_count_cells(list(detail.distribution.get(dim) or [])),
        ]
        rows.append(_row(cells, rtl))
    head = _row(
        [
            "<th>" + escape(_("Dimension")) + "</th>",
            "<th>" + escape(_("Mean")) + "</th>",
            *(f'<th width="26">{n}</th>' for n in range(1, 6)),
        ],
        rtl,
    )
    table = (
        '<p style="color:#52606d; margin:0;">'
        + escape(_("Mean score and how many panelists gave each score from 1 to 5."))
        + "</p>"
        f'<table align="{"right" if rtl else "left"}" cellspacing="1" cellpadding="3">'
        f"{head}{''.join(rows)}</table>"
    )
    if detail.agreement is not None:
        table += (
            "<p>"
            + escape(
                _("Panel agreement on the decision (Krippendorff's alpha): {value}").format(
                    value=_decimal(detail.agreement, "0.00")
                )
            )
            + "</p>"
        )
    return table


def _votes(detail: CellDetail) -> str:
    counts = " · ".join(
        f"{detail.decision_counts[d]} × {escape(_(DECISION_LABELS[d]))}"
        for d in DECISIONS
        if detail.decision_counts.get(d)
    )
    voted = sum(1 for c in detail.comments if c.decision)
    out = [
        "<p>"
        + escape(ngettext("{count} vote", "{count} votes", voted).format(count=voted))
        + (f": {counts}" if counts else "")
        + "</p>"
    ]
    for c in detail.comments:
        facts = [_(DECISION_LABELS[c.decision]) if c.decision in DECISION_LABELS else _("No vote")]
        if c.concern_severity in SEVERITY_LABELS:
            concern = _("{severity} concern").format(
                severity=_(SEVERITY_LABELS[c.concern_severity])
            )
            if c.concern_category in CATEGORY_LABELS:
                concern += ": " + _(CATEGORY_LABELS[c.concern_category])
            facts.append(concern)
        scores = " · ".join(
            f"{_(DIMENSION_LABELS[d])} {c.scores[d]}" for d in DIMENSIONS if c.scores.get(d)
        )
        block = (
            f'<p style="margin:8px 0 0 0;"><b>{escape(c.panelist)}</b> — '
            f"{escape(' · '.join(facts))}</p>"
        )
        if scores:
            block += f'<p style="margin:0; color:#52606d;">{escape(scores)}</p>'
        if c.comment.strip():
            comment = c.comment.strip()
            block += (
                f'<p dir="{_direction(comment)}" style="margin:2px 0 0 0; -qt-block-indent:1;">'
                f"{_text(comment)}</p>"
            )
        if c.rewrite.strip():
            block += (
                '<p style="margin:2px 0 0 0; color:#243b53;">'
                + escape(_("Suggested rewrite:"))
                + f" {_text(c.rewrite.strip())}</p>"
            )
        out.append(block)
    return "".join(out)


def detail_html(detail: CellDetail, base: QFont, rtl: bool = False) -> str:
    """Everything about one variant of a cell, as rich text."""
    lang = current_language()
    parts = [
        f'<h3 style="margin:6px 0 2px 0;">{escape(display_locale(detail.locale, lang))} '
        f'<span style="color:#7b8794; font-weight:400;">({escape(detail.locale)})</span></h3>',
        _localized(detail.text, detail.locale, base),
    ]
    if detail.source_text:
        label = escape(_("HQ source copy:"))
        parts.append(f'<p style="color:#52606d; margin:0;">{label} {_text(detail.source_text)}</p>')
    parts.append(_heading(_("Market decision")))
    line = _decision_badge(detail.decision, detail.escalated)
    if detail.decided_by or detail.decided_at:
        line += " " + escape(
            _("by {who} on {date}").format(
                who=detail.decided_by or "?", date=format_day(detail.decided_at)
            )
        )
    parts.append(f"<p>{line}</p>")
    if detail.recommendation:
        parts.append(
            "<p>"
            + escape(
                _("Recommended from the votes: {decision}").format(
                    decision=decision_label(detail.recommendation)
                )
            )
            + "</p>"
        )
    if detail.rationale:
        rationale = escape(_("Rationale:"))
        parts.append(f"<p><b>{rationale}</b> {_text(detail.rationale)}</p>")
    if detail.adopted_text:
        parts.append("<p><b>" + escape(_("Adopted rewrite:")) + "</b></p>")
        parts.append(_localized(detail.adopted_text, detail.locale, base))
    triggers = [t for t in detail.triggers if t.code != TIMING]
    timing = [t for t in detail.triggers if t.code == TIMING]
    parts.append(_heading(_("Escalation triggers")))
    if triggers:
        items = "".join(f"<li>{_text(trigger_message(t.code, t.params))}</li>" for t in triggers)
        parts.append(f"<ul>{items}</ul>")
    elif timing:
        parts.append("<p>" + escape(_("Only the timing conflict below.")) + "</p>")
    else:
        parts.append("<p>" + escape(_("None.")) + "</p>")
    parts.append(_heading(_("Timing conflicts")))
    if timing:
        items = "".join(f"<li>{_text(str(t.params.get('message', '')))}</li>" for t in timing)
        parts.append(f"<ul>{items}</ul>")
    else:
        parts.append("<p>" + escape(_("No timing conflict with the market calendar.")) + "</p>")
    parts.append(_heading(_("Scores")))
    parts.append(_scores(detail, rtl))
    parts.append(_heading(_("Panel votes and comments")))
    parts.append(_votes(detail))
    return "".join(parts)


class CellDetailsPanel(QWidget):
    """The side panel: the selected cell's variants, decisions, triggers, scores and votes."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setObjectName("VariantHeading")
        self.heading.setWordWrap(True)
        self.browser = QTextBrowser()
        self.browser.setObjectName("CellDetails")
        self.browser.setOpenLinks(False)
        self.browser.setAccessibleName(_("Cell details"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.heading)
        layout.addWidget(self.browser, 1)
        self.show_nothing()

    def _set_html(self, html: str) -> None:
        """Paragraphs run in the UI's direction unless they say otherwise (variant texts and
        comments carry their own)."""
        self.browser.setHtml(html)
        option = self.browser.document().defaultTextOption()
        option.setTextDirection(self.layoutDirection())
        self.browser.document().setDefaultTextOption(option)

    def show_nothing(self) -> None:
        self.heading.setText(_("Details"))
        self._set_html(
            "<p>"
            + escape(_("Select a cell of the matrix to see its votes, comments and rationale."))
            + "</p>"
        )

    def show_cell(
        self,
        key: str,
        market: str,
        cell: MatrixCell | None,
        details: list[CellDetail],
        imported: bool,
    ) -> None:
        name = display_market(market, current_language())
        self.heading.setText(_("{key} in {market}").format(key=key, market=name))
        if cell is None:
            body = _("There is no variant of {key} for {market}.").format(key=key, market=name)
            self._set_html(f"<p>{escape(body)}</p>")
            return
        if not details:
            body = (
                _("The results of {market} are not imported yet.")
                if not imported
                else _("The results of {market} hold no decision or vote on this key.")
            ).format(market=name)
            self._set_html(f"<p>{escape(body)}</p>")
            return
        rtl = self.isRightToLeft()
        html = "<hr>".join(detail_html(d, self.font(), rtl) for d in details)
        self._set_html(html)
