"""Findings, the registry, run_checks and cache_key."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace

import pytest

from culturepanel.checks import (
    CATEGORIES,
    CHECK_ORDER,
    SEVERITIES,
    CheckContext,
    CheckInput,
    Finding,
    GlossaryTerm,
    SensitiveTerm,
    cache_key,
    check_versions,
    checks,
    get_check,
    run_checks,
    sort_findings,
)
from culturepanel.checks.registry import register
from culturepanel.i18n import set_language

ITEM = CheckInput(key="hero", locale="de-DE", text="Jetzt kaufen!", source_text="Buy now!")


def test_finding_round_trip_is_json() -> None:
    f = Finding("glossary", "terminology", "major", "m", "r", (1, 4), False, {"term": "X"})
    raw = json.loads(json.dumps(f.to_dict()))
    assert Finding.from_dict(raw) == f
    g = Finding("language", "accuracy", "info", "m", "r", None, True)
    assert Finding.from_dict(g.to_dict()) == g


def test_every_check_is_declared_fully() -> None:
    ids = [c.id for c in checks()]
    assert ids == list(CHECK_ORDER)
    for c in checks():
        assert c.category in CATEGORIES
        assert c.severity in SEVERITIES
        assert isinstance(c.version, int) and c.version >= 1
        assert c.title() and c.description
    assert get_check("language").category == "accuracy"


def test_register_refuses_bad_metadata() -> None:
    with pytest.raises(ValueError):
        register("x", category="grammar", severity="major", version=1, description="d")
    with pytest.raises(ValueError):
        register("x", category="style", severity="fatal", version=1, description="d")


def test_only_limits_the_checks() -> None:
    item = CheckInput(
        "k", "fr-FR", "Buy now and save a lot today", source_text="Buy now and save a lot today"
    )
    assert {f.check for f in run_checks(item, only={"untranslated"})} == {"untranslated"}
    assert {f.check for f in run_checks(item)} >= {"untranslated", "language"}


def test_failing_check_becomes_an_inconclusive_finding(monkeypatch: pytest.MonkeyPatch) -> None:
    check = get_check("expansion")

    def boom(*_a: object) -> list[Finding]:
        raise RuntimeError("bug")

    from culturepanel.checks import registry

    monkeypatch.setitem(registry._REGISTRY, "expansion", replace(check, func=boom))
    findings = run_checks(ITEM, only={"expansion", "untranslated"})
    assert [f.check for f in findings] == ["expansion"]
    assert findings[0].inconclusive and "RuntimeError" in findings[0].data["error"]


def test_sort_findings_puts_serious_first() -> None:
    a = Finding("a", "style", "minor", "m", "r", (5, 6))
    b = Finding("b", "style", "critical", "m", "r", (9, 10))
    c = Finding("c", "style", "info", "m", "r", None, True)
    assert sort_findings([c, a, b]) == [b, a, c]


def test_cache_key_changes_with_what_matters(monkeypatch: pytest.MonkeyPatch) -> None:
    base = cache_key(ITEM)
    assert base == cache_key(replace(ITEM, key="other-key"))  # the key does not matter
    assert len(base) == 64
    assert cache_key(replace(ITEM, text="Jetzt kaufen")) != base
    assert cache_key(replace(ITEM, source_text="Buy!")) != base
    assert cache_key(replace(ITEM, locale="de-AT")) != base
    assert cache_key(replace(ITEM, channel="sms")) != base
    assert cache_key(ITEM, only={"language"}) != base
    # context: only the entries that apply to this variant count
    de_term = CheckContext(glossary=[GlossaryTerm("Lumio", locale="de")])
    fr_term = CheckContext(glossary=[GlossaryTerm("Lumio", locale="fr")])
    assert cache_key(ITEM, de_term) != base
    assert cache_key(ITEM, fr_term) == base
    sa = CheckContext(sensitive_terms=[SensitiveTerm("x", "r", markets=("SA",))])
    de = CheckContext(sensitive_terms=[SensitiveTerm("x", "r", markets=("DE",))])
    assert cache_key(ITEM, sa) == base
    assert cache_key(ITEM, de) != base
    # a new version of any check changes every key
    from culturepanel.checks import registry

    lang = registry._REGISTRY["language"]
    monkeypatch.setitem(registry._REGISTRY, "language", replace(lang, version=lang.version + 1))
    assert check_versions()["language"] == lang.version + 1
    assert cache_key(ITEM) != base


def test_cache_key_includes_ui_language() -> None:
    base = cache_key(ITEM)
    try:
        set_language("de")
        assert cache_key(ITEM) != base
    finally:
        set_language("en")


def test_cache_key_is_stable_across_processes() -> None:
    code = (
        "from culturepanel.checks import CheckInput, cache_key;"
        "print(cache_key(CheckInput('hero', 'de-DE', 'Jetzt kaufen!', source_text='Buy now!')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == cache_key(ITEM)
