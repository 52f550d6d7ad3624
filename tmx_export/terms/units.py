"""Where term pairing looks: the clauses of aligned units, and document fingerprints.

Term pairing needs units small enough that a source term and its rendering are likely to
sit in the same one. The units come from the pipeline (:func:`tmx_export.pipeline.read_units`,
one per TMX ``<tu>``), but resolutions of the European Parliament run one sentence over a
whole paragraph, its clauses joined by "; " and a lower-case verb ("...needs; stresses the
importance..."). The clauses are in the same order in both languages, so when both sides of
a unit have the same number of them they pair one to one; otherwise the unit stays whole.

The clauses are only where association looks: they are character spans of the unit, and
every context found in one still points at the unit's own ``tuid`` in the TMX.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

from ..model import Pair

# "; " followed by a lower-case letter: a clause boundary, not "; Article 5".
_CLAUSE_BREAK = re.compile(r";\s+(?=[a-zà-ÿœ])")
# End of sentence: . ! ? (and closing quotes/brackets) + space + upper-case letter or quote.
# Units of the sentence segmenter rarely hold two sentences; paragraphs handed to the API
# directly often do.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"'\u201d\u00bb)]?\s+(?=[\"'\u201c\u00ab(]?[A-ZÀ-ÖØ-Þ])")
# "M. Barroso", "Mr. Evans", "art. 5", "p. 3": a period that ends no sentence.
_ABBREVIATION = re.compile(r"(?:\b(?:M|Mr|Mrs|Ms|Dr|MM|Mme|Art|art|p|pp|No|no|n°|St)\.|\b[A-Z]\.)$")

Span = tuple[int, int]


def _trimmed(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """The sentences of ``text[start:end]`` as spans, cut after . ! ? before a capital."""
    end = len(text) if end is None else end
    spans = []
    for match in _SENTENCE_BREAK.finditer(text, start, end):
        head = text[start:match.start()]
        if _ABBREVIATION.search(head.rstrip("\"'\u201d\u00bb)")):
            continue
        spans.append(_trimmed(text, start, match.start()))
        start = match.end()
    spans.append(_trimmed(text, start, end))
    return [span for span in spans if span[0] < span[1]]


def clause_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """The clauses of ``text[start:end]`` as spans (each keeps its closing ";")."""
    end = len(text) if end is None else end
    spans = []
    for match in _CLAUSE_BREAK.finditer(text, start, end):
        spans.append(_trimmed(text, start, match.start() + 1))
        start = match.end()
    spans.append(_trimmed(text, start, end))
    return [span for span in spans if span[0] < span[1]]


def split_clauses(text: str) -> list[str]:
    """The clauses of ``text`` (each keeps its closing ";")."""
    return [text[a:b] for a, b in clause_spans(text)]


def piece_spans(source: str, target: str) -> list[tuple[Span, Span]]:
    """The aligned pieces of one unit: sentence pairs, then clause pairs, cut only where
    both sides have as many pieces; a unit that cannot be cut is one piece."""
    pieces = []
    for s_sent, t_sent in _cut(source, target, [(0, len(source))], [(0, len(target))],
                               sentence_spans):
        pieces.extend(_cut(source, target, [s_sent], [t_sent], clause_spans))
    return pieces


def _cut(source: str, target: str, s_spans: list[Span], t_spans: list[Span], splitter
         ) -> list[tuple[Span, Span]]:
    (s0, s1), (t0, t1) = s_spans[0], t_spans[0]
    sources, targets = splitter(source, s0, s1), splitter(target, t0, t1)
    if len(sources) < 2 or len(sources) != len(targets):
        return [(_trimmed(source, s0, s1), _trimmed(target, t0, t1))]
    return list(zip(sources, targets, strict=True))


def document_fingerprint(name: str, units: Iterable[Pair]) -> str:
    """The fingerprint of the input file ``name``: SHA-256 of its bytes; for what is not a
    file (standard input, a pair of parallel files) that of its ``units``.

    The bytes, not the units: the pipeline drops units that repeat an earlier input's ("34."
    / "34.", "Thank you."), so the units of one document depend on what was read before it,
    and the same document must be recognised whatever company it comes in.
    """
    path = Path(name)
    if name != "-" and path.is_file():
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        return digest.hexdigest()
    return fingerprint(units)


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
