"""Checks ``expansion`` and ``channel-limit``: text grown far beyond the source, or too long.

**expansion** compares the variant's length with the source's. Translations
of English are expected to be longer by a factor that shrinks with the
length of the English text — IBM's globalization guidelines, cited in W3C's
"Text size in translation": up to 10 characters 200–300 %, 11–20: 180–200 %,
21–30: 160–180 %, 31–50: 140–160 %, 51–70: 151–170 %, over 70: 130 %. Scripts
pack more per character: lengths are divided by a density measured as the
median length ratio to English of the parallel sentences in
``benchmarks/data/language_corpus.tsv`` (Chinese 0.34, Japanese 0.46, Korean
0.52, Thai 0.66, Hebrew and Arabic 0.76, Devanagari 0.78). A variant is
reported when it exceeds :data:`FAR_BEYOND` times the upper bound of the range.

**channel-limit** measures the variant as its channel does (table in
``resources/channel_limits.toml``): characters, double-width characters as
two, X's weighted count, or SMS segments (:mod:`culturepanel.checks.sms`).
A channel can hold texts with different limits (a push notification's title
and body, an e-mail's subject and preheader): the last segment of the
variant's key names the part, and ``<channel>-<part>`` is used when the table
has it (``push`` + ``push.title`` → ``push-title``), else ``<channel>``
itself (:func:`limit_for`).
"""

from __future__ import annotations

import tomllib
import unicodedata
from collections.abc import Callable, Mapping
from functools import lru_cache
from importlib import resources

from culturepanel.checks.model import ChannelLimit, CheckContext, CheckInput, Finding
from culturepanel.checks.registry import Check, register
from culturepanel.checks.sms import segments_as_gsm7, sms_info
from culturepanel.checks.textutil import URL_RE
from culturepanel.checks.unicode_scripts import count_scripts
from culturepanel.i18n import N_, _, ngettext

#: Reported when the variant is longer than this times the expected upper bound.
FAR_BEYOND = 1.5
#: ... and longer than the source's expected length by at least this many characters.
MIN_EXCESS = 8

# (source length up to, expected upper ratio)
_IBM = ((10, 3.0), (20, 2.0), (30, 1.8), (50, 1.6), (70, 1.7), (10**9, 1.3))
_DENSITY = {
    "Hani": 0.34,
    "Hira": 0.46,
    "Kana": 0.46,
    "Hang": 0.52,
    "Thai": 0.66,
    "Hebr": 0.76,
    "Arab": 0.76,
    "Deva": 0.78,
}
_X_SINGLE = ((0x0000, 0x10FF), (0x2000, 0x200D), (0x2010, 0x201F), (0x2032, 0x2037))
_X_URL = 23


@lru_cache(maxsize=1)
def load_channel_limits() -> dict[str, ChannelLimit]:
    """The channel limits shipped in ``resources/channel_limits.toml``."""
    raw = tomllib.loads(
        (resources.files("culturepanel.resources") / "channel_limits.toml").read_text("utf-8")
    )
    return {key: ChannelLimit(id=key, **value) for key, value in raw.items()}


def key_part(key: str) -> str:
    """The part of a text that the last segment of its key names: ``push.title`` → ``title``."""
    return key.rsplit(".", 1)[-1].strip().lower().replace("_", "-").replace(" ", "-")


def limit_for(item: CheckInput, limits: Mapping[str, ChannelLimit]) -> ChannelLimit | None:
    """The limit that applies to the variant: ``<channel>-<key part>``, else ``<channel>``.

    A key part that already starts with the channel names the table itself
    (``promo.push_title`` under ``push`` → ``push-title``).
    """
    if not item.channel:
        return None
    channel = item.channel.strip()
    part = key_part(item.key)
    for name in (f"{channel}-{part}", part if part.startswith(f"{channel}-") else ""):
        if part and name in limits:
            return limits[name]
    return limits.get(channel)


def display_length(text: str) -> int:
    """User-perceived characters: combining marks, joiners and selectors not counted."""
    return sum(
        1
        for ch in text
        if unicodedata.category(ch) not in ("Mn", "Me", "Cf") and ord(ch) not in (0xFE0E, 0xFE0F)
    )


def wide2_length(text: str) -> int:
    """Length where East Asian wide and full-width characters count two."""
    return display_length(text) + sum(
        1 for ch in text if unicodedata.east_asian_width(ch) in ("W", "F")
    )


def x_length(text: str) -> int:
    """X/Twitter weighted length (twitter-text v3: URL 23, most above U+10FF count 2)."""
    n = _X_URL * len(URL_RE.findall(text))
    rest = URL_RE.sub("", text)
    for ch in rest:
        if ord(ch) in (0xFE0E, 0xFE0F, 0x200D) or 0x1F3FB <= ord(ch) <= 0x1F3FF:
            continue  # parts of an emoji sequence; the emoji itself counts 2
        cp = ord(ch)
        n += 1 if any(a <= cp <= b for a, b in _X_SINGLE) else 2
    return n


