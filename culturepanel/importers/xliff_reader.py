"""XLIFF 1.2 and 2.x bilingual files, parsed with defusedxml (no DTD, no entities).

XLIFF 1.2: each ``<file source-language target-language>`` holds
``<trans-unit id>`` elements (also inside ``<group>``) with ``<source>``,
``<target>`` (its ``xml:lang`` overrides the file's target language) and any
number of ``<note>``. Units with ``translate="no"`` are skipped.

XLIFF 2.x: ``<xliff srcLang trgLang>`` holds ``<file>`` / ``<group>`` /
``<unit id>`` with ``<notes><note>`` and one or more ``<segment>`` (and
``<ignorable>``), each with ``<source>`` and ``<target>``; a unit's text is
its segments and ignorables joined in order. ``translate="no"`` units are
skipped.

Unit id → key, target language → locale (the code as written is the label),
notes → notes joined by new lines, source → source text. Inline markup is
flattened to text so that placeholders stay recognisable and compare equal
between source and target:

* paired and annotation elements (``<g>``, ``<mrk>``, ``<pc>``, ``<sub>``) → their content;
* placeholders (``<x/>``, ``<bx/>``, ``<ex/>``, ``<ph>``, ``<bpt>``, ``<ept>``,
  ``<it>``, ``<sc/>``, ``<ec/>``) → their ``equiv-text`` (1.2) or ``equiv``
  then ``disp`` (2.x) attribute, else the original code they contain (1.2
  ``<ph>&lt;br/&gt;</ph>`` → ``<br/>``), else ``{name:id}``, e.g. ``{x:1}``;
* ``<pc equivStart equivEnd>`` → equivStart + content + equivEnd;
* ``<cp hex="00A0"/>`` → that character; ``<sm/>``, ``<em/>`` → nothing.
"""

from __future__ import annotations

import pyexpat
from collections.abc import Iterator
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from culturepanel.i18n import _
from culturepanel.importers.context import ReadContext
from culturepanel.importers.model import ImportedVariant, ParsedFile
from culturepanel.locales import LocaleInfo, parse_locale

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_CONTENT = frozenset({"g", "mrk", "pc", "sub"})
_PLACEHOLDERS = frozenset({"x", "bx", "ex", "ph", "bpt", "ept", "it", "sc", "ec"})
_NOTHING = frozenset({"sm", "em"})


def _local(tag: object) -> str:
    """An element's name without its namespace."""
    text = tag if isinstance(tag, str) else ""
    return text.rpartition("}")[2]


