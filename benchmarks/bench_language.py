"""Quality of the ``language`` check on real translations, against a naive baseline.

Corpus: ``benchmarks/data/language_corpus.tsv`` (``locale<TAB>text``), natural
marketing copy in 30 locales, and ``language_holdout.tsv``, written after the
check was tuned and never used to tune it. Positives are the sentences under
their own locale; negatives are every sentence filed under every other locale,
except pairs of one language group the check is meant to accept (da/nb, cs/sk;
zh-Hans under zh-Hant *is* a negative: wrong standard).

Figures (per corpus):

* false-flag rate: mismatches among positives long enough to judge;
* catch rate: mismatches among negatives long enough to judge (an uncertain
  verdict counts as a miss);
* inconclusive: texts too short to judge, counted apart.

The naive baseline flags a text when langdetect's top guess (global
detector, seed 0, raw text) is not the locale's language.

Run: ``python benchmarks/bench_language.py [--verbose]``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from langdetect import DetectorFactory, detect_langs
from langdetect.lang_detect_exception import LangDetectException

from culturepanel.checks.language import judge

DATA = Path(__file__).parent / "data"
GLOSSARY_KEEP = ("Lumio Air", "Lumio", "Nordvik", "Solena")
SAME_GROUP = [{"da", "nb"}, {"cs", "sk"}, {"nl", "af"}, {"id", "ms"}, {"hr", "sr", "bs"}]
NAIVE_CODE = {"nb": "no", "zh-Hans": "zh-cn", "zh-Hant": "zh-tw", "pt-BR": "pt"}


def load(path: Path) -> list[tuple[str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            locale, text = line.split("\t", 1)
            rows.append((locale, text))
    return rows


def related(a: str, b: str) -> bool:
    la, lb = a.split("-")[0], b.split("-")[0]
    if la == lb and la != "zh":
        return True
    return any(la in g and lb in g for g in SAME_GROUP)


def naive_flags(text: str, locale: str) -> bool:
    expected = NAIVE_CODE.get(locale, locale.split("-")[0])
    try:
        return detect_langs(text)[0].lang != expected
    except LangDetectException:
        return False


def evaluate(rows: list[tuple[str, str]], verbose: bool) -> dict[str, Any]:
    locales = sorted({loc for loc, _t in rows})
    pos = Counter[str]()
    neg = Counter[str]()
    naive = Counter[str]()
    missed: Counter[tuple[str, str]] = Counter()
    start = time.perf_counter()
    calls = 0
    for own, text in rows:
        v = judge(text, own, GLOSSARY_KEEP)
        calls += 1
        pos[v.status if v.why != "short" else "short"] += 1
        naive["pos"] += 1
        naive["pos_flag"] += naive_flags(text, own)
        if verbose and v.status == "mismatch":
            print(f"FALSE FLAG {own}: {v.detected} {v.scores} {text}")
        for other in locales:
            if other == own or related(own, other):
                continue
            v = judge(text, other, GLOSSARY_KEEP)
            calls += 1
            neg[v.status if v.why != "short" else "short"] += 1
            naive["neg"] += 1
            naive["neg_flag"] += naive_flags(text, other)
            if v.status != "mismatch" and v.why != "short":
                missed[(own, other)] += 1
                if verbose:
                    print(f"MISSED {own} as {other}: {v.status} {v.scores} {text}")
    elapsed = time.perf_counter() - start
    judged_pos = pos["match"] + pos["mismatch"] + pos["inconclusive"]
    judged_neg = neg["match"] + neg["mismatch"] + neg["inconclusive"]
    return {
        "locales": len(locales),
        "positives": sum(pos.values()),
        "negatives": sum(neg.values()),
        "false_flag": pos["mismatch"] / judged_pos if judged_pos else 0.0,
        "pos_uncertain": pos["inconclusive"],
        "pos_short": pos["short"],
        "catch": neg["mismatch"] / judged_neg if judged_neg else 0.0,
        "neg_short": neg["short"],
        "naive_false_flag": naive["pos_flag"] / naive["pos"],
        "naive_catch": naive["neg_flag"] / naive["neg"],
        "worst_missed": missed.most_common(5),
        "per_second": calls / elapsed,
    }


def report(name: str, r: dict[str, Any]) -> None:
    print(f"== {name}: {r['locales']} locales, {r['positives']} real translations, "
          f"{r['negatives']} wrong-language texts")  # fmt: skip
    print(f"  language check : false flags {r['false_flag']:.2%}   catch {r['catch']:.2%}")
    print(f"  naive top guess: false flags {r['naive_false_flag']:.2%}   "
          f"catch {r['naive_catch']:.2%}")  # fmt: skip
    print(f"  inconclusive (too short): {r['pos_short']} positives, {r['neg_short']} negatives;"
          f" uncertain positives: {r['pos_uncertain']}")  # fmt: skip
    print(f"  most missed pairs (text's locale, filed under): {r['worst_missed']}")
    print(f"  speed: {r['per_second']:.0f} texts/s (check and baseline together)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list every error")
    args = parser.parse_args(argv)
    DetectorFactory.seed = 0
    ok = True
    for name in ("language_corpus.tsv", "language_holdout.tsv"):
        path = DATA / name
        if not path.exists():
            continue
        r = evaluate(load(path), args.verbose)
        report(name, r)
        ok = ok and r["false_flag"] <= 0.01 and r["catch"] >= 0.99
    print("targets (false flags <= 1 %, catch >= 99 %):", "met" if ok else "NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
