"""Errors the core raises, each carrying a message a user can act on.

A :class:`Problem` locates one fault in an input file (file, row or element,
column) and says what to do about it; :class:`InputErrors` carries every
problem found in a file so that the caller can list them all at once.
"""

from __future__ import annotations

from dataclasses import dataclass

from culturepanel.i18n import _, ngettext


class CulturePanelError(Exception):
    """Base class: ``str(error)`` is a complete, translated message for the user."""


class FileRefused(CulturePanelError):
    """A file is not one this app may open or change (foreign, damaged, too new).

    The file is left exactly as it was.
    """


@dataclass(frozen=True)
class Problem:
    """One fault in an input file, located precisely, with a hint."""

    file: str
    message: str
    row: str | None = None
    column: str | None = None
    hint: str | None = None

    def location(self) -> str:
        parts = [self.file]
        if self.row:
            parts.append(self.row)
        if self.column:
            parts.append(_("column '{column}'").format(column=self.column))
        return ", ".join(parts)

    def __str__(self) -> str:
        text = f"{self.location()}: {self.message}"
        if self.hint:
            text += " " + _("Hint: {hint}").format(hint=self.hint)
        return text


class InputErrors(CulturePanelError):
    """An input file has one or more problems; nothing was imported from it."""

    MAX_LINES = 50

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__(self.render())

    def render(self, limit: int = MAX_LINES) -> str:
        lines = [str(p) for p in self.problems[:limit]]
        rest = len(self.problems) - limit
        if rest > 0:
            lines.append(
                ngettext(
                    "… and {count} more problem.", "… and {count} more problems.", rest
                ).format(count=rest)
            )
        return "\n".join(lines)
