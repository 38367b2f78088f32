"""Three more layouts kept out of development: the third held-out test of the segmenter ("held-out-3").

Printed from meetings that none of ``corpus.tsv``, ``held_out.tsv`` and ``held_out_2.tsv`` uses
(``held_out_3.tsv``). Each is modelled on a kind of Danish minutes that none of the thirteen other layouts
resembles: a KL/KKR-style decision protocol set in a narrow column whose case numbers stand in the line that names
the item's kind, a 2024 meeting-system export with a cover page, contents over two pages, a supplementary agenda
that continues the numbering and bookmarks down to the attachments, and a small municipality's Word template
whose headings differ from the body only by their type family and colour and may stand alone at a page's foot.
"""

from __future__ import annotations

from eval.render.layouts import Layout

HELD_OUT_3_LAYOUTS: list[Layout] = [
    Layout(
        name="kl-sagstype",
        description='KL/KKR-lignende beslutningsprotokol sat i en smal spalte til højre: "7. Titel" med stor fed '
        'skrift, der ofte brydes over to-tre linjer, og under den en grå linje "Beslutningssag · SAG-2023-00204 · '
        'metr" (sagstype, sagsnummer, sagsbehandler); lukkede punkter står på deres plads og kendes kun på '
        '"Lukket sag"; afsnit som Baggrund/Indstilling/Sagsfremstilling/Beslutning, indhold med sidetal på '
        'forsiden, "SIDE | N" i sidehovedet, ingen bogmærker',
        font="dejavu-sans",
        body_size=9.5,
        heading_size=16,
        numbering="dot",
        case_position="kind_line",
        case_format="sag",
        contents="dotted_pages",
        contents_title="Indhold",
        closed_style="kind_line",
        first_page="kl",
        running_header="side_pipe",
        attachments="named_list",
        left_margin=58,
        renamed_sections=(("Resume", "Baggrund"), ("Sagsbeskrivelse", "Sagsfremstilling")),
        items_on_new_page=True,
        item_gap=2.5,
    ),
    Layout(
        name="prepare-tillaeg",
        description="Mødesystem-eksport (2024): forside for sig, indholdsfortegnelse over to sider med bilagene "
        'under hvert punkt, "Åben dagsorden", "Tillægsdagsorden" (de nyeste sager, nummereringen fortsætter) og '
        '"Lukket dagsorden" med alle punkter nummereret fortløbende, "12. Titel" med det nøgne sagsnummer '
        "(24/09971) i en kasse yderst til højre, bogmærker i tre niveauer (del, punkt, bilag), sidefod med "
        '"Side N af M"',
        font="dejavu-sans-condensed",
        body_size=10,
        heading_size=12.5,
        numbering="dot",
        case_position="box",
        case_format="slash_padded",
        outline="parts_attachments",
        contents="parts_attachments",
        contents_title="Indholdsfortegnelse",
        closed_style="closed_agenda",
        first_page="prepare_cover",
        running_header="footer_line",
        attachments="named_list",
        supplement=True,
        items_on_new_page=True,
    ),
    Layout(
        name="pkt-skrift",
        description='Lille kommunes Word-skabelon: brødtekst med antikva, "Pkt. 12. Titel" i en grotesk i '
        "brødtekstens størrelse, mørkeblå og uden fed, så overskriften kan stå alene nederst på en side; under "
        'den en tabel med "Sagsnr." og ansvarligt center, beslutningen først, afsnitsnavne i kursiv, lukkede '
        'punkter med "Lukket:" og hele teksten, sagens forløb med "Punkt 7"-henvisninger, bilag som nummereret '
        "liste, hverken bogmærker eller indholdsfortegnelse",
        font="dejavu-serif",
        body_size=10,
        heading_size=10,
        heading_bold=False,
        heading_font="dejavu-sans",
        heading_color=(31, 73, 125),
        numbering="pkt_dot",
        case_position="fact_table",
        case_format="slash",
        section_style="italic",
        decision_first=True,
        closed_style="title",
        first_page="fact_table",
        running_header="footer_center",
        attachments="numbered_list",
        heading_kept_with_text=False,
        history_punkt=True,
        item_gap=2,
    ),
]
