"""Three layouts kept out of the development set: the held-out test of the segmenter.

They are printed from meetings that ``corpus.tsv`` does not use (``held_out.tsv``), and each combines choices
that none of the seven layouts in ``LAYOUTS`` makes — numbering, where the case number stands, how closed
items are shown, what the outline holds — so a segmenter tuned on the rendered development set meets minutes
it has not seen.
"""

from __future__ import annotations

from eval.render.layouts import Layout

HELD_OUT_LAYOUTS: list[Layout] = [
    Layout(
        name="ad-versaler",
        description='Word-referat uden fed skrift: "Ad 3) TITEL MED VERSALER" i brødtekstens størrelse med '
        '"Sags nr. 22-011409" højrestillet på samme linje, nummereret dagsorden forrest, understregede '
        "afsnitsnavne, lukkede punkter kun med titel, sidetal centreret i sidefoden, Helvetica",
        font="helvetica",
        body_size=10.5,
        heading_size=10.5,
        heading_bold=False,
        numbering="ad_paren",
        heading_case="upper",
        case_position="right_of_heading",
        case_format="as_is",
        case_label="Sags nr.",
        contents="agenda_list",
        contents_title="Dagsorden:",
        section_style="underlined",
        decision_heading="Udvalgets beslutning",
        closed_style="withheld",
        first_page="minutes_of",
        running_header="footer_center",
    ),
    Layout(
        name="sbsys-blok",
        description='ESDH-eksport: nummeret i egen kolonne ("3   Titel"), en blok med "Sagsnr.: 27.69.48-P05-12-22  '
        'Sagsbehandler: …" og "Dok.nr.: …", indholdsfortegnelse i to dele med sidetal, lukkede punkter til sidst '
        'med deres egne numre, bogmærker under "Åbne punkter"/"Lukkede punkter", bilag som nummereret liste',
        font="dejavu-sans-condensed",
        body_size=9.5,
        heading_size=12,
        numbering="hanging",
        case_position="block",
        case_format="kle",
        case_label="Sagsnr.:",
        outline="parts",
        contents="dotted_parts",
        decision_heading="Beslutning i {body} den {date}",
        closed_style="appendix",
        first_page="letterhead",
        running_header="letterhead",
        attachments="numbered_list",
    ),
    Layout(
        name="paragraf-protokol",
        description='Protokol: "§ 3. Titel", "Journalnr.: 2022/11409" under, hvert punkt på ny side, afsnitsnavne '
        'med versaler, lukkede punkter som "Lukket punkt" uden titel og sagsnummer, "§ 3 (fortsat)" i sidehovedet, '
        "bilag med bogmærker under punktet, sagens forløb med tidligere paragraffer",
        font="dejavu-serif-condensed",
        body_size=10,
        heading_size=12.5,
        numbering="paragraph_sign",
        case_position="below",
        case_format="year_slash",
        case_label="Journalnr.:",
        outline="with_attachments",
        new_page_per_item=True,
        section_style="caps",
        decision_heading="{body}s beslutning",
        closed_style="anonymous",
        first_page="protocol",
        running_header="continued",
        history_references=True,
        attachments="named_list",
    ),
]
