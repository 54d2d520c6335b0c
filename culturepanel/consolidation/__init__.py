"""Consolidation: from returned review packages to the region's decisions and HQ's matrix.

The flow, without Qt:

* :mod:`.seal` — the issue seal HQ puts on a package, checked when it returns;
* :mod:`.returned`, :mod:`.merge`, :mod:`.merge_write` — merging returned
  packages into a market's regional results file (``merge_packages``);
* :mod:`.panel` — panelists and how they may be named (consent);
* :mod:`.agreement` — Krippendorff's alpha and per-variant disagreement;
* :mod:`.triggers` — escalation triggers and the recommendation;
* :mod:`.decisions` — the manager's decisions, with rationale and history
  (:mod:`.lookup` finds a variant or a rewrite for scripts);
* :mod:`.view`, :mod:`.session` — what the manager's window shows;
* :mod:`.hq`, :mod:`.matrix` — HQ's import of results and its decisions matrix;
* :mod:`.reports`, :mod:`.reports_xlsx`, :mod:`.xliff` — CSV, XLSX and XLIFF reports;
* :mod:`.commands` — ``merge``, ``decide``, ``hq-import`` and ``report`` on the command line;
* :mod:`.results_info` — what ``culturepanel info`` shows of results and imported markets.
"""
