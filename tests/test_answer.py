"""Answers on the fixture minutes: right item, right page, the key fact, and every citation verified."""

import dataclasses

import pytest

from ingestion.domain import Document
from retrieval.answer import NOT_IN_MINUTES, Evidence, ExtractiveAnswerer, make_citation
from retrieval.assistant import Assistant, InvalidQuestion
from retrieval.domain import Answer, Citation, Filters
from retrieval.index import Index
from retrieval.sentences import Sentence
from retrieval.verify import snippet_on_pages
from tests.conftest import ATTACHMENT, BALLERUP, KKR, SYDDJURS, make_hit

# (question, document, agenda item, a page the evidence stands on, what the answer must say)
ANSWERABLE = [
    ("Hvem blev udpeget til følgegruppen for Lynetteholm?", KKR, "2.6", 27, "Anette Mortensen"),
    ("Hvornår blev loven om anlæg af Lynetteholm vedtaget i Folketinget?", KKR, "2.6", 26, "4. juni 2021"),
    ("Hvor mange nye virksomheder kan Holmene give plads til?", KKR, "2.6", 25, "380"),
    ("Hvem har klaget over Lynetteholm til EU-kommissionen?", KKR, "2.6", 26, "Klimabevægelsen"),
    ("Hvor skal fødevareklyngens regionale kontor placeres?", KKR, "2.5", 21, "Slagelse"),
    ("Hvilken minister udpegede de nye nationale erhvervsklynger?", KKR, "2.5", 18, "Ane Halsboe-Jørgensen"),
    (
        "Hvad blev resultatet af sagen om etablering af regionale klyngekontorer?",
        KKR,
        "2.5",
        24,
        "tiltrådte indstillingen",
    ),
    (
        "Hvad besluttede KKR Sjælland om Erhvervshus Sjællands varetagelse af lokal erhvervsservice?",
        KKR,
        "2.3",
        14,
        "udsætte sagen",
    ),
    ("Hvad er målet for NPS-scoren i resultatkontrakten for 2021?", KKR, "2.4", 15, "70"),
    ("Hvem er formand for SOSU-dimensioneringsudvalget i KKR Sjælland?", KKR, "2.9", 31, "Henrik Hvidesten"),
    ("Hvor mange lærepladser garanterer den nye SOSU-aftale?", KKR, "2.9", 31, "9.000"),
    ("Hvor mange tilsynsbesøg aflagde Socialtilsyn Øst i 2020?", KKR, "2.11", 36, "2.234"),
    ("Hvornår forventes sundhedsklyngerne at kunne etableres?", KKR, "2.8", 31, "1. juli 2022"),
    (
        "Hvem takkede for det gode samarbejde om infrastrukturen mellem regionen og kommunerne?",
        KKR,
        "2.7",
        29,
        "Heino Knudsen",
    ),
    ("Hvor holdes KKR Sjællands møde i oktober 2021?", KKR, "6.1", 43, "Sørup Herregaard"),
    ("Hvad blev besluttet om Lynetteholm i sag SAG-2020-05891?", KKR, "2.6", 27, "Anette Mortensen"),
    ("Hvor mange borgere deltog på rygestopkurserne i 2011?", BALLERUP, "8", 14, "68"),
    (
        "Hvor stor en anlægsbevilling søges til bygningsvedligeholdelse under Sundheds- og Forebyggelsesudvalget?",
        BALLERUP,
        "2",
        5,
        "1.316.000",
    ),
    ("Hvad besluttede udvalget om bygningsvedligeholdelse 2013?", BALLERUP, "2", 5, "Indstillingen godkendt"),
    ("Hvor meget reducerede UUC Maglemosen taksterne i 2012?", BALLERUP, "4", 8, "15 pct"),
    ("Hvor mange penge er afsat til forløbsprogrammer i 2013?", BALLERUP, "6", 11, "1.370.000"),
    ("Hvem skal flytte ind på Solvej 6?", BALLERUP, "7", 13, "Parkhuset"),
    ("Hvem er formand for Sundheds- og Forebyggelsesudvalget?", BALLERUP, "", 1, "Lolan Ottesen"),
    ("Hvad blev besluttet i sag 2012-28504?", BALLERUP, "2", 5, "Indstillingen godkendt"),
    ("Hvorfor kommer der færre på rygestopkurserne?", BALLERUP, "8", 14, "røgfri"),
    ("Hvad blev besluttet i sag 12/27845 den 20. juni 2013?", SYDDJURS, "715", 4, "Punktet blev drøftet"),
    ("Hvor mange T-shirts blev der trykt til kulturkommunens kick-off?", SYDDJURS, "715", 3, "100"),
    ("Hvor mange borgere er visiteret til aflastningen på Torvevej?", ATTACHMENT, "", 1, "67"),
]

UNANSWERABLE = [
    "Hvad koster den nye skøjtehal i Slagelse?",
    "Hvad besluttede Aarhus Byråd om letbanen?",
    "Hvor mange borgere deltog på rygestopkurserne i 2015?",
    "Hvilke veje skal asfalteres i Ballerup i 2013?",
    "Hvor meget koster en ny brandbil i Stevns Kommune?",
    "Hvem vandt kommunalvalget i Køge i 2017?",
    "Hvornår holder KKR Hovedstaden sit næste møde?",
    "Hvad besluttede Sundheds- og Forebyggelsesudvalget om hjemmeplejen i 2014?",
    "Hvor mange flygtninge modtager Syddjurs Kommune i 2013?",
]


@pytest.fixture(scope="module")
def assistant(fixture_index: Index) -> Assistant:
    return Assistant(fixture_index.settings, index=fixture_index)


def assert_citations_verified(index: Index, answer: Answer) -> None:
    for citation in answer.citations:
        document = index.document(citation.document_id)
        assert snippet_on_pages(citation.snippet, document, citation.pages), citation
        assert citation.pdf_url == f"/api/documents/{citation.document_id}/pdf#page={citation.pages[0]}"
        assert f"[{citation.n}]" in answer.answer


@pytest.mark.parametrize(
    ("question", "path", "item", "page", "fact"),
    [
        pytest.param(*case, id=f"{case[1].name[:6]}-{case[2] or 'meta'}-{index}")
        for index, case in enumerate(ANSWERABLE)
    ],
)
def test_answer_cites_the_right_item_and_page(assistant: Assistant, question, path, item, page, fact):
    answer = assistant.ask(question)
    assert answer.answered, answer.answer
    assert fact.casefold() in " ".join(answer.answer.split()).casefold()
    assert any(c.document == path.name and c.agenda_item == item and page in c.pages for c in answer.citations), [
        (c.agenda_item, c.pages) for c in answer.citations
    ]
    assert_citations_verified(assistant.index, answer)


@pytest.mark.parametrize("question", UNANSWERABLE)
def test_questions_the_minutes_cannot_answer_are_declined(assistant: Assistant, question):
    answer = assistant.ask(question)
    assert not answer.answered, answer.answer
    assert answer.answer.startswith(NOT_IN_MINUTES)
    assert answer.citations == []
    assert len(answer.maybe_relevant) <= 3


def test_a_citation_with_a_wrong_page_is_dropped(assistant: Assistant):
    answer = assistant.ask("Hvem blev udpeget til følgegruppen for Lynetteholm?")
    good = answer.citations[0]
    hit = answer.retrieved[0]
    extractive: ExtractiveAnswerer = assistant.extractive
    wrong_page = 3 if good.pages[0] != 3 else 4
    evidence = [
        Evidence(Sentence(good.snippet, "Beslutning", good.pages, 0), hit, 0, 1.0),
        Evidence(Sentence(good.snippet, "Beslutning", [wrong_page], 1), hit, 0, 1.0),
        Evidence(Sentence("Mødet er aflyst.", "Beslutning", good.pages, 2), hit, 0, 1.0),
    ]
    kept = extractive.citations(evidence)
    assert [(c.pages, c.snippet) for c in kept] == [(good.pages, good.snippet)]


def test_verification_ignores_whitespace_and_line_end_hyphenation(fixture_index: Index):
    document: Document = fixture_index.document(
        next(r.id for r in fixture_index.documents() if r.file_name == KKR.name)
    )
    assert snippet_on_pages("projekt Ly-\nnetteholm", document, [27])
    assert snippet_on_pages("KKR  Sjælland besluttede   at udpege", document, [27])
    assert not snippet_on_pages("KKR Sjælland besluttede at udpege", document, [26])
    assert not snippet_on_pages("Anette Mortensen", document, [27, 29])  # pages must be contiguous


def test_decision_question_quotes_the_decision(assistant: Assistant):
    answer = assistant.ask("Blev takstreduktionen på Torvevej godkendt?")
    assert answer.answered
    assert "Indstillingen godkendt" in answer.answer


def test_filters_restrict_the_answer(assistant: Assistant):
    answer = assistant.ask("Hvad blev besluttet?", Filters(body="Udvalget for plan, udvikling og kultur (PUK)"))
    assert all(c.document == SYDDJURS.name for c in answer.citations)
    hits = assistant.search("klyngekontor", Filters(date_to="2015-01-01"))
    assert hits and all(hit.file_name != KKR.name for hit in hits)
    assert assistant.search("klyngekontor", Filters(case_number="SAG-2020-05891"))[0].agenda_item == "2.5"


def test_case_number_in_the_question_is_matched_exactly(assistant: Assistant):
    hits = assistant.search("Hvad handler sag 2010-3082 om?")
    assert hits[0].case_number == "2010-3082"
    assert {hit.case_number for hit in hits} == {"2010-3082"}


def test_search_returns_items_with_merged_chunks(assistant: Assistant):
    hits = assistant.search("Lynetteholm følgegruppe Anette Mortensen", top_k=5)
    top = hits[0]
    assert (top.file_name, top.agenda_item) == (KKR.name, "2.6")
    assert len({(h.document_id, h.agenda_item) for h in hits}) == len(hits), "one hit per agenda item"


