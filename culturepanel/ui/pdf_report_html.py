"""The PDF summary's layout: HTML for :class:`QTextDocument`, from :class:`PdfReport`.

First the summary (campaign, date, the traffic-light table of markets, the
escalations and no-gos with their reasons, the top concerns, the timing
conflicts, the agreement per dimension), then a page per market with every
variant's decision and rationale. Status is colour *and* words. In a
right-to-left interface the body runs right to left and table columns are
mirrored by hand (Qt's rich text does not mirror tables).
"""

from __future__ import annotations

import html

from PySide6.QtGui import QFont

from culturepanel.consolidation.agreement import AGREEMENT_DIMENSIONS, AGREEMENT_LABELS, AlphaResult
from culturepanel.consolidation.decisions import DECISIONS, decision_label
from culturepanel.consolidation.triggers import ESCALATE, GO, GO_WITH_CHANGES, NO_GO
from culturepanel.formatting import format_day
from culturepanel.i18n import _, current_language, ngettext
from culturepanel.locales import display_market, parse_locale
from culturepanel.review.votes import CATEGORY_LABELS, DECISION_LABELS, SEVERITY_LABELS
from culturepanel.ui.fonts import font_for_locale
from culturepanel.ui.manager_model import alpha_reading, alpha_words
from culturepanel.ui.pdf_report_data import (
    NO_RESULTS,
    NOT_READY,
    PENDING,
    READY,
    PdfMarket,
    PdfReport,
    PdfVariant,
)

BASE_FAMILIES = ["Noto Sans", "DejaVu Sans", "Noto Naskh Arabic", "Noto Sans CJK SC"]
STATUS_STYLE = {  # background, text colour, glyph
    READY: ("#d5f5e3", "#145a32", "●"),
    NOT_READY: ("#fadbd8", "#922b21", "■"),
    PENDING: ("#fdebd0", "#7e5109", "▲"),
    NO_RESULTS: ("#e5e8eb", "#3e4c59", "○"),
}
CSS = """
body { color: #1f2933; }
h1 { font-size: 20pt; color: #102a43; margin-bottom: 2px; }
h2 { font-size: 14pt; color: #102a43; margin-top: 16px; margin-bottom: 6px; }
h3 { font-size: 11pt; color: #243b53; margin-top: 12px; margin-bottom: 4px; }
p.sub { color: #52606d; margin-top: 0; }
p.note { color: #52606d; font-size: 8pt; }
th { background-color: #f0f2f5; color: #243b53; font-weight: 600; font-size: 8.5pt; }
table { border-collapse: collapse; border-style: solid; border-color: #bcc5ce; }
td.small, span.small { font-size: 8pt; color: #52606d; }
"""


def e(text: object) -> str:
    return html.escape(str(text or ""))


def status_text(status: str) -> str:
    return {
        READY: _("Ready"),
        NOT_READY: _("Not ready"),
        PENDING: _("Not ready — decisions pending"),
        NO_RESULTS: _("Not ready — no results yet"),
    }[status]


def market_name(code: str) -> str:
    return f"{display_market(code, current_language())} ({code})"


def variant_name(v: PdfVariant) -> str:
    return f"<b>{e(v.key)}</b> <span class='small'>[{e(v.locale)}]</span>"


def localized(text: str, locale: str) -> str:
    """The text in a font for its script, laid out right to left where the script is."""
    base = QFont()
    base.setFamilies(BASE_FAMILIES)
    families = font_for_locale(locale, base).families()
    try:
        rtl = parse_locale(locale).rtl
    except ValueError:
        rtl = False
    attrs = " dir='rtl' align='right'" if rtl else ""
    if families and families != BASE_FAMILIES:  # e.g. the Japanese forms of Han characters
        attrs += f" style=\"font-family: '{e(families[0])}'\""
    return f"<p{attrs}>{e(text)}</p>"


def alpha_cell(value: AlphaResult | float | None) -> str:
    if isinstance(value, AlphaResult):
        return e(alpha_reading(value))
    if value is None:
        return e(_("— undefined"))
    return e(alpha_words(value))


def grid(head: list[str], rows: list[list[str]]) -> str:
    """A table of ready ``<th>`` / ``<td>`` cells; columns run from the right in an RTL UI
    (Qt's rich text does not mirror tables)."""
    if _ui_rtl():
        head = head[::-1]
        rows = [r[::-1] for r in rows]
    body = "".join("<tr>" + "".join(r) + "</tr>" for r in rows)
    return (
        "<table width='100%' border='3' cellspacing='0' cellpadding='4'>"
        f"<thead><tr>{''.join(head)}</tr></thead><tbody>{body}</tbody></table>"
    )


