"""Check ``glossary``: brand and do-not-translate terms, and imposed translations.

For each entry of the campaign glossary that applies to the variant's locale:

* ``keep``: where the source has the term, the variant must have it exactly
  (same letters, same case); an inflectional ending after it is accepted
  (Finnish ``Lumio Airiin``, Hungarian ``Lumio Airt``). A form that differs
  only in case or accents (``LUMIO air``, ``Lumió``) is reported as altered,
  with or without a source.
* ``translate``: where the source has the term, the variant must have the
  given translation (case and accents aside, endings allowed); when it does
  not, the source term left in the variant is pointed at.
"""

from __future__ import annotations

from culturepanel.checks.model import CheckContext, CheckInput, Finding, GlossaryTerm
from culturepanel.checks.registry import Check, register
from culturepanel.checks.textutil import find_term, fold
from culturepanel.i18n import N_, _


@register(
    "glossary",
    category="terminology",
    severity="major",
    version=1,
    description=N_("Brand names and glossary terms are used as the glossary says."),
)
def check_glossary(item: CheckInput, context: CheckContext, check: Check) -> list[Finding]:
    entries = context.glossary_for(item.locale)
    if not entries:
        return []
    folded = fold(item.text)
    out: list[Finding] = []
    for entry in entries:
        in_source = bool(item.source_text and find_term(item.source_text, entry.term))
        if entry.rule == "keep":
            out += _keep(item.text, folded, entry, in_source, check)
        elif entry.translation:
            out += _translate(item.text, folded, entry, in_source, check)
    return out


def _note(entry: GlossaryTerm) -> dict[str, str]:
    return {"term": entry.term, **({"note": entry.note} if entry.note else {})}


def _keep(
    text: str, folded: tuple[str, list[int]], entry: GlossaryTerm, in_source: bool, check: Check
) -> list[Finding]:
    spans = find_term(text, entry.term, folded=folded, suffixes=True)
    exact = [sp for sp in spans if text[sp[0] : sp[1]] == entry.term]
    out = []
    for s, e in spans:
        if (s, e) in exact:
            continue
        out.append(
            check.finding(
                _("'{found}' should be written '{term}'.").format(found=text[s:e], term=entry.term),
                _("The glossary says this term stays exactly as it is."),
                (s, e),
                severity="minor",
                data={**_note(entry), "found": text[s:e], "issue": "altered"},
            )
        )
    if in_source and not spans:
        out.append(
            check.finding(
                _("'{term}' is missing.").format(term=entry.term),
                _("The source has it and the glossary says it stays as it is in every locale."),
                data={**_note(entry), "issue": "missing"},
            )
        )
    return out


def _translate(
    text: str, folded: tuple[str, list[int]], entry: GlossaryTerm, in_source: bool, check: Check
) -> list[Finding]:
    translation = entry.translation or ""
    if not in_source or find_term(text, translation, folded=folded, suffixes=True):
        return []
    left = find_term(text, entry.term, folded=folded, suffixes=True)
    reason = _("The glossary translates '{term}' as '{translation}'.").format(
        term=entry.term, translation=translation
    )
    if entry.note:
        reason += " " + entry.note
    return [
        check.finding(
            _("'{term}' should be translated as '{translation}'.").format(
                term=entry.term, translation=translation
            ),
            reason,
            left[0] if left else None,
            data={**_note(entry), "translation": translation, "issue": "translation"},
        )
    ]
