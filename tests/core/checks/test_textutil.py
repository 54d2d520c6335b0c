"""Folding and term search."""

from __future__ import annotations

import pytest

from culturepanel.checks.textutil import find_term, fold, protected_spans


def test_fold_keeps_offsets() -> None:
    text = "Straße İstanbul Ça"
    folded, index = fold(text)
    assert folded == "strasse istanbul ca"
    assert text[index[folded.index("istanbul")]] == "İ"


def test_find_term_boundaries_by_script() -> None:
    assert find_term("Classic glass", "ass") == []
    assert find_term("セールSALE開催", "sale") == [(3, 7)]
    assert find_term("ลดราคาพิเศษ", "ราคา") == [(2, 6)]
    assert find_term("Lumio Airt", "Lumio Air", suffixes=True) == [(0, 9)]
    assert find_term("Lumio Airt", "Lumio Air") == []


def test_flags_and_zwj_sequences() -> None:
    assert find_term("🇸🇹🇼 x", "🇹🇼") == []  # ST + W..., not TW
    assert find_term("🏳️‍🌈", "🏳") == []


def test_protected_spans() -> None:
    text = "Hi {name}, see https://example.com/x. #Sale @lumio <b>now</b>"
    covered = "".join(text[s:e] + "|" for s, e in protected_spans(text))
    assert covered == "{name}|https://example.com/x|#Sale|@lumio|<b>|</b>|"


@pytest.mark.parametrize(
    ("text", "links"),
    [
        ("Shop at ternway.example/go. Reply STOP", ["ternway.example/go"]),
        ("立即選購 ternway.example/cn回T退訂", ["ternway.example/cn"]),
        ("Jetzt auf shop.lumio.de entdecken", ["shop.lumio.de"]),
        ("Mehr unter lumio.example/de?utm=sms&x=1).", ["lumio.example/de?utm=sms&x=1"]),
        ("Compra hoy.Es gratis", []),  # a missing space, not a link
        ("z.B. 1.1 kg, v2.0, S.p.A., datei.txt", []),
    ],
)
def test_links_without_scheme_are_protected(text: str, links: list[str]) -> None:
    assert [text[s:e] for s, e in protected_spans(text)] == links
