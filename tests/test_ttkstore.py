"""XLIFF 1.2, XLIFF 2.0 and PO through translate-toolkit, and on to TMX."""

from __future__ import annotations

import pytest

from tmx_export.errors import InputError
from tmx_export.formats.tmx import read_tmx, write_tmx
from tmx_export.formats.ttkstore import read_ttk

XLIFF_12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="report.docx" source-language="en-GB" target-language="fr-FR" datatype="plaintext">
    <body>
      <trans-unit id="1">
        <source>The value chain matters.</source>
        <target state="translated">La chaîne de valeur compte.</target>
      </trans-unit>
      <trans-unit id="2">
        <source>Research centres &amp; universities</source>
        <target state="final">Centres de recherche &amp; universités</target>
      </trans-unit>
      <trans-unit id="3">
        <source>Not yet translated.</source>
      </trans-unit>
      <trans-unit id="4">
        <source>Know-how transfer</source>
        <target state="needs-review-translation">Transfert de savoir-faire</target>
      </trans-unit>
    </body>
  </file>
</xliff>
"""

XLIFF_20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr">
  <file id="f1">
    <unit id="u1">
      <segment state="translated">
        <source>Adoption of the Minutes</source>
        <target>Adoption du procès-verbal</target>
      </segment>
    </unit>
    <unit id="u2">
      <segment id="s1" state="final">
        <source>The Minutes were approved.</source>
        <target>Le procès-verbal est adopté.</target>
      </segment>
      <segment id="s2" state="initial">
        <source>Thank you.</source>
      </segment>
    </unit>
  </file>
</xliff>
"""

PO = """# French translation
msgid ""
msgstr ""
"Language: fr\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

#: src/menu.c:10
msgid "Open file"
msgstr "Ouvrir le fichier"

msgctxt "verb"
msgid "Close"
msgstr "Fermer"

#, fuzzy
msgid "Save as"
msgstr "Enregistrer"

msgid "Quit"
msgstr ""

msgid "Line one\\n"
"line two"
msgstr "Ligne un\\n"
"ligne deux"

#~ msgid "Old entry"
#~ msgstr "Ancienne entrée"
"""


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_xliff_12(tmp_path):
    result = read_ttk(write(tmp_path, "a.xlf", XLIFF_12), source_lang="en-GB", target_lang="fr-FR")
    assert [(p.source, p.target, p.line) for p in result.pairs] == [
        ("The value chain matters.", "La chaîne de valeur compte.", 5),
        ("Research centres & universities", "Centres de recherche & universités", 9),
    ]
    assert [(r.reason, r.line) for r in result.rejects] == [("untranslated", 13), ("fuzzy", 16)]
    with_fuzzy = read_ttk(tmp_path / "a.xlf", source_lang="en", target_lang="fr",
                          include_fuzzy=True)
    assert with_fuzzy.pairs[-1].target == "Transfert de savoir-faire"


def test_xliff_12_opposite_direction_is_swapped_and_other_languages_refused(tmp_path):
    path = write(tmp_path, "a.xliff", XLIFF_12)
    swapped = read_ttk(path, source_lang="fr-FR", target_lang="en-GB")
    assert swapped.pairs[0].source == "La chaîne de valeur compte."
    assert swapped.pairs[0].target == "The value chain matters."
    with pytest.raises(InputError, match="the file is in en-GB -> fr-FR, not de -> fr"):
        read_ttk(path, source_lang="de", target_lang="fr")


def test_xliff_20_segments(tmp_path):
    result = read_ttk(write(tmp_path, "b.xlf", XLIFF_20), source_lang="en-GB", target_lang="fr-FR")
    assert [(p.source, p.target) for p in result.pairs] == [
        ("Adoption of the Minutes", "Adoption du procès-verbal"),
        ("The Minutes were approved.", "Le procès-verbal est adopté."),
    ]
    assert [(r.reason, r.text) for r in result.rejects] == [("untranslated", "Thank you.")]


def test_po(tmp_path):
    result = read_ttk(write(tmp_path, "fr.po", PO), source_lang="en-GB", target_lang="fr-FR")
    assert [(p.source, p.target, p.line) for p in result.pairs] == [
        ("Open file", "Ouvrir le fichier", 8),
        ("Close", "Fermer", 11),
        ("Line one\nline two", "Ligne un\nligne deux", 22),
    ]
    assert result.pairs[1].props == {"x-context": "verb"}
    assert [(r.reason, r.line) for r in result.rejects] == [("fuzzy", 16), ("untranslated", 19)]


def test_xliff_and_po_go_through_to_tmx(tmp_path):
    pairs = (read_ttk(write(tmp_path, "a.xlf", XLIFF_12), source_lang="en-GB",
                      target_lang="fr-FR").pairs
             + read_ttk(write(tmp_path, "fr.po", PO), source_lang="en-GB",
                        target_lang="fr-FR").pairs)
    out = tmp_path / "out.tmx"
    write_tmx(pairs, out, segtype="sentence")
    back = read_tmx(out, source_lang="en-GB", target_lang="fr-FR").pairs
    # the TMX writer puts no line break inside <seg> (CAT tools match segments literally)
    assert [(p.source, p.target) for p in back] == [
        (" ".join(p.source.split()), " ".join(p.target.split())) for p in pairs]
    assert back[3].props.get("x-context") == "verb"


