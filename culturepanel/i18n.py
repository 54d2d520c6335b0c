"""Translation of user-visible text, without Qt.

Every user-visible string in the core and the UI goes through :func:`_` or
:func:`ngettext`. Catalogs are gettext ``.po`` files in ``translations/``
(extracted and compiled with Babel, see README); the compiled ``.mo`` files ship
inside the package. The UI additionally loads Qt's own translations for the
standard dialogs through ``QTranslator``.
"""

from __future__ import annotations

import gettext
import locale
import os
from importlib import resources
from pathlib import Path

DOMAIN = "culturepanel"

_TRADITIONAL_CHINESE_REGIONS = {"TW", "HK", "MO", "Hant"}

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language: str = "en"


def catalog_dir() -> str:
    """Folder holding ``<lang>/LC_MESSAGES/culturepanel.mo``."""
    return str(resources.files("culturepanel.translations"))


def system_language() -> str:
    """The user's UI language from the environment (``LANGUAGE``, ``LC_ALL``, ``LANG``)."""
    for var in ("CULTUREPANEL_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value and value not in ("C", "POSIX", "C.UTF-8"):
            return value.split(":")[0].split(".")[0]
    loc = locale.getlocale()[0]
    return loc or "en"


def set_language(language: str | None = None) -> str:
    """Activate the catalog for ``language`` (e.g. ``de``, ``ar_EG``); fall back to English.

    Returns the language code now in use.
    """
    global _translation, _language
    lang = (language or system_language()).replace("-", "_")
    base = lang.split("_")[0]
    # a bare language ("pt") also finds a regional catalog ("pt_BR") when it is the only one
    regional = sorted(
        p.name for p in Path(catalog_dir()).glob(f"{base}_*") if (p / "LC_MESSAGES").is_dir()
    )
    languages = [lang, base, *regional] if lang == base else [lang, base]
    if lang.split("_")[-1] in _TRADITIONAL_CHINESE_REGIONS:
        # never show Simplified Chinese to a Traditional Chinese reader: English instead
        languages = [lang]
    _translation = gettext.translation(
        DOMAIN, localedir=catalog_dir(), languages=languages, fallback=True
    )
    _language = lang
    return lang


def current_language() -> str:
    """The language code last passed to :func:`set_language` (``en`` by default)."""
    return _language


def _(message: str) -> str:
    """Translate ``message`` into the current language."""
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a message whose form depends on the count ``n``."""
    return _translation.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it now."""
    return message
