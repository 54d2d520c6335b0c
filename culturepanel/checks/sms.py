"""SMS encoding and segment count (3GPP TS 23.038 and TS 23.040).

A text that fits the GSM 7-bit default alphabet is sent as septets: 160 in a
single message, 153 per part of a concatenated one (the user data header
takes the rest); characters of the extension table (``€ [ ] { } ^ ~ | \\``
and form feed) take two septets, and an escape pair is never split between
parts. Any other character forces UCS-2 for the whole message: 70 UTF-16
units in one message, 67 per part, and a surrogate pair (most emoji) is
never split.
"""

from __future__ import annotations

from dataclasses import dataclass

GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENSION = frozenset("\f^{}\\[~]|€")

SINGLE = {"gsm7": 160, "ucs2": 70}
PART = {"gsm7": 153, "ucs2": 67}


@dataclass(frozen=True)
class SmsInfo:
    """How a text travels as SMS."""

    encoding: str  # "gsm7" or "ucs2"
    units: int  # septets (gsm7) or UTF-16 code units (ucs2)
    segments: int
    non_gsm: tuple[int, ...]  # offsets of the characters that force UCS-2


def _unit_sizes(text: str, encoding: str) -> list[int]:
    if encoding == "gsm7":
        return [2 if ch in GSM7_EXTENSION else 1 for ch in text]
    return [2 if ord(ch) > 0xFFFF else 1 for ch in text]


def _segments(sizes: list[int], encoding: str) -> int:
    total = sum(sizes)
    if total == 0:
        return 0
    if total <= SINGLE[encoding]:
        return 1
    parts, used = 1, 0
    for size in sizes:  # an escape pair or surrogate pair never straddles two parts
        if used + size > PART[encoding]:
            parts += 1
            used = 0
        used += size
    return parts


def sms_info(text: str) -> SmsInfo:
    """Encoding, length in units and number of segments of ``text`` as an SMS."""
    non_gsm = tuple(
        i for i, ch in enumerate(text) if ch not in GSM7_BASIC and ch not in GSM7_EXTENSION
    )
    encoding = "ucs2" if non_gsm else "gsm7"
    sizes = _unit_sizes(text, encoding)
    return SmsInfo(encoding, sum(sizes), _segments(sizes, encoding), non_gsm)


def segments_as_gsm7(text: str, skip: tuple[int, ...]) -> int:
    """Segments if the characters at offsets ``skip`` were replaced by GSM-7 ones."""
    drop = set(skip)
    sizes = [1 if i in drop else (2 if ch in GSM7_EXTENSION else 1) for i, ch in enumerate(text)]
    return _segments(sizes, "gsm7")
