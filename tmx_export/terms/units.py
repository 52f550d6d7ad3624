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

from ..formats.decoding import file_digests
from ..formats.text import stdin_copy
from ..model import Pair
from ..segment.rules import segment_text

Span = tuple[int, int]

# What any cut of a text needs: sentence or clause punctuation with more text after it (past
# closing quotes and space), or a line break. A text without either is one segment.
_WHOLE = re.compile(r"[.?!…;][^\s]*\s+\S|[\n\r\u2028\u2029\x0b\x0c\x85]")


def _trimmed(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _spans(text: str, start: int, end: int, lang: str, mode: str) -> list[Span]:
    """The segments of ``text[start:end]`` (cut by the project's segmenter, the same rules
    as the TMX's units) as spans of ``text``."""
    spans: list[Span] = []
    pos = start
    for piece in segment_text(text[start:end], lang, mode):
        found = text.find(piece, pos, end)
        if found < 0:  # the segmenter normalised something: keep the stretch whole
            return [(start, end)]
        spans.append((found, found + len(piece)))
        pos = found + len(piece)
    return spans


def sentence_spans(text: str, lang: str = "en", start: int = 0, end: int | None = None
                   ) -> list[Span]:
    """The sentences of ``text[start:end]`` as spans."""
    return _spans(text, start, len(text) if end is None else end, lang, "sentence")


def clause_spans(text: str, lang: str = "en", start: int = 0, end: int | None = None
                 ) -> list[Span]:
    """The clauses of ``text[start:end]`` as spans: sentences, also cut at "; " before a
    lower-case word ("...needs; stresses the importance...")."""
    return _spans(text, start, len(text) if end is None else end, lang, "clause")


def split_clauses(text: str, lang: str = "en") -> list[str]:
    """The clauses of ``text`` (each keeps its closing ";")."""
    return [text[a:b] for a, b in clause_spans(text, lang)]


def piece_spans(source: str, target: str, source_lang: str = "en", target_lang: str = "fr"
                ) -> list[tuple[Span, Span]]:
    """The aligned pieces of one unit: sentence pairs, then clause pairs, cut only where
    both sides have as many pieces; a unit that cannot be cut is one piece."""
    if _WHOLE.search(source) is None:
        # no punctuation with text after it, no line break: the source is one segment
        # whatever the rules say, so the unit is one piece (most sentence units)
        return [(_trimmed(source, 0, len(source)), _trimmed(target, 0, len(target)))]
    pieces = []
    langs = (source_lang, target_lang)
    for s_sent, t_sent in _cut(source, target, (0, len(source)), (0, len(target)),
                               sentence_spans, langs):
        pieces.extend(_cut(source, target, s_sent, t_sent, clause_spans, langs))
    return pieces


def _cut(source: str, target: str, s_span: Span, t_span: Span, splitter,
         langs: tuple[str, str]) -> list[tuple[Span, Span]]:
    sources = splitter(source, langs[0], *s_span)
    targets = splitter(target, langs[1], *t_span)
    if len(sources) < 2 or len(sources) != len(targets):
        return [(_trimmed(source, *s_span), _trimmed(target, *t_span))]
    return list(zip(sources, targets, strict=True))


def document_fingerprints(name: str | Path, units: Iterable[Pair],
                          target: str | Path | None = None) -> tuple[str, str, str]:
    """The fingerprints of the input file ``name``, each file read once: SHA-256 of its text
    as saved aside (:func:`~tmx_export.formats.decoding.file_digests`: decoded, line ends
    made "\\n"; for ``-``, that of the copy of standard input; a file that is no text, a
    workbook, by its bytes); then that of its bytes, as termbases made before re-saved
    copies were recognised stored it; then, for a pair of parallel files (``target``, the
    translation's file), its source file's bytes alone, as earlier termbases stored a pair
    (else ""). A pair's first two take both files. For what is not a file, that of its
    ``units``, and "" twice. :meth:`~tmx_export.terms.termbase.Termbase.new_documents`
    recognises by the last two what older termbases counted.

    The file, not the units: the pipeline drops units that repeat an earlier input's ("34."
    / "34.", "Thank you."), so the units of one document depend on what was read before it,
    and the same document must be recognised whatever company it comes in, and whichever
    way it came: a memory piped in once and named another time is one document, and so is
    a colleague's copy saved by an editor with Windows line ends or in UTF-16, which its
    bytes took for another document, counting its terms twice. Both files of a pair:
    another translation of the same source file (corrected, or another translator's) is
    another document, which the source file alone took for the one counted.
    """
    path = stdin_copy() if str(name) == "-" else Path(name)
    if not path.is_file():
        return fingerprint(units), "", ""
    text, raw = file_digests(path)
    if target is None:
        return (text or raw).hex(), raw.hex(), ""
    target_text, target_raw = file_digests(Path(target))
    return (hashlib.sha256((text or raw) + (target_text or target_raw)).hexdigest(),
            hashlib.sha256(raw + target_raw).hexdigest(), raw.hex())


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
