"""``tmx-export concordance``: lemma-aware, accent- and case-insensitive bilingual search,
with and without its SQLite FTS5 index, on real memories."""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from tmx_export.check.analysis import PREFIXES, Analyser, fold, fts_token, stored_words
from tmx_export.check.concordance import Hit, Query, build_index, concordance, index_status
from tmx_export.errors import InputError
from tmx_export.pipeline import stream_units
from tmx_export.terms.candidates import Extractor
from tmx_export.terms.lemmas import is_known

DATA = Path(__file__).parent / "data"
SEED = DATA / "ep-industrial-policy-34.txt"
EUROPARL = DATA / "europarl"
EXCERPT = EUROPARL / "ep-00-01-17-excerpt.en.txt"  # its .fr.txt partner is found beside it
DGT = DATA / "tmx" / "dgt-tm" / "22019D0391.tmx"
EP = {"source_lang": "en", "target_lang": "fr"}


def run(*args: str, color: bool = False):
    from tmx_export.cli.concordance import concordance_command

    return CliRunner().invoke(concordance_command, list(args), color=color)


def hits(memory: list[str | Path], query: str, **options) -> list[Hit]:
    return list(concordance(memory, query, **options))


def summary(found: list[Hit]) -> list[tuple[str, str, list[str]]]:
    return [(h.tuid, h.side, h.matches) for h in found]


# --- matching --------------------------------------------------------------------------------

def test_english_lemmas_match_other_forms_of_the_words() -> None:
    found = hits([SEED], "value chain")
    assert summary(found) == [("2", "source", ["value chains", "value chain"])]
    # the match is highlighted where it is written, plural included
    hit = found[0]
    assert [hit.source[s:e] for s, e in hit.source_spans] == ["value chains", "value chain"]
    assert summary(hits([EXCERPT], "Member State", **EP)) == [
        ("61", "source", ["Member States"])]


def test_french_lemmas_match_plurals_and_inflected_connectors() -> None:
    assert summary(hits([SEED], "chaîne de valeur")) == [
        ("2", "target", ["chaînes de valeur", "chaîne de valeur"])]
    # "minutes" finds "minute", and the query's language is found on its own side only
    assert summary(hits([EXCERPT], "minutes de silence", **EP)) == [
        ("5", "target", ["minute de silence"]), ("6", "target", ["minute de silence"]),
        ("7", "target", ["minute de silence"])]


def test_french_adjective_and_noun_match_in_either_number(tmp_path: Path) -> None:
    # simplemma keys "nouvelle" as "nouveau" but "nouvelles" as "nouvelle", "moyenne" as
    # "moyenner" but "moyennes" as "moyenne": the plural is keyed as its singular is
    session = DATA / "europarl-sessions" / "ep-00-01-17.en.txt"
    singular = tmp_path / "singular.tsv"
    singular.write_text("en\tfr\nA small or medium-sized enterprise needs a new technology."
                        "\tUne petite ou moyenne entreprise a besoin d'une nouvelle technologie."
                        "\n", encoding="utf-8")
    memory = [session, singular]
    for plural, single in (("nouvelles technologies", "nouvelle technologie"),
                           ("moyennes entreprises", "moyenne entreprise")):
        found = hits(memory, plural, side="target", **EP)
        assert found == hits(memory, single, side="target", **EP)
        assert {hit.file for hit in found} == {str(session), str(singular)}, plural


def test_a_verb_query_finds_the_forms_read_as_nouns(tmp_path: Path) -> None:
    """The lemmatiser takes "demande", "estime", "invite" for nouns and "funding" for one:
    "demander" missed "Je vous demande" and "Le groupe socialiste demande", the commonest
    verb of a European Parliament text; now every form of the verb is found (the noun
    too, as a concordance shows rather than hides)."""
    found = hits([EUROPARL], "demander", side="target", **EP)
    words = {word.lower() for hit in found for word in hit.matches}
    assert {"demande", "demandé"} <= words, words
    assert {21, 41, 55} <= {hit.line for hit in found}
    memory = tmp_path / "ep.tsv"
    memory.write_text(
        "en\tfr\nConsiders that the funding is not enough.\tEstime que le financement ne "
        "suffit pas.\nInvites the Commission to act.\tInvite la Commission à agir.\n",
        encoding="utf-8")
    for query, matched in (("estimer", ["Estime"]), ("inviter", ["Invite"]),
                           ("fund", ["funding"]), ("invite", ["Invites", "Invite"])):
        for index in (None, tmp_path / "ep.db"):
            assert [m for hit in hits([memory], query, index=index, **EP)
                    for m in hit.matches] == matched, (query, index)
    # a word of the other language is no verb of this one: "demande" finds no "demand"
    assert not hits([memory, EUROPARL], "demande", side="source", **EP)


def test_case_and_accents_are_ignored() -> None:
    for query in ("etats membres", "ÉTATS MEMBRES", "Etats Membres", "état membre"):
        assert summary(hits([DGT], query)) == [
            ("#1", "target", ["États membres"]), ("#5", "target", ["États membres"])], query
    # an upper-case, accented heading is found from a plain lower-case query
    found = hits([DGT], "comite")
    assert [(h.tuid, h.matches) for h in found] == [
        ("#1", ["comité"]), ("#4", ["COMITÉ"]), ("#12", ["comité"])]
    assert hits([SEED], "Etats membres")[0].matches == ["États membres"]


def test_a_query_in_capitals_finds_the_text_in_lower_case(tmp_path: Path) -> None:
    # its short words alone were read as acronyms ("IS" keyed "is" where the text's "is"
    # is keyed "be"): "THAT IS PRECISELY" found nothing, as "that is precisely" did
    for options in ({}, {"index": tmp_path / "i.db"}):
        for query, found in (("THAT IS PRECISELY", ["That is precisely"]),
                             ("THIS HOUSE HAS ALWAYS", ["this House has always"]),
                             ("CE QUI EST", ["ce qui est"])):
            assert [h.matches for h in hits([EXCERPT], query, **EP, **options)] == [found], \
                (query, options)
        assert (summary(hits([EXCERPT], "IL EST", **EP, **options))
                == summary(hits([EXCERPT], "il est", **EP, **options)) != [])
    # an acronym alone is still itself: "US" is not the "us" (nor "we") of the excerpt
    assert hits([EXCERPT], "us", **EP) and hits([EXCERPT], "US", **EP) == []


