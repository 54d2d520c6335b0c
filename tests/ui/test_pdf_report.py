"""The PDF summary: written with Qt's PDF writer for a results file and for a workspace."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from culturepanel.cli import main
from culturepanel.consolidation.decisions import record_decision
from culturepanel.consolidation.hq import hq_import
from culturepanel.storage.database import open_file
from culturepanel.ui.pdf_report import write_pdf
from tests.core.consolidation.factory import issue, review, vote
from tests.ui.manager_files import EgFiles, build_eg

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[2]


def pdf_text(path: Path) -> str:
    """The PDF's text (``pdftotext``), or what can be read without it."""
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert data.count(b"/Type /Page") > data.count(b"/Type /Pages")  # at least one page
    if shutil.which("pdftotext") is not None:
        done = subprocess.run(
            ["pdftotext", "-raw", str(path), "-"], capture_output=True, check=True
        )
        text = done.stdout.decode("utf-8")
    else:  # a machine without poppler-utils: pypdf (a test dependency) reads the text
        from pypdf import PdfReader

        text = "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
    # one line of words in reading order; ligatures ("ﬂ") back to letters
    return " ".join(unicodedata.normalize("NFKC", text).split())


def pages(path: Path) -> int:
    data = path.read_bytes()
    return data.count(b"/Type /Page") - data.count(b"/Type /Pages")


@pytest.fixture
def eg(tmp_path: Path) -> EgFiles:
    files = build_eg(tmp_path)
    record_decision(
        files.results, files.ids["hero.title@ar-EG"], "escalate", "Launch falls on Eid al-Fitr"
    )
    record_decision(files.results, files.ids["cta@en"], "go")
    return files


def test_pdf_of_a_results_file(qapp, eg: EgFiles, tmp_path: Path) -> None:
    out = write_pdf(eg.results, tmp_path / "eg.pdf")
    text = pdf_text(out)
    assert "Campaign review: Spring 2027" in text
    assert "Which markets are ready" in text
    assert "Egypt (EG)" in text and "Not ready" in text
    assert "1 escalated, 1 undecided" in text
    assert "Escalate to HQ" in text and "Launch falls on Eid al-Fitr" in text
    assert "Audience appropriateness" in text  # the critical concern heads the top concerns
    assert text.index("Audience appropriateness") < text.index("Concern (no category)")
    assert "overlaps Eid al-Fitr" in text  # the timing conflict
    assert "low agreement" in text
    assert pages(out) == 2  # the summary, then the market's page
    assert "page 2 of 2" in text


def test_the_pdf_names_only_panelists_who_consented(qapp, eg: EgFiles, tmp_path: Path) -> None:
    text = pdf_text(write_pdf(eg.results, tmp_path / "eg.pdf"))
    assert "Amira" in text  # consented to be named
    assert "Panelist 2" in text
    for name in ("Omar", "Karim", "Layla"):
        assert name not in text


def test_pdf_of_a_workspace_after_hq_import(qapp, eg: EgFiles, tmp_path: Path) -> None:
    de = issue(eg.workspace, "DE", ["Jonas", "Mira"], tmp_path / "de-more")
    for package in de.values():
        review(package, {k: vote() for k in ("hero.title", "hero.sub", "cta", "push.sale")})
    de_results = tmp_path / "results-DE.cpanel"
    from culturepanel.consolidation.merge import merge_packages

    assert merge_packages(de_results, list(de.values())).count("accepted") == 2
    with open_file(de_results) as cpf:
        ids = [r[0] for r in cpf.conn.execute("SELECT id FROM variants")]
    for vid in ids:
        record_decision(de_results, vid, "go")
    assert hq_import(eg.workspace, [eg.results, de_results]).changed
    out = write_pdf(eg.workspace, tmp_path / "hq.pdf")
    text = pdf_text(out)
    assert "All markets imported at HQ" in text
    assert "Germany (DE) ● Ready" in text
    assert "Egypt (EG) ■ Not ready" in text
    assert pages(out) == 3  # summary, DE, EG
    for name in ("Omar", "Karim", "Jonas", "Mira"):
        assert name not in text


def test_report_command_writes_a_pdf_without_a_display(eg: EgFiles, tmp_path: Path) -> None:
    out = tmp_path / "cli.pdf"
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    env["CULTUREPANEL_LANG"] = "en"
    done = subprocess.run(
        [sys.executable, "-m", "culturepanel", "report", str(eg.results), "--format", "pdf",
         "-o", str(out)],
        capture_output=True, text=True, env=env, cwd=ROOT, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"Wrote {out}")
    assert "Campaign review: Spring 2027" in pdf_text(out)


def test_report_command_in_process(qapp, eg: EgFiles, tmp_path: Path) -> None:
    out_file = tmp_path / "r.pdf"
    out, err = io.StringIO(), io.StringIO()
    code = main(
        ["report", str(eg.results), "--format", "pdf", "-o", str(out_file)], out=out, err=err
    )
    assert code == 0, err.getvalue()
    assert out_file.read_bytes().startswith(b"%PDF")
