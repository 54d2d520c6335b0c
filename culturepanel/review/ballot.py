"""The offline ballot: a review package as a spreadsheet, for panelists without the app.

``culturepanel ballot export PACKAGE -o ballot.xlsx`` writes, through
:func:`export_ballot`, an XLSX workbook with

* an *Instructions* sheet (campaign, market, panelist, deadline, how to fill it in);
* a *Ballot* sheet with one row per active variant: key, locale, channel, launch
  window, source text, variant text and HQ notes (read-only), then the vote
  cells (decision, the four 1–5 scores, concern category, severity, comment,
  suggested rewrite), pre-filled with the panelist's existing votes;
* a very hidden sheet with the ballot's identity and the drop-down values.

Sheets are protected without a password: it prevents accidental edits, nothing
more, and every value is checked again on import. A submitted package can still
be exported; the ballot is then a read-only copy of its votes (vote cells
locked, the instructions say so) and importing needs the package reopened.

``culturepanel ballot import PACKAGE ballot.xlsx`` reads it back through
:func:`import_ballot`: all rows or nothing, every problem with file, row and
column, labels accepted in the ballot's language (or the current one, English,
or the internal codes), and importing the same ballot twice changes nothing.

The work is split between :mod:`.ballot_layout` (what both sides agree on),
:mod:`.ballot_export` and :mod:`.ballot_import`.
"""

from __future__ import annotations

from culturepanel.review.ballot_export import export_ballot
from culturepanel.review.ballot_import import import_ballot
from culturepanel.review.ballot_layout import BallotReport

__all__ = ["BallotReport", "export_ballot", "import_ballot"]