def test_hostile_xliff_refused(tmp_path):
    path = write(tmp_path, "evil.xlf", '<?xml version="1.0"?>\n<!DOCTYPE xliff [<!ENTITY x SYSTEM '
                 '"file:///etc/passwd">]>\n' + XLIFF_12.split("\n", 1)[1].replace(
                     "The value chain", "&x; The value chain"))
    with pytest.raises(InputError, match="refused"):
        read_ttk(path, source_lang="en", target_lang="fr")


def test_garbage_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="cannot read as XLIFF/PO"):
        read_ttk(write(tmp_path, "bad.xlf", "<xliff version='1.2'><file>"), source_lang="en",
                 target_lang="fr")
    with pytest.raises(InputError, match="no such file"):
        read_ttk(tmp_path / "none.po", source_lang="en", target_lang="fr")


PO_PLURALS = r'''msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Language: pl\n"
"Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && "
"(n%100<10 || n%100>=20) ? 1 : 2);\n"

msgid "%d Member State has replied."
msgid_plural "%d Member States have replied."
msgstr[0] "Odpowiedziało %d państwo członkowskie."
msgstr[1] "Odpowiedziały %d państwa członkowskie."
msgstr[2] "Odpowiedziało %d państw członkowskich."

msgid "%d amendment was tabled."
msgid_plural "%d amendments were tabled."
msgstr[0] "Złożono %d poprawkę."
msgstr[1] ""
msgstr[2] ""
'''


def test_po_plural_forms_are_each_a_unit(tmp_path):
    """A PO plural entry holds the source's singular and plural and every plural form of
    the target language; translate-toolkit's unit source and target give the first form
    only, so the plural ones were dropped without a word. Each form is a pair (prop
    ``x-plural-form``), and a form left empty is an ``untranslated`` reject."""
    po = tmp_path / "plurals.po"
    po.write_text(PO_PLURALS, encoding="utf-8")
    result = read_ttk(po, source_lang="en-GB", target_lang="pl-PL")
    assert [(p.source, p.target, p.props["x-plural-form"]) for p in result.pairs] == [
        ("%d Member State has replied.", "Odpowiedziało %d państwo członkowskie.", "0"),
        ("%d Member States have replied.", "Odpowiedziały %d państwa członkowskie.", "1"),
        ("%d Member States have replied.", "Odpowiedziało %d państw członkowskich.", "2"),
        ("%d amendment was tabled.", "Złożono %d poprawkę.", "0")]
    assert [(r.reason, r.text) for r in result.rejects] == [
        ("untranslated", "%d amendments were tabled."),
        ("untranslated", "%d amendments were tabled.")]
    assert len({r.line for r in result.rejects}) == 1


XLIFF_BUNDLE = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="a.docx" source-language="en-GB" target-language="fr-FR" datatype="plaintext">
    <body>
      <trans-unit id="1"><source>The value chain matters.</source>
        <target state="translated">La chaîne de valeur compte.</target></trans-unit>
    </body>
  </file>
  <file original="b.docx" source-language="en-GB" target-language="de-DE" datatype="plaintext">
    <body>
      <trans-unit id="1"><source>The Council has adopted the regulation.</source>
        <target state="translated">Der Rat hat die Verordnung angenommen.</target></trans-unit>
    </body>
  </file>
  <file original="c.docx" source-language="fr-FR" target-language="en-GB" datatype="plaintext">
    <body>
      <trans-unit id="1"><source>Le rapport est adopté.</source>
        <target state="translated">The report is adopted.</target></trans-unit>
    </body>
  </file>
</xliff>
"""


def test_an_xliff_bundle_of_several_language_pairs_goes_by_each_file(tmp_path):
    """An XLIFF 1.2 file may bundle <file>s in several pairs of languages (a project
    exported for French and German translators at once). The languages were read from
    the first <file> only, so the German units were written as French ones; each unit
    now goes by its own <file>: swapped where the file is the other way round, a reject
    where it is in other languages."""
    path = tmp_path / "bundle.xlf"
    path.write_text(XLIFF_BUNDLE, encoding="utf-8")
    french = read_ttk(path, source_lang="en-GB", target_lang="fr-FR")
    assert [(p.source, p.target) for p in french.pairs] == [
        ("The value chain matters.", "La chaîne de valeur compte."),
        ("The report is adopted.", "Le rapport est adopté.")]
    assert [(r.reason, r.text) for r in french.rejects] == [
        ("other-languages", "en-GB -> de-DE: The Council has adopted the regulation.\t"
                            "Der Rat hat die Verordnung angenommen.")]
    german = read_ttk(path, source_lang="en-GB", target_lang="de-DE")
    assert [p.target for p in german.pairs] == ["Der Rat hat die Verordnung angenommen."]
    assert [r.reason for r in german.rejects] == ["other-languages", "other-languages"]
    with pytest.raises(InputError, match="the file is in en-GB -> fr-FR, not en-GB -> it-IT"):
        read_ttk(path, source_lang="en-GB", target_lang="it-IT")
