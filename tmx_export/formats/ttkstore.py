"""XLIFF 1.2, XLIFF 2.x and PO files, read through translate-toolkit's storage classes.

translate-toolkit knows these formats and their quirks (PO plurals and escapes, XLIFF
states, ``<g>``/``<x/>`` codes); this module only turns its units into pairs:

- header units (the PO header) and obsolete PO entries are skipped;
- a unit without a translation is rejected as ``untranslated`` (for ``check``, with
  ``untranslated``, it is a pair with an empty target); a fuzzy one (PO
  ``#, fuzzy``, XLIFF ``needs-*`` states) as ``fuzzy`` unless ``include_fuzzy``: a TM should
  hold translations someone stands by;
- the unit's context (PO ``msgctxt``) is kept as the prop ``x-context``;
- a PO plural entry gives a pair per form (:func:`_forms`, prop ``x-plural-form``);
- XLIFF files that declare the opposite direction (``fr`` -> ``en`` when asked for
  ``en`` -> ``fr``) are read with their sides swapped; a file in other languages is an error;
  an XLIFF 1.2 file bundling ``<file>``s of several pairs of languages is read unit by unit,
  each as its own ``<file>`` says, those in other languages rejected (``other-languages``).

The storage class is chosen by content, as :func:`tmx_export.inputs.detect_format` does:
XML (or a file named ``.xlf``/``.xliff``/``.sdlxliff``/``.mqxliff``) is XLIFF, 1.2 or 2.x as
the file says (the two share ``.xlf``); anything else is PO. translate-toolkit parses XML
itself and expands the internal entities of a DTD into unit text, so it is never given the file:
it gets the bytes :func:`tmx_export.formats.xml.read_checked` read and checked (prolog
scan, then a full safe parse with no entity declarations), the one safe path of every XML
input.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from ..errors import InputError
from ..lang import normalise_tag, primary, standard_tag
from ..model import Pair, ReadResult, Reject
from .text import input_name, readable_file
from .xml import decode_head, open_xml, read_checked, read_head

_XLIFF2 = re.compile(r"urn:oasis:names:tc:xliff:document:2\.|<xliff\b[^>]*\bversion\s*=\s*[\"']2\.")
TTK_FORMATS = ("xliff", "po")
_XLIFF_SUFFIXES = (".xlf", ".xliff", ".sdlxliff", ".mqxliff")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def read_ttk(
    path: str | Path,
    *,
    source_lang: str,
    target_lang: str,
    include_fuzzy: bool = False,
    untranslated: bool = False,
    claimed: Iterable[str] = (),
) -> ReadResult:
    """Pairs from an XLIFF or PO file (see the module documentation); with
    ``untranslated``, an entry with a source and no target is a pair with an empty target
    (for checking), not a reject. ``claimed`` as for :func:`file_direction`."""
    claimed = tuple(claimed)
    name = input_name(path)
    p = readable_file(path)  # standard input too
    store_class, data = _load(p, name)
    try:
        store = store_class.parsestring(data)
    except Exception as exc:  # translate-toolkit raises many kinds for bad input
        raise InputError(name, _not_readable(store_class, data, exc)) from None

    # XLIFF 1.2 may bundle <file>s in several pairs of languages, and a unit's <target>
    # may say its own: then each unit goes by its own languages, and the units of a pair
    # other than the one asked for are rejects
    files = _xliff_files(store)
    unit_langs = _unit_languages(store, files)
    said = list(dict.fromkeys(unit_langs.values())) or list(dict.fromkeys(files.values()))
    directions: dict[tuple[str, str], str] = {}
    if len(said) > 1:
        directions = {langs: file_direction(*langs, source_lang, target_lang, claimed)
                      for langs in said}
        if all(d == "other" for d in directions.values()):
            raise InputError(name, f"the file is in {_languages_said(store, *said[0])}, "
                                   f"not {source_lang} -> {target_lang}")
        swapped = False
    else:
        swapped = _check_languages(store, name, source_lang, target_lang, claimed,
                                   said[0] if said else None)
    po_lines = _po_entry_lines(data) if store_class.__name__ == "pofile" else None
    result = ReadResult()
    entry = 0
    for unit in store.units:
        if getattr(unit, "isobsolete", lambda: False)():
            continue
        line = _unit_line(unit, po_lines, entry)
        entry += 1
        if unit.isheader():
            continue
        context = unit.getcontext() if hasattr(unit, "getcontext") else ""
        fuzzy = not include_fuzzy and _is_fuzzy(unit)
        forms = _forms(unit)
        langs = unit_langs.get(getattr(unit, "xmlelement", None), ("", ""))
        direction = directions.get(langs, "same") if directions else \
            ("swapped" if swapped else "same")
        if direction == "other":
            src, tgt = langs
            # its languages: a run in several (build --langs) knows it read it in theirs
            result.rejects.append(Reject(name, line, "other-languages",
                                         f"{src} -> {tgt}: " + "\t".join(forms[0]),
                                         (src, tgt)))
            continue
        for form, (source, target) in enumerate(forms):
            if direction == "swapped":
                source, target = target, source
            if not source.strip() and not target.strip():
                continue
            if not source.strip() or not (target.strip() or untranslated):
                result.rejects.append(Reject(name, line, "untranslated", source or target))
                continue
            if fuzzy and target.strip():  # (not yet translated, it is no draft)
                result.rejects.append(Reject(name, line, "fuzzy", f"{source}\t{target}"))
                continue
            pair = Pair(source=source, target=target, source_lang=source_lang,
                        target_lang=target_lang, file=name, line=line)
            if len(forms) == 1:  # (a PO entry holds no inline codes)
                markups = inline_markups(unit)
                pair.source_markup, pair.target_markup = \
                    markups[::-1] if direction == "swapped" else markups
                _count_code_points(unit, result)
            if context:
                pair.props["x-context"] = str(context)
            if len(forms) > 1:
                pair.props["x-plural-form"] = str(form)
            result.pairs.append(pair)
            _count_variants(result, langs[::-1] if direction == "swapped" else langs,
                            (source_lang, target_lang))
    return result


def _count_code_points(unit, result: ReadResult) -> None:  # type: ignore[no-untyped-def]
    """Count XLIFF 2's ``<cp/>`` of a unit as removed XML-illegal characters, as a table's
    are (the summary says it): ``<cp>`` stands for a character XML cannot hold, and
    translate-toolkit leaves it out of the text."""
    for dom in (getattr(unit, "source_dom", None), getattr(unit, "target_dom", None)):
        if dom is not None:
            removed = sum(1 for element in dom.iter()
                          if isinstance(element.tag, str) and _local(element.tag) == "cp")
            if removed:
                result.repairs["XML-illegal characters removed"] += removed


def _count_variants(result: ReadResult, held: tuple[str, str], asked: tuple[str, str]
                    ) -> None:
    """Count each side of a pair read from a regional variant as the tag asked (de-AT as
    de-DE; a bare de is no variant), as :func:`~tmx_export.formats.tmx.iter_tmx` counts
    TMX input's, for the summary."""
    for tag, wanted in zip(held, asked, strict=True):
        key = normalise_tag(tag) if tag else ""
        if key and key != normalise_tag(wanted) and key != primary(tag):
            try:
                shown = standard_tag(tag)
            except ValueError:
                shown = tag  # as the file spells it
            result.relabelled[(shown, wanted)] += 1


