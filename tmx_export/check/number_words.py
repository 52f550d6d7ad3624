"""Numbers and months written as words, by language: what ``number-mismatch``
(:mod:`.numbers`) excuses a number with when the other side spells it out ("two" / "2",
"vingt et un" / "21", "dwóch" / "2", "January" / "1" in a date)."""

from __future__ import annotations


def _table(spec: str) -> dict[str, int]:
    """Words and their values; "stem(a|b|)" stands for the stem with each ending, so that
    the inflected forms of a language's number words fit in a line ("pierwsz(y|a|ego)")."""
    words = spec.split()
    table: dict[str, int] = {}
    for word, value in zip(words[::2], words[1::2], strict=True):
        stem, _, endings = word.partition("(")
        for ending in endings.rstrip(")").split("|") if endings else ("",):
            # as the text is read: casefolded ("dreißig" is "dreissig", Greek "τρεισ")
            table[(stem + ending).casefold()] = int(value)
    return table


# The endings of ordinals, which inflect like adjectives: Polish "pierwszy", "pierwszego";
# Czech "druhý", "druhého"; Slovak after a long syllable "piaty"; Latvian definite forms
# "pirmais", "trešajā"; Lithuanian "pirmas", "trečią", "devynioliktų".
_PL_HARD = "(y|a|e|ego|ej|emu|ym|ą|ych|ymi)"
_CS_HARD = "(ý|á|é|ého|ému|ém|ým|ou|ých|ými)"
_SK_HARD = "(ý|á|é|ého|ému|om|ým|ú|ou|ých|ými)"
_SK_SHORT = "(y|a|e|eho|emu|om|ym|u|ou|ych|ymi)"
_SL_ADJ = "(i|a|o|e|ega|emu|em|im|ih|imi)"
_HR_ADJ = "(i|a|o|e|og|oga|om|ome|omu|oj|u|im|ima|ih)"
_LV_DEF = "ais|ā|o|ajā|ajam|ajai|ie|ās|ajos|ajās|ajiem|ajām"  # bare: teens add "|"
_LT_ORD = "(as|a|o|ą|ame|ai|ų|ųjų|asis|oji|ojo|ajam|ajame|ąjį|ąją|ojoje|i|os|us|ieji)"

