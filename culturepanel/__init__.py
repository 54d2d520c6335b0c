"""CulturePanel: offline review of localized marketing campaigns by in-region panels.

The package is in two floors: everything outside :mod:`culturepanel.ui` is the
Qt-free core (storage, import, checks, calendars, consolidation, CLI); the
``ui`` subpackage is the PySide6 desktop application on top of it.
"""

__version__ = "0.1.0"
