"""Repair: undo what copying did to the text before it is paired.

Dumps arrive cut into lines at arbitrary characters, with fold markers, in odd encodings and
with mojibake. This module turns the decoded text of a file into one running text (the
*stream*) in which every line break has been replaced by what was there before the cut:
nothing (a cut inside a word, or next to a space that the line kept), a space (a cut whose
space was consumed, as in copies from PDFs), or nothing with a hyphen removed (PDF
hyphenation: "inter-" / "national").

No fixed rule can decide the first two: "va" / "lue chains" must be joined, "in" / "value"
(from a PDF) must not. Each break is decided from evidence, in one probabilistic model:

* the *file's cut style* is latent -- ``mid`` (cuts at any character, spaces kept), ``kept``
  (cuts at spaces, the space kept on one side) or ``pdf`` (cuts at spaces, the space
  consumed), and the first two again after an editor stripped the spaces that ended
  lines (``mid-stripped``, ``kept-stripped``). A break with a space at its edge is strong
  evidence against ``pdf``; a break without one is evidence against ``kept``.
* the *lexical evidence* of a break without a space compares the joined token with the two
  fragments as words (wordfreq frequency lists, shipped in its wheel, for the pair's
  languages, plus the file's own vocabulary, and a length-based model for unknown words).

The style is inferred once per file from all its breaks, so a break with weak evidence
("solder" / "a") is decided by the many clear ones; only very strong lexical evidence
overrules the file's style at a single break (a hand-edited file).
"""

from __future__ import annotations

import math
import re
import unicodedata
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from typing import TYPE_CHECKING

from .._lazy import lazy_pattern
from ..formats.text import LINE_SEPARATORS
from ..formats.xml import XML_ILLEGAL_RE
from ..frequencies import zipf
from ..lang import WORD_RE, elisions, joined_to_apostrophe, word_scores

if TYPE_CHECKING:
    import numpy as np

# What starts a continuation line of a dump: nothing is missing at a fold.
FOLD_MARKER = "...[+++]"
# A run of markers is one fold: a line folded again by a second tool (or a paste of a
# folded line) opens with two, and the second is no text of the paragraph.
FOLD_MARKER_RE = re.compile(r"^[ \t]*(?:" + re.escape(FOLD_MARKER) + ")+")

# The references the European Parliament prints in its documents' page headers and
# footers: "PE 287.123v01-00", "RR\401234EN.doc" (a document's number, language and file).
_EP_REFERENCE = r"(?:PE ?\d{3}\.\d{3}(?:v\d{2}-\d{2})?|(?:[A-Z]{2})?\\\d{5,7}[A-Z]{2}\.docx?)"
# A line of nothing but such references, maybe with a language code ("EN") or a page
# count ("3/15") beside them: a page's header or footer copied with the text from a PDF,
# found between two paragraphs or inside one, and no text of either (see build_stream).
# So are the Official Journal's: its reference ("C 377 E/4", "L 56/12") and its name, in
# English, French or German, beside a language code, a page number, a date
# ("C 377 E/4 EN Official Journal of the European Union 29.12.2000").
_OJ_REFERENCE = r"[CL] \d{1,3}(?: [A-Z])?/\d{1,4}"
_RUNNING_HEAD = ("Official Journal of the European (?:Union|Communities)|"
                 "Journal officiel (?:de l['’]Union européenne|des Communautés européennes)|"
                 "Amtsblatt der Europäischen (?:Union|Gemeinschaften)")
_PAGE_MARK = rf"(?:{_EP_REFERENCE}|{_OJ_REFERENCE}|{_RUNNING_HEAD})"
_DATE = r"\d{1,2}\.\d{1,2}\.\d{4}"
_PAGE_BESIDE = rf"(?:[A-Z]{{2}}|\d+/\d+|\d{{1,4}}|{_DATE})"
PAGE_LINE_RE = lazy_pattern(rf"[ \t]*(?:(?:{_PAGE_MARK}|{_PAGE_BESIDE})[ \t]+)*"
                            rf"{_PAGE_MARK}(?:[ \t]+(?:{_PAGE_MARK}|{_PAGE_BESIDE}))*"
                            r"[ \t]*$")
# What a PDF page prints alone on a line but that a paragraph's text could be too: its
# number, the language code, a date, both ("EN 12", "17.1.2000"), a footnote's mark
# ("(3)", "*"). Set apart only where the lines around it were cut PDF-style (no space at
# either break) and it cannot be a number cut in two ("2" / "8.", "in 19" / "99"):
# see _loose_page_line.
LOOSE_PAGE_LINE_RE = lazy_pattern(
    rf"(?:(?:[A-Z]{{2}} )?(?:\d{{1,4}}|{_DATE}|\d+/\d+)(?: [A-Z]{{2}})?|[A-Z]{{2}}|"
    r"\(\d{1,2}\)|\*{1,3})$")

# Typical mojibake (UTF-8 read as cp1252/latin-1): only lines showing it go through ftfy,
# which is slow on clean text and has nothing to do there.
MOJIBAKE_HINT_RE = re.compile("[ÃÂâÅÐÑ][\x80-\xbf\u0152-\u2122]|Ã.|â€")

_TRAILING_WORD_RE = re.compile(r"[^\W\d_]+$")
# A word written straight after a number, and one after a number and a space (the digit
# matched, not looked behind for: a look-behind opening a pattern is tried everywhere).
_JOINED_TO_NUMBER_RE = re.compile(r"\d([^\W\d_]+)")
_SPACED_FROM_NUMBER_RE = re.compile(r"\d ([^\W\d_]+)")
_LEADING_WORD_RE = re.compile(r"^[^\W\d_]+")
_TAIL_CHARS = 49  # the characters trailing_word reads first (48 and the one before them)
_WORD_RE = re.compile(r"[^\W\d_]+")

# Likelihood of seeing a space at a line's edge under each cut style: a random cut lands
# next to a space about once in six characters of running text, and keeps it at the end of
# the line half of the time, where an editor's "strip trailing whitespace" removes it.
_P_EDGE_SPACE = {"mid": 0.15, "kept": 0.98, "pdf": 0.01, "mid-stripped": 0.08,
                 "kept-stripped": 0.5}
STYLES = tuple(_P_EDGE_SPACE)


@dataclass(slots=True)
class Stream:
    """The running text of a file and where its lines start in it.

    ``line_starts[i]`` is the offset in ``text`` of the first character of input line
    ``line_numbers[i]`` (1-based); ``folded[i]`` tells whether that line began with the fold
    marker (a continuation, so never the start of a pair).
    """

    text: str
    # arrays rather than lists: a large file has a few hundred thousand lines
    line_starts: array[int] = field(default_factory=lambda: array("q"))
    line_numbers: array[int] = field(default_factory=lambda: array("q"))
    folded: bytearray = field(default_factory=bytearray)  # 1 for a fold continuation
    # 1 where the break before the line kept a space at its edge (0 for the first line):
    # a cut inside a paragraph, which a paragraph's end never leaves
    spaced: bytearray = field(default_factory=bytearray)
    # how likely the file's cut style keeps the space at a cut, lines unstripped (its
    # posterior, "mid" and "kept"): then a break without one is no cut but a paragraph's end
    spaces_kept: float = 0.0
    # per line, the log10 odds that the break before it is inside a word (join_evidence;
    # 0.0 for the first line and after a space at the break)
    join_odds: array[float] = field(default_factory=lambda: array("d"))
    repairs: Counter[str] = field(default_factory=Counter)
    # the page headers and footers taken out of the text (PAGE_LINE_RE): (line, text)
    page_lines: list[tuple[int, str]] = field(default_factory=list)

    def line_at(self, offset: int) -> int:
        """The input line number holding stream ``offset``."""
        from bisect import bisect_right

        i = bisect_right(self.line_starts, offset) - 1
        return self.line_numbers[max(i, 0)] if self.line_numbers else 1

    def part(self, begin: int, end: int) -> Stream:
        """The lines from offset ``begin`` (a line start) to ``end`` as a stream of their
        own, keeping their line numbers; no repairs and no page lines (the whole
        stream's)."""
        first = bisect_left(self.line_starts, begin)
        last = bisect_left(self.line_starts, end)
        part = Stream(self.text[begin:end])
        part.line_starts = array("q", (s - begin for s in self.line_starts[first:last]))
        part.line_numbers = self.line_numbers[first:last]
        part.folded = self.folded[first:last]
        part.spaced = bytearray(1) + self.spaced[first + 1:last] if last > first else bytearray()
        part.spaces_kept = self.spaces_kept
        # the first line's break is no break of this text
        part.join_odds = array("d", [0.0]) + self.join_odds[first + 1:last] \
            if last > first else array("d")
        return part


def clean_text(text: str, repairs: Counter[str]) -> str:
    """Removal of XML-illegal characters, mojibake repair and NFC, counted in ``repairs``."""
    # First the characters XML cannot carry, so they are counted even where ftfy would
    # have dropped them silently.
    text, removed = XML_ILLEGAL_RE.subn("", text)
    if removed:
        repairs["characters XML cannot carry (removed)"] += removed
    if not MOJIBAKE_HINT_RE.search(text):  # the usual file: no line to look at
        return composed(text)
    out = []
    for line in text.split("\n"):
        if MOJIBAKE_HINT_RE.search(line):
            import ftfy  # a tenth of a second to import, for the rare file that needs it

            fixed = ftfy.fix_text(line, uncurl_quotes=False, fix_line_breaks=False,
                                  normalization=None)
            if fixed != line:
                repairs["mojibake repaired (lines)"] += 1
                line = fixed
        out.append(line)
    return composed("\n".join(out))


def composed(text: str) -> str:
    """``text`` in NFC, but for the characters NFC would replace by another (Greek's ano
    teleia U+0387 and question mark U+037E by "·" and ";", CJK compatibility ideographs,
    the Ohm sign): those are kept as written, as parallel files, tables and TMX keep
    them. Composing accents that come apart is what word scores need; changing a
    character the text spells is not (a CAT tool's exact match would miss)."""
    if unicodedata.is_normalized("NFC", text):
        return text
    pieces = _singletons().split(text)
    # the split keeps the singletons at odd indexes
    return "".join(piece if i % 2 else unicodedata.normalize("NFC", piece)
                   for i, piece in enumerate(pieces))


