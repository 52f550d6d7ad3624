"""The fast paths of ``terms`` give what the plain code they replace gives: the corpus
scanner what :meth:`Extractor.candidates` finds token by token, the TBX entries written as
text what lxml writes, the review rows written as XML what XlsxWriter's cell API writes, the
report's folding what its definition says, competitive linking by partner look-ups what the
greedy choice over every option of a piece gives, the batched termbase update what one pair at a
time stored, the pairs of a fresh termbase's update what reading it back gives, a target
language scanned by a child process what scanning it here gives, the links' surface forms
sliced in unit order what slicing them pair by pair gives, the report's contexts escaped one
by one what escaping them joined gives."""

from __future__ import annotations

import sqlite3
import unicodedata
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tmx_export.model import Pair
from tmx_export.pipeline import read_units
from tmx_export.terms import Document, Termbase, associate, extract_terms, tbx
from tmx_export.terms import link as linking
from tmx_export.terms.associate import _pass_one, _Scanner
from tmx_export.terms.candidates import Extractor
from tmx_export.terms.keys import _Chains, _Trie
from tmx_export.terms.link import _bits, _contested, _link
from tmx_export.terms.report import _SPELLED_OUT_LETTERS, fold
from tmx_export.terms.termbase import MAX_STORED_CONTEXTS
from tmx_export.terms.termpair import Context, TermPair, most_common
from tmx_export.terms.units import _WHOLE, _cut, clause_spans, piece_spans, sentence_spans

DATA = Path(__file__).parent / "data"
EN_TEXTS = [
    "The value chain of industrial clusters, e.g. in the Member States.",
    "Parliament's resolution on SMEs and the know-how of 12 regions; stresses  the need",
    "",
    "!!",
    "Clusters: value\tchains, value\u00a0chain -- resource efficiency cluster policy.",
    "A B C D E F: the European Economic Area (EEA) and CE marking’s rules.",
    "rapidly growing cluster networks’ value chains in (small) firms",
    "of the Rules of Procedure of the European Parliament of the Union of, the code of",
    "Official Journal of the European Union; part of the transport of dangerous goods of",
    "Council of Ministers of the, Court of (Justice) of the rule of law: law of",
    "strengthening economic and social cohesion; Icelandic and Norwegian languages, "
    "economic and social, and economic and social cohesion policy, national and",
    "the principle of economic and social cohesion and the Commission and Member States",
    "the date of entry into force of Decision No 1/2019; entry into force of the Protocol",
]
FR_TEXTS = [
    "La chaîne de valeur des conglomérats industriels et la politique de la concurrence.",
    "L'importance d'une mise en œuvre rapide; souligne l'intérêt des chaînes des valeurs",
    "conseiller à la sécurité, aide aux entreprises -- conglomérats transnationaux.",
    "",
    "Les États membres, DE plus, encouragent la Commission à l'égard de la CE.",
    "chaîne de la valeur de l' entreprise en ligne; politique de  la concurrence",
    "la cohésion économique et sociale; politique de cohésion économique et sociale et",
    "langues islandaise et norvégienne, économique et sociale, cohésion économique et, "
    "fonds social européen et régional et local, fonds social régional et local; fonds "
    "social régional national et local, cohésion économique et sociale",
]


def _side(lang: str, texts: list[str], glossary: tuple[str, ...] = ()):
    scanner = _Scanner(Extractor(lang, glossary))
    for text in texts:
        scanner.add(text)
    return scanner.side()


