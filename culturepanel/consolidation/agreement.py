"""How far the panel agrees: Krippendorff's alpha, and a per-variant disagreement measure.

**Alpha** (computed by the ``krippendorff`` package) per dimension: *nominal* for
the panelists' decisions, *ordinal* for the four 1–5 scores (value domain 1…5).
Units are variants, coders are panelists; a panelist who did not rate a variant
is a missing value. Alpha is computed for the whole market and per variant
group (the key's prefix before the first ".", e.g. ``hero`` for ``hero.title``,
and the channel). Krippendorff's guidance: alpha ≥ 0.800 is reliable, ≥ 0.667
allows tentative conclusions, below that the panel does not agree.

Alpha is undefined (``value`` is ``None`` and ``reason`` says why) when fewer
than two panelists rated anything, when fewer than two variants were rated by
two panelists (with a single variant alpha is always 0 or undefined: it
compares disagreement within variants to disagreement across them), or when
every rating is the same value, so there is no variation to measure agreement
against (the panel may well agree, but alpha cannot say so).

**Per-variant disagreement** (one variant has no alpha of its own), used to list
disagreements first; each part is between 0 (the panel agrees) and 1:

* *decision agreement* = 1 − the mean distance between every two panelists'
  decisions on the ordered scale approve (0) < approve with changes (1) <
  changes required (2) < reject (3), divided by 3. Two approvals and one
  approval with changes give 0.78; two approvals and a rejection give 0.33;
* *score spread* = the mean, over the dimensions scored by two or more
  panelists, of (highest − lowest score) / 4;
* *disagreement* = the larger of (1 − decision agreement) and the score spread.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Literal

import krippendorff
import numpy as np

from culturepanel.i18n import N_, _
from culturepanel.review.votes import DECISIONS, DIMENSIONS, Vote

Level = Literal["nominal", "ordinal"]
NOMINAL: Level = "nominal"
ORDINAL: Level = "ordinal"

#: The dimensions agreement is measured on: the decision, then the four scores.
AGREEMENT_DIMENSIONS = ("decision", *DIMENSIONS)
LEVELS: dict[str, Level] = {"decision": NOMINAL, **dict.fromkeys(DIMENSIONS, ORDINAL)}
DOMAINS: dict[str, list[int]] = {
    "decision": list(range(len(DECISIONS))),
    **{dim: [1, 2, 3, 4, 5] for dim in DIMENSIONS},
}
AGREEMENT_LABELS = {
    "decision": N_("Decision"),
    "language": N_("Language"),
    "timing": N_("Timing"),
    "messaging": N_("Messaging alignment"),
    "resonance": N_("Emotional resonance"),
}
#: Krippendorff's lowest acceptable alpha for tentative conclusions.
ACCEPTABLE = 0.667

_WHY_FEW_CODERS = N_("fewer than two panelists rated these variants")
_WHY_NOT_PAIRABLE = N_(
    "fewer than two variants were rated by two panelists; alpha compares variants, so it "
    "needs at least two"
)
_WHY_NO_VARIATION = N_(
    "every panelist gave the same value, so there is no variation to measure agreement against"
)


@dataclass(frozen=True)
class AlphaResult:
    """Krippendorff's alpha of one dimension, or why it is undefined."""

    value: float | None
    level: Level
    units: int  # variants rated by at least two panelists
    coders: int  # panelists with at least one rating
    pairable: int  # ratings in those variants
    why_undefined: str | None = None  # untranslated; see :attr:`reason`

    @property
    def defined(self) -> bool:
        return self.value is not None

    @property
    def reason(self) -> str | None:
        """Why alpha is undefined, in the UI language."""
        return _(self.why_undefined) if self.why_undefined else None

    def below(self, threshold: float = ACCEPTABLE) -> bool:
        return self.value is not None and self.value < threshold


Matrix = Sequence[Sequence[float | int | None]]


