"""Segmentation: paragraph numbers as OmegaT cuts them, abbreviations, modes."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from tmx_export.model import Pair
from tmx_export.segment import paragraph_units, segment_pair, segment_text

DATA = Path(__file__).parent / "data"

EN = "Calls on the Commission to propose a cluster policy;"
FR = "invite la Commission à proposer une politique relative aux conglomérats;"


def test_number_split_off_when_omegat_splits_the_english_source() -> None:
    pair = Pair(EN, FR, "en-GB", "fr-FR", number=34, file="seed.txt", line=3)
    units = paragraph_units(pair)
    assert [(u.source, u.target) for u in units] == [("34.", "34."), (EN, FR)]
    for unit in units:
        assert (unit.paragraph, unit.props) == (34, {})
        assert (unit.file, unit.line, unit.source_lang, unit.target_lang) == (
            "seed.txt", 3, "en-GB", "fr-FR")


def test_english_lower_case_body_still_splits() -> None:
    # OmegaT's English rules have no exception for ". " before a lower-case letter.
    units = paragraph_units(Pair("calls on the Commission", "invite", "en", "fr", number=7))
    assert [u.source for u in units] == ["7.", "calls on the Commission"]


def test_french_source_keeps_number_before_lower_case() -> None:
    units = paragraph_units(Pair(FR, EN, "fr-FR", "en-GB", number=34))
    assert [(u.source, u.target) for u in units] == [(f"34. {FR}", f"34. {EN}")]
    assert str(units[0].paragraph) == "34"


def test_french_source_splits_before_upper_case_digit_and_accent() -> None:
    # [a-z] in OmegaT's French exception is ASCII only: "élargit" is cut like "Invite".
    for body in ("Invite la Commission", "5 fois", "élargit la porte", "« Titre »"):
        units = paragraph_units(Pair(body, "x", "fr-FR", "en-GB", number=2))
        assert [u.source for u in units] == ["2.", body], body


def test_german_source_splits_only_before_upper_case() -> None:
    assert len(paragraph_units(Pair("die Kommission", "la", "de-DE", "fr-FR", number=1))) == 1
    assert len(paragraph_units(Pair("Die Kommission", "La", "de-DE", "fr-FR", number=1))) == 2


def test_unnumbered_pair_is_returned_unchanged() -> None:
    pair = Pair(EN, FR, "en-GB", "fr-FR", props={"x-document": "a.txt"})
    assert paragraph_units(pair) == [pair]


# -- sentence rules ---------------------------------------------------------------------------



@pytest.mark.parametrize("text, expected", [
    ("Mr. Smith agreed. He left.", ["Mr. Smith agreed.", "He left."]),
    ("Mrs. Jones agreed. She left.", ["Mrs. Jones agreed.", "She left."]),
    ("Dr. Who came. He left.", ["Dr. Who came.", "He left."]),
    ("See No. 5 below. It is short.", ["See No. 5 below.", "It is short."]),
    ("Is it? No. The answer is no.", ["Is it?", "No.", "The answer is no."]),
    # OmegaT 3.6's English rules know no "Art.": it cuts there, and so must a unit
    ("Under Art. 5 of the Treaty. Next.", ["Under Art.", "5 of the Treaty.", "Next."]),
    ("Some rules, e.g. The Hague Rules, apply.", ["Some rules, e.g. The Hague Rules, apply."]),
    ("One rule, i.e. The first, applies.", ["One rule, i.e. The first, applies."]),
    ("Cars, vans etc. and lorries.", ["Cars, vans etc. and lorries."]),
    ("Cars, vans etc. 5 more.", ["Cars, vans etc. 5 more."]),
    ("Cars, vans etc. The list ends.", ["Cars, vans etc.", "The list ends."]),
    ("As said on p. 12 above. Fine.", ["As said on p. 12 above.", "Fine."]),
    ("J. Smith wrote it. The U.K. agreed.", ["J. Smith wrote it.", "The U.K. agreed."]),
])
def test_english_abbreviations(text: str, expected: list[str]) -> None:
    assert segment_text(text, "en-GB") == expected


@pytest.mark.parametrize("text, expected", [
    ("M. Dupont est là. Il part.", ["M. Dupont est là.", "Il part."]),
    ("MM. Dupont et Durand sont là. Ils partent.", ["MM. Dupont et Durand sont là.",
                                                    "Ils partent."]),
    ("Mme. Dupont est là. Mme Durand aussi.", ["Mme. Dupont est là.", "Mme Durand aussi."]),
    ("Voir art. 5 du traité. Fin.", ["Voir art. 5 du traité.", "Fin."]),
    ("Voir le n° 5. Fin.", ["Voir le n° 5.", "Fin."]),
    ("Des pays, p. ex. La France, votent.", ["Des pays, p. ex. La France, votent."]),
    ("Des voitures etc. et des camions.", ["Des voitures etc. et des camions."]),
    ("Des voitures etc. Rien de plus.", ["Des voitures etc.", "Rien de plus."]),
])
def test_french_abbreviations(text: str, expected: list[str]) -> None:
    assert segment_text(text, "fr-FR") == expected


@pytest.mark.parametrize("lang, text", [
    # Real DGT-TM (22019D0996, marine equipment): references to resolutions and standards
    # were cut after "Res.", "Ed.", "incl.", "Rés.", leaving units such as "IMO Res." |
    # "Rés." and "A.224(VII)" | "A.224(VII) de l'OMI" (the "IMO" of one side in the unit
    # before)
    ("en", "IMO Res. MSC.36(63)-(1994 HSC Code) 13"),
    ("fr", "Rés. OMI MSC.36(63)-(Recueil HSC 1994) 13"),
    ("en", "IMO Res. A.224(VII)"),
    ("en", "IEC 62288 Ed. 2.0 (2014- 07)"),
    ("en", "IEC 62616(2010) incl. Corr. 1 (2012)"),
    ("fr", "CEI 61162-3 éd. 1.2 compilation avec amendement 1 éd. 1.0 (2010-11)"),
    ("fr", "IMO MSC/Circ.1221 Rév. 2"),
])
def test_references_to_resolutions_and_standards_stay_whole(lang: str, text: str) -> None:
    assert segment_text(text, lang) == [text]


def test_an_edition_ends_no_sentence_only_before_a_number() -> None:
    assert segment_text("The first ed. 2 was printed. The second ed. The third.", "en") == [
        "The first ed. 2 was printed.", "The second ed.", "The third."]


@pytest.mark.parametrize("lang, text, expected", [
    # a number ending a sentence, then a paragraph-like number inside the text
    ("fr", "Adopté en 1997. 4. Au moment du vote, rien.",
     ["Adopté en 1997.", "4.", "Au moment du vote, rien."]),
    ("en", "Adopted in 1997. 4. At the time, nothing.",
     ["Adopted in 1997.", "4.", "At the time, nothing."]),
    ("en", "See Article 5. The next one differs.", ["See Article 5.", "The next one differs."]),
    ("fr", "Voir l'article 5. Le suivant diffère.", ["Voir l'article 5.", "Le suivant diffère."]),
    # decimals and numbered items before a lower-case word never break
    ("en", "It grew by 3.5 % a year; 2. calls on it", ["It grew by 3.5 % a year; 2. calls on it"]),
    ("fr", "Hausse de 3,5 % par an; 2. invite la", ["Hausse de 3,5 % par an; 2. invite la"]),
    # a number ending a sentence before a digit does break
    ("en", "It rose in 2000. 2001 was worse.", ["It rose in 2000.", "2001 was worse."]),
])
def test_numbers(lang: str, text: str, expected: list[str]) -> None:
    assert segment_text(text, lang) == expected


@pytest.mark.parametrize("text, expected", [
    # OmegaT 3.6's numbered-heading rule (checked with OmegaT: 10 of 10 segments filled)
    ("1.2 Scope of the programme", ["1.2", "Scope of the programme"]),
    ("4) Funding of the projects", ["4)", "Funding of the projects"]),
    ("10.4.2 Monitoring and evaluation", ["10.4.2", "Monitoring and evaluation"]),
    ("12 Member States agreed on it.", ["12", "Member States agreed on it."]),
    ("3.1. Objectives of the action", ["3.1.", "Objectives of the action"]),
    # one digit, a lower-case word, or a number not at the start: no heading
    ("4 Funding of the projects", ["4 Funding of the projects"]),
    ("1.2 scope of the programme", ["1.2 scope of the programme"]),
    ("See 1.2 Scope of the programme", ["See 1.2 Scope of the programme"]),
])
@pytest.mark.parametrize("lang", ["en-GB", "fr-FR", "de-DE"])
def test_numbered_headings_are_cut_where_omegat_cuts_them(lang: str, text: str,
                                                          expected: list[str]) -> None:
    assert segment_text(text, lang) == expected
    assert segment_text(text, lang, "clause") == expected


def test_french_typographic_spaces() -> None:
    # "« Bonjour. » Il": OmegaT's French rules cut neither before "»" nor after it
    text = "Pourquoi\u00a0? Parce que\u202f! « Bonjour. » Il reste 20\u00a0000 euros\u00a0; voilà."
    assert segment_text(text, "fr-FR") == [
        "Pourquoi\u00a0?", "Parce que\u202f!",
        "« Bonjour. » Il reste 20\u00a0000 euros\u00a0; voilà."]


def test_closing_quotes_brackets_and_ellipses_end_no_segment() -> None:
    """Where OmegaT 3.6's default rules cut (t6): after ".", "?" or "!" right before white
    space only; German also after an ASCII closing quote."""
    assert segment_text('He said "Stop." Then (he left.) Then it ended.', "en") == [
        'He said "Stop." Then (he left.) Then it ended.']
    assert segment_text('He said: "The vote is closed." Then the sitting was suspended.',
                        "en-GB") == ['He said: "The vote is closed." Then the sitting was '
                                     'suspended.']
    assert segment_text("They waited… Nothing happened.", "en") == [
        "They waited… Nothing happened."]
    assert segment_text("Il a déclaré : « Nous voterons contre. » Le groupe a suivi.",
                        "fr-FR") == ["Il a déclaré : « Nous voterons contre. » Le groupe a suivi."]
    assert segment_text('Er sagte: "Gut." Dann ging er.', "de") == [
        'Er sagte: "Gut."', "Dann ging er."]


def test_a_question_ends_a_segment_before_lower_case() -> None:
    # OmegaT cuts after "?" and "!" whatever follows; only "." has lower-case exceptions
    assert segment_text("Is this acceptable? we do not think so.", "en-GB") == [
        "Is this acceptable?", "we do not think so."]
    assert segment_text("Est-ce acceptable ? nous ne le pensons pas.", "fr") == [
        "Est-ce acceptable ?", "nous ne le pensons pas."]
    assert segment_text("Cars, vans etc. and lorries.", "en") == ["Cars, vans etc. and lorries."]


@pytest.mark.parametrize("text", ["Voir le chap. 3 du rapport.",
                                  "Il coûte 20 millions d'euros env. Cette somme reste."])
def test_french_cuts_after_chap_and_env_as_omegat_does(text: str) -> None:
    # not in OmegaT 3.6's French exceptions: "Voir le chap." | "3 du rapport."
    assert len(segment_text(text, "fr-FR")) == 2


def test_clause_mode_breaks_before_lower_case_after_semicolon() -> None:
    en = "Calls on the Commission to act; stresses the need; Notes nothing. Next one."
    assert segment_text(en, "en", "clause") == [
        "Calls on the Commission to act;", "stresses the need; Notes nothing.", "Next one."]
    fr = "invite la Commission à agir ; souligne le besoin; estime que c'est fini."
    assert segment_text(fr, "fr", "clause") == [
        "invite la Commission à agir ;", "souligne le besoin;", "estime que c'est fini."]
    assert segment_text(fr, "fr", "sentence") == [fr]


def test_line_breaks_always_break_and_paragraph_mode_only_there() -> None:
    text = "First line. Still one.\n  Second line\r\nthird"
    assert segment_text(text, "en") == ["First line.", "Still one.", "Second line", "third"]
    assert segment_text(text, "en", "paragraph") == [
        "First line. Still one.", "Second line", "third"]


def test_unknown_mode_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown segmentation mode"):
        segment_text("x", "en", "word")


# -- segment_pair ------------------------------------------------------------------------------


def _seed() -> Pair:
    with (DATA / "seg_seed_34.tsv").open(encoding="utf-8", newline="") as fh:
        row = next(csv.DictReader(fh, delimiter="\t"))
    return Pair(row["en"], row["fr"], "en-GB", "fr-FR", number=int(row["number"]),
                file="seed.txt", line=1)


def test_seed_gives_the_units_omegat_fills() -> None:
    pair = _seed()
    units, rejects = segment_pair(pair)
    assert rejects == []
    assert [(u.source, u.target) for u in units] == [("34.", "34."), (pair.source, pair.target)]
    assert units[1].source.startswith("Calls on the Commission to propose a cluster policy")
    assert units[1].target.startswith("invite la Commission à proposer")
    for unit in units:
        assert str(unit.paragraph) == "34"
        assert unit.align == "1-1"
        assert 0.0 <= unit.align_score <= 1.0


def test_seed_clause_mode_cuts_resolution_clauses_on_both_sides() -> None:
    units, _ = segment_pair(_seed(), "clause")
    assert units[0].source == "34."
    assert units[1].source.endswith("in response to business and/or research needs;")
    assert units[1].target.endswith("en réponse aux besoins des entreprises et/ou de la "
                                    "recherche;")
    assert units[2].source.startswith("stresses the importance of establishing")
    assert units[2].target.startswith("souligne l'importance de la création")
    assert len(units) == 6


def test_paragraph_mode_keeps_one_unit_per_paragraph() -> None:
    pair = Pair("First. Second.", "Premier.\nSecond.", "en", "fr", number=3)
    units, rejects = segment_pair(pair, "paragraph")
    assert [(u.source, u.target) for u in units] == [("3.", "3."),
                                                    ("First. Second.", "Premier. Second.")]
    assert rejects == []


def _europarl() -> list[Pair]:
    with (DATA / "align_europarl_paragraphs.tsv").open(encoding="utf-8", newline="") as fh:
        return [Pair(r["en"], r["fr"], "en-GB", "fr-FR", file="ep-00-01-17", line=int(r["line"]))
                for r in csv.DictReader(fh, delimiter="\t")]


def test_europarl_paragraphs_align_as_translated() -> None:
    # Expected beads read off the texts by hand (see tests/data/align_europarl_paragraphs.tsv).
    expected = {
        3: ["1-2", "1-1", "1-1", "1-1"],     # "the dreaded 'millennium bug' ..." is two in French
        18: ["1-1"] * 7 + ["1-2"],           # "... disgraceful ..." -> "... C'est scandaleux."
        # "That is, if he so wishes, of course." joins the first sentence after a comma
        29: ["2-1/1", "2-1/2", "1-1"],
        48: ["1-1", "1-1"],                  # "Thank you very much." -> "Merci."
        54: ["2-1/1", "2-1/2"] + ["1-1"] * 6,
    }
    for pair in _europarl():
        units, rejects = segment_pair(pair)
        assert [u.align for u in units] == expected[pair.line], pair.line
        assert rejects == []
        for unit in units:
            assert unit.source == unit.source.strip() and "\n" not in unit.source
            assert unit.target == unit.target.strip() and "\n" not in unit.target
            assert (unit.file, unit.line) == ("ep-00-01-17", pair.line)
        # nothing lost: the units hold every word of both paragraphs, in order
        assert " ".join(u.source for u in units).split() == pair.source.split()
        assert " ".join(u.target for u in units).split() == pair.target.split()
    thanks = segment_pair(_europarl()[3])[0][1]
    assert (thanks.source, thanks.target) == ("Thank you very much.", "Merci.")
    joined = segment_pair(_europarl()[2])[0]
    assert [(u.source, u.target) for u in joined[:2]] == [
        ("I would like Mr Barón Crespo, who made the request, to speak to propose it.",
         "Je souhaiterais que M. Barón Crespo, auteur de la demande, intervienne pour la "
         "justifier,"),
        ("That is, if he so wishes, of course.", "s' il le souhaite bien sûr.")]


def test_two_to_one_cut_at_the_joining_clause_mark() -> None:
    # ep-00-01-21: the French joins two English sentences with " : " and with " ; ".
    pair = Pair("Mr President, I simply wanted to pass on some news. There was a terrorist "
                "attack this morning in Madrid.",
                "Monsieur le Président, Je voulais simplement diffuser une information : un "
                "attentat terroriste a eu lieu ce matin à Madrid.", "en-GB", "fr-FR")
    units, rejects = segment_pair(pair)
    assert rejects == []
    assert [(u.target, u.align) for u in units] == [
        ("Monsieur le Président, Je voulais simplement diffuser une information :", "2-1/1"),
        ("un attentat terroriste a eu lieu ce matin à Madrid.", "2-1/2")]
    # no clause mark where the lengths fit: the bead stays whole
    pair = Pair("Yes. I agree with you entirely on this point.",
                "Oui je suis entièrement d'accord avec vous sur ce point précis.", "en", "fr")
    assert [u.align for u in segment_pair(pair)[0]] == ["2-1"]


def test_unaligned_sentence_goes_to_rejects() -> None:
    pair = Pair("The vote will take place tomorrow at 12 noon. The debate is closed. "
                "Thank you all for your patience during this long sitting today.",
                "Le vote aura lieu demain à 12 heures. Le débat est clos.",
                "en-GB", "fr-FR", file="f.txt", line=9)
    units, rejects = segment_pair(pair)
    assert [(u.source, u.align) for u in units] == [
        ("The vote will take place tomorrow at 12 noon.", "1-1"),
        ("The debate is closed.", "1-1")]
    assert [(r.file, r.line, r.reason, r.text) for r in rejects] == [
        ("f.txt", 9, "source sentence without translation (1-0)",
         "Thank you all for your patience during this long sitting today.")]


def test_min_score_sends_weak_units_to_rejects() -> None:
    pair = _europarl()[3]
    units, rejects = segment_pair(pair, min_score=0.3)
    assert [u.source for u in units] == [
        "Madam President, I would like to thank Mr Poettering for advertising this debate."]
    assert len(rejects) == 1
    assert rejects[0].reason == "alignment score below --min-score 0.3"
    assert re.fullmatch(r"0\.[0-2]\d \(1-1\)", rejects[0].detail)
    assert rejects[0].text == "Thank you very much. ||| Merci."


def test_unalignable_pair_falls_back_to_one_unit() -> None:
    # Unrelated texts with no shared anchor and clashing lengths: no sentence pairing can be
    # trusted, so the paragraph stays whole and nothing is lost.
    pair = Pair("Yes. No. Perhaps. Maybe. It depends on the weather and on many other things "
                "entirely.",
                "Le ciel est bleu aujourd'hui et il fait très chaud dans toute la région. Oui.",
                "en", "fr")
    units, rejects = segment_pair(pair)
    assert rejects == []
    assert len(units) == 1
    assert units[0].source == pair.source and units[0].target == pair.target
    assert units[0].align == "5-2"


# -- cutting the translation of joined sentences (Europarl, 17 January 2000) ------------------


def _session_paragraph(line: int) -> Pair:
    """Paragraph ``line`` (1-based, blank lines skipped) of the whole 17 January session."""
    def read(lang: str) -> str:
        text = (DATA / "europarl-sessions" / f"ep-00-01-17.{lang}.txt").read_text(encoding="utf-8")
        return [p.strip() for p in text.splitlines() if p.strip()][line - 1]

    return Pair(read("en"), read("fr"), "en-GB", "fr-FR", file="ep-00-01-17", line=line)


def _cut(line: int) -> list[tuple[str, str, str]]:
    units, rejects = segment_pair(_session_paragraph(line))
    assert rejects == []
    return [(u.align, u.source, u.target) for u in units]


def test_comma_cut_taken_when_the_anchors_confirm_it() -> None:
    # "... les citernes, ceci dans l'intérêt tout particulier des régions nordiques de
    # l'Europe": the length of the first half alone is not conclusive, the shared
    # "régions"/"européennes"/"particulier" anchors are.
    units = _cut(96)
    assert units[:2] == [
        ("2-1/1", "A further amendment allows the Member States to impose more stringent "
         "requirements, in particular for vacuum tanks, if work is done or goods are "
         "transported as a priority in temperatures well below -20ºC.",
         "Une autre proposition d'amendement permet en outre aux États membres au sein "
         "desquels le travail et le transport se déroulent régulièrement sous des "
         "températures nettement inférieures à -20ºC d'édicter des exigences plus strictes, "
         "en particulier pour ce qui concerne les citernes,"),
        ("2-1/2", "This is in the special interest of northern European regions.",
         "ceci dans l'intérêt tout particulier des régions nordiques de l'Europe.")]


def test_cut_before_a_conjunction_that_opens_a_clause() -> None:
    # "et je demanderais": "et" then a subject pronoun, no comma
    assert [(kind, target) for kind, _, target in _cut(234)[:2]] == [
        ("2-1/1", "Cette conception me paraît injustifiée"),
        ("2-1/2", "et je demanderais que ces points soient bien plus pris en considération "
                  "dans le septième rapport périodique.")]
    # "le cas et M. Barnier": "et" with no comma and no subject pronoun joins words as often
    # as clauses ("The Trade and Development Committee"), so it is no place to cut: the two
    # sentences keep their one translation
    assert [(kind, target) for kind, _, target in _cut(161)[1:2]] == [
        ("2-1", "Cela n'a malheureusement pas été le cas et M. Barnier n'y est pour rien : la "
                "question relevait de la précédente Commission.")]


def test_sentence_left_untranslated_joins_its_neighbour_when_it_is_a_clause_there() -> None:
    # The aligner leaves "And finally, there are the cross-border aspects." without a
    # translation; it is the last clause of the French sentence ("; et enfin ...").
    units = _cut(261)
    assert [kind for kind, *_ in units] == ["3-1/1", "3-1/2", "3-1/3", "1-1"]
    assert units[1][2] == ("- ce sera le grand défi pour nous, pour vous, pour la Commission, "
                           "dans les prochaines années ;")
    assert units[2][1:] == ("And finally, there are the cross-border aspects.",
                            "et enfin les aspects transfrontaliers.")


@pytest.mark.parametrize(("line", "kinds"), [(261, ["1-3", "1-1"]),
                                             (215, ["1-3", "1-1", "1-1"])])
def test_translated_sentence_without_source_joins_its_neighbour_when_a_clause_there(
        line: int, kinds: list[str]) -> None:
    # The same paragraphs the other way round, French to English: the English sentences
    # "And finally, there are the cross-border aspects." and "I am very pleased with the
    # level of support..." have no French sentence of their own; each is the last clause of
    # the French sentence before it ("; et enfin ...", "- je suis très heureux du
    # soutien..."). They were rejects, and the unit of that French sentence lacked them.
    english = _session_paragraph(line)
    pair = Pair(english.target, english.source, "fr-FR", "en-GB", file="f", line=line)
    units, rejects = segment_pair(pair)
    assert rejects == []
    assert [u.align for u in units] == kinds
    assert " ".join(u.target for u in units) == " ".join(segment_text(pair.target, "en-GB"))
    assert " ".join(u.source for u in units) == " ".join(segment_text(pair.source, "fr-FR"))
    assert units[0].source.endswith(("et enfin les aspects transfrontaliers.",
                                     "pour la préparation de leurs propres programmes."))


def test_translated_sentence_without_source_stays_a_reject_when_no_clause_matches() -> None:
    # an English sentence the French does not translate at all is no clause of it
    pair = Pair("Le vote aura lieu demain à 12 heures. Le débat est clos.",
                "The vote will take place tomorrow at 12 noon. The debate is closed. "
                "Thank you all for your patience during this long sitting today.",
                "fr-FR", "en-GB", file="f.txt", line=9)
    units, rejects = segment_pair(pair)
    assert [u.align for u in units] == ["1-1", "1-1"]
    assert [(r.reason, r.text) for r in rejects] == [
        ("target sentence without source (0-1)",
         "Thank you all for your patience during this long sitting today.")]


def test_sentence_split_off_goes_with_its_own_sentence_not_into_a_two_to_two_bead() -> None:
    # "... and now he is doing just the same." is two French sentences ("... présidents.
    # Or, il fait la même chose."). The aligner took 1-1 + 2-2 over 1-2 + 2-1, and the
    # 2-2 unit gave "We discussed that matter..." the French "Or, il fait la même chose.
    # Nous avons discuté..."; the English sentence before it lost its end.
    units = _cut(45)
    assert [kind for kind, *_ in units] == ["1-1", "1-2", "2-1/1", "2-1/2", "1-1", "1-1"]
    assert units[1][2].endswith("en Conférence des présidents. Or, il fait la même chose.")
    assert units[2][1:] == (
        "We discussed that matter and we were unanimous, with the exception of the PPE and "
        "ELDR Groups.",
        "Nous avons discuté, nous étions unanimes sauf le groupe PPE et le groupe libéral")
    # French to English: the French sentence is the one without its own English sentence
    english = _session_paragraph(45)
    pair = Pair(english.target, english.source, "fr-FR", "en-GB", file="f", line=45)
    units_fr, rejects = segment_pair(pair)
    assert rejects == []
    assert [u.align for u in units_fr] == ["1-1", "2-1/1", "2-1/2", "1-2", "1-1", "1-1"]
    assert (units_fr[2].source, units_fr[2].target) == (
        "Or, il fait la même chose.", "and now he is doing just the same.")
    assert units_fr[3].target.startswith("We discussed that matter and we were unanimous")
    # a 2-2 bead whose sentences do belong together keeps them (paragraph 206)
    assert [kind for kind, *_ in _cut(206)] == ["1-1", "2-2/1", "2-2/2"]


def test_unsure_paragraph_is_cut_as_a_whole_rather_than_kept_whole() -> None:
    # Weak anchors put the beads under the confidence mark, but the translation has a
    # sentence end (". à cet égard" keeps a lower-case letter) for every English sentence.
    units = _cut(242)
    assert [kind for kind, *_ in units] == ["4-3/1", "4-3/2", "4-3/3", "4-3/4"]
    assert [target.split()[:2] for *_, target in units] == [
        ["Pour", "conclure,"], ["Le", "rapport"], ["Avec", "l'adhésion"], ["à", "cet"]]
    pair = _session_paragraph(242)
    assert " ".join(u for *_, u in units).split() == pair.target.split()


def test_no_cut_when_the_translation_was_rebuilt() -> None:
    # "We shall call him Mr Hicks." is woven into the middle of the French sentence: no
    # clause boundary gives it its translation, so the 2-1 unit stays whole.
    assert [kind for kind, *_ in _cut(10)] == ["2-1"]


def test_german_italian_paragraph_gives_one_unit_per_sentence() -> None:
    # An EU act's recital (OJ citation, quote, "z. B.", a year ending a sentence): the German
    # was cut at "z." and kept "2020. Danach" whole, so "B. die Kosten." was paired with
    # "Il termine scade nel 2020."
    de = ("Es gilt die Richtlinie 96/98/EG (ABl. L 46 vom 17.2.1997, S. 25). Der Ausschuss "
          "sagte: „Die Frist ist zu kurz.“ Die Kommission prüft z. B. die Kosten. Die Frist "
          "endet im Jahr 2020. Danach gilt Artikel 5.")
    it = ("Si applica la direttiva 96/98/CE (GU L 46 del 17.2.1997, pag. 25). Il comitato ha "
          "detto: «Il termine è troppo breve.» La Commissione esamina ad esempio i costi. Il "
          "termine scade nel 2020. Successivamente si applica l'articolo 5.")
    units, rejects = segment_pair(Pair(de, it, "de-DE", "it-IT"))
    assert rejects == []
    assert [(u.source, u.target) for u in units] == [
        ("Es gilt die Richtlinie 96/98/EG (ABl. L 46 vom 17.2.1997, S. 25).",
         "Si applica la direttiva 96/98/CE (GU L 46 del 17.2.1997, pag. 25)."),
        # no cut after a closing quote (OmegaT's rules): one unit, on both sides
        ("Der Ausschuss sagte: „Die Frist ist zu kurz.“ Die Kommission prüft z. B. die Kosten.",
         "Il comitato ha detto: «Il termine è troppo breve.» La Commissione esamina ad esempio "
         "i costi."),
        ("Die Frist endet im Jahr 2020.", "Il termine scade nel 2020."),
        ("Danach gilt Artikel 5.", "Successivamente si applica l'articolo 5."),
    ]
