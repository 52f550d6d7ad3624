"""Sentence rules of other EU languages: ordinal dots, the Greek question mark, and each
language's abbreviations."""

from __future__ import annotations

import pytest

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


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # German and Czech close „…“ with U+201C; German also writes »…«
    ("de", "Er sagte: „Das ist gut.“ Dann ging er.",
     ["Er sagte: „Das ist gut.“", "Dann ging er."]),
    ("de", "Er sagte: »Das ist gut.« Dann ging er.",
     ["Er sagte: »Das ist gut.«", "Dann ging er."]),
    ("cs", "Výbor uvedl: „Lhůta je příliš krátká.“ Komise to zváží.",
     ["Výbor uvedl: „Lhůta je příliš krátká.“", "Komise to zváží."]),
    ("sk", "Výbor uviedol: „Lehota je krátka.“ Komisia to zváži.",
     ["Výbor uviedol: „Lehota je krátka.“", "Komisia to zváži."]),
    ("bg", "Комитетът каза: „Срокът е кратък.“ Комисията ще прецени.",
     ["Комитетът каза: „Срокът е кратък.“", "Комисията ще прецени."]),
])
def test_closing_quotes_of_low_opening_quotes_end_the_sentence(
        lang: str, text: str, expected: list[str]) -> None:
    assert segment_text(text, lang) == expected
