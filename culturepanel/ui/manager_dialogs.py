"""Dialogs of the manager's window: merge summary, agreement by group, thresholds, export.

:class:`MergeSummaryDialog` lists what became of each returned file (merged,
replaced, unchanged, refused with the reason) and from whom.
:class:`AgreementDialog` shows alpha per variant group and channel, the
returns and the checklist concerns. :class:`TriggerSettingsDialog` edits the
escalation thresholds (:class:`TriggerConfig`), kept in the user's settings.
:func:`export_report` writes the PDF, XLSX, CSV or XLIFF report of the file.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from culturepanel.consolidation.agreement import (
    ACCEPTABLE,
    AGREEMENT_DIMENSIONS,
    AGREEMENT_LABELS,
)
from culturepanel.consolidation.merge import REFUSED, MergeReport
from culturepanel.consolidation.session import ManagerSession
from culturepanel.consolidation.triggers import TriggerConfig
from culturepanel.i18n import N_, _, current_language, ngettext
from culturepanel.ui import settings
from culturepanel.ui.manager_model import alpha_explanation, alpha_reading

#: The manager's escalation thresholds (a JSON object of :class:`TriggerConfig`'s fields).
MANAGER_TRIGGERS = settings.Setting(
    "manager/triggers", str, "", N_("Escalation thresholds of the manager's view")
)


def _table(headers: list[str], rows: list[list[str]]) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(True)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))
    table.resizeColumnsToContents()
    table.horizontalHeader().setStretchLastSection(True)
    return table


class MergeSummaryDialog(QDialog):
    """What came from whom; refusals with their reason."""

    def __init__(self, report: MergeReport, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Returned packages imported"))
        self.report = report
        merged = sum(1 for f in report.files if f.status in ("accepted", "replaced"))
        refused = report.count(REFUSED)
        head = ngettext(
            "{merged} of {count} file merged", "{merged} of {count} files merged", len(report.files)
        ).format(merged=merged, count=len(report.files))
        if refused:
            head += " — " + ngettext(
                "{count} refused (see why below)", "{count} refused (see why below)", refused
            ).format(count=refused)
        self.heading = QLabel(head)
        self.heading.setObjectName("SectionTitle")
        rows = []
        for f in report.files:
            mark = "✖ " if f.status == REFUSED else "✔ "
            message = f.message
            for warning in f.warnings:
                message += "\n" + _("Warning: {text}").format(text=warning)
            rows.append(
                [f.path.name, mark + f.status_label, f.panelist or "—", str(f.votes), message]
            )
        self.table = _table([_("File"), _("Result"), _("From"), _("Votes"), _("Details")], rows)
        for r, f in enumerate(report.files):
            if f.status == REFUSED:
                self.table.item(r, 1).setForeground(QBrush(QColor("#c0392b")))
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(960, 340)

    def _fit(self) -> None:
        """The details take the width left, wrapped: no sideways scrolling for a reason."""
        used = sum(self.table.columnWidth(c) for c in range(4))
        self.table.setColumnWidth(4, max(self.table.viewport().width() - used, 200))
        self.table.resizeRowsToContents()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()


class AgreementDialog(QDialog):
    """Alpha per variant group and channel; returns; checklist concerns."""

    def __init__(self, session: ManagerSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Agreement by group"))
        m = session.market()
        headers = [_("Group"), _("Variants")] + [
            _(AGREEMENT_LABELS[d]) for d in AGREEMENT_DIMENSIONS
        ]
        rows = []
        for g in m.groups:
            kind = _("key {name}") if g.kind == "key" else _("channel {name}")
            rows.append(
                [kind.format(name=g.name or "—"), str(g.variants)]
                + [alpha_reading(g.alphas[d]) for d in AGREEMENT_DIMENSIONS]
            )
        self.groups = _table(headers, rows)
        for r, g in enumerate(m.groups):
            for c, d in enumerate(AGREEMENT_DIMENSIONS, start=2):
                self.groups.item(r, c).setToolTip(alpha_explanation(g.alphas[d]))
        returns = [
            [
                r.panelist,
                str(r.votes),
                r.written_at or "",
                _("sealed") if r.sealed else _("no seal"),
            ]
            for r in m.returns
        ]
        self.returns = _table([_("Panelist"), _("Votes"), _("Written"), _("Seal")], returns)
        lang = current_language().split("_")[0]
        concerns = [
            [c.panelist, str(c.item.get(f"question_{lang}") or c.item.get("question") or c.item_id),
             c.note]
            for c in m.checklist_concerns
        ]  # fmt: skip
        self.concerns = _table([_("Panelist"), _("Checklist item"), _("Note")], concerns)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for title, widget in (
            (_("Agreement per variant group and channel"), self.groups),
            (_("Returns merged"), self.returns),
            (_("Checklist concerns"), self.concerns),
        ):
            heading = QLabel(title)
            heading.setObjectName("SectionTitle")
            layout.addWidget(heading)
            layout.addWidget(widget)
        layout.addWidget(buttons)
        self.resize(980, 600)


def load_trigger_config() -> TriggerConfig:
    """The thresholds saved in the user's settings, or the defaults."""
    raw = settings.get(MANAGER_TRIGGERS)
    try:
        data = json.loads(raw) if raw else {}
        return TriggerConfig(**{k: v for k, v in data.items() if k in asdict(TriggerConfig())})
    except (TypeError, ValueError):
        return TriggerConfig()


