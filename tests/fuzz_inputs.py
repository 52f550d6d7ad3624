"""Generated inputs for the fuzz stage: dumps, parallel files, TMX, XLIFF, PO, CSV/TSV, XLSX.

Each generator takes a :class:`random.Random` and returns files as ``{name: bytes}``, built
from fragments real inputs contain (EU sentences in both languages, paragraph numbers, fold
markers, XML specials, control characters, BOMs, CRLF, odd Unicode) mixed at random, so a
seed gives the same files everywhere. :func:`check_run` builds them through the pipeline and
says what happened: a result, or a one-line refusal. Anything else (a traceback, an account
that does not add up) is a bug. Used by ``tests/test_fuzz.py`` (a few thousand inputs,
derandomised) and ``benchmarks/fuzz.py`` (tens of thousands, with counts).
"""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Callable
from pathlib import Path

from tmx_export.errors import InputError
from tmx_export.pipeline import build

ENGLISH = [
    "Calls on the Commission to propose a cluster policy.",
    "The Minutes of the previous sitting were approved.",
    "Stresses the importance of transnational clusters in the value chain.",
    "Mr President, I would like to raise a point of order.",
    "The sitting was closed at 11.50 a.m.",
    "Whereas:",
    "(Applause)",
    "Article 5",
]
FRENCH = [
    "invite la Commission à proposer une politique relative aux conglomérats.",
    "Le procès-verbal de la séance précédente est adopté.",
    "souligne l'importance des conglomérats transnationaux dans la chaîne de valeur.",
    "Monsieur le Président, je voudrais soulever une motion de procédure.",
    "La séance est levée à 11 h 50.",
    "considérant ce qui suit:",
    "(Applaudissements)",
    "Article 5",
]
NOISE = ["...[+++]", "34.", "9999.", "123456.", "<P>", "&amp;", "&", "<", "]]>", "\t", "\r",
         "\x00", "\x0b", "\u2028", "\u00a0", "\ufeff", "\U0001F600", "\U00020000", "\u202e",
         "é", "ß",
         "Ω", "—", "«", "»", "'", '"', "\\", "%PDF-1.4", "=1+1", "@SUM(A1)", "-", "+",
         " ", "\n", "\n\n", "l'", "M.", "No. 5", "e.g.", "Ã©", "â€™"]


