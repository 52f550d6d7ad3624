"""Polish citation forms: a term seen only in an oblique case or in the plural ("Oceanu
Arktycznego", of the Arctic Ocean; "państw członkowskich", of the Member States; "Wspólnej
Rady") is cited as a Polish termbase writes it, in the nominative singular ("Ocean
Arktyczny", "państwo członkowskie", "Wspólna Rada"). Polish has no article: the text of a
treaty writes most terms in the genitive, so the form seen most is seldom the citation form.

The head is the first noun; the adjectives right before it and right after it agree with
it and take the nominative of its gender, told by its lemma's ending; what follows them (a
complement in the genitive: "ocena zgodności", "Konwencja Narodów Zjednoczonych") is kept
as seen. Where a word cannot be told apart (a participle, a noun declined as an adjective,
a name in the plural, a head whose gender its ending does not tell) the term is kept as
seen: a half-made form is worse than an oblique one."""

from __future__ import annotations

from ..frequencies import zipf as zipf_frequency
from .candidates import WORD, Extractor, Token
from .forms import rewritten, shared_start, with_ending

# An adjective's endings after its stem (its lemma less the last "-y"/"-i"): "arktyczn-ego",
# "europejsk-ą", "ostatn-iej".
_ADJECTIVE_ENDINGS = frozenset(
    "y i a e ego emu ym im ej ą ych ich ymi imi ie ia iego iemu iej ią".split())
# An adjective's oblique endings, which no noun in the nominative has: a word after the
# head ending so that is no adjective agreeing with it (a participle, "objętego"; a noun
# declined as an adjective, "przewodniczącego"; a participle of a name, "Zjednoczone")
# leaves the term as seen.
_OBLIQUE_ADJECTIVE = ("ego", "emu", "ym", "im", "ej", "ą", "ych", "ich", "ymi", "imi", "one",
                      "ony", "ona", "ane", "any", "ana", "ęte", "ęty", "ęta", "ące", "ący",
                      "ąca")
# The case of an adjective, by its ending, and how the noun it agrees with ends then: "-ego"
# (genitive singular, masculine or neuter) with "Oceanu", "państwa"; "-ych" (genitive or
# locative plural) with "państw", "zasobów", "organizacji", "jednostek". A noun ending
# otherwise is not the adjective's head: the adjective belongs to a complement
# ("zarządzania wspólnymi zasobami").
_NOUN_AFTER_CASE = {
    "ego": ("u", "a"), "emu": ("owi", "u"), "ej": ("y", "i", "e"), "ą": ("ę", "ą"),
    "ym": ("e", "u", "em", "om"), "ych": ("", "ów", "ach", "i", "y", "ek"),
    "ymi": ("ami", "mi"), "e": ("y", "i", "e", "a"),
}
# Plural endings of a noun, which a name keeps ("Narodów Zjednoczonych" has no singular)
_PLURAL_NOUN = ("ów", "ami", "ach", "om")
# Adjectives that are mostly nouns declined as adjectives ("danych", of the data: "dane",
# not "dany", given), which never agree with a head before them ("wymiany danych")
_NOUN_ADJECTIVES = frozenset("""dany przewodniczący chory bezrobotny ubezpieczony oskarżony
pozwany zatrudniony małoletni pełnoletni""".split())
# Lemmas simplemma gives for the forms of another word: "połowy" (catches, of "połów") read
# as "połowa" (half)
_MISREAD_LEMMAS = frozenset({"połowa"})
# A head's ending beyond its lemma that is an adjective's: simplemma read an adjective as
# a noun ("telekomunikacyjne" -> "telekomunikacja")
_ADJECTIVE_ADDED = ("ne", "ny", "na", "ego", "emu", "ym", "im", "ej", "ych", "ich", "ymi",
                    "imi")
# Masculine nouns in "-a" (persons), whose adjectives are masculine
_MASCULINE_IN_A = frozenset("""mężczyzna kolega poeta sędzia starosta wojewoda turysta
obrońca przedstawiciel""".split())


def polish_nominative(form: str, extractor: Extractor) -> str:
    """``form`` with its head noun and the adjectives agreeing with it in the nominative
    singular, or as seen where a word cannot be told apart."""
    tokens = extractor.tokens(form)
    at = 0
    while at < len(tokens) and _adjective(tokens[at]):
        at += 1
    if at == len(tokens) or any(token.kind != WORD or token.breaks
                                for token in tokens[:at + 1]):
        return form  # no noun after the adjectives, or a code or a mark among them
    head = tokens[at]
    if head.lower == head.piece or not _trusted(head, extractor):
        return form  # already the nominative singular, or nothing sure to make it so
    end = at + 1
    while end < len(tokens) and not tokens[end].breaks and _adjective(tokens[end]):
        end += 1
    if end < len(tokens) and tokens[end].lower.endswith(_OBLIQUE_ADJECTIVE):
        return form  # a participle or an adjective of another noun right after them
    agreeing = tokens[:at] + tokens[at + 1:end]
    gender = _gender(head.piece)
    if agreeing and (gender is None or not all(_agrees(token, head) for token in agreeing)):
        return form  # adjectives whose nominative the head does not tell
    if head.capital and (head.lower[shared_start(head.lower, head.piece):].endswith(_PLURAL_NOUN)
                         or any(_case(token) in ("ych", "ymi") for token in agreeing)):
        return form  # a name in the plural ("Narodów Zjednoczonych")
    words = {id(head): _written(head.piece, head, form)}
    for token in agreeing:
        words[id(token)] = _written(_adjective_form(token.piece, gender or "m"), token, form)
    return rewritten(form, tokens, words)


