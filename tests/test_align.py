"""Sentence alignment: each bead type, anchors, and accuracy on a real gold excerpt."""

from __future__ import annotations

import csv
import math
from pathlib import Path

import numpy as np
import pytest

from tmx_export.segment import align as align_module
from tmx_export.segment import align_anchors, align_band, align_features, align_long
from tmx_export.segment.align import Bead, Glossary, align, sentence_features

DATA = Path(__file__).parent / "data"


def kinds(beads: list[Bead]) -> list[str]:
    return [b.kind for b in beads]


def spans(beads: list[Bead]) -> list[tuple[int, int, int, int]]:
    return [(b.src_start, b.src_end, b.tgt_start, b.tgt_end) for b in beads]


# Real Europarl sentences (17 January 2000 session) and their French translations.
EN = [
    "You have requested a debate on this subject in the course of the next few days, "
    "during this part-session.",
    "In the meantime, I should like to observe a minute' s silence, as a number of Members "
    "have requested, on behalf of all the victims concerned, particularly those of the "
    "terrible storms, in the various countries of the European Union.",
    "Please rise, then, for this minute' s silence.",
]
FR = [
    "Vous avez souhaité un débat à ce sujet dans les prochains jours, au cours de cette "
    "période de session.",
    "En attendant, je souhaiterais, comme un certain nombre de collègues me l'ont demandé, "
    "que nous observions une minute de silence pour toutes les victimes, des tempêtes "
    "notamment, dans les différents pays de l'Union européenne qui ont été touchés.",
    "Je vous invite à vous lever pour cette minute de silence.",
]


def test_one_to_one() -> None:
    beads = align(EN, FR)
    assert kinds(beads) == ["1-1", "1-1", "1-1"]
    assert all(0.3 < b.score <= 1.0 for b in beads)


def test_two_to_one_and_one_to_two() -> None:
    en = ["I am terribly sorry, Mr Hänsch and Mr Cox.", "I did not see you asking to speak.",
          *EN]
    fr = ["Je suis désolée, Monsieur Hänsch et Monsieur Cox, je n'avais pas vu que vous "
          "demandiez la parole.", *FR]
    assert spans(align(en, fr)) == [(0, 2, 0, 1), (2, 3, 1, 2), (3, 4, 2, 3), (4, 5, 3, 4)]
    assert spans(align(fr, en)) == [(0, 1, 0, 2), (1, 2, 2, 3), (2, 3, 3, 4), (3, 4, 4, 5)]


def test_two_to_two() -> None:
    # The French cuts the two sentences at a different place: neither half matches alone.
    en = ["We discussed that matter and we were unanimous.",
          "As my fellow chairmen will recall, I even mentioned the Tobin tax at the time, "
          "and I said it was not a matter of being for or against it."]
    fr = ["Nous avons discuté, nous étions unanimes et j'avais même fait remarquer, vous vous "
          "en souviendrez, mes chers confrères présidents,",
          "que la question n'est pas d'être pour ou contre la taxe Tobin."]
    assert kinds(align(en + EN, fr + FR)) == ["2-2", "1-1", "1-1", "1-1"]


def test_one_to_zero_and_zero_to_one() -> None:
    extra_en = ("The sitting was suspended at 11.30 a.m. and resumed at 12 noon, after the "
                "vote on the amendments tabled by the Committee on Agriculture and Rural "
                "Development had been postponed.")
    beads = align([EN[0], extra_en, EN[1], EN[2]], FR)
    assert spans(beads) == [(0, 1, 0, 1), (1, 2, 1, 1), (2, 3, 1, 2), (3, 4, 2, 3)]
    assert beads[1].kind == "1-0" and beads[1].score == 0.0
    extra_fr = ("La séance, suspendue à 11 h 30 après le report du vote sur les amendements "
                "déposés par la commission de l'agriculture et du développement rural, est "
                "reprise à 12 heures.")
    beads = align(EN, [FR[0], FR[1], extra_fr, FR[2]])
    assert kinds(beads) == ["1-1", "1-1", "0-1", "1-1"]


def test_empty_sides() -> None:
    assert kinds(align(EN[:2], [])) == ["1-0", "1-0"]
    assert kinds(align([], FR[:1])) == ["0-1"]
    assert align([], []) == []


def test_anchors() -> None:
    keys = sentence_features("Le Parlement européen a voté 1,5 million « oui » ? Économie!")
    assert {"1.5", "?", "!", '"', "parl", "euro", "econ"} <= keys
    assert sentence_features("The European Parliament voted 1.5 million \"yes\"?") & keys >= {
        "1.5", "?", '"', "parl", "euro"}


