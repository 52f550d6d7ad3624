"""Pairing: sides found by language and numbers; what does not pair is rejected."""

import csv
from pathlib import Path

import pytest

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
    assert [(r.reason, r.detail) for r in result.rejects] == [
        ("paragraph number mismatch", "34 vs 35")]
    assert result.rejects[0].line == 1 and "cluster policy" in result.rejects[0].text


def test_missing_side_is_rejected_and_the_rest_kept() -> None:
    result = read(f"34. {EN1}\n35. {EN2} 35. {FR2}\n")
    assert [(p.number, p.source) for p in result.pairs] == [(35, EN2)]
    assert len(result.rejects) == 1
    assert "fr-FR side missing" in result.rejects[0].reason
    assert EN1 in result.rejects[0].text


def test_a_reject_shows_the_text_as_the_file_has_it() -> None:
    # French first, the dump opening with the tail of an English paragraph (DGT-TM): the
    # reject once showed its halves swapped ("effect. by giving ... takes")
    tail = ("by giving the depositary written notice of withdrawal through diplomatic "
            "channels, specifying the date on which the withdrawal takes effect.")
    result = read(f"{tail}\n"
                  "Le présent accord reste en vigueur pendant une période initiale de 16 ans à "
                  "compter de son entrée en vigueur. This Agreement shall remain in force for "
                  "an initial period of 16 years following its entry into force.\n"
                  "Le vote aura lieu demain à midi. The vote will take place tomorrow at 12 "
                  "p.m.\nLe débat est clos. The debate is closed.\n")
    assert [(r.line, r.text) for r in result.rejects] == [(1, tail)]
    assert [p.source for p in result.pairs][-1] == "The debate is closed."


def test_empty_side_is_rejected() -> None:
    result = read(f"34. 34. {FR1}\n")
    assert result.pairs == []
    assert result.rejects and "missing or empty" in result.rejects[0].reason


def test_third_language_side_is_rejected() -> None:
    result = read(f"34. {EN1} 34. {DE}\n35. {EN2} 35. {FR2}\n")
    assert [p.number for p in result.pairs] == [35]
    assert [r.reason for r in result.rejects] == ["fr-FR side is in another language (de)"]


DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize(("name", "kind"), [
    ("tmx/omegat-tests/en-fr.tmx", "a TMX memory"),
    ("xliff_line_breaks_dgt_en_fr.xlf", "an XLIFF file"),
    ("real-pairs.jsonl", "JSON Lines"),
    ("europarl_pairs.tsv", "a tab-separated table"),
    ("table_mac_cr_dgt_en_fr.csv", "a CSV table"),
])
def test_t15_a_file_plainly_no_dump_is_refused(name: str, kind: str) -> None:
    """``read_dump`` read OmegaT's en-fr.tmx as one pair whose source was the memory's
    XML (``<?xml version="1.0" ... <!DOCTYPE tmx``): a file ``build`` would read as
    another format is refused, naming the file and what it looks like; its text too."""
    from tmx_export.errors import InputError

    path = DATA / name
    with pytest.raises(InputError, match=f"{path.name}: {kind}, not a bilingual dump"):
        read_dump(path)
    if not name.endswith((".tsv", ".csv")):  # a table is told by its name too
        with pytest.raises(InputError, match=f"{kind}, not a bilingual dump"):
            read_dump("given.txt", text=path.read_text(encoding="utf-8"))
    assert len(read_dump(DATA / "ep-industrial-policy-34.txt").pairs) == 1


@pytest.mark.parametrize(("source", "target", "why"), [
    ("English", "French", "'English' is not a known language tag"),
    ("en-GB", "en-GB", "source and target are both en-GB"),
    ("en-GB", "en-US", "en-GB and en-US cannot be told apart in a dump"),
    ("zh", "en", "cannot read a bilingual dump in zh"),
])
def test_t15_languages_no_dump_can_be_read_in_are_refused(source: str, target: str,
                                                          why: str) -> None:
    """``read_dump`` took its languages as given: "English" -> "French" read the EP
    sample's one pair as a reject, "English side is in another language (en)", and en-GB
    twice the same. They are refused before any reading, as ``build`` refuses them; a
    tag is read as a standard one."""
    sample = DATA / "ep-industrial-policy-34.txt"
    with pytest.raises(ValueError, match=why):
        read_dump(sample, source_lang=source, target_lang=target)
    [pair] = read_dump(sample, source_lang="en_gb", target_lang="FR-fr").pairs
    assert (pair.source_lang, pair.target_lang) == ("en-GB", "fr-FR")

def _every_triple(prefix, prior, pos, plausible, lines):
    """The search without its bounds: every (start, end, split) triple scored, by numpy
    (the pairer's search before the bounds), for one language order."""
    import numpy as np

    starts, tok = lines.start_at, lines.tok_index
    n = len(starts)
    best = np.full(n + 1, -np.inf)
    best[0] = 0.0
    back = [(-1, -1)] * (n + 1)
    for j in range(1, n + 1):
        if j < n and lines.start_prior[j] == -np.inf:
            continue
        e_off = starts[j] if j < n else lines.length
        ii = np.arange(max(0, j - lines.window), j)
        ii = ii[(best[ii] > -np.inf) & (tok[j] - tok[ii] >= 2)]
        if not len(ii):
            continue
        ti = tok[ii]
        ks = plausible[(plausible >= ti.min() + 1) & (plausible < tok[j])]
        if not len(ks):
            continue
        s_off = starts[ii][:, None]
        scale = np.sqrt(0.2 / (3.4 * np.abs(e_off - s_off) + 1.0))
        delta = (e_off + s_off - 2 * pos[ks][None, :]) * scale
        vals = (2 * prefix[ks] + prior[ks])[None, :] - (prefix[ti] + prefix[tok[j]])[:, None] \
            - delta * delta
        vals[ks[None, :] <= ti[:, None]] = -np.inf
        k = np.argmax(vals, axis=1)
        totals = best[ii] + vals[np.arange(len(ii)), k] + lines.start_prior[j]
        totals = totals + 3.0 * ((lines.numbers_xor[ii] == lines.numbers_xor[j])
                                 & (lines.numbers_seen[j] - lines.numbers_seen[ii] >= 2))
        totals = totals + 2.0 * (lines.opening_repeats[ii] < e_off)
        if lines.unpunctuated_end[j]:
            totals = totals - 2.5 * (e_off - starts[ii] > 300)
        r = int(np.argmax(totals))
        if totals[r] > best[j]:
            best[j], back[j] = totals[r], (int(ii[r]), int(ks[k[r]]))
    path, j = [], n
    while j > 0 and back[j][0] >= 0:
        path.append((back[j][0], j, back[j][1]))
        j = back[j][0]
    return float(best[n]), path[::-1]


def test_the_bounded_search_finds_what_scoring_every_triple_finds(monkeypatch) -> None:
    """Unnumbered dumps: the search over pair starts skips what its bounds rule out (starts,
    splits, the language order the file is not in); it must choose the same pairs, to the
    last split, as scoring every (start, end, split) triple."""
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
    calls = []
    searched = []

    def spy(prefix, signs, prior, pos, plausible, lines):
        calls.append((prefix, signs, prior, pos, plausible, lines))
        return best_order(prefix, signs, prior, pos, plausible, lines)

    def spy_search(prefix, agree, shared):
        searched.append(prefix)
        return search(prefix, agree, shared)

    search, best_order = pair_search._search, pair_search.best_order
    monkeypatch.setattr(pair_search, "best_order", spy)  # pairing imports it when it runs
    monkeypatch.setattr(pair_search, "_search", spy_search)
    for seed, first in ((11, pairs), (12, [Pair(p.target, p.source, "fr-FR", "en-GB")
                                           for p in pairs])):
        calls.clear()
        searched.clear()
        text = format_dump(first, style="mid-word", numbered=False, seed=seed)
        result = read_dump("mixed.txt", text=text, source_lang="en-GB", target_lang="fr-FR")
        got = {(" ".join(p.source.split()), " ".join(p.target.split())) for p in result.pairs}
        assert sum((" ".join(p.source.split()), " ".join(p.target.split())) in got
                   for p in pairs) >= 0.9 * len(pairs)
        (prefix, signs, prior, pos, plausible, lines), = calls
        won, totals, path = pair_search.best_order(prefix, signs, prior, pos, plausible, lines)
        assert won == (0 if first is pairs else 1)  # English first, then French first
        assert len(searched) == 2  # one search a call: the other order ruled out by its bound
        exact = [_every_triple(sign * prefix, prior, pos, plausible, lines) for sign in signs]
        assert totals[won] == exact[won][0] and path == exact[won][1]
        assert totals[1 - won] >= exact[1 - won][0]  # a bound, and below the winner
        assert exact[1 - won][0] < exact[won][0]


