"""Check (reading a TMX): its units, a batch at a time, as :mod:`.read` gives them to the
checks and :mod:`.parts` to a part's worker: each ``tu`` whose two languages are there,
its texts sanitised, a unit with an empty side left out (or given as untranslated), each
under its own tuid. See :mod:`.read` for why a check reads a TMX itself."""

from __future__ import annotations

from collections import Counter
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import check_terminated
from ..formats.text import input_name
from ..model import Pair, unnumbered_tuid
from .model import LeftOut

# formats.tmx's XML_LANG, here to be looked up per unit without importing it (lxml) early
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

if TYPE_CHECKING:
    from ..formats.tmx import TmxPart, TuvRanker


@dataclass(slots=True)
class Reading:
    """What reading the units of a run's TMX files needs and keeps: the pair of languages,
    whether empty targets are given (``untranslated``), who hears of the units left out,
    and how many units were given so far over all the files (``numbered``: the tuid of a
    unit without its own is its number)."""

    source_lang: str
    target_lang: str
    untranslated: bool
    left_out: LeftOut | None
    numbered: int = 0

    def units(self, name: str, skip: int = 0, part: TmxPart | None = None,
              left_out: LeftOut | None = None) -> Generator[Pair, None, tuple[int, int]]:
        """The units of the file ``name`` (of its first ``part``, when given) but its
        first ``skip`` ones (given before: they are numbered, not given again); returns
        the pairs read and left out. What is left out goes to ``left_out`` when given,
        else to the run's."""
        from ..pipeline import CHUNK_PAIRS

        pairs = rejected = 0
        # the pairs the pipeline reads ahead before it hands their units on: a file that
        # turns out broken further on fails at the same point, after the same findings
        for batch, read, dropped in unit_batches(name, self.source_lang, self.target_lang,
                                             CHUNK_PAIRS, left_out or self.left_out,
                                             self.untranslated, part=part):
            pairs += read
            rejected += dropped
            for unit in batch:
                self.number(unit)
            if skip >= len(batch):
                skip -= len(batch)
                continue
            yield from batch[skip:]
            skip = 0
        return pairs, rejected

    def number(self, unit: Pair) -> None:
        """Give ``unit`` the next number, its tuid when it has none."""
        self.numbered += 1
        if unit.tuid is None:
            unit.tuid = unnumbered_tuid(self.numbered)  # type: ignore[assignment]

    def number_all(self, tuids: list[str | None]) -> None:
        """:meth:`number` of the next units, given by their ``tuids`` (filled in place)."""
        start = self.numbered
        self.numbered += len(tuids)
        if None in tuids:
            for index, tuid in enumerate(tuids):
                if tuid is None:
                    tuids[index] = unnumbered_tuid(start + index + 1)


