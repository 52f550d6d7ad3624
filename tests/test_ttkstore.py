"""XLIFF 1.2, XLIFF 2.0 and PO through translate-toolkit, and on to TMX."""

from __future__ import annotations

import re
from pathlib import Path

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
    # each after the pairs above it, so the rejects report keeps the input's order
    assert result.places() == [2, 2]
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


@pytest.mark.parametrize("source, target", [("eng", "fra"), ("eng-GB", "fre-FR")])
def test_xliff_in_three_letter_codes_is_read_as_the_standard_tags(tmp_path, source, target):
    # memoQ writes ISO 639-2 codes: "eng" is en, as --source-lang and table headers read it
    # (it was refused as "the file is in eng -> fra, not en -> fr")
    from tmx_export.formats.ttkstore import declared_languages

    xliff = XLIFF_12.replace('"en-GB"', f'"{source}"').replace('"fr-FR"', f'"{target}"')
    path = write(tmp_path, "a.mqxliff", xliff)
    result = read_ttk(path, source_lang="en-GB", target_lang="fr-FR")
    assert [p.target for p in result.pairs] == ["La chaîne de valeur compte.",
                                                "Centres de recherche & universités"]
    assert read_ttk(path, source_lang="fr", target_lang="en").pairs[0].target == \
        "The value chain matters."
    assert declared_languages(path) == ({"eng": "en"}.get(source, "en-GB"),
                                        {"fra": "fr"}.get(target, "fr-FR"))
    with pytest.raises(InputError, match="the file is in en(-GB)? -> fr(-FR)?, not de -> fr"):
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
    assert [(r.reason, r.line) for r in result.rejects] == [("fuzzy", 16), ("untranslated", 19),
                                                            ("obsolete", 27)]


def test_po_obsolete_entries_are_rejects_at_their_lines(tmp_path):
    # "#~" entries were skipped without a word: in neither the output, the rejects nor the
    # units read
    obsolete = PO + ('\n#~ msgid "The sitting is closed."\n#~ msgstr "La séance est levée."\n'
                     '\n#~ msgctxt "menu"\n#~ msgid "Save"\n#~ msgstr "Enregistrer"\n')
    path = write(tmp_path, "fr.po", obsolete)
    result = read_ttk(path, source_lang="en-GB", target_lang="fr-FR")
    assert len(result.pairs) == 3
    first = obsolete.splitlines().index('#~ msgid "The sitting is closed."') + 1
    assert [(r.reason, r.line, r.text) for r in result.rejects][2:] == [
        ("obsolete", 27, "Old entry\tAncienne entrée"),
        ("obsolete", first, "The sitting is closed.\tLa séance est levée."),
        ("obsolete", first + 3, "Save\tEnregistrer")]


def test_po_of_other_languages_refused_naming_what_it_leaves_unsaid(tmp_path):
    # a PO file declares its msgstr language only: the refusal said "? -> de", then the
    # garbled "the file is in msgid language not declared -> de, not en-GB -> fr-FR"
    german = write(tmp_path, "de.po", PO.replace("Language: fr", "Language: de"))
    with pytest.raises(InputError) as refused:
        read_ttk(german, source_lang="en-GB", target_lang="fr-FR")
    assert str(refused.value) == (f"{german}: the PO file's Language header says de, not "
                                  "fr-FR: give --target-lang de (and --source-lang, the "
                                  "language of its msgids, which a PO file does not declare)")
    assert "?" not in refused.value.message


def test_po_of_another_language_than_the_target_asked_names_the_header(tmp_path):
    """With --source-lang and --target-lang given, a PO whose Language header names
    another language was refused as one that "does not declare its source language",
    telling the user to give the --source-lang they had given; the header is the cause,
    and the tag to give is one the option takes (gettext's sr@latin is sr-Latn)."""
    serbian = write(tmp_path, "sr.po", PO.replace("Language: fr", "Language: sr@latin"))
    with pytest.raises(InputError) as refused:
        read_ttk(serbian, source_lang="en-GB", target_lang="pl-PL")
    assert refused.value.message.startswith(
        "the PO file's Language header says sr@latin, not pl-PL: give --target-lang sr-Latn ")


def test_po_of_a_regional_variant_read_as_the_tag_asked_is_said(tmp_path):
    """A PO file's fr_BE msgstrs were written as the fr-FR asked without a word, where an
    XLIFF file's fr-BE is counted for the summary; a PO file's are now too (gettext's
    locale forms read as the tags they stand for: fr_FR.UTF-8 is fr-FR itself)."""
    belgian = write(tmp_path, "be.po", PO.replace("Language: fr", "Language: fr_BE"))
    result = read_ttk(belgian, source_lang="en-GB", target_lang="fr-FR")
    assert result.pairs and result.relabelled == {("fr-BE", "fr-FR"): len(result.pairs)}
    for same in ("fr_FR.UTF-8", "fr"):
        po = write(tmp_path, "same.po", PO.replace("Language: fr", f"Language: {same}"))
        assert read_ttk(po, source_lang="en-GB", target_lang="fr-FR").relabelled == {}


def test_po_in_the_legacy_charset_its_header_declares(tmp_path):
    """A PO declaring charset=ISO-8859-1 (older gettext projects) was refused as "not a PO
    file": translate-toolkit decoded it as UTF-8 all the same. It is read by its charset."""
    po = PO.replace('msgstr "Ouvrir le fichier"', 'msgstr "Ouvrir le fichier créé"')
    latin1 = tmp_path / "l1.po"
    latin1.write_bytes(po.replace("charset=UTF-8", "charset=ISO-8859-1").encode("latin-1"))
    result = read_ttk(latin1, source_lang="en-GB", target_lang="fr-FR")
    utf8 = read_ttk(write(tmp_path, "u.po", po), source_lang="en-GB", target_lang="fr-FR")
    assert result.pairs[0].target == "Ouvrir le fichier créé"
    assert [(p.source, p.target, p.line) for p in result.pairs] == \
        [(p.source, p.target, p.line) for p in utf8.pairs]
    wrong = tmp_path / "wrong.po"
    wrong.write_bytes(po.replace("charset=UTF-8", "charset=ASCII").encode("utf-8"))
    with pytest.raises(InputError, match="does not decode as ASCII, the charset its header"):
        read_ttk(wrong, source_lang="en-GB", target_lang="fr-FR")


def test_po_in_utf8_under_a_latin1_header_is_read_as_utf8_and_said(tmp_path):
    """A UTF-8 file under a copied ISO-8859-1 header was decoded by the header: every
    accented letter written as mojibake ("crÃ©Ã©"), silently."""
    po = PO.replace('msgstr "Ouvrir le fichier"', 'msgstr "Ouvrir le fichier créé"')
    slip = write(tmp_path, "slip.po", po.replace("charset=UTF-8", "charset=ISO-8859-1"))
    result = read_ttk(slip, source_lang="en-GB", target_lang="fr-FR")
    utf8 = read_ttk(write(tmp_path, "u.po", po), source_lang="en-GB", target_lang="fr-FR")
    assert [(p.source, p.target, p.line) for p in result.pairs] == \
        [(p.source, p.target, p.line) for p in utf8.pairs]
    assert result.pairs[0].target == "Ouvrir le fichier créé"
    assert result.repairs == {"PO files read as UTF-8, not the ISO-8859-1 their header "
                              "declares": 1}
    assert not utf8.repairs


def test_xliff_without_a_target_language_refused_naming_it(tmp_path):
    xliff = XLIFF_12.replace(' target-language="fr-FR"', "")
    with pytest.raises(InputError, match="the file is in en-GB -> target-language not "
                                         "declared, not de -> fr"):
        read_ttk(write(tmp_path, "a.xlf", xliff), source_lang="de", target_lang="fr")


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
    with pytest.raises(InputError, match="cannot read as XLIFF/PO|not a readable XLIFF"):
        read_ttk(write(tmp_path, "bad.xlf", "<xliff version='1.2'><file>"), source_lang="en",
                 target_lang="fr")
    with pytest.raises(InputError, match="no such file"):
        read_ttk(tmp_path / "none.po", source_lang="en", target_lang="fr")


