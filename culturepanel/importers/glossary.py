"""Campaign glossary files: brand and do-not-translate terms, and required translations.

A glossary is a CSV (any encoding and separator the campaign reader accepts)
with the columns ``term``, ``locale`` (empty: every locale), ``rule`` (``keep``
or ``translate``), ``translation`` (required for ``translate``) and ``note``.
Like campaign files it is read all or nothing: every problem is listed.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from culturepanel.checks.model import GlossaryTerm
from culturepanel.errors import InputErrors, Problem
from culturepanel.i18n import _
from culturepanel.importers.csv_reader import detect_separator
from culturepanel.importers.sniff import NotText, decode_text
from culturepanel.locales import parse_locale
from culturepanel.storage.database import CulturePanelFile, new_id

COLUMNS = ("term", "locale", "rule", "translation", "note")


def read_glossary(path: Path) -> list[tuple[GlossaryTerm, str]]:
    """``(term, origin)`` pairs from a glossary CSV; raise :class:`InputErrors` on any problem."""
    name = Path(path).name
    try:
        text = decode_text(Path(path).read_bytes()).text
    except NotText as exc:
        raise InputErrors([Problem(name, str(exc))]) from None
    except OSError as exc:
        raise InputErrors([Problem(name, str(exc.strerror))]) from None
    rows = list(csv.reader(io.StringIO(text), delimiter=detect_separator(text)))
    if not rows:
        raise InputErrors([Problem(name, _("the glossary is empty."))])
    header = [h.strip().lower() for h in rows[0]]
    problems = [
        Problem(
            name,
            _("the column '{column}' is missing.").format(column=c),
            column=c,
            hint=_("The header must be: term, locale, rule, translation, note."),
        )
        for c in ("term", "rule")
        if c not in header
    ]
    if problems:
        raise InputErrors(problems)
    out: list[tuple[GlossaryTerm, str]] = []
    for number, raw in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in raw):
            continue
        row = {h: (raw[i].strip() if i < len(raw) else "") for i, h in enumerate(header)}
        where = _("row {n}").format(n=number)
        term, rule = row.get("term", ""), row.get("rule", "").lower()
        locale = row.get("locale") or None
        translation = row.get("translation") or None
        if not term:
            problems.append(Problem(name, _("the term is empty."), where, "term"))
        if rule not in ("keep", "translate"):
            problems.append(
                Problem(
                    name,
                    _("'{value}' is not a rule.").format(value=rule),
                    where,
                    "rule",
                    _("Write keep or translate."),
                )
            )
        if rule == "translate" and not translation:
            problems.append(
                Problem(name, _("a 'translate' rule needs its translation."), where, "translation")
            )
        if locale:
            try:
                locale = parse_locale(locale).tag
            except ValueError as exc:
                problems.append(Problem(name, str(exc), where, "locale"))
        if not problems:
            out.append(
                (
                    GlossaryTerm(term, locale, rule, translation, row.get("note") or None),
                    f"{name}, {where}",
                )
            )
    if problems:
        raise InputErrors(problems)
    return out


def store_glossary(cpf: CulturePanelFile, terms: list[tuple[GlossaryTerm, str]]) -> bool:
    """Replace the file's glossary with ``terms``; return False if it was already the same."""
    current = [
        tuple(r)
        for r in cpf.conn.execute(
            "SELECT term, locale, rule, translation, note FROM glossary ORDER BY rowid"
        )
    ]
    wanted = [(t.term, t.locale, t.rule, t.translation, t.note) for t, _o in terms]
    if current == wanted:
        return False
    with cpf.transaction() as conn:
        conn.execute("DELETE FROM glossary")
        conn.executemany(
            "INSERT INTO glossary(id, term, locale, rule, translation, note, origin) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(new_id(), *row, origin) for row, (_t, origin) in zip(wanted, terms, strict=True)],
        )
    return True
