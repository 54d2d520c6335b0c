"""The manager's decisions: rationale, adopted rewrites, history, idempotence, the CLI."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from culturepanel.cli import main
from culturepanel.consolidation.decisions import (
    DecisionError,
    all_decisions,
    decision_history,
    record_decision,
)
from culturepanel.errors import FileRefused
from culturepanel.storage.database import open_file


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(args), out=out, err=err), out.getvalue(), err.getvalue()


def ids(results: Path) -> dict[str, str]:
    with open_file(results) as cpf:
        return {
            f"{k}@{loc}": vid
            for vid, k, loc in cpf.conn.execute("SELECT id, key, locale FROM variants")
        }


def rewrite_vote(results: Path, variant_id: str) -> str:
    with open_file(results) as cpf:
        return cpf.conn.execute(
            "SELECT id FROM votes WHERE variant_id = ? AND rewrite != ''", (variant_id,)
        ).fetchone()[0]


def test_anything_but_go_needs_a_rationale(eg: Path) -> None:
    hero = ids(eg)["hero.title@ar-EG"]
    for decision in ("go_with_changes", "no_go", "escalate"):
        with pytest.raises(DecisionError, match="Give a rationale"):
            record_decision(eg, hero, decision, "   ")
    done = record_decision(eg, hero, "go", decided_by="Layla")
    assert done.changed and done.decision.decision == "go" and done.decision.rationale == ""
    assert done.decision.decided_by == "Layla" and done.decision.revision == 1
    with pytest.raises(DecisionError, match="not a decision"):
        record_decision(eg, hero, "approve", "why")


def test_adopting_a_rewrite_copies_its_text_and_history_is_kept(eg: Path) -> None:
    cta = ids(eg)["cta@ar-EG"]
    vote_id = rewrite_vote(eg, cta)
    first = record_decision(eg, cta, "escalate", "Ask HQ about tone")
    second = record_decision(eg, cta, "go_with_changes", "Omar's wording is warmer", vote_id)
    assert second.decision.adopted_text == "اكتشفه الآن"
    assert second.decision.adopted_rewrite_from == vote_id
    assert second.decision.revision == 2
    again = record_decision(eg, cta, "go_with_changes", "Omar's wording is warmer", vote_id)
    assert not again.changed and again.decision.revision == 2
    with open_file(eg) as cpf:
        history = decision_history(cpf, cta)
        assert [(d.revision, d.decision) for d in history] == [
            (1, "escalate"),
            (2, "go_with_changes"),
        ]
        assert history[0] == first.decision
        assert all_decisions(cpf)[cta].adopted_text == "اكتشفه الآن"


def test_a_rewrite_must_be_a_rewrite_of_this_variant_and_not_for_a_no_go(eg: Path) -> None:
    variants = ids(eg)
    vote_id = rewrite_vote(eg, variants["cta@ar-EG"])
    with pytest.raises(DecisionError, match="not a vote on this variant"):
        record_decision(eg, variants["cta@en"], "go_with_changes", "x", vote_id)
    with pytest.raises(DecisionError, match="no-go cannot adopt"):
        record_decision(eg, variants["cta@ar-EG"], "no_go", "x", vote_id)
    with open_file(eg) as cpf:
        plain = cpf.conn.execute(
            "SELECT id FROM votes WHERE variant_id = ? AND rewrite = ''", (variants["cta@ar-EG"],)
        ).fetchone()[0]
    with pytest.raises(DecisionError, match="suggested no rewrite"):
        record_decision(eg, variants["cta@ar-EG"], "go_with_changes", "x", plain)
    with pytest.raises(DecisionError, match="No such variant"):
        record_decision(eg, "nope", "go")


def test_decisions_are_recorded_only_in_a_results_file(de: dict[str, Path]) -> None:
    with pytest.raises(FileRefused, match="review package"):
        record_decision(de["Anna"], "x", "go")


def test_decide_command(eg: Path) -> None:
    code, out, err = run(
        "decide", str(eg), "--key", "cta", "--locale", "ar-EG", "--decision", "go_with_changes",
        "--rationale", "Warmer", "--adopt-rewrite-from", "Panelist 2",
    )  # fmt: skip
    assert code == 0, err
    assert out == "Recorded for cta [ar-EG]: Go with changes (revision 1).\n"
    code, out, _err = run(
        "decide", str(eg), "--key", "cta", "--locale", "ar-EG", "--decision", "go_with_changes",
        "--rationale", "Warmer", "--adopt-rewrite-from", "2",
    )  # fmt: skip
    assert code == 0 and out.startswith("Unchanged for cta [ar-EG]")
    code, _out, err = run("decide", str(eg), "--key", "cta", "--decision", "go")
    assert code == 1 and "say which with --locale" in err
    code, _out, err = run("decide", str(eg), "--key", "hero.title", "--decision", "no_go")
    assert code == 1 and "Give a rationale" in err
    code, _out, err = run(
        "decide", str(eg), "--key", "hero.title", "--decision", "escalate", "--rationale", "Eid",
        "--adopt-rewrite-from", "Amira",
    )  # fmt: skip
    assert code == 1 and "Amira suggested no rewrite" in err
    code, _out, err = run(
        "decide", str(eg), "--key", "hero.title", "--decision", "escalate", "--rationale", "x",
        "--adopt-rewrite-from", "Omar",
    )  # fmt: skip
    assert code == 1 and "No panelist 'Omar'" in err and "Panelist 2" in err
    code, out, _err = run(
        "decide", str(eg), "--key", "hero.title", "--decision", "escalate", "--rationale", "Eid"
    )
    assert code == 0 and "Escalate to HQ" in out
