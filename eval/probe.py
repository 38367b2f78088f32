"""Questions generated from the minutes' own structure: ``python -m eval.probe --data-dir DIR``.

For every indexed meeting the probe asks what its structure answers without a person writing the question:
who was absent ("Fraværende:"/"Afbud:" in the meeting's opening), where it was held ("Sted:"/"Mødested:"), and
what was decided on two of its items (the last sentence of the item's Beslutning). An answer counts when it holds
the printed value. The questions are made from referat's own reading of the PDFs, so this measures answering, not
reading; it is a fast check on many layouts at once (eval/corpus/rendered and held-out*: 19 layouts), never a
replacement for the hand-written sets. Nothing here reads the test corpus unless it is pointed at it.
"""

from __future__ import annotations

import argparse
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ingestion.domain import Document
from ingestion.meeting import MONTH_NAMES
from retrieval.assistant import Assistant
from retrieval.sentences import item_sentences
from retrieval.settings import Settings

_ABSENT = re.compile(r"(?:Fraværende|Afbud)[:\s]+([A-ZÆØÅ][^:]*?)(?=\s+[A-ZÆØÅ][a-zæøå]+:|$)")
_PLACE = re.compile(r"(?:Mødested|Sted)[:\s]+(.+?)(?=\s+[A-ZÆØÅ][a-zæøå]+:|\s+(?:Deltagere|Medlemmer|Til stede)|$)")
ITEMS_PER_MEETING = 2


@dataclass(frozen=True)
class Probe:
    kind: str
    question: str
    expected: str
    document: str


def _day(document: Document) -> str:
    date = document.meeting_date
    assert date is not None
    return f"{date.day}. {MONTH_NAMES[date.month - 1]} {date.year}"


def probes(document: Document, rng: random.Random) -> Iterator[Probe]:
    if not document.meeting_date or not document.body:
        return
    opening = [item for item in document.items if not item.number]
    text = " ".join(s.text for item in opening[:1] for s in item_sentences(item))
    where = f"{document.body}s møde den {_day(document)}"
    absent = _ABSENT.search(text)
    if absent and not absent.group(1).strip().startswith("Ingen"):
        name = absent.group(1).split(",")[0].strip().rstrip(".")
        yield Probe("absent", f"Hvem var fraværende ved {where}?", name, document.file_name)
    place = _PLACE.search(text)
    if place:
        yield Probe("place", f"Hvor blev {where} holdt?", place.group(1).split(",")[0].strip()[:20], document.file_name)
    decided = [item for item in document.items if item.number and any(s.name == "Beslutning" for s in item.sections)]
    for item in rng.sample(decided, min(ITEMS_PER_MEETING, len(decided))):
        decision = [s.text for s in item_sentences(item) if s.section == "Beslutning"]
        question = f"Hvad besluttede {document.body} den {_day(document)} om {item.title[:60]}?"
        yield Probe("decision", question, " ".join(decision[-1].split())[:40], document.file_name)


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", type=Path, required=True, help="an index made with `referat ingest`")
    parser.add_argument("--misses", action="store_true", help="print every question whose answer misses")
    arguments = parser.parse_args()
    assistant = Assistant(Settings(data_dir=arguments.data_dir))
    rng = random.Random(1)
    results: dict[str, list[bool]] = {}
    for document in sorted(assistant.index.stored_documents(), key=lambda d: d.file_name):
        for probe in probes(document, rng):
            answer = assistant.ask(probe.question)
            held = _folded(probe.expected) in _folded(answer.answer)
            results.setdefault(probe.kind, []).append(held)
            if arguments.misses and not held:
                print(f"MISS {probe.document}: {probe.question} | want {probe.expected!r} | {answer.answer[:160]!r}")
    for kind, held in results.items():
        print(f"{kind}: {sum(held)}/{len(held)}")
    assistant.index.close()


if __name__ == "__main__":
    main()
