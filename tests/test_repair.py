"""Line repair: each break is decided from evidence, per file style."""

from collections import Counter
from pathlib import Path

from tmx_export.dump.repair import (
    STYLES,
    Lexicon,
    _clitic,
    build_stream,
    clean_text,
    decide_break,
    join_evidence,
    trailing_word,
)

LANGS = ("en", "fr")

# Real Europarl sentences, cut by hand the way each style cuts.
MID = (
    "Calls on the Commission to propose a cluster policy, particularly in va\n"
    "lue chains, between connected companies and research c\n"
    "...[+++]entres which also stimulate an organic emergence of clusters; 34. invite la "
    "Commission à proposer une politique relative aux conglomérats européens, notamment le "
    "long des chaînes de va\n"
    "leur.\n"
)
PDF = (
    "I declare resumed the session of the European Parliament adjourned on Friday\n"
    "17 December 1999, and I would like once again to wish you a happy new year in\n"
    "the hope that you enjoyed a pleasant festive period. Although, as you will have\n"
    "seen, the dreaded millennium bug failed to materialise, still the people in a\n"
    "number of countries suffered a series of natural disasters that truly were\n"
    "dreadful.\n"
)


def test_mid_word_cuts_are_joined_without_space() -> None:
    text = build_stream(MID, LANGS).text
    assert "particularly in value chains" in text
    assert "research centres which" in text
    assert "chaînes de valeur." in text
    assert "[+++]" not in text


def test_pdf_cuts_get_their_space_back() -> None:
    text = build_stream(PDF, LANGS).text
    assert "adjourned on Friday 17 December 1999, and" in text
    assert "happy new year in the hope" in text
    assert "a number of countries" in text
    assert "were dreadful." in text


def test_space_kept_at_either_edge_is_not_doubled() -> None:
    text = build_stream("the European \nParliament adjourned on\n Friday\n", LANGS).text
    assert text == "the European Parliament adjourned on Friday"


def test_hyphen_at_a_break_keeps_a_compound() -> None:
    text = build_stream("ensuring the know-\nhow transfer across the research\n", LANGS).text
    assert "know-how transfer" in text


def test_pdf_hyphenation_is_undone() -> None:
    # A PDF-style file (spaces consumed at every break) hyphenating a common word.
    text = build_stream(
        "the Commission must strengthen the inter-\nnational cooperation of the\n"
        "regions and the Member States in\nthe field of research and the\n"
        "transfer of knowledge between the\nuniversities\n",
        LANGS,
    ).text
    assert "the international cooperation" in text
    assert "Member States in the field" in text


def test_a_soft_hyphen_at_a_pdf_break_is_hyphenation_undone() -> None:
    """A soft hyphen (U+00AD, from PDFs and Word) at a break in a file whose cuts swallow
    the space was kept and a space added after it: "environ\u00ad mental". It is a
    hyphenation point: the word is joined and the soft hyphen dropped, as a hyphen is."""
    pdf = ("1. The Commission has adopted a proposal on the\nenviron\u00ad\nmental impact of "
           "the project, which must be\nassessed before approval by the competent\n"
           "authorities. 1. La Commission a adopté une proposition\nsur l'incidence "
           "environne\u00ad\nmentale du projet, qui doit être évaluée\navant l'approbation "
           "par les autorités compétentes.\n")
    stream = build_stream(pdf, LANGS)
    assert "on the environmental impact of the project, which must be assessed" in stream.text
    assert "l'incidence environnementale du projet" in stream.text
    assert "\u00ad" not in stream.text
    assert stream.repairs["hyphenation undone"] == 2
    # a file cut anywhere cut after a soft hyphen of its own text: kept, as its others
    mid = ("The Commission has adopted a proposal on the environ\u00ad\nmental impact of th"
           "\ne project; it must be assessed before appro\nval by the compe\u00adtent "
           "authori\nties.\n")
    assert "environ\u00admental impact of the project" in build_stream(mid, LANGS).text


def test_fold_marker_inside_a_word() -> None:
    stream = build_stream("la chaîne de valeur industrielle europ\n...[+++]éenne, sur\n", LANGS)
    assert "européenne, sur" in stream.text
    assert list(stream.folded) == [False, True]
    assert stream.repairs["fold markers removed"] == 1


def test_a_doubled_fold_marker_is_removed_whole() -> None:
    # A line folded twice (a dump folded again by a second tool) opens with two markers:
    # the second was left in the paragraph, and a translator was offered "numb...[+++]er".
    dump = ("You will be aware from the press and television that there have been a numb\n"
            "...[+++]...[+++]er of bomb explosions and killings in Sri Lanka.\n")
    stream = build_stream(dump, LANGS)
    assert "there have been a number of bomb explosions" in stream.text
    assert "[+++]" not in stream.text
    assert list(stream.folded) == [False, True]


