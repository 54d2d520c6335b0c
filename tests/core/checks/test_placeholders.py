"""The placeholders and markup check."""

from __future__ import annotations

import pytest

from culturepanel.checks.textutil import token_spans

from .helpers import run


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Hi {name}", ["named"]),
        ("Hi {{ first_name }}", ["mustache"]),
        ("{ -brand-name } and { $count }", ["named", "named"]),
        ("%s has %d items, %1$s %(user)s %.2f", ["printf"] * 5),
        ("Hi $name, ${city}", ["shell", "shell"]),
        ("<b>Save</b> <a href='x'>now</a><br/>", ["tag"] * 5),
        ("*|FNAME|* %%FirstName%% %{count} {% if vip %}", ["merge", "merge", "ruby", "liquid"]),
        ("{0} and {1:.2f}", ["brace", "brace"]),
    ],
)
def test_tokens_are_recognized(text: str, kinds: list[str]) -> None:
    assert [k for _s, _e, k, _t in token_spans(text)] == kinds


@pytest.mark.parametrize(
    "text",
    ["20% off", "50 % Rabatt", "Only $10 today", "Price: 5$", "%sale%", "3 < 5 > 2", "{ }"],
)
def test_ordinary_text_has_no_tokens(text: str) -> None:
    assert token_spans(text) == []


GOOD = [
    ("de-DE", "Hallo {first_name}, <b>spare 20 %</b> auf alles mit *|CODE|*!"),
    ("ru-RU", "Привет, {first_name}! <b>Скидка 20%</b> на всё с кодом *|CODE|*!"),
    ("el-GR", "Γεια σου {first_name}, <b>έκπτωση 20%</b> σε όλα με *|CODE|*!"),
    ("ar-SA", "مرحبًا {first_name}، <b>خصم 20%</b> على كل شيء مع *|CODE|*!"),
    ("he-IL", "שלום {first_name}, <b>הנחה של 20%</b> על הכול עם *|CODE|*!"),
    ("hi-IN", "नमस्ते {first_name}, *|CODE|* के साथ <b>हर चीज़ पर 20% छूट</b>!"),
    ("th-TH", "สวัสดี {first_name} <b>ลด 20%</b> ทุกชิ้นด้วยโค้ด *|CODE|*!"),
    ("ja-JP", "{first_name}さん、*|CODE|*で<b>全品20%オフ</b>！"),
]
SOURCE = "Hi {first_name}, <b>save 20%</b> on everything with *|CODE|*!"


@pytest.mark.parametrize(("locale", "text"), GOOD)
def test_kept_tokens_in_any_order_pass(locale: str, text: str) -> None:
    assert run("placeholders", locale, text, source_text=SOURCE) == []


@pytest.mark.parametrize(("locale", "text"), GOOD)
def test_lost_altered_and_added_tokens(locale: str, text: str) -> None:
    lost = text.replace("*|CODE|*", "CODE")
    (f,) = run("placeholders", locale, lost, source_text=SOURCE)
    assert f.data["issue"] == "lost" and f.span is None and f.severity == "major"
    altered = text.replace("{first_name}", "{prenom}")
    (g,) = run("placeholders", locale, altered, source_text=SOURCE)
    assert g.data["issue"] == "altered" and g.data["new"] == "{prenom}"
    start, end = g.span or (0, 0)
    assert altered[start:end] == "{prenom}"
    added = text + " {{unsubscribe}}"
    (h,) = run("placeholders", locale, added, source_text=SOURCE)
    assert h.data["issue"] == "added" and h.data["token"] == "{{unsubscribe}}"


def test_lost_closing_tag() -> None:
    (f,) = run(
        "placeholders", "fr-FR", "Bonjour, <b>économisez 20 %", source_text="Hi, <b>save 20%</b>"
    )
    assert f.data["token"] == "</b>" and f.data["issue"] == "lost"


def test_whitespace_and_translatable_attributes_may_change() -> None:
    source = 'Hi {{first_name}}, <img src="a.png" alt="Sale"> { $count } %1$s'
    text = 'Hallo {{ first_name }}, <img alt="Ausverkauf" src="a.png"> {$count} %1$s'
    assert run("placeholders", "de-DE", text, source_text=source) == []
    changed_src = text.replace("a.png", "b.png")
    assert run("placeholders", "de-DE", changed_src, source_text=source)


def test_printf_reordering() -> None:
    source = "%s bought %d items"
    assert run("placeholders", "de-DE", "%2$d Artikel von %1$s gekauft", source_text=source) == []
    (f,) = run("placeholders", "de-DE", "%d Artikel von %s gekauft", source_text=source)
    assert f.data["issue"] == "order"


def test_bad_nesting_and_braces() -> None:
    (f,) = run("placeholders", "de-DE", "<b><i>Jetzt</b></i>", source_text="<b><i>Now</i></b>")
    assert f.data["issue"] == "nesting" and f.severity == "minor"
    damaged = run(
        "placeholders", "de-DE", "Hallo {first_name, viel Spaß", source_text="Hi {first_name}"
    )
    assert {x.data["issue"] for x in damaged} == {"lost", "braces"}
    (h,) = run("placeholders", "de-DE", "Hallo {first_name")
    assert h.severity == "minor"


def test_no_source_no_token_findings() -> None:
    assert run("placeholders", "de-DE", "Hallo {first_name}!") == []
