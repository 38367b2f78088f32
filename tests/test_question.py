"""What a question asks for, and whether a sentence holds it: the rules behind sentence choice."""

import datetime as dt

import pytest

from retrieval.question import (
    When,
    asks_council_decision,
    classify,
    focus,
    holds,
    meeting_fact,
    meeting_facts,
    named_time,
    names_person,
    tells_council_decision,
    tells_end,
    tells_start,
)


@pytest.mark.parametrize(
    ("question", "wants"),
    [
        ("Hvor mange boliger skal der bygges i projektet?", "number"),
        ("Hvor meget koster ombygningen af rådhuset?", "number"),
        ("Hvilket beløb blev bevilget til cykelstien?", "number"),
        # A compound names the figure asked for.
        ("Hvad blev den endelige tilslutningsprocent til fjernvarmen?", "number"),
        ("Hvad er timeprisen, som kommunen afregner hjemmeplejen med?", "number"),
        ("Hvad blev entreprisesummen for den nye daginstitution?", "number"),
        ("Hvilken købesum blev aftalt for grunden?", "number"),
        ("Hvem blev valgt som formand for udvalget?", "person"),
        ("Hvilken borgmester underskrev aftalen?", "person"),
        ("Hvornår åbner den nye svømmehal?", "date"),
        ("Hvilken frist er der for høringssvar?", "date"),
        ("Hvad er fristen for at søge puljen?", "date"),
        ("I hvilken periode er planen i høring?", "date"),
        ("Hvor skal det næste møde holdes?", "place"),
        ("Hvorfor blev forslaget afvist?", "reason"),
        ("Hvad er sagsnummeret på sagen om vejbelysning?", "case_number"),
        ("Hvad er sags-ID'et på sagen om vejbelysning?", "case_number"),
        ("Hvilket sags nr. har sagen om vejbelysning?", "case_number"),
        ("Hvad besluttede udvalget om skolestrukturen?", ""),
        ("Hvad hedder formanden for Vestby Boldklub?", "person"),
        ("Hvad hedder den nye skole i Vestby?", "named"),
        ("Hvilken totalentreprenør byggede skolen?", "named"),
        ("Hvad hedder borgeren, der har tilbudt at donere skoven?", "person"),
        ("Hvad er villaen blevet solgt for?", "number"),
        # What is got for a thing sold; not "hvad … for et" (which).
        ("Hvad forventer kommunen at få for villaen, når den bliver solgt?", "number"),
        ("Hvad får borgerne for et tilbud?", ""),
        ("Hvad skal man betale for at få en bolig koblet på kloaknettet?", "number"),
        ("Hvad betaler foreningen i husleje?", "number"),
        ("Hvad bliver den samlede anlægsudgift for den nye hal?", "number"),
        ("Hvad var budgettet for festivalen?", "number"),
        ("Hvad er formålet med budgettet?", ""),
        ("Hvorfor frafaldt udvalget ønsket om at vide, hvor mange sager der omgøres?", "reason"),
        ("Hvorfor fik klubben ikke hele det beløb, den søgte om?", "reason"),
        ("Hvornår skal udvalget have at vide, hvem der er valgt?", "date"),
        ("Hvad skal bevillingen bruges til?", ""),
        ("Hvad forventes det årligt at koste at drive botilbuddet?", "number"),
        # Cost asked with a modal and words between, paying said as giving, a deadline asked in the past.
        ("Hvad ville det koste at reparere vandskaden i boligerne?", "number"),
        ("Hvad vil de elektriske ramper i busserne på linje 120 koste kommunen om året?", "number"),
        ("Hvad skal en håndværker give for et årskort til genbrugspladsen?", "number"),
        ("Hvad var fristen for at melde tilbage til trafikselskabet?", "date"),
        ("Hvad tid startede udvalgets møde den 8. februar 2023?", "date"),
        ("Hvilke udvalgsmedlemmer vil gerne deltage i konferencen?", "person"),
        # A cost asked far from its verb, or after it was paid; a rate named with whose it is; a loan's interest.
        ("Hvad forventes selve byggeriet af det nye renseanlæg ved Vestby Landevej at koste?", "number"),
        ("Hvad har renoveringen af det store bassin i svømmehallen kostet?", "number"),
        ("Hvad var Vestby Kommunes omgørelsesprocent i klagesager i 2023?", "number"),
        ("Hvilken rente får forsyningen på byggekreditten?", "number"),
        ("Hvad er Byrådets holdning til sagen?", ""),
    ],
)
def test_the_question_form_decides_what_a_quote_must_hold(question: str, wants: str) -> None:
    assert classify(question).wants == wants


def test_how_many_is_a_number_not_a_place_or_date() -> None:
    kind = classify("Hvor mange år varer aftalen?")
    assert kind.number and not kind.place and not kind.date


def test_decisions_lists_and_courses_are_recognised() -> None:
    assert classify("Hvad blev godkendt på mødet?").decision
    assert classify("Hvilket navn valgte Vestby Udvalget til det nye sundhedshus?").decision
    assert not classify("Hvilke fokusområder valgte administrationen?").decision
    assert classify("Hvem blev valgt som ny formand for udvalget?").decision
    assert classify("Hvad bemærkede udvalget til udkastet til politikken?").decision
    assert classify("Hvad kom der ud af drøftelsen af årsplanen?").decision  # what came of it was decided
    # What a body did with it, how it went through the bodies.
    assert classify("Hvor meget blev forskudt, og hvad gjorde de to steder med sagen?").decision
    assert classify("Hvordan gik aftalen gennem udvalget og Byrådet?").decision
    assert not classify("Hvad gjorde kommunen med overskuddet?").decision
    assert classify("Gav Vestby Udvalg grønt lys for den nye aftale?").decision
    assert not classify("Hvilken leverandør blev valgt som sekretariat?").decision
    assert classify("Hvilke projekter fik tilskud?").listing
    assert classify("Hvilke daginstitutioner er udpeget?").target == "list"
    assert classify("Nævn de tre indsatsområder").listing
    assert classify("Hvornår har udvalget behandlet skolestrukturen?").across
    assert classify("Hvad har byrådet besluttet om havnebadet?").across
    assert classify("Hvad er der besluttet om taget på Nordby Skole i 2024?").across  # what stands decided
    assert not classify("Hvad blev der besluttet om taget den 3. maj 2023?").across
    assert not classify("Hvad besluttede byrådet om havnebadet den 3. maj 2023?").across
    # A body's long name between "har" and the verb; "hvem har" and "hvor mange har" ask for one fact.
    assert classify("Hvad har Klima-, Teknik- og Miljøudvalget besluttet om dyrehold?").across
    assert classify("Hvad har udvalget fået at vide om klimadagen?").across
    assert not classify("Hvem har besluttet at lukke skolen?").across
    assert classify("Hvordan er arbejdet med den nye politik skredet frem?").across
    assert classify("Hvad er udvalget blevet orienteret om vedrørende skolernes it?").across
    # The way from a committee to the council passes several meetings, whichever body it names as its end.
    assert classify("Hvordan blev planen behandlet hele vejen op til Byrådet?").across
    assert classify("Hvordan blev tillægget behandlet fra fagudvalget til Byrådet?").across
    assert classify("Hvordan gik sagen op til Byrådet?").across
    assert not classify("Hvad sendte fagudvalget til Byrådet den 3. maj 2023?").across
    assert classify("Hvad har udvalgene sagt om evalueringen?").across
    assert not classify("Hvor mange har haft plads i hallen?").across
    # What was said, or said at the meetings in the plural; not how many meetings there are.
    assert classify("Hvad er der blevet sagt om jobmessen på udvalgets møder?").across
    assert classify("Hvad er der sagt om den nye hal?").across
    assert not classify("Hvor mange møder holder udvalget i 2024?").across
    # A course ("udviklet sig") and a standing matter in the plural, unless the question names its one year.
    assert classify("Hvordan har antallet af klager udviklet sig?").across
    assert classify("Hvad er udvalget blevet orienteret om fra Seniorrådets årsberetninger?").across
    assert classify("Hvilke temamøder har udvalget holdt?").across
    assert not classify("Hvilke fokusområder er valgt for 2024 efter årsrapporterne for 2023?").across
    # In the passive, "fulgt op på", and "Hvordan …" over a span of time; a change between two years is one item's.
    assert classify("Hvordan er helhedsplanen for Vestby Nord blevet behandlet i udvalgene?").across
    assert classify("Hvordan har byrådet fulgt op på trafikplanen?").across
    assert classify("Hvordan har udvalget prioriteret lokalplanerne fra marts 2023 til januar 2024?").across
    assert classify("Hvordan har udvalget arbejdet med planstrategien i 2023 og 2024?").across
    assert classify("Hvordan er budgettet behandlet fra foråret frem mod 2. behandling?").across
    assert not classify("Er antallet af klager steget eller faldet fra 2021 til 2022?").across
    assert not classify("Hvor mange penge er der afsat for 2024 og 2025?").across
    assert not classify("Hvem fra firmaet holdt oplæg for udvalget om forpligtelser til vejene?").across
    # What came of it later.
    assert classify("Hvad blev der besluttet om vejbelysningen, og hvad skete der senere?").across
    assert classify("Hvilke møder har behandlet den nye daginstitution?").across
    assert classify("Søgte kommunen om midlerne, og hvad kom der ud af det?").across
    assert classify("Hvem blev udpeget til rådet, og hvordan er det blevet inddraget siden?").across
    assert not classify("Hvornår skal planen behandles senere i år?").across
    # Everything of a kind done over a year, in the perfect tense: each of the year's meetings may hold some.
    assert classify("Hvilke tilskud har udvalget bevilget til foreningerne i 2024?").across
    assert classify("Hvilke spørgsmål er i 2023 blevet besvaret skriftligt?").across
    assert not classify("Hvilke skoler har et merforbrug i 2023?").across  # having, not doing
    assert not classify("Hvilke veje skal asfalteres i 2013?").across
    assert not classify("Hvilke tilskud har udvalget bevilget til foreningen?").across  # no year: one item may answer
    # Two meetings named by their times, whatever the question opens with; a change between two times is one item's.
    assert classify("Hvad er status på hallen – fra teknikudvalget i november 2022 til Byrådet i marts 2023?").across
    assert classify("Hvor skal klubben ligge, som sagen blev fremlagt i maj 2022 og i efteråret 2023?").across
    assert not classify("Hvor meget steg taksten fra januar 2023 til januar 2024?").across
    assert not classify("Hvad besluttede udvalget i november 2022 om hallen?").across