def test_french_capitals_written_without_accents_are_lemmatised(tmp_path: Path) -> None:
    table = tmp_path / "caps.tsv"
    table.write_text("en\tfr\nthe Member States\tles ETATS MEMBRES\n"
                     "a State\tun Etat\n", encoding="utf-8")
    assert [h.matches for h in hits([table], "état membre")] == [["ETATS MEMBRES"]]
    assert [h.matches for h in hits([table], "états", side="target")] == [
        ["ETATS"], ["Etat"]]


def test_a_french_function_word_is_no_word_without_its_accents(tmp_path: Path) -> None:
    # "Du" and "DU" were read as "dû" written without its accent, keyed by its lemma
    # "devoir": "Du point de vue" (copied from the start of a sentence) found nothing,
    # and "du" and "doit" found each other
    session = EUROPARL / ".." / "europarl-sessions" / "ep-00-01-17.en.txt"
    table = tmp_path / "du.tsv"
    table.write_text("en\tfr\nRULES OF PROCEDURE OF THE JOINT COUNCIL\t"
                     "RÈGLEMENT INTÉRIEUR DU CONSEIL CONJOINT\n"
                     "The Council must decide.\tLe Conseil doit statuer.\n", encoding="utf-8")
    for options in ({}, {"index": tmp_path / "i.db"}):
        lower = hits([session], "du point de vue", side="target", **EP, **options)
        assert len(lower) == 3
        assert summary(hits([session], "Du point de vue", side="target", **EP,
                            **options)) == summary(lower)
        found = hits([session], "du", side="target", **EP, **options)
        assert not {m for h in found for m in h.matches} & {"doit", "doivent", "dû"}
        assert [h.matches for h in hits([table], "doit", side="target", **EP,
                                         **options)] == [["doit"]]
        assert [h.matches for h in hits([table], "Du conseil", side="target", **EP,
                                         **options)] == [["DU CONSEIL"]]
    # a content word in capitals without its accents is still read with them
    assert [h.matches for h in hits([table], "réglement intérieur", side="target",
                                    **EP)] == [["RÈGLEMENT INTÉRIEUR"]]


def test_the_symbols_of_a_figure_or_code_are_part_of_the_query(tmp_path: Path) -> None:
    # "%", "(", "/"... are no words: "10 %" found every "10" (a date, a page), "(a)" every
    # "a", "à", "ont" and "avoir" of the memory, "1/2019" the date "10.1.2019"
    session = EUROPARL / ".." / "europarl-sessions" / "ep-00-01-17.en.txt"
    dgt = sorted((DATA / "tmx" / "dgt-tm").glob("*.tmx"))
    options_ = {"source_lang": "en-GB", "target_lang": "fr-FR"}
    for options in ({}, {"index": tmp_path / "i.db"}):
        assert len(hits([session], "5", **options_, **options)) == 2
        found = hits([session], "5 %", **options_, **options)
        assert [h.matches for h in found] == [["5%", "5 %"]]  # the symbol highlighted too
        assert hits([session], "5%", **options_, **options) == found
        assert hits(dgt, "10 %", **options_, **options) == []
        found = hits(dgt, "(a)", **options_, **options)
        assert {m for h in found for m in h.matches} == {"(a)"}
        assert {m for h in hits(dgt, "No 1/2019", **options_, **options)
                for m in h.matches} == {"No 1/2019", "no\xa01/2019"}
    table = tmp_path / "codes.tsv"
    table.write_text("en\tfr\nOJ L 10, 10.1.2019, p. 1.\tJO L 10 du 10.1.2019, p. 1.\n"
                     "Decision No 1/2019\tDécision no 1/2019\n", encoding="utf-8")
    assert [h.matches for h in hits([table], "1/2019", **EP)] == [["1/2019"]]
    # sentence punctuation stays as free as before: "Union, and" finds "Union and"; and a
    # star, the wildcard of other tools, is no symbol to find
    assert hits([EXCERPT], "Parliament, and", **EP) == hits([EXCERPT], "Parliament and", **EP)
    assert hits([EXCERPT], "Parliament*", **EP) == hits([EXCERPT], "Parliament", **EP)


def test_a_phrase_does_not_match_words_apart_or_across_punctuation(tmp_path: Path) -> None:
    table = tmp_path / "punct.tsv"
    table.write_text("en\tfr\n"
                     "value and chain\tvaleur\n"  # words apart
                     "the value. Chain stores\tvaleur\n"  # a sentence end between them
                     "the value chain\tvaleur\n", encoding="utf-8")
    assert [h.source for h in hits([table], "value chain")] == ["the value chain"]
    assert len(hits([table], "value")) == 3


def test_words_joined_by_hyphens_match_them_written_apart(tmp_path: Path) -> None:
    # "Etats Unis" found no "États-Unis", and "value chain" no "value-chain" (nor the
    # other way): a hyphenated word was one word, its spelling with a space two
    table = tmp_path / "hyphens.tsv"
    table.write_text(
        "en\tfr\n"
        "Relations with the United States.\tLes relations avec les États-Unis.\n"
        "The value-chain of industry.\tLa chaîne de valeur de l'industrie.\n"
        "The value chain is global.\tLa chaîne de valeur est mondiale.\n"
        "A true work of art.\tUne véritable œuvre d'art.\n"
        "The Straße was closed.\tLa Straße était fermée.\n"
        "Sent by e-mail.\tEnvoyé par courriel.\n"
        "The value. Chain stores.\tLa valeur.\n", encoding="utf-8")
    index = tmp_path / "hyphens.db"
    expected = {"Etats Unis": [["États-Unis"]], "etats-unis": [["États-Unis"]],
                "value chain": [["value-chain"], ["value chain"]],
                "value-chain": [["value-chain"], ["value chain"]],
                "oeuvre": [["œuvre"]], "Strasse": [["Straße"]],
                "email": [["e-mail"]], "e-mail": [["e-mail"]]}
    for query, matches in expected.items():
        for options in ({}, {"index": index}):
            assert [h.matches for h in hits([table], query, **options)] == matches, \
                (query, options)
    # the hyphen is no punctuation, but a full stop between the words still is
    assert all("Chain stores" not in h.source for h in hits([table], "value-chain"))