@pytest.mark.parametrize("qualifier", ["mt-suggestion", "leveraged-mt"])
def test_machine_translation_is_a_draft_whatever_its_state(tmp_path, qualifier):
    """A target marked translated but qualified as machine translation was taken as a human
    translation: it is a draft, rejected as fuzzy unless include_fuzzy."""
    xliff = XLIFF_12.replace('<target state="translated">',
                             f'<target state="translated" state-qualifier="{qualifier}">')
    path = write(tmp_path, "mt.xlf", xliff)
    result = read_ttk(path, source_lang="en-GB", target_lang="fr-FR")
    assert [p.source for p in result.pairs] == ["Research centres & universities"]
    assert [r.reason for r in result.rejects].count("fuzzy") == 2
    kept = read_ttk(path, source_lang="en-GB", target_lang="fr-FR", include_fuzzy=True)
    assert "The value chain matters." in [p.source for p in kept.pairs]


def test_po_errors_name_their_line_in_the_file_line_form(tmp_path):
    """translate-toolkit says "on line 9" inside its message, or a byte offset into a piece
    of the file: the error named no line in the FILE:LINE: form."""
    line = PO.splitlines().index('msgstr "Fermer"') + 1
    cut = write(tmp_path, "cut.po", PO.replace('msgstr "Fermer"', 'msgstr "Fermer'))
    with pytest.raises(InputError, match="not a PO file") as unterminated:
        read_ttk(cut, source_lang="en-GB", target_lang="fr-FR")
    assert unterminated.value.line == line
    assert str(unterminated.value).startswith(f"{cut}:{line}: ")
    stray = tmp_path / "stray.po"
    stray.write_bytes(PO.encode("utf-8").replace(b"Fermer", b"Ferm\xe9"))
    with pytest.raises(InputError, match="not a PO file") as undecodable:
        read_ttk(stray, source_lang="en-GB", target_lang="fr-FR")
    assert str(undecodable.value).startswith(f"{stray}:{line}: ")


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


PO_PLURAL_SINGULAR_NOT_FIRST = r'''msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Language: sl\n"
"Plural-Forms: nplurals=4; plural=(n%100==1 ? 1 : n%100==2 ? 2 : n%100==3 || "
"n%100==4 ? 3 : 0);\n"

msgid "%d Member State has replied."
msgid_plural "%d Member States have replied."
msgstr[0] "Odgovorilo je %d držav članic."
msgstr[1] "Odgovorila je %d država članica."
msgstr[2] "Odgovorili sta %d državi članici."
msgstr[3] "Odgovorile so %d države članice."
'''


def test_po_plural_singular_is_the_form_plural_forms_gives_one(tmp_path):
    """GNOME's Slovenian files put the form of 5 and more first (``plural=(n%100==1 ? 1
    ...: 0)``): ``msgstr[1]`` translates the singular. The English singular was paired with
    "%d držav članic" (of five and more), offered to a translator as the translation of
    "1 Member State"; the form of n = 1 goes with ``msgid``, the others with the plural."""
    po = write(tmp_path, "sl.po", PO_PLURAL_SINGULAR_NOT_FIRST)
    result = read_ttk(po, source_lang="en-GB", target_lang="sl-SI")
    assert [(p.source, p.target, p.props["x-plural-form"]) for p in result.pairs] == [
        ("%d Member States have replied.", "Odgovorilo je %d držav članic.", "0"),
        ("%d Member State has replied.", "Odgovorila je %d država članica.", "1"),
        ("%d Member States have replied.", "Odgovorili sta %d državi članici.", "2"),
        ("%d Member States have replied.", "Odgovorile so %d države članice.", "3")]
    assert not result.rejects


def test_xliff_po2xliff_made_of_a_po_file_pairs_its_plural_forms_alike(tmp_path):
    """po2xliff keeps the PO header and each plural entry as a group of forms: the XLIFF
    of a GNOME Slovenian file paired "%d Member State" with the form of five and more."""
    from io import BytesIO

    from translate.convert.po2xliff import convertpo

    xliff = BytesIO()
    convertpo(BytesIO(PO_PLURAL_SINGULAR_NOT_FIRST.encode("utf-8")), xliff, None)
    xlf = tmp_path / "sl.xlf"
    xlf.write_bytes(xliff.getvalue())
    result = read_ttk(xlf, source_lang="en-GB", target_lang="sl-SI")
    assert [(p.source, p.target) for p in result.pairs][:2] == [
        ("%d Member States have replied.", "Odgovorilo je %d držav članic."),
        ("%d Member State has replied.", "Odgovorila je %d država članica.")]


PO_ONE_PLURAL_FORM = r'''msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Language: ja\n"
"Plural-Forms: nplurals=1; plural=0;\n"

msgid "%d Member State has replied."
msgid_plural "%d Member States have replied."
msgstr[0] "%d 加盟国が回答した。"
'''


@pytest.mark.parametrize("untranslated", [False, True])
def test_po_plural_of_a_language_of_one_form_is_one_translated_pair(tmp_path, untranslated):
    """A language of one plural form (``nplurals=1``: Japanese, Chinese, Vietnamese...)
    says everything in ``msgstr[0]``: the complete entry was read as a pair and an
    ``untranslated`` plural form, and ``check`` reported an empty-target error on it."""
    po = write(tmp_path, "ja.po", PO_ONE_PLURAL_FORM)
    result = read_ttk(po, source_lang="en-GB", target_lang="ja-JP", untranslated=untranslated)
    assert [(p.source, p.target) for p in result.pairs] == [
        ("%d Member State has replied.", "%d 加盟国が回答した。")]
    assert not result.rejects
    # more forms than the header says: each is read, none dropped
    po.write_text(PO_ONE_PLURAL_FORM + 'msgstr[1] "%d 加盟国が回答しました。"\n', encoding="utf-8")
    result = read_ttk(po, source_lang="en-GB", target_lang="ja-JP", untranslated=untranslated)
    assert [p.target for p in result.pairs] == ["%d 加盟国が回答した。",
                                                "%d 加盟国が回答しました。"]


XLIFF_SIMPLIFIED_CHINESE = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="a.docx" source-language="en-GB" target-language="zh-Hans" datatype="plaintext">
    <body>
      <trans-unit id="1"><source>The Member States shall comply with this Directive.</source>
        <target state="translated">成员国应遵守本指令。</target></trans-unit>
    </body>
  </file>
</xliff>
"""


@pytest.mark.parametrize("target_lang", ["zh-Hant", "zh-TW"])
def test_xliff_in_another_script_of_the_language_asked_is_refused(tmp_path, target_lang):
    """A zh-Hans file asked for zh-Hant (or zh-TW) was read as a regional variant, its
    Simplified characters written as Traditional Chinese: another writing, refused."""
    xlf = write(tmp_path, "zh.xlf", XLIFF_SIMPLIFIED_CHINESE)
    with pytest.raises(InputError, match="zh-Hans"):
        read_ttk(xlf, source_lang="en-GB", target_lang=target_lang)
    result = read_ttk(xlf, source_lang="en-GB", target_lang="zh-CN")
    assert [p.target for p in result.pairs] == ["成员国应遵守本指令。"]


def test_po_of_gettext_latin_serbian_is_not_read_as_cyrillic(tmp_path):
    """gettext names Latin-script Serbian ``sr@latin``: such a file was written as the
    sr-Cyrl asked."""
    po = write(tmp_path, "sr.po", 'msgid ""\nmsgstr ""\n"Language: sr@latin\\n"\n'
               '"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
               'msgid "Open file"\nmsgstr "Otvori datoteku"\n')
    with pytest.raises(InputError, match="sr@latin"):
        read_ttk(po, source_lang="en-GB", target_lang="sr-Cyrl")
    result = read_ttk(po, source_lang="en-GB", target_lang="sr-Latn")
    assert [p.target for p in result.pairs] == ["Otvori datoteku"]


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


def test_a_bundled_file_leaving_its_target_language_unsaid_is_not_guessed(tmp_path):
    """XLIFF 1.2 makes ``target-language`` optional. A <file> without it in a bundle of
    French and German files was read as the French asked ("Der Vertrag tritt in Kraft."
    written as fr-FR); its language is unknown there, a reject saying so. Beside French
    files only, French is all it can be."""
    unsaid = ('  <file original="d.docx" source-language="en-GB" datatype="plaintext">\n'
              '    <body>\n      <trans-unit id="1"><source>The Treaty enters into force.'
              '</source>\n        <target state="translated">Der Vertrag tritt in Kraft.'
              '</target></trans-unit>\n    </body>\n  </file>\n</xliff>\n')
    path = write(tmp_path, "bundle.xlf", XLIFF_BUNDLE.replace("</xliff>\n", unsaid))
    result = read_ttk(path, source_lang="en-GB", target_lang="fr-FR")
    assert "Der Vertrag tritt in Kraft." not in [p.target for p in result.pairs]
    assert [(r.reason, r.line, r.detail) for r in result.rejects][-1] == (
        "other-languages", 23, "its <file> leaves a language unsaid, in a bundle of de-DE, "
                               "en-GB, fr-FR")
    french_only = XLIFF_BUNDLE.replace('target-language="de-DE"', 'target-language="fr-FR"')
    french_unsaid = unsaid.replace("Der Vertrag tritt in Kraft.", "Le traité entre en vigueur.")
    path = write(tmp_path, "french.xlf", french_only.replace("</xliff>\n", french_unsaid))
    result = read_ttk(path, source_lang="en-GB", target_lang="fr-FR")
    assert "Le traité entre en vigueur." in [p.target for p in result.pairs]


XLIFF_NOT_TRANSLATABLE = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="a.html" source-language="en-GB" target-language="fr-FR" datatype="html">
    <body>
      <trans-unit id="1"><source>The Parties have agreed as follows.</source>
        <target state="translated">Les Parties sont convenues de ce qui suit.</target>
      </trans-unit>
      <trans-unit id="2" translate="no"><source>This quoted passage stays in English.</source>
        <target>This quoted passage stays in English.</target></trans-unit>
      <group id="g" translate="no">
        <trans-unit id="3"><source>Copyright European Union, all rights reserved.</source>
        </trans-unit>
      </group>
    </body>
  </file>
</xliff>
"""


