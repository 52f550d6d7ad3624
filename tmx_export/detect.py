"""Which reader a file needs, decided from its content first and its name second.

Names lie (a ``.txt`` export that is TSV, an ``.xml`` that is TMX), content rarely does:
the root element of XML, the ``PK`` signature of XLSX, ``msgid`` lines of PO, tab-separated
columns of TSV. The extension only settles what content cannot (CSV vs plain text).
``--input-format`` overrides all of this.
"""

from __future__ import annotations

import re
from pathlib import Path

from .errors import InputError
from .xmlsafe import decode_head, read_head

FORMATS = ("tmx", "tbx", "xliff", "po", "xlsx", "tsv", "csv", "text")

_MARKUP_NOISE = re.compile(r"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(\[.*?\])?\s*>", re.S)
_ROOT = re.compile(r"<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)")
_XML_ROOTS = {"tmx": "tmx", "martif": "tbx", "tbx": "tbx", "xliff": "xliff"}
_PO_ENTRY = re.compile(r'^msgid\s+"', re.M)


def detect_format(path: str | Path) -> str:
    """One of :data:`FORMATS` for the file at ``path``; :class:`InputError` if unsupported."""
    p = Path(path)
    if not p.exists():
        raise InputError(str(path), "no such file")
    if p.is_dir():
        raise InputError(str(path), "is a directory, expected a file")
    head = read_head(p, 1 << 16)
    if not head.strip():
        raise InputError(str(path), "file is empty")
    suffix = p.suffix.lower()
    if head.startswith(b"PK\x03\x04"):
        if b"xl/" in head or suffix == ".xlsx":
            return "xlsx"
        raise InputError(str(path), "a ZIP archive that is not an XLSX workbook")
    text = decode_head(head).lstrip("\ufeff")
    stripped = text.lstrip()
    if stripped.startswith("<"):
        root = _ROOT.search(_MARKUP_NOISE.sub("", stripped))
        if root and root.group(2) in _XML_ROOTS:
            return _XML_ROOTS[root.group(2)]
        if root and stripped.startswith(("<?xml", "<!DOCTYPE")):
            raise InputError(str(path), f"XML with root element <{root.group(2)}>, "
                                        "not TMX, TBX or XLIFF")
    if _PO_ENTRY.search(text) or suffix in (".po", ".pot"):
        return "po"
    if suffix in (".csv",):
        return "csv"
    if suffix in (".tsv", ".tab") or _looks_tabular(text):
        return "tsv"
    return "text"


def _looks_tabular(text: str) -> bool:
    """Consistent tab-separated columns in the first lines (a header and rows)."""
    lines = [line for line in text.splitlines()[:50] if line.strip()]
    if len(lines) < 2:
        return False
    counts = [line.count("\t") for line in lines[:-1]]  # the last line may be cut off
    return counts[0] >= 1 and sum(c == counts[0] for c in counts) >= 0.9 * len(counts)
