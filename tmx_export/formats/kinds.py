"""What kind of file an input is, by its content first: names lie, content rarely does.

:func:`detect_format` looks at a file's first 64 kB (:func:`format_of_head`): the root
element of XML, the ``PK`` signature of XLSX, ``msgid`` lines of PO, a JSON object a line,
tab-separated columns or a CSV header naming languages; anything else is text (a dump).
``build`` picks its readers by it (:func:`tmx_export.inputs.format_of`), and the dump
reader refuses what is plainly no dump (:func:`refuse_not_dump`).
"""

from __future__ import annotations

import re
from pathlib import Path

from .._lazy import lazy_pattern
from ..errors import InputError
from ..lang import is_valid_tag, language_of_name, primary, standard_tag
from ..model import header_role
from .text import input_name, readable_file, without_gz

FORMATS = ("tmx", "tbx", "xliff", "po", "xlsx", "jsonl", "pairs-tsv", "tsv", "csv", "text")
# The header `tmx-export pairs --format tsv` writes: such a file reads back as pairs.
# (:mod:`.tsv` writes and reads it: defined here, where a file is told apart by it)
PAIR_COLUMNS = ("source", "target", "source_lang", "target_lang", "number", "file", "line")
_PAIRS_TSV_HEADER = "\t".join(PAIR_COLUMNS)

_MARKUP_NOISE = lazy_pattern(r"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(\[.*?\])?\s*>", re.S)
_ROOT = lazy_pattern(r"<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)")
_XML_ROOTS = {"tmx": "tmx", "martif": "tbx", "tbx": "tbx", "xliff": "xliff"}
_PO_ENTRY = re.compile(r'^msgid\s+"', re.M)
# Document formats that decode as text often enough to be mistaken for a dump.
_NOT_TEXT = ((b"%PDF-", "PDF"), (b"{\\rtf", "RTF"), (b"\xd0\xcf\x11\xe0", "legacy Office"))


def detect_format(path: str | Path) -> str:
    """One of :data:`FORMATS` for the file at ``path``; :class:`InputError` if unsupported."""
    from .decoding import is_blank
    from .xml import read_head

    p = readable_file(path)
    head = read_head(p, 1 << 16)
    if is_blank(head):
        raise InputError(input_name(path), "file is empty")
    return format_of_head(head, input_name(path), p.name)


def format_of_head(head: bytes, name: str, file_name: str) -> str:
    """:func:`detect_format` of a file whose first 64 kB are ``head``, named ``name`` in
    errors, whose name is ``file_name`` (its ending is a sign too)."""
    from .xml import decode_head

    suffix = Path(without_gz(file_name)).suffix.lower()  # "pairs.tsv.gz": a TSV, compressed
    for magic, kind in _NOT_TEXT:
        if head.startswith(magic):
            raise InputError(name, f"a {kind} file, not bilingual text (export it as "
                             "text, TMX, XLIFF or a table first)")
    if head.startswith(b"PK\x03\x04"):
        if b"xl/" in head or suffix == ".xlsx":
            return "xlsx"
        raise InputError(name, "a ZIP archive that is not an XLSX workbook")
    text = decode_head(head).lstrip("\ufeff")
    stripped = text.lstrip()
    if _WORKBENCH_TXT.match(stripped):
        raise InputError(name, "a Trados Workbench TXT export (<TrU> units), which "
                         "tmx-export does not read: export the memory as TMX")
    if stripped.startswith("<"):
        root = _ROOT.search(_MARKUP_NOISE.sub("", stripped))
        if root and root.group(2) in _XML_ROOTS:
            return _XML_ROOTS[root.group(2)]
        if root and stripped.startswith(("<?xml", "<!DOCTYPE")):
            raise InputError(name, f"XML with root element <{root.group(2)}>, "
                             "not TMX, TBX or XLIFF")
    if _PO_ENTRY.search(text) or suffix in (".po", ".pot"):
        return "po"
    if _looks_like_json_lines(stripped, len(head) == 1 << 16):
        return "jsonl"
    if _JSON_DOCUMENT.match(stripped):
        raise InputError(name, "a JSON document, not JSON Lines (one object a "
                         "line): write its objects one a line (jq -c '.[]')")
    if suffix in (".csv",):
        return "csv"
    if text.startswith(_PAIRS_TSV_HEADER):
        return "pairs-tsv"
    if suffix in (".tsv", ".tab") or _looks_tabular(text):
        return "tsv"
    if _looks_delimited(text):
        return "csv"
    return "text"


# What a file of each format :func:`detect_format` finds is, said where it is given as a dump.
_NOT_DUMP = {"tmx": "a TMX memory", "tbx": "a TBX termbase", "xliff": "an XLIFF file",
             "po": "a PO file", "xlsx": "an XLSX workbook", "jsonl": "JSON Lines",
             "pairs-tsv": "a table of pairs (as tmx-export pairs writes them)",
             "tsv": "a tab-separated table", "csv": "a CSV table"}


