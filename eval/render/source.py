"""Greve Kommune's FirstAgenda JSON (../shared/corpus/greve) → a meeting the renderer can print."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from eval.render.html_text import Block, html_blocks

# The JSON wraps the item's sections in a "Fremstilling" heading that no printed minutes show.
_WRAPPER_HEADINGS = {"fremstilling"}
DECISION = "Beslutning"
HISTORY = "Sagens forløb"


@dataclass(frozen=True)
class SourceSection:
    name: str
    blocks: list[Block]


@dataclass(frozen=True)
class SourceItem:
    number: str
    title: str
    case_number: str
    sections: list[SourceSection]
    attachments: tuple[str, ...] = ()  # the names of the item's attachments ("Bilag 1. Notat om …"), in order

    @property
    def closed(self) -> bool:
        return self.title.casefold().startswith("lukket")


@dataclass(frozen=True)
class SourceMeeting:
    source: str  # the JSON file's name, for the label's notes only
    body: str
    start: dt.datetime
    place: str
    present: list[str]
    absent: list[str]
    items: list[SourceItem]


def _body_name(name: str) -> str:
    """ "Byråd 2022-2025" → "Byrådet"; committee names are printed as they are."""
    if name.casefold().startswith("byråd"):
        return "Byrådet"
    return name


def _sections(markup: str) -> list[SourceSection]:
    sections: list[SourceSection] = []
    name, blocks = "", []
    for block in html_blocks(markup):
        if block.kind == "heading":
            if block.text.casefold() in _WRAPPER_HEADINGS:
                continue
            if blocks or name:
                sections.append(SourceSection(name, blocks))
            name, blocks = block.text, []
        else:
            blocks.append(block)
    if blocks or name:
        sections.append(SourceSection(name, blocks))
    return [section for section in sections if section.blocks]


def _attachment_names(attachments: list[dict]) -> tuple[str, ...]:
    ordered = sorted(attachments, key=lambda attachment: attachment.get("Order") or 0)
    names = (" ".join((attachment.get("Navn") or "").split()) for attachment in ordered)
    return tuple(name for name in names if name)


def load_meeting(path: Path) -> SourceMeeting:
    data = json.loads(path.read_text(encoding="utf-8"))
    meeting = data["Moede"]
    participants = meeting.get("Moededeltagere") or []
    items = []
    for entry in data["Dagsordenpunkter"]:
        markup = "".join(field.get("Html") or "" for field in entry.get("Felter") or [])
        items.append(
            SourceItem(
                number=str(entry["Punktnummer"]).strip(),
                title=" ".join(entry["Navn"].split()),
                case_number=(entry.get("SagsNummer") or "").strip(),
                sections=_sections(markup),
                attachments=_attachment_names(entry.get("Bilag") or []),
            )
        )
    return SourceMeeting(
        source=path.name,
        body=_body_name(data["Udvalg"]["Navn"]),
        start=dt.datetime.fromisoformat(meeting["Dato"]),
        place=meeting.get("Sted") or "",
        present=[p["Name"] for p in participants if not (p.get("Absent") or p.get("ParticipationCancelled"))],
        absent=[p["Name"] for p in participants if p.get("Absent") or p.get("ParticipationCancelled")],
        items=items,
    )
