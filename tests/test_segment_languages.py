"""Sentence rules of other EU languages: ordinal dots, the Greek question mark, and each
language's abbreviations."""

from __future__ import annotations

import pytest

from tmx_export.model import Pair
from tmx_export.segment import segment_pair
from tmx_export.segment.rules import segment_text


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # German writes ordinals with a dot: "3. März" is no sentence end (OmegaT's German rule)
    ("de", "Die Sitzung fand am 3. März 2019 statt. Sie dauerte bis zum 5. April.",
     ["Die Sitzung fand am 3. März 2019 statt.", "Sie dauerte bis zum 5. April."]),
    ("de", "Gemäß Abs. 2 gilt z.B. Folgendes. Das Ende.",
     ["Gemäß Abs. 2 gilt z.B. Folgendes.", "Das Ende."]),
    ("fi", "Sopimus tehtiin 3. maaliskuuta 2019. Se tuli voimaan.",
     ["Sopimus tehtiin 3. maaliskuuta 2019.", "Se tuli voimaan."]),
    # Greek: ";" (and U+037E) is the question mark; "κ." a title
    ("el", "Τι είναι αυτό; Είναι ένα βιβλίο. Ο κ. Παπαδόπουλος ήρθε.",
     ["Τι είναι αυτό;", "Είναι ένα βιβλίο.", "Ο κ. Παπαδόπουλος ήρθε."]),
    ("el-GR", "Τι είναι αυτό\u037e Είναι ένα βιβλίο.",
     ["Τι είναι αυτό\u037e", "Είναι ένα βιβλίο."]),
    ("pl", "Zgodnie z art. 5 ust. 2 umowy. Koniec.", ["Zgodnie z art. 5 ust. 2 umowy.", "Koniec."]),
    ("cs", "Podle čl. 5 odst. 2 dohody. Konec.", ["Podle čl. 5 odst. 2 dohody.", "Konec."]),
    ("es", "El Sr. García habló del art. 5. Fin.", ["El Sr. García habló del art. 5.", "Fin."]),
])
def test_language_rules(lang: str, text: str, expected: list[str]) -> None:
    assert segment_text(text, lang) == expected


def test_other_languages_keep_their_rules() -> None:
    # English breaks after a year; French and English keep ";" as a clause mark only
    assert segment_text("It was 1999. The end.", "en") == ["It was 1999.", "The end."]
    assert segment_text("Il vient; Elle part.", "fr") == ["Il vient; Elle part."]
    assert segment_text("Am 3. Mai. Ende.", "en") == ["Am 3.", "Mai.", "Ende."]


def test_chinese_and_japanese_end_sentences_without_a_space() -> None:
    text = "欧盟委员会通过了报告。理事会在布鲁塞尔开会。他说：“好！”然后走了。"
    assert segment_text(text, "zh-CN") == [
        "欧盟委员会通过了报告。", "理事会在布鲁塞尔开会。", "他说：“好！”", "然后走了。"]
    assert segment_text("委員会は報告書を採択した。理事会は月曜日に会合した。", "ja") == [
        "委員会は報告書を採択した。", "理事会は月曜日に会合した。"]
    # a full-width mark in a Latin-script text is left to the usual rules
    assert segment_text("Le mot « 。» reste. Fin.", "fr") == ["Le mot « 。» reste.", "Fin."]


@pytest.mark.parametrize(("lang", "text"), [
    # German and Czech close „…“ with U+201C; German also writes »…«. OmegaT 3.6 cuts
    # neither there (its rules cut after ".?!" right before white space, German also after
    # an ASCII quote), so neither does a unit meant to match its segments.
    ("de", "Er sagte: „Das ist gut.“ Dann ging er."),
    ("de", "Er sagte: »Das ist gut.« Dann ging er."),
    ("cs", "Výbor uvedl: „Lhůta je příliš krátká.“ Komise to zváží."),
    ("sk", "Výbor uviedol: „Lehota je krátka.“ Komisia to zváži."),
    ("bg", "Комитетът каза: „Срокът е кратък.“ Комисията ще прецени."),
])
def test_closing_quotes_of_low_opening_quotes_end_no_segment(lang: str, text: str) -> None:
    assert segment_text(text, lang) == [text]