@pytest.mark.parametrize("space", [" ", "\u00a0", "\u202f", "\u2009"])
def test_numbers_grouped_by_spaces_anchor_as_their_other_spellings(space: str) -> None:
    # "1 000 000" (French and SI style, with a space, a no-break space or a narrow one) is
    # the number "1,000,000" and "1.000.000" of other languages: one anchor for all three
    grouped = sentence_features(f"Le Fonds a versé 1{space}250{space}000 euros.")
    assert "1.250.000" in grouped
    assert "1.250.000" in sentence_features("The Fund paid EUR 1,250,000.")
    assert "1.250.000" in sentence_features("Der Fonds zahlte 1.250.000 EUR.")
    # a year before a grouped number stays a number of its own; "3 2" is no group
    assert {"2019", "1.500"} <= sentence_features(f"en 2019 1{space}500 personnes")
    assert {"3", "2"} <= sentence_features(f"article 3{space}2")
    # lengths hesitate between the two readings: the figures decide
    en = ["First they paid 1,250,000.", "Then they paid 3,400,000.", "Lastly they paid 820,000."]
    fr = [f"Ils ont payé 1{space}250{space}000 puis 3{space}400{space}000.",
          f"Et enfin, ils ont payé 820{space}000 en tout."]
    assert spans(align(en, fr)) == [(0, 2, 0, 1), (2, 3, 1, 2)]
    fr = [f"Ils ont d'abord payé 1{space}250{space}000 en tout.",
          f"Ils ont payé 3{space}400{space}000 puis 820{space}000."]
    assert spans(align(en, fr)) == [(0, 1, 0, 1), (1, 3, 1, 2)]


def test_greek_question_mark_anchors_with_the_question_mark() -> None:
    # Greek asks with ";" (U+037E, which NFC makes ";"): the "?" of its translation
    assert "?" in sentence_features("Ποια είναι η θέση της Επιτροπής;")
    assert "?" in sentence_features("Ποια είναι η θέση της Επιτροπής\u037e")
    assert "?" not in sentence_features("the Council; the Commission")  # a semicolon
    en = ["The Council met today.", "Has it decided anything?", "The vote is tomorrow."]
    el = ["Το Συμβούλιο συνεδρίασε σήμερα. Αποφάσισε κάτι;",
          "Η ψηφοφορία θα γίνει αύριο το πρωί."]
    assert spans(align(en, el)) == [(0, 2, 0, 1), (2, 3, 1, 2)]
    el = ["Το Συμβούλιο συνεδρίασε σήμερα το πρωί.",
          "Αποφάσισε κάτι; Η ψηφοφορία είναι αύριο."]
    assert spans(align(en, el)) == [(0, 1, 0, 1), (1, 3, 1, 2)]


def test_glossary_anchors_decide_where_lengths_hesitate() -> None:
    en = ["The cat sleeps.", "The dog barks.", "The bird sings."]
    fr = ["Le chat dort et le chien aboie.", "L'oiseau chante très fort ici."]
    right = Glossary([("cat", "chat"), ("dog", "chien"), ("bird", "oiseau")])
    wrong = Glossary([("cat", "oiseau"), ("dog", "chante"), ("bird", "chien")])
    assert spans(align(en, fr, glossary=right)) == [(0, 2, 0, 1), (2, 3, 1, 2)]
    # the glossary really steers: a perverse one pulls the other way
    assert spans(align(en, fr, glossary=wrong)) == [(0, 1, 0, 1), (1, 3, 1, 2)]
    assert right.keys("the Cat sat", target=False) == {"g0"}
    assert right.keys("un chat, un chien", target=True) == {"g0", "g1"}
    assert right.keys("chatter", target=True) == set()  # whole words only


def test_band_is_widened_when_too_narrow() -> None:
    en = [f"Sentence number {i} is here." for i in range(30)]
    fr = [f"La phrase numéro {i} est ici." for i in range(30)]
    beads = align(en[:5] + en[5:], fr, band=1)
    assert kinds(beads) == ["1-1"] * 30


