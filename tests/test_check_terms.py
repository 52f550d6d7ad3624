"""The term checks (term-missing, term-forbidden) and their sources, on real EP text.

Units come from the seed dump (paragraph 34 of the EP resolution on industrial policy:
"value chains" / "chaînes de valeur", "clusters" / "conglomérats") and the Europarl excerpt
of 17 January 2000; errors are planted in copies of real units.
"""

from __future__ import annotations

import csv
import re
import sqlite3
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest

from tmx_export.check.model import CHECKS, TermEntry
from tmx_export.check.terms import TermChecker, load_terms
from tmx_export.errors import InputError
from tmx_export.inputs import ParallelInput
from tmx_export.model import Pair
from tmx_export.pipeline import read_units
from tmx_export.terms.candidates import Extractor
from tmx_export.terms.glossary import read_glossary_table, write_glossary
from tmx_export.terms.run import run_terms
from tmx_export.terms.tbx import read_tbx, write_tbx
from tmx_export.terms.termbase import Termbase
from tmx_export.terms.termpair import TermPair

DATA = Path(__file__).parent / "data"
SEED = DATA / "ep-industrial-policy-34.txt"
EUROPARL = ParallelInput(str(DATA / "europarl" / "ep-00-01-17-excerpt.en.txt"),
                         str(DATA / "europarl" / "ep-00-01-17-excerpt.fr.txt"))

VALUE_CHAIN = TermEntry("value chain", ("chaîne de valeur",))
CLUSTER = TermEntry("cluster", ("conglomérat",), ("grappe",))


@pytest.fixture(scope="module")
def seed_unit() -> Pair:
    units, _ = read_units([str(SEED)])
    unit = next(u for u in units if "value chains" in u.source)
    # what the tests below rely on: inflected forms on both sides, the real text unchanged
    assert "chaînes de valeur" in unit.target and "chaîne de valeur" in unit.target
    assert "clusters" in unit.source and unit.target.count("conglomérats") == 6
    assert "grappe" not in unit.target and "filière" not in unit.target
    return unit


@pytest.fixture(scope="module")
def europarl_units() -> list[Pair]:
    units, _ = read_units([EUROPARL])
    return units


def check(entries: list[TermEntry], unit: Pair) -> list[tuple[str, str, str]]:
    checker = TermChecker(entries, "en-GB", "fr-FR")
    return [(f.check, f.item, f.expected) for f in checker.check(unit)]


def plant(unit: Pair, old: str, new: str, count: int = -1) -> Pair:
    assert old in unit.target
    return replace(unit, target=unit.target.replace(old, new, count))


# -- term-missing -----------------------------------------------------------------------------

def test_inflected_value_chains_satisfy_the_approved_value_chain(seed_unit):
    assert check([VALUE_CHAIN, CLUSTER], seed_unit) == []


def test_value_chain_missing_when_the_target_says_filiere(seed_unit):
    planted = plant(plant(seed_unit, "chaînes de valeur", "filières"),
                    "chaîne de valeur", "filière")
    checker = TermChecker([VALUE_CHAIN, CLUSTER], "en-GB", "fr-FR")
    [found] = checker.check(planted)
    assert (found.check, found.item, found.expected) == (
        "term-missing", "value chain", "chaîne de valeur")
    assert found.severity == CHECKS["term-missing"] == "error"
    assert (found.tuid, found.file, found.line) == (str(seed_unit.tuid), seed_unit.file,
                                                    seed_unit.line)
    assert (found.source, found.target) == (planted.source, planted.target)
    # any approved rendering satisfies the term; all of them are named as expected
    two = TermEntry("value chain", ("chaîne de valeur", "chaîne d'approvisionnement"))
    assert check([two], planted) == [
        ("term-missing", "value chain", "chaîne de valeur | chaîne d'approvisionnement")]
    assert check([TermEntry("value chain", ("chaîne de valeur", "filière"))], planted) == []


def test_one_rendering_in_the_unit_is_enough(seed_unit):
    # presence, not counts: the second source occurrence is still rendered
    assert check([VALUE_CHAIN], plant(seed_unit, "chaînes de valeur", "filières")) == []


@pytest.mark.parametrize("variant", ["chaînes des valeurs", "chaîne de la valeur",
                                     "Chaînes de Valeur", "CHAÎNES DE VALEUR"])
def test_french_variants_share_the_terms_lemma(seed_unit, variant):
    planted = plant(plant(seed_unit, "chaînes de valeur", variant), "chaîne de valeur", variant)
    assert check([VALUE_CHAIN], planted) == []


def test_accents_count_as_written(seed_unit):
    planted = plant(plant(seed_unit, "chaînes de valeur", "chaines de valeur"),
                    "chaîne de valeur", "chaine de valeur")
    assert check([VALUE_CHAIN], planted) == [
        ("term-missing", "value chain", "chaîne de valeur")]


def nfd(text: str) -> str:
    """``text`` with its accents decomposed, as macOS and some CAT tools' exports write it."""
    return unicodedata.normalize("NFD", text)


def test_decomposed_accents_match_as_composed(seed_unit):
    # "E\u0301tats", "chai\u0302ne": the words ended at their first accent, so an NFD
    # memory had every accented term missing, and an NFD glossary matched no NFC text
    decomposed = replace(seed_unit, source=nfd(seed_unit.source), target=nfd(seed_unit.target))
    assert decomposed.target != seed_unit.target
    nfd_glossary = [TermEntry(nfd(e.source), tuple(map(nfd, e.targets)),
                              tuple(map(nfd, e.forbidden))) for e in (VALUE_CHAIN, CLUSTER)]
    for unit in (seed_unit, decomposed):
        assert check([VALUE_CHAIN, CLUSTER], unit) == check(nfd_glossary, unit) == []
    planted = plant(plant(seed_unit, "chaînes de valeur", "grappes"),
                    "chaîne de valeur", "grappe")
    expected = check([VALUE_CHAIN, CLUSTER], planted)
    assert sorted(expected) == [("term-forbidden", "grappe", "conglomérat"),
                                ("term-missing", "value chain", "chaîne de valeur")]
    found = TermChecker([VALUE_CHAIN, CLUSTER], "en-GB", "fr-FR").check(
        replace(planted, source=nfd(planted.source), target=nfd(planted.target)))
    assert [(f.check, f.item, f.expected) for f in found] == expected
    # the findings show the unit as the memory writes it
    assert {(f.source, f.target) for f in found} == {(nfd(planted.source),
                                                      nfd(planted.target))}


def test_decomposed_accents_in_a_language_without_term_rules():
    # Estonian words are matched as lower-cased words (no lemmas): "ühisnõukogu" written
    # decomposed was another word (DGT-TM 2019/437, tuid 7)
    units, _ = read_units([str(DATA / "tmx" / "dgt-tm" / "22019D0437.tmx")],
                          source_lang="en-GB", target_lang="et-EE")
    unit = next(u for u in units if str(u.tuid) == "7")
    assert "Joint Council" in unit.source and "ühisnõukogu" in unit.target
    council = TermEntry("Joint Council", ("ühisnõukogu",))
    checker = TermChecker([council], "en-GB", "et-EE")
    for target in (unit.target, nfd(unit.target)):
        assert checker.check(replace(unit, target=target)) == []


def test_a_german_adjective_read_as_a_noun_in_e_matches_in_every_case():
    # the lemmatiser reads "Gemischte" as the noun "das Gemischte" and "Gemischten" as the
    # adjective "gemischt": "Gemischter Ausschuss", as IATE cites it, was not found in
    # "DER GEMISCHTE AUSSCHUSS" nor "Der Gemischte Ausschuss" (DGT-TM 2019/996), and no
    # finding said their translation missed the approved term
    units, _ = read_units([str(DATA / "tmx" / "dgt-tm" / "22019D0996.tmx")],
                          source_lang="de-DE", target_lang="en-GB")
    held = [u for u in units if "emischte" in u.source or "EMISCHTE" in u.source]
    assert sorted(m for u in held for m in re.findall(r"(?i)gemischte\w* ausschuss\w*",
                                                      u.source)) == [
        "GEMISCHTE AUSSCHUSS", "Gemischte Ausschuss", "Gemischten Ausschusses",
        "Gemischten Ausschusses"]
    for term in ("Gemischter Ausschuss", "Gemischte Ausschuss"):
        # a rendering none of the units has, so that each unit holding the term is a finding
        checker = TermChecker([TermEntry(term, ("Mixed Committee",))], "de-DE", "en-GB")
        assert sum(len(checker.check(u)) for u in held) == len(held) == 4, term
    # an adjective's other readings are no noun's: "Rat" is not "Rate"
    checker = TermChecker([TermEntry("Rat", ("Council",))], "de-DE", "en-GB")
    assert checker.check(Pair("Die Rate steigt.", "The rate rises.", "de-DE", "en-GB")) == []


def test_a_decomposed_conjunction_still_joins_two_phrases():
    # Romanian "și" decomposed is "s" and a comma below: the coordination "dezvoltarea
    # urbană și rurală" holds "dezvoltare rurală" written either way
    unit = Pair("The Commission supports urban and rural development.",
                "Comisia sprijină dezvoltarea urbană și rurală.", "en-GB", "ro-RO")
    checker = TermChecker([TermEntry("rural development", ("dezvoltare rurală",))],
                          "en-GB", "ro-RO")
    for target in (unit.target, nfd(unit.target)):
        assert checker.check(replace(unit, target=target)) == []


