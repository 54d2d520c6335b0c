"""Shortcuts for the check tests."""

from __future__ import annotations

from typing import Any

from culturepanel.checks import CheckContext, CheckInput, Finding, run_checks


def run(
    check_id: str, locale: str, text: str, context: CheckContext | None = None, **kw: Any
) -> list[Finding]:
    """Findings of one check on one variant."""
    item = CheckInput(key="k", locale=locale, text=text, **kw)
    findings = run_checks(item, context, only={check_id})
    assert all("error" not in f.data for f in findings), findings
    return findings


def flagged(findings: list[Finding]) -> list[Finding]:
    """Findings that are not inconclusive."""
    return [f for f in findings if not f.inconclusive]
