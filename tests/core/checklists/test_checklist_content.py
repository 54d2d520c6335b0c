"""The shipped checklists: every file valid, enough markets, complete and sourced items."""

from __future__ import annotations

from collections import Counter
from importlib.resources.abc import Traversable

import pytest

from culturepanel.checklist_format import ChecklistItem, read_checklist_file
from culturepanel.checklists import (
    SCOPE_GLOBAL,
    available_markets,
    checklist_dir,
    load_checklist,
    validate_checklist_file,
)

#: The demo campaign's markets and the panel language each one is localized into.
DEMO_LANGUAGES = {
    "JP": "ja",
    "CN": "zh-Hans",
    "SA": "ar",
    "EG": "ar",
    "IN": "hi",
    "DE": "de",
    "FR": "fr",
    "MX": "es",
    "BR": "pt",
}
#: Topics the issue asks the global checklist to cover with 2–4 items each.
GLOBAL_TOPICS = (
    "imagery",
    "colors",
    "numbers",
    "gestures",
    "religion",
    "politics",
    "humor_idioms",
    "forms_of_address",
    "claims_legal",
    "names_family",
    "accessibility",
)
QUESTION_ENDINGS = ("?", "？", "؟")


def shipped_files() -> list[Traversable]:
    return sorted(
        (f for f in checklist_dir().iterdir() if f.name.endswith(".toml")), key=lambda f: f.name
    )


def items_of(scope: str) -> list[ChecklistItem]:
    file = checklist_dir() / f"{scope}.toml"
    _scope, items, problems = read_checklist_file(file)
    assert not problems
    return items


@pytest.mark.parametrize("file", shipped_files(), ids=lambda f: f.name)
def test_every_shipped_file_validates(file: Traversable) -> None:
    assert validate_checklist_file(file) == []


def test_at_least_25_markets_including_the_demo_ones() -> None:
    markets = available_markets()
    assert len(markets) >= 25
    assert set(DEMO_LANGUAGES) <= set(markets)
    assert SCOPE_GLOBAL not in markets


@pytest.mark.parametrize("market", available_markets())
def test_market_files_have_6_to_15_own_items(market: str) -> None:
    assert 6 <= len(items_of(market)) <= 15


@pytest.mark.parametrize("market", available_markets())
def test_every_market_loads_with_global_items_first(market: str) -> None:
    checklist = load_checklist(market)
    assert checklist.curated
    scopes = [item.scope for item in checklist]
    assert scopes == sorted(scopes, key=lambda s: s != SCOPE_GLOBAL)
    assert scopes.count(market) == len(items_of(market))


def test_global_checklist_covers_the_issue_topics() -> None:
    counts = Counter(item.topic for item in items_of(SCOPE_GLOBAL))
    assert len(counts) >= 10
    for topic in GLOBAL_TOPICS:
        assert 2 <= counts[topic] <= 4, topic


def all_items() -> list[ChecklistItem]:
    return [item for f in shipped_files() for item in items_of(f.name[:-5])]


def test_ids_are_unique_across_all_files() -> None:
    ids = Counter(item.id for item in all_items())
    assert [i for i, n in ids.items() if n > 1] == []


@pytest.mark.parametrize("item", all_items(), ids=lambda i: i.id)
def test_item_is_complete(item: ChecklistItem) -> None:
    assert item.question.endswith("?")
    assert len(item.why) >= 40 and item.why.endswith(".")
    assert len(item.source) >= 15
    assert item.severity in ("minor", "major", "critical")
    for text in item.question_l10n.values():
        assert text.endswith(QUESTION_ENDINGS)
    for term in item.terms:
        assert "\ufe0f" not in term.term  # emoji written without the variation selector


@pytest.mark.parametrize(("market", "language"), DEMO_LANGUAGES.items())
def test_demo_markets_have_questions_in_their_language(market: str, language: str) -> None:
    for item in items_of(market):
        localized = item.question_in(language)
        assert localized != item.question, item.id


@pytest.mark.parametrize("language", sorted(set(DEMO_LANGUAGES.values())))
def test_global_items_have_questions_in_every_demo_language(language: str) -> None:
    for item in items_of(SCOPE_GLOBAL):
        assert item.question_in(language) != item.question, (item.id, language)


def test_market_items_do_not_repeat_global_questions() -> None:
    global_questions = {item.question for item in items_of(SCOPE_GLOBAL)}
    for market in available_markets():
        assert not global_questions & {item.question for item in items_of(market)}


def test_shipped_terms_are_unique_per_item_and_not_bare_digits() -> None:
    for item in all_items():
        terms = [t.term for t in item.terms]
        assert len(terms) == len(set(terms)), item.id
        assert not any(t.isdigit() for t in terms), item.id