# Numbers written as words, by primary language (cardinals, ordinals, a few collectives).
# Words of value 100 and more multiply what comes before them ("deux cents", "five
# hundred"). Months are apart (MONTH_WORDS): they never combine with other words.
NUMBER_WORDS: dict[str, dict[str, int]] = {
    "en": _table(
        "zero 0 nil 0 one 1 two 2 three 3 four 4 five 5 six 6 seven 7 eight 8 nine 9 ten 10 "
        "eleven 11 twelve 12 thirteen 13 fourteen 14 fifteen 15 sixteen 16 seventeen 17 "
        "eighteen 18 nineteen 19 twenty 20 thirty 30 forty 40 fifty 50 sixty 60 seventy 70 "
        "eighty 80 ninety 90 hundred 100 thousand 1000 million 1000000 "
        "first 1 second 2 third 3 fourth 4 fifth 5 sixth 6 seventh 7 eighth 8 ninth 9 "
        "tenth 10 eleventh 11 twelfth 12 thirteenth 13 fourteenth 14 fifteenth 15 "
        "sixteenth 16 seventeenth 17 eighteenth 18 nineteenth 19 twentieth 20 thirtieth 30 "
        "fortieth 40 fiftieth 50 hundredth 100 thousandth 1000 once 1 twice 2 thrice 3 "
        "single 1 double 2 triple 3 dozen 12 noon 12 midday 12 midnight 0 half 50"),
    "fr": _table(
        "zéro 0 un 1 une 1 deux 2 trois 3 quatre 4 cinq 5 six 6 sept 7 huit 8 neuf 9 dix 10 "
        "onze 11 douze 12 treize 13 quatorze 14 quinze 15 seize 16 vingt 20 vingts 20 "
        "trente 30 quarante 40 cinquante 50 soixante 60 septante 70 huitante 80 octante 80 "
        "nonante 90 cent 100 cents 100 mille 1000 million 1000000 millions 1000000 "
        "premier 1 première 1 premiers 1 premières 1 unième 1 second 2 seconde 2 "
        "deuxième 2 troisième 3 quatrième 4 cinquième 5 sixième 6 septième 7 huitième 8 "
        "neuvième 9 dixième 10 onzième 11 douzième 12 treizième 13 quatorzième 14 "
        "quinzième 15 seizième 16 vingtième 20 trentième 30 quarantième 40 "
        "cinquantième 50 soixantième 60 centième 100 millième 1000 double 2 triple 3 "
        "douzaine 12 quinzaine 15 vingtaine 20 trentaine 30 centaine 100 millier 1000 "
        "midi 12 minuit 0 moitié 50 demi 50"),
    "de": _table(
        "null 0 ein 1 eine 1 eins 1 zwei 2 drei 3 vier 4 fünf 5 sechs 6 sieben 7 acht 8 "
        "neun 9 zehn 10 elf 11 zwölf 12 zwanzig 20 dreißig 30 vierzig 40 fünfzig 50 "
        "hundert 100 tausend 1000 erste 1 ersten 1 erster 1 zweite 2 zweiten 2 dritte 3 "
        "dritten 3 vierte 4 fünfte 5 zehnte 10 doppelt 2 hälfte 50 "
        "sechzehn 16 siebzehn 17 sechzig 60 siebzig 70 achtzig 80 neunzig 90"),
    "es": _table(
        "cero 0 uno 1 una 1 un 1 dos 2 tres 3 cuatro 4 cinco 5 seis 6 siete 7 ocho 8 "
        "nueve 9 diez 10 once 11 doce 12 veinte 20 treinta 30 cuarenta 40 cincuenta 50 "
        "cien 100 ciento 100 mil 1000 primero 1 primera 1 primer 1 segundo 2 segunda 2 "
        "tercero 3 tercera 3 tercer 3 cuarto 4 quinto 5 décimo 10 mitad 50 "
        "trece 13 catorce 14 quince 15 dieciséis 16 diecisiete 17 dieciocho 18 "
        "diecinueve 19 veintiuno 21 veintidós 22 veintitrés 23 veinticuatro 24 "
        "veinticinco 25 veintiséis 26 veintisiete 27 veintiocho 28 veintinueve 29 "
        "sesenta 60 setenta 70 ochenta 80 noventa 90"),
    "it": _table(
        "zero 0 uno 1 una 1 un 1 due 2 tre 3 quattro 4 cinque 5 sei 6 sette 7 otto 8 "
        "nove 9 dieci 10 undici 11 dodici 12 venti 20 trenta 30 quaranta 40 cinquanta 50 "
        "cento 100 mille 1000 primo 1 prima 1 secondo 2 seconda 2 terzo 3 terza 3 "
        "quarto 4 quinto 5 decimo 10 metà 50 tredici 13 quattordici 14 quindici 15 "
        "sedici 16 diciassette 17 diciotto 18 diciannove 19 ventuno 21 ventotto 28 "
        "sessanta 60 settanta 70 ottanta 80 novanta 90 mila 1000"),
    "nl": _table(
        "nul 0 een 1 één 1 twee 2 drie 3 vier 4 vijf 5 zes 6 zeven 7 acht 8 negen 9 tien 10 "
        "elf 11 twaalf 12 dertien 13 veertien 14 vijftien 15 zestien 16 zeventien 17 "
        "achttien 18 negentien 19 twintig 20 dertig 30 veertig 40 vijftig 50 zestig 60 "
        "zeventig 70 tachtig 80 negentig 90 honderd 100 duizend 1000 eerste 1 tweede 2 "
        "derde 3 vierde 4 vijfde 5 tiende 10 helft 50"),
    "pt": _table(
        "zero 0 um 1 uma 1 dois 2 duas 2 três 3 quatro 4 cinco 5 seis 6 sete 7 oito 8 "
        "nove 9 dez 10 onze 11 doze 12 treze 13 catorze 14 quinze 15 dezasseis 16 "
        "dezesseis 16 dezassete 17 dezessete 17 dezoito 18 dezanove 19 dezenove 19 "
        "vinte 20 trinta 30 quarenta 40 cinquenta 50 sessenta 60 setenta 70 oitenta 80 "
        "noventa 90 cem 100 cento 100 mil 1000 primeiro 1 primeira 1 segundo 2 segunda 2 "
        "terceiro 3 terceira 3 metade 50"),
    # not Swedish "andra" nor Danish "anden", "andet": "second", but "other" far more often
    "sv": _table(
        "noll 0 en 1 ett 1 två 2 tre 3 fyra 4 fem 5 sex 6 sju 7 åtta 8 nio 9 tio 10 elva 11 "
        "tolv 12 tretton 13 fjorton 14 femton 15 sexton 16 sjutton 17 arton 18 nitton 19 "
        "tjugo 20 trettio 30 fyrtio 40 femtio 50 sextio 60 sjuttio 70 åttio 80 nittio 90 "
        "hundra 100 tusen 1000 första 1 tredje 3 fjärde 4 femte 5 tionde 10"),
    "da": _table(
        "nul 0 en 1 et 1 to 2 tre 3 fire 4 fem 5 seks 6 syv 7 otte 8 ni 9 ti 10 elleve 11 "
        "tolv 12 tretten 13 fjorten 14 femten 15 seksten 16 sytten 17 atten 18 nitten 19 "
        "tyve 20 tredive 30 fyrre 40 halvtreds 50 tres 60 halvfjerds 70 firs 80 "
        "halvfems 90 hundrede 100 tusind 1000 første 1 tredje 3 fjerde 4 femte 5 tiende 10"),
    "el": _table(
        "μηδέν 0 ένα 1 μία 1 μια 1 δύο 2 τρία 3 τρεις 3 τέσσερα 4 τέσσερις 4 πέντε 5 έξι 6 "
        "επτά 7 εφτά 7 οκτώ 8 οχτώ 8 εννέα 9 εννιά 9 δέκα 10 έντεκα 11 δώδεκα 12 "
        "δεκατρία 13 δεκατέσσερα 14 δεκαπέντε 15 δεκαέξι 16 δεκαεπτά 17 δεκαοκτώ 18 "
        "δεκαεννέα 19 είκοσι 20 τριάντα 30 σαράντα 40 πενήντα 50 εξήντα 60 εβδομήντα 70 "
        "ογδόντα 80 ενενήντα 90 εκατό 100 χίλια 1000 χιλιάδες 1000 πρώτος 1 πρώτη 1 "
        "δεύτερος 2 δεύτερη 2 τρίτος 3 τρίτη 3"),
    # Central European, Baltic, Finnic, Romanian and Maltese numbers inflect, and a
    # treaty's closing formula writes its year with them ("dwa tysiące osiemnastego roku",
    # "kahe tuhande kaheksateistkümnenda aasta"): the forms of 1-12, the teens and the tens
    # in the cases they take, and the ordinals' forms. Left out where the word is more often
    # another word: Slovene and Croatian "drugi", Finnish "toinen", Estonian "teine" (all
    # "other"), Latvian "otrā", "pirms" ("before"), Romanian "nouă", "noua" ("new"), "opta"
    # ("to opt"), Estonian "kuus" ("in the month"), Finnish "yhtä" ("equally"), Maltese
    # "raba'" ("land"), Slovene "nič" ("nothing"), Lithuanian "pirma" ("visų pirma", "in
    # particular").
    "pl": _table(
        "zero 0 jeden 1 jedna 1 jedno 1 jednego 1 jednej 1 jednemu 1 jednym 1 jedną 1 "
        "dwa 2 dwie 2 dwóch 2 dwu 2 dwom 2 dwoma 2 dwiema 2 dwoje 2 dwojga 2 "
        "trzy 3 trzech 3 trzem 3 trzema 3 troje 3 trojga 3 cztery 4 czterech 4 czterem 4 "
        "czterema 4 pięć 5 pięciu 5 pięcioma 5 sześć 6 sześciu 6 sześcioma 6 siedem 7 "
        "siedmiu 7 siedmioma 7 osiem 8 ośmiu 8 ośmioma 8 dziewięć 9 dziewięciu 9 "
        "dziewięcioma 9 dziesięć 10 dziesięciu 10 dziesięcioma 10 jedenaście 11 "
        "jedenastu 11 dwanaście 12 dwunastu 12 trzynaście 13 trzynastu 13 czternaście 14 "
        "czternastu 14 piętnaście 15 piętnastu 15 szesnaście 16 szesnastu 16 "
        "siedemnaście 17 siedemnastu 17 osiemnaście 18 osiemnastu 18 dziewiętnaście 19 "
        "dziewiętnastu 19 dwadzieścia 20 dwudziestu 20 trzydzieści 30 trzydziestu 30 "
        "czterdzieści 40 czterdziestu 40 pięćdziesiąt 50 pięćdziesięciu 50 "
        "sześćdziesiąt 60 siedemdziesiąt 70 osiemdziesiąt 80 dziewięćdziesiąt 90 sto 100 "
        "stu 100 tysiąc 1000 tysiąca 1000 tysiące 1000 tysięcy 1000 "
        f"pierwsz{_PL_HARD} 1 drug(i|a|ie|iego|iej|iemu|im|ą|ich|imi) 2 "
        "trzec(i|ia|ie|iego|iej|iemu|im|ią|ich|imi) 3 "
        f"czwart{_PL_HARD} 4 piąt{_PL_HARD} 5 szóst{_PL_HARD} 6 siódm{_PL_HARD} 7 "
        f"ósm{_PL_HARD} 8 dziewiąt{_PL_HARD} 9 dziesiąt{_PL_HARD} 10 "
        f"jedenast{_PL_HARD} 11 dwunast{_PL_HARD} 12 trzynast{_PL_HARD} 13 "
        f"czternast{_PL_HARD} 14 piętnast{_PL_HARD} 15 szesnast{_PL_HARD} 16 "
        f"siedemnast{_PL_HARD} 17 osiemnast{_PL_HARD} 18 dziewiętnast{_PL_HARD} 19 "
        f"dwudziest{_PL_HARD} 20 trzydziest{_PL_HARD} 30"),
    "cs": _table(
        "nula 0 jeden 1 jedna 1 jedno 1 jednoho 1 jednomu 1 jedné 1 jednu 1 jedním 1 "
        "jednom 1 dva 2 dvě 2 dvou 2 dvěma 2 tři 3 tří 3 třech 3 třem 3 třemi 3 čtyři 4 "
        "čtyř 4 čtyřech 4 čtyřem 4 čtyřmi 4 pět 5 pěti 5 šest 6 šesti 6 sedm 7 sedmi 7 "
        "osm 8 osmi 8 devět 9 devíti 9 deset 10 deseti 10 jedenáct 11 jedenácti 11 "
        "dvanáct 12 dvanácti 12 třináct 13 třinácti 13 čtrnáct 14 čtrnácti 14 patnáct 15 "
        "patnácti 15 šestnáct 16 šestnácti 16 sedmnáct 17 sedmnácti 17 osmnáct 18 "
        "osmnácti 18 devatenáct 19 devatenácti 19 dvacet 20 dvaceti 20 třicet 30 "
        "třiceti 30 čtyřicet 40 padesát 50 šedesát 60 sedmdesát 70 osmdesát 80 "
        "devadesát 90 sto 100 sta 100 stě 100 set 100 tisíc 1000 tisíce 1000 tisíci 1000 "
        f"prvn(í|ího|ímu|ím|ích|ími) 1 druh{_CS_HARD} 2 třet(í|ího|ímu|ím|ích|ími) 3 "
        f"čtvrt{_CS_HARD} 4 pát{_CS_HARD} 5 šest{_CS_HARD} 6 sedm{_CS_HARD} 7 "
        f"osm{_CS_HARD} 8 devát{_CS_HARD} 9 desát{_CS_HARD} 10 jedenáct{_CS_HARD} 11 "
        f"dvanáct{_CS_HARD} 12 osmnáct{_CS_HARD} 18 devatenáct{_CS_HARD} 19 "
        f"dvacát{_CS_HARD} 20"),
    "sk": _table(
        "nula 0 jeden 1 jedna 1 jedno 1 jedného 1 jednému 1 jednom 1 jedným 1 jednej 1 "
        "jednu 1 jednou 1 dva 2 dve 2 dvaja 2 dvoch 2 dvom 2 dvoma 2 dvomi 2 tri 3 traja 3 "
        "troch 3 trom 3 tromi 3 troma 3 štyri 4 štyria 4 štyroch 4 štyrom 4 štyrmi 4 "
        "päť 5 piati 5 piatich 5 piatim 5 piatimi 5 šesť 6 šiesti 6 šiestich 6 šiestim 6 "
        "sedem 7 siedmi 7 siedmich 7 osem 8 ôsmi 8 ôsmich 8 deväť 9 deviati 9 deviatich 9 "
        "desať 10 desiati 10 desiatich 10 jedenásť 11 jedenástich 11 dvanásť 12 "
        "dvanástich 12 trinásť 13 štrnásť 14 pätnásť 15 šestnásť 16 sedemnásť 17 "
        "osemnásť 18 devätnásť 19 dvadsať 20 tridsať 30 štyridsať 40 päťdesiat 50 "
        "šesťdesiat 60 sedemdesiat 70 osemdesiat 80 deväťdesiat 90 sto 100 tisíc 1000 "
        f"tisíce 1000 prv{_SK_HARD} 1 druh{_SK_HARD} 2 "
        f"tret(í|ia|ie|ieho|iemu|ím|iu|ích|ími) 3 treťom 3 štvrt{_SK_HARD} 4 "
        f"piat{_SK_SHORT} 5 šiest{_SK_SHORT} 6 siedm{_SK_SHORT} 7 ôsm{_SK_SHORT} 8 "
        f"deviat{_SK_SHORT} 9 desiat{_SK_SHORT} 10 jedenást{_SK_SHORT} 11 "
        f"dvanást{_SK_SHORT} 12 osemnást{_SK_SHORT} 18 devätnást{_SK_SHORT} 19 "
        f"dvadsiat{_SK_SHORT} 20"),
    "sl": _table(
        "en 1 ena 1 eno 1 enega 1 enemu 1 enem 1 enim 1 dva 2 dve 2 dveh 2 dvema 2 "
        "trije 3 tri 3 treh 3 trem 3 tremi 3 štirje 4 štiri 4 štirih 4 štirim 4 štirimi 4 "
        "pet 5 petih 5 petim 5 petimi 5 šest 6 šestih 6 šestim 6 sedem 7 sedmih 7 "
        "sedmim 7 osem 8 osmih 8 osmim 8 devet 9 devetih 9 devetim 9 deset 10 desetih 10 "
        "desetim 10 enajst 11 enajstih 11 dvanajst 12 dvanajstih 12 trinajst 13 "
        "štirinajst 14 petnajst 15 šestnajst 16 sedemnajst 17 osemnajst 18 devetnajst 19 "
        "dvajset 20 trideset 30 štirideset 40 petdeset 50 šestdeset 60 sedemdeset 70 "
        "osemdeset 80 devetdeset 90 sto 100 tisoč 1000 "
        f"prv{_SL_ADJ} 1 tretj{_SL_ADJ} 3 četrt{_SL_ADJ} 4 pet{_SL_ADJ} 5 šest{_SL_ADJ} 6 "
        f"sedm{_SL_ADJ} 7 osm{_SL_ADJ} 8 devet{_SL_ADJ} 9 deset{_SL_ADJ} 10 "
        f"enajst{_SL_ADJ} 11 dvanajst{_SL_ADJ} 12 osemnajst{_SL_ADJ} 18 "
        f"devetnajst{_SL_ADJ} 19 dvajset{_SL_ADJ} 20"),
    "hr": _table(
        "nula 0 jedan 1 jedna 1 jedno 1 jednog 1 jednoga 1 jednom 1 jednome 1 jednomu 1 "
        "jednu 1 jednoj 1 jednim 1 dva 2 dvije 2 dvaju 2 dvama 2 dvjema 2 dvoje 2 "
        "dvojice 2 tri 3 triju 3 trima 3 troje 3 trojice 3 četiri 4 četiriju 4 četirima 4 "
        "pet 5 šest 6 sedam 7 osam 8 devet 9 deset 10 jedanaest 11 dvanaest 12 "
        "trinaest 13 četrnaest 14 petnaest 15 šesnaest 16 sedamnaest 17 osamnaest 18 "
        "devetnaest 19 dvadeset 20 trideset 30 četrdeset 40 pedeset 50 šezdeset 60 "
        "sedamdeset 70 osamdeset 80 devedeset 90 sto 100 stotinu 100 tisuću 1000 "
        f"tisuća 1000 tisuće 1000 prv{_HR_ADJ} 1 treć(i|a|e|eg|ega|em|emu|oj|u|im|ima|ih) 3 "
        f"četvrt{_HR_ADJ} 4 pet{_HR_ADJ} 5 šest{_HR_ADJ} 6 sedm{_HR_ADJ} 7 osm{_HR_ADJ} 8 "
        f"devet{_HR_ADJ} 9 deset{_HR_ADJ} 10 jedanaest{_HR_ADJ} 11 dvanaest{_HR_ADJ} 12 "
        f"osamnaest{_HR_ADJ} 18 devetnaest{_HR_ADJ} 19 dvadeset{_HR_ADJ} 20"),
    "ro": _table(
        "zero 0 unu 1 una 1 un 1 o 1 doi 2 două 2 trei 3 patru 4 cinci 5 șase 6 şase 6 "
        "șapte 7 şapte 7 opt 8 zece 10 unsprezece 11 doisprezece 12 douăsprezece 12 "
        "treisprezece 13 paisprezece 14 cincisprezece 15 șaisprezece 16 şaisprezece 16 "
        "șaptesprezece 17 şaptesprezece 17 optsprezece 18 nouăsprezece 19 douăzeci 20 "
        "treizeci 30 patruzeci 40 cincizeci 50 șaizeci 60 şaizeci 60 șaptezeci 70 "
        "şaptezeci 70 optzeci 80 nouăzeci 90 sută 100 sute 100 mie 1000 mii 1000 "
        "primul 1 prima 1 întâi 1 întâiul 1 întâia 1 doilea 2 doua 2 treilea 3 treia 3 "
        "patrulea 4 patra 4 cincilea 5 cincea 5 șaselea 6 şaselea 6 șasea 6 şasea 6 "
        "șaptelea 7 şaptelea 7 șaptea 7 şaptea 7 optulea 8 nouălea 9 zecelea 10 zecea 10 "
        "unsprezecelea 11 unsprezecea 11 doisprezecelea 12 douăsprezecea 12"),
    "fi": _table(
        "nolla 0 yksi 1 yhden 1 yhdellä 1 yhdelle 1 yhdeltä 1 "
        "kaksi 2 kahden 2 kahta 2 kahdella 2 kahdelle 2 kahdessa 2 kahteen 2 kahdesta 2 "
        "kolme 3 kolmen 3 kolmea 3 kolmella 3 kolmelle 3 kolmessa 3 kolmeen 3 kolmesta 3 "
        "neljä 4 neljän 4 neljää 4 neljällä 4 neljälle 4 neljässä 4 neljään 4 neljästä 4 "
        "viisi 5 viiden 5 viittä 5 viidellä 5 viidelle 5 viidessä 5 viiteen 5 viidestä 5 "
        "kuusi 6 kuuden 6 kuutta 6 kuudella 6 kuudelle 6 kuudessa 6 kuuteen 6 kuudesta 6 "
        "seitsemän 7 seitsemää 7 seitsemällä 7 seitsemälle 7 seitsemässä 7 seitsemään 7 "
        "kahdeksan 8 kahdeksaa 8 kahdeksalla 8 kahdeksalle 8 kahdeksassa 8 kahdeksaan 8 "
        "yhdeksän 9 yhdeksää 9 yhdeksällä 9 yhdeksälle 9 yhdeksässä 9 yhdeksään 9 "
        "kymmenen 10 kymmentä 10 kymmenellä 10 kymmenelle 10 kymmenessä 10 kymmeneen 10 "
        "yksitoista 11 yhdentoista 11 kaksitoista 12 kahdentoista 12 kolmetoista 13 "
        "neljätoista 14 viisitoista 15 kuusitoista 16 seitsemäntoista 17 "
        "kahdeksantoista 18 yhdeksäntoista 19 kaksikymmentä 20 kahdenkymmenen 20 "
        "kolmekymmentä 30 kolmenkymmenen 30 neljäkymmentä 40 viisikymmentä 50 "
        "kuusikymmentä 60 seitsemänkymmentä 70 kahdeksankymmentä 80 yhdeksänkymmentä 90 "
        "sata 100 sataa 100 sadan 100 tuhat 1000 tuhatta 1000 tuhannen 1000 "
        "ensimmäi(nen|sen|stä|senä|seen|sessä|sellä|set|siä|sten) 1 "
        "kolma(s|nnen|tta|ntena|nteen|nnessa|nnella|nsien|nsiin|nsia|nsille) 3 "
        "neljä(s|nnen|ttä|ntenä|nteen|nnessä|nnellä) 4 viide(s|nnen|ttä|ntenä|nteen) 5 "
        "kuude(s|nnen|tta|ntena|nteen) 6 seitsemä(s|nnen|ttä|ntenä|nteen) 7 "
        "kahdeksa(s|nnen|tta|ntena|nteen) 8 yhdeksä(s|nnen|ttä|ntenä|nteen) 9 "
        "kymmene(s|nnen|ttä|ntenä|nteen) 10 yhdestoista 11 yhdennentoista 11 "
        "kahdestoista 12 kahdennentoista 12 kahdeksastoista 18 kahdeksannentoista 18 "
        "yhdeksästoista 19 yhdeksännentoista 19"),
    "et": _table(
        "null 0 üks 1 ühe 1 üht 1 ühte 1 ühel 1 ühele 1 ühes 1 ühest 1 "
        "kaks 2 kahe 2 kaht 2 kahte 2 kahel 2 kahele 2 kahes 2 kahest 2 "
        "kolm 3 kolme 3 kolmel 3 kolmele 3 kolmes 3 kolmest 3 "
        "neli 4 nelja 4 neljal 4 neljale 4 neljast 4 viis 5 viie 5 viit 5 viiel 5 viiele 5 "
        "kuue 6 kuut 6 kuuel 6 seitse 7 seitsme 7 seitset 7 seitsmel 7 kaheksa 8 "
        "kaheksat 8 kaheksal 8 üheksa 9 üheksat 9 üheksal 9 kümme 10 kümne 10 kümmet 10 "
        "kümnel 10 üksteist 11 üheteistkümne 11 kaksteist 12 kaheteistkümne 12 "
        "kolmteist 13 kolmeteistkümne 13 neliteist 14 viisteist 15 kuusteist 16 "
        "seitseteist 17 kaheksateist 18 kaheksateistkümne 18 üheksateist 19 "
        "üheksateistkümne 19 kakskümmend 20 kahekümne 20 kolmkümmend 30 kolmekümne 30 "
        "nelikümmend 40 viiskümmend 50 kuuskümmend 60 seitsekümmend 70 "
        "kaheksakümmend 80 üheksakümmend 90 sada 100 saja 100 sadat 100 tuhat 1000 "
        "tuhande 1000 tuhandet 1000 esime(ne|se|sel|sele|ses|st|sed|ste) 1 "
        "kolma(s|nda|ndal|ndale|ndas|ndat|ndad|ndate) 3 nelja(s|nda|ndal|ndat) 4 "
        "vii(es|enda|endal|endat) 5 kuu(es|enda|endal|endat) 6 "
        "seitsme(s|nda|ndal|ndat) 7 kaheksa(s|nda|ndal|ndat) 8 üheksa(s|nda|ndal|ndat) 9 "
        "kümne(s|nda|ndal|ndat) 10 üheteistkümne(s|nda|ndal) 11 "
        "kaheteistkümne(s|nda|ndal) 12 kaheksateistkümne(s|nda|ndal) 18 "
        "üheksateistkümne(s|nda|ndal) 19 kahekümne(s|nda|ndal) 20"),
    # "tizen" and "huszon" (10, 20) only begin words: "tizennyolcadik", "huszonkét"
    "hu": _table(
        "nulla 0 egy 1 egyet 1 eggyel 1 kettő 2 két 2 kettőt 2 kettővel 2 három 3 "
        "hármat 3 hárommal 3 négy 4 négyet 4 néggyel 4 öt 5 ötöt 5 öttel 5 hat 6 hatot 6 "
        "hattal 6 hét 7 hetet 7 héttel 7 nyolc 8 nyolcat 8 nyolccal 8 kilenc 9 kilencet 9 "
        "kilenccel 9 tíz 10 tizet 10 tízet 10 tízzel 10 tizen 10 tizenegy 11 tizenkettő 12 "
        "tizenkét 12 húsz 20 huszon 20 harminc 30 negyven 40 ötven 50 hatvan 60 "
        "hetven 70 nyolcvan 80 kilencven 90 száz 100 ezer 1000 ezret 1000 "
        "első 1 elsőt 1 elsőben 1 második 2 másodikat 2 másodikban 2 harmadik 3 "
        "harmadikat 3 harmadikban 3 negyedik 4 negyediket 4 negyedikben 4 ötödik 5 "
        "ötödiket 5 ötödikben 5 hatodik 6 hatodikat 6 hatodikban 6 hetedik 7 hetediket 7 "
        "hetedikben 7 nyolcadik 8 nyolcadikat 8 nyolcadikban 8 kilencedik 9 "
        "kilencediket 9 kilencedikben 9 tizedik 10 tizediket 10 tizedikben 10 "
        "tizenegyedik 11 tizenkettedik 12 huszadik 20"),
    # "div" (2) only begins words: "divtūkstoš", "divsimt"
    "lv": _table(
        "nulle 0 viens 1 viena 1 vienu 1 vienam 1 vienai 1 vienā 1 div 2 divi 2 divas 2 "
        "divu 2 diviem 2 divām 2 trīs 3 triju 3 trim 3 četri 4 četras 4 četru 4 "
        "četriem 4 četrām 4 pieci 5 piecas 5 piecu 5 pieciem 5 piecām 5 seši 6 sešas 6 "
        "sešu 6 sešiem 6 sešām 6 septiņi 7 septiņas 7 septiņu 7 septiņiem 7 septiņām 7 "
        "astoņi 8 astoņas 8 astoņu 8 astoņiem 8 astoņām 8 deviņi 9 deviņas 9 deviņu 9 "
        "deviņiem 9 deviņām 9 "
        f"desmit(|{_LV_DEF}) 10 vienpadsmit(|{_LV_DEF}) 11 divpadsmit(|{_LV_DEF}) 12 "
        f"trīspadsmit(|{_LV_DEF}) 13 četrpadsmit(|{_LV_DEF}) 14 "
        f"piecpadsmit(|{_LV_DEF}) 15 sešpadsmit(|{_LV_DEF}) 16 "
        f"septiņpadsmit(|{_LV_DEF}) 17 astoņpadsmit(|{_LV_DEF}) 18 "
        f"deviņpadsmit(|{_LV_DEF}) 19 divdesmit(|{_LV_DEF}) 20 trīsdesmit(|{_LV_DEF}) 30 "
        "četrdesmit 40 piecdesmit 50 sešdesmit 60 septiņdesmit 70 astoņdesmit 80 "
        "deviņdesmit 90 simts 100 simt 100 simtu 100 simtiem 100 tūkstotis 1000 "
        "tūkstoš 1000 tūkstoši 1000 tūkstošu 1000 tūkstošiem 1000 tūkstoša 1000 "
        f"pirm({_LV_DEF}) 1 otr(ais|ajā|ajam|ajai|ajos|ajās|ajiem|ajām) 2 treš({_LV_DEF}) 3 "
        f"ceturt({_LV_DEF}) 4 piekt({_LV_DEF}) 5 sest({_LV_DEF}) 6 septīt({_LV_DEF}) 7 "
        f"astot({_LV_DEF}) 8 devīt({_LV_DEF}) 9"),
    "lt": _table(
        "nulis 0 vienas 1 viena 1 vieno 1 vienam 1 vieną 1 vienu 1 viename 1 vienai 1 "
        "vienoje 1 du 2 dvi 2 dviejų 2 dviem 2 dveji 2 dvejų 2 dvejus 2 dvejiems 2 "
        "trys 3 trijų 3 trims 3 tris 3 trimis 3 treji 3 trejų 3 trejus 3 "
        "ketur(i|ios|ių|iems|is|ias|iais|iose) 4 ketveri 4 ketverių 4 "
        "penk(i|ios|ių|iems|is|ias|iais|iose|eri|erių) 5 "
        "šeš(i|ios|ių|iems|is|ias|iais|iose|eri|erių) 6 "
        "septyn(i|ios|ių|iems|is|ias|iais|iose|eri|erių) 7 "
        "aštuon(i|ios|ių|iems|is|ias|iais|iose|eri|erių) 8 "
        "devyn(i|ios|ių|iems|is|ias|iais|iose|eri|erių) 9 "
        "dešimt(|ies|ims|imi) 10 dešimčiai 10 dešimčia 10 vienuolik(a|os|ai) 11 "
        "dvylik(a|os|ai) 12 trylik(a|os|ai) 13 keturiolik(a|os|ai) 14 "
        "penkiolik(a|os|ai) 15 šešiolik(a|os|ai) 16 septyniolik(a|os|ai) 17 "
        "aštuoniolik(a|os|ai) 18 devyniolik(a|os|ai) 19 dvidešimt(|ies) 20 "
        "trisdešimt(|ies) 30 keturiasdešimt 40 penkiasdešimt 50 šešiasdešimt 60 "
        "septyniasdešimt 70 aštuoniasdešimt 80 devyniasdešimt 90 šimt(as|o|ų|ai|ą) 100 "
        "tūkstant(is|į) 1000 tūkstanči(o|ai|ų|ais|ui) 1000 "
        "pirm(as|o|ą|ame|ai|ų|ųjų|asis|oji|ojo|ajam|ajame|ąjį|ąją|ojoje|i|os|us|ieji) 1 "
        f"antr{_LT_ORD} 2 treči{_LT_ORD} 3 ketvirt{_LT_ORD} 4 "
        f"penkt{_LT_ORD} 5 šešt{_LT_ORD} 6 septint{_LT_ORD} 7 aštunt{_LT_ORD} 8 "
        f"devint{_LT_ORD} 9 dešimt{_LT_ORD} 10 vienuolikt{_LT_ORD} 11 "
        f"dvylikt{_LT_ORD} 12 aštuoniolikt{_LT_ORD} 18 devyniolikt{_LT_ORD} 19 "
        f"dvidešimt{_LT_ORD} 20"),
    # an apostrophe ends a word: "disa'", "seba'" are read "disa", "seba"
    "mt": _table(
        "żero 0 wieħed 1 waħda 1 tnejn 2 żewġ 2 tlieta 3 tliet 3 tlett 3 erbgħa 4 erba 4 "
        "erbat 4 ħamsa 5 ħames 5 ħamest 5 sitta 6 sitt 6 sebgħa 7 seba 7 sebat 7 "
        "tmienja 8 tmien 8 tmint 8 disgħa 9 disa 9 disat 9 għaxra 10 għaxar 10 "
        "għaxart 10 ħdax 11 tnax 12 tlettax 13 erbatax 14 ħmistax 15 sittax 16 sbatax 17 "
        "tmintax 18 dsatax 19 għoxrin 20 tletin 30 erbgħin 40 ħamsin 50 sittin 60 "
        "sebgħin 70 tmenin 80 disgħin 90 mija 100 mitt 100 elf 1000 elef 1000 "
        "elfejn 2000 ewwel 1 tieni 2 tielet 3"),
}
MONTH_WORDS: dict[str, dict[str, int]] = {
    lang: {name: n for n, names in enumerate(spec.split("|"), 1) for name in names.split()}
    for lang, spec in {
        "en": "january|february|march|april|may|june|july|august|september|october"
              "|november|december",
        "fr": "janvier|février fevrier|mars|avril|mai|juin|juillet|août aout|septembre"
              "|octobre|novembre|décembre decembre",
        "de": "januar jänner|februar|märz|april|mai|juni|juli|august|september|oktober"
              "|november|dezember",
        "es": "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre setiembre"
              "|octubre|noviembre|diciembre",
        "it": "gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre"
              "|novembre|dicembre",
    }.items()
}
# A language without a list reads those of the first five: the others' short words are
# words of other languages too (Danish "to" is Polish "this", Swedish "en" a preposition).
_ALL_NUMBER_WORDS = {w: v for code in ("en", "fr", "de", "es", "it")
                     for w, v in NUMBER_WORDS[code].items()}