# The Official Journal citation that nearly every EU act holds, as each language writes it:
# it ends no sentence before its closing bracket.
@pytest.mark.parametrize(("lang", "citation"), [
    ("en", "(OJ L 46, 17.2.1997, p. 25)."),
    ("de", "(ABl. L 46 vom 17.2.1997, S. 25)."),
    ("fr", "(JO L 46 du 17.2.1997, p. 25)."),
    ("it", "(GU L 46 del 17.2.1997, pag. 25)."),
    ("es", "(DO L 46 de 17.2.1997, p. 25)."),
    ("pt", "(JO L 46 de 17.2.1997, p. 25)."),
    ("nl", "(PB L 46 van 17.2.1997, blz. 25)."),
    ("cs", "(Úř. věst. L 46, 17.2.1997, s. 25)."),
    ("pl", "(Dz.U. L 46 z 17.2.1997, s. 25)."),
    ("el", "(ΕΕ L 46 της 17.2.1997, σ. 25)."),
    ("bg", "(ОВ L 46, 17.2.1997 г., стр. 25)."),
    ("sl", "(UL L 46, 17.2.1997, str. 25)."),
    ("hr", "(SL L 46, 17.2.1997., str. 25)."),
    ("sk", "(Ú. v. ES L 46, 17.2.1997, s. 25)."),
    ("fi", "(EYVL L 46, 17.2.1997, s. 25)."),
    ("sv", "(EGT L 46, 17.2.1997, s. 25)."),
    ("da", "(EFT L 46 af 17.2.1997, s. 25)."),
    ("hu", "(HL L 46., 1997.2.17., 25. o.)."),
    ("ro", "(JO L 46, 17.2.1997, p. 25)."),
    ("et", "(EÜT L 46, 17.2.1997, lk 25)."),
    ("lv", "(OV L 46, 17.2.1997., 25. lpp.)."),
    ("lt", "(OL L 46, 1997 2 17, p. 25)."),
    ("mt", "(ĠU L 46, 17.2.1997, p. 25)."),
])
def test_official_journal_citation_stays_in_its_sentence(lang: str, citation: str) -> None:
    sentence = f"Directive 96/98 {citation}"
    assert segment_text(f"{sentence} Next 1.", lang) == [sentence, "Next 1."]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("it", "Ai sensi dell'art. 5, par. 2 del regolamento. Fine.",
     ["Ai sensi dell'art. 5, par. 2 del regolamento.", "Fine."]),
    ("it", "Si applica l’art. 7 del trattato. Fine.",
     ["Si applica l’art. 7 del trattato.", "Fine."]),
    ("it", "Il sig. Rossi ha parlato. Fine.", ["Il sig. Rossi ha parlato.", "Fine."]),
    ("de", "Die Kosten, z. B. am 12. Oktober, steigen. Ende.",
     ["Die Kosten, z. B. am 12. Oktober, steigen.", "Ende."]),
    ("de", "Es gibt u. a. Probleme mit dem Verfahren gem. Art. 5 der Verordnung. Ende.",
     ["Es gibt u. a. Probleme mit dem Verfahren gem. Art. 5 der Verordnung.", "Ende."]),
    ("de", "Der Sitz ist in der Hauptstr. 5 in Bonn. Ende.",
     ["Der Sitz ist in der Hauptstr. 5 in Bonn.", "Ende."]),
    ("pl", "Pan prof. Nowak i dr hab. Kowalski byli obecni. Koniec.",
     ["Pan prof. Nowak i dr hab. Kowalski byli obecni.", "Koniec."]),
    # "ds." ("do spraw") names EU committees in DGT-TM Polish; "wyd." an edition
    ("pl", "Decyzja nr 1/2019 Komitetu ds. Handlu i Rozwoju. Koniec.",
     ["Decyzja nr 1/2019 Komitetu ds. Handlu i Rozwoju.", "Koniec."]),
    ("pl", "KOMITET DS. HANDLU I ROZWOJU, mając na uwadze umowę. Koniec.",
     ["KOMITET DS. HANDLU I ROZWOJU, mając na uwadze umowę.", "Koniec."]),
    ("pl", "Norma IEC 61162-3 wyd. 1.0 ma zastosowanie. Koniec.",
     ["Norma IEC 61162-3 wyd. 1.0 ma zastosowanie.", "Koniec."]),
    ("pl", "Siedziba: ul. Nowy Świat 6/12, Warszawa. Koniec.",
     ["Siedziba: ul. Nowy Świat 6/12, Warszawa.", "Koniec."]),
    ("cs", "Pan Ing. Novák a prof. Svoboda byli přítomni. Konec.",
     ["Pan Ing. Novák a prof. Svoboda byli přítomni.", "Konec."]),
    ("el", "Σύμφωνα με το άρθρ. 5 παρ. 2 του κανονισμού. Τέλος.",
     ["Σύμφωνα με το άρθρ. 5 παρ. 2 του κανονισμού.", "Τέλος."]),
    ("sk", "Podľa čl. 5 ods. 2 nariadenia. Koniec.",
     ["Podľa čl. 5 ods. 2 nariadenia.", "Koniec."]),
    ("hr", "U skladu s čl. 5. Uredbe primjenjuje se. Kraj.",
     ["U skladu s čl. 5. Uredbe primjenjuje se.", "Kraj."]),
    ("bg", "Прилага се чл. 5. Комисията докладва.",
     ["Прилага се чл. 5.", "Комисията докладва."]),
    ("ro", "Dl. Popescu a vorbit despre art. 5 alin. 2 din regulament. Sfârșit.",
     ["Dl. Popescu a vorbit despre art. 5 alin. 2 din regulament.", "Sfârșit."]),
    ("hu", "A hivatal címe: Budapest, Fő u. 44–50. Vége.",
     ["A hivatal címe: Budapest, Fő u. 44–50.", "Vége."]),
    ("mt", "Skont l-Art. 5 tar-Regolament. Tmiem.",
     ["Skont l-Art. 5 tar-Regolament.", "Tmiem."]),
])
def test_titles_and_references(lang: str, text: str, expected: list[str]) -> None:
    assert segment_text(text, lang) == expected


