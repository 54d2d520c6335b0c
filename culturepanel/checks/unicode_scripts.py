"""Which writing system each letter belongs to, and which ones a locale writes in.

Python's :mod:`unicodedata` has no Script property, so this module carries a
compact table of the Unicode blocks of the scripts that matter for marketing
copy (ISO 15924 codes). Only letters and combining marks are classified;
digits, punctuation, symbols and emoji have no script here (``None``).
"""

from __future__ import annotations

import bisect
import unicodedata
from collections import Counter
from functools import lru_cache

from culturepanel.locales import parse_locale

# (first, last, script) — sorted, non-overlapping; from the Unicode Blocks file.
_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0041, 0x024F, "Latn"),
    (0x0250, 0x02AF, "Latn"),
    (0x0370, 0x03FF, "Grek"),
    (0x0400, 0x052F, "Cyrl"),
    (0x0530, 0x058F, "Armn"),
    (0x0590, 0x05FF, "Hebr"),
    (0x0600, 0x06FF, "Arab"),
    (0x0700, 0x074F, "Syrc"),
    (0x0750, 0x077F, "Arab"),
    (0x0780, 0x07BF, "Thaa"),
    (0x08A0, 0x08FF, "Arab"),
    (0x0900, 0x097F, "Deva"),
    (0x0980, 0x09FF, "Beng"),
    (0x0A00, 0x0A7F, "Guru"),
    (0x0A80, 0x0AFF, "Gujr"),
    (0x0B00, 0x0B7F, "Orya"),
    (0x0B80, 0x0BFF, "Taml"),
    (0x0C00, 0x0C7F, "Telu"),
    (0x0C80, 0x0CFF, "Knda"),
    (0x0D00, 0x0D7F, "Mlym"),
    (0x0D80, 0x0DFF, "Sinh"),
    (0x0E00, 0x0E7F, "Thai"),
    (0x0E80, 0x0EFF, "Laoo"),
    (0x0F00, 0x0FFF, "Tibt"),
    (0x1000, 0x109F, "Mymr"),
    (0x10A0, 0x10FF, "Geor"),
    (0x1100, 0x11FF, "Hang"),
    (0x1200, 0x139F, "Ethi"),
    (0x1780, 0x17FF, "Khmr"),
    (0x1800, 0x18AF, "Mong"),
    (0x1C80, 0x1C8F, "Cyrl"),
    (0x1C90, 0x1CBF, "Geor"),
    (0x1E00, 0x1EFF, "Latn"),
    (0x1F00, 0x1FFF, "Grek"),
    (0x2C60, 0x2C7F, "Latn"),
    (0x2D00, 0x2D2F, "Geor"),
    (0x2DE0, 0x2DFF, "Cyrl"),
    (0x2E80, 0x2FDF, "Hani"),
    (0x3005, 0x3007, "Hani"),
    (0x3021, 0x3029, "Hani"),
    (0x3038, 0x303B, "Hani"),
    (0x3041, 0x309F, "Hira"),
    (0x30A0, 0x30FF, "Kana"),
    (0x3100, 0x312F, "Bopo"),
    (0x3130, 0x318F, "Hang"),
    (0x31A0, 0x31BF, "Bopo"),
    (0x31F0, 0x31FF, "Kana"),
    (0x3400, 0x4DBF, "Hani"),
    (0x4E00, 0x9FFF, "Hani"),
    (0xA640, 0xA69F, "Cyrl"),
    (0xA720, 0xA7FF, "Latn"),
    (0xA960, 0xA97F, "Hang"),
    (0xAB30, 0xAB6F, "Latn"),
    (0xAC00, 0xD7FF, "Hang"),
    (0xF900, 0xFAFF, "Hani"),
    (0xFB00, 0xFB06, "Latn"),
    (0xFB1D, 0xFB4F, "Hebr"),
    (0xFB50, 0xFDFF, "Arab"),
    (0xFE70, 0xFEFF, "Arab"),
    (0xFF21, 0xFF3A, "Latn"),
    (0xFF41, 0xFF5A, "Latn"),
    (0xFF66, 0xFF9F, "Kana"),
    (0xFFA0, 0xFFDC, "Hang"),
    (0x1B000, 0x1B16F, "Kana"),
    (0x20000, 0x3134F, "Hani"),
)
_STARTS = [r[0] for r in _RANGES]

