"""Help ▸ Language…: choose the interface language among the shipped catalogs."""

from __future__ import annotations

from pathlib import Path

from babel import Locale, UnknownLocaleError
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from culturepanel.i18n import _, catalog_dir, current_language
from culturepanel.ui import settings


def available_languages() -> list[tuple[str, str]]:
    """``(code, name in its own language)`` of every shipped catalog, English first."""
    codes = sorted(p.parts[-3] for p in Path(catalog_dir()).glob("*/LC_MESSAGES/culturepanel.mo"))
    out = [("", _("System language")), ("en", "English")]
    for code in codes:
        try:
            name = Locale.parse(code).get_display_name(code) or code
        except (UnknownLocaleError, ValueError):
            name = code
        out.append((code, name[:1].upper() + name[1:]))
    return out


def choose_language(parent: QWidget) -> str | None:
    """Ask for the interface language; store it; return the code chosen (``None``: cancelled)."""
    choices = available_languages()
    current = settings.get(settings.UI_LANGUAGE)
    index = next((i for i, (code, _n) in enumerate(choices) if code == current), 0)
    label, ok = QInputDialog.getItem(
        parent,
        _("Language"),
        _("Language of the interface (now: {language}):").format(language=current_language()),
        [name for _c, name in choices],
        index,
        False,
    )
    if not ok:
        return None
    code = next(code for code, name in choices if name == label)
    settings.put(settings.UI_LANGUAGE, code)
    QMessageBox.information(
        parent,
        _("Language"),
        _("CulturePanel will use the new language the next time it starts."),
    )
    return code


def language_action(parent: QWidget) -> QAction:
    """The *Language…* menu action for a window's Help menu."""
    action = QAction(_("&Language…"), parent)
    action.triggered.connect(lambda: choose_language(parent))
    return action