def test_a_term_across_line_breaks_and_spaces_is_found():
    unit = Pair("Cooperation in global value\nchains  and  clusters.",
                "La coopération dans les chaînes\nde   valeur mondiales.", "en-GB", "fr-FR",
                tuid=7)
    assert check([VALUE_CHAIN], unit) == []
    assert check([VALUE_CHAIN], replace(unit, target="La coopération dans les filières.")) == [
        ("term-missing", "value chain", "chaîne de valeur")]
    # the dump itself breaks the seed's "value chains" inside a word ("va" / "lue chains");
    # the units read from it hold the whole term
    assert "va\nlue chains" in SEED.read_text(encoding="utf-8")
    units, _ = read_units([str(SEED)])
    assert [found for unit in units for found in check([VALUE_CHAIN], replace(
        unit, target=unit.target.replace("chaîne", "filière")))] == [
        ("term-missing", "value chain", "chaîne de valeur")]


def test_punctuation_between_words_is_not_the_term():
    unit = Pair("We add value, chains of shops follow.", "Nous ajoutons de la valeur.",
                "en-GB", "fr-FR")
    assert check([VALUE_CHAIN], unit) == []


def test_a_term_written_with_punctuation_is_found_with_it():
    # a term whose words punctuation separates ("Directive 2014/90/EU", "entrée/sortie",
    # "R&D") was keyed without its punctuation while a text's words keep it: such a term
    # was never found, in a source (its rendering never checked) nor in a target (reported
    # missing from a target that holds it)
    directive = TermEntry("Directive 2014/90/EU", ("directive 2014/90/UE",))
    unit = Pair("The European Union has adopted Directive 2014/90/EU of the European "
                "Parliament and of the Council which repeals Council Directive 96/98/EC on "
                "marine equipment.",
                "L'Union européenne a adopté la directive 2014/90/UE du Parlement européen et "
                "du Conseil, qui abroge la directive 96/98/CE du Conseil relative aux "
                "équipements marins.", "en-GB", "fr-FR")
    assert check([directive], unit) == []
    assert check([directive], plant(unit, "2014/90/UE", "96/98/CE", 1)) == [
        ("term-missing", "Directive 2014/90/EU", "directive 2014/90/UE")]
    io = TermEntry("input/output", ("entrée/sortie",))
    unit = Pair("The input/output port.", "Le port d'entrée/sortie.", "en-GB", "fr-FR")
    assert check([io], unit) == []
    assert check([io], plant(unit, "entrée/sortie", "entrée")) == [
        ("term-missing", "input/output", "entrée/sortie")]
    research = TermEntry("R&D", ("R-D",))
    unit = Pair("Funding for R&D.", "Le financement de la R-D.", "en-GB", "fr-FR")
    assert check([research], unit) == []
    assert check([research], plant(unit, "la R-D", "l'innovation")) == [
        ("term-missing", "R&D", "R-D")]
    # still no term across punctuation the term does not have
    assert check([VALUE_CHAIN], Pair("We add value, chains of shops follow.", "Rien.",
                                     "en-GB", "fr-FR")) == []


def test_a_term_inside_a_longer_term_is_left_to_the_longer_one(seed_unit):
    # a banking glossary's "transfer" -> "virement" must not fire inside "know-how transfer"
    entries = [TermEntry("transfer", ("virement",)),
               TermEntry("know-how transfer", ("transfert de savoir-faire",))]
    assert "know-how transfer" in seed_unit.source
    assert check(entries, seed_unit) == []
    alone = Pair("The transfer failed.", "Le transfert a échoué.", "en-GB", "fr-FR")
    assert check(entries, alone) == [("term-missing", "transfer", "virement")]


def test_terms_in_capitals_match_as_lower_case(europarl_units):
    # a short plural in capitals ("ÉTATS") was read as an acronym and not lemmatised, so a
    # target written as a heading was reported as lacking "État membre"
    unit = next(u for u in europarl_units if "EU Member States" in u.source)
    assert "les États membres" in unit.target
    member_state = TermEntry("Member State", ("État membre",), ("pays membre",))
    heading = replace(unit, source=unit.source.upper(), target=unit.target.upper())
    assert check([member_state], unit) == check([member_state], heading) == []
    forbidden = plant(heading, "ÉTATS MEMBRES", "PAYS MEMBRES")
    assert check([member_state], forbidden) == [
        ("term-missing", "Member State", "État membre"),
        ("term-forbidden", "pays membre", "État membre")]


def test_a_source_term_in_capitals_is_checked():
    # a DGT-TM heading: "RULES" is "rule", as "rules" is, so the term occurs in it
    units, _ = read_units([str(DATA / "tmx" / "dgt-tm" / "22019D0437.tmx")])
    unit = next(u for u in units if u.source == "RULES OF PROCEDURE OF THE JOINT COUNCIL")
    rules = TermEntry("rules of procedure", ("règlement intérieur",), ("règles de procédure",))
    assert check([rules], unit) == []
    assert check([rules], plant(unit, "RÈGLEMENT INTÉRIEUR", "RÈGLES DE PROCÉDURE")) == [
        ("term-missing", "rules of procedure", "règlement intérieur"),
        ("term-forbidden", "règles de procédure", "règlement intérieur")]


def test_function_words_in_capitals_are_not_lemmatised_into_others():
    # lower case "us" is the pronoun "we": the acronym "US" must not be read as it
    entries = [TermEntry("US dollar", ("dollar des États-Unis",))]
    unit = Pair("We pay in US dollars.", "Nous payons en euros.", "en", "fr")
    assert check(entries, unit) == [("term-missing", "US dollar", "dollar des États-Unis")]
    assert check(entries, replace(unit, source="We pay in dollars.")) == []


@pytest.fixture(scope="module")
def dgt_en_fr() -> list[Pair]:
    units, _ = read_units([str(DATA / "tmx" / "dgt-tm" / "22019D0996.tmx"),
                           str(DATA / "tmx" / "dgt-tm" / "22019D0437.tmx")],
                          source_lang="en-GB", target_lang="fr-FR")
    return units


def test_a_capitalised_word_is_not_its_lower_case_homograph(dgt_en_fr):
    # DGT-TM: "legislation, regulations and administrative provisions" holds no Regulation
    # (the act): where the glossary writes other terms in lower case, the capital counts
    regulations = [u for u in dgt_en_fr if "regulations" in u.source]
    assert len(regulations) == 4 and all("règlement" not in u.target for u in regulations)
    regulation = TermEntry("Regulation", ("règlement",))
    entries = [regulation, TermEntry("rules of procedure", ("règlement intérieur",))]
    assert [f for u in regulations for f in check(entries, u)] == []
    # ... nor does its heading in capitals, which writes every word so (it was a finding
    # where its lower-case twin was none); an acronym in capitals is still one
    heading = [u for u in dgt_en_fr if u.source == "LEGISLATION, REGULATIONS AND "
               "ADMINISTRATIVE PROVISIONS"]
    assert len(heading) == 1 and check(entries, heading[0]) == []
    mark = TermEntry("CE", ("CE",))
    assert check([mark], Pair("THE CE MARKING", "LE MARQUAGE", "en", "fr")) == [
        ("term-missing", "CE", "CE")]
    act = Pair("Regulation (EU) No 1 applies.", "La directive (UE) no 1 s'applique.", "en", "fr")
    assert check(entries, act) == [("term-missing", "Regulation", "règlement")]
    # a glossary that capitalises every entry says nothing by it: case is not asked
    assert len([f for u in regulations for f in check([regulation], u)]) == 4


def test_a_name_matches_with_its_capitals_or_in_lower_case(dgt_en_fr):
    # DGT-TM: "implementing Regulation (EC) No 437/2003" (the verb) is no "Implementing
    # Regulation"; "these rules of procedure" are the Rules of Procedure, in lower case
    implementing = TermEntry("Implementing Regulation", ("règlement d'exécution",))
    verb = Pair("Commission Regulation (EC) No 1358/2003 of 31 July 2003 implementing "
                "Regulation (EC) No 437/2003 of the European Parliament and of the Council",
                "Règlement (CE) no 1358/2003 de la Commission du 31 juillet 2003 concernant la "
                "mise en œuvre du règlement (CE) no 437/2003 du Parlement européen et du "
                "Conseil", "en-GB", "fr-FR")
    assert check([implementing], verb) == []
    act = replace(verb, source=verb.source.replace("implementing", "Implementing"))
    assert check([implementing], act) == [
        ("term-missing", "Implementing Regulation", "règlement d'exécution")]
    rules = TermEntry("Rules of Procedure", ("règlement intérieur",))
    lower = [u for u in dgt_en_fr if "these rules of procedure" in u.source]
    assert lower and [f for u in lower for f in check([rules], u)] == []
    assert [f.item for u in lower for f in TermChecker([rules], "en-GB", "fr-FR").check(
        replace(u, target=u.target.replace("règlement intérieur", "règles")))] == [
        "Rules of Procedure"] * len(lower)