def test_a_prefix_with_or_without_its_hyphen_is_one_word(tmp_path: Path) -> None:
    # "co-operation" was keyed "co" + "operation", so "cooperation" (the lemmatiser's
    # word) missed the British spelling of Europarl and the other way round
    table = tmp_path / "coop.tsv"
    table.write_text(
        "en\tfr\n"
        "We need closer co-operation between the Member States.\t"
        "Il faut une coopération plus étroite entre les États membres.\n"
        "Cooperation between customs authorities is essential.\t"
        "La co-opération entre les autorités douanières est essentielle.\n"
        "The first sub-paragraphs of Article 3 apply.\tLes premiers alinéas de l'article 3 "
        "s'appliquent.\n"
        "It is a long-term programme.\tC'est un programme à long terme.\n", encoding="utf-8")
    for options in ({}, {"index": tmp_path / "i.db"}):
        for query in ("cooperation", "coopération"):
            found = hits([table], query, **EP, **options)
            assert [h.matches for h in found] == [["co-operation", "coopération"],
                                                  ["Cooperation", "co-opération"]], query
        for query in ("co-operation", "Co-operations"):
            found = hits([table], query, side="source", **EP, **options)
            assert [h.matches for h in found] == [["co-operation"], ["Cooperation"]], query
        assert [h.matches for h in hits([table], "subparagraph", **EP, **options)] == [
            ["sub-paragraphs"]]
        # the Europarl session: "re-establish" and "re-establishes", found as one word
        found = hits([EUROPARL / ".." / "europarl-sessions" / "ep-00-01-17.en.txt"],
                     "reestablish", side="source", **EP, **options)
        assert [h.matches for h in found] == [["re-establish"], ["re-establishes"]]
        # not after any word: "long-term" is still "long" and "term"
        assert [h.matches for h in hits([table], "long term", **EP, **options)] == [
            ["long-term"]]


def test_german_words_match_by_lemma_in_any_case(tmp_path: Path) -> None:
    # German was matched as written: "Straße" missed "Straßen", "Mitgliedstaat" missed
    # "Mitgliedstaaten"; simplemma's lemmas depend on case ("STRASSE" is no word, the
    # noun "Verkehr" is the verb "verkehren" lower case), so every case of a word is
    # looked up in its ordinary case
    table = tmp_path / "de.tsv"
    table.write_text("en\tde\nthe street\tdie STRASSE\nthe overview\tdie Übersicht\n"
                     "the streets\tdie Straßen\nthe street\tdie Strasse\n"
                     "the street\tdie Straße\ntraffic\tder Verkehr\n"
                     "THE MEMBER STATES\tDIE MITGLIEDSTAATEN\n", encoding="utf-8")
    options = {"source_lang": "en", "target_lang": "de", "side": "target"}
    for index in (None, tmp_path / "de.db"):
        for query in ("Straße", "STRASSE", "Strasse", "strasse", "Straßen"):
            assert [h.matches for h in hits([table], query, index=index, **options)] == [
                ["STRASSE"], ["Straßen"], ["Strasse"], ["Straße"]], (query, index)
        assert [h.matches for h in hits([table], "ubersichten", index=index, **options)] \
            == [["Übersicht"]]
        for query in ("verkehr", "VERKEHR", "Verkehrs"):
            assert [h.matches for h in hits([table], query, index=index, **options)] == [
                ["Verkehr"]], query
        assert [h.matches for h in hits([table], "Mitgliedstaat", index=index,
                                         **options)] == [["MITGLIEDSTAATEN"]]


def test_a_german_adjective_the_dictionary_lists_as_a_noun_matches_all_its_forms(
        tmp_path: Path) -> None:
    # "Gemischte" and "Gemischten" were keyed by the noun "das Gemischte", "Gemischter" by
    # the adjective: the query "Gemischter Ausschuss", as IATE cites the term, found none of
    # DGT-TM's "GEMISCHTE AUSSCHUSS", "Gemischte Ausschuss", "Gemischten Ausschusses"
    memory = [DATA / "tmx" / "dgt-tm" / "22019D0996.tmx"]
    options = {"source_lang": "en-GB", "target_lang": "de-DE", "side": "target"}
    for index in (None, tmp_path / "i.db"):
        for query in ("Gemischter Ausschuss", "Gemischte Ausschuss", "gemischten Ausschuss"):
            matched = sorted(m for h in hits(memory, query, index=index, **options)
                             for m in h.matches)
            assert matched == ["GEMISCHTE AUSSCHUSS", "Gemischte Ausschuss",
                               "Gemischten Ausschusses", "Gemischten Ausschusses"], (
                query, index, matched)
    table = tmp_path / "de.tsv"
    table.write_text("en\tde\nThe Standing Committee\tDer Ständige Ausschuss\n"
                     "of the Standing Committee\tdes Ständigen Ausschusses\n"
                     "a Standing Committee\tein Ständiger Ausschuss\n", encoding="utf-8")
    for query in ("Ständiger Ausschuss", "Ständige Ausschuss", "STÄNDIGEN AUSSCHUSS"):
        assert len(hits([table], query, source_lang="en", target_lang="de",
                        side="target")) == 3, query


@pytest.mark.parametrize("lang, query, found", [
    ("de", "Mitgliedstaat", {"Mitgliedstaaten"}),
    ("es", "estado miembro", {"Estados miembros"}),
    ("pl", "państwo członkowskie", {"państwami członkowskimi", "państw członkowskich",
                                    "państwa członkowskie"}),
    ("pl", "panstwo czlonkowskie", {"państwami członkowskimi", "państw członkowskich",
                                    "państwa członkowskie"}),
    ("pt", "Estado-Membro", {"Estados-Membros"}),
    ("nl", "lidstaat", {"lidstaten"}),
    ("it", "membro", {"membri"}),
    # both read as the verb "essere" by the lemmatiser, each keyed as written: the singular
    # found no plural
    ("it", "Stato membro", {"Stati membri"}),
    ("cs", "členský stát", {"členskými státy", "členských států"}),
    ("el", "ευρωπαικη ενωση", {"Ευρωπαϊκής Ένωσης", "Ευρωπαϊκή Ένωση"}),
])
def test_eu_languages_match_other_forms_of_a_term(tmp_path: Path, lang: str, query: str,
                                                   found: set[str]) -> None:
    # matched as written, a singular missed the plurals and cases of the DGT-TM text
    memory = [DATA / "tmx" / "dgt-tm" / "22019D0437.tmx"]
    for options in ({}, {"index": tmp_path / "i.db"}):
        matched = {m for h in hits(memory, query, source_lang="en-GB", target_lang=lang,
                                   side="target", **options) for m in h.matches}
        assert found <= matched, (query, options, matched)


@pytest.mark.parametrize("lang", ["de", "pl", "fi", "hu", "el"])
def test_a_query_read_from_the_dictionary_file_has_the_keys_of_the_index(lang: str) -> None:
    # through the index a query's words are looked up in the dictionary's file (on_disk),
    # the memory's in the dictionary loaded whole: a key that differed would miss hits
    from test_lemmas import dgt_words

    english = Analyser("en")
    loaded, on_disk = Analyser(lang), Analyser(lang, on_disk=True)
    words = dgt_words(lang)
    assert len(words) > 1500
    for at in range(0, len(words), 8):  # queries of eight words, each read both ways
        query = " ".join(words[at:at + 8])
        assert on_disk.words(query) == loaded.words(query), query
        assert Query.compile(query, english, on_disk, "target") == \
            Query.compile(query, english, loaded, "target"), query


