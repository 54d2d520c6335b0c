"""XLIFF 1.2 and 2.x: units, languages, notes, inline markup, and unsafe or broken XML."""

from __future__ import annotations

from xml.etree.ElementTree import fromstring

import pytest

from culturepanel.importers.xliff_reader import flatten
from culturepanel.locales import MARKET_FROM_LOCALE

from .conftest import Write, only_problem, problems_in, read

XLIFF_12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="en-US" target-language="de-DE" datatype="plaintext" original="web">
    <body>
      <group id="hero">
        <trans-unit id="hero.title">
          <source>Hello <g id="1">spring</g>, <x id="2" equiv-text="{name}"/>!</source>
          <target>Hallo <g id="1">Frühling</g>, <x id="2" equiv-text="{name}"/>!</target>
          <note from="hq">Tone: warm</note>
          <note>Max 40 characters</note>
        </trans-unit>
      </group>
      <trans-unit id="hero.sub">
        <source>Line<ph id="1">&lt;br/&gt;</ph>two <bpt id="2">&lt;b&gt;</bpt>bold<ept
          id="2">&lt;/b&gt;</ept></source>
        <target>Zeile<ph id="1">&lt;br/&gt;</ph>zwei <bpt id="2">&lt;b&gt;</bpt>fett<ept
          id="2">&lt;/b&gt;</ept></target>
      </trans-unit>
      <trans-unit id="legal" translate="no"><source>ACME®</source></trans-unit>
      <trans-unit id="cta"><source>Buy now</source></trans-unit>
      <trans-unit id="alt"><source>Hi</source><target xml:lang="de-AT">Servus</target>
        <alt-trans><target>Grüß Gott</target></alt-trans></trans-unit>
    </body>
  </file>
</xliff>
"""

XLIFF_20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="ja">
  <file id="f1">
    <notes><note>File note, not a unit note</note></notes>
    <unit id="hero.title">
      <notes><note category="context">Homepage banner</note><note>Keep short</note></notes>
      <segment>
        <source>Hello <pc id="1" dispStart="&lt;b&gt;" dispEnd="&lt;/b&gt;">spring</pc></source>
        <target>こんにちは<pc id="1" dispStart="&lt;b&gt;" dispEnd="&lt;/b&gt;">春</pc></target>
      </segment>
      <ignorable><source> </source></ignorable>
      <segment>
        <source>Hi <ph id="2" equiv="{name}"/>.</source>
        <target><ph id="2" equiv="{name}"/>さん。</target>
      </segment>
    </unit>
    <group id="g">
      <unit id="cta"><segment><source>Buy</source></segment></unit>
      <unit id="two"><segment><source>A</source><target>あ</target></segment>
        <segment><source>B</source></segment></unit>
    </group>
  </file>
</xliff>
"""


def test_xliff_12(write: Write) -> None:
    parsed = read(write("spring.xlf", XLIFF_12))
    assert (parsed.format, parsed.layout, parsed.source_locale) == ("xliff", "xliff", "en-US")
    title, sub, alt = parsed.variants
    assert (title.key, title.locale, title.locale_label) == ("hero.title", "de-DE", "de-DE")
    assert (title.market, title.market_source) == ("DE", MARKET_FROM_LOCALE)
    assert title.text == "Hallo Frühling, {name}!"
    assert title.source_text == "Hello spring, {name}!"
    assert title.notes == "Tone: warm\nMax 40 characters"
    assert title.origin == "unit 'hero.title'"
    assert sub.text == "Zeile<br/>zwei <b>fett</b>"
    assert (alt.locale, alt.text) == ("de-AT", "Servus")
    problem = only_problem(parsed)
    assert (problem.file, problem.row) == ("spring.xlf", "unit 'cta'")
    assert problem.message == "unit 'cta' has no target."


def test_xliff_20(write: Write) -> None:
    parsed = read(write("spring.xliff", XLIFF_20))
    assert parsed.source_locale == "en"
    (title,) = parsed.variants
    assert (title.key, title.locale, title.market) == ("hero.title", "ja", "JP")
    assert title.text == "こんにちは<b>春</b> {name}さん。"
    assert title.source_text == "Hello <b>spring</b> Hi {name}."
    assert title.notes == "Homepage banner\nKeep short"
    missing, partial = parsed.problems
    assert (missing.row, missing.message) == ("unit 'cta'", "unit 'cta' has no target.")
    assert partial.row == "unit 'two'" and "partly translated" in partial.message


