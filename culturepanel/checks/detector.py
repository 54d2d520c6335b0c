"""Deterministic language identification with langdetect, one script at a time.

langdetect samples n-grams at random; its ``Detector`` reseeds its own
``random.Random`` from ``factory.seed`` at the start of every detection, so
with a fixed seed each call is reproducible on its own, whatever ran before,
in any process (``random.seed`` of an int does not depend on hash
randomization). This module does not touch langdetect's global factory: it
builds private factories with ``seed = 0``, each holding only the profiles of
languages written in one script (Latin, Cyrillic, Arabic). That is faster
(shorter probability vectors) and keeps a Latin text from being called
Korean. Profiles load once, in sorted order, so the arithmetic is the same
on every machine.
"""

from __future__ import annotations

import json
import math
import threading
from collections.abc import Mapping
from functools import cache
from importlib import resources

from langdetect.detector_factory import DetectorFactory
from langdetect.lang_detect_exception import LangDetectException

SEED = 0

#: langdetect profile codes per script (profiles 'zh-cn', 'zh-tw', 'ja', 'ko',
#: and single-script languages are decided by script, not by langdetect).
SCRIPT_LANGUAGES: dict[str, tuple[str, ...]] = {
    "Latn": (
        "af",
        "ca",
        "cs",
        "cy",
        "da",
        "de",
        "en",
        "es",
        "et",
        "fi",
        "fr",
        "hr",
        "hu",
        "id",
        "it",
        "lt",
        "lv",
        "nl",
        "no",
        "pl",
        "pt",
        "ro",
        "sk",
        "sl",
        "so",
        "sq",
        "sv",
        "sw",
        "tl",
        "tr",
        "vi",
    ),
    "Cyrl": ("bg", "mk", "ru", "uk"),
    "Arab": ("ar", "fa", "ur"),
}

_lock = threading.Lock()


def _profile_texts(codes: tuple[str, ...]) -> list[str]:
    folder = resources.files("langdetect") / "profiles"
    return [(folder / code).read_text(encoding="utf-8") for code in sorted(codes)]


@cache
def _factory(script: str) -> DetectorFactory:
    with _lock:
        factory = DetectorFactory()
        factory.load_json_profile(_profile_texts(SCRIPT_LANGUAGES[script]))
        factory.set_seed(SEED)
        return factory


def languages(script: str) -> tuple[str, ...]:
    """Profile codes langdetect can tell apart within ``script``."""
    return SCRIPT_LANGUAGES.get(script, ())


def detect(text: str, script: str, prior: Mapping[str, float] | None = None) -> dict[str, float]:
    """Probability of each language of ``script`` for ``text`` (empty if no features).

    ``prior`` weights languages before seeing the text (unnormalized; a
    language not named keeps weight 1). Same input, same output.
    """
    factory = _factory(script)
    detector = factory.create()
    detector.set_max_text_length(2000)
    if prior:
        detector.set_prior_map({lang: prior.get(lang, 1.0) for lang in factory.langlist})
    detector.append(text)
    try:
        detector.get_probabilities()
    except LangDetectException:
        return {}
    probs = detector.langprob or []
    return {lang: p for lang, p in zip(factory.langlist, probs, strict=True) if p > 1e-6}


def log_likelihoods(text: str, script: str) -> dict[str, float]:
    """Log-likelihood of ``text`` under each language of ``script``, every n-gram counted once.

    :func:`detect` samples n-grams at random and stops as soon as one language
    passes 0.99999, which on a short text can happen after a handful of
    n-grams: its probabilities are then a vote of 7 trials, not a measure of
    the evidence. This sums, over every 1-3-gram of the text that a profile
    knows, ``log(p(n-gram | language) + alpha / 10000)`` with langdetect's
    own smoothing (alpha 0.5): the plain naive-Bayes evidence, with no
    sampling. Empty if the text has no known n-gram.
    """
    factory = _factory(script)
    detector = factory.create()
    detector.set_max_text_length(2000)
    detector.append(text)
    detector.cleaning_text()
    grams = detector._extract_ngrams()  # langdetect's own n-gram extraction
    if not grams:
        return {}
    weight = detector.ALPHA_DEFAULT / detector.BASE_FREQ
    totals = [0.0] * len(factory.langlist)
    for gram in grams:
        probs = factory.word_lang_prob_map[gram]
        for i, p in enumerate(probs):
            totals[i] += math.log(weight + p)
    return dict(zip(factory.langlist, totals, strict=True))


def profile_json(code: str) -> dict[str, object]:
    """The raw langdetect profile of ``code`` (for tests and tools)."""
    return dict(json.loads(_profile_texts((code,))[0]))
