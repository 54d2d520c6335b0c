"""Helpers for the campaign-file reader tests: write a file, read it, find its problems."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from culturepanel.errors import Problem
from culturepanel.importers import ParsedFile, read_campaign_file

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32

Write = Callable[..., Path]


@pytest.fixture
def write(tmp_path: Path) -> Write:
    """``write(name, content, encoding="utf-8")``: a file in ``tmp_path``; bytes as they are."""

    def _write(name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_bytes(content.encode(encoding))
        else:
            path.write_bytes(content)
        return path

    return _write


def read(path: Path, **kwargs: object) -> ParsedFile:
    return read_campaign_file(path, **kwargs)  # type: ignore[arg-type]


def problems_in(parsed: ParsedFile, **where: str | None) -> list[Problem]:
    """The problems whose attributes equal ``where`` (e.g. ``row="row 3"``)."""
    return [p for p in parsed.problems if all(getattr(p, k) == v for k, v in where.items())]


def only_problem(parsed: ParsedFile) -> Problem:
    assert len(parsed.problems) == 1, [str(p) for p in parsed.problems]
    return parsed.problems[0]