def _fragment(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.45:
        return rng.choice(ENGLISH)
    if roll < 0.9:
        return rng.choice(FRENCH)
    return rng.choice(NOISE)


def _text(rng: random.Random, parts: int) -> str:
    return " ".join(_fragment(rng) for _ in range(parts))


def _paragraph_pair(rng: random.Random) -> tuple[str, str]:
    n = rng.randint(1, 4)
    source = " ".join(rng.choice(ENGLISH) for _ in range(n))
    target = " ".join(rng.choice(FRENCH) for _ in range(n))
    if rng.random() < 0.2:
        source += " " + _text(rng, rng.randint(1, 3))
    if rng.random() < 0.2:
        target += " " + _text(rng, rng.randint(1, 3))
    return source, target


def _cut(rng: random.Random, text: str) -> list[str]:
    lines, start = [], 0
    while start < len(text):
        end = start + rng.randint(5, 120)
        line = text[start:end]
        if lines and rng.random() < 0.3:
            line = "...[+++]" + line
        lines.append(line)
        start = end
    return lines


def dump(rng: random.Random) -> dict[str, bytes]:
    numbered = rng.random() < 0.6
    lines: list[str] = []
    number = rng.choice([1, 34, 9998, 123455])
    for _ in range(rng.randint(0, 8)):
        source, target = _paragraph_pair(rng)
        if rng.random() < 0.1:  # a side lost
            target = ""
        stream = (f"{number}. {source} {number}. {target}" if numbered
                  else f"{source} {target}")
        if rng.random() < 0.1:
            stream = _text(rng, rng.randint(1, 6))  # junk instead of a pair
        lines.extend(_cut(rng, stream))
        number += rng.choice([1, 1, 1, 2, -1])
    if rng.random() < 0.2:
        lines.insert(0, _text(rng, 3))  # a title
    newline = rng.choice(["\n", "\r\n"])
    text = newline.join(lines) + newline
    encoding = rng.choice(["utf-8", "utf-8", "utf-8-sig", "utf-16", "cp1252"])
    return {"dump.txt": text.encode(encoding, errors="replace")}


def parallel(rng: random.Random) -> dict[str, bytes]:
    source, target = [], []
    for _ in range(rng.randint(0, 6)):
        s, t = _paragraph_pair(rng)
        source.append(s.replace("\n", " "))
        target.append(t.replace("\n", " "))
    if rng.random() < 0.2 and target:  # the files drift apart
        target.pop(rng.randrange(len(target)))
    return {"doc.en.txt": "\n".join(source).encode("utf-8"),
            "doc.fr.txt": "\n".join(target).encode("utf-8")}


def _xml_text(rng: random.Random) -> str:
    text = _text(rng, rng.randint(0, 3))
    return "".join(ch for ch in text if ch in "\t\n\r" or ord(ch) >= 32
                   and not 0xD800 <= ord(ch) <= 0xDFFF and ch not in "\ufffe\uffff") \
        .replace("&", "&amp;").replace("<", "&lt;")


def tmx(rng: random.Random) -> dict[str, bytes]:
    langs = ["en-GB", "fr-FR", "EN-GB", "fr", "de-DE", "", "en_GB"]
    units = []
    for n in range(rng.randint(0, 6)):
        tuvs = []
        for _ in range(rng.randint(0, 3)):
            lang = rng.choice(langs)
            attr = f' xml:lang="{lang}"' if rng.random() < 0.85 else f' lang="{lang}"'
            seg = _xml_text(rng)
            if rng.random() < 0.2:
                seg = f'<bpt i="1">&lt;b&gt;</bpt>{seg}<ept i="1">&lt;/b&gt;</ept>'
            tuvs.append(f"<tuv{attr}><seg>{seg}</seg></tuv>")
        units.append(f'<tu tuid="{n}">' + "".join(tuvs) + "</tu>")
    body = "".join(units)
    doc = (f'<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en-GB" '
           f'segtype="sentence" creationtool="x" creationtoolversion="1" o-tmf="x" '
           f'adminlang="en" datatype="plaintext"/><body>{body}</body></tmx>\n')
    if rng.random() < 0.1:
        doc = doc[: rng.randint(0, len(doc))]  # cut off
    if rng.random() < 0.05:
        doc = doc.replace("<tmx ", '<!DOCTYPE tmx [<!ENTITY x "boom">]><tmx ', 1)
    return {"memory.tmx": doc.encode("utf-8")}


def xliff(rng: random.Random) -> dict[str, bytes]:
    units = []
    for n in range(rng.randint(0, 5)):
        state = rng.choice(["translated", "needs-translation", "final", ""])
        state_attr = f' state="{state}"' if state else ""
        units.append(f'<trans-unit id="{n}"><source>{_xml_text(rng)}</source>'
                     f"<target{state_attr}>{_xml_text(rng)}</target></trans-unit>")
    languages = rng.choice([("en-GB", "fr-FR"), ("fr", "en"), ("de", "it")])
    doc = ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" '
           'xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="x" '
           f'source-language="{languages[0]}" target-language="{languages[1]}" '
           f'datatype="plaintext"><body>{"".join(units)}</body></file></xliff>\n')
    if rng.random() < 0.1:
        doc = doc[: rng.randint(0, len(doc))]
    return {"file.xlf": doc.encode("utf-8")}


