"""Import speed: ``culturepanel import`` of a 100,000-variant CSV against bare loads.

Run: ``python benchmarks/bench_import.py [ROWS]``. In one process it generates a
long-layout CSV (30 locales), then times, each best of 3:

* (a) a bare ``csv`` + ``sqlite3.executemany`` load of the same rows into an
  equivalent table (same columns, same unique key, same WAL/synchronous setting);
* (b) ``sqlite-utils insert --csv`` of the same file (the library's CLI path);
* our import into a fresh workspace, and a second, idempotent import of it.

It prints the ratios; the target is import ≤ 2 × (a). Machines are noisy: only
the ratios measured in the same run mean anything.
"""

from __future__ import annotations

import csv
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from culturepanel.importers.workspace_import import import_campaign_files

LOCALES = [
    "de-DE",
    "fr-FR",
    "es-ES",
    "es-MX",
    "it-IT",
    "pt-BR",
    "pt-PT",
    "nl-NL",
    "sv-SE",
    "da-DK",
    "nb-NO",
    "fi-FI",
    "pl-PL",
    "cs-CZ",
    "tr-TR",
    "ru-RU",
    "uk-UA",
    "el-GR",
    "ar-SA",
    "he-IL",
    "hi-IN",
    "th-TH",
    "ja-JP",
    "ko-KR",
    "zh-CN",
    "zh-TW",
    "id-ID",
    "vi-VN",
    "ro-RO",
    "hu-HU",
]
HEADER = ["key", "locale", "text", "source_text", "channel", "launch_start", "launch_end", "notes"]


def generate(path: Path, rows: int) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        for i in range(rows):
            key, locale = divmod(i, len(LOCALES))
            w.writerow(
                [
                    f"key.{key:05d}",
                    LOCALES[locale],
                    f"Localized copy {i} for {LOCALES[locale]}: spring collection, 20% off",
                    f"Source copy {key}: spring collection, 20% off",
                    "web",
                    "2027-03-01",
                    "2027-03-14",
                    "" if i % 5 else "Keep the tone warm",
                ]
            )


def bare_load(source: Path, db_path: Path) -> None:
    conn = sqlite3.connect(db_path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute(
        "CREATE TABLE variants (id INTEGER PRIMARY KEY, key TEXT, locale TEXT, text TEXT, "
        "source_text TEXT, channel TEXT, launch_start TEXT, launch_end TEXT, notes TEXT)"
    )
    conn.execute("CREATE UNIQUE INDEX k ON variants(key, locale)")
    with source.open(newline="", encoding="utf-8") as fh:
        reader = csv.reader(fh)
        next(reader)
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO variants(key, locale, text, source_text, channel, launch_start, "
            "launch_end, notes) VALUES (?,?,?,?,?,?,?,?)",
            reader,
        )
        conn.execute("COMMIT")
    conn.close()


def sqlite_utils_load(source: Path, db_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "sqlite_utils",
            "insert",
            str(db_path),
            "variants",
            str(source),
            "--csv",
        ],
        check=True,
    )


def best_of(n: int, run: Callable[[Path], None], tmp: Path, name: str) -> float:
    times = []
    for i in range(n):
        target = tmp / f"{name}-{i}.db"
        start = time.perf_counter()
        run(target)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        source = tmp / "campaign.csv"
        generate(source, rows)
        bare = best_of(3, lambda p: bare_load(source, p), tmp, "bare")
        lib = best_of(3, lambda p: sqlite_utils_load(source, p), tmp, "sqlite-utils")
        ours = best_of(3, lambda p: import_campaign_files(p, [source]), tmp, "import")
        again_target = tmp / "again.db"
        import_campaign_files(again_target, [source])
        start = time.perf_counter()
        import_campaign_files(again_target, [source])
        again = time.perf_counter() - start
    print(f"rows: {rows:,} ({len(LOCALES)} locales)")
    print(f"(a) bare csv + executemany:     {bare:7.2f} s")
    print(f"(b) sqlite-utils insert --csv:  {lib:7.2f} s")
    print(f"culturepanel import:            {ours:7.2f} s")
    print(f"culturepanel import, unchanged: {again:7.2f} s")
    print(f"ratio import / bare load:       {ours / bare:7.2f}  (target <= 2.0)")
    print(f"ratio import / sqlite-utils:    {ours / lib:7.2f}")


if __name__ == "__main__":
    main()