# XLIFF inline elements (1.2 and 2.0, by local name) as TMX 1.4b inline codes, so that a
# memory built from XLIFF keeps its tags (a CAT tool matches them) and ``check`` can compare
# them (tag-mismatch): paired codes around text become bpt/ept, standalone ones ph, codes
# whose partner is elsewhere it; XLIFF 1.2's own bpt/ept/ph/it carry their native code,
# with its sub-flows (sub: translatable text inside a code, an image's alt text) as TMX's
# sub, which TMX 1.4b allows there; markers (mrk) keep only their text.
_PAIRED = frozenset({"g", "pc"})
_STANDALONE = frozenset({"x", "ph"})
_BEGIN, _END = frozenset({"bx", "sc"}), frozenset({"ex", "ec"})
_NATIVE = frozenset({"bpt", "ept"})


def inline_markups(unit) -> tuple[str | None, str | None]:  # type: ignore[no-untyped-def]
    """The TMX inline markup of an XLIFF unit's source and target (``None`` for a side
    without inline elements, or a unit that is no XLIFF one). One numbering of the codes
    serves both sides, so the same XLIFF code is the same TMX code on each."""
    source, target = getattr(unit, "source_dom", None), getattr(unit, "target_dom", None)
    if (source is None or not len(source)) and (target is None or not len(target)):
        return None, None
    numbers: dict[str, str] = {}
    return (_markup(source, numbers) if source is not None else None,
            _markup(target, numbers) if target is not None else None)