def test_line_starts_map_back_to_input_lines() -> None:
    stream = build_stream("first line of text\n\nsecond line here\n", LANGS)
    assert list(stream.line_numbers) == [1, 3]
    assert stream.line_at(stream.text.index("second")) == 3


def test_a_page_break_or_line_separator_ends_a_line_of_its_own_line_number() -> None:
    # pdftotext ends each page with a form feed; the break is judged as any other, the
    # line numbers stay those of the file's line feeds (as editors and errors count)
    stream = build_stream(PDF.replace("\nthe hope", "\x0cthe hope")
                          .replace("were\n", "were\x0b")
                          .replace("\nnumber", "\u2028number")
                          .replace("\n17", "\u0085 17"), LANGS)
    assert "happy new year in the hope" in stream.text
    assert "a number of countries" in stream.text
    assert "truly were dreadful." in stream.text
    assert "Friday 17 December" in stream.text
    assert stream.repairs["page breaks and line separators read as line breaks"] == 4
    # the file's lines: the first three lines of PDF, then the last three
    assert list(stream.line_numbers) == [1, 1, 1, 2, 2, 2]
    assert stream.line_at(stream.text.index("dreadful")) == 2
    after = build_stream("first line of text\n\x0csecond line here\nthird line\n", LANGS)
    assert list(after.line_numbers) == [1, 2, 3]


def test_clean_text_repairs_mojibake_keeps_curly_quotes_and_counts() -> None:
    repairs: Counter[str] = Counter()
    broken = "la Commission europÃ©enne â€˜bottom-upâ€™ et\x0b le \ufffe reste"
    fixed = clean_text(broken, repairs)
    assert fixed.startswith("la Commission européenne ‘bottom-up’ et")
    assert "\x0b" not in fixed and "\ufffe" not in fixed
    assert repairs["characters XML cannot carry (removed)"] == 2
    assert repairs["mojibake repaired (lines)"] == 1


def test_nfc_normalisation() -> None:
    decomposed = "e\u0301tats membres"
    assert clean_text(decomposed, Counter()) == "états membres"


def test_a_sentence_end_against_a_capital_is_a_paragraph_boundary() -> None:
    # Each side on its own line: no cut leaves "clos." against "The" in any style.
    text = build_stream("The debate is cl\nosed.\nLe débat est cl\nos.\n", LANGS).text
    assert text == "The debate is closed. Le débat est clos."


def test_trailing_spaces_stripped_by_an_editor() -> None:
    # Cut anywhere, then "strip trailing whitespace": the cuts that had kept their space at
    # the end of a line lost it, the others are inside words.
    cut = ("Calls on the Commission to propose a cluster policy and cluster networks in th\n"
           "e form of cooperation, particularly in\n"
           "value chains, between connected companies, suppliers, service prov\n"
           "iders, universities and research centres which also stimulate an organ\n"
           "ic emergence of clusters\n"
           " in a bottom-up manner in response to business and/or research needs; str\n"
           "esses the importance of establishing transnational clusters\n")
    text = build_stream(cut, LANGS).text
    assert "in the form of cooperation, particularly in value chains" in text
    assert "service providers, universities" in text and "organic emergence" in text
    assert "clusters in a bottom-up manner" in text and "needs; stresses" in text
    assert "transnational clusters" in text


def test_spacing_counts_taken_at_once_are_str_count_s() -> None:
    """A large sample counts every pair of symbols in one pass; each count must be what two
    ``str.count`` scans give (non-overlapping: the two symbols differ)."""
    from pathlib import Path

    from tmx_export.dump.repair import _TALLY_FROM, Lexicon

    sessions = Path(__file__).parent / "data" / "europarl-sessions"
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(sessions.glob("*.txt")))
    text += " l' ardeur ; 1 000 « mot » (2) [3] - 4 % 5 € x/y ... ?! 6 :7 ,8 ’9"
    assert len(text) > _TALLY_FROM
    tallied = Lexicon(("en", "fr"), text)
    counted = Lexicon(("en", "fr"), text[:_TALLY_FROM])  # not above it: str.count
    symbols = sorted(set(text) - set(" ") - {c for c in text if c.isalnum()}) + [r"\d"]
    checked = 0
    for a in symbols:
        for b in symbols:
            if a == b:
                continue
            counts = tallied._count_spacing((a, b))
            classes = tallied._classes
            left, right = ("0" if k == r"\d" else k for k in (a, b))
            assert counts == (classes.count(left + right), classes.count(left + " " + right))
            checked += counts != (0, 0)
    assert tallied._tally is not None and counted._tally is None
    counted._count_spacing((".", r"\d"))
    assert counted._tally is None  # a small sample keeps to str.count
    assert checked >= 50