@pytest.mark.parametrize("untranslated", [False, True])
def test_xliff_units_not_to_translate_are_rejected_as_such(tmp_path, untranslated):
    """A unit marked translate="no" (itself, or its group) holds no translation: its
    target, when there is one, is the source copied. ``check`` reported the copy as an
    ``untranslated`` error and the missing target as an ``empty-target`` one, so a file
    from a CAT tool with protected text always failed; ``build`` called them
    ``identical`` and ``untranslated``. Both are now ``not-translatable`` rejects."""
    xlf = write(tmp_path, "protected.xlf", XLIFF_NOT_TRANSLATABLE)
    result = read_ttk(xlf, source_lang="en-GB", target_lang="fr-FR", untranslated=untranslated)
    assert [p.target for p in result.pairs] == ["Les Parties sont convenues de ce qui suit."]
    assert [(r.reason, r.line, r.text) for r in result.rejects] == [
        ("not-translatable", 8, "This quoted passage stays in English.\t"
                                "This quoted passage stays in English."),
        ("not-translatable", 11, "Copyright European Union, all rights reserved.")]


def test_xliff_units_without_text_are_counted_rejects(tmp_path):
    """A trans-unit of inline codes alone (a Word run's line break) or of spaces was
    neither a pair nor a reject: the run's account left it out ("1 unit read" of four).
    It is an ``empty-side`` reject, as a TMX tu of empty segs is."""
    units = ['<source>The Parties have agreed as follows.</source><target state="translated">'
             'Les Parties sont convenues de ce qui suit.</target>',
             '<source><x id="1"/></source><target state="translated"><x id="1"/></target>',
             '<source> </source><target state="translated"> </target>',
             '<source><bpt id="1">&lt;b&gt;</bpt><ept id="1">&lt;/b&gt;</ept></source>']
    xlf = write(tmp_path, "codes.xlf", (
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" '
        'xmlns="urn:oasis:names:tc:xliff:document:1.2">\n<file original="a.docx" '
        'source-language="en-GB" target-language="fr-FR" datatype="x-docx"><body>\n'
        + "".join(f'<trans-unit id="{n}">{unit}</trans-unit>\n' for n, unit in enumerate(units))
        + "</body></file></xliff>\n"))
    result = read_ttk(xlf, source_lang="en-GB", target_lang="fr-FR")
    assert len(result.pairs) == 1
    assert [(r.reason, r.line) for r in result.rejects] == [("empty-side", line)
                                                            for line in (5, 6, 7)]


_CODES = [  # (source, target) of each trans-unit, as CAT tools write their tags
    ('Click <g id="1">here</g> to read <x id="2"/> the <g id="3"><g id="4">value</g> '
     "chain</g>.",
     'Cliquez <g id="1">ici</g> pour lire <x id="2"/> la <g id="3">chaîne de <g id="4">'
     "valeur</g></g>."),
    ('A <bpt id="5">&lt;b&gt;</bpt>bold<ept id="5">&lt;/b&gt;</ept> word<ph id="6">&lt;br/'
     '&gt;</ph> and <bx id="7"/>more<ex id="7"/>.',
     'Un mot <bpt id="5">&lt;b&gt;</bpt>gras<ept id="5">&lt;/b&gt;</ept> et <bx id="7"/>plus'
     '<ex id="7"/>.'),
    ('No code <mrk mtype="term">here</mrk>.', 'Pas de code <mrk mtype="term">ici</mrk>.'),
]
XLIFF_12_CODES = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" '
    'xmlns="urn:oasis:names:tc:xliff:document:1.2">\n<file original="report.docx" '
    'source-language="en-GB" target-language="fr-FR" datatype="x"><body>\n'
    + "".join(f'<trans-unit id="{n}"><source>{source}</source><target>{target}</target>'
              "</trans-unit>\n" for n, (source, target) in enumerate(_CODES, 1))
    + "</body></file></xliff>\n")


def test_xliff_inline_codes_become_tmx_codes(tmp_path):
    # Tags as CAT tools write them (g, x, bx/ex, native bpt/ept/ph, mrk): kept as TMX inline
    # codes, numbered alike on both sides, so a CAT tool matches them and check compares them
    from tmx_export.check.codes import tag_mismatch

    pairs = read_ttk(write(tmp_path, "codes.xlf", XLIFF_12_CODES), source_lang="en-GB",
                     target_lang="fr-FR").pairs
    first, second, third = pairs
    assert first.source == "Click here to read the value chain."
    assert first.source_markup.startswith(
        'Click <bpt i="1" x="1">&lt;g id=&quot;1&quot;&gt;</bpt>here<ept i="1">&lt;/g&gt;'
        '</ept> to read <ph x="2">')
    # the same codes on both sides, in another order: no finding; one left out: a finding
    assert list(tag_mismatch(first)) == []
    assert '<bpt i="5">&lt;b&gt;</bpt>bold<ept i="5">&lt;/b&gt;</ept>' in second.source_markup
    assert '<ph x="6">&lt;br/&gt;</ph>' in second.source_markup
    assert '<it pos="begin" x="7">' in second.source_markup
    (finding,) = tag_mismatch(second)
    assert finding.item == '<ph x="6">' and finding.expected == "(missing from the target)"
    assert (third.source_markup, third.target_markup) == ("No code here.", "Pas de code ici.")
    # through to TMX: the codes are written, and read back
    out = tmp_path / "codes.tmx"
    write_tmx(pairs, out, segtype="sentence")
    back = read_tmx(out, source_lang="en-GB", target_lang="fr-FR").pairs
    # (the text around a code removed keeps the spaces on both sides of it, as any TMX)
    assert [(" ".join(p.source.split()), " ".join(p.target.split())) for p in back[:2]] == [
        ("Click here to read the value chain.", "Cliquez ici pour lire la chaîne de valeur."),
        ("A bold word and more.", "Un mot gras et plus.")]
    assert '<ph x="6">&lt;br/&gt;</ph>' in back[1].source_markup
    assert list(tag_mismatch(back[0])) == [] and len(list(tag_mismatch(back[1]))) == 1


