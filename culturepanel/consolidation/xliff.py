"""XLIFF written back with the review's outcome, for a translation management system.

One unit per variant (unit id = the variant's key, as it was imported), with
its source copy and, as target, the adopted rewrite if the manager adopted one,
else the variant's text. Notes carry the decision per market, the rationale, the
triggers and the panel's comments (panelists named only with consent).

How decisions map to states (the same for every market of a variant: the
decision needing most attention wins):

=====================================  ===========================  ============
decision                               XLIFF 1.2 ``target/@state``  XLIFF 2.0
=====================================  ===========================  ============
go                                     ``final`` (+ approved=yes)   ``final``
go with changes, rewrite adopted       ``needs-review-translation`` ``translated``
go with changes, no rewrite adopted    ``needs-translation``        ``initial``
no-go                                  ``needs-translation``        ``initial``
escalate to HQ                         ``needs-review-translation`` ``translated``
not decided yet                        ``needs-review-translation`` ``translated``
=====================================  ===========================  ============

An adopted rewrite comes from a panelist, not a translator, so the TMS should
have it reviewed; a change asked for but not written, or a no-go, needs new
translation work. XLIFF 2.0 segments also carry ``subState="culturepanel:<decision>"``.

XLIFF 1.2 holds every target language in one document (a ``<file>`` each).
XLIFF 2.0 has one target language per document, so a report with several
locales is written as one file per locale, named ``<name>.<locale>.xlf``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

from culturepanel.errors import CulturePanelError
from culturepanel.i18n import _

from .decisions import DECISION_RANK, decision_label
from .reports import ReportRow
from .triggers import ESCALATE, GO, GO_WITH_CHANGES, NO_GO

NS_12 = "urn:oasis:names:tc:xliff:document:1.2"
NS_20 = "urn:oasis:names:tc:xliff:document:2.0"
VERSIONS = ("1.2", "2.0")

STATE_12 = {
    GO: "final",
    GO_WITH_CHANGES: "needs-translation",
    "go_with_changes+rewrite": "needs-review-translation",
    NO_GO: "needs-translation",
    ESCALATE: "needs-review-translation",
    None: "needs-review-translation",
}
STATE_20 = {
    GO: "final",
    GO_WITH_CHANGES: "initial",
    "go_with_changes+rewrite": "translated",
    NO_GO: "initial",
    ESCALATE: "translated",
    None: "translated",
}
#: XLIFF 1.2 ``note/@from`` (the note's author) per kind of note.
_AUTHOR = {
    "decision": "manager",
    "rationale": "manager",
    "rewrite": "manager",
    "trigger": "CulturePanel",
    "comment": "panel",
}
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class XliffError(CulturePanelError):
    """An XLIFF report cannot be written as asked."""


def _clean(text: str | None) -> str:
    return _XML_ILLEGAL.sub("", text or "")


def _unit_state(rows: Sequence[ReportRow]) -> tuple[str | None, str | None]:
    """The decision needing most attention over the variant's markets, and the adopted text."""
    decisions = [r.decision for r in rows]
    if any(d is None for d in decisions):
        worst = None
    else:
        worst = min(decisions, key=lambda d: DECISION_RANK.get(d or "", 9))
    adopted = next((r.adopted_text for r in rows if r.adopted_text), None)
    return worst, adopted


def _state_key(decision: str | None, adopted: str | None) -> str | None:
    if decision == GO_WITH_CHANGES and adopted:
        return "go_with_changes+rewrite"
    return decision


def _notes(rows: Sequence[ReportRow]) -> list[tuple[str, str]]:
    """``(category, text)`` per note, in order."""
    notes = []
    for r in rows:
        notes.append(
            ("decision", _("Decision ({market}): {decision}").format(
                market=r.market, decision=decision_label(r.decision)
            ))
        )  # fmt: skip
        if r.rationale:
            notes.append(
                (
                    "rationale",
                    _("Rationale ({market}): {text}").format(market=r.market, text=r.rationale),
                )
            )
        if r.adopted_text:
            notes.append(
                (
                    "rewrite",
                    _("Adopted rewrite ({market}): {text}").format(
                        market=r.market, text=r.adopted_text
                    ),
                )
            )
        for t in r.triggers:
            notes.append(
                ("trigger", _("Trigger ({market}): {text}").format(market=r.market, text=t))
            )
        for c in r.comments:
            notes.append(("comment", f"{r.market}: {c}"))
    return [(cat, _clean(text)) for cat, text in notes]