def refuse_not_dump(path: str | Path, text: str | None = None) -> None:
    """The one-line :class:`InputError` for a file (or ``text``) given to the dump reader
    that is plainly something else, as :func:`detect_format` tells the formats apart for
    ``build``: ``read_dump("en-fr.tmx")`` made one pair of the whole memory's XML, its
    source ``<?xml version="1.0" ... <!DOCTYPE tmx``."""
    if text is None:
        found = detect_format(path)
    else:
        head = text[:1 << 16].encode("utf-8", "surrogatepass")[:1 << 16]
        found = format_of_head(head, input_name(path), Path(str(path)).name)
    if found != "text":
        raise InputError(input_name(path), f"{_NOT_DUMP[found]}, not a bilingual dump "
                         f"(build reads it as {found}, as its content says)")


# A JSON document whose lines are no objects: an array of objects or of arrays, or one
# object over many lines (``json.dump(pairs, indent=2)``, a dataset saved as one array).
# Read as a dump, its pairs ran together into units of JSON: '[ { "en": "THE TRADE ...'.
# A Trados Workbench TXT export: an RTF preamble (fonts, styles), then units of lines
# "<TrU>", "<CrD>date", "<Seg L=EN-GB>text", "</TrU>". Read as a dump, its one "pair" was
# all of it, rejected as markup; its segments' RTF codes ("{\b ...}") would be read as
# text, so it is refused by name.
_WORKBENCH_TXT = lazy_pattern(r"<RTF Preamble>|<TrU>\s*\n")

_JSON_DOCUMENT = lazy_pattern(r'\[\s*[{\[]|\{\s*("|$)')


def _looks_like_json_lines(text: str, cut: bool) -> bool:
    """JSON Lines by their content, whatever the name: the first line is a JSON object
    (or, ``cut`` short by the head read, opens as one, ``{"``). ``tmx-export pairs |
    tmx-export build -`` (or a ``.ndjson`` file, a name ``pairs`` writes) was read as a dump,
    and each unit written was JSON: ``{"source": "The Commission ...", "target":``."""
    first = text.split("\n", 1)[0].strip()
    if not first.startswith("{"):
        return False
    import json  # only here: a run whose inputs open otherwise does not load it

    try:
        return isinstance(json.loads(first), dict)
    except ValueError:
        return first.startswith('{"') and (cut and "\n" not in text or first.endswith("}"))


def _looks_tabular(text: str) -> bool:
    """Consistent tab-separated columns in the first lines: a header naming two languages,
    or at least two lines with the first line's tabs and most lines so. A tab in one line
    of prose (text copied from Word or a PDF) does not make a dump a table."""
    lines = [line for line in text.splitlines()[:50] if line.strip()]
    if len(lines) < 2 or "\t" not in lines[0]:
        return False
    if sum(map(_names_a_language, lines[0].split("\t"))) >= 2:
        return True
    counts = [line.count("\t") for line in lines]
    # the last line may be cut off by the head read: it may only count for the table
    alike = sum(c == counts[0] for c in counts)
    return alike >= 2 and alike >= 0.9 * (len(counts) - 1)


def _looks_delimited(text: str) -> bool:
    """A CSV table by its content, whatever its name (``.txt``, standard input): a header
    naming two languages or more ("French;English", "en-GB,fr-FR"), or the two roles
    ("Source,Target", as CAT tools export pairs), comma- or semicolon-separated, and rows
    with as many fields (quotes honoured). Read as a dump, such a table was cut into
    nonsense ("English" -> "French;"; units opening 'Source,Target "Decision No 1/2019')."""
    import csv
    import io

    lines = [line for line in text.splitlines()[:50] if line.strip()]
    if len(lines) < 2:
        return False
    for delimiter in ";,":
        header = next(csv.reader([lines[0]], delimiter=delimiter))
        rows = list(csv.reader(io.StringIO("\n".join(lines[1:-1] or lines[1:])),
                               delimiter=delimiter))
        # the rows first: prose rarely has them alike, and then the language names (whose
        # table loads translate-toolkit's) need not be looked up
        # (a header of one cell names no two languages: lines of prose without the
        # delimiter are all "alike")
        if len(header) >= 2 and rows \
                and sum(len(row) == len(header) for row in rows) >= 0.9 * len(rows) \
                and (sum(map(_names_a_language, header)) >= 2
                     or {"source", "target"} <= {header_role(cell) for cell in header}):
            return True
    return False


def _names_a_language(cell: str) -> bool:
    """A header cell that names a language: a tag ("en", "fr-FR") or a name ("French")."""
    cell = cell.strip()
    if language_of_name(cell) is not None:
        return True
    try:
        return is_valid_tag(cell) and len(primary(cell)) in (2, 3) and bool(standard_tag(cell))
    except ValueError:
        return False
