"""The same source translated differently, the same translation for different sources.

:class:`Consistency` hears the units in memory order (:meth:`Consistency.add`) and reports
on the later unit of each pair that disagrees with an earlier one:

* ``inconsistent-target``: its source was seen before with another target; ``item`` is
  the earlier target, ``expected`` names the earlier unit ("the translation of tuid 12";
  "... tuid 12 in other.tmx" when it is in another memory of the run).
* ``inconsistent-source``: its target was seen before as the translation of another
  source; ``item`` is the earlier source.

Texts are compared normalised: NFKC, case folded, white space collapsed, and no white
space beside punctuation, which is spacing convention rather than wording ("vote ?" and
"vote?", "Res. MSC.36" and "Res.MSC.36" are the same text). Punctuation itself is kept
inside a text: "Mr President, welcome" and "Mr President welcome" are different texts,
and a different comma may well be a different translation. The marks that end a text (. , ;
: ! ? …) are not compared: whether a unit ends with its source's mark is the
``punctuation`` check's to say, and DGT-TM's "Done at Brussels, 10 July 2019" and "...
2019." with one translation were nearly half of its ``inconsistent-source`` findings,
each a punctuation finding already.

Memory stays nearly flat over large memories: for each distinct normalised source, a
64-bit hash of it maps to the hash of its first target and to where that first unit's
tuid and texts (which a finding needs) were put aside (:class:`_Details`: a temporary
file once more than :data:`SPILL_AFTER` bytes are), in a table of machine integers
(:class:`_Table`, some 48 bytes a text where a dict of tuples and texts took some 800);
the same for targets. A unit's details are read back only for the groups that turn out
to disagree, when their finding is made. A hash collision (two texts with the same 64-bit
hash: about one chance in 10^9 for a memory of 100k distinct texts) could only hide or
invent one finding; the hash is keyed per run, so the same memory would not meet it
again.

What is left out, so that the report is not flooded:

* units with an empty target (``empty-target`` reports them);
* units whose source and target are the same text: names, codes, numbers, or untranslated
  text that ``untranslated`` reports; they are neither remembered nor reported;
* texts of fewer than :data:`MIN_WORDS` words (2) on the side compared: a number, "34.",
  "Article 5", a one-word heading ("Title", "Note") are legitimately rendered by context;
* units of different PO contexts (``msgctxt``) or plural forms: gettext's messages apart;
* repeats of a pair already reported: each distinct (source, target) variant that
  disagrees with the first is reported once, on its first occurrence, however many times
  the memory repeats it.
"""

from __future__ import annotations

import re
import struct
import tempfile
import unicodedata
from array import array
from typing import Any

from ..errors import temporary_file_error
from ..model import Pair
from .model import Finding, finding
from .text import collapse_spaces

# Texts shorter than this (in words) are not compared: their rendering depends on context.
MIN_WORDS = 2
# Details (tuid and texts of first units) kept in memory before they go to a temporary file:
# a small memory never touches the disk, a large one keeps no more than this in memory.
SPILL_AFTER = 1 << 20

# A space before or after a punctuation mark (NFKC has made U+00A0 a space). The pattern
# starts with the literal space, which is several times faster than starting with a
# look-behind; texts have their white space collapsed, so a space has no space beside it.
_SPACE_BESIDE_MARK_RE = re.compile(r" (?:(?=[^\w\s])|(?<=[^\w\s] ))")
_WORD_RE = re.compile(r"[^\W\d_]+")
# Two words (runs of letters) or more: one search where _words_at_least makes two.
_TWO_WORDS_RE = re.compile(r"[^\W\d_][\W\d_]+[^\W\d_]")
_MASK = (1 << 64) - 1
# The props of a unit read from a PO entry that make it a message of its own (formats.ttkstore)
_CONTEXT, _PLURAL_FORM = "x-context", "x-plural-form"
# What consistency compares of a unit: the hashes of its normalised source and target,
# and whether each has the words to be compared (see Consistency.key)
Key = tuple[int, int, bool, bool]
_SIZE = struct.Struct("<Q")


# The marks that end a text, left out of what consistency compares (NFKC has made "…"
# three full stops)
_END_MARKS = ".,;:!?"


def normalised(text: str) -> str:
    """A text as consistency compares it: NFKC, case folded, spaces collapsed and dropped
    beside punctuation, punctuation kept but the marks that end the text."""
    text = collapse_spaces(unicodedata.normalize("NFKC", text))
    text = _SPACE_BESIDE_MARK_RE.sub("", text)
    return text.casefold().rstrip(_END_MARKS)


