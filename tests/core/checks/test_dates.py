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