def test_abbreviations_glued_or_in_compounds_still_end_nothing_else() -> None:
    # a glued prefix or a suffix only reaches the abbreviation's own rule
    assert segment_text("Lodo l'arte. Fine.", "it") == ["Lodo l'arte.", "Fine."]
    assert segment_text("Er wohnt in der Hauptstr. Dort ist es laut.", "de") == [
        "Er wohnt in der Hauptstr.", "Dort ist es laut."]
    assert segment_text("Ende der Straße. Dort.", "de") == ["Ende der Straße.", "Dort."]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # a four-digit year is no ordinal; a word that starts sentences never follows an ordinal
    ("de", "Die Frist endet im Jahr 2020. Danach gilt Absatz 3.",
     ["Die Frist endet im Jahr 2020.", "Danach gilt Absatz 3."]),
    ("de", "Dies gilt gemäß Artikel 12. Die Kommission prüft die Kosten.",
     ["Dies gilt gemäß Artikel 12.", "Die Kommission prüft die Kosten."]),
    ("de", "Er kam im Jahr 2020. Kommissionen tagen oft.",
     ["Er kam im Jahr 2020.", "Kommissionen tagen oft."]),
    ("fi", "Katso taulukko 3. Se on selvä.", ["Katso taulukko 3.", "Se on selvä."]),
    ("da", "Se artikel 3. Det er klart.", ["Se artikel 3.", "Det er klart."]),
    ("et", "Vaata tabelit 3. See on selge.", ["Vaata tabelit 3.", "See on selge."]),
    ("cs", "Viz článek 3. Komise to zváží.", ["Viz článek 3.", "Komise to zváží."]),
    # ordinals stay: a month, a noun, a digit after them
    ("de", "Am 12. Oktober tagte der 2. Senat. Ende.",
     ["Am 12. Oktober tagte der 2. Senat.", "Ende."]),
    ("de", "Die 3. Richtlinie gilt. Ende.", ["Die 3. Richtlinie gilt.", "Ende."]),
    ("da", "Efter den 2. Verdenskrig. Det er klart.",
     ["Efter den 2. Verdenskrig.", "Det er klart."]),
])
def test_number_before_a_sentence_start(lang: str, text: str, expected: list[str]) -> None:
    assert segment_text(text, lang) == expected


