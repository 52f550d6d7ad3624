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


def test_the_compiled_search_finds_what_the_plain_one_does(monkeypatch) -> None:
    """Unnumbered dumps: the search over pair starts runs as plain Python on small files and
    compiled on large ones; both choose the same pairs, to the last split."""
    import csv
    from pathlib import Path

    from tmx_export.dump import format_dump, pair_search
    from tmx_export.formats.tmx import read_tmx
    from tmx_export.model import Pair

    data = Path(__file__).parent / "data"
    with open(data / "europarl_pairs.tsv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    pairs = [Pair(r["en"], r["fr"], "en-GB", "fr-FR") for r in rows]
    agreement = read_tmx(data / "tmx" / "dgt-tm" / "22019A0315(01).tmx", source_lang="en",
                         target_lang="fr").pairs
    pairs += [Pair(u.source, u.target, "en-GB", "fr-FR") for u in agreement
              if len(u.source.split()) >= 3 and len(u.target.split()) >= 3]
    text = format_dump(pairs, style="mid-word", numbered=False, seed=11)
    compiled_runs = []
    compiled = pair_search._compiled
    monkeypatch.setattr(pair_search, "_compiled",
                        lambda: compiled_runs.append(1) or compiled())
    found = {}
    for threshold in (0, 10 ** 9):  # every file compiled, then none
        monkeypatch.setattr(pair_search, "COMPILE_FROM", threshold)
        result = read_dump("mixed.txt", text=text, source_lang="en-GB", target_lang="fr-FR")
        found[threshold] = ([(p.source, p.target, p.line) for p in result.pairs],
                            [(r.line, r.reason) for r in result.rejects])
    assert len(compiled_runs) == 2  # one per language order, in the first run only
    assert found[0] == found[10 ** 9]
    got = {(s, t) for s, t, _ in found[0][0]}
    assert sum((" ".join(p.source.split()), " ".join(p.target.split())) in got
               for p in pairs) >= 0.9 * len(pairs)
