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

What is not running copy is left alone: a term inside a link (with or
without ``https://``: ``ternway.example/go``), an e-mail address, a hashtag
or an @handle is neither an altered nor a present occurrence, unless the
glossary term is itself such a token (``#PackLight``). A form that runs on
into a longer word without beginning like the term (Portuguese ``neste``
for the product ``Nest``) is another word, not the term with an ending.
"""

from __future__ import annotations

from culturepanel.checks.model import CheckContext, CheckInput, Finding, GlossaryTerm
from culturepanel.checks.registry import Check, register
from culturepanel.checks.textutil import find_term, fold, is_word_char, protected_spans
from culturepanel.i18n import N_, _


@register(
    "glossary",
    category="terminology",
    severity="major",
    version=2,
    description=N_("Brand names and glossary terms are used as the glossary says."),
)
def check_glossary(item: CheckInput, context: CheckContext, check: Check) -> list[Finding]:
    entries = context.glossary_for(item.locale)
    if not entries:
        return []
    folded = fold(item.text)
    out: list[Finding] = []
    for entry in entries:
        in_source = bool(item.source_text and _in_copy(item.source_text, entry.term))
        if entry.rule == "keep":
            out += _keep(item.text, folded, entry, in_source, check)
        elif entry.translation:
            out += _translate(item.text, folded, entry, in_source, check)
    return out


def _in_copy(
    text: str,
    term: str,
    folded: tuple[str, list[int]] | None = None,
    suffixes: bool = False,
) -> list[tuple[int, int]]:
    """Occurrences of ``term`` in running copy: not inside links, addresses, tags, handles."""
    spans = find_term(text, term, folded=folded, suffixes=suffixes)
    if not spans:
        return spans
    own = {(s, e) for s, e in protected_spans(term)}
    if own:  # the term is a hashtag, handle or link itself: look for it anywhere
        return spans
    shielded = protected_spans(text)
    return [sp for sp in spans if not any(a <= sp[0] and sp[1] <= b for a, b in shielded)]


def _is_term(text: str, span: tuple[int, int], term: str) -> bool:
    """False for another word that merely starts with the term's letters.

    The exact term may carry an ending (``Lumio Airiin``), and so may a form in
    capitals (``LUMIO AIRIIN``); a form that runs on into a longer word and
    does not even begin like the term (``neste`` for ``Nest``) is a word of
    its own.
    """
    s, e = span
    if text[s:e] == term or e >= len(text) or not is_word_char(text[e]):
        return True
    return text[s] == term[0]


def _note(entry: GlossaryTerm) -> dict[str, str]:
    return {"term": entry.term, **({"note": entry.note} if entry.note else {})}


def _keep(
    text: str, folded: tuple[str, list[int]], entry: GlossaryTerm, in_source: bool, check: Check
) -> list[Finding]:
    found = _in_copy(text, entry.term, folded, suffixes=True)
    spans = [sp for sp in found if _is_term(text, sp, entry.term)]
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
