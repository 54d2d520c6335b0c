"""Agreement: Krippendorff's alpha against hand-computed values, and per-variant disagreement."""

from __future__ import annotations

import pytest

from culturepanel.consolidation.agreement import (
    NOMINAL,
    ORDINAL,
    agreement,
    alpha,
    decision_agreement,
    disagreement,
    key_group,
    modal_share,
    score_spread,
)
from culturepanel.review.votes import Vote

N = None


def test_krippendorff_2011_nominal_example() -> None:
    """Krippendorff (2011), "Computing Krippendorff's alpha-reliability", section C:
    4 observers, 12 units, missing values; nominal alpha = 0.743."""
    data = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
        [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
    ]
    result = alpha(data, NOMINAL)
    assert result.value == pytest.approx(0.743, abs=5e-4)
    assert result.units == 11  # unit 12 has one value only: not pairable
    assert result.coders == 4


def test_a_tiny_ordinal_example_computed_by_hand() -> None:
    """Two panelists, three variants: (1, 1), (2, 3), (3, 3); values 1..5.

    Coincidences: o(1,1) = 2, o(3,3) = 2, o(2,3) = o(3,2) = 1; n1 = 2, n2 = 1,
    n3 = 3, n = 6. Ordinal distances δ²(c,k) = (Σ_{g=c..k} n_g − (n_c + n_k)/2)²:
    δ²(1,2) = (3 − 1.5)² = 2.25, δ²(2,3) = (4 − 2)² = 4, δ²(1,3) = (6 − 2.5)² = 12.25
    (values 4 and 5 never occur, so they add nothing).
    Observed: Σ o·δ² = 2 × 1 × 4 = 8.
    Expected: Σ n_c·n_k·δ² over c ≠ k = 2 × (2·1·2.25 + 1·3·4 + 2·3·12.25) = 180.
    alpha = 1 − (n − 1) × 8 / 180 = 1 − 40/180 = 7/9 ≈ 0.778.

    Nominal on the same data: δ = 1 when values differ. Observed 2, expected
    n² − Σ n_c² = 36 − 14 = 22, alpha = 1 − 5 × 2 / 22 = 6/11 ≈ 0.545: the ordinal
    metric counts the 2-vs-3 disagreement as a small one.
    """
    data = [[1, 2, 3], [1, 3, 3]]
    assert alpha(data, ORDINAL, [1, 2, 3, 4, 5]).value == pytest.approx(7 / 9)
    assert alpha(data, NOMINAL).value == pytest.approx(6 / 11)


def test_perfect_agreement_with_variation_is_one() -> None:
    assert alpha([[1, 2, 5], [1, 2, 5], [1, 2, N]], ORDINAL, [1, 2, 3, 4, 5]).value == 1.0


@pytest.mark.parametrize(
    ("data", "why"),
    [
        ([[1, 2, 3]], "fewer than two panelists"),
        ([[1, N, N], [N, 2, N]], "fewer than two variants were rated by two panelists"),
        ([[1, 4, N], [3, N, N]], "fewer than two variants were rated by two panelists"),
        ([[4, 4, 4], [4, 4, N]], "every panelist gave the same value"),
        ([[N, N], [N, N]], "fewer than two panelists"),
    ],
)
def test_undefined_alpha_says_why(data: list[list[int | None]], why: str) -> None:
    result = alpha(data, ORDINAL, [1, 2, 3, 4, 5])
    assert result.value is None and not result.defined
    assert result.reason is not None and why in result.reason
    assert not result.below(0.667)


def _vote(variant: str, panelist: str, decision: str | None, language: int | None = None) -> Vote:
    v = Vote(variant, panelist, decision)
    v.scores["language"] = language
    return v


def test_agreement_from_votes_uses_decisions_nominal_and_scores_ordinal() -> None:
    votes = [
        _vote("v1", "a", "approve", 1),
        _vote("v1", "b", "approve", 1),
        _vote("v2", "a", "approve", 2),
        _vote("v2", "b", "approve_with_changes", 3),
        _vote("v3", "a", "reject", 3),
        _vote("v3", "b", "reject", 3),
    ]
    result = agreement(votes, ["v1", "v2", "v3"], ["a", "b"])
    assert result["language"].value == pytest.approx(7 / 9)  # the hand example above
    # decisions (0,0), (0,1), (3,3): n = 3, 1, 2; expected 36 − 14 = 22, observed 2: 6/11
    assert result["decision"].value == pytest.approx(6 / 11)
    assert result["timing"].value is None  # nobody scored timing


def test_decision_agreement_and_modal_share() -> None:
    assert decision_agreement(["approve"] * 3) == 1.0
    assert decision_agreement(["approve", "approve", "approve_with_changes"]) == pytest.approx(
        7 / 9
    )
    assert decision_agreement(["approve", "approve", "reject"]) == pytest.approx(1 / 3)
    assert decision_agreement(["approve", "reject"]) == 0.0
    assert decision_agreement(["approve", None]) is None
    assert modal_share(["approve", "approve", "reject"]) == pytest.approx(2 / 3)
    assert modal_share([None]) is None


def test_disagreement_takes_the_larger_of_decisions_and_score_spread() -> None:
    same = [_vote("v", "a", "approve", 5), _vote("v", "b", "approve", 5)]
    assert disagreement(same) == 0.0
    spread = [_vote("v", "a", "approve", 1), _vote("v", "b", "approve", 5)]
    assert score_spread(spread) == 1.0 and disagreement(spread) == 1.0
    split = [_vote("v", "a", "approve", 4), _vote("v", "b", "changes_required", 4)]
    assert disagreement(split) == pytest.approx(2 / 3)
    assert disagreement([]) == 0.0


def test_variant_groups_are_key_prefixes() -> None:
    assert key_group("hero.title") == "hero"
    assert key_group("cta") == "cta"
    assert key_group("push.sale.de") == "push"
