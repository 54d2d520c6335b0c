"""``save_votes``: several votes in one transaction, all saved or none."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from culturepanel.review.finish import submit
from culturepanel.review.packages import package_panelist
from culturepanel.review.votes import (
    InvalidVote,
    PackageLocked,
    Vote,
    get_vote,
    record_event,
    save_vote,
    save_votes,
)
from culturepanel.storage.database import CulturePanelFile, open_file

from .package_factory import make_packages


@pytest.fixture
def pkg(tmp_path: Path) -> Iterator[CulturePanelFile]:
    with open_file(make_packages(tmp_path, ("Amira",))[0]) as cpf:
        yield cpf


def variant_ids(pkg: CulturePanelFile) -> list[str]:
    return [r[0] for r in pkg.conn.execute("SELECT id FROM variants ORDER BY key")]


def counts(pkg: CulturePanelFile) -> tuple[int, int, int]:
    return tuple(  # type: ignore[return-value]
        pkg.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("votes", "vote_history", "events")
    )


def test_saves_every_vote_with_its_history(pkg: CulturePanelFile) -> None:
    panelist, _name = package_panelist(pkg)
    first, second, _third = variant_ids(pkg)
    save_vote(pkg, first, panelist, {"decision": "approve"})
    saved = save_votes(
        pkg, panelist, {first: {"score_timing": 4}, second: {"decision": "reject", "comment": "x"}}
    )
    assert [(v.variant_id, v.revision) for v in saved] == [(first, 2), (second, 1)]
    vote = get_vote(pkg, first, panelist)
    assert vote is not None and (vote.decision, vote.scores["timing"]) == ("approve", 4)
    assert counts(pkg)[:2] == (2, 3)


def test_an_invalid_vote_saves_none(pkg: CulturePanelFile) -> None:
    panelist, _name = package_panelist(pkg)
    first, second, _third = variant_ids(pkg)
    before = counts(pkg)
    with pytest.raises(InvalidVote):
        save_votes(pkg, panelist, {first: {"decision": "approve"}, second: {"score_language": 9}})
    with pytest.raises(InvalidVote, match="no such variant"):
        save_votes(
            pkg, panelist, {first: {"decision": "approve"}, "missing": {"decision": "approve"}}
        )
    assert counts(pkg) == before


def test_the_follow_up_runs_in_the_same_transaction(pkg: CulturePanelFile) -> None:
    panelist, _name = package_panelist(pkg)
    first = variant_ids(pkg)[0]
    before = counts(pkg)

    def fail(saved: list[Vote]) -> None:
        record_event(pkg, "test", {"n": len(saved)})
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        save_votes(pkg, panelist, {first: {"decision": "approve"}}, then=fail)
    assert counts(pkg) == before
    save_votes(
        pkg, panelist, {first: {"decision": "approve"}}, then=lambda s: record_event(pkg, "t")
    )
    assert counts(pkg) == (before[0] + 1, before[1] + 1, before[2] + 1)


def test_a_submitted_package_is_locked(pkg: CulturePanelFile) -> None:
    panelist, _name = package_panelist(pkg)
    submit(pkg, panelist, force=True)
    with pytest.raises(PackageLocked):
        save_votes(pkg, panelist, {variant_ids(pkg)[0]: {"decision": "approve"}})