# Lithuanian, Latvian, Estonian and Irish had no list of their own: "Nr. 1/2019" was cut
# before its number, so a unit held "... sprendimas Nr." and another "1/2019" (DGT-TM).
@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("lt", "Jungtinės tarybos sprendimas Nr. 1/2019 priimtas. Pasirašyta Briuselyje.",
     ["Jungtinės tarybos sprendimas Nr. 1/2019 priimtas.", "Pasirašyta Briuselyje."]),
    ("lt", "PRIMINDAMOS 2007 m. Jungtinių Tautų deklaraciją dėl čiabuvių tautų teisių. Taip.",
     ["PRIMINDAMOS 2007 m. Jungtinių Tautų deklaraciją dėl čiabuvių tautų teisių.", "Taip."]),
    ("lt", "Taikomas IEC 61108–1 2.0 leid. (2003) standartas. Taip.",
     ["Taikomas IEC 61108–1 2.0 leid. (2003) standartas.", "Taip."]),
    ("lv", "Apvienotās padomes Lēmums Nr. 1/2019 stājas spēkā. Beigas.",
     ["Apvienotās padomes Lēmums Nr. 1/2019 stājas spēkā.", "Beigas."]),
    ("lv", "Piemēro IEC 62288 izd. 2.0 (2014- 07) standartu. Beigas.",
     ["Piemēro IEC 62288 izd. 2.0 (2014- 07) standartu.", "Beigas."]),
    ("et", "Kohaldatakse määruse art. 5 lõiget 2, vt. lk. 25. Komisjon otsustas.",
     ["Kohaldatakse määruse art. 5 lõiget 2, vt. lk. 25.", "Komisjon otsustas."]),
    ("ga", "Féach Airt. 5 agus Uimh. 3 ar lch. 25. An Coimisiún.",
     ["Féach Airt. 5 agus Uimh. 3 ar lch. 25.", "An Coimisiún."]),
])
def test_languages_without_a_list_before(lang: str, text: str, expected: list[str]) -> None:
    assert segment_text(text, lang) == expected


def test_lithuanian_decision_number_stays_with_its_decision() -> None:
    # DGT-TM 22019D0437: "... sprendimas Nr." and "1/2019." were two sentences, aligned
    # 1-2 (a unit of several sentences, which fills no sentence segment) or, where the
    # number ended a row, "1/2019" went to the rejects as a sentence without source
    en = ("Decision No 1/2019 of the Trade and Development Committee established under the "
          "Economic Partnership Agreement. Done at Cape Town.")
    lt = ("Europos Sąjungos bei jos valstybių narių ir PAVB EPS valstybių ekonominės "
          "partnerystės susitarimu įsteigto Prekybos ir vystymosi komiteto sprendimas "
          "Nr. 1/2019. Priimta Keiptaune.")
    units, rejects = segment_pair(Pair(en, lt, "en-GB", "lt-LT"))
    assert rejects == []
    assert [(u.source, u.target, u.align) for u in units] == [
        (en.split(" Done")[0], lt.split(" Priimta")[0], "1-1"),
        ("Done at Cape Town.", "Priimta Keiptaune.", "1-1")]


