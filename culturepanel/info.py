"""A summary of any CulturePanel file: what ``culturepanel info`` prints.

:func:`file_info` returns a JSON-ready dict; :func:`format_info` renders it for
people in the UI language, with numbers and dates formatted through Babel.
Later parts of the app add their own counts (votes, findings) here.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

from babel.dates import format_date
from babel.numbers import format_decimal

from culturepanel.consolidation.results_info import (
    format_lines,
    results_summary,
    workspace_summary,
)
from culturepanel.i18n import _, current_language, ngettext
from culturepanel.locales import MARKET_FROM_COLUMN, MARKET_FROM_LIKELY, display_market
from culturepanel.storage.database import (
    KIND_CAMPAIGN,
    KIND_PACKAGE,
    KIND_RESULTS,
    kind_label,
    open_file,
)


def file_info(path: Path) -> dict[str, Any]:
    """Summarise the CulturePanel file at ``path`` (read only; refuses foreign files)."""
    with open_file(Path(path)) as cpf:
        conn = cpf.conn
        meta = cpf.meta()
        info: dict[str, Any] = {
            "file": str(path),
            "kind": meta.get("kind"),
            "campaign": meta.get("campaign_name"),
            "campaign_id": meta.get("campaign_id"),
            "schema_version": cpf.schema_version,
            "created_at": meta.get("created_at"),
            "created_by_app": meta.get("created_by_app"),
            "written_at": meta.get("written_at"),
            "written_by_app": meta.get("written_by_app"),
        }
        info["variants"] = conn.execute(
            "SELECT count(*) FROM variants WHERE status = 'active'"
        ).fetchone()[0]
        info["variants_removed"] = conn.execute(
            "SELECT count(*) FROM variants WHERE status = 'removed'"
        ).fetchone()[0]
        info["keys"] = conn.execute(
            "SELECT count(DISTINCT key) FROM variants WHERE status = 'active'"
        ).fetchone()[0]
        locales: dict[str, int] = {}
        for label, count in conn.execute(
            "SELECT min(locale_label), count(*) FROM variants WHERE status = 'active' "
            "GROUP BY locale ORDER BY locale"
        ):
            locales[label] = count
        info["locales"] = locales
        markets: dict[str, dict[str, Any]] = {}
        for market, source, count in conn.execute(
            "SELECT market, market_source, count(*) FROM variants WHERE status = 'active' "
            "GROUP BY market, market_source ORDER BY market"
        ):
            entry = markets.setdefault(market, {"variants": 0, "assumed_from": []})
            entry["variants"] += count
            entry["assumed_from"].append(source)
        info["markets"] = markets
        start, end = conn.execute(
            "SELECT min(launch_start), max(coalesce(launch_end, launch_start)) FROM variants "
            "WHERE status = 'active'"
        ).fetchone()
        info["launch_window"] = {"start": start, "end": end}
        count, size = conn.execute("SELECT count(*), coalesce(sum(size), 0) FROM assets").fetchone()
        info["assets"] = {"count": count, "bytes": size}
        info["imports"] = conn.execute("SELECT count(*) FROM imports").fetchone()[0]
        info["glossary_terms"] = conn.execute("SELECT count(*) FROM glossary").fetchone()[0]
        from culturepanel.findings import open_counts

        info["findings"] = sum(open_counts(cpf).values())  # stored, not dismissed
        if meta.get("kind") == KIND_PACKAGE:
            info.update(_package_info(cpf))
        elif meta.get("kind") == KIND_RESULTS:
            info.update(results_summary(cpf))
        elif meta.get("kind") == KIND_CAMPAIGN:
            info.update(workspace_summary(cpf))
    return info


def _package_info(cpf) -> dict[str, Any]:
    from culturepanel.review.package_info import package_summary

    return package_summary(cpf)


def _n(value: int) -> str:
    return format_decimal(value, locale=current_language())


def _width(text: str) -> int:
    """Columns a text takes in a terminal (wide East Asian characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(label: str, width: int) -> str:
    return label + " " * max(1, width - _width(label))


def format_info(info: dict[str, Any]) -> str:
    """Render :func:`file_info` output as text for a terminal."""
    lang = current_language()
    pairs: list[tuple[str, str]] = [
        (_("File:"), str(info["file"])),
        (_("Kind:"), kind_label(info["kind"] or "")),
        (_("Campaign:"), str(info["campaign"])),
        (_("Schema version:"), str(info["schema_version"])),
        (
            _("Variants:"),
            ngettext("{count} in {keys} key", "{count} in {keys} keys", info["keys"]).format(
                count=_n(info["variants"]), keys=_n(info["keys"])
            ),
        ),
    ]
    if info["variants_removed"]:
        pairs.append(
            (
                "",
                _("{count} removed from the source files (kept)").format(
                    count=_n(info["variants_removed"])
                ),
            )
        )
    window = info["launch_window"]
    launch = (
        _("{start} – {end}").format(
            start=_date(window["start"], lang), end=_date(window["end"], lang)
        )
        if window["start"]
        else _("none given")
    )
    tail: list[tuple[str, str]] = [
        (_("Launch windows:"), launch),
        (
            _("Assets:"),
            ngettext(
                "{count} image, {size} KB", "{count} images, {size} KB", info["assets"]["count"]
            ).format(
                count=_n(info["assets"]["count"]), size=_n(round(info["assets"]["bytes"] / 1024))
            ),
        ),
        (_("Glossary:"), _n(info.get("glossary_terms", 0))),
        (_("Open findings:"), _n(info.get("findings", 0))),
    ]
    for key, label in (
        ("panelist", _("Panelist:")),
        ("deadline", _("Deadline:")),
        ("reviewed", _("Reviewed:")),
        ("submitted", _("Submitted:")),
    ):
        if key in info and info[key] is not None:
            value = info[key]
            if isinstance(value, bool):
                value = _("yes") if value else _("no")
            elif key == "deadline":
                value = _date(value, lang)
            tail.append((label, str(value)))
    width = max(_width(label) for label, _v in pairs + tail) + 2
    lines = [_pad(label, width) + value for label, value in pairs]
    lines.append(_("Locales:"))
    for label, count in info["locales"].items():
        lines.append(f"  {label:<14} {_n(count):>8}")
    lines.append(_("Markets:"))
    for market, entry in info["markets"].items():
        note = ""
        if MARKET_FROM_LIKELY in entry["assumed_from"]:
            note = _("assumed: the likely country of a locale without a country")
        elif MARKET_FROM_COLUMN in entry["assumed_from"]:
            note = _("from the 'market' column")
        name = display_market(market, lang)
        lines.append(f"  {market:<8} {_pad(name, 24)} {_n(entry['variants']):>8}  {note}".rstrip())
    lines += [_pad(label, width) + value for label, value in tail]
    lines += format_lines(info)
    return "\n".join(lines)


def _date(iso: str, lang: str) -> str:
    from datetime import date

    try:
        return format_date(date.fromisoformat(iso), format="medium", locale=lang)
    except ValueError:
        return iso
