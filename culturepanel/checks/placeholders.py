"""Check ``placeholders``: placeholders and markup of the source kept intact.

Tokens are found by :data:`culturepanel.checks.textutil.TOKEN_RE` and
compared as multisets after normalizing what may legitimately change
(spaces inside braces, the position index of printf conversions, translatable
attributes of tags such as ``title`` and ``alt``). Reported, in the spirit of
translate-toolkit's ``pofilter`` (variables, printf, xmltags, brackets):

* a source token missing from the variant, or one the variant adds; a lost
  and an added token of the same kind are reported together as *altered*;
* printf conversions without position index whose order changed;
* tags whose nesting the variant breaks;
* unbalanced braces left by a damaged placeholder.
"""

from __future__ import annotations

import re
from collections import Counter

from culturepanel.checks.model import CheckContext, CheckInput, Finding
from culturepanel.checks.registry import Check, register
from culturepanel.checks.textutil import token_spans
from culturepanel.i18n import N_, _

_TRANSLATABLE_ATTRS = frozenset({"alt", "title", "aria-label", "placeholder", "label", "summary"})
_ATTR_RE = re.compile(r"""([\w:.-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""")
_TAG_RE = re.compile(r"<(/?)([A-Za-z][\w:.-]*)(.*?)(/?)>", re.S)
_PRINTF_POS = re.compile(r"%\d+\$")
_SPACE = re.compile(r"\s+")


def normalize(kind: str, token: str) -> str:
    """The form under which two tokens count as the same."""
    if kind == "tag":
        m = _TAG_RE.fullmatch(token)
        if not m:
            return token
        closing, name, attrs, selfclose = m.groups()
        kept = sorted(
            f"{k.lower()}={v.strip(chr(34) + chr(39))}"
            for k, v in _ATTR_RE.findall(attrs)
            if k.lower() not in _TRANSLATABLE_ATTRS
        )
        return f"<{closing}{name.lower()}{' ' if kept else ''}{' '.join(kept)}{selfclose}>"
    if kind == "printf":
        return _PRINTF_POS.sub("%", token)
    if kind == "shell":
        return "$" + token.strip("${}")
    return _SPACE.sub("", token)


_Tok = tuple[int, int, str, str, str]


def _tokens(text: str) -> list[_Tok]:
    """``(start, end, kind, token, normalized)``."""
    return [(s, e, k, t, normalize(k, t)) for s, e, k, t in token_spans(text)]


@register(
    "placeholders",
    category="design",
    severity="major",
    version=1,
    description=N_("Placeholders and markup of the source are kept intact."),
)
def check_placeholders(item: CheckInput, context: CheckContext, check: Check) -> list[Finding]:
    var = _tokens(item.text)
    if item.source_text is None:
        return _braces(item.text, None, check)
    src = _tokens(item.source_text)
    src_count = Counter(t[4] for t in src)
    var_count = Counter(t[4] for t in var)
    lost = list((src_count - var_count).elements())
    extra = var_count - src_count
    added = []
    for t in var:
        if extra[t[4]] > 0:
            extra[t[4]] -= 1
            added.append(t)
    kind_of = {t[4]: (t[2], t[3]) for t in src}
    out: list[Finding] = []
    for norm in lost:
        kind, token = kind_of[norm]
        partner = next((a for a in added if a[2] == kind), None)
        if partner is not None:
            added.remove(partner)
            out.append(
                check.finding(
                    _("'{token}' was changed to '{new}'.").format(token=token, new=partner[3]),
                    _("Code in the copy must stay exactly as in the source, or it will not work."),
                    (partner[0], partner[1]),
                    data={"kind": kind, "token": token, "new": partner[3], "issue": "altered"},
                )
            )
        else:
            out.append(
                check.finding(
                    _("'{token}' of the source is missing.").format(token=token),
                    _("Without it the message loses a personalization, a link or formatting."),
                    data={"kind": kind, "token": token, "issue": "lost"},
                )
            )
    for s, e, kind, token, _n in added:
        out.append(
            check.finding(
                _("'{token}' is not in the source.").format(token=token),
                _("Code that the source does not have may show as is, or break the message."),
                (s, e),
                data={"kind": kind, "token": token, "issue": "added"},
            )
        )
    if not out:
        out += _printf_order(src, var, check)
        out += _nesting(item.source_text, var, check)
    out += _braces(item.text, item.source_text, check)
    return out


def _printf_order(src: list[_Tok], var: list[_Tok], check: Check) -> list[Finding]:
    plain_src = [t[4] for t in src if t[2] == "printf" and not _PRINTF_POS.match(t[3])]
    plain_var = [t for t in var if t[2] == "printf" and not _PRINTF_POS.match(t[3])]
    order = [t[4] for t in plain_var]
    if len(plain_src) > 1 and len(order) == len(plain_src) and order != plain_src:
        first = plain_var[0]
        return [
            check.finding(
                _("The order of the printf placeholders changed."),
                _("Without position numbers (%1$s, %2$d) values are filled in source order."),
                (first[0], first[1]),
                data={"issue": "order", "source": plain_src, "variant": order},
            )
        ]
    return []


def _nested_ok(tokens: list[_Tok]) -> bool:
    stack: list[str] = []
    for _s, _e, kind, token, _n in tokens:
        m = _TAG_RE.fullmatch(token) if kind == "tag" else None
        if not m or m.group(4):
            continue
        name = m.group(2).lower()
        if m.group(1):
            if not stack or stack[-1] != name:
                return False
            stack.pop()
        elif name not in ("br", "img", "hr", "wbr", "input", "meta", "link"):
            stack.append(name)
    return not stack


def _nesting(source: str, var: list[_Tok], check: Check) -> list[Finding]:
    if _nested_ok(_tokens(source)) and not _nested_ok(var):
        return [
            check.finding(
                _("The tags are not nested properly."),
                _("Tags must close in the reverse order of opening, as in the source."),
                severity="minor",
                data={"issue": "nesting"},
            )
        ]
    return []


def _braces(text: str, source: str | None, check: Check) -> list[Finding]:
    def balance(s: str) -> int:
        return s.count("{") - s.count("}")

    if balance(text) == 0 or (source is not None and balance(source) == balance(text)):
        return []
    return [
        check.finding(
            _("The braces are unbalanced."),
            _("An opening or closing brace is missing: a placeholder may be damaged."),
            severity="minor" if source is None else None,
            data={"issue": "braces"},
        )
    ]