_ALL_MONTH_WORDS = {w: v for table in MONTH_WORDS.values() for w, v in table.items()}
# Words that join the parts of a number written out ("one hundred and five", "vingt et un",
# "two thousand and eighteen"), or of a German one written as one word ("einundzwanzig").
_NUMBER_JOINERS = frozenset({"and", "et", "und", "y", "e", "en", "och", "og", "και"})
# ... and those of one language only, which are common short words of others (English "in",
# "i"): Romanian "douăzeci și unu", Croatian "dvadeset i jedan", Slovene "enaindvajset",
# Maltese "elfejn u tmintax".
_JOINERS_BY_LANG = {code: _NUMBER_JOINERS | extra for code, extra in {
    "ro": {"și", "şi"}, "hr": {"i"}, "sl": {"in"}, "mt": {"u"}}.items()}
# Indefinite articles: "one" only inside a number ("vingt et un"), never on their own.
ARTICLES = frozenset({"un", "une", "ein", "eine", "una", "een", "um", "uma", "en", "ett",
                      "et", "ένα", "μία", "μια", "o", "egy"})


# What a number word opens as the first part of one word, in the languages that write such
# compounds so: German "fünfjährig", "dreimal"; Dutch "driejarig"; Swedish and Danish
# "treårig"; Hungarian "kétévenként" (every two years), "háromszor" (three times). The
# other side writes the number in figures ("a 5-year term", "3 times a year"). The parts
# are the beginnings of the second word, casefolded; one ("einfach" is "simple") and
# words of two letters or fewer are never read so.
COMPOUND_PARTS: dict[str, tuple[str, ...]] = {
    "de": ("jährig", "jährlich", "monatig", "monatlich", "wöchig", "wöchentlich", "tägig",
           "täglich", "stündig", "stündlich", "minütig", "mal", "fach", "seitig", "stufig",
           "teilig", "sprachig", "köpfig", "stellig", "prozentig", "sitzig"),
    "nl": ("jarig", "jaarlijks", "maandelijks", "daags", "maal", "voudig", "zijdig", "delig",
           "talig", "ledig", "koppig"),
    "sv": ("årig", "års", "dagars", "månaders", "veckors", "faldig", "sidig", "språkig"),
    "da": ("årig", "års", "dages", "måneders", "ugers", "foldig", "sidet", "sproget"),
    "hu": ("év", "napo", "napi", "havi", "havonta", "hónap", "heti", "hetente", "órá", "órás",
           "perce", "szer", "szor", "ször", "oldalú", "fős", "tagú", "jegyű", "nyelvű",
           "részes", "lépcsős"),
}


def compound_value(word: str, code: str) -> int | None:
    """The number that opens ``word`` (casefolded) when the rest is one of the language's
    :data:`COMPOUND_PARTS`: "fünfjährigen" 5, "kétévenként" 2; else None."""
    parts = COMPOUND_PARTS.get(code)
    if parts is None or len(word) < 5:
        return None
    table = NUMBER_WORDS[code]
    for end in range(min(len(word) - 2, 12), 2, -1):  # the longest number word first
        value = table.get(word[:end])
        if value is not None and value > 1 and word.startswith(parts, end):
            return value
    return None


def number_words(code: str) -> dict[str, int]:
    """The number words of a primary language (casefolded), else those of the first five."""
    return NUMBER_WORDS.get(code, _ALL_NUMBER_WORDS)


def month_words(code: str) -> dict[str, int]:
    """The month names of a primary language, else those of every language listed."""
    return MONTH_WORDS.get(code, _ALL_MONTH_WORDS)


def number_joiners(code: str) -> frozenset[str]:
    """The words that join the parts of a number written out in a primary language."""
    return _JOINERS_BY_LANG.get(code, _NUMBER_JOINERS)
