"""Reports: CSV (UTF-8 with BOM), XLSX (styled, filterable) and XLIFF 1.2 / 2.0 read back."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from pathlib import Path

import openpyxl
import pytest

from culturepanel.cli import main
from culturepanel.consolidation.decisions import record_decision
from culturepanel.consolidation.hq import hq_import
from culturepanel.consolidation.reports import report_markets, report_rows, write_csv, write_xlsx
from culturepanel.consolidation.xliff import XliffError, write_xliff
from culturepanel.importers import read_campaign_file
from culturepanel.storage.database import open_file

NS12 = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
NS20 = {"x": "urn:oasis:names:tc:xliff:document:2.0"}


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(args), out=out, err=err), out.getvalue(), err.getvalue()


@pytest.fixture
def decided(eg: Path) -> Path:
    with open_file(eg) as cpf:
        ids = {
            f"{k}@{loc}": v
            for v, k, loc in cpf.conn.execute("SELECT id, key, locale FROM variants")
        }
        rewrite = cpf.conn.execute(
            "SELECT id FROM votes WHERE variant_id = ? AND rewrite != ''", (ids["cta@ar-EG"],)
        ).fetchone()[0]
    record_decision(eg, ids["hero.title@ar-EG"], "escalate", "Eid; two rejections")
    record_decision(eg, ids["cta@en"], "go", '=HYPERLINK("x") looks like a formula')
    record_decision(eg, ids["cta@ar-EG"], "go_with_changes", "Warmer", rewrite)
    return eg


def test_rows_of_a_results_file(decided: Path) -> None:
    rows = {f"{r.key}@{r.locale}": r for r in report_rows(decided)}
    assert list(rows) == ["cta@ar-EG", "cta@en", "hero.title@ar-EG"]
    hero = rows["hero.title@ar-EG"]
    assert hero.market == "EG" and hero.decision == "escalate" and hero.escalated
    assert hero.decision_counts["reject"] == 2 and hero.votes == 3
    assert hero.concerns == {"minor": 0, "major": 1, "critical": 1}
    assert hero.means["timing"] == pytest.approx(5 / 3)
    assert hero.alphas["decision"] is not None
    assert any("critical concern" in t for t in hero.triggers)
    assert hero.comments[0] == "Amira (Reject): Not during Eid"
    cta = rows["cta@ar-EG"]
    assert cta.target == "اكتشفه الآن" and cta.adopted_text == "اكتشفه الآن"
    assert "Panelist 2 (Approve with changes): Sounds stiff Suggests: اكتشفه الآن" in cta.comments
    assert rows["cta@en"].decision == "go" and rows["cta@en"].target == "Discover now!"
    (market,) = report_markets(decided)
    assert (market.market, market.panelists, market.variants, market.decided) == ("EG", 3, 3, 3)


def test_csv_has_a_bom_one_row_per_variant_and_no_formulas(decided: Path, tmp_path: Path) -> None:
    out = write_csv(report_rows(decided), tmp_path / "r.csv")
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    table = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(table) == 3
    hero = next(r for r in table if r["Key"] == "hero.title")
    assert hero["Decision"] == "Escalate to HQ" and hero["Escalated"] == "yes"
    assert hero["Reject"] == "2" and hero["Critical concerns"] == "1"
    assert hero["Mean timing"] == "1.67"
    assert "Amira (Reject): Not during Eid" in hero["Comments"]
    en = next(r for r in table if r["Locale"] == "en")
    assert en["Decision"] == "Go" and en["Recommendation"] == "Go"
    assert en["Rationale"] == '\'=HYPERLINK("x") looks like a formula'  # never run as one
    assert not any(v.startswith("=") for r in table for v in r.values())


def test_xlsx_is_styled_frozen_filterable_and_keeps_text_as_text(
    decided: Path, tmp_path: Path
) -> None:
    out = write_xlsx(report_rows(decided), tmp_path / "r.xlsx", report_markets(decided))
    wb = openpyxl.load_workbook(out)
    ws = wb["Decisions"]
    assert ws.freeze_panes == "C2"
    assert ws.auto_filter.ref.startswith("A1:") and ws.auto_filter.ref.endswith("4")
    assert ws["A1"].value == "Key" and ws["A1"].font.bold
    assert ws["A2"].alignment.wrap_text
    assert ws.max_row == 4
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            assert cell.data_type != "f"
    rationale = [c.value for c in ws["H"]]
    assert '=HYPERLINK("x") looks like a formula' in rationale  # kept, as text
    markets = wb["Markets"]
    assert [c.value for c in markets[2]][:3] == ["EG", "Spring 2027", 3]


def test_xliff_12_reads_back_with_states_and_notes(decided: Path, tmp_path: Path) -> None:
    (out,) = write_xliff(report_rows(decided), tmp_path / "r.xlf", "1.2")
    parsed = read_campaign_file(out)
    assert parsed.ok, parsed.problems
    got = {(v.key, v.locale): v for v in parsed.variants}
    assert set(got) == {("cta", "ar-EG"), ("cta", "en"), ("hero.title", "ar-EG")}
    assert got[("cta", "ar-EG")].text == "اكتشفه الآن"  # the adopted rewrite is the target
    assert got[("cta", "ar-EG")].source_text == "Discover now"
    assert "Decision (EG): Go with changes" in (got[("cta", "ar-EG")].notes or "")
    assert "Rationale (EG): Eid; two rejections" in (got[("hero.title", "ar-EG")].notes or "")
    root = ET.parse(out).getroot()
    states = {
        u.get("id") + "@" + f.get("target-language"): u.find("x:target", NS12).get("state")
        for f in root.findall("x:file", NS12)
        for u in f.iter(f"{{{NS12['x']}}}trans-unit")
    }
    assert states == {
        "cta@ar-EG": "needs-review-translation",  # rewrite adopted: have it reviewed
        "hero.title@ar-EG": "needs-review-translation",  # escalated
        "cta@en": "final",  # go
    }


def test_xliff_20_writes_one_file_per_locale_that_reads_back(decided: Path, tmp_path: Path) -> None:
    with open_file(decided) as cpf:
        en = cpf.conn.execute("SELECT id FROM variants WHERE locale = 'en'").fetchone()[0]
        hero = cpf.conn.execute("SELECT id FROM variants WHERE key = 'hero.title'").fetchone()[0]
    assert not record_decision(decided, en, "go", '=HYPERLINK("x") looks like a formula').changed
    record_decision(decided, hero, "no_go", "Not this spring")
    files = write_xliff(report_rows(decided), tmp_path / "r.xlf", "2.0", "en", "Spring 2027")
    assert [f.name for f in files] == ["r.ar-EG.xlf", "r.en.xlf"]
    for f in files:
        assert read_campaign_file(f).ok
    root = ET.parse(files[0]).getroot()
    assert root.get("srcLang") == "en" and root.get("trgLang") == "ar-EG"
    segs = {u.get("id"): u.find("x:segment", NS20) for u in root.iter(f"{{{NS20['x']}}}unit")}
    assert segs["cta"].get("state") == "translated"
    assert segs["cta"].get("subState") == "culturepanel:go_with_changes"
    assert segs["hero.title"].get("state") == "initial"
    en_root = ET.parse(files[1]).getroot()
    (seg,) = en_root.iter(f"{{{NS20['x']}}}segment")
    assert seg.get("state") == "final"
    with pytest.raises(XliffError, match="not supported"):
        write_xliff(report_rows(decided), tmp_path / "x.xlf", "1.1")


def test_workspace_report_has_one_row_per_variant_and_market(
    ws: Path, decided: Path, de_results: Path, tmp_path: Path
) -> None:
    hq_import(ws, [decided, de_results])
    rows = report_rows(ws)
    assert len(rows) == 7
    assert {r.market for r in rows} == {"DE", "EG"}
    hero = next(r for r in rows if r.key == "hero.title" and r.market == "EG")
    assert hero.decision == "escalate" and hero.rationale == "Eid; two rejections"
    assert hero.concerns["critical"] == 1 and hero.alphas["decision"] is not None
    assert any("critical concern" in t for t in hero.triggers)
    markets = report_markets(ws)
    assert [m.market for m in markets] == ["DE", "EG"]
    code, _out, _err = run("report", str(ws), "--format", "xliff", "-o", str(tmp_path / "ws.xlf"))
    assert code == 0 and read_campaign_file(tmp_path / "ws.xlf").ok


def test_report_command(decided: Path, de: dict[str, Path], tmp_path: Path) -> None:
    for fmt, name in (("csv", "r.csv"), ("xlsx", "r.xlsx"), ("xliff", "r.xlf")):
        code, out, err = run("report", str(decided), "--format", fmt, "-o", str(tmp_path / name))
        assert code == 0, err
        assert out.startswith(f"Wrote {tmp_path / name}")
    # PDF needs Qt: covered in tests/ui/test_pdf_report.py, which keeps Qt out of the core tests
    code, _out, err = run(
        "report", str(de["Anna"]), "--format", "csv", "-o", str(tmp_path / "p.csv")
    )
    assert code == 1 and "review package" in err
