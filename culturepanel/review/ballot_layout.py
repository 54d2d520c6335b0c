"""The layout of a ballot workbook, shared by its writer and its reader.

A ballot has three sheets: instructions (visible, first), the ballot itself (one
row per variant) and :data:`META_SHEET` (very hidden), which holds the ballot's
identity (which package file and panelist it belongs to), the header text of
every column (so that the reader finds columns by header, in the language the
ballot was exported in) and the values of the drop-down lists with their codes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from culturepanel.i18n import N_, _
from culturepanel.review.votes import (
    CATEGORY_LABELS,
    DECISION_LABELS,
    DIMENSION_LABELS,
    DIMENSIONS,
    SEVERITY_LABELS,
)

FORMAT = "culturepanel-ballot"
FORMAT_VERSION = "1"
META_SHEET = "culturepanel"
#: In :data:`META_SHEET`: identity in columns A:B, column code and header in D:E,
#: then one pair of columns (label, code) per drop-down list from column G.
META_HEADER_COLUMN = 4
META_LIST_COLUMN = 7

INFO, VOTE, HIDDEN = "info", "vote", "hidden"
#: Ballot columns: (code, header, width, kind). Vote codes are the vote fields;
#: the hidden ones record what the ballot was made from, to detect stale rows.
COLUMNS: tuple[tuple[str, str, int, str], ...] = (
    ("id", N_("Variant id"), 12, HIDDEN),
    ("base_hash", N_("Text version"), 12, HIDDEN),
    ("base_revision", N_("Vote version"), 12, HIDDEN),
    ("key", N_("Key"), 18, INFO),
    ("locale", N_("Locale"), 9, INFO),
    ("channel", N_("Channel"), 12, INFO),
    ("launch", N_("Launch window"), 22, INFO),
    ("source", N_("Source text (HQ)"), 42, INFO),
    ("text", N_("Variant text"), 42, INFO),
    ("notes", N_("HQ notes"), 28, INFO),
    ("decision", N_("Decision"), 22, VOTE),
    *((f"score_{d}", DIMENSION_LABELS[d], 14, VOTE) for d in DIMENSIONS),
    ("concern_category", N_("Concern category"), 22, VOTE),
    ("concern_severity", N_("Severity"), 12, VOTE),
    ("comment", N_("Comment"), 40, VOTE),
    ("rewrite", N_("Suggested rewrite"), 40, VOTE),
)
CODES = tuple(c[0] for c in COLUMNS)
VOTE_CODES = tuple(c[0] for c in COLUMNS if c[3] == VOTE)
#: Columns the reader cannot do without.
REQUIRED = frozenset({"id", "base_hash", "base_revision", *VOTE_CODES})
#: The drop-down lists: vote field -> (code -> label); named ``cp_<field>`` in the workbook.
LISTS: dict[str, dict[str, str]] = {
    "decision": DECISION_LABELS,
    "concern_category": CATEGORY_LABELS,
    "concern_severity": SEVERITY_LABELS,
}


@dataclass(frozen=True)
class BallotReport:
    """What importing a ballot did: votes changed, votes as they were, empty rows."""

    updated: int
    unchanged: int
    skipped_empty: int


def header(code: str) -> str:
    """The column's header in the current language."""
    label = _(next(c[1] for c in COLUMNS if c[0] == code))
    return _("{dimension} (1–5)").format(dimension=label) if code.startswith("score_") else label


def clean(text: Any) -> str:
    """``text`` as a string without the control characters a workbook cannot hold."""
    return ILLEGAL_CHARACTERS_RE.sub("", str(text)) if text is not None else ""


def list_name(field: str) -> str:
    """The workbook's defined name of the drop-down list of ``field``."""
    return f"cp_{field}"