def test_rewritten_patterns_find_what_the_plain_ones_found() -> None:
    """Patterns rewritten for speed (no lookbehind at the front, Roman numbers tried only at
    runs of their letters) match where the plain forms match, in real text, in windows of
    it and in text made of the characters they hinge on."""
    import random
    import re
    from pathlib import Path

    from tmx_export.dump import sides, unnumbered

    sessions = Path(__file__).parent / "data" / "europarl-sessions"
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(sessions.glob("*.txt")))
    rng = random.Random(5)
    made = "".join(rng.choice("IVXLivxl0123-'’ aÀé.(\t") for _ in range(60_000))
    made += " ".join(rng.choice(["THE", "Dans", "l'", "D’", "À", "au", "AUX", "x", "«", "Mr",
                                 "OF", "and", "\t"]) for _ in range(20_000))
    plain_numbers = re.compile(
        r"\d+|(?<![\w-])(?=[IVXL]{2})(?:XL|L?X{0,3})(?:IX|IV|V?I{0,3})(?![\w-])")
    plain = {
        unnumbered._ELISION_RE: re.compile(r"(?<=[^\W\d_])['’](?=[^\W\d_])"),
        unnumbered._SHORT_ABBREVIATION_RE: re.compile(
            r"(?<![\w.])[A-Z][a-z]{1,3}\.[ \t]+(?=\d|[A-Z]+[.\d(/-]|[A-Z]{2,}\b)"),
    }
    for sample in (text, made, "Res. A.382(X) l'Union XIV-XL IV, VI. Art. 5 d’"):
        numbers = [(m.start(), m.group()) for m in plain_numbers.finditer(sample)]
        assert sides.written_numbers(sample) == numbers
        for _ in range(200):
            start = rng.randrange(len(sample))
            end = min(len(sample), start + rng.randrange(3000))
            assert sides.written_numbers(sample, start, end) == [
                (m.start(), m.group()) for m in plain_numbers.finditer(sample, start, end)]
        for fast, slow in plain.items():
            assert [m.span() for m in fast.finditer(sample)] == [
                m.span() for m in slow.finditer(sample)]
        capitals = "".join(chr(c) for c in range(0x10000) if chr(c).isupper())
        assert [m.start() for m in unnumbered._capital_start_re().finditer(sample)] == [
            m.start() for m in re.finditer(r"(?<![^\W\d_])[" + re.escape(capitals) + "]",
                                           sample)]
        # words a pair never ends on: matched in the text in lower case
        for langs in ((), ("en", "fr"), ("cs", "sk")):
            _, any_case, lower = unnumbered._never_last(langs)
            assert [m.span() for m in lower.finditer(sample.lower())] == [
                m.span() for m in any_case.finditer(sample)]
    assert any(value == "XIV" for _, value in sides.written_numbers(text + " XIV "))


def test_an_invisible_character_opening_a_line_hides_no_pair() -> None:
    """Windows files joined ("cat a.txt b.txt") leave a BOM at the start of each; text from
    a web page may open a line with a zero-width space or a direction mark. The line after
    was read as part of the pair before: "lundi.\\ufeff2. The Parliament ..." went into the
    French side and a pair was lost, nothing rejected. They are removed at line edges (a
    BOM anywhere); the others inside a line are kept as written."""
    for mark in ("\ufeff", "\u200b", "\u200e", "\u200f\u2060"):
        result = read(f"{mark}34. {EN1} 34. {FR1}\n{mark}35. {EN2} 35. {FR2}{mark}\n")
        assert [(p.number, p.source, p.target) for p in result.pairs] == [
            (34, EN1, FR1), (35, EN2, FR2)], repr(mark)
        assert result.rejects == []
        assert sum(result.repairs.values()) >= 3
    inside = "Stresses the impor\u200btance of clusters;"
    kept = read(f"34. {inside} 34. {FR2}\n").pairs[0].source
    assert kept == inside


def test_a_file_joined_to_a_real_dump_after_its_bom_keeps_its_pairs() -> None:
    """Real Europarl paragraphs (the sample dump) with a second file, BOM and all,
    appended: its pairs were taken into the French side of the last paragraph."""
    sample = Path(__file__).resolve().parents[1] / "samples" / "ep-2000-01-17-numbered.txt"
    head = "".join(sample.read_text("utf-8").splitlines(keepends=True)[:40])
    alone = read(head)
    joined = read(head + f"\ufeff58. {EN1} 58. {FR1}\n59. {EN2} 59. {FR2}\n")
    assert [(p.source, p.target) for p in joined.pairs] == [
        (p.source, p.target) for p in alone.pairs] + [(EN1, FR1), (EN2, FR2)]
    assert len(joined.rejects) == len(alone.rejects)


def test_a_side_in_a_third_language_is_named_not_read_as_the_pairs_other() -> None:
    """Finnish in the Italian side of a German-Italian dump (DGT-TM's text): judged between
    German and Italian only it leaned to German, and the reject said "it side is in de"."""
    from tmx_export.formats.tmx import read_tmx

    agreement = Path(__file__).parent / "data" / "tmx" / "dgt-tm" / "22019A0315(01).tmx"
    italian = {p.source: p.target for p in read_tmx(agreement, source_lang="de-DE",
                                                    target_lang="it-IT").pairs}
    finnish = {p.source: p.target for p in read_tmx(agreement, source_lang="de-DE",
                                                    target_lang="fi-FI").pairs}
    german = [de for de in italian if de.startswith("IN ANERKENNUNG")][:3]
    assert german[0].startswith("IN ANERKENNUNG der entscheidenden Rolle gesunder")
    lines = [f"{n}. {de} {n}. {finnish[de] if n == 1 else italian[de]}"
             for n, de in enumerate(german, 1)]
    result = read("\n".join(lines) + "\n", source_lang="de", target_lang="it")
    assert [p.number for p in result.pairs] == [2, 3]
    assert [r.reason for r in result.rejects] == ["it side is in another language (fi)"]


def test_a_numbered_pair_run_into_the_line_before_is_a_pair_of_its_own() -> None:
    """"2. DE 2. PL 3. DE 3. PL": pair 3, missing from the number sequence, starts at its
    first number, not inside the Polish side of pair 2 (German text written as Polish)."""
    de = ["Der Gemischte Ausschuss tritt mindestens einmal jährlich zusammen.",
          "Der Vorsitz wechselt jährlich zwischen den Vertragsparteien.",
          "Die Sitzungen sind nicht öffentlich."]
    pl = ["Wspólny Komitet zbiera się co najmniej raz w roku.",
          "Przewodnictwo zmienia się corocznie między Stronami.",
          "Posiedzenia nie są jawne."]
    text = (f"1. {de[0]} 1. {pl[0]}\n2. {de[1]} 2. {pl[1]} 3. Die\n"
            f"{de[2][4:]} 3. {pl[2]}\n")
    result = read(text, source_lang="de-DE", target_lang="pl-PL")
    assert [(p.number, p.source, p.target) for p in result.pairs] == [
        (n + 1, de[n], pl[n]) for n in range(3)]
    assert result.rejects == []


def test_a_shared_last_word_with_a_hyphen_is_kept_on_side_a():
    # a short pair ending with a name both languages share ("Loran-C"): side B does not
    # open with it; a date word's pattern (letters only) once took the name of the one
    # that keeps hyphens, and "Loran" was compared with "Loran-C"
    from tmx_export.dump.unnumbered import _shared_last_word

    text = "Navigation system Loran-C Système de navigation Loran-C"
    split = text.index("Loran-C")
    assert _shared_last_word(text, 0, split, len(text)) == text.index("Système")


def test_a_paragraph_with_a_label_not_known_is_not_read_as_french() -> None:
    """A report labels a paragraph inserted by amendment in a way the reader does not know
    ("31 a)"): the pair ran on into the next numbered paragraph, the English and the
    French of paragraph 31 a) written as the French of paragraph 31. That pair is refused
    with the reason; the pairs around it are read as before."""
    import csv
    import random

    from tmx_export.dump.writer import cut_lines

    with open(Path(__file__).parent / "data" / "europarl_pairs.tsv", encoding="utf-8",
              newline="") as handle:
        rows = [r for r in csv.DictReader(handle, delimiter="\t") if len(r["en"]) > 100]
    labels = ["30.", "31.", "31 a)", "32.", "32 b)", "33."]
    rng = random.Random(4)
    lines: list[str] = []
    for label, row in zip(labels, rows, strict=False):
        lines += cut_lines(f"{label} {row['en']} {label} {row['fr']}", rng, max_width=300)
    result = read("\n".join(lines) + "\n")
    gold = {(r["en"], r["fr"]) for r in rows[:len(labels)]}
    assert all((p.source, p.target) in gold for p in result.pairs)
    assert [p.number for p in result.pairs] == [30, 33]
    assert [r.reason for r in result.rejects] == [
        "pair boundaries unsure: the fr-FR side holds a sentence in en-GB (a paragraph "
        "without a number of its own?)"] * 2
    assert rows[2]["en"] in " ".join(result.rejects[0].text.split())


