"""Fixtures for the calendar tests: a folder for hand-written observance files."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from culturepanel.calendar import clear_cache


@pytest.fixture
def observance_dir(tmp_path: Path) -> Iterator[Callable[..., Path]]:
    """Write TOML files (name → text) into a fresh folder and return the folder."""

    def make(**files: str) -> Path:
        folder = tmp_path / "observances"
        folder.mkdir(exist_ok=True)
        for name, text in files.items():
            (folder / f"{name}.toml").write_text(text, encoding="utf-8")
        clear_cache()
        return folder

    yield make
    clear_cache()


VALID_ENTRY = """
[[observance]]
id = "test-day"
name = "Test Day"
category = "cultural"
sensitivity = "medium"
rule = { kind = "fixed", date = "06-15" }
reason = "A day used by the tests."
source = "https://example.org/test-day"
"""