def _po_string(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") \
        .replace("\t", "\\t").replace("\r", "")


def po(rng: random.Random) -> dict[str, bytes]:
    entries = ['msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
               '"Language: fr\\n"\n']
    for _ in range(rng.randint(0, 5)):
        flags = "#, fuzzy\n" if rng.random() < 0.2 else ""
        entries.append(f'{flags}msgid "{_po_string(_text(rng, 2))}"\n'
                       f'msgstr "{_po_string(_text(rng, 2))}"\n')
    text = "\n".join(entries)
    if rng.random() < 0.1:
        text = text[: rng.randint(0, len(text))]
    return {"messages.po": text.encode("utf-8")}


def table(rng: random.Random) -> dict[str, bytes]:
    kind = rng.choice(["tsv", "csv"])
    sep = "\t" if kind == "tsv" else rng.choice([",", ";"])
    header = rng.choice([["en-GB", "fr-FR"], ["en", "fr", "note"], ["source", "target"]])
    rows = [sep.join(header)]
    for _ in range(rng.randint(0, 6)):
        cells = [_text(rng, rng.randint(0, 2)).replace("\n", " ").replace(sep, " ")
                 for _ in range(rng.randint(1, len(header) + 1))]
        if kind == "csv" and rng.random() < 0.3:
            cells = [f'"{c}"' for c in cells]
        rows.append(sep.join(cells))
    return {f"table.{kind}": "\n".join(rows).encode("utf-8")}


def xlsx(rng: random.Random) -> dict[str, bytes]:
    import xlsxwriter

    data = io.BytesIO()
    book = xlsxwriter.Workbook(data, {"in_memory": True})
    sheet = book.add_worksheet()
    sheet.write_string(0, 0, rng.choice(["en-GB", "en", "source"]))
    sheet.write_string(0, 1, rng.choice(["fr-FR", "fr", "target"]))
    for row in range(1, rng.randint(1, 6)):
        for col in range(2):
            text = "".join(ch for ch in _text(rng, rng.randint(0, 2)) if ch.isprintable())
            if text:
                sheet.write_string(row, col, text)
    book.close()
    raw = data.getvalue()
    if rng.random() < 0.15:  # a damaged archive
        cut = rng.randint(0, len(raw))
        raw = raw[:cut] + bytes(rng.randint(0, 255) for _ in range(8)) + raw[cut + 8:]
    if rng.random() < 0.05:  # a zip that is not a workbook
        other = io.BytesIO()
        with zipfile.ZipFile(other, "w") as archive:
            archive.writestr("readme.txt", "not a workbook")
        raw = other.getvalue()
    return {"table.xlsx": raw}


GENERATORS: dict[str, Callable[[random.Random], dict[str, bytes]]] = {
    "dump": dump, "parallel": parallel, "tmx": tmx, "xliff": xliff, "po": po,
    "table": table, "xlsx": xlsx,
}


def check_run(kind: str, seed: int, directory: Path) -> str:
    """Build the files of one generated input; ``"units"``, ``"empty"`` or ``"refused"``.
    Raises (the test fails) on anything else: a traceback, a broken account, an output file
    left behind by a refused run, or a written memory whose units the account does not
    hold."""
    rng = random.Random(f"{kind}-{seed}")
    files = GENERATORS[kind](rng)
    paths = []
    for name, data in files.items():
        path = directory / name
        path.write_bytes(data)
        paths.append(path)
    out = directory / "out.tmx"
    report = directory / "rejects.tsv"
    inputs = [directory] if kind == "parallel" else paths
    try:
        summary = build(inputs, out, rejects_path=report, allow_empty=rng.random() < 0.5,
                        dedupe=rng.choice(["exact", "normalised", "none"]),
                        segment=rng.choice(["sentence", "paragraph", "clause"]))
    except InputError as exc:
        message = str(exc)
        assert "\n" not in message and message.strip(), repr(message)
        assert not out.exists() and not report.exists(), "a refused run left an output"
        return "refused"
    accounts = summary.accounts
    assert accounts.read == accounts.in_units + accounts.rejected
    assert (summary.units_written > 0) == (accounts.in_units > 0)
    assert out.exists() and report.exists()
    return "units" if summary.units_written else "empty"