def _words_at_least(text: str, count: int) -> bool:
    """Whether ``text`` has ``count`` words or more (stops counting there)."""
    if count == 2:
        # most texts start with a word, a space and a word: no need to search them
        space = text.find(" ")
        if space > 0 and text[space - 1].isalpha() and text[space + 1:space + 2].isalpha():
            return True
        return _TWO_WORDS_RE.search(text) is not None
    end = 0
    for _ in range(count):
        m = _WORD_RE.search(text, end)
        if m is None:
            return False
        end = m.end()
    return True


def _hash(text: str) -> int:
    # the str's own hash (SipHash, keyed per process; 64 bits on 64-bit platforms): texts
    # are only compared within one run, in one process, and it is cached in the str, where
    # a digest of the encoded text cost a tenth of the consistency checks
    return hash(text) & _MASK or 1  # 0 marks a free slot of a _Table


# Between a unit's tuid and its file in the details put aside (a first unit's only: the
# many units compared are not given one more string each); no tuid holds it
_FILE_MARK = "\x1f"


def _named(stored: str, file: str) -> str:
    """The earlier unit as a finding names it: its tuid, and its file when not ``file``."""
    tuid, _, first_file = stored.partition(_FILE_MARK)
    return tuid if first_file == file else f"{tuid} in {first_file}"


def _tuid(unit: Pair) -> str:
    return str(unit.tuid) if unit.tuid is not None else f"{unit.file}:{unit.line}"


class _Details:
    """The tuid, source and target of units put aside, each read back by its place: in
    memory up to :data:`SPILL_AFTER` bytes, then in an unnamed temporary file."""

    def __init__(self) -> None:
        self._pending = bytearray()  # put aside, not yet written to the file
        self._written = 0  # bytes in the file
        self._file: Any = None  # tempfile.TemporaryFile, once needed

    def put(self, tuid: str, source: str, target: str) -> int:
        """Put a unit's details aside; their place, for :meth:`get`."""
        # one record: its size, then the lengths of tuid and source and the three texts
        # (one encoding of one string: this runs for nearly every unit)
        record = f"{len(tuid)}:{len(source)}:{tuid}{source}{target}".encode(
            "utf-8", "surrogatepass")
        place = self._written + len(self._pending)
        self._pending += _SIZE.pack(len(record))
        self._pending += record
        if len(self._pending) > SPILL_AFTER:
            self._spill()
        return place

    def get(self, place: int) -> tuple[str, str, str]:
        """The tuid, source and target put aside at ``place``."""
        size, = _SIZE.unpack(self._read(place, _SIZE.size))
        record = self._read(place + _SIZE.size, size).decode("utf-8", "surrogatepass")
        tuid_length, _, rest = record.partition(":")
        source_length, _, rest = rest.partition(":")
        tuid_end = int(tuid_length)
        source_end = tuid_end + int(source_length)
        return rest[:tuid_end], rest[tuid_end:source_end], rest[source_end:]

    def _read(self, place: int, size: int) -> bytes:
        if place >= self._written:
            start = place - self._written
            return bytes(self._pending[start:start + size])
        file = self._opened()
        file.seek(place)
        return file.read(size)

    def _opened(self) -> Any:
        if self._file is None:
            try:
                self._file = tempfile.TemporaryFile(prefix="tmx-export-check-")
            except OSError as exc:
                raise temporary_file_error(exc) from None
        return self._file

    def _spill(self) -> None:
        # seek and write, not os.pwrite (POSIX only): one process at a time uses the file
        # (a forked worker takes these checks over whole, see run.check_units)
        file = self._opened()
        try:
            file.seek(self._written)
            file.write(self._pending)
            file.flush()  # nothing left in a buffer that a forked worker would copy
        except OSError as exc:
            raise temporary_file_error(exc) from None
        self._written += len(self._pending)
        self._pending.clear()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


class _Table:
    """A map of 64-bit hashes to two 64-bit values, in three arrays of machine integers
    (open addressing, linear probing, at most half full): some 48 bytes an entry, where a
    dict of Python ints takes over 100. Hash 0 marks a free slot, so it is stored as 1."""

    __slots__ = ("keys", "firsts", "places", "mask", "size")

    def __init__(self, slots: int = 1 << 14) -> None:
        self.keys = array("Q", bytes(8 * slots))
        self.firsts = array("Q", bytes(8 * slots))
        self.places = array("Q", bytes(8 * slots))
        self.mask = slots - 1
        self.size = 0

    def slot(self, key: int) -> int:
        """The slot of ``key``: where it is, or the free slot where it would go."""
        keys, mask = self.keys, self.mask
        at = key & mask
        while True:
            held = keys[at]
            if held == key or held == 0:
                return at
            at = (at + 1) & mask

    def put(self, at: int, key: int, first: int, place: int) -> None:
        """Store ``key`` at the free slot ``at`` (from :meth:`slot`)."""
        self.keys[at], self.firsts[at], self.places[at] = key, first, place
        self.size += 1
        if 2 * self.size > self.mask:
            self._grow()

    def _grow(self) -> None:
        old = zip(self.keys, self.firsts, self.places, strict=True)
        # four times the size: each entry is moved about once, whatever the final size
        self.__init__(4 * (self.mask + 1))  # type: ignore[misc]
        for key, first, place in old:
            if key:
                at = self.slot(key)
                self.keys[at], self.firsts[at], self.places[at] = key, first, place
                self.size += 1


