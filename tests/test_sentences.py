"""How an item's lines become the sentences that are quoted."""

from ingestion.domain import Line
from retrieval.sentences import split_lines


def _lines(*texts: str) -> list[Line]:
    return [Line(text=text, page=1) for text in texts]


def test_a_labelled_line_is_one_sentence_with_its_value():
    """The meeting's own information prints "Label: value" lines; the label belongs to its value, not to the end
    of the line before it ("… Per Lund Fraværende:" and "Maria Hansen" would answer no "hvem var fraværende")."""
    lines = _lines("Dato: 07-02-2024", "Deltagere: Anne Holm, Per Lund", "Fraværende: Maria Hansen")
    assert [s.text for s in split_lines(lines, "")] == [
        "Dato: 07-02-2024",
        "Deltagere: Anne Holm, Per Lund",
        "Fraværende: Maria Hansen",
    ]


def test_a_lead_in_wrapped_before_its_colon_is_no_label():
    """ "… som i Vestby" / "Kommune fx:" is the end of a lead-in to a list, not a label "Kommune" with a value."""
    lines = _lines(
        "Aftalen skal indeholde kriterier for anvisning som i Vestby",
        "Kommune fx:",
        "- krav om EU-borgerskab",
        "Fraværende: Anne Holm",
    )
    assert [(s.text, s.list_item) for s in split_lines(lines, "Beslutning")] == [
        ("Aftalen skal indeholde kriterier for anvisning som i Vestby Kommune fx:", False),
        ("- krav om EU-borgerskab", True),
        ("Fraværende: Anne Holm", False),
    ]


def test_a_list_entrys_term_wrapped_before_its_colon_stays_the_entry():
    """ "• Fordrevne fra" / "Ukraine: Den største …" is one entry; "• Anne Holm" / "Fraværende: …" are two lines."""
    wrapped = _lines("• Fordrevne fra", "Ukraine: Den største udfordring er boligerne.", "• Movia: Udgifterne stiger.")
    assert [(s.text, s.list_item) for s in split_lines(wrapped, "Sagen")] == [
        ("• Fordrevne fra Ukraine: Den største udfordring er boligerne.", True),
        ("• Movia: Udgifterne stiger.", True),
    ]
    names = _lines("• Anne Holm", "Fraværende: Per Lund")
    assert [s.text for s in split_lines(names, "Deltagere")] == ["• Anne Holm", "Fraværende: Per Lund"]


def test_prose_is_split_into_sentences_across_lines():
    lines = _lines(
        "Udvalget besøgte skolen. Formanden takkede",
        "for rundvisningen. Sagen blev taget til efterretning.",
    )
    assert [s.text for s in split_lines(lines, "Beslutning")] == [
        "Udvalget besøgte skolen.",
        "Formanden takkede for rundvisningen.",
        "Sagen blev taget til efterretning.",
    ]


def test_a_middle_initial_ends_no_sentence():
    """ "Oplæg ved Anne B." / "Holm, leder af Vestby Bibliotek." is one sentence: the name is the answer to "hvem"."""
    lines = _lines("• Oplæg om biblioteket ved Anne B.", "Holm, leder af Vestby Bibliotek. Udvalget takkede.")
    assert [s.text for s in split_lines(lines, "Sagen")] == [
        "• Oplæg om biblioteket ved Anne B. Holm, leder af Vestby Bibliotek.",
        "Udvalget takkede.",
    ]


def test_a_sentence_after_a_closed_list_entry_is_no_part_of_it():
    """ "• Beboersammensætning (Indsats 8)" / "Hertil kommer indsatser besluttet med" / "budgetforliget." — the entry
    ends at its bracket, and the sentence after it (wrapped or not) is a sentence of its own; a wrapped entry
    ("• Koordineret indsats til de mest" / "udsatte familier (Indsats 4)") stays one."""
    lines = _lines(
        "• Koordineret indsats til de mest",
        "udsatte familier (Indsats 4)",
        "Disse fire er fra stormødet.",
        "• Beboersammensætning (Indsats 8)",
        "Hertil kommer indsatser besluttet med",
        "budgetforliget.",
        "• Vagter (Indsats 10)",
    )
    assert [(s.text, s.list_item) for s in split_lines(lines, "Sagen")] == [
        ("• Koordineret indsats til de mest udsatte familier (Indsats 4)", True),
        ("Disse fire er fra stormødet.", False),
        ("• Beboersammensætning (Indsats 8)", True),
        ("Hertil kommer indsatser besluttet med budgetforliget.", False),
        ("• Vagter (Indsats 10)", True),
    ]
    named = _lines("• Møde med borgmester (Vestby)", "Anne Holm")
    assert [s.text for s in split_lines(named, "Sagen")] == ["• Møde med borgmester (Vestby) Anne Holm"]


def test_an_attendance_line_is_found_by_its_label_or_its_heading():
    from retrieval.answer import _labelled
    from retrieval.question import meeting_fact

    asked = meeting_fact("Hvem var fraværende, da udvalget behandlede sagen?")
    under_heading = split_lines(_lines("Anne Holm"), "Fraværende")[0]
    labelled = split_lines(_lines("Afbud: Anne Holm"), "Beslutning")[0]
    other = split_lines(_lines("Sagen blev godkendt."), "Beslutning")[0]
    assert _labelled(under_heading, asked)
    assert _labelled(labelled, asked)
    assert not _labelled(other, asked)