def test_a_plural_mark_in_brackets_is_the_term():
    # DGT-TM: "the terms “Member State(s)” ..." / "les termes “État(s) membre(s)” ..."
    unit = Pair("the terms “Member State(s)” and “competent authorities” shall be understood",
                "les termes “État(s) membre(s)” et “autorités compétentes” sont réputés",
                "en-GB", "fr-FR")
    member_state = TermEntry("Member State", ("État membre",))
    assert check([member_state], unit) == []
    assert check([member_state], replace(unit, target="les termes “pays” et “autorités”")) == [
        ("term-missing", "Member State", "État membre")]


DGT_TMX = sorted(str(p) for p in (DATA / "tmx" / "dgt-tm").glob("*.tmx"))


@pytest.mark.parametrize(("source_lang", "target_lang", "term", "rendering", "source_form",
                          "target_form"), [
    # the lemmatiser reads "Estado" as the verb "estar", "Estados" as "estado"
    ("en-GB", "es-ES", "Member State", "Estado miembro", "Member States", "Estados miembros"),
    ("es-ES", "en-GB", "Estado miembro", "Member State", "Estados miembros", "Member States"),
    # ... and reads a word with hyphens by its last part: "estados-membro", "estado-membro"
    ("en-GB", "pt-PT", "Member State", "Estado-Membro", "Member States", "Estados-Membros"),
    ("pt-PT", "en-GB", "Estado-Membro", "Member State", "Estados-Membros", "Member States"),
    # "allegato" -> "allegare", "allegati" -> "allegato"
    ("en-GB", "it-IT", "Annex", "allegato", "Annexes", "allegati"),
    # "meeting" -> "meet", "meetings" -> "meeting"
    ("el-GR", "en-GB", "συνεδρίαση", "meeting", "συνεδριάσεων", "meetings"),
    # "Annex" -> "annex", "Annexes" -> "annexe"
    ("pl-PL", "en-GB", "załącznik", "Annex", "załączniki", "Annexes"),
])
def test_a_term_in_the_singular_is_found_in_the_plural(source_lang, target_lang, term,
                                                       rendering, source_form, target_form):
    # DGT-TM: a glossary names its terms in the singular; a term whose singular the
    # lemmatiser reads as another word must still be found in its plural, or every unit
    # of the memory that translates it in the plural is reported as missing it
    units, _ = read_units(DGT_TMX, source_lang=source_lang, target_lang=target_lang)
    both = [u for u in units if source_form in u.source and target_form in u.target]
    assert both
    checker = TermChecker([TermEntry(term, (rendering,))], source_lang, target_lang)
    assert [f for u in both for f in checker.check(u)] == []
    # the term is still missing where the translation lacks it
    replaced = [replace(u, target=u.target.replace(target_form, "xyz").replace(rendering, "xyz"))
                for u in both]
    assert [(f.check, f.item) for u in replaced for f in checker.check(u)] == [
        ("term-missing", term)] * len(both)


def test_an_acronym_is_found_in_its_plural(seed_unit):
    """A glossary names "SME" (IATE's entry); the seed writes "SMEs", which the
    lemmatiser keeps as "smes": the term was never found, so a unit without "PME" passed.
    A term written in the plural ("SMEs", the citation form terms wrote) matches "SME"."""
    assert "SMEs" in seed_unit.source and "PME" in seed_unit.target
    without = replace(seed_unit, target=seed_unit.target.replace("PME", "entreprises"))
    singular = replace(seed_unit, source=seed_unit.source.replace("SMEs", "SME"))
    for term in ("SME", "SMEs"):
        entry = TermEntry(term, ("PME",))
        assert check([entry], seed_unit) == check([entry], singular) == []
        assert check([entry], without) == [("term-missing", term, "PME")]
        assert check([entry], replace(without, source=singular.source)) == [
            ("term-missing", term, "PME")]


# -- term-forbidden ---------------------------------------------------------------------------

def test_forbidden_grappe_for_cluster_is_found_when_planted(seed_unit):
    one = plant(seed_unit, "conglomérats", "grappes", 1)
    # conglomérats remain elsewhere in the unit: only the forbidden rendering is reported
    assert check([CLUSTER], one) == [("term-forbidden", "grappe", "conglomérat")]
    every = plant(seed_unit, "conglomérats", "grappes")
    assert check([CLUSTER], every) == [("term-missing", "cluster", "conglomérat"),
                                       ("term-forbidden", "grappe", "conglomérat")]
    no_approved = TermEntry("cluster", (), ("grappe",))
    assert check([no_approved], every) == [("term-forbidden", "grappe", "")]


def test_forbidden_only_as_a_rendering_of_its_source_term():
    grapes = Pair("A bunch of grapes.", "Une grappe de raisin.", "en-GB", "fr-FR")
    assert check([CLUSTER], grapes) == []


def test_forbidden_term_inside_an_approved_one_is_not_reported(seed_unit):
    entries = [TermEntry("chain", (), ("chaîne",)), VALUE_CHAIN]
    assert check(entries, seed_unit) == []
    planted = plant(plant(seed_unit, "chaînes de valeur", "chaînes"), "chaîne de valeur",
                    "chaîne")
    assert check(entries, planted) == [("term-missing", "value chain", "chaîne de valeur"),
                                       ("term-forbidden", "chaîne", "")]


def test_entries_of_one_lemma_are_merged_and_approval_wins(seed_unit):
    checker = TermChecker([TermEntry("cluster", ("conglomérat",), ("grappe",)),
                           TermEntry("clusters", ("grappes",))], "en-GB", "fr-FR")
    assert len(checker) == 1
    assert checker.check(plant(seed_unit, "conglomérats", "grappes")) == []


# -- sources: TBX, glossary, termbase ---------------------------------------------------------

TBX_2019 = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>EP terms</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="c1">
      <langSec xml:lang="en-GB"><termSec><term>cluster</term></termSec></langSec>
      <langSec xml:lang="fr-FR">
        <termSec><term>conglomérat</term>
          <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
        <termSec><term>grappe</term>
          <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>
      </langSec>
    </conceptEntry>
    <conceptEntry id="c2">
      <langSec xml:lang="en"><termSec><term>value chain</term></termSec></langSec>
      <langSec xml:lang="de"><termSec><term>Wertschöpfungskette</term></termSec></langSec>
      <langSec xml:lang="fr">
        <termSec><term>chaîne de valeur</term></termSec>
        <termSec><term>filière</term>
          <termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></termSec>
      </langSec>
    </conceptEntry>
  </body></text>
</tbx>
"""

TBX_2008 = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en">
  <martifHeader><fileDesc><sourceDesc><p>EP terms</p></sourceDesc></fileDesc></martifHeader>
  <text><body>
    <termEntry id="c1">
      <langSet xml:lang="en"><tig><term>cluster</term></tig></langSet>
      <langSet xml:lang="fr">
        <tig><term>conglomérat</term>
          <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></tig>
        <ntig><termGrp><term>grappe</term>
          <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>
        </termGrp></ntig>
      </langSet>
    </termEntry>
    <termEntry id="c2">
      <langSet xml:lang="en"><tig><term>value chain</term></tig></langSet>
      <langSet xml:lang="fr">
        <tig><term>chaîne de valeur</term></tig>
        <tig><term>filière</term>
          <termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></tig>
      </langSet>
    </termEntry>
  </body></text>
</martif>
"""

TBX_DCT = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dct" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"
     xmlns:basic="http://www.tbxinfo.net/ns/basic">
  <tbxHeader><fileDesc><sourceDesc><p>EP terms</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="c1">
      <langSec xml:lang="en"><termSec><term>cluster</term></termSec></langSec>
      <langSec xml:lang="fr">
        <termSec><term>conglomérat</term></termSec>
        <termSec><term>grappe</term>
          <basic:administrativeStatus>deprecatedTerm-admn-sts</basic:administrativeStatus>
        </termSec>
      </langSec>
    </conceptEntry>
    <conceptEntry id="c2">
      <langSec xml:lang="en"><termSec><term>value chain</term></termSec></langSec>
      <langSec xml:lang="fr">
        <termSec><term>chaîne de valeur</term></termSec>
        <termSec><term>filière</term>
          <basic:administrativeStatus>supersededTerm-admn-sts</basic:administrativeStatus>
        </termSec>
      </langSec>
    </conceptEntry>
  </body></text>
