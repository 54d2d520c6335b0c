"""Checks ``numbers`` and ``currency``: amounts written as the locale and market expect.

Conventions come from CLDR through Babel (:mod:`culturepanel.checks.cldr`).
To stay clear of false alarms only what is clearly wrong is reported:

**numbers**

* a number copied from the source that reads differently under the
  variant's conventions (``1,000`` is one thousand in en, one in de) — major;
* both separators present in the wrong roles (``1,000.50`` in de-DE);
* the locale's decimal sign used to group thousands (``1,000,000`` in de);
* a decimal in a price or percentage with the wrong decimal sign
  (``19.99 €`` in fr); a lone ``3.5`` elsewhere may be a version or a time;
* a percent sign on the wrong side (``20%`` in tr, where CLDR writes ``%20``).

**currency**: a currency symbol or ISO code beside an amount that is not a
tender currency of the market (``$`` in a de-DE variant), when the source has
a price too (or no source is given, at lower severity); and the market's own
symbol put before the amount where CLDR writes it after (``€20`` in fr-FR, the
usual leftover of English copy). The reverse is not reported: ``1.000 ₺`` is
as common in Turkey as CLDR's ``₺1.000``.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from babel.numbers import list_currencies

from culturepanel.checks.cldr import Conventions, conventions
from culturepanel.checks.dates import date_spans
from culturepanel.checks.model import CheckContext, CheckInput, Finding, resolve_market
from culturepanel.checks.registry import Check, register
from culturepanel.checks.textutil import blank_spans, protected_spans
from culturepanel.i18n import N_, _

_NUM = r"\d(?:[\d.,\u00a0\u202f'’]*\d)?"
NUMBER_RE = re.compile(
    r"(?<![0-9A-Za-z_.,/:\-])(?:\d{1,3}(?:[.,\u00a0\u202f'’]\d{2,3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
    r"(?![0-9A-Za-z_]|[.,:/]\d)"
)
_TIME_RE = re.compile(
    r"\b(?:[01]?\d|2[0-3]):[0-5]\d\b"
    r"|\b(?:[01]?\d|2[0-3])[.h][0-5]\d\s?(?:Uhr|h|hrs|godz|klo|óra|am|pm|AM|PM|a\.m\.|p\.m\.)"
)

_SYMBOLS: dict[str, tuple[str, ...]] = {
    "US$": ("USD",),
    "C$": ("CAD",),
    "CA$": ("CAD",),
    "A$": ("AUD",),
    "AU$": ("AUD",),
    "NZ$": ("NZD",),
    "HK$": ("HKD",),
    "S$": ("SGD",),
    "NT$": ("TWD",),
    "MX$": ("MXN",),
    "R$": ("BRL",),
    "$": ("USD", "CAD", "AUD", "NZD", "MXN", "ARS", "CLP", "COP", "SGD", "HKD", "TWD", "UYU"),
    "€": ("EUR",),
    "£": ("GBP",),
    "¥": ("JPY", "CNY"),
    "￥": ("JPY", "CNY"),
    "円": ("JPY",),
    "元": ("CNY", "TWD", "HKD"),
    "₩": ("KRW",),
    "원": ("KRW",),
    "₹": ("INR",),
    "Rs": ("INR", "PKR", "LKR", "NPR"),
    "₽": ("RUB",),
    "руб": ("RUB",),
    "₴": ("UAH",),
    "грн": ("UAH",),
    "₺": ("TRY",),
    "TL": ("TRY",),
    "₪": ("ILS",),
    'ש"ח': ("ILS",),
    "ש״ח": ("ILS",),
    "zł": ("PLN",),
    "Kč": ("CZK",),
    "Ft": ("HUF",),
    "kr": ("SEK", "NOK", "DKK", "ISK"),
    "lei": ("RON", "MDL"),
    "₫": ("VND",),
    "฿": ("THB",),
    "บาท": ("THB",),
    "Rp": ("IDR",),
    "RM": ("MYR",),
    "₱": ("PHP",),
    "Fr.": ("CHF",),
    "ريال": ("SAR", "QAR", "OMR", "YER", "IRR"),
    "ر.س": ("SAR",),
    "درهم": ("AED", "MAD"),
    "د.إ": ("AED",),
    "ج.م": ("EGP",),
    "лв": ("BGN",),
    "₸": ("KZT",),
    "₦": ("NGN",),
}
# Symbols whose place before or after the amount the locale's pattern decides.
_PLACED = frozenset("$€£¥₹₽₴₺₪₩₫฿₱₸₦") | {"R$", "zł", "Kč", "Ft"}


def _currency_re() -> re.Pattern[str]:
    codes = sorted(list_currencies(), key=len, reverse=True)
    syms = sorted(_SYMBOLS, key=len, reverse=True)
    sym = "|".join(
        re.escape(s) + (r"(?![A-Za-z])" if s[-1].isascii() and s[-1].isalpha() else "")
        for s in syms
    )
    iso = r"\b(?:" + "|".join(codes) + r")\b"
    return re.compile(
        rf"(?P<pre>{iso}|(?<![A-Za-z]){sym})[\u00a0\u202f ]?(?P<pnum>{_NUM})"
        rf"|(?P<snum>{_NUM})[\u00a0\u202f ]?(?P<post>{iso}|{sym})"
    )


CURRENCY_RE = _currency_re()


def currency_mentions(text: str) -> list[tuple[int, int, str, bool, tuple[str, ...]]]:
    """``(start, end, symbol, before_amount, possible ISO codes)`` of each price."""
    out = []
    for m in CURRENCY_RE.finditer(text):
        symbol = m.group("pre") or m.group("post")
        codes = _SYMBOLS.get(symbol, (symbol,))
        out.append((m.start(), m.end(), symbol, m.group("pre") is not None, codes))
    return out


def _read(token: str, conv: Conventions) -> Decimal | None:
    """Value of ``token`` under ``conv``; ``None`` if it is not a valid number there."""
    body = token
    for ch in set(c for c in token if not c.isdigit()):
        if ch == conv.decimal:
            continue
        if not conv.same_group(ch):
            return None
        body = body.replace(ch, "\x00")
    if body.count(conv.decimal) > 1:
        return None
    whole, _sep, frac = body.partition(conv.decimal)
    groups = whole.split("\x00")
    sizes = {len(g) for g in groups[1:]}
    if groups[1:] and (
        not 1 <= len(groups[0]) <= 3 or not sizes <= ({2, 3} if conv.grouping2 else {3})
    ):
        return None
    try:
        return Decimal("".join(groups) + ("." + frac if frac else ""))
    except InvalidOperation:
        return None


def _number_tokens(text: str) -> list[tuple[int, int, str]]:
    spans = protected_spans(text) + date_spans(text) + [m.span() for m in _TIME_RE.finditer(text)]
    clean = blank_spans(text, spans, "\x01")
    return [(m.start(), m.end(), m.group()) for m in NUMBER_RE.finditer(clean)]


def _format_issue(token: str, conv: Conventions, in_amount: bool) -> str | None:
    seps = [c for c in token if not c.isdigit()]
    kinds = list(dict.fromkeys(seps))
    if len(kinds) == 2:
        dec, grp = kinds[1], kinds[0]
        if dec != conv.decimal:
            return "decimal"
        if not conv.same_group(grp) and grp in ".,":
            return "group"
    elif len(kinds) == 1 and len(seps) > 1 and kinds[0] == conv.decimal:
        return "group"
    elif len(kinds) == 1 and len(seps) == 1 and in_amount:
        digits_after = len(token) - token.index(seps[0]) - 1
        if digits_after != 3 and seps[0] != conv.decimal and seps[0] in ".,":
            return "decimal"
    return None


@register(
    "numbers",
    category="locale-conventions",
    severity="minor",
    version=1,
    description=N_("Numbers, prices and percentages follow the locale's conventions."),
)
def check_numbers(item: CheckInput, context: CheckContext, check: Check) -> list[Finding]:
    conv = conventions(item.locale, resolve_market(item))
    if conv is None:
        return []
    src_conv = conventions(item.source_locale, None)
    src_tokens = (
        {t for _s, _e, t in _number_tokens(item.source_text)} if item.source_text else set()
    )
    amounts = [(s, e) for s, e, *_rest in currency_mentions(item.text)]
    percents = [m.span() for m in re.finditer(r"\d\s?%|%\s?\d", item.text)]
    out = []
    for s, e, token in _number_tokens(item.text):
        data = {"number": token, "decimal": conv.decimal, "group": conv.group}
        if token in src_tokens and src_conv and any(c in token for c in ".,"):
            before, after = _read(token, src_conv), _read(token, conv)
            if before is not None and before != after:
                out.append(
                    check.finding(
                        _(
                            "'{number}' is written as in the source, but reads differently here."
                        ).format(number=token),
                        _(
                            "In the source it means {value}; with this locale's decimal sign "
                            "'{decimal}' it does not."
                        ).format(value=before, decimal=conv.decimal),
                        (s, e),
                        severity="major",
                        data={**data, "source_value": str(before)},
                    )
                )
                continue
        in_amount = any(a <= s and e <= b for a, b in amounts + _widen(percents, s, e))
        issue = _format_issue(token, conv, in_amount)
        if issue:
            out.append(
                check.finding(
                    _("'{number}' does not follow this locale's number format.").format(
                        number=token
                    ),
                    _(
                        "The locale writes the decimal sign as '{decimal}' and groups thousands "
                        "with '{group}'."
                    ).format(decimal=conv.decimal, group=_show(conv.group)),
                    (s, e),
                    data={**data, "issue": issue},
                )
            )
    out += _percent_side(item.text, conv, check)
    return out


def _widen(spans: list[tuple[int, int]], s: int, e: int) -> list[tuple[int, int]]:
    """Percent signs next to the number ``[s, e)`` turned into spans that contain it."""
    return [(min(a, s), max(b, e)) for a, b in spans if a <= e and b >= s - 1]


def _show(sep: str) -> str:
    return {"\u00a0": "␣", "\u202f": "␣", " ": "␣"}.get(sep, sep)


def _percent_side(text: str, conv: Conventions, check: Check) -> list[Finding]:
    wrong = r"(?<![\w%])%\s?\d[\d.,]*" if not conv.percent_prefix else r"\d[\d.,]*\s?%(?!\w)"
    clean = blank_spans(text, protected_spans(text), "\x01")
    return [
        check.finding(
            _("The percent sign is on the wrong side: '{text}'.").format(text=m.group()),
            _("This locale writes percentages as {example}.").format(
                example="%20" if conv.percent_prefix else "20 %"
            ),
            m.span(),
            data={"issue": "percent", "prefix": conv.percent_prefix},
        )
        for m in re.finditer(wrong, clean)
    ]


@register(
    "currency",
    category="locale-conventions",
    severity="major",
    version=1,
    description=N_("Prices are in the market's currency, written the local way."),
)
def check_currency(item: CheckInput, context: CheckContext, check: Check) -> list[Finding]:
    market = resolve_market(item)
    conv = conventions(item.locale, market)
    if conv is None or not conv.currencies:
        return []
    source_prices = currency_mentions(item.source_text) if item.source_text else None
    out = []
    for s, e, symbol, before, codes in currency_mentions(item.text):
        data = {
            "symbol": symbol,
            "codes": list(codes),
            "market_currencies": sorted(conv.currencies),
        }
        if not set(codes) & conv.currencies:
            if source_prices == []:
                continue  # the source has no price: the variant's own business
            out.append(
                check.finding(
                    _("'{symbol}' is not a currency of the market {market}.").format(
                        symbol=symbol, market=market
                    ),
                    _("Prices there are in {currencies}.").format(
                        currencies=", ".join(sorted(conv.currencies))
                    ),
                    (s, e),
                    severity="minor" if source_prices is None else None,
                    data=data,
                )
            )
        elif symbol in _PLACED and before and not conv.currency_prefix:
            out.append(
                check.finding(
                    _("'{symbol}' is on the wrong side of the amount.").format(symbol=symbol),
                    _("This locale writes the currency symbol after the amount."),
                    (s, e),
                    severity="minor",
                    data={**data, "issue": "position"},
                )
            )
    return out
