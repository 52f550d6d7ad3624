"""Pairs as JSON Lines: one JSON object per pair, streamed.

Each object has ``source``, ``target``, ``source_lang``, ``target_lang``, ``number`` (the
paragraph number, ``null`` when the paragraph had none), ``file`` and ``line``, followed by
the pair's props as keys of their own (``"x-paragraph": "34"``, ``"x-align": "2-1"``), so
``jq`` and pandas see them as columns.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from ..errors import InputError
from ..lang import is_valid_tag, normalise_tag, primary
from ..model import Pair, ReadResult
from .text import input_name, read_head_text, read_text
from .tsv import (
    PAIR_COLUMNS,
    add_in_languages,
    check_some_in_languages,
    prop_name,
    records,
    text_output,
    written_props,
)

# A JSON escape of a UTF-16 surrogate ("\ud800"): two of them make one character (an emoji,
# "\ud83d\ude00"), one alone is half of a character, which no text holds (_refuse_lone_surrogate).
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")

# Characters that some line readers (Python's str.splitlines, JavaScript) take for line
# ends; JSON may carry them raw, but escaped they keep one object on one line for everyone.
_LINE_SEPARATORS = {0x85: "\\u0085", 0x2028: "\\u2028", 0x2029: "\\u2029"}


def pair_to_dict(pair: Pair) -> dict[str, Any]:
    """The JSON object for ``pair``; props never override the fixed fields."""
    record: dict[str, Any] = {
        "source": pair.source,
        "target": pair.target,
        "source_lang": pair.source_lang,
        "target_lang": pair.target_lang,
        "number": pair.number,
        "file": pair.file,
        "line": pair.line,
    }
    for name, value in written_props(pair).items():
        record.setdefault(name, value)
    return record


def write_pairs_jsonl(pairs: Iterable[Pair], target: str | Path | IO[str]) -> int:
    """Write ``pairs`` to ``target`` (path, ``"-"`` or text handle); return how many."""
    count = 0
    with text_output(target) as out:
        for pair in pairs:
            line = json.dumps(pair_to_dict(pair), ensure_ascii=False)
            out.write(line.translate(_LINE_SEPARATORS) + "\n")
            count += 1
    return count


def read_pairs_jsonl(
    path: str | Path, *, source_lang: str = "en-GB", target_lang: str = "fr-FR",
    claimed: Iterable[str] | None = None,
) -> ReadResult:
    """Read pairs written by :func:`write_pairs_jsonl` (``"-"`` reads standard input).

    ``source`` and ``target`` are required; missing languages take ``source_lang`` and
    ``target_lang``, a missing ``file`` and ``line`` this file and the object's line; keys
    other than the fixed fields become props (as strings). With ``claimed`` (a run's other
    languages, ``()`` for a bilingual run), the pairs are read in the run's languages
    (:func:`~tmx_export.formats.tsv.add_in_languages`).
    """
    name = input_name(path)
    result = ReadResult()
    for number, line in enumerate(records(read_text(path)), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(name, f"not JSON: {exc.msg}", number) from None
        if not isinstance(record, dict):
            raise InputError(name, "expected a JSON object", number)
        if _SURROGATE_ESCAPE.search(line):  # (the usual line has none: one search in C)
            _refuse_lone_surrogate(record, name, number)
        pair = _pair_from_record(record, name, number, source_lang, target_lang)
        add_in_languages(result, pair, name, number, source_lang, target_lang, claimed)
    if claimed is not None:
        check_some_in_languages(result, name, source_lang, target_lang)
    return result


def _refuse_lone_surrogate(record: dict[str, Any], name: str, line: int) -> None:
    """Refuse an object holding a lone surrogate (an escape such as "\ud800" without its
    other half, where a tool cut an emoji's pair in two): it is no character, and no UTF-8
    file, TMX or TBX can carry it. As a TMX's "&#xD800;" and a UTF-8 file's encoded
    surrogate are refused, the line is named, rather than the text changed by a guess."""
    for key, value in record.items():
        for text in (key, *_strings(value)):
            found = _LONE_SURROGATE.search(text)
            if found is not None:
                field = key if _LONE_SURROGATE.search(key) is None else "a key"
                raise InputError(name, f"{field!r} holds a lone surrogate "
                                 f"(\\u{ord(found.group()):04x}, half of a character written "
                                 "as a JSON escape), which is no text", line)


def _strings(value: Any) -> Iterable[str]:
    """The strings in a JSON value (keys of its objects too)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _pair_from_record(
    record: dict[str, Any], name: str, line: int, source_lang: str, target_lang: str
) -> Pair:
    if "source" not in record and "target" not in record:
        record = _language_keyed(record, name, line, source_lang, target_lang)
    for key in ("source", "target"):
        if key not in record:
            raise InputError(name, f"no {key!r} key (keys: {_keys(record)})", line)
        if not isinstance(record.get(key), str):
            raise InputError(name, f"{key!r} must be a string", line)
    paragraph = record.get("number")
    if paragraph is not None and (type(paragraph) is not int or paragraph < 0):
        raise InputError(name, f"'number' must be a whole number or null, not {paragraph!r}", line)
    at = record.get("line", 0)
    if type(at) is not int or at < 0:
        raise InputError(name, f"'line' must be a whole number, not {at!r}", line)
    # without the keys saying where the pair came from (JSON Lines made by another tool),
    # this object is where: rejects then name it
    if "file" not in record and "line" not in record:
        record = {**record, "file": name, "line": line}
        at = line
    return Pair(
        source=record["source"],
        target=record["target"],
        source_lang=str(record.get("source_lang") or source_lang),
        target_lang=str(record.get("target_lang") or target_lang),
        number=paragraph,
        file=str(record.get("file") or ""),
        line=at,
        props={
            prop_name(k): v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)
            for k, v in record.items()
            if k not in PAIR_COLUMNS
        },
    )