def _transread() -> tuple[list[str], list[str], set[tuple[tuple[int, ...], tuple[int, ...]]]]:
    def rows(name: str) -> list[dict[str, str]]:
        path = DATA / f"align_transread_alice_{name}.tsv"
        with path.open(encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh, delimiter="\t"))

    en_rows, fr_rows = rows("en"), rows("fr")
    en_ids = {r["sent_id"]: i for i, r in enumerate(en_rows)}
    fr_ids = {r["sent_id"]: i for i, r in enumerate(fr_rows)}
    gold = {(tuple(en_ids[x] for x in r["en_sent_ids"].split()),
             tuple(fr_ids[x] for x in r["fr_sent_ids"].split())) for r in rows("links")}
    return [r["tokens"] for r in en_rows], [r["tokens"] for r in fr_rows], gold


def _strict_f1(gold: set, beads: list[Bead]) -> float:
    test = {(tuple(range(b.src_start, b.src_end)), tuple(range(b.tgt_start, b.tgt_end)))
            for b in beads}
    precision = len(test & gold) / len(test)
    recall = len({x for x in test & gold if x[0] and x[1]}) / len(
        {x for x in gold if x[0] and x[1]})
    return 2 * precision * recall / (precision + recall)


def test_gold_excerpt_accuracy_and_anchor_gain(monkeypatch: pytest.MonkeyPatch) -> None:
    # First 120 English sentences of Alice (TransRead gold, hand-aligned, 103 links).
    en, fr, gold = _transread()
    with_anchors = _strict_f1(gold, align(en, fr))
    monkeypatch.setattr(align_band, "_ANCHOR_WEIGHT", 0.0)  # (a long input: the band search)
    length_only = _strict_f1(gold, align(en, fr))
    assert with_anchors >= 0.65
    assert with_anchors >= length_only + 0.05


# -- long inputs: the numpy search -------------------------------------------------------------