def test_empty_and_overlong_questions_are_refused(assistant: Assistant):
    with pytest.raises(InvalidQuestion, match="tomt"):
        assistant.ask("   ")
    with pytest.raises(InvalidQuestion, match="for langt"):
        assistant.ask("x" * 10_000)


def _printed(hit, texts: list[tuple[str, bool]]) -> dict[int, Evidence]:
    """An item's sentences as printed, by position, each (text, is a list entry), equally relevant."""
    return {
        position: Evidence(Sentence(text, "Sagsbeskrivelse", [1], position, entry), hit, 0, 1.0)
        for position, (text, entry) in enumerate(texts)
    }


def test_a_list_is_quoted_as_printed_with_the_descriptions_between_its_entries(assistant: Assistant):
    """A list question brings the whole list: its entries and the one-sentence descriptions between them, in order,
    so that consecutive sentences make one passage (one citation), not one citation per entry."""
    from retrieval.answer import _with_lists

    hit = assistant.ask("Hvem blev udpeget til følgegruppen for Lynetteholm?").retrieved[0]
    texts = [
        ("Udvalget lægger vægt på tre principper:", False),
        ("• Mangfoldige læringsmiljøer:", True),
        ("Rummene skal kunne bruges på flere måder.", False),
        ("• Kloge kvadratmeter:", True),
        ("Arealerne skal udnyttes bedre.", False),
        ("• Løsningerne laver vi sammen", True),
        ("Sagen blev taget til efterretning.", False),
    ]
    own = _printed(hit, texts)
    quoted = _with_lists([own[1]], own, listing=True)
    assert [e.sentence.position for e in quoted] == [1, 2, 3, 4, 5]


def test_a_lead_in_ending_in_a_semicolon_brings_its_list(assistant: Assistant):
    """ "Udvalget ønsker, at der fremlægges sager om;" leads its list as a colon would, for any question."""
    from retrieval.answer import _with_lists

    hit = assistant.ask("Hvem blev udpeget til følgegruppen for Lynetteholm?").retrieved[0]
    texts = [
        ("1. Udvalget ønsker, at der fremlægges sager om;", False),
        ("• Arbejdet med igangværende indsatser", True),
        ("• Status på overgange i børns liv", True),
        ("• Skolernes it - nu og i fremtiden?", True),
        ("2. Orienteringen blev taget til efterretning.", False),
    ]
    own = _printed(hit, texts)
    assert [e.sentence.position for e in _with_lists([own[0]], own, listing=False)] == [0, 1, 2, 3]
    own[0] = Evidence(Sentence("1. Udvalget ønsker sager om disse emner", "Sagsbeskrivelse", [1], 0), hit, 0, 1.0)
    assert [e.sentence.position for e in _with_lists([own[0]], own, listing=False)] == [0, 1]


def test_a_list_with_longer_descriptions_is_quoted_whole_but_not_the_next_list(assistant: Assistant):
    """Entries described in two sentences are one list, found back to its first entry from a sentence that leads to
    a later one; a sentence that leads in a list of its own ("Temaerne er følgende:") starts another list."""
    from retrieval.answer import _with_lists

    hit = assistant.ask("Hvem blev udpeget til følgegruppen for Lynetteholm?").retrieved[0]
    texts = [
        ("• Fordrevne: Den største udfordring er boligplaceringen.", True),
        ("Der forventes et merforbrug på 7,5 mio. kr.", False),
        ("• Energi: Der forventes et merforbrug på 3,8 mio. kr.", True),
        ("Der blev afsat en pulje på 0,5 mio. kr.", False),
        ("Kommunen har fået kompensation fra staten.", False),
        ("• Kørsel: Udgifterne viderefaktureres til kommunerne.", True),
        ("Temaerne er følgende:", False),
        ("• Det nære sundhedsvæsen", True),
    ]
    own = _printed(hit, texts)
    quoted = _with_lists([own[1]], own, listing=True)
    assert sorted(e.sentence.position for e in quoted) == [0, 1, 2, 3, 4, 5]


def test_entries_printed_as_headings_of_their_own_are_all_quoted(assistant: Assistant):
    """ "De tre principper er:" / "Fælles om takster, herunder:" … "Fælles om kvalitet, herunder:" …: each entry is a
    short line ending in ":" opening with the same word, followed by its text; a label ("Tilbud 2:") brings the
    sentence that names its entry. Bulleted lines ending in ":" and a single such line are no such list."""
    from retrieval.answer import _with_lists

    hit = assistant.ask("Hvem blev udpeget til følgegruppen for Lynetteholm?").retrieved[0]
    texts = [
        ("De tre principper er:", False),
        ("Fælles om takster, herunder:", False),
        ("- Standardkontrakter er obligatoriske.", True),
        ("- Vi anvender fælles principper:", True),
        ("Fælles om kvalitet, herunder:", False),
        ("- Ingen kommuner køber uden dialog.", True),
        ("Fælles om botilbud, herunder:", False),
        ("- Ingen tilbud lukkes uden drøftelse.", True),
    ]
    own = _printed(hit, texts)
    quoted = {e.sentence.position for e in _with_lists([own[0]], own, listing=True)}
    assert {0, 1, 4, 6} <= quoted
    assert not {e.sentence.position for e in _with_lists([own[0]], own, listing=False)} & {4, 6}
    labels = [
        ("Administrationen foreslår nye tilbud.", False),
        ("Tilbud 1:", False),
        ("Overvægtsforløb Forløbet varer 12 uger.", False),
        ("Borgerne henvises af lægen.", False),
        ("Tilbud 2:", False),
        ("Gangtræning Holdtræning i 12 uger.", False),
    ]
    own = _printed(hit, labels)
    assert {1, 2, 4, 5} <= {e.sentence.position for e in _with_lists([own[0]], own, listing=True)}
    own = _printed(hit, labels[:4])
    assert 2 not in {e.sentence.position for e in _with_lists([own[0]], own, listing=True)}


def test_a_decision_question_keeps_its_best_sentence_from_an_earlier_decision_run(assistant: Assistant):
    """The item's (last) decision is quoted for a decision question; the best sentence stays with it, also when it
    stands in another run of the Beslutning section (an item can print its decision in parts)."""
    from retrieval.question import classify

    hit = assistant.ask("Hvem blev udpeget til følgegruppen for Lynetteholm?").retrieved[0]
    texts = [
        ("Beslutning", "Udvalget består af tre medlemmer fra Vestby IF, Østby IF og Nordby IF."),
        ("Sagsbeskrivelse", "Sagen har været i høring."),
        ("Beslutning", "Godkendt."),
    ]
    evidence = [
        Evidence(Sentence(text, section, [1], position), hit, 0, score)
        for position, ((section, text), score) in enumerate(zip(texts, (1.0, 0.5, 0.6), strict=True))
    ]
    question = "Hvilke foreninger udpeger medlemmer til udvalget?"
    chosen = assistant.extractive.select(evidence, classify(question), question)
    assert [e.sentence.position for e in chosen] == [0, 2]


def test_people_counted_may_be_named_by_another_word_for_people(assistant: Assistant):
    from retrieval.answer import _focus_missing

    hit = assistant.ask("Hvem blev udpeget til følgegruppen for Lynetteholm?").retrieved[0]

    def quote(text: str) -> list[Evidence]:
        return [Evidence(Sentence(text, "Sagsbeskrivelse", [1], 0), hit, 0, 1.0)]

    assert not _focus_missing("Hvor mange mennesker var der på holdet?", quote("Der var højst 18 deltagere."))
    assert not _focus_missing("Hvor mange elever går på skolen?", quote("Skolen har 420 elever."))
    assert not _focus_missing("Hvor mange indbyggere får Vestby i 2035?", quote("Prognosen viser 52.906 borgere."))
    assert _focus_missing("Hvor mange elever går på skolen?", quote("Skolen har 420 deltagere."))
    assert _focus_missing("Hvor mange mennesker var der på holdet?", quote("Holdet kostede 18.000 kr."))
    # "Hvad blev den endelige entreprisesum?" is not answered by a quote that never names a sum of the contract.
    sum_asked = "Hvad blev den endelige entreprisesum for daginstitutionen?"
    assert _focus_missing(sum_asked, quote("Der inddrages en fløj med plads til 60 børn."))
    assert not _focus_missing(sum_asked, quote("Entreprisesummen blev 41,2 mio. kr."))
    # A compound may stand split ("døgntakst" as "taksten … i døgnet"); a post may not ("næstformand", "formand").
    assert not _focus_missing("Hvad bliver den nye døgntakst?", quote("Taksten bliver 3.114 kr. i døgnet."))
    post = "Hvem blev valgt som ny næstformand?"
    assert _focus_missing(post, quote("Anne Holm blev valgt som formand."), split=False)
    # Nor under its item's title: "Valg af næstformand" names no chair ("Hvem er formand …?").
    elected = hit.model_copy(update={"title": "Valg af næstformand"})
    second = [Evidence(Sentence("Anne Holm (V) blev valgt den 1. december.", "Beslutning", [1], 0), elected, 0, 1.0)]
    assert _focus_missing("Hvem er formand for udvalget?", second)
    assert not _focus_missing("Hvem er næstformand for udvalget?", second)


def test_who_is_answered_by_a_persons_name_from_the_item_when_the_best_quote_has_none(assistant: Assistant):
    from retrieval.question import classify

    hit = assistant.ask("Hvem blev udpeget til følgegruppen for Lynetteholm?").retrieved[0]
    weak, full = assistant.extractive.calibration.fit_bonus / 4, assistant.extractive.calibration.fit_bonus
    evidence = [
        Evidence(
            Sentence("Rådgiveren Vestby Plan har udarbejdet forslaget.", "Sagsbeskrivelse", [1], 0),
            hit,
            0,
            1.0,
            fit=weak,
        ),
        Evidence(Sentence("Forslaget er i tråd med planen.", "Sagsbeskrivelse", [1], 1), hit, 0, 0.5, fit=-0.08),
        Evidence(Sentence("Oplægget holdes af planlægger Anne Holm.", "Baggrund", [1], 6), hit, 0, 0.4, fit=full),
    ]
    question = "Hvem holder oplæg om forslaget?"
    chosen = assistant.extractive.select(evidence, classify(question), question)
    assert 6 in [e.sentence.position for e in chosen]


