"""CAT tool profiles: how to write a TMX each tool imports without fuss.

A profile is data: how language codes are spelled, which header attributes to write, and
what to avoid. The TMX writer applies it (:func:`lang_code`, :attr:`Profile.header`,
:func:`keep_prop`). Each choice carries its reason, and whether it was verified with the
tool itself (OmegaT 3.6, by the project's conformance runs) or follows the tool's
documentation and common practice (Trados Studio and memoQ are not available here).

``generic``  TMX 1.4b as the standard has it; the safest choice when the tool is unknown.
``omegat``   OmegaT 3.6 and later.
``trados``   Trados Studio (TMX import into a file-based TM).
``memoq``    memoQ (TMX import into a TM).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..lang import parse_tag


@dataclass(frozen=True, slots=True)
class Profile:
    """What one CAT tool needs from a TMX file."""

    name: str
    # "bcp47": en-GB (language lower case, region upper case, hyphen);
    # "upper": EN-GB (as Trados and Euramis exports write them).
    lang_style: str
    # Whether a bare language ("en") must get a region ("en-GB") for the tool to accept it.
    region_required: bool
    header: dict[str, str] = field(default_factory=dict)
    # prop types never to write (the tool gives them a meaning that breaks matching)
    forbidden_props: frozenset[str] = frozenset()
    # whether the tool reads a gzip-compressed memory (memory.tmx.gz) as it is: if not, such
    # an output is refused before any work (check_output)
    gzip_ok: bool = False
    # the most languages a unit may hold for the tool to import it (None: any number)
    max_languages: int | None = None
    # whether a unit of build --langs must hold every language asked for (else rejected)
    all_languages: bool = False
    # (choice, reason, verified) for the README
    notes: tuple[tuple[str, str, bool], ...] = ()


PROFILES: dict[str, Profile] = {
    "generic": Profile(
        name="generic",
        lang_style="bcp47",
        region_required=False,
        header={"o-tmf": "tmx-export"},
        forbidden_props=frozenset({"file"}),
        gzip_ok=True,
        notes=(
            ("language codes as BCP 47 (en-GB)",
             "TMX 1.4b specifies RFC 3066 codes (BCP 47's predecessor); OmegaT, memoQ and "
             "translate-toolkit read this spelling", True),
            ("no <prop type=\"file\">",
             "harmless elsewhere but breaks OmegaT; nothing is lost by leaving it out", True),
            (".tmx.gz allowed",
             "the tool is not known: the output is compressed when its name asks for it, "
             "as OmegaT reads it (the memoq profile refuses it)", True),
        ),
    ),
    "omegat": Profile(
        name="omegat",
        lang_style="bcp47",
        region_required=False,
        header={"o-tmf": "tmx-export"},
        forbidden_props=frozenset({"file"}),
        gzip_ok=True,
        all_languages=True,
        notes=(
            ("language codes en-GB / fr-FR, never en_GB or eng/fra",
             "OmegaT matches the part before the first non-word character against the "
             "project language, case-insensitively: 'en_GB' is one word and 'eng' is not "
             "'en', so such units are never used (verified with OmegaT 3.6)", True),
            ("header srclang always written",
             "without it OmegaT 3.6 fails with a NullPointerException and drops the file",
             True),
            ("xml:lang on every tuv", "one tuv without a language drops the whole file", True),
            ("no <prop type=\"file\">",
             "OmegaT treats such units as context-bound alternative translations and fills "
             "nothing from them (0 of 6 segments in the conformance run)", True),
            ("header segtype=\"paragraph\", each other unit's own kind on its <tu>",
             "OmegaT 3.6 reads only the header's segtype; it re-segments the units of a "
             "paragraph file into sentences (whole when the sentences do not pair up) and "
             "uses those of any other file whole, so a two-sentence unit in a 'sentence' "
             "file never matches (verified with OmegaT 3.6)", True),
            ("no line break or padding inside <seg>",
             "OmegaT matches literally: a newline inside a segment means 0 matches", True),
            (".tmx.gz allowed", "OmegaT reads *.tmx.gz in tm/ folders", True),
            ("build --langs: every language in every unit (one lacking a language is a "
             "missing-languages reject, as with --require-all-langs)",
             "from a unit without the project's target language OmegaT takes the unit's "
             "other languages as translations: a German text filled a French segment "
             "(verified with OmegaT 3.6)", True),
        ),
    ),
    "trados": Profile(
        name="trados",
        lang_style="bcp47",
        region_required=True,
        header={"datatype": "xml", "o-tmf": "tmx-export"},
        forbidden_props=frozenset({"file"}),
        gzip_ok=True,
        notes=(
            ("a region on every language code (en-GB, not en)",
             "Trados Studio TMs are created for specific locales; a generic 'en' has to be "
             "mapped by hand on import (documentation and common practice, not verified "
             "here)", False),
            ("user props written as x-... types",
             "Studio imports unknown props as custom fields only when the TM defines them; "
             "others are ignored, never an error (not verified here)", False),
            ("header datatype=\"xml\"",
             "the value Trados Studio writes in its own TMX exports, so the file looks like "
             "one of its own; the segments themselves are plain text either way (not "
             "verified here)", False),
            (".tmx.gz allowed",
             "Trados imports TM content from *.tmx and *.tmx.gz files (RWS documentation, "
             "not verified here)", False),
        ),
    ),
    "memoq": Profile(
        name="memoq",
        lang_style="bcp47",
        region_required=False,
        header={"o-tmf": "tmx-export"},
        forbidden_props=frozenset({"file"}),
        max_languages=2,
        notes=(
            ("exactly two languages per unit (build --langs with more is refused), codes "
             "en-GB / fr-FR",
             "memoQ reads TMX 1.1 to 1.4b and asks the user to map two of the file's "
             "languages to the TM's; standard codes make its automatic mapping work "
             "(memoQ documentation, not verified here)", False),
            ("user props written as x-... types",
             "memoQ can map TMX props to custom metadata fields defined in the TM; "
             "unmapped ones are skipped (memoQ documentation, not verified here)", False),
            ("no .tmx.gz (-o memory.tmx.gz is refused before any work)",
             "memoQ imports TMX files into a TM and names no compressed form; a .tmx.gz "
             "would have to be uncompressed by hand first (memoQ documentation, not "
             "verified here)", False),
        ),
    ),
}


def get_profile(name: str) -> Profile:
    """The profile called ``name`` (``ValueError`` listing the known ones otherwise)."""
    try:
        return PROFILES[name]
    except KeyError:
        raise ValueError(f"unknown profile {name!r}; expected one of "
                         f"{', '.join(PROFILES)}") from None


def lang_code(code: str, profile: Profile) -> str:
    """``code`` spelled as ``profile`` wants it; ``ValueError`` if the tool cannot use it.

    >>> lang_code("en_gb", PROFILES["omegat"])
    'en-GB'
    """
    tag_ = parse_tag(code)
    if tag_ is None or tag_.private or tag_.variants:
        raise ValueError(f"{code!r} is not a language code of the form ll or ll-RR")
    if profile.region_required and not tag_.region:
        raise ValueError(f"the {profile.name} profile needs a region in language codes "
                         f"({tag_.language}-XX, e.g. en-GB), got {code!r}")
    tag = "-".join(part for part in (tag_.language, tag_.script, tag_.region) if part)
    return tag.upper() if profile.lang_style == "upper" else tag


def check_output(name: str, profile: Profile) -> None:
    """``ValueError`` with the reason when ``profile``'s tool cannot read a memory named
    ``name``: a compressed one (``.gz``) for a tool that reads no ``.tmx.gz``."""
    if name.lower().endswith(".gz") and not profile.gzip_ok:
        plain = name[:-3] if name[:-3].lower().endswith(".tmx") else name[:-3] + ".tmx"
        raise ValueError(f"the {profile.name} profile writes no compressed memory: its tool "
                         f"reads no .tmx.gz; name the output {plain}")


def keep_prop(prop_type: str, profile: Profile) -> bool:
    """Whether a ``<prop>`` of this type may be written for ``profile``."""
    return prop_type not in profile.forbidden_props


def readme_section() -> str:
    """The README text documenting each profile's choices (generated from the data)."""
    lines = ["### CAT tool profiles (`--profile`)", ""]
    for profile in PROFILES.values():
        lines.append(f"**{profile.name}**")
        lines.append("")
        for choice, reason, verified in profile.notes:
            mark = "" if verified else " *(not verified with the tool)*"
            lines.append(f"- {_code(choice)}: {_code(reason)}.{mark}")
        lines.append("")
    return "\n".join(lines)


def _code(text: str) -> str:
    """Markup in the notes as Markdown code, so that renderers show it instead of eating it."""
    return re.sub(r"(<[^<>]+>)", r"`\1`", text)
