"""The untranslated check."""

from __future__ import annotations

import pytest

from culturepanel.checks import CheckContext, GlossaryTerm

from .helpers import run

SOURCE = "Free shipping on every order this weekend."


@pytest.mark.parametrize(
    "locale", ["de-DE", "ru-RU", "el-GR", "ar-SA", "he-IL", "hi-IN", "th-TH", "ja-JP"]
)
def test_copy_left_in_source_language_is_flagged(locale: str) -> None:
    (f,) = run(
        "untranslated", locale, " free shipping on every  order this weekend. ", source_text=SOURCE
    )
    assert f.severity == "major" and f.data["identical"]


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("de-DE", "Kostenloser Versand für alle Bestellungen an diesem Wochenende."),
        ("ru-RU", "Бесплатная доставка всех заказов в эти выходные."),
        ("el-GR", "Δωρεάν μεταφορικά σε όλες τις παραγγελίες αυτό το Σαββατοκύριακο."),
        ("ar-SA", "شحن مجاني لجميع الطلبات في عطلة نهاية الأسبوع هذه."),
        ("he-IL", "משלוח חינם לכל ההזמנות בסוף השבוע הזה."),
        ("hi-IN", "इस वीकेंड हर ऑर्डर पर मुफ़्त डिलीवरी।"),
        ("th-TH", "ส่งฟรีทุกคำสั่งซื้อในสุดสัปดาห์นี้"),
        ("zh-CN", "本周末所有订单免运费。"),
    ],
)
def test_translation_is_not_flagged(locale: str, text: str) -> None:
    assert run("untranslated", locale, text, source_text=SOURCE) == []


def test_same_language_locale_and_missing_source_are_not_flagged() -> None:
    assert run("untranslated", "en-GB", SOURCE, source_text=SOURCE) == []
    assert run("untranslated", "de-DE", SOURCE) == []


def test_brand_only_strings_are_not_flagged() -> None:
    ctx = CheckContext(glossary=[GlossaryTerm("Lumio Air"), GlossaryTerm("Lumio")])
    assert run("untranslated", "ja-JP", "Lumio Air 2", ctx, source_text="Lumio Air 2") == []
    assert run("untranslated", "de-DE", "{brand} – 2027", source_text="{brand} – 2027") == []


def test_single_capitalized_word_is_info() -> None:
    (f,) = run("untranslated", "fr-FR", "Instagram", source_text="Instagram")
    assert f.severity == "info" and "glossary" in f.reason


def test_a_copied_sentence_is_pointed_at() -> None:
    source = "Meet the new Lumio Air. Free shipping on every order this weekend."
    text = "Добро пожаловать в новый Lumio Air. Free shipping on every order this weekend."
    (f,) = run("untranslated", "ru-RU", text, source_text=source)
    assert f.severity == "minor"
    start, end = f.span or (0, 0)
    assert text[start:end] == "Free shipping on every order this weekend."