def test_the_span_two_named_times_cover() -> None:
    from retrieval.question import named_span

    question = "Hvordan gik det med varmen fra beslutningen i efteråret 2022 til behandlingen den 16. november 2023?"
    assert named_span(question) == (dt.date(2022, 9, 1), dt.date(2023, 11, 30))
    winter = named_span("Hvad skete der på møderne i december 2022 og i januar 2023?")
    assert winter == (dt.date(2022, 12, 1), dt.date(2023, 1, 31))
    assert named_span("Hvad besluttede udvalget i november 2022?") is None
    # A figure's time is no meeting's.
    figure = "Hvor mange elever var visiteret til specialtilbud i december 2022 ifølge udvalgets møde i januar 2023?"
    assert named_span(figure) is None
    assert named_span("Hvad skete der i november 2022, da udvalget mødtes i november 2022?") is None  # one time


def test_a_length_is_told_in_metres_or_kilometres() -> None:
    question = "Hvor mange kilometer bliver den nye cykelsti langs landevejen?"
    assert holds("number", "Cykelstien bliver ca. 2,3 km lang.", question)
    assert not holds("number", "Kommunen har fået tilskud til to cykelstier ud af de seks ansøgninger.", question)


def test_how_many_people_is_not_answered_by_a_period_or_a_name_with_a_number() -> None:
    question = "Hvor mange fraskilte forældre har deltaget i kurserne?"
    assert not holds("number", "Centret har i cirka to år tilbudt kurserne, afbrudt af Covid-19.", question)
    assert holds("number", "Cirka 35 forældre har deltaget.", question)
    assert holds("number", "Der var 4529 timers aktivitet.", "Hvor mange timers aktivitet var der i hallen?")
    assert holds("number", "Kurset varer 3 måneder.", "Hvor mange måneder varer kurset?")
    # A span of hours and a number in a project's name count no one.
    signed_up = "Hvor mange har tilmeldt sig workshoppen den 4. december?"
    assert not holds("number", "Der holdes en workshop den 4. december fra kl. 16-18 på gymnasiet.", signed_up)
    assert not holds("number", "Formålet med Plan22+ projektet er at styrke stierne.", signed_up)
    assert holds("number", "Der er 41 tilmeldte til workshoppen.", signed_up)


def test_which_ones_in_the_plural_asks_for_the_list_of_names() -> None:
    """ "Hvilke kommuner …?" is answered by the list of them ("Vestby, Østby og Nordby Kommune"), not by any name
    ("… for Holm Kommune"); "Hvilken kommune …?" by one name."""
    plural = "Hvilke kommuner er Holm gået sammen med om projektet?"
    assert classify(plural).target == "list"
    assert holds("list", "Holm har sammen med Vestby, Østby, Nordby og Sydby Kommune indsendt et forslag.", plural)
    assert not holds("list", "Sagen har ingen økonomiske konsekvenser for Holm Kommune.", plural)
    assert classify("Hvilken kommune er projektejer?").target == "named"


def test_a_name_asked_for_is_told_by_the_name_given() -> None:
    question = "Hvad bliver det nye navn for daginstitutionen Solbakken?"
    assert classify(question).target == "named"
    assert classify("Hvad skal den nye skole hedde?").target == "named"
    assert classify("Hvad kommer den nye daginstitution ved rådhuset til at hedde?").target == "named"
    assert classify("Hvilket navn fik sundhedshuset efter navnekonkurrencen?").target == "named"
    assert not holds("named", "Det foreslås, at institutionen får et nyt navn med afsæt i den nye profil.", question)
    assert not holds("named", "• Natur Som en del af en ny start får Solbakken et nyt navn.", question)
    assert holds("named", "Institutionen skal fremover hedde Mariehønen.", question)
    assert holds("named", "Det nye navn bliver Mariehønen.", question)


def test_a_budget_named_by_its_years_does_not_make_a_question_ask_for_money() -> None:
    sentence = "Byrådet besluttede at opskrive ledelsestiden med 5 timer pr. institution."
    assert holds("number", sentence, "Hvor meget blev ledelsestiden opskrevet med i budget 2023-2026?")
    assert not holds("number", sentence, "Hvor meget er der afsat i budgettet til ledelse?")


def test_which_date_is_answered_by_a_day_not_a_year() -> None:
    question = "Hvilken dato er der fastsat for borgermødet?"
    assert not holds("date", "Et borgermøde kan afholdes i 2023 eller 2024.", question)
    assert holds("date", "Borgermødet holdes den 14. marts 2023 i hallen.", question)
    assert holds("date", "Borgermødet holdes tirsdag kl. 19.", question)
    # A day as laws are cited: "bekendtgørelse nr. 622 af 17/6 06"; a share ("2/3 af eleverne") is no day.
    cited = "Hvilken dato er bekendtgørelse nr. 622 fra?"
    assert holds("date", "Det følger af bekendtgørelse nr. 622 af 17/6 06 om kvalitetsstandarder.", cited)
    assert not holds("date", "Det gælder 2/3 af eleverne.", cited)
    assert holds("date", "Et borgermøde kan afholdes i 2023 eller 2024.", "Hvornår holdes borgermødet?")


def test_a_number_the_question_already_says_answers_nothing() -> None:
    question = "Hvor mange af de 40 pladser blev besat?"
    assert not holds("number", "Der er 40 pladser i alt.", question)
    assert holds("number", "Heraf blev 31 besat ved fristens udløb.", question)
    assert holds("number", "Tolv pladser står stadig tomme.", question)


@pytest.mark.parametrize(
    "sentence",
    [
        "Kommunen har i 2011 planlagt kurser.",  # a year
        "Mødet blev holdt den 25. april 2024.",  # a date
        "Rapporten er dateret 12-10-2023.",
        "Jf. § 17, stk. 4 i lokalplan 12.11.",  # references
        "Sagsnr. 2019-11111, journalnummer 00.01.00-A00-12-19.",  # case numbers
        "Mødet begyndte kl. 16.30.",  # a time of day
    ],
)
def test_a_date_year_time_or_reference_counts_nothing(sentence: str) -> None:
    assert not holds("number", sentence, "Hvor mange deltog i kurserne?")


def test_a_web_address_counts_nothing() -> None:
    question = "Hvor mange høringssvar kom der?"
    assert not holds("number", "Forslaget kan ses her: https://vestby.viewer.dk/plan/15#/ brugernavn: Plan", question)
    assert holds("number", "Der kom 100 høringssvar.", question)


