"""Translations: the message template is current and every catalog compiles and is used."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from culturepanel.i18n import _, set_language

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "translations"


def extract(target: Path) -> set[str]:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "-F",
            str(TRANSLATIONS / "babel.cfg"),
            "-k",
            "N_",
            "--no-location",
            "--sort-output",
            "-o",
            str(target),
            ".",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    with target.open("rb") as fh:
        return {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(fh) if m.id}


def test_template_lists_every_message_in_the_code(tmp_path: Path) -> None:
    in_code = extract(tmp_path / "fresh.pot")
    with (TRANSLATIONS / "culturepanel.pot").open("rb") as fh:
        in_template = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(fh) if m.id}
    missing = sorted(in_code - in_template)
    assert not missing, (
        f"{len(missing)} messages are not in translations/culturepanel.pot; "
        "run the extract command in translations/README.md. First: " + repr(missing[:5])
    )


@pytest.mark.parametrize(
    "po", sorted(TRANSLATIONS.glob("*/LC_MESSAGES/culturepanel.po")), ids=lambda p: p.parts[-3]
)
def test_catalog_is_compiled_and_current(po: Path) -> None:
    mo = po.with_suffix(".mo")
    assert mo.exists(), f"{mo} is missing: run pybabel compile"
    assert mo.stat().st_mtime >= po.stat().st_mtime - 1, f"{mo} is older than {po}"


def test_a_catalog_changes_the_messages() -> None:
    catalogs = sorted(TRANSLATIONS.glob("*/LC_MESSAGES/culturepanel.mo"))
    if not catalogs:
        pytest.skip("no catalogs compiled yet")
    lang = catalogs[0].parts[-3]
    set_language(lang)
    try:
        assert _("Reviewed") != "Reviewed" or _("Reject") != "Reject"
    finally:
        set_language("en")


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("de_AT", "Ablehnen"),
        ("zh", "拒绝"),
        ("zh_CN", "拒绝"),
        ("zh_TW", "Reject"),
        ("xx", "Reject"),
    ],
)
def test_language_fallbacks(language: str, expected: str) -> None:
    """A regional variant finds its language; Traditional Chinese never gets Simplified."""
    set_language(language)
    try:
        assert _("Reject") == expected
    finally:
        set_language("en")
