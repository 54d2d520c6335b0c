"""Every user setting, declared once with its type, default and description."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QSettings

from culturepanel.i18n import N_


@dataclass(frozen=True)
class Setting:
    name: str
    type: type
    default: Any
    description: str


LAST_FILE = Setting("files/last", str, "", N_("The file opened last, reopened at start"))
RECENT_FILES = Setting("files/recent", list, [], N_("Recently opened files"))
UI_LANGUAGE = Setting("ui/language", str, "", N_("Language of the interface (empty: system)"))
WINDOW_GEOMETRY = Setting("ui/geometry", bytes, b"", N_("Size and place of the main window"))
WINDOW_STATE = Setting("ui/state", bytes, b"", N_("Docks and toolbars of the main window"))
TIMING_MARGIN_DAYS = Setting(
    "review/timing_margin_days", int, 3, N_("Days before a launch checked for holidays")
)

ALL = (LAST_FILE, RECENT_FILES, UI_LANGUAGE, WINDOW_GEOMETRY, WINDOW_STATE, TIMING_MARGIN_DAYS)


def _store() -> QSettings:
    return QSettings("CulturePanel", "CulturePanel")


def get(setting: Setting) -> Any:
    value = _store().value(setting.name, setting.default)
    if value is None:
        return setting.default
    if setting.type is list:
        return list(value) if isinstance(value, (list, tuple)) else [value]
    if setting.type is bytes:
        return bytes(value) if value else b""
    try:
        return setting.type(value)
    except (TypeError, ValueError):
        return setting.default


def put(setting: Setting, value: Any) -> None:
    _store().setValue(setting.name, value)


def remember_file(path: str) -> None:
    put(LAST_FILE, path)
    recent = [p for p in get(RECENT_FILES) if p != path]
    put(RECENT_FILES, [path, *recent][:8])
