"""What a file really is, judged from its bytes, and how to decode it as text.

Readers never trust a file's extension alone: :func:`sniff` looks at the first
bytes (zip and Office signatures, PDF, images, byte-order marks, NUL bytes, the
first non-blank character of text) and names the kind of content, which
:func:`describe` turns into words for a message. :func:`decode_text` decodes
text files: UTF-8 (with or without BOM), UTF-16/32 with BOM (Excel's "Unicode
text"), UTF-16 without BOM when the NUL pattern shows it, and, only when asked
and only if the bytes are not UTF-8 at all, Windows-1252.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

from culturepanel.i18n import N_, _
from culturepanel.importers.values import IMAGE_MAGIC

EMPTY = "empty"
TEXT = "text"
JSON = "json"
XML = "xml"
HTML = "html"
XLSX = "xlsx"
ODS = "ods"
DOCX = "docx"
ZIP = "zip"
OLE = "ole"
PDF = "pdf"
IMAGE = "image"
BINARY = "binary"

_DESCRIPTIONS = {
    EMPTY: N_("an empty file"),
    TEXT: N_("a text file"),
    JSON: N_("a JSON file"),
    XML: N_("an XML file"),
    HTML: N_("a web page (HTML)"),
    XLSX: N_("an XLSX workbook"),
    ODS: N_("an OpenDocument spreadsheet (.ods)"),
    DOCX: N_("a Word document"),
    ZIP: N_("a zip archive"),
    OLE: N_("an Excel 97-2003 workbook (.xls) or a password-protected Office file"),
    PDF: N_("a PDF document"),
    IMAGE: N_("an image"),
    BINARY: N_("binary data, not text"),
}

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SAMPLE = 65536
_DECODED_NON_ASCII = re.compile("[^\x00-\x7f\ufffd]")
_CONTROL = frozenset(range(0x01, 0x09)) | frozenset(range(0x0E, 0x1B)) | {0x1C, 0x1D, 0x1E, 0x1F}


def describe(kind: str) -> str:
    """Words for a kind of content, e.g. ``"a text file"``, in the UI language."""
    return _(_DESCRIPTIONS.get(kind, _DESCRIPTIONS[BINARY]))


def sniff(data: bytes) -> str:
    """The kind of content of ``data`` (one of the constants of this module)."""
    blank = b" \t\r\n\x00"
    if not data[:_SAMPLE].strip(blank) and not data[_SAMPLE:].strip(blank):
        return EMPTY
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _sniff_zip(data)
    if data.startswith(_OLE_MAGIC):
        return OLE
    if data.startswith(b"%PDF"):
        return PDF
    if data.startswith(IMAGE_MAGIC) or (data[:4] == b"RIFF" and data[8:12] == b"WEBP"):
        return IMAGE
    encoding = _text_encoding(data[:_SAMPLE])
    if encoding is None:
        return BINARY
    head = data[:_SAMPLE].decode(encoding, errors="replace").lstrip("\ufeff \t\r\n")
    if not head:
        return EMPTY
    return _sniff_text(head)


def _sniff_zip(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            mimetype = b""
            if "mimetype" in names:
                with archive.open("mimetype") as member:
                    mimetype = member.read(100)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, EOFError):
        # Only the start of the file (e.g. its first 64 KiB): read the local headers.
        names, mimetype = _local_names(data), b""
        if "mimetype" in names:
            mimetype = data[38 : 38 + 100]
    if "xl/workbook.xml" in names or any(n.startswith("xl/worksheets/") for n in names):
        return XLSX
    if "word/document.xml" in names:
        return DOCX
    if b"opendocument" in mimetype:
        return ODS
    return ZIP


def _local_names(data: bytes) -> list[str]:
    """The member names in the zip local file headers found in ``data``."""
    names = []
    position = data.find(b"PK\x03\x04")
    while position >= 0 and position + 30 <= len(data):
        size = int.from_bytes(data[position + 26 : position + 28], "little")
        names.append(data[position + 30 : position + 30 + size].decode("cp437", "replace"))
        position = data.find(b"PK\x03\x04", position + 30 + size)
    return names


def _sniff_text(head: str) -> str:
    first = head[0]
    if first == "<":
        lower = head[:64].lower()
        if lower.startswith(("<!doctype html", "<html")):
            return HTML
        return XML
    if first == "{":
        return JSON
    if first == "[":
        rest = head[1:].lstrip()
        if not rest or rest[0] in '{["]-0123456789':
            return JSON
    return TEXT


def _text_encoding(sample: bytes) -> str | None:
    """The codec to try for ``sample``, or ``None`` if it does not look like text."""
    for bom, codec in _BOMS:
        if sample.startswith(bom):
            return codec
    utf16 = _bomless_utf16(sample)
    if utf16:
        return utf16
    if b"\x00" in sample:
        return None
    controls = sum(1 for byte in sample[:4096] if byte in _CONTROL)
    if controls > max(2, len(sample[:4096]) // 100):
        return None
    return "utf-8"


def _bomless_utf16(sample: bytes) -> str | None:
    """``utf-16-le``/``-be`` when every other byte is NUL (mostly ASCII text), else None."""
    chunk = sample[:1024]
    if len(chunk) < 4:
        return None
    chunk = chunk[: len(chunk) // 2 * 2]
    even, odd = chunk[0::2], chunk[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


class NotText(Exception):
    """The bytes could not be decoded; ``message``/``hint``/``row`` make the Problem."""

    def __init__(self, message: str, hint: str, row: str | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.row = row


@dataclass(frozen=True)
class Decoded:
    """Text decoded from a file, and how."""

    text: str
    encoding: str
    legacy: bool = False  # read as Windows-1252 because it was not UTF-8


def decode_text(data: bytes, *, allow_legacy: bool = False) -> Decoded:
    """Decode a text file; raise :class:`NotText` with a message when it cannot be.

    With ``allow_legacy``, bytes that are not UTF-8 at all (no valid multi-byte
    sequence anywhere) are read as Windows-1252, as older Excel versions save CSV.
    """
    encoding = _text_encoding(data[:_SAMPLE]) or "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        if encoding != "utf-8":
            raise NotText(
                _("the file is not valid {encoding} text.").format(encoding=encoding.upper()),
                _("Save it again as UTF-8 text."),
            ) from exc
        line = data.count(b"\n", 0, exc.start) + 1
        broken = data.decode("utf-8", errors="replace")
        really_utf8 = _DECODED_NON_ASCII.search(broken) is not None
        if allow_legacy and not really_utf8:
            try:
                return Decoded(data.decode("cp1252"), "cp1252", legacy=True)
            except UnicodeDecodeError:
                pass
        raise NotText(
            _(
                "the file is not valid UTF-8 text: line {line} has bytes that cannot be read."
            ).format(line=line),
            _(
                "Save the file again as UTF-8 (in Excel: 'CSV UTF-8'); text pasted from "
                "another program may have brought in another encoding."
            ),
            row=_("line {line}").format(line=line),
        ) from exc
    return Decoded(text.lstrip("\ufeff"), encoding)