@pytest.mark.parametrize(
    ("xml", "text"),
    [
        ('<t>a<x id="1"/>b</t>', "a{x:1}b"),
        ('<t>a<ph id="3"/>b</t>', "a{ph:3}b"),
        ('<t>a<ph id="3" disp="[name]"/>b</t>', "a[name]b"),
        ('<t><sc id="1" equiv="&lt;i&gt;"/>x<ec startRef="1"/></t>', "<i>x{ec:1}"),
        ('<t>a<cp hex="00A0"/>b<sm id="m"/>c<em startRef="m"/></t>', "a\u00a0bc"),
        ('<t><mrk mtype="term">ACME</mrk> <g id="1"><g id="2">deep</g></g></t>', "ACME deep"),
    ],
)
def test_inline_markup_flattening(xml: str, text: str) -> None:
    assert flatten(fromstring(xml)) == text


def test_billion_laughs_is_refused(write: Write) -> None:
    bomb = (
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
        + "".join(
            f' <!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">\n'.replace("&lol0;", "&lol;")
            for i in range(1, 10)
        )
        + ']>\n<xliff version="1.2"><file target-language="de"><body>'
        '<trans-unit id="a"><source>&lol9;</source><target>x</target></trans-unit>'
        "</body></file></xliff>\n"
    )
    parsed = read(write("bomb.xlf", bomb))
    problem = only_problem(parsed)
    assert problem.file == "bomb.xlf"
    assert "refused for safety" in problem.message
    assert parsed.variants == []


def test_external_entity_is_refused(write: Write) -> None:
    xxe = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><xliff>&e;</xliff>'
    assert "refused for safety" in only_problem(read(write("x.xlf", xxe))).message


def test_broken_xml_gives_the_line(write: Write) -> None:
    broken = XLIFF_12.replace("</trans-unit>\n      </group>", "\n      </group>")
    problem = only_problem(read(write("broken.xlf", broken)))
    assert problem.row == "line 12, column 9"  # the </group> that should close <trans-unit>
    assert problem.message == "this is not well-formed XML: mismatched tag."


def test_not_xliff(write: Write) -> None:
    problem = only_problem(read(write("data.xml", "<catalog><item/></catalog>")))
    assert problem.message == "this XML file is not XLIFF: its root element is <catalog>."


def test_missing_and_unknown_languages(write: Write) -> None:
    no_target = XLIFF_12.replace(' target-language="de-DE"', "")
    parsed = read(write("a.xlf", no_target))
    assert [v.key for v in parsed.variants] == ["alt"]  # its <target xml:lang> names the locale
    assert problems_in(parsed, row=None)[0].message.startswith("the target language is not given")
    unknown = read(write("b.xliff", XLIFF_20.replace('trgLang="ja"', 'trgLang="xx-QQ"')))
    assert "'xx-QQ' is not usable" in unknown.problems[0].message
    assert unknown.variants == []


def test_duplicate_units_and_empty_target(write: Write) -> None:
    xml = (
        '<xliff version="1.2"><file source-language="en" target-language="fr"><body>'
        '<trans-unit id="a"><source>A</source><target>Un</target></trans-unit>'
        '<trans-unit id="a"><source>A</source><target>Une</target></trans-unit>'
        '<trans-unit id="b"><source>B</source><target>  </target></trans-unit>'
        "<trans-unit><source>C</source><target>C</target></trans-unit>"
        "</body></file></xliff>"
    )
    parsed = read(write("d.xlf", xml))
    assert [(p.row, p.message) for p in parsed.problems] == [
        ("unit 'a'", "the unit id 'a' appears twice for fr (first as unit 'a')."),
        ("unit 'b'", "unit 'b' has an empty target."),
        ("unit 4", "this unit has no id."),
    ]


def test_unreadable_encoding(write: Write) -> None:
    xml = '<?xml version="1.0" encoding="shift_jis"?><xliff>日本</xliff>'.encode("shift_jis")
    problem = only_problem(read(write("sjis.xlf", xml)))
    assert "encoding cannot be read" in problem.message


def test_utf16_xliff(write: Write) -> None:
    parsed = read(write("u16.xliff", XLIFF_20.replace("UTF-8", "UTF-16"), "utf-16"))
    assert [v.key for v in parsed.variants] == ["hero.title"]


def test_progress_counts_units(write: Write) -> None:
    units = "".join(
        f'<trans-unit id="u{i}"><source>a</source><target>b</target></trans-unit>'
        for i in range(2500)
    )
    xml = f'<xliff version="1.2"><file target-language="de"><body>{units}</body></file></xliff>'
    calls: list[tuple[int, int]] = []
    parsed = read(write("p.xlf", xml), progress=lambda done, total: calls.append((done, total)))
    assert len(parsed.variants) == 2500
    assert calls == [(1000, 2500), (2000, 2500), (2500, 2500)]