def test_large_sample_mapped_by_codes_as_translate_maps_it() -> None:
    """A large sample is mapped to its symbols a block of codes at a time: the same string
    as ``str.translate`` with :func:`_symbol_of` gives, with digits of other scripts,
    numerals, a character beyond the Basic Multilingual Plane and a lone surrogate."""
    from tmx_export.dump.repair import _TALLY_FROM, _mapped, _symbol_of

    sessions = Path(__file__).parent / "data" / "europarl-sessions"
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(sessions.glob("*.txt")))
    text += " ١٢٣ ² ½ Ⅷ _ ﬁ \U0001d7d8 \U0001f600 \ud800 œuvre"
    assert len(text) > _TALLY_FROM
    for sample in (text, text[:_TALLY_FROM]):
        assert _mapped(sample) == sample.translate({ord(c): _symbol_of(c) for c in set(sample)})


def test_trailing_word_is_the_run_of_letters_ending_the_line() -> None:
    """Read from the line's last characters: the same run as a search for it, however long
    the run (across the characters read first) and whatever ends the line."""
    import re

    pattern = re.compile(r"[^\W\d_]+$")
    word = "Schiffsidentifizierungssystem"
    lines = ["", "2019", "a", "of the", "l'", "x" * 48, "x" * 49, "x" * 50, "1" + "x" * 48,
             "1" + "x" * 47, "le quart ²", "Ⅷ", "snake_case", "end.", "line\n",
             "word " * 30 + word * 3, "word " * 30 + word + ",", "dé" * 40]
    for line in lines:
        found, expected = trailing_word(line), pattern.search(line)
        assert (found and found.span(), found and found.group()) == (
            expected and expected.span(), expected and expected.group()), line


def test_a_suspended_hyphen_before_a_conjunction_keeps_its_space() -> None:
    """A break after "Bau-" before "und" in a file whose breaks consume the space (real
    DGT-TM text): a suspended compound, "Bau- und Wohnungswesen", not "Bau-und"; the same
    in Swedish and English. A compound going on with a hyphen ("black-and-white") and one
    with another word after its hyphen ("know-how") stay joined."""
    german = (
        "Transport-, Bygnings- og Boligministeriet (Ministerium für Verkehr, Bau-\n"
        "und Wohnungswesen) Jede Vertragspartei trägt die Personal-, Reise- und\n"
        "Aufenthalts- sowie Post-\nund Telekommunikationskosten, die ihr durch die\n"
        "Teilnahme an den Sitzungen des Handels- und Entwicklungsausschusses und\n"
        "der Sonderausschüsse entstehen. Die Kosten für die Organisation der\n"
        "Sitzungen und die Vervielfältigung der Unterlagen trägt die Vertragspartei,\n"
        "die die Sitzung ausrichtet.\n"
    )
    text = build_stream(german, ("de", "fr")).text
    assert "Bau- und Wohnungswesen" in text and "Post- und Telekommunikationskosten" in text
    assert "Reise- und Aufenthalts- sowie" in text
    swedish = ("Trots den period som avses i punkt 4 ska den första perioden\n"
               "inledas dagen efter det att handels-\noch utvecklingskommittén höll\n"
               "sitt första möte och avslutas den 31 december samma år. Varje\n"
               "part ska bära de kostnader som uppstår till följd av dess\n"
               "deltagande i kommitténs möten, både vad gäller personal-, rese-\n"
               "och traktamentskostnader och vad gäller post- och telekostnader.\n")
    assert "handels- och utvecklingskommittén" in build_stream(swedish, ("fi", "sv")).text
    english = build_stream(PDF.replace("happy new year in\n", "happy black-\nand-white "
                                       "pre-\nand post-war year in\n"), LANGS).text
    assert "happy black-and-white pre- and post-war year in the hope" in english
    assert "know-how transfer" in build_stream(
        "ensuring the know-\nhow transfer across the research\n", LANGS).text


