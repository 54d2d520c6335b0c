"""The numbers and currency checks (CLDR conventions through Babel)."""

from __future__ import annotations

import pytest

from .helpers import run


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("de-DE", "Nur 1.000,50 € – über 1.000.000 Kunden, 20 % Rabatt, Version 3.5, 10.30 Uhr"),
        ("fr-FR", "Seulement 1\u202f000,50 € et 20 % de remise"),
        ("en-US", "Only $1,000.50 and 20% off"),
        ("de-CH", "Nur CHF 1’000.50 oder 1'000.50, 20% Rabatt"),
        ("ru-RU", "Всего 1\u00a0000,50 ₽ и скидка 20 %"),
        ("el-GR", "Μόνο 1.000,50 € και έκπτωση 20%"),
        ("ar-SA", "فقط 1,000.50 ر.س وخصم 20%"),
        ("he-IL", "רק 1,000.50 ₪ והנחה של 20%"),
        ("hi-IN", "सिर्फ़ ₹1,00,000.50 और 20% की छूट"),
        ("th-TH", "เพียง ฿1,000.50 และลด 20%"),
        ("ja-JP", "たった¥1,000で20%オフ"),
        ("tr-TR", "Sadece 1.000,50 ₺ ve %20 indirim"),
    ],
)
def test_local_formats_pass(locale: str, text: str) -> None:
    assert run("numbers", locale, text) == []
    assert run("currency", locale, text, source_text="Only $1,000.50") == []


@pytest.mark.parametrize(
    ("locale", "text", "number"),
    [
        ("de-DE", "Nur 1,000.50 € heute", "1,000.50"),
        ("ru-RU", "Всего 1,000.50 ₽ сегодня", "1,000.50"),
        ("el-GR", "Μόνο 1,000.50 € σήμερα", "1,000.50"),
        ("en-US", "Only $1.000,50 today", "1.000,50"),
        ("th-TH", "เพียง ฿1.000,50 วันนี้", "1.000,50"),
        ("de-DE", "Über 1,000,000 Kunden", "1,000,000"),
        ("fr-FR", "Seulement 19.99 € aujourd'hui", "19.99"),
        ("he-IL", "רק 19,99 ₪ היום", "19,99"),
    ],
)
def test_wrong_roles_are_flagged(locale: str, text: str, number: str) -> None:
    (f,) = run("numbers", locale, text)
    assert f.data["number"] == number and f.severity == "minor"
    assert text[f.span[0] : f.span[1]] == number  # type: ignore[index]


def test_number_copied_from_source_that_reads_differently() -> None:
    (f,) = run("numbers", "de-DE", "Schon 1,000 Kunden", source_text="Already 1,000 customers")
    assert f.severity == "major" and f.data["source_value"] == "1000"
    assert (
        run("numbers", "en-GB", "Already 1,000 customers", source_text="Already 1,000 customers")
        == []
    )
    assert run("numbers", "de-DE", "Schon 1,000 Kunden") == []  # without source: could be 1.0


def test_versions_times_and_dates_are_left_alone() -> None:
    assert (
        run("numbers", "de-DE", "Jetzt mit iOS 17.2 – ab 10.30 Uhr, am 03.04.2027, um 9:45") == []
    )


@pytest.mark.parametrize(
    ("locale", "text", "expected"),
    [
        ("tr-TR", "Tüm ürünlerde 20% indirim", "20%"),
        ("de-DE", "Jetzt %20 sparen", "%20"),
        ("ar-EG", "خصم %20 على كل شيء", "%20"),
    ],
)
def test_percent_on_the_wrong_side(locale: str, text: str, expected: str) -> None:
    (f,) = run("numbers", locale, text)
    assert f.data["issue"] == "percent" and f.data.get("number") is None
    assert text[f.span[0] : f.span[1]] == expected  # type: ignore[index]


@pytest.mark.parametrize(
    ("locale", "text", "symbol"),
    [
        ("de-DE", "Nur 1.000,50 $ heute", "$"),
        ("ru-RU", "Всего $1,000 сегодня", "$"),
        ("el-GR", "Μόνο 20 USD σήμερα", "USD"),
        ("ar-SA", "فقط 20 € اليوم", "€"),
        ("he-IL", "רק 20 € היום", "€"),
        ("hi-IN", "सिर्फ़ $20 में", "$"),
        ("th-TH", "เพียง ¥2,000 เท่านั้น", "¥"),
        ("ja-JP", "たった₩10,000で", "₩"),
        ("pl-PL", "Tylko 20 kr dziś", "kr"),
    ],
)
def test_foreign_currency_is_flagged_when_the_source_has_a_price(
    locale: str, text: str, symbol: str
) -> None:
    (f,) = run("currency", locale, text, source_text="Only $20 today")
    assert f.data["symbol"] == symbol and f.severity == "major"
    assert run("currency", locale, text, source_text="A great day") == []
    (g,) = run("currency", locale, text)
    assert g.severity == "minor"


def test_shared_symbols_fit_their_markets() -> None:
    src = "Only $20"
    for locale, text in [
        ("en-CA", "Only $20"),
        ("es-MX", "Solo $20"),
        ("zh-TW", "只要 NT$600"),
        ("zh-TW", "只要 600 元"),
        ("zh-CN", "只要 ¥99"),
        ("nb-NO", "Bare 200 kr"),
        ("sv-SE", "Bara 200 kr"),
        ("pt-BR", "Só R$ 20"),
        ("ar-SA", "فقط 50 ريالًا"),
    ]:
        assert run("currency", locale, text, source_text=src) == [], locale


def test_currency_symbol_on_the_wrong_side() -> None:
    (f,) = run("currency", "fr-FR", "Seulement €20 aujourd'hui", source_text="Only €20")
    assert f.data["issue"] == "position" and f.severity == "minor"
    assert run("currency", "fr-FR", "Seulement 20 € aujourd'hui", source_text="Only €20") == []
    assert run("currency", "nl-NL", "Slechts € 20 vandaag", source_text="Only €20") == []
    assert run("currency", "tr-TR", "Sadece 1.000,50 ₺", source_text="Only €20") == []
    (g,) = run("currency", "de-DE", "Nur €20 heute", source_text="Only €20")
    assert g.data["issue"] == "position"