def unit_batches(name: str, source_lang: str, target_lang: str, size: int,
             left_out: LeftOut | None = None, untranslated: bool = False,
             part: TmxPart | None = None, lines_before: int = 0
             ) -> Iterator[tuple[list[Pair], int, int]]:
    """The units of one TMX file in batches: (units, pairs read, pairs left out). A batch
    ends after ``size`` pairs, before a ``tu`` that lacks a language, and at the end of the
    file, as the pipeline hands its records on. ``left_out`` hears of the ``tu`` elements
    that lack one of the pair and of the units with an empty side; with ``untranslated``,
    a unit whose target is empty is given (as the pipeline's Preparer gives it). With a
    ``part`` (:func:`~tmx_export.formats.tmx.split_tmx`), only its units, their lines
    those of the file: ``lines_before`` is the number of line breaks before the part."""
    from ..clean import is_clean, sanitise
    from ..formats.tmx import TuvRanker, iter_elements, tuv_lang

    rank = TuvRanker(source_lang, target_lang)
    ranks = rank.cache  # tag -> ranks, filled by rank(): looked up inline, per tuv
    repairs: Counter[str] = Counter()  # the pipeline counts them; a check does not say
    batch: list[Pair] = []
    read = dropped = 0
    # (source tag, target tag) -> units given with them: the tags read by their language
    # part are counted once the file is read (_count_relabelled), not per unit
    unit_tags: Counter[tuple[str, str]] = Counter()
    # what to add to a line of the part to make it the file's: the part's reader puts its
    # opening (the XML declaration, a line break, the start tags) before its first byte
    line_shift = lines_before - part.opening.count(b"\n") if part is not None else 0
    file = input_name(name)  # as the units name it (a name's byte that is not UTF-8 escaped)
    # a reference to a control character (&#xB;) read as build reads it, as its text
    for tu in iter_elements(name, part=part, repairs=repairs):
        check_terminated()
        plain = _plain_texts(tu, ranks, rank, unit_tags)
        if plain is not None:
            texts = [plain]
        else:
            texts, reason = _tu_texts(tu, rank, unit_tags)
            if reason is not None:
                # a reader's reject: the pairs before it go on first
                if batch or read:
                    yield batch, read, dropped
                    batch, read, dropped = [], 0, 0
                dropped += 1
                if left_out is not None:  # as the pipeline's reject tells it
                    left_out.reasons[reason] += 1
                    if reason.startswith("missing-"):
                        tags = map(tuv_lang, tu.iterchildren("tuv"))
                        left_out.languages.update(tag for tag in tags if tag)
                continue
        for source, source_markup, target, target_markup in texts:
            read += 1
            # as the pipeline prepares a unit (tmx_export.clean.Preparer, dedupe none)
            if not is_clean(source):
                source = sanitise(source, repairs, source_lang)
            if not is_clean(target):
                target = sanitise(target, repairs, target_lang)
            if not source or not (target or untranslated):
                dropped += 1  # empty-side
                if left_out is not None:
                    left_out.reasons["empty-side"] += 1
            else:
                batch.append(Pair(source, target, source_lang, target_lang, file=file,
                                  line=tu.sourceline + line_shift if tu.sourceline else 0,
                                  source_markup=source_markup,
                                  target_markup=target_markup,
                                  tuid=tu.get("tuid")))  # type: ignore[arg-type]
            if read >= size:
                yield batch, read, dropped
                batch, read, dropped = [], 0, 0
    if left_out is not None:
        _count_relabelled(left_out.relabelled, unit_tags, rank, source_lang, target_lang)
    if batch or read or dropped:
        yield batch, read, dropped


def _count_relabelled(relabelled: Counter[tuple[str, str]], tags: Counter[tuple[str, str]],
                      rank: TuvRanker, source_lang: str, target_lang: str) -> None:
    """Count in ``relabelled`` the texts of the units given (``tags``: their tuvs' tags)
    that were taken by their language part (rank 1: fr-FR for fr-CA), as the pipeline's
    TMX reader counts them for build's summary."""
    from ..lang import count_relabelled

    for (source, target), count in tags.items():
        if rank(source)[0] == 1:
            count_relabelled(relabelled, source, source_lang, count)
        if rank(target)[1] == 1:
            count_relabelled(relabelled, target, target_lang, count)


# A unit's texts as read: (source, its markup, target, its markup); markup None for text
_Texts = tuple[str, "str | None", str, "str | None"]


