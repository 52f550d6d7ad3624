"""Words that bound candidate terms, per language.

Two kinds of words end a candidate term: function words (articles, pronouns, prepositions,
auxiliaries...) and general-language words that are never terms on their own nor inside one
in the texts this tool is fed (parliamentary and legal prose): reporting verbs ("stresses",
"souligne"), evaluative adjectives ("important", "crucial"), vague nouns ("way", "fait").
The lists hold lemmas as simplemma returns them, lower-cased, so every inflected form is
covered; hand-made, because nothing may be downloaded at run time.
"""

from __future__ import annotations

_EN_FUNCTION = """
a about above across after again against ago all almost along already also although always
am among amongst an and another any anybody anyone anything anyway anywhere are around as at
away be because been before behind being below beside besides between beyond both but by can
cannot could did do does doing done down during each either else enough even ever every
everybody everyone everything everywhere except few for from further had has have having he
her here hers herself him himself his how however i if in indeed inside instead into is it
its itself just least less let like many may me might mine more moreover most much must my
myself near neither never nevertheless no nobody none nor not nothing now nowhere of off
often on once one only onto or other others otherwise ought our ours ourselves out outside
over own per perhaps rather s same several shall she should since so some somebody someone
something sometimes somewhat somewhere such than that the their theirs them themselves then
there thereby therefore these they this those though through throughout thus to together too
toward towards under unless until up upon us very via was we well were what whatever when
whenever where whereas whether which while who whoever whole whom whose why will with within
without would yet you your yours yourself yourselves mr mrs ms madam sir dr ladies gentlemen
yes ok etc e.g i.e de la le du des der van von
pursuant thereof therein thereto hereby herein hereinafter hereto whereby notwithstanding
two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred
thousand million billion
despite regarding unlike versus amid whilst beneath alongside underneath till
"""

# General verbs, adjectives, adverbs and vague nouns of debate and legal prose. The free
# evaluative and pointing adjectives among them ("appropriate", "healthy", "former",
# "following") go with any noun: inside a run they made terms of their own of a term and
# themselves ("healthy marine ecosystem" beside "marine ecosystem", issue 11).
_EN_GENERAL = """
able accept achieve  add address admit adopt affect agree aim allow announce  appear
apply appreciate approve argue arise ask assume attempt avoid base become begin believe bring
call carry cause  check choose claim clear close come concern conclude confirm consider
contain continue contribute create deal decide declare deliver  describe deserve
develop draw emphasise emphasize enable encourage ensure establish examine exist expect
explain express face fail fall feel find follow forget get give go grow guarantee happen hear
help hold hope identify illustrate imagine improve include  indicate inform insist
intend introduce invite involve keep know lay lead learn leave like live look lose make mean
meet mention mind move need note obtain occur offer open oppose pass pay place play point
pose present prevent promote propose protect prove provide publish put question raise reach read
realise realize receive recognise recognize recommend reduce refer reflect regard reject
remain remember remind reply  require respect respond   say see seek seem
send serve set share show sit solve speak stand start  stay stop stress submit suggest
 suppose take talk tell tend thank think touch try turn understand urge   want
wish wonder  write
able actual additional adequate appropriate available bad basic best better big certain
clear concerned considerable crucial current different difficult due early easy
effective entire excellent existing extremely fair fine full
good great grave huge important impossible large last late little long low main major
many necessary new next numerous old only open particular past poor possible present previous
real recent relevant responsible right serious short significant similar simple small
specific strong sure true various vital whole wide wrong
former following healthy proper reasonable satisfactory sufficient suitable timely
actually already certainly clearly currently especially exactly finally firstly fully
greatly hence highly largely likely mainly merely nearly obviously particularly precisely
probably quite really recently secondly simply slightly so solely soon still strongly surely
today tomorrow unfortunately yesterday
case fact hand instance kind lot manner matter means moment number part point problem
question regard respect sort thing time view way word year day week month
amend repeal relate accordance basis behalf light order addition
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
"""