def test_a_line_that_says_the_meeting_ended_answers_when_it_ended():
    from retrieval.answer import _labelled
    from retrieval.question import meeting_facts

    asked = meeting_facts("Hvornår blev udvalgets møde den 3. maj 2024 hævet?")
    assert asked == ["end"]
    ended = split_lines(_lines("Mødet hævet kl. 10.15."), "Beslutning")[0]
    plan = split_lines(_lines("Udvalget mødes igen i januar."), "Tidsplan")[0]
    began = split_lines(_lines("Mødetidspunkt kl. 17:00"), "")[0]
    assert _labelled(ended, "end")
    assert not _labelled(plan, "end") and not _labelled(plan, "time")  # "Tidsplan" is no time of the meeting
    assert _labelled(began, "time") and not _labelled(began, "end")  # the hour it began is not when it ended


def test_several_labels_on_one_line_each_start_a_sentence_with_their_values():
    lines = _lines("Dato: 8. februar 2024 Tid: kl. 08.00 Sted:", "Mødelokale 1", "Afbud: Jens Hansen")
    assert [s.text for s in split_lines(lines, "")] == [
        "Dato: 8. februar 2024",
        "Tid: kl. 08.00",
        "Sted: Mødelokale 1",
        "Afbud: Jens Hansen",
    ]


def test_a_bullet_whose_entry_opens_with_a_label_stays_one_list_entry():
    lines = _lines("• Kloge kvadratmeter: Vi udnytter bygningerne godt.", "• Løsningerne laver vi sammen:")
    assert [(s.text, s.list_item) for s in split_lines(lines, "")] == [
        ("• Kloge kvadratmeter: Vi udnytter bygningerne godt.", True),
        ("• Løsningerne laver vi sammen:", True),
    ]


def test_a_reference_to_an_earlier_item_does_not_end_the_sentence():
    lines = _lines("Byrådet godkendte den 15. maj 2023 (pkt. 43) planen. Den gælder fra 2024.")
    assert [s.text for s in split_lines(lines, "")] == [
        "Byrådet godkendte den 15. maj 2023 (pkt. 43) planen.",
        "Den gælder fra 2024.",
    ]


def test_a_timetable_entry_keeps_its_value_after_the_colon():
    """ "• 12. og 13. september:" / "Budgetforhandlinger": the date and what happens then are one sentence, so a
    question about when the negotiations are finds the date."""
    lines = [
        Line(text="Det bliver et langt forløb: Der er mange forslag.", page=3),
        Line(text="• 6. september:", page=3),
        Line(text="Frist for modtagelse af budgetspørgsmål", page=3),
        Line(text="• 12. og 13. september:", page=3),
        Line(text="Budgetforhandlinger", page=3),
    ]
    texts = [sentence.text for sentence in split_lines(lines, "Tidsplan")]
    assert texts[:2] == ["Det bliver et langt forløb:", "Der er mange forslag."]  # prose splits as before
    assert texts[2:] == [
        "• 6. september: Frist for modtagelse af budgetspørgsmål",
        "• 12. og 13. september: Budgetforhandlinger",
    ]


def test_each_step_of_an_items_course_is_its_own_sentence():
    """ "25-05-2023 Vestby Udvalg" / "1.-2. Anbefales" / "12-06-2023 Økonomiudvalget …": a dated line with a name
    heads the next meeting's step, also where the step before it ends without a full stop (it ran on into it)."""
    sentences = split_lines(
        _lines(
            "25-05-2023 Vestby Udvalg",
            "1.-2. Anbefales",
            "12-06-2023 Økonomiudvalget Økonomiudvalget anbefaler, at Vestby Udvalgs indstilling godkendes.",
        ),
        "Sagens forløb",
    )
    assert [s.text for s in sentences] == [
        "25-05-2023 Vestby Udvalg 1.-2. Anbefales",
        "12-06-2023 Økonomiudvalget Økonomiudvalget anbefaler, at Vestby Udvalgs indstilling godkendes.",
    ]


def test_a_meetings_own_lines_are_one_fact_each_with_or_without_a_colon():
    """A meeting's opening prints its facts as labels over or before their values, often without a colon
    ("Mødested Mødelokale 6+7", "Medlemmer" over the names): each fact is its own sentence, so that "Hvor blev mødet
    holdt?" quotes the place, not a run-on of the whole opening; a value under its label ("Mødelokale 1" under
    "Mødested") stays with it, and the next page (the agenda's list of attachments) is no part of the last fact."""
    lines = [
        Line(text="REFERAT", page=1),
        Line(text="Mødedato Mandag d. 13. november 2023", page=1),
        Line(text="Mødested", page=1),
        Line(text="Mødelokale 1", page=1),
        Line(text="Medlemmer", page=1),
        Line(text="Anne Holm", page=1),
        Line(text="Per Lund", page=1),
        Line(text="Fraværende", page=1),
        Line(text="Ingen", page=1),
        Line(text="Bilag 1 Tidsplan", page=2),
    ]
    assert [s.text for s in split_lines(lines, "", meeting=True)] == [
        "REFERAT",
        "Mødedato Mandag d. 13. november 2023",
        "Mødested Mødelokale 1",
        "Medlemmer Anne Holm Per Lund",
        "Fraværende Ingen",
        "Bilag 1 Tidsplan",
    ]
    # In an item's text such words start no sentence of their own.
    assert len(split_lines(_lines("Udvalget drøftede", "Tid og sted for dialogmødet."), "Sagen")) == 1