def test_headings_and_page_lines_between_numbered_paragraphs_are_no_translation() -> None:
    """A report copied from a PDF repeats its page header and footer between numbered
    paragraphs, and a heading or a row of figures stands between two of them: each was
    written as the end of the French of the paragraph before ("... difficile. PE
    123.456v01-00"). Each is now a reject of its own, and the pairs are the paragraphs."""
    import csv
    import random

    from tmx_export.dump.writer import cut_lines

    with open(Path(__file__).parent / "data" / "europarl_pairs.tsv", encoding="utf-8",
              newline="") as handle:
        rows = [r for r in csv.DictReader(handle, delimiter="\t") if len(r["en"]) > 100][:5]
    between = {1: ["PE 123.456v01-00", "RR\\1234567EN.doc"],
               2: ["Industrial policy", "Politique industrielle"],
               3: ["2018 2019 2020", "12.5 % 13.1 % 14.0 %"]}
    rng = random.Random(2)
    lines: list[str] = []
    for number, row in enumerate(rows, 30):
        lines += between.get(number - 30, [])
        lines += cut_lines(f"{number}. {row['en']} {number}. {row['fr']}", rng,
                           style="space-kept", max_width=300)
    result = read("\n".join(lines) + "\n")
    assert [(p.number, p.source, p.target) for p in result.pairs] == [
        (n, r["en"], r["fr"]) for n, r in enumerate(rows, 30)]
    # the page's lines are set apart as such (see the test below), the others by place
    assert [r.reason for r in result.rejects] == ["page header or footer"] * 2 + [
        "text between numbered paragraphs"] * 2
    assert [r.text[:14] for r in result.rejects] == [
        "PE 123.456v01-", "RR\\1234567EN.d", "Industrial pol", "2018 2019 2020"]


# An EP resolution's paragraphs with footnote calls, and the footnotes printed after them.
EP_FOOTNOTED = [
    (3, "Recalls its position on Regulation (EU) No 1291/2013\u2074 establishing Horizon 2020 "
        "and stresses the need for continued funding of industrial research;",
     "rappelle sa position sur le règlement (UE) n° 1291/2013\u2074 portant établissement du "
     "programme Horizon 2020 et souligne la nécessité de continuer à financer la recherche "
     "industrielle;"),
    (4, "Recalls its resolution of 15 January 2014 on reindustrialising Europe to promote "
        "competitiveness and sustainability\u2075;",
     "rappelle sa résolution du 15 janvier 2014 sur la réindustrialisation de l'Europe en vue "
     "de promouvoir la compétitivité et le développement durable\u2075;"),
    (5, "Instructs its President to forward this resolution to the Council and the "
        "Commission, and to the governments and parliaments of the Member States.",
     "charge son Président de transmettre la présente résolution au Conseil et à la "
     "Commission ainsi qu'aux gouvernements et aux parlements des États membres."),
]
EP_FOOTNOTES = {3: "\u2074 OJ L 347, 20.12.2013, p. 104. \u2074 JO L 347 du 20.12.2013, p. 104.",
                4: "\u2075 Texts adopted, P7_TA(2014)0032. \u2075 Textes adoptés, "
                   "P7_TA(2014)0032."}


def test_a_footnote_after_a_numbered_paragraph_is_no_part_of_its_translation() -> None:
    """A whole resolution prints its footnotes ("⁴ OJ L 347, 20.12.2013, p. 104.") after
    the paragraph that calls them: they ended the paragraph's French ("... industrielle;
    ⁴ OJ L 347, ... ⁴ JO L 347 ..."), English note and all, and the unit offered them as
    its translation. Each is now a reject of its own, in every cut style."""
    import random

    from tmx_export.dump.writer import CUT_STYLES, cut_lines

    for style in CUT_STYLES:
        rng = random.Random(4)
        lines: list[str] = []
        for number, en, fr in EP_FOOTNOTED:
            lines += cut_lines(f"{number}. {en} {number}. {fr}", rng, style=style)
            if number in EP_FOOTNOTES:
                lines.append(EP_FOOTNOTES[number])
        result = read("\n".join(lines) + "\n")
        assert [(p.number, p.source, p.target) for p in result.pairs] == EP_FOOTNOTED, style
        assert [(r.reason, r.text) for r in result.rejects] == [
            ("footnote", EP_FOOTNOTES[3]), ("footnote", EP_FOOTNOTES[4])], style


# The parts of an EP resolution before its numbered paragraphs (its official French).
EP_TITLE = [
    ("European Parliament resolution of 5 July 2017 on building an ambitious EU industrial "
     "strategy as a strategic priority for growth, employment and innovation in Europe "
     "(2017/2732(RSP))",
     "Résolution du Parlement européen du 5 juillet 2017 sur l'élaboration d'une stratégie "
     "industrielle européenne ambitieuse en tant que priorité stratégique pour la croissance, "
     "l'emploi et l'innovation en Europe (2017/2732(RSP))"),
    ("The European Parliament,", "Le Parlement européen,"),
]
EP_CITATIONS = [
    ("– having regard to Article 173 of the Treaty on the Functioning of the European Union "
     "(TFEU), which deals with the industrial policy of the EU and refers, inter alia, to the "
     "competitiveness of the Union's industry,",
     "– vu l'article 173 du traité sur le fonctionnement de l'Union européenne (traité FUE), "
     "qui concerne la politique industrielle de l'Union et fait notamment référence à la "
     "compétitivité de l'industrie de l'Union,"),
    ("– having regard to Articles 9, 151, 152, 153(1)(b) and 153(2) TFEU,",
     "– vu l'article 9, l'article 151, l'article 152, l'article 153, paragraphe 1, point b), "
     "et l'article 153, paragraphe 2, du traité FUE,"),
    ("– having regard to the Commission communication of 22 January 2014 entitled ‘For a "
     "European Industrial Renaissance’ (COM(2014)0014),",
     "– vu la communication de la Commission du 22 janvier 2014 intitulée «Pour une "
     "renaissance industrielle européenne» (COM(2014)0014),"),
    ("– having regard to the Paris Agreement of December 2015 (COP21),",
     "– vu l'accord de Paris de décembre 2015 (COP 21),"),
    ("– having regard to Rule 128(5) and Rule 123(2) of its Rules of Procedure,",
     "– vu l'article 128, paragraphe 5, et l'article 123, paragraphe 2, de son règlement "
     "intérieur,"),
]
EP_RECITALS = [
    ("A. whereas industry is one of the pillars of the European economy, accounting for "
     "about 15 % of the Union's GDP and for more than 32 million jobs;",
     "A. considérant que l'industrie est l'un des piliers de l'économie européenne, qu'elle "
     "représente environ 15 % du PIB de l'Union et plus de 32 millions d'emplois;"),
    ("B. whereas the EU has set itself the target of increasing the share of industry in "
     "GDP to 20 % by 2020;",
     "B. considérant que l'Union s'est fixé pour objectif de porter la part de l'industrie "
     "dans le PIB à 20 % d'ici à 2020;"),
    ("C. whereas employment in the steel industry has fallen by 20 % since 2008, while "
     "investment in research and innovation in that sector has not recovered;",
     "C. considérant que l'emploi dans la sidérurgie a diminué de 20 % depuis 2008, tandis "
     "que l'investissement dans la recherche et l'innovation dans ce secteur ne s'est pas "
     "redressé;"),
]


def _resolution(head: list[tuple[str, str]], style: str, french_first: bool) -> str:
    """A dump of ``head`` (no numbers) and paragraphs 3 to 5 of :data:`EP_FOOTNOTED`
    (without the footnotes), cut in ``style``."""
    import random

    from tmx_export.dump.writer import cut_lines

    rng = random.Random(7)
    lines: list[str] = []
    for en, fr in head:
        lines += cut_lines(f"{fr} {en}" if french_first else f"{en} {fr}", rng, style=style)
    for number, en, fr in EP_FOOTNOTED:
        a, b = (fr, en) if french_first else (en, fr)
        lines += cut_lines(f"{number}. {a} {number}. {b}", rng, style=style)
    return "\n".join(lines) + "\n"