def test_a_count_is_found_beside_dates_and_digits_the_question_has() -> None:
    question = "Hvor mange deltog i 2023?"
    assert holds("number", "I alt 2.500 deltagere den 25. april 2023.", question)
    assert holds("number", "Der deltog 32 personer.", question)  # 3 and 2 are digits of the question's 2023
    assert holds("number", "I 2023 deltog 2024 borgere.", question)  # a count that looks like a year


def test_a_count_counts_what_the_question_names() -> None:
    question = "Hvor mange spejdere deltager i Vestby Spejderlejr 2026?"
    assert holds("number", "Der ventes ca. 30.000 spejdere på lejren.", question)
    assert holds("number", "Spejdere i alt: 30.000", question)  # the noun before its number, as in a table
    # Money and a name that holds the noun are no count of spejdere.
    assert not holds("number", "Vestby Spejderlejr 2022 fik i alt 4 mio. kr. i tilskud af spejdernes fond.", question)
    assert not holds("number", "Lejren har 12 toiletvogne, og spejderne kommer fra hele landet.", question)
    # A preposition after the number ends what it counts: activities for spejdere are no spejdere.
    assert not holds("number", "Der blev udbudt 53 aktiviteter for spejdere i sommeren 2026.", question)
    assert holds("number", "I alt 1.118 spejdere deltog i en aktivitet.", question)
    assert holds("number", "Lejren samlede 450 af landets spejdere.", question)  # "af" is partitive


def test_a_bound_is_no_count_unless_a_bound_is_asked() -> None:
    assert not holds("number", "Holdene er på højst 10 deltagere i 2012.", "Hvor mange borgere deltog i 2012?")
    assert holds("number", "Holdene er på højst 10 deltagere i 2012.", "Hvor mange kunne der højst være på et hold?")
    assert holds("number", "Holdene er på højst 10 deltagere, og 68 deltagere gennemførte.", "Hvor mange deltog?")


def test_people_are_counted_as_people_but_not_by_words_that_look_alike() -> None:
    question = "Hvor mange hjemløse blev der talt i Vestby i 2022?"
    assert holds("number", "Et fald fra 47 borgere i 2019 til 39 borgere i 2022.", question)
    # … also by a compound whose head names people.
    assert holds("number", "Vestby havde 90 helårspersoner færre end forventet i 2022.", question)
    assert holds("number", "I 2022 var der 120 ydelsesmodtagere.", question)
    assert not holds("number", "57 forældre har fået personlig vejledning om hjemløse.", question)
    assert not holds("number", "Der var 3 besøg i hjemløseherberget.", "Hvor mange elever går på Nordby Skole?")


def test_the_count_of_what_is_asked_may_be_told_a_few_words_on() -> None:
    question = "Hvor mange elever går i 0. klasse i Vestby?"
    assert holds("number", "Antallet af elever i 0. klasse er steget fra 420 til 450.", question)
    assert not holds("number", "Gruppe 1 - tiltag, når antallet af elever stiger som følge af samlingen.", question)


def test_a_compound_is_counted_by_its_head() -> None:
    question = "Hvor mange klagesager fra Vestby behandlede Ankestyrelsen i 2022?"
    assert holds("number", "Ankestyrelsen behandlede i alt 67 sager i 2022.", question)
    # Not by a word that only ends like the counted one: "lev" is no head of "elev".
    assert not holds("number", "De 3 lever stadig i området.", "Hvor mange elever går på Nordby Skole?")


def test_a_second_count_without_its_noun_leaves_the_sentence_to_the_number_rule() -> None:
    question = "Hvor mange borgere søgte om at komme med, og hvor mange blev udvalgt?"
    assert holds("number", "40 blev udvalgt, og de resterende fik afslag.", question)


def test_a_sale_is_told_in_money() -> None:
    question = "Hvor meget fik kommunen for grundene, da de blev solgt?"
    assert holds("number", "Grundene blev solgt for 2,5 mio. kr.", question)
    assert not holds("number", "Området har en samlet størrelse på ca. 39 ha.", question)
    # Things sold are counted, not priced: "Hvor mange billetter blev solgt?"
    tickets = "Hvor mange billetter blev der solgt til nytårskoncerten?"
    assert holds("number", "Der blev solgt 564 billetter, og kommunen købte 50 fribilletter.", tickets)
    assert holds("number", "Der blev solgt billetter for 2,5 mio. kr.", "Hvor mange millioner blev der solgt for?")


def test_a_sum_named_by_a_compound_is_told_in_money() -> None:
    """ "driftsbudget", "anlægsbevilling": a count of things ("tre kulturinstitutioner") is no budget."""
    question = "Hvor stort er bibliotekets driftsbudget for 2023?"
    assert holds("number", "Bibliotekets driftsbudget er 14,2 mio. kr.", question)
    assert not holds("number", "Festivalen styrker samarbejdet mellem de tre kulturinstitutioner.", question)
    assert not holds("number", "Der blev givet 4 anlægsbevillinger.", "Hvor stor var anlægsbevillingen til hallen?")
    # What is drawn from the cash is money: "seks pladser" is no draw on it.
    drawn = "Hvor meget kommer botilbuddet til at trække på kassen i 2025?"
    assert not holds("number", "I budgettet er det besluttet at etablere botilbud med seks pladser.", drawn)
    assert holds("number", "Samlet viser det et kassetræk i 2025 på 1,7 mio. kr.", drawn)


def test_an_ordinal_counts_nothing() -> None:
    question = "Hvor mange lokalplaner skal udvalget behandle?"
    assert not holds("number", "Lokalplanen behandles i 4. kvartal 2024 og vedtages ved 2. behandling.", question)
    assert holds("number", "Udvalget skal behandle 4 lokalplaner i 2025.", question)


def test_a_post_asked_by_its_title_asks_for_a_person() -> None:
    assert classify("Hvad hedder erhvervschefen i erhvervscentret?").wants == "person"
    assert classify("Hvem er centerchef for ældreområdet?").wants == "person"
    # Staff asked by their role: "Hvilken medarbejder var med under punktet?", "Hvilken rådgiver har lavet analysen?"
    assert classify("Hvilken medarbejder var med under punktet om fleksibel udlejning?").wants == "person"
    assert classify("Hvilken rådgiver har lavet trafikanalysen?").wants == "person"


def test_a_change_in_money_may_be_told_in_per_cent() -> None:
    assert holds("number", "Skolen sænkede taksterne med 15 pct.", "Hvor meget reducerede skolen taksterne?")
    assert not holds("number", "Taksten udgør 15 pct. af prisen.", "Hvad er taksten for en plads?")


def test_how_long_is_answered_by_a_period_or_its_end() -> None:
    question = "Hvor længe gælder aftalen med Vestby Orkester?"
    assert holds("number", "Aftalen gælder i tre år.", question)
    assert holds("number", "Aftalen er gældende for perioden 1. februar 2024 og frem til 31. december 2026.", question)
    assert not holds("number", "Aftalen blev indgået den 1. februar 2024.", question)


def test_a_clock_time_answers_when() -> None:
    assert holds("date", "Mødet hævet kl. 10.15.", "Hvornår blev mødet hævet?")


def test_which_days_asks_the_weekdays_not_a_list() -> None:
    """ "Hvilke dage og tidsrum har stedet åbent?" was read as a list question and quoted the item's opening."""
    question = "Hvilke dage og tidsrum har de nye pladser i Aktivhuset åbent?"
    assert classify(question).target == "date"
    assert holds("date", "Åbningstiderne bliver mandag–torsdag kl. 8-15 og fredag kl. 8-14.", question)
    assert not holds("date", "Udvidelsen giver 8 nye fuldtidspladser i 2025.", question)


def test_a_year_in_the_question_is_no_answer_to_when() -> None:
    question = "Hvornår i 2024 skal planen være færdig?"
    assert not holds("date", "Planen skal være færdig i 2024.", question)
    assert holds("date", "Planen skal være færdig den 1. oktober 2024.", question)


def test_the_years_that_name_a_budget_or_a_plan_date_nothing() -> None:
    """ "Hvornår flytter hjemmeplejen ind?" was answered "Ved Budget 2025-2028 blev der vedtaget tillæg …"."""
    question = "Hvornår kan hjemmeplejen flytte ind på rådhuset?"
    assert not holds("date", "Ved Budget 2025-2028 blev der vedtaget tillæg til flytningen af hjemmeplejen.", question)
    assert not holds("date", "Indsatsen følger Klimahandlingsplan 2023-2026 og budgetlægningen for 2024.", question)
    assert holds("date", "Hjemmeplejen skal flytte ind i midten af 2025.", question)
    assert holds("date", "Budget 2025-2028 blev vedtaget den 7. oktober 2024.", question)


