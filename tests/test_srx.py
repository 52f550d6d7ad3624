"""SRX 2.0 reader: rules, language map, cascade, Java regex translation, bad files."""

from __future__ import annotations

import re
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from tmx_export.errors import InputError
from tmx_export.model import Pair
from tmx_export.segment import paragraph_units, segment_pair, segment_text
from tmx_export.segment.srx import java_regex_to_python, read_srx

SRX = """<?xml version="1.0" encoding="UTF-8"?>
<srx xmlns="http://www.lisa.org/srx20" version="2.0">
  <header segmentsubflows="yes" cascade="{cascade}"/>
  <body>
    <languagerules>
      <languagerule languagerulename="English">
        <rule break="no"><beforebreak>\\sMr\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
        <rule break="no">
          <beforebreak>(?i)e\\.g\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
      </languagerule>
      <languagerule languagerulename="French">
        <!-- no break before a lower-case letter, ASCII only as in OmegaT -->
        <rule break="no"><beforebreak>\\.</beforebreak><afterbreak>\\s[a-z]</afterbreak></rule>
        <rule break="no"><beforebreak>\\.</beforebreak><afterbreak>[\\u00A0\\s]»</afterbreak></rule>
      </languagerule>
      <languagerule languagerulename="Default">
        <rule break="no">
          <beforebreak>\\.\\.\\.</beforebreak><afterbreak>\\s+\\P{{Lu}}</afterbreak></rule>
        <rule break="yes">
          <beforebreak>^\\s*\\p{{Nd}}+[\\p{{Nd}}\\.\\)\\]]+\\s+</beforebreak>
          <afterbreak>\\p{{Lu}}</afterbreak></rule>
        <rule break="yes"><beforebreak>[\\.\\?\\!]+</beforebreak><afterbreak>\\s</afterbreak></rule>
        <rule break="yes"><beforebreak>;</beforebreak></rule>
      </languagerule>
    </languagerules>
    <maprules>
      <languagemap languagepattern="EN.*" languagerulename="English"/>
      <languagemap languagepattern="FR.*" languagerulename="French"/>
      <languagemap languagepattern=".*" languagerulename="Default"/>
    </maprules>
  </body>
</srx>
"""


def write(tmp_path: Path, text: str, name: str = "rules.srx") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def rules(tmp_path: Path):
    return read_srx(write(tmp_path, SRX.format(cascade="yes")))


def test_language_map_and_cascade(rules) -> None:
    assert [r.name for r in rules.rules_for("en-GB")] == [
        "languagerule 'English' rule 1", "languagerule 'English' rule 2",
        "languagerule 'Default' rule 1", "languagerule 'Default' rule 2",
        "languagerule 'Default' rule 3", "languagerule 'Default' rule 4"]
    assert len(rules.rules_for("de-DE")) == 4  # Default only
    assert len(rules.rules_for("fr")) == 6


def test_no_break_rules_come_first(rules) -> None:
    text = "Ask Mr. Smith. Or E.G. this one. Fine... and more. Done! Yes"
    assert rules.segment(text, "en-GB") == [
        "Ask Mr. Smith.", "Or E.G. this one.", "Fine... and more.", "Done!", "Yes"]
    # without the English rules (German), "Mr." ends a segment
    assert rules.segment(text, "de")[:2] == ["Ask Mr.", "Smith."]


def test_rule_without_afterbreak_and_unicode_properties(rules) -> None:
    assert rules.segment("un; deux", "de") == ["un;", "deux"]
    # \p{Lu} is Unicode: "É" counts as upper case for the numbered-heading rule
    assert rules.segment("12. Élan", "fr-FR") == ["12.", "Élan"]
    # the French exception is ASCII [a-z] (as in OmegaT): "34. invite" stays whole
    assert rules.segment("34. invite la Commission. Et", "fr-FR") == [
        "34. invite la Commission.", "Et"]


def test_cascade_no_uses_first_matching_map_only(tmp_path: Path) -> None:
    rules = read_srx(write(tmp_path, SRX.format(cascade="no")))
    assert [r.name for r in rules.rules_for("en")] == [
        "languagerule 'English' rule 1", "languagerule 'English' rule 2"]
    # no break rule applies to English at all now
    assert rules.segment("One. Two.", "en") == ["One. Two."]


