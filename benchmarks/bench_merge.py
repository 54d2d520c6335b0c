"""Merge speed: ``merge_packages`` of 300 returned packages × 1,000 votes against a bare merge.

Run: ``python benchmarks/bench_merge.py [PACKAGES] [VARIANTS]``. In one process it

1. imports a campaign of 1,000 variants for market DE and builds ONE package
   properly (``build_packages``, sealed), votes on every variant and submits it;
2. makes the other returns by copying that file and rewriting it with SQL: a
   new file id, panelist id and name, new vote ids and varied votes, consent
   named or anonymous, then re-seals it (as HQ would have sealed a package built
   for that panelist). Each copy is a valid, distinct return; building 300
   packages for real would only time the package builder;
3. times, in the same run:

   * (a) the bare merge: for each file ``ATTACH`` + ``INSERT INTO votes SELECT *
     FROM pkg.votes`` + ``DETACH`` into an empty table with the votes' columns and
     unique key, one transaction per file, the same journal (WAL) and
     ``synchronous=FULL`` as every CulturePanel file;
   * our ``merge_packages`` of all files into a fresh results file, and a second,
     idempotent merge of the same files (nothing changes).

It prints the times and the ratio; the target is merge ≤ 3 × (a). Machines are
noisy: only ratios measured in the same run mean anything. With ``--no-sync`` both
sides run with ``synchronous=OFF`` (never for real files: it shows the work done
besides waiting for the disk).
"""

from __future__ import annotations

import csv
import shutil
import sqlite3
import sys
import tempfile
import time
import uuid
from pathlib import Path

from culturepanel.consolidation.merge import merge_packages
from culturepanel.consolidation.seal import compute_seal, seal_package
from culturepanel.importers.workspace_import import import_campaign_files
from culturepanel.review.finish import submit
from culturepanel.review.packages import build_packages
from culturepanel.review.votes import DECISIONS, save_votes
from culturepanel.storage.database import open_file

HEADER = ["key", "locale", "text", "source_text", "channel", "launch_start", "launch_end"]


def make_package(folder: Path, variants: int) -> Path:
    source = folder / "campaign.csv"
    with source.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        for i in range(variants):
            w.writerow(
                [f"group{i % 20}.key{i:05d}", "de-DE", f"Frühlingsangebot {i}: 20 % Rabatt",
                 f"Spring offer {i}: 20% off", "web", "2027-03-01", "2027-03-14"]
            )  # fmt: skip
    workspace = folder / "workspace.cpanel"
    import_campaign_files(workspace, [source], campaign="Bench")
    path = build_packages(workspace, "DE", ["Panelist"], folder / "out")[0].path
    with open_file(path) as pkg:
        with pkg.transaction():
            seal_package(pkg)
        pid = pkg.get_meta("panelist_id") or ""
        ids = [r[0] for r in pkg.conn.execute("SELECT id FROM variants")]
        save_votes(
            pkg,
            pid,
            {vid: {"decision": "approve", "score_language": 4, "comment": "ok"} for vid in ids},
        )
        submit(pkg, pid)
    return path


def make_returns(template: Path, folder: Path, count: int) -> list[Path]:
    files = []
    for n in range(count):
        target = folder / f"return-{n:03d}.cpanel"
        shutil.copyfile(template, target)
        conn = sqlite3.connect(target)
        pid, name = str(uuid.uuid4()), f"Panelist {n}"
        with conn:
            conn.execute("UPDATE panelists SET id = ?, name = ?, consent = ?", (pid, name,
                         "named" if n % 2 else "anonymous"))  # fmt: skip
            conn.execute(
                "UPDATE votes SET panelist_id = ?, id = lower(hex(randomblob(16))), "
                "decision = ?, score_language = 1 + abs(random()) % 5, "
                "score_messaging = 1 + abs(random()) % 5",
                (pid, DECISIONS[n % len(DECISIONS)]),
            )
            conn.execute("DELETE FROM vote_history")
            conn.executemany(
                "UPDATE meta SET value = ? WHERE key = ?",
                [(pid, "panelist_id"), (name, "panelist_name"), (str(uuid.uuid4()), "file_id")],
            )
            conn.execute(
                "UPDATE meta SET value = ? WHERE key = 'issued_seal'", (compute_seal(conn),)
            )
        conn.close()
        files.append(target)
    return files


def bare_merge(files: list[Path], target: Path, sync: str = "FULL") -> float:
    conn = sqlite3.connect(target, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute(f"PRAGMA synchronous = {sync}")
    columns = [r[1] for r in sqlite3.connect(files[0]).execute("PRAGMA table_info(votes)")]
    conn.execute(f"CREATE TABLE votes ({', '.join(columns)}, PRIMARY KEY(id))")
    conn.execute("CREATE UNIQUE INDEX votes_vp ON votes(variant_id, panelist_id)")
    start = time.perf_counter()
    for path in files:
        conn.execute("ATTACH DATABASE ? AS pkg", (str(path),))
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO main.votes SELECT * FROM pkg.votes")
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE pkg")
    elapsed = time.perf_counter() - start
    rows = conn.execute("SELECT count(*) FROM votes").fetchone()[0]
    conn.close()
    print(f"  bare ATTACH + INSERT … SELECT: {elapsed:7.2f} s  ({rows:,} votes)")
    return elapsed


def _no_sync() -> None:
    """Run CulturePanel's own connections with ``synchronous=OFF`` (benchmark only)."""
    from culturepanel.storage import database

    connect = database._connect

    def fast(path: Path) -> sqlite3.Connection:
        conn = connect(path)
        conn.execute("PRAGMA synchronous = OFF")
        return conn

    database._connect = fast


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    sync = "OFF" if "--no-sync" in sys.argv else "FULL"
    if sync == "OFF":
        _no_sync()
    packages = int(args[0]) if args else 300
    variants = int(args[1]) if len(args) > 1 else 1000
    with tempfile.TemporaryDirectory(prefix="bench-merge-") as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        template = make_package(folder, variants)
        (folder / "returns").mkdir()
        files = make_returns(template, folder / "returns", packages)
        size = files[0].stat().st_size / 1e6
        print(f"Generated {packages} returns × {variants} votes ({size:.1f} MB each) "
              f"in {time.perf_counter() - t0:.1f} s")  # fmt: skip
        print(f"synchronous = {sync}")
        bare = bare_merge(files, folder / "bare.sqlite", sync)
        start = time.perf_counter()
        report = merge_packages(folder / "results.cpanel", files)
        ours = time.perf_counter() - start
        assert report.count("accepted") == packages, [f.message for f in report.files[:3]]
        print(
            f"  merge_packages:                {ours:7.2f} s  ({report.count('accepted')} merged)"
        )
        start = time.perf_counter()
        again = merge_packages(folder / "results.cpanel", files)
        idem = time.perf_counter() - start
        assert again.count("unchanged") == packages
        print(f"  same files again (unchanged):  {idem:7.2f} s")
        ratio = ours / bare
        verdict = "meets" if ratio <= 3 else "MISSES"
        print(f"Ratio merge / bare: {ratio:.2f} × ({verdict} the target of ≤ 3 ×)")


if __name__ == "__main__":
    main()