def test_when_a_meeting_ended_is_its_own_fact() -> None:
    assert meeting_facts("Hvornår sluttede udvalgets møde den 7. marts?") == ["end"]
    assert meeting_facts("Hvornår blev mødet hævet?") == ["end"]
    assert meeting_facts("Hvornår begyndte mødet?") == ["time"]
    assert tells_end("Mødet hævet kl. 10.15") and tells_end("Mødetid: kl. 16.15-18.30")
    assert not tells_end("Mødetidspunkt kl. 17:00")


def test_what_the_council_decided_is_told_by_the_council_not_by_a_recommendation_to_it() -> None:
    assert asks_council_decision("Hvordan stemte Byrådet om høringssvaret til lovforslaget?")
    assert asks_council_decision("Hvad endte kommunalbestyrelsen med at beslutte om ansøgningen?")
    assert not asks_council_decision("Hvad anbefalede udvalget til Byrådet?")
    assert not asks_council_decision("Hvad anbefalede KTMU, og blev bevillingen godkendt i byrådet?")
    assert tells_council_decision("Byrådet godkendte den 4. september 2023 at sende forslaget i høring.")
    assert tells_council_decision("Planen blev vedtaget i Byrådet den 19. juni.")
    assert not tells_council_decision("Økonomiudvalget anbefaler overfor byrådet at godkende indstillingen.")


def test_a_person_is_a_name_not_a_capitalised_first_word() -> None:
    question = "Hvem er formand for bestyrelsen?"
    assert not holds("person", "Bestyrelsen mødes fire gange om året.", question)
    assert holds("person", "Bestyrelsen har valgt Anne Marie Holm som formand.", question)


def test_a_reason_needs_a_reason_word() -> None:
    assert holds("reason", "Forslaget blev afvist, idet økonomien ikke var til stede.")
    assert holds("reason", "Der afsættes midler med henblik på at nedbringe ventetiden.")
    assert holds("reason", "Vi søger ikke puljen, da kommunens udgifter er til et kystsikringsanlæg.")
    assert holds("reason", "Baggrunden for beslutningen var en markant prisstigning på 24 %.")
    assert holds("reason", "Af disse grunde er det nødvendigt at inddrage to boliger.")
    assert holds("reason", "Formålet med ordningen er at fastholde eleverne.")
    assert holds("reason", "Mødet blev aflyst pga. sygdom.")
    assert holds("reason", "Baggrunden er, at institutionen ikke kan løfte sin opgave.")
    assert holds("reason", "Grunden var at hallen skulle renoveres.")
    assert not holds("reason", "Baggrunden er beskrevet i bilag 2.")
    assert not holds("reason", "Frem for at opkræve et gebyr pr. time kan man vælge et fast beløb.")
    assert not holds("reason", "I stedet for at bygge nyt renoveres skolen.")
    assert not holds("reason", "Kriterierne for at få en bolig var fast arbejde og sund økonomi.")
    assert holds("reason", "Baggrunden herfor var, at kommunen havde store udgifter til tomme boliger.")
    assert holds("reason", "Der er mulighed for at søge puljen, for at sikre flere tilbud.")
    assert holds("reason", "Kommunen skal således betale for to pladser til samme borger.")
    assert holds("reason", "Herved spares udgiften til at flytte børnene.")
    assert holds("reason", "Fordelen ved model B er, at eleverne hurtigt kan flytte.")
    assert holds("reason", "Det vil være i strid med lovgivningen at opkræve mere.")
    assert holds("reason", "Dette er af hensyn til arbejdsmiljøet for skraldemændene.")
    assert holds("reason", "På den baggrund har Støjrådet fravalgt at komme med forslag.")
    assert not holds("reason", "Sagen forelægges udvalget i juni.")
    assert not holds("reason", "Forslaget blev afvist.")
    assert not holds("reason", "Da mødet sluttede, blev forslaget afvist.")


def test_no_wanted_kind_means_any_sentence_may_answer() -> None:
    assert holds("", "En helt almindelig sætning.")


def test_named_time_is_as_precise_as_the_question() -> None:
    assert named_time("Hvad skete der på mødet den 22. maj 2023?") == When(day=dt.date(2023, 5, 22))
    assert named_time("Hvad blev vedtaget i maj 2023?") == When(month=(5, 2023))
    assert named_time("Hvad blev vedtaget i 2023?") == When(year=2023)
    assert named_time("Hvad blev vedtaget?").empty
    # A month cut short names it with its year ("aug. 2024"); without one, "mar" is no month.
    assert named_time("Hvad sagde udvalget (aug. 2024)?") == When(month=(8, 2024))
    assert named_time("Hvad skete der i sept 2023?") == When(month=(9, 2023))
    assert named_time("Hvad er mar?").empty
    # A span's bound names no meeting: "siden august", "fra november 2023 til april 2024".
    assert named_time("Hvad er der sket med planen siden august?").empty
    assert named_time("Hvordan er planen behandlet fra november 2023 til april 2024?").empty


def test_a_named_time_matches_dates_within_it() -> None:
    month = When(month=(5, 2023))
    assert month.matches(dt.date(2023, 5, 30))
    assert not month.matches(dt.date(2023, 6, 1))
    assert When(year=2023).matches(dt.date(2023, 12, 31))
    assert When().matches(dt.date(2023, 1, 1)) is None
    assert When(day=dt.date(2023, 5, 22)).matches(None) is False


@pytest.mark.parametrize(
    ("sentence", "is_list"),
    [
        ("Daginstitutionerne er Troldehøj, Strandhuset, Prinsesseparken, Mosebo og Eriksminde.", True),
        ("Ledelse beskrives som faglig ledelse, administrativ ledelse og tværgående ledelse.", True),
        ("Dagsordenerne er opdelt i: 1. Temadrøftelser 2. Beslutningssager 3. Orienteringssager", True),
        ("Sejlklubben Køge Bugt 4.500 kr. Stjernedrys 10.000 kr. Greve Atletik 0 kr.", True),
        ("Grundstrukturen suppleres med arenaer regional/national/international.", True),
        # A clause after the comma, a name with a suspended hyphen and a decision's two entries are no list.
        ("Strategien får betydning for brugere af ejendommene, som beskrevet under pejlemærker og effekter.", False),
        ("Klima-, Teknik- og Miljøudvalget godkendte den 20. marts 2023 udkastet.", False),
        ("1. tages til efterretning 2.-4. anbefales", False),
        # A name of several words is one name: two names are no list.
        ("Herefter gav administrationen i Vestby Kommune tilsagn til KL om at deltage.", False),
    ],
)
def test_a_list_question_wants_an_enumeration(sentence: str, is_list: bool) -> None:
    question = "Hvilke bygninger er omfattet?"
    assert classify(question).target == "list"
    assert holds("list", sentence, question) is is_list


def test_a_list_question_that_asks_for_a_number_wants_the_number() -> None:
    assert classify("Hvilke beløb blev bevilget?").target == "number"
    assert classify("Hvilke skoler får flest elever, og hvor mange?").target == "number"
    # "takst" in another word, or as the question's object, does not make "hvilke institutioner" a number question.
    assert (
        classify("Hvilke takstfinansierede institutioner var omfattet af beslutningen om taksterne?").target == "list"
    )
    assert classify("Hvad er taksten for 2024?").target == "number"
    assert classify("Hvad besluttede udvalget om skolestrukturen?").target == ""


@pytest.mark.parametrize(
    ("sentence", "is_person"),
    [
        ("• Peter Roslev, Sekretariatsleder i Karlslunde IF", True),
        ("Tilstede ved besøget er direktør Ulrik Münster-Swendsen.", True),
        ("Karlslunde IF har foretræde for Kultur- og Fritidsudvalget.", False),
        ("Udover Greve Gymnastik har Greve Fodbold også benyttet hallerne.", False),
        ("Mødet blev holdt i Greve Idrætscenter.", False),
        ("Deltagelse i Social- og Sundhedspolitiske Forum 2024 i Vestby.", False),
        # Opening a sentence or entry: a person as written there (a role after a comma, a party), not any two words.
        ("Anne Holm, centerchef for Job og Socialservice deltager på mødet.", True),
        ("Anne Holm (V) stemmer imod.", True),
        ("Anne Holm fra Vestby Plejecenter, kompetencecenter for demens.", True),
        ("- Både Vestby- og Østbyindsatsen er tydeliggjort.", False),
        ("Plan Udvalget godkendte sagen.", False),
        # … nor begins with one: a region, an agency.
        ("Aftalen er godkendt af Sundhedssamarbejdsudvalget i Region Sjælland den 9. maj.", False),
        ("Sagen er drøftet med Region Hovedstaden og Styrelsen Sydkysten.", False),
        # … nor holds a public body's word inside: a policy's name; a middle name is no such word.
        ("Planen omsætter Vestby Kommunes Vækst og Erhvervspolitik til handling.", False),
        ("Formand er Hans Skov Nielsen.", True),
    ],
)
def test_a_person_is_two_capitalised_words_not_ending_in_an_institutions_word(sentence: str, is_person: bool) -> None:
    assert names_person(sentence, "Hvem fra Karlslunde IF deltog i mødet?") is is_person