# The object of a JSON Lines pair as Hugging Face datasets (OPUS, WMT) write it: its texts
# keyed by language under "translation".
_TRANSLATION = "translation"


def _language_keyed(record: dict[str, Any], name: str, line: int, source_lang: str,
                    target_lang: str) -> dict[str, Any]:
    """A pair written by another tool with its texts keyed by their languages, as one of
    ours: ``{"translation": {"en": "...", "fr": "..."}}`` (Hugging Face datasets, OPUS,
    WMT) or ``{"en": "...", "fr": "..."}``, the keys naming the run's languages (by the
    language part too: "en" for en-GB) become ``source`` and ``target`` and their
    languages; the object's other keys are props, but for other languages' texts. Such
    files were refused with "'source' must be a string", which named no cause."""
    texts = record.get(_TRANSLATION)
    nested = isinstance(texts, dict)
    if not nested:
        texts = record
    keys = [key for key, value in texts.items()
            if isinstance(value, str) and key not in PAIR_COLUMNS]
    source = _language_key(keys, source_lang, target_lang)
    target = _language_key(keys, target_lang, source_lang)
    if source is None or target is None:
        shown = _keys(texts) if nested else _keys(record)
        raise InputError(name, "no 'source' and 'target' keys, nor keys naming "
                         f"{source_lang} and {target_lang} (keys: {shown}): a pair needs "
                         "'source' and 'target', or its texts under its languages' tags "
                         "(--source-lang/--target-lang name them)", line)
    if nested:
        kept = {key: value for key, value in record.items() if key != _TRANSLATION}
    else:
        kept = {key: value for key, value in record.items()
                if key not in (source, target) and not _other_text(key, value)}
    return {"source": texts[source], "target": texts[target], "source_lang": source,
            "target_lang": target, **kept}


def _language_key(keys: list[str], lang: str, other: str) -> str | None:
    """The one key of ``keys`` naming ``lang``: the tag itself ("en-GB"), else the only one
    of its language part ("en"), when the pair's other language ``other`` has another."""
    exact = [key for key in keys if normalise_tag(key) == normalise_tag(lang)]
    if exact:
        return exact[0]
    if primary(lang) == primary(other):  # en-GB -> en-US: only the whole tag tells
        return None
    loose = [key for key in keys if is_valid_tag(key.replace("_", "-"))
             and primary(key) == primary(lang)]
    return loose[0] if len(loose) == 1 else None


def _other_text(key: str, value: Any) -> bool:
    """Whether ``key`` of a flat language-keyed object holds another language's text (a
    third language beside the pair's: "de"), which is no prop of the pair. As a table's
    header is read, a tag of a language with a two-letter code, but for ``id``, an
    identifier beside two languages, not Indonesian ("src", "url": no languages)."""
    tag = key.replace("_", "-")
    return isinstance(value, str) and key.lower() != "id" and is_valid_tag(tag) \
        and len(primary(tag)) == 2


def _keys(record: dict[str, Any]) -> str:
    """The keys of an object, for an error message."""
    return ", ".join(map(repr, record)) or "none"


def declared_languages(path: str | Path, sample: int = 50) -> tuple[str, str] | None:
    """The (source, target) a JSON Lines file holds, as it spells them: the ``source_lang``
    and ``target_lang`` of the pairs ``pairs`` writes, or the two language keys of objects
    keyed by language (``{"translation": {"de": "...", "pl": "..."}}``, Hugging Face's
    OPUS and Europarl datasets), the first the source, as a table's first language column
    is; the same in each of the first ``sample`` objects, else ``None``. So ``build`` of
    a German-Polish dataset, or of ``pairs`` run in DE-PL, needs no languages named."""
    found: tuple[str, str] | None = None
    count = 0
    for line in records(read_head_text(path, sample)):  # (the reader reads the file whole)
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            return None  # the reader names the line
        held = _record_languages(record) if isinstance(record, dict) else None
        if held is None or (found is not None and [normalise_tag(t) for t in held]
                            != [normalise_tag(t) for t in found]):
            return None
        found = found or held
        count += 1
        if count >= sample:
            break
    return found


def _record_languages(record: dict[str, Any]) -> tuple[str, str] | None:
    """The languages of one object (see :func:`declared_languages`), or ``None``."""
    if "source" in record or "target" in record:
        langs = record.get("source_lang"), record.get("target_lang")
        return (langs[0], langs[1]) if all(
            isinstance(tag, str) and is_valid_tag(tag.replace("_", "-")) for tag in langs) \
            else None
    texts = record.get(_TRANSLATION)
    if not isinstance(texts, dict):
        texts = record
    keys = [key for key, value in texts.items() if _other_text(key, value)]
    return (keys[0], keys[1]) if len(keys) == 2 else None
