"""Three more layouts kept out of development: the fourth held-out test of the segmenter ("held-out-4").

Printed from meetings that none of ``corpus.tsv`` and ``held_out.tsv`` … ``held_out_3.tsv`` uses
(``held_out_4.tsv``). Each is modelled on a kind of Danish minutes that none of the sixteen other layouts
resembles: a decision protocol whose cases are numbered on through the year, with hyphenated journal numbers and
its register of cases at the end; minutes merged from one document per item, each repeating the meeting's block
with the item's case number in it; and an older Word template that sets each item's heading as a ruled form.
"""

from __future__ import annotations

from eval.render.layouts import Layout

HELD_OUT_4_LAYOUTS: list[Layout] = [
    Layout(
        name="aarsprotokol",
        description="Beslutningsprotokol med sager nummereret fortløbende over året: en grå linje med "
        '"Sag nr. 185" til venstre og "Journal nr.: 1-30-72-11409-22" højrestillet, titlen med fed på linjen under; '
        'lukkede sager med "Lukket sag" i stedet for journalnummeret og kun beslutningen; "Mødet hævet kl. …", '
        'underskrifter og til sidst en fortegnelse over sagerne med sidetal; "Formandens initialer" i sidefoden',
        font="dejavu-serif",
        body_size=10,
        heading_size=12,
        numbering="sag_nr_line",
        case_position="number_line",
        case_format="region_journal",
        case_label="Journal nr.:",
        contents="end_table",
        contents_title="Fortegnelse over sager i protokollen",
        closed_style="decision_only",
        first_page="year_protocol",
        running_header="initials",
        year_numbering=True,
        signatures=True,
        item_gap=2,
    ),
    Layout(
        name="punkt-dokumenter",
        description="Et dokument pr. punkt, flettet til én PDF: hvert punkt på ny side under mødets blok "
        '(Greve Kommune, udvalget, "REFERAT", dato og sted) med "Sags ID: 2024-0009396" til højre i blokken, '
        'overskriften "12 (Åben) Titel" understreget uden fed, lige margener, "Side k af n" talt i hvert '
        'dokument, dagsorden med status på forsiden, et bogmærke pr. dokument ("Punkt 12 - Titel"), Times',
        font="times",
        body_size=11,
        heading_size=13,
        heading_bold=False,
        heading_underline=True,
        numbering="status_paren",
        case_position="masthead",
        case_format="year_seven",
        case_label="Sags ID:",
        outline="item_files",
        contents="status_list",
        contents_title="Dagsorden",
        new_page_per_item=True,
        items_on_new_page=True,
        closed_style="status",
        first_page="masthead",
        running_header="item_pages",
        justify=True,
    ),
    Layout(
        name="skema-forkortet",
        description="Ældre Word-skabelon (ca. 2008): hvert punkt som et lille skema, et gråt bånd med "
        '"Pkt. 7" og "Åbent punkt"/"Lukket punkt", så rækker "Dagsordenspunkt:" (titlen med fed), "Sagsnr.:", '
        '"Beh.: SOU, ØU, BY" og "Bilag: 3 stk."; afsnit som "Indstilling:" med fed, "Beslutning i ØU den …", '
        "lukkede punkters tekst udeladt, hverken bogmærker eller indholdsfortegnelse, Helvetica",
        font="helvetica",
        body_size=10,
        heading_size=10.5,
        numbering="form",
        case_position="form_row",
        case_format="slash",
        case_label="Sagsnr.:",
        section_style="bold_colon",
        decision_heading="Beslutning i {abbreviation} den {date}",
        renamed_sections=(("Sagsbeskrivelse", "Sagsfremstilling"), ("Økonomiske konsekvenser", "Økonomi")),
        closed_style="form_status",
        first_page="form",
        running_header="form",
        item_gap=2.5,
    ),
]
