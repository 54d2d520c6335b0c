"""Cell values of campaign tables: text, locales, markets, launch dates and image assets.

Shared by the CSV, XLSX and JSON readers through :mod:`.tables`. Each check
caches its verdict per distinct value, so that a file with 100,000 rows and a
handful of dates and images costs a handful of parses and file look-ups.

Dates are ISO ``YYYY-MM-DD`` (a time of day after ``T`` or a space is allowed
and ignored) or real spreadsheet date cells. An asset is a path to a PNG, JPEG,
GIF, WebP or SVG image (recognised by its first bytes, not its name), relative
to the folder of the imported file or absolute.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from culturepanel.i18n import _
from culturepanel.locales import LocaleInfo, normalize_market, parse_locale

_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_DMY = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})$")
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://|^data:")


@dataclass(frozen=True)
class Fault:
    """Why a value was refused: a message and a hint for the Problem."""

    message: str
    hint: str


class CellError(str):
    """A spreadsheet cell whose formula failed, e.g. ``#REF!`` (reported as a problem)."""

    __slots__ = ()


def cell_text(value: object) -> str:
    """A cell as trimmed text; numbers without a spurious ``.0``, date cells as ISO dates."""
    if value is None:
        return ""
    if isinstance(value, str):
        text = value.strip()
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        return text
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.15g}"
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value).strip()


class DateReader:
    """Reads launch dates, remembering each distinct text's verdict."""

    def __init__(self) -> None:
        self._cache: dict[str, date | Fault] = {}

    def read(self, value: object) -> date | Fault | None:
        """The date in ``value``, ``None`` if empty, or a :class:`Fault`."""
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        text = cell_text(value)
        if not text:
            return None
        found = self._cache.get(text)
        if found is None:
            found = self._cache[text] = _parse_date(text)
        return found


def _parse_date(text: str) -> date | Fault:
    match = _ISO_DATE.match(text)
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return Fault(
                _("'{value}' is not a valid date.").format(value=text),
                _("Check the day and the month; dates are written YYYY-MM-DD, e.g. 2027-04-03."),
            )
    message = _("'{value}' is not a date in the form YYYY-MM-DD.").format(value=text)
    match = _DMY.match(text)
    if not match:
        return Fault(
            message,
            _(
                "Write dates as year-month-day, e.g. 2027-04-03 for 3 April 2027, or "
                "format the spreadsheet cell as a date."
            ),
        )
    first, second, year = int(match[1]), int(match[2]), int(match[3])
    if year < 100:
        year += 2000
    readings = []
    for day, month in ((first, second), (second, first)):
        try:
            readings.append(date(year, month, day).isoformat())
        except ValueError:
            readings.append(None)
    day_first, month_first = readings
    if day_first and month_first and day_first != month_first:
        hint = _(
            "Write dates as year-month-day: {day_first} if '{value}' is day/month/year, "
            "or {month_first} if it is month/day/year."
        ).format(day_first=day_first, month_first=month_first, value=text)
    elif day_first or month_first:
        hint = _("Write dates as year-month-day: {example}.").format(
            example=day_first or month_first
        )
    else:
        hint = _("Write dates as year-month-day, e.g. 2027-04-03.")
    return Fault(message, hint)


class LocaleReader:
    """Reads locale codes (``pt_BR``), remembering each distinct code's verdict."""

    def __init__(self) -> None:
        self._cache: dict[str, LocaleInfo | Fault] = {}

    def read(self, code: str) -> LocaleInfo | Fault:
        """What ``code`` (already trimmed) means, or a :class:`Fault`."""
        found = self._cache.get(code)
        if found is None:
            found = self._cache[code] = _parse_locale(code)
        return found


def _parse_locale(code: str) -> LocaleInfo | Fault:
    if not code:
        return Fault(_("the locale is empty."), _("Give a locale code such as de, fr-FR or pt-BR."))
    try:
        return parse_locale(code)
    except ValueError as exc:
        return Fault(
            str(exc) + ".",
            _("Use a locale code that CLDR knows, such as de, fr-FR, pt-BR, zh-Hant-TW or es-419."),
        )


class MarketReader:
    """Reads market codes (``de-by`` → ``DE-BY``), remembering each distinct text's verdict."""

    def __init__(self) -> None:
        self._cache: dict[str, str | Fault] = {}

    def read(self, text: str) -> str | Fault | None:
        """The canonical market in ``text`` (already trimmed), ``None`` if empty, or a Fault."""
        if not text:
            return None
        found = self._cache.get(text)
        if found is None:
            try:
                found = normalize_market(text)
            except ValueError as exc:
                found = Fault(
                    str(exc) + ".",
                    _(
                        "A market is a country or region code, e.g. DE, BR or 419, optionally "
                        "with a subdivision, e.g. DE-BY; leave it empty to use the locale's."
                    ),
                )
            self._cache[text] = found
        return found


IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a")


def is_image_header(head: bytes) -> bool:
    """True if ``head`` (a file's first bytes) starts a PNG, JPEG, GIF, WebP or SVG image."""
    if head.startswith(IMAGE_MAGIC):
        return True
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return True
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return start.startswith(b"<") and b"<svg" in head.lower()


class AssetChecker:
    """Resolves asset paths against a folder and checks each distinct one once."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._cache: dict[str, Path | Fault] = {}

    def check(self, raw: str) -> Path | Fault:
        """The absolute path of the image named by ``raw``, or a :class:`Fault`."""
        found = self._cache.get(raw)
        if found is None:
            found = self._cache[raw] = self._check(raw)
        return found

    def _check(self, raw: str) -> Path | Fault:
        if _URL.match(raw):
            return Fault(
                _("the asset '{asset}' is a web address; images must be files.").format(asset=raw),
                _(
                    "CulturePanel works offline: download the image, put it next to the "
                    "campaign file and give its file name."
                ),
            )
        path = self._locate(raw)
        if not path.exists():
            return Fault(
                _("the image '{asset}' does not exist (looked for {path}).").format(
                    asset=raw, path=path
                ),
                _(
                    "Asset paths are relative to the folder of the imported file; check "
                    "the name and that the image was copied along with the file."
                ),
            )
        if path.is_dir():
            return Fault(
                _("the asset '{asset}' is a folder, not an image.").format(asset=raw),
                _("Give the path of the image file itself."),
            )
        try:
            with path.open("rb") as handle:
                head = handle.read(4096)
        except OSError as exc:
            return Fault(
                _("the image '{asset}' cannot be read: {reason}.").format(
                    asset=raw, reason=exc.strerror or exc
                ),
                _("Check that the file is not locked by another program and that you may read it."),
            )
        if not is_image_header(head):
            return Fault(
                _("the asset '{asset}' is not a PNG, JPEG, GIF, WebP or SVG image.").format(
                    asset=raw
                ),
                _("Save the image as PNG or JPEG and give that file's name."),
            )
        return path.resolve()

    def _locate(self, raw: str) -> Path:
        path = Path(raw)
        if not path.is_absolute():
            path = self.folder / path
        if os.sep != "\\" and "\\" in raw and not path.exists():
            # A path written on Windows ("images\hero.png"), read elsewhere.
            alt = Path(raw.replace("\\", "/"))
            alt = alt if alt.is_absolute() else self.folder / alt
            if alt.exists():
                return alt
        return path