def table(headers: list[str], rows: list[list[str]], widths: list[int] | None = None) -> str:
    """A table of escaped headers and HTML cells, with column widths in percent."""
    head = [
        f"<th{f' width={widths[i]}%' if widths else ''} align='{_leading()}'>{e(h)}</th>"
        for i, h in enumerate(headers)
    ]
    return grid(head, [[f"<td valign='top'>{c}</td>" for c in r] for r in rows])


def _why_not_ready(m: PdfMarket) -> str:
    parts = []
    for count, text in (
        (m.count(NO_GO), ngettext("{count} no-go", "{count} no-go", m.count(NO_GO))),
        (m.count(ESCALATE), ngettext("{count} escalated", "{count} escalated", m.count(ESCALATE))),
        (m.count(None), ngettext("{count} undecided", "{count} undecided", m.count(None))),
    ):
        if count:
            parts.append(text.format(count=count))
    return ", ".join(parts)


def _status_cell(m: PdfMarket) -> str:
    bg, fg, glyph = STATUS_STYLE[m.status]
    why = _why_not_ready(m) if m.status in (NOT_READY, PENDING) else ""
    small = f"<br/><span class='small'>{e(why)}</span>" if why else ""
    text = e(status_text(NOT_READY if m.status == PENDING else m.status))
    return (
        f"<td bgcolor='{bg}' valign='top'><b><font color='{fg}'>{glyph} {text}</font></b>"
        f"{small}</td>"
    )


def _markets_table(report: PdfReport) -> str:
    headers = [_("Market"), _("Status")] + [decision_label(d) for d in DECISIONS]
    headers += [_("Undecided"), _("Panel"), _("Agreement on decisions")]
    widths = [15, 17, 6, 10, 7, 10, 11, 10, 14]
    head = [
        f"<th align='{_leading()}' width='{w}%'>{e(h)}</th>"
        for h, w in zip(headers, widths, strict=True)
    ]
    rows = []
    for m in report.markets:
        cells = [f"<td valign='top'><b>{e(market_name(m.market))}</b></td>", _status_cell(m)]
        counts = [m.count(d) for d in DECISIONS] + [m.count(None)]
        cells += [
            f"<td align='center' valign='top'>{n if m.imported else '—'}</td>" for n in counts
        ]
        panel = (
            ngettext("{count} panelist", "{count} panelists", m.panelists).format(count=m.panelists)
            if m.imported
            else "—"
        )
        agreement = alpha_cell(m.alphas.get("decision")) if m.imported else "—"
        cells += [f"<td valign='top'>{e(panel)}</td>", f"<td valign='top'>{agreement}</td>"]
        rows.append(cells)
    return grid(head, rows)


def _reasons(v: PdfVariant) -> str:
    parts = []
    if v.rationale:
        parts.append(e(v.rationale))
    parts += [f"<span class='small'>⚠ {e(t.message)}</span>" for t in v.triggers]
    return "<br/>".join(parts) or "—"


def _attention(report: PdfReport) -> str:
    rows = [
        [e(m.market), variant_name(v), f"<b>{e(decision_label(v.decision))}</b>", _reasons(v)]
        for m in report.markets
        for v in m.attention()
    ]
    if not rows:
        return "<p>" + e(_("No variant was escalated or stopped.")) + "</p>"
    return table([_("Market"), _("Variant"), _("Decision"), _("Why")], rows, [10, 20, 14, 56])


def _concern_label(category: str | None) -> str:
    return (
        _(CATEGORY_LABELS[category]) if category in CATEGORY_LABELS else _("Concern (no category)")
    )


def _concerns(report: PdfReport, limit: int) -> str:
    rows = []
    for m in report.markets:
        for category, counts, keys, example in m.top_concerns(limit):
            severity = ", ".join(
                f"{counts[s]} {_(SEVERITY_LABELS[s]).lower()}"
                for s in reversed(list(counts))
                if counts[s]
            )
            quote = (
                _("{panelist}: “{comment}”").format(
                    panelist=example.panelist, comment=example.comment
                )
                if example.comment
                else example.panelist
            )
            rows.append(
                [e(m.market), f"<b>{e(_concern_label(category))}</b>", e(severity or "—"),
                 e(", ".join(keys)), e(quote)]
            )  # fmt: skip
    if not rows:
        return "<p>" + e(_("The panels raised no concerns.")) + "</p>"
    headers = [_("Market"), _("Concern"), _("Severity"), _("Variants"), _("For example")]
    return table(headers, rows, [10, 18, 16, 20, 36])


