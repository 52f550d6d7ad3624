"""Pairing source and target candidate terms over aligned units.

The classic recipe of bilingual term extraction, in four passes over the units:

1. candidates on both sides (:mod:`.candidates`), counted, kept as small integer arrays;
2. co-occurrence of source and target candidates in the same unit, for the candidates that
   recur and mostly stand in head position (the rest are modifiers: "European",
   "industrielle"); pairs whose lengths differ by more than one content word are not
   counted (length prior);
3. association (Dice and log-likelihood) and, unit by unit, *competitive linking*: the best
   associated occurrence pair is linked first and its tokens are used up, so "value chain" ->
   "chaîne de valeur" leaves nothing for "chain" -> "chaîne" to claim. Longer matches and
   matches at similar relative positions win ties (length/position prior);
4. for the pairs that recur (``min_count``) and their competitors, the surface forms, the
   documents and a few contexts.

Pairs are ranked by count x Dice x a length factor (longer terms are more specific) x a
specificity factor: terms frequent in general language (wordfreq) rank lower than terms
frequent only in the corpus, which is what makes a term a term.
"""

from __future__ import annotations

import math
from array import array
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from ..model import Pair
from .candidates import Extractor, Occurrence, Token
from .stopwords import NOT_ALONE, NOT_STOP
from .termpair import Context, TermPair

MIN_HEAD_RATIO = 0.2
MIN_DICE = 0.1  # association below which two candidates are never linked
GLOSSARY_BONUS = 10.0  # glossary pairs are linked before any corpus association


@dataclass(slots=True)
class _Side:
    """Interned candidate keys of one language and their corpus counts."""

    ids: dict[str, int]
    keys: list[str]
    occ: list[int]
    head: list[int]
    words: list[int]
    df: list[int]  # units holding the candidate

    @classmethod
    def new(cls) -> _Side:
        return cls({}, [], [], [], [], [])

    def add(self, occurrence: Occurrence) -> int:
        index = self.ids.get(occurrence.key)
        if index is None:
            index = self.ids[occurrence.key] = len(self.keys)
            self.keys.append(occurrence.key)
            self.occ.append(0)
            self.head.append(0)
            self.words.append(occurrence.words)
            self.df.append(0)
        self.occ[index] += 1
        self.head[index] += occurrence.head
        return index


def unit_tuid(unit: Pair, index: int) -> str:
    """The unit's TMX ``tuid``, or a stand-in naming where it came from."""
    tuid = unit.props.get("tuid") if unit.props else None
    return tuid or f"{unit.file or 'unit'}:{unit.line or index + 1}"


