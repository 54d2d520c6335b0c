"""The expansion and channel-limit checks, and SMS segments."""

from __future__ import annotations

import pytest

from culturepanel.checks import (
    ChannelLimit,
    CheckContext,
    CheckInput,
    Finding,
    cache_key,
    load_channel_limits,
    run_checks,
)
from culturepanel.checks.length import (
    display_length,
    expected_ratio,
    limit_for,
    wide2_length,
    x_length,
)
from culturepanel.checks.sms import sms_info

from .helpers import flagged, run

SOURCE = "Free shipping on every order this weekend."  # 42 characters


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("de-DE", "Nur an diesem Wochenende: kostenloser Versand für alle Bestellungen."),
        ("ru-RU", "Только в эти выходные — бесплатная доставка всех заказов."),
        ("el-GR", "Δωρεάν μεταφορικά σε όλες τις παραγγελίες, μόνο αυτό το Σαββατοκύριακο."),
        ("ar-SA", "شحن مجاني على جميع الطلبات، في عطلة نهاية الأسبوع هذه فقط."),
        ("he-IL", "משלוח חינם לכל ההזמנות, רק בסוף השבוע הזה."),
        ("hi-IN", "इस वीकेंड सभी ऑर्डर पर मुफ़्त डिलीवरी।"),
        ("th-TH", "ส่งฟรีทุกคำสั่งซื้อ เฉพาะสุดสัปดาห์นี้เท่านั้น"),
        ("zh-CN", "本周末限定，所有订单免运费。"),
    ],
)
def test_normal_translations_are_not_too_long(locale: str, text: str) -> None:
    assert run("expansion", locale, text, source_text=SOURCE) == []


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("de-DE", "Nur an diesem Wochenende: kostenloser Versand für alle Bestellungen. " * 2),
        ("ru-RU", "Только в эти выходные — бесплатная доставка всех заказов. " * 2),
        ("ar-SA", "شحن مجاني على جميع الطلبات، في عطلة نهاية الأسبوع هذه فقط. " * 2),
        ("th-TH", "ส่งฟรีทุกคำสั่งซื้อ เฉพาะสุดสัปดาห์นี้เท่านั้น " * 3),
        (
            "zh-CN",
            "本周末限定，所有订单免运费，会员还可以享受额外的积分奖励和生日礼物，快来注册吧。",
        ),
        (
            "ja-JP",
            "今週末限定、すべてのご注文で送料無料。会員の方には追加ポイントと誕生日ギフトもご用意しています。",
        ),
    ],
)
def test_far_longer_text_is_flagged(locale: str, text: str) -> None:
    (f,) = run("expansion", locale, text, source_text=SOURCE)
    assert f.severity == "minor" and f.data["ratio"] > f.data["allowed"]


def test_expected_ratio_follows_the_ibm_table() -> None:
    assert expected_ratio(8) == 3.0
    assert expected_ratio(15) == 2.0
    assert expected_ratio(100) == 1.3


def test_channel_table_loads() -> None:
    limits = load_channel_limits()
    assert {"sms", "push-title", "x-post", "google-ads-headline"} <= set(limits)
    assert all(lim.source for lim in limits.values())
    assert limits["sms"].counting == "sms"


def test_measures() -> None:
    assert display_length("café") == 4 == display_length("cafe\u0301")
    assert display_length("สวัสดี") == 4  # vowel and tone marks above and below
    assert wide2_length("セール") == 6
    assert x_length("Hi 世界 https://example.com/a/very/long/path") == 3 + 4 + 1 + 23


@pytest.mark.parametrize(
    ("text", "encoding", "segments"),
    [
        ("a" * 160, "gsm7", 1),
        ("a" * 161, "gsm7", 2),
        ("€" * 80, "gsm7", 1),  # extension characters take two septets
        ("€" * 81, "gsm7", 2),
        ("a" * 152 + "€" + "a" * 10, "gsm7", 2),
        ("я" * 70, "ucs2", 1),
        ("я" * 71, "ucs2", 2),
        ("😀" * 35, "ucs2", 1),
        ("😀" * 36, "ucs2", 2),
        ("Ελλάδα ΔΗΜΟΣ", "ucs2", 1),
        ("ΔΦΓΛΩΠΨΣΘΞ", "gsm7", 1),
    ],
)
def test_sms_segments(text: str, encoding: str, segments: int) -> None:
    info = sms_info(text)
    assert (info.encoding, info.segments) == (encoding, segments)


def test_sms_findings() -> None:
    long_ru = "Скидка на всё! " * 20
    (f,) = run("channel-limit", "ru-RU", long_ru, channel="sms")
    assert f.data["segments"] == 5 and f.severity == "minor"  # the sms limit is a guideline
    text = "Only today: " + "a" * 140 + " – don’t miss it"
    findings = run("channel-limit", "en-US", text, channel="sms")
    assert [g.data.get("chars") for g in findings] == ["–’"]
    assert run("channel-limit", "en-US", "Only today - don't miss it", channel="sms") == []


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("de-DE", "Jetzt zugreifen und sparen: nur heute, nur online, nur für dich!"),
        ("ru-RU", "Только сегодня: огромные скидки на всё для вас и ваших близких!"),
        ("ja-JP", "本日限定！全商品がお得になるビッグセールを開催中です。お見逃しなく！！！"),
    ],
)
def test_hard_limit_is_major_with_the_excess_span(locale: str, text: str) -> None:
    (f,) = run("channel-limit", locale, text, channel="google-ads-headline")
    assert f.severity == "major" and f.data["length"] > 30
    assert f.span is not None and f.span[1] == len(text)
    assert wide2_length(text[: f.span[0]]) <= 30 < wide2_length(text[: f.span[0] + 1])


def test_within_limit_unknown_channel_and_custom_table() -> None:
    assert run("channel-limit", "de-DE", "Kurz und gut", channel="push-title") == []
    (f,) = run("channel-limit", "de-DE", "Kurz", channel="carrier-pigeon")
    assert f.inconclusive
    ctx = CheckContext(channel_limits={"tiny": ChannelLimit("tiny", "Tiny", max_chars=3)})
    assert run("channel-limit", "de-DE", "Kurz", ctx, channel="tiny")


def test_the_key_names_the_part_of_the_channel() -> None:
    title = "Endlich da: der neue Migrate 40 – unser bisher leichtester Reiserucksack"  # 72
    (f,) = flagged(run_key("push.title", title, "push"))
    assert (f.data["channel"], f.data["limit"]) == ("push-title", 50)
    assert flagged(run_key("push.body", title, "push")) == []  # the body allows 150
    assert run_key("promo.push_title", title, "push")[0].data["channel"] == "push-title"
    (g,) = flagged(run_key("welcome.email.subject", title, "email"))
    assert g.data["channel"] == "email-subject"
    assert flagged(run_key("push.title", title, "push-body")) == []  # a channel with no parts
    (h,) = run_key("loyalty.invite", title, "email")  # neither 'email' nor 'email-invite'
    assert h.inconclusive and "email-invite" in h.reason
    limits = load_channel_limits()
    item = CheckInput("push.title", "de-DE", title, channel="push")
    assert limit_for(item, limits) == limits["push-title"]
    other = CheckInput("push.body", "de-DE", title, channel="push")
    assert cache_key(item) != cache_key(other)  # the part is in the cache key


def run_key(key: str, text: str, channel: str) -> list[Finding]:
    item = CheckInput(key=key, locale="de-DE", text=text, channel=channel)
    return run_checks(item, only={"channel-limit"})