def test_an_indexed_query_does_not_load_the_dictionary_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a query of two Polish words loaded the 3.7 million forms of simplemma's Polish
    # dictionary (2-3 s) before the index answered; it looks its words up in a file now
    from tmx_export.terms import lemmas

    memory = [DATA / "tmx" / "dgt-tm" / "22019D0437.tmx"]
    options = {"source_lang": "en-GB", "target_lang": "pl", "side": "target"}
    query = "panstwa czlonkowskie"
    scanned = hits(memory, query, **options)
    assert scanned and hits(memory, query, index=tmp_path / "i.db", **options) == scanned
    loads: list[str] = []
    whole = lemmas._dictionary
    monkeypatch.setattr(lemmas, "_dictionary", lambda lang: loads.append(lang) or whole(lang))
    lemmas._DICTIONARIES._get_dictionary.cache_clear()
    lemmas._lemmatizer.cache_clear()
    assert hits(memory, query, index=tmp_path / "i.db", **options) == scanned
    assert "pl" not in loads


def test_greek_capitals_without_accents_are_lemmatised(tmp_path: Path) -> None:
    # Greek writes capitals without accents: "ΕΥΡΩΠΑΪΚΗ ΕΝΩΣΗ" is "Ευρωπαϊκή Ένωση"
    table = tmp_path / "el.tsv"
    table.write_text("en\tel\nEUROPEAN UNION\tΕΥΡΩΠΑΪΚΗ ΕΝΩΣΗ\n"
                     "of the European Union\tτης Ευρωπαϊκής Ένωσης\n", encoding="utf-8")
    options = {"source_lang": "en", "target_lang": "el", "side": "target"}
    for index in (None, tmp_path / "el.db"):
        for query in ("Ευρωπαϊκή Ένωση", "ΕΥΡΩΠΑΪΚΗΣ ΕΝΩΣΗΣ", "ευρωπαικης ενωσης"):
            assert [h.matches for h in hits([table], query, index=index, **options)] == [
                ["ΕΥΡΩΠΑΪΚΗ ΕΝΩΣΗ"], ["Ευρωπαϊκής Ένωσης"]], (query, index)


def test_a_lemma_shared_with_another_word_does_not_match_it(tmp_path: Path) -> None:
    # simplemma reads the nouns "Stati" (States) and "estado" (state) as the verbs
    # "essere" and "estar", and Dutch ordinals as numbers: keyed by those lemmas,
    # "Stati membri" found "sono membri" and "eerste vergadering" "een vergadering"
    cases = {
        "it": ("Gli Stati membri\tsono membri del comitato\n", "Stati membri",
               [["Stati membri"]]),
        "es": ("el estado miembro\tlo que está previsto\n", "estado", [["estado"]]),
        "nl": ("de eerste vergadering\teen vergadering\n", "eerste vergadering",
               [["eerste vergadering"]]),
    }
    for lang, (rows, query, expected) in cases.items():
        table = tmp_path / f"{lang}.tsv"
        table.write_text("en\t" + lang + "\n" + "\n".join(
            "x\t" + text for text in rows.rstrip("\n").split("\t")) + "\n",
            encoding="utf-8")
        for options in ({}, {"index": tmp_path / f"{lang}.db"}):
            assert [h.matches for h in hits([table], query, source_lang="en",
                                             target_lang=lang, side="target",
                                             **options)] == expected, (lang, options)


def test_other_languages_fall_back_to_folded_words(tmp_path: Path) -> None:
    table = tmp_path / "et.tsv"
    table.write_text("en\tet\nthe agreement\tKÄESOLEV KOKKULEPE\n"
                     "the agreements\tkokkulepped\n", encoding="utf-8")
    options = {"source_lang": "en", "target_lang": "et", "side": "target"}
    assert [h.matches for h in hits([table], "käesolev kokkulepe", **options)] == [
        ["KÄESOLEV KOKKULEPE"]]
    assert [h.matches for h in hits([table], "kaesolev", **options)] == [["KÄESOLEV"]]
    # no lemmas in Estonian: the plural is another word
    assert [h.target for h in hits([table], "kokkulepped", **options)] == ["kokkulepped"]


def test_letters_with_a_stroke_match_typed_without_it(tmp_path: Path) -> None:
    # ł, ø, đ, ħ have no decomposition: "panstwa czlonkowskie", typed on a keyboard without
    # Polish letters, found nothing while "panstwa" alone found "państwa" (DGT-TM)
    memory = [DATA / "tmx" / "dgt-tm" / "22019D0437.tmx"]
    for options in ({}, {"index": tmp_path / "i.db"}):
        for lang, query, written in (("pl", "panstwa czlonkowskie", "państwa członkowskie"),
                                     ("pl", "PAŃSTWA CZŁONKOWSKIE", "państwa członkowskie"),
                                     ("da", "afgorelse", "AFGØRELSE"),
                                     ("hr", "izmedu", "između"),
                                     ("mt", "maghmul", "Magħmul")):
            found = hits(memory, query, source_lang="en-GB", target_lang=lang, side="target",
                         **options)
            assert written in {m for h in found for m in h.matches}, (query, options)
    # Turkish: the capitals of "ışık" are "IŞIK", and either finds the other
    table = tmp_path / "tr.tsv"
    table.write_text("en\ttr\nthe light\tışık\nLIGHT\tIŞIK\n", encoding="utf-8")
    for query in ("ışık", "IŞIK", "isik"):
        found = hits([table], query, source_lang="en", target_lang="tr", side="target")
        assert [h.matches for h in found] == [["ışık"], ["IŞIK"]], query


def test_an_apostrophe_does_not_shorten_a_query_word(tmp_path: Path) -> None:
    # "don't" is no form of "do": the Europarl excerpt says "I shall do as Mr Evans has
    # suggested", and "don't" must not find it (nor "won't" "will")
    assert hits([EXCERPT], "do", side="source", **EP)
    assert hits([EXCERPT], "don't", side="source", **EP) == []
    assert hits([EXCERPT], "won't", side="source", **EP) == []
    table = tmp_path / "cc.tsv"
    table.write_text("en\tfr\nI do agree.\tJe suis d'accord.\n"
                     "I don\u2019t agree.\tJe ne suis pas d'accord.\n", encoding="utf-8")
    for index in (None, tmp_path / "cc.db"):
        found = hits([table], "don't", side="source", index=index, **EP)
        assert summary(found) == [("2", "source", ["don\u2019t"])]