def test_who_won_is_answered_by_a_sentence_that_says_who_won() -> None:
    question = "Hvilken leverandør vandt udbuddet af hjemmeplejen?"
    assert not holds("named", "Kommunen har i dag kontrakt med Vestby Pleje.", question)
    assert holds("named", "Kontrakten tildeles Vestby Pleje.", question)
    assert holds("person", "Prisen gik til Anne Holm.", "Hvem vandt prisen?")
    # Who got the job is who won it: a tender's rules name no winner.
    question = "Hvilken totalentreprenør fik opgaven med at bygge hallen ved Vestby Idrætsforening?"
    assert not holds("named", "Der tages stilling til kriterier for valg af totalentreprenør ved Nordby IF.", question)
    assert holds("named", "Opgaven gik til Vestby Byg A/S.", question)
    perfect = "Hvilken entreprenør har fået opgaven med at bygge om på Nordby Skole?"
    criteria = "Der tages stilling til kriterier for valg af entreprenør, og Østby Rådgivning skriver udbuddet."
    assert not holds("named", criteria, perfect)


def test_who_was_hired_or_became_something_is_answered_by_a_persons_name() -> None:
    """A body answers "hvem har kompetencen …?", not "hvem blev ansat …?"."""
    sentence = "I henhold til delegationsplanen har Byrådet kompetencen til at ansætte en ny borgerrådgiver."
    assert holds("person", sentence, "Hvem har kompetencen til at ansætte en ny borgerrådgiver?")
    questions = ("Hvem blev ansat som ny borgerrådgiver?", "Hvem blev ny leder af Borgerservice?")
    for question in (*questions, "Hvem er blevet ansat som ny borgerrådgiver?"):
        assert not holds("person", sentence, question)
        assert holds("person", "Byrådet ansatte Anne Holm som ny borgerrådgiver.", question)


def test_a_dated_headings_next_word_is_no_name() -> None:
    """ "Beslutning i Vestby Udvalg den 05.02.2024 Taget til efterretning." names no one: "Taget" opens the decision."""
    question = "Hvem er formand for Vestby Udvalg?"
    assert not holds("person", "Beslutning i Vestby Udvalg den 05.02.2024 Taget til efterretning.", question)
    assert holds("person", "Formand for udvalget er Anne Holm.", question)


def test_a_name_the_question_already_says_is_no_answer_to_who() -> None:
    assert not names_person("Formanden Anne Holm åbnede mødet.", "Hvad sagde Anne Holm på mødet?")


@pytest.mark.parametrize(
    ("question", "thing"),
    [
        ("Hvor mange elever går på skolen?", "elever"),
        ("Hvor mange flere pladser kommer der?", "pladser"),
        ("Hvad koster et periodekort?", "periodekort"),
        # An adverb is not what the question counts or prices.
        ("Hvad koster det cirka at plante en hektar skov?", ""),
        # "det" is what is priced; who pays it is not: "Hvad koster det kommunen at …?"
        ("Hvad koster det kommunen at give eleverne løn?", ""),
        ("Hvor mange penge fik foreningen?", ""),
        # Who was absent is the meeting's business, read from its labelled lines, not a thing to name.
        ("Hvem var fraværende ved mødet?", ""),
        # The post someone was chosen for: a name for another post does not answer.
        ("Hvem blev valgt som ny næstformand i udvalget?", "næstformand"),
        ("Hvem blev udpeget til bestyrelsen?", "bestyrelsen"),
        ("Hvem blev valgt?", ""),
        # The size asked of a thing: "Hvor stort et indskud …" (past an adjective), not of a share or a verb.
        ("Hvor stort et indskud skal Nordby Kommune betale?", "indskud"),
        ("Hvor stor en årlig besparelse giver projektet?", "besparelse"),
        ("Hvor stor en del af boligerne er ledige?", ""),
        ("Hvor stort forventer administrationen, at underskuddet bliver?", ""),
        # "Hvad blev den endelige entreprisesum …?" names the sum asked for (past an adjective).
        ("Hvad blev den endelige entreprisesum for daginstitutionen?", "entreprisesum"),
        ("Hvad er det årlige budget for botilbuddet?", "budget"),
        ("Hvad er det for et sted, udvalget besøgte?", ""),
        # A sum of money is no thing to name ("Hvor stort et beløb …" is answered in kroner), nor is a verb where
        # the noun would stand ("Hvor mange søgte om …" counts the people who did); a plural noun still is.
        ("Hvor stort et beløb får foreningen hvert år fra kommunen?", ""),
        ("Hvor mange søgte om en plads i rådet?", ""),
        ("Hvor mange stemte for forslaget?", ""),
        ("Hvor mange ansatte i jobcentret skal spares væk?", "ansatte"),
        # A strong verb in the past counts people too; the people themselves are a thing.
        ("Hvor mange modtog tabt arbejdsfortjeneste i 2023?", ""),
        ("Hvor mange sad i borgerpanelet?", ""),
        ("Hvor mange modtagere af hjælpen var der?", "modtagere"),
    ],
)
def test_the_thing_a_question_counts_or_prices(question: str, thing: str) -> None:
    assert focus(question) == thing


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("Hvem var fraværende ved mødet?", "absent"),
        ("Hvem deltog ikke i mødet?", "absent"),
        ("Afbud:", "absent"),
        ("Deltagere:", "present"),
        ("Hvor blev mødet holdt?", "place"),
        ("Mødested:", "place"),
        ("Beslutning", ""),
    ],
)
def test_what_a_question_asks_about_the_meeting_and_which_label_prints_it(text: str, fact: str) -> None:
    assert meeting_fact(text) == fact


def test_a_middle_initial_is_part_of_a_persons_name() -> None:
    assert names_person("Fraværende: John T. Olsen", "Hvem var fraværende?")


@pytest.mark.parametrize(
    ("question", "facts"),
    [
        ("Hvem havde afbud til udvalgets møde den 24. april 2023, og hvor blev mødet holdt?", ["absent", "place"]),
        ("Hvem deltog i Vestby Udvalgets møde den 5. februar 2024, og hvem havde afbud?", ["present", "absent"]),
        ("Hvem deltog ikke i mødet?", ["absent"]),
        ("Hvem manglede ved udvalgets møde den 12. september 2023?", ["absent"]),
        ("Hvem udeblev fra mødet?", ["absent"]),
        ("Hvor blev byrådsmødet den 11. december holdt, og manglede der nogen?", ["place", "absent"]),
        # The meeting named in a compound: "… der manglede ved byrådsmødet?" (not "Hvad manglede der i budgettet?").
        ("Var der nogen, der manglede ved byrådsmødet den 20. juni 2022?", ["absent"]),
        ("Hvad manglede der i budgettet?", []),
        ("Hvad tid startede Kultur- og Fritidsudvalgets møde den 8. februar 2023?", ["time"]),
        ("Hvem sad med ved udvalgets møde den 30. maj 2022, og havde nogen meldt afbud?", ["present", "absent"]),
        ("Hvem var ikke med til det ekstraordinære byrådsmøde den 21. marts 2022?", ["absent"]),
        ("Hvem var med til udvalgets møde den 6. februar 2023?", ["present"]),
        ("Hvem mødte op til byrådsmødet?", ["present"]),
        ("Hvornår og hvor holdt udvalget møde i januar 2023?", ["date", "place"]),
        ("Hvor og hvornår mødtes udvalget den 12. august 2024?", ["place", "date"]),
        ("Hvornår blev udvalgets møde den 25. september 2023 hævet?", ["end"]),
        ("Hvilken enhedschef var med på mødet i udvalget om Tune Skole?", []),
        ("I hvilket lokale holdt udvalget møde den 6. februar 2023?", ["place"]),
        ("Hvor og hvornår på dagen blev udvalgets møde den 6. marts 2023 holdt?", ["place", "time"]),
        ("Hvad besluttede udvalget om taksterne?", []),
    ],
)
def test_a_question_about_the_meeting_may_ask_several_of_its_facts(question: str, facts: list[str]) -> None:
    assert meeting_facts(question) == facts
    assert classify(question).meeting is bool(facts)


