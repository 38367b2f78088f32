"""Answers across meetings: one matter, several meetings, oldest first, each meeting's decision cited."""

import datetime as dt

import pytest

from ingestion.casenumbers import case_key
from retrieval.answer import Evidence, abstain
from retrieval.assistant import Assistant
from retrieval.bm25 import analyse
from retrieval.domain import Hit
from retrieval.index import Index
from retrieval.question import classify
from retrieval.sentences import Sentence
from retrieval.timeline import decision_detail, matter_name, share, subject_terms, wants_timeline, within_named_time
from retrieval.verify import snippet_on_pages
from tests.conftest import make_hit


@pytest.fixture(scope="module")
def assistant(timeline_index: Index) -> Assistant:
    return Assistant(timeline_index.settings, index=timeline_index)


@pytest.mark.parametrize(
    "question",
    [
        pytest.param("Hvad har Plan- og Tryghedsudvalget besluttet om Bystrategisk Råd?", id="what-decided"),
        pytest.param("Hvornår har udvalget behandlet Bystrategisk Råd?", id="when-treated"),
    ],
)
def test_a_matter_treated_at_three_meetings_is_answered_as_a_timeline(assistant: Assistant, question):
    answer = assistant.ask(question)
    assert answer.answered
    dates = [entry.meeting_date for entry in answer.timeline]
    assert dates == [dt.date(2022, 4, 26), dt.date(2022, 8, 16), dt.date(2024, 9, 10)]  # oldest first
    assert answer.answer.startswith("Sagen er behandlet på 3 møder:")
    by_number = {citation.n: citation for citation in answer.citations}
    assert len({by_number[entry.citation].document_id for entry in answer.timeline}) == 3  # one per meeting
    for entry in answer.timeline:
        citation = by_number[entry.citation]
        document = assistant.index.document(citation.document_id)
        assert snippet_on_pages(citation.snippet, document, citation.pages)  # every quote is verified
        assert citation.agenda_item == entry.agenda_item and f"[{citation.n}]" in answer.answer
    # The decision, not the dated heading over it, is what each meeting is quoted for.
    last = answer.timeline[-1]
    assert "Godkendt" in by_number[last.citation].snippet
    # "Godkendt" alone says nothing: the Indstilling it approves is quoted beside it, verified, in the same item.
    assert last.detail is not None and last.detail_label == "Indstillingen"
    detail = by_number[last.detail]
    assert detail.agenda_item == last.agenda_item and detail.document_id == by_number[last.citation].document_id
    assert snippet_on_pages(detail.snippet, assistant.index.document(detail.document_id), detail.pages)
    assert detail.snippet.startswith("Administrationen indstiller")
    assert f"(indstillingen: {detail.snippet} [{detail.n}])" in answer.answer


def _evidence(section: str, position: int, text: str, score: float = 1.0) -> Evidence:
    return Evidence(Sentence(text, section, [1], position), _hit("1", "Titel"), 0, score)


@pytest.mark.parametrize(
    ("decision", "label"),
    [
        ("Godkendt.", "Indstillingen"),
        ("Godkendes, idet udvalget ønsker en ny sag i efteråret.", "Indstillingen"),
        ("1. Anbefales ikke", "Indstillingen"),
        ("1. a.-d. Godkendt Udvalget takker for engagementet.", "Indstillingen"),
        ("1.-4. Anbefales.", "Indstillingen"),
        ("2A. anbefales, idet udvalget ønsker at beslutte det tilpassede projekt", "Indstillingen"),
        ("Indstillingen godkendt.", "Indstillingen"),
        ("Administrationens indstilling tiltrådt.", "Indstillingen"),
        ("Som indstillet.", "Indstillingen"),
        ("Taget til efterretning.", "Fra sagen"),
        ("Orienteringen blev taget til efterretning.", "Fra sagen"),
        ("Drøftelserne af rundbordssamtalen blev taget til efterretning.", "Fra sagen"),
        ("Udvalget besluttede at udsætte sagen til næste møde.", ""),
        ("Udvalget godkendte budgettet med den ændring, at …", ""),
    ],
)
def test_a_bare_decision_is_quoted_with_what_it_refers_to(decision: str, label: str):
    """An approval with the Indstilling it approves; an orientation taken to notice with the item's sentence that
    best answers the question; a decision that says what was decided alone."""
    ranked = [  # best first, as ranked for the question
        _evidence("Sagsfremstilling", 5, "Kriterierne er skærpet, så der kræves en rehabiliteringsplan.", 0.9),
        _evidence("Indstilling", 2, "Administrationen indstiller, at planen godkendes.", 0.5),
        _evidence("Beslutning", 9, decision, 0.4),
    ]
    detail, found = decision_detail([ranked[2]], ranked)
    assert found == label
    if label == "Indstillingen":
        assert [e.sentence.text for e in detail] == ["Administrationen indstiller, at planen godkendes."]
    elif label == "Fra sagen":
        assert [e.sentence.position for e in detail] == [5]
    else:
        assert detail == []


