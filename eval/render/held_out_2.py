"""Three more layouts kept out of development: the second held-out test of the segmenter ("held-out-2").

Printed from meetings that neither ``corpus.tsv`` nor ``held_out.tsv`` uses (``held_out_2.tsv``). Each is
modelled on a kind of Danish minutes that none of the ten other layouts resembles: a region's two-column
minutes with every label in a margin column, an Acadre protocol from about 2010 with roman-numbered parts and
a ruled contents table, and a small municipality's Word template whose headings are set like body text.
"""

from __future__ import annotations

from eval.render.layouts import Layout

HELD_OUT_2_LAYOUTS: list[Layout] = [
    Layout(
        name="region-margen",
        description='Regionens to-spaltede referat: "Sag 4" i en margenspalte og titlen ved siden af i en tynd, '
        'farvet skrift uden fed, "Journalnr." med et sammenskrevet nummer (22011409) og alle afsnitsnavne i '
        "margenen, punkterne adskilt af en farvet streg, beslutningen først, lukkede punkter markeret i margenen, "
        "bogmærker men ingen indholdsfortegnelse",
        font="dejavu-sans",
        body_size=9.5,
        heading_size=14,
        heading_bold=False,
        heading_light=True,
        numbering="sag_margin",
        case_position="margin",
        case_format="compact",
        case_label="Journalnr.",
        outline="numbered",
        section_style="margin",
        decision_first=True,
        closed_style="marker",
        first_page="region",
        running_header="band",
        attachments="named_list",
        item_gap=2.5,
    ),
    Layout(
        name="acadre-romertal",
        description="Acadre-protokol (ca. 2010) i Times: forside, indholdsfortegnelse som tabel med sidetallet "
        'forrest, "I. Åbne sager" og "II. Lukkede sager" med "Punkt 4. Titel" under, en linje '
        '"Sagsnr.: 22/11409 | J.nr.: … | Dok.nr.: …", lukkede punkter kun med titel, bilag som nummereret liste, '
        'sidehoved "Referat for … Side N"',
        font="times",
        body_size=11,
        heading_size=12,
        numbering="punkt_dot",
        case_position="id_line",
        case_format="slash",
        case_label="Sagsnr.:",
        contents="table_page_first",
        contents_title="Indholdsfortegnelse",
        decision_heading="Beslutning i {body} den {date}",
        closed_style="roman_parts",
        first_page="acadre",
        running_header="acadre",
        attachments="numbered_list",
    ),
    Layout(
        name="word-parentes",
        description='Lille kommunes Word-skabelon: "4) Titel" uden fed, kun et punkt større end brødteksten, med '
        'det nøgne sagsnummer ved et tabulatorstop på samme linje, afsnitsnavne som "Indstilling:", punkterne '
        "adskilt af luft alene, lukkede punkter med hele teksten, den løbende overskrift i sidehovedet, hverken "
        "bogmærker eller indholdsfortegnelse, Helvetica",
        font="helvetica",
        body_size=10.5,
        heading_size=11.5,
        heading_bold=False,
        numbering="paren",
        case_position="tab",
        case_format="as_is",
        section_style="colon",
        closed_style="title",
        first_page="memo",
        running_header="item_title",
        item_gap=3,
    ),
]