</tbx>
"""


@pytest.mark.parametrize("text", [TBX_2019, TBX_2008, TBX_DCT], ids=["2019", "2008", "dct"])
def test_tbx_with_deprecated_terms_as_a_source(tmp_path, seed_unit, text):
    path = tmp_path / "ep.tbx"
    path.write_text(text, encoding="utf-8")
    entries = load_terms(path, "en-GB", "fr-FR")
    assert entries == [TermEntry("cluster", ("conglomérat",), ("grappe",)),
                       TermEntry("value chain", ("chaîne de valeur",), ("filière",))]
    # the glossary reader leaves deprecated terms out, in every style (the check keeps them)
    assert "grappe" not in {e.target for e in read_tbx(path, "en-GB", "fr-FR")}
    checker = TermChecker(entries, "en-GB", "fr-FR")
    assert checker.check(seed_unit) == []
    planted = plant(plant(seed_unit, "conglomérats", "grappes", 1), "chaîne de valeur",
                    "filière")
    assert [(f.check, f.item) for f in checker.check(planted)] == [
        ("term-forbidden", "grappe"), ("term-forbidden", "filière")]


def test_tbx_found_by_content_not_name(tmp_path, seed_unit):
    path = tmp_path / "terms.dat"
    path.write_text(TBX_2019, encoding="utf-16")
    assert [e.source for e in load_terms(path, "en", "fr")] == ["cluster", "value chain"]


def test_third_party_tbx_files_read_like_the_glossary_reader():
    for name in ("Unknown_Dialect2-martif.tbx", "Unknown_Dialect2-v3.tbx"):
        path = DATA / "tbx" / name
        entries = load_terms(path, "en-US", "fr-FR")
        pairs = [(e.source, t) for e in entries for t in e.targets]
        assert pairs == [(g.source, g.target) for g in read_tbx(path, "en", "fr")]
        assert len(entries) == 6 and not any(e.forbidden for e in entries)


def test_tbx_without_the_language_pair_is_refused(tmp_path):
    path = tmp_path / "ep.tbx"
    path.write_text(TBX_2019, encoding="utf-8")
    with pytest.raises(InputError, match=r"no term pairs for en -> es \(languages in the "
                                         r"file: de, en, fr\)"):
        load_terms(path, "en", "es")


# One concept, a term of each region: "e-mail" preferred in France, deprecated in Canada
# for "courriel" (the OQLF's advice), as a termbase keeping regional variants writes it.
TBX_REGIONS = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en">
  <martifHeader><fileDesc><sourceDesc><p>regions</p></sourceDesc></fileDesc></martifHeader>
  <text><body>
    <termEntry id="c1">
      <langSet xml:lang="en"><tig><term>e-mail</term></tig></langSet>
      <langSet xml:lang="fr-FR"><tig><term>e-mail</term>
        <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig></langSet>
      <langSet xml:lang="fr-CA"><tig><term>courriel</term>
        <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
        <tig><term>e-mail</term>
        <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig></langSet>
    </termEntry>
    <termEntry id="c2">
      <langSet xml:lang="en"><tig><term>value chain</term></tig></langSet>
      <langSet xml:lang="fr"><tig><term>chaîne de valeur</term></tig></langSet>
    </termEntry>
  </body></text>
</martif>
"""


def test_tbx_terms_of_another_region_are_not_read_as_the_region_asked(tmp_path):
    path = tmp_path / "regions.tbx"
    path.write_text(TBX_REGIONS, encoding="utf-8")
    # each region its own terms, and a section without a region is every region's
    assert load_terms(path, "en-GB", "fr-CA") == [
        TermEntry("e-mail", ("courriel",), ("e-mail",)),
        TermEntry("value chain", ("chaîne de valeur",), ())]
    assert load_terms(path, "en-GB", "fr-FR") == [
        TermEntry("e-mail", ("e-mail",), ()), TermEntry("value chain", ("chaîne de valeur",), ())]
    # a pair asked without a region reads every region, as before
    assert load_terms(path, "en", "fr")[0] == TermEntry("e-mail", ("e-mail", "courriel"),
                                                        ("e-mail",))
    # read as one language, France's approval hid Canada's deprecation: no finding
    unit = Pair("Send an e-mail.", "Envoyez un e-mail.", "en-GB", "fr-CA")
    checker = TermChecker(load_terms(path, "en-GB", "fr-CA"), "en-GB", "fr-CA")
    assert [(f.check, f.item) for f in checker.check(unit)] == [
        ("term-missing", "e-mail"), ("term-forbidden", "e-mail")]
    # the glossary reader of terms and build likewise
    assert [(g.target, g.status) for g in read_tbx(path, "en-GB", "fr-CA")] == [
        ("courriel", "approved"), ("chaîne de valeur", None)]
    assert [g.target for g in read_tbx(path, "en-GB", "fr-FR")] == [
        "e-mail", "chaîne de valeur"]


# The LTAC astronomy termbase's entry (TBX-Basic, DCA), cut down: "carbon cycle" is a
# deprecated English variant of the CNO cycle, whose note says the words also name the
# biogeochemical cycle; the Spanish likewise.
TBX_SOURCE_DEPRECATED = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en">
  <martifHeader><fileDesc><sourceDesc><p>astronomy</p></sourceDesc></fileDesc></martifHeader>
  <text><body>
    <termEntry id="c5">
      <langSet xml:lang="en">
        <tig><term>CNO cycle</term>
          <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
        <tig><term>carbon cycle</term>
          <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
      </langSet>
      <langSet xml:lang="es">
        <tig><term>ciclo CNO</term>
          <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
        <tig><term>ciclo del carbono</term>
          <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
      </langSet>
    </termEntry>
  </body></text>