def _grouped(rows: Sequence[ReportRow]) -> dict[str, dict[str, list[ReportRow]]]:
    """locale -> key -> rows (one per market), in key order."""
    out: dict[str, dict[str, list[ReportRow]]] = {}
    for r in sorted(rows, key=lambda r: (r.locale, r.key, r.market)):
        out.setdefault(r.locale, {}).setdefault(r.key, []).append(r)
    return out


def write_xliff(
    rows: Sequence[ReportRow],
    out: Path,
    version: str = "1.2",
    source_language: str = "en",
    original: str = "culturepanel",
) -> list[Path]:
    """Write the rows as XLIFF ``version`` (1.2 or 2.0); return the files written."""
    if version not in VERSIONS:
        raise XliffError(
            _("XLIFF version {version} is not supported; choose 1.2 or 2.0.").format(
                version=version
            )
        )
    if not rows:
        raise XliffError(_("There is nothing to write: the report has no variants."))
    out = Path(out)
    groups = _grouped(rows)
    if version == "1.2":
        _save(_document_12(groups, source_language, original), out)
        return [out]
    if len(groups) == 1:
        locale, units = next(iter(groups.items()))
        _save(_document_20(locale, units, source_language, original), out)
        return [out]
    written = []
    for locale, units in groups.items():
        target = out.with_name(f"{out.stem}.{locale}{out.suffix or '.xlf'}")
        _save(_document_20(locale, units, source_language, original), target)
        written.append(target)
    return written


def _document_12(
    groups: dict[str, dict[str, list[ReportRow]]], source_language: str, original: str
) -> ET.Element:
    root = ET.Element(f"{{{NS_12}}}xliff", {"version": "1.2"})
    for locale, units in groups.items():
        file = ET.SubElement(
            root,
            f"{{{NS_12}}}file",
            {
                "original": original,
                "source-language": source_language,
                "target-language": locale,
                "datatype": "plaintext",
            },
        )
        body = ET.SubElement(file, f"{{{NS_12}}}body")
        for key, rows in units.items():
            decision, adopted = _unit_state(rows)
            attrs = {"id": key, "resname": key}
            if decision == GO:
                attrs["approved"] = "yes"
            unit = ET.SubElement(body, f"{{{NS_12}}}trans-unit", attrs)
            ET.SubElement(unit, f"{{{NS_12}}}source").text = _clean(rows[0].source_text)
            target = ET.SubElement(
                unit, f"{{{NS_12}}}target", {"state": STATE_12[_state_key(decision, adopted)]}
            )
            target.text = _clean(adopted or rows[0].text)
            for category, text in _notes(rows):
                note = ET.SubElement(
                    unit, f"{{{NS_12}}}note", {"from": _AUTHOR[category], "annotates": "general"}
                )
                note.text = text
    return root


def _document_20(
    locale: str, units: dict[str, list[ReportRow]], source_language: str, original: str
) -> ET.Element:
    root = ET.Element(
        f"{{{NS_20}}}xliff", {"version": "2.0", "srcLang": source_language, "trgLang": locale}
    )
    file = ET.SubElement(root, f"{{{NS_20}}}file", {"id": "f1", "original": original})
    for key, rows in units.items():
        decision, adopted = _unit_state(rows)
        unit = ET.SubElement(file, f"{{{NS_20}}}unit", {"id": key, "name": key})
        notes = ET.SubElement(unit, f"{{{NS_20}}}notes")
        for category, text in _notes(rows):
            ET.SubElement(notes, f"{{{NS_20}}}note", {"category": category}).text = text
        segment = ET.SubElement(
            unit,
            f"{{{NS_20}}}segment",
            {
                "state": STATE_20[_state_key(decision, adopted)],
                "subState": f"culturepanel:{decision or 'undecided'}",
            },
        )
        ET.SubElement(segment, f"{{{NS_20}}}source").text = _clean(rows[0].source_text)
        ET.SubElement(segment, f"{{{NS_20}}}target").text = _clean(adopted or rows[0].text)
    return root


def _save(root: ET.Element, out: Path) -> None:
    ET.register_namespace("", root.tag[1:].split("}")[0])
    ET.indent(root)
    text = '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")
    tmp = out.with_name(out.name + ".partial")
    tmp.write_text(text + "\n", encoding="utf-8")
    tmp.replace(out)
