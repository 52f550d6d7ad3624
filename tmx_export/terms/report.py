"""The HTML report: one self-contained page to browse the pairs and their evidence.

Everything (styles, script, data) is inside the page, so it opens offline, from an e-mail
attachment or a file share, with no CDN. The table sorts on any column and filters by text,
status and consistency; each row opens its concordance with the term highlighted on both
sides, its variants and its competing translations.
"""

from __future__ import annotations

import base64
import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from ..formats.text import atomic_output
from .termpair import STATUSES, TermPair, most_common


def _special(text: str) -> bool:
    """Whether ``text`` holds a character HTML escapes (five searches for one character
    each are ten times faster than one regular expression for the five)."""
    return "&" in text or "<" in text or ">" in text or "'" in text or '"' in text


def _escape(text: str) -> str:
    """``text`` escaped for HTML as :func:`markupsafe.escape` (the template's autoescape)
    does it, as a plain string: that function's result object cost more than the escaping.
    Most texts hold nothing to escape: five searches instead of five replacements."""
    if not _special(text):
        return text
    return (text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
            .replace("'", "&#39;").replace('"', "&#34;"))


def _highlight(text: str, span: tuple[int, int]) -> str:
    """``text`` escaped, the term at ``span`` in ``<mark>``."""
    start, end = span
    if not 0 <= start < end <= len(text):
        return _escape(text)
    if not _special(text):  # most texts: nothing to escape
        return f"{text[:start]}<mark>{text[start:end]}</mark>{text[end:]}"
    return (f"{_escape(text[:start])}<mark>{_escape(text[start:end])}</mark>"
            f"{_escape(text[end:])}")


def _listed(rows: Iterable[tuple[str, int]]) -> str:
    return ", ".join(f"{form} ({n})" for form, n in rows)


def _entry(rank: int, pair: TermPair, folded: Callable[[str], str]) -> str:
    """The ``<tbody>`` of one pair (its row and its details), escaped as the template's
    autoescape would: written here because the template engine took most of the time of
    a large report (one markup-safe object per value, and per concatenation).
    ``folded``: :func:`_folded_escaped`, remembered (a unit is the context of several
    pairs)."""
    e = _escape
    documents, source_forms, target_forms = pair.tallies()
    source_variants = _listed(most_common(source_forms))
    target_variants = _listed(most_common(target_forms))
    translations = _listed(pair.other_translations())
    alternatives = _listed(pair.source_alternatives())
    # What the page's search looks in, folded as its script folds the query (case and
    # accents): the terms and their variants, and separately the contexts, so that a search
    # for "chaîne" does not show "cluster" because a context of it mentions a chain.
    search = fold(" ".join([pair.source_term, pair.target_term, source_variants,
                            target_variants, translations, pair.note]))
    # (folding a text joined by spaces is folding its parts: lower-casing and decomposing
    # never look across a space)
    # (escaping is character by character, so the contexts are escaped one by one, each
    # once, with their folding, instead of escaping every pair's joined contexts again)
    search_contexts = " ".join([f"{folded(c.source)} {folded(c.target)}"
                                for c in pair.contexts])
    inconsistent = pair.inconsistent
    source, target, status, note = (e(pair.source_term), e(pair.target_term),
                                    e(pair.status), pair.note)
    count, docs = pair.count, len(documents)
    contexts = "".join(
        f'\n    <tr><td>{_highlight(c.source, c.source_span)} <span class="tuid">'
        f'[{e(c.tuid)}]</span></td><td>{_highlight(c.target, c.target_span)}</td></tr>\n  '
        for c in pair.contexts
    ) or '\n    <tr><td colspan="2" class="muted">No context stored.</td></tr>\n  '
    return (
        f'\n<tbody class="entry" data-rank="{rank}" data-source="{source}" '
        f'data-target="{target}" data-count="{count}" data-docs="{docs}" '
        f'data-dice="{pair.dice:.3f}" data-termhood="{pair.termhood:.3f}" '
        f'data-status="{status}" '
        f'data-flag="{"inconsistent" if inconsistent else ""}" data-text="{e(search)}" '
        f'data-contexts="{search_contexts}">\n'
        f'<tr class="pair{" inconsistent" if inconsistent else ""}" tabindex="0" '
        'aria-expanded="false">\n'
        f'  <td class="num">{rank}</td>\n'
        f"  <td><strong>{source}</strong></td>\n"
        f"  <td><strong>{target}</strong></td>\n"
        f'  <td class="num">{count}</td>\n'
        f'  <td class="num">{docs}</td>\n'
        f'  <td class="num">{pair.dice:.2f}</td>\n'
        f'  <td class="num">{pair.termhood:.2f}</td>\n'
        f'  <td><span class="status status-{status}">{status}</span></td>\n'
        '  <td class="flag"></td>\n'
        "</tr>\n"
        '<tr class="details" hidden><td colspan="9">\n'
        f"  <div><b>Variants</b>: {e(source_variants)} &harr; {e(target_variants)}</div>\n"
        + (f"  <div><b>Competing translations</b>: {e(translations)}</div>\n" if translations
           else "  \n")
        + (f"  <div><b>Other source terms for {target}</b>: {e(alternatives)}</div>\n"
           if alternatives else "  \n")
        + (f"  <div><b>Note</b>: {e(note)}</div>\n" if note else "  \n")
        + '  <table class="concordance">\n  '
        + contexts
        + "\n  </table>\n</td></tr>\n</tbody>\n"
    )


