"""Finding a variant by key and locale, and a panelist's rewrite by label (for scripts)."""

from __future__ import annotations

from contextlib import suppress

from culturepanel.errors import CulturePanelError
from culturepanel.i18n import _
from culturepanel.locales import parse_locale
from culturepanel.storage.database import CulturePanelFile

from .panel import find_panelist, roster


def find_variant(cpf: CulturePanelFile, key: str, locale: str | None) -> tuple[str, str]:
    """``(variant id, locale)`` of the active variant ``key`` in ``locale``.

    ``locale`` may be omitted when the key has one variant in the file; it matches
    the canonical tag (``de-DE``) or the label as imported (``de_DE``).
    """
    rows = cpf.conn.execute(
        "SELECT id, locale, locale_label FROM variants WHERE key = ? AND status = 'active' "
        "ORDER BY locale",
        (key,),
    ).fetchall()
    if not rows:
        raise CulturePanelError(
            _("{file} has no variant with the key '{key}'.").format(file=cpf.path.name, key=key)
        )
    if locale:
        wanted = {locale}
        with suppress(ValueError):
            wanted.add(parse_locale(locale).tag)
        rows = [r for r in rows if r[1] in wanted or r[2] in wanted]
        if not rows:
            raise CulturePanelError(
                _("{file} has no variant '{key}' in {locale}.").format(
                    file=cpf.path.name, key=key, locale=locale
                )
            )
    if len(rows) > 1:
        raise CulturePanelError(
            _("The key '{key}' has variants in {locales}; say which with --locale.").format(
                key=key, locales=", ".join(r[1] for r in rows)
            )
        )
    return rows[0][0], rows[0][1]


def find_rewrite_vote(cpf: CulturePanelFile, variant_id: str, label: str) -> str:
    """The id of the vote on ``variant_id`` whose rewrite the panelist ``label`` suggested."""
    panel = roster(cpf)
    panelist = find_panelist(panel, label)
    if panelist is None:
        raise CulturePanelError(
            _("No panelist '{label}' in {file}; panelists: {labels}.").format(
                label=label,
                file=cpf.path.name,
                labels=", ".join(p.label for p in panel.values()) or "—",
            )
        )
    row = cpf.conn.execute(
        "SELECT id FROM votes WHERE variant_id = ? AND panelist_id = ? "
        "AND trim(coalesce(rewrite, '')) != ''",
        (variant_id, panelist.id),
    ).fetchone()
    if row is None:
        raise CulturePanelError(
            _("{panelist} suggested no rewrite for this variant.").format(panelist=panelist.label)
        )
    return str(row[0])
