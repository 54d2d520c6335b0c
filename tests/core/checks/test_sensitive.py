"""The sensitive-terms check."""

from __future__ import annotations

import pytest

from culturepanel.checks import CheckContext, SensitiveTerm
from culturepanel.checks.sensitive import terms_for

from .helpers import run


def ctx(*terms: SensitiveTerm) -> CheckContext:
    return CheckContext(sensitive_terms=terms)


@pytest.mark.parametrize(
    ("locale", "term", "text", "found"),
    [
        ("de-DE", "Schnäppchen", "Das SCHNAPPCHEN des Jahres!", "SCHNAPPCHEN"),
        ("tr-TR", "istanbul", "İSTANBUL'da büyük indirim", "İSTANBUL"),
        ("ru-RU", "ёлка", "Новогодняя ЕЛКА в подарок", "ЕЛКА"),
        ("el-GR", "πάσχα", "Προσφορές για το ΠΑΣΧΑ", "ΠΑΣΧΑ"),
        ("ar-SA", "خنزير", "لحم الخنزير المشوي", "خنزير"),
        ("he-IL", "חזיר", "בשר חזיר מעושן", "חזיר"),
        ("hi-IN", "गाय", "गाय का दूध", "गाय"),
        ("th-TH", "กษัตริย์", "ฉลองวันเกิดพระมหากษัตริย์ด้วยส่วนลด", "กษัตริย์"),
        ("ja-JP", "四", "四個セットでお得", "四"),
        ("zh-CN", "钟", "送钟给朋友", "钟"),
    ],
)
def test_terms_are_found_with_folding(locale: str, term: str, text: str, found: str) -> None:
    (f,) = run("sensitive-terms", locale, text, ctx(SensitiveTerm(term, "why", "critical", "X-1")))
    assert text[f.span[0] : f.span[1]] == found  # type: ignore[index]
    assert f.severity == "critical" and f.reason == "why" and f.data["ref"] == "X-1"
    assert f.category == "audience-appropriateness"


@pytest.mark.parametrize(
    ("locale", "term", "text"),
    [
        ("en-US", "ass", "Pass the class with our assessment kit"),  # word boundaries
        ("de-DE", "Gift", "Giftige Preise? Nein: Geschenke!"),
        ("ru-RU", "ёлка", "Ёлочные игрушки"),
        ("ar-SA", "خنزير", "لحم بقري مشوي"),
        ("th-TH", "กษัตริย์", "ส่วนลดพิเศษวันนี้"),
        ("ja-JP", "四", "三個セットでお得"),
    ],
)
def test_no_match_no_finding(locale: str, term: str, text: str) -> None:
    assert run("sensitive-terms", locale, text, ctx(SensitiveTerm(term, "why"))) == []


def test_emoji_with_and_without_variation_selector() -> None:
    c = ctx(SensitiveTerm("☠️", "death"), SensitiveTerm("🏳", "surrender"))
    text = "Deals ☠ and ☠️ but 🏳️‍🌈 is fine"
    findings = run("sensitive-terms", "en-US", text, c)
    assert [text[f.span[0] : f.span[1]] for f in findings] == ["☠", "☠️"]  # type: ignore[index]


def test_markets_and_locales_filter() -> None:
    term = SensitiveTerm("pork", "halal", markets=("SA", "AE"), locales=("en",))
    text = "Try our pork ribs"
    assert run("sensitive-terms", "en-US", text, ctx(term)) == []
    assert run("sensitive-terms", "en", text, ctx(term), market="SA")
    assert run("sensitive-terms", "ar-SA", text, ctx(term)) == []  # locale not listed
    sub = SensitiveTerm("Oktoberfest", "regional", markets=("DE",))
    assert run("sensitive-terms", "de-DE", "Oktoberfest-Angebote", ctx(sub), market="DE-BY")
    assert terms_for_market("DE-BY", sub) and not terms_for_market("AT", sub)


def terms_for_market(market: str, term: SensitiveTerm) -> list[SensitiveTerm]:
    from culturepanel.checks import CheckInput

    return terms_for(CheckInput("k", "de", "x", market=market), [term])


def test_from_checklist_adapter() -> None:
    from dataclasses import dataclass

    from culturepanel.checks.sensitive import from_checklist

    @dataclass(frozen=True)
    class Item:
        id: str = "SA-07"
        why: str = "Pork is haram."
        severity: str = "critical"
        languages: tuple[str, ...] = ("ar",)

    @dataclass(frozen=True)
    class Term:
        term: str = "خنزير"
        note: str | None = "'Pig'."

    (t,) = from_checklist([(Item(), Term())], "SA")
    assert t == SensitiveTerm(
        "خنزير", "Pork is haram. 'Pig'.", "critical", "SA-07", ("SA",), ("ar",)
    )
    (f,) = run("sensitive-terms", "ar-SA", "لحم الخنزير", ctx(t))
    assert f.data["ref"] == "SA-07" and f.severity == "critical"


def test_overlapping_terms_of_one_item_make_one_finding() -> None:
    c = ctx(
        SensitiveTerm("史上最", "absolute", "critical", "cn.claims"),
        SensitiveTerm("最轻", "absolute", "critical", "cn.claims"),
        SensitiveTerm("轻", "other item", "minor", "cn.other"),
    )
    text = "史上最轻！全新旅行背包，最轻。"
    findings = run("sensitive-terms", "zh-CN", text, c)
    spans = [(text[f.span[0] : f.span[1]], f.data["ref"]) for f in findings]  # type: ignore[index]
    assert spans == [
        ("史上最轻", "cn.claims"),
        ("轻", "cn.other"),
        ("最轻", "cn.claims"),
        ("轻", "cn.other"),
    ]
    assert findings[0].data["terms"] == ["史上最", "最轻"] and "terms" not in findings[2].data


def test_chinese_absolute_claims_from_the_cn_checklist() -> None:
    from culturepanel.checklists import load_checklist
    from culturepanel.checks.sensitive import from_checklist

    c = CheckContext(sensitive_terms=from_checklist(load_checklist("CN").terms(), "CN"))
    for text, found in [
        ("史上最轻！全新 Migrate 40 旅行背包", "史上最轻"),
        ("全网最低价，限时抢购", "全网最低价"),
        ("年度最佳旅行背包", "最佳"),
    ]:
        (f,) = run("sensitive-terms", "zh-CN", text, c)
        assert text[f.span[0] : f.span[1]] == found  # type: ignore[index]
        assert f.data["ref"] == "cn.claims.absolute_terms" and f.severity == "critical"
    # 最 in ordinary words is not a claim; Japan's checklist has no such rule.
    assert run("sensitive-terms", "zh-CN", "最近上新，最后一天包邮。", c) == []
    assert run("sensitive-terms", "ja-JP", "Ternway史上最軽量のトラベルパック", c) == []
