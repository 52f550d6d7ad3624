"""What checking passes along: a finding, the checks and their severities."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..model import Pair, Reject

ERROR, WARNING = "error", "warning"
SEVERITIES = (ERROR, WARNING)

# Every check, with its default severity. A finding names its check, so a report can be
# filtered by it and `--checks`/`--skip` can choose them.
CHECKS: dict[str, str] = {
    "term-missing": ERROR,  # an approved source term without any approved rendering
    "term-forbidden": ERROR,  # a target term marked forbidden (deprecated in a TBX)
    "number-mismatch": ERROR,  # numbers differ between the sides, conventions allowed for
    "untranslated": ERROR,  # the target is the source (beyond names and codes)
    "empty-target": ERROR,  # nothing in the target
    "tag-mismatch": ERROR,  # inline codes (bpt/ept/ph/it) differ between the sides
    "placeholder": ERROR,  # printf or brace placeholders (%d, %(name)s, {0}) differ
    "inconsistent-target": WARNING,  # the same source translated differently
    "inconsistent-source": WARNING,  # the same target for different sources
    "punctuation": WARNING,  # end punctuation, unbalanced quotes or brackets
    "spacing": WARNING,  # double spaces; spaces before ; : ! ? as the target language wants
}

# The columns of a findings report, in order (TSV/CSV header, XLSX columns).
REPORT_COLUMNS = ("tuid", "file", "line", "check", "severity", "source", "target", "item",
                  "expected")


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in one unit: ``item`` is what is concerned (a term, a number, a code,
    a character), ``expected`` what should have been there."""

    tuid: str
    file: str
    line: int
    check: str
    severity: str
    source: str
    target: str
    item: str
    expected: str
    # what a reviewer decided of this finding before ("fix", from the --accept file): the
    # XLSX report writes it again, so a finding still to fix keeps its mark in the new one
    decision: str = ""

    def key(self) -> AcceptKey:
        """What identifies a finding across runs (for accepted findings): not its tuid or
        line, which change when the memory is rebuilt (:func:`accept_key`)."""
        return accept_key(self.check, self.source, self.target, self.item, self.expected)

    def row(self) -> tuple[str, ...]:
        """The finding's cells, in :data:`REPORT_COLUMNS` order."""
        return (self.tuid, self.file, str(self.line), self.check, self.severity, self.source,
                self.target, self.item, self.expected)


# What tells a finding from another across runs: check, source, target, item, expected
AcceptKey = tuple[str, str, str, str, str]
# The expected of an accepted finding read from a table without that column: any
ANY_EXPECTED = "\x00any"
# Checks whose "expected" names another unit by its tuid, which a rebuilt memory changes
_EXPECTED_NAMES_A_UNIT = frozenset({"inconsistent-target", "inconsistent-source"})


# What an XLSX report keeps of a text too long for a cell (Excel holds 32,767 characters):
# the text is cut there, and the key of a long text is its first KEPT_OF_LONG_TEXT
# characters and its length, which the cut cell still tells (see report.fit_cell)
KEPT_OF_LONG_TEXT = 32_000


def utf16_length(text: str) -> int:
    """The length of ``text`` as a spreadsheet cell counts it: in UTF-16 code units, so a
    character beyond the Basic Multilingual Plane (an ideograph of CJK Extension B, as
    Cantonese writes "𠮶", an emoji) takes two."""
    return len(text.encode("utf-16-le")) // 2


def kept_of_long_text(text: str) -> str:
    """The longest start of ``text`` of at most :data:`KEPT_OF_LONG_TEXT` characters, as a
    cell counts them (:func:`utf16_length`): what a cut cell keeps, and a long text's key."""
    end = min(len(text), KEPT_OF_LONG_TEXT)
    units = utf16_length(text[:end])
    while units > KEPT_OF_LONG_TEXT:
        end -= 1
        units -= 2 if ord(text[end]) > 0xFFFF else 1
    return text[:end]


def _text_key(text: str) -> str:
    if len(text) <= KEPT_OF_LONG_TEXT // 2:  # fits, even all beyond the BMP (most texts)
        return text
    kept = kept_of_long_text(text)
    return text if kept == text else f"{kept}\x00{len(text)}"


def accept_key(check: str, source: str, target: str, item: str, expected: str) -> AcceptKey:
    """The key of a finding for ``--accept``: its check, texts and item, and what was
    expected, which tells two findings of one unit apart ("a space before »" and "a space
    after «", both on "«oui»."); not for a check whose expected names another unit's tuid
    (inconsistent-*), which a rebuilt memory numbers anew. A text of more than
    :data:`KEPT_OF_LONG_TEXT` characters is known by those and its length.

    An inconsistency is known by the two texts that disagree, in either order: its item
    is the earlier unit's text, so a memory rebuilt in another order, which reports the
    same two translations of a source on the other unit, gives the same key."""
    if check == "inconsistent-target":
        target, item = sorted((target, item))
    elif check == "inconsistent-source":
        source, item = sorted((source, item))
    return (check, _text_key(source), _text_key(target), _text_key(item),
            "" if check in _EXPECTED_NAMES_A_UNIT else _text_key(expected))


def is_accepted(key: AcceptKey, accepted: set[AcceptKey]) -> bool:
    """Whether the finding of ``key`` is among ``accepted`` (:func:`accept_key`; a key
    read without its expected, :data:`ANY_EXPECTED`, accepts any)."""
    return key in accepted or (*key[:4], ANY_EXPECTED) in accepted


def finding(unit: Pair, check: str, item: str, expected: str,
            severity: str | None = None) -> Finding:
    """A finding of ``check`` in ``unit`` (default severity from :data:`CHECKS`)."""
    return Finding("" if unit.tuid is None else str(unit.tuid), unit.file, unit.line, check,
                   severity or CHECKS[check], unit.source, unit.target, item, expected)


@dataclass(frozen=True, slots=True)
class TermEntry:
    """A term the memory is checked against: the source term, its approved target terms
    (``targets``, any of which satisfies the check) and its forbidden ones."""

    source: str
    targets: tuple[str, ...] = ()
    forbidden: tuple[str, ...] = ()


@dataclass(slots=True)
class LeftOut:
    """What a check (or a search) read but could not look at, as the pipeline's rejects
    tell it: how many by reason, and the languages of the units that lacked one of the
    pair (to name them when no unit had it)."""

    reasons: Counter[str] = field(default_factory=Counter)
    languages: Counter[str] = field(default_factory=Counter)
    # the texts read by their language part, as the language asked: (tag held, tag asked)
    # -> how many ("fr-FR" read as "fr-CA"), for the summary to say, as build's does
    relabelled: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, reject: Reject) -> None:
        self.reasons[reject.reason] += 1
        self.languages.update(reject.languages)

    def update(self, other: LeftOut) -> None:
        """Add what ``other`` (a part of the run's reading) counted."""
        self.reasons.update(other.reasons)
        self.languages.update(other.languages)
        self.relabelled.update(other.relabelled)