# How each language abbreviates the references of EU acts to international ones (DGT-TM
# 22019D0996: "IMO Res. A.224(VII)", "MSC/Circ. 1120", "Ed. 2.0", "Corr. 1"): each of
# these cut a row in two, and a unit paired "Απόφ." with the English row before it.
@pytest.mark.parametrize(("lang", "row"), [
    ("el", "Εξοπλισμός ηχοβολισμού Απόφ. IMO A.224(VII) Απόφ. IMO MSC.74(69) παράρτημα 4"),
    ("el", "IEC 61162-3 έκδ. 1.0 (2008-05) Μέρος 3"),
    ("bg", "Ехолоти Рез. A.224 (VII) на ММО, Рез. MSC.74 (69) на ММО, приложение 4,"),
    ("bg", "IEC 61108- 2, изд. 1.0 (1998)"),
    ("cs", "Naloďovací žebříky rez. IMO MSC.36(63)-(předpis HSC 1994)"),
    ("cs", "IMO MSC oběž. 1006"),
    ("sk", "Ozvenový hĺbkomer rez. IMO A.224(VII)"),
    ("hr", "Pokazivač otklona kormila Rez. IMO A.694(17)"),
    ("hr", "IEC 60945 (2002) uklj. IEC 60945 Ispravak 1 (2008)"),
    ("ro", "Sondă acustică Rez. A.224(VII) a OMI"),
    ("it", "Materiali catarifrangenti Ris. A.658(16) dell'IMO"),
    ("it", "Superfici Circ. 1120 dell'IMO"),
    ("mt", "Tagħmir DGPS Riż. MSC.112(73) tal-OMI"),
    ("lt", "DGPS įranga IMO rez. MSC.112(73)"),
    ("lv", "Eholote IMO Rez. A.224(VII) ar 1. groz. (2016)"),
    ("lv", "IMO Rez. MSC.1 Cirk. 1456"),
    ("fi", "Huom. Rajoitetut B-luokan ovet eivät kuulu tämän sopimuksen soveltamisalaan."),
    ("fi", "IEC 60945 (2002) ml. IEC 60945 Corr. 1 (2008)"),
    ("de", "ISO 20672 (2007) einschl. Berichtigung 1 (2008)"),
    ("de", "Bergungsboote (max. 30 Knoten)"),
    ("sv", "IEC 60945 (2002) inkl. IEC 60945 rättelse 1 (2008)"),
    ("es", "Aprobación de la USCG en los EE. UU. por el Acuerdo"),
    ("es", "ISO 20672 (2007), incluida la corr. 1 (2008)"),
    ("en", "Note: The use of ISO 11606:2000 Cor. 1:2005 is required"),
])
def test_references_to_international_acts_end_no_sentence(lang: str, row: str) -> None:
    sentence = row if row.endswith(".") else f"{row}."
    assert segment_text(f"{sentence} Next.", lang) == [sentence, "Next."]


def test_greek_resolution_row_is_one_unit() -> None:
    # a row of DGT-TM 22019D0996: "Απόφ." was a sentence of its own, so the unit paired the
    # English row with the Greek heading and "Απόφ.", and the rest went to the rejects
    en = "Echo — sounding equipment IMO Res. A.224(VII) IMO Res. MSC.74(69) Annex 4"
    el = "Εξοπλισμός ηχοβολισμού Απόφ. IMO A.224(VII) Απόφ. IMO MSC.74(69) παράρτημα 4"
    units, rejects = segment_pair(Pair(en, el, "en-GB", "el-GR"))
    assert rejects == []
    assert [(u.source, u.target, u.align) for u in units] == [(en, el, "1-1")]


# An abbreviation that opens a sentence is written with a capital: it was no abbreviation
# then, and "Vgl." or "Проф." was a unit of its own.
@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("de", "Die Frist gilt. Vgl. Kap. 3 der Richtlinie. Ende.",
     ["Die Frist gilt.", "Vgl. Kap. 3 der Richtlinie.", "Ende."]),
    ("bg", "Г-н Иванов говори. Проф. Петров също.", ["Г-н Иванов говори.", "Проф. Петров също."]),
    ("nl", "Dhr. Jansen sprak. Zie blz. 5.", ["Dhr. Jansen sprak.", "Zie blz. 5."]),
    ("hu", "Pl. Magyarország is így dönt. Vége.", ["Pl. Magyarország is így dönt.", "Vége."]),
    # an initial is no lower-case abbreviation ("S." is Czech "s." only in lower case)
    ("cs", "Hudbu napsal J. S. Bach. Konec.", ["Hudbu napsal J. S. Bach.", "Konec."]),
])
def test_abbreviation_opening_a_sentence(lang: str, text: str, expected: list[str]) -> None:
    assert segment_text(text, lang) == expected