def test_the_day_of_another_event_is_no_fact_of_the_meeting() -> None:
    """ "Hvornår blev KL's topmøde afholdt?" asks the day of an event an item tells of, not the minutes' "Mødedato"."""
    assert meeting_facts("Hvornår blev KL's kommunalpolitiske topmøde i 2023 afholdt?") == []


def test_a_count_of_an_events_participants_is_not_about_the_meeting() -> None:
    assert not classify("Hvor mange deltagere var der på Vestby Spejderlejr i 2022?").meeting
    assert classify("Hvem var deltagere på mødet den 5. februar 2024?").meeting


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("Fik foreningen bevilget pengene fra fonden?", True),
        ("Hvad blev resultatet af udbuddet?", True),
        ("Hvad blev den endelige pris for skolen?", True),
        ("Har grundejerne sagt ja til at betale for stien?", True),
        ("Lykkedes det at finde en ny leverandør?", True),
        ("Hvor mange penge har fonden bevilget til klimaparken?", True),  # granted, not applied for
        ("Hvad besluttede udvalget om skolen?", False),
        ("Hvor mange elever går på skolen?", False),
    ],
)
def test_an_outcome_question_asks_what_happened(question: str, asks: bool) -> None:
    from retrieval.question import asks_outcome

    assert asks_outcome(question) is asks


@pytest.mark.parametrize(
    ("sentence", "tells"),
    [
        ("Foreningen ønsker at ansøge fonden om støtte på 0,9 mio. kr.", False),
        ("Det forsøges at indhente ekstern finansiering hos private fonde.", False),
        ("Administrationen går i dialog med grundejerne om, at de selv betaler.", False),
        ("Sagen fremlægges på et kommende møde.", False),
        ("Fonden ansøges om ca. 8,5 mio. kr.", False),
        ("Foreningen fik bevilget 0,9 mio. kr. af fonden.", True),
        ("Udvalget godkendte indstillingen.", True),
        # A tender still to run, and its rules, name no winner.
        ("Beslutningen sikrer, at byggeprogrammet kan sendes i udbud, så der kan findes en entreprenør.", False),
        ("Kontrakten tildeles til den tilbudsgiver, som har den højeste samlede pointscore.", False),
        ("Kontrakten tildeles Vestby Byg A/S, som afgav det bedste tilbud.", True),
    ],
)
def test_an_intention_or_a_plan_tells_no_outcome(sentence: str, tells: bool) -> None:
    from retrieval.question import tells_outcome

    assert tells_outcome(sentence, "Fik foreningen pengene fra fonden?") is tells


def test_a_recommendation_is_no_final_decision() -> None:
    from retrieval.question import tells_outcome

    assert tells_outcome("1.-3. Anbefales.", "Hvad blev resultatet af sagen?")
    assert not tells_outcome("1.-3. Anbefales.", "Hvad besluttede byrådet endeligt om placeringen?")
    assert not tells_outcome("1.-3. Anbefales.", "Godkendte byrådet til sidst placeringen?")


def test_a_recommendation_to_a_body_or_a_proposal_tells_no_outcome() -> None:
    """What Byrådet decided stands in its own minutes, not in a committee's recommendation to it; what the
    administration proposes is no outcome at all."""
    from retrieval.question import asks_outcome, asks_yes_no, tells_outcome

    question = "Godkendte Byrådet, at boligerne bruges til flygtninge?"
    assert not tells_outcome("Vestby Udvalg anbefaler overfor Byrådet, at indstillingen godkendes.", question)
    assert tells_outcome("Vestby Udvalg anbefaler overfor Byrådet, at indstillingen godkendes.", "Hvad skete der?")
    asked = "Fik foreningerne deres planer godkendt?"
    assert asks_outcome(asked) and asks_yes_no(asked)  # the decision tells it
    assert not tells_outcome("Administrationen indstiller, at planerne godkendes.", asked)
    assert not tells_outcome("1. at der etableres yderligere boliger", asked)
    assert tells_outcome("Godkendt.", asked)
    # Who will decide is no decision: "Det er Byrådet, som har den endelige beslutning."
    assert not tells_outcome("Det er Byrådet, som har den endelige beslutning.", "Hvad valgte Byrådet til sidst?")


def test_minutes_tell_no_outcome_on_a_day_after_their_meeting() -> None:
    """A timetable of days still to come is a plan; a question about a day after the meeting cannot be answered
    by that meeting's minutes."""
    import datetime as dt

    from retrieval.question import tells_outcome

    meeting = dt.date(2024, 1, 8)
    timetable = "19-04-2024 Offentliggørelse 18-11-2024 Godkendelse af vindende leverandør"
    assert not tells_outcome(timetable, "Hvilken leverandør vandt udbuddet?", meeting)
    assert tells_outcome(timetable, "Hvilken leverandør vandt udbuddet?", dt.date(2024, 12, 1))
    later = "Hvor stor blev tilslutningen ved fristen den 1. april 2024?"
    assert not tells_outcome("Tilslutningen var i januar på 25 %.", later, meeting)
    assert tells_outcome("Tilslutningen var i januar på 25 %.", later, dt.date(2024, 4, 2))


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("I 2011 blev der holdt 5 kurser.", {2011}),
        ("Budget 2023-26 er vedtaget.", {2023, 2024, 2025, 2026}),
        ("Budget 2023-2026 er vedtaget.", {2023, 2024, 2025, 2026}),
        ("Skoleåret 2022/23 begynder i august.", {2022, 2023}),
        ("Der er bevilget 2.015 kr. og 1,2024 mio. kr.", set()),
        ("Mødet blev holdt den 12-10-2023.", {2023}),
    ],
)
def test_the_years_a_text_speaks_of(text: str, years: set[int]) -> None:
    from retrieval.question import years_in

    assert years_in(text) == years


def test_a_quote_about_another_year_does_not_answer_the_year_asked() -> None:
    """ "Hvor mange deltog i 2012?" is not answered by what the minutes say of 2011; a quote naming no year, naming
    the year asked, or telling the meeting's own time ("i dag", in minutes of 2023) leaves the answer open."""
    from retrieval.question import other_period

    question = "Hvor mange borgere deltog i rygestopkurserne i 2012?"
    of_2011 = "I 2011 blev der holdt 5 rygestopkurser med 40 deltagere."
    assert other_period(question, of_2011, [of_2011])
    assert not other_period(question, of_2011, [of_2011, "I 2012 deltog 52 borgere."])
    assert not other_period(question, "Der deltog 52 borgere.", ["Der deltog 52 borgere."])
    assert not other_period("Hvor mange deltog?", of_2011, [of_2011])
    today = "Leverandøren har siden november 2022 leveret hjemmepleje og leverer i dag til 30 borgere."
    assert other_period("Hvor mange borgere fik hjemmepleje i foråret 2023?", today, [today], None)
    assert not other_period("Hvor mange borgere fik hjemmepleje i foråret 2023?", today, [today], 2023)
    # A quote naming no year speaks of its item's: "Årsregnskab 2023" does not tell the surplus of 2022.
    surplus = "Dermed ender kommunens regnskab med et samlet overskud på 84,8 mio. kr."
    assert other_period("Hvor stort var overskuddet i 2022?", surplus, [surplus], 2024, "Årsregnskab 2023")
    assert not other_period("Hvor stort var overskuddet i 2023?", surplus, [surplus], 2024, "Årsregnskab 2023")
    # … unless the meeting is from the year asked: a report of 2022 discussed in 2023 may give the figures of 2023.
    pupils = "Der forventes 180 elever i 0. klasse."
    assert not other_period("Hvor mange elever i 2023?", pupils, [pupils], 2023, "Kapacitetsvurdering 2022")
    # A year named as a meeting's time is not the figure's: the grant for 2024 answers "… (byrådet april 2023)".
    grant = "Der meddeles anlægsbevilling på 2,31 mio. kr. i 2024 til renovering af broen."
    assert not other_period("Hvor stor er kommunens andel af udgiften til broen (byrådet april 2023)?", grant, [grant])
    assert not other_period("Hvad sparer man, jf. Vestby Udvalg marts 2023?", grant, [grant], 2023)
    # … while a figure's own time still is ("Hvor mange … i oktober 2022, jf. udvalget februar 2023").
    assert other_period("Hvor meget blev bevilget i oktober 2022 (Vestby Udvalg februar 2023)?", grant, [grant])