def _agree(lang: str, texts: list[str], glossary: tuple[str, ...] = ()) -> None:
    extractor = Extractor(lang, glossary)
    side = _side(lang, texts, glossary)
    id_of: dict[str, int] = {}
    occ: Counter[int] = Counter()
    heads: Counter[int] = Counter()
    words: dict[int, int] = {}
    for piece, text in enumerate(texts):
        tokens = extractor.tokens(text)
        a, b = side.tok_base[piece], side.tok_base[piece + 1]
        assert list(zip(side.tok_start[a:b].tolist(), side.tok_end[a:b].tolist(),
                        strict=True)) == [(t.start, t.end) for t in tokens]
        expected = extractor.candidates(tokens)
        a, b = side.starts[piece], side.starts[piece + 1]
        assert list(zip(side.first[a:b].tolist(), side.last[a:b].tolist(), strict=True)) == [
            (o.first, o.last) for o in expected]
        for o, i in zip(expected, side.ids[a:b].tolist(), strict=True):
            assert id_of.setdefault(o.key, i) == i  # one id per key...
            assert side.lookup(o.key) == i
            occ[i] += 1
            heads[i] += o.head
            words[i] = o.words
    assert len(set(id_of.values())) == len(id_of)  # ... and one key per id
    for i in id_of.values():
        assert (side.occ[i], side.heads[i], side.words[i]) == (occ[i], heads[i], words[i])


@pytest.mark.parametrize(("lang", "texts", "glossary"), [
    ("en", EN_TEXTS, ()),
    ("en", EN_TEXTS, ("Member States", "the value chain", "e.g.", "in the Member")),
    ("fr", FR_TEXTS, ()),
    ("fr", FR_TEXTS, ("politique de la concurrence", "de la", "chaîne de valeur")),
])
def test_scanner_finds_what_the_extractor_finds(lang, texts, glossary):
    _agree(lang, texts, glossary)


_WORDS = {
    "en": ["value", "chain", "chains", "cluster", "the", "of", "Parliament's", "SME", "EU",
           "know-how", "rapidly", "12", "stresses", "Member", "State", "l'art", "a", "and",
           "economic", "social", "remains", "replaces", "its"],
    "fr": ["chaîne", "chaînes", "de", "des", "du", "la", "l'", "l'État", "à", "au", "en",
           "valeur", "membre", "encourage", "mise", "œuvre", "DE", "aux", "conglomérats",
           "et", "économique", "sociale", "relative", "matière", "au", "titre", "jour",
           "ordre", "vue"],
}
_GAPS = [" ", "  ", ", ", " - ", "; ", "\t", "\u00a0", " (", ") ", "’", "-", "."]


@pytest.mark.parametrize("lang", ["en", "fr"])
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_scanner_agrees_on_random_texts(lang, data):
    texts = []
    for _ in range(data.draw(st.integers(1, 4))):
        words = data.draw(st.lists(st.sampled_from(_WORDS[lang]), max_size=14))
        gaps = data.draw(st.lists(st.sampled_from(_GAPS), min_size=len(words) + 1,
                                  max_size=len(words) + 1))
        texts.append(gaps[0].strip() + "".join(w + g for w, g in zip(words, gaps[1:],
                                                                      strict=True)))
    _agree(lang, texts, ("value chain", "de la valeur") if data.draw(st.booleans()) else ())


def test_scanner_starts_no_candidate_where_the_extractor_starts_none():
    # "relatif" heads no French term (stopwords.NOT_HEAD) but ends one
    _agree("fr", ["La directive relative à la limitation des émissions sonores.",
                  "Le principe de stabilité relative, relatives aux quotas.",
                  "La recherche en matière de défense, au titre des directives, en vertu du "
                  "mandat, dans le cadre des activités et le cadre communautaire.",
                  "Matière première en matière, cadre dans le cadre."])


def test_scanner_agrees_on_fixed_expressions_and_verbs_after_a_noun():
    # "mise en œuvre" is one candidate, "ordre du jour" one though "jour" is a vague noun,
    # and an English verb in "-s" before an article is no content word
    _agree("fr", ["la mise en œuvre de l'ordre du jour; mise, en œuvre; ordre du, jour",
                  "règle de mise en place, ordre de la journée, mise en uvre du jour",
                  "l'ordre du jour du jour, mise en mise en œuvre"])
    _agree("en", ["shipbuilding remains a strategic industry; the decision replaces the Annex",
                  "grants Member States the right; value chains, the process the; remains a",
                  "it remains the value; benefits the, chains its rules"])