</martif>
"""


def test_a_deprecated_source_term_is_not_looked_for(tmp_path):
    # the deprecated source term was checked as the concept's: a correct text on the carbon
    # cycle of forests got a term-missing and a term-forbidden error
    path = tmp_path / "astronomy.tbx"
    path.write_text(TBX_SOURCE_DEPRECATED, encoding="utf-8")
    entries = load_terms(path, "en-GB", "es-ES")
    assert entries == [TermEntry("CNO cycle", ("ciclo CNO",), ("ciclo del carbono",))]
    checker = TermChecker(entries, "en-GB", "es-ES")
    forests = Pair("The carbon cycle of forests is slow.",
                   "El ciclo del carbono de los bosques es lento.", "en-GB", "es-ES")
    assert checker.check(forests) == []
    # the concept's own term is checked as before
    stars = Pair("The CNO cycle dominates in massive stars.",
                 "El ciclo del carbono domina en las estrellas masivas.", "en-GB", "es-ES")
    assert [(f.check, f.item) for f in checker.check(stars)] == [
        ("term-missing", "CNO cycle"), ("term-forbidden", "ciclo del carbono")]
    # the glossary reader of terms and build pairs no deprecated source term either
    assert [(g.source, g.target) for g in read_tbx(path, "en-GB", "es-ES")] == [
        ("CNO cycle", "ciclo CNO")]


@pytest.mark.parametrize("delimiter", ["\t", ","])
def test_glossary_as_a_source(tmp_path, seed_unit, delimiter):
    path = tmp_path / "glossary.txt"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerows([["en", "fr"], ["value chain", "chaîne de valeur"],
                          ["cluster", "conglomérat"], ["Value chains", "filière"]])
    entries = load_terms(path, "en-GB", "fr-FR")
    # every glossary pair is approved; "Value chains" is the lemma of "value chain"
    assert entries == [TermEntry("value chain", ("chaîne de valeur", "filière")),
                       TermEntry("cluster", ("conglomérat",))]
    checker = TermChecker(entries, "en-GB", "fr-FR")
    assert checker.check(seed_unit) == []
    assert checker.check(plant(seed_unit, "chaîne de valeur", "filière")) == []
    missing = plant(seed_unit, "conglomérats", "grappes")
    assert [(f.check, f.item) for f in checker.check(missing)] == [("term-missing", "cluster")]


@pytest.fixture
def reviewed_termbase(tmp_path) -> Path:
    """A termbase built by the real terms run on the seed dump, then reviewed."""
    db = tmp_path / "terms.db"
    run_terms([str(SEED)], termbase_path=str(db), min_count=1)
    with Termbase(db) as termbase:
        ids = {lemmas: termbase.find("en-GB", "fr-FR", *lemmas) for lemmas in [
            ("cluster", "conglomérat"), ("value chain", "chaîne de valeur"),
            ("commission", "commission"), ("supplier", "fournisseur")]}
        assert None not in ids.values()
        termbase.set_status(ids["cluster", "conglomérat"], "approved")
        termbase.set_status(ids["value chain", "chaîne de valeur"], "approved")
        termbase.set_status(ids["supplier", "fournisseur"], "rejected")
        # "commission" stays proposed; "grappe" is added by a reviewer, as forbidden
        grappe = termbase.add_pair(TermPair("en-GB", "fr-FR", "cluster", "grappe", "cluster",
                                            "grappe"))
        termbase.set_status(grappe, "forbidden")
        assert termbase.get(ids["commission", "commission"]).status == "proposed"
    return db


def test_termbase_from_the_terms_run_as_a_source(reviewed_termbase, seed_unit):
    before = reviewed_termbase.read_bytes()
    entries = load_terms(reviewed_termbase, "en-GB", "fr-FR")
    assert entries == [TermEntry("cluster", ("conglomérat",), ("grappe",)),
                       TermEntry("value chain", ("chaîne de valeur",))]
    # read-only: the file is as it was, no journal left beside it
    assert reviewed_termbase.read_bytes() == before
    assert sorted(p.name for p in reviewed_termbase.parent.iterdir()) == ["terms.db"]
    checker = TermChecker(entries, "en-GB", "fr-FR")
    assert checker.check(seed_unit) == []
    planted = plant(seed_unit, "conglomérats", "grappes", 1)
    assert [(f.check, f.item, f.expected) for f in checker.check(planted)] == [
        ("term-forbidden", "grappe", "conglomérat")]


def test_termbase_proposed_and_rejected_pairs_are_ignored(reviewed_termbase, seed_unit):
    entries = load_terms(reviewed_termbase, "en", "fr")
    assert not {"Commission", "supplier"} & {e.source for e in entries}
    # the unit's target has neither "Commission" nor "fournisseur": nothing is reported
    stripped = replace(seed_unit, target=seed_unit.target.replace("Commission", "Union")
                       .replace("fournisseurs", "vendeurs"))
    assert TermChecker(entries, "en", "fr").check(stripped) == []
    # and a termbase reviewed for another language pair is named, not silently empty
    with pytest.raises(InputError, match="holds en -> fr"):
        load_terms(reviewed_termbase, "en", "de")


@pytest.mark.parametrize("version", [2, 3])
def test_reviewed_pairs_exported_to_tbx_come_back_reviewed(reviewed_termbase, tmp_path,
                                                          version):
    # the TBX `terms --termbase --tbx` writes: approved preferred, grappe deprecated,
    # "commission" proposed (no status, a note saying so), "supplier" rejected (left out)
    with Termbase(reviewed_termbase) as termbase:
        pairs = termbase.pairs(min_count=1)
    tbx = tmp_path / "reviewed.tbx"
    write_tbx(pairs, tbx, version=version)
    assert "commission" in {p.source_term.lower() for p in pairs if p.status == "proposed"}
    entries = load_terms(tbx, "en-GB", "fr-FR")
    # as from the termbase itself: the proposed pairs are no approved terms
    assert sorted(entries, key=lambda e: e.source) == \
        load_terms(reviewed_termbase, "en-GB", "fr-FR")


@pytest.mark.parametrize("version", [2, 3])
def test_a_tbx_of_proposed_pairs_only_is_refused_saying_why(tmp_path, version):
    tbx = tmp_path / "proposed.tbx"
    pairs = run_terms([str(SEED)], min_count=1)
    assert pairs and {p.status for p in pairs} == {"proposed"}
    write_tbx(pairs, tbx, version=version)
    with pytest.raises(InputError, match=rf"no approved or forbidden term pair to check "
                                         rf"against: the {len(pairs)} en-GB -> fr-FR pairs "
                                         r"are proposed, not reviewed \(review them first"):
        load_terms(tbx, "en-GB", "fr-FR")


def test_a_tbx_without_status_from_another_tool_stays_approved(tmp_path):
    # a note that merely mentions a proposal is not tmx-export's mark
    path = tmp_path / "other.tbx"
    path.write_text(TBX_2008.replace('<termEntry id="c2">',
                                     '<termEntry id="c2"><note>proposed by the EP</note>'),
                    encoding="utf-8")
    assert TermEntry("value chain", ("chaîne de valeur",), ("filière",)) in \
        load_terms(path, "en", "fr")


def test_reviewed_pairs_exported_to_csv_come_back_reviewed(reviewed_termbase, tmp_path,
                                                          seed_unit):
    # the CSV `terms --termbase --csv` writes has a status column: it was read as all
    # approved, so the rejected "supplier" and the proposed "Commission" were required
    with Termbase(reviewed_termbase) as termbase:
        pairs = termbase.pairs(min_count=1)
    glossary = tmp_path / "reviewed.csv"
    write_glossary(pairs, glossary)
    assert {"proposed", "rejected"} <= {p.status for p in pairs}
    entries = load_terms(glossary, "en-GB", "fr-FR")
    assert sorted(entries, key=lambda e: e.source) == \
        load_terms(reviewed_termbase, "en-GB", "fr-FR")
    stripped = replace(seed_unit, target=seed_unit.target.replace("Commission", "Union")
                       .replace("fournisseurs", "vendeurs"))
    assert TermChecker(entries, "en", "fr").check(stripped) == []
    planted = plant(seed_unit, "conglomérats", "grappes", 1)
    assert [(f.check, f.item) for f in TermChecker(entries, "en", "fr").check(planted)] == [
        ("term-forbidden", "grappe")]


def test_glossary_status_column_refusals(tmp_path):
    path = tmp_path / "g.tsv"
    path.write_text("source term\ttarget term\tstatus\nvalue chain\tfilière\trejected\n"
                    "cluster\tgrappe\tproposed\n", encoding="utf-8")
    with pytest.raises(InputError, match="no approved or forbidden term pair to check "
                                         "against: the 2 pairs are proposed or rejected"):
        load_terms(path, "en", "fr")
    # a blank or unknown status may be a guess: refused, not taken for approved
    for status, message in (("", "no status"), ("ok", "unknown status 'ok'")):
        path.write_text(f"source\ttarget\tstatus\nvalue chain\tchaîne de valeur\tapproved\n"
                        f"cluster\tconglomérat\t{status}\n", encoding="utf-8")
        with pytest.raises(InputError, match=rf"g.tsv:3: {message}; expected one of"):
            load_terms(path, "en", "fr")


def test_termbase_refusals(tmp_path):
    missing = tmp_path / "missing.db"
    with pytest.raises(InputError, match="no such file"):
        load_terms(missing, "en", "fr")
    assert not missing.exists()
    other = tmp_path / "other.db"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE x (y)")
    con.commit()
    con.close()
    with pytest.raises(InputError, match="not a termbase"):
        load_terms(other, "en", "fr")
    with pytest.raises(InputError, match="directory"):
        load_terms(tmp_path, "en", "fr")


def test_language_without_term_rules_falls_back_to_words():
    # Portuguese has no term rules: lower-cased words, a final "s" dropped
    entries = load_terms(DATA / "tbx" / "Good-Basic1-martif.tbx", "en", "pt")
    highness = next(e for e in entries if e.source == "Your Highness")
    assert highness.targets == ("Vossa Alteza",)
    checker = TermChecker(entries, "en", "pt")
    unit = Pair("Your Highnesses have arrived.", "Vossas\n Altezas chegaram.", "en", "pt")
    assert checker.check(unit) == []
    missing = replace(unit, target="Chegaram, Altezas.")
    assert [(f.check, f.item) for f in checker.check(missing)] == [
        ("term-missing", "Your Highness")]


def test_french_adjective_and_noun_terms_match_their_plurals():
    # Europarl: "petites et moyennes entreprises", "nouvelles technologies" are the approved
    # singular terms; simplemma keyed "moyenne" as "moyenner", "moyennes" as "moyenne"
    units, _ = read_units([ParallelInput(
        str(DATA / "europarl-sessions" / "ep-00-01-17.en.txt"),
        str(DATA / "europarl-sessions" / "ep-00-01-17.fr.txt"))])
    entries = [TermEntry("small and medium-sized enterprise", ("petite et moyenne entreprise",)),
               TermEntry("medium-sized enterprise", ("moyenne entreprise",)),
               TermEntry("new technology", ("nouvelle technologie",))]
    holding = [u for u in units if "moyennes entreprises" in u.target
               or "nouvelles technologies" in u.target]
    checker = TermChecker(entries, "en-GB", "fr-FR")
    assert [u.tuid for u in holding if checker.check(replace(u, target="-"))]  # terms occur
    assert [f.item for u in holding for f in checker.check(u)] == []


def test_a_term_two_coordinated_phrases_share_is_the_term():
    # Europarl: "the Structural and Cohesion Funds" -> "des fonds structurels et de
    # cohésion", "urban and rural development" -> "développement urbain et rural": the
    # target holds the approved term, its head shared by two phrases (coordination ellipsis)
    units, _ = read_units([ParallelInput(
        str(DATA / "europarl-sessions" / "ep-00-01-17.en.txt"),
        str(DATA / "europarl-sessions" / "ep-00-01-17.fr.txt"))])
    entries = [TermEntry("Cohesion Fund", ("Fonds de cohésion",)),
               TermEntry("rural development", ("développement rural",))]
    holding = [u for u in units if "fonds structurels et de cohésion" in u.target.lower()
               or "développement urbain et rural" in u.target]
    assert len(holding) >= 3
    checker = TermChecker(entries, "en-GB", "fr-FR")
    assert [f.item for u in holding for f in checker.check(u)] == []
    # the target without the term: still missing, however the words stand around "et"
    for target in ("Les fonds régionaux et la politique de cohésion.",  # two words between
                   "Le développement urbain, et rural.",  # punctuation between
                   "Le développement et rural.",  # a conjunction alone
                   "Le développement de et rural.",  # a function word is no phrase
                   "Le développement urbain ou agricole."):  # no word of the term after it
        unit = Pair("The Cohesion Fund and rural development.", target, "en-GB", "fr-FR")
        assert [f.item for f in checker.check(unit)] == ["Cohesion Fund", "rural development"]
    # English targets: the shared head after the conjunction; "of" is no conjunction
    back = TermChecker([TermEntry("développement rural", ("rural development",))],
                       "fr-FR", "en-GB")
    shared = Pair("Le développement rural et urbain.", "Rural and urban development.",
                  "fr-FR", "en-GB")
    assert back.check(shared) == []
    other = replace(shared, target="Rural areas of development.")
    assert [f.item for f in back.check(other)] == ["développement rural"]


def test_german_genitives_and_umlaut_plurals_are_the_term():
    # DGT-TM German: "Beschluss" and "dieses Beschlusses" are one term (simplemma's lemma of
    # the first was "beschluß", of the second "beschluss"), as are "Ausschuss"/"Ausschüsse"
    units, _ = read_units([str(DATA / "tmx" / "dgt-tm" / "22019D0437.tmx"),
                           str(DATA / "tmx" / "dgt-tm" / "22019D0996.tmx")],
                          source_lang="de-DE", target_lang="en-GB")
    holding = [u for u in units if "Beschluss" in u.source]
    assert {"Beschluss", "Beschlusses"} <= {word.strip(".,") for u in holding
                                           for word in u.source.split()}
    decision = TermEntry("Beschluss", ("decision",))
    checker = TermChecker([decision], "de-DE", "en-GB")
    assert [f for u in holding for f in checker.check(u)] == []
    wrong = [replace(u, target=u.target.replace("Decision", "Resolution")) for u in holding]
    assert [f.tuid for u in wrong for f in checker.check(u)] == [u.tuid for u in wrong]
    committee = TermChecker([TermEntry("Ausschuss", ("committee",))], "de-DE", "en-GB")
    plural = Pair("Die Ausschüsse tagen.", "The boards meet.", "de-DE", "en-GB")
    assert [(f.check, f.item) for f in committee.check(plural)] == [
        ("term-missing", "Ausschuss")]
    assert committee.check(replace(plural, target="The committees meet.")) == []


# -- precision on unmodified real text --------------------------------------------------------

# Terms of EP procedure and policy that occur in the excerpt, with the renderings a Parliament
# glossary gives them.
EP_GLOSSARY = [
    TermEntry("European Parliament", ("Parlement européen",)),
    TermEntry("Member State", ("État membre",)),
    TermEntry("agenda", ("ordre du jour",)),
    TermEntry("point of order", ("motion de procédure",)),
    TermEntry("Conference of Presidents", ("Conférence des présidents",)),
    TermEntry("Rules of Procedure", ("règlement",)),
    TermEntry("relative stability", ("stabilité relative",)),
    TermEntry("common fisheries policy", ("politique commune de la pêche",)),
    TermEntry("arms embargo", ("embargo sur les armes",)),
    TermEntry("part-session", ("période de session",)),
]


def test_few_findings_on_unmodified_europarl(europarl_units):
    checker = TermChecker(EP_GLOSSARY, "en-GB", "fr-FR")
    # how often the terms occur: an empty target reports each of them
    occurring = [f.item for unit in europarl_units
                 for f in checker.check(replace(unit, target="-"))]
    assert {e.source for e in EP_GLOSSARY} == set(occurring)
    assert len(occurring) == 25
    findings = [(f.tuid, f.item) for unit in europarl_units for f in checker.check(unit)]
    for tuid, item in findings:
        unit = next(u for u in europarl_units if u.tuid == tuid)
        print(tuid, item, "|", unit.source, "|", unit.target)
    # every finding is a real departure from the glossary, none a matching failure:
    # "first part-session" -> "première session", "a previous part-session" -> "une
    # précédente session", the heading "Agenda" -> "Ordre des travaux"
    assert findings == [("21", "part-session"), ("51", "part-session"), ("66", "agenda")]
    # inflections, articles and linking words that had to match: "EU Member States" ->
    # "les États membres", "the draft agenda" -> "projet ... d'ordre du jour", "arms embargo"
    # -> "l'embargo sur les armes", "Conference of Presidents" -> "Conférence des présidents"
    assert not [f for unit in europarl_units if unit.tuid in {"57", "60", "67", "74"}
                for f in checker.check(unit)]


# One-word terms, some also inside EP_GLOSSARY's longer ones ("stability" in "relative
# stability", "embargo" in "arms embargo"), some with capitals, some with forbidden terms.
EP_WORDS = [
    TermEntry("order", ("ordre",)),
    TermEntry("embargo", ("embargo",)),
    TermEntry("stability", ("stabilité",)),
    TermEntry("debate", ("débat",)),
    TermEntry("question", ("question",)),
    TermEntry("procedure", ("procédure",)),
    TermEntry("Commission", ("Commission",)),
    TermEntry("House", ("Assemblée",)),
    TermEntry("vote", ("vote",), ("scrutin",)),
    TermEntry("report", ("rapport",), ("compte rendu",)),
]


def test_the_shortcuts_find_what_the_full_path_finds(europarl_units):
    # check() takes shortcuts where only one-piece keys can occur in the source
    # (TermChecker._occurring) and where the terms that occur have only one-piece target
    # keys and no forbidden one (_missing); a checker made to take none reports the same
    class FullPath(TermChecker):
        def _occurring(self, source: str) -> tuple:
            return self._found(self._source.pieces(source), source)  # every source

    checker = TermChecker(EP_GLOSSARY + EP_WORDS, "en-GB", "fr-FR")
    full = FullPath(EP_GLOSSARY + EP_WORDS, "en-GB", "fr-FR")
    full._simple = frozenset()  # every unit through _findings
    # (source word, its replacement, target word, its replacement): a lower-case
    # "commission" is not the term "Commission", and needs no rendering
    planted = [("", "", "débat", "discussion"), ("", "", "vote", "scrutin"),
               ("Commission", "commission", "Commission", "Exécutif"),
               ("", "", "ordre", "agenda"), ("", "", "rapport", "compte rendu")]
    units = list(europarl_units) + [replace(u, target="-") for u in europarl_units] + [
        replace(u, source=u.source.replace(old, new) if old else u.source,
                target=u.target.replace(target_old, target_new))
        for old, new, target_old, target_new in planted for u in europarl_units
        if target_old in u.target]
    expected = [f for u in units for f in full.check(u)]
    assert {f.check for f in expected} == {"term-missing", "term-forbidden"}
    assert len(expected) > 100
    assert [f for u in units for f in checker.check(u)] == expected


def _pieces_through_tokens(words, chunk: str) -> tuple:
    """A chunk's pieces as the extractor's tokens give them (how _Words._chunk first made
    them, before it took the words of one-word chunks straight from Extractor.word), a
    content word in capitals as its lower-case form ("ÉTATS" as "états": "état"), a word
    with hyphens part by part ("États-Unis": "état-unir"), an English word in "-ing" as
    itself ("including"), and one read as another, function, word as itself ("em")."""
    from tmx_export.check.terms import _BREAK, _other_word
    from tmx_export.terms.candidates import WORD, ing_noun

    def piece_of(text: str, piece: str) -> str:
        if "-" in text:
            return "-".join(piece_of(part, words.extractor.word(part)[2]) or part.lower()
                            for part in text.split("-"))
        kind = words.extractor.word(text)[1]
        lower = words.extractor.word(text.lower())
        if len(text) > 1 and text.isupper() and lower[1] == WORD:
            kind, piece = lower[1:]
        if words.lang != "en":
            return piece
        return ing_noun(text.lower(), _other_word(text.lower(), kind, piece,
                                                   words.extractor.stop))

    tokens = words.extractor.tokens(chunk)
    pieces: list = []
    end = 0
    for token in tokens:
        if token.start > end:
            pieces.append(_BREAK)
        text = chunk[token.start:token.end]
        piece = piece_of(text, token.piece)
        if piece:
            pieces.append(piece)
        end = token.end
    if end < len(chunk):
        pieces.append(_BREAK)
    return tuple(pieces)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_chunk_has_the_pieces_of_the_extractors_tokens(lang, europarl_units):
    from tmx_export.check.terms import _Words

    words = _Words(lang)
    texts = [u.source if lang == "en" else u.target for u in europarl_units]
    chunks = {chunk for text in texts for chunk in text.split()}
    # words of every kind str.isalnum() and the tokeniser's [^\W_] must agree on: digits of
    # other scripts, superscripts, circled numbers, combining accents, underscores, joiners
    chunks |= {"Straße", "x²", "①", "١٢٣", "e\u0301te\u0301", "a_b", "l'Union", "L’accord",
               "know-how", "Parliament's", "(COM(1999)", "34.", "CE", "SME", "qu'aujourd'hui",
               "«", "...", "œuvre", "Ⅻ", "ǅemal", "\u00ad", "x\u200by", "ÉTATS", "RULES",
               "US", "(MEMBRES,", "L'UNION"}
    assert len(chunks) > 500
    for chunk in chunks:
        assert words._chunk(chunk) == _pieces_through_tokens(words, chunk), chunk


def test_a_rendering_met_before_is_found_as_a_word_of_the_target_only():
    # once "accord" is met as a chunk, a target holding " accord " needs no tokenising
    # (TermChecker._written); "désaccord" holds its letters, not the word, and a rendering
    # after a line break, or in a form not met yet, is found by tokenising the target
    checker = TermChecker([TermEntry("agreement", ("accord",))], "en-GB", "fr-FR")

    def found(source: str, target: str) -> list[tuple[str, str]]:
        return [(f.check, f.item)
                for f in checker.check(Pair(source, target, "en-GB", "fr-FR"))]

    assert found("The agreement holds.", "Un accord tient.") == []
    assert checker._target.forms["accord"] == [" accord "]
    assert found("The agreement holds.", "Un désaccord tient.") == [
        ("term-missing", "agreement")]
    assert found("The agreement holds.", "Un\naccord tient.") == []
    assert found("Agreements hold.", "Des accords, enfin.") == []
    assert checker._target.forms["accord"] == [" accord ", " accords, "]
    assert found("Agreements hold.", "Des désaccords, enfin.") == [
        ("term-missing", "agreement")]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_chunk_is_remembered_with_its_pieces(lang, europarl_units):
    # a chunk of one word, maybe with a mark after it, skips the tokeniser
    # (_Words._one_word): the same pieces as the long way (_Words._chunk), those of no key
    # as _OTHER; an article after "de" gives no piece, a mark a break
    from tmx_export.check.terms import _BREAK, _OTHER, _Words

    words = _Words(lang)
    texts = [u.source if lang == "en" else u.target for u in europarl_units]
    chunks = {chunk for text in texts for chunk in text.split()}
    chunks |= {"la", "la,", "les.", "de", "d'", "l'", "x²,", "①.", "ÉTATS,", "US.", "CE,",
               "État(s)", "membre(", "value-", "chain'", "Parliament's,", "II.", "«", "a",
               "a.", "l'Union,", "(COM(1999)", "...", "-", "34.", "valeur»", "clusters,"}
    relevant = {"value", "chain", "valeur", "chaîne", "état", "membre", "union", "cluster",
                "parliament", "parlement", "commission", "president", "président"}
    words.only(relevant)
    assert len(chunks) > 500
    for chunk in chunks:
        expected = tuple(piece if piece is _BREAK or piece in relevant else _OTHER
                         for piece in words._chunk(chunk))
        assert words._remembered(chunk) == expected, chunk
    if lang == "en":
        assert words._remembered("chains,") == ("chain", _BREAK)
        assert words._remembered("la,") == (_OTHER, _BREAK)
    else:
        assert words._remembered("chaînes,") == ("chaîne", _BREAK)
        assert words._remembered("la,") == (_BREAK,)


def test_a_target_tokenised_when_needed_gives_the_spans_of_its_pieces(europarl_units):
    # the checker makes a target's pieces in order only when a key needs their places
    from tmx_export.check.terms import _Text

    checker = TermChecker([VALUE_CHAIN, CLUSTER, TermEntry("Madam President", (
        "Madame la Présidente",), ("Madame le Président",))], "en-GB", "fr-FR")
    chunk = checker._target_chunk
    for unit in europarl_units:
        pieces = checker._target.pieces(unit.target)
        plain = _Text(pieces)
        lazy = _Text(None, set(pieces), unit.target, chunk)
        assert lazy.present == plain.present
        for key in checker._target_keys:
            assert lazy.holds(key) == plain.holds(key)
            assert lazy.spans(key) == plain.spans(key)
        assert lazy.pieces == pieces


def _committee_unit() -> Pair:
    """A Europarl paragraph where "a committee of experts" is "un comité d'experts"."""
    folder = DATA / "europarl-sessions"
    en, fr = ([line for line in (folder / f"ep-00-01-17.{lang}.txt").read_text(
        encoding="utf-8").split("\n") if line.strip()] for lang in ("en", "fr"))
    n = next(n for n, text in enumerate(en) if "a committee of experts" in text)
    assert "un comité d'experts" in fr[n]
    return Pair(en[n], fr[n], "en-GB", "fr-FR", tuid=str(n + 1))


# Two approved renderings of the lemma "committee": an EP committee is a "commission",
# other committees "comités"; a third term in lower case (the capital rule then holds).
COMMITTEE_PAIRS = [("Committee", "commission"), ("committee", "comité"),
                   ("transport of dangerous goods", "transport de marchandises dangereuses")]


@pytest.mark.parametrize("order", [1, -1], ids=["capitalised-first", "lower-case-first"])
def test_a_lower_case_term_matches_any_case_whatever_comes_first(tmp_path, order):
    """The entry of a lemma was named by its first pair: with "Committee" -> "commission"
    first, the approved "committee" -> "comité" no longer matched "committee" in lower
    case, so a glossary's row order, or a termbase against the TBX written from it, gave
    different findings."""
    # the Commission named otherwise (its "commission" would be the rendering found), then
    # the committee of experts become a "groupe"
    unit = plant(_committee_unit(), "Commission", "Exécutif")
    planted = plant(unit, "un comité d'experts", "un groupe d'experts")
    glossary = tmp_path / "glossary.tsv"
    glossary.write_text("source\ttarget\n" + "".join(
        f"{s}\t{t}\n" for s, t in COMMITTEE_PAIRS[:2][::order] + COMMITTEE_PAIRS[2:]),
        encoding="utf-8")
    db = tmp_path / "terms.db"
    english, french = Extractor("en-GB"), Extractor("fr-FR")
    with Termbase(db) as termbase:
        for source, target in COMMITTEE_PAIRS[:2][::order] + COMMITTEE_PAIRS[2:]:
            pair = TermPair("en-GB", "fr-FR", english.key(source), french.key(target), source,
                            target)
            termbase.set_status(termbase.add_pair(pair), "approved")
        pairs = termbase.pairs()
    tbx = tmp_path / "terms.tbx"
    write_tbx(pairs, tbx, version=2)
    for source in (glossary, db, tbx):
        checker = TermChecker(load_terms(source, "en-GB", "fr-FR"), "en-GB", "fr-FR")
        assert checker.check(unit) == [], source
        assert [(f.check, f.item) for f in checker.check(planted)] == [
            ("term-missing", "committee")], source


def test_a_glossary_in_another_language_pair_without_named_columns_is_refused(tmp_path):
    """A glossary headed `source,target` (as `terms --csv` wrote it before its header named
    the languages) names no language: an EN -> DE glossary (the terms of the DGT-TM
    exports, as terms extracted them) given to an EN -> FR check had every German term
    reported missing from the French text, and anchored nothing in a build. Its terms'
    words tell the language: refused, as a header naming it is."""
    dgt = sorted((DATA / "tmx" / "dgt-tm").glob("*.tmx"))
    german = tmp_path / "en-de.csv"
    write_glossary(run_terms([str(path) for path in dgt], source_lang="en-GB",
                             target_lang="de-DE"), german, "source", "target")
    assert german.read_text(encoding="utf-8-sig").startswith("source,target,")
    with pytest.raises(InputError, match=r"the glossary's target terms read as de, not fr-FR "
                                         r"\(its header names no language"):
        load_terms(german, "en-GB", "fr-FR")
    assert read_glossary_table(german, "en-GB", "de-DE")  # in its own pair it is read
    french = tmp_path / "en-fr.csv"
    write_glossary(run_terms([str(path) for path in dgt]), french, "source", "target")
    assert read_glossary_table(french, "en-GB", "fr-FR")
    with pytest.raises(InputError, match="target terms read as fr, not de-DE"):
        read_glossary_table(french, "en-GB", "de-DE")


def test_a_glossary_of_terms_with_superscripts_is_read_without_wordfreqs_tokenizer(tmp_path):
    """A glossary whose header names no language has its terms' words weighed: "m²" (a
    word wordfreq's tokenizer cuts) cost the run wordfreq's import, a tenth of a second
    before any unit was checked, though the other words alone said the glossary is the
    pair's. The same glossary is read, and the terms the same."""
    import subprocess
    import sys

    path = tmp_path / "climate.tsv"
    path.write_text("source\ttarget\nCO₂ emissions\témissions de CO₂\ngreenhouse gas\tgaz à "
                    "effet de serre\nclimate change\tchangement climatique\nrenewable energy\t"
                    "énergie renouvelable\nenergy efficiency\tefficacité énergétique\n"
                    "floor area in m²\tsurface en m²\n",
                    encoding="utf-8")
    code = ("import sys\n"
            "from tmx_export.check.terms import load_terms\n"
            f"entries = load_terms({str(path)!r}, 'en-GB', 'fr-FR')\n"
            "print(len(entries), 'wordfreq' in sys.modules)\n")
    assert len(load_terms(path, "en-GB", "fr-FR")) == 6  # (the run's cache filled first)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.split() == ["6", "False"]


