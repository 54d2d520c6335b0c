"""Loading, validating, merging and storing checklists; every problem names file and item."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from culturepanel.checklists import (
    ANSWERS,
    SEVERITIES,
    TOPICS,
    ChecklistError,
    answer_label,
    from_rows,
    load_checklist,
    severity_label,
    to_rows,
    topic_label,
    validate_checklist_file,
)
from culturepanel.errors import CulturePanelError
from culturepanel.i18n import set_language

GOOD_ITEM = """
[[item]]
id = "campaign.claims.tagline"
topic = "claims_legal"
severity = "major"
question = "Is the tagline kept in English as the brand guide requires?"
question_ja = "タグラインはブランドガイドどおり英語のままですか？"
why = "The tagline is a registered trade mark in English."
source = "Brand guide 2027, p. 4"
"""


def write(tmp_path: Path, name: str, body: str, scope: str = "campaign") -> Path:
    path = tmp_path / name
    header = f'[checklist]\nscope = "{scope}"\n'
    path.write_text(header + textwrap.dedent(body), encoding="utf-8")
    return path


def messages(path: Path) -> list[str]:
    return [str(p) for p in validate_checklist_file(path)]


# ---------------------------------------------------------------- malformed files


def test_bad_toml_syntax_names_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, "extra.toml", GOOD_ITEM + 'oops = "unterminated\n')
    (message,) = messages(path)
    last_line = len(path.read_text(encoding="utf-8").splitlines())
    assert str(path) in message
    assert f"line {last_line}:" in message
    assert "not valid TOML" in message


def test_missing_field_names_file_item_and_field(tmp_path: Path) -> None:
    path = write(tmp_path, "extra.toml", GOOD_ITEM.replace('source = "Brand guide 2027, p. 4"', ""))
    (message,) = messages(path)
    assert str(path) in message
    assert "item #1 'campaign.claims.tagline'" in message
    assert "column 'source'" in message
    assert "missing" in message


def test_item_without_id_is_named_by_position(tmp_path: Path) -> None:
    body = GOOD_ITEM + GOOD_ITEM.replace('id = "campaign.claims.tagline"', "")
    (message,) = messages(write(tmp_path, "extra.toml", body))
    assert "item #2," in message and "column 'id'" in message


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("severity", "high", "unknown severity 'high'"),
        ("topic", "weather", "unknown topic 'weather'"),
        ("id", "Campaign Tagline", "is not a valid id"),
        ("question", "", "must be non-empty text"),
    ],
)
def test_invalid_values_are_reported(tmp_path: Path, field: str, value: str, expected: str) -> None:
    body = "\n".join(
        f'{field} = "{value}"' if line.startswith(f"{field} =") else line
        for line in GOOD_ITEM.splitlines()
    )
    (message,) = messages(write(tmp_path, "extra.toml", body))
    assert expected in message and f"column '{field}'" in message
    assert str(tmp_path / "extra.toml") in message


def test_unknown_field_and_bad_terms_are_reported(tmp_path: Path) -> None:
    body = GOOD_ITEM + 'sevrity = "minor"\nterms = [" spaced ", { term = "ok", colour = "red" }]\n'
    found = messages(write(tmp_path, "extra.toml", body))
    assert any("column 'sevrity': unknown field" in m for m in found)
    assert any("term #1" in m and "outer spaces" in m for m in found)
    assert any("term #2: unknown field 'colour'" in m for m in found)


def test_duplicate_id_in_one_file(tmp_path: Path) -> None:
    (message,) = messages(write(tmp_path, "extra.toml", GOOD_ITEM + GOOD_ITEM))
    assert "item #2 'campaign.claims.tagline'" in message
    assert "first used by item #1" in message


def test_market_file_rules(tmp_path: Path) -> None:
    path = write(tmp_path, "jp_extra.toml", GOOD_ITEM, scope="JP")
    found = messages(path)
    assert any("does not match the file name" in m for m in found)
    assert any("must start with 'jp.'" in m for m in found)


def test_header_problems(tmp_path: Path) -> None:
    path = tmp_path / "extra.toml"
    path.write_text('[checklist]\nscope = "campaign"\nformat = 9\n[extra]\n', encoding="utf-8")
    found = messages(path)
    assert any("newer version" in m for m in found)
    assert any("unknown section 'extra'" in m for m in found)
    path.write_text(GOOD_ITEM, encoding="utf-8")
    assert any("missing [checklist] table" in m for m in messages(path))


def test_unreadable_files(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.toml"
    assert "file not found" in messages(missing)[0]
    latin1 = tmp_path / "latin1.toml"
    latin1.write_bytes('[checklist]\nscope = "campaign"\ntitle = "caf\xe9"\n'.encode("latin-1"))
    assert "not UTF-8" in messages(latin1)[0]


# ---------------------------------------------------------------- loading and merging


def test_market_without_file_gets_global_items_only() -> None:
    checklist = load_checklist("PT")  # Portugal: no curated file
    assert not checklist.curated
    assert len(checklist) > 0
    assert {item.scope for item in checklist} == {"global"}
    assert len(checklist.sources) == 1


def test_subdivision_uses_the_country_file() -> None:
    checklist = load_checklist("DE-BY")
    assert checklist.market == "DE-BY"
    assert checklist.curated
    assert any(item.scope == "DE" for item in checklist)
    assert load_checklist("de-BY".upper()).items == checklist.items


@pytest.mark.parametrize("code", ["ar", "de-by", "pt_BR", "QM", "not a market"])
def test_locale_codes_and_junk_are_refused(code: str) -> None:
    with pytest.raises(ValueError):
        load_checklist(code)


def test_campaign_items_are_merged_last_and_filtered_by_market(tmp_path: Path) -> None:
    body = GOOD_ITEM + GOOD_ITEM.replace("campaign.claims.tagline", "campaign.timing.jp").replace(
        'source = "Brand guide 2027, p. 4"',
        'source = "Brand guide 2027, p. 5"\nmarkets = ["JP"]\napplies_to_channels = ["TV"]',
    )
    extra = write(tmp_path, "spring.toml", body)
    jp = load_checklist("JP", [extra])
    assert [i.id for i in jp.items[-2:]] == ["campaign.claims.tagline", "campaign.timing.jp"]
    assert jp.items[-1].scope == "campaign" and jp.items[-1].channels == ("tv",)
    fr = load_checklist("FR", [extra])
    assert fr.items[-1].id == "campaign.claims.tagline"
    assert "campaign.timing.jp" not in {i.id for i in fr}


def test_duplicate_id_across_files_names_both(tmp_path: Path) -> None:
    body = GOOD_ITEM.replace("campaign.claims.tagline", "global.access.contrast")
    extra = write(tmp_path, "spring.toml", body)
    with pytest.raises(ChecklistError) as info:
        load_checklist("JP", [extra])
    message = str(info.value)
    assert str(extra) in message and "global.toml" in message
    assert "global.access.contrast" in message
    assert isinstance(info.value, CulturePanelError)


def test_load_reports_every_problem_of_every_file(tmp_path: Path) -> None:
    one = write(tmp_path, "one.toml", GOOD_ITEM.replace("major", "huge"))
    two = write(tmp_path, "two.toml", GOOD_ITEM.replace("claims_legal", "weather"))
    with pytest.raises(ChecklistError) as info:
        load_checklist("JP", [one, two])
    assert len(info.value.problems) == 2
    assert str(one) in str(info.value) and str(two) in str(info.value)


def test_extra_file_must_be_a_campaign_file(tmp_path: Path) -> None:
    extra = write(tmp_path, "JP.toml", GOOD_ITEM.replace("campaign.", "jp."), scope="JP")
    with pytest.raises(ChecklistError, match='scope = "campaign"'):
        load_checklist("JP", [extra])


# ---------------------------------------------------------------- items in use


def test_question_in_falls_back_to_english() -> None:
    jp = load_checklist("JP").item("jp.body.tattoos")
    assert jp.question_in("ja").startswith("タトゥー")
    assert jp.question_in("ja_JP") == jp.question_in("ja-JP") == jp.question_in("ja")
    assert jp.question_in("en") == jp.question
    assert jp.question_in(None) == jp.question
    assert jp.question_in("xx-nonsense") == jp.question
    cn = load_checklist("CN").item("cn.numbers.homophones")
    assert cn.question_in("zh") == cn.question_in("zh-Hans-CN") != cn.question
    assert cn.question_in("zh_TW") == cn.question  # Simplified is not offered as Traditional
    br = load_checklist("BR").item("br.gestures.ok_sign")
    assert br.question_in("pt_BR") != br.question
    assert br.why_in("pt") == br.why


def test_terms_follow_item_languages() -> None:
    mx = load_checklist("MX")
    spanish = {t.term for _item, t in mx.terms(language="es-MX")}
    english = {t.term for _item, t in mx.terms(language="en")}
    assert "coger" in spanish and "coger" not in english
    assert "Cinco de Mayo" in english  # item without a language limit
    assert len(mx.for_variant(language="en")) < len(mx)


def test_script_aware_language_limits() -> None:
    tw = load_checklist("TW")
    item = tw.item("tw.language.taiwan_usage")
    assert item.applies_to(language="zh-TW")  # Babel: zh-Hant-TW
    assert item.applies_to(language="zh-Hant")
    assert not item.applies_to(language="zh")  # bare zh is Simplified
    assert not item.applies_to(language="zh-CN")
    assert item.applies_to(channel="tv")  # no channel limit


def test_sources_name_shipped_files_without_local_paths(tmp_path: Path) -> None:
    extra = write(tmp_path, "spring.toml", GOOD_ITEM)
    checklist = load_checklist("JP", [extra])
    assert checklist.sources == ("checklists/global.toml", "checklists/JP.toml", str(extra))


def test_terms_of_the_saudi_checklist_include_emoji() -> None:
    terms = {t.term: t for _item, t in load_checklist("SA").terms()}
    assert "🐷" in terms and "الخليج الفارسي" in terms
    assert terms["بيرة"].note


# ---------------------------------------------------------------- package rows


def test_rows_round_trip_through_json(tmp_path: Path) -> None:
    extra = write(
        tmp_path, "spring.toml", GOOD_ITEM + 'terms = ["Spring", { term = "🌸", note = "n" }]\n'
    )
    original = load_checklist("CN", [extra])
    rows = json.loads(json.dumps(to_rows(original), ensure_ascii=False))
    rebuilt = from_rows(rows, original.market, original.sources, original.curated)
    assert rebuilt == original
    assert rebuilt.item("campaign.claims.tagline").question_in("ja").startswith("タグライン")
    assert rebuilt.item("cn.numbers.homophones").question_in("zh").endswith("？")
    assert all(row["scope"] for row in rows)


def test_bad_rows_are_refused_with_their_origin() -> None:
    rows = to_rows(load_checklist("JP"))
    rows[3] = {**rows[3], "severity": "urgent"}
    rows[5] = {key: value for key, value in rows[5].items() if key != "scope"}
    rows.append(dict(rows[0]))
    with pytest.raises(ChecklistError) as info:
        from_rows(rows, "JP", origin="package spring-jp.cpanel")
    text = str(info.value)
    assert "package spring-jp.cpanel" in text
    assert "unknown severity 'urgent'" in text and rows[3]["id"] in text
    assert "item #6" in text and "scope" in text
    assert f"duplicate item id '{rows[0]['id']}'" in text


# ---------------------------------------------------------------- labels


def test_labels_are_translatable_strings() -> None:
    assert topic_label("humor_idioms") == "Humor and idioms"
    assert severity_label("critical") == "Critical"
    assert answer_label("na") == "Not applicable"
    assert topic_label("unknown") == "unknown"
    set_language("xx")  # no catalog: English fallback
    assert [topic_label(t) for t in TOPICS] == list(TOPICS.values())
    assert [severity_label(s) for s in SEVERITIES] == list(SEVERITIES.values())
    assert set(ANSWERS) == {"pass", "concern", "na"}