def _adjective(token: Token) -> bool:
    """Whether a word is an adjective by its lemma ("-y", "-i") and its ending after the
    lemma's stem ("arktycznym" of "arktyczny"). Not a noun whose lemma is a plural
    ("drzwi", "obrady": "obrad" has no ending) nor a participle, whose lemma is its verb's
    ("objętym" of "objąć")."""
    lemma = token.piece
    if token.kind != WORD or len(lemma) < 4 or lemma[-1] not in "yi" \
            or lemma in _NOUN_ADJECTIVES:
        return False
    stem = lemma[:-1]
    return token.lower.startswith(stem) and token.lower[len(stem):] in _ADJECTIVE_ENDINGS


def _case(token: Token) -> str:
    """An adjective's ending as a key of :data:`_NOUN_AFTER_CASE` (soft stems' "-iego"
    read "-ego", "-im" "-ym", "-ich" "-ych")."""
    ending = token.lower[len(token.piece) - 1:]
    if ending in ("im", "ich", "imi"):
        return "y" + ending[1:]
    return ending[1:] if ending.startswith("i") and len(ending) > 1 else ending


def _agrees(adjective: Token, head: Token) -> bool:
    """Whether an adjective's case may be the head's, by their endings (see
    :data:`_NOUN_AFTER_CASE`)."""
    endings = _NOUN_AFTER_CASE.get(_case(adjective))
    if endings is None:
        return False  # a nominative singular ("-a", "-y") beside a head that is none
    added = head.lower[shared_start(head.lower, head.piece):]
    # (the stem may change before the ending: "Radzie" of "rada", "zasobów" of "zasób")
    return any(added.endswith(ending) if ending else not added for ending in endings)


def _gender(lemma: str) -> str | None:
    """A noun's gender by its lemma's ending: "-a" and "-ość" feminine, "-o", "-e", "-ę",
    "-um" neuter, a hard consonant masculine; ``None`` where the ending does not tell
    ("noc" and "koc", "sieć"), or for a verb ("-ć")."""
    if lemma in _MASCULINE_IN_A or lemma.endswith(("ista", "ysta")):
        return "m"
    if lemma.endswith(("a", "ść")):
        return "f"
    if lemma.endswith(("o", "e", "ę", "um")):
        return "n"
    if lemma.endswith(("ch", "j")) or lemma[-1:] in "bdfghkłmnprstz":
        return "m"
    return None


def _adjective_form(lemma: str, gender: str) -> str:
    """An adjective's nominative singular in a gender, from its lemma (the masculine):
    "arktyczny" -> "arktyczna", "arktyczne"; "europejski" -> "europejska", "europejskie";
    "ostatni" -> "ostatnia", "ostatnie"."""
    if gender == "m":
        return lemma
    stem, hard = lemma[:-1], lemma.endswith("y") or lemma[-2:-1] in ("k", "g")
    if gender == "f":
        return stem + ("a" if hard else "ia")
    return stem + ("e" if lemma.endswith("y") else "ie")


def _trusted(head: Token, extractor: Extractor) -> bool:
    """Whether simplemma's lemma of the head is the word with another ending: they share
    three letters and all of the lemma but its last three ("zasobów" / "zasób", "Stron" /
    "strona"), the lemma is a word of the language and its own lemma. Not "art" for
    "artykuł", nor "środków" for "środki", nor a verbal noun read as its verb
    ("zarządzanie" -> "zarządzać")."""
    lower, lemma = head.lower, head.piece
    if len(lower) < 4 or lemma.endswith("ć") and not lemma.endswith("ść") \
            or lemma in _MISREAD_LEMMAS:
        return False  # an abbreviation ("ust." for "ustęp", not "usta"), or a verb's form
    same = shared_start(lower, lemma)
    if same < 3 or len(lemma) - same > 3 or len(lower) - same > 4 \
            or lower[same:].endswith(_ADJECTIVE_ADDED):
        return False
    if zipf_frequency(lemma, "pl") == 0:
        return False
    again = extractor.tokens(lemma)
    # (simplemma reads a noun made of a verb as the verb: "postanowienie" -> "postanowić")
    return len(again) == 1 and (again[0].piece == lemma or lemma.endswith(("nie", "cie"))
                                and again[0].piece.endswith("ć"))


def _written(word: str, token: Token, form: str) -> str:
    """``word`` written as the token is in ``form`` ("WSPÓLNEJ" -> "WSPÓLNA")."""
    return with_ending(word, token.lower, form[token.start:token.end])
