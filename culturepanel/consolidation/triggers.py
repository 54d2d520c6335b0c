"""Escalation triggers and the recommendation for one variant: the view suggests, people decide.

A trigger is a reason to bring a variant to HQ's attention. The defaults
(:class:`TriggerConfig`), each of which can be switched off:

* any panelist raised a *critical* concern;
* rejections reach a share of the votes with a decision (default 0.34: with
  three panelists, two rejections trigger, one does not);
* the panel disagrees on the variant: its decision agreement (see
  :mod:`.agreement`) is below 0.667, Krippendorff's lowest acceptable level
  (e.g. two approvals and a rejection);
* the launch window has a timing *conflict* with the market's calendar (an
  observance of high sensitivity, from the calendar the packages carried).

Low agreement across the whole market (alpha per dimension below the same
threshold) is reported in the market summary, not as a trigger on every variant.

:func:`recommend` turns this into a recommendation, never a decision:
*escalate* if anything triggered, *go with changes* if any panelist asked for
changes or rejected, *go* if all approved, nothing while nobody has decided.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from culturepanel.calendar import TimingFinding
from culturepanel.i18n import _, ngettext

from .agreement import ACCEPTABLE, decision_agreement

CRITICAL = "critical"
REJECTS = "rejects"
DISAGREEMENT = "disagreement"
TIMING = "timing"
TRIGGER_CODES = (CRITICAL, REJECTS, DISAGREEMENT, TIMING)

GO = "go"
GO_WITH_CHANGES = "go_with_changes"
NO_GO = "no_go"
ESCALATE = "escalate"


@dataclass(frozen=True)
class TriggerConfig:
    """When a variant is flagged for escalation; ``None`` / ``False`` switches a trigger off."""

    critical_concern: bool = True
    reject_share: float | None = 0.34
    min_agreement: float | None = ACCEPTABLE
    timing_conflict: bool = True


@dataclass(frozen=True)
class Trigger:
    """One reason to escalate: a stable ``code`` and the numbers behind it."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def message(self) -> str:
        """The reason in the UI language."""
        return trigger_message(self.code, self.params)

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "params": self.params}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Trigger:
        return cls(str(data.get("code", "")), dict(data.get("params") or {}))


def trigger_message(code: str, params: dict[str, Any]) -> str:
    """A trigger's reason in the UI language (stored triggers keep only code and numbers)."""
    if code == CRITICAL:
        count = int(params.get("count", 1))
        return ngettext(
            "{count} panelist raised a critical concern.",
            "{count} panelists raised a critical concern.",
            count,
        ).format(count=count)
    if code == REJECTS:
        total = int(params.get("total", 0))
        return ngettext(
            "{rejects} of {total} panelist rejects it (threshold {share:.0%}).",
            "{rejects} of {total} panelists reject it (threshold {share:.0%}).",
            total,
        ).format(
            rejects=params.get("rejects"),
            total=total,
            share=float(params.get("threshold", 0)),
        )
    if code == DISAGREEMENT:
        return _("The panel disagrees: agreement {value:.2f} is below {threshold:.3f}.").format(
            value=float(params.get("value", 0)), threshold=float(params.get("threshold", 0))
        )
    if code == TIMING:
        return _("Timing conflict: {finding}").format(finding=params.get("message", ""))
    return code


def variant_triggers(
    votes: Sequence[Any],
    timing: Sequence[TimingFinding] = (),
    config: TriggerConfig | None = None,
) -> list[Trigger]:
    """The triggers one variant meets, given its votes (``Vote``) and timing findings."""
    config = config or TriggerConfig()
    found: list[Trigger] = []
    if config.critical_concern:
        critical = sum(1 for v in votes if v.concern_severity == "critical")
        if critical:
            found.append(Trigger(CRITICAL, {"count": critical}))
    decisions = [v.decision for v in votes if v.decision]
    if config.reject_share is not None and decisions:
        rejects = decisions.count("reject")
        if rejects and rejects / len(decisions) >= config.reject_share:
            found.append(
                Trigger(
                    REJECTS,
                    {"rejects": rejects, "total": len(decisions), "threshold": config.reject_share},
                )
            )
    if config.min_agreement is not None:
        agreed = decision_agreement(decisions)
        if agreed is not None and agreed < config.min_agreement:
            found.append(
                Trigger(
                    DISAGREEMENT, {"value": round(agreed, 4), "threshold": config.min_agreement}
                )
            )
    if config.timing_conflict:
        for finding in timing:
            if finding.severity == "conflict":
                found.append(
                    Trigger(
                        TIMING,
                        {
                            "message": finding.message,
                            "code": finding.code,
                            "start": finding.start.isoformat(),
                            "end": finding.end.isoformat(),
                        },
                    )
                )
    return found


def recommend(votes: Sequence[Any], triggers: Sequence[Trigger]) -> str | None:
    """``escalate`` / ``go_with_changes`` / ``go``, or ``None`` while no panelist decided."""
    decisions = [v.decision for v in votes if v.decision]
    if not decisions:
        return None
    if triggers:
        return ESCALATE
    if any(d != "approve" for d in decisions):
        return GO_WITH_CHANGES
    return GO