def flatten(element: Element) -> str:
    """The text of ``element`` with inline markup flattened (see the module docs)."""
    parts: list[str] = [element.text or ""]
    for child in element:
        parts.append(_inline(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _inline(element: Element) -> str:
    name = _local(element.tag)
    get = element.get
    if name in _NOTHING:
        return ""
    if name == "cp":
        try:
            return chr(int(get("hex", ""), 16))
        except (ValueError, OverflowError):
            return ""
    if name == "pc":
        start = get("equivStart") or get("dispStart") or ""
        end = get("equivEnd") or get("dispEnd") or ""
        return start + flatten(element) + end
    if name in _PLACEHOLDERS:
        equiv = get("equiv-text") or get("equiv") or get("disp")
        if equiv:
            return equiv
        code = "".join(element.itertext())
        if code:
            return code
        ref = get("id") or get("startRef") or get("rid") or ""
        return "{" + name + ":" + ref + "}"
    return flatten(element)  # <g>, <mrk>, <sub> and anything unknown: the content


def read_xliff(ctx: ReadContext, data: bytes) -> ParsedFile:
    """Read an XLIFF 1.2 or 2.x file; every fault becomes a problem in the result."""
    parsed = ParsedFile(ctx.path, "xliff", "xliff", problems=ctx.problems)
    root = _parse(ctx, data)
    if root is None:
        return parsed
    if _local(root.tag) != "xliff":
        ctx.problem(
            _("this XML file is not XLIFF: its root element is <{element}>.").format(
                element=_local(root.tag)
            ),
            hint=_("Export the translations from your translation tool as XLIFF 1.2 or 2.x."),
        )
        return parsed
    version = root.get("version") or ""
    namespace = root.tag.partition("}")[0]
    reader = _Reader(ctx, parsed)
    reader.total = sum(1 for node in root.iter() if _local(node.tag) in ("trans-unit", "unit"))
    if version.startswith("2") or ":2." in namespace or root.get("srcLang") is not None:
        reader.read_v2(root)
    else:
        reader.read_v1(root)
    ctx.finish(reader.count)
    if not parsed.variants and not ctx.problems:
        ctx.problem(
            _("the file has no translation units."),
            hint=_("Export the translations, with their targets, from your translation tool."),
        )
    return parsed


def _parse(ctx: ReadContext, data: bytes) -> Element | None:
    refused = _(
        "the file declares a document type (DTD) or entities, which are refused for "
        "safety: such declarations can make a small file expand enormously."
    )
    refused_hint = _("Export the file again from your translation tool, without a DOCTYPE.")
    try:
        return fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        ctx.problem(refused, hint=refused_hint)
    except ParseError as exc:
        line, column = exc.position
        ctx.problem(
            _("this is not well-formed XML: {reason}.").format(
                reason=pyexpat.ErrorString(exc.code)
            ),
            row=_("line {line}, column {column}").format(line=line, column=column + 1),
            hint=_("Look for an unclosed or mismatched tag, or a bare '&' or '<' in the text."),
        )
    except (LookupError, ValueError) as exc:  # an encoding expat cannot read
        ctx.problem(
            _("the file's encoding cannot be read: {reason}.").format(reason=exc),
            hint=_("Export the file again as UTF-8."),
        )
    return None


class _Reader:
    def __init__(self, ctx: ReadContext, parsed: ParsedFile) -> None:
        self.ctx = ctx
        self.parsed = parsed
        self.count = 0
        self.total = 0
        self.seen: dict[tuple[str, str], str] = {}
        self.locales: dict[str, LocaleInfo | None] = {}
        self.bad_sources: set[str] = set()

    def read_v1(self, root: Element) -> None:
        for file in _children(root, "file"):
            self._set_source(file.get("source-language"))
            target = file.get("target-language")
            for unit in _descendants(file, "trans-unit"):
                self._unit_v1(unit, target)

    def read_v2(self, root: Element) -> None:
        self._set_source(root.get("srcLang"))
        target = root.get("trgLang")
        for file in _children(root, "file"):
            for unit in _descendants(file, "unit"):
                self._unit_v2(unit, target)

    def _unit_v1(self, unit: Element, target_language: str | None) -> None:
        self.count += 1
        self.ctx.tick(self.count, self.total)
        if unit.get("translate") == "no":
            return
        label = self._label(unit)
        source = _child(unit, "source")
        target = _child(unit, "target")
        if target is None:
            self._no_target(label)
            return
        language = target.get(_XML_LANG) or target_language
        notes = [flatten(note).strip() for note in _children(unit, "note")]
        self._add(unit, label, language, flatten(target), source, notes)

    def _unit_v2(self, unit: Element, target_language: str | None) -> None:
        self.count += 1
        self.ctx.tick(self.count, self.total)
        if unit.get("translate") == "no":
            return
        label = self._label(unit)
        sources: list[str] = []
        targets: list[str] = []
        missing = segments = 0
        for part in unit:
            kind = _local(part.tag)
            if kind not in ("segment", "ignorable"):
                continue
            source, target = _child(part, "source"), _child(part, "target")
            source_text = flatten(source) if source is not None else ""
            sources.append(source_text)
            segments += kind == "segment"
            if target is not None:
                targets.append(flatten(target))
            elif kind == "ignorable":
                targets.append(source_text)
            else:
                missing += 1
        if missing:
            if missing == segments:
                self._no_target(label)
            else:
                self.ctx.problem(
                    _(
                        "unit '{key}' is only partly translated: {count} segments have no target."
                    ).format(key=unit.get("id", ""), count=missing),
                    row=label,
                    hint=_("Translate every segment of the unit, then export again."),
                )
            return
        notes_element = _child(unit, "notes")
        notes = [] if notes_element is None else _children(notes_element, "note")
        note_texts = [flatten(note).strip() for note in notes]
        self._add(unit, label, target_language, "".join(targets), "".join(sources), note_texts)

    def _add(
        self,
        unit: Element,
        label: str,
        language: str | None,
        text: str,
        source: Element | str | None,
        notes: list[str],
    ) -> None:
        key = (unit.get("id") or "").strip()
        if not key:
            self.ctx.problem(
                _("this unit has no id."),
                row=label,
                hint=_("Every unit needs an id; it becomes the variant's key."),
            )
            return
        info = self._locale(language, label)
        if info is None:
            return
        text = text.strip()
        if not text:
            self.ctx.problem(
                _("unit '{key}' has an empty target.").format(key=key),
                row=label,
                hint=_("Translate the unit, or leave it out of the export."),
            )
            return
        first = self.seen.get((key, info.tag))
        if first is not None:
            self.ctx.problem(
                _("the unit id '{key}' appears twice for {locale} (first as {first}).").format(
                    key=key, locale=info.tag, first=first
                ),
                row=label,
                hint=_("Unit ids must be unique within a target language."),
            )
            return
        self.seen[(key, info.tag)] = label
        source_text = flatten(source) if isinstance(source, Element) else source
        self.parsed.variants.append(
            ImportedVariant(
                key=key,
                locale=info.tag,
                locale_label=(language or "").strip(),
                market=info.market,
                market_source=info.market_source,
                text=text,
                source_text=(source_text or "").strip() or None,
                notes="\n".join(note for note in notes if note) or None,
                origin=label,
            )
        )

    def _locale(self, language: str | None, label: str) -> LocaleInfo | None:
        code = (language or "").strip()
        if code in self.locales:
            return self.locales[code]
        info = None
        if not code:
            self.ctx.problem(
                _("the target language is not given (first missing for {unit}).").format(
                    unit=label
                ),
                hint=_(
                    "Set target-language on <file> (XLIFF 1.2) or trgLang on <xliff> (XLIFF 2)."
                ),
            )
        else:
            try:
                info = parse_locale(code)
            except ValueError as exc:
                self.ctx.problem(
                    _("the target language '{code}' is not usable: {reason}.").format(
                        code=code, reason=exc
                    ),
                    row=label,
                    hint=_("Use a locale code that CLDR knows, such as de, fr-FR or pt-BR."),
                )
        self.locales[code] = info
        return info

    def _set_source(self, code: str | None) -> None:
        if self.parsed.source_locale or not code or code in self.bad_sources:
            return
        self.bad_sources.add(code)
        try:
            self.parsed.source_locale = parse_locale(code).tag
        except ValueError as exc:
            self.ctx.problem(
                _("the source language '{code}' is not usable: {reason}.").format(
                    code=code, reason=exc
                ),
                hint=_("Use a locale code that CLDR knows, such as en or en-US."),
            )

    def _label(self, unit: Element) -> str:
        key = unit.get("id")
        if key:
            return _("unit '{key}'").format(key=key)
        return _("unit {number}").format(number=self.count)

    def _no_target(self, label: str) -> None:
        self.ctx.problem(
            _("{unit} has no target.").format(unit=label),
            row=label,
            hint=_("Translate the unit, or leave it out of the export."),
        )


def _child(element: Element, name: str) -> Element | None:
    for child in element:
        if _local(child.tag) == name:
            return child
    return None


def _children(element: Element, name: str) -> list[Element]:
    return [child for child in element if _local(child.tag) == name]


def _descendants(element: Element, name: str) -> Iterator[Element]:
    return (node for node in element.iter() if _local(node.tag) == name)
