"""Who is on a market's panel, and how each panelist may be named.

A panelist is named only if they consented to it (``consent = 'named'``, asked
when the package is first opened). Otherwise, and when they were never asked,
they are "Panelist N", numbered by their place on the results file's roster:
the order in which their first return was merged, which never changes once
given. The results file stores the name of a non-consenting panelist as an
empty string, so it can travel to HQ as it is.
"""

from __future__ import annotations

from dataclasses import dataclass

from culturepanel.i18n import _
from culturepanel.review.finish import CONSENT_NAMED
from culturepanel.storage.database import CulturePanelFile


def panelist_label(name: str | None, consent: str | None, number: int | None) -> str:
    """The panelist as shown anywhere: the name if consented, else "Panelist N"."""
    if consent == CONSENT_NAMED and name:
        return name
    return _("Panelist {number}").format(number=number if number is not None else "?")


def stored_name(name: str | None, consent: str | None) -> str:
    """The name a results file may keep: the real one only with consent, else empty."""
    return (name or "") if consent == CONSENT_NAMED else ""


@dataclass(frozen=True)
class Panelist:
    """One panelist of a regional results file."""

    id: str
    number: int
    name: str  # empty unless the panelist consented to be named
    consent: str | None
    market: str
    issued_at: str | None

    @property
    def named(self) -> bool:
        return self.consent == CONSENT_NAMED and bool(self.name)

    @property
    def label(self) -> str:
        return panelist_label(self.name, self.consent, self.number)


def roster(cpf: CulturePanelFile) -> dict[str, Panelist]:
    """The panelists of a results file by id, in roster order."""
    rows = cpf.conn.execute(
        "SELECT id, coalesce(roster_number, 0), name, consent, market, issued_at "
        "FROM panelists ORDER BY roster_number, issued_at, id"
    ).fetchall()
    return {r[0]: Panelist(r[0], r[1], r[2] or "", r[3], r[4], r[5]) for r in rows}


def find_panelist(panel: dict[str, Panelist], label: str) -> Panelist | None:
    """The panelist a user means by ``label``: "Panelist 2", "2", or a consented name."""
    text = label.strip()
    for p in panel.values():
        if text.casefold() in (p.label.casefold(), str(p.number)):
            return p
    return None