class Consistency:
    """Consistency of a memory, one unit at a time (see the module docstring).

    ``min_words``: texts of fewer words are not compared (default :data:`MIN_WORDS`).
    """

    def __init__(self, min_words: int = MIN_WORDS) -> None:
        self.min_words = min_words
        # hash of a normalised source -> hash of its first target, place of its details
        self._targets = _Table()
        # hash of a normalised target -> hash of its first source, place of its details
        self._sources = _Table()
        # the (source, target) variants already reported, per check
        self._reported: set[tuple[str, int, int]] = set()
        self._details = _Details()

    def key(self, unit: Pair) -> Key | None:
        """What :meth:`add` compares of ``unit`` (``None``: nothing), which needs no other
        unit: so a process that reads a part of a memory works it out (see .parts)."""
        if not unit.target.strip():
            return None
        source, target = normalised(unit.source), normalised(unit.target)
        if source == target:
            return None
        words = (_words_at_least(source, self.min_words),
                 _words_at_least(target, self.min_words))
        if unit.props and (_CONTEXT in unit.props or _PLURAL_FORM in unit.props):
            # a PO entry's context and plural form make it a message of its own: gettext
            # has "Open file" translated apart in a menu and a tooltip, and a msgid_plural
            # by each of the target language's forms ("państwa", "państw")
            apart = f"\x00{unit.props.get(_CONTEXT, '')}\x00{unit.props.get(_PLURAL_FORM, '')}"
            source, target = source + apart, target + apart
        return (_hash(source), _hash(target), *words)

    def add(self, unit: Pair, key: Key | None | bool = True) -> list[Finding]:
        """Remember ``unit`` and return its findings against the units added before it;
        ``key``, when given (not ``True``), is :meth:`key` of it."""
        if key is True:
            key = self.key(unit)
        if key is None:
            return []
        found = self.compare(key, _tuid(unit), unit.source, unit.target, unit.file or "")
        return [finding(unit, *row) for row in found] if found else []

    def compare(self, key: Key, tuid: str, source: str, target: str, file: str = ""
                ) -> list[tuple[str, str, str]] | None:
        """:meth:`add` of a unit given by its key, tuid, texts and file, as a unit read in a
        part of its own comes (see .parts: no unit is made for the many that disagree with
        nothing); its findings as (check, item, expected), or ``None``. The earlier unit
        is named by its tuid, and its file when that is another (two memories of a run
        may hold the same tuids)."""
        source_hash, target_hash, source_compared, target_compared = key
        found: list[tuple[str, str, str]] | None = None
        place = -1  # where this unit's details went, once put aside
        if source_compared:
            table = self._targets
            at = table.slot(source_hash)
            if not table.keys[at]:
                place = self._details.put(f"{tuid}{_FILE_MARK}{file}", source, target)
                table.put(at, source_hash, target_hash, place)
            elif table.firsts[at] != target_hash and \
                    self._first_report("inconsistent-target", source_hash, target_hash):
                first_tuid, _, first_target = self._details.get(table.places[at])
                found = [("inconsistent-target", first_target,
                          f"the translation of tuid {_named(first_tuid, file)}")]
        if target_compared:
            table = self._sources
            at = table.slot(target_hash)
            if not table.keys[at]:
                if place < 0:
                    place = self._details.put(f"{tuid}{_FILE_MARK}{file}", source, target)
                table.put(at, target_hash, source_hash, place)
            elif table.firsts[at] != source_hash and \
                    self._first_report("inconsistent-source", target_hash, source_hash):
                first_tuid, first_source, _ = self._details.get(table.places[at])
                row = ("inconsistent-source", first_source,
                       f"the source of tuid {_named(first_tuid, file)}")
                if found is None:
                    found = [row]
                else:
                    found.append(row)
        return found

    def close(self) -> None:
        """Let go of the details put aside (their temporary file, if any)."""
        self._details.close()

    def _first_report(self, check: str, key: int, variant: int) -> bool:
        """Whether this variant of this text is reported for the first time."""
        seen = (check, key, variant)
        if seen in self._reported:
            return False
        self._reported.add(seen)
        return True