def test_side_restricts_the_search() -> None:
    both = hits([EXCERPT], "silence", **EP)
    assert {h.side for h in both} == {"both"}
    source = hits([EXCERPT], "silence", side="source", **EP)
    assert [h.tuid for h in source] == [h.tuid for h in both]
    assert all(h.source_spans and not h.target_spans for h in source)
    target = hits([EXCERPT], "silence", side="target", **EP)
    assert all(h.target_spans and not h.source_spans for h in target)
    # a French word is not looked for in the English texts when only they are searched
    assert hits([DGT], "comité", side="source") == []
    assert len(hits([DGT], "comité", side="target")) == 3


def test_limit_and_a_query_without_words() -> None:
    assert [h.tuid for h in hits([EXCERPT], "Parliament", limit=3, **EP)] == ["2", "10", "11"]
    with pytest.raises(InputError, match="has no word to search for"):
        concordance([DGT], "« ! »")
    with pytest.raises(InputError, match="in the target language"):
        concordance([DGT], "la", side="target")  # an article alone: left out in French


# --- the words the index stores are the words a scan reads -------------------------------

def _reference(extractor: Extractor, analyser: Analyser, text: str) -> list[tuple]:
    """The words straight from the term extractor's tokens of the whole text; a word joined
    by hyphens that its key keeps, the extractor's tokens of each part, the hyphens no
    punctuation."""
    words: list[tuple] = []
    pending = False
    for token in extractor.tokens(text):
        if not token.piece:
            pending = pending or token.breaks
            continue
        written = text[token.start:token.end]
        key = analyser._key(written, token.piece)
        parts = re.split("[-\u2010\u2011]", written)
        if len(parts) > 1 and re.search("[-\u2010\u2011]", key) and all(
                p and p[0].isalnum() and p[-1].isalnum() for p in parts):
            joined = extractor.tokens(parts[0] + parts[1]) if len(parts) == 2 and fold(
                parts[0]) in PREFIXES.get(analyser.lang, ()) and is_known(
                    (parts[0] + parts[1]).lower(), lang=analyser.lang) else []
            if len(joined) == 1 and joined[0].piece:  # a prefix and its word: one word
                words.append((token.start, token.end,
                              analyser._key(parts[0] + parts[1], joined[0].piece),
                              (token.breaks or pending) if words else None))
                pending = False
                continue
            at = token.start
            for n, part in enumerate(parts):
                for k, sub in enumerate(extractor.tokens(part)):
                    # a hyphen is no punctuation: only what is inside a part breaks
                    pending = pending or (token.breaks if n == 0 else False) if k == 0 \
                        else pending or sub.breaks
                    if sub.piece:
                        words.append((at + sub.start, at + sub.end,
                                      analyser._key(part[sub.start:sub.end], sub.piece),
                                      pending if words else None))
                        pending = False
                at += len(part) + 1
            continue
        words.append((token.start, token.end, key, (token.breaks or pending) if words else None))
        pending = False
    return words


@pytest.mark.parametrize("memory, langs", [([SEED], ("en-GB", "fr-FR")),
                                          ([EUROPARL], ("en", "fr")),
                                          ([DGT], ("en-GB", "fr-FR"))])
def test_words_equal_the_extractors_tokens_and_the_stored_form(memory, langs) -> None:
    analysers = [Analyser(lang) for lang in langs]
    extractors = [Extractor(lang) for lang in langs]
    units = list(stream_units(memory, source_lang=langs[0], target_lang=langs[1],
                              renumber=False, clean=None, dedupe="none", allow_empty=True,
                              segment="sentence"))
    assert units
    for unit in units:
        for analyser, extractor, text in zip(analysers, extractors, (unit.source, unit.target),
                                             strict=True):
            words = analyser.words(text)
            as_tuples = [(w.start, w.end, w.key, w.breaks if i else None)
                         for i, w in enumerate(words)]
            assert as_tuples == _reference(extractor, analyser, text)
            stored = stored_words(*analyser.stored(text))
            assert [(w.start, w.end, w.key, w.breaks) for w in stored][1:] == \
                [(w.start, w.end, fts_token(w.key), w.breaks) for w in words][1:]
            assert [(w.start, w.end) for w in stored] == [(w.start, w.end) for w in words]


def test_the_stored_form_takes_long_texts() -> None:
    analyser = Analyser("fr")
    text = "la chaîne " + " " * 70_000 + "de valeur " + "x" * 70_000
    stored = stored_words(*analyser.stored(text))
    assert [(w.start, w.end) for w in stored] == [(w.start, w.end) for w in analyser.words(text)]
    assert text[stored[-1].start:stored[-1].end] == "x" * 70_000


# --- the command -------------------------------------------------------------------------------

def test_text_output_is_plain_off_a_terminal() -> None:
    result = run(str(DGT), "etats membres")
    assert result.exit_code == 0, result.output
    assert "\x1b[" not in result.output
    blocks = result.stdout.strip().split("\n\n")
    assert len(blocks) == 2
    header, source, target = blocks[1].splitlines()
    assert header == f"#5  {DGT}:290"
    assert source.startswith("  en-GB  Having regard to the Economic Partnership Agreement")
    assert target.startswith("  fr-FR  vu l'accord") and "ses États membres," in target
    # no hit count off a terminal; only what was not searched (6 units have no French)
    assert result.stderr == ("tmx-export: 6 units of the memory left out, not searched "
                             "(6 missing-target-language)\n")


def test_matches_are_highlighted_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    import click

    monkeypatch.setattr("tmx_export.cli.concordance.stdout_is_terminal", lambda: True)
    result = run(str(DGT), "etats membres", color=True)
    assert result.exit_code == 0, result.output
    assert click.style("États membres", fg="red", bold=True) in result.stdout
    assert "2 hits" in result.stderr
    # formats for scripts are never styled
    result = run(str(DGT), "etats membres", "--format", "tsv", color=True)
    assert "\x1b[" not in result.output


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_highlight_depends_on_a_real_terminal() -> None:
    code = ("import sys; from tmx_export.cli.concordance import concordance_command; "
            "concordance_command(sys.argv[1:])")
    args = [sys.executable, "-c", code, str(DGT), "comite"]
    piped = subprocess.run(args, capture_output=True, text=True, check=True)
    assert "COMITÉ" in piped.stdout and "\x1b[" not in piped.stdout
    primary, secondary = os.openpty()
    try:
        # Read while the command writes: a terminal holds only a few kilobytes.
        process = subprocess.Popen(args, stdout=secondary, stderr=subprocess.DEVNULL)
        os.close(secondary)
        chunks = []
        while True:
            try:
                chunk = os.read(primary, 65536)
            except OSError:  # the terminal closed (Linux)
                break
            if not chunk:
                break
            chunks.append(chunk)
        assert process.wait(timeout=60) == 0
    finally:
        os.close(primary)
    shown = b"".join(chunks).decode()
    assert "\x1b[31m\x1b[1mCOMITÉ\x1b[0m" in shown


