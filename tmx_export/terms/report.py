"""The HTML report: one self-contained page to browse the pairs and their evidence.

Everything (styles, script, data) is inside the page, so it opens offline, from an e-mail
attachment or a file share, with no CDN. The table sorts on any column and filters by text,
status and consistency; each row opens its concordance with the term highlighted on both
sides, its variants and its competing translations.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from ..formats.text import atomic_output
from .termpair import STATUSES, TermPair


def _highlight(text: str, span: tuple[int, int]) -> Markup:
    start, end = span
    if not 0 <= start < end <= len(text):
        return escape(text)
    return escape(text[:start]) + Markup("<mark>") + escape(text[start:end]) + Markup(
        "</mark>") + escape(text[end:])


def _listed(rows: Iterable[tuple[str, int]]) -> str:
    return ", ".join(f"{form} ({n})" for form, n in rows)


def _row(pair: TermPair) -> dict:
    contexts = [
        {"tuid": c.tuid, "source": _highlight(c.source, c.source_span),
         "target": _highlight(c.target, c.target_span)}
        for c in pair.contexts
    ]
    source_variants = _listed(pair.source_variants.most_common())
    target_variants = _listed(pair.target_variants.most_common())
    translations = _listed(pair.translations()[1:])
    # What the page's search looks in, folded as its script folds the query (case and
    # accents): the terms and their variants, and separately the contexts, so that a search
    # for "chaîne" does not show "cluster" because a context of it mentions a chain.
    search = fold(" ".join([pair.source_term, pair.target_term, source_variants,
                            target_variants, translations, pair.note]))
    search_contexts = fold(" ".join(c.source + " " + c.target for c in pair.contexts))
    return {
        "source_term": pair.source_term, "target_term": pair.target_term,
        "count": pair.count, "docs": len(pair.documents), "dice": pair.dice,
        "status": pair.status, "note": pair.note, "inconsistent": pair.inconsistent,
        "source_variants": source_variants, "target_variants": target_variants,
        "translations": translations, "alternatives": _listed(pair.source_alternatives()),
        "contexts": contexts, "search": search, "search_contexts": search_contexts,
    }


def fold(text: str) -> str:
    """``text`` lower-cased, accents removed: "États" -> "etats" (the page's search folds
    the query the same way)."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _render(pairs: list[TermPair], title: str) -> Iterator[str]:
    """The page in pieces, one row's worth at a time (a report of 30,000 pairs is tens of
    MB of HTML: it is never held whole)."""
    from .._version import __version__

    env = Environment(loader=PackageLoader("tmx_export.terms", "templates"),
                      autoescape=select_autoescape(["html", "j2"]))
    documents = sorted({doc for p in pairs for doc in p.documents})
    return env.get_template("report.html.j2").generate(
        title=title, version=__version__, count=len(pairs), pairs=(_row(p) for p in pairs),
        source_lang=pairs[0].source_lang if pairs else "source",
        target_lang=pairs[0].target_lang if pairs else "target",
        documents=documents, inconsistent=sum(p.inconsistent for p in pairs),
        statuses=STATUSES,
    )


def render_report(pairs: Iterable[TermPair], *, title: str = "Term pairs") -> str:
    """The report page as a string."""
    return "".join(_render(list(pairs), title))


def write_report(pairs: Iterable[TermPair], path: str | Path, *, title: str = "Term pairs") -> int:
    """Write the report page; returns the number of pairs shown."""
    pairs = list(pairs)
    with atomic_output(path, "w") as handle:
        for piece in _render(pairs, title):
            handle.write(piece)
    return len(pairs)


__all__ = ["render_report", "write_report"]