def _markup(element, numbers: dict[str, str]) -> str:  # type: ignore[no-untyped-def]
    from xml.sax.saxutils import escape

    def number(code_id: str | None) -> str:
        """The TMX ``i`` of an XLIFF id: the id itself when it is a number, else the next
        number free."""
        key = code_id or f"#{len(numbers)}"
        if key not in numbers:
            numbers[key] = key if key.isdigit() else str(len(numbers) + 1000)
        return numbers[key]

    parts = [escape(element.text or "")]

    def native(code) -> str:  # type: ignore[no-untyped-def]
        """The native code of a code element, escaped, its sub-flows kept as <sub>."""
        pieces = [escape(code.text or "")]
        for child in code:
            if isinstance(child.tag, str) and child.tag.rsplit("}", 1)[-1] == "sub":
                pieces.append(f"<sub>{_markup(child, numbers)}</sub>")
            else:
                pieces.append(escape("".join(child.itertext())))
            pieces.append(escape(child.tail or ""))
        return "".join(pieces)

    def walk(parent) -> None:  # type: ignore[no-untyped-def]
        for child in parent:
            if not isinstance(child.tag, str):  # a comment or processing instruction
                parts.append(escape(child.tail or ""))
                continue
            local = child.tag.rsplit("}", 1)[-1]
            code_id = child.get("id") or child.get("startRef")  # (XLIFF 2's <ec>: its <sc>)
            x = f' x="{number(code_id)}"' if code_id else ""
            # the native code a code without its own stands for: the XLIFF tag itself
            tag = escape(f'<{local} id="{code_id}"' if code_id else f"<{local}",
                         {'"': "&quot;"})
            own = native(child)
            if local in _PAIRED:
                i = number(code_id)
                parts.append(f'<bpt i="{i}"{x}>{tag}&gt;</bpt>')
                parts.append(escape(child.text or ""))
                walk(child)
                parts.append(f'<ept i="{i}">{escape(f"</{local}>")}</ept>')
            elif local in _STANDALONE:
                parts.append(f"<ph{x}>{own or tag + '/&gt;'}</ph>")
            elif local in _BEGIN or local in _END:
                pos = "begin" if local in _BEGIN else "end"
                parts.append(f'<it pos="{pos}"{x}>{tag}/&gt;</it>')
            elif local == "it":  # XLIFF 1.2: pos "open" or "close"
                pos = "end" if child.get("pos") == "close" else "begin"
                parts.append(f'<it pos="{pos}"{x}>{own}</it>')
            elif local in _NATIVE:
                i = number(child.get("rid") or code_id)
                parts.append(f'<{local} i="{i}">{own}</{local}>')
            else:  # mrk, sub and anything else: its text
                parts.append(escape(child.text or ""))
                walk(child)
            parts.append(escape(child.tail or ""))

    walk(element)
    return "".join(parts)


# The tag that declares an XLIFF file's languages: 1.2's first <file>, 2.x's <xliff>.
_DECLARING = re.compile(r"<(?:[\w.-]+:)?(?:file|xliff)\b[^>]*>")
_DECLARED = (re.compile(r"""\b(?:source-language|srcLang)\s*=\s*["']([^"']+)"""),
             re.compile(r"""\b(?:target-language|trgLang)\s*=\s*["']([^"']+)"""))


def declared_languages(path: str | Path) -> tuple[str, str] | None:
    """The (source, target) an XLIFF file declares (XLIFF 1.2: its first ``<file>``; 2.x:
    ``srcLang``/``trgLang``), read from its head; ``None`` for PO or a file that leaves a
    side unsaid. (A hint only: reading the file checks its languages all the same.)"""
    head = decode_head(read_head(path))
    for tag in _DECLARING.finditer(head):
        found = [pattern.search(tag.group()) for pattern in _DECLARED]
        if all(found):
            return found[0].group(1), found[1].group(1)  # type: ignore[union-attr]
    return None


