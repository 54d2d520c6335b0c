"""Importing into a workspace: all or nothing, idempotent, change-aware; and the CLI."""

from __future__ import annotations

import hashlib
import io
import json
import sqlite3
from pathlib import Path

import pytest

from culturepanel.cli import main
from culturepanel.errors import InputErrors
from culturepanel.importers.workspace_import import import_campaign_files
from tests.core.importers.conftest import PNG, Write

WIDE = (
    "key,source_text,channel,launch_start,launch_end,asset,de,fr-FR,pt_BR,zh-Hant-TW,es-419,ar\n"
    "hero,Go far,web,2027-03-01,2027-03-14,hero.png,Weit weg,Allez loin,Vá longe,走遠,Ve lejos,"
    "اذهب بعيدا\n"
    "cta,Shop now,web,,,,Jetzt kaufen,Acheter,Comprar,購買,Comprar,تسوق الآن\n"
)


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def wide_csv(write: Write) -> Path:
    write("hero.png", PNG)
    return write("campaign.csv", WIDE)


def test_import_then_info_lists_locales_as_imported(tmp_path: Path, wide_csv: Path) -> None:
    ws = tmp_path / "ws.cpanel"
    code, out, err = run("import", str(ws), str(wide_csv), "--campaign", "Go Far 2027")
    assert code == 0, err
    assert "12 added, 0 changed, 0 unchanged" in out
    code, out, _err = run("info", str(ws), "--json")
    info = json.loads(out)
    assert info["kind"] == "campaign"
    assert info["campaign"] == "Go Far 2027"
    assert info["variants"] == 12
    assert info["locales"] == {
        "ar": 2,
        "de": 2,
        "es-419": 2,
        "fr-FR": 2,
        "pt_BR": 2,
        "zh-Hant-TW": 2,
    }
    assert info["markets"]["DE"]["assumed_from"] == ["likely"]
    assert info["assets"]["count"] == 1
    assert info["launch_window"] == {"start": "2027-03-01", "end": "2027-03-14"}
    code, text, _err = run("info", str(ws))
    assert "assumed: the likely country" in text
    assert "zh-Hant-TW" in text


def test_same_file_twice_changes_nothing(tmp_path: Path, wide_csv: Path) -> None:
    ws = tmp_path / "ws.cpanel"
    import_campaign_files(ws, [wide_csv])
    before = digest(ws)
    report = import_campaign_files(ws, [wide_csv])
    assert [(f.added, f.changed, f.unchanged, f.removed) for f in report.files] == [(0, 0, 12, 0)]
    assert digest(ws) == before


def test_edited_file_updates_keeps_history_and_marks_removed(
    tmp_path: Path, wide_csv: Path, write: Write
) -> None:
    ws = tmp_path / "ws.cpanel"
    import_campaign_files(ws, [wide_csv])
    edited = WIDE.replace("Weit weg", "Geh weit").split("\n")
    edited = "\n".join(edited[:2]) + "\n" + "new,New,web,,,,Neu,Nouveau,Novo,新,Nuevo,جديد\n"
    write("campaign.csv", edited)
    report = import_campaign_files(ws, [wide_csv])
    f = report.files[0]
    assert (f.added, f.changed, f.unchanged, f.removed) == (6, 1, 5, 6)
    conn = sqlite3.connect(ws)
    text, revision = conn.execute(
        "SELECT text, revision FROM variants WHERE key='hero' AND locale='de'"
    ).fetchone()
    assert (text, revision) == ("Geh weit", 2)
    history = conn.execute(
        "SELECT h.text FROM variant_history h JOIN variants v ON v.id = h.variant_id "
        "WHERE v.key='hero' AND v.locale='de'"
    ).fetchall()
    assert history == [("Weit weg",)]
    removed = conn.execute("SELECT count(*) FROM variants WHERE status='removed'").fetchone()[0]
    assert removed == 6
    conn.close()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("key,text\nhero,Hallo\n", "column 'locale'"),
        ("key,locale,text\nhero,xx-YY,Hallo\n", "unknown locale 'xx-YY'"),
        ("key,locale,text\nhero,de,Hallo\nhero,de,Servus\n", "row 3"),
        ("key,locale,text\nhero,de,   \n", "row 2, column 'text'"),
        ("key,locale,text,launch_start\nhero,de,Hallo,03/04/2027\n", "column 'launch_start'"),
        (
            "key,locale,text,launch_start,launch_end\nhero,de,Hallo,2027-03-04,2027-03-01\n",
            "column 'launch_end'",
        ),
        ("key,locale,text,asset\nhero,de,Hallo,missing.png\n", "column 'asset'"),
    ],
)
def test_bad_input_imports_nothing(
    tmp_path: Path, wide_csv: Path, write: Write, content: str, expected: str
) -> None:
    ws = tmp_path / "ws.cpanel"
    import_campaign_files(ws, [wide_csv])
    before = digest(ws)
    bad = write("bad.csv", content)
    code, _out, err = run("import", str(ws), str(bad))
    assert code == 1
    assert "Nothing was imported" in err
    assert "bad.csv" in err and expected in err
    assert digest(ws) == before


def test_one_bad_file_of_two_imports_nothing_and_creates_no_workspace(
    tmp_path: Path, wide_csv: Path, write: Write
) -> None:
    bad = write("bad.json", '[{"key": "a", "locale": "de"')
    ws = tmp_path / "new.cpanel"
    code, _out, err = run("import", str(ws), str(wide_csv), str(bad))
    assert code == 1
    assert "bad.json" in err
    assert not ws.exists()


def test_errors_are_capped_at_fifty_lines(tmp_path: Path, write: Write) -> None:
    rows = "".join(f"k{i},xx-YY,text\n" for i in range(80))
    bad = write("many.csv", "key,locale,text\n" + rows)
    with pytest.raises(InputErrors) as caught:
        import_campaign_files(tmp_path / "ws.cpanel", [bad])
    lines = str(caught.value).splitlines()
    assert len(lines) == 51
    assert lines[-1] == "… and 30 more problems."


def test_foreign_workspace_is_refused(tmp_path: Path, wide_csv: Path) -> None:
    other = tmp_path / "music.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t(x)")
    conn.commit()
    conn.close()
    before = digest(other)
    code, _out, err = run("import", str(other), str(wide_csv))
    assert code == 1
    assert "belongs to another application" in err
    assert digest(other) == before


def test_other_campaign_rows_are_refused(tmp_path: Path, wide_csv: Path, write: Write) -> None:
    ws = tmp_path / "ws.cpanel"
    import_campaign_files(ws, [wide_csv], campaign="Go Far 2027")
    other = write("other.csv", "key,locale,text,campaign\nx,de,Hallo,Winter Sale\n")
    with pytest.raises(InputErrors, match="belongs to campaign 'Winter Sale'"):
        import_campaign_files(ws, [other])


def test_variant_moved_to_another_file_of_the_same_import_stays_active(
    tmp_path: Path, write: Write
) -> None:
    ws = tmp_path / "ws.cpanel"
    a = write("a.csv", "key,locale,text\nhero,de,Hallo\n")
    b = write("b.csv", "key,locale,text\ncta,de,Los\n")
    import_campaign_files(ws, [a, b])
    write("a.csv", "key,locale,text\nhero,de,Hallo\ncta,de,Los\n")
    write("b.csv", "key,locale,text\nfooter,de,Impressum\n")
    import_campaign_files(ws, [a, b])
    conn = sqlite3.connect(ws)
    status = conn.execute("SELECT status FROM variants WHERE key = 'cta'").fetchone()[0]
    conn.close()
    assert status == "active"
