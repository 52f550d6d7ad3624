"""Check (reading): the units of TMX memories read directly, as the pipeline would give them.

A check reads a TMX the way stream_units does with no cleaning, no dedupe and no
renumbering: every tu whose two languages are there (iter_tmx chooses the tuvs), its texts
sanitised (tmx_export.clean.sanitise), units with an empty side left out (but for an empty
target when the options ask for untranslated units, as a check does), each unit under
its own tuid (units without one numbered in reading order). Nothing else of the pipeline
(cleaning rules, segmentation, language judgement) touches units read from a TMX, so
memory_units gives the same units, in the same order, with the same errors, at a fraction
of the cost: no records, chunks, rejects or TmxPair objects with props and notes that no
check looks at. The file is streamed through the project's one safe XML path
(formats.tmx.iter_elements: the prolog checked, entities refused, no network), each tu
freed once read, so memory stays flat in the memory's size. Inputs that are not all TMX
files (dumps, parallel files, tables, XLIFF, PO, standard input) go through stream_units.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Generator, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError, check_terminated
from ..inputs import ParallelInput, input_size
from ..model import BuildOptions, Pair, Progress, unnumbered_tuid
from .model import LeftOut

# formats.tmx's XML_LANG, here to be looked up per unit without importing it (lxml) early
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

if TYPE_CHECKING:
    from ..formats.tmx import TmxPart, TuvRanker
    from .parts import InParts, Prechecked


def memory_units(inputs: Sequence[str | Path | ParallelInput], options: BuildOptions,
                 progress: Progress | None = None, left_out: LeftOut | None = None,
                 in_parts: InParts | None = None) -> Iterator[Pair | Prechecked]:
    """The units :func:`~tmx_export.pipeline.stream_units` gives for ``inputs`` and
    ``options`` (which must ask for no cleaning, no dedupe and no renumbering), read
    directly when every input is a TMX file. Lazy, as ``stream_units`` is: nothing is
    checked or read before the first unit is asked for. ``left_out`` hears of the units
    left out (:class:`LeftOut`). With ``in_parts`` (:class:`~.parts.InParts`), large TMX
    files are read in parts, in processes of their own, when every one of them can be cut
    (:func:`_cuts`)."""
    from ..inputs import tmx_is_streamed
    from ..pipeline import explicit_inputs, prepare_run, stream_units

    prepared, files, formats = prepare_run(inputs, options, [])
    direct = ((progress is None or isinstance(progress, Progress))
              and tmx_is_streamed() and not options.clean.rules and options.dedupe == "none"
              and not options.renumber and options.jobs == 1
              and all(formats[f] == "tmx" and not isinstance(f, ParallelInput) and f != "-"
                      for f in files))
    if not direct:
        yield from stream_units(inputs, options, progress=progress,
                                rejects=None if left_out is None else left_out.add,
                                relabelled=None if left_out is None else left_out.relabelled)
        return
    if progress is not None:
        progress.start(sum(input_size(f) for f in files))
    explicit = explicit_inputs(inputs)
    cuts = _cuts(files, in_parts)
    reading = _Reading(prepared.source_lang, prepared.target_lang, options.untranslated,
                       left_out)
    for path in files:
        name = str(path)
        parts = cuts.get(path)
        if parts and in_parts is not None:
            pairs, rejected = yield from in_parts.units(reading, name, parts)
        else:
            pairs, rejected = yield from reading.units(name)
        if progress is not None:
            progress.advance(name, input_size(path))
        if pairs == 0 and rejected == 0 and name in explicit:
            # a file found in a directory is skipped (the pipeline lists it, unreported)
            raise InputError(name, f"no bilingual {prepared.source_lang}/"
                             f"{prepared.target_lang} text found (read as tmx)")


def _cuts(files: Sequence[str | Path], in_parts: InParts | None
          ) -> dict[str | Path, list[TmxPart]]:
    """The parts each large file is cut into, when every file large enough to be cut can
    be (one that cannot, in UTF-16 or compressed, leaves the run to the checks' own second
    process: see run.check_units); empty when ``in_parts`` is not given or has one job."""
    from ..formats.tmx import SPLIT_MIN_BYTES, split_tmx

    if in_parts is None or in_parts.jobs < 2:
        return {}
    cuts = {}
    for path in files:
        size = input_size(path)
        if size < SPLIT_MIN_BYTES:
            continue
        # no part under half the least size cut: a process costs more than it saves there
        # (64 cores do not make a 2 MB file 64 processes)
        jobs = min(in_parts.jobs, 2 * size // SPLIT_MIN_BYTES)
        parts = split_tmx(path, jobs, in_parts.first_share)
        if parts is None:
            return {}
        cuts[path] = parts
    in_parts.used = bool(cuts)
    return cuts


@dataclass(slots=True)
class _Reading:
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
        for batch, read, dropped in _batches(name, self.source_lang, self.target_lang,
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


def _batches(name: str, source_lang: str, target_lang: str, size: int,
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
    for tu in iter_elements(name, part=part):
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
                batch.append(Pair(source, target, source_lang, target_lang, file=name,
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