def _density(text: str) -> float:
    counts = count_scripts(text)
    if not counts:
        return 1.0
    total = sum(counts.values())
    return sum(_DENSITY.get(sc, 1.0) * n for sc, n in counts.items()) / total


def expected_ratio(source_length: float) -> float:
    """Upper bound of the usual translated/English length ratio for a source this long."""
    for limit, ratio in _IBM:
        if source_length <= limit:
            return ratio
    return _IBM[-1][1]


@register(
    "expansion",
    category="design",
    severity="minor",
    version=1,
    description=N_("The variant is not far longer than the source."),
)
def check_expansion(item: CheckInput, context: CheckContext, check: Check) -> list[Finding]:
    if not item.source_text:
        return []
    src = display_length(item.source_text) / _density(item.source_text)
    var = display_length(item.text) / _density(item.text)
    if src == 0:
        return []
    ratio = var / src
    allowed = expected_ratio(src) * FAR_BEYOND
    if ratio <= allowed or var - src * expected_ratio(src) < MIN_EXCESS:
        return []
    return [
        check.finding(
            _("The text is {ratio:.0%} of the source's length.").format(ratio=ratio),
            _(
                "Translations of a text this long usually reach up to {usual:.0%}; "
                "beyond {allowed:.0%} the layout may break or something was added."
            ).format(usual=expected_ratio(src), allowed=allowed),
            data={"ratio": round(ratio, 3), "allowed": round(allowed, 3)},
        )
    ]


@register(
    "channel-limit",
    category="design",
    severity="major",
    version=2,
    description=N_("The variant fits its channel's length limit."),
)
def check_channel_limit(item: CheckInput, context: CheckContext, check: Check) -> list[Finding]:
    if not item.channel:
        return []
    limit = limit_for(item, context.limits())
    if limit is None:
        return [
            check.finding(
                _("No length limit is known for channel '{channel}'.").format(channel=item.channel),
                _(
                    "Add '{channel}' or '{channel}-{part}' to resources/channel_limits.toml "
                    "to have it checked."
                ).format(channel=item.channel, part=key_part(item.key)),
                inconclusive=True,
            )
        ]
    severity = "major" if limit.kind == "hard" else "minor"
    if limit.counting == "sms":
        return _sms(item, limit, severity, check)
    measures: dict[str, Callable[[str], int]] = {"wide2": wide2_length, "x": x_length}
    measure = measures.get(limit.counting, display_length)
    length = measure(item.text)
    if limit.max_chars is None or length <= limit.max_chars:
        return []
    return [
        check.finding(
            _("{length} characters: {name} allows {limit}.").format(
                length=length, name=limit.name, limit=limit.max_chars
            ),
            limit.source,
            (_offset_at(item.text, measure, limit.max_chars), len(item.text)),
            severity=severity,
            data={
                "length": length,
                "limit": limit.max_chars,
                "counting": limit.counting,
                "channel": limit.id,
            },
        )
    ]


def _offset_at(text: str, measure: Callable[[str], int], limit: int) -> int:
    """Offset of the first character past ``limit`` (so the excess can be shown)."""
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi) // 2
        if measure(text[: mid + 1]) > limit:
            hi = mid
        else:
            lo = mid + 1
    return lo


def _sms(item: CheckInput, limit: ChannelLimit, severity: str, check: Check) -> list[Finding]:
    info = sms_info(item.text)
    data = {"encoding": info.encoding, "units": info.units, "segments": info.segments}
    out = []
    if limit.max_segments and info.segments > limit.max_segments:
        out.append(
            check.finding(
                ngettext(
                    "The SMS needs {segments} part; the campaign allows {limit}.",
                    "The SMS needs {segments} parts; the campaign allows {limit}.",
                    info.segments,
                ).format(segments=info.segments, limit=limit.max_segments),
                limit.source,
                severity=severity,
                data=data,
            )
        )
    few = len(info.non_gsm) <= 3
    if (
        info.encoding == "ucs2"
        and few
        and segments_as_gsm7(item.text, info.non_gsm) < info.segments
    ):
        chars = "".join(dict.fromkeys(item.text[i] for i in info.non_gsm))
        first = info.non_gsm[0]
        out.append(
            check.finding(
                _("'{chars}' forces UCS-2 encoding and makes the SMS longer.").format(chars=chars),
                _(
                    "Without these characters the message would be sent in GSM-7, in "
                    "{gsm} part(s) instead of {ucs}."
                ).format(gsm=segments_as_gsm7(item.text, info.non_gsm), ucs=info.segments),
                (first, first + 1),
                severity="minor",
                data={**data, "chars": chars},
            )
        )
    return out
