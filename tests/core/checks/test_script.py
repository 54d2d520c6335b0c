"""The script check: foreign letters, mixed-script words, digit families."""

from __future__ import annotations

import pytest

from culturepanel.checks import CheckContext, GlossaryTerm

from .helpers import run


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("de-DE", "Spare 20 % auf alles – nur bei Lumio!"),
        ("el-GR", "Κερδίστε έκπτωση 20% στο νέο iPhone 16 Pro!"),
        ("ru-RU", "Скидка 20% на новый Galaxy S25 — только сегодня!"),
        ("ar-SA", "خصم 20% على Galaxy S25 الجديد، اليوم فقط!"),
        ("he-IL", "הנחה של 20% על Galaxy S25 החדש, רק היום!"),
        ("hi-IN", "नए Galaxy S25 पर 20% की छूट, सिर्फ़ आज!"),
        ("th-TH", "ลด 20% สำหรับ Galaxy S25 รุ่นใหม่ วันนี้เท่านั้น!"),
        ("ja-JP", "新しいGalaxy S25が20%オフ、今日だけ！"),
        ("ko-KR", "새로운 Galaxy S25 20% 할인, 오늘 하루만! 韓國"),
        ("zh-TW", "全新 Galaxy S25 八折優惠，ㄅㄆㄇ 只限今天！"),
        ("sr-RS", "Попуст 20% на нови Galaxy S25 — само данас!"),
    ],
)
def test_own_script_with_latin_names_is_fine(locale: str, text: str) -> None:
    assert run("script", locale, text) == []


@pytest.mark.parametrize(
    ("locale", "text", "script", "excerpt"),
    [
        ("el-GR", "Κερδίστε έκπτωση σήμερα скидка στο νέο μοντέλο", "Cyrl", "скидка"),
        ("de-DE", "Spare heute 20 % – Ευχαριστούμε für deinen Einkauf", "Grek", "Ευχαριστούμε"),
        ("ja-JP", "新しいコレクション 할인 が登場", "Hang", "할인"),
        ("ru-RU", "Скидка на всё — תודה רבה — только сегодня", "Hebr", "תודה רבה"),
        ("he-IL", "הנחה על הכול שكرا רק היום", "Arab", "كرا"),
        ("th-TH", "ลดราคาทุกชิ้น नमस्ते วันนี้เท่านั้น", "Deva", "नमस्ते"),
        ("hi-IN", "सभी पर छूट ขอบคุณ सिर्फ़ आज", "Thai", "ขอบคุณ"),
        ("ar-SA", "خصم على كل شيء 谢谢 اليوم فقط", "Hani", "谢谢"),
    ],
)
def test_foreign_script_is_flagged_with_its_span(
    locale: str, text: str, script: str, excerpt: str
) -> None:
    findings = run("script", locale, text)
    assert len(findings) == 1
    (f,) = findings
    assert f.data["script"] == script
    start, end = f.span or (0, 0)
    assert excerpt in text[start:end]


def test_mixed_script_word_is_flagged_once() -> None:
    text = "Big Sаle today"  # Cyrillic а
    (f,) = run("script", "en-US", text)
    assert f.span == (4, 8) and f.data["scripts"] == ["Cyrl", "Latn"]
    (g,) = run("script", "ru-RU", "Большая pаспродажа")  # Latin p in a Russian word
    assert g.span == (8, 18)


def test_single_foreign_letter_is_minor() -> None:
    (f,) = run("script", "de-DE", "Die Formel lautet: Umfang = 2 π r, ganz einfach")
    assert f.severity == "minor"


def test_glossary_terms_and_placeholders_are_skipped() -> None:
    ctx = CheckContext(glossary=[GlossaryTerm("Яндекс")])
    assert run("script", "de-DE", "Jetzt bei Яндекс erhältlich, {имя}!", ctx) == []


def test_digit_families() -> None:
    (f,) = run("script", "ar-EG", "خصم ۴۰٪ على كل شيء")  # Persian digits in Arabic
    assert f.data["digits"] == "arabext"
    (g,) = run("script", "fa-IR", "تخفیف ٤٠٪ برای همه")  # Arabic digits in Persian
    assert g.data["digits"] == "arab"
    assert run("script", "ar-EG", "خصم ٤٠٪ على كل شيء") == []
    assert run("script", "fa-IR", "تخفیف ۴۰٪ برای همه") == []