def alpha(data: Matrix, level: Level, value_domain: Sequence[int] | None = None) -> AlphaResult:
    """Alpha of a coders × units matrix (``None`` = missing) at ``level`` (nominal/ordinal)."""
    rows = [[math.nan if v is None else float(v) for v in row] for row in data]
    coders = sum(1 for row in rows if any(not math.isnan(v) for v in row))
    width = max((len(row) for row in rows), default=0)
    columns = [
        [row[u] for row in rows if u < len(row) and not math.isnan(row[u])] for u in range(width)
    ]
    pairable = [col for col in columns if len(col) >= 2]
    count = sum(len(col) for col in pairable)
    if coders < 2:
        return AlphaResult(None, level, len(pairable), coders, count, _WHY_FEW_CODERS)
    if len(pairable) < 2:
        return AlphaResult(None, level, len(pairable), coders, count, _WHY_NOT_PAIRABLE)
    if len({v for col in pairable for v in col}) < 2:
        return AlphaResult(None, level, len(pairable), coders, count, _WHY_NO_VARIATION)
    matrix = np.array([row + [math.nan] * (width - len(row)) for row in rows], dtype=float)
    value = krippendorff.alpha(
        reliability_data=matrix,
        level_of_measurement=level,
        value_domain=list(value_domain) if value_domain is not None else None,
    )
    return AlphaResult(float(value), level, len(pairable), coders, count)


def rating(vote: Vote, dimension: str) -> int | None:
    """The vote's value on ``dimension``: a decision's index, or a score."""
    if dimension == "decision":
        return DECISIONS.index(vote.decision) if vote.decision in DECISIONS else None
    return vote.scores.get(dimension)


def reliability_data(
    votes: Iterable[Vote], variant_ids: Sequence[str], panelist_ids: Sequence[str], dimension: str
) -> list[list[int | None]]:
    """The panelists × variants matrix of ``dimension`` (``None`` where nobody rated)."""
    col = {vid: i for i, vid in enumerate(variant_ids)}
    row = {pid: i for i, pid in enumerate(panelist_ids)}
    data: list[list[int | None]] = [[None] * len(variant_ids) for _ in panelist_ids]
    for vote in votes:
        if vote.variant_id in col and vote.panelist_id in row:
            data[row[vote.panelist_id]][col[vote.variant_id]] = rating(vote, dimension)
    return data


def agreement(
    votes: Sequence[Vote], variant_ids: Sequence[str], panelist_ids: Sequence[str]
) -> dict[str, AlphaResult]:
    """Alpha per dimension (decision, then the four scores) over these variants and panelists."""
    return {
        dim: alpha(
            reliability_data(votes, variant_ids, panelist_ids, dim), LEVELS[dim], DOMAINS[dim]
        )
        for dim in AGREEMENT_DIMENSIONS
    }


def key_group(key: str) -> str:
    """The variant group of a key: its prefix before the first "." (``hero.title`` → ``hero``)."""
    return key.split(".", 1)[0]


# -- one variant ------------------------------------------------------------------------


def decision_agreement(decisions: Sequence[str | None]) -> float | None:
    """1 − mean pairwise distance of the decisions on the ordered scale; ``None`` below two."""
    ranks = [DECISIONS.index(d) for d in decisions if d in DECISIONS]
    if len(ranks) < 2:
        return None
    pairs = list(combinations(ranks, 2))
    spread = sum(abs(a - b) for a, b in pairs) / (len(pairs) * (len(DECISIONS) - 1))
    return 1.0 - spread


def modal_share(decisions: Sequence[str | None]) -> float | None:
    """Share of the most frequent decision among those given (``None`` if none)."""
    given = [d for d in decisions if d]
    if not given:
        return None
    return max(given.count(d) for d in set(given)) / len(given)


def score_spread(votes: Sequence[Vote]) -> float | None:
    """Mean over dimensions scored by two or more panelists of (max − min) / 4."""
    spreads = []
    for dim in DIMENSIONS:
        scores = [s for v in votes if (s := v.scores.get(dim)) is not None]
        if len(scores) >= 2:
            spreads.append((max(scores) - min(scores)) / 4)
    return sum(spreads) / len(spreads) if spreads else None


def disagreement(votes: Sequence[Vote]) -> float:
    """The larger of (1 − decision agreement) and the score spread; 0 when unknown."""
    agreed = decision_agreement([v.decision for v in votes])
    parts = [1.0 - agreed if agreed is not None else 0.0, score_spread(votes) or 0.0]
    return max(parts)