@pytest.fixture(scope="module")
def labelled_meeting(tmp_path_factory: pytest.TempPathFactory, embedder) -> Assistant:
    """A meeting whose opening prints "Dato: …", "Deltagere: …" and "Fraværende: …" on lines of their own."""
    from tests.conftest import FIXTURES, make_settings

    index = Index.open(make_settings(tmp_path_factory.mktemp("labelled")), embedder=embedder)
    index.ingest_file(FIXTURES / "word-eksport_kultur-og-fritidsudvalget_2022-09-14_1630_19afbf9c.pdf")
    yield Assistant(index.settings, index=index)
    index.close()


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("Hvem var fraværende ved Kultur- og Fritidsudvalgets møde den 14. september 2022?", "Anne Marie Lyduch"),
        ("Hvem havde afbud til Kultur- og Fritidsudvalgets møde den 14. september 2022?", "Anne Marie Lyduch"),
    ],
)
def test_a_question_about_the_meeting_is_answered_by_the_line_that_prints_it(
    labelled_meeting: Assistant, question, fact
):
    """The meeting's heading matches the body and date a question names better than any other line; the line that
    prints what is asked ("Fraværende: …", also for "afbud") is the answer, and it is sure: the question names the
    meeting, the minutes print the fact under its label."""
    answer = labelled_meeting.ask(question)
    assert answer.answered and fact in answer.answer
    assert answer.certainty == "sikkert"


def test_when_a_meeting_ended_is_not_told_by_when_it_began(labelled_meeting: Assistant):
    """The minutes print "Onsdag d. 14. september 2022 kl. 16.30" and no end: "Hvornår sluttede mødet?" was answered
    "sikkert" from the hour it began."""
    began = labelled_meeting.ask("Hvornår begyndte Kultur- og Fritidsudvalgets møde den 14. september 2022?")
    assert began.answered and "16.30" in began.answer
    ended = labelled_meeting.ask("Hvornår sluttede Kultur- og Fritidsudvalgets møde den 14. september 2022?")
    assert not ended.answered


def test_a_question_naming_a_meetings_day_searches_that_meeting(assistant: Assistant):
    import datetime as dt

    named = assistant.search("Hvad blev besluttet om budgettet den 4. december 2012?", top_k=12)
    assert named and {hit.meeting_date for hit in named} == {dt.date(2012, 12, 4)}
    # A day no indexed meeting was held on restricts nothing.
    unnamed = assistant.search("Hvad blev besluttet om budgettet den 5. december 2012?", top_k=12)
    assert len({hit.meeting_date for hit in unnamed}) > 1


def test_the_line_printing_the_asked_meeting_fact_comes_first(assistant: Assistant):
    from retrieval.answer import _fact_line_first
    from retrieval.question import classify

    opening = next(hit for hit in assistant.search("Hvem deltog i mødet?") if not hit.agenda_item)
    question = "Hvor blev udvalgets møde holdt?"
    heading = Evidence(Sentence("Udvalgets møde den 4. december 2012 kl. 13", "", [1], 0), opening, 0, 0.9)
    place = Evidence(Sentence("Sted: Mødelokale 1", "", [1], 1), opening, 0, 0.3)
    assert _fact_line_first(question, classify(question), [heading, place]) == [place, heading]
    other = "Hvad besluttede udvalget om taksterne?"
    assert _fact_line_first(other, classify(other), [heading, place]) == [heading, place]
    # Two facts asked: each one's line, in the order asked.
    absent = Evidence(Sentence("Afbud: Anne Holm", "", [1], 2), opening, 0, 0.2)
    both = "Hvem havde afbud til udvalgets møde, og hvor blev mødet holdt?"
    assert _fact_line_first(both, classify(both), [heading, place, absent]) == [absent, place, heading]
    selected = assistant.extractive.select([absent, place, heading], classify(both), both)
    assert absent in selected and place in selected


def test_a_meetings_fact_lines_are_quoted_alone(assistant: Assistant):
    """ "Mødested: Byrådssalen" says where the meeting was held and "Fraværende Ingen" who was absent: the short line
    does not bring the line after it (the members), and lines that only score as well are not quoted with them."""
    from retrieval.assistant import _names_the_absent
    from retrieval.question import classify

    opening = next(hit for hit in assistant.search("Hvem deltog i mødet?") if not hit.agenda_item)
    question = "Hvor blev byrådsmødet den 11. december holdt, og manglede der nogen?"
    rows = [
        ("Greve Kommune Referat Byrådet", 0.59),
        ("Mødested: Byrådssalen", 0.6),
        ("Medlemmer Anne Holm Per Lund", 0.58),
        ("Fraværende Ingen", 0.55),
    ]
    own = [Evidence(Sentence(text, "", [1], n), opening, 0, score) for n, (text, score) in enumerate(rows)]
    ranked = sorted(own, key=lambda e: -e.score)
    selected = assistant.extractive.select(ranked, classify(question), question)
    assert [e.sentence.text for e in selected] == ["Mødested: Byrådssalen", "Fraværende Ingen"]
    # A fact asked that no line is labelled with ("hvornår", printed in the heading) is still looked for.
    both = "Hvor og hvornår blev byrådsmødet den 11. december holdt?"
    heading = dataclasses.replace(own[0], fit=0.1)
    ranked = [own[1], heading, own[2], own[3]]
    selected = assistant.extractive.select(ranked, classify(both), both)
    assert {e.sentence.text for e in selected} >= {"Mødested: Byrådssalen", "Greve Kommune Referat Byrådet"}
    # "Fraværende" over "Ingen" names no one, as "Afbud: Ingen" does.
    assert not _names_the_absent("Fraværende Ingen") and _names_the_absent("Fraværende Anne Holm")
    # The label alone names no one either: the names stand under the items.
    assert not _names_the_absent("Fraværende")


def test_a_reason_given_before_its_conclusion_is_quoted_with_it(assistant: Assistant):
    """ "Af disse grunde …" points back to the reasons before it: quoted back to the first of them, through those
    that add to it ("Desuden", "Og endelig"); "Derfor …" brings the one sentence before it."""
    from retrieval.answer import _with_reasons_before

    hit = assistant.search("Hvorfor blev taksten sænket?")[0]
    texts = [
        "Boligerne er opført som ældreboliger.",
        "Fællesrummet er ikke stort nok til otte kørestolsbrugere.",
        "Desuden er det nødvendigt med et serviceareal til personalet.",
        "Og endelig skal stedet være et heldagstilbud.",
        "Af disse grunde er det nødvendigt at inddrage to af boligerne.",
        "Derfor foreslås en ny målgruppe.",
    ]
    own = {n: Evidence(Sentence(text, "Sagsbeskrivelse", [1], n), hit, 0, 0.5) for n, text in enumerate(texts)}
    quoted = _with_reasons_before([own[4]], own)
    assert sorted(e.sentence.position for e in quoted) == [1, 2, 3, 4]
    assert sorted(e.sentence.position for e in _with_reasons_before([own[5]], own)) == [4, 5]
    assert _with_reasons_before([own[0]], own) == [own[0]]
    # "På denne baggrund …" points back as "På den baggrund …" does.
    own[5] = Evidence(Sentence("På denne baggrund foreslås en ny målgruppe.", "Sagsbeskrivelse", [1], 5), hit, 0, 0.5)
    assert sorted(e.sentence.position for e in _with_reasons_before([own[5]], own)) == [4, 5]


def test_a_question_naming_a_year_is_quoted_with_the_neighbour_that_names_it(assistant: Assistant):
    """The best sentence gives a share, the next one the year's figure: both are quoted, so the answer holds the
    figure of the year asked about."""
    from retrieval.question import classify

    hit = next(hit for hit in assistant.search("Hvad koster sygeplejeklinikken?") if hit.agenda_item)
    question = "Hvor meget brugte kommunen i 2023 på eksterne leverandører?"
    kind = classify(question)
    share = "Køb af ydelser hos eksterne leverandører udgør cirka 2/3 af de udgifter, der bruges."
    texts = ["Budgettet følges.", share, "I 2023 var det 23 mio."]
    ranked = []
    for n, (text, score) in enumerate(zip(texts, (0.5, 0.8, 0.6), strict=True), 3):
        sentence = Sentence(text, "Sagen", [1], n)
        ranked.append(Evidence(sentence, hit, 0, score, fit=assistant.extractive._fit(kind, sentence, question)))
    ranked.sort(key=lambda e: e.total, reverse=True)
    chosen = assistant.extractive.select(ranked, kind, question)
    assert [e.sentence.position for e in chosen] == [4, 5]


def test_a_reason_found_in_the_item_nearly_as_good_as_the_best_match_counts_as_found(assistant: Assistant):
    """The best match restates the question; a sentence further on that matches nearly as well gives the reason:
    the reason is not missing. One that matches far worse is a guess, and the signal says so."""
    from retrieval.question import classify

    hit = next(hit for hit in assistant.search("Hvad koster sygeplejeklinikken?") if hit.agenda_item)
    question = "Hvorfor anbefalede administrationen ikke et fast gebyr?"
    kind = classify(question)
    restated = Sentence("Gebyret kan opkræves pr. time eller som et fast gebyr.", "Resume", [1], 2)
    reason = Sentence("Det anbefales ikke, idet indtægten ikke dækker udgifterne.", "Sagen", [1], 18)

    def ranked(reason_score: float) -> list[Evidence]:
        return sorted(
            (
                Evidence(s, hit, 0, score, fit=assistant.extractive._fit(kind, s, question))
                for s, score in ((restated, 0.9), (reason, reason_score))
            ),
            key=lambda e: e.total,
            reverse=True,
        )

    close = ranked(0.85)
    chosen = assistant.extractive.select(close, kind, question)
    assert not assistant.extractive.signals(question, close, chosen, kind).fit_missing
    far = ranked(0.4)
    chosen = assistant.extractive.select(far, kind, question)
    assert assistant.extractive.signals(question, far, chosen, kind).fit_missing