def test_scanner_agrees_on_longer_complements(monkeypatch):
    # "N of N" candidates take one word after "of"; the scanner follows a longer limit too
    from tmx_export.terms import candidates, patterns

    for module in (candidates, patterns):
        monkeypatch.setattr(module, "MAX_COMPLEMENT_WORDS", 3)
    texts = EN_TEXTS + ["the transport of dangerous goods by road; freedom of movement"]
    assert any(o.key == "transport of dangerous good"
               for o in Extractor("en").candidates(Extractor("en").tokens(texts[-1])))
    _agree("en", texts)
    _agree("en", texts, ("Member States", "of dangerous"))


def test_scanner_agrees_on_names_joined_by_of_the():
    # issue 11: "Official Journal of the European Union" is one candidate; a name that goes
    # on before or after ("Court of Justice of ...", "... and of the Council"), words not
    # capitalised or acronyms are none
    texts = ["published in the Official Journal of the European Union.",
             "the General Secretariat of the Council, the Court of Justice of the European Union",
             "Regulation of the European Parliament and of the Council; EC of the Commission",
             "the responsibility of the Commission; Statute of the European System of Banks",
             "Official Journal of the European Union of"]
    extractor = Extractor("en")
    names = [[o.key for o in extractor.candidates(extractor.tokens(text)) if " the " in o.key]
             for text in texts]
    assert names == [["official journal of the european union"],
                     ["general secretariat of the council"], [], [], []]
    _agree("en", texts)
    _agree("en", EN_TEXTS + texts, ("Official Journal",))


def test_scanner_tokenises_across_batches():
    texts = [f"value chain {n} of the cluster; rapidly" for n in range(5000)]
    _agree("en", texts)  # more than one batch of pieces


def test_trie_unifies_keys_whose_pieces_hold_spaces():
    names = ["a b", "c", "a", "b c", "d"]
    chains = _Chains()
    chains.new(3, 3)
    rows = np.arange(3)
    chains.piece(0, rows, np.array([0, 2, 4]))  # "a b" | "a" | "d"
    chains.piece(1, rows, np.array([1, 3, 1]))  # + "c" | + "b c" | + "c"
    chains.end(1, rows, rows)
    trie = _Trie(names)
    nodes = trie.unify(trie.build(chains))
    assert nodes[0] == nodes[1] != nodes[2]
    assert trie.find("a b c", {}) == nodes[0]


def test_token_bit_sets():
    first = np.array([0, 3, 60, 0, 70, 10], np.int32)
    last = np.array([1, 5, 62, 62, 75, 64], np.int32)
    assert _bits(first, last) == [((1 << (b - a)) - 1) << a for a, b in
                                  zip(first.tolist(), last.tolist(), strict=True)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(1, 4)), max_size=12))
def test_contested_spans_share_a_token_with_another(spans):
    first = np.array([a for a, _ in spans], np.int64)
    last = np.array([a + n for a, n in spans], np.int64)
    expected = [any(i != j and max(a, c) < min(b, d)
                    for j, (c, d) in enumerate(zip(first.tolist(), last.tolist(), strict=True)))
                for i, (a, b) in enumerate(zip(first.tolist(), last.tolist(), strict=True))]
    assert _contested(first, last).tolist() == expected


