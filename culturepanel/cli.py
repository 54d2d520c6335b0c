"""The ``culturepanel`` command: a thin layer over the core, one small function per command.

Without a command it opens the desktop app. Every non-interactive step of the
round trip has a command so that managers and HQ can script it. Errors in input
files are printed one per line with file, row and column; the exit status is
0 on success, 1 when an input or file was refused, 2 for a wrong command line.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

from culturepanel import __version__
from culturepanel.errors import CulturePanelError, InputErrors
from culturepanel.i18n import N_, _, ngettext, set_language

Setup = Callable[[argparse.ArgumentParser], None]
Run = Callable[[argparse.Namespace, TextIO, TextIO], int]

#: Every command: name -> (help, add its arguments, run it). Help is translated late.
COMMANDS: dict[str, tuple[str, Setup, Run]] = {}


def register(name: str, help_text: str, setup: Setup, run: Run) -> None:
    """Add a subcommand; ``help_text`` is marked with ``N_`` and translated when shown."""
    COMMANDS[name] = (help_text, setup, run)


class ProgressBar:
    """A one-line progress bar on stderr, shown only on an interactive terminal."""

    MIN_TOTAL = 5000

    def __init__(self, label: str, stream: TextIO | None = None):
        self.label = label
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()
        self._last = -1

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total < self.MIN_TOTAL:
            return
        percent = int(done * 100 / total) if total else 100
        if percent == self._last:
            return
        self._last = percent
        filled = percent * 30 // 100
        self.stream.write(f"\r{self.label} [{'#' * filled}{'.' * (30 - filled)}] {percent:3d}%")
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("'{value}' is not a date; write it as YYYY-MM-DD, e.g. 2027-03-01.").format(
                value=text
            )
        ) from None


# -- import ---------------------------------------------------------------------------


def _setup_import(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "workspace", type=Path, help=_("campaign workspace (.cpanel), created if missing")
    )
    p.add_argument("files", type=Path, nargs="+", help=_("CSV, XLSX, JSON or XLIFF files"))
    p.add_argument("--campaign", help=_("campaign name for a new workspace"))
    p.add_argument("--sheet", help=_("XLSX sheet to read (default: the first)"))
    p.add_argument(
        "--glossary",
        type=Path,
        metavar="CSV",
        help=_("campaign glossary: term, locale, rule (keep/translate), translation, note"),
    )


def run_import(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from culturepanel.importers.glossary import read_glossary
    from culturepanel.importers.workspace_import import import_campaign_files

    terms = read_glossary(args.glossary) if args.glossary else None  # all or nothing: first

    report = import_campaign_files(
        args.workspace,
        args.files,
        campaign=args.campaign,
        sheet=args.sheet,
        progress=ProgressBar(_("Reading"), err),
    )
    if report.created:
        out.write(
            _("Created workspace {file} for campaign '{name}'.").format(
                file=report.workspace, name=report.campaign
            )
            + "\n"
        )
    for fr in report.files:
        out.write(
            _(
                "{file} ({format}, {layout} layout): {added} added, {changed} changed, "
                "{unchanged} unchanged, {removed} removed from source (kept, marked)."
            ).format(
                file=fr.file,
                format=fr.format.upper(),
                layout=fr.layout,
                added=fr.added,
                changed=fr.changed,
                unchanged=fr.unchanged,
                removed=fr.removed,
            )
            + "\n"
        )
    changed = report.changed_anything
    if terms is not None:
        from culturepanel.importers.glossary import store_glossary
        from culturepanel.storage.database import open_file

        with open_file(args.workspace) as cpf:
            if store_glossary(cpf, terms):
                changed = True
                out.write(
                    _("{file}: glossary of {count} terms stored.").format(
                        file=args.glossary.name, count=len(terms)
                    )
                    + "\n"
                )
    if not changed:
        out.write(_("Nothing changed: the workspace already holds these files as they are.") + "\n")
    return 0


# -- info -----------------------------------------------------------------------------


def _setup_info(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", type=Path, help=_("any CulturePanel file"))
    p.add_argument("--json", action="store_true", help=_("print one JSON object"))


def run_info(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from culturepanel.info import file_info, format_info

    info = file_info(args.file)
    if args.json:
        out.write(json.dumps(info, ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(format_info(info) + "\n")
    return 0


register("import", N_("import campaign files into a campaign workspace"), _setup_import, run_import)
register("info", N_("describe a CulturePanel file"), _setup_info, run_info)


# -- check ------------------------------------------------------------------------------


def _setup_check(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", type=Path, help=_("a campaign workspace or review package"))
    p.add_argument("--locale", help=_("only this locale, e.g. de-DE"))
    p.add_argument("--json", action="store_true", help=_("print a JSON array of findings"))
    p.add_argument(
        "--all", action="store_true", help=_("include dismissed and inconclusive findings")
    )


def run_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from culturepanel.findings import format_findings, list_findings, update_findings
    from culturepanel.storage.database import open_file

    with open_file(args.file) as cpf:
        update_findings(cpf, progress=ProgressBar(_("Checking"), err))
        rows = list_findings(cpf, locale=args.locale, include_all=args.all)
    if args.json:
        out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(format_findings(rows) + "\n")
    return 0


register("check", N_("run the automated checks and print the findings"), _setup_check, run_check)


# -- package ----------------------------------------------------------------------------


def _setup_package(p: argparse.ArgumentParser) -> None:
    p.add_argument("workspace", type=Path, help=_("campaign workspace (.cpanel)"))
    p.add_argument("--market", required=True, help=_("market, e.g. DE, JP, DE-BY"))
    p.add_argument(
        "--panelist",
        action="append",
        required=True,
        metavar="NAME",
        help=_("a panelist's name; repeat for each panelist"),
    )
    p.add_argument("--deadline", type=_iso_date, help=_("review deadline, YYYY-MM-DD"))
    p.add_argument("--out", type=Path, required=True, help=_("folder for the package files"))
    p.add_argument(
        "--checklist",
        type=Path,
        action="append",
        default=[],
        metavar="TOML",
        help=_("the campaign's own checklist items, added to the market's; repeatable"),
    )


def run_package(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from culturepanel.review.packages import build_packages

    built = build_packages(
        args.workspace,
        args.market,
        args.panelist,
        args.out,
        deadline=args.deadline,
        checklist_files=args.checklist,
    )
    for b in built:
        text = (
            _("Wrote {file} for {panelist}: {count} variants.")
            if b.created
            else _("Refreshed {file} for {panelist}: {count} variants; votes kept.")
        )
        out.write(text.format(file=b.path, panelist=b.panelist, count=b.variants) + "\n")
    return 0


# -- desktop ----------------------------------------------------------------------------


def _setup_open(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "file", type=Path, help=_("a CulturePanel file: review package, results file or workspace")
    )
    p.add_argument(
        "--screenshot", type=Path, metavar="PNG", help=_("save a picture of the window and quit")
    )


def run_open(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from culturepanel.storage.database import open_file

    open_file(args.file).close()  # refuse a bad file with a message, before any window
    from culturepanel.ui.app import run_app

    return run_app(args.file, screenshot=args.screenshot, language=args.lang)


def _setup_demo(p: argparse.ArgumentParser) -> None:
    p.add_argument("--market", help=_("demo market: SA, JP, CN, IN, DE, FR, MX or BR"))
    p.add_argument(
        "--no-window",
        action="store_true",
        help=_("only build the demo package and print where it is"),
    )
    p.add_argument(
        "--screenshot", type=Path, metavar="PNG", help=_("save a picture of the window and quit")
    )


def run_demo(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from culturepanel.demo import prepare_demo

    path = prepare_demo(args.market)
    out.write(_("Demo review package: {file}").format(file=path) + "\n")
    if args.no_window:
        return 0
    from culturepanel.ui.app import run_app

    return run_app(path, screenshot=args.screenshot, language=args.lang)


def _setup_calendar(p: argparse.ArgumentParser) -> None:
    p.add_argument("market", help=_("country (JP), subdivision (DE-BY) or locale (ja-JP)"))
    p.add_argument(
        "--from", dest="date_from", type=_iso_date, required=True, help=_("first day, YYYY-MM-DD")
    )
    p.add_argument(
        "--to", dest="date_to", type=_iso_date, required=True, help=_("last day, YYYY-MM-DD")
    )
    p.add_argument("--json", action="store_true", help=_("print one JSON object"))


def run_calendar(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from culturepanel.calendar import run_calendar_command
    from culturepanel.i18n import current_language

    return run_calendar_command(
        args.market, args.date_from, args.date_to, current_language(), args.json, out, err
    )


register(
    "calendar",
    N_("print a market's holidays, observances and weekend for a date range"),
    _setup_calendar,
    run_calendar,
)
register(
    "package", N_("build one review package per panelist for a market"), _setup_package, run_package
)


def _ballot_setup(p: argparse.ArgumentParser) -> None:
    from culturepanel.review.ballot_cli import setup_ballot

    setup_ballot(p)


def _ballot_run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from culturepanel.review.ballot_cli import run_ballot

    return run_ballot(args, out, err)


register(
    "ballot",
    N_("export a spreadsheet ballot for a panelist, or import a filled one"),
    _ballot_setup,
    _ballot_run,
)
register("open", N_("open a CulturePanel file in the desktop app"), _setup_open, run_open)
register("demo", N_("build the bundled demo campaign's package and open it"), _setup_demo, run_demo)


# -- consolidation ------------------------------------------------------------------------


def _merge_setup(p: argparse.ArgumentParser) -> None:
    from culturepanel.consolidation.commands import setup_merge

    setup_merge(p)


def _merge_run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from culturepanel.consolidation.commands import run_merge

    return run_merge(args, out, err)


def _decide_setup(p: argparse.ArgumentParser) -> None:
    from culturepanel.consolidation.commands import setup_decide

    setup_decide(p)


def _decide_run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from culturepanel.consolidation.commands import run_decide

    return run_decide(args, out, err)


def _hq_import_setup(p: argparse.ArgumentParser) -> None:
    from culturepanel.consolidation.commands import setup_hq_import

    setup_hq_import(p)


def _hq_import_run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from culturepanel.consolidation.commands import run_hq_import

    return run_hq_import(args, out, err)


def _report_setup(p: argparse.ArgumentParser) -> None:
    from culturepanel.consolidation.commands import setup_report

    setup_report(p)


def _report_run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from culturepanel.consolidation.commands import run_report

    return run_report(args, out, err)


register(
    "merge",
    N_("merge returned review packages into a market's regional results file"),
    _merge_setup,
    _merge_run,
)
register(
    "decide",
    N_("record the region's decision on a variant in a regional results file"),
    _decide_setup,
    _decide_run,
)
register(
    "hq-import",
    N_("import the markets' regional results files into the campaign workspace"),
    _hq_import_setup,
    _hq_import_run,
)
register(
    "report",
    N_("write a report of the decisions as XLSX, CSV, PDF or XLIFF"),
    _report_setup,
    _report_run,
)

# -- main -----------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="culturepanel",
        description=_(
            "Cultural review of localized marketing campaigns by in-region panels. "
            "Without a command, opens the desktop app."
        ),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--lang", help=_("language of messages, e.g. de, ja, ar"))
    sub = parser.add_subparsers(dest="command", metavar=_("COMMAND"))
    for name, (help_text, setup, _run) in COMMANDS.items():
        setup(sub.add_parser(name, help=_(help_text), description=_(help_text)))
    return parser


def _report_error(exc: CulturePanelError, err: TextIO) -> None:
    if isinstance(exc, InputErrors):
        count = len(exc.problems)
        err.write(
            ngettext(
                "Nothing was imported: {count} problem was found.",
                "Nothing was imported: {count} problems were found.",
                count,
            ).format(count=count)
            + "\n"
        )
    err.write(str(exc) + "\n")


def main(
    argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run the command line; return the exit status."""
    out = out or sys.stdout
    err = err or sys.stderr
    argv = list(sys.argv[1:] if argv is None else argv)
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--lang")
    known, _rest = pre.parse_known_args(argv)
    set_language(known.lang)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    if not args.command:
        from culturepanel.ui.app import run_app

        return run_app(language=args.lang)
    _help, _setup, run = COMMANDS[args.command]
    try:
        return run(args, out, err)
    except CulturePanelError as exc:
        _report_error(exc, err)
        return 1
    except KeyboardInterrupt:
        err.write(_("Interrupted; nothing was changed by the unfinished step.") + "\n")
        return 130