# The abbreviation that ends a code ("MSC.1/oběž.", "IMO-MSC.1-Rundschr.") was looked up
# with the code and not found: DGT-TM's "IMO MSC.1/oběž. 1474" was two units, "... oběž."
# and "1474". Italian writes the circular before its committee.
@pytest.mark.parametrize(("lang", "row"), [
    ("cs", "Signalizace selhání (BNWAS) MSC.1/oběž. 1474"),
    ("sk", "IMO MSC.1/obež. 1285"),
    ("sl", "IMO MSC/Okr. 1006"),
    ("bg", "MSC.1/Цирк. 1349 на ММО"),
    ("lv", "IMO MSC.1/Cirk. 1319"),
    ("de", "IMO-MSC.1-Rundschr. 1419"),
    ("de", "Die Norm ISO 11606:2000/Ber. 1:2005 ist erforderlich"),
    ("es", "IMO MSC/Circ. 1120 de la OMI"),
    ("pt", "a norma ISO 11606:2000/ret. 1:2005 para a aceitação"),
    ("it", "Circ. MSC.1 1276 dell'IMO"),
    ("nl", "IEC 60945 (2002) m.i.v. IEC 60945 Corr. 1 (2008)"),
])
def test_abbreviation_ending_a_code(lang: str, row: str) -> None:
    assert segment_text(f"{row}. Next.", lang) == [f"{row}.", "Next."]


def test_french_elided_article_before_an_abbreviation() -> None:
    # "l'art. 5" was cut after "l'art.", so the French "Conformément à l'art." went into a
    # unit of its own; the noun "art" still ends a sentence
    en = "Under Article 5 of the Regulation, the Council shall decide. The vote is closed."
    fr = "Conformément à l'art. 5 du règlement, le Conseil décide. Le vote est clos."
    units, rejects = segment_pair(Pair(en, fr, "en-GB", "fr-FR"))
    assert rejects == []
    assert [(u.target, u.align) for u in units] == [
        ("Conformément à l'art. 5 du règlement, le Conseil décide.", "1-1"),
        ("Le vote est clos.", "1-1")]
    assert segment_text("Il aime l’art. Le vote est clos.", "fr") == [
        "Il aime l’art.", "Le vote est clos."]


def test_roman_ordinal_ends_no_sentence() -> None:
    # DGT-TM 22019D0996 (EN-HU): "III." was cut off "III. MELLÉKLET" and joined to the
    # sentence before it, so a unit paired that English sentence with "... utal. III."
    en = ("‘Recommendation on Testing’ refers to the IMO recommendation on Testing of "
          "Life-Saving Appliances adopted on 6 November 1991 (IMO Resolution A.689(17)) as "
          "amended on 11 December 1998 (IMO Resolution MSC.81(70). ANNEX III")
    hu = ("„Vizsgálati ajánlás”: az 1991. november 6-án elfogadott (IMO Resolution "
          "A.689(17)), 1998. december 11-én módosított (IMO Resolution MSC.81(70), az "
          "életmentő eszközök vizsgálatáról szóló IMO-ajánlásra utal. III. MELLÉKLET")
    units, rejects = segment_pair(Pair(en, hu, "en-GB", "hu-HU"))
    assert rejects == []
    assert [(u.source[-9:], u.target[-14:], u.align) for u in units] == [
        ("C.81(70).", "jánlásra utal.", "1-1"), ("ANNEX III", "III. MELLÉKLET", "1-1")]
    # Croatian "u dijelu VIII. Sporazuma" (in Part VIII of the Agreement)
    text = ("Postupci rješavanja sporova utvrđeni u dijelu VIII. Sporazuma iz 1995. "
            "primjenjuju se. Kraj.")
    assert segment_text(text, "hr") == [text[:-6], "Kraj."]


