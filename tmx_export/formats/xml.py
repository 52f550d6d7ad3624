"""Opening untrusted XML (TMX, TBX, XLIFF, SRX) without letting the file reach anything else.

TMX files arrive from clients and old tools; a file may declare entities that expand
exponentially ("billion laughs") or that point at local files or URLs (XXE). No real
translation memory needs entity declarations, so they are refused outright, before the
XML parser sees the document: :func:`check_prolog` looks at the bytes before the root
element. The parsers themselves are configured so that even an entity that slipped
through is never expanded, no DTD is loaded and no network access happens.
"""

from __future__ import annotations

import codecs
import gzip
import re
from pathlib import Path
from typing import IO

from lxml import etree

from ..errors import InputError
from .text import readable_file

# How much of a file may come before its root element. Real prologs (XML declaration,
# DOCTYPE with a system identifier, a few comments) are a few hundred bytes.
PROLOG_LIMIT = 1 << 20

# Options for lxml's parsers and iterparse: entities stay unexpanded, no DTD is
# fetched (TMX files name "tmx14.dtd" which nobody has beside them), no network,
# and libxml2's own limits against huge text nodes stay on.
SAFE_PARSER_OPTIONS = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "huge_tree": False,
}

# Characters XML 1.0 cannot carry (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/F).
XML_ILLEGAL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# Comments and processing instructions may hold text that looks like markup.
_COMMENT = re.compile(r"<!--.*?-->|<\?.*?\?>", re.S)
_ROOT_START = re.compile(r"<[A-Za-z_:]")
_GZIP_MAGIC = b"\x1f\x8b"


def open_xml(path: str | Path) -> IO[bytes]:
    """Open ``path`` for reading as bytes, uncompressing ``.gz`` files transparently."""
    p = readable_file(path)
    try:
        handle: IO[bytes] = open(p, "rb")  # noqa: SIM115 - returned to the caller
        if handle.read(2) == _GZIP_MAGIC:
            handle.close()
            return gzip.open(p, "rb")
        handle.seek(0)
        return handle
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror}") from None


def read_head(path: str | Path, limit: int = PROLOG_LIMIT) -> bytes:
    """The first ``limit`` bytes of ``path`` (uncompressed)."""
    with open_xml(path) as handle:
        try:
            return handle.read(limit)
        except (OSError, EOFError) as exc:
            raise InputError(str(path), f"cannot read: {exc}") from None


def decode_head(head: bytes) -> str:
    """Enough of a decoding of the start of an XML file to look at its prolog."""
    if head.startswith((codecs.BOM_UTF16_LE, b"<\x00")):
        return head[: len(head) // 2 * 2].decode("utf-16-le", errors="replace").lstrip("\ufeff")
    if head.startswith((codecs.BOM_UTF16_BE, b"\x00<")):
        return head[: len(head) // 2 * 2].decode("utf-16-be", errors="replace").lstrip("\ufeff")
    # Every other encoding an XML file may declare is ASCII-compatible for markup.
    return head.removeprefix(codecs.BOM_UTF8).decode("latin-1")


def check_prolog(head: bytes, name: str, limit: int = PROLOG_LIMIT) -> None:
    """Refuse a document whose prolog declares entities, before any parser sees it."""
    text = _COMMENT.sub(lambda m: "\n" * m.group().count("\n"), decode_head(head))
    root = _ROOT_START.search(text)
    prolog = text[: root.start()] if root else text
    if "<!ENTITY" in prolog:
        line = prolog.count("\n", 0, prolog.index("<!ENTITY")) + 1
        raise InputError(
            name,
            "refused: the DOCTYPE declares entities (entity expansion and external "
            "entities are a known attack; translation memories never need them)",
            line,
        )
    if root is None and len(head) >= limit:
        raise InputError(name, f"refused: no root element in the first {limit} bytes")


def check_file(path: str | Path) -> None:
    """:func:`check_prolog` for the file at ``path``."""
    check_prolog(read_head(path), str(path))


def has_entity_declarations(tree_root) -> bool:
    """Whether the parsed document's internal DTD declares entities (second line of defence)."""
    dtd = tree_root.getroottree().docinfo.internalDTD
    return dtd is not None and any(True for _ in dtd.iterentities())


def parse_xml(path: str | Path, *, remove_pis: bool = False) -> etree._ElementTree:
    """The whole document at ``path``, parsed safely (entities refused before parsing, none
    expanded, no DTD, no network; comments dropped). :class:`InputError` for a file that
    cannot be read or is not well-formed."""
    name = str(path)
    with open_xml(path) as handle:
        head = handle.read(PROLOG_LIMIT)
        check_prolog(head, name)
    parser = etree.XMLParser(remove_comments=True, remove_pis=remove_pis,
                             **SAFE_PARSER_OPTIONS)
    with open_xml(path) as handle:
        try:
            tree = etree.parse(handle, parser)
        except etree.XMLSyntaxError as exc:
            raise InputError(name, f"not well-formed XML: {exc.msg}", exc.lineno) from None
        except (OSError, EOFError) as exc:
            raise InputError(name, f"cannot read: {exc}") from None
    if has_entity_declarations(tree.getroot()):
        raise InputError(name, "refused: the DOCTYPE declares entities")
    return tree