_FR_FUNCTION = """
à a afin ai aie aient aies ainsi ait alors as au aucun aucune auquel aussi autant autre autres
aux auxquelles auxquels avaient avais avait avant avec avez aviez avions avoir avons ayant bien
c ça car ce ceci cela celle celles celui cependant certes ces cet cette ceux chacun chacune
chaque chez ci comme comment d dans de depuis des desquelles desquels dès donc dont du duquel
elle elles en encore entre es est et étaient étais était étant été êtes étions être eu eue
eues eurent eus eut eux fait faire fois font furent fut hors ici il ils j je jusqu jusque l
la laquelle le lequel les lesquelles lesquels leur leurs lors lorsque lui m ma mais me même
mêmes mes moi moins mon n ne ni non nos notre nôtre nous on ont or ou où par parce parmi pas
pendant peu peut peuvent plus plusieurs pour pourquoi pourtant puis puisque qu quand que quel
quelle quelles quels qui quoi s sa sans se selon ser seront ses si sien sienne soi soient
sois soit sommes son sont sous suis sur t ta te tel telle telles tels tes toi ton tous tout
toute toutes très tu un une unes uns vers via voici voilà vos votre vôtre vous y
monsieur madame messieurs mesdames m. mme mm
deux trois quatre cinq six sept huit neuf dix onze douze vingt trente quarante cinquante cent
mille million milliard
après auprès contre derrière devant durant envers environ hormis malgré moyennant nonobstant
outre quant sauf voire lorsqu puisqu quoique tandis concernant
"""

# simplemma gives some feminine and plural forms a lemma of their own ("certaines" ->
# "certains", "différentes" -> "différents", "nouvelles" -> "nouvelle"): those are listed
# beside the masculine singular, as are the determiners "divers", "quelques".
_FR_GENERAL = """
accepter accorder adopter affirmer agir aider aimer ajouter aller apparaître appeler apporter
apprendre approuver arriver assurer attendre avoir chercher commencer comprendre compter
concerner conclure confirmer connaître considérer constater continuer contribuer convenir
croire décider déclarer demander dépendre devenir devoir dire donner écouter entendre
espérer essayer estimer être éviter exister expliquer exprimer falloir faire féliciter finir
garantir indiquer insister inviter laisser lire manquer mener mettre montrer noter obtenir
offrir oublier paraître parler partager passer penser permettre placer porter poser pouvoir
prendre préciser présenter prévoir proposer recevoir reconnaître regretter relever remercier
rendre répondre rester revenir réussir savoir sembler soulever souhaiter souligner suivre
tenir tenter trouver venir viser voir vouloir
actuel autre bon certain clair important grand nouveau nombreux possible dernier
nécessaire particulier petit seul simple tel différent difficile
grave principal prochain réel sérieux suivant vrai
certains différents claire nouvelle divers quelque quelques
présent présente
actuellement aujourd'hui hier demain certainement clairement également enfin notamment
particulièrement seulement simplement surtout toujours vraiment déjà ailleurs beaucoup
d'abord ensuite tellement trop tant assez
chose façon fait manière moment question sorte point part cas égard mot an année jour
semaine mois fois sein travers lieu vue raison cours ailleurs
no nº n° conformément respectivement uniquement directement immédiatement principalement
suffisamment effectivement rapidement vivement évidemment totalement largement pleinement
janvier février mars avril mai juin juillet août septembre octobre novembre décembre
lundi mardi mercredi jeudi vendredi samedi dimanche
"""

# French words that may sit inside a term between nouns/adjectives ("chaîne de valeur",
# "conseiller à la sécurité", "mise en œuvre"); they never start or end one.
# Upper-case words that are headings, not acronyms ("THE", "DE"); any other all-capital
# word of 2-5 letters is an acronym and a content word ("CE" is not the pronoun "ce").
HEADING_WORDS = frozenset(
    "the and of for to in on a an or by at with de la le les des du et en au aux à un une "
    "pour par sur dans ou".split()
)
FR_CONNECTORS = frozenset({"de", "d'", "du", "des", "à", "au", "aux", "en"})
# Articles allowed right after "de"/"à" inside a term ("politique de la concurrence").
FR_CONNECTOR_ARTICLES = frozenset({"la", "l'"})
# How a connector is written in a lemma key, so "chaînes des valeurs" and "chaîne de valeur"
# share the key "chaîne de valeur".
FR_CONNECTOR_KEY = {"de": "de", "d'": "de", "du": "de", "des": "de", "à": "à", "au": "à",
                    "aux": "à", "en": "en", "la": "", "l'": ""}

# Words that head no term in a head-first language, though they may end one: "relatif"
# ("relative à", relating to) starts no candidate, but stays in "stabilité relative".
NOT_HEAD = {"fr": frozenset({"relatif"})}
# Ordinals of a head-first language, by lemma ending and as whole lemmas: content words that
# may start a term ("sixième programme-cadre") but stand before a noun as an article does,
# so the noun after one is still in head position: "rapport périodique" in "le sixième
# rapport périodique" heads its phrase as in "son rapport périodique". Taken for a modifier,
# it was paired in too few head positions ever to be linked, and "periodic report" went to
# "sixième rapport". "premier" is one too, as "first" is in English: a stop word, it cut
# "première lecture" to "lecture", paired with "first reading"; alone it is no term
# (NOT_ALONE). ("dernier" and "prochain" are stop words.)
ORDINALS = {"fr": (("ième",), frozenset({"second", "premier"}))}


