"""``culturepanel merge | decide | hq-import | report``: consolidation on the command line.

Each command is a few lines over the core; :mod:`culturepanel.cli` registers
them. Exit status: 0 on success; 1 when every file given was refused (``merge``,
``hq-import``: a file that was already merged counts as success, so running a
script twice is fine) or a file or decision was refused; 2 for a wrong command
line. ``report --format pdf`` draws with Qt's PDF writer (imported only then, offscreen
when there is no display), so the rest of the core never needs Qt.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from culturepanel.errors import CulturePanelError
from culturepanel.i18n import _, ngettext

FORMATS = ("xlsx", "csv", "pdf", "xliff")


def setup_merge(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "results", type=Path, help=_("regional results file (.cpanel), created if missing")
    )
    p.add_argument("files", type=Path, nargs="+", help=_("returned review packages (.cpanel)"))
    p.add_argument(
        "--require-seal",
        action="store_true",
        help=_("refuse packages without an issue seal (built by older versions)"),
    )


def run_merge(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .merge import ACCEPTED, OUTDATED, REFUSED, REPLACED, UNCHANGED, merge_packages

    report = merge_packages(args.results, args.files, require_seal=args.require_seal)
    if report.created:
        out.write(
            _("Created {file}: results of {market} for campaign '{campaign}'.").format(
                file=args.results, market=report.market, campaign=report.campaign
            )
            + "\n"
        )
    for f in report.files:
        stream = err if f.status == REFUSED else out
        stream.write(f"{f.status_label}: {f.message}\n")
        for warning in f.warnings:
            out.write("  " + _("Warning: {text}").format(text=warning) + "\n")
    out.write(
        _(
            "{accepted} merged, {replaced} replaced, {unchanged} unchanged, {outdated} ignored, "
            "{refused} refused."
        ).format(
            accepted=report.count(ACCEPTED),
            replaced=report.count(REPLACED),
            unchanged=report.count(UNCHANGED),
            outdated=report.count(OUTDATED),
            refused=report.count(REFUSED),
        )
        + "\n"
    )
    return 1 if report.all_refused else 0


def setup_decide(p: argparse.ArgumentParser) -> None:
    from .decisions import DECISIONS

    p.add_argument("results", type=Path, help=_("regional results file (.cpanel)"))
    p.add_argument("--key", required=True, help=_("the variant's key, e.g. hero.title"))
    p.add_argument("--locale", help=_("the variant's locale, if the key has several"))
    p.add_argument("--decision", required=True, choices=DECISIONS, help=_("the region's decision"))
    p.add_argument("--rationale", default="", help=_("why (required for anything but go)"))
    p.add_argument(
        "--adopt-rewrite-from",
        metavar="PANELIST",
        help=_("adopt this panelist's suggested rewrite: 'Panelist 2', 2, or a consented name"),
    )


def run_decide(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from culturepanel.storage.database import KIND_RESULTS, open_file

    from .decisions import decision_label, record_decision
    from .lookup import find_rewrite_vote, find_variant

    with open_file(args.results, kinds=(KIND_RESULTS,)) as cpf:
        variant_id, locale = find_variant(cpf, args.key, args.locale)
        vote_id = None
        if args.adopt_rewrite_from:
            vote_id = find_rewrite_vote(cpf, variant_id, args.adopt_rewrite_from)
        done = record_decision(cpf, variant_id, args.decision, args.rationale, vote_id)
    text = (
        _("Recorded for {key} [{locale}]: {decision} (revision {revision}).")
        if done.changed
        else _("Unchanged for {key} [{locale}]: {decision} was recorded already.")
    )
    out.write(
        text.format(
            key=args.key,
            locale=locale,
            decision=decision_label(done.decision.decision),
            revision=done.decision.revision,
        )
        + "\n"
    )
    return 0


def setup_hq_import(p: argparse.ArgumentParser) -> None:
    p.add_argument("workspace", type=Path, help=_("campaign workspace (.cpanel)"))
    p.add_argument("results", type=Path, nargs="+", help=_("regional results files (.cpanel)"))


def run_hq_import(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .hq import REFUSED, hq_import

    report = hq_import(args.workspace, args.results)
    for f in report.files:
        stream = err if f.status == REFUSED else out
        stream.write(f"{f.status_label}: {f.message}\n")
    return 1 if report.all_refused else 0


def setup_report(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", type=Path, help=_("a regional results file or a campaign workspace"))
    p.add_argument("--format", required=True, choices=FORMATS, help=_("report format"))
    p.add_argument("-o", "--output", type=Path, required=True, help=_("file to write"))
    p.add_argument(
        "--xliff-version", choices=("1.2", "2.0"), default="1.2", help=_("XLIFF version")
    )


def run_report(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .reports import open_report_source, report_markets, report_rows, write_csv, write_xlsx
    from .xliff import write_xliff

    cpf = open_report_source(args.file)
    try:
        rows = report_rows(cpf)
        markets = report_markets(cpf) if args.format == "xlsx" else []
        source_language = cpf.get_meta("source_locale") or "en"
        campaign = cpf.campaign_name or "culturepanel"
    finally:
        cpf.conn.close()
    if not rows:
        raise CulturePanelError(
            _("{file} holds no decisions or votes yet; there is nothing to report.").format(
                file=args.file.name
            )
        )
    if args.format == "pdf":
        try:
            from culturepanel.ui.pdf_report import ensure_gui_application, write_pdf
        except ImportError as exc:  # a core-only install, without Qt
            message = _("PDF reports need Qt (PySide6): {error}").format(error=exc)
            raise CulturePanelError(message) from exc
        ensure_gui_application()
        written = [write_pdf(args.file, args.output)]
    elif args.format == "csv":
        written = [write_csv(rows, args.output)]
    elif args.format == "xlsx":
        written = [write_xlsx(rows, args.output, markets)]
    else:
        written = write_xliff(rows, args.output, args.xliff_version, source_language, campaign)
    for path in written:
        out.write(_("Wrote {file}.").format(file=path) + "\n")
    out.write(
        ngettext(
            "{count} row: one per variant and market.",
            "{count} rows: one per variant and market.",
            len(rows),
        ).format(count=len(rows))
        + "\n"
    )
    return 0