def test_who_was_chosen_is_found_in_the_decision_when_the_proposal_leaves_it_open(assistant: Assistant):
    """ "Udvalget skal beslutte, hvilke medlemmer der deltager" leaves open who; the item's decision, pages on and far
    down the ranking, names them: the name is found, not missing. A decision far down that does not answer what the
    best match leaves open is still a guess."""
    from retrieval.question import classify

    hit = next(hit for hit in assistant.search("Hvad koster sygeplejeklinikken?") if hit.agenda_item)
    question = "Hvem skal deltage fra udvalget i stormødet om sundhedsaftalen?"
    kind = classify(question)

    def signals(opening: str):
        best = Sentence(opening, "Indstilling", [1], 2)
        decision = Sentence("Godkendt, idet Anne Holm og Lise Berg deltager fra udvalget.", "Beslutning", [3], 30)
        ranked = [
            Evidence(s, hit, 0, score, fit=assistant.extractive._fit(kind, s, question))
            for s, score in ((best, 0.95), (decision, 0.6))
        ]
        chosen = assistant.extractive.select(ranked, kind, question)
        assert any(e.sentence is decision for e in chosen)
        return assistant.extractive.signals(question, ranked, chosen, kind)

    assert not signals("Udvalget skal beslutte, hvilke medlemmer der deltager i stormødet.").fit_missing
    assert signals("Udvalget inviteres til stormødet om sundhedsaftalen i november.").fit_missing


def test_who_was_chosen_is_quoted_from_the_decision_when_the_best_match_names_others(assistant: Assistant):
    """The best match lists the candidates and leaves the choice to the meeting ("… beslutter, hvem der skal udpeges
    som nyt medlem"): it holds names, but not the one chosen. The decision that names who was chosen is quoted too."""
    from retrieval.question import classify

    hit = next(hit for hit in assistant.search("Hvad koster sygeplejeklinikken?") if hit.agenda_item)
    question = "Hvem skal være det nye medlem af rådet?"
    kind = classify(question)
    best = Sentence(
        "Ansøgerne er Anne Holm og Lise Berg. Administrationen anbefaler, at udvalget beslutter, hvem der skal "
        "udpeges som nyt medlem til rådet.",
        "Sagsbeskrivelse",
        [1],
        2,
    )
    left = Sentence("Efterfølgende har Jens Vestergaard meldt sig ud af rådet.", "Sagsbeskrivelse", [1], 1)
    decision = Sentence("Udvalget beslutter at pege på Lise Berg som det nye medlem.", "Beslutning", [2], 20)
    ranked = [
        Evidence(s, hit, 0, score, fit=assistant.extractive._fit(kind, s, question))
        for s, score in ((best, 0.95), (left, 0.9), (decision, 0.7))
    ]
    chosen = assistant.extractive.select(ranked, kind, question)
    assert any(e.sentence is decision for e in chosen)
    best_only = Sentence("Ansøgerne er Anne Holm og Lise Berg.", "Sagsbeskrivelse", [1], 2)
    ranked[0] = Evidence(best_only, hit, 0, 0.95, fit=assistant.extractive._fit(kind, best_only, question))
    assert not any(e.sentence is decision for e in assistant.extractive.select(ranked, kind, question))


def test_a_bare_approval_is_quoted_with_the_proposal_it_approves(assistant: Assistant):
    """ "1.-2. Godkendt." says that the Indstilling was decided, not what it said: its points are quoted with it."""
    from retrieval.question import classify

    hit = next(hit for hit in assistant.search("Hvad koster sygeplejeklinikken?") if hit.agenda_item)
    question = "Skal busbetjeningen ændres med trafikbestillingen for 2024?"
    texts = [
        ("Resume", "Hvert år indleveres en trafikbestilling til trafikselskabet for næste år."),
        ("Indstilling", "Administrationen indstiller,"),
        ("Indstilling", "- at der meddeles trafikselskabet, at der ingen ændringer er til trafikbestillingen"),
        ("Indstilling", "- at det besluttes, om der skal arbejdes med at reducere bustrafikken"),
        ("Beslutning", "1.-2. Godkendt."),
    ]
    evidence = [
        Evidence(Sentence(text, section, [1], position, list_item=text.startswith("-")), hit, 0, score)
        for position, ((section, text), score) in enumerate(zip(texts, (1.0, 0.5, 0.6, 0.4, 0.3), strict=True))
    ]
    chosen = assistant.extractive.select(evidence, classify(question), question)
    assert [e.sentence.position for e in chosen] == [0, 1, 2, 3, 4]


def test_what_a_who_question_names_may_stand_in_the_items_title_as_a_compound(assistant: Assistant):
    """ "Hvem er leder af …?" answered from the item "Dialogmøde med plejecenterlederne" by "Anne Holm fra Vestby
    Plejecenter": the title names the leaders the sentence lists. An item titled otherwise does not."""
    from retrieval.answer import _focus_missing
    from retrieval.domain import Hit

    question = "Hvem er leder af Vestby Plejecenter?"
    sentence = Sentence("Anne Holm fra Vestby Plejecenter.", "Tidsplan", [2], 4)

    def quoted(title: str) -> list[Evidence]:
        hit = Hit(
            document_id="d",
            file_name="f.pdf",
            body="Vestby Udvalg",
            meeting_date=None,
            agenda_item="2",
            title=title,
            kind="",
            case_number="",
            pages=[2],
            snippet="",
            score=1.0,
            chunk_ids=[],
        )
        return [Evidence(sentence, hit, 0, 0.9)]

    assert not _focus_missing(question, quoted("Årligt dialogmøde med plejecenterlederne"))
    assert _focus_missing(question, quoted("Årligt dialogmøde om plejecentrene"))


def _answered_from(extractive: ExtractiveAnswerer, monkeypatch, question: str, hit, ranked: list[Evidence]) -> Answer:
    """The answer given when ``ranked`` is what the item offers, with the confidence threshold off: what is judged
    is the quotes themselves."""
    import dataclasses

    monkeypatch.setattr(extractive, "rank", lambda *args, **kwargs: ranked)
    monkeypatch.setattr(extractive, "calibration", dataclasses.replace(extractive.calibration, threshold=0.0))
    return extractive.answer(question, [hit])


def test_an_item_that_lacks_what_was_asked_is_not_quoted_as_the_answer(assistant: Assistant, monkeypatch):
    """However well the item matches, a "hvor mange" question is declined when no quote near the best match holds
    a number — and the declined answer says so, with the item as "Måske relevant"."""
    from retrieval.question import classify

    extractive = assistant.extractive
    hit = next(hit for hit in assistant.search("Hvad koster sygeplejeklinikken?") if hit.agenda_item)
    question = "Hvor mange høringssvar kom der til planen?"
    kind = classify(question)
    texts = ["Planen blev sendt i offentlig høring.", "Høringssvarene er vedlagt som bilag."]
    ranked = [
        Evidence(
            Sentence(text, "Sagen", [1], n),
            hit,
            0,
            0.9 - n / 10,
            fit=extractive._fit(kind, Sentence(text, "", [1], n), question),
        )
        for n, text in enumerate(texts)
    ]
    answer = _answered_from(extractive, monkeypatch, question, hit, ranked)
    assert not answer.answered
    assert answer.notice == "Referaterne omtaler emnet, men ikke det tal eller beløb, der spørges om."
    assert answer.maybe_relevant[0] == hit


def test_a_reason_stated_as_such_fits_a_why_question_better_than_a_consequence(assistant: Assistant):
    """ "Hvorfor …?" is answered more surely by "Begrundelsen er, at …" than by a sentence that only draws a
    consequence ("derfor") — both hold a reason's words, the first says what the reason is."""
    from retrieval.question import classify

    question = "Hvorfor er Østby Vænge ikke længere et forebyggelsesområde?"
    kind = classify(question)
    fit = assistant.extractive._fit
    stated = fit(kind, Sentence("Begrundelsen er, at andelen af dømte er faldet.", "", [1], 0), question)
    consequence = fit(kind, Sentence("Derfor gælder begrænsningen ikke længere.", "", [1], 1), question)
    assert stated > consequence > 0


def test_an_outcome_asked_is_not_answered_by_an_intention(assistant: Assistant, monkeypatch):
    """ "Fik foreningen pengene?" is declined when the item only says the association wants to apply for them —
    and the declined answer says the outcome is not there, with the item as "Måske relevant"."""
    from retrieval.question import classify

    extractive = assistant.extractive
    hit = next(hit for hit in assistant.search("Hvad koster sygeplejeklinikken?") if hit.agenda_item)
    question = "Fik foreningen bevilget pengene fra fonden til sansehaven?"
    kind = classify(question)
    texts = ["Foreningen ønsker at ansøge fonden om støtte til en sansehave.", "Haven skal ligge ved borgerhuset."]
    wanting = [Evidence(Sentence(texts[0], "Sagen", [1], 0), hit, 0, 0.9)]
    answer = _answered_from(extractive, monkeypatch, question, hit, wanting)
    assert not answer.answered
    assert answer.notice == "Referaterne omtaler emnet, men ikke udfaldet, der spørges om."
    assert answer.maybe_relevant[0] == hit
    # The item's other sentence states a fact: then the outcome may be there, and the signal does not decline.
    both = [*wanting, Evidence(Sentence(texts[1], "Sagen", [1], 1), hit, 0, 0.85)]
    assert not extractive.signals(question, both, both, kind).fit_missing
    # Whether a grant was given is told by the item's decision, however far below the best match it stands.
    granted = "Fik ejerne tilladelse til at nedlægge vejarealet?"
    asked = Evidence(Sentence("Ejerne ønsker at få vejarealet nedlagt.", "Sagen", [1], 0), hit, 0, 0.9)
    ruling = Evidence(
        Sentence("Med stemmerne 19 for og 1 imod godkendte Byrådet indstillingen.", "Beslutning", [3], 40), hit, 0, 0.3
    )
    assert extractive.signals(granted, [asked], [asked], classify(granted)).fit_missing
    assert not extractive.signals(granted, [asked, ruling], [asked, ruling], classify(granted)).fit_missing


