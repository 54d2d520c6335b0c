"""Market codes: countries, subdivisions and locales."""

from __future__ import annotations

import pytest

from culturepanel.calendar import UnknownMarketError, parse_market


@pytest.mark.parametrize(
    ("text", "code", "country", "subdivision"),
    [
        ("JP", "JP", "JP", None),
        ("jp", "JP", "JP", None),
        ("DE-BY", "DE-BY", "DE", "BY"),
        ("de-by", "DE-BY", "DE", "BY"),  # CLDR has no de-BY locale: read as Bavaria
        ("DE_BY", "DE-BY", "DE", "BY"),
        ("ja-JP", "JP", "JP", None),
        ("es-ES", "ES", "ES", None),
        ("de-DE-BY", "DE-BY", "DE", "BY"),
        ("ca-ES-CT", "ES-CT", "ES", "CT"),
        ("zh-Hant-TW", "TW", "TW", None),
        ("pt_BR", "BR", "BR", None),
        ("UK", "GB", "GB", None),  # CLDR alias
        (" fr-FR ", "FR", "FR", None),
    ],
)
def test_accepted_forms(text: str, code: str, country: str, subdivision: str | None) -> None:
    ref = parse_market(text)
    assert (ref.code, ref.country, ref.subdivision) == (code, country, subdivision)


def test_locale_form_keeps_its_language() -> None:
    assert parse_market("ja-JP").language == "ja"
    assert parse_market("JP").language is None


def test_bare_language_assumes_its_likely_country() -> None:
    ref = parse_market("ja")
    assert ref.code == "JP"
    assert ref.assumed


@pytest.mark.parametrize("text", ["", "XX", "J", "12-AB-CD-EF", "Japan", "es-419", "de-DE-BY-X"])
def test_rejected_forms_name_the_market_and_what_is_accepted(text: str) -> None:
    with pytest.raises(UnknownMarketError) as info:
        parse_market(text)
    message = str(info.value)
    assert f"'{text}'" in message
    assert "DE-BY" in message and "ja-JP" in message


def test_unknown_subdivision_lists_the_known_ones() -> None:
    with pytest.raises(UnknownMarketError) as info:
        parse_market("DE-XX")
    message = str(info.value)
    assert "'XX' is not a subdivision of DE" in message
    assert "BY" in message and "BE" in message


def test_market_error_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        parse_market("QQ")