def _cell_by_cell(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make align() take the cell-by-cell search, the reference, whatever the input's size."""
    monkeypatch.setattr(align_module, "_LONG_CELLS", math.inf)


def _covers(beads: list[Bead], n: int, m: int) -> bool:
    ends = [(0, 0)] + [(b.src_end, b.tgt_end) for b in beads]
    return all((b.src_start, b.tgt_start) == end for b, end in zip(beads, ends, strict=False)) \
        and ends[-1] == (n, m)


ALICE_GLOSSARY = Glossary([("Alice", "Alice"), ("Rabbit", "Lapin"), ("sister", "soeur")])


def test_long_input_gets_the_beads_of_the_cell_by_cell_search(
        monkeypatch: pytest.MonkeyPatch) -> None:
    en, fr, _ = _transread()
    assert len(en) * len(fr) > align_module._LONG_CELLS
    cases = {"plain": (en, fr, None), "reversed": (fr, en, None),
             "glossary": (en, fr, ALICE_GLOSSARY),
             # a passage without translation: the path strays far from the length diagonal
             "untranslated": (en[:40] + en[70:], fr, None),
             "empty sentences": ([""] * 5 + en[:60] + [""] * 3, fr[:70] + [""] * 4, None)}
    fast = {name: align(s, t, glossary=g) for name, (s, t, g) in cases.items()}
    _cell_by_cell(monkeypatch)
    for name, (s, t, g) in cases.items():
        assert fast[name] == align(s, t, glossary=g), name  # the same spans and scores


def test_long_input_search_in_many_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    # Short chunks: each searched from a guess first, then again from its predecessor's end
    # until the ends agree; the result must not depend on how the rows were cut.
    en, fr, _ = _transread()
    expected = align(en, fr)
    calls = []
    search_chunks = align_band._search_chunks

    def counted(*args: object) -> object:
        calls.append(args[0].shape[1])  # type: ignore[attr-defined]
        return search_chunks(*args)

    monkeypatch.setattr(align_band, "_search_chunks", counted)
    for rows in (3, 7, 50):
        monkeypatch.setattr(align_band, "_CHUNK_ROWS", rows)
        calls.clear()
        assert align(en, fr) == expected, rows
        if rows < 50:
            assert calls[0] == -(-len(en) // rows) and len(calls) > 1  # chunks corrected


def test_long_input_band_is_moved_and_widened(monkeypatch: pytest.MonkeyPatch) -> None:
    # 30 sentences without translation: the path strays some 30 sentences from the length
    # diagonal, far out of a band of 1 or 4, which is moved around the path found and
    # widened until the path stays well inside it.
    en, fr, _ = _transread()
    en = en[:40] + en[70:]
    widths = []
    search = align_band._chunked_search

    def counted(model: object, lo: np.ndarray, hi: np.ndarray, margin: int) -> object:
        widths.append(int((hi - lo).max()))  # the band's width, both sides of the path
        return search(model, lo, hi, margin)

    monkeypatch.setattr(align_band, "_chunked_search", counted)
    narrow = [align(en, fr, band=1), align(en, fr, band=4)]
    assert max(widths) >= 32
    widths.clear()
    wide = align(en, fr)  # the default: the wide band first, which holds the path back here
    assert len(widths) > 1 and widths[0] > widths[1]
    _cell_by_cell(monkeypatch)
    assert narrow == [align(en, fr)] * 2 == [wide] * 2


def test_long_input_one_wide_search_when_the_path_stays_inside(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # The usual case: the path stays well inside the wide band around the length diagonal,
    # and that one search is the result.
    en, fr, _ = _transread()
    held = []
    search = align_band._chunked_search

    def counted(model: object, lo: np.ndarray, hi: np.ndarray, margin: int) -> object:
        spans, was_held = search(model, lo, hi, margin)
        held.append(was_held)
        return spans, was_held

    monkeypatch.setattr(align_band, "_chunked_search", counted)
    beads = align(en, fr)
    assert held == [False] * len(held) and 1 <= len(held) <= 2  # (a second ratio, if any)
    _cell_by_cell(monkeypatch)
    assert beads == align(en, fr)


def test_long_input_sentence_by_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    en = [f"Sentence number {i} is here, with {'many ' * (i % 7)}words." for i in range(60)]
    fr = [f"La phrase numéro {i} est ici, avec {'beaucoup de ' * (i % 7)}mots." for i in range(60)]

    def no_search(*args: object) -> None:
        raise AssertionError("the diagonal needs no search")

    with monkeypatch.context() as patch:
        patch.setattr(align_long, "_search_long", no_search)
        beads = align(en, fr)
    assert kinds(beads) == ["1-1"] * 60 and all(b.score > 0.3 for b in beads)
    _cell_by_cell(monkeypatch)
    assert align(en, fr) == beads


def test_long_input_degenerate_shapes() -> None:
    for source, target in ((["One sentence, a long one."], ["Une phrase."] * 600),
                           (["A sentence."] * 600, ["Une seule phrase."]),
                           ([""] * 30, [""] * 40)):
        beads = align(source, target)
        assert _covers(beads, len(source), len(target))


ANCHOR_TEXTS = [
    "Le Parlement européen a voté 1,5 million « oui » ? Économie!",
    "The European Parliament voted 1.5 million \"yes\"? With this, which and their.",
    "être ou ne pas être, avec l'Union (12.30.4) et 3,14 - pour_tout 007abcd",
    "Œuvres complètes, “citations” et l’ÆTHER: Straße, façade, naïve.",
    "", "12", "a", "?!",
    "cat and dog; the Cat sat on the mat, chatter.",
    "Le budget : 1 250 000 EUR, 12\u202f500 et 3\u00a0400,5 ; en 2019 1 500 ; 12 34 567 1234 567",
    "Ποια είναι η θέση της Επιτροπής; Και της Ένωσης\u037e",
    "1 000 0000 1 2345 678 3,141 592 1.000 000 \u0661 \u0660\u0660\u0660 \u06631 000 7 000\n000",
]


@pytest.mark.parametrize("extra", ["", "ΣΟΦΙΑ Σ σ"])  # sigma: read sentence by sentence
def test_anchor_index_matches_sentence_features(extra: str) -> None:
    glossary = Glossary([("cat", "chat"), ("dog", "chien"), ("Parliament", "Parlement")])
    source = [*ANCHOR_TEXTS, extra]
    target = [t.replace("cat", "chat").replace("dog", "chien") for t in reversed(source)]
    index = align_anchors._AnchorIndex.of(source, target, glossary)
    src = [align_module._features(s, glossary, False) for s in source]
    tgt = [align_module._features(t, glossary, True) for t in target]
    assert index.src_size.tolist() == [len(k) for k in src]
    assert index.tgt_size.tolist() == [len(k) for k in tgt]
    shared = index.shared(np.full(len(source), -2), len(target) + 4)
    assert shared[:, 2:-2].tolist() == [[len(a & b) for b in tgt] for a in src]
    assert not shared[:, :2].any() and not shared[:, -2:].any()  # no target sentence there
    common, total = index.union_shared(np.array([0, 2]), np.array([2, 5]), np.array([1, 0]),
                                       np.array([4, 1]))
    assert common.tolist() == [len((src[0] | src[1]) & (tgt[1] | tgt[2] | tgt[3])),
                               len((src[2] | src[3] | src[4]) & tgt[0])]
    assert total.tolist() == [len(src[0] | src[1]) + len(tgt[1] | tgt[2] | tgt[3]),
                              len(src[2] | src[3] | src[4]) + len(tgt[0])]


def _anchor_reference(text: str) -> frozenset[str]:
    """The anchors as align_features defines them: _ANCHOR over the normalised text."""
    normalised = align_features._join_groups(text.lower().translate(align_features._NORMALISE))
    if align_features._greek_question(text):
        normalised += " ?"
    return frozenset(align_features._ANCHOR.findall(normalised))


TRICKY_TEXTS = [
    "l’Union’s a1b2c3 x12.5,3y «oui» “non” naïve ŒUVRE Straße ﬁnance",
    "İstanbul ΣΟΦΙΑΣ Σ. ٣٤٥ ١٫٥ ²³ ⅣⅤ abc_def _abcd 12_34 3.14.15. ,5, 1,,2",
    "tab\tand\x0bvertical\x1cfile\x85next\u00a0nbsp\u2009thin\u3000wide! ?\"",
]


def test_anchors_are_read_as_the_anchor_pattern_defines_them(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # real sentences of both languages, and characters that lower, normalise or split oddly
    en, fr, _ = _transread()
    texts = [*en, *fr, *ANCHOR_TEXTS, *TRICKY_TEXTS]
    with (DATA / "align_europarl_paragraphs.tsv").open(encoding="utf-8", newline="") as fh:
        texts += [row[side] for row in csv.DictReader(fh, delimiter="\t") for side in ("en", "fr")]
    expected = [_anchor_reference(t) for t in texts]
    assert [sentence_features(t) for t in texts] == expected
    assert [align_module._features(t, None, True) for t in texts] == [
        keys - align_features._FUNCTION_PREFIXES for keys in expected]
    # the same again with a cache that keeps only a few pieces (and so starts again often)
    monkeypatch.setattr(align_features, "_PIECES_KEPT", 5)
    assert [sentence_features(t) for t in reversed(texts)] == expected[::-1]


def test_confident_diagonal_scores_as_bead() -> None:
    # the 1-1 beads taken without the search score as the search's beads do
    src_len, tgt_len = [len(s) for s in EN], [len(t) for t in FR]
    src_keys = [align_module._features(s, None, False) for s in EN]
    tgt_keys = [align_module._features(t, None, True) for t in FR]
    ratio = sum(tgt_len) / sum(src_len)
    beads = align_module._confident_diagonal(src_len, tgt_len, src_keys, tgt_keys, ratio)
    assert beads == [align_module._bead(k, k + 1, k, k + 1, src_len, tgt_len, src_keys,
                                        tgt_keys, ratio) for k in range(len(EN))]


def test_length_cost_table() -> None:
    ratio = 1.13
    pairs = [(ls, lt) for ls in (1, 7, 40, 133, 500) for lt in (0, 1, 9, 45, 150, 700, 5000)]
    variance = align_module._VARIANCE
    x = np.array([abs(ratio * ls - lt) / math.sqrt(variance * ratio * (ls + lt / ratio) + 2e-9)
                  for ls, lt in pairs])
    table = align_band._length_costs(x, 0.5)
    for (ls, lt), cost in zip(pairs, table.tolist(), strict=True):
        assert cost == pytest.approx(align_module._length_cost(ls, lt, ratio)[0] + 0.5, abs=1e-6)


def test_round4_is_pythons_round() -> None:
    values = [0.12345, 0.00005, 0.99995, 0.5, 1 / 3, 0.0, 0.123449999, 0.6789500000000001]
    values += [k / 20000 for k in range(0, 20001, 7)]
    assert align_long._round4(np.array(values)).tolist() == [round(v, 4) for v in values]


# -- cutting the translation of several sentences ---------------------------------------------


def test_cut_candidates_follow_clause_boundaries() -> None:
    from tmx_export.segment.align_cut import _cut_candidates

    text = ("le texte et le contenu, et enfin, mais c'est (dans ce cas, il) fini. M. Barnier "
            "est là et je pars.")
    found = [(text[:o].split()[-1], text[o:].split()[0], kind)
             for o, kind in _cut_candidates(text, "fr-FR")]
    assert found == [
        ("contenu,", "et", "conj"),    # ", et" (not "texte et le": "et" joining two nouns)
        ("enfin,", "mais", "conj"),    # ", mais"
        ("fini.", "M.", "sentence"),
        ("là", "et", "conj"),          # "et" opening a clause with its subject
    ]  # nothing inside the brackets, nothing after "M."


@pytest.mark.parametrize(("en", "target", "lang"), [
    # DGT-TM 22019D0996 rows, a heading and the circular it cites (the English heading ends
    # a sentence, the translation has no full stop): the cut went after the language's
    # abbreviation, giving "... MSC.1/Cirk." for the heading and "1319" for the circular
    ("Note: Restricted ‘B’ Class doors are not covered by this agreement. IMO "
     "MSC.1/Circ.1319",
     "Piezīme: nolīgums neattiecas uz ierobežotām B klases durvīm IMO MSC.1/Cirk. 1319",
     "lv-LV"),
    ("electric cable transits. MSC.1/Circ 1488",
     "elektrisko kabeļu kanālos MSC.1/Cirk. 1488", "lv-LV"),
    ("decorative veneers. IMO MSC Circ.1120 paint systems.",
     "okrasni furnirji IMO MSC/Okr. 1120 barvni sistemi", "sl-SI"),
    # nor after an ordinal before a lower-case word: "... 19." | "februārī ..."
    ("Done at Cape Town, on 19 February 2019. For the Joint Council",
     "Keiptaunā, 2019. gada 19. februārī Apvienotās padomes vārdā –", "lv-LV"),
])
def test_merged_translation_not_cut_at_an_abbreviation(en: str, target: str,
                                                       lang: str) -> None:
    from tmx_export.model import Pair
    from tmx_export.segment import segment_pair

    units, rejects = segment_pair(Pair(en, target, "en-GB", lang))
    assert rejects == []
    assert [(u.source, u.target, u.align) for u in units] == [(en, target, "2-1")]


def test_merged_translation_still_cut_after_an_ordinal_before_a_capital() -> None:
    from tmx_export.model import Pair
    from tmx_export.segment import segment_pair

    # Croatian "Ispravak 1. IEC" is no sentence end for the segmenter (an ordinal, as far
    # as it can tell), but it is where the translator joined the sentences
    en = ("ISO 20672 (2007) including Corr. IEC 60945 (2002) incl. IEC 60945 Corr. "
          "IEC 62616(2010) incl. IEC 62616 Corr.")
    hr = ("ISO 20672 (2007) uklj. Ispravak 1. IEC 60945 (2002) uklj. IEC 60945 Ispravak 1. "
          "IEC 62616 (2010) uklj. IEC 62616 Ispravak 1.")
    units, rejects = segment_pair(Pair(en, hr, "en-GB", "hr-HR"))
    assert rejects == []
    assert [(u.target, u.align) for u in units] == [
        ("ISO 20672 (2007) uklj. Ispravak 1.", "3-1/1"),
        ("IEC 60945 (2002) uklj. IEC 60945 Ispravak 1.", "3-1/2"),
        ("IEC 62616 (2010) uklj. IEC 62616 Ispravak 1.", "3-1/3")]


def test_cut_target_one_piece_per_sentence() -> None:
    from tmx_export.segment.align import cut_target

    en = ["I am terribly sorry, Mr Hänsch and Mr Cox.", "I did not see you asking to speak."]
    fr = ("Je suis désolée, Monsieur Hänsch et Monsieur Cox, je n'avais pas vu que vous "
          "demandiez la parole.")
    pieces = cut_target(en, fr, ratio=1.1, lang="fr")
    assert [p for p, _ in pieces] == ["Je suis désolée, Monsieur Hänsch et Monsieur Cox,",
                                      "je n'avais pas vu que vous demandiez la parole."]
    assert all(0.0 < s <= 1.0 for _, s in pieces)
    # more sentences than places to cut, or no place that fits: no cut
    assert cut_target(en + ["Thank you."], "Merci, Monsieur Cox.", lang="fr") is None
    # (DGT-TM, the source cut at "ds." by a segmenter that took it for a sentence end) an
    # "and" joining two words is no clause boundary: no "Komitet ds." = "The Trade" unit
    assert cut_target(["Komitet ds.",
                       "Handlu i Rozwoju może podejmować decyzje w drodze procedury pisemnej."],
                      "The Trade and Development Committee may adopt decisions by written "
                      "procedure.", lang="en") is None
    assert cut_target(["Yes.", "I agree with you entirely on this point."],
                      "Oui je suis entièrement d'accord avec vous sur ce point précis.",
                      lang="fr") is None