# What the page's search reads as the letters they stand for, as a user types them: "oe"
# for "œ", "ss" for "ß"; the letters Unicode does not decompose into a base letter and an
# accent, as the concordance folds them ("czlonkowskie" for "członkowskie", "Dordevic" for
# "Đorđević"; the dotless "ı" as "i", so that Turkish capitals and lower case find each
# other); a Greek final sigma as any sigma (a query typed in capitals, "ΟΔΟΣ", is lowered
# with a final sigma, which a longer word of the text holds as "σ"); typographic
# apostrophes as the one on a keyboard ("l'Union" finds "l’Union"); and hyphens as spaces,
# so that "value chain" finds "value-chain" and "value-chain" "value chain" (its words are
# looked for one by one). Applied after lower-casing; the page's script gets this table
# (:func:`_script_tables`), so that its query is folded as the data was.
_SPELLED_OUT_LETTERS = {"œ": "oe", "æ": "ae", "ß": "ss", "ł": "l", "ø": "o", "đ": "d",
                        "ħ": "h", "ı": "i", "ς": "σ", "\u2019": "'", "\u2018": "'",
                        "\u02bc": "'", "-": " ", "\u2010": " ", "\u2011": " "}
_SPELLED_OUT = str.maketrans(_SPELLED_OUT_LETTERS)


def _is_mark(char: str) -> bool:
    """Whether ``char`` is a combining mark the search ignores (an accent, once
    decomposed)."""
    return char >= "\u0300" and unicodedata.combining(char) != 0


@lru_cache(maxsize=1)
def _script_tables() -> dict[str, object]:
    """What the page's script folds a query with, made from what :func:`fold` uses: its
    letters spelled out, and a character class of the marks it removes (every combining
    mark, not only the Latin block's: a Hindi query holds a virama, which the data had
    lost). Written out from Python's tables, the query and the data cannot be folded two
    ways."""
    ranges: list[tuple[int, int]] = []
    for code in range(0x300, 0x110000):
        if _is_mark(chr(code)):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    marks = "".join(f"\\u{{{a:x}}}" + (f"-\\u{{{b:x}}}" if b > a else "")
                    for a, b in ranges)
    letters = "".join(f"\\u{{{ord(c):x}}}" for c in _SPELLED_OUT_LETTERS)
    return {"marks": f"[{marks}]", "letters": f"[{letters}]",
            "spelled_out": _SPELLED_OUT_LETTERS}


def fold(text: str) -> str:
    """``text`` lower-cased, accents removed, ligatures, ß and the letters of
    :data:`_SPELLED_OUT_LETTERS` spelled out, hyphens as spaces: "Œuvres des États-Unis"
    -> "oeuvres des etats unis" (the page's search folds the query the same way)."""
    lowered = text.lower().translate(_SPELLED_OUT)
    if lowered.isascii():  # nothing to decompose
        return lowered
    # Decomposing never looks across a space (an ASCII character: a starter, never
    # decomposed, that ends any run of marks to reorder): each word is folded on its own,
    # and once (words repeat, accented ones too).
    return " ".join(map(_FOLDED.__getitem__, lowered.split(" ")))


def _folded_escaped(text: str) -> str:
    """``text`` folded (:func:`fold`), then escaped for HTML."""
    return _escape(fold(text))


class _Folded(dict):
    """Lower-cased words (no space), decomposed (NFKD) and without combining marks."""

    def __missing__(self, word: str) -> str:
        if len(self) >= 200_000:  # bounded: a corpus of nonsense must not eat memory
            self.clear()
        folded = word
        if not word.isascii():
            decomposed = unicodedata.normalize("NFKD", word)
            folded = "".join([char for char in decomposed if not _is_mark(char)])
            folded = folded.translate(_SPELLED_OUT)  # ("ǽ" is "æ" and a mark)
        self[word] = folded
        return folded


_FOLDED = _Folded()


_MARKER = "\ue000entries\ue000"  # where the entries go in the rendered page
_POLICY_MARKER = "\ue000policy\ue000"  # where the page's Content-Security-Policy goes
_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)


def _policy(page: str) -> str:
    """The page's Content-Security-Policy: nothing fetched from anywhere (the page is
    offline), and no script but the page's own, known by its hash, so that a text of the
    corpus that escaped its escaping could still run nothing (an inline handler, an
    injected ``<script>``)."""
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest())
        .decode("ascii") + "'" for script in _SCRIPT.findall(page))
    return (f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; "
            "base-uri 'none'; form-action 'none'")
_BATCH = 500  # entries joined before one write


def _render(pairs: list[TermPair], title: str) -> Iterator[str]:
    """The page in pieces, a few hundred rows' worth at a time (a report of 30,000 pairs is
    tens of MB of HTML: it is never held whole). The template is rendered once, around a
    marker where the entries go: it has nothing per entry but the entry itself."""
    from .._version import __version__

    env = Environment(loader=PackageLoader("tmx_export.terms", "templates"),
                      autoescape=select_autoescape(["html", "j2"]))
    # the documents named in the pairs' forms (not ``p.documents``, a Counter per pair)
    documents = sorted({key[0] for p in pairs for key in p.forms})
    page = env.get_template("report.html.j2").render(
        title=title, version=__version__, count=len(pairs), entries=[Markup(_MARKER)],
        source_lang=pairs[0].source_lang if pairs else "source",
        target_lang=pairs[0].target_lang if pairs else "target",
        documents=documents, inconsistent=sum(p.inconsistent for p in pairs),
        statuses=STATUSES, fold_tables=_script_tables(), policy=Markup(_POLICY_MARKER),
    )
    # (the page holds no entry yet: its only script is its own)
    page = page.replace(_POLICY_MARKER, _policy(page))
    head, _, tail = page.partition(_MARKER)
    yield head
    folded = lru_cache(maxsize=100_000)(_folded_escaped)
    for first in range(0, len(pairs), _BATCH):
        yield "".join([_entry(rank, pair, folded) for rank, pair in
                       enumerate(pairs[first:first + _BATCH], first + 1)])
    yield tail


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