def test_minutes_from_before_a_day_cannot_say_what_was_decided_that_day() -> None:
    import datetime as dt

    from retrieval.question import decided_after

    question = "Hvad besluttede Byrådet om ejendomsstrategien på mødet den 6. november 2023?"
    assert decided_after(question, [dt.date(2023, 10, 12)])
    assert not decided_after(question, [dt.date(2023, 11, 6)])
    assert not decided_after(question, [dt.date(2023, 10, 12), dt.date(2023, 11, 20)])
    assert not decided_after("Hvad skal Byrådet tage stilling til den 6. november 2023?", [dt.date(2023, 10, 12)])
    # The month of the decision, not the month of what was decided.
    assert decided_after("Hvad besluttede Byrådet i april 2023 om skiltene?", [dt.date(2023, 3, 15)])
    assert not decided_after("Hvad besluttede Byrådet i april 2023 om skiltene?", [dt.date(2023, 4, 24)])
    assert not decided_after("Hvor besluttede udvalget at holde sit møde i januar 2023?", [dt.date(2022, 12, 5)])
    assert not decided_after("Hvad besluttede Byrådet om ejendomsstrategien?", [dt.date(2023, 10, 12)])


@pytest.mark.parametrize(
    ("question", "decision"),
    [
        ("Skal borgerservice flyttes fra rådhuset til biblioteket?", True),
        ("Indfører Vestby Kommune flere bruttolønsordninger?", True),
        ("Fortsætter biblioteket med den fulde åbningstid?", True),
        ("Hvilket scenarie endte Byrådet med at bakke op om?", True),
        ("Blev forslaget sendt til realitetsbehandling i udvalget?", True),
        ("Vedtog Byrådet den nye styrelsesvedtægt?", True),
        # Permission asked, and whether something was granted, are the body's decision.
        ("Må boligafdelingen bruge sit lån til at forstærke taget?", True),
        ("Fik ejerne tilladelse til at nedlægge en del af vejarealet?", True),
        ("Fik Vestby Strand I/S den ekstra engangsbevilling?", True),
        ("Fik administrationen bemyndigelse til at udstede påbud?", True),
        # How the vote went stands with the decision.
        ("Hvordan faldt afstemningen om råderetsbeløbet ud?", True),
        ("Hvem stemte imod placeringen af daginstitutionen?", True),
        # A choice between two, what others did, and questions with a question word are not decisions.
        ("Er det flere eller færre unge uden bolig end før?", False),
        ("Har grundejerne sagt ja til at betale?", False),
        ("Fik foreningen pengene fra fonden?", False),
        ("Kan borgerne søge om tilskud, og hvor meget kan de få?", False),
        ("Hvor mange deltog i kurset?", False),
        ("I hvilken by ligger skolen?", False),
    ],
)
def test_a_yes_no_question_asks_what_was_decided(question: str, decision: bool) -> None:
    from retrieval.question import classify

    assert classify(question).decision is decision


def test_a_start_asked_is_told_by_a_date_given_as_the_start() -> None:
    from retrieval.question import tells_start

    question = "Fra hvilken dato gælder den nye frokosttakst?"
    assert tells_start("Taksten er gældende fra 1. juni 2024.", question)
    assert tells_start("Aftalen træder i kraft den 1. januar 2025.", "Hvornår træder aftalen i kraft?")
    assert not tells_start("9. januar 2024 Sag om frokosttakst Økonomiudvalget", question)
    assert not tells_start("Taksten er gældende fra 1. juni 2024.", "Hvornår blev taksten vedtaget?")


def test_when_a_thing_takes_effect_may_be_told_by_the_condition_for_it() -> None:
    """ "Hvornår træder et behandlingstestamente i kraft?" — "Testamentet træder først i kraft, når personen er
    blevet inhabil": no date, yet the answer (it was declined)."""
    question = "Hvornår træder et behandlingstestamente i kraft?"
    assert holds("date", "Testamentet træder først i kraft, når personen er blevet inhabil.", question)
    assert not holds("date", "Det er en lægelig vurdering, om testamentet skal bruges.", question)
    assert not holds("date", "Testamentet træder først i kraft, når personen er blevet inhabil.", "Hvem skriver det?")


def test_an_end_asked_is_told_by_a_date_given_as_the_end() -> None:
    """ "Hvornår udløber kontrakten?" was answered by the day the contract began."""
    from retrieval.question import tells_start

    question = "Hvornår udløber kommunens kontrakt med leverandøren?"
    assert tells_start("Kontrakten udløber den 31. januar 2026 og kan ikke forlænges.", question)
    assert not tells_start("Kontrakten blev indgået med driftsstart den 1. januar 2020.", question)


def test_a_reason_stated_as_such_is_told_apart_from_a_purpose_or_a_consequence() -> None:
    from retrieval.question import states_reason

    assert states_reason("Begrundelsen er, at andelen af ledige ligger under grænseværdien.")
    assert states_reason("Årsagen til stigningen er flere børn i 0-2-årsalderen.")
    assert states_reason("Stigningen skyldes højere priser på byggematerialer.")
    assert states_reason("Målgruppen ændres, fordi efterspørgslen har ændret sig.")
    assert not states_reason("Derfor foreslås det at ændre målgruppen.")
    assert not states_reason("Puljen oprettes med henblik på at styrke foreningslivet.")
    assert not states_reason("Baggrunden blev drøftet på mødet.")


def test_what_happened_in_a_year_is_not_told_by_minutes_from_before_it() -> None:
    from retrieval.question import happened_after

    earlier = [dt.date(2022, 10, 11)]
    assert happened_after("Hvad viste tryghedsundersøgelsen i 2024?", earlier)
    assert happened_after("Hvor mange deltog i festivalen i 2024?", earlier)
    assert not happened_after("Hvor mange deltog i festivalen i 2022?", earlier)
    # A plan or a figure set in advance may stand in earlier minutes.
    assert not happened_after("Hvad bliver taksten i 2024?", earlier)
    assert not happened_after("Hvor mange skal deltage i 2024?", earlier)
    # A change or a price for a year is decided in the year before.
    assert not happened_after("Hvor meget steg taksten i 2024?", earlier)


def test_when_something_was_done_is_not_dated_by_an_intention() -> None:
    question = "Hvornår vedtog Folketinget anlægsloven for Vestby Strand?"
    assert not holds("date", "Regeringen har sigtet mod at fremsætte et lovforslag om en anlægslov i 2023.", question)
    assert holds("date", "Anlægsloven blev vedtaget den 2. juni 2023.", question)
    # A plan asked for is dated by the plan.
    plan = "Hvornår skal lovforslaget fremsættes?"
    assert holds("date", "Regeringen forventes at fremsætte lovforslaget i 2023.", plan)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Hvor meget betaler foreningen i husleje om året?", "husleje"),
        ("Hvor meget fik Vestby Atletik i partnerskabsmidler i 2024?", "partnerskabsmidler"),
        ("Hvor meget betaler kommunen om måneden i tomgangsleje for boligerne?", "tomgangsleje"),
        ("Hvor meget koster en brandbil i Vestby Kommune?", ""),  # a place, not a kind of payment
        ("Hvor meget fik klubben i 2024?", ""),
    ],
)
def test_the_kind_of_payment_a_question_names(question: str, kind: str) -> None:
    from retrieval.question import paid_as

    assert paid_as(question) == kind


@pytest.mark.parametrize(
    ("question", "sentence", "named"),
    [
        ("Hvilke udviklingsområder kan indgå i ansøgningen?", "To udviklingsområder kan indgå:", True),
        ("Hvilke tre områder indgår i planen?", "De to udviklingsområder er:", True),
        ("Hvilke kommunale bygninger skal kobles på fjernvarme?", "De berørte bygninger er:", True),
        ("Hvilke målgrupper skal aftalen arbejde med?", "de fire nuværende målgrupper for aftalen:", True),
        ("Hvilke områder skal der laves aktivitetstal for?", "Administrationen indstiller:", False),
        # The words after the noun name something else: the list is of campaigns, not of "midler".
        ("Hvilke kampagner foreslås midlerne brugt på?", "Der er afsat midler til følgende:", False),
        ("Hvilke 3 skoler har et merforbrug?", "Skoler:", True),
        ("Hvad koster tilslutningen?", "De berørte bygninger er:", False),
    ],
)
def test_a_which_question_names_what_it_lists(question: str, sentence: str, named: bool) -> None:
    from retrieval.question import listed_words, names_listed

    assert names_listed(sentence, listed_words(question)) is named