def test_a_folded_line_s_first_word_is_no_word_of_the_file() -> None:
    """The word a fold marker opens with continues the line before ("μεταναστε" /
    "...[+++]υτικών"): counted as one of the file's own words, the fragment made a word
    and the join lost to it. Real DGT-TM text (Greek side of an agreement), cut mid-word
    just there."""
    before = ("στη συμφωνία για την εφαρμογή των διατάξεων της σύμβασης των Ηνωμένων Εθνών "
              "για το δίκαιο της θάλασσας, της 10ης Δεκεμβρίου 1982, όσον αφορά τη "
              "διατήρηση και διαχείριση των αλληλοεπικαλυπτόμενων και των άκρως μεταναστε")
    lines = [before[i:i + 37] for i in range(0, len(before), 37)]  # cut anywhere
    text = "\n".join(lines) + "\n...[+++]υτικών αποθεμάτων ιχθύων της 4ης Αυγούστου 1995\n"
    lexicon = Lexicon(("el", "en"), text)
    assert lexicon.local.get("υτικών", 0) == 0
    assert "μεταναστευτικών αποθεμάτων" in build_stream(text, ("el", "en")).text


def test_an_opening_quote_after_a_word_is_evidence_of_a_space() -> None:
    """A break between a word and an apostrophe that opens a quote ("the dreaded" /
    "'millennium bug'", real Europarl text copied from a PDF: the cut consumed the space)
    is evidence of a space: the file never writes "dreaded" with an apostrophe. Before,
    the file's habit of writing apostrophes inside words ("don't", "Commission's",
    "l'Union") made it evidence of a join, and the whole Europarl session read back
    "dreaded'millennium". An elision or a possessive the file writes elsewhere ("l'",
    "'s") stays evidence of a join, and a cut anywhere in a word still joins there."""
    pdf = PDF.replace("the dreaded millennium bug", "the dreaded\n'millennium bug'") + (
        "We don't know the Commission's view, but the Council's and Parliament's are\n"
        "known: it's the Union's task, and l'Union européenne s'en occupe.\n")
    lines = pdf.split("\n")
    lexicon = Lexicon(LANGS, pdf, lines)
    cut = next(i for i, line in enumerate(lines) if line.endswith("the dreaded"))
    assert join_evidence(lines[cut], lines[cut + 1], lexicon) < 0
    assert join_evidence("pour l", "'importance de", lexicon) > 0
    assert join_evidence("the Parliament", "'s view", lexicon) > 0
    assert "the dreaded 'millennium bug' failed" in build_stream(pdf, LANGS).text
    mid = MID.replace("cluster policy", "cluster policy for l'ensemble and the Parliament's "
                      "clusters, de l\n'importance de la Commission's rôle")
    text = build_stream(mid, LANGS).text
    assert "de l'importance de la Commission's rôle" in text


def test_an_elision_cut_before_its_apostrophe_joins_in_a_short_file() -> None:
    """Found by the property tests' explore profile: a short dump whose only "n'" is cut
    before the apostrophe ("Vous n" / "'êtes", real Europarl text) read "Vous n 'êtes":
    the file wrote "n'" nowhere else, so the break looked like an opening quote after a
    word. The words French elides are known (``lang.elisions``); an opening quote after
    an English word still gets its space."""
    text = ("We are looking, therefore, within the Structural Funds programme not just to "
            "see industrial restructuring. Vous n\n'êtes pas sans savoir que la majeure "
            "partie du pays de Galles est devenue éligible. Nous attendons donc qu\n'il ne "
            "se limite pas à la restructuration, the dreaded\n'millennium bug' aside. "
            "La procédure est aujourd\n'hui à ce point avancée.\n")
    repaired = build_stream(text, LANGS).text
    assert "Vous n'êtes pas" in repaired
    assert "est aujourd'hui à ce point" in repaired
    assert "donc qu'il ne" in repaired
    assert "the dreaded 'millennium bug' aside" in repaired
    lines = text.split("\n")
    lexicon = Lexicon(LANGS, text, lines)
    assert join_evidence("Vous n", "'êtes pas", lexicon) > 0
    assert join_evidence("the dreaded", "'millennium bug'", lexicon) < 0
    # Italian elides "dell'": an English-Italian file joins it, an English-French one does
    # not know the word
    assert join_evidence("della Commissione e dell", "'Unione",
                         Lexicon(("en", "it"), text, lines)) > 0
    assert join_evidence("della Commissione e dell", "'Unione", lexicon) < 0


def test_an_ascii_double_quote_at_a_break_opens_or_closes_by_where_it_stands() -> None:
    """Found by random dumps of real pairs: a cut just after an opening ASCII quote before
    a capital (``FEOGA "`` / ``Orientation" l'est``) was taken for a sentence end and
    spaced, 'le FEOGA " Orientation"'. An ASCII quote after a space opens a quotation, one
    after a word closes it; before a letter it opens, before a space it closes."""
    text = ("Les fonds structurels, comme le FEOGA \"\nOrientation\" l' est pour le d\u00e9velop"
            "pement rural, dire franchement \"\nChapeau !\" \u00e0 l' Union. He said \"yes\"\n"
            "The vote will take place today. We call it the\n\"millennium\n\" problem, and "
            "the \"Objective\n\" regions too.\n")
    repaired = build_stream(text, LANGS).text
    assert 'le FEOGA "Orientation" l\' est' in repaired
    assert 'franchement "Chapeau !"' in repaired
    assert 'He said "yes" The vote' in repaired
    assert 'call it the "millennium" problem' in repaired
    assert 'the "Objective" regions' in repaired


