"""Who was absent, where the minutes say it under each item rather than in the meeting's opening."""

from __future__ import annotations

from conftest import make_settings
from pdfs import minutes_pages, write_pdf

from retrieval.assistant import Assistant
from retrieval.index import Index


def test_who_was_absent_is_read_from_the_items_when_the_opening_does_not_say(tmp_path, embedder):
    """Some minutes print "Ikke til stede: …" below each decision: the meeting's absences are those lines, each
    distinct one once, in the agenda's order, cited at its item."""
    index = Index.open(make_settings(tmp_path / "data"), embedder)
    items = [
        ("1", "Godkendelse af dagsorden", ["Beslutning", "Godkendt.", "Ikke til stede: Anne Holm"]),
        (
            "2",
            "Ny bålplads i skoven",
            [
                "Sagsfremstilling",
                "Spejderne ønsker en bålplads.",
                "Beslutning",
                "Godkendt.",
                "Ikke til stede: Anne Holm",
                "Bilag",
                "1. Kort over skoven",
            ],
        ),
        ("3", "Cykelsti langs Strandvejen", ["Beslutning", "Udvalget udsatte punktet.", "Ikke til stede: Bo Berg"]),
        ("4", "Vejbelysning i Nordby", ["Sagsfremstilling", "Lamperne skiftes til LED.", "Beslutning", "Godkendt."]),
    ]
    opening = [
        "Teknik- og Miljøudvalget",
        "Referat",
        "Dato: 14.03.2024",
        "Sted: Mødelokale 1",
        "Deltagere: Anne Holm, Bo Berg, Eva Dal",
    ]
    index.ingest_file(write_pdf(tmp_path / "tmu_2024-03-14_referat.pdf", [opening, *minutes_pages(items)]))
    assistant = Assistant(index.settings, index=index)
    for question in ("Hvem var fraværende ved udvalgets møde den 14. marts 2024?", "Hvem havde afbud til mødet?"):
        answer = assistant.ask(question)
        assert answer.answered, question
        assert [(c.agenda_item, c.snippet) for c in answer.citations] == [
            ("1", "Ikke til stede: Anne Holm"),
            ("3", "Ikke til stede: Bo Berg"),
        ], question
    # Asked of one item ("… da udvalget behandlede cykelstien"), it is that item's line.
    item = assistant.ask("Hvem var fraværende, da udvalget behandlede cykelstien langs Strandvejen?")
    assert [(c.agenda_item, c.snippet) for c in item.citations] == [("3", "Ikke til stede: Bo Berg")]
    # A question about something else is not answered with the absences.
    other = assistant.ask("Hvad blev besluttet om cykelstien langs Strandvejen?")
    assert all("Ikke til stede" not in c.snippet for c in other.citations)
    index.close()
