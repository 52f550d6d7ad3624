"""Aligned units for term pairing: sentence and clause pairs cut from paragraph pairs.

This is the fallback used until the segmenter's own sentence alignment is wired into the
pipeline: it only cuts where both sides agree on the number of pieces.

Term pairing needs units small enough that a source term and its rendering are likely to sit
in the same one. Resolutions of the European Parliament run one sentence over a whole
paragraph, its clauses joined by "; " and a lower-case verb ("...needs; stresses the
importance..."); the clauses are in the same order in both languages, so when both sides
have the same number of them they pair one to one. Otherwise the unit stays whole.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace

from ..model import Pair

# "; " followed by a lower-case letter: a clause boundary, not "; Article 5".
_CLAUSE_BREAK = re.compile(r";\s+(?=[^\W\d_])(?=[a-zà-ÿœ])")


# End of sentence: . ! ? (and closing quotes/brackets) + space + upper-case letter or quote.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"'\u201d\u00bb)]?\s+(?=[\"'\u201c\u00ab(]?[A-ZÀ-ÖØ-Þ])")
# "M. Barroso", "Mr. Evans", "art. 5", "p. 3": a period that ends no sentence.
_ABBREVIATION = re.compile(r"(?:\b(?:M|Mr|Mrs|Ms|Dr|MM|Mme|Art|art|p|pp|No|no|n°|St)\.|\b[A-Z]\.)$")


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text``, cut after . ! ? before an upper-case letter."""
    parts = []
    start = 0
    for match in _SENTENCE_BREAK.finditer(text):
        head = text[start:match.start()]
        if _ABBREVIATION.search(head.rstrip("\"'\u201d\u00bb)")):
            continue
        parts.append(text[start:match.start()].strip())
        start = match.end()
    parts.append(text[start:].strip())
    return [p for p in parts if p]


def split_clauses(text: str) -> list[str]:
    """The clauses of ``text`` (each keeps its closing ";")."""
    parts = []
    start = 0
    for match in _CLAUSE_BREAK.finditer(text):
        parts.append(text[start:match.start() + 1].strip())
        start = match.end()
    parts.append(text[start:].strip())
    return [p for p in parts if p]


def clause_units(pairs: Iterable[Pair], sentences: bool = True) -> Iterator[Pair]:
    """Each pair cut into sentence pairs, and those into clause pairs, where both sides
    have as many pieces; otherwise left whole.

    A piece's ``tuid`` is its pair's ``tuid`` (or file:line) plus ".n" per cut.
    """
    for index, pair in enumerate(pairs):
        tuid = pair.props.get("tuid") or f"{pair.file or 'unit'}:{pair.line or index + 1}"
        pair = replace(pair, props={**pair.props, "tuid": tuid})
        for sentence in (_cut(pair, split_sentences) if sentences else [pair]):
            yield from _cut(sentence, split_clauses)


def _cut(pair: Pair, splitter) -> list[Pair]:
    sources, targets = splitter(pair.source), splitter(pair.target)
    if len(sources) < 2 or len(sources) != len(targets):
        return [pair]
    tuid = pair.props["tuid"]
    return [
        replace(pair, source=source, target=target, props={**pair.props, "tuid": f"{tuid}.{n}"})
        for n, (source, target) in enumerate(zip(sources, targets, strict=True), 1)
    ]


def fingerprint(pairs: Iterable[Pair]) -> str:
    """A document's fingerprint: SHA-256 of its unit texts, in order.

    It identifies the content, not the file name, so a renamed copy of a document already
    counted is still recognised.
    """
    digest = hashlib.sha256()
    for pair in pairs:
        for text in (pair.source_lang, pair.source, pair.target_lang, pair.target):
            digest.update(text.encode("utf-8"))
            digest.update(b"\x00")
    return digest.hexdigest()