def test_a_line_that_is_one_piece_of_a_word_is_weighed_as_the_word() -> None:
    """Found by random dumps of DGT-TM pairs in lines of 35-43 characters, every
    continuation folded: the line "...[+++]tibility" (the line before ending "Compa") was
    weighed alone against the next line, the Polish "a także" opening the next pair: two
    unknown fragments, "tibilitya" beat "tibility" + "a", and the two pairs became one."""
    text = ("w sekcji V załącznika sektorowego dotyczącego kompatybilności elektromagnetycznej\n"
            "in Section V of the Sectoral Annex for Electromagnetic Compa\n"
            "...[+++]tibility\n"
            "a także mając na uwadze fakt, że Wspólny Komitet ma podjąć decyzję\n")
    repaired = build_stream(text, ("pl", "en")).text
    assert "Electromagnetic Compatibility a także mając" in repaired


def test_an_ending_cut_off_a_word_the_lists_do_not_hold_joins() -> None:
    """Found by random dumps of real pairs cut mid-word: "relativise" / "s this
    observation" and "contribuer" / "ions à modifier" read "relativise s" and
    "contribuer ions": the joined forms are in neither list, and "s" and "ions" are
    frequent tokens there. A known word of five letters or more and an ending of the
    language now weigh as one unlisted inflected form."""
    text = ("The Commission report generally relativise\ns this observation. Nous "
            "contribuer\nions à modifier les choses.\n")
    lines = text.split("\n")
    lexicon = Lexicon(LANGS, text, lines)
    assert join_evidence("The Commission report generally relativise", "s this observation",
                         lexicon) > 0
    assert join_evidence("Nous contribuer", "ions à modifier les choses.", lexicon) > 0
    repaired = build_stream(text, LANGS).text
    assert "generally relativises this observation" in repaired
    assert "Nous contribuerions à modifier" in repaired
    # a short word, or a word that is no ending, stays apart
    assert join_evidence("in the", "s of", lexicon) < 0
    assert join_evidence("the policy", "are clear", lexicon) < 0


def test_a_word_after_a_number_at_a_break_is_weighed_as_a_word() -> None:
    """Found in a dump of DGT-TM decisions cut inside words: "No 193/2017" / "of 27
    October 2017" (two pairs, the second opening lower case) weighed as a letter after a
    digit, which files often write together ("1zq"), so the two lines became one word,
    "2017of", where no pair could begin. A frequent word that is no suffix of numbers is
    now written apart from the number, and the file's own habit with the word decides."""
    from tmx_export.dump.unnumbered import TWO_WORDS_ODDS

    lexicon = Lexicon(LANGS, "nothing here", ["nothing here"])
    assert join_evidence("Committee No 193/2017", "of 27 October 2017", lexicon) < TWO_WORDS_ODDS
    assert join_evidence("du 18 février 2019", "on the establishment", lexicon) < TWO_WORDS_ODDS
    # suffixes of numbers and units are written straight after them: no evidence either way
    for number, word in (("the 3", "rd time"), ("le 1", "er janvier"), ("à 20", "h25"),
                         ("5", "km away")):
        assert join_evidence(number, word, lexicon) > TWO_WORDS_ODDS, word
    # a file that writes a label after its number ("point 1zq") joins it at a break
    text = "in points 1zq and 2zq of Annex I; point 1zq is deleted; points 1\nzq and 2zq\n"
    lexicon = Lexicon(LANGS, text, text.split("\n"))
    assert join_evidence("points 1", "zq and 2zq", lexicon) > 0
    # and one that writes the word apart after numbers is evidence of a space
    text = "Decision No 1/2019 of 18 February 2019 of the Joint Committee No 63/2018 of 20 March"
    lexicon = Lexicon(LANGS, text, [text])
    assert (join_evidence("No 193/2017", "of 27 October", lexicon)
            < join_evidence("No 193/2017", "of 27 October", Lexicon(LANGS, "x", ["x"])))