def test_tsv_output() -> None:
    result = run(str(EXCERPT), "silence", "--source-lang", "en", "--target-lang", "fr",
                 "--format", "tsv", "--limit", "2")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split("\t") == ["tuid", "file", "line", "source", "target", "side", "match"]
    assert len(lines) == 3
    rows = [line.split("\t") for line in lines[1:]]
    assert all(len(row) == 7 for row in rows)
    assert [(row[0], row[1], row[2], row[5], row[6]) for row in rows] == [
        ("5", str(EXCERPT), "5", "both", "silence"), ("6", str(EXCERPT), "5", "both", "silence")]
    assert "minute' s silence" in rows[0][3] and "minute de silence" in rows[0][4]
    # the limit is said (on stderr: the rows stay the rows), and only when it was reached
    assert result.stderr == ("tmx-export: stopped at --limit 2; the memory may hold more "
                             "hits\n")
    result = run(str(EXCERPT), "silence", "--source-lang", "en", "--target-lang", "fr",
                 "--format", "tsv", "--limit", "20")
    assert result.exit_code == 0 and len(result.stdout.splitlines()) < 21
    assert "--limit" not in result.stderr


def test_a_search_that_finds_nothing_says_so_in_every_format(tmp_path: Path) -> None:
    # piped or in a file, an empty result said nothing at all: a mistyped query looked like
    # a search of the wrong memory, or none
    for output_format in ("text", "tsv", "jsonl"):
        result = run(str(SEED), "chaine de valuer", "--format", output_format)
        assert result.exit_code == 0, result.output
        assert result.stderr == ("tmx-export: no unit holds 'chaine de valuer' in en-GB or "
                                 "fr-FR (the languages searched; --source-lang and "
                                 "--target-lang choose others)\n")
        assert result.stdout.splitlines()[1:] == []  # (tsv: the header row alone)
    # a search that finds something has no such line
    assert "no unit holds" not in run(str(SEED), "chaine de valeur").stderr


@pytest.mark.parametrize("terminal", [False, True])
def test_a_search_that_finds_nothing_names_the_languages_it_searched(
        monkeypatch: pytest.MonkeyPatch, terminal: bool) -> None:
    """DGT-TM's 24-language memory searched for German "Abkommen" without --target-lang
    said "no unit holds 'Abkommen'" (on a terminal, "0 hits"), though its German units
    hold it: the search had read the default en-GB and fr-FR texts only, which nothing
    said. The languages searched are named, and the options that choose others."""
    monkeypatch.setattr("tmx_export.cli.concordance.stdout_is_terminal", lambda: terminal)
    memory = str(DATA / "tmx" / "dgt-tm" / "22019D0437.tmx")
    result = run(memory, "Abkommen", color=terminal)
    assert result.exit_code == 0, result.output
    assert "tmx-export: no unit holds 'Abkommen' in en-GB or fr-FR (the languages " \
           "searched; --source-lang and --target-lang choose others)\n" in result.stderr
    assert "no unit holds 'Abkommen' in fr-FR (" in run(memory, "Abkommen", "--side",
                                                        "target").stderr
    found = run(memory, "Abkommen", "--target-lang", "de-DE", "--format", "tsv")
    assert len(found.stdout.splitlines()) > 1 and "no unit holds" not in found.stderr