#: Scripts written without spaces between words (substring matching, no \b).
UNSPACED_SCRIPTS = frozenset({"Hani", "Hira", "Kana", "Thai", "Laoo", "Khmr", "Mymr", "Tibt"})

#: Scripts with a 'character = syllable or word' density: weight in letter counts.
_WEIGHT = {"Hani": 3.0, "Hira": 1.5, "Kana": 1.5, "Hang": 2.5, "Bopo": 1.0}

#: Names to show for script codes (English; the UI may translate through Babel).
SCRIPT_NAMES = {
    "Latn": "Latin",
    "Grek": "Greek",
    "Cyrl": "Cyrillic",
    "Armn": "Armenian",
    "Hebr": "Hebrew",
    "Arab": "Arabic",
    "Deva": "Devanagari",
    "Beng": "Bengali",
    "Guru": "Gurmukhi",
    "Gujr": "Gujarati",
    "Orya": "Odia",
    "Taml": "Tamil",
    "Telu": "Telugu",
    "Knda": "Kannada",
    "Mlym": "Malayalam",
    "Sinh": "Sinhala",
    "Thai": "Thai",
    "Laoo": "Lao",
    "Tibt": "Tibetan",
    "Mymr": "Myanmar",
    "Geor": "Georgian",
    "Hang": "Hangul",
    "Ethi": "Ethiopic",
    "Khmr": "Khmer",
    "Mong": "Mongolian",
    "Hani": "Han",
    "Hira": "Hiragana",
    "Kana": "Katakana",
    "Bopo": "Bopomofo",
    "Syrc": "Syriac",
    "Thaa": "Thaana",
}

# Composite ISO 15924 codes used in locale tags.
_COMPOSITE = {
    "Jpan": frozenset({"Hani", "Hira", "Kana"}),
    "Kore": frozenset({"Hang", "Hani"}),
    "Hans": frozenset({"Hani"}),
    "Hant": frozenset({"Hani", "Bopo"}),
}


@lru_cache(maxsize=8192)
def script_of(ch: str) -> str | None:
    """ISO 15924 code of a letter or combining mark, ``None`` for anything else."""
    cat = unicodedata.category(ch)
    if cat[0] not in "LM":
        return None
    cp = ord(ch)
    if 0x0300 <= cp <= 0x036F or cp in (0x200C, 0x200D):
        return None  # inherited: combining diacritics take the script of their base
    i = bisect.bisect_right(_STARTS, cp) - 1
    if i >= 0 and cp <= _RANGES[i][1]:
        return _RANGES[i][2]
    return None


def script_name(code: str) -> str:
    """English name of a script code (``Cyrl`` → ``Cyrillic``)."""
    return SCRIPT_NAMES.get(code, code)


def count_scripts(text: str) -> Counter[str]:
    """Number of letters per script."""
    counts: Counter[str] = Counter()
    for ch in text:
        sc = script_of(ch)
        if sc:
            counts[sc] += 1
    return counts


def weighted_letters(counts: Counter[str], scripts: frozenset[str] | None = None) -> float:
    """Letter count where a Han character or a Hangul syllable weighs as several letters."""
    return sum(n * _WEIGHT.get(sc, 1.0) for sc, n in counts.items() if not scripts or sc in scripts)


def script_runs(text: str) -> list[tuple[int, int, str]]:
    """Maximal runs ``(start, end, script)`` of letters of one script.

    Combining marks and joiners continue the run they follow.
    """
    runs: list[tuple[int, int, str]] = []
    cur: str | None = None
    start = 0
    for i, ch in enumerate(text):
        sc = script_of(ch)
        if sc is None and cur is not None and unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        if sc != cur:
            if cur is not None:
                runs.append((start, i, cur))
            cur, start = sc, i
    if cur is not None:
        runs.append((start, len(text), cur))
    return runs


@lru_cache(maxsize=512)
def locale_scripts(tag: str) -> frozenset[str]:
    """Scripts a locale is written in (``ja`` → Han, Hiragana, Katakana).

    Unknown locales give an empty set.
    """
    try:
        info = parse_locale(tag)
    except ValueError:
        return frozenset()
    code = info.script or "Latn"
    return _COMPOSITE.get(code, frozenset({code}))


def locale_script_code(tag: str) -> str | None:
    """The locale's ISO 15924 code as CLDR has it (``Jpan``, ``Hant``, ``Cyrl``)."""
    try:
        return parse_locale(tag).script
    except ValueError:
        return None
