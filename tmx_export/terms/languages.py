"""What term extraction knows of each language: the words that bound a term, where its
head sits, and the words that link a head to its complement.

English and French have hand-made lists (:mod:`.stopwords`). German, Spanish, Italian,
Portuguese and Dutch have hand-made function words too, and their own linking words;
every other language simplemma lemmatises gets a language-independent fallback: its
most frequent words in wordfreq's list (which ship in its wheel) bound the terms, which are
then the runs of other words, as in English. Nothing is downloaded.

Two shapes of terms:

* head last (English, German, Dutch, the Nordic and Slavic languages...): a run of content
  words, the modifiers before the head noun ("value chain", "gewerbliche Fischerei");
  German and Dutch write most compounds as one word ("Wertschöpfungskette"), which is then
  one candidate;
* head first (French, Spanish, Italian, Portuguese): the head noun, its adjectives after it,
  and complements after a linking word ("chaîne de valeur", "pesca exploratoria", "catena
  del valore"); the linking words sit inside a term, never at its edge, and are written one
  way in its key ("des" -> "de", "della" -> "di").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..lang import primary
from .stopwords import FR_CONNECTOR_ARTICLES, FR_CONNECTOR_KEY, FR_CONNECTORS, STOP


@dataclass(frozen=True)
class TermLanguage:
    """One language's term rules.

    ``stop``: lemmas (lower-cased) that end a candidate. ``head_first``: the head noun comes
    first (Romance languages). ``connectors``: linking words inside a head-first term, each
    with how its key writes it; ``articles``: articles allowed right after the connectors of
    ``article_after`` ("de la", "à la"), left out of the key (the elided words split off a
    token are :func:`tmx_export.lang.elisions`'). ``complement_links``: in a head-last
    language, the words that link a noun to its complement in a term ("of": "code of
    conduct"; "into": "entry into force").
    ``verb_lemma_endings``: lower-case words whose lemma ends so are verbs, never terms
    (German and Dutch infinitives; their nouns are written otherwise or capitalised).
    """

    code: str
    stop: frozenset[str]
    head_first: bool = False
    connectors: dict[str, str] | None = None
    articles: frozenset[str] = frozenset()
    article_after: frozenset[str] = frozenset()
    verb_lemma_endings: tuple[str, ...] = ()
    hand_made: bool = True  # False: the wordfreq fallback
    lemma_lang: str = ""  # simplemma's code for the language, when it differs ("hbs")
    # simplemma's greedy mode, which also takes compounds apart to find their lemma
    # ("Hochseegewässern" -> "Hochseegewässer"): for the languages that write compounds as
    # one word
    greedy: bool = False
    # one word for what other languages say in several ("Fischbestand", "stock de
    # poissons"): the pairing then does not prefer the other side's one-word terms
    compounds: bool = False
    # nouns written with a capital (German): a word is lemmatised as written, so that the
    # noun "Verkehr" is not taken for the verb "verkehr(en)"
    cased_nouns: bool = False
    # head-last languages: lemmas of the words that link a head noun to a complement after
    # it ("code of conduct", "Court of Justice"), kept in the key as written
    complement_links: frozenset[str] = frozenset()

    @property
    def lemmas(self) -> str:
        """The language code simplemma lemmatises with."""
        return self.lemma_lang or self.code

    def connector_key(self, lower: str) -> str | None:
        """How the linking word ``lower`` is written in a key; ``None`` if it is none."""
        return None if self.connectors is None else self.connectors.get(lower)


# --- hand-made function words --------------------------------------------------------------

_DE = """
der die das des dem den ein eine einer eines einem einen kein keine keiner keines keinem
keinen und oder aber sowie sondern denn doch als auch nicht nur noch schon so wie wenn dass
daß ob weil da damit obwohl sofern soweit sodass in im ins an am ans auf aus bei beim bis
durch für gegen mit nach ohne seit über um unter von vom vor zu zum zur zwischen während
wegen gemäß laut trotz innerhalb außerhalb oberhalb unterhalb sich sie er es ihr ihre ihren
ihrem ihrer ihres sein seine seinen seinem seiner seines wir uns unser unsere unseren
unserem unserer ich mich mir du dich dir man dieser diese dieses diesem diesen jener jene
jenes welche welcher welches welchem welchen alle allen aller alles jede jeder jedes jedem
jeden andere anderen anderer anderes anderem derselbe dieselbe dasselbe derjenige
diejenige ist sind war waren wird werden wurde wurden worden haben hat hatte hatten kann
können konnte konnten muss müssen musste soll sollen sollte sollten darf dürfen will wollen
mag möchte bereits ferner insbesondere jedoch gegebenenfalls hierzu hiermit dabei dafür
damit darin darauf davon dazu hierbei etwa bzw usw ggf sehr mehr weniger viel viele
einige mehrere beide sowohl weder hier dort dann nun jetzt heute immer nie auch ebenso
folgende folgenden folgender folgendes genannte genannten betreffend betreffenden
jeweilige jeweiligen entsprechend entsprechenden
mal wieder ganz also einfach selbst wo nichts nicht wer warum weiter wirklich wohl
vielleicht einmal genau gar natürlich gleich fast eigentlich ja zwei drei vier fünf
einerseits andererseits ungeachtet falls abwechselnd hinsichtlich bezüglich mittels anhand
zufolge infolge vorliegend vorliegenden nachstehend vorstehend daher deshalb somit hierfür
ebenfalls zudem außerdem lediglich ausschließlich unverzüglich
"""

_ES = """
de del la las el los lo un una unos unas y e o u ni que en a al con por para sin sobre
entre desde hasta hacia según durante mediante ante bajo tras su sus se le les me te nos os
mi mis tu tus este esta estos estas ese esa esos esas aquel aquella aquellos aquellas esto
eso cual cuales quien quienes cuyo cuya cuyos cuyas como cuando donde si no más menos muy
ya también así solo sólo es son ser está están estar ha han haber hay sido fue fueron será
serán sea sean puede pueden podrá deberá debe deben todo toda todos todas otro otra otros
otras cada dicho dicha dichos dichas mismo misma mismos mismas dicho siguiente siguientes
cualquier ninguno ninguna algún alguna algunos algunas ambos ambas
él ella ellos ellas yo tú usted ustedes nosotros nosotras vosotros nuestro nuestra
nuestros nuestras pero porque aunque sino pues mientras entonces además aquí allí ahí
luego hoy siempre nunca nada algo alguien nadie tan tanto mucho muchos mucha muchas poco
bien mal mejor peor ahora antes después casi dentro fuera aún todavía qué cómo cuál dónde
cuándo uno dos tres cuatro cinco seis siete ocho nueve diez tal presente obstante salvo
conforme respecto hecho hacer decir ir dar ver creer parecer tener tiene tienen tendrá
tendrán tenga tengan hará harán haga hagan podrán podría podrían pueda puedan deberán
debería deberían deba deban
"""

_IT = """
di del dello della dei degli delle dell da dal dallo dalla dai dagli dalle dall in nel nello
nella nei negli nelle nell a al allo alla ai agli alle all con su sul sullo sulla sui sugli
sulle sull per tra fra il lo la i gli le l un uno una e ed o od né che non più meno come se
anche già solo ogni tutto tutti tutta tutte altro altri altra altre questo questa questi
queste quello quella quelli quelle suo sua suoi sue loro si ci vi ne è sono essere stato
stata stati state hanno ha avere può possono deve devono dovrà sarà saranno qualsiasi
ciascun ciascuno ciascuna entrambi seguente seguenti medesimo cui quale quali
io tu lui lei noi voi egli ella esso essa essi esse mio mia tuo tua nostro nostra vostro
ma però perché quando dove così poi ancora molto poco sempre mai ora qui quindi inoltre
tuttavia nonché presente fatto nonostante salvo conforme entro decorrere alcuno alcuni
alcune nessuno nessuna qualcuno niente nulla stesso stessa tale tali verso durante
mediante circa oltre sotto sopra dentro fuori uno due tre quattro cinque dieci fare
dire andare vedere potrà potranno possa possano potrebbe potrebbero dovranno dovrebbe
dovrebbero debba debbano
"""

_PT = """
de do da dos das o a os as um uma uns umas e ou nem que em no na nos nas num numa ao aos à
às com por pelo pela pelos pelas para sem sobre entre até desde não mais menos muito já
também se seu sua seus suas este esta estes estas esse essa esses essas isto isso aquele
aquela aqueles aquelas qual quais como quando onde é são ser foi foram será serão seja
sejam está estão estar ter tem têm há pode podem deve devem todo toda todos todas outro
outra outros outras cada mesmo mesma mesmos mesmas seguinte seguintes qualquer ambos
ele ela eles elas eu você nós vós nosso nossa nossos nossas mas porque embora enquanto
então além aqui ali lá hoje sempre nunca nada algo alguém ninguém tão tanto muito muitos
muita muitas pouco bem mal melhor agora antes depois quase dentro fora ainda presente
obstante salvo conforme feito fazer dizer ir dar ver um dois três quatro cinco poderá
poderão possa possam poderia poderiam deverá deverão deva devam deveria deveriam
"""

_NL = """
de het een en of in op aan van voor met door bij uit naar over tot om te als dat die dit
deze zijn is was waren worden wordt werd werden geworden heeft hebben had hadden kan kunnen
moet moeten mag mogen zal zullen zou zouden niet geen ook al nog wel zo er hij zij ze wij we
u hun haar hen ons onze mijn welke wie wat waar wanneer hoe alle elke ieder iedere andere
dan maar want noch zowel tussen tegen onder boven na sinds zonder volgens binnen buiten
betreffende overeenkomstig krachtens reeds bovendien echter daarom hierbij daarvan
"""

_ES_CONNECTORS = {"de": "de", "del": "de"}
_IT_CONNECTORS = {"di": "di", "del": "di", "dello": "di", "della": "di", "dei": "di",
                  "degli": "di", "delle": "di", "dell'": "di", "d'": "di"}
_PT_CONNECTORS = {"de": "de", "do": "de", "da": "de", "dos": "de", "das": "de"}

_HAND_MADE = {
    "en": TermLanguage("en", STOP["en"], complement_links=frozenset({"of", "into"})),
    "fr": TermLanguage("fr", STOP["fr"], head_first=True,
                       connectors={w: FR_CONNECTOR_KEY[w] for w in FR_CONNECTORS},
                       articles=FR_CONNECTOR_ARTICLES, article_after=frozenset({"de", "à"})),
    "de": TermLanguage("de", frozenset(_DE.split()), verb_lemma_endings=("en", "ern", "eln"),
                       greedy=True, compounds=True, cased_nouns=True),
    "es": TermLanguage("es", frozenset(_ES.split()) - set(_ES_CONNECTORS), head_first=True,
                       connectors=_ES_CONNECTORS,
                       articles=frozenset({"la", "las", "los", "el"}),
                       article_after=frozenset({"de"})),
    "it": TermLanguage("it", frozenset(_IT.split()) - {c.rstrip("'") for c in _IT_CONNECTORS},
                       head_first=True, connectors=_IT_CONNECTORS),
    "pt": TermLanguage("pt", frozenset(_PT.split()) - set(_PT_CONNECTORS), head_first=True,
                       connectors=_PT_CONNECTORS),
    "nl": TermLanguage("nl", frozenset(_NL.split()), verb_lemma_endings=("en",), greedy=True,
                       compounds=True),
}

# The fallback's stop words: a language's most frequent words (function words, and the most
# general verbs and nouns).
FALLBACK_STOP_WORDS = 200

# ... and, for some fallback languages, the linking words of legal prose that are rarer than
# that but never terms: postpositions and adverbs ("mukaisesti", in accordance with;
# "osalta", as regards), the words of fixed phrases ("i enlighet med", "å ... vägnar", "i
# synnerhet", "μεταξύ άλλων", "λαμβάνοντας υπόψη") and abbreviations of them ("ds." for
# "do spraw" in "Komitet ds. Handlu", paired as "Komitet ds" with "Committee"). Found in
# the terms of the DGT-TM units (FI-SV, PL-EN, EL-EN), where they were paired as terms.
_FALLBACK_EXTRA = {
    "fi": """
mukaisesti mukainen mukaan osalta varten nojalla perusteella jäljempänä edellä puolesta
muassa vuoksi erityisesti lukien kanssa koskien koskeva koskevat tarkoitettu välillä
aikana kuluessa jälkeen ennen mennessä sijaan lisäksi kuitenkin ainoastaan esimerkiksi
siten tällöin tarvittaessa viipymättä mahdollisimman yhteydessä johdosta takia kautta
avulla ohella asti saakka huolimatta sekä
""",
    "sv": """
enlighet avseende vägnar synnerhet bland därför beträffande angående gällande enligt
genom mellan inom utan trots efter före sedan dock även också endast samt respektive
såsom ovan nedan härmed därmed varvid emellertid särskilt eventuellt nämligen
""",
    "pl": """
ds zgodnie zgodny zarówno niezależnie wyłącznie odpowiednio dotyczący dotycząca dotyczące
dotyczącej dotyczących odnoszące odnośnie również także jednak jednakże oraz lub albo
bądź przez między wobec podczas według wraz względem poprzez
""",
    "el": """
σύμφωνα σχετικά εν λαμβάνοντας υπόψη άλλων μεταξύ καθώς επίσης ωστόσο εντός εκτός κατά
μέσω βάσει δυνάμει ιδίως αντίστοιχα ανωτέρω κατωτέρω εξής ως αυτός όλος κανένας οποίος
ίδιος άλλος ένας πολύς λίγος αφενός αφετέρου διαφορετικά τριάντα
""",
}


@lru_cache(maxsize=32)
def term_language(lang: str) -> TermLanguage | None:
    """The term rules of ``lang`` (a tag); ``None`` when terms cannot be extracted in it
    (simplemma has no lemmas for it, or wordfreq no word list)."""
    code = primary(lang)
    if code in _HAND_MADE:
        return _HAND_MADE[code]
    lemma_lang = _SIMPLEMMA_CODES.get(code, code)
    if lemma_lang not in _simplemma_languages():
        return None
    from ..frequencies import LIST_ALIASES, listed_languages, top_words

    if code not in listed_languages():
        return None
    try:
        stop = frozenset(word.lower() for word in top_words(LIST_ALIASES.get(code, code),
                                                            FALLBACK_STOP_WORDS))
    except LookupError:
        return None
    stop |= frozenset(_FALLBACK_EXTRA.get(code, "").split())
    return TermLanguage(code, stop, hand_made=False,
                        lemma_lang=lemma_lang if lemma_lang != code else "",
                        compounds=code in _COMPOUNDING,
                        verb_lemma_endings=_VERB_LEMMA_ENDINGS.get(code, ()))


# Fallback languages whose verbs have lemmas of their own ending, which nouns lack: Greek
# verbs are cited in the first person ("υπογράφω", "αφορώ"). On the DGT-TM units 59 of
# 482 EL-EN pairs were verbs ("αφορώ" -> "Parties", "υπογράφω" -> "sign").
_VERB_LEMMA_ENDINGS = {"el": ("ω", "ώ")}


# Other languages that write compounds as one word.
_COMPOUNDING = frozenset("sv da nb nn no is fi et hu".split())


# simplemma's codes where they are not the language's own: Serbo-Croatian for Croatian,
# Bosnian and Serbian (Latin script).
_SIMPLEMMA_CODES = {"hr": "hbs", "bs": "hbs", "sr": "hbs"}


@lru_cache(maxsize=1)
def _simplemma_languages() -> frozenset[str]:
    from simplemma.strategies.dictionaries.dictionary_factory import SUPPORTED_LANGUAGES

    return frozenset(SUPPORTED_LANGUAGES)


def term_languages() -> list[str]:
    """The languages with hand-made rules (others may have the fallback)."""
    return sorted(_HAND_MADE)
