"""The language check: verdicts in many scripts, inconclusive short texts, determinism."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from culturepanel.checks import CheckContext, GlossaryTerm
from culturepanel.checks.language import MIN_LETTERS, SHORT_MARGIN, SURE_LETTERS, judge

from .helpers import flagged, run

# (locale, a real translation)
REAL = [
    ("de-DE", "Entdecke unsere neue Kollektion und spare bis Sonntag auf alle Jacken."),
    ("fr-FR", "Découvrez notre nouvelle collection et profitez de remises jusqu'à dimanche."),
    ("pl-PL", "Odkryj naszą nową kolekcję i oszczędzaj na wszystkich kurtkach do niedzieli."),
    ("ru-RU", "Откройте для себя нашу новую коллекцию и экономьте на куртках до воскресенья."),
    ("uk-UA", "Відкрийте нашу нову колекцію та заощаджуйте на куртках до неділі."),
    ("el-GR", "Ανακαλύψτε τη νέα μας συλλογή και κερδίστε έκπτωση σε όλα τα μπουφάν."),
    ("ar-SA", "اكتشف مجموعتنا الجديدة ووفّر على جميع السترات حتى يوم الأحد."),
    ("he-IL", "גלו את הקולקציה החדשה שלנו וחסכו על כל המעילים עד יום ראשון."),
    ("hi-IN", "हमारा नया कलेक्शन देखें और रविवार तक सभी जैकेट पर बचत करें।"),
    ("th-TH", "พบกับคอลเลกชันใหม่ของเรา ลดราคาเสื้อแจ็กเก็ตทุกตัวถึงวันอาทิตย์"),
    ("ja-JP", "新しいコレクションが登場。日曜日まで全てのジャケットがお得です。"),
    ("ko-KR", "새로운 컬렉션을 만나 보세요. 일요일까지 모든 재킷을 할인합니다."),
    ("zh-CN", "探索我们的全新系列，周日前所有夹克都有优惠。"),
    ("zh-TW", "探索我們的全新系列，週日前所有夾克都有優惠。"),
]
ENGLISH = "Discover our new collection and save on every jacket until Sunday."


@pytest.mark.parametrize(("locale", "text"), REAL)
def test_real_translations_are_not_flagged(locale: str, text: str) -> None:
    assert flagged(run("language", locale, text)) == []


@pytest.mark.parametrize(("locale", "_text"), REAL)
def test_english_copy_is_flagged_everywhere(locale: str, _text: str) -> None:
    (f,) = run("language", locale, ENGLISH)
    assert not f.inconclusive and f.severity == "major"
    assert f.data["detected"] == "en"
    assert "English" in f.message


@pytest.mark.parametrize(
    ("locale", "text", "detected"),
    [
        (
            "pt-BR",
            "Descubre nuestra nueva colección y ahorra en todas las chaquetas hasta el domingo.",
            "es",
        ),
        ("uk-UA", "Откройте для себя нашу новую коллекцию и экономьте на куртках.", "ru"),
        ("ru-RU", "Відкрийте нашу нову колекцію та заощаджуйте на куртках до неділі.", "uk"),
        ("el-GR", "Откройте для себя нашу новую коллекцию и экономьте на куртках.", "ru"),
        ("he-IL", "اكتشف مجموعتنا الجديدة ووفّر على جميع السترات حتى يوم الأحد.", "ar"),
        ("ar-EG", "גלו את הקולקציה החדשה שלנו וחסכו על כל המעילים עד יום ראשון.", "he"),
        ("th-TH", "हमारा नया कलेक्शन देखें और रविवार तक सभी जैकेट पर बचत करें।", "hi"),
        ("hi-IN", "พบกับคอลเลกชันใหม่ของเรา ลดราคาเสื้อแจ็กเก็ตทุกตัวถึงวันอาทิตย์", "th"),
        ("ko-KR", "新しいコレクションが登場。日曜日まで全てのジャケットがお得です。", "ja"),
        ("zh-CN", "新しいコレクションが登場。日曜日まで全てのジャケットがお得です。", "ja"),
        ("ja-JP", "探索我们的全新系列，周日前所有夹克都有优惠。", "zh-Hans"),
    ],
)
def test_wrong_language_is_flagged(locale: str, text: str, detected: str | None) -> None:
    (f,) = run("language", locale, text)
    assert not f.inconclusive
    if detected:
        assert f.data["detected"] == detected


def test_simplified_versus_traditional_chinese() -> None:
    hans = "探索我们的全新系列，周日前所有夹克都有优惠，欢迎会员选购。"
    hant = "探索我們的全新系列，週日前所有夾克都有優惠，歡迎會員選購。"
    assert flagged(run("language", "zh-Hans", hans)) == []
    assert flagged(run("language", "zh-Hant-TW", hant)) == []
    (f,) = run("language", "zh-Hans-CN", hant)
    assert f.data["detected"] == "zh-Hant" and f.data["method"] == "hanzi"
    (g,) = run("language", "zh-HK", hans)
    assert g.data["detected"] == "zh-Hans"


def test_a_stray_traditional_character_is_a_minor_finding() -> None:
    (f,) = run("language", "zh-CN", "探索我们的全新系列，周日前所有夹克都有优惠，歡迎选购。")
    assert f.severity == "minor" and not f.inconclusive


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("nl-NL", "Ontdek onze nieuwe collectie en bespaar tot zondag op alle jassen."),
        ("da-DK", "Sommeren er her, og det er årets største rabatter også."),
        ("nb-NO", "Sommeren er her, og det samme er årets største rabatter."),
        ("sk-SK", "Rezervujte si stôl ešte dnes a ku každému hlavnému jedlu dostanete dezert."),
        ("cs-CZ", "Rezervujte si stůl ještě dnes a ke každému hlavnímu jídlu dostanete dezert."),
        ("af-ZA", "Ontdek ons nuwe versameling en spaar op alle baadjies tot Sondag."),
        ("ms-MY", "Terima kasih kerana mendaftar! Ini hadiah kecil daripada pasukan kami."),
        ("hr-HR", "Otkrijte našu novu kolekciju i uštedite na svim jaknama do nedjelje."),
        ("bs-BA", "Otkrijte našu novu kolekciju i uštedite na svim jaknama do nedjelje."),
        ("sr-Latn-RS", "Otkrijte našu novu kolekciju i uštedite na svim jaknama do nedelje."),
        ("gl-ES", "Descubre a nosa nova colección e aforra en todas as chaquetas ata o domingo."),
        ("mr-IN", "आमचे नवीन कलेक्शन पाहा आणि रविवारपर्यंत सर्व जॅकेटवर बचत करा."),
    ],
)
def test_close_relatives_are_not_flagged(locale: str, text: str) -> None:
    assert flagged(run("language", locale, text)) == []


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("de-DE", "Jetzt kaufen!"),
        ("ru-RU", "Купить сейчас"),
        ("ja-JP", "今すぐ購入"),
        ("ar-SA", "تسوق الآن"),
        ("fr-FR", "{first_name}, -20 % sur Lumio Air 🎉 https://example.com/fr"),
    ],
)
def test_short_text_is_inconclusive_not_a_mismatch(locale: str, text: str) -> None:
    ctx = CheckContext(glossary=[GlossaryTerm("Lumio Air")])
    (f,) = run("language", locale, text, ctx)
    assert f.inconclusive and f.severity == "info"
    assert f.data["letters"] < MIN_LETTERS


def test_brand_terms_do_not_count_as_language() -> None:
    text = "Nordvik Sunset Explorer Backpack Deluxe Edition – jetzt da"
    ctx = CheckContext(glossary=[GlossaryTerm("Nordvik Sunset Explorer Backpack Deluxe Edition")])
    assert not any(f.inconclusive for f in run("language", "de-DE", text))
    (f,) = run("language", "de-DE", text, ctx)
    assert f.inconclusive  # only "jetzt da" is left to judge


def test_latin_brand_names_are_fine_in_other_scripts() -> None:
    text = "Galaxy Buds Pro Wireless Charger — Получите скидку при покупке сегодня"
    assert flagged(run("language", "ru-RU", text)) == []


def test_all_caps_copy_is_judged() -> None:
    assert flagged(run("language", "de-DE", "NUR HEUTE: ALLE JACKEN ZUM HALBEN PREIS")) == []
    assert flagged(run("language", "de-DE", "TODAY ONLY: EVERY JACKET AT HALF PRICE"))


def test_language_without_profile_is_inconclusive() -> None:
    (f,) = run("language", "eu-ES", "Ezagutu gure bilduma berria eta aurreztu jaka guztietan.")
    assert f.inconclusive and "profile" in f.reason


def test_unknown_locale_is_inconclusive() -> None:
    assert judge("Hello there, how are you doing today my friend?", "xx-QQ").status == (
        "inconclusive"
    )


def test_verdict_is_reproducible_in_fresh_processes() -> None:
    texts = [t for _l, t in REAL] + [ENGLISH, "Mira la temporada completa esta noche."]
    code = (
        "import json, sys\n"
        "from culturepanel.checks.language import judge\n"
        "texts = json.loads(sys.stdin.read())\n"
        "print(json.dumps([[judge(t, l).status, judge(t, l).scores] "
        "for t in texts for l in ('es', 'it', 'nl')]))\n"
    )
    outs = [
        subprocess.run(
            [sys.executable, "-c", code],
            input=json.dumps(texts),
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": seed, "PATH": ""},
        ).stdout
        for seed in ("1", "2")
    ]
    assert outs[0] == outs[1]
    here = [[judge(t, lo).status, judge(t, lo).scores] for t in texts for lo in ("es", "it", "nl")]
    assert json.loads(outs[0]) == json.loads(json.dumps(here))


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("es-MX", "Llega lejos. Viaja ligero."),  # langdetect: Estonian
        ("fr-FR", "Allez loin. Emballez léger."),  # langdetect: Hungarian 100 %
        ("en-US", "Your cart misses you. Complete"),  # langdetect: French 100 %
        ("nl-NL", "Tik hier om je pakket live"),  # langdetect: Norwegian 100 %
    ],
)
def test_short_real_translation_is_never_a_mismatch(locale: str, text: str) -> None:
    (f,) = run("language", locale, text)
    assert f.inconclusive and f.severity == "info"
    assert MIN_LETTERS <= f.data["letters"] < SURE_LETTERS
    assert f.data["margin"] < SHORT_MARGIN


@pytest.mark.parametrize(
    ("locale", "text", "detected"),
    [
        ("de-DE", "Your cart is waiting for you", "en"),
        ("es-MX", "Free shipping and free lifetime repairs", "en"),
        ("pt-BR", "Descubre la nueva colección hoy mismo", "es"),
        ("fr-FR", "Entdecke die neue Kollektion jetzt", "de"),
    ],
)
def test_short_wrong_language_with_overwhelming_evidence(
    locale: str, text: str, detected: str
) -> None:
    (f,) = run("language", locale, text)
    assert not f.inconclusive and f.data["letters"] < SURE_LETTERS
    assert f.data["margin"] >= SHORT_MARGIN and f.data["detected"] == detected
