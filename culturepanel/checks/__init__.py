"""Automated checks of localized variants (Qt-free).

Each check is a small unit with an id, an MQM-style category, a default
severity and a version (:mod:`culturepanel.checks.registry`). Run them with
:func:`run_checks`; store the findings under :func:`cache_key`, which changes
whenever the text, the context that matters, a check's version or the data
behind the checks change.

>>> from culturepanel.checks import CheckInput, run_checks
>>> item = CheckInput(key="hero", locale="de-DE", text="Jetzt kaufen", source_text="Buy now")
>>> [f.check for f in run_checks(item, only={"untranslated"})]
[]
"""

from culturepanel.checks.engine import (
    CHECK_ORDER,
    ENGINE_VERSION,
    cache_key,
    check_versions,
    checks,
    run_checks,
    sort_findings,
)
from culturepanel.checks.length import load_channel_limits
from culturepanel.checks.model import (
    CATEGORIES,
    SEVERITIES,
    ChannelLimit,
    CheckContext,
    CheckInput,
    Finding,
    GlossaryTerm,
    SensitiveTerm,
)
from culturepanel.checks.registry import Check, get_check

__all__ = [
    "CATEGORIES",
    "CHECK_ORDER",
    "ENGINE_VERSION",
    "SEVERITIES",
    "ChannelLimit",
    "Check",
    "CheckContext",
    "CheckInput",
    "Finding",
    "GlossaryTerm",
    "SensitiveTerm",
    "cache_key",
    "check_versions",
    "checks",
    "get_check",
    "load_channel_limits",
    "run_checks",
    "sort_findings",
]