def test_a_line_break_code_between_two_words_is_a_space(tmp_path):
    # DGT-TM signature lines joined by an HTML <br/> as Okapi writes it in XLIFF
    # (<x ctype="lb"/>, <ph ctype="lb">): the text glued the lines ("...of AmericaSigned
    # in Washington"), which pairs, concordance, terms and the cleaning rules read. A
    # break is a space; its TMX code says type="lb", and the TMX reads back the same
    from tmx_export.check.codes import tag_mismatch

    path = Path(__file__).parent / "data" / "xliff_line_breaks_dgt_en_fr.xlf"
    pairs = read_ttk(path, source_lang="en-GB", target_lang="fr-FR").pairs
    expected = [
        ("On behalf of the United States of America Signed in Washington, on 21 February 2019",
         "Au nom des États-Unis d'Amérique Signé à Washington, le 21 février 2019"),
        ("On behalf of the European Union Signed in Brussels, on 20 March 2019",
         "Au nom de l'Union européenne Signé à Bruxelles, le 20 mars 2019"),
        ("Done at Cape Town, South Africa. For the Trade and Development Committee",
         "Fait au Cap, Afrique du Sud. Pour le comité «Commerce et développement»")]
    assert [(p.source, p.target) for p in pairs] == expected
    assert '<ph x="1" type="lb">&lt;x id=&quot;1&quot;/&gt;</ph>' in pairs[0].source_markup
    assert '<ph x="1" type="lb">&lt;br/&gt;</ph>' in pairs[2].target_markup
    out = tmp_path / "breaks.tmx"
    write_tmx(pairs, out, segtype="sentence")
    back = read_tmx(out, source_lang="en-GB", target_lang="fr-FR").pairs
    assert [(p.source, p.target) for p in back] == expected
    assert [list(tag_mismatch(p)) for p in back] == [[], [], []]
    # XLIFF 2.0 names the break by its subType
    sides = re.findall(r"<source>(.*?)</source>\s*<target[^>]*>(.*?)</target>",
                       path.read_text(encoding="utf-8"))
    code = re.compile(r'<x id="1" ctype="lb"/>|<ph id="1" ctype="lb">&lt;br/&gt;</ph>')
    units = "".join(
        f'<unit id="{n}"><segment state="translated"><source>{source}</source>'
        f"<target>{target}</target></segment></unit>"
        for n, (source, target) in enumerate(sides, 1)
    )
    xliff_2 = write(tmp_path, "breaks2.xlf",
                    '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" '
                    'srcLang="en-GB" trgLang="fr-FR"><file id="f1">'
                    + code.sub('<ph id="1" subType="xlf:lb"/>', units) + "</file></xliff>")
    pairs = read_ttk(xliff_2, source_lang="en-GB", target_lang="fr-FR").pairs
    assert [(p.source, p.target) for p in pairs] == expected


def test_xliff_native_codes_are_not_text(tmp_path):
    # XLIFF 1.2's bpt/ept/ph/it hold the original file's markup ("<b>", "<br/>"): the text
    # a translator, concordance, terms and check read is the words only (translate-toolkit
    # gives "A <b>bold</b> word<br/> and more."), the codes kept apart in the markup
    pairs = read_ttk(write(tmp_path, "codes.xlf", XLIFF_12_CODES), source_lang="en-GB",
                     target_lang="fr-FR").pairs
    assert (pairs[1].source, pairs[1].target) == ("A bold word and more.", "Un mot gras et plus.")
    assert "&lt;br/&gt;" in pairs[1].source_markup
    # the same in a segment of a segmented trans-unit, and in half a pair of codes
    segmented = XLIFF_12_CODES.replace(
        "<source>A ", '<seg-source><mrk mtype="seg" mid="1">A ').replace(
        "more<ex id=\"7\"/>.</source><target>Un", 'more<ex id="7"/>.</mrk></seg-source>'
        '<target><mrk mtype="seg" mid="1">Un').replace(
        'plus<ex id="7"/>.</target>', 'plus<ex id="7"/>.</mrk></target>')
    assert segmented.count('mtype="seg"') == 2
    pairs = read_ttk(write(tmp_path, "seg.xlf", segmented), source_lang="en-GB",
                     target_lang="fr-FR").pairs
    assert (pairs[1].source, pairs[1].target) == ("A bold word and more.", "Un mot gras et plus.")
    split = read_ttk(write(tmp_path, "split.xlf", XLIFF_SPLIT_CODE), source_lang="en-GB",
                     target_lang="it-IT").pairs
    assert [(p.source, p.target) for p in split] == [
        ("Click here", "Fare clic qui"), ("to continue now.", "per continuare ora.")]


XLIFF_SPLIT_CODE = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="a" source-language="en-GB" target-language="it-IT" datatype="html"><body>
<trans-unit id="1"><source>Click <bpt id="1">&lt;b&gt;</bpt>here</source>
<target>Fare clic <bpt id="1">&lt;b&gt;</bpt>qui</target></trans-unit>
<trans-unit id="2"><source>to continue<ept id="1">&lt;/b&gt;</ept> now.</source>
<target>per continuare<ept id="1">&lt;/b&gt;</ept> ora.</target></trans-unit>
</body></file></xliff>
"""


def test_xliff_code_paired_across_two_units_is_written_as_an_isolated_code(tmp_path):
    # a bpt in one trans-unit and its ept in the next: each segment holds half a pair, which
    # TMX 1.4b writes as <it pos="begin|end"> with its native code (a bpt alone is invalid)
    from tmx_export.tools import validate

    pairs = read_ttk(write(tmp_path, "split.xlf", XLIFF_SPLIT_CODE), source_lang="en-GB",
                     target_lang="it-IT").pairs
    out = tmp_path / "split.tmx"
    counts = write_tmx(pairs, out, segtype="sentence")
    assert validate([out]) == []
    assert counts.repairs == {
        "paired codes without their other half in the segment, written as <it>": 4}
    back = read_tmx(out, source_lang="en-GB", target_lang="it-IT").pairs
    assert [(p.source_markup, p.target_markup) for p in back] == [
        ('Click <it pos="begin">&lt;b&gt;</it>here', 'Fare clic <it pos="begin">&lt;b&gt;</it>qui'),
        ('to continue<it pos="end">&lt;/b&gt;</it> now.',
         'per continuare<it pos="end">&lt;/b&gt;</it> ora.')]


XLIFF_12_SUB = XLIFF_12.replace(
    "<source>The value chain matters.</source>",
    '<source>See <ph id="s1">&lt;img alt="<sub>The <g id="2">chain</g></sub>"&gt;</ph> here.'
    "</source>").replace(
    '<target state="translated">La chaîne de valeur compte.</target>',
    '<target state="translated">Voir <ph id="s1">&lt;img alt="<sub>La <g id="2">chaîne</g>'
    '</sub>"&gt;</ph> ici.</target>')


def test_xliff_sub_flow_inside_a_code_stays_a_tmx_sub(tmp_path):
    # translatable text inside a native code (an image's alt text) is a sub-flow: written as
    # TMX's <sub> inside the <ph> (the codes in it converted too), never as native code
    from tmx_export.tools import validate

    pairs = read_ttk(write(tmp_path, "sub.xlf", XLIFF_12_SUB), source_lang="en-GB",
                     target_lang="fr-FR").pairs
    assert pairs[0].source_markup == (
        'See <ph x="1000">&lt;img alt="<sub>The <bpt i="2" x="2">&lt;g id=&quot;2&quot;&gt;'
        '</bpt>chain<ept i="2">&lt;/g&gt;</ept></sub>"&gt;</ph> here.')
    assert '<sub>La <bpt i="2" x="2">' in pairs[0].target_markup
    out = tmp_path / "sub.tmx"
    write_tmx(pairs, out, segtype="sentence")
    assert validate([out]) == []
    back = read_tmx(out, source_lang="en-GB", target_lang="fr-FR").pairs[0]
    # (lxml writes a quote in text as it is)
    assert back.source_markup == pairs[0].source_markup.replace("&quot;", '"')


def test_xliff_20_inline_codes_and_a_swapped_file(tmp_path):
    xliff = XLIFF_20.replace("<source>Adoption of the Minutes</source>",
                             '<source>Adoption of the <pc id="1">Minutes</pc><ph id="2"/></source>'
                             ).replace("<target>Adoption du procès-verbal</target>",
                                       '<target>Adoption du <pc id="1">procès-verbal</pc></target>')
    path = write(tmp_path, "codes2.xlf", xliff)
    (pair, _) = read_ttk(path, source_lang="en-GB", target_lang="fr-FR").pairs
    assert pair.source == "Adoption of the Minutes"
    assert pair.source_markup.count("<bpt") == 1 and '<ph x="2">' in pair.source_markup
    assert pair.target_markup.count("<bpt") == 1 and "<ph" not in pair.target_markup
    (swapped, _) = read_ttk(path, source_lang="fr-FR", target_lang="en-GB").pairs
    assert (swapped.source_markup, swapped.target_markup) == (pair.target_markup,
                                                              pair.source_markup)


# XLIFF 2.0 as a converter writes a Word paragraph: the native codes in <originalData>,
# named by the codes in the text (the XLIFF 2.0 specification's own layout)
XLIFF_20_ORIGINAL_DATA = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en-GB" trgLang="fr-FR">
  <file id="f1" original="report.docx">
    <unit id="u1">
      <originalData>
        <data id="d1">&lt;w:r&gt;&lt;w:rPr&gt;&lt;w:b/&gt;&lt;/w:rPr&gt;&lt;w:t&gt;</data>
        <data id="d2">&lt;/w:t&gt;&lt;/w:r&gt;</data>
        <data id="d3">&lt;w:br/&gt;</data>
        <data id="d4">&lt;w:hyperlink r:id="rId5"&gt;</data>
      </originalData>
      <segment state="translated">
        <source>Calls on the <pc id="1" dataRefStart="d1"
          dataRefEnd="d2">Commission</pc> to act;<ph id="2" dataRef="d3"
          /> see <sc id="3" dataRef="d4"/>the report</source>
        <target>Invite la <pc id="1" dataRefStart="d1"
          dataRefEnd="d2">Commission</pc> à agir ;<ph id="2" dataRef="d3"
          /> voir <sc id="3" dataRef="d4"/>le rapport</target>
      </segment>
    </unit>
  </file>
</xliff>
"""