def test_a_question_about_the_course_gets_what_the_item_said_beside_a_decision():
    """ "Hvordan er planen blevet fulgt op?" asks what happened, not only what was decided: beside a decision
    that says what was decided stands the item's sentence that best answers the question."""
    ranked = [
        _evidence("Sagsfremstilling", 5, "Undersøgelsen gentages hvert andet år.", 0.9),
        _evidence("Beslutning", 9, "Udvalget besluttede at udsætte sagen til næste møde.", 0.4),
    ]
    assert decision_detail([ranked[1]], ranked, asks_decision=True) == ([], "")
    detail, label = decision_detail([ranked[1]], ranked, asks_decision=False)
    assert (label, [e.sentence.position for e in detail]) == ("Fra sagen", [5])


def test_one_meetings_fact_stays_a_single_answer(assistant: Assistant):
    answer = assistant.ask("Hvor mange medlemmer skal Bystrategisk Råd have?")
    assert answer.answered and not answer.timeline
    assert "fire til seks" in answer.answer


def test_a_course_declined_for_doubt_alone_is_answered_by_the_meetings_filed_under_it(assistant: Assistant):
    """A question asking across meetings that no single quote matched well enough is still answered — doubtfully
    — by the meetings whose items are filed under the matter; not when its quotes lacked what it asks for, and
    not when it asks no course."""
    question = "Hvornår har udvalget behandlet Bystrategisk Råd?"
    hits = assistant.searcher.search(question, None, 20)
    doubted = abstain(hits, confidence=0.3).model_copy(update={"signals": {"fit_missing": 0.0, "focus_missing": 0.0}})
    answer = assistant.timeline.answer(question, hits, doubted, explicit=True)
    assert answer is not None and answer.answered and answer.certainty == "usikkert"
    assert len(answer.timeline) >= 2 and not answer.maybe_relevant
    lacking = doubted.model_copy(update={"signals": {"fit_missing": 1.0, "focus_missing": 0.0}})
    assert assistant.timeline.answer(question, hits, lacking, explicit=True) is None
    assert assistant.timeline.answer(question, hits, doubted, explicit=False) is None


def _hit(case_number: str, title: str, document: str = "a", date: dt.date | None = None) -> Hit:
    return make_hit(title, case_number, document, date)


WEIGHTS = {"Bystrategisk": 4.0, "Råd": 3.0, "dyrehold": 5.0, "tilskud": 2.0, "henvendelse": 2.0, "Dartklubs": 5.0}
IDF = {analyse(word)[0]: weight for word, weight in (WEIGHTS | {"Mosede": 3.0}).items()}


def test_one_case_in_any_printed_form_is_one_case():
    assert case_key("EMN-2022-004721") == case_key("2022-4721") == case_key("22-004721") == case_key("22/4721")
    assert case_key("22-004721") != case_key("22-004722")
    # A journal number: its subject's classification, then the serial and the year.
    assert case_key("1-30-72-4721-22") == case_key("00.01.00-A00-4721-22") == case_key("22-004721")
    assert case_key("1-30-72-4721-22") != case_key("1-30-72-4722-22")


