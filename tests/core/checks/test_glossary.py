"""The glossary check: keep-as-is terms and imposed translations."""

from __future__ import annotations

import pytest

from culturepanel.checks import CheckContext, GlossaryTerm

from .helpers import run

BRAND = CheckContext(glossary=[GlossaryTerm("Lumio Air", note="Product name")])
SOURCE = "Meet the new Lumio Air."


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("de-DE", "Entdecke den neuen Lumio Air."),
        ("fi-FI", "Tutustu uuteen Lumio Airiin."),  # inflectional ending
        ("ru-RU", "Встречайте новый Lumio Air."),
        ("el-GR", "Γνωρίστε το νέο Lumio Air."),
        ("ar-SA", "تعرّف على Lumio Air الجديد."),
        ("he-IL", "הכירו את Lumio Air החדש."),
        ("hi-IN", "मिलिए नए Lumio Air से।"),
        ("th-TH", "พบกับ Lumio Air ใหม่"),
        ("ja-JP", "新しいLumio Airが登場。"),
    ],
)
def test_kept_brand_passes(locale: str, text: str) -> None:
    assert run("glossary", locale, text, BRAND, source_text=SOURCE) == []


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("de-DE", "Entdecke den neuen Lumio-Luft."),
        ("ru-RU", "Встречайте новый Люмио Эйр."),
        ("el-GR", "Γνωρίστε το νέο Λούμιο Έρ."),
        ("ar-SA", "تعرّف على لوميو إير الجديد."),
        ("he-IL", "הכירו את לומיו אייר החדש."),
        ("hi-IN", "मिलिए नए ल्यूमियो एयर से।"),
        ("th-TH", "พบกับ ลูมิโอ แอร์ ใหม่"),
        ("zh-CN", "全新的流明空气登场。"),
    ],
)
def test_missing_brand_is_major(locale: str, text: str) -> None:
    (f,) = run("glossary", locale, text, BRAND, source_text=SOURCE)
    assert f.severity == "major" and f.data["issue"] == "missing" and f.data["note"]


def test_altered_brand_is_minor_with_span() -> None:
    text = "Entdecke den neuen LUMIO air."
    (f,) = run("glossary", "de-DE", text, BRAND, source_text=SOURCE)
    assert f.data["issue"] == "altered" and f.severity == "minor"
    assert text[f.span[0] : f.span[1]] == "LUMIO air"  # type: ignore[index]
    (g,) = run("glossary", "de-DE", "Der Lumió Air ist da", BRAND)  # no source needed
    assert g.data["found"] == "Lumió Air"


def test_term_absent_from_source_is_not_required() -> None:
    assert run("glossary", "de-DE", "Jetzt kaufen", BRAND, source_text="Buy now") == []


def test_locale_specific_entries() -> None:
    ctx = CheckContext(glossary=[GlossaryTerm("Lumio Air", locale="ja")])
    assert run("glossary", "de-DE", "Der neue Luftlumio", ctx, source_text=SOURCE) == []
    assert run("glossary", "ja-JP", "新しいルミオエアー", ctx, source_text=SOURCE)


TRANSLATE = CheckContext(
    glossary=[
        GlossaryTerm("loyalty card", "de", "translate", "Kundenkarte", "Approved by legal"),
        GlossaryTerm("loyalty card", "ru", "translate", "карта лояльности"),
        GlossaryTerm("loyalty card", "ja", "translate", "ポイントカード"),
        GlossaryTerm("loyalty card", "ar", "translate", "بطاقة الولاء"),
    ]
)


@pytest.mark.parametrize(
    ("locale", "good", "bad"),
    [
        (
            "de-DE",
            "Mit deinen Kundenkarten sparst du mehr.",
            "Mit deiner Treuekarte sparst du mehr.",
        ),
        (
            "ru-RU",
            "Копите баллы: КАРТА ЛОЯЛЬНОСТИ уже ждёт.",
            "Копите баллы: бонусная карта уже ждёт.",
        ),
        ("ja-JP", "ポイントカードでお得に。", "会員カードでお得に。"),
        ("ar-SA", "وفّر أكثر مع بطاقة الولاء.", "وفّر أكثر مع بطاقة العضوية."),
    ],
)
def test_imposed_translation(locale: str, good: str, bad: str) -> None:
    source = "Save more with your loyalty card."
    assert run("glossary", locale, good, TRANSLATE, source_text=source) == []
    (f,) = run("glossary", locale, bad, TRANSLATE, source_text=source)
    assert f.data["issue"] == "translation"


def test_imposed_translation_points_at_the_source_term_left_in() -> None:
    text = "Spare mehr mit deiner Loyalty Card."
    (f,) = run(
        "glossary", "de-DE", text, TRANSLATE, source_text="Save more with your loyalty card."
    )
    assert text[f.span[0] : f.span[1]] == "Loyalty Card"  # type: ignore[index]
    assert "Approved by legal" in f.reason


def test_terms_inside_links_tags_and_addresses_are_not_copy() -> None:
    ctx = CheckContext(glossary=[GlossaryTerm("Ternway"), GlossaryTerm("#PackLight")])
    source = "Ternway: 20% off. Shop at ternway.example/go. #PackLight"
    text = "Ternway: 20% de descuento en ternway.example/mx, info@ternway.example #ternwaytrips"
    findings = run("glossary", "es-MX", text + " #PackLight", ctx, source_text=source)
    assert findings == []
    # The term is a hashtag itself: it is checked, hashtags included.
    (f,) = run("glossary", "es-MX", text + " #packlight", ctx, source_text=source)
    assert f.data["found"] == "#packlight" and f.data["issue"] == "altered"
    # Only in a link: the brand is missing from the copy.
    brand = CheckContext(glossary=[GlossaryTerm("Ternway")])
    (g,) = run("glossary", "es-MX", "20% en ternway.example/mx", brand, source_text=source)
    assert g.data["term"] == "Ternway" and g.data["issue"] == "missing"
    # The source has the brand only in its link: nothing is required.
    assert run("glossary", "es-MX", "20% en", brand, source_text="20% at ternway.example/go") == []


def test_a_longer_word_is_not_the_term_with_an_ending() -> None:
    ctx = CheckContext(glossary=[GlossaryTerm("Nest")])
    text = "Para onde a mochila vai te levar neste Carnaval? Honestamente, nests."
    assert run("glossary", "pt-BR", text, ctx) == []
    (f,) = run("glossary", "pt-BR", "Cubos nest para viagem", ctx)
    assert f.data["found"] == "nest"  # the same word in the wrong case is still reported
    (g,) = run("glossary", "fi-FI", "Tutustu uuteen LUMIO AIRIIN.", BRAND, source_text=SOURCE)
    assert g.data["found"] == "LUMIO AIR"  # capitals with an ending: the brand, altered