@pytest.mark.parametrize(
    ("sentence", "explains"),
    [
        ("Årsagen er, at kommuner ikke må støtte privat virksomhed.", True),
        ("Det skyldes, at kommunen opsagde lejemålet.", True),
        ("Begrundelsen for forslaget er, at flere kommuner gør det.", True),
        ("Dette er fordi taksten er steget.", True),
        ("Udgiften skyldes højere priser.", False),  # a reason, but for its own words, not the sentence before
        ("Det er besluttet at lukke tilbuddet.", False),
    ],
)
def test_a_sentence_may_open_by_explaining_the_one_before(sentence: str, explains: bool) -> None:
    from retrieval.question import explains_before

    assert explains_before(sentence) is explains


@pytest.mark.parametrize(
    ("question", "decision"),
    [
        ("Hvad ønskede udvalget efter at have evalueret studieturen?", True),
        ("Hvilke sager bad Vestby Udvalg om under gensidig orientering?", True),
        ("Hvad har Nordby Byråd ønsket i forhold til udgifterne?", True),
        # What a body wants done is its decision: "Hvilke emner vil udvalget have taget op?"
        ("Hvilke emner vil Vestby Udvalg have taget op efter statussen?", True),
        ("Hvad vil skoleudvalget have fremlagt sager om?", True),
        ("Hvad vil udbygningen af skolen koste?", False),
        ("Hvor stort et lån ønskede boligselskabet at optage?", False),  # not the body's wish
        ("Hvor mange repræsentanter ønsker udvalget i det nye råd?", False),  # a number asked, in the present
        ("Hvilken skole kan ende i den afgørende konkurrence?", False),  # "afgørende" is "decisive", no decision
        ("Hvordan blev sagen afgjort?", True),
        # A body's stance is its decision; anyone else's opinion is not.
        ("Hvad mente Vestby Udvalg om at forlænge lejeaftalen?", True),
        ("Hvad sagde Kultur- og Fritidsudvalget til at betale med til skiltene?", True),
        ("Hvordan stillede Social- og Sundhedsudvalget sig til den nye plan?", True),
        ("Hvad er Byrådets holdning til cykelstien?", True),
        ("Hvad mener borgerne om den nye park?", False),
    ],
)
def test_what_a_body_wished_or_asked_for_is_its_decision(question: str, decision: bool) -> None:
    assert classify(question).decision is decision


def test_a_months_meeting_names_the_month() -> None:
    assert named_time("Hvilken ny sag bad udvalget om på novembermødet?").month == (11, None)
    assert named_time("Hvad blev besluttet på majmødet 2023?").month == (5, 2023)


@pytest.mark.parametrize(
    ("sentence", "tells"),
    [
        ("Høringsperioden løber fra den 10. februar til den 17. marts.", True),
        ("Høringen løber 10.-24. maj 2023.", True),
        ("Den gælder fra 1. juni 2024 til og med 31. maj 2025.", True),
        ("Politikken 2023-2026 sendes i høring i Handicaprådet.", False),
        ("Høringen slutter den 17. marts.", False),
        # Months or years, but not the years in a name.
        ("Beredskabsplanen gælder for 2024-2028 og revideres inden 1. april 2028.", True),
        ("Projektet løber fra januar til juni 2024.", True),
        ("Fritidspolitik 2023-2026 blev godkendt den 12. oktober 2022.", False),
    ],
)
def test_a_period_asked_for_is_told_by_both_its_ends(sentence: str, tells: bool) -> None:
    assert tells_start(sentence, "I hvilken periode var politikken i høring?") is tells


def test_en_with_its_accent_is_a_number_but_under_et_is_not() -> None:
    question = "Hvor mange konferencer vil kommunen afholde om året?"
    assert holds("number", "Kommunen afholder én årlig konference om landdistrikterne.", question)
    assert not holds("number", "Udbuddene giver en besparelse for kommunerne under ét.", question)


@pytest.mark.parametrize(
    ("question", "thing"),
    [
        ("Hvilken lov bygger sagen om husning af flygtninge på?", {"lov"}),
        ("Hvilket nyt revisionsfirma skal revidere regnskabet?", {"revisionsfirma"}),
        # Not a list, a time, a number's noun or a value told as a number.
        ("Hvilke klubber fik støtte?", set()),
        ("Hvilken dag holdes mødet?", set()),
        ("Hvilket beløb blev bevilget?", set()),
        ("Hvilken placering fik Vestby i opgørelsen?", set()),
        ("Hvilken sag bad udvalget om?", set()),
    ],
)
def test_the_one_thing_a_which_question_asks_for(question: str, thing: set[str]) -> None:
    from retrieval.question import asked_thing, names_thing

    assert asked_thing(question) == thing
    if thing:  # named by the noun, or a compound ending in it
        assert names_thing({"særlov", "revisionsfirma"}, thing)
        assert not names_thing({"lovgrundlag", "firma"}, thing)


def test_how_old_a_thing_is_is_told_by_when_it_was_made() -> None:
    """ "Hvor gammel er broen?" asks a date: "Broen er opført i 1786." (any century) or "… er 45 år gammel" tell it;
    the dates of what was done with the bridge since ("særeftersyn i 2021") do not."""
    from retrieval.question import classify, holds, tells_start

    question = "Hvor gammel er broen over Vestby Å?"
    assert classify(question).target == "date"
    assert holds("date", "Broen er opført i 1786.", question)
    assert holds("date", "Broen er 45 år gammel.", question)
    assert not holds("date", "Kommunen gennemførte i 2021 et særeftersyn af broen.", question)
    assert tells_start("Broen er opført i 1786.", question)
    assert holds("date", "Kommunen gennemførte i 2021 et særeftersyn af broen.", "Hvornår blev broen efterset?")


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        (
            "Hvor mange modtog ydelsen i 2023 – og hvor mange ansøgninger kom der det år?",
            ("Hvor mange modtog ydelsen i 2023?", "hvor mange ansøgninger kom der det år?"),
        ),
        (
            "Hvilken entreprenør bygger skolen, og hvor mange elever bliver der plads til?",
            ("Hvilken entreprenør bygger skolen?", "hvor mange elever bliver der plads til?"),
        ),
        ("Hvad koster det, og hvorfor?", None),  # too short to be a question of its own
        ("Byrådet godkendte planen, og hvad skete der så?", None),  # the first part asks nothing
        ("Hvor mange elever går på skolen?", None),
    ],
)
def test_two_questions_in_one(question: str, parts: tuple[str, str] | None) -> None:
    from retrieval.question import two_questions

    assert two_questions(question) == parts


def test_a_rate_of_interest_is_told_in_per_cent() -> None:
    question = "Hvilken rente får forsyningen på byggekreditten?"
    assert holds("number", "Renten er fast på 2,1 pct. i hele lånets løbetid.", question)
    assert not holds("number", "Lånet afdrages over 25 år.", question)


@pytest.mark.parametrize(
    ("sentence", "answers"),
    [
        ("På baggrund heraf har VRI sammen med administrationen udarbejdet forslaget.", True),
        ("Administrationen har i samarbejde med ARK5 arkitekter udarbejdet et mulighedsstudie.", True),
        ("Afklaringen kom fra Holm advokatpartnerselskab i maj.", True),
        ("Kontrakten er indgået med Hansen Byg A/S.", True),
        ("Den valgte entreprenør er Jensen og Søn, der starter i maj.", True),
        ("Ejendommen er udlejet til Elbil Vestby, der vil bygge om.", True),
        # The kind's word without a name, the municipality's own advisers, a building and a budget line: no firm.
        ("Administrationen har sammen med Vestby Kommunes rådgivere udpeget den vindende entreprenør.", False),
        ("Byrådet har bevilget 2,1 mio. kr. til indgangspartiet på Vestby Svømmehal (BY 04. september 2023).", False),
        ('Beløbet finansieres af "Budgetanalyse - rækkefølgeplan" i 2025.', False),
    ],
)
def test_a_firm_asked_for_is_answered_by_a_firms_name(sentence: str, answers: bool) -> None:
    """ "Hvilket firma/Hvilken entreprenør …?" is answered by a firm: its legal form, its name in capitals, or a name
    next to a firm's word — not by any capitalised word the sentence also has."""
    assert holds("named", sentence, "Hvilken entreprenør skal bygge det nye indgangsparti til svømmehallen?") is answers


def test_what_an_offer_amounts_to_is_a_sum_of_money() -> None:
    question = "Hvad lød det valgte tilbud på?"
    assert classify(question).wants == "number"
    assert classify("Hvad lød kritikken på?").wants == ""
    assert holds("number", "Det valgte tilbud lyder på 449.950 kr.", question)
    assert not holds("number", "Alle tre leverandører har indsendt tilbud.", question)