def test_the_matter_is_named_by_the_questions_words_less_its_frame_and_the_bodys_name():
    terms = subject_terms(
        "Hvad har Plan- og Tryghedsudvalget besluttet om Bystrategisk Råd?",
        IDF | {"plan": 3.0},
        {"Plan- og Tryghedsudvalget"},
    )
    assert set(terms) == set(analyse("Bystrategisk Råd"))
    # Where the course ended is the frame, not the matter: "… og hvor endte kommunen?"
    idf = IDF | {"endt": 5.0, "aftal": 3.0}
    ended = subject_terms("Hvad er der sket med aftalerne, og hvor endte det?", idf, set())
    assert set(ended) == set(analyse("aftalerne"))
    # How it was followed is the frame too: "Hvordan har Byrådet fulgt op på …?"
    followed = subject_terms("Hvordan har Byrådet fulgt op på aftalerne?", idf | {"fulg": 6.0}, set())
    assert set(followed) == set(analyse("aftalerne"))
    # … and how it went: "Hvordan gik det med …?"
    went = subject_terms("Hvordan gik det med aftalerne?", idf | {"gik": 6.0}, set())
    assert set(went) == set(analyse("aftalerne"))
    # A compound the minutes never use names the matter by its parts: "Udbud af madservice" for
    # "madserviceudbuddet".
    idf = IDF | {word: 3.0 for word in analyse("udbud madservice")}
    parts = subject_terms("Hvordan gik det med madserviceudbuddet?", idf, set())
    assert set(analyse("udbud madservice")) <= set(parts)
    assert share(matter_name(parts, [_hit("1", "Udbud af madservice")]), set(analyse("Udbud af madservice"))) == 1.0


def test_a_course_over_a_span_is_no_part_of_the_matter_but_a_year_in_its_name_is():
    idf = IDF | {word: 3.0 for word in analyse("budget forår frem 2025 2024 planstrategi")}
    terms = subject_terms(
        "Hvordan er Budget 2025-28 blevet behandlet fra foråret 2024 frem mod 2. behandling?", idf, set()
    )
    assert set(terms) == set(analyse("Budget 2025"))
    # A title with the matter's year names it; the same matter another year does not.
    named = matter_name(terms, [_hit("1", "Budget 2025-28 - orientering og drøftelse")])
    assert share(named, set(analyse("Budget 2025-28 - orientering"))) == 1.0
    assert share(named, set(analyse("2. behandling af Budget 2024-27"))) < 0.6
    assert "2023" not in subject_terms("Hvordan er planen behandlet i 2023 og 2024?", idf | {"2023": 3.0}, set())


def test_a_title_names_the_matter_with_the_questions_most_telling_word_or_two_of_its_words():
    terms = subject_terms("Hvad er der sket med tilskud til dyrehold?", IDF, set())
    assert set(matter_name(terms, [_hit("1", "Dyrehold, fremadrettet aftale")])) == set(analyse("dyrehold"))
    terms = subject_terms("Hvad er der sket med Mosede Dartklubs henvendelse?", IDF, set())
    # "Henvendelse fra en anden klub" shares only a generic word: the whole question names the matter.
    assert matter_name(terms, [_hit("1", "Henvendelse fra Karlslunde IF")]) == terms
    assert share(terms, set(analyse("Mosede Dartklubs henvendelse"))) == 1.0
    assert share(terms, set(analyse("henvendelse"))) < 0.6
    # Two of the question's words in one title name the matter, even when its rarest word is not among them; a
    # one-letter token ("s" of "IF's") is no word.
    terms = subject_terms("Hvad er der sket med Mosede Dartklubs henvendelse om tilskud?", IDF, set())
    assert "s" not in subject_terms("Hvad er der sket med IF's henvendelse?", IDF | {"s": 2.0, "if": 4.0}, set())
    named = matter_name(terms, [_hit("1", "Henvendelse fra Mosede om tilskud")])
    assert set(named) == set(analyse("henvendelse Mosede tilskud"))