def extract_terms(
    units: Iterable[Pair],
    *,
    min_count: int = 2,
    glossary: Iterable[tuple[str, str]] | None = None,
    max_contexts: int = 5,
) -> list[TermPair]:
    """Recurring term pairs in aligned ``units`` (sentence or clause pairs), best first.

    A pair is recorded when its terms are linked at least ``min_count`` times; pairs of the
    ``glossary`` (source term, target term) are recorded whenever they occur, with inflection.
    Every recorded pair keeps up to ``max_contexts`` contexts and its competitors.
    All units must share one language pair.
    """
    units = units if isinstance(units, list) else list(units)
    if not units:
        return []
    source_lang, target_lang = units[0].source_lang, units[0].target_lang
    for unit in units:
        if (unit.source_lang, unit.target_lang) != (source_lang, target_lang):
            raise ValueError(
                f"units mix language pairs: {source_lang}->{target_lang} and "
                f"{unit.source_lang}->{unit.target_lang}"
            )
    glossary = list(glossary or ())
    src_x = Extractor(source_lang, (s for s, _ in glossary))
    tgt_x = Extractor(target_lang, (t for _, t in glossary))
    src, tgt = _Side.new(), _Side.new()

    # Pass 1: candidates of every unit, as flat int arrays (id, first, last) per side, and
    # the character offsets of the tokens (start, end, ...) for pass 4.
    stored: list[tuple[array, array, int, int]] = []
    offsets: list[tuple[array, array]] = []
    for unit in units:
        stoks = src_x.tokens(unit.source)
        ttoks = tgt_x.tokens(unit.target)
        sa, ta = array("i"), array("i")
        for occurrence in src_x.candidates(stoks):
            sa.extend((src.add(occurrence), occurrence.first, occurrence.last))
        for occurrence in tgt_x.candidates(ttoks):
            ta.extend((tgt.add(occurrence), occurrence.first, occurrence.last))
        for index in set(sa[::3]):
            src.df[index] += 1
        for index in set(ta[::3]):
            tgt.df[index] += 1
        stored.append((sa, ta, len(stoks), len(ttoks)))
        offsets.append((array("i", [x for t in stoks for x in (t.start, t.end)]),
                        array("i", [x for t in ttoks for x in (t.start, t.end)])))

    width = len(tgt.keys) + 1  # pair code = source id * width + target id
    glossary_codes = _glossary_codes(glossary, src_x, tgt_x, src, tgt)
    s_ok = _eligible(src, min_count, {c // width for c in glossary_codes}, src_x.lang)
    t_ok = _eligible(tgt, min_count, {c % width for c in glossary_codes}, tgt_x.lang)

    # Pass 2: in how many units each eligible source and target candidate of compatible
    # length meet. Codes (source id * width + target id) are gathered in numpy chunks and
    # counted by sorting: a dict of every pair seen once would not fit in memory at 100k units.
    s_words, t_words = src.words, tgt.words
    chunks: list[np.ndarray] = []
    codes: list[int] = []
    for sa, ta, _, _ in stored:
        es = {sa[i] for i in range(0, len(sa), 3) if s_ok[sa[i]]}
        if not es:
            continue
        fs = [(f, t_words[f]) for f in {ta[i] for i in range(0, len(ta), 3) if t_ok[ta[i]]}]
        for e in es:
            we = s_words[e]
            base = e * width
            codes.extend([base + f for f, wf in fs if -1 <= we - wf <= 1])
        if len(codes) > 1_000_000:
            chunks.append(np.array(codes, dtype=np.int64))
            codes = []
    chunks.append(np.array(codes, dtype=np.int64))
    del codes
    floor = max(1, min(min_count, 2))
    every = np.concatenate(chunks)
    del chunks
    every.sort()
    starts = np.flatnonzero(np.r_[True, every[1:] != every[:-1]])
    pair_codes = every[starts]
    pair_units = np.diff(np.r_[starts, every.size])
    del every, starts
    # Pairs that meet in a small share of the units holding either term are chance company;
    # dropping them here keeps memory flat and linking fast.
    df_s = np.asarray(src.df, dtype=np.float64)
    df_t = np.asarray(tgt.df, dtype=np.float64)
    dice = 2.0 * pair_units / (df_s[pair_codes // width] + df_t[pair_codes % width])
    keep = (pair_units >= floor) & (dice >= MIN_DICE)
    del dice
    if glossary_codes:
        keep |= np.isin(pair_codes, np.fromiter(glossary_codes, dtype=np.int64))
    cooc_units = dict(zip(pair_codes[keep].tolist(), pair_units[keep].tolist(), strict=True))
    del pair_codes, pair_units, keep

    # Association, then the partners each source candidate may be linked with.
    n_units = len(units)
    partners: dict[int, dict[int, float]] = {}
    dice_of: dict[int, float] = {}
    for code, a in cooc_units.items():
        is_glossary = code in glossary_codes
        e, f = divmod(code, width)
        dice = 2.0 * a / (src.df[e] + tgt.df[f])
        dice_of[code] = dice
        score = _length_prior(s_words[e], t_words[f]) * dice
        partners.setdefault(e, {})[f] = score + (GLOSSARY_BONUS if is_glossary else 0.0)

    # Pass 3: competitive linking, unit by unit.
    link_count: Counter[int] = Counter()
    link_units: Counter[int] = Counter()
    unit_links: dict[int, list[tuple[int, int, int, int, int]]] = {}
    for index, (sa, ta, ns, nt) in enumerate(stored):
        links = _link_unit(sa, ta, ns, nt, partners, width)
        if links:
            unit_links[index] = links
            for code in {link[0] for link in links}:
                link_units[code] += 1
            link_count.update(link[0] for link in links)
    del stored, partners

    recorded = {
        code for code, n in link_count.items()
        if n >= min_count or (code in glossary_codes and n >= 1)
    }
    rec_src = {code // width for code in recorded}
    rec_tgt = {code % width for code in recorded}
    wanted = {
        code for code in link_count
        if code in recorded or code // width in rec_src or code % width in rec_tgt
    }

    # Pass 4: surface forms, documents and contexts of the recorded pairs and competitors.
    pairs = {
        code: TermPair(source_lang, target_lang, src.keys[code // width], tgt.keys[code % width])
        for code in wanted
    }
    initial: dict[int, Counter[tuple[str, str, str]]] = {}
    for index, links in unit_links.items():
        links = [link for link in links if link[0] in wanted]
        if not links:
            continue
        unit = units[index]
        s_off, t_off = offsets[index]
        for code, s1, s2, t1, t2 in links:
            pair = pairs[code]
            sspan = (s_off[2 * s1], s_off[2 * s2 - 1])
            tspan = (t_off[2 * t1], t_off[2 * t2 - 1])
            form = (unit.file, unit.source[sspan[0]:sspan[1]], unit.target[tspan[0]:tspan[1]])
            pair.forms[form] += 1
            if s1 == 0 or t1 == 0:  # capitalised by the sentence, perhaps
                initial.setdefault(code, Counter())[form] += 1
            if (code in recorded and len(pair.contexts) < max_contexts
                    and not (pair.contexts and pair.contexts[-1].tuid == unit_tuid(unit, index))):
                pair.contexts.append(Context(unit_tuid(unit, index), unit.file, unit.source,
                                             unit.target, sspan, tspan))
    del unit_links, offsets

    for code, pair in pairs.items():
        _decapitalise_initials(pair, initial.get(code))
        pair.units = link_units[code]
        e, f = divmod(code, width)
        a = cooc_units.get(code, 0)
        pair.dice = dice_of.get(code, 0.0)
        pair.llr = _llr(a, src.df[e], tgt.df[f], n_units) if a else 0.0
        pair.glossary = code in glossary_codes
        pair.source_term = citation_form(pair.source_variants, src_x)
        pair.target_term = citation_form(pair.target_variants, tgt_x)
        words = (s_words[code // width], t_words[code % width])
        if min(words) > 1:
            pair.pos = "noun"  # the multi-word patterns are noun phrases
    result = []
    by_source: dict[str, list[TermPair]] = {}
    by_target: dict[str, list[TermPair]] = {}
    for pair in pairs.values():
        by_source.setdefault(pair.source_lemma, []).append(pair)
        by_target.setdefault(pair.target_lemma, []).append(pair)
    for code in recorded:
        pair = pairs[code]
        pair.competitors = [
            p for p in by_source[pair.source_lemma] + by_target[pair.target_lemma]
            if p is not pair
        ]
        pair.score = rank_score(pair, s_words[code // width], t_words[code % width])
        result.append(pair)
    result.sort(key=lambda p: (-p.score, -p.count, p.source_term, p.target_term))
    return result


def _eligible(side: _Side, min_count: int, forced: set[int], lang: str) -> list[bool]:
    general = NOT_ALONE.get(lang, frozenset())
    ok = [
        occ >= min_count and head >= MIN_HEAD_RATIO * occ and key not in general
        for occ, head, key in zip(side.occ, side.head, side.keys, strict=True)
    ]
    for index in forced:
        ok[index] = True
    return ok


def _glossary_codes(
    glossary: Sequence[tuple[str, str]], src_x: Extractor, tgt_x: Extractor,
    src: _Side, tgt: _Side,
) -> set[int]:
    width = len(tgt.keys) + 1
    codes = set()
    for source, target in glossary:
        e = src.ids.get(src_x.key(source))
        f = tgt.ids.get(tgt_x.key(target))
        if e is not None and f is not None:
            codes.add(e * width + f)
    return codes


def _length_prior(source_words: int, target_words: int) -> float:
    """Favour longer matches, and matches of equal length, in competitive linking."""
    prior = 1.0 + 0.15 * (min(source_words, target_words) - 1)
    return prior if source_words == target_words else prior * 0.75


def _link_unit(
    sa: array, ta: array, ns: int, nt: int, partners: dict[int, dict[int, float]], width: int
) -> list[tuple[int, int, int, int, int]]:
    """Competitive linking in one unit: (code, source first, last, target first, last)."""
    by_target: dict[int, list[int]] = {}
    for j in range(0, len(ta), 3):
        by_target.setdefault(ta[j], []).append(j)
    if not by_target:
        return []
    options = []
    for i in range(0, len(sa), 3):
        mine = partners.get(sa[i])
        if not mine:
            continue
        s_mid = (sa[i + 1] + sa[i + 2]) / (2.0 * ns)
        if len(mine) < len(by_target):
            hits = [(f, by_target[f]) for f in mine if f in by_target]
        else:
            hits = [(f, js) for f, js in by_target.items() if f in mine]
        for f, js in hits:
            base = mine[f]
            for j in js:
                t_mid = (ta[j + 1] + ta[j + 2]) / (2.0 * nt)
                score = base * (1.0 - 0.3 * abs(s_mid - t_mid))
                options.append((score, i, j))
    if not options:
        return []
    options.sort(reverse=True)
    used_s = used_t = 0  # token bit sets
    links = []
    for _, i, j in options:
        s_bits = ((1 << (sa[i + 2] - sa[i + 1])) - 1) << sa[i + 1]
        t_bits = ((1 << (ta[j + 2] - ta[j + 1])) - 1) << ta[j + 1]
        if used_s & s_bits or used_t & t_bits:
            continue
        used_s |= s_bits
        used_t |= t_bits
        links.append((sa[i] * width + ta[j], sa[i + 1], sa[i + 2], ta[j + 1], ta[j + 2]))
    return links


def _llr(a: int, occ_source: int, occ_target: int, n: int) -> float:
    """Dunning's log-likelihood ratio of the 2x2 table of units with/without each term."""
    b = max(occ_source - a, 0)
    c = max(occ_target - a, 0)
    d = max(n - a - b - c, 0)
    total = a + b + c + d

    def h(*counts: int) -> float:
        return sum(k * math.log(k / total) for k in counts if k)

    return 2.0 * (h(a, b, c, d) - h(a + b, c + d) - h(a + c, b + d))


def _decapitalise_initials(pair: TermPair, initial: Counter | None) -> None:
    """Merge "Clusters" at the start of a unit into "clusters" when that form exists."""
    if not initial:
        return
    others = {form: n - initial.get(form, 0) for form, n in pair.forms.items()}
    known_src = {f[1] for f, n in others.items() if n > 0}
    known_tgt = {f[2] for f, n in others.items() if n > 0}
    for form, n in initial.items():
        doc, s, t = form
        s2 = _lower_first(s) if _lower_first(s) in known_src else s
        t2 = _lower_first(t) if _lower_first(t) in known_tgt else t
        if (s2, t2) != (s, t):
            pair.forms[form] -= n
            if pair.forms[form] <= 0:
                del pair.forms[form]
            pair.forms[(doc, s2, t2)] += n


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def citation_form(variants: Counter[str], extractor: Extractor) -> str:
    """The dictionary form of a term from its surface variants: the head in the singular.

    The head is the last word in English ("value chains" -> "value chain") and the first in
    French ("chaînes de valeur" -> "chaîne de valeur"); French adjectives agreeing with the
    head follow it into the singular ("conglomérats transnationaux" -> "conglomérat
    transnational").
    """
    if not variants:
        return ""
    form = max(variants.items(), key=lambda item: (item[1], item[0]))[0]
    tokens = extractor.tokens(form)
    words = [t for t in tokens if t.kind in ("w", "s")]
    if not words:
        return form
    if extractor.lang == "en":
        change = {id(words[-1])}
    else:
        # the head and the adjectives right after it, up to the first linking word
        change = set()
        for token in tokens:
            if token.kind not in ("w", "s"):
                break
            change.add(id(token))
    out = []
    last = 0
    for token in tokens:
        out.append(form[last:token.start])
        text = form[token.start:token.end]
        if id(token) in change:
            text = _singular(text, token, extractor)
        out.append(text)
        last = token.end
    out.append(form[last:])
    return "".join(out)


def _singular(text: str, token: Token, extractor: Extractor) -> str:
    lemma = token.piece
    lower = token.lower
    if lower == lemma or lower in NOT_STOP:  # "goods" is no plural of "good"
        return text
    candidates = []
    if lower.endswith("s"):
        candidates.append(lower[:-1])
    if lower.endswith("x"):
        candidates.append(lower[:-1])
    if lower.endswith("aux"):
        candidates.append(lower[:-3] + "al")
    if lower.endswith("ies"):
        candidates.append(lower[:-3] + "y")
    if lower.endswith("es"):
        candidates.append(lower[:-2])
    if extractor.lang == "en":
        candidates.append(lemma)
    from wordfreq import zipf_frequency

    for candidate in candidates:
        if candidate == lemma or (
            candidate and extractor.tokens(candidate)[0].piece == lemma
        ):
            # "Wales" is not the plural of "wale": keep a plural much more common than its
            # singular in general language.
            lang = extractor.lang
            if zipf_frequency(candidate, lang) < zipf_frequency(lower, lang) - 0.5:
                return text
            return _match_case(candidate, text)
    return text


def _match_case(word: str, model: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def rank_score(pair: TermPair, source_words: int, target_words: int) -> float:
    """count x Dice x length factor x specificity (see the module docstring)."""
    length = math.log2(1 + min(source_words, target_words))
    specificity = (
        _specificity(pair.source_term, pair.source_lang)
        + _specificity(pair.target_term, pair.target_lang)
    ) / 2
    score = pair.count * max(pair.dice, 0.05) * length * specificity
    if _name_like(pair):
        score *= 0.1
    return score


def _specificity(term: str, lang: str) -> float:
    """1 for everyday words (Zipf >= 6) up to 5 for words absent from general language."""
    from wordfreq import zipf_frequency

    zipf = zipf_frequency(term.lower(), lang.split("-")[0].lower())
    return 1.0 + min(max(6.0 - zipf, 0.0), 4.0)


def _name_like(pair: TermPair) -> bool:
    """A person's name: one capitalised word, the same in both languages, not a common word
    ("Koch" -> "Koch"; not "Commission" -> "Commission", not acronyms like "CEN")."""
    from wordfreq import zipf_frequency

    s, t = pair.source_term, pair.target_term
    if s != t or " " in s or not s[:1].isupper() or s.isupper():
        return False
    return all(
        zipf_frequency(s.lower(), lang.split("-")[0].lower()) < 4.0
        for lang in (pair.source_lang, pair.target_lang)
    )
