"""The order of the items a search returns: the same words with another number are another matter."""

from retrieval.domain import Hit
from retrieval.question import numbered_matters
from retrieval.search import other_numbers_last
from tests.conftest import make_hit


def _hit(title: str) -> Hit:
    return make_hit(title, document=title)


def test_numbered_names_are_read_after_and_before_their_word_but_years_are_not() -> None:
    assert numbered_matters("Budgetopfølgning 3 2022, Vestby Udvalg") == {"budgetopfølgning": {"3"}}
    assert numbered_matters("1. udkast til Vestby Politik 2023-2026") == {"udkast": {"1"}}
    assert numbered_matters("Hvor mange elever gik der i skole i 2023?") == {}
    assert numbered_matters("Kommuneplan 2021") == {}
    assert numbered_matters("Hvad besluttede udvalget den 5. september om skolen?") == {}


def test_an_item_numbering_the_asked_matter_otherwise_goes_last() -> None:
    second, third, other = _hit("Budgetopfølgning 2 2022"), _hit("Budgetopfølgning 3 2022"), _hit("Handleplan")
    question = "Hvilket merforbrug viste budgetopfølgning 3 for 2022?"
    assert other_numbers_last([second, third, other], question) == [third, other, second]
    # A question that numbers nothing keeps the order.
    assert other_numbers_last([second, third], "Hvilket merforbrug viste budgetopfølgningen?") == [second, third]


def test_a_sentence_numbering_the_matter_otherwise_is_about_another_matter() -> None:
    from retrieval.question import numbers_otherwise

    asked = numbered_matters("Hvilket merforbrug viste budgetopfølgning 2 i Vestby Udvalg?")
    assert numbers_otherwise("Budgetopfølgning 1 blev behandlet i maj og viste et merforbrug.", asked)
    assert not numbers_otherwise("Budgetopfølgning 2 viser et merforbrug på 3 mio. kr.", asked)
    assert not numbers_otherwise("Udvalget forventer et merforbrug på 3 mio. kr.", asked)
    assert not numbers_otherwise("Budgetopfølgning 1 blev behandlet i maj.", {})


def test_a_named_body_is_its_whole_name_not_a_word_inside_another():
    """ "Skole- og Børneudvalget" names that committee, not a "Børneudvalget" whose name stands inside it."""
    from retrieval.search import prefer_named_meeting

    inner = make_hit("Budget", document="a").model_copy(update={"body": "Børneudvalget"})
    other = make_hit("Budget", document="b").model_copy(update={"body": "Økonomiudvalget"})
    whole = make_hit("Budget", document="c").model_copy(update={"body": "Skole- og Børneudvalget"})
    ordered = prefer_named_meeting([inner, other, whole], "Hvad besluttede Skole- og Børneudvalgets medlemmer?")
    assert [hit.document_id for hit in ordered] == ["c", "a", "b"]


def test_two_named_times_put_the_meetings_between_them_first_whatever_their_body():
    """ "fra teknikudvalget i november 2022 til Vestby Udvalg i marts 2023": the meetings of that span come first
    (a body named in the question's own words, "teknikudvalget", must not push its meeting out)."""
    import datetime as dt

    from retrieval.search import prefer_named_meeting

    def hit(document: str, date: dt.date, body: str) -> Hit:
        return make_hit("Daginstitution", document=document, date=date).model_copy(update={"body": body})

    before = hit("a", dt.date(2022, 6, 20), "Vestby Udvalg")
    november = hit("b", dt.date(2022, 11, 17), "Klima-, Teknik- og Miljøudvalget")
    march = hit("c", dt.date(2023, 3, 15), "Vestby Udvalg")
    question = "Hvad er status på daginstitutionen – fra teknikudvalget i november 2022 til Vestby Udvalg i marts 2023?"
    ordered = prefer_named_meeting([before, november, march], question)
    assert [h.document_id for h in ordered] == ["b", "c", "a"]