# Lithuanian dates ("2014 m. liepos 23 d.": year, month in the genitive, day) cite acts by
# them: the day's "d." before the act's name was a sentence end, so each citation of DGT-TM
# was cut in two, "2014 m. liepos 23 d." a unit's whole Lithuanian side.
@pytest.mark.parametrize("text", [
    "1982 m. gruodžio 10 d. Jungtinių Tautų jūrų teisės konvenciją (toliau – Konvencija),",
    "2014 m. liepos 23 d. Europos Parlamento ir Tarybos direktyva 2014/90/ES dėl laivų "
    "įrenginių, kuria panaikinama Tarybos direktyva 96/98/EB (OL L 257, 2014 8 28, p. 146).",
])
def test_a_lithuanian_date_citing_an_act_ends_no_sentence(text: str) -> None:
    assert segment_text(text, "lt") == [text]


def test_a_lithuanian_date_still_ends_a_sentence_before_a_sentence_starter() -> None:
    assert segment_text("Sprendimas įsigalioja 2019 m. vasario 18 d. Jis taikomas nuo tada.",
                        "lt") == ["Sprendimas įsigalioja 2019 m. vasario 18 d.",
                                  "Jis taikomas nuo tada."]
    # a day without its month is no date: as before
    assert segment_text("Terminas – 18 d. Jungtinės tarybos sprendimas.", "lt") == [
        "Terminas – 18 d.", "Jungtinės tarybos sprendimas."]


def test_a_lithuanian_citation_is_one_unit_with_its_english() -> None:
    en = ("Directive 2014/90/EU of the European Parliament and of the Council of 23 July "
          "2014 on marine equipment and repealing Council Directive 96/98/EC (OJ L 257, "
          "28.8.2014, p. 146).")
    lt = ("2014 m. liepos 23 d. Europos Parlamento ir Tarybos direktyva 2014/90/ES dėl laivų "
          "įrenginių, kuria panaikinama Tarybos direktyva 96/98/EB (OL L 257, 2014 8 28, "
          "p. 146).")
    units, rejects = segment_pair(Pair(en, lt, "en-GB", "lt-LT"))
    assert rejects == [] and [(u.source, u.target) for u in units] == [(en, lt)]


# German "usw." and Italian "ecc." were listed as never ending a sentence, unlike English
# "etc.": a list closing a sentence joined it to the next one in a unit.
@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("de", "Sie gilt für Schiffe, Boote, Flöße usw. Die Kommission prüft ihre Anwendung.",
     ["Sie gilt für Schiffe, Boote, Flöße usw.", "Die Kommission prüft ihre Anwendung."]),
    ("de", "Sie gilt für Schiffe, Boote usw. sowie für ihre Ausrüstung.",
     ["Sie gilt für Schiffe, Boote usw. sowie für ihre Ausrüstung."]),
    ("it", "Si applica a navi, imbarcazioni, zattere ecc. La Commissione ne verifica "
           "l'applicazione.",
     ["Si applica a navi, imbarcazioni, zattere ecc.",
      "La Commissione ne verifica l'applicazione."]),
    ("it", "Si applica a navi, imbarcazioni ecc. e alle loro dotazioni.",
     ["Si applica a navi, imbarcazioni ecc. e alle loro dotazioni."]),
])
def test_a_list_closed_by_etc_ends_a_sentence_before_a_capital(lang: str, text: str,
                                                              expected: list[str]) -> None:
    assert segment_text(text, lang) == expected


# Croatian writes a date's year with the ordinal's dot ("10. prosinca 1982."): before the
# reference the date belongs to, in brackets or quotes, it ended a sentence, and DGT-TM's
# Croatian definitions were cut in two ("... 1996." | "(Rezolucija IMO-a MSC.48 (66)).").
@pytest.mark.parametrize("text", [
    "Konvenciji Ujedinjenih naroda o pravu mora od 10. prosinca 1982. („Konvencija”);",
    "„Oznaka LSA” odnosi se na Međunarodna pravila o sredstvima za spašavanje donesena "
    "4. lipnja 1996. (Rezolucija IMO-a MSC.48 (66)).",
])
def test_a_croatian_date_before_its_reference_ends_no_sentence(text: str) -> None:
    assert segment_text(text, "hr") == [text]


