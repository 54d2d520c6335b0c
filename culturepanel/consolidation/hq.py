"""HQ imports the markets' regional results files into the campaign workspace.

:func:`hq_import` reads each results file from a private copy (the file is never
changed), checks that it belongs to the workspace's campaign, and stores per
market, in one transaction per file:

* ``market_results``: which results file, when written and imported, and a
  summary (panelists, votes, alpha per dimension, decision counts);
* ``market_decisions``: per variant the manager's decision and rationale (or
  none yet), whether it is escalated, the recommendation and the triggers, the
  score means and distributions, the panel's decision counts and agreement;
* ``market_comments``: per vote its decision, concern, comment, rewrite and
  scores, attributed to "Panelist N", with the name only if that panelist
  consented to be named.

Idempotent: a results file whose content was imported already changes nothing.
A newer results file for the same market (later ``written_at``) replaces
everything of that market; an older one is ignored and said so.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from culturepanel.errors import CulturePanelError, FileRefused
from culturepanel.i18n import N_, _, ngettext
from culturepanel.review.votes import record_event
from culturepanel.storage.database import (
    KIND_CAMPAIGN,
    KIND_RESULTS,
    CulturePanelFile,
    current_user,
    new_id,
    now_iso,
    open_file,
)

from . import returned
from .triggers import ESCALATE, TriggerConfig
from .view import market_summary, variant_summaries

IMPORTED = "imported"
REPLACED = "replaced"
UNCHANGED = "unchanged"
OUTDATED = "outdated"
REFUSED = "refused"

STATUS_LABELS = {
    IMPORTED: N_("imported"),
    REPLACED: N_("replaced the market's earlier results"),
    UNCHANGED: N_("unchanged (already imported)"),
    OUTDATED: N_("ignored (older than the results imported)"),
    REFUSED: N_("refused"),
}


@dataclass(frozen=True)
class HqImportedFile:
    path: Path
    status: str
    market: str = ""
    decisions: int = 0
    comments: int = 0
    message: str = ""

    @property
    def status_label(self) -> str:
        return _(STATUS_LABELS[self.status])


@dataclass
class HqImportReport:
    workspace: Path
    files: list[HqImportedFile] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(f.status in (IMPORTED, REPLACED) for f in self.files)

    @property
    def all_refused(self) -> bool:
        return bool(self.files) and all(f.status == REFUSED for f in self.files)


def hq_import(
    workspace: Path, results: Sequence[Path], config: TriggerConfig | None = None
) -> HqImportReport:
    """Import regional results files into the campaign ``workspace`` (see the module docs).

    Never raises for a bad results file: each one is in the report. Raises
    :class:`~culturepanel.errors.FileRefused` if ``workspace`` is not a campaign workspace.
    """
    report = HqImportReport(Path(workspace))
    ws = open_file(Path(workspace), kinds=(KIND_CAMPAIGN,))
    try:
        with tempfile.TemporaryDirectory(prefix="culturepanel-hq-") as tmp:
            for index, path in enumerate(results):
                folder = Path(tmp) / str(index)
                folder.mkdir()
                try:
                    report.files.append(_import_one(ws, Path(path), folder, config))
                except (returned.Refused, CulturePanelError) as exc:
                    report.files.append(HqImportedFile(Path(path), REFUSED, message=str(exc)))
    finally:
        if report.changed:
            ws.close()
        else:
            ws.conn.close()  # an unchanged workspace keeps its exact bytes
    return report


def _import_one(
    ws: CulturePanelFile, path: Path, folder: Path, config: TriggerConfig | None
) -> HqImportedFile:
    copy, _sha = returned.snapshot(path, folder)
    try:
        cpf = open_file(copy, kinds=(KIND_RESULTS,))
    except FileRefused as exc:
        raise returned.Refused(str(exc)) from None
    except sqlite3.DatabaseError:
        raise returned.damaged(path.name) from None
    try:
        if cpf.campaign_id != ws.campaign_id:
            raise returned.Refused(
                _(
                    "{file} holds results of the campaign '{other}', not of '{campaign}' in "
                    "{workspace}. Nothing was imported from it."
                ).format(
                    file=path.name,
                    other=cpf.campaign_name,
                    campaign=ws.campaign_name,
                    workspace=ws.path.name,
                )
            )
        market = cpf.get_meta("market") or ""
        if not market:
            raise returned.Refused(
                _("{file} holds no merged returns yet; nothing to import.").format(file=path.name)
            )
        payload = results_payload(cpf, config)
        file_id = cpf.get_meta("file_id") or ""
        written_at = cpf.get_meta("written_at") or ""
    except sqlite3.DatabaseError:
        raise returned.damaged(path.name) from None
    finally:
        cpf.conn.close()
    digest = _digest(payload)
    known = ws.conn.execute(
        "SELECT results_file_id, digest, written_at FROM market_results WHERE market = ?",
        (market,),
    ).fetchone()
    decisions, comments = len(payload["decisions"]), len(payload["comments"])
    if known and known[1] == digest:
        message = _("{file}: the results of {market} were imported already; nothing changed.")
        return HqImportedFile(
            path,
            UNCHANGED,
            market,
            decisions,
            comments,
            message.format(file=path.name, market=market),
        )
    if known and written_at < (known[2] or ""):
        message = _(
            "{file}: older than the results of {market} imported (written {then}); the newer "
            "ones are kept."
        )
        return HqImportedFile(
            path,
            OUTDATED,
            market,
            decisions,
            comments,
            message.format(file=path.name, market=market, then=known[2]),
        )
    skipped = _store(ws, path, market, file_id, written_at, digest, payload)
    status = REPLACED if known else IMPORTED
    message = ngettext(
        "{file}: {market}: {decisions} variant, {comments} panel votes and comments.",
        "{file}: {market}: {decisions} variants, {comments} panel votes and comments.",
        decisions,
    ).format(file=path.name, market=market, decisions=decisions, comments=comments)
    if skipped:
        message += " " + ngettext(
            "{count} variant is not in this workspace and was left out.",
            "{count} variants are not in this workspace and were left out.",
            skipped,
        ).format(count=skipped)
    return HqImportedFile(path, status, market, decisions, comments, message)


def results_payload(cpf: CulturePanelFile, config: TriggerConfig | None = None) -> dict[str, Any]:
    """What HQ keeps of a results file: decisions, comments, summary; names only with consent."""
    summaries = variant_summaries(cpf, config)
    market = market_summary(cpf, summaries)
    decisions = []
    comments = []
    for s in summaries:
        d = s.decision
        decisions.append(
            {
                "variant_id": s.variant.id,
                "decision": d.decision if d else None,
                "rationale": d.rationale if d else None,
                "adopted_text": d.adopted_text if d else None,
                "decided_by": d.decided_by if d else None,
                "decided_at": d.decided_at if d else None,
                "escalated": int(bool(d and d.decision == ESCALATE)),
                "recommendation": s.recommendation,
                "triggers": [t.to_dict() for t in s.triggers],
                "scores": {"means": s.means, "distribution": s.distribution},
                "decision_counts": s.decision_counts,
                "agreement": s.agreement,
                "votes": s.voted,
            }
        )
        panel = {p.id: p for p in market.panelists}
        for v in s.votes:
            p = panel.get(v.panelist_id)
            comments.append(
                {
                    "variant_id": s.variant.id,
                    "panelist_number": v.panelist_number,
                    "panelist_name": p.name if p is not None and p.named else None,
                    "decision": v.decision,
                    "concern_category": v.concern_category,
                    "concern_severity": v.concern_severity,
                    "comment": v.comment,
                    "rewrite": v.rewrite,
                    "scores": v.scores,
                }
            )
    summary = {
        "campaign": market.campaign,
        "panelists": len(market.panelists),
        "named": sum(1 for p in market.panelists if p.named),
        "returns": len(market.returns),
        "variants": market.variants,
        "decided": market.decided,
        "triggered": market.triggered,
        "decisions": market.decisions,
        "alphas": {dim: a.value for dim, a in market.alphas.items()},
        "alpha_undefined": {dim: a.why_undefined for dim, a in market.alphas.items()},
    }
    return {"decisions": decisions, "comments": comments, "summary": summary}


def _digest(payload: dict[str, Any]) -> str:
    """Of the payload without words that depend on the UI language (timing messages)."""
    stable = json.loads(json.dumps(payload))
    for row in stable["decisions"]:
        for trigger in row["triggers"]:
            trigger["params"].pop("message", None)
    text = json.dumps(stable, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _store(
    ws: CulturePanelFile,
    path: Path,
    market: str,
    file_id: str,
    written_at: str,
    digest: str,
    payload: dict[str, Any],
) -> int:
    """Replace everything of ``market`` in one transaction; return variants left out."""
    known = {r[0] for r in ws.conn.execute("SELECT id FROM variants")}
    decisions = [d for d in payload["decisions"] if d["variant_id"] in known]
    comments = [c for c in payload["comments"] if c["variant_id"] in known]
    stamp = now_iso()
    with ws.transaction() as conn:
        conn.execute("DELETE FROM market_decisions WHERE market = ?", (market,))
        conn.execute("DELETE FROM market_comments WHERE market = ?", (market,))
        conn.executemany(
            "INSERT INTO market_decisions(id, variant_id, market, decision, rationale, "
            "adopted_text, decided_by, decided_at, escalated, recommendation, triggers, scores, "
            "decision_counts, agreement, votes) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    new_id(), d["variant_id"], market, d["decision"], d["rationale"],
                    d["adopted_text"], d["decided_by"], d["decided_at"], d["escalated"],
                    d["recommendation"], _json(d["triggers"]), _json(d["scores"]),
                    _json(d["decision_counts"]), d["agreement"], d["votes"],
                )
                for d in decisions
            ],
        )  # fmt: skip
        conn.executemany(
            "INSERT INTO market_comments(id, variant_id, market, panelist_number, panelist_name, "
            "decision, concern_category, concern_severity, comment, rewrite, scores) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    new_id(), c["variant_id"], market, c["panelist_number"], c["panelist_name"],
                    c["decision"], c["concern_category"], c["concern_severity"], c["comment"],
                    c["rewrite"], _json(c["scores"]),
                )
                for c in comments
            ],
        )  # fmt: skip
        conn.execute(
            "INSERT INTO market_results(id, market, results_file_id, file_name, digest, "
            "written_at, imported_at, imported_by, summary) VALUES (?,?,?,?,?,?,?,?,?) "
            "ON CONFLICT(market) DO UPDATE SET results_file_id = excluded.results_file_id, "
            "file_name = excluded.file_name, digest = excluded.digest, "
            "written_at = excluded.written_at, imported_at = excluded.imported_at, "
            "imported_by = excluded.imported_by, summary = excluded.summary",
            (
                new_id(), market, file_id, path.name, digest, written_at, stamp, current_user(),
                _json(payload["summary"]),
            ),
        )  # fmt: skip
        record_event(ws, "results-imported", {"market": market, "results_file_id": file_id})
    return len(payload["decisions"]) - len(decisions)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
