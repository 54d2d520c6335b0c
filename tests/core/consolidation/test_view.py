"""The manager's view of a results file: summaries, triggers, recommendations, agreement."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from culturepanel.calendar.model import TimingFinding
from culturepanel.consolidation.session import ManagerSession
from culturepanel.consolidation.triggers import (
    CRITICAL,
    DISAGREEMENT,
    REJECTS,
    TIMING,
    TriggerConfig,
    recommend,
    variant_triggers,
)
from culturepanel.consolidation.view import market_summary, variant_summaries
from culturepanel.review.votes import Vote
from culturepanel.storage.database import open_file


@pytest.fixture
def session(eg: Path) -> Iterator[ManagerSession]:
    s = ManagerSession(eg)
    yield s
    s.close()


def test_disagreements_come_first_with_everything_the_manager_weighs(
    session: ManagerSession,
) -> None:
    order = [f"{s.variant.key}@{s.variant.locale}" for s in session.summaries()]
    assert order == ["hero.title@ar-EG", "cta@ar-EG", "cta@en"]
    hero = session.summaries()[0]
    assert [v.panelist for v in hero.votes] == ["Amira", "Panelist 2", "Panelist 3"]
    assert hero.decision_counts == {
        "approve": 1,
        "approve_with_changes": 0,
        "changes_required": 0,
        "reject": 2,
    }
    assert hero.distribution["timing"] == (2, 0, 1, 0, 0)
    assert hero.means["language"] == pytest.approx(3.0)
    assert hero.concern_counts == {"minor": 0, "major": 1, "critical": 1}
    assert [c.panelist for c in hero.concerns] == ["Amira", "Panelist 2"]
    assert hero.agreement == pytest.approx(1 / 3)
    assert {t.code for t in hero.triggers} == {CRITICAL, REJECTS, DISAGREEMENT, TIMING}
    assert hero.recommendation == "escalate"
    assert any("Eid al-Fitr" in f.message for f in hero.timing)
    assert any("Eid al-Fitr" in t.message for t in hero.triggers if t.code == TIMING)
    assert hero.decision is None
    cta = session.summaries()[1]
    assert [v.rewrite for v in cta.rewrites] == ["اكتشفه الآن"]
    assert [v.panelist for v in cta.comments] == ["Panelist 2"]
    assert cta.triggers == () and cta.recommendation == "go_with_changes"
    assert session.summaries()[2].recommendation == "go"
    assert session.summaries()[2].disagreement == 0.0


def test_market_summary_has_alpha_per_dimension_and_per_group(session: ManagerSession) -> None:
    market = session.market()
    assert market.market == "EG" and market.campaign == "Spring 2027"
    assert [p.label for p in market.panelists] == ["Amira", "Panelist 2", "Panelist 3"]
    assert [r.panelist for r in market.returns] == ["Amira", "Panelist 2", "Panelist 3"]
    assert all(r.sealed for r in market.returns)
    assert market.variants == 3 and market.voted == 3 and market.triggered == 1
    assert market.recommendations == {"escalate": 1, "go_with_changes": 1, "go": 1}
    assert set(market.alphas) == {"decision", "language", "timing", "messaging", "resonance"}
    assert market.alphas["decision"].defined
    assert market.alphas["decision"].value < 0.667
    assert "decision" in market.low_agreement
    groups = {(g.kind, g.name): g for g in market.groups}
    assert set(groups) == {
        ("key", "cta"),
        ("key", "hero"),
        ("channel", "web"),
        ("channel", "social"),
    }
    # one variant in a group: nothing to compare across, alpha undefined, and it says why
    hero = groups[("key", "hero")].alphas["decision"]
    assert hero.value is None and "fewer than two variants" in (hero.reason or "")
    assert groups[("key", "cta")].alphas["language"].value == pytest.approx(0.375)
    assert groups[("channel", "web")].variants == 2


def test_checklist_concerns_and_panel_dismissals_are_shown(eg: Path, tmp_path: Path) -> None:
    with open_file(eg) as cpf:
        item = cpf.conn.execute("SELECT id FROM checklist_items ORDER BY position").fetchone()[0]
        pid = cpf.conn.execute("SELECT id FROM panelists WHERE roster_number = 2").fetchone()[0]
        # as if merged from the package: the panelist's answer and a dismissal
        with cpf.transaction() as conn:
            conn.execute(
                "INSERT INTO checklist_answers(id, item_id, panelist_id, answer, note) "
                "VALUES ('a1', ?, ?, 'concern', 'Colours of mourning')",
                (item, pid),
            )
            vid = conn.execute("SELECT id FROM variants WHERE locale = 'en'").fetchone()[0]
            conn.execute(
                "INSERT INTO panel_dismissals(id, panelist_id, variant_id, finding_key, "
                "reason, at) VALUES ('d1', ?, ?, 'length:1', 'fits the button', "
                "'2027-02-01T00:00:00Z')",
                (pid, vid),
            )
        market = market_summary(cpf)
        assert [(c.panelist, c.note) for c in market.checklist_concerns] == [
            ("Panelist 2", "Colours of mourning")
        ]
        en = next(s for s in variant_summaries(cpf) if s.variant.locale == "en")
        assert en.panel_dismissals == {"length:1": (("Panelist 2", "fits the button"),)}


def test_findings_are_computed_on_demand_and_shown(session: ManagerSession) -> None:
    assert all(s.findings == () for s in session.summaries())
    run = session.update_findings()
    assert run.variants == 3 and run.checked == 3
    assert all(s.findings for s in session.summaries())
    assert session.update_findings().reused == 3


def test_a_vote_on_an_earlier_text_is_marked_stale(eg: Path) -> None:
    with open_file(eg) as cpf:
        with cpf.transaction() as conn:
            conn.execute("UPDATE variants SET content_hash = 'newer' WHERE locale = 'en'")
        en = next(s for s in variant_summaries(cpf) if s.variant.locale == "en")
    assert all(v.stale for v in en.votes)


def test_deciding_and_new_thresholds_come_back_as_changes(session: ManagerSession) -> None:
    cta = session.summaries()[1]
    change = session.decide(cta.variant.id, "go_with_changes", "Use Omar's wording",
                            cta.rewrites[0].id)  # fmt: skip
    assert change.variant_ids == (cta.variant.id,)
    assert session.summary(cta.variant.id).decision.adopted_text == "اكتشفه الآن"
    assert session.decide(cta.variant.id, "go_with_changes", "Use Omar's wording",
                          cta.rewrites[0].id).variant_ids == ()  # fmt: skip
    assert len(session.decision_history(cta.variant.id)) == 1
    relaxed = TriggerConfig(critical_concern=False, reject_share=None, min_agreement=None,
                            timing_conflict=False)  # fmt: skip
    assert session.set_config(relaxed).everything
    assert session.summaries()[0].recommendation == "go_with_changes"
    assert session.market().decided == 1


# -- triggers on their own -------------------------------------------------------------------


def _votes(*decisions: str, critical: int = 0) -> list[Vote]:
    out = []
    for i, d in enumerate(decisions):
        v = Vote("v", f"p{i}", d)
        v.concern_severity = "critical" if i < critical else None
        out.append(v)
    return out


def test_reject_share_threshold_is_inclusive() -> None:
    assert [t.code for t in variant_triggers(_votes("approve", "approve", "reject"))] == [
        DISAGREEMENT
    ]  # one reject of three (0.33) is below 0.34, but the panel disagrees
    found = variant_triggers(_votes("reject", "approve", "reject"))
    assert REJECTS in {t.code for t in found}
    assert "2 of 3 panelists reject it" in next(t for t in found if t.code == REJECTS).message
    half = TriggerConfig(reject_share=0.5, min_agreement=None)
    assert variant_triggers(_votes("reject", "approve"), config=half)[0].code == REJECTS


def test_critical_concern_and_timing_conflict_trigger() -> None:
    found = variant_triggers(_votes("approve", "approve", critical=1))
    assert [t.code for t in found] == [CRITICAL]
    assert found[0].message == "1 panelist raised a critical concern."
    conflict = TimingFinding(
        "conflict", None, "Overlaps Eid.", "why", "move it", "launch", "overlap",
        date(2027, 3, 9), date(2027, 3, 11),
    )  # fmt: skip
    caution = TimingFinding(
        "caution", None, "Near Ramadan.", "why", "move it", "launch", "margin",
        date(2027, 3, 8), date(2027, 3, 8),
    )  # fmt: skip
    found = variant_triggers(_votes("approve"), [conflict, caution])
    assert [t.code for t in found] == [TIMING]
    assert found[0].message == "Timing conflict: Overlaps Eid."


def test_recommendation_never_decides_without_votes() -> None:
    assert recommend([], []) is None
    assert recommend(_votes("approve"), []) == "go"
    assert recommend(_votes("approve", "changes_required"), []) == "go_with_changes"
    triggers = variant_triggers(_votes("approve", "approve", critical=1))
    assert recommend(_votes("approve", "approve"), triggers) == "escalate"