def _timing(report: PdfReport) -> str:
    rows = [
        [e(m.market), variant_name(v), e(conflict)]
        for m in report.markets
        for v in m.variants
        for conflict in v.timing_conflicts
    ]
    if not rows:
        return "<p>" + e(_("No launch window conflicts with a market calendar.")) + "</p>"
    return table([_("Market"), _("Variant"), _("Conflict")], rows, [10, 22, 68])


def _agreement(report: PdfReport) -> str:
    rows = [
        [e(market_name(m.market))] + [alpha_cell(m.alphas.get(d)) for d in AGREEMENT_DIMENSIONS]
        for m in report.markets
        if m.imported
    ]
    headers = [_("Market")] + [_(AGREEMENT_LABELS[d]) for d in AGREEMENT_DIMENSIONS]
    note = _(
        "Krippendorff's alpha: 0.80 and above, the panel agrees reliably; 0.67 to 0.80, "
        "tentatively; below, it does not agree. Undefined: too few ratings to compare, or "
        "every rating the same."
    )
    return table(headers, rows) + f"<p class='note'>{e(note)}</p>"


def _panel_votes(v: PdfVariant) -> str:
    parts = [
        f"{_(DECISION_LABELS[d])} {n}"
        for d, n in v.decision_counts.items()
        if n and d in DECISION_LABELS
    ]
    return "<br/>".join(e(p) for p in parts) or e(_("no votes"))


def _market_page(m: PdfMarket) -> str:
    out = [
        f"<h2 style='page-break-before: always'>{e(market_name(m.market))} — "
        f"{e(status_text(m.status))}</h2>"
    ]
    if not m.imported:
        out.append("<p>" + e(_("HQ has not imported results of this market yet.")) + "</p>")
        return "".join(out)
    facts = _(
        "{variants} variants · {go} go · {changes} go with changes · {no_go} no-go · "
        "{escalated} escalated · {open} undecided · {panelists} panelists, {returns} returns"
    ).format(
        variants=len(m.variants), go=m.count(GO), changes=m.count(GO_WITH_CHANGES),
        no_go=m.count(NO_GO), escalated=m.count(ESCALATE), open=m.count(None),
        panelists=m.panelists, returns=m.returns,
    )  # fmt: skip
    out.append(f"<p class='sub'>{e(facts)}</p>")
    rows = []
    for v in m.variants:
        decision = f"<b>{e(decision_label(v.decision))}</b>"
        if v.recommendation and v.decision is None:
            decision += (
                "<br/><span class='small'>"
                + e(_("recommended: {decision}").format(decision=decision_label(v.recommendation)))
                + "</span>"
            )
        why = _reasons(v)
        if v.adopted_text:
            why += "<br/>" + e(_("Adopted rewrite:")) + localized(v.adopted_text, v.locale)
        rows.append([variant_name(v), localized(v.text, v.locale), decision, why, _panel_votes(v)])
    headers = [_("Variant"), _("Text"), _("Decision"), _("Rationale and triggers"), _("Panel")]
    out.append(table(headers, rows, [16, 24, 13, 32, 15]))
    return "".join(out)


def report_html(report: PdfReport) -> str:
    """The whole report as HTML for :class:`QTextDocument`."""
    scope = (
        _("Regional results of {market}").format(market=market_name(report.markets[0].market))
        if report.scope == "results" and report.markets
        else _("All markets imported at HQ")
    )
    sub = _("{scope} · made on {date} from {file}").format(
        scope=scope, date=format_day(report.made_on, "long"), file=report.file_name
    )
    legend = _(
        "Ready: every variant is go or go with changes. Not ready: a variant is no-go or "
        "escalated to HQ, or still has no decision."
    )
    parts = [
        "<h1>" + e(_("Campaign review: {campaign}").format(campaign=report.campaign)) + "</h1>",
        f"<p class='sub'>{e(sub)}</p>",
        "<h2>" + e(_("Which markets are ready")) + "</h2>",
        _markets_table(report),
        f"<p class='note'>{e(legend)}</p>",
        "<h2>" + e(_("Escalations and no-gos")) + "</h2>",
        _attention(report),
        "<h2>" + e(_("Top concerns")) + "</h2>",
        _concerns(report, 3 if len(report.markets) > 1 else 6),
        "<h2>" + e(_("Timing conflicts")) + "</h2>",
        _timing(report),
        "<h2>" + e(_("Agreement of the panels")) + "</h2>",
        _agreement(report),
    ]
    parts += [_market_page(m) for m in report.markets]
    direction = "rtl" if _ui_rtl() else "ltr"
    return f"<html><body dir='{direction}'>{''.join(parts)}</body></html>"


def _leading() -> str:
    return "right" if _ui_rtl() else "left"


def _ui_rtl() -> bool:
    try:
        return parse_locale(current_language().replace("_", "-")).rtl
    except ValueError:
        return False
