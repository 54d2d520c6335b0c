"""Check ``script``: letters of a writing system the locale does not use.

Latin letters are allowed in every locale (brand and product names, URLs),
as are digits and symbols; the glossary's keep-as-is terms, placeholders and
markup are skipped. Flagged:

* runs of letters of another script (Cyrillic in a Greek variant, Hangul in a
  Japanese one), one finding per stretch of text;
* words that mix Latin, Cyrillic and Greek letters: look-alike letters
  (a Cyrillic ``а`` in ``Sаle``) break search, spell checking and fonts;
* Arabic-Indic digits of the wrong family: Persian ``۴`` in Arabic text,
  Arabic ``٤`` in Persian or Urdu text.
"""

from __future__ import annotations

import re

from culturepanel.checks.model import CheckContext, CheckInput, Finding
from culturepanel.checks.registry import Check, register
from culturepanel.checks.textutil import blank_spans, find_term, merge_spans, protected_spans
from culturepanel.checks.unicode_scripts import locale_scripts, script_name, script_of, script_runs
from culturepanel.i18n import N_, _
from culturepanel.locales import parse_locale

_CONFUSABLE = frozenset({"Latn", "Cyrl", "Grek"})
_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)
_ARABIC_DIGITS = re.compile(r"[\u0660-\u0669]+")
_PERSIAN_DIGITS = re.compile(r"[\u06f0-\u06f9]+")
_PERSIAN_LANGS = frozenset({"fa", "ur", "ps", "sd", "ks"})


@register(
    "script",
    category="fluency",
    severity="major",
    version=1,
    description=N_("Letters are in a script the locale uses."),
)
def check_script(item: CheckInput, context: CheckContext, check: Check) -> list[Finding]:
    allowed = locale_scripts(item.locale)
    if not allowed:
        return []
    allowed = allowed | {"Latn"}
    spans = protected_spans(item.text)
    for g in context.glossary_for(item.locale):
        if g.rule == "keep":
            spans.extend(find_term(item.text, g.term))
    text = blank_spans(item.text, merge_spans(spans))
    mixed = _mixed_words(text, check)
    inside = [f.span for f in mixed if f.span]
    findings = [
        f
        for f in _foreign_runs(text, allowed, check)
        if not any(f.span and a <= f.span[0] and f.span[1] <= b for a, b in inside)
    ]
    findings += mixed
    findings += _digits(text, item.locale, check)
    return findings


def _foreign_runs(text: str, allowed: frozenset[str], check: Check) -> list[Finding]:
    # Runs of one foreign script separated only by spaces or punctuation form one stretch.
    stretches: list[tuple[int, int, str, int]] = []  # start, end, script, letters
    for start, end, sc in script_runs(text):
        if sc in allowed:
            continue
        if stretches:
            s0, e0, sc0, n0 = stretches[-1]
            if sc0 == sc and not any(script_of(c) for c in text[e0:start]):
                stretches[-1] = (s0, end, sc, n0 + end - start)
                continue
        stretches.append((start, end, sc, end - start))
    return [
        check.finding(
            _("{script} letters in a text of this locale: '{excerpt}'.").format(
                script=script_name(sc), excerpt=text[s:e]
            ),
            _("The locale is not written in {script} script.").format(script=script_name(sc)),
            (s, e),
            severity="minor" if letters == 1 else None,
            data={"script": sc, "excerpt": text[s:e]},
        )
        for s, e, sc, letters in stretches
    ]


def _mixed_words(text: str, check: Check) -> list[Finding]:
    out = []
    for m in _WORD_RE.finditer(text):
        scripts = {script_of(c) for c in m.group()} - {None}
        mixed = scripts & _CONFUSABLE
        if len(mixed) > 1:
            names = ", ".join(script_name(str(s)) for s in sorted(mixed))
            out.append(
                check.finding(
                    _("The word '{word}' mixes letters of several scripts ({scripts}).").format(
                        word=m.group(), scripts=names
                    ),
                    _(
                        "Look-alike letters from another alphabet break search, spell "
                        "checking and fonts."
                    ),
                    m.span(),
                    data={"scripts": sorted(str(s) for s in mixed), "word": m.group()},
                )
            )
    return out


def _digits(text: str, locale: str, check: Check) -> list[Finding]:
    try:
        lang = parse_locale(locale).language
    except ValueError:
        return []
    if lang in _PERSIAN_LANGS:
        wrong, kind = _ARABIC_DIGITS, "arab"
    elif lang == "ar":
        wrong, kind = _PERSIAN_DIGITS, "arabext"
    else:
        return []
    return [
        check.finding(
            _("Digits of the wrong family: '{digits}'.").format(digits=m.group()),
            _("Arabic and Persian/Urdu use different forms of the digits 4, 5 and 6."),
            m.span(),
            severity="minor",
            data={"digits": kind},
        )
        for m in wrong.finditer(text)
    ]