def _forms(unit) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(source, target) of each form of a unit: one, or for a PO plural entry the singular
    (``msgid`` / ``msgstr[0]``) and each plural form of the target language with the
    source's plural (``msgid_plural`` / ``msgstr[1]``, ``msgstr[2]``...). A unit's
    ``source`` and ``target`` are its first forms only, so the plural ones were lost."""
    source, target = unit.source, unit.target
    if not unit.hasplural():
        return [(str(source or ""), str(target or ""))]
    sources = [str(s) for s in getattr(source, "strings", [source])]
    targets = [str(t) for t in getattr(target, "strings", [target])] if target else [""]
    plural = sources[1] if len(sources) > 1 else sources[0]
    return [(sources[0], targets[0]), *((plural, form) for form in targets[1:] or [""])]


def _load(p: Path, name: str) -> tuple[type, bytes]:
    """The translate-toolkit class for the file at ``p`` and the bytes to give it (XML only
    once :func:`read_checked` has checked them)."""
    # imported here: translate-toolkit is slow to import and rarely needed
    from translate.storage.po import pofile
    from translate.storage.xliff import Xliff1File
    from translate.storage.xliff2 import Xliff2File

    text_head = decode_head(read_head(p)).lstrip("\ufeff \t\r\n")
    if not text_head.startswith("<") and not p.name.lower().endswith(_XLIFF_SUFFIXES):
        with open_xml(p) as handle:  # uncompresses .gz as translate-toolkit's factory did
            try:
                return pofile, _po_as_utf8(handle.read(), name)
            except (OSError, EOFError) as exc:
                raise InputError(name, f"cannot read: {exc}") from None
    try:
        data = read_checked(p)
    except InputError as exc:
        if not exc.message.startswith("not well-formed"):
            raise  # refused, or unreadable: already the message to show
        raise InputError(name, f"cannot read as XLIFF/PO: {exc.message}", exc.line) from None
    return (Xliff2File if _XLIFF2.search(text_head[:4096]) else Xliff1File), data


_PO_CHARSET = re.compile(rb"charset=\s*([A-Za-z0-9_.:-]+)")


def _po_as_utf8(data: bytes, name: str) -> bytes:
    """A PO file's bytes in UTF-8, its header saying so: a PO in the legacy charset its
    header declares (ISO-8859-1, older gettext projects) decoded by it. translate-toolkit
    (3.x) restarts its parse on such a header but goes on decoding as UTF-8, and fails."""
    header = data[:data.find(b"\n\n")] if b"\n\n" in data else data
    declared = _PO_CHARSET.search(header)
    if declared is None:
        return data
    charset = declared.group(1).decode("ascii")
    try:
        codec = codecs.lookup(charset).name
    except LookupError:
        if charset == "CHARSET":  # the template's placeholder: no charset said
            return data
        raise InputError(name, f"the PO header declares charset {charset}, which is not "
                               "known") from None
    if codec == "utf-8":
        return data
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(name, f"does not decode as {charset}, the charset its header "
                               "declares", line) from None
    start, end = declared.span(1)
    return (data[:start].decode(codec) + "UTF-8" + text[len(data[:end].decode(codec)):]
            ).encode("utf-8")


def _is_fuzzy(unit) -> bool:
    """A draft translation: PO ``#, fuzzy``; XLIFF 1.2 ``needs-*``/``new``, or a memoQ or
    Trados status short of confirmed (:func:`_cat_tool_draft`); XLIFF 2 ``initial``.

    translate-toolkit's own ``isfuzzy`` for XLIFF 1.2 means "not approved", which is true of
    most real files (CAT tools write ``state="translated"`` without ``approved="yes"``).
    """
    element = getattr(unit, "xmlelement", None)
    if element is None:
        return bool(unit.isfuzzy())
    if _local(element.tag) == "segment":  # XLIFF 2: the state is on <segment>, and a
        # segment that says none is "initial" (the spec's default), a draft like one saying so
        return element.get("state", "initial") == "initial"
    if _cat_tool_draft(element):
        return True
    for child in element:
        if isinstance(child.tag, str) and _local(child.tag) == "target":
            state = child.get("state", "")
            return state.startswith("needs-") or state == "new"
    return False


# memoQ (.mqxliff) says a unit's status in mq:status, Trados (.sdlxliff) each segment's in
# <sdl:seg conf> of <sdl:seg-defs>; neither writes XLIFF's own state. Only the statuses of
# a translation someone confirmed count as finished: the others (memoQ NotStarted,
# PartiallyEdited, PreTranslated, Rejected...; Trados Draft, RejectedTranslation,
# RejectedSignOff, and a segment without conf: pre-translated or machine-translated and
# never confirmed) are drafts.
_MQ_STATUS = "{MQXliff}status"
_MQ_CONFIRMED = frozenset({"ManuallyConfirmed", "Reviewer1Confirmed", "Reviewer2Confirmed",
                           "ConfirmedTranslator", "Proofread"})
_SDL = "{http://sdl.com/FileTypes/SdlXliff/1.0}"
_SDL_CONFIRMED = frozenset({"Translated", "ApprovedTranslation", "ApprovedSignOff"})


def _cat_tool_draft(element) -> bool:  # type: ignore[no-untyped-def]
    """Whether a memoQ or Trados XLIFF 1.2 trans-unit is a draft by its tool's status
    (a Trados unit of several segments when any of them is one)."""
    status = element.get(_MQ_STATUS)
    if status is not None and status not in _MQ_CONFIRMED:
        return True
    return any(seg.get("conf") not in _SDL_CONFIRMED
               for defs in element.iterchildren(f"{_SDL}seg-defs")
               for seg in defs.iterchildren(f"{_SDL}seg"))


def _xliff_files(store) -> dict[object, tuple[str, str]]:  # type: ignore[no-untyped-def]
    """The ``<file>`` elements of an XLIFF 1.2 store and their (source, target) languages;
    empty for other stores."""
    document = getattr(store, "document", None)
    if document is None or not hasattr(store, "namespaced") or \
            document.getroot().get("version", "").startswith("2"):
        return {}
    return {element: (element.get("source-language", ""), element.get("target-language", ""))
            for element in document.getroot().iterchildren(store.namespaced("file"))}


def _unit_languages(store, files: dict[object, tuple[str, str]]  # type: ignore[no-untyped-def]
                    ) -> dict[object, tuple[str, str]]:
    """Each XLIFF 1.2 unit's element and its (source, target) languages: those its
    ``<source>`` and ``<target>`` say (``xml:lang``), else its ``<file>``'s. XLIFF 1.2
    makes ``target-language`` optional: the target's own tag is then all that says what
    language it is in (a Hungarian target was written as the pair's German). Empty for
    other stores."""
    if not files:
        return {}
    languages: dict[object, tuple[str, str]] = {}
    for unit in store.units:
        element = getattr(unit, "xmlelement", None)
        if element is None:
            continue
        file_langs = files.get(_file_of(element), ("", ""))
        own = {_local(child.tag): child.get(_XML_LANG) for child in element
               if isinstance(child.tag, str)}
        languages[element] = (own.get("source") or file_langs[0],
                              own.get("target") or file_langs[1])
    return languages


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _file_of(element) -> object:  # type: ignore[no-untyped-def]
    """The ``<file>`` element holding an XLIFF 1.2 unit's element (``None`` if none)."""
    for ancestor in element.iterancestors():
        if isinstance(ancestor.tag, str) and _local(ancestor.tag) == "file":
            return ancestor
    return None


def file_direction(file_src: str, file_tgt: str, source_lang: str, target_lang: str,
                   claimed: Iterable[str] = ()) -> str:
    """``same``, ``swapped`` or ``other``: how a file's languages stand to the request
    (a language a file leaves unsaid fits either side). A language fits by its language
    part (fr-CA for fr-FR) only when no other language of a ``build --langs`` run
    (``claimed``) shares it, as a TMX tuv (:class:`~tmx_export.formats.tmx.TuvRanker`):
    else fr-CA's text could be written as fr-FR's too."""
    asked = {normalise_tag(tag) for tag in (source_lang, target_lang, *claimed)}
    shared = {part for part, count in Counter(map(primary, asked)).items() if count > 1}

    def fits(lang: str, wanted: str) -> bool:
        if not lang:
            return True
        if primary(wanted) in shared and primary(source_lang) != primary(target_lang):
            return normalise_tag(lang) == normalise_tag(wanted)
        return primary(lang) == primary(wanted)

    if file_src and fits(file_src, target_lang) and fits(file_tgt, source_lang):
        return "swapped"
    if not fits(file_src, source_lang) or not fits(file_tgt, target_lang):
        return "other"
    return "same"


def store_languages(path: str | Path) -> list[tuple[str, str]]:
    """The (source, target) languages an XLIFF or PO file declares: each ``<file>``'s of an
    XLIFF 1.2 bundle, else the file's ("" for one it leaves unsaid)."""
    name = input_name(path)
    store_class, data = _load(readable_file(path), name)
    try:
        store = store_class.parsestring(data)
    except Exception as exc:  # translate-toolkit raises many kinds for bad input
        raise InputError(name, _not_readable(store_class, data, exc)) from None
    files = _xliff_files(store)
    if len(set(files.values())) > 1:
        return list(files.values())
    return [(_lang(store, "getsourcelanguage"), _lang(store, "gettargetlanguage"))]


def _check_languages(store, name: str, source_lang: str,  # type: ignore[no-untyped-def]
                     target_lang: str, claimed: tuple[str, ...] = (),
                     said: tuple[str, str] | None = None) -> bool:
    """Whether the file's sides are swapped relative to the request; error if unrelated.
    ``said``: the languages its units are in, when known (XLIFF 1.2), else the store's."""
    file_src, file_tgt = said or (_lang(store, "getsourcelanguage"),
                                  _lang(store, "gettargetlanguage"))
    if primary(source_lang) == primary(target_lang):
        return False
    direction = file_direction(file_src, file_tgt, source_lang, target_lang, claimed)
    if direction == "other" and not file_src and type(store).__name__ == "pofile":
        raise InputError(name, "the PO file does not declare its source language (its "
                               f"header says only Language: {file_tgt}): give it with "
                               f"--source-lang, and --target-lang {file_tgt}")
    if direction == "other":
        raise InputError(name, f"the file is in {_languages_said(store, file_src, file_tgt)}, "
                               f"not {source_lang} -> {target_lang}")
    return direction == "swapped"


def _languages_said(store, source: str, target: str) -> str:  # type: ignore[no-untyped-def]
    """A file's languages for a message, "source -> target", a language the file leaves
    unsaid named as such in the file's own terms (a bare "?" told the user nothing: a PO
    file never declares its msgid language)."""
    if type(store).__name__ == "pofile":
        unsaid = ("msgid language not declared", "msgstr language not declared (no Language "
                  "header)")
    else:
        unsaid = ("source-language not declared", "target-language not declared")
    return f"{source or unsaid[0]} -> {target or unsaid[1]}"


def _lang(store, method: str) -> str:
    try:
        value = getattr(store, method)()
    except Exception:  # some stores raise when the header lacks the field
        return ""
    # PO stores answer "en" for the source by default, which says nothing.
    return "" if value is None else str(value)


def _unit_line(unit, po_lines: list[int] | None, entry: int) -> int:
    element = getattr(unit, "xmlelement", None)
    if element is not None and getattr(element, "sourceline", None):
        return element.sourceline
    if po_lines is not None and entry < len(po_lines):
        return po_lines[entry]
    return 0


def _po_entry_lines(data: bytes) -> list[int]:
    """Line of each non-obsolete entry of a PO file's ``data`` (its first
    ``msgctxt``/``msgid`` line)."""
    lines: list[int] = []
    previous_ctxt = False
    for number, line in enumerate(data.splitlines(), 1):
        if line.startswith(b"msgctxt"):
            lines.append(number)
            previous_ctxt = True
        elif line.startswith(b"msgid "):
            if not previous_ctxt:
                lines.append(number)
            previous_ctxt = False
    return lines


def _not_readable(store_class: type, data: bytes, exc: Exception) -> str:
    """Why translate-toolkit could not parse a file, said as what the file is not (its
    exceptions say little: a TMX given as XLIFF raises a bare StopIteration)."""
    if store_class.__name__ == "pofile":
        return f"not a PO file (translate-toolkit: {_one_line(exc)})"
    root = _root_name(data)
    if root is not None and root != "xliff":
        return (f"not an XLIFF or PO file: an XML document whose root is <{root}> "
                "(XLIFF's is <xliff>; PO files are plain text)")
    return f"not a readable XLIFF file (translate-toolkit: {_one_line(exc)})"


def _root_name(data: bytes) -> str | None:
    """The local name of an XML document's root element (any encoding), or None."""
    from io import BytesIO

    from lxml import etree

    try:
        for _, element in etree.iterparse(BytesIO(data), events=("start",),
                                          resolve_entities=False, no_network=True):
            return etree.QName(element).localname
    except etree.XMLSyntaxError:
        return None
    return None


def _one_line(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return (text[0] if text else type(exc).__name__)[:200]
