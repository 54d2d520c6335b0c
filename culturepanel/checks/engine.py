"""Running the checks over a variant, and the key under which to store the results.

:func:`run_checks` runs every registered check (or those named in ``only``)
and returns their findings in a stable order. :func:`cache_key` is a SHA-256
over everything the findings depend on: the text, its source, locale, market,
channel and the part of the channel its key names (``push.title`` → title),
the version of each check and of the engine, the versions of the data the
checks use (CLDR through Babel, langdetect's profiles), the UI language of the
messages, and the part of the context that applies to the variant (glossary
entries of its locale, sensitive terms of its market, the limit that applies
to its channel and key). Equal keys mean equal findings.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import asdict
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version

# Importing the check modules registers them.
from culturepanel.checks import (  # noqa: F401
    amounts,
    dates,
    glossary,
    language,
    length,
    placeholders,
    script,
    sensitive,
    untranslated,
)
from culturepanel.checks.length import key_part, limit_for
from culturepanel.checks.model import CheckContext, CheckInput, Finding
from culturepanel.checks.registry import Check, all_checks
from culturepanel.checks.sensitive import terms_for
from culturepanel.i18n import _, current_language

log = logging.getLogger(__name__)

#: Bump when the engine's own behaviour (ordering, shared text handling) changes.
ENGINE_VERSION = 2

#: The order in which checks run and findings are listed.
CHECK_ORDER = (
    "language",
    "script",
    "untranslated",
    "placeholders",
    "glossary",
    "numbers",
    "currency",
    "dates",
    "expansion",
    "channel-limit",
    "sensitive-terms",
)

_SEVERITY_RANK = {"critical": 0, "major": 1, "minor": 2, "info": 3}


def checks() -> list[Check]:
    """Every check, in :data:`CHECK_ORDER` (checks registered elsewhere come last)."""
    rank = {cid: i for i, cid in enumerate(CHECK_ORDER)}
    return sorted(all_checks(), key=lambda c: rank.get(c.id, len(rank)))


def run_checks(
    item: CheckInput, context: CheckContext | None = None, only: set[str] | None = None
) -> list[Finding]:
    """Findings of every check (or of the checks in ``only``) on ``item``.

    A check that fails with an unexpected error yields one inconclusive
    finding saying so instead of stopping the others.
    """
    ctx = context or CheckContext()
    findings: list[Finding] = []
    for check in checks():
        if only is not None and check.id not in only:
            continue
        try:
            findings.extend(check.run(item, ctx))
        except Exception as exc:  # a bug in one check must not hide the others
            log.exception("check %s failed on %s/%s", check.id, item.key, item.locale)
            findings.append(
                check.finding(
                    _("The check could not run."),
                    _("Internal error: {error}").format(error=type(exc).__name__),
                    inconclusive=True,
                    data={"error": repr(exc)},
                )
            )
    return findings


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Most serious first, then by position in the text."""
    return sorted(
        findings,
        key=lambda f: (
            f.inconclusive,
            _SEVERITY_RANK.get(f.severity, 9),
            f.span[0] if f.span else -1,
            f.check,
        ),
    )


@lru_cache(maxsize=1)
def _data_versions() -> tuple[str, ...]:
    out = []
    for dist in ("babel", "langdetect"):
        try:
            out.append(f"{dist}={version(dist)}")
        except PackageNotFoundError:
            out.append(f"{dist}=?")
    return tuple(out)


def check_versions(only: set[str] | None = None) -> dict[str, int]:
    """``{check id: version}`` of the checks that :func:`run_checks` would run."""
    return {c.id: c.version for c in checks() if only is None or c.id in only}


def cache_key(
    item: CheckInput, context: CheckContext | None = None, only: set[str] | None = None
) -> str:
    """Hex SHA-256 identifying the findings of ``run_checks(item, context, only)``."""
    ctx = context or CheckContext()
    limit = limit_for(item, ctx.limits())
    payload = {
        "engine": ENGINE_VERSION,
        "checks": check_versions(only),
        "data": list(_data_versions()),
        "ui": current_language(),
        "item": {
            "locale": item.locale,
            "market": item.market,
            "text": item.text,
            "source_text": item.source_text,
            "source_locale": item.source_locale,
            "channel": item.channel,
            "part": key_part(item.key) if item.channel else None,
        },
        "glossary": sorted(
            json.dumps(asdict(g), sort_keys=True) for g in ctx.glossary_for(item.locale)
        ),
        "sensitive": sorted(
            json.dumps(asdict(t), sort_keys=True) for t in terms_for(item, ctx.sensitive_terms)
        ),
        "limit": asdict(limit) if limit else None,
    }
    blob = json.dumps(payload, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()