def test_a_word_the_file_writes_in_another_form_joins_across_a_break() -> None:
    """Found by random dumps of the Europarl dev sessions cut mid-word (seeds 50115,
    61015): "au cas particulier de l' ultra" / "périphérie et, plus spécifiquement" read
    "ultra périphérie": "ultrapériphérie" is in neither list, "ultra" and "périphérie" are.
    The file writes "ultrapériphériques": a word it writes begins with the joined word but
    for its last letter, so the cut is inside that word, inflected otherwise (seed 61815:
    not "structurelle" / "menée" where the file writes "structurellement")."""
    other = ("afin que les pays périphériques et les régions ultrapériphériques, les "
             "régions plus pauvres d'Europe, soient aidés.\n")
    cut = ("un chapitre spécial de son prochain rapport sur la cohésion au cas particulier "
           "de l' ultra\npériphérie et, plus spécifiquement, à l' analyse de l' impact.\n")
    text = other + cut
    lexicon = Lexicon(LANGS, text, text.split("\n"))
    assert join_evidence("au cas particulier de l' ultra", "périphérie et, plus", lexicon) > 0
    assert "de l' ultrapériphérie et, plus" in build_stream(text, LANGS).text
    # without the word in the file: two words, as before
    alone = Lexicon(LANGS, cut, cut.split("\n"))
    assert join_evidence("au cas particulier de l' ultra", "périphérie et, plus", alone) < 0
    # two words of the lists stay apart, whatever the file writes
    assert join_evidence("les régions", "plus pauvres", lexicon) < 0
    text = ("Elle est structurellement faible. La politique structurelle\nmenée dans nos "
            "régions est utile.\n")
    lexicon = Lexicon(LANGS, text, text.split("\n"))
    assert join_evidence("La politique structurelle", "menée dans nos", lexicon) < 0
    assert "structurelle menée" in build_stream(text, LANGS).text


def test_a_piece_of_a_contraction_alone_after_a_break_joins_the_word_before() -> None:
    """Found by random dumps (seed 51661, one pair cut mid-word): "in accordance with it" /
    "s mandate" read "it s mandate": the lists count "s" as a frequent word, from "it's"
    and "s'il", which stand against an apostrophe. Alone between spaces it is no word of
    English or French, and "its" is one."""
    text = ("499. Mr President, Commissioner, the proposal presented by the Commission, in "
            "accordance with it\ns mandate, is a reasonable starting point for the "
            "Committee on Agriculture.\n")
    lexicon = Lexicon(LANGS, text, text.split("\n"))
    assert join_evidence("in accordance with it", "s mandate, is", lexicon) > 0
    assert "in accordance with its mandate" in build_stream(text, LANGS).text
    # a letter that labels a point stays apart; so does a piece whose word is unknown,
    # or a letter written alone in a language of the file (Czech "s", a preposition)
    assert join_evidence("les points a), b) et", "d) de l'annexe", lexicon) < 0
    assert join_evidence("in the", "s of", lexicon) < 0
    assert _clitic("s", ("en", "fr")) and _clitic("t", ("en", "fr"))
    assert not _clitic("s", ("en", "cs")) and not _clitic("a", ("en", "fr"))


def test_a_letter_the_file_never_writes_alone_ends_the_word_cut_before_it() -> None:
    """Found in a numbered DE-IT dump of DGT-TM cut inside words (1 pair in 414):
    "Vorsitzperiode" / "n nach Artikel 1" read "Vorsitzperiode n". The lists count "n" as a
    frequent word (German "'n", Italian "n." for numero), and "Vorsitzperioden" is in
    neither list, so the two pieces weighed as two words, surely enough to overrule the
    file's style. A letter the file never writes alone between spaces, after a long word,
    is the end of that word."""
    text = ("136. Ungeachtet des in Absatz 4 genannten Zeitraums beginnt die erste "
            "Vorsitzperiode am Tag nach der ersten Sitzung des Gemeinsamen Rates und endet am "
            "31. Dezember desselben Jahres. 136. Nonostante il periodo di cui al paragrafo 4, "
            "il primo periodo ha inizio il giorno successivo alla prima riunione del "
            "Consiglio congiunto e termina il 31 dicembre dello stesso anno.\n"
            "137. Diese Perioden fallen mit den Vorsitzperiode\nn nach Artikel 1 Absätze 4 "
            "und 6 zusammen. 137. Tali periodi coincidono con le disposizioni relative alla "
            "presidenza di cui all'articolo 1, paragrafi 4 e 6.\n")
    lexicon = Lexicon(("de", "it"), text, text.split("\n"))
    cut_inside_words = {style: float(style == "mid") for style in STYLES}
    left = "137. Diese Perioden fallen mit den Vorsitzperiode"
    for right, joined in (("n nach Artikel 1", True),
                          # a letter the file writes alone is a word ("e", and)
                          ("e il periodo", False)):
        lam = join_evidence(left, right, lexicon)
        assert decide_break(left, right, cut_inside_words, lam, lexicon) == (
            "" if joined else " ", False), right
    # after a short word, a letter is a word of its own ("the" | "s" is no "thes")
    assert join_evidence("in the", "s of", Lexicon(LANGS, "in the", ["in the"])) < 0