def _greedy_links(src, tgt, codes: list[int], scores: list[float], width: int,
                  nested: list | None = None) -> list[tuple]:
    """Competitive linking as its definition says: every (source, target) occurrence pair
    of a piece whose code may be linked, best first (ties to the later occurrences), each
    linked unless a token of either side is used up; or, multi-word on both sides, linked
    nested when it lies strictly inside both sides of one link and shares no token with
    another nested link. Nested links of a pair that is never linked otherwise and always
    nested in links of one pair are dropped, unless the pair is once the head of its link
    (``nested`` gets every nested link, before that drop)."""
    score_of = dict(zip(codes, scores, strict=True))
    links = []
    inside: list[tuple[tuple, int]] = []
    heads: set[int] = set()
    for p in range(len(src.starts) - 1):
        n_s = int(src.tok_base[p + 1] - src.tok_base[p])
        n_t = int(tgt.tok_base[p + 1] - tgt.tok_base[p])
        options = []
        for e in range(int(src.starts[p]), int(src.starts[p + 1])):
            for f in range(int(tgt.starts[p]), int(tgt.starts[p + 1])):
                code = int(src.ids[e]) * width + int(tgt.ids[f])
                if code in score_of:
                    sf, sl = int(src.first[e]), int(src.last[e])
                    tf, tl = int(tgt.first[f]), int(tgt.last[f])
                    near = 1.0 - 0.3 * abs((sf + sl) / (2.0 * n_s) - (tf + tl) / (2.0 * n_t))
                    multi = (src.words[src.ids[e]] >= 2) and (tgt.words[tgt.ids[f]] >= 2)
                    options.append((-(score_of[code] * near), -e, -f, code, sf, sl, tf, tl,
                                    bool(multi)))
        used_s: set[int] = set()
        used_t: set[int] = set()
        nested_s: set[int] = set()
        nested_t: set[int] = set()
        outer: list[tuple[set[int], set[int], int]] = []
        for *_, code, sf, sl, tf, tl, multi in sorted(options):
            s_span, t_span = set(range(sf, sl)), set(range(tf, tl))
            if used_s.isdisjoint(s_span) and used_t.isdisjoint(t_span):
                used_s |= s_span
                used_t |= t_span
                outer.append((s_span, t_span, code))
                links.append((p, code, sf, sl, tf, tl))
            elif multi and nested_s.isdisjoint(s_span) and nested_t.isdisjoint(t_span):
                for o_s, o_t, o_code in outer:
                    if s_span < o_s and t_span < o_t:
                        nested_s |= s_span
                        nested_t |= t_span
                        inside.append(((p, code, sf, sl, tf, tl), o_code))
                        # at the start of both sides of a link whose source has linking
                        # words (more tokens than content words): the head of a name or an
                        # "N of N" term, kept as if linked alone
                        if (sf == min(o_s) and tf == min(o_t)
                                and len(o_s) > src.words[o_code // width]):
                            heads.add(code)
                        break
    alone = {link[1] for link in links} | heads
    contexts: dict[int, set[int]] = {}
    for link, o_code in inside:
        contexts.setdefault(link[1], set()).add(o_code)
    kept = [link for link, _ in inside if link[1] in alone or len(contexts[link[1]]) > 1]
    if nested is not None:
        nested.extend(link for link, _ in inside)
    return sorted(links + kept)


@pytest.mark.parametrize("chunk", [10, 500_000])  # many slices of pieces, and one
def test_linking_is_the_greedy_choice_over_every_option(monkeypatch, chunk):
    units, _ = read_units(["samples/ep-industrial-policy-34.txt",
                           "samples/ep-2000-01-17-numbered.txt"])
    src, tgt, _, _ = _pass_one(units, [], True, ("en-GB", "fr-FR"))
    width = len(tgt.keys)
    met = set()  # every pair of ids that meet in a piece
    for p in range(len(src.starts) - 1):
        for e in src.ids[src.starts[p]:src.starts[p + 1]].tolist():
            for f in tgt.ids[tgt.starts[p]:tgt.starts[p + 1]].tolist():
                met.add(e * width + f)
    rng = np.random.default_rng(7)
    codes = sorted(c for c in met if rng.random() < 0.6)
    scores = np.round(rng.random(len(codes)), 1)  # ties, to be broken by position
    # longer pairs mostly first, so that shorter ones are linked nested in them
    code_arr = np.array(codes, np.int64)
    scores += 0.5 * (src.words[code_arr // width] + tgt.words[code_arr % width])
    monkeypatch.setattr(linking, "LINK_CHUNK", chunk)
    found = _link(src, tgt, np.array(codes, np.int64), scores, width)
    assert len(found[0]) > 100
    nested: list[tuple] = []
    assert list(zip(*[a.tolist() for a in found], strict=True)) == _greedy_links(
        src, tgt, codes, scores.tolist(), width, nested)
    assert nested  # terms linked inside longer ones (and dropped: each in one pair only)


_PUNCTUATION = st.text(alphabet=st.sampled_from(list("ab. ;!?…\"'”’)]»\u00a0\n\r\u2028Aé5x")),
                       max_size=40)


@settings(max_examples=300, deadline=None)
@given(_PUNCTUATION, _PUNCTUATION)
def test_pieces_of_a_unit_without_a_cut(source, target):
    # the fast path (no punctuation with text after it, no line break: one piece) gives
    # what cutting sentence by sentence, then clause by clause, gives
    slow = []
    for s_span, t_span in _cut(source, target, (0, len(source)), (0, len(target)),
                               sentence_spans, ("en", "fr")):
        slow.extend(_cut(source, target, s_span, t_span, clause_spans, ("en", "fr")))
    assert piece_spans(source, target) == slow
    if _WHOLE.search(source) is None:
        assert len(sentence_spans(source)) <= 1 and len(clause_spans(source)) <= 1


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_fold_is_lower_case_without_marks(text):
    expected = "".join(ch for ch in unicodedata.normalize("NFKD", text.lower())
                       if not unicodedata.combining(ch))
    # ligatures, ß, letters with a stroke, final sigma and apostrophes spelled out, hyphens
    # as spaces (as the page's search reads a query)
    for written, spelled in _SPELLED_OUT_LETTERS.items():
        expected = expected.replace(written, spelled)
    assert fold(text) == expected


def _tricky_pairs() -> list[TermPair]:
    values = ["cluster", "a & b", "<x>", 'say "hi"', "l'été", "line\nbreak", "tab\there",
              "  spaced ", "😀 émoji", "_x0041_ text", "=SUM(A1)", "\u2028sep", "\x85c1"]
    pairs = []
    for n, value in enumerate(values):
        pair = TermPair("en-GB", "fr-FR", "k", f"k{n}", source_term=value or "x",
                        target_term=values[-n - 1], status=("proposed", "approved",
                                                            "forbidden")[n % 3],
                        note=values[n - 3] if n % 2 else "", pos="noun" if n % 3 else None,
                        status_date="2024-01-02T03:04:05Z" if n % 4 == 0 else None)
        pair.forms[(values[n - 1], value, values[n - 2])] += 2
        pair.forms[("doc", value.upper(), "x")] += 1
        pair.contexts.append(Context("1", "doc", f"{value} here", f"là {value}", (0, 1),
                                     (0, 1)))
        pairs.append(pair)
    for pair in pairs:
        pair.competitors = [p for p in pairs if p is not pair][:2]
    return pairs


@pytest.mark.parametrize("version", [2, 3])
def test_tbx_entries_written_as_text_are_what_lxml_writes(tmp_path, monkeypatch, version):
    pairs = _tricky_pairs()
    tbx.write_tbx(pairs, tmp_path / "fast.tbx", version=version)
    monkeypatch.setattr(tbx, "_entry_text", lambda *args: None)
    tbx.write_tbx(pairs, tmp_path / "tree.tbx", version=version)
    assert (tmp_path / "fast.tbx").read_bytes() == (tmp_path / "tree.tbx").read_bytes()


def test_termbase_update_keeps_row_order_and_the_context_cap(tmp_path):
    units = [Pair(f"The value chain and the cluster {n}.", f"La chaîne de valeur et le "
                  f"conglomérat {n}.", "en-GB", "fr-FR", file=f"d{n % 3}", tuid=str(n))
             for n in range(30)]
    db = tmp_path / "tb.db"
    with Termbase(db) as termbase:
        for doc in ("d0", "d1", "d2"):
            mine = [u for u in units if u.file == doc]
            found = extract_terms(mine, max_contexts=6)
            summary = termbase.update(found, {doc: Document(doc, f"fp-{doc}", len(mine))})
            assert summary.new_pairs + summary.updated_pairs > 0
        pairs = termbase.pairs()
    with sqlite3.connect(db) as con:
        ids = [row[0] for row in con.execute("SELECT id FROM pairs ORDER BY rowid")]
        per_pair = [n for (n,) in con.execute(
            "SELECT count(*) FROM contexts GROUP BY pair_id")]
        counts = dict(con.execute(
            "SELECT p.source_lemma || ' > ' || p.target_lemma, sum(o.count) FROM pairs p "
            "JOIN occurrences o ON o.pair_id = p.id GROUP BY p.id"))
    assert ids == list(range(1, len(ids) + 1))
    assert max(per_pair) == MAX_STORED_CONTEXTS  # 3 x 6 offered, 10 kept
    chain = next(p for p in pairs if p.source_term == "value chain")
    assert chain.target_term == "chaîne de valeur" and chain.count == 30
    assert counts["value chain > chaîne de valeur"] == 30


def _flagged_pairs(first_flagged: bool) -> list[TermPair]:
    """Tricky texts, and pairs with a rival rendering (flagged "inconsistent"): the first
    row or a later one is the first flagged, which decides the order of the formats."""
    pairs = _tricky_pairs()
    long = TermPair("en-GB", "fr-FR", "long", "long", source_term="x" * 40_000 + "😀",
                    target_term="<r>rich?</r>", note="\x01ctl \ufffe end\u00a0")
    long.forms[("doc", "x", "y")] += 1
    pairs.append(long)
    for n, pair in enumerate(pairs[:4]):
        pair.source_lemma, pair.target_lemma, pair.dice = "same", f"rival {n}", 0.5
        pair.forms[("doc", "more", "more")] += 3
        pair.competitors = [p for p in pairs[:4] if p is not pair]
    if not first_flagged:
        pairs.append(pairs.pop(0))
        pairs.append(pairs.pop(0))
    return pairs


@pytest.mark.parametrize("first_flagged", [True, False])
def test_review_rows_written_as_xml_are_what_the_cell_api_writes(tmp_path, monkeypatch,
                                                                 first_flagged):
    from tmx_export.terms import _sheet_xml
    from tmx_export.terms.review import write_review

    pairs = _flagged_pairs(first_flagged)
    assert sum(p.inconsistent for p in pairs) == 4
    fast_rows = []
    monkeypatch.setattr(_sheet_xml, "write_rows", _spy(_sheet_xml.write_rows, fast_rows))
    write_review(pairs, tmp_path / "fast.xlsx")
    assert fast_rows  # the XML path was taken
    monkeypatch.setattr(_sheet_xml, "usable", lambda sheet: False)
    write_review(pairs, tmp_path / "cells.xlsx")
    assert _xlsx_members(tmp_path / "fast.xlsx") == _xlsx_members(tmp_path / "cells.xlsx")


def _spy(function, calls: list):
    def spy(*args, **kwargs):
        calls.append(args)
        return function(*args, **kwargs)
    return spy


def _xlsx_members(path) -> list[tuple[str, bytes]]:
    """The members of a workbook, the creation time (of the run) left out."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as book:
        return [(info.filename, re.sub(rb"<dcterms:(created|modified)[^<]*<", b"<",
                                       book.read(info)))
                for info in book.infolist()]


def _units(n: int = 60) -> list[Pair]:
    return [Pair(f"The value chain and the cluster policy {k}. The SME policy of region {k}.",
                 f"La chaîne de valeur et la politique des conglomérats {k}. La politique "
                 f"des PME de la région {k}.", "en-GB", "fr-FR", file=f"d{k % 3}",
                 tuid=str(k)) for k in range(n)]


def _signature(pairs: list[TermPair]) -> list[tuple]:
    return [(p.id, p.key, p.source_term, p.target_term, repr(p.dice), repr(p.llr),
             repr(p.score), p.pos, p.glossary, p.status, list(p.forms.items()),
             [(c.tuid, c.file, c.source, c.target, c.source_span, c.target_span)
              for c in p.contexts], [q.key for q in p.competitors]) for p in pairs]


@pytest.mark.parametrize("before", ["nothing", "a document without pairs", "pairs"])
def test_pairs_of_an_update_are_what_reading_back_gives(tmp_path, before):
    units = _units()
    documents = {f"d{k}": Document(f"d{k}", f"fp{k}", 20) for k in range(3)}
    db = tmp_path / "tb.db"
    with Termbase(db) as termbase:
        if before == "a document without pairs":
            termbase.update([], {"d1": documents["d1"]})  # d1 is known: its forms not counted
        elif before == "pairs":
            termbase.update(extract_terms(units[:9]), {"d0": documents["d0"]})
        found = extract_terms(units, max_contexts=4)
        summary, pairs = termbase.update_and_read(found, documents, max_contexts=3)
    with Termbase(db) as termbase:
        read_back = termbase.pairs(max_contexts=3)
    if before == "pairs":  # not a new termbase: the pairs are read back
        assert pairs is None
        return
    assert pairs and _signature(pairs) == _signature(read_back)
    assert summary.known_documents == ([] if before == "nothing" else ["d1"])
    assert all(len(p.contexts) <= 3 for p in pairs)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("abc"), st.sampled_from(["x", "X", "y"]),
                          st.sampled_from(["u", "v", "w"]), st.integers(1, 4)), max_size=12))
def test_tallies_are_the_three_counters(rows):
    pair = TermPair("en", "fr", "s", "t")
    for doc, source, target, n in rows:
        pair.forms[(doc, source, target)] += n
    documents, sources, targets = pair.tallies()
    for mine, counter in ((documents, pair.documents), (sources, pair.source_variants),
                          (targets, pair.target_variants)):
        assert list(mine.items()) == list(counter.items())
        assert most_common(mine) == counter.most_common()


def test_tallies_follow_changes_of_the_forms():
    pair = TermPair("en", "fr", "s", "t")
    pair.forms[("d1", "Cluster", "grappe")] += 2
    pair.forms[("d2", "cluster", "grappe")] += 2
    assert pair.tallies()[1] == {"Cluster": 2, "cluster": 2}
    pair.forms[("d2", "cluster", "grappe")] += 1  # same keys, another count
    assert pair.tallies()[1] == {"Cluster": 2, "cluster": 3}
    pair.forms = Counter(dict(reversed(pair.forms.items())))  # same counts, another order
    assert list(pair.tallies()[1]) == ["cluster", "Cluster"]
    assert most_common(pair.tallies()[0]) == [("d2", 3), ("d1", 2)]


def _plain_pair_forms(units, codes, unit_of, spans, initial, source_lang, target_lang):
    """What :func:`associate._pair_forms` gives, link by link in pair order (the forms
    sliced as each pair's links come, as it was first written)."""
    made: dict[int, TermPair] = {}
    firsts: dict[int, Counter] = {}
    for at in np.argsort(codes, kind="stable").tolist():
        code = int(codes[at])
        unit = units[int(unit_of[at])]
        s0, s1, t0, t1 = spans[at].tolist()
        form = (unit.file, unit.source[s0:s1], unit.target[t0:t1])
        if code not in made:
            made[code] = TermPair(source_lang, target_lang, form[1], form[2])
        made[code].forms[form] += 1
        if initial[at]:
            firsts.setdefault(code, Counter())[form] += 1
    first_link: dict[int, int] = {}
    for at, code in enumerate(codes.tolist()):
        first_link.setdefault(code, at)
    pairs = {code: made[code] for code in sorted(made, key=first_link.__getitem__)}
    return pairs, firsts


@pytest.mark.parametrize("batch", [7, 100_000])  # many batches of links, and one
def test_pair_forms_sliced_in_link_order_are_what_pair_order_gives(monkeypatch, batch):
    units = []  # the Europarl sessions, one pair per paragraph (as terms_precision.py)
    for name in ("ep-00-01-17", "ep-00-01-21"):
        sides = [(DATA / "europarl-sessions" / f"{name}.{lang}.txt").read_text(
            encoding="utf-8").splitlines() for lang in ("en", "fr")]
        units += [Pair(s, t, "en-GB", "fr-FR", file=name, line=n, tuid=f"{name}-{n}")
                  for n, (s, t) in enumerate(zip(*sides, strict=True), 1) if s.strip()]
    fast = associate._pair_forms
    calls = []

    def both(units, codes, unit_of, spans, initial, source_lang, target_lang):
        got = fast(units, codes, unit_of, spans, initial, source_lang, target_lang, batch)
        want = _plain_pair_forms(units, codes, unit_of, spans, initial, source_lang,
                                 target_lang)
        assert list(got[0]) == list(want[0])
        for code, pair in want[0].items():
            mine = got[0][code]
            assert (mine.source_lemma, mine.target_lemma) == (pair.source_lemma,
                                                              pair.target_lemma)
            assert list(mine.forms.items()) == list(pair.forms.items())
        assert {c: list(f.items()) for c, f in got[1].items()} == {
            c: list(f.items()) for c, f in want[1].items()}
        calls.append(len(codes))
        return got

    monkeypatch.setattr(associate, "_pair_forms", both)
    assert extract_terms(units)
    assert calls and calls[0] > 1000


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(list("aÉé&<>\"' x\u0301ﬁ")), max_size=20),
                max_size=6))
def test_contexts_escaped_one_by_one_are_the_joined_contexts_escaped(texts):
    from tmx_export.terms.report import _escape, _folded_escaped

    assert " ".join(map(_folded_escaped, texts)) == _escape(" ".join(map(fold, texts)))


def test_a_new_termbase_ranks_its_pairs_with_the_slid_verdicts_of_extraction(tmp_path,
                                                                               monkeypatch):
    # a run ranks its pairs twice (after extraction, and as a new termbase gives them back):
    # the second ranking looks up what the first found of each pair's contexts
    from tmx_export.terms import rank

    monkeypatch.setattr(rank, "_SLID_MEMO", rank._SlidMemo())
    found = extract_terms(_units(), max_contexts=4)
    assert any(p.contexts for p in found)
    judged = []
    real = rank._slid_contexts
    monkeypatch.setattr(rank, "_slid_contexts",
                        lambda pair, *rest: judged.append(pair.key) or real(pair, *rest))
    documents = {f"d{k}": Document(f"d{k}", f"fp{k}", 20) for k in range(3)}
    with Termbase(tmp_path / "tb.db") as termbase:
        _, pairs = termbase.update_and_read(found, documents, max_contexts=4)
    assert pairs and judged == []
    # and the verdicts are those of a ranking that judges every pair afresh
    monkeypatch.setattr(rank, "_SLID_MEMO", rank._SlidMemo())
    with Termbase(tmp_path / "tb.db") as termbase:
        read_back = termbase.pairs(max_contexts=4)
    assert len(judged) == sum(1 for p in read_back if p.contexts)
    assert _signature(read_back) == _signature(pairs)
    assert [p.slid for p in read_back] == [p.slid for p in pairs]


def test_a_run_lets_go_of_the_slid_verdicts_once_its_pairs_are_ranked(tmp_path, monkeypatch):
    from tmx_export.terms import rank
    from tmx_export.terms.run import run_terms

    table = tmp_path / "d.tsv"
    table.write_text("en-GB\tfr-FR\n" + "".join(f"{u.source}\t{u.target}\n" for u in _units()),
                     encoding="utf-8")
    monkeypatch.setattr(rank, "_SLID_MEMO", rank._SlidMemo())
    for termbase in (None, str(tmp_path / "tb.db")):
        assert run_terms([str(table)], termbase_path=termbase)
        assert rank._SLID_MEMO.verdicts == {}


def test_the_collector_stays_paused_from_extraction_to_the_end_of_the_update(tmp_path,
                                                                              monkeypatch):
    # re-enabled between them, it walked every unit and pair of a large run at once
    import gc

    from tmx_export.terms.run import run_terms

    table = tmp_path / "d.tsv"
    table.write_text("en-GB\tfr-FR\n" + "".join(f"{u.source}\t{u.target}\n" for u in _units()),
                     encoding="utf-8")
    seen = []
    recount = Termbase.recount
    monkeypatch.setattr(Termbase, "recount",
                        lambda *args, **kw: seen.append(gc.isenabled()) or recount(*args, **kw))
    assert gc.isenabled()
    pairs = run_terms([str(table)], termbase_path=str(tmp_path / "tb.db"))
    assert pairs and seen == [False]
    assert gc.isenabled()  # and running again after the update