def test_synonyms_in_one_glossary_cell_are_each_a_term(tmp_path, seed_unit):
    """Term lists keep synonyms in one cell ("value chain; value chains"): read whole, the
    cell matched no text, and the check reported nothing however the unit was translated."""
    path = tmp_path / "synonyms.csv"
    path.write_text("English;French\ncluster;\"conglomérat; pôle d'entreprises\"\n"
                    "\"value chain; supply chain\";chaîne de valeur\n", encoding="utf-8")
    entries = load_terms(path, "en-GB", "fr-FR")
    assert entries == [TermEntry("cluster", ("conglomérat", "pôle d'entreprises")),
                       TermEntry("value chain", ("chaîne de valeur",)),
                       TermEntry("supply chain", ("chaîne de valeur",))]
    assert check(entries, seed_unit) == []
    missing = plant(seed_unit, "conglomérats", "grappes")
    assert check(entries, missing) == [
        ("term-missing", "cluster", "conglomérat | pôle d'entreprises")]


def test_a_terms_csv_edited_in_a_spreadsheet_is_read_back_in_either_direction(tmp_path):
    """`terms --csv` headed its term columns `source` and `target`: given to a French ->
    English check, the glossary was read as French -> English, "value chain" taken for
    the French term, and every English term reported missing from the English side. Its
    header names the run's languages now, so the file a terminologist approved and saved
    from a French Excel (Windows code page, semicolons, CRLF) is read as the same pairs,
    turned round for the other direction, every accent kept."""
    from click.testing import CliRunner

    from tmx_export.cli import main

    glossary = tmp_path / "g.csv"
    result = CliRunner().invoke(main, ["terms", str(SEED), "--csv", str(glossary)])
    assert result.exit_code == 0, result.output
    with glossary.open(encoding="utf-8-sig", newline="") as handle:
        header, *rows = csv.reader(handle)
    assert header[:2] == ["en-GB", "fr-FR"]
    for row in rows:
        row[4] = "approved"
    saved = tmp_path / "saved.csv"
    with saved.open("w", encoding="cp1252", newline="") as handle:
        csv.writer(handle, delimiter=";", lineterminator="\r\n").writerows([header, *rows])
    pairs = {(row[0], row[1]) for row in rows}
    assert ("value chain", "chaîne de valeur") in pairs
    forward = read_glossary_table(saved, "en-GB", "fr-FR")
    assert {(entry.source, entry.target) for entry in forward} == pairs
    backward = read_glossary_table(saved, "fr-FR", "en-GB")
    assert {(entry.target, entry.source) for entry in backward} == pairs
    assert {entry.status for entry in forward + backward} == {"approved"}
    # the French -> English check of the seed finds its terms where they are
    french_first = run_check_cli(SEED, saved, "fr-FR", "en-GB")
    assert french_first.exit_code == 0, french_first.output
    assert "term-missing" not in french_first.stdout