def test_xliff_20_codes_carry_their_original_data(tmp_path):
    # a TMX code holds the native code it stands for (what a CAT tool shows and matches),
    # here the Word markup of <originalData>, not the XLIFF tag that names it
    path = write(tmp_path, "word.xlf", XLIFF_20_ORIGINAL_DATA)
    (pair,) = read_ttk(path, source_lang="en-GB", target_lang="fr-FR").pairs
    assert pair.source == "Calls on the Commission to act; see the report"
    assert pair.source_markup == (
        'Calls on the <bpt i="1" x="1">&lt;w:r&gt;&lt;w:rPr&gt;&lt;w:b/&gt;&lt;/w:rPr&gt;'
        '&lt;w:t&gt;</bpt>Commission<ept i="1">&lt;/w:t&gt;&lt;/w:r&gt;</ept> to act;'
        '<ph x="2">&lt;w:br/&gt;</ph> see <it pos="begin" x="3">&lt;w:hyperlink '
        'r:id="rId5"&gt;</it>the report')
    assert pair.target_markup.startswith(
        'Invite la <bpt i="1" x="1">&lt;w:r&gt;&lt;w:rPr&gt;&lt;w:b/&gt;')
    out = tmp_path / "word.tmx"
    write_tmx([pair], out, segtype="sentence")
    back = read_tmx(out, source_lang="en-GB", target_lang="fr-FR").pairs[0]
    assert (back.source, back.target) == (pair.source, pair.target)
    assert back.source_markup == pair.source_markup



def test_xliff_20_empty_original_data_is_an_empty_code_and_missing_data_a_reject(tmp_path):
    # <data id="d3"/> is an empty native code (XLIFF 2 allows a <data> without content); a
    # dataRef naming no <data> of its unit breaks a MUST of XLIFF 2: which code stood there
    # cannot be known. Both were written with the XLIFF tag as if it were the native code
    # ('<ph id="2"/>'), which a CAT tool offers as the document's own code.
    empty = XLIFF_20_ORIGINAL_DATA.replace(
        '<data id="d3">&lt;w:br/&gt;</data>', '<data id="d3"/>')
    (pair,) = read_ttk(write(tmp_path, "empty.xlf", empty), source_lang="en-GB",
                       target_lang="fr-FR").pairs
    assert "to act;<ph x=\"2\"></ph> see" in pair.source_markup
    assert "à agir ;<ph x=\"2\"></ph> voir" in pair.target_markup
    for attribute, ref in (("dataRef", "d3"), ("dataRefEnd", "d2")):
        lost = XLIFF_20_ORIGINAL_DATA.replace(f'<data id="{ref}">', '<data id="d9">')
        result = read_ttk(write(tmp_path, "lost.xlf", lost), source_lang="en-GB",
                          target_lang="fr-FR")
        assert result.pairs == []
        (reject,) = result.rejects
        assert reject.reason == "missing-original-data"
        assert reject.detail == f"{attribute} {ref} names no <data> of the unit's <originalData>"
        assert reject.text.startswith("Calls on the Commission to act; see the report\t")


def test_xliff_split_codes_with_both_halves_in_a_segment_are_a_tmx_pair(tmp_path):
    # XLIFF 2's sc/ec (XLIFF 1.2's bx/ex) in one segment are TMX's bpt/ept, as a pc on the
    # other side is: the same codes on both sides (no tag-mismatch); halves in two
    # segments stay it, which TMX keeps for codes whose other half is elsewhere
    xliff = XLIFF_20_ORIGINAL_DATA.replace(
        '<target>Invite la <pc id="1" dataRefStart="d1"\n          dataRefEnd="d2">'
        'Commission</pc>',
        '<target>Invite la <sc id="1" dataRef="d1"/>Commission<ec startRef="1"\n'
        '          dataRef="d2"/>')
    assert xliff != XLIFF_20_ORIGINAL_DATA
    path = write(tmp_path, "split.xlf", xliff)
    (pair,) = read_ttk(path, source_lang="en-GB", target_lang="fr-FR").pairs
    assert pair.target_markup.startswith(
        'Invite la <bpt i="1" x="1">&lt;w:r&gt;&lt;w:rPr&gt;&lt;w:b/&gt;&lt;/w:rPr&gt;'
        '&lt;w:t&gt;</bpt>Commission<ept i="1">&lt;/w:t&gt;&lt;/w:r&gt;</ept> à agir')
    # the hyperlink's sc has no ec in the segment: still an it
    assert '<it pos="begin" x="3">' in pair.target_markup
    from tmx_export.check.codes import tag_mismatch

    assert list(tag_mismatch(pair)) == []



def test_xliff_20_target_in_another_language_is_a_reject(tmp_path):
    # XLIFF 2 wants a target's xml:lang to repeat trgLang; one that says another language
    # is that language's text (as in XLIFF 1.2), not French: rejected, not written as fr
    german = XLIFF_20.replace("<target>Adoption du procès-verbal</target>",
                              '<target xml:lang="de">Genehmigung des Protokolls</target>')
    assert german != XLIFF_20
    result = read_ttk(write(tmp_path, "de.xlf", german), source_lang="en", target_lang="fr")
    assert [p.target for p in result.pairs] == ["Le procès-verbal est adopté."]
    assert [(r.reason, r.text.split(":")[0]) for r in result.rejects
            if r.reason == "other-languages"] == [("other-languages", "en -> de")]
    # saying trgLang again changes nothing
    same = XLIFF_20.replace("<target>Adoption du procès-verbal</target>",
                            '<target xml:lang="fr">Adoption du procès-verbal</target>')
    assert [p.target for p in read_ttk(write(tmp_path, "fr.xlf", same), source_lang="en",
                                       target_lang="fr").pairs] == \
        [p.target for p in read_ttk(write(tmp_path, "plain.xlf", XLIFF_20), source_lang="en",
                                    target_lang="fr").pairs]


XLIFF_TARGET_LANGS = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="a" source-language="en-GB" datatype="plaintext"><body>
    <trans-unit id="1"><source>The Commission shall adopt implementing acts.</source>
      <target xml:lang="hu-HU">A Bizottság végrehajtási jogi aktusokat fogad el.</target>
    </trans-unit></body></file>
  <file original="b" source-language="en-GB" target-language="de-DE" datatype="plaintext"><body>
    <trans-unit id="2"><source>The Commission shall adopt implementing acts.</source>
      <target xml:lang="de-AT">Die Kommission erlässt Durchführungsrechtsakte.</target>
    </trans-unit></body></file>
</xliff>
"""


def test_xliff_target_xml_lang_says_the_units_language(tmp_path):
    """target-language is optional in XLIFF 1.2: a <file> without it was read in the
    pair asked, so its Hungarian target was written as German. The target's own xml:lang
    now says its language (another pair: a reject), and a regional variant read as the
    language asked (de-AT as de-DE) is counted for the summary, as TMX input's are."""
    path = write(tmp_path, "targets.xlf", XLIFF_TARGET_LANGS)
    result = read_ttk(path, source_lang="en-GB", target_lang="de-DE")
    assert [p.target for p in result.pairs] == ["Die Kommission erlässt Durchführungsrechtsakte."]
    assert [(r.reason, r.text.split(":")[0]) for r in result.rejects] == [
        ("other-languages", "en-GB -> hu-HU")]
    assert result.relabelled == {("de-AT", "de-DE"): 1}
    hungarian = read_ttk(path, source_lang="en-GB", target_lang="hu-HU")
    assert [p.target for p in hungarian.pairs] == [
        "A Bizottság végrehajtási jogi aktusokat fogad el."]
    assert hungarian.relabelled == {}


