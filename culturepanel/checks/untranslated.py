"""Check ``untranslated``: the variant, or a sentence of it, is the source copy unchanged.

Texts are compared after folding case and white space. Not flagged: locales
of the source's own language (en-GB for an en source), and copy that holds
nothing to translate once brand terms of the glossary, placeholders, URLs,
numbers and punctuation are set aside (``Lumio Air`` → ``Lumio Air``). A
single capitalized word left as is (``Instagram``) is reported at low
severity: it is probably a name that belongs in the glossary. Sentences of
four words or more copied from the source into an otherwise translated
variant are reported one by one.
"""

from __future__ import annotations

import re

from culturepanel.checks.model import CheckContext, CheckInput, Finding
from culturepanel.checks.registry import Check, register
from culturepanel.checks.textutil import (
    blank_spans,
    find_term,
    fold,
    merge_spans,
    normalize_space,
    protected_spans,
)
from culturepanel.i18n import N_, _
from culturepanel.locales import parse_locale

_SENTENCE_RE = re.compile(r"[^.!?。！？\n]+[.!?。！？]*")
_MIN_SENTENCE_WORDS = 4
_MIN_SENTENCE_LETTERS = 20


def _language(tag: str) -> str | None:
    try:
        return parse_locale(tag).language
    except ValueError:
        return None


def _letters(text: str) -> int:
    return sum(1 for c in text if c.isalpha())


@register(
    "untranslated",
    category="accuracy",
    severity="major",
    version=1,
    description=N_("The variant is not the source copy left untranslated."),
)
def check_untranslated(item: CheckInput, context: CheckContext, check: Check) -> list[Finding]:
    source = item.source_text
    if not source or not item.text.strip():
        return []
    if _language(item.locale) == _language(item.source_locale):
        return []
    keep = [g.term for g in context.glossary_for(item.locale) if g.rule == "keep"]
    if fold(normalize_space(item.text))[0] == fold(normalize_space(source))[0]:
        return _identical(item.text, keep, check)
    return _copied_sentences(item.text, source, check)


def _identical(text: str, keep: list[str], check: Check) -> list[Finding]:
    spans = protected_spans(text)
    for term in keep:
        spans.extend(find_term(text, term))
    rest = blank_spans(text, merge_spans(spans)).strip()
    if _letters(rest) == 0:
        return []  # brand names, placeholders, numbers only: nothing to translate
    words = rest.split()
    whole = (0, len(text))
    if len(words) == 1 and (words[0][:1].isupper() or words[0].isupper()):
        return [
            check.finding(
                _("The text is identical to the source: '{text}'.").format(text=rest),
                _(
                    "A single capitalized word is probably a name; if it must stay as it "
                    "is, add it to the campaign glossary."
                ),
                whole,
                severity="info",
                data={"identical": True, "single_word": True},
            )
        ]
    return [
        check.finding(
            _("The text is identical to the source copy."),
            _("It seems to have been left untranslated."),
            whole,
            data={"identical": True},
        )
    ]


def _copied_sentences(text: str, source: str, check: Check) -> list[Finding]:
    ftext, index = fold(text)
    out = []
    seen: set[str] = set()
    for m in _SENTENCE_RE.finditer(source):
        sentence = normalize_space(m.group())
        if (
            len(sentence.split()) < _MIN_SENTENCE_WORDS
            or _letters(sentence) < _MIN_SENTENCE_LETTERS
        ):
            continue
        key = fold(sentence)[0]
        if key in seen:
            continue
        seen.add(key)
        pos = ftext.find(key)
        if pos < 0:
            continue
        span = (index[pos], index[pos + len(key) - 1] + 1)
        out.append(
            check.finding(
                _("A sentence of the source is left untranslated: '{sentence}'.").format(
                    sentence=sentence
                ),
                _("The same sentence appears word for word in the source copy."),
                span,
                severity="minor",
                data={"sentence": sentence},
            )
        )
    return out