def run_check_cli(memory: Path, glossary: Path, source_lang: str, target_lang: str):
    from click.testing import CliRunner

    from tmx_export.cli import main

    return CliRunner().invoke(main, ["check", str(memory), "--glossary", str(glossary),
                                     "--checks", "term-missing", "--source-lang", source_lang,
                                     "--target-lang", target_lang])


def test_an_english_term_in_ing_is_not_its_verb(tmp_path):
    """The extractor keys "reporting" as "report" and "planning" as "plan": a glossary's
    "reporting" was found in every "report" of the DGT-TM pairs (tests/data/README.md), and
    reported missing there; only the unit that writes "reporting" and renders it otherwise
    ("la déclaration") is a finding now."""
    glossary = tmp_path / "glossary.tsv"
    glossary.write_text("en-GB\tfr-FR\nreporting\tcompte rendu\nplanning\tplanification\n",
                        encoding="utf-8")
    result = run_check_cli(DATA / "check_ing_terms_en_fr.tsv", glossary, "en-GB", "fr-FR")
    assert result.exit_code == 1, result.output
    assert [line.split("\t")[:4] for line in result.stdout.splitlines()] == [
        ["7", "term-missing", "error", "reporting"]]
    words = TermChecker([], "en-GB", "fr-FR")._source
    assert words.key("reportings") == words.key("Reporting") == ("reporting",)
    assert words.key("things") == ("thing",)  # its own lemma: unchanged


