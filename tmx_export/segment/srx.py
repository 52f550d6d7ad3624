"""LISA SRX 2.0: segmentation rules as CAT tools export them.

An SRX file holds named rule sets (``languagerule``) and a map from language patterns to
rule sets (``maprules``); with ``cascade="yes"`` every matching rule set applies, in map
order, otherwise only the first. Each rule says whether a break goes (``break="yes"``) or
does not go (``break="no"``) between text matching ``beforebreak`` and text matching
``afterbreak``; at any position the first rule that matches decides.

The patterns are Java regular expressions. They are translated to Python ``re`` syntax
here, with Java's meaning kept where the two differ (``\\s``, ``\\d`` and ``\\w`` are ASCII
in Java, ``\\p{Lu}`` has no ``re`` equivalent); constructs that cannot be translated are
refused with an error naming the rule. Matching follows OmegaT's segmenter, so an SRX
exported from an OmegaT project cuts text here as it does there.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from lxml import etree

from ..errors import InputError
from ..formats.xml import parse_xml
from .rules import cut_at

__all__ = ["Rule", "SrxRules", "java_regex_to_python", "read_srx", "JavaRegexError"]


class JavaRegexError(ValueError):
    """A Java regex construct with no Python equivalent."""


# -- Java regex -> Python re ------------------------------------------------------------------

# Java's shorthand classes are ASCII unless UNICODE_CHARACTER_CLASS is on; Python's are not.
_ASCII_CLASS = {
    "s": " \\t\\n\\x0b\\f\\r",
    "d": "0-9",
    "w": "a-zA-Z_0-9",
    "h": " \\t\\xa0\\u1680\\u180e\\u2000-\\u200a\\u202f\\u205f\\u3000",
    "v": "\\n\\x0b\\f\\r\\x85\\u2028\\u2029",
}
_POSIX = {
    "Lower": "a-z", "Upper": "A-Z", "ASCII": "\\x00-\\x7f", "Alpha": "a-zA-Z",
    "Digit": "0-9", "Alnum": "a-zA-Z0-9", "Punct": re.escape("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"),
    "Graph": "\\x21-\\x7e", "Print": "\\x20-\\x7e", "Blank": " \\t", "Cntrl": "\\x00-\\x1f\\x7f",
    "XDigit": "0-9a-fA-F", "Space": " \\t\\n\\x0b\\f\\r",
}
_JAVA_CASE = {"javaLowerCase": "Ll", "javaUpperCase": "Lu", "javaWhitespace": "Z",
              "javaLetter": "L", "javaDigit": "Nd"}
_CATEGORIES = {"L", "Lu", "Ll", "Lt", "Lm", "Lo", "M", "Mn", "Mc", "Me", "N", "Nd", "Nl",
               "No", "P", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "S", "Sm", "Sc", "Sk",
               "So", "Z", "Zs", "Zl", "Zp", "C", "Cc", "Cf", "Co", "Cn"}


def _char(cp: int) -> str:
    return f"\\U{cp:08x}" if cp > 0xFFFF else f"\\u{cp:04x}"


@cache
def _category_ranges() -> dict[str, list[tuple[int, int]]]:
    """Code point ranges of every Unicode general category (and its one-letter group)."""
    ranges: dict[str, list[tuple[int, int]]] = {}
    category = unicodedata.category
    for cp in range(sys.maxunicode + 1):
        for name in (category(chr(cp)), category(chr(cp))[0]):
            spans = ranges.setdefault(name, [])
            if spans and spans[-1][1] == cp - 1:
                spans[-1] = (spans[-1][0], cp)
            else:
                spans.append((cp, cp))
    return ranges


def _render(spans: list[tuple[int, int]]) -> str:
    return "".join(_char(a) if a == b else f"{_char(a)}-{_char(b)}" for a, b in spans)


def _complement(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out, prev = [], 0
    for a, b in spans:
        if a > prev:
            out.append((prev, a - 1))
        prev = b + 1
    if prev <= sys.maxunicode:
        out.append((prev, sys.maxunicode))
    return out


def _property(name: str, negated: bool, in_class: bool) -> str:
    """``\\p{name}`` as Python: a class (outside ``[]``) or class contents (inside)."""
    if name.startswith("^"):
        name, negated = name[1:], not negated
    for prefix in ("Is", "general_category=", "gc="):
        if name.startswith(prefix) and name[len(prefix):] in _CATEGORIES:
            name = name[len(prefix):]
    name = _JAVA_CASE.get(name, name)
    if name in _POSIX:
        content = _POSIX[name]
        if in_class and negated:
            raise JavaRegexError(f"\\P{{{name}}} inside a character class")
        if in_class:
            return content
        return f"[^{content}]" if negated else f"[{content}]"
    if name not in _CATEGORIES:
        raise JavaRegexError(f"unsupported Unicode property \\p{{{name}}}")
    spans = _category_ranges().get(name, [])
    if in_class:
        return _render(_complement(spans) if negated else spans)
    return f"[^{_render(spans)}]" if negated else f"[{_render(spans)}]"


_FLAG_LETTERS = {"i": "i", "s": "s", "m": "m", "x": "x", "u": "", "d": "", "U": ""}


def java_regex_to_python(pattern: str) -> str:
    """Translate one Java regex to Python ``re`` syntax, or raise :class:`JavaRegexError`."""
    out: list[str] = []
    i, n = 0, len(pattern)
    # One entry per open group: how many scoped-flag groups "(?i:" were opened inside it to
    # stand for a Java mid-pattern "(?i)", which Python only allows at the very start.
    groups: list[int] = [0]
    in_class = False
    class_start = 0

    def escape(j: int) -> tuple[str, int]:
        """Translate the escape at pattern[j] == '\\'; return (text, next index)."""
        if j + 1 >= n:
            raise JavaRegexError("trailing backslash")
        c = pattern[j + 1]
        if c == "Q":
            end = pattern.find("\\E", j + 2)
            literal = pattern[j + 2 : n if end < 0 else end]
            return re.escape(literal), (n if end < 0 else end + 2)
        if c in "sdwhv":
            content = _ASCII_CLASS[c]
            return (content if in_class else f"[{content}]"), j + 2
        if c in "SDWHV":
            if in_class:
                if c in "HV":
                    raise JavaRegexError(f"\\{c} inside a character class")
                return "\\" + c, j + 2  # Unicode-wide in Python: differs only off ASCII
            return f"[^{_ASCII_CLASS[c.lower()]}]", j + 2
        if c in "pP":
            if j + 2 < n and pattern[j + 2] == "{":
                end = pattern.find("}", j + 3)
                if end < 0:
                    raise JavaRegexError("unclosed \\p{")
                name, nxt = pattern[j + 3 : end], end + 1
            else:
                name, nxt = pattern[j + 2 : j + 3], j + 3
            return _property(name, c == "P", in_class), nxt
        if c == "x":
            if j + 2 < n and pattern[j + 2] == "{":
                end = pattern.find("}", j + 3)
                return _char(int(pattern[j + 3 : end], 16)), end + 1
            return _char(int(pattern[j + 2 : j + 4], 16)), j + 4
        if c == "u":
            return _char(int(pattern[j + 2 : j + 6], 16)), j + 6
        if c == "0":
            m = re.match(r"[0-3]?[0-7]{1,2}", pattern[j + 2 :])
            if not m:
                raise JavaRegexError("bad octal escape \\0")
            return _char(int(m.group(), 8)), j + 2 + m.end()
        if c == "c":
            return _char(ord(pattern[j + 2]) ^ 64), j + 3
        if c in "tnrf":
            return "\\" + c, j + 2
        if c == "a":
            return "\\x07", j + 2
        if c == "e":
            return "\\x1b", j + 2
        if in_class and c in "bBAzZRXGk":
            raise JavaRegexError(f"\\{c} inside a character class")
        if c in "bBA":
            return "\\" + c, j + 2
        if c == "z":
            return "\\Z", j + 2
        if c == "Z":
            return "(?=(?:\\r\\n|[\\n\\r\\x85\\u2028\\u2029])?\\Z)", j + 2
        if c == "R":
            return "(?:\\r\\n|[\\n\\x0b\\f\\r\\x85\\u2028\\u2029])", j + 2
        if c == "k":
            m = re.match(r"<([A-Za-z][A-Za-z0-9]*)>", pattern[j + 2 :])
            if not m:
                raise JavaRegexError("bad \\k<name> back reference")
            return f"(?P={m.group(1)})", j + 2 + m.end()
        if c.isdigit():
            return "\\" + c, j + 2
        if c.isalnum():
            raise JavaRegexError(f"unsupported escape \\{c}")
        return re.escape(c), j + 2

    while i < n:
        c = pattern[i]
        if c == "\\":
            text, i = escape(i)
            out.append(text)
            continue
        if in_class:
            if c == "]" and i > class_start:
                in_class = False
                out.append("]")
            elif c == "[":
                raise JavaRegexError("nested character class (union) [..[..]..]")
            elif c == "&" and pattern.startswith("&&", i):
                raise JavaRegexError("character class intersection &&")
            elif c in "]~|":
                out.append("\\" + c)  # literal here; escaped so Python never warns
            else:
                out.append(c)
            i += 1
            continue
        if c == "[":
            in_class = True
            out.append("[")
            i += 1
            if i < n and pattern[i] == "^":
                out.append("^")
                i += 1
            class_start = i
            continue
        if c == "(":
            if pattern.startswith("(?", i):
                m = re.match(r"\(\?([a-zA-Z]*)(?:-([a-zA-Z]*))?([:)])", pattern[i:])
                if m and (m.group(1) or m.group(2) is not None):
                    on, off, kind = m.group(1), m.group(2) or "", m.group(3)
                    for letter in on + off:
                        if letter not in _FLAG_LETTERS:
                            raise JavaRegexError(f"unsupported inline flag {letter!r}")
                    on = "".join(_FLAG_LETTERS[f] for f in on)
                    off = "".join(_FLAG_LETTERS[f] for f in off)
                    i += m.end()
                    if kind == ":":
                        groups.append(0)
                        out.append(f"(?{on}{'-' + off if off else ''}:" if on or off else "(?:")
                    elif on or off:
                        if not out and not off:
                            out.append(f"(?{on})")  # global flags at the start: as is
                        else:
                            out.append(f"(?{on}{'-' + off if off else ''}:")
                            groups[-1] += 1
                    continue
                if pattern.startswith("(?<", i) and not pattern.startswith(("(?<=", "(?<!"), i):
                    m = re.match(r"\(\?<([A-Za-z][A-Za-z0-9]*)>", pattern[i:])
                    if not m:
                        raise JavaRegexError("bad named group")
                    out.append(f"(?P<{m.group(1)}>")
                    groups.append(0)
                    i += m.end()
                    continue
                if not pattern.startswith(("(?:", "(?=", "(?!", "(?<=", "(?<!", "(?>"), i):
                    raise JavaRegexError(f"unsupported group {pattern[i:i + 4]!r}")
            groups.append(0)
            out.append("(")
            i += 1
            continue
        if c == ")":
            if len(groups) < 2:
                raise JavaRegexError("unbalanced ')'")
            out.append(")" * (groups.pop() + 1))
            i += 1
            continue
        out.append(c)
        i += 1
    if in_class:
        raise JavaRegexError("unclosed character class")
    if len(groups) != 1:
        raise JavaRegexError("unbalanced '('")
    out.append(")" * groups[0])
    return "".join(out)


# -- rules and the segmenter ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Rule:
    """One SRX rule, compiled: ``before``/``after`` are ``None`` when the SRX left them out."""

    breaks: bool
    before: re.Pattern[str] | None
    after: re.Pattern[str] | None
    name: str = ""

    def positions(self, text: str) -> list[int]:
        """Offsets where ``before`` ends and ``after`` starts (OmegaT's matching order)."""
        if self.before is None and self.after is None:
            return []
        before = self.before or _ANY
        if self.after is None:
            return [m.end() for m in before.finditer(text)]
        afters = self.after.finditer(text)
        am = next(afters, None)
        if am is None:
            return []
        out = []
        for bm in before.finditer(text):
            end = bm.end()
            while am.start() < end:
                am = next(afters, None)
                if am is None:
                    return out
            if am.start() == end:
                out.append(end)
        return out


_ANY = re.compile(".", re.DOTALL)


@dataclass(slots=True)
class SrxRules:
    """The rule sets of an SRX file and the map choosing them per language."""

    languagerules: dict[str, list[Rule]]
    maprules: list[tuple[re.Pattern[str], str]]
    cascade: bool = True
    source: str = ""
    _cache: dict[str, list[Rule]] = field(default_factory=dict, repr=False)

    def rules_for(self, lang: str) -> list[Rule]:
        """The rules that apply to ``lang``, in the order they are tried."""
        rules = self._cache.get(lang)
        if rules is None:
            rules = []
            for pattern, name in self.maprules:
                if pattern.fullmatch(lang):
                    rules.extend(self.languagerules.get(name, []))
                    if not self.cascade:
                        break
            self._cache[lang] = rules
        return rules

    def covers(self, lang: str) -> bool:
        """Whether any language map of the file applies to ``lang`` (else nothing is cut)."""
        return any(pattern.fullmatch(lang) for pattern, _ in self.maprules)

    def segment(self, text: str, lang: str) -> list[str]:
        """Cut ``text``; segments are stripped of white space and never empty."""
        decided: dict[int, bool] = {}
        for rule in self.rules_for(lang):
            for pos in rule.positions(text):
                decided.setdefault(pos, rule.breaks)  # the first rule to match decides
        return cut_at(text, sorted(p for p, b in decided.items() if b and 0 < p < len(text)))


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def read_srx(path: str | Path) -> SrxRules:
    """Read a LISA SRX 2.0 file (SRX 1.0 files without a namespace are read too)."""
    name = str(path)
    if not Path(path).is_file():
        raise InputError(name, "cannot read SRX file: no such file")
    root = parse_xml(path, remove_pis=True).getroot()
    if _local(root.tag) != "srx":
        raise InputError(name, f"not an SRX file (root element <{_local(root.tag)}>)")
    cascade = True
    languagerules: dict[str, list[Rule]] = {}
    maprules: list[tuple[re.Pattern[str], str]] = []
    for el in root.iter():
        tag = _local(el.tag)
        if tag == "header":
            cascade = el.get("cascade", "yes").strip().lower() == "yes"
        elif tag == "languagerule":
            rulename = el.get("languagerulename", "")
            rules = languagerules.setdefault(rulename, [])
            for number, rule_el in enumerate(
                    (r for r in el if _local(r.tag) == "rule"), start=1):
                rules.append(_compile_rule(name, rulename, number, rule_el))
        elif tag == "languagemap":
            pattern = el.get("languagepattern", "")
            where = f"languagemap {_as_written(pattern)}"
            maprules.append((_compile(name, where, el.sourceline, pattern, re.IGNORECASE),
                             el.get("languagerulename", "")))
    if not languagerules:
        raise InputError(name, "SRX file has no <languagerule>")
    for _, rulename in maprules:
        if rulename not in languagerules:
            raise InputError(name, f"languagemap names unknown languagerule {rulename!r}")
    return SrxRules(languagerules, maprules, cascade, name)


def _compile(file: str, where: str, line: int | None, pattern: str, flags: int = 0) -> re.Pattern:
    try:
        return re.compile(java_regex_to_python(pattern), flags)
    except (JavaRegexError, re.error, ValueError, IndexError) as exc:
        raise InputError(file, f"{where}: cannot use Java regex {_as_written(pattern)}: "
                         f"{exc}", line) from None


def _as_written(pattern: str) -> str:
    """``pattern`` quoted as the SRX file writes it, for an error to quote: repr() doubled
    each backslash, so the rule quoted was not the text to look for in the file. A pattern
    with a line break or another unprintable character keeps repr's escapes, which keep
    the error on one line."""
    return f"'{pattern}'" if pattern.isprintable() else repr(pattern)


def _compile_rule(file: str, rulename: str, number: int, el: etree._Element) -> Rule:
    breaks = el.get("break", "yes").strip().lower() != "no"
    where = f"languagerule {rulename!r} rule {number}"
    before = after = None
    for child in el:
        tag = _local(child.tag)
        if tag in ("beforebreak", "afterbreak") and child.text:
            # OmegaT compiles every rule with DOTALL ("." also matches a line break)
            compiled = _compile(file, where, child.sourceline, child.text, re.DOTALL)
            if tag == "beforebreak":
                before = compiled
            else:
                after = compiled
    return Rule(breaks, before, after, where)