@lru_cache(maxsize=1)
def _singletons() -> re.Pattern[str]:
    """The characters whose canonical decomposition is one other character."""
    found = [chr(code) for code in range(0x80, 0x30000)
             if (form := unicodedata.decomposition(chr(code)))
             and not form.startswith("<") and " " not in form]
    return re.compile("([" + "".join(map(re.escape, found)) + "])")


# A line separator ends a line as a line break does, but for the file's line count;
# :func:`clean_text` would remove most of them, gluing the words on either side. NEL is read
# as one only after the mojibake repair: "Ã\x85" is a mojibake "Å".
LINE_SEPARATOR_RE = re.compile(f"[{LINE_SEPARATORS}]")
NEL_RE = re.compile("\x85")


def separators_as_breaks(pattern: re.Pattern[str], text: str, numbers: array[int] | None,
                         first_line: int, repairs: Counter[str]
                         ) -> tuple[str, array[int] | None]:
    """``text`` (lines ending ``\\n``) with each separator ``pattern`` finds a line
    break, and the input line number of each of its lines: ``numbers`` gives those of
    ``text``'s lines (``None``: numbered from ``first_line``), and a line a separator begins
    carries the number of the line it stands in, as editors and error messages count
    lines. A text without any separator is returned as it came, with ``numbers``."""
    if not pattern.search(text):
        return text, numbers
    lines = text.split("\n")
    old = range(first_line, first_line + len(lines)) if numbers is None else numbers
    new = array("q")
    for number, line in zip(old, lines, strict=True):
        new.extend([number] * (len(pattern.findall(line)) + 1))
    text, replaced = pattern.subn("\n", text)
    repairs["page breaks and line separators read as line breaks"] += replaced
    return text, new


def _line_blocks(text: str, size: int = 1 << 18) -> Iterator[str]:
    """``text`` in blocks of about ``size`` characters, each cut after a line break."""
    start = 0
    while start < len(text):
        cut = text.find("\n", start + size)
        end = len(text) if cut < 0 else cut + 1
        yield text[start:end]
        start = end


def _char_class(c: str) -> str:
    """A character, or a regex for its class when only the class matters."""
    if c.isdigit():
        return r"\d"
    if c.isalpha():
        return r"[^\W\d_]"
    return c


# A hyphen with a space after it, and the word after: "life- saving" (the word before is
# looked for at each: a look-behind in the pattern made its search ten times slower)
_SPACED_HYPHEN_RE = lazy_pattern(r"- ([^\W\d_]+)")


class Lexicon:
    """Word probabilities for break decisions: wordfreq for ``langs`` plus the file's words."""

    def __init__(self, langs: tuple[str, ...], file_text: str = "",
                 file_lines: list[str] | None = None) -> None:
        """``file_lines``: ``file_text`` split at line breaks, when the caller has it (a
        second split would be a second copy of a large file)."""
        self.langs = langs
        # Words that touch a line's edge may be fragments of a cut ("Repr" / "ise"): only
        # the words inside lines make the file's vocabulary.
        # Counted over blocks of whole lines at once (no word spans a line break), then the
        # words at line edges taken off again. Blocks, not the whole text: a list of every
        # word of a large file would be the run's peak of memory.
        self.local: Counter[str] = Counter()
        for block in _line_blocks(file_text):
            self.local.update(map(str.lower, _WORD_RE.findall(block)))
        edges: list[str] = []
        for line in file_text.split("\n") if file_lines is None else file_lines:
            if line[:1] in ". \t" and FOLD_MARKER in line[:64]:
                # a folded line's first word continues the line before: a fragment too
                # ("...[+++]υτικών" after "μεταναστε")
                line = FOLD_MARKER_RE.sub("", line, count=1)
            first = _LEADING_WORD_RE.match(line) if line[:1].isalpha() else None
            if first:
                edges.append(first.group(0).lower())
            if line[-1:].isalpha():
                last = trailing_word(line)
                if last and not (first and last.start() == 0):  # a one-word line, once
                    edges.append(last.group(0).lower())
        self.local.subtract(edges)
        # At least a page's worth of words, so one occurrence in a tiny file is not
        # taken for a frequent word.
        self.local_total = max(sum(self.local.values()), 2000)
        # Spacing habits are read off a sample: a few MB tell them as well as the whole file.
        self._sample = file_text[:2_000_000]
        self._classes: str | None = None  # the sample, one symbol per character class
        self._spacing: dict[tuple[str, str], tuple[int, int]] = {}
        self._tally: _SymbolPairs | None = None
        self._lower_sample: str | None = None
        self._apostrophes: dict[str, bool] = {}
        self._alone: dict[str, bool] = {}
        self._after_number: tuple[Counter[str], Counter[str]] | None = None
        self._words_sorted: list[str] | None = None
        self._spaced_hyphens: Counter[tuple[str, str]] | None = None

    def known(self, word: str, min_zipf: float = 0.0) -> bool:
        """Whether ``word`` is written whole in the file or in the word lists, there with a
        Zipf value of ``min_zipf`` at least (the lists also hold misspellings, "thes")."""
        w = word.lower()
        best = wordfreq_best(w, self.langs)
        return (best > 0 and best >= min_zipf) or self.local.get(w, 0) > 0

    def begun(self, prefix: str) -> float | None:
        """The Zipf value (as :meth:`zipf` counts the file's words) of the file's most
        frequent word that begins with ``prefix`` (lower case), ``None`` when none does.
        The sorted vocabulary is made the first time a break asks."""
        if self._words_sorted is None:
            self._words_sorted = sorted(w for w, n in self.local.items() if n > 0)
        words = self._words_sorted
        at = bisect_left(words, prefix)
        best = 0
        while at < len(words) and words[at].startswith(prefix):
            best = max(best, self.local[words[at]])
            at += 1
        return 9 + math.log10(best / self.local_total) - 1.0 if best else None

    def _lowered(self) -> str:
        """The sample in lower case, made the first time a break asks."""
        if self._lower_sample is None:
            self._lower_sample = self._sample.lower()
        return self._lower_sample

    def usage_odds(self, left: str, right: str) -> float | None:
        """log10 odds that the file writes ``left`` + ``right`` (lower case) as one word
        rather than as two words in a row: its uses of the word (inside lines) against
        those of the phrase in the sample, each plus one half; ``None`` when it writes the
        word fewer than :data:`_FILE_USAGE_MIN` times. The phrase is counted as a string
        (``str.count``, at C speed: a file asks this at a few hundred breaks), so "l and"
        inside "real and" counts too: too many phrases, never too few."""
        joined = self.local.get(left + right, 0)
        if joined < _FILE_USAGE_MIN:
            return None
        phrase = self._lowered().count(f"{left} {right}")
        return math.log10((joined + 0.5) / (phrase + 0.5))

    def spaced_hyphen(self, left: str, right: str) -> bool:
        """Whether the file writes ``left`` + "- " + ``right`` (lower case) inside its lines
        more often than ``left`` + "-" + ``right``: a compound its source spells with a
        space after the hyphen (DGT-TM "life- saving appliances", "Davit- launched
        liferaft"), which a line cut at that space leaves as "life-" / "saving". Counted in
        the sample: the spaced compounds in one pass, those joined (asked only of a
        compound written spaced) as strings, as :meth:`usage_odds` counts its phrases."""
        if self._spaced_hyphens is None:  # one pass, the first time a break asks
            lowered = self._lowered()
            self._spaced_hyphens = Counter(
                (before.group(0), m.group(1))
                for m in _SPACED_HYPHEN_RE.finditer(lowered)
                if lowered[m.start() - 1:m.start()].isalpha()
                and (before := trailing_word(lowered[max(0, m.start() - 48):m.start()])))
        spaced = self._spaced_hyphens.get((left, right), 0)
        return spaced > 0 and spaced > self._lowered().count(f"{left}-{right}")

    def writes_alone(self, word: str) -> bool:
        """Whether the sample writes ``word``, as spelled, as a word between spaces (not
        at a line's edge, where a line may hold a piece of a word)."""
        known = self._alone.get(word)
        if known is None:
            # the word first and the character before it looked behind for: a pattern
            # opening with the class "[ \t(]" was tried at every space of the sample (20 ms
            # a word that is not there, the usual answer for a fragment), a literal is
            # searched for at C speed; the same matches, one character later
            escaped = re.escape(word)
            known = self._alone[word] = re.search(
                rf"{escaped}(?<=[ \t(]{escaped})[ \t]", self._sample) is not None
        return known

    def writes_apostrophe(self, word: str) -> bool:
        """Whether the sample writes ``word`` (lower case) whole before an apostrophe and a
        letter ("l'Union", "Parliament's"). Few breaks ask, so each word is looked for with
        ``str.find`` when asked (a regular expression over the sample cost a tenth of a
        second at every run)."""
        known = self._apostrophes.get(word)
        if known is None:
            text, needle = self._lowered(), word + "'"
            at = text.find(needle)
            while at >= 0 and (text[at - 1:at].isalpha()
                               or not text[at + len(needle):at + len(needle) + 1].isalpha()):
                at = text.find(needle, at + 1)
            known = self._apostrophes[word] = at >= 0
        return known

    def after_number(self, word: str) -> tuple[int, int]:
        """How often the sample writes ``word`` (lower case) straight after a digit ("3rd",
        "1zq") and after a digit and a space ("2017 of"). Both tallies are taken in one
        pass each, the first time a break asks."""
        if self._after_number is None:
            lowered = self._lowered()
            # lines are the sample's own: a word at a line's start is after no digit
            self._after_number = (Counter(_JOINED_TO_NUMBER_RE.findall(lowered)),
                                  Counter(_SPACED_FROM_NUMBER_RE.findall(lowered)))
        joined, spaced = self._after_number
        return joined[word], spaced[word]

    def zipf(self, word: str) -> float:
        """log10 frequency per 10^9 words (the wordfreq "Zipf" scale), never below a
        length-based estimate for unknown words (long unknown strings are improbable)."""
        w = word.lower()
        best = wordfreq_best(w, self.langs) or -math.inf  # wordfreq says 0 for unknown
        count = self.local.get(w, 0)
        if count:
            # Seen elsewhere in the same file as a whole word: the file's own vocabulary
            # counts, slightly discounted because the file is a small sample.
            best = max(best, 9 + math.log10(count / self.local_total) - 1.0)
        # Unknown strings are rarer than the rarest listed word, and rarer the longer they are.
        return max(best, min(1.0, 8.0 - 0.9 * len(w)))

    def spacing_odds(self, a: str, b: str, prior: float, weight: float = 4.0) -> float:
        """log10 odds that ``a`` and ``b`` are written together, not with a space between,
        from how this file writes them elsewhere, with ``prior`` as ``weight`` pseudo-counts.
        """
        key = (_char_class(a), _char_class(b))
        counts = self._spacing.get(key)
        if counts is None:
            counts = self._spacing[key] = self._count_spacing(key)
        p_join = 1 / (1 + 10 ** (-prior))
        return math.log10((counts[0] + weight * p_join) / (counts[1] + weight * (1 - p_join)))


    def _count_spacing(self, key: tuple[str, str]) -> tuple[int, int]:
        """How often the sample writes the two (classes of) characters together, and with
        one space between them. The sample is mapped once to one symbol per class (a digit,
        a letter, any other character as itself), so each key is two ``str.count`` calls
        instead of two regular-expression scans of megabytes (the same non-overlapping
        counts); in a large sample, one pass counts every pair of symbols at once."""
        if any(len(k) == 1 and k.isalnum() for k in key):
            # a letter-like character the classes fold (a numeral such as "Ⅷ"): by regex
            left, right = (re.escape(k) if len(k) == 1 else k for k in key)
            return (len(re.findall(left + right, self._sample)),
                    len(re.findall(left + " " + right, self._sample)))
        if self._classes is None:
            self._classes = _mapped(self._sample)
        left, right = (_CLASS_SYMBOL.get(k, k) for k in key)
        if left != right and " " not in (left, right) and len(self._classes) > _TALLY_FROM:
            # no overlaps: the counts of every pair of symbols, taken in one pass, are the
            # same as str.count's
            if self._tally is None:
                self._tally = _SymbolPairs(self._classes)
            if len(self._tally.symbols) <= _TALLY_SYMBOLS:
                return self._tally.counts(left, right)
        return (self._classes.count(left + right), self._classes.count(left + " " + right))


