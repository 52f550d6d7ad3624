"""How `check` reads a memory: TMX files read directly give the units (and the errors) the
build pipeline gives; the checks of a large memory shared with a worker process give the
findings one process gives, in the same order."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from tmx_export.check import read, run, worker
from tmx_export.check.model import TermEntry
from tmx_export.check.run import CheckOptions, check, check_units
from tmx_export.errors import InputError
from tmx_export.model import NO_CLEANING, BuildOptions, Pair
from tmx_export.pipeline import stream_units

DATA = Path(__file__).parent / "data"
TMX = sorted((DATA / "tmx").glob("*/*.tmx"))
GOLD = DATA / "terms_gold_en_fr.tsv"
DGT = sorted((DATA / "tmx" / "dgt-tm").glob("*.tmx"))
LANGS = [("en-GB", "fr-FR"), ("en", "fr"), ("en-US", "fr-FR"), ("en", "de"), ("fr-FR", "en-GB"),
         ("en-GB", "en-US")]

HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en-GB" '
        'segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext" creationtool="x" '
        'creationtoolversion="1"/><body>\n')
TAIL = "\n</body></tmx>\n"


def _tu(source: str, target: str, tuid: str | None = None, source_lang: str = "en-GB",
        target_lang: str = "fr-FR") -> str:
    attrs = f' tuid="{tuid}"' if tuid is not None else ""
    return (f'<tu{attrs}><tuv xml:lang="{source_lang}"><seg>{source}</seg></tuv>'
            f'<tuv xml:lang="{target_lang}"><seg>{target}</seg></tuv></tu>')


# What a TMX can hold that the reader must take as the pipeline does.
TRICKY = [
    _tu("The value chain of 3 items.", "La chaîne de valeur de 4 articles.", "a1"),
    _tu("No tuid, value chain.", "Pas de tuid , chaîne ."),
    _tu("An empty target", "   ", "e1"),  # empty-side: left out
    _tu("Only German", "Nur Deutsch", "m1", "de-DE", "de-AT"),  # no en/fr tuv: left out
    _tu("  Line\nbreak  and\ttab\u2028 ", "Saut\r\nde ligne  et tab ", "w1"),  # sanitised
    _tu('Click <bpt i="1" x="1">&lt;b&gt;</bpt>here<ept i="1">&lt;/b&gt;</ept> <ph x="2"/> now '
        "<hi>value chain</hi>.",
        'Cliquez <ept i="1">&lt;/b&gt;</ept>ici<bpt i="1" x="1">&lt;b&gt;</bpt> maintenant '
        "<hi>chaîne</hi>.", "c1"),
    '<tu><prop type="x">p</prop><tuv lang="EN-GB"><seg>first seg</seg><seg>The second seg '
    'wins</seg></tuv><tuv xml:lang="fr"><note>n</note><seg>Le deuxième</seg></tuv>'
    '<tuv xml:lang="fr-FR"><seg>Le français exact</seg></tuv></tu>',
    '<tu tuid="n1"><tuv xml:lang="en-GB"></tuv><tuv xml:lang="fr-FR"><seg>Pas de seg source'
    "</seg></tuv></tu>",
    # variants: a second French tuv, a second English one, each a unit of its own
    '<tu tuid="v1"><tuv xml:lang="en-GB"><seg>The value chain.</seg></tuv><tuv xml:lang='
    '"fr-FR"><seg>La chaîne de valeur.</seg></tuv><tuv xml:lang="fr-FR"><seg>La filière.'
    '</seg></tuv></tu>',
    '<tu tuid="v2"><tuv xml:lang="en-GB"><seg>A cluster.</seg></tuv><tuv xml:lang="fr-FR">'
    '<seg>Un conglomérat.</seg></tuv><tuv xml:lang="en-GB"><seg>The cluster.</seg></tuv></tu>',
    _tu("Same &amp; text &lt;here&gt;, more words here.",
        "Same &amp; text &lt;here&gt;, more words here.", "u1"),
    # a tuv with one child that is no seg, and one whose only seg holds markup
    '<tu tuid="o1"><tuv xml:lang="en-GB"><note>only a note</note></tuv><tuv xml:lang="fr-FR">'
    "<seg>Rien en face</seg></tuv></tu>",
    '<tu tuid="o2"><tuv xml:lang="en-GB"><seg>A <ph x="1"/>code</seg></tuv><tuv '
    'xml:lang="fr-FR"><seg>Un <ph x="1"/>code</seg></tuv></tu>',
    # two plain tuvs (the reader's quick way): the target first; two of the source's
    # language (no target: left out); a language of neither side beside the source
    _tu("Le français d'abord.", "The French first.", "q1", "fr-FR", "en-GB"),
    _tu("British English.", "American English.", "q2", "en-GB", "en-US"),
    _tu("English here.", "Deutsch hier.", "q3", "en-GB", "de-DE"),
    '<tu tuid="q4"><tuv lang="en-GB"><seg>Old lang attribute.</seg></tuv><tuv xml:lang="fr">'
    "<seg>Ancien attribut.</seg></tuv></tu>",
]


def _pipeline_units(inputs: list[str], source_lang: str, target_lang: str,
                    untranslated: bool = False) -> list[tuple]:
    options = BuildOptions(source_lang=source_lang, target_lang=target_lang, allow_empty=True,
                           clean=NO_CLEANING, dedupe="none", renumber=False,
                           untranslated=untranslated)
    return [_fields(unit) for unit in stream_units(inputs, options)]


def _direct_units(inputs: list[str], source_lang: str, target_lang: str,
                  untranslated: bool = False) -> list[tuple]:
    options = BuildOptions(source_lang=source_lang, target_lang=target_lang, allow_empty=True,
                           clean=NO_CLEANING, dedupe="none", renumber=False,
                           untranslated=untranslated)
    return [_fields(unit) for unit in read.memory_units(inputs, options)]


def _fields(unit: Pair) -> tuple:
    return (unit.source, unit.target, unit.source_lang, unit.target_lang, unit.file,
            unit.line, unit.source_markup, unit.target_markup, unit.tuid)


def _outcome(read_units, inputs: list[str], source_lang: str = "en-GB",
             target_lang: str = "fr-FR", untranslated: bool = False
             ) -> tuple[list[tuple], str | None]:
    try:
        return read_units(inputs, source_lang, target_lang, untranslated), None
    except InputError as exc:
        return [], str(exc)


@pytest.mark.parametrize("path", TMX, ids=lambda p: p.name)
def test_every_tmx_of_the_test_data_gives_the_units_of_the_pipeline(path: Path) -> None:
    # UTF-16 DGT-TM files with 24 languages, OmegaT and LISA files with odd tags and
    # missing tuvs, Europarl extracts: one language pair after the other
    for source_lang, target_lang in LANGS:
        expected = _outcome(_pipeline_units, [str(path)], source_lang, target_lang)
        assert _outcome(_direct_units, [str(path)], source_lang, target_lang) == expected
        expected = _outcome(_pipeline_units, [str(path)], source_lang, target_lang, True)
        assert _outcome(_direct_units, [str(path)], source_lang, target_lang, True) == expected


def test_untranslated_units_of_a_real_memory_are_found_in_every_format(tmp_path: Path) -> None:
    # Real DGT-TM units (22019D0391), a third of their French left out, as a CAT tool
    # exports a memory part-translated: in TMX (empty seg), PO (empty msgstr) and a table
    # (empty cell), each is one empty-target finding; before, check read none of them and
    # passed
    from lxml import etree

    source = DGT[1]
    assert source.name == "22019D0391.tmx"
    tree = etree.parse(str(source))
    segs = [seg for seg in tree.iter("seg")
            if seg.getparent().get("lang") == "FR-FR" and (seg.text or "").strip()]
    emptied = segs[::3]
    for seg in emptied:
        seg.text = ""
    memory = tmp_path / "part.tmx"
    tree.write(str(memory), encoding="utf-8", xml_declaration=True)
    units = _direct_units([str(memory)], "en-GB", "fr-FR", untranslated=True)
    blank = [unit for unit in units if not unit[1]]
    assert len(blank) == len(emptied) > 3
    po = tmp_path / "part.po"
    table = tmp_path / "part.tsv"
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  + "".join(f'msgid "{u[0]}"\nmsgstr "{u[1]}"\n\n' for u in units
                            if '"' not in u[0] + u[1]), encoding="utf-8")
    table.write_text("en-GB\tfr-FR\n" + "".join(f"{u[0]}\t{u[1]}\n" for u in units),
                     encoding="utf-8")
    for path in (memory, po, table):
        found: list = []
        summary = check([str(path)], CheckOptions(), found.append)
        empty = [f for f in found if f.check == "empty-target"]
        assert {f.source for f in empty} == {u[0] for u in blank}, path.name
        assert summary.by_check["empty-target"] == len(blank)
        # reported once: no other check speaks of an empty target
        assert not [f for f in found if f.check != "empty-target" and not f.target]


def test_tricky_units_are_read_as_the_pipeline_reads_them(tmp_path: Path) -> None:
    memory = tmp_path / "tricky.tmx"
    memory.write_text(HEAD + "\n".join(TRICKY) + TAIL, encoding="utf-8")
    utf16 = tmp_path / "tricky-utf16.tmx"
    utf16.write_bytes((HEAD.replace("UTF-8", "UTF-16") + "\n".join(TRICKY) + TAIL)
                      .encode("utf-16"))
    units = _direct_units([str(memory)], "en-GB", "fr-FR")
    assert units == _pipeline_units([str(memory)], "en-GB", "fr-FR")
    by_tuid = {unit[-1]: unit for unit in units}
    assert "e1" not in by_tuid and "m1" not in by_tuid  # empty target, no fr tuv
    assert by_tuid["w1"][:2] == ("Line break  and\ttab", "Saut de ligne  et tab")
    assert by_tuid["c1"][0] == "Click here now value chain."  # the ph leaves one space
    assert '<bpt i="1" x="1">' in by_tuid["c1"][6]
    assert by_tuid["#2"][:2] == ("No tuid, value chain.", "Pas de tuid , chaîne .")
    # a unit without a tuid is numbered by its place among the units given; a tuv with two
    # segs (neither sure to be the text) gives none (invalid-tuv), nor does one without
    assert not any(unit[0] == "The second seg wins" for unit in units) and "5" not in by_tuid
    assert "n1" not in by_tuid  # no source seg: invalid-tuv
    assert "o1" not in by_tuid  # a note is no seg: invalid-tuv
    assert by_tuid["o2"][:2] == ("A code", "Un code") and by_tuid["o2"][6] == 'A <ph x="1"/>code'
    assert [unit[:2] for unit in units if unit[-1] in ("v1", "v2")] == [
        ("The value chain.", "La chaîne de valeur."), ("The value chain.", "La filière."),
        ("A cluster.", "Un conglomérat."), ("The cluster.", "Un conglomérat.")]
    # several files, the same one twice, UTF-8 and UTF-16: numbering goes on across them
    inputs = [str(memory), str(utf16), str(memory)]
    assert _direct_units(inputs, "en-GB", "fr-FR") == _pipeline_units(inputs, "en-GB", "fr-FR")
    for langs in LANGS:
        assert _outcome(_direct_units, [str(memory)], *langs) == \
            _outcome(_pipeline_units, [str(memory)], *langs)
    # as a check reads them: an empty target is a unit (empty-target reports it), the
    # units after it numbered on; an empty source is still none
    kept = _direct_units(inputs, "en-GB", "fr-FR", untranslated=True)
    assert kept == _pipeline_units(inputs, "en-GB", "fr-FR", untranslated=True)
    by_tuid = {unit[-1]: unit for unit in kept}
    assert by_tuid["e1"][:2] == ("An empty target", "")
    assert "n1" not in by_tuid and "o1" not in by_tuid
    assert len(kept) == len(units) * 3 + 3


def test_errors_come_where_the_pipeline_raises_them(tmp_path: Path) -> None:
    # each unit with a finding (a space before the full stop)
    many = [_tu(f"Unit {i} of the value chain.", f"Unité {i} de la chaîne de valeur .",
                f"t{i}") for i in range(450)]
    broken = tmp_path / "broken.tmx"
    broken.write_text(HEAD + "\n".join(many[:300]) + "\n<tu><tuv></tu>\n" + "\n".join(many[300:])
                      + TAIL, encoding="utf-8")
    empty = tmp_path / "empty.tmx"
    empty.write_text(HEAD + TAIL, encoding="utf-8")
    entities = tmp_path / "entities.tmx"
    entities.write_text('<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY x "boom">]>\n'
                        '<tmx version="1.4"><header/><body>' + _tu("&x;", "b") + TAIL,
                        encoding="utf-8")
    german = tmp_path / "german.tmx"
    german.write_text(HEAD + _tu("Nur", "Deutsch", "g", "de-DE", "de-AT") + TAIL,
                      encoding="utf-8")
    for inputs in ([broken], [empty], [entities], [german], [german, empty], [tmp_path]):
        names = [str(path) for path in inputs]
        assert _outcome(_direct_units, names) == _outcome(_pipeline_units, names)
    assert "not well-formed" in (_outcome(_direct_units, [str(broken)])[1] or "")
    assert "no bilingual" in (_outcome(_direct_units, [str(empty)])[1] or "")
    # findings of the units read before the error are given, as with the pipeline
    events = _check_events([str(broken)])
    assert events[-1][0] == "error"
    assert any(row[0] == "t150" for row in events[:-1])
    assert not any(row[0] == "t250" for row in events[:-1])  # read ahead, as the pipeline


def _check_events(inputs: list[str], **settings: object) -> list[tuple]:
    events: list[tuple] = []
    try:
        summary = check(inputs, CheckOptions(**settings),  # type: ignore[arg-type]
                        lambda found: events.append(found.row()))
        events.append(("summary", summary.units, sorted(summary.by_check.items())))
    except InputError as exc:
        events.append(("error", str(exc)))
    return events


def test_inputs_other_than_tmx_go_through_the_pipeline(tmp_path: Path) -> None:
    memory = tmp_path / "memory.tmx"
    memory.write_text(HEAD + "\n".join(TRICKY) + TAIL, encoding="utf-8")
    dump = DATA / "ep-industrial-policy-34.txt"
    for inputs in ([str(memory), str(dump)], [str(dump)]):
        assert _direct_units(inputs, "en-GB", "fr-FR") == \
            _pipeline_units(inputs, "en-GB", "fr-FR")


def _gold_entries() -> list[TermEntry]:
    entries = []
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        row = line.split("\t")
        if line.startswith("#") or len(row) < 2 or row[0] == "source" or \
                (len(row) > 2 and row[2] == "wrong"):
            continue
        # each approved pair with a forbidden rendering that does occur in EU French
        entries.append(TermEntry(row[0], (row[1],), ("décision", "accord", "parties")))
    return entries


def _findings(units: list[Pair], **settings: object) -> tuple[list[tuple], int]:
    rows: list[tuple] = []
    summary = check_units(iter(units), CheckOptions(**settings),  # type: ignore[arg-type]
                          lambda found: rows.append(found.row()), term_entries=_gold_entries())
    return rows, summary.units


def _dgt_units() -> list[Pair]:
    options = BuildOptions(allow_empty=True, clean=NO_CLEANING, dedupe="none",
                           renumber=False)
    units = list(stream_units([str(path) for path in DGT], options))
    # some repeated, some with their source changed: consistency has texts to compare
    return units + units[::7] + [replace(unit, source=unit.source + " Indeed.")
                                 for unit in units[::11]]


def test_a_worker_process_gives_the_findings_of_one_process(monkeypatch) -> None:
    units = _dgt_units()
    some = frozenset({"term-missing", "inconsistent-source", "punctuation"})
    monkeypatch.setattr(run, "PARALLEL_AFTER", len(units) + 1)
    alone, alone_some = _findings(units), _findings(units, checks=some)
    assert {row[3] for row in alone[0]} >= {"term-missing", "term-forbidden", "spacing",
                                            "inconsistent-target", "inconsistent-source"}
    if not worker.can_fork():
        pytest.skip("no fork here: the checks stay in one process")
    monkeypatch.setattr(run, "PARALLEL_AFTER", 5)
    monkeypatch.setattr(worker, "WORKER_BATCH", 7)  # many batches, one left short at the end
    assert _findings(units) == alone
    assert _findings(units, checks=some) == alone_some


def test_a_broken_memory_fails_after_the_findings_before_it_with_a_worker(
        tmp_path: Path, monkeypatch) -> None:
    many = [_tu(f"Unit {i} of the {i % 5} value chains.", f"Unité {i + i % 3} de la chaîne.",
                f"t{i}") for i in range(450)]
    broken = tmp_path / "broken.tmx"
    broken.write_text(HEAD + "\n".join(many[:300]) + "\n<tu><tuv></tu>\n" + TAIL,
                      encoding="utf-8")
    glossary = tmp_path / "glossary.tsv"
    glossary.write_text("value chain\tchaîne de valeur\n", encoding="utf-8")
    monkeypatch.setattr(run, "PARALLEL_AFTER", 10**9)
    alone = _check_events([str(broken)], terms=str(glossary))
    assert alone[-1][0] == "error" and len(alone) > 100
    if not worker.can_fork():
        pytest.skip("no fork here: the checks stay in one process")
    monkeypatch.setattr(run, "PARALLEL_AFTER", 3)
    monkeypatch.setattr(worker, "WORKER_BATCH", 16)
    assert _check_events([str(broken)], terms=str(glossary)) == alone


def test_a_failing_worker_is_an_error_not_a_hang(monkeypatch) -> None:
    if not worker.can_fork():
        pytest.skip("no fork here: the checks stay in one process")
    from tmx_export.check import terms

    real = terms.TermChecker.check
    seen = []

    def failing(self, unit):  # type: ignore[no-untyped-def]
        seen.append(unit)
        if len(seen) > 20:  # in the worker, which has its own copy of ``seen``
            raise ValueError("no more")
        return real(self, unit)

    monkeypatch.setattr(terms.TermChecker, "check", failing)
    monkeypatch.setattr(run, "PARALLEL_AFTER", 5)
    monkeypatch.setattr(worker, "WORKER_BATCH", 4)
    with pytest.raises(RuntimeError, match="ValueError: no more"):
        _findings(_dgt_units())


def test_a_worker_gone_while_units_are_sent_is_reported_with_its_error() -> None:
    # The race a CI run met: the worker failed while this process sent it more units, and
    # findings of earlier batches were still in the queue. The pipe's BrokenPipeError
    # then went up as if the reader of the output had left: exit status 1, no message
    import queue as queues

    from tmx_export.errors import InternalError

    class Gone:
        def send(self, units: object) -> None:
            raise BrokenPipeError(32, "Broken pipe")

    class Results:
        def __init__(self) -> None:
            self.answers: list[object] = [[(0, "spacing", "warning", "x", "y")],
                                          "ValueError: no more"]

        def get(self, timeout: float) -> object:
            if not self.answers:
                raise queues.Empty
            return self.answers.pop(0)

    class Dead:
        exitcode = 1

        def is_alive(self) -> bool:
            return False

    gone = worker._Worker.__new__(worker._Worker)
    gone.jobs, gone.results, gone.process = Gone(), Results(), Dead()
    with pytest.raises(InternalError, match="ValueError: no more"):
        gone.send([])
    gone.results = Results()
    gone.results.answers = [[]]  # its error lost: its end is said
    with pytest.raises(InternalError, match="ended"):
        gone.send([])


def test_a_failing_worker_ends_the_command_in_one_line(monkeypatch, tmp_path: Path) -> None:
    """The command line: a worker that failed (a bug) ends the run with the one error
    line, exit status 1 and no report file."""
    if not worker.can_fork():
        pytest.skip("no fork here: the checks stay in one process")
    from click.testing import CliRunner

    from tmx_export.check import consistency
    from tmx_export.cli import main

    real = consistency.Consistency.add
    seen = []

    def failing(self, unit):  # type: ignore[no-untyped-def]
        seen.append(unit)
        if len(seen) > 20:  # in the worker, which has its own copy of ``seen``
            raise ValueError("no more")
        return real(self, unit)

    monkeypatch.setattr(consistency.Consistency, "add", failing)
    monkeypatch.setattr(run, "PARALLEL_AFTER", 5)
    monkeypatch.setattr(worker, "WORKER_BATCH", 4)
    report = tmp_path / "findings.tsv"
    result = CliRunner().invoke(main, ["check", *map(str, DGT), "--source-lang", "en-GB",
                                       "--target-lang", "fr-FR", "--report", str(report)])
    assert result.exit_code == 2, result.output
    assert result.output.startswith("tmx-export: error: internal error in the checks' "
                                    "worker process: ValueError: no more")
    assert result.output.count("\n") == 1
    assert not report.exists() and list(tmp_path.iterdir()) == []


def test_drafts_are_checked_and_what_is_left_out_is_counted(tmp_path: Path) -> None:
    # A check is for the text as it stands: a draft (PO "#, fuzzy", XLIFF needs-review) is
    # checked, where build leaves it out of a TM. What the check cannot check (a DGT-TM tu
    # without French) is counted and said, never dropped unsaid.
    from click.testing import CliRunner

    from tmx_export.cli import main

    po = tmp_path / "draft.po"
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  '#, fuzzy\nmsgid "The Commission adopted 3 implementing acts."\n'
                  'msgstr "La Commission a adopté 4 actes d\'exécution."\n', encoding="utf-8")
    found: list = []
    summary = check([str(po)], CheckOptions(), found.append)
    assert [f.check for f in found] == ["number-mismatch"] and summary.units == 1
    memory = DGT[4]
    assert memory.name == "22019D0996.tmx"
    found = []
    summary = check([str(memory)], CheckOptions(), found.append)
    lacking = sum(1 for tu in re.split(r"<tu[\s>]", memory.read_text(encoding="utf-16"))[1:]
                  if 'lang="FR-FR"' not in tu)
    assert summary.left_out == {"missing-target-language": lacking} and lacking > 0
    result = CliRunner().invoke(main, ["check", str(memory), "--fail-on", "never"])
    assert f"{lacking} left out, not checked ({lacking} missing-target-language)" in (
        result.stderr)


def test_t14_check_reads_references_to_control_characters_as_build_does(tmp_path):
    # Word's line break as Trados exports it (&#xB;): check refused the memory build reads
    from click.testing import CliRunner

    from tmx_export.cli import main

    memory = DATA / "tmx_control_refs_dgt_en_de.tmx"
    result = CliRunner().invoke(main, ["check", str(memory), "--target-lang", "de-DE",
                                       "--report", str(tmp_path / "r.tsv")])
    assert result.exit_code == 0, result.output
    assert "4 units checked" in result.output
