"""CI helper: rebuild every given TMX through `tmx-export build`, in its own languages.

Each file is rebuilt from its header's source language to French where it has French, else
to the language most of its units also carry, and the outputs' paths are printed one per
line for the validator. Real TMX from other tools (the LISA compliance kit, DGT-TM
exports) must come back as valid TMX 1.4b.
"""

import re
import sys
from collections import Counter
from pathlib import Path

from tmx_export.formats.tmx import iter_units, read_tmx_header
from tmx_export.lang import primary as primary_subtag
from tmx_export.pipeline import build

_CODE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z]{2})?$")


def languages(path: Path) -> tuple[str, str] | None:
    source = read_tmx_header(path).get("srclang", "")
    counts: Counter[str] = Counter()
    for unit in iter_units(path):
        counts.update({tuv.lang for tuv in unit.tuvs})
    if primary_subtag(source) in ("", "*all*"):
        source = counts.most_common(1)[0][0] if counts else ""
    # French where there is French (the project's pair), else the commonest other language
    # with a proper code (DGT-TM also has "BG-01"-style tags, refused as codes).
    others = [lang for lang, _ in counts.most_common()
              if primary_subtag(lang) != primary_subtag(source) and _CODE.match(lang)]
    others.sort(key=lambda lang: primary_subtag(lang) != "fr")
    if not others:  # en-US -> en-GB files: another region of the same language
        others = [lang for lang in counts if lang.lower() != source.lower() and _CODE.match(lang)]
    return (source, others[0]) if source and others else None


def main() -> None:
    out_dir = Path(sys.argv[1])
    for name in sys.argv[2:]:
        path = Path(name)
        langs = languages(path)
        if langs is None:
            print(f"skipped (one language only): {path}", file=sys.stderr)
            continue
        out = out_dir / f"rebuilt-{path.parent.name}-{path.stem}.tmx"
        # Nothing is cleaned away: the kit's test units repeat their source on purpose.
        summary = build([path], out, source_lang=langs[0], target_lang=langs[1], clean=None)
        print(f"{path}: {langs[0]} -> {langs[1]}, {summary.units_written} units",
              file=sys.stderr)
        print(out)


if __name__ == "__main__":
    main()
