"""A vote is durable the moment ``save_vote`` returns: killing the process loses none of them.

A helper process (``durability_worker.py``) records votes in a loop and reports
each one only after ``save_vote`` returned; the test kills it with SIGKILL at
random moments, over and over, and then checks that every reported vote is in
the file (at that revision or a later one), that the history has no gaps and
that the file is intact. The random delays are seeded, so a failure replays.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import culturepanel
from culturepanel.review.packages import package_panelist
from culturepanel.review.votes import get_vote
from culturepanel.storage.database import KIND_PACKAGE, open_file

from .package_factory import make_packages

WORKER = Path(__file__).with_name("durability_worker.py")
ROUNDS = 20
SEED = 20270220
TIME_BUDGET = 18.0  # seconds


class Run:
    """One worker process, its acknowledged saves, killed after a random delay."""

    def __init__(self, package: Path, first: int, stderr: Path):
        env = dict(os.environ, PYTHONPATH=str(Path(culturepanel.__file__).parents[1]))
        self.err = stderr.open("w")
        self.proc = subprocess.Popen(
            [sys.executable, str(WORKER), str(package), str(first)],
            stdout=subprocess.PIPE,
            stderr=self.err,
            text=True,
            env=env,
        )
        self.ready = threading.Event()
        self.saved: list[tuple[str, int, int]] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            if not line.endswith("\n"):  # cut short by the kill: never acknowledged
                break
            if line == "ready\n":
                self.ready.set()
            elif line.startswith("saved "):
                _word, variant_id, revision, iteration = line.split()
                self.saved.append((variant_id, int(revision), int(iteration)))

    def kill_after(self, delay: float) -> None:
        started = self.ready.wait(timeout=15)
        if started:
            time.sleep(delay)
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()
        self.reader.join(timeout=5)
        assert self.proc.stdout is not None
        self.proc.stdout.close()
        self.err.close()
        assert started, Path(self.err.name).read_text()
        assert self.proc.returncode == -signal.SIGKILL


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_acknowledged_votes_survive_sigkill(tmp_path: Path) -> None:
    package = make_packages(tmp_path, ("Amira",))[0]
    rng = random.Random(SEED)
    acknowledged: list[tuple[str, int, int]] = []
    next_iteration = 0
    stop_at = time.monotonic() + TIME_BUDGET
    rounds = 0
    while rounds < ROUNDS and time.monotonic() < stop_at:
        run = Run(package, next_iteration, tmp_path / f"worker-{rounds}.err")
        run.kill_after(rng.uniform(0.05, 0.4))
        acknowledged += run.saved
        if run.saved:
            next_iteration = run.saved[-1][2] + 1
        rounds += 1
    assert rounds >= 10
    assert len(acknowledged) >= rounds  # the kills did interrupt real work

    with open_file(package, kinds=(KIND_PACKAGE,)) as pkg:
        assert pkg.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        panelist_id, _name = package_panelist(pkg)
        history: dict[tuple[str, int], dict[str, object]] = {}
        for vote_id, revision, data in pkg.conn.execute(
            "SELECT vote_id, revision, data FROM vote_history"
        ):
            history[(vote_id, revision)] = json.loads(data)
        last: dict[str, tuple[int, int]] = {}
        for variant_id, revision, iteration in acknowledged:
            vote = get_vote(pkg, variant_id, panelist_id)
            assert vote is not None and vote.id is not None
            assert vote.revision >= revision
            saved = history[(vote.id, revision)]
            assert saved["comment"] == f"iteration {iteration}"
            assert saved["scores"] == {
                "language": iteration % 5 + 1,
                "timing": None,
                "messaging": None,
                "resonance": None,
            }
            last[variant_id] = (revision, iteration)
        for variant_id, (revision, iteration) in last.items():
            vote = get_vote(pkg, variant_id, panelist_id)
            assert vote is not None and vote.id is not None
            if vote.revision == revision:
                assert vote.comment == f"iteration {iteration}"
            revisions = sorted(r for (vid, r) in history if vid == vote.id)
            assert revisions == list(range(1, vote.revision + 1))  # no gap, none lost