XLIFF_GB_US = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="a" source-language="en-GB" datatype="plaintext"><body>
<trans-unit id="1"><source>colour</source><target xml:lang="en-US">color</target></trans-unit>
<trans-unit id="2"><source>favourite</source></trans-unit>
</body></file>
<file original="b" source-language="en-US" target-language="en-GB" datatype="plaintext"><body>
<trans-unit id="3"><source>center</source><target>centre</target></trans-unit>
</body></file></xliff>
"""


def test_xliff_of_two_variants_of_one_language_is_read_the_way_each_unit_says(tmp_path):
    """en-GB -> en-US: both sides fit either language by their language part, so units
    that say their own languages were all taken for the other way round and written
    swapped. The whole tag now tells: the first file is en-GB -> en-US, the second
    en-US -> en-GB (swapped)."""
    path = write(tmp_path, "gb-us.xlf", XLIFF_GB_US)
    result = read_ttk(path, source_lang="en-GB", target_lang="en-US")
    assert [(p.source, p.target) for p in result.pairs] == [
        ("colour", "color"), ("centre", "center")]
    assert [(r.reason, r.text) for r in result.rejects] == [("untranslated", "favourite")]


MQXLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:mq="MQXliff">
<file original="a.docx" source-language="en-GB" target-language="sv-SE" datatype="plaintext"><body>
<trans-unit id="1" mq:status="PartiallyEdited">
  <source>The committee shall meet twice a year.</source>
  <target>Kommittén ska sammanträda</target></trans-unit>
<trans-unit id="2" mq:status="Rejected"><source>The report is adopted.</source>
  <target>Betänkandet antas.</target></trans-unit>
<trans-unit id="3" mq:status="ManuallyConfirmed"><source>The sitting is closed.</source>
  <target>Sammanträdet avslutas.</target></trans-unit>
</body></file></xliff>
"""

SDLXLIFF_STATUSES = """<?xml version="1.0" encoding="utf-8"?>
<xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" version="1.2" sdl:version="1.0"
  xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="doc.docx" datatype="x-sdlfilterframework2" source-language="en-GB"
  target-language="nl-NL"><body>
<trans-unit id="1"><source>The sitting is closed.</source>
  <target>De vergadering wordt gesloten.</target>
  <sdl:seg-defs><sdl:seg id="1" conf="Draft" origin="mt"/></sdl:seg-defs></trans-unit>
<trans-unit id="2"><source>The report is adopted.</source>
  <target>Het verslag wordt aangenomen.</target>
  <sdl:seg-defs><sdl:seg id="2" origin="mt"/></sdl:seg-defs></trans-unit>
<trans-unit id="3"><source>The vote will take place tomorrow.</source>
  <target>De stemming vindt morgen plaats.</target>
  <sdl:seg-defs><sdl:seg id="3" conf="RejectedTranslation"/></sdl:seg-defs></trans-unit>
<trans-unit id="4"><source>The Minutes are approved.</source>
  <target>De notulen worden goedgekeurd.</target>
  <sdl:seg-defs><sdl:seg id="4" conf="ApprovedTranslation" origin="interactive"/></sdl:seg-defs>
</trans-unit>
</body></file></xliff>
"""


# A Trados sdlxliff (and Okapi XLIFF) as the CAT tool writes it: each trans-unit cut into
# segments, <mrk mtype="seg"> in <seg-source> and <target> matched by mid, spaces between
# them, a segment inside a paragraph's <g>, one segment left untranslated; then a unit
# whose target lacks a source segment, and an Okapi unit whose target is not segmented.
SDLXLIFF = """<?xml version="1.0" encoding="utf-8"?>
<xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" version="1.2" sdl:version="1.0"
 xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="C:\\Projects\\report.docx" datatype="x-sdlfilterframework2"
 source-language="en-GB" target-language="fr-FR"><body>
<trans-unit id="a1b2">
<source>The Council met. It adopted the <g id="7">budget</g>.</source>
<seg-source><mrk mtype="seg" mid="1">The Council met.</mrk> <mrk mtype="seg" mid="2">It adopted
 the <g id="7">budget</g>.</mrk></seg-source>
<target><mrk mtype="seg" mid="1">Le Conseil s'est réuni.</mrk> <mrk mtype="seg" mid="2">Il a
 adopté le <g id="7">budget</g>.</mrk></target>
<sdl:seg-defs><sdl:seg id="1" conf="Translated"/><sdl:seg id="2" conf="Translated"/></sdl:seg-defs>
</trans-unit>
<trans-unit id="c3d4">
<source>The sitting is opened. The Minutes are approved.</source>
<seg-source><g id="9"><mrk mtype="seg" mid="4">The sitting is opened.</mrk> <mrk mtype="seg"
 mid="5">The Minutes are approved.</mrk></g></seg-source>
<target><g id="9"><mrk mtype="seg" mid="4">La séance est ouverte.</mrk> <mrk mtype="seg"
 mid="5"></mrk></g></target>
</trans-unit>
<trans-unit id="e5f6">
<source>Votes. Explanations of vote.</source>
<seg-source><mrk mtype="seg" mid="6">Votes.</mrk>
<mrk mtype="seg" mid="7">Explanations of vote.</mrk></seg-source>
<target><mrk mtype="seg" mid="7">Votes et explications de vote.</mrk></target>
</trans-unit>
<trans-unit id="okapi1">
<source>Agenda. Next sitting.</source>
<seg-source><mrk mtype="seg" mid="0">Agenda.</mrk>
<mrk mtype="seg" mid="1">Next sitting.</mrk></seg-source>
<target>Ordre du jour. Prochaine séance.</target>
</trans-unit>
</body></file></xliff>
"""


@pytest.mark.parametrize("name, text, target, finished, reasons", [
    ("a.mqxliff", MQXLIFF, "sv-SE", ["Sammanträdet avslutas."], ["fuzzy", "rejected"]),
    ("a.sdlxliff", SDLXLIFF_STATUSES, "nl-NL", ["De notulen worden goedgekeurd."],
     ["fuzzy", "fuzzy", "rejected"])])
def test_memoq_and_trados_drafts_are_fuzzy(tmp_path, name, text, target, finished, reasons):
    """memoQ and Trados say a unit's status their own way (mq:status; sdl:seg conf), not
    in XLIFF's state: a half-translated memoQ unit, a Trados draft or an unconfirmed
    machine translation went into the memory as finished. Only a confirmed status is. A
    translation its reviewer rejected (memoQ Rejected, Trados RejectedTranslation) is
    rejected as such, and stays out with --include-fuzzy too: it was written as a
    translation to reuse."""
    path = write(tmp_path, name, text)
    result = read_ttk(path, source_lang="en-GB", target_lang=target)
    assert [p.target for p in result.pairs] == finished
    assert [r.reason for r in result.rejects] == reasons
    with_drafts = read_ttk(path, source_lang="en-GB", target_lang=target, include_fuzzy=True)
    assert len(with_drafts.pairs) == text.count("<trans-unit") - 1
    assert [r.reason for r in with_drafts.rejects] == ["rejected"]


PHRASE_MXLIFF = Path(__file__).parent / "data" / "xliff_phrase_dgt_en_sv.mxliff"


def test_phrase_mxliff_is_xliff_12_and_its_unconfirmed_units_drafts(tmp_path):
    """Phrase (Memsource) writes XLIFF 1.2 with m:version="2.0" on its root: the file was
    refused as XLIFF 2 ("This file appears to be XLIFF 1.x ... use the XLIFF 1.x parser"),
    and, named .mxliff, left out of a directory. A unit is confirmed by m:confirmed="1";
    an unconfirmed machine translation is a draft, as memoQ's and Trados's are."""
    from click.testing import CliRunner

    from tmx_export.cli import main

    result = read_ttk(PHRASE_MXLIFF, source_lang="en-GB", target_lang="sv-SE")
    assert [p.source for p in result.pairs] == [
        "on the establishment of a list of arbitrators [2019/391]",
        "THE TRADE AND DEVELOPMENT COMMITTEE,", "Done at Cape Town, South Africa."]
    assert [(r.line, r.reason) for r in result.rejects] == [(14, "fuzzy")]
    with_drafts = read_ttk(PHRASE_MXLIFF, source_lang="en-GB", target_lang="sv-SE",
                           include_fuzzy=True)
    assert len(with_drafts.pairs) == 4 and with_drafts.rejects == []
    folder = tmp_path / "job"
    folder.mkdir()
    (folder / PHRASE_MXLIFF.name).write_bytes(PHRASE_MXLIFF.read_bytes())
    out = tmp_path / "out.tmx"
    run = CliRunner().invoke(main, ["build", str(folder), "-o", str(out)])
    assert run.exit_code == 0, run.output
    assert "4 units read = 3 in units + 1 rejected" in run.output


