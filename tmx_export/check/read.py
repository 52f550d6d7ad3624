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

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError
from ..inputs import ParallelInput, input_size
from ..model import BuildOptions, Pair, Progress
from .model import LeftOut
from .tus import Reading

if TYPE_CHECKING:
    from ..formats.tmx import TmxPart
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
    reading = Reading(prepared.source_lang, prepared.target_lang, options.untranslated,
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