def test_a_figure_for_another_year_is_not_quoted_as_the_answer(assistant: Assistant, monkeypatch):
    """ "Hvor mange deltog i 2012?" is declined when the best quote gives the figure for 2011 — and answered when a
    quote of the item names 2012."""
    from retrieval.question import classify

    extractive = assistant.extractive
    hit = next(hit for hit in assistant.search("Hvad koster sygeplejeklinikken?") if hit.agenda_item)
    question = "Hvor mange borgere deltog i rygestopkurserne i 2012?"
    of_2011 = Evidence(Sentence("I 2011 deltog 40 borgere i kurserne.", "Sagen", [1], 0), hit, 0, 0.9, fit=0.12)
    answer = _answered_from(extractive, monkeypatch, question, hit, [of_2011])
    assert not answer.answered
    assert answer.maybe_relevant[0] == hit
    # The item's next sentence gives the year asked: then the signal does not decline.
    both = [of_2011, Evidence(Sentence("I 2012 deltog 52 borgere.", "Sagen", [1], 1), hit, 0, 0.85, fit=0.12)]
    assert not extractive.signals(question, both, both, classify(question)).fit_missing
    # Nor do minutes of 2012 say what was decided on a day in 2013.
    later = "Hvad besluttede udvalget om rygestopkurserne den 6. marts 2013?"
    assert hit.meeting_date is not None and hit.meeting_date.year == 2012
    assert extractive.signals(later, both, both, classify(later)).fit_missing


def test_a_decision_that_adopts_a_recommendation_is_quoted_with_it(assistant: Assistant):
    """ "Byrådet godkendte Økonomiudvalgets indstilling" says what was decided only with that recommendation: the
    chain is followed along the item's course to where it started — a committee's words, or the Indstilling."""
    from retrieval.answer import adopted, decision_of
    from retrieval.question import classify

    hit = next(hit for hit in assistant.search("Hvad koster sygeplejeklinikken?") if hit.agenda_item)
    rows = [
        ("Indstilling", "Administrationen indstiller, at", False),
        ("Indstilling", "1. scenarie A vælges", True),
        ("Indstilling", "2. scenarie B vælges", True),
        ("Sagsfremstilling", "Der er to scenarier.", False),
        ("Beslutning", "Beslutning i Byrådet den 17.04.2024 Byrådet godkendte Økonomiudvalgets indstilling.", False),
        ("Sagens forløb", "14-03-2024 Vestby Udvalg", False),
        ("Sagens forløb", "Udvalget anbefaler scenarie A.", False),
        (
            "Sagens forløb",
            "10-04-2024 Økonomiudvalget Økonomiudvalget anbefaler, at Vestby Udvalgs indstilling godkendes.",
            False,
        ),
    ]
    own = {
        n: Evidence(Sentence(text, section, [1], n, list_item=listed), hit, 0, 0.5)
        for n, (section, text, listed) in enumerate(rows)
    }
    decision = decision_of(own, None)
    assert [[e.sentence.position for e in run] for run in adopted(own, decision)] == [[7], [5, 6]]
    # The answer to "what was decided" quotes the whole chain.
    question = "Hvad besluttede Byrådet om scenarierne?"
    chosen = assistant.extractive.select(list(own.values()), classify(question), question)
    assert {4, 5, 6, 7} <= {e.sentence.position for e in chosen}
    # Økonomiudvalget adopting the administration's Indstilling brings it, as it opens: the lead-in and its entries.
    own[7] = Evidence(
        Sentence(
            "10-04-2024 Økonomiudvalget Anbefaler, at administrationens indstilling godkendes.", "Sagens forløb", [1], 7
        ),
        hit,
        0,
        0.5,
    )
    assert [[e.sentence.position for e in run] for run in adopted(own, decision)] == [[7], [0, 1, 2]]
    # A committee that only approves ("1.-2. Anbefales.") approves the Indstilling: that is where the chain ends.
    own[6] = Evidence(Sentence("1.-2. Anbefales.", "Sagens forløb", [1], 6), hit, 0, 0.5)
    own[7] = Evidence(Sentence(rows[7][1], "Sagens forløb", [1], 7), hit, 0, 0.5)
    assert [[e.sentence.position for e in run] for run in adopted(own, decision)] == [[7], [5, 6], [0, 1, 2]]
    # The answer quotes the Indstilling, not the step that only passed it on ("14-03-2024 Vestby Udvalg" /
    # "1.-2. Anbefales."); one approval per point, as a list ("- Anbefales"), passes it on the same way.
    for approval in ("1.-2. Anbefales.", "- Anbefales - Anbefales"):
        own[6] = Evidence(Sentence(approval, "Sagens forløb", [1], 6), hit, 0, 0.5)
        assert [[e.sentence.position for e in run] for run in adopted(own, decision)] == [[7], [5, 6], [0, 1, 2]]
        chosen = {
            e.sentence.position for e in assistant.extractive.select(list(own.values()), classify(question), question)
        }
        assert {0, 1, 2, 4, 7} <= chosen and not {5, 6} & chosen
    # "fagudvalgenes indstilling" (the committees', plural): the latest committee run not yet quoted.
    own[7] = Evidence(
        Sentence(
            "10-04-2024 Økonomiudvalget Anbefaler, at fagudvalgenes indstilling godkendes.", "Sagens forløb", [1], 7
        ),
        hit,
        0,
        0.5,
    )
    own[6] = Evidence(Sentence("Udvalget anbefaler scenarie A.", "Sagens forløb", [1], 6), hit, 0, 0.5)
    assert [[e.sentence.position for e in run] for run in adopted(own, decision)][:2] == [[7], [5, 6]]
    # A course printed as "Punkt 6, Vestby Udvalg den 14.03.2024 1.-2. Anbefales ikke." is followed too; a refusal
    # is no approval of the Indstilling, so the chain ends with the committee's own words.
    own[5] = Evidence(
        Sentence("Punkt 6, Vestby Udvalg den 14.03.2024 1.-2. Anbefales ikke.", "Sagens forløb", [1], 5), hit, 0, 0.5
    )
    own[6] = Evidence(Sentence("Bilag 1.", "Bilag", [1], 6), hit, 0, 0.5)
    own[7] = Evidence(Sentence(rows[7][1], "Sagens forløb", [1], 7), hit, 0, 0.5)
    assert [[e.sentence.position for e in run] for run in adopted(own, decision)] == [[7], [5]]
    # A decision that says what was decided adopts nothing.
    own[4] = Evidence(Sentence("Byrådet valgte scenarie A.", "Beslutning", [1], 4), hit, 0, 0.5)
    assert adopted(own, decision_of(own, None)) == []


def test_a_decision_goes_on_after_a_line_of_who_was_absent(assistant: Assistant):
    """ "Beslutning i Byrådet den 02.10.2023 / Fraværende: Anne Holm / Godkendt.": the decision of that day is the
    heading and "Godkendt.", not the heading alone."""
    import datetime as dt

    from retrieval.answer import decision_of

    hit = next(hit for hit in assistant.search("Hvad koster sygeplejeklinikken?") if hit.agenda_item)
    rows = [
        ("Beslutning", "Beslutning i Byrådet den 02.10.2023"),
        ("Fraværende", "Anne Holm."),
        ("Beslutning", "Godkendt."),
    ]
    own = {n: Evidence(Sentence(text, section, [1], n), hit, 0, 0.5) for n, (section, text) in enumerate(rows)}
    assert [e.sentence.position for e in decision_of(own, dt.date(2023, 10, 2))] == [0, 2]


def test_who_was_absent_at_the_committees_before_is_not_absent_at_this_meeting(assistant: Assistant, monkeypatch):
    """A Byråd item's course prints the committees' earlier decisions with who was absent then ("13-11-2023 Sundheds-
    og Omsorgsudvalget / Anbefales. / Fraværende: Anne Holm"): only the item's own meeting's absence answers."""
    import datetime as dt

    extractive = assistant.extractive
    found = next(hit for hit in assistant.search("Hvad koster sygeplejeklinikken?") if hit.agenda_item)
    hit = found.model_copy(update={"meeting_date": dt.date(2023, 12, 11)})
    rows = [
        ("Beslutning", "Byrådet godkendte Økonomiudvalgets indstilling."),
        ("Afbud", "Afbud: Per Lund"),
        ("Beslutning", "13-11-2023 Sundheds- og Omsorgsudvalget Anbefales."),
        ("Fraværende", "Fraværende: Anne Holm"),
    ]
    sentences = [Sentence(text, section, [1], n) for n, (section, text) in enumerate(rows)]
    monkeypatch.setattr(extractive, "_item", lambda hit: (None, None))
    monkeypatch.setattr(extractive, "_sentences", lambda hit, item: (sentences, None))
    monkeypatch.setattr(extractive, "verified", lambda citation: True)
    answer = extractive.absences("Hvem var fraværende ved byrådsmødet den 11. december 2023?", [hit], [])
    assert answer is not None and "Per Lund" in answer.answer and "Anne Holm" not in answer.answer


