"""Term extraction, termbase, review file and CLI on the seed paragraph (real EP text)."""

from __future__ import annotations

import codecs
import csv
import dataclasses
import os
import re
import sqlite3
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree
from openpyxl import load_workbook

from tmx_export import pipeline
from tmx_export.cli.terms import terms_command as terms
from tmx_export.errors import InputError
from tmx_export.model import Pair
from tmx_export.terms import Document, Termbase, extract_terms, fingerprint, piece_spans
from tmx_export.terms.associate import _Scanner
from tmx_export.terms.candidates import WORD, Extractor
from tmx_export.terms.citation import citation_form
from tmx_export.terms.rank import _name_like_terms, _no_noun
from tmx_export.terms.review import apply_review, write_review
from tmx_export.terms.run import read_term_units
from tmx_export.terms.termbase import SCHEMA_VERSION
from tmx_export.terms.termpair import TermPair
from tmx_export.terms.units import split_clauses

DATA = Path(__file__).parent / "data"
SEED_DUMP = DATA / "terms_seed_dump.txt"


def seed_pair(file: str = "ep-34.txt") -> Pair:
    with (DATA / "terms_seed_pair.tsv").open(encoding="utf-8", newline="") as handle:
        row = next(csv.DictReader(handle, delimiter="\t"))
    return Pair(row["source"], row["target"], "en-GB", "fr-FR", number=34, file=file, line=1,
                tuid="1")


@pytest.fixture(scope="module")
def seed_terms():
    return extract_terms([seed_pair()])


def test_seed_splits_into_five_clause_pieces():
    pair = seed_pair()
    pieces = piece_spans(pair.source, pair.target)
    assert len(pieces) == 5
    sources = [pair.source[a:b] for (a, b), _ in pieces]
    targets = [pair.target[a:b] for _, (a, b) in pieces]
    assert sources[0].startswith("Calls on") and sources[0].endswith("research needs;")
    assert targets[0].endswith("de la recherche;")
    assert sources[4].startswith("encourages the Commission")
    assert targets[4].startswith("encourage la Commission")
    assert " ".join(sources) == pair.source  # the pieces cover the unit, nothing invented


def test_clause_split_needs_a_lower_case_word():
    text = "See Article 5; Article 6 applies."
    assert split_clauses(text) == [text]


def test_seed_top_two_pairs_with_counts_and_variants(seed_terms):
    first, second = seed_terms[:2]
    assert (first.source_term, first.target_term, first.count) == ("cluster", "conglomérat", 6)
    assert dict(first.source_variants) == {"cluster": 2, "clusters": 4}
    assert dict(first.target_variants) == {"conglomérats": 6}
    assert (second.source_term, second.target_term, second.count) == (
        "value chain", "chaîne de valeur", 2)
    assert dict(second.source_variants) == {"value chain": 1, "value chains": 1}
    assert dict(second.target_variants) == {"chaîne de valeur": 1, "chaînes de valeur": 1}
    assert second.pos == "noun"


def test_seed_contexts_are_clauses_of_the_unit_with_its_tuid(seed_terms):
    value_chain = seed_terms[1]
    pair = seed_pair()
    assert [c.tuid for c in value_chain.contexts] == ["1", "1"]  # one unit, two clauses
    assert value_chain.contexts[0].source != value_chain.contexts[1].source
    for context in value_chain.contexts:
        assert context.source in pair.source and context.target in pair.target
        s0, s1 = context.source_span
        t0, t1 = context.target_span
        assert context.source[s0:s1].lower().startswith("value chain")
        assert context.target[t0:t1].lower().startswith("chaîne")


def _tmx_units(path: Path) -> dict[str, tuple[str, str]]:
    root = etree.parse(str(path)).getroot()
    units = {}
    for tu in root.iter("tu"):
        segs = ["".join(seg.itertext()) for seg in tu.iter("seg")]
        units[tu.get("tuid")] = (segs[0], segs[1])
    return units


@pytest.mark.parametrize("segment", ["sentence", "clause"])
def test_contexts_point_at_the_tmx_that_build_writes(tmp_path, segment):
    units, _ = read_term_units([str(SEED_DUMP)], segment=segment)
    found = extract_terms(units)
    tmx = tmp_path / "seed.tmx"
    pipeline.build([str(SEED_DUMP)], tmx, segment=segment)
    written = _tmx_units(tmx)
    cluster = found[0]
    assert (cluster.source_term, cluster.target_term, cluster.count) == (
        "cluster", "conglomérat", 6)
    assert cluster.contexts
    for context in (c for p in found for c in p.contexts):
        source, target = written[context.tuid]
        assert context.source in source and context.target in target
    tuids = {c.tuid for c in cluster.contexts}
    assert len(tuids) == (1 if segment == "sentence" else len(cluster.contexts))


def test_min_count_filters_rare_pairs(seed_terms):
    assert all(p.count >= 2 for p in seed_terms)
    strict = extract_terms([seed_pair()], min_count=4)
    assert [(p.source_term, p.target_term) for p in strict] == [("cluster", "conglomérat")]


def test_glossary_pair_recorded_at_count_one_with_inflection():
    units = [seed_pair()]
    plain = extract_terms(units)
    assert not any(p.source_lemma == "know-how transfer" for p in plain)
    found = extract_terms(units, glossary=[("know-how transfers", "transfert de savoir-faire")])
    glossary = [p for p in found if p.glossary]
    assert [(p.source_term, p.target_term, p.count) for p in glossary] == [
        ("know-how transfer", "transfert de savoir-faire", 1)]


def _decomposed(unit: Pair) -> Pair:
    """``unit`` with its accents decomposed (NFD), as macOS and some CAT tools' exports
    write them."""
    return dataclasses.replace(unit, source=unicodedata.normalize("NFD", unit.source),
                               target=unicodedata.normalize("NFD", unit.target))


def _found(pairs: list[TermPair]) -> list[tuple[object, ...]]:
    return [(p.source_term, p.target_term, p.count, round(p.score, 6), p.glossary,
             dict(p.source_variants), dict(p.target_variants)) for p in pairs]


def test_decomposed_accents_give_the_same_term_pairs():
    # "chai\u0302ne", "E\u0301tats": a word ended at its first accent, so an NFD memory gave
    # "glement" for "règlement" and no pair with an accented word, not even a glossary's
    units, _ = read_term_units([str(SEED_DUMP)])
    decomposed = [_decomposed(unit) for unit in units]
    assert any(unit.target != composed.target
               for unit, composed in zip(decomposed, units, strict=True))
    glossary = [("know-how transfer", "transfert de savoir-faire"),
                ("value chain", "chaîne de valeur")]
    nfd_glossary = [tuple(unicodedata.normalize("NFD", term) for term in pair)
                    for pair in glossary]
    expected = extract_terms(units, glossary=glossary)
    assert ("value chain", "chaîne de valeur") in [(p.source_term, p.target_term)
                                                   for p in expected]
    for given, known in ((decomposed, glossary), (decomposed, nfd_glossary),
                         (units, nfd_glossary)):
        found = extract_terms(given, glossary=known)
        # the terms are written composed (NFC), as one spelling, whatever the input's
        assert _found(found) == _found(expected)
        for pair, composed in zip(found, expected, strict=True):
            assert len(pair.contexts) == len(composed.contexts)
            for context, other in zip(pair.contexts, composed.contexts, strict=True):
                # a context is the text as written, its spans on the whole words
                assert any(context.target in unit.target for unit in given)
                for side in ("source", "target"):
                    text, span = getattr(context, side), getattr(context, f"{side}_span")
                    assert unicodedata.normalize("NFC", text[span[0]:span[1]]) == getattr(
                        other, side)[slice(*getattr(other, f"{side}_span"))]


def test_competing_translations_and_inconsistency():
    units = [
        Pair("The cluster policy works.", "La politique des conglomérats fonctionne.",
             "en-GB", "fr-FR", file="a", tuid="1"),
        Pair("Each cluster grows.", "Chaque conglomérat grandit.", "en-GB", "fr-FR", file="a",
             tuid="2"),
        Pair("A cluster of firms.", "Une grappe d'entreprises.", "en-GB", "fr-FR", file="a",
             tuid="3"),
        Pair("The cluster is large.", "Le conglomérat est grand.", "en-GB", "fr-FR", file="b",
             tuid="4"),
    ]
    found = extract_terms(units, min_count=2, glossary=[("cluster", "grappe")])
    cluster = next(p for p in found if p.target_lemma == "conglomérat")
    assert cluster.count == 3
    assert cluster.translations() == [("conglomérat", 3), ("grappe", 1)]
    # one stray rendering is listed, but is no rival: no inconsistency flag
    assert not cluster.inconsistent
    assert dict(cluster.documents) == {"a": 2, "b": 1}
    # a rendering with real support is
    more = [Pair(f"The cluster number {n} is here.", f"La grappe numéro {n} est ici.",
                 "en-GB", "fr-FR", file="c", tuid=str(5 + n)) for n in range(3)]
    found = extract_terms(units + more, min_count=2, glossary=[("cluster", "grappe")])
    cluster = next(p for p in found if p.target_lemma == "conglomérat")
    assert cluster.translations() == [("grappe", 4), ("conglomérat", 3)]
    assert cluster.inconsistent and [r.target_term for r in cluster.rivals()] == ["grappe"]


def test_french_patterns_and_citation_forms():
    fr = Extractor("fr-FR")
    keys = {o.key for o in fr.candidates(fr.tokens(
        "des conseillers à la sécurité pour le transport des marchandises dangereuses"))}
    assert "conseiller à sécurité" in keys
    assert "marchandise dangereux" in keys
    assert not any(k.startswith(("de ", "à ")) or k.endswith((" de", " à")) for k in keys)


# "N of N" terms, on real text: Europarl (ep-00-01-17) and DGT-TM 2019 (22019D0438,
# 22019D1035, 22019A0315(01))
EP_AGENDA = ("The next item is the verification of the final version of the draft agenda as "
             "drawn up by the Conference of Presidents at its meeting of 13 January pursuant "
             "to Rule 110 of the Rules of Procedure.")


def _keys(text: str) -> dict[str, bool]:
    """The candidates of an English text: key -> in head position (somewhere)."""
    en = Extractor("en-GB")
    keys: dict[str, bool] = {}
    for occurrence in en.candidates(en.tokens(text)):
        keys[occurrence.key] = keys.get(occurrence.key, False) or occurrence.head
    return keys


def test_noun_of_noun_candidates():
    keys = _keys(EP_AGENDA)
    assert keys["conference of president"] and keys["rule of procedure"]
    # "of the" + a particular thing is no term; nor is a number ("meeting of 13 January")
    assert not [k for k in keys if " of " in k and k not in ("conference of president",
                                                             "rule of procedure")]
    keys = _keys("the 1995 Code of Conduct for Responsible Fisheries and other instruments")
    assert keys["code of conduct"]
    keys = _keys("As you know, it is up to each State to redistribute part of the total "
                 "appropriation. It is one of the steps towards a policy of employment")
    assert not [k for k in keys if k.startswith(("part ", "one "))]
    # the complement is one or two words, in head position when its run ends there:
    # "transport of dangerous goods" and "dangerous goods" are terms, "transport of
    # dangerous" no head
    keys = _keys("the transport of dangerous goods by road")
    assert keys["dangerous good"] and keys["transport of dangerous good"]
    assert not keys["transport of dangerous"]
    # "into" links too: "entry into force"
    keys = _keys("Rules on the entry into force of this Decision")
    assert keys["entry into force"]
    # a noun after a modifier takes no complement: a fragment of a name or of a free
    # combination ("States of America"), whose parts are terms already
    keys = _keys("the United States of America and the Joint Program of Scientific Research")
    assert not [k for k in keys if " of " in k]


def test_complement_of_into_heads_no_noun_of_noun_term() -> None:
    # DGT-TM (EEA Joint Committee decisions): "entry into force" is the term, and "date of
    # entry" a candidate still; "force of Decision", the tail of the fixed phrase, was a
    # candidate, paired with "vigueur de la décision" among the top pairs of DGT-TM
    text = ("or the date of entry into force of Decision of the EEA Joint Committee No "
            "84/2019 of 29 March 2019, whichever is the later")
    keys = _keys(text)
    assert keys["entry into force"] and "date of entry" in keys
    assert not [key for key in keys if key.startswith("force ")]
    # the corpus scanner finds the same
    scanner = _Scanner(Extractor("en-GB"))
    scanner.add(text)
    side = scanner.side()
    assert side.lookup("entry into force") is not None
    assert side.lookup("force of decision") is None

def _dgt_excerpt() -> list[Pair]:
    rows = [
        ("In this Code of Conduct:", "Aux fins du présent code de conduite, on entend par:"),
        ("get acquainted with this Code of Conduct;",
         "prend connaissance du présent code de conduite;"),
        ("This Code of Conduct shall apply to mediators, mutatis mutandis.",
         "Le présent code de conduite s'applique mutatis mutandis aux médiateurs."),
        ("Each former arbitrator shall comply with the obligations set out in Article 6 of "
         "this Code of Conduct.", "Chaque ancien arbitre respecte les obligations visées à "
         "l'article 6 du présent code de conduite."),
        ("Pursuant to Article 21.30, the Joint Committee is to adopt the Rules of Procedure of "
         "a Panel and the Code of Conduct for Arbitrators,", "Conformément à l'article 21.30, "
         "le comité mixte doit adopter le règlement intérieur d'un groupe spécial et le code de "
         "conduite des arbitres,"),
        ("on the adoption of the Rules of Procedure for dispute avoidance and settlement and "
         "the Code of Conduct for arbitrators and mediators [2019/438]", "concernant "
         "l'adoption du règlement intérieur régissant la prévention et le règlement des "
         "différends et du code de conduite à l'intention des arbitres et des médiateurs "
         "[2019/438]"),
    ]
    return [Pair(en, fr, "en-GB", "fr-FR", file="dgt", line=n, tuid=str(n))
            for n, (en, fr) in enumerate(rows, 1)]


def _dgt_units() -> list[Pair]:
    """The DGT-TM EN-GB/FR-FR pairs of tests/data, whose headings are in capitals."""
    path = DATA / "tmx" / "dgt-tm" / "expected_en-gb_fr-fr.tsv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [Pair(row["en_gb"], row["fr_fr"], "en-GB", "fr-FR", file=row["file"], line=n,
                 tuid=str(n)) for n, row in enumerate(rows, 2)]


def test_words_of_a_heading_in_capitals_are_ordinary_words() -> None:
    all_units = _dgt_units()
    units = {unit.source: unit for unit in all_units}
    en, fr = Extractor("en"), Extractor("fr")
    # "HAS" and "THIS" are no acronyms, "RULES" is the plural of "rule"
    assert "HAS ADOPTED THIS DECISION:" in units
    adopted = en.tokens("HAS ADOPTED THIS DECISION:")
    assert [o.key for o in en.candidates(adopted)] == ["decision"]
    heading = "RULES OF PROCEDURE OF THE JOINT COUNCIL"
    assert en.key("Rules of Procedure") == "rule of procedure"
    assert [o.key for o in en.candidates(en.tokens(heading))][:2] == [
        "rule", "rule of procedure"]
    french = units[heading].target  # "RÈGLEMENT INTÉRIEUR DU CONSEIL CONJOINT"
    assert "règlement intérieur" in [o.key for o in fr.candidates(fr.tokens(french))]
    # acronyms in ordinary text stay acronyms, whatever their letters
    text = next(source for source in units if "(‘EU’)" in source)
    acronyms = {t.lower: t for t in en.tokens(text) if t.lower in ("eu", "sadc", "epa")}
    assert {(t.kind, t.piece) for t in acronyms.values()} == {
        ("w", "eu"), ("w", "sadc"), ("w", "epa")}
    assert [t.piece for t in en.tokens("CHAPTER III")] == ["chapter", "iii"]  # a number
    assert [t.piece for t in en.tokens("US")] == ["us"]  # alone, short: an acronym still
    # the heading counts for "Rules of Procedure" in the pairs
    found = {(p.source_lemma, p.target_lemma): p for p in extract_terms(all_units)}
    assert found[("rule of procedure", "règlement intérieur")].count == 5
    assert not {key for key in found if key[0] in ("has", "this")}


def _europarl_session() -> list[Pair]:
    folder = DATA / "europarl-sessions"
    en, fr = ([line for line in (folder / f"ep-00-01-17.{lang}.txt").read_text(
        encoding="utf-8").split("\n") if line.strip()] for lang in ("en", "fr"))
    return [Pair(s, t, "en-GB", "fr-FR", file="ep-00-01-17", line=n, tuid=str(n))
            for n, (s, t) in enumerate(zip(en, fr, strict=True), 1)]


def test_noun_of_noun_terms_pair_with_their_french_terms():
    found = {(p.source_lemma, p.target_lemma): p for p in extract_terms(_dgt_excerpt())}
    code = found[("code of conduct", "code de conduite")]
    assert (code.source_term, code.target_term, code.count) == (
        "Code of Conduct", "code de conduite", 6)
    rules = found[("rule of procedure", "règlement intérieur")]
    # a capitalised plural head never written in the singular: a name, kept plural
    assert (rules.source_term, rules.count) == ("Rules of Procedure", 2)
    # no fragment of them is paired instead
    assert not {("code", "code"), ("conduct", "conduite")} & set(found)
    found = {(p.source_lemma, p.target_lemma): p for p in extract_terms(_europarl_session())}
    presidents = found[("conference of president", "conférence de président")]
    assert (presidents.source_term, presidents.target_term, presidents.count) == (
        "Conference of Presidents", "Conférence des présidents", 5)
    # an "of" phrase that is a term itself takes the links where it stands; the term it
    # holds is linked there too, nested (issue 11), and wherever it stands alone; no
    # fragment ("transport of dangerous") takes any
    whole = found[("transport of dangerous good", "transport de marchandise dangereux")]
    assert (whole.source_term, whole.target_term) == ("transport of dangerous goods",
                                                      "transport de marchandises dangereuses")
    assert whole.count == 13
    assert found[("dangerous good", "marchandise dangereux")].count == 20
    assert not [key for key in found if key[0] == "transport of dangerous"]


def _dgt_documents() -> list[Pair]:
    """The DGT-TM 2019 excerpt of tests/data (five documents, as pairs)."""
    path = DATA / "tmx" / "dgt-tm" / "expected_en-gb_fr-fr.tsv"
    with path.open(encoding="utf-8", newline="") as handle:
        return [Pair(row["en_gb"], row["fr_fr"], "en-GB", "fr-FR", file=row["doc_no"],
                     line=int(row["tu_index"]), tuid=f"{row['doc_no']}-{row['tu_index']}")
                for row in csv.DictReader(handle, delimiter="\t")]


def test_terms_used_as_modifiers_are_candidates_in_head_position():
    # "conformity assessment" is mostly a modifier ("conformity assessment procedures"):
    # an English compound at the start of a run counts as in head position (issue 11),
    # a single word there does not
    en = Extractor("en")
    found = {o.key: o.head for o in en.candidates(en.tokens(
        "products and conformity assessment procedures, high seas fishing"))}
    assert found["conformity assessment"] and found["high sea"]
    assert not found["conformity"] and not found["high"] and not found["assessment"]
    assert found["assessment procedure"] and found["sea fishing"]  # they end the run


def test_nested_terms_are_paired_inside_longer_ones():
    # On real DGT-TM text: terms that occur mostly inside longer ones are linked there too
    # ("conformity assessment" in "Conformity Assessment Body", "... procedures"), while
    # the longer terms keep their own links
    found = {(p.source_lemma, p.target_lemma): p for p in extract_terms(_dgt_documents())}
    nested = found[("conformity assessment", "évaluation de conformité")]
    # 4 in "Conformity Assessment Body", 2 in "... procedures", 1 alone
    assert (nested.target_term, nested.count) == ("évaluation de la conformité", 7)
    assert found[("conformity assessment body", "organisme de évaluation de conformité")
                 ].count == 4
    assert found[("conformity assessment procedure",
                  "procédure de évaluation de conformité")].count == 2
    for key in (("high sea", "haut mer"), ("marine ecosystem", "écosystème marin")):
        assert key in found
    # a piece of one longer term only is no term: "seas portion" of "high seas portion"
    assert not [key for key in found if key[0] in ("sea portion", "assessment body")]


# Real DGT-TM 2019 pairs (22019A0315(01), the central Arctic Ocean fisheries agreement):
# "marine ecosystems" mostly inside "healthy marine ecosystems".
_MARINE_ECOSYSTEMS = [
    ("RECOGNIZING the crucial role of healthy and sustainable marine ecosystems and fisheries "
     "for food and nutrition;",
     "RECONNAISSANT le rôle crucial que revêtent des écosystèmes marins et des pêcheries sains "
     "et durables pour l'alimentation et la nutrition;"),
    ("RECOGNIZING the interests of Arctic residents, including Arctic indigenous peoples, in "
     "the long-term conservation and sustainable use of living marine resources and in "
     "healthy marine ecosystems in the Arctic Ocean and underlining the importance of "
     "involving them and their communities; and",
     "RECONNAISSANT les intérêts des résidents de l'Arctique, y compris des peuples "
     "autochtones de l'Arctique, dans la conservation à long terme et l'exploitation durable "
     "des ressources biologiques marines et dans la santé des écosystèmes marins de l'océan "
     "Arctique, et soulignant l'importance d'obtenir la participation de ces populations et "
     "de leurs communautés; et"),
    ("The objective of this Agreement is to prevent unregulated fishing in the high seas "
     "portion of the central Arctic Ocean through the application of precautionary "
     "conservation and management measures as part of a long-term strategy to safeguard "
     "healthy marine ecosystems and to ensure the conservation and sustainable use of fish "
     "stocks.",
     "Le présent Accord a pour objectif de prévenir la pêche non réglementée dans le secteur "
     "de la haute mer de l'océan Arctique central au moyen de mesures de précaution en "
     "matière de conservation et de gestion appliquées dans le cadre d'une stratégie à long "
     "terme visant à préserver la santé des écosystèmes marins et à assurer la conservation "
     "et l'exploitation durable des stocks de poissons."),
    ("The Parties shall ensure that their scientific research activities involving the "
     "catching of fish in the Agreement Area do not undermine the prevention of unregulated "
     "commercial and exploratory fishing and the protection of healthy marine ecosystems.",
     "Les Parties veillent à ce que leurs activités de recherche scientifique qui donnent "
     "lieu à la capture de poisson dans la zone visée par l'Accord ne compromettent pas la "
     "prévention de la pêche commerciale et exploratoire non réglementée et la protection de "
     "la santé des écosystèmes marins."),
    ("The Parties shall provide for an effective transition between this Agreement and any "
     "potential new agreement establishing an additional regional or subregional fisheries "
     "management organization or arrangement for managing fishing in the Agreement Area so "
     "as to safeguard healthy marine ecosystems and ensure the conservation and sustainable "
     "use of fish stocks in the Agreement Area.",
     "Les Parties assurent une transition effective entre le présent Accord et tout nouvel "
     "accord éventuel mettant en place une organisation ou un arrangement de gestion des "
     "pêcheries régional ou sous-régional supplémentaire pour la gestion de la pêche dans la "
     "zone visée par l'Accord afin de préserver la santé des écosystèmes marins et d'assurer "
     "la conservation et l'exploitation durable des stocks de poissons dans la zone visée "
     "par l'Accord."),
]