XLIFF_20_STATES = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en-GB" trgLang="fr-FR">
<file id="f1">
<unit id="u1"><segment><source>The sitting is closed.</source>
  <target>La séance est levée.</target></segment></unit>
<unit id="u2"><segment state="initial"><source>The vote will take place tomorrow.</source>
  <target>Le vote aura lieu demain.</target></segment></unit>
<unit id="u3"><segment state="translated"><source>The report is adopted.</source>
  <target>Le rapport est adopté<cp hex="0007"/>.</target></segment></unit>
</file></xliff>
"""


def test_xliff_20_segment_marked_initial_is_a_draft_and_cp_is_counted(tmp_path):
    """An XLIFF 2.0 segment marked state="initial" is a draft (a fuzzy reject); one that
    says no state, with a target, is a translation (tools that keep no states leave it out
    of finished work). A <cp/> (a character XML cannot hold) was dropped unsaid; it is
    counted as a removed XML-illegal character."""
    path = write(tmp_path, "states.xlf", XLIFF_20_STATES)
    result = read_ttk(path, source_lang="en-GB", target_lang="fr-FR")
    assert [p.target for p in result.pairs] == ["La séance est levée.", "Le rapport est adopté."]
    assert [(r.reason, r.text.split("\t")[0]) for r in result.rejects] == [
        ("fuzzy", "The vote will take place tomorrow.")]
    assert result.repairs == {"XML-illegal characters removed": 1}
    drafts = read_ttk(path, source_lang="en-GB", target_lang="fr-FR", include_fuzzy=True)
    assert len(drafts.pairs) == 3 and drafts.rejects == []


def test_a_cp_between_two_spaces_leaves_one(tmp_path):
    """A <cp/> left out of the TMX's markup kept the spaces on both sides of it."""
    xliff = XLIFF_20_STATES.replace("adopté<cp hex=\"0007\"/>.", "adopté <cp hex=\"0007\"/> ici.")
    result = read_ttk(write(tmp_path, "cp.xlf", xliff), source_lang="en-GB", target_lang="fr-FR")
    assert result.pairs[-1].target == "Le rapport est adopté ici."
    assert result.pairs[-1].target_markup == "Le rapport est adopté ici."
    assert result.repairs == {"XML-illegal characters removed": 1}


def test_tabs_and_carriage_returns_read_as_spaces_are_counted(tmp_path):
    """Without xml:space="preserve" an XLIFF tab or &#13; becomes a space (the same text
    from PO or TMX keeps it): that went unsaid. With preserve, the text keeps them."""
    xliff = XLIFF_12.replace("The value chain matters.", "The value&#9;chain&#13;matters.")
    result = read_ttk(write(tmp_path, "ws.xlf", xliff), source_lang="en-GB", target_lang="fr-FR")
    assert result.pairs[0].source == "The value chain matters."
    assert result.repairs == {'tabs and carriage returns in XLIFF text read as spaces '
                              '(no xml:space="preserve")': 2}
    kept = xliff.replace('<trans-unit id="1">', '<trans-unit id="1" xml:space="preserve">')
    preserved = read_ttk(write(tmp_path, "kept.xlf", kept), source_lang="en-GB",
                         target_lang="fr-FR")
    assert preserved.pairs[0].source == "The value\tchain\rmatters."
    assert not preserved.repairs


def test_segmented_xliff_12_gives_a_unit_per_segment(tmp_path):
    """Trados and Okapi cut a trans-unit into <mrk mtype="seg"> segments. The trans-unit was
    read whole: a source of two sentences with a target translating one (the other segment
    left empty) became a unit, its target padded with the space between the segments. Each
    segment pair (by mid) is now a unit, as XLIFF 2's <segment>s; an empty target segment an
    ``untranslated`` reject of that segment only; mids that differ, a ``segment-mismatch``
    reject; a target not cut into segments, the unit whole as before."""
    result = read_ttk(write(tmp_path, "report.docx.sdlxliff", SDLXLIFF), source_lang="en-GB",
                      target_lang="fr-FR")
    assert [(p.source, p.target, p.line) for p in result.pairs] == [
        ("The Council met.", "Le Conseil s'est réuni.", 8),
        ("It adopted the budget.", "Il a adopté le budget.", 8),
        ("The sitting is opened.", "La séance est ouverte.", 16),
        ("Agenda. Next sitting.", "Ordre du jour. Prochaine séance.", 27)]
    first, second = result.pairs[:2]
    assert first.source_markup is None and first.target_markup is None
    assert second.source_markup == ('It adopted\n the <bpt i="7" x="7">&lt;g id=&quot;7&quot;'
                                    '&gt;</bpt>budget<ept i="7">&lt;/g&gt;</ept>.')
    assert second.target_markup.startswith("Il a\n adopté le <bpt i=\"7\" x=\"7\">")
    assert [(r.reason, r.line, r.text) for r in result.rejects] == [
        ("untranslated", 17, "The Minutes are approved."),
        ("segment-mismatch", 21, "source segments mid 6, 7; target segments mid 7: "
                                 "Votes. Explanations of vote.\tVotes et explications de vote.")]


def test_segmented_xliff_12_through_build_is_valid_for_omegat(tmp_path):
    # the units written are the segments, without the spaces between them; every segment
    # read is a unit or a reject; the TMX is valid TMX 1.4b with the OmegaT profile
    from click.testing import CliRunner

    from tmx_export.cli import main
    from tmx_export.formats.rejects import read_rejects

    out, report = tmp_path / "report.tmx", tmp_path / "report.rej"
    built = CliRunner().invoke(main, [
        "build", str(write(tmp_path, "report.sdlxliff", SDLXLIFF)), "-o", str(out),
        "--rejects", str(report), "--profile", "omegat"])
    assert built.exit_code == 0, built.output
    assert "6 units read = 4 in units + 2 rejected" in built.stdout
    written = read_tmx(out, source_lang="en-GB", target_lang="fr-FR").pairs
    assert [(p.source, p.target) for p in written] == [
        ("The Council met.", "Le Conseil s'est réuni."),
        ("It adopted the budget.", "Il a adopté le budget."),
        ("The sitting is opened.", "La séance est ouverte."),
        ("Agenda. Next sitting.", "Ordre du jour. Prochaine séance.")]
    assert [r.reason for r in read_rejects(report)] == ["untranslated", "segment-mismatch"]
    assert "<seg> " not in out.read_text() and " </seg>" not in out.read_text()
    validated = CliRunner().invoke(main, ["validate", str(out)])
    assert validated.exit_code == 0 and validated.stdout == "valid\n"


# A reviewed sdlxliff (Trados "track changes"): deletions and insertions marked in the
# target, beside a comment, a term and a protected mark, whose text is the segment's; the
# last trans-unit is not segmented.
TRACKED = """<?xml version="1.0" encoding="utf-8"?>
<xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" version="1.2" sdl:version="1.0"
 xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="C:\\doc.docx" datatype="x-sdlfilterframework2" source-language="en-GB"
 target-language="nl-NL"><body>
<trans-unit id="1">
<source>The Council shall decide by qualified majority. The report is adopted.</source>
<seg-source><mrk mtype="seg" mid="1">The Council shall decide by qualified majority.</mrk>
<mrk mtype="seg" mid="2">The <mrk mtype="x-sdl-comment" sdl:cid="c1">report</mrk> is
<mrk mtype="protected">adopted</mrk>.</mrk></seg-source>
<target><mrk mtype="seg" mid="1">De Raad besluit met <mrk mtype="x-sdl-deleted"
 sdl:revid="r1">eenparigheid van stemmen</mrk><mrk mtype="x-sdl-added"
 sdl:revid="r2">gekwalificeerde meerderheid</mrk>.</mrk>
<mrk mtype="seg" mid="2">Het <mrk mtype="x-sdl-comment" sdl:cid="c1">verslag</mrk> is
<mrk mtype="x-sdl-deleted" sdl:revid="r3"><g id="3">niet</g> </mrk><mrk mtype="term">\
aangenomen</mrk>.</mrk></target>
</trans-unit>
<trans-unit id="2">
<source>The vote takes place today.</source>
<target>De stemming vindt <mrk mtype="x-sdl-deleted" sdl:revid="r4">morgen</mrk><mrk
 mtype="x-sdl-added" sdl:revid="r5">vandaag</mrk> plaats.</target>
</trans-unit>
</body></file></xliff>
"""