# Samples from this many characters count every pair of symbols at once (numpy): a file
# asks for fifty or more pairs, each two scans of the sample by str.count.
_TALLY_FROM = 200_000
_TALLY_SYMBOLS = 1_000  # distinct symbols at most (a table of their squares)
_TALLY_BLOCK = 1 << 16  # characters counted at once


class _SymbolPairs:
    """How often each two symbols of a text follow each other, and with one space between."""

    def __init__(self, text: str) -> None:
        import numpy as np

        self.symbols = sorted(set(text))
        size = len(self.symbols)
        if size > _TALLY_SYMBOLS:
            return  # too many to tabulate: counted by str.count
        self.rank = {symbol: rank for rank, symbol in enumerate(self.symbols)}
        codes = np.array([ord(c) for c in self.symbols], dtype=np.uint32)
        # each character's rank looked up in a table by its code (a search of the symbols
        # for each character took three times as long)
        ranks = np.zeros(int(codes[-1]) + 1, dtype=np.int32)
        ranks[codes] = np.arange(size, dtype=np.int32)
        space = self.rank.get(" ")
        self.together = np.zeros(size * size, dtype=np.int64)
        self.spaced = np.zeros(size * size, dtype=np.int64)
        # a block of the text at a time (each block's pairs and triples start in it): the
        # arrays of a whole sample would be the repair's peak of memory
        for start in range(0, len(text), _TALLY_BLOCK):
            piece = text[start:start + _TALLY_BLOCK + 2]
            index = ranks[np.frombuffer(piece.encode("utf-32-le"), dtype=np.uint32)]
            pairs = min(_TALLY_BLOCK, len(index) - 1)
            self.together += np.bincount(index[:pairs] * size + index[1:pairs + 1],
                                         minlength=size * size)
            if space is not None:
                triples = min(_TALLY_BLOCK, len(index) - 2)
                spaced = index[1:triples + 1] == space
                self.spaced += np.bincount(index[:triples][spaced] * size
                                           + index[2:triples + 2][spaced],
                                           minlength=size * size)

    def counts(self, left: str, right: str) -> tuple[int, int]:
        a, b = self.rank.get(left), self.rank.get(right)
        if a is None or b is None:
            return 0, 0
        cell = a * len(self.symbols) + b
        return int(self.together[cell]), int(self.spaced[cell])


# One symbol per character class in the mapped sample (never a character of its own: both
# are alphanumeric, and only non-alphanumeric characters stand for themselves there).
_CLASS_SYMBOL = {r"\d": "0", r"[^\W\d_]": "a"}


def _symbol_of(ch: str) -> str:
    r"""The symbol ``ch`` has in the mapped sample, as the regular-expression classes see it:
    ``\d`` (decimal digits) -> "0", ``[^\W\d_]`` (other word characters) -> "a"."""
    if ch.isdecimal():
        return "0"
    if ch.isalnum():
        return "a"
    return ch


@lru_cache(maxsize=1)
def _bmp_symbols() -> np.ndarray:
    """The code of :func:`_symbol_of` of each character of the Basic Multilingual Plane, by
    its code: made once (a hundredth of a second), then read at C speed."""
    import numpy as np

    return np.fromiter((ord(_symbol_of(chr(c))) for c in range(0x10000)), dtype=np.uint32,
                       count=0x10000)