def test_an_english_term_read_as_another_function_word_is_itself(tmp_path):
    """The lemmatiser reads "em" as "they": the typographers' "em" of a TBX (an SDLX
    termbase, tests/data/README.md) was found in "them" and "they" of the DGT-TM memory and
    reported missing there."""
    result = run_check_cli(DATA / "check_em_en_de.tsv", DATA / "tbx" / "Unknown_Dialect1-em.tbx",
                           "en-GB", "de-DE")
    assert result.exit_code == 0, result.output
    assert "term-missing" not in result.stdout
    words = TermChecker([], "en-GB", "fr-FR")._source
    assert words.key("em") == ("em",) and words.key("elder") == ("elder",)
    # an inflection keeps its lemma: "financial years" holds "financial year"
    assert words.key("years") == ("year",) and words.key("held") == ("hold",)


def test_a_german_compound_holds_its_parts_terms(tmp_path):
    """German writes a term inside a compound ("Agreement Area" -> "Übereinkommensgebiet",
    "EU Party" -> "EU-Vertragspartei", "IEC 61162 series" -> "IEC-Reihe 61162"; DGT-TM units,
    tests/data/README.md): those were reported missing. A term no compound holds ("This
    Decision shall be effective ..." -> "Er tritt ... in Kraft") still is."""
    glossary = tmp_path / "glossary.tsv"
    glossary.write_text("en-GB\tde-DE\nAgreement\tÜbereinkommen\nParty\tVertragspartei\n"
                        "IEC\tIEC\ndecision\tBeschluss\n", encoding="utf-8")
    result = run_check_cli(DATA / "check_compounds_en_de.tsv", glossary, "en-GB", "de-DE")
    assert result.exit_code == 1, result.output
    assert [line.split("\t")[:4] for line in result.stdout.splitlines()] == [
        ["4", "term-missing", "error", "decision"]]
    from tmx_export.check.terms import _compound_part

    assert _compound_part("beschluss", "beschlussfassung", "de")  # first part, then a word
    assert not _compound_part("rat", "ratifizierung", "de")  # too short to be looked for
    assert not _compound_part("protokoll", "protokollxyz", "de")  # no word after it


def test_a_german_adjective_and_noun_are_found_fused_in_a_compound(tmp_path):
    """DGT-TM writes "high seas" as "Hochseefischerei", "Hochseegewässer", "Hochseeteil"
    (tests/data/README.md): an approved "high seas -> Hohe See" was reported missing in
    each (10 units of its memories in German). The planted synonym ("Teil der offenen
    See") is still a finding."""
    glossary = tmp_path / "glossary.tsv"
    glossary.write_text("en-GB\tde-DE\nhigh seas\tHohe See\n", encoding="utf-8")
    result = run_check_cli(DATA / "check_fused_en_de.tsv", glossary, "en-GB", "de-DE")
    assert result.exit_code == 1, result.output
    assert [line.split("\t")[:5] for line in result.stdout.splitlines()] == [
        ["4", "term-missing", "error", "high seas", "Hohe See"]]


def test_a_modifier_and_noun_term_is_found_before_a_compound_the_noun_begins(tmp_path):
    """DGT-TM writes "scientific research activities" in Dutch as "wetenschappelijke
    onderzoeksactiviteiten" (tests/data/README.md): an approved "scientific research ->
    wetenschappelijk onderzoek" was reported missing in both units. The planted error
    (the modifier left out) is still a finding."""
    glossary = tmp_path / "glossary.tsv"
    glossary.write_text("en-GB\tnl-NL\nscientific research\twetenschappelijk onderzoek\n",
                        encoding="utf-8")
    result = run_check_cli(DATA / "check_modified_compound_en_nl.tsv", glossary, "en-GB",
                           "nl-NL")
    assert result.exit_code == 1, result.output
    assert [line.split("\t")[:5] for line in result.stdout.splitlines()] == [
        ["3", "term-missing", "error", "scientific research", "wetenschappelijk onderzoek"]]


def test_a_polish_term_is_found_in_the_cases_the_lemmatiser_reads_as_other_lemmas(tmp_path):
    """The lemmatiser reads Polish "prawa" (of the law) and "porządki" (agendas) as lemmas
    of their own, not as "prawo" and "porządek": DGT-TM's "prawa międzynarodowego" and
    "wstępne porządki obrad" (tests/data/README.md) were reported missing the approved
    "prawo międzynarodowe" and "porządek obrad", a false alarm in every unit. The planted
    synonym ("ustawodawstwa międzynarodowego") is still a finding."""
    glossary = tmp_path / "glossary.tsv"
    glossary.write_text("en-GB\tpl-PL\ninternational law\tprawo międzynarodowe\n"
                        "agenda\tporządek obrad\n", encoding="utf-8")
    result = run_check_cli(DATA / "check_cases_en_pl.tsv", glossary, "en-GB", "pl-PL")
    assert result.exit_code == 1, result.output
    assert [line.split("\t")[:5] for line in result.stdout.splitlines()] == [
        ["6", "term-missing", "error", "international law", "prawo międzynarodowe"]]
    words = TermChecker([], "en-GB", "pl-PL")._target
    # an adjective's forms are none of a noun's: "techniczny" is no "technicznie"
    assert words.keys("techniczny") == [("techniczny",)]
    # ("porządki" is keyed as its singular: the dictionary lists it apart, a plural)
    assert set(words.keys("porządki obrad")) & set(words.keys("porządek obrad"))


def test_a_glossary_headed_in_polish_spanish_or_italian_is_read_by_its_header(tmp_path):
    """A Polish terminologist's glossary heads its columns "polski" and "angielski", Polish
    first: only "polski" was a known name, the header was read as a pair, and the glossary
    the wrong way round without a word, its Polish terms looked for in the English source
    of the DGT-TM units (tests/data/README.md): nothing was checked, exit status 0. It is
    now turned round, said on stderr, and the planted synonym is found."""
    from tmx_export.lang import tag_of_name

    glossary = tmp_path / "glossary.tsv"
    glossary.write_text("polski\tangielski\nprawo międzynarodowe\tinternational law\n"
                        "porządek obrad\tagenda\n", encoding="utf-8")
    result = run_check_cli(DATA / "check_cases_en_pl.tsv", glossary, "en-GB", "pl-PL")
    assert result.exit_code == 1, result.output
    assert [line.split("\t")[:5] for line in result.stdout.splitlines()] == [
        ["6", "term-missing", "error", "international law", "prawo międzynarodowe"]]
    assert "the glossary is pl -> en: read turned round" in result.stderr
    # as memoQ or Excel in those languages head them, a region in brackets too
    assert [tag_of_name(name) for name in (
        "Inglés (Reino Unido)", "Español (España)", "Inglese", "italiano (Italia)",
        "angielski (Wielka Brytania)", "Polski (Polska)", "alemán", "tedesco",
        "niemiecki")] == ["en-GB", "es-ES", "en", "it-IT", "en-GB", "pl-PL", "de", "de", "de"]
