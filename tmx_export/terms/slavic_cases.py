"""Citation forms in Polish, Czech, Slovak, Croatian and Slovene: a term seen only in an
oblique case or in the plural (Polish "Oceanu Arktycznego", of the Arctic Ocean; "państw
członkowskich", of the Member States; Czech "Společné rady"; Slovak "Európskej únie";
Croatian "Europske zajednice") is cited as a termbase writes it, in the nominative singular
("Ocean Arktyczny", "państwo członkowskie", "Společná rada", "Európska únia", "Europska
zajednica"). These languages have no article: a treaty writes most terms in the genitive,
so the form seen most is seldom the citation form.

The head is the first noun, and the adjectives before it agree with it; in Polish so do
the adjectives right after it ("Ocean Arktyczny"), where in the others a word after
the head begins its complement ("oblast volného moře"). The adjectives take the nominative
of the head's gender, told by its lemma's ending; the complement is kept as seen
("Konwencja Narodów Zjednoczonych", "procedura oceny zgodności"). Where a word cannot be
told apart (a participle, a noun declined as an adjective, a name in the plural, a head
whose gender its ending does not tell or that an adjective's ending contradicts) the term
is kept as seen: a half-made form is worse than an oblique one."""

from __future__ import annotations

from dataclasses import dataclass

from ..frequencies import zipf as zipf_frequency
from .candidates import WORD, Extractor, Token
from .forms import rewritten, shared_start, with_ending


@dataclass(frozen=True)
class _Rules:
    """What a language's adjectives and nouns look like. ``adjectives``: an adjective
    lemma's last letter -> the endings its forms have after the lemma's stem, and its
    nominatives singular (masculine, feminine, neuter) in the same way. ``genders``: an
    adjective's ending -> the genders of the nouns it may agree with in the singular
    ("-ej" is feminine). ``plural``: an adjective's endings no singular has, which a name in
    the plural keeps ("Narodów Zjednoczonych"). ``oblique``: an adjective's endings no noun
    in the nominative has. ``verbs``: a verb's lemma endings (never a noun's head).
    ``feminine``, ``neuter``, ``masculine``: the lemma endings that tell a noun's gender
    (:func:`_gender`)."""

    adjectives: dict[str, tuple[frozenset[str], tuple[str, str, str]]]
    genders: dict[str, str]
    plural: tuple[str, ...]
    oblique: tuple[str, ...]
    verbs: tuple[str, ...]
    feminine: tuple[str, ...]
    neuter: tuple[str, ...]
    masculine: tuple[str, ...]
    after_head: bool = False  # adjectives after the head agree with it (Polish)
    # a head with no adjective is made nominative too (Polish: there simplemma's lemmas of
    # verbs end as no noun's, "-ć"; a Czech verb's "-t" ends nouns too, "stát", state, and
    # "plní" would be cited "plnit")
    alone: bool = False
    nouns: tuple[str, ...] = ()  # nouns' lemma endings that adjectives' have too
    # Croatian and Slovene adjectives may have an indefinite lemma ("znanstven", "lokalan",
    # "skupen"), the stem of their forms ("znanstvenih", "lokalnog", "skupnega") with its
    # last vowel dropped or not: they are read by the forms of the lemmas in "-i", and cited
    # in their definite forms, as a termbase writes a term ("znanstveni program"). A
    # masculine noun's lemma ends so too ("propis", "plan"): only the endings no noun has
    # make such a word an adjective ("propisi", "plana" are nouns)
    indefinite: tuple[str, ...] = ()
    soft_neuter: tuple[str, ...] = ()  # stems whose neuter ends in "-e" ("riblje")
    # nouns' lemma endings whose oblique forms may be the lemma (Czech "Evropské unie",
    # "námořním zařízení"): such a head with adjectives in another case is made nominative
    one_form: tuple[str, ...] = ()


def _endings(text: str) -> frozenset[str]:
    return frozenset(text.split())