def test_a_resolution_s_title_and_recitals_before_paragraph_1_are_pairs() -> None:
    """A whole resolution opens with its title, "The European Parliament," and recitals
    "A. whereas ...;" without paragraph numbers: read with the numbered paragraphs, they
    were one reject, all of them ("paragraph number missing on the en-GB side" when
    English came first). They are now read as the pairs of an unnumbered dump."""
    from tmx_export.dump.writer import CUT_STYLES

    head = EP_TITLE + EP_RECITALS
    for style in CUT_STYLES:
        for french_first in (False, True):
            result = read(_resolution(head, style, french_first))
            assert [(p.number, p.source, p.target) for p in result.pairs] == [
                (None, en, fr) for en, fr in head] + EP_FOOTNOTED, (style, french_first)
            assert result.rejects == []


def test_a_number_cut_off_a_footnote_before_paragraph_1_is_no_paragraph_number() -> None:
    """A recital's footnote "³ OJ C 353 E, 3.12.2013, p. 10." before paragraph 1, cut
    before its last "10.": the line "10." was taken for the first numbered paragraph, the
    text before it read without that "10.", and the footnote's unit written as
    "10. ³ OJ C 353 E, 3.12.2013, p." / "³ JO C 353 E du 3.12.2013, p."."""
    footnote = ("³ OJ C 353 E, 3.12.2013, p. 10.", "³ JO C 353 E du 3.12.2013, p. 10.")
    for french_first in (False, True):
        a, b = (footnote[1], footnote[0]) if french_first else footnote
        text = _resolution(EP_TITLE + EP_RECITALS, "space-kept", french_first)
        first = text.index("3. ")
        text = text[:first] + f"{a} {b[:-3]}\n10.\n" + text[first:]
        result = read(text)
        assert [(p.number, p.source, p.target) for p in result.pairs] == [
            (None, en, fr) for en, fr in EP_TITLE + EP_RECITALS + [footnote]] + EP_FOOTNOTED
        assert result.rejects == []


def test_a_resolution_s_citations_are_pairs_of_their_own() -> None:
    """The citations of a resolution ("– having regard to Article 173 ...," / "– vu
    l'article 173 ...,") open with a dash: no line so opened could start a pair, and they
    ran together, rejected as "a number twice on the fr-FR side" with the title before
    them. Each is now a pair, its dash on both sides ("TFEU," ends the English, where the
    split fell after it)."""
    from tmx_export.dump.writer import CUT_STYLES

    head = EP_TITLE + EP_CITATIONS + EP_RECITALS
    for style in CUT_STYLES:
        for french_first in (False, True):
            text = _resolution(head, style, french_first)
            result = read(text)
            assert [(p.number, p.source, p.target) for p in result.pairs] == [
                (None, en, fr) for en, fr in head] + EP_FOOTNOTED, (style, french_first)
            assert result.rejects == []
            # and without the numbered paragraphs: an unnumbered dump
            unnumbered = text[:text.index("3. ")]
            assert [(p.source, p.target) for p in read(unnumbered).pairs] == head


EP_POINTS = [
    ("Stresses that such a strategy should:", "souligne qu'une telle stratégie devrait:"),
    ("(a) set a target of 20 % of GDP for industry by 2030;",
     "a) fixer pour l'industrie un objectif de 20 % du PIB d'ici à 2030;"),
    ("(b) strengthen the single market for industrial goods and services across all the "
     "Member States;",
     "b) renforcer le marché unique des biens et services industriels dans l'ensemble des "
     "États membres;"),
    ("(c) ensure a level playing field in international trade with third countries;",
     "c) garantir des conditions de concurrence équitables dans le commerce international "
     "avec les pays tiers;"),
    ("Calls on the Member States to:", "invite les États membres à:"),
    ("– invest in digital infrastructure in rural and remote areas;",
     "– investir dans les infrastructures numériques dans les zones rurales et isolées;"),
    ("– support SMEs in accessing finance and public procurement markets;",
     "– aider les PME à accéder au financement et aux marchés publics;"),
]


def test_a_point_s_label_opens_both_sides() -> None:
    """A resolution's points, each a paragraph of its own ("(b) strengthen ...;" / "b)
    renforcer ...;"): the French label was written at the end of the English, "(b)
    strengthen ... Member States; b)", and the unit offered "renforcer ..." unlabelled."""
    from tmx_export.dump.writer import CUT_STYLES

    for style in CUT_STYLES:
        for french_first in (False, True):
            result = read(_resolution(EP_TITLE + EP_POINTS, style, french_first))
            assert [(p.source, p.target) for p in result.pairs][:len(EP_TITLE + EP_POINTS)] \
                == EP_TITLE + EP_POINTS, (style, french_first)


def test_points_after_a_numbered_paragraph_are_pairs_of_their_own() -> None:
    """"2. Stresses that such a strategy should:" then its points on lines of their own,
    no number ("(a) ...;" / "a) ...;", "– ...;"): the points were read as the end of
    paragraph 2's second side, and the pair, points and all, a "length-ratio" reject.
    Each point is now a pair, after its paragraph's."""
    import random

    from tmx_export.dump.writer import CUT_STYLES, cut_lines

    intro_2, points_2 = EP_POINTS[0], EP_POINTS[1:4]
    intro_3, points_3 = EP_POINTS[4], EP_POINTS[5:]
    expected = [(1, *EP_FOOTNOTED[0][1:]), (2, *intro_2), *[(None, *p) for p in points_2],
                (3, *intro_3), *[(None, *p) for p in points_3], (4, *EP_FOOTNOTED[2][1:])]
    for style in CUT_STYLES:
        for french_first in (False, True):
            rng = random.Random(3)
            lines: list[str] = []
            for number, en, fr in expected:
                a, b = (fr, en) if french_first else (en, fr)
                stream = f"{a} {b}" if number is None else f"{number}. {a} {number}. {b}"
                lines += cut_lines(stream, rng, style=style)
            result = read("\n".join(lines) + "\n")
            assert [(p.number, p.source, p.target) for p in result.pairs] == expected, (
                style, french_first)
            assert [p.paragraph for p in result.pairs] == [
                None, None, *[f"2+{k}" for k in range(1, len(points_2) + 1)], None,
                *[f"3+{k}" for k in range(1, len(points_3) + 1)], None]
            assert result.rejects == []


def test_a_citation_starts_its_pair_at_its_dash_not_at_a_word_cut_off_the_one_before(
        ) -> None:
    """A line holding only the last word of a citation's French ("durable¹,"), then the
    next citation's dash-led line: the pair started at "durable¹,", as likely there as at
    the dash (both lower case), and was written "durable¹, – having regard to the Paris
    Agreement ... (COP21), –" / "vu l'accord de Paris ...". A dash-led line now opens a
    pair as a capital does."""
    citations = [
        *EP_CITATIONS[:3],
        ("– having regard to its resolution of 15 January 2014 on reindustrialising Europe "
         "to promote competitiveness and sustainability¹,",
         "– vu sa résolution du 15 janvier 2014 sur la réindustrialisation de l'Europe en vue "
         "de promouvoir la compétitivité et le développement durable¹,"),
        EP_CITATIONS[3],
        ("– having regard to Regulation (EU) 2016/679 of the European Parliament and of the "
         "Council of 27 April 2016²,",
         "– vu le règlement (UE) 2016/679 du Parlement européen et du Conseil du 27 avril "
         "2016²,"),
        ("– having regard to the question to the Commission on building an ambitious EU "
         "industrial strategy as a strategic priority for growth, employment and innovation "
         "in Europe (O-000040/2017 – B8‑0224/2017),",
         "– vu la question à la Commission sur l'élaboration d'une stratégie industrielle "
         "européenne ambitieuse en tant que priorité stratégique pour la croissance, l'emploi "
         "et l'innovation en Europe (O-000040/2017 – B8‑0224/2017),"),
        EP_CITATIONS[4]]
    text = (Path(__file__).parent / "data" / "ep-resolution-citations.txt").read_text("utf-8")
    assert "\ndurable¹,\n" in text
    result = read(text)
    assert [(p.source, p.target) for p in result.pairs] == EP_TITLE + citations
    assert result.rejects == []


def test_a_citation_after_a_comma_starts_its_pair_at_its_dash() -> None:
    """French first, a line holding only the end of a citation's English ("TFEU,") after
    a line ending "153(2)", then the next citation "– vu la communication ...": the pair
    started at "TFEU," (a capital after a bracket), not at the dash after its comma, and
    both units were wrong ("... 153(2)" / "... du traité FUE,", then "... (COM(2014)0014),
    –"). A dash-led line after a comma is now the start of a list's next item."""
    text = (Path(__file__).parent / "data" / "ep-resolution-citations-fr-first.txt"
            ).read_text("utf-8")
    assert "\nTFEU,\n– vu la communication" in text
    result = read(text)
    assert [(p.source, p.target) for p in result.pairs] == EP_TITLE + EP_CITATIONS[:3]
    assert result.rejects == []