def test_a_year_still_ends_a_sentence_before_a_capital_or_in_german() -> None:
    assert segment_text("Konvencija je donesena 1982. Rezolucija je kasnije.", "hr") == [
        "Konvencija je donesena 1982.", "Rezolucija je kasnije."]
    assert segment_text("Das Abkommen gilt seit 1982. (Siehe Anhang.)", "de") == [
        "Das Abkommen gilt seit 1982.", "(Siehe Anhang.)"]


def test_a_low_opening_quote_before_a_small_letter_ends_no_sentence() -> None:
    """DGT-TM's Bulgarian recital of the Arctic fisheries agreement was cut in two after a
    year, "... от 4 август 1995 г." | "(„споразумението от 1995 г.“); и": "„" (and "‚"),
    which opens quotes in Bulgarian, German, Polish, Czech..., was not skipped as "“" and
    "(" are, so the small letter after it went unseen. Now the recital is one unit with
    its English; a capital after "„" still starts a sentence."""
    from pathlib import Path

    from tmx_export.formats.tmx import read_tmx

    path = Path(__file__).parent / "data" / "tmx" / "dgt-tm" / "22019A0315(01).tmx"
    recital = next(p for p in read_tmx(path, source_lang="en-GB", target_lang="bg").pairs
                   if "(„споразумението от 1995" in p.target)
    assert segment_text(recital.target, "bg") == [recital.target]
    units, rejects = segment_pair(Pair(recital.source, recital.target, "en-GB", "bg"))
    assert [(u.source, u.target, u.align) for u in units] == [
        (recital.source, recital.target, "1-1")]
    assert rejects == []
    assert segment_text("Er ging. „Gut“, sagte sie.", "de") == ["Er ging.", "„Gut“, sagte sie."]


def test_a_year_written_with_its_abbreviation_before_its_reference_ends_no_sentence() -> None:
    """Bulgarian and Polish write a date's year with the abbreviation of "year" ("4 юни
    1996 г.", "20 grudnia 1996 r."): before the reference the date belongs to, in
    brackets, it ended a sentence, as Croatian's year dot did. DGT-TM's Bulgarian
    definitions of the LSA Code and of the IMO recommendation on testing were cut after
    each date ("... приет на 4 юни 1996 г." | "(Резолюция MSC.48 (66) на ММО)."), into
    units no segment of their English matches; so was every Polish act cited with its
    Official Journal ("z dnia 20 grudnia 1996 r." | "(Dz.U. L 46 ...)"). Now each
    definition is one unit with its English; a year still ends a sentence before a
    capital."""
    from pathlib import Path

    folder = Path(__file__).parent / "data" / "dgt-parallel"
    english, bulgarian = ((folder / f"lsa-definitions.{lang}.txt").read_text(
        encoding="utf-8").splitlines() for lang in ("en", "bg"))
    for source, target in zip(english, bulgarian, strict=True):
        assert segment_text(target, "bg") == [target]
        units, rejects = segment_pair(Pair(source, target, "en-GB", "bg"))
        assert [(u.source, u.target, u.align) for u in units] == [(source, target, "1-1")]
        assert rejects == []
    assert segment_text("Dyrektywa Rady z dnia 20 grudnia 1996 r. (Dz.U. L 46 z 17.2.1997, "
                        "s. 25) zostaje uchylona.", "pl") == [
        "Dyrektywa Rady z dnia 20 grudnia 1996 r. (Dz.U. L 46 z 17.2.1997, s. 25) zostaje "
        "uchylona."]
    assert segment_text("Stosuje się ją od dnia 1 stycznia 2020 r. Komisja ją ocenia.",
                        "pl") == ["Stosuje się ją od dnia 1 stycznia 2020 r.",
                                  "Komisja ją ocenia."]
