"""The register of checks: each check's id, category, default severity and version.

A check is a function ``(item, context, check) -> list[Finding]`` decorated
with :func:`register`. The decorator records it with its metadata; the
``check`` argument builds findings that carry the check's id, category and
default severity (:meth:`Check.finding`). Bump a check's ``version`` whenever
its results may change, so stored findings are recomputed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from culturepanel.checks.model import CATEGORIES, SEVERITIES, CheckContext, CheckInput, Finding
from culturepanel.i18n import _

CheckFunc = Callable[[CheckInput, CheckContext, "Check"], list[Finding]]


@dataclass(frozen=True)
class Check:
    """A registered check."""

    id: str
    category: str
    severity: str  # default severity of its findings
    version: int
    description: str  # English, marked with N_(); see title()
    func: CheckFunc

    def title(self) -> str:
        """The description in the current UI language."""
        return _(self.description)

    def run(self, item: CheckInput, context: CheckContext) -> list[Finding]:
        return self.func(item, context, self)

    def finding(
        self,
        message: str,
        reason: str,
        span: tuple[int, int] | None = None,
        *,
        severity: str | None = None,
        inconclusive: bool = False,
        data: dict[str, Any] | None = None,
    ) -> Finding:
        """A finding of this check (default severity unless ``severity`` is given)."""
        return Finding(
            check=self.id,
            category=self.category,
            severity=severity or ("info" if inconclusive else self.severity),
            message=message,
            reason=reason,
            span=span,
            inconclusive=inconclusive,
            data=data or {},
        )


_REGISTRY: dict[str, Check] = {}


def register(
    check_id: str, *, category: str, severity: str, version: int, description: str
) -> Callable[[CheckFunc], CheckFunc]:
    """Decorator recording a check function under ``check_id``."""
    if category not in CATEGORIES:
        raise ValueError(f"unknown category {category!r}")
    if severity not in SEVERITIES:
        raise ValueError(f"unknown severity {severity!r}")

    def decorate(func: CheckFunc) -> CheckFunc:
        if check_id in _REGISTRY and _REGISTRY[check_id].func is not func:
            raise ValueError(f"check {check_id!r} registered twice")
        _REGISTRY[check_id] = Check(check_id, category, severity, version, description, func)
        return func

    return decorate


def all_checks() -> list[Check]:
    """Every registered check, in registration order."""
    return list(_REGISTRY.values())


def get_check(check_id: str) -> Check:
    """The check registered under ``check_id``; ``KeyError`` if none."""
    return _REGISTRY[check_id]
