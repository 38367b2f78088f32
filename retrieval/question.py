"""What a Danish question asks for, read from its wording, and whether a sentence holds that kind of thing.

The question's form decides what a good quote contains: a number for "hvor mange", a person for "hvem", a date
for "hvornår", a reason for "hvorfor", the list for "hvilke" (an enumeration, a table row of names). Rules on
the question's own words only, so they hold for minutes of any municipality.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ingestion.meeting import MONTH_NAMES, MONTHS, find_date, find_dates
from retrieval.bm25 import analyse

_DECISION = re.compile(
    r"(?i)\b(beslut\w*|godkend\w*|vedta\w*|vedtog|tiltr[åa]d\w*|resultat\w*|udfald\w*|afgjort|afgør(?!ende)\w*|"
    r"bevilg\w*|skete der med|konklu\w*|udpeg\w*|anbefal\w*|indstill\w*|grønt lys|"
    # What came of it is what was decided: "Hvad kom der ud af drøftelsen af årsplanen?"
    r"kom der ud af|kom ud af|"
    # What a body did with it, how it went through the bodies: "Hvad gjorde udvalget med sagen?", "Hvordan gik
    # forslaget gennem udvalget og Byrådet?"
    r"gjorde\b[^?]{0,40}\bmed (?:sagen|forslaget|indstillingen|orienteringen|den|det)\b|gik\b[^?]{0,30}\bgennem|"
    # How the vote went stands with the decision: "Hvordan faldt afstemningen ud?", "Hvem stemte imod?".
    r"afstemning\w*|stemte|stemmerne|"
    # A body's remarks stand in its Beslutning: "Udvalget drøftede politikken og bemærkede følgende: • …".
    r"bemærkede|bemærkninger|bemærkning|"
    # A body's choice is its decision: "Hvilket navn valgte Vestby Udvalget …" (not the administration's choice).
    r"valgte\b[^?]{0,60}\b\w*(udvalg|byråd|kommunalbestyrelse)\w*|"
    # What a body wished or asked for is its decision: "Hvad ønskede udvalget …?", "Hvilke sager bad Vestby Udvalg
    # om …?", "Hvad har udvalget ønsket …?" (not "Hvor stort et lån ønskede boligselskabet …?").
    r"(?:ønskede|ønsket|bad|efterspurgte|efterspurgt)\s+(?:[\wæøå,-]+\s+){0,4}?\w*(?:udvalg|byråd|kommunalbestyrelse)"
    r"\w*(?!\w)|\w*(?:udvalg|byråd|kommunalbestyrelse)\w*\s+(?:har\s+)?(?:ønskede|ønsket|bad|efterspurgte|efterspurgt)\b|"
    # … and what it wants done: "Hvilke emner vil udvalget have taget op?", "Hvad vil udvalget have fremlagt?"
    r"\bvil\s+(?:[\wæøå,-]+\s+){0,4}?\w*(?:udvalg|byråd|kommunalbestyrelse)\w*\s+have\b|"
    # A body's stance is its decision: "Hvad mente/sagde Økonomiudvalget om …?", "Hvordan stillede udvalget sig til …?",
    # "Hvad er Byrådets holdning til …?".
    r"(?:mente|mener|syntes|stillede|stiller|sagde)\s+(?:[\wæøå,-]+\s+){0,4}?\w*(?:udvalg|byråd|kommunalbestyrelse)"
    r"\w*(?!\w)|"
    r"\w*(?:udvalg|byråd|kommunalbestyrelse)\w*\s+(?:[\wæøå-]+\s+){0,3}?(?:mente|mener|syntes|holdning)\b|"
    # "Hvem blev valgt som formand?": electing a person is the body's decision, written under Beslutning (which
    # supplier "blev valgt" is the administration's choice).
    r"hvem (?:blev|bliver|er) (?:\w+ )?valgt (?:som|til))\b"
)
_NUMBER = re.compile(
    r"(?i)\b(hvor (mange|meget|stor\w*|høj\w*|lang\w*|længe|lav\w*|dyr\w*)|hvad koster|hvad kostede|beløb\w*|"
    r"antal\w*|procent\w*|takst(?:en|er|erne)?\b|hvilken pris|"
    # "Hvilken købesum …?", "Hvilken samlet pris …?" (not "Hvilke takstfinansierede institutioner …?").
    # "Hvilken rente får …?": the price of a loan.
    r"hvilke[nt] (?:\w+ )?\w*(?:sum|pris|beløb|procent|rente)(?:en|et|men)?\b|hvor mange penge|hvilket beløb|"
    r"hvad er prisen|"
    r"hvad (skal|må|skulle|kan) (man|\w+ \w+|\w+) (?:betale|give for)|hvad betaler|"
    # "Hvad vil el-ramperne i busserne koste …?", "Hvad ville det koste at …?"
    # "Hvad forventes selve byggeriet af det nye vandværk at koste?", "Hvad har renoveringen af bassinet kostet?"
    r"hvad\b[^?]{0,80}\bat koste|hvad (?:vil|ville|skal|skulle|kan|kunne)\b[^?]{0,60}?\bkoste\b|"
    r"hvad (?:har|havde)\b[^?]{0,80}\bkostet\b|"
    # What an offer or a bill amounts to: "Hvad lød tilbuddet på?", "Hvad lyder regningen på?"
    r"hvad (?:lyder|lød) (?:\w+ ){0,2}\w*(?:tilbud|regning|overslag|faktura|bud|ansøgning|beregning|estimat)\w*"
    r"(?: \w+){0,3} på(?=\s*\?|\s*$)|"
    r"hvad\b[^?]{0,60}\bsolgt for|hvor meget fik|"
    # What is got for a thing sold: "Hvad forventer kommunen at få for villaen?" (not "Hvad får de for et tilbud?").
    r"hvad\b[^?]{0,40}\b(?:få|får|fik)\s+(?:\w+\s+)?for\b(?!\s+(?:et|en|nogle)\b)|"
    # "Hvad bliver den samlede anlægsudgift …?", "Hvad var budgettet …?": a sum of money named by its noun.
    # Whose it is may stand before it: "Hvad var Vestby Kommunes omgørelsesprocent …?"
    r"hvad (?:er|var|bliver|blev) (?:den |det |de |(?:[\wæøå-]+ ){0,2}[\wæøå-]+s )?"
    r"(?:samlede |årlige |forventede |endelige |nye |totale )?"
    # A compound names it too: "tilslutningsprocenten", "entreprisesummen", "timeprisen", "beskæftigelsesgraden".
    r"\w*(?:udgift|pris|beløb|budget|bevilling|omkostning|tilskud|takst|besparelse|procent|sum|andel|grad|gebyr|"
    r"husleje|vederlag|overskud|underskud|rente)(?:en|et|erne|er|ne|ene|det|tet|men)?"
    r"(?=\s+(?:for|til|på|i|ved|af|hos|som|med)\b|\s*[?,]|\s*$))\b"
)
# How old a thing is is told by when it was made: "Hvor gammel er broen?" — "opført i 1786" (see ``holds``).
_AGE_WORDS = r"hvor gam(?:mel|le)"
_ASKS_AGE = re.compile(rf"(?i)\b{_AGE_WORDS}\b")
_DATE = re.compile(
    r"(?i)\b(hvornår|hvilken dato|hvilket år|hvilken måned|siden hvornår|hvilken frist|hvor længe|hvad tid|"
    rf"hvilket tidspunkt|{_AGE_WORDS}|"
    r"hvad (?:er|var|bliver|blev) (fristen|datoen|tidsfristen|deadline)|hvilken dag|(i )?hvilken periode|"
    # "Hvilke dage har stedet åbent?" asks the weekdays, not a list of things.
    r"hvilke (?:uge)?dage|hvilken ugedag)\b"
)
_PERSON = re.compile(
    r"(?i)\b(hvem|(hvilke(n|t)?|hvad hed(der|te)?|hvad er navnet på) (den nye |det nye |de nye )?"
    r"\w*(minister|borgmester|formand|næstformand|medlem\w*|person\w*|direktør|leder|chef|konsulent|koordinator|"
    r"repræsentant\w*|politiker\w*|borger|medarbejder|oplægsholder|sagsbehandler|rådgiver|sekretær|ordstyrer)"
    r"(en|e|ne|erne)?)\b"
)
# "Hvilken forening …?", "Hvilket firma …?", "Hvad hedder …?": the answer is a proper name (one capitalised word may
# do); "Hvad hedder formanden …?" asks for a person.
_NAMED = re.compile(
    # The singular may name a compound ("Hvilken totalentreprenør", "Hvilken sprogskole"); a plural of one
    # ("Hvilke daginstitutioner") asks for the list.
    r"(?i)\b(?:hvilke(?:n|t) \w*?|hvilke )(forening\w*|firma\w*|virksomhed\w*|klub\w*|leverandør\w*|"
    r"entreprenør\w*|rådgiver\w*|organisation\w*|institution\w*|skole\w*|tilbud\w*|forlag\w*|selskab\w*|by|byer|kommune(r|n)?)\b|"
    r"\bhvad (hed(der|te)?|er navnet på)\b"
)
_PLACE = re.compile(
    r"(?i)\b(hvor (skal|ligger|holdes|blev|er|foregår|foregik|mødtes|var)\b(?! (mange|meget|stor|lang|høj))|"
    r"i hvilken (by|kommune)|hvilket sted|hvilken adresse)"
)
_REASON = re.compile(r"(?i)\b(hvorfor|af hvilken grund|begrundelse\w*|årsag\w*|baggrund(en)? for|skyldes)\b")
_PLURAL_WHICH = re.compile(r"(?i)^\s*hvilke\s")
_LIST = re.compile(
    r"(?i)^\s*(hvilke|nævn|opregn)\b|\bhvilke \w+(er|e)\b|"
    r"\b(redegør\w* for|indeholde\w*|omfatte\w*|består \w*\s?af|bestod \w*\s?af|elementer(ne)?|punkter(ne)?)\b"
)
# Also as the systems print it: "Sags ID", "Sags-ID'et", "Sags nr." (the answer is the item's printed number).
_CASE_NUMBER = re.compile(
    r"(?i)\b(sagsnummer\w*|sagsnr\.?|journalnummer\w*|j\.?\s?nr\.?|sags[\s-]?id\w*|sags\s?nr\.?)(?!\w)"
)
# The meeting itself: where and when it was held, who came and who did not.
_MEETING = re.compile(
    # "Hvor mange deltagere var der på lejren?" counts the event's participants, not the meeting's.
    r"(?i)\b(fraværende|afbud|til stede|deltog\b.{0,60}\bmøde\w*|(?<!mange )deltagere|mødested\w*|mødelokale\w*|"
    # "Hvem manglede ved mødet?", "Hvem udeblev fra udvalgets møde?", "… der manglede ved byrådsmødet?"
    r"(?:manglede|mangler|udeblev)\b.{0,60}møde\w*|"
    r"mødetidspunkt\w*|mødtes|(af)?holdt\b.{0,60}\bmøde\b|\w*møde\w*\b.{0,60}\b(blev )?(holdt|afholdt)|"
    r"(begyndte|startede|sluttede) mødet|mødet (begyndte|startede|sluttede)|møde\w*\b.{0,60}\bhævet|"
    # "Hvad tid startede udvalgets møde …?", "Hvem sad med ved udvalgets møde …?", "Hvem var (ikke) med til mødet?"
    r"(?:begyndte|startede|sluttede|sad med|sad i|hvem var (?:ikke )?med (?:til|på|ved)|ikke med (?:til|på|ved)|"
    r"mødte op)\b.{0,60}møde\w*)\b"
)
# What a question asks about the meeting, and the labels that print it ("Afbud:" answers "Hvem var fraværende?").
_MEETING_FACTS = {
    "absent": re.compile(
        r"(?i)\b(fraværende|fravær|afbud|ikke til stede|deltog ikke|meldt afbud|ikke med (?:til|på|ved)|"
        # "…, og manglede der nogen?" asks it of the meeting the question names.
        r"(?:manglede|mangler|udeblev)(?=[^.?]{0,60}møde)|(?:manglede|mangler) der nogen)\b"
    ),
    "present": re.compile(
        r"(?i)\b(deltagere|deltog|til stede|tilstede|medlemmer|medl\.|sad med|sad i|hvem var med (?:til|på|ved)|"
        r"mødte op)"
    ),
    "place": re.compile(
        r"(?i)\b(hvor blev|hvor holdt|hvor mødtes|hvor(?= og hvornår)|mødested|mødelokale|sted|lokale)\b"
    ),
    # "Hvornår blev mødet holdt?" asks its day ("Mødedato: …"); the hour it began comes with it (``_fact_lines``).
    "date": re.compile(
        r"(?i)\b(hvornår(?!\s+på dagen)(?![^?]{0,60}\b(?:begyndte|startede|sluttede|slut|hævet))|"
        r"hvilken dato|mødedato|dato)\b"
    ),
    # "Hvornår sluttede mødet?" asks its end: "Mødet hævet kl. 10.15", not the hour it began.
    "end": re.compile(r"(?i)\b(sluttede|slutter|slut|hævet|hæves|afsluttet|afsluttede|afsluttes)\b"),
    "time": re.compile(
        r"(?i)\b(hvornår begyndte|hvornår startede|hvornår på dagen|mødetidspunkt|tidspunkt|tid)\b|\bkl\."
    ),
}
# "Mødetid: kl. 16.15-18.30" prints the end with the start.
_TIME_RANGE = re.compile(r"(?i)\bkl\.\s?\d{1,2}(?:[.:]\d\d)?\s?[-–]\s?(?:kl\.\s?)?\d{1,2}(?:[.:]\d\d)?\b")
# The minutes' own meeting: "mødet", "byrådsmødet", "udvalgsmødet", "udvalgets møde", "mødtes" (not "topmødet",
# "dialogmødet").
_OWN_MEETING = re.compile(r"(?i)\b(?:(?:byråds|udvalgs|kommunalbestyrelses)?møde[tr]?\w*|mødtes|mødes)\b")
_ABOUT = re.compile(r"(?i)\b(handler|drejer)\b.*\bom\b")
# Across meetings: the question asks for a matter's course, not one meeting's fact.
_ACROSS = re.compile(
    r"(?i)\b(hvornår har|(hvad|hvordan) har\b[^?]{1,60}?\b(behandlet|drøftet|besluttet|vedtaget|haft|fået at vide|"
    r"hørt)|gennem tiden|forløb\w*|"
    r"historik\w*|i hvilke møder|på hvilke møder|hvor mange gange|hvad er der sket med|hvordan er det gået med|"
    # "Hvad er der besluttet om …?": what stands decided, over however many meetings it took.
    r"hvad er der (?:blevet )?(?:besluttet|vedtaget)|"
    r"udvikling(en)? i|udviklet sig|skredet frem|"
    # What the committees were told or said over time: "Hvad er udvalget blevet orienteret om vedrørende …?",
    # "Hvad har udvalgene sagt i evalueringen …?"
    r"blevet orienteret om|hvad har\b[^?]{1,60}?\b(sagt|ment|bemærket)|hvad er der (?:blevet )?sagt|"
    # Where it was said, in the plural: "… på udvalgets møder?", "… i fagudvalgene?"
    r"(?:på|ved|i)\b[^?]{0,60}\bmøder(?:ne)?|\w*udvalgene|"
    # "Hvordan er planen blevet behandlet i udvalgene?", "Hvordan har udvalget fulgt op på …?"
    r"hvordan er\b[^?]{1,120}?\b(behandlet|drøftet|besluttet|vedtaget|fulgt op|forløbet)|fulgt op på|"
    # What came of it later: "Hvilke møder har haft … på dagsordenen?", "…, og hvad skete der senere?", "… siden?"
    r"hvilke møder|kom der ud af|"
    # The way from a committee to the council: "… behandlet hele vejen op til Byrådet?", "fra fagudvalget til
    # Byrådet", "Hvordan gik sagen op til Byrådet?"
    r"hele vejen|fra\b[^?]{0,60}\w*udvalg\w*\b[^?]{0,60}\btil\b[^?]{0,20}\b(?:byråd|kommunalbestyrelse)\w*|"
    r"(?:behandl\w*|gik|sendt\w*|kom)\b[^?]{0,40}\bop til)\b|\b(senere|siden|undervejs)\s*\?"
)
# "Hvordan …" over a course between two times: "fra november 2023 til april 2024", "fra oplægget i 2023 til den
# endelige vedtagelse", "i 2023 og 2024" (not "Hvor meget steg taksten fra 2023 til 2024?", one item's figures).
_SPAN = re.compile(
    rf"(?i)^\s*hvordan\b[^?]*?(\bfra\b[^?]{{0,40}}\b((19|20)\d\d|{'|'.join(MONTH_NAMES)}|foråret|efteråret|"
    r"sommeren|vinteren|start\w*|begyndelse\w*|oplæg\w*)\b[^?]{0,60}\b(til|frem mod|frem til)\b|"
    r"\b(19|20)\d\d\b[^?]{1,30}\b(og|til)\b[^?]{0,30}\b(19|20)\d\d\b)"
)
# A standing matter named in the plural comes back meeting after meeting ("årsberetningerne", "budgetopfølgningerne",
# "hvilke temamøder har udvalget holdt") — unless the question names the one year or meeting it means.
_RECURRING = re.compile(
    r"(?i)\b(årsberetning|årsrapport|budgetopfølgning|temamøde|statusrapport|kvartalsrapport|halvårsrapport)e?(r|rne)\b"
)

# Everything of a kind done over a year, in the perfect tense: "Hvilke lånegarantier har Byrådet givet … i 2023?",
# "Hvilke spørgsmål er i 2023 blevet besvaret skriftligt?" — each meeting of the year may hold some (not "Hvilke
# fokusområder er valgt for 2024?", a state, nor "Hvilke skoler har et merforbrug i 2023?", having).
_DONE_OVER_A_YEAR = re.compile(
    r"(?i)\b(?:er\b[^?]{0,60}?\bblevet|har\b[^?]{0,60}?\b(?:givet|bevilget|godkendt|vedtaget|besluttet|tildelt|"
    r"støttet|udpeget|valgt|ansat|solgt|købt|igangsat|iværksat|afsat|prioriteret|besvaret|modtaget))\b"
    r"(?=[^?]*\bi (?:19|20)\d\d\b)|\bi (?:19|20)\d\d\b[^?]{0,60}?\bblevet\b"
)

# "1." or "a)" opening a list entry counts nothing.
_ENUMERATOR = re.compile(r"^\s*(?:\d{1,2}|[a-z])[.)]\s+(?:\d{1,2}[.)]\s+)?")
_DURATION = re.compile(r"(?i)\b(hvor lang tid|hvor længe|varighed)\b")
_MONEY = re.compile(r"(?i)\d\s*(kr\b|kroner|mio|mia|millioner|milliarder|tusind|t\.kr)|\bkr\.?\s*\d|\d\s*,-")
# What a number must be counted in when the question names it: "hvad koster" wants kroner, "hvor stort et areal"
# square metres or hectares, "hvor mange procent" a percentage, "hvor lang tid" a period.
_UNITS = [
    (
        re.compile(
            # (Not a budget named by its years: "opskrevet med i budget 2023-2026" may count hours.)
            # A compound names money too: "driftsbudget", "anlægsbevilling", "driftstilskud", "døgntakst".
            r"(?i)\b(koste\w*|\w*pris\w*|\w*beløb\w*|penge|kroner|\w*budget\w*(?!\s+(?:19|20)\d\d)|\w*bevilg\w*|"
            r"\w*bevilling\w*|\w*tilskud\w*|betal\w*|\w*udgift\w*|\w*gebyr\w*|\w*takst\w*|"
            # What an offer amounts to: "Hvad lød tilbuddet på?"
            r"solgt|salg\w*|fik \w+ for|lyder|lød|"
            # What is drawn from the municipality's cash: "Hvor meget trækker det på kassen?", "kassetrækket".
            r"kassen|kassetræk\w*)\b"
        ),
        _MONEY,
    ),
    (
        re.compile(r"(?i)\b(areal\w*|hvor stor\w* (er|bliver|var)? ?(området|grunden|arealet)|kvadratmeter|hektar)\b"),
        re.compile(r"(?i)\d\s*(m2|m²|kvm|kvadratmeter|ha\b|hektar|km2|km²)"),
    ),
    # A rate of interest is a percentage too ("Hvilken rente får …?" — "2,1 pct.").
    (re.compile(r"(?i)\b(procent\w*|andel\w*|rente[nr]?)\b"), re.compile(r"(?i)\d\s*(%|pct|procent)")),
    (
        re.compile(r"(?i)\b(kilometer|km|meter|længde\w*)\b"),
        re.compile(r"(?i)\d\s*(km|kilometer|m|meter)\b"),
    ),
    (
        _DURATION,
        re.compile(
            r"(?i)(\d|\b(en|et|to|tre|fire|fem|seks|syv|otte|ni|ti|tolv))\s*(timer?|dage?|døgn|uger?|måneder?|år)\b"
        ),
    ),
]
# "Hvor mange elever …" counts things: a period ("to år", "3 måneder") is no count of them.
_COUNTS_THINGS = re.compile(
    r"(?i)\bhvor mange (?!(?:år|måned|uge|dag|døgn|time|gang|penge|kron|procent|mio|million|milliard)\w*\b)[a-zæøå]"
)
# A number told as a bound ("højst 10 deltagere", "op til 25 pladser") answers only a question asking for one.
_LIMIT = re.compile(r"(?i)\b(?:maksimalt|maks\.?|højst|minimum|maksimum|op til)\s+\d[\d.,]*")
_ASKS_LIMIT = re.compile(r"(?i)\b(?:maksimalt|maks\w*|højst|mindst|minimum|loft|grænse|kan|kunne|må|måtte)\b")
_PERIOD = re.compile(
    r"(?i)(?:\d+(?:[.,]\d+)?|\b(?:et|en|to|tre|fire|fem|seks|syv|otte|ni|ti|tolv))\s*"
    r"(?:år|måneder|måned|uger|uge|dage|dag|døgn|timer|time)\b"
)
# Numbers that count nothing: a date ("25. april 2024", "12-10-2023"), a year standing alone ("i 2011"), a time of
# day ("kl. 16.30"), a reference ("§ 17", "punkt 5", "stk. 2", "lokalplan 12.11"), a case number ("23-012345",
# "12/34567", "00.01.00-A00-12-19"), a web address ("https://…/plan/15") or a name ("Covid-19").
# "Hvor mange deltog?" is not answered by the year of the report.
_NOT_A_QUANTITY = re.compile(
    r"(?i)\b(?:https?://|www\.)\S+|\b\d{2,4}[-/]\d{3,6}\b|\b\d\d\.\d\d\.\d\d(?:-\w+)*|"
    rf"\b\d{{1,2}}\.\s?(?:{'|'.join(MONTH_NAMES)})(?:\s+(?:19|20)\d\d)?\b|\b\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}\b|"
    r"(?<![\d.,])(?:19|20)\d\d(?![\d.,]\d)(?!\s*(?:kr|mio|m2|m²|personer|borgere|deltagere|elever|pladser))|"
    # A time of day, also a span of hours: "kl. 16.30", "kl. 16-18".
    r"\bkl\.?\s*\d{1,2}(?:[.:]\d\d)?(?:\s*[-–]\s*\d{1,2}(?:[.:]\d\d)?)?|"
    r"(?:§+|\b(?:punkt|pkt|stk|nr|lokalplan|kommuneplantillæg|tillæg|bilag|side|sag)\.?)\s*\d[\d.]*(?:-\d+)?|"
    # An ordinal: "4. kvartal", "2. behandling", "3. klasse" (not how many of them).
    r"\b\d{1,2}\.\s?(?:kvartal|halvår|behandling|klasse\w*|etape|fase|runde|udgave|sal|gang)\b|"
    # A number in a name: "Covid-19", "Agenda-21", "Plan22+", "CO2".
    r"\b[a-zæøå]{2,}-?\d+\b"
)
# A question about how much something changed.
_CHANGE = re.compile(
    r"(?i)\b(reducer\w*|sænk\w*|nedsæt\w*|hæv\w*|stig\w*|steg|fald\w*|faldt|øg\w*|forhøj\w*|nedbring\w*|"
    r"besparelse\w*|ændr\w*|reduktion\w*|stigning\w*)\b"
)
_PERCENT = re.compile(r"(?i)\d\s*(%|pct|procent)")
# A number as a whole ("2.500", "1,2"), so that the question's own "2023" does not rule out every 2 and 3.
# "én" with its accent is the number ("én årlig konference"); "ét" is too common in "under ét" (altogether).
_NUMBER_WORDS = "én|to|tre|fire|fem|seks|syv|otte|ni|ti|elleve|tolv|tyve|tredive|fyrre|halvtreds|hundrede|tusind"
_HAS_NUMBER = re.compile(rf"\d+(?:[.,]\d+)*|\b({_NUMBER_WORDS}|million\w*|milliard\w*)\b", re.IGNORECASE)
_MONTH_WORDS = "|".join(MONTH_NAMES)
# A day as laws and orders are cited: "bekendtgørelse nr. 622 af 17/6 06", "bek. nr. 1651 af 13/12 2006".
_SLASHED_DAY = r"\d{1,2}/\d{1,2} (?:\d{2}|(?:19|20)\d\d)(?![\d,.]\d)"
_HAS_DATE = re.compile(
    rf"(?i)\b(\d{{1,2}}\.\s?({_MONTH_WORDS})|\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}|{_SLASHED_DAY}|(19|20)\d\d|{_MONTH_WORDS}|"
    r"foråret|efteråret|sommeren|vinteren|uge \d+|kvartal|dags dato|senest|kl\.\s?\d{1,2}[.:]\d\d)\b"
)
# "Hvilken dato …?" asks for a day: a year or a season does not answer it.
_ASKS_DAY = re.compile(
    r"(?i)\b(hvilken dato|hvilke datoer|hvilken dag|på hvilken dag|hvilke (?:uge)?dage|hvilken ugedag)\b"
)
_HAS_DAY = re.compile(
    rf"(?i)\b(\d{{1,2}}\.\s?({_MONTH_WORDS})|\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}|{_SLASHED_DAY}|"
    r"(mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)(en)?)\b"
)
# A period told by its end: "frem til 31. december 2026", "gældende til 2027".
_UNTIL = re.compile(
    rf"(?i)\b(til|indtil|frem til|til og med|udløber|ophører|gældende)\b[^.]{{0,30}}?"
    rf"\b(\d{{1,2}}\.\s?({_MONTH_WORDS})|(19|20)\d\d)\b"
)
# Two or more capitalised words, a middle initial allowed ("John T. Olsen"). Opening a sentence or a list entry only
# as a person is written there — with a role after a comma ("• Anne Holm, centerchef"), a party ("Anne Holm (V)"), a
# workplace ("Anne Holm fra Vestby Plejecenter") or alone — else any sentence's first words would do ("- Både
# Vestby- og Østbyindsatsen …").
_NAME = r"[A-ZÆØÅ][a-zæøåöüéä]+(?:(?:\s[A-ZÆØÅ]\.)?[ -][A-ZÆØÅ][a-zæøåöüéä]+)+"
_HAS_NAME = re.compile(rf"(?<![.!?•–-]\s)(?<!^)\b{_NAME}|(?:^|(?<=[•–-]\s)){_NAME}(?=,|\s\(|\s*$|\sfra\s[A-ZÆØÅ])")
# A name of two or more capitalised words ends in an institution's word when it is not a person: "Vestby Fodbold",
# "Østby Havn", "Nordby Skole".
_INSTITUTION_END = re.compile(
    r"(?i)(udvalg\w*|kommune\w*|råd\w*|skole\w*|forening\w*|klub\w*|center|centret|centre|hus\w*|park\w*|vej|"
    r"gade|plads|havn|strand|fond\w*|teater|bibliotek\w*|hal|hallen|kirke\w*|gymnasium|styrelse\w*|ministerie\w*|"
    r"direktorat\w*|forsyning\w*|sekretariat\w*|forvaltning\w*|afdeling\w*|fodbold|idræt\w*|region\w*|by|byen|"
    r"bygade|landsby|sø|søen|mose|skov\w*|gård\w*|institut\w*|selskab\w*|orkester|koncert\w*|pulje\w*|lejr\w*|"
    r"plan\w*|strategi\w*|projekt\w*|program\w*|gymnastik|atletik|svømning|tennis|badminton|håndbold|karate|"
    r"ridning|trampolin|dart|petanque|roning|sejlads|musik\w*|forum|konference\w*|seminar\w*|festival\w*|"
    r"netværk\w*|messe\w*)$"
)
# … or holds a public body's word inside: "Vestby Kommunes Vækst og Erhvervspolitik" (not a middle name such as
# "Skov" in "Hans Skov Nielsen").
_INSTITUTION_INSIDE = re.compile(r"(?i)^(kommune\w*|udvalg\w*|region\w*|amt\w*)$")
# … or begins with one: "Region Nordjylland", "Styrelsen for …".
_INSTITUTION_START = re.compile(r"(?i)(region|regionsrådet|styrelsen|ministeriet|kommune|kommunen|team|afdeling)$")
# A proper name: a capitalised word that does not open the sentence.
# Not a sentence's first word, nor the first after a dated heading ("Beslutning den 05.02.2024 Taget til efterretning").
_HAS_PROPER = re.compile(r"(?<![.!?:•]\s)(?<!\d\d\d\d\s)(?<!^)\b[A-ZÆØÅ][\wæøåÆØÅ-]+")
_ABBREVIATION = re.compile(r"(?i)\b(kr|nr|mio|mia|ca|jf|pkt|tlf)\.\s")
_HAS_PROPER_NAME = re.compile(r"(?<![.!?:•]\s)(?<!^)\b[A-ZÆØÅ][\wæøåÆØÅ-]+(?: [A-ZÆØÅ][\wæøåÆØÅ-]+)*")
_HAS_PERSON_ROLE = re.compile(r"(?i)\b(borgmester|formand|næstformand|direktør|chef|leder|minister)\b")
# A sentence that gives its reason in the sentence(s) before it: "Af disse grunde er det nødvendigt …", "Derfor
# foreslås …"; plural "grunde" points to more than one.
REFERS_BACK = re.compile(
    r"(?i)\b(derfor|af (?:disse|de nævnte|ovennævnte) grunde|af denne grund|på (?:den|denne) baggrund|"
    r"på baggrund heraf|som følge heraf|dermed)\b"
)
# "Hvem står bag programmet?", "Hvem ejer bygningen?": an organisation answers as fully as a person.
_ASKS_OWNER = re.compile(
    r"(?i)\bhvem (?:står bag|ejer|driver|arrangerer|udbyder|leverer|finansierer|har udviklet|har lavet)\b"
)


def asks_owner(question: str) -> bool:
    """Whether a "hvem" question asks who is behind something, which an organisation answers as well as a person."""
    return bool(_ASKS_OWNER.search(question))


# Who was hired, elected or became something is a person, named: "Hvem er blevet ansat som ny borgerrådgiver?", "Hvem
# blev ny leder af Borgerservice?" are not answered by "Byrådet har kompetencen til at ansætte en ny borgerrådgiver".
_ASKS_APPOINTEE = re.compile(
    r"(?i)\bhvem (?:blev|er|bliver)(?: blevet)? (?:ansat|valgt|udnævnt|konstitueret|ny|den nye)\b"
)
# Who won: asked ("Hvem vandt prisen?", "Hvilken leverandør vandt udbuddet?", "Hvilken entreprenør fik opgaven?")
# and told ("Prisen gik til …", "Kontrakten tildeles …", "… blev valgt som leverandør").
_ASKS_WINNER = re.compile(
    r"(?i)\b(vandt|vinder(en|ne)?|(?:fik|har fået|får) (?:opgaven|kontrakten|ordren|entreprisen))\b"
)
# A thing's name asked for ("Hvad bliver det nye navn for institutionen?", "Hvad skal skolen hedde?") is told where the
# minutes give the name: "… skal fremover hedde Solsikken", "Det nye navn bliver Solsikken" — not by "institutionen
# får et nyt navn".
_ASKS_NAME = re.compile(
    r"(?i)\bhvad (?:bliver|blev|er|skal)\b[^?]{0,20}?\bnav(?:n|net)\b|\bhvad (?:skal|kommer)\b[^?]{0,60}\bhedde\b|"
    # "Hvilket navn fik huset?", "Hvad kommer institutionen til at hedde?"
    r"\bhvilket (?:nyt )?navn\b"
)
_GIVES_NAME = re.compile(r"(?i)\b(navn\w*|hedde\w*|hed|kaldes|kaldt|kaldet|navngiv\w*|døbt)\b")
_HAS_WINNER = re.compile(
    r"(?i)\b(vandt|vinder\w*|tildelt|tildeles|tildelte|gik til|blev valgt|er valgt|valgt som|vindende|"
    r"fik (prisen|kontrakten|opgaven)|modtog prisen|modtager prisen)\b"
)
# "Kriterierne for at få en bolig", "muligheden for at søge": "for at" after such a noun names a condition or a
# chance, not a purpose.
_NOUN_BEFORE_FOR = re.compile(
    r"(?i)\b(kriteri\w*|mulighed\w*|betingelse\w*|krav\w*|grundlag\w*|behov\w*|forudsætning\w*|ansvar\w*|"
    r"frist\w*|plads\w*|tid|tiden|risiko\w*|chance\w*|interesse\w*|adgang\w*|ret|retten)\s+$"
)
# "…, da kommunens udgifter er til et kystsikringsanlæg": after a comma, "da" gives a reason.
_HAS_REASON = re.compile(
    r"(?i)(,\s+da\s)|\b(fordi|pga|idet|da (det|der|den|man|udvalget|kommunen|sagen)|derfor|med henblik på|"
    # A consequence of the reason just given: "På den baggrund har rådet fravalgt …", "af denne grund".
    r"på (?:den|denne) baggrund|af denne grund|på baggrund heraf|som følge heraf|"
    r"(?<!frem )(?<!stedet )for at|baggrunden (?:her|der)for|grunden (?:her|der)til|"
    r"på baggrund af|begrund\w*|skyldes|årsag\w*|som følge af|grundet|på grund af|eftersom|hvilket betyder|"
    r"så(ledes)? at|baggrunden for(?: \w+){0,3} (?:er|var)|(?:baggrunden|grunden) (?:er|var),? at|grunden til|"
    r"af (?:disse|denne|de|flere|to|tre) grunde?|"
    r"formålet(?: med(?: \w+){1,3})? (?:er|var)|"
    # A conclusion drawn from what came before ("Kommunen skal således betale for to botilbud"), a means that
    # brings it ("Herved spares udgiften"), an advantage ("Fordelen ved B er, at …"), a rule it would break.
    r"(?:er|var|skal|skulle|vil|har|kan|må|bliver) således|herved|fordel(?:en|ene) (?:ved(?: \w+){1,3} )?(?:er|var)|"
    r"i strid med|"
    # Out of regard for someone: "Dette er af hensyn til arbejdsmiljøet for skraldemændene".
    r"af hensyn til)\b"
)
# An enumeration: "A, B og C" (short things, three or more), or three or more entries run into one line ("opdelt i:
# 1. Temadrøftelser 2. Beslutningssager …", "… år: • Håndtere efterslæb • Kloge m2 • …"). A table row of names
# counts by its proper names (see ``holds``). "By-, Land- og Kulturudvalget" is one name, not a list.
_SHORT = r"[\w/-]+(?:\s[\w/-]+){0,3}"
# After a comma, a clause ("…, som beskrevet under A og B") is not the next thing of a list.
_NOT_ENTRY = r"(?!(?:som|der|hvor|hvis|men|at|da|når|så|fordi|idet|hvilket|hvoraf|herunder|heraf|og|eller|samt)\b)"
_HAS_ENUMERATION = re.compile(
    rf"{_SHORT}(?<!-),\s+(?:{_NOT_ENTRY}{_SHORT}(?<!-),\s+)*{_NOT_ENTRY}{_SHORT}(?<!-)\s(?:og|samt|eller)\s\w|"
    r"(?:(?:^|\s)(?:\d{1,2}[.)]|[•▪·–-])\s+\w.*){3}|"
    # Three or more joined by slashes: "regional/national/international".
    r"\b[^\W\d]{3,}(?:/[^\W\d]{3,}){2,}\b"
)
_HAS_PLACE = re.compile(r"\b[A-ZÆØÅ][a-zæøå]+(?:[ -][A-ZÆØÅ]?[a-zæøå]+)*\b|\b\d{4}\s+[A-ZÆØÅ]")
_QUESTION_YEAR = re.compile(r"\b(19|20)\d\d\b")
# "i maj 2023", "på novembermødet" (the meeting of that month).
_QUESTION_MONTH = re.compile(rf"(?i)\b({_MONTH_WORDS})(?:mødet)?\b(?:\s+((?:19|20)\d\d))?")
# A month cut short, with its year ("aug. 2024", "okt 2022"): without the year "mar", "jul" are other words.
_SHORT_MONTH = "|".join(name for name in MONTHS if name not in MONTH_NAMES)
_QUESTION_SHORT_MONTH = re.compile(rf"(?i)\b({_SHORT_MONTH})\.?\s+((?:19|20)\d\d)\b")


@dataclass(frozen=True)
class QuestionKind:
    decision: bool
    number: bool
    date: bool
    person: bool
    named: bool
    place: bool
    reason: bool
    listing: bool
    case_number: bool
    about: bool
    across: bool
    meeting: bool = False

    @property
    def wants(self) -> str:
        """The one kind of thing a quote must hold to answer the question, "" when any sentence may."""
        for name in ("case_number", "number", "person", "named", "date", "place", "reason"):
            if getattr(self, name):
                return name
        return ""

    @property
    def target(self) -> str:
        """What a good quote holds: what ``wants`` says, else the list a list question asks for ("hvilke …")."""
        return self.wants or ("list" if self.listing else "")


# "Hvilke takstfinansierede institutioner …": a question that opens by naming what it asks for asks for a number
# only when that is a number's noun or it also asks "hvor mange".
_WHICH = re.compile(r"(?i)^\s*hvilke[nt]?\s+([\wæøå-]+)")
_NUMBER_NOUN = re.compile(
    r"(?i)^\w*(beløb|takst|pris|antal|procent|sum|gebyr|budget|bevilling|tilskud|udgift|omkostning|rente)"
    r"(e|en|er|erne|et|ene|men)?$"
)
_COUNTS = re.compile(r"(?i)\b(hvor (mange|meget)|hvad koster|hvad kostede)\b")


# "Hvilke tre områder i Vestby …", "Hvilke kommunale bygninger …": the words after "hvilke" name what is listed.
_LISTED = re.compile(r"(?i)^\s*hvilke\s+((?:[\wæøå-]+\s+){0,2}[\wæøå-]+)")
# A listed thing's word inside a compound counts from this length on ("udviklingsområder" lists "områder").
MIN_LISTED_TAIL = 4


def listed_words(question: str) -> set[str]:
    """The stemmed noun a "Hvilke …?" question asks to have listed ("områd" of "Hvilke tre områder …"), with the
    adjective before it ("Hvilke kommunale bygninger …"); empty for any other question. Only the noun: the words
    after it name something else ("Hvilke kampagner foreslås midlerne brugt på?" lists no "midler")."""
    which = _LISTED.match(question)
    if not which:
        return set()
    # Not the count before the noun: "Hvilke tre områder …", "Hvilke 3 skoler …".
    words = [word for word in which.group(1).split() if not _NUMBER_WORD.match(word)]
    # A plural adjective ends in -e ("kommunale", "overordnede"); the noun follows it.
    head = words[:2] if len(words) > 1 and words[0].casefold().endswith("e") else words[:1]
    return set(analyse(" ".join(head)))


# "Hvilken lov …?", "Hvilket firma …?": the one thing asked for, named by its noun (not a time, a place or a person,
# which have kinds of their own, nor a number's noun).
_ONE_THING = re.compile(r"(?i)^\s*hvilke[nt]\s+(?:(?:ny|nye|nyt|samlet|samlede)\s+)?([a-zæøå][\wæøå-]+)")
_NOT_A_THING = re.compile(
    r"(?i)^(dag|dage|dato|datoen|år|året|måned|uge|tidspunkt|periode|sted|by|adresse|person|rolle|udvalg|møde|"
    # … nor a value told as a number or a range ("Hvilken placering fik …?" — "nr. 18"), nor a word any item has.
    r"placering|plads|nummer|rang|alder|aldersgruppe|sag|punkt|emne)$"
)


def asked_thing(question: str) -> set[str]:
    """The stemmed noun of the one thing a "Hvilken/Hvilket …?" question asks for ("lov" of "Hvilken lov bygger
    sagen på?"); empty for any other question."""
    which = _ONE_THING.match(question)
    if not which or _NUMBER_NOUN.match(which.group(1)) or _NOT_A_THING.match(which.group(1)):
        return set()
    return set(analyse(which.group(1)))


def _names_as_tail(tokens: Iterable[str], words: set[str], shortest_tail: int) -> bool:
    """Whether stemmed ``tokens`` hold one of ``words``, alone or as the tail of a compound (a tail of at least
    ``shortest_tail`` letters)."""
    return any(
        token == word or (len(word) >= shortest_tail and token.endswith(word)) for token in tokens for word in words
    )


def names_thing(tokens: set[str], thing: set[str]) -> bool:
    """Whether stemmed ``tokens`` name the thing asked for: its noun, or a compound ending in it ("særlov")."""
    return _names_as_tail(tokens, thing, MIN_HEAD)


def names_listed(sentence: str, listed: set[str]) -> bool:
    """Whether a sentence names what is listed: the word itself, or as a compound's tail ("udviklingsområder")."""
    return _names_as_tail(analyse(sentence), listed, MIN_LISTED_TAIL)


def _asks_number(question: str) -> bool:
    which = _WHICH.match(question)
    if which and not _NUMBER_NOUN.match(which.group(1)) and not _COUNTS.search(question):
        return False
    return bool(_NUMBER.search(question))


# The question word that opens the question is what it asks; one inside it names the matter: "Hvorfor frafaldt
# udvalget ønsket om at vide, hvor mange sager …?" asks for a reason, "Hvornår skal udvalget vide, hvem …?" a date.
_OPENS_REASON = re.compile(r"(?i)^\s*(hvorfor|af hvilken grund)\b")
_OPENS_DATE = re.compile(r"(?i)^\s*hvornår\b")


# A question to be answered yes or no opens with its verb: "Skal borgerservice flyttes?", "Fortsætter biblioteket
# med …?", "Indfører kommunen …?" — in minutes the answer is what was decided. "Endte udvalget med at …", "bakke op om"
# ask the same. Not a choice between two ("Er det flere eller færre …?"), nor what others did ("Har foreningen sagt
# ja?", see ``asks_outcome``).
_YES_NO = re.compile(
    r"(?i)^\s*(?!hv|nævn|opregn|beskriv|forklar|redegør|angiv|giv|list|fortæl|i |på |om |for |til |af |med |ved )"
    r"(?:[a-zæøå]+(?:r|s|l|e)|blev|vedtog|må)\b(?![^?]*\b(?:hvad|hvem|hvilke\w*|hvor\w*|hvornår|eller)\b)"
)
# Whether someone was granted something is the granting body's decision: "Fik Vestby Strand I/S den ekstra
# bevilling?", "Fik ejerne tilladelse til …?", "Fik institutionerne deres planer godkendt?" (not "Fik foreningen
# pengene?", see ``_ASKS_OUTCOME``).
_GRANTED = re.compile(
    r"(?i)^\s*fik\b[^?]*\b(?:tilladelse|\w*bevilling|bemyndigelse|dispensation|godkendelse|lov til|"
    r"(?:godkendt|vedtaget|bevilget|tiltrådt)\s*\??\s*$)"
)
_ENDED_WITH = re.compile(r"(?i)\bendte\b[^?]{0,60}\bmed at\b|\bbakke\w* op om\b")


def asks_yes_no(question: str) -> bool:
    """Whether the question is answered yes or no by what was decided ("Må boligafdelingen …?", "Fik ejerne
    tilladelse …?")."""
    return bool((_YES_NO.match(question) and not _ASKS_OUTCOME.search(question)) or _GRANTED.search(question))


def classify(question: str) -> QuestionKind:
    opens_reason, opens_date = bool(_OPENS_REASON.match(question)), bool(_OPENS_DATE.match(question))
    other = not (opens_reason or opens_date)
    number = _asks_number(question) and other
    return QuestionKind(
        decision=bool(_DECISION.search(question) or asks_yes_no(question) or _ENDED_WITH.search(question)),
        number=number,
        date=(bool(_DATE.search(question)) and not number and not opens_reason) or opens_date,
        person=bool(_PERSON.search(question)) and other,
        # "Hvilke kommuner …?" in the plural asks for the list of their names, not for one name.
        named=bool(_NAMED.search(question) or _ASKS_NAME.search(question))
        and other
        and not _PLURAL_WHICH.match(question),
        place=bool(_PLACE.search(question)) and not number and other,
        reason=bool(_REASON.search(question)) and not opens_date,
        listing=bool(_LIST.search(question)),
        case_number=bool(_CASE_NUMBER.search(question)),
        about=bool(_ABOUT.search(question)),
        across=bool(_ACROSS.search(question) or _SPAN.search(question) or named_span(question))
        or (bool(_RECURRING.search(question)) and named_time(question).empty)
        or (bool(_LIST.search(question)) and bool(_DONE_OVER_A_YEAR.search(question))),
        meeting=bool(_MEETING.search(question)),
    )


# Words for people counted: "hvor mange mennesker" is answered by "18 deltagere", "hvor mange gæster" by "5.000
# borgere", "hvor mange indbyggere" by "52.906 borgere" (not "hvor mange beboere": residents of a place).
_PEOPLE_WORDS = "mennesker personer borgere indbyggere gæster deltagere besøgende brugere"
PEOPLE = frozenset(analyse(f"{_PEOPLE_WORDS} folk"))
# People named by a compound ("helårspersoner", "ydelsesmodtagere"): its head, when long enough to tell ("forbrug"
# ends in "brug", "Vordingborg" in "borg").
_PEOPLE_HEADS = tuple(head for head in analyse(f"{_PEOPLE_WORDS} modtagere") if len(head) >= 6)


def names_people(tokens: set[str]) -> bool:
    """Whether stemmed ``tokens`` name people: a word for them, or a compound ending in one."""
    return bool(tokens & PEOPLE) or any(token.endswith(_PEOPLE_HEADS) for token in tokens)


# A number that counts money, a share, an area or a time counts no things: "4 mio. kr.", "12 %", "3 år".
_UNIT_AFTER = re.compile(
    r"(?i)^(%|kr|kroner|mio|mia|millioner|milliarder|t|tkr|pct|procent|m2|m²|kvm|kvadratmeter|ha|hektar|km|meter|"
    r"timer?|dage?|døgn|uger?|måneder?|år)$"
)
# People counted by a word for people, whole words only ("personlig" and "besøg" count no one).
# A compound with a word for people as its head counts people too: "90 helårspersoner", "120 ydelsesmodtagere".
_COUNTED_PEOPLE = re.compile(rf"(?i)^[\wæøå]*({'|'.join(_PEOPLE_WORDS.split())}|modtagere)(ne)?$")
# A count and its noun stand in one phrase: "12 toiletvogne, og spejderne …" counts no spejdere.
_COUNT_BARRIER = re.compile(r"(?i)^([,;]|og|samt|eller|men|mens)$")
# … and a preposition after the number ends its phrase: "53 aktiviteter for børn" counts activities, "30 pladser til
# unge" places ("af" is partitive: "450 af eleverne" counts pupils).
_COUNTED_BEFORE = re.compile(r"(?i)^(for|til|i|på|med|fra|om|ved|hos|under|over|efter|mod|blandt)$")
_COUNT_OF = re.compile(r"(?i)^(antal|antallet) af$")
_COUNT_TOKEN = re.compile(r"[,;%]|[\wæøåÆØÅ²]+(?:[.,]\d+)*")
_NUMBER_WORD = re.compile(rf"(?i)^(\d+(?:[.,]\d+)*|{_NUMBER_WORDS})$")
COUNT_AFTER = 3  # words between a number and what it counts: "120 nye almene boliger"
COUNT_BEFORE = 2  # … and between what is counted and its number: "elever i alt 450", "Antal elever: 450"
COUNT_TOLD = 8  # … and between "antallet af elever" and the number it is told as


# The head of a compound ("sag" of "klagesag") is at least this long, and the compound this much longer.
MIN_HEAD = 3


def _counts_as(found: str, asked: str) -> bool:
    """Whether a counted word (stemmed) names what the question counts: the same word, a compound ending in it
    ("skoleelev" for "elev"), or the head of the compound asked ("sag" for "klagesag")."""
    return found.endswith(asked) or (
        len(found) >= MIN_HEAD and len(asked) - len(found) >= MIN_HEAD and asked.endswith(found)
    )


def counts_focus(sentence: str, question: str) -> bool:
    """Whether a sentence counts what "hvor mange …" asks about: "Hvor mange spejdere deltager?" is answered by
    "ca. 30.000 spejdere", not by "4 mio. kr." to "Spejdernes Lejr" in the same sentence. True when the question
    names nothing it counts."""
    thing = focus(question)
    # "Hvor mange søgte, og hvor mange blev udvalgt?": the second count names no thing.
    if not thing or not _COUNTS_THINGS.search(question) or len(re.findall(r"(?i)\bhvor mange\b", question)) > 1:
        return True
    # The counted noun may follow an adjective: "hvor mange fraskilte forældre".
    after = re.search(rf"(?i)\b{re.escape(thing)}\s+([a-zæøå][\wæøå-]+)", question)
    stems = set(analyse(f"{thing} {after.group(1) if after else ''}"))
    if not stems:
        return True
    tokens = _COUNT_TOKEN.findall(_NOT_A_QUANTITY.sub(" ", _ENUMERATOR.sub("", sentence)))
    numbers = [
        i
        for i, token in enumerate(tokens)
        if _NUMBER_WORD.match(token) and not (i + 1 < len(tokens) and _UNIT_AFTER.match(tokens[i + 1].rstrip(".")))
    ]
    counted = [
        i
        for i, token in enumerate(tokens)
        # People are counted as people: "hvor mange hjemløse" by "39 borgere"; a compound by its head: "hvor mange
        # klagesager" by "67 sager".
        if any(_counts_as(found, stem) for found in analyse(token) for stem in stems) or _COUNTED_PEOPLE.match(token)
    ]

    # "Antallet af elever i 0. klasse er steget til 450": the count of what is asked, told a few words on.
    told = [i + 2 for i in range(len(tokens) - 2) if _COUNT_OF.match(" ".join(tokens[i : i + 2])) and i + 2 in counted]
    if any(0 < number - noun <= COUNT_TOLD for noun in told for number in numbers):
        return True

    def near(number: int, noun: int) -> bool:
        between = tokens[min(number, noun) + 1 : max(number, noun)]
        if noun > number and any(_COUNTED_BEFORE.match(token) for token in between):
            return False
        limit = COUNT_AFTER if noun > number else COUNT_BEFORE
        return len(between) <= limit and not any(_COUNT_BARRIER.match(token) for token in between)

    return any(near(number, noun) for number in numbers for noun in counted)


# When something was done: "Hvornår vedtog …", "Hvornår blev … godkendt" (not "Hvornår skal …", "Hvornår forventes …").
_ASKS_PAST_DATE = re.compile(
    r"(?i)^\s*hvornår (vedtog|godkendte|besluttede|indgik|åbnede|startede|begyndte|sendte|modtog|overtog|udkom|blev)\b"
)


def listed_before(sentence: str) -> str:
    """What a sentence says before the list it runs ("De syv kommuner er " of "De syv kommuner er Vestby, Nordby og
    Østby kommuner."); "" when it runs none."""
    enumeration = _HAS_ENUMERATION.search(sentence)
    if not enumeration:
        return ""
    # The match may open on the words before the first entry ("syv kommuner er Vestby, …"): up to its first comma.
    comma = sentence.find(",", enumeration.start())
    return sentence[: comma if comma >= 0 else enumeration.start()]


def holds(wanted: str, sentence: str, question: str = "") -> bool:
    """Whether a sentence holds what the question wants — a number, a person, a date, a place, a reason — that
    the question does not already say itself (a year named in the question answers no "hvornår")."""
    if wanted == "reason":
        return any(
            not (match.group(0).casefold() == "for at" and _NOUN_BEFORE_FOR.search(sentence[: match.start()]))
            for match in _HAS_REASON.finditer(sentence)
        )
    if wanted == "list":
        # Three names or more, a name of several words counting once ("Vestby Kommune og KL" is two).
        # An abbreviation's period ends no sentence: "Vestby Sejlklub 4.500 kr. Østby Atletik 0 kr." has two names.
        unabbreviated = _ABBREVIATION.sub(r"\1 ", sentence)
        names = [name for name in _HAS_PROPER_NAME.findall(unabbreviated) if not name.endswith("-")]  # not "By-, Land-"
        return bool(_HAS_ENUMERATION.search(sentence)) or len(names) >= 3
    if wanted in ("person", "named") and _ASKS_WINNER.search(question) and not _HAS_WINNER.search(sentence):
        return False  # "Hvem vandt udbuddet?" is answered by who won it, not by a name in the tender's text
    if wanted == "named" and _ASKS_NAME.search(question):
        # The name given: a capitalised word the question does not have, and no little word that a list line's
        # break left capitalised ("… natur Som en del af …").
        asked_words = _question_words(question)
        names = [
            match.group(0)
            for match in _HAS_PROPER.finditer(sentence)
            if not _asked(match.group(0), asked_words) and analyse(match.group(0))
        ]
        return bool(_GIVES_NAME.search(sentence)) and bool(names)
    if wanted == "named" and _asked_organisation(question):
        return names_organisation(sentence, question)
    if wanted == "date" and _ASKS_AGE.search(question):
        # "Hvor gammel er broen?" is told by when it was made ("opført i 1786") or its age ("45 år gammel"), not by
        # the dates of what was done with it since.
        return bool((_TELLS_MADE.search(sentence) and _MADE_YEAR.search(sentence)) or _TELLS_AGE.search(sentence))
    if wanted == "date" and _ASKS_PAST_DATE.search(question) and _INTENDS.search(sentence):
        # "Hvornår vedtog Folketinget loven?" is not dated by "Regeringen sigter mod at fremsætte den i 2023".
        return False
    if wanted == "date" and _tells_condition(sentence, question):
        return True
    if wanted == "date":
        # "Ved Budget 2025-2028 …", "Klimahandlingsplan 2023-2026": the years name a budget or a plan, not a time.
        sentence = _NAMING_YEARS.sub(" ", sentence)
    pattern = {
        "number": _HAS_NUMBER,
        "date": _HAS_DAY if _ASKS_DAY.search(question) else _HAS_DATE,
        "person": _HAS_NAME,
        "named": _HAS_PROPER,
        "place": _HAS_PLACE,
    }.get(wanted)
    if pattern is None:
        return True
    asked = {match.group(0).casefold() for match in pattern.finditer(question)}
    text = sentence[1:] if wanted == "place" else sentence
    if wanted == "number":
        text = _NOT_A_QUANTITY.sub(" ", _ENUMERATOR.sub("", text))
        if _DURATION.search(question) and _UNTIL.search(sentence):
            # "Hvor længe gælder aftalen?" — "… frem til 31. december 2026": a period told by its end.
            return True
        # "Hvor mange billetter blev solgt?" counts tickets, whatever money the question also names.
        counts = _COUNTS_THINGS.search(question)
        unit = next((unit for asks, unit in _UNITS if asks.search(question) and not (counts and unit is _MONEY)), None)
        # A change is also told in per cent: "Hvor meget blev taksten sænket?" — "med 2 pct.".
        relative = _CHANGE.search(question) and _PERCENT.search(text)
        if unit is not None and not unit.search(text) and not relative:
            return False
        if unit is None and _COUNTS_THINGS.search(question):
            # "Hvor mange forældre har deltaget?" counts people, not years: "i cirka to år" answers nothing.
            text = _PERIOD.sub(" ", text)
            if not _ASKS_LIMIT.search(question):
                # "Hvor mange deltog?" is not told by a cap: "højst 10 deltagere på et hold".
                text = _LIMIT.sub(" ", text)
                sentence = _LIMIT.sub(" ", sentence)
            if not counts_focus(sentence, question):
                return False
    new = [match.group(0) for match in pattern.finditer(text) if match.group(0).casefold() not in asked]
    if wanted == "person" and not new and not _ASKS_APPOINTEE.search(question):
        # "Hvem" is answered by a person ("Anne Marie Holm"), a role with a name, or a body or place with a
        # one-word name ("aktivitetscentret Parkhuset"): a capitalised word the question does not have.
        asked_words = _question_words(question)
        proper = [m.group(0) for m in _HAS_PROPER.finditer(sentence) if not _asked(m.group(0), asked_words)]
        return bool(proper) or (bool(_HAS_PERSON_ROLE.search(sentence)) and bool(_HAS_NAME.search(sentence)))
    return bool(new)


# A firm asked for by its kind: "Hvilket firma …?", "Hvilken entreprenør …?", "Hvilket boligselskab vandt …?".
_ORGANISATION_KINDS = ("firma", "virksomhed", "entreprenør", "leverandør", "rådgiv", "selskab", "operatør", "arkitekt")
# Words that say a name is a firm's when they stand by it: "ARK5 arkitekter", "VRS revisorselskab".
_FIRM_WORDS = (*_ORGANISATION_KINDS, "revisor", "advokat", "ingeniør")
# A firm's legal form names it as one: "Holm A/S", "Vestby Rådgivning ApS".
_COMPANY_FORM = re.compile(r"(?<!\w)(?:A/S|ApS|I/S|P/S|K/S|IVS|a\.m\.b\.a\.)(?!\w)")
# A firm's name in capitals: "VRI", "ARK5" (not "BY" of "BY 04. september 2023").
_CAPITALS_NAME = re.compile(r"(?<!\w)[A-ZÆØÅ][A-ZÆØÅ0-9]{2,}(?!\w)")
# The municipality's own name is no firm's: "Vestby Kommunes rådgivere".
_MUNICIPALITY = re.compile(r"(?i)^kommune(?:n|ns|s)?$")
# The name stands this many words from a firm's word: "entreprenøren Holm", "Østby Bolig som administrator".
ORGANISATION_NEAR = 3


def _asked_organisation(question: str) -> bool:
    """Whether a "Hvilket firma/Hvilken entreprenør …?" question asks for a firm."""
    return any(thing.endswith(kind) for thing in asked_thing(question) for kind in _ORGANISATION_KINDS)


def names_organisation(sentence: str, question: str) -> bool:
    """Whether a sentence names a firm the question does not: one in its legal form ("Holm A/S"), in capitals
    ("VRI"), a name of two words or more ("Vestby Pleje"), or a name next to a firm's word ("entreprenøren Holm",
    "Boligselskabet Østby", "ARK5 arkitekter") — not "det vindende boligselskab", nor the school, street or
    municipality the sentence names."""
    if _COMPANY_FORM.search(sentence):
        return True
    asked_words = _question_words(question)
    if any(not _asked(match.group(0), asked_words) for match in _CAPITALS_NAME.finditer(sentence)):
        return True
    # A name of two words or more the question does not have: "Kontrakten tildeles Vestby Pleje".
    for match in _HAS_PROPER_NAME.finditer(_ABBREVIATION.sub(r"\1 ", sentence)):
        parts = match.group(0).split()
        if len(parts) >= 2 and not any(_asked(part, asked_words) or _MUNICIPALITY.match(part) for part in parts):
            return True
    words = re.findall(r"[\wæøåÆØÅ/-]+", sentence)

    def named(position: int) -> bool:
        word = words[position]
        following = words[position + 1] if position + 1 < len(words) else ""
        return (
            position > 0
            and word[:1].isupper()
            and not _asked(word, asked_words)
            and not _MUNICIPALITY.match(word)
            and not _MUNICIPALITY.match(following)
        )

    for i, word in enumerate(words):
        if not any(kind in stem for stem in analyse(word) for kind in _FIRM_WORDS):
            continue
        near = [*range(max(0, i - ORGANISATION_NEAR), i), *range(i + 1, min(len(words), i + 1 + ORGANISATION_NEAR))]
        if named(i) or any(named(position) for position in near):
            return True
    return False


# When something starts or applies from: asked ("Fra hvilken dato gælder taksten?", "Hvornår træder aftalen i kraft?",
# "… begynde sit virke?") and told ("gældende fra 1. juni", "træder i kraft den …", "med virkning fra", "fra og med").
_ASKS_START = re.compile(
    r"(?i)\b(gælde[rs]?|træde[rs]?\b[^?]{0,40}\bi kraft|ikrafttræd\w*|starte[rs]?|begynde[rs]?|fra hvornår|"
    r"fra hvilken dato)\b"
)
_TELLS_START = re.compile(
    r"(?i)\b(gældende fra|gælder fra|gælde fra|træde[rs]? i kraft|trådte i kraft|ikrafttræd\w*|med virkning fra|"
    r"fra og med|starte[rs]?|begynde[rs]?|opstart\w*|idriftsættelse\w*)\b"
)

# When a thing ends: "Hvornår udløber kontrakten?", "Hvornår ophører ordningen?".
_ASKS_END = re.compile(r"(?i)\b(udløbe[rs]?|udløb|udløbet|ophøre[rs]?|ophørte|udfase[rs]?)\b")
_TELLS_END = re.compile(r"(?i)\b(udløbe[rs]?|udløb\w*|ophøre[rs]?|ophør\w*|udfase\w*|til og med|frem til)\b")


# A reason stated as the reason: "Begrundelsen er, at …", "Årsagen til stigningen er …", "… skyldes …", "…, fordi …"
# (not a purpose or a consequence: "med henblik på", "derfor", "på baggrund af").
_STATES_REASON = re.compile(
    r"(?i)\b(begrundelse(?:n|rne)?\b[^.]{0,60}?\b(?:er|var)\b|årsag(?:en|erne)?\b[^.]{0,60}?\b(?:er|var)\b|"
    r"skyldes|skyldtes|fordi|idet|eftersom|på grund af|grundet)"
)


# A reason given for the sentence before it: "Køge Kommunes indtræden har ikke indflydelse på deponeringen." /
# "Årsagen er, at …" / "Det skyldes, at …" / "Det er især fordi, …".
_EXPLAINS_BEFORE = re.compile(
    r"(?i)^\s*(?:(?:årsag(?:en|erne)|grund(?:en|ene)|begrundelse(?:n|rne)|baggrund(?:en)|forklaring(?:en))"
    r"(?:\s+[\wæøå]+){0,3}\s+(?:er|var)\b|(?:det|dette)\s+(?:skyldes|skyldtes|(?:er|var|sker)\s+"
    # "Det er især fordi …", "Det er primært fordi …".
    r"(?:(?:især|primært|hovedsageligt|navnlig|først og fremmest|blandt andet|bl\.\s?a\.)\s+)?fordi)\b)"
)


# A list given for what the sentence before it announced: "… fire sportsgrene." / "Det er løbetræning, cykelmotion,
# powerwalk og skating.", "Der er tale om …", "Disse er …".
_ENUMERATES_BEFORE = re.compile(
    r"(?i)^\s*(?:(?:det|dette|disse|de)\s+(?:er|var|omfatter|omfattede|drejer sig om|drejede sig om)|der er tale om)\b"
)


def enumerates_before(sentence: str) -> bool:
    """Whether a sentence lists what the sentence before it announced ("Det er løbetræning, cykelmotion og …")."""
    return bool(_ENUMERATES_BEFORE.match(sentence)) and holds("list", sentence)


def explains_before(sentence: str) -> bool:
    """Whether a sentence opens by giving the reason for what the sentence before it said ("Årsagen er, at …",
    "Det skyldes, at …")."""
    return bool(_EXPLAINS_BEFORE.match(sentence))


def states_reason(sentence: str) -> bool:
    """Whether a sentence gives a reason as such ("Begrundelsen er, at …", "… skyldes …", "…, fordi …"), which
    answers "hvorfor" more surely than a purpose or a consequence does."""
    return bool(_STATES_REASON.search(sentence))


# A period: asked ("I hvilken periode var politikken i høring?", "Hvor længe løber høringen?") and told as its two ends
# ("fra den 10. februar til den 17. marts", "10.-24. maj").
_ASKS_PERIOD = re.compile(r"(?i)\b(hvilken periode|hvilket tidsrum|hvor længe|fra hvornår til hvornår)\b")
_TELLS_PERIOD = re.compile(
    rf"(?i)\bfra\s+(?:den\s+)?\d{{1,2}}\.\s?(?:{_MONTH_WORDS})?[^.]{{0,30}}?\b(?:til|til og med)\s+(?:den\s+)?"
    rf"\d{{1,2}}\.\s?(?:{_MONTH_WORDS})|\b\d{{1,2}}\.\s?-\s?\d{{1,2}}\.\s?(?:{_MONTH_WORDS})|"
    # Two days without "fra", as a table row prints them: "12. januar til 2. februar 2023".
    rf"\b\d{{1,2}}\.\s?(?:{_MONTH_WORDS})(?:\s+(?:19|20)\d\d)?\s+(?:til|til og med|–)\s+(?:den\s+)?"
    rf"\d{{1,2}}\.\s?(?:{_MONTH_WORDS})|"
    # Months or years: "fra januar til juni 2024", "gælder for 2024-2028" (not a name's years: "Politik 2023-2026").
    rf"\bfra\s+(?:{_MONTH_WORDS}|(?:19|20)\d\d)\b[^.]{{0,30}}?\b(?:til|til og med)\s+"
    rf"(?:{_MONTH_WORDS}|(?:19|20)\d\d)\b|"
    r"\b(?:for|perioden|i|fra)\s+(?:19|20)\d\d\s?[-–]\s?(?:19|20)?\d\d\b"
)


def asks_period(question: str) -> bool:
    """Whether the question asks for a period ("I hvilken periode …?", "Hvor længe …?"): one date is half an answer."""
    return bool(_ASKS_PERIOD.search(question))


# Years that name a budget or a plan ("Budget 2025-2028", "budgetlægningen for 2024"), not a time (``holds``).
_NAMING_YEARS = re.compile(
    r"(?i)\b(?:budget\w*|\w*plan|\w*politik|\w*strategi)\s+(?:for\s+)?(?:19|20)\d\d(?:\s?[-–]\s?(?:19|20)?\d\d)?\b"
)
# How old a thing is ("Hvor gammel er broen?") is told by when it was made ("opført i 1786", "bygget i 1965"), in
# any century.
_MADE_YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d\b")
_TELLS_AGE = re.compile(r"(?i)\b\d+\s+år\s+gam(?:mel|le|melt)\b")
_TELLS_MADE = re.compile(r"(?i)\b(opført|bygget|etableret|anlagt|grundlagt|stiftet|oprettet|indviet|åbnet)\b")


# A time told by what must happen first: "Testamentet træder først i kraft, når personen er blevet inhabil".
_STARTS = re.compile(
    r"(?i)\b(?:træde[rs]?|trådte)\b(?:\s+\w+){0,2}\s+i kraft|\b(?:gælde[rs]?|starte[rs]?|begynde[rs]?)\b"
)
_CONDITION = re.compile(r"(?i)\b(først,? når|når|så snart|så længe|indtil|efter at)\b")


def _tells_condition(sentence: str, question: str) -> bool:
    """Whether a sentence answers "Hvornår træder … i kraft?" / "Hvornår ophører …?" by the condition for it: the
    asked start or end said, and what must happen first."""
    asked = (_ASKS_START.search(question) and _STARTS.search(sentence)) or (
        _ASKS_END.search(question) and _TELLS_END.search(sentence)
    )
    return bool(asked and _OPENS_DATE.match(question) and _CONDITION.search(sentence))


def tells_start(sentence: str, question: str) -> bool:
    """Whether a sentence dates the start the question asks for: "Fra hvilken dato gælder taksten?" is answered by
    "… gældende fra 1. juni 2024" more surely than by the dates of the case's meetings; likewise the end asked for
    ("Hvornår udløber kontrakten?" by "udløber den 31. januar 2026"), when a thing was made ("Hvor gammel …?"), and
    both ends of the period a question asks for ("I hvilken periode …?" by "fra den 10. februar til den 17. marts")."""
    if _ASKS_PERIOD.search(question):
        return bool(_TELLS_PERIOD.search(sentence))
    if _ASKS_AGE.search(question):
        # "Hvor gammel er broen?" — "Broen er opført i 1786."
        return bool(_TELLS_MADE.search(sentence) and _MADE_YEAR.search(sentence))
    if _ASKS_END.search(question):
        # "Hvornår udløber kontrakten?" — "Kontrakten udløber den 31. januar 2026", not "driftsstart 1. januar 2020".
        return bool(_TELLS_END.search(sentence) and _HAS_DATE.search(sentence))
    return bool(_ASKS_START.search(question) and _TELLS_START.search(sentence) and _HAS_DATE.search(sentence))


def names_person(sentence: str, question: str = "") -> bool:
    """Whether the sentence names a person the question does not: two or more capitalised words ("Anne
    Holm", "Jens Møller-Nielsen") that neither end nor begin with an institution's word ("Region Nordjylland") and are
    not the question's own."""
    asked_words = _question_words(question)
    for match in _HAS_NAME.finditer(sentence):
        words = re.split(r"[ -]", match.group(0))
        institution = (
            _INSTITUTION_END.search(words[-1])
            or _INSTITUTION_START.match(words[0])
            or any(_INSTITUTION_INSIDE.match(word) for word in words[1:-1])
        )
        if institution or all(_asked(word, asked_words) for word in words):
            continue
        return True
    return False


# A matter numbered in its name: "budgetopfølgning 3", "etape 2", "lokalplan 14.55", "1. udkast" (not a year).
_NUMBERED_AFTER = re.compile(r"(?i)\b([a-zæøå]{4,})\s+(\d{1,2}(?:\.\d{1,2})?)\b(?![.,]?\d)")
_NUMBERED_BEFORE = re.compile(r"(?i)\b(\d{1,2})\.\s+([a-zæøå]{4,})\b")


def numbered_matters(text: str) -> dict[str, set[str]]:
    """The numbered names in a text, word → numbers: "Budgetopfølgning 3 2022" → {"budgetopfølgning": {"3"}}."""
    found: dict[str, set[str]] = {}
    for word, number in _NUMBERED_AFTER.findall(text):
        found.setdefault(word.casefold(), set()).add(number)
    for number, word in _NUMBERED_BEFORE.findall(text):
        if word.casefold() not in MONTHS:  # "5. september" is a date
            found.setdefault(word.casefold(), set()).add(number)
    return found


def numbers_otherwise(text: str, asked: dict[str, set[str]]) -> bool:
    """Whether ``text`` numbers one of the asked matters (see ``numbered_matters``) only otherwise: "Budgetopfølgning
    1 blev behandlet i maj" when the question asks about budgetopfølgning 2."""
    written = numbered_matters(text)
    return any(word in written and not numbers & written[word] for word, numbers in asked.items())


# Small words a committee's initials skip: "Klima-, Teknik- og Miljøudvalget" is "KTMU".
_NOT_INITIALLED = frozenset({"og", "for", "i", "af"})
# Initials this short name a committee only with the committee's own "U" ("ØU", not "Ø"; "SHU", not "SH").
MIN_BARE_INITIALS = 3


def body_initials(body: str) -> list[str]:
    """How people write a committee by its initials: "Klima-, Teknik- og Miljøudvalget" → "KTMU", "KTM";
    "Økonomiudvalget" → "ØU"; "Skole-, Børne- og Ungeudvalget" → "SBUU", "SBU". None for a body whose name is not
    a committee's ("Byrådet")."""
    words = [word for word in re.findall(r"\w+", body) if word.casefold() not in _NOT_INITIALLED]
    if not words or not re.search(r"(?i).udvalg(?:et)?$", words[-1]):
        return []
    letters = "".join(word[0].upper() for word in words)
    return [letters + "U"] + ([letters] if len(letters) >= MIN_BARE_INITIALS else [])


_COMMITTEE_WORD = re.compile(r"(?i)^(?P<stem>\w+?)udvalg(?:et)?$")
# A committee named by one word of its name: "teknikudvalget", "kulturudvalgets", "i skoleudvalget".
_SHORT_NAME = re.compile(r"(?i)(?<![\w-])(?P<stem>\w{4,}?)udvalg(?P<form>ets|et|s)?(?!\w)")


def short_names(body: str) -> list[str]:
    """The words of a committee's name people name it by, before "udvalget": "Klima-, Teknik- og
    Miljøudvalget" is "teknikudvalget" too (and "klima…", "miljø…"); "Kultur- og Fritidsudvalget"
    "kulturudvalget". None for a body whose name is not a committee's, nor one of a single word."""
    words = [word for word in re.findall(r"\w+", body) if word.casefold() not in _NOT_INITIALLED]
    last = _COMMITTEE_WORD.match(words[-1]) if words else None
    if not last or len(words) < 2:
        return []
    return [word.casefold() for word in words[:-1]] + [last.group("stem").casefold()]


def spelled_out(question: str, bodies: Iterable[str]) -> str:
    """The question with each committee it names by its initials or by one word of its name named in full ("Hvad
    besluttede KTMU?", "Hvad besluttede teknikudvalget?" → "Hvad besluttede Klima-, Teknik- og Miljøudvalget?"):
    searched, weighed and checked as if the user had written it. A short name that fits two committees, or is a
    committee's own full name ("Miljøudvalget" where there is one), is left as written."""
    bodies = [body for body in bodies if body]
    for body in bodies:
        initials = body_initials(body)
        if initials:
            pattern = rf"(?<!\w)(?:{'|'.join(map(re.escape, initials))})('?s)?(?!\w)"
            question = re.sub(pattern, lambda match, body=body: body + ("s" if match.group(1) else ""), question)
    full = {re.sub(r"\W", "", body).casefold() for body in bodies}
    by_word: dict[str, list[str]] = {}
    for body in bodies:
        for word in short_names(body):
            by_word.setdefault(word, []).append(body)

    # Not the last word of a name written in full: "Klima-, Teknik- og Miljøudvalget" stays as it is.
    written = [match.span() for body in bodies for match in written_body(body).finditer(question)]

    def named(match: re.Match[str]) -> str:
        stem = match.group("stem").casefold()
        found = by_word.get(stem, [])
        inside = any(start <= match.start() and match.end() <= end for start, end in written)
        if len(found) != 1 or f"{stem}udvalget" in full or inside:
            return match.group(0)
        return found[0] + ("s" if match.group("form") in ("ets", "s") else "")

    return _SHORT_NAME.sub(named, question)


def written_body(body: str) -> re.Pattern[str]:
    """A body's name as a question writes it: any punctuation between its words, the genitive allowed
    ("Social- og Handicapudvalgets"), or a committee's initials in capitals ("KTMU", "KTMU's", "ØU")."""
    words = re.findall(r"\w+", body)
    name = r"[\W_]+".join(map(re.escape, words)) + r"s?"
    initials = [rf"(?-i:{re.escape(letters)})(?:'?s)?" for letters in body_initials(body)]
    return re.compile(r"(?i)(?<!\w)(?:" + "|".join([name, *initials]) + r")(?!\w)")


def body_spans(question: str, bodies: Iterable[str]) -> dict[str, tuple[int, int]]:
    """Where the question names each of ``bodies`` it names; one whose name stands inside another's named one
    ("Børneudvalget" in "Skole- og Børneudvalget") is not named by that."""
    spans = {body: match.span() for body in bodies if body and (match := written_body(body).search(question))}
    return {
        body: (start, end)
        for body, (start, end) in spans.items()
        if not any(
            other != body and other_start <= start and end <= other_end and other_end - other_start > end - start
            for other, (other_start, other_end) in spans.items()
        )
    }


def bodies_in(question: str, bodies: Iterable[str]) -> set[str]:
    """The bodies among ``bodies`` that the question names."""
    return set(body_spans(question, bodies))


# A body named in a clause of its own says what it did, not whose meetings are asked: "Hvilken pulje betaler
# fortovet – blev det klimapuljen, som teknikudvalget gik ind for?", "…, da Økonomiudvalget behandlede sagen?".
_ASIDE = re.compile(r"(?i)\b(?:som|da|der|hvor|når|efter at|inden)\s+(?:(?:det|den|de)\s+)?$")


def bodies_asked(question: str, bodies: Iterable[str]) -> set[str]:
    """The bodies the question asks about: those it names, not in a clause of their own (see ``_ASIDE``)."""
    return {body for body, (start, _) in body_spans(question, bodies).items() if not _ASIDE.search(question[:start])}


# An outcome asked for — "Fik foreningen pengene?", "Hvad blev resultatet af …?", "den endelige pris", "Hvem vandt
# udbuddet?" — is not told by an intention, a plan or a request: "Foreningen ønsker at ansøge fonden", "Det forsøges
# at indhente finansiering", "Sagen fremlægges på et kommende møde".
_ASKS_OUTCOME = re.compile(
    r"(?i)\bendelig(e|t)?\b|\btil sidst\b|\bi sidste ende\b|"
    r"\b(blev|var) resultatet\b|\bresultatet (af|blev)\b|\bvandt\b|\blykkedes\b|"
    r"^\s*fik\b|^\s*har\b.{0,80}\b(sagt (ja|nej)|takket (ja|nej)|accepteret|fået)\b|"
    # "Hvor mange penge har fonden bevilget?": what was granted, not what was applied for.
    r"\bhar\b[^?]{0,60}\bbevilget\b"
)
_INTENDS = re.compile(
    r"(?i)\b(ønsker,? at|ønsker \w+ at|forsøge[sr]?|ansøge[sr]?|søge[rs]? om|forventes|forventer|sigte[rt]? mod|"
    r"planlægge[rs]?|planlagt|påtænke[rs]?|afvente[rs]?|undersøge[sr]?|afdække[sr]?|fremlægges|forelægges|"
    r"annonceres|går i dialog|vil (blive|kunne|være)|skal (nu )?(tage stilling|godkende|beslutte|behandle|vurdere)|"
    # A tender still to run, and its rules: "sendes i udbud, så der kan findes en entreprenør", "Kontrakten tildeles
    # den tilbudsgiver, som har den højeste pointscore".
    r"udbydes|sendes i udbud|(kan|skal) findes|tildeles (til )?den \w+, (som|der)|"
    # Who decides later: "Det er Byrådet, som har den endelige beslutning".
    r"(har|træffer|tager) den endelige beslutning)\b"
)
# What the administration proposes tells no outcome: "1. at der etableres …", "Administrationen indstiller, at …".
_PROPOSES = re.compile(
    r"(?i)^\s*(?:(?:\d{1,2}|[a-z])[.)]\s*)*at\s|\b(?:administrationen|forvaltningen|direktionen)\s+indstille[rs]?\b"
)
# What is final is not a body's recommendation to another ("Anbefales", "indstiller til Byrådet").
_FINAL = re.compile(r"(?i)\bendelig(e|t)?\b|\btil sidst\b|\bi sidste ende\b")
_RECOMMENDS = re.compile(r"(?i)\b(anbefale[rs]?|indstille[rs]?)\b")
# "Økonomiudvalget anbefaler overfor Byrådet, at …": what Byrådet then decided stands in its own minutes.
_RECOMMENDS_TO = re.compile(r"(?i)\b(?:anbefale[rs]?|indstille[rs]?)\s+(?:overfor|over for|til)\s+([\wæøå-]+)")


# Years a text speaks of: "2023", a span "2023-2026" or "2023-26", a season "2022/23" (every year in it).
_YEARS_WRITTEN = re.compile(r"(?<![\d.,])((?:19|20)\d\d)(?:\s?[-–/]\s?((?:19|20)?\d\d))?(?![\d.,]\d)")


def years_in(text: str) -> set[int]:
    """The years a text names, spans and seasons spelled out: "budget 2023-26" → {2023, 2024, 2025, 2026}."""
    years: set[int] = set()
    for first, last in _YEARS_WRITTEN.findall(text):
        start = int(first)
        end = int(last) if len(last) == 4 else (start // 100 * 100 + int(last) if last else start)
        years.update(range(start, end + 1) if 0 <= end - start <= 10 else (start,))
    return years


# A sentence about the meeting's own time: "leverer i dag", "har siden november 2022 …", "er nu".
_NOW = re.compile(r"(?i)\b(i dag|nu|aktuelt|pt\.?|p\.t\.|for tiden|siden|fortsat|stadig)\b")


def other_period(
    question: str, best: str, quotes: Iterable[str], meeting_year: int | None = None, title: str = ""
) -> bool:
    """Whether the best quote speaks of another year than the one the question asks about: "Hvor mange deltog i
    2012?" is not answered by "I 2011 blev der holdt 5 kurser". A best quote naming no year speaks of its item's
    ("Årsregnskab 2023") when the meeting is from another year than the one asked, else leaves it open (the
    meeting's own year may be meant); any quote naming the year asked leaves it open too. A quote about the
    meeting's own time ("leverer i dag", "siden november 2022") speaks of the meeting's year. A year named as a
    meeting's time ("Hvor stor er kommunens andel, jf. byrådet april 2023?") is not the figure's."""
    asked = years_in(without_meeting_times(question))
    if not asked:
        return False

    def spoken_of(text: str) -> set[int]:
        years = years_in(text)
        return years | {meeting_year} if meeting_year and _NOW.search(text) else years

    # The item's year stands in for the quote's only when the meeting is not from the year asked either: a report
    # of 2022 discussed in 2023 may well give the figures of 2023.
    named = spoken_of(best) or (years_in(title) if meeting_year not in asked else set())
    return bool(named) and not named & asked and not any(spoken_of(quote) & asked for quote in quotes)


# "Hvad besluttede Byrådet den 6. november?": a decision taken on a day, in the past tense.
_DECIDING = "besluttede|vedtog|godkendte|bevilgede|tiltrådte|valgte|udpegede"
_DECIDED = re.compile(rf"(?i)\b({_DECIDING})\b")
# The month of the decision itself: "Hvad besluttede Byrådet i april 2023 om …" (not "besluttede udvalget at holde
# sit møde i januar 2023", the month of what was decided).
_DECIDED_IN_MONTH = re.compile(
    rf"(?i)\b(?:{_DECIDING})(?:\s+(?!at\b|om\b)[\wæøå,-]+){{0,5}}?\s+i\s+({_MONTH_WORDS})\s+((?:19|20)\d\d)\b"
)


def decided_after(question: str, meeting_dates: Iterable[dt.date | None]) -> bool:
    """Whether the question asks what was decided on a day after every cited meeting: minutes of October cannot
    say what the council decided in November, however well they announce it ("forventes godkendt den 6. november"),
    nor minutes of March what it decided "i april 2023"."""
    if not _DECIDED.search(question):
        return False
    asked = find_dates(question)
    decided_in = _DECIDED_IN_MONTH.search(question)
    if not asked and decided_in:
        asked = [dt.date(int(decided_in.group(2)), MONTHS[decided_in.group(1).casefold()], 1)]
    dates = [date for date in meeting_dates if date is not None]
    return bool(asked and dates) and all(max(asked) > date for date in dates)


# A question about what happened: a verb in the past ("Hvad viste undersøgelsen i 2024?", "Hvor mange deltog i
# 2024?") — not a plan or a figure set in advance ("Hvad bliver taksten i 2024?", "Hvad er budgettet for 2024?"),
# nor a change or a price ("Hvor meget steg taksten i 2024?"), which the minutes of the year before decide.
_PAST = re.compile(
    r"(?i)\b(viste|deltog|vandt|endte|udgjorde|modtog|afgav|opnåede|landede|åbnede|lukkede|gik|kom|skete|lykkedes)\b"
)
_IN_YEAR = re.compile(r"(?i)\bi ((?:19|20)\d\d)\b")


def happened_after(question: str, meeting_dates: Iterable[dt.date | None]) -> bool:
    """Whether the question asks what happened in a year after every cited meeting: minutes of 2022 cannot say
    what a survey showed in 2024."""
    if not _PAST.search(question):
        return False
    asked = [int(year) for year in _IN_YEAR.findall(question)]
    years = [date.year for date in meeting_dates if date is not None]
    return bool(asked and years) and all(max(asked) > year for year in years)


# The council, which decides last: "Hvad besluttede Byrådet …?", "Hvordan stemte kommunalbestyrelsen …?".
_COUNCIL = r"(?:byråd(?:et|ets)?|kommunalbestyrelse(?:n|ns)?|borgerrepræsentation(?:en|ens)?|regionsråd(?:et|ets)?)"
_DECIDES = (
    r"(?:besluttede|besluttet|beslutter|vedtog|vedtaget|vedtager|godkendte|godkendt|godkender|stemte|stemmer|"
    r"tiltrådte|tiltrådt|bevilgede|bevilget|endte|sagde ja|sagde nej)"
)
_COUNCIL_DECIDES = re.compile(
    rf"(?i)\b{_COUNCIL}\b(?:\s+\w+){{0,2}}?\s+{_DECIDES}\b|\b{_DECIDES}(?:\s+\w+)?\s+{_COUNCIL}\b|"
    rf"\b{_DECIDES}\s+(?:af|i)\s+{_COUNCIL}\b|\b{_COUNCIL}s beslutning\b|\bbeslutning i {_COUNCIL}\b"
)
_OTHER_BODY = re.compile(r"(?i:udvalg)|\b[A-ZÆØÅ]{2,6}\b")
_TO_COUNCIL = re.compile(rf"(?i)\b(?:til|overfor|over for|for)\s+{_COUNCIL}\b")


def asks_council_decision(question: str) -> bool:
    """Whether the question asks what the council alone decided ("Hvordan stemte Byrådet om …?"), not what a
    committee recommended to it ("Hvad anbefalede udvalget til Byrådet?")."""
    return (
        bool(_COUNCIL_DECIDES.search(question))
        and not _TO_COUNCIL.search(question)
        # "… hvad anbefalede KTMU, og blev bevillingen godkendt i byrådet?" asks the committees' steps as well.
        and not _OTHER_BODY.search(question)
    )


def tells_council_decision(sentence: str) -> bool:
    """Whether a sentence tells what the council decided ("Byrådet godkendte den 4. september …", "vedtaget i
    Byrådet"); "Økonomiudvalget anbefaler overfor byrådet at godkende …" does not."""
    return bool(_COUNCIL_DECIDES.search(_TO_COUNCIL.sub(" ", sentence)))


def is_council(body: str) -> bool:
    """Whether a meeting's body is the council ("Byrådet", "Vestby Byråd", "Kommunalbestyrelsen")."""
    return bool(re.search(r"(?i)byråd|kommunalbestyrelse|borgerrepræsentation|regionsråd", body))


def asks_outcome(question: str) -> bool:
    return bool(_ASKS_OUTCOME.search(question))


def tells_outcome(sentence: str, question: str, meeting_date: dt.date | None = None) -> bool:
    """Whether a sentence of minutes from ``meeting_date`` can tell the outcome a question asks for: it states
    what happened or was decided, not what someone intends, plans or asks for — nor a timetable of days still to
    come, nor, when the question asks what was final, what one body recommends to another. Minutes cannot tell
    the outcome on a day after their meeting ("tilslutningen ved fristen den 1. april" in minutes of March)."""
    if _INTENDS.search(sentence) or _PROPOSES.search(sentence):
        return False
    if meeting_date is not None:
        asked, written = find_dates(question), find_dates(sentence)
        if any(day > meeting_date for day in asked) or (written and min(written) > meeting_date):
            return False
    recommended_to = _RECOMMENDS_TO.search(sentence)
    if recommended_to and re.search(rf"(?i)\b{re.escape(recommended_to.group(1))}\b", question):
        return False  # "Godkendte Byrådet …?" is not told by a recommendation to Byrådet
    return not (_FINAL.search(question) and _RECOMMENDS.search(sentence))


def _question_words(question: str) -> set[str]:
    """The question's words, case-folded: what ``_asked`` compares a capitalised word with."""
    return {word.casefold() for word in re.findall(r"\w+", question)}


def _asked(proper: str, asked_words: set[str]) -> bool:
    """Whether a capitalised word is one the question already has, inflected or compounded: "SOSU-udvalg" when
    the question says "SOSU-udvalget", "Parkhuset" when it says "Parkhus"."""
    word = proper.split("-")[0].casefold()
    return any(
        word == asked or (min(len(word), len(asked)) >= 4 and (asked.startswith(word) or word.startswith(asked)))
        for asked in asked_words
    )


# The thing a question counts, prices or names, when its wording puts it right after the question word: "hvor
# mange elever", "hvad koster et periodekort", "hvem er formand". Units and categories ("hvor mange penge",
# "hvor mange procent") are not things the answer must name.
_FOCUS = re.compile(
    r"(?i)\b(?:hvor mange|hvad koster (?:en|et)?|"
    # "Hvor stort et indskud …?" asks the size of an indskud (an adjective before the noun is skipped: "Hvor stor en
    # årlig besparelse …").
    r"hvor stor[te]? (?:en |et )?(?:[a-zæøå]+(?:ig|igt|ige|al|ale|ret|rede)\s+)?|"
    # "Hvem blev valgt som ny næstformand?" names the post; a name given for another post does not answer it.
    r"hvem (?:er|var|blev|bliver) (?:valgt|udpeget|udnævnt|ansat|konstitueret) (?:som|til) (?:ny |den nye |nye )?|"
    r"hvem (?:er|var|blev) (?:ny|den nye|det nye)?|"
    # "Hvad blev den endelige entreprisesum …?": the quote names the sum asked for.
    r"hvad (?:er|var|blev|bliver) (?:den|det|de) (?:[a-zæøå]+e\s+)?)"
    r"\s*(?:(?:cirka|ca\.|omkring|flere|færre|nye|ekstra|mindst|højst|samlet)\s+)?([a-zæøå][\wæøå-]{2,})"
)
_NOT_FOCUS = re.compile(
    r"(?i)^(penge|kroner|kr|beløb|beløbet|sum|summen|procent|pct|gange|år|måneder|uger|dage|timer|minutter|"
    r"kvadratmeter|meter|kilometer|"
    r"hektar|mio|millioner|mia|milliarder|af|i|til|for|på|om|der|de|det|den|man|vi|blevet|valgt|udpeget|ansvarlig|"
    r"deltog|deltager|kom|kommer|var|er|blev|bliver|har|havde|skal|kan|vil|bor|går|fik|får|"
    # Strong verbs in the past, and "modtager" (the people are "modtagere"): "Hvor mange modtog …?", "… sad i …?"
    r"modtog|modtager|tog|gav|sad|stod|lå|fandt|bad|gjorde|sagde|skrev|"
    # Who was there or not is the meeting's business ("Hvem var fraværende?"), read from its labelled lines.
    r"fraværende|tilstede|syg|syge|forhindret|"
    # Adverbs and quantifiers: "hvad koster det cirka", "hvor mange flere".
    r"cirka|ca|omkring|præcis|præcist|mindst|højst|maksimalt|minimum|maksimum|samlet|ialt|årligt|egentlig|"
    r"normalt|typisk|gennemsnitligt|ekstra|mere|flere|færre|mindre|nye|nu|så|mon|også|dog|længere|"
    # "Hvor stor en del …", "Hvor stort var …": a share or a verb, no thing.
    r"del|andel|blev|endte|forventer|forventes|forventede)$"
)


# A verb in the past tense where the noun would stand counts people, not a thing: "Hvor mange søgte om en plads?",
# "Hvor mange stemte for?" (a plural noun ends otherwise: "ansatte", "elever").
_PAST_VERB = re.compile(
    r"(?i)[a-zæøå]*(?:[^t\W]te|ede)\b(?=\s+(?:om|for|imod|mod|på|i|til|sig|ind|op|ud|med|af)\b|\s*[?,])"
)


def meeting_fact(text: str) -> str:
    """Which fact about a meeting a question asks for, or a label prints: "absent", "present", "place", "time" or
    ""; absence is tested before presence ("deltog ikke" is absence)."""
    return next((fact for fact, pattern in _MEETING_FACTS.items() if pattern.search(text)), "")


def tells_end(sentence: str) -> bool:
    """Whether a line of the meeting's own says when it ended ("Mødet hævet kl. 10.15", "Kl. 16.15-18.30")."""
    return bool(_MEETING_FACTS["end"].search(sentence) or _TIME_RANGE.search(sentence))


def says_absence(sentence: str) -> bool:
    """Whether a sentence says someone was absent ("Anne Holm havde meldt afbud", "Fraværende: …")."""
    return bool(_MEETING_FACTS["absent"].search(sentence))


def meeting_facts(question: str) -> list[str]:
    """Every fact about the meeting a question asks for, in the order it asks: "Hvem deltog i mødet, og hvem havde
    afbud?" asks "present" and "absent"; "hvem deltog ikke" only "absent"."""
    found: list[tuple[int, str]] = []
    taken: list[range] = []
    for fact, pattern in _MEETING_FACTS.items():  # absence first: its words are not presence's too
        for match in pattern.finditer(question):
            if not any(match.start() in span for span in taken):
                taken.append(range(match.start(), match.end()))
                found.append((match.start(), fact))
    ordered: list[str] = []
    for _, fact in sorted(found):
        if fact not in ordered:
            ordered.append(fact)
    if not _OWN_MEETING.search(question):
        # "Hvornår blev KL's topmøde afholdt?" asks the date of another event, not of the minutes' meeting.
        ordered = [fact for fact in ordered if fact != "date"]
    return ordered


# The kind of money a sum is paid or received as: "Hvor meget betaler foreningen i husleje?", "Hvor meget fik klubben
# i partnerskabsmidler?" — a lower-case noun after "i" (not a place, "i Vestby", nor a year).
_PAID_AS = re.compile(
    r"\bhvor meget\b[^?]{0,60}?\b(?:fik|får|betaler|betalte|modtog|modtager)\b[^?]*?\bi ([a-zæøå][\wæøå-]{4,})"
)


def paid_as(question: str) -> str:
    """The kind of payment a "hvor meget" question names ("husleje"), "" when it names none."""
    match = _PAID_AS.search(question[:1].lower() + question[1:])
    return match.group(1) if match else ""


# A second question after the first: "Hvor mange modtog ydelsen i 2023, og hvor mange søgte?", "Hvem ansøgte – og
# hvad fik de?" (the first must ask too: "Byrådet godkendte planen, og hvad skete der så?" is one question).
_SECOND_QUESTION = re.compile(
    r"(?i)(?:,|\s[–-])\s*og\s+((?:hvor|hvad|hvem|hvilke[nt]?|hvornår|hvorfor|hvordan)\b[^?]{8,}\??)\s*$"
)
_OPENS_QUESTION = re.compile(r"(?i)^\W*(?:[\wæøå-]+\s+){0,3}?hv")


def two_questions(question: str) -> tuple[str, str] | None:
    """The two questions asked in one ("Hvor mange modtog ydelsen, og hvor mange ansøgninger kom der?" → "Hvor mange
    modtog ydelsen?", "hvor mange ansøgninger kom der?"); None when it asks one."""
    match = _SECOND_QUESTION.search(question)
    if not match or not _OPENS_QUESTION.match(question):
        return None
    return question[: match.start()].rstrip() + "?", match.group(1)


def focus(question: str) -> str:
    """The noun a question counts, prices or names when its wording shows it ("elever" in "hvor mange elever
    går …"); "" when it does not."""
    match = _FOCUS.search(question)
    if not match or _NOT_FOCUS.match(match.group(1)) or _PAST_VERB.match(question, match.start(1)):
        return ""
    return match.group(1)


@dataclass(frozen=True)
class When:
    """The time a question names, as precisely as it names it."""

    day: dt.date | None = None
    month: tuple[int, int | None] | None = None  # (month, year or None)
    year: int | None = None

    def matches(self, date: dt.date | None) -> bool | None:
        """True/False when the question names a time, None when it names none."""
        if date is None:
            return None if self.empty else False
        if self.day:
            return date == self.day
        if self.month:
            month, year = self.month
            return date.month == month and (year is None or date.year == year)
        if self.year:
            return date.year == self.year
        return None

    @property
    def empty(self) -> bool:
        return not (self.day or self.month or self.year)


# A time that opens or closes a span ("siden august", "fra november 2023 til april 2024", "efter 1. maj") bounds the
# course asked about; it names no meeting.
_SPAN_TIME = re.compile(
    rf"(?i)\b(?:siden|fra|efter|til|frem til|indtil)\s+(?:den\s+)?(?:\d{{1,2}}\.\s*)?(?:{_MONTH_WORDS})\b"
    r"(?:\s+(?:19|20)\d\d)?"
)


def named_time(question: str) -> When:
    """ "den 22. maj 2023" → that day; "i maj 2023" → that month; "i 2023" → that year; "siden august" → none."""
    question = _SPAN_TIME.sub(" ", question)
    day = find_date(question)
    if day:
        return When(day=day)
    month = _QUESTION_MONTH.search(question) or _QUESTION_SHORT_MONTH.search(question)
    if month:
        return When(month=(MONTHS[month.group(1).casefold()], int(month.group(2)) if month.group(2) else None))
    year = _QUESTION_YEAR.search(question)
    return When(year=int(year.group(0))) if year else When()


# A time with its year, as a question names a meeting's time: "i november 2022", "den 17. november 2022", "i
# efteråret 2022", "i starten af 2023". Seasons and parts of a year cover these months.
_SEASONS = {
    "foråret": (3, 5),
    "sommeren": (6, 8),
    "efteråret": (9, 11),
    "vinteren": (1, 2),
    "starten af": (1, 4),
    "begyndelsen af": (1, 4),
    "slutningen af": (9, 12),
    "udgangen af": (10, 12),
}
_TIME_WITH_YEAR = re.compile(rf"(?i)\b(?:({_MONTH_WORDS})|({'|'.join(_SEASONS)}))\s+((?:19|20)\d\d)\b")


# A time is a meeting's when a body, a meeting or its handling stands just before it ("teknikudvalget i november
# 2022", "behandlingen i marts 2023", "møderne i maj 2022 og i juni 2022").
_MEETING_BEFORE = re.compile(
    r"(?i)(udvalg|byråd|kommunalbestyrelse|møde|behandl|fremlag|drøft|orienter|beslut|vedtog|vedtaget)\w*\b"
)
MEETING_WINDOW = 40


def _meeting_times(question: str) -> list[re.Match[str]]:
    """The times with their years that the question names as meetings' times: a body, a meeting or its handling
    just before ("teknikudvalget i november 2022", "jf. byrådet april 2023")."""
    return [
        match
        for match in _TIME_WITH_YEAR.finditer(question)
        if _MEETING_BEFORE.search(question[max(0, match.start() - MEETING_WINDOW) : match.start()])
    ]


def without_meeting_times(question: str) -> str:
    """The question less the times it names as meetings' times (see ``_meeting_times``)."""
    for match in reversed(_meeting_times(question)):
        question = question[: match.start()] + " " + question[match.end() :]
    return question


def without_times(question: str) -> str:
    """The question less the times it names with their years ("i november 2022", "i efteråret 2023")."""
    return _TIME_WITH_YEAR.sub(" ", question)


def within_span(date: dt.date | None, span: tuple[dt.date, dt.date]) -> bool:
    """Whether a meeting's date falls in a span (see ``named_span``); an undated meeting does not."""
    return date is not None and span[0] <= date <= span[1]


def named_span(question: str) -> tuple[dt.date, dt.date] | None:
    """The span between two different times the question names as meetings' times, with their years ("fra
    teknikudvalget i november 2022 til Kultur- og Fritidsudvalget i marts 2023", "på møderne i december 2022 og i
    januar 2023"): a course across the meetings in it. None when it names fewer — a figure's time is no meeting's
    ("visiteret til et specialtilbud i december 2022 ifølge udvalgets møde i januar 2023") — or asks how much a
    figure changed between two times ("Hvor meget steg taksten fra januar 2023 til januar 2024?")."""
    if _CHANGE.search(question) and _asks_number(question):
        return None
    spans = set()
    for match in _meeting_times(question):
        year = int(match.group(3))
        if match.group(1):
            first = last = MONTHS[match.group(1).casefold()]
        else:
            first, last = _SEASONS[match.group(2).casefold()]
        end = dt.date(year + last // 12, last % 12 + 1, 1) - dt.timedelta(days=1)
        spans.add((dt.date(year, first, 1), end))
    if len(spans) < 2:
        return None
    return min(start for start, _ in spans), max(end for _, end in spans)