def test_free_modifier_is_no_part_of_a_term():
    # "healthy marine ecosystems" -> "santé des écosystèmes marins" (4 times) was a term of
    # its own, a free evaluative adjective glued to "marine ecosystem", and it took the
    # links of "marine ecosystem" -> "écosystème marin" but where nested; "healthy" bounds
    # candidates now, as "appropriate" and "effective" do, and the term is linked 5 times
    units = [Pair(en, fr, "en-GB", "fr-FR", file="22019A0315(01)", line=n, tuid=str(n))
             for n, (en, fr) in enumerate(_MARINE_ECOSYSTEMS, 1)]
    found = {(p.source_lemma, p.target_lemma): p for p in extract_terms(units)}
    pair = found[("marine ecosystem", "écosystème marin")]
    assert (pair.source_term, pair.target_term, pair.count) == (
        "marine ecosystem", "écosystème marin", 5)
    assert not [key for key in found if "healthy" in key[0]]
    # "former" and "following" too: "Each former arbitrator", "the following goods"
    en = Extractor("en")
    assert [o.key for o in en.candidates(en.tokens("Each former arbitrator shall"))] == [
        "arbitrator"]
    assert [o.key for o in en.candidates(en.tokens("the following goods"))] == ["good"]

def test_coordinated_adjectives_make_one_term():
    # "economic and social cohesion" / "cohésion économique et sociale" (issue 11), on a
    # real Europarl session; before, "social cohesion" was paired with "cohésion économique"
    en, fr = Extractor("en"), Extractor("fr")
    assert "economic and social cohesion" in {o.key for o in en.candidates(en.tokens(
        "strengthening economic and social cohesion"))}
    assert "cohésion économique et social" in {o.key for o in fr.candidates(fr.tokens(
        "renforcer la cohésion économique et sociale"))}
    # only adjectives are coordinated, and only after a word of the candidate (French)
    assert not [o for o in en.candidates(en.tokens("the Commission and Member States"))
                if " and " in o.key]
    assert not [o for o in fr.candidates(fr.tokens("la Commission et les États membres, "
                                                     "économique et sociale"))
                if " et " in o.key]
    found = {(p.source_lemma, p.target_lemma): p for p in extract_terms(_europarl_session())}
    pair = found[("economic and social cohesion", "cohésion économique et social")]
    assert (pair.source_term, pair.target_term, pair.count) == (
        "economic and social cohesion", "cohésion économique et sociale", 6)
    assert ("social cohesion", "cohésion économique") not in found


# Real DGT-TM 2019 pairs (22019D1356 ...): the EEA decisions name the languages of the texts.
_LANGUAGES = [
    ("The text of Implementing Regulation (EU) 2017/1145 in the Icelandic and Norwegian "
     "languages, to be published in the EEA Supplement to the Official Journal of the "
     "European Union, shall be authentic.",
     "Les textes du règlement d'exécution (UE) 2017/1145 en langues islandaise et "
     "norvégienne, à publier dans le supplément EEE du Journal officiel de l'Union "
     "européenne, font foi."),
    ("The texts of Regulation (EU) 2017/1432 and Implementing Regulations (EU) 2017/855 and "
     "(EU) 2017/856 in the Icelandic and Norwegian languages, to be published in the EEA "
     "Supplement to the Official Journal of the European Union, shall be authentic.",
     "Les textes du règlement (UE) 2017/1432 et des règlements d'exécution (UE) 2017/855 et "
     "(UE) 2017/856 en langues islandaise et norvégienne, à publier dans le supplément EEE "
     "du Journal officiel de l'Union européenne, font foi."),
]


def test_french_coordination_fragments_are_no_candidates():
    # "langue islandaise" of "langues islandaise et norvégienne" names the first conjunct,
    # "Norwegian languages" of "Icelandic and Norwegian languages" the second: kept both,
    # they were paired with each other ("Norwegian language" -> "langue islandaise"). The
    # French one goes (issue 11); a feminine form simplemma does not know ("norvégienne")
    # is an adjective too.
    fr = Extractor("fr")
    keys = {o.key for o in fr.candidates(fr.tokens("en langues islandaise et norvégienne"))}
    assert "langue islandais et norvégienne" in keys and "langue islandais" not in keys
    keys = {o.key for o in fr.candidates(fr.tokens("la cohésion économique et sociale"))}
    assert "cohésion économique" not in keys
    # alone, it is a candidate as before
    assert "cohésion économique" in {o.key for o in fr.candidates(fr.tokens(
        "la cohésion économique de l'Union"))}
    units = [Pair(s, t, "en-GB", "fr-FR", file="22019D1356", line=n, tuid=str(n))
             for n, (s, t) in enumerate(_LANGUAGES, 1)]
    found = {(p.source_lemma, p.target_lemma) for p in extract_terms(units)}
    assert ("icelandic and norwegian language", "langue islandais et norvégienne") in found
    assert not [key for key in found if key[1] == "langue islandais"]


def _pair(source: str, target: str) -> TermPair:
    en, fr = Extractor("en"), Extractor("fr")
    return TermPair("en-GB", "fr-FR", en.key(source), fr.key(target), source, target)


def test_adverbs_and_lone_adjectives_are_no_terms():
    # neither side a noun: ranked low, as names are (issue 11)
    assert _no_noun(_pair("briefly", "brièvement"))
    assert _no_noun(_pair("social", "sociale"))
    assert _no_noun(_pair("confidential", "confidentielle"))
    assert _no_noun(_pair("positive", "positive"))
    # nouns: a French feminine noun, nouns in "-ive", an English noun in "-ly"
    assert not _no_noun(_pair("President", "Présidente"))
    assert not _no_noun(_pair("directive", "directive"))
    assert not _no_noun(_pair("supply", "approvisionnement"))
    assert not _no_noun(_pair("social economy", "économie sociale"))


def _verb_form_units() -> list[Pair]:
    """DGT-TM 2019 pairs whose French holds verb forms in "-ant" and adverbs in "-ment"."""
    path = DATA / "terms_verb_forms_en_fr.tsv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [Pair(row["en_gb"], row["fr_fr"], "en-GB", "fr-FR", file=row["file"], line=n,
                 tuid=row["tu_index"]) for n, row in enumerate(rows, 2)]


def test_french_participles_and_adverbs_are_in_no_candidate() -> None:
    # "règlement ... établissant des règles communes", "concernant la pêche", "une solution
    # mutuellement convenue": a verb, a preposition and an adverb, which made the
    # candidates "règlement établissant", "Commission établissant", "solution mutuellement"
    # and the pairs "law" -> "concernant", "common" -> "établissant"
    fr = Extractor("fr")
    keys = {o.key for unit in _verb_form_units() for o in fr.candidates(fr.tokens(unit.target))}
    assert not [k for k in keys if {"établir", "concernant", "mutuellement"} & set(k.split())]
    # nouns in "-ant" and "-ment" are still terms, and so are the nouns they hold
    assert {"représentant", "règlement", "solution", "règle commune", "pêche"} <= keys
    assert {fr.key(word) for word in ("renouvellement", "signalement", "montant")} == {
        "renouvellement", "signalement", "montant"}
    assert all(fr.candidates(fr.tokens(f"le {word}")) for word in (
        "renouvellement", "signalement", "montant", "requérant"))
    pairs = {(p.source_lemma, p.target_lemma)
             for p in extract_terms(_verb_form_units(), min_count=1)}
    assert not [pair for pair in pairs if "établir" in pair[1] or "concernant" in pair[1]
                or "mutuellement" in pair[1]]


def test_french_adverbs_in_ment_after_a_word_are_in_no_candidate() -> None:
    # "homologué séparément", "directement ou indirectement": adverbs whose "-ment" follows
    # no feminine ending were content words, which made the pairs "separate EU" ->
    # "homologué séparément" and "incur" -> "indirectement" on DGT-TM
    fr = Extractor("fr")
    keys = {o.key for unit in _verb_form_units() for o in fr.candidates(fr.tokens(unit.target))}
    assert not [k for k in keys if {"séparément", "indirectement"} & set(k.split())]
    assert "équipement radar" in keys
    for adverb in ("séparément", "précisément", "énormément", "indirectement", "absolument",
                   "concrètement", "simultanément"):
        assert not fr.candidates(fr.tokens(f"le {adverb}")), adverb
    # nouns in "-ment" (simplemma knows their plurals), and one from a verb
    for noun in ("élément", "agrément", "supplément", "règlement", "traitement", "paiement",
                 "document", "amendement", "évitement", "bâtiment", "sentiment"):
        assert [o.key for o in fr.candidates(fr.tokens(f"le {noun}"))] == [fr.key(noun)], noun
    pairs = {(p.source_lemma, p.target_lemma)
             for p in extract_terms(_verb_form_units(), min_count=1)}
    assert not [pair for pair in pairs if "séparément" in pair[1]
                or "indirectement" in pair[1]]


def test_ordre_du_jour_is_a_candidate_though_jour_is_a_vague_noun() -> None:
    # "jour" is a vague noun (a stop word), so "ordre du jour" was no candidate and
    # "agenda" was paired with "ordre" in the Europarl session
    fr = Extractor("fr")
    assert [o.key for o in fr.candidates(fr.tokens(
        "l'ordre du jour de la session"))] == ["ordre de jour", "session"]
    # not after an article, nor across punctuation; "jour" alone is still no term
    assert [o.key for o in fr.candidates(fr.tokens("l'ordre de la journée"))] == [
        "ordre", "ordre de journée", "journée"]
    assert [o.key for o in fr.candidates(fr.tokens("un ordre, du jour"))] == ["ordre"]
    assert not fr.candidates(fr.tokens("le jour"))
    found = {(p.source_lemma, p.target_lemma): p for p in extract_terms(_europarl_session())}
    agenda = found[("agenda", "ordre de jour")]
    assert (agenda.target_term, agenda.count) == ("ordre du jour", 7)
    assert ("agenda", "ordre") not in found


def test_mise_en_oeuvre_is_one_candidate_and_pairs_whole() -> None:
    # "mise" was the verb "miser", and "œuvre" ("uvre" in the Europarl dumps, which lost
    # the "œ") a candidate alone, which took "implementation" from "mise en œuvre"
    fr = Extractor("fr")
    keys = [o.key for o in fr.candidates(fr.tokens(
        "les règles de mise en œuvre de la directive et la mise en place du registre"))]
    assert keys == ["règle", "règle de mise en œuvre", "règle de mise en œuvre de directive",
                    "mise en œuvre", "mise en œuvre de directive", "directive",
                    "mise en place", "mise en place de registre", "registre"]
    # "mise" elsewhere is still a noun of its own; punctuation ends the expression
    assert [o.key for o in fr.candidates(fr.tokens("la mise à disposition"))] == [
        "mise", "mise à disposition", "disposition"]
    assert [o.key for o in fr.candidates(fr.tokens("la mise, en œuvre"))] == [
        "mise", "œuvre"]
    found = {(p.source_lemma, p.target_lemma): p.count
             for p in extract_terms(_europarl_session())}
    assert found[("implementation", "mise en uvre")] == 5
    assert not [key for key in found if key[0] == "implementation"
                and key[1] in ("uvre", "mise", "miser")]


def test_an_english_verb_after_a_noun_phrase_ends_the_candidate() -> None:
    # "Recalls that shipbuilding remains a strategic industry" (a resolution's recital):
    # simplemma reads "remains" as a noun, which made the candidate "shipbuilding remains"
    path = DATA / "terms_resolution_compounds_en_fr.tsv"
    with path.open(encoding="utf-8", newline="") as handle:
        sources = [row["en_gb"] for row in csv.DictReader(handle, delimiter="\t")]
    en = Extractor("en")
    keys = {o.key for text in sources for o in en.candidates(en.tokens(text))}
    assert not [key for key in keys if "remains" in key.split()]
    assert {"shipbuilding", "strategic industry"} <= keys
    assert [o.key for o in en.candidates(en.tokens("The decision replaces the Annex."))] == [
        "decision", "annex"]
    # a capitalised plural, a plural before a preposition, an "-ss" noun stay nouns
    for text, key in (("grants Member States the right", "member state"),
                      ("the value chains of the region", "value chain"),
                      ("the selection process the Commission runs", "selection process")):
        assert key in [o.key for o in en.candidates(en.tokens(text))], text


def test_a_single_word_for_a_french_term_of_two_pairs_with_the_whole_term() -> None:
    # European Parliament resolution citations and recitals (tests/data/README.md): the
    # one-word compound "shipbuilding" and the acronym "TFEU" stand for "construction
    # navale" and "traité FUE"; they were paired with the heads "construction" and "traité"
    path = DATA / "terms_resolution_compounds_en_fr.tsv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    units = [Pair(row["en_gb"], row["fr_fr"], "en-GB", "fr-FR", file="resolution", line=n)
             for n, row in enumerate(rows, 2)]
    found = extract_terms(units)
    best = {}
    for pair in found:
        best.setdefault(pair.source_term, (pair.target_term, pair.count))
    assert best["shipbuilding"] == ("construction navale", 5)
    assert best["TFEU"] == ("traité FUE", 4)
    assert not [p for p in found if (p.source_term, p.target_term) == ("shipbuilding",
                                                                       "construction")]
    # "traité" alone only where the French writes the Treaty's name in full, ranked low
    rank = {(p.source_term, p.target_term): n for n, p in enumerate(found)}
    assert rank["TFEU", "traité FUE"] < rank.get(("TFEU", "traité"), len(found))
    # single words whose French term of two words holds a noun of its own, or that are
    # the head of an English term of two words, keep their one-word partners
    assert best["approximation"] == ("rapprochement", 3)
    assert best["law"] == ("législation", 5)
    assert best["European Parliament"] == ("Parlement européen", 3)
    assert best["Parliament"] == ("Parlement", 2)


def test_names_written_alike_in_both_languages_rank_low():
    # names fairly common in general text are names too (issue 11); institutions written
    # the same in both languages are common words
    for name in ("Koch", "Evans", "Amsterdam", "Berlin"):
        assert _name_like_terms(name, name, "en-GB", "fr-FR"), name
    for word in ("Commission", "Union", "CEN"):
        assert not _name_like_terms(word, word, "en-GB", "fr-FR"), word


def test_termhood_ranks_terms_above_everyday_words():
    # ranking by association x termhood (issue 11): on a real session, the recurring
    # multi-word terms come before everyday words, which are kept but rank low
    found = extract_terms(_europarl_session())
    rank = {(p.source_lemma, p.target_lemma): n for n, p in enumerate(found)}
    terms = [rank[key] for key in (
        ("transport of dangerous good", "transport de marchandise dangereux"),
        ("sustainable development", "développement durable"),
        ("conference of president", "conférence de président"))]
    everyday = [rank[key] for key in (("work", "travail"), ("request", "demande"),
                                      ("attention", "attention"))]
    assert max(terms) < 40 and min(everyday) > 80
    # a single word is not ranked by its count alone: "report" (74 links) after "Structural
    # Fund" (31, of which 3 nested in "Structural Funds programme" and the like) and after
    # the Commission's own name
    assert max(rank[("commission", "commission")],
               rank[("structural fund", "fonds structurel")]) < rank[("report", "rapport")]


def test_everyday_words_linked_often_rank_below_rarer_multiword_terms():
    # issue 11: "information" (Zipf 5.6) linked 33 times outranked "sustainable development"
    # (5 links), "Member States" (4) and the two-word terms linked 3 times; real DGT-TM and
    # Europarl units
    lines = [line for line in (DATA / "terms_everyday_en_fr.tsv").read_text(
        encoding="utf-8").splitlines() if not line.startswith("#")]
    units = [Pair(row["source"], row["target"], "en-GB", "fr-FR", file=row["file"])
             for row in csv.DictReader(lines, delimiter="\t")]
    found = extract_terms(units)
    rank = {(p.source_lemma, p.target_lemma): n for n, p in enumerate(found)}
    everyday = rank[("information", "information")]
    assert found[everyday].count > 30
    for key in (("sustainable development", "développement durable"),
                ("member state", "état membre"),
                ("aeronautical information", "information aéronautique"),
                ("custom authority", "autorité douanier")):
        assert found[rank[key]].count <= 5 and rank[key] < everyday
    # names of institutions and acts, capitalised single words, keep their place
    assert rank[("regulation", "règlement")] < everyday
    assert rank[("commission", "commission")] < everyday


def test_renderings_explained_by_a_stronger_one_rank_low():
    found = extract_terms(_europarl_session())
    rank = {(p.source_lemma, p.target_lemma): n for n, p in enumerate(found)}
    # "développement urbain" slid off "développement rural": ranked far below it
    assert rank[("rural development", "développement rural")] < 20
    assert rank[("rural development", "développement urbain")] > len(found) * 0.8
    # an English term ending with a past participle is no noun phrase ("integrated")
    participles = [n for n, p in enumerate(found) if p.source_term in ("integrated", "elected")]
    assert len(participles) == 2 and min(participles) > len(found) * 0.8


def test_renderings_that_slid_off_their_term_rank_low():
    # Real Europarl and DGT-TM text: a span that slid off its translation leaves out a
    # word whose cognate stands just beside the other side's term (issue 11)
    found = extract_terms(_dgt_documents())
    rank = {(p.source_lemma, p.target_lemma): n for n, p in enumerate(found)}
    # "administrative" is the "administratives" of "dispositions législatives,
    # réglementaires et administratives"; "Directive" the "directive" of "directive
    # 96/98/CE du Conseil"; "conservation" the word left out of "conservation and
    # management measures": they ranked 18th, 40th and 50th of 119
    for key in (("administrative provision", "disposition législatif"),
                ("council directive", "ce de conseil"),
                ("management measure", "mesure de conservation")):
        assert rank[key] > len(found) // 2, key


def test_a_noun_after_an_ordinal_heads_its_term():
    # Real Europarl: "the sixth periodic report" -> "le sixième rapport périodique", 12
    # times. Taken for a modifier, "sixième" left "rapport périodique" in head position too
    # rarely to be paired, and "periodic report" went to "sixième rapport" (slid, ranked
    # low); the right pair was recorded nowhere.
    found = extract_terms(_europarl_session())
    rank = {(p.source_lemma, p.target_lemma): n for n, p in enumerate(found)}
    assert rank[("periodic report", "rapport périodique")] < 20
    assert found[rank[("periodic report", "rapport périodique")]].count == 12
    assert ("periodic report", "sixième rapport") not in rank
    assert rank[("sixth periodic report", "sixième rapport périodique")] < 20


def test_the_demonstrative_present_is_no_rendering():
    # Real DGT-TM: "La présente décision entre en vigueur", "A ADOPTÉ LA PRÉSENTE
    # DÉCISION": "présent(e)" before a noun is "this", a stop word like the English one;
    # it was paired with "enter" and "HAS"
    found = extract_terms(_dgt_documents())
    assert not [p for p in found if {"présent", "présente"} & set(p.target_lemma.split())]
    assert any(p.target_lemma == "décision" for p in found)


def test_abbreviations_of_references_rank_low():
    # Real DGT-TM: "IMO Res. MSC.36(63)" / "Rés. OMI MSC.36(63)": "Res" -> "MSC" ranked 24th
    # of 108; "Res." is an abbreviation the sentence rules know, no term
    from tmx_export.terms.rank import _abbreviated

    found = extract_terms(_dgt_documents())
    rank = {(p.source_lemma, p.target_lemma): n for n, p in enumerate(found)}
    assert rank[("res", "msc")] > len(found) * 0.9
    for source, target, abbreviated in (("Res", "Rés", True), ("Corr", "corrigendum", True),
                                        ("Ed", "éd", True), ("flight", "vol", False),
                                        ("Article", "article", False)):
        assert _abbreviated(_pair(source, target)) is abbreviated, source


def test_roman_numerals_are_numbers_not_terms():
    # Real DGT-TM: "Annex II", "Chapter III" are references, as "Annex 2" is; lone, the
    # numerals were paired as terms ("III" -> "III", "Annex II" -> "annexe II")
    from tmx_export.terms.candidates import NUMBER, WORD, Extractor

    found = extract_terms(_dgt_documents())
    assert not [p for p in found if re.search(r"\b[IVXL]{2,}\b", p.source_term)]
    assert any(p.source_lemma == "annex" and p.target_lemma == "annexe" for p in found)
    en = Extractor("en")
    assert [en.word(w)[1] for w in ("II", "XIII", "LXIV", "IMO", "VAT", "MED")] == [
        NUMBER, NUMBER, NUMBER, WORD, WORD, WORD]


def test_digits_numerals_and_contractions_pass_the_quick_tests():
    # Extractor.word rules words out cheaply before its costly tests (a word of letters
    # holds no digit, a numeral begins with I, V, X or L, an alphanumeric word is no
    # contraction): what they do not rule out must reach the costly ones
    from tmx_export.terms.candidates import NUMBER, STOPWORD, WORD, Extractor

    en, fr = Extractor("en"), Extractor("fr")
    assert [en.word(w)[1] for w in ("x²", "①", "١٢٣", "2019", "VI", "XL", "Ivy", "Vat")] == [
        NUMBER, NUMBER, NUMBER, NUMBER, NUMBER, NUMBER, WORD, WORD]
    assert [en.word(w)[1:] for w in ("don't", "don\u2019t", "Parliament")] == [
        (STOPWORD, "don't"), (STOPWORD, "don't"), (WORD, "parliament")]
    assert [fr.word(w)[1] for w in ("x²", "IV", "Vie")] == [NUMBER, NUMBER, WORD]


@pytest.mark.parametrize("text, head", [
    ("le sixième rapport périodique", True),  # after an ordinal, as after an article
    ("son rapport périodique", True),
    ("le second rapport périodique", True),
    ("le rapport périodique", True),
    ("un programme rapport périodique", False),  # after a noun: a modifier
])
def test_the_extractor_puts_a_noun_after_an_ordinal_in_head_position(text, head):
    from tmx_export.terms.candidates import Extractor

    fr = Extractor("fr")
    tokens = fr.tokens(text)
    found = {o.key: o.head for o in fr.candidates(tokens)}
    assert found["rapport périodique"] is head
    if "sixième" in text:  # the ordinal still starts a term of its own
        assert found["sixième rapport périodique"] is True


@pytest.mark.parametrize("source, target, en, fr, slid", [
    # a word of the term like one beside the other term, and like none in it
    ("periodic report", "sixième rapport", "the sixth periodic report on the regions",
     "le sixième rapport périodique sur les régions", True),
    ("Assessment Body", "évaluation de la conformité", "the Conformity Assessment Body",
     "l'organisme d'évaluation de la conformité", True),
    # the right renderings of the same contexts
    ("sixth periodic report", "sixième rapport périodique",
     "the sixth periodic report on the regions",
     "le sixième rapport périodique sur les régions", False),
    # a looser cognate inside clears the term: "report" / "rapport", "State" / "État"
    ("report", "rapport", "the rapporteur's report", "le rapport du rapporteur", False),
    ("Member State", "État membre", "every Member State's statute",
     "le statut de chaque État membre", False),
    # words that only look alike from their middle: "subparagraph" is no "paragraphe"
    ("subparagraph", "alinéa", "the second subparagraph of Article 4(2)",
     "le deuxième alinéa de l'article 4, paragraphe 2", False),
    # an acronym beside the span whose letters the other language orders its own way
    # (DGT-TM 2019, 16 times: it ranked 64th of the whole DGT-TM corpus)
    ("IMO MSC", "Circulaire MSC", "IMO MSC Circ.811", "Circulaire MSC/Circ.811 de l'OMI",
     True),
    ("IMO Circular", "circulaire de l'OMI", "the IMO Circular on the guidelines",
     "la circulaire de l'OMI sur les lignes directrices", False),
    # the same code after the name in both languages: no acronym left out
    ("movement certificate EUR", "certificat de circulation des marchandises",
     "a movement certificate EUR.1 issued", "un certificat de circulation des marchandises"
     " EUR.1 délivré", False),
])
def test_a_span_slid_off_its_translation_is_told_by_cognates_beside_it(
        source, target, en, fr, slid):
    from tmx_export.terms.rank import _slid
    from tmx_export.terms.termpair import Context

    pair = _pair(source, target)
    s, t = en.index(source), fr.index(target)
    pair.contexts = [Context("1", "doc", en, fr, (s, s + len(source)), (t, t + len(target)))]
    assert _slid(pair) is slid


