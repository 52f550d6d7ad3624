"""Pairing: sides found by language and numbers; what does not pair is rejected."""

from tmx_export.dump import read_dump

EN1 = ("Calls on the Commission to propose a cluster policy and cluster networks in the form "
       "of cooperation between companies and research centres;")
FR1 = ("invite la Commission à proposer une politique relative aux conglomérats et des réseaux "
       "de conglomérats sous la forme d'une coopération entre les entreprises;")
EN2 = "Stresses the importance of establishing transnational clusters in the regions;"
FR2 = "souligne l'importance de la création de conglomérats transnationaux dans les régions;"
DE = ("Fordert die Kommission auf, eine Clusterpolitik und Clusternetzwerke in Form einer "
      "Zusammenarbeit zwischen Unternehmen und Forschungszentren vorzuschlagen;")


def read(text: str, **langs: str):
    return read_dump("test.txt", text=text, **langs)


def test_numbered_pairs_in_sequence() -> None:
    result = read(f"34. {EN1} 34. {FR1}\n35. {EN2} 35. {FR2}\n")
    assert [(p.number, p.source, p.target, p.line) for p in result.pairs] == [
        (34, EN1, FR1, 1), (35, EN2, FR2, 2)]
    assert result.rejects == []


def test_number_inside_the_text_is_not_a_paragraph_number() -> None:
    en = "Notes that Article 5. applies since 1997. The Commission agrees;"
    fr = "note que l'article 5. s'applique depuis 1997. La Commission est d'accord;"
    result = read(f"5. {en} 5. {fr}\n")
    assert [(p.number, p.source, p.target) for p in result.pairs] == [(5, en, fr)]


def test_french_first_is_mapped_to_the_languages_asked_for() -> None:
    result = read(f"34. {FR1} 34. {EN1}\n")
    pair = result.pairs[0]
    assert (pair.source, pair.target, pair.source_lang, pair.target_lang) == (
        EN1, FR1, "en-GB", "fr-FR")
    swapped = read(f"34. {FR1} 34. {EN1}\n", source_lang="fr-FR", target_lang="en-GB")
    assert (swapped.pairs[0].source, swapped.pairs[0].target) == (FR1, EN1)


def test_unnumbered_pairs_split_by_language() -> None:
    result = read(f"{EN1} {FR1}\nResumption of the session Reprise de la session\n")
    assert [(p.source, p.target, p.number) for p in result.pairs] == [
        (EN1, FR1, None), ("Resumption of the session", "Reprise de la session", None)]


def test_number_mismatch_is_rejected_with_reason() -> None:
    result = read(f"34. {EN1} 35. {FR1}\n")
    assert result.pairs == []
    assert [r.reason for r in result.rejects] == ["paragraph number mismatch (34 vs 35)"]
    assert result.rejects[0].line == 1 and "cluster policy" in result.rejects[0].text


def test_missing_side_is_rejected_and_the_rest_kept() -> None:
    result = read(f"34. {EN1}\n35. {EN2} 35. {FR2}\n")
    assert [(p.number, p.source) for p in result.pairs] == [(35, EN2)]
    assert len(result.rejects) == 1
    assert "fr-FR side missing" in result.rejects[0].reason
    assert EN1 in result.rejects[0].text


def test_empty_side_is_rejected() -> None:
    result = read(f"34. 34. {FR1}\n")
    assert result.pairs == []
    assert result.rejects and "missing or empty" in result.rejects[0].reason


def test_third_language_side_is_rejected() -> None:
    result = read(f"34. {EN1} 34. {DE}\n35. {EN2} 35. {FR2}\n")
    assert [p.number for p in result.pairs] == [35]
    assert [r.reason for r in result.rejects] == ["fr-FR side is in another language (de)"]