EP_EXPLANATORY = [
    ("EXPLANATORY STATEMENT", "EXPOSÉ DES MOTIFS"),
    ("Industry is the backbone of the European economy and remains essential for growth "
     "and jobs in all the regions of the Union.",
     "L'industrie est l'épine dorsale de l'économie européenne et demeure essentielle pour "
     "la croissance et l'emploi dans toutes les régions de l'Union."),
    ("The rapporteur therefore believes that the Union needs a coherent industrial "
     "strategy with clear targets and a timetable.",
     "Le rapporteur estime dès lors que l'Union a besoin d'une stratégie industrielle "
     "cohérente assortie d'objectifs clairs et d'un calendrier."),
]


def test_a_report_s_explanatory_statement_after_its_last_paragraph_is_pairs() -> None:
    """A report: the resolution's numbered paragraphs, then its explanatory statement
    without numbers. The statement was read as the end of the last paragraph's second
    side, and that paragraph ("Instructs its President ...") went to the rejects with it
    ("pair boundaries unsure"). The statement's pairs are now read as an unnumbered
    dump's, after the last paragraph's."""
    import random

    from tmx_export.dump.writer import CUT_STYLES, cut_lines

    for style in CUT_STYLES:
        for french_first in (False, True):
            text = _resolution(EP_TITLE, style, french_first)
            rng = random.Random(8)
            for en, fr in EP_EXPLANATORY:
                text += "\n".join(cut_lines(f"{fr} {en}" if french_first else f"{en} {fr}",
                                             rng, style=style)) + "\n"
            result = read(text)
            assert [(p.number, p.source, p.target) for p in result.pairs] == [
                (None, en, fr) for en, fr in EP_TITLE] + EP_FOOTNOTED + [
                (None, en, fr) for en, fr in EP_EXPLANATORY], (style, french_first)
            # known by the paragraph they follow: their positions (1, 2...) were
            # paragraph numbers the resolution prints too
            assert [p.paragraph for p in result.pairs] == [
                f"0+{k}" for k in range(1, len(EP_TITLE) + 1)] + [None] * len(
                EP_FOOTNOTED) + [f"5+{k}" for k in range(1, len(EP_EXPLANATORY) + 1)]
            assert result.rejects == []


def test_page_headers_and_footers_anywhere_are_set_apart() -> None:
    """A report copied from a PDF holds its pages' headers and footers ("PE
    287.123v01-00", "RR\\401234EN.doc") wherever a page broke: inside a paragraph, between
    the two sides of a pair, between pairs. In an unnumbered dump each was written as text
    ("... est également PE 287.123v01-00 espagnole.") or as a pair of its own ("PE" ->
    "287.123v01-00"), and inside a numbered paragraph too. Each is now a reject of its own
    and the pairs are those of the dump without them, the lines around joined as before."""
    import csv
    import random

    from tmx_export.dump.writer import cut_lines

    with open(Path(__file__).parent / "data" / "europarl_pairs.tsv", encoding="utf-8",
              newline="") as handle:
        rows = [r for r in csv.DictReader(handle, delimiter="\t") if len(r["en"]) > 200][:8]
    page = ["PE 287.123v01-00", "RR\\401234EN.doc", "PE287.123v02-00 EN", "3/15 PE 287.123"]
    for numbered in (False, True):
        rng = random.Random(4)
        lines: list[str] = []
        for number, row in enumerate(rows, 1):
            label = f"{number}. " if numbered else ""
            lines += cut_lines(f"{label}{row['en']} {label}{row['fr']}", rng,
                               style="space-kept", max_width=200)
        plain = read("\n".join(lines) + "\n")
        assert [(p.source, p.target) for p in plain.pairs] == [
            (r["en"], r["fr"]) for r in rows] and plain.rejects == []
        at = sorted(rng.sample(range(1, len(lines)), len(page)))
        paged = list(lines)
        for inserted, (where, text) in enumerate(zip(at, page, strict=True)):
            paged.insert(where + inserted, text)
        result = read("\n".join(paged) + "\n")
        assert [(p.source, p.target) for p in result.pairs] == [
            (p.source, p.target) for p in plain.pairs]
        assert [(r.reason, r.text, r.line) for r in result.rejects] == [
            ("page header or footer", text, where + inserted + 1)
            for inserted, (where, text) in enumerate(zip(at, page, strict=True))]
    # a reference inside a paragraph's line is its text
    quoted = read(f"{rows[0]['en']} See PE 287.123v01-00.\n{rows[0]['fr']} Voir PE "
                  "287.123v01-00.\n")
    assert quoted.rejects == [] and quoted.pairs[0].source.endswith("See PE 287.123v01-00.")


# What an Official Journal page prints around its text, as pdftotext copies it: the page
# number, the language, the journal's name and reference, a date, a footnote's mark.
PDF_PAGE_LINES = ["7", "EN", "Official Journal of the European Union", "C 377 E/4",
                  "17.1.2000", "(3)", "*", "Journal officiel de l'Union européenne",
                  "C 377 E/4 EN Official Journal of the European Union 17.1.2000", "EN 8"]


@pytest.mark.parametrize("numbered", [False, True])
def test_a_pdf_pages_number_and_heads_are_no_paragraphs_text(numbered: bool) -> None:
    """Europarl text copied from PDF pages (lines of one width, the space at each cut
    swallowed), a page's number, language code, the Official Journal's name, reference
    and date, a footnote's mark, alone on lines where a page broke, inside a paragraph
    or between two: each was glued to a side ("... des postes de 7 EN travail.", "... of
    the regions. Official Journal of the European Union"), offered to a translator as the
    paragraph's text. Each is now a reject of its own, and the lines around it join as if
    the page had not broken there."""
    import textwrap

    sessions = Path(__file__).parent / "data" / "europarl-sessions"
    en, fr = ([p.strip() for p in (sessions / f"ep-00-01-17.{lang}.txt").read_text("utf-8")
               .split("\n\n") if p.strip()] for lang in ("en", "fr"))
    rows = [(en[i], fr[i]) for i in range(20, 32)]
    lines: list[str] = []
    for number, (english, french) in enumerate(rows, 1):
        label = f"{number}. " if numbered else ""
        # (at spaces only, as a PDF line ends: a hyphen at a line's end is hyphenation)
        lines += textwrap.wrap(f"{label}{english} {label}{french}", 72,
                               break_on_hyphens=False)
    plain = read("\n".join(lines) + "\n")
    assert [(p.source, p.target) for p in plain.pairs] == rows and plain.rejects == []
    paged, expected = list(lines), []
    for inserted, (where, text) in enumerate(zip(range(9, len(lines), 11), PDF_PAGE_LINES,
                                                 strict=False)):
        paged.insert(where + inserted, text)
        expected.append(("page header or footer", text, where + inserted + 1))
    assert len(expected) == len(PDF_PAGE_LINES)
    result = read("\n".join(paged) + "\n")
    assert [(p.source, p.target) for p in result.pairs] == rows
    assert [(r.reason, r.text, r.line) for r in result.rejects] == expected


@pytest.mark.parametrize("side", ["en", "fr"])
def test_a_pages_number_before_a_numbered_paragraphs_line_is_set_apart(side: str) -> None:
    """Europarl paragraphs laid out PDF-style, each side starting its own line with its
    number, a page breaking before paragraph 8's English or its French: the page's number
    alone on a line ("7" / "8. The Group of ...") was taken for the first piece of a
    number cut in two ("2" / "8." of "28."), kept, and glued to the end of paragraph 8's
    English ("... of the Commission. 7") before its French. The numbers the dump's lines
    opened with expect "8." there, not "78.": the line is a page's number, a reject of its
    own."""
    import textwrap

    sessions = Path(__file__).parent / "data" / "europarl-sessions"
    en, fr = ([p.strip() for p in (sessions / f"ep-00-01-17.{lang}.txt").read_text("utf-8")
               .split("\n\n") if p.strip()] for lang in ("en", "fr"))
    rows = [(en[i], fr[i]) for i in range(20, 32)]

    def laid_out(page: str, before: int) -> tuple[list[str], int]:
        # (each side wrapped on lines of its own; ``page`` alone on the line before
        # paragraph ``before``'s side ``side``, whose line number is returned)
        lines: list[str] = []
        at = 0
        for number, (english, french) in enumerate(rows, 1):
            for lang, text in (("en", english), ("fr", french)):
                if number == before and lang == side:
                    at = len(lines) + 1
                    lines.append(page)
                lines += textwrap.wrap(f"{number}. {text}", 72, break_on_hyphens=False)
        return lines, at

    lines, at = laid_out("7", 8)
    result = read("\n".join(lines) + "\n")
    assert [(p.number, p.source, p.target) for p in result.pairs] == [
        (n, english, french) for n, (english, french) in enumerate(rows, 1)]
    assert [(r.reason, r.text, r.line) for r in result.rejects] == [
        ("page header or footer", "7", at)]
    # (the page's number may be any: the paragraph's own, or one of two digits)
    for page in ("8", "12"):
        lines, at = laid_out(page, 8)
        result = read("\n".join(lines) + "\n")
        assert [(r.reason, r.text, r.line) for r in result.rejects] == [
            ("page header or footer", page, at)]
        assert len(result.pairs) == len(rows)