@pytest.mark.parametrize("source, target, apart", [
    # terms left over in the same repeated units, linked at Dice 1.0 (DGT-TM 2019)
    ("production organisations", "équipements associés", True),
    ("single pilot", "temps de vol", True),
    # the right renderings of the same contexts, and single words, stay
    ("environmental certification", "certification de navigabilité et environnementale",
     False),
    ("air transport", "transport aérien", False),
    ("organisations", "équipements", False),
])
def test_multiword_terms_far_apart_in_every_context_rank_low(source, target, apart):
    from tmx_export.terms.rank import APART, _apart, rank_score
    from tmx_export.terms.termpair import Context

    with (DATA / "terms_apart_en_fr.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    pair = _pair(source, target)
    pair.units, pair.dice = 3, 1.0
    for row in rows:
        en, fr = row["en_gb"], row["fr_fr"]
        if source in en and target in fr:
            s, t = en.index(source), fr.index(target)
            pair.contexts.append(Context(row["tu_index"], row["file"], en, fr,
                                         (s, s + len(source)), (t, t + len(target))))
    assert pair.contexts
    assert _apart(pair) is apart
    near = rank_score(pair, 2, 2)
    pair.contexts = []  # (no context says anything)
    assert near == pytest.approx(rank_score(pair, 2, 2) * (APART if apart else 1.0))


def test_renderings_beside_a_span_tell_it_slid():
    # "cohesion policy" -> "cohésion de l'Union" in "structural and cohesion policies" ->
    # "politiques structurelles et de cohésion de l'Union": "policy" is rendered by
    # "politique" (the corpus's own single-word pair) just beside the French span, and by
    # no word in it. It ranked 119th of 598.
    found = extract_terms(_europarl_session())
    rank = {(p.source_lemma, p.target_lemma): n for n, p in enumerate(found)}
    assert rank[("cohesion policy", "cohésion de union")] > len(found) // 2


def _linked(source: str, target: str, count: int, dice: float = 0.9) -> TermPair:
    pair = _pair(source, target)
    pair.forms[("doc", source, target)] = count
    pair.dice = dice
    return pair


def test_renderings_are_the_best_single_word_pairs_of_both_words():
    from tmx_export.terms.rank import renderings_of

    forward, backward = renderings_of([
        _linked("supplier", "fournisseur", 31), _linked("declaration", "fournisseur", 9),
        _linked("declaration", "déclaration", 20), _linked("Agreement", "accord", 2),
        _linked("value chain", "chaîne de valeur", 5), _linked("area", "zone", 5, 0.3)])
    # "declaration" -> "fournisseur" is not the best of "fournisseur"; "Agreement" ->
    # "accord" too rare, "area" -> "zone" too loose, "value chain" no single word
    assert forward == {"supplier": {"fournisseur"}, "declaration": {"declaration"}}
    assert backward == {"fournisseur": {"supplier"}, "declaration": {"declaration"}}


def test_a_span_slid_off_a_rendering_beside_it():
    from tmx_export.terms.rank import _slid, renderings_of
    from tmx_export.terms.termpair import Context

    en, fr = ("fishing in the Agreement Area only pursuant to",
              "la pêche dans la zone visée par l'Accord uniquement")
    area = _pair("Agreement Area", "zone visée")
    area.contexts = [Context("1", "doc", en, fr, (15, 29), (17, 27))]
    assert not _slid(area)  # "Agreement" and "Accord" are no cognates
    renderings = renderings_of([_linked("Agreement", "Accord", 30), area])
    assert _slid(area, renderings)
    # a single-word pair does not clear itself: "urban" -> "rurales" beside "rural"
    urban = _linked("urban", "rurales", 4)
    urban.contexts = [Context("1", "doc", "urban and rural areas", "zones urbaines et rurales",
                              (0, 5), (18, 25))]
    assert _slid(urban, renderings_of([urban, _linked("urban", "urbain", 3, 0.4)]))


def test_slid_verdicts_are_remembered_for_the_same_renderings_and_forms_only(monkeypatch):
    from tmx_export.terms import rank
    from tmx_export.terms.termpair import Context

    monkeypatch.setattr(rank, "_SLID_MEMO", rank._SlidMemo())
    judged = []
    real = rank._slid_contexts
    monkeypatch.setattr(rank, "_slid_contexts",
                        lambda *args: judged.append(args[0].key) or real(*args))
    urban = _linked("urban", "rurales", 4)
    urban.contexts = [Context("1", "doc", "urban and rural areas", "zones urbaines et rurales",
                              (0, 5), (18, 25))]
    assert rank._slid(urban, rank.renderings_of([urban, _linked("urban", "urbain", 3, 0.4)]))
    # equal renderings (as a termbase reads them back), the same pair: remembered
    renderings = rank.renderings_of([urban, _linked("urban", "urbain", 3, 0.4)])
    assert rank._slid(urban, renderings)
    assert len(judged) == 1
    # its own renderings changed (a form more): judged again, and so under other renderings
    urban.forms[("doc", "urban", "urbaines")] = 1
    assert rank._slid(urban, renderings) is real(urban, *renderings, True)
    assert len(judged) == 2
    other = rank.renderings_of([_linked("urban", "urbain", 9)])
    assert rank._slid(urban, other) is real(urban, *other, True)
    assert len(judged) == 3


def test_a_slid_rendering_is_no_rival():
    # DGT-TM: "declaration" -> "fournisseur" (10) in "long-term supplier's declaration" ->
    # "déclaration à long terme du fournisseur", where "déclaration" stands beside the
    # French span, flagged "declaration" -> "déclaration" (48) inconsistent: a
    # misalignment, not a translation a terminologist must choose between
    from tmx_export.terms.rank import rank_score
    from tmx_export.terms.termpair import Context

    right, slid = _linked("declaration", "déclaration", 48), _linked("declaration",
                                                                     "fournisseur", 10)
    en, fr = ("the long-term supplier's declaration for products",
              "la déclaration à long terme du fournisseur pour les produits")
    s, t = en.index("declaration"), fr.index("fournisseur")
    slid.contexts = [Context("1", "doc", en, fr, (s, s + 11), (t, t + 11))] * 3
    right.competitors, slid.competitors = [slid], [right]
    assert right.inconsistent  # before the pairs are ranked, as before the rule
    for pair in (right, slid):
        rank_score(pair, 1, 1)
    assert slid.slid and not right.slid
    assert not right.inconsistent and not slid.rivals()


def test_plural_only_name_keeps_its_plural():
    found = {(p.source_lemma, p.target_lemma): p for p in extract_terms(_europarl_session())}
    # "the Minutes" of a sitting are not a "Minute"; "five minutes" are
    assert found[("minute", "procès-verbal")].source_term == "Minutes"
    assert found[("minute", "minute")].source_term == "minute"
    # "joint minutes" (DGT-TM 22019D1035) are no "joint minute", in lower case too
    units = [Pair(en, fr, "en-GB", "fr-FR") for en, fr in (
        ("The draft joint minutes will include the final agenda.",
         "Le projet de procès-verbal commun comprend l'ordre du jour définitif."),
        ("Draft joint minutes of each meeting will be drawn up by the Contact Points.",
         "Un projet de procès-verbal commun de chaque réunion est rédigé par les points de "
         "contact."),
        ("The joint minutes shall be approved.", "Le procès-verbal commun est approuvé."))]
    found = {p.source_lemma: p for p in extract_terms(units)}
    assert found["draft joint minute"].source_term == "draft joint minutes"
    assert citation_form({"joint minutes": 2}, Extractor("en")) == "joint minutes"
    assert citation_form({"speaking minutes": 1, "speaking minute": 1},
                         Extractor("en")) == "speaking minute"


def test_plural_senses_keep_their_plural_whatever_the_translation():
    from tmx_export.terms.citation import pair_citation_forms

    en, fr = Extractor("en"), Extractor("fr")
    # DGT-TM: "high seas" and "terms of reference" are never "high sea", "term of
    # reference" (mandat); Europarl's "Committee on Social Affairs" paired with the French
    # singular "affaires sociales" -> "affaire sociale" was cited "Social Affair"
    assert citation_form({"high seas": 8}, en) == "high seas"
    assert citation_form({"terms of reference": 3}, en) == "terms of reference"
    assert pair_citation_forms({"Social Affairs": 4}, {"affaires sociales": 4}, en, fr)[0] \
        == "Social Affairs"
    # seen in the singular too, the singular is the citation form
    assert citation_form({"high seas": 8, "high sea": 1}, en) == "high sea"


def test_references_to_numbered_parts_are_no_terms():
    from tmx_export.terms.rank import SINGLE_TERMHOOD, termhood

    def of(source: str, target: str) -> float:
        return termhood(source, target, "en-GB", "fr-FR", len(source.split()),
                        len(target.split()))

    assert of("Annex II", "annexe II") == of("Chapter XIV", "chapitre XIV") == SINGLE_TERMHOOD
    assert of("Sectoral Annex", "annexe sectorielle") > 2 * SINGLE_TERMHOOD
    assert of("EEA Joint Committee", "Comité mixte EEE") > of("Joint Committee", "comité mixte")
    # the same capitalised word as the last on both sides, but no numeral: a term
    assert of("Civil Aviation", "Aviation civile") > 2 * SINGLE_TERMHOOD


def test_names_joined_by_of_the_and_their_heads_are_paired():
    # issue 11: the name was cut at "of the" ("Official Journal" -> "Journal officiel"
    # only); now it is a term, and its head, linked only inside it, is kept too
    lines = [line for line in (DATA / "terms_names_en_fr.tsv").read_text(
        encoding="utf-8").splitlines() if not line.startswith("#")]
    units = [Pair(row["source"], row["target"], "en-GB", "fr-FR", file=row["file"])
             for row in csv.DictReader(lines, delimiter="\t")]
    found = {(p.source_lemma, p.target_lemma): p for p in extract_terms(units)}
    name = found[("official journal of the european union", "journal officiel de union européen")]
    assert name.count == 20
    assert (name.source_term, name.target_term) == (
        "Official Journal of the European Union", "Journal officiel de l'Union européenne")
    assert found[("official journal", "journal officiel")].count == 20
    # no piece of a longer name
    assert not [key for key in found if key[0].startswith(("justice of", "regulation of"))]


def test_place_and_language_names_rank_below_terms():
    # issue 11: "Switzerland" -> "Suisse", the pair seen most often in the units of the
    # EC-Switzerland agreement that name the country, ranked first, above every term of
    # the agreement; "Swiss Confederation" -> "Confédération suisse" fifth. Place names are
    # no terms: they now rank with the other names, the terms above them
    lines = [line for line in (DATA / "terms_places_en_fr.tsv").read_text(
        encoding="utf-8").splitlines() if not line.startswith("#")]
    units = [Pair(row["source"], row["target"], "en-GB", "fr-FR", file=row["file"])
             for row in csv.DictReader(lines, delimiter="\t")]
    found = extract_terms(units)
    rank = {(p.source_term, p.target_term): n for n, p in enumerate(found)}
    place = min(rank["Switzerland", "Suisse"],
                rank["Swiss Confederation", "Confédération suisse"])
    for term in (("European Union", "Union européenne"), ("Air Transport", "transport aérien"),
                 ("Swiss Federal Audit Office", "Contrôle fédéral des finances suisse"),
                 ("third country", "pays tiers"), ("Agreement", "accord")):
        assert rank[term] < place, term


@pytest.mark.parametrize(("term", "lang", "name"), [
    ("Switzerland", "en-GB", True),
    ("États-Unis d'Amérique", "fr-FR", True),
    ("Confédération suisse", "fr-FR", True),
    ("Icelandic and Norwegian language", "en-GB", True),
    ("Western Europe", "en-GB", True),
    ("Schweiz", "de-DE", True),
    ("Swiss Federal Audit Office", "en-GB", False),  # a name among terms' words
    ("European Union", "en-GB", False),
    ("Union européenne", "fr-FR", False),
    ("EU-Japan EPA", "en-GB", False),
    ("Member State", "en-GB", False),
    ("Switzerland", "pl-PL", False),  # no names in that language: nothing said
])
def test_place_and_language_names_are_told_by_their_words(term, lang, name):
    from tmx_export.terms.rank import _place_or_language

    assert _place_or_language(term, lang) is name


def test_french_adjectives_follow_their_head_into_the_singular():
    # issue 11: "domaine respectifs", "règle d'origine préférentielles" (an adjective after
    # a complement in the singular agrees with the head), "région ultrapériphériques"
    # (an adjective simplemma does not know)
    lines = [line for line in (DATA / "terms_citations_en_fr.tsv").read_text(
        encoding="utf-8").splitlines() if not line.startswith("#")]
    units = [Pair(row["source"], row["target"], "en-GB", "fr-FR", file=row["file"],
                  line=int(row["unit"])) for row in csv.DictReader(lines, delimiter="\t")]
    found = {p.source_lemma: p for p in extract_terms(units)}
    assert found["respective area"].target_term == "domaine respectif"
    assert found["multiple listener"].target_term == "récepteur multiple"
    rule = found["pan-euro-mediterranean preferential rule"]
    assert rule.target_variants == {"règles d'origine préférentielles": 4}
    assert rule.target_term == "règle d'origine préférentielle"
    found = {p.source_lemma: p for p in extract_terms(_europarl_session())}
    assert found["remote region"].target_term == "région ultrapériphérique"


def test_french_citation_forms_never_mix_numbers():
    fr = Extractor("fr")
    assert citation_form({"procédures d'exploitation communes": 2}, fr) == \
        "procédure d'exploitation commune"
    # the adjective after a plural complement agrees with it
    assert citation_form({"transports de marchandises dangereuses": 2}, fr) == \
        "transport de marchandises dangereuses"
    # an invariable head or complement: "pays", "tiers"
    assert citation_form({"pays périphériques": 3}, fr) == "pays périphérique"
    assert citation_form({"exploitants de pays tiers": 3}, fr) == "exploitant de pays tiers"
    # a head kept plural (its singular is rare) keeps its adjectives plural, and a plural
    # adjective after "prix" (singular or plural?) keeps the whole term as seen
    assert citation_form({"données statistiques": 4}, fr) == "données statistiques"
    assert citation_form({"règles de prix communes": 2}, fr) == "règles de prix communes"


def test_english_words_in_ing_or_ed_keep_their_ending_in_citation_forms():
    # DGT-TM units (tests/data/README.md): the lemma of a word that is no plural is a
    # verb's, and was taken for its singular: "denied boarding" -> "refus d'embarquement"
    # was cited "denied board", "working" (-> "transformation") "work", "training" "train"
    lines = [line for line in (DATA / "terms_ing_forms_en_fr.tsv").read_text(
        encoding="utf-8").splitlines() if not line.startswith("#")]
    units = [Pair(row["source"], row["target"], "en-GB", "fr-FR", file=row["file"],
                  line=int(row["unit"])) for row in csv.DictReader(lines, delimiter="\t")]
    found = {p.source_lemma: p for p in extract_terms(units)}
    # (keyed by the nouns in "-ing" themselves, not their verbs)
    assert (found["deny boarding"].source_term, found["deny boarding"].target_term) == (
        "denied boarding", "refus d'embarquement")
    assert found["working"].source_term == "working"
    assert found["training"].source_term == "training"
    assert found["fire restricting"].source_term == "Fire restricting"
    en = Extractor("en")
    assert citation_form({"vocational training": 2}, en) == "vocational training"
    assert citation_form({"Radar equipment used": 2}, en) == "Radar equipment used"
    assert citation_form({"defence": 2}, en) == "defence"  # not the lemma's "defense"
    # plurals still take their singular, irregular ones too
    assert citation_form({"value chains": 2}, en) == "value chain"
    assert citation_form({"women": 2}, en) == "woman"
    assert citation_form({"phenomena": 2}, en) == "phenomenon"
    assert citation_form({"analyses": 2}, en) == "analysis"


def test_french_feminine_adjectives_keep_their_gender_in_citation_forms():
    # DGT-TM units (tests/data/README.md): simplemma reads "mineures" as "mineur" and
    # "mineure" as a word of its own, so the lemma's ending made "erreur mineur"
    lines = [line for line in (DATA / "terms_feminine_en_fr.tsv").read_text(
        encoding="utf-8").splitlines() if not line.startswith("#")]
    units = [Pair(row["source"], row["target"], "en-GB", "fr-FR", file=row["file"],
                  line=int(row["unit"])) for row in csv.DictReader(lines, delimiter="\t")]
    found = {p.source_lemma: p for p in extract_terms(units)}
    assert found["minor error"].target_term == "erreur mineure"
    fr = Extractor("fr")
    # the other cases of the DGT-TM pairs and Europarl sessions
    assert citation_form({"informations commerciales confidentielles": 2}, fr) == \
        "information commerciale confidentielle"
    assert citation_form({"morts violentes": 2}, fr) == "mort violente"
    assert citation_form({"fins commerciales": 2}, fr) == "fin commerciale"
    assert citation_form({"régions ultrapériphériques": 2}, fr) == "région ultrapériphérique"
    assert citation_form({"États membres": 2}, fr) == "État membre"


def test_seed_pairs_met_once_take_no_links_from_recurring_ones():
    # with --min-count 1, candidates that meet in one clause only ("transnational
    # clusters", "conglomérats transnationaux") do not take the links of "cluster"
    found = extract_terms([seed_pair()], min_count=1)
    assert [(p.source_term, p.target_term, p.count) for p in found[:2]] == [
        ("cluster", "conglomérat", 6), ("value chain", "chaîne de valeur", 2)]


def test_noun_of_noun_citation_forms():
    from tmx_export.terms.citation import citation_form

    en = Extractor("en")
    # the head is the noun before "of"; the complement stays as written
    assert citation_form({"codes of conduct": 3}, en) == "code of conduct"
    assert citation_form({"Conference of Presidents": 5}, en) == "Conference of Presidents"
    assert citation_form({"certificates of conformity": 4}, en) == "certificate of conformity"
    assert citation_form({"Rules of Procedure": 4}, en) == "Rules of Procedure"
    assert citation_form({"Rules of Procedure": 4, "Rule of Procedure": 1}, en) == \
        "Rule of Procedure"


def test_names_used_in_the_plural_only_keep_it():
    from tmx_export.terms.citation import citation_form

    en = Extractor("en")
    # a name, every word capitalised, never written in the singular (issue 11)
    assert citation_form({"United States": 9}, en) == "United States"
    assert citation_form({"Minutes": 4}, en) == "Minutes"
    # DGT-TM writes "the minutes", Europarl "the Minutes": the name, in lower case
    assert citation_form({"minutes": 10, "Minutes": 3}, en) == "minutes"
    assert citation_form({"minutes": 10, "minute": 1, "Minutes": 3}, en) == "minute"
    assert citation_form({"minutes": 5}, en) == "minute"  # "five minutes"
    assert citation_form({"Member States": 9, "Member State": 2}, en) == "Member State"
    assert citation_form({"value chains": 2}, en) == "value chain"


def test_both_terms_of_a_pair_take_the_singular_by_one_rule():
    # issue 10: "Member States" kept as a name beside "État membre" made singular
    from tmx_export.pipeline import read_units

    files = sorted(str(p) for p in (DATA / "tmx" / "dgt-tm").glob("*.tmx"))
    units, _ = read_units(files, source_lang="en-GB", target_lang="fr-FR")
    terms = {p.key[2:]: (p.source_term, p.target_term) for p in extract_terms(units)}
    assert terms[("member state", "état membre")] == ("Member State", "État membre")
    assert terms[("fish stock", "stock de poisson")] == ("Fish Stock", "stock de poissons")
    # a name whose translation is written as seen keeps its plural
    units, _ = read_units(files, source_lang="de-DE", target_lang="en-GB")
    assert ("Vereinigten Staaten", "United States") in {
        (p.source_term, p.target_term) for p in extract_terms(units)}


def test_unsupported_language_is_a_clear_error():
    # Maltese: simplemma has no lemmas and wordfreq no word list for it
    with pytest.raises(ValueError, match="no term rules for language 'mt'"):
        extract_terms([Pair("a b", "c d", "mt", "fr")])


@pytest.mark.parametrize("langs", [("et-EE", "en-GB"), ("en-GB", "mt-MT")])
def test_unsupported_language_is_refused_before_any_work(tmp_path, langs):
    # DGT-TM holds Estonian and Maltese units: they were all read (minutes for a large
    # memory), the termbase created, and only then the language refused
    memory = str(DATA / "tmx" / "dgt-tm" / "22019D0391.tmx")
    db, tbx = tmp_path / "terms.db", tmp_path / "terms.tbx"
    result = CliRunner().invoke(terms, [memory, "--source-lang", langs[0], "--target-lang",
                                        langs[1], "--termbase", str(db), "--tbx", str(tbx)])
    assert result.exit_code == 1
    assert not db.exists() and not tbx.exists()
    unsupported = next(lang for lang in langs if not lang.startswith("en"))
    assert f"error: no term rules for language '{unsupported}'" in result.output
    assert "Traceback" not in result.output and len(result.output.splitlines()) == 1


def test_language_tags_are_written_standard(tmp_path):
    """`build` reads --target-lang fr_FR as fr-FR; `terms` wrote "fr_FR" as the TBX's
    xml:lang and the CSV's header, a tag no CAT tool knows, and refused "fra" as a language
    without term rules."""
    tbx, glossary = tmp_path / "t.tbx", tmp_path / "g.csv"
    result = CliRunner().invoke(terms, [str(SEED_DUMP), "--source-lang", "eng", "--target-lang",
                                        "fr_FR", "--tbx", str(tbx), "--csv", str(glossary)])
    assert result.exit_code == 0, result.output
    lang_sets = etree.parse(str(tbx)).iter("langSet")
    assert {s.get("{http://www.w3.org/XML/1998/namespace}lang") for s in lang_sets} == {
        "en", "fr-FR"}
    assert glossary.read_text(encoding="utf-8-sig").splitlines()[0].startswith("en,fr-FR,")
    result = CliRunner().invoke(terms, [str(SEED_DUMP), "--target-lang", "xx"])
    assert result.exit_code == 1
    assert result.output == ("tmx-export: error: --target-lang: 'xx' is not a known language "
                             "tag (BCP 47, e.g. en-GB, fr-FR)\n")


def test_a_memory_piped_in_is_the_document_of_its_file(tmp_path):
    # the README: a document is recognised by its bytes, so it is never counted twice. A
    # memory read from its file, then piped in (or the other way round), was fingerprinted
    # by its bytes once and by its units the other time: added again, every count doubled
    memory = DATA / "tmx" / "dgt-tm" / "22019D0437.tmx"
    pair = ["--source-lang", "de-DE", "--target-lang", "fr-FR"]
    for order in (("file", "-"), ("-", "file")):
        db = tmp_path / f"terms-{order[0]}.db"
        for given in order:
            result = CliRunner().invoke(
                terms, [str(memory) if given == "file" else "-", *pair, "--termbase", str(db)],
                input=memory.read_bytes() if given == "-" else None)
            assert result.exit_code == 0, result.output
        assert "already in the termbase, not counted again" in result.output
        with sqlite3.connect(db) as con:
            assert con.execute("SELECT count(*) FROM documents").fetchone() == (1,)
    # so is a copy under a name with a byte that is not UTF-8 (its units name it escaped)
    try:
        copy = tmp_path / b"m\xe9.tmx".decode("utf-8", "surrogateescape")
        copy.write_bytes(memory.read_bytes())
    except (OSError, UnicodeEncodeError):
        return
    result = CliRunner().invoke(terms, [str(copy), *pair, "--termbase", str(db)])
    assert result.exit_code == 0, result.output
    assert "already in the termbase, not counted again" in result.output


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_termbase_that_is_a_pipe_or_device_is_refused_before_any_work(tmp_path):
    # --termbase /dev/null (a run for its outputs alone): SQLite opened it, the memory was
    # read, and the first write failed ("disk I/O error") with /dev/null-journal made in
    # /dev. A device or a pipe is refused as no termbase, before the inputs are read.
    pipe = tmp_path / "terms.db"
    os.mkfifo(pipe)
    memory = str(DATA / "tmx" / "dgt-tm" / "22019D0391.tmx")
    result = CliRunner().invoke(terms, [memory, "--termbase", str(pipe)])
    assert result.exit_code == 1
    assert result.output == (f"tmx-export: error: {pipe}: not a termbase (a device or a "
                             "pipe): --termbase names the SQLite file the counts accumulate "
                             "in\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["terms.db"]


# -- termbase --------------------------------------------------------------------------------

def _update(db: Path, pair: Pair) -> tuple:
    found = extract_terms([pair])
    with Termbase(db) as termbase:
        summary = termbase.update(found, {pair.file: Document(pair.file, fingerprint([pair]), 1)})
        return summary, termbase.pairs()


def test_storing_pairs_leaves_the_callers_language_tags_alone(tmp_path):
    # the termbase keys pairs by en/fr; the pairs a run extracted (and later writes to its
    # TBX and review file) keep en-GB/fr-FR, competitors too
    pair = seed_pair()
    found = extract_terms([pair])
    extracted = [found[0], *found[0].competitors, *found[1:]]
    assert {(p.source_lang, p.target_lang) for p in extracted} == {("en-GB", "fr-FR")}
    with Termbase(tmp_path / "terms.db") as termbase:
        termbase.update(found, {pair.file: Document(pair.file, fingerprint([pair]), 1)})
        added = TermPair("en-GB", "fr-FR", "agenda", "ordre du jour", "agenda", "ordre du jour")
        added_id = termbase.add_pair(added)
        stored = termbase.pairs(min_count=0)
    assert {(p.source_lang, p.target_lang) for p in extracted} == {("en-GB", "fr-FR")}
    assert (added.source_lang, added.target_lang) == ("en-GB", "fr-FR")
    assert {(p.source_lang, p.target_lang) for p in stored} == {("en", "fr")}
    assert added_id in {p.id for p in stored}


def test_termbase_keeps_statuses_and_does_not_count_a_document_twice(tmp_path):
    db = tmp_path / "terms.db"
    summary, stored = _update(db, seed_pair())
    assert summary.added_documents == ["ep-34.txt"]
    cluster = stored[0]
    assert (cluster.source_term, cluster.count) == ("cluster", 6)
    with Termbase(db) as termbase:
        assert termbase.set_status(cluster.id, "approved", "IATE agrees")
    # the same document again (even renamed): skipped, statuses kept
    summary, stored = _update(db, seed_pair(file="copy-of-ep-34.txt"))
    assert summary.known_documents == ["copy-of-ep-34.txt"]
    cluster = next(p for p in stored if p.source_lemma == "cluster")
    assert (cluster.count, cluster.status, cluster.note) == (6, "approved", "IATE agrees")
    assert cluster.status_date
    # a new document: counts accumulate, the status stays
    other = seed_pair(file="ep-35.txt")
    other.source = other.source.replace("Calls on", "Again calls on")
    summary, stored = _update(db, other)
    assert summary.added_documents == ["ep-35.txt"]
    cluster = next(p for p in stored if p.source_lemma == "cluster")
    assert (cluster.count, cluster.status, len(cluster.documents)) == (12, "approved", 2)


def test_outputs_through_a_termbase_name_the_runs_languages(tmp_path):
    # the termbase keys en-GB/fr-FR as en/fr; the review file and the report of a run
    # through it (new, then known) name the languages as a run without one does
    runner = CliRunner()
    memory = str(DATA / "tmx" / "dgt-tm" / "22019D0437.tmx")
    db = str(tmp_path / "terms.db")
    shown = {}
    for run, extra in (("alone", []), ("new", ["--termbase", db]), ("known", ["--termbase", db])):
        review, report = tmp_path / f"{run}.xlsx", tmp_path / f"{run}.html"
        result = runner.invoke(terms, [memory, *extra, "--review", str(review),
                                       "--report", str(report)])
        assert result.exit_code == 0, result.output
        rows = list(load_workbook(review).active.iter_rows(values_only=True))
        columns = [rows[0].index("source lang"), rows[0].index("target lang")]
        shown[run] = ({tuple(row[i] for i in columns) for row in rows[1:]},
                      sorted(re.findall(r">(\w\w(?:-\w\w)?)<", report.read_text("utf-8"))))
    assert shown["alone"][0] == {("en-GB", "fr-FR")}
    assert shown["new"] == shown["known"] == shown["alone"]


def test_an_approved_word_leaves_its_counts_to_the_longer_terms_that_hold_it(tmp_path):
    # "Parliament" -> "Parlement" approved between two runs: the occurrences inside
    # "European Parliament" -> "Parlement européen" stay that term's, as in one run without
    # any review; the word keeps its free occurrences (competitive linking, as ever)
    runner = CliRunner()
    first, second = ([str(SESSIONS / f"ep-00-01-{day}.{lang}.txt") for lang in ("en", "fr")]
                     for day in ("17", "21"))
    one = runner.invoke(terms, [*first, *second, "--termbase", str(tmp_path / "one.db"),
                                "--csv", str(tmp_path / "one.csv")])
    assert one.exit_code == 0, one.output
    db = tmp_path / "two.db"
    assert runner.invoke(terms, [*first, "--termbase", str(db)]).exit_code == 0
    with Termbase(db) as termbase:
        word = next(p for p in termbase.pairs() if p.source_lemma == "parliament"
                    and p.target_lemma == "parlement")
        assert termbase.set_status(word.id, "approved")
    two = runner.invoke(terms, [*second, "--termbase", str(db), "--csv",
                                str(tmp_path / "two.csv")])
    assert two.exit_code == 0, two.output
    in_one, in_two = _counts(tmp_path / "one.csv"), _counts(tmp_path / "two.csv")
    assert in_two[("Parliament", "Parlement")] == in_one[("Parliament", "Parlement")]
    longer = ("European Parliament", "Parlement européen")
    # (the approved word no longer competes for the two words with the longer term, which
    # may then take an occurrence a weaker rendering took in the one run)
    assert int(in_two[longer]) >= int(in_one[longer]) >= 9


def glossary_rows(path: Path) -> list[dict[str, str]]:
    """The rows of a `terms --csv` glossary, its term columns (headed by their languages)
    read as "source" and "target"."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        header, *rows = csv.reader(handle)
    names = ["source", "target", *header[2:]]
    return [dict(zip(names, row, strict=True)) for row in rows]


def _counts(csv_path: Path) -> dict[tuple[str, str], str]:
    return {(row["source"], row["target"]): row["count"] for row in glossary_rows(csv_path)}


def test_counts_accumulate_across_runs_as_in_one_run(tmp_path):
    # two real documents: an EP session and a DGT-TM act; pairs linked once in each
    session = [str(SESSIONS / f"ep-00-01-17.{lang}.txt") for lang in ("en", "fr")]
    act = str(DATA / "tmx" / "dgt-tm" / "22019A0315(01).tmx")
    runner = CliRunner()
    one = runner.invoke(terms, [*session, act, "--termbase", str(tmp_path / "one.db"),
                                "--csv", str(tmp_path / "one.csv")])
    assert one.exit_code == 0, one.output
    first = runner.invoke(terms, [*session, "--termbase", str(tmp_path / "two.db")])
    second = runner.invoke(terms, [act, "--termbase", str(tmp_path / "two.db"),
                                   "--csv", str(tmp_path / "two.csv")])
    assert first.exit_code == second.exit_code == 0, first.output + second.output
    in_one, in_two = _counts(tmp_path / "one.csv"), _counts(tmp_path / "two.csv")
    for pair in (("code of conduct", "code de conduite"), ("Norway", "Norvège")):
        assert in_one[pair] == in_two[pair] == "2"
    # the same terms too: each pair's citation form is made from all its occurrences, not
    # kept from the first run that met it ("Agreement"/"accord" then "Accord")
    with Termbase(tmp_path / "one.db") as a, Termbase(tmp_path / "two.db") as b:
        assert ({(p.key, p.count, p.source_term, p.target_term) for p in a.pairs()}
                == {(p.key, p.count, p.source_term, p.target_term) for p in b.pairs()})
    # a pair left out by a high --min-count comes back with a lower one: the documents were
    # read, and their evidence kept
    runner.invoke(terms, [*session, "--termbase", str(tmp_path / "high.db"), "--min-count", "5",
                          "--csv", str(tmp_path / "high.csv")])
    assert ("Norway", "Norvège") not in _counts(tmp_path / "high.csv")
    low = runner.invoke(terms, [*session, "--termbase", str(tmp_path / "high.db"),
                                "--min-count", "1", "--csv", str(tmp_path / "low.csv")])
    assert "not counted again" in low.output
    assert _counts(tmp_path / "low.csv")[("Norway", "Norvège")] == "1"


def test_later_runs_keep_the_terms_a_reviewer_wrote_and_remake_the_others(tmp_path):
    first, second = ([str(SESSIONS / f"ep-00-01-{day}.{lang}.txt") for lang in ("en", "fr")]
                     for day in ("17", "21"))
    runner = CliRunner()
    db = tmp_path / "t.db"
    assert runner.invoke(terms, [*first, "--termbase", str(db)]).exit_code == 0
    with Termbase(db) as termbase:
        written = next(p for p in termbase.pairs() if p.source_lemma == "agenda")
        assert termbase.set_terms(written.id, "Agenda", written.target_term)
        # what a run of schema 3 left: the terms of its first run, none marked as written
        termbase.db.execute("UPDATE pairs SET source_term = 'Parliaments' WHERE id IN"
                            " (SELECT id FROM pairs WHERE source_lemma = 'parliament')")
    assert runner.invoke(terms, [*second, "--termbase", str(db)]).exit_code == 0
    with Termbase(db) as termbase:
        pairs = termbase.pairs()
        assert termbase.get(written.id).source_term == "Agenda"
        assert {p.source_term for p in pairs if p.source_lemma == "parliament"} == {
            "Parliament"}


def test_a_termbase_of_schema_3_keeps_the_terms_of_its_decided_pairs(tmp_path):
    from tmx_export.terms.termbase import MIGRATIONS

    db = tmp_path / "old.db"
    con = sqlite3.connect(db)
    con.executescript(";".join(MIGRATIONS[:3]) + "; PRAGMA user_version = 3;")
    con.executemany(
        "INSERT INTO pairs (source_lang, target_lang, source_lemma, target_lemma, source_term,"
        " target_term, status, created, updated) VALUES ('en-GB', 'fr-FR', ?, ?, ?, ?, ?,"
        " '', '')", [("cluster", "conglomérat", "Clusters", "conglomérats", "approved"),
                     ("value chain", "chaîne de valeur", "value chains", "chaînes de valeur",
                      "proposed")])
    con.commit()
    con.close()
    _update(db, seed_pair())
    with Termbase(db) as termbase:
        assert termbase.version == SCHEMA_VERSION
        terms_of = {p.source_lemma: (p.source_term, p.target_term)
                    for p in termbase.pairs(min_count=1)}
    # a reviewer decided "cluster" as written then; "value chain" takes its citation form
    assert terms_of["cluster"] == ("Clusters", "conglomérats")
    assert terms_of["value chain"] == ("value chain", "chaîne de valeur")


def test_the_termbase_line_says_how_many_recorded_pairs_are_new(tmp_path):
    # issue 17: "769 new pair(s); 594 en-GB/fr-FR pair(s) in all" on a first run: the new
    # ones counted the candidates below --min-count, which no output holds
    act = str(DATA / "tmx" / "dgt-tm" / "22019D0996.tmx")
    db, table = str(tmp_path / "t.db"), str(tmp_path / "t.csv")
    first = CliRunner().invoke(terms, [act, "--termbase", db, "--csv", table])
    assert first.exit_code == 0, first.output
    recorded = len(_counts(Path(table)))
    assert f"{recorded} en/fr pair(s) recorded, {recorded} of them new" in first.output
    below = re.search(r"and (\d+) new candidate pair\(s\) seen fewer than 2 time",
                      first.output)
    assert below and int(below.group(1)) > 0
    other = str(DATA / "tmx" / "dgt-tm" / "22019D0391.tmx")
    second = CliRunner().invoke(terms, [other, "--termbase", db, "--csv", table])
    assert second.exit_code == 0, second.output
    new = int(re.search(r"recorded, (\d+) of them new", second.output).group(1))
    assert 0 < new < len(_counts(Path(table)))


def test_a_termbase_of_schema_1_is_migrated_and_keeps_its_counts(tmp_path):
    from tmx_export.terms.termbase import MIGRATIONS

    db = tmp_path / "old.db"
    con = sqlite3.connect(db)
    con.executescript(MIGRATIONS[0] + "PRAGMA user_version = 1;")
    con.close()
    # a document counted by a run of schema 1 (no units kept), then migrated
    summary, stored = _update(db, seed_pair())
    with Termbase(db) as termbase:
        assert termbase.version == SCHEMA_VERSION
        assert termbase.stored_units(("en-GB", "fr-FR")) == []
    cluster_before = next(p for p in stored if p.source_lemma == "cluster").count
    result = CliRunner().invoke(terms, [str(SEED_DUMP), "--termbase", str(db),
                                        "--csv", str(tmp_path / "g.csv")])
    assert result.exit_code == 0, result.output
    # the seed document again under its own name, as units: counted beside the old evidence
    assert int(_counts(tmp_path / "g.csv")[("cluster", "conglomérat")]) > cluster_before


def test_termbase_schema_version_and_refusals(tmp_path):
    db = tmp_path / "t.db"
    with Termbase(db) as termbase:
        assert termbase.version == SCHEMA_VERSION
    con = sqlite3.connect(db)
    con.execute("PRAGMA user_version = 99")
    con.commit()
    con.close()
    with pytest.raises(InputError, match="newer"):
        Termbase(db)
    other = tmp_path / "other.db"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE x (y)")
    con.commit()
    con.close()
    with pytest.raises(InputError, match="not a termbase"):
        Termbase(other)
    text = tmp_path / "notes.db"
    text.write_text("hello, not sqlite at all" * 50)
    with pytest.raises(InputError):
        Termbase(text)


# -- review file -----------------------------------------------------------------------------

def test_review_round_trip_changes_statuses(tmp_path):
    db = tmp_path / "terms.db"
    _, stored = _update(db, seed_pair())
    xlsx = tmp_path / "review.xlsx"
    assert write_review(stored, xlsx) == len(stored)
    book = load_workbook(xlsx)
    sheet = book["review"]
    header = [c.value for c in sheet[1]]
    status_col = header.index("status") + 1
    note_col = header.index("note") + 1
    assert sheet.data_validations.dataValidation[0].formula1 == (
        '"proposed,approved,rejected,forbidden"')
    rows = {sheet.cell(r, 1).value: r for r in range(2, sheet.max_row + 1)}
    assert sheet.cell(rows["cluster"], header.index("count") + 1).value == 6
    assert "clusters (4)" in sheet.cell(rows["cluster"], header.index("source variants") + 1).value
    sheet.cell(rows["cluster"], status_col).value = "approved"
    sheet.cell(rows["Commission"], status_col).value = "rejected"
    sheet.cell(rows["Commission"], note_col).value = "not a term"
    book.save(xlsx)
    with Termbase(db) as termbase:
        summary = apply_review(xlsx, termbase)
        assert summary.changed == 2
        after = {p.source_term: p for p in termbase.pairs()}
    assert after["cluster"].status == "approved"
    assert (after["Commission"].status, after["Commission"].note) == ("rejected", "not a term")
    assert after["value chain"].status == "proposed"


def _review_copy(stored, path: Path, edits: dict[str, dict[str, str]]) -> Path:
    """A review file of ``stored`` with the cells of ``edits`` (source term -> column ->
    value) typed in, as a reviewer would."""
    write_review(stored, path)
    book = load_workbook(path)
    sheet = book["review"]
    header = [c.value for c in sheet[1]]
    rows = {sheet.cell(r, 1).value: r for r in range(2, sheet.max_row + 1)}
    for term, cells in edits.items():
        for column, value in cells.items():
            sheet.cell(rows[term], header.index(column) + 1).value = value
    book.save(path)
    return path


def test_an_older_review_file_does_not_put_back_what_it_showed(tmp_path):
    """A review file applied after the termbase changed (a second reviewer's copy, last
    month's export) put back the spellings and statuses it showed: cells its reviewer left
    alone now leave the termbase's newer ones, cells changed are recorded, and a cell
    changed over a pair changed since, to something else, is refused (nothing recorded)."""
    db = tmp_path / "terms.db"
    _, stored = _update(db, seed_pair())
    with Termbase(db) as termbase:
        apply_review(_review_copy(stored, tmp_path / "first.xlsx",
                                  {"cluster": {"status": "approved"}}), termbase)
        stored = termbase.pairs()
    old = _review_copy(stored, tmp_path / "old.xlsx", {})  # cluster approved in it
    mine = _review_copy(stored, tmp_path / "mine.xlsx",
                        {"Commission": {"status": "rejected"}})
    newer = _review_copy(stored, tmp_path / "newer.xlsx", {
        "cluster": {"status": "forbidden", "note": "use grappe"},
        "value chain": {"source term": "value chains"}})
    with Termbase(db) as termbase:
        apply_review(newer, termbase)
        summary = apply_review(old, termbase)  # changes nothing: every cell as written
        assert (summary.changed, summary.newer_kept) == (0, 2), summary
        summary = apply_review(mine, termbase)  # its own decision only
        assert summary.changed == 1 and summary.changes == [
            ("Commission", "Commission", "rejected")], summary
        after = {p.source_lemma: p for p in termbase.pairs()}
    assert (after["cluster"].status, after["cluster"].note) == ("forbidden", "use grappe")
    assert after["value chain"].source_term == "value chains"
    assert after["commission"].status == "rejected"
    # the same decision twice is no news; a note typed alone is recorded
    same = _review_copy(stored, tmp_path / "same.xlsx", {
        "cluster": {"status": "forbidden"}, "value chain": {"note": "see IATE"}})
    with Termbase(db) as termbase:
        summary = apply_review(same, termbase)
        after = {p.source_lemma: p for p in termbase.pairs()}
    assert after["cluster"].status == "forbidden" and not summary.redecided
    assert (after["value chain"].status, after["value chain"].note) == ("proposed", "see IATE")
    # a decision over one made since: the later act is recorded, and said
    clash = _review_copy(stored, tmp_path / "clash.xlsx", {"cluster": {"status": "rejected"}})
    result = CliRunner().invoke(terms, ["apply", str(clash), "--termbase", str(db)])
    assert result.exit_code == 0, result.output
    assert "cluster -> conglomérat: status 'forbidden' in the termbase, not what the review " \
        "file showed; the file's 'rejected' recorded over it" in result.output
    with Termbase(db) as termbase:
        assert {p.source_lemma: p.status for p in termbase.pairs()}["cluster"] == "rejected"
    # a file of an older version (no such columns) is read as before: "proposed" over a
    # decided pair is left out (Commission), the rest recorded
    _as_older_version(old)
    with Termbase(db) as termbase:
        summary = apply_review(old, termbase)
        assert summary.kept_decided == 1 and summary.newer_kept == 0, summary
        assert {p.source_lemma: p.status for p in termbase.pairs()}["commission"] == "rejected"


def _as_older_version(review: Path) -> None:
    """The review file made as an older version wrote it: without the hidden "as written"
    columns (from "status as written" on)."""
    book = load_workbook(review)
    sheet = book["review"]
    header = [c.value for c in sheet[1]]
    first = header.index("status as written") + 1
    sheet.delete_cols(first, len(header) - first + 1)
    book.save(review)


def test_a_note_emptied_in_the_review_file_is_removed(tmp_path):
    """A reviewer who deleted a note in the review file saw "0 pair(s) changed" and the
    note stayed in the termbase, its TBX and CSV: the file shows each note as written, so
    an emptied cell is a decision. A file without those columns keeps the note, as before."""
    db = tmp_path / "terms.db"
    _, stored = _update(db, seed_pair())
    with Termbase(db) as termbase:
        apply_review(_review_copy(stored, tmp_path / "first.xlsx", {
            "cluster": {"status": "approved", "note": "IATE agrees"},
            "value chain": {"note": "see IATE"}}), termbase)
        stored = termbase.pairs()
    emptied = _review_copy(stored, tmp_path / "emptied.xlsx",
                           {"cluster": {"note": None}, "value chain": {"note": ""}})
    with Termbase(db) as termbase:
        summary = apply_review(emptied, termbase)
        after = {p.source_lemma: p for p in termbase.pairs()}
    assert summary.changed == 2, summary
    assert (after["cluster"].status, after["cluster"].note) == ("approved", "")
    assert (after["value chain"].status, after["value chain"].note) == ("proposed", "")
    # an older file (no "as written" columns) cannot tell: its empty note keeps the pair's
    with Termbase(db) as termbase:
        apply_review(_review_copy(termbase.pairs(), tmp_path / "again.xlsx",
                                  {"cluster": {"note": "IATE agrees"}}), termbase)
        stored = termbase.pairs()
    old = _review_copy(stored, tmp_path / "old.xlsx", {"cluster": {"note": None}})
    _as_older_version(old)
    with Termbase(db) as termbase:
        apply_review(old, termbase)
        assert {p.source_lemma: p.note for p in termbase.pairs()}["cluster"] == "IATE agrees"


def test_a_note_typed_as_a_date_reads_back_as_the_spreadsheet_shows_it(tmp_path):
    """A spreadsheet turns a note typed "2024-05-01" into a date; it came back as
    "2024-05-01 00:00:00" in the termbase and the TBX."""
    from datetime import datetime

    db = tmp_path / "terms.db"
    _, stored = _update(db, seed_pair())
    xlsx = tmp_path / "review.xlsx"
    write_review(stored, xlsx)
    book = load_workbook(xlsx)
    sheet = book["review"]
    header = [c.value for c in sheet[1]]
    rows = {sheet.cell(r, 1).value: r for r in range(2, sheet.max_row + 1)}
    sheet.cell(rows["cluster"], header.index("status") + 1).value = "approved"
    sheet.cell(rows["cluster"], header.index("note") + 1).value = datetime(2024, 5, 1)
    sheet.cell(rows["Commission"], header.index("status") + 1).value = "approved"
    sheet.cell(rows["Commission"], header.index("note") + 1).value = datetime(2024, 5, 1, 9, 30)
    book.save(xlsx)
    with Termbase(db) as termbase:
        apply_review(xlsx, termbase)
        notes = {p.source_term: p.note for p in termbase.pairs()}
    assert (notes["cluster"], notes["Commission"]) == ("2024-05-01", "2024-05-01 09:30")


def test_a_form_written_with_a_no_break_space_is_no_second_variant():
    """Variant lists showed "Member States (84), Member State (8), Member States (3)": the
    third written with a no-break space. A form is its words, however spaced."""
    sessions = DATA / "europarl-sessions"
    en, fr = ((sessions / f"ep-00-01-17.{lang}.txt").read_text("utf-8").split("\n\n")
              for lang in ("en", "fr"))
    units = [Pair(e.strip(), f.strip(), "en-GB", "fr-FR", file="ep-00-01-17", line=n)
             for n, (e, f) in enumerate(zip(en, fr, strict=True), 1)
             if "Member States" in e and "États membres" in f]
    assert len(units) >= 10
    for unit in units[::3]:  # a third of them as a word processor may write them
        unit.source = unit.source.replace("Member States", "Member\u00a0States")
        unit.target = unit.target.replace("États membres", "États\u00a0membres")
    pair = next(p for p in extract_terms(units) if p.source_lemma == "member state")
    for variants, written in ((pair.source_variants, "Member States"),
                              (pair.target_variants, "États membres")):
        assert len({" ".join(form.split()) for form in variants}) == len(variants), variants
        assert written in variants and "\u00a0" not in "".join(variants)
    assert "\u00a0" not in pair.source_term + pair.target_term


def test_review_with_a_bad_status_names_the_row(tmp_path):
    stored = extract_terms([seed_pair()])
    xlsx = tmp_path / "review.xlsx"
    write_review(stored, xlsx)
    book = load_workbook(xlsx)
    book["review"]["C3"] = "maybe"
    book.save(xlsx)
    with Termbase(tmp_path / "t.db") as termbase, pytest.raises(InputError) as info:
        apply_review(xlsx, termbase)
    assert ":3:" in str(info.value) and "maybe" in str(info.value)


# -- CLI -------------------------------------------------------------------------------------

def test_the_csv_glossary_opens_in_a_spreadsheet_with_its_accents(tmp_path):
    """Excel, double-clicked, reads a UTF-8 CSV without a byte order mark in the Windows
    code page: "chaÃ®ne de valeur" for "chaîne de valeur". Written with one, as Excel
    saves its own "CSV UTF-8"."""
    glossary = tmp_path / "g.csv"
    result = CliRunner().invoke(terms, [str(SEED_DUMP), "--csv", str(glossary)])
    assert result.exit_code == 0, result.output
    data = glossary.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    text = data[len(codecs.BOM_UTF8):].decode("utf-8")
    assert ",chaîne de valeur," in text and "\ufeff" not in text


def test_cli_seed_dump_writes_every_output(tmp_path):
    runner = CliRunner()
    out = {name: tmp_path / name for name in ("t.db", "t.tbx", "r.xlsx", "r.html", "g.csv")}
    result = runner.invoke(terms, [
        str(SEED_DUMP), "--termbase", str(out["t.db"]), "--tbx", str(out["t.tbx"]),
        "--review", str(out["r.xlsx"]), "--report", str(out["r.html"]), "--csv", str(out["g.csv"]),
    ])
    assert result.exit_code == 0, result.output
    assert all(path.exists() for path in out.values())
    with out["g.csv"].open(encoding="utf-8-sig", newline="") as handle:
        assert next(csv.reader(handle))[:2] == ["en-GB", "fr-FR"]  # the run's languages
    rows = glossary_rows(out["g.csv"])
    assert {k: v for k, v in rows[0].items() if k != "termhood"} == {
        "source": "cluster", "target": "conglomérat", "count": "6", "status": "proposed"}
    assert rows[1]["source"] == "value chain" and rows[1]["count"] == "2"
    # termhood, in every table: a two-word unit above a single everyday word
    termhood = {row["source"]: float(row["termhood"]) for row in rows}
    assert termhood["value chain"] > termhood["cluster"] > 0
    review = load_workbook(out["r.xlsx"], read_only=True)["review"]
    header, *cells = [list(r) for r in review.iter_rows(values_only=True)]
    assert {row[0]: row[header.index("termhood")] for row in cells} == termhood
    report = out["r.html"].read_text(encoding="utf-8")
    assert 'data-key="termhood"' in report
    shown = re.search(r'data-source="value chain"[^>]*data-termhood="([\d.]+)"', report)
    assert shown and abs(float(shown.group(1)) - termhood["value chain"]) < 0.005
    # second run: nothing counted twice
    again = runner.invoke(terms, [str(SEED_DUMP), "--termbase", str(out["t.db"]),
                                  "--csv", str(out["g.csv"])])
    assert again.exit_code == 0, again.output
    assert "not counted again" in again.output
    assert glossary_rows(out["g.csv"])[0]["count"] == "6"
    # apply, through the same command object
    applied = runner.invoke(terms, ["apply", str(out["r.xlsx"]), "--termbase", str(out["t.db"])])
    assert applied.exit_code == 0, applied.output
    assert "0 pair(s) changed" in applied.output


def test_cli_bad_input_is_one_line(tmp_path):
    runner = CliRunner()
    result = runner.invoke(terms, [str(tmp_path / "missing.txt")])
    assert result.exit_code != 0
    assert "missing.txt" in result.output and "Traceback" not in result.output
    result = runner.invoke(terms, ["apply", str(tmp_path / "none.xlsx"), "--termbase",
                                   str(tmp_path / "t.db")])
    assert result.exit_code != 0 and "no such file" in result.output
    result = runner.invoke(terms, [str(SEED_DUMP), "--tbx", str(tmp_path / "no" / "x.tbx")])
    assert result.exit_code != 0 and "directory does not exist" in result.output
    assert not (tmp_path / "no").exists()


def test_cli_outputs_never_overwrite_what_the_run_reads(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    dump, glossary = tmp_path / "dump.txt", tmp_path / "g.tsv"
    dump.write_bytes(SEED_DUMP.read_bytes())
    glossary.write_text("source\ttarget\nvalue chain\tchaîne de valeur\n", encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(dump)
    before = {path: path.read_bytes() for path in (dump, glossary)}
    overwrite, twice = "output would overwrite an input file", "given twice as an output"
    cases = [(["dump.txt", "--csv", "dump.txt"], "dump.txt", overwrite),
             (["dump.txt", "--tbx", "./dump.txt"], "./dump.txt", overwrite),
             (["link.txt", "--report", str(dump)], str(dump), overwrite),
             (["dump.txt", "--review", "link.txt"], "link.txt", overwrite),
             (["dump.txt", "--glossary", "g.tsv", "--csv", "g.tsv"], "g.tsv", overwrite),
             (["dump.txt", "--termbase", "dump.txt"], "dump.txt", overwrite),
             (["dump.txt", "--csv", "x.csv", "--tbx", "x.csv"], "x.csv", twice),
             (["dump.txt", "--termbase", "t.db", "--report", "./t.db"], "./t.db", twice)]
    for args, name, why in cases:
        result = CliRunner().invoke(terms, args)
        assert result.exit_code == 1, args
        assert result.stderr == f"tmx-export: error: {name}: {why}\n"
        assert result.stdout == ""  # refused before any work
    assert {path: path.read_bytes() for path in before} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dump.txt", "g.tsv", "link.txt"]
    applied = CliRunner().invoke(terms, ["apply", "g.tsv", "--termbase", "g.tsv"])
    assert applied.stderr == f"tmx-export: error: g.tsv: {overwrite}\n"


def test_cli_outputs_checked_before_any_work_and_the_termbase_left_alone(tmp_path):
    runner = CliRunner()
    db = tmp_path / "t.db"
    for option in ("--tbx", "--review", "--report", "--csv"):
        bad = tmp_path / "no" / "x"
        result = runner.invoke(terms, [str(SEED_DUMP), "--termbase", str(db), option, str(bad)])
        assert result.exit_code == 1
        assert result.stderr == f"tmx-export: error: {bad}: cannot write: the directory does " \
                                "not exist\n"
        assert result.stdout == "" and not db.exists()
    result = runner.invoke(terms, [str(SEED_DUMP), "--termbase", str(tmp_path / "no" / "t.db")])
    assert result.exit_code == 1 and result.stdout == ""
    assert "t.db: cannot write: the directory does not exist" in result.stderr
    # a termbase of an earlier run is not changed by a refused one
    assert runner.invoke(terms, ["-q", str(SEED_DUMP), "--termbase", str(db)]).exit_code == 0
    kept = db.read_bytes()
    result = runner.invoke(terms, [str(DATA / "europarl_pairs.tsv"), "--termbase", str(db),
                                   "--csv", f"{tmp_path / 'new'}/"])
    assert result.exit_code == 1 and "cannot write: a directory name" in result.stderr
    assert db.read_bytes() == kept
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.db"]


def test_cli_outputs_named_as_another_format_are_refused_before_any_work(tmp_path):
    # "--report rep.xlsx" wrote an HTML page that a spreadsheet then failed to open, and
    # "--csv terms.tbx" a CSV that a CAT tool took for a TBX
    runner = CliRunner()
    db = tmp_path / "t.db"
    cases = [("--report", "rep.xlsx", "--report writes HTML, but a name ending in .xlsx says "
              "XLSX (--review writes XLSX): name it *.html or *.htm"),
             ("--review", "review.html", "--review writes XLSX, but a name ending in .html "
              "says HTML (--report writes HTML): name it *.xlsx"),
             ("--tbx", "terms.csv", "--tbx writes TBX, but a name ending in .csv says CSV "
              "(--csv writes CSV): name it *.tbx or *.xml"),
             ("--csv", "terms.TBX", "--csv writes CSV, but a name ending in .tbx says TBX "
              "(--tbx writes TBX): name it *.csv"),
             ("--csv", "terms.tsv", "--csv writes CSV, but a name ending in .tsv says TSV: "
              "name it *.csv"),
             ("--termbase", "terms.tbx", "--termbase writes SQLite, but a name ending in .tbx "
              "says TBX (--tbx writes TBX): name it *.db or *.sqlite or *.sqlite3")]
    for option, name, why in cases:
        out = tmp_path / name
        args = [str(SEED_DUMP), option, str(out)]
        if option != "--termbase":
            args += ["--termbase", str(db)]
        result = runner.invoke(terms, args)
        assert (result.exit_code, result.stdout) == (1, ""), args
        assert result.stderr == f"tmx-export: error: {out}: {why}\n"
    assert list(tmp_path.iterdir()) == []  # not even the termbase
    # names that say no other format are taken as given (/dev/null too)
    result = runner.invoke(terms, ["-q", str(SEED_DUMP), "--termbase", str(db),
                                   "--report", str(tmp_path / "rep.htm"),
                                   "--csv", str(tmp_path / "terms.txt"),
                                   "--tbx", str(tmp_path / "terms.xml"),
                                   "--review", os.devnull])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rep.htm", "t.db", "terms.txt",
                                                          "terms.xml"]
    assert (tmp_path / "rep.htm").read_text("utf-8").startswith("<!DOCTYPE html>")


def _seed_table(tmp_path: Path) -> tuple[Path, list[tuple[str, str]]]:
    """The seed's five clause pairs as a TSV table, one row each."""
    pair = seed_pair()
    rows = [(pair.source[a:b], pair.target[c:d])
            for (a, b), (c, d) in piece_spans(pair.source, pair.target)]
    path = tmp_path / "seed.tsv"
    path.write_text("en-GB\tfr-FR\n" + "".join(f"{s}\t{t}\n" for s, t in rows),
                    encoding="utf-8")
    return path, rows


def test_table_input_one_unit_per_row(tmp_path):
    path, rows = _seed_table(tmp_path)
    units, rejects = read_term_units([str(path)])
    assert [(u.source, u.target) for u in units] == rows and not rejects
    found = extract_terms(units)
    cluster = found[0]
    assert (cluster.source_term, cluster.target_term, cluster.count) == (
        "cluster", "conglomérat", 6)
    for context in cluster.contexts:  # rows are units 1, 2, ... in order
        assert (context.source, context.target) == rows[int(context.tuid) - 1]
    assert len({c.tuid for c in cluster.contexts}) == len(cluster.contexts) > 1


def test_cli_segment_option_and_table_input(tmp_path):
    path, _ = _seed_table(tmp_path)
    runner = CliRunner()
    for segment in ("sentence", "clause"):
        out = tmp_path / f"{segment}.csv"
        result = runner.invoke(terms, [str(SEED_DUMP), "--segment", segment, "--csv", str(out)])
        assert result.exit_code == 0, result.output
        first = glossary_rows(out)[0]
        assert (first["source"], first["target"], first["count"]) == (
            "cluster", "conglomérat", "6")
    result = runner.invoke(terms, [str(SEED_DUMP), "--segment", "paragraphs"])
    assert result.exit_code != 0 and "paragraphs" in result.output
    result = runner.invoke(terms, [str(path), "--csv", str(tmp_path / "t.csv")])
    assert result.exit_code == 0, result.output
    assert "from 5 unit(s) in 1 document(s)" in result.output


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_candidate_keys_read_back_from_their_surface_forms(lang):
    # Extraction counts candidates by the hash of their lemma key and reads the keys of the
    # recorded pairs back from a surface form: that must give the key again.
    extractor = Extractor(lang)
    text = (DATA / "europarl" / f"ep-00-01-17-excerpt.{lang}.txt").read_text(encoding="utf-8")
    text += " L'Europe, D'abord, C'est l'AELE; the SME's EU-US CE-EEE"
    checked = 0
    for line in text.splitlines():
        tokens = extractor.tokens(line)
        for found in extractor.candidates(tokens):
            surface = line[tokens[found.first].start:tokens[found.last - 1].end]
            assert extractor.key(surface) == found.key, surface
            checked += 1
    assert checked > 500


def test_a_document_is_recognised_whatever_was_read_before_it(tmp_path):
    # A table holding the seed's paragraph unit, read first, takes that unit: the seed dump
    # then brings fewer units than when read alone, but it is still the same document.
    alone, _ = read_term_units([str(SEED_DUMP)])
    paragraph = max(alone, key=lambda u: len(u.source))
    table = tmp_path / "other.tsv"
    table.write_text(f"en-GB\tfr-FR\n{paragraph.source}\t{paragraph.target}\n",
                     encoding="utf-8")
    after, _ = read_term_units([str(table), str(SEED_DUMP)])
    assert len([u for u in after if u.file == str(SEED_DUMP)]) < len(alone)
    db = tmp_path / "t.db"
    runner = CliRunner()
    first = runner.invoke(terms, [str(SEED_DUMP), "--termbase", str(db)])
    assert first.exit_code == 0, first.output
    again = runner.invoke(terms, [str(table), str(SEED_DUMP), "--termbase", str(db),
                                  "--csv", str(tmp_path / "g.csv")])
    assert again.exit_code == 0, again.output
    assert f"not counted again: {SEED_DUMP}" in again.output
    with Termbase(db) as termbase:
        assert [Path(d.name).name for d in termbase.documents()] == [SEED_DUMP.name, "other.tsv"]
    assert glossary_rows(tmp_path / "g.csv")[0]["count"] == "12"  # the seed's 6 + the table's 6


def test_another_translation_of_a_source_file_is_another_document(tmp_path):
    """A pair of parallel files was recognised by its source file's bytes alone: the same
    English file with another (corrected, or another translator's) French file was "already
    in the termbase, not counted again", its translation silently ignored. A termbase that
    counted a pair so still recognises the same two files."""
    import hashlib

    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    source = (SESSIONS / "ep-00-01-17.en.txt").read_bytes()
    translation = (SESSIONS / "ep-00-01-17.fr.txt").read_text(encoding="utf-8")
    assert translation.count("États membres") > 10
    for folder, french in ((first, translation),
                           (second, translation.replace("États membres", "Pays membres"))):
        (folder / "ep.en.txt").write_bytes(source)
        (folder / "ep.fr.txt").write_text(french, encoding="utf-8")
    db = tmp_path / "t.db"
    runner = CliRunner()
    done = runner.invoke(terms, [str(first / "ep.en.txt"), "--termbase", str(db)])
    assert done.exit_code == 0, done.output
    other = runner.invoke(terms, [str(second / "ep.en.txt"), "--termbase", str(db),
                                  "--csv", str(tmp_path / "g.csv")])
    assert other.exit_code == 0, other.output
    assert "not counted again" not in other.output
    assert "1 document(s) added" in other.output
    renderings = {row["target"] for row in glossary_rows(tmp_path / "g.csv")
                  if row["source"] == "Member State"}
    assert renderings == {"État membre", "Pays membre"}
    # a termbase that fingerprinted the pair by its source file: the same files are the
    # document it counted, the other translation a new one
    old = tmp_path / "old.db"
    done = runner.invoke(terms, [str(first / "ep.en.txt"), "--termbase", str(old)])
    assert done.exit_code == 0, done.output
    con = sqlite3.connect(old)
    con.execute("UPDATE documents SET fingerprint = ?", (hashlib.sha256(source).hexdigest(),))
    con.commit()
    con.close()
    again = runner.invoke(terms, [str(first / "ep.en.txt"), "--termbase", str(old)])
    assert again.exit_code == 0, again.output
    assert "not counted again" in again.output
    other = runner.invoke(terms, [str(second / "ep.en.txt"), "--termbase", str(old)])
    assert "1 document(s) added" in other.output, other.output



def test_a_copy_saved_again_by_an_editor_is_the_same_document(tmp_path):
    """A document was recognised by its bytes: a colleague's copy of the same dump saved by
    an editor with Windows line ends, or in UTF-16, or without its last line end, was a new
    document, its terms counted twice. Its text as read is what identifies it now; a word
    changed is still another document; a termbase that stored the bytes' fingerprint still
    recognises the file, and from then on its copies."""
    import hashlib

    text = SEED_DUMP.read_bytes().decode("utf-8")
    assert "\r" not in text and not text.endswith("\n")
    copies = {"crlf.txt": text.replace("\n", "\r\n").encode("utf-8"),
              "utf16.txt": text.replace("\n", "\r\n").encode("utf-16"),
              "bom-last-end.txt": codecs.BOM_UTF8 + (text + "\n").encode("utf-8")}
    for name, data in copies.items():
        (tmp_path / name).write_bytes(data)
    db = tmp_path / "t.db"
    runner = CliRunner()
    done = runner.invoke(terms, [str(SEED_DUMP), "--termbase", str(db)])
    assert done.exit_code == 0, done.output
    for name in copies:
        again = runner.invoke(terms, [str(tmp_path / name), "--termbase", str(db),
                                      "--csv", str(tmp_path / "g.csv")])
        assert again.exit_code == 0, again.output
        assert f"not counted again: {tmp_path / name}" in again.output, name
        assert glossary_rows(tmp_path / "g.csv")[0]["count"] == "6", name
    changed = tmp_path / "changed.txt"
    changed.write_text(text.replace("clusters", "grappes", 1), encoding="utf-8")
    other = runner.invoke(terms, [str(changed), "--termbase", str(db)])
    assert "1 document(s) added" in other.output, other.output
    # a termbase that fingerprinted the dump by its bytes
    old = tmp_path / "old.db"
    done = runner.invoke(terms, [str(SEED_DUMP), "--termbase", str(old)])
    assert done.exit_code == 0, done.output
    con = sqlite3.connect(old)
    con.execute("UPDATE documents SET fingerprint = ?",
                (hashlib.sha256(SEED_DUMP.read_bytes()).hexdigest(),))
    con.commit()
    con.close()
    for path in (SEED_DUMP, tmp_path / "crlf.txt"):
        again = runner.invoke(terms, [str(path), "--termbase", str(old)])
        assert again.exit_code == 0, again.output
        assert "not counted again" in again.output, path



@pytest.mark.parametrize("block", [1, 2, 3, 1 << 20])
def test_a_text_digest_is_that_of_the_text_however_saved(tmp_path, monkeypatch, block):
    """The digest identifying a text document, read a block at a time (a CRLF or a
    character cut between two blocks): the same for every way of saving the same text,
    another for another text, none for what is no text (its bytes identify it)."""
    from tmx_export.formats import decoding

    monkeypatch.setattr(decoding, "_BLOCK", block)
    text = "Cette déclaration\nreste valable.\n\nFin"
    saved = {"lf": text.encode("utf-8"), "crlf": text.replace("\n", "\r\n").encode("utf-8"),
             "cr": text.replace("\n", "\r").encode("utf-8"),
             "last end": (text + "\r\n").encode("utf-8"),
             "bom": codecs.BOM_UTF8 + text.encode("utf-8"),
             "utf-16": text.replace("\n", "\r\n").encode("utf-16"),
             "utf-16-be": codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
             "cp1252": text.encode("cp1252")}
    digests = {}
    for name, data in saved.items():
        path = tmp_path / f"{name}.txt"
        path.write_bytes(data)
        digests[name] = decoding.text_digest(path)
    assert set(digests.values()) == {digests["lf"]} and digests["lf"], digests
    other = tmp_path / "other.txt"
    other.write_bytes(text.replace("\n\n", "\n").encode("utf-8"))  # a line less
    assert decoding.text_digest(other) not in (None, digests["lf"])
    workbook = tmp_path / "table.xlsx"
    workbook.write_bytes(b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xb7\xed")
    assert decoding.text_digest(workbook) is None


def test_a_pair_of_parallel_files_saved_again_is_the_same_document(tmp_path):
    """Both files of a pair re-saved with Windows line ends are the pair counted, in a
    termbase that fingerprinted the pair by both files' text, and in one that did by their
    bytes once the files it counted have been given again (the copy's bytes cannot tell
    what the original's were)."""
    import hashlib

    pair = {f"ep.{lang}.txt": SESSIONS / f"ep-00-01-17.{lang}.txt" for lang in ("en", "fr")}
    saved = tmp_path / "saved"
    saved.mkdir()
    for name, path in pair.items():
        (saved / name).write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    runner = CliRunner()
    for stored_bytes in (False, True):
        db = tmp_path / f"t{stored_bytes}.db"
        done = runner.invoke(terms, [str(pair["ep.en.txt"]), "--termbase", str(db)])
        assert done.exit_code == 0, done.output
        if stored_bytes:
            digests = b"".join(hashlib.sha256(p.read_bytes()).digest() for p in pair.values())
            con = sqlite3.connect(db)
            con.execute("UPDATE documents SET fingerprint = ?",
                        (hashlib.sha256(digests).hexdigest(),))
            con.commit()
            con.close()
        # (a termbase of bytes knows the copy once it has met the files it counted again)
        for source in (pair["ep.en.txt"], saved / "ep.en.txt")[not stored_bytes:]:
            again = runner.invoke(terms, [str(source), "--termbase", str(db)])
            assert again.exit_code == 0, again.output
            assert "not counted again" in again.output, (stored_bytes, source)


def _dgt_tables(folder: Path) -> list[str]:
    """The DGT-TM excerpt as tables of tmx-export, one file per document."""
    documents: dict[str, list[Pair]] = {}
    for pair in _dgt_documents():
        documents.setdefault(pair.file, []).append(pair)
    files = []
    for name, pairs in sorted(documents.items()):
        path = folder / f"{name}.tsv"
        path.write_text("en-GB\tfr-FR\n" + "".join(f"{p.source}\t{p.target}\n" for p in pairs),
                        encoding="utf-8")
        files.append(str(path))
    return files


def test_a_repeated_unit_is_one_more_use_not_new_evidence(tmp_path):
    # Real DGT-TM: "Article 1", "THE JOINT COMMITTEE,", "HAS ADOPTED THIS DECISION:" recur
    # from act to act; build writes each once, but each is a use of its terms in its act
    from tmx_export.terms.run import read_term_units, repeated_units, run_terms

    files = _dgt_tables(tmp_path)
    units, rejects = read_term_units(files)
    repeats = repeated_units(units, rejects)
    assert len(repeats) == sum(r.reason == "duplicate" for r in rejects) > 5
    first = {(u.source, u.target): u for u in reversed(units)}
    for repeat in repeats:  # it points at the unit written in the TMX, in its own document
        assert repeat.tuid == first[repeat.source, repeat.target].tuid
        assert repeat.file != first[repeat.source, repeat.target].file
    alone = {(p.source_lemma, p.target_lemma): p for p in extract_terms(units)}
    counted = {(p.source_lemma, p.target_lemma): p for p in extract_terms(units + repeats)}
    # association is taken over distinct texts: the same pairs, more uses
    assert counted.keys() == alone.keys()
    article = ("article", "article")
    assert counted[article].count - alone[article].count == sum(
        r.source.count("Article") for r in repeats)
    more_documents = [k for k in alone if {d for d, _, _ in counted[k].forms}
                      > {d for d, _, _ in alone[k].forms}]
    assert more_documents
    # through the command: no pair of a repeated sentence's chance neighbours ("This
    # Decision shall be effective from the date..." twice made "Decision" -> "effet à la
    # date"), and no context twice
    pairs = run_terms(files, termbase_path=str(tmp_path / "t.db"))
    assert not [p for p in pairs if p.target_term == "effet à la date"]
    decision = next(p for p in pairs if (p.source_lemma, p.target_lemma) == (
        "decision", "décision"))
    assert decision.count == counted[("decision", "décision")].count
    for pair in pairs:
        tuids = [c.tuid for c in pair.contexts]
        assert len(tuids) == len(set(tuids)), pair.source_term


def test_repeated_units_read_the_rejects_text_back():
    # The reject keeps the texts as read (before sanitise), tab-joined: a side may hold a
    # tab itself, and a line break that sanitise made a space
    from tmx_export.model import Reject
    from tmx_export.terms.run import repeated_units

    broken = Pair("Rules of Procedure apply", "le règlement intérieur s'applique", "en-GB",
                  "fr-FR", file="a.tsv", line=2, tuid="7")
    tabbed = Pair("Rules of\tProcedure", "le règlement intérieur", "en-GB", "fr-FR",
                  file="a.tsv", line=3, tuid="8")
    rejects = [Reject("b.tsv", 5, "duplicate", "Rules of\nProcedure apply\tle règlement "
                      "intérieur s'applique"),
               Reject("b.tsv", 6, "duplicate", "Rules of\tProcedure\tle règlement intérieur"),
               Reject("b.tsv", 7, "empty-side", "Rules of Procedure apply\t")]
    repeats = repeated_units([broken, tabbed], rejects)
    assert [(r.tuid, r.file, r.line, r.source) for r in repeats] == [
        ("7", "b.tsv", 5, broken.source), ("8", "b.tsv", 6, tabbed.source)]


def test_term_forming_adjectives_bound_no_term_but_numerals_do():
    # EU terms built on "common", "special", "high" (once stop words); cardinals are never terms.
    en, fr = Extractor("en"), Extractor("fr")
    en_keys = {o.key for o in en.candidates(en.tokens("the common position on the high seas"))}
    fr_keys = {o.key for o in fr.candidates(fr.tokens("le groupe spécial d'arbitrage"))}
    assert {"common position", "high sea"} <= en_keys
    assert "groupe spécial de arbitrage" in fr_keys
    assert not en.candidates(en.tokens("five")) and not fr.candidates(fr.tokens("cinq"))


@pytest.mark.parametrize(("source", "target", "name"), [
    ("President Prodi", "président Prodi", True),
    ("Alexander Nikitin", "Alexandre Nikitin", True),
    ("Wulf-Mathies", "Wulf-Mathies", True),
    ("Koch", "Koch", True),
    ("Commission", "Commission", False),
    ("CEN", "CEN", False),
    ("Council", "Conseil", False),
    ("Vice-President", "vice-présidente", False),
])
def test_names_are_told_from_terms_by_the_lexicons(source, target, name):
    from tmx_export.terms.rank import _name_like
    from tmx_export.terms.termpair import TermPair

    pair = TermPair("en-GB", "fr-FR", source.lower(), target.lower(), source, target)
    assert _name_like(pair) is name


def test_cli_progress_bar_only_on_a_terminal(tmp_path, monkeypatch):
    out = tmp_path / "g.csv"
    quiet = CliRunner().invoke(terms, [str(SEED_DUMP), "--csv", str(out)])
    assert quiet.exit_code == 0 and "Reading" not in quiet.output
    monkeypatch.setattr("tmx_export.cli.interactive", lambda: True)
    shown = CliRunner().invoke(terms, [str(SEED_DUMP), "--csv", str(out)])
    assert shown.exit_code == 0, shown.output
    assert "Reading" in shown.stderr
    hushed = CliRunner().invoke(terms, [str(SEED_DUMP), "--csv", str(out), "--quiet"])
    assert hushed.exit_code == 0 and hushed.output == ""


def test_a_termbase_run_ranks_as_a_run_without_one(tmp_path):
    """A termbase counted a conjunction as a word of a term: "economic and social cohesion"
    had termhood 3.30 from the termbase, 2.75 from a run without one, so the same sessions
    gave two rankings and two termhood columns."""
    from tmx_export.terms.run import run_terms

    alone = run_terms(BOTH_SESSIONS)
    stored = run_terms(BOTH_SESSIONS, termbase_path=str(tmp_path / "t.db"))
    cohesion = next(p for p in alone if p.source_term == "economic and social cohesion")
    assert cohesion.termhood == pytest.approx(2.75)
    assert [(p.source_term, p.target_term, p.count, round(p.termhood, 2)) for p in stored] \
        == [(p.source_term, p.target_term, p.count, round(p.termhood, 2)) for p in alone]


# --- a termbase's approved pairs anchor later runs -------------------------------------------

SESSIONS = Path(__file__).parent / "data" / "europarl-sessions"
BOTH_SESSIONS = [str(SESSIONS / f"ep-00-01-{day}.{lang}.txt")
                 for day in ("17", "21") for lang in ("en", "fr")]


def _agenda_pairs(pairs: list[TermPair]) -> dict[str, TermPair]:
    return {p.target_term: p for p in pairs if p.source_lemma == "agenda"}


def _without_vague_complements(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make "ordre du jour" a term the candidate patterns miss, as it was before they took
    a vague noun after "de" ("jour" is a stop word): the corpus then pairs "agenda" with
    the fragment "ordre", which a reviewer's pair must set right."""
    from tmx_export.terms import stopwords

    monkeypatch.setitem(stopwords.VAGUE_COMPLEMENTS, "fr", ("de", frozenset()))


@pytest.mark.parametrize("status", ["approved", "proposed", "rejected"])
def test_an_approved_pair_of_the_termbase_anchors_the_pairing(
        tmp_path: Path, status: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from tmx_export.terms.run import run_terms

    # a term the patterns miss (_without_vague_complements): the corpus alone pairs
    # "agenda" with "ordre", a fragment
    _without_vague_complements(monkeypatch)
    alone = _agenda_pairs(run_terms(BOTH_SESSIONS))
    assert "ordre" in alone and alone["ordre"].count >= 5
    # a terminologist adds the right pair (a review file's new row) with a status
    database = tmp_path / "terms.db"
    with Termbase(database) as termbase:
        pair_id = termbase.add_pair(TermPair("en-GB", "fr-FR", "agenda", "ordre de jour",
                                             "agenda", "ordre du jour"))
        termbase.set_status(pair_id, status)
    found = _agenda_pairs(run_terms(BOTH_SESSIONS, termbase_path=str(database)))
    if status != "approved":  # only an approval is a reviewer's word for the pairing
        assert found["ordre"].count == alone["ordre"].count
        assert "ordre du jour" not in found or found["ordre du jour"].count == 0
        return
    anchored = found["ordre du jour"]
    # linked wherever both occur, before the corpus's pairs: the fragment is gone
    assert anchored.count >= alone["ordre"].count - 1 and anchored.status == "approved"
    assert "ordre" not in found
    assert not anchored.glossary  # approved in the termbase, not from a --glossary file
    assert all("ordre du jour" in c.target.lower() for c in anchored.contexts)


def test_a_rejected_pair_of_the_termbase_is_not_linked_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tmx_export.terms.run import run_terms

    _without_vague_complements(monkeypatch)  # the corpus pairs "agenda" with "ordre"
    alone = run_terms(BOTH_SESSIONS)
    item_ordre = next(p.count for p in alone if (p.source_lemma, p.target_lemma)
                      == ("item", "ordre"))
    database = tmp_path / "terms.db"
    with Termbase(database) as termbase:  # a reviewer rejected the fragment pair
        pair_id = termbase.add_pair(TermPair("en-GB", "fr-FR", "agenda", "ordre", "agenda",
                                             "ordre"))
        termbase.set_status(pair_id, "rejected")
    found = run_terms(BOTH_SESSIONS, termbase_path=str(database))
    rejected = _agenda_pairs(found)["ordre"]
    assert rejected.status == "rejected" and rejected.count == 0  # new documents add nothing
    # the words it took go to the next best pairs ("next item" -> "l'ordre du jour" gives
    # "item" -> "ordre", a fragment too: what to correct next)
    assert next(p.count for p in found if (p.source_lemma, p.target_lemma)
                == ("item", "ordre")) > item_ordre


def test_terms_jobs_read_the_inputs_in_processes_with_the_same_pairs(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tmx_export import pipeline

    sent = []
    submit = pipeline._LazyPool.submit

    def counted(self, fn, /, *args):  # type: ignore[no-untyped-def]
        sent.append(fn.__name__)
        return submit(self, fn, *args)

    monkeypatch.setattr(pipeline._LazyPool, "submit", counted)
    outputs = {}
    for jobs in (1, 2):
        csv_path = tmp_path / f"j{jobs}.csv"
        result = CliRunner().invoke(terms, [*BOTH_SESSIONS, "--csv", str(csv_path),
                                            "--jobs", str(jobs), "-q"])
        assert result.exit_code == 0, result.output
        outputs[jobs] = csv_path.read_text("utf-8")
    assert sent == ["_file_work", "_file_work"]  # --jobs 2 read both sessions elsewhere
    assert outputs[1] == outputs[2] and "ordre" in outputs[1]


@pytest.mark.parametrize("determiner", ["certaines", "certains", "différentes", "diverses",
                                        "divers", "quelques", "nouvelles", "claire"])
def test_french_determiners_and_general_adjectives_bound_a_term(determiner: str) -> None:
    """simplemma lemmatises some feminine and plural forms to a lemma of their own
    ("certaines" -> "certains"), which the stop list missed: "certaines mesures de
    sûreté" -> "aviation security measure" was a pair of DGT-TM."""
    extractor = Extractor("fr")
    tokens = extractor.tokens(f"Il faut adopter {determiner} mesures de sûreté aérienne.")
    found = {o.key for o in extractor.candidates(tokens)}
    assert "mesure de sûreté aérien" in found
    piece = tokens[3].piece  # the determiner's lemma, as simplemma gives it
    assert not any(piece in key.split() for key in found)


def test_relatif_heads_no_french_term_but_may_end_one() -> None:
    """"relative à" (relating to) starts no candidate, though an adjective "relative" ends
    one ("stabilité relative"): DGT-TM paired "civil subsonic jet aeroplane" with
    "relative à la limitation des émissions sonores"."""
    extractor = Extractor("fr")
    keys = {o.key for o in extractor.candidates(extractor.tokens(
        "La directive relative à la limitation des émissions sonores et le principe de "
        "stabilité relative."))}
    assert "principe de stabilité relatif" in keys and "limitation" in keys
    assert not any(key.startswith("relatif") for key in keys)
    units = [Pair(f"The Directive relating to the limitation of noise emissions from {what} "
                  "and the principle of relative stability apply.",
                  f"La directive relative à la limitation des émissions sonores des {fr} et "
                  "le principe de stabilité relative s'appliquent.", "en-GB", "fr-FR")
             for what, fr in (("aeroplanes", "avions"), ("helicopters", "hélicoptères"),
                              ("aircraft", "aéronefs"))]
    pairs = extract_terms(units)
    assert ("principle of relative stability", "principe de stabilité relatif") in {
        (p.source_lemma, p.target_lemma) for p in pairs}
    assert not any(p.target_lemma.startswith("relatif") for p in pairs)


def test_the_noun_of_a_french_locution_starts_and_ends_no_term() -> None:
    """"en matière de", "au titre de", "en vertu de", "dans le cadre de" link the words
    around them: their noun starts no candidate and ends none (DGT-TM paired "insurance
    requirement" with "matière d'assurance" and "defence research" with "matière de
    défense", then with "recherche en matière"), though it may elsewhere ("le cadre
    communautaire"). A candidate may hold a whole locution ("exigence en matière
    d'assurance")."""
    extractor = Extractor("fr")
    keys = {o.key for o in extractor.candidates(extractor.tokens(
        "La recherche en matière de défense, au titre des directives, en vertu du mandat, "
        "dans le cadre des activités et le cadre communautaire."))}
    assert {"recherche en matière de défense", "cadre communautaire", "directive",
            "mandat"} <= keys
    assert not any(key.split()[0] in ("matière", "titre", "vertu") for key in keys)
    assert not any(key.split()[-1] in ("matière", "titre", "vertu") for key in keys)
    assert "cadre de activité" not in keys


@pytest.mark.parametrize("lang, text, preposition", [
    ("fr", "modalités de lutte contre le chômage chez les femmes", "contre"),
    ("fr", "la situation après l'élargissement et malgré la crise", "après"),
    ("fr", "la situation après l'élargissement et malgré la crise", "malgré"),
    ("fr", "les obligations envers les États membres, outre les dispositions", "envers"),
    ("fr", "les obligations envers les États membres, outre les dispositions", "outre"),
    ("fr", "la coopération auprès des autorités durant la période", "auprès"),
    ("en", "growth despite the crisis, regarding unemployment", "despite"),
    ("en", "growth despite the crisis, regarding unemployment", "regarding"),
])
def test_prepositions_bound_a_term(lang: str, text: str, preposition: str) -> None:
    """Prepositions are no content words: Europarl ep-00-01-17 paired "young people" with
    "lutte contre" ("lutte contre le chômage chez les femmes et les jeunes"), as "contre",
    "après", "malgré"... were missing from the French stop list."""
    extractor = Extractor(lang)
    keys = {o.key for o in extractor.candidates(extractor.tokens(text))}
    assert keys, text
    assert not any(preposition in key.split() for key in keys), keys


def test_young_people_is_not_paired_with_lutte_contre() -> None:
    pairs = extract_terms(_europarl_session())
    renderings = {p.target_lemma for p in pairs if p.source_lemma == "young people"}
    assert renderings and not any("contre" in r.split() for r in renderings)


def test_a_run_ending_with_a_coordinated_adjective_has_no_head() -> None:
    """"countries of Central and Eastern Europe" (Europarl ep-00-01-17) made the "N of N"
    candidate "country of Central" in head position, paired with "pays d'Europe"; and a
    compound modifier ending with an adjective ("sixth periodic" of "sixth periodic
    report") is no term used as a modifier, as "conformity assessment" is."""
    keys = _keys("the regions in the countries of Central and Eastern Europe")
    assert keys["eastern europe"] and not keys["country of central"]
    assert not keys["central"]
    # ... and "eastern" is an adjective of the coordination: "Central and Eastern Europe"
    # is one candidate, which pairs with "Europe centrale et orientale"
    assert keys["central and eastern europe"]
    keys = _keys("the sixth periodic report and the conformity assessment body")
    assert keys["sixth periodic report"] and not keys["sixth periodic"]
    assert keys["conformity assessment"]
    # "and" with no coordinated adjective before it keeps the head
    keys = _keys("the Code of Conduct and the Rules of Procedure")
    assert keys["code of conduct"] and keys["rule of procedure"]
    pairs = extract_terms(_europarl_session())
    assert not [p for p in pairs if p.source_lemma in ("country of central", "sixth periodic")]


def test_cli_glossary_tbx_leaves_out_the_pairs_nobody_reviewed(tmp_path):
    """A TBX tmx-export wrote for unreviewed pairs was read as a glossary: its guesses
    steered the pairing as anchors. Only the reviewed entry is a glossary pair now, and
    the run says how many it left out."""
    from tmx_export.terms.run import run_terms
    from tmx_export.terms.tbx import write_tbx

    found = run_terms([str(SEED_DUMP)], min_count=1)
    assert len(found) > 2 and {p.status for p in found} == {"proposed"}
    found[0].status = "approved"
    tbx = tmp_path / "terms.tbx"
    write_tbx(found, tbx)
    result = CliRunner().invoke(terms, [str(SEED_DUMP), "--glossary", str(tbx), "--csv",
                                        str(tmp_path / "g.csv"), "--min-count", "1"])
    assert result.exit_code == 0, result.output
    assert f"glossary: {len(found) - 1} proposed pair(s) left out (not reviewed)" in result.stdout
    again = run_terms([str(SEED_DUMP)], min_count=1, glossary_path=str(tbx))
    assert [(p.source_term, p.target_term) for p in again if p.glossary] == [
        (found[0].source_term, found[0].target_term)]


DGT_TMX = DATA / "tmx" / "dgt-tm"  # DGT-TM files: 24 languages each


def _terms_run(tmp_path: Path, db: str, target_lang: str, *inputs: Path, **outputs: str):
    """A CLI ``terms`` run of ``inputs`` (EN to ``target_lang``) into the termbase ``db``,
    writing the ``outputs`` given (option name: file name, in ``tmp_path``)."""
    args = [*map(str, inputs), "--termbase", str(tmp_path / db), "--target-lang", target_lang,
            "-j", "1"]
    for option, name in outputs.items():
        args += [f"--{option}", str(tmp_path / name)]
    result = CliRunner().invoke(terms, args)
    assert result.exit_code == 0, result.output
    return result


def _csv_rows(path: Path) -> list[tuple[str, str, str]]:
    return [(row["source"], row["target"], row["count"]) for row in glossary_rows(path)]


def test_a_multilingual_tmx_counts_once_per_language_pair(tmp_path):
    tmx = DGT_TMX / "22019D0996.tmx"
    _terms_run(tmp_path, "fresh.db", "fr-FR", tmx, csv="fresh.csv")
    _terms_run(tmp_path, "ml.db", "de-DE", tmx)
    fr = _terms_run(tmp_path, "ml.db", "fr-FR", tmx, csv="fr.csv")
    # read for EN-DE first, the file is still new to EN-FR: its French terms all counted
    assert "not counted again" not in fr.output
    assert _csv_rows(tmp_path / "fr.csv") == _csv_rows(tmp_path / "fresh.csv") != []
    again = _terms_run(tmp_path, "ml.db", "fr-FR", tmx, csv="again.csv")
    assert "not counted again" in again.output  # and once per pair only
    assert _csv_rows(tmp_path / "again.csv") == _csv_rows(tmp_path / "fresh.csv")
    with Termbase(tmp_path / "ml.db") as termbase:
        assert [(d.source_lang, d.target_lang) for d in termbase.documents()] == [
            ("en", "de"), ("en", "fr")]  # keyed by primary language, as check reads them


def test_runs_of_two_language_pairs_each_count_as_one_run_of_their_own(tmp_path):
    # two acts read for EN-DE and EN-FR in turns: each pair's counts are those of one run over
    # both acts of that pair alone (its stored units only), each output of its own pair only
    first, second = DGT_TMX / "22019D0391.tmx", DGT_TMX / "22019D0556.tmx"
    for lang in ("de-DE", "fr-FR"):
        _terms_run(tmp_path, f"one-{lang}.db", lang, first, second)
    for tmx in (first, second):
        for lang in ("de-DE", "fr-FR"):
            _terms_run(tmp_path, "ml.db", lang, tmx, tbx=f"ml-{lang}.tbx")

    def counts(db: str, lang: str) -> set[tuple]:
        with Termbase(tmp_path / db) as termbase:
            return {(p.key, p.count, p.source_term, p.target_term)
                    for p in termbase.pairs(langs=[("en-GB", lang)])}

    for lang in ("de-DE", "fr-FR"):
        # keys, counts and citation forms (those of all the occurrences, not the first run's)
        assert counts("ml.db", lang) == counts(f"one-{lang}.db", lang)
        assert max(count for _, count, _, _ in counts("ml.db", lang)) > 1
        assert set(_tbx_terms(tmp_path / f"ml-{lang}.tbx")) == {"en-GB", lang}
    with Termbase(tmp_path / "ml.db") as termbase:
        assert ([(d.name, d.target_lang) for d in termbase.documents()]
                == [(str(tmx), lang) for tmx in (first, second) for lang in ("de", "fr")])
        assert {u.target_lang for u in termbase.stored_units(("en-GB", "de-DE"))} == {"de"}


def _tbx_terms(path: Path) -> dict[str, set[str]]:
    """The terms of a TBX 2008 file by the language of their ``langSet``."""
    terms_by_lang: dict[str, set[str]] = {}
    for lang_set in etree.parse(str(path)).iter("langSet"):
        lang = lang_set.get("{http://www.w3.org/XML/1998/namespace}lang")
        terms_by_lang.setdefault(lang, set()).update(t.text for t in lang_set.iter("term"))
    return terms_by_lang


def test_outputs_hold_the_language_pair_of_the_run_only(tmp_path):
    files = sorted(DGT_TMX.glob("*.tmx"))
    outputs = {"tbx": "{}.tbx", "review": "{}.xlsx", "csv": "{}.csv", "report": "{}.html"}
    _terms_run(tmp_path, "de.db", "de-DE", *files,
               **{k: v.format("de") for k, v in outputs.items()})
    _terms_run(tmp_path, "both.db", "fr-FR", *files)
    _terms_run(tmp_path, "both.db", "de-DE", *files,
               **{k: v.format("both") for k, v in outputs.items()})
    # the EN-FR pairs of the termbase stay out of an EN-DE run's files: no French term
    # labelled German, the same rows as from a termbase that never held French
    assert _tbx_terms(tmp_path / "both.tbx") == _tbx_terms(tmp_path / "de.tbx")
    assert "Mitgliedstaat" in _tbx_terms(tmp_path / "both.tbx")["de-DE"]
    assert _csv_rows(tmp_path / "both.csv") == _csv_rows(tmp_path / "de.csv")

    def review_rows(name: str) -> list[tuple]:
        sheet = load_workbook(tmp_path / name, read_only=True)["review"]
        return [tuple(row[:2]) for row in sheet.iter_rows(values_only=True)]

    assert review_rows("both.xlsx") == review_rows("de.xlsx")

    def report_pairs(name: str) -> list[tuple[str, str]]:
        page = (tmp_path / name).read_text(encoding="utf-8")
        return re.findall(r'data-source="([^"]*)" data-target="([^"]*)"', page)

    assert report_pairs("both.html") == report_pairs("de.html") != []


def _as_version_1(db: Path) -> None:
    """Make ``db`` a termbase as version 1 wrote it: documents known by their bytes only,
    no units kept."""
    con = sqlite3.connect(db)
    con.executescript(
        "DROP TABLE units; ALTER TABLE pairs DROP COLUMN terms_edited;"
        "CREATE TABLE old (id INTEGER PRIMARY KEY, fingerprint TEXT NOT NULL UNIQUE,"
        " name TEXT NOT NULL, units INTEGER NOT NULL, added TEXT NOT NULL);"
        "INSERT INTO old SELECT id, fingerprint, name, units, added FROM documents;"
        "DROP TABLE documents; ALTER TABLE old RENAME TO documents; PRAGMA user_version = 1;")
    con.close()


def test_a_version_1_termbase_is_migrated_with_its_documents_and_counts(tmp_path):
    tmx = DGT_TMX / "22019D0996.tmx"
    _terms_run(tmp_path, "old.db", "de-DE", tmx, csv="before.csv")
    _as_version_1(tmp_path / "old.db")
    de = _terms_run(tmp_path, "old.db", "de-DE", tmx, csv="after.csv")
    assert "not counted again" in de.output  # its document keeps its language pair
    assert _csv_rows(tmp_path / "after.csv") == _csv_rows(tmp_path / "before.csv")
    fr = _terms_run(tmp_path, "old.db", "fr-FR", tmx)
    assert "not counted again" not in fr.output
    con = sqlite3.connect(tmp_path / "old.db")
    assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    occurrences = con.execute("SELECT count(*) FROM occurrences o JOIN pairs p"
                              " ON p.id = o.pair_id WHERE p.target_lang = 'de'").fetchone()
    con.close()
    assert occurrences[0] > 0  # the migration dropped no evidence


def test_en_fr_and_en_gb_fr_fr_are_one_language_pair_of_the_termbase(tmp_path):
    # issue 11: a document read as en/fr after en-GB/fr-FR was counted again, under a pair
    # of its own without the approvals, while check reads them as one pair
    db = str(tmp_path / "t.db")
    runner = CliRunner()
    assert runner.invoke(terms, [str(SEED_DUMP), "--termbase", db]).exit_code == 0
    with Termbase(db) as termbase:
        cluster = next(p for p in termbase.pairs() if p.source_lemma == "cluster")
        assert termbase.set_status(cluster.id, "approved")
    again = runner.invoke(terms, [str(SEED_DUMP), "--termbase", db, "--source-lang", "en",
                                  "--target-lang", "fr", "--csv", str(tmp_path / "t.csv")])
    assert again.exit_code == 0, again.output
    assert "not counted again" in again.output
    rows = {row["source"]: row for row in glossary_rows(tmp_path / "t.csv")}
    assert (rows["cluster"]["count"], rows["cluster"]["status"]) == (str(cluster.count),
                                                                     "approved")


def test_a_termbase_of_schema_4_merges_its_regional_language_pairs(tmp_path):
    from tmx_export.terms.termbase import MIGRATIONS

    db = tmp_path / "old.db"
    con = sqlite3.connect(db)
    con.executescript(";".join(MIGRATIONS[:4]) + "; PRAGMA user_version = 4;")
    con.executemany(
        "INSERT INTO documents (id, fingerprint, source_lang, target_lang, name, units, added)"
        " VALUES (?, ?, ?, ?, ?, 1, '')",
        [(1, "a", "en-GB", "fr-FR", "a.tsv"), (2, "b", "en", "fr", "b.tsv"),
         (3, "a", "en", "fr", "a.tsv"), (4, "a", "en-GB", "de-DE", "a.tsv")])
    con.executemany(
        "INSERT INTO units (document_id, source, target, source_lang, target_lang, line)"
        " VALUES (?, 'x', 'y', 'en-GB', 'fr-FR', 1)", [(1,), (2,), (3,), (4,)])
    con.executemany(
        "INSERT INTO pairs (id, source_lang, target_lang, source_lemma, target_lemma,"
        " source_term, target_term, status, status_date, created, updated)"
        " VALUES (?, ?, ?, 'party', 'partie', 'Party', 'partie', ?, ?, '', '')",
        [(1, "en-GB", "fr-FR", "approved", "2026-01-01"), (2, "en", "fr", "proposed", None),
         (3, "en-GB", "de-DE", "rejected", "2026-01-02")])
    con.executemany(
        "INSERT INTO occurrences (pair_id, document_id, source_form, target_form, count)"
        " VALUES (?, ?, 'Party', 'partie', ?)", [(1, 1, 3), (2, 2, 4), (2, 3, 3), (3, 4, 2)])
    con.executemany(
        "INSERT INTO contexts (pair_id, document_id, tuid, source, target, source_start,"
        " source_end, target_start, target_end) VALUES (?, ?, '1', 'x', 'y', 0, 1, 0, 1)",
        [(1, 1), (2, 2), (2, 3)])
    con.commit()
    con.close()
    with Termbase(db) as termbase:
        assert termbase.version == SCHEMA_VERSION
        # a.tsv counted twice for EN-FR is one document; its second counting's evidence goes
        assert [(d.name, d.source_lang, d.target_lang) for d in termbase.documents()] == [
            ("a.tsv", "en", "fr"), ("b.tsv", "en", "fr"), ("a.tsv", "en", "de")]
        party = {p.target_lang: p for p in termbase.pairs(min_count=1)}
    assert set(party) == {"fr", "de"}
    # one EN-FR pair: the approval kept, the occurrences of both documents, no double count
    assert (party["fr"].id, party["fr"].status, party["fr"].count) == (1, "approved", 7)
    assert len(party["fr"].contexts) == 2
    assert (party["de"].status, party["de"].count) == ("rejected", 2)
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    assert con.execute("SELECT count(*) FROM units").fetchone()[0] == 3
    con.close()


def test_a_termbase_of_schema_5_takes_todays_lemma_keys_and_merges_their_pairs(tmp_path):
    """German ß is ss and a French plural takes its singular's key today: a termbase of
    schema 5 kept its pairs under the old keys, so a run added each pair again beside it."""
    from tmx_export.terms.termbase import MIGRATIONS

    db = tmp_path / "old.db"
    con = sqlite3.connect(db)
    con.create_function("primary_lang", 1, lambda tag: tag.split("-")[0])  # for schema 5
    con.executescript(";".join(MIGRATIONS[:5]) + "; PRAGMA user_version = 5;")
    con.executemany(
        "INSERT INTO documents (id, fingerprint, source_lang, target_lang, name, units, added)"
        " VALUES (?, ?, ?, ?, ?, 1, '')", [(1, "a", "en", "de", "a.tsv"),
                                           (2, "b", "en", "fr", "b.tsv")])
    pairs = [  # (id, langs, lemmas as schema 5 stored them, terms, status, occurrence forms)
        (1, "en", "de", "decision", "beschluß", "decision", "Beschluss", "approved",
         "decision", "Beschluss", 3),
        (2, "en", "de", "decision", "beschluss", "decision", "Beschluss", "proposed",
         "decisions", "Beschlusses", 2),
        (3, "en", "fr", "average", "moyenne", "averages", "moyennes", "rejected",
         "averages", "moyennes", 4),
        (4, "en", "fr", "average", "moyenner", "average", "moyenne", "proposed",
         "average", "moyenne", 1),
        # a term made a citation form keyed otherwise: its key is that of what was read
        (5, "en", "fr", "commissioner wulf-mathies", "commissaire wulf-mathies",
         "Commissioner Wulf-Mathies", "commissaire Wulf-Mathie", "proposed",
         "Commissioner Wulf-Mathies", "commissaire Wulf-Mathies", 2),
    ]
    con.executemany(
        "INSERT INTO pairs (id, source_lang, target_lang, source_lemma, target_lemma,"
        " source_term, target_term, status, status_date, created, updated)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, '2026-01-01', '', '')", [p[:8] for p in pairs])
    con.executemany(
        "INSERT INTO occurrences (pair_id, document_id, source_form, target_form, count)"
        " VALUES (?, ?, ?, ?, ?)",
        [(p[0], 1 if p[2] == "de" else 2, *p[8:]) for p in pairs])
    con.commit()
    con.close()
    with Termbase(db) as termbase:
        assert termbase.version == SCHEMA_VERSION
        stored = {p.id: p for p in termbase.pairs(min_count=1)}
    # one pair per key today, the decided one kept with the evidence of both
    assert sorted(stored) == [1, 3, 5]
    beschluss, moyenne, commissioner = stored[1], stored[3], stored[5]
    assert (beschluss.status, beschluss.count, beschluss.target_term) == ("approved", 5,
                                                                          "Beschluss")
    assert beschluss.target_lemma == Extractor("de").key("Beschluss")
    assert (moyenne.status, moyenne.count, moyenne.target_lemma) == (
        "rejected", 5, Extractor("fr").key("moyennes"))
    assert commissioner.target_lemma == "commissaire wulf-mathies"
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    con.close()


def test_apply_refuses_a_termbase_that_does_not_exist(tmp_path):
    _terms_run(tmp_path, "t.db", "fr-FR", SEED_DUMP, review="r.xlsx")
    typo = tmp_path / "typo.db"
    result = CliRunner().invoke(terms, ["apply", str(tmp_path / "r.xlsx"), "--termbase",
                                        str(typo)])
    assert result.exit_code == 1
    assert result.stderr == f"tmx-export: error: {typo}: no such termbase (name the one " \
                            "`terms --termbase` wrote)\n"
    assert not typo.exists()
    # an empty file (`: > t.db`) is no termbase either: SQLite would make one of it
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    result = CliRunner().invoke(terms, ["apply", str(tmp_path / "r.xlsx"), "--termbase",
                                        str(empty)])
    assert result.exit_code == 1 and "empty.db: not a termbase (an empty file" in result.stderr
    assert empty.read_bytes() == b""
    usage = CliRunner().invoke(terms, ["apply", "--help"]).output.splitlines()[0]
    assert usage == "Usage: terms apply [OPTIONS] REVIEW_FILE"


def test_apply_names_a_csv_glossary_as_no_review_file(tmp_path):
    """A terminologist who approved pairs in the CSV of `terms --csv` and gave it to
    `terms apply` was told "not a readable XLSX review file (File is not a zip file)"."""
    db, glossary = tmp_path / "t.db", tmp_path / "g.csv"
    result = CliRunner().invoke(terms, [str(SEED_DUMP), "--termbase", str(db), "--csv",
                                        str(glossary)])
    assert result.exit_code == 0, result.output
    applied = CliRunner().invoke(terms, ["apply", str(glossary), "--termbase", str(db)])
    assert applied.exit_code == 1
    assert applied.stderr == (f"tmx-export: error: {glossary}: a text table, not a review "
                              "file: terms apply records the XLSX that terms --review writes "
                              "(saved as XLSX, not CSV); a CSV glossary's statuses count "
                              "where it is given to --glossary\n")


def test_cli_glossary_csv_leaves_out_the_pairs_its_status_column_does_not_approve(tmp_path):
    """The CSV `terms --csv` writes was read back as a glossary of approved pairs, its status
    column ignored: proposed, rejected and forbidden pairs steered the pairing."""
    from tmx_export.terms.glossary import write_glossary
    from tmx_export.terms.run import run_terms

    found = run_terms([str(SEED_DUMP)], min_count=1)
    assert len(found) > 3 and {p.status for p in found} == {"proposed"}
    found[0].status, found[1].status, found[2].status = "approved", "rejected", "forbidden"
    glossary = tmp_path / "terms.csv"
    write_glossary(found, glossary)
    result = CliRunner().invoke(terms, [str(SEED_DUMP), "--glossary", str(glossary), "--csv",
                                        str(tmp_path / "g.csv"), "--min-count", "1"])
    assert result.exit_code == 0, result.output
    assert f"glossary: {len(found) - 3} proposed pair(s) left out (not reviewed)" in result.stdout
    # a rejected pair is not written to the CSV at all (no glossary offers it)
    assert ",rejected" not in glossary.read_text(encoding="utf-8")
    assert found[1].source_term not in [line.split(",")[0] for line in
                                        glossary.read_text(encoding="utf-8").splitlines()]
    assert "glossary: 1 forbidden pair(s) left out" in result.stdout
    again = run_terms([str(SEED_DUMP)], min_count=1, glossary_path=str(glossary))
    assert [(p.source_term, p.target_term) for p in again if p.glossary] == [
        (found[0].source_term, found[0].target_term)]


def test_a_file_named_twice_is_read_once(tmp_path):
    # `terms seed seed` (or a folder and a file in it): every count doubled, and kept so in
    # the termbase, where a later run reads the file once
    from tmx_export.terms.run import run_terms

    seed = str(Path(__file__).parent / "data" / "ep-industrial-policy-34.txt")
    once = [(p.source_term, p.target_term, p.count) for p in run_terms([seed])]
    assert once[0][:2] == ("cluster", "conglomérat")
    assert [(p.source_term, p.target_term, p.count) for p in run_terms([seed, seed])] == once
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "seed.txt").write_text(Path(seed).read_text(encoding="utf-8"), encoding="utf-8")
    termbase = str(tmp_path / "t.db")
    both = run_terms([str(folder), str(folder / "seed.txt")], termbase_path=termbase)
    assert [(p.source_term, p.target_term, p.count) for p in both] == once
    assert [(p.source_term, p.count) for p in run_terms([str(folder)], termbase_path=termbase)
            ] == [(term, count) for term, _, count in once]


def test_a_folder_is_walked_once(tmp_path, folder_walks):
    # terms gathered a folder's files three times (to check its outputs, to read a file
    # named twice once, to read them), walking the whole tree and opening every file each
    # time: once is enough
    folder = tmp_path / "sessions"
    (folder / "january").mkdir(parents=True)
    for lang in ("en", "fr"):
        source = DATA / "europarl" / f"ep-00-01-17-excerpt.{lang}.txt"
        (folder / "january" / source.name).write_text(source.read_text(encoding="utf-8"),
                                                      encoding="utf-8")
    (folder / "notes.txt").write_text("", encoding="utf-8")  # empty: left out
    out = tmp_path / "terms.csv"
    result = CliRunner().invoke(terms, [str(folder), "--csv", str(out), "--source-lang", "en",
                                        "--target-lang", "fr", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert folder_walks == [folder]
    with out.open(encoding="utf-8", newline="") as handle:
        assert len(list(csv.reader(handle))) > 10


def test_a_tbx_without_entries_is_refused(tmp_path):
    # TBX wants an entry: an empty one was written, exit 0, and validate then refused it
    table = tmp_path / "short.tsv"
    table.write_text("en-GB\tfr-FR\nYes.\tOui.\nThank you.\tMerci.\n", encoding="utf-8")
    out = tmp_path / "out.tbx"
    result = CliRunner().invoke(terms, [str(table), "--tbx", str(out), "--csv",
                                        str(tmp_path / "out.csv")])
    assert result.exit_code == 1
    assert "no term pair to write: a TBX needs an entry" in result.output
    assert list(tmp_path.iterdir()) == [table]


def test_a_review_file_stopped_midway_leaves_no_temporary_file(tmp_path, monkeypatch):
    # stopped while the XLSX is written (SIGTERM, Ctrl-C): XlsxWriter's temporary files
    # were left in the output's folder, and a traceback printed at exit
    from tmx_export.terms import review
    from tmx_export.terms.run import run_terms

    pairs = run_terms([str(Path(__file__).parent / "data" / "ep-industrial-policy-34.txt")])
    out = tmp_path / "out"
    out.mkdir()

    def stopped(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt

    monkeypatch.setattr(review, "_write_cells", stopped)
    monkeypatch.setattr(review._sheet_xml, "write_rows", stopped)
    with pytest.raises(KeyboardInterrupt):
        write_review(pairs, out / "review.xlsx")
    assert list(out.iterdir()) == []
    monkeypatch.undo()
    assert write_review(pairs, out / "review.xlsx") == len(pairs)
    assert [p.name for p in out.iterdir()] == ["review.xlsx"]


def test_a_review_row_in_a_language_no_run_extracts_is_refused(tmp_path):
    # the hidden "source lang" edited to xx-YY: a phantom pair was added under "xx" and the
    # real pair left proposed
    db = tmp_path / "terms.db"
    _, stored = _update(db, seed_pair())
    xlsx = tmp_path / "review.xlsx"
    write_review(stored, xlsx)
    book = load_workbook(xlsx)
    sheet = book["review"]
    header = [c.value for c in sheet[1]]
    sheet.cell(2, header.index("source lang") + 1).value = "xx-YY"
    sheet.cell(2, header.index("status") + 1).value = "approved"
    book.save(xlsx)
    with Termbase(str(db)) as termbase, pytest.raises(InputError) as err:
        apply_review(xlsx, termbase)
    assert err.value.line == 2 and "'xx-YY', a language terms are not extracted in" in \
        err.value.message


def test_a_glossary_naming_a_rejected_pair_is_told(tmp_path):
    # the glossary links a pair the termbase rejected: it was linked again silently
    from tmx_export.terms.run import run_terms

    seed = str(Path(__file__).parent / "data" / "ep-industrial-policy-34.txt")
    db = str(tmp_path / "t.db")
    first = run_terms([seed], termbase_path=db)
    with Termbase(db) as termbase:
        assert termbase.set_status(first[0].id, "rejected")
    glossary = tmp_path / "g.tsv"
    glossary.write_text(f"source\ttarget\n{first[0].source_term}\t{first[0].target_term}\n",
                        encoding="utf-8")
    said: list[str] = []
    again = run_terms([seed], termbase_path=db, glossary_path=str(glossary), say=said.append)
    pair = next(p for p in again if p.source_term == first[0].source_term
                and p.target_term == first[0].target_term)
    assert pair.status == "rejected"
    assert any(line.startswith("glossary: 1 pair(s) the termbase has rejected linked again")
               for line in said)


def test_a_line_break_or_tab_typed_in_a_term_cell_is_a_space(tmp_path):
    # Alt+Enter in a spreadsheet cell: the pair was recorded with the line break, and the
    # TBX, the CSV glossary and check's findings (one a line) carried it as written
    db = tmp_path / "terms.db"
    _, stored = _update(db, seed_pair())
    xlsx = _review_copy(stored, tmp_path / "review.xlsx",
                        {"value chain": {"source term": "value\nchain",
                                         "target term": "chaîne\tde  valeur",
                                         "status": "approved"}})
    with Termbase(db) as termbase:
        apply_review(xlsx, termbase)
        after = {p.source_term: p for p in termbase.pairs()}
    assert "value\nchain" not in after
    assert (after["value chain"].target_term, after["value chain"].status) == (
        "chaîne de valeur", "approved")


def test_a_review_file_written_to_a_pipe_whose_reader_left_ends_quietly(tmp_path: Path) -> None:
    """``terms --review /dev/stdout | head -c 10``: the reader leaves after 10 bytes of the
    workbook; the half-written archive, collected at exit, wrote its end to the broken pipe
    again and printed a traceback ("Exception ignored in: ZipFile.__del__")."""
    import subprocess
    import sys

    session = [str(SESSIONS / f"ep-00-01-17.{lang}.txt") for lang in ("en", "fr")]
    command = [sys.executable, "-c", "from tmx_export.cli import main; main()", "terms",
               *session, "--review", "/dev/stdout", "-q"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          cwd=tmp_path) as run:
        assert run.stdout is not None and run.stderr is not None
        assert len(run.stdout.read(10)) == 10  # the workbook is far larger than a pipe holds
        run.stdout.close()
        errors = run.stderr.read().decode()
    assert run.returncode == 141  # a reader that left, as for every command (SIGPIPE's)
    assert errors == ""


def test_placeholders_and_markup_make_no_terms():
    # Discourse's Catalan memory (OmegaT's tests): "%{count}" placeholders made "count ->
    # count" the second pair, and HTML links in the text "href -> href" the fifth. A
    # terminologist never wants either; the contexts still show the units as written.
    memory = DATA / "tmx" / "omegat-tests" / "test-match-stat-en-ca.tmx"
    units, _ = read_term_units([str(memory)], source_lang="en", target_lang="ca")
    pairs = extract_terms(units)
    found = {(p.source_term.lower(), p.target_term.lower()): p for p in pairs}
    for made in ("count", "href", "model", "target", "discourse", "org", "name"):
        assert not any(made in {s, t} for s, t in found), made
    link = found[("link", "enllaç")]
    assert any("<a href=" in c.source or "%{" in c.source for p in pairs for c in p.contexts)
    assert all(c.source[c.source_span[0]:c.source_span[1]].lower().startswith("link")
               for c in link.contexts)
    # nor is a term made across a placeholder, as if the words around it were adjacent
    texts = [("Delete {count} posts now.", "Supprimer {count} messages maintenant."),
             ("You have %{count} posts left.", "Il vous reste %{count} messages.")] * 2
    across = extract_terms([Pair(s, t, "en", "fr") for s, t in texts])
    assert not any(p.source_term.lower().startswith(("delete post", "have post"))
                   for p in across)


def test_apply_finds_the_review_sheet_renamed_after_a_sheet_of_notes(tmp_path):
    """A reviewer renamed the sheet "review" to "Terms" and put a "notes" sheet before it:
    `terms apply` read the first sheet and said "not a review file: missing column(s)",
    naming no sheet. The sheet with the review columns is read; none having them, the
    error names the sheets looked at."""
    db, written = tmp_path / "t.db", tmp_path / "r.xlsx"
    result = CliRunner().invoke(terms, [str(SEED_DUMP), "--termbase", str(db), "--review",
                                        str(written)])
    assert result.exit_code == 0, result.output
    book = load_workbook(written)
    sheet = book["review"]
    sheet.title = "Terms"
    header = [cell.value for cell in sheet[1]]
    assert sheet.cell(2, 1).value == "cluster"
    sheet.cell(2, header.index("status") + 1).value = "approved"
    book.create_sheet("notes", 0)["A1"] = "Reviewed by the terminology unit, March"
    renamed = tmp_path / "renamed.xlsx"
    book.save(renamed)
    applied = CliRunner().invoke(terms, ["apply", str(renamed), "--termbase", str(db)])
    assert applied.exit_code == 0, applied.output
    assert "1 pair(s) changed" in applied.stdout
    assert {p.source_term: p.status for p in Termbase(db).pairs()}["cluster"] == "approved"

    sheet.cell(1, header.index("status") + 1).value = "state"
    broken = tmp_path / "broken.xlsx"
    book.save(broken)
    refused = CliRunner().invoke(terms, ["apply", str(broken), "--termbase", str(db)])
    assert refused.exit_code == 1
    assert refused.stderr == (f"tmx-export: error: {broken}:1: not a review file: missing "
                              "column(s) status in sheet 'Terms' (sheets looked at: 'notes', "
                              "'Terms')\n")


def test_web_and_mail_addresses_make_no_terms():
    """An address written as text ("https://meta.discourse.org/t/76575", "www.europarl.eu",
    "info@example.org") was read word by word: repeated in a memory's units, "meta
    discourse" or "europarl" became term pairs of their own. The terms around an address
    are still found, and its contexts show the units as written."""
    texts = [("See https://meta.discourse.org/t/76575 on the value chain.",
              "Voir https://meta.discourse.org/t/76575 sur la chaîne de valeur."),
             ("The value chain is described at www.europarl.eu/value-chains today.",
              "La chaîne de valeur est décrite sur www.europarl.eu/value-chains aujourd'hui."),
             ("Write to info@example.org about the value chain.",
              "Écrivez à info@example.org au sujet de la chaîne de valeur.")] * 2
    pairs = extract_terms([Pair(s, t, "en", "fr") for s, t in texts])
    words = {word for p in pairs for term in (p.source_term, p.target_term)
             for word in term.lower().replace("/", " ").replace(".", " ").split()}
    assert words.isdisjoint({"https", "meta", "discourse", "org", "www", "europarl", "eu",
                             "info", "example", "chains"}), sorted(words)
    chain = [p for p in pairs if (p.source_term, p.target_term) == ("value chain",
                                                                      "chaîne de valeur")]
    assert chain and chain[0].count == 6
    assert any("https://meta.discourse.org" in c.source for c in chain[0].contexts)


def test_an_acronym_and_its_plural_are_one_term():
    """"SMEs" kept its "s" as a key of its own (the lemmatiser knows no such word): the
    sessions' "SMEs -> PME" and "SME -> PME" were two pairs, each with half the evidence."""
    units = [
        Pair("It is especially important to get SMEs involved in the planning and "
             "implementation of programmes.",
             "Il est particulièrement important de faire participer les PME à cette "
             "élaboration et à cette mise en uvre.", "en-GB", "fr-FR"),
        Pair("In this connection, too, weight has to be given to the decisive importance of "
             "SMEs as employers and forces behind regional development.",
             "À cet égard aussi, il y a lieu d' insister sur le rôle décisif des PME en tant "
             "que fournisseurs d' emplois et moteurs du développement régional.",
             "en-GB", "fr-FR"),
        Pair("Every SME in a remote region needs access to credit.",
             "Toute PME d'une région éloignée doit avoir accès au crédit.", "en-GB", "fr-FR"),
    ]
    found = [p for p in extract_terms(units) if p.target_lemma == "pme"]
    assert [(p.source_lemma, p.count) for p in found] == [("sme", 3)]
    assert Extractor("en").key("NGOs") == Extractor("en").key("NGO") == "ngo"


def test_a_termbase_of_schema_6_keys_an_acronyms_plural_as_the_acronym(tmp_path):
    """A termbase of schema 6 holds "SMEs -> PME" under the key "smes" beside "SME -> PME":
    they are one pair today, the decided one kept with the evidence of both."""
    from tmx_export.terms.termbase import MIGRATIONS

    db = tmp_path / "old.db"
    con = sqlite3.connect(db)
    con.create_function("primary_lang", 1, lambda tag: tag.split("-")[0])  # for schema 5
    # (migration 6 merges by the keys Python makes: none to make in an empty file)
    con.execute("CREATE TEMP TABLE pair_rekey (id INTEGER PRIMARY KEY, source_lemma TEXT,"
                " target_lemma TEXT)")
    con.executescript(";".join(MIGRATIONS[:6]) + "; PRAGMA user_version = 6;")
    con.execute("INSERT INTO documents (id, fingerprint, source_lang, target_lang, name, units,"
                " added) VALUES (1, 'a', 'en', 'fr', 'a.tsv', 3, '')")
    con.executemany(
        "INSERT INTO pairs (id, source_lang, target_lang, source_lemma, target_lemma,"
        " source_term, target_term, status, status_date, created, updated)"
        " VALUES (?, 'en', 'fr', ?, 'pme', ?, 'PME', ?, '2026-01-01', '', '')",
        [(1, "smes", "SMEs", "proposed"), (2, "sme", "SME", "approved")])
    con.executemany(
        "INSERT INTO occurrences (pair_id, document_id, source_form, target_form, count)"
        " VALUES (?, 1, ?, 'PME', ?)", [(1, "SMEs", 2), (2, "SME", 1)])
    con.commit()
    con.close()
    with Termbase(db) as termbase:
        assert termbase.version == SCHEMA_VERSION
        stored = termbase.pairs(min_count=1)
    assert [(p.id, p.source_lemma, p.status, p.count) for p in stored] == [
        (2, "sme", "approved", 3)]


def test_a_german_adjective_the_dictionary_lists_as_a_noun_has_one_key():
    # simplemma lists "die Gemischte", "das Ständige" as nouns: "Gemischte" was keyed
    # "gemischte", "Gemischten" "gemischt", so DGT-TM 2019/996's "Der Gemischte Ausschuss",
    # "GEMISCHTE AUSSCHUSS" and "des Gemischten Ausschusses" were two terms, two pairs
    from tmx_export.pipeline import read_units

    units, _ = read_units([str(DATA / "tmx" / "dgt-tm" / "22019D0996.tmx")],
                          source_lang="de-DE", target_lang="en-GB")
    de = Extractor("de")
    written: dict[str, set[str]] = {}
    for unit in units:
        tokens = de.tokens(unit.source)
        for found in de.candidates(tokens):
            if found.key.endswith("ausschuss") and "gemischt" in found.key.split()[0]:
                written.setdefault(found.key, set()).add(
                    unit.source[tokens[found.first].start:tokens[found.last - 1].end])
    assert written == {"gemischt ausschuss": {"Gemischte Ausschuss", "GEMISCHTE AUSSCHUSS",
                                              "Gemischten Ausschusses"}}
    # as "Gemischter Ausschuss" (IATE's citation) and the adjective lower case
    assert de.key("Gemischter Ausschuss") == "gemischt ausschuss"
    assert de.key("gemischte Gruppe") == de.key("gemischten Gruppen") == "gemischt gruppe"
    assert de.key("Ständige Ausschuss") == de.key("Ständiger Ausschuss") == "ständig ausschuss"
    assert de.key("beigefügte Liste") == de.key("beigefügten Listen") == "beigefügt liste"
    # a noun of its own stays one ("höher" is "hoch"); a function word's adjective is none
    assert de.key("Höhe") == "höhe"
    assert [t.kind for t in de.tokens("Entsprechende")] == [
        t.kind for t in de.tokens("entsprechenden")] == ["s"]


def test_a_termbase_of_schema_7_merges_a_german_adjectives_two_keys(tmp_path):
    """A termbase of schema 7 holds "Gemischte Ausschuss -> JOINT COMMITTEE" under the key
    "gemischte ausschuss" beside "gemischt ausschuss": one pair today, the reviewer's
    decision kept, with the counts and contexts of both."""
    from tmx_export.terms.termbase import MIGRATIONS

    db = tmp_path / "old.db"
    con = sqlite3.connect(db)
    con.create_function("primary_lang", 1, lambda tag: tag.split("-")[0])  # for schema 5
    for index, script in enumerate(MIGRATIONS[:7]):
        if index in (5, 6):  # they merge by the keys Python makes: none in an empty file
            con.execute("CREATE TEMP TABLE pair_rekey (id INTEGER PRIMARY KEY,"
                        " source_lemma TEXT, target_lemma TEXT)")
        con.executescript(script)
    con.execute("PRAGMA user_version = 7")
    con.execute("INSERT INTO documents (id, fingerprint, source_lang, target_lang, name, units,"
                " added) VALUES (1, 'a', 'de', 'en', '22019D0996.tmx', 8, '')")
    con.executemany(
        "INSERT INTO pairs (id, source_lang, target_lang, source_lemma, target_lemma,"
        " source_term, target_term, status, note, status_date, created, updated)"
        " VALUES (?, 'de', 'en', ?, 'joint committee', ?, ?, ?, ?, ?, '', '')",
        [(1, "gemischt ausschuss", "Gemischte Ausschuss", "Joint Committee", "proposed", "",
          None),
         (2, "gemischte ausschuss", "Gemischte Ausschuss", "JOINT COMMITTEE", "approved",
          "IATE 3538590", "2026-12-01")])
    con.executemany(
        "INSERT INTO occurrences (pair_id, document_id, source_form, target_form, count)"
        " VALUES (?, 1, ?, ?, ?)",
        [(1, "Gemischten Ausschusses", "Joint Committee", 5),
         (2, "GEMISCHTE AUSSCHUSS", "JOINT COMMITTEE", 2),
         (2, "Gemischte Ausschuss", "Joint Committee", 1)])
    sentences = [(1, "Der Beschluss des Gemischten Ausschusses", "The decision of the Joint "
                  "Committee", 18, 40, 20, 35),
                 (2, "DER GEMISCHTE AUSSCHUSS", "THE JOINT COMMITTEE", 4, 23, 4, 19)]
    con.executemany(
        "INSERT INTO contexts (pair_id, document_id, tuid, source, target, source_start,"
        " source_end, target_start, target_end) VALUES (?, 1, '1', ?, ?, ?, ?, ?, ?)",
        sentences)
    con.commit()
    con.close()
    with Termbase(db) as termbase:
        assert termbase.version == SCHEMA_VERSION
        stored = termbase.pairs(min_count=1)
    assert [(p.id, p.source_lemma, p.status, p.note, p.count) for p in stored] == [
        (2, "gemischt ausschuss", "approved", "IATE 3538590", 8)]
    assert sorted(c.source for c in stored[0].contexts) == sorted(s[1] for s in sentences)


def test_a_citation_form_is_no_heading_in_capitals_where_the_text_has_another():
    # DGT-TM 2019/996 writes "JOINT COMMITTEE" in two headings and "Joint Committee" once:
    # the pair was shown as "Gemischte Ausschuss -> JOINT COMMITTEE"
    from tmx_export.terms.citation import pair_citation_forms

    en, fr = Extractor("en"), Extractor("fr")
    assert citation_form({"JOINT COMMITTEE": 2, "Joint Committee": 1}, en) == "Joint Committee"
    assert pair_citation_forms({"GEMISCHTE AUSSCHUSS": 2, "Gemischte Ausschuss": 1},
                               {"JOINT COMMITTEE": 2, "Joint Committee": 1},
                               Extractor("de"), en) == ("Gemischte Ausschuss", "Joint Committee")
    assert citation_form({"ANNEXES": 3, "Annex": 1}, en) == "Annex"
    assert citation_form({"COMITÉ MIXTE": 2, "comité mixte": 1}, fr) == "comité mixte"
    # written in capitals alone, it stays so; an acronym is no heading
    assert citation_form({"JOINT COMMITTEE": 2}, en) == "JOINT COMMITTEE"
    assert citation_form({"SME": 5, "SMEs": 2}, en) == "SME"


def test_annex_and_annexes_are_one_term():
    # DGT-TM 22019D0996 (tests/data/README.md): the lemmatiser reads "Annexes" as the plural
    # of "annexe", so "Annexes -> annexe" and "Annex -> annexe" were two pairs
    lines = [line for line in (DATA / "terms_annexes_en_fr.tsv").read_text(
        encoding="utf-8").splitlines() if not line.startswith("#")]
    units = [Pair(row["source"], row["target"], "en-GB", "fr-FR", file=row["file"],
                  line=int(row["unit"])) for row in csv.DictReader(lines, delimiter="\t")]
    found = [p for p in extract_terms(units) if p.target_lemma == "annexe"]
    assert [(p.source_lemma, p.source_term, p.count) for p in found] == [("annex", "Annex", 5)]
    en = Extractor("en")
    assert en.key("Annexes") == en.key("annexe") == en.key("ANNEX") == "annex"
    assert en.key("prefixes") == en.key("prefix") and en.key("masses") == en.key("mass")
    assert en.key("axes") == "axe"  # general English writes "axe" more than "ax"
    assert citation_form({"direct taxes": 2}, en) == "direct tax"  # not "taxe" keyed "tax"


def test_a_termbase_of_schema_8_merges_annex_and_annexes(tmp_path):
    """A termbase of schema 8 holds "Annexes -> annexe" under the key "annexe" beside "Annex
    -> annexe": one pair today, the decided one kept with the counts of both."""
    from tmx_export.terms.termbase import MIGRATIONS

    db = tmp_path / "old.db"
    con = sqlite3.connect(db)
    con.create_function("primary_lang", 1, lambda tag: tag.split("-")[0])  # for schema 5
    for index, script in enumerate(MIGRATIONS[:8]):
        if index in (5, 6, 7):  # they merge by the keys Python makes: none in an empty file
            con.execute("CREATE TEMP TABLE pair_rekey (id INTEGER PRIMARY KEY,"
                        " source_lemma TEXT, target_lemma TEXT)")
        con.executescript(script)
    con.execute("PRAGMA user_version = 8")
    con.execute("INSERT INTO documents (id, fingerprint, source_lang, target_lang, name, units,"
                " added) VALUES (1, 'a', 'en', 'fr', 'pairs.tsv', 4, '')")
    con.executemany(
        "INSERT INTO pairs (id, source_lang, target_lang, source_lemma, target_lemma,"
        " source_term, target_term, status, note, status_date, created, updated)"
        " VALUES (?, 'en', 'fr', ?, 'annexe', ?, 'annexe', ?, ?, ?, '', '')",
        [(1, "annex", "Annex", "approved", "IATE 1", "2026-12-01"),
         (2, "annexe", "Annexes", "proposed", "", None)])
    con.executemany(
        "INSERT INTO occurrences (pair_id, document_id, source_form, target_form, count)"
        " VALUES (?, 1, ?, ?, ?)",
        [(1, "Annex", "annexe", 2), (2, "Annexes", "annexes", 3)])
    con.commit()
    con.close()
    with Termbase(db) as termbase:
        assert termbase.version == SCHEMA_VERSION
        stored = termbase.pairs(min_count=1)
    assert [(p.id, p.source_lemma, p.source_term, p.status, p.note, p.count)
            for p in stored] == [(1, "annex", "Annex", "approved", "IATE 1", 5)]


def test_an_english_noun_in_ing_is_keyed_as_itself_not_as_its_verb():
    # The lemmatiser keys "planning" as "plan", "training" as "train" and "meeting" as
    # "meet" but "meetings" as "meeting": in the Europarl session, "plan -> plan" counted a
    # "planning" among its forms, and "planning -> planification" stood under the key "plan"
    en = Extractor("en")
    assert en.key("spatial planning") == "spatial planning" != en.key("spatial plan")
    assert en.key("annual meetings") == en.key("annual meeting") == "annual meeting"
    assert en.key("Implementing Regulation") == "implementing regulation"
    assert en.key("labelling") == "labelling" and en.key("training") == "training"
    # a word whose lemma is itself keeps it; verbs in "-ed" and other words are unchanged
    assert en.key("things") == "thing" and en.key("Member States") == "member state"
    assert en.key("requested") == "request"
    found = {(p.source_term, p.target_term): p for p in extract_terms(_europarl_session())}
    plan = found[("plan", "plan")]
    assert "planning" not in plan.source_variants
    planning = found[("planning", "planification")]
    assert (planning.source_lemma, planning.count) == ("planning", 2)


def test_a_noun_in_ing_of_a_general_verb_heads_terms_but_is_none_alone():
    # DGT-TM units (tests/data/README.md): "meet" is a stop word (a general verb), and so
    # was "meeting" (not "meetings"): "ordinary -> réunion ordinaire" and "organisational ->
    # organisation" were paired, the noun left out of both terms
    lines = [line for line in (DATA / "terms_meetings_en_fr.tsv").read_text(
        encoding="utf-8").splitlines() if not line.startswith("#")]
    units = [Pair(row["source"], row["target"], "en-GB", "fr-FR", file=row["file"],
                  line=int(row["unit"])) for row in csv.DictReader(lines, delimiter="\t")]
    found = {p.source_lemma: (p.source_term, p.target_term, p.count)
             for p in extract_terms(units)}
    assert found["ordinary meeting"] == ("ordinary meeting", "réunion ordinaire", 3)
    assert found["organisational meeting"] == (
        "organisational meeting", "réunion d'organisation", 4)
    assert "ordinary" not in found and "organisational" not in found
    en = Extractor("en")
    assert en.word("meeting")[1] == en.word("meetings")[1] == WORD
    assert en.word("laying")[1] != WORD  # another verb's form ("laying down") stays one
    # a general noun alone, as "meetings" was: never a term of its own
    alone = [Pair("The meeting was long.", "La réunion était longue.", "en-GB", "fr-FR",
                  file="m", line=n) for n in range(1, 4)]
    assert "meeting" not in {p.source_lemma for p in extract_terms(alone)}


def test_premier_starts_french_terms_as_first_starts_english_ones():
    # In the Europarl session, "premier" was a stop word where "first" is none: "first
    # reading" was paired with "lecture" alone, and "first" alone with "abord" (of "tout
    # d'abord"), "député", "territoriale", "délai"
    found = {(p.source_term, p.target_term) for p in extract_terms(_europarl_session())}
    assert ("first reading", "première lecture") in found
    assert ("first reading", "lecture") not in found
    assert not [pair for pair in found if pair[0] == "first"]  # no term alone


def _schema_9_termbase(db: Path) -> None:
    """A termbase of schema 9 holding "meeting -> réunion" under the key "meet" beside
    "meetings -> réunion" under "meeting", and "planning -> planification" under "plan"."""
    from tmx_export.terms.termbase import MIGRATIONS

    con = sqlite3.connect(db)
    con.create_function("primary_lang", 1, lambda tag: tag.split("-")[0])  # for schema 5
    for index, script in enumerate(MIGRATIONS[:9]):
        if index in (5, 6, 7, 8):  # they merge by the keys Python makes: none in an empty file
            con.execute("CREATE TEMP TABLE pair_rekey (id INTEGER PRIMARY KEY,"
                        " source_lemma TEXT, target_lemma TEXT)")
        con.executescript(script)
    con.execute("PRAGMA user_version = 9")
    con.execute("INSERT INTO documents (id, fingerprint, source_lang, target_lang, name, units,"
                " added) VALUES (1, 'a', 'en', 'fr', 'pairs.tsv', 4, '')")
    con.executemany(
        "INSERT INTO pairs (id, source_lang, target_lang, source_lemma, target_lemma,"
        " source_term, target_term, status, note, status_date, created, updated)"
        " VALUES (?, 'en', 'fr', ?, ?, ?, ?, ?, ?, ?, '', '')",
        [(1, "meet", "réunion", "meeting", "réunion", "approved", "IATE", "2026-12-01"),
         (2, "meeting", "réunion", "meetings", "réunions", "proposed", "", None),
         (3, "plan", "planification", "planning", "planification", "proposed", "", None)])
    con.executemany(
        "INSERT INTO occurrences (pair_id, document_id, source_form, target_form, count)"
        " VALUES (?, 1, ?, ?, ?)",
        [(1, "meeting", "réunion", 2), (2, "meetings", "réunions", 3),
         (3, "planning", "planification", 2)])
    con.commit()
    con.close()


def test_a_termbase_of_schema_9_keys_ing_nouns_as_themselves(tmp_path):
    """One pair "meeting" today, the decided one kept with the counts of both, and
    "planning"."""
    db = tmp_path / "old.db"
    _schema_9_termbase(db)
    with Termbase(db) as termbase:
        assert termbase.version == SCHEMA_VERSION
        stored = termbase.pairs(min_count=1)
    assert sorted((p.id, p.source_lemma, p.source_term, p.status, p.note, p.count)
                  for p in stored) == [(1, "meeting", "meeting", "approved", "IATE", 5),
                                       (3, "planning", "planning", "proposed", "", 2)]


def test_a_review_file_written_before_a_migration_names_the_pairs_it_rekeyed(tmp_path):
    """A review file written from a schema 9 termbase names "planning -> planification" by
    its old key ("plan"), and "meeting" and "meetings" as two pairs: after the termbase
    was upgraded, applying it was refused as a file from another termbase. Its rows now
    reach their pairs; two rows of one pair today count once, their decisions compared."""
    db = tmp_path / "old.db"
    _schema_9_termbase(db)
    written = [TermPair("en", "fr", "meet", "réunion", "meeting", "réunion", status="approved",
                        note="IATE"),
               TermPair("en", "fr", "meeting", "réunion", "meetings", "réunions"),
               TermPair("en", "fr", "plan", "planification", "planning", "planification")]
    review = _review_copy(written, tmp_path / "review.xlsx",
                          {"planning": {"status": "approved", "note": "spatial"}})
    with Termbase(db) as termbase:  # upgraded as it opens
        summary = apply_review(review, termbase)
        stored = {p.source_lemma: p for p in termbase.pairs(min_count=1)}
    assert (summary.changed, summary.added) == (1, 0)
    assert (stored["planning"].status, stored["planning"].note) == ("approved", "spatial")
    assert (stored["meeting"].status, stored["meeting"].note) == ("approved", "IATE")
    # the two rows of "meeting" decided otherwise: refused, naming both, nothing recorded
    conflicting = _review_copy(written, tmp_path / "conflict.xlsx",
                               {"meeting": {"status": "rejected"},
                                "meetings": {"status": "forbidden"}})
    with Termbase(db) as termbase, pytest.raises(InputError, match="same pair as row 2"):
        apply_review(conflicting, termbase)


def _old_termbase(db: Path, version: int, langs: tuple[str, str], pairs: list[tuple],
                  occurrences: list[tuple]) -> None:
    """A termbase of schema ``version`` holding ``pairs`` (id, source and target lemma and
    term, status, note, status date) and their ``occurrences`` (pair id, source and target
    form, count) in one document."""
    from tmx_export.terms.termbase import MIGRATIONS

    con = sqlite3.connect(db)
    con.create_function("primary_lang", 1, lambda tag: tag.split("-")[0])  # for schema 5
    for index, script in enumerate(MIGRATIONS[:version]):
        if index >= 5 and "pair_rekey" in script:  # merged by the keys Python makes: none
            con.execute("CREATE TEMP TABLE pair_rekey (id INTEGER PRIMARY KEY,"
                        " source_lemma TEXT, target_lemma TEXT)")
        con.executescript(script)
    con.execute(f"PRAGMA user_version = {version}")
    con.execute("INSERT INTO documents (id, fingerprint, source_lang, target_lang, name, units,"
                " added) VALUES (1, 'a', ?, ?, 'memory.tsv', 4, '')", langs)
    con.executemany(
        "INSERT INTO pairs (id, source_lang, target_lang, source_lemma, target_lemma,"
        " source_term, target_term, status, note, status_date, created, updated)"
        f" VALUES (?, '{langs[0]}', '{langs[1]}', ?, ?, ?, ?, ?, ?, ?, '', '')", pairs)
    con.executemany(
        "INSERT INTO occurrences (pair_id, document_id, source_form, target_form, count)"
        " VALUES (?, 1, ?, ?, ?)", occurrences)
    con.commit()
    con.close()


def test_a_termbase_of_schema_10_keys_a_german_noun_in_e_once(tmp_path):
    """A schema 10 termbase holds "column -> Spalte" (approved, keyed "spalt") and
    "columns -> Spalten" (keyed "spalte"), two pairs of one term (DGT-TM 2019): upgraded,
    one pair, the decided one, with the counts of both; a review file written before
    still reaches it by the old key."""
    db = tmp_path / "old.db"
    _old_termbase(db, 10, ("en", "de"), [
        (1, "column", "spalt", "column", "Spalte", "approved", "IATE", "2026-12-01"),
        (2, "column", "spalte", "columns", "Spalten", "proposed", "", None)],
        [(1, "column", "Spalte", 3), (2, "columns", "Spalten", 1)])
    written = [TermPair("en", "de", "column", "spalte", "columns", "Spalten")]
    review = _review_copy(written, tmp_path / "review.xlsx",
                          {"columns": {"status": "approved", "note": "table"}})
    with Termbase(db) as termbase:
        assert termbase.version == SCHEMA_VERSION
        stored = termbase.pairs(min_count=1)
        assert [(p.id, p.target_lemma, p.target_term, p.status, p.count) for p in stored] == [
            (1, "spalt", "Spalte", "approved", 4)]
        summary = apply_review(review, termbase)
        assert summary.changed == 1
        assert [p.note for p in termbase.pairs(min_count=1)] == ["table"]


def test_a_termbase_of_schema_11_keys_a_polish_genitive_as_its_singular(tmp_path):
    """A schema 11 termbase holds "international law -> prawo międzynarodowe" (approved)
    and "-> prawa międzynarodowego" (keyed "prawa międzynarodowy"), two pairs of one term
    (DGT-TM 2019): upgraded, one pair, the decided one, with the counts of both."""
    db = tmp_path / "old.db"
    _old_termbase(db, 11, ("en", "pl"), [
        (1, "international law", "prawo międzynarodowy", "international law",
         "prawo międzynarodowe", "approved", "", "2026-12-01"),
        (2, "international law", "prawa międzynarodowy", "international law",
         "prawa międzynarodowego", "proposed", "", None)],
        [(1, "international law", "prawem międzynarodowym", 3),
         (2, "international law", "prawa międzynarodowego", 3)])
    with Termbase(db) as termbase:
        stored = termbase.pairs(min_count=1)
    assert [(p.id, p.target_lemma, p.target_term, p.status, p.count) for p in stored] == [
        (1, "prawo międzynarodowy", "prawo międzynarodowe", "approved", 6)]


def test_a_review_row_lists_the_other_renderings_not_its_own(tmp_path):
    # the Europarl session renders "guidelines" as "orientations" (35) and "lignes
    # directrices" (13): the row of the second listed itself, "lignes directrices (13)",
    # and hid the main rendering (a slice that took the pair for the most used)
    found = extract_terms(_europarl_session())
    pairs = {(p.source_term, p.target_term): p for p in found}
    main, minor = pairs[("guidelines", "orientations")], pairs[("guidelines", "ligne directrice")]
    assert minor.other_translations()[0] == ("orientations", main.count)
    assert "ligne directrice" not in dict(minor.other_translations())
    assert ("orientations", main.count) in main.translations()
    path = tmp_path / "review.xlsx"
    write_review(found, path)
    rows = {(row[0], row[1]): row for row in load_workbook(path)["review"].iter_rows(
        min_row=2, values_only=True)}
    assert rows[("guidelines", "ligne directrice")][10].startswith(f"orientations ({main.count})")
    assert "ligne directrice" not in rows[("guidelines", "ligne directrice")][10]
    assert rows[("guidelines", "orientations")][10].startswith(f"ligne directrice ({minor.count})")
