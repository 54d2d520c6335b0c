"""The dates check."""

from __future__ import annotations

import pytest

from .helpers import run


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("de-DE", "Angebot gilt bis 03.04.2027"),
        ("en-US", "Offer ends 03/04/2027"),
        ("en-GB", "Offer ends 25/12/2027"),
        ("fr-FR", "Offre valable jusqu'au 03/04/2027"),
        ("ru-RU", "Акция до 03.04.2027"),
        ("el-GR", "Η προσφορά λήγει 25/12/2027"),
        ("ar-SA", "العرض حتى 25/12/2027"),
        ("he-IL", "המבצע עד 25.12.2027"),
        ("hi-IN", "ऑफ़र 25/12/2027 तक"),
        ("th-TH", "ถึงวันที่ 25/12/2027"),
        ("ja-JP", "2027/04/03まで"),
        ("sv-SE", "Gäller till 2027-04-03"),
        ("de-DE", "Gilt bis 2027-04-03, dann 04.04."),
    ],
)
def test_local_dates_pass(locale: str, text: str) -> None:
    assert run("dates", locale, text) == []


@pytest.mark.parametrize(
    ("locale", "text", "meant"),
    [
        ("de-DE", "Angebot gilt bis 12/25/2027", "2027-12-25"),
        ("ru-RU", "Акция до 12/25/2027", "2027-12-25"),
        ("el-GR", "Έως 12/25/2027", "2027-12-25"),
        ("ar-SA", "حتى 12/25/2027", "2027-12-25"),
        ("he-IL", "עד 12/25/2027", "2027-12-25"),
        ("hi-IN", "12/25/2027 तक", "2027-12-25"),
        ("th-TH", "ถึง 12/25/2027", "2027-12-25"),
        ("en-US", "Ends 25/12/2027", "2027-12-25"),
    ],
)
def test_impossible_in_market_order(locale: str, text: str, meant: str) -> None:
    (f,) = run("dates", locale, text)
    assert f.severity == "major" and f.data["meant"] == meant


def test_copied_from_source_with_another_meaning() -> None:
    (f,) = run("dates", "en-GB", "Ends 03/04/2027", source_text="Ends 03/04/2027")
    assert f.data["meant"] == "2027-03-04" and f.data["read"] == "2027-04-03"
    (g,) = run("dates", "en", "Ends 03/04/2027", source_text="Ends 03/04/2027", market="AU")
    assert g.severity == "major"
    assert run("dates", "en-US", "Ends 03/04/2027", source_text="Ends 03/04/2027") == []


@pytest.mark.parametrize(
    ("locale", "text"),
    [("de-DE", "Gilt bis 03/04/2027"), ("ja-JP", "03/04/2027まで"), ("ko-KR", "03/04/2027까지")],
)
def test_ambiguous_foreign_form_is_minor(locale: str, text: str) -> None:
    (f,) = run("dates", locale, text)
    assert f.severity == "minor" and f.data["issue"] == "ambiguous"


def test_same_day_and_month_is_not_ambiguous() -> None:
    assert run("dates", "de-DE", "Gilt bis 04/04/2027") == []


SOURCE = "20% off until Mar 31. Shop now."


def test_ambiguous_date_in_a_copy_adapted_from_the_other_order() -> None:
    text = "20% de descuento. Valido hasta el 05/10/2027 en lumio.example/mx"
    (f,) = run("dates", "es-MX", text, source_text=SOURCE)
    assert f.severity == "minor" and f.data["issue"] == "ambiguous"
    assert (f.data["read"], f.data["other"]) == ("2027-10-05", "2027-05-10")
    assert text[f.span[0] : f.span[1]] == "05/10/2027"  # type: ignore[index]
    text = "Oferta valida ate 10/02/2027."  # a full stop after the date is not part of it
    (h,) = run("dates", "pt-BR", text, source_text=SOURCE)
    assert h.data["date"] == "10/02/2027" == text[h.span[0] : h.span[1]]  # type: ignore[index]
    # From a day-first source the other reading is the month-first one.
    (g,) = run("dates", "en-US", "Ends 05/10/2027", source_text="Ends 31/03", source_locale="en-GB")
    assert g.data["other"] == "2027-10-05"


@pytest.mark.parametrize(
    ("locale", "text", "source_locale"),
    [
        ("es-MX", "Valido hasta el 25/10/2027", "en"),  # no other reading
        ("es-MX", "Valido hasta el 05/05/2027", "en"),  # both readings the same day
        ("de-DE", "Gilt bis 05.10.2027", "en"),  # the market's own form, never month first
        ("fr-FR", "Valable jusqu'au 05/10/2027", "en-GB"),  # the source reads day first too
        ("ja-JP", "2027/05/10まで", "en"),  # year first
        ("es-MX", "Valido hasta el 05/10", "en"),  # no year: not taken for a date
    ],
)
def test_unambiguous_or_same_order_dates_pass(locale: str, text: str, source_locale: str) -> None:
    assert run("dates", locale, text, source_text=SOURCE, source_locale=source_locale) == []


def test_without_a_source_a_local_date_is_not_questioned() -> None:
    assert run("dates", "es-MX", "Valido hasta el 05/10/2027") == []
