"""Parallel files: Europarl sessions (excerpts), Europarl markup, drift errors, alignment."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tmx_export.errors import InputError
from tmx_export.formats.parallel import Paragraph, checked_merges, read_parallel, split_paragraphs
from tmx_export.inputs import find_parallel
from tmx_export.model import ReadResult
from tmx_export.segment.align import align_lengths

DATA = Path(__file__).parent / "data" / "europarl"

EN_21 = [
    "Adoption of the Minutes of the previous sitting",
    "Mr President, I simply wanted to pass on some news. There was a terrorist attack this "
    "morning in Madrid. Someone planted a car bomb and one person has died. On behalf of my "
    "Group, I once again condemn these terrorist acts.",
    "Thank you, Mrs Fraga Estévez. We had heard about this regrettable incident. Unfortunately, "
    "the terrorist murderers are once again punishing Spanish society. I note your comments with "
    "particular keenness, as you may expect, given that I too am Spanish.",
    "(The Minutes were approved)",
]
FR_21_FIRST, FR_21_LAST = ("Adoption du procès-verbal de la séance précédente",
                           "(Le procès-verbal est adopté)")


def read(src: Path, tgt: Path, **kw):
    return read_parallel(src, tgt, source_lang="en-GB", target_lang="fr-FR", **kw)


def test_session_21_whole():
    result = read(DATA / "ep-00-01-21.en.txt", DATA / "ep-00-01-21.fr.txt")
    assert [p.source for p in result.pairs] == EN_21
    assert (result.pairs[0].target, result.pairs[-1].target) == (FR_21_FIRST, FR_21_LAST)
    assert [p.line for p in result.pairs] == [1, 3, 5, 7]
    assert not result.rejects


def test_session_17_excerpt_gives_one_pair_per_paragraph():
    # The excerpt is the first 79 lines: 40 non-blank lines, one paragraph each.
    result = read(DATA / "ep-00-01-17-excerpt.en.txt", DATA / "ep-00-01-17-excerpt.fr.txt")
    assert len(result.pairs) == 40
    assert (result.pairs[0].source, result.pairs[0].target) == (
        "Resumption of the session", "Reprise de la session")
    p20 = result.pairs[19]
    assert p20.line == 39
    assert p20.source.startswith("Madam President, Mrs Díez González and I had tabled questions")
    assert p20.target.startswith("Madame la Présidente, Mme Díez González et moi-même avions")
    assert result.pairs[-1].target.startswith("(Le Parlement rejette la demande) La Présidente.")


def test_find_parallel_side_by_side(tmp_path):
    found = find_parallel(DATA, source_lang="en-GB", target_lang="fr-FR")
    assert [(s.name, t.name) for s, t in found] == [
        ("ep-00-01-17-excerpt.en.txt", "ep-00-01-17-excerpt.fr.txt"),
        ("ep-00-01-21.en.txt", "ep-00-01-21.fr.txt"),
    ]
    assert sum(len(read(s, t).pairs) for s, t in found) == 44
    # from either file of a pair, and with region tags in the names
    assert find_parallel(DATA / "ep-00-01-21.fr.txt", source_lang="en", target_lang="fr") == [
        (DATA / "ep-00-01-21.en.txt", DATA / "ep-00-01-21.fr.txt")]
    shutil.copy(DATA / "ep-00-01-21.en.txt", tmp_path / "report.EN-GB.txt")
    shutil.copy(DATA / "ep-00-01-21.fr.txt", tmp_path / "report.fr-FR.txt")
    (tmp_path / "lonely.en.txt").write_text("no partner\n")
    assert find_parallel(tmp_path, source_lang="en-GB", target_lang="fr-FR") == [
        (tmp_path / "report.EN-GB.txt", tmp_path / "report.fr-FR.txt")]


def test_three_letter_codes_in_file_names_make_a_pair(tmp_path):
    """``NAME.eng.txt`` / ``NAME.fre.txt`` (ISO 639-2, as tables' headers are read) are a
    pair; each was read alone as a dump."""
    shutil.copy(DATA / "ep-00-01-21.en.txt", tmp_path / "report.eng.txt")
    shutil.copy(DATA / "ep-00-01-21.fr.txt", tmp_path / "report.fra.txt")
    assert find_parallel(tmp_path / "report.fra.txt", source_lang="en-GB",
                         target_lang="fr-FR") == [
        (tmp_path / "report.eng.txt", tmp_path / "report.fra.txt")]
    (tmp_path / "report.fra.txt").rename(tmp_path / "report.fre.txt")
    assert find_parallel(tmp_path, source_lang="en", target_lang="fr") == [
        (tmp_path / "report.eng.txt", tmp_path / "report.fre.txt")]


def europarl_markup(paragraphs: list[str], speakers: list[tuple[int, str]]) -> str:
    """Europarl's original layout: markup lines, one paragraph per line, no blank lines."""
    lines = ["<CHAPTER ID=1>", paragraphs[0]]
    for (ident, name), text in zip(speakers, paragraphs[1:], strict=True):
        lines += [f'<SPEAKER ID={ident} NAME="{name}">', "<P>" if ident == 3 else "", text]
    return "\n".join(line for line in lines if line) + "\n"


SPEAKERS = [(1, "Fraga Estévez"), (2, "President"), (3, "President")]


def test_europarl_markup_lines_are_paragraph_breaks(tmp_path):
    fr = [FR_21_FIRST, "Monsieur le Président, Je voulais simplement diffuser une information.",
          "Merci beaucoup, Madame Fraga.", FR_21_LAST]
    (tmp_path / "s.en.txt").write_text(europarl_markup(EN_21, SPEAKERS))
    (tmp_path / "s.fr.txt").write_text(europarl_markup(fr, SPEAKERS))
    result = read(tmp_path / "s.en.txt", tmp_path / "s.fr.txt")
    assert [(p.source, p.target) for p in result.pairs] == list(zip(EN_21, fr, strict=True))
    assert not any("<" in p.source + p.target for p in result.pairs)


def test_drift_named_by_markup_section(tmp_path):
    en = EN_21[:2] + ["An extra paragraph only in English.", EN_21[2], EN_21[3]]
    text = europarl_markup(EN_21, SPEAKERS).replace(
        EN_21[1], EN_21[1] + "\nAn extra paragraph only in English.")
    (tmp_path / "s.en.txt").write_text(text)
    (tmp_path / "s.fr.txt").write_text(europarl_markup(
        [FR_21_FIRST, "Monsieur le Président.", "Merci.", FR_21_LAST], SPEAKERS))
    with pytest.raises(InputError) as err:
        read(tmp_path / "s.en.txt", tmp_path / "s.fr.txt")
    message = str(err.value)
    assert message.startswith(f"{tmp_path / 's.en.txt'}:3: 5 paragraphs in the source, 4 in ")
    assert 'section <SPEAKER ID=1 NAME="Fraga Estévez"> (source line 3, target line 3' in message
    assert "2 vs 1 paragraphs" in message
    assert len(en) == 5


def test_drift_without_markup_names_lines_near_the_break(tmp_path):
    en = (DATA / "ep-00-01-17-excerpt.en.txt").read_text(encoding="utf-8").split("\n\n")
    fr = (DATA / "ep-00-01-17-excerpt.fr.txt").read_text(encoding="utf-8").split("\n\n")
    del fr[30]  # paragraph 31, on line 61
    (tmp_path / "a.fr.txt").write_text("\n\n".join(fr), encoding="utf-8")
    with pytest.raises(InputError) as err:
        read(DATA / "ep-00-01-17-excerpt.en.txt", tmp_path / "a.fr.txt")
    message = str(err.value)
    assert "40 paragraphs in the source, 39 in" in message
    assert err.value.line == 61, message  # the English paragraph without its translation
    assert "--align-paragraphs" in message
    # with alignment, every other paragraph still pairs with its own translation, and the
    # one without goes to the rejects (length alone merged it with a neighbour)
    result = read(DATA / "ep-00-01-17-excerpt.en.txt", tmp_path / "a.fr.txt",
                  align_paragraphs=True)
    good = {(e.strip(), f.strip()) for e, f in zip(en[:30], fr[:30], strict=True)}
    good |= {(e.strip(), f.strip()) for e, f in zip(en[31:], fr[30:], strict=True)}
    assert {(p.source, p.target) for p in result.pairs} == good
    assert [p.align for p in result.pairs if p.align is not None] == []
    assert [(r.line, r.reason) for r in result.rejects] == [(61, "unaligned-paragraph")]



def test_a_drift_is_named_by_the_file_of_the_paragraph_left_without_counterpart(tmp_path):
    """The English of paragraph 11 of the session missing, English one paragraph a line
    and French with blank lines between: the French paragraph 11, on line 21 of the French
    file, lost its counterpart. The error named the English file at line 11, whose
    paragraph (the English 12) has its translation, and the French line only inside the
    message; the file and line an editor jumps to are now the French paragraph's."""
    en = [e.strip() for e in (DATA / "ep-00-01-17-excerpt.en.txt").read_text(
        encoding="utf-8").split("\n\n")]
    (tmp_path / "a.en.txt").write_text("\n".join(en[:10] + en[11:]) + "\n", encoding="utf-8")
    fr_path = DATA / "ep-00-01-17-excerpt.fr.txt"
    with pytest.raises(InputError) as err:
        read(tmp_path / "a.en.txt", fr_path)
    assert (err.value.file, err.value.line) == (str(fr_path), 21), str(err.value)
    assert str(err.value).startswith(f"{fr_path}:21: 39 paragraphs in the source, 40 in ")
    assert "near source line 11 / target line 21" in str(err.value)

def test_as_many_paragraphs_but_not_the_same_is_a_drift(tmp_path):
    """One paragraph missing from each file, at different places: the counts match, and
    pairing line by line gave every paragraph between the two gaps its neighbour's
    translation (15 wrong units here), without a word. The alignment finds the shift."""
    en = (DATA / "ep-00-01-17-excerpt.en.txt").read_text(encoding="utf-8").split("\n\n")
    fr = (DATA / "ep-00-01-17-excerpt.fr.txt").read_text(encoding="utf-8").split("\n\n")
    en = [e.strip() for e in en]
    fr = [f.strip() for f in fr]
    dropped_en, dropped_fr = en[10], fr[25]  # paragraphs 11 and 26
    (tmp_path / "a.en.txt").write_text("\n\n".join(en[:10] + en[11:]), encoding="utf-8")
    (tmp_path / "a.fr.txt").write_text("\n\n".join(fr[:25] + fr[26:]), encoding="utf-8")
    with pytest.raises(InputError) as err:
        read(tmp_path / "a.en.txt", tmp_path / "a.fr.txt")
    message = str(err.value)
    assert "39 paragraphs in the source and in" in message and "but not the same" in message
    assert err.value.line == 21, message  # the gap: line 21 of the French is left unpaired
    assert "--align-paragraphs" in message
    result = read(tmp_path / "a.en.txt", tmp_path / "a.fr.txt", align_paragraphs=True)
    good = {(e, f) for e, f in zip(en, fr, strict=True)}
    assert {(p.source, p.target) for p in result.pairs} == good - {(en[10], fr[10]),
                                                                   (en[25], fr[25])}
    assert sorted(r.text.split(": ", 1)[1] for r in result.rejects) == sorted(
        [fr[10], en[25]])
    assert dropped_en not in {p.source for p in result.pairs}
    assert dropped_fr not in {p.target for p in result.pairs}

def test_a_merge_beside_a_lone_paragraph_that_the_texts_do_not_support_is_a_drift(tmp_path):
    """The first paragraph dropped from the English, the third from the French: the check
    alignment took the lone "Adoption du procès-verbal ..." and merged "Mr President ..."
    with "Thank you, Mrs Fraga Estévez ..." into "Monsieur le Président ...", which is back
    on the diagonal, and the files were paired line by line without a word, each of the
    first two paragraphs with another's translation. Checked, the merge does not hold
    ("Thank you ..." shares nothing with it the other does not, nor do the lengths need
    it): what is left, "Mr President ..." / "Monsieur le Président ...", is off the
    diagonal."""
    fr = [f.strip() for f in (DATA / "ep-00-01-21.fr.txt").read_text(
        encoding="utf-8").split("\n\n")]
    (tmp_path / "a.en.txt").write_text("\n\n".join(EN_21[1:]), encoding="utf-8")
    (tmp_path / "a.fr.txt").write_text("\n\n".join(fr[:2] + fr[3:]), encoding="utf-8")
    with pytest.raises(InputError) as err:
        read(tmp_path / "a.en.txt", tmp_path / "a.fr.txt")
    message = str(err.value)
    assert "3 paragraphs in the source and in" in message and "but not the same" in message
    assert err.value.line == 1 and err.value.file.endswith("a.fr.txt"), message
    result = read(tmp_path / "a.en.txt", tmp_path / "a.fr.txt", align_paragraphs=True)
    assert [(p.source, p.target) for p in result.pairs] == [(EN_21[1], fr[1]),
                                                            (EN_21[3], FR_21_LAST)]
    assert sorted(r.text.split(": ", 1)[1] for r in result.rejects) == sorted(
        [FR_21_FIRST, EN_21[2]])


DGT = Path(__file__).parent / "data" / "dgt-parallel"


def _marine_equipment() -> tuple[list[str], list[str]]:
    """The PL and EN rows of tests/data/dgt-parallel/marine-equipment.*.txt, line i
    translating line i."""
    return tuple((DGT / f"marine-equipment.{lang}.txt").read_text(encoding="utf-8")
                 .splitlines() for lang in ("pl", "en"))  # type: ignore[return-value]


def _read_pl_en(src: Path, tgt: Path, **kw):
    return read_parallel(src, tgt, source_lang="pl-PL", target_lang="en-GB", **kw)


def test_rows_twice_as_long_are_not_taken_for_a_drift():
    """DGT-TM 2019 rows whose Polish quotes the English title and adds its translation
    ("Rigid liferaft – Coast Guard (CG- 5214)Review Checklist, 27 July 1998 (Sztywne
    tratwy ratunkowe ...)"), twice as long as the English row: the lengths paired it with
    two English rows and the next rows each with its neighbour's translation, and files
    translated line by line were refused as drifting apart. The code, the date and the
    title the rows share keep each row with its translation."""
    pl, en = _marine_equipment()
    result = _read_pl_en(DGT / "marine-equipment.pl.txt", DGT / "marine-equipment.en.txt")
    assert [(p.source, p.target) for p in result.pairs] == list(zip(pl, en, strict=True))
    assert result.rejects == []


def _english_row_dropped(tmp_path, at: int):
    """The marine equipment rows with English row ``at`` left out, read with
    --align-paragraphs: (Polish rows, English rows, result), every unit written checked to
    be a row and its translation."""
    pl, en = _marine_equipment()
    (tmp_path / "m.pl.txt").write_text("\n".join(pl) + "\n", encoding="utf-8")
    (tmp_path / "m.en.txt").write_text("\n".join(en[:at] + en[at + 1:]) + "\n",
                                       encoding="utf-8")
    result = _read_pl_en(tmp_path / "m.pl.txt", tmp_path / "m.en.txt", align_paragraphs=True)
    rows = set(zip(pl, en, strict=True))
    assert [(p.source, p.target) for p in result.pairs if (p.source, p.target) not in rows] \
        == []
    return pl, en, result


def test_a_missing_row_does_not_shift_the_rows_after_a_long_one(tmp_path):
    """The same rows with one English row missing far before them (--align-paragraphs):
    "Samoodwracalne sztywne tratwy ratunkowe ..." (self-righting rigid liferafts) was
    paired with "Canopied reversible liferafts ...", and the two rows after it with their
    neighbours' translations. Every unit written is a row and its translation; the row
    left without one is a reject."""
    pl, en, result = _english_row_dropped(tmp_path, 13)
    assert (pl[83], en[83]) in {(p.source, p.target) for p in result.pairs}
    assert pl[83].startswith("Samoodwracalne") and en[83].startswith("Automatically self")
    assert [r.text for r in result.rejects] == [f"source paragraph without counterpart: {pl[13]}"]
    assert len(result.pairs) + len(result.rejects) == len(pl)


def test_a_missing_row_placed_by_the_lengths_alone_leaves_rejects(tmp_path):
    """The English of "Samouruchamiające się sygnały dymne kół ratunkowych" (Lifebuoy
    self-activating smoke signals) missing: the lengths left the Polish row before it, the
    English title followed by its translation, alone, and paired the Polish smoke signals
    with "Lifejacket light approval Guidance (SOLAS) 22 March 1999". Where the gap could as
    well lie a row or two away, the rows between are rejects "without a sure counterpart":
    every unit written is a row and its translation, and every row is accounted for."""
    pl, en, result = _english_row_dropped(tmp_path, 65)
    assert en[65] == "Lifebuoy self- activating smoke signals"
    rejected = [r.text for r in result.rejects]
    assert f"source paragraph without a sure counterpart: {pl[65]}" in rejected
    assert len(result.pairs) * 2 + len(result.rejects) == len(pl) + len(en) - 1


def test_a_drift_after_lower_case_list_items_is_named_where_it_is(tmp_path):
    """Polish list items open in lower case ("rezolucja IMO MSC.81(70), ze zmianami" after
    "rezolucja IMO MSC.48(66)- (kodeks LSA) I, IV"), as the second half of a paragraph
    split in two does: joined as one, they made the error name line 59, whose two rows
    translate each other, for rows dropped at lines 65 and 71."""
    pl, en = _marine_equipment()
    (tmp_path / "m.pl.txt").write_text("\n".join(pl[:64] + pl[65:]) + "\n", encoding="utf-8")
    (tmp_path / "m.en.txt").write_text("\n".join(en[:70] + en[71:]) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        _read_pl_en(tmp_path / "m.pl.txt", tmp_path / "m.en.txt")
    assert err.value.line == 65, str(err.value)
    assert "near source line 65 / target line 65" in str(err.value)


def test_a_definition_without_its_translation_is_rejected_not_paired(tmp_path):
    """Definitions of DGT-TM 22019D0438 (tests/data/dump_definitions.tsv), the French one
    of "assistant" left out. They differ in length more than sentences do: length alone put
    the first two English definitions against the first French one, then "arbitration
    panel" against «arbitre» and "assistant" against «groupe spécial d'arbitrage», and
    named line 1 as where the files drift apart. The anchors the texts share (the defined
    term in quotes, names, numbers) place the gap."""
    import csv

    with (DATA.parent / "dump_definitions.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    missing = next(i for i, row in enumerate(rows) if row["en"].startswith("‘assistant’"))
    (tmp_path / "d.en.txt").write_text("".join(r["en"] + "\n" for r in rows), "utf-8")
    (tmp_path / "d.fr.txt").write_text("".join(r["fr"] + "\n" for r in rows
                                               if r is not rows[missing]), "utf-8")
    with pytest.raises(InputError) as err:
        read(tmp_path / "d.en.txt", tmp_path / "d.fr.txt")
    assert err.value.line == missing + 1, str(err.value)
    result = read(tmp_path / "d.en.txt", tmp_path / "d.fr.txt", align_paragraphs=True)
    pairs = [(p.source, p.target) for p in result.pairs]
    assert pairs == [(r["en"], r["fr"]) for r in rows if r is not rows[missing]]
    assert [(r.line, r.reason) for r in result.rejects] == [(missing + 1,
                                                             "unaligned-paragraph")]


def test_blank_line_paragraphs_join_wrapped_lines(tmp_path):
    (tmp_path / "w.en.txt").write_text("First paragraph\nwrapped here.\n\nSecond one.\n")
    (tmp_path / "w.fr.txt").write_text("Premier paragraphe\ncoupé ici.\n\nDeuxième.\n")
    result = read(tmp_path / "w.en.txt", tmp_path / "w.fr.txt")
    assert [(p.source, p.target, p.line) for p in result.pairs] == [
        ("First paragraph wrapped here.", "Premier paragraphe coupé ici.", 1),
        ("Second one.", "Deuxième.", 4),
    ]
    assert [p.text for p in split_paragraphs("a\nb\n\nc\n", "line")] == ["a", "b", "c"]


def _excerpt_paragraphs(lang: str) -> list[str]:
    text = (DATA / f"ep-00-01-17-excerpt.{lang}.txt").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip()]


def test_paragraph_per_line_with_section_blank_lines_is_not_joined(tmp_path):
    # A word processor's text export: a paragraph a line, an empty paragraph between some
    # sections. Joining each section into one paragraph glued the heading "Resumption of
    # the session" to the President's first sentence, and units were written so.
    paths = []
    for lang in ("en", "fr"):
        paras = _excerpt_paragraphs(lang)
        sections = ["\n".join(paras[i:i + 10]) for i in range(0, len(paras), 10)]
        paths.append(tmp_path / f"s.{lang}.txt")
        paths[-1].write_text("\n\n".join(sections) + "\n", encoding="utf-8")
    result = read(*paths)
    assert [p.source for p in result.pairs] == _excerpt_paragraphs("en")
    assert [p.target for p in result.pairs] == _excerpt_paragraphs("fr")
    assert result.pairs[0].source == "Resumption of the session"
    assert not result.rejects


def test_hard_wrapped_paragraphs_are_still_joined(tmp_path):
    import textwrap

    paths = []
    for lang in ("en", "fr"):
        wrapped = [textwrap.fill(p, 60, break_on_hyphens=False)
                   for p in _excerpt_paragraphs(lang)]
        paths.append(tmp_path / f"w.{lang}.txt")
        paths[-1].write_text("\n\n".join(wrapped) + "\n", encoding="utf-8")
    result = read(*paths)
    assert [p.source for p in result.pairs] == _excerpt_paragraphs("en")
    assert [p.target for p in result.pairs] == _excerpt_paragraphs("fr")


def test_sentence_per_line_paragraphs_are_still_joined(tmp_path):
    # a sentence a line, a blank line between paragraphs: the two languages have
    # different sentence counts, the same paragraphs
    from tmx_export.segment.rules import segment_text

    paths = []
    for lang, tag in (("en", "en-GB"), ("fr", "fr-FR")):
        cut = ["\n".join(segment_text(p, tag)) for p in _excerpt_paragraphs(lang)]
        paths.append(tmp_path / f"l.{lang}.txt")
        paths[-1].write_text("\n\n".join(cut) + "\n", encoding="utf-8")
    result = read(*paths)
    assert len(result.pairs) == len(_excerpt_paragraphs("en"))
    assert result.pairs[2].source == _excerpt_paragraphs("en")[2]


def test_align_lengths_recovers_a_merge():
    # target paragraph 2 is source paragraphs 2+3 run together
    src = [100, 40, 45, 300, 80]
    tgt = [110, 95, 320, 90]
    assert align_lengths(src, tgt) == [([0], [0]), ([1, 2], [1]), ([3], [2]), ([4], [3])]


def test_empty_and_missing_files(tmp_path):
    (tmp_path / "e.en.txt").write_text("\n\n<P>\n")
    (tmp_path / "e.fr.txt").write_text("Bonjour.\n")
    with pytest.raises(InputError, match="no paragraphs"):
        read(tmp_path / "e.en.txt", tmp_path / "e.fr.txt")
    with pytest.raises(InputError, match="no such file"):
        read(tmp_path / "none.en.txt", tmp_path / "e.fr.txt")


def test_files_are_checked_window_by_window(tmp_path, monkeypatch):
    """The check that files with as many paragraphs correspond aligns them a window at a
    time (the aligner's memory grows with its input: a 50,000-paragraph pair of files took
    460 MB aligned at once, 100 MB by windows). The windows overlap by half, so a shift
    whose gaps fall in different windows still shows; files that correspond pass. (One
    missing paragraph on each side next to each other leaves a single paragraph paired
    wrongly, which the alignment tells from a free translation no better than chance:
    that is not taken for a drift.)"""
    import tmx_export.formats.parallel as parallel

    monkeypatch.setattr(parallel, "CHECK_WINDOW", 12)
    en = [e.strip() for e in (DATA / "ep-00-01-17-excerpt.en.txt").read_text(
        encoding="utf-8").split("\n\n")]
    fr = [f.strip() for f in (DATA / "ep-00-01-17-excerpt.fr.txt").read_text(
        encoding="utf-8").split("\n\n")]
    (tmp_path / "ok.en.txt").write_text("\n\n".join(en), encoding="utf-8")
    (tmp_path / "ok.fr.txt").write_text("\n\n".join(fr), encoding="utf-8")
    assert len(read(tmp_path / "ok.en.txt", tmp_path / "ok.fr.txt").pairs) == len(en)
    for dropped_en, dropped_fr in ((10, 25), (5, 9), (12, 15), (20, 6), (13, 16), (2, 30)):
        (tmp_path / "a.en.txt").write_text(
            "\n\n".join(en[:dropped_en] + en[dropped_en + 1:]), encoding="utf-8")
        (tmp_path / "a.fr.txt").write_text(
            "\n\n".join(fr[:dropped_fr] + fr[dropped_fr + 1:]), encoding="utf-8")
        with pytest.raises(InputError, match="but not the same"):
            read(tmp_path / "a.en.txt", tmp_path / "a.fr.txt")


SESSIONS = DATA.parent / "europarl-sessions"


def _session(name: str) -> tuple[list[str], list[str]]:
    """The paragraphs of a whole Europarl session, English and French."""
    return tuple([p.strip() for p in (SESSIONS / f"{name}.{lang}.txt").read_text(
        encoding="utf-8").split("\n\n") if p.strip()] for lang in ("en", "fr"))


DELETED = [
    (36, 44, 40),  # paragraphs 37-44 of ep-00-01-17 without 41 ("Is there a member ...")
    (36, 44, 36), (36, 44, 43),  # the first, the last
    (20, 60, 20), (20, 60, 31), (20, 60, 45), (20, 60, 59),  # 40 paragraphs: a longer search
    (20, 60, 26), (20, 60, 42),  # "Relating to Wednesday:", "Thank you, Mr Poettering."
]
UNSURE_DELETED = ("en", 36, 44, 40)  # see test_a_deleted_paragraph_the_sentences_..._unsure


@pytest.mark.parametrize(("side", "first", "last", "deleted"), [
    (side, *case) for case in DELETED for side in ("en", "fr")
    if (side, *case) != UNSURE_DELETED])
def test_a_deleted_paragraph_leaves_its_counterpart_a_reject(tmp_path, side, first, last,
                                                             deleted):
    """One paragraph of a document deleted, in either language, at the start, in the middle
    or at the end: every other paragraph pairs with its own translation, and the deleted
    one's translation is a reject. Gale & Church's priors, counted on sentences, made the
    lone translation part of its neighbour's pair (a 1-2 bead of "Madam President, I can hear
    a ripple of laughter..." with "Y a-t-il un collègue pour prendre la parole... ?" and its
    own translation), which sentence alignment then paired one by one, shifted."""
    en, fr = (paras[first:last] for paras in _session("ep-00-01-17"))
    expected = list(zip(en, fr, strict=True))
    lone = (fr if side == "en" else en)[deleted - first]
    del (en if side == "en" else fr)[deleted - first]
    (tmp_path / "d.en.txt").write_text("\n\n".join(en) + "\n", encoding="utf-8")
    (tmp_path / "d.fr.txt").write_text("\n\n".join(fr) + "\n", encoding="utf-8")
    result = read(tmp_path / "d.en.txt", tmp_path / "d.fr.txt", align_paragraphs=True)
    del expected[deleted - first]
    assert [(p.source, p.target) for p in result.pairs] == expected
    assert [p.align for p in result.pairs if p.align is not None] == []
    other = "source" if side == "fr" else "target"
    assert [(r.reason, r.text) for r in result.rejects] == [
        ("unaligned-paragraph", f"{other} paragraph without counterpart: {lone}")]


def test_a_merge_the_lengths_and_anchors_support_is_kept(tmp_path):
    """Two French paragraphs run together, as a translator may: the one English paragraph
    for each keeps both, in a 2-1 pair, since the French alone fits neither English
    paragraph and each English paragraph shares its names with it."""
    en, fr = (paras[20:60] for paras in _session("ep-00-01-17"))
    merged = fr[:10] + [f"{fr[10]} {fr[11]}"] + fr[12:]
    (tmp_path / "m.en.txt").write_text("\n\n".join(en) + "\n", encoding="utf-8")
    (tmp_path / "m.fr.txt").write_text("\n\n".join(merged) + "\n", encoding="utf-8")
    result = read(tmp_path / "m.en.txt", tmp_path / "m.fr.txt", align_paragraphs=True)
    expected = [(e, f) for e, f in zip(en, fr, strict=True)]
    expected[10:12] = [(f"{en[10]} {en[11]}", merged[10])]
    assert [(p.source, p.target) for p in result.pairs] == expected
    assert [p.align for p in result.pairs] == [None] * 10 + ["2-1"] + [None] * 28
    assert not result.rejects


@pytest.mark.parametrize(("joined", "side"), [
    (25, "en"),  # "The next item is the verification..." + "Relating to Wednesday:"
    (41, "fr"),  # "Madam President, I can hear a ripple..." + "Thank you, Mr Poettering."
    (44, "fr"),  # "Madam President, I would first..." + "We shall proceed to vote on..."
    (55, "fr"),  # "We shall pay particular attention..." + "(The order of business was adopted...)"
    # "My Group believes..." + "(Applause from the PSE Group)": the aligner merges the
    # applause with the next paragraph; split off, it is checked beside both neighbours
    (32, "fr"),
])
def test_a_merge_the_sentences_support_is_kept(tmp_path, joined, side):
    """Two paragraphs of ep-00-01-17 joined into one, in either language, one of them short
    (a title, a thanks, the order of business adopted): neither the lengths nor the anchors
    show the short one needed, and it was a reject while the long one paired with the
    joined paragraph, whose units then held the short one's text untranslated. The
    sentences of the joined paragraph align with the two's, in order: the merge is kept."""
    en, fr = (paras[20:60] for paras in _session("ep-00-01-17"))
    expected = list(zip(en, fr, strict=True))
    k = joined - 20
    expected[k:k + 2] = [(f"{en[k]} {en[k + 1]}", f"{fr[k]} {fr[k + 1]}")]
    paras = en if side == "en" else fr
    paras[k:k + 2] = [f"{paras[k]} {paras[k + 1]}"]
    (tmp_path / "j.en.txt").write_text("\n\n".join(en) + "\n", encoding="utf-8")
    (tmp_path / "j.fr.txt").write_text("\n\n".join(fr) + "\n", encoding="utf-8")
    result = read(tmp_path / "j.en.txt", tmp_path / "j.fr.txt", align_paragraphs=True)
    assert [(p.source, p.target) for p in result.pairs] == expected
    assert [p.align for p in result.pairs if p.align] == ["1-2" if side == "en" else "2-1"]
    assert not result.rejects


def test_a_deleted_paragraph_the_sentences_cannot_tell_from_a_join_is_unsure(tmp_path):
    """The cost of rejecting unsure joins (MERGE_UNSURE_GAIN): paragraphs 37-44 of
    ep-00-01-17 without the English of "Y a-t-il un collègue pour prendre la parole... ?".
    Its sentences fit the next pair ("Madame la Présidente, pour répondre aux rires...")
    about as well as a title joined to it would, so that pair is a reject too, with the
    lone paragraph: a correct pair lost, never a wrong one written."""
    en, fr = (paras[36:44] for paras in _session("ep-00-01-17"))
    del en[4]
    (tmp_path / "d.en.txt").write_text("\n\n".join(en) + "\n", encoding="utf-8")
    (tmp_path / "d.fr.txt").write_text("\n\n".join(fr) + "\n", encoding="utf-8")
    result = read(tmp_path / "d.en.txt", tmp_path / "d.fr.txt", align_paragraphs=True)
    assert [(p.source, p.target) for p in result.pairs] == [
        *zip(en[:4], fr[:4], strict=True), *zip(en[5:], fr[6:], strict=True)]
    assert [r.text for r in result.rejects] == [
        f"target paragraph without a sure counterpart: {fr[4]}",
        f"source paragraph without a sure counterpart: {en[4]}",
        f"target paragraph without a sure counterpart: {fr[5]}"]


@pytest.mark.parametrize(("first", "joined", "side"), [
    (20, 33, "en"),  # "(Applause from the PSE Group)" + "Madam President, I would like..."
    (70, 89, "en"), (70, 89, "fr"),  # "Transport of dangerous goods by road" + "The next
])                                   # item is the report ... on the transport of dangerous goods"
def test_a_join_the_sentences_cannot_tell_gives_rejects_not_a_wrong_pair(tmp_path, first,
                                                                        joined, side):
    """Two paragraphs of ep-00-01-17 joined into one, a short one first (a title, applause):
    the sentences gain too little from the join to keep it, but too much to tell it from a
    deleted paragraph's translation. The long paragraph used to pair with the joined one,
    the title's text then untranslated in its units; now the joined paragraph and both its
    translations are rejects "without a sure counterpart" (with the neighbouring pair when
    it fits as well), every other paragraph pairs with its own translation, and every
    paragraph read is in the pairs or the rejects."""
    en, fr = (paras[first:first + 40] for paras in _session("ep-00-01-17"))
    right = set(zip(en, fr, strict=True))
    k = joined - first
    paras = en if side == "en" else fr
    paras[k:k + 2] = [f"{paras[k]} {paras[k + 1]}"]
    (tmp_path / "j.en.txt").write_text("\n\n".join(en) + "\n", encoding="utf-8")
    (tmp_path / "j.fr.txt").write_text("\n\n".join(fr) + "\n", encoding="utf-8")
    result = read(tmp_path / "j.en.txt", tmp_path / "j.fr.txt", align_paragraphs=True)
    assert all((p.source, p.target) in right for p in result.pairs)
    rejected = {r.text.split(": ", 1)[1] for r in result.rejects}
    other = fr if side == "en" else en
    assert {paras[k], *other[k:k + 2]} <= rejected
    assert all("without a sure counterpart" in r.text for r in result.rejects)
    assert len(result.pairs) >= 37  # at most the neighbouring pair lost besides
    assert 2 * len(result.pairs) + len(result.rejects) == len(en) + len(fr)


def test_a_merge_nothing_decides_is_rejected_whole():
    """"(Applause)" beside two "(Applaudissements)": either could be its translation, the
    lengths are the same and neither shares an anchor the other does not. A merge of the
    three would say the English was translated twice; the three are rejects."""
    src = [Paragraph("(Applause)", 1)]
    tgt = [Paragraph("(Applaudissements)", 1), Paragraph("(Applaudissements)", 3)]
    assert checked_merges([([0], [0, 1])], src, tgt) == [([0], [0, 1], [True])]
    # a translation that shares a name is needed; the other is then alone (the length
    # ratio from the one-to-one pair before: the three alone have only their totals' 1.96,
    # at which "(Applaudissements)" fits in as well, and all three would be unsure)
    src = [Paragraph("Thank you, Mr Poettering.", 1), Paragraph("(Applause for Mr Poettering)", 3)]
    tgt = [Paragraph("Merci Monsieur Poettering.", 1), Paragraph("(Applaudissements)", 3),
           Paragraph("(Applaudissements pour M. Poettering)", 5)]
    assert checked_merges([([0], [0]), ([1], [1, 2])], src, tgt) == [
        ([0], [0]), ([], [1]), ([1], [2])]


# DGT-TM 22019A0315(01): Bulgarian and Italian split the title in two paragraphs, the second
# opening with a lower-case word; Greek and German keep it whole
SPLIT_TITLES = {
    "el": ["ΜΕΤΑΦΡΑΣΗ", "Συμφωνία για την αποτροπή της άναρχης αλιείας ανοικτής θάλασσας στον "
           "κεντρικό Αρκτικό Ωκεανό", "Τα συμβαλλόμενα μέρη της παρούσας συμφωνίας,"],
    "bg": ["ПРЕВОД", "Споразумение", "за предотвратяване на нерегулирания риболов в открито "
           "море в централната част на Северния ледовит океан",
           "Страните по настоящото споразумение,"],
    "de": ["ÜBERSETZUNG", "Übereinkommen zur Verhinderung der unregulierten Hochseefischerei "
           "im zentralen Nordpolarmeer", "Die Vertragsparteien dieses Übereinkommens,"],
    "it": ["TRADUZIONE", "Accordo", "volto a impedire la pesca non regolamentata d'alto mare "
           "nel Mar glaciale artico centrale", "Le parti del presente accordo,"],
}


@pytest.mark.parametrize(("source", "target", "kept"), [
    ("el", "bg", [(2, 3)]),  # the aligner had "ΜΕΤΑΦΡΑΣΗ" / "Споразумение"
    ("de", "it", [(0, 0), (2, 3)]),  # ... and "Übereinkommen ..." / "volto a impedire ..."
])
def test_a_title_split_in_two_on_one_side_leaves_rejects_not_wrong_units(
        tmp_path, source, target, kept):
    """A title split in two on one side, beside a heading without its translation: the
    aligner placed the short half by its length alone, and wrote a heading with the first
    half of the title (EL-BG), or the long half without the short one (DE-IT). A 2-1 merge
    is as likely there as a title without translation: the units around it are rejects.
    Without --align-paragraphs, the error names the split title, not the pair on line 1."""
    for lang in (source, target):
        (tmp_path / f"t.{lang}.txt").write_text("\n\n".join(SPLIT_TITLES[lang]) + "\n",
                                                encoding="utf-8")
    paths = tmp_path / f"t.{source}.txt", tmp_path / f"t.{target}.txt"
    result = read_parallel(*paths, source_lang=source, target_lang=target,
                           align_paragraphs=True)
    src, tgt = SPLIT_TITLES[source], SPLIT_TITLES[target]
    assert [(p.source, p.target) for p in result.pairs] == [(src[i], tgt[j]) for i, j in kept]
    assert len(result.pairs) + len(result.rejects) == len(src) + len(tgt) - len(kept)
    assert {r.reason for r in result.rejects} == {"unaligned-paragraph"}
    with pytest.raises(InputError) as err:
        read_parallel(*paths, source_lang=source, target_lang=target)
    assert "near source line 3 / target line 3" in str(err.value)


DGT_0391 = Path(__file__).parent / "data" / "tmx" / "dgt-tm" / "22019D0391.tmx"


@pytest.mark.parametrize(("lang", "codepage"), [("fr-FR", "mac-roman"), ("et-EE", "cp1257")])
def test_a_file_no_code_page_reads_as_words_is_refused_at_its_line(tmp_path, lang, codepage):
    """French saved on a Mac was read as cp1251 ("prЋvenir" for "prévenir"), Estonian in
    cp1257 (which no word list tells) as cp1252 ("ðahtide" for "šahtide"): every unit wrong,
    without a word."""
    from tmx_export.formats.tmx import read_tmx

    dgt = read_tmx(DGT_0391, source_lang="en-GB", target_lang=lang).pairs
    english, other = tmp_path / "decision.en.txt", tmp_path / "decision.xx.txt"
    english.write_text("\n\n".join(p.source for p in dgt) + "\n", encoding="utf-8")
    other.write_bytes(("\n\n".join(p.target for p in dgt) + "\n").encode(codepage))
    with pytest.raises(InputError, match=r"decision.xx.txt:\d+: undecodable bytes \(neither "
                                         r"UTF-8 nor a code page that reads them as words"):
        read_parallel(english, other, source_lang="en-GB", target_lang=lang)


def test_the_code_page_is_told_by_words_past_the_start_of_the_file(tmp_path):
    """An English session saved on a Polish Windows (cp1250) whose first 64 KiB hold only
    letters cp1252 reads alike ("Díez", "Hänsch") was read as cp1252, the Polish names
    further on written "Wa³êsa" and "£ódŸ"."""
    sessions = Path(__file__).parent / "data" / "europarl-sessions"
    english = (sessions / "ep-00-01-17.en.txt").read_text(encoding="utf-8")
    assert english.index("Hänsch") < 1 << 16
    english = english.replace("º", "°")  # not in cp1250
    last = english.rstrip().rsplit("\n", 1)[1]
    polish = last + " Mr Wałęsa, from Gdańsk, and Mrs Żółkiewska, from Łódź, agree."
    english = english.replace(last, polish)
    path = tmp_path / "session.en.txt"
    path.write_bytes(english.encode("cp1250"))
    result = read(path, sessions / "ep-00-01-17.fr.txt")
    assert result.pairs[-1].source == polish


@pytest.mark.parametrize("segment", ["sentence", "clause"])
def test_decomposed_accents_give_the_units_of_the_same_files_composed(tmp_path, segment):
    # The 17 January session written decomposed (NFD, as macOS and some CAT tools write
    # accents): "législature" counted 12 characters for 11, and one sentence's translation
    # ran on into the next ("... législature ; au cours de cette législature,"), pairing
    # "legislature" with "confiance". The units must be those of the files composed, each
    # with its text as written (decomposed).
    import unicodedata

    from tmx_export.pipeline import read_units

    composed, decomposed = tmp_path / "nfc", tmp_path / "nfd"
    for folder, form in ((composed, "NFC"), (decomposed, "NFD")):
        folder.mkdir()
        for lang in ("en", "fr"):
            text = (DATA / f"ep-00-01-17-excerpt.{lang}.txt").read_text(encoding="utf-8")
            (folder / f"ep.{lang}.txt").write_text(unicodedata.normalize(form, text),
                                                   encoding="utf-8")
    runs = [read_units([folder / "ep.en.txt"], source_lang="en", target_lang="fr",
                       segment=segment)
            for folder in (composed, decomposed)]
    (units_c, rejects_c), (units_d, rejects_d) = runs
    assert len(units_d) == len(units_c) and len(rejects_d) == len(rejects_c)
    assert [(u.source, u.target, u.align) for u in units_d] == [
        (unicodedata.normalize("NFD", u.source), unicodedata.normalize("NFD", u.target), u.align)
        for u in units_c]
    assert any("le\u0301gislature ;" in u.target and u.target.endswith(";") for u in units_d)


def _eea_annex_ix() -> tuple[list[str], list[str]]:
    """The EN and FR rows of tests/data/dgt-parallel/eea-annex-ix.*.txt, line i
    translating line i."""
    return tuple((DGT / f"eea-annex-ix.{lang}.txt").read_text(encoding="utf-8")
                 .splitlines() for lang in ("en", "fr"))  # type: ignore[return-value]


@pytest.mark.parametrize("en_at, fr_at", [(17, 20), (20, 17), (14, 16)])
def test_a_row_missing_on_each_side_a_few_rows_apart_is_found(tmp_path, en_at, fr_at):
    """DGT-TM rows of an EEA decision ("In Article 47(1) ...", "In Article 48(3) ...")
    with one English row and, a few rows on, one French row left out: the files have as
    many rows, and the rows between paired straight on, each with its neighbour's
    translation ("In Article 48(3) ..." / "À l'article 47, paragraphe 1 ..."), read
    without a word, and aligned too, as a row without counterpart on each side cost more
    than pairs whose lengths disagree. The numbers and names they share with their own
    translations, one row off, find the shift: without --align-paragraphs the files are
    refused, and aligned, every unit written is a row and its translation."""
    en, fr = _eea_annex_ix()
    _, result = _read_without_rows(tmp_path, en, fr, en_at, fr_at)
    assert len(result.pairs) * 2 + len(result.rejects) == 2 * (len(en) - 1)
    assert len(result.pairs) >= len(en) - 1 - 3


@pytest.mark.parametrize("dropped", [17, 19, 25, 26])
def test_a_merge_only_the_lengths_need_beside_a_longer_translation_is_unsure(tmp_path,
                                                                            dropped):
    """DGT-TM rows of an EEA decision whose French quotes the inserted words twice ("À
    l'article 9, paragraphe 3, les expressions “...” et “...”" for "In Article 9(3), the
    words “...”"), as long again as the English, with the French of a row beside them
    dropped (--align-paragraphs): the English row left without translation made the
    lengths fit and was merged into the pair, which was written, half of its English
    untranslated ("References to other acts in the Regulation ..." / "À l'article 9 ...").
    It shares no anchor with the French row, or holds numbers the French does not, while
    its neighbour shares the article's number: the three rows are rejects, not a unit."""
    en, fr = ((DGT / f"eea-prospectus.{lang}.txt").read_text(encoding="utf-8").splitlines()
              for lang in ("en", "fr"))
    (tmp_path / "d.en.txt").write_text("\n".join(en) + "\n", encoding="utf-8")
    (tmp_path / "d.fr.txt").write_text("\n".join(fr[:dropped] + fr[dropped + 1:]) + "\n",
                                       encoding="utf-8")
    result = read(tmp_path / "d.en.txt", tmp_path / "d.fr.txt", align_paragraphs=True)
    rows = set(zip(en, fr, strict=True))
    assert [(p.source, p.target) for p in result.pairs if (p.source, p.target) not in rows] \
        == []
    assert en[dropped] in [r.text.split(": ", 1)[1] for r in result.rejects]
    assert len(result.pairs) * 2 + sum(p.align == "2-1" for p in result.pairs) \
        + len(result.rejects) == 2 * len(en) - 1
    assert len(result.pairs) >= len(en) - 4


def _read_without_rows(tmp_path: Path, en: list[str], fr: list[str], en_at: int,
                       fr_at: int) -> tuple[InputError, ReadResult]:
    """Parallel files of the rows ``en`` and ``fr`` without English row ``en_at`` and French
    row ``fr_at``: refused without --align-paragraphs, as not the same; aligned, no unit
    pairs a row with another's translation. The refusal and the aligned result."""
    (tmp_path / "d.en.txt").write_text("\n".join(en[:en_at] + en[en_at + 1:]) + "\n",
                                       encoding="utf-8")
    (tmp_path / "d.fr.txt").write_text("\n".join(fr[:fr_at] + fr[fr_at + 1:]) + "\n",
                                       encoding="utf-8")
    with pytest.raises(InputError) as err:
        read(tmp_path / "d.en.txt", tmp_path / "d.fr.txt")
    assert "but not the same" in str(err.value)
    result = read(tmp_path / "d.en.txt", tmp_path / "d.fr.txt", align_paragraphs=True)
    rows = set(zip(en, fr, strict=True))
    assert [(p.source, p.target) for p in result.pairs if (p.source, p.target) not in rows] \
        == []
    return err.value, result


def _two_left_over_refused_and_rejected(tmp_path: Path, en: list[str], fr: list[str],
                                        en_at: int, fr_at: int) -> ReadResult:
    """:func:`_read_without_rows`, the refusal naming the first of the two rows' lines and
    the two rows left over rejects. The aligned result."""
    error, result = _read_without_rows(tmp_path, en, fr, en_at, fr_at)
    assert error.line == min(en_at, fr_at) + 1
    rejected = [r.text.split(": ", 1)[1] for r in result.rejects]
    assert en[fr_at] in rejected and fr[en_at] in rejected
    return result


@pytest.mark.parametrize("en_at, fr_at", [(18, 17), (17, 18), (6, 7), (12, 13), (20, 19),
                                          (14, 15), (15, 14), (22, 23), (23, 22)])
def test_a_row_missing_on_each_side_next_to_each_other_is_found(tmp_path, en_at, fr_at):
    """DGT-TM rows of an EEA decision with one English row and the French of the row
    beside it left out: the files have as many rows, and the two left over were paired,
    strangers ("In Article 47(1) ..." / "À l'article 48, paragraphe 3 ..."), read without
    a word, and aligned too, as nothing shifted around them. The two cite different
    numbers, or one cites three and the other none ("In the second subparagraph of
    Article 46(4), the third subparagraph of Article 46(10) ..." / "Nonobstant les
    dispositions du protocole 1 ..."), while the rows beside them cite the same: without
    --align-paragraphs the
    files are refused, naming the row's line, and aligned, the two rows are rejects
    (with the rows beside them, where the lengths could as well place them), every unit
    written a row and its translation."""
    en, fr = _eea_annex_ix()
    result = _two_left_over_refused_and_rejected(tmp_path, en, fr, en_at, fr_at)
    assert len(result.pairs) * 2 + len(result.rejects) == 2 * (len(en) - 1)
    assert len(result.pairs) >= len(en) - 1 - 3


@pytest.mark.parametrize("document, en_at, fr_at", [("eea-prospectus", 9, 8),
                                                     ("eea-prospectus", 11, 10),
                                                     ("eea-prospectus", 15, 16),
                                                     ("eea-annex-ix", 8, 9)])
def test_two_rows_left_over_sharing_nothing_but_a_number_of_one_are_found(tmp_path, document,
                                                                          en_at, fr_at):
    """DGT-TM rows of EEA decisions with one English row and the French of the row beside
    it left out: the two left over share no word, no name, no number, and one holds a
    number the other does not ("Annex IX to the EEA Agreement should therefore be amended
    accordingly," / "A ADOPTÉ LA PRÉSENTE DÉCISION:", "Article 1" / "L'annexe IX de
    l'accord EEE ...", "Notwithstanding the provisions of Protocol 1 ..." / "Aux fins du
    présent accord, les dispositions du règlement ..."). With fewer than three
    references, or none on one side, they were paired, and the files read line by line
    without a word; now they are refused, naming the row's line, and aligned, the two
    rows are rejects."""
    en, fr = ((DGT / f"{document}.{lang}.txt").read_text(encoding="utf-8").splitlines()
              for lang in ("en", "fr"))
    _two_left_over_refused_and_rejected(tmp_path, en, fr, en_at, fr_at)


def test_two_rows_left_over_sharing_only_a_year_are_found(tmp_path):
    """DGT-TM rows of an EEA decision of 2019, the third English row and the second French
    one left out: "of 29 March 2019" / "modifiant l'annexe IX (Services financiers) ...
    [2019/1400]" share the year, which most rows cite, and nothing else of what they
    cite (29; IX, 1400): they were paired, and the files read line by line without a
    word. Now they are refused, naming the row's line, and aligned, the two rows are
    rejects."""
    en, fr = ((DGT / f"eea-prospectus.{lang}.txt").read_text(encoding="utf-8").splitlines()
              for lang in ("en", "fr"))
    _two_left_over_refused_and_rejected(tmp_path, en, fr, en_at=2, fr_at=1)


def test_a_gap_the_lengths_place_a_row_off_is_unsure_where_the_numbers_say_so(tmp_path):
    """DGT-TM rows of an EEA decision, an English row left out before a row whose French
    quotes the inserted words twice, as long again as the English ("In Article 9(3), the
    words “...”" / "À l'article 9, paragraphe 3, les expressions “...” et “...”"):
    --align-paragraphs left the long French row alone, the lengths fitting better so, and
    paired its English with the French of the row dropped ("In Article 9(3) ..." / "Les
    renvois à d'autres actes ..."), though the article's numbers say the gap is a row
    before. Where the numbers say so against the lengths, the pairs the gap could lie
    among are rejects, not a unit with a stranger's translation."""
    dropped = 17
    en, fr = ((DGT / f"eea-prospectus.{lang}.txt").read_text(encoding="utf-8").splitlines()
              for lang in ("en", "fr"))
    (tmp_path / "d.en.txt").write_text("\n".join(en[:dropped] + en[dropped + 1:]) + "\n",
                                       encoding="utf-8")
    (tmp_path / "d.fr.txt").write_text("\n".join(fr) + "\n", encoding="utf-8")
    result = read(tmp_path / "d.en.txt", tmp_path / "d.fr.txt", align_paragraphs=True)
    rows = set(zip(en, fr, strict=True))
    assert [(p.source, p.target) for p in result.pairs if (p.source, p.target) not in rows] \
        == []
    assert fr[dropped] in [r.text.split(": ", 1)[1] for r in result.rejects]
    assert len(result.pairs) * 2 + len(result.rejects) == 2 * len(en) - 1
    assert len(result.pairs) >= len(en) - 4


def test_a_number_the_translation_writes_as_a_word_is_no_sign_of_strangers(tmp_path):
    """DGT-TM rows that correspond line by line were refused as drifting apart: a row
    citing "Absatz 1" (German) or "Artykuł 1" (Polish) whose translation shares no word
    with it and writes the number as a word, "in het eerste lid" (Dutch), "Article
    premier" (French), was taken for one of two strangers, a paragraph missing on each
    side. The number written as a word of the translation's language is now found: both
    files are read row by row. A number the translation holds in no form still splits
    the pair (the test of two rows left over above)."""
    from tmx_export.formats.tmx import read_tmx

    german, dutch = (DGT / f"arctic-fisheries.{lang}.txt" for lang in ("de", "nl"))
    result = read_parallel(german, dutch, source_lang="de-DE", target_lang="nl-NL")
    rows = zip(german.read_text(encoding="utf-8").splitlines(),
               dutch.read_text(encoding="utf-8").splitlines(), strict=True)
    assert [(p.source, p.target) for p in result.pairs] == list(rows)
    assert result.rejects == []
    dgt = read_tmx(DGT_0391, source_lang="pl-PL", target_lang="fr-FR").pairs
    polish, french = tmp_path / "decision.pl.txt", tmp_path / "decision.fr.txt"
    polish.write_text("\n".join(" ".join(p.source.split()) for p in dgt) + "\n",
                      encoding="utf-8")
    french.write_text("\n".join(" ".join(p.target.split()) for p in dgt) + "\n",
                      encoding="utf-8")
    result = read_parallel(polish, french, source_lang="pl-PL", target_lang="fr-FR")
    assert [(p.source, p.target) for p in result.pairs] == [
        (" ".join(p.source.split()), " ".join(p.target.split())) for p in dgt]
    assert ("Artykuł 1", "Article premier") in [(p.source, p.target) for p in result.pairs]