def test_trados_tracked_changes_are_read_accepted(tmp_path):
    """A reviewed sdlxliff marks deleted text x-sdl-deleted and inserted text x-sdl-added;
    every mrk kept its text, so the old wording and the new were run together ("eenparigheid
    van stemmengekwalificeerde meerderheid"). Deletions are now left out, insertions kept
    (the accepted state), codes inside a deletion too; other marks keep their text."""
    path = write(tmp_path, "doc.docx.sdlxliff", TRACKED)
    pairs = read_ttk(path, source_lang="en-GB", target_lang="nl-NL").pairs
    assert [(p.source, p.target) for p in pairs] == [
        ("The Council shall decide by qualified majority.",
         "De Raad besluit met gekwalificeerde meerderheid."),
        ("The report is adopted.", "Het verslag is aangenomen."),
        ("The vote takes place today.", "De stemming vindt vandaag plaats.")]
    assert [p.target_markup for p in pairs] == [
        "De Raad besluit met gekwalificeerde meerderheid.",
        "Het verslag is\naangenomen.", "De stemming vindt vandaag plaats."]
    assert pairs[1].source_markup == "The report is\nadopted."
    swapped = read_ttk(path, source_lang="nl-NL", target_lang="en-GB").pairs
    assert swapped[2].source == "De stemming vindt vandaag plaats."
    # through build, as OmegaT reads it: valid, and the deleted text is nowhere
    out = tmp_path / "doc.tmx"
    from click.testing import CliRunner

    from tmx_export.cli import main

    built = CliRunner().invoke(main, ["build", str(path), "-o", str(out), "--profile", "omegat"])
    assert built.exit_code == 0, built.output
    assert [p.target for p in read_tmx(out, source_lang="en-GB", target_lang="nl-NL").pairs] == [
        p.target for p in pairs]
    assert not {"eenparigheid", "niet", "morgen"} & set(out.read_text().split())
    validated = CliRunner().invoke(main, ["validate", str(out)])
    assert validated.exit_code == 0 and validated.stdout == "valid\n"


# A Trados trans-unit cut into three segments, each with its own status in <sdl:seg-defs>
# (the sdl:seg id is the mrk mid): confirmed, a machine-translated draft, approved; then
# a unit whose seg-defs name none of its segments (it goes by the whole: a draft).
SEGMENT_STATUSES = """<?xml version="1.0" encoding="utf-8"?>
<xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" version="1.2" sdl:version="1.0"
 xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="doc.docx" datatype="x-sdlfilterframework2" source-language="en-GB"
 target-language="nl-NL"><body>
<trans-unit id="1">
<source>The sitting is opened. The report is adopted. The sitting is closed.</source>
<seg-source><mrk mtype="seg" mid="11">The sitting is opened.</mrk> <mrk mtype="seg"
 mid="12">The report is adopted.</mrk> <mrk mtype="seg" mid="13">The sitting is closed.</mrk>\
</seg-source>
<target><mrk mtype="seg" mid="11">De vergadering wordt geopend.</mrk> <mrk mtype="seg"
 mid="12">Het verslag wordt aangenomen.</mrk> <mrk mtype="seg" mid="13">De vergadering wordt\
 gesloten.</mrk></target>
<sdl:seg-defs><sdl:seg id="11" conf="Translated"/><sdl:seg id="12" conf="Draft" origin="mt"/>\
<sdl:seg id="13" conf="ApprovedSignOff"/></sdl:seg-defs>
</trans-unit>
<trans-unit id="2">
<source>Votes. Next sitting.</source>
<seg-source><mrk mtype="seg" mid="21">Votes.</mrk> <mrk mtype="seg" mid="22">Next sitting.</mrk>\
</seg-source>
<target><mrk mtype="seg" mid="21">Stemmingen.</mrk> <mrk mtype="seg" mid="22">Volgende\
 vergadering.</mrk></target>
<sdl:seg-defs><sdl:seg id="9" conf="Translated"/><sdl:seg id="10"/></sdl:seg-defs>
</trans-unit>
</body></file></xliff>
"""


def test_trados_status_applies_to_its_own_segment(tmp_path):
    """A segmented Trados trans-unit is read a unit per segment (mrk mid), and each
    segment's status is its own <sdl:seg id="mid" conf>: a draft segment was taking its
    confirmed neighbours down with it as fuzzy rejects. Only the draft is one now; a
    segment no sdl:seg names goes by the trans-unit's (a draft when any of its is)."""
    path = write(tmp_path, "statuses.sdlxliff", SEGMENT_STATUSES)
    result = read_ttk(path, source_lang="en-GB", target_lang="nl-NL")
    assert [(p.source, p.target) for p in result.pairs] == [
        ("The sitting is opened.", "De vergadering wordt geopend."),
        ("The sitting is closed.", "De vergadering wordt gesloten.")]
    assert [(r.reason, r.text) for r in result.rejects] == [
        ("fuzzy", "The report is adopted.\tHet verslag wordt aangenomen."),
        ("fuzzy", "Votes.\tStemmingen."), ("fuzzy", "Next sitting.\tVolgende vergadering.")]
    swapped = read_ttk(path, source_lang="nl-NL", target_lang="en-GB")
    assert [p.source for p in swapped.pairs] == ["De vergadering wordt geopend.",
                                                 "De vergadering wordt gesloten."]
    drafts = read_ttk(path, source_lang="en-GB", target_lang="nl-NL", include_fuzzy=True)
    assert len(drafts.pairs) == 5 and drafts.rejects == []


NOTES_XLIFF_12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="ep-00-01-17.docx" source-language="en-GB" target-language="fr-FR"
 datatype="plaintext"><body>
<trans-unit id="1"><source>The sitting is closed.</source>
  <target state="translated">La séance est levée.</target>
  <note>Checked against the Official Journal.</note><note from="reviewer">OK</note>
</trans-unit>
<trans-unit id="2"><source>The Minutes are approved.</source>
  <target state="translated">Le procès-verbal est adopté.</target></trans-unit>
</body></file></xliff>
"""
NOTES_XLIFF_20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en-GB"
 trgLang="fr-FR"><file id="f1">
<unit id="u1"><notes><note category="review">Checked against the Official Journal.</note>
</notes><segment state="translated"><source>The sitting is closed.</source>
<target>La séance est levée.</target></segment></unit>
</file></xliff>
"""
NOTES_PO = """msgid ""
msgstr ""
"Language: fr\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

# Use the Official Journal's wording.
#. %s is the name of a Member State.
#: src/votes.c:12
msgid "The agreement with %s is signed."
msgstr "L'accord avec %s est signé."
"""


@pytest.mark.parametrize("name, text, notes", [
    ("notes.xlf", NOTES_XLIFF_12, [("Checked against the Official Journal.", "OK"), ()]),
    ("notes2.xlf", NOTES_XLIFF_20, [("Checked against the Official Journal.",)]),
    ("notes.po", NOTES_PO, [("Use the Official Journal's wording.",
                             "%s is the name of a Member State.")]),
])
def test_xliff_notes_and_po_comments_become_the_units_notes(tmp_path, name, text, notes):
    """An XLIFF unit's notes and a PO entry's comments are context a translator reads
    beside a match (a reviewer's remark, what a placeholder stands for): they were
    dropped, and reach the TMX unit's <note>s now. A PO entry's reference (#:) is no
    note."""
    from click.testing import CliRunner

    from tmx_export.cli import main

    path = write(tmp_path, name, text)
    result = read_ttk(path, source_lang="en-GB", target_lang="fr-FR")
    assert [p.notes for p in result.pairs] == notes
    out = tmp_path / "out.tmx"
    done = CliRunner().invoke(main, ["build", str(path), "-o", str(out), "-q",
                                     "--source-lang", "en-GB", "--target-lang", "fr-FR"])
    assert done.exit_code == 0, done.output
    assert [p.notes for p in read_tmx(out, source_lang="en-GB",
                                      target_lang="fr-FR").pairs] == notes


def test_t14_sdlxliff_references_to_control_characters_read_as_text():
    # Word's manual line break (&#xB;) and optional hyphen (&#x1F;) as Trados Studio writes
    # them in an SDLXLIFF: XML refuses them, and the file was refused whole
    path = Path(__file__).parent / "data" / "sdlxliff_control_refs_dgt_en_de.sdlxliff"
    result = read_ttk(path, source_lang="en-GB", target_lang="de-DE")
    assert [(p.source, p.target) for p in result.pairs] == [
        ("Article 1 Use of Terms", "Artikel\u00a01 Begriffsbestimmungen"),
        ("The Parties to this Agreement,", "Die Vertragsparteien dieses Übereinkommens\u00a0—")]
    assert result.repairs["references to control characters read as text (&#xB; a space, "
                          "&#x1F; none)"] == 4