def test_two_frequent_words_or_one_word_as_the_file_writes_them() -> None:
    """"there" | "of," (DGT-TM, "... in particular Article 98 there" / "of,"): the word
    lists take two frequent words for a likelier pair of words than "thereof", so the
    break got a space, though the file writes "thereof" in every other place and "there
    of" in none. Where the lists are unsure, the file's own usage can make a join; a file
    that writes the two words nearly as often as the one does not make it sure."""
    rows = (Path(__file__).parent / "data" / "repair_thereof.tsv").read_text("utf-8")
    # one paragraph: no "thereof" at a line's edge, where a word may be a piece
    text = " ".join(line.split("\t")[0] for line in rows.splitlines()[1:]) + "\n"
    lexicon = Lexicon(LANGS, text, text.split("\n"))
    assert lexicon.usage_odds("there", "of") >= 1.0  # type: ignore[operator]
    assert join_evidence("and in particular Article 98 there", "of, Whereas:", lexicon) >= 1.0
    assert join_evidence("and in particular Article 98 there", "of, Whereas:",
                         Lexicon(LANGS, "")) < 0  # the lists alone
    text = text.replace(" thereof", " there of", 3)
    lexicon = Lexicon(LANGS, text, text.split("\n"))
    assert 0 < lexicon.usage_odds("there", "of") < 1.0  # type: ignore[operator]
    assert join_evidence("and in particular Article 98 there", "of, Whereas:", lexicon) < 1.0


def test_an_elided_article_is_no_word_before_a_break() -> None:
    """"dans le cadre de l" / "a démarche", "... financially loca" / "l schemes" are fine;
    "... create new jobs in l" / "and, in particular" read "l and": the lists count "l"
    (from "l'Union") as a frequent word. A file that writes "l" only against an
    apostrophe, never between spaces, has no word "l": "land" is the word."""
    text = ("La Commission a présenté l'analyse de l'emploi dans l'Union. "
            "We must make efforts to create new jobs in the land of our regions.\n"
            "Il convient de noter l'importance de la démarche.\n")
    lexicon = Lexicon(LANGS, text, text.split("\n"))
    assert join_evidence("efforts to create new jobs in l", "and, in particular", lexicon) > 0
    # "OJ L 320": a capital L alone is another matter
    assert not lexicon.writes_alone("l")
    written = Lexicon(LANGS, text + "The letter l is used alone here.\n")
    assert written.writes_alone("l")
    assert join_evidence("efforts to create new jobs in l", "and, in particular", written) < 0


def test_a_word_written_alone_is_found_as_the_class_pattern_found_it() -> None:
    """writes_alone searches for the word itself and looks behind it for the space, the
    tab or the bracket before it: the same answers as the pattern "[ \\t(]word[ \\t]",
    at the sample's edges, after a bracket, before a tab, and for words with characters a
    pattern would read as its own."""
    import re

    text = ("l'Union (vs et al. a.b\tc+d x) qu il\tsera\n"
            "fin ité 1.5 de\nla l\n")
    lexicon = Lexicon(LANGS, text, text.split("\n"))
    for word in ("l", "vs", "al.", "a.b", "c+d", "x)", "qu", "il", "sera", "fin", "ité",
                 "1.5", "de", "la", "Union", "et al.", "", "zz"):
        expected = re.search(rf"[ \t(]{re.escape(word)}[ \t]", text) is not None
        assert lexicon.writes_alone(word) is expected, word
    assert lexicon.writes_alone("vs") and lexicon.writes_alone("qu")
    assert not lexicon.writes_alone("l") and not lexicon.writes_alone("la")


def test_a_break_between_letters_in_a_file_cut_anywhere_is_inside_a_word() -> None:
    """DGT-TM, a numbered FI-SV dump cut anywhere: "irtisanomis" | "ilmoituksensa" was read
    as two words (the lists lack the whole word, and know both pieces), a space inserted
    where the file's style says a break between letters is a cut inside a word. Where the
    language turns ("osapuoli" | "lägger fram", a pair that opens with a small letter in an
    unnumbered dump) the lists' evidence stands."""
    text = ("3. Jos jokin osapuoli haluaa irtisanoa tämän sopimuksen, sen on annettava "
            "kirjallinen ilmoitus toiselle osapuolelle. 3. Om en part önskar säga upp "
            "detta avtal ska den lämna ett meddelande till den andra parten.\n")
    lexicon = Lexicon(("fi", "sv"), text, text.split("\n"))
    cut_anywhere = {style: float(style == "mid") for style in STYLES}
    for left, right, joined in (
            ("sen on annettava irtisanomis", "ilmoituksensa toiselle osapuolelle.", True),
            ("a) jokin osapuoli", "lägger fram en begäran", False)):
        lam = join_evidence(left, right, lexicon)
        assert lam < -3.0, (left, right)  # the lists alone: two words
        assert decide_break(left, right, cut_anywhere, lam, lexicon) == (
            "" if joined else " ", False), right