def _mapped(sample: str) -> str:
    """``sample`` with each character its :func:`_symbol_of`. A large sample a block at a
    time, as codes looked up in :func:`_bmp_symbols`: ``str.translate`` with a table looks
    every character up in a dictionary, a twentieth of a second a part. (A small one, whose
    run need not load numpy, and a block holding a character beyond the plane, rare, are
    translated so.)"""
    if len(sample) <= _TALLY_FROM:
        return sample.translate({ord(ch): _symbol_of(ch) for ch in set(sample)})
    import numpy as np

    table = _bmp_symbols()
    out = []
    for start in range(0, len(sample), _TALLY_BLOCK):
        block = sample[start:start + _TALLY_BLOCK]
        codes = np.frombuffer(block.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        if int(codes.max(initial=0)) >= len(table):
            out.append(block.translate({ord(ch): _symbol_of(ch) for ch in set(block)}))
        else:
            out.append(table[codes].tobytes().decode("utf-32-le", "surrogatepass"))
    return "".join(out)


@lru_cache(maxsize=200_000)
def wordfreq_best(word: str, langs: tuple[str, ...]) -> float:
    """The Zipf value of ``word`` (as written) in the word list of the likeliest of
    ``langs`` (0 for a word none holds)."""
    return max(zipf(word, lang) for lang in langs)


def trailing_word(line: str) -> re.Match[str] | None:
    """The run of letters that ends ``line``, found from its end: a search from the start
    would scan the whole line for each break."""
    # its length read off the line's last characters reversed, in one match: a search,
    # even of the last 48 characters, tries the pattern again at each of their letters
    tail = line[-_TAIL_CHARS:]
    if not tail.endswith("\n"):  # ("$" also matches before a final line break)
        run = _LEADING_WORD_RE.match(tail[::-1])
        if run is None:
            return None
        if run.end() < _TAIL_CHARS:  # the run begins inside the tail
            return _TRAILING_WORD_RE.match(line, len(line) - run.end())
    window = max(0, len(line) - 48)
    found = _TRAILING_WORD_RE.search(line, window)
    if found and found.start() == window and window:
        found = _TRAILING_WORD_RE.search(line)  # the run may begin before the window
    return found


def join_evidence(left: str, right: str, lexicon: Lexicon) -> float:
    """log10 odds that the break between ``left`` and ``right`` (no space at either edge)
    is inside a word (join with nothing) rather than between two words (a space)."""
    a, b = left[-1], right[0]
    if a.isalpha() and b.isalpha():
        lw = trailing_word(left)
        rw = _LEADING_WORD_RE.search(right)
        lf, rf = lw.group(0), rw.group(0)  # type: ignore[union-attr]
        # Two words vs one word: P(l)P(r) against P(lr) on the zipf scale. Neighbouring
        # words are not independent ("question ne", "ai voté" are far likelier than the
        # product of their frequencies): _BIGRAM_LIFT stands for that association.
        joined, alone = lexicon.zipf(lf + rf), lexicon.zipf(lf)
        if (len(lf) <= 2 and lf.islower() and lf not in _CONTRACTIONS
                and _elided_only(lf, lexicon)):
            # "l" | "and,": the lists count "l" from "l'Union"; this file writes it only
            # against an apostrophe, so alone it is no word and "land" is one. (Not a
            # piece that follows an English apostrophe: Europarl writes "Union' s own".)
            alone = _UNKNOWN_PIECE_ZIPF
        if (joined < 0 < alone and len(lf) >= _STEM_MIN and rf.islower()
                and any(rf in _ENDINGS.get(lang, ()) for lang in lexicon.langs)):
            # a known word and one of the language's endings, the whole unknown to the
            # lists ("relativise" + "s", "contribuer" + "ions"): an inflected form they do
            # not hold rather than two words, the ending being none
            joined = alone - _ENDING_COST
        if (len(rf) >= _ACROSS_MIN and len(lf) + len(rf) > _BEGUN_MIN
                and not lexicon.known(lf + rf)):
            # a word neither the lists nor the file write whole, which the file writes
            # with another last letter and ending ("ultra" | "périphérie" where the file
            # has "ultrapériphériques"): that word, inflected otherwise. (The whole word
            # but its last letter: "structurelle" | "menée" is no "structurellement".)
            begun = lexicon.begun((lf + rf[:-1]).lower())
            if begun is not None:
                joined = max(joined, begun - _ENDING_COST)
        if (len(rf) <= 2 and rf.islower() and right[len(rf):len(rf) + 1].isspace()
                and _clitic(rf, lexicon.langs) and lexicon.known(lf + rf, _WORD_ZIPF)):
            # "it" | "s mandate": the lists count "s" (and "t", "d", "l"...) from "it's",
            # "s'il", written against an apostrophe; alone between two spaces it is no
            # word of these languages, and "its" is one
            right_zipf = _UNKNOWN_PIECE_ZIPF
        elif (len(rf) == 1 and rf.islower() and right[1:2].isspace()
              and len(lf) >= _STEM_MIN and not lexicon.writes_alone(rf)
              and not _word_then_letter_word(lf, rf, lexicon)):
            # "Vorsitzperiode" | "n nach": the lists count every letter as a frequent word
            # (initials, labels, "n." for numero, German "'n"); a letter this file never
            # writes alone between spaces is no word of it, but the last of a word cut
            # (after a long word: "the" | "s" is no "thes")
            right_zipf = _UNKNOWN_PIECE_ZIPF
        else:
            right_zipf = lexicon.zipf(rf)
        score = joined - alone - right_zipf + 9.0 - _BIGRAM_LIFT
        if a.islower() and b.isupper() or _acronym_then_word(lf, right):
            score -= 2.0  # "sessionReprise": a capital inside a word is rare
        elif _FILE_USAGE_BAND[0] < score < _FILE_USAGE_BAND[1]:
            # Unsure from the lists, which take two frequent words for a likely pair of
            # words ("there" | "of"): does the file itself write them as one word
            # ("thereof", 125 times in a DGT-TM dump) rather than as two ("there of",
            # never)?
            usage = lexicon.usage_odds(lf.lower(), rf.lower())
            if usage is not None:
                score = max(score, usage)
        return max(-6.0, min(6.0, score))
    if b == "'" and a.isalpha() and right[1:2].isalpha() and not _apostrophe(left, right,
                                                                             lexicon):
        # An opening quote after a word, its space consumed by the cut ("the dreaded" |
        # "'millennium bug'"): the word never takes an apostrophe elsewhere in the file.
        return -2.0
    if a == '"' and b.isalnum():
        # An ASCII double quote says nothing of its side: where it stands does. After a
        # space it opens (no space after it), after a word it closes (a space follows).
        return 2.0 if _opening_quote(left) else -2.0
    if b == '"' and a.isalnum() and right[1:2] != "":
        # ... and before a letter it opens (a space before it), before a space or
        # punctuation it closes ("Orientation" / '" l'est').
        return -2.0 if right[1].isalnum() else 2.0
    if a in _CLAUSE_END and b in _QUOTES and right[1:2].isalpha():
        # A quote before a letter opens a word ("definitioner: | ”sopimusalueella”": Finnish
        # and Swedish open with ”); a closing quote is followed by a space or punctuation.
        return -2.0
    if a.isalnum() and _BRACKETED_PHRASE_RE.match(right):
        # A bracket holding words after a number or a word ("Équipement radar CAT 1" |
        # "(l'équipement radar utilisé avec ARPA ...)"): a remark set off with a space,
        # where a bracket written against a number holds a label ("15(4)", "MSC.36(63)")
        return -2.0
    # Anything else (digits, punctuation): how often does this file put a space between
    # such characters? ("l' ardeur" in Europarl, "mot ;" in French typography, "1 000").
    # A typographic rule of thumb serves as the prior the file's counts update.
    prior = _rule_of_thumb(a, b)
    if b in ";:!?" and "fr" in lexicon.langs:
        prior = 0.0  # French sets these off with a space, English does not: no prior
    odds = lexicon.spacing_odds(a, b, prior)
    word = _LEADING_WORD_RE.search(right) if a.isdigit() and b.isalpha() else None
    return odds if word is None else _after_number(odds, word.group(0).lower(), lexicon)


def _acronym_then_word(piece: str, right: str) -> bool:
    """Whether a line ending with ``piece``, two capitals or more, goes on with a capital
    and a small letter (``right``): an acronym and the word opening the next line, as
    "sessionReprise" is two words ("... Ris. 191(79) dell'IMO" | "Indikatur tal-
    inklinazzjoni ...", DGT-TM MT-IT, where the Maltese word is in no list and the
    lists know "IMO": its line was joined to the pair before it, "IMOIndikatur"). A word
    cut inside its capitals goes on in capitals ("ANN" | "EX")."""
    return len(piece) >= 2 and piece.isupper() and right[:1].isupper() and right[1:2].islower()


def _word_then_letter_word(word: str, letter: str, lexicon: Lexicon) -> bool:
    """Whether ``word`` is a word the lists know, ``letter`` one a language of the file
    writes alone (:func:`_letter_word`), and ``word`` + ``letter`` no likelier word: a PDF
    breaks a line before a one-letter preposition ("schází" | "v pravidelných"), which a
    short file may write nowhere else between spaces."""
    return (any(_letter_word(letter, lang) for lang in lexicon.langs)
            and wordfreq_best(word.lower(), lexicon.langs) > 0
            and lexicon.zipf(word + letter) < lexicon.zipf(word))


@lru_cache(maxsize=1024)
def _letter_word(letter: str, lang: str) -> bool:
    """Whether ``letter`` is a word of ``lang``: the lists count every letter as a word
    (initials, labels, units), the real ones ("v", "z", "a", "è", "y", "i") far more often
    (a Zipf value of 5.95 at least; Slovene "k" 5.97, Danish "a" 5.9); an elided word
    ("l'", "d'") is none."""
    return (wordfreq_best(letter, (lang,)) >= _LETTER_WORD_ZIPF
            and letter not in elisions(lang))


_LETTER_WORD_ZIPF = 5.95


def _elided_only(piece: str, lexicon: Lexicon) -> bool:
    """Whether ``piece`` (lower case) is a word a language of the file elides ("l'Union",
    "qu'il"), which the file writes before an apostrophe and a letter and never alone
    between spaces, in lower case ("OJ L 320" is another matter)."""
    return (any(piece in elisions(lang) for lang in lexicon.langs)
            and not lexicon.writes_alone(piece) and lexicon.writes_apostrophe(piece))


def _clitic(piece: str, langs: tuple[str, ...]) -> bool:
    """Whether ``piece`` is a piece of a contraction or an elision in one language of the
    file, and written alone in none (``langs`` all with a list of such pieces, and either
    holding it or writing it seldom: Czech writes "s" alone, a preposition)."""
    return (all(lang in _CLITICS for lang in langs)
            and any(piece in _CLITICS[lang] for lang in langs)
            and all(piece in _CLITICS[lang] or wordfreq_best(piece, (lang,)) < _WORD_ZIPF
                    for lang in langs))


def _after_number(odds: float, word: str, lexicon: Lexicon) -> float:
    """log10 odds that ``word`` is written straight after the number ending a line rather
    than after a space, ``odds`` being those of a letter after a digit in this file: the
    word's own habit in the file updates them ("3rd" and "1zq" are written together, "2017
    of" and "2019 du" apart, which a file cut inside words joins at a line break where a
    pair begins). A frequent word that is no suffix of numbers ("of", "amending") starts
    from a word's odds instead."""
    if (word not in _AFTER_NUMBERS and len(word) >= 2
            and wordfreq_best(word, lexicon.langs) >= _WORD_ZIPF):
        odds = min(odds, _WORD_AFTER_NUMBER)
    joined, spaced = lexicon.after_number(word)
    p_join = 1 / (1 + 10 ** (-odds))
    return math.log10((joined + 4.0 * p_join) / (spaced + 4.0 * (1 - p_join)))


# Written straight after a number in the EU's languages: ordinals ("1st", "2e", "3ème",
# "1er", "2nd", "4th", "1ª") and units and times ("5km", "20h25", "10am").
_AFTER_NUMBERS = frozenset("""
st nd rd th d e er re ère eme ème es ers ᵉ o a os as º ª te ten ste sten de den
km kg mm cm m g h ha min mg ml l kw kwh mw mwh gw gwh kv hz khz mhz ghz am pm bn mn
x t s
""".split())
_WORD_ZIPF = 3.0  # a word this frequent in a language of the file (wordfreq)...
_WORD_AFTER_NUMBER = -2.5  # ...is written after a number with a space, these odds to one


_BIGRAM_LIFT = 1.0
# Inflectional endings that a mid-word cut may leave alone on a line, by language; each is
# also a frequent token of the lists ("s" from "it's", "ions", "es"), which made a cut
# before them look like a space ("relativise s", "contribuer ions").
_ENDINGS = {
    "en": frozenset({"s", "es", "ed", "ing", "ly", "er", "ers"}),
    "fr": frozenset({"s", "es", "ent", "ons", "ez", "ions", "iez", "ait", "aient", "ée",
                     "ées", "és"}),
}
_STEM_MIN = 5  # letters of the word before the ending, at least ("the" + "s" stays apart)
# What follows the apostrophe of an English contraction or possessive ("Parliament's",
# "don't", "we'll"): the apostrophe is inside the word whatever comes before it.
_CONTRACTIONS = frozenset({"s", "t", "ll", "re", "ve", "d", "m"})
# The pieces of a contraction or an elision, by language: written against an apostrophe
# ("it's", "we'll", "l'Union", "qu'il"), never alone between spaces; the lists count them
# as words all the same.
_CLITICS = {"en": _CONTRACTIONS, "fr": elisions("fr")}
_UNKNOWN_PIECE_ZIPF = 1.0  # such a piece alone: as likely as a string the lists lack
# A word unknown to the lists and the file is joined across a break when the file writes a
# word that begins with it but for its last letter, this many letters after the break...
_ACROSS_MIN = 3
_BEGUN_MIN = 8  # ... and more than this many in all
_ENDING_COST = 1.0  # an inflected form is rarer than its stem, in Zipf units
# Lexical odds of a join between two words (log10) between these are weighed against the
# file's own usage (Lexicon.usage_odds), which wins when it is surer of a join ...
_FILE_USAGE_BAND = (-3.0, 1.0)
# ... the file writing the word whole this many times at least (DGT-TM NL-EN writes
# "thereof" three times, "there of" never: "... 102 there" | "of," is one word).
_FILE_USAGE_MIN = 3


def _apostrophe(left: str, right: str, lexicon: Lexicon) -> bool:
    """Whether the ASCII apostrophe opening ``right``, after the letters ending ``left``,
    is inside a word: an English contraction, a word one of the file's languages elides or
    writes with an apostrophe inside ("n'", "qu'", "dell'", "aujourd'hui":
    :func:`~tmx_export.lang.joined_to_apostrophe`), or a word the file writes before an
    apostrophe elsewhere too. A short file may hold one of them once, cut there ("Vous n"
    / "'êtes", "aujourd" / "'hui"): it was read as an opening quote, "n 'êtes"."""
    after = _WORD_RE.match(right, 1)
    if after is None or after.group(0).lower() in _CONTRACTIONS:
        return True
    before = trailing_word(left)
    if before is None:
        return True
    word = before.group(0).lower()
    return (any(word in joined_to_apostrophe(lang) for lang in lexicon.langs)
            or lexicon.writes_apostrophe(word))


_CLAUSE_END = frozenset(",.;:!?")
# A bracket opening with a letter and holding white space before it closes, on one line
_BRACKETED_PHRASE_RE = lazy_pattern(r"[(\[][^\W\d_][^()\[\]\n]*\s[^()\[\]\n]*[)\]]")
_QUOTES = frozenset("\"'”’»«“‘„‚")


def _rule_of_thumb(a: str, b: str) -> float:
    """log10 odds of no space between characters ``a`` and ``b`` in ordinary text."""
    if a.isdigit() and b.isdigit():
        return 2.0
    if a in "'’/-([«“‘" or b in ",.;:!?)]»”’%/-'":
        # No space after an apostrophe/slash/opening bracket, none before closing punctuation.
        return 1.5
    if a in ",.;:!?)]»”" and (b.isalnum() or b in "([«“‘"):
        return -1.5
    if b in "([«“" or a.isalpha() and b.isdigit():
        return -1.0  # "the report (A5-...)", "January 1997"; codes like "A5" are rarer
    return 0.0


def style_posterior(observations: list[tuple[bool, float]]) -> dict[str, float]:
    """Posterior of the file's cut style given all its breaks.

    An observation is (edge space seen, log10 lexical odds of a join). A file is cut in one
    style; each break is a piece of evidence, so many weak ones add up. Under ``mid`` a break
    without a space is inside a word, under ``pdf`` between words, except for a small
    share ``_DEVIATION`` of breaks (a hand-edited file); under ``kept`` such a break should
    not happen at all and either reading is equally likely; the stripped styles mix the
    two readings in the shares of ``_P_JOIN``.
    """
    log_like = dict.fromkeys(STYLES, 0.0)
    for spaced, lam in observations:
        p_lex_join = 1 / (1 + 10 ** (-lam))
        for s in STYLES:
            p_edge = _P_EDGE_SPACE[s] if spaced else 1 - _P_EDGE_SPACE[s]
            if not spaced:
                pj = _P_JOIN[s]
                p_edge *= 2 * (pj * p_lex_join + (1 - pj) * (1 - p_lex_join))
            log_like[s] += math.log(max(p_edge, 1e-300))
    top = max(log_like.values())
    weights = {s: math.exp(v - top) for s, v in log_like.items()}
    total = sum(weights.values())
    return {s: w / total for s, w in weights.items()}


_DEVIATION = 0.0001
# Share of the breaks without a space that are inside a word, per style: all of them when
# cuts fall anywhere, none when cuts fall at spaces; after stripping, the breaks that lost
# their space join the others (about one in twelve cuts anywhere, all cuts at spaces).
_P_JOIN = {"mid": 1 - _DEVIATION, "pdf": _DEVIATION, "kept": 0.5, "mid-stripped": 0.92,
           "kept-stripped": _DEVIATION}


def decide_break(left: str, right: str, post: dict[str, float], lam: float,
                 lexicon: Lexicon, before: str = "", unstripped: bool = False,
                 opens_paragraphs: bool = False) -> tuple[str, bool]:
    """What replaces one line break: (separator, drop the hyphen ending ``left``);
    ``before``: the running text before ``left``, whose language a short line may need;
    ``unstripped``: the file's lines end with the spaces they kept (:func:`_unstripped`);
    ``opens_paragraphs``: ``right`` opens as lines of the file that open paragraphs do
    (:func:`_paragraph_openings`)."""
    if left[-1:].isspace() or right[:1].isspace():
        return "", False
    if left[-1:] in _SENTENCE_END and _may_open_pair(right) and not _opening_quote(left) \
            and not _number_before_number(left, right):
        # "...est clos." / "Le vote...": no cut in any style leaves a sentence end against
        # the next capital (a cut there keeps or eats the space between them); this is a
        # paragraph boundary, and paragraphs are separated by a space.
        return " ", False
    if left.endswith(SOFT_HYPHEN) and len(left) > 1 and left[-2].isalpha() \
            and right[:1].isalpha():
        # A soft hyphen marks where a word may be hyphenated: at a break it is the PDF's
        # hyphenation ("environ\u00ad" / "mental"), never a space. A file cut anywhere
        # cut after one of its own soft hyphens, kept as its others are.
        return "", post["mid"] + post["mid-stripped"] < 0.5
    if left.endswith("-") and len(left) > 1 and left[-2].isalpha() and right[:1].isalpha():
        # A hyphen at the break: a compound ("know-how") keeps it; PDF hyphenation
        # ("inter-" / "national") is undone when the file's style allows it and the
        # unhyphenated word is clearly the more frequent spelling.
        lf = _TRAILING_WORD_RE.search(left[:-1])
        rf = _LEADING_WORD_RE.search(right)
        if rf and rf.group(0).lower() in SUSPENDING_CONJUNCTIONS \
                and right[rf.end():rf.end() + 1] in ("", " ", "\t"):
            # A suspended hyphen ("Bau- und Wohnungswesen", "handels- och", "pre- and
            # post-war"): no compound is written with a conjunction after its hyphen
            # ("black-and-white" goes on with a hyphen), so the break is an ordinary one,
            # the space kept or consumed as the file's style says.
            return _ordinary_break(post, lam), False
        if lf and rf and lexicon.spaced_hyphen(lf.group(0).lower(), rf.group(0).lower()):
            # the file's own spelling, with a space after the hyphen: the cut was there
            return " ", False
        if lf and rf and post["mid"] + post["mid-stripped"] < 0.5:
            joined, hyphened = lf.group(0) + rf.group(0), lf.group(0) + "-" + rf.group(0)
            if lexicon.zipf(joined) > lexicon.zipf(hyphened) + 0.5:
                return "", True
        return "", False
    if (left[-1:].isalpha() and right[:1].isalpha()
            and _language_turns(before + left, right, lexicon)):
        # "...przedłużenia; lub" / "sends a formal objection...": the clause before reads
        # as one language, the one after as the other, each piece is a word of its own
        # side's language and the joined "lubsends" a word of neither: a pair starts on
        # this line, whatever the file's cut style would make of the break.
        return " ", False
    if (opens_paragraphs and left[-1:].isalpha() and right[:1].isalpha()
            and _two_words_unjoined(left, right, lexicon)):
        # "Třída A pro lodě" / "rez. IMO MSC.36(63) ...": the next line opens as other
        # lines of the file do after lines that end otherwise, as paragraphs open in a
        # list; the two pieces are words and joined ("loděrez") a word neither the lists
        # nor the file know. A pair starts here: joined, two pairs' words made one.
        return " ", False
    in_word, floor = post, _IN_WORD_FLOOR
    if unstripped and post["mid-stripped"] > 0.0:
        # Lines that end with the spaces they kept: the file was never stripped, whatever
        # its few breaks say. A short one was read as stripped (the lists take "dokumentumok"
        # | "ból" for two words) and the word written with a space. Only for a break inside
        # a word: the stripped reading keeps spaces where a pair opens with a small letter
        # after a line without punctuation ("... 8" | "rezolucja IMO ..."), which no break
        # tells.
        in_word, floor = _stripped_as_kept(post), 0.0
    if (lam < floor and left[-1:].isalpha() and right[:1].islower()
            and in_word["mid"] > _MID_SURE
            and _one_language(before + left, right, lexicon.langs)):
        # A file cut anywhere that keeps its spaces cuts words at any letter: a break
        # between two letters is inside a word, whatever the lists say of the pieces (they
        # lack most inflected and compound words of Hungarian, Finnish, Polish...:
        # "dokumentumok" | "ból" weighed as two words). Only where both sides read as one
        # language: where it turns, a pair may open with a small letter ("osapuoli" |
        # "lägger fram").
        return _ordinary_break(in_word, max(lam, _IN_WORD_FLOOR)), False
    return _ordinary_break(post, lam), False


def _two_words_unjoined(left: str, right: str, lexicon: Lexicon) -> bool:
    """Whether the pieces at a break between letters are each a word of the lists and
    joined a word neither the lists nor the file know."""
    piece_left, piece_right = trailing_word(left), _LEADING_WORD_RE.search(right)
    if piece_left is None or piece_right is None:
        return False
    lf, rf = piece_left.group(0), piece_right.group(0)
    return (wordfreq_best(lf.lower(), lexicon.langs) > 0
            and wordfreq_best(rf.lower(), lexicon.langs) > 0 and not lexicon.known(lf + rf))


# A line's opening: its first two words (with what is glued to them: "rez. IMO"), matched
# in the line's first _WORD_REACH characters (a line without spaces is not scanned whole).
_OPENING_RE = re.compile(r"[^\W\d_]+\S*\s+\S+")
# Lines opening alike after this many different line ends open paragraphs: a cut inside a
# word repeated (a paragraph written twice, cut at the same width) follows the same end.
_OPENINGS_SEEN = 3


def _paragraph_openings(lines: list[tuple[int, str, bool]]) -> set[str]:
    """The openings (:data:`_OPENING_RE`) of at least :data:`_OPENINGS_SEEN` lines of
    ``lines`` not folded, each after a line whose last word (or character) differs, one at
    least after a line ending with no letter: the way paragraphs open in a list ("rez. IMO
    MSC.36(63) ..." after "8", "IV", "lodě"). A line cut inside a word goes on with the
    word's end, after the same start each time, and always after a letter (an ending and
    the word after it, "den kanssa", may follow several stems in a long file)."""
    ends: dict[str, set[str]] = {}
    for (_, left, _), (_, right, folded) in zip(lines, lines[1:], strict=False):
        if folded:
            continue
        opening = _OPENING_RE.match(right[:_WORD_REACH])
        if opening is not None:
            last = trailing_word(left)
            # (a line's end that is no letter is kept as "" beside the words)
            ends.setdefault(opening.group(0), set()).update(
                (last.group(0),) if last is not None else (left[-1:], ""))
    return {key for key, seen in ends.items()
            if "" in seen and len(seen) - 1 >= _OPENINGS_SEEN}


def _stripped_as_kept(post: dict[str, float]) -> dict[str, float]:
    """The style posterior ``post`` with each stripped style's share given to its style
    with spaces kept."""
    return {"mid": post["mid"] + post["mid-stripped"],
            "kept": post["kept"] + post["kept-stripped"], "pdf": post["pdf"],
            "mid-stripped": 0.0, "kept-stripped": 0.0}


# This many lines ending with a space tell a file was not stripped (one may be a slip of an
# editor's hand).
_KEPT_SPACES_SEEN = 2


def _unstripped(lines: list[tuple[int, str, bool]]) -> bool:
    """Whether ``lines`` (all but the last) end with a space at least
    :data:`_KEPT_SPACES_SEEN` times: no stripped file does."""
    seen = 0
    for _, body, _ in lines[:-1]:
        seen += body[-1:].isspace()
        if seen >= _KEPT_SPACES_SEEN:
            return True
    return False


# Under a sure ``mid`` style, the evidence of two words at a break between letters counts
# at most this much (log10 odds): the file's style then joins them.
_IN_WORD_FLOOR = -3.0
_MID_SURE = 0.5
_CONTEXT_WORDS = 6  # words on each side of a break that tell its language
_SHORT_PAIR_WORDS = 3  # words opening a line that may be a short side, then its translation
_SAME_MARGIN = 1.0  # summed word scores each side must lean by, the same way
_PIECE_MARGIN = 1.0  # the score a piece at a break must lean by, to read as a word
_CLAUSE_RE = re.compile(r"[.;:!?]")


def _one_language(left: str, right: str, langs: tuple[str, ...]) -> bool:
    """Whether the clause ending ``left`` and the one opening ``right`` both lean clearly
    to the same language of the pair (two languages): no pair boundary between them."""
    before, after = _clause_leans(left, right, langs)
    return before * after > 0 and min(abs(before), abs(after)) >= _SAME_MARGIN


def _language_turns(left: str, right: str, lexicon: Lexicon) -> bool:
    """Whether the break between ``left`` and ``right`` (letters at both edges) is where
    the language turns between two words: the clauses on either side lean clearly to
    different languages, so do the two pieces at the break, each a word on its own, and
    joined they make a word neither the lists nor the file know ("lub" | "sends"). The
    clause after may be a short side and its translation on one line, whose words together
    lean the other way: then its first words (:data:`_SHORT_PAIR_WORDS`) tell (DGT-TM RO-IT,
    cut anywhere: "... per salvagenti anulari" | "pentru veste de salvare per giubbotti di
    salvataggio", where "pentru veste de" leans to Romanian, the six words to Italian, and
    "anularipentru" had glued two pairs)."""
    before, after = _clause_leans(left, right, lexicon.langs)
    if before * after >= 0 or min(abs(before), abs(after)) < _SAME_MARGIN:
        before, after = _clause_leans(left, right, lexicon.langs, _SHORT_PAIR_WORDS)
        if before * after >= 0 or min(abs(before), abs(after)) < _SAME_MARGIN:
            return False
    piece_left = trailing_word(left)
    piece_right = _LEADING_WORD_RE.search(right)
    if piece_left is None or piece_right is None:
        return False
    lf, rf = piece_left.group(0), piece_right.group(0)
    scores = word_scores(*lexicon.langs)
    # each piece leans its own clause's way, by a word's worth (a fragment leans little)
    return (scores[lf] * before >= _PIECE_MARGIN * abs(before)
            and scores[rf] * after >= _PIECE_MARGIN * abs(after)
            and not lexicon.known(lf + rf))


def _clause_leans(left: str, right: str, langs: tuple[str, ...],
                  opening: int = _CONTEXT_WORDS) -> tuple[float, float]:
    """The summed word scores of the clause ending ``left`` and of the one opening
    ``right`` (their last few words, and their first ``opening``), towards the first of
    ``langs``; (0, 0) unless the pair has two languages."""
    if len(langs) != 2:
        return 0.0, 0.0
    tail = _CLAUSE_RE.split(left[-_WORD_REACH * 2:])[-1]
    head = _CLAUSE_RE.split(right[:_WORD_REACH * 2], maxsplit=1)[0]
    scores = word_scores(*langs)
    before = sum(map(scores.__getitem__, WORD_RE.findall(tail)[-_CONTEXT_WORDS:]))
    after = sum(map(scores.__getitem__, WORD_RE.findall(head)[:opening]))
    return before, after


def _ordinary_break(post: dict[str, float], lam: float) -> str:
    """The separator of a break that may be inside a word or between two: the styles'
    chances of a join, each updated by the break's own evidence ``lam``."""
    p_lex = 1 / (1 + 10 ** (-lam))
    p_join = 0.0
    for s, weight in post.items():
        pj = _P_JOIN[s]
        p_join += weight * pj * p_lex / (pj * p_lex + (1 - pj) * (1 - p_lex))
    return "" if p_join >= 0.5 else " "


# Coordinating conjunctions of the EU's languages (and, or): after a line ending with a
# hyphen they mark a suspended compound, "Bau- und", "handels- och", "kauppa- ja", "pre- and".
SUSPENDING_CONJUNCTIONS = frozenset("""
and or nor und oder bzw sowie et ou y e o u ed od en of og eller och ja tai sekä või és vagy
illetve i oraz lub albo a nebo alebo in ali ili и или και ή și şi sau ir ar un vai jew agus nó
""".split())


SOFT_HYPHEN = "\u00ad"

# What ends a sentence, as the last character of a line (tested on the character: a
# regular expression anchored at the end would scan the whole line).
_SENTENCE_END = frozenset('.!?;:)]»”"')
_NUMBER_OPENING_RE = re.compile(r"\d+\.\s")  # a paragraph number opening a line
_PAIR_OPENING_RE = re.compile(r"^(?:\d+\.\s|[(\[«“‘„‚”»’\"'¿¡]*[^\W\d_])")


def _opening_quote(left: str) -> bool:
    """Whether ``left`` ends with an ASCII double quote, or a ”, that opens a quotation:
    after a space or at the start of the line (``FEOGA "`` / ``Orientation"``), where a
    closing one follows its last word (Finnish and Swedish open with ” too: "kolumnen ”" /
    "EG:s tillträde")."""
    return left.endswith(('"', '”')) and (len(left) == 1 or left[-2].isspace())


# A number and its dot opening a line before another: "1. 74. This Agreement ..."
_NUMBER_THEN_NUMBER_RE = re.compile(r"\d+\.\s+\d+\.\s")


def _number_before_number(left: str, right: str) -> bool:
    """Whether ``left`` ends with a number and its dot and ``right`` opens with a number and
    its dot before a paragraph number: the last part of a section's number a cut left, not
    a paragraph's number, whose paragraph would hold nothing (DGT-TM SV-EN, numbered, cut
    anywhere: "... som anges i artikel 9." / "1. 74. This Agreement shall enter into force
    ...", read "artikel 9. 1." for "artikel 9.1.")."""
    return left[-2:-1].isdigit() and _NUMBER_THEN_NUMBER_RE.match(right) is not None


def _may_open_pair(line: str) -> bool:
    m = _PAIR_OPENING_RE.match(line)
    return bool(m) and (m.group(0)[-1].isupper() or m.group(0)[0].isdigit())


_WORD_REACH = 64  # characters of a line kept to complete the word the next line ends

# Invisible format characters that spell nothing at a line's edge: a BOM left where Windows
# files were joined ("cat a.txt b.txt"), a zero-width space, joiner or direction mark copied
# from a web page. A line opening with one still opens a pair ("\ufeff2. The Parliament"),
# so they are removed there. U+FEFF is removed inside lines too: there it is only ever a
# joined file's BOM (the zero-width no-break space is U+2060 since Unicode 3.2). The others
# inside a line are kept as written.
EDGE_INVISIBLE = "\ufeff\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069"
_EDGE_INVISIBLE_RE = re.compile(f"^[{EDGE_INVISIBLE}]+|[{EDGE_INVISIBLE}]+$|\ufeff",
                                re.MULTILINE)


def strip_invisible_edges(text: str, repairs: Counter[str]) -> str:
    """``text`` without the invisible characters at its lines' edges, nor any BOM
    (:data:`EDGE_INVISIBLE`), the removals counted in ``repairs``."""
    text, removed = _EDGE_INVISIBLE_RE.subn("", text)
    if removed:
        repairs["invisible characters removed (BOM, zero-width, direction marks)"] += removed
    return text


def _loose_page_line(body: str, before: str, after: str, lexicon: Lexicon,
                     last_number: int | None = None) -> bool:
    """Whether ``body``, a line between the lines ``before`` (as kept) and ``after`` (as
    written), is a page's number, language code, date or footnote mark
    (:data:`LOOSE_PAGE_LINE_RE`) copied from a PDF with its text: no space at its edges
    nor at the breaks around it (a file cut PDF-style swallows them; one cut anywhere
    leaves one beside a word in most breaks), text on both sides, and nothing it would
    make one token with: a number cut in two ("2" / "8.", "in 19" / "99"), a word ("de
    l'O" / "MI" / "...", of a file cut anywhere, where the file writes "OMI").
    ``last_number``: the paragraph number the last line before it opened with, which
    tells a page's number before a numbered paragraph's line from a number cut in two
    (:func:`_page_before_number`)."""
    if not before or not after.strip() or not LOOSE_PAGE_LINE_RE.match(body):
        return False
    after = FOLD_MARKER_RE.sub("", after, count=1)
    if before[-1:].isspace() or after[:1].isspace():
        return False
    if body.isdigit() and (before[-1:].isdigit() or before[-1:] in "(-/" or
                           after[:1] in ".,;:)%/-" or after[:1].isdigit() and not (
                               before.rstrip()[-1:] in _SENTENCE_END
                               and _page_before_number(body, after, last_number))):
        # (after a sentence's end only: "... 27 July" / "1998" / "276. ..." ends a date)
        return False
    if body.isdigit() and _ends_as_copied(before, body):
        return False
    # (a word the file writes, not one of the lists': "EN" / "during" makes "enduring",
    # "que" / "EN" "queen", where a page's code stands between two words; and the break
    # a join, as the repair weighs it: "has be" / "EN" makes the file's "been", of two
    # words)
    last = trailing_word(before) if body[:1].isalpha() else None
    first = _LEADING_WORD_RE.match(after) if body[-1:].isalpha() else None
    return not (last and lexicon.local[(last.group(0) + body.split()[0]).lower()] > 0
                and join_evidence(before, body, lexicon) > 0
                or first and lexicon.local[(body.split()[-1] + first.group(0)).lower()] > 0
                and join_evidence(body, after, lexicon) > 0)


def _ends_as_copied(before: str, body: str) -> bool:
    """Whether the line ``before`` ends with a code (a chunk holding a digit) that it holds
    earlier with ``body`` after it: the line ends a translation of the text before, which
    ended so, and ``body`` is its last chunk, no page's number (DGT-TM DE-PL "261.
    IMO-Entschließung MSC.97(73)-(HSC-Code 2000) 8 261. rezolucja IMO MSC.97(73)- (kodeks
    HSC 2000)" / "8", the Polish "8" set apart as a page's number and the pair refused)."""
    chunks = before.split()
    if not chunks or not any(c.isdigit() for c in chunks[-1]):
        return False
    return f" {chunks[-1]} {body} " in f" {' '.join(chunks[:-1])} "


def _page_before_number(body: str, after: str, last_number: int | None) -> bool:
    """Whether the digits ``body`` alone on a line are a page's number before ``after``, a
    line opening with a paragraph number: the number the dump's sequence expects there
    (the one the last numbered line opened with, ``last_number``, for side B, or the next:
    "7" / "8. Calls on ..." after "7. ..."), which ``body`` run into it would make a number
    it does not expect ("78."). A number cut in two is the other way round: "2" / "8."
    after "27. ..." makes the "28." expected, where "8." alone is not."""
    opening = _NUMBER_OPENING_RE.match(after)
    if last_number is None or opening is None:
        return False
    number = int(opening.group().rstrip()[:-1])
    expected = (last_number, last_number + 1)
    return number in expected and int(body + str(number)) not in expected


# A file whose line breaks have a space at their edge this rarely (of LOOSE_BREAKS at
# least) was cut PDF-style, at spaces it swallowed: only there is a page's number or code
# alone on a line told from a piece of a line cut anywhere ("1" / "2" of "12").
PDF_EDGE_SPACES = 0.05
LOOSE_BREAKS = 20


def _cut_pdf_style(raw_lines: list[str]) -> bool:
    """Whether the file's line breaks look cut PDF-style (:data:`PDF_EDGE_SPACES`)."""
    breaks = spaced = 0
    # (not raw_lines[1:]: a copy of a large part's list of lines)
    for left, right in zip(raw_lines, islice(raw_lines, 1, None), strict=False):
        if left.strip() and right.strip():
            breaks += 1
            spaced += left[-1:].isspace() or right[:1].isspace()
    return breaks >= LOOSE_BREAKS and spaced <= PDF_EDGE_SPACES * breaks


PAGE_LINES_AHEAD = 6  # a page's header and footer lines, at most, looked past


def _next_text_line(raw_lines: list[str], index: int) -> str:
    """The line after ``raw_lines[index]`` that is no page's header or footer (of those
    :func:`_loose_page_line` and :data:`PAGE_LINE_RE` would set apart, a few at most:
    "7" / "11.1.2000 FR Journal officiel ..." / "EN" / "travail."); "" at the end."""
    for line in raw_lines[index + 1:index + 1 + PAGE_LINES_AHEAD]:
        if not (PAGE_LINE_RE.match(line) or LOOSE_PAGE_LINE_RE.match(line)):
            return line
    return ""


# A running head other than the Official Journal's ("European Parliament resolution on
# ...", "Committee on Regional Policy"): a short line a PDF prints on every page, found
# whole at RUNNING_HEAD_REPEATS page breaks or more (see _running_heads)
RUNNING_HEAD_CHARS = 100
RUNNING_HEAD_REPEATS = 2
# what a running head looks like: a capital or a digit first, no sentence end in it or at
# its end (a paragraph's own lines end sentences), and not a paragraph number's line
_RUNNING_HEAD_RE = lazy_pattern(r"(?!\d+\.\s)(?:\d|[^\W\d_])(?:(?![.!?;,][\s\"'’”»)]).)*"
                                r"(?<![.!?;,])$")


def _page_line(line: str, loose: bool) -> bool:
    """Whether ``line`` looks like a page's header or footer line, alone: a reference, the
    Official Journal's head (:data:`PAGE_LINE_RE`), or, ``loose`` (a file cut PDF-style,
    where a line is no piece of a word), a page's number or code
    (:data:`LOOSE_PAGE_LINE_RE`)."""
    return bool(PAGE_LINE_RE.match(line) or loose and LOOSE_PAGE_LINE_RE.match(line.strip()))


def _running_heads(raw_lines: list[str], pdf_style: bool) -> set[int]:
    """The indexes of the lines of ``raw_lines`` that are a PDF's running head: a short
    line (:data:`RUNNING_HEAD_CHARS`, :data:`_RUNNING_HEAD_RE`) written whole, the same, at
    :data:`RUNNING_HEAD_REPEATS` page breaks or more, between other lines each time. A
    page breaks where a line stands beside another page line (a page's number, code,
    reference) or, in a file cut PDF-style (``pdf_style``), inside a sentence: the line
    before ends none, the line after goes on in small letters ("... of the" / "Committee
    on Regional Policy" / "regions"; in a file cut anywhere, a short pair's side B, "of 18
    February 2019" / "du 18 février 2019", is so as often); and, once
    the head is known, where the page's length of lines puts it (:func:`_every_page`).
    The same words as a line of the text (a heading between two paragraphs, a paragraph
    of its own) stand at no page break, and are kept; inside a line they are never
    looked at. A line found only inside sentences, with no page line beside it, must be
    so at :data:`RUNNING_HEAD_REPEATS` + 1 places at least, a page's length apart
    (:func:`_a_page_apart`): in a file cut at narrow widths, words the text often writes
    ("Structural Funds" in a debate on them) fall alone on a line, between two halves of a
    sentence, every so often, and a line in lower case goes on after them. Seen at fewer
    (a document of three pages: two breaks, one maybe between two paragraphs), it is a head
    where its places cut the text into pages of one length (:func:`_pages_of_one_length`).
    Two passes over the lines, each line looked at with a few of its neighbours."""
    shapes: Counter[str] = Counter()
    for raw in raw_lines:
        if len(raw) <= RUNNING_HEAD_CHARS + 8 and not FOLD_MARKER_RE.match(raw):
            body = raw.strip()
            if len(body) <= RUNNING_HEAD_CHARS and _RUNNING_HEAD_RE.match(body) and \
                    not body[0].islower() and sum(c.isalpha() for c in body) >= 2 and \
                    not _page_line(body, True):
                shapes[body] += 1
    repeated = {body for body, count in shapes.items() if count >= RUNNING_HEAD_REPEATS}
    if not repeated:
        return set()

    def neighbour(index: int, step: int) -> tuple[str, bool]:
        # the nearest line that is text, past other running heads, and whether a page
        # line stood between
        beside = False
        at = index + step
        while 0 <= at < len(raw_lines) and abs(at - index) <= PAGE_LINES_AHEAD:
            line = raw_lines[at]
            if _page_line(line, pdf_style):
                beside = True
            elif line.strip() and line.strip() not in repeated:
                return line, beside
            at += step
        return "", beside

    every: dict[str, list[int]] = {}  # each repeated line's places
    around: dict[int, tuple[str, str]] = {}  # ... the lines around each
    found: dict[str, list[int]] = {}  # ... of those, the places at a page break
    paged: set[int] = set()  # ... of those, the places with a page line beside them
    for index, raw in enumerate(raw_lines):
        body = raw.strip() if len(raw) <= RUNNING_HEAD_CHARS + 8 else ""
        if body not in repeated:
            continue
        every.setdefault(body, []).append(index)
        before, page_before = neighbour(index, -1)
        after, page_after = neighbour(index, 1)
        after = FOLD_MARKER_RE.sub("", after, count=1)
        around[index] = (before.strip(), after.strip())
        inside = pdf_style and bool(before.strip()) and \
            before.rstrip()[-1] not in _SENTENCE_END and after[:1].islower()
        if page_before or page_after or inside:
            found.setdefault(body, []).append(index)
            if page_before or page_after:
                paged.add(index)
    heads: set[int] = set()
    for body, places in found.items():
        # (a page breaks at other text each time: a paragraph written twice, cut the same
        # way, repeats its lines with the same lines around them, and a heading of the text
        # beside the head has the same)
        befores = Counter(around[index][0] for index in places)
        afters = Counter(around[index][1] for index in places)
        apart = {index for index in places
                 if befores[around[index][0]] == 1 and afters[around[index][1]] == 1}
        if len(apart) >= RUNNING_HEAD_REPEATS and (
                not paged.isdisjoint(apart) or _a_page_apart(sorted(apart), every[body])):
            heads |= apart | _every_page(every[body], len(raw_lines))
        elif _pages_of_one_length(every[body], len(raw_lines)) and \
                _other_words_around([around[index] for index in every[body]]):
            # A short document's head, seen at two page breaks only (three pages), one of
            # them at least inside a sentence, the other maybe between two paragraphs, where
            # a page broke with no sign of it: every place where the first page's length of
            # lines puts a break, other words around each. Words alone on a line of a narrow
            # cut fall inside sentences anywhere, seldom on such a grid of pages; a phrase of
            # the text written twice ("des" / "États membres concernant ..." / "dangereuses")
            # has the same words around it.
            heads |= set(every[body])
    return heads


RUNNING_HEAD_PERIOD = 0.25  # how far a page's lines may be from the file's usual count
RUNNING_HEAD_PAGE = 20  # the fewest lines a page holds (see _a_page_apart)
RUNNING_HEAD_PAGE_MOST = 80  # the most (see _pages_of_one_length)
# A head found only inside sentences stands at this share of the page breaks between its
# first place and its last, at least (see _a_page_apart) ...
RUNNING_HEAD_SEEN = 0.75
# ... on pages of this many lines at most: two columns of RUNNING_HEAD_PAGE_MOST
RUNNING_HEAD_TWO_COLUMNS = 2 * RUNNING_HEAD_PAGE_MOST


def _a_page_apart(places: list[int], seen: list[int]) -> bool:
    """Whether ``places`` (line indexes, in order; more than :data:`RUNNING_HEAD_REPEATS`)
    lie a page apart, as a head found only inside sentences must: the nearest two at
    least :data:`RUNNING_HEAD_PAGE` lines apart, each gap a whole number of those pages,
    give or take :data:`RUNNING_HEAD_PERIOD` of one (a page that broke between two
    paragraphs gave no place), and the line written whole (``seen``: its every place, in
    order) at :data:`RUNNING_HEAD_SEEN` of the page breaks from its first place to its
    last, at least, on pages of :data:`RUNNING_HEAD_TWO_COLUMNS` lines at most. A head
    stands at every page; the text's phrases that narrow cuts leave alone on a line ("Party
    of European Socialists", "Conférence des" in lines of 20 to 60 characters) fall inside
    sentences here and there, a whole number of pages apart by chance (44 and 396 lines:
    nine pages, eight of them without the line)."""
    if len(places) <= RUNNING_HEAD_REPEATS:
        return False
    gaps = [b - a for a, b in zip(places, places[1:], strict=False)]
    page = min(gaps)
    if page < RUNNING_HEAD_PAGE or any(
            abs(gap - round(gap / page) * page) > RUNNING_HEAD_PERIOD * page for gap in gaps):
        return False
    # (the page as the line's every place measures it, the lower median of their gaps: the
    # places found may be two pages apart, and the head's words as a line of the text too,
    # near one of its places, move it little)
    period = sorted(b - a for a, b in zip(seen, seen[1:], strict=False))[(len(seen) - 2) // 2]
    return period <= RUNNING_HEAD_TWO_COLUMNS and \
        len(seen) - 1 >= RUNNING_HEAD_SEEN * (seen[-1] - seen[0]) / period


def _other_words_around(lines_around: list[tuple[str, str]]) -> bool:
    """Whether text stands on both sides of each place (its lines before and after), and
    other words each time: another last word before, another first word after."""
    if not all(before and after for before, after in lines_around):
        return False
    lasts = {before.split()[-1] for before, _ in lines_around}
    firsts = {after.split()[0] for _, after in lines_around}
    return len(lasts) == len(lines_around) == len(firsts)


def _pages_of_one_length(places: list[int], lines: int) -> bool:
    """Whether ``places`` (line indexes, in order, in a text of ``lines`` lines; two at
    least) cut the text into pages of one length: the first page (the lines before the
    first place) :data:`RUNNING_HEAD_PAGE` lines at least, every page after it as long give
    or take :data:`RUNNING_HEAD_PERIOD` of it, the last one (after the last place) no
    longer; a head at every page break of a text its file holds whole."""
    if len(places) < RUNNING_HEAD_REPEATS:
        return False
    page = places[0]
    gaps = [b - a for a, b in zip(places, places[1:], strict=False)]
    return RUNNING_HEAD_PAGE <= page <= RUNNING_HEAD_PAGE_MOST and \
        all(abs(gap - page) <= RUNNING_HEAD_PERIOD * page for gap in gaps) and \
        lines - 1 - places[-1] <= (1 + RUNNING_HEAD_PERIOD) * page


def _every_page(places: list[int], lines: int) -> set[int]:
    """Of the places of a running head (line indexes, in order, in a text of ``lines``
    lines), those a page's length of lines from the places next to them, before and after
    (the usual gap between two, give or take :data:`RUNNING_HEAD_PERIOD`; at the first or
    the last, the text's edge within a page): the head of a page that broke between two
    paragraphs, with no page number beside it. The same words as a heading of the text
    stand where no page breaks, nearer a head than a page; a head beside such a heading
    is told by its own page break only."""
    gaps = sorted(b - a for a, b in zip(places, places[1:], strict=False))
    period = gaps[len(gaps) // 2]

    def fits(gap: int) -> bool:
        return abs(gap - period) <= RUNNING_HEAD_PERIOD * period

    last = len(places) - 1
    return {index for k, index in enumerate(places)
            if (fits(index - places[k - 1]) if k else
                index <= (1 + RUNNING_HEAD_PERIOD) * period)
            and (fits(places[k + 1] - index) if k < last else
                 lines - 1 - index <= (1 + RUNNING_HEAD_PERIOD) * period)}


def build_stream(text: str, langs: tuple[str, ...], first_line: int = 1) -> Stream:
    """Clean ``text`` and join its lines into one :class:`Stream`; its first line is line
    ``first_line`` of its file (a part of a dump, :func:`.reader.split_dump`)."""
    repairs: Counter[str] = Counter()
    text, numbers = separators_as_breaks(
        LINE_SEPARATOR_RE, text.replace("\r\n", "\n").replace("\r", "\n"), None,
        first_line, repairs)
    text = clean_text(text, repairs)
    text, numbers = separators_as_breaks(NEL_RE, text, numbers, first_line, repairs)
    text = strip_invisible_edges(text, repairs)
    lines: list[tuple[int, str, bool]] = []
    page_lines: list[tuple[int, str]] = []
    raw_lines = text.split("\n")
    # (before the lines are read: a page's loose line is told from a piece of a word by it)
    lexicon = Lexicon(langs, text, raw_lines)
    pdf_style = _cut_pdf_style(raw_lines)
    running_heads = _running_heads(raw_lines, pdf_style)
    last_number: int | None = None  # the paragraph number the last line opened with
    numbered = (zip(numbers, raw_lines, strict=True) if numbers is not None
                else enumerate(raw_lines, first_line))
    for index, (number, raw) in enumerate(numbered):
        folded = bool(FOLD_MARKER_RE.match(raw))
        body = FOLD_MARKER_RE.sub("", raw, count=1) if folded else raw
        if folded:
            repairs["fold markers removed"] += 1
            if _NUMBER_OPENING_RE.match(body) and lines \
                    and lines[-1][1].rstrip()[-1:] in _SENTENCE_END:
                # "...[+++]31. Although" after a line ending "vacances.": a dump folded
                # where a numbered paragraph starts; the marker hid the pair's start and
                # two pairs were read as one
                folded = False
        if not folded and (PAGE_LINE_RE.match(body) or index in running_heads or
                           pdf_style and _loose_page_line(
                               body, lines[-1][1] if lines else "",
                               _next_text_line(raw_lines, index), lexicon, last_number)):
            # A page's header or footer: set apart (a reject of its own), so that the lines
            # around it join as if the page had not broken there. Left in, it was glued to
            # a paragraph's text ("... est également PE 287.123v01-00 espagnole.") or
            # written as a pair of its own ("PE" -> "287.123v01-00").
            page_lines.append((number, body.strip()))
        elif body.strip():
            lines.append((number, body, folded))
            opening = None if folded else _NUMBER_OPENING_RE.match(body)
            if opening is not None:
                last_number = int(opening.group().rstrip()[:-1])
    del text, raw_lines  # the lines hold it all now: not kept while they are joined

    # per break: whether a space is kept at it, and the evidence for a join (arrays, not a
    # tuple a break: a large file has hundreds of thousands)
    spaced_at = bytearray()
    evidence = array("d")
    before = ""  # the line before ``left``
    for (_, left, _), (_, right, _) in zip(lines, lines[1:], strict=False):
        spaced = left[-1:].isspace() or right[:1].isspace()
        spaced_at.append(spaced)
        if not spaced and evidence and evidence[-1] > 0 and left[:1].isalpha():
            # a line that is one piece of a word ("...[+++]tibility", the line before
            # ending "Electromagnetic Compa") is weighed as the word it ends: the fragment
            # alone, unknown, made "tibility" + "a" (a Polish word opening the next
            # pair) one word
            found = trailing_word(left)
            if found is not None and found.start() == 0:
                left = before + left
        # what a word may need of it: a chain of such lines stays short however long
        before = left[-_WORD_REACH:]
        evidence.append(0.0 if spaced else join_evidence(left, right, lexicon))
    # A line that may open a new pair ("The debate...", "35. ...") may follow a break that
    # was never a cut: pairs start on new lines. Such breaks say nothing about the style.
    post = style_posterior([(bool(spaced), lam) for spaced, lam, (_, body, folded)
                            in zip(spaced_at, evidence, lines[1:], strict=True)
                            if folded or not _may_open_pair(body)])
    unstripped = _unstripped(lines)
    openings = _paragraph_openings(lines)

    parts: list[str] = []
    stream = Stream(text="", repairs=repairs, page_lines=page_lines,
                    spaces_kept=post["mid"] + post["kept"])
    offset = 0
    for i, (number, body, folded) in enumerate(lines):
        if i:
            left = parts[-1]
            opening = None if folded else _OPENING_RE.match(body[:_WORD_REACH])
            sep, drop_hyphen = decide_break(
                left, body, post, evidence[i - 1], lexicon, "".join(parts[-5:-1]),
                unstripped, opening is not None and opening.group(0) in openings)
            if drop_hyphen:
                parts[-1] = left[:-1]
                offset -= 1
                repairs["hyphenation undone"] += 1
            if sep:
                parts.append(sep)
                offset += len(sep)
        stream.line_starts.append(offset)
        stream.line_numbers.append(number)
        stream.folded.append(folded)
        stream.spaced.append(spaced_at[i - 1] if i else 0)
        parts.append(body)
        offset += len(body)
    stream.text = "".join(parts)
    stream.join_odds = array("d", [0.0]) if lines else array("d")  # the first line's
    stream.join_odds.extend(evidence)
    return stream
