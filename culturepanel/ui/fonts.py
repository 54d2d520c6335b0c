"""Fonts and text direction that show each locale's script properly.

Han characters differ between Japanese, Simplified and Traditional Chinese and
Korean fonts, so each locale gets the matching Noto CJK family when installed;
Arabic, Hebrew, Devanagari and Thai get a family that covers their script.
Qt's own fallback is used when none of the preferred families is installed.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase

from culturepanel.locales import parse_locale

_FAMILIES = {
    "Jpan": ("Noto Sans CJK JP", "Noto Sans JP", "IPAGothic"),
    "Hans": ("Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Zen Hei"),
    "Hant": ("Noto Sans CJK TC", "Noto Sans TC", "Noto Sans CJK HK"),
    "Kore": ("Noto Sans CJK KR", "Noto Sans KR"),
    "Arab": ("Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans"),
    "Hebr": ("Noto Sans Hebrew", "DejaVu Sans"),
    "Deva": ("Noto Sans Devanagari", "Lohit Devanagari"),
    "Thai": ("Noto Sans Thai", "Noto Looped Thai"),
}


@lru_cache(maxsize=1)
def _installed() -> frozenset[str]:
    return frozenset(QFontDatabase.families())


def font_for_locale(tag: str, base: QFont, scale: float = 1.0) -> QFont:
    """A copy of ``base`` with a family that shows the locale's script."""
    font = QFont(base)
    try:
        script = parse_locale(tag).script
    except ValueError:
        script = None
    for family in _FAMILIES.get(script or "", ()):
        if family in _installed():
            font.setFamilies([family, *base.families()])
            break
    if scale != 1.0 and font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * scale)
    return font


def direction_for_locale(tag: str) -> Qt.LayoutDirection:
    try:
        rtl = parse_locale(tag).rtl
    except ValueError:
        rtl = False
    return Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
