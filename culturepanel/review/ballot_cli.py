"""``culturepanel ballot export|import``: the offline ballot on the command line.

Register with ``register("ballot", BALLOT_HELP, setup_ballot, run_ballot)`` in
:mod:`culturepanel.cli`. Each action is a few lines over :mod:`.ballot`; errors
are :class:`~culturepanel.errors.CulturePanelError` and reported by the caller.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from culturepanel.i18n import N_, _, ngettext

#: Help of the ``ballot`` command (translated when shown).
BALLOT_HELP = N_("offline spreadsheet ballot for panelists who cannot install the app")


def setup_ballot(parser: argparse.ArgumentParser) -> None:
    """Add the ``export`` and ``import`` actions and their arguments."""
    actions = parser.add_subparsers(dest="ballot_action", metavar=_("ACTION"), required=True)
    text = _("write a review package's ballot as an XLSX workbook")
    export = actions.add_parser("export", help=text, description=text)
    export.add_argument("package", type=Path, help=_("review package (.cpanel)"))
    export.add_argument(
        "-o",
        "--output",
        type=Path,
        help=_("ballot to write (.xlsx); default: beside the package, named after it"),
    )
    text = _("read a filled-in ballot into its review package (all rows or nothing)")
    read = actions.add_parser("import", help=text, description=text)
    read.add_argument("package", type=Path, help=_("review package (.cpanel)"))
    read.add_argument("ballot", type=Path, help=_("filled-in ballot (.xlsx)"))


def default_output(package: Path) -> Path:
    """``spring-EG-amira.cpanel`` -> ``spring-EG-amira-ballot.xlsx`` beside it."""
    return package.with_name(f"{package.stem}-ballot.xlsx")


def run_ballot(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``ballot export`` or ``ballot import``; print a short summary."""
    from culturepanel.review.ballot import export_ballot, import_ballot

    if args.ballot_action == "export":
        target = args.output or default_output(args.package)
        count = export_ballot(args.package, target)
        out.write(
            ngettext(
                "Wrote {file}: {count} variant to review.",
                "Wrote {file}: {count} variants to review.",
                count,
            ).format(file=target, count=count)
            + "\n"
        )
        if _submitted(args.package):
            out.write(
                _(
                    "The review was submitted: the ballot is a read-only copy of its votes. "
                    "Reopen the review before importing a ballot."
                )
                + "\n"
            )
        return 0
    report = import_ballot(args.package, args.ballot)
    out.write(
        _(
            "{file}: {updated} votes updated, {unchanged} unchanged, {skipped} empty rows skipped."
        ).format(
            file=args.ballot.name,
            updated=report.updated,
            unchanged=report.unchanged,
            skipped=report.skipped_empty,
        )
        + "\n"
    )
    if not report.updated:
        out.write(_("Nothing changed in {file}.").format(file=args.package.name) + "\n")
    return 0


def _submitted(package: Path) -> bool:
    from culturepanel.review.votes import is_submitted
    from culturepanel.storage.database import KIND_PACKAGE, open_file

    with open_file(package, kinds=(KIND_PACKAGE,)) as pkg:
        return is_submitted(pkg)