def test_only_items_about_the_matter_join_it(assistant: Assistant):
    """An item is about the matter by its title, its case or a sentence that names the matter; the other items of
    the same meetings are not, however well they rank."""
    question = "Hvornår har udvalget behandlet Bystrategisk Råd?"
    hits = assistant.searcher.search(question, None, 20)
    members = assistant.timeline.members(question, hits, explicit=True)
    assert [m.hit.meeting_date for m in members] == [dt.date(2022, 4, 26), dt.date(2022, 8, 16), dt.date(2024, 9, 10)]
    unrelated = assistant.timeline.members("Hvornår har udvalget behandlet cykelparkering?", hits, explicit=True)
    assert len(unrelated) < 2


def test_the_same_case_at_another_meeting_joins_the_matter_however_far_down_it_ranked(assistant: Assistant):
    """A meeting's item said in other words than the question's ("KTMU" for the committee's name) may fall out of
    the ranking; filed under the case of an item whose title names the matter, it is the matter too."""
    question = "Hvornår har udvalget behandlet Bystrategisk Råd?"
    first = dt.date(2022, 4, 26)
    lone = [hit for hit in assistant.searcher.search(question, None, 20) if hit.meeting_date == first]
    assert len(assistant.timeline.members(question, lone, explicit=True)) < 2

    def case_items(text: str, titled: list[Hit]) -> list[Hit]:
        return assistant.searcher.case_items(text, titled, None, 20)

    # "22-004721" in 2022 is "2022-4721" in 2024: one case, however each meeting's system printed its number (the
    # meeting between filed the matter under a journal number of its own).
    members = assistant.timeline.members(question, lone, True, case_items)
    assert [m.hit.meeting_date for m in members] == [first, dt.date(2024, 9, 10)]
    # Only the case's other items come back, never one already there; no item, no case, nothing added.
    named = [hit for hit in lone if hit.case_number == "22-004721"]
    assert [(hit.meeting_date, hit.case_number) for hit in case_items(question, named)] == [
        (dt.date(2024, 9, 10), "2022-4721")
    ]
    assert case_items(question, []) == []


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Hvornår har udvalget behandlet skolestrukturen?", True),
        ("Hvad har byrådet besluttet om Lynetteholm?", True),
        ("Hvad besluttede udvalget den 22. maj 2023 om skolestrukturen?", False),
        ("Hvor mange elever går på skolen?", False),
        # An open question may be answered by several meetings when the matter's items recur by title or case.
        ("Hvad har udvalgene sagt i evalueringen af onboardingen?", True),
        # The committees in the plural met over the matter more than once.
        ("Hvilke sager om strandparken har udvalgene haft på dagsordenen?", True),
        ("Hvordan blev sagen behandlet i fagudvalgene i foråret 2024?", True),
        ("Hvilke skoler indgår i planen?", False),
        ("Hvem var fraværende på mødet?", False),
        # A year or a month may hold several meetings; a day names one.
        ("Hvad kom der frem under udvalgets orientering i starten af 2022?", True),
    ],
)
def test_which_questions_ask_across_meetings(question, expected):
    assert wants_timeline(classify(question), question) is expected


def test_a_standing_items_line_joins_the_matter_by_one_of_its_rarest_words(assistant: Assistant):
    """Across meetings, an item not filed under the matter joins it by a line that holds most of the matter's words,
    or one of its rarest ("… pavilloner til flygtningeboliger …" for "kloaktilslutningsbidrag for
    flygtningepavillonerne"); a line with only its common words does not."""

    hit = _hit("1", "Huskeliste")
    name = {"kloaktilslutningsbidrag": 5.7, "flygtningepavillon": 5.2, "betal": 3.9}

    def quoted(text: str) -> bool:
        ranked = [Evidence(Sentence(text, "Beslutning", [1], 0), hit, 0, 1.0)]
        return bool(assistant.timeline._quote(hit, ranked, name, named=False, explicit=True))

    assert quoted("Beløbet afholdes inden for budgettet til flygtningepavilloner.")
    assert not quoted("Kommunen skal betale for vejen.")
    # A rare word opening a compound names the matter too ("flygtningepavillonbyggeriet").
    assert quoted("Der er en stigning i flygtningepavillonbyggeriet.")
    # … but not a short common word opening one ("betalingsring" is no "betal").
    assert not quoted("Der er en stigning i betalingsringen.")


