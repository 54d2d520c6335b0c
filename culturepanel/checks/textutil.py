"""Text handling shared by the checks: code tokens, folding for matching, term search.

* :data:`TOKEN_RE` finds what a translator must carry over untouched:
  placeholders of the common formats (Python/ICU ``{name}``, mustache
  ``{{x}}``, Fluent ``{ -term }`` / ``{ $var }``, printf ``%s`` ``%1$s``
  ``%(x)s``, Ruby ``%{x}``, shell ``$var`` / ``${var}``, Liquid ``{% tag %}``,
  e-mail merge tags ``*|FNAME|*`` and ``%%FirstName%%``) and HTML/XML tags.
  The idea follows translate-toolkit's ``pofilter`` checks (variables,
  printf, xmltags), written anew for marketing copy.
* :func:`fold` lowercases, removes diacritics and compatibility forms, and
  keeps a map back to the original offsets, so matches can be shown in place.
* :func:`find_term` finds a term with folding, at word boundaries where the
  script separates words with spaces and as a substring where it does not.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from culturepanel.checks.unicode_scripts import UNSPACED_SCRIPTS, script_of

# Order matters: longer / more specific forms first.
TOKEN_RE = re.compile(
    r"""
      (?P<liquid>\{%-?\s*[^{}%]*?-?%\})                        # {% if x %}
    | (?P<mustache>\{\{\{?\s*[^{}]+?\s*\}\}\}?)                # {{x}} {{{x}}}
    | (?P<named>\{\s*-?\$?[^\W\d][\w.-]*(?:\s*\([^{}]*\))?\s*\})  # {name} { -term } { $v }
    | (?P<icu>\{\s*\w+\s*,\s*(?:plural|select|selectordinal|number|date|time)\b)
    | (?P<brace>\{\d*(?::[^{}]*)?\})                            # {} {0} {0:.2f}
    | (?P<merge>\*\|[A-Z0-9_:]+\|\*|%%[A-Za-z_][\w]*%%)        # *|FNAME|* %%Name%%
    | (?P<ruby>%\{\w+\})                                        # %{name}
    | (?P<printf>%(?:\d+\$)?(?:\(\w+\))?[-+ 0\#]*(?:\d+|\*)?(?:\.\d+)?
        (?:hh|h|ll|l|L|q|j|z|t)?[diouxXeEfFgGcrsaAp@])          # %s %1$s %(x)s %.2f
    | (?P<shell>\$\{\w+\}|\$[A-Za-z_]\w*)                       # ${x} $x (not $10)
    | (?P<tag></?[A-Za-z][\w:.-]*(?:\s+[^<>]*?)?\s*/?>)         # <b> </b> <br/>
    """,
    re.VERBOSE,
)

URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"']+[^\s<>\"'.,;:!?)\]}»”’]", re.IGNORECASE)
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
HANDLE_RE = re.compile(r"(?<!\w)[#@][\w-]+")
#: A link without scheme, as SMS and print copy write them: ``brand.example/go``,
#: ``shop.brand.com``. See :func:`bare_url_spans` for when a match counts.
BARE_URL_RE = re.compile(
    r"(?<![\w@./:-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+"
    r"(?P<tld>[A-Za-z]{2,24})(?![\w@-]|\.[A-Za-z0-9])"
    r"(?P<path>/(?:[A-Za-z0-9\-._~:/?#@!$&*+,;=%]*[A-Za-z0-9\-_~/#$&*+=%])?)?"
)
# Generic top-level domains common in copy; country codes come from CLDR.
_GENERIC_TLDS = frozenset(
    {
        "com",
        "net",
        "org",
        "info",
        "biz",
        "edu",
        "gov",
        "io",
        "co",
        "app",
        "dev",
        "shop",
        "store",
        "online",
        "site",
        "page",
        "link",
        "xyz",
        "me",
        "tv",
        "ai",
        "club",
        "travel",
        "example",
        "test",
        "invalid",
        "localhost",
    }
)


def token_spans(text: str) -> list[tuple[int, int, str, str]]:
    """``(start, end, kind, token)`` for every code token in ``text``."""
    out = []
    for m in TOKEN_RE.finditer(text):
        kind = m.lastgroup or "?"
        if kind == "printf" and _printf_false_positive(text, m.start(), m.end()):
            continue
        out.append((m.start(), m.end(), kind, m.group()))
    return out


def _printf_false_positive(text: str, start: int, end: int) -> bool:
    """'20% off', '50 %d'... : a percent sign after a number is not a printf spec."""
    j = start - 1
    while j >= 0 and text[j] in " \u00a0\u202f":
        j -= 1
    if j >= 0 and text[j].isdigit():
        return True
    # "%s" must be followed by a non-letter to count: "%sale" is not a spec
    return end < len(text) and text[end].isalpha() and text[end - 1] not in "@"


@lru_cache(maxsize=1)
def _country_tlds() -> frozenset[str]:
    from babel import Locale

    codes = {c.lower() for c in Locale("en").territories if len(c) == 2 and c.isalpha()}
    return frozenset(codes | {"uk", "eu"})


def bare_url_spans(text: str) -> list[tuple[int, int]]:
    """Spans of links written without ``https://`` or ``www.``.

    A dotted name counts when a path follows (``ternway.example/go``) or when
    it ends in a known top-level domain written in lower case (``shop.lumio.de``,
    not ``hoy.Es`` where a space was forgotten after a full stop).
    """
    out = []
    for m in BARE_URL_RE.finditer(text):
        tld = m["tld"]
        if m["path"] or (tld.islower() and (tld in _GENERIC_TLDS or tld in _country_tlds())):
            out.append(m.span())
    return out


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Spans of tokens, URLs (with or without scheme), e-mail addresses, hashtags, @handles."""
    spans = [(s, e) for s, e, _k, _t in token_spans(text)]
    for rx in (URL_RE, EMAIL_RE, HANDLE_RE):
        spans.extend(m.span() for m in rx.finditer(text))
    spans.extend(bare_url_spans(text))
    return merge_spans(spans)


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted union of overlapping spans."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def blank_spans(text: str, spans: list[tuple[int, int]], fill: str = " ") -> str:
    """``text`` with each span replaced by ``fill`` characters (offsets preserved)."""
    if not spans:
        return text
    chars = list(text)
    for s, e in spans:
        for i in range(s, e):
            chars[i] = fill
    return "".join(chars)


# --- folding ---------------------------------------------------------------

_DROP = {0xFE0E, 0xFE0F}  # variation selectors: emoji match with or without them
_EXTRA = {"ı": "i", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe"}


def _is_diacritic(ch: str) -> bool:
    cp = ord(ch)
    return (
        0x0300 <= cp <= 0x036F  # combining diacritical marks (Latin, Greek, Cyrillic)
        or 0x0591 <= cp <= 0x05C7  # Hebrew points and cantillation
        or 0x064B <= cp <= 0x065F  # Arabic harakat
        or cp == 0x0670
        or 0x1AB0 <= cp <= 0x1AFF
        or 0x1DC0 <= cp <= 0x1DFF
    )


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ord(ch) in _DROP:
        return ""
    out = []
    for c in unicodedata.normalize("NFKD", ch.casefold()):
        if _is_diacritic(c):
            continue
        out.append(_EXTRA.get(c, c))
    return "".join(out)


def fold(text: str) -> tuple[str, list[int]]:
    """Case- and diacritic-folded ``text`` and, per folded character, its original offset."""
    parts: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        f = _fold_char(ch) if ord(ch) > 0x7F else ch.lower()
        parts.append(f)
        index.extend([i] * len(f))
    return "".join(parts), index


def fold_term(term: str) -> str:
    """Folded form of a search term."""
    return fold(term)[0]


def is_word_char(ch: str) -> bool:
    """A character that continues a word in a script separated by spaces."""
    if ch.isdigit() or ch == "_":
        return True
    sc = script_of(ch)
    return sc is not None and sc not in UNSPACED_SCRIPTS


def is_unspaced(term: str) -> bool:
    """True if the term is written in a script without spaces between words."""
    return any(script_of(c) in UNSPACED_SCRIPTS for c in term)


def find_term(
    text: str,
    term: str,
    *,
    folded: tuple[str, list[int]] | None = None,
    suffixes: bool = False,
) -> list[tuple[int, int]]:
    """Spans in ``text`` where ``term`` occurs, ignoring case and diacritics.

    Word boundaries apply at the ends of the term that are letters of a
    script written with spaces; terms in Chinese, Japanese, Thai etc. and
    emoji match as substrings. An emoji does not match inside a longer
    ZWJ sequence (🏳 is not found in 🏳️‍🌈). With ``suffixes`` the term may
    be followed by more letters (inflection: ``Lumio Airt``, ``Kundenkarten``);
    the span then covers the term only.
    """
    ft = fold_term(term)
    if not ft:
        return []
    ftext, index = folded or fold(text)
    spans = []
    start = 0
    check_left = is_word_char(ft[0])
    check_right = is_word_char(ft[-1]) and not suffixes
    while True:
        p = ftext.find(ft, start)
        if p < 0:
            break
        q = p + len(ft)
        start = p + 1
        if check_left and p > 0 and is_word_char(ftext[p - 1]) and not _proclitic(ftext, p, ft):
            continue
        if check_right and q < len(ftext) and is_word_char(ftext[q]):
            continue
        if not ft[0].isalnum() and (
            (p > 0 and ftext[p - 1] == "\u200d") or (q < len(ftext) and ftext[q] == "\u200d")
        ):
            continue
        if _is_regional(ft[0]) and _regional_run_offset(ftext, p) % 2:
            continue
        s = index[p]
        e = index[q - 1] + 1
        while e < len(text) and ord(text[e]) in _DROP:
            e += 1
        spans.append((s, e))
    return spans


# Prefixes written together with the next word: Arabic article and conjunctions
# (الـ، و، ف، ب، ل، ك), Hebrew one-letter prefixes (ה ו ב ל מ ש כ and combinations).
_PROCLITICS = {
    "Arab": frozenset(
        {"ال", "و", "ف", "ب", "ل", "ك", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل", "وب", "ول"}
    ),
    "Hebr": frozenset(
        {
            "ה",
            "ו",
            "ב",
            "ל",
            "מ",
            "ש",
            "כ",
            "וה",
            "וב",
            "ול",
            "ומ",
            "וש",
            "שה",
            "שב",
            "של",
            "מה",
            "כש",
            "וכש",
            "ושה",
            "שמ",
        }
    ),
}


def _proclitic(ftext: str, p: int, term: str) -> bool:
    """True if the letters before ``p`` form a prefix that attaches to ``term``."""
    prefixes = _PROCLITICS.get(script_of(term[0]) or "")
    if not prefixes:
        return False
    q = p
    while q > 0 and is_word_char(ftext[q - 1]):
        q -= 1
    return ftext[q:p] in prefixes


def _is_regional(ch: str) -> bool:
    return 0x1F1E6 <= ord(ch) <= 0x1F1FF


def _regional_run_offset(text: str, p: int) -> int:
    n = 0
    while p - n - 1 >= 0 and _is_regional(text[p - n - 1]):
        n += 1
    return n


def is_emoji(ch: str) -> bool:
    """Pictographs, emoji symbols, regional indicators and their modifiers."""
    cp = ord(ch)
    return (
        0x1F000 <= cp <= 0x1FAFF
        or 0x2600 <= cp <= 0x27BF
        or 0x2B00 <= cp <= 0x2BFF
        or cp in (0x200D, 0xFE0F, 0x20E3, 0x2122, 0x00A9, 0x00AE)
        or 0xE0020 <= cp <= 0xE007F
    )


def normalize_space(text: str) -> str:
    """Collapse runs of white space (including no-break spaces) to one space."""
    return " ".join(text.split())