def test_jsonl_output_spans_point_at_the_matches() -> None:
    result = run(str(SEED), "value chain", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 1
    record = records[0]
    assert (record["tuid"], record["file"], record["line"], record["side"]) == (
        "2", str(SEED), 1, "source")
    assert record["match"] == ["value chains", "value chain"]
    assert [record["source"][s:e] for s, e in record["source_spans"]] == record["match"]
    assert record["target_spans"] == []


def test_user_errors_are_one_line(tmp_path: Path) -> None:
    missing = tmp_path / "missing.tmx"
    index = tmp_path / "i.db"
    result = run(str(missing), "value", "--index", str(index))
    assert result.exit_code == 1
    assert result.output == f"tmx-export: error: {missing}: no such file or directory\n"
    assert not index.exists()
    result = run(str(DGT), "»")
    assert result.exit_code == 1
    assert result.output == "tmx-export: error: QUERY: '»' has no word to search for\n"
    result = run(str(DGT))  # a memory but no query
    assert result.exit_code == 2 and "MEMORY and then the QUERY" in result.output


# --- the index -------------------------------------------------------------------------------

QUERIES = ["value chain", "chaîne de valeur", "etats membres", "Member States", "comite",
           "Parliament", "silence", "minutes de silence", "arbitrators"]


@pytest.mark.parametrize("side", ["both", "source", "target"])
def test_the_index_gives_what_a_scan_gives(tmp_path: Path, side: str) -> None:
    memory = [EUROPARL, DGT.parent, SEED]
    options = {"source_lang": "en-GB", "target_lang": "fr-FR", "side": side}
    index = tmp_path / "memory.db"
    total = 0
    for query in QUERIES:
        scanned = hits(memory, query, **options)
        indexed = hits(memory, query, index=index, **options)
        assert indexed == scanned, query
        total += len(scanned)
    assert total > 40  # the comparison is not between two empty lists


def test_index_built_once_then_reused(tmp_path: Path) -> None:
    index = tmp_path / "ep.db"
    args = [str(EXCERPT), "silence", "--source-lang", "en", "--target-lang", "fr",
            "--format", "tsv", "--index", str(index)]
    first = run(*args)
    assert first.exit_code == 0, first.output
    assert first.stderr == f"tmx-export: building the index {index}...\n"
    built = index.stat()
    second = run(*args)
    assert second.exit_code == 0, second.output
    assert second.stderr == ""
    assert second.stdout == first.stdout
    assert len(second.stdout.splitlines()) == 4  # header and the three units
    assert (index.stat().st_mtime_ns, index.stat().st_ino) == (built.st_mtime_ns, built.st_ino)
    without = run(*args[:-2])
    assert without.stdout == first.stdout
    assert not list(tmp_path.glob(".*.part"))  # no temporary file left beside it


def test_a_new_index_named_gz_is_refused(tmp_path: Path) -> None:
    # a SQLite index is opened where it lies: "idx.db.gz" held it uncompressed
    index = tmp_path / "idx.db.gz"
    refused = run(str(EXCERPT), "silence", "--source-lang", "en", "--target-lang", "fr",
                  "--index", str(index))
    assert refused.exit_code == 1 and "not written compressed" in refused.output
    assert not index.exists()


def test_a_stale_index_is_rebuilt(tmp_path: Path) -> None:
    memory = tmp_path / "memory.tmx"
    shutil.copy(DGT, memory)
    index = tmp_path / "memory.db"
    assert index_status([memory], index) == "missing"
    assert [h.tuid for h in hits([memory], "arbitres", index=index)] == [
        "#3", "#8", "#16", "#17", "#18", "#19"]
    assert index_status([memory], index) is None
    # the memory changes: one more unit with the word, and a new modification time
    text = memory.read_text(encoding="utf-16")
    unit = ('<tu><tuv xml:lang="en-GB"><seg>New arbitrators</seg></tuv>'
            '<tuv xml:lang="fr-FR"><seg>Nouveaux arbitres</seg></tuv></tu>')
    memory.write_text(text.replace("</body>", unit + "</body>"), encoding="utf-16")
    assert index_status([memory], index) == "the memory changed"
    reasons: list[str] = []
    found = list(concordance([memory], "arbitres", index=index, on_build=reasons.append))
    assert reasons == ["the memory changed"]
    assert [h.target for h in found][-1] == "Nouveaux arbitres"
    assert found == hits([memory], "arbitres")
    # other settings are other indexes too
    assert index_status([memory], index, segment="paragraph") == \
        "it was built with other units (--segment)"
    assert index_status([memory], index, source_lang="en-US") == \
        "it was built for other languages"


def test_a_memory_changed_with_its_size_and_time_kept_is_indexed_again(tmp_path: Path
                                                                       ) -> None:
    # rewritten to the same size with its modification time set back (`touch -d`, what
    # `cp -p` and `rsync -a` keep): the index answered with a unit no longer there
    import os

    memory = tmp_path / "memory.tmx"
    shutil.copy(DGT, memory)
    index = tmp_path / "memory.db"
    assert len(hits([memory], "arbitres", index=index)) == 6
    before = memory.stat()
    data = memory.read_bytes()
    word, other = "arbitres".encode("utf-16-le"), "zzzzzzzz".encode("utf-16-le")
    assert word in data
    memory.write_bytes(data.replace(word, other))
    os.utime(memory, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert memory.stat().st_size == before.st_size
    assert index_status([memory], index) == "the memory changed"
    fresh = hits([memory], "arbitres")
    assert len(fresh) < 6 and hits([memory], "arbitres", index=index) == fresh


def test_the_index_never_replaces_another_file(tmp_path: Path) -> None:
    notes = tmp_path / "notes.db"
    notes.write_text("my notes\n", encoding="utf-8")
    result = run(str(DGT), "comité", "--index", str(notes))
    assert result.exit_code == 1
    assert result.output == (f"tmx-export: error: {notes}: not a tmx-export concordance "
                             "index; refusing to replace it (name another --index file, or "
                             "remove this one)\n")
    assert notes.read_text(encoding="utf-8") == "my notes\n"
    memory = tmp_path / "memory.tmx"
    shutil.copy(DGT, memory)
    result = run(str(memory), "comité", "--index", str(memory))
    assert result.exit_code == 1 and "would overwrite an input file" in result.output
    assert memory.read_bytes() == DGT.read_bytes()
    for given, why in ((f"{tmp_path / 'new'}/", "a directory name (ends in '/'), not a file "
                        "name"), (str(tmp_path / "no" / "x.db"), "the directory does not exist")):
        result = run(str(memory), "comité", "--index", given)
        assert result.exit_code == 1
        assert result.stderr == f"tmx-export: error: {given}: cannot write: {why}\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["memory.tmx", "notes.db"]


def test_a_damaged_index_is_one_error_line(tmp_path: Path) -> None:
    # an index whose meta table reads well but whose units' pages are broken (a disk
    # error, a copy cut short) ended the search in a traceback
    from tmx_export.cli import main

    index = tmp_path / "i.db"
    assert build_index([DGT], index) == 19
    con = sqlite3.connect(index)
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'units'").fetchone()[0]
    con.close()
    with index.open("r+b") as handle:  # the units table's first page: no b-tree page now
        handle.seek((root - 1) * page_size)
        handle.write(b"\xff" * page_size)
    assert index_status([DGT], index) is None  # nothing to see before a search reads it
    result = CliRunner().invoke(main, ["concordance", str(DGT), "comité", "--index",
                                       str(index)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output and result.exception.__class__ is SystemExit
    assert result.stderr.splitlines() == [
        f"tmx-export: error: {index}: the index is damaged (database disk image is "
        "malformed); remove it, and the next search with --index builds it again"]
    index.unlink()
    result = CliRunner().invoke(main, ["concordance", str(DGT), "comité", "--index",
                                       str(index), "--format", "tsv"])
    assert result.exit_code == 0 and "comité" in result.stdout


def test_standard_input_cannot_be_indexed(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="standard input cannot be indexed"):
        concordance(["-"], "comité", index=tmp_path / "i.db")


def test_a_failed_build_leaves_the_old_index(tmp_path: Path) -> None:
    memory = tmp_path / "memory.tmx"
    shutil.copy(DGT, memory)
    index = tmp_path / "memory.db"
    assert build_index([memory], index) == 19
    before = index.read_bytes()
    # the memory is cut in the middle of a unit: reading fails half-way through the build
    text = memory.read_text(encoding="utf-16")
    memory.write_text(text[: text.index("Arbitrators selected by the EU")], encoding="utf-16")
    with pytest.raises(InputError):
        build_index([memory], index)
    assert index.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["memory.db", "memory.tmx"]


def test_a_memory_without_the_pair_is_refused_not_searched_in_silence(tmp_path: Path) -> None:
    # A real EN-DE memory searched as EN-FR: no unit to search, which found nothing and
    # said nothing (exit status 0); now one error line naming the languages, and no index
    from tmx_export.cli import main

    memory = Path(__file__).parent / "data" / "tmx" / "europarl-extract" / "parallel_en-de.tmx"
    index = tmp_path / "i.db"
    for extra in ([], ["--index", str(index)]):
        result = CliRunner().invoke(main, ["concordance", str(memory), "Minutes",
                                           "--target-lang", "fr-FR", *extra])
        assert result.exit_code == 1, result.output
        assert result.stderr.splitlines()[-1].endswith(
            "no en-GB/fr-FR unit to search; the units hold en, de: choose the pair with "
            "--source-lang and --target-lang")
    assert not index.exists()
    found = CliRunner().invoke(main, ["concordance", str(memory), "Minutes", "--target-lang",
                                      "de-DE", "--format", "tsv"])
    assert found.exit_code == 0 and "Protokoll" in found.stdout
    # no language named: the pair the memory declares (as check takes it), said on stderr
    found = CliRunner().invoke(main, ["concordance", str(memory), "Protokoll"])
    assert found.exit_code == 0, found.output
    assert "languages as the memory declares them: en -> de" in found.stderr
    assert "Minutes" in found.stdout and "Protokoll" in found.stdout


def test_an_acronym_matches_its_plural_both_ways(tmp_path: Path) -> None:
    # "SME" missed "SMEs" and "SMEs" missed "SME" (the lemmatiser knows neither), with or
    # without the index; the plural of an acronym is its capitals and an "s"
    singular = tmp_path / "singular.tsv"
    singular.write_text("en\tfr\nEach SME shall report to the NGO.\tChaque PME fait rapport "
                        "à l'ONG.\n", encoding="utf-8")
    memory = [SEED, singular]
    for options in ({}, {"index": tmp_path / "i.db"}):
        for query in ("SME", "SMEs", "sme"):
            found = hits(memory, query, source_lang="en-GB", target_lang="fr-FR", **options)
            assert {m for h in found for m in h.matches} == {"SMEs", "SME"}, (query, options)
            assert len(found) >= 2
        found = hits(memory, "NGOs", source_lang="en-GB", target_lang="fr-FR", **options)
        assert [h.matches for h in found] == [["NGO"]]
    # capitals and "s" only: "AIDS", "Ms" and "IDs" keep their own readings
    assert hits([singular], "Ms", source_lang="en-GB", target_lang="fr-FR") == []


def test_decomposed_accents_are_inside_the_match(tmp_path: Path) -> None:
    # "Café" written with a combining accent (NFD, as macOS tools write it): the span
    # stopped before the accent, and a phrase after such a word did not match at all
    table = tmp_path / "nfd.tsv"
    source = unicodedata.normalize("NFD", "The café résumé is ready.")
    target = unicodedata.normalize("NFD", "Le résumé du café est prêt.")
    table.write_text(f"en\tfr\n{source}\t{target}\n", encoding="utf-8")
    for extra in ([], ["--index", str(tmp_path / "i.db")]):
        result = run(str(table), "cafe resume", "--format", "jsonl", *extra)
        assert result.exit_code == 0, result.output
        record = json.loads(result.stdout)
        assert record["source"] == source  # as written, not recomposed
        assert [source[s:e] for s, e in record["source_spans"]] == record["match"] == [
            unicodedata.normalize("NFD", "café résumé")]
        result = run(str(table), "prêt", "--format", "tsv", *extra)
        assert result.stdout.splitlines()[1].split("\t")[-1] == target[-6:-1]


def test_units_without_the_target_language_are_counted_not_hidden(tmp_path: Path) -> None:
    # 6 of the 25 units of this DGT-TM file have no French: the English "of a list of
    # arbitrators [2019/391]" of one of them was never shown, and nothing said so
    from tmx_export.cli import main

    note = ("tmx-export: 6 units of the memory left out, not searched "
            "(6 missing-target-language)")
    for extra in ([], ["--index", str(tmp_path / "i.db")]):
        result = CliRunner().invoke(main, ["concordance", str(DGT), "list of arbitrators",
                                           "--target-lang", "fr-FR", "--format", "tsv",
                                           "--side", "source", *extra])
        assert result.exit_code == 0, result.output
        assert len(result.stdout.splitlines()) == 1 + 3  # the header and the 3 with French
        assert result.stderr.splitlines()[-1] == note, extra
    # the library says it too, once the memory is read to its end
    found = concordance([DGT], "arbitrators", source_lang="en-GB", target_lang="fr-FR")
    assert found.left_out is None
    assert len(list(found)) >= 3 and found.left_out == {"missing-target-language": 6}
    # a memory in which every unit has the pair says nothing
    result = run(str(SEED), "value chain")
    assert "left out" not in result.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="needs a file size limit (ulimit -f)")
def test_an_index_the_disk_cannot_hold_is_the_one_line_error(tmp_path: Path) -> None:
    """A full disk (here a file size limit) while the index was written ended in SQLite's
    "disk I/O error" with a traceback; it is the one-line error naming the index, and no
    index nor temporary file is left."""
    import resource

    def small_files() -> None:  # in the child: files of at most 16 KB
        resource.setrlimit(resource.RLIMIT_FSIZE, (16_384, 16_384))

    memory = DATA / "tmx" / "dgt-tm" / "22019D0437.tmx"
    out = tmp_path / "out"
    out.mkdir()
    process = subprocess.run(
        [sys.executable, "-c", "from tmx_export.cli import main; main()", "concordance",
         str(memory), "Commission", "--source-lang", "en-GB", "--target-lang", "fr-FR",
         "--index", str(out / "i.db")],
        capture_output=True, preexec_fn=small_files, timeout=120, check=False)
    assert process.returncode == 1
    assert "Traceback" not in process.stderr.decode()
    assert process.stderr.decode().splitlines()[-1] == (
        f"tmx-export: error: {out / 'i.db'}: cannot write the index (disk I/O error)")
    assert list(out.iterdir()) == []


def test_the_readme_names_every_field_of_a_hit_for_scripts() -> None:
    # `--format tsv|jsonl` "for scripts": the README named neither format's fields, nor
    # what `side` and `match` hold; a script had to guess from one run's output
    from tmx_export.check.concordance import TSV_COLUMNS
    from tmx_export.cli import main

    memory = str(Path(__file__).parent / "data" / "tmx" / "dgt-tm" / "22019D0437.tmx")
    found = CliRunner().invoke(main, ["concordance", memory, "Council", "--format", "jsonl",
                                      "--source-lang", "en-GB", "--target-lang", "fr-FR"])
    assert found.exit_code == 0, found.output
    fields = set(json.loads(found.stdout.splitlines()[0]))
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    at = readme.index("`--format tsv|jsonl` for scripts")
    told = set(re.findall(r"`([a-z_]+)`", readme[at:at + 800]))
    assert set(TSV_COLUMNS) <= told and fields <= told, (set(TSV_COLUMNS) | fields) - told