def _plain_texts(tu, ranks: dict, rank, tags: Counter) -> _Texts | None:  # type: ignore[no-untyped-def]
    """The texts of the usual ``tu``: two ``tuv`` elements, one in each language of the
    pair (and in no other of its ranks), each holding one ``seg`` of plain text; ``None``
    for any other, which :func:`_tu_texts` reads (this runs per unit: a few look-ups
    where the general way walks every child twice). ``tags`` counts the unit's tags."""
    children = tu.getchildren()  # one call: lxml's iterators cost more
    if len(children) != 2:
        return None
    first, second = children
    if first.tag != "tuv" or second.tag != "tuv" or len(first) != 1 or len(second) != 1:
        return None
    first_seg, second_seg = first[0], second[0]
    if first_seg.tag != "seg" or second_seg.tag != "seg" or len(first_seg) or \
            len(second_seg):
        return None
    first_lang = first.get(XML_LANG) or first.get("lang")
    second_lang = second.get(XML_LANG) or second.get("lang")
    if not first_lang or not second_lang:
        return None
    first_ranks = ranks.get(first_lang) or rank(first_lang)
    second_ranks = ranks.get(second_lang) or rank(second_lang)
    if first_ranks[0] and not first_ranks[1] and second_ranks[1] and not second_ranks[0]:
        tags[first_lang, second_lang] += 1
        return first_seg.text or "", None, second_seg.text or "", None
    if second_ranks[0] and not second_ranks[1] and first_ranks[1] and not first_ranks[0]:
        tags[second_lang, first_lang] += 1
        return second_seg.text or "", None, first_seg.text or "", None
    return None


def _tu_texts(tu, rank, tags: Counter) -> tuple[list[_Texts], str | None]:  # type: ignore[no-untyped-def]
    """The units of any ``tu`` as :func:`tmx_export.formats.tmx.iter_tmx` reads it: the
    first ``tuv`` of the best fit wins each side; a ``tuv`` is used once; further ``tuv``
    elements of the best fit are variants, each a unit of its own. With the reason the
    reader rejects it for, if it does (then no units). ``tags`` counts each unit's tags."""
    from ..formats.tmx import choose_tuvs, tuv_lang

    src, _, tgt, _, variants, unlabelled = choose_tuvs(tu.iterchildren("tuv"), rank)
    sides = [(src, tgt)]
    if variants and not unlabelled and src is not None and tgt is not None:
        sides += [(src, v) for is_source, v in variants if not is_source]  # as iter_tmx
        sides += [(v, tgt) for is_source, v in variants if is_source]
    reason = _reader_reject(tu, unlabelled, sides)
    if reason is not None:
        return [], reason
    tags.update((tuv_lang(source), tuv_lang(target)) for source, target in sides)
    return [(*_side(source), *_side(target)) for source, target in sides], None


def _side(tuv) -> tuple[str, str | None]:  # type: ignore[no-untyped-def]
    """The text and markup of a chosen ``tuv`` (which holds one ``seg``)."""
    return _seg(tuv) if len(tuv) != 1 else _only_seg(tuv[0])


def _reader_reject(tu, unlabelled: bool, sides: list) -> str | None:  # type: ignore[no-untyped-def]
    """The reason :func:`tmx_export.formats.tmx.iter_tmx` rejects a ``tu`` for, in its
    order (a tuv without a language, a language missing, a chosen tuv without its one
    seg), or ``None``."""
    src, tgt = sides[0]
    if unlabelled:
        return "invalid-tuv"
    if src is None or tgt is None:
        return f"missing-{'source' if src is None else 'target'}-language"
    for tuv in (tuv for side in sides for tuv in side):
        if not (len(tuv) == 1 and tuv[0].tag == "seg") and \
                sum(child.tag == "seg" for child in tuv) != 1:
            return "invalid-tuv"
    return None


def _only_seg(child) -> tuple[str, str | None]:  # type: ignore[no-untyped-def]
    """What :func:`_seg` gives for a tuv whose one child is ``child``."""
    if child.tag != "seg":
        return "", None
    if len(child):
        from ..formats.tmx import seg_markup, seg_text

        return seg_text(child), seg_markup(child)
    return child.text or "", None


def _seg(tuv) -> tuple[str, str | None]:  # type: ignore[no-untyped-def]
    """The text and inline markup of a tuv's one ``seg`` (a tuv with another number of
    them is rejected first, as :func:`tmx_export.formats.tmx.iter_tmx` does)."""
    text, markup = "", None
    for child in tuv:
        if child.tag == "seg":
            text, markup = _only_seg(child)
    return text, markup
