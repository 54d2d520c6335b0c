"""Speed of the checks engine: variants per second, whole engine and language check alone.

Builds 10,000 variants in the 30 locales of ``data/language_corpus.tsv``,
each with its English source (the corpus is parallel), a glossary, a few
sensitive terms and a channel for some; one in ten carries a typical fault
(copy left in English, a lost placeholder, a US price or date). Then times
:func:`culturepanel.checks.run_checks` over all of them, and the language
check alone (``only={"language"}``), in this process, after a warm-up that
loads langdetect's profiles and CLDR data.

Run: ``python benchmarks/bench_checks.py [--count N]``.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

from culturepanel.checks import (
    CheckContext,
    CheckInput,
    GlossaryTerm,
    SensitiveTerm,
    cache_key,
    run_checks,
)

DATA = Path(__file__).parent / "data" / "language_corpus.tsv"
CHANNELS = (None, None, None, "sms", "push-body", "x-post", "email-subject")


def corpus() -> dict[str, list[str]]:
    by_locale: dict[str, list[str]] = {}
    for line in DATA.read_text(encoding="utf-8").splitlines():
        locale, text = line.split("\t", 1)
        by_locale.setdefault(locale, []).append(text)
    return by_locale


def variants(count: int, seed: int = 7) -> list[CheckInput]:
    rng = random.Random(seed)
    by_locale = corpus()
    english = by_locale["en"]
    locales = sorted(loc for loc in by_locale if loc != "en")
    out = []
    for n in range(count):
        locale = locales[n % len(locales)]
        i = rng.randrange(len(english))
        source, text = english[i], by_locale[locale][i]
        if n % 3 == 0:
            source, text = "{first_name}, " + source, "{first_name}, " + text
        fault = n % 10
        if fault == 1:
            text = source  # left in English
        elif fault == 2:
            text = text.replace("{first_name}, ", "")
        elif fault == 3:
            source, text = (
                source + " Only $1,000.50 until 03/04/2027.",
                text + " $1,000.50 03/04/2027",
            )
        out.append(
            CheckInput(
                key=f"k{n}",
                locale=locale,
                text=text,
                source_text=source,
                channel=CHANNELS[n % len(CHANNELS)],
            )
        )
    return out


CONTEXT = CheckContext(
    glossary=[GlossaryTerm("Lumio Air"), GlossaryTerm("Lumio")],
    sensitive_terms=[
        SensitiveTerm("🐷", "pig imagery", markets=("SA", "AE", "EG")),
        SensitiveTerm("四", "sounds like 'death'", locales=("ja", "zh")),
        SensitiveTerm("Black Friday", "avoid in markets without the custom", markets=("IN",)),
    ],
)


def timed(items: list[CheckInput], only: set[str] | None) -> tuple[float, Counter[str]]:
    found: Counter[str] = Counter()
    start = time.perf_counter()
    for item in items:
        for f in run_checks(item, CONTEXT, only):
            found[f.check if not f.inconclusive else f.check + " (inconclusive)"] += 1
    return time.perf_counter() - start, found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    args = parser.parse_args(argv)
    items = variants(args.count)
    timed(items[:60], None)  # warm-up: profiles, CLDR, regexes
    start = time.perf_counter()
    for item in items:
        cache_key(item, CONTEXT)
    keys = time.perf_counter() - start
    whole, found = timed(items, None)
    lang, _found = timed(items, {"language"})
    n = len(items)
    print(f"{n} variants in {len({i.locale for i in items})} locales")
    print(f"whole engine   : {n / whole:8.0f} variants/s  ({whole:.1f} s)")
    print(f"language alone : {n / lang:8.0f} variants/s  ({lang:.1f} s)")
    print(f"cache_key      : {n / keys:8.0f} variants/s")
    print("findings:", ", ".join(f"{k} {v}" for k, v in sorted(found.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