def test_a_question_about_the_meeting_that_no_label_answers_quotes_its_opening(assistant: Assistant):
    """ "Hvem var med til mødet?" where no label prints who: the meeting's own lines on its first page are quoted, in
    order (who met, when and where), not only the heading that matched best."""
    from retrieval.question import classify

    opening = next(hit for hit in assistant.search("Hvem deltog i mødet?") if not hit.agenda_item)
    question = "Hvem var med til udvalgets møde den 4. december 2012?"
    rows = [("Referat Vestby Udvalg 4. december 2012", 0.7), ("Anne Holm, Per Lund", 0.4), ("Bilag 1", 0.3)]
    own = [Evidence(Sentence(text, "", [1 + n // 2], n), opening, 0, score) for n, (text, score) in enumerate(rows)]
    kind = classify(question)
    assert kind.meeting
    selected = assistant.extractive.select(own, kind, question)
    assert [e.sentence.text for e in selected] == ["Referat Vestby Udvalg 4. december 2012", "Anne Holm, Per Lund"]
    # So is who held an office at the meeting, where the opening prints it beside the name.
    chair = "Hvem var formand for udvalget ved mødet den 4. december 2012?"
    selected = assistant.extractive.select(own, classify(chair), chair)
    assert [e.sentence.text for e in selected] == ["Referat Vestby Udvalg 4. december 2012", "Anne Holm, Per Lund"]


def test_who_was_absent_is_answered_only_where_the_minutes_say_who_was(assistant: Assistant, monkeypatch):
    """Minutes that list no absence do not answer "Hvem var fraværende?" with whatever names an item holds."""
    extractive = assistant.extractive
    hit = next(hit for hit in assistant.search("Hvad koster sygeplejeklinikken?") if hit.agenda_item)
    question = "Hvem var fraværende på mødet i Vestby Udvalg?"
    names = [Evidence(Sentence("– Erhvervshus Østby – Anne Holm, Nordby Kommune", "Meddelelser", [1], 0), hit, 0, 0.9)]
    assert not _answered_from(extractive, monkeypatch, question, hit, names).answered
    absent = [Evidence(Sentence("Anne Holm havde meldt afbud.", "Meddelelser", [1], 0), hit, 0, 0.9)]
    from retrieval.question import classify

    assert not extractive.signals(question, absent, absent, classify(question)).focus_missing


def test_a_total_is_quoted_with_its_breakdown(assistant: Assistant):
    """ "I alt 186 kursister" answers "hvor mange fra Vestby" only with the next sentence: "Heraf var 139 …"."""
    from retrieval.question import classify

    hit = next(hit for hit in assistant.search("Hvad koster sygeplejeklinikken?") if hit.agenda_item)
    question = "Hvor mange kursister fra Vestby var tilmeldt danskuddannelsen?"
    kind = classify(question)
    texts = [
        "Den 1. september var i alt 186 kursister tilmeldt.",
        "Heraf var 139 fra Vestby og 37 fra Østby.",
        "Udbuddet følger.",
    ]
    ranked = []
    for n, (text, score) in enumerate(zip(texts, (0.9, 0.6, 0.5), strict=True)):
        sentence = Sentence(text, "Sagen", [1], n)
        ranked.append(Evidence(sentence, hit, 0, score, fit=assistant.extractive._fit(kind, sentence, question)))
    chosen = assistant.extractive.select(ranked, kind, question)
    assert {0, 1} <= {e.sentence.position for e in chosen}


def test_a_name_under_an_absence_label_answers_only_who_was_absent(assistant: Assistant):
    """ "Anne Holm" under "Ikke til stede" says she was absent: it does not answer "Hvem blev ansat …?"."""
    from retrieval.question import classify

    extractive = assistant.extractive
    absentee = Sentence("Anne Holm", "Ikke til stede", [1], 4)
    hired = "Hvem blev ansat som ny borgerrådgiver?"
    assert extractive._fit(classify(hired), absentee, hired) < 0
    absent = "Hvem var ikke til stede ved behandlingen af punktet?"
    assert extractive._fit(classify(absent), absentee, absent) > 0


def test_an_entry_ending_in_a_colon_leads_a_list_of_its_own(assistant: Assistant):
    """ "• … Temaerne er fortsat følgende:" followed by entries leads those entries: quoting it brings them and not
    the list it stands in, and an entry of the new list is found back to the new list's first entry."""
    from retrieval.answer import _with_lists

    hit = assistant.ask("Hvem blev udpeget til følgegruppen for Lynetteholm?").retrieved[0]
    texts = [
        ("Ændringerne i andet udkast er:", False),
        ("• Teksten er gjort lettere at læse", True),
        ("• Der er lavet mindre ændringer i overskrifterne Temaerne er fortsat følgende:", True),
        ("• Fællesskaber og aktiviteter", True),
        ("• Vellykkede overgange", True),
        ("• Helhedsorienterede indsatser", True),
        ("Sagen sendes i høring.", False),
    ]
    own = _printed(hit, texts)
    assert sorted(e.sentence.position for e in _with_lists([own[2]], own, listing=True)) == [2, 3, 4, 5]
    assert sorted(e.sentence.position for e in _with_lists([own[4]], own, listing=True)) == [3, 4, 5]


def test_a_sentence_before_the_line_that_opens_a_list_brings_both(assistant: Assistant):
    """ "… de kommunale bygninger i fase 1." / "De berørte bygninger er:" / the entries: the sentence leads the list
    through the short line, and quoting it brings the line and the entries."""
    from retrieval.answer import _leading_lists, _with_lists

    hit = assistant.ask("Hvem blev udpeget til følgegruppen for Lynetteholm?").retrieved[0]
    texts = [
        ("Byrådet skal godkende, at de kommunale bygninger i fase 1 kobles på fjernvarme.", False),
        ("De berørte bygninger er:", False),
        ("- Vestby Skole", True),
        ("- Nordby Børnehus", True),
        ("Tilslutningen koster 35.000 kr. pr. bygning.", False),
    ]
    sentences = [
        Sentence(text, "Sagsbeskrivelse", [1], position, entry) for position, (text, entry) in enumerate(texts)
    ]
    leads = _leading_lists(sentences)
    assert set(leads) == {0, 1}
    assert "berørte bygninger" in leads[0]
    own = {s.position: Evidence(s, hit, 0, 1.0) for s in sentences}
    assert sorted(e.sentence.position for e in _with_lists([own[0]], own, listing=True)) == [0, 1, 2, 3]
    assert sorted(e.sentence.position for e in _with_lists([own[0]], own, listing=False)) == [0]


def test_a_list_lead_in_naming_what_is_asked_for_fits_best(assistant: Assistant):
    """ "Hvilke områder …?": the lead-in "… disse otte områder:" holds the answer more surely than a lead-in of
    another list ("Administrationen indstiller:")."""
    from retrieval.question import classify

    question = "Hvilke områder skal der laves aktivitetstal for?"
    kind = classify(question)
    extractive = assistant.extractive
    naming = Sentence("Administrationen foreslår aktivitetstal på disse otte områder:", "Sagsbeskrivelse", [1], 3)
    other = Sentence("Administrationen indstiller:", "Indstilling", [1], 1)
    strong = extractive._fit(kind, naming, question, naming.text)
    plain = extractive._fit(kind, other, question, other.text)
    assert strong > plain > 0
    assert extractive._fit(kind, naming, question, None) < 0  # no list follows: it holds no list
    # A sentence that names them and then runs the list holds it as surely; one that runs another list does not.
    runs = Sentence("De fire områder er Vestby, Nordby, Østby og Sydby.", "Sagsbeskrivelse", [1], 4)
    assert extractive._fit(kind, runs, question) == strong
    elsewhere = Sentence("Vestby, Nordby, Østby og Sydby deler områderne.", "Sagsbeskrivelse", [1], 5)
    assert 0 < extractive._fit(kind, elsewhere, question) < strong


def test_a_reason_for_the_sentence_before_is_as_relevant_and_quoted_with_it(assistant: Assistant):
    """ "Hvorfor …?" about what a sentence says: the next sentence's "Årsagen er, at …" is as relevant as the claim it
    explains (its own words seldom repeat the question's), so it wins on holding a reason — and brings the claim."""
    from retrieval.answer import _continuations_inherit, _with_reasons_before
    from retrieval.question import explains_before

    hit = assistant.ask("Hvem blev udpeget til følgegruppen for Lynetteholm?").retrieved[0]
    texts = [
        ("Nordby Kommunes indtræden i depotet har ikke indflydelse på Vestby Kommunes deponering.", 0.95),
        ("Årsagen er, at Vestby Kommune ikke har foretaget deponering.", 0.60),
        ("Det skyldes, at kommunen opsagde et lejemål.", 0.55),
        ("Sagen forelægges igen i 2025.", 0.50),
    ]
    evidence = [
        Evidence(Sentence(text, "Baggrund", [1], position), hit, 0, score)
        for position, (text, score) in enumerate(texts)
    ]
    inherited = _continuations_inherit(evidence, explains_before)
    assert [round(e.score, 2) for e in inherited] == [0.95, 0.95, 0.95, 0.5]
    own = {e.sentence.position: e for e in inherited}
    quoted = _with_reasons_before([own[1]], own)
    assert sorted(e.sentence.position for e in quoted) == [0, 1]
    # "Det er især fordi, …" explains the sentence before it as well.
    assert explains_before("Det er især fordi, der er sket en stigning i antallet af ledige.")
    assert not explains_before("Det er især vigtigt, at stigningen følges.")


def test_a_list_given_for_what_the_sentence_before_announced_is_as_relevant(assistant: Assistant):
    """ "Hvilke aktiviteter …?": "… fire sportsgrene, som alle er udendørsaktiviteter." / "Det er løbetræning,
    cykelmotion, powerwalk og skating." — the list's own words do not repeat the question's; it is found through the
    sentence that announces it, and it is what the answer quotes."""
    from retrieval.question import classify

    hit = assistant.ask("Hvem blev udpeget til følgegruppen for Lynetteholm?").retrieved[0]
    question = "Hvilke aktiviteter kan man dyrke i Vestby Motionsklub?"
    kind = classify(question)
    texts = [
        ("Klubben fortæller om sit virke og sine udfordringer.", 0.90),
        ("Vestby Motionsklub tilbyder fire sportsgrene, som alle er udendørsaktiviteter.", 0.85),
        ("Det er løbetræning, cykelmotion, powerwalk og skating.", 0.40),
        ("Det er vigtigt, at klubben får flere frivillige.", 0.40),
    ]
    extractive = assistant.extractive
    evidence = [
        Evidence(sentence, hit, 0, score, fit=extractive._fit(kind, sentence, question))
        for position, (text, score) in enumerate(texts)
        for sentence in [Sentence(text, "Sagsbeskrivelse", [1], position)]
    ]
    from retrieval.answer import _continuations_inherit
    from retrieval.question import enumerates_before

    inherited = _continuations_inherit(evidence, enumerates_before)
    assert [round(e.score, 2) for e in inherited] == [0.90, 0.85, 0.85, 0.40]  # not a sentence that lists nothing
    best = max(inherited, key=lambda e: e.total)
    assert best.sentence.position == 2


def test_an_attachment_quote_carries_the_printed_heading_it_stands_under(assistant: Assistant):
    answer = assistant.ask("Hvor mange borgere er visiteret til aflastningen på Torvevej?")
    citation = next(c for c in answer.citations if c.document == ATTACHMENT.name)
    assert citation.section == (
        "Tilpasning af budget 2 % i 2013 og 3 % i 2014, på aflastningsinstitutionen, Torvevej 31, 2740 Skovlunde."
    )


def _attachment_citation(section: str, title: str = "Kvalitetsstandard for vejhjælp") -> Citation:
    hit = make_hit(title, document="bilag")
    return make_citation(
        1, hit.model_copy(update={"body": "", "agenda_item": ""}), "Klagen sendes til nævnet.", [3], section
    )


def test_an_attachment_is_cited_by_its_heading_unless_the_heading_is_its_title():
    cited = _attachment_citation("5. Klage og ankemuligheder")
    assert "afsnit »5. Klage og ankemuligheder«, s. 3" in cited.reference
    assert "afsnit" not in _attachment_citation("Kvalitetsstandard for vejhjælp").reference


def test_minutes_are_cited_by_their_item_not_their_section(assistant: Assistant):
    answer = assistant.ask("Hvad besluttede udvalget om bygningsvedligeholdelse 2013?")
    assert answer.citations and all("afsnit" not in citation.reference for citation in answer.citations)


def test_one_date_is_half_an_answer_to_a_period(assistant: Assistant):
    """ "I hvilken periode kan man sende høringssvar?": "fra den 10. februar til den 17. marts" answers it; a sentence
    with one day ("godkendt den 12. oktober 2022") holds a date, but fits far less — it ranked first on the words it
    shares with the question."""
    from retrieval.question import classify

    question = "I hvilken periode kan man sende høringssvar til den nye politik?"
    kind = classify(question)
    fit = assistant.extractive._fit
    period = fit(
        kind, Sentence("Høringsperioden løber fra den 10. februar til den 17. marts 2023.", "", [1], 0), question
    )
    day = fit(
        kind, Sentence("Udvalget godkendte første udkast til politikken den 12. oktober 2022.", "", [1], 1), question
    )
    assert 0 < day < period
    # A table row prints the period without "fra": "12. januar til 2. februar 2023 Høring i bestyrelserne".
    row = fit(kind, Sentence("12. januar til 2. februar 2023 Høring i forældrebestyrelserne", "", [1], 2), question)
    assert day < row
    when = "Hvornår blev politikken godkendt?"
    one_day = Sentence("Udvalget godkendte første udkast til politikken den 12. oktober 2022.", "", [1], 1)
    assert day < fit(classify(when), one_day, when)  # a day answers "hvornår" in full


def _item_printing(assistant: Assistant, monkeypatch, texts: list[tuple[str, str]]):
    """An agenda item whose sentences are ``texts`` (text, section), embedded as the index would: its hit."""
    import numpy as np

    extractive = assistant.extractive
    hit = next(hit for hit in assistant.search("Hvad koster sygeplejeklinikken?") if hit.agenda_item)
    sentences = [Sentence(text, section, [1], n) for n, (text, section) in enumerate(texts)]
    vectors = np.asarray(extractive.index.embedder.embed_passages([text for text, _ in texts]), dtype=np.float32)
    monkeypatch.setattr(extractive, "_sentences", lambda hit, item: (sentences, vectors))
    return hit


def test_a_line_that_only_names_a_body_is_not_quoted(assistant: Assistant, monkeypatch):
    """ "Sagsprocedure: Kultur- og Fritidsudvalget" matches a question naming that body in every word, yet says
    nothing about the matter: it stays in the item (a list of bodies may hold it) but is never the best quote."""
    body = next(body for body in sorted(assistant.index.bodies) if "udvalg" in body.casefold())
    question = f"Hvad har {body} gjort for foreningerne?"
    texts = [(f"{body}.", "Sagsprocedure"), ("Foreningerne får et tilskud til lokaler.", "Sagsfremstilling")]
    hit = _item_printing(assistant, monkeypatch, texts)
    ranked = assistant.extractive.rank(question, [hit])
    assert [e.sentence.position for e in ranked] == [1, 0]


def test_a_line_of_attachments_is_not_quoted_unless_the_attachments_are_asked_about(assistant: Assistant, monkeypatch):
    """ "Bilag 3. Resultater af trafiktesten Bilag 4. Anbefalinger" names the documents about the matter, not what
    they say: it is no answer to what the test showed, but it is to which attachments the item has."""
    texts = [
        ("Bilag 3. Resultater af trafiktesten 2024 Bilag 4. Anbefalinger fra trafiktesten 2024", "Sagsfremstilling"),
        ("Eleverne på skolerne har deltaget i en test af trafiksikkerhed.", "Sagsfremstilling"),
    ]
    hit = _item_printing(assistant, monkeypatch, texts)
    extractive = assistant.extractive
    shown = extractive.rank("Hvad viste resultaterne af trafiktesten 2024?", [hit])
    assert [e.sentence.position for e in shown] == [1, 0]
    asked = extractive.rank("Hvilke bilag er der om resultaterne af trafiktesten 2024?", [hit])
    assert asked[0].sentence.position == 0


def test_a_decision_is_quoted_to_its_third_point_through_the_lines_that_number_them(assistant: Assistant):
    """ "Pkt. 1:" / "Orienteringen blev taget til efterretning." / "Pkt. 2:" / "Godkendt." / … : the lines that only
    number a point, and the decision's heading, come with the decision but do not use up its quotes."""
    from retrieval.question import classify

    hit = next(hit for hit in assistant.search("Hvad koster sygeplejeklinikken?") if hit.agenda_item)
    question = "Blev det besluttet at skrive til førtidspensionisterne?"
    texts = [
        ("Indstilling", "Der skrives til borgere på førtidspension om muligheden for at arbejde."),
        ("Beslutning", "Vestbyudvalgets beslutning"),
        ("Beslutning", "Pkt. 1:"),
        ("Beslutning", "Orienteringen blev taget til efterretning."),
        ("Beslutning", "Pkt. 2:"),
        ("Beslutning", "Godkendt."),
        ("Beslutning", "Pkt. 3:"),
        ("Beslutning", "Godkendt."),
        ("Sagens forløb", "Vestby Udvalg den 07.02.2022"),
    ]
    evidence = [
        Evidence(Sentence(text, section, [1], position), hit, 0, 1.0 - position / 10)
        for position, (section, text) in enumerate(texts)
    ]
    chosen = assistant.extractive.select(evidence, classify(question), question)
    assert [e.sentence.position for e in chosen] == list(range(8))


def test_a_sentence_naming_the_thing_a_which_question_asks_for_ranks_first(assistant: Assistant, monkeypatch):
    """ "Hvilken lov bygger sagen på?" is answered by the sentence that names a law ("særlov"), not by one about the
    matter that matches as well."""
    question = "Hvilken lov bygger sagen om boliger til flygtninge på?"
    texts = [
        ("Boligerne til flygtninge lejes af kommunen for et år ad gangen.", "Sagsfremstilling"),
        ("Det sker efter en særlov om flygtninge.", "Sagsfremstilling"),
    ]
    hit = _item_printing(assistant, monkeypatch, texts)
    ranked = assistant.extractive.rank(question, [hit])
    assert ranked[0].sentence.position == 1


def test_who_is_behind_something_is_answered_by_an_organisation_as_fully_as_by_a_person(assistant: Assistant):
    """ "Hvem ejer bygningen?" is answered by "Vestby Boligselskab" as fully as by a person's name; "Hvem holder
    oplægget?" by an organisation only weakly (a person is asked for)."""
    from retrieval.question import classify

    extractive = assistant.extractive
    sentence = Sentence("Bygningen ejes af Vestby Boligselskab.", "Sagsbeskrivelse", [1], 0)
    full = extractive.calibration.fit_bonus
    assert extractive._fit(classify("Hvem ejer bygningen?"), sentence, "Hvem ejer bygningen?") == full
    assert extractive._fit(classify("Hvem holder oplægget?"), sentence, "Hvem holder oplægget?") < full


def test_the_agenda_on_the_first_page_names_nothing_of_another_item(assistant: Assistant):
    """The opening page names the municipality for every item, but its agenda lists the other items' titles:
    "Hvor mange medlemmer har Nordby Orkester?" is not answered from the sports club's visit because the orchestra
    is named in the agenda line of another item."""
    from ingestion.domain import AgendaItem, Document, Line, Section

    def item(number: str, title: str, text: str) -> AgendaItem:
        return AgendaItem(
            number=number,
            title=title,
            sections=[Section(name="Sagen", lines=[Line(text=text, page=2)])],
            first_page=2,
            last_page=2,
        )

    club = item("2.1", "Besøg af Østby Motionsklub", "Klubben har 1489 medlemmer.")
    concert = item("2.4", "Opgørelse af nytårskoncerten og samarbejde med Nordby Orkester om koncerten", "Overskud.")
    opening = "Vestby Kommune\nReferat\n2.1. Besøg af Østby Motionsklub\n" + (
        "2.4. Opgørelse af nytårskoncerten og samarbejde med Nordby Orkester om"
    )
    document = Document(
        id="x",
        file_name="x.pdf",
        title="Referat",
        body="Kulturudvalget",
        page_count=2,
        pages=[opening, "Klubben har 1489 medlemmer."],
        items=[club, concert],
    )
    tokens = assistant.extractive._item_tokens((document, club))
    extractive = assistant.extractive
    assert not extractive.key_terms_present("Hvor mange medlemmer har Nordby Orkester?", tokens)
    assert extractive.key_terms_present("Hvor mange medlemmer har Østby Motionsklub?", tokens)
    assert extractive.key_terms_present("Hvor mange medlemmer har klubben i Vestby Kommune?", tokens)


def test_the_bodies_and_times_of_a_span_name_its_meetings_not_the_item(assistant: Assistant):
    """ "… fra udvalget i november 2022 til <body> i marts 2023?" names two meetings: the item that answers need not
    print the other meeting's body or year. A question that names one body and one time still needs both."""
    body = sorted(assistant.index.bodies)[0]
    from retrieval.bm25 import analyse

    tokens = set(analyse("Placering af ny daginstitution ved Vestby Borgerhus 2023"))
    extractive = assistant.extractive
    span = f"Hvordan gik det med daginstitutionen ved Vestby Borgerhus fra udvalget i juni 2022 til {body} i maj 2023?"
    assert extractive.key_terms_present(span, tokens)
    assert not extractive.key_terms_present(f"Hvad besluttede {body} om daginstitutionen ved Vestby Borgerhus?", tokens)


def test_what_a_named_meeting_treated_is_answered_from_its_items_not_its_opening(assistant: Assistant):
    """ "Hvad tog man op på udvalgets møde den 4. december 2012?" names the meeting by its body and day, which its
    opening ("Referat … tirsdag den 4. december 2012") matches best — but the opening says who met, when and where,
    not what was treated. Who met and when is still the opening's to answer."""
    from ingestion.meeting import MONTH_NAMES

    opened = 0
    for record in assistant.index.documents():
        document = assistant.index.document(record.id)
        if document.meeting_date is None or not any(i.role == "meeting_information" for i in document.items):
            continue
        day = document.meeting_date
        when = f"den {day.day}. {MONTH_NAMES[day.month - 1]} {day.year}"
        answer = assistant.ask(f"Hvad tog man op på {document.body}s møde {when}?")
        assert answer.answered and all(citation.agenda_item for citation in answer.citations)
        meeting = assistant.ask(f"Hvem deltog i {document.body}s møde {when}?")
        opened += any(not citation.agenda_item for citation in meeting.citations)
    assert opened >= 2


def test_a_timetable_entry_holds_the_date_of_the_line_it_stands_under(assistant: Assistant):
    """ "Hvornår skal forslaget i høring?": a timetable prints the date as a label line ("Medio november til medio
    december 2023:") and the step under it ("Forslaget sendes i fire ugers offentlig høring."). The step holds the
    date its label gives, and a quote of it brings the label."""
    from retrieval.answer import _labels, _labels_of
    from retrieval.question import classify

    question = "Hvornår skal forslaget til helhedsplanen i offentlig høring?"
    kind = classify(question)
    extractive = assistant.extractive
    sentences = [
        Sentence("Medio november til medio december 2023:", "Tidsplan", [5], 0),
        Sentence("Forslaget til helhedsplanen sendes i fire ugers offentlig høring.", "Tidsplan", [5], 1),
        Sentence("Annoncering:", "Høring", [5], 2),
        Sentence("Forslaget annonceres i avisen.", "Tidsplan", [5], 3),
    ]
    labels = _labels(sentences)
    assert labels == {1: "Medio november til medio december 2023:"}  # not across sections
    step = sentences[1]
    assert extractive._fit(kind, step, question, None, labels.get(1)) > 0
    assert extractive._fit(kind, step, question) < 0  # alone it names no date
    hit = assistant.ask("Hvem blev udpeget til følgegruppen for Lynetteholm?").retrieved[0]
    own = {s.position: Evidence(s, hit, 0, 1.0) for s in sentences}
    assert [e.sentence.position for e in _labels_of([own[1]], own)] == [0]
    assert _labels_of([own[3]], own) == []


def test_a_sentence_telling_just_the_date_asked_answers_wherever_it_stands(assistant: Assistant):
    """ "Hvor gammel er broen?": the item's best match ("særeftersyn i 2021") holds no answer, and "Broen er opført i
    1786." stands far below it. A sentence that tells just what was asked (a strong date fit) answers from anywhere
    in the item; an ordinary date far from the best match is still a guess."""
    from retrieval.question import classify

    question = "Hvor gammel er broen over Vestby Å?"
    kind = classify(question)
    extractive = assistant.extractive
    hit = assistant.ask("Hvem blev udpeget til følgegruppen for Lynetteholm?").retrieved[0]
    bonus = extractive.calibration.fit_bonus
    best = Evidence(Sentence("Kommunen gennemførte et særeftersyn af broen.", "Sagen", [1], 0), hit, 0, 0.9, fit=-0.08)
    strong = Evidence(Sentence("Broen er opført i 1786.", "Sagen", [1], 9), hit, 0, 0.4, fit=bonus * 1.5)
    plain = dataclasses.replace(strong, fit=bonus)
    assert not extractive.signals(question, [best, strong], [best, strong], kind).fit_missing
    assert extractive.signals(question, [best, plain], [best, plain], kind).fit_missing


def test_more_announced_after_a_list_is_a_list_of_its_own(assistant: Assistant):
    """ "• … (Indsats 8)" / "Hertil kommer indsatser besluttet med budgetforliget." / "• Tryghedskampagne (Indsats 9)":
    the sentence leads a second list, so "Hvilke indsatser blev besluttet med budgetforliget?" quotes entries 9 and
    10, not the first list it would otherwise run back into."""
    from retrieval.answer import _with_lists

    hit = assistant.ask("Hvem blev udpeget til følgegruppen for Lynetteholm?").retrieved[0]
    texts = [
        ("De otte indsatser er:", False),
        ("• Tryghedsvandringer (Indsats 1)", True),
        ("• Beboersammensætning (Indsats 8)", True),
        ("Hertil kommer indsatser besluttet i forbindelse med budgetforliget.", False),
        ("• Tryghedskampagne (Indsats 9)", True),
        ("• Vagter (Indsats 10)", True),
    ]
    own = _printed(hit, texts)
    assert sorted(e.sentence.position for e in _with_lists([own[3]], own, listing=True)) == [3, 4, 5]


def test_a_second_question_is_answered_from_the_same_item(assistant: Assistant, monkeypatch):
    """ "Hvor mange modtog ydelsen, og hvor mange ansøgninger kom der?" asks two things of one item: beside the
    answer stands the item's best sentence for each of the two that holds what it asks (a number), once."""
    hit = assistant.ask("Hvem blev udpeget til følgegruppen for Lynetteholm?").retrieved[0]
    own = _printed(
        hit,
        [
            ("I 2023 modtog 182 forældre ydelsen.", False),
            ("Ansøgningerne behandles løbende.", False),
            ("Der kom 88 ansøgninger i 2023.", False),
        ],
    )
    ranked = [own[1], dataclasses.replace(own[2], fit=0.1), own[0]]
    asked: list[str] = []

    def rank(question: str, hits, *args, **kwargs):
        asked.append(question)
        return ranked

    monkeypatch.setattr(assistant.extractive, "rank", rank)
    question = "Hvor mange modtog ydelsen i 2023, og hvor mange ansøgninger kom der?"
    assert assistant.extractive._second_answer(question, [own[0]]) == [ranked[1]]  # the one holding a number
    assert asked == ["Hvor mange modtog ydelsen i 2023?", "hvor mange ansøgninger kom der?"]
    assert assistant.extractive._second_answer(question, [own[0], own[2]]) == []  # quoted already
    assert assistant.extractive._second_answer("Hvor mange modtog ydelsen i 2023?", [own[0]]) == []


def test_what_the_council_decided_is_not_answered_by_a_committees_recommendation(assistant: Assistant):
    """ "Hvordan stemte Byrådet om …?" over minutes of the committees only: "Udvalget anbefaler overfor byrådet at
    godkende …" tells what the committee did, not the council; a quote from the council's minutes, or one telling
    what the council decided, answers."""
    from retrieval.answer import _council_missing

    hit = next(hit for hit in assistant.search("Hvad koster sygeplejeklinikken?") if hit.agenda_item)
    assert "byråd" not in hit.body.casefold()
    question = "Hvordan stemte Byrådet om høringssvaret til lovforslaget om strandparken?"
    recommended = Sentence("Udvalget anbefaler overfor byrådet at godkende høringssvaret.", "Beslutning", [1], 0)
    decided = Sentence("Byrådet godkendte høringssvaret med 19 stemmer for og 2 imod.", "Beslutning", [1], 1)
    assert _council_missing(question, [Evidence(recommended, hit, 0, 0.9)])
    assert not _council_missing(question, [Evidence(decided, hit, 0, 0.9)])
    council = hit.model_copy(update={"body": "Byrådet"})
    assert not _council_missing(question, [Evidence(recommended, council, 0, 0.9)])
    assert not _council_missing("Hvad anbefalede udvalget om høringssvaret?", [Evidence(recommended, hit, 0, 0.9)])