_RULES = {
    "pl": _Rules(
        # (masculine persons' plural in "-i": "wybrani", "Arbitrzy wybrani")
        adjectives={"y": (_endings("y a e i ego emu ym ej ą ych ymi"), ("y", "a", "e")),
                    # soft stems ("ostatni"), and "-ki"/"-gi" ("europejski": _nominative)
                    "i": (_endings("i a e ego emu im ej ą ich imi ie ia iego iemu iej ią"),
                          ("i", "ia", "ie"))},
        genders={"a": "f", "ia": "f", "ej": "f", "iej": "f", "ą": "f", "ią": "f",
                 "ego": "mn", "iego": "mn", "emu": "mn", "iemu": "mn"},
        plural=("ych", "ich", "ymi", "imi"),
        oblique=("ne", "ny", "na", "ego", "emu", "ym", "im", "ej", "ych", "ich", "ymi", "imi"),
        verbs=("ać", "ić", "yć", "eć", "ąć", "uć", "ować"),
        feminine=("a", "ść"), neuter=("o", "e", "ę", "ium", "eum", "rum"),
        masculine=("b", "d", "f", "g", "h", "k", "ł", "m", "n", "p", "r", "s", "t", "z", "ch",
                   "j"),
        after_head=True, alone=True),
    "cs": _Rules(
        adjectives={"ý": (_endings("ý á é ého ému ém ým ou í ých ými"), ("ý", "á", "é")),
                    "í": (_endings("í ího ímu ím ích ími"), ("í", "í", "í"))},
        genders={"ou": "f", "ého": "mn", "ému": "mn", "ém": "mn", "ího": "mn", "ímu": "mn"},
        plural=("ých", "ými", "ích", "ími"),
        oblique=("ého", "ému", "ém", "ých", "ými", "ího", "ímu", "ích", "ími"),
        verbs=(),  # "-t" ends nouns too ("stát", state)
        feminine=("a", "ost", "ice", "ace", "uce", "nce", "ie", "se"),
        neuter=("o", "ium", "eum", "rum", "í"),
        masculine=("b", "d", "f", "g", "h", "k", "m", "n", "p", "r", "s", "t", "v", "z",
                   "ch", "j"),
        # nouns made of verbs and nouns in "-ství", "-ctví", which end as soft adjectives
        # do ("posuzování shody" is no "posuzování shoda", "společenství")
        nouns=("ání", "ení", "ění", "ití", "ytí", "utí", "etí", "ství", "ctví", "dí"),
        one_form=("í", "e", "ě")),
    "sk": _Rules(
        adjectives={"ý": (_endings("ý á é ého ému om ým ej ú ou í ých ými"), ("ý", "á", "é")),
                    # after a long syllable ("európsky")
                    "y": (_endings("y a e eho emu om ym ej u ou i ych ymi"), ("y", "a", "e")),
                    "í": (_endings("í ia ie ieho iemu om ím ej iu ou ích ími"),
                          ("í", "ia", "ie"))},
        genders={"á": "f", "a": "f", "ia": "f", "ej": "f", "ú": "f", "u": "f", "iu": "f",
                 "ou": "f", "ého": "mn", "eho": "mn", "ieho": "mn", "ému": "mn", "emu": "mn",
                 "iemu": "mn"},
        plural=("ých", "ými", "ych", "ymi", "ích", "ími"),
        oblique=("ého", "ému", "ých", "ými", "eho", "emu", "ych", "ymi", "ej"),
        verbs=("ať", "iť", "eť", "uť", "yť", "ýť", "ieť", "ovať"),
        feminine=("a", "osť"), neuter=("o", "e", "ium", "eum", "rum"),
        masculine=("b", "d", "f", "g", "h", "k", "m", "n", "p", "r", "s", "t", "v", "z",
                   "ch", "j")),
    "hr": _Rules(
        adjectives={"i": (_endings("i a o e u og oga om ome omu oj im ima ih eg ega em emu"),
                          ("i", "a", "o"))},
        genders={"a": "f", "oj": "f", "u": "f", "og": "mn", "oga": "mn", "omu": "mn",
                 "ome": "mn", "eg": "mn", "ega": "mn", "emu": "mn", "i": "m"},
        plural=("ih", "ima"),
        oblique=("og", "oga", "om", "ome", "omu", "oj", "ih", "ima"),
        verbs=("ati", "iti", "eti", "uti", "ći"),
        feminine=("a", "ost"), neuter=("o", "e"),
        masculine=("b", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z"),
        indefinite=("og", "oga", "ome", "omu", "oj", "ih", "im", "eg", "ega", "emu"),
        soft_neuter=("c", "č", "ć", "đ", "j", "š", "ž")),
    "sl": _Rules(
        adjectives={"i": (_endings("i a o e ega emu em im ih imi ima"), ("i", "a", "o"))},
        genders={"a": "f", "o": "f", "ega": "mn", "emu": "mn"},
        plural=("ih", "imi"),
        oblique=("ega", "emu", "em", "ih", "imi"),
        verbs=("ati", "iti", "eti", "uti", "či"),
        # (and nouns in "-ev", "storitev", and a few of the "-i" declension, "pot")
        feminine=("a", "ost", "ev", "pot", "stvar", "noč", "misel", "smrt", "čast", "oblast",
                  "pamet", "zavest", "sol", "jesen", "pomlad"), neuter=("o", "e"),
        masculine=("b", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z"),
        indefinite=("ega", "emu", "ih", "im", "imi"), soft_neuter=("c", "č", "j", "š", "ž")),
}

# Polish: the case of an adjective after the head, by its ending, and how the head ends
# then: "-ego" (genitive singular, masculine or neuter) with "Oceanu", "państwa"; "-ych"
# (genitive or locative plural) with "państw", "zasobów", "organizacji", "jednostek". A head
# ending otherwise is not the adjective's: it belongs to a complement.
_NOUN_AFTER_CASE = {
    "ego": ("u", "a"), "emu": ("owi", "u"), "ej": ("y", "i", "e"), "ą": ("ę", "ą"),
    "ym": ("e", "u", "em", "om"), "ych": ("", "ów", "ach", "i", "y", "ek"),
    "ymi": ("ami", "mi"), "e": ("y", "i", "e", "a"),
}
# Polish: a word after the head ending so that is no adjective agreeing with it (a
# participle, "objętego"; a noun declined as an adjective, "przewodniczącego"; a participle
# of a name, "Zjednoczone") leaves the term as seen.
_PL_OBLIQUE_AFTER = ("ego", "emu", "ym", "im", "ej", "ą", "ych", "ich", "ymi", "imi", "one",
                     "ony", "ona", "ane", "any", "ana", "ęte", "ęty", "ęta", "ące", "ący",
                     "ąca")
# Adjectives that are mostly nouns declined as adjectives ("danych", of the data: "dane",
# not "dany", given), which never agree with a head before them ("wymiany danych")
_NOUN_ADJECTIVES = frozenset("""dany przewodniczący chory bezrobotny ubezpieczony oskarżony
pozwany zatrudniony małoletni pełnoletni""".split())
# Lemmas simplemma gives for the forms of another word: "połowy" (catches, of "połów") read
# as "połowa" (half)
_MISREAD_LEMMAS = frozenset({"połowa"})
# Nouns in "-a" that are masculine (persons), whose adjectives are masculine
_MASCULINE_IN_A = frozenset("""mężczyzna kolega poeta sędzia starosta wojewoda turysta
obrońca předseda""".split())
# A noun's plural endings, which a name keeps ("Narodów Zjednoczonych" has no singular)
_PLURAL_NOUN = ("ów", "ami", "ach", "om", "ů", "ům", "ech", "ách", "ov", "och")
# A Polish noun made of a verb, in every case ("zarządzanie", "monitorowania")
_PL_VERBAL_NOUN_FORMS = tuple(stem + ending for stem in ("ni", "ci")
                              for ending in ("e", "a", "u", "em", "ach", "ami", "om"))
_PL_VERBAL_NOUN_FORMS_LONGEST = tuple(sorted(_PL_VERBAL_NOUN_FORMS, key=len, reverse=True))
# Nouns made of verbs, which simplemma reads as the verb: their lemma's endings
_VERBAL_NOUN = {"pl": ("nie", "cie"), "cs": ("ní", "tí"), "sk": ("nie", "tie"),
                "hr": ("nje", "će"), "sl": ("nje", "tje")}


def slavic_nominative(form: str, extractor: Extractor) -> str:
    """``form`` with its head noun and the adjectives agreeing with it in the nominative
    singular, or as seen where a word cannot be told apart."""
    rules = _RULES[extractor.lang]
    tokens = extractor.tokens(form)
    at = 0
    while at < len(tokens) and _adjective(tokens[at], rules):
        at += 1
    if at == len(tokens) or any(token.kind != WORD or token.breaks
                                for token in tokens[:at + 1]):
        return form  # no noun after the adjectives, or a code or a mark among them
    head = tokens[at] = _verbal_noun(tokens[at], extractor.lang)
    if not _trusted(head, extractor, rules) or not (at or rules.alone):
        return form
    end = at + 1
    if rules.after_head:
        while end < len(tokens) and not tokens[end].breaks and _adjective(tokens[end], rules):
            end += 1
        if (end < len(tokens) and tokens[end].lower.endswith(_PL_OBLIQUE_AFTER)
                and not _noun_of_its_own(tokens[end], rules)):
            return form  # a participle or an adjective of another noun right after them
    if head.lower == head.piece and not head.piece.endswith(rules.one_form):
        # the nominative singular already, or a form simplemma took for its lemma (Croatian
        # "instrumenata")
        return form
    added = head.lower[shared_start(head.lower, head.piece):]
    if end < len(tokens) and len(added) > 1 and tokens[end].lower.endswith(added):
        return form  # a noun in apposition, in the head's case ("državami članicami")
    agreeing = tokens[:at] + tokens[at + 1:end]
    gender = _gender(head.piece, rules)
    if agreeing and (gender is None or not all(_agrees(token, head, gender, rules)
                                               for token in agreeing)):
        return form  # adjectives whose nominative the head does not tell
    if any(token.capital for token in agreeing + [head]) and (
            added.endswith(_PLURAL_NOUN)
            or any(_ending(token, rules).endswith(rules.plural) for token in agreeing)):
        return form  # a name in the plural ("Narodów Zjednoczonych", "Spojených národů")
    words = {id(head): _written(head.piece, head, form)}
    for token in agreeing:
        words[id(token)] = _written(_nominative(token, gender or "m", rules), token, form)
    return rewritten(form, tokens, words)


def _noun_of_its_own(token: Token, rules: _Rules) -> bool:
    """Whether a word that ends as a participle or an adjective may ("-ony", "-ą") is a
    noun by its lemma, of a gender its ending tells: Polish "ochrony" of "ochrona"
    (protection), which made DGT-TM's "środki ochrony" (management measures) read as
    "środki" before a participle, and kept as seen. A participle's lemma is its verb's
    ("objętego", "objąć") or an adjective's ("Zjednoczonych", "zjednoczony")."""
    return (token.lower != token.piece and not token.piece.endswith(rules.verbs)
            and token.piece[-1:] not in rules.adjectives and _gender(token.piece, rules)
            is not None)


def _nominative(token: Token, gender: str, rules: _Rules) -> str:
    """An adjective's nominative singular in a gender, from its stem: "arktyczny" ->
    "arktyczna", "arktyczne"; "europejski" -> "europejska", "europejskie"; "ostatni" ->
    "ostatnia", "ostatnie"; Czech "severní" in every gender; Croatian "lokalnog" (lemma
    "lokalan") -> "lokalni", "lokalna", "lokalno", "ribljih" -> "riblje"."""
    stem, key = _stem(token, rules)  # type: ignore[misc]
    masculine, feminine, neuter = rules.adjectives[key][1]
    if feminine == "ia" and stem.endswith(("k", "g")):
        feminine = "a"  # a hard stem before the "-i" ("europejska", "długa")
    if stem.endswith(rules.soft_neuter) and rules.soft_neuter:
        neuter = "e"
    return stem + {"m": masculine, "f": feminine, "n": neuter}[gender]


def _stem(token: Token, rules: _Rules) -> tuple[str, str] | None:
    """The stem of an adjective's form and the last letter of the lemma it is read by
    ("arktycznym" of "arktyczny": "arktyczn", "y"), or ``None`` for a word that is no
    adjective: by its lemma's ending and its own after the stem. Not a noun whose lemma is
    a plural ("drzwi", "obrady": "obrad" has no ending) nor a participle, whose lemma is
    its verb's ("objętym" of "objąć")."""
    lemma = token.piece
    if token.kind != WORD or len(lemma) < 4 or lemma in _NOUN_ADJECTIVES \
            or lemma.endswith(rules.nouns) or lemma.endswith(rules.verbs):
        return None
    if lemma[-1] in rules.adjectives:
        stems, endings = [(lemma[:-1], lemma[-1])], rules.adjectives[lemma[-1]][0]
        if rules.indefinite and lemma[-2] in "mh":
            return None  # a form simplemma took for its lemma ("domorodnimi")
    elif rules.indefinite and lemma[-1] not in "aeiou":
        # "znanstven" -> "znanstven-", "lokalan" -> "lokaln-", "skupen" -> "skupn-"
        stems = [(lemma, "i")] + ([(lemma[:-2] + lemma[-1], "i")] if lemma[-2] in "ae"
                                  else [])
        endings = frozenset(rules.indefinite)
    else:
        return None
    for stem, key in stems:
        if token.lower.startswith(stem) and token.lower[len(stem):] in endings:
            return stem, key
    return None


def _verbal_noun(head: Token, lang: str) -> Token:
    """``head`` with the nominative singular of a Polish noun made of a verb as its lemma,
    where simplemma gives the verb's ("uznawaniu", "uznawać" -> "uznawanie";
    "monitorowania", "monitorować" -> "monitorowanie"; "przyjęcia" -> "przyjęcie"): such
    a noun is neuter, in "-nie" or "-cie", and its adjectives agree with it ("wzajemnym
    uznawaniu" -> "wzajemne uznawanie"). On DGT-TM 2019 EN-PL, "mutual recognition" and
    "Monitoring" were cited in the locative and the genitive, as seen."""
    if not noun_of_verb(head.lower, head.piece, lang):
        return head
    for form in _PL_VERBAL_NOUN_FORMS_LONGEST:
        if head.lower.endswith(form):
            return head._replace(piece=head.lower[:len(head.lower) - len(form) + 2] + "e")
    return head


def noun_of_verb(lower: str, lemma: str, lang: str) -> bool:
    """Whether the Polish word ``lower`` is a noun made of a verb and simplemma's ``lemma``
    that verb ("zarządzanie", management, -> "zarządzać", to manage): the noun is then
    cited as seen, never as the verb. (Not the term rules' ``verb_lemma_endings``, which
    would drop those nouns as verbs.)"""
    return (lang == "pl" and lemma.endswith(_RULES["pl"].verbs)
            and lower.endswith(_PL_VERBAL_NOUN_FORMS))


def _adjective(token: Token, rules: _Rules) -> bool:
    """Whether a word is an adjective (:func:`_stem`)."""
    return _stem(token, rules) is not None


def _ending(token: Token, rules: _Rules) -> str:
    """An adjective's ending after its stem."""
    stem = _stem(token, rules)
    return token.lower[len(stem[0]):] if stem else ""


def _agrees(adjective: Token, head: Token, gender: str, rules: _Rules) -> bool:
    """Whether an adjective may agree with the head: its ending allows the head's gender
    (Slovak "Spoločnej rady" is no form of "rad", masculine: simplemma's lemma of "rady"),
    and in Polish, where a head's complement may begin with an adjective ("środki [ochrony
    roślin]"), its case is the head's by their endings (see :data:`_NOUN_AFTER_CASE`)."""
    ending = _ending(adjective, rules)
    if gender not in rules.genders.get(ending, gender):
        return False
    if not rules.after_head:
        return True
    if ending in ("im", "ich", "imi"):
        ending = "y" + ending[1:]
    elif ending.startswith("i") and len(ending) > 1:
        ending = ending[1:]
    endings = _NOUN_AFTER_CASE.get(ending)
    if endings is None:
        return False  # a nominative singular ("-a", "-y") beside a head that is none
    added = head.lower[shared_start(head.lower, head.piece):]
    # (the stem may change before the ending: "Radzie" of "rada", "zasobów" of "zasób")
    return any(added.endswith(end) if end else not added for end in endings)


def _gender(lemma: str, rules: _Rules) -> str | None:
    """A noun's gender by its lemma's ending (Polish "-a" and "-ość" feminine, "-o", "-e",
    "-ę", "-um" neuter, a hard consonant masculine); ``None`` where the ending does not
    tell ("noc" and "koc", "sieć")."""
    if lemma in _MASCULINE_IN_A or lemma.endswith(("ista", "ysta")):
        return "m"
    if lemma.endswith(rules.feminine):
        return "f"
    if lemma.endswith(rules.neuter):
        return "n"
    return "m" if lemma.endswith(rules.masculine) else None


def _trusted(head: Token, extractor: Extractor, rules: _Rules) -> bool:
    """Whether simplemma's lemma of the head is the word with another ending: they share
    three letters and all of the lemma but its last three ("zasobów" / "zasób", "Stron" /
    "strona"), the lemma is a word of the language and its own lemma. Not "art" for
    "artykuł", nor "środków" for "środki", nor a noun made of a verb read as the verb
    ("zarządzanie" -> "zarządzać"), nor an adjective read as a noun ("telekomunikacyjne" ->
    "telekomunikacja")."""
    lower, lemma = head.lower, head.piece
    if len(lower) < 4 or lemma in _MISREAD_LEMMAS or (
            lemma.endswith(rules.verbs) and not lemma.endswith("ść")):
        return False  # an abbreviation ("ust." for "ustęp", not "usta"), or a verb's form
    same = shared_start(lower, lemma)
    if same < 3 or len(lemma) - same > 3 or len(lower) - same > 4 \
            or lower[same:].endswith(rules.oblique):
        return False
    if zipf_frequency(lemma, extractor.lang) == 0:
        return False
    again = extractor.tokens(lemma)
    # (simplemma reads a noun made of a verb as the verb: "postanowienie" -> "postanowić")
    return len(again) == 1 and (again[0].piece == lemma
                                or lemma.endswith(_VERBAL_NOUN[extractor.lang]))


def _written(word: str, token: Token, form: str) -> str:
    """``word`` written as the token is in ``form`` ("WSPÓLNEJ" -> "WSPÓLNA")."""
    return with_ending(word, token.lower, form[token.start:token.end])


# The languages of these rules
SLAVIC = frozenset(_RULES)