def save_trigger_config(config: TriggerConfig) -> None:
    settings.put(MANAGER_TRIGGERS, json.dumps(asdict(config)))


class TriggerSettingsDialog(QDialog):
    """Settings ▸ Escalation triggers: which triggers apply, and their thresholds."""

    def __init__(self, config: TriggerConfig, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Escalation triggers"))
        intro = QLabel(
            _(
                "A trigger makes the view recommend escalation to HQ. It never decides: "
                "you record every decision yourself."
            )
        )
        intro.setWordWrap(True)
        self.critical = QCheckBox(_("Any panelist raised a critical concern"))
        self.critical.setChecked(config.critical_concern)
        self.rejects = QCheckBox(_("Rejections reach this share of the votes:"))
        self.reject_share = QDoubleSpinBox()
        self.reject_share.setRange(0.01, 1.0)
        self.reject_share.setSingleStep(0.05)
        self.reject_share.setValue(config.reject_share if config.reject_share is not None else 0.34)
        self.rejects.setChecked(config.reject_share is not None)
        self.agreement = QCheckBox(_("The panel's agreement on a variant is below:"))
        self.min_agreement = QDoubleSpinBox()
        self.min_agreement.setRange(0.0, 1.0)
        self.min_agreement.setDecimals(3)
        self.min_agreement.setSingleStep(0.05)
        self.min_agreement.setValue(
            config.min_agreement if config.min_agreement is not None else ACCEPTABLE
        )
        self.agreement.setChecked(config.min_agreement is not None)
        self.timing = QCheckBox(_("The launch window conflicts with the market's calendar"))
        self.timing.setChecked(config.timing_conflict)
        self.rejects.toggled.connect(self.reject_share.setEnabled)
        self.agreement.toggled.connect(self.min_agreement.setEnabled)
        self.reject_share.setEnabled(self.rejects.isChecked())
        self.min_agreement.setEnabled(self.agreement.isChecked())
        form = QFormLayout()
        form.addRow(self.critical)
        form.addRow(self.rejects, self.reject_share)
        form.addRow(self.agreement, self.min_agreement)
        form.addRow(self.timing)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(
            self._defaults
        )
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _defaults(self) -> None:
        d = TriggerConfig()
        self.critical.setChecked(d.critical_concern)
        self.rejects.setChecked(True)
        self.reject_share.setValue(d.reject_share or 0.34)
        self.agreement.setChecked(True)
        self.min_agreement.setValue(d.min_agreement or ACCEPTABLE)
        self.timing.setChecked(d.timing_conflict)

    def config(self) -> TriggerConfig:
        return TriggerConfig(
            critical_concern=self.critical.isChecked(),
            reject_share=round(self.reject_share.value(), 2) if self.rejects.isChecked() else None,
            min_agreement=(
                round(self.min_agreement.value(), 3) if self.agreement.isChecked() else None
            ),
            timing_conflict=self.timing.isChecked(),
        )


# -- export ---------------------------------------------------------------------------------
EXPORT_FORMATS = (
    ("pdf", N_("PDF summary for people (*.pdf)"), ".pdf"),
    ("xlsx", N_("Excel workbook for analysts (*.xlsx)"), ".xlsx"),
    ("csv", N_("CSV table (*.csv)"), ".csv"),
    ("xliff-1.2", N_("XLIFF 1.2 for the translation system (*.xlf)"), ".xlf"),
    ("xliff-2.0", N_("XLIFF 2.0 for the translation system (*.xlf)"), ".xlf"),
)


def write_report(session: ManagerSession, fmt: str, out: Path) -> list[Path]:
    """Write the report of the session's file in ``fmt`` (see :data:`EXPORT_FORMATS`)."""
    if fmt == "pdf":
        from culturepanel.ui.pdf_report import write_pdf

        return [write_pdf(session.cpf, out)]
    from culturepanel.consolidation.reports import (
        report_markets,
        report_rows,
        write_csv,
        write_xlsx,
    )

    rows = report_rows(session.cpf)
    if fmt == "csv":
        return [write_csv(rows, out)]
    if fmt == "xlsx":
        return [write_xlsx(rows, out, report_markets(session.cpf))]
    from culturepanel.consolidation.xliff import write_xliff

    source = session.cpf.get_meta("source_locale") or "en"
    version = fmt.split("-", 1)[1]
    return write_xliff(rows, out, version, source, session.cpf.campaign_name or "culturepanel")


def export_report(parent: QWidget, session: ManagerSession) -> list[Path]:
    """File ▸ Export report…: ask where and in which format, then write it."""
    stem = session.path.with_name(session.path.stem + "-report")
    filters = [_(label) for _fmt, label, _suffix in EXPORT_FORMATS]
    target, chosen = QFileDialog.getSaveFileName(
        parent, _("Export report"), str(stem.with_suffix(".pdf")), ";;".join(filters)
    )
    if not target:
        return []
    index = filters.index(chosen) if chosen in filters else 0
    fmt, _label, suffix = EXPORT_FORMATS[index]
    out = Path(target)
    allowed = (suffix, ".xliff") if fmt.startswith("xliff") else (suffix,)
    if out.suffix.lower() not in allowed:
        out = out.with_name(out.name + suffix)
    return write_report(session, fmt, out)