def test_a_one_letter_word_opening_a_pdf_line_keeps_its_space() -> None:
    """Czech typesetting keeps a one-letter preposition with the next word, so a PDF breaks
    the line before it: "se schází" / "v pravidelných" read "scházív pravidelných", "Přizvek
    účasti", "odborníkyz členských", since a short file writes "v", "k", "z" nowhere else
    between spaces. A letter the lists know as a word of the language, after a word the
    lists know, keeps its space; a letter that is no word ("Vorsitzperiode" | "n nach",
    above) or that makes a likelier word with the piece before still joins."""
    text = ("1. Der Gemischte Ausschuss tritt regelmäßig einmal jährlich und auf Antrag einer "
            "Vertragspartei zu außerordentlichen Sitzungen zusammen.\n"
            "1. Smíšený výbor se schází\nv pravidelných intervalech jednou ročně a na žádost "
            "jedné ze stran na mimořádných zasedáních. Přizve\nk účasti odborníky\n"
            "z členských států.\n")
    stream = build_stream(text, ("de", "cs"))
    assert ("se schází v pravidelných intervalech" in stream.text
            and "Přizve k účasti odborníky z členských států." in stream.text), stream.text
    lexicon = Lexicon(("de", "cs"), text, text.split("\n"))
    assert join_evidence("Smíšený výbor se schází", "v pravidelných", lexicon) < 0
    assert join_evidence("und endet am Tag der Vorsitzperiode", "n nach Artikel 1",
                         lexicon) > 0


def test_nfc_keeps_characters_it_would_replace() -> None:
    """A dump's Greek ano teleia (U+0387) and question mark (U+037E) became "·" and ";"
    (parallel files, tables and TMX keep them, and so must a dump: a CAT tool's exact
    match would miss). Accents that come apart are still composed, on a line ftfy
    repairs too."""
    greek = "στο συμβούλιο\u0387 τι προβλέπει η συμφωνία\u037e Ε\u0301να \uf900"
    assert clean_text(greek, Counter()) == \
        "στο συμβούλιο\u0387 τι προβλέπει η συμφωνία\u037e Ένα \uf900"
    repairs: Counter[str] = Counter()
    mixed = clean_text("europÃ©enne e\u0301tats\u0387", repairs)
    assert mixed == "européenne états\u0387"
    assert repairs["mojibake repaired (lines)"] == 1


def test_a_line_opening_as_the_file_s_list_rows_do_opens_a_pair() -> None:
    """DGT-TM 22019D0996, SK-CS (tests/data/dump_list_openings_sk_cs.txt, unnumbered, cut
    inside words): a list of IMO references whose rows open "rez. IMO ...". A row after a
    pair ending with a word ("... záchranářské čluny" / "rez. IMO MSC.36(63) ...") was
    joined to it as inside a word, "člunyrez.", two pairs' text glued into one corrupted
    unit ("lanekrez." likewise). The next line opens as other rows do after lines ending
    otherwise, and the pieces are words whose join is none: a pair starts there."""
    from tmx_export.dump import read_dump

    path = Path(__file__).parent / "data" / "dump_list_openings_sk_cs.txt"
    text = path.read_text(encoding="utf-8")
    stream = build_stream(text, ("sk", "cs"))
    assert "člunyrez" not in stream.text and "lanekrez" not in stream.text
    assert "záchranářské čluny rez. IMO MSC.36(63)" in stream.text
    result = read_dump("list.txt", source_lang="sk", target_lang="cs", text=text)
    got = [(" ".join(p.source.split()), " ".join(p.target.split())) for p in result.pairs]
    assert ("pre záchranné plavidlá a pohotovostné člny",
            "pro záchranná plavidla a záchranářské čluny") in got
    assert ("Vybavenie pre vrhanie lán", "Zařízení pro vrhání lanek") in got
    assert ("rez. IMO MSC.36(63)-(kódex HSC 1994) 8",
            "rez. IMO MSC.36(63)-(předpis HSC 1994) 8") in got
