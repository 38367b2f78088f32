"""A question that asks the same of two bodies is answered by each body's own minutes."""

import datetime as dt

import pytest

from retrieval.answer import ExtractiveAnswerer, abstain, compose, make_citation
from retrieval.bodies import answer_per_body, bodies_named, question_for
from retrieval.domain import Answer, Filters
from tests.conftest import make_hit

BODIES = ["Skole- og Børneudvalget", "Social- og Handicapudvalget", "Økonomiudvalget", "Byrådet"]


@pytest.mark.parametrize(
    ("question", "named"),
    [
        (
            "Hvilket merforbrug viste budgetopfølgningen i henholdsvis Skole- og Børneudvalget og Social- og "
            "Handicapudvalget?",
            ["Skole- og Børneudvalget", "Social- og Handicapudvalget"],
        ),
        (
            "Hvilken mødedag blev godkendt i Økonomiudvalget og i Social- og Handicapudvalget?",
            ["Økonomiudvalget", "Social- og Handicapudvalget"],
        ),
        (
            "Hvad mente Økonomiudvalgets, Byrådets samt Skole- og Børneudvalgets medlemmer?",
            ["Økonomiudvalget", "Byrådet", "Skole- og Børneudvalget"],
        ),
        (
            "Hvilket merforbrug viste budgetopfølgningen på Økonomiudvalgets og på Social- og "
            "Handicapudvalgets område?",
            ["Økonomiudvalget", "Social- og Handicapudvalget"],
        ),
        # One body addressing another is one question to one body.
        ("Hvad anbefalede Social- og Handicapudvalget Økonomiudvalget om budgettet?", []),
        ("Hvad sendte Økonomiudvalget videre til Byrådet?", []),
        ("Hvad besluttede Økonomiudvalget om budgettet?", []),
        # A body whose name stands inside another's is not named on its own.
        ("Hvad besluttede Skole- og Børneudvalget om skolen?", []),
    ],
)
def test_bodies_named_side_by_side(question: str, named: list[str]) -> None:
    assert [body.name for body in bodies_named(question, [*BODIES, "Børneudvalget"])] == named


def test_each_body_is_asked_the_question_with_only_its_own_name() -> None:
    question = "Hvilket merforbrug viste budgetopfølgningen i henholdsvis Økonomiudvalget og Byrådet i 2022?"
    named = bodies_named(question, BODIES)
    assert [question_for(question, named, body) for body in named] == [
        "Hvilket merforbrug viste budgetopfølgningen i Økonomiudvalget i 2022?",
        "Hvilket merforbrug viste budgetopfølgningen i Byrådet i 2022?",
    ]


def _answered(body: str, text: str, confidence: float) -> Answer:
    hit = make_hit("Budgetopfølgning 2", date=dt.date(2022, 10, 10), document=body).model_copy(update={"body": body})
    citation = make_citation(1, hit, text, [1])
    return Answer(
        answer=compose([citation]),
        answered=True,
        citations=[citation],
        retrieved=[hit],
        confidence=confidence,
        certainty="sikkert",
    )


def test_the_answers_of_each_body_are_joined_each_under_its_source() -> None:
    question = "Hvilket merforbrug viste budgetopfølgningen i Økonomiudvalget og Byrådet?"
    named = bodies_named(question, BODIES)
    asked: list[tuple[str, str | None]] = []

    def answer(part: str, filters: Filters) -> Answer:
        asked.append((part, filters.body))
        return _answered(filters.body or "", f"{filters.body} forventer et merforbrug.", 0.9 if asked[1:] else 0.7)

    joined = answer_per_body(question, named, Filters(date_from=dt.date(2022, 1, 1)), answer)
    assert joined is not None
    assert [body for _, body in asked] == ["Økonomiudvalget", "Byrådet"]
    assert [(c.n, c.body) for c in joined.citations] == [(1, "Økonomiudvalget"), (2, "Byrådet")]
    assert "Økonomiudvalget forventer et merforbrug. [1]" in joined.answer
    assert "Byrådet forventer et merforbrug. [2]" in joined.answer
    assert joined.answer.count("Ifølge referatet fra") == 2
    assert joined.confidence == 0.7  # as sure as its least sure part


def test_the_ordinary_answer_stands_unless_two_bodies_answer() -> None:
    question = "Hvilket merforbrug viste budgetopfølgningen i Økonomiudvalget og Byrådet?"
    named = bodies_named(question, BODIES)

    def answer(part: str, filters: Filters) -> Answer:
        if filters.body == "Byrådet":
            return abstain([])
        return _answered("Økonomiudvalget", "Økonomiudvalget forventer et merforbrug.", 0.9)

    assert answer_per_body(question, named, None, answer) is None


def test_the_bodies_a_question_names() -> None:
    from retrieval.question import bodies_in

    assert bodies_in("Hvad bad Social- og Handicapudvalgets medlemmer om?", BODIES) == {"Social- og Handicapudvalget"}
    assert bodies_in("Hvad besluttede Skole- og Børneudvalget?", [*BODIES, "Børneudvalget"]) == {
        "Skole- og Børneudvalget"
    }
    assert bodies_in("Hvad besluttede udvalget?", BODIES) == set()


