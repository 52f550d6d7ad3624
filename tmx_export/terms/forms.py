"""Writing a term's words: a form with some of its tokens rewritten, and a lemma's ending
put on a word as written. Shared by the citation forms of every language
(:mod:`.citation`) and the nominatives of the languages with cases (:mod:`.case_forms`)."""

from __future__ import annotations

from collections.abc import Mapping

from .candidates import Token


def rewritten(form: str, tokens: list[Token], words: Mapping[int, str]) -> str:
    """``form`` with the tokens named in ``words`` (by ``id``) written as it says."""
    out, last = [], 0
    for token in tokens:
        out.append(form[last:token.start])
        out.append(words.get(id(token), form[token.start:token.end]))
        last = token.end
    out.append(form[last:])
    return "".join(out)


def shared_start(word: str, lemma: str) -> int:
    """How many letters ``word`` and ``lemma`` share from their start."""
    same = 0
    while same < min(len(word), len(lemma)) and word[same] == lemma[same]:
        same += 1
    return same


def with_ending(lemma: str, lower: str, text: str) -> str:
    """``text`` (lower-cased ``lower``) with the ending its lemma has instead, the rest as
    written: "SADC-WPA-Staaten" -> "SADC-WPA-Staat", "Fischbestände" -> "Fischbestand",
    "EU-osapuolen" -> "EU-osapuoli"."""
    same = shared_start(lower, lemma)
    if len(text) != len(lower):
        return match_case(lemma, text)
    written = text[:same] + lemma[same:]
    # a word in capitals stays in capitals ("PRAGNĄ" -> "PRAGNĄĆ", never "PRAGNĄć")
    return written.upper() if text.isupper() and len(text) > 1 else written


def match_case(word: str, model: str) -> str:
    """``word`` in capitals, capitalised or as it is, as ``model`` is written."""
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