def test_a_line_naming_the_matter_is_quoted_with_what_follows_it_in_its_section(assistant: Assistant):

    hit = _hit("1", "Huskeliste")
    texts = [
        ("Orientering", "Opkrævning af kloaktilslutningsbidrag for flygtningepavillonerne:"),
        ("Orientering", "Bidraget er 575.611,70 kr."),
        ("Orientering", "Det betales af puljen."),
        ("Orientering", "Vejen asfalteres i maj."),
        ("Beslutning", "Taget til efterretning."),
    ]
    ranked = [
        Evidence(Sentence(text, section, [1], position), hit, 0, 1.0) for position, (section, text) in enumerate(texts)
    ]
    name = {"kloaktilslutningsbidrag": 5.7, "flygtningepavillon": 5.2}
    quote = assistant.timeline._quote(hit, ranked, name, named=False, explicit=True)
    assert [e.sentence.position for e in quote] == [0, 1, 2]


def test_a_meetings_quote_is_the_longest_run_of_its_sentences_found_on_the_page(assistant: Assistant):
    """A decision quoted in several sentences is cited as far as the run stands on the page as quoted; a sentence
    that does not (here one the page does not hold) ends the run instead of dropping all but the first."""
    from retrieval.timeline import MAX_DECISION_CHARACTERS

    answer = assistant.ask("Hvornår har udvalget behandlet Bystrategisk Råd?")
    cited = answer.citations[0]
    hit = next(h for h in answer.retrieved if h.document_id == cited.document_id)
    assert len(cited.snippet.split()) > 3 and len(cited.snippet) < 314  # room for " Nej." under 320
    words = cited.snippet.split(" ")
    half = len(words) // 2
    # Two sentences that run on as the page prints them, and a third the page does not hold.
    sentences = [" ".join(words[:half]), " ".join(words[half:]), "Nej."]
    quote = [Evidence(Sentence(text, "Beslutning", cited.pages, n), hit, 0, 1.0) for n, text in enumerate(sentences)]
    citation = assistant.timeline._citation(hit, quote, 1, MAX_DECISION_CHARACTERS)
    assert citation is not None and citation.snippet == cited.snippet


def test_a_year_named_keeps_the_meetings_of_that_year_unless_it_names_the_matter():
    hits = [_hit("1", "Orientering", "a", dt.date(2021, 12, 6)), _hit("1", "Orientering", "b", dt.date(2022, 2, 7))]
    kept = within_named_time("Hvad kom der frem under orienteringen i starten af 2022?", hits)
    assert [hit.document_id for hit in kept] == ["b"]
    assert within_named_time("Hvad er besluttet om Budget 2022?", hits) == hits  # the year names the budget
    assert within_named_time("Hvad er besluttet om orienteringen?", hits) == hits


def test_a_decision_asked_of_one_body_keeps_that_bodys_meetings(assistant: Assistant):
    """ "Hvad besluttede Plan- og Tryghedsudvalget om …?" asks that body's handling, not another's before or after
    it; a course asked in so many words keeps every body's meetings."""
    own = _hit("1", "Bystrategisk Råd", "a", dt.date(2022, 4, 26))
    other = own.model_copy(update={"document_id": "b", "body": "Byrådet", "meeting_date": dt.date(2022, 5, 30)})
    question = "Hvad besluttede Plan- og Tryghedsudvalget om Bystrategisk Råd?"
    assert assistant.timeline._asked_meetings(question, [own, other], None, explicit=False) == [own]
    assert assistant.timeline._asked_meetings(question, [own, other], None, explicit=True) == [own, other]
    unnamed = "Hvad blev besluttet om Bystrategisk Råd?"
    assert assistant.timeline._asked_meetings(unnamed, [own, other], None, explicit=False) == [own, other]


def test_two_named_times_keep_the_meetings_between_them(assistant: Assistant):
    """ "… fra udvalget i april 2022 til udvalget i august 2022?" asks across the meetings of that span, however
    the question opens, and not the matter's later meetings."""
    answer = assistant.ask("Hvad er status på Bystrategisk Råd – fra udvalget i april 2022 til udvalget i august 2022?")
    assert [entry.meeting_date for entry in answer.timeline] == [dt.date(2022, 4, 26), dt.date(2022, 8, 16)]