@pytest.mark.parametrize("numbered", [False, True])
@pytest.mark.parametrize("page_numbers", [False, True])
def test_a_running_head_repeated_at_page_breaks_is_set_apart(numbered: bool,
                                                             page_numbers: bool) -> None:
    """A committee's report copied from its PDF pages: the running head every page prints
    ("Committee on Regional Policy"), with the page's number or alone, where each page
    broke, inside a paragraph or between two. Only the Official Journal's was known: the
    others were glued to a side ("... the social and economic Committee on Regional Policy
    situation ...") or read as a paragraph of their own. A short line written whole at
    several page breaks is now a page header; the same words in the text (inside a
    paragraph, or a heading pair of lines "Committee on Regional Policy" / "Commission de
    la politique régionale") are the text's, and stay where they are."""
    import textwrap

    sessions = Path(__file__).parent / "data" / "europarl-sessions"
    en, fr = ([p.strip() for p in (sessions / f"ep-00-01-17.{lang}.txt").read_text("utf-8")
               .split("\n\n") if p.strip()] for lang in ("en", "fr"))
    head = "Committee on Regional Policy"
    heading = (head, "Commission de la politique régionale")
    rows = [(en[i], fr[i]) for i in range(212, 226)]
    assert sum(head in english for english, _ in rows) == 2  # (the words in the text too)
    rows.insert(8, heading)
    lines: list[str] = []
    for number, (english, french) in enumerate(rows, 1):
        if (english, french) == heading:
            lines += [english, french]  # (a heading pair of the text, a line each)
            continue
        label = f"{number}. " if numbered else ""
        lines += textwrap.wrap(f"{label}{english} {label}{french}", 72,
                               break_on_hyphens=False)
    paged, expected = [], []
    for at, line in enumerate(lines, 1):
        paged.append(line)
        if at % 30 == 0 and at < len(lines):
            paged.append(head)
            expected.append(("page header or footer", head, len(paged)))
            if page_numbers:
                paged.append(str(at // 30 + 1))
                expected.append(("page header or footer", paged[-1], len(paged)))
    assert len(expected) >= 4 * (1 + page_numbers)
    result = read("\n".join(paged) + "\n")
    pairs = [(p.source, p.target) for p in result.pairs]
    assert pairs == (rows if not numbered else [row for row in rows if row != heading])
    rejects = [(r.reason, r.text, r.line) for r in result.rejects]
    if numbered:  # (a heading between numbered paragraphs is a reject of its own)
        assert [r for r in rejects if r[0] != "page header or footer"] == [
            ("text between numbered paragraphs", " ".join(heading),
             next(i for i, line in enumerate(paged, 1) if line == head
                  and paged[i] == heading[1]))]
        rejects = [r for r in rejects if r[0] == "page header or footer"]
    assert rejects == expected


def test_a_short_line_of_a_file_cut_anywhere_is_its_text() -> None:
    """The other way round: in a file cut anywhere, a line of two capitals or two digits
    is a piece of a word or a number ("... du groupe P" / "PE" / "-DE visant ...", a
    group's name; "2" / "8." of a paragraph number), not a page's language code or
    number: only a file whose cuts swallow their spaces (text copied from a PDF) sets
    such lines apart."""
    import random

    from tmx_export.dump.writer import cut_lines

    with open(Path(__file__).parent / "data" / "europarl_pairs.tsv", encoding="utf-8",
              newline="") as handle:
        rows = [(r["en"], r["fr"]) for r in csv.DictReader(handle, delimiter="\t")][8:14]
    rng = random.Random(3)
    lines: list[str] = []
    for english, french in rows:
        lines += cut_lines(f"{english} {french}", rng, style="mid-word", max_width=120)
    at = next(i for i, line in enumerate(lines) if "groupe PPE-DE visant" in line)
    head, tail = lines[at].split("PPE-DE visant")
    lines[at:at + 1] = [head + "P", "PE", "-DE visant" + tail]
    result = read("\n".join(lines) + "\n")
    assert [(p.source, p.target) for p in result.pairs] == rows
    assert result.rejects == []


def test_one_numbered_pair_in_the_other_order_is_read_by_its_languages() -> None:
    """A numbered dump written English first with one paragraph French first ("34. FR 34.
    EN", pasted from another copy): the pair was rejected as "no en-GB side: both halves
    of a paragraph read as fr-FR", though its second half is English."""
    import csv
    import random

    from tmx_export.dump.writer import cut_lines

    with open(Path(__file__).parent / "data" / "europarl_pairs.tsv", encoding="utf-8",
              newline="") as handle:
        rows = [r for r in csv.DictReader(handle, delimiter="\t") if len(r["en"]) > 100][:5]
    rng = random.Random(1)
    lines: list[str] = []
    for number, row in enumerate(rows, 32):
        first, second = (row["fr"], row["en"]) if number == 34 else (row["en"], row["fr"])
        lines += cut_lines(f"{number}. {first} {number}. {second}", rng, max_width=300)
    result = read("\n".join(lines) + "\n")
    assert [(p.number, p.source, p.target) for p in result.pairs] == [
        (n, r["en"], r["fr"]) for n, r in enumerate(rows, 32)]
    assert result.rejects == []


def test_a_fold_marker_before_a_paragraph_number_still_starts_the_pair() -> None:
    """A dump folded where a numbered paragraph starts ("...[+++]31. Although" after a line
    ending "vacances."): the marker made the line a continuation, pairs 30 and 31 were read
    as one and rejected ("paragraph number mismatch: 30 vs 31")."""
    import csv
    import random

    from tmx_export.dump.writer import cut_lines

    with open(Path(__file__).parent / "data" / "europarl_pairs.tsv", encoding="utf-8",
              newline="") as handle:
        rows = [r for r in csv.DictReader(handle, delimiter="\t") if len(r["en"]) > 100][:4]
    rng = random.Random(3)
    lines: list[str] = []
    for number, row in enumerate(rows, 30):
        pair_lines = cut_lines(f"{number}. {row['en']} {number}. {row['fr']}", rng,
                               max_width=300)
        if number % 2:
            pair_lines[0] = "...[+++]" + pair_lines[0]
        lines += pair_lines
    result = read("\n".join(lines) + "\n")
    assert [(p.number, p.source, p.target) for p in result.pairs] == [
        (n, r["en"], r["fr"]) for n, r in enumerate(rows, 30)]
    assert result.rejects == []


def test_paragraphs_labelled_31a_or_32_bis_are_pairs_of_their_own() -> None:
    """"31a." and "32 bis." (paragraphs inserted by amendment) after the paragraph of
    their number: each label written twice in a row makes a pair, numbered as the
    paragraph it follows; their English and French were written as that paragraph's
    French, or the pair refused."""
    import csv
    import random

    from tmx_export.dump.writer import cut_lines

    with open(Path(__file__).parent / "data" / "europarl_pairs.tsv", encoding="utf-8",
              newline="") as handle:
        rows = [r for r in csv.DictReader(handle, delimiter="\t") if len(r["en"]) > 100]
    labels = ["30.", "30a.", "31.", "31a.", "31b.", "32.", "32 bis.", "33."]
    for style in ("mid-word", "space-kept", "space-consumed"):
        rng = random.Random(4)
        lines: list[str] = []
        for label, row in zip(labels, rows, strict=False):
            lines += cut_lines(f"{label} {row['en']} {label} {row['fr']}", rng, style,
                               max_width=300)
        result = read("\n".join(lines) + "\n")
        assert [(p.number, p.source, p.target) for p in result.pairs] == [
            (int(label.split(".")[0].split()[0].rstrip("ab")), r["en"], r["fr"])
            for label, r in zip(labels, rows, strict=False)], style
        assert result.rejects == [], style


def test_a_paragraph_under_an_unknown_label_ending_with_a_semicolon_is_refused() -> None:
    """A resolution's paragraph is one sentence of clauses ending with a semicolon: one
    under a label the reader does not know ("4 a)") ran on into paragraph 4's second side,
    and the check that a side holds no sentence of the other language saw one sentence,
    English and French together. The unit offered "4 a) demande une stratégie ..." as
    English. Clauses are now checked each: the pair goes to the rejects."""
    import random

    from tmx_export.dump.writer import CUT_STYLES, cut_lines

    en_4a = ("Calls for a European strategy for raw materials that secures access to "
             "critical raw materials at fair prices;")
    fr_4a = ("demande une stratégie européenne pour les matières premières qui garantisse "
             "l'accès aux matières premières critiques à des prix équitables;")
    for style in CUT_STYLES:
        rng = random.Random(5)
        lines: list[str] = []
        for number, en, fr in EP_FOOTNOTED[:2]:
            lines += cut_lines(f"{number}. {fr} {number}. {en}", rng, style=style)
        lines += cut_lines(f"4 a) {fr_4a} 4 a) {en_4a}", rng, style=style)
        number, en, fr = EP_FOOTNOTED[2]
        lines += cut_lines(f"{number}. {fr} {number}. {en}", rng, style=style)
        result = read("\n".join(lines) + "\n")
        assert [(p.number, p.source, p.target) for p in result.pairs] == [
            EP_FOOTNOTED[0], EP_FOOTNOTED[2]], style
        assert [r.reason for r in result.rejects] == [
            "pair boundaries unsure: the en-GB side holds a sentence in fr-FR (a paragraph "
            "without a number of its own?)"], style


def test_a_paragraph_labelled_31a_in_english_and_31_bis_in_french_is_a_pair() -> None:
    """The Parliament labels a paragraph inserted after 31 "31a." in English and "31 bis."
    in French: the two labels were not taken for one paragraph's, and 31a ran on into
    paragraph 31, a "length-ratio" reject when English came first and, French first,
    a unit whose English held "31 bis. demande une stratégie ..." in French."""
    import random

    from tmx_export.dump.writer import CUT_STYLES, cut_lines

    en_31a = ("Calls for a European strategy for raw materials that secures access to "
              "critical raw materials at fair prices;")
    fr_31a = ("demande une stratégie européenne pour les matières premières qui garantisse "
              "l'accès aux matières premières critiques à des prix équitables;")
    for style in CUT_STYLES:
        for french_first in (False, True):
            rng = random.Random(5)
            lines: list[str] = []
            for number, en, fr in EP_FOOTNOTED[:2]:
                a, b = (fr, en) if french_first else (en, fr)
                lines += cut_lines(f"{number}. {a} {number}. {b}", rng, style=style)
            a, b = (f"4 bis. {fr_31a}", f"4a. {en_31a}") if french_first else (
                f"4a. {en_31a}", f"4 bis. {fr_31a}")
            lines += cut_lines(f"{a} {b}", rng, style=style)
            number, en, fr = EP_FOOTNOTED[2]
            a, b = (fr, en) if french_first else (en, fr)
            lines += cut_lines(f"{number}. {a} {number}. {b}", rng, style=style)
            result = read("\n".join(lines) + "\n")
            assert [(p.number, p.source, p.target) for p in result.pairs] == [
                *EP_FOOTNOTED[:2], (4, en_31a, fr_31a), EP_FOOTNOTED[2]], (style, french_first)
            # each side's label as printed, for its units (x-paragraph "4a", not 4)
            assert [p.labels for p in result.pairs] == [None, None, ("4a.", "4 bis."), None]
            assert result.rejects == []


def test_the_width_of_an_unnumbered_dumps_lines_is_measured_once(
        monkeypatch: pytest.MonkeyPatch, session_pairs: list) -> None:
    """Europarl sessions cut at spaces, unnumbered: a pair whose first line may be a heading
    alone asks the width of the file's lines (a sort of every line's length). It was
    measured again for each such pair, 0.3 s of a 10,000-pair dump; now once a stream, with
    the same pairs."""
    from tmx_export.dump import format_dump, pairing

    pairs = session_pairs
    measured = []
    line_width = pairing._line_width
    monkeypatch.setattr(pairing, "_line_width",
                        lambda stream: measured.append(stream) or line_width(stream))
    result = read(format_dump(pairs, style="space-consumed", numbered=False, seed=5))
    assert [(p.source, p.target) for p in result.pairs] == [(p.source, p.target) for p in pairs]
    assert result.rejects == []
    assert len(measured) == 1


DATA = Path(__file__).parent / "data"


def test_a_name_after_its_title_is_no_pair_boundary(session_pairs: list) -> None:
    """The sample of 21 January 2000 cut PDF-style at lines of 20 to 60 characters:
    "Thank you, Mrs Fraga Estévez." is a line of its own. The reader took the name's last
    word, unlisted and accented, for the French of a pair ("Thank you, Mrs Fraga" |
    "Estévez."), and the next unit's English lacked the sentence. A title and a name are
    one side's: the paragraph pair comes out whole."""
    text = (DATA / "dump_narrow_title_name_en_fr.txt").read_text(encoding="utf-8")
    result = read(text)
    known = {(p.source, p.target) for p in session_pairs}
    got = [(p.source, p.target) for p in result.pairs]
    assert all(pair in known for pair in got)
    assert len(got) == 4 and result.rejects == []
    assert got[2][0].startswith("Thank you, Mrs Fraga Estévez. We had heard about")
    assert got[2][1].startswith("Merci beaucoup, Madame Fraga.")


@pytest.mark.parametrize("name", ["dump_narrow_name_cut_en_fr.txt",
                                  "dump_narrow_name_first_line_en_fr.txt"])
def test_a_line_break_inside_a_name_after_its_title_starts_no_pair(
        session_pairs: list, name: str) -> None:
    """Europarl of 17 January 2000 cut PDF-style at narrow widths, a line ending inside a
    name: "Fourthly, a point which Mrs Hedkvist" / "Petersen stressed just now, ...", "I
    would like Mr Barón" / "Crespo, who made the request, ...". The short line was read as
    a paragraph without its translation, and the unit offered the English from "Petersen"
    or "Crespo" on as the translation of the whole French paragraph."""
    result = read((DATA / name).read_text(encoding="utf-8"))
    known = {(p.source, p.target) for p in session_pairs}
    assert len(result.pairs) == 2
    assert all((p.source, p.target) in known for p in result.pairs)
    assert result.rejects == []


@pytest.mark.parametrize("width", [36, 56])
@pytest.mark.parametrize("where", ["before side A", "after side B"])
def test_a_heading_over_two_lines_of_a_narrow_column_is_set_apart(width: int,
                                                                   where: str) -> None:
    """Europarl text copied from a narrow PDF column (lines of one width, the space at each
    cut swallowed), a heading without its translation over two lines or three, "Social and economic
    situation and" / "development of the regions of the Union" before a pair's English, or
    its French after a pair's French. Only a heading on one short line was told: the two
    lines went into the next pair's English (or the French before them) and the unit
    offered the heading as part of the paragraph. The heading's lines are each full but
    its last, whose room for the next word says the heading ended there: a reject of its
    own, and the text around it is read as without it."""
    import textwrap

    sessions = Path(__file__).parent / "data" / "europarl-sessions"
    en, fr = ([p.strip() for p in (sessions / f"ep-00-01-17.{lang}.txt").read_text("utf-8")
               .split("\n\n") if p.strip()] for lang in ("en", "fr"))
    rows = [(en[i], fr[i]) for i in range(20, 32)]
    heading = ("Social and economic situation and development of the regions of the Union"
               if where == "before side A" else
               "Situation, développement social et économique des régions de l' Union")
    plain: list[str] = []
    lines: list[str] = []
    for number, (english, french) in enumerate(rows):
        pair = textwrap.wrap(f"{english} {french}", width, break_on_hyphens=False)
        if number == 6 and where == "before side A":
            lines += textwrap.wrap(heading, width)
        lines += pair
        plain += pair
        if number == 5 and where == "after side B":
            lines += textwrap.wrap(heading, width)
    assert len(textwrap.wrap(heading, width)) >= 2
    alone = read("\n".join(plain) + "\n")  # (no false cut where no heading stands)
    assert [(p.source, p.target) for p in alone.pairs] == rows and alone.rejects == []
    result = read("\n".join(lines) + "\n")
    assert [(p.source, p.target) for p in result.pairs] == rows
    lang = "en-GB" if where == "before side A" else "fr-FR"
    assert [(r.reason, r.text) for r in result.rejects] == [
        (f"unpaired paragraph ({lang} only)", heading)]


@pytest.mark.parametrize("seed", [0, 5])
def test_a_heading_after_a_heading_pair_is_no_part_of_its_translation(
        session_pairs: list, seed: int) -> None:
    """Europarl of 17 January 2000 cut PDF-style at random widths, the heading pair
    "Transport of dangerous goods by road" / "Transport de marchandises dangereuses par
    route" on lines of their own, then the French heading "Ordre des travaux" without its
    translation before the next pair. The third line went into the heading pair's French
    ("... par route Ordre des travaux"), offered as the translation of the English
    heading: it is now a reject of its own, and the heading pair is read whole."""
    from tmx_export.dump import format_dump

    heading = next(p for p in session_pairs if p.source == "Transport of dangerous goods by road")
    lone = next(p.target for p in session_pairs if p.source == "Agenda")
    rows = session_pairs[40:52]
    text = (format_dump(rows[:6], style="space-consumed", numbered=False, seed=seed)
            + f"{heading.source}\n{heading.target}\n{lone}\n"
            + format_dump(rows[6:], style="space-consumed", numbered=False, seed=seed + 1))
    result = read(text)
    assert [(p.source, p.target) for p in result.pairs] == \
        [(p.source, p.target) for p in [*rows[:6], heading, *rows[6:]]]
    assert [(r.reason, r.text) for r in result.rejects] == [
        ("unpaired paragraph (fr-FR only)", "Ordre des travaux")]


def test_words_alone_on_a_line_inside_sentences_are_no_running_head(
        session_pairs: list) -> None:
    """Europarl of 17 January 2000 cut PDF-style in lines of about 20 characters:
    "Structural Funds" falls alone on a line five times, each time inside a sentence, at
    no page break (lines 67, 72, 85, 132, 184, 5 to 52 lines apart). They were set apart
    as a running head, and three units lost the words."""
    result = read((DATA / "dump_narrow_repeated_words_en_fr.txt").read_text(encoding="utf-8"))
    known = {(p.source, p.target) for p in session_pairs}
    assert result.rejects == []
    assert len(result.pairs) == 11
    assert all((p.source, p.target) in known for p in result.pairs)


@pytest.mark.parametrize(("start", "first", "width"), [
    (12, "fr", 28), (20, "fr", 32), (203, "en", 20), (219, "fr", 20)])
def test_a_phrase_alone_on_lines_pages_apart_by_chance_is_no_running_head(
        session_pairs: list, start: int, first: str, width: int) -> None:
    """Europarl of 17 January 2000, 30 pairs wrapped PDF-style at 20 to 32 characters, no
    running head in them: "Party of European Socialists" (or "European Union") falls alone
    on a line inside a sentence three times, 44 and 396 lines apart (118 and 345, ...), a
    whole number of "pages" by chance, eight of the nine pages between without it. It was
    set apart as a running head, three rejects, and three units lost the words. A head
    stands at every page."""
    import textwrap

    rows = [(p.source, p.target) for p in session_pairs[start:start + 30]]
    lines = [line for source, target in rows for line in textwrap.wrap(
        f"{source} {target}" if first == "en" else f"{target} {source}", width,
        break_on_hyphens=False, break_long_words=False)]
    result = read("\n".join(lines) + "\n")
    assert [(p.source, p.target) for p in result.pairs] == rows
    assert result.rejects == []


@pytest.mark.parametrize(("start", "head", "width", "page"), [
    (46, "European Parliament resolution on the situation of the regions", 44, 110),
    (231, "Report on the transport of dangerous goods by road", 66, 89),
    (136, "Party of European Socialists", 86, 59)])
def test_a_running_head_at_every_page_of_long_pages_is_set_apart(
        session_pairs: list, start: int, head: str, width: int, page: int) -> None:
    """The other side of the test above: a head at every page, found inside sentences at
    some page breaks only (two pages apart), on pages of 59 to 110 lines (two columns of a
    PDF page) and in the words of a phrase narrow cuts leave alone: still set apart at
    every page, and the pairs read whole."""
    import textwrap

    rows = [(p.source, p.target) for p in session_pairs[start:start + 30]]
    lines = [line for source, target in rows for line in textwrap.wrap(
        f"{source} {target}", width, break_on_hyphens=False, break_long_words=False)]
    out: list[str] = []
    for number, line in enumerate(lines, 1):
        out.append(line)
        if number % page == 0 and number < len(lines):
            out.append(head)
    result = read("\n".join(out) + "\n")
    assert [(p.source, p.target) for p in result.pairs] == rows
    assert [(r.reason, r.text) for r in result.rejects] == \
        [("page header or footer", head)] * ((len(lines) - 1) // page)


@pytest.mark.parametrize("width", [72, 80])
def test_a_running_head_of_a_three_page_document_is_set_apart(
        session_pairs: list, width: int) -> None:
    """Europarl of 17 January 2000, twelve pairs wrapped PDF-style at 72 or 80 characters,
    a report's running head at its two page breaks (every 45 lines), no page number beside
    it: one break inside a sentence, the other between two paragraphs or before a date's
    digits. A head seen twice only was set apart nowhere: it stayed inside a unit's English
    (or French) at one break, and was a reject, or glued to the next pair, at the other.
    Both are now page furniture, and the twelve pairs are read whole."""
    import textwrap

    head = "Report on the situation of the regions"
    rows = [(p.source, p.target) for p in session_pairs[20:32]]
    lines = [line for source, target in rows
             for line in textwrap.wrap(f"{source} {target}", width, break_on_hyphens=False)]
    lines[90:90] = [head]
    lines[45:45] = [head]
    result = read("\n".join(lines) + "\n")
    assert [(p.source, p.target) for p in result.pairs] == rows
    assert [(r.reason, r.text) for r in result.rejects] == [("page header or footer", head)] * 2


@pytest.mark.parametrize("lead", ["I would like Mr Barón", "Fourthly, a point which Mrs Hedkvist"])
@pytest.mark.parametrize("between", [False, True])
def test_a_short_line_ending_on_a_title_and_a_name_is_no_heading(
        session_pairs: list, lead: str, between: bool) -> None:
    """Cut PDF-style at 40 to 60 characters, the rest of the paragraph after a short first
    line ending on a title and a name: the line would have held the next line's first word,
    as a heading's does, but a name runs over the break; it is the paragraph's, on the
    file's first line or between two pairs."""
    from tmx_export.dump import format_dump
    from tmx_export.model import Pair

    pairs = session_pairs
    at = next(k for k, p in enumerate(pairs) if p.source.startswith(lead))
    rest = Pair(pairs[at].source[len(lead) + 1:], pairs[at].target, "en-GB", "fr-FR")
    before = format_dump(pairs[at - 2:at], style="space-consumed", numbered=False, seed=1,
                         min_width=40, max_width=60, fold_rate=0.0) if between else ""
    after = format_dump([rest, *pairs[at + 1:at + 4]], style="space-consumed",
                        numbered=False, seed=1, min_width=40, max_width=60, fold_rate=0.0)
    result = read(before + lead + "\n" + after)
    expected = pairs[at - 2:at + 4] if between else pairs[at:at + 4]
    assert [(p.source, p.target) for p in result.pairs] == [
        (p.source, p.target) for p in expected]
    assert result.rejects == []


def test_tidy_collapses_white_space_as_before_on_its_quick_path() -> None:
    """A side of single spaces only is stripped, not substituted: the same text as the
    substitution gives, and sides with tabs, line separators, runs of spaces or no-break
    spaces (kept as written) still go through it."""
    import re

    from tmx_export.dump.sides import tidy

    collapsed = re.compile("[ \t\n\r\x0b\x0c\x1c-\x1f\x85\u2028\u2029]+")
    sides = ["Resumption of the session", "  padded  ", "a\tb", "a\u2028b", "a\x85b",
             "10\u00a0000 déclare\u202f: oui", " \u00a0edge\u00a0 ", "two  spaces", "",
             "Reprise de la session\u00ad", "\u2007 figure"]
    for side in sides:
        assert tidy(side) == collapsed.sub(" ", side).strip(), repr(side)


def test_bare_side_apart_still_reads_sides_without_words() -> None:
    """A side of labels alone is found whatever the other holds; a pair whose sides both
    hold words is none (the quick answer)."""
    from tmx_export.dump.pairing import _bare_side_apart

    assert _bare_side_apart("I,", "IV") == ("I", 0)
    assert _bare_side_apart("(LSA Code) I, IV", "IV") is None  # it lacks none of them
    assert _bare_side_apart("Απόφ. IMO (Κώδικας LSA) I", "I, IV") == ("IV", 1)
    assert _bare_side_apart("Resumption of the session", "Reprise de la session") is None
    assert _bare_side_apart("8", "8") is None