def test_srx_rules_drive_segment_text_and_paragraph_numbers(rules) -> None:
    assert segment_text("Ask Mr. Smith; he left. Bye", "en", rules=rules) == [
        "Ask Mr. Smith;", "he left.", "Bye"]
    pair = Pair("invite la Commission.", "calls on the Commission.", "fr-FR", "en-GB",
                number=34)
    assert [u.source for u in paragraph_units(pair, rules=rules)] == [
        "34. invite la Commission."]
    pair = Pair("Calls on the Commission.", "invite la Commission.", "en-GB", "fr-FR",
                number=34)
    units, _ = segment_pair(pair, rules=rules)
    assert [(u.source, u.target) for u in units] == [
        ("34.", "34."), ("Calls on the Commission.", "invite la Commission.")]


@pytest.mark.parametrize("java, text, matches", [
    (r"\s", "\u00a0", False),  # Java \s is ASCII
    (r"\d", "٣", False),  # so is \d
    (r"\p{Lu}", "É", True),
    (r"\P{Lu}", "é", True),
    (r"[\p{Ll}\d]", "ß", True),
    (r"[^\p{Ll}]", "a", False),
    (r"\p{IsLu}", "Ω", True),
    (r"\p{javaLowerCase}", "ω", True),
    (r"\p{Punct}", ";", True),
    (r"\QMr.\E", "Mr.", True),
    (r"\QMr.\E", "Mrx", False),
    (r"\x{41}\u0042", "AB", True),
    (r"a(?i)b", "aB", True),
    (r"a(?i)b", "AB", False),
    (r"(?<name>x)\k<name>", "xx", True),
    (r"a\z", "a", True),
    (r"\h", "\u202f", True),
    (r"a++b", "aab", True),
])
def test_java_regex_translation(java: str, text: str, matches: bool) -> None:
    assert bool(re.fullmatch(java_regex_to_python(java), text, re.DOTALL)) is matches


@pytest.mark.parametrize("java, why", [
    (r"[a-z&&[^aeiou]]", "character class intersection"),
    (r"[a-z[0-9]]", "nested character class"),
    (r"\Gx", "unsupported escape"),
    (r"\p{InGreek}", "unsupported Unicode property"),
    (r"(?<=a+)b", "look-behind requires fixed-width"),
])
def test_untranslatable_rule_is_refused_naming_the_rule(tmp_path: Path, java: str,
                                                       why: str) -> None:
    text = SRX.format(cascade="yes").replace(r"<beforebreak>;</beforebreak>",
                                             f"<beforebreak>{escape(java)}</beforebreak>")
    with pytest.raises(InputError) as err:
        read_srx(write(tmp_path, text))
    message = str(err.value)
    assert "rules.srx:" in message
    assert "languagerule 'Default' rule 4" in message
    assert why in message
    assert "\n" not in message
    # the rule quoted as the file writes it, where repr() doubled its backslashes
    assert f"cannot use Java regex '{java}': " in message


def test_bad_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read SRX file"):
        read_srx(tmp_path / "missing.srx")
    with pytest.raises(InputError, match="not well-formed XML"):
        read_srx(write(tmp_path, "<srx><body>"))
    with pytest.raises(InputError, match="not an SRX file"):
        read_srx(write(tmp_path, "<tmx/>"))
    with pytest.raises(InputError, match="unknown languagerule 'Nope'"):
        read_srx(write(tmp_path, SRX.format(cascade="yes").replace(
            'languagerulename="Default"/>', 'languagerulename="Nope"/>')))


def test_external_entities_are_not_resolved(tmp_path: Path) -> None:
    secret = write(tmp_path, "SECRET", "secret.txt")
    text = SRX.format(cascade="yes").replace(
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<?xml version="1.0"?>\n<!DOCTYPE srx [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
    ).replace(r"<beforebreak>;</beforebreak>", "<beforebreak>&x;</beforebreak>")
    # refused before any parser sees it (the one safe path for XML), so "SECRET" is
    # never read into a rule
    with pytest.raises(InputError, match="declares entities"):
        read_srx(write(tmp_path, text))