def test_a_committee_is_named_by_its_initials_in_capitals() -> None:
    """ "Hvad valgte KTMU?" names Klima-, Teknik- og Miljøudvalget as people write it; a word in small letters
    that spells the same, a body that is no committee, or initials of two letters without the "U" name none."""
    from retrieval.question import bodies_in, body_initials, spelled_out

    assert body_initials("Klima-, Teknik- og Miljøudvalget") == ["KTMU", "KTM"]
    assert body_initials("Økonomiudvalget") == ["ØU"]
    assert body_initials("Social- og Handicapudvalget") == ["SHU"]
    assert body_initials("Byrådet") == []
    bodies = ["Klima-, Teknik- og Miljøudvalget", "Økonomiudvalget", "Byrådet"]
    assert bodies_in("Hvilken løsning valgte KTMU, og hvad sagde Byrådet?", bodies) == {
        "Klima-, Teknik- og Miljøudvalget",
        "Byrådet",
    }
    assert bodies_in("Hvad anbefalede ØU og KTMU's formand?", bodies) == {
        "Klima-, Teknik- og Miljøudvalget",
        "Økonomiudvalget",
    }
    assert bodies_in("Hvad koster ktmu-ordningen?", bodies) == set()
    # Searched, weighed and checked as if written in full (the minutes never print "KTMU").
    assert spelled_out("Hvad valgte KTMU, og hvad sagde ØU's formand om ktmu-ordningen?", bodies) == (
        "Hvad valgte Klima-, Teknik- og Miljøudvalget, og hvad sagde Økonomiudvalgets formand om ktmu-ordningen?"
    )


def test_bodies_named_apart_ask_across_their_meetings() -> None:
    """ "Hvad anbefalede Økonomiudvalget, og hvordan endte sagen i Byrådet?" follows one matter from meeting to
    meeting; "… i henholdsvis A og B" asks each body its own part; one body asks nothing across."""
    from retrieval.bodies import names_bodies_apart

    assert names_bodies_apart("Hvad anbefalede Økonomiudvalget, og hvordan endte sagen i Byrådet?", BODIES)
    assert not names_bodies_apart("Hvad er merforbruget i henholdsvis Økonomiudvalget og Byrådet?", BODIES)
    assert not names_bodies_apart("Hvad anbefalede Økonomiudvalget?", BODIES)


def test_a_question_naming_a_body_is_quoted_from_that_bodys_items(fixture_index, monkeypatch) -> None:
    """Another body's item that merely lists the committees is not where a question to one committee is answered."""
    extractive = ExtractiveAnswerer(fixture_index)
    hits = [
        make_hit("Klagesager", document="a").model_copy(update={"body": "Skole- og Børneudvalget"}),
        make_hit("Gensidig orientering", document="b").model_copy(update={"body": "Social- og Handicapudvalget"}),
    ]
    ranked: list[list[str]] = []
    monkeypatch.setattr(
        extractive, "rank", lambda question, quoted, *a, **k: ranked.append([h.body for h in quoted]) or []
    )
    extractive.answer("Hvilke sager bad Social- og Handicapudvalget om?", hits)
    extractive.answer("Hvilke sager bad udvalget om?", hits)
    assert ranked == [["Social- og Handicapudvalget"], ["Skole- og Børneudvalget", "Social- og Handicapudvalget"]]


def test_a_committee_is_named_by_one_word_of_its_name() -> None:
    """ "Hvad skete der med teknikudvalgets snak om …?" names Klima-, Teknik- og Miljøudvalget as people say it; a
    word two committees share, a committee's own full name, or the last word of a name written in full is left."""
    from retrieval.question import short_names, spelled_out

    bodies = ["Klima-, Teknik- og Miljøudvalget", "Kultur- og Fritidsudvalget", "Økonomiudvalget", "Byrådet"]
    assert short_names("Klima-, Teknik- og Miljøudvalget") == ["klima", "teknik", "miljø"]
    assert short_names("Økonomiudvalget") == [] and short_names("Byrådet") == []
    assert spelled_out("Hvad skete der med teknikudvalgets snak, og hvad mente kulturudvalget?", bodies) == (
        "Hvad skete der med Klima-, Teknik- og Miljøudvalgets snak, og hvad mente Kultur- og Fritidsudvalget?"
    )
    assert spelled_out("Hvad besluttede Klima-, Teknik- og Miljøudvalget?", bodies) == (
        "Hvad besluttede Klima-, Teknik- og Miljøudvalget?"
    )
    assert spelled_out("Hvad gør fagudvalgene og miljøudvalget?", [*bodies, "Miljøudvalget"]) == (
        "Hvad gør fagudvalgene og miljøudvalget?"
    )
    shared = [*bodies, "Kultur- og Idrætsudvalget"]
    assert spelled_out("Hvad mente kulturudvalget?", shared) == "Hvad mente kulturudvalget?"


def test_a_body_named_in_a_clause_of_its_own_asks_no_meetings_of_its_own() -> None:
    """ "… – blev det klimapuljen, som Klima-, Teknik- og Miljøudvalget gik ind for?" asks where the matter ended, not
    that committee's meetings alone; "Hvad besluttede Økonomiudvalget om …?" asks that body."""
    from retrieval.question import bodies_asked

    assert bodies_asked("Hvilken pulje betaler – blev det den, som Social- og Handicapudvalget ville?", BODIES) == set()
    assert bodies_asked("Hvad skete der, da Økonomiudvalget behandlede sagen?", BODIES) == set()
    assert bodies_asked("Hvad mente Social- og Handicapudvalget om puljen?", BODIES) == {"Social- og Handicapudvalget"}
    assert bodies_asked("Hvad besluttede Økonomiudvalget om fortovet?", BODIES) == {"Økonomiudvalget"}