def is_ordinal(piece: str, lang: str) -> bool:
    """Whether the key piece ``piece`` is an ordinal of ``lang`` (:data:`ORDINALS`)."""
    ordinals = ORDINALS.get(lang)
    return ordinals is not None and (piece.endswith(ordinals[0]) or piece in ordinals[1])
# Prepositional locutions of a head-first language, as key pieces ("en matière de", "au titre
# de", "en vertu de", "dans le cadre de"): their noun starts no term there, where it only
# links the words around it ("exigences en matière d'assurance"), though it may elsewhere
# ("le cadre communautaire").
LOCUTIONS = {"fr": (("en", "matière"), ("à", "titre"), ("en", "vertu"),
                    ("dans", "le", "cadre"))}
# Vague nouns of a head-first language (stop words of its general list) that may still end
# a term as the complement of "de", with no article between: "ordre du jour" (agenda),
# "état des lieux". The vague noun starts no candidate and ends the one it is in, and the
# noun before it ends none there ("ordre" of "ordre du jour"); only where the expression
# recurs is it paired. Without them "ordre du jour" was no candidate, and "agenda" and
# "item" were paired with "ordre".
VAGUE_COMPLEMENTS = {"fr": ("de", frozenset({"jour", "vue", "lieu", "cours", "fait"}))}
# Nouns of a head-first language that make a fixed expression with a linking word and the
# noun after it, as key pieces: "mise en œuvre" (implementation), "mise en place", "mise en
# cause". Neither noun is a term there: the noun after the link starts no candidate and the
# first one ends none ("règle de mise" of "règle de mise en œuvre"), so the expression is
# paired whole: "œuvre" alone took "implementation" from "mise en œuvre" (and "uvre" in the
# Europarl dumps, which lost the "œ"). A third piece names the only noun after the link that
# makes the expression: "orden del día" (agenda), whose "día" ends no French-like list of
# vague nouns, as "jour" does (:data:`VAGUE_COMPLEMENTS`). On DGT-TM 2019, "agenda" was
# paired with Spanish "orden" and Italian "ordine", and "provisional agenda" with "día
# provisional" and "giorno provvisorio", halves of "orden del día provisional".
BOUND: dict[str, tuple[tuple[str, ...], ...]] = {
    "fr": (("mise", "en"),), "es": (("orden", "de", "día"),),
    "it": (("ordine", "di", "giorno"),), "pt": (("ordem", "de", "dia"),)}

# English nouns in "-ing" of general verbs ("meet", "read", "understand" are stop words
# above), which stand inside terms: "annual meeting", "memorandum of understanding",
# "lifelong learning", "standing committee", "burden sharing". As stop words they cut those
# terms, and "annual -> réunion annuelle", "memorandum -> protocole d'accord" were paired.
# General nouns alone, so in NOT_ALONE too (their plurals, which the lemmatiser reads as
# nouns, were no stop words: "meetings" could be a term alone, "meeting" not even inside one).
# Another verb's form in "-ing" stays a stop word ("laying down", "including").
EN_ING_NOUNS = frozenset("""
meeting reading opening understanding learning holding standing sharing offering lighting
""".split())

# Nouns whose lemma is a stop word ("goods" -> "good"): never stop words themselves.
NOT_STOP = frozenset({"goods", "means"}) | EN_ING_NOUNS

STOP = {
    "en": frozenset((_EN_FUNCTION + _EN_GENERAL).split()),
    "fr": frozenset((_FR_FUNCTION + _FR_GENERAL).split()) - FR_CONNECTORS,
}

# General nouns: fine inside a term ("rural development", "politique de la concurrence") but
# not terms on their own; single-word candidates with these lemmas are never paired.
NOT_ALONE = {
    "en": frozenset("""
situation conclusion country principle priority debate development vote road date force
level area sector measure step action process system problem issue aspect factor context
field term result effect role period position analysis basis change growth need opportunity
people person life world group member government state power interest idea example first
""".split()) | EN_ING_NOUNS,
    "fr": frozenset("""
situation conclusion pays principe priorité débat développement vote route date vigueur
niveau domaine secteur mesure étape action processus système problème aspect facteur
contexte terme résultat effet rôle période position analyse base changement croissance
besoin possibilité personne gens vie monde groupe membre gouvernement état pouvoir intérêt
idée exemple premier
""".split()),
}
