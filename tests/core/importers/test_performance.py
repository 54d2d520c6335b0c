"""A large campaign file parses in a few seconds (caches for locales, dates and assets)."""

from __future__ import annotations

import csv
import time
from pathlib import Path

from .conftest import PNG, read

LOCALES = [
    *("de", "fr-FR", "pt_BR", "es-419", "zh-Hant-TW", "ja", "ko", "ar", "he", "ru"),
    *("it", "nl", "sv", "pl", "tr", "hi", "th", "vi", "id", "ms"),
    *("en-GB", "en-US", "fr-CA", "es-ES", "pt-PT", "da", "fi", "nb", "cs", "el"),
]
HEADER = [
    *("key", "locale", "text", "source_text", "campaign", "channel", "market"),
    *("launch_start", "launch_end", "asset", "notes"),
]
ROWS = 100_000


def write_big_csv(path: Path) -> None:
    (path.parent / "hero.png").write_bytes(PNG)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for i in range(ROWS):
            key, locale = f"key.{i // len(LOCALES)}", LOCALES[i % len(LOCALES)]
            asset = "hero.png" if i % 7 == 0 else ""
            text = f"Text {i},\nsecond line"
            source = f"Source {key}"
            dates = ("2027-04-01", "2027-04-30")
            writer.writerow(
                [key, locale, text, source, "Spring 2027", "web", "", *dates, asset, "note"]
            )


def test_100k_row_long_csv_with_30_locales(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    write_big_csv(path)
    calls: list[tuple[int, int]] = []
    started = time.perf_counter()
    parsed = read(path, progress=lambda done, total: calls.append((done, total)))
    elapsed = time.perf_counter() - started
    assert parsed.ok, parsed.problems[:3]
    assert len(parsed.variants) == ROWS
    assert len({v.locale for v in parsed.variants}) == 30
    assert calls[-1] == (ROWS, ROWS) and len(calls) == ROWS // 1000
    assert elapsed < 15, f"{elapsed:.1f} s"  # about 1.5 s on a developer laptop
